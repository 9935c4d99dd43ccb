#include "export_writer.h"

#include "animation.h"
#include "snapshot.h"

#include "atlas/render/scene.h"

#include <QFileInfo>

#include <cstdio>
#include <memory>

namespace atlas::app {

using atlas::ui::SnapshotView;

namespace {

// The request's view of its first (or only) frame.
SnapshotView viewOf(const atlas::Dataset& dataset, const atlas::EventIndex& index, const std::vector<atlas::render::EventSymbol>& symbols,
                    const atlas::commands::ExportRequest& request, const QString& tiles) {
    SnapshotView view;
    view.filter = request.filter;
    view.situationDate = request.situationDate;
    view.box = request.box ? *request.box : atlas::boxAroundEvents(dataset, index.select(request.filter)).value_or(view.box);
    view.size = QSize(request.width, request.height);
    view.title = QString::fromStdString(request.title);
    view.tileDirectory = tiles;
    view.clustering = request.clusters ? atlas::render::Clustering::AsOnScreen : atlas::render::Clustering::EveryIncident;
    view.placementHalos = request.placementHalos;
    view.hexagons = request.incidentsAs == "hexagons";
    view.heat = request.incidentsAs == "heat";
    if (request.earlierPull) view.changes = atlas::render::changeSpots(request.changes, *request.earlierPull, symbols);
    for (const auto& layer : request.layers) {
        atlas::render::ReferenceLayerStyle style;
        style.layer = layer.layer.get();
        style.opacity = 0.85; // as the window draws a layer first added
        style.labelField = layer.layer->labelField;
        style.fills = layer.fills;
        view.referenceLayers.push_back(std::move(style));
        const QString source = QFileInfo(QString::fromStdString(layer.layer->path)).fileName();
        if (!source.isEmpty() && !view.layerSources.contains(source)) view.layerSources << source;
    }
    view.areaLegendTitle = QString::fromStdString(request.areaLegendTitle);
    view.areaLegend = request.areaLegend;
    view.paper = QString::fromStdString(request.paper);
    view.subtitle = QString::fromStdString(request.subtitle);
    view.notes = QString::fromStdString(request.notes);
    // A page's PNG at its resolution; PDF and SVG are drawn at 96 (vectors; the tiles are chosen for the dpi).
    if (!request.paper.empty()) view.pixelRatio = request.dpi / 96.0;
    view.recipe = QString::fromStdString(request.recipe);
    return view;
}

} // namespace

atlas::commands::ExportWriter makeExportWriter(const QString& tileDirectory) {
    // The symbols are resolved once for every frame of the dataset.
    auto symbols = std::make_shared<std::vector<atlas::render::EventSymbol>>();
    return [symbols, tileDirectory](const atlas::Dataset& dataset, const atlas::EventIndex& index, const atlas::commands::ExportRequest& request) {
        if (symbols->size() != dataset.events.size()) *symbols = atlas::render::resolveSymbols(dataset);
        const SnapshotView first = viewOf(dataset, index, *symbols, request, tileDirectory);
        if (request.frames.empty()) return atlas::ui::writeSnapshot(QString::fromStdString(request.out), dataset, index, *symbols, first);
        atlas::ui::AnimationJob job;
        job.path = QString::fromStdString(request.out);
        job.frameCount = static_cast<int>(request.frames.size());
        job.fps = request.fps;
        job.holdLastFrames = request.holdLastFrames;
        job.title = first.title.isEmpty() ? QString::fromStdString(dataset.metadata.title) : first.title;
        job.recipe = first.recipe;
        job.frame = [&](int i) {
            const auto& frame = request.frames[static_cast<std::size_t>(i)];
            SnapshotView view = first;
            view.filter = frame.filter;
            view.situationDate = frame.situationDate;
            if (request.colourLayer >= 0) {
                view.referenceLayers[static_cast<std::size_t>(request.colourLayer)].fills = frame.colourLayerFills;
                view.areaLegend = frame.areaLegend;
            }
            return view;
        };
        int shown = -1;
        job.progress = [&](int done, int total) {
            const int percent = done * 100 / total;
            if (percent / 10 != shown / 10) std::fprintf(stderr, "\rencoding %d %%", percent);
            shown = percent;
            if (done == total) std::fprintf(stderr, "\n");
            return true;
        };
        return atlas::ui::writeAnimation(dataset, index, *symbols, job).diagnostics;
    };
}

} // namespace atlas::app
