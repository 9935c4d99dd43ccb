#include "atlas/geo/geo.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace atlas {

MercatorPoint toMercator(GeoPoint point) {
    const double latitude = std::clamp(point.latitude, -kMaxMercatorLatitude, kMaxMercatorLatitude);
    const double sinLatitude = std::sin(latitude * std::numbers::pi / 180.0);
    return {(point.longitude + 180.0) / 360.0,
            0.5 - std::log((1.0 + sinLatitude) / (1.0 - sinLatitude)) / (4.0 * std::numbers::pi)};
}

GeoPoint fromMercator(MercatorPoint point) {
    const double n = std::numbers::pi * (1.0 - 2.0 * point.y);
    return {std::atan(std::sinh(n)) * 180.0 / std::numbers::pi, point.x * 360.0 - 180.0};
}

TileRange tilesCovering(const GeoBox& box, int zoom) {
    const double scale = std::ldexp(1.0, zoom);
    const int last = static_cast<int>(scale) - 1;
    const MercatorPoint topLeft = toMercator({box.maxLatitude, box.minLongitude});
    const MercatorPoint bottomRight = toMercator({box.minLatitude, box.maxLongitude});
    auto tile = [&](double v) { return std::clamp(static_cast<int>(std::floor(v * scale)), 0, last); };
    return {zoom, tile(topLeft.x), tile(topLeft.y), tile(bottomRight.x), tile(bottomRight.y)};
}

} // namespace atlas
