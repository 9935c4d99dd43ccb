// The map scene (atlas/render): what the window's map and snapshots draw, without a display.
#include "atlas/io/native_format.h"
#include "atlas/query/query.h"
#include "atlas/render/scene.h"
#include "atlas/render/screen_clusters.h"
#include "atlas/style/style.h"
#include "synthetic.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

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

const GeoBox kIdlib{35.6, 34.9, 37.7, 36.75};

std::vector<std::uint32_t> allEvents(const Dataset& dataset) {
    std::vector<std::uint32_t> positions(dataset.events.size());
    std::iota(positions.begin(), positions.end(), 0u);
    return positions;
}

// A 1600 × 1000 view of Idlib, Hama and Aleppo over `events`.
SceneRequest everyIncidentOverIdlib(const std::vector<std::uint32_t>& events, const std::vector<EventSymbol>& symbols) {
    SceneRequest request;
    request.view = ViewTransform::fitting(kIdlib, 1600, 1000);
    request.width = 1600;
    request.height = 1000;
    request.events = events;
    request.symbols = &symbols;
    return request;
}

} // namespace

TEST(Scene, AbbreviatesCountsAsTheyAreDrawn) {
    EXPECT_EQ(abbreviateCount(7), "7");
    EXPECT_EQ(abbreviateCount(999), "999");
    EXPECT_EQ(abbreviateCount(1000), "1.0k");
    EXPECT_EQ(abbreviateCount(1234), "1.2k");
    EXPECT_EQ(abbreviateCount(9960), "10k");
    EXPECT_EQ(abbreviateCount(12500), "13k");
    EXPECT_EQ(abbreviateCount(2'345'678), "2.3M");
}

TEST(Scene, DrawsEveryIncidentInViewLargestFirstWhereTheViewPutsIt) {
    const Dataset& dataset = sample();
    const std::vector<EventSymbol> symbols = resolveSymbols(dataset);
    const std::vector<std::uint32_t> events = allEvents(dataset);
    SceneRequest request = everyIncidentOverIdlib(events, symbols);
    const Scene scene = buildScene(dataset, request);
    EXPECT_FALSE(scene.clustered());
    ASSERT_GT(scene.symbols.size(), 100u);
    EXPECT_EQ(scene.symbols.size(), scene.eventsInView);
    for (std::size_t i = 1; i < scene.symbols.size(); ++i) EXPECT_GE(scene.symbols[i - 1].radius, scene.symbols[i].radius);
    for (const SymbolMark& mark : scene.symbols) {
        const PixelPoint expected = request.view.map(dataset.events[mark.event].place.point);
        EXPECT_NEAR(mark.centre.x, expected.x, 1e-6);
        EXPECT_NEAR(mark.centre.y, expected.y, 1e-6);
        EXPECT_EQ(mark.fill.alpha, 255);
    }
    // Events outside the view (the sample has strikes near Jableh, Afrin, al-Bab: all inside
    // this box) are culled when the box is small.
    request.view = ViewTransform::fitting(GeoBox{36.5, 35.8, 36.8, 36.0}, 400, 300);
    request.width = 400;
    request.height = 300;
    EXPECT_LT(buildScene(dataset, request).symbols.size(), scene.symbols.size());
}

