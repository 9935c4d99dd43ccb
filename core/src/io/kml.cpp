#include "atlas/io/kml.h"

#include "atlas/io/text.h"
#include "atlas/style/style.h"

#include <cstdio>

namespace atlas {

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
        for (const auto& id : e.perpetrators) perpetrators.push_back(dataset.actorName(id));
        for (const auto& id : e.targets) targets.push_back(dataset.actorName(id));
        for (const auto& src : e.sources) sources.push_back(src.publisher + (src.url.empty() ? "" : " <" + src.url + ">"));
        const std::pair<const char*, std::string> fields[] = {
            {"type", std::string(toKey(e.type))},      {"perpetrators", joinFrom(perpetrators, 0, "; ")},
            {"targets", joinFrom(targets, 0, "; ")},      {"killed", e.killed.toText()},
            {"wounded", e.wounded.toText()},          {"place_precision", std::string(toKey(e.place.precision))},
            {"sources", joinFrom(sources, 0, "; ")}};
        for (const auto& [name, value] : fields)
            out << "<Data name=\"" << name << "\"><value>" << xml(value) << "</value></Data>";
        char coordinates[64];
        std::snprintf(coordinates, sizeof coordinates, "%.6f,%.6f", e.place.point.longitude, e.place.point.latitude);
        out << "</ExtendedData>\n<Point><coordinates>" << coordinates << "</coordinates></Point>\n</Placemark>\n";
    }
    out << "</Document>\n</kml>\n";
}

} // namespace atlas
