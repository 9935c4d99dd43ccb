// The bundled dataset's own rules, checked on the file as written (the conventions of its
// fields, not only what the reader makes of them): ids unique, every source reachable, every
// point's coordinates traced to where they came from, coarse placements saying where they are
// drawn, and no incident said to be "near a town" drawn at a town other than the ones it names.
// A fact-check (issue 13) found incidents drawn at a neighbouring town 3–10 km away; these
// rules keep such errors out of later edits.
#include "atlas/geo/geo.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace atlas;
using nlohmann::json;

namespace {

json readJson(const std::string& path) {
    std::ifstream in(path);
    return json::parse(in);
}

const json& sample() {
    static const json data = readJson(ATLAS_SAMPLE_DATASET);
    return data;
}

// Words only, lower case, one space apart: "Kafr Sa'id (al-Bab)" → "kafr sa id al bab".
std::string words(const std::string& text) {
    std::string out;
    bool space = true;
    for (const unsigned char c : text) {
        if (std::isalnum(c)) {
            out += static_cast<char>(std::tolower(c));
            space = false;
        } else if (!space) {
            out += ' ';
            space = true;
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

struct NamedPoint {
    std::string name; // as words()
    GeoPoint point;
};

// The basemap's gazetteer (its towns and GeoNames' places) in and around north-west Syria,
// the points the dataset's coordinates are taken from.
struct Gazetteer {
    std::vector<NamedPoint> places;
    std::map<long long, GeoPoint> byGeonameId;
    std::vector<GeoPoint> towns;
};

const Gazetteer& gazetteer() {
    static const Gazetteer g = [] {
        Gazetteer out;
        const auto add = [&](const json& feature, const std::string& name) {
            const json& c = feature["geometry"]["coordinates"];
            const GeoPoint point{c[1].get<double>(), c[0].get<double>()};
            if (point.latitude < 34.5 || point.latitude > 37.5 || point.longitude < 35.5 || point.longitude > 39.0) return point;
            if (const std::string key = words(name); key.size() >= 4) out.places.push_back({key, point});
            return point;
        };
        const json towns = readJson(ATLAS_BASEMAP_DIR "/towns.geojson"); // kept: a loop over a temporary's member dangles
        const json places = readJson(ATLAS_BASEMAP_DIR "/places.geojson");
        for (const json& town : towns["features"]) out.towns.push_back(add(town, town["properties"]["name"].get<std::string>()));
        for (const json& place : places["features"]) {
            const json& p = place["properties"];
            const GeoPoint point = add(place, p.value("ascii", p.value("name", "")));
            if (p.contains("geonameid")) out.byGeonameId[p["geonameid"].get<long long>()] = point;
        }
        return out;
    }();
    return g;
}

// Every event and site with its place.
std::vector<std::pair<std::string, const json*>> placedItems() {
    std::vector<std::pair<std::string, const json*>> out;
    for (const char* kind : {"events", "sites"})
        for (const json& item : sample()[kind]) out.emplace_back(item["id"].get<std::string>(), &item["place"]);
    return out;
}

GeoPoint pointOf(const json& place) { return {place["lat"].get<double>(), place["lon"].get<double>()}; }

// Every object with a "publisher" anywhere in the file: the sources of events, of site
// histories, of lines and areas.
void collectSources(const json& node, const std::string& path, std::vector<std::pair<std::string, const json*>>& out) {
    if (node.is_object()) {
        if (node.contains("publisher")) out.emplace_back(path, &node);
        for (auto it = node.begin(); it != node.end(); ++it) collectSources(*it, path + "." + it.key(), out);
    } else if (node.is_array()) {
        for (std::size_t i = 0; i < node.size(); ++i) collectSources(node[i], path + "[" + std::to_string(i) + "]", out);
    }
}

} // namespace

TEST(SampleDatasetRules, IdsAreUniqueAcrossEventsSitesLinesAndAreas) {
    std::set<std::string> seen;
    for (const char* kind : {"events", "sites", "lines", "areas"})
        for (const json& item : sample()[kind])
            EXPECT_TRUE(seen.insert(item["id"].get<std::string>()).second) << kind << ": " << item["id"] << " used twice";
    EXPECT_GE(seen.size(), 150u);
}

TEST(SampleDatasetRules, EverySourceHasALinkOrSaysWhyNot) {
    std::vector<std::pair<std::string, const json*>> sources;
    collectSources(sample(), "", sources);
    ASSERT_GT(sources.size(), 150u);
    for (const auto& [path, source] : sources) {
        const std::string url = source->value("url", "");
        const bool linked = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
        EXPECT_TRUE(linked || !source->value("no_url", "").empty()) << path << ": no link and no reason (\"no_url\")";
        EXPECT_FALSE(source->value("publisher", "").empty()) << path;
    }
}

TEST(SampleDatasetRules, EverySiteStatusIsDatedAndSourced) {
    for (const json& site : sample()["sites"])
        for (const json& entry : site["history"]) {
            EXPECT_FALSE(entry.value("date", "").empty()) << site["id"];
            EXPECT_FALSE(entry["sources"].empty()) << site["id"] << " " << entry.value("date", "") << ": a status without a source";
        }
}

// Coordinates are traced: taken from the basemap's gazetteer (and then within a kilometre of
// the entry cited), or from a page the source names.
TEST(SampleDatasetRules, EveryPointSaysWhereItsCoordinatesComeFrom) {
    const Gazetteer& g = gazetteer();
    for (const auto& [id, place] : placedItems()) {
        const std::string source = place->value("coordinates_source", "");
        if (source.empty()) {
            ADD_FAILURE() << id << ": no coordinates_source";
            continue;
        }
        const GeoPoint point = pointOf(*place);
        if (const auto at = source.find("GeoNames "); at != std::string::npos) {
            const long long geonameId = std::stoll(source.substr(at + 9));
            const auto found = g.byGeonameId.find(geonameId);
            if (found == g.byGeonameId.end()) {
                ADD_FAILURE() << id << ": cites GeoNames " << geonameId << ", not in resources/basemap/places.geojson";
                continue;
            }
            EXPECT_LT(greatCircleKm(point, found->second), 1.0) << id << ": not at the GeoNames point it cites";
        } else if (source.find("towns.geojson") != std::string::npos) {
            const bool atATown = std::any_of(g.towns.begin(), g.towns.end(), [&](GeoPoint town) { return greatCircleKm(point, town) < 1.0; });
            EXPECT_TRUE(atATown) << id << ": cites the basemap's towns but is at none of them";
        }
    }
}

TEST(SampleDatasetRules, CoarsePlacementsSayWhereTheyAreDrawn) {
    for (const auto& [id, place] : placedItems()) {
        const std::string precision = place->value("precision", "");
        if (precision != "district" && precision != "governorate") continue;
        const std::string name = place->value("name", "");
        EXPECT_NE(name.find("placed "), std::string::npos) << id << ": \"" << name << "\" is drawn at a representative point; say which";
    }
}

// An incident placed near a town (within ~3 km) or exactly names no gazetteer place farther
// than that from where it is drawn — except as a bearing ("west of Saraqib", "near Jableh").
TEST(SampleDatasetRules, PreciseIncidentsAreDrawnAtThePlacesTheyName) {
    const Gazetteer& g = gazetteer();
    // A name after these is a bearing or a region, not where the incident was.
    const std::set<std::string> bearings{"of", "near", "from", "towards", "to", "beside", "outside", "eastern", "western",
                                         "northern", "southern", "north", "south", "east", "west"};
    for (const auto& [id, place] : placedItems()) {
        const std::string precision = place->value("precision", "");
        if (precision != "near_town" && precision != "exact") continue;
        const std::string text = " " + words(place->value("name", "")) + " ";
        const GeoPoint point = pointOf(*place);
        for (const NamedPoint& named : g.places) {
            const std::size_t at = text.find(" " + named.name + " ");
            if (at == std::string::npos) continue;
            const std::size_t before = text.rfind(' ', at == 0 ? 0 : at - 1);
            const std::string previous = at == 0 ? "" : text.substr(before + 1, at - before - 1);
            if (bearings.count(previous)) continue;
            const double km = greatCircleKm(point, named.point);
            EXPECT_LE(km, 3.5) << id << ": \"" << place->value("name", "") << "\" names " << named.name << ", " << km
                               << " km from where it is drawn (" << precision << ")";
        }
    }
}
