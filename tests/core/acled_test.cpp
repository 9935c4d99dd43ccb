// The ACLED reader on hand-written fixtures (tests/data/acled) and on bad input: every
// quirk of the published layouts loads, and nothing malformed crashes or passes silently.
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

const std::string kDir = ATLAS_TEST_DATA_DIR "/acled/";

const Event* byId(const Dataset& d, const std::string& id) {
    const auto it = std::find_if(d.events.begin(), d.events.end(), [&](const Event& e) { return e.id == id; });
    return it == d.events.end() ? nullptr : &*it;
}

std::string extra(const Event& e, const std::string& key) {
    for (const auto& [k, v] : e.extra)
        if (k == key) return v;
    return {};
}

LoadResult readText(const std::string& text) {
    std::istringstream in(text);
    return readAcledCsv(in, "test.csv");
}

} // namespace

TEST(CsvReader, HandlesQuotesLineBreaksBomAndBothLineEnds) {
    std::istringstream in("\xEF\xBB\xBF" "a,b,c\r\n1,\"x, \"\"y\"\"\nz\",3\n\n4,,\"\"\r\n");
    CsvReader csv(in);
    std::vector<std::string> f;
    ASSERT_TRUE(csv.next(f));
    EXPECT_EQ(f, (std::vector<std::string>{"a", "b", "c"}));
    ASSERT_TRUE(csv.next(f));
    EXPECT_EQ(f, (std::vector<std::string>{"1", "x, \"y\"\nz", "3"}));
    EXPECT_EQ(csv.recordLine(), 2);
    EXPECT_EQ(csv.fieldColumn(1), 3);
    EXPECT_TRUE(csv.problem().empty());
    ASSERT_TRUE(csv.next(f));
    EXPECT_EQ(f, (std::vector<std::string>{""})); // the blank line
    ASSERT_TRUE(csv.next(f));
    EXPECT_EQ(f, (std::vector<std::string>{"4", "", ""}));
    EXPECT_EQ(csv.recordLine(), 5);
    EXPECT_FALSE(csv.next(f));
}

TEST(CsvReader, ReportsAnUnclosedQuoteWithWhereItOpened) {
    std::istringstream in("a,b\n1,\"never closed\n2,3\n");
    CsvReader csv(in);
    std::vector<std::string> f;
    ASSERT_TRUE(csv.next(f));
    ASSERT_TRUE(csv.next(f));
    EXPECT_NE(csv.problem().find("never closed"), std::string::npos);
    EXPECT_EQ(csv.problemLine(), 2);
    EXPECT_EQ(csv.problemColumn(), 3);
}

TEST(AcledDates, AcceptsTheFormsExportsUse) {
    EXPECT_EQ(parseAcledDate("2020-10-26"), Date::parse("2020-10-26"));
    EXPECT_EQ(parseAcledDate("26 October 2020"), Date::parse("2020-10-26"));
    EXPECT_EQ(parseAcledDate("26-Oct-20"), Date::parse("2020-10-26"));
    EXPECT_EQ(parseAcledDate("03-Jan-97"), Date::parse("1997-01-03"));
    EXPECT_EQ(parseAcledDate("26/10/2020"), Date::parse("2020-10-26"));
    EXPECT_FALSE(parseAcledDate("30 February 2020"));
    EXPECT_FALSE(parseAcledDate("yesterday"));
    EXPECT_FALSE(parseAcledDate(""));
}

