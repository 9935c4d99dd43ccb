#include "atlas/render/area_shading.h"

#include "atlas/query/area_aggregation.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <iterator>

namespace atlas::render {

namespace {

// Class i of n on the ramp, keeping its dark end: two classes are its two darkest colours.
Rgb rampColour(int i, int n) {
    constexpr int ramp = static_cast<int>(std::size(map_style::kChoroplethRamp));
    return map_style::kChoroplethRamp[std::clamp(ramp - n + i, 0, ramp - 1)];
}

} // namespace

std::uint64_t shadedValue(const AreaTotals& totals, bool killed) {
    return killed ? static_cast<std::uint64_t>(std::max<std::int64_t>(0, totals.killedAtLeast)) : totals.events;
}

AreaShading shadeValues(std::span<const std::uint64_t> values, const std::vector<std::uint64_t>& classes) {
    AreaShading shading;
    shading.fills.assign(values.size(), map_style::kChoroplethNone);
    const int n = static_cast<int>(classes.size());
    const std::vector<std::string> labels = classLabels(classes);
    for (int i = 0; i < n; ++i) shading.legend.emplace_back(labels[static_cast<std::size_t>(i)], opaque(rampColour(i, n)));
    for (std::size_t a = 0; a < values.size(); ++a)
        if (const int c = classOf(values[a], classes); c >= 0) shading.fills[a] = withAlpha(rampColour(c, n), map_style::kChoroplethAlpha);
    return shading;
}

AreaShading shadeAreas(const AreaCounts& counts, const std::optional<AreaCounts>& before, const std::vector<std::uint64_t>& classes,
                       bool killed) {
    AreaShading shading;
    shading.fills.assign(counts.areas.size(), map_style::kChoroplethNone);
    if (before) {
        for (int band = 1; band < kChangeBandCount; ++band)
            shading.legend.emplace_back(std::string(describe(static_cast<ChangeBand>(band))), opaque(map_style::kChangeBandColours[band]));
        for (std::size_t a = 0; a < counts.areas.size() && a < before->areas.size(); ++a) {
            const ChangeBand band = changeBand(shadedValue(before->areas[a], killed), shadedValue(counts.areas[a], killed));
            if (band != ChangeBand::None)
                shading.fills[a] = withAlpha(map_style::kChangeBandColours[static_cast<int>(band)], map_style::kChoroplethAlpha);
        }
        return shading;
    }
    std::vector<std::uint64_t> values(counts.areas.size());
    for (std::size_t a = 0; a < values.size(); ++a) values[a] = shadedValue(counts.areas[a], killed);
    shading = shadeValues(values, classes);
    return shading;
}

HexbinLayer hexbinLayer(const EventIndex& index, const EventFilter& filter, double size, const std::vector<std::uint64_t>& classes,
                        bool killed) {
    HexbinLayer layer;
    layer.bins = index.hexbin(filter, size);
    std::vector<std::uint64_t> values(layer.bins.cells.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        values[i] = killed ? static_cast<std::uint64_t>(std::max<std::int64_t>(0, layer.bins.cells[i].killedAtLeast)) : layer.bins.cells[i].events;
    layer.shading = shadeValues(values, classes);
    return layer;
}

HexbinLayer hexbinChange(const EventIndex& index, const EventFilter& filter, const EventFilter& before, double size, bool killed) {
    HexbinLayer layer;
    layer.bins = index.hexbin(filter, size);
    const HexBins earlier = index.hexbin(before, size);
    // The later period's hexagons, then those only the earlier one had (now empty).
    AreaCounts now, then;
    std::unordered_map<std::uint64_t, std::size_t> at;
    const auto totals = [](const HexCell& cell) {
        AreaTotals t;
        t.events = cell.events;
        t.killedAtLeast = cell.killedAtLeast;
        return t;
    };
    for (const HexCell& cell : layer.bins.cells) {
        at.emplace(hexKey(cell.hex), now.areas.size());
        now.areas.push_back(totals(cell));
        then.areas.emplace_back();
    }
    for (const HexCell& cell : earlier.cells) {
        const auto [it, inserted] = at.try_emplace(hexKey(cell.hex), now.areas.size());
        if (inserted) {
            layer.bins.cells.push_back({cell.hex, 0, 0});
            now.areas.emplace_back();
            then.areas.emplace_back();
        }
        then.areas[it->second] = totals(cell);
    }
    layer.shading = shadeAreas(now, then, {}, killed);
    return layer;
}

namespace {

// The window's length a fixed scale is for: the filter's, else every day of the data.
int scaleWindowDays(const EventIndex& index, const EventFilter& filter) {
    return filter.from && filter.to ? daysBetween(*filter.from, *filter.to) + 1
                                    : (index.size() > 0 ? daysBetween(index.firstDate(), index.lastDate()) + 1 : 1);
}

} // namespace

std::vector<std::uint64_t> areaScaleClasses(const EventIndex& index, const EventFilter& filter, std::span<const std::int32_t> areaOfEvent,
                                            std::size_t areaCount, bool killed) {
    const AreaPeaks peaks = index.areaPeaks(filter, areaOfEvent, areaCount, scaleWindowDays(index, filter));
    return scaleClasses(killed ? peaks.killedAtLeast : peaks.events);
}

std::vector<std::uint64_t> hexScaleClasses(const EventIndex& index, const EventFilter& filter, double size, bool killed) {
    const AreaPeaks peaks = index.hexPeaks(filter, size, scaleWindowDays(index, filter));
    return scaleClasses(killed ? peaks.killedAtLeast : peaks.events);
}

HeatMark heatMark(const Dataset& dataset, const EventIndex& index, const EventFilter& filter, const ViewTransform& view, double width,
                  double height, const std::vector<std::uint64_t>& classes, double bandwidth, double cellPixels) {
    HeatMark heat;
    heat.cellPixels = cellPixels;
    heat.columns = std::max(1, static_cast<int>(std::ceil(width / cellPixels)));
    heat.rows = std::max(1, static_cast<int>(std::ceil(height / cellPixels)));
    std::vector<float> density(static_cast<std::size_t>(heat.columns) * static_cast<std::size_t>(heat.rows), 0.0f);
    // The kernel on the grid once: (1 − d²/h²)² inside the radius, its centre 1.
    const int reach = static_cast<int>(std::ceil(bandwidth / cellPixels));
    std::vector<float> kernel;
    for (int dy = -reach; dy <= reach; ++dy)
        for (int dx = -reach; dx <= reach; ++dx) {
            const double d2 = (dx * dx + dy * dy) * cellPixels * cellPixels / (bandwidth * bandwidth);
            kernel.push_back(d2 < 1 ? static_cast<float>((1 - d2) * (1 - d2)) : 0.0f);
        }
    for (const std::uint32_t position : index.select(filter)) {
        const PixelPoint p = view.map(dataset.events.point(position));
        const int cx = static_cast<int>(std::floor(p.x / cellPixels)), cy = static_cast<int>(std::floor(p.y / cellPixels));
        if (cx < -reach || cy < -reach || cx >= heat.columns + reach || cy >= heat.rows + reach) continue;
        for (int dy = -reach; dy <= reach; ++dy) {
            const int y = cy + dy;
            if (y < 0 || y >= heat.rows) continue;
            const float* row = &kernel[static_cast<std::size_t>((dy + reach) * (2 * reach + 1))];
            for (int dx = -reach; dx <= reach; ++dx) {
                const int x = cx + dx;
                if (x >= 0 && x < heat.columns) density[static_cast<std::size_t>(y) * static_cast<std::size_t>(heat.columns) + static_cast<std::size_t>(x)] += row[dx + reach];
            }
        }
    }
    // A cell's value is the kernels' sum there: n incidents on one spot give n, the unit of the
    // hexagon scale at the kernel's reach (a hexagon never holds fewer than the sum at its centre
    // would say of incidents heaped there).
    heat.cells.assign(density.size(), Rgba{0, 0, 0, 0});
    const int n = static_cast<int>(classes.size());
    for (std::size_t i = 0; i < density.size(); ++i) {
        if (density[i] <= 0.0f) continue;
        const double incidents = density[i];
        if (incidents < 0.5) continue; // less than half an incident's worth: left clear
        const int c = classOf(static_cast<std::uint64_t>(std::llround(std::max(1.0, incidents))), classes);
        if (c >= 0) heat.cells[i] = withAlpha(rampColour(c, n), map_style::kChoroplethAlpha);
    }
    return heat;
}

double hexSizeFor(const ViewTransform& view, double pixels) {
    // Pixels per Mercator unit here, rounded to a whole zoom level (256 · 2^z per unit).
    const PixelPoint a = view.map(MercatorPoint{0.5, 0.5}), b = view.map(MercatorPoint{0.5 + 1e-4, 0.5});
    const double perUnit = std::hypot(b.x - a.x, b.y - a.y) / 1e-4;
    if (!(perUnit > 0)) return 0;
    const double zoom = std::round(std::log2(perUnit / 256.0));
    return pixels / 2.0 / (256.0 * std::exp2(zoom));
}

} // namespace atlas::render
