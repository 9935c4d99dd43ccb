// Map snapshots (snapshot.cpp): the incidents of the window where they were, in PNG and SVG.
#include "scene_painter.h"
#include "snapshot.h"
#include "animation.h"
#include "atlas_session.h"
#include "snapshot_exporter.h"
#include "atlas/io/native_format.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QFileInfo>
#include <QPainter>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

#include <climits>

#include "ui_test_registry.h"

using namespace atlas::ui;

namespace {

// The air strike near Kafr Takharim on 26 October 2020 (Russian forces), in the sample.
std::optional<atlas::Event> kafrTakharimStrike(const atlas::Dataset& dataset) {
    for (std::size_t row = 0; row < dataset.events.size(); ++row)
        if (dataset.events.id(row) == "kafr-takharim-strike-2020-10-26") return dataset.events.at(row);
    return std::nullopt;
}

class SnapshotTest : public QObject {
    Q_OBJECT

private slots:
    void snapshotDrawsTheIncidentsOfTheWindowWhereTheyWere() {
        const atlas::LoadResult loaded = atlas::readNativeFile(ATLAS_SAMPLE_DATASET);
        QVERIFY(!loaded.failed());
        const atlas::EventIndex index(loaded.dataset);
        const std::optional<atlas::Event> strike = kafrTakharimStrike(loaded.dataset);
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

    // A reference layer is drawn under the incidents with its fills (a choropleth's), and its
    // legend under the map's.
    void aColouredAreaIsDrawnWithItsLegend() {
        const atlas::LoadResult loaded = atlas::readNativeFile(ATLAS_SAMPLE_DATASET);
        QVERIFY(!loaded.failed());
        const atlas::EventIndex index(loaded.dataset);
        atlas::ReferenceLayer layer;
        layer.name = "test";
        atlas::ReferenceFeature square; // over the Syrian desert east of Aleppo, where no incident is
        square.area.rings = {{{35.9, 38.0}, {35.9, 38.3}, {36.1, 38.3}, {36.1, 38.0}}};
        square.bounds = {38.0, 35.9, 38.3, 36.1};
        layer.features = {square};
        SnapshotView view;
        view.box = {37.2, 35.5, 38.6, 36.5};
        view.size = QSize(1000, 700);
        view.filter = atlas::EventFilter::forWindow(*atlas::Date::parse("2020-10-01"), *atlas::Date::parse("2020-10-31"));
        view.situationDate = *view.filter.to;
        atlas::render::ReferenceLayerStyle style;
        style.layer = &layer;
        style.fills = {atlas::Rgba{0, 0, 255, 255}};
        view.referenceLayers = {style};
        view.areaLegendTitle = QStringLiteral("Incidents per area");
        view.areaLegend = {{"1–2", atlas::Rgba{0, 0, 255, 255}}};
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("areas.png"));
        QVERIFY(writeSnapshot(path, loaded.dataset, index, view).empty());
        const QImage image(path);
        const QColor inside = image.pixelColor(snapshotPosition(view, {36.0, 38.15}).toPoint());
        QVERIFY2(inside.blueF() > 0.8 && inside.redF() < 0.2, qPrintable(inside.name()));
        const QColor outside = image.pixelColor(snapshotPosition(view, {36.3, 38.15}).toPoint());
        QVERIFY2(outside.blueF() < 0.8 || outside.redF() > 0.2, qPrintable(outside.name()));
        const QVariantList marks = describeMarks(snapshotScene(loaded.dataset, index, atlas::render::resolveSymbols(loaded.dataset), view));
        QCOMPARE(marks.front().toMap().value(QStringLiteral("kind")).toString(), QStringLiteral("reference")); // drawn first, under all
        // The legend's swatch: below the map's legend, in the fill's colour.
        bool swatch = false;
        for (int y = 150; y < 450 && !swatch; ++y) {
            const QColor c = image.pixelColor(30, y);
            swatch = c.blueF() > 0.8 && c.redF() < 0.2;
        }
        QVERIFY(swatch);
    }

