#include "atlas/io/native_format.h"
#include "atlas/model/diagnostic_codes.h"

#include "atlas/io/atomic_file.h"

#include "atlas/io/load_control.h"
#include "atlas/model/event_id_set.h"

#include "atlas/io/json_position.h"
#include "atlas/io/text.h"
#include "json_stream.h"
#include "atlas/io/native_fast.h"
#include "native_json.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <sys/mman.h>
#include <unistd.h>
#include <deque>
#include <future>
#include <optional>
#include <thread>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

namespace atlas {

using nlohmann::json;

namespace {

// ---------------------------------------------------------------------------------------------
// Turning JSON values into the model, with a diagnostic for every problem.

std::string describe(const json& value) {
    switch (value.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::string: return "a string";
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    default: return "a number";
    }
}

ExtraFields extrasOf(const json& object, std::initializer_list<const char*> known) {
    ExtraFields extra;
    for (auto it = object.begin(); it != object.end(); ++it) {
        bool isKnown = false;
        for (const char* name : known)
            if (it.key() == name) isKnown = true;
        if (!isKnown) extra.emplace_back(it.key(), it.value().dump());
    }
    return extra;
}

class NativeReader {
public:
    explicit NativeReader(detail::JsonSource source) : m_source(std::move(source)) {}

    LoadResult read() {
        detail::StreamingHandler handler("events", [this](json& element, std::size_t index) { readEvent(element, index); });
        if (!m_source.parse(handler, m_result)) return std::move(m_result);
        return readSections(handler.document());
    }

    /// The fast road (native_fast.h): `text` (a copy of the source's text, followed by
    /// detail::kJsonPadding readable bytes) has its events decoded on every core, the events
    /// that are not plainly valid read here one by one, in order, then the rest of the document
    /// (the text without its events) as read() does. nullopt when the text is not one this road
    /// takes (the caller then calls read()); what it returns is what read() would. The copy's
    /// pages behind the events already joined are handed back to the system as the reading
    /// goes (so the text and the model built from it are not both held whole); positions for
    /// diagnostics come from the source, never from the copy.
    std::optional<LoadResult> readFast(std::string_view text) {
        const auto layout = detail::scanNativeEvents(text);
        if (!layout) return std::nullopt;
        // The rest of the document, events left out: checked and built as read() builds it.
        std::string rest;
        rest.reserve(text.size() - (layout->arrayClose - layout->arrayOpen));
        rest.append(text.substr(0, layout->arrayOpen + 1));
        rest.append(text.substr(layout->arrayClose));
        detail::StreamingHandler handler("events", [](json&, std::size_t) {});
        LoadResult restResult;
        auto restSource = detail::JsonSource::text(rest, m_source.label());
        if (!restSource.parse(handler, restResult)) return std::nullopt; // a syntax error: read() says where

        // Batches of events decoded on every core, joined in order on this thread.
        const auto& elements = layout->elements;
        constexpr std::size_t kBatch = 2048;
        const unsigned workers = std::max(1u, std::min(std::thread::hardware_concurrency(), 16u));
        using Batch = std::vector<std::optional<Event>>;
        std::deque<std::future<Batch>> decoding;
        auto decodeBatch = [&text, &elements](std::size_t first, std::size_t last) {
            detail::FastEventDecoder decoder;
            Batch batch;
            batch.reserve(last - first);
            for (std::size_t i = first; i < last; ++i)
                batch.push_back(decoder.decode(text.substr(elements[i].begin, elements[i].end - elements[i].begin)));
            return batch;
        };
        m_result.dataset.events.reserve(elements.size());
        m_eventRows.reserve(elements.size());
        std::size_t next = 0, joined = 0;
        bool plain = true;
        auto join = [&](Batch batch) {
            for (std::optional<Event>& event : batch) {
                const std::size_t index = joined++;
                if (!plain) continue;
                if (event) {
                    acceptEvent(std::move(*event), index);
                    continue;
                }
                const auto& span = elements[index];
                json item = json::parse(text.substr(span.begin, span.end - span.begin), nullptr, false);
                if (item.is_discarded()) {
                    plain = false; // not JSON: read() reports the syntax error where it is
                    continue;
                }
                readEvent(item, index);
            }
        };
        while (next < elements.size() || !decoding.empty()) {
            while (next < elements.size() && decoding.size() <= workers) {
                const std::size_t last = std::min(elements.size(), next + kBatch);
                decoding.push_back(std::async(std::launch::async, decodeBatch, next, last));
                next = last;
            }
            join(decoding.front().get());
            decoding.pop_front();
            // Nothing reads the text before the next event to join again: no worker (they
            // decode later batches), no diagnostic (positions come from the source).
            if (plain && joined < elements.size()) releaseBefore(text, elements[joined].begin);
        }
        if (!plain) return std::nullopt;
        return readSections(handler.document());
    }

private:
    // Hands the whole pages of `text` before `offset` back to the system (they read as zeros
    // afterwards).
    static void releaseBefore(std::string_view text, std::size_t offset) {
        static const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
        const auto begin = (reinterpret_cast<std::uintptr_t>(text.data()) + page - 1) / page * page;
        const auto end = (reinterpret_cast<std::uintptr_t>(text.data()) + offset) / page * page;
        if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_DONTNEED);
    }

    // Everything but the events, once they are read: header, sections, references.
    LoadResult readSections(json& document) {
        if (!document.is_object()) {
            add(Severity::Fatal, codes::kNativeRoot, "expected a JSON object at the top level", "");
            m_result.dataset = Dataset();
            return std::move(m_result);
        }
        readHeader(document);
        if (m_result.failed()) {
            m_result.dataset = Dataset();
            return std::move(m_result);
        }
        readMetadata(document);
        readActors(document);
        readSites(document);
        readLines(document);
        readAreas(document);
        m_result.dataset.extra =
            extrasOf(document, {"format", "version", "metadata", "actors", "events", "sites", "lines", "areas"});
        checkReferences();
        EventTable& events = m_result.dataset.events;
        events.setRecords(m_eventJsonIndex);
        events.setOrigin({fileNameOf(m_source.label()), RecordKind::JsonEvent});
        return std::move(m_result);
    }

