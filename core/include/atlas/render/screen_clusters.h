#pragma once

// Clustering of projected points for a map view, renderer-free (in the manner of supercluster):
// screen cells anchored to the world, so panning moves them with their events; cells whose
// circles would overlap are merged, biggest first, so no cluster hides another or its number.

#include "atlas/render/view_transform.h"
#include "atlas/style/style.h"

#include <cstdint>
#include <vector>

namespace atlas::render {

struct ScreenPoint {
    PixelPoint at;
    float radius = 0; ///< of its own symbol, for when it stays single
    Rgb colour;
};

struct ScreenCluster {
    PixelPoint centre;          ///< mean of its members
    std::uint32_t count = 0;
    Rgb colour;                 ///< the colour most of its members have
    std::uint32_t firstMember = 0; ///< the first member in input order (the one drawn if alone)
};

/// Groups `points` (in draw order) into cells of `cellPixels` anchored at `origin` (where the
/// view draws Mercator's origin). A result of count 1 is a point that stays a single symbol.
[[nodiscard]] std::vector<ScreenCluster> clusterScreenPoints(const std::vector<ScreenPoint>& points, PixelPoint origin,
                                                             double cellPixels = map_style::kClusterCellPixels);

} // namespace atlas::render
