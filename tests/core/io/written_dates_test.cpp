// Dates as people write them (io/written_dates), and GeoJSON points dated so.
#include "atlas/io/geojson.h"
#include "atlas/io/written_dates.h"

#include <gtest/gtest.h>

using namespace atlas;

namespace {
Date day(const char* text) { return *Date::parse(text); }
} // namespace

TEST(WrittenDates, TheUnambiguousFormsAreReadWithTheirForm) {
    const struct {
        const char* text;
        const char* date;
        WrittenDateForm form;
    } cases[] = {
        {"2011-03-02", "2011-03-02", WrittenDateForm::Iso},
        {"2011-03-02T10:15:00Z", "2011-03-02", WrittenDateForm::Iso},
        {"March 2, 2011", "2011-03-02", WrittenDateForm::MonthNameDay},
        {"  march  2 ,2011 ", "2011-03-02", WrittenDateForm::MonthNameDay},
        {"Mar 2 2011", "2011-03-02", WrittenDateForm::MonthNameDay},
        {"2 March 2011", "2011-03-02", WrittenDateForm::DayMonthName},
        {"02-Mar-11", "2011-03-02", WrittenDateForm::DayMonthName},
        {"2011/03/02", "2011-03-02", WrittenDateForm::YearSlashed},
        {"2011_03_02", "2011-03-02", WrittenDateForm::YearUnderscored},
        {"02.03.2011", "2011-03-02", WrittenDateForm::DayDotted},
        {"25/03/2011", "2011-03-25", WrittenDateForm::DayFirst},
        {"03/25/2011", "2011-03-25", WrittenDateForm::MonthFirst},
    };
    for (const auto& c : cases) {
        const auto read = parseWrittenDate(c.text);
        ASSERT_TRUE(read) << c.text;
        EXPECT_EQ(read->first, day(c.date)) << c.text;
        EXPECT_EQ(read->form, c.form) << c.text;
        EXPECT_FALSE(read->last) << c.text;
    }
}

TEST(WrittenDates, RangesAreSpansAndAmbiguousOrImpossibleDatesAreNotGuessed) {
    const auto range = parseWrittenDate("August 5, 2012 - August 10, 2012");
    ASSERT_TRUE(range);
    EXPECT_EQ(range->first, day("2012-08-05"));
    EXPECT_EQ(range->last, day("2012-08-10"));
    EXPECT_EQ(parseWrittenDate("2012-08-05..2012-08-07")->last, day("2012-08-07"));
    EXPECT_FALSE(parseWrittenDate("August 10, 2012 - August 5, 2012")) << "a range ending before it starts";
    // 03/04/2011: 3 April or 4 March? Only when told.
    EXPECT_FALSE(parseWrittenDate("03/04/2011"));
    EXPECT_EQ(parseWrittenDate("03/04/2011", DayOrder::DayFirst)->first, day("2011-04-03"));
    EXPECT_EQ(parseWrittenDate("03/04/2011", DayOrder::MonthFirst)->first, day("2011-03-04"));
    for (const char* bad : {"", "soon", "31 February 2011", "2011/13/01", "March 2011", "Marchember 40, 2011", "12345"})
        EXPECT_FALSE(parseWrittenDate(bad)) << bad;
}

TEST(WrittenDates, AGeoJsonFileOfPointsDatedAsPeopleWriteThemLoadsWithItsFormsReported) {
    const std::string text = R"({"type":"FeatureCollection","features":[
      {"type":"Feature","geometry":{"type":"Point","coordinates":[36.6,35.9]},"properties":{"date":"March 2, 2011"}},
      {"type":"Feature","geometry":{"type":"Point","coordinates":[36.6,35.9]},"properties":{"date":" 2 March 2011 "}},
      {"type":"Feature","geometry":{"type":"Point","coordinates":[36.6,35.9]},"properties":{"date":"2011/03/02"}},
      {"type":"Feature","geometry":{"type":"Point","coordinates":[36.6,35.9]},"properties":{"date":"2011_03_02"}},
      {"type":"Feature","geometry":{"type":"Point","coordinates":[36.6,35.9]},"properties":{"date":"02.03.2011"}},
      {"type":"Feature","geometry":{"type":"Point","coordinates":[36.6,35.9]},"properties":{"date":"August 5, 2012 - August 10, 2012"}},
      {"type":"Feature","geometry":{"type":"Point","coordinates":[36.6,35.9]},"properties":{"date":"03/04/2011"}}]})";
    const LoadResult read = readGeoJsonText(text, "points.geojson");
    ASSERT_FALSE(read.failed());
    ASSERT_EQ(read.dataset.events.size(), 6u) << "the ambiguous 03/04/2011 is skipped, said in a diagnostic";
    for (std::size_t row = 0; row < 5; ++row) EXPECT_EQ(read.dataset.events.date(row), day("2011-03-02"));
    EXPECT_EQ(read.dataset.events.date(5), day("2012-08-05"));
    EXPECT_EQ(read.dataset.events.endDate(5), day("2012-08-10"));
    const std::string& provenance = read.dataset.metadata.provenance;
    EXPECT_NE(provenance.find("2 as \"March 2, 2011\""), std::string::npos) << provenance; // the range's first date too
    EXPECT_NE(provenance.find("1 as \"2011_03_02\""), std::string::npos) << provenance;
    EXPECT_NE(provenance.find("1 as \"02.03.2011\""), std::string::npos) << provenance;
    EXPECT_FALSE(read.diagnostics.empty());
}

TEST(WrittenDates, AmbiguousNumericDatesAreReadTheWayTheUserSays) {
    const std::string text = R"({"type":"FeatureCollection","features":[
      {"type":"Feature","geometry":{"type":"Point","coordinates":[36.6,35.9]},"properties":{"date":"03/04/2011"}},
      {"type":"Feature","geometry":{"type":"Point","coordinates":[36.6,35.9]},"properties":{"date":"25/03/2011"}}]})";
    // Unsaid: the ambiguous one is skipped, and the warning says why and what to do.
    const LoadResult unsaid = readGeoJsonText(text, "points.geojson");
    ASSERT_EQ(unsaid.dataset.events.size(), 1u);
    ASSERT_EQ(unsaid.diagnostics.size(), 1u);
    EXPECT_NE(unsaid.diagnostics[0].message.find("\"03/04/2011\" reads as day/month or month/day"), std::string::npos)
        << unsaid.diagnostics[0].message;
    EXPECT_NE(unsaid.diagnostics[0].message.find("--date-format"), std::string::npos);
    EXPECT_EQ(unsaid.diagnostics[0].jsonPointer, "/features/0/properties");
    GeoJsonOptions dayFirst;
    dayFirst.dayOrder = DayOrder::DayFirst;
    const LoadResult dmy = readGeoJsonText(text, "points.geojson", dayFirst);
    ASSERT_EQ(dmy.dataset.events.size(), 2u);
    EXPECT_EQ(dmy.dataset.events.date(0), day("2011-04-03"));
    EXPECT_EQ(dmy.dataset.events.date(1), day("2011-03-25")); // unambiguous either way
    GeoJsonOptions monthFirst;
    monthFirst.dayOrder = DayOrder::MonthFirst;
    const LoadResult mdy = readGeoJsonText(text, "points.geojson", monthFirst);
    ASSERT_EQ(mdy.dataset.events.size(), 2u);
    EXPECT_EQ(mdy.dataset.events.date(0), day("2011-03-04"));
    EXPECT_EQ(mdy.dataset.events.date(1), day("2011-03-25")); // day above 12: read as it can only be
}
