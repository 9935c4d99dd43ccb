// PolygonIndex (geo/polygon_index): the same answer as testing every polygon's rings, point by
// point, on awkward shapes — concave, holed, multi-part, self-crossing, overlapping, tiny.
#include "atlas/geo/polygon_index.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace atlas;

namespace {

// The first polygon holding the point, the slow way.
std::int32_t bruteForce(const std::vector<GeoPolygon>& polygons, GeoPoint p) {
    for (std::size_t i = 0; i < polygons.size(); ++i)
        if (polygons[i].contains(p)) return static_cast<std::int32_t>(i);
    return -1;
}

// A star with `spikes` points and a wobbly outline of many vertices round (lat, lon).
std::vector<GeoPoint> star(double lat, double lon, double radius, int spikes, int vertices, std::mt19937_64& random) {
    std::uniform_real_distribution<double> wobble(0.75, 1.0);
    std::vector<GeoPoint> ring;
    for (int i = 0; i < vertices; ++i) {
        const double angle = 2 * 3.14159265358979 * i / vertices;
        const double r = radius * (0.55 + 0.45 * std::cos(spikes * angle)) * wobble(random);
        ring.push_back({lat + r * std::sin(angle), lon + r * std::cos(angle)});
    }
    return ring;
}

std::vector<GeoPolygon> awkwardPolygons(std::mt19937_64& random) {
    std::vector<GeoPolygon> polygons;
    // Concave stars of many vertices, two overlapping.
    polygons.push_back({{star(35.5, 36.5, 0.6, 5, 400, random)}});
    polygons.push_back({{star(35.7, 36.9, 0.5, 7, 300, random)}});
    // A square with a hole, and a second part inside the hole (even–odd).
    polygons.push_back({{{{34.0, 37.0}, {34.0, 38.0}, {35.0, 38.0}, {35.0, 37.0}},
                         {{34.2, 37.2}, {34.8, 37.2}, {34.8, 37.8}, {34.2, 37.8}},
                         {{34.4, 37.4}, {34.6, 37.4}, {34.6, 37.6}, {34.4, 37.6}}}});
    // A bow tie: its ring crosses itself.
    polygons.push_back({{{{33.0, 36.0}, {34.0, 37.0}, {33.0, 37.0}, {34.0, 36.0}}}});
    // A sliver and a tiny triangle.
    polygons.push_back({{{{36.0, 38.0}, {36.0001, 39.0}, {36.0, 39.0}}}});
    polygons.push_back({{{{36.5, 36.0}, {36.5001, 36.0}, {36.5, 36.0001}}}});
    // A closed ring (first point repeated), as GeoJSON writes them.
    polygons.push_back({{{{32.5, 35.8}, {32.5, 36.4}, {32.9, 36.4}, {32.5, 35.8}}}});
    return polygons;
}

} // namespace

TEST(PolygonIndex, AgreesWithTestingEveryRingOnAwkwardShapes) {
    std::mt19937_64 random(11);
    const std::vector<GeoPolygon> polygons = awkwardPolygons(random);
    const PolygonIndex index(polygons);
    EXPECT_EQ(index.polygonCount(), polygons.size());
    std::uniform_real_distribution<double> lat(32.0, 37.0), lon(35.0, 40.0);
    int inside = 0;
    for (int i = 0; i < 200'000; ++i) {
        const GeoPoint p{lat(random), lon(random)};
        const std::int32_t expected = bruteForce(polygons, p);
        ASSERT_EQ(index.locate(p), expected) << p.latitude << ", " << p.longitude;
        inside += expected >= 0;
    }
    EXPECT_GT(inside, 10'000); // the test does exercise the inside (about 7 %)
}

TEST(PolygonIndex, AgreesNearEdgesAndVertices) {
    // Points a hair off each edge's middle and each vertex of a detailed polygon.
    std::mt19937_64 random(5);
    const std::vector<GeoPolygon> polygons = awkwardPolygons(random);
    const PolygonIndex index(polygons);
    std::uniform_real_distribution<double> hair(-1e-7, 1e-7);
    for (const GeoPolygon& polygon : polygons)
        for (const auto& ring : polygon.rings)
            for (std::size_t v = 0; v < ring.size(); ++v) {
                const GeoPoint a = ring[v], b = ring[(v + 1) % ring.size()];
                for (const GeoPoint p : {GeoPoint{(a.latitude + b.latitude) / 2 + hair(random), (a.longitude + b.longitude) / 2 + hair(random)},
                                         GeoPoint{a.latitude + hair(random), a.longitude + hair(random)}})
                    ASSERT_EQ(index.locate(p), bruteForce(polygons, p)) << p.latitude << ", " << p.longitude;
            }
}

TEST(PolygonIndex, PointsOutsideAndEmptyIndexes) {
    const PolygonIndex none;
    EXPECT_TRUE(none.empty());
    EXPECT_EQ(none.locate({35, 36}), -1);
    const std::vector<GeoPolygon> degenerate{GeoPolygon{{{{35, 36}, {35, 37}}}}, GeoPolygon{}};
    const PolygonIndex index(degenerate); // rings of fewer than three points are no area
    EXPECT_EQ(index.locate({35, 36.5}), -1);
    const std::vector<GeoPolygon> square{GeoPolygon{{{{35, 36}, {35, 37}, {36, 37}, {36, 36}}}}};
    const PolygonIndex one(square);
    EXPECT_EQ(one.locate({35.5, 36.5}), 0);
    EXPECT_EQ(one.locate({37, 36.5}), -1);
    EXPECT_EQ(one.locate({35.5, std::nan("")}), -1);
    EXPECT_GT(one.memoryBytes(), 0u);
}
