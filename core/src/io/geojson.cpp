#include "atlas/io/geojson.h"
#include "atlas/io/written_dates.h"
#include "atlas/io/text.h"
#include "atlas/model/diagnostic_codes.h"

#include "atlas/io/json_position.h"
#include "atlas/io/load_control.h"
#include "atlas/model/merge.h"
#include "import_text.h"
#include "json_stream.h"
#include "native_json.h"

#include <map>
#include <nlohmann/json.hpp>

#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace atlas {
using namespace import;

namespace {

// A yes/no property as other programs write it: true, or a number other than 0 (a GeoPackage
// BOOLEAN column, a spreadsheet's 1); anything else is no.
bool isTrue(const nlohmann::json& properties, const char* key) {
    const auto found = properties.find(key);
    if (found == properties.end()) return false;
    if (found->is_boolean()) return found->get<bool>();
    return found->is_number() && found->get<double>() != 0.0;
}

using json = nlohmann::json;

// A date as people write them (written_dates.h), a range too; or a timestamp.
std::optional<WrittenDate> writtenDateOf(const json& value, DayOrder order = DayOrder::Unknown) {
    if (!value.is_string()) return std::nullopt;
    return parseWrittenDate(value.get<std::string>(), order);
}

// A numeric date either way round (03/04/2011): read only once the day order is known.
bool ambiguousDate(const json& value) {
    return value.is_string() && !parseWrittenDate(value.get<std::string>()) && parseWrittenDate(value.get<std::string>(), DayOrder::DayFirst);
}

std::optional<Date> dateOf(const json& value, DayOrder order = DayOrder::Unknown) {
    if (value.is_string()) {
        if (const auto written = writtenDateOf(value, order)) return written->first;
        return std::nullopt;
    }
    if (value.is_number()) { // a timestamp: seconds, or milliseconds when large
        double seconds = value.get<double>();
        if (std::abs(seconds) > 1e11) seconds /= 1000.0;
        const double days = std::floor(seconds / 86400.0);
        // Beyond ±100,000 years it is no timestamp (and would not fit a Date).
        if (!std::isfinite(days) || std::abs(days) > 36.6e6) return std::nullopt;
        return Date(static_cast<std::int32_t>(days));
    }
    return std::nullopt;
}

std::optional<GeoPoint> pointOf(const json& position) {
    if (!position.is_array() || position.size() < 2 || !position[0].is_number() || !position[1].is_number()) return std::nullopt;
    const double lon = position[0].get<double>(), lat = position[1].get<double>();
    if (lat < -90 || lat > 90 || lon < -180 || lon > 180) return std::nullopt;
    return GeoPoint{lat, lon};
}

std::string stringOf(const json& props, const char* key) {
    const auto found = props.find(key);
    return found != props.end() && found->is_string() ? found->get<std::string>() : std::string();
}

// A whole number that fits an int, or nothing.
std::optional<int> figureOf(const json& value) {
    if (!value.is_number_integer()) return std::nullopt;
    const auto n = value.get<std::int64_t>();
    if (value.is_number_unsigned() && value.get<std::uint64_t>() > std::uint64_t(INT32_MAX)) return std::nullopt;
    if (n < INT32_MIN || n > INT32_MAX) return std::nullopt;
    return static_cast<int>(n);
}

CasualtyCount countOf(const json& value) {
    CasualtyCount c;
    if (const auto n = figureOf(value)) return {CountQualifier::Exact, *n, std::nullopt, {}};
    if (!value.is_object()) return c;
    if (const auto q = countQualifierFromKey(stringOf(value, "qualifier"))) c.qualifier = *q;
    if (value.contains("low")) c.low = figureOf(value["low"]);
    if (value.contains("high")) c.high = figureOf(value["high"]);
    return c;
}

class GeoJsonReader {
public:
    GeoJsonReader(detail::JsonSource source, const GeoJsonOptions& options) : m_source(std::move(source)), m_options(options) {}

