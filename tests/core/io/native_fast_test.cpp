// The fast road through native events (io/native_fast): what it reads is what the exact reader
// reads — every event, every problem and where it is — and what it cannot be sure of, it hands
// back.
#include "atlas/io/native_fast.h"

#include "atlas/io/native_format.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

using namespace atlas;

namespace {

std::string fileText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void expectSameAsExact(const std::string& text, const std::string& what) {
    SCOPED_TRACE(what);
    const LoadResult fast = readNativeText(text, "t.atlas.json");
    const LoadResult exact = detail::readNativeTextExact(text, "t.atlas.json");
    ASSERT_EQ(fast.diagnostics.size(), exact.diagnostics.size());
    for (std::size_t i = 0; i < fast.diagnostics.size(); ++i) EXPECT_EQ(fast.diagnostics[i].toString(), exact.diagnostics[i].toString());
    EXPECT_EQ(fast.dataset.events, exact.dataset.events);
    EXPECT_EQ(writeNativeText(fast.dataset), writeNativeText(exact.dataset));
}

// A document with these events (JSON texts) and one actor.
std::string document(const std::string& events) {
    return R"({"format": "conflict-atlas", "version": 1, "actors": [{"id": "a", "name": "A"}], "events": [)" + events + "]}";
}

const std::string kPlain =
    R"({"id": "e1", "type": "air_strike", "date": "2020-10-26", "place": {"lat": 36.1, "lon": 36.6, "name": "Kafr Takharim",)"
    R"( "precision": "near_town"}, "perpetrators": ["a"], "killed": {"qualifier": "more_than", "low": 78}, "sources": [)"
    R"({"publisher": "SOHR", "title": "t", "url": "https://example.org"}], "zeta": "z\n\"q\"", "alpha": 3, "mid": true})";

} // namespace

TEST(NativeFastRoad, ReadsTheBundledAndTestFilesAsTheExactReaderDoes) {
    for (const char* path : {ATLAS_SAMPLE_DATASET, ATLAS_TEST_DATA_DIR "/broken.atlas.json",
                             ATLAS_TEST_DATA_DIR "/scene/hole-and-corridor.atlas.json"})
        expectSameAsExact(fileText(path), path);
}

TEST(NativeFastRoad, HandsBackWhatItCannotBeSureOf) {
    detail::FastEventDecoder decoder;
    auto decode = [&](const std::string& text) { return decoder.decode((text + std::string(detail::kJsonPadding, ' ')).substr(0, text.size())); };
    const auto plain = decode(kPlain);
    ASSERT_TRUE(plain);
    EXPECT_EQ(plain->place.name, "Kafr Takharim");
    EXPECT_EQ(plain->killed.toText(), "more than 78");
    // Unknown fields in key order, as the exact reader's map gives them.
    const ExtraFields extra{{"alpha", "3"}, {"mid", "true"}, {"zeta", "\"z\\n\\\"q\\\"\""}};
    EXPECT_EQ(plain->extra, extra);
    auto with = [&](const std::string& from, const std::string& to) {
        std::string text = kPlain;
        text.replace(text.find(from), from.size(), to);
        return text;
    };
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {R"("air_strike")", R"("carpet_bombing")"},           // an unknown type: warned about
             {R"("sources": [)", R"("sourcez": [)"},               // no sources: warned about
             {R"("lat": 36.1)", R"("lat": 136.1)"},                // out of range
             {R"("alpha": 3)", R"("alpha": 3.5)"},                 // a fraction kept as an extra: its text is the exact reader's
             {R"("alpha": 3)", R"("alpha": {"x": 1})"},            // an object kept as an extra
             {R"("mid": true)", R"("mid": true, "mid": false)"},   // a repeated key
             {R"("id": "e1")", R"("id": "e1", "id": "e2")"},
             {R"("zeta": "z)", R"("zeta": "\u00e9z)"},              // a \u escape
             {R"("low": 78)", R"("low": 78.0)"},                   // not a whole number
             {R"("low": 78)", R"("low": -1)"},
             {R"("near_town")", R"(7)"},
             {R"("date": "2020-10-26")", R"("date": "2020-02-30")"},
             {R"("perpetrators": ["a"])", R"("perpetrators": ["a", 1])"},
             {R"("title": "t")", R"("title": null, "date": 5)"},
             {R"({"id")", R"([{"id")"},                            // not an object (and not JSON)
         })
        EXPECT_FALSE(decode(with(from, to))) << to;
    // null is as absent, the exact reader's rule.
    EXPECT_TRUE(decode(with(R"("title": "t")", R"("title": null)")));
}

