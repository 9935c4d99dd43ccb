#pragma once

// Incidents per area as colours: each area's fill and the legend, on a scale fixed over the
// data (classes from scaleClasses) or by the change against an earlier period. One rule for
// the window's map, its snapshots and `conflict-atlas export --colour-by`.

#include "atlas/query/query.h"
#include "atlas/render/scene.h"
#include "atlas/render/view_transform.h"
#include "atlas/style/style.h"

#include <cstdint>
#include <optional>
#include <span>
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

/// Values coloured by class of `classes` (transparent for zero), and the classes' legend.
[[nodiscard]] AreaShading shadeValues(std::span<const std::uint64_t> values, const std::vector<std::uint64_t>& classes);

/// The hexbin layer of a view: the filter's incidents per hexagon, coloured on a scale.
struct HexbinLayer {
    HexBins bins;
    AreaShading shading; ///< fills per bins.cells entry, and the legend
};
/// Hexagons `size` across (atlas::hexbin's size) for the filter, on `classes`.
[[nodiscard]] HexbinLayer hexbinLayer(const EventIndex& index, const EventFilter& filter, double size,
                                      const std::vector<std::uint64_t>& classes, bool killed = false);
/// The classes of an area colouring's scale fixed over the data: up to the most one area holds
/// in any window as long as the filter's (all the data's days when it has none). The window's
/// colours and `export --colour-by` both take it.
[[nodiscard]] std::vector<std::uint64_t> areaScaleClasses(const EventIndex& index, const EventFilter& filter,
                                                          std::span<const std::int32_t> areaOfEvent, std::size_t areaCount,
                                                          bool killed = false);
/// Hexagons `size` across coloured by the change from the period of `before` to that of
/// `filter` (change bands, as areas compared): every hexagon holding incidents in either.
[[nodiscard]] HexbinLayer hexbinChange(const EventIndex& index, const EventFilter& filter, const EventFilter& before, double size,
                                       bool killed = false);
/// The classes of the hexbin's scale fixed over the data: up to the most one hexagon holds in
/// any window as long as the filter's (all the data's days when it has none).
[[nodiscard]] std::vector<std::uint64_t> hexScaleClasses(const EventIndex& index, const EventFilter& filter, double size,
                                                         bool killed = false);
/// The hexagon size for a view: about `pixels` across at the nearest whole zoom level (so the
/// grid is re-cut at whole zoom steps, not on every frame of a pinch).
[[nodiscard]] double hexSizeFor(const ViewTransform& view, double pixels);

/// The heat layer of a view `width` × `height`: a quartic kernel `bandwidth` pixels in radius
/// round each of the filter's incidents, summed on a grid of `cellPixels` cells, coloured on
/// `classes` (hexScaleClasses for hexagons of the kernel's reach: a scale fixed over the data):
/// a cell's value is the kernels' sum there, n for n incidents on one spot.
[[nodiscard]] HeatMark heatMark(const Dataset& dataset, const EventIndex& index, const EventFilter& filter, const ViewTransform& view,
                                double width, double height, const std::vector<std::uint64_t>& classes,
                                double bandwidth = map_style::kHeatRadiusPixels, double cellPixels = 4);

/// The value an area is coloured by.
[[nodiscard]] std::uint64_t shadedValue(const AreaTotals& totals, bool killed);

} // namespace atlas::render