    // An incident known only to the week is in every window it may fall in, drawn with a
    // hollow centre; under the map a timeline strip shows the window in colour.
    void aWeekDatedIncidentIsDrawnHollowInAWindowBeforeItsDate() {
        const atlas::LoadResult loaded = atlas::readNativeFile(ATLAS_SAMPLE_DATASET);
        QVERIFY(!loaded.failed());
        const atlas::EventIndex index(loaded.dataset);
        std::optional<atlas::Event> shelling; // dated 27 October 2020, known only to the week
        for (std::size_t row = 0; row < loaded.dataset.events.size(); ++row)
            if (loaded.dataset.events.id(row) == "loyalist-shelling-south-idlib-hama-2020-10-27") shelling = loaded.dataset.events.at(row);
        QVERIFY(shelling);
        QCOMPARE(shelling->datePrecision, atlas::DatePrecision::Week);
        SnapshotView view;
        view.box = {36.0, 35.4, 37.4, 36.4};
        view.size = QSize(1000, 700);
        view.placementHalos = false;
        view.filter = atlas::EventFilter::forWindow(*atlas::Date::parse("2020-10-20"), *atlas::Date::parse("2020-10-24"));
        view.situationDate = *view.filter.to;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("week.png"));
        QVERIFY(writeSnapshot(path, loaded.dataset, index, view).empty());
        const QImage image(path);
        const QPointF at = snapshotPosition(view, shelling->place.point);
        const QColor centre = image.pixelColor(at.toPoint());
        QVERIFY2(centre.lightnessF() > 0.95, qPrintable(centre.name())); // hollow
        const double radius = atlas::symbolRadius(shelling->killed);
        const QColor ring = image.pixelColor((at + QPointF(radius * 0.75, 0)).toPoint());
        QVERIFY2(ring.redF() > 0.6 && ring.greenF() < 0.4, qPrintable(ring.name())); // pro-government red around it
        // The strip: the window's bars in the timeline's red, near the bottom in the middle.
        int windowRed = 0;
        for (int y = view.size.height() - 120; y < view.size.height() - 20; ++y)
            for (int x = view.size.width() / 4; x < view.size.width() * 3 / 4; ++x)
                if (image.pixelColor(x, y) == QColor(0xb2, 0x3a, 0x2e)) ++windowRed;
        QVERIFY2(windowRed > 10, qPrintable(QString::number(windowRed)));
    }

