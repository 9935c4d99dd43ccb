#include "atlas/io/acled.h"

#include "atlas/model/revisions.h"
#include "atlas/model/diagnostic_codes.h"
#include <cstdio>

#include "atlas/io/text.h"

#include "atlas/io/csv.h"
#include "atlas/io/load_control.h"
#include "atlas/model/event_id_set.h"
#include "atlas/model/packed_details.h"
#include "import_text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <deque>
#include <future>
#include <numeric>
#include <thread>
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
    const std::string_view text = trimView(raw);
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

namespace {

// The columns of an export, found by name in its header.
struct AcledColumns {
    std::vector<std::string> header; // trimmed, as written (for messages)
    std::optional<std::size_t> id, date, latitude, longitude, timePrecision, eventType, subEventType, actor1, assoc1,
        inter1, actor2, assoc2, inter2, civilian, admin1, admin2, location, geoPrecision, source, notes, fatalities, tags;
    std::vector<std::string> keptKeys;                        // "acled_<column>", for the details
    std::vector<std::pair<std::size_t, std::uint32_t>> kept;  // (column, index into keptKeys)
};

// What one block of records becomes, parsed apart from the others: events whose actors are
// still their names (ids are given once all blocks are in, in the order names first appear),
// details packed, and the block's diagnostics.
struct AcledChunk {
    EventTable events;
    std::vector<std::string> interOfActor; // per entry of events.actorIds(): the inter code it first came with
    std::shared_ptr<PackedEventDetails> details;
    std::vector<Diagnostic> diagnostics;
};

bool containsCivilian(std::string_view text) {
    constexpr std::string_view word = "civilian";
    if (text.size() < word.size()) return false;
    for (std::size_t at = 0; at + word.size() <= text.size(); ++at) {
        std::size_t i = 0;
        while (i < word.size() && (text[at + i] | 0x20) == word[i]) ++i;
        if (i == word.size()) return true;
    }
    return false;
}

AcledChunk parseAcledRecords(std::string_view records, int firstLine, const AcledColumns& columns, const std::string& fileLabel) {
    AcledChunk chunk;
    chunk.details = std::make_shared<PackedEventDetails>(columns.keptKeys);
    EventTable& events = chunk.events;
    auto report = [&](Severity severity, const char* code, std::string message, CsvPosition at) {
        chunk.diagnostics.push_back({severity, code, std::move(message), fileLabel, at.line, at.column, {}, {}});
    };
    CsvRecordParser csv(records, firstLine);
    std::vector<std::string_view> row, actors, publishers, tags;
    std::vector<std::pair<std::uint32_t, std::string_view>> extras;
    // Exports hold a few dozen (event_type, sub_event_type) pairs: each is mapped once.
    std::unordered_map<std::string, EventType> typeOfPair;
    std::string pairKey;
    const std::size_t fieldCount = columns.header.size();
    while (csv.next(row)) {
        if (row.size() == 1 && trimView(row[0]).empty()) continue; // blank line
        if (!csv.problem().empty()) report(Severity::Warning, codes::kCsvQuote, csv.problem(), csv.problemPosition());
        if (row.size() != fieldCount) {
            report(Severity::Error, codes::kAcledFields,
                   "record has " + std::to_string(row.size()) + " fields, the header " + std::to_string(fieldCount) +
                       "; record skipped",
                   {csv.recordLine(), 1});
            continue;
        }
        auto at = [&](const std::optional<std::size_t>& c) -> std::string_view { return c ? row[*c] : std::string_view{}; };
        auto fieldError = [&](std::size_t c, const std::string& what) {
            report(Severity::Error, codes::kAcledField, "column " + columns.header[c] + ": " + what + "; record skipped",
                   csv.fieldPosition(c));
        };
        auto shown = [&](const std::optional<std::size_t>& c) { return std::string(trimView(at(c)).substr(0, 40)); };
        EventRow event;
        event.id = trimView(at(columns.id));
        if (event.id.empty()) {
            fieldError(*columns.id, "empty id");
            continue;
        }
        const auto date = parseAcledDate(at(columns.date));
        if (!date) {
            fieldError(*columns.date, "\"" + shown(columns.date) + "\" is not a date (expected 2020-10-26, 26 October 2020 or 26-Oct-20)");
            continue;
        }
        event.date = *date;
        const auto latitude = parseDouble(at(columns.latitude));
        const auto longitude = parseDouble(at(columns.longitude));
        if (!latitude || *latitude < -90 || *latitude > 90) {
            fieldError(*columns.latitude, "\"" + shown(columns.latitude) + "\" is not a latitude between -90 and 90");
            continue;
        }
        if (!longitude || *longitude < -180 || *longitude > 180) {
            fieldError(*columns.longitude, "\"" + shown(columns.longitude) + "\" is not a longitude between -180 and 180");
            continue;
        }
        event.point = {*latitude, *longitude};
        if (const auto p = parseInt(at(columns.timePrecision)))
            event.datePrecision = *p >= 3 ? DatePrecision::Month : *p == 2 ? DatePrecision::Week : DatePrecision::Day;
        if (const auto p = parseInt(at(columns.geoPrecision)))
            // ACLED's codebook: 1 the town or village named, 2 near it (or a part of a region:
            // the nearest town coded), 3 only a larger region (its capital coded).
            event.placePrecision = *p >= 3 ? PlacePrecision::Governorate : *p == 2 ? PlacePrecision::NearTown : PlacePrecision::Exact;
        else
            event.placePrecision = PlacePrecision::NearTown;
        event.placeName = trimView(at(columns.location));
        event.admin1 = trimView(at(columns.admin1));
        event.admin2 = trimView(at(columns.admin2));
        pairKey.assign(at(columns.eventType));
        pairKey.push_back('\x1f');
        pairKey.append(at(columns.subEventType));
        auto type = typeOfPair.find(pairKey);
        if (type == typeOfPair.end())
            type = typeOfPair.emplace(pairKey, typeOf(std::string(at(columns.eventType)), std::string(at(columns.subEventType)))).first;
        event.type = type->second;
        // Actors by name, in the order the sequential reading meets them: actor1, its
        // associates, actor2, its associates.
        actors.clear();
        if (const auto a1 = trimView(at(columns.actor1)); !a1.empty()) actors.push_back(a1);
        const std::size_t firstAssociate1 = actors.size();
        splitListInto(at(columns.assoc1), actors);
        const std::size_t perpetrators = actors.size();
        if (const auto a2 = trimView(at(columns.actor2)); !a2.empty()) actors.push_back(a2);
        const std::size_t firstAssociate2 = actors.size();
        splitListInto(at(columns.assoc2), actors);
        const std::span<const std::string_view> all(actors);
        event.perpetrators = all.first(perpetrators);
        event.targets = all.subspan(perpetrators);
        event.civilianTargeting = containsCivilian(at(columns.civilian));
        if (columns.fatalities) {
            if (const auto dead = parseInt(at(columns.fatalities)); dead && *dead >= 0) {
                event.killed = {CountQualifier::AtLeast, *dead, std::nullopt, {}};
            } else if (!trimView(at(columns.fatalities)).empty()) {
                report(Severity::Warning, codes::kAcledFatalities,
                       "column fatalities: \"" + shown(columns.fatalities) + "\" is not a number; killed left unknown",
                       csv.fieldPosition(*columns.fatalities));
            }
        }
        publishers.clear();
        splitListInto(at(columns.source), publishers);
        tags.clear();
        splitListInto(at(columns.tags), tags);
        extras.clear();
        for (const auto& [c, key] : columns.kept)
            if (!row[c].empty()) extras.emplace_back(key, row[c]);
        const std::int64_t detailsKey = chunk.details->add({trimView(at(columns.notes)), publishers, tags, extras});
        const std::size_t knownActors = events.actorIds().size();
        events.pushWithDetailsIn(event, chunk.details, detailsKey);
        events.setRecord(events.size() - 1, csv.recordLine());
        // A name met for the first time keeps the inter code it came with (none for associates).
        for (std::size_t ref = knownActors; ref < events.actorIds().size(); ++ref) {
            const std::string& name = events.actorIds().at(static_cast<std::uint32_t>(ref));
            const auto first = static_cast<std::size_t>(std::find(actors.begin(), actors.end(), name) - actors.begin());
            chunk.interOfActor.emplace_back(first < firstAssociate1 ? at(columns.inter1)
                                            : first >= perpetrators && first < firstAssociate2 ? at(columns.inter2)
                                                                                                : std::string_view{});
        }
    }
    chunk.details->shrink();
    return chunk;
}

} // namespace

