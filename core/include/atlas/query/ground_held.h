#pragma once

// Who held the ground: each incident joined to the control area in force on its date that
// holds its point (the dataset's areas: a controller and a validity each). "Air strikes by
// any side into opposition-held ground, per month" is then a filter (EventFilter::heldBy) and
// a histogram split (HistogramSplit::ByGroundHeld).

#include "atlas/model/dataset.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace atlas {

/// The control area (position in dataset.areas) in force on each event's date that holds its
/// point, by position in dataset.events; -1 for none. Where two areas in force overlap, the
/// one whose validity began last is taken (the newer claim), then the first listed.
[[nodiscard]] std::vector<std::int32_t> groundHeldAt(const Dataset& dataset);

/// The same for one point and day.
[[nodiscard]] std::optional<std::size_t> controlAreaAt(const Dataset& dataset, GeoPoint point, Date day);

} // namespace atlas
