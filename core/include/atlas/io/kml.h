#pragma once

#include "atlas/model/dataset.h"

#include <cstdint>
#include <ostream>
#include <span>

namespace atlas {

/// The selected events as KML 2.2 for Google Earth: one Placemark per event with a
/// TimeStamp (or a TimeSpan for events over several days) so the time slider works, styled
/// per side (one shared Style per side, its icon in the side's colour), and the event's
/// fields as ExtendedData. Elements follow the order the KML 2.2 schema prescribes. KML is
/// written only.
void writeKml(const Dataset& dataset, std::span<const std::uint32_t> events, std::ostream& out);

} // namespace atlas
