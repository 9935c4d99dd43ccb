// The session's projects (AtlasSession::saveProject / openProject): what is saved comes back
// the same, from another folder too, and a missing or changed file is said, not fatal.
#include "atlas_session.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "ui_test_registry.h"

using namespace atlas::ui;

namespace {

class AtlasSessionTest : public QObject {
    Q_OBJECT

    // Opens `project` in a fresh session and waits for its settings to be applied.
    static bool openAndWait(AtlasSession& session, const QString& project, QList<QVariant>* opened = nullptr) {
        QSignalSpy spy(&session, &AtlasSession::projectOpened);
        if (!session.openProject(QUrl::fromLocalFile(project)).isEmpty()) return false;
        if (!spy.wait(20000)) return false;
        if (opened) *opened = spy.takeFirst();
        return true;
    }

private slots:
    // What the window records of a picture (recipeFor) opens again as it was (openRecipe): the
    // data, filters, day, window, and the map's area framed; missing data refused.
    void aPicturesRecipeOpensItsDataFiltersDayAndArea() {
        QTemporaryDir folder;
        QVERIFY(QFile::copy(QStringLiteral(ATLAS_SAMPLE_DATASET), folder.filePath("idlib.atlas.json")));
        const QString sidecar = folder.filePath("brief.png.recipe.json");
        const atlas::GeoBox box{36.2, 35.5, 36.9, 36.1};
        {
            AtlasSession session;
            QVERIFY(session.document()->open(QUrl::fromLocalFile(folder.filePath("idlib.atlas.json"))));
            session.filters()->setActorIds({"russia"});
            session.filters()->setTypeKeys({"air_strike"});
            session.timeline()->setWindowDays(14);
            QVERIFY(session.timeline()->setCurrentDateText("2020-10-26"));
            const atlas::Recipe recipe = session.recipeFor(box, QSize(1200, 800), QStringLiteral("png"), false, QStringLiteral("symbols"));
            QCOMPARE(recipe.inputs.files.size(), std::size_t(1));
            QCOMPARE(recipe.picture.date.toString(), std::string("2020-10-26"));
            QCOMPARE(recipe.picture.windowDays, 14);
            QCOMPARE(recipe.picture.width, 1200);
            QVERIFY(atlas::writeRecipeFile(sidecar.toStdString(), recipe).empty());
        }
        AtlasSession session;
        QSignalSpy spy(&session, &AtlasSession::projectOpened);
        QCOMPARE(session.openRecipe(QUrl::fromLocalFile(sidecar)), QString());
        QVERIFY(spy.wait(20000));
        QCOMPARE(session.filters()->actorIds(), QStringList{"russia"});
        QCOMPARE(session.filters()->typeKeys(), QStringList{"air_strike"});
        QCOMPARE(session.timeline()->windowDays(), 14);
        QCOMPARE(session.timeline()->currentDate(), QDate(2020, 10, 26));
        const QVariantList framed = spy.takeFirst()[0].toMap().value("box").toList();
        QCOMPARE(framed, (QVariantList{36.2, 35.5, 36.9, 36.1}));
        QVERIFY(session.projectLocation().isEmpty()); // Save Project does not write over the recipe

        QVERIFY(QFile::remove(folder.filePath("idlib.atlas.json")));
        AtlasSession missing;
        const QString refused = missing.openRecipe(QUrl::fromLocalFile(sidecar));
        QVERIFY2(refused.contains("idlib.atlas.json") && refused.contains("is not there"), qPrintable(refused));
    }