    // An event decoded on the fast road: plainly valid, so only its id can be refused.
    void acceptEvent(Event&& event, std::size_t index) {
        if (idSeen(event.id)) {
            add(Severity::Error, codes::kEventIdDuplicate, "duplicate event id \"" + event.id + "\"; skipped",
                "/events/" + std::to_string(index) + "/id");
            return;
        }
        m_result.dataset.events.push_back(std::move(event));
        m_eventRows.insert(m_result.dataset.events, static_cast<std::uint32_t>(m_result.dataset.events.size() - 1));
        m_eventJsonIndex.push_back(static_cast<std::int64_t>(index));
    }

    // Event ids are claimed as events are read, kept or not (a later event with a skipped one's
    // id is still a duplicate, and a link to it is not reported): kept events' ids are found
    // through the table (no copy of a million ids), the others' in a set of their own.
    [[nodiscard]] bool idSeen(const std::string& id) const {
        return m_eventRows.contains(m_result.dataset.events, id) || m_claimedIds.count(id) > 0;
    }

    detail::JsonSource m_source;
    LoadResult m_result;

    // Where each kept event came from, to check its references once every actor is known.
    std::vector<std::int64_t> m_eventJsonIndex; // per event kept: its index in "events"
    EventIdSet m_eventRows;
    std::unordered_set<std::string> m_claimedIds;

    void add(Severity severity, std::string code, std::string message, const std::string& pointer,
             std::optional<std::size_t> offset = std::nullopt) {
        // Locating a pointer costs a scan of the text, so only the first problems get positions.
        m_result.diagnostics.push_back(
            m_source.at(severity, std::move(code), std::move(message), pointer, offset, m_result.diagnostics.size() < 200));
    }

    // --- typed field access: each checks the type and says where and what was expected ---

    std::optional<std::string> string(const json& object, const char* key, const std::string& pointer,
                                      bool required, Severity severity = Severity::Error) {
        const auto found = object.find(key);
        if (found == object.end() || found->is_null()) {
            if (required) add(severity, codes::kFieldMissing, std::string("missing required field \"") + key + "\"", pointer);
            return std::nullopt;
        }
        if (!found->is_string()) {
            add(severity, codes::kFieldType, std::string("\"") + key + "\" must be a string, found " + describe(*found),
                pointer + "/" + key);
            return std::nullopt;
        }
        return found->get<std::string>();
    }

    std::string text(const json& object, const char* key, const std::string& pointer) {
        return string(object, key, pointer, false, Severity::Warning).value_or("");
    }

    bool flag(const json& object, const char* key, const std::string& pointer) {
        const auto found = object.find(key);
        if (found == object.end() || found->is_null()) return false;
        if (found->is_boolean()) return found->get<bool>();
        add(Severity::Warning, codes::kFieldType, std::string("\"") + key + "\" must be true or false", pointer + "/" + key);
        return false;
    }

    std::vector<std::string> stringList(const json& object, const char* key, const std::string& pointer) {
        std::vector<std::string> values;
        const auto found = object.find(key);
        if (found == object.end() || found->is_null()) return values;
        const std::string path = pointer + "/" + key;
        if (!found->is_array()) {
            add(Severity::Warning, codes::kFieldType,
                std::string("\"") + key + "\" must be an array of strings, found " + describe(*found) + "; ignored", path);
            return values;
        }
        for (std::size_t i = 0; i < found->size(); ++i) {
            const json& item = (*found)[i];
            if (item.is_string()) values.push_back(item.get<std::string>());
            else add(Severity::Warning, codes::kFieldType, "expected a string, found " + describe(item) + "; ignored",
                     path + "/" + std::to_string(i));
        }
        return values;
    }

    template <typename Enum, typename Parse>
    Enum enumeration(const json& object, const char* key, const std::string& pointer, Enum fallback, Parse parse,
                     const char* expected, bool required = false) {
        const auto value = string(object, key, pointer, required, required ? Severity::Error : Severity::Warning);
        if (!value) return fallback;
        if (const auto parsed = parse(*value)) return *parsed;
        add(Severity::Warning, std::string(key) + ".unknown",
            "unknown " + std::string(key) + " \"" + *value + "\"; expected " + expected, pointer + "/" + key);
        return fallback;
    }

    std::optional<Date> date(const json& object, const char* key, const std::string& pointer, bool required) {
        const auto value = string(object, key, pointer, required);
        if (!value) return std::nullopt;
        const auto parsed = Date::parse(*value);
        if (!parsed)
            add(Severity::Error, codes::kDateInvalid,
                "\"" + *value + "\" is not a valid date; expected YYYY-MM-DD (a day that exists)", pointer + "/" + key);
        return parsed;
    }

    const json* array(const json& object, const char* key, const std::string& pointer) {
        const auto found = object.find(key);
        if (found == object.end() || found->is_null()) return nullptr;
        if (!found->is_array()) {
            add(Severity::Error, codes::kFieldType, std::string("\"") + key + "\" must be an array, found " + describe(*found),
                pointer + "/" + key);
            return nullptr;
        }
        return &*found;
    }

