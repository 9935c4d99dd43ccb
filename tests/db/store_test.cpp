// The shared store (atlas/store/pg_store.h) against a real PostgreSQL + PostGIS server: the
// one `tools/dev test` starts (tools/dev db start) and names in ATLAS_TEST_DATABASE. Each test
// works in a schema of its own, dropped after.
#include "atlas/io/native_format.h"
#include "atlas/query/query.h"
#include "atlas/store/pg_store.h"
#include "synthetic.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>
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
// The first value the statement gives ("" when none, and a failure).
std::string scalar(const std::string& url, const std::string& sql) {
    PGconn* connection = PQconnectdb(url.c_str());
    std::string value;
    PGresult* result = PQexec(connection, sql.c_str());
    if (PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) > 0) value = PQgetvalue(result, 0, 0);
    else ADD_FAILURE() << PQresultErrorMessage(result);
    PQclear(result);
    PQfinish(connection);
    return value;
}

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
    // Today by the server's clock, in UTC (what "as known on" counts days by).
    [[nodiscard]] Date serverToday() const {
        PGconn* c = PQconnectdb(url().c_str());
        PGresult* r = PQexec(c, "SELECT (now() AT TIME ZONE 'UTC')::date");
        const auto today = Date::parse(PQresultStatus(r) == PGRES_TUPLES_OK ? PQgetvalue(r, 0, 0) : "");
        PQclear(r);
        PQfinish(c);
        EXPECT_TRUE(today);
        return today.value_or(Date());
    }
    // The schema made and the sample pushed, by the owner.
    void storeTheSample() {
        auto owner = connected();
        ASSERT_TRUE(owner && owner->init().empty());
        std::vector<Diagnostic> problems;
        ASSERT_TRUE(owner->push(sample(), problems));
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
    // count(): the days and box alone, as the engine finds them; extent(): the box round all.
    EventFilter daysAndBox = filter;
    daysAndBox.types.clear();
    const auto counted = store->count(daysAndBox, problems);
    ASSERT_TRUE(counted);
    EXPECT_EQ(*counted, index.select(daysAndBox).size());
    EXPECT_EQ(*store->count({}, problems), sample().events.size());
    const auto extent = store->extent(problems);
    const auto bounds = boundsOfEvents(sample().events);
    ASSERT_TRUE(extent && bounds);
    EXPECT_DOUBLE_EQ(extent->minLongitude, bounds->minLongitude);
    EXPECT_DOUBLE_EQ(extent->maxLatitude, bounds->maxLatitude);
}

