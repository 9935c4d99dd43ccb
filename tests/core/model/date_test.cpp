#include "atlas/model/date.h"

#include <gtest/gtest.h>

using atlas::Date;

TEST(Date, ParsesIsoDayAndFormatsItBack) {
    const auto date = Date::parse("2020-10-26");
    ASSERT_TRUE(date);
    EXPECT_EQ(date->year(), 2020);
    EXPECT_EQ(date->month(), 10);
    EXPECT_EQ(date->day(), 26);
    EXPECT_EQ(date->toString(), "2020-10-26");
}

TEST(Date, CountsDaysFromTheEpoch) {
    EXPECT_EQ(Date::parse("1970-01-01")->daysSinceEpoch(), 0);
    EXPECT_EQ(Date::parse("2020-03-05")->daysSinceEpoch(), 18326);
    EXPECT_EQ(atlas::daysBetween(*Date::parse("2020-02-28"), *Date::parse("2020-03-01")), 2); // leap year
}

TEST(Date, RejectsImpossibleDays) {
    EXPECT_FALSE(Date::parse("2020-02-30"));
    EXPECT_FALSE(Date::parse("2019-02-29"));
    EXPECT_FALSE(Date::parse("2020-13-01"));
    EXPECT_FALSE(Date::parse("2020-00-10"));
    EXPECT_TRUE(Date::parse("2020-02-29"));
}

TEST(Date, RejectsOtherSpellings) {
    EXPECT_FALSE(Date::parse("26 October 2020"));
    EXPECT_FALSE(Date::parse("2020-1-5"));
    EXPECT_FALSE(Date::parse("2020/10/26"));
    EXPECT_FALSE(Date::parse(""));
    EXPECT_FALSE(Date::parse("2020-10-2x"));
}
