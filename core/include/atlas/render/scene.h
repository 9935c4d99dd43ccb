#pragma once

// The map scene: everything the window's map and a snapshot draw, as typed marks in pixels,
// styled once from atlas/style.h. Both backends (ui/scenelayer: the scene graph; ui/snapshot:
// QPainter) only draw marks, and hit-testing is done on the same marks, so what is clicked is
// what is drawn and a snapshot is the map by construction.

#include "atlas/geo/reference_layer.h"
#include "atlas/model/dataset.h"
#include "atlas/model/revisions.h"
#include "atlas/query/query.h"
#include "atlas/geo/geo.h"
#include "atlas/render/view_transform.h"
#include "atlas/style/style.h"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace atlas::render {

/// How a reference layer is drawn: its areas' fills (one per feature: a choropleth's classes,
/// or none), outline, labels and opacity.
struct ReferenceLayerStyle {
    const ReferenceLayer* layer = nullptr;
    double opacity = 1.0;            ///< of everything the layer draws
    bool outline = true;
    int labelField = -1;             ///< the field labelling areas; -1: none
    std::vector<Rgba> fills;         ///< per feature; empty: no fill
};

/// One event's symbol before any view: where it is and how it looks. Resolved once per dataset.
struct EventSymbol {
    MercatorPoint position;
    Rgb colour;                                ///< its first perpetrator's own colour, else its side's
    SymbolShape shape = SymbolShape::Circle;   ///< by type
    float radius = 6.0f;                       ///< by those killed
    bool approximateDate = false;              ///< dated only to a week or a month: drawn hollow
};
/// Every event's symbol, in dataset order (about a second for a million events).
[[nodiscard]] std::vector<EventSymbol> resolveSymbols(const Dataset& dataset);

struct SymbolMark {
    PixelPoint centre;
    float radius = 0;
    SymbolShape shape = SymbolShape::Circle;
    Rgba fill;
    std::uint32_t event = 0; ///< position in dataset.events
    /// Dated only to a week or a month (it may fall outside the window): a hollow centre of
    /// map_style::kApproximateDateCentre, approximateCentreRadius() across.
    bool approximateDate = false;
    [[nodiscard]] double approximateCentreRadius() const;
};
/// The area an incident placed less than exactly may be anywhere in (style's
/// placementRadiusKm around its drawn point): one per point and radius, however many
/// incidents share them.
struct HaloMark {
    PixelPoint centre;
    double radius = 0;       ///< pixels at the view's scale
    Rgba fill, edge;
    std::uint32_t event = 0; ///< the first incident it is drawn for (position in dataset.events)
};
struct ClusterMark {
    PixelPoint centre;     ///< mean of its events' positions
    float radius = 0;
    Rgba fill;             ///< the colour most of its events have
    std::uint32_t count = 0;
    std::string label;     ///< the count as drawn: 12, 1.2k, 12k
};
struct AreaMark {
    std::vector<std::vector<PixelPoint>> rings; ///< outer first, then holes (drawn even–odd)
    Rgba fill, edge;
    double edgeWidth = 0;
    std::uint32_t area = 0; ///< position in dataset.areas
};
struct LineMark {
    std::vector<PixelPoint> path;
    Rgba colour;
    double width = 0;
    /// A corridor's band, to scale: its full width in pixels (0: none) and colour.
    double bandWidth = 0;
    Rgba bandColour;
    std::uint32_t line = 0; ///< position in dataset.lines
};
struct SiteMark {
    PixelPoint centre;
    double size = 0;       ///< side of the square
    Rgba fill, border;
    double borderWidth = 0;
    bool crossed = false;  ///< gone: evacuated or handed over
    std::string label;     ///< "name · status"
    PixelPoint labelAt;    ///< start of the label's baseline
    std::uint32_t site = 0; ///< position in the situation's sites (the window's site rows)
};

