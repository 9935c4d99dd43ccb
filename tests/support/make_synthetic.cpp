// Writes the deterministic synthetic dataset as a native file, to open large data in the
// window or time the slider:  atlas_make_synthetic 1000000 /tmp/synthetic-1m.atlas.json
#include "synthetic.h"

#include "atlas/native_format.h"

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
    const auto diagnostics = atlas::writeNativeFile(atlas::bench::makeSyntheticDataset(static_cast<std::size_t>(events)), argv[2]);
    for (const auto& d : diagnostics) std::fprintf(stderr, "%s\n", d.toString().c_str());
    return diagnostics.empty() ? 0 : 1;
}
