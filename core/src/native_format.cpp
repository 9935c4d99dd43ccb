#include "atlas/native_format.h"

#include "atlas/json_position.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_set>

namespace atlas {

using nlohmann::json;

namespace {

// Turns a parsed document into a Dataset, collecting diagnostics as it goes. Positions are
// looked up in the source text only for the (few) values that have a problem.
class NativeReader {
public:
    NativeReader(std::string_view text, std::string fileLabel) : m_text(text), m_file(std::move(fileLabel)) {}

    LoadResult read() {
        json document;
        try {
            document = json::parse(m_text);
        } catch (const json::parse_error& error) {
            // nlohmann reports the byte just past the problem; point at the byte itself.
            const std::size_t offset = error.byte > 0 ? error.byte - 1 : 0;
            std::string what = error.what();
            if (const auto colon = what.find("syntax error"); colon != std::string::npos) what = what.substr(colon);
            add(Severity::Fatal, "json.syntax", "not valid JSON: " + what, "", offset);
            return std::move(m_result);
        }
        if (!document.is_object()) {
            add(Severity::Fatal, "native.root", "expected a JSON object at the top level", "");
            return std::move(m_result);
        }
        readHeader(document);
        if (failed()) return std::move(m_result);
        readMetadata(document);
        readActors(document);
        readEvents(document);
        return std::move(m_result);
    }

private:
    std::string_view m_text;
    std::string m_file;
    LoadResult m_result;

    [[nodiscard]] bool failed() const { return m_result.failed(); }

    void add(Severity severity, std::string code, std::string message, const std::string& pointer,
             std::optional<std::size_t> offset = std::nullopt) {
        Diagnostic diagnostic{severity, std::move(code), std::move(message), m_file, 0, 0, pointer};
        // Locating a pointer costs a scan of the text, so only the first problems get positions.
        if (!offset && m_result.diagnostics.size() < 200) offset = locateJsonPointer(m_text, pointer);
        if (offset) {
            const TextPosition position = positionOfOffset(m_text, *offset);
            diagnostic.line = position.line;
            diagnostic.column = position.column;
        }
        m_result.diagnostics.push_back(std::move(diagnostic));
    }

    static std::string describe(const json& value) {
        switch (value.type()) {
        case json::value_t::null: return "null";
        case json::value_t::boolean: return "a boolean";
        case json::value_t::string: return "a string";
        case json::value_t::array: return "an array";
        case json::value_t::object: return "an object";
        default: return "a number";
        }
    }

    // Field accessors: each checks the type and reports where and what was expected.
    std::optional<std::string> string(const json& object, const char* key, const std::string& pointer,
                                      bool required, Severity severity = Severity::Error) {
        const auto found = object.find(key);
        const std::string path = pointer + "/" + key;
        if (found == object.end() || found->is_null()) {
            if (required) add(severity, "field.missing", std::string("missing required field \"") + key + "\"", pointer);
            return std::nullopt;
        }
        if (!found->is_string()) {
            add(severity, "field.type", std::string("\"") + key + "\" must be a string, found " + describe(*found), path);
            return std::nullopt;
        }
        return found->get<std::string>();
    }

    std::vector<std::string> stringList(const json& object, const char* key, const std::string& pointer) {
        std::vector<std::string> values;
        const auto found = object.find(key);
        if (found == object.end() || found->is_null()) return values;
        const std::string path = pointer + "/" + key;
        if (!found->is_array()) {
            add(Severity::Warning, "field.type", std::string("\"") + key + "\" must be an array of strings, found " +
                describe(*found) + "; ignored", path);
            return values;
        }
        for (std::size_t i = 0; i < found->size(); ++i) {
            const json& item = (*found)[i];
            if (item.is_string()) values.push_back(item.get<std::string>());
            else add(Severity::Warning, "field.type", "expected a string, found " + describe(item) + "; ignored",
                     path + "/" + std::to_string(i));
        }
        return values;
    }

