// The bundled sample must load cleanly and keep its promises: sourced events, the named
// incidents of October 2020, the faction hierarchy, and places in north-west Syria.
#include "atlas/geo/geo.h"
#include "atlas/io/native_format.h"
#include "atlas/query/query.h"
#include "atlas/query/time_window.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>

using namespace atlas;

namespace {

const LoadResult& sample() {
    static const LoadResult result = readNativeFile(ATLAS_SAMPLE_DATASET);
    return result;
}

std::optional<Event> findEvent(const std::string& id) {
    const auto& events = sample().dataset.events;
    for (std::size_t row = 0; row < events.size(); ++row)
        if (events.id(row) == id) return events.at(row);
    return std::nullopt;
}

} // namespace

TEST(SampleDataset, LoadsWithoutAnyDiagnostic) {
    for (const auto& diagnostic : sample().diagnostics) ADD_FAILURE() << diagnostic.toString();
    EXPECT_FALSE(sample().dataset.metadata.title.empty());
    EXPECT_FALSE(sample().dataset.metadata.provenance.empty());
}

// The curated dataset promises at least 150 events over 2020, and a slider that has
// something to show in every month of the year, not only around October.
TEST(SampleDataset, CoversEveryMonthOf2020WithAtLeast150Events) {
    const auto& events = sample().dataset.events;
    EXPECT_GE(events.size(), 150u);
    std::array<int, 12> perMonth{};
    for (const Event& event : events) {
        ASSERT_EQ(event.date.year(), 2020) << event.id;
        ++perMonth[static_cast<std::size_t>(event.date.month() - 1)];
    }
    for (std::size_t month = 0; month < perMonth.size(); ++month)
        EXPECT_GE(perMonth[month], 2) << "month " << month + 1;
}

TEST(SampleDataset, EveryEventCitesASourceAndLiesInNorthWestSyria) {
    const GeoBox region{35.5, 34.5, 38.5, 37.0};
    for (const Event& event : sample().dataset.events) {
        ASSERT_FALSE(event.sources.empty()) << event.id;
        for (const SourceReference& source : event.sources) {
            EXPECT_FALSE(source.publisher.empty()) << event.id;
            EXPECT_FALSE(source.title.empty()) << event.id;
        }
        EXPECT_FALSE(event.description.empty()) << event.id;
        EXPECT_TRUE(region.contains(event.place.point)) << event.id;
        EXPECT_FALSE(event.perpetrators.empty()) << event.id;
    }
}

TEST(SampleDataset, HoldsTheKafrTakharimStrikeAsReported) {
    const std::optional<Event> strike = findEvent("kafr-takharim-strike-2020-10-26");
    ASSERT_TRUE(strike.has_value());
    EXPECT_EQ(strike->type, EventType::AirStrike);
    EXPECT_EQ(strike->date.toString(), "2020-10-26");
    EXPECT_EQ(strike->killed.toText(), "more than 78");
    EXPECT_EQ(strike->wounded.toText(), "at least 90"); // over a hundred in later reports
    EXPECT_EQ(sample().dataset.sideOfEvent(*strike), Side::RussianForces);
    ASSERT_EQ(strike->targets.size(), 1u);
    const Actor* target = sample().dataset.findActor(strike->targets.front());
    ASSERT_NE(target, nullptr);
    EXPECT_EQ(target->name, "Faylaq al-Sham");
    const Actor* umbrella = sample().dataset.findActor(target->parent);
    ASSERT_NE(umbrella, nullptr);
    EXPECT_EQ(umbrella->name, "National Liberation Front");
}

TEST(SampleDataset, HoldsTheMorekEvacuationAndTheRetaliation) {
    const std::optional<Event> morek = findEvent("morek-post-evacuated-2020-10-20");
    ASSERT_TRUE(morek.has_value());
    EXPECT_EQ(morek->type, EventType::Withdrawal);
    EXPECT_EQ(sample().dataset.sideOfEvent(*morek), Side::TurkishForces);
    const std::optional<Event> retaliation = findEvent("rebel-retaliation-shelling-2020-10-27");
    ASSERT_TRUE(retaliation.has_value());
    EXPECT_EQ(retaliation->killed.toText(), "at least 15");
}

