#pragma once

// Incidents per area as colours: each area's fill and the legend, on a scale fixed over the
// data (classes from scaleClasses) or by the change against an earlier period. One rule for
// the window's map, its snapshots and `conflict-atlas export --colour-by`.

#include "atlas/query/query.h"
#include "atlas/style/style.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace atlas::render {

struct AreaShading {
    std::vector<Rgba> fills;                            ///< per area; transparent: none to show
    std::vector<std::pair<std::string, Rgba>> legend;   ///< label and colour, in order
};

/// The fills of `counts` (incidents, or killed when `killed`): by class of `classes` (the
/// scale's tops, atlas::scaleClasses), or — with `before` — by the change band against it.
[[nodiscard]] AreaShading shadeAreas(const AreaCounts& counts, const std::optional<AreaCounts>& before,
                                     const std::vector<std::uint64_t>& classes, bool killed);

/// The value an area is coloured by.
[[nodiscard]] std::uint64_t shadedValue(const AreaTotals& totals, bool killed);

} // namespace atlas::render
