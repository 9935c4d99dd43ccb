#include "atlas/query/time_window.h"

#include <gtest/gtest.h>

using namespace atlas;

TEST(TimeWindow, OneDayWindowHoldsOnlyThatDay) {
    const TimeWindow window{*Date::parse("2020-10-26"), 1};
    EXPECT_TRUE(window.contains(*Date::parse("2020-10-26")));
    EXPECT_FALSE(window.contains(*Date::parse("2020-10-25")));
    EXPECT_FALSE(window.contains(*Date::parse("2020-10-27")));
}

TEST(TimeWindow, SevenDaysEndOnTheSliderDate) {
    const TimeWindow window{*Date::parse("2020-10-26"), 7};
    EXPECT_EQ(window.first().toString(), "2020-10-20");
    EXPECT_TRUE(window.contains(*Date::parse("2020-10-20")));
    EXPECT_FALSE(window.contains(*Date::parse("2020-10-19")));
}

TEST(TimeWindow, ZeroLengthMeansEverythingUpToTheDate) {
    const TimeWindow window{*Date::parse("2020-10-26"), 0};
    EXPECT_TRUE(window.contains(*Date::parse("1990-01-01")));
    EXPECT_FALSE(window.contains(*Date::parse("2020-10-27")));
}
