// Briefing output at scale: drawing and encoding the frames of an animation of a million
// synthetic incidents at 1920×1080 with a 30-day window (issue: ≥ 5 frames a second), its
// pieces, and, as the baseline in the same run, what a briefer did before: one PNG per frame
// (to be stitched by an ffmpeg program afterwards).
//   tools/dev exec build/tests/bench/atlas_bench_briefing
// Needs no display (offscreen Qt, set below).

#include "animation.h"
#include "snapshot.h"

#include "atlas/query/query.h"
#include "atlas/render/scene.h"
#include "synthetic.h"

#include <QBuffer>
#include <QGuiApplication>

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>

namespace {

struct World {
    atlas::Dataset dataset;
    std::unique_ptr<atlas::EventIndex> index;
    std::vector<atlas::render::EventSymbol> symbols;
    atlas::ui::SnapshotView view;
};

World& world() {
    static World w = [] {
        World made;
        made.dataset = atlas::bench::makeSyntheticDataset(1000000);
        made.index = std::make_unique<atlas::EventIndex>(made.dataset);
        made.symbols = atlas::render::resolveSymbols(made.dataset);
        made.view.size = QSize(1920, 1080);
        made.view.box = {35.6, 34.9, 37.7, 36.75};
        const char* tiles = std::getenv("ATLAS_TILES");
        made.view.tileDirectory = QString::fromLocal8Bit(tiles ? tiles : "build/basemap-tiles");
        return made;
    }();
    return w;
}

// The 30-day window ending `day` days after the data's first month.
atlas::ui::SnapshotView frameView(int frame) {
    World& w = world();
    atlas::ui::SnapshotView view = w.view;
    const atlas::Date last = w.index->firstDate().addDays(400 + frame % 300);
    view.filter.to = last;
    view.filter.from = last.addDays(-29);
    view.situationDate = last;
    return view;
}

void BM_FrameDrawn(benchmark::State& state) {
    World& w = world();
    const QImage background = atlas::ui::snapshotBackground(w.view);
    QImage image(w.view.size, QImage::Format_RGB32);
    int frame = 0;
    for (auto _ : state) {
        QPainter painter(&image);
        atlas::ui::paintSnapshot(painter, w.dataset, *w.index, w.symbols, frameView(frame++), background);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_FrameDrawn)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_FrameDrawnNoHalos(benchmark::State& state) {
    World& w = world();
    const QImage background = atlas::ui::snapshotBackground(w.view);
    QImage image(w.view.size, QImage::Format_RGB32);
    int frame = 0;
    for (auto _ : state) {
        QPainter painter(&image);
        auto view = frameView(frame++);
        view.placementHalos = false;
        const auto scene = atlas::ui::snapshotScene(w.dataset, *w.index, w.symbols, view);
        state.counters["symbols"] = double(scene.symbols.size());
        state.counters["halos"] = double(atlas::ui::snapshotScene(w.dataset, *w.index, w.symbols, frameView(frame)).halos.size());
        atlas::ui::paintSnapshot(painter, w.dataset, *w.index, w.symbols, view, background);
    }
}
BENCHMARK(BM_FrameDrawnNoHalos)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_FrameScene(benchmark::State& state) {
    World& w = world();
    int frame = 0;
    for (auto _ : state) benchmark::DoNotOptimize(atlas::ui::snapshotScene(w.dataset, *w.index, w.symbols, frameView(frame++)));
}
BENCHMARK(BM_FrameScene)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_FrameCounts(benchmark::State& state) {
    World& w = world();
    int frame = 0;
    for (auto _ : state) benchmark::DoNotOptimize(w.index->breakdown(frameView(frame++).filter));
}
BENCHMARK(BM_FrameCounts)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_FrameTimeStripHistogram(benchmark::State& state) {
    World& w = world();
    for (auto _ : state) benchmark::DoNotOptimize(w.index->histogram(atlas::EventFilter{}, atlas::HistogramBucket::Week));
}
BENCHMARK(BM_FrameTimeStripHistogram)->Unit(benchmark::kMillisecond)->UseRealTime();

// The whole animation: 60 frames drawn and encoded as H.264 (frames a second = 60 / time).
void BM_Animation60FramesMp4(benchmark::State& state) {
    World& w = world();
    const std::string path = (std::filesystem::temp_directory_path() / "atlas-bench-briefing.mp4").string();
    for (auto _ : state) {
        atlas::ui::AnimationJob job;
        job.path = QString::fromStdString(path);
        job.frameCount = 60;
        job.frame = frameView;
        const auto result = atlas::ui::writeAnimation(w.dataset, *w.index, w.symbols, job);
        if (result.failed()) state.SkipWithError(result.diagnostics.front().message.c_str());
    }
    state.counters["frames/s"] = benchmark::Counter(60.0 * double(state.iterations()), benchmark::Counter::kIsRate);
    std::filesystem::remove(path);
}
BENCHMARK(BM_Animation60FramesMp4)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

// Baseline: the same 60 frames as numbered PNGs (what --each-day-until wrote before).
void BM_Baseline_60PngFrames(benchmark::State& state) {
    World& w = world();
    const auto folder = std::filesystem::temp_directory_path() / "atlas-bench-briefing-png";
    std::filesystem::create_directories(folder);
    for (auto _ : state) {
        for (int frame = 0; frame < 60; ++frame) {
            const QString path = QString::fromStdString((folder / ("frame-" + std::to_string(frame) + ".png")).string());
            const auto problems = atlas::ui::writeSnapshot(path, w.dataset, *w.index, w.symbols, frameView(frame));
            if (!problems.empty()) state.SkipWithError(problems.front().message.c_str());
        }
    }
    state.counters["frames/s"] = benchmark::Counter(60.0 * double(state.iterations()), benchmark::Counter::kIsRate);
    std::filesystem::remove_all(folder);
}
BENCHMARK(BM_Baseline_60PngFrames)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
