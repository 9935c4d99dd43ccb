#include "atlas/geo/basemap.h"
#include "atlas/geo/geo.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

using namespace atlas;

TEST(BasemapLayer, BundledTownsIncludeTheNamedPlaces) {
    const BasemapLayer towns = readBasemapLayer(std::string(ATLAS_BASEMAP_DIR) + "/towns.geojson");
    ASSERT_TRUE(towns.diagnostics.empty()) << towns.diagnostics.front().toString();
    for (const char* name : {"Idlib", "Aleppo", "Hama", "Latakia", "Antakya", "Saraqib", "Maarat al-Numan",
                             "Khan Shaykhun", "Jisr al-Shughur", "Ariha", "Sarmada", "Kafr Takharim", "Morek",
                             "Bab al-Hawa crossing"}) {
        const auto found = std::find_if(towns.features.begin(), towns.features.end(),
                                        [&](const BasemapFeature& f) { return f.name == name; });
        ASSERT_NE(found, towns.features.end()) << name;
        EXPECT_EQ(found->kind, BasemapFeature::Kind::Point);
        // Everything named lies in north-west Syria or just across the Turkish border.
        const GeoPoint p = found->parts.front().front();
        EXPECT_TRUE((GeoBox{35.5, 35.0, 37.5, 36.5}.contains(p))) << name;
    }
}

TEST(BasemapLayer, BundledCountriesContainSyria) {
    const BasemapLayer countries = readBasemapLayer(std::string(ATLAS_BASEMAP_DIR) + "/countries.geojson");
    ASSERT_TRUE(countries.diagnostics.empty());
    EXPECT_TRUE(std::any_of(countries.features.begin(), countries.features.end(), [](const BasemapFeature& f) {
        return f.name == "Syria" && f.kind == BasemapFeature::Kind::Polygon && f.parts.front().size() > 100;
    }));
}

TEST(BasemapLayer, BadFeaturesAreSkippedWithTheirPointer) {
    const auto path = std::filesystem::temp_directory_path() / "atlas-basemap-test.geojson";
    std::ofstream(path) << R"({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "ok"}, "geometry": {"type": "Point", "coordinates": [36, 35]}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [36, 200]}},
        {"type": "Feature"}]})";
    const BasemapLayer layer = readBasemapLayer(path.string());
    EXPECT_EQ(layer.features.size(), 1u);
    ASSERT_EQ(layer.diagnostics.size(), 2u);
    EXPECT_EQ(layer.diagnostics[0].jsonPointer, "/features/1/geometry");
    EXPECT_EQ(layer.diagnostics[1].jsonPointer, "/features/2");
    std::filesystem::remove(path);
}

TEST(BasemapLayer, MissingOrBrokenFileIsFatal) {
    EXPECT_EQ(readBasemapLayer("/nonexistent.geojson").diagnostics.front().severity, Severity::Fatal);
}
