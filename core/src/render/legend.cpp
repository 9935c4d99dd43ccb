#include "atlas/render/legend.h"

#include "atlas/model/vocabulary.h"

#include <algorithm>
#include <map>

namespace atlas::render {

namespace {

// Entries in the order of their key (the vocabulary's order), each counted.
template <typename Key> std::vector<LegendEntry> ordered(std::map<Key, LegendEntry>& byKey) {
    std::vector<LegendEntry> out;
    out.reserve(byKey.size());
    for (auto& [key, entry] : byKey) out.push_back(std::move(entry));
    return out;
}

} // namespace

SceneLegend sceneLegend(const Dataset& dataset, const Scene& scene, Date situationDate, double width, double height) {
    SceneLegend legend;
    // Whether any of `points` (their box) reaches into the view.
    auto inView = [&](const auto& parts) {
        double left = 1e300, top = 1e300, right = -1e300, bottom = -1e300;
        for (const auto& part : parts)
            for (const PixelPoint& p : part) {
                left = std::min(left, p.x);
                right = std::max(right, p.x);
                top = std::min(top, p.y);
                bottom = std::max(bottom, p.y);
            }
        return right >= 0 && left <= width && bottom >= 0 && top <= height;
    };
    std::map<Side, LegendEntry> sides;
    std::map<EventType, LegendEntry> types;
    for (const SymbolMark& symbol : scene.symbols) {
        if (symbol.event >= dataset.events.size()) continue;
        const Side side = dataset.sideOfEvent(symbol.event);
        LegendEntry& bySide = sides[side];
        if (bySide.count++ == 0) {
            bySide.label = std::string(toLabel(side));
            bySide.colour = opaque(sideColour(side));
        }
        const EventType type = dataset.events.type(symbol.event);
        LegendEntry& byType = types[type];
        if (byType.count++ == 0) {
            byType.label = std::string(toLabel(type));
            byType.colour = Rgba{110, 110, 110, 255};
            byType.shape = symbolShape(type);
        }
        legend.approximateDates = legend.approximateDates || symbol.approximateDate;
    }
    legend.sides = ordered(sides);
    legend.types = ordered(types);
    legend.clusters = !scene.clusters.empty();
    legend.halos = !scene.halos.empty();

    if (!scene.sites.empty()) {
        const Situation situation = dataset.situationOn(situationDate);
        std::map<SiteStatus, LegendEntry> statuses;
        for (const SiteMark& site : scene.sites) {
            if (site.site >= situation.sites.size() || site.centre.x < 0 || site.centre.y < 0 || site.centre.x > width || site.centre.y > height) continue;
            const SiteStatus status = situation.sites[site.site].status;
            LegendEntry& entry = statuses[status];
            if (entry.count++ == 0) {
                entry.label = std::string(toLabel(status));
                entry.colour = site.fill;
                entry.crossed = site.crossed;
            }
        }
        legend.siteStatuses = ordered(statuses);
    }
    std::map<LineKind, LegendEntry> kinds;
    for (const LineMark& line : scene.lines) {
        if (line.line >= dataset.lines.size() || !inView(std::vector<std::vector<PixelPoint>>{line.path})) continue;
        const LineKind kind = dataset.lines[line.line].kind;
        LegendEntry& entry = kinds[kind];
        if (entry.count++ == 0) {
            entry.label = std::string(toLabel(kind));
            entry.colour = line.colour;
            entry.bandWidth = line.bandWidth > 0 ? 1 : 0;
        }
    }
    legend.lineKinds = ordered(kinds);
    // Control areas by holder, in the order first drawn.
    for (const AreaMark& area : scene.areas) {
        if (area.area >= dataset.areas.size() || !inView(area.rings)) continue;
        const std::string& holder = dataset.areas[area.area].controller;
        const Actor* actor = dataset.findActor(holder);
        const std::string label = "held by " + (actor ? actor->name : holder.empty() ? std::string("unknown") : holder);
        auto found = std::find_if(legend.areaHolders.begin(), legend.areaHolders.end(), [&](const LegendEntry& e) { return e.label == label; });
        if (found == legend.areaHolders.end()) legend.areaHolders.push_back({label, area.fill, 1});
        else ++found->count;
    }
    return legend;
}

} // namespace atlas::render
