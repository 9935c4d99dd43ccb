// Who held the ground (query/ground_held and EventFilter::heldBy): each incident joined to the
// control area in force on its day.
#include "atlas/query/filter_description.h"
#include "atlas/query/ground_held.h"
#include "atlas/query/query.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace atlas;

namespace {

Date day(const char* text) { return *Date::parse(text); }

Area square(const char* id, const char* controller, double south, double west, double size, const char* from,
            std::optional<const char*> to = std::nullopt) {
    Area area;
    area.id = id;
    area.controller = controller;
    area.rings = {{{south, west}, {south, west + size}, {south + size, west + size}, {south + size, west}}};
    area.validity.from = day(from);
    if (to) area.validity.to = day(*to);
    return area;
}

Event incident(const char* id, const char* date, double latitude, double longitude) {
    Event e;
    e.id = id;
    e.type = EventType::AirStrike;
    e.date = day(date);
    e.place.point = {latitude, longitude};
    e.perpetrators = {"ru"};
    return e;
}

// Opposition ground in January that the government takes on 1 February (a newer area over
// part of it), and Turkish ground all year.
Dataset frontLine() {
    Dataset d;
    d.actors = {Actor{.id = "opp", .name = "Opposition", .side = Side::Opposition},
                Actor{.id = "gov", .name = "Government", .side = Side::ProGovernment},
                Actor{.id = "tr", .name = "Turkey", .side = Side::TurkishForces},
                Actor{.id = "ru", .name = "Russia", .side = Side::RussianForces}};
    d.reindexActors();
    d.areas = {square("opp", "opp", 35.0, 36.0, 1.0, "2020-01-01"), square("gov", "gov", 35.0, 36.0, 0.5, "2020-02-01"),
               square("tr", "tr", 36.2, 36.6, 0.4, "2020-01-01", "2020-12-31")};
    d.events.push_back(incident("in-opp-january", "2020-01-10", 35.2, 36.2));
    d.events.push_back(incident("same-spot-february", "2020-02-10", 35.2, 36.2)); // the government's by then
    d.events.push_back(incident("still-opp-february", "2020-02-10", 35.8, 36.8));
    d.events.push_back(incident("turkish", "2020-06-01", 36.4, 36.8));
    d.events.push_back(incident("nowhere", "2020-06-01", 34.0, 38.0));
    d.events.push_back(incident("before-any-area", "2019-12-31", 35.2, 36.2));
    return d;
}

} // namespace

TEST(GroundHeld, EachIncidentTakesTheAreaInForceOnItsDayNewestClaimFirst) {
    const Dataset d = frontLine();
    EXPECT_EQ(groundHeldAt(d), (std::vector<std::int32_t>{0, 1, 0, 2, -1, -1}));
    EXPECT_EQ(controlAreaAt(d, {35.2, 36.2}, day("2020-01-31")), 0u);
    EXPECT_EQ(controlAreaAt(d, {35.2, 36.2}, day("2020-02-01")), 1u);
    EXPECT_FALSE(controlAreaAt(d, {36.4, 36.8}, day("2021-01-01"))); // the Turkish area's validity ended
}

TEST(GroundHeld, FiltersAndSplitsByTheSideThatHeldTheGround) {
    const Dataset d = frontLine();
    const EventIndex index(d);
    EventFilter filter;
    filter.heldBy = {Side::Opposition};
    EXPECT_EQ(index.select(filter), (std::vector<std::uint32_t>{0, 2}));
    filter.heldBy = {Side::ProGovernment, Side::TurkishForces};
    EXPECT_EQ(index.select(filter), (std::vector<std::uint32_t>{1, 3}));
    filter.heldBy = {Side::Unknown}; // outside every mapped area
    EXPECT_EQ(index.select(filter), (std::vector<std::uint32_t>{5, 4}));
    const std::vector<std::string> words = describeFilter(d, filter);
    EXPECT_NE(std::find(words.begin(), words.end(), "on ground held by: no mapped control"), words.end());

    const Histogram h = index.histogram(EventFilter::forWindow(day("2020-01-01"), day("2020-12-31")), HistogramBucket::Month,
                                        HistogramSplit::ByGroundHeld);
    EXPECT_EQ(h.at(0, static_cast<int>(Side::Opposition)), 1u);    // January
    EXPECT_EQ(h.at(1, static_cast<int>(Side::Opposition)), 1u);    // February
    EXPECT_EQ(h.at(1, static_cast<int>(Side::ProGovernment)), 1u);
    EXPECT_EQ(h.at(5, static_cast<int>(Side::TurkishForces)), 1u); // June
    EXPECT_EQ(h.at(5, static_cast<int>(Side::Unknown)), 1u);
}

TEST(GroundHeld, NoAreasMeansNoGroundKnown) {
    Dataset d = frontLine();
    d.areas.clear();
    EXPECT_EQ(groundHeldAt(d), std::vector<std::int32_t>(6, -1));
    const EventIndex index(d);
    EventFilter filter;
    filter.heldBy = {Side::Unknown};
    EXPECT_EQ(index.count(filter), 6u);
}
