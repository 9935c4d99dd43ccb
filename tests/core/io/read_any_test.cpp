// What every reader promises of the figures it imports (io/read_any and the readers behind it).
#include "atlas/io/acled.h"
#include "atlas/io/geojson.h"
#include "atlas/io/ucdp.h"

#include <gtest/gtest.h>

#include <sstream>

using namespace atlas;

TEST(ImportedCounts, NegativeOrBackwardFiguresAreMadeCoherentWithAWarning) {
    const std::string geojson = R"({"type": "FeatureCollection", "features": [
  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.6, 35.9]},
   "properties": {"date": "2020-10-26", "killed": -5, "wounded": {"qualifier": "range", "low": 10, "high": 3}}},
  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.6, 35.9]},
   "properties": {"date": 1e300, "killed": 4294967296}}
]})";
    const LoadResult g = readGeoJsonText(geojson, "counts.geojson");
    ASSERT_EQ(g.dataset.events.size(), 1u) << "a date of 1e300 seconds is no date: that feature is skipped";
    const Event& e = g.dataset.events[0];
    EXPECT_EQ(e.killed.qualifier, CountQualifier::Unknown);
    EXPECT_FALSE(e.killed.low.has_value());
    EXPECT_EQ(e.wounded.low, 3);
    EXPECT_EQ(e.wounded.high, 10);
    std::vector<std::string> pointers;
    for (const auto& d : g.diagnostics)
        if (d.code == "geojson.count") pointers.push_back(d.jsonPointer);
    EXPECT_EQ(pointers, (std::vector<std::string>{"/features/0/properties/killed", "/features/0/properties/wounded"}));

    std::istringstream ucdp("id,year,type_of_violence,side_a,side_b,where_prec,latitude,longitude,date_prec,date_start,date_end,best,low,high\n"
                            "1,2020,1,A,B,1,35.6,36.6,1,2020-01-01,2020-01-01,5,9,2\n");
    const LoadResult u = readUcdpGedCsv(ucdp, "counts.csv");
    ASSERT_EQ(u.dataset.events.size(), 1u);
    EXPECT_EQ(u.dataset.events[0].killed.low, 2);
    EXPECT_EQ(u.dataset.events[0].killed.high, 9);
    ASSERT_EQ(u.diagnostics.size(), 1u);
    EXPECT_EQ(u.diagnostics[0].code, "ucdp.deaths");
    EXPECT_EQ(u.diagnostics[0].line, 2);
}