    // A [lon, lat] position (GeoJSON order) or a {"lat", "lon"} object.
    std::optional<GeoPoint> position(const json& value, const std::string& pointer) {
        double latitude = 0, longitude = 0;
        if (value.is_array() && value.size() >= 2 && value[0].is_number() && value[1].is_number()) {
            longitude = value[0].get<double>();
            latitude = value[1].get<double>();
        } else {
            add(Severity::Error, codes::kGeometryPosition, "expected a position [longitude, latitude], found " + describe(value),
                pointer);
            return std::nullopt;
        }
        if (!std::isfinite(latitude) || std::abs(latitude) > 90 || !std::isfinite(longitude) || std::abs(longitude) > 180) {
            add(Severity::Error, codes::kGeometryPositionRange,
                "position [" + value[0].dump() + ", " + value[1].dump() + "] out of range (longitude ±180, latitude ±90)",
                pointer);
            return std::nullopt;
        }
        return GeoPoint{latitude, longitude};
    }

    std::optional<std::vector<GeoPoint>> positions(const json& value, const std::string& pointer, std::size_t minimum) {
        if (!value.is_array()) {
            add(Severity::Error, codes::kGeometryType, "expected an array of [longitude, latitude] positions, found " +
                describe(value), pointer);
            return std::nullopt;
        }
        std::vector<GeoPoint> points;
        for (std::size_t i = 0; i < value.size(); ++i) {
            const auto point = position(value[i], pointer + "/" + std::to_string(i));
            if (!point) return std::nullopt;
            points.push_back(*point);
        }
        if (points.size() < minimum) {
            add(Severity::Error, codes::kGeometryTooShort,
                "expected at least " + std::to_string(minimum) + " positions, found " + std::to_string(points.size()),
                pointer);
            return std::nullopt;
        }
        return points;
    }

    std::optional<double> coordinate(const json& place, const char* key, const std::string& pointer, double limit) {
        const auto found = place.find(key);
        if (found == place.end() || !found->is_number()) {
            add(Severity::Error, codes::kPlaceCoordinate, std::string("\"") + key + "\" must be a number of decimal degrees",
                pointer + "/" + key);
            return std::nullopt;
        }
        const double value = found->get<double>();
        if (!std::isfinite(value) || std::abs(value) > limit) {
            add(Severity::Error, codes::kPlaceCoordinateRange,
                std::string(key == std::string("lat") ? "latitude " : "longitude ") + found->dump() + " out of range (-" +
                    std::to_string(static_cast<int>(limit)) + " to " + std::to_string(static_cast<int>(limit)) + ")",
                pointer + "/" + key);
            return std::nullopt;
        }
        return value;
    }

    std::optional<Place> place(const json& owner, const std::string& ownerPointer) {
        const auto found = owner.find("place");
        const std::string pointer = ownerPointer + "/place";
        if (found == owner.end() || !found->is_object()) {
            add(Severity::Error, codes::kPlaceMissing, "expected a \"place\" object with lat and lon", ownerPointer);
            return std::nullopt;
        }
        const auto latitude = coordinate(*found, "lat", pointer, 90.0);
        const auto longitude = coordinate(*found, "lon", pointer, 180.0);
        if (!latitude || !longitude) return std::nullopt;
        Place result;
        result.point = {*latitude, *longitude};
        result.name = text(*found, "name", pointer);
        result.admin1 = text(*found, "admin1", pointer);
        result.admin2 = text(*found, "admin2", pointer);
        result.precision = enumeration(*found, "precision", pointer, PlacePrecision::Exact, placePrecisionFromKey,
                                       "exact, near_town, district or governorate");
        result.extra = extrasOf(*found, {"lat", "lon", "precision", "name", "admin1", "admin2"});
        return result;
    }

    CasualtyCount casualties(const json& owner, const char* key, const std::string& ownerPointer) {
        CasualtyCount count;
        const auto found = owner.find(key);
        if (found == owner.end() || found->is_null()) return count;
        const std::string pointer = ownerPointer + "/" + key;
        if (!found->is_object()) {
            add(Severity::Warning, codes::kCasualtiesType,
                "expected {\"qualifier\": …, \"low\": …}, found " + describe(*found) + "; left unknown", pointer);
            return count;
        }
        count.extra = extrasOf(*found, {"qualifier", "low", "high"});
        const CountQualifier qualifier =
            enumeration(*found, "qualifier", pointer, CountQualifier::Unknown, countQualifierFromKey,
                        "exact, at_least, more_than, about, range or unknown", true);
        auto bound = [&](const char* name) -> std::optional<int> {
            const auto value = found->find(name);
            if (value == found->end() || value->is_null()) return std::nullopt;
            if (!value->is_number_integer() || value->get<long long>() < 0 || value->get<long long>() > 10'000'000) {
                add(Severity::Warning, codes::kCasualtiesBound, std::string("\"") + name + "\" must be a whole number from 0",
                    pointer + "/" + name);
                return std::nullopt;
            }
            return value->get<int>();
        };
        count.low = bound("low");
        count.high = bound("high");
        if (count.low && count.high && *count.high < *count.low) {
            add(Severity::Warning, codes::kCasualtiesOrder, "\"high\" is below \"low\"; high ignored", pointer + "/high");
            count.high.reset();
        }
        if (qualifier == CountQualifier::Unknown) return count;
        if (!count.low) {
            add(Severity::Warning, codes::kCasualtiesLow, "a known count needs \"low\"; left unknown", pointer);
            count.high.reset();
            return count;
        }
        count.qualifier = qualifier;
        return count;
    }