    /// Instead of reading, count the date-like properties of every Point feature.
    void surveyDatesInto(std::map<std::string, std::size_t>* survey) { m_survey = survey; }

    LoadResult read() {
        // Features are built and dropped one at a time as the parser reaches them; the rest of
        // the document (type, name, crs, …) is small and kept whole.
        detail::StreamingHandler handler("features", [this](json& feature, std::size_t index) {
            readFeature(feature, "/features/" + std::to_string(index), index);
        });
        if (!m_source.parse(handler, m_result)) return std::move(m_result);
        json& document = handler.document();
        const std::string type = document.is_object() ? stringOf(document, "type") : std::string();
        if (type == "Feature") {
            readFeature(document, "", 0);
        } else if (type != "FeatureCollection" || !document.contains("features") || !document["features"].is_array()) {
            // Features read before the type was known were not GeoJSON features after all.
            m_result.dataset = Dataset();
            m_result.diagnostics.clear();
            m_result.diagnostics.push_back({Severity::Fatal, codes::kGeojsonType,
                                            "expected a GeoJSON FeatureCollection (with a \"features\" array) or Feature at the top level",
                                            m_source.label(), 1, 1, {}, {}});
            return std::move(m_result);
        }
        if (!m_native.empty()) {
            // Written by Conflict Atlas with the full model: the metadata is the file's own.
            readNativeFeatures(document);
            m_result.dataset.events.setOrigin({fileNameOf(m_source.label()), RecordKind::GeoJsonFeature});
            m_result.dataset.reindexActors();
            return std::move(m_result);
        }
        Dataset& dataset = m_result.dataset;
        if (document.contains("name") && document["name"].is_string()) dataset.metadata.title = document["name"].get<std::string>();
        dataset.metadata.provenance = "Imported from the GeoJSON file " + m_source.label();
        // How its dates were written, so a misread form shows (docs/import-export.md).
        const std::string forms = describeDateForms(m_dateForms);
        if (!forms.empty()) dataset.metadata.provenance += "; dates read: " + forms;
        dataset.events.setOrigin({fileNameOf(m_source.label()), RecordKind::GeoJsonFeature});
        dataset.reindexActors();
        return std::move(m_result);
    }

private:
    detail::JsonSource m_source;
    const GeoJsonOptions& m_options;
    LoadResult m_result;
    std::map<std::string, std::size_t>* m_survey = nullptr;
    std::array<std::size_t, kWrittenDateFormCount> m_dateForms{}; // dates read, by how they were written
    std::unordered_map<std::string, std::size_t> m_actorByName; // name → index in dataset.actors
    // Features written with the full model (feature_kind): their native objects by section, and
    // where each came from, read together at the end by the native reader.
    json m_native = json::object();
    std::unordered_map<std::string, std::string> m_featureOfNative; // "/events/3" → "/features/12"
    std::vector<std::int64_t> m_featureOfNativeEvent; // [3] → 12: the record of each native event
    std::int64_t m_featureIndex = 0;                  // the feature being read

