#pragma once

// Map snapshots for briefings: the map scene (atlas/render/scene.h) of the view drawn with
// QPainter (scenepainter.h) over the offline basemap tiles, with title, date range, legend,
// scale bar, north arrow and attribution. Needs a QGuiApplication (fonts), no window or display:
// `conflict-atlas export` runs it on the offscreen platform.

#include "atlas/render/scene.h"

#include "atlas/model/dataset.h"
#include "atlas/model/diagnostic.h"
#include "atlas/geo/geo.h"
#include "atlas/query/query.h"

#include <QImage>
#include <QPainter>
#include <QStringList>
#include <QSize>
#include <QString>

#include <vector>

namespace atlas::ui {

/// What a snapshot shows.
struct SnapshotView {
    /// The area to show; widened on one axis to the image's proportions.
    atlas::GeoBox box{35.6, 34.9, 37.7, 36.75}; // Idlib, Hama and Aleppo
    QSize size{1600, 1000};
    /// Empty: the dataset's title.
    QString title;
    /// The incidents to draw, time window included (from/to; no `from` = everything up to `to`).
    atlas::EventFilter filter;
    /// Sites, lines and areas are drawn as they were on this day (usually the window's end).
    atlas::Date situationDate;
    /// Where the offline basemap tiles are; empty or missing tiles leave a plain background.
    QString tileDirectory;
    /// Every incident its own symbol (the default for briefings), or clusters as on screen.
    atlas::render::Clustering clustering = atlas::render::Clustering::EveryIncident;
    std::size_t clusterThreshold = atlas::map_style::kClusterThreshold;
    /// Halos round incidents placed less than exactly, as the map draws them.
    bool placementHalos = true;
    /// Two pulls compared: every change's spot (render::changeSpots); those of the view's
    /// incidents and days are marked.
    std::vector<atlas::render::ChangeSpot> changes;
    /// Reference layers drawn under everything (their fills a choropleth's), bottom first; the
    /// layers must outlive the view.
    std::vector<atlas::render::ReferenceLayerStyle> referenceLayers;
    /// Incidents counted per hexagon (as the map's "hexagons"), on a scale fixed over the data,
    /// instead of drawn one by one.
    bool hexagons = false;
    /// Or as the map's "heat" (kernel density on the same scale).
    bool heat = false;
    /// With hexagons: each coloured by its change from this filter's period (two periods
    /// compared, as the map shows them).
    std::optional<atlas::EventFilter> hexagonsAgainst;
    /// The choropleth's legend (under the map's own): its title and label–colour pairs.
    QString areaLegendTitle;
    std::vector<std::pair<std::string, atlas::Rgba>> areaLegend;
    /// A print layout on this paper ("A4", "A3", "letter"): the map in a frame beside a column
    /// with the counts, the legend of what is drawn, a locator inset and the notes; a header
    /// with title, subtitle and dates, a footer with the filter and every source's attribution.
    /// `size` is then the page at 96 pixels an inch. Empty: the map fills the image.
    QString paper;
    QString subtitle, notes;
    /// The window's dates in large type (an animation's frames).
    bool largeDates = false;
    /// Image pixels per layout pixel: a page's PNG at N dots an inch has N / 96.
    double pixelRatio = 1.0;
    /// The names of the reference layers' files, for the layout's attribution.
    QStringList layerSources;
    /// How the picture was made (atlas/io/recipe.h, its embedded form), recorded in the file:
    /// PNG text chunk "Recipe", PDF XMP, SVG <metadata>. Empty: none.
    QString recipe;
};

/// How the snapshot of `view` maps the world onto its image.
[[nodiscard]] atlas::render::ViewTransform snapshotTransform(const SnapshotView& view);
/// What the snapshot of `view` draws (situation and incidents), without the furniture.
[[nodiscard]] atlas::render::Scene snapshotScene(const atlas::Dataset& dataset, const atlas::EventIndex& index,
                                                 const std::vector<atlas::render::EventSymbol>& symbols, const SnapshotView& view);

/// Paints the snapshot onto `painter`, whose device is `view.size` pixels. `symbols` are the
/// dataset's (atlas::render::resolveSymbols), passed in so a caller drawing many frames
/// resolves them once.
void paintSnapshot(QPainter& painter, const atlas::Dataset& dataset, const atlas::EventIndex& index,
                   const std::vector<atlas::render::EventSymbol>& symbols, const SnapshotView& view);

/// Writes the snapshot as PNG (.png), PDF (.pdf) or SVG (.svg) by the path's extension,
/// atomically; PDF and SVG keep symbols, lines, areas and text as vectors over the raster basemap. Returns the problems (fatal "snapshot.*").
[[nodiscard]] std::vector<atlas::Diagnostic> writeSnapshot(const QString& path, const atlas::Dataset& dataset,
                                                           const atlas::EventIndex& index, const SnapshotView& view);
/// The same with the dataset's symbols resolved already, for many frames.
[[nodiscard]] std::vector<atlas::Diagnostic> writeSnapshot(const QString& path, const atlas::Dataset& dataset,
                                                           const atlas::EventIndex& index,
                                                           const std::vector<atlas::render::EventSymbol>& symbols,
                                                           const SnapshotView& view);

/// What every frame of an animation over `view`'s area starts from: the sea and the basemap
/// tiles at its size, drawn once. paintSnapshot draws it instead of the tiles.
[[nodiscard]] QImage snapshotBackground(const SnapshotView& view);
void paintSnapshot(QPainter& painter, const atlas::Dataset& dataset, const atlas::EventIndex& index,
                   const std::vector<atlas::render::EventSymbol>& symbols, const SnapshotView& view, const QImage& background);

/// Where `point` lands on the snapshot image of `view`.
[[nodiscard]] QPointF snapshotPosition(const SnapshotView& view, atlas::GeoPoint point);

} // namespace atlas::ui
