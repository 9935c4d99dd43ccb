#include "atlas/io/read_any.h"

#include "atlas/io/acled.h"
#include "atlas/io/geopackage.h"
#include "atlas/io/native_format.h"
#include "atlas/io/point_csv.h"
#include "atlas/io/text.h"
#include "atlas/io/ucdp.h"

#include <fstream>

namespace atlas {

LoadResult readAnyFile(const std::string& path, const ReadOptions& options) {
    if (endsWithIgnoringCase(path, ".gpkg") || looksLikeSqlite(path)) return readGeoPackageFile(path, options.control, options.geoJson);
    if (endsWithIgnoringCase(path, ".csv")) {
        std::ifstream in(path, std::ios::binary);
        std::string firstLine;
        std::getline(in, firstLine);
        const std::string header = lower(firstLine);
        if (header.find("type_of_violence") != std::string::npos || header.find("date_start") != std::string::npos)
            return readUcdpGedCsvFile(path, options.control);
        // Points from elsewhere (a spreadsheet of incidents): coordinates and a date, no ACLED ids.
        if (header.find("event_id_cnty") == std::string::npos && looksLikePointCsvHeader(firstLine))
            return readPointCsvFile(path, options.geoJson, options.control);
        return readAcledCsvFile(path, options.control);
    }
    if (endsWithIgnoringCase(path, ".geojson")) return readGeoJsonFile(path, options.geoJson, options.control);
    return readNativeFile(path, options.control);
}

std::vector<GeoJsonDateProperty> datePropertiesOfFile(const std::string& path) {
    if (endsWithIgnoringCase(path, ".gpkg") || looksLikeSqlite(path)) return geoPackageDateProperties(path);
    if (endsWithIgnoringCase(path, ".csv")) return pointCsvDateColumns(path);
    return geoJsonDatePropertiesOfFile(path);
}

} // namespace atlas
