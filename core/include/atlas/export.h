#pragma once

#include "atlas/dataset.h"

#include <cstdint>
#include <ostream>
#include <span>

namespace atlas {

/// The selected events (positions in dataset.events) as a GeoJSON FeatureCollection
/// (RFC 7946): one Point feature each, with id, date, type, actors, casualties, place,
/// description and sources as properties.
void writeGeoJson(const Dataset& dataset, std::span<const std::uint32_t> events, std::ostream& out);

/// The selected events as CSV with ACLED-like columns (event_id_cnty, event_date,
/// time_precision, event_type, sub_event_type (ACLED's names), actor1, assoc_actor_1, actor2, assoc_actor_2,
/// civilian_targeting, admin1, admin2, location, latitude, longitude, geo_precision, source,
/// notes, fatalities, tags), RFC 4180 quoted, so spreadsheets and ACLED tooling open it.
void writeCsv(const Dataset& dataset, std::span<const std::uint32_t> events, std::ostream& out);

/// The selected events as KML 2.2 for Google Earth: one Placemark per event with a
/// TimeStamp (or a TimeSpan for events over several days) so the time slider works, styled
/// per side (one shared Style per side, its icon in the side's colour), and the event's
/// fields as ExtendedData. Elements follow the order the KML 2.2 schema prescribes.
void writeKml(const Dataset& dataset, std::span<const std::uint32_t> events, std::ostream& out);

/// A dataset holding only the selected events, with all actors, sites, lines and areas.
[[nodiscard]] Dataset subset(const Dataset& dataset, std::span<const std::uint32_t> events);

} // namespace atlas
