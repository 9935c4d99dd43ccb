// GeoJSON read and written (io/geojson): other people's files and our own events.
#include "atlas/io/geojson.h"
#include "atlas/io/native_format.h"
#include "atlas/io/read_any.h"
#include "event_lookup.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace atlas;
using atlas::test::extra;

TEST(GeoJson, WhatWeWriteReadsBackUnchanged) {
    const LoadResult sample = readNativeFile(ATLAS_SAMPLE_DATASET);
    std::vector<std::uint32_t> all(sample.dataset.events.size());
    for (std::uint32_t i = 0; i < all.size(); ++i) all[i] = i;
    std::ostringstream first;
    writeGeoJson(sample.dataset, all, first);
    const LoadResult back = readGeoJsonText(first.str(), "first.geojson");
    ASSERT_TRUE(back.diagnostics.empty()) << back.diagnostics.front().toString();
    ASSERT_EQ(back.dataset.events.size(), sample.dataset.events.size());
    std::vector<std::uint32_t> allBack(back.dataset.events.size());
    for (std::uint32_t i = 0; i < allBack.size(); ++i) allBack[i] = i;
    std::ostringstream second;
    writeGeoJson(back.dataset, allBack, second);
    const auto a = nlohmann::json::parse(first.str())["features"], b = nlohmann::json::parse(second.str())["features"];
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i)
        ASSERT_EQ(a[i], b[i]) << "feature " << i << ": " << nlohmann::json::diff(a[i], b[i]).dump();
    // And through the native format in between.
    const LoadResult native = readNativeText(writeNativeText(back.dataset), "middle.atlas.json");
    ASSERT_FALSE(native.failed());
    std::ostringstream third;
    writeGeoJson(native.dataset, allBack, third);
    EXPECT_TRUE(nlohmann::json::parse(first.str()) == nlohmann::json::parse(third.str()));
}

TEST(GeoJson, ReadsOtherPeoplesFilesAndKeepsTheirProperties) {
    const std::string text = R"({"type": "FeatureCollection", "features": [
      {"type": "Feature", "id": 7, "geometry": {"type": "Point", "coordinates": [36.63, 35.93]},
       "properties": {"event_date": "2020-03-05", "name": "Idlib", "note": "kept", "score": 3}},
      {"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.6, 35.8]},
       "properties": {"timestamp": 1583366400}},
      {"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.6, 35.8]}, "properties": {"label": "no date"}},
      {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[36.3, 35.8], [36.8, 35.86]]},
       "properties": {"name": "M4", "kind": "security_corridor", "start": "2020-03-06"}},
      {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[36.2, 35.5], [37, 35.5], [37, 36.3], [36.2, 35.5]]]},
       "properties": {"controller": "HTS", "start_date": "2020-03-06"}},
      {"type": "Feature", "geometry": {"type": "Point", "coordinates": [200, 35]}, "properties": {"date": "2020-01-01"}}
    ]})";
    const LoadResult r = readGeoJsonText(text, "theirs.geojson");
    ASSERT_FALSE(r.failed());
    ASSERT_EQ(r.dataset.events.size(), 2u);
    EXPECT_EQ(r.dataset.events[0].id, "7");
    EXPECT_EQ(r.dataset.events[0].date, *Date::parse("2020-03-05"));
    EXPECT_EQ(r.dataset.events[0].place.name, "Idlib");
    EXPECT_EQ(extra(r.dataset.events[0], "note"), "\"kept\"");
    EXPECT_EQ(extra(r.dataset.events[0], "score"), "3");
    EXPECT_EQ(r.dataset.events[1].date, *Date::parse("2020-03-05")) << "epoch seconds";
    ASSERT_EQ(r.dataset.lines.size(), 1u);
    EXPECT_EQ(r.dataset.lines[0].kind, LineKind::SecurityCorridor);
    ASSERT_EQ(r.dataset.areas.size(), 1u);
    EXPECT_FALSE(r.dataset.areas[0].controller.empty());
    ASSERT_EQ(r.diagnostics.size(), 2u) << "the undated point and the out-of-range one";
    EXPECT_EQ(r.diagnostics[0].jsonPointer, "/features/2/properties");
    EXPECT_GT(r.diagnostics[0].line, 1);
    GeoJsonOptions options;
    options.dateProperty = "when";
    EXPECT_EQ(readGeoJsonText(R"({"type":"Feature","geometry":{"type":"Point","coordinates":[36,35]},"properties":{"when":"2020-01-02"}})",
                              "one.geojson", options).dataset.events.size(), 1u);
    const LoadResult broken = readGeoJsonText("{\"type\": \"FeatureCollection\", \"features\": [\n  {,}]}", "broken.geojson");
    ASSERT_TRUE(broken.failed());
    EXPECT_EQ(broken.diagnostics[0].line, 2);
    EXPECT_TRUE(readGeoJsonText("[1,2,3]", "array.geojson").failed());
}

