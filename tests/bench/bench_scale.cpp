// How cost grows with the number of events: opens a dataset file (a .gpkg, or anything
// readAnyFile reads) to "ready" (read, index built), then times what the window does on every
// step — a year-long window's events, the day histogram split by side — and reports the
// memory held. Run on the 1M and 10M synthetic GeoPackages:
//   tools/dev exec build/tests/atlas_make_synthetic 10000000 /tmp/synthetic-10m.gpkg
//   tools/dev exec build/tests/bench/atlas_bench_scale /tmp/synthetic-10m.gpkg
#include "process_memory.h"

#include "atlas/io/read_any.h"
#include "atlas/query/query.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

// The median of `runs` timings of `work`.
template <typename Work> double medianMilliseconds(int runs, Work work) {
    std::vector<double> times;
    for (int run = 0; run < runs; ++run) {
        const auto start = Clock::now();
        work();
        times.push_back(millisecondsSince(start));
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: atlas_bench_scale FILE\n");
        return 2;
    }
    atlas::bench::resetPeak();
    const long emptyKb = atlas::bench::readStatusKb("VmRSS:");
    const auto start = Clock::now();
    const atlas::LoadResult loaded = atlas::readAnyFile(argv[1]);
    const double readMs = millisecondsSince(start);
    if (loaded.failed()) {
        for (const auto& d : loaded.diagnostics) std::fprintf(stderr, "%s\n", d.toString().c_str());
        return 1;
    }
    const auto indexStart = Clock::now();
    const atlas::EventIndex index(loaded.dataset);
    const double indexMs = millisecondsSince(indexStart);
    const double events = double(loaded.dataset.events.size());
    const long steadyKb = atlas::bench::readStatusKb("VmRSS:") - emptyKb;
    const long peakKb = atlas::bench::readStatusKb("VmHWM:") - emptyKb;
    std::printf("%s: %.0f events\n", argv[1], events);
    std::printf("open to ready: %.0f ms (read %.0f ms, index %.0f ms)\n", readMs + indexMs, readMs, indexMs);
    std::printf("memory: steady %.0f MiB (%.0f bytes/event), peak while opening %.0f MiB (%.2f x steady)\n",
                double(steadyKb) / 1024.0, double(steadyKb) * 1024.0 / events, double(peakKb) / 1024.0,
                double(peakKb) / double(steadyKb));

    // A year-long window in the middle of the data, as the slider asks for it.
    const atlas::Date first = index.firstDate();
    atlas::EventFilter year;
    year.from = first.addDays((index.lastDate().daysSinceEpoch() - first.daysSinceEpoch()) / 2);
    year.to = year.from->addDays(364);
    std::size_t inYear = 0;
    const double yearMs = medianMilliseconds(11, [&] { inYear = index.select(year).size(); });
    std::printf("year window %s..%s: %zu events selected, median %.1f ms of 11\n", year.from->toString().c_str(),
                year.to->toString().c_str(), inYear, yearMs);
    std::size_t bins = 0;
    const double histogramMs = medianMilliseconds(11, [&] {
        bins = static_cast<std::size_t>(index.histogram({}, atlas::HistogramBucket::Day, atlas::HistogramSplit::BySide).binCount());
    });
    std::printf("day histogram by side over all %zu days: median %.1f ms of 11\n", bins, histogramMs);
    return 0;
}
