// Incidents per area (query/area_aggregation and EventIndex::countByArea / areaPeaks): the
// same numbers as counting the filter's events one by one against every polygon.
#include "atlas/io/gdal_layer.h"
#include "atlas/query/area_aggregation.h"
#include "atlas/query/query.h"

#include "synthetic.h"
#include "synthetic_layers.h"

#include <gtest/gtest.h>

#include <filesystem>

#include <unistd.h>
#include <iomanip>
#include <map>

using namespace atlas;

namespace {

struct Districts {
    ReferenceLayer layer;
    std::vector<GeoPolygon> polygons;
};

const Districts& districts() {
    static const Districts d = [] {
        // One file per process: ctest runs each test in a process of its own, side by side.
        const auto path = (std::filesystem::temp_directory_path() / ("atlas-area-aggregation-" + std::to_string(::getpid()) + ".gpkg")).string();
        std::filesystem::remove(path);
        bench::SyntheticDistrictsOptions options;
        options.count = 60;
        options.pixels = 400;
        options.driver = "GPKG";
        bench::writeSyntheticDistricts(path, options);
        ReferenceLayersRead read = readReferenceLayers(path);
        Districts result;
        if (!read.layers.empty()) result.layer = std::move(read.layers[0]);
        result.polygons = result.layer.polygons();
        return result;
    }();
    return d;
}

} // namespace