    void aSavedProjectReopensIdentically() {
        QTemporaryDir folder;
        QVERIFY(QFile::copy(QStringLiteral(ATLAS_SAMPLE_DATASET), folder.filePath("idlib.atlas.json")));
        const QString project = folder.filePath("brief.atlasproj");
        QString savedState;
        {
            AtlasSession session;
            QVERIFY(session.document()->open(QUrl::fromLocalFile(folder.filePath("idlib.atlas.json"))));
            session.filters()->setActorIds({"nlf", "russia"});
            session.filters()->setActorRole("perpetrator");
            session.filters()->setTypeKeys({"air_strike", "shelling"});
            session.filters()->setMinKilled(2);
            session.timeline()->setWindowDays(30);
            QVERIFY(session.timeline()->setCurrentDateText("2020-10-31"));
            session.timeline()->setHistogramSplit(1);
            session.table()->sortBy(IncidentTableModel::columnKeys().indexOf("killed"), true);
            session.table()->setHiddenColumns({"id", "source"});
            const QVariantMap view{{"latitude", 35.9}, {"longitude", 36.6}, {"zoom", 10.5}, {"bearing", 0.0}};
            const QVariantMap layers{{"basemap", "osm"}, {"table", "shown"}};
            const QVariantList bookmarks{QVariantMap{{"name", "Jabal al-Zawiya"}, {"latitude", 35.68}, {"longitude", 36.52}, {"zoom", 11.0}, {"bearing", 0.0}}};
            QCOMPARE(session.saveProject(QUrl::fromLocalFile(project), view, layers, bookmarks), QStringLiteral("Project saved to brief.atlasproj"));
            QCOMPARE(session.projectLocation(), QUrl::fromLocalFile(project));
            QVERIFY(session.events()->count() > 0);
            savedState = QString::number(session.events()->count());
        }
        // Moved with its data: relative paths find the file again.
        QTemporaryDir elsewhere;
        QVERIFY(QFile::rename(folder.filePath("idlib.atlas.json"), elsewhere.filePath("idlib.atlas.json")));
        QVERIFY(QFile::rename(project, elsewhere.filePath("brief.atlasproj")));

        AtlasSession session;
        QList<QVariant> opened;
        QVERIFY(openAndWait(session, elsewhere.filePath("brief.atlasproj"), &opened));
        QCOMPARE(session.document()->eventCount(), 152);
        QCOMPARE(session.filters()->actorIds(), (QStringList{"nlf", "russia"}));
        QCOMPARE(session.filters()->actorRole(), QStringLiteral("perpetrator"));
        QCOMPARE(session.filters()->typeKeys(), (QStringList{"air_strike", "shelling"}));
        QCOMPARE(session.filters()->minKilled(), 2);
        QCOMPARE(session.timeline()->windowDays(), 30);
        QCOMPARE(session.timeline()->currentDate(), QDate(2020, 10, 31));
        QCOMPARE(session.timeline()->histogramSplit(), 1);
        QCOMPARE(session.table()->sortColumn(), IncidentTableModel::columnKeys().indexOf("killed"));
        QVERIFY(session.table()->sortDescending());
        QCOMPARE(session.table()->hiddenColumns(), (QStringList{"id", "source"}));
        QCOMPARE(QString::number(session.events()->count()), savedState);
        const QVariantMap view = opened[0].toMap();
        QCOMPARE(view.value("zoom").toDouble(), 10.5);
        QCOMPARE(opened[1].toMap().value("basemap").toString(), QStringLiteral("osm"));
        QCOMPARE(opened[2].toList().size(), 1);
        QCOMPARE(opened[2].toList()[0].toMap().value("name").toString(), QStringLiteral("Jabal al-Zawiya"));
        QCOMPARE(session.initialView().value("latitude").toDouble(), 35.9);
        QVERIFY(session.document()->diagnostics().isEmpty());
    }

