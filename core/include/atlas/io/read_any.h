#pragma once

#include "atlas/io/geojson.h"
#include "atlas/io/load_control.h"
#include "atlas/io/load_result.h"

#include <string>
#include <vector>

namespace atlas {

/// How to read a file: said by the caller, not by who is above it on the stack.
struct ReadOptions {
    GeoJsonOptions geoJson;                ///< which properties hold a GeoJSON file's dates
    const LoadControl* control = nullptr;  ///< progress and cancel; none: read to the end
};

/// Reads any file Conflict Atlas knows, chosen by extension and, for .csv, by its header:
/// GeoPackage (.gpkg, or any SQLite file), native (.json), ACLED or UCDP GED (.csv), GeoJSON
/// (.geojson). A cancelled load gives no
/// data and one fatal "load.cancelled" diagnostic.
[[nodiscard]] LoadResult readAnyFile(const std::string& path, const ReadOptions& options = {});

/// The properties that could date a file's points (GeoJSON, or a GeoPackage from elsewhere),
/// most points first: what to offer when points were skipped for want of a date.
[[nodiscard]] std::vector<GeoJsonDateProperty> datePropertiesOfFile(const std::string& path);

} // namespace atlas
