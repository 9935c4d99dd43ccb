// Load time and peak memory of the native reader at 100k and 1M events, and of the GeoJSON
// reader at 100k features, each beside a plain nlohmann DOM parse of the same file (the cost
// streaming avoids). Run:
//   tools/dev exec build/tests/bench/atlas_bench_native_load
#include "process_memory.h"
#include "synthetic.h"

#include "atlas/io/acled.h"
#include "atlas/io/geojson.h"
#include "atlas/io/kml.h"
#include "atlas/io/geojson.h"
#include "atlas/io/native_format.h"

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace {

using atlas::bench::readStatusKb;
using atlas::bench::resetPeak;

enum class Format { Native, GeoJson };

const std::string& fileWith(std::size_t events, Format format = Format::Native) {
    static std::map<std::pair<std::size_t, Format>, std::string> files;
    auto& path = files[{events, format}];
    if (path.empty()) {
        const char* extension = format == Format::Native ? ".atlas.json" : ".geojson";
        path = (std::filesystem::temp_directory_path() / ("atlas-bench-" + std::to_string(events) + extension)).string();
        if (!std::filesystem::exists(path)) {
            const atlas::Dataset dataset = atlas::bench::makeSyntheticDataset(events);
            if (format == Format::Native) {
                const auto diagnostics = atlas::writeNativeFile(dataset, path);
                if (!diagnostics.empty()) throw std::runtime_error(diagnostics.front().toString());
            } else {
                std::vector<std::uint32_t> all(dataset.events.size());
                for (std::uint32_t i = 0; i < all.size(); ++i) all[i] = i;
                std::ofstream out(path, std::ios::binary);
                atlas::writeGeoJson(dataset, all, out);
            }
        }
    }
    return path;
}

void setCounters(benchmark::State& state, std::size_t events, double fileBytes, long baselineKb) {
    const long peakKb = readStatusKb("VmHWM:");
    state.counters["events_per_s"] = benchmark::Counter(double(events) * double(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["MB_per_s"] = benchmark::Counter(fileBytes / 1e6 * double(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["file_MB"] = fileBytes / 1e6;
    state.counters["peak_extra_MB"] = double(peakKb - baselineKb) / 1024.0;
    state.counters["peak_bytes_per_event"] = double(peakKb - baselineKb) * 1024.0 / double(events);
}

void BM_NativeLoad(benchmark::State& state) {
    const auto events = static_cast<std::size_t>(state.range(0));
    const std::string& path = fileWith(events);
    const double bytes = double(std::filesystem::file_size(path));
    resetPeak();
    const long baseline = readStatusKb("VmRSS:");
    for (auto _ : state) {
        atlas::LoadResult result = atlas::readNativeFile(path);
        if (result.dataset.events.size() != events) state.SkipWithError("wrong event count");
        benchmark::DoNotOptimize(result);
    }
    setCounters(state, events, bytes, baseline);
}

void BM_GeoJsonLoad(benchmark::State& state) {
    const auto events = static_cast<std::size_t>(state.range(0));
    const std::string& path = fileWith(events, Format::GeoJson);
    const double bytes = double(std::filesystem::file_size(path));
    resetPeak();
    const long baseline = readStatusKb("VmRSS:");
    for (auto _ : state) {
        atlas::LoadResult result = atlas::readGeoJsonFile(path);
        if (result.dataset.events.size() != events) state.SkipWithError("wrong feature count");
        benchmark::DoNotOptimize(result);
    }
    setCounters(state, events, bytes, baseline);
}

// Baseline: the whole file as one nlohmann DOM (no model built at all).
void BM_NlohmannDomParse(benchmark::State& state) {
    const auto events = static_cast<std::size_t>(state.range(0));
    const std::string& path = fileWith(events, state.range(1) ? Format::GeoJson : Format::Native);
    const double bytes = double(std::filesystem::file_size(path));
    resetPeak();
    const long baseline = readStatusKb("VmRSS:");
    for (auto _ : state) {
        std::ifstream stream(path);
        nlohmann::json document = nlohmann::json::parse(stream);
        benchmark::DoNotOptimize(document);
    }
    setCounters(state, events, bytes, baseline);
}

} // namespace

BENCHMARK(BM_NativeLoad)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(BM_GeoJsonLoad)->Arg(100'000)->Unit(benchmark::kMillisecond)->Iterations(2);
// Second argument: 0 the native file, 1 the GeoJSON file.
BENCHMARK(BM_NlohmannDomParse)->Args({100'000, 0})->Args({1'000'000, 0})->Args({100'000, 1})->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK_MAIN();
