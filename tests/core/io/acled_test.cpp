// The ACLED reader on hand-written fixtures (tests/data/acled) and on bad input: every quirk of the published layouts loads, and nothing malformed crashes or passes silently.
#include "atlas/io/acled.h"
#include "event_lookup.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>

using namespace atlas;
using atlas::test::byId;
using atlas::test::extra;

namespace {

const std::string kDir = ATLAS_TEST_DATA_DIR "/acled/";

LoadResult readText(const std::string& text) {
    std::istringstream in(text);
    return readAcledCsv(in, "test.csv");
}

} // namespace

TEST(AcledDates, AcceptsTheFormsExportsUse) {
    EXPECT_EQ(parseAcledDate("2020-10-26"), Date::parse("2020-10-26"));
    EXPECT_EQ(parseAcledDate("26 October 2020"), Date::parse("2020-10-26"));
    EXPECT_EQ(parseAcledDate("26-Oct-20"), Date::parse("2020-10-26"));
    EXPECT_EQ(parseAcledDate("03-Jan-97"), Date::parse("1997-01-03"));
    EXPECT_EQ(parseAcledDate("26/10/2020"), Date::parse("2020-10-26"));
    EXPECT_FALSE(parseAcledDate("30 February 2020"));
    EXPECT_FALSE(parseAcledDate("yesterday"));
    EXPECT_FALSE(parseAcledDate(""));
}

TEST(AcledReader, ReadsTheCurrentExport) {
    const LoadResult r = readAcledCsvFile(kDir + "current-export.csv");
    ASSERT_FALSE(r.failed());
    EXPECT_TRUE(r.partial()) << "two records are bad and skipped";
    ASSERT_EQ(r.dataset.events.size(), 3u);

    const std::optional<Event> strike = byId(r.dataset, "SYRTEST1");
    ASSERT_TRUE(strike.has_value());
    EXPECT_EQ(strike->type, EventType::AirStrike);
    EXPECT_EQ(strike->date, *Date::parse("2020-10-26"));
    EXPECT_EQ(strike->datePrecision, DatePrecision::Day);
    EXPECT_EQ(strike->place.precision, PlacePrecision::Exact); // geo_precision 1: the town named
    EXPECT_EQ(strike->place.name, "Kafr Takharim");
    EXPECT_EQ(strike->place.admin1, "Idlib");
    EXPECT_EQ(strike->place.admin2, "Harim");
    EXPECT_DOUBLE_EQ(strike->place.point.latitude, 36.1164);
    EXPECT_EQ(strike->killed.qualifier, CountQualifier::AtLeast);
    EXPECT_EQ(strike->killed.low, 78);
    EXPECT_EQ(strike->description, "Test record, not a real event: notes with a comma, a \"quoted\" word\nand a line break.");
    ASSERT_EQ(strike->sources.size(), 2u);
    EXPECT_EQ(strike->sources[1].publisher, "Second Test Agency");
    ASSERT_EQ(strike->targets.size(), 2u) << "actor2 and its associated actor";
    EXPECT_EQ(r.dataset.sideOfActor(strike->perpetrators[0]), Side::RussianForces);
    EXPECT_EQ(r.dataset.sideOfActor(strike->targets[0]), Side::Opposition);
    EXPECT_EQ(r.dataset.sideOfActor("ndf-national-defence-forces"), Side::ProGovernment) << "the loyalist militia, by its ACLED name";
    EXPECT_EQ(extra(*strike, "acled_sub_event_type"), "\"Air/drone strike\"");
    EXPECT_EQ(extra(*strike, "acled_admin3"), "\"Kafr Takharim\"");
    EXPECT_EQ(strike->tags, (std::vector<std::string>{"casualties estimated"}));

    const std::optional<Event> clash = byId(r.dataset, "SYRTEST2");
    ASSERT_TRUE(clash.has_value());
    EXPECT_EQ(clash->killed.low, 7) << "the later record revises the earlier one";
    EXPECT_NE(clash->description.find("revised"), std::string::npos);

    const std::optional<Event> attack = byId(r.dataset, "SYRTEST3");
    ASSERT_TRUE(attack.has_value());
    EXPECT_EQ(attack->date, *Date::parse("2020-10-27"));
    EXPECT_EQ(attack->datePrecision, DatePrecision::Month);
    EXPECT_EQ(attack->place.precision, PlacePrecision::Governorate);
    EXPECT_TRUE(attack->civilianTargeting);
    EXPECT_EQ(attack->type, EventType::AttackOnCivilians);

    // The skipped records are named with line, column and field.
    std::vector<std::string> messages;
    for (const auto& d : r.diagnostics) messages.push_back(d.toString());
    const auto mentions = [&](const std::string& needle) {
        return std::any_of(messages.begin(), messages.end(), [&](const std::string& m) { return m.find(needle) != std::string::npos; });
    };
    EXPECT_TRUE(mentions("current-export.csv:6:")) << "latitude 200 on line 6";
    EXPECT_TRUE(mentions("column latitude"));
    EXPECT_TRUE(mentions("column event_date")) << "the bad date";
    // Each actor is created once, however often it appears.
    const auto hts = std::count_if(r.dataset.actors.begin(), r.dataset.actors.end(),
                                   [](const Actor& a) { return a.name == "HTS: Hayat Tahrir al Sham"; });
    EXPECT_EQ(hts, 1);
}