TEST(GeoJson, MembersComeInAnyOrderAndFeaturesStreamBeforeTheTypeIsKnown) {
    // RFC 7946 does not order members: "features" may precede "type", and "name" may follow.
    const LoadResult r = readGeoJsonText(R"({"features": [
      {"geometry": {"coordinates": [36.63, 35.93], "type": "Point"}, "type": "Feature", "properties": {"date": "2020-10-26"}}
    ], "name": "Theirs", "type": "FeatureCollection"})", "late-type.geojson");
    ASSERT_FALSE(r.failed());
    ASSERT_EQ(r.dataset.events.size(), 1u);
    EXPECT_EQ(r.dataset.metadata.title, "Theirs");

    // Features of something that turns out not to be a FeatureCollection are not kept.
    const LoadResult topology = readGeoJsonText(R"({"features": [
      {"type": "Feature", "geometry": {"type": "Point", "coordinates": [36, 35]}, "properties": {"date": "2020-01-01"}}
    ], "type": "Topology"})", "topology.json");
    ASSERT_TRUE(topology.failed());
    EXPECT_EQ(topology.diagnostics.front().code, "geojson.type");
    EXPECT_TRUE(topology.dataset.events.empty());
    EXPECT_TRUE(readGeoJsonText(R"({"type": "FeatureCollection", "features": 3})", "bad.geojson").failed());
    const LoadResult empty = readGeoJsonText(R"({"type": "FeatureCollection", "features": []})", "empty.geojson");
    EXPECT_FALSE(empty.failed());
    EXPECT_TRUE(empty.diagnostics.empty());
}

TEST(GeoJson, ProblemsInAFileAreLocatedByLineAndColumn) {
    // Read from disk, the text is not held while parsing: positions come from reading it back.
    const auto path = (std::filesystem::temp_directory_path() / "atlas-geojson-located.geojson").string();
    {
        std::ofstream out(path, std::ios::binary);
        out << "{\"type\": \"FeatureCollection\", \"features\": [\n"
               "  {\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [36, 35]}, \"properties\": {\"date\": \"2020-01-01\"}},\n"
               "  {\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [36, 95]}, \"properties\": {\"date\": \"2020-01-02\"}}\n"
               "]}\n";
    }
    const LoadResult r = readGeoJsonFile(path);
    ASSERT_FALSE(r.failed());
    EXPECT_EQ(r.dataset.events.size(), 1u);
    ASSERT_EQ(r.diagnostics.size(), 1u);
    EXPECT_EQ(r.diagnostics[0].file, path);
    EXPECT_EQ(r.diagnostics[0].jsonPointer, "/features/1/geometry/coordinates");
    EXPECT_EQ(r.diagnostics[0].line, 3);
    EXPECT_GT(r.diagnostics[0].column, 60);
    std::filesystem::remove(path);
    EXPECT_EQ(readGeoJsonFile(path).diagnostics.front().code, "file.open");
}

TEST(GeoJson, DatesUnderAPropertyOfItsOwnAreFoundAndRead) {
    const std::string path = ATLAS_TEST_DATA_DIR "/geojson/reported-on.geojson";
    // Counts (fatalities: 78) are no dates; epoch seconds are.
    EXPECT_EQ(geoJsonDatePropertiesOfFile(path), (std::vector<GeoJsonDateProperty>{{"reported_on", 3}, {"until", 1}}));
    EXPECT_TRUE(geoJsonDatePropertiesOfFile("/nonexistent.geojson").empty());
    EXPECT_TRUE(geoJsonDateProperties("{broken").empty());

    EXPECT_TRUE(readAnyFile(path).dataset.events.empty()) << "no usual date name: every point skipped";
    GeoJsonOptions options;
    options.dateProperty = "reported_on";
    options.endDateProperty = "until";
    const LoadResult r = readAnyFile(path, {options, nullptr});
    ASSERT_EQ(r.dataset.events.size(), 3u);
    EXPECT_EQ(r.dataset.events[0].date.toString(), "2020-10-26");
    EXPECT_EQ(r.dataset.events[1].endDate->toString(), "2020-10-28");
    EXPECT_EQ(r.dataset.events[2].date.toString(), "2020-10-27") << "1603756800 s after the epoch";
    ASSERT_EQ(r.diagnostics.size(), 1u);
    EXPECT_EQ(r.diagnostics[0].jsonPointer, "/features/3/properties");
    EXPECT_NE(r.diagnostics[0].message.find("reported_on"), std::string::npos) << "says what it looked for";
}

// Other programs write yes/no as numbers (a GeoPackage BOOLEAN, a spreadsheet's 1) and may put
// a number where a type name belongs: read as what they mean, never a failed file.
TEST(GeoJson, YesNoAsNumbersAndAMistypedGeometryTypeAreNotFatal) {
    const LoadResult r = readGeoJsonText(R"({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.5, 36.1]},
         "properties": {"date": "2020-10-26", "civilian_targeting": 1}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.6, 36.2]},
         "properties": {"date": "2020-10-27", "civilian_targeting": 0}},
        {"type": "Feature", "geometry": {"type": 5, "coordinates": [36.6, 36.2]}, "properties": {"date": "2020-10-28"}}]})",
                                         "numbers.geojson");
    ASSERT_FALSE(r.failed()) << r.diagnostics.front().toString();
    ASSERT_EQ(r.dataset.events.size(), 2u);
    EXPECT_TRUE(r.dataset.events.civilianTargeting(0));
    EXPECT_FALSE(r.dataset.events.civilianTargeting(1));
    EXPECT_TRUE(r.partial() || !r.diagnostics.empty()); // the third feature is reported, not read
}
