// The dataset's events by column: what goes in comes out whole, changes are local, details can
// stay in a source and are fetched when asked for.
#include "atlas/model/event_table.h"

#include <gtest/gtest.h>

#include <atomic>

using namespace atlas;

namespace {

Event sampleEvent(const std::string& id, const char* day, std::vector<std::string> perpetrators, std::vector<std::string> targets) {
    Event event;
    event.id = id;
    event.type = EventType::Shelling;
    event.date = *Date::parse(day);
    event.endDate = event.date.addDays(2);
    event.datePrecision = DatePrecision::Week;
    event.place = {{35.9, 36.6}, PlacePrecision::District, "Ariha", "Idlib", "Ariha", {{"x-place", "1"}}};
    event.perpetrators = std::move(perpetrators);
    event.targets = std::move(targets);
    event.killed = {CountQualifier::Range, 20, 30, {{"x-count", "\"a\""}}};
    event.wounded = {CountQualifier::MoreThan, 5, std::nullopt, {}};
    event.civilianTargeting = true;
    event.description = "Shelling of " + id;
    event.sources = {{"P", "T", "2020-01-01", "https://example.org/" + id, {}}};
    event.tags = {"t"};
    event.links = {{LinkRelation::RetaliationFor, "other", {}}};
    event.extra = {{"x-event", "[1,2]"}};
    return event;
}

// A source of details that counts how often it is asked.
class CountingSource : public EventDetailSource {
public:
    mutable std::atomic<int> fetched{0};
    EventDetails fetch(std::int64_t key) const override {
        ++fetched;
        EventDetails details;
        details.description = "from the file, key " + std::to_string(key);
        return details;
    }
    std::vector<std::int64_t> keysContaining(std::string_view) const override { return {}; }
};

} // namespace

TEST(EventTable, AnEventComesOutAsItWentIn) {
    EventTable table;
    const Event one = sampleEvent("a", "2020-10-26", {"ru", "sy"}, {"fas"});
    const Event two = sampleEvent("b", "2020-10-27", {}, {"tr"});
    table.push_back(one);
    table.push_back(two);
    ASSERT_EQ(table.size(), 2u);
    EXPECT_EQ(table.at(0), one);
    EXPECT_EQ(table[1], two);
    EXPECT_EQ(table.id(1), "b");
    EXPECT_EQ(table.date(0).toString(), "2020-10-26");
    EXPECT_EQ(table.endDate(0)->toString(), "2020-10-28");
    EXPECT_EQ(table.perpetrators(0), (std::vector<std::string>{"ru", "sy"}));
    EXPECT_EQ(table.targets(0), (std::vector<std::string>{"fas"}));
    EXPECT_EQ(*table.firstPerpetrator(0), "ru");
    EXPECT_EQ(table.firstPerpetrator(1), nullptr);
    EXPECT_EQ(table.killedLowerBound(0), 20);
    EXPECT_EQ(table.placeName(1), "Ariha");
    // Pooled: one entry per distinct actor id and place text.
    EXPECT_EQ(table.actorIds().size(), 4u);
    int walked = 0;
    for (const Event& event : table) walked += event.id.empty() ? 0 : 1;
    EXPECT_EQ(walked, 2);
}

TEST(EventTable, SetReplacesOneEventAndLeavesTheOthers) {
    EventTable table;
    for (const char* id : {"a", "b", "c"}) table.push_back(sampleEvent(id, "2020-10-26", {"ru"}, {}));
    Event longer = sampleEvent("b-revised-with-a-longer-id", "2020-11-01", {"ru", "sy", "ir"}, {"fas", "hts"});
    longer.description = "revised";
    table.set(1, longer);
    EXPECT_EQ(table.at(1), longer);
    EXPECT_EQ(table.at(0), sampleEvent("a", "2020-10-26", {"ru"}, {}));
    EXPECT_EQ(table.at(2), sampleEvent("c", "2020-10-26", {"ru"}, {}));
    table.setId(2, "c2");
    EXPECT_EQ(table.id(2), "c2");
    EXPECT_EQ(table.id(1), "b-revised-with-a-longer-id");
}

