#include "atlas/io/native_format.h"

#include "full_document.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace atlas;

namespace {

// A minimal valid document with one actor and one event; tests break one thing at a time.
std::string document(const std::string& eventFields = R"("id": "e1", "type": "air_strike", "date": "2020-10-26",
      "place": {"lat": 36.12, "lon": 36.55, "precision": "near_town", "name": "Jabal Duwayli"},
      "perpetrators": ["ru"], "killed": {"qualifier": "more_than", "low": 78},
      "sources": [{"publisher": "P", "title": "T", "date": "2020-10-28", "url": "https://example.org/a"}])") {
    return R"({
  "format": "conflict-atlas",
  "version": 1,
  "metadata": {"title": "Test"},
  "actors": [{"id": "ru", "name": "Russian Air Force", "side": "russian_forces"}],
  "events": [
    {)" + eventFields + R"(}
  ]
})";
}

const Diagnostic* find(const LoadResult& result, const std::string& code) {
    for (const auto& diagnostic : result.diagnostics)
        if (diagnostic.code == code) return &diagnostic;
    return nullptr;
}

} // namespace

TEST(NativeFormat, ReadsAValidDocument) {
    const LoadResult result = readNativeText(document(), "doc.json");
    ASSERT_TRUE(result.diagnostics.empty()) << result.diagnostics.front().toString();
    ASSERT_EQ(result.dataset.events.size(), 1u);
    const Event& event = result.dataset.events.front();
    EXPECT_EQ(event.type, EventType::AirStrike);
    EXPECT_EQ(event.date.toString(), "2020-10-26");
    EXPECT_EQ(event.place.precision, PlacePrecision::NearTown);
    EXPECT_EQ(event.killed.qualifier, CountQualifier::MoreThan);
    EXPECT_EQ(event.killed.toText(), "more than 78");
    EXPECT_EQ(event.wounded.toText(), "unknown");
    EXPECT_EQ(result.dataset.sideOfEvent(event), Side::RussianForces);
}

TEST(NativeFormat, SyntaxErrorGivesLineAndColumnAndNoData) {
    const std::string text = "{\n  \"format\": \"conflict-atlas\",\n  \"events\": [ {\"id\": } ]\n}";
    const LoadResult result = readNativeText(text, "broken.json");
    ASSERT_EQ(result.diagnostics.size(), 1u);
    const Diagnostic& diagnostic = result.diagnostics.front();
    EXPECT_EQ(diagnostic.severity, Severity::Fatal);
    EXPECT_EQ(diagnostic.code, "json.syntax");
    EXPECT_EQ(diagnostic.file, "broken.json");
    EXPECT_EQ(diagnostic.line, 3);
    EXPECT_EQ(diagnostic.column, 22);
    EXPECT_TRUE(result.failed());
    EXPECT_TRUE(result.dataset.events.empty());
}

TEST(NativeFormat, TruncatedAndEmptyInputsAreFatalNotCrashes) {
    for (const std::string& text : {std::string(), std::string("{"), document().substr(0, 120),
                                    std::string("\x00\xff\xfe garbage", 12), std::string("[1, 2, 3]")}) {
        const LoadResult result = readNativeText(text, "bad.json");
        EXPECT_TRUE(result.failed()) << "input: " << text;
        EXPECT_TRUE(result.dataset.events.empty());
    }
}

TEST(NativeFormat, LatitudeOutOfRangeSkipsTheEventWithItsPointer) {
    const LoadResult result = readNativeText(
        document(R"("id": "e1", "type": "shelling", "date": "2020-10-26", "place": {"lat": 200, "lon": 36.5}, "sources": [])"),
        "doc.json");
    const Diagnostic* diagnostic = find(result, "place.coordinate.range");
    ASSERT_NE(diagnostic, nullptr);
    EXPECT_EQ(diagnostic->jsonPointer, "/events/0/place/lat");
    EXPECT_EQ(diagnostic->line, 7);
    EXPECT_GT(diagnostic->column, 1);
    EXPECT_NE(diagnostic->message.find("latitude 200 out of range"), std::string::npos);
    EXPECT_TRUE(result.partial());
    EXPECT_TRUE(result.dataset.events.empty());
}

