#include "atlas/query/ground_held.h"

#include "atlas/geo/polygon_index.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace atlas {

namespace {

int monthOf(Date day) { return day.year() * 12 + day.month() - 1; }

/// The areas indexed once: each its own polygon index, and per month the areas in force in
/// it, newest claim first.
struct ControlAreas {
    std::vector<PolygonIndex> polygons;
    std::vector<GeoBox> bounds;
    std::map<int, std::vector<std::uint32_t>> byMonth;

    ControlAreas(const Dataset& dataset, Date lastDay) {
        const std::vector<Area>& areas = dataset.areas;
        std::vector<std::uint32_t> order(areas.size());
        std::iota(order.begin(), order.end(), 0u);
        std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return areas[b].validity.from < areas[a].validity.from; });
        polygons.reserve(areas.size());
        for (const Area& area : areas) {
            const GeoPolygon polygon{area.rings};
            polygons.emplace_back(std::span<const GeoPolygon>(&polygon, 1));
            bounds.push_back(polygon.bounds());
        }
        for (const std::uint32_t a : order) {
            const Validity& v = areas[a].validity;
            const int last = monthOf(v.to.value_or(std::max(lastDay, v.from)));
            for (int month = monthOf(v.from); month <= last; ++month) byMonth[month].push_back(a);
        }
    }

    std::int32_t at(const Dataset& dataset, GeoPoint point, Date day) const {
        const auto bucket = byMonth.find(monthOf(day));
        if (bucket == byMonth.end()) return -1;
        for (const std::uint32_t a : bucket->second)
            if (dataset.areas[a].validity.contains(day) && bounds[a].contains(point) && polygons[a].containsAny(point))
                return static_cast<std::int32_t>(a);
        return -1;
    }
};

} // namespace

std::vector<std::int32_t> groundHeldAt(const Dataset& dataset) {
    const EventTable& events = dataset.events;
    std::vector<std::int32_t> held(events.size(), -1);
    if (dataset.areas.empty() || events.size() == 0) return held;
    Date last = events.date(0);
    for (std::size_t row = 0; row < events.size(); ++row) last = std::max(last, events.date(row));
    const ControlAreas areas(dataset, last);
    for (std::size_t row = 0; row < events.size(); ++row) held[row] = areas.at(dataset, events.point(row), events.date(row));
    return held;
}

std::optional<std::size_t> controlAreaAt(const Dataset& dataset, GeoPoint point, Date day) {
    // One point (the details panel, a hover): each area tested directly, no index built. The
    // same rule as groundHeldAt: of the areas in force holding it, the newest claim, then the first.
    std::optional<std::size_t> found;
    for (std::size_t a = 0; a < dataset.areas.size(); ++a) {
        const Area& area = dataset.areas[a];
        if (!area.validity.contains(day)) continue;
        if (found && !(dataset.areas[*found].validity.from < area.validity.from)) continue;
        const GeoPolygon polygon{area.rings};
        if (polygon.bounds().contains(point) && polygon.contains(point)) found = a;
    }
    return found;
}

} // namespace atlas
