// ACLED CSV import throughput and peak memory, beside pandas.read_csv on the same file
// (tests/bench/pandas_read_csv.py). Run:
//   tools/dev exec build/tests/atlas_make_synthetic 1000000 build/synthetic-1m.csv
//   tools/dev exec build/tests/bench/atlas_bench_acled_import build/synthetic-1m.csv
//   tools/dev exec python3 tests/bench/pandas_read_csv.py build/synthetic-1m.csv
#include "atlas/io/acled.h"

#include "process_memory.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: atlas_bench_acled_import FILE.csv\n");
        return 2;
    }
    const double megabytes = double(std::filesystem::file_size(argv[1])) / 1e6;
    for (int run = 0; run < 3; ++run) {
        atlas::bench::resetPeak();
        const long before = atlas::bench::readStatusKb("VmRSS:");
        const auto start = std::chrono::steady_clock::now();
        const atlas::LoadResult result = atlas::readAcledCsvFile(argv[1]);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const long peak = atlas::bench::readStatusKb("VmHWM:");
        std::printf("run %d: %zu events, %zu diagnostics, %.2f s, %.1f MB/s, peak extra RSS %.0f MB (%.0f bytes/event)\n", run,
                    result.dataset.events.size(), result.diagnostics.size(), seconds, megabytes / seconds,
                    double(peak - before) / 1024.0, double(peak - before) * 1024.0 / double(result.dataset.events.size()));
    }
    return 0;
}