TEST(NativeFormat, ImpossibleDateIsAnError) {
    const LoadResult result = readNativeText(
        document(R"("id": "e1", "type": "shelling", "date": "2020-02-30", "place": {"lat": 35, "lon": 36}, "sources": [])"),
        "doc.json");
    const Diagnostic* diagnostic = find(result, "date.invalid");
    ASSERT_NE(diagnostic, nullptr);
    EXPECT_EQ(diagnostic->jsonPointer, "/events/0/date");
    EXPECT_EQ(diagnostic->severity, Severity::Error);
    EXPECT_TRUE(result.dataset.events.empty());
}

TEST(NativeFormat, SpanEndingBeforeItStartsIsAnError) {
    const LoadResult result = readNativeText(
        document(R"("id": "e1", "type": "withdrawal", "date": "2020-10-20", "endDate": "2020-10-19",
                 "place": {"lat": 35, "lon": 36}, "sources": [])"),
        "doc.json");
    ASSERT_NE(find(result, "event.span.order"), nullptr);
    EXPECT_TRUE(result.dataset.events.empty());
}

TEST(NativeFormat, DuplicateIdsKeepTheFirstAndReportTheSecond) {
    const std::string event = R"({"id": "e1", "type": "shelling", "date": "2020-10-26", "place": {"lat": 35, "lon": 36}, "sources": []})";
    const std::string text = R"({"format": "conflict-atlas", "version": 1, "events": [)" + event + ", " + event + "]}";
    const LoadResult result = readNativeText(text, "dup.json");
    EXPECT_EQ(result.dataset.events.size(), 1u);
    const Diagnostic* diagnostic = find(result, "event.id.duplicate");
    ASSERT_NE(diagnostic, nullptr);
    EXPECT_EQ(diagnostic->jsonPointer, "/events/1/id");
    EXPECT_TRUE(result.partial());
}

TEST(NativeFormat, UnknownActorAndTypeAreWarningsThatKeepTheEvent) {
    const LoadResult result = readNativeText(
        document(R"("id": "e1", "type": "bombardment", "date": "2020-10-26", "place": {"lat": 35, "lon": 36},
                 "perpetrators": ["nobody"], "sources": [])"),
        "doc.json");
    ASSERT_EQ(result.dataset.events.size(), 1u);
    EXPECT_EQ(result.dataset.events.front().type, EventType::Other);
    EXPECT_NE(find(result, "type.unknown"), nullptr);
    EXPECT_NE(find(result, "actor.unknown"), nullptr);
    EXPECT_FALSE(result.partial());
}

TEST(NativeFormat, WrongTypesAreReportedWithWhatWasExpected) {
    const LoadResult result = readNativeText(
        document(R"("id": 7, "type": "shelling", "date": "2020-10-26", "place": {"lat": 35, "lon": 36})"), "doc.json");
    const Diagnostic* diagnostic = find(result, "field.type");
    ASSERT_NE(diagnostic, nullptr);
    EXPECT_EQ(diagnostic->jsonPointer, "/events/0/id");
    EXPECT_NE(diagnostic->message.find("must be a string, found a number"), std::string::npos);
}

TEST(NativeFormat, NewerVersionIsRefused) {
    const LoadResult result = readNativeText(R"({"format": "conflict-atlas", "version": 99, "events": []})", "v.json");
    EXPECT_TRUE(result.failed());
    EXPECT_NE(find(result, "native.version"), nullptr);
}

TEST(NativeFormat, WriteThenReadKeepsEveryField) {
    LoadResult first = readNativeText(
        document(R"("id": "e1", "type": "withdrawal", "date": "2020-10-19", "endDate": "2020-10-20", "datePrecision": "day",
                 "place": {"lat": 35.4, "lon": 36.7, "precision": "exact", "name": "Morek", "admin1": "Hama", "admin2": "Muhradah"},
                 "perpetrators": ["ru"], "targets": ["ru"], "killed": {"qualifier": "range", "low": 20, "high": 30},
                 "wounded": {"qualifier": "about", "low": 90}, "civilianTargeting": true, "description": "d",
                 "sources": [{"publisher": "P", "title": "T", "date": "2020-10-20", "url": "u"}], "tags": ["a", "b"])"),
        "doc.json");
    ASSERT_TRUE(first.diagnostics.empty());
    const LoadResult second = readNativeText(writeNativeText(first.dataset), "again.json");
    ASSERT_TRUE(second.diagnostics.empty());
    EXPECT_EQ(second.dataset.events, first.dataset.events);
    EXPECT_EQ(second.dataset.actors, first.dataset.actors);
    EXPECT_EQ(second.dataset.metadata, first.dataset.metadata);
}

