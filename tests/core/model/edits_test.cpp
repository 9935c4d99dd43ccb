#include "atlas/model/edits.h"

#include "atlas/io/native_format.h"

#include <gtest/gtest.h>

using namespace atlas;

namespace {

Dataset sample() {
    LoadResult read = readNativeFile(ATLAS_SAMPLE_DATASET);
    EXPECT_FALSE(read.failed());
    return std::move(read.dataset);
}

Event newIncident(const Dataset& dataset) {
    Event event;
    event.id = newEventId(dataset, *Date::parse("2019-05-06"));
    event.type = EventType::AirStrike;
    event.date = *Date::parse("2019-05-06");
    event.place.point = {35.65, 36.55};
    event.place.name = "Kafr Nabl";
    event.perpetrators = {dataset.actors.front().id};
    event.killed = *parseCasualtyText("more than 78");
    event.sources.push_back({"Russia Monitor", "A title", "2019-05-07", "https://example.org/a", {}});
    return event;
}

} // namespace

TEST(Edits, AddChangeDeleteAndTheirInversesGiveTheDatasetBack) {
    Dataset dataset = sample();
    const Dataset original = dataset;
    const Event added = newIncident(dataset);
    EXPECT_EQ(added.id, "ca-2019-05-06-1");
    const EventEdit add{std::nullopt, added};
    ASSERT_FALSE(applyEdit(dataset, add));
    ASSERT_EQ(dataset.events.size(), original.events.size() + 1);
    EXPECT_EQ(dataset.events.back(), added);
    EXPECT_EQ(newEventId(dataset, added.date), "ca-2019-05-06-2");

    Event changed = added;
    changed.killed = *parseCasualtyText("80");
    const EventEdit change{added, changed};
    ASSERT_FALSE(applyEdit(dataset, change));
    EXPECT_EQ(dataset.events.at(*findEventRow(dataset.events, added.id)).killed.low, 80);

    const Event third = dataset.events.at(3);
    const EventEdit remove{third, std::nullopt};
    ASSERT_FALSE(applyEdit(dataset, remove));
    EXPECT_FALSE(findEventRow(dataset.events, third.id));

    for (const EventEdit* edit : {&remove, &change, &add}) ASSERT_FALSE(applyEdit(dataset, edit->inverse())) << edit->describe();
    // The deleted incident comes back at the end, not in its place: same incidents, by id.
    ASSERT_EQ(dataset.events.size(), original.events.size());
    for (const Event& event : original.events) {
        const auto row = findEventRow(dataset.events, event.id);
        ASSERT_TRUE(row) << event.id;
        EXPECT_EQ(dataset.events.at(*row), event);
    }
}

TEST(Edits, AnEditOfAnIncidentChangedMeanwhileIsRefusedAndChangesNothing) {
    Dataset dataset = sample();
    Event stale = dataset.events.at(0);
    Event theirs = stale;
    theirs.description = "corrected by someone else";
    ASSERT_FALSE(applyEdit(dataset, {stale, theirs}));
    Event mine = stale;
    mine.description = "mine";
    const Dataset before = dataset;
    const auto refused = applyEdit(dataset, {stale, mine});
    ASSERT_TRUE(refused);
    EXPECT_NE(refused->find("changed since"), std::string::npos) << *refused;
    EXPECT_EQ(dataset.events.at(0), theirs);
    EXPECT_TRUE(applyEdit(dataset, {std::nullopt, theirs})) << "an id already there";
    EXPECT_TRUE(applyEdit(dataset, {newIncident(dataset), std::nullopt})) << "an incident not there";
    EXPECT_EQ(dataset.events.size(), before.events.size());
}

