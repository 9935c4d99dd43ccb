#pragma once

// A hexagonal grid over normalised Web Mercator (pointy-top, axial coordinates q, r): what the
// hexbin layer counts incidents in. Sized in Mercator units, so a hexagon is the same number of
// pixels across at any place of a view, as the map draws it.

#include "atlas/geo/geo.h"

#include <array>
#include <cstdint>

namespace atlas {

struct HexCoordinate {
    std::int32_t q = 0, r = 0;
    friend bool operator==(const HexCoordinate&, const HexCoordinate&) = default;
};

/// The hexagon of size `size` (centre to corner) holding `point`.
[[nodiscard]] HexCoordinate hexOf(MercatorPoint point, double size);
[[nodiscard]] MercatorPoint hexCentre(HexCoordinate hex, double size);
/// A hexagon's six corners, clockwise from the top.
[[nodiscard]] std::array<MercatorPoint, 6> hexCorners(HexCoordinate hex, double size);
/// One number for a hexagon (hash keys).
[[nodiscard]] inline std::uint64_t hexKey(HexCoordinate hex) {
    return (std::uint64_t(std::uint32_t(hex.q)) << 32) | std::uint64_t(std::uint32_t(hex.r));
}

} // namespace atlas
