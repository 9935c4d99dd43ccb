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