LoadResult readAcledCsv(std::istream& in, const std::string& fileLabel, std::uint64_t sizeHint) {
    return detail::readAcledCsvInBlocks(in, fileLabel, sizeHint, std::size_t{8} << 20);
}

namespace detail {

LoadResult readAcledCsvInBlocks(std::istream& in, const std::string& fileLabel, std::uint64_t sizeHint, std::size_t blockBytes) {
    LoadResult result;
    Dataset& dataset = result.dataset;
    dataset.metadata.title = "ACLED export";
    dataset.metadata.provenance = "Imported from the ACLED CSV export " + fileLabel;
    auto report = [&](Severity severity, std::string code, std::string message, int line, int column) {
        result.diagnostics.push_back({severity, std::move(code), std::move(message), fileLabel, line, column, {}, {}});
    };

    CsvBlockReader blocks(in, blockBytes);
    CsvBlock block;
    std::vector<std::string_view> headerFields;
    std::optional<CsvRecordParser> headerParser;
    if (blocks.next(block)) {
        headerParser.emplace(block.bytes(), block.firstLine);
        headerParser->next(headerFields);
    }
    if (headerFields.empty() || (headerFields.size() == 1 && trimView(headerFields[0]).empty())) {
        report(Severity::Fatal, codes::kAcledEmpty, "the file is empty; expected a header row of ACLED column names", 1, 1);
        return result;
    }
    AcledColumns columns;
    std::unordered_map<std::string, std::size_t> column;
    for (std::size_t i = 0; i < headerFields.size(); ++i) {
        columns.header.push_back(trim(headerFields[i]));
        column.emplace(lower(columns.header.back()), i);
    }
    auto find = [&](std::initializer_list<const char*> names) -> std::optional<std::size_t> {
        for (const char* name : names)
            if (const auto found = column.find(name); found != column.end()) return found->second;
        return std::nullopt;
    };
    columns.id = find({"event_id_cnty", "data_id", "event_id_no_cnty"});
    columns.date = find({"event_date"});
    columns.latitude = find({"latitude"});
    columns.longitude = find({"longitude"});
    std::string missing;
    if (!columns.id) missing += " event_id_cnty (or data_id)";
    if (!columns.date) missing += " event_date";
    if (!columns.latitude) missing += " latitude";
    if (!columns.longitude) missing += " longitude";
    if (!missing.empty()) {
        std::string seen;
        for (std::size_t i = 0; i < std::min<std::size_t>(columns.header.size(), 6); ++i)
            seen += (i ? ", " : "") + columns.header[i].substr(0, 40);
        report(Severity::Fatal, codes::kAcledHeader,
               "not an ACLED export: the header lacks the column(s)" + missing + " (found: " + seen +
                   (columns.header.size() > 6 ? ", …" : "") + ")",
               1, 1);
        return result;
    }
    columns.timePrecision = find({"time_precision"});
    columns.eventType = find({"event_type"});
    columns.subEventType = find({"sub_event_type"});
    columns.actor1 = find({"actor1"});
    columns.assoc1 = find({"assoc_actor_1", "ally_actor_1"});
    columns.inter1 = find({"inter1"});
    columns.actor2 = find({"actor2"});
    columns.assoc2 = find({"assoc_actor_2", "ally_actor_2"});
    columns.inter2 = find({"inter2"});
    columns.civilian = find({"civilian_targeting"});
    columns.admin1 = find({"admin1"});
    columns.admin2 = find({"admin2"});
    columns.location = find({"location"});
    columns.geoPrecision = find({"geo_precision"});
    columns.source = find({"source"});
    columns.notes = find({"notes"});
    columns.fatalities = find({"fatalities"});
    columns.tags = find({"tags"});
    std::vector<bool> mapped(columns.header.size(), false);
    for (const auto& c : {columns.id, columns.date, columns.latitude, columns.longitude, columns.timePrecision, columns.actor1,
                          columns.assoc1, columns.actor2, columns.assoc2, columns.civilian, columns.admin1, columns.admin2,
                          columns.location, columns.geoPrecision, columns.source, columns.notes, columns.fatalities, columns.tags})
        if (c) mapped[*c] = true;
    // Everything else (event_type, sub_event_type, inter codes, iso, country, admin3, …) is
    // kept verbatim; an unnamed leading index column is dropped.
    for (std::size_t i = 0; i < columns.header.size(); ++i) {
        const std::string name = lower(columns.header[i]);
        if (!mapped[i] && !name.empty()) {
            columns.kept.emplace_back(i, static_cast<std::uint32_t>(columns.keptKeys.size()));
            columns.keptKeys.push_back("acled_" + name);
        }
    }

    // Blocks of records are parsed on every core while this thread reads the next ones and
    // joins the parsed ones, in file order, so the result is the same as reading one record at
    // a time: the same events, actors, ids and diagnostics, in the same order.
    const unsigned workers = std::max(1u, std::min(std::thread::hardware_concurrency(), 16u));
    std::deque<std::future<AcledChunk>> parsing;
    EventTable& events = dataset.events;
    std::vector<std::string> interOfActor;
    EventIdSet ids;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> revisions; // (row revised, row revising it)
    std::uint64_t bytesParsed = 0;
    auto join = [&](AcledChunk chunk) {
        const std::size_t firstRow = events.size();
        const std::size_t knownActors = events.actorIds().size();
        if (firstRow == 0 && sizeHint > bytesParsed && bytesParsed > 0) {
            // Reserve once the first block shows how long a record is (saves moving a million
            // events while the columns grow).
            const auto expected = static_cast<std::size_t>(double(sizeHint) / double(bytesParsed) * double(chunk.events.size()) * 1.05);
            events.reserve(expected);
            ids.reserve(expected, &events);
        }
        events.append(chunk.events);
        // New names join in the order the chunk met them (append pools them in that order).
        std::uint32_t next = static_cast<std::uint32_t>(knownActors);
        for (std::uint32_t ref = 0; ref < chunk.events.actorIds().size() && next < events.actorIds().size(); ++ref)
            if (events.actorIds().at(next) == chunk.events.actorIds().at(ref)) {
                interOfActor.push_back(std::move(chunk.interOfActor[ref]));
                ++next;
            }
        for (auto row = static_cast<std::uint32_t>(firstRow); row < events.size(); ++row)
            if (const auto earlier = ids.insert(events, row)) revisions.emplace_back(*earlier, row);
        result.diagnostics.insert(result.diagnostics.end(), std::make_move_iterator(chunk.diagnostics.begin()),
                                  std::make_move_iterator(chunk.diagnostics.end()));
    };
    auto parse = [&columns, &fileLabel](CsvBlock records, std::size_t from, int line) {
        return parseAcledRecords(records.bytes().substr(from), line, columns, fileLabel);
    };
    // The first block's records after the header, then every other block.
    const std::size_t afterHeader = headerParser->recordEnd();
    const int afterHeaderLine = headerParser->positionOf(afterHeader).line;
    headerParser.reset();
    bytesParsed = block.bytes().size();
    parsing.push_back(std::async(std::launch::async, parse, std::move(block), afterHeader, afterHeaderLine));
    CsvBlock more;
    while (blocks.next(more)) {
        while (parsing.size() > workers) {
            join(parsing.front().get());
            parsing.pop_front();
        }
        const int line = more.firstLine;
        parsing.push_back(std::async(std::launch::async, parse, std::move(more), 0, line));
        more = CsvBlock{};
    }
    while (!parsing.empty()) {
        join(parsing.front().get());
        parsing.pop_front();
    }

    // Actors: one per name, in the order names first appear; ids from the names, numbered
    // when two names give the same id; the side guessed from the name and its inter code.
    std::unordered_map<std::string, int> idUses;
    std::unordered_map<std::string, std::string> idOfName;
    for (std::uint32_t ref = 0; ref < events.actorIds().size(); ++ref) {
        Actor actor;
        actor.name = events.actorIds().at(ref);
        actor.id = slug(actor.name);
        if (const int uses = idUses[actor.id]++; uses > 0) actor.id += "-" + std::to_string(uses + 1);
        actor.side = guessSideFromName(actor.name, interOfActor.at(ref));
        idOfName.emplace(actor.name, actor.id);
        dataset.actors.push_back(std::move(actor));
    }
    groupUnderDefaultUmbrellas(dataset, "");
    events.renameActors(idOfName);
    // A later record with the same id revises the earlier one (ACLED re-issues events): the
    // event keeps the earlier one's place in the order, with the latest record's values.
    if (!revisions.empty()) {
        // The earlier record is the event's earlier version (revisions.h): kept in its history,
        // each record revising the latest before it (a third record keeps the first two).
        std::unordered_map<std::uint32_t, std::uint32_t> latest; // first record → latest so far
        for (const auto& [revised, revising] : revisions) {
            const auto [at, first] = latest.emplace(revised, revised);
            Event current = events.at(revising);
            keepEarlierVersion(current, events.at(at->second));
            events.set(revising, current);
            at->second = revising;
        }
        std::vector<std::uint32_t> order(events.size());
        std::iota(order.begin(), order.end(), 0u);
        std::vector<std::uint8_t> dropped(events.size(), 0);
        for (const auto& [revised, revising] : revisions) {
            order[revised] = revising;
            dropped[revising] = 1;
        }
        std::vector<std::uint32_t> kept;
        kept.reserve(events.size() - revisions.size());
        for (std::uint32_t row = 0; row < events.size(); ++row)
            if (!dropped[row]) kept.push_back(order[row]);
        events.keepOnly(kept);
    }
    events.setOrigin({fileNameOf(fileLabel), RecordKind::CsvLine});
    dataset.reindexActors();
    return result;
}

} // namespace detail

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
        const int geoPrecision = e.place.precision == PlacePrecision::Exact ? 1 : e.place.precision == PlacePrecision::NearTown ? 2 : 3;
        char coordinate[32];
        std::string row;
        row += delimitedField(e.id) + ',' + e.date.toString() + ',' + std::to_string(timePrecision) + ',' +
               acledTypes(e.type).first + ',' + acledTypes(e.type).second + ',' +
               delimitedField(perpetrators.empty() ? "" : perpetrators[0]) + ',' +
               delimitedField(joinFrom(perpetrators, 1, "; ")) + ',' + delimitedField(targets.empty() ? "" : targets[0]) + ',' +
               delimitedField(joinFrom(targets, 1, "; ")) + ',' + (e.civilianTargeting ? "Civilian targeting" : "") + ',' +
               delimitedField(e.place.admin1) + ',' + delimitedField(e.place.admin2) + ',' + delimitedField(e.place.name) + ',';
        std::snprintf(coordinate, sizeof coordinate, "%.6f", e.place.point.latitude);
        row += std::string(coordinate) + ',';
        std::snprintf(coordinate, sizeof coordinate, "%.6f", e.place.point.longitude);
        row += std::string(coordinate) + ',' + std::to_string(geoPrecision) + ',' + delimitedField(joinFrom(sources, 0, "; ")) + ',' +
               delimitedField(e.description) + ',' + (e.killed.known() ? std::to_string(e.killed.lowerBound()) : "") + ',' +
               delimitedField(joinFrom(e.tags, 0, "; "));
        out << row << "\r\n";
    }
}

} // namespace atlas
