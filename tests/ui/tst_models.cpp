#include "actor_table_model.h"
#include "snapshot.h"
#include "atlas_document.h"
#include "filter_settings.h"
#include "atlas/io/native_format.h"
#include "synthetic.h"
#include "timeline.h"
#include "visible_events_model.h"
#include "workspace_settings.h"

#include <QAbstractItemModelTester>
#include <QFileInfo>
#include <QPainter>
#include <QProcess>
#include <QSettings>
#include <QWindow>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

using namespace atlas::ui;

class ModelsTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        // The settings tests write here, never to the user's own configuration.
        QVERIFY(m_settingsDir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("Conflict Atlas tests"));
        QCoreApplication::setApplicationName(QStringLiteral("ui-models"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    }

    void workspaceRemembersRecentFilesAndTheirFolder() {
        QSettings().clear();
        QTemporaryDir files;
        QVERIFY(files.isValid());
        QStringList paths;
        for (int i = 0; i < WorkspaceSettings::maxRecentFiles + 2; ++i) {
            paths << files.filePath(QStringLiteral("f%1.atlas.json").arg(i));
            QFile file(paths.last());
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        {
            WorkspaceSettings workspace(true);
            QCOMPARE(workspace.dialogFolder(), QUrl::fromLocalFile(QDir::homePath()));
            QSignalSpy changed(&workspace, &WorkspaceSettings::recentFilesChanged);
            workspace.noteFileRead(QUrl(QStringLiteral("qrc:/data/idlib-2020.atlas.json"))); // the sample is no recent file
            QCOMPARE(changed.count(), 0);
            for (const QString& path : paths) workspace.noteFileRead(QUrl::fromLocalFile(path));
            workspace.noteFileRead(QUrl::fromLocalFile(paths[5])); // read again: to the top, not twice
            QCOMPARE(workspace.recentFiles().size(), WorkspaceSettings::maxRecentFiles);
            QCOMPARE(workspace.recentFiles().first(), paths[5]);
            QCOMPARE(workspace.recentFiles().count(paths[5]), 1);
            QCOMPARE(workspace.recentFiles()[1], paths.last());
            QVERIFY(!workspace.recentFiles().contains(paths[0])); // the oldest fell off
            QCOMPARE(workspace.dialogFolder(), QUrl::fromLocalFile(files.path()));
        }
        // A new session (a new instance reads QSettings) sees the same, less files since deleted.
        QVERIFY(QFile::remove(paths.last()));
        WorkspaceSettings next(true);
        QCOMPARE(next.recentFiles().first(), paths[5]);
        QVERIFY(!next.recentFiles().contains(paths.last()));
        QCOMPARE(next.dialogFolder(), QUrl::fromLocalFile(files.path()));
        next.clearRecentFiles();
        QVERIFY(WorkspaceSettings(true).recentFiles().isEmpty());
    }

    void headlessWorkspaceWritesNothing() {
        QSettings().clear();
        QTemporaryDir files;
        const QString path = files.filePath(QStringLiteral("x.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        WorkspaceSettings headless(false);
        headless.noteFileRead(QUrl::fromLocalFile(path));
        QCOMPARE(headless.recentFiles(), QStringList{path}); // the session itself still has it
        QVERIFY(WorkspaceSettings(true).recentFiles().isEmpty());
        QVERIFY(QSettings().allKeys().isEmpty());
    }

    void workspaceRestoresTheWindowWhereItWas() {
        QSettings().clear();
        const QRect wanted(40, 50, 700, 500);
        {
            QWindow window;
            window.setGeometry(wanted);
            WorkspaceSettings(true).rememberWindow(&window);
        }
        QWindow window;
        window.setGeometry(0, 0, 300, 200);
        WorkspaceSettings(true).restoreAndTrack(&window);
        QCOMPARE(window.geometry(), wanted);
        // Off every screen (a monitor unplugged since): the window stays where it would open.
        QSettings().setValue(QStringLiteral("window/geometry"), QRect(100000, 100000, 700, 500));
        QWindow other;
        other.setGeometry(0, 0, 300, 200);
        WorkspaceSettings(true).restoreAndTrack(&other);
        QCOMPARE(other.geometry(), QRect(0, 0, 300, 200));
    }

    void openingTheSampleFillsTheTimeline() {
        AtlasDocument document;
        Timeline timeline;
        QSignalSpy rangeSpy(&timeline, &Timeline::rangeChanged);
        timeline.setDocument(&document);
        QVERIFY(document.open(QUrl::fromLocalFile(QStringLiteral(ATLAS_SAMPLE_DATASET))));
        QVERIFY(document.errorText().isEmpty());
        QVERIFY2(document.diagnostics().isEmpty(), qPrintable(document.diagnostics().join('\n')));
        QVERIFY(document.eventCount() >= 40);
        QVERIFY(rangeSpy.count() >= 1);
        QCOMPARE(timeline.histogram().size(), timeline.dayCount());
        int total = 0;
        for (int count : timeline.histogram()) total += count;
        QCOMPARE(total, document.eventCount());
        // A new dataset is shown whole, up to its last day.
        QCOMPARE(timeline.currentDate(), timeline.lastDate());
        QCOMPARE(timeline.windowDays(), 0);
    }

    void windowSelectsTheEventsOfThoseDays() {
        AtlasDocument document;
        Timeline timeline;
        VisibleEventsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        timeline.setDocument(&document);
        model.setDocument(&document);
        model.setTimeline(&timeline);
        QVERIFY(document.open(QUrl::fromLocalFile(QStringLiteral(ATLAS_SAMPLE_DATASET))));
        QCOMPARE(model.count(), document.eventCount());

        timeline.setWindowDays(1);
        QVERIFY(timeline.setCurrentDateText(QStringLiteral("2020-10-26")));
        const int strike = model.rowOfEvent(QStringLiteral("kafr-takharim-strike-2020-10-26"));
        QVERIFY(strike >= 0);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.data(model.index(row), VisibleEventsModel::DateRole).toString(), QStringLiteral("2020-10-26"));
        const QVariantMap details = model.details(strike);
        QCOMPARE(details.value("killed").toString(), QStringLiteral("more than 78"));
        QCOMPARE(details.value("wounded").toString(), QStringLiteral("90"));
        QVERIFY(details.value("targets").toString().contains(QStringLiteral("Faylaq al-Sham")));
        QVERIFY(!details.value("sources").toList().isEmpty());

        const int sameDay = model.count();
        timeline.stepDays(-1);
        QCOMPARE(timeline.currentDate(), QDate(2020, 10, 25));
        QCOMPARE(model.rowOfEvent(QStringLiteral("kafr-takharim-strike-2020-10-26")), -1);
        timeline.setWindowDays(7);
        timeline.stepDays(1);
        QVERIFY(model.count() >= sameDay);
        QVERIFY(model.rowOfEvent(QStringLiteral("kafr-takharim-strike-2020-10-26")) >= 0);
        QCOMPARE(timeline.windowText(), QStringLiteral("20 Oct 2020 – 26 Oct 2020"));
    }

    // Moving the slider a day slides the window: rows leave at one end and arrive at the other,
    // so views keep their delegates; what is shown must equal a fresh query of that window.
    void slidingTheWindowMovesRowsAtTheEnds() {
        AtlasDocument document;
        Timeline timeline;
        VisibleEventsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        timeline.setDocument(&document);
        model.setDocument(&document);
        model.setTimeline(&timeline);
        QVERIFY(document.open(QUrl::fromLocalFile(QStringLiteral(ATLAS_SAMPLE_DATASET))));
        timeline.setWindowDays(30);
        QVERIFY(timeline.setCurrentDateText(QStringLiteral("2020-10-10")));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        auto ids = [](const VisibleEventsModel& m) {
            QStringList out;
            for (int row = 0; row < m.rowCount(); ++row) out << m.data(m.index(row), VisibleEventsModel::EventIdRole).toString();
            return out;
        };
        for (int step : {1, 1, 1, 5, 9, 1, -1, -3, 2, 7, 7, -14}) {
            timeline.stepDays(step);
            VisibleEventsModel fresh;
            fresh.setDocument(&document);
            fresh.setTimeline(&timeline);
            QCOMPARE(ids(model), ids(fresh));
        }
        QCOMPARE(resets.count(), 0);
        QVERIFY(inserted.count() > 0);
        QVERIFY(removed.count() > 0);
    }

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
    void actorTableEditsUmbrellasAndSidesAndSavesThemAsAMapping() {
        const QUrl acled = QUrl::fromLocalFile(QStringLiteral(ATLAS_TEST_DATA_DIR "/acled/current-export.csv"));
        AtlasDocument document;
        QVERIFY(document.open(acled));
        ActorTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDocument(&document);
        QCOMPARE(model.count(), 0); // rows only while the dialog is open
        model.setActive(true);
        QCOMPARE(model.count(), int(document.dataset().actors.size()));
        auto rowNamed = [&](const QString& name) {
            for (int row = 0; row < model.rowCount(); ++row)
                if (model.data(model.index(row), ActorTableModel::NameRole).toString() == name) return row;
            return -1;
        };
        auto value = [&](int row, int role) { return model.data(model.index(row), role); };
        const int nlf = rowNamed(QStringLiteral("NLF: National Liberation Front"));
        const int faylaq = rowNamed(QStringLiteral("Faylaq al Sham"));
        QVERIFY(nlf >= 0 && faylaq >= 0);
        QCOMPARE(value(nlf, ActorTableModel::EventCountRole).toInt(), 1);
        const QString nlfId = value(nlf, ActorTableModel::ActorIdRole).toString();
        const QString faylaqId = value(faylaq, ActorTableModel::ActorIdRole).toString();

        QVERIFY(model.setParent(faylaq, nlfId));
        QVERIFY2(!model.setParent(nlf, faylaqId), "the NLF cannot go under its own (pending) sub-group");
        QVERIFY(!model.setSide(faylaq, QStringLiteral("rebels")));
        QVERIFY(model.setSide(faylaq, QStringLiteral("unknown"))); // as its umbrella
        QCOMPARE(model.pendingCount(), 1);
        QCOMPARE(value(faylaq, ActorTableModel::ParentNameRole).toString(), QStringLiteral("NLF: National Liberation Front"));
        QVERIFY(value(faylaq, ActorTableModel::EditedRole).toBool());
        QVERIFY(!value(nlf, ActorTableModel::EditedRole).toBool());
        // The sub-group is drawn in its umbrella's colour, whatever that becomes, before Apply.
        QVERIFY(model.setSide(nlf, QStringLiteral("turkish_forces")));
        QCOMPARE(model.pendingCount(), 2);
        QCOMPARE(value(faylaq, ActorTableModel::ColourRole).value<QColor>(), value(nlf, ActorTableModel::ColourRole).value<QColor>());
        QVERIFY(model.setSide(nlf, QStringLiteral("opposition"))); // back as it was: no change left
        QCOMPARE(model.pendingCount(), 1);
        QCOMPARE(value(faylaq, ActorTableModel::ColourRole).value<QColor>(), value(nlf, ActorTableModel::ColourRole).value<QColor>());
        for (const QVariant& choice : model.parentChoices(nlf))
            QVERIFY2(choice.toMap().value("id").toString() != faylaqId, "a sub-group is no umbrella to offer");
        QVERIFY(document.dataset().findActor(faylaqId.toStdString())->parent.empty()); // nothing applied yet

        model.revert();
        QCOMPARE(model.pendingCount(), 0);
        QVERIFY(value(faylaq, ActorTableModel::ParentIdRole).toString().isEmpty());
        QVERIFY(model.setParent(faylaq, nlfId));
        QVERIFY(model.setSide(faylaq, QStringLiteral("unknown")));
        const int unidentified = rowNamed(QStringLiteral("Unidentified Armed Group (Syria)"));
        QVERIFY(model.setSide(unidentified, QStringLiteral("pro_government")));
        const QString sentence = model.apply();
        QVERIFY2(sentence.contains(QStringLiteral("2 actor(s) changed")), qPrintable(sentence));
        QCOMPARE(model.pendingCount(), 0);
        QVERIFY2(document.errorText().startsWith(QStringLiteral("Partly loaded")), "the file had bad rows; it still says so");
        const atlas::Actor* faylaqActor = document.dataset().findActor(faylaqId.toStdString());
        QCOMPARE(faylaqActor->parent, nlfId.toStdString());
        QCOMPARE(faylaqActor->side, atlas::Side::Unknown);
        QCOMPARE(document.dataset().sideOfActor(faylaqId.toStdString()), atlas::Side::Opposition);
        QCOMPARE(document.dataset().sideOfActor(value(unidentified, ActorTableModel::ActorIdRole).toString().toStdString()),
                 atlas::Side::ProGovernment);
        const int faylaqNow = rowNamed(QStringLiteral("Faylaq al Sham"));
        QCOMPARE(value(faylaqNow, ActorTableModel::DepthRole).toInt(), 1);
        QCOMPARE(faylaqNow, rowNamed(QStringLiteral("NLF: National Liberation Front")) + 1); // listed under its umbrella
        FilterSettings filters;
        filters.setActorId(nlfId);
        QCOMPARE(document.eventIndex()->count(filters.toFilter()), 1u);

        // Saved as a mapping, applied to a fresh import of the same export.
        QTemporaryDir dir;
        const QUrl saved = QUrl::fromLocalFile(dir.filePath(QStringLiteral("actors.json")));
        QVERIFY(document.saveActorMapping(saved).startsWith(QStringLiteral("Saved")));
        AtlasDocument fresh;
        QVERIFY(fresh.open(acled));
        QVERIFY(fresh.applyActorMappingFile(saved).contains(QStringLiteral("changed")));
        QCOMPARE(fresh.dataset().findActor(faylaqId.toStdString())->parent, nlfId.toStdString());
        QCOMPARE(fresh.dataset().sideOfActor(faylaqId.toStdString()), atlas::Side::Opposition);
        // A file added afterwards gets the mapping too.
        QVERIFY(fresh.add(QUrl::fromLocalFile(QStringLiteral(ATLAS_TEST_DATA_DIR "/acled/older-export.csv"))));
        for (const atlas::Actor& actor : fresh.dataset().actors)
            if (actor.name == "Faylaq al Sham") QCOMPARE(actor.parent, nlfId.toStdString());
        // A broken mapping changes nothing and says where.
        QTemporaryFile broken(dir.filePath(QStringLiteral("XXXXXX.json")));
        QVERIFY(broken.open());
        broken.write("{\"actors\": [\n  {\"name\": 3}\n");
        broken.flush();
        const QString refused = fresh.applyActorMappingFile(QUrl::fromLocalFile(broken.fileName()));
        QVERIFY2(refused.contains(QStringLiteral("not applied")), qPrintable(refused));
        QVERIFY2(fresh.errorText().contains(broken.fileName() + QStringLiteral(":3:1: fatal")), qPrintable(fresh.errorText()));
        QCOMPARE(fresh.dataset().findActor(faylaqId.toStdString())->parent, nlfId.toStdString());
    }

    // A colleague's GeoJSON keeps its dates under a property of its own: the points are
    // skipped at first, the document offers the properties that hold dates, and reading the
    // file again with one places them, whether the file was opened or added to the map.
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

    // The legend keeps the dataset's sides and says how many of each the window shows.
    void legendCountsTheShownEventsPerSide() {
        AtlasDocument document;
        Timeline timeline;
        VisibleEventsModel model;
        timeline.setDocument(&document);
        model.setDocument(&document);
        model.setTimeline(&timeline);
        QVERIFY(document.open(QUrl::fromLocalFile(QStringLiteral(ATLAS_SAMPLE_DATASET))));
        auto shownBySide = [&] {
            QMap<QString, int> out;
            for (const QVariant& entry : model.legend()) out[entry.toMap().value("label").toString()] = entry.toMap().value("shown").toInt();
            return out;
        };
        const int sides = model.legend().size();
        timeline.setWindowDays(1);
        QVERIFY(timeline.setCurrentDateText(QStringLiteral("2020-10-26")));
        QMap<QString, int> day = shownBySide();
        int total = 0;
        for (int n : day) total += n;
        QCOMPARE(total, model.count());
        QVERIFY(day.value(QStringLiteral("Russian forces")) >= 1); // the Kafr Takharim strike
        QCOMPARE(model.legend().size(), sides); // sides with nothing shown stay listed

        timeline.setWindowDays(0);
        QVERIFY(timeline.setCurrentDateText(QStringLiteral("2020-12-31")));
        total = 0;
        for (const QVariant& entry : model.legend()) {
            QCOMPARE(entry.toMap().value("shown").toInt(), entry.toMap().value("count").toInt()); // everything shown
            total += entry.toMap().value("shown").toInt();
        }
        QCOMPARE(total, document.eventCount());
    }

    // The snapshot renderer draws the strike where it was, in its side's colour, over the
    // legend's panel and the basemap, and only the incidents the filter lets through.
    void snapshotDrawsTheIncidentsOfTheWindowWhereTheyWere() {
        const atlas::LoadResult loaded = atlas::readNativeFile(ATLAS_SAMPLE_DATASET);
        QVERIFY(!loaded.failed());
        const atlas::EventIndex index(loaded.dataset);
        const atlas::Event* strike = nullptr;
        for (const atlas::Event& e : loaded.dataset.events)
            if (e.id == "kafr-takharim-strike-2020-10-26") strike = &e;
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

    void sliderStaysInsideTheDataRange() {
        AtlasDocument document;
        Timeline timeline;
        timeline.setDocument(&document);
        QVERIFY(document.open(QUrl::fromLocalFile(QStringLiteral(ATLAS_SAMPLE_DATASET))));
        timeline.setCurrentDay(-50);
        QCOMPARE(timeline.currentDate(), timeline.firstDate());
        timeline.setCurrentDay(100000);
        QCOMPARE(timeline.currentDate(), timeline.lastDate());
        QVERIFY(!timeline.setCurrentDateText(QStringLiteral("2020-02-30")));
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
        auto sorted = [](atlas::Dataset d) {
            std::sort(d.events.begin(), d.events.end(), [](const atlas::Event& a, const atlas::Event& b) { return a.id < b.id; });
            d.metadata = {};
            return atlas::writeNativeText(d);
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

private:
    QTemporaryDir m_settingsDir;
};

QTEST_MAIN(ModelsTest)
#include "tst_models.moc"
