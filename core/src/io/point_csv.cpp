#include "atlas/io/point_csv.h"

#include "atlas/io/csv.h"
#include "atlas/io/load_control.h"
#include "atlas/io/text.h"
#include "atlas/io/written_dates.h"
#include "atlas/model/diagnostic_codes.h"
#include "atlas/model/vocabulary.h"
#include "import_text.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <optional>
#include <unordered_map>

namespace atlas {

using namespace import;

namespace {

const char* const kLatitudeNames[] = {"latitude", "lat", "y"};
const char* const kLongitudeNames[] = {"longitude", "lon", "long", "lng", "x"};

// The cells of a header line, lower-cased and trimmed (a quoted name with a comma is rare in
// a header; the reader proper parses it fully).
std::vector<std::string> headerNames(std::string_view line) {
    std::vector<std::string> names;
    std::string cell;
    bool quoted = false;
    for (const char c : line) {
        if (c == '"') quoted = !quoted;
        else if (c == ',' && !quoted) names.push_back(lower(trim(std::exchange(cell, {}))));
        else if (c != '\r' && c != '\n') cell += c;
    }
    names.push_back(lower(trim(cell)));
    return names;
}

template <std::size_t N>
std::optional<std::size_t> findAny(const std::unordered_map<std::string, std::size_t>& column, const char* const (&names)[N]) {
    for (const char* name : names)
        if (const auto found = column.find(name); found != column.end()) return found->second;
    return std::nullopt;
}

} // namespace

bool looksLikePointCsvHeader(std::string_view firstLine) {
    const std::vector<std::string> names = headerNames(firstLine);
    const auto has = [&](const auto& wanted) {
        return std::any_of(std::begin(wanted), std::end(wanted), [&](const char* w) { return std::find(names.begin(), names.end(), w) != names.end(); });
    };
    return has(kLatitudeNames) && has(kLongitudeNames);
}

LoadResult readPointCsv(std::istream& in, const std::string& fileLabel, const GeoJsonOptions& options) {
    LoadResult result;
    Dataset& dataset = result.dataset;
    dataset.metadata.title = fileNameOf(fileLabel);
    dataset.metadata.provenance = "Imported from the CSV of points " + fileLabel;
    auto report = [&](Severity severity, const char* code, std::string message, int line, int column) {
        result.diagnostics.push_back({severity, code, std::move(message), fileLabel, line, column, {}, {}});
    };
    CsvReader csv(in);
    std::vector<std::string> header;
    if (!csv.next(header) || (header.size() == 1 && trim(header[0]).empty())) {
        report(Severity::Fatal, codes::kGeojsonType, "the file is empty; expected a header with latitude, longitude and date columns", 1, 1);
        return result;
    }
    std::unordered_map<std::string, std::size_t> column;
    for (std::size_t i = 0; i < header.size(); ++i) column.emplace(lower(trim(header[i])), i);
    const auto named = [&](const std::string& name) -> std::optional<std::size_t> {
        const auto found = column.find(lower(name));
        return found == column.end() ? std::nullopt : std::optional<std::size_t>(found->second);
    };
    static const char* const kDateNames[] = {"date", "event_date", "start", "start_date", "time", "timestamp"};
    static const char* const kEndNames[] = {"end", "end_date"};
    static const char* const kIdNames[] = {"id", "event_id"};
    static const char* const kDescriptionNames[] = {"description", "notes"};
    static const char* const kPlaceNames[] = {"place", "location", "name"};
    static const char* const kKilledNames[] = {"killed", "fatalities", "deaths"};
    const auto colLat = findAny(column, kLatitudeNames), colLon = findAny(column, kLongitudeNames);
    const auto colDate = options.dateProperty.empty() ? findAny(column, kDateNames) : named(options.dateProperty);
    const auto colEnd = options.endDateProperty.empty() ? findAny(column, kEndNames) : named(options.endDateProperty);
    const auto colId = findAny(column, kIdNames), colType = named("type"), colDescription = findAny(column, kDescriptionNames),
               colPlace = findAny(column, kPlaceNames), colKilled = findAny(column, kKilledNames);
    if (!colLat || !colLon || !colDate) {
        report(Severity::Fatal, codes::kGeojsonDate,
               std::string("the header lacks ") + (!colLat || !colLon ? "a latitude and a longitude column" : "") +
                   (!colDate ? std::string(!colLat || !colLon ? " and " : "") +
                                   (options.dateProperty.empty() ? "a date column (date, event_date, start, start_date, time, timestamp)"
                                                                 : "the date column \"" + options.dateProperty + "\"")
                             : ""),
               1, 1);
        return result;
    }
    std::vector<bool> mapped(header.size(), false);
    for (const auto& c : {colLat, colLon, colDate, colEnd, colId, colType, colDescription, colPlace, colKilled})
        if (c) mapped[*c] = true;

    std::array<std::size_t, kWrittenDateFormCount> forms{};
    std::size_t ambiguous = 0;
    std::vector<std::string> row;
    std::size_t number = 0;
    while (csv.next(row)) {
        if (row.size() == 1 && trim(row[0]).empty()) continue;
        ++number;
        const auto at = [&](const std::optional<std::size_t>& c) -> std::string { return c && *c < row.size() ? trim(row[*c]) : std::string(); };
        // Where a field is, or the record's line when the row is too short to have it.
        const auto lineOf = [&](std::size_t c) { return c < row.size() ? csv.fieldLine(c) : csv.recordLine(); };
        const auto columnOf = [&](std::size_t c) { return c < row.size() ? csv.fieldColumn(c) : 0; };
        const auto latitude = parseDouble(at(colLat)), longitude = parseDouble(at(colLon));
        if (!latitude || !longitude || std::abs(*latitude) > 90 || std::abs(*longitude) > 180) {
            const std::size_t bad = !latitude || std::abs(latitude.value_or(0)) > 90 ? *colLat : *colLon;
            report(Severity::Error, codes::kGeojsonCoordinates,
                   "\"" + at(bad).substr(0, 40) + "\" is not a " + (bad == *colLat ? "latitude between -90 and 90" : "longitude between -180 and 180") +
                       "; the row was skipped",
                   lineOf(bad), columnOf(bad));
            continue;
        }
        const std::string dateText = at(colDate);
        std::optional<WrittenDate> written = parseWrittenDate(dateText, options.dayOrder);
        if (!written) {
            const bool eitherWay = parseWrittenDate(dateText, DayOrder::DayFirst).has_value();
            ambiguous += eitherWay;
            report(Severity::Warning, codes::kGeojsonDate,
                   eitherWay ? "\"" + dateText + "\" reads as day/month or month/day; say which with --date-format dmy or mdy (the window asks); the row was skipped"
                             : "\"" + dateText.substr(0, 40) + "\" is not a date; the row was skipped",
                   lineOf(*colDate), columnOf(*colDate));
            continue;
        }
        ++forms[static_cast<std::size_t>(written->form)];
        Event event;
        event.id = at(colId).empty() ? "row-" + std::to_string(number) : at(colId);
        event.date = written->first;
        std::optional<Date> end = written->last;
        if (const std::string endText = at(colEnd); !endText.empty())
            if (const auto e = parseWrittenDate(endText, options.dayOrder)) end = e->last.value_or(e->first);
        if (end && *end > event.date) event.endDate = end;
        event.place.point = {*latitude, *longitude};
        event.place.name = at(colPlace);
        event.description = at(colDescription);
        if (const auto type = eventTypeFromKey(lower(at(colType)))) event.type = *type;
        if (const auto killed = parseInt(at(colKilled)); killed && *killed >= 0) event.killed = {CountQualifier::Exact, *killed, std::nullopt, {}};
        for (std::size_t c = 0; c < header.size() && c < row.size(); ++c)
            if (!mapped[c] && !row[c].empty()) event.extra.emplace_back(lower(trim(header[c])), jsonString(row[c]));
        dataset.events.push_back(std::move(event));
        dataset.events.setRecord(dataset.events.size() - 1, csv.recordLine());
    }
    if (!csv.problem().empty()) report(Severity::Error, codes::kCsvQuote, csv.problem(), csv.problemLine(), csv.problemColumn());
    if (const std::string read = describeDateForms(forms); !read.empty()) dataset.metadata.provenance += "; dates read: " + read;
    if (ambiguous > 0) dataset.metadata.provenance += "; " + std::to_string(ambiguous) + " date(s) day/month either way, skipped";
    dataset.events.setOrigin({fileNameOf(fileLabel), RecordKind::CsvLine});
    return result;
}

std::vector<GeoJsonDateProperty> pointCsvDateColumns(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    CsvReader csv(in);
    std::vector<std::string> header, row;
    if (!csv.next(header)) return {};
    std::vector<std::size_t> dated(header.size(), 0);
    for (std::size_t rows = 0; rows < 100'000 && csv.next(row); ++rows) // a sample is enough to offer the choice
        for (std::size_t c = 0; c < row.size() && c < header.size(); ++c)
            if (!row[c].empty() && parseWrittenDate(row[c], DayOrder::DayFirst)) ++dated[c];
    std::vector<GeoJsonDateProperty> out;
    for (std::size_t c = 0; c < header.size(); ++c)
        if (dated[c] > 0) out.push_back({trim(header[c]), dated[c]});
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.points > b.points; });
    return out;
}

LoadResult readPointCsvFile(const std::string& path, const GeoJsonOptions& options, const LoadControl* control) {
    const auto in = detail::openInput(path, control);
    if (!in) {
        LoadResult result;
        result.diagnostics.push_back({Severity::Fatal, codes::kFileOpen, "cannot open the file", path, 0, 0, {}, {}});
        return result;
    }
    LoadResult result = readPointCsv(*in, path, options);
    return in->cancelled() ? detail::cancelledLoad(path) : result;
}

} // namespace atlas
