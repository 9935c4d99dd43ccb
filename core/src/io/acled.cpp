#include "atlas/io/acled.h"
#include "atlas/model/diagnostic_codes.h"
#include <cstdio>

#include "atlas/io/text.h"

#include "atlas/io/csv.h"
#include "atlas/io/load_control.h"
#include "import_text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <unordered_map>

namespace atlas {
using namespace import;

namespace {

EventType typeOf(const std::string& eventType, const std::string& subEventType) {
    static const std::unordered_map<std::string, EventType> bySub{
        {"air/drone strike", EventType::AirStrike},
        {"shelling/artillery/missile attack", EventType::Shelling},
        {"remote explosive/landmine/ied", EventType::Explosion},
        {"grenade", EventType::Explosion},
        {"suicide bomb", EventType::SuicideBombing},
        {"armed clash", EventType::ArmedClash},
        {"government regains territory", EventType::TerritoryChange},
        {"non-state actor overtakes territory", EventType::TerritoryChange},
        {"non-violent transfer of territory", EventType::TerritoryChange},
        {"attack", EventType::AttackOnCivilians},
        {"abduction/forced disappearance", EventType::AttackOnCivilians},
        {"sexual violence", EventType::AttackOnCivilians},
        {"agreement", EventType::Agreement},
    };
    if (const auto found = bySub.find(lower(trim(subEventType))); found != bySub.end()) return found->second;
    const std::string type = lower(trim(eventType));
    if (type == "battles") return EventType::ArmedClash;
    if (type == "explosions/remote violence" || type == "remote violence") return EventType::Explosion;
    if (type == "violence against civilians") return EventType::AttackOnCivilians;
    return EventType::Other;
}

} // namespace

std::optional<Date> parseAcledDate(std::string_view raw) {
    const std::string text = trim(raw);
    if (auto iso = Date::parse(text)) return iso;
    // "26 October 2020", "26-Oct-20", "26/10/2020", "26-October-2020"
    std::string parts[3];
    int part = 0;
    for (char c : text) {
        if (c == ' ' || c == '-' || c == '/' || c == ',') {
            if (!parts[part].empty()) {
                if (++part == 3) return std::nullopt;
            }
            continue;
        }
        parts[part].push_back(c);
    }
    if (part != 2 || parts[2].empty()) return std::nullopt;
    const auto day = parseInt(parts[0]);
    int month = monthFromName(parts[1]);
    if (!month) month = parseInt(parts[1]).value_or(0);
    auto year = parseInt(parts[2]);
    if (!day || !month || !year) return std::nullopt;
    if (parts[2].size() == 2) *year += *year >= 90 ? 1900 : 2000; // ACLED data start in 1997
    return Date::fromYearMonthDay(*year, month, *day);
}

LoadResult readAcledCsv(std::istream& in, const std::string& fileLabel, std::uint64_t sizeHint) {
    LoadResult result;
    Dataset& dataset = result.dataset;
    dataset.metadata.title = "ACLED export";
    dataset.metadata.provenance = "Imported from the ACLED CSV export " + fileLabel;
    auto report = [&](Severity severity, std::string code, std::string message, int line, int column) {
        result.diagnostics.push_back({severity, std::move(code), std::move(message), fileLabel, line, column, {}, {}});
    };

    CsvReader csv(in);
    std::vector<std::string> header;
    if (!csv.next(header) || (header.size() == 1 && trim(header[0]).empty())) {
        report(Severity::Fatal, codes::kAcledEmpty, "the file is empty; expected a header row of ACLED column names", 1, 1);
        return result;
    }
    std::unordered_map<std::string, std::size_t> column;
    for (std::size_t i = 0; i < header.size(); ++i) column.emplace(lower(trim(header[i])), i);
    auto find = [&](std::initializer_list<const char*> names) -> std::optional<std::size_t> {
        for (const char* name : names)
            if (const auto found = column.find(name); found != column.end()) return found->second;
        return std::nullopt;
    };
    const auto colId = find({"event_id_cnty", "data_id", "event_id_no_cnty"});
    const auto colDate = find({"event_date"});
    const auto colLat = find({"latitude"});
    const auto colLon = find({"longitude"});
    std::string missing;
    if (!colId) missing += " event_id_cnty (or data_id)";
    if (!colDate) missing += " event_date";
    if (!colLat) missing += " latitude";
    if (!colLon) missing += " longitude";
    if (!missing.empty()) {
        std::string seen;
        for (std::size_t i = 0; i < std::min<std::size_t>(header.size(), 6); ++i)
            seen += (i ? ", " : "") + trim(header[i]).substr(0, 40);
        report(Severity::Fatal, codes::kAcledHeader,
               "not an ACLED export: the header lacks the column(s)" + missing + " (found: " + seen +
                   (header.size() > 6 ? ", …" : "") + ")",
               1, 1);
        return result;
    }
    const auto colTimePrecision = find({"time_precision"});
    const auto colEventType = find({"event_type"});
    const auto colSubType = find({"sub_event_type"});
    const auto colActor1 = find({"actor1"});
    const auto colAssoc1 = find({"assoc_actor_1", "ally_actor_1"});
    const auto colInter1 = find({"inter1"});
    const auto colActor2 = find({"actor2"});
    const auto colAssoc2 = find({"assoc_actor_2", "ally_actor_2"});
    const auto colInter2 = find({"inter2"});
    const auto colCivilian = find({"civilian_targeting"});
    const auto colAdmin1 = find({"admin1"});
    const auto colAdmin2 = find({"admin2"});
    const auto colLocation = find({"location"});
    const auto colGeoPrecision = find({"geo_precision"});
    const auto colSource = find({"source"});
    const auto colNotes = find({"notes"});
    const auto colFatalities = find({"fatalities"});
    const auto colTags = find({"tags"});
    std::vector<bool> mapped(header.size(), false);
    for (const auto& c : {colId, colDate, colLat, colLon, colTimePrecision, colActor1, colAssoc1, colActor2, colAssoc2,
                          colCivilian, colAdmin1, colAdmin2, colLocation, colGeoPrecision, colSource, colNotes,
                          colFatalities, colTags})
        if (c) mapped[*c] = true;
    // Everything else (event_type, sub_event_type, inter codes, iso, country, admin3, …) is
    // kept verbatim; an unnamed leading index column is dropped.
    std::vector<std::pair<std::size_t, std::string>> kept;
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string name = lower(trim(header[i]));
        if (!mapped[i] && !name.empty()) kept.emplace_back(i, "acled_" + name);
    }