TEST(AcledReader, ReadsTheCurrentExport) {
    const LoadResult r = readAcledCsvFile(kDir + "current-export.csv");
    ASSERT_FALSE(r.failed());
    EXPECT_TRUE(r.partial()) << "two records are bad and skipped";
    ASSERT_EQ(r.dataset.events.size(), 3u);

    const Event* strike = byId(r.dataset, "SYRTEST1");
    ASSERT_NE(strike, nullptr);
    EXPECT_EQ(strike->type, EventType::AirStrike);
    EXPECT_EQ(strike->date, *Date::parse("2020-10-26"));
    EXPECT_EQ(strike->datePrecision, DatePrecision::Day);
    EXPECT_EQ(strike->place.precision, PlacePrecision::NearTown);
    EXPECT_EQ(strike->place.name, "Kafr Takharim");
    EXPECT_EQ(strike->place.admin1, "Idlib");
    EXPECT_EQ(strike->place.admin2, "Harim");
    EXPECT_DOUBLE_EQ(strike->place.point.latitude, 36.1164);
    EXPECT_EQ(strike->killed.qualifier, CountQualifier::AtLeast);
    EXPECT_EQ(strike->killed.low, 78);
    EXPECT_EQ(strike->description, "Test record, not a real event: notes with a comma, a \"quoted\" word\nand a line break.");
    ASSERT_EQ(strike->sources.size(), 2u);
    EXPECT_EQ(strike->sources[1].publisher, "Second Test Agency");
    ASSERT_EQ(strike->targets.size(), 2u) << "actor2 and its associated actor";
    EXPECT_EQ(r.dataset.sideOfActor(strike->perpetrators[0]), Side::RussianForces);
    EXPECT_EQ(r.dataset.sideOfActor(strike->targets[0]), Side::Opposition);
    EXPECT_EQ(r.dataset.sideOfActor("ndf-national-defence-forces"), Side::ProGovernment) << "the loyalist militia, by its ACLED name";
    EXPECT_EQ(extra(*strike, "acled_sub_event_type"), "\"Air/drone strike\"");
    EXPECT_EQ(extra(*strike, "acled_admin3"), "\"Kafr Takharim\"");
    EXPECT_EQ(strike->tags, (std::vector<std::string>{"casualties estimated"}));

    const Event* clash = byId(r.dataset, "SYRTEST2");
    ASSERT_NE(clash, nullptr);
    EXPECT_EQ(clash->killed.low, 7) << "the later record revises the earlier one";
    EXPECT_NE(clash->description.find("revised"), std::string::npos);

    const Event* attack = byId(r.dataset, "SYRTEST3");
    ASSERT_NE(attack, nullptr);
    EXPECT_EQ(attack->date, *Date::parse("2020-10-27"));
    EXPECT_EQ(attack->datePrecision, DatePrecision::Month);
    EXPECT_EQ(attack->place.precision, PlacePrecision::Governorate);
    EXPECT_TRUE(attack->civilianTargeting);
    EXPECT_EQ(attack->type, EventType::AttackOnCivilians);

    // The skipped records are named with line, column and field.
    std::vector<std::string> messages;
    for (const auto& d : r.diagnostics) messages.push_back(d.toString());
    const auto mentions = [&](const std::string& needle) {
        return std::any_of(messages.begin(), messages.end(), [&](const std::string& m) { return m.find(needle) != std::string::npos; });
    };
    EXPECT_TRUE(mentions("current-export.csv:6:")) << "latitude 200 on line 6";
    EXPECT_TRUE(mentions("column latitude"));
    EXPECT_TRUE(mentions("column event_date")) << "the bad date";
    // Each actor is created once, however often it appears.
    const auto hts = std::count_if(r.dataset.actors.begin(), r.dataset.actors.end(),
                                   [](const Actor& a) { return a.name == "HTS: Hayat Tahrir al Sham"; });
    EXPECT_EQ(hts, 1);
}

TEST(AcledReader, ReadsAnOlderLayoutWithIndexColumnAndNumericCodes) {
    const LoadResult r = readAcledCsvFile(kDir + "older-export.csv");
    ASSERT_FALSE(r.failed());
    EXPECT_FALSE(r.partial());
    ASSERT_EQ(r.dataset.events.size(), 2u);
    const Event* shelling = byId(r.dataset, "SYRTEST10");
    ASSERT_NE(shelling, nullptr);
    EXPECT_EQ(shelling->type, EventType::Shelling);
    EXPECT_EQ(r.dataset.sideOfActor(shelling->perpetrators[0]), Side::ProGovernment);
    EXPECT_EQ(extra(*shelling, "acled_iso3"), "\"SYR\"");
    EXPECT_EQ(extra(*shelling, "acled_data_id"), "\"9001\"");
    const Event* clash = byId(r.dataset, "SYRTEST11");
    ASSERT_NE(clash, nullptr);
    EXPECT_EQ(clash->date, *Date::parse("2019-12-24"));
    EXPECT_EQ(clash->perpetrators.size(), 2u) << "ally_actor_1 is an associated actor";
    EXPECT_EQ(r.dataset.sideOfActor(clash->perpetrators[0]), Side::TurkishForces);
    EXPECT_EQ(r.dataset.sideOfActor(clash->targets[0]), Side::KurdishLed);
}