TEST_F(Store, AReadOnlyRoleReadsButCannotWrite) {
    ASSERT_NO_FATAL_FAILURE(storeTheSample());
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

namespace {

// The store with the sample pushed, and a client's view of it (data and revisions).
struct Client {
    std::unique_ptr<PgStore> store;
    Dataset data;
    StoreState state;
    void pull() {
        LoadResult read = store->pull({}, &state);
        ASSERT_FALSE(read.failed());
        data = std::move(read.dataset);
    }
    // Makes an edit locally and in the store, as the window does.
    std::optional<StoreCommit> commit(const EventEdit& edit, std::vector<Diagnostic>& problems) {
        auto outcome = store->commit({edit}, state.revisions, problems);
        if (outcome && outcome->committed) {
            EXPECT_FALSE(applyEdit(data, edit));
            for (const auto& [id, revision] : outcome->revisions) state.revisions[id] = revision;
        }
        return outcome;
    }
};

} // namespace

TEST_F(Store, TwoClientsEditingOneIncidentLoseNoUpdateAndTheSecondSeesTheConflict) {
    ASSERT_NO_FATAL_FAILURE(storeTheSample());
    Client alice{connected(), {}, {}}, bob{connected(), {}, {}};
    alice.pull();
    bob.pull();
    ASSERT_EQ(alice.data.events.size(), sample().events.size());
    const Event original = alice.data.events.at(0);
    Event byAlice = original, byBob = original;
    byAlice.description = "corrected by Alice";
    byBob.killed = *parseCasualtyText("more than 78");

    std::vector<Diagnostic> problems;
    auto first = alice.commit({original, byAlice}, problems);
    ASSERT_TRUE(first && first->committed) << (problems.empty() ? "" : problems.front().toString());
    EXPECT_EQ(first->revisions.at(original.id), 2);
    // Bob edits the version he read: refused, with Alice's version and his own both given back.
    auto second = bob.commit({original, byBob}, problems);
    ASSERT_TRUE(second);
    EXPECT_FALSE(second->committed);
    ASSERT_EQ(second->conflicts.size(), 1u);
    const StoreConflict& conflict = second->conflicts.front();
    EXPECT_EQ(std::get<EventEdit>(conflict.mine).after, byBob);
    const auto& theirs = std::get<EventEdit>(conflict.theirs).after;
    ASSERT_TRUE(theirs);
    EXPECT_EQ(*theirs, byAlice);
    EXPECT_EQ(conflict.theirRevision, 2);
    EXPECT_FALSE(conflict.changedBy.empty());
    EXPECT_NE(conflict.toText().find("changed by"), std::string::npos) << conflict.toText();
    ASSERT_FALSE(problems.empty());
    EXPECT_EQ(problems.back().code, "store.conflict");

    // Bob takes Alice's version in and applies his change over it: both corrections kept.
    bob.state.revisions[original.id] = conflict.theirRevision;
    Event merged = *theirs;
    merged.killed = byBob.killed;
    problems.clear();
    auto third = bob.store->commit({EventEdit{*theirs, merged}}, bob.state.revisions, problems);
    ASSERT_TRUE(third && third->committed);
    Client carol{connected(), {}, {}};
    carol.pull();
    const Event stored = carol.data.events.at(*findEventRow(carol.data.events, original.id));
    EXPECT_EQ(stored.description, "corrected by Alice");
    EXPECT_EQ(stored.killed.toText(), "more than 78");
    EXPECT_EQ(carol.state.revisions.at(original.id), 3);

    // Different incidents at once: both written.
    Event otherByAlice = alice.data.events.at(1);
    otherByAlice.description = "Alice's second";
    ASSERT_TRUE(alice.commit({alice.data.events.at(1), otherByAlice}, problems)->committed);
    Event otherByBob = bob.data.events.at(2);
    otherByBob.description = "Bob's second";
    ASSERT_TRUE(bob.commit({bob.data.events.at(2), otherByBob}, problems)->committed);
    // A deletion of what was changed meanwhile, and an addition of a taken id, are refused too.
    auto deletion = alice.store->commit({EventEdit{original, std::nullopt}}, {{original.id, 1}}, problems);
    ASSERT_TRUE(deletion && !deletion->committed);
    auto addition = alice.store->commit({EventEdit{std::nullopt, otherByAlice}}, {}, problems);
    ASSERT_TRUE(addition && !addition->committed);
    EXPECT_NE(addition->conflicts.front().toText().find("was added by"), std::string::npos);
    // An edit made against an old version is refused even when the client has since heard the
    // store's revision (its content is checked, not only the number).
    Event stale = original;
    stale.description = "made from the first version";
    auto overwrite = alice.store->commit({EventEdit{original, stale}}, {{original.id, 3}}, problems);
    ASSERT_TRUE(overwrite);
    EXPECT_FALSE(overwrite->committed);
}

TEST_F(Store, AClientHearsOfAnotherClientsCommitAndGetsOnlyWhatChanged) {
    ASSERT_NO_FATAL_FAILURE(storeTheSample());
    Client writer{connected(), {}, {}}, watcher{connected(), {}, {}};
    writer.pull();
    watcher.pull();
    std::vector<Diagnostic> problems;
    ASSERT_TRUE(watcher.store->listen(problems)) << (problems.empty() ? "" : problems.front().toString());
    EXPECT_EQ(watcher.store->waitForChange(0), StoreWait::TimedOut);

    Event changed = writer.data.events.at(4);
    changed.description = "seen elsewhere";
    Event added = changed;
    added.id = newEventId(writer.data, added.date);
    const Event removed = writer.data.events.at(5);
    ASSERT_TRUE(writer.store->commit({EventEdit{writer.data.events.at(4), changed}, EventEdit{std::nullopt, added}, EventEdit{removed, std::nullopt}}, writer.state.revisions, problems)
                    ->committed);
    // Notified when the transaction commits; the wait ends then, not at its limit.
    EXPECT_EQ(watcher.store->waitForChange(5000), StoreWait::Changed);
    const auto changes = watcher.store->changesSince(watcher.state.lastChange, problems);
    ASSERT_TRUE(changes);
    ASSERT_EQ(changes->current.size(), 2u);
    EXPECT_EQ(changes->current[0], changed);
    EXPECT_EQ(changes->revisions[0], 2);
    EXPECT_EQ(changes->current[1], added);
    EXPECT_EQ(changes->deleted, std::vector<std::string>{removed.id});
    EXPECT_GT(changes->lastChange, watcher.state.lastChange);
    const auto nothing = watcher.store->changesSince(changes->lastChange, problems);
    ASSERT_TRUE(nothing);
    EXPECT_TRUE(nothing->current.empty() && nothing->deleted.empty());
}

TEST_F(Store, APullAsKnownOnADayGivesTheStoreOfThatDay) {
    auto store = connected();
    ASSERT_TRUE(store && store->init().empty());
    std::vector<Diagnostic> problems;
    ASSERT_TRUE(store->push(sample(), problems));
    Client client{connected(), {}, {}};
    client.pull();
    // Yesterday's store is the sample; today someone corrects one incident and deletes another.
    ASSERT_TRUE(admin(url(), "UPDATE atlas_history SET changed_at = now() - interval '1 day'"));
    Event corrected = client.data.events.at(0);
    corrected.description = "corrected today";
    const Event deleted = client.data.events.at(1);
    ASSERT_TRUE(client.commit({client.data.events.at(0), corrected}, problems)->committed);
    ASSERT_TRUE(client.commit({deleted, std::nullopt}, problems)->committed);

    const Date yesterday = serverToday().addDays(-1);
    LoadResult then = store->pull({}, nullptr, yesterday);
    ASSERT_FALSE(then.failed());
    EXPECT_EQ(writeNativeText(then.dataset), writeNativeText(sample())) << "the store as it was yesterday";
    LoadResult now = store->pull({}, nullptr, yesterday.addDays(1));
    EXPECT_EQ(now.dataset.events.size(), sample().events.size() - 1);
    EXPECT_EQ(now.dataset.events.at(*findEventRow(now.dataset.events, corrected.id)), corrected);
    LoadResult before = store->pull({}, nullptr, yesterday.addDays(-1));
    EXPECT_TRUE(before.dataset.events.empty());
    // The days and box of a filter apply to the replay too.
    EventFilter someDays;
    someDays.from = *Date::parse("2019-05-01");
    someDays.to = *Date::parse("2019-05-31");
    const EventIndex index(sample());
    EXPECT_EQ(store->pull(someDays, nullptr, yesterday).dataset.events.size(), index.select(someDays).size());
}

TEST_F(Store, InitMigratesAVersionOneStoreSoItsClientsAreNotified) {
    auto store = connected();
    ASSERT_TRUE(store && store->init().empty());
    // A store made by the first release: version 1, no index on the history's time.
    ASSERT_NO_FATAL_FAILURE(storeTheSample());
    // (and none of version 4's server-made geometry and days of lines and areas)
    ASSERT_TRUE(admin(url(), "UPDATE atlas_meta SET value = '1' WHERE key = 'schema_version'; DROP INDEX atlas_history_time; "
                             "ALTER TABLE atlas_lines DROP COLUMN geom, DROP COLUMN valid_from, DROP COLUMN valid_to; "
                             "ALTER TABLE atlas_areas DROP COLUMN geom, DROP COLUMN valid_from, DROP COLUMN valid_to; "
                             "DROP FUNCTION atlas_area_geom, atlas_line_geom, atlas_ring, atlas_points, atlas_day"));
    std::vector<Diagnostic> problems;
    EXPECT_FALSE(store->listen(problems));
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems.front().message.find("db init"), std::string::npos);
    EXPECT_TRUE(store->init().empty());
    problems.clear();
    EXPECT_EQ(store->status(problems)->schemaVersion, kStoreSchemaVersion);
    EXPECT_TRUE(store->listen(problems));
    // The lines and areas already there have their geometry and days now.
    EXPECT_EQ(scalar(url(), "SELECT count(*) FROM atlas_lines WHERE geom IS NOT NULL AND valid_from IS NOT NULL"), std::to_string(sample().lines.size()));
    EXPECT_EQ(scalar(url(), "SELECT count(*) FROM atlas_areas WHERE geom IS NOT NULL AND valid_from IS NOT NULL"), std::to_string(sample().areas.size()));
}