TEST(Scene, IncidentsPlacedLessThanExactlyHaveAHaloOfTheDistanceTheirPlacementAllows) {
    const Dataset& dataset = sample();
    const std::vector<EventSymbol> symbols = resolveSymbols(dataset);
    const std::vector<std::uint32_t> events = allEvents(dataset);
    SceneRequest request = everyIncidentOverIdlib(events, symbols);
    const Scene scene = buildScene(dataset, request);
    ASSERT_FALSE(scene.halos.empty());
    std::size_t coarse = 0;
    std::vector<std::pair<long, long>> points;
    for (const SymbolMark& mark : scene.symbols) {
        const PlacePrecision precision = dataset.events.placePrecision(mark.event);
        if (precision == PlacePrecision::Exact) continue;
        ++coarse;
        // Its point carries a halo of its precision's radius.
        const auto halo = std::find_if(scene.halos.begin(), scene.halos.end(), [&](const HaloMark& h) {
            return std::hypot(h.centre.x - mark.centre.x, h.centre.y - mark.centre.y) < 0.5 &&
                   dataset.events.placePrecision(h.event) == precision;
        });
        ASSERT_NE(halo, scene.halos.end()) << dataset.events.id(mark.event);
        // The radius is the ground distance: the pixels from the point to one that many km east.
        const GeoPoint at = dataset.events.point(mark.event);
        const double km = placementRadiusKm(precision);
        const double degrees = km / (111.32 * std::cos(at.latitude * M_PI / 180.0));
        const PixelPoint east = request.view.map(GeoPoint{at.latitude, at.longitude + degrees});
        EXPECT_NEAR(halo->radius, std::hypot(east.x - mark.centre.x, east.y - mark.centre.y), 0.5);
        EXPECT_LT(halo->fill.alpha, 64); // translucent: the symbol and the map show through
    }
    ASSERT_GT(coarse, 50u);
    // One halo per point and precision, however many incidents share them.
    EXPECT_LT(scene.halos.size(), coarse);
    for (std::size_t i = 1; i < scene.halos.size(); ++i) EXPECT_GE(scene.halos[i - 1].radius, scene.halos[i].radius);
    // A district is wider than a town's surroundings, a governorate wider still; exact has none.
    EXPECT_EQ(placementRadiusKm(PlacePrecision::Exact), 0.0);
    EXPECT_LT(placementRadiusKm(PlacePrecision::NearTown), placementRadiusKm(PlacePrecision::District));
    EXPECT_LT(placementRadiusKm(PlacePrecision::District), placementRadiusKm(PlacePrecision::Governorate));
    // Off: none.
    request.placementHalos = false;
    EXPECT_TRUE(buildScene(dataset, request).halos.empty());
}