/// A feature of a reference layer in view: its rings (areas), paths (lines) and points, with
/// the label at the middle of its box.
struct ReferenceMark {
    std::vector<std::vector<PixelPoint>> rings; ///< drawn even–odd
    std::vector<std::vector<PixelPoint>> paths;
    std::vector<PixelPoint> points;
    Rgba fill, edge;
    double edgeWidth = 0;
    std::string label;
    PixelPoint labelAt;
    std::uint32_t layer = 0;   ///< position in SceneRequest::referenceLayers
    std::uint32_t feature = 0; ///< position in the layer's features
};

/// A hexagon of the hexbin layer on screen, filled by how many incidents it holds.
struct HexMark {
    std::array<PixelPoint, 6> corners;
    PixelPoint centre;
    Rgba fill;
    std::uint32_t events = 0;
};

/// The heat layer (kernel density) of a view: a grid of coloured cells over the whole view,
/// each `cellPixels` square, row by row from the top left; drawn scaled up, smoothly.
struct HeatMark {
    int columns = 0, rows = 0;
    double cellPixels = 4;
    std::vector<Rgba> cells;
};

/// An incident two pulls disagree about, where it is (the newer pull's point; the older's for
/// one deleted since) and how large its symbol is.
struct ChangeSpot {
    MercatorPoint position;
    float radius = 0;
    PullChange::Kind kind = PullChange::Kind::Added;
    std::uint32_t event = 0; ///< added, revised: its position in the newer dataset
    Date date;               ///< deleted: its date, to show it in the windows of that day
};
/// Where `changes` (comparePulls(older, newer)) go on a map of `newer`, whose resolved symbols
/// are `newerSymbols`: added and revised at their symbol, deleted where `older` had them.
[[nodiscard]] std::vector<ChangeSpot> changeSpots(const std::vector<PullChange>& changes, const Dataset& older,
                                                  const std::vector<EventSymbol>& newerSymbols);
/// Those to mark on a view drawing the events `drawn` (positions) of the days `from`–`to`:
/// added and revised ones drawn there, deleted ones dated in those days.
[[nodiscard]] std::vector<ChangeSpot> spotsShown(const std::vector<ChangeSpot>& spots, std::span<const std::uint32_t> drawn,
                                                 std::optional<Date> from, std::optional<Date> to);
/// A changed incident's mark: a disc of its kind's colour behind its symbol (added, revised), or
/// a ringed dot where a deleted one was.
struct ChangeMark {
    PixelPoint centre;
    double radius = 0;
    Rgba colour;
    PullChange::Kind kind = PullChange::Kind::Added;
};

/// What a view shows, in draw order: reference layers, areas, lines, sites, changes, clusters, symbols, then the selection.
struct Scene {
    std::vector<ReferenceMark> reference; ///< the analyst's reference layers, bottom first
    std::vector<AreaMark> areas;
    std::vector<HexMark> hexes;           ///< the hexbin layer (incidents counted per hexagon), over the areas
    std::optional<HeatMark> heat;         ///< the heat layer (kernel density), over the areas
    std::vector<LineMark> lines;
    std::vector<SiteMark> sites;
    std::vector<HaloMark> halos;          ///< placement halos of the symbols drawn (not of clusters)
    std::vector<ChangeMark> changes;      ///< two pulls compared: what changed, in view
    std::vector<ClusterMark> clusters;
    std::vector<SymbolMark> symbols;      ///< largest first, so small ones stay visible and clickable
    std::optional<SymbolMark> selected;   ///< drawn last, with a halo, even inside a cluster
    std::size_t eventsInView = 0;         ///< events inside the view, clustered or not
    [[nodiscard]] bool clustered() const { return !clusters.empty(); }
};

enum class Clustering {
    AsOnScreen,    ///< clusters when more than the threshold are in view (the window's map)
    EveryIncident, ///< every event its own symbol
};

