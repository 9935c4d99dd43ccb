// The shared store (atlas/store/pg_store.h) against a real PostgreSQL + PostGIS server: the
// one `tools/dev test` starts (tools/dev db start) and names in ATLAS_TEST_DATABASE. Each test
// works in a schema of its own, dropped after.
#include "atlas/io/native_format.h"
#include "atlas/query/query.h"
#include "atlas/store/pg_store.h"

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <cstdlib>
#include <string>
#include <unistd.h>

using namespace atlas;

namespace {

const Dataset& sample() {
    static const Dataset dataset = [] {
        LoadResult read = readNativeFile(ATLAS_SAMPLE_DATASET);
        EXPECT_FALSE(read.failed());
        return std::move(read.dataset);
    }();
    return dataset;
}

// Runs SQL as the server's owner (the test cluster's superuser); true when it worked.
bool admin(const std::string& url, const std::string& sql) {
    PGconn* connection = PQconnectdb(url.c_str());
    bool ok = PQstatus(connection) == CONNECTION_OK;
    if (ok) {
        PQclear(PQexec(connection, "SET client_min_messages = warning")); // no NOTICE of what a DROP cascades to
        PGresult* result = PQexec(connection, sql.c_str());
        ok = PQresultStatus(result) == PGRES_COMMAND_OK || PQresultStatus(result) == PGRES_TUPLES_OK;
        if (!ok) ADD_FAILURE() << PQresultErrorMessage(result);
        PQclear(result);
    } else {
        ADD_FAILURE() << PQerrorMessage(connection);
    }
    PQfinish(connection);
    return ok;
}

class Store : public ::testing::Test {
protected:
    void SetUp() override {
        const char* url = std::getenv("ATLAS_TEST_DATABASE");
        if (!url || !*url) GTEST_SKIP() << "no test server: tools/dev test starts one (tools/dev db start), named in ATLAS_TEST_DATABASE";
        m_base = url;
        static int tests = 0;
        m_schema = "atlas_test_" + std::to_string(::getpid()) + "_" + std::to_string(++tests);
        ASSERT_TRUE(admin(m_base, "CREATE EXTENSION IF NOT EXISTS postgis WITH SCHEMA public; DROP SCHEMA IF EXISTS " + m_schema +
                                      " CASCADE; CREATE SCHEMA " + m_schema));
    }
    void TearDown() override {
        if (!m_schema.empty()) admin(m_base, "DROP SCHEMA IF EXISTS " + m_schema + " CASCADE; DROP ROLE IF EXISTS " + m_schema + "_reader");
    }
    // The test server's URL working in this test's schema (as `user`, by default the owner).
    [[nodiscard]] std::string url(const std::string& user = "") const {
        std::string out = m_base + (m_base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + m_schema + "%2Cpublic";
        if (!user.empty()) out += "&user=" + user;
        return out;
    }
    std::unique_ptr<PgStore> connected(const std::string& user = "") {
        std::vector<Diagnostic> problems;
        auto store = PgStore::connect(url(user), problems);
        EXPECT_TRUE(problems.empty()) << (problems.empty() ? "" : problems.front().toString());
        return store;
    }
    std::string m_base, m_schema;
};

} // namespace

TEST_F(Store, InitMakesTheSchemaAndStatusSaysWhatItHolds) {
    auto store = connected();
    ASSERT_TRUE(store);
    std::vector<Diagnostic> problems;
    auto before = store->status(problems);
    ASSERT_TRUE(before);
    EXPECT_EQ(before->schemaVersion, 0);
    EXPECT_NE(before->server.find("PostGIS 3"), std::string::npos) << before->server;
    ASSERT_TRUE(store->init().empty());
    ASSERT_TRUE(store->init().empty()) << "a second init finds the schema current";
    const auto after = store->status(problems);
    ASSERT_TRUE(after);
    EXPECT_EQ(after->schemaVersion, kStoreSchemaVersion);
    EXPECT_TRUE(after->canWrite);
    EXPECT_EQ(after->events, 0u);
}

TEST_F(Store, WhatIsPushedIsPulledBackTheSame) {
    auto store = connected();
    ASSERT_TRUE(store && store->init().empty());
    std::vector<Diagnostic> problems;
    const auto pushed = store->push(sample(), problems);
    ASSERT_TRUE(pushed) << (problems.empty() ? "" : problems.front().toString());
    EXPECT_EQ(pushed->added, sample().events.size());
    const LoadResult pulled = store->pull({});
    ASSERT_FALSE(pulled.failed()) << pulled.diagnostics.front().toString();
    EXPECT_EQ(writeNativeText(pulled.dataset), writeNativeText(sample()));
    const auto status = store->status(problems);
    EXPECT_EQ(status->events, sample().events.size());
    EXPECT_EQ(status->sites, sample().sites.size());
    EXPECT_EQ(status->areas, sample().areas.size());
}

TEST_F(Store, APushChangesOnlyWhatDiffersAndKeepsTheEarlierVersion) {
    auto store = connected();
    ASSERT_TRUE(store && store->init().empty());
    std::vector<Diagnostic> problems;
    ASSERT_TRUE(store->push(sample(), problems));
    const auto again = store->push(sample(), problems);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->added, 0u);
    EXPECT_EQ(again->changed, 0u);
    EXPECT_EQ(again->unchanged, sample().events.size());
    const auto history = store->status(problems)->changes;

