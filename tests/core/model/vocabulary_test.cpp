// The vocabulary (model/vocabulary): every key reads back to its value, labels exist, and
// unknown keys are refused rather than guessed.
#include "atlas/model/vocabulary.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

using namespace atlas;

namespace {

template <typename Enum, typename FromKey>
void expectRoundTrip(int count, FromKey fromKey) {
    std::set<std::string> keys;
    for (int i = 0; i < count; ++i) {
        const auto value = static_cast<Enum>(i);
        const std::string key(toKey(value));
        EXPECT_FALSE(key.empty()) << i;
        EXPECT_TRUE(keys.insert(key).second) << "two values share the key " << key;
        const auto back = fromKey(key);
        ASSERT_TRUE(back.has_value()) << key;
        EXPECT_EQ(*back, value) << key;
    }
    EXPECT_FALSE(fromKey("no_such_key").has_value());
}

} // namespace

TEST(Vocabulary, EveryKeyReadsBackToItsValue) {
    expectRoundTrip<EventType>(kEventTypeCount, eventTypeFromKey);
    expectRoundTrip<Side>(kSideCount, sideFromKey);
    expectRoundTrip<DatePrecision>(3, datePrecisionFromKey);
    expectRoundTrip<PlacePrecision>(4, placePrecisionFromKey);
    expectRoundTrip<CountQualifier>(6, countQualifierFromKey);
    expectRoundTrip<LinkRelation>(4, linkRelationFromKey);
    expectRoundTrip<SiteKind>(6, siteKindFromKey);
    expectRoundTrip<SiteStatus>(8, siteStatusFromKey);
    expectRoundTrip<LineKind>(5, lineKindFromKey);
}

TEST(Vocabulary, LabelsAreWordsForPeople) {
    EXPECT_EQ(toKey(EventType::AirStrike), "air_strike");
    EXPECT_EQ(toLabel(EventType::AirStrike), "Air strike");
    EXPECT_EQ(toLabel(Side::TurkishForces), "Turkish forces");
    for (int i = 0; i < kEventTypeCount; ++i) EXPECT_FALSE(toLabel(static_cast<EventType>(i)).empty());
    for (int i = 0; i < 8; ++i) EXPECT_FALSE(toLabel(static_cast<SiteStatus>(i)).empty());
}