/// The view and what to put in it.
struct SceneRequest {
    ViewTransform view;
    double width = 0, height = 0;        ///< the view's size in pixels
    /// The events to draw (positions in dataset.events, any order) and their resolved symbols.
    std::span<const std::uint32_t> events;
    const std::vector<EventSymbol>* symbols = nullptr;
    /// Optional, for a view drawn frame after frame (the map): `events` are in draw order
    /// already (largest symbol first) and eventSymbols[i] is the symbol of events[i], so a
    /// frame reads them in order instead of across the dataset's million symbols.
    std::span<const EventSymbol> eventSymbols;
    Clustering clustering = Clustering::AsOnScreen;
    std::size_t clusterThreshold = map_style::kClusterThreshold;
    std::optional<std::uint32_t> selectedEvent;
    /// Draw a halo round each symbol placed less than exactly (a district, near a town).
    bool placementHalos = true;
    /// Sites, lines and areas as they were on this day; none when unset.
    std::optional<Date> situationDate;
    std::optional<std::uint32_t> selectedSite; ///< position in the situation's sites
    /// Two pulls compared: the changed incidents to mark (the caller keeps those of the window).
    std::span<const ChangeSpot> changes;
    /// Reference layers under everything else, bottom first.
    std::span<const ReferenceLayerStyle> referenceLayers;
    /// The hexbin layer: the window's incidents per hexagon and each cell's fill (hexFills[i]
    /// for hexbins->cells[i]); none when null.
    const HexBins* hexbins = nullptr;
    std::span<const Rgba> hexFills;
    /// The heat layer, made by the caller (render::heatMark); none when unset.
    std::optional<HeatMark> heat;
};

/// Builds the scene of `request` for `dataset`: culls to the view, clusters, styles.
[[nodiscard]] Scene buildScene(const Dataset& dataset, const SceneRequest& request);
/// The selected event's mark (drawn last, with a halo); none for a position outside `symbols`.
[[nodiscard]] std::optional<SymbolMark> selectionMark(const std::vector<EventSymbol>& symbols, const ViewTransform& view,
                                                      std::uint32_t event);
/// The reference layers' features in view, simplified to the pixel, for a view of
/// `width` × `height` pixels.
void addReferenceLayers(Scene& scene, std::span<const ReferenceLayerStyle> layers, const ViewTransform& view, double width,
                        double height);
/// Only the situation (areas, lines, sites) of a day, for a view.
void addSituation(Scene& scene, const Dataset& dataset, const ViewTransform& view, Date day,
                  std::optional<std::uint32_t> selectedSite = std::nullopt);

/// "12", "1.2k", "12k", "1.2M": a cluster's count as it is drawn.
[[nodiscard]] std::string abbreviateCount(std::uint64_t count);

/// What is drawn at a point: the topmost mark that covers it (with a few pixels of slack).
struct SceneHit {
    enum class Kind { Nothing, Event, Cluster, Site } kind = Kind::Nothing;
    std::uint32_t index = 0;  ///< the event's position, the cluster's index in scene.clusters, or the site's
    std::uint32_t count = 0;  ///< events under a cluster (1 for an event)
};
[[nodiscard]] SceneHit hitTest(const Scene& scene, PixelPoint at);
/// The line or control area drawn at a point, for editing it: a line within a few pixels of its
/// path (the nearest), else the area whose rings hold the point (the one drawn last, on top).
struct SituationHit {
    enum class Kind { Nothing, Line, Area } kind = Kind::Nothing;
    std::uint32_t index = 0; ///< position in dataset.lines or dataset.areas
};
[[nodiscard]] SituationHit situationAt(const Scene& scene, PixelPoint at);
/// Every incident whose symbol is under `at` (positions, the topmost first): incidents stacked
/// on one place, which a click must not leave hidden under each other.
[[nodiscard]] std::vector<std::uint32_t> eventsAt(const Scene& scene, PixelPoint at);

} // namespace atlas::render
