#pragma once

#include "atlas/geo/geo.h"

namespace atlas::render {

/// A point on the image or screen, in pixels, y down.
struct PixelPoint {
    double x = 0.0;
    double y = 0.0;
    friend bool operator==(const PixelPoint&, const PixelPoint&) = default;
};

/// How a view draws the world: a projective mapping from normalised Web Mercator to pixels
/// (row vector times matrix, as QTransform: x' = (m11 x + m21 y + m31) / w). A snapshot's is a
/// scale and a shift; the window's comes from the map, whose bearing and tilt make it projective.
class ViewTransform {
public:
    ViewTransform() = default;
    /// The matrix in QTransform's order m11, m12, m13, m21, m22, m23, m31, m32, m33.
    static ViewTransform fromMatrix(const double (&m)[9]);
    /// `box` fitted into a width × height image: the whole box shows, centred, widened on one axis
    /// to the image's proportions, north up.
    static ViewTransform fitting(const GeoBox& box, double width, double height);

    [[nodiscard]] PixelPoint map(MercatorPoint point) const;
    [[nodiscard]] PixelPoint map(GeoPoint point) const { return map(toMercator(point)); }
    /// How many pixels one kilometre on the ground measures at `where` (north–south), for things
    /// drawn to scale such as a corridor's width.
    [[nodiscard]] double pixelsPerKm(GeoPoint where) const;
    [[nodiscard]] const double (&matrix() const)[9] { return m_m; }

private:
    double m_m[9] = {1, 0, 0, 0, 1, 0, 0, 0, 1};
};

} // namespace atlas::render
