// atlas::ActorTree: the one walk over umbrellas.
#include "atlas/model/actor_tree.h"

#include <gtest/gtest.h>

using namespace atlas;

namespace {

Dataset hierarchy() {
    Dataset d;
    auto add = [&](std::string id, std::string parent, Side side, std::string colour = {}) {
        Actor a;
        a.id = id;
        a.name = id;
        a.parent = std::move(parent);
        a.side = side;
        a.colour = std::move(colour);
        d.actors.push_back(std::move(a));
    };
    add("faylaq", "nlf", Side::Unknown);     // listed before its umbrella
    add("nlf", "", Side::Opposition);
    add("ahrar", "nlf", Side::Unknown, "#00ff00");
    add("russia", "", Side::RussianForces);
    add("vks", "russia", Side::Unknown);
    add("orphan", "not-in-the-data", Side::Unknown);
    add("loop-a", "loop-b", Side::Unknown);  // bad data: a loop of umbrellas
    add("loop-b", "loop-a", Side::Unknown);
    d.reindexActors();
    return d;
}

std::vector<std::string> order(const std::vector<ActorTree::Entry>& entries) {
    std::vector<std::string> out;
    for (const auto& e : entries) out.push_back(e.actor->id + ":" + std::to_string(e.depth));
    return out;
}

} // namespace

TEST(ActorTree, ListsUmbrellasWithTheirSubGroupsBelowThemAndLoopsLast) {
    const Dataset d = hierarchy();
    const std::vector<std::string> expected{"nlf:0", "faylaq:1", "ahrar:1", "russia:0", "vks:1", "orphan:0", "loop-a:0", "loop-b:1"};
    EXPECT_EQ(order(ActorTree(d).depthFirst()), expected);
}

TEST(ActorTree, KnowsWhoIsBelowWhomAndStopsOnALoop) {
    const Dataset d = hierarchy();
    const ActorTree tree(d);
    EXPECT_TRUE(tree.isBelow("faylaq", "nlf"));
    EXPECT_TRUE(tree.isBelow("nlf", "nlf"));
    EXPECT_FALSE(tree.isBelow("nlf", "faylaq"));
    EXPECT_FALSE(tree.isBelow("vks", "nlf"));
    EXPECT_TRUE(tree.isBelow("loop-a", "loop-b"));
    EXPECT_FALSE(tree.isBelow("loop-a", "nlf")); // terminates
    EXPECT_EQ(tree.lineage("faylaq"), (std::vector<std::string>{"faylaq", "nlf"}));
    EXPECT_EQ(tree.lineage("nobody"), std::vector<std::string>{"nobody"});
    EXPECT_EQ(tree.lineage("loop-a"), (std::vector<std::string>{"loop-a", "loop-b"})); // each once
}

TEST(ActorTree, SidesAndColoursComeFromTheNearestUmbrellaThatHasOne) {
    const Dataset d = hierarchy();
    const ActorTree tree(d);
    EXPECT_EQ(tree.effectiveSide("faylaq"), Side::Opposition);
    EXPECT_EQ(tree.effectiveSide("vks"), Side::RussianForces);
    EXPECT_EQ(tree.effectiveSide("orphan"), Side::Unknown);
    EXPECT_EQ(tree.effectiveSide("loop-a"), Side::Unknown);
    EXPECT_EQ(tree.effectiveColour("faylaq"), sideColour(Side::Opposition));
    EXPECT_EQ(tree.effectiveColour("ahrar"), (Rgb{0, 255, 0})); // its own colour wins
    EXPECT_EQ(d.sideOfActor("faylaq"), Side::Opposition);      // the dataset asks the tree
}

TEST(ActorTree, SeesPendingEditsThroughTheCallersAccessors) {
    const Dataset d = hierarchy();
    // As the actors dialog would: faylaq moved under russia, before Apply.
    static const std::string russia = "russia";
    const ActorTree tree(d, [](const Actor& a) -> const std::string& { return a.id == "faylaq" ? russia : a.parent; });
    EXPECT_TRUE(tree.isBelow("faylaq", "russia"));
    EXPECT_EQ(tree.effectiveSide("faylaq"), Side::RussianForces);
}
