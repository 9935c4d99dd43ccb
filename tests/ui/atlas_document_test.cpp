// The open document (AtlasDocument): reading, merging, reading again, in the background, and the same files as the commands.
#include "atlas_document.h"
#include "synthetic.h"
#include "timeline.h"
#include "atlas/io/native_format.h"

#include <numeric>

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

#include "ui_test_registry.h"

using namespace atlas::ui;

namespace {

class AtlasDocumentTest : public QObject {
    Q_OBJECT

private slots:
    void opensAcledAndUcdpExportsAndMergesThem() {
        AtlasDocument document;
        QVERIFY(document.open(QUrl::fromLocalFile(QStringLiteral(ATLAS_TEST_DATA_DIR "/acled/current-export.csv"))));
        QCOMPARE(document.eventCount(), 3);
        QVERIFY(document.partial());
        QCOMPARE(document.diagnostics().size(), 2);
        QVERIFY(document.diagnostics().first().contains(QStringLiteral("current-export.csv:6:")));
        QVERIFY(document.add(QUrl::fromLocalFile(QStringLiteral(ATLAS_TEST_DATA_DIR "/ucdp/ged-minimal.csv"))));
        QCOMPARE(document.eventCount(), 4);
        QCOMPARE(document.diagnostics().size(), 2);
        QVERIFY(document.sourceName().contains(QStringLiteral("ged-minimal.csv")));
        // Adding the same file again keeps both copies apart.
        QVERIFY(document.add(QUrl::fromLocalFile(QStringLiteral(ATLAS_TEST_DATA_DIR "/ucdp/ged-minimal.csv"))));
        QCOMPARE(document.eventCount(), 5);
        QVERIFY(document.eventIndex()->size() == 5u);
    }

    // The actors dialog's model: ACLED actors arrive flat; putting Faylaq al Sham under the
    // NLF and giving the NLF a side waits for Apply, then reaches the dataset, the colours and
    // the faction filter; a saved mapping does the same to a fresh import and to files added later.

    void geoJsonPointsWithoutUsualDatesAreReadAgainWithTheChosenProperty() {
        const QUrl points = QUrl::fromLocalFile(QStringLiteral(ATLAS_TEST_DATA_DIR "/geojson/reported-on.geojson"));
        AtlasDocument document;
        Timeline timeline;
        timeline.setDocument(&document);
        QVERIFY(document.open(points));
        QCOMPARE(document.eventCount(), 0);
        QCOMPARE(document.undatedPoints(), 4);
        QCOMPARE(timeline.windowText(), QStringLiteral("No dated incidents"));
        const QVariantList choices = document.datePropertyChoices();
        QCOMPARE(choices.size(), 2);
        QCOMPARE(choices[0].toMap().value("name").toString(), QStringLiteral("reported_on"));
        QCOMPARE(choices[0].toMap().value("points").toInt(), 3);

        document.rereadWithDateProperty(QStringLiteral("reported_on"), QStringLiteral("until"));
        QVERIFY(document.loading());
        QTRY_VERIFY_WITH_TIMEOUT(!document.loading(), 30000);
        QCOMPARE(document.eventCount(), 3);
        QCOMPARE(document.undatedPoints(), 1);
        QCOMPARE(document.diagnostics().size(), 1); // the first reading's four are replaced
        QVERIFY(timeline.windowText().startsWith(QStringLiteral("up to 27 Oct 2020")));
        // The file is listed once, with the property chosen (what a project keeps).
        QCOMPARE(document.sourceFiles().size(), 1u);
        QCOMPARE(document.sourceFiles().front().geoJson.dateProperty, std::string("reported_on"));
        QCOMPARE(document.sourceFiles().front().geoJson.endDateProperty, std::string("until"));

        // Added to the sample: the sample stays as it was, once.
        QVERIFY(document.open(QUrl::fromLocalFile(QStringLiteral(ATLAS_SAMPLE_DATASET))));
        const int sample = document.eventCount();
        QVERIFY(document.add(points));
        QCOMPARE(document.eventCount(), sample);
        QCOMPARE(document.undatedPoints(), 4);
        document.rereadWithDateProperty(QStringLiteral("reported_on"), QString());
        QTRY_VERIFY_WITH_TIMEOUT(!document.loading(), 30000);
        QCOMPARE(document.eventCount(), sample + 3);
        QVERIFY(document.sourceName().endsWith(QStringLiteral(" + reported-on.geojson")));
        QVERIFY(!document.sourceName().contains(QStringLiteral("geojson + ")));
        // A file with every point dated offers nothing to re-read.
        QVERIFY(document.add(QUrl::fromLocalFile(QStringLiteral(ATLAS_TEST_DATA_DIR "/ucdp/ged-minimal.csv"))));
        QCOMPARE(document.undatedPoints(), 0);
        const int before = document.eventCount();
        document.rereadWithDateProperty(QStringLiteral("reported_on"), QString());
        QVERIFY(!document.loading());
        QCOMPARE(document.eventCount(), before);
    }