TEST(NativeFormat, SaveIsAtomicAndLeavesNoTemporaryFile) {
    const auto directory = std::filesystem::temp_directory_path() / "atlas-save-test";
    std::filesystem::remove_all(directory);
    std::filesystem::create_directories(directory);
    const std::string path = (directory / "out.atlas.json").string();
    const LoadResult loaded = readNativeText(document(), "doc.json");
    EXPECT_TRUE(writeNativeFile(loaded.dataset, path).empty());
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(directory), {}), 1);
    EXPECT_EQ(readNativeFile(path).dataset.events, loaded.dataset.events);

    // Saving into a directory that does not exist fails cleanly and leaves the old file alone.
    const auto errors = writeNativeFile(loaded.dataset, (directory / "missing" / "x.json").string());
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors.front().severity, Severity::Fatal);
    EXPECT_EQ(readNativeFile(path).dataset.events.size(), 1u);
    std::filesystem::remove_all(directory);
}

TEST(NativeFormat, MissingFileIsFatal) {
    const LoadResult result = readNativeFile("/nonexistent/file.atlas.json");
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics.front().code, "file.open");
    EXPECT_TRUE(result.failed());
}


TEST(NativeFormat, ReadsSitesLinesAreasAndLinksInAnySectionOrder) {
    const LoadResult result = readNativeText(kFullDocument, "full.json");
    for (const auto& diagnostic : result.diagnostics) ADD_FAILURE() << diagnostic.toString();
    const Dataset& dataset = result.dataset;
    ASSERT_EQ(dataset.events.size(), 2u);
    EXPECT_EQ(dataset.sideOfEvent(dataset.events[0]), Side::RussianForces);
    EXPECT_EQ(dataset.sideOfActor("fas"), Side::Opposition); // inherited from its umbrella
    ASSERT_EQ(dataset.events[1].links.size(), 1u);
    EXPECT_EQ(dataset.events[1].links[0].relation, LinkRelation::RetaliationFor);
    ASSERT_EQ(dataset.sites.size(), 1u);
    EXPECT_EQ(dataset.sites[0].history.size(), 3u);
    ASSERT_EQ(dataset.lines.size(), 1u);
    EXPECT_DOUBLE_EQ(dataset.lines[0].halfWidthKm, 6.0);
    EXPECT_TRUE(dataset.lines[0].approximate);
    ASSERT_EQ(dataset.areas.size(), 1u);
    EXPECT_EQ(dataset.areas[0].rings[0].size(), 5u);
}

TEST(NativeFormat, SituationOnADaySaysWhatWasTrue) {
    const Dataset dataset = readNativeText(kFullDocument, "full.json").dataset;
    auto statusOn = [&](const char* day) {
        const Situation situation = dataset.situationOn(*Date::parse(day));
        return situation.sites.empty() ? SiteStatus::Unknown : situation.sites.front().status;
    };
    EXPECT_EQ(statusOn("2018-01-01"), SiteStatus::Unknown);
    EXPECT_EQ(statusOn("2019-08-22"), SiteStatus::Established);
    EXPECT_EQ(statusOn("2019-08-23"), SiteStatus::Encircled);
    EXPECT_EQ(statusOn("2020-10-20"), SiteStatus::Evacuated);
    EXPECT_TRUE(dataset.situationOn(*Date::parse("2020-03-05")).lines.empty());
    EXPECT_EQ(dataset.situationOn(*Date::parse("2020-03-06")).lines.size(), 1u);
    EXPECT_EQ(dataset.situationOn(*Date::parse("2024-01-01")).lines.size(), 1u); // no validTo: still in force
    EXPECT_EQ(dataset.situationOn(*Date::parse("2020-12-31")).areas.size(), 1u);
    EXPECT_TRUE(dataset.situationOn(*Date::parse("2021-01-01")).areas.empty());
}

