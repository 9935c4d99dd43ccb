#include "atlas/geo/polygon_index.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace atlas {

namespace {

// Which side of the line p→q the point r is on (the sign of the cross product).
double orient(double px, double py, double qx, double qy, double rx, double ry) {
    return (qx - px) * (ry - py) - (qy - py) * (rx - px);
}

// Whether segment c→p crosses edge a→b. Points exactly on the line c→p count as above it on
// both edges that meet there, so passing through a shared vertex counts once (or not at all
// when the ring only touches the segment there), as the row sweep's half-open rule does.
bool crosses(double cx, double cy, double px, double py, double ax, double ay, double bx, double by) {
    const bool aAbove = orient(cx, cy, px, py, ax, ay) > 0;
    const bool bAbove = orient(cx, cy, px, py, bx, by) > 0;
    if (aAbove == bAbove) return false;
    const bool cLeft = orient(ax, ay, bx, by, cx, cy) > 0;
    const bool pLeft = orient(ax, ay, bx, by, px, py) > 0;
    return cLeft != pLeft;
}

// Each cell's reference point, as a fraction of the cell: not its exact centre, which on data
// traced from a raster (or drawn on round coordinates) often lies exactly on an edge, where
// the row sweep and the segment test would settle the tie differently.
constexpr double kReferenceX = 0.5 + 0.0137235, kReferenceY = 0.5 - 0.0091527;

} // namespace

