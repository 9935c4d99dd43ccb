// What a selection is in words (query/filter_description): each criterion that narrows says so,
// the datasets are the files the events were read from, and a filter that lets everything
// through says "none".
#include "atlas/query/filter_description.h"

#include "atlas/io/native_format.h"
#include "atlas/io/workspace.h"

#include <gtest/gtest.h>

using namespace atlas;

namespace {

Dataset twoActors() {
    Dataset d;
    d.actors.push_back({"ru", "Russian Air Force", {}, "", Side::RussianForces, "", {}});
    d.actors.push_back({"hts", "HTS", {}, "", Side::Jihadist, "", {}});
    d.reindexActors();
    return d;
}

std::string nativeFile(const std::string& id) {
    return R"({"format":"conflict-atlas","version":1,"metadata":{"title":"T"},"actors":[],"events":[{"id":")" + id +
           R"(","type":"air_strike","date":"2020-01-05","place":{"lat":35.9,"lon":36.6}}]})";
}

} // namespace

TEST(DescribeFilter, AnOpenFilterSaysNothing) {
    EXPECT_TRUE(describeFilter(twoActors(), EventFilter{}).empty());
    EXPECT_NE(selectionNote(twoActors(), EventFilter{}).find("Filter: none"), std::string::npos);
}

TEST(DescribeFilter, EachCriterionThatNarrowsIsNamed) {
    EventFilter f = EventFilter::forWindow(Date::parse("2020-01-01").value(), Date::parse("2020-03-05").value());
    f.types = {EventType::AirStrike};
    f.actors = {"ru"};
    f.actorRole = ActorRole::Perpetrator;
    f.includeSubgroups = false;
    f.text = "hospital";
    f.minKilled = 5;
    f.setExactOnly(true);
    const auto parts = describeFilter(twoActors(), f);
    ASSERT_EQ(parts.size(), 6u);
    EXPECT_EQ(parts[0], "2020-01-01 – 2020-03-05");
    EXPECT_EQ(parts[1], std::string(toLabel(EventType::AirStrike)));
    EXPECT_EQ(parts[2], "perpetrator: Russian Air Force");
    EXPECT_EQ(parts[3], "“hospital”");
    EXPECT_EQ(parts[4], "at least 5 killed");
    EXPECT_EQ(parts[5], "exact only");
}

TEST(DescribeFilter, DatesAloneAndPrecisionAlone) {
    EventFilter f;
    f.to = Date::parse("2020-02-01");
    f.dayPreciseOnly = true;
    const auto parts = describeFilter(twoActors(), f);
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(parts[0], "up to 2020-02-01");
    EXPECT_EQ(parts[1], "dated to the day");
}

TEST(DatasetNames, AreTheFilesTheEventsWereReadFrom) {
    Workspace open;
    open.add(readNativeText(nativeFile("a"), "/home/user/first.atlas.json"), "first.atlas.json");
    open.add(readNativeText(nativeFile("b"), "/media/usb/second.atlas.json"), "second.atlas.json");
    EXPECT_EQ(datasetNames(open.dataset()), (std::vector<std::string>{"first.atlas.json", "second.atlas.json"}));
    const std::string note = selectionNote(open.dataset(), EventFilter{});
    EXPECT_NE(note.find("Datasets: first.atlas.json, second.atlas.json"), std::string::npos) << note;
}

TEST(DatasetNames, EventsMadeInMemoryAreNamedByTheTitle) {
    Dataset d = twoActors();
    d.metadata.title = "Hand-made";
    EXPECT_EQ(datasetNames(d), std::vector<std::string>{"Hand-made"});
}
