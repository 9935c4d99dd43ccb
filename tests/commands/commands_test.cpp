// The headless commands run in-process (atlas::commands), as a script runs them: output,
// problems and exit codes. tests/e2e keeps a few checks of the real executable.
#include "atlas/commands/commands.h"
#include "atlas/io/native_format.h"
#include "atlas/io/project.h"

#include "run_command.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace atlas;
using namespace atlas::commands;

namespace {

const std::string kSample = ATLAS_SAMPLE_DATASET;
const std::string kData = ATLAS_TEST_DATA_DIR;

} // namespace

TEST(Commands, TheTableListsEachCommandOnce) {
    std::vector<std::string> names;
    for (const Command& c : allCommands()) names.push_back(c.name);
    EXPECT_EQ(names, (std::vector<std::string>{"info", "query", "convert", "situation", "dedupe", "aggregate", "export", "db"}));
    EXPECT_TRUE(findCommand("export")->needsQt);
    EXPECT_FALSE(findCommand("info")->needsQt);
    EXPECT_EQ(findCommand("frob"), nullptr);
}

TEST(Commands, InfoCountsTheBundledDataset) {
    const Ran ran = runCommand({"info", kSample});
    EXPECT_EQ(ran.code, kOk) << ran.err;
    EXPECT_NE(ran.out.find("events: 152"), std::string::npos) << ran.out;
    EXPECT_NE(ran.out.find("sites: 5"), std::string::npos);
}

TEST(Commands, QueryNamesAnActorByIdNameOrAlias) {
    const Ran byId = runCommand({"query", kSample, "--actor", "nlf", "--format", "json"});
    const Ran byName = runCommand({"query", kSample, "--actor", "national liberation front", "--format", "json"});
    ASSERT_EQ(byId.code, kOk) << byId.err;
    EXPECT_EQ(byName.out, byId.out);
    const LoadResult parsed = readNativeText(byId.out, "query");
    ASSERT_FALSE(parsed.failed());
    EXPECT_GT(parsed.dataset.events.size(), 5u);
    const Ran unknown = runCommand({"query", kSample, "--actor", "Nobody at all"});
    EXPECT_EQ(unknown.code, kBadInput);
    EXPECT_NE(unknown.err.find("no actor \"Nobody at all\""), std::string::npos) << unknown.err;
}

TEST(Commands, RoleSaysWhetherTheActorStruckOrWasStruck) {
    auto count = [](std::vector<std::string> args) {
        const Ran ran = runCommand(std::move(args));
        EXPECT_EQ(ran.code, kOk) << ran.err;
        return readNativeText(ran.out, "query").dataset.events.size();
    };
    const auto either = count({"query", kSample, "--actor", "Turkish Armed Forces", "--format", "json"});
    const auto by = count({"query", kSample, "--actor", "Turkish Armed Forces", "--role", "perpetrator", "--format", "json"});
    const auto against = count({"query", kSample, "--actor", "Turkish Armed Forces", "--role", "target", "--format", "json"});
    EXPECT_GT(by, 0u);
    EXPECT_GT(against, 0u);
    EXPECT_LT(by, either);
    EXPECT_LE(either, by + against); // an event can have it on both sides
    const Ran bad = runCommand({"query", kSample, "--actor", "tsk", "--role", "victim"});
    EXPECT_EQ(bad.code, kBadUsage);
    EXPECT_NE(bad.err.find("--role takes perpetrator, target or either"), std::string::npos) << bad.err;
}