    // The same for a GeoPackage layer from elsewhere (written by GDAL): the window offers its
    // columns, and reads it again with the one chosen.
    void aForeignGeoPackageLayerIsReadAgainWithTheChosenColumn() {
        AtlasDocument document;
        QVERIFY(document.open(QUrl::fromLocalFile(QStringLiteral(ATLAS_TEST_DATA_DIR "/geopackage/reported-on.gpkg"))));
        QCOMPARE(document.eventCount(), 0);
        QCOMPARE(document.undatedPoints(), 4);
        const QVariantList choices = document.datePropertyChoices();
        QVERIFY(!choices.isEmpty());
        QCOMPARE(choices[0].toMap().value("name").toString(), QStringLiteral("reported_on"));
        QCOMPARE(choices[0].toMap().value("points").toInt(), 3);
        document.rereadWithDateProperty(QStringLiteral("reported_on"), QStringLiteral("until"));
        QTRY_VERIFY_WITH_TIMEOUT(!document.loading(), 30000);
        QCOMPARE(document.eventCount(), 3);
        QCOMPARE(document.undatedPoints(), 1);
    }

    // The legend keeps the dataset's sides and says how many of each the window shows.

    void backgroundLoadReportsProgressAndCanBeCancelled() {
        QTemporaryDir dir;
        const QString big = dir.filePath(QStringLiteral("big.atlas.json"));
        QVERIFY(atlas::writeNativeFile(atlas::bench::makeSyntheticDataset(60000, 5), big.toStdString()).empty());
        AtlasDocument document;
        QVERIFY(document.open(QUrl::fromLocalFile(QStringLiteral(ATLAS_SAMPLE_DATASET))));
        const int sample = document.eventCount();

        QSignalSpy loading(&document, &AtlasDocument::loadingChanged);
        document.openInBackground(QUrl::fromLocalFile(big));
        QVERIFY(document.loading());
        document.cancelLoading();
        QTRY_VERIFY_WITH_TIMEOUT(!document.loading(), 30000);
        QCOMPARE(document.eventCount(), sample);
        QVERIFY(document.errorText().contains(QStringLiteral("cancelled")));

        QSignalSpy progress(&document, &AtlasDocument::loadProgressChanged);
        document.openInBackground(QUrl::fromLocalFile(big));
        QTRY_VERIFY_WITH_TIMEOUT(!document.loading(), 60000);
        QCOMPARE(document.eventCount(), 60000);
        QCOMPARE(document.loadProgress(), 1.0);
        QVERIFY(progress.count() >= 2);
        QVERIFY(loading.count() >= 4);
    }

    void brokenFileKeepsThePreviousDatasetAndSaysWhere() {
        AtlasDocument document;
        QVERIFY(document.open(QUrl::fromLocalFile(QStringLiteral(ATLAS_SAMPLE_DATASET))));
        const int before = document.eventCount();
        QTemporaryFile broken;
        QVERIFY(broken.open());
        broken.write("{\n  \"events\": [\n    {\"id\": }\n  ]\n}\n");
        broken.flush();
        QVERIFY(!document.open(QUrl::fromLocalFile(broken.fileName())));
        QCOMPARE(document.eventCount(), before);
        QVERIFY2(document.errorText().contains(QStringLiteral(":3:")), qPrintable(document.errorText()));
    }

    // The window and `conflict-atlas` open files by one policy (atlas::Workspace): the same
    // files and mapping give the same dataset. The window: open, apply the mapping, add the
    // rest; the command: the same files and --actor-map on its command line.