    void duplicateDecisionsAreSavedAndAppliedWhenTheProjectOpens() {
        QTemporaryDir folder;
        QVERIFY(QFile::copy(QStringLiteral(ATLAS_TEST_DATA_DIR "/acled/current-export.csv"), folder.filePath("acled.csv")));
        QVERIFY(QFile::copy(QStringLiteral(ATLAS_TEST_DATA_DIR "/ucdp/ged-sample.csv"), folder.filePath("ged.csv")));
        const QString project = folder.filePath("merged.atlasproj");
        {
            AtlasSession session;
            QVERIFY(session.document()->open(QUrl::fromLocalFile(folder.filePath("acled.csv"))));
            QVERIFY(session.document()->add(QUrl::fromLocalFile(folder.filePath("ged.csv"))));
            QCOMPARE(session.document()->eventCount(), 5);
            const QString merged = session.document()->decideDuplicates(
                {{"SYRTEST1", "ged-900001", atlas::DuplicateDecision::Kind::Merge}, {"SYRTEST2", "ged-900002", atlas::DuplicateDecision::Kind::Distinct}});
            QCOMPARE(merged, QStringLiteral("1 incident(s) merged into another"));
            QCOMPARE(session.document()->eventCount(), 4);
            QVERIFY(session.saveProject(QUrl::fromLocalFile(project), {}, {}, {}).startsWith("Project saved"));
        }
        AtlasSession session;
        QVERIFY(openAndWait(session, project));
        QCOMPARE(session.document()->eventCount(), 4); // merged again once both files are read
        QCOMPARE(session.document()->duplicateDecisions().size(), 2u);
        QCOMPARE(session.document()->duplicateDecisions()[1].kind, atlas::DuplicateDecision::Kind::Distinct);
        const QString problems = session.document()->diagnostics().join("\n");
        QVERIFY2(!problems.contains("not open"), qPrintable(problems));
        // Opening another file starts afresh: no decision is carried over to it.
        QVERIFY(session.document()->open(QUrl::fromLocalFile(folder.filePath("acled.csv"))));
        QVERIFY(session.document()->duplicateDecisions().empty());
        // A decision naming an event not open is said, not fatal.
        const QString missing = session.document()->decideDuplicates({{"SYRTEST1", "nowhere", atlas::DuplicateDecision::Kind::Merge}});
        QVERIFY2(missing.contains("not open"), qPrintable(missing));
        QCOMPARE(session.document()->eventCount(), 3);
    }

    void aMissingOrChangedFileIsSaidAndTheRestOpens() {
        QTemporaryDir folder;
        QVERIFY(QFile::copy(QStringLiteral(ATLAS_SAMPLE_DATASET), folder.filePath("a.atlas.json")));
        QVERIFY(QFile::copy(QStringLiteral(ATLAS_TEST_DATA_DIR "/acled/current-export.csv"), folder.filePath("b.csv")));
        const QString project = folder.filePath("two.atlasproj");
        {
            AtlasSession session;
            QVERIFY(session.document()->open(QUrl::fromLocalFile(folder.filePath("a.atlas.json"))));
            QVERIFY(session.document()->add(QUrl::fromLocalFile(folder.filePath("b.csv"))));
            QCOMPARE(session.document()->sourceFiles().size(), 2u);
            QVERIFY(session.saveProject(QUrl::fromLocalFile(project), {}, {}, {}).startsWith("Project saved"));
        }
        QFile::remove(folder.filePath("a.atlas.json"));
        {
            QFile changed(folder.filePath("b.csv"));
            QVERIFY(changed.open(QIODevice::Append));
            changed.write("\n");
        }
        AtlasSession session;
        QVERIFY(openAndWait(session, project));
        QVERIFY(session.document()->loaded()); // b.csv, opened in a.atlas.json's place
        const QString problems = session.document()->diagnostics().join("\n");
        QVERIFY2(problems.contains("project.file.missing") || problems.contains("a.atlas.json is not there"), qPrintable(problems));
        QVERIFY2(problems.contains("b.csv has changed since the project was saved"), qPrintable(problems));
        QVERIFY(!session.document()->errorText().isEmpty());

        // Nothing of it left: said at once, nothing opened.
        QFile::remove(folder.filePath("b.csv"));
        AtlasSession empty;
        QVERIFY(empty.openProject(QUrl::fromLocalFile(project)).startsWith("None of the project's files"));
        QVERIFY(empty.openProject(QUrl::fromLocalFile(folder.filePath("nothing.atlasproj"))).startsWith("Cannot open the project"));
    }
};

const RegisterUiTest registered([] { return std::make_unique<AtlasSessionTest>(); });

} // namespace

#include "atlas_session_test.moc"
