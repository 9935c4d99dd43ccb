#include "atlas/native_format.h"

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
    EXPECT_NE(find(result, "event.type.unknown"), nullptr);
    EXPECT_NE(find(result, "event.actor.unknown"), nullptr);
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
