#include "atlas/render/scene.h"

#include "atlas/geo/hexagons.h"
#include "atlas/model/actor_tree.h"
#include "atlas/render/screen_clusters.h"
#include "atlas/io/text.h"
#include "atlas/model/vocabulary.h"

#include <algorithm>
#include <unordered_set>
#include <cmath>
#include <numeric>
#include <unordered_map>

namespace atlas::render {

namespace {

SymbolMark symbolMark(const EventSymbol& symbol, PixelPoint centre, std::uint32_t event) {
    return {centre, symbol.radius, symbol.shape, opaque(symbol.colour), event, symbol.approximateDate};
}

// A halo for each symbol placed less than exactly: its radius is the distance the placement
// allows, measured on the ground (an offset east of the point, mapped by the view, so any
// zoom, bearing or tilt is followed). Several incidents on one point with one precision share
// a halo: translucent halos stacked would darken with their number, which says nothing about
// the place.
void addPlacementHalos(Scene& scene, const Dataset& dataset, const std::vector<EventSymbol>& symbols, const ViewTransform& view) {
    struct Key {
        std::int64_t x, y;
        int precision;
        bool operator==(const Key&) const = default;
    };
    std::vector<Key> seen;
    for (const SymbolMark& symbol : scene.symbols) {
        const PlacePrecision precision = dataset.events.placePrecision(symbol.event);
        const double km = placementRadiusKm(precision);
        if (km <= 0) continue;
        const Key key{std::llround(symbol.centre.x), std::llround(symbol.centre.y), static_cast<int>(precision)};
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
        seen.push_back(key);
        const MercatorPoint at = symbols[symbol.event].position;
        const double latitude = fromMercator(at).latitude * M_PI / 180.0;
        const double unitsPerKm = 1.0 / (40075.017 * std::max(0.01, std::cos(latitude)));
        const PixelPoint east = view.map(MercatorPoint{at.x + km * unitsPerKm, at.y});
        const double radius = std::hypot(east.x - symbol.centre.x, east.y - symbol.centre.y);
        Rgba fill = symbol.fill, edge = symbol.fill;
        fill.alpha = static_cast<std::uint8_t>(std::lround(255 * map_style::kPlacementHaloFillAlpha));
        edge.alpha = static_cast<std::uint8_t>(std::lround(255 * map_style::kPlacementHaloEdgeAlpha));
        scene.halos.push_back({symbol.centre, radius, fill, edge, symbol.event});
    }
    // The widest first, so a smaller halo inside a larger one stays visible.
    std::stable_sort(scene.halos.begin(), scene.halos.end(), [](const HaloMark& a, const HaloMark& b) { return a.radius > b.radius; });
}

} // namespace

double SymbolMark::approximateCentreRadius() const {
    return std::max(map_style::kApproximateDateMinRadius, radius * map_style::kApproximateDateCentreRatio);
}

std::vector<EventSymbol> resolveSymbols(const Dataset& dataset) {
    std::vector<EventSymbol> symbols;
    symbols.reserve(dataset.events.size());
    // The colour of each pooled actor id once (few actors, many events), read by column.
    const EventTable& events = dataset.events;
    const ActorTree tree(dataset);
    std::vector<Rgb> colourOfRef(events.actorIds().size());
    for (std::uint32_t ref = 0; ref < colourOfRef.size(); ++ref) colourOfRef[ref] = tree.effectiveColour(events.actorIds().at(ref));
    const Rgb nobody = tree.effectiveColour(std::string());
    for (std::size_t row = 0; row < events.size(); ++row) {
        EventSymbol symbol;
        symbol.position = toMercator(events.point(row));
        symbol.colour = events.perpetratorCount(row) > 0 ? colourOfRef[events.actorRefs(row)[0]] : nobody;
        symbol.shape = symbolShape(events.type(row));
        symbol.radius = static_cast<float>(symbolRadius(events.killed(row)));
        symbol.approximateDate = events.datePrecision(row) != DatePrecision::Day;
        symbols.push_back(symbol);
    }
    return symbols;
}

std::vector<ChangeSpot> changeSpots(const std::vector<PullChange>& changes, const Dataset& older,
                                    const std::vector<EventSymbol>& newerSymbols) {
    std::vector<ChangeSpot> spots;
    spots.reserve(changes.size());
    for (const PullChange& change : changes) {
        if (change.kind == PullChange::Kind::Deleted) {
            if (change.position < older.events.size())
                spots.push_back({toMercator(older.events.point(change.position)), 0.0f, change.kind, 0, older.events.date(change.position)});
        } else if (change.position < newerSymbols.size()) {
            const EventSymbol& symbol = newerSymbols[change.position];
            spots.push_back({symbol.position, symbol.radius, change.kind, change.position, Date()});
        }
    }
    return spots;
}

std::vector<ChangeSpot> spotsShown(const std::vector<ChangeSpot>& spots, std::span<const std::uint32_t> drawn, std::optional<Date> from,
                                   std::optional<Date> to) {
    std::vector<ChangeSpot> out;
    if (spots.empty()) return out;
    const std::unordered_set<std::uint32_t> shown(drawn.begin(), drawn.end());
    for (const ChangeSpot& spot : spots) {
        const bool in = spot.kind == PullChange::Kind::Deleted ? (!from || spot.date >= *from) && (!to || spot.date <= *to)
                                                               : shown.count(spot.event) > 0;
        if (in) out.push_back(spot);
    }
    return out;
}

std::string abbreviateCount(std::uint64_t count) {
    auto scaled = [](double value, const char* unit) {
        // One decimal below ten (1.2k), none above (12k); never "10.0k".
        const double rounded = std::round(value * 10.0) / 10.0;
        if (rounded < 10.0) {
            std::string text = std::to_string(static_cast<int>(std::floor(rounded))) + "." +
                               std::to_string(static_cast<int>(std::lround(rounded * 10.0)) % 10);
            return text + unit;
        }
        return std::to_string(static_cast<long long>(std::lround(value))) + unit;
    };
    if (count >= 1'000'000) return scaled(static_cast<double>(count) / 1e6, "M");
    if (count >= 1'000) return scaled(static_cast<double>(count) / 1e3, "k");
    return std::to_string(count);
}

namespace {

// A path in pixels without the points closer than half a pixel to the last kept one: a
// district's thousands of vertices are a few hundred at the zoom that shows them all.
std::vector<PixelPoint> simplifiedPath(const std::vector<GeoPoint>& points, const ViewTransform& view, bool closed) {
    std::vector<PixelPoint> out;
    out.reserve(std::min<std::size_t>(points.size(), 1024));
    for (std::size_t i = 0; i < points.size(); ++i) {
        const PixelPoint p = view.map(points[i]);
        if (!out.empty() && i + 1 < points.size()) {
            const double dx = p.x - out.back().x, dy = p.y - out.back().y;
            if (dx * dx + dy * dy < 0.25) continue;
        }
        out.push_back(p);
    }
    if (closed && out.size() < 3) out.clear();
    return out;
}

Rgba scaledAlpha(Rgba colour, double opacity) {
    colour.alpha = static_cast<std::uint8_t>(std::clamp(colour.alpha * opacity + 0.5, 0.0, 255.0));
    return colour;
}

} // namespace

void addReferenceLayers(Scene& scene, std::span<const ReferenceLayerStyle> layers, const ViewTransform& view, double width, double height) {
    for (std::size_t l = 0; l < layers.size(); ++l) {
        const ReferenceLayerStyle& style = layers[l];
        if (!style.layer || style.opacity <= 0) continue;
        const ReferenceLayer& layer = *style.layer;
        for (std::size_t f = 0; f < layer.features.size(); ++f) {
            const ReferenceFeature& feature = layer.features[f];
            if (feature.area.rings.empty() && feature.paths.empty() && feature.points.empty()) continue;
            // The box's corners on screen: a feature wholly off the view is not drawn.
            const GeoBox& b = feature.bounds;
            double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
            for (const GeoPoint corner : {GeoPoint{b.minLatitude, b.minLongitude}, GeoPoint{b.minLatitude, b.maxLongitude},
                                          GeoPoint{b.maxLatitude, b.minLongitude}, GeoPoint{b.maxLatitude, b.maxLongitude}}) {
                const PixelPoint p = view.map(corner);
                x0 = std::min(x0, p.x), x1 = std::max(x1, p.x), y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
            }
            if (x1 < 0 || y1 < 0 || x0 > width || y0 > height) continue;
            ReferenceMark mark;
            mark.layer = static_cast<std::uint32_t>(l);
            mark.feature = static_cast<std::uint32_t>(f);
            for (const auto& ring : feature.area.rings)
                if (auto path = simplifiedPath(ring, view, true); !path.empty()) mark.rings.push_back(std::move(path));
            for (const auto& line : feature.paths)
                if (auto path = simplifiedPath(line, view, false); path.size() >= 2) mark.paths.push_back(std::move(path));
            for (const GeoPoint& point : feature.points) mark.points.push_back(view.map(point));
            mark.fill = f < style.fills.size() ? scaledAlpha(style.fills[f], style.opacity) : Rgba{0, 0, 0, 0};
            mark.edge = style.outline ? scaledAlpha(map_style::kReferenceEdge, style.opacity) : Rgba{0, 0, 0, 0};
            mark.edgeWidth = mark.paths.empty() ? map_style::kReferenceEdgeWidth : map_style::kReferenceLineWidth;
            if (style.labelField >= 0 && (x1 - x0 >= map_style::kReferenceLabelMinWidth || !feature.points.empty())) {
                mark.label = layer.label(f, style.labelField);
                mark.labelAt = feature.points.empty() ? PixelPoint{(x0 + x1) / 2, (y0 + y1) / 2}
                                                      : PixelPoint{mark.points[0].x + 6, mark.points[0].y + 4};
            }
            scene.reference.push_back(std::move(mark));
        }
    }
}

void addSituation(Scene& scene, const Dataset& dataset, const ViewTransform& view, Date day,
                  std::optional<std::uint32_t> selectedSite) {
    const Situation situation = dataset.situationOn(day);
    for (const Area* area : situation.areas) {
        AreaMark mark;
        for (const auto& ring : area->rings) {
            std::vector<PixelPoint>& out = mark.rings.emplace_back();
            out.reserve(ring.size());
            for (const GeoPoint& point : ring) out.push_back(view.map(point));
        }
        const Rgb colour = ActorTree(dataset).effectiveColour(area->controller);
        mark.fill = withAlpha(colour, map_style::kAreaFillAlpha);
        mark.edge = withAlpha(colour, map_style::kAreaEdgeAlpha);
        mark.edgeWidth = map_style::kAreaEdgeWidth;
        mark.area = static_cast<std::uint32_t>(area - dataset.areas.data());
        scene.areas.push_back(std::move(mark));
    }
    for (const Line* line : situation.lines) {
        LineMark mark;
        mark.path.reserve(line->path.size());
        for (const GeoPoint& point : line->path) mark.path.push_back(view.map(point));
        const Rgb colour = lineColour(line->kind);
        mark.colour = opaque(colour);
        if (line->halfWidthKm > 0 && !line->path.empty()) {
            // To scale where the line is (Mercator's scale changes with latitude).
            const GeoPoint middle = line->path[line->path.size() / 2];
            mark.bandWidth = std::max(map_style::kCorridorBandMinWidth, 2 * line->halfWidthKm * view.pixelsPerKm(middle));
            mark.bandColour = withAlpha(colour, map_style::kCorridorBandAlpha);
            mark.width = map_style::kCorridorCentreWidth;
        } else {
            mark.width = map_style::kLineWidth;
        }
        mark.line = static_cast<std::uint32_t>(line - dataset.lines.data());
        scene.lines.push_back(std::move(mark));
    }
    for (std::size_t i = 0; i < situation.sites.size(); ++i) {
        const Situation::SiteState& state = situation.sites[i];
        SiteMark mark;
        mark.centre = view.map(state.site->place.point);
        mark.size = map_style::kSiteSize;
        mark.fill = opaque(statusColour(state.status));
        const bool selected = selectedSite && *selectedSite == i;
        mark.border = selected ? map_style::kSelectionHalo : map_style::kSiteBorder;
        mark.borderWidth = selected ? map_style::kSiteSelectedBorderWidth : map_style::kSiteBorderWidth;
        mark.crossed = statusCrossed(state.status);
        mark.label = state.site->name + " \u00b7 " + lower(std::string(toLabel(state.status)));
        mark.labelAt = {mark.centre.x + map_style::kSiteLabelOffsetX, mark.centre.y + map_style::kSiteLabelOffsetY};
        mark.site = static_cast<std::uint32_t>(i);
        scene.sites.push_back(std::move(mark));
    }
}

Scene buildScene(const Dataset& dataset, const SceneRequest& request) {
    Scene scene;
    addReferenceLayers(scene, request.referenceLayers, request.view, request.width, request.height);
    if (request.situationDate) addSituation(scene, dataset, request.view, *request.situationDate, request.selectedSite);
    scene.heat = request.heat;
    if (request.hexbins && request.hexFills.size() == request.hexbins->cells.size()) {
        for (std::size_t i = 0; i < request.hexbins->cells.size(); ++i) {
            const HexCell& cell = request.hexbins->cells[i];
            HexMark mark;
            const auto corners = hexCorners(cell.hex, request.hexbins->size);
            double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
            for (std::size_t k = 0; k < 6; ++k) {
                mark.corners[k] = request.view.map(corners[k]);
                x0 = std::min(x0, mark.corners[k].x), x1 = std::max(x1, mark.corners[k].x);
                y0 = std::min(y0, mark.corners[k].y), y1 = std::max(y1, mark.corners[k].y);
            }
            if (x1 < 0 || y1 < 0 || x0 > request.width || y0 > request.height || request.hexFills[i].alpha == 0) continue;
            mark.centre = request.view.map(hexCentre(cell.hex, request.hexbins->size));
            mark.fill = request.hexFills[i];
            mark.events = cell.events;
            scene.hexes.push_back(mark);
        }
    }
    if (!request.symbols || request.symbols->size() != dataset.events.size()) return scene;
    const std::vector<EventSymbol>& symbols = *request.symbols;

    // Largest first (stable: the caller's order breaks ties), so small symbols stay on top.
    const bool prepared = !request.eventSymbols.empty() && request.eventSymbols.size() == request.events.size();
    std::vector<std::uint32_t> sorted;
    if (!prepared) {
        sorted.assign(request.events.begin(), request.events.end());
        std::stable_sort(sorted.begin(), sorted.end(), [&](std::uint32_t a, std::uint32_t b) { return symbols[a].radius > symbols[b].radius; });
    }
    const std::span<const std::uint32_t> order = prepared ? request.events : std::span<const std::uint32_t>(sorted);
    auto symbolAt = [&](std::size_t i) -> const EventSymbol& { return prepared ? request.eventSymbols[i] : symbols[order[i]]; };
    std::vector<ScreenPoint> inView;
    std::vector<std::size_t> inViewOrder; // index into `order` of each point in view
    inView.reserve(order.size());
    inViewOrder.reserve(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        const EventSymbol& symbol = symbolAt(i);
        const PixelPoint at = request.view.map(symbol.position);
        const double margin = symbol.radius * 1.2 + 6.0; // a symbol that reaches into the view is drawn
        if (!(at.x >= -margin && at.y >= -margin && at.x <= request.width + margin && at.y <= request.height + margin)) continue;
        inView.push_back({at, symbol.radius, symbol.colour});
        inViewOrder.push_back(i);
    }
    scene.eventsInView = inView.size();
    const bool cluster = request.clustering == Clustering::AsOnScreen && inView.size() > request.clusterThreshold;
    if (!cluster) {
        scene.symbols.reserve(inView.size());
        for (std::size_t k = 0; k < inView.size(); ++k)
            scene.symbols.push_back(symbolMark(symbolAt(inViewOrder[k]), inView[k].at, order[inViewOrder[k]]));
    } else {
        const PixelPoint origin = request.view.map(MercatorPoint{0.0, 0.0});
        for (const ScreenCluster& group : clusterScreenPoints(inView, origin)) {
            if (group.count == 1) {
                const std::size_t i = inViewOrder[group.firstMember];
                scene.symbols.push_back(symbolMark(symbolAt(i), group.centre, order[i]));
                continue;
            }
            scene.clusters.push_back({group.centre, static_cast<float>(clusterRadius(group.count)), opaque(group.colour), group.count,
                                      abbreviateCount(group.count)});
        }
        // Singles keep the draw order (largest first) among themselves.
        std::stable_sort(scene.symbols.begin(), scene.symbols.end(), [](const SymbolMark& a, const SymbolMark& b) { return a.radius > b.radius; });
    }
    if (request.placementHalos) addPlacementHalos(scene, dataset, symbols, request.view);
    for (const ChangeSpot& spot : request.changes) {
        const PixelPoint at = request.view.map(spot.position);
        const double radius = spot.kind == PullChange::Kind::Deleted ? map_style::kDeletedMarkRadius : spot.radius + map_style::kChangeRingWidth;
        if (at.x < -radius || at.y < -radius || at.x > request.width + radius || at.y > request.height + radius) continue;
        const Rgba colour = spot.kind == PullChange::Kind::Added     ? map_style::kChangeAdded
                            : spot.kind == PullChange::Kind::Revised ? map_style::kChangeRevised
                                                                      : map_style::kChangeDeleted;
        scene.changes.push_back({at, radius, colour, spot.kind});
    }
    if (request.selectedEvent) scene.selected = selectionMark(symbols, request.view, *request.selectedEvent);
    return scene;
}

std::optional<SymbolMark> selectionMark(const std::vector<EventSymbol>& symbols, const ViewTransform& view, std::uint32_t event) {
    if (event >= symbols.size()) return std::nullopt;
    return symbolMark(symbols[event], view.map(symbols[event].position), event);
}

namespace {
// How far from a symbol's centre a click still hits it: a little slack for fingers and trackpads.
double reachOf(float radius) { return radius * 1.15 + 3.0; }
} // namespace

std::vector<std::uint32_t> eventsAt(const Scene& scene, PixelPoint at) {
    std::vector<std::uint32_t> out;
    for (auto it = scene.symbols.rbegin(); it != scene.symbols.rend(); ++it)
        if (std::hypot(it->centre.x - at.x, it->centre.y - at.y) <= reachOf(it->radius)) out.push_back(it->event);
    return out;
}

SceneHit hitTest(const Scene& scene, PixelPoint at) {
    auto distance = [&](PixelPoint p) { return std::hypot(p.x - at.x, p.y - at.y); };
    if (scene.selected && distance(scene.selected->centre) <= reachOf(scene.selected->radius))
        return {SceneHit::Kind::Event, scene.selected->event, 1};
    for (auto it = scene.symbols.rbegin(); it != scene.symbols.rend(); ++it)
        if (distance(it->centre) <= reachOf(it->radius)) return {SceneHit::Kind::Event, it->event, 1};
    for (auto it = scene.clusters.rbegin(); it != scene.clusters.rend(); ++it)
        if (distance(it->centre) <= it->radius + 3.0)
            return {SceneHit::Kind::Cluster, static_cast<std::uint32_t>(scene.clusters.rend() - it - 1), it->count};
    // The nearest site within reach: squares are small and may sit close together.
    const SiteMark* nearest = nullptr;
    double best = 0;
    for (const SiteMark& site : scene.sites) {
        const double d = distance(site.centre);
        if (d <= site.size / 2 + 6.0 && (!nearest || d < best)) {
            nearest = &site;
            best = d;
        }
    }
    if (nearest) return {SceneHit::Kind::Site, nearest->site, 0};
    return {};
}

namespace {

double distanceToSegment(PixelPoint p, PixelPoint a, PixelPoint b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double length2 = dx * dx + dy * dy;
    const double t = length2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / length2, 0.0, 1.0) : 0.0;
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

// Even–odd, as the rings are drawn: inside the outline and outside its holes.
bool insideRings(const std::vector<std::vector<PixelPoint>>& rings, PixelPoint p) {
    bool inside = false;
    for (const auto& ring : rings)
        for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
            if ((ring[i].y > p.y) != (ring[j].y > p.y) && p.x < (ring[j].x - ring[i].x) * (p.y - ring[i].y) / (ring[j].y - ring[i].y) + ring[i].x)
                inside = !inside;
    return inside;
}

} // namespace

SituationHit situationAt(const Scene& scene, PixelPoint at) {
    const LineMark* nearest = nullptr;
    double best = 0;
    for (const LineMark& line : scene.lines)
        for (std::size_t i = 1; i < line.path.size(); ++i) {
            const double d = distanceToSegment(at, line.path[i - 1], line.path[i]);
            if (d <= std::max(line.width, line.bandWidth) / 2 + 5.0 && (!nearest || d < best)) {
                nearest = &line;
                best = d;
            }
        }
    if (nearest) return {SituationHit::Kind::Line, nearest->line};
    for (auto it = scene.areas.rbegin(); it != scene.areas.rend(); ++it)
        if (insideRings(it->rings, at)) return {SituationHit::Kind::Area, it->area};
    return {};
}

} // namespace atlas::render