    // A print layout: the strike where snapshotPosition says on the page's map (at 144 dpi),
    // the legend listing what is drawn, the recipe in the PNG's text, and the page's size.
    void aPageLaysOutTheMapWithItsLegendAndRecordsItsRecipe() {
        const atlas::LoadResult loaded = atlas::readNativeFile(ATLAS_SAMPLE_DATASET);
        QVERIFY(!loaded.failed());
        const atlas::EventIndex index(loaded.dataset);
        const std::optional<atlas::Event> strike = kafrTakharimStrike(loaded.dataset);
        QVERIFY(strike);
        SnapshotView view;
        view.box = {36.0, 35.4, 37.4, 36.4};
        view.size = QSize(1123, 794); // A4 landscape at 96 a inch
        view.paper = QStringLiteral("A4");
        view.pixelRatio = 1.5;
        view.title = QStringLiteral("Kafr Takharim");
        view.notes = QStringLiteral("A note.");
        view.placementHalos = false;
        const atlas::Date day = *atlas::Date::parse("2020-10-26");
        view.filter = atlas::EventFilter::forWindow(day, day);
        view.situationDate = day;
        view.recipe = QStringLiteral("{\"conflictAtlasRecipe\": 1}");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("page.png"));
        QVERIFY(writeSnapshot(path, loaded.dataset, index, view).empty());
        const QImage image(path);
        QCOMPARE(image.size(), QSize(1685, 1191));
        QCOMPARE(image.text(QStringLiteral("Recipe")), view.recipe);
        QCOMPARE(qRound(image.dotsPerMeterX() * 0.0254), 144);
        const QPoint at = snapshotPosition(view, strike->place.point).toPoint();
        const QColor fill = image.pixelColor(at); // Russian forces' purple, on the page's map
        QVERIFY2(fill.blueF() > 0.45 && fill.greenF() < 0.25 && fill.redF() > 0.3, qPrintable(fill.name()));
        QVERIFY2(image.pixelColor(10, 10) == QColor(Qt::white), "the page's margin is white");
        // Only the strike's side has a purple swatch in the column (right third of the page).
        int purple = 0;
        for (int y = 150; y < 900; ++y)
            for (int x = 1165; x < 1205; ++x) { // the swatches: the column starts at 781 layout pixels
                const QColor c = image.pixelColor(x, y);
                if (c.blueF() > 0.45 && c.greenF() < 0.25 && c.redF() > 0.3) ++purple;
            }
        QVERIFY2(purple > 20, qPrintable(QString::number(purple)));
        // The SVG of the page holds the recipe in <metadata>; its text survives as text.
        const QString svgPath = dir.filePath(QStringLiteral("page.svg"));
        QVERIFY(writeSnapshot(svgPath, loaded.dataset, index, view).empty());
        QFile svg(svgPath);
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QByteArray svgText = svg.readAll();
        QVERIFY(svgText.contains("<metadata id=\"conflict-atlas-recipe\""));
        QVERIFY(svgText.contains("{&quot;conflictAtlasRecipe&quot;: 1}"));
        QVERIFY(svgText.contains("Perpetrator's side") || svgText.contains("Perpetrator&apos;s side") || svgText.contains("Perpetrator&#39;s side"));
        QVERIFY(QSvgRenderer(svgPath).isValid());
    }

    // An animation: one frame a day over one background, encoded to a file ffprobe could read
    // (here: read back by the frame count the writer reports and a decodable header).
    void anAnimationEncodesEveryFrameOfTheDays() {
        const atlas::LoadResult loaded = atlas::readNativeFile(ATLAS_SAMPLE_DATASET);
        QVERIFY(!loaded.failed());
        const atlas::EventIndex index(loaded.dataset);
        const auto symbols = atlas::render::resolveSymbols(loaded.dataset);
        QTemporaryDir dir;
        AnimationJob job;
        job.path = dir.filePath(QStringLiteral("week.gif"));
        job.frameCount = 7;
        const atlas::Date first = *atlas::Date::parse("2020-10-20");
        job.frame = [&](int i) {
            SnapshotView view;
            view.size = QSize(400, 300);
            view.filter = atlas::EventFilter::forWindow(first.addDays(i - 6), first.addDays(i));
            view.situationDate = first.addDays(i);
            return view;
        };
        int done = 0;
        job.progress = [&](int d, int) {
            done = d;
            return true;
        };
        const atlas::VideoResult result = writeAnimation(loaded.dataset, index, symbols, job);
        QVERIFY2(!result.failed(), result.diagnostics.empty() ? "" : result.diagnostics.front().message.c_str());
        QCOMPARE(done, 7);
        QFile gif(job.path);
        QVERIFY(gif.open(QIODevice::ReadOnly));
        QVERIFY(gif.read(6) == "GIF89a");
        // Cancelled half way: no file.
        job.path = dir.filePath(QStringLiteral("cancelled.mp4"));
        job.progress = [](int d, int) { return d < 3; };
        QVERIFY(writeAnimation(loaded.dataset, index, symbols, job).cancelled);
        QVERIFY(!QFileInfo::exists(job.path));
    }

    // A picture exported from the window is drawn again by `conflict-atlas export --recipe`
    // (the script's way) from the recipe the window wrote beside it: the same PNG, byte for byte.
    void aWindowsPictureIsDrawnAgainFromItsRecipeByTheCommand() {
        QTemporaryDir folder;
        QVERIFY(QFile::copy(QStringLiteral(ATLAS_SAMPLE_DATASET), folder.filePath("idlib.atlas.json")));
        AtlasSession session;
        QVERIFY(session.document()->open(QUrl::fromLocalFile(folder.filePath("idlib.atlas.json"))));
        session.filters()->setTypeKeys({"air_strike", "shelling"});
        session.timeline()->setWindowDays(31);
        QVERIFY(session.timeline()->setCurrentDateText("2020-10-31"));
        const QString tiles = QFileInfo(QStringLiteral(ATLAS_EXE)).absolutePath() + QStringLiteral("/../basemap-tiles");
        SnapshotExporter exporter;
        exporter.setEvents(session.events());
        exporter.setTileDirectory(QDir(tiles).exists() ? QDir(tiles).canonicalPath() : QString());
        exporter.setProperty("session", QVariant::fromValue(&session));
        const QString first = folder.filePath("window.png");
        const QString said = exporter.exportTo(QUrl::fromLocalFile(first), 36.0, 35.4, 37.4, 36.4, 1000, 700, INT_MAX);
        QVERIFY2(said.startsWith("Snapshot saved to window.png") && !said.contains("recipe not"), qPrintable(said));
        QVERIFY(QFileInfo::exists(first + ".recipe.json"));

        QProcess command;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("CONFLICT_ATLAS_TILES"), exporter.tileDirectory());
        command.setProcessEnvironment(environment);
        const QString again = folder.filePath("again.png");
        command.start(QStringLiteral(ATLAS_EXE), {QStringLiteral("export"), QStringLiteral("--recipe"), first + ".recipe.json", QStringLiteral("--out"), again});
        QVERIFY(command.waitForFinished(60000));
        QVERIFY2(command.exitCode() == 0, command.readAllStandardError().constData());
        // The same bytes: the same renderer, the same recipe inside.
        QFile firstFile(first), againFile(again);
        QVERIFY(firstFile.open(QIODevice::ReadOnly) && againFile.open(QIODevice::ReadOnly));
        const QByteArray firstBytes = firstFile.readAll();
        QVERIFY(firstBytes.size() > 1000);
        QVERIFY2(firstBytes == againFile.readAll(), "the command's PNG differs from the window's");
        QVERIFY(QImage(again).text(QStringLiteral("Recipe")).contains(QStringLiteral("air_strike")));
    }

    // A large file loads on a worker thread with progress, and Cancel leaves the map as it was.
};

const RegisterUiTest registered([] { return std::make_unique<SnapshotTest>(); });

} // namespace

#include "snapshot_test.moc"