PolygonIndex::PolygonIndex(std::span<const GeoPolygon> polygons) : m_polygonCount(polygons.size()) {
    m_x0 = m_y0 = std::numeric_limits<double>::max();
    m_x1 = m_y1 = std::numeric_limits<double>::lowest();
    for (std::size_t p = 0; p < polygons.size(); ++p)
        for (const auto& ring : polygons[p].rings) {
            if (ring.size() < 3) continue;
            const std::size_t ringStart = m_vertices.size();
            for (const GeoPoint& point : ring) {
                if (!std::isfinite(point.longitude) || !std::isfinite(point.latitude)) continue;
                m_vertices.push_back({point.longitude, point.latitude});
                m_edgePolygon.push_back(static_cast<std::int32_t>(p));
            }
            if (m_vertices.size() - ringStart < 3) {
                m_vertices.resize(ringStart);
                m_edgePolygon.resize(ringStart);
                continue;
            }
            for (std::size_t v = ringStart; v < m_vertices.size(); ++v) {
                m_x0 = std::min(m_x0, m_vertices[v].x);
                m_x1 = std::max(m_x1, m_vertices[v].x);
                m_y0 = std::min(m_y0, m_vertices[v].y);
                m_y1 = std::max(m_y1, m_vertices[v].y);
            }
            // Close the ring; the closing vertex starts no edge.
            m_vertices.push_back(m_vertices[ringStart]);
            m_edgePolygon.push_back(-1);
        }
    if (m_vertices.empty()) {
        m_columns = m_rows = 0;
        return;
    }
    const std::size_t edges = m_vertices.size();
    // About two cells per edge: most cells then hold no edge, or a few.
    const double cells = std::clamp(2.0 * static_cast<double>(edges), 1024.0, double(1 << 20));
    const double width = std::max(m_x1 - m_x0, 1e-9), height = std::max(m_y1 - m_y0, 1e-9);
    m_columns = static_cast<int>(std::clamp(std::round(std::sqrt(cells * width / height)), 1.0, 4096.0));
    m_rows = static_cast<int>(std::clamp(std::round(cells / m_columns), 1.0, 4096.0));
    m_cellWidth = width / m_columns;
    m_cellHeight = height / m_rows;
    const std::size_t cellCount = static_cast<std::size_t>(m_columns) * static_cast<std::size_t>(m_rows);

    // The cells each edge passes through: row by row, the columns of the part of the edge in
    // that row's band (widened by a hair, so rounding never leaves out a cell it touches).
    const double slackX = m_cellWidth * 1e-7, slackY = m_cellHeight * 1e-7;
    const auto visitCells = [&](auto&& visit) {
        for (std::size_t e = 0; e + 1 < edges; ++e) {
            if (m_edgePolygon[e] < 0) continue;
            const Vertex a = m_vertices[e], b = m_vertices[e + 1];
            const double lowY = std::min(a.y, b.y) - slackY, highY = std::max(a.y, b.y) + slackY;
            const int row0 = std::clamp(static_cast<int>(std::floor((lowY - m_y0) / m_cellHeight)), 0, m_rows - 1);
            const int row1 = std::clamp(static_cast<int>(std::floor((highY - m_y0) / m_cellHeight)), 0, m_rows - 1);
            for (int row = row0; row <= row1; ++row) {
                double left = std::min(a.x, b.x), right = std::max(a.x, b.x);
                if (a.y != b.y) {
                    const double bandLow = std::max(m_y0 + row * m_cellHeight, std::min(a.y, b.y));
                    const double bandHigh = std::min(m_y0 + (row + 1) * m_cellHeight, std::max(a.y, b.y));
                    const double xLow = a.x + (bandLow - a.y) * (b.x - a.x) / (b.y - a.y);
                    const double xHigh = a.x + (bandHigh - a.y) * (b.x - a.x) / (b.y - a.y);
                    left = std::max(left, std::min(xLow, xHigh));
                    right = std::min(right, std::max(xLow, xHigh));
                }
                const int column0 = std::clamp(static_cast<int>(std::floor((left - slackX - m_x0) / m_cellWidth)), 0, m_columns - 1);
                const int column1 = std::clamp(static_cast<int>(std::floor((right + slackX - m_x0) / m_cellWidth)), 0, m_columns - 1);
                for (int column = column0; column <= column1; ++column)
                    visit(static_cast<std::size_t>(row) * static_cast<std::size_t>(m_columns) + static_cast<std::size_t>(column),
                          static_cast<std::uint32_t>(e));
            }
        }
    };
    m_cellEdgeBegin.assign(cellCount + 1, 0);
    visitCells([&](std::size_t cell, std::uint32_t) { ++m_cellEdgeBegin[cell + 1]; });
    for (std::size_t cell = 0; cell < cellCount; ++cell) m_cellEdgeBegin[cell + 1] += m_cellEdgeBegin[cell];
    m_cellEdges.resize(m_cellEdgeBegin.back());
    {
        std::vector<std::uint32_t> next(m_cellEdgeBegin.begin(), m_cellEdgeBegin.end() - 1);
        visitCells([&](std::size_t cell, std::uint32_t edge) { m_cellEdges[next[cell]++] = edge; });
    }

    // The polygons holding each cell's reference point: along each row's centre line, the crossings of
    // the edges listed in that row, swept left to right.
    m_cellInsideBegin.assign(cellCount + 1, 0);
    std::vector<std::uint32_t> seenInRow(edges, std::numeric_limits<std::uint32_t>::max());
    std::vector<std::pair<double, std::int32_t>> crossings;
    std::vector<std::int32_t> active; // sorted
    for (int row = 0; row < m_rows; ++row) {
        const double centreY = m_y0 + (row + kReferenceY) * m_cellHeight;
        crossings.clear();
        const std::size_t rowBegin = static_cast<std::size_t>(row) * static_cast<std::size_t>(m_columns);
        for (std::size_t cell = rowBegin; cell < rowBegin + static_cast<std::size_t>(m_columns); ++cell)
            for (std::uint32_t i = m_cellEdgeBegin[cell]; i < m_cellEdgeBegin[cell + 1]; ++i) {
                const std::uint32_t e = m_cellEdges[i];
                if (seenInRow[e] == static_cast<std::uint32_t>(row)) continue;
                seenInRow[e] = static_cast<std::uint32_t>(row);
                const Vertex a = m_vertices[e], b = m_vertices[e + 1];
                if ((a.y > centreY) != (b.y > centreY))
                    crossings.emplace_back(a.x + (centreY - a.y) * (b.x - a.x) / (b.y - a.y), m_edgePolygon[e]);
            }
        std::sort(crossings.begin(), crossings.end());
        active.clear();
        std::size_t next = 0;
        for (int column = 0; column < m_columns; ++column) {
            const double centreX = m_x0 + (column + kReferenceX) * m_cellWidth;
            for (; next < crossings.size() && crossings[next].first < centreX; ++next) {
                const std::int32_t polygon = crossings[next].second;
                const auto at = std::lower_bound(active.begin(), active.end(), polygon);
                if (at != active.end() && *at == polygon) active.erase(at);
                else active.insert(at, polygon);
            }
            const std::size_t cell = rowBegin + static_cast<std::size_t>(column);
            m_cellInside.insert(m_cellInside.end(), active.begin(), active.end());
            m_cellInsideBegin[cell + 1] = static_cast<std::uint32_t>(m_cellInside.size());
        }
    }
    m_cellInside.shrink_to_fit();
}

