#pragma once

// Which polygon a point is in, for many points against many detailed polygons (a district
// layer of some 300 polygons with 100,000 vertices against a million incidents).
//
// Hand-written because a measured speed demands it (docs/benchmarks.md: GDAL/GEOS prepared
// geometries do the same join several times slower). A grid over the polygons' bounds holds,
// per cell, the polygon edges that cross it and the polygons that contain its centre. A point
// in a cell no edge crosses takes the cell's answer at once — most points; otherwise the
// segment from the cell's centre to the point is tested against the cell's few edges: each
// crossing flips inside/outside (even–odd, as GeoPolygon::contains).

#include "atlas/geo/geo.h"

#include <cstdint>
#include <span>
#include <vector>

namespace atlas {

class PolygonIndex {
public:
    PolygonIndex() = default;
    /// Indexes `polygons` (each: rings in degrees, even–odd, as GeoJSON polygons and
    /// multipolygons are); they may overlap.
    explicit PolygonIndex(std::span<const GeoPolygon> polygons);

    /// The first polygon (lowest index) containing `point`, or -1 when none does. A point on an
    /// edge shared by two polygons is in one of them.
    [[nodiscard]] std::int32_t locate(GeoPoint point) const;
    [[nodiscard]] bool containsAny(GeoPoint point) const { return locate(point) >= 0; }
    [[nodiscard]] std::size_t polygonCount() const { return m_polygonCount; }
    [[nodiscard]] bool empty() const { return m_polygonCount == 0; }
    [[nodiscard]] std::size_t memoryBytes() const;

private:
    struct Vertex {
        double x, y; // longitude, latitude
    };
    [[nodiscard]] std::int64_t cellOf(double x, double y) const;

    std::size_t m_polygonCount = 0;
    double m_x0 = 0, m_y0 = 0, m_x1 = 0, m_y1 = 0; // the polygons' bounds
    double m_cellWidth = 1, m_cellHeight = 1;
    int m_columns = 0, m_rows = 0;
    // Every ring's vertices with its first repeated at the end: edge e runs from m_vertices[e]
    // to m_vertices[e + 1]; m_edgePolygon[e] is its polygon (-1 after a ring's last vertex).
    std::vector<Vertex> m_vertices;
    std::vector<std::int32_t> m_edgePolygon;
    // Per cell (row-major), compressed: the edges crossing it, and the polygons holding its centre.
    std::vector<std::uint32_t> m_cellEdgeBegin, m_cellEdges;
    std::vector<std::uint32_t> m_cellInsideBegin;
    std::vector<std::int32_t> m_cellInside;
};

} // namespace atlas