TEST(NativeFastRoad, DocumentsWithProblemsReadAsTheExactReaderReadsThem) {
    const std::string second = R"({"id": "e2", "type": "shelling", "date": "2020-10-27", "place": {"lat": 36, "lon": 36}, "sources": [],)"
                               R"( "links": [{"event": "e1", "relation": "retaliation_for"}, {"event": "nowhere"}], "targets": ["b"]})";
    const std::vector<std::pair<std::string, std::string>> cases{
        {"plain", document(kPlain + "," + second)},
        {"a repeated id, fast then fast", document(kPlain + "," + kPlain)},
        {"a repeated id after a skipped event", document(R"({"id": "e1", "type": "x"},)" + kPlain)},
        {"problems among plain events", document(kPlain + R"(, {"id": "e3", "type": "shelling", "date": "2020-13-01"}, 5, )" + second)},
        {"an unknown extra of every kind", document(R"({"id": "e9", "type": "other", "date": "2020-01-01", "place": {"lat": 1, "lon": 2,)"
                                                    R"( "k": [1, {"a": null}]}, "sources": [{"publisher": "p", "n": 1e3}]})")},
        {"a syntax error inside an event", document(kPlain + R"(, {"id": "e2", "type": })")},
        {"a syntax error after the events", document(kPlain) + ","},
        {"no events member", R"({"format": "conflict-atlas", "version": 1})"},
        {"events not an array", R"({"format": "conflict-atlas", "version": 1, "events": {}})"},
        {"events twice", R"({"format": "conflict-atlas", "version": 1, "events": [], "events": [)" + kPlain + "]}"},
        {"an escaped key", R"({"format": "conflict-atlas", "version": 1, "ev\u0065nts": [)" + kPlain + "]}"},
        {"a newer version", R"({"format": "conflict-atlas", "version": 99, "events": [)" + kPlain + "]}"},
        {"sections after the events", R"({"format": "conflict-atlas", "events": [)" + kPlain + R"(], "version": 1, "actors": [{"id": "a"}]})"},
        {"not an object", "[1, 2]"},
        {"empty", ""},
    };
    for (const auto& [what, text] : cases) expectSameAsExact(text, what);
}

TEST(NativeFastRoad, FindsTheEventsArrayAndEachElement) {
    const std::string text = R"({"a": {"events": [1]}, "events": [ {"s": "]}\""}, 2 , [3] ], "z": "x"})";
    const auto layout = detail::scanNativeEvents(text);
    ASSERT_TRUE(layout);
    ASSERT_EQ(layout->elements.size(), 3u);
    EXPECT_EQ(text.substr(layout->elements[0].begin, layout->elements[0].end - layout->elements[0].begin), R"({"s": "]}\""})");
    EXPECT_EQ(text.substr(layout->elements[1].begin, layout->elements[1].end - layout->elements[1].begin), "2");
    EXPECT_EQ(text[layout->arrayOpen], '[');
    EXPECT_EQ(text[layout->arrayClose], ']');
    EXPECT_FALSE(detail::scanNativeEvents(R"({"events": [1, 2)"));
    EXPECT_FALSE(detail::scanNativeEvents(R"({"events": [1] "x": 2})"));
}

// Large enough for several batches, so the read copy's pages are handed back while reading:
// problems after that still get their lines and columns (from the source), from text and file.
TEST(NativeFastRoad, PositionsSurviveTheCopyBeingSpent) {
    std::string events;
    for (int i = 0; i < 9000; ++i) {
        std::string event = kPlain;
        event.replace(event.find(R"("e1")"), 4, "\"e" + std::to_string(i) + "\"");
        if (i == 8000) event.replace(event.find(R"("a"])"), 4, R"("nobody"])"); // an unknown actor
        events += (i ? ",\n" : "") + event;
    }
    events += R"(, {"id": "e5", "type": "shelling", "date": "2020-10-27", "place": {"lat": 36, "lon": 36}, "sources": []})";
    const std::string text = document(events);
    expectSameAsExact(text, "9,001 events");
    const LoadResult fromText = readNativeText(text, "t.atlas.json");
    ASSERT_EQ(fromText.dataset.events.size(), 9000u) << (fromText.diagnostics.empty() ? "" : fromText.diagnostics[0].toString());
    ASSERT_EQ(fromText.diagnostics.size(), 2u); // the repeated id, the unknown actor
    EXPECT_EQ(fromText.diagnostics[0].line, 9000); // event i starts line i + 1; the repeat follows the last
    EXPECT_EQ(fromText.diagnostics[1].line, 8001);

    const std::string path = testing::TempDir() + "native-fast-positions.atlas.json";
    std::ofstream(path, std::ios::binary) << text;
    const LoadResult fromFile = readNativeFile(path);
    ASSERT_EQ(fromFile.diagnostics.size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) {
        EXPECT_EQ(fromFile.diagnostics[i].line, fromText.diagnostics[i].line);
        EXPECT_EQ(fromFile.diagnostics[i].column, fromText.diagnostics[i].column);
    }
    EXPECT_EQ(fromFile.dataset.events, fromText.dataset.events);
}
