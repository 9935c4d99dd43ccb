// The hexagonal grid (geo/hexagons): every point in the hexagon whose centre is nearest.
#include "atlas/geo/hexagons.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace atlas;

TEST(Hexagons, APointIsInTheHexagonWithTheNearestCentre) {
    std::mt19937_64 random(3);
    std::uniform_real_distribution<double> unit(0.55, 0.65);
    const double size = 0.0004;
    for (int i = 0; i < 20000; ++i) {
        const MercatorPoint p{unit(random), unit(random)};
        const HexCoordinate hex = hexOf(p, size);
        const MercatorPoint c = hexCentre(hex, size);
        const double own = std::hypot(p.x - c.x, p.y - c.y);
        ASSERT_LE(own, size * 1.0000001); // within its hexagon's corner radius
        for (const auto [dq, dr] : {std::pair{1, 0}, {0, 1}, {-1, 1}, {-1, 0}, {0, -1}, {1, -1}}) {
            const MercatorPoint n = hexCentre({hex.q + dq, hex.r + dr}, size);
            ASSERT_LE(own, std::hypot(p.x - n.x, p.y - n.y) + 1e-12);
        }
    }
}

TEST(Hexagons, CornersAreOneSizeFromTheCentre) {
    const auto corners = hexCorners({3, -2}, 2.0);
    const MercatorPoint c = hexCentre({3, -2}, 2.0);
    for (const MercatorPoint& p : corners) EXPECT_NEAR(std::hypot(p.x - c.x, p.y - c.y), 2.0, 1e-9);
    EXPECT_NEAR(corners[0].x, c.x, 1e-9); // the top corner first
    EXPECT_LT(corners[0].y, c.y);
    EXPECT_NE(hexKey({1, 2}), hexKey({2, 1}));
    EXPECT_EQ(hexOf(c, 2.0), (HexCoordinate{3, -2}));
}
