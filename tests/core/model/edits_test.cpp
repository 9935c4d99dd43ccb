#include "atlas/model/edits.h"

#include "atlas/io/native_format.h"

#include <gtest/gtest.h>

#include <algorithm>

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
    ASSERT_FALSE(applyEdit(dataset, EventEdit{added, changed}));
    history.record(EventEdit{added, changed});
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
    history.record(EventEdit{added, std::nullopt});
    EXPECT_FALSE(history.canRedo());
    // An undo the dataset refuses is put back.
    undo = history.undo();
    history.restoreUndo(*undo);
    EXPECT_EQ(history.undoText(), "Undo delete incident " + added.id);
    EXPECT_FALSE(history.canRedo());
}

TEST(Edits, ASitesStatusChangeOnADateGoesInDateOrderAndIsUndone) {
    Dataset dataset = sample();
    ASSERT_FALSE(dataset.sites.empty());
    const Site original = dataset.sites.front();
    ASSERT_GE(original.history.size(), 1u);
    // A change between two known ones, and one replacing a day already there.
    SiteStatusChange encircled;
    encircled.date = original.history.front().date.addDays(1);
    encircled.status = SiteStatus::Encircled;
    encircled.sources.push_back({"Russia Monitor", "", "", "", {}});
    const Site changed = withStatusChange(original, encircled);
    ASSERT_EQ(changed.history.size(), original.history.size() + (original.history.size() > 1 && original.history[1].date == encircled.date ? 0 : 1));
    EXPECT_EQ(changed.statusOn(encircled.date), SiteStatus::Encircled);
    EXPECT_EQ(changed.statusOn(original.history.front().date), original.history.front().status);
    for (std::size_t i = 1; i < changed.history.size(); ++i) EXPECT_LT(changed.history[i - 1].date, changed.history[i].date);
    // The same status that day again: replaced; another status that day: after it (a post
    // evacuated, then handed over, on one day).
    SiteStatusChange sameDay = encircled;
    sameDay.note = "confirmed";
    EXPECT_EQ(withStatusChange(changed, sameDay).history.size(), changed.history.size());
    EXPECT_EQ(withStatusChange(changed, sameDay).statusOn(encircled.date), SiteStatus::Encircled);
    sameDay.status = SiteStatus::Evacuated;
    const Site twice = withStatusChange(changed, sameDay);
    EXPECT_EQ(twice.history.size(), changed.history.size() + 1);
    EXPECT_EQ(twice.statusOn(encircled.date), SiteStatus::Evacuated);
    EXPECT_TRUE(validateSite(twice, dataset, *Date::parse("2026-12-03"), false).empty());
    // Encircled again that day: not the day's last change, so a new one, in force from then on.
    const Site thrice = withStatusChange(twice, encircled);
    EXPECT_EQ(thrice.history.size(), twice.history.size() + 1);
    EXPECT_EQ(thrice.statusOn(encircled.date), SiteStatus::Encircled);
    EXPECT_TRUE(validateSite(changed, dataset, *Date::parse("2026-12-03"), false).empty());

    const SiteEdit edit{original, changed};
    EXPECT_EQ(edit.describe(), "edit site " + original.id);
    ASSERT_FALSE(applyEdit(dataset, Edit(edit)));
    EXPECT_EQ(dataset.sites.front(), changed);
    EXPECT_EQ(dataset.situationOn(encircled.date).sites.front().status, SiteStatus::Encircled);
    // Made again from the same before: refused, the site has changed since.
    EXPECT_EQ(applyEdit(dataset, edit).value_or(""), "site " + original.id + " has been changed since");
    ASSERT_FALSE(applyEdit(dataset, inverse(edit)));
    EXPECT_EQ(dataset.sites.front(), original);
}

