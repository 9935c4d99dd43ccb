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

TEST(TypedDays, ReadsDaysAndSpansAsPeopleTypeThem) {
    const Date oct26 = *Date::parse("2020-10-26");
    for (const char* text : {"2020-10-26", " 26 Oct 2020 ", "26 October 2020", "Oct 26, 2020", "october 26 2020", "26 OCT 2020"})
        EXPECT_EQ(parseTypedDays(text), (TypedDays{oct26, oct26, false})) << text;
    const TypedDays week{*Date::parse("2020-10-20"), oct26, true};
    for (const char* text : {"2020-10-20..2020-10-26", "2020-10-20 .. 2020-10-26", "20 Oct 2020 to 26 Oct 2020",
                             "2020-10-20 - 2020-10-26", "20 Oct 2020 \xE2\x80\x93 26 Oct 2020", "2020-10-26..2020-10-20"})
        EXPECT_EQ(parseTypedDays(text), week) << text;
    const TypedDays onward{*Date::parse("2020-10-20"), *Date::parse("2020-10-20"), false, true};
    for (const char* text : {"2020-10-20..", "since 20 Oct 2020", " Since 2020-10-20 "})
        EXPECT_EQ(parseTypedDays(text), onward) << text;
    for (const char* text : {"", "yesterday", "2020-02-30", "30 Feb 2020", "10/26/2020", "26 Oct", "..2020-10-20", "since", "Okt 26, 2020"})
        EXPECT_FALSE(parseTypedDays(text)) << text;
}
