// Details packed in one buffer (model/packed_details): what goes in comes out, and text search
// finds what EventIndex would.
#include "atlas/model/packed_details.h"

#include <gtest/gtest.h>

using namespace atlas;

TEST(PackedEventDetails, GivesBackWhatWasPacked) {
    PackedEventDetails packed({"acled_iso", "acled_region"});
    const std::vector<std::string_view> publishers{"SOHR", "Enab Baladi"}, tags{"tag one"};
    const std::vector<std::pair<std::uint32_t, std::string_view>> extras{{1, "Middle \"East\"\n"}, {0, "760"}};
    const std::int64_t first = packed.add({"Shelling of Kafr Takharim", publishers, tags, extras});
    const std::int64_t empty = packed.add({});
    const std::string longText(70000, 'x'); // lengths over one byte's worth
    const std::int64_t third = packed.add({longText, {}, {}, {}});

    const EventDetails details = packed.fetch(first);
    EXPECT_EQ(details.description, "Shelling of Kafr Takharim");
    ASSERT_EQ(details.sources.size(), 2u);
    EXPECT_EQ(details.sources[1].publisher, "Enab Baladi");
    EXPECT_TRUE(details.sources[1].title.empty());
    EXPECT_EQ(details.tags, std::vector<std::string>{"tag one"});
    const ExtraFields expected{{"acled_region", "\"Middle \\\"East\\\"\\n\""}, {"acled_iso", "\"760\""}};
    EXPECT_EQ(details.extra, expected);
    EXPECT_EQ(packed.fetch(empty), EventDetails{});
    EXPECT_EQ(packed.fetch(third).description, longText);
    EXPECT_EQ(packed.fetch(-1), EventDetails{});       // not a key: empty, not a crash
    EXPECT_EQ(packed.fetch(1 << 30), EventDetails{});

    // Lower-case needles against description and publishers, ASCII case folded.
    EXPECT_EQ(packed.keysContaining("kafr takharim"), std::vector<std::int64_t>{first});
    EXPECT_EQ(packed.keysContaining("enab"), std::vector<std::int64_t>{first});
    EXPECT_EQ(packed.keysContaining("xxxx"), std::vector<std::int64_t>{third});
    EXPECT_TRUE(packed.keysContaining("tag one").empty()); // tags are not searched (as in EventIndex)
    EXPECT_TRUE(packed.keysContaining("middle").empty());  // nor extra fields
}
