#include "workspace_settings.h"

#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QScreen>
#include <QSettings>
#include <QWindow>

#include <algorithm>

namespace atlas::ui {

namespace {
constexpr auto kRecentFiles = "recent/files";
constexpr auto kDialogFolder = "dialogs/folder";
constexpr auto kGeometry = "window/geometry";
constexpr auto kMaximized = "window/maximized";
constexpr auto kBookmarks = "map/bookmarks";
constexpr auto kLastState = "session/state";
} // namespace

WorkspaceSettings::WorkspaceSettings(bool persistent, QObject* parent) : QObject(parent), m_persistent(persistent) {
    if (!m_persistent) return;
    const QSettings settings;
    m_recentFiles = settings.value(QLatin1String(kRecentFiles)).toStringList();
    m_dialogFolder = settings.value(QLatin1String(kDialogFolder)).toString();
    m_lastState = settings.value(QLatin1String(kLastState)).toMap();
    // Kept as a list of maps; anything that is not one (a hand-edited file) is left out.
    for (const QVariant& entry : settings.value(QLatin1String(kBookmarks)).toList()) {
        const QVariantMap view = entry.toMap();
        if (!view.value(QStringLiteral("name")).toString().isEmpty() && view.contains(QStringLiteral("latitude")) &&
            view.contains(QStringLiteral("longitude")) && view.contains(QStringLiteral("zoom")))
            m_bookmarks.append(view);
    }
}

QString WorkspaceSettings::addBookmark(const QString& name, double latitude, double longitude, double zoom, double bearing) {
    QString kept = name.trimmed();
    if (kept.isEmpty()) {
        int n = m_bookmarks.size() + 1;
        auto taken = [this](const QString& candidate) {
            return std::any_of(m_bookmarks.begin(), m_bookmarks.end(),
                               [&](const QVariant& b) { return b.toMap().value(QStringLiteral("name")).toString() == candidate; });
        };
        while (taken(tr("View %1").arg(n))) ++n;
        kept = tr("View %1").arg(n);
    }
    const QVariantMap view{{QStringLiteral("name"), kept}, {QStringLiteral("latitude"), latitude}, {QStringLiteral("longitude"), longitude},
                           {QStringLiteral("zoom"), zoom}, {QStringLiteral("bearing"), bearing}};
    const auto same = std::find_if(m_bookmarks.begin(), m_bookmarks.end(),
                                   [&](const QVariant& b) { return b.toMap().value(QStringLiteral("name")).toString() == kept; });
    if (same != m_bookmarks.end()) *same = view;
    else m_bookmarks.append(view);
    saveBookmarks();
    emit bookmarksChanged();
    return kept;
}

void WorkspaceSettings::removeBookmark(int index) {
    if (index < 0 || index >= m_bookmarks.size()) return;
    m_bookmarks.removeAt(index);
    saveBookmarks();
    emit bookmarksChanged();
}

void WorkspaceSettings::rememberState(const QVariantMap& state) {
    m_lastState = state;
    if (m_persistent) QSettings().setValue(QLatin1String(kLastState), state);
}

void WorkspaceSettings::saveBookmarks() const {
    if (m_persistent) QSettings().setValue(QLatin1String(kBookmarks), m_bookmarks);
}

QStringList WorkspaceSettings::recentFiles() const {
    // A file deleted or on a stick not plugged in is not offered; it stays in the settings
    // and comes back when it is there again.
    QStringList present;
    for (const QString& path : m_recentFiles)
        if (QFileInfo::exists(path)) present << path;
    return present;
}

QUrl WorkspaceSettings::dialogFolder() const {
    if (!m_dialogFolder.isEmpty() && QFileInfo(m_dialogFolder).isDir()) return QUrl::fromLocalFile(m_dialogFolder);
    return QUrl::fromLocalFile(QDir::homePath());
}

void WorkspaceSettings::noteFileRead(const QUrl& location) {
    if (!location.isLocalFile()) return; // the bundled sample (qrc:) is not a recent file
    const QString path = QFileInfo(location.toLocalFile()).absoluteFilePath();
    m_recentFiles.removeAll(path);
    m_recentFiles.prepend(path);
    while (m_recentFiles.size() > maxRecentFiles) m_recentFiles.removeLast();
    if (m_persistent) QSettings().setValue(QLatin1String(kRecentFiles), m_recentFiles);
    emit recentFilesChanged();
    noteDialogChoice(location);
}

void WorkspaceSettings::noteDialogChoice(const QUrl& location) {
    if (!location.isLocalFile()) return;
    const QFileInfo chosen(location.toLocalFile());
    const QString folder = chosen.isDir() ? chosen.absoluteFilePath() : chosen.absolutePath();
    if (folder == m_dialogFolder) return;
    m_dialogFolder = folder;
    if (m_persistent) QSettings().setValue(QLatin1String(kDialogFolder), m_dialogFolder);
    emit dialogFolderChanged();
}

void WorkspaceSettings::clearRecentFiles() {
    m_recentFiles.clear();
    if (m_persistent) QSettings().remove(QLatin1String(kRecentFiles));
    emit recentFilesChanged();
}

void WorkspaceSettings::restoreAndTrack(QWindow* window) {
    if (!m_persistent || !window) return;
    const QSettings settings;
    const QRect geometry = settings.value(QLatin1String(kGeometry)).toRect();
    // Only where some screen still shows most of it (a monitor may have gone since).
    bool onScreen = false;
    for (const QScreen* screen : QGuiApplication::screens()) {
        const QRect visible = screen->availableGeometry().intersected(geometry);
        if (geometry.isValid() && visible.width() * visible.height() * 2 >= geometry.width() * geometry.height()) onScreen = true;
    }
    if (onScreen) window->setGeometry(geometry);
    if (settings.value(QLatin1String(kMaximized)).toBool()) window->setWindowStates(Qt::WindowMaximized);
    connect(qApp, &QGuiApplication::aboutToQuit, this, [this, window] { rememberWindow(window); });
}

void WorkspaceSettings::rememberWindow(const QWindow* window) {
    if (!m_persistent) return;
    QSettings settings;
    const bool maximized = window->windowStates().testFlag(Qt::WindowMaximized);
    settings.setValue(QLatin1String(kMaximized), maximized);
    // A maximised window keeps the size it had before, to return to.
    if (!maximized) settings.setValue(QLatin1String(kGeometry), window->geometry());
}

} // namespace atlas::ui
