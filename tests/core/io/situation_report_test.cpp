// What the situation was on a day (io/situation_report), from the bundled sample.
#include "atlas/io/native_format.h"
#include "atlas/io/situation_report.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

using namespace atlas;

namespace {

const Dataset& sample() {
    static const Dataset dataset = readNativeFile(ATLAS_SAMPLE_DATASET).dataset;
    return dataset;
}

nlohmann::json reportOn(const char* day, bool geojson) {
    std::ostringstream out;
    if (geojson) writeSituationGeoJson(sample(), *Date::parse(day), out);
    else writeSituationJson(sample(), *Date::parse(day), out);
    return nlohmann::json::parse(out.str());
}

const nlohmann::json* siteIn(const nlohmann::json& sites, const std::string& id) {
    for (const auto& site : sites)
        if (site["id"] == id) return &site;
    return nullptr;
}

} // namespace

TEST(SituationReport, SaysEachSitesStatusSinceWhenAndOnWhoseReport) {
    const nlohmann::json before = reportOn("2020-10-25", false);
    EXPECT_EQ(before["date"], "2020-10-25");
    const nlohmann::json* morek = siteIn(before["sites"], "op-morek");
    ASSERT_NE(morek, nullptr);
    EXPECT_EQ((*morek)["status"], "evacuating");
    EXPECT_EQ((*morek)["since"], "2020-10-20");
    EXPECT_FALSE((*morek)["sources"].empty());
    EXPECT_NEAR((*morek)["latitude"].get<double>(), 35.375, 0.01);
    const nlohmann::json after = reportOn("2020-11-05", false);
    EXPECT_EQ((*siteIn(after["sites"], "op-morek"))["status"], "evacuated");
    EXPECT_EQ((*siteIn(after["sites"], "op-morek"))["since"], "2020-11-02");
}

TEST(SituationReport, ListsTheLinesAndAreasInForceThatDay) {
    // The Moscow protocol's ceasefire line and M4 corridor from 6 March 2020, not before.
    const nlohmann::json before = reportOn("2020-03-04", false);
    const nlohmann::json after = reportOn("2020-03-06", false);
    EXPECT_LT(before["lines"].size(), after["lines"].size());
    for (const auto& line : after["lines"]) {
        EXPECT_LE(line["validFrom"].get<std::string>(), "2020-03-06");
        EXPECT_GE(line["path"].size(), 2u);
    }
    EXPECT_FALSE(after["areas"].empty());
    for (const auto& area : after["areas"]) EXPECT_FALSE(area["rings"].empty());
}

TEST(SituationReport, GeoJsonHoldsTheSameAsFeatures) {
    const nlohmann::json plain = reportOn("2020-10-26", false);
    const nlohmann::json geo = reportOn("2020-10-26", true);
    EXPECT_EQ(geo["type"], "FeatureCollection");
    std::size_t sites = 0, lines = 0, areas = 0;
    for (const auto& f : geo["features"]) {
        const std::string layer = f["properties"]["layer"];
        sites += layer == "site";
        lines += layer == "line";
        areas += layer == "area";
        const std::string geometry = f["geometry"]["type"];
        EXPECT_EQ(geometry, layer == "site" ? "Point" : layer == "line" ? "LineString" : "Polygon") << layer;
    }
    EXPECT_EQ(sites, plain["sites"].size());
    EXPECT_EQ(lines, plain["lines"].size());
    EXPECT_EQ(areas, plain["areas"].size());
    EXPECT_GT(sites, 0u);
}