TEST(Commands, AProjectStandsForItsFilesAndGivesItsFiltersAsDefaults) {
    const auto dir = std::filesystem::temp_directory_path() / "atlas-commands-project";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "data");
    std::filesystem::copy_file(kSample, dir / "data" / "idlib.atlas.json");
    Project project;
    project.files = {{(dir / "data" / "idlib.atlas.json").string(), "", 0, {}}};
    project.filter.types = {EventType::AirStrike};
    project.date = Date::parse("2020-10-26");
    project.windowDays = 7;
    const std::string path = (dir / "brief.atlasproj").string();
    ASSERT_TRUE(writeProjectFile(path, project).empty());

    auto ids = [](const Ran& ran) {
        std::vector<std::string> out;
        for (const Event& e : readNativeText(ran.out, "query").dataset.events) out.push_back(e.id);
        return out;
    };
    const Ran byProject = runCommand({"query", path, "--format", "json"});
    ASSERT_EQ(byProject.code, kOk) << byProject.err;
    const Ran byHand = runCommand({"query", kSample, "--type", "air_strike", "--from", "2020-10-20", "--to", "2020-10-26", "--format", "json"});
    ASSERT_EQ(byHand.code, kOk) << byHand.err;
    EXPECT_FALSE(ids(byHand).empty());
    EXPECT_EQ(ids(byProject), ids(byHand));
    // An option given on the command line wins over the project's.
    const Ran shelling = runCommand({"query", path, "--type", "shelling", "--format", "json"});
    const Ran shellingByHand = runCommand({"query", kSample, "--type", "shelling", "--from", "2020-10-20", "--to", "2020-10-26", "--format", "json"});
    EXPECT_EQ(ids(shelling), ids(shellingByHand));
    EXPECT_EQ(runCommand({"info", path}).out, runCommand({"info", (dir / "data" / "idlib.atlas.json").string()}).out);

    // The project moved with its data still opens; a changed file is said and the work goes on.
    std::filesystem::rename(dir, dir.string() + "-moved");
    const std::string moved = dir.string() + "-moved/brief.atlasproj";
    EXPECT_EQ(ids(runCommand({"query", moved, "--format", "json"})), ids(byHand));
    std::ofstream(dir.string() + "-moved/data/idlib.atlas.json", std::ios::app) << "\n";
    const Ran changed = runCommand({"query", moved, "--format", "json"});
    EXPECT_EQ(changed.code, kOk);
    EXPECT_NE(changed.err.find("has changed since the project was saved"), std::string::npos) << changed.err;
    // A missing file is reported by name; what remains is still answered, with exit code 1.
    std::filesystem::remove(dir.string() + "-moved/data/idlib.atlas.json");
    const Ran missing = runCommand({"query", moved});
    EXPECT_EQ(missing.code, kBadInput);
    EXPECT_NE(missing.err.find("data/idlib.atlas.json is not there"), std::string::npos) << missing.err;
    std::filesystem::remove_all(dir.string() + "-moved");
}

TEST(Commands, ExactOnlyKeepsWhatIsPlacedExactlyAndDatedToTheDay) {
    const Ran all = runCommand({"query", kSample, "--format", "json"});
    const Ran exact = runCommand({"query", kSample, "--exact-only", "--format", "json"});
    ASSERT_EQ(exact.code, kOk) << exact.err;
    const Dataset everything = readNativeText(all.out, "all").dataset;
    std::size_t expected = 0;
    for (const Event& e : everything.events)
        expected += e.place.precision == PlacePrecision::Exact && e.datePrecision == DatePrecision::Day ? 1 : 0;
    const Dataset kept = readNativeText(exact.out, "exact").dataset;
    EXPECT_GT(expected, 0u);
    EXPECT_EQ(kept.events.size(), expected);
    for (const Event& e : kept.events) EXPECT_EQ(e.place.precision, PlacePrecision::Exact) << e.id;
}

TEST(Commands, SituationSaysWhatWasInForceOnADay) {
    const Ran json = runCommand({"situation", kSample, "--date", "2020-11-05"});
    ASSERT_EQ(json.code, kOk) << json.err;
    EXPECT_NE(json.out.find("\"date\": \"2020-11-05\""), std::string::npos);
    EXPECT_NE(json.out.find("\"status\": \"evacuated\""), std::string::npos);
    EXPECT_NE(json.out.find("\"since\": \"2020-11-02\""), std::string::npos) << json.out.substr(0, 600);
    const Ran geojson = runCommand({"situation", kSample, "--date", "2020-11-05", "--format", "geojson"});
    ASSERT_EQ(geojson.code, kOk) << geojson.err;
    EXPECT_NE(geojson.out.find("\"FeatureCollection\""), std::string::npos);
    EXPECT_EQ(runCommand({"situation", kSample}).code, kBadUsage); // which day?
    EXPECT_EQ(runCommand({"situation", kSample, "--date", "2020-11-05", "--format", "kml"}).code, kBadUsage);
}

