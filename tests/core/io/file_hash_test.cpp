// Content hashes (io/file_hash): the published SHA-256 test vectors, and files.
#include "atlas/io/file_hash.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace atlas;

TEST(FileHash, MatchesThePublishedSha256Vectors) {
    // FIPS 180-2 examples.
    EXPECT_EQ(sha256OfBytes(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256OfBytes("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256OfBytes("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(FileHash, HashesAFileAcrossBlocksAndSaysWhenThereIsNone) {
    const auto path = std::filesystem::temp_directory_path() / "atlas-file-hash-test.bin";
    std::string bytes(3 * (1 << 20) + 17, '\0'); // more than one block, not a whole number of them
    for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 131 % 251);
    {
        std::ofstream out(path, std::ios::binary);
        out << bytes;
    }
    EXPECT_EQ(sha256OfFile(path.string()), sha256OfBytes(bytes));
    std::filesystem::remove(path);
    EXPECT_FALSE(sha256OfFile(path.string()).has_value());
}