    void theWindowAndTheCommandsOpenFilesAlike() {
        const QString data = QStringLiteral(ATLAS_TEST_DATA_DIR);
        const QStringList files{data + QStringLiteral("/acled/current-export.csv"), data + QStringLiteral("/acled/newer-export.csv"),
                                data + QStringLiteral("/ucdp/ged-sample.csv")};
        const QString mapping = data + QStringLiteral("/mapping/acled-actors.json");
        AtlasDocument document;
        QVERIFY(document.open(QUrl::fromLocalFile(files[0])));
        (void)document.applyActorMappingFile(QUrl::fromLocalFile(mapping));
        QVERIFY(document.add(QUrl::fromLocalFile(files[1])));
        QVERIFY(document.add(QUrl::fromLocalFile(files[2])));

        QProcess command;
        command.start(QStringLiteral(ATLAS_EXE), QStringList{QStringLiteral("query")} + files +
                                                      QStringList{QStringLiteral("--actor-map"), mapping, QStringLiteral("--format"),
                                                                  QStringLiteral("json")});
        QVERIFY(command.waitForFinished(60000));
        QCOMPARE(command.exitCode(), 1); // the first export has two bad records: a partial load says so
        const QByteArray out = command.readAllStandardOutput();
        atlas::LoadResult fromCommand = atlas::readNativeText(std::string_view(out.constData(), static_cast<std::size_t>(out.size())), "query");
        QVERIFY2(!fromCommand.failed(), command.readAllStandardError().constData());
        // query prints in date order; the dataset is in file order: compare them sorted by id.
        auto sorted = [](const atlas::Dataset& d) {
            std::vector<std::uint32_t> order(d.events.size());
            std::iota(order.begin(), order.end(), 0u);
            std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return d.events.id(a) < d.events.id(b); });
            atlas::Dataset byId = atlas::subset(d, order);
            byId.metadata = {};
            return atlas::writeNativeText(byId);
        };
        QVERIFY(document.eventCount() > 3); // the ACLED exports give three after the revision; UCDP adds its own
        QCOMPARE(QString::fromStdString(sorted(fromCommand.dataset)), QString::fromStdString(sorted(document.dataset())));
    }

    void readingAFileIsAnnouncedForRecentFiles() {
        AtlasDocument document;
        QSignalSpy read(&document, &AtlasDocument::fileRead);
        const QUrl sample = QUrl::fromLocalFile(QStringLiteral(ATLAS_SAMPLE_DATASET));
        QVERIFY(document.open(sample));
        QVERIFY(document.add(sample));
        QCOMPARE(read.count(), 2);
        QCOMPARE(read[0][0].toUrl(), sample);
        QCOMPARE(read[1][1].toBool(), true);
        QTemporaryFile broken;
        QVERIFY(broken.open());
        broken.write("{");
        broken.flush();
        QVERIFY(!document.open(QUrl::fromLocalFile(broken.fileName())));
        QCOMPARE(read.count(), 2); // a file that could not be read is not a recent one
    }

    // File → Save As writes a GeoPackage on a worker thread; opened again it is the same
    // dataset, and Save then writes back to it. A CSV opened has nowhere to be saved whole.
    void savesAsGeoPackageAndSavesBackToIt() {
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        AtlasDocument document;
        QVERIFY(document.open(QUrl::fromLocalFile(QStringLiteral(ATLAS_TEST_DATA_DIR "/acled/current-export.csv"))));
        QVERIFY(document.saveLocation().isEmpty());
        QVERIFY(document.open(QUrl::fromLocalFile(QStringLiteral(ATLAS_SAMPLE_DATASET))));
        QCOMPARE(document.saveLocation(), QUrl::fromLocalFile(QStringLiteral(ATLAS_SAMPLE_DATASET)));
        const std::string before = atlas::writeNativeText(document.dataset());

        QSignalSpy finished(&document, &AtlasDocument::saveFinished);
        const QUrl saved = QUrl::fromLocalFile(folder.filePath(QStringLiteral("idlib.gpkg")));
        document.saveAs(saved);
        QVERIFY(document.saving());
        QVERIFY(finished.wait(30000));
        QVERIFY(finished[0][1].toBool());
        QVERIFY(finished[0][0].toString().contains(QStringLiteral("idlib.gpkg")));
        QVERIFY(!document.saving());
        QCOMPARE(document.saveLocation(), saved);

        AtlasDocument reopened;
        QVERIFY(reopened.open(saved));
        QVERIFY(reopened.diagnostics().isEmpty());
        QCOMPARE(atlas::writeNativeText(reopened.dataset()), before);
        QCOMPARE(reopened.saveLocation(), saved);

        // A format that is not written says so and changes nothing.
        document.saveAs(QUrl::fromLocalFile(folder.filePath(QStringLiteral("idlib.txt"))));
        QCOMPARE(finished.count(), 2);
        QVERIFY(!finished[1][1].toBool());
        QCOMPARE(document.saveLocation(), saved);
        // Incidents only: exported, and Save still writes the GeoPackage.
        document.saveAs(QUrl::fromLocalFile(folder.filePath(QStringLiteral("idlib.csv"))));
        QVERIFY(finished.wait(30000));
        QVERIFY(finished[2][1].toBool());
        QVERIFY(finished[2][0].toString().contains(QStringLiteral("incidents only")));
        QCOMPARE(document.saveLocation(), saved);
        // A folder that does not exist: not saved, and why.
        document.saveAs(QUrl::fromLocalFile(folder.filePath(QStringLiteral("missing/idlib.gpkg"))));
        QVERIFY(finished.wait(30000));
        QVERIFY(!finished[3][1].toBool());
        QVERIFY(finished[3][0].toString().startsWith(QStringLiteral("Not saved")));
    }
};

const RegisterUiTest registered([] { return std::make_unique<AtlasDocumentTest>(); });

} // namespace

#include "atlas_document_test.moc"
