// Writes the deterministic synthetic dataset, to open large data in the window, time the
// slider or time importers:
//   atlas_make_synthetic 1000000 /tmp/synthetic-1m.atlas.json   (native)
//   atlas_make_synthetic 1000000 /tmp/synthetic-1m.csv          (ACLED-like CSV)
//   atlas_make_synthetic 10000000 /tmp/synthetic-10m.gpkg       (GeoPackage; any format write_any knows)
#include "synthetic.h"

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
    if (argc != 3) {
        std::fprintf(stderr, "usage: atlas_make_synthetic EVENTS OUTPUT.atlas.json\n");
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
