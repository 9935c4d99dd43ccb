// Progress and cancel of a long load (io/load_control), through readAnyFile.
#include "atlas/io/geojson.h"
#include "atlas/io/load_control.h"
#include "atlas/io/native_format.h"
#include "atlas/io/read_any.h"
#include "synthetic.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <vector>

using namespace atlas;

TEST(LoadControl, ReportsProgressAndStopsWhenCancelled) {
    const auto path = (std::filesystem::temp_directory_path() / "atlas-load-control-test.atlas.json").string();
    ASSERT_TRUE(writeNativeFile(bench::makeSyntheticDataset(5000, 3), path).empty());
    const auto size = std::filesystem::file_size(path);
    ASSERT_GT(size, 3u << 20) << "big enough for several progress reports";

    std::vector<std::uint64_t> seen;
    LoadControl control;
    control.progress = [&](std::uint64_t done, std::uint64_t total) {
        EXPECT_EQ(total, size);
        seen.push_back(done);
    };
    const LoadResult loaded = readAnyFile(path, {.geoJson = {}, .control = &control});
    ASSERT_FALSE(loaded.failed());
    EXPECT_EQ(loaded.dataset.events.size(), 5000u);
    ASSERT_GE(seen.size(), 3u);
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    EXPECT_EQ(seen.back(), size);

    std::atomic<bool> cancel{false};
    LoadControl stopping;
    stopping.cancel = &cancel;
    stopping.progress = [&](std::uint64_t done, std::uint64_t) {
        if (done >= (2u << 20)) cancel = true; // the user presses Cancel part-way
    };
    const LoadResult stopped = readAnyFile(path, {.geoJson = {}, .control = &stopping});
    ASSERT_TRUE(stopped.failed());
    EXPECT_EQ(stopped.diagnostics.front().code, "load.cancelled");
    EXPECT_TRUE(stopped.dataset.events.empty());
    // Nothing lingers: the next load, without a control, reads the whole file.
    EXPECT_EQ(readAnyFile(path).dataset.events.size(), 5000u);
    std::filesystem::remove(path);
}

TEST(LoadControl, GeoJsonStreamsWithProgressAndCancel) {
    const auto path = (std::filesystem::temp_directory_path() / "atlas-load-control-test.geojson").string();
    const Dataset dataset = bench::makeSyntheticDataset(5000, 3);
    {
        std::vector<std::uint32_t> all(dataset.events.size());
        for (std::uint32_t i = 0; i < all.size(); ++i) all[i] = i;
        std::ofstream out(path, std::ios::binary);
        writeGeoJson(dataset, all, out);
    }
    ASSERT_GT(std::filesystem::file_size(path), 3u << 20);
    std::size_t reports = 0;
    LoadControl control;
    control.progress = [&](std::uint64_t, std::uint64_t) { ++reports; };
    const LoadResult loaded = readAnyFile(path, {.geoJson = {}, .control = &control});
    ASSERT_FALSE(loaded.failed());
    EXPECT_EQ(loaded.dataset.events.size(), 5000u);
    EXPECT_GE(reports, 3u) << "read through the observed stream, not slurped";

    std::atomic<bool> cancel{false};
    LoadControl stopping;
    stopping.cancel = &cancel;
    stopping.progress = [&](std::uint64_t done, std::uint64_t) {
        if (done >= (2u << 20)) cancel = true;
    };
    const LoadResult stopped = readAnyFile(path, {.geoJson = {}, .control = &stopping});
    ASSERT_TRUE(stopped.failed());
    EXPECT_EQ(stopped.diagnostics.front().code, "load.cancelled");
    EXPECT_TRUE(stopped.dataset.events.empty());
    std::filesystem::remove(path);
}
