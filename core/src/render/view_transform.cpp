#include "atlas/render/view_transform.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace atlas::render {

namespace {
constexpr double kEarthCircumferenceKm = 40075.017;
}

ViewTransform ViewTransform::fromMatrix(const double (&m)[9]) {
    ViewTransform t;
    std::copy(std::begin(m), std::end(m), t.m_m);
    return t;
}

ViewTransform ViewTransform::fitting(const GeoBox& box, double width, double height) {
    const MercatorPoint topLeft = toMercator({box.maxLatitude, box.minLongitude});
    const MercatorPoint bottomRight = toMercator({box.minLatitude, box.maxLongitude});
    const double spanX = std::max(bottomRight.x - topLeft.x, 1e-9), spanY = std::max(bottomRight.y - topLeft.y, 1e-9);
    const double scale = std::min(width / spanX, height / spanY);
    const double centreX = (topLeft.x + bottomRight.x) / 2, centreY = (topLeft.y + bottomRight.y) / 2;
    ViewTransform t;
    const double m[9] = {scale, 0, 0, 0, scale, 0, width / 2 - centreX * scale, height / 2 - centreY * scale, 1};
    std::copy(std::begin(m), std::end(m), t.m_m);
    return t;
}

PixelPoint ViewTransform::map(MercatorPoint p) const {
    const double x = m_m[0] * p.x + m_m[3] * p.y + m_m[6];
    const double y = m_m[1] * p.x + m_m[4] * p.y + m_m[7];
    const double w = m_m[2] * p.x + m_m[5] * p.y + m_m[8];
    if (w == 0.0) return {x, y};
    return {x / w, y / w};
}

double ViewTransform::pixelsPerKm(GeoPoint where) const {
    // One kilometre north–south is 1 / (C · cos φ) of the Mercator square at latitude φ.
    const MercatorPoint at = toMercator(where);
    const double unitsPerKm = 1.0 / (kEarthCircumferenceKm * std::cos(where.latitude * std::numbers::pi / 180.0));
    const double step = unitsPerKm * 10.0; // ten kilometres: far from rounding, close enough to be local
    const PixelPoint a = map(MercatorPoint{at.x, at.y - step / 2}), b = map(MercatorPoint{at.x, at.y + step / 2});
    return std::hypot(b.x - a.x, b.y - a.y) / 10.0;
}

} // namespace atlas::render
