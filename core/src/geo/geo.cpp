#include "atlas/geo/geo.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numbers>

namespace atlas {

namespace {

// Ray casting over one ring; an even–odd count over all rings gives holes for free.
bool ringContains(const std::vector<GeoPoint>& ring, GeoPoint p) {
    bool inside = false;
    const std::size_t n = ring.size();
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        const GeoPoint& a = ring[i];
        const GeoPoint& b = ring[j];
        if ((a.latitude > p.latitude) != (b.latitude > p.latitude)) {
            const double crossing =
                a.longitude + (p.latitude - a.latitude) * (b.longitude - a.longitude) / (b.latitude - a.latitude);
            if (p.longitude < crossing) inside = !inside;
        }
    }
    return inside;
}

} // namespace

// --- GeoPolygon -----------------------------------------------------------------------------

bool GeoPolygon::contains(GeoPoint point) const {
    bool inside = false;
    for (const auto& ring : rings)
        if (ring.size() >= 3 && ringContains(ring, point)) inside = !inside;
    return inside;
}

GeoBox GeoPolygon::bounds() const {
    GeoBox box{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
               std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
    for (const auto& ring : rings)
        for (const GeoPoint& p : ring) {
            box.minLongitude = std::min(box.minLongitude, p.longitude);
            box.maxLongitude = std::max(box.maxLongitude, p.longitude);
            box.minLatitude = std::min(box.minLatitude, p.latitude);
            box.maxLatitude = std::max(box.maxLatitude, p.latitude);
        }
    return box;
}


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

std::optional<GeoBox> boundsOfEvents(const EventTable& events) {
    if (events.empty()) return std::nullopt;
    GeoBox box{180, 90, -180, -90};
    for (std::size_t row = 0; row < events.size(); ++row) {
        const GeoPoint p = events.point(row);
        box.minLongitude = std::min(box.minLongitude, p.longitude);
        box.maxLongitude = std::max(box.maxLongitude, p.longitude);
        box.minLatitude = std::min(box.minLatitude, p.latitude);
        box.maxLatitude = std::max(box.maxLatitude, p.latitude);
    }
    return box;
}

namespace {
constexpr double kRadiansPerDegree = std::numbers::pi / 180.0;
}

double greatCircleKm(GeoPoint from, GeoPoint to) {
    const double lat1 = from.latitude * kRadiansPerDegree, lat2 = to.latitude * kRadiansPerDegree;
    const double dLat = lat2 - lat1, dLon = (to.longitude - from.longitude) * kRadiansPerDegree;
    const double h = std::sin(dLat / 2) * std::sin(dLat / 2) + std::cos(lat1) * std::cos(lat2) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

double initialBearingDegrees(GeoPoint from, GeoPoint to) {
    const double lat1 = from.latitude * kRadiansPerDegree, lat2 = to.latitude * kRadiansPerDegree;
    const double dLon = (to.longitude - from.longitude) * kRadiansPerDegree;
    const double y = std::sin(dLon) * std::cos(lat2);
    const double x = std::cos(lat1) * std::sin(lat2) - std::sin(lat1) * std::cos(lat2) * std::cos(dLon);
    const double degrees = std::atan2(y, x) / kRadiansPerDegree;
    return degrees < 0 ? degrees + 360.0 : (degrees >= 360.0 ? degrees - 360.0 : degrees);
}

std::string formatDecimalDegrees(GeoPoint point) {
    char text[64];
    std::snprintf(text, sizeof text, "%.4f\u00B0 %c, %.4f\u00B0 %c", std::abs(point.latitude), point.latitude < 0 ? 'S' : 'N',
                  std::abs(point.longitude), point.longitude < 0 ? 'W' : 'E');
    return text;
}

std::string formatDegreesMinutesSeconds(GeoPoint point) {
    auto part = [](double value, char positive, char negative) {
        // Rounded to the second first, so 59.6″ carries into the minute rather than showing 60″.
        const long totalSeconds = std::lround(std::abs(value) * 3600.0);
        char text[32];
        std::snprintf(text, sizeof text, "%ld\u00B0%02ld\u2032%02ld\u2033 %c", totalSeconds / 3600, (totalSeconds / 60) % 60,
                      totalSeconds % 60, value < 0 ? negative : positive);
        return std::string(text);
    };
    return part(point.latitude, 'N', 'S') + ", " + part(point.longitude, 'E', 'W');
}

} // namespace atlas
