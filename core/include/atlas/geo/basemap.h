#pragma once

#include "atlas/model/diagnostic.h"
#include "atlas/model/event.h"

#include <string>
#include <vector>

namespace atlas {

/// What the bundled offline basemap is made of, to be shown wherever it is drawn (the map's
/// corner, every snapshot): resources/basemap/README.md has the sources and licences.
inline constexpr const char* kOfflineBasemapAttribution =
    "Basemap: Natural Earth (public domain) · places: GeoNames (CC BY 4.0) · lakes: © OpenStreetMap contributors (ODbL) · rivers: WDBII/GSHHG (LGPL)";

/// One drawable feature of a basemap layer: polygons (rings), lines or a labelled point.
struct BasemapFeature {
    enum class Kind { Polygon, Line, Point };
    Kind kind = Kind::Point;
    std::string name;
    int rank = 0;                                    ///< labels: 1 = major city … 3 = landmark
    std::vector<std::vector<GeoPoint>> parts;        ///< rings or lines; one point for Point
};

struct BasemapLayer {
    std::vector<BasemapFeature> features;
    std::vector<Diagnostic> diagnostics;
};

/// Reads the geometry of a GeoJSON FeatureCollection (Point, LineString, MultiLineString,
/// Polygon, MultiPolygon; properties "name" and "rank"). Bad features are skipped with a
/// diagnostic naming their JSON pointer; never throws.
[[nodiscard]] BasemapLayer readBasemapLayer(const std::string& path);

} // namespace atlas
