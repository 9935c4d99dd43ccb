// Atomic writes (io/atomic_file): a reader sees the old file or the whole new one.
#include "atlas/io/atomic_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

using namespace atlas;

namespace {

std::string contents(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

TEST(AtomicFile, ReplacesTheFileWholeAndLeavesNothingBeside) {
    const auto dir = std::filesystem::temp_directory_path() / "atlas-atomic-file-test";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const auto path = dir / "out.atlas.json";
    ASSERT_TRUE(writeFileAtomically(path.string(), [](std::ostream& out) { out << "first"; }).empty());
    ASSERT_TRUE(writeFileAtomically(path.string(), [](std::ostream& out) { out << "second, longer"; }).empty());
    EXPECT_EQ(contents(path), "second, longer");
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()), 1)
        << "no temporary file left behind";
    std::filesystem::remove_all(dir);
}

TEST(AtomicFile, AFailedWriteLeavesTheOldFileAndSaysWhy) {
    const auto dir = std::filesystem::temp_directory_path() / "atlas-atomic-file-fail";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const auto path = dir / "keep.csv";
    ASSERT_TRUE(writeFileAtomically(path.string(), [](std::ostream& out) { out << "good"; }).empty());
    // The writer breaks half-way (an exception, as a full disk or a bug would).
    std::vector<Diagnostic> problems;
    try {
        problems = writeFileAtomically(path.string(), [](std::ostream& out) {
            out << "half";
            throw std::runtime_error("interrupted");
        });
    } catch (const std::exception&) {
    }
    EXPECT_EQ(contents(path), "good");
    // A folder that does not exist: nothing written, a fatal problem naming the file.
    const auto nowhere = (dir / "no-such-folder" / "x.csv").string();
    problems = writeFileAtomically(nowhere, [](std::ostream& out) { out << "x"; });
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].severity, Severity::Fatal);
    EXPECT_EQ(problems[0].code, "file.write");
    EXPECT_FALSE(std::filesystem::exists(nowhere));
    std::filesystem::remove_all(dir);
}
