// The Layers panel's model (ReferenceLayers): a boundary file in UTM added, its areas coloured
// by the window's incidents on a scale that stays put while the window slides, and the same
// numbers as `conflict-atlas aggregate` (the real command) — alone and comparing two periods.
#include "atlas_session.h"
#include "reference_layers.h"

#include "synthetic_layers.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "ui_test_registry.h"

using namespace atlas::ui;

namespace {

// North-west Syria's districts (synthetic), in UTM zone 37N, in a folder with a space.
QString districtsFile(const QTemporaryDir& folder) {
    atlas::bench::SyntheticDistrictsOptions options;
    options.count = 30;
    options.epsg = 32637;
    options.pixels = 300;
    options.west = 35.7, options.east = 38.0, options.south = 35.0, options.north = 36.9;
    const QString path = folder.filePath(QStringLiteral("nw districts.shp"));
    return atlas::bench::writeSyntheticDistricts(path.toStdString(), options) > 0 ? path : QString();
}

QByteArray aggregate(const QStringList& arguments) {
    QProcess command;
    command.start(QStringLiteral(ATLAS_EXE), QStringList{QStringLiteral("aggregate"), QStringLiteral(ATLAS_SAMPLE_DATASET)} + arguments);
    if (!command.waitForFinished(60000) || command.exitCode() != 0) return "failed: " + command.readAllStandardError();
    return command.readAllStandardOutput();
}

QByteArray exported(ReferenceLayers& layers, const QTemporaryDir& folder) {
    const QString path = folder.filePath(QStringLiteral("areas.csv"));
    const QString problem = layers.exportTable(QUrl::fromLocalFile(path));
    if (!problem.isEmpty()) return problem.toUtf8();
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("unreadable");
}

class ReferenceLayersTest : public QObject {
    Q_OBJECT

private slots:
    void theWindowCountsWhatTheCommandCounts() {
        QTemporaryDir folder;
        const QString districts = districtsFile(folder);
        QVERIFY(!districts.isEmpty());
        AtlasSession session;
        QVERIFY(session.document()->open(QUrl::fromLocalFile(QStringLiteral(ATLAS_SAMPLE_DATASET))));
        ReferenceLayers& layers = *session.layers();
        QCOMPARE(layers.addPath(districts), QString());
        QCOMPARE(layers.count(), 1);
        QVERIFY(layers.layer(0)->reprojected);
        layers.setChoroplethLayer(0);
        session.timeline()->setWindowDays(14);
        QVERIFY(session.timeline()->setCurrentDateText(QStringLiteral("2020-02-14")));
        const QByteArray fromWindow = exported(layers, folder);
        QVERIFY2(fromWindow.count('\n') > 20, fromWindow.constData());
        QCOMPARE(fromWindow, aggregate({QStringLiteral("--by"), districts, QStringLiteral("--from"), QStringLiteral("2020-02-01"),
                                         QStringLiteral("--to"), QStringLiteral("2020-02-14")}));
        QVERIFY(!layers.topAreas().isEmpty());

        // The colours are drawn: the coloured layer's style fills the areas that have incidents.
        const auto& style = layers.styles().at(0);
        QCOMPARE(style.fills.size(), layers.layer(0)->features.size());
        const int filled = static_cast<int>(std::count_if(style.fills.begin(), style.fills.end(), [](atlas::Rgba c) { return c.alpha > 0; }));
        int withIncidents = 0; // the table's areas with incidents (not the last row: outside every area)
        const QList<QByteArray> lines = fromWindow.trimmed().split('\n');
        for (qsizetype i = 1; i + 1 < lines.size(); ++i) withIncidents += lines[i].split(',').value(2).toInt() > 0;
        QVERIFY(withIncidents > 0);
        QCOMPARE(filled, withIncidents);

        // Two fortnights compared: the same as aggregate --compare-from/--compare-to.
        QVERIFY(layers.compareWith(QStringLiteral("2020-01-18"), QStringLiteral("2020-01-31")));
        QVERIFY(layers.comparing());
        QCOMPARE(exported(layers, folder),
                 aggregate({QStringLiteral("--by"), districts, QStringLiteral("--from"), QStringLiteral("2020-02-01"), QStringLiteral("--to"),
                            QStringLiteral("2020-02-14"), QStringLiteral("--compare-from"), QStringLiteral("2020-01-18"),
                            QStringLiteral("--compare-to"), QStringLiteral("2020-01-31")}));
        QVERIFY(!layers.compareWith(QStringLiteral("2020-01-31"), QStringLiteral("2020-01-18"))); // ends before it starts
        layers.stopComparing();

        // With a filter: killed, air strikes only.
        session.filters()->setTypeKeys({QStringLiteral("air_strike")});
        QCOMPARE(exported(layers, folder), aggregate({QStringLiteral("--by"), districts, QStringLiteral("--from"), QStringLiteral("2020-02-01"),
                                                      QStringLiteral("--to"), QStringLiteral("2020-02-14"), QStringLiteral("--type"),
                                                      QStringLiteral("air_strike")}));
    }

