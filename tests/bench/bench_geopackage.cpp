// Opening a GeoPackage to "ready" (dataset read, index built) at 100k and 1M events — through
// its column cache, and reading every row as for a file another program edited — beside the
// native JSON reader on the same events in the same run; steady and peak memory; text search
// through the file's FTS5 index beside the in-memory engine. Run:
//   tools/dev exec build/tests/bench/atlas_bench_geopackage --benchmark_counters_tabular=true
#include "process_memory.h"
#include "synthetic.h"

#include "atlas/io/geopackage.h"
#include "atlas/io/native_format.h"
#include "atlas/query/query.h"

#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>

namespace {

using atlas::bench::readStatusKb;
using atlas::bench::resetPeak;

enum class File { GeoPackage, GeoPackageWithoutCache, Native };

const std::string& fileWith(std::size_t events, File kind) {
    static std::map<std::pair<std::size_t, File>, std::string> files;
    auto& path = files[{events, kind}];
    if (!path.empty()) return path;
    const char* suffix = kind == File::Native ? ".atlas.json" : kind == File::GeoPackage ? ".gpkg" : "-rows.gpkg";
    path = (std::filesystem::temp_directory_path() / ("atlas-bench-" + std::to_string(events) + suffix)).string();
    if (std::filesystem::exists(path)) return path;
    const atlas::Dataset dataset = atlas::bench::makeSyntheticDataset(events);
    const auto problems = kind == File::Native ? atlas::writeNativeFile(dataset, path) : atlas::writeGeoPackageFile(dataset, path);
    if (!problems.empty()) throw std::runtime_error(problems.front().toString());
    if (kind == File::GeoPackageWithoutCache) {
        // As after an edit in another program: the triggers have emptied the cache.
        sqlite3* db = nullptr;
        sqlite3_open(path.c_str(), &db);
        sqlite3_exec(db, "DELETE FROM atlas_event_columns", nullptr, nullptr, nullptr);
        sqlite3_close(db);
    }
    return path;
}

// Open to ready: what the window and every command do before they can answer.
void openToReady(benchmark::State& state, File kind) {
    const auto events = static_cast<std::size_t>(state.range(0));
    const std::string& path = fileWith(events, kind);
    resetPeak();
    const long before = readStatusKb("VmRSS:");
    long steady = 0;
    std::size_t tableBytes = 0, indexBytes = 0;
    for (auto _ : state) {
        auto result = std::make_unique<atlas::LoadResult>(kind == File::Native ? atlas::readNativeFile(path)
                                                                                : atlas::readGeoPackageFile(path));
        const atlas::EventIndex index(result->dataset);
        if (result->dataset.events.size() != events) state.SkipWithError("wrong event count");
        state.PauseTiming();
        malloc_trim(0);
        steady = readStatusKb("VmRSS:") - before;
        tableBytes = result->dataset.events.memoryBytes();
        indexBytes = index.memoryBytes();
        state.ResumeTiming();
    }
    const long peak = readStatusKb("VmHWM:") - before;
    state.counters["file_MB"] = double(std::filesystem::file_size(path)) / 1e6;
    state.counters["steady_B_per_event"] = double(steady) * 1024.0 / double(events);
    state.counters["peak_B_per_event"] = double(peak) * 1024.0 / double(events);
    state.counters["peak_over_steady"] = steady > 0 ? double(peak) / double(steady) : 0.0;
    state.counters["table_B_per_event"] = double(tableBytes) / double(events);
    state.counters["index_B_per_event"] = double(indexBytes) / double(events);
}

void BM_OpenGeoPackage(benchmark::State& state) { openToReady(state, File::GeoPackage); }
void BM_OpenGeoPackageRows(benchmark::State& state) { openToReady(state, File::GeoPackageWithoutCache); }
void BM_OpenNativeJson(benchmark::State& state) { openToReady(state, File::Native); }

// The query engine benchmark's text filter (2,115 matches at 1M), and a needle most events hold.
atlas::EventFilter textFilter(int which) {
    atlas::EventFilter filter;
    filter.text = which == 0 ? "ambushed synthetic faction 12 " : "market";
    return filter;
}

struct Opened {
    atlas::Dataset inMemory;
    atlas::LoadResult fromFile;
    std::unique_ptr<atlas::EventIndex> inMemoryIndex, fileIndex;
};
Opened& opened() {
    static Opened data = [] {
        Opened o;
        o.inMemory = atlas::bench::makeSyntheticDataset(1'000'000);
        o.fromFile = atlas::readGeoPackageFile(fileWith(1'000'000, File::GeoPackage));
        o.inMemoryIndex = std::make_unique<atlas::EventIndex>(o.inMemory);
        o.fileIndex = std::make_unique<atlas::EventIndex>(o.fromFile.dataset);
        o.inMemoryIndex->prepareTextSearch(); // the blob is built once; the search is what is timed
        return o;
    }();
    return data;
}

void BM_TextSearchGeoPackage(benchmark::State& state) {
    const atlas::EventIndex& index = *opened().fileIndex;
    std::size_t found = 0;
    for (auto _ : state) {
        found = index.select(textFilter(static_cast<int>(state.range(0)))).size();
        // The index keeps the last needle's answer (the window asks again as the slider moves):
        // another needle between the timed ones, so each timed search is a first one.
        state.PauseTiming();
        atlas::EventFilter other;
        other.text = "no such text anywhere";
        benchmark::DoNotOptimize(index.select(other));
        state.ResumeTiming();
    }
    state.counters["matches"] = double(found);
}

void BM_TextSearchInMemory(benchmark::State& state) {
    const atlas::EventIndex& index = *opened().inMemoryIndex;
    std::size_t found = 0;
    for (auto _ : state) found = index.select(textFilter(static_cast<int>(state.range(0)))).size();
    state.counters["matches"] = double(found);
}

} // namespace

BENCHMARK(BM_OpenGeoPackage)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_OpenGeoPackageRows)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_OpenNativeJson)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_TextSearchGeoPackage)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(BM_TextSearchInMemory)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK_MAIN();