TEST(SampleDataset, AutumnOf2020HasEnoughIncidentsForTheSlider) {
    const EventIndex index(sample().dataset);
    const TimeWindow autumn{*Date::parse("2020-11-30"), 91}; // Sept–Nov
    EXPECT_GE(index.count(EventFilter::forWindow(autumn.first(), autumn.end)), 25u);
    const Date strikeDay = *Date::parse("2020-10-26");
    EXPECT_GE(index.count(EventFilter::forWindow(strikeDay, strikeDay)), 2u);
}

TEST(SampleDataset, SituationChangesThroughTheYear) {
    const Dataset& dataset = sample().dataset;
    EXPECT_TRUE(dataset.situationOn(*Date::parse("2020-03-05")).lines.empty());
    const Situation ceasefire = dataset.situationOn(*Date::parse("2020-03-06"));
    EXPECT_TRUE(std::any_of(ceasefire.lines.begin(), ceasefire.lines.end(),
                            [](const Line* line) { return line->kind == LineKind::CeasefireLine; }));
    EXPECT_TRUE(std::any_of(ceasefire.lines.begin(), ceasefire.lines.end(), [](const Line* line) {
        return line->kind == LineKind::SecurityCorridor && line->halfWidthKm == 6.0;
    }));
    const auto morekOn = [&](const char* day) {
        for (const auto& state : dataset.situationOn(*Date::parse(day)).sites)
            if (state.site->id == "op-morek") return state.status;
        return SiteStatus::Unknown;
    };
    EXPECT_EQ(morekOn("2020-06-01"), SiteStatus::Encircled);
    EXPECT_EQ(morekOn("2020-10-19"), SiteStatus::Encircled);
    // The withdrawal began after midnight on 20 October (AFP); the post was left for good on 2
    // November (SANA, Al-Masdar, Xinhua): evacuated from then, not from the day it began.
    EXPECT_EQ(morekOn("2020-10-20"), SiteStatus::Evacuating);
    EXPECT_EQ(morekOn("2020-11-01"), SiteStatus::Evacuating);
    EXPECT_EQ(morekOn("2020-11-02"), SiteStatus::Evacuated);
    // Control areas: the larger enclave in January, the post-ceasefire one from March.
    const auto areaIds = [&](const char* day) {
        std::vector<std::string> ids;
        for (const Area* area : dataset.situationOn(*Date::parse(day)).areas) ids.push_back(area->id);
        return ids;
    };
    const auto january = areaIds("2020-01-15");
    const auto october = areaIds("2020-10-26");
    EXPECT_NE(std::find(january.begin(), january.end(), "idlib-pocket-before-maarat"), january.end());
    EXPECT_NE(std::find(october.begin(), october.end(), "idlib-pocket-after-ceasefire"), october.end());
    for (const Area& area : dataset.areas) EXPECT_TRUE(area.approximate) << area.id;
}

TEST(SampleDataset, RoundTripKeepsEveryField) {
    const LoadResult again = readNativeText(writeNativeText(sample().dataset), "again.atlas.json");
    EXPECT_TRUE(again.diagnostics.empty());
    EXPECT_EQ(again.dataset.events, sample().dataset.events);
    EXPECT_EQ(again.dataset.actors, sample().dataset.actors);
    EXPECT_EQ(again.dataset.sites, sample().dataset.sites);
    EXPECT_EQ(again.dataset.lines, sample().dataset.lines);
    EXPECT_EQ(again.dataset.areas, sample().dataset.areas);
    EXPECT_EQ(again.dataset.metadata, sample().dataset.metadata);
}
