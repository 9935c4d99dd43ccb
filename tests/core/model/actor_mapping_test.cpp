// Actor mappings (model/actor_mapping): ids, umbrellas and sides for imported actors.
#include "atlas/io/acled.h"
#include "atlas/model/actor_mapping.h"
#include "atlas/model/diagnostic_codes.h"
#include "atlas/query/query.h"
#include "event_lookup.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <set>
#include <tuple>

using namespace atlas;
using atlas::test::byId;

namespace {

const std::string kDir = ATLAS_TEST_DATA_DIR "/acled/";

} // namespace

TEST(ActorMapping, GivesImportedActorsIdsParentsAndSides) {
    LoadResult r = readAcledCsvFile(kDir + "current-export.csv");
    std::ifstream in(ATLAS_TEST_DATA_DIR "/mapping/acled-actors.json");
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto diagnostics = applyActorMapping(r.dataset, text, "acled-actors.json");
    ASSERT_EQ(diagnostics.size(), 2u);
    EXPECT_EQ(diagnostics[0].severity, Severity::Warning) << "a name not in the data";
    EXPECT_EQ(diagnostics[1].jsonPointer, "/actors/5/side");
    EXPECT_EQ(diagnostics[1].line, 7);
    const std::optional<Event> strike = byId(r.dataset, "SYRTEST1");
    ASSERT_TRUE(strike.has_value());
    EXPECT_EQ(strike->targets[0], "nlf");
    EXPECT_EQ(strike->targets[1], "faylaq-al-sham");
    ASSERT_NE(r.dataset.findActor("faylaq-al-sham"), nullptr);
    EXPECT_EQ(r.dataset.findActor("faylaq-al-sham")->parent, "nlf");
    EXPECT_EQ(r.dataset.sideOfActor("faylaq-al-sham"), Side::Opposition) << "inherits its umbrella's side";
    ASSERT_NE(r.dataset.findActor("syrian-government"), nullptr) << "an umbrella the data never names, defined by the mapping";
    EXPECT_EQ(r.dataset.findActor("syrian-government")->name, "Syrian government forces");
    EXPECT_EQ(r.dataset.sideOfActor("saa"), Side::ProGovernment);
    // Through the query engine, the umbrella now includes the sub-group.
    EventFilter filter;
    filter.actors = {"nlf"};
    EXPECT_EQ(EventIndex(r.dataset).count(filter), 1u);
    Dataset untouched;
    EXPECT_TRUE(hasFatal(applyActorMapping(untouched, "{nope", "bad.json")));
}

TEST(ActorMapping, RefusesTakenIdsAndUmbrellaLoops) {
    Dataset d = readAcledCsvFile(kDir + "current-export.csv").dataset;
    ASSERT_GE(d.actors.size(), 3u);
    const std::string first = d.actors[0].name, second = d.actors[1].name;
    const std::vector<ActorMappingEntry> entries{
        {first, "umbrella", std::nullopt, Side::Opposition},
        {second, "umbrella", std::nullopt, std::nullopt}, // the id is taken by now
        {second, "", "umbrella", std::nullopt},           // fine: second under the umbrella
        {first, "", d.actors[1].id, std::nullopt},        // the umbrella under its own sub-group: a loop
        {"Nobody at all", "x", std::nullopt, std::nullopt},
    };
    const auto diagnostics = applyActorMapping(d, entries, "edits");
    ASSERT_EQ(diagnostics.size(), 3u);
    EXPECT_EQ(diagnostics[0].code, "mapping.id");
    EXPECT_EQ(diagnostics[0].jsonPointer, "/actors/1/id");
    EXPECT_EQ(diagnostics[1].code, "mapping.parent");
    EXPECT_EQ(diagnostics[1].jsonPointer, "/actors/3/parent");
    EXPECT_EQ(diagnostics[2].code, "mapping.unmatched");
    ASSERT_NE(d.findActor("umbrella"), nullptr);
    EXPECT_EQ(d.findActor("umbrella")->name, first);
    EXPECT_TRUE(d.findActor("umbrella")->parent.empty());
    EXPECT_EQ(d.actors[1].parent, "umbrella");
    EXPECT_EQ(d.sideOfActor(d.actors[1].id), Side::Opposition);
    std::set<std::string> ids;
    for (const auto& a : d.actors) EXPECT_TRUE(ids.insert(a.id).second) << "ids stay unique: " << a.id;
    const std::vector<ActorMappingEntry> topLevel{{second, "", "", std::nullopt}};
    EXPECT_TRUE(applyActorMapping(d, topLevel, "edits").empty());
    EXPECT_TRUE(d.actors[1].parent.empty()) << "an empty parent makes the actor top-level";
}

TEST(ActorMapping, AMappingWrittenFromOneImportAppliesToTheNextExport) {
    // Work out the actors once (here: from the fixture mapping), save them as a mapping,
    // and the next export of the same source comes out the same.
    Dataset worked = readAcledCsvFile(kDir + "current-export.csv").dataset;
    (void)applyActorMappingFile(worked, ATLAS_TEST_DATA_DIR "/mapping/acled-actors.json");
    const std::string saved = writeActorMapping(worked);
    Dataset next = readAcledCsvFile(kDir + "current-export.csv").dataset;
    const auto diagnostics = applyActorMapping(next, saved, "saved.json");
    EXPECT_TRUE(diagnostics.empty()) << diagnostics.front().toString();
    auto key = [](const Dataset& d) {
        std::set<std::tuple<std::string, std::string, std::string, Side>> out;
        for (const auto& a : d.actors) out.insert({a.name, a.id, a.parent, a.side});
        return out;
    };
    EXPECT_EQ(key(next), key(worked));
    EXPECT_EQ(next.events, worked.events);
    EXPECT_EQ(applyActorMappingFile(next, "/nonexistent/mapping.json").front().code, "file.open");
}

// Figures in other people's files can be negative or run backwards (found by fuzzing): the
// readers never keep such a count, and say what they did with it.

TEST(ActorMapping, ANumberOutOfRangeIsBadJsonNotACrash) {
    const ActorMapping mapping = readActorMapping(R"({"actors": [{"name": "x", "id": 1e999999}]})", "big.json");
    ASSERT_EQ(mapping.diagnostics.size(), 1u);
    EXPECT_EQ(mapping.diagnostics[0].severity, Severity::Fatal);
    EXPECT_EQ(mapping.diagnostics[0].code, codes::kJsonSyntax);
    EXPECT_TRUE(mapping.entries.empty());
}
