// What every reader promises of the figures it imports (io/read_any and the readers behind it).
#include "atlas/io/acled.h"
#include "atlas/model/actor_mapping.h"
#include "atlas/io/csv.h"
#include "atlas/io/acled.h"
#include "atlas/io/geojson.h"
#include "atlas/io/kml.h"
#include "atlas/io/geojson.h"
#include "atlas/model/merge.h"
#include "atlas/io/native_format.h"
#include "atlas/query/query.h"
#include "atlas/io/read_any.h"
#include "atlas/io/ucdp.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <tuple>

using namespace atlas;

namespace {

[[maybe_unused]] const std::string kDir = ATLAS_TEST_DATA_DIR "/acled/";

[[maybe_unused]] const Event* byId(const Dataset& d, const std::string& id) {
    const auto it = std::find_if(d.events.begin(), d.events.end(), [&](const Event& e) { return e.id == id; });
    return it == d.events.end() ? nullptr : &*it;
}

[[maybe_unused]] std::string extra(const Event& e, const std::string& key) {
    for (const auto& [k, v] : e.extra)
        if (k == key) return v;
    return {};
}

[[maybe_unused]] LoadResult readText(const std::string& text) {
    std::istringstream in(text);
    return readAcledCsv(in, "test.csv");
}

} // namespace

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
