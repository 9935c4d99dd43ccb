#pragma once

// Reference layers from the GIS files analysts hold — shapefiles, GeoPackages, GeoJSON,
// KML/KMZ, FlatGeobuf, GPX, CSV with WKT or coordinate columns, anything GDAL/OGR reads —
// converted to WGS84 degrees. GDAL reads the formats; this unit only turns its features into
// ReferenceLayers and its complaints into located diagnostics.

#include "atlas/geo/reference_layer.h"
#include "atlas/model/diagnostic.h"

#include <string>
#include <vector>

namespace atlas {

struct ReferenceLayersRead {
    std::vector<ReferenceLayer> layers; ///< the file's layers that have features
    std::vector<Diagnostic> diagnostics;
    [[nodiscard]] bool failed() const { return layers.empty(); }
};

/// Every vector layer of `path` with at least one feature. Never throws: a file GDAL cannot
/// open, a shapefile without its .shx, an unknown coordinate system or an empty layer give
/// diagnostics naming the file and layer (and the feature, for a bad geometry).
[[nodiscard]] ReferenceLayersRead readReferenceLayers(const std::string& path);

/// "GDAL 3.10.3": for --version and the about box.
[[nodiscard]] std::string gdalVersion();

} // namespace atlas