TEST(EventTable, RenamingActorsReachesEveryEvent) {
    EventTable table;
    table.push_back(sampleEvent("a", "2020-10-26", {"Russia"}, {"Faylaq"}));
    table.push_back(sampleEvent("b", "2020-10-27", {"Faylaq"}, {}));
    table.renameActors({{"Faylaq", "fas"}});
    EXPECT_EQ(table.targets(0), (std::vector<std::string>{"fas"}));
    EXPECT_EQ(table.perpetrators(1), (std::vector<std::string>{"fas"}));
    EXPECT_EQ(table.perpetrators(0), (std::vector<std::string>{"Russia"}));
    table.renameIds({{"b", "file2:b"}});
    EXPECT_EQ(table.id(1), "file2:b");
}

TEST(EventTable, RenamingActorsAllAtOnceMayReuseANameAnotherLeaves) {
    // Names become ids: "HTS" takes "hts", which the actor named "hts" leaves for "hts-2".
    EventTable table;
    table.push_back(sampleEvent("a", "2020-10-26", {"HTS"}, {"hts"}));
    table.renameActors({{"HTS", "hts"}, {"hts", "hts-2"}});
    EXPECT_EQ(table.perpetrators(0), (std::vector<std::string>{"hts"}));
    EXPECT_EQ(table.targets(0), (std::vector<std::string>{"hts-2"}));
    // The pool still finds each by its new text: adding events refers to the same entries.
    table.push_back(sampleEvent("b", "2020-10-27", {"hts"}, {"hts-2"}));
    EXPECT_EQ(table.actorIds().size(), 2u);
    EXPECT_EQ(table.actorRefs(1)[0], table.actorRefs(0)[0]);
}

TEST(EventTable, DetailsInASourceAreFetchedOnlyWhenAsked) {
    auto source = std::make_shared<CountingSource>();
    EventTable table;
    table.pushWithDetailsIn(sampleEvent("a", "2020-10-26", {"ru"}, {}), source, 41);
    table.push_back(sampleEvent("b", "2020-10-27", {"ru"}, {}));
    // Columns come without a fetch.
    EXPECT_EQ(table.id(0), "a");
    EXPECT_EQ(table.killedLowerBound(0), 20);
    EXPECT_EQ(table.heldDetails(0), nullptr);
    EXPECT_NE(table.heldDetails(1), nullptr);
    EXPECT_EQ(source->fetched, 0);
    EXPECT_EQ(table.at(0).description, "from the file, key 41");
    EXPECT_EQ(source->fetched, 1);
    // Appended elsewhere, the event keeps its source.
    EventTable other;
    other.append(table);
    EXPECT_EQ(other.details(0).description, "from the file, key 41");
    EXPECT_EQ(other.details(1).description, "Shelling of b");
    EXPECT_EQ(source->fetched, 2);
    // Replaced, its details are held in memory from then on.
    other.set(0, sampleEvent("a", "2020-10-26", {"ru"}, {}));
    EXPECT_EQ(other.details(0).description, "Shelling of a");
    EXPECT_EQ(source->fetched, 2);
}

TEST(EventTable, SelectedRowsAppendInTheirOrder) {
    EventTable table;
    for (const char* id : {"a", "b", "c", "d"}) table.push_back(sampleEvent(id, "2020-10-26", {id}, {}));
    EventTable picked;
    const std::uint32_t rows[] = {3, 1};
    picked.append(table, rows);
    ASSERT_EQ(picked.size(), 2u);
    EXPECT_EQ(picked.at(0), table.at(3));
    EXPECT_EQ(picked.at(1), table.at(1));
    EXPECT_GT(table.memoryBytes(), 0u);
}
