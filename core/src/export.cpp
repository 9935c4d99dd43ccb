#include "atlas/export.h"

#include "atlas/style.h"

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
        // Fields the model does not know (from the file it came from) travel along.
        for (const auto& [key, raw] : e.extra)
            if (!feature["properties"].contains(key))
                feature["properties"][key] = nlohmann::json::parse(raw, nullptr, false);
        out << (first ? "\n" : ",\n") << feature.dump();
        first = false;
    }
    out << "\n]}\n";
}

void writeCsv(const Dataset& dataset, std::span<const std::uint32_t> events, std::ostream& out) {
    out << "event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,actor2,assoc_actor_2,"
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
               acledTypes(e.type).first + ',' + acledTypes(e.type).second + ',' +
               csvField(perpetrators.empty() ? "" : perpetrators[0]) + ',' +
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

namespace {

std::string xml(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default:
            // XML 1.0 forbids most control characters; drop them rather than write bad XML.
            if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') break;
            out += c;
        }
    }
    return out;
}

} // namespace

void writeKml(const Dataset& dataset, std::span<const std::uint32_t> events, std::ostream& out) {
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n<name>"
        << xml(dataset.metadata.title.empty() ? std::string("Conflict Atlas export") : dataset.metadata.title) << "</name>\n";
    if (!dataset.metadata.description.empty()) out << "<description>" << xml(dataset.metadata.description) << "</description>\n";
    // Shared styles come before the features, as the schema orders a Document's children.
    for (int side = 0; side < kSideCount; ++side) {
        const Rgb colour = sideColour(static_cast<Side>(side));
        char abgr[9];
        std::snprintf(abgr, sizeof abgr, "ff%02x%02x%02x", colour.blue, colour.green, colour.red);
        out << "<Style id=\"side-" << toKey(static_cast<Side>(side)) << "\"><IconStyle><color>" << abgr
            << "</color><scale>0.8</scale><Icon><href>http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png</href>"
               "</Icon></IconStyle><LabelStyle><scale>0</scale></LabelStyle></Style>\n";
    }
    for (std::uint32_t position : events) {
        const Event& e = dataset.events[position];
        out << "<Placemark id=\"" << xml(e.id) << "\">\n<name>" << xml(std::string(toLabel(e.type)) + ", " + e.place.name)
            << "</name>\n<description>" << xml(e.description) << "</description>\n";
        if (e.endDate)
            out << "<TimeSpan><begin>" << e.date.toString() << "</begin><end>" << e.endDate->toString() << "</end></TimeSpan>\n";
        else
            out << "<TimeStamp><when>" << e.date.toString() << "</when></TimeStamp>\n";
        out << "<styleUrl>#side-" << toKey(dataset.sideOfEvent(e)) << "</styleUrl>\n<ExtendedData>";
        std::vector<std::string> perpetrators, targets, sources;
        for (const auto& id : e.perpetrators) perpetrators.push_back(nameOf(dataset, id));
        for (const auto& id : e.targets) targets.push_back(nameOf(dataset, id));
        for (const auto& src : e.sources) sources.push_back(src.publisher + (src.url.empty() ? "" : " <" + src.url + ">"));
        const std::pair<const char*, std::string> fields[] = {
            {"type", std::string(toKey(e.type))},      {"perpetrators", join(perpetrators, 0, "; ")},
            {"targets", join(targets, 0, "; ")},      {"killed", e.killed.toText()},
            {"wounded", e.wounded.toText()},          {"place_precision", std::string(toKey(e.place.precision))},
            {"sources", join(sources, 0, "; ")}};
        for (const auto& [name, value] : fields)
            out << "<Data name=\"" << name << "\"><value>" << xml(value) << "</value></Data>";
        char coordinates[64];
        std::snprintf(coordinates, sizeof coordinates, "%.6f,%.6f", e.place.point.longitude, e.place.point.latitude);
        out << "</ExtendedData>\n<Point><coordinates>" << coordinates << "</coordinates></Point>\n</Placemark>\n";
    }
    out << "</Document>\n</kml>\n";
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
