#include "atlas/time_index.h"

#include <gtest/gtest.h>

using namespace atlas;

namespace {

Dataset datasetWithDates(std::initializer_list<const char*> dates) {
    Dataset dataset;
    int n = 0;
    for (const char* date : dates) {
        Event event;
        event.id = "e" + std::to_string(n++);
        event.date = *Date::parse(date);
        dataset.events.push_back(event);
    }
    return dataset;
}

std::vector<std::string> idsIn(const Dataset& dataset, const EventTimeIndex& index, const TimeWindow& window) {
    std::vector<std::string> ids;
    for (auto position : index.eventsIn(window)) ids.push_back(dataset.events[position].id);
    return ids;
}

} // namespace

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

TEST(EventTimeIndex, SelectsEventsInTheWindowInDateOrder) {
    const Dataset dataset = datasetWithDates({"2020-10-26", "2020-09-20", "2020-10-20", "2020-10-26", "2020-11-04"});
    const EventTimeIndex index(dataset);
    EXPECT_EQ(index.firstDate().toString(), "2020-09-20");
    EXPECT_EQ(index.lastDate().toString(), "2020-11-04");
    EXPECT_EQ(idsIn(dataset, index, {*Date::parse("2020-10-26"), 1}), (std::vector<std::string>{"e0", "e3"}));
    EXPECT_EQ(idsIn(dataset, index, {*Date::parse("2020-10-26"), 7}), (std::vector<std::string>{"e2", "e0", "e3"}));
    EXPECT_EQ(idsIn(dataset, index, {*Date::parse("2020-10-26"), 0}), (std::vector<std::string>{"e1", "e2", "e0", "e3"}));
    EXPECT_TRUE(idsIn(dataset, index, {*Date::parse("2020-10-25"), 1}).empty());
    EXPECT_TRUE(idsIn(dataset, index, {*Date::parse("2019-01-01"), 30}).empty());
}

TEST(EventTimeIndex, CountsPerDay) {
    const Dataset dataset = datasetWithDates({"2020-10-26", "2020-10-24", "2020-10-26"});
    const EventTimeIndex index(dataset);
    EXPECT_EQ(index.countsPerDay(*Date::parse("2020-10-24"), *Date::parse("2020-10-27")),
              (std::vector<int>{1, 0, 2, 0}));
    EXPECT_TRUE(index.countsPerDay(*Date::parse("2020-10-27"), *Date::parse("2020-10-24")).empty());
}

TEST(EventTimeIndex, EmptyDatasetGivesEmptyWindows) {
    const Dataset dataset;
    const EventTimeIndex index(dataset);
    EXPECT_TRUE(index.empty());
    EXPECT_TRUE(index.eventsIn({*Date::parse("2020-10-26"), 0}).empty());
}
