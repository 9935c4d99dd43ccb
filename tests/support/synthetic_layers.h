#pragma once

// Reference layers for tests and benchmarks, shaped like the administrative boundaries
// analysts load (OCHA's: ADMn_EN / ADMn_PCODE fields, thousands of vertices per polygon): a
// tessellation of Syria's box into cells round jittered seeds, traced from a raster by GDAL
// (so the edges have the many small steps real boundaries have), written in any coordinate
// system. Not real district boundaries: no such file is bundled (see docs/decisions.md).

#include <cstdint>
#include <string>

namespace atlas::bench {

struct SyntheticDistrictsOptions {
    int count = 300;                  ///< about this many polygons
    int epsg = 4326;                  ///< written in this coordinate system (32637: UTM zone 37N)
    std::string driver = "ESRI Shapefile"; ///< a GDAL vector driver: "GPKG", "GeoJSON", …
    int pixels = 1200;                ///< raster width the cells are traced at (detail)
    double west = 35.6, south = 32.3, east = 42.4, north = 37.4;
    std::uint64_t seed = 7;
};

/// Writes the layer "districts" to `path`; returns how many polygons it holds (0 on failure).
int writeSyntheticDistricts(const std::string& path, const SyntheticDistrictsOptions& options = {});

} // namespace atlas::bench
