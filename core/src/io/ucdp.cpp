#include "atlas/io/ucdp.h"
#include "atlas/io/text.h"
#include "atlas/model/diagnostic_codes.h"

#include "atlas/io/acled.h"
#include "atlas/io/csv.h"
#include "atlas/io/load_control.h"
#include "atlas/io/geojson.h"
#include "import_text.h"

#include <array>
#include <nlohmann/json.hpp>

#include <fstream>
#include <unordered_map>

namespace atlas {
using namespace import;

namespace {

// "2020-10-26" or "2020-10-26 00:00:00.000"
std::optional<Date> parseUcdpDate(const std::string& text) {
    const std::string t = trim(text);
    return Date::parse(std::string_view(t).substr(0, 10));
}

} // namespace

LoadResult readUcdpGedCsv(std::istream& in, const std::string& fileLabel) {
    LoadResult result;
    Dataset& dataset = result.dataset;
    dataset.metadata.title = "UCDP GED export";
    dataset.metadata.provenance = "Imported from the UCDP GED CSV " + fileLabel;
    auto report = [&](Severity severity, std::string code, std::string message, int line, int column) {
        result.diagnostics.push_back({severity, std::move(code), std::move(message), fileLabel, line, column, {}, {}});
    };
    CsvReader csv(in);
    std::vector<std::string> header;
    if (!csv.next(header) || (header.size() == 1 && trim(header[0]).empty())) {
        report(Severity::Fatal, codes::kUcdpEmpty, "the file is empty; expected a header row of UCDP GED column names", 1, 1);
        return result;
    }
    std::unordered_map<std::string, std::size_t> column;
    for (std::size_t i = 0; i < header.size(); ++i) column.emplace(lower(trim(header[i])), i);
    auto find = [&](const char* name) -> std::optional<std::size_t> {
        const auto found = column.find(name);
        return found == column.end() ? std::nullopt : std::optional<std::size_t>(found->second);
    };
    const auto colId = find("id"), colStart = find("date_start"), colEnd = find("date_end"), colLat = find("latitude"),
               colLon = find("longitude");
    std::string missing;
    for (const auto& [c, name] : {std::pair{colId, "id"}, {colStart, "date_start"}, {colLat, "latitude"}, {colLon, "longitude"}})
        if (!c) missing += std::string(" ") + name;
    if (!missing.empty()) {
        report(Severity::Fatal, codes::kUcdpHeader, "not a UCDP GED export: the header lacks the column(s)" + missing, 1, 1);
        return result;
    }
    const auto colDatePrec = find("date_prec"), colWherePrec = find("where_prec"), colWhere = find("where_coordinates"),
               colWhereDesc = find("where_description"), colAdm1 = find("adm_1"), colAdm2 = find("adm_2"),
               colSideA = find("side_a"), colSideB = find("side_b"), colViolence = find("type_of_violence"),
               colBest = find("best"), colLow = find("low"), colHigh = find("high"), colArticle = find("source_article"),
               colHeadline = find("source_headline"), colSourceDate = find("source_date");
    const std::array<std::optional<std::size_t>, 4> deathColumns{find("deaths_a"), find("deaths_b"), find("deaths_civilians"),
                                                                  find("deaths_unknown")};
    std::vector<bool> mapped(header.size(), false);
    for (const auto& c : {colId, colStart, colEnd, colLat, colLon, colDatePrec, colWherePrec, colWhere, colAdm1, colAdm2,
                          colSideA, colSideB, colBest, colLow, colHigh, colArticle, colHeadline, colSourceDate})
        if (c) mapped[*c] = true;

    // A side may hold several governments joined by ", " ("Government of Australia, Government
    // of United Kingdom, …" in GED): each is an actor of its own. Other names are kept whole, a
    // comma in them being part of the name as far as anyone can tell.
    auto sideActors = [](const std::string& side) {
        std::vector<std::string> names;
        if (side.empty()) return names;
        std::size_t start = 0;
        bool governments = true;
        for (std::size_t at = 0; at <= side.size(); ++at) {
            if (at < side.size() && side.compare(at, 2, ", ") != 0) continue;
            names.push_back(trim(side.substr(start, at - start)));
            governments = governments && names.back().rfind("Government of ", 0) == 0;
            start = at + 2;
            at += 1;
        }
        if (names.size() < 2 || !governments) return std::vector<std::string>{side};
        return names;
    };
    std::unordered_map<std::string, std::string> actorByName;
    auto actorId = [&](const std::string& name) {
        if (const auto found = actorByName.find(name); found != actorByName.end()) return found->second;
        Actor actor;
        actor.name = name;
        actor.id = "ucdp-" + slug(name);
        while (dataset.findActor(actor.id)) actor.id += "-x";
        actor.side = guessSideFromName(name, {});
        actorByName.emplace(name, actor.id);
        dataset.actors.push_back(actor);
        dataset.reindexActors();
        return actor.id;
    };

    std::vector<std::string> row;
    while (csv.next(row)) {
        if (row.size() == 1 && trim(row[0]).empty()) continue;
        if (!csv.problem().empty()) report(Severity::Warning, codes::kCsvQuote, csv.problem(), csv.problemLine(), csv.problemColumn());
        if (row.size() != header.size()) {
            report(Severity::Error, codes::kUcdpFields,
                   "record has " + std::to_string(row.size()) + " fields, the header " + std::to_string(header.size()) +
                       "; record skipped",
                   csv.recordLine(), 1);
            continue;
        }
        auto at = [&](const std::optional<std::size_t>& c) -> std::string { return c ? trim(row[*c]) : std::string(); };
        auto fieldError = [&](std::size_t c, const std::string& what) {
            report(Severity::Error, codes::kUcdpField, "column " + trim(header[c]) + ": " + what + "; record skipped",
                   csv.fieldLine(c), csv.fieldColumn(c));
        };
        Event event;
        if (at(colId).empty()) {
            fieldError(*colId, "empty id");
            continue;
        }
        event.id = "ged-" + at(colId);
        const auto start = parseUcdpDate(at(colStart));
        if (!start) {
            fieldError(*colStart, "\"" + at(colStart).substr(0, 40) + "\" is not a date (expected YYYY-MM-DD)");
            continue;
        }
        event.date = *start;
        if (const auto end = parseUcdpDate(at(colEnd)); end && *end > *start) event.endDate = *end;
        const auto latitude = parseDouble(at(colLat)), longitude = parseDouble(at(colLon));
        if (!latitude || *latitude < -90 || *latitude > 90) {
            fieldError(*colLat, "\"" + at(colLat).substr(0, 40) + "\" is not a latitude between -90 and 90");
            continue;
        }
        if (!longitude || *longitude < -180 || *longitude > 180) {
            fieldError(*colLon, "\"" + at(colLon).substr(0, 40) + "\" is not a longitude between -180 and 180");
            continue;
        }
        event.place.point = {*latitude, *longitude};
        if (const auto p = parseInt(at(colDatePrec)))
            event.datePrecision = *p <= 1 ? DatePrecision::Day : *p <= 3 ? DatePrecision::Week : DatePrecision::Month;
        const int where = parseInt(at(colWherePrec)).value_or(2);
        event.place.precision = where <= 1   ? PlacePrecision::Exact
                                : where == 2 ? PlacePrecision::NearTown
                                : (where == 3 || where == 5) ? PlacePrecision::District
                                             : PlacePrecision::Governorate;
        event.place.name = at(colWhere).empty() ? at(colWhereDesc) : at(colWhere);
        event.place.admin1 = at(colAdm1);
        event.place.admin2 = at(colAdm2);
        const int violence = parseInt(at(colViolence)).value_or(0);
        event.type = violence == 3 ? EventType::AttackOnCivilians : EventType::ArmedClash;
        event.civilianTargeting = violence == 3;
        for (const std::string& name : sideActors(at(colSideA))) event.perpetrators.push_back(actorId(name));
        for (const std::string& name : sideActors(at(colSideB))) event.targets.push_back(actorId(name));
        const auto best = parseInt(at(colBest)), low = parseInt(at(colLow)), high = parseInt(at(colHigh));
        // The four parties' deaths, when a file has them but no best estimate (kept as extras too).
        auto sumOfDeaths = [&]() -> std::optional<int> {
            std::optional<long long> sum;
            for (const auto& deathColumn : deathColumns)
                if (const auto n = parseInt(at(deathColumn))) sum = sum.value_or(0) + *n;
            if (!sum || *sum > INT32_MAX || *sum < INT32_MIN) return std::nullopt;
            return static_cast<int>(*sum);
        };
        if (best && low && high && *low != *high)
            event.killed = {CountQualifier::Range, *low, *high, {{"best", std::to_string(*best)}}};
        else if (best)
            event.killed = {CountQualifier::Exact, *best, std::nullopt, {}};
        else if (const auto sum = sumOfDeaths(); sum && at(colBest).empty())
            event.killed = {CountQualifier::Exact, *sum, std::nullopt, {}}; // best is their sum by the codebook
        else if (colBest && !at(colBest).empty())
            report(Severity::Warning, codes::kUcdpDeaths, "column best: \"" + at(colBest).substr(0, 40) + "\" is not a number; killed left unknown",
                   csv.fieldLine(*colBest), csv.fieldColumn(*colBest));
        if (const std::string problem = makeCountCoherent(event.killed); !problem.empty())
            report(Severity::Warning, codes::kUcdpDeaths, "columns best/low/high: " + problem, csv.fieldLine(colBest ? *colBest : 0),
                   csv.fieldColumn(colBest ? *colBest : 0));
        const auto articles = splitList(at(colArticle));
        for (const auto& article : articles) event.sources.push_back({article, at(colHeadline), at(colSourceDate), {}, {}});
        for (std::size_t c = 0; c < header.size(); ++c)
            if (!mapped[c] && !row[c].empty()) event.extra.emplace_back("ucdp_" + lower(trim(header[c])), jsonString(row[c]));
        event.description = at(colWhereDesc);
        dataset.events.push_back(std::move(event));
        dataset.events.setRecord(dataset.events.size() - 1, csv.recordLine());
    }
    dataset.events.setOrigin({fileNameOf(fileLabel), RecordKind::CsvLine});
    groupUnderDefaultUmbrellas(dataset, "ucdp-");
    return result;
}

LoadResult readUcdpGedCsvFile(const std::string& path, const LoadControl* control) {
    const auto in = detail::openInput(path, control);
    if (!in) {
        LoadResult result;
        result.diagnostics.push_back({Severity::Fatal, codes::kFileOpen, "cannot open the file", path, 0, 0, {}, {}});
        return result;
    }
    LoadResult result = readUcdpGedCsv(*in, path);
    return in->cancelled() ? detail::cancelledLoad(path) : result;
}

} // namespace atlas
