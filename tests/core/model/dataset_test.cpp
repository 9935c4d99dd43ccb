// The dataset (model/dataset): actors found the ways people name them, sides, subsets.
#include "atlas/model/dataset.h"

#include <gtest/gtest.h>

using namespace atlas;

namespace {

Dataset twoActors() {
    Dataset d;
    Actor nlf;
    nlf.id = "nlf";
    nlf.name = "National Liberation Front";
    nlf.aliases = {"NLF", "al-Jabha al-Wataniya lil-Tahrir"};
    nlf.side = Side::Opposition;
    Actor faylaq;
    faylaq.id = "faylaq-al-sham";
    faylaq.name = "Faylaq al-Sham";
    faylaq.parent = "nlf";
    d.actors = {nlf, faylaq};
    for (int i = 0; i < 3; ++i) {
        Event e;
        e.id = "e" + std::to_string(i);
        e.perpetrators = {i == 0 ? "faylaq-al-sham" : "nlf"};
        d.events.push_back(e);
    }
    d.reindexActors();
    return d;
}

} // namespace

TEST(Dataset, FindsAnActorByIdNameOrAliasAsPeopleWriteThem) {
    const Dataset d = twoActors();
    EXPECT_EQ(d.findActorByIdNameOrAlias("nlf")->id, "nlf");
    EXPECT_EQ(d.findActorByIdNameOrAlias("National Liberation Front")->id, "nlf");
    EXPECT_EQ(d.findActorByIdNameOrAlias("national liberation front")->id, "nlf");
    EXPECT_EQ(d.findActorByIdNameOrAlias("NLF")->id, "nlf");
    EXPECT_EQ(d.findActorByIdNameOrAlias("faylaq al-sham")->id, "faylaq-al-sham");
    EXPECT_EQ(d.findActorByIdNameOrAlias("Hayat Tahrir al-Sham"), nullptr);
    EXPECT_EQ(d.findActor("National Liberation Front"), nullptr) << "findActor takes ids only";
}

TEST(Dataset, NamesAndSidesOfActors) {
    const Dataset d = twoActors();
    EXPECT_EQ(d.actorName("nlf"), "National Liberation Front");
    EXPECT_EQ(d.actorName("unknown-id"), "unknown-id");
    EXPECT_EQ(d.actorNames({"faylaq-al-sham", "nlf"}), "Faylaq al-Sham; National Liberation Front");
    EXPECT_EQ(d.sideOfEvent(d.events[0]), Side::Opposition) << "Faylaq al-Sham takes its umbrella's side";
}

TEST(Dataset, ASubsetKeepsTheChosenEventsAndEverythingElse) {
    const Dataset d = twoActors();
    const std::uint32_t chosen[] = {2, 0};
    const Dataset s = subset(d, chosen);
    ASSERT_EQ(s.events.size(), 2u);
    EXPECT_EQ(s.events[0].id, "e2");
    EXPECT_EQ(s.events[1].id, "e0");
    EXPECT_EQ(s.actors, d.actors);
    EXPECT_NE(s.findActor("nlf"), nullptr) << "the subset's actor lookup works";
}
