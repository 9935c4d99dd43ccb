// Incident points from a CSV of one's own (io/point_csv): coordinates and dates as people
// write them, other columns kept, bad rows located.
#include "atlas/io/point_csv.h"
#include "atlas/io/read_any.h"
#include "atlas/model/diagnostic_codes.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace atlas;

namespace {
Date day(const char* text) { return *Date::parse(text); }
} // namespace

TEST(PointCsv, PointsWithDatesAsPeopleWriteThemLoadWithTheirColumns) {
    std::istringstream in("id,Lat,Lon,date,place,killed,source_url\n"
                          "a1,35.93,36.63,\"March 2, 2011\",Idlib,4,https://example.org/1\n"
                          "a2,35.93,36.63,02.03.2011,Idlib,,\n"
                          ",36.2,37.15,\"August 5, 2012 - August 10, 2012\",Aleppo,,\n"
                          "a4,95,36.6,2011-03-02,Nowhere,,\n"
                          "a5,35.9,36.6,03/04/2011,Ambiguous,,\n"
                          "a6,35.9,36.6,soon,Never,,\n");
    const LoadResult read = readPointCsv(in, "points.csv");
    ASSERT_FALSE(read.failed());
    ASSERT_EQ(read.dataset.events.size(), 3u);
    EXPECT_EQ(read.dataset.events.id(0), "a1");
    EXPECT_EQ(read.dataset.events.date(0), day("2011-03-02"));
    EXPECT_EQ(read.dataset.events.date(1), day("2011-03-02"));
    EXPECT_EQ(read.dataset.events.id(2), "row-3"); // no id: its row
    EXPECT_EQ(read.dataset.events.endDate(2), day("2012-08-10"));
    const Event first = read.dataset.events.at(0);
    EXPECT_EQ(first.place.name, "Idlib");
    EXPECT_EQ(first.killed.lowerBound(), 4);
    ASSERT_EQ(first.extra.size(), 1u);
    EXPECT_EQ(first.extra[0].first, "source_url");
    // The three skipped rows, each located and said why.
    ASSERT_EQ(read.diagnostics.size(), 3u);
    EXPECT_EQ(read.diagnostics[0].code, codes::kGeojsonCoordinates);
    EXPECT_EQ(read.diagnostics[0].line, 5);
    EXPECT_EQ(read.diagnostics[0].column, 4);
    EXPECT_NE(read.diagnostics[1].message.find("--date-format"), std::string::npos);
    EXPECT_NE(read.diagnostics[2].message.find("\"soon\" is not a date"), std::string::npos);
    EXPECT_EQ(read.dataset.metadata.provenance.find("as \"2011-03-02\""), std::string::npos); // its row was skipped first
    EXPECT_NE(read.dataset.metadata.provenance.find("2 as \"March 2, 2011\""), std::string::npos) << read.dataset.metadata.provenance;
    EXPECT_NE(read.dataset.metadata.provenance.find("1 date(s) day/month either way"), std::string::npos);
}

TEST(PointCsv, AShortRowIsSkippedAtItsLine) {
    std::istringstream in("date,latitude,longitude\n2020-01-01,36.2,36.6\n2020-01-02,36.2\n");
    const LoadResult read = readPointCsv(in, "short.csv");
    ASSERT_EQ(read.dataset.events.size(), 1u);
    ASSERT_EQ(read.diagnostics.size(), 1u);
    EXPECT_EQ(read.diagnostics[0].line, 3);
    EXPECT_EQ(read.diagnostics[0].code, codes::kGeojsonCoordinates);
}

TEST(PointCsv, DayOrderAndNamedColumnsAsForGeoJson) {
    GeoJsonOptions options;
    options.dateProperty = "reported_on";
    options.dayOrder = DayOrder::MonthFirst;
    std::istringstream in("longitude,latitude,reported_on\n36.6,35.9,03/04/2011\n");
    const LoadResult read = readPointCsv(in, "p.csv", options);
    ASSERT_EQ(read.dataset.events.size(), 1u);
    EXPECT_EQ(read.dataset.events.date(0), day("2011-03-04"));
    std::istringstream noDate("longitude,latitude,when\n36.6,35.9,2011-03-04\n");
    const LoadResult fatal = readPointCsv(noDate, "p.csv");
    EXPECT_TRUE(fatal.failed());
    EXPECT_NE(fatal.diagnostics[0].message.find("a date column"), std::string::npos);
}

TEST(PointCsv, AnyFileTellsPointsFromAcledAndUcdpByTheHeader) {
    EXPECT_TRUE(looksLikePointCsvHeader("id,latitude,longitude,date"));
    EXPECT_TRUE(looksLikePointCsvHeader("\"Lat\",\"Lng\",when"));
    EXPECT_FALSE(looksLikePointCsvHeader("id,date,place"));
    const auto path = (std::filesystem::temp_directory_path() / "atlas-points.csv").string();
    std::ofstream(path) << "name,lat,lon,date\nSarmada,36.18,36.72,2 March 2011\n";
    const LoadResult read = readAnyFile(path);
    ASSERT_EQ(read.dataset.events.size(), 1u);
    EXPECT_EQ(read.dataset.events.at(0).place.name, "Sarmada");
    EXPECT_EQ(read.dataset.events.provenance(0)->toText(), "atlas-points.csv, line 2");
    // The columns that hold dates, for the window's "Where are the dates?".
    const auto columns = pointCsvDateColumns(path);
    ASSERT_EQ(columns.size(), 1u);
    EXPECT_EQ(columns[0].name, "date");
    EXPECT_EQ(columns[0].points, 1u);
}