    void readHeader(const json& document) {
        const auto format = document.find("format");
        if (format == document.end() || !format->is_string() || format->get<std::string>() != "conflict-atlas")
            add(Severity::Warning, "native.format",
                "expected \"format\": \"conflict-atlas\"; reading on as a Conflict Atlas file", "/format");
        const auto version = document.find("version");
        if (version == document.end() || !version->is_number_integer()) {
            add(Severity::Warning, "native.version", "expected an integer \"version\"; assuming 1", "/version");
        } else if (version->get<int>() > kNativeFormatVersion) {
            add(Severity::Fatal, "native.version",
                "format version " + std::to_string(version->get<int>()) + " is newer than this program reads (" +
                    std::to_string(kNativeFormatVersion) + ")",
                "/version");
        }
    }

    void readMetadata(const json& document) {
        const auto found = document.find("metadata");
        if (found == document.end()) return;
        if (!found->is_object()) {
            add(Severity::Warning, "field.type", "\"metadata\" must be an object", "/metadata");
            return;
        }
        DatasetMetadata& metadata = m_result.dataset.metadata;
        metadata.title = string(*found, "title", "/metadata", false, Severity::Warning).value_or("");
        metadata.description = string(*found, "description", "/metadata", false, Severity::Warning).value_or("");
        metadata.licence = string(*found, "licence", "/metadata", false, Severity::Warning).value_or("");
        metadata.provenance = string(*found, "provenance", "/metadata", false, Severity::Warning).value_or("");
    }

    const json* array(const json& document, const char* key) {
        const auto found = document.find(key);
        if (found == document.end()) return nullptr;
        if (!found->is_array()) {
            add(Severity::Error, "field.type", std::string("\"") + key + "\" must be an array, found " +
                describe(*found), std::string("/") + key);
            return nullptr;
        }
        return &*found;
    }

    void readActors(const json& document) {
        const json* actors = array(document, "actors");
        if (!actors) return;
        std::unordered_set<std::string> seen;
        for (std::size_t i = 0; i < actors->size(); ++i) {
            const json& item = (*actors)[i];
            const std::string pointer = "/actors/" + std::to_string(i);
            if (!item.is_object()) {
                add(Severity::Error, "actor.type", "expected an actor object, found " + describe(item), pointer);
                continue;
            }
            Actor actor;
            const auto id = string(item, "id", pointer, true);
            const auto name = string(item, "name", pointer, true);
            if (!id || !name) continue;
            if (id->empty()) {
                add(Severity::Error, "actor.id.empty", "actor id must not be empty", pointer + "/id");
                continue;
            }
            if (!seen.insert(*id).second) {
                add(Severity::Error, "actor.id.duplicate", "duplicate actor id \"" + *id + "\"; skipped", pointer + "/id");
                continue;
            }
            actor.id = *id;
            actor.name = *name;
            actor.aliases = stringList(item, "aliases", pointer);
            actor.parent = string(item, "parent", pointer, false, Severity::Warning).value_or("");
            actor.colour = string(item, "colour", pointer, false, Severity::Warning).value_or("");
            if (const auto side = string(item, "side", pointer, false, Severity::Warning)) {
                if (const auto parsed = sideFromKey(*side)) actor.side = *parsed;
                else add(Severity::Warning, "actor.side.unknown", "unknown side \"" + *side + "\"; using unknown",
                         pointer + "/side");
            }
            m_result.dataset.actors.push_back(std::move(actor));
        }
        m_result.dataset.reindexActors();
        for (std::size_t i = 0; i < m_result.dataset.actors.size(); ++i) {
            const Actor& actor = m_result.dataset.actors[i];
            if (!actor.parent.empty() && !m_result.dataset.findActor(actor.parent))
                add(Severity::Warning, "actor.parent.unknown", "parent \"" + actor.parent + "\" is not a known actor",
                    "/actors/" + std::to_string(i) + "/parent");
        }
    }

    std::optional<Date> date(const json& object, const char* key, const std::string& pointer, bool required) {
        const auto text = string(object, key, pointer, required);
        if (!text) return std::nullopt;
        const auto parsed = Date::parse(*text);
        if (!parsed)
            add(Severity::Error, "date.invalid",
                "\"" + *text + "\" is not a valid date; expected YYYY-MM-DD (a day that exists)",
                pointer + "/" + key);
        return parsed;
    }