TEST(AcledReader, BadInputGivesDiagnosticsNeverACrash) {
    EXPECT_TRUE(readText("").failed());
    EXPECT_TRUE(readText("\n\n").failed());
    const LoadResult notAcled = readText("name,age\nx,3\n");
    ASSERT_TRUE(notAcled.failed());
    EXPECT_NE(notAcled.diagnostics[0].message.find("event_date"), std::string::npos);
    // Truncated in the middle of a quoted note.
    const LoadResult truncated = readText("event_id_cnty,event_date,latitude,longitude,notes\nA1,2020-01-01,35,36,\"cut off");
    EXPECT_FALSE(truncated.failed());
    EXPECT_EQ(truncated.dataset.events.size(), 1u);
    EXPECT_FALSE(truncated.diagnostics.empty());
    // Wrong field counts and wrong types.
    const LoadResult wrong = readText("event_id_cnty,event_date,latitude,longitude,fatalities\nA1,2020-01-01,35\n"
                                      "A2,2020-01-01,north,36,1\nA3,2020-01-01,35,36,many\n");
    EXPECT_EQ(wrong.dataset.events.size(), 1u);
    EXPECT_EQ(wrong.diagnostics.size(), 3u);
    EXPECT_FALSE(wrong.dataset.events[0].killed.known());
    // A 50 MB single line, and binary garbage.
    EXPECT_TRUE(readText(std::string(50u << 20, 'x')).failed());
    std::mt19937 random(1);
    std::string garbage(1 << 20, '\0');
    for (char& c : garbage) c = static_cast<char>(random());
    EXPECT_TRUE(readText(garbage).failed());
    EXPECT_TRUE(readAcledCsvFile(kDir + "no-such-file.csv").failed());
}

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
    EXPECT_EQ(r.dataset.sideOfActor(strike.perpetrators[0]), Side::Unknown);
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

TEST(AcledReader, ANewerExportRevisesAddsAndDeletes) {
    LoadResult older = readAcledCsvFile(kDir + "current-export.csv");
    LoadResult newer = readAcledCsvFile(kDir + "newer-export.csv");
    ASSERT_FALSE(newer.failed());
    ASSERT_TRUE(isAcledImport(older.dataset));
    Dataset merged = older.dataset;
    const AcledRevision update = applyAcledRevision(merged, newer.dataset);
    EXPECT_EQ(update.replaced, 2u);
    EXPECT_EQ(update.added, 1u);
    EXPECT_EQ(update.removed, 1u) << "SYRTEST3 is no longer listed for those days";
    ASSERT_EQ(merged.events.size(), 3u);
    ASSERT_NE(byId(merged, "SYRTEST1"), nullptr);
    EXPECT_EQ(byId(merged, "SYRTEST1")->killed.low, 79);
    EXPECT_EQ(byId(merged, "SYRTEST3"), nullptr);
    EXPECT_NE(byId(merged, "SYRTEST6"), nullptr);
    // mergeDataset does the same for two ACLED imports, but keeps other sources apart.
    Dataset viaMerge = older.dataset;
    mergeDataset(viaMerge, newer.dataset, "newer-export.csv");
    EXPECT_EQ(viaMerge.events.size(), 3u);
    Dataset mixed = readUcdpGedCsvFile(ATLAS_TEST_DATA_DIR "/ucdp/ged-minimal.csv").dataset;
    mergeDataset(mixed, older.dataset, "current-export.csv");
    EXPECT_EQ(mixed.events.size(), 4u);
}

TEST(ActorMapping, GivesImportedActorsIdsParentsAndSides) {
    LoadResult r = readAcledCsvFile(kDir + "current-export.csv");
    std::ifstream in(ATLAS_TEST_DATA_DIR "/mapping/acled-actors.json");
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto diagnostics = applyActorMapping(r.dataset, text, "acled-actors.json");
    ASSERT_EQ(diagnostics.size(), 2u);
    EXPECT_EQ(diagnostics[0].severity, Severity::Warning) << "a name not in the data";
    EXPECT_EQ(diagnostics[1].jsonPointer, "/actors/5/side");
    EXPECT_EQ(diagnostics[1].line, 7);
    const Event* strike = byId(r.dataset, "SYRTEST1");
    ASSERT_NE(strike, nullptr);
    EXPECT_EQ(strike->targets[0], "nlf");
    EXPECT_EQ(strike->targets[1], "faylaq-al-sham");
    ASSERT_NE(r.dataset.findActor("faylaq-al-sham"), nullptr);
    EXPECT_EQ(r.dataset.findActor("faylaq-al-sham")->parent, "nlf");
    EXPECT_EQ(r.dataset.sideOfActor("faylaq-al-sham"), Side::Opposition) << "inherits its umbrella's side";
    ASSERT_NE(r.dataset.findActor("syrian-government"), nullptr) << "an umbrella the data never names, defined by the mapping";
    EXPECT_EQ(r.dataset.findActor("syrian-government")->name, "Syrian government forces");
    EXPECT_EQ(r.dataset.sideOfActor("saa"), Side::ProGovernment);
    // Through the query engine, the umbrella now includes the sub-group.
    EventFilter filter;
    filter.actors = {"nlf"};
    EXPECT_EQ(EventIndex(r.dataset).count(filter), 1u);
    Dataset untouched;
    EXPECT_TRUE(hasFatal(applyActorMapping(untouched, "{nope", "bad.json")));
}

