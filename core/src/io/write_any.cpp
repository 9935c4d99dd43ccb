#include "atlas/io/write_any.h"

#include "atlas/io/acled.h"
#include "atlas/io/atomic_file.h"
#include "atlas/io/geojson.h"
#include "atlas/io/geopackage.h"
#include "atlas/io/kml.h"
#include "atlas/io/native_format.h"
#include "atlas/io/text.h"

#include <cstdint>

namespace atlas {

std::optional<DatasetFormat> datasetFormatOfPath(const std::string& path) {
    if (endsWithIgnoringCase(path, ".gpkg")) return DatasetFormat::GeoPackage;
    if (endsWithIgnoringCase(path, ".geojson")) return DatasetFormat::GeoJson;
    if (endsWithIgnoringCase(path, ".csv")) return DatasetFormat::AcledCsv;
    if (endsWithIgnoringCase(path, ".kml")) return DatasetFormat::Kml;
    if (endsWithIgnoringCase(path, ".json")) return DatasetFormat::Native;
    return std::nullopt;
}

bool keepsWholeModel(DatasetFormat format) {
    return format == DatasetFormat::GeoPackage || format == DatasetFormat::Native || format == DatasetFormat::GeoJson;
}

std::vector<Diagnostic> writeDatasetFile(const Dataset& dataset, const std::string& path, DatasetFormat format) {
    if (format == DatasetFormat::GeoPackage) return writeGeoPackageFile(dataset, path);
    std::vector<std::uint32_t> all(dataset.events.size());
    for (std::uint32_t i = 0; i < all.size(); ++i) all[i] = i;
    return writeFileAtomically(path, [&](std::ostream& out) {
        switch (format) {
        case DatasetFormat::Native: out << writeNativeText(dataset); break;
        case DatasetFormat::GeoJson: writeGeoJsonDataset(dataset, out); break; // the full model
        case DatasetFormat::Kml: writeKml(dataset, all, out); break;
        case DatasetFormat::AcledCsv: writeAcledCsv(dataset, all, out); break;
        case DatasetFormat::GeoPackage: break; // written above, through SQLite
        }
    });
}

} // namespace atlas