    std::vector<SourceReference> sources(const json& owner, const std::string& ownerPointer, bool expected) {
        std::vector<SourceReference> result;
        const auto found = owner.find("sources");
        const std::string pointer = ownerPointer + "/sources";
        if (found == owner.end() || !found->is_array()) {
            if (expected || found != owner.end())
                add(Severity::Warning, codes::kSourcesMissing, "expected a \"sources\" array citing the reports", ownerPointer);
            return result;
        }
        for (std::size_t i = 0; i < found->size(); ++i) {
            const json& item = (*found)[i];
            const std::string itemPointer = pointer + "/" + std::to_string(i);
            if (!item.is_object()) {
                add(Severity::Warning, codes::kSourceType, "expected a source object, found " + describe(item), itemPointer);
                continue;
            }
            SourceReference source;
            source.publisher = text(item, "publisher", itemPointer);
            source.title = text(item, "title", itemPointer);
            source.date = text(item, "date", itemPointer);
            source.url = text(item, "url", itemPointer);
            source.extra = extrasOf(item, {"publisher", "title", "date", "url"});
            result.push_back(std::move(source));
        }
        return result;
    }

    std::optional<Validity> validity(const json& owner, const std::string& pointer) {
        const auto from = date(owner, "validFrom", pointer, true);
        if (!from) return std::nullopt;
        Validity result{*from, std::nullopt};
        if (owner.contains("validTo") && !owner["validTo"].is_null()) {
            const auto to = date(owner, "validTo", pointer, false);
            if (!to) return std::nullopt;
            if (*to < *from) {
                add(Severity::Error, codes::kValidityOrder,
                    "validTo " + to->toString() + " is before validFrom " + from->toString(), pointer + "/validTo");
                return std::nullopt;
            }
            result.to = to;
        }
        return result;
    }

    // --- sections ---

    void readHeader(const json& document) {
        const auto format = document.find("format");
        if (format == document.end() || !format->is_string() || format->get<std::string>() != "conflict-atlas")
            add(Severity::Warning, codes::kNativeFormat,
                "expected \"format\": \"conflict-atlas\"; reading on as a Conflict Atlas file", "/format");
        const auto version = document.find("version");
        if (version == document.end() || !version->is_number_integer()) {
            add(Severity::Warning, codes::kNativeVersion, "expected an integer \"version\"; assuming 1", "/version");
        } else if (version->get<long long>() > kNativeFormatVersion || version->get<long long>() < 1) {
            add(Severity::Fatal, codes::kNativeVersion,
                "format version " + version->dump() + " is not one this program reads (1 to " +
                    std::to_string(kNativeFormatVersion) + ")",
                "/version");
        }
    }

    void readMetadata(const json& document) {
        const auto found = document.find("metadata");
        if (found == document.end()) return;
        if (!found->is_object()) {
            add(Severity::Warning, codes::kFieldType, "\"metadata\" must be an object", "/metadata");
            return;
        }
        DatasetMetadata& metadata = m_result.dataset.metadata;
        metadata.title = text(*found, "title", "/metadata");
        metadata.description = text(*found, "description", "/metadata");
        metadata.licence = text(*found, "licence", "/metadata");
        metadata.provenance = text(*found, "provenance", "/metadata");
        metadata.extra = extrasOf(*found, {"title", "description", "licence", "provenance"});
    }

    // Runs `readItem` on each object of an array section, checking ids are present and unique.
    template <typename ReadItem>
    void forEachItem(const json& document, const char* section, const char* what, ReadItem readItem) {
        const std::string sectionPointer = std::string("/") + section;
        const json* items = array(document, section, "");
        if (!items) return;
        std::unordered_set<std::string> seen;
        for (std::size_t i = 0; i < items->size(); ++i) {
            const json& item = (*items)[i];
            const std::string pointer = sectionPointer + "/" + std::to_string(i);
            if (!item.is_object()) {
                add(Severity::Error, std::string(what) + ".type",
                    std::string("expected ") + what + " object, found " + describe(item), pointer);
                continue;
            }
            const auto id = string(item, "id", pointer, true);
            if (!id) continue;
            if (id->empty() || !seen.insert(*id).second) {
                add(Severity::Error, std::string(what) + ".id.duplicate",
                    id->empty() ? std::string("id must not be empty") : "duplicate id \"" + *id + "\"; skipped",
                    pointer + "/id");
                continue;
            }
            readItem(item, pointer, *id);
        }
    }

    void readActors(const json& document) {
        forEachItem(document, "actors", "actor", [&](const json& item, const std::string& pointer, const std::string& id) {
            const auto name = string(item, "name", pointer, true);
            if (!name) return;
            Actor actor;
            actor.id = id;
            actor.name = *name;
            actor.aliases = stringList(item, "aliases", pointer);
            actor.parent = text(item, "parent", pointer);
            actor.colour = text(item, "colour", pointer);
            actor.side = enumeration(item, "side", pointer, Side::Unknown, sideFromKey,
                                     "pro_government, opposition, jihadist, turkish_forces, russian_forces, kurdish_led, other or unknown");
            actor.extra = extrasOf(item, {"id", "name", "aliases", "parent", "side", "colour"});
            m_result.dataset.actors.push_back(std::move(actor));
        });
        m_result.dataset.reindexActors();
    }

