// Progress and cancel of a long load (io/load_control), through readAnyFile.
#include "atlas/io/acled.h"
#include "atlas/io/geojson.h"
#include "atlas/io/kml.h"
#include "atlas/io/native_format.h"
#include "atlas/query/query.h"
#include "atlas/io/read_any.h"
#include "atlas/io/ucdp.h"
#include "synthetic.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <set>

using namespace atlas;

namespace {

[[maybe_unused]] const Dataset& synthetic() {
    static const Dataset dataset = bench::makeSyntheticDataset(20000, 7);
    return dataset;
}

[[maybe_unused]] const Dataset& sample() {
    static const Dataset dataset = readNativeFile(ATLAS_SAMPLE_DATASET).dataset;
    return dataset;
}

[[maybe_unused]] std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

[[maybe_unused]] bool isWithin(const Dataset& data, const std::string& actor, const std::string& ancestor) {
    std::string current = actor;
    for (int steps = 0; steps < 32 && !current.empty(); ++steps) {
        if (current == ancestor) return true;
        const Actor* a = data.findActor(current);
        current = a ? a->parent : std::string();
    }
    return false;
}

// The reference: one event, one filter, no cleverness.
[[maybe_unused]] bool referenceMatches(const Dataset& data, const Event& e, const EventFilter& f) {
    if (f.from && e.date < *f.from) return false;
    if (f.to && e.date > *f.to) return false;
    if (!f.types.empty() && std::find(f.types.begin(), f.types.end(), e.type) == f.types.end()) return false;
    if (!f.sides.empty() && std::find(f.sides.begin(), f.sides.end(), data.sideOfEvent(e)) == f.sides.end())
        return false;
    if (e.place.precision > f.coarsestPrecision) return false;
    if (e.killed.lowerBound() < f.minKilled) return false;
    if (f.box && !f.box->contains(e.place.point)) return false;
    if (f.region && !f.region->contains(e.place.point)) return false;
    if (!f.actors.empty()) {
        bool any = false;
        for (const auto* ids : {&e.perpetrators, &e.targets})
            for (const auto& id : *ids)
                for (const auto& wanted : f.actors)
                    any = any || (f.includeSubgroups ? isWithin(data, id, wanted) : id == wanted);
        if (!any) return false;
    }
    if (!f.text.empty()) {
        std::string all = e.description + "\n" + e.place.name + "\n" + e.place.admin1 + "\n" + e.place.admin2;
        for (const auto* ids : {&e.perpetrators, &e.targets})
            for (const auto& id : *ids) {
                const Actor* a = data.findActor(id);
                all += "\n" + (a ? a->name : id);
                if (a)
                    for (const auto& alias : a->aliases) all += "\n" + alias;
            }
        for (const auto& s : e.sources) all += "\n" + s.publisher + "\n" + s.title;
        if (lower(all).find(lower(f.text)) == std::string::npos) return false;
    }
    return true;
}

[[maybe_unused]] std::vector<std::uint32_t> reference(const Dataset& data, const EventFilter& f) {
    std::vector<std::uint32_t> out;
    for (std::uint32_t i = 0; i < data.events.size(); ++i)
        if (referenceMatches(data, data.events[i], f)) out.push_back(i);
    return out;
}

[[maybe_unused]] std::vector<std::uint32_t> sorted(std::vector<std::uint32_t> v) {
    std::sort(v.begin(), v.end());
    return v;
}

[[maybe_unused]] EventFilter randomFilter(std::mt19937& random, const Dataset& data) {
    EventFilter f;
    std::uniform_int_distribution<int> coin(0, 1), day(0, 8 * 366), percent(0, 99);
    const Date origin = *Date::parse("2013-01-01");
    if (coin(random)) f.from = origin.addDays(day(random));
    if (coin(random)) f.to = (f.from ? *f.from : origin).addDays(day(random) / (coin(random) ? 1 : 40));
    if (percent(random) < 40)
        for (int t = 0; t < kEventTypeCount; ++t)
            if (coin(random)) f.types.push_back(static_cast<EventType>(t));
    if (percent(random) < 20) f.sides = {static_cast<Side>(1 + percent(random) % (kSideCount - 1))};
    if (percent(random) < 40) {
        const int n = 1 + coin(random);
        for (int i = 0; i < n; ++i) f.actors.push_back(data.actors[static_cast<std::size_t>(percent(random)) % data.actors.size()].id);
        f.includeSubgroups = coin(random) != 0;
    }
    if (percent(random) < 40) {
        std::uniform_real_distribution<double> lat(32.5, 37.2), lon(35.8, 42.0);
        double a = lat(random), b = lat(random), c = lon(random), d = lon(random);
        f.box = GeoBox{std::min(c, d), std::min(a, b), std::max(c, d), std::max(a, b)};
    }
    if (percent(random) < 15) {
        std::uniform_real_distribution<double> lat(32.5, 37.2), lon(35.8, 42.0);
        f.region = GeoPolygon{{{{lat(random), lon(random)}, {lat(random), lon(random)}, {lat(random), lon(random)}}}};
    }
    if (percent(random) < 25) f.minKilled = percent(random) % 6;
    if (percent(random) < 20) f.coarsestPrecision = PlacePrecision::NearTown;
    if (percent(random) < 25) {
        static const std::vector<std::string> words{"SHELLED", "Place 1", "faction 3", "market", "Synthetic Monitor",
                                                    "ambushed synthetic faction 12", "no such words"};
        f.text = words[static_cast<std::size_t>(percent(random)) % words.size()];
    }
    return f;
}

} // namespace

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