    std::optional<double> coordinate(const json& place, const char* key, const std::string& pointer, double limit) {
        const auto found = place.find(key);
        if (found == place.end() || !found->is_number()) {
            add(Severity::Error, "place.coordinate",
                std::string("\"") + key + "\" must be a number of decimal degrees", pointer + "/" + key);
            return std::nullopt;
        }
        const double value = found->get<double>();
        if (!std::isfinite(value) || std::abs(value) > limit) {
            add(Severity::Error, "place.coordinate.range",
                std::string(key == std::string("lat") ? "latitude " : "longitude ") + found->dump() +
                    " out of range (-" + std::to_string(static_cast<int>(limit)) + " to " +
                    std::to_string(static_cast<int>(limit)) + ")",
                pointer + "/" + key);
            return std::nullopt;
        }
        return value;
    }

    std::optional<Place> place(const json& event, const std::string& eventPointer) {
        const auto found = event.find("place");
        const std::string pointer = eventPointer + "/place";
        if (found == event.end() || !found->is_object()) {
            add(Severity::Error, "place.missing", "expected a \"place\" object with lat and lon", eventPointer);
            return std::nullopt;
        }
        const auto latitude = coordinate(*found, "lat", pointer, 90.0);
        const auto longitude = coordinate(*found, "lon", pointer, 180.0);
        if (!latitude || !longitude) return std::nullopt;
        Place result;
        result.point = {*latitude, *longitude};
        result.name = string(*found, "name", pointer, false, Severity::Warning).value_or("");
        result.admin1 = string(*found, "admin1", pointer, false, Severity::Warning).value_or("");
        result.admin2 = string(*found, "admin2", pointer, false, Severity::Warning).value_or("");
        if (const auto precision = string(*found, "precision", pointer, false, Severity::Warning)) {
            if (const auto parsed = placePrecisionFromKey(*precision)) result.precision = *parsed;
            else add(Severity::Warning, "place.precision.unknown",
                     "unknown place precision \"" + *precision + "\"; expected exact, near_town, district or governorate",
                     pointer + "/precision");
        }
        return result;
    }

    CasualtyCount casualties(const json& event, const char* key, const std::string& eventPointer) {
        CasualtyCount count;
        const auto found = event.find(key);
        if (found == event.end() || found->is_null()) return count;
        const std::string pointer = eventPointer + "/" + key;
        if (!found->is_object()) {
            add(Severity::Warning, "casualties.type",
                "expected {\"qualifier\": …, \"low\": …}; found " + describe(*found) + "; left unknown", pointer);
            return count;
        }
        const auto qualifier = string(*found, "qualifier", pointer, true, Severity::Warning);
        const auto parsedQualifier = qualifier ? countQualifierFromKey(*qualifier) : std::nullopt;
        if (qualifier && !parsedQualifier) {
            add(Severity::Warning, "casualties.qualifier",
                "unknown qualifier \"" + *qualifier + "\"; expected exact, at_least, more_than, about, range or unknown",
                pointer + "/qualifier");
            return count;
        }
        if (!parsedQualifier || *parsedQualifier == CountQualifier::Unknown) return count;
        auto bound = [&](const char* name) -> std::optional<int> {
            const auto value = found->find(name);
            if (value == found->end() || value->is_null()) return std::nullopt;
            if (!value->is_number_integer() || value->get<long long>() < 0 || value->get<long long>() > 10'000'000) {
                add(Severity::Warning, "casualties.bound",
                    std::string("\"") + name + "\" must be a whole number from 0", pointer + "/" + name);
                return std::nullopt;
            }
            return value->get<int>();
        };
        count.low = bound("low");
        count.high = bound("high");
        if (!count.low) {
            add(Severity::Warning, "casualties.low", "a known count needs \"low\"; left unknown", pointer);
            return CasualtyCount{};
        }
        if (count.high && *count.high < *count.low) {
            add(Severity::Warning, "casualties.order", "\"high\" is below \"low\"; high ignored", pointer + "/high");
            count.high.reset();
        }
        count.qualifier = *parsedQualifier;
        return count;
    }

