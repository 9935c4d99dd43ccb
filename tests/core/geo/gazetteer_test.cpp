// Places by name (geo/gazetteer): folding diacritics and punctuation, ordering, the same place
// from two sources once, and the bundled basemap's places.
#include "atlas/geo/gazetteer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using namespace atlas;

namespace {

std::string fileText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

TEST(Gazetteer, SearchKeysFoldDiacriticsAndPunctuation) {
    EXPECT_EQ(searchKey("Sarāqib"), "saraqib");
    EXPECT_EQ(searchKey("Ma‘arrat an Nu‘mān"), "maarratannuman");
    EXPECT_EQ(searchKey("Ḩārim"), "harim");
    EXPECT_EQ(searchKey("Ţayyibat al Imām"), "tayyibatalimam");
    EXPECT_EQ(searchKey("Reyhanlı"), "reyhanli");
    EXPECT_EQ(searchKey("Kafr-Takharim"), "kafrtakharim");
    EXPECT_EQ(searchKey("\xff\xfe broken"), "broken"); // stray bytes are dropped, not a crash
}

TEST(Gazetteer, FindsPrefixesFirstThenLargerPlacesAndListsAPlaceOnce) {
    Gazetteer gazetteer;
    const auto problems = gazetteer.addGeoJson(R"({"type": "FeatureCollection", "features": [
      {"type": "Feature", "properties": {"name": "Kafr Nabl", "rank": 4, "population": 9000}, "geometry": {"type": "Point", "coordinates": [36.56, 35.61]}},
      {"type": "Feature", "properties": {"name": "Idlib", "rank": 1, "population": 128840}, "geometry": {"type": "Point", "coordinates": [36.634, 35.931]}},
      {"type": "Feature", "properties": {"name": "Kafr Takhārīm", "ascii": "Kafr Takharim", "rank": 4}, "geometry": {"type": "Point", "coordinates": [36.52, 36.12]}},
      {"type": "Feature", "properties": {"name": "Tell Kafr", "rank": 3, "population": 20000}, "geometry": {"type": "Point", "coordinates": [36.9, 36.3]}},
      {"type": "Feature", "properties": {"rank": 4}, "geometry": {"type": "Point", "coordinates": [36.0, 36.0]}}
    ]})", "places.geojson", "GeoNames");
    ASSERT_EQ(problems.size(), 1u); // the one without a name
    EXPECT_EQ(problems[0].jsonPointer, "/features/4");
    EXPECT_EQ(gazetteer.size(), 4u);

    const auto kafr = gazetteer.search("kafr");
    ASSERT_EQ(kafr.size(), 3u);
    EXPECT_EQ(kafr[0].name, "Kafr Nabl");      // prefixes first, larger first among them
    EXPECT_EQ(kafr[1].name, "Kafr Takhārīm");
    EXPECT_EQ(kafr[2].name, "Tell Kafr");      // then names that contain it
    EXPECT_EQ(gazetteer.search("kafr takh").at(0).name, "Kafr Takhārīm");
    EXPECT_TRUE(gazetteer.search("  ").empty());

    // The same town from the hand-made towns: listed once.
    gazetteer.addGeoJson(R"({"features": [{"properties": {"name": "Idlib", "rank": 1}, "geometry": {"type": "Point", "coordinates": [36.6339, 35.9306]}}]})",
                         "towns.geojson", "towns");
    EXPECT_EQ(gazetteer.search("idlib").size(), 1u);
    EXPECT_TRUE(gazetteer.addGeoJson("{ nope", "x", "y").at(0).severity == Severity::Fatal);
}

TEST(Gazetteer, TheBundledPlacesNameIdlibsVillages) {
    Gazetteer gazetteer;
    EXPECT_TRUE(gazetteer.addGeoJson(fileText(ATLAS_BASEMAP_DIR "/places.geojson"), "places.geojson", "GeoNames").empty());
    EXPECT_TRUE(gazetteer.addGeoJson(fileText(ATLAS_BASEMAP_DIR "/towns.geojson"), "towns.geojson", "towns").empty());
    EXPECT_GT(gazetteer.size(), 2000u);
    for (const char* village : {"Kafr Takharim", "Sarmin", "Binnish", "Taftanaz", "Kafranbel", "Armanaz", "Salqin"}) {
        const auto found = gazetteer.search(village);
        ASSERT_FALSE(found.empty()) << village;
        EXPECT_NEAR(found[0].point.latitude, 35.9, 0.5) << village; // in Idlib governorate
    }
    // Over Idlib, nearby places first: the Kafr villages of Idlib before Egypt's Kafr ad Dawwar.
    const auto nearIdlib = gazetteer.search("kafr", 5, GeoPoint{35.93, 36.63});
    ASSERT_EQ(nearIdlib.size(), 5u);
    for (const auto& place : nearIdlib) EXPECT_NEAR(place.point.latitude, 35.9, 1.4) << place.name;
    EXPECT_GT(gazetteer.search("kafr", 1).at(0).population, 100000); // without a centre, the largest first
    // Kafr Takharim, where the camp struck on 26 October 2020 was: GeoNames puts it at 36.12 N, 36.52 E.
    const auto camp = gazetteer.search("kafr takharim").at(0);
    EXPECT_NEAR(camp.point.latitude, 36.12, 0.03);
    EXPECT_NEAR(camp.point.longitude, 36.52, 0.03);
}
