// The bundled sample must load cleanly and keep its promises: sourced events, the named
// incidents of October 2020, the faction hierarchy, and places in north-west Syria.
#include "atlas/geo.h"
#include "atlas/native_format.h"
#include "atlas/time_index.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace atlas;

namespace {

const LoadResult& sample() {
    static const LoadResult result = readNativeFile(ATLAS_SAMPLE_DATASET);
    return result;
}

const Event* findEvent(const std::string& id) {
    const auto& events = sample().dataset.events;
    const auto found = std::find_if(events.begin(), events.end(), [&](const Event& e) { return e.id == id; });
    return found == events.end() ? nullptr : &*found;
}

} // namespace

TEST(SampleDataset, LoadsWithoutAnyDiagnostic) {
    for (const auto& diagnostic : sample().diagnostics) ADD_FAILURE() << diagnostic.toString();
    EXPECT_GE(sample().dataset.events.size(), 40u);
    EXPECT_FALSE(sample().dataset.metadata.title.empty());
    EXPECT_FALSE(sample().dataset.metadata.provenance.empty());
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
    const Event* strike = findEvent("kafr-takharim-strike-2020-10-26");
    ASSERT_NE(strike, nullptr);
    EXPECT_EQ(strike->type, EventType::AirStrike);
    EXPECT_EQ(strike->date.toString(), "2020-10-26");
    EXPECT_EQ(strike->killed.toText(), "more than 78");
    EXPECT_EQ(strike->wounded.toText(), "90");
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
    const Event* morek = findEvent("morek-post-evacuated-2020-10-20");
    ASSERT_NE(morek, nullptr);
    EXPECT_EQ(morek->type, EventType::Withdrawal);
    EXPECT_EQ(sample().dataset.sideOfEvent(*morek), Side::TurkishForces);
    const Event* retaliation = findEvent("rebel-retaliation-shelling-2020-10-27");
    ASSERT_NE(retaliation, nullptr);
    EXPECT_EQ(retaliation->killed.toText(), "at least 15");
}

TEST(SampleDataset, AutumnOf2020HasEnoughIncidentsForTheSlider) {
    const EventTimeIndex index(sample().dataset);
    const auto autumn = index.eventsIn({*Date::parse("2020-11-30"), 91}); // Sept–Nov
    EXPECT_GE(autumn.size(), 25u);
    EXPECT_EQ(index.eventsIn({*Date::parse("2020-10-26"), 1}).size() >= 2, true);
}
