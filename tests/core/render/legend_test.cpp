// The legend of what a scene draws (atlas/render/legend.h): only what is on the map.
#include "atlas/io/native_format.h"
#include "atlas/query/query.h"
#include "atlas/render/legend.h"
#include "atlas/render/scene.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace atlas;
using namespace atlas::render;

namespace {

const Dataset& sample() {
    static const Dataset dataset = [] {
        LoadResult result = readNativeFile(ATLAS_SAMPLE_DATASET);
        EXPECT_FALSE(result.failed());
        return std::move(result.dataset);
    }();
    return dataset;
}

Scene sceneOf(const Dataset& dataset, const std::vector<std::uint32_t>& events, Date day, GeoBox box) {
    static std::vector<EventSymbol> symbols = resolveSymbols(sample());
    SceneRequest request;
    request.view = ViewTransform::fitting(box, 1600, 1000);
    request.width = 1600;
    request.height = 1000;
    request.events = events;
    request.symbols = &symbols;
    request.situationDate = day;
    return buildScene(dataset, request);
}

bool has(const std::vector<LegendEntry>& entries, std::string_view label) {
    return std::any_of(entries.begin(), entries.end(), [&](const LegendEntry& e) { return e.label == label; });
}

} // namespace

TEST(Legend, ListsOnlyTheSidesAndTypesOfTheIncidentsDrawn) {
    const Dataset& d = sample();
    const EventIndex index(d);
    EventFilter air;
    air.types = {EventType::AirStrike};
    air.from = Date::parse("2020-10-01");
    air.to = Date::parse("2020-10-31");
    const auto positions = index.select(air);
    ASSERT_FALSE(positions.empty());
    const Scene scene = sceneOf(d, positions, *air.to, {35.6, 34.9, 37.7, 36.75});
    const SceneLegend legend = sceneLegend(d, scene, *air.to, 1600, 1000);
    ASSERT_EQ(legend.types.size(), 1u);
    EXPECT_EQ(legend.types.front().label, std::string(toLabel(EventType::AirStrike)));
    EXPECT_EQ(legend.types.front().shape, symbolShape(EventType::AirStrike));
    EXPECT_EQ(legend.types.front().count, scene.symbols.size());
    // The sides are those of the air strikes' perpetrators, each once.
    std::uint32_t counted = 0;
    for (const LegendEntry& side : legend.sides) counted += side.count;
    EXPECT_EQ(counted, scene.symbols.size());
    for (const SymbolMark& symbol : scene.symbols) EXPECT_TRUE(has(legend.sides, toLabel(d.sideOfEvent(symbol.event))));
    EXPECT_FALSE(legend.clusters);
}

TEST(Legend, ListsTheSiteStatusesLinesAndAreasInViewAndNothingElse) {
    const Dataset& d = sample();
    const Date day = *Date::parse("2020-10-31");
    const Scene scene = sceneOf(d, {}, day, {35.6, 34.9, 37.7, 36.75});
    const SceneLegend legend = sceneLegend(d, scene, day, 1600, 1000);
    EXPECT_TRUE(legend.sides.empty());
    EXPECT_TRUE(legend.types.empty());
    ASSERT_FALSE(scene.sites.empty());
    const Situation situation = d.situationOn(day);
    std::uint32_t sites = 0;
    for (const LegendEntry& status : legend.siteStatuses) sites += status.count;
    EXPECT_EQ(sites, scene.sites.size());
    for (const SiteMark& site : scene.sites) EXPECT_TRUE(has(legend.siteStatuses, toLabel(situation.sites[site.site].status)));
    for (const LineMark& line : scene.lines) EXPECT_TRUE(has(legend.lineKinds, toLabel(d.lines[line.line].kind)));
    EXPECT_EQ(legend.areaHolders.empty(), scene.areas.empty());

    // A view far from everything draws nothing, and lists nothing.
    const Scene elsewhere = sceneOf(d, {}, day, {10.0, 50.0, 10.5, 50.3});
    ASSERT_FALSE(elsewhere.sites.empty()); // the scene keeps them (off the view)…
    EXPECT_TRUE(sceneLegend(d, elsewhere, day, 1600, 1000).empty()); // …the legend does not list them
}