TEST(ActorMapping, RefusesTakenIdsAndUmbrellaLoops) {
    Dataset d = readAcledCsvFile(kDir + "current-export.csv").dataset;
    ASSERT_GE(d.actors.size(), 3u);
    const std::string first = d.actors[0].name, second = d.actors[1].name;
    const std::vector<ActorMappingEntry> entries{
        {first, "umbrella", std::nullopt, Side::Opposition},
        {second, "umbrella", std::nullopt, std::nullopt}, // the id is taken by now
        {second, "", "umbrella", std::nullopt},           // fine: second under the umbrella
        {first, "", d.actors[1].id, std::nullopt},        // the umbrella under its own sub-group: a loop
        {"Nobody at all", "x", std::nullopt, std::nullopt},
    };
    const auto diagnostics = applyActorMapping(d, entries, "edits");
    ASSERT_EQ(diagnostics.size(), 3u);
    EXPECT_EQ(diagnostics[0].code, "mapping.id");
    EXPECT_EQ(diagnostics[0].jsonPointer, "/actors/1/id");
    EXPECT_EQ(diagnostics[1].code, "mapping.parent");
    EXPECT_EQ(diagnostics[1].jsonPointer, "/actors/3/parent");
    EXPECT_EQ(diagnostics[2].code, "mapping.unmatched");
    ASSERT_NE(d.findActor("umbrella"), nullptr);
    EXPECT_EQ(d.findActor("umbrella")->name, first);
    EXPECT_TRUE(d.findActor("umbrella")->parent.empty());
    EXPECT_EQ(d.actors[1].parent, "umbrella");
    EXPECT_EQ(d.sideOfActor(d.actors[1].id), Side::Opposition);
    std::set<std::string> ids;
    for (const auto& a : d.actors) EXPECT_TRUE(ids.insert(a.id).second) << "ids stay unique: " << a.id;
    const std::vector<ActorMappingEntry> topLevel{{second, "", "", std::nullopt}};
    EXPECT_TRUE(applyActorMapping(d, topLevel, "edits").empty());
    EXPECT_TRUE(d.actors[1].parent.empty()) << "an empty parent makes the actor top-level";
}

TEST(ActorMapping, AMappingWrittenFromOneImportAppliesToTheNextExport) {
    // Work out the actors once (here: from the fixture mapping), save them as a mapping,
    // and the next export of the same source comes out the same.
    Dataset worked = readAcledCsvFile(kDir + "current-export.csv").dataset;
    (void)applyActorMappingFile(worked, ATLAS_TEST_DATA_DIR "/mapping/acled-actors.json");
    const std::string saved = writeActorMapping(worked);
    Dataset next = readAcledCsvFile(kDir + "current-export.csv").dataset;
    const auto diagnostics = applyActorMapping(next, saved, "saved.json");
    EXPECT_TRUE(diagnostics.empty()) << diagnostics.front().toString();
    auto key = [](const Dataset& d) {
        std::set<std::tuple<std::string, std::string, std::string, Side>> out;
        for (const auto& a : d.actors) out.insert({a.name, a.id, a.parent, a.side});
        return out;
    };
    EXPECT_EQ(key(next), key(worked));
    EXPECT_EQ(next.events, worked.events);
    EXPECT_EQ(applyActorMappingFile(next, "/nonexistent/mapping.json").front().code, "file.open");
}

// Figures in other people's files can be negative or run backwards (found by fuzzing): the
// readers never keep such a count, and say what they did with it.
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
