// atlas::Workspace: the one policy for opening files, shared by the window and the commands.
#include "atlas/io/acled.h"
#include "atlas/io/native_format.h"
#include "atlas/io/workspace.h"
#include "event_lookup.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace atlas;

namespace {

LoadResult oneActorFile(const std::string& actorName, const std::string& eventId) {
    const std::string text = R"({"format": "conflict-atlas", "version": 1, "metadata": {"title": "From )" + eventId + R"("},
      "actors": [{"id": ")" + eventId + R"(-actor", "name": ")" + actorName + R"(", "side": "unknown"}],
      "events": [{"id": ")" + eventId + R"(", "type": "shelling", "date": "2020-10-27",
                  "place": {"lat": 35.9, "lon": 36.6, "precision": "exact"},
                  "perpetrators": [")" + eventId + R"(-actor"], "targets": [], "sources": []}]})";
    return readNativeText(text, eventId + ".atlas.json");
}

} // namespace

TEST(Workspace, TheFirstFileIsTheDatasetAsItIs) {
    Workspace workspace;
    EXPECT_TRUE(workspace.empty());
    workspace.add(oneActorFile("Army", "a"), "a.atlas.json");
    EXPECT_FALSE(workspace.empty());
    EXPECT_EQ(workspace.dataset().metadata.title, "From a");
    EXPECT_EQ(workspace.dataset().events.size(), 1u);
    EXPECT_FALSE(workspace.partial());
}

TEST(Workspace, AFileThatCannotBeReadChangesNothingButIsReported) {
    Workspace workspace;
    workspace.add(oneActorFile("Army", "a"), "a.atlas.json");
    workspace.add(readNativeText("{", "broken.atlas.json"), "broken.atlas.json");
    EXPECT_EQ(workspace.dataset().events.size(), 1u);
    ASSERT_FALSE(workspace.diagnostics().empty());
    EXPECT_EQ(workspace.diagnostics().back().file, "broken.atlas.json");
}

TEST(Workspace, AMappingCoversFilesAddedAfterItSoOneActorNamedTwoWaysBecomesOne) {
    Workspace workspace;
    workspace.add(oneActorFile("NLF: National Liberation Front", "a"), "a.atlas.json");
    const ActorMapping mapping = readActorMapping(R"({"actors": [
        {"name": "NLF: National Liberation Front", "id": "nlf", "side": "opposition"},
        {"name": "National Liberation Front", "id": "nlf"}]})", "nlf.json");
    (void)workspace.applyMapping(mapping);
    // The second file names the front otherwise; mapped before the merge, it joins the first.
    workspace.add(oneActorFile("National Liberation Front", "b"), "b.atlas.json");
    const Dataset& d = workspace.dataset();
    ASSERT_EQ(d.events.size(), 2u);
    EXPECT_EQ(d.events[0].perpetrators, std::vector<std::string>{"nlf"});
    EXPECT_EQ(d.events[1].perpetrators, std::vector<std::string>{"nlf"});
    EXPECT_EQ(std::count_if(d.actors.begin(), d.actors.end(), [](const Actor& a) { return a.id == "nlf"; }), 1);
    EXPECT_EQ(d.sideOfEvent(d.events[1]), Side::Opposition);
}

TEST(Workspace, ANewerAcledExportRevisesTheOlderOne) {
    Workspace workspace;
    workspace.add(readAcledCsvFile(ATLAS_TEST_DATA_DIR "/acled/current-export.csv"), "current-export.csv");
    workspace.add(readAcledCsvFile(ATLAS_TEST_DATA_DIR "/acled/newer-export.csv"), "newer-export.csv");
    // Two revised, one added, one deleted (acled_test.cpp has the details): three, not six.
    const Dataset& d = workspace.dataset();
    ASSERT_EQ(d.events.size(), 3u);
    const std::optional<Event> first = atlas::test::byId(d, "SYRTEST1");
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(first->killed.low, 79);
    EXPECT_TRUE(workspace.partial()) << "current-export.csv has two bad records";
}
