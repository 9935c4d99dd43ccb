#pragma once

#include "atlas/model/event.h"
#include "atlas/model/event_table.h"

#include <optional>
#include <string>
#include <vector>

namespace atlas {

/// Web Mercator normalised to the unit square: x = 0 at 180°W, 1 at 180°E; y = 0 at the top
/// (≈85.05°N), 1 at the bottom. Multiply by 256·2^z for pixels at zoom z, as map tiles do.
struct MercatorPoint {
    double x = 0.0;
    double y = 0.0;
};

inline constexpr double kMaxMercatorLatitude = 85.05112878;

[[nodiscard]] MercatorPoint toMercator(GeoPoint point);
[[nodiscard]] GeoPoint fromMercator(MercatorPoint point);

/// A geographic rectangle in degrees.
struct GeoBox {
    double minLongitude = 0.0;
    double minLatitude = 0.0;
    double maxLongitude = 0.0;
    double maxLatitude = 0.0;
    [[nodiscard]] bool contains(GeoPoint p) const {
        return p.longitude >= minLongitude && p.longitude <= maxLongitude && p.latitude >= minLatitude &&
               p.latitude <= maxLatitude;
    }
    friend bool operator==(const GeoBox&, const GeoBox&) = default;
};

/// A region in degrees: one or more rings (the first is the outline, later ones holes or
/// further parts), combined with the even–odd rule as GeoJSON polygons are.
struct GeoPolygon {
    std::vector<std::vector<GeoPoint>> rings;

    [[nodiscard]] bool contains(GeoPoint point) const;
    [[nodiscard]] GeoBox bounds() const;
    friend bool operator==(const GeoPolygon&, const GeoPolygon&) = default;
};

/// The smallest box holding every event's point; nullopt when there are none.
[[nodiscard]] std::optional<GeoBox> boundsOfEvents(const EventTable& events);

/// The XYZ tiles (x and y from..to, inclusive) covering a box at a zoom level.
struct TileRange {
    int zoom = 0;
    int minX = 0, minY = 0, maxX = -1, maxY = -1;
    [[nodiscard]] int count() const { return (maxX - minX + 1) * (maxY - minY + 1); }
};
[[nodiscard]] TileRange tilesCovering(const GeoBox& box, int zoom);

/// The mean Earth radius (IUGG), the sphere distances are measured on.
inline constexpr double kEarthRadiusKm = 6371.0088;

/// The great-circle distance in kilometres (haversine, on the mean sphere: within 0.5 % of the
/// ellipsoid's distance, more than enough to check "some 10 kilometres from the border").
[[nodiscard]] double greatCircleKm(GeoPoint from, GeoPoint to);
/// The initial bearing from `from` to `to`, in degrees clockwise from true north, [0, 360).
[[nodiscard]] double initialBearingDegrees(GeoPoint from, GeoPoint to);
/// "36.1164° N, 36.5147° E" (four decimals: about 10 m).
[[nodiscard]] std::string formatDecimalDegrees(GeoPoint point);
/// "36°06′59″ N, 36°30′53″ E" (whole seconds: about 30 m).
[[nodiscard]] std::string formatDegreesMinutesSeconds(GeoPoint point);

} // namespace atlas
