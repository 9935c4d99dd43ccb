#pragma once

#include "atlas/io/load_result.h"

#include <cstdint>
#include <ostream>
#include <span>
#include <istream>
#include <string>

namespace atlas {

/// Reads an ACLED CSV export into the model: blocks of records (8 MiB) parsed on every core,
/// joined in file order (the result is as if read one record at a time); the events' texts
/// (notes, sources, tags, kept columns) are held packed (model/packed_details.h).
///
/// Columns are matched by name, in any order, so both the current export (event_id_cnty,
/// event_date, time_precision, disorder_type, event_type, sub_event_type, actor1,
/// assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, interaction, civilian_targeting,
/// iso, region, country, admin1–3, location, latitude, longitude, geo_precision, source,
/// source_scale, notes, fatalities, tags, timestamp) and older ones (data_id,
/// event_id_no_cnty, iso3, ally_actor_*, numeric inter codes, a leading index column) load.
/// Dates may be 2020-10-26, "26 October 2020" or 26-Oct-20. Mapping decisions:
///  - event_id_cnty (else data_id, else event_id_no_cnty) → id;
///  - sub_event_type → type (table in docs/format.md); the original event_type and
///    sub_event_type, and every column the model has no field for, are kept in extra
///    fields named "acled_<column>" so nothing is lost;
///  - actor1 / assoc_actor_1 → perpetrators, actor2 / assoc_actor_2 → targets; actors are
///    created once per name, their side guessed from the inter code and well-known names;
///  - time_precision 1/2/3 → day/week/month; geo_precision 1/2/3 → near town/district/
///    governorate; fatalities n → killed "at least n";
///  - source and tags are split on ';'; notes → description.
/// Bad records are skipped with an error naming file, line, column and field; a file without
/// the required columns (a date, coordinates and an id) is fatal.
/// `sizeHint`: the input's size in bytes when known, to reserve memory up front.
[[nodiscard]] LoadResult readAcledCsv(std::istream& in, const std::string& fileLabel, std::uint64_t sizeHint = 0);
/// `control` (may be null) follows the reading and can cancel it (load_control.h).
[[nodiscard]] LoadResult readAcledCsvFile(const std::string& path, const LoadControl* control = nullptr);

namespace detail {
/// readAcledCsv with blocks of `blockBytes` (tests read with tiny blocks to check that how a
/// file is cut changes nothing).
[[nodiscard]] LoadResult readAcledCsvInBlocks(std::istream& in, const std::string& fileLabel, std::uint64_t sizeHint,
                                              std::size_t blockBytes);
} // namespace detail

/// Parses the date forms ACLED exports have used: 2020-10-26, 26 October 2020, 26-Oct-20,
/// 26/10/2020.
[[nodiscard]] std::optional<Date> parseAcledDate(std::string_view text);

/// The selected events as CSV with ACLED-like columns (event_id_cnty, event_date,
/// time_precision, event_type, sub_event_type (ACLED's names), actor1, assoc_actor_1, actor2,
/// assoc_actor_2, civilian_targeting, admin1, admin2, location, latitude, longitude,
/// geo_precision, source, notes, fatalities, tags), RFC 4180 quoted, so spreadsheets and
/// ACLED tooling open it and readAcledCsv reads it back.
void writeAcledCsv(const Dataset& dataset, std::span<const std::uint32_t> events, std::ostream& out);

} // namespace atlas
