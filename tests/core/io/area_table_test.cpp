// Incidents per area written out (io/area_table): columns, the outside row, holes kept.
#include "atlas/io/area_table.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <sstream>

using namespace atlas;

namespace {

ReferenceLayer squareWithAHole() {
    ReferenceLayer layer;
    layer.fields = {"NAME", "CODE"};
    layer.labelField = 0;
    ReferenceFeature f;
    f.fid = 7;
    f.values = {"Ariha, \"the town\"", "SY0702"};
    f.area.rings = {{{35, 36}, {35, 37}, {36, 37}, {36, 36}}, {{35.4, 36.4}, {35.6, 36.4}, {35.6, 36.6}, {35.4, 36.6}}};
    f.polygonStarts = {0};
    layer.features = {f};
    return layer;
}

} // namespace

TEST(AreaTable, CsvRowsPerAreaThenOutside) {
    const ReferenceLayer layer = squareWithAHole();
    AreaTable table;
    table.layer = &layer;
    table.counts.areas.resize(1);
    table.counts.areas[0].events = 12;
    table.counts.areas[0].killedAtLeast = 30;
    table.counts.outside.events = 3;
    table.before = AreaCounts{};
    table.before->areas.resize(1);
    table.before->areas[0].events = 5;
    std::ostringstream csv;
    writeAreaTableCsv(table, csv);
    EXPECT_EQ(csv.str(), "area,fid,events,killed_at_least,events_before,killed_before,change_percent,change\n"
                         "\"Ariha, \"\"the town\"\"\",7,12,30,5,0,140.0,surge\n"
                         "(outside every area),,3,0,0,0,,new\n");
    table.nameField = 1; // named by another field
    std::ostringstream byCode;
    writeAreaTableCsv(table, byCode);
    EXPECT_NE(byCode.str().find("\nSY0702,7,"), std::string::npos);
}

TEST(AreaTable, GeoJsonKeepsHolesAndTheLayersFields) {
    const ReferenceLayer layer = squareWithAHole();
    AreaTable table;
    table.layer = &layer;
    table.counts.areas.resize(1);
    table.counts.areas[0].events = 4;
    table.counts.areas[0].bySide[1] = 4;
    table.split = AreaSplit::Side;
    std::ostringstream out;
    writeAreaTableGeoJson(table, out);
    const auto json = nlohmann::json::parse(out.str());
    const auto& feature = json["features"][0];
    EXPECT_EQ(feature["properties"]["CODE"], "SY0702");
    EXPECT_EQ(feature["properties"]["events"], 4);
    EXPECT_EQ(feature["properties"]["side_pro_government"], 4);
    const auto& polygons = feature["geometry"]["coordinates"];
    ASSERT_EQ(polygons.size(), 1u);    // one polygon …
    ASSERT_EQ(polygons[0].size(), 2u); // … with its hole
    EXPECT_EQ(polygons[0][0].size(), 5u); // rings closed
    EXPECT_EQ(json["outside"]["events"], 0);
}