    void theScaleStaysPutWhileTheWindowSlides() {
        QTemporaryDir folder;
        const QString districts = districtsFile(folder);
        AtlasSession session;
        QVERIFY(session.document()->open(QUrl::fromLocalFile(QStringLiteral(ATLAS_SAMPLE_DATASET))));
        ReferenceLayers& layers = *session.layers();
        QCOMPARE(layers.addPath(districts), QString());
        layers.setChoroplethLayer(0);
        session.timeline()->setWindowDays(7);
        QVERIFY(session.timeline()->setCurrentDateText(QStringLiteral("2020-02-10")));
        const QVariantList legend = layers.legend();
        QVERIFY(legend.size() >= 2);
        for (const char* day : {"2020-03-10", "2020-06-01", "2020-10-26"}) {
            QVERIFY(session.timeline()->setCurrentDateText(QString::fromLatin1(day)));
            QCOMPARE(layers.legend(), legend); // same classes, same colours
        }
        session.timeline()->setWindowDays(90); // a longer window holds more: a new scale
        QVERIFY(layers.legend() != legend);
    }

    void anAreaIsClickedAndFilteredTo() {
        QTemporaryDir folder;
        const QString districts = districtsFile(folder);
        AtlasSession session;
        QVERIFY(session.document()->open(QUrl::fromLocalFile(QStringLiteral(ATLAS_SAMPLE_DATASET))));
        ReferenceLayers& layers = *session.layers();
        QCOMPARE(layers.addPath(districts), QString());
        session.timeline()->setWindowDays(0); // everything
        // Maarat al-Numan (35.6434 N, 36.6727 E) lies in one of the districts.
        const QVariantMap area = layers.areaAt(35.6434, 36.6727);
        QVERIFY(area.contains(QStringLiteral("name")));
        const int events = area.value(QStringLiteral("events")).toInt();
        QVERIFY(events > 0);
        int bySide = 0;
        for (const QVariant& side : area.value(QStringLiteral("bySide")).toList()) bySide += side.toMap().value(QStringLiteral("count")).toInt();
        QCOMPARE(bySide, events);
        layers.filterToArea(area.value(QStringLiteral("layer")).toInt(), area.value(QStringLiteral("feature")).toInt());
        QVERIFY(session.filters()->regionName().startsWith(area.value(QStringLiteral("name")).toString()));
        QCOMPARE(session.events()->count(), events);
        session.filters()->clearRegion();
        QVERIFY(session.events()->count() > events);
        QVERIFY(layers.areaAt(30.0, 30.0).isEmpty()); // in the sea, outside every area
    }

    void aProjectKeepsTheLayersTheirColouringAndTheGroundFilter() {
        QTemporaryDir folder;
        const QString districts = districtsFile(folder);
        const QString projectPath = folder.filePath(QStringLiteral("brief.atlasproj"));
        {
            AtlasSession session;
            QVERIFY(session.document()->open(QUrl::fromLocalFile(QStringLiteral(ATLAS_SAMPLE_DATASET))));
            ReferenceLayers& layers = *session.layers();
            QCOMPARE(layers.addPath(districts), QString());
            layers.setOpacity(0, 0.5);
            layers.setLabelField(0, QStringLiteral("ADM2_PCODE"));
            layers.setChoroplethLayer(0);
            layers.setMeasure(QStringLiteral("killed"));
            QVERIFY(layers.compareWith(QStringLiteral("2020-01-01"), QStringLiteral("2020-01-31")));
            session.filters()->setHeldBy({QStringLiteral("opposition")});
            QVERIFY(session.saveProject(QUrl::fromLocalFile(projectPath), {}, {}, {}).startsWith(QStringLiteral("Project saved")));
        }
        AtlasSession session;
        QSignalSpy opened(&session, &AtlasSession::projectOpened);
        QCOMPARE(session.openProject(QUrl::fromLocalFile(projectPath)), QString());
        QVERIFY(opened.count() > 0 || opened.wait(20000));
        ReferenceLayers& layers = *session.layers();
        QCOMPARE(layers.count(), 1);
        QCOMPARE(layers.data(layers.index(0), ReferenceLayers::OpacityRole).toDouble(), 0.5);
        QCOMPARE(layers.data(layers.index(0), ReferenceLayers::LabelFieldRole).toString(), QStringLiteral("ADM2_PCODE"));
        QCOMPARE(layers.choroplethLayer(), 0);
        QCOMPARE(layers.measure(), QStringLiteral("killed"));
        QVERIFY(layers.comparing());
        QCOMPARE(layers.compareFrom(), QDate(2020, 1, 1));
        QCOMPARE(session.filters()->heldBy(), QStringList{QStringLiteral("opposition")});
    }

    void aBrokenFileIsRefusedWithItsName() {
        QTemporaryDir folder;
        const QString shp = folder.filePath(QStringLiteral("half.shp"));
        QFile file(shp);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(120, '\0'));
        file.close();
        ReferenceLayers layers;
        const QString problem = layers.addPath(shp);
        QVERIFY(problem.contains(QStringLiteral("half.shx")));
        QCOMPARE(layers.count(), 0);
    }
};

const RegisterUiTest registered([] { return std::make_unique<ReferenceLayersTest>(); });

} // namespace

#include "reference_layers_test.moc"