    void keepNativeFeature(const json& props, const json& geometry, const std::string& pointer) {
        static const std::map<std::string, std::string> sectionOf{{"event", "events"}, {"site", "sites"}, {"line", "lines"}, {"area", "areas"}};
        const std::string kind = props["feature_kind"].get<std::string>();
        const auto section = sectionOf.find(kind);
        if (section == sectionOf.end()) {
            report(Severity::Error, codes::kGeojsonFeatureKind, "feature_kind must be event, site, line or area, not \"" + kind + "\"; skipped",
                   pointer + "/properties/feature_kind");
            return;
        }
        json object = props;
        object.erase("feature_kind");
        object.erase("side"); // derived, written for other tools
        // The geometry goes back where the native format keeps it; the native reader checks it.
        const json coordinates = geometry.contains("coordinates") ? geometry["coordinates"] : json();
        if (kind == "event" || kind == "site") {
            if (!object.contains("place") || !object["place"].is_object()) object["place"] = json::object();
            if (coordinates.is_array() && coordinates.size() >= 2) {
                object["place"]["lon"] = coordinates[0];
                object["place"]["lat"] = coordinates[1];
            }
        } else if (kind == "line") {
            object["path"] = coordinates;
        } else {
            object["rings"] = coordinates;
        }
        json& list = m_native[section->second];
        if (!list.is_array()) list = json::array();
        m_featureOfNative["/" + section->second + "/" + std::to_string(list.size())] = pointer;
        if (kind == "event") m_featureOfNativeEvent.push_back(m_featureIndex);
        list.push_back(std::move(object));
    }

    // Reads the features kept by keepNativeFeature as one native document (header from the
    // collection's conflict_atlas member), reporting problems where they are in this file.
    void readNativeFeatures(const json& document) {
        json native = document.contains("conflict_atlas") && document["conflict_atlas"].is_object() ? document["conflict_atlas"]
                                                                                                      : json{{"format", "conflict-atlas"}, {"version", kNativeFormatVersion}};
        for (const char* section : {"sites", "lines", "areas", "events"})
            if (m_native.contains(section)) native[section] = std::move(m_native[section]);
        if (!native.contains("events")) native["events"] = json::array();
        LoadResult read = readNativeText(native.dump(), m_source.label());
        for (Diagnostic& d : read.diagnostics) {
            // "/events/3/killed" → "/features/12/properties/killed"; the header's own problems
            // are under /conflict_atlas.
            std::string pointer = "/conflict_atlas" + d.jsonPointer;
            for (const char* section : {"/events/", "/sites/", "/lines/", "/areas/"}) {
                if (d.jsonPointer.rfind(section, 0) != 0) continue;
                const std::size_t end = d.jsonPointer.find('/', std::char_traits<char>::length(section));
                const std::string item = d.jsonPointer.substr(0, end);
                const auto found = m_featureOfNative.find(item);
                if (found != m_featureOfNative.end())
                    pointer = found->second + "/properties" + (end == std::string::npos ? std::string() : d.jsonPointer.substr(end));
            }
            m_result.diagnostics.push_back(m_source.at(d.severity, d.code, d.message, pointer, std::nullopt, m_result.diagnostics.size() < 200));
        }
        if (read.failed()) return;
        read.dataset.events.renumberRecords(m_featureOfNativeEvent);
        // Features of other origin in the same file are added to the full model.
        Dataset others = std::move(m_result.dataset);
        m_result.dataset = std::move(read.dataset);
        if (!others.events.empty() || !others.lines.empty() || !others.areas.empty())
            mergeDataset(m_result.dataset, std::move(others), m_source.label());
    }
    std::unordered_set<std::string> m_actorIds;

    void report(Severity severity, std::string code, std::string message, const std::string& pointer) {
        // Locating a pointer costs a scan of the text, so only the first problems get positions.
        m_result.diagnostics.push_back(
            m_source.at(severity, std::move(code), std::move(message), pointer, std::nullopt, m_result.diagnostics.size() < 200));
    }

    std::string actorId(const std::string& name, Side side) {
        auto& actors = m_result.dataset.actors;
        if (const auto found = m_actorByName.find(name); found != m_actorByName.end()) {
            // The side is known from the events an actor leads; it may first appear as a target.
            Actor& actor = actors[found->second];
            if (actor.side == Side::Unknown) actor.side = side;
            return actor.id;
        }
        Actor actor;
        actor.name = name;
        actor.id = slug(name);
        while (m_actorIds.count(actor.id)) actor.id += "-x";
        actor.side = side;
        m_actorIds.insert(actor.id);
        m_actorByName.emplace(name, actors.size());
        actors.push_back(std::move(actor));
        return actors.back().id;
    }

