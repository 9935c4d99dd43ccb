#include "atlas/io/edit_journal.h"

#include "atlas/io/native_format.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace atlas;

namespace {

std::string journalPath(const char* name) {
    const auto path = std::filesystem::path(::testing::TempDir()) / name;
    std::filesystem::remove(path);
    return path.string();
}

Dataset sample() {
    LoadResult read = readNativeFile(ATLAS_SAMPLE_DATASET);
    EXPECT_FALSE(read.failed());
    return std::move(read.dataset);
}

} // namespace

TEST(EditJournal, EditsWrittenOneByOneReadBackWhole) {
    const Dataset dataset = sample();
    const std::string path = journalPath("whole.jsonl");
    Event changed = dataset.events.at(1);
    changed.killed = *parseCasualtyText("more than 78");
    changed.description = "quotes \" and\nnewlines survive";
    // Sites, lines and areas go in the same journal, each line saying its kind.
    ASSERT_FALSE(dataset.sites.empty() || dataset.lines.empty() || dataset.areas.empty());
    SiteStatusChange evacuated;
    evacuated.date = *Date::parse("2020-02-01");
    evacuated.status = SiteStatus::Evacuated;
    evacuated.note = "withdrawn";
    Line moved = dataset.lines.front();
    moved.path.push_back({35.9, 36.1});
    moved.validity.to = *Date::parse("2021-01-01");
    const std::vector<Edit> edits{EventEdit{dataset.events.at(1), changed},
                                  EventEdit{dataset.events.at(2), std::nullopt},
                                  EventEdit{std::nullopt, dataset.events.at(2)},
                                  SiteEdit{dataset.sites.front(), withStatusChange(dataset.sites.front(), evacuated)},
                                  LineEdit{dataset.lines.front(), moved},
                                  AreaEdit{dataset.areas.front(), std::nullopt}};
    Actor made;
    made.id = "hamza-division";
    made.name = "Hamza Division";
    made.side = Side::Opposition;
    ASSERT_TRUE(appendActorToJournal(path, "/data/x.atlas.json", made).empty());
    for (const Edit& edit : edits) ASSERT_TRUE(appendToJournal(path, "/data/x.atlas.json", edit).empty());
    std::vector<Diagnostic> problems;
    const auto journal = readJournal(path, problems);
    ASSERT_TRUE(journal);
    EXPECT_TRUE(problems.empty());
    EXPECT_EQ(journal->source, "/data/x.atlas.json");
    EXPECT_EQ(journal->edits, edits);
    EXPECT_EQ(journal->actors, std::vector<Actor>{made});
}

TEST(EditJournal, ALastLineCutShortIsLeftOutWithAWarning) {
    const Dataset dataset = sample();
    const std::string path = journalPath("cut.jsonl");
    ASSERT_TRUE(appendToJournal(path, "store", EventEdit{dataset.events.at(0), std::nullopt}).empty());
    ASSERT_TRUE(appendToJournal(path, "store", EventEdit{dataset.events.at(1), std::nullopt}).empty());
    // The machine stopped in the middle of the third line.
    std::filesystem::resize_file(path, std::filesystem::file_size(path) - 40);
    std::vector<Diagnostic> problems;
    const auto journal = readJournal(path, problems);
    ASSERT_TRUE(journal);
    ASSERT_EQ(journal->edits.size(), 1u);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems.front().code, "journal.cut");
    EXPECT_EQ(problems.front().line, 3);
    // The next run's edits go on a line of their own, and are read with the first.
    ASSERT_TRUE(appendToJournal(path, "store", EventEdit{dataset.events.at(2), std::nullopt}).empty());
    problems.clear();
    const auto later = readJournal(path, problems);
    ASSERT_TRUE(later);
    ASSERT_EQ(later->edits.size(), 2u);
    EXPECT_EQ(std::get<EventEdit>(later->edits[1]).before, dataset.events.at(2));
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems.front().code, "journal.cut");
}

TEST(EditJournal, ABadLineIsNamedAndTheEditsBeforeItKept) {
    const Dataset dataset = sample();
    const std::string path = journalPath("bad.jsonl");
    ASSERT_TRUE(appendToJournal(path, "x", EventEdit{dataset.events.at(0), std::nullopt}).empty());
    std::ofstream(path, std::ios::app) << "{\"before\": null, \"after\": {\"id\": 5}}\n";
    std::vector<Diagnostic> problems;
    const auto journal = readJournal(path, problems);
    ASSERT_TRUE(journal);
    EXPECT_EQ(journal->edits.size(), 1u);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems.front().code, "journal.line");
    EXPECT_EQ(problems.front().line, 3);

    std::ofstream(journalPath("not.jsonl")) << "{\"format\": \"conflict-atlas\"}\n";
    problems.clear();
    EXPECT_FALSE(readJournal(journalPath("missing.jsonl"), problems));
    EXPECT_EQ(problems.front().code, "file.open");
}

TEST(EditJournal, AnUnknownKindIsNamed) {
    const Dataset dataset = sample();
    const std::string path = journalPath("kind.jsonl");
    ASSERT_TRUE(appendToJournal(path, "x", EventEdit{dataset.events.at(0), std::nullopt}).empty());
    std::ofstream(path, std::ios::app) << "{\"kind\": \"bridge\", \"before\": null, \"after\": {\"id\": \"b\"}}\n";
    std::vector<Diagnostic> problems;
    const auto journal = readJournal(path, problems);
    ASSERT_TRUE(journal);
    EXPECT_EQ(journal->edits.size(), 1u);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems.front().message.find("\"bridge\" is no kind of edit"), std::string::npos) << problems.front().message;
}
