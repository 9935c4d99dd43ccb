#include "snapshot_exporter.h"

#include "scene_painter.h"
#include "snapshot.h"

#include <QFileInfo>

namespace atlas::ui {

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

SnapshotView SnapshotExporter::viewOf(double west, double south, double east, double north, int width, int height,
                                      int clusterThreshold) const {
    SnapshotView view;
    view.box = {west, south, east, north};
    view.size = QSize(width, height);
    if (m_events) view.filter = m_events->currentFilter();
    view.situationDate = view.filter.to.value_or(atlas::Date());
    view.tileDirectory = m_tileDirectory;
    // The map as shown: its clusters too.
    view.clustering = atlas::render::Clustering::AsOnScreen;
    view.clusterThreshold = static_cast<std::size_t>(std::max(0, clusterThreshold));
    view.placementHalos = m_placementHalos;
    view.hexagons = m_density == QLatin1String("hexagons");
    view.heat = m_density == QLatin1String("heat");
    if (view.hexagons && m_layers && m_layers->comparing()) view.hexagonsAgainst = m_layers->comparedFilter(view.filter);
    if (m_layers) {
        view.referenceLayers = m_layers->styles();
        if (m_layers->choroplethLayer() >= 0) {
            view.areaLegendTitle = m_layers->legendTitle();
            view.areaLegend = m_layers->shading().legend;
        }
    }
    return view;
}

QString SnapshotExporter::exportTo(const QUrl& location, double west, double south, double east, double north, int width,
                                   int height, int clusterThreshold) const {
    if (!m_events || !m_events->document()) return tr("Nothing to export");
    const AtlasDocument& document = *m_events->document();
    const SnapshotView view = viewOf(west, south, east, north, width, height, clusterThreshold);
    const QString path = location.isLocalFile() ? location.toLocalFile() : location.toString();
    const auto problems = writeSnapshot(path, document.dataset(), *document.eventIndex(), m_events->datasetSymbols(), view);
    if (!problems.empty()) return tr("Snapshot not saved: %1").arg(QString::fromStdString(problems.front().message));
    return tr("Snapshot saved to %1").arg(QFileInfo(path).fileName());
}

QVariantList SnapshotExporter::drawnMarks(double west, double south, double east, double north, int width, int height,
                                          int clusterThreshold) const {
    if (!m_events || !m_events->document()) return {};
    const AtlasDocument& document = *m_events->document();
    return atlas::ui::describeMarks(snapshotScene(document.dataset(), *document.eventIndex(), m_events->datasetSymbols(),
                                                  viewOf(west, south, east, north, width, height, clusterThreshold)));
}

} // namespace atlas::ui
