// GeoJSON with the full model (writeGeoJsonDataset): what colleagues exchange keeps everything.
#include "atlas/io/geojson.h"
#include "atlas/io/native_format.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

using namespace atlas;

namespace {

std::string geoJsonOf(const Dataset& dataset) {
    std::ostringstream out;
    writeGeoJsonDataset(dataset, out);
    return out.str();
}

} // namespace

TEST(GeoJsonDataset, TheBundledDatasetSurvivesTheRoundTripWhole) {
    const LoadResult original = readNativeFile(ATLAS_SAMPLE_DATASET);
    ASSERT_FALSE(original.failed());
    ASSERT_FALSE(original.dataset.sites.empty());
    const LoadResult back = readGeoJsonText(geoJsonOf(original.dataset), "sample.geojson");
    ASSERT_TRUE(back.diagnostics.empty()) << back.diagnostics.front().toString();
    EXPECT_EQ(writeNativeText(back.dataset), writeNativeText(original.dataset));
    EXPECT_EQ(back.dataset.metadata.title, original.dataset.metadata.title);
    EXPECT_EQ(back.dataset.sites.size(), original.dataset.sites.size());
    EXPECT_EQ(back.dataset.areas, original.dataset.areas);
}

TEST(GeoJsonDataset, FeaturesCarryGeometryAndReadableProperties) {
    Dataset dataset;
    Actor army;
    army.id = "army";
    army.name = "Army";
    army.side = Side::ProGovernment;
    dataset.actors.push_back(army);
    Event event;
    event.id = "e1";
    event.type = EventType::Shelling;
    event.date = Date::parse("2020-10-27").value();
    event.place.point = {35.6, 36.6};
    event.perpetrators = {"army"};
    event.killed.qualifier = CountQualifier::AtLeast;
    event.killed.low = 15;
    dataset.events.push_back(event);
    dataset.reindexActors();
    const std::string text = geoJsonOf(dataset);
    EXPECT_NE(text.find("\"feature_kind\":\"event\""), std::string::npos);
    EXPECT_NE(text.find("\"coordinates\":[36.6,35.6]"), std::string::npos) << text; // lon, lat as RFC 7946 wants
    EXPECT_NE(text.find("\"side\":\"pro_government\""), std::string::npos);
    EXPECT_NE(text.find("\"conflict_atlas\":"), std::string::npos);
    const LoadResult back = readGeoJsonText(text, "one.geojson");
    ASSERT_EQ(back.dataset.events.size(), 1u);
    EXPECT_EQ(back.dataset.events[0], dataset.events[0]);
}

TEST(GeoJsonDataset, AProblemInAFeatureIsReportedWhereItIsInTheFile) {
    const std::string text =
        "{\"type\":\"FeatureCollection\",\"conflict_atlas\":{\"format\":\"conflict-atlas\",\"version\":1,\"actors\":[]},\n"
        "\"features\":[\n"
        "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[36.6,35.6]},"
        "\"properties\":{\"feature_kind\":\"event\",\"id\":\"ok\",\"type\":\"shelling\",\"date\":\"2020-10-27\",\"place\":{\"precision\":\"exact\"},\"perpetrators\":[],\"targets\":[],\"sources\":[]}},\n"
        "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[36.6,35.6]},"
        "\"properties\":{\"feature_kind\":\"event\",\"id\":\"bad\",\"type\":\"shelling\",\"date\":\"2020-02-30\",\"place\":{\"precision\":\"exact\"},\"perpetrators\":[],\"targets\":[],\"sources\":[]}}\n"
        "]}\n";
    const LoadResult result = readGeoJsonText(text, "two.geojson");
    EXPECT_EQ(result.dataset.events.size(), 1u);
    EXPECT_TRUE(result.partial());
    const auto bad = std::find_if(result.diagnostics.begin(), result.diagnostics.end(),
                                  [](const Diagnostic& d) { return d.severity == Severity::Error; });
    ASSERT_NE(bad, result.diagnostics.end());
    EXPECT_EQ(bad->file, "two.geojson");
    EXPECT_EQ(bad->jsonPointer.rfind("/features/1/properties", 0), 0u) << bad->jsonPointer;
    EXPECT_EQ(bad->line, 4) << bad->toString();
}
