// The UCDP GED reader (io/ucdp).
#include "atlas/io/read_any.h"
#include "atlas/io/ucdp.h"
#include "event_lookup.h"

#include <gtest/gtest.h>

#include <sstream>

using namespace atlas;
using atlas::test::extra;

TEST(UcdpReader, ReadsTheGedLayoutsWithRangesAndSpans) {
    const LoadResult r = readUcdpGedCsvFile(ATLAS_TEST_DATA_DIR "/ucdp/ged-sample.csv");
    ASSERT_FALSE(r.failed());
    EXPECT_TRUE(r.partial());
    ASSERT_EQ(r.dataset.events.size(), 2u);
    const Event& strike = r.dataset.events[0];
    EXPECT_EQ(strike.id, "ged-900001");
    EXPECT_EQ(strike.date, *Date::parse("2020-10-26"));
    EXPECT_FALSE(strike.endDate);
    EXPECT_EQ(strike.killed.qualifier, CountQualifier::Range);
    EXPECT_EQ(strike.killed.low, 78);
    EXPECT_EQ(strike.killed.high, 90);
    EXPECT_EQ(strike.place.precision, PlacePrecision::Exact);
    EXPECT_EQ(strike.type, EventType::ArmedClash);
    EXPECT_EQ(r.dataset.sideOfActor(strike.perpetrators[0]), Side::ProGovernment); // the default sides' "Government of Syria"
    ASSERT_EQ(strike.sources.size(), 2u);
    EXPECT_EQ(strike.sources[0].publisher, "Test Agency,2020-10-26,\"Test headline, not a real event\"");
    EXPECT_EQ(extra(strike, "ucdp_deaths_b"), "\"80\"");
    const Event& oneSided = r.dataset.events[1];
    EXPECT_EQ(oneSided.type, EventType::AttackOnCivilians);
    EXPECT_TRUE(oneSided.civilianTargeting);
    ASSERT_TRUE(oneSided.endDate);
    EXPECT_EQ(*oneSided.endDate, *Date::parse("2020-06-05"));
    EXPECT_EQ(oneSided.datePrecision, DatePrecision::Week);
    EXPECT_EQ(oneSided.place.precision, PlacePrecision::Governorate);
    EXPECT_EQ(oneSided.killed.qualifier, CountQualifier::Exact);
    ASSERT_FALSE(r.diagnostics.empty());
    EXPECT_NE(r.diagnostics[0].toString().find("ged-sample.csv:4:"), std::string::npos) << r.diagnostics[0].toString();

    const LoadResult minimal = readAnyFile(ATLAS_TEST_DATA_DIR "/ucdp/ged-minimal.csv");
    ASSERT_FALSE(minimal.failed());
    ASSERT_EQ(minimal.dataset.events.size(), 1u);
    EXPECT_EQ(minimal.dataset.events[0].place.precision, PlacePrecision::NearTown);
    EXPECT_TRUE(readAnyFile(ATLAS_TEST_DATA_DIR "/acled/current-export.csv").dataset.events.size() == 3u)
        << "an ACLED header is read as ACLED";
    std::istringstream garbage(std::string("id,date_start\n") + std::string(1000, '\x01'));
    EXPECT_TRUE(readUcdpGedCsv(garbage, "g.csv").failed()) << "no coordinates column";
}

// GeoJSON written from the sample reads back to the same GeoJSON: every property survives
// GeoJSON → model → GeoJSON.

TEST(UcdpReader, WithoutABestEstimateTheFourPartiesDeathsAddUp) {
    std::istringstream in("id,date_start,date_end,latitude,longitude,side_a,side_b,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best\n"
                          "7,2020-02-10,2020-02-10,35.8,36.6,A,B,3,12,2,,\n"
                          "8,2020-02-11,2020-02-11,35.8,36.6,A,B,,,,,\n"
                          "9,2020-02-12,2020-02-12,35.8,36.6,A,B,1,1,1,1,6\n");
    const LoadResult r = readUcdpGedCsv(in, "parties.csv");
    ASSERT_EQ(r.dataset.events.size(), 3u);
    EXPECT_TRUE(r.diagnostics.empty()) << r.diagnostics.front().toString();
    EXPECT_EQ(r.dataset.events[0].killed.toText(), "17");
    EXPECT_EQ(extra(r.dataset.events[0], "ucdp_deaths_b"), "\"12\"") << "the parties' figures are kept";
    EXPECT_FALSE(r.dataset.events[1].killed.known());
    EXPECT_EQ(r.dataset.events[2].killed.toText(), "6") << "a best estimate wins";
}
