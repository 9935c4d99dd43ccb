#pragma once

#include <QObject>
#include <QStringList>
#include <QUrl>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

class QWindow;

namespace atlas::ui {

/// What the window remembers between sessions (QSettings: ~/.config/Conflict Atlas/conflict-atlas.conf
/// on Linux): its size and position, the recently read files and the folder file dialogs start in.
/// A non-persistent instance (headless --screenshot / --self-test, tests) starts from defaults and
/// writes nothing, so a picture does not depend on how the user last left the window.
class WorkspaceSettings : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by the application and passed to Main.qml")
    /// Local files read most recently first (at most maxRecentFiles), only those that still exist.
    Q_PROPERTY(QStringList recentFiles READ recentFiles NOTIFY recentFilesChanged)
    /// The folder the last file dialog chose from, else the user's home: where dialogs start.
    Q_PROPERTY(QUrl dialogFolder READ dialogFolder NOTIFY dialogFolderChanged)
    /// Named views of the map, oldest first: each {name, latitude, longitude, zoom, bearing}.
    Q_PROPERTY(QVariantList bookmarks READ bookmarks NOTIFY bookmarksChanged)

public:
    static constexpr int maxRecentFiles = 10;

    explicit WorkspaceSettings(bool persistent, QObject* parent = nullptr);

    [[nodiscard]] QStringList recentFiles() const;
    [[nodiscard]] QUrl dialogFolder() const;

    /// A file was read: it goes to the top of the recent files, its folder becomes the dialogs'.
    Q_INVOKABLE void noteFileRead(const QUrl& location);
    /// A dialog chose this file or folder (also for saving): later dialogs start beside it.
    Q_INVOKABLE void noteDialogChoice(const QUrl& location);
    Q_INVOKABLE void clearRecentFiles();

    [[nodiscard]] QVariantList bookmarks() const { return m_bookmarks; }
    /// Keeps the view under `name` (an empty name becomes "View N"; an existing name is
    /// replaced in place). Returns the name it was kept under.
    Q_INVOKABLE QString addBookmark(const QString& name, double latitude, double longitude, double zoom, double bearing);
    Q_INVOKABLE void removeBookmark(int index);

    /// The window's state when it was last closed (AtlasSession::state): what the next start
    /// brings back. Empty for a non-persistent workspace.
    [[nodiscard]] QVariantMap lastState() const { return m_lastState; }
    void rememberState(const QVariantMap& state);

    /// Puts the window where it was last closed (if that is still on a screen) and remembers
    /// where it is when it closes.
    void restoreAndTrack(QWindow* window);

    /// Remembers where the window is now (done by restoreAndTrack when the application quits).
    void rememberWindow(const QWindow* window);

signals:
    void recentFilesChanged();
    void dialogFolderChanged();
    void bookmarksChanged();

private:

    bool m_persistent;
    QStringList m_recentFiles;
    QString m_dialogFolder;
    QVariantList m_bookmarks;
    QVariantMap m_lastState;
    void saveBookmarks() const;
};

} // namespace atlas::ui