TEST(AcledReader, ReadsAnOlderLayoutWithIndexColumnAndNumericCodes) {
    const LoadResult r = readAcledCsvFile(kDir + "older-export.csv");
    ASSERT_FALSE(r.failed());
    EXPECT_FALSE(r.partial());
    ASSERT_EQ(r.dataset.events.size(), 2u);
    const std::optional<Event> shelling = byId(r.dataset, "SYRTEST10");
    ASSERT_TRUE(shelling.has_value());
    EXPECT_EQ(shelling->type, EventType::Shelling);
    EXPECT_EQ(r.dataset.sideOfActor(shelling->perpetrators[0]), Side::ProGovernment);
    EXPECT_EQ(extra(*shelling, "acled_iso3"), "\"SYR\"");
    EXPECT_EQ(extra(*shelling, "acled_data_id"), "\"9001\"");
    const std::optional<Event> clash = byId(r.dataset, "SYRTEST11");
    ASSERT_TRUE(clash.has_value());
    EXPECT_EQ(clash->date, *Date::parse("2019-12-24"));
    EXPECT_EQ(clash->perpetrators.size(), 2u) << "ally_actor_1 is an associated actor";
    EXPECT_EQ(r.dataset.sideOfActor(clash->perpetrators[0]), Side::TurkishForces);
    EXPECT_EQ(r.dataset.sideOfActor(clash->targets[0]), Side::KurdishLed);
}

TEST(AcledReader, BadInputGivesDiagnosticsNeverACrash) {
    EXPECT_TRUE(readText("").failed());
    EXPECT_TRUE(readText("\n\n").failed());
    const LoadResult notAcled = readText("name,age\nx,3\n");
    ASSERT_TRUE(notAcled.failed());
    EXPECT_NE(notAcled.diagnostics[0].message.find("event_date"), std::string::npos);
    // Truncated in the middle of a quoted note.
    const LoadResult truncated = readText("event_id_cnty,event_date,latitude,longitude,notes\nA1,2020-01-01,35,36,\"cut off");
    EXPECT_FALSE(truncated.failed());
    EXPECT_EQ(truncated.dataset.events.size(), 1u);
    EXPECT_FALSE(truncated.diagnostics.empty());
    // Wrong field counts and wrong types.
    const LoadResult wrong = readText("event_id_cnty,event_date,latitude,longitude,fatalities\nA1,2020-01-01,35\n"
                                      "A2,2020-01-01,north,36,1\nA3,2020-01-01,35,36,many\n");
    EXPECT_EQ(wrong.dataset.events.size(), 1u);
    EXPECT_EQ(wrong.diagnostics.size(), 3u);
    EXPECT_FALSE(wrong.dataset.events[0].killed.known());
    // A 50 MB single line, and binary garbage.
    EXPECT_TRUE(readText(std::string(50u << 20, 'x')).failed());
    std::mt19937 random(1);
    std::string garbage(1 << 20, '\0');
    for (char& c : garbage) c = static_cast<char>(random());
    EXPECT_TRUE(readText(garbage).failed());
    EXPECT_TRUE(readAcledCsvFile(kDir + "no-such-file.csv").failed());
}

namespace {

// Every field of two loads, diagnostics included.
void expectSameLoad(const LoadResult& a, const LoadResult& b, const std::string& what) {
    SCOPED_TRACE(what);
    EXPECT_EQ(a.dataset.events, b.dataset.events);
    EXPECT_EQ(a.dataset.actors, b.dataset.actors);
    ASSERT_EQ(a.diagnostics.size(), b.diagnostics.size());
    for (std::size_t i = 0; i < a.diagnostics.size(); ++i) EXPECT_EQ(a.diagnostics[i].toString(), b.diagnostics[i].toString());
}

LoadResult readInBlocks(const std::string& text, std::size_t blockBytes) {
    std::istringstream in(text);
    return detail::readAcledCsvInBlocks(in, "test.csv", text.size(), blockBytes);
}

} // namespace

