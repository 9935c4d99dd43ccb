// The one symbology (style/style).
#include "atlas/geo/geo.h"
#include "atlas/style/style.h"

#include <gtest/gtest.h>

using namespace atlas;

TEST(Style, SidesHaveDistinctColours) {
    for (int a = 0; a < kSideCount; ++a)
        for (int b = a + 1; b < kSideCount; ++b)
            EXPECT_NE(sideColour(static_cast<Side>(a)), sideColour(static_cast<Side>(b)));
}

TEST(Style, TypesHaveDistinctColours) {
    for (int a = 0; a < kEventTypeCount; ++a)
        for (int b = a + 1; b < kEventTypeCount; ++b)
            EXPECT_NE(typeColour(static_cast<EventType>(a)), typeColour(static_cast<EventType>(b))) << a << " " << b;
}

TEST(Style, ParsesHexColours) {
    EXPECT_EQ(parseHexColour("#1565c0"), (Rgb{0x15, 0x65, 0xc0}));
    EXPECT_FALSE(parseHexColour("1565c0"));
    EXPECT_FALSE(parseHexColour("#12345g"));
}

TEST(Style, SymbolGrowsWithCasualtiesAndIsBounded) {
    const CasualtyCount none;
    const CasualtyCount many{CountQualifier::MoreThan, 78, std::nullopt, {}};
    const CasualtyCount huge{CountQualifier::Exact, 100000, std::nullopt, {}};
    EXPECT_LT(symbolRadius(none), symbolRadius(many));
    EXPECT_LE(symbolRadius(huge), 22.0);
    EXPECT_EQ(symbolShape(EventType::AirStrike), SymbolShape::Triangle);
    EXPECT_EQ(symbolShape(EventType::Shelling), SymbolShape::Circle);
}