TEST(NativeFormat, UnknownFieldsSurviveARoundTripEverywhere) {
    const LoadResult first = readNativeText(kFullDocument, "full.json");
    const std::string written = writeNativeText(first.dataset);
    for (const char* key : {"x-root", "x-place", "x-count", "x-source", "x-event", "x-link", "x-meta", "x-actor",
                            "x-site", "x-change", "x-line", "x-area"})
        EXPECT_NE(written.find(std::string("\"") + key + "\""), std::string::npos) << key;
    const LoadResult second = readNativeText(written, "again.json");
    EXPECT_TRUE(second.diagnostics.empty());
    EXPECT_EQ(second.dataset.events, first.dataset.events);
    EXPECT_EQ(second.dataset.actors, first.dataset.actors);
    EXPECT_EQ(second.dataset.sites, first.dataset.sites);
    EXPECT_EQ(second.dataset.lines, first.dataset.lines);
    EXPECT_EQ(second.dataset.areas, first.dataset.areas);
    EXPECT_EQ(second.dataset.metadata, first.dataset.metadata);
    EXPECT_EQ(second.dataset.extra, first.dataset.extra);
    EXPECT_EQ(writeNativeText(second.dataset), written); // stable output
}

TEST(NativeFormat, GeometryAndHistoryProblemsArePlaced) {
    std::string text = kFullDocument;
    text.replace(text.find("[36.32, 35.81]"), 14, "[36.32, 135.81]");
    text.replace(text.find("\"2020-10-20\", \"status\": \"evacuated\""), 12, "\"2019-01-01\"");
    text.replace(text.find("\"validTo\": \"2020-12-31\""), 23, "\"validTo\": \"2019-12-31\"");
    const LoadResult result = readNativeText(text, "bad.json");
    const Diagnostic* range = find(result, "geometry.position.range");
    ASSERT_NE(range, nullptr);
    EXPECT_EQ(range->jsonPointer, "/lines/0/path/2");
    EXPECT_GT(range->line, 0);
    const Diagnostic* order = find(result, "site.history.order");
    ASSERT_NE(order, nullptr);
    EXPECT_EQ(order->jsonPointer, "/sites/0/history/2/date");
    ASSERT_NE(find(result, "validity.order"), nullptr);
    EXPECT_TRUE(result.partial());
    EXPECT_TRUE(result.dataset.lines.empty());
    EXPECT_TRUE(result.dataset.areas.empty());
    EXPECT_EQ(result.dataset.sites.front().history.size(), 2u); // the bad change is skipped, the site kept
}

TEST(NativeFormat, LinkToAMissingEventIsAWarning) {
    std::string text = kFullDocument;
    text.replace(text.find("\"event\": \"strike\""), 17, "\"event\": \"nothing\"");
    const LoadResult result = readNativeText(text, "link.json");
    const Diagnostic* link = find(result, "link.unknown");
    ASSERT_NE(link, nullptr);
    EXPECT_EQ(link->jsonPointer, "/events/1/links/0/event");
    EXPECT_FALSE(result.partial());
}

TEST(NativeFormat, FileProblemsArePlacedByLineAndColumnToo) {
    const auto path = std::filesystem::temp_directory_path() / "atlas-placed.atlas.json";
    std::ofstream(path) << document(R"("id": "e1", "type": "shelling", "date": "2020-10-26", "place": {"lat": 200, "lon": 36.5}, "sources": [])");
    const LoadResult result = readNativeFile(path.string());
    const Diagnostic* diagnostic = find(result, "place.coordinate.range");
    ASSERT_NE(diagnostic, nullptr);
    EXPECT_EQ(diagnostic->file, path.string());
    EXPECT_EQ(diagnostic->line, 7);
    EXPECT_GT(diagnostic->column, 1);
    std::filesystem::remove(path);
}
