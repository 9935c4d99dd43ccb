#pragma once

// The GeoPackage container (.gpkg): the whole model in an OGC GeoPackage (SQLite), so the same
// file is the program's project and a layer set that QGIS and GDAL open. Schema in
// docs/format.md ("GeoPackage container").

#include "atlas/io/geojson.h"
#include "atlas/io/load_result.h"

#include <string>
#include <vector>

struct sqlite3;

namespace atlas {

/// The version of the Conflict Atlas tables inside a GeoPackage (atlas_metadata.schema_version).
inline constexpr int kGeoPackageSchemaVersion = 1;

/// Reads a .gpkg written by writeGeoPackageFile (or edited since in QGIS). A file that is not
/// SQLite, not a GeoPackage, or has a newer schema gives one fatal diagnostic saying which; a
/// bad row is skipped with a diagnostic naming its table, fid and column. A GeoPackage from
/// elsewhere has its first point layer in WGS 84 read as GeoJSON points are (`foreignLayer`
/// names its date columns when they are not the usual ones), with a warning that says so.
/// `control` (may be null) reports progress in rows and can cancel.
[[nodiscard]] LoadResult readGeoPackageFile(const std::string& path, const LoadControl* control = nullptr,
                                            const GeoJsonOptions& foreignLayer = {});

/// For a GeoPackage from elsewhere, the properties of the layer readGeoPackageFile would read
/// that could give its points their dates, most points first (as geoJsonDateProperties): what
/// the window offers when rows were skipped for want of a date. None for a Conflict Atlas file
/// or one that cannot be read.
[[nodiscard]] std::vector<GeoJsonDateProperty> geoPackageDateProperties(const std::string& path);

/// Writes the dataset as a GeoPackage: feature tables events (points), sites (points), lines
/// (line strings) and areas (polygons) with their R-tree indexes, attribute tables actors and
/// atlas_metadata. Atomic: built in a temporary file beside `path`, then renamed over it, so a
/// failure leaves any previous file untouched. Returns the problem, if any.
[[nodiscard]] std::vector<Diagnostic> writeGeoPackageFile(const Dataset& dataset, const std::string& path);

/// Registers on an SQLite connection the SQL functions that the GeoPackage R-tree triggers call
/// (ST_IsEmpty, ST_MinX, ST_MaxX, ST_MinY, ST_MaxY), as GDAL does, so that the connection can
/// insert, update and delete rows of the feature tables. Any program editing the file needs
/// them; a plain sqlite3 shell without them is refused by the triggers ("no such function").
void registerGeoPackageFunctions(sqlite3* connection);

/// Whether the first bytes of the file are SQLite's (for choosing a reader by content).
[[nodiscard]] bool looksLikeSqlite(const std::string& path);

} // namespace atlas
