// ACLED CSV import throughput and peak memory, beside pandas.read_csv on the same file
// (tests/bench/pandas_read_csv.py). Run:
//   tools/dev exec build/tests/atlas_make_synthetic 1000000 build/synthetic-1m.csv
//   tools/dev exec build/tests/bench/atlas_bench_acled_import build/synthetic-1m.csv
//   tools/dev exec python3 tests/bench/pandas_read_csv.py build/synthetic-1m.csv
#include "atlas/io/acled.h"

#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

long statusKb(const char* field) {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind(field, 0) == 0) return std::stol(line.substr(std::string(field).size()));
    return -1;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: atlas_bench_acled_import FILE.csv\n");
        return 2;
    }
    const double megabytes = double(std::filesystem::file_size(argv[1])) / 1e6;
    for (int run = 0; run < 3; ++run) {
        malloc_trim(0);
        std::ofstream("/proc/self/clear_refs") << "5"; // reset the peak to the current RSS
        const long before = statusKb("VmRSS:");
        const auto start = std::chrono::steady_clock::now();
        const atlas::LoadResult result = atlas::readAcledCsvFile(argv[1]);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const long peak = statusKb("VmHWM:");
        std::printf("run %d: %zu events, %zu diagnostics, %.2f s, %.1f MB/s, peak extra RSS %.0f MB (%.0f bytes/event)\n", run,
                    result.dataset.events.size(), result.diagnostics.size(), seconds, megabytes / seconds,
                    double(peak - before) / 1024.0, double(peak - before) * 1024.0 / double(result.dataset.events.size()));
    }
    return 0;
}
