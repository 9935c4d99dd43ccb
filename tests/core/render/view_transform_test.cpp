// How a view maps the world to pixels (render/view_transform).
#include "atlas/render/view_transform.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace atlas;
using namespace atlas::render;

namespace {

const GeoBox kIdlib{35.6, 34.9, 37.7, 36.75};

} // namespace

TEST(ViewTransform, FittingPutsTheBoxCornersOnTheImageEdges) {
    // 3° wide and half a degree tall: the width binds, the height is centred.
    const GeoBox wide{35.0, 35.5, 38.0, 36.0};
    const ViewTransform view = ViewTransform::fitting(wide, 1000, 1000);
    const PixelPoint west = view.map(GeoPoint{35.8, wide.minLongitude});
    const PixelPoint east = view.map(GeoPoint{35.8, wide.maxLongitude});
    EXPECT_NEAR(west.x, 0.0, 1e-6);
    EXPECT_NEAR(east.x, 1000.0, 1e-6);
    EXPECT_NEAR(west.y, east.y, 1e-9);
    const PixelPoint top = view.map(GeoPoint{wide.maxLatitude, 36.5}), bottom = view.map(GeoPoint{wide.minLatitude, 36.5});
    EXPECT_NEAR(top.y + bottom.y, 1000.0, 1e-6);
    EXPECT_LT(bottom.y - top.y, 1000.0);
    // North is up.
    EXPECT_LT(view.map(GeoPoint{36.5, 36.5}).y, view.map(GeoPoint{35.5, 36.5}).y);
}

TEST(ViewTransform, PixelsPerKmMatchesTheGroundDistance) {
    const ViewTransform view = ViewTransform::fitting(kIdlib, 1600, 1000);
    const GeoPoint idlib{35.93, 36.63};
    // 0.5° of latitude is 55.6 km on the ground (111.2 km per degree).
    const PixelPoint a = view.map(GeoPoint{idlib.latitude - 0.25, idlib.longitude});
    const PixelPoint b = view.map(GeoPoint{idlib.latitude + 0.25, idlib.longitude});
    const double pixels = std::hypot(a.x - b.x, a.y - b.y);
    EXPECT_NEAR(view.pixelsPerKm(idlib), pixels / 55.6, pixels / 55.6 * 0.01);
}

TEST(ViewTransform, AProjectiveMatrixIsAppliedWithItsDivision) {
    // QTransform's order; w = 0.5 x + 1 halves nothing at the origin and divides by 1.5 at x = 1.
    const double m[9] = {2, 0, 0.5, 0, 2, 0, 10, 20, 1};
    const ViewTransform view = ViewTransform::fromMatrix(m);
    const PixelPoint origin = view.map(MercatorPoint{0, 0});
    EXPECT_DOUBLE_EQ(origin.x, 10);
    EXPECT_DOUBLE_EQ(origin.y, 20);
    const PixelPoint p = view.map(MercatorPoint{1, 0});
    EXPECT_DOUBLE_EQ(p.x, 12 / 1.5);
    EXPECT_DOUBLE_EQ(p.y, 20 / 1.5);
}