    void readEvent(json& item, std::size_t index) {
        const std::string pointer = "/events/" + std::to_string(index);
        if (!item.is_object()) {
            add(Severity::Error, codes::kEventType, "expected an event object, found " + describe(item), pointer);
            return;
        }
        const auto id = string(item, "id", pointer, true);
        if (!id) return;
        if (id->empty() || idSeen(*id) || !m_claimedIds.insert(*id).second) {
            add(Severity::Error, codes::kEventIdDuplicate,
                id->empty() ? std::string("event id must not be empty") : "duplicate event id \"" + *id + "\"; skipped",
                pointer + "/id");
            return;
        }
        Event event;
        event.id = *id;
        event.type = enumeration(item, "type", pointer, EventType::Other, eventTypeFromKey,
                                 "a type from docs/format.md, e.g. air_strike or shelling; shown as other", true);
        if (!item.contains("type")) return;
        const auto start = date(item, "date", pointer, true);
        if (!start) return;
        event.date = *start;
        if (item.contains("endDate") && !item["endDate"].is_null()) {
            const auto end = date(item, "endDate", pointer, false);
            if (!end) return;
            if (*end < *start) {
                add(Severity::Error, codes::kEventSpanOrder,
                    "endDate " + end->toString() + " is before date " + start->toString(), pointer + "/endDate");
                return;
            }
            event.endDate = end;
        }
        event.datePrecision = enumeration(item, "datePrecision", pointer, DatePrecision::Day, datePrecisionFromKey,
                                          "day, week or month");
        const auto where = place(item, pointer);
        if (!where) return;
        event.place = *where;
        event.perpetrators = stringList(item, "perpetrators", pointer);
        event.targets = stringList(item, "targets", pointer);
        event.killed = casualties(item, "killed", pointer);
        event.wounded = casualties(item, "wounded", pointer);
        event.civilianTargeting = flag(item, "civilianTargeting", pointer);
        event.description = text(item, "description", pointer);
        event.sources = sources(item, pointer, true);
        event.tags = stringList(item, "tags", pointer);
        if (const json* links = array(item, "links", pointer)) {
            for (std::size_t i = 0; i < links->size(); ++i) {
                const json& link = (*links)[i];
                const std::string linkPointer = pointer + "/links/" + std::to_string(i);
                if (!link.is_object()) {
                    add(Severity::Warning, codes::kLinkType, "expected a link object, found " + describe(link), linkPointer);
                    continue;
                }
                const auto target = string(link, "event", linkPointer, true, Severity::Warning);
                if (!target) continue;
                EventLink result;
                result.eventId = *target;
                result.relation = enumeration(link, "relation", linkPointer, LinkRelation::Related, linkRelationFromKey,
                                              "related, retaliation_for, part_of or follow_up_to");
                result.extra = extrasOf(link, {"event", "relation"});
                event.links.push_back(std::move(result));
            }
        }
        event.extra = extrasOf(item, {"id", "type", "date", "endDate", "datePrecision", "place", "perpetrators", "targets",
                                      "killed", "wounded", "civilianTargeting", "description", "sources", "tags", "links"});
        m_result.dataset.events.push_back(std::move(event));
        m_eventJsonIndex.push_back(static_cast<std::int64_t>(index));
    }

    void readSites(const json& document) {
        forEachItem(document, "sites", "site", [&](const json& item, const std::string& pointer, const std::string& id) {
            const auto name = string(item, "name", pointer, true);
            const auto where = place(item, pointer);
            if (!name || !where) return;
            Site site;
            site.id = id;
            site.name = *name;
            site.kind = enumeration(item, "kind", pointer, SiteKind::Other, siteKindFromKey,
                                    "observation_post, military_post, base, crossing, checkpoint or other");
            site.operatorId = text(item, "operator", pointer);
            site.place = *where;
            site.description = text(item, "description", pointer);
            if (const json* history = array(item, "history", pointer)) {
                for (std::size_t i = 0; i < history->size(); ++i) {
                    const json& entry = (*history)[i];
                    const std::string entryPointer = pointer + "/history/" + std::to_string(i);
                    if (!entry.is_object()) {
                        add(Severity::Error, codes::kSiteHistoryType, "expected a status change object, found " + describe(entry),
                            entryPointer);
                        continue;
                    }
                    const auto when = date(entry, "date", entryPointer, true);
                    if (!when) continue;
                    SiteStatusChange change;
                    change.date = *when;
                    change.datePrecision = enumeration(entry, "datePrecision", entryPointer, DatePrecision::Day,
                                                       datePrecisionFromKey, "day, week or month");
                    change.status = enumeration(entry, "status", entryPointer, SiteStatus::Unknown, siteStatusFromKey,
                                                "established, active, encircled, evacuating, evacuated, handed_over or destroyed",
                                                true);
                    change.note = text(entry, "note", entryPointer);
                    change.sources = sources(entry, entryPointer, true);
                    change.extra = extrasOf(entry, {"date", "datePrecision", "status", "note", "sources"});
                    if (!site.history.empty() && change.date < site.history.back().date)
                        add(Severity::Error, codes::kSiteHistoryOrder,
                            "status changes must be in date order: " + change.date.toString() + " comes after " +
                                site.history.back().date.toString(),
                            entryPointer + "/date");
                    else
                        site.history.push_back(std::move(change));
                }
            }
            site.extra = extrasOf(item, {"id", "name", "kind", "operator", "place", "history", "description"});
            m_result.dataset.sites.push_back(std::move(site));
        });
    }

    void readLines(const json& document) {
        forEachItem(document, "lines", "line", [&](const json& item, const std::string& pointer, const std::string& id) {
            const auto name = string(item, "name", pointer, true);
            const auto span = validity(item, pointer);
            const auto path = item.contains("path") ? positions(item["path"], pointer + "/path", 2) : std::nullopt;
            if (!item.contains("path")) add(Severity::Error, codes::kLinePath, "a line needs a \"path\" of positions", pointer);
            if (!name || !span || !path) return;
            Line line;
            line.id = id;
            line.name = *name;
            line.kind = enumeration(item, "kind", pointer, LineKind::Other, lineKindFromKey,
                                    "ceasefire_line, security_corridor, front_line, patrol_route or other");
            line.path = *path;
            line.validity = *span;
            line.parties = stringList(item, "parties", pointer);
            line.approximate = flag(item, "approximate", pointer);
            line.description = text(item, "description", pointer);
            line.sources = sources(item, pointer, true);
            if (const auto width = item.find("halfWidthKm"); width != item.end() && !width->is_null()) {
                if (width->is_number() && width->get<double>() >= 0 && width->get<double>() < 1000)
                    line.halfWidthKm = width->get<double>();
                else
                    add(Severity::Warning, "line.halfWidthKm", "\"halfWidthKm\" must be a number of kilometres from 0",
                        pointer + "/halfWidthKm");
            }
            line.extra = extrasOf(item, {"id", "name", "kind", "path", "halfWidthKm", "validFrom", "validTo", "parties",
                                         "approximate", "description", "sources"});
            m_result.dataset.lines.push_back(std::move(line));
        });
    }

