// What the window remembers between sessions (WorkspaceSettings), kept out of the user's own settings.
#include "workspace_settings.h"
#include "atlas_session.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QWindow>
#include <QTest>

#include "ui_test_registry.h"

using namespace atlas::ui;

namespace {

class WorkspaceSettingsTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        // The settings tests write here, never to the user's own configuration.
        QVERIFY(m_settingsDir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("Conflict Atlas tests"));
        QCoreApplication::setApplicationName(QStringLiteral("ui-models"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    }

    // Named views of the map: numbered when unnamed, replaced under the same name, removed,
    // and there again at the next start; a non-persistent workspace writes nothing.
    void bookmarksAreKeptBetweenSessions() {
        QSettings().clear();
        {
            WorkspaceSettings workspace(true);
            QSignalSpy changed(&workspace, &WorkspaceSettings::bookmarksChanged);
            QCOMPARE(workspace.addBookmark(QStringLiteral("Jabal al-Zawiya"), 35.7, 36.5, 11, 0), QStringLiteral("Jabal al-Zawiya"));
            QCOMPARE(workspace.addBookmark(QString(), 36.2, 37.1, 9, 0), QStringLiteral("View 2"));
            QCOMPARE(workspace.addBookmark(QStringLiteral(" Jabal al-Zawiya "), 35.71, 36.51, 12, 15), QStringLiteral("Jabal al-Zawiya"));
            QCOMPARE(workspace.bookmarks().size(), 2);
            QCOMPARE(workspace.bookmarks()[0].toMap().value("zoom").toDouble(), 12.0);
            QCOMPARE(changed.count(), 3);
        }
        {
            WorkspaceSettings again(true);
            QCOMPARE(again.bookmarks().size(), 2);
            const QVariantMap first = again.bookmarks()[0].toMap();
            QCOMPARE(first.value("name").toString(), QStringLiteral("Jabal al-Zawiya"));
            QCOMPARE(first.value("latitude").toDouble(), 35.71);
            QCOMPARE(first.value("bearing").toDouble(), 15.0);
            again.removeBookmark(0);
            again.removeBookmark(7); // no such bookmark: nothing happens
            QCOMPARE(again.bookmarks().size(), 1);
        }
        QCOMPARE(WorkspaceSettings(true).bookmarks().size(), 1);
        WorkspaceSettings passing(false);
        QVERIFY(passing.bookmarks().isEmpty());
        passing.addBookmark(QStringLiteral("not kept"), 1, 2, 3, 0);
        QCOMPARE(WorkspaceSettings(true).bookmarks().size(), 1);
    }

    // The state the window closed in comes back: the file, date, window, filters, split and
    // view, through the settings, onto a new session that opened the same file.
    void theWindowsStateComesBackAtTheNextStart() {
        QSettings().clear();
        const QUrl sample = QUrl::fromLocalFile(QStringLiteral(ATLAS_SAMPLE_DATASET));
        const QVariantMap view{{QStringLiteral("latitude"), 35.7}, {QStringLiteral("longitude"), 36.5},
                               {QStringLiteral("zoom"), 10.5}, {QStringLiteral("bearing"), 0.0}};
        {
            AtlasSession session;
            QVERIFY(session.document()->open(sample));
            session.timeline()->setWindowDays(7);
            QVERIFY(session.timeline()->setCurrentDateText(QStringLiteral("2020-10-26")));
            session.timeline()->setHistogramSplit(2);
            session.filters()->setText(QStringLiteral("kafr"));
            session.filters()->setMinKilled(5);
            WorkspaceSettings(true).rememberState(session.state(view));
        }
        const QVariantMap saved = WorkspaceSettings(true).lastState();
        QCOMPARE(QUrl::fromLocalFile(saved.value(QStringLiteral("file")).toString()), sample);
        AtlasSession again;
        QVERIFY(again.document()->open(sample));
        again.restore(saved);
        QCOMPARE(again.timeline()->currentDate(), QDate(2020, 10, 26));
        QCOMPARE(again.timeline()->windowDays(), 7);
        QCOMPARE(again.timeline()->histogramSplit(), 2);
        QCOMPARE(again.filters()->text(), QStringLiteral("kafr"));
        QCOMPARE(again.filters()->minKilled(), 5);
        QCOMPARE(again.initialView().value(QStringLiteral("zoom")).toDouble(), 10.5);
        // Several files merged are no file to reopen; a headless workspace keeps nothing.
        QVERIFY(again.document()->add(QUrl::fromLocalFile(QStringLiteral(ATLAS_TEST_DATA_DIR "/ucdp/ged-minimal.csv"))));
        QVERIFY(!again.state({}).contains(QStringLiteral("file")));
        WorkspaceSettings headless(false);
        headless.rememberState(again.state({}));
        QCOMPARE(WorkspaceSettings(true).lastState().value(QStringLiteral("text")).toString(), QStringLiteral("kafr"));
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

private:
    QTemporaryDir m_settingsDir;
};

const RegisterUiTest registered([] { return std::make_unique<WorkspaceSettingsTest>(); });

} // namespace

#include "workspace_settings_test.moc"