    std::vector<SourceReference> sources(const json& event, const std::string& eventPointer) {
        std::vector<SourceReference> result;
        const auto found = event.find("sources");
        const std::string pointer = eventPointer + "/sources";
        if (found == event.end() || !found->is_array()) {
            add(Severity::Warning, "event.sources", "event has no \"sources\" array", eventPointer);
            return result;
        }
        for (std::size_t i = 0; i < found->size(); ++i) {
            const json& item = (*found)[i];
            const std::string itemPointer = pointer + "/" + std::to_string(i);
            if (!item.is_object()) {
                add(Severity::Warning, "source.type", "expected a source object, found " + describe(item), itemPointer);
                continue;
            }
            SourceReference source;
            source.publisher = string(item, "publisher", itemPointer, false, Severity::Warning).value_or("");
            source.title = string(item, "title", itemPointer, false, Severity::Warning).value_or("");
            source.date = string(item, "date", itemPointer, false, Severity::Warning).value_or("");
            source.url = string(item, "url", itemPointer, false, Severity::Warning).value_or("");
            result.push_back(std::move(source));
        }
        return result;
    }

    void readEvents(const json& document) {
        const json* events = array(document, "events");
        if (!events) return;
        std::unordered_set<std::string> seen;
        for (std::size_t i = 0; i < events->size(); ++i) {
            const json& item = (*events)[i];
            const std::string pointer = "/events/" + std::to_string(i);
            if (!item.is_object()) {
                add(Severity::Error, "event.type", "expected an event object, found " + describe(item), pointer);
                continue;
            }
            Event event;
            const auto id = string(item, "id", pointer, true);
            if (!id) continue;
            if (id->empty() || !seen.insert(*id).second) {
                add(Severity::Error, "event.id.duplicate",
                    id->empty() ? std::string("event id must not be empty") : "duplicate event id \"" + *id + "\"; skipped",
                    pointer + "/id");
                continue;
            }
            event.id = *id;
            const auto type = string(item, "type", pointer, true);
            if (!type) continue;
            if (const auto parsed = eventTypeFromKey(*type)) event.type = *parsed;
            else add(Severity::Warning, "event.type.unknown", "unknown event type \"" + *type + "\"; shown as other",
                     pointer + "/type");

            const auto start = date(item, "date", pointer, true);
            if (!start) continue;
            event.date = *start;
            if (item.contains("endDate")) {
                const auto end = date(item, "endDate", pointer, false);
                if (!end) continue;
                if (*end < *start) {
                    add(Severity::Error, "event.span.order",
                        "endDate " + end->toString() + " is before date " + start->toString(), pointer + "/endDate");
                    continue;
                }
                event.endDate = end;
            }
            if (const auto precision = string(item, "datePrecision", pointer, false, Severity::Warning)) {
                if (const auto parsed = datePrecisionFromKey(*precision)) event.datePrecision = *parsed;
                else add(Severity::Warning, "event.datePrecision.unknown",
                         "unknown date precision \"" + *precision + "\"; expected day, week or month",
                         pointer + "/datePrecision");
            }
            const auto where = place(item, pointer);
            if (!where) continue;
            event.place = *where;
            event.perpetrators = stringList(item, "perpetrators", pointer);
            event.targets = stringList(item, "targets", pointer);
            checkActorReferences(event.perpetrators, pointer + "/perpetrators");
            checkActorReferences(event.targets, pointer + "/targets");
            event.killed = casualties(item, "killed", pointer);
            event.wounded = casualties(item, "wounded", pointer);
            if (const auto civilian = item.find("civilianTargeting"); civilian != item.end()) {
                if (civilian->is_boolean()) event.civilianTargeting = civilian->get<bool>();
                else add(Severity::Warning, "field.type", "\"civilianTargeting\" must be true or false",
                         pointer + "/civilianTargeting");
            }
            event.description = string(item, "description", pointer, false, Severity::Warning).value_or("");
            event.sources = sources(item, pointer);
            event.tags = stringList(item, "tags", pointer);
            m_result.dataset.events.push_back(std::move(event));
        }
    }

