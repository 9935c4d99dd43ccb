// Map snapshots (snapshot.cpp): the incidents of the window where they were, in PNG and SVG.
#include "snapshot.h"
#include "atlas/io/native_format.h"

#include <QFileInfo>
#include <QPainter>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

#include "ui_test_registry.h"

using namespace atlas::ui;

namespace {

class SnapshotTest : public QObject {
    Q_OBJECT

private slots:
    void snapshotDrawsTheIncidentsOfTheWindowWhereTheyWere() {
        const atlas::LoadResult loaded = atlas::readNativeFile(ATLAS_SAMPLE_DATASET);
        QVERIFY(!loaded.failed());
        const atlas::EventIndex index(loaded.dataset);
        std::optional<atlas::Event> strike;
        for (std::size_t row = 0; row < loaded.dataset.events.size(); ++row)
            if (loaded.dataset.events.id(row) == "kafr-takharim-strike-2020-10-26") strike = loaded.dataset.events.at(row);
        QVERIFY(strike);
        SnapshotView view;
        view.box = {36.0, 35.4, 37.4, 36.4};
        view.size = QSize(1000, 700);
        const atlas::Date day = *atlas::Date::parse("2020-10-26");
        view.filter = atlas::EventFilter::forWindow(day, day);
        view.situationDate = day;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("strike.png"));
        const auto problems = writeSnapshot(path, loaded.dataset, index, view);
        QVERIFY2(problems.empty(), problems.empty() ? "" : problems.front().toString().c_str());
        const QImage image(path);
        QCOMPARE(image.size(), view.size);
        const QPoint at = snapshotPosition(view, strike->place.point).toPoint();
        QVERIFY(QRect(QPoint(0, 0), view.size).contains(at));
        const QColor fill = image.pixelColor(at); // Russian forces' purple (#6a1b9a)
        QVERIFY2(fill.blueF() > 0.45 && fill.greenF() < 0.25 && fill.redF() > 0.3, qPrintable(fill.name()));
        const QColor legend = image.pixelColor(20, 16); // the legend's white panel, top left
        QVERIFY2(legend.lightnessF() > 0.9, qPrintable(legend.name()));

        // The same drawn as SVG (vectors): rendered back, the strike is purple at the same spot.
        const QString svgPath = dir.filePath(QStringLiteral("strike.svg"));
        QVERIFY(writeSnapshot(svgPath, loaded.dataset, index, view).empty());
        QSvgRenderer svg(svgPath);
        QVERIFY(svg.isValid());
        QImage fromSvg(view.size, QImage::Format_ARGB32_Premultiplied);
        fromSvg.fill(Qt::white);
        QPainter svgPainter(&fromSvg);
        svg.render(&svgPainter, QRectF(QPointF(0, 0), QSizeF(view.size)));
        svgPainter.end();
        const QColor vector = fromSvg.pixelColor(at);
        QVERIFY2(vector.blueF() > 0.45 && vector.greenF() < 0.25 && vector.redF() > 0.3, qPrintable(vector.name()));

        // The day after, the strike is not in the window: not drawn.
        const atlas::Date next = day.addDays(1);
        view.filter = atlas::EventFilter::forWindow(next, next);
        QVERIFY(writeSnapshot(path, loaded.dataset, index, view).empty());
        const QColor after = QImage(path).pixelColor(at);
        QVERIFY2(!(after.blueF() > 0.45 && after.greenF() < 0.25 && after.redF() > 0.3), qPrintable(after.name()));

        QCOMPARE(writeSnapshot(dir.filePath(QStringLiteral("x.gif")), loaded.dataset, index, view).front().code,
                 std::string("snapshot.write"));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("x.gif"))));
    }

    // A large file loads on a worker thread with progress, and Cancel leaves the map as it was.
};

const RegisterUiTest registered([] { return std::make_unique<SnapshotTest>(); });

} // namespace

#include "snapshot_test.moc"