    std::unordered_map<std::string, std::size_t> actorByName;
    std::unordered_map<std::string, int> idUses;
    auto actorId = [&](const std::string& name, const std::string& inter) -> std::string {
        if (const auto found = actorByName.find(name); found != actorByName.end()) return dataset.actors[found->second].id;
        Actor actor;
        actor.name = name;
        actor.id = slug(name);
        if (const int uses = idUses[actor.id]++; uses > 0) actor.id += "-" + std::to_string(uses + 1);
        actor.side = guessSideFromName(name, inter);
        actorByName.emplace(name, dataset.actors.size());
        dataset.actors.push_back(std::move(actor));
        return dataset.actors.back().id;
    };

    std::unordered_map<std::string, std::size_t> eventById;
    std::vector<std::string> row;
    std::string lastEventType = "\x01", lastSubType = "\x01";
    EventType lastType = EventType::Other;
    while (csv.next(row)) {
        // Reserve once the first records show how long a record is (saves moving a million
        // events while the vector grows).
        if (dataset.events.size() == 1000 && sizeHint > 0) {
            const auto expected = static_cast<std::size_t>(double(sizeHint) / double(csv.bytesRead()) * 1000.0 * 1.05);
            dataset.events.reserve(expected);
            eventById.reserve(expected);
        }
        const int line = csv.recordLine();
        if (row.size() == 1 && trim(row[0]).empty()) continue; // blank line
        if (!csv.problem().empty())
            report(Severity::Warning, codes::kCsvQuote, csv.problem(), csv.problemLine(), csv.problemColumn());
        if (row.size() != header.size()) {
            report(Severity::Error, codes::kAcledFields,
                   "record has " + std::to_string(row.size()) + " fields, the header " + std::to_string(header.size()) +
                       "; record skipped",
                   line, 1);
            continue;
        }
        auto at = [&](const std::optional<std::size_t>& c) -> const std::string& {
            static const std::string none;
            return c ? row[*c] : none;
        };
        auto fieldError = [&](std::size_t c, const std::string& what) {
            report(Severity::Error, codes::kAcledField,
                   "column " + trim(header[c]) + ": " + what + "; record skipped", csv.fieldLine(c), csv.fieldColumn(c));
        };
        Event event;
        event.id = trim(at(colId));
        if (event.id.empty()) {
            fieldError(*colId, "empty id");
            continue;
        }
        const auto date = parseAcledDate(at(colDate));
        if (!date) {
            fieldError(*colDate, "\"" + trim(at(colDate)).substr(0, 40) + "\" is not a date (expected 2020-10-26, 26 October 2020 or 26-Oct-20)");
            continue;
        }
        event.date = *date;
        const auto latitude = parseDouble(at(colLat));
        const auto longitude = parseDouble(at(colLon));
        if (!latitude || *latitude < -90 || *latitude > 90) {
            fieldError(*colLat, "\"" + trim(at(colLat)).substr(0, 40) + "\" is not a latitude between -90 and 90");
            continue;
        }
        if (!longitude || *longitude < -180 || *longitude > 180) {
            fieldError(*colLon, "\"" + trim(at(colLon)).substr(0, 40) + "\" is not a longitude between -180 and 180");
            continue;
        }
        event.place.point = {*latitude, *longitude};
        if (const auto p = parseInt(at(colTimePrecision)))
            event.datePrecision = *p >= 3 ? DatePrecision::Month : *p == 2 ? DatePrecision::Week : DatePrecision::Day;
        if (const auto p = parseInt(at(colGeoPrecision)))
            event.place.precision = *p >= 3 ? PlacePrecision::Governorate : *p == 2 ? PlacePrecision::District : PlacePrecision::NearTown;
        else
            event.place.precision = PlacePrecision::NearTown;
        event.place.name = trim(at(colLocation));
        event.place.admin1 = trim(at(colAdmin1));
        event.place.admin2 = trim(at(colAdmin2));
        // Exports hold a few dozen type pairs: map each distinct pair once.
        if (at(colEventType) != lastEventType || at(colSubType) != lastSubType) {
            lastEventType = at(colEventType);
            lastSubType = at(colSubType);
            lastType = typeOf(lastEventType, lastSubType);
        }
        event.type = lastType;
        if (const std::string a1 = trim(at(colActor1)); !a1.empty()) event.perpetrators.push_back(actorId(a1, at(colInter1)));
        for (const auto& name : splitList(at(colAssoc1))) event.perpetrators.push_back(actorId(name, {}));
        if (const std::string a2 = trim(at(colActor2)); !a2.empty()) event.targets.push_back(actorId(a2, at(colInter2)));
        for (const auto& name : splitList(at(colAssoc2))) event.targets.push_back(actorId(name, {}));
        event.civilianTargeting = !at(colCivilian).empty() && lower(at(colCivilian)).find("civilian") != std::string::npos;
        if (colFatalities) {
            if (const auto dead = parseInt(at(colFatalities)); dead && *dead >= 0) {
                event.killed = {CountQualifier::AtLeast, *dead, std::nullopt, {}};
            } else if (!trim(at(colFatalities)).empty()) {
                report(Severity::Warning, codes::kAcledFatalities,
                       "column fatalities: \"" + trim(at(colFatalities)).substr(0, 40) + "\" is not a number; killed left unknown",
                       csv.fieldLine(*colFatalities), csv.fieldColumn(*colFatalities));
            }
        }
        event.description = trim(at(colNotes));
        for (const auto& name : splitList(at(colSource))) event.sources.push_back({name, {}, {}, {}, {}});
        event.tags = splitList(at(colTags));
        for (const auto& [c, key] : kept)
            if (!row[c].empty()) event.extra.emplace_back(key, jsonString(row[c]));
        // A later record with the same id revises the earlier one (ACLED re-issues events).
        if (const auto found = eventById.find(event.id); found != eventById.end()) {
            dataset.events.set(found->second, event);
            continue;
        }
        eventById.emplace(event.id, dataset.events.size());
        dataset.events.push_back(std::move(event));
    }
    dataset.reindexActors();
    return result;
}

