#include "snapshotexporter.h"

#include "snapshot.h"

#include <QFileInfo>

void SnapshotExporter::setEvents(VisibleEventsModel* events) {
    if (m_events == events) return;
    m_events = events;
    emit eventsChanged();
}

void SnapshotExporter::setTileDirectory(const QString& directory) {
    if (m_tileDirectory == directory) return;
    m_tileDirectory = directory;
    emit tileDirectoryChanged();
}

QString SnapshotExporter::exportTo(const QUrl& location, double west, double south, double east, double north, int width,
                                   int height) const {
    if (!m_events || !m_events->document()) return tr("Nothing to export");
    const AtlasDocument& document = *m_events->document();
    SnapshotView view;
    view.box = {west, south, east, north};
    view.size = QSize(width, height);
    view.filter = m_events->currentFilter();
    view.situationDate = view.filter.to.value_or(atlas::Date());
    view.tileDirectory = m_tileDirectory;
    const QString path = location.isLocalFile() ? location.toLocalFile() : location.toString();
    const auto problems = writeSnapshot(path, document.dataset(), *document.eventIndex(), m_events->datasetSymbols(), view);
    if (!problems.empty()) return tr("Snapshot not saved: %1").arg(QString::fromStdString(problems.front().message));
    return tr("Snapshot saved to %1").arg(QFileInfo(path).fileName());
}
