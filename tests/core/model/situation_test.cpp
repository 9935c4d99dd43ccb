// What held on a day (model/situation, Dataset::situationOn): site statuses, lines and areas.
#include "atlas/model/dataset.h"

#include <gtest/gtest.h>

using namespace atlas;

namespace {

Date day(const char* text) { return Date::parse(text).value(); }

} // namespace

TEST(Situation, ASiteHasTheStatusOfItsLastChangeOnOrBeforeTheDay) {
    Site morek;
    morek.history = {{day("2019-04-01"), DatePrecision::Day, SiteStatus::Established, {}, {}, {}},
                     {day("2019-08-23"), DatePrecision::Day, SiteStatus::Encircled, {}, {}, {}},
                     {day("2020-10-19"), DatePrecision::Day, SiteStatus::Evacuated, {}, {}, {}}};
    EXPECT_EQ(morek.statusOn(day("2019-03-31")), SiteStatus::Unknown);
    EXPECT_EQ(morek.statusOn(day("2019-04-01")), SiteStatus::Established);
    EXPECT_EQ(morek.statusOn(day("2020-10-18")), SiteStatus::Encircled);
    EXPECT_EQ(morek.statusOn(day("2020-10-19")), SiteStatus::Evacuated);
}

TEST(Situation, OnlyWhatIsValidOnTheDayIsShown) {
    Dataset d;
    Line line;
    line.id = "ceasefire";
    line.validity = {day("2020-03-06"), std::nullopt};
    d.lines.push_back(line);
    Area area;
    area.id = "pocket-before";
    area.validity = {day("2020-01-01"), day("2020-03-05")};
    d.areas.push_back(area);
    Site site;
    site.id = "post";
    site.history = {{day("2020-02-01"), DatePrecision::Day, SiteStatus::Active, {}, {}, {}}};
    d.sites.push_back(site);
    const Situation before = d.situationOn(day("2020-03-05"));
    EXPECT_TRUE(before.lines.empty());
    ASSERT_EQ(before.areas.size(), 1u);
    ASSERT_EQ(before.sites.size(), 1u);
    EXPECT_EQ(before.sites[0].status, SiteStatus::Active);
    const Situation after = d.situationOn(day("2020-03-06"));
    ASSERT_EQ(after.lines.size(), 1u);
    EXPECT_TRUE(after.areas.empty()); // valid to the 5th, inclusive
    EXPECT_TRUE(d.situationOn(day("2020-01-15")).sites.empty()) << "no status yet: not shown";
}