LoadResult readAcledCsvFile(const std::string& path, const LoadControl* control) {
    const auto in = detail::openInput(path, control);
    if (!in) {
        LoadResult result;
        result.diagnostics.push_back({Severity::Fatal, codes::kFileOpen, "cannot open the file", path, 0, 0, {}, {}});
        return result;
    }
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    LoadResult result = readAcledCsv(*in, path, error ? 0 : size);
    return in->cancelled() ? detail::cancelledLoad(path) : result;
}

namespace {

std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

// The ACLED event type and sub-event type an event type is exported as (docs/format.md).
std::pair<const char*, const char*> acledTypes(EventType type) {
    switch (type) {
    case EventType::AirStrike:
    case EventType::DroneStrike: return {"Explosions/Remote violence", "Air/drone strike"};
    case EventType::Shelling:
    case EventType::Missile: return {"Explosions/Remote violence", "Shelling/artillery/missile attack"};
    case EventType::Explosion: return {"Explosions/Remote violence", "Remote explosive/landmine/IED"};
    case EventType::SuicideBombing: return {"Explosions/Remote violence", "Suicide bomb"};
    case EventType::ArmedClash: return {"Battles", "Armed clash"};
    case EventType::TerritoryChange: return {"Battles", "Non-state actor overtakes territory"};
    case EventType::AttackOnCivilians:
    case EventType::Killing: return {"Violence against civilians", "Attack"};
    case EventType::Agreement: return {"Strategic developments", "Agreement"};
    default: return {"Strategic developments", "Other"};
    }
}

} // namespace

