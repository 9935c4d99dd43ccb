#pragma once

// Incidents per area: which area of a reference layer each incident lies in, the classes of a
// colour scale fixed over the whole period, and two periods compared in change bands.
// Counting itself is EventIndex::countByArea (one pass over the filter's rows).

#include "atlas/geo/polygon_index.h"
#include "atlas/model/event_table.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace atlas {

/// Each event's area (the first polygon of `areas` holding its point), by position in the
/// table; -1 outside every one. Done once per dataset and layer, on every core.
[[nodiscard]] std::vector<std::int32_t> locateEvents(const EventTable& events, const PolygonIndex& areas);

/// The classes of a colour scale from 1 to `peak`: each class's highest value, doubling
/// (rounded to 1, 2, 5 × 10ⁿ) up to the first at or above the peak; at most `classes`.
/// Zero stays apart ("none"). [1, 2, 5, 10, 20] for a peak of 17.
[[nodiscard]] std::vector<std::uint64_t> scaleClasses(std::uint64_t peak, int classes = 5);
/// The class `value` falls in (0-based; the last for values above the top); -1 for zero.
[[nodiscard]] int classOf(std::uint64_t value, const std::vector<std::uint64_t>& classes);
/// "1", "2", "3–5", "6–10", "11–20", "> 20"-style labels of the classes.
[[nodiscard]] std::vector<std::string> classLabels(const std::vector<std::uint64_t>& classes);

/// How an area changed from period A to period B, in the bands trend tools use.
enum class ChangeBand : std::uint8_t {
    None,         ///< no incidents in either period
    Fewer25,      ///< down by 25 % or more (to none included)
    Fewer10,      ///< down by 10–25 %
    Stable,       ///< within ±10 %
    More10,       ///< up by 10–25 %
    More25,       ///< up by 25–100 %
    Surge,        ///< up by 100 % or more
    New,          ///< none in A, some in B
};
inline constexpr int kChangeBandCount = 8;
[[nodiscard]] ChangeBand changeBand(std::uint64_t before, std::uint64_t after);
/// "surge (≥ +100 %)" …: the legend's words.
[[nodiscard]] std::string_view describe(ChangeBand band);
/// "surge", "more25", …: the key in CSV and GeoJSON output.
[[nodiscard]] std::string_view toKey(ChangeBand band);
/// (after − before) / before in percent; none when before is zero.
[[nodiscard]] std::optional<double> percentChange(std::uint64_t before, std::uint64_t after);

} // namespace atlas