    void readAreas(const json& document) {
        forEachItem(document, "areas", "area", [&](const json& item, const std::string& pointer, const std::string& id) {
            const auto name = string(item, "name", pointer, true);
            const auto span = validity(item, pointer);
            const json* rings = array(item, "rings", pointer);
            if (!rings) add(Severity::Error, codes::kAreaRings, "an area needs \"rings\": an array of closed rings", pointer);
            if (!name || !span || !rings) return;
            Area area;
            for (std::size_t i = 0; i < rings->size(); ++i) {
                auto ring = positions((*rings)[i], pointer + "/rings/" + std::to_string(i), 4);
                if (!ring) return;
                if (!(ring->front() == ring->back())) {
                    add(Severity::Warning, codes::kAreaRingOpen, "ring is not closed (first position differs from last); closed it",
                        pointer + "/rings/" + std::to_string(i));
                    ring->push_back(ring->front());
                }
                area.rings.push_back(std::move(*ring));
            }
            if (area.rings.empty()) {
                add(Severity::Error, codes::kAreaRings, "an area needs at least one ring", pointer + "/rings");
                return;
            }
            area.id = id;
            area.name = *name;
            area.controller = text(item, "controller", pointer);
            area.validity = *span;
            area.approximate = flag(item, "approximate", pointer);
            area.description = text(item, "description", pointer);
            area.sources = sources(item, pointer, true);
            area.extra = extrasOf(item, {"id", "name", "controller", "rings", "validFrom", "validTo", "approximate",
                                         "description", "sources"});
            m_result.dataset.areas.push_back(std::move(area));
        });
    }

    // References are checked once everything is read: the sections may come in any order.
    void checkReferences() {
        Dataset& dataset = m_result.dataset;
        auto checkActor = [&](const std::string& id, const std::string& pointer) {
            if (!id.empty() && !dataset.findActor(id))
                add(Severity::Warning, codes::kActorUnknown, "\"" + id + "\" is not a known actor id", pointer);
        };
        for (std::size_t i = 0; i < dataset.actors.size(); ++i) {
            const Actor& actor = dataset.actors[i];
            if (!actor.parent.empty() && !dataset.findActor(actor.parent))
                add(Severity::Warning, codes::kActorParentUnknown, "parent \"" + actor.parent + "\" is not a known actor",
                    "/actors/" + std::to_string(i) + "/parent");
        }
        // By column: each pooled actor id is looked up once, not once per event.
        const EventTable& events = dataset.events;
        std::vector<std::uint8_t> knownRef(events.actorIds().size());
        for (std::uint32_t ref = 0; ref < knownRef.size(); ++ref) knownRef[ref] = dataset.findActor(events.actorIds().at(ref)) ? 1 : 0;
        for (std::size_t i = 0; i < events.size(); ++i) {
            const std::string pointer = "/events/" + std::to_string(m_eventJsonIndex[i]);
            const auto refs = events.actorRefs(i);
            for (std::size_t j = 0; j < refs.size(); ++j) {
                if (knownRef[refs[j]]) continue;
                const bool perpetrator = j < events.perpetratorCount(i);
                checkActor(events.actorIds().at(refs[j]), pointer + (perpetrator ? "/perpetrators/" : "/targets/") +
                                                              std::to_string(perpetrator ? j : j - events.perpetratorCount(i)));
            }
            const EventDetails* details = events.heldDetails(i);
            if (!details) continue;
            for (std::size_t j = 0; j < details->links.size(); ++j)
                if (!idSeen(details->links[j].eventId))
                    add(Severity::Warning, codes::kLinkUnknown, "links to \"" + details->links[j].eventId + "\", not an event here",
                        pointer + "/links/" + std::to_string(j) + "/event");
        }
        for (std::size_t i = 0; i < dataset.sites.size(); ++i)
            checkActor(dataset.sites[i].operatorId, "/sites/" + std::to_string(i) + "/operator");
        for (std::size_t i = 0; i < dataset.areas.size(); ++i)
            checkActor(dataset.areas[i].controller, "/areas/" + std::to_string(i) + "/controller");
        for (std::size_t i = 0; i < dataset.lines.size(); ++i)
            for (std::size_t j = 0; j < dataset.lines[i].parties.size(); ++j)
                checkActor(dataset.lines[i].parties[j], "/lines/" + std::to_string(i) + "/parties/" + std::to_string(j));
    }
};

// ---------------------------------------------------------------------------------------------
// Writing: a stable field order, optional fields only when set, unknown fields put back.

void putExtras(json& object, const ExtraFields& extra) {
    for (const auto& [key, raw] : extra) object[key] = json::parse(raw, nullptr, false);
}

json toJson(const CasualtyCount& count) {
    json object{{"qualifier", toKey(count.qualifier)}};
    if (count.low) object["low"] = *count.low;
    if (count.high) object["high"] = *count.high;
    putExtras(object, count.extra);
    return object;
}

json toJson(const Place& place) {
    json object{{"lat", place.point.latitude}, {"lon", place.point.longitude}, {"precision", toKey(place.precision)}};
    if (!place.name.empty()) object["name"] = place.name;
    if (!place.admin1.empty()) object["admin1"] = place.admin1;
    if (!place.admin2.empty()) object["admin2"] = place.admin2;
    putExtras(object, place.extra);
    return object;
}

json toJson(const std::vector<SourceReference>& sources) {
    json list = json::array();
    for (const SourceReference& source : sources) {
        json object{{"publisher", source.publisher}, {"title", source.title}, {"date", source.date}, {"url", source.url}};
        putExtras(object, source.extra);
        list.push_back(std::move(object));
    }
    return list;
}

json toJson(const std::vector<GeoPoint>& points) {
    json list = json::array();
    for (const GeoPoint& p : points) list.push_back(json::array({p.longitude, p.latitude}));
    return list;
}

void putValidity(json& object, const Validity& validity) {
    object["validFrom"] = validity.from.toString();
    if (validity.to) object["validTo"] = validity.to->toString();
}

json toJson(const Event& event) {
    json object{{"id", event.id}, {"type", toKey(event.type)}, {"date", event.date.toString()}};
    if (event.endDate) object["endDate"] = event.endDate->toString();
    object["datePrecision"] = toKey(event.datePrecision);
    object["place"] = toJson(event.place);
    object["perpetrators"] = event.perpetrators;
    object["targets"] = event.targets;
    object["killed"] = toJson(event.killed);
    object["wounded"] = toJson(event.wounded);
    object["civilianTargeting"] = event.civilianTargeting;
    object["description"] = event.description;
    object["sources"] = toJson(event.sources);
    if (!event.tags.empty()) object["tags"] = event.tags;
    if (!event.links.empty()) {
        json links = json::array();
        for (const EventLink& link : event.links) {
            json entry{{"relation", toKey(link.relation)}, {"event", link.eventId}};
            putExtras(entry, link.extra);
            links.push_back(std::move(entry));
        }
        object["links"] = std::move(links);
    }
    putExtras(object, event.extra);
    return object;
}

} // namespace

