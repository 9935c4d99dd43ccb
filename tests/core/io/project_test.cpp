// Project files (io/project): round trip, relative paths and hashes, files missing or
// changed, and broken projects reported where they are broken.
#include "atlas/io/project.h"

#include "atlas/io/file_hash.h"
#include "atlas/model/diagnostic_codes.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace atlas;
namespace fs = std::filesystem;

namespace {

Project everything() {
    Project p;
    p.files = {{"data/acled.csv", std::string(64, 'a'), 1234, {}},
               {"../shared/points.geojson", std::string(64, 'b'), 99, {"reported_on", "until", DayOrder::DayFirst}}};
    p.actorMapping = {{"Military Forces of Syria (2000-)", "saa", std::string("syrian-government"), Side::ProGovernment},
                      {"Unidentified Armed Group (Syria)", "", std::nullopt, std::nullopt}};
    p.filter.text = "kafr";
    p.filter.actors = {"nlf", "russia"};
    p.filter.includeSubgroups = false;
    p.filter.actorRole = ActorRole::Target;
    p.filter.types = {EventType::AirStrike, EventType::Shelling};
    p.filter.minKilled = 5;
    p.filter.coarsestPrecision = PlacePrecision::Exact;
    p.filter.dayPreciseOnly = true;
    p.date = Date::parse("2020-10-26");
    p.windowDays = 7;
    p.windowStart = Date::parse("2020-10-01");
    p.view = MapView{35.95, 36.55, 10.5, 0};
    p.layers = {{"basemap", "osm"}, {"histogramSplit", "type"}, {"table", "shown"}, {"tableSort", "killed"}};
    p.bookmarks = {{"Jabal al-Zawiya", {35.68, 36.52, 11, 0}}, {"Idlib city", {35.93, 36.63, 12, 15}}};
    p.duplicates = {{"SYR123", "ged-900001", DuplicateDecision::Kind::Merge}, {"SYR124", "ged-900002", DuplicateDecision::Kind::Distinct}};
    p.filter.heldBy = {Side::Opposition, Side::Unknown};
    p.referenceLayers = {{"layers/syr_admin3.shp", "syr_admin3", true, 0.6, false, "ADM3_EN"}, {"roads.gpkg", "roads", false, 1.0, true, ""}};
    p.areaColouring = {0, true, Date::parse("2020-10-01"), Date::parse("2020-10-14")};
    return p;
}

void writeText(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

fs::path freshFolder(const char* name) {
    const fs::path folder = fs::temp_directory_path() / name;
    fs::remove_all(folder);
    fs::create_directories(folder);
    return folder;
}

} // namespace

TEST(Project, EverySettingSurvivesTheRoundTrip) {
    const Project p = everything();
    const ProjectReadResult back = readProjectText(writeProjectText(p), "p.atlasproj");
    EXPECT_TRUE(back.diagnostics.empty()) << back.diagnostics.front().toString();
    EXPECT_EQ(back.project, p);
    EXPECT_TRUE(isProjectPath("/x/y/my.atlasproj"));
    EXPECT_FALSE(isProjectPath("/x/y/my.atlas.json"));
}

TEST(Project, ReferenceLayersAreKeptRelativeToTheProject) {
    const fs::path folder = freshFolder("atlas-project-layers") / "work" / "briefs"; // deep: the root is far
    writeText(folder / "data" / "events.atlas.json", "{}");
    Project p;
    p.files = {{(folder / "data" / "events.atlas.json").string(), "", 0, {}}};
    p.referenceLayers = {{(folder / "data" / "districts.shp").string(), "districts", true, 0.85, true, "ADM2_EN"},
                         {"/elsewhere/roads.gpkg", "roads", true, 0.85, true, ""}};
    ASSERT_TRUE(writeProjectFile((folder / "p.atlasproj").string(), p).empty());
    const ProjectReadResult back = readProjectFile((folder / "p.atlasproj").string());
    ASSERT_EQ(back.project.referenceLayers.size(), 2u);
    EXPECT_EQ(back.project.referenceLayers[0].path, "data/districts.shp");
    EXPECT_EQ(back.project.referenceLayers[1].path, "/elsewhere/roads.gpkg");
    EXPECT_EQ(resolveProjectPath((folder / "p.atlasproj").string(), back.project.referenceLayers[0].path), (folder / "data" / "districts.shp").string());
    // A colouring that names no layer is said and left out.
    const ProjectReadResult bad = readProjectText(R"({"conflictAtlasProject": 1, "files": [], "areaColouring": {"layer": 3}})", "p.atlasproj");
    EXPECT_EQ(bad.project.areaColouring.layer, -1);
    EXPECT_FALSE(bad.diagnostics.empty());
}

TEST(Project, FilesAreKeptRelativeWithTheirHashAndFoundAgainWhenMovedTogether) {
    const fs::path folder = freshFolder("atlas-project-test");
    writeText(folder / "work" / "data" / "a.csv", "event_id_cnty,event_date\n");
    writeText(folder / "shared" / "b.geojson", "{\"type\":\"FeatureCollection\",\"features\":[]}");
    Project p;
    p.files = {{(folder / "work" / "data" / "a.csv").string(), "", 0, {}}, {(folder / "shared" / "b.geojson").string(), "", 0, {}}};
    const std::string project = (folder / "work" / "brief.atlasproj").string();
    ASSERT_TRUE(writeProjectFile(project, p).empty());

    const ProjectReadResult read = readProjectFile(project);
    ASSERT_FALSE(read.failed());
    ASSERT_EQ(read.project.files.size(), 2u);
    EXPECT_EQ(read.project.files[0].path, "data/a.csv");
    EXPECT_EQ(read.project.files[1].path, "../shared/b.geojson");
    EXPECT_EQ(read.project.files[0].sha256, sha256OfFile((folder / "work" / "data" / "a.csv").string()));
    EXPECT_EQ(read.project.files[0].size, 25u);
    EXPECT_TRUE(checkProjectFiles(project, read.project).empty());

    // A file far from the project (more than two folders up) keeps its absolute path.
    {
        Project far;
        const std::string away = (fs::temp_directory_path() / "atlas-project-far.csv").string();
        writeText(away, "x\n");
        far.files = {{away, "", 0, {}}};
        const std::string deep = (folder / "a" / "b" / "c" / "deep.atlasproj").string();
        fs::create_directories(folder / "a" / "b" / "c");
        ASSERT_TRUE(writeProjectFile(deep, far).empty());
        EXPECT_EQ(readProjectFile(deep).project.files.at(0).path, away);
        fs::remove(away);
        fs::remove_all(folder / "a");
    }

    // The folder moved elsewhere, whole: the project still finds its files.
    const fs::path moved = freshFolder("atlas-project-test-moved");
    fs::remove(moved);
    fs::rename(folder, moved);
    const std::string movedProject = (moved / "work" / "brief.atlasproj").string();
    EXPECT_EQ(resolveProjectPath(movedProject, "data/a.csv"), (moved / "work" / "data" / "a.csv").string());
    EXPECT_TRUE(checkProjectFiles(movedProject, readProjectFile(movedProject).project).empty());

    // One file changed, one gone: reported by name, not fatal.
    writeText(moved / "work" / "data" / "a.csv", "event_id_cnty,event_date\nSYR1,2020-10-26\n");
    fs::remove(moved / "shared" / "b.geojson");
    const auto problems = checkProjectFiles(movedProject, readProjectFile(movedProject).project);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].code, codes::kProjectFileChanged);
    EXPECT_EQ(problems[0].severity, Severity::Warning);
    EXPECT_NE(problems[0].message.find("data/a.csv"), std::string::npos);
    EXPECT_EQ(problems[0].jsonPointer, "/files/0");
    EXPECT_EQ(problems[1].code, codes::kProjectFileMissing);
    EXPECT_EQ(problems[1].severity, Severity::Error);
    EXPECT_NE(problems[1].message.find("../shared/b.geojson"), std::string::npos);
    fs::remove_all(moved);
}