TEST(Commands, DedupeListsPairsAcrossFilesAndAProjectsMergesCountOnce) {
    const auto dir = std::filesystem::temp_directory_path() / "atlas-dedupe-test";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    auto file = [&](const char* name, const std::string& events) {
        const auto path = (dir / name).string();
        std::ofstream(path) << R"({"format":"conflict-atlas","version":1,"metadata":{"title":"T"},
            "actors":[{"id":"saa","name":"Syrian Arab Army","side":"pro_government"}],"events":[)" + events + "]}";
        return path;
    };
    const std::string acled = file("acled.atlas.json",
        R"({"id":"A1","type":"shelling","date":"2020-02-10","place":{"lat":35.8623,"lon":36.8054,"name":"Saraqib"},"perpetrators":["saa"],"killed":{"qualifier":"exact","low":4}},
           {"id":"A2","type":"shelling","date":"2020-06-01","place":{"lat":35.8623,"lon":36.8054,"name":"Saraqib"},"perpetrators":["saa"]})");
    const std::string ucdp = file("ucdp.atlas.json",
        R"({"id":"U1","type":"armed_clash","date":"2020-02-11","place":{"lat":35.9033,"lon":36.7267,"name":"Sarmin","precision":"near_town"},"perpetrators":["saa"],"sources":[{"publisher":"UCDP GED","url":"https://ucdp.uu.se"}],"killed":{"qualifier":"exact","low":5}})");
    const Ran csv = runCommand({"dedupe", acled, ucdp});
    ASSERT_EQ(csv.code, kOk) << csv.err;
    EXPECT_EQ(csv.out.substr(0, csv.out.find("\r\n")), "a_id,b_id,score,a_file,a_record,b_file,b_record,a_date,b_date,a_place,b_place,reasons");
    EXPECT_NE(csv.out.find("A1,U1,0."), std::string::npos) << csv.out;
    EXPECT_NE(csv.out.find("acled.atlas.json,events[0],ucdp.atlas.json,events[0],2020-02-10,2020-02-11,Saraqib,Sarmin"), std::string::npos) << csv.out;
    EXPECT_EQ(csv.out.find("A2"), std::string::npos); // months apart
    const Ran json = runCommand({"dedupe", acled, ucdp, "--format", "json", "--min-score", "0.5"});
    ASSERT_EQ(json.code, kOk) << json.err;
    EXPECT_NE(json.out.find("\"a_id\": \"A1\""), std::string::npos) << json.out;
    EXPECT_NE(json.out.find("\"reasons\""), std::string::npos);
    EXPECT_TRUE(runCommand({"dedupe", acled, ucdp, "--min-score", "0.999"}).out.find("A1,U1") == std::string::npos);
    EXPECT_EQ(runCommand({"dedupe", acled, "--min-score", "2"}).code, kBadUsage);

    // Merged in a project: one event, listed once, its sources from both files.
    Project project;
    project.files = {{acled, "", 0, {}}, {ucdp, "", 0, {}}};
    project.duplicates = {{"A1", "U1", DuplicateDecision::Kind::Merge}};
    const std::string projectPath = (dir / "merged.atlasproj").string();
    ASSERT_TRUE(writeProjectFile(projectPath, project).empty());
    const Ran merged = runCommand({"dedupe", projectPath});
    EXPECT_EQ(merged.out.find("A1,U1"), std::string::npos) << merged.out;
    const Ran info = runCommand({"info", projectPath});
    EXPECT_NE(info.out.find("events: 2"), std::string::npos) << info.out;
    const Ran query = runCommand({"query", projectPath, "--format", "json"});
    EXPECT_NE(query.out.find("\"merged\""), std::string::npos) << query.out.substr(0, 2000);
    EXPECT_NE(query.out.find("\"dataset\": \"ucdp.atlas.json\""), std::string::npos);
    EXPECT_NE(query.out.find("\"origin\": \"ucdp.atlas.json, events[0]\""), std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST(Commands, ConvertKeepsTheFullModelThroughGeoJsonAndSaysWhatCsvLeavesOut) {
    const auto dir = std::filesystem::temp_directory_path() / "atlas-commands-test";
    std::filesystem::create_directories(dir);
    const std::string geojson = (dir / "sample.geojson").string(), back = (dir / "back.atlas.json").string();
    ASSERT_EQ(runCommand({"convert", kSample, geojson}).code, kOk);
    ASSERT_EQ(runCommand({"convert", geojson, back}).code, kOk);
    EXPECT_EQ(writeNativeText(readNativeFile(back).dataset), writeNativeText(readNativeFile(kSample).dataset));
    const Ran csv = runCommand({"convert", kSample, (dir / "sample.csv").string()});
    EXPECT_EQ(csv.code, kOk);
    EXPECT_NE(csv.err.find("left out (CSV holds events only): 5 sites"), std::string::npos) << csv.err;
    std::filesystem::remove_all(dir);
}

TEST(Commands, ExportHandsTheRequestToTheWriter) {
    ExportRequest seen;
    std::size_t frames = 0;
    const ExportWriter writer = [&](const Dataset& dataset, const EventIndex& index, const ExportRequest& request) {
        EXPECT_EQ(dataset.events.size(), 152u);
        EXPECT_FALSE(index.select(request.filter).empty());
        seen = request;
        ++frames;
        return std::vector<Diagnostic>{};
    };
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("atlas-export-request-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string week = (dir / "week.png").string();
    const Ran ran = runCommand({"export", kSample, "--out", week, "--date", "2020-10-26", "--window", "7", "--clusters",
                                "--size", "800x600", "--type", "air_strike"}, writer);
    EXPECT_EQ(ran.code, kOk) << ran.err;
    EXPECT_EQ(frames, 1u);
    EXPECT_EQ(seen.out, week);
    EXPECT_TRUE(seen.clusters);
    EXPECT_EQ(seen.width, 800);
    EXPECT_EQ(seen.filter.to->toString(), "2020-10-26");
    EXPECT_EQ(seen.filter.from->toString(), "2020-10-20");
    EXPECT_EQ(seen.filter.types.size(), 1u);
    const Ran animation = runCommand({"export", kSample, "--out", (dir / "f.png").string(), "--date", "2020-10-20", "--each-day-until", "2020-10-22"}, writer);
    EXPECT_EQ(animation.code, kOk) << animation.err;
    EXPECT_EQ(frames, 4u) << "three frames more";
    std::filesystem::remove_all(dir);
}

// Every export records how it was made; `--recipe` turns that back into the same request —
// filters, layers and their fills, page, frames — and the same recipe to record.
TEST(Commands, ARecipeGivesTheSameRequestAgain) {
    std::vector<ExportRequest> seen;
    const ExportWriter writer = [&](const Dataset&, const EventIndex&, const ExportRequest& request) {
        seen.push_back(request);
        return std::vector<Diagnostic>{};
    };
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("atlas-export-recipe-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::string page = (dir / "page.pdf").string();
    const Ran first = runCommand({"export", kSample, "--out", page, "--paper", "A3", "--portrait", "--dpi", "200", "--date", "2020-10-31",
                                  "--window", "31", "--actor", "Russian Air Force", "--role", "perpetrator", "--type", "air_strike",
                                  "--layer", ATLAS_TEST_DATA_DIR "/layers/test-areas.geojson", "--colour-by", "events", "--subtitle", "October",
                                  "--notes", "Lower bounds.", "--incidents-as", "hexagons"},
                                 writer);
    ASSERT_EQ(first.code, kOk) << first.err;
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_EQ(seen[0].paper, "A3");
    EXPECT_EQ(seen[0].width, 1123); // A3 portrait at 96 a inch
    EXPECT_EQ(seen[0].height, 1587);
    EXPECT_EQ(seen[0].dpi, 200);
    EXPECT_EQ(seen[0].incidentsAs, "hexagons");
    EXPECT_NE(seen[0].recipe.find("\"paper\": \"A3\""), std::string::npos);
    EXPECT_EQ(seen[0].recipe.find(dir.string()), std::string::npos) << "the copy inside holds no paths";
    ASSERT_TRUE(std::filesystem::exists(page + ".recipe.json"));

    const Ran again = runCommand({"export", "--recipe", page + ".recipe.json", "--out", (dir / "again.pdf").string()}, writer);
    ASSERT_EQ(again.code, kOk) << again.err;
    ASSERT_EQ(seen.size(), 2u);
    EXPECT_EQ(seen[1].recipe, seen[0].recipe);
    EXPECT_EQ(seen[1].filter, seen[0].filter);
    EXPECT_EQ(seen[1].box->minLongitude, seen[0].box->minLongitude);
    ASSERT_EQ(seen[1].layers.size(), seen[0].layers.size());
    EXPECT_EQ(seen[1].layers[0].fills, seen[0].layers[0].fills);
    EXPECT_EQ(seen[1].notes, "Lower bounds.");

    // A video: its frames, frames a second and held frames, again from its recipe.
    const std::string video = (dir / "october.mp4").string();
    const Ran mp4 = runCommand({"export", kSample, "--out", video, "--date", "2020-10-01", "--each-day-until", "2020-10-31", "--window", "7",
                                "--fps", "2", "--hold-last", "1.5"},
                               writer);
    ASSERT_EQ(mp4.code, kOk) << mp4.err;
    ASSERT_EQ(seen.size(), 3u);
    EXPECT_EQ(seen[2].frames.size(), 31u);
    EXPECT_EQ(seen[2].fps, 2);
    EXPECT_EQ(seen[2].holdLastFrames, 3);
    EXPECT_EQ(seen[2].frames.back().filter.to->toString(), "2020-10-31");
    EXPECT_EQ(seen[2].frames.back().filter.from->toString(), "2020-10-25");
    EXPECT_EQ(seen[2].width, 1920);
    const Ran replay = runCommand({"export", "--recipe", video + ".recipe.json"}, writer);
    ASSERT_EQ(replay.code, kOk) << replay.err;
    EXPECT_EQ(seen[3].out, video) << "the recipe's own picture, by default";
    EXPECT_EQ(seen[3].frames.size(), 31u);
    EXPECT_EQ(seen[3].recipe, seen[2].recipe);

    // Refused: other options with --recipe, another format, a paper with a video.
    EXPECT_EQ(runCommand({"export", "--recipe", video + ".recipe.json", "--date", "2020-10-02"}, writer).code, kBadUsage);
    EXPECT_EQ(runCommand({"export", "--recipe", video + ".recipe.json", "--out", (dir / "x.gif").string()}, writer).code, kBadUsage);
    EXPECT_EQ(runCommand({"export", kSample, "--out", video, "--date", "2020-10-01", "--each-day-until", "2020-10-02", "--paper", "A4"}, writer).code,
              kBadUsage);
    EXPECT_EQ(runCommand({"export", kSample, "--out", (dir / "p.png").string(), "--dpi", "300"}, writer).code, kBadUsage);
    EXPECT_EQ(runCommand({"export", "--recipe", video + ".recipe.json", "--as-known-on", "2020-11-01"}, writer).code, kBadUsage);
    EXPECT_EQ(runCommand({"export", kSample, "--out", video, "--date", "2020-10-01", "--each-day-until", "2020-10-02", "--window", "7days"}, writer).code,
              kBadUsage);
    // A recipe edited by hand is checked as the command line is: a span ending before it starts.
    std::ifstream in(video + ".recipe.json");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto until = text.find("\"until\": \"2020-10-31\"");
    ASSERT_NE(until, std::string::npos);
    text.replace(until, std::string("\"until\": \"2020-10-31\"").size(), "\"until\": \"2020-09-01\"");
    std::ofstream((dir / "edited.mp4.recipe.json").string()) << text;
    const Ran edited = runCommand({"export", "--recipe", (dir / "edited.mp4.recipe.json").string()}, writer);
    EXPECT_EQ(edited.code, kBadUsage);
    EXPECT_NE(edited.err.find("ends before"), std::string::npos) << edited.err;
    EXPECT_EQ(seen.size(), 4u);
    std::filesystem::remove_all(dir);
}

TEST(Commands, BadUsageIsExitTwoWithAPointerToHelp) {
    EXPECT_EQ(runCommand({"frob"}).code, kBadUsage);
    const Ran missing = runCommand({"info", "--actor-map"});
    EXPECT_EQ(missing.code, kBadUsage);
    EXPECT_NE(missing.err.find("--actor-map needs a value"), std::string::npos);
    EXPECT_EQ(runCommand({"convert", kSample}).code, kBadUsage);
    EXPECT_EQ(runCommand({"export", kSample, "--out", "x.gif"}).code, kBadUsage);
    const Ran help = runCommand({"query", "--help"});
    EXPECT_EQ(help.code, kOk);
    EXPECT_NE(help.out.find("--min-killed"), std::string::npos);
}

TEST(Commands, AFileThatCannotBeReadIsBadInput) {
    const Ran ran = runCommand({"info", kData + "/broken.atlas.json"});
    EXPECT_EQ(ran.code, kBadInput);
    EXPECT_NE(ran.err.find("broken.atlas.json:4:"), std::string::npos) << ran.err;
}

TEST(FilterOptions, AreTakenOutOfAnyCommandLineWithOneMeaning) {
    // As the window does with its own command line: the filter options out, the rest kept.
    std::vector<std::string> args{"my.csv", "--actor", "NLF", "--date", "2020-10-26", "--type", "air_strike",
                                  "--from", "2020-10-20", "--exact-actor", "--bbox", "36,35.6,37,36.4", "--text", "camp"};
    FilterOptions options;
    EXPECT_EQ(takeFilterOptions(args, options), "");
    EXPECT_EQ(args, (std::vector<std::string>{"my.csv", "--date", "2020-10-26"}));
    EXPECT_EQ(options.actors, std::vector<std::string>{"NLF"});
    ASSERT_EQ(options.filter.types.size(), 1u);
    EXPECT_EQ(options.filter.from->toString(), "2020-10-20");
    EXPECT_FALSE(options.filter.includeSubgroups);
    ASSERT_TRUE(options.filter.box.has_value());
    EXPECT_DOUBLE_EQ(options.filter.box->maxLatitude, 36.4);
    EXPECT_EQ(options.filter.text, "camp");
    std::vector<std::string> bad{"--min-killed", "many"};
    FilterOptions unused;
    EXPECT_EQ(takeFilterOptions(bad, unused), "--min-killed takes a number");
}

TEST(FilterOptions, ActorsAreResolvedByIdNameOrAlias) {
    const LoadResult sample = readNativeFile(kSample);
    FilterOptions options;
    options.actors = {"national liberation front", "russia"};
    EXPECT_FALSE(resolveActors(sample.dataset, options).has_value());
    EXPECT_EQ(options.filter.actors, (std::vector<std::string>{"nlf", "russia"}));
    FilterOptions unknown;
    unknown.actors = {"nlf", "Nobody"};
    EXPECT_EQ(resolveActors(sample.dataset, unknown).value_or(""), "Nobody");
    EXPECT_TRUE(unknown.filter.actors.empty()) << "nothing resolved when one name is no actor's";
}

TEST(Commands, AsKnownOnReplaysWhatTwoACLEDPullsSaidOnADay) {
    const std::string older = kData + "/acled/current-export.csv", newer = kData + "/acled/newer-export.csv";
    // On 28 October: the strike's first toll, the event deleted since, not the one added later.
    // (The test exports hold two broken records on purpose: a partial load, exit 1.)
    const Ran then = runCommand({"query", older, newer, "--as-known-on", "2020-10-28", "--format", "json"});
    ASSERT_EQ(then.code, kBadInput) << then.err;
    EXPECT_NE(then.out.find("\"SYRTEST3\""), std::string::npos);
    EXPECT_EQ(then.out.find("\"SYRTEST6\""), std::string::npos);
    EXPECT_NE(then.out.find("\"low\": 78"), std::string::npos);
    EXPECT_NE(then.err.find("as known on 2020-10-28: 3 events (2 as recorded then, 1 recorded later left out, 1 deleted since brought back"),
              std::string::npos)
        << then.err;
    // The latest: what the newer pull says.
    const Ran now = runCommand({"query", older, newer, "--as-known-on", "2020-10-30", "--format", "json"});
    ASSERT_EQ(now.code, kBadInput) << now.err;
    EXPECT_EQ(now.out.find("\"SYRTEST3\""), std::string::npos);
    EXPECT_NE(now.out.find("\"SYRTEST6\""), std::string::npos);
    EXPECT_NE(now.out.find("\"low\": 79"), std::string::npos);
    // Every command takes it (here info), and a day that is no day is a usage error.
    EXPECT_NE(runCommand({"info", older, newer, "--as-known-on", "2020-10-27"}).out.find("events: 0"), std::string::npos);
    EXPECT_EQ(runCommand({"query", older, "--as-known-on", "28/10/2020"}).code, kBadUsage);
    EXPECT_EQ(runCommand({"query", older, "--as-known-on"}).code, kBadUsage);
}

TEST(Commands, ExportComparesWithAnEarlierPull) {
    ExportRequest seen;
    const ExportWriter writer = [&](const Dataset&, const EventIndex&, const ExportRequest& request) {
        seen = request;
        return std::vector<Diagnostic>{};
    };
    const Ran ran = runCommand({"export", kData + "/acled/newer-export.csv", "--compare-with", kData + "/acled/current-export.csv", "--out",
                                "changes.png"},
                               writer);
    EXPECT_EQ(ran.code, kOk) << ran.err;
    ASSERT_TRUE(seen.earlierPull);
    EXPECT_EQ(seen.changes.size(), 4u);
    EXPECT_NE(ran.err.find("1 added, 2 revised, 1 deleted"), std::string::npos) << ran.err;
    EXPECT_EQ(runCommand({"export", kSample, "--compare-with", "/nonexistent.csv", "--out", "x.png"}, writer).code, kBadInput);
}

TEST(Commands, DateFormatSaysHowToReadNumericDates) {
    const auto path = (std::filesystem::temp_directory_path() / "atlas-date-format.geojson").string();
    std::ofstream(path) << R"({"type":"FeatureCollection","features":[
      {"type":"Feature","geometry":{"type":"Point","coordinates":[36.6,35.9]},"properties":{"date":"03/04/2011"}},
      {"type":"Feature","geometry":{"type":"Point","coordinates":[36.6,35.9]},"properties":{"date":"March 2, 2011"}}]})";
    const Ran unsaid = runCommand({"query", path});
    EXPECT_NE(unsaid.err.find("1 of 1 events match"), std::string::npos) << unsaid.err;
    EXPECT_NE(unsaid.err.find("--date-format dmy or mdy"), std::string::npos) << unsaid.err;
    const Ran dmy = runCommand({"query", path, "--date-format", "dmy", "--from", "2011-04-03", "--to", "2011-04-03"});
    EXPECT_EQ(dmy.code, kOk) << dmy.err;
    EXPECT_NE(dmy.err.find("1 of 2 events match"), std::string::npos) << dmy.err;
    const Ran mdy = runCommand({"query", path, "--date-format", "mdy", "--from", "2011-03-04", "--to", "2011-03-04"});
    EXPECT_NE(mdy.err.find("1 of 2 events match"), std::string::npos) << mdy.err;
    EXPECT_EQ(runCommand({"query", path, "--date-format", "ymd"}).code, kBadUsage);
}