namespace {

// The fast road, else the exact reader, over `padded` (the text and detail::kJsonPadding more
// bytes).
// The fast road over `copy` (the source's text and detail::kJsonPadding more bytes; spent as it
// is read), positions taken from `source`.
std::optional<LoadResult> readNativeCopy(std::string_view copy, detail::JsonSource source) {
    return NativeReader(std::move(source)).readFast(copy.substr(0, copy.size() - detail::kJsonPadding));
}

} // namespace

LoadResult readNativeText(std::string_view text, const std::string& fileLabel) {
    std::string padded;
    padded.reserve(text.size() + detail::kJsonPadding);
    padded.append(text);
    padded.append(detail::kJsonPadding, ' ');
    if (auto fast = readNativeCopy(padded, detail::JsonSource::text(text, fileLabel))) return std::move(*fast);
    padded = std::string();
    return detail::readNativeTextExact(text, fileLabel);
}

LoadResult detail::readNativeTextExact(std::string_view text, const std::string& fileLabel) {
    return NativeReader(detail::JsonSource::text(text, fileLabel)).read();
}

LoadResult readNativeFile(const std::string& path, const LoadControl* control) {
    // The whole text in memory (the fast road decodes events from it on every core), read
    // through openInput so the caller sees progress and can cancel.
    const auto in = detail::openInput(path, control);
    if (!in) {
        LoadResult result;
        result.diagnostics.push_back({Severity::Fatal, codes::kFileOpen, "cannot open the file for reading", path, 0, 0, "", {}});
        return result;
    }
    std::error_code error;
    const auto expected = std::filesystem::file_size(path, error);
    // Read straight into a buffer that is not zero-filled first (a gigabyte costs 0.1 s to fill).
    std::size_t capacity = error ? std::size_t{1} << 20 : static_cast<std::size_t>(expected) + 1;
    auto buffer = std::make_unique_for_overwrite<char[]>(capacity + detail::kJsonPadding);
    std::size_t length = 0;
    for (;;) {
        if (length == capacity) { // the file grew, or its size was unknown
            auto larger = std::make_unique_for_overwrite<char[]>(2 * capacity + detail::kJsonPadding);
            std::memcpy(larger.get(), buffer.get(), length);
            buffer = std::move(larger);
            capacity *= 2;
        }
        const std::size_t want = std::min(capacity - length, std::size_t{8} << 20);
        in->read(buffer.get() + length, static_cast<std::streamsize>(want));
        const auto got = static_cast<std::size_t>(in->gcount());
        length += got;
        if (got < want) break;
    }
    if (in->cancelled()) return detail::cancelledLoad(path);
    std::memset(buffer.get() + length, ' ', detail::kJsonPadding);
    // Positions for diagnostics, and the exact reader when the fast road is not taken, read the
    // file again (the copy is spent as it is read).
    if (auto fast = readNativeCopy({buffer.get(), length + detail::kJsonPadding}, detail::JsonSource::file(path, control)))
        return std::move(*fast);
    buffer.reset();
    return NativeReader(detail::JsonSource::file(path, control)).read();
}

json detail::actorToJson(const Actor& actor) {
    json object{{"id", actor.id}, {"name", actor.name}, {"side", toKey(actor.side)}};
    if (!actor.aliases.empty()) object["aliases"] = actor.aliases;
    if (!actor.parent.empty()) object["parent"] = actor.parent;
    if (!actor.colour.empty()) object["colour"] = actor.colour;
    putExtras(object, actor.extra);
    return object;
}

json detail::eventToJson(const Event& event) { return toJson(event); }

std::optional<Actor> detail::actorFromJson(const json& value, std::string& error) {
    const json document{{"format", "conflict-atlas"}, {"version", kNativeFormatVersion}, {"actors", json::array({value})}, {"events", json::array()}};
    LoadResult read = readNativeTextExact(document.dump(), "edit");
    if (read.dataset.actors.size() != 1) {
        error = read.diagnostics.empty() ? "not an actor" : read.diagnostics.front().message;
        return std::nullopt;
    }
    return read.dataset.actors.front();
}