TEST_F(Store, AnotherProgramsWriteTakesTheWriteTurnSoChangesArriveInOrder) {
    ASSERT_NO_FATAL_FAILURE(storeTheSample());
    // psql (say) changes an incident and has not committed yet: it holds the turn...
    PGconn* other = PQconnectdb(url().c_str());
    ASSERT_EQ(PQstatus(other), CONNECTION_OK);
    PQclear(PQexec(other, "BEGIN"));
    PGresult* updated = PQexec(other, "UPDATE atlas_events SET data = jsonb_set(data, '{description}', '\"by psql\"'), revision = revision + 1 "
                                      "WHERE id = (SELECT id FROM atlas_events ORDER BY seq LIMIT 1)");
    ASSERT_EQ(PQresultStatus(updated), PGRES_COMMAND_OK) << PQresultErrorMessage(updated);
    PQclear(updated);
    // (Tests may run side by side on one server, and the turn is the server's: what is looked
    // at is this test's two connections, the other one by its process, the program's by name.)
    const std::string otherPid = std::to_string(PQbackendPID(other));
    EXPECT_EQ(scalar(url(), "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = " + otherPid), "1");
    // ... so this program's commit waits for it (the server says so), and draws the later number.
    const std::string writerName = m_schema + "_writer";
    std::vector<Diagnostic> problems;
    Client client{PgStore::connect(url() + "&application_name=" + writerName, problems), {}, {}};
    ASSERT_TRUE(client.store) << (problems.empty() ? "" : problems.front().message);
    client.pull();
    const std::int64_t before = client.state.lastChange;
    Event mine = client.data.events.at(3);
    mine.description = "by the program";
    std::optional<StoreCommit> outcome;
    std::thread writer([&] { outcome = client.store->commit({EventEdit{client.data.events.at(3), mine}}, client.state.revisions, problems); });
    // Polling the server until it shows the wait (a sanitizer build under load may take seconds);
    // nothing here is timed.
    bool waiting = false;
    for (int i = 0; i < 1500 && !waiting; ++i) {
        waiting = scalar(url(), "SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + writerName + "' AND " + otherPid +
                                    " = ANY(pg_blocking_pids(pid))") == "1";
        if (!waiting) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    EXPECT_TRUE(waiting);
    PQclear(PQexec(other, "COMMIT"));
    PQfinish(other);
    writer.join();
    ASSERT_TRUE(outcome && outcome->committed);
    auto changes = client.store->changesSince(before, problems);
    ASSERT_TRUE(changes);
    ASSERT_EQ(changes->current.size(), 2u);
    EXPECT_EQ(changes->current[0].description, "by psql");
    EXPECT_EQ(changes->current[1].description, "by the program");
}

TEST_F(Store, RowsWrittenByOtherProgramsAreTakenAsTheyMeanAndNeverRefused) {
    ASSERT_NO_FATAL_FAILURE(storeTheSample());
    // QGIS (say) writes an area its own way: the ring open, no approximate, no sources.
    const std::string holder = sample().actors.front().id;
    ASSERT_TRUE(admin(url(), "INSERT INTO atlas_areas (id, data) VALUES ('area-by-qgis', '{\"id\": \"area-by-qgis\", \"name\": \"By QGIS\", "
                             "\"controller\": \"" + holder + "\", \"validFrom\": \"2020-01-01\", "
                             "\"rings\": [[[36.0, 35.0], [36.1, 35.0], [36.1, 35.1], [36.0, 35.1]]]}')"));
    EXPECT_EQ(scalar(url(), "SELECT ST_NPoints(geom) FROM atlas_areas WHERE id = 'area-by-qgis'"), "5"); // closed by the server
    // Rows the server can make nothing of are kept, without geometry or days, not refused.
    ASSERT_TRUE(admin(url(), "INSERT INTO atlas_lines (id, data) VALUES ('odd', '{\"path\": [[36, \"x\"], true], \"validFrom\": \"2026-02-30\"}')"));
    EXPECT_EQ(scalar(url(), "SELECT coalesce(ST_AsText(geom), 'none') || ' ' || coalesce(valid_from::text, 'none') FROM atlas_lines WHERE id = 'odd'"), "none none");
    ASSERT_TRUE(admin(url(), "DELETE FROM atlas_lines WHERE id = 'odd'"));
    // The program reads the area as a file's (closed), and an edit of it is written: the store's
    // JSON differs from the program's, its meaning does not.
    Client client{connected(), {}, {}};
    client.pull();
    const auto read = currentRow<Area>(client.data, "area-by-qgis");
    ASSERT_TRUE(read);
    EXPECT_EQ(read->rings.front().size(), 5u);
    Area renamed = *read;
    renamed.name = "By QGIS, checked";
    std::vector<Diagnostic> problems;
    auto outcome = client.store->commit({AreaEdit{read, renamed}}, client.state.revisions, problems);
    ASSERT_TRUE(outcome);
    EXPECT_TRUE(outcome->committed) << (problems.empty() ? "" : problems.front().message);
    EXPECT_EQ(scalar(url(), "SELECT data->>'name' FROM atlas_areas WHERE id = 'area-by-qgis'"), "By QGIS, checked");
    // A row the program cannot read is neither written over nor taken for deleted: refused, said.
    ASSERT_TRUE(admin(url(), "UPDATE atlas_areas SET data = '{\"id\": \"area-by-qgis\"}' WHERE id = 'area-by-qgis'"));
    client.state.revisions["area:area-by-qgis"] = 3;
    problems.clear();
    EXPECT_FALSE(client.store->commit({AreaEdit{renamed, std::nullopt}}, client.state.revisions, problems));
    ASSERT_FALSE(problems.empty());
    EXPECT_NE(problems.front().message.find("area area-by-qgis in the store cannot be read"), std::string::npos) << problems.front().message;
    EXPECT_FALSE(client.store->lastFailureTransient());
}

TEST_F(Store, SitesLinesAndAreasAreEditedLikeIncidents) {
    ASSERT_NO_FATAL_FAILURE(storeTheSample());
    Client alice{connected(), {}, {}}, bob{connected(), {}, {}};
    alice.pull();
    bob.pull();
    ASSERT_FALSE(alice.data.sites.empty() || alice.data.lines.empty());
    ASSERT_TRUE(alice.state.revisions.contains("line:" + alice.data.lines.front().id));
    std::vector<Diagnostic> problems;
    // Alice: a site's status on a date, a line moved and ended, an area drawn.
    const Site site = alice.data.sites.front();
    SiteStatusChange handedOver;
    handedOver.date = *Date::parse("2020-03-10");
    handedOver.status = SiteStatus::HandedOver;
    handedOver.sources.push_back({"Russia Monitor", "", "", "", {}});
    const Site changedSite = withStatusChange(site, handedOver);
    const Line line = alice.data.lines.front();
    Line moved = line;
    moved.path.push_back({36.0, 36.0});
    moved.validity.to = *Date::parse("2020-06-01");
    Area drawn;
    drawn.id = "area-test-pocket";
    drawn.name = "Test pocket";
    drawn.controller = alice.data.actors.front().id;
    drawn.rings = {{{30.0, 40.0}, {30.0, 40.1}, {30.1, 40.1}, {30.1, 40.0}, {30.0, 40.0}}}; // latitude, longitude: far from the sample's areas
    drawn.validity = {*Date::parse("2020-02-01"), std::nullopt};
    const std::uint64_t lastSeen = bob.state.lastChange;
    ASSERT_TRUE(validateArea(drawn, alice.data, *Date::parse("2026-12-03"), true).empty());
    auto done = alice.store->commit({SiteEdit{site, changedSite}, LineEdit{line, moved}, AreaEdit{std::nullopt, drawn}}, alice.state.revisions, problems);
    ASSERT_TRUE(done && done->committed) << (problems.empty() ? "" : problems.front().message);
    EXPECT_EQ(done->revisions.at("site:" + site.id), 2);
    EXPECT_EQ(done->revisions.at("area:" + drawn.id), 1);
    for (const auto& [key, revision] : done->revisions) alice.state.revisions[key] = revision;

    // The server made the area's polygon (its ring closed) and days, and finds it by them.
    EXPECT_EQ(scalar(url(), "SELECT ST_NPoints(geom) || ' ' || valid_from || ' ' || coalesce(valid_to::text, '-') FROM atlas_areas WHERE id = 'area-test-pocket'"),
              "5 2020-02-01 -");
    EXPECT_EQ(scalar(url(), "SELECT string_agg(id, ',') FROM atlas_areas WHERE geom && ST_MakeEnvelope(40.05, 30.05, 40.06, 30.06, 4326) "
                            "AND valid_from <= '2020-05-01' AND (valid_to IS NULL OR valid_to >= '2020-05-01')"),
              "area-test-pocket");
    EXPECT_EQ(scalar(url(), "SELECT ST_NPoints(geom) || ' ' || valid_to FROM atlas_lines WHERE id = '" + line.id + "'"),
              std::to_string(moved.path.size()) + " 2020-06-01");

    // Bob hears all three, with their revisions.
    auto heard = bob.store->changesSince(std::int64_t(lastSeen), problems);
    ASSERT_TRUE(heard);
    EXPECT_TRUE(problems.empty()) << problems.front().message;
    ASSERT_EQ(heard->sites.current, std::vector<Site>{changedSite});
    ASSERT_EQ(heard->lines.current, std::vector<Line>{moved});
    ASSERT_EQ(heard->areas.current, std::vector<Area>{drawn});
    EXPECT_EQ(heard->lines.revisions, std::vector<int>{2});
    EXPECT_TRUE(heard->current.empty());

    // Bob's edit of the line as he read it is refused, with Alice's version; nothing written.
    Line byBob = line;
    byBob.name = "renamed by Bob";
    Site siteByBob = site;
    siteByBob.description = "seen by Bob";
    auto refused = bob.store->commit({LineEdit{line, byBob}, SiteEdit{site, siteByBob}}, bob.state.revisions, problems);
    ASSERT_TRUE(refused);
    EXPECT_FALSE(refused->committed);
    ASSERT_EQ(refused->conflicts.size(), 2u); // the site too: Alice changed it
    EXPECT_EQ(std::get<LineEdit>(refused->conflicts.front().theirs).after, moved);
    EXPECT_NE(refused->conflicts.front().toText().find("line " + line.id + " was changed by"), std::string::npos) << refused->conflicts.front().toText();
    EXPECT_EQ(scalar(url(), "SELECT data->>'name' FROM atlas_lines WHERE id = '" + line.id + "'"), line.name);

    // Bob deletes the area; Alice hears it gone.
    bob.state.revisions["area:" + drawn.id] = 1;
    const std::uint64_t aliceSeen = alice.state.lastChange = alice.store->changesSince(0, problems)->lastChange;
    ASSERT_TRUE(bob.store->commit({AreaEdit{drawn, std::nullopt}}, bob.state.revisions, problems)->committed);
    auto gone = alice.store->changesSince(std::int64_t(aliceSeen), problems);
    ASSERT_TRUE(gone);
    EXPECT_EQ(gone->areas.deleted, std::vector<std::string>{drawn.id});

    // "As known on" the day before anything was pushed: no site, line or area yet.
    const LoadResult before = alice.store->pull({}, nullptr, Date::parse(scalar(url(), "SELECT (now() AT TIME ZONE 'UTC')::date - 1"))); 
    ASSERT_FALSE(before.failed());
    EXPECT_TRUE(before.dataset.sites.empty() && before.dataset.lines.empty() && before.dataset.areas.empty());
    const LoadResult now = alice.store->pull({}, nullptr, Date::parse(scalar(url(), "SELECT (now() AT TIME ZONE 'UTC')::date")));
    ASSERT_FALSE(now.failed());
    EXPECT_EQ(now.dataset.lines.front(), moved);
    EXPECT_EQ(now.dataset.areas.size(), sample().areas.size());
}

TEST_F(Store, ManyIncidentsIntoAnEmptyStoreGoStraightInAndComeBackTheSame) {
    auto store = connected();
    ASSERT_TRUE(store && store->init().empty());
    // Enough for the bulk way: COPY into the table, its search indexes made again after.
    const Dataset many = atlas::bench::makeSyntheticDataset(12000);
    std::vector<Diagnostic> problems;
    const auto pushed = store->push(many, problems);
    ASSERT_TRUE(pushed) << (problems.empty() ? "" : problems.front().toString());
    EXPECT_EQ(pushed->added, 12000u);
    EXPECT_EQ(writeNativeText(store->pull({}).dataset), writeNativeText(many));
    ASSERT_TRUE(admin(url(), "DO $$ BEGIN IF (SELECT count(*) FROM pg_indexes WHERE tablename = 'atlas_events' AND schemaname = current_schema()) <> 4 "
                             "THEN RAISE EXCEPTION 'the search indexes are not all there'; END IF; END $$"));
    // Recorded as any insert: yesterday's store is empty, today's has them all.
    const Date today = serverToday();
    EXPECT_EQ(store->pull({}, nullptr, today).dataset.events.size(), 12000u);
    EXPECT_TRUE(store->pull({}, nullptr, today.addDays(-1)).dataset.events.empty());
    // A second push of the same goes the usual way and changes nothing.
    const auto again = store->push(many, problems);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->unchanged, 12000u);
}