    void checkActorReferences(const std::vector<std::string>& ids, const std::string& pointer) {
        for (std::size_t i = 0; i < ids.size(); ++i)
            if (!m_result.dataset.findActor(ids[i]))
                add(Severity::Warning, "event.actor.unknown", "\"" + ids[i] + "\" is not a known actor id",
                    pointer + "/" + std::to_string(i));
    }
};

json toJson(const CasualtyCount& count) {
    json object{{"qualifier", toKey(count.qualifier)}};
    if (count.low) object["low"] = *count.low;
    if (count.high) object["high"] = *count.high;
    return object;
}

} // namespace

LoadResult readNativeText(std::string_view text, const std::string& fileLabel) {
    return NativeReader(text, fileLabel).read();
}

LoadResult readNativeFile(const std::string& path) {
    std::ifstream stream(path, std::ios::binary);
    if (!stream) {
        LoadResult result;
        result.diagnostics.push_back(
            {Severity::Fatal, "file.open", "cannot open the file for reading", path, 0, 0, ""});
        return result;
    }
    std::ostringstream buffer;
    buffer << stream.rdbuf();
    return readNativeText(buffer.str(), path);
}

std::string writeNativeText(const Dataset& dataset) {
    json actors = json::array();
    for (const Actor& actor : dataset.actors) {
        json object{{"id", actor.id}, {"name", actor.name}, {"side", toKey(actor.side)}};
        if (!actor.aliases.empty()) object["aliases"] = actor.aliases;
        if (!actor.parent.empty()) object["parent"] = actor.parent;
        if (!actor.colour.empty()) object["colour"] = actor.colour;
        actors.push_back(std::move(object));
    }
    json events = json::array();
    for (const Event& event : dataset.events) {
        json place{{"lat", event.place.point.latitude},
                   {"lon", event.place.point.longitude},
                   {"precision", toKey(event.place.precision)}};
        if (!event.place.name.empty()) place["name"] = event.place.name;
        if (!event.place.admin1.empty()) place["admin1"] = event.place.admin1;
        if (!event.place.admin2.empty()) place["admin2"] = event.place.admin2;
        json sources = json::array();
        for (const SourceReference& source : event.sources)
            sources.push_back({{"publisher", source.publisher}, {"title", source.title}, {"date", source.date},
                               {"url", source.url}});
        json object{{"id", event.id}, {"type", toKey(event.type)}, {"date", event.date.toString()}};
        if (event.endDate) object["endDate"] = event.endDate->toString();
        object["datePrecision"] = toKey(event.datePrecision);
        object["place"] = std::move(place);
        object["perpetrators"] = event.perpetrators;
        object["targets"] = event.targets;
        object["killed"] = toJson(event.killed);
        object["wounded"] = toJson(event.wounded);
        object["civilianTargeting"] = event.civilianTargeting;
        object["description"] = event.description;
        object["sources"] = std::move(sources);
        if (!event.tags.empty()) object["tags"] = event.tags;
        events.push_back(std::move(object));
    }
    const json document{{"format", "conflict-atlas"},
                        {"version", kNativeFormatVersion},
                        {"metadata",
                         {{"title", dataset.metadata.title},
                          {"description", dataset.metadata.description},
                          {"licence", dataset.metadata.licence},
                          {"provenance", dataset.metadata.provenance}}},
                        {"actors", std::move(actors)},
                        {"events", std::move(events)}};
    return document.dump(2) + "\n";
}

std::vector<Diagnostic> writeNativeFile(const Dataset& dataset, const std::string& path) {
    const std::string temporary = path + ".tmp-" + std::to_string(std::hash<std::string>{}(path) & 0xffff);
    auto failure = [&](const std::string& message) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        return std::vector<Diagnostic>{{Severity::Fatal, "file.write", message, path, 0, 0, ""}};
    };
    {
        std::ofstream stream(temporary, std::ios::binary | std::ios::trunc);
        if (!stream) return failure("cannot create " + temporary);
        stream << writeNativeText(dataset);
        stream.flush();
        if (!stream) return failure("writing " + temporary + " failed (disk full?)");
    }
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error) return failure("cannot replace the file: " + error.message());
    return {};
}

} // namespace atlas
