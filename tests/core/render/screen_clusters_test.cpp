// The screen clusterer (render/screen_clusters).
#include "atlas/render/screen_clusters.h"

#include <gtest/gtest.h>

using namespace atlas;
using namespace atlas::render;

TEST(ScreenClusters, CellsMoveWithTheWorldNotWithTheScreen) {
    // Three points within one 56-px cell, one far away: panning both by 1000 px keeps the groups.
    std::vector<ScreenPoint> points{{{10, 10}, 6, {1, 0, 0}}, {{20, 30}, 6, {1, 0, 0}}, {{40, 40}, 6, {0, 0, 1}}, {{500, 500}, 6, {0, 1, 0}}};
    const auto before = clusterScreenPoints(points, {0, 0});
    for (ScreenPoint& p : points) p.at.x += 1000;
    const auto after = clusterScreenPoints(points, {1000, 0});
    ASSERT_EQ(before.size(), 2u);
    ASSERT_EQ(after.size(), 2u);
    EXPECT_EQ(before[0].count, 3u);
    EXPECT_EQ(before[0].colour, (Rgb{1, 0, 0})); // two of three are red
    EXPECT_NEAR(before[0].centre.x, 70.0 / 3, 1e-9);
    EXPECT_EQ(before[1].count, 1u);
    EXPECT_EQ(before[1].centre, (PixelPoint{500, 500})); // a single stays where it is
    EXPECT_NEAR(after[0].centre.x, before[0].centre.x + 1000, 1e-9);
}
