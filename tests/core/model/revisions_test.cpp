// What a dataset said on a day (model/revisions): ACLED's timestamps and the revisions a newer
// export brings kept per event, deleted events kept, replayed as known on any day, two pulls
// compared; kept through the native format.
#include "atlas/io/acled.h"
#include "atlas/io/native_format.h"
#include "atlas/model/merge.h"
#include "atlas/model/revisions.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace atlas;

namespace {

Dataset pulls() {
    // The test exports (tests/data/acled/README.md): the current one revises SYRTEST2 within
    // itself (5 killed, then 7); the newer one revises SYRTEST1 (78 → 79), adds SYRTEST6 and no
    // longer lists SYRTEST3. Their timestamps fall on 28 and 29 October 2020.
    Dataset older = readAcledCsvFile(ATLAS_TEST_DATA_DIR "/acled/current-export.csv").dataset;
    Dataset newer = readAcledCsvFile(ATLAS_TEST_DATA_DIR "/acled/newer-export.csv").dataset;
    mergeDataset(older, std::move(newer), "newer");
    return older;
}

std::optional<Event> find(const Dataset& dataset, std::string_view id) {
    for (std::size_t row = 0; row < dataset.events.size(); ++row)
        if (dataset.events.id(row) == id) return dataset.events.at(row);
    return std::nullopt;
}

Date day(const char* text) { return *Date::parse(text); }

} // namespace

TEST(Revisions, ACLEDTimestampsGiveTheDayAVersionWasRecorded) {
    EXPECT_EQ(recordedOn({{"acled_timestamp", "\"1604000000\""}}), day("2020-10-29"));
    EXPECT_EQ(recordedOn({{"acled_timestamp", "1603900000"}}), day("2020-10-28"));
    EXPECT_EQ(recordedOn({{"recorded", "\"2020-11-02\""}, {"acled_timestamp", "1603900000"}}), day("2020-11-02"));
    EXPECT_FALSE(recordedOn({{"acled_timestamp", "\"soon\""}}));
    EXPECT_FALSE(recordedOn({}));
}

TEST(Revisions, ANewerPullKeepsTheVersionItReplacesAndTheEventsItDeletes) {
    const Dataset merged = pulls();
    const auto strike = find(merged, "SYRTEST1");
    ASSERT_TRUE(strike);
    EXPECT_EQ(strike->killed.low, 79);
    const auto earlier = earlierVersions(*strike);
    ASSERT_EQ(earlier.size(), 1u);
    EXPECT_EQ(earlier[0].killed.low, 78);
    EXPECT_EQ(earlier[0].recorded, day("2020-10-28"));
    EXPECT_EQ(firstSeenOn(*strike), day("2020-10-28"));
    // Revised within one export: the earlier record is its earlier version; the newer export
    // changed its notes only (same timestamp), a version too.
    const auto clash = find(merged, "SYRTEST2");
    ASSERT_TRUE(clash);
    const auto clashEarlier = earlierVersions(*clash);
    ASSERT_EQ(clashEarlier.size(), 2u);
    EXPECT_EQ(clashEarlier[0].killed.low, 5);
    EXPECT_EQ(clashEarlier[1].killed.low, 7);
    EXPECT_NE(clashEarlier[1].description, clash->description);
    EXPECT_EQ(clash->killed.low, 7);
    // Deleted by the newer pull: kept aside with the day of that pull.
    EXPECT_FALSE(find(merged, "SYRTEST3"));
    const auto retired = retiredEvents(merged);
    ASSERT_EQ(retired.size(), 1u);
    EXPECT_EQ(retired[0].id, "SYRTEST3");
    EXPECT_EQ(retired[0].deletedOn, day("2020-10-29"));
}

