// Casualty figures as reported (model/event): qualifiers kept, never invented.
#include "atlas/model/event.h"

#include <gtest/gtest.h>

using namespace atlas;

TEST(CasualtyCount, SaysTheFigureAsReported) {
    EXPECT_EQ((CasualtyCount{CountQualifier::MoreThan, 78, std::nullopt, {}}).toText(), "more than 78");
    EXPECT_EQ((CasualtyCount{CountQualifier::AtLeast, 15, std::nullopt, {}}).toText(), "at least 15");
    EXPECT_EQ((CasualtyCount{CountQualifier::Exact, 3, std::nullopt, {}}).toText(), "3");
    EXPECT_EQ((CasualtyCount{CountQualifier::About, 40, std::nullopt, {}}).toText(), "about 40");
    EXPECT_EQ((CasualtyCount{CountQualifier::Range, 20, 30, {}}).toText(), "20\u201330");
    EXPECT_EQ((CasualtyCount{CountQualifier::Range, 20, std::nullopt, {}}).toText(), "at least 20");
    EXPECT_EQ(CasualtyCount{}.toText(), "unknown");
}

TEST(CasualtyCount, AnUnknownFigureCountsAsNoneForSizesAndThresholds) {
    const CasualtyCount unknown;
    EXPECT_FALSE(unknown.known());
    EXPECT_EQ(unknown.lowerBound(), 0);
    const CasualtyCount range{CountQualifier::Range, 20, 30, {}};
    EXPECT_TRUE(range.known());
    EXPECT_EQ(range.lowerBound(), 20);
    // A qualifier without a figure is no figure.
    EXPECT_FALSE((CasualtyCount{CountQualifier::AtLeast, std::nullopt, std::nullopt, {}}).known());
}
