// Every reader says where each event came from (EventTable::provenance): the file's name and
// its record there — the CSV line a record starts on, the index in a native file's events, the
// GeoJSON feature, the GeoPackage fid — counted as a person opening the file would count them,
// with skipped records leaving their numbers behind; and files merged keep their own origins.
#include "atlas/io/acled.h"
#include "atlas/io/geojson.h"
#include "atlas/io/geopackage.h"
#include "atlas/io/native_format.h"
#include "atlas/io/ucdp.h"
#include "atlas/io/workspace.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

using namespace atlas;

namespace {

std::string provenanceOf(const Dataset& d, std::size_t row) {
    const auto p = d.events.provenance(row);
    return p ? p->toText() : "(none)";
}

std::size_t rowOf(const Dataset& d, std::string_view id) {
    for (std::size_t row = 0; row < d.events.size(); ++row)
        if (d.events.id(row) == id) return row;
    ADD_FAILURE() << "no event " << id;
    return 0;
}

const char* kAcledHeader = "event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,actor2,admin1,admin2,location,"
                           "latitude,longitude,geo_precision,source,notes,fatalities\n";

} // namespace

TEST(Provenance, AcledRecordsAreTheLinesTheyStartOn) {
    // Line 3's notes run over two lines; line 5 is refused (no date); line 6 is kept.
    const std::string text = std::string(kAcledHeader) +
                             "SYR1,2020-01-01,1,Battles,Armed clash,A,B,Idlib,Idlib,Sarmin,35.9,36.7,1,S,plain,0\n"
                             "SYR2,2020-01-02,1,Battles,Armed clash,A,B,Idlib,Idlib,Sarmin,35.9,36.7,1,S,\"two\nlines\",0\n"
                             "SYR3,not a date,1,Battles,Armed clash,A,B,Idlib,Idlib,Sarmin,35.9,36.7,1,S,x,0\n"
                             "SYR4,2020-01-04,1,Battles,Armed clash,A,B,Idlib,Idlib,Sarmin,35.9,36.7,1,S,x,0\n";
    std::istringstream in(text);
    const LoadResult r = readAcledCsv(in, "/data/exports/acled.csv");
    ASSERT_EQ(r.dataset.events.size(), 3u);
    EXPECT_EQ(provenanceOf(r.dataset, rowOf(r.dataset, "SYR1")), "acled.csv, line 2");
    EXPECT_EQ(provenanceOf(r.dataset, rowOf(r.dataset, "SYR2")), "acled.csv, line 3");
    EXPECT_EQ(provenanceOf(r.dataset, rowOf(r.dataset, "SYR4")), "acled.csv, line 6");
}

TEST(Provenance, AnAcledRevisionInTheSameFileIsTheLaterRecord) {
    const std::string text = std::string(kAcledHeader) +
                             "SYR1,2020-01-01,1,Battles,Armed clash,A,B,Idlib,Idlib,Sarmin,35.9,36.7,1,S,first,0\n"
                             "SYR2,2020-01-02,1,Battles,Armed clash,A,B,Idlib,Idlib,Sarmin,35.9,36.7,1,S,x,0\n"
                             "SYR1,2020-01-01,1,Battles,Armed clash,A,B,Idlib,Idlib,Sarmin,35.9,36.7,1,S,revised,3\n";
    std::istringstream in(text);
    const LoadResult r = readAcledCsv(in, "acled.csv");
    ASSERT_EQ(r.dataset.events.size(), 2u);
    EXPECT_EQ(provenanceOf(r.dataset, rowOf(r.dataset, "SYR1")), "acled.csv, line 4");
}

TEST(Provenance, UcdpRecordsAreLines) {
    const LoadResult r = readUcdpGedCsvFile(ATLAS_TEST_DATA_DIR "/ucdp/ged-minimal.csv");
    ASSERT_EQ(r.dataset.events.size(), 1u);
    EXPECT_EQ(provenanceOf(r.dataset, 0), "ged-minimal.csv, line 2");
}

TEST(Provenance, NativeEventsAreTheirIndexInTheEventsArray) {
    // events[1] repeats an id and is skipped: events[2] keeps its own index.
    const std::string text = R"({"format":"conflict-atlas","version":1,"metadata":{"title":"T"},"actors":[],"events":[
        {"id":"a","type":"air_strike","date":"2020-01-05","place":{"lat":35.9,"lon":36.6}},
        {"id":"a","type":"air_strike","date":"2020-01-06","place":{"lat":35.9,"lon":36.6}},
        {"id":"c","type":"shelling","date":"2020-01-07","place":{"lat":35.9,"lon":36.6}}]})";
    const LoadResult r = readNativeText(text, "folder/own.atlas.json");
    ASSERT_EQ(r.dataset.events.size(), 2u);
    EXPECT_EQ(provenanceOf(r.dataset, rowOf(r.dataset, "a")), "own.atlas.json, events[0]");
    EXPECT_EQ(provenanceOf(r.dataset, rowOf(r.dataset, "c")), "own.atlas.json, events[2]");
}

