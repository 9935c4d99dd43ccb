#include "atlas/query/area_aggregation.h"

#include <algorithm>
#include <thread>

namespace atlas {

std::vector<std::int32_t> locateEvents(const EventTable& events, const PolygonIndex& areas) {
    const std::size_t n = events.size();
    std::vector<std::int32_t> area(n, -1);
    if (areas.empty()) return area;
    const auto locate = [&](std::size_t begin, std::size_t end) {
        for (std::size_t row = begin; row < end; ++row) area[row] = areas.locate(events.point(row));
    };
    const std::size_t threads = n < 100'000 ? 1 : std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
    std::vector<std::thread> helpers;
    for (std::size_t t = 1; t < threads; ++t) helpers.emplace_back(locate, n * t / threads, n * (t + 1) / threads);
    locate(0, n / threads);
    for (std::thread& helper : helpers) helper.join();
    return area;
}

namespace {

// The smallest of 1, 2, 5 × 10ⁿ at or above `value`.
std::uint64_t niceCeiling(double value) {
    std::uint64_t decade = 1;
    for (;;) {
        for (std::uint64_t step : {1u, 2u, 5u})
            if (static_cast<double>(step * decade) >= value) return step * decade;
        if (decade > std::uint64_t{1} << 60) return decade;
        decade *= 10;
    }
}

} // namespace

std::vector<std::uint64_t> scaleClasses(std::uint64_t peak, int classes) {
    classes = std::max(classes, 1);
    std::vector<std::uint64_t> tops;
    if (peak == 0) return {1};
    // From the top down: the peak's nice ceiling, then halving, so the lowest classes stay
    // narrow (one incident is not lost among twenty).
    double value = static_cast<double>(peak);
    for (int i = 0; i < classes; ++i) {
        const std::uint64_t top = niceCeiling(value);
        if (!tops.empty() && top >= tops.back()) break;
        tops.push_back(top);
        if (top <= 1) break;
        value = static_cast<double>(top) / 2.0;
        if (static_cast<double>(niceCeiling(value)) >= static_cast<double>(top)) value = static_cast<double>(top) / 2.5;
    }
    std::reverse(tops.begin(), tops.end());
    return tops;
}

int classOf(std::uint64_t value, const std::vector<std::uint64_t>& classes) {
    if (value == 0 || classes.empty()) return -1;
    const auto found = std::lower_bound(classes.begin(), classes.end(), value);
    return found == classes.end() ? static_cast<int>(classes.size()) - 1 : static_cast<int>(found - classes.begin());
}

std::vector<std::string> classLabels(const std::vector<std::uint64_t>& classes) {
    std::vector<std::string> labels;
    std::uint64_t low = 1;
    for (std::size_t i = 0; i < classes.size(); ++i) {
        const std::uint64_t high = classes[i];
        std::string label = low == high ? std::to_string(high) : std::to_string(low) + "–" + std::to_string(high);
        // The top class also takes what a window above the scale's peak may hold.
        if (i + 1 == classes.size() && classes.size() > 1) label = std::to_string(low) + " or more";
        labels.push_back(std::move(label));
        low = high + 1;
    }
    return labels;
}

std::optional<double> percentChange(std::uint64_t before, std::uint64_t after) {
    if (before == 0) return std::nullopt;
    return (static_cast<double>(after) - static_cast<double>(before)) * 100.0 / static_cast<double>(before);
}

ChangeBand changeBand(std::uint64_t before, std::uint64_t after) {
    if (before == 0) return after == 0 ? ChangeBand::None : ChangeBand::New;
    const double change = *percentChange(before, after);
    if (change >= 100.0) return ChangeBand::Surge;
    if (change >= 25.0) return ChangeBand::More25;
    if (change > 10.0) return ChangeBand::More10;
    if (change >= -10.0) return ChangeBand::Stable;
    if (change > -25.0) return ChangeBand::Fewer10;
    return ChangeBand::Fewer25;
}

std::string_view describe(ChangeBand band) {
    switch (band) {
    case ChangeBand::None: return "none in either period";
    case ChangeBand::Fewer25: return "down 25 % or more";
    case ChangeBand::Fewer10: return "down 10–25 %";
    case ChangeBand::Stable: return "within ±10 %";
    case ChangeBand::More10: return "up 10–25 %";
    case ChangeBand::More25: return "up 25–100 %";
    case ChangeBand::Surge: return "surge: up 100 % or more";
    case ChangeBand::New: return "new: none before";
    }
    return "";
}

std::string_view toKey(ChangeBand band) {
    switch (band) {
    case ChangeBand::None: return "none";
    case ChangeBand::Fewer25: return "down25";
    case ChangeBand::Fewer10: return "down10";
    case ChangeBand::Stable: return "stable";
    case ChangeBand::More10: return "up10";
    case ChangeBand::More25: return "up25";
    case ChangeBand::Surge: return "surge";
    case ChangeBand::New: return "new";
    }
    return "";
}

} // namespace atlas