    Dataset corrected = subset(sample(), std::vector<std::uint32_t>{0});
    Event first = corrected.events.at(0);
    first.description += " (corrected)";
    corrected.events.set(0, first);
    const auto pushed = store->push(corrected, problems);
    ASSERT_TRUE(pushed) << (problems.empty() ? "" : problems.front().toString());
    EXPECT_EQ(pushed->changed, 1u);
    EXPECT_EQ(store->status(problems)->changes, history + 1) << "the earlier version kept";
    const LoadResult pulled = store->pull({});
    ASSERT_FALSE(pulled.failed());
    EXPECT_EQ(pulled.dataset.events.size(), sample().events.size()) << "nothing else dropped";
    EXPECT_EQ(pulled.dataset.events.at(0).description, first.description);
}

TEST_F(Store, APullOfSomeDaysAndAnAreaIsWhatTheEngineFinds) {
    auto store = connected();
    ASSERT_TRUE(store && store->init().empty());
    std::vector<Diagnostic> problems;
    ASSERT_TRUE(store->push(sample(), problems));
    EventFilter filter;
    filter.from = Date::parse("2020-02-01");
    filter.to = Date::parse("2020-03-15");
    filter.box = GeoBox{36.2, 35.4, 37.0, 36.2};
    filter.types = {EventType::AirStrike, EventType::Shelling};
    const LoadResult pulled = store->pull(filter);
    ASSERT_FALSE(pulled.failed());
    const EventIndex index(sample());
    const auto expected = index.select(filter);
    ASSERT_FALSE(expected.empty());
    ASSERT_EQ(pulled.dataset.events.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(pulled.dataset.events.id(i), sample().events.id(expected[i]));
}

TEST_F(Store, AReadOnlyRoleReadsButCannotWrite) {
    {
        auto owner = connected();
        ASSERT_TRUE(owner && owner->init().empty());
        std::vector<Diagnostic> problems;
        ASSERT_TRUE(owner->push(sample(), problems));
    }
    const std::string reader = m_schema + "_reader";
    ASSERT_TRUE(admin(m_base, "CREATE ROLE " + reader + " LOGIN; GRANT USAGE ON SCHEMA " + m_schema + " TO " + reader +
                                  "; GRANT SELECT ON ALL TABLES IN SCHEMA " + m_schema + " TO " + reader));
    auto store = connected(reader);
    ASSERT_TRUE(store);
    std::vector<Diagnostic> problems;
    const auto status = store->status(problems);
    ASSERT_TRUE(status);
    EXPECT_FALSE(status->canWrite);
    EXPECT_EQ(store->pull({}).dataset.events.size(), sample().events.size());
    EXPECT_FALSE(store->push(sample(), problems));
    ASSERT_FALSE(problems.empty());
    EXPECT_EQ(problems.front().code, "store.write");
    EXPECT_NE(problems.front().message.find("permission denied"), std::string::npos) << problems.front().message;
}