TEST(Edits, ValidationNamesTheFieldAndWhatIsWrong) {
    const Dataset dataset = sample();
    const Date today = *Date::parse("2026-12-03");
    Event event = newIncident(dataset);
    EXPECT_TRUE(validateEvent(event, dataset, today, true).empty());
    auto fieldsOf = [&](const Event& e, bool isNew = true) {
        std::vector<std::string> fields;
        for (const EditProblem& p : validateEvent(e, dataset, today, isNew)) fields.push_back(p.field);
        return fields;
    };
    Event future = event;
    future.date = *Date::parse("2026-12-04");
    EXPECT_EQ(fieldsOf(future), std::vector<std::string>{"date"});
    EXPECT_NE(validateEvent(future, dataset, today, true).front().message.find("in the future"), std::string::npos);
    Event backwards = event;
    backwards.endDate = *Date::parse("2019-05-01");
    EXPECT_EQ(fieldsOf(backwards), std::vector<std::string>{"endDate"});
    Event offGlobe = event;
    offGlobe.place.point = {91, 200};
    EXPECT_EQ(fieldsOf(offGlobe), (std::vector<std::string>{"latitude", "longitude"}));
    Event range = event;
    range.wounded = *parseCasualtyText("30-20");
    EXPECT_EQ(fieldsOf(range), std::vector<std::string>{"wounded"});
    Event strangers = event;
    strangers.targets = {"no-such-actor"};
    strangers.links = {{LinkRelation::RetaliationFor, "no-such-incident", {}}};
    EXPECT_EQ(fieldsOf(strangers), (std::vector<std::string>{"targets", "links"}));
    Event taken = event;
    taken.id = dataset.events.id(0);
    EXPECT_EQ(fieldsOf(taken), std::vector<std::string>{"id"});
    EXPECT_TRUE(fieldsOf(taken, false).empty()) << "an existing incident keeps its id";
    Event unsourced = event;
    unsourced.sources = {{"", "a title", "", "", {}}};
    EXPECT_EQ(fieldsOf(unsourced), std::vector<std::string>{"sources"});
}

TEST(Edits, CasualtyFiguresAsPeopleWriteThem) {
    auto read = [](std::string_view text) { return parseCasualtyText(text); };
    EXPECT_EQ(read("more than 78")->qualifier, CountQualifier::MoreThan);
    EXPECT_EQ(read("more than 78")->low, 78);
    EXPECT_EQ(read("15")->qualifier, CountQualifier::Exact);
    EXPECT_EQ(read("at least 3")->qualifier, CountQualifier::AtLeast);
    EXPECT_EQ(read("about 40")->qualifier, CountQualifier::About);
    EXPECT_EQ(read("20\u201330")->high, 30);
    EXPECT_EQ(read("20-30")->low, 20);
    EXPECT_EQ(read("")->qualifier, CountQualifier::Unknown);
    EXPECT_EQ(read("unknown")->qualifier, CountQualifier::Unknown);
    EXPECT_FALSE(read("many"));
    EXPECT_FALSE(read("more than many"));
    EXPECT_FALSE(read("-5-"));
    // What toText writes reads back as the same figure.
    for (const char* text : {"more than 78", "at least 3", "about 40", "15", "20\u201330"}) EXPECT_EQ(read(text)->toText(), text);
}

TEST(Edits, HistoryUndoesAndRedoesInOrder) {
    Dataset dataset = sample();
    EditHistory history;
    EXPECT_FALSE(history.canUndo());
    const Event added = newIncident(dataset);
    const EventEdit add{std::nullopt, added};
    ASSERT_FALSE(applyEdit(dataset, add));
    history.record(add);
    Event changed = added;
    changed.description = "second thoughts";
    ASSERT_FALSE(applyEdit(dataset, {added, changed}));
    history.record({added, changed});
    EXPECT_EQ(history.undoText(), "Undo edit incident " + added.id);

    auto undo = history.undo();
    ASSERT_TRUE(undo);
    ASSERT_FALSE(applyEdit(dataset, *undo));
    EXPECT_EQ(dataset.events.back(), added);
    EXPECT_EQ(history.redoText(), "Redo edit incident " + added.id);
    undo = history.undo();
    ASSERT_FALSE(applyEdit(dataset, *undo));
    EXPECT_FALSE(findEventRow(dataset.events, added.id));
    EXPECT_FALSE(history.canUndo());

    auto redo = history.redo();
    ASSERT_FALSE(applyEdit(dataset, *redo));
    EXPECT_EQ(dataset.events.back(), added);
    // A new edit forgets what was undone.
    history.record({added, std::nullopt});
    EXPECT_FALSE(history.canRedo());
    // An undo the dataset refuses is put back.
    undo = history.undo();
    history.restoreUndo(*undo);
    EXPECT_EQ(history.undoText(), "Undo delete incident " + added.id);
    EXPECT_FALSE(history.canRedo());
}