TEST(Edits, LinesAndAreasAreAddedChangedAndDeletedWithTheirValidity) {
    Dataset dataset = sample();
    const std::size_t lines = dataset.lines.size(), areas = dataset.areas.size();
    Line line;
    line.name = "Front line west of Saraqib";
    line.id = newSituationId(dataset, "line", line.name);
    EXPECT_EQ(line.id, "line-front-line-west-of-saraqib");
    line.kind = LineKind::FrontLine;
    line.path = {{35.80, 36.62}, {35.85, 36.60}, {35.88, 36.55}};
    line.validity = {*Date::parse("2020-02-06"), *Date::parse("2020-03-05")};
    ASSERT_FALSE(applyEdit(dataset, LineEdit{std::nullopt, line}));
    ASSERT_EQ(dataset.lines.size(), lines + 1);
    // In force on its days only.
    auto drawn = [&](Date day) {
        const auto situation = dataset.situationOn(day);
        return std::any_of(situation.lines.begin(), situation.lines.end(), [&](const Line* l) { return l->id == line.id; });
    };
    EXPECT_TRUE(drawn(*Date::parse("2020-02-20")));
    EXPECT_FALSE(drawn(*Date::parse("2020-03-06")));
    EXPECT_EQ(applyEdit(dataset, LineEdit{std::nullopt, line}).value_or(""), "line " + line.id + " is there already");
    EXPECT_NE(newSituationId(dataset, "line", line.name), line.id);

    Area area;
    area.name = "Held east of the M5";
    area.id = newSituationId(dataset, "area", area.name);
    area.controller = dataset.actors.front().id;
    area.rings = {{{36.0, 35.9}, {36.2, 35.9}, {36.2, 36.1}, {36.0, 36.1}}};
    area.validity = {*Date::parse("2020-01-01"), std::nullopt};
    ASSERT_FALSE(applyEdit(dataset, AreaEdit{std::nullopt, area}));
    Area moved = area;
    moved.rings.front().push_back({35.95, 36.0});
    moved.validity.to = *Date::parse("2020-06-30");
    ASSERT_FALSE(applyEdit(dataset, AreaEdit{area, moved}));
    EXPECT_EQ(dataset.areas.back(), moved);
    ASSERT_FALSE(applyEdit(dataset, AreaEdit{moved, std::nullopt}));
    EXPECT_EQ(dataset.areas.size(), areas);
    EXPECT_EQ(applyEdit(dataset, AreaEdit{moved, std::nullopt}).value_or(""), "area " + area.id + " is no longer there");
}

TEST(Edits, LinesAndAreasAreCheckedAsDrawn) {
    const Dataset dataset = sample();
    const Date today = *Date::parse("2026-12-03");
    auto fields = [](const std::vector<EditProblem>& problems) {
        std::vector<std::string> out;
        for (const EditProblem& p : problems) out.push_back(p.field);
        return out;
    };
    Line line;
    line.id = "line-x";
    line.name = "x";
    line.path = {{35.8, 36.6}};
    line.validity = {*Date::parse("2027-01-01"), *Date::parse("2026-01-01")};
    line.halfWidthKm = -1;
    line.parties = {"nobody"};
    const auto lineProblems = validateLine(line, dataset, today, true);
    EXPECT_EQ(fields(lineProblems), (std::vector<std::string>{"path", "validFrom", "validTo", "halfWidthKm", "parties"}));
    EXPECT_EQ(lineProblems.front().message, "a line needs at least two points (it has 1)");
    EXPECT_EQ(lineProblems[2].message, "the end 2026-01-01 is before the start 2027-01-01");

    Area area;
    area.id = dataset.areas.front().id; // taken
    area.rings = {{{35.8, 36.6}, {35.9, 36.6}, {35.8, 36.6}}, {{200, 36}, {35.85, 36.6}, {35.9, 36.5}}};
    area.validity = {*Date::parse("2020-01-01"), std::nullopt};
    area.controller = "nobody";
    const auto areaProblems = validateArea(area, dataset, today, true);
    EXPECT_EQ(fields(areaProblems), (std::vector<std::string>{"id", "name", "rings", "rings", "rings", "controller"}));
    EXPECT_EQ(areaProblems[2].message, "the outline needs at least three points (it has 2)");
    EXPECT_EQ(areaProblems[3].message, "hole 1 is not closed (its last point is not its first)");
    EXPECT_EQ(areaProblems[4].message, "hole 1's point 1 is off the globe (latitude -90 to 90, longitude -180 to 180)");

    Site site = dataset.sites.front();
    SiteStatusChange future;
    future.date = *Date::parse("2027-05-01");
    future.status = SiteStatus::Active;
    site = withStatusChange(site, future);
    const auto siteProblems = validateSite(site, dataset, today, false);
    ASSERT_EQ(siteProblems.size(), 1u);
    EXPECT_EQ(siteProblems.front().message, "2027-05-01 is in the future (today is 2026-12-03)");
}
