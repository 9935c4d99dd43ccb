#pragma once

// The incident table's columns: what each cell says and how a column orders the events. The
// window's table, its copy and export, and any command that lists events read them here, so
// a row copied from the table says what the table shows.

#include "atlas/model/dataset.h"

#include <array>
#include <optional>
#include <cstdint>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace atlas {

enum class EventColumn { Date, Type, Perpetrator, Target, Killed, Wounded, Place, Precision, Side, Source, Id, Record };
inline constexpr int kEventColumnCount = 12;
/// Every column, in the order the table shows them by default.
inline constexpr std::array<EventColumn, kEventColumnCount> kEventColumns{
    EventColumn::Date,  EventColumn::Type,      EventColumn::Perpetrator, EventColumn::Target,
    EventColumn::Killed, EventColumn::Wounded,  EventColumn::Place,       EventColumn::Precision,
    EventColumn::Side,  EventColumn::Source,    EventColumn::Id,          EventColumn::Record};

/// "date", "perpetrator", … (the header of an exported table, and the name a setting keeps).
[[nodiscard]] std::string_view columnKey(EventColumn column);
/// "Date", "Perpetrator", … (the header the table shows).
[[nodiscard]] std::string_view columnTitle(EventColumn column);
/// The column with this key, if any.
[[nodiscard]] std::optional<EventColumn> columnOfKey(std::string_view key);

/// The text of one cell: the date (with its end for a span), the type, actors by name joined
/// with "; ", casualties as reported ("more than 78", "unknown"), the place (", district" when
/// it has one), how precisely it is placed, the side it is drawn in, the first source's
/// publisher (and how many more), the id, the file and record it was read from ("acled.csv,
/// line 12"; empty when made in memory). Sources are details: a file-backed event reads them.
[[nodiscard]] std::string eventColumnText(const Dataset& dataset, std::uint32_t position, EventColumn column);

/// Orders `positions` (events of `dataset`) by `column`, stably: events that tie keep their
/// order (the window's rows come in date order, so ties stay in date order). Text columns
/// order case-insensitively (ASCII); unknown casualty figures come before every known one.
/// Keys are computed once per event and compared as integers: a million rows take about a
/// tenth of a second (bench_query's BM_SortByColumn).
void sortByColumn(const Dataset& dataset, std::span<std::uint32_t> positions, EventColumn column, bool descending);

/// A header line and one line per event of `positions` with the text of `columns`, each line
/// ended by CRLF as RFC 4180 has it, fields quoted by delimitedField (atlas/io/csv.h): what
/// the table copies and exports.
[[nodiscard]] std::string delimitedRows(const Dataset& dataset, std::span<const std::uint32_t> positions,
                                        std::span<const EventColumn> columns, char delimiter);
/// The same, written to `out` line by line (an export of a million rows is never one string).
void writeDelimitedRows(std::ostream& out, const Dataset& dataset, std::span<const std::uint32_t> positions,
                        std::span<const EventColumn> columns, char delimiter);

} // namespace atlas