    void readFeature(const json& feature, const std::string& pointer, std::size_t index) {
        m_featureIndex = static_cast<std::int64_t>(index);
        Dataset& dataset = m_result.dataset;
        const GeoJsonOptions& options = m_options;
        static const std::vector<std::string> dateNames{"date", "event_date", "start", "start_date", "time", "timestamp"};
        static const std::vector<std::string> endNames{"end_date", "end"};
        // Properties that map onto model fields; everything else is kept as it is.
        static const std::vector<std::string> known{"date", "event_date", "start", "start_date", "time", "timestamp", "end",
                                                    "end_date", "date_precision", "type", "side", "perpetrators", "targets",
                                                    "killed", "wounded", "civilian_targeting", "place", "place_precision",
                                                    "admin1", "admin2", "description", "sources", "tags", "name", "kind",
                                                    "controller", "approximate"};
        if (!feature.is_object() || !feature.contains("geometry") || !feature["geometry"].is_object()) {
            report(Severity::Error, codes::kGeojsonFeature, "a feature needs a geometry object; skipped", pointer);
            return;
        }
        static const json noProperties = json::object(), noCoordinates;
        const json& props = feature.contains("properties") && feature["properties"].is_object() ? feature["properties"] : noProperties;
        const json& geometry = feature["geometry"];
        const auto kindValue = geometry.find("type");
        const std::string kind = kindValue != geometry.end() && kindValue->is_string() ? kindValue->get<std::string>() : std::string();
        if (!m_survey && props.contains("feature_kind") && props["feature_kind"].is_string()) {
            keepNativeFeature(props, geometry, pointer);
            return;
        }
        if (m_survey) {
            if (kind == "Point")
                for (const auto& [key, value] : props.items())
                    if ((value.is_string() || (value.is_number() && std::abs(value.get<double>()) >= 1e8)) && (dateOf(value) || ambiguousDate(value)))
                        ++(*m_survey)[key];
            return;
        }
        const json& coordinates = geometry.contains("coordinates") ? geometry["coordinates"] : noCoordinates;
        std::string id;
        if (feature.contains("id")) id = feature["id"].is_string() ? feature["id"].get<std::string>() : feature["id"].dump();
        if (id.empty()) id = "feature-" + std::to_string(index + 1);

        std::optional<Date> date, end;
        const std::vector<std::string> dateKeys = options.dateProperty.empty() ? dateNames : std::vector<std::string>{options.dateProperty};
        std::optional<Date> rangeEnd;
        std::string ambiguous; // a date that reads either way round, when that is why there is none
        for (const auto& key : dateKeys) {
            if (date || !props.contains(key)) continue;
            if (const auto written = writtenDateOf(props[key], options.dayOrder)) { // "August 5, 2012 - August 10, 2012" is a span
                date = written->first;
                rangeEnd = written->last;
                ++m_dateForms[static_cast<std::size_t>(written->form)];
            } else {
                date = dateOf(props[key], options.dayOrder);
                if (!date && ambiguousDate(props[key])) ambiguous = props[key].get<std::string>();
            }
        }
        const std::vector<std::string> endKeys = options.endDateProperty.empty() ? endNames : std::vector<std::string>{options.endDateProperty};
        for (const auto& key : endKeys)
            if (!end && props.contains(key)) end = dateOf(props[key], options.dayOrder);
        if (!end) end = rangeEnd;
        ExtraFields extra;
        for (const auto& [key, value] : props.items())
            if (std::find(known.begin(), known.end(), key) == known.end()) extra.emplace_back(key, value.dump());

        if (kind == "Point") {
            const auto point = pointOf(coordinates);
            if (!point) {
                report(Severity::Error, codes::kGeojsonCoordinates, "expected [longitude, latitude] within range; skipped", pointer + "/geometry/coordinates");
                return;
            }
            if (!date && !ambiguous.empty()) {
                report(Severity::Warning, codes::kGeojsonDate,
                       "\"" + ambiguous + "\" reads as day/month or month/day; say which with --date-format dmy or mdy "
                       "(the window asks); the point was skipped",
                       pointer + "/properties");
                return;
            }
            if (!date) {
                report(Severity::Warning, codes::kGeojsonDate,
                       "no date (looked for " + (options.dateProperty.empty() ? std::string("date, event_date, start, start_date, time, timestamp") : options.dateProperty) +
                           "); the point is not an event and was skipped",
                       pointer + "/properties");
                return;
            }
            Event e;
            e.id = id;
            e.date = *date;
            if (end && *end > *date) e.endDate = end;
            e.place.point = *point;
            if (const auto p = datePrecisionFromKey(stringOf(props, "date_precision"))) e.datePrecision = *p;
            if (const auto t = eventTypeFromKey(stringOf(props, "type"))) e.type = *t;
            const Side side = sideFromKey(stringOf(props, "side")).value_or(Side::Unknown);
            for (const char* role : {"perpetrators", "targets"}) {
                if (!props.contains(role)) continue;
                std::vector<std::string> names;
                if (props[role].is_array()) {
                    for (const auto& n : props[role])
                        if (n.is_string()) names.push_back(n.get<std::string>());
                } else if (props[role].is_string()) {
                    names = splitList(props[role].get<std::string>());
                }
                auto& ids = std::string(role) == "perpetrators" ? e.perpetrators : e.targets;
                for (std::size_t k = 0; k < names.size(); ++k)
                    ids.push_back(actorId(names[k], std::string(role) == "perpetrators" && k == 0 ? side : Side::Unknown));
            }
            for (const char* field : {"killed", "wounded"}) {
                if (!props.contains(field)) continue;
                CasualtyCount& count = std::string_view(field) == "killed" ? e.killed : e.wounded;
                count = countOf(props[field]);
                if (const std::string problem = makeCountCoherent(count); !problem.empty())
                    report(Severity::Warning, codes::kGeojsonCount, std::string(field) + ": " + problem, pointer + "/properties/" + field);
            }
            e.civilianTargeting = isTrue(props, "civilian_targeting");
            e.place.name = stringOf(props, "place");
            if (e.place.name.empty()) e.place.name = stringOf(props, "name");
            if (const auto p = placePrecisionFromKey(stringOf(props, "place_precision"))) e.place.precision = *p;
            e.place.admin1 = stringOf(props, "admin1");
            e.place.admin2 = stringOf(props, "admin2");
            e.description = stringOf(props, "description");
            if (props.contains("sources") && props["sources"].is_array())
                for (const auto& s : props["sources"])
                    if (s.is_object())
                        e.sources.push_back({stringOf(s, "publisher"), stringOf(s, "title"), stringOf(s, "date"), stringOf(s, "url"), {}});
            if (props.contains("tags") && props["tags"].is_array())
                for (const auto& t : props["tags"])
                    if (t.is_string()) e.tags.push_back(t.get<std::string>());
            e.extra = std::move(extra);
            dataset.events.push_back(std::move(e));
            dataset.events.setRecord(dataset.events.size() - 1, m_featureIndex);
        } else if (kind == "LineString" || kind == "MultiLineString") {
            Line line;
            line.id = id;
            line.name = stringOf(props, "name");
            if (const auto k = lineKindFromKey(stringOf(props, "kind"))) line.kind = *k;
            const json parts = kind == "LineString" ? json::array({coordinates}) : coordinates;
            for (const auto& part : parts)
                if (part.is_array())
                    for (const auto& position : part)
                        if (const auto p = pointOf(position)) line.path.push_back(*p);
            if (line.path.size() < 2) {
                report(Severity::Error, codes::kGeojsonCoordinates, "a line needs at least two valid positions; skipped", pointer + "/geometry");
                return;
            }
            line.validity = {date.value_or(Date(INT32_MIN / 2)), end};
            line.description = stringOf(props, "description");
            line.approximate = isTrue(props, "approximate");
            line.extra = std::move(extra);
            dataset.lines.push_back(std::move(line));
        } else if (kind == "Polygon" || kind == "MultiPolygon") {
            Area area;
            area.id = id;
            area.name = stringOf(props, "name");
            const json polygons = kind == "Polygon" ? json::array({coordinates}) : coordinates;
            for (const auto& polygon : polygons)
                if (polygon.is_array())
                    for (const auto& ring : polygon) {
                        std::vector<GeoPoint> points;
                        if (ring.is_array())
                            for (const auto& position : ring)
                                if (const auto p = pointOf(position)) points.push_back(*p);
                        if (points.size() >= 3) area.rings.push_back(std::move(points));
                    }
            if (area.rings.empty()) {
                report(Severity::Error, codes::kGeojsonCoordinates, "a polygon needs a ring of at least three valid positions; skipped", pointer + "/geometry");
                return;
            }
            if (const std::string controller = stringOf(props, "controller"); !controller.empty())
                area.controller = actorId(controller, Side::Unknown);
            area.validity = {date.value_or(Date(INT32_MIN / 2)), end};
            area.description = stringOf(props, "description");
            area.approximate = isTrue(props, "approximate");
            area.extra = std::move(extra);
            dataset.areas.push_back(std::move(area));
        } else {
            report(Severity::Warning, codes::kGeojsonGeometry, "geometry type \"" + kind + "\" is not read; skipped", pointer + "/geometry/type");
        }
    }
};

} // namespace

