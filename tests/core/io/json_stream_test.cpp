// The streaming JSON reader behind the native and GeoJSON readers (io/json_stream): one
// element of the big array at a time, the rest of the document whole, positions for errors.
#include "../../../core/src/io/json_stream.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace atlas;
using namespace atlas::detail;

TEST(JsonStream, DeliversTheStreamedArrayOneElementAtATimeAndKeepsTheRest) {
    const std::string text = R"({"format": "x", "events": [{"id": "a"}, {"id": "b", "n": [1, 2]}], "after": true})";
    std::vector<std::string> seen;
    StreamingHandler handler("events", [&](json& element, std::size_t index) {
        seen.push_back(std::to_string(index) + ":" + element["id"].get<std::string>());
    });
    LoadResult result;
    JsonSource source = JsonSource::text(text, "t.json");
    ASSERT_TRUE(source.parse(handler, result));
    EXPECT_EQ(seen, (std::vector<std::string>{"0:a", "1:b"}));
    EXPECT_EQ(handler.delivered(), 2u);
    const json& document = handler.document();
    EXPECT_EQ(document["format"], "x");
    EXPECT_EQ(document["after"], true);
}

TEST(JsonStream, ASyntaxErrorIsFatalWithLineAndColumn) {
    const std::string text = "{\n  \"events\": [\n    {\"id\": }\n  ]\n}\n";
    StreamingHandler handler("events", [](json&, std::size_t) {});
    LoadResult result;
    JsonSource source = JsonSource::text(text, "broken.json");
    EXPECT_FALSE(source.parse(handler, result));
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].severity, Severity::Fatal);
    EXPECT_EQ(result.diagnostics[0].code, "json.syntax");
    EXPECT_EQ(result.diagnostics[0].file, "broken.json");
    EXPECT_EQ(result.diagnostics[0].line, 3);
}

TEST(JsonStream, APointerIsPlacedWhereItsValueStarts) {
    const std::string text = "{\"events\": [\n{\"id\": \"a\"},\n{\"id\": 7}\n]}";
    JsonSource source = JsonSource::text(text, "p.json");
    const Diagnostic d = source.at(Severity::Error, "field.type", "id must be a string", "/events/1/id", std::nullopt, true);
    EXPECT_EQ(d.line, 3);
    EXPECT_EQ(d.column, 8);
    EXPECT_EQ(d.jsonPointer, "/events/1/id");
}
