#include "atlas/geo/hexagons.h"

#include <cmath>

namespace atlas {

namespace {
constexpr double kSqrt3 = 1.7320508075688772;
}

HexCoordinate hexOf(MercatorPoint point, double size) {
    // Fractional axial coordinates, rounded through cube coordinates (x + y + z = 0): the
    // component that moved most is the one recomputed.
    const double q = (kSqrt3 / 3.0 * point.x - point.y / 3.0) / size;
    const double r = (2.0 / 3.0 * point.y) / size;
    const double s = -q - r;
    double rq = std::round(q), rr = std::round(r);
    const double rs = std::round(s);
    const double dq = std::abs(rq - q), dr = std::abs(rr - r), ds = std::abs(rs - s);
    if (dq > dr && dq > ds) rq = -rr - rs;
    else if (dr > ds) rr = -rq - rs;
    return {static_cast<std::int32_t>(rq), static_cast<std::int32_t>(rr)};
}

MercatorPoint hexCentre(HexCoordinate hex, double size) {
    return {size * kSqrt3 * (hex.q + hex.r / 2.0), size * 1.5 * hex.r};
}

std::array<MercatorPoint, 6> hexCorners(HexCoordinate hex, double size) {
    const MercatorPoint c = hexCentre(hex, size);
    std::array<MercatorPoint, 6> corners;
    for (int i = 0; i < 6; ++i) {
        const double angle = (60.0 * i - 90.0) * 3.14159265358979323846 / 180.0; // pointy top, clockwise from the top
        corners[static_cast<std::size_t>(i)] = {c.x + size * std::cos(angle), c.y + size * std::sin(angle)};
    }
    return corners;
}

} // namespace atlas