namespace {

nlohmann::json count(const CasualtyCount& c) {
    nlohmann::json j{{"qualifier", std::string(toKey(c.qualifier))}};
    if (c.low) j["low"] = *c.low;
    if (c.high) j["high"] = *c.high;
    j["text"] = c.toText();
    return j;
}

} // namespace

void writeGeoJson(const Dataset& dataset, std::span<const std::uint32_t> events, std::ostream& out, const std::string& selection) {
    out << "{\"type\":\"FeatureCollection\",";
    if (!selection.empty()) out << "\"atlas_selection\":" << nlohmann::json(selection).dump() << ",";
    out << "\"features\":[";
    bool first = true;
    for (std::uint32_t position : events) {
        const Event& e = dataset.events[position];
        nlohmann::json sources = nlohmann::json::array();
        for (const auto& s : e.sources) sources.push_back({{"publisher", s.publisher}, {"title", s.title}, {"date", s.date}, {"url", s.url}});
        std::vector<std::string> perpetrators, targets;
        for (const auto& id : e.perpetrators) perpetrators.push_back(dataset.actorName(id));
        for (const auto& id : e.targets) targets.push_back(dataset.actorName(id));
        nlohmann::json feature{
            {"type", "Feature"},
            {"id", e.id},
            {"geometry", {{"type", "Point"}, {"coordinates", {e.place.point.longitude, e.place.point.latitude}}}},
            {"properties",
             {{"date", e.date.toString()},
              {"date_precision", std::string(toKey(e.datePrecision))},
              {"type", std::string(toKey(e.type))},
              {"side", std::string(toKey(dataset.sideOfEvent(e)))},
              {"perpetrators", perpetrators},
              {"targets", targets},
              {"killed", count(e.killed)},
              {"wounded", count(e.wounded)},
              {"civilian_targeting", e.civilianTargeting},
              {"place", e.place.name},
              {"place_precision", std::string(toKey(e.place.precision))},
              {"admin1", e.place.admin1},
              {"admin2", e.place.admin2},
              {"description", e.description},
              {"sources", sources},
              {"tags", e.tags}}}};
        if (e.endDate) feature["properties"]["end_date"] = e.endDate->toString();
        // Fields the model does not know (from the file it came from) travel along.
        for (const auto& [key, raw] : e.extra)
            if (!feature["properties"].contains(key))
                feature["properties"][key] = nlohmann::json::parse(raw, nullptr, false);
        // Where it was read (a file read back keeps the first origin, an extra by then).
        if (const auto provenance = dataset.events.provenance(position); provenance && !feature["properties"].contains("origin"))
            feature["properties"]["origin"] = provenance->toText();
        out << (first ? "\n" : ",\n") << feature.dump();
        first = false;
    }
    out << "\n]}\n";
}

