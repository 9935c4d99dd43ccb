#include "atlas/model/revisions.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace atlas {

using nlohmann::json;

namespace {

constexpr const char* kRecorded = "recorded";
constexpr const char* kFirstSeen = "first_seen";
constexpr const char* kRevisions = "revisions";
constexpr const char* kRetired = "retired_events";

void setExtra(ExtraFields& extra, const std::string& key, const json& value) {
    for (auto& [k, v] : extra)
        if (k == key) {
            v = value.dump();
            return;
        }
    extra.emplace_back(key, value.dump());
}

void dropExtra(ExtraFields& extra, std::string_view key) {
    extra.erase(std::remove_if(extra.begin(), extra.end(), [&](const auto& kv) { return kv.first == key; }), extra.end());
}

std::optional<Date> dateOf(const json& value) {
    return value.is_string() ? Date::parse(value.get<std::string>()) : std::nullopt;
}

std::optional<Date> dateExtra(const ExtraFields& extra, std::string_view key) {
    const std::string* raw = findExtra(extra, key);
    return raw ? dateOf(json::parse(*raw, nullptr, false)) : std::nullopt;
}

json toJson(const CasualtyCount& count) {
    json object{{"qualifier", toKey(count.qualifier)}};
    if (count.low) object["low"] = *count.low;
    if (count.high) object["high"] = *count.high;
    return object;
}

CasualtyCount countOf(const json& object) {
    CasualtyCount count;
    if (!object.is_object()) return count;
    if (const auto q = object.find("qualifier"); q != object.end() && q->is_string())
        count.qualifier = countQualifierFromKey(q->get<std::string>()).value_or(CountQualifier::Unknown);
    if (const auto low = object.find("low"); low != object.end() && low->is_number_integer()) count.low = low->get<int>();
    if (const auto high = object.find("high"); high != object.end() && high->is_number_integer()) count.high = high->get<int>();
    return count;
}

std::string stringOf(const json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> stringsOf(const json& object, const char* key) {
    std::vector<std::string> out;
    const auto it = object.find(key);
    if (it == object.end() || !it->is_array()) return out;
    for (const json& item : *it)
        if (item.is_string()) out.push_back(item.get<std::string>());
    return out;
}

json toJson(const EventVersion& v) {
    json object;
    if (v.recorded) object[kRecorded] = v.recorded->toString();
    object["date"] = v.date.toString();
    if (v.endDate) object["endDate"] = v.endDate->toString();
    object["datePrecision"] = toKey(v.datePrecision);
    object["type"] = toKey(v.type);
    object["place"] = {{"lat", v.point.latitude}, {"lon", v.point.longitude}, {"precision", toKey(v.placePrecision)},
                       {"name", v.placeName},     {"admin1", v.admin1},       {"admin2", v.admin2}};
    object["perpetrators"] = v.perpetrators;
    object["targets"] = v.targets;
    object["killed"] = toJson(v.killed);
    object["wounded"] = toJson(v.wounded);
    object["description"] = v.description;
    json sources = json::array();
    for (const SourceReference& s : v.sources) sources.push_back({{"publisher", s.publisher}, {"title", s.title}, {"date", s.date}, {"url", s.url}});
    object["sources"] = std::move(sources);
    return object;
}

// A version as written by toJson(); nullopt for anything else (a hand-edited file).
std::optional<EventVersion> versionOf(const json& object) {
    if (!object.is_object()) return std::nullopt;
    const auto date = dateOf(object.value("date", json()));
    if (!date) return std::nullopt;
    EventVersion v;
    v.date = *date;
    v.recorded = dateOf(object.value(kRecorded, json()));
    v.endDate = dateOf(object.value("endDate", json()));
    v.datePrecision = datePrecisionFromKey(stringOf(object, "datePrecision")).value_or(DatePrecision::Day);
    v.type = eventTypeFromKey(stringOf(object, "type")).value_or(EventType::Other);
    if (const auto place = object.find("place"); place != object.end() && place->is_object()) {
        if (place->contains("lat") && (*place)["lat"].is_number()) v.point.latitude = (*place)["lat"].get<double>();
        if (place->contains("lon") && (*place)["lon"].is_number()) v.point.longitude = (*place)["lon"].get<double>();
        v.placePrecision = placePrecisionFromKey(stringOf(*place, "precision")).value_or(PlacePrecision::Exact);
        v.placeName = stringOf(*place, "name");
        v.admin1 = stringOf(*place, "admin1");
        v.admin2 = stringOf(*place, "admin2");
    }
    v.perpetrators = stringsOf(object, "perpetrators");
    v.targets = stringsOf(object, "targets");
    v.killed = countOf(object.value("killed", json()));
    v.wounded = countOf(object.value("wounded", json()));
    v.description = stringOf(object, "description");
    if (const auto sources = object.find("sources"); sources != object.end() && sources->is_array())
        for (const json& s : *sources)
            if (s.is_object()) v.sources.push_back({stringOf(s, "publisher"), stringOf(s, "title"), stringOf(s, "date"), stringOf(s, "url"), {}});
    return v;
}

std::vector<EventVersion> versionsIn(const std::string* raw) {
    std::vector<EventVersion> out;
    if (!raw) return out;
    const json list = json::parse(*raw, nullptr, false);
    if (!list.is_array()) return out;
    for (const json& item : list)
        if (auto v = versionOf(item)) out.push_back(std::move(*v));
    return out;
}

// Counts without the extras a reader may hang on them: a revision is about the figure.
CasualtyCount plain(CasualtyCount count) {
    count.extra.clear();
    return count;
}

// Two versions say the same when every field but the recording day does.
bool sameFields(EventVersion a, EventVersion b) {
    a.recorded = b.recorded;
    return a == b;
}

std::string pointText(GeoPoint p) {
    char text[64];
    std::snprintf(text, sizeof text, "%.5f, %.5f", p.latitude, p.longitude);
    return text;
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

} // namespace

std::optional<Date> recordedOn(const ExtraFields& extra) {
    if (auto day = dateExtra(extra, kRecorded)) return day;
    if (const std::string* raw = findExtra(extra, "acled_timestamp")) {
        const json value = json::parse(*raw, nullptr, false);
        std::optional<long long> seconds;
        if (value.is_number_integer()) seconds = value.get<long long>();
        if (value.is_string()) {
            try {
                std::size_t used = 0;
                const long long parsed = std::stoll(value.get<std::string>(), &used);
                if (used == value.get<std::string>().size()) seconds = parsed;
            } catch (...) {
            }
        }
        // Seconds since 1970 in UTC; a timestamp before ACLED existed or far ahead is no date.
        if (seconds && *seconds > 0 && *seconds < 32503680000LL) return Date(static_cast<std::int32_t>(*seconds / 86400));
    }
    return std::nullopt;
}

EventVersion currentVersion(const Event& event) {
    EventVersion v;
    v.recorded = recordedOn(event.extra);
    v.date = event.date;
    v.endDate = event.endDate;
    v.datePrecision = event.datePrecision;
    v.type = event.type;
    v.point = event.place.point;
    v.placePrecision = event.place.precision;
    v.placeName = event.place.name;
    v.admin1 = event.place.admin1;
    v.admin2 = event.place.admin2;
    v.perpetrators = event.perpetrators;
    v.targets = event.targets;
    v.killed = plain(event.killed);
    v.wounded = plain(event.wounded);
    v.description = event.description;
    for (const SourceReference& s : event.sources) v.sources.push_back({s.publisher, s.title, s.date, s.url, {}});
    return v;
}

std::vector<EventVersion> earlierVersions(const Event& event) { return versionsIn(findExtra(event.extra, kRevisions)); }

std::optional<Date> firstSeenOn(const Event& event) {
    if (auto day = dateExtra(event.extra, kFirstSeen)) return day;
    for (const EventVersion& v : earlierVersions(event))
        if (v.recorded) return v.recorded;
    return recordedOn(event.extra);
}

Event eventAsIn(Event event, const EventVersion& v) {
    event.date = v.date;
    event.endDate = v.endDate;
    event.datePrecision = v.datePrecision;
    event.type = v.type;
    event.place.point = v.point;
    event.place.precision = v.placePrecision;
    event.place.name = v.placeName;
    event.place.admin1 = v.admin1;
    event.place.admin2 = v.admin2;
    event.perpetrators = v.perpetrators;
    event.targets = v.targets;
    event.killed = v.killed;
    event.wounded = v.wounded;
    event.description = v.description;
    event.sources = v.sources;
    dropExtra(event.extra, kRevisions);
    dropExtra(event.extra, "acled_timestamp");
    if (v.recorded) setExtra(event.extra, kRecorded, v.recorded->toString());
    else dropExtra(event.extra, kRecorded);
    return event;
}

void keepEarlierVersion(Event& current, const Event& older) {
    std::vector<EventVersion> history = earlierVersions(older);
    const EventVersion before = currentVersion(older);
    const EventVersion now = currentVersion(current);
    if (!sameFields(before, now)) history.push_back(before);
    if (const auto seen = firstSeenOn(older)) setExtra(current.extra, kFirstSeen, seen->toString());
    if (history.empty()) return;
    json list = json::array();
    for (const EventVersion& v : history) list.push_back(toJson(v));
    setExtra(current.extra, kRevisions, list);
}

std::vector<RetiredEvent> retiredEvents(const Dataset& dataset) {
    std::vector<RetiredEvent> out;
    const std::string* raw = findExtra(dataset.extra, kRetired);
    if (!raw) return out;
    const json list = json::parse(*raw, nullptr, false);
    if (!list.is_array()) return out;
    for (const json& item : list) {
        auto last = versionOf(item);
        if (!last || !item.contains("id") || !item["id"].is_string()) continue;
        RetiredEvent retired{item["id"].get<std::string>(), std::move(*last), {}, dateOf(item.value(kFirstSeen, json())),
                             dateOf(item.value("deleted_on", json()))};
        if (const auto revisions = item.find(kRevisions); revisions != item.end()) {
            const std::string text = revisions->dump();
            retired.earlier = versionsIn(&text);
        }
        out.push_back(std::move(retired));
    }
    return out;
}

void retireEvents(Dataset& dataset, const std::vector<Event>& events, std::optional<Date> deletedOn) {
    if (events.empty()) return;
    json list = json::array();
    if (const std::string* raw = findExtra(dataset.extra, kRetired)) {
        list = json::parse(*raw, nullptr, false);
        if (!list.is_array()) list = json::array();
    }
    for (const Event& event : events) {
        json item = toJson(currentVersion(event));
        item["id"] = event.id;
        if (const auto seen = firstSeenOn(event)) item[kFirstSeen] = seen->toString();
        if (deletedOn) item["deleted_on"] = deletedOn->toString();
        json earlier = json::array();
        for (const EventVersion& v : earlierVersions(event)) earlier.push_back(toJson(v));
        if (!earlier.empty()) item[kRevisions] = std::move(earlier);
        list.push_back(std::move(item));
    }
    setExtra(dataset.extra, kRetired, list); // once: the list is text, parsed and written whole
}

AsKnownOn asKnownOn(const Dataset& dataset, Date day) {
    AsKnownOn out;
    out.dataset = subset(dataset, {}); // all but the events, added below as they were
    dropExtra(out.dataset.extra, kRetired);
    // The version recorded last by the end of `day`, from a newest-last list; nullopt if none.
    // An event seen by then whose versions were all recorded later (its timestamp moved with
    // no field kept changing, e.g. only tags) was as its oldest version says.
    auto versionThen = [&](const EventVersion& last, const std::vector<EventVersion>& earlier,
                           std::optional<Date> firstSeen) -> std::optional<EventVersion> {
        if (!last.recorded || *last.recorded <= day) return last;
        for (auto it = earlier.rbegin(); it != earlier.rend(); ++it)
            if (it->recorded && *it->recorded <= day) return *it;
        if (firstSeen && *firstSeen <= day) return earlier.empty() ? last : earlier.front();
        return std::nullopt;
    };
    const EventTable& events = dataset.events;
    std::vector<std::uint32_t> shown;                 // rows of `dataset` shown, in its order
    std::vector<std::pair<std::size_t, Event>> older; // (index in `shown`, the event as it was)
    for (std::size_t row = 0; row < events.size(); ++row) {
        // Most rows carry no history: their recording day decides.
        const EventDetails* held = events.heldDetails(row);
        const EventDetails details = held ? EventDetails() : events.details(row);
        const ExtraFields& extra = held ? held->extra : details.extra;
        const auto recorded = recordedOn(extra);
        if (!recorded) ++out.undated;
        if (!recorded || *recorded <= day) {
            shown.push_back(static_cast<std::uint32_t>(row));
            continue;
        }
        const Event event = events.at(row);
        if (const auto then = versionThen(currentVersion(event), earlierVersions(event), firstSeenOn(event))) {
            ++out.asRecordedThen;
            older.emplace_back(shown.size(), eventAsIn(event, *then));
            shown.push_back(static_cast<std::uint32_t>(row));
        } else {
            ++out.notYetRecorded;
        }
    }
    // Appended as they are (their file and record kept), then the earlier versions set in.
    out.dataset.events.append(events, shown);
    for (const auto& [at, event] : older) out.dataset.events.set(at, event);
    // Deleted since: brought back, unless the id is shown already (deleted, then listed again).
    std::unordered_set<std::string> shownIds; // copies: the table's ids move as events are added
    for (std::size_t row = 0; row < out.dataset.events.size(); ++row) shownIds.emplace(out.dataset.events.id(row));
    for (const RetiredEvent& retired : retiredEvents(dataset)) {
        if (!retired.deletedOn || *retired.deletedOn <= day || shownIds.count(retired.id)) continue;
        const auto then = versionThen(retired.last, retired.earlier, retired.firstSeen);
        if (!then) continue;
        Event event;
        event.id = retired.id;
        out.dataset.events.push_back(eventAsIn(std::move(event), *then));
        ++out.deletedSince;
    }
    out.dataset.reindexActors();
    return out;
}

std::vector<FieldChange> differences(const EventVersion& a, const EventVersion& b) {
    std::vector<FieldChange> out;
    auto add = [&](const char* field, std::string before, std::string after) {
        if (before != after) out.push_back({field, std::move(before), std::move(after)});
    };
    add("date", a.date.toString() + (a.endDate ? " – " + a.endDate->toString() : ""), b.date.toString() + (b.endDate ? " – " + b.endDate->toString() : ""));
    add("date precision", std::string(toKey(a.datePrecision)), std::string(toKey(b.datePrecision)));
    add("type", std::string(toKey(a.type)), std::string(toKey(b.type)));
    if (a.point != b.point) add("point", pointText(a.point), pointText(b.point));
    add("place precision", std::string(toKey(a.placePrecision)), std::string(toKey(b.placePrecision)));
    add("place", a.placeName + (a.admin2.empty() && a.admin1.empty() ? "" : " (" + a.admin2 + ", " + a.admin1 + ")"),
        b.placeName + (b.admin2.empty() && b.admin1.empty() ? "" : " (" + b.admin2 + ", " + b.admin1 + ")"));
    add("perpetrators", joined(a.perpetrators), joined(b.perpetrators));
    add("targets", joined(a.targets), joined(b.targets));
    add("killed", a.killed.toText(), b.killed.toText());
    add("wounded", a.wounded.toText(), b.wounded.toText());
    add("description", a.description, b.description);
    if (a.sources != b.sources) add("sources", std::to_string(a.sources.size()) + " source(s)", std::to_string(b.sources.size()) + " source(s)");
    return out;
}

std::string_view toKey(PullChange::Kind kind) {
    switch (kind) {
    case PullChange::Kind::Added: return "added";
    case PullChange::Kind::Revised: return "revised";
    case PullChange::Kind::Deleted: return "deleted";
    }
    return "added";
}

std::vector<PullChange> comparePulls(const Dataset& older, const Dataset& newer) {
    std::vector<PullChange> out;
    std::unordered_map<std::string_view, std::uint32_t> olderRow;
    olderRow.reserve(older.events.size());
    for (std::size_t row = 0; row < older.events.size(); ++row) olderRow.emplace(older.events.id(row), static_cast<std::uint32_t>(row));
    std::unordered_set<std::string_view> inNewer;
    inNewer.reserve(newer.events.size());
    for (std::size_t row = 0; row < newer.events.size(); ++row) {
        const std::string_view id = newer.events.id(row);
        inNewer.insert(id);
        const auto found = olderRow.find(id);
        if (found == olderRow.end()) {
            out.push_back({PullChange::Kind::Added, std::string(id), static_cast<std::uint32_t>(row), {}});
            continue;
        }
        auto changes = differences(currentVersion(older.events.at(found->second)), currentVersion(newer.events.at(row)));
        if (!changes.empty()) out.push_back({PullChange::Kind::Revised, std::string(id), static_cast<std::uint32_t>(row), std::move(changes)});
    }
    for (std::size_t row = 0; row < older.events.size(); ++row)
        if (!inNewer.count(older.events.id(row)))
            out.push_back({PullChange::Kind::Deleted, std::string(older.events.id(row)), static_cast<std::uint32_t>(row), {}});
    return out;
}

} // namespace atlas
