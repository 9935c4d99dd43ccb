#include "atlas/export.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace atlas {

namespace {

nlohmann::json count(const CasualtyCount& c) {
    nlohmann::json j{{"qualifier", std::string(toKey(c.qualifier))}};
    if (c.low) j["low"] = *c.low;
    if (c.high) j["high"] = *c.high;
    j["text"] = c.toText();
    return j;
}

std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

std::string join(const std::vector<std::string>& items, std::size_t from, const char* separator) {
    std::string out;
    for (std::size_t i = from; i < items.size(); ++i) out += (i > from ? separator : "") + items[i];
    return out;
}

std::string nameOf(const Dataset& d, const std::string& id) {
    const Actor* a = d.findActor(id);
    return a ? a->name : id;
}

} // namespace

void writeGeoJson(const Dataset& dataset, std::span<const std::uint32_t> events, std::ostream& out) {
    out << "{\"type\":\"FeatureCollection\",\"features\":[";
    bool first = true;
    for (std::uint32_t position : events) {
        const Event& e = dataset.events[position];
        nlohmann::json sources = nlohmann::json::array();
        for (const auto& s : e.sources) sources.push_back({{"publisher", s.publisher}, {"title", s.title}, {"date", s.date}, {"url", s.url}});
        std::vector<std::string> perpetrators, targets;
        for (const auto& id : e.perpetrators) perpetrators.push_back(nameOf(dataset, id));
        for (const auto& id : e.targets) targets.push_back(nameOf(dataset, id));
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
        out << (first ? "\n" : ",\n") << feature.dump();
        first = false;
    }
    out << "\n]}\n";
}

void writeCsv(const Dataset& dataset, std::span<const std::uint32_t> events, std::ostream& out) {
    out << "event_id_cnty,event_date,time_precision,event_type,actor1,assoc_actor_1,actor2,assoc_actor_2,"
           "civilian_targeting,admin1,admin2,location,latitude,longitude,geo_precision,source,notes,fatalities,tags\r\n";
    for (std::uint32_t position : events) {
        const Event& e = dataset.events[position];
        std::vector<std::string> perpetrators, targets, sources;
        for (const auto& id : e.perpetrators) perpetrators.push_back(nameOf(dataset, id));
        for (const auto& id : e.targets) targets.push_back(nameOf(dataset, id));
        for (const auto& s : e.sources) sources.push_back(s.publisher);
        const int timePrecision = e.datePrecision == DatePrecision::Day ? 1 : e.datePrecision == DatePrecision::Week ? 2 : 3;
        const int geoPrecision = e.place.precision <= PlacePrecision::NearTown ? 1 : e.place.precision == PlacePrecision::District ? 2 : 3;
        char coordinate[32];
        std::string row;
        row += csvField(e.id) + ',' + e.date.toString() + ',' + std::to_string(timePrecision) + ',' +
               csvField(std::string(toLabel(e.type))) + ',' + csvField(perpetrators.empty() ? "" : perpetrators[0]) + ',' +
               csvField(join(perpetrators, 1, "; ")) + ',' + csvField(targets.empty() ? "" : targets[0]) + ',' +
               csvField(join(targets, 1, "; ")) + ',' + (e.civilianTargeting ? "Civilian targeting" : "") + ',' +
               csvField(e.place.admin1) + ',' + csvField(e.place.admin2) + ',' + csvField(e.place.name) + ',';
        std::snprintf(coordinate, sizeof coordinate, "%.6f", e.place.point.latitude);
        row += std::string(coordinate) + ',';
        std::snprintf(coordinate, sizeof coordinate, "%.6f", e.place.point.longitude);
        row += std::string(coordinate) + ',' + std::to_string(geoPrecision) + ',' + csvField(join(sources, 0, "; ")) + ',' +
               csvField(e.description) + ',' + (e.killed.known() ? std::to_string(e.killed.lowerBound()) : "") + ',' +
               csvField(join(e.tags, 0, "; "));
        out << row << "\r\n";
    }
}

Dataset subset(const Dataset& dataset, std::span<const std::uint32_t> events) {
    Dataset out;
    out.metadata = dataset.metadata;
    out.actors = dataset.actors;
    out.sites = dataset.sites;
    out.lines = dataset.lines;
    out.areas = dataset.areas;
    out.extra = dataset.extra;
    out.events.reserve(events.size());
    for (std::uint32_t position : events) out.events.push_back(dataset.events[position]);
    out.reindexActors();
    return out;
}

} // namespace atlas