void writeGeoJsonDataset(const Dataset& dataset, std::ostream& out) {
    json native = detail::nativeDocument(dataset);
    json member = json::object();
    for (auto& [key, value] : native.items())
        if (key != "events" && key != "sites" && key != "lines" && key != "areas") member[key] = value;
    out << "{\"type\":\"FeatureCollection\",\"name\":" << json(dataset.metadata.title).dump()
        << ",\n\"conflict_atlas\":" << member.dump() << ",\n\"features\":[";
    bool first = true;
    auto emit = [&](const char* kind, json object, json geometry) {
        json properties{{"feature_kind", kind}};
        for (auto& [key, value] : object.items()) properties[key] = std::move(value);
        out << (first ? "\n" : ",\n") << json{{"type", "Feature"}, {"geometry", std::move(geometry)}, {"properties", std::move(properties)}}.dump();
        first = false;
    };
    auto point = [](json& object) {
        json& place = object["place"];
        json geometry{{"type", "Point"}, {"coordinates", json::array({place["lon"], place["lat"]})}};
        place.erase("lat");
        place.erase("lon");
        return geometry;
    };
    for (auto& site : native.value("sites", json::array())) emit("site", site, point(site));
    for (auto& line : native.value("lines", json::array())) {
        json geometry{{"type", "LineString"}, {"coordinates", line["path"]}};
        line.erase("path");
        emit("line", line, std::move(geometry));
    }
    for (auto& area : native.value("areas", json::array())) {
        json geometry{{"type", "Polygon"}, {"coordinates", area["rings"]}};
        area.erase("rings");
        emit("area", area, std::move(geometry));
    }
    std::size_t position = 0;
    for (auto& event : native["events"]) {
        json geometry = point(event);
        // The side is derived (from the perpetrators); written for tools that colour by it.
        event["side"] = toKey(dataset.sideOfEvent(dataset.events[position++]));
        emit("event", event, std::move(geometry));
    }
    out << "\n]}\n";
}