TEST(Scene, ClustersAboveTheThresholdAndKeepsEveryEventCounted) {
    const Dataset dataset = atlas::bench::makeSyntheticDataset(20'000, 7);
    const std::vector<EventSymbol> symbols = resolveSymbols(dataset);
    const std::vector<std::uint32_t> events = allEvents(dataset);
    SceneRequest request;
    request.view = ViewTransform::fitting(GeoBox{35.0, 32.0, 42.5, 37.5}, 1200, 900);
    request.width = 1200;
    request.height = 900;
    request.events = events;
    request.symbols = &symbols;
    const Scene scene = buildScene(dataset, request);
    ASSERT_TRUE(scene.clustered());
    std::size_t counted = scene.symbols.size();
    for (const ClusterMark& cluster : scene.clusters) {
        counted += cluster.count;
        EXPECT_GE(cluster.count, 2u);
        EXPECT_EQ(cluster.label, abbreviateCount(cluster.count));
        EXPECT_FLOAT_EQ(cluster.radius, static_cast<float>(clusterRadius(cluster.count)));
    }
    EXPECT_EQ(counted, scene.eventsInView);
    // No two clusters overlap: each one and its number can be read.
    for (std::size_t i = 0; i < scene.clusters.size(); ++i)
        for (std::size_t j = i + 1; j < scene.clusters.size(); ++j) {
            const auto& a = scene.clusters[i];
            const auto& b = scene.clusters[j];
            EXPECT_GE(std::hypot(a.centre.x - b.centre.x, a.centre.y - b.centre.y), a.radius + b.radius) << i << " " << j;
        }
    // A snapshot of every incident draws them all.
    request.clustering = Clustering::EveryIncident;
    const Scene every = buildScene(dataset, request);
    EXPECT_FALSE(every.clustered());
    EXPECT_EQ(every.symbols.size(), scene.eventsInView);
}

TEST(Scene, AreasKeepTheirHolesAndCorridorsAreToScale) {
    Dataset dataset;
    Area area;
    area.id = "pocket";
    area.rings = {{{35, 36}, {35, 37}, {36, 37}, {36, 36}, {35, 36}}, {{35.4, 36.4}, {35.4, 36.6}, {35.6, 36.6}, {35.4, 36.4}}};
    dataset.areas.push_back(area);
    Line corridor;
    corridor.id = "m4";
    corridor.kind = LineKind::SecurityCorridor;
    corridor.path = {{35.8, 36.0}, {35.8, 37.0}};
    corridor.halfWidthKm = 6.0;
    dataset.lines.push_back(corridor);
    const ViewTransform view = ViewTransform::fitting(GeoBox{35.5, 34.8, 37.5, 36.5}, 1000, 800);
    Scene scene;
    addSituation(scene, dataset, view, Date::fromYearMonthDay(2020, 3, 5).value());
    ASSERT_EQ(scene.areas.size(), 1u);
    ASSERT_EQ(scene.areas[0].rings.size(), 2u); // the hole is drawn
    EXPECT_EQ(scene.areas[0].fill.alpha, static_cast<std::uint8_t>(map_style::kAreaFillAlpha * 255 + 0.5));
    ASSERT_EQ(scene.lines.size(), 1u);
    // 12 km wide on the ground, at 35.8°N.
    const PixelPoint south = view.map(GeoPoint{35.8 - 6.0 / 111.2, 36.5}), north = view.map(GeoPoint{35.8 + 6.0 / 111.2, 36.5});
    EXPECT_NEAR(scene.lines[0].bandWidth, std::hypot(north.x - south.x, north.y - south.y), 0.5);
    EXPECT_DOUBLE_EQ(scene.lines[0].width, map_style::kCorridorCentreWidth);
}

TEST(Scene, SitesShowTheirStatusOnTheDayAndAreHitWhereDrawn) {
    const Dataset& dataset = sample();
    const ViewTransform view = ViewTransform::fitting(kIdlib, 1600, 1000);
    Scene scene;
    addSituation(scene, dataset, view, Date::fromYearMonthDay(2020, 11, 5).value());
    ASSERT_FALSE(scene.sites.empty());
    const auto morek = std::find_if(scene.sites.begin(), scene.sites.end(), [](const SiteMark& s) { return s.label.starts_with("Morek"); });
    ASSERT_NE(morek, scene.sites.end());
    EXPECT_TRUE(morek->crossed) << morek->label; // left on 2 November (the withdrawal began on 19 October)
    EXPECT_NE(morek->label.find("evacuated"), std::string::npos);
    const SceneHit hit = hitTest(scene, {morek->centre.x + 3, morek->centre.y - 2});
    EXPECT_EQ(hit.kind, SceneHit::Kind::Site);
    EXPECT_EQ(hit.index, morek->site);
    EXPECT_EQ(hitTest(scene, {morek->centre.x + 40, morek->centre.y + 40}).kind, SceneHit::Kind::Nothing);
}

TEST(Scene, HitTestPicksTheTopmostMark) {
    Scene scene;
    scene.symbols.push_back({{100, 100}, 12, SymbolShape::Circle, {}, 7});
    scene.symbols.push_back({{104, 100}, 6, SymbolShape::Circle, {}, 9}); // smaller, drawn above
    scene.clusters.push_back({{300, 300}, 14, {}, 250, "250"});
    EXPECT_EQ(hitTest(scene, {104, 100}).index, 9u);
    EXPECT_EQ(hitTest(scene, {90, 100}).index, 7u);
    const SceneHit cluster = hitTest(scene, {305, 300});
    EXPECT_EQ(cluster.kind, SceneHit::Kind::Cluster);
    EXPECT_EQ(cluster.count, 250u);
    scene.selected = SymbolMark{{300, 300}, 6, SymbolShape::Circle, {}, 42}; // the selection is above all
    EXPECT_EQ(hitTest(scene, {300, 300}).index, 42u);
}

TEST(Scene, IncidentsStackedOnOnePlaceAreAllFoundThere) {
    Scene scene;
    scene.symbols.push_back({{100, 100}, 12, SymbolShape::Circle, {}, 7});
    scene.symbols.push_back({{100, 100}, 6, SymbolShape::Circle, {}, 9}); // the same place, drawn above
    scene.symbols.push_back({{140, 100}, 6, SymbolShape::Circle, {}, 3}); // elsewhere
    EXPECT_EQ(eventsAt(scene, {100, 100}), (std::vector<std::uint32_t>{9, 7})); // the topmost first
    EXPECT_EQ(eventsAt(scene, {88, 100}), (std::vector<std::uint32_t>{7}));     // only the larger reaches
    EXPECT_TRUE(eventsAt(scene, {300, 300}).empty());
}

TEST(Scene, ClustersPartitionTheEventsInViewAtEveryZoom) {
    const Dataset dataset = atlas::bench::makeSyntheticDataset(20'000, 11);
    const std::vector<EventSymbol> symbols = resolveSymbols(dataset);
    const EventIndex index(dataset);
    const std::vector<std::uint32_t> quarter = index.select(EventFilter::forWindow(*Date::parse("2017-04-01"), *Date::parse("2017-06-30")));
    ASSERT_GT(quarter.size(), 200u);
    std::size_t previousMarks = 0;
    for (const int zoom : {5, 7, 9, 12}) {
        // A 1200 x 800 map at this zoom (256 · 2^z pixels across the world), centred on Syria.
        const double scale = 256.0 * std::pow(2.0, zoom);
        const MercatorPoint centre = toMercator(GeoPoint{35.0, 38.5});
        const double m[9] = {scale, 0, 0, 0, scale, 0, 600 - centre.x * scale, 400 - centre.y * scale, 1};
        SceneRequest request;
        request.view = ViewTransform::fromMatrix(m);
        request.width = 1200;
        request.height = 800;
        request.events = quarter;
        request.symbols = &symbols;
        request.clusterThreshold = 0; // cluster whatever is in view
        const Scene scene = buildScene(dataset, request);
        std::size_t counted = scene.symbols.size();
        for (const ClusterMark& c : scene.clusters) {
            counted += c.count;
            EXPECT_TRUE(c.centre.x > -60 && c.centre.x < 1260 && c.centre.y > -60 && c.centre.y < 860) << "zoom " << zoom;
        }
        EXPECT_EQ(counted, scene.eventsInView) << "zoom " << zoom;
        const std::size_t marks = scene.symbols.size() + scene.clusters.size();
        if (scene.eventsInView > 0) {
            EXPECT_GT(marks, 0u);
        }
        // Closer in, fewer events are in view but they spread over more cells, until the view
        // holds fewer events than cells.
        if (zoom <= 7) {
            EXPECT_GE(marks, previousMarks) << "zoom " << zoom;
        }
        previousMarks = marks;
    }
}

TEST(Scene, ChangesBetweenTwoPullsAreMarkedBehindTheirSymbolsAndWhereDeletedOnesWere) {
    const Dataset& dataset = sample();
    const std::vector<EventSymbol> symbols = resolveSymbols(dataset);
    const std::vector<std::uint32_t> events = allEvents(dataset);
    SceneRequest request = everyIncidentOverIdlib(events, symbols);
    const std::vector<ChangeSpot> spots{{symbols[0].position, symbols[0].radius, PullChange::Kind::Revised, 0, Date()},
                                        {toMercator({36.2, 36.6}), 0.0f, PullChange::Kind::Deleted, 0, Date()},
                                        {toMercator({40.0, 10.0}), 5.0f, PullChange::Kind::Added, 1, Date()}}; // outside the view
    request.changes = spots;
    const Scene scene = buildScene(dataset, request);
    ASSERT_EQ(scene.changes.size(), 2u);
    EXPECT_EQ(scene.changes[0].kind, PullChange::Kind::Revised);
    EXPECT_EQ(scene.changes[0].colour, map_style::kChangeRevised);
    EXPECT_NEAR(scene.changes[0].radius, symbols[0].radius + map_style::kChangeRingWidth, 1e-6); // shows beyond the symbol
    const PixelPoint at = request.view.map(symbols[0].position);
    EXPECT_NEAR(scene.changes[0].centre.x, at.x, 1e-6);
    EXPECT_EQ(scene.changes[1].kind, PullChange::Kind::Deleted);
    EXPECT_EQ(scene.changes[1].colour, map_style::kChangeDeleted);
    EXPECT_EQ(scene.changes[1].radius, map_style::kDeletedMarkRadius);
}

TEST(Scene, ALineIsFoundNearItsPathAndAnAreaInsideItsOutlineButNotInItsHole) {
    Scene scene;
    AreaMark area;
    area.rings = {{{0, 0}, {200, 0}, {200, 200}, {0, 200}, {0, 0}}, {{80, 80}, {120, 80}, {120, 120}, {80, 120}, {80, 80}}};
    area.area = 4;
    scene.areas.push_back(area);
    LineMark line;
    line.path = {{50, 50}, {150, 50}};
    line.width = 2;
    line.line = 2;
    scene.lines.push_back(line);
    EXPECT_EQ(situationAt(scene, {100, 54}).kind, SituationHit::Kind::Line);
    EXPECT_EQ(situationAt(scene, {100, 54}).index, 2u);
    EXPECT_EQ(situationAt(scene, {100, 60}).kind, SituationHit::Kind::Area); // beyond the line's reach, inside the area
    EXPECT_EQ(situationAt(scene, {100, 60}).index, 4u);
    EXPECT_EQ(situationAt(scene, {100, 100}).kind, SituationHit::Kind::Nothing); // the hole
    EXPECT_EQ(situationAt(scene, {250, 100}).kind, SituationHit::Kind::Nothing);
}