void writeAcledCsv(const Dataset& dataset, std::span<const std::uint32_t> events, std::ostream& out) {
    out << "event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,actor2,assoc_actor_2,"
           "civilian_targeting,admin1,admin2,location,latitude,longitude,geo_precision,source,notes,fatalities,tags\r\n";
    for (std::uint32_t position : events) {
        const Event& e = dataset.events[position];
        std::vector<std::string> perpetrators, targets, sources;
        for (const auto& id : e.perpetrators) perpetrators.push_back(dataset.actorName(id));
        for (const auto& id : e.targets) targets.push_back(dataset.actorName(id));
        for (const auto& s : e.sources) sources.push_back(s.publisher);
        const int timePrecision = e.datePrecision == DatePrecision::Day ? 1 : e.datePrecision == DatePrecision::Week ? 2 : 3;
        const int geoPrecision = e.place.precision <= PlacePrecision::NearTown ? 1 : e.place.precision == PlacePrecision::District ? 2 : 3;
        char coordinate[32];
        std::string row;
        row += csvField(e.id) + ',' + e.date.toString() + ',' + std::to_string(timePrecision) + ',' +
               acledTypes(e.type).first + ',' + acledTypes(e.type).second + ',' +
               csvField(perpetrators.empty() ? "" : perpetrators[0]) + ',' +
               csvField(joinFrom(perpetrators, 1, "; ")) + ',' + csvField(targets.empty() ? "" : targets[0]) + ',' +
               csvField(joinFrom(targets, 1, "; ")) + ',' + (e.civilianTargeting ? "Civilian targeting" : "") + ',' +
               csvField(e.place.admin1) + ',' + csvField(e.place.admin2) + ',' + csvField(e.place.name) + ',';
        std::snprintf(coordinate, sizeof coordinate, "%.6f", e.place.point.latitude);
        row += std::string(coordinate) + ',';
        std::snprintf(coordinate, sizeof coordinate, "%.6f", e.place.point.longitude);
        row += std::string(coordinate) + ',' + std::to_string(geoPrecision) + ',' + csvField(joinFrom(sources, 0, "; ")) + ',' +
               csvField(e.description) + ',' + (e.killed.known() ? std::to_string(e.killed.lowerBound()) : "") + ',' +
               csvField(joinFrom(e.tags, 0, "; "));
        out << row << "\r\n";
    }
}

} // namespace atlas