TEST(Revisions, TheDataAsKnownOnADayHasTheVersionsRecordedByItsEnd) {
    const Dataset merged = pulls();
    const AsKnownOn before = asKnownOn(merged, day("2020-10-27"));
    EXPECT_EQ(before.dataset.events.size(), 0u);
    EXPECT_EQ(before.notYetRecorded, 3u);

    const AsKnownOn first = asKnownOn(merged, day("2020-10-28"));
    std::vector<std::string> ids;
    for (std::size_t row = 0; row < first.dataset.events.size(); ++row) ids.emplace_back(first.dataset.events.id(row));
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, (std::vector<std::string>{"SYRTEST1", "SYRTEST2", "SYRTEST3"})); // SYRTEST6 came later
    EXPECT_EQ(find(first.dataset, "SYRTEST1")->killed.low, 78);
    EXPECT_EQ(find(first.dataset, "SYRTEST2")->killed.low, 5);
    EXPECT_EQ(find(first.dataset, "SYRTEST3")->place.name, "Afrin");
    EXPECT_EQ(first.asRecordedThen, 2u);
    EXPECT_EQ(first.deletedSince, 1u);
    EXPECT_TRUE(retiredEvents(first.dataset).empty());

    const AsKnownOn latest = asKnownOn(merged, day("2020-10-29"));
    EXPECT_EQ(latest.dataset.events.size(), merged.events.size());
    EXPECT_EQ(find(latest.dataset, "SYRTEST1")->killed.low, 79);
    EXPECT_EQ(latest.asRecordedThen + latest.notYetRecorded + latest.deletedSince, 0u);
}

TEST(Revisions, EventsWithoutARecordingDayAreKeptAsTheyAre) {
    const Dataset sample = readNativeFile(ATLAS_SAMPLE_DATASET).dataset;
    const AsKnownOn then = asKnownOn(sample, day("2000-01-01"));
    EXPECT_EQ(then.dataset.events.size(), sample.events.size());
    EXPECT_EQ(then.undated, sample.events.size());
}

TEST(Revisions, HistoryAndDeletedEventsSurviveTheNativeFormat) {
    const Dataset merged = pulls();
    const LoadResult again = readNativeText(writeNativeText(merged), "pulls.atlas.json");
    ASSERT_FALSE(again.failed());
    const auto strike = find(again.dataset, "SYRTEST1");
    ASSERT_TRUE(strike);
    EXPECT_EQ(earlierVersions(*strike).size(), 1u);
    EXPECT_EQ(retiredEvents(again.dataset).size(), 1u);
    EXPECT_EQ(asKnownOn(again.dataset, day("2020-10-28")).dataset.events.size(), 3u);
}

TEST(Revisions, ComparingTwoPullsListsWhatWasAddedRevisedAndDeleted) {
    const Dataset older = readAcledCsvFile(ATLAS_TEST_DATA_DIR "/acled/current-export.csv").dataset;
    const Dataset newer = readAcledCsvFile(ATLAS_TEST_DATA_DIR "/acled/newer-export.csv").dataset;
    const auto changes = comparePulls(older, newer);
    auto of = [&](const char* id) -> const PullChange* {
        const auto it = std::find_if(changes.begin(), changes.end(), [&](const PullChange& c) { return c.id == id; });
        return it == changes.end() ? nullptr : &*it;
    };
    ASSERT_TRUE(of("SYRTEST1"));
    EXPECT_EQ(of("SYRTEST1")->kind, PullChange::Kind::Revised);
    const auto& fields = of("SYRTEST1")->changes;
    const auto killed = std::find_if(fields.begin(), fields.end(), [](const FieldChange& f) { return f.field == "killed"; });
    ASSERT_NE(killed, fields.end());
    EXPECT_EQ(killed->before, "at least 78");
    EXPECT_EQ(killed->after, "at least 79");
    ASSERT_TRUE(of("SYRTEST6"));
    EXPECT_EQ(of("SYRTEST6")->kind, PullChange::Kind::Added);
    ASSERT_TRUE(of("SYRTEST3"));
    EXPECT_EQ(of("SYRTEST3")->kind, PullChange::Kind::Deleted);
    ASSERT_TRUE(of("SYRTEST2"));
    ASSERT_EQ(of("SYRTEST2")->changes.size(), 1u) << "only its notes changed";
    EXPECT_EQ(of("SYRTEST2")->changes[0].field, "description");
    EXPECT_EQ(changes.size(), 4u);
}

TEST(Revisions, AnEventSeenBeforeTheDayIsKeptThoughItsTimestampMovedLater) {
    // ACLED moves a row's timestamp when anything changes, tags too: the fields kept are the
    // same, so no earlier version was stored, but the event was there from its first pull.
    Dataset dataset;
    Event event;
    event.id = "E1";
    event.date = day("2020-01-02");
    event.extra = {{"recorded", "\"2020-06-01\""}, {"first_seen", "\"2020-01-05\""}};
    dataset.events.push_back(event);
    EXPECT_EQ(asKnownOn(dataset, day("2020-03-01")).dataset.events.size(), 1u);
    EXPECT_EQ(asKnownOn(dataset, day("2020-01-04")).dataset.events.size(), 0u);
}
