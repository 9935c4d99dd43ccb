#include "atlas/render/screen_clusters.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace atlas::render {

namespace {

struct Cell {
    double sumX = 0, sumY = 0;
    std::uint32_t count = 0;
    std::uint32_t firstMember = 0;
    float firstRadius = 0;
    std::vector<std::pair<Rgb, std::uint32_t>> colours; // few per cell: a vector beats a map
    [[nodiscard]] PixelPoint centre() const { return {sumX / count, sumY / count}; }
    void addColour(Rgb colour, std::uint32_t n) {
        auto it = std::find_if(colours.begin(), colours.end(), [&](const auto& c) { return c.first == colour; });
        if (it == colours.end()) colours.emplace_back(colour, n);
        else it->second += n;
    }
};

} // namespace

std::vector<ScreenCluster> clusterScreenPoints(const std::vector<ScreenPoint>& points, PixelPoint origin, double cellPixels) {
    std::unordered_map<std::int64_t, std::size_t> cellOfKey;
    std::vector<Cell> cells; // in the order first met, for a stable frame
    for (std::size_t i = 0; i < points.size(); ++i) {
        const ScreenPoint& point = points[i];
        const auto cx = static_cast<std::int64_t>(std::floor((point.at.x - origin.x) / cellPixels));
        const auto cy = static_cast<std::int64_t>(std::floor((point.at.y - origin.y) / cellPixels));
        const std::int64_t key = (cx << 32) ^ static_cast<std::uint32_t>(static_cast<std::int32_t>(cy));
        auto [it, added] = cellOfKey.try_emplace(key, cells.size());
        if (added) {
            cells.emplace_back();
            cells.back().firstMember = static_cast<std::uint32_t>(i);
            cells.back().firstRadius = point.radius;
        }
        Cell& cell = cells[it->second];
        cell.sumX += point.at.x;
        cell.sumY += point.at.y;
        ++cell.count;
        cell.addColour(point.colour, 1);
    }
    std::stable_sort(cells.begin(), cells.end(), [](const Cell& a, const Cell& b) { return a.count > b.count; });
    std::vector<Cell> kept;
    for (Cell& cell : cells) {
        const PixelPoint centre = cell.centre();
        const double reach = cell.count == 1 ? cell.firstRadius : clusterRadius(cell.count);
        auto overlapped = std::find_if(kept.begin(), kept.end(), [&](const Cell& k) {
            const PixelPoint c = k.centre();
            return std::hypot(c.x - centre.x, c.y - centre.y) < clusterRadius(std::max<std::uint32_t>(k.count, 2)) + reach + 2.0;
        });
        if (overlapped == kept.end()) {
            kept.push_back(std::move(cell));
            continue;
        }
        overlapped->sumX += cell.sumX;
        overlapped->sumY += cell.sumY;
        overlapped->count += cell.count;
        overlapped->firstMember = std::min(overlapped->firstMember, cell.firstMember);
        for (const auto& [colour, n] : cell.colours) overlapped->addColour(colour, n);
    }
    std::vector<ScreenCluster> out;
    out.reserve(kept.size());
    for (const Cell& cell : kept) {
        const auto most = std::max_element(cell.colours.begin(), cell.colours.end(),
                                           [](const auto& a, const auto& b) { return a.second < b.second; });
        ScreenCluster cluster;
        cluster.count = cell.count;
        cluster.colour = most->first;
        cluster.firstMember = cell.firstMember;
        // A single point stays where it is; a cluster sits at the mean of its members.
        cluster.centre = cell.count == 1 ? points[cell.firstMember].at : cell.centre();
        out.push_back(cluster);
    }
    return out;
}

} // namespace atlas::render