TEST(Provenance, GeoJsonEventsAreTheirFeatureIndex) {
    // Feature 0 is a line (not an event), feature 1 has no date and is skipped.
    const std::string text = R"({"type":"FeatureCollection","features":[
        {"type":"Feature","geometry":{"type":"LineString","coordinates":[[36,35],[37,36]]},"properties":{"name":"front"}},
        {"type":"Feature","geometry":{"type":"Point","coordinates":[36.6,35.9]},"properties":{"name":"no date"}},
        {"type":"Feature","geometry":{"type":"Point","coordinates":[36.6,35.9]},"properties":{"date":"2020-01-05","type":"shelling"}}]})";
    const LoadResult r = readGeoJsonText(text, "points.geojson");
    ASSERT_EQ(r.dataset.events.size(), 1u);
    EXPECT_EQ(provenanceOf(r.dataset, 0), "points.geojson, features[2]");
}

TEST(Provenance, GeoJsonWithTheWholeModelCountsFeaturesToo) {
    Dataset d;
    d.metadata.title = "T";
    for (const char* id : {"x", "y"}) {
        Event e;
        e.id = id;
        e.date = *Date::parse("2020-01-05");
        e.place.point = {35.9, 36.6};
        d.events.push_back(e);
    }
    Line front;
    front.id = "front";
    front.path = {{35.0, 36.0}, {36.0, 37.0}};
    d.lines.push_back(front);
    std::ostringstream out;
    writeGeoJsonDataset(d, out);
    const LoadResult r = readGeoJsonText(out.str(), "model.geojson");
    ASSERT_EQ(r.dataset.events.size(), 2u);
    // Events follow the line in the collection: features[1] and features[2].
    std::vector<std::string> seen{provenanceOf(r.dataset, 0), provenanceOf(r.dataset, 1)};
    std::sort(seen.begin(), seen.end());
    const std::string text = out.str();
    const auto firstEvent = text.find("\"feature_kind\":\"event\"");
    const auto lineAt = text.find("\"feature_kind\":\"line\"");
    const bool lineFirst = lineAt < firstEvent;
    EXPECT_EQ(seen, lineFirst ? (std::vector<std::string>{"model.geojson, features[1]", "model.geojson, features[2]"})
                              : (std::vector<std::string>{"model.geojson, features[0]", "model.geojson, features[1]"}));
}

TEST(Provenance, GeoPackageEventsAreTheirFid) {
    Dataset d;
    d.metadata.title = "T";
    for (const char* id : {"x", "y", "z"}) {
        Event e;
        e.id = id;
        e.date = *Date::parse("2020-01-05");
        e.place.point = {35.9, 36.6};
        d.events.push_back(e);
    }
    const auto path = (std::filesystem::temp_directory_path() / "atlas-provenance-test.gpkg").string();
    ASSERT_TRUE(writeGeoPackageFile(d, path).empty());
    const LoadResult r = readGeoPackageFile(path);
    std::filesystem::remove(path);
    ASSERT_EQ(r.dataset.events.size(), 3u);
    EXPECT_EQ(provenanceOf(r.dataset, rowOf(r.dataset, "x")), "atlas-provenance-test.gpkg, fid 1");
    EXPECT_EQ(provenanceOf(r.dataset, rowOf(r.dataset, "z")), "atlas-provenance-test.gpkg, fid 3");
}

TEST(Provenance, FilesOpenedTogetherKeepTheirOwnOrigins) {
    auto native = [](const char* id) {
        return std::string(R"({"format":"conflict-atlas","version":1,"metadata":{"title":"T"},"actors":[],"events":[{"id":")") + id +
               R"(","type":"air_strike","date":"2020-01-05","place":{"lat":35.9,"lon":36.6}}]})";
    };
    Workspace open;
    open.add(readNativeText(native("a"), "one.atlas.json"), "one.atlas.json");
    open.add(readNativeText(native("a"), "two.atlas.json"), "two.atlas.json"); // the same id: renamed
    const Dataset& d = open.dataset();
    ASSERT_EQ(d.events.size(), 2u);
    EXPECT_EQ(provenanceOf(d, 0), "one.atlas.json, events[0]");
    EXPECT_EQ(provenanceOf(d, 1), "two.atlas.json, events[0]");
    EXPECT_EQ(d.events.origins().size(), 2u);
    // A selection keeps where its events came from.
    const std::vector<std::uint32_t> second{1};
    const Dataset part = subset(d, second);
    EXPECT_EQ(provenanceOf(part, 0), "two.atlas.json, events[0]");
}

TEST(Provenance, EventsMadeInMemoryHaveNone) {
    Dataset d;
    Event e;
    e.id = "m";
    e.date = *Date::parse("2020-01-05");
    d.events.push_back(e);
    EXPECT_FALSE(d.events.provenance(0));
}

TEST(Provenance, SelectionsWrittenAsGeoJsonSayWhereEachEventCameFrom) {
    const LoadResult r = readUcdpGedCsvFile(ATLAS_TEST_DATA_DIR "/ucdp/ged-minimal.csv");
    const std::vector<std::uint32_t> all{0};
    std::ostringstream out;
    writeGeoJson(r.dataset, all, out, "Datasets: ged-minimal.csv · Filter: none");
    EXPECT_NE(out.str().find(R"("atlas_selection":"Datasets: ged-minimal.csv · Filter: none")"), std::string::npos);
    EXPECT_NE(out.str().find(R"("origin":"ged-minimal.csv, line 2")"), std::string::npos) << out.str();
    // Read back and written again, an event keeps its first origin.
    const LoadResult again = readGeoJsonText(out.str(), "selection.geojson");
    std::ostringstream twice;
    writeGeoJson(again.dataset, all, twice);
    EXPECT_NE(twice.str().find(R"("origin":"ged-minimal.csv, line 2")"), std::string::npos) << twice.str();
}