std::optional<Event> detail::eventFromJson(const json& value, std::string& error) {
    // Through the reader itself, so an edit read back means what a file's incident means.
    const json document{{"format", "conflict-atlas"}, {"version", kNativeFormatVersion}, {"events", json::array({value})}};
    LoadResult read = readNativeTextExact(document.dump(), "edit");
    if (read.dataset.events.size() != 1) {
        error = "not an incident";
        for (const Diagnostic& d : read.diagnostics)
            if (d.severity != Severity::Warning) {
                error = d.message;
                break;
            }
        return std::nullopt;
    }
    return read.dataset.events.at(0);
}

namespace {

// One site, line or area read back through the reader itself, as eventFromJson.
template <class Item>
std::optional<Item> situationItemFromJson(const json& value, const char* part, std::vector<Item> Dataset::*rows, const char* word, std::string& error) {
    const json document{{"format", "conflict-atlas"}, {"version", kNativeFormatVersion}, {part, json::array({value})}, {"events", json::array()}};
    LoadResult read = detail::readNativeTextExact(document.dump(), "edit");
    if ((read.dataset.*rows).size() != 1) {
        error = std::string("not ") + word;
        for (const Diagnostic& d : read.diagnostics)
            if (d.severity != Severity::Warning) {
                error = d.message;
                break;
            }
        return std::nullopt;
    }
    return (read.dataset.*rows).front();
}

} // namespace

std::optional<Site> detail::siteFromJson(const json& value, std::string& error) {
    return situationItemFromJson(value, "sites", &Dataset::sites, "a site", error);
}
std::optional<Line> detail::lineFromJson(const json& value, std::string& error) {
    return situationItemFromJson(value, "lines", &Dataset::lines, "a line", error);
}
std::optional<Area> detail::areaFromJson(const json& value, std::string& error) {
    return situationItemFromJson(value, "areas", &Dataset::areas, "an area", error);
}

json detail::sourcesToJson(const std::vector<SourceReference>& sources) { return toJson(sources); }

json detail::siteToJson(const Site& site) {
    json history = json::array();
    for (const SiteStatusChange& change : site.history) {
        json entry{{"date", change.date.toString()}, {"status", toKey(change.status)}};
        if (change.datePrecision != DatePrecision::Day) entry["datePrecision"] = toKey(change.datePrecision);
        if (!change.note.empty()) entry["note"] = change.note;
        entry["sources"] = toJson(change.sources);
        putExtras(entry, change.extra);
        history.push_back(std::move(entry));
    }
    json object{{"id", site.id}, {"name", site.name}, {"kind", toKey(site.kind)}};
    if (!site.operatorId.empty()) object["operator"] = site.operatorId;
    object["place"] = toJson(site.place);
    if (!site.description.empty()) object["description"] = site.description;
    object["history"] = std::move(history);
    putExtras(object, site.extra);
    return object;
}

json detail::lineToJson(const Line& line) {
    json object{{"id", line.id}, {"name", line.name}, {"kind", toKey(line.kind)}};
    putValidity(object, line.validity);
    object["path"] = toJson(line.path);
    if (line.halfWidthKm > 0) object["halfWidthKm"] = line.halfWidthKm;
    object["parties"] = line.parties;
    object["approximate"] = line.approximate;
    object["description"] = line.description;
    object["sources"] = toJson(line.sources);
    putExtras(object, line.extra);
    return object;
}

json detail::areaToJson(const Area& area) {
    json object{{"id", area.id}, {"name", area.name}, {"controller", area.controller}};
    putValidity(object, area.validity);
    json rings = json::array();
    for (const auto& ring : area.rings) rings.push_back(toJson(ring));
    object["rings"] = std::move(rings);
    object["approximate"] = area.approximate;
    object["description"] = area.description;
    object["sources"] = toJson(area.sources);
    putExtras(object, area.extra);
    return object;
}

json detail::metadataToJson(const DatasetMetadata& metadata) {
    json object{{"title", metadata.title},
                {"description", metadata.description},
                {"licence", metadata.licence},
                {"provenance", metadata.provenance}};
    putExtras(object, metadata.extra);
    return object;
}

json detail::nativeDocument(const Dataset& dataset) {
    json actors = json::array();
    for (const Actor& actor : dataset.actors) actors.push_back(actorToJson(actor));
    json events = json::array();
    for (const Event& event : dataset.events) events.push_back(toJson(event));
    json sites = json::array();
    for (const Site& site : dataset.sites) sites.push_back(siteToJson(site));
    json lines = json::array();
    for (const Line& line : dataset.lines) lines.push_back(lineToJson(line));
    json areas = json::array();
    for (const Area& area : dataset.areas) areas.push_back(areaToJson(area));
    json document{{"format", "conflict-atlas"}, {"version", kNativeFormatVersion}, {"metadata", metadataToJson(dataset.metadata)},
                  {"actors", std::move(actors)}};
    if (!dataset.sites.empty()) document["sites"] = std::move(sites);
    if (!dataset.lines.empty()) document["lines"] = std::move(lines);
    if (!dataset.areas.empty()) document["areas"] = std::move(areas);
    document["events"] = std::move(events);
    putExtras(document, dataset.extra);
    return document;
}

std::string writeNativeText(const Dataset& dataset) { return detail::nativeDocument(dataset).dump(2) + "\n"; }

std::vector<Diagnostic> writeNativeFile(const Dataset& dataset, const std::string& path) {
    return writeFileAtomically(path, [&](std::ostream& out) { out << writeNativeText(dataset); });
}

} // namespace atlas