TEST(Project, BrokenProjectsSayWhereAndWhat) {
    const ProjectReadResult syntax = readProjectText("{\n  \"conflictAtlasProject\": 1,\n  \"files\": [,]\n}", "p.atlasproj");
    ASSERT_TRUE(syntax.failed());
    EXPECT_EQ(syntax.diagnostics[0].code, codes::kJsonSyntax);
    EXPECT_EQ(syntax.diagnostics[0].line, 3);

    EXPECT_EQ(readProjectText("{\"actors\": []}", "p").diagnostics.at(0).code, codes::kProjectRoot);
    const ProjectReadResult newer = readProjectText("{\"conflictAtlasProject\": 9}", "p");
    ASSERT_TRUE(newer.failed());
    EXPECT_NE(newer.diagnostics[0].message.find("newer"), std::string::npos);

    // Settings of the wrong shape: each a located warning, the rest read.
    const ProjectReadResult odd = readProjectText(R"({
  "conflictAtlasProject": 1,
  "files": [{"path": "a.csv"}, {"size": 3}],
  "filters": {"minKilled": "many", "types": ["air_strike", "meteor"], "actorRole": "bystander"},
  "time": {"date": "26 Oct 2020", "windowDays": 7},
  "view": {"latitude": 95, "longitude": 36, "zoom": 9},
  "layers": {"basemap": "osm", "futureLayer": "kept", "opacity": 0.5},
  "bookmarks": [{"name": "x"}]
})", "odd.atlasproj");
    EXPECT_FALSE(odd.failed());
    EXPECT_EQ(odd.project.files.size(), 1u);
    EXPECT_EQ(odd.project.filter.minKilled, 0);
    EXPECT_EQ(odd.project.filter.types, std::vector<EventType>{EventType::AirStrike});
    EXPECT_EQ(odd.project.filter.actorRole, ActorRole::Either);
    EXPECT_FALSE(odd.project.date.has_value());
    EXPECT_EQ(odd.project.windowDays, 7);
    EXPECT_FALSE(odd.project.view.has_value());
    EXPECT_EQ(odd.project.layers.at("futureLayer"), "kept");
    EXPECT_TRUE(odd.project.bookmarks.empty());
    std::vector<std::string> pointers;
    for (const Diagnostic& d : odd.diagnostics) {
        EXPECT_EQ(d.severity, Severity::Warning) << d.toString();
        pointers.push_back(d.jsonPointer);
    }
    const std::vector<std::string> expected{"/files/1", "/filters/actorRole", "/filters/types/1", "/filters/minKilled",
                                            "/time/date", "/view", "/layers/opacity", "/bookmarks/0"};
    EXPECT_EQ(pointers, expected);
    EXPECT_EQ(odd.diagnostics[1].line, 4); // located in the text
}

