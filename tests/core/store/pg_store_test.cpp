// The shared store's client side (atlas/store/pg_store.h) without a server: what names a
// database, passwords kept out of messages, and a server that is not there said clearly. The
// store against a running server is tests/db (label db, tools/dev test starts one).
#include "atlas/store/pg_store.h"

#include <gtest/gtest.h>

using namespace atlas;

TEST(PgStore, KnowsADatabaseFromAFile) {
    EXPECT_TRUE(isStoreUrl("postgresql://analyst@localhost:5432/atlas"));
    EXPECT_TRUE(isStoreUrl("postgres://localhost/atlas"));
    EXPECT_TRUE(isStoreUrl("host=/run/postgresql dbname=atlas"));
    EXPECT_TRUE(isStoreUrl("service=monitor"));
    EXPECT_FALSE(isStoreUrl("idlib-2020.atlas.json"));
    EXPECT_FALSE(isStoreUrl("/data/host=1.csv"));
}

TEST(PgStore, KeepsPasswordsOutOfWhatItSays) {
    EXPECT_EQ(redactedUrl("postgresql://analyst:s3cret@db.example/atlas"), "postgresql://analyst:***@db.example/atlas");
    EXPECT_EQ(redactedUrl("host=db dbname=atlas password=s3cret user=a"), "host=db dbname=atlas password=*** user=a");
    EXPECT_EQ(redactedUrl("postgresql://db/atlas?password=s3cret&sslmode=require"), "postgresql://db/atlas?password=***&sslmode=require");
    EXPECT_EQ(redactedUrl("postgresql://analyst@db/atlas"), "postgresql://analyst@db/atlas");
}

TEST(PgStore, AServerThatIsNotThereIsSaidWithoutThePassword) {
    std::vector<Diagnostic> problems;
    // Port 1 on the loopback: nothing listens, the refusal is immediate.
    const auto store = PgStore::connect("postgresql://analyst:s3cret@127.0.0.1:1/atlas?connect_timeout=2", problems);
    EXPECT_EQ(store, nullptr);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems.front().code, "store.connect");
    EXPECT_EQ(problems.front().severity, Severity::Fatal);
    EXPECT_NE(problems.front().message.find("cannot connect to the database"), std::string::npos);
    EXPECT_EQ(problems.front().toString().find("s3cret"), std::string::npos) << problems.front().toString();
    problems.clear();
    EXPECT_EQ(PgStore::connect("host=127.0.0.1 port=1 dbname=atlas nonsense=1", problems), nullptr);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems.front().message.find("nonsense"), std::string::npos) << problems.front().message; // libpq names the bad option
    // A string libpq cannot read, whose error would quote part of the password: not quoted back.
    problems.clear();
    EXPECT_EQ(PgStore::connect("postgresql://analyst:pa%zzss@127.0.0.1:1/atlas", problems), nullptr);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems.front().toString().find("zz"), std::string::npos) << problems.front().toString();
    EXPECT_EQ(redactedUrl("host=db password='two words' dbname=atlas"), "host=db password=*** dbname=atlas");
}