LoadResult readGeoJsonText(std::string_view text, const std::string& fileLabel, const GeoJsonOptions& options) {
    return GeoJsonReader(detail::JsonSource::text(text, fileLabel), options).read();
}

LoadResult readGeoJsonFile(const std::string& path, const GeoJsonOptions& options, const LoadControl* control) {
    return GeoJsonReader(detail::JsonSource::file(path, control), options).read();
}

namespace {

std::vector<GeoJsonDateProperty> surveyDates(detail::JsonSource source) {
    const GeoJsonOptions options;
    GeoJsonReader reader(std::move(source), options);
    std::map<std::string, std::size_t> survey;
    reader.surveyDatesInto(&survey);
    (void)reader.read(); // its problems are those of reading the file, reported when it is read
    std::vector<GeoJsonDateProperty> out;
    for (const auto& [name, points] : survey) out.push_back({name, points});
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.points > b.points; });
    return out;
}

} // namespace

std::vector<GeoJsonDateProperty> geoJsonDateProperties(std::string_view text) {
    return surveyDates(detail::JsonSource::text(text, "survey"));
}

std::vector<GeoJsonDateProperty> geoJsonDatePropertiesOfFile(const std::string& path) {
    return surveyDates(detail::JsonSource::file(path));
}

} // namespace atlas