std::int64_t PolygonIndex::cellOf(double x, double y) const {
    if (m_columns == 0 || !(x >= m_x0 && x <= m_x1 && y >= m_y0 && y <= m_y1)) return -1;
    const int column = std::min(static_cast<int>((x - m_x0) / m_cellWidth), m_columns - 1);
    const int row = std::min(static_cast<int>((y - m_y0) / m_cellHeight), m_rows - 1);
    return static_cast<std::int64_t>(row) * m_columns + column;
}

std::int32_t PolygonIndex::locate(GeoPoint point) const {
    const double x = point.longitude, y = point.latitude;
    const std::int64_t found = cellOf(x, y);
    if (found < 0) return -1;
    const auto cell = static_cast<std::size_t>(found);
    const std::uint32_t insideBegin = m_cellInsideBegin[cell], insideEnd = m_cellInsideBegin[cell + 1];
    const std::uint32_t edgeBegin = m_cellEdgeBegin[cell], edgeEnd = m_cellEdgeBegin[cell + 1];
    if (edgeBegin == edgeEnd) return insideBegin == insideEnd ? -1 : m_cellInside[insideBegin];

    // Start from the centre's answer and flip a polygon's at each of its edges crossed on the
    // way to the point. A cell holds few polygons: a short list, searched linearly.
    const double centreX = m_x0 + (static_cast<double>(cell % static_cast<std::size_t>(m_columns)) + kReferenceX) * m_cellWidth;
    const double centreY = m_y0 + (static_cast<double>(cell / static_cast<std::size_t>(m_columns)) + kReferenceY) * m_cellHeight;
    struct Parity {
        std::int32_t polygon;
        bool inside;
    };
    Parity small[16];
    std::vector<Parity> large;
    std::size_t count = 0;
    const auto flip = [&](std::int32_t polygon) {
        Parity* items = large.empty() ? small : large.data();
        for (std::size_t i = 0; i < count; ++i)
            if (items[i].polygon == polygon) {
                items[i].inside = !items[i].inside;
                return;
            }
        if (large.empty() && count == std::size(small)) large.assign(small, small + count);
        if (large.empty()) small[count] = {polygon, true};
        else large.push_back({polygon, true});
        ++count;
    };
    for (std::uint32_t i = insideBegin; i < insideEnd; ++i) flip(m_cellInside[i]);
    for (std::uint32_t i = edgeBegin; i < edgeEnd; ++i) {
        const std::uint32_t e = m_cellEdges[i];
        const Vertex a = m_vertices[e], b = m_vertices[e + 1];
        if (crosses(centreX, centreY, x, y, a.x, a.y, b.x, b.y)) flip(m_edgePolygon[e]);
    }
    const Parity* items = large.empty() ? small : large.data();
    std::int32_t first = -1;
    for (std::size_t i = 0; i < count; ++i)
        if (items[i].inside && (first < 0 || items[i].polygon < first)) first = items[i].polygon;
    return first;
}

std::size_t PolygonIndex::memoryBytes() const {
    return m_vertices.capacity() * sizeof(Vertex) + m_edgePolygon.capacity() * sizeof(std::int32_t) +
           (m_cellEdgeBegin.capacity() + m_cellEdges.capacity() + m_cellInsideBegin.capacity()) * sizeof(std::uint32_t) +
           m_cellInside.capacity() * sizeof(std::int32_t);
}

} // namespace atlas
