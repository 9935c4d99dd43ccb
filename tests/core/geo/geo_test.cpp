// Web Mercator and tiles (geo/geo).
#include "atlas/geo/geo.h"
#include "atlas/style/style.h"

#include <gtest/gtest.h>

using namespace atlas;

TEST(WebMercator, MatchesTheTileGrid) {
    // Null Island is the middle of the world tile; Idlib city (36.63 E) lies in tile x=2464 at z=12.
    const MercatorPoint centre = toMercator({0.0, 0.0});
    EXPECT_DOUBLE_EQ(centre.x, 0.5);
    EXPECT_NEAR(centre.y, 0.5, 1e-12);
    const MercatorPoint idlib = toMercator({35.93, 36.63});
    EXPECT_EQ(static_cast<int>(idlib.x * 4096), 2464);
    const GeoPoint back = fromMercator(idlib);
    EXPECT_NEAR(back.latitude, 35.93, 1e-9);
    EXPECT_NEAR(back.longitude, 36.63, 1e-9);
}

TEST(WebMercator, TilesCoveringABox) {
    const TileRange world = tilesCovering({-180, -85, 180, 85}, 1);
    EXPECT_EQ(world.count(), 4);
    const TileRange idlib = tilesCovering({36.0, 35.5, 37.0, 36.5}, 10);
    EXPECT_GT(idlib.count(), 4);
    EXPECT_LE(idlib.minX, idlib.maxX);
}

TEST(Geodesy, DistancesAndBearingsOnTheSphere) {
    // One degree of a great circle is the radius × π/180: 111.195 km.
    EXPECT_NEAR(greatCircleKm({0, 0}, {0, 1}), 111.195, 0.001);
    EXPECT_NEAR(greatCircleKm({0, 0}, {1, 0}), 111.195, 0.001);
    EXPECT_DOUBLE_EQ(greatCircleKm({36.1, 36.5}, {36.1, 36.5}), 0.0);
    // Along a parallel the distance shrinks with the cosine of the latitude (short spans).
    EXPECT_NEAR(greatCircleKm({60, 10}, {60, 10.01}), 111.195 * 0.01 * 0.5, 0.001);
    // Antipodes: half the circumference.
    EXPECT_NEAR(greatCircleKm({0, 0}, {0, 180}), 20015.1, 0.1);
    EXPECT_NEAR(initialBearingDegrees({0, 0}, {1, 0}), 0.0, 1e-9);    // north
    EXPECT_NEAR(initialBearingDegrees({0, 0}, {0, 1}), 90.0, 1e-9);   // east
    EXPECT_NEAR(initialBearingDegrees({0, 0}, {-1, 0}), 180.0, 1e-9); // south
    EXPECT_NEAR(initialBearingDegrees({0, 0}, {0, -1}), 270.0, 1e-9); // west
    // Going east from 60° N, the great circle starts a little north of east.
    EXPECT_LT(initialBearingDegrees({60, 0}, {60, 20}), 90.0);
}

TEST(Geodesy, CoordinatesAsPeopleReadThem) {
    const GeoPoint kafrTakharim{36.1164, 36.5147};
    EXPECT_EQ(formatDecimalDegrees(kafrTakharim), "36.1164\u00B0 N, 36.5147\u00B0 E");
    EXPECT_EQ(formatDegreesMinutesSeconds(kafrTakharim), "36\u00B006\u203259\u2033 N, 36\u00B030\u203253\u2033 E");
    EXPECT_EQ(formatDegreesMinutesSeconds({-0.99999, -179.5}), "1\u00B000\u203200\u2033 S, 179\u00B030\u203200\u2033 W");
}
