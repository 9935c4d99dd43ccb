#include "atlas/render/area_shading.h"

#include "atlas/query/area_aggregation.h"

#include <algorithm>
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
    const int n = static_cast<int>(classes.size());
    const std::vector<std::string> labels = classLabels(classes);
    for (int i = 0; i < n; ++i) shading.legend.emplace_back(labels[static_cast<std::size_t>(i)], opaque(rampColour(i, n)));
    for (std::size_t a = 0; a < counts.areas.size(); ++a)
        if (const int c = classOf(shadedValue(counts.areas[a], killed), classes); c >= 0)
            shading.fills[a] = withAlpha(rampColour(c, n), map_style::kChoroplethAlpha);
    return shading;
}

} // namespace atlas::render