TEST(Project, ABrokenDuplicateDecisionIsLeftOutAndSaid) {
    const ProjectReadResult read = readProjectText(
        R"({"conflictAtlasProject":1,"files":[],"duplicates":[{"keep":"a","other":"b","decision":"maybe"},{"keep":"c","other":"d","decision":"merge"}]})",
        "p.atlasproj");
    ASSERT_EQ(read.project.duplicates.size(), 1u);
    EXPECT_EQ(read.project.duplicates[0].keep, "c");
    ASSERT_EQ(read.diagnostics.size(), 1u);
    EXPECT_EQ(read.diagnostics[0].jsonPointer, "/duplicates/0");
}

TEST(Project, AFileThatCannotBeOpenedIsFatal) {
    const ProjectReadResult missing = readProjectFile("/nonexistent/x.atlasproj");
    ASSERT_TRUE(missing.failed());
    EXPECT_EQ(missing.diagnostics[0].code, codes::kFileOpen);
}

TEST(Project, ANumberOutOfRangeIsBadJsonNotACrash) {
    const ProjectReadResult read = readProjectText(R"({"conflictAtlasProject": 1, "view": {"zoom": 1e999999}})", "big.atlasproj");
    ASSERT_TRUE(read.failed());
    EXPECT_EQ(read.diagnostics.at(0).code, codes::kJsonSyntax);
}
