// Writes the deterministic synthetic dataset, to open large data in the window, time the
// slider or time importers:
//   atlas_make_synthetic 1000000 /tmp/synthetic-1m.atlas.json   (native)
//   atlas_make_synthetic 1000000 /tmp/synthetic-1m.csv          (ACLED-like CSV)
//   atlas_make_synthetic 10000000 /tmp/synthetic-10m.gpkg       (GeoPackage; any format write_any knows)
// or a reference layer of synthetic districts over Syria (not real boundaries):
//   atlas_make_synthetic --districts 300 /tmp/districts.shp [EPSG]   (shapefile, UTM 37N: 32637)
#include "synthetic.h"
#include "synthetic_layers.h"

#include "atlas/io/acled.h"
#include "atlas/io/geojson.h"
#include "atlas/io/kml.h"
#include "atlas/io/native_format.h"
#include "atlas/io/write_any.h"

#include <fstream>
#include <numeric>

#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
    if (argc >= 4 && std::string(argv[1]) == "--districts") {
        atlas::bench::SyntheticDistrictsOptions options;
        options.count = static_cast<int>(std::strtol(argv[2], nullptr, 10));
        if (argc >= 5) options.epsg = static_cast<int>(std::strtol(argv[4], nullptr, 10));
        const std::string out = argv[3];
        if (out.ends_with(".gpkg")) options.driver = "GPKG";
        else if (out.ends_with(".geojson")) options.driver = "GeoJSON";
        const int written = atlas::bench::writeSyntheticDistricts(out, options);
        std::fprintf(stderr, "%d districts written to %s\n", written, out.c_str());
        return written > 0 ? 0 : 1;
    }
    if (argc != 3) {
        std::fprintf(stderr, "usage: atlas_make_synthetic EVENTS OUTPUT.atlas.json | --districts N OUTPUT.shp [EPSG]\n");
        return 2;
    }
    const long events = std::strtol(argv[1], nullptr, 10);
    if (events <= 0) {
        std::fprintf(stderr, "atlas_make_synthetic: EVENTS must be a positive number\n");
        return 2;
    }
    const atlas::Dataset dataset = atlas::bench::makeSyntheticDataset(static_cast<std::size_t>(events));
    const std::string out = argv[2];
    if (out.size() > 4 && out.compare(out.size() - 4, 4, ".csv") == 0) {
        std::vector<std::uint32_t> all(dataset.events.size());
        std::iota(all.begin(), all.end(), 0u);
        std::ofstream file(out, std::ios::binary);
        atlas::writeAcledCsv(dataset, all, file);
        return file.flush() ? 0 : 1;
    }
    const auto format = atlas::datasetFormatOfPath(out);
    const auto diagnostics = format ? atlas::writeDatasetFile(dataset, out, *format) : atlas::writeNativeFile(dataset, out);
    for (const auto& d : diagnostics) std::fprintf(stderr, "%s\n", d.toString().c_str());
    return diagnostics.empty() ? 0 : 1;
}