// The file is cut into blocks parsed apart (on several cores) and joined: however it is cut,
// the result is the one-record-at-a-time reading's — events, actors and their ids and sides,
// revisions, diagnostics and their lines.
TEST(AcledReader, HowTheFileIsCutIntoBlocksChangesNothing) {
    std::vector<std::pair<std::string, std::string>> inputs;
    for (const char* name : {"current-export.csv", "older-export.csv", "newer-export.csv"}) {
        std::ifstream file(kDir + name, std::ios::binary);
        inputs.emplace_back(name, std::string(std::istreambuf_iterator<char>(file), {}));
    }
    // Revisions across blocks, an actor first met as an associate then as actor1 (its inter
    // code comes from where it was first met), ids that clash once made from names, quoted
    // notes with line breaks and doubled quotes, CRLF, stray quotes and a wrong field count.
    inputs.emplace_back("made", "\xEF\xBB\xBF"
                                "event_id_cnty,event_date,actor1,assoc_actor_1,inter1,actor2,inter2,latitude,longitude,notes,fatalities\r\n"
                                "E1,2020-01-01,Rebels A,Militia B; HTS: Hayat Tahrir al Sham,2,Militia B,3,35,36,\"first, \"\"quoted\"\"\nnote\",1\r\n"
                                "E2,2020-01-02,Militia B,,4,rebels a,,35.1,36.1,plain,2\n"
                                "E3,2020-01-03,Rebels-A,,2,,,35.2,36.2,x\"y,3\n"
                                "E1,2020-01-04,Rebels A,,2,,,35.3,36.3,\"revised\"z,4\n"
                                "E4,2020-01-05,,,,,,35.4\n"
                                "E5,not a date,,,,,,35.5,36.5,,\n"
                                "E2,2020-01-06,New actor,,1,,,35.6,36.6,second revision,many\n"
                                "E6,2020-01-07,,,,,,35.7,36.7,\"never closed\n"
                                "E7,2020-01-08,,,,,,35.8,36.8,,\n");
    for (const auto& [name, text] : inputs) {
        const LoadResult whole = readText(text);
        ASSERT_FALSE(whole.dataset.events.empty()) << name;
        for (const std::size_t blockBytes : {std::size_t{1}, std::size_t{3}, std::size_t{17}, std::size_t{64}, std::size_t{301}})
            expectSameLoad(whole, readInBlocks(text, blockBytes), name + " in blocks of " + std::to_string(blockBytes) + " bytes");
    }
    // What the made-up file reads as (so the comparison above compares something).
    const LoadResult made = readText(inputs.back().second);
    EXPECT_EQ(made.dataset.events.size(), 3u); // E1 (revised), E2 (revised), E3; E6's open quote swallows E7
    ASSERT_TRUE(byId(made.dataset, "E1"));
    EXPECT_EQ(byId(made.dataset, "E1")->description, "revisedz");
    EXPECT_EQ(made.dataset.events[0].id, "E1");
    EXPECT_EQ(made.dataset.events[1].id, "E2");
    EXPECT_EQ(byId(made.dataset, "E2")->perpetrators, std::vector<std::string>{"new-actor"});
    EXPECT_EQ(made.dataset.actors.size(), 6u);
    EXPECT_EQ(made.dataset.actors[0].id, "rebels-a");
    EXPECT_EQ(made.dataset.actors[0].side, Side::Opposition);  // inter1 2
    EXPECT_EQ(made.dataset.actors[1].id, "militia-b");
    EXPECT_EQ(made.dataset.actors[1].side, Side::Unknown);     // first met as an associate: no inter code
    EXPECT_EQ(made.dataset.actors[2].side, Side::Jihadist);    // by its name
    EXPECT_EQ(made.dataset.actors[3].id, "rebels-a-2");        // "rebels a"
    EXPECT_EQ(made.dataset.actors[4].id, "rebels-a-3");        // "Rebels-A"
    EXPECT_EQ(made.dataset.actors[5].id, "new-actor");
    std::vector<int> lines;
    for (const Diagnostic& d : made.diagnostics) lines.push_back(d.line);
    // E1's note takes lines 2-3: E3's and E1's stray quotes (5, 6), E4's field count (7), E5's
    // date (8), E2's casualties (9), E6's unclosed quote and so its field count (10).
    EXPECT_EQ(lines, (std::vector<int>{5, 6, 7, 8, 9, 10, 10}));
}
