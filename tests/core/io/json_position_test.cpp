#include "atlas/io/json_position.h"

#include <gtest/gtest.h>

using atlas::locateJsonPointer;
using atlas::positionOfOffset;

TEST(JsonPosition, LineAndColumnOfAnOffset) {
    const std::string text = "ab\ncd\nef";
    EXPECT_EQ(positionOfOffset(text, 0).line, 1);
    EXPECT_EQ(positionOfOffset(text, 4).line, 2);
    EXPECT_EQ(positionOfOffset(text, 4).column, 2);
    EXPECT_EQ(positionOfOffset(text, 6).line, 3);
    EXPECT_EQ(positionOfOffset(text, 6).column, 1);
}

TEST(JsonPosition, FindsNestedValues) {
    const std::string json = R"({"a": 1, "events": [ {"id": "x"}, {"id": "y", "place": {"lat": 200}} ]})";
    const auto offset = locateJsonPointer(json, "/events/1/place/lat");
    ASSERT_TRUE(offset);
    EXPECT_EQ(json.substr(*offset, 3), "200");
    EXPECT_EQ(json.substr(*locateJsonPointer(json, "/events/0"), 5), "{\"id\"");
    EXPECT_EQ(*locateJsonPointer(json, ""), 0u);
}

TEST(JsonPosition, SkipsBracketsAndQuotesInsideStrings) {
    const std::string json = R"({"s": "]}{[\"", "t": [ "a,b", "c" ], "u": true})";
    ASSERT_TRUE(locateJsonPointer(json, "/u"));
    EXPECT_EQ(json.substr(*locateJsonPointer(json, "/u"), 4), "true");
    EXPECT_EQ(json.substr(*locateJsonPointer(json, "/t/1"), 3), "\"c\"");
}

TEST(JsonPosition, MissingPathsAndBadTextGiveNothing) {
    EXPECT_FALSE(locateJsonPointer(R"({"a": [1, 2]})", "/a/5"));
    EXPECT_FALSE(locateJsonPointer(R"({"a": [1, 2]})", "/b"));
    EXPECT_FALSE(locateJsonPointer(R"({"a": [1, 2)", "/a/3"));
    EXPECT_FALSE(locateJsonPointer("", "/a"));
    EXPECT_FALSE(locateJsonPointer(R"({"a": 1})", "/a/x"));
}

TEST(JsonPosition, UnescapesPointerTokens) {
    const std::string json = R"({"a/b": 1, "m~n": 2})";
    EXPECT_EQ(json.substr(*locateJsonPointer(json, "/a~1b"), 1), "1");
    EXPECT_EQ(json.substr(*locateJsonPointer(json, "/m~0n"), 1), "2");
}