TEST(AreaAggregation, EachEventIsInThePolygonThatHoldsIt) {
    const Districts& d = districts();
    ASSERT_GT(d.polygons.size(), 40u);
    const Dataset dataset = bench::makeSyntheticDataset(20'000);
    const std::vector<std::int32_t> areas = locateEvents(dataset.events, PolygonIndex(d.polygons));
    ASSERT_EQ(areas.size(), dataset.events.size());
    std::size_t outside = 0;
    for (std::size_t row = 0; row < dataset.events.size(); ++row) {
        std::int32_t expected = -1;
        for (std::size_t p = 0; p < d.polygons.size() && expected < 0; ++p)
            if (d.polygons[p].contains(dataset.events.point(row))) expected = static_cast<std::int32_t>(p);
        ASSERT_EQ(areas[row], expected) << row << " at " << std::setprecision(17) << dataset.events.point(row).latitude << ", " << dataset.events.point(row).longitude;
        outside += expected < 0;
    }
    EXPECT_LT(outside, dataset.events.size() / 10); // the layer covers Syria's box
}

TEST(AreaAggregation, CountsPerAreaAreTheFiltersEventsOneByOne) {
    const Districts& d = districts();
    const Dataset dataset = bench::makeSyntheticDataset(30'000);
    const std::vector<std::int32_t> areas = locateEvents(dataset.events, PolygonIndex(d.polygons));
    const EventIndex index(dataset);
    EventFilter filter = EventFilter::forWindow(*Date::parse("2016-01-01"), *Date::parse("2016-06-30"));
    filter.types = {EventType::AirStrike, EventType::Shelling};
    const AreaCounts counts = index.countByArea(filter, areas, d.polygons.size());
    std::map<std::int32_t, std::pair<std::uint32_t, std::int64_t>> expected;
    for (std::uint32_t position : index.select(filter)) {
        auto& [events, killed] = expected[areas[position]];
        ++events;
        killed += dataset.events.killedLowerBound(position);
    }
    ASSERT_FALSE(expected.empty());
    for (std::size_t a = 0; a < d.polygons.size(); ++a) {
        const auto found = expected.find(static_cast<std::int32_t>(a));
        EXPECT_EQ(counts.areas[a].events, found == expected.end() ? 0u : found->second.first) << a;
        EXPECT_EQ(counts.areas[a].killedAtLeast, found == expected.end() ? 0 : found->second.second) << a;
        std::uint32_t byType = 0;
        for (std::uint32_t n : counts.areas[a].byType) byType += n;
        EXPECT_EQ(byType, counts.areas[a].events);
    }
    EXPECT_EQ(counts.outside.events, expected.count(-1) ? expected[-1].first : 0u);
}

TEST(AreaAggregation, ThePeakIsTheMostAnyAreaHoldsInAnyWindow) {
    const Districts& d = districts();
    const Dataset dataset = bench::makeSyntheticDataset(8'000);
    const std::vector<std::int32_t> areas = locateEvents(dataset.events, PolygonIndex(d.polygons));
    const EventIndex index(dataset);
    EventFilter filter;
    filter.sides = {Side::ProGovernment};
    const AreaPeaks peaks = index.areaPeaks(filter, areas, d.polygons.size(), 30);
    EXPECT_TRUE(peaks.exact);
    // Every 30-day window, the slow way.
    std::uint64_t most = 0, mostKilled = 0;
    for (Date from = index.firstDate(); from <= index.lastDate(); from = from.addDays(1)) {
        filter.from = from;
        filter.to = from.addDays(29);
        const AreaCounts counts = index.countByArea(filter, areas, d.polygons.size());
        for (const AreaTotals& t : counts.areas) {
            most = std::max<std::uint64_t>(most, t.events);
            mostKilled = std::max<std::uint64_t>(mostKilled, static_cast<std::uint64_t>(t.killedAtLeast));
        }
    }
    EXPECT_GT(most, 0u);
    EXPECT_EQ(peaks.events, most);
    EXPECT_EQ(peaks.killedAtLeast, mostKilled);
}

TEST(AreaAggregation, AFilterByRegionKeepsTheEventsInsideIt) {
    const Districts& d = districts();
    const Dataset dataset = bench::makeSyntheticDataset(20'000);
    const EventIndex index(dataset);
    EventFilter filter;
    filter.region = d.polygons[7];
    const std::vector<std::uint32_t> inside = index.select(filter);
    std::size_t expected = 0;
    for (std::size_t row = 0; row < dataset.events.size(); ++row) expected += d.polygons[7].contains(dataset.events.point(row));
    EXPECT_EQ(inside.size(), expected);
    EXPECT_GT(expected, 0u);
    filter.region = d.polygons[8]; // another region: not the first one's cached index
    EXPECT_NE(index.select(filter), inside);
}

TEST(AreaAggregation, ScaleClassesDoubleUpToThePeak) {
    EXPECT_EQ(scaleClasses(17), (std::vector<std::uint64_t>{1, 2, 5, 10, 20}));
    EXPECT_EQ(scaleClasses(17, 3), (std::vector<std::uint64_t>{5, 10, 20}));
    EXPECT_EQ(scaleClasses(1), (std::vector<std::uint64_t>{1}));
    EXPECT_EQ(scaleClasses(0), (std::vector<std::uint64_t>{1}));
    const auto big = scaleClasses(4321);
    EXPECT_EQ(big.back(), 5000u);
    EXPECT_EQ(big.size(), 5u);
    EXPECT_TRUE(std::is_sorted(big.begin(), big.end()));
    EXPECT_EQ(classOf(0, big), -1);
    EXPECT_EQ(classOf(1, big), 0);
    EXPECT_EQ(classOf(5000, big), 4);
    EXPECT_EQ(classOf(9000, big), 4); // above the peak: the top class
    EXPECT_EQ(classLabels({2, 5, 10, 20}), (std::vector<std::string>{"1–2", "3–5", "6–10", "11 or more"}));
}

TEST(AreaAggregation, ChangeBands) {
    EXPECT_EQ(changeBand(0, 0), ChangeBand::None);
    EXPECT_EQ(changeBand(0, 3), ChangeBand::New);
    EXPECT_EQ(changeBand(10, 20), ChangeBand::Surge);
    EXPECT_EQ(changeBand(10, 19), ChangeBand::More25);
    EXPECT_EQ(changeBand(10, 12), ChangeBand::More10);
    EXPECT_EQ(changeBand(10, 11), ChangeBand::Stable);
    EXPECT_EQ(changeBand(10, 9), ChangeBand::Stable);
    EXPECT_EQ(changeBand(10, 8), ChangeBand::Fewer10);
    EXPECT_EQ(changeBand(10, 7), ChangeBand::Fewer25);
    EXPECT_EQ(changeBand(10, 0), ChangeBand::Fewer25);
    EXPECT_DOUBLE_EQ(*percentChange(8, 10), 25.0);
    EXPECT_FALSE(percentChange(0, 10));
    EXPECT_EQ(toKey(ChangeBand::Surge), "surge");
    EXPECT_FALSE(describe(ChangeBand::Fewer10).empty());
}
