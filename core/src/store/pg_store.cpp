#include "atlas/store/pg_store.h"

#include "../io/native_json.h"
#include "atlas/io/native_format.h"
#include "atlas/model/diagnostic_codes.h"
#include "atlas/model/vocabulary.h"

#include <libpq-fe.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <regex>

#include <cerrno>
#include <cstring>
#include <poll.h>

namespace atlas {

namespace {

using Json = nlohmann::json;

// A result that clears itself.
struct Result {
    PGresult* result = nullptr;
    explicit Result(PGresult* r) : result(r) {}
    ~Result() { PQclear(result); }
    Result(const Result&) = delete;
    Result& operator=(const Result&) = delete;
    [[nodiscard]] ExecStatusType status() const { return result ? PQresultStatus(result) : PGRES_FATAL_ERROR; }
    [[nodiscard]] bool ok() const { return status() == PGRES_COMMAND_OK || status() == PGRES_TUPLES_OK; }
    [[nodiscard]] std::string value(int row, int column) const { return PQgetvalue(result, row, column); }
    [[nodiscard]] int rows() const { return PQntuples(result); }
};

// libpq's message on one line (it breaks a connection failure over two, with a tab).
std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    std::string line;
    for (const char c : text) {
        if (c == '\n' || c == '\t') {
            if (!line.empty() && line.back() != ' ') line.push_back(' ');
        } else if (!(c == ' ' && !line.empty() && line.back() == ' ')) {
            line.push_back(c);
        }
    }
    return line;
}

// A parameterised statement: every value as text, typed by its placeholder's cast.
PGresult* execWith(pg_conn* connection, const std::string& sql, const std::vector<std::string>& parameters) {
    std::vector<const char*> values;
    values.reserve(parameters.size());
    for (const std::string& p : parameters) values.push_back(p.c_str());
    return PQexecParams(connection, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr, nullptr, 0);
}

// A read the server refused, said as the store's query problem.
Diagnostic queryFailure(const PGresult* result, const std::string& label) {
    return {Severity::Error, codes::kStoreQuery, trimmed(PQresultErrorMessage(result)), label, 0, 0, {}, {}};
}

// The schema, version 1 (docs/format.md, "The shared store"). Every data table: an id, the
// row's native JSON, a revision, who changed it when, and the order rows were first added
// (pull gives them back in that order). History is kept by triggers, so every writer's
// changes are recorded, not only this program's: statement triggers over transition tables
// (one INSERT … SELECT a statement, not one a row: a million rows pushed in one go).
const char* const kSchemaV1 = R"sql(
CREATE EXTENSION IF NOT EXISTS postgis WITH SCHEMA public;
CREATE TABLE atlas_meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE atlas_actors (
    id text PRIMARY KEY, data jsonb NOT NULL, revision integer NOT NULL DEFAULT 1,
    changed_at timestamptz NOT NULL DEFAULT now(), changed_by text NOT NULL DEFAULT current_user, seq bigserial);
CREATE TABLE atlas_events (
    id text PRIMARY KEY, first_day date NOT NULL, last_day date NOT NULL, type text NOT NULL,
    geom geometry(Point, 4326) NOT NULL, data jsonb NOT NULL, revision integer NOT NULL DEFAULT 1,
    changed_at timestamptz NOT NULL DEFAULT now(), changed_by text NOT NULL DEFAULT current_user, seq bigserial);
CREATE INDEX atlas_events_geom ON atlas_events USING gist (geom);
CREATE INDEX atlas_events_days ON atlas_events (first_day, last_day);
CREATE INDEX atlas_events_type ON atlas_events (type);
CREATE TABLE atlas_sites (
    id text PRIMARY KEY, geom geometry(Point, 4326), data jsonb NOT NULL, revision integer NOT NULL DEFAULT 1,
    changed_at timestamptz NOT NULL DEFAULT now(), changed_by text NOT NULL DEFAULT current_user, seq bigserial);
CREATE INDEX atlas_sites_geom ON atlas_sites USING gist (geom);
CREATE TABLE atlas_lines (
    id text PRIMARY KEY, data jsonb NOT NULL, revision integer NOT NULL DEFAULT 1,
    changed_at timestamptz NOT NULL DEFAULT now(), changed_by text NOT NULL DEFAULT current_user, seq bigserial);
CREATE TABLE atlas_areas (
    id text PRIMARY KEY, data jsonb NOT NULL, revision integer NOT NULL DEFAULT 1,
    changed_at timestamptz NOT NULL DEFAULT now(), changed_by text NOT NULL DEFAULT current_user, seq bigserial);
CREATE TABLE atlas_history (
    change bigserial PRIMARY KEY, table_name text NOT NULL, id text NOT NULL, revision integer,
    changed_at timestamptz NOT NULL DEFAULT now(), changed_by text NOT NULL DEFAULT current_user,
    before jsonb, after jsonb);
CREATE INDEX atlas_history_row ON atlas_history (table_name, id);
CREATE FUNCTION atlas_history_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO atlas_history (table_name, id, revision, after) SELECT TG_TABLE_NAME, id, revision, data FROM new_rows;
    RETURN NULL;
END $$;
CREATE FUNCTION atlas_history_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO atlas_history (table_name, id, revision, before, after)
        SELECT TG_TABLE_NAME, n.id, n.revision, o.data, n.data FROM new_rows n JOIN old_rows o USING (id);
    RETURN NULL;
END $$;
CREATE FUNCTION atlas_history_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO atlas_history (table_name, id, revision, before) SELECT TG_TABLE_NAME, id, revision, data FROM old_rows;
    RETURN NULL;
END $$;
INSERT INTO atlas_meta (key, value) VALUES ('schema_version', '1');
)sql";

// Version 2: every history trigger also tells listening clients that a table changed (one
// notification a statement, delivered when the transaction commits; the payload is the
// table). Clients then ask for the changes since the last one they saw. The functions keep the
// search path they were made with, so a writer with another one (psql, QGIS) is recorded too.
const char* const kMigrationToV2 = R"sql(
CREATE OR REPLACE FUNCTION atlas_history_inserted() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO atlas_history (table_name, id, revision, after) SELECT TG_TABLE_NAME, id, revision, data FROM new_rows;
    PERFORM pg_notify('atlas_changes', TG_TABLE_NAME);
    RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION atlas_history_updated() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO atlas_history (table_name, id, revision, before, after)
        SELECT TG_TABLE_NAME, n.id, n.revision, o.data, n.data FROM new_rows n JOIN old_rows o USING (id);
    PERFORM pg_notify('atlas_changes', TG_TABLE_NAME);
    RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION atlas_history_deleted() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO atlas_history (table_name, id, revision, before) SELECT TG_TABLE_NAME, id, revision, data FROM old_rows;
    PERFORM pg_notify('atlas_changes', TG_TABLE_NAME);
    RETURN NULL;
END $$;
CREATE INDEX IF NOT EXISTS atlas_history_time ON atlas_history (changed_at);
UPDATE atlas_meta SET value = '2' WHERE key = 'schema_version';
)sql";

// Version 3: an insert's history row no longer copies the row (the version it made is the
// before of the next change of that row, or the row itself when there is none: what "as known
// on" reads), so pushing a million incidents writes them once, not twice. Updates and deletes
// keep their before (and updates their after) as in version 2.
const char* const kMigrationToV3 = R"sql(
CREATE OR REPLACE FUNCTION atlas_history_inserted() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO atlas_history (table_name, id, revision) SELECT TG_TABLE_NAME, id, revision FROM new_rows;
    PERFORM pg_notify('atlas_changes', TG_TABLE_NAME);
    RETURN NULL;
END $$;
UPDATE atlas_meta SET value = '3' WHERE key = 'schema_version';
)sql";

// Version 4: every writer's history trigger takes the write turn (below); and lines and areas
// are found by the server as incidents are — a PostGIS geometry
// (the line's path, the area's polygon with its holes) with a spatial index, and the days of
// their validity with a B-tree — made by the server itself from each row's JSON (generated
// columns), so every writer's rows have them. A ring is closed when it is not; an outline of
// fewer than three points, or a path of fewer than two, has no geometry (NULL) rather than
// refusing the row. Dates are read without the session's DateStyle (immutable).
const char* const kMigrationToV4 = R"sql(
CREATE FUNCTION atlas_day(text) RETURNS date LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    IF $1 !~ '^\d{4}-\d{2}-\d{2}$' THEN RETURN NULL; END IF;
    RETURN make_date(substr($1, 1, 4)::int, substr($1, 6, 2)::int, substr($1, 9, 2)::int);
EXCEPTION WHEN others THEN
    RETURN NULL; -- 2026-02-30, year 0: no day, not a refused row
END $$;
CREATE FUNCTION atlas_points(points jsonb) RETURNS geometry LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path FROM CURRENT AS $$
    SELECT CASE WHEN jsonb_typeof(points) = 'array' THEN
        (SELECT ST_SetSRID(ST_MakeLine(array_agg(ST_MakePoint((p->>0)::float8, (p->>1)::float8) ORDER BY n)), 4326)
         FROM jsonb_array_elements(points) WITH ORDINALITY AS t(p, n)
         WHERE jsonb_typeof(p) = 'array' AND jsonb_typeof(p->0) = 'number' AND jsonb_typeof(p->1) = 'number') END $$;
CREATE FUNCTION atlas_line_geom(data jsonb) RETURNS geometry LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path FROM CURRENT AS $$
    SELECT CASE WHEN ST_NPoints(l) >= 2 THEN l END FROM (SELECT atlas_points(data->'path') AS l) x $$;
CREATE FUNCTION atlas_ring(points jsonb) RETURNS geometry LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path FROM CURRENT AS $$
    SELECT CASE WHEN l IS NULL OR ST_NPoints(l) - (CASE WHEN ST_IsClosed(l) THEN 1 ELSE 0 END) < 3 THEN NULL
                WHEN ST_IsClosed(l) THEN l ELSE ST_AddPoint(l, ST_StartPoint(l)) END
    FROM (SELECT atlas_points(points) AS l) x $$;
CREATE FUNCTION atlas_area_geom(data jsonb) RETURNS geometry LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path FROM CURRENT AS $$
    SELECT CASE WHEN o IS NOT NULL THEN ST_SetSRID(ST_MakePolygon(o, ARRAY(
        SELECT h FROM (SELECT atlas_ring(r) AS h, n FROM jsonb_array_elements(CASE WHEN jsonb_typeof(data->'rings') = 'array' THEN data->'rings' ELSE '[]' END)
                       WITH ORDINALITY AS t(r, n)) holes WHERE n > 1 AND h IS NOT NULL ORDER BY n)), 4326) END
    FROM (SELECT atlas_ring(data->'rings'->0) AS o) x $$;
ALTER TABLE atlas_lines
    ADD COLUMN geom geometry(LineString, 4326) GENERATED ALWAYS AS (atlas_line_geom(data)) STORED,
    ADD COLUMN valid_from date GENERATED ALWAYS AS (atlas_day(data->>'validFrom')) STORED,
    ADD COLUMN valid_to date GENERATED ALWAYS AS (atlas_day(data->>'validTo')) STORED;
ALTER TABLE atlas_areas
    ADD COLUMN geom geometry(Polygon, 4326) GENERATED ALWAYS AS (atlas_area_geom(data)) STORED,
    ADD COLUMN valid_from date GENERATED ALWAYS AS (atlas_day(data->>'validFrom')) STORED,
    ADD COLUMN valid_to date GENERATED ALWAYS AS (atlas_day(data->>'validTo')) STORED;
CREATE INDEX atlas_lines_geom ON atlas_lines USING gist (geom);
CREATE INDEX atlas_lines_days ON atlas_lines (valid_from, valid_to);
CREATE INDEX atlas_areas_geom ON atlas_areas USING gist (geom);
CREATE INDEX atlas_areas_days ON atlas_areas (valid_from, valid_to);
-- Every writer takes the write turn in the history triggers, before its change numbers are
-- drawn (psql and QGIS too, not only this program), so change numbers follow commit order.
CREATE OR REPLACE FUNCTION atlas_history_inserted() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(4707890733387368531);
    INSERT INTO atlas_history (table_name, id, revision) SELECT TG_TABLE_NAME, id, revision FROM new_rows;
    PERFORM pg_notify('atlas_changes', TG_TABLE_NAME);
    RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION atlas_history_updated() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(4707890733387368531);
    INSERT INTO atlas_history (table_name, id, revision, before, after)
        SELECT TG_TABLE_NAME, n.id, n.revision, o.data, n.data FROM new_rows n JOIN old_rows o USING (id);
    PERFORM pg_notify('atlas_changes', TG_TABLE_NAME);
    RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION atlas_history_deleted() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(4707890733387368531);
    INSERT INTO atlas_history (table_name, id, revision, before) SELECT TG_TABLE_NAME, id, revision, data FROM old_rows;
    PERFORM pg_notify('atlas_changes', TG_TABLE_NAME);
    RETURN NULL;
END $$;
UPDATE atlas_meta SET value = '4' WHERE key = 'schema_version';
)sql";

// A CSV field for COPY: quoted, quotes doubled (JSON never holds a raw newline, but the
// quoting carries any text).
void appendCsvField(std::string& out, std::string_view text) {
    out.push_back('"');
    for (const char c : text) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

std::string coordinate(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.17g", value);
    return text;
}

// The WHERE clause of a filter's days and box (what the server chooses by its indexes), its
// values appended to `parameters`.
std::string daysAndBox(const EventFilter& filter, std::vector<std::string>& parameters) {
    std::string where;
    auto add = [&](const std::string& condition) { where += (where.empty() ? " WHERE " : " AND ") + condition; };
    auto next = [&](std::string value) {
        parameters.push_back(std::move(value));
        return "$" + std::to_string(parameters.size());
    };
    if (filter.from) add("last_day >= " + next(filter.from->toString()) + "::date");
    if (filter.to) add("first_day <= " + next(filter.to->toString()) + "::date");
    if (filter.box) {
        const std::string west = next(coordinate(filter.box->minLongitude)), south = next(coordinate(filter.box->minLatitude));
        const std::string east = next(coordinate(filter.box->maxLongitude)), north = next(coordinate(filter.box->maxLatitude));
        add("geom && ST_MakeEnvelope(" + west + "::float8, " + south + "::float8, " + east + "::float8, " + north + "::float8, 4326)");
    }
    return where;
}

// A point as PostGIS's hex EWKB (SRID 4326): read by the server faster than its text form.
std::string ewkbPoint(double longitude, double latitude) {
    static const char digits[] = "0123456789ABCDEF";
    std::string out = "0101000020E6100000"; // little-endian, point with SRID, 4326
    for (const double value : {longitude, latitude}) {
        unsigned char bytes[sizeof(double)];
        std::memcpy(bytes, &value, sizeof bytes); // x86-64 and arm64: little-endian, as declared
        for (const unsigned char b : bytes) {
            out.push_back(digits[b >> 4]);
            out.push_back(digits[b & 15]);
        }
    }
    return out;
}

// The triggers that keep every table's history, one of each kind a table.
std::string historyTriggers() {
    std::string sql;
    for (const char* table : {"atlas_actors", "atlas_events", "atlas_sites", "atlas_lines", "atlas_areas"}) {
        const std::string t = table;
        sql += "CREATE TRIGGER " + t + "_inserted AFTER INSERT ON " + t +
               " REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION atlas_history_inserted();\n";
        sql += "CREATE TRIGGER " + t + "_updated AFTER UPDATE ON " + t +
               " REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION atlas_history_updated();\n";
        sql += "CREATE TRIGGER " + t + "_deleted AFTER DELETE ON " + t +
               " REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION atlas_history_deleted();\n";
    }
    return sql;
}

} // namespace

bool isStoreUrl(std::string_view text) {
    if (text.rfind("postgresql://", 0) == 0 || text.rfind("postgres://", 0) == 0) return true;
    // key=value … as libpq takes it ("host=… dbname=…", "service=team")
    static const std::regex keyValue(R"(^\s*(host|hostaddr|port|dbname|user|service|sslmode)\s*=)");
    return std::regex_search(std::string(text), keyValue);
}

std::string redactedUrl(std::string_view url) {
    std::string text(url);
    // postgresql://user:secret@host → postgresql://user:***@host
    static const std::regex inUri(R"(^(postgres(?:ql)?://[^:/@]*:)[^@]*@)");
    text = std::regex_replace(text, inUri, "$1***@");
    // password=secret, password = 'two words' (key=value strings may quote and space)
    static const std::regex inQuery(R"((password\s*=\s*)('(?:[^'\\]|\\.)*'|[^&\s]*))");
    return std::regex_replace(text, inQuery, "$1***");
}

// Writers take turns (a transaction-long advisory lock) so the history's change numbers are
// handed out in the order their transactions commit: a client asking for the changes after
// number N then cannot miss a commit that took a smaller number later. This program takes it at
// the start of its writing transactions; since schema 4 the history triggers take it for every
// other writer (psql, QGIS) before drawing a number.
std::string PgStore::takeWriteTurn() {
    Result r(PQexec(m_connection, "SELECT pg_advisory_xact_lock(4707890733387368531)")); // "ATLAS_ST"
    return r.ok() ? std::string() : trimmed(PQresultErrorMessage(r.result));
}

PgStore::PgStore(pg_conn* connection, std::string label) : m_connection(connection), m_label(std::move(label)) {}

PgStore::~PgStore() { PQfinish(m_connection); }

std::unique_ptr<PgStore> PgStore::connect(const std::string& url, std::vector<Diagnostic>& problems) {
    const std::string label = redactedUrl(url);
    // Read by libpq first: a string it cannot read is said without being quoted back (its
    // message would quote the token, which may be the password).
    char* parseError = nullptr;
    PQconninfoOption* given = PQconninfoParse(url.c_str(), &parseError);
    if (!given) {
        // An unknown keyword is named (keywords are no secret); other messages may quote a value.
        const std::string reason = parseError ? trimmed(parseError) : "";
        PQfreemem(parseError);
        problems.push_back({Severity::Fatal, codes::kStoreConnect,
                            "cannot read the connection string" +
                                (reason.rfind("invalid connection option", 0) == 0 ? ": " + reason
                                                                                    : std::string(" (postgresql://user@host:port/database, host=... dbname=..., or service=NAME)")),
                            label, 0, 0, {}, {}});
        return nullptr;
    }
    // A server that does not answer is given up after 10 s, and a connection that went quiet
    // is noticed within a minute or so (unless the string says otherwise).
    std::vector<const char*> keys, values;
    auto isSet = [&](const char* key) { return std::any_of(keys.begin(), keys.end(), [&](const char* k) { return std::strcmp(k, key) == 0; }); };
    for (const PQconninfoOption* option = given; option->keyword; ++option)
        if (option->val) {
            keys.push_back(option->keyword);
            values.push_back(option->val);
        }
    for (const auto& [key, value] : {std::pair{"connect_timeout", "10"}, std::pair{"keepalives_idle", "30"}, std::pair{"keepalives_interval", "10"},
                                     std::pair{"keepalives_count", "3"}})
        if (!isSet(key)) {
            keys.push_back(key);
            values.push_back(value);
        }
    keys.push_back(nullptr);
    values.push_back(nullptr);
    pg_conn* connection = PQconnectdbParams(keys.data(), values.data(), 0);
    PQconninfoFree(given);
    if (!connection || PQstatus(connection) != CONNECTION_OK) {
        const std::string reason = connection ? trimmed(PQerrorMessage(connection)) : "out of memory";
        problems.push_back({Severity::Fatal, codes::kStoreConnect, "cannot connect to the database: " + redactedUrl(reason), label, 0, 0, {}, {}});
        PQfinish(connection);
        return nullptr;
    }
    // Messages from the server in English, dates as ISO.
    // Days of "as known on" end at midnight UTC, whatever the server's own zone.
    Result settings(PQexec(connection, "SET client_min_messages = warning; SET DateStyle = 'ISO, YMD'; SET TimeZone = 'UTC'"));
    return std::unique_ptr<PgStore>(new PgStore(connection, label));
}

std::vector<Diagnostic> PgStore::init() {
    std::vector<Diagnostic> problems;
    auto fail = [&](const std::string& message) {
        problems.push_back({Severity::Fatal, codes::kStoreSchema, message, m_label, 0, 0, {}, {}});
        return problems;
    };
    Result existing(PQexec(m_connection, "SELECT value FROM atlas_meta WHERE key = 'schema_version'"));
    std::string sql;
    if (existing.ok() && existing.rows() == 1) {
        const int version = std::atoi(existing.value(0, 0).c_str());
        if (version > kStoreSchemaVersion)
            return fail("the database holds a newer Conflict Atlas schema (version " + std::to_string(version) + "; this program knows " +
                        std::to_string(kStoreSchemaVersion) + ")");
        if (version == kStoreSchemaVersion) return problems;
        if (version < 2) sql += kMigrationToV2;
        if (version < 3) sql += kMigrationToV3;
        sql += kMigrationToV4;
    } else {
        sql = std::string(kSchemaV1) + historyTriggers() + kMigrationToV2 + kMigrationToV3 + kMigrationToV4;
    }
    Result begin(PQexec(m_connection, "BEGIN"));
    Result created(PQexec(m_connection, sql.c_str()));
    if (!created.ok()) {
        const std::string reason = trimmed(PQresultErrorMessage(created.result));
        Result rollback(PQexec(m_connection, "ROLLBACK"));
        return fail("cannot create the schema: " + reason);
    }
    Result commit(PQexec(m_connection, "COMMIT"));
    if (!commit.ok()) return fail("cannot create the schema: " + trimmed(PQresultErrorMessage(commit.result)));
    return problems;
}

std::optional<StoreStatus> PgStore::status(std::vector<Diagnostic>& problems) {
    StoreStatus status;
    Result server(PQexec(m_connection, "SELECT current_setting('server_version'), current_user, "
                                       "(SELECT extversion FROM pg_extension WHERE extname = 'postgis')"));
    if (!server.ok()) {
        problems.push_back({Severity::Fatal, codes::kStoreQuery, trimmed(PQresultErrorMessage(server.result)), m_label, 0, 0, {}, {}});
        return std::nullopt;
    }
    status.server = "PostgreSQL " + server.value(0, 0) + (PQgetisnull(server.result, 0, 2) ? ", no PostGIS" : ", PostGIS " + server.value(0, 2));
    status.user = server.value(0, 1);
    if (PQsslInUse(m_connection)) {
        const char* protocol = PQsslAttribute(m_connection, "protocol");
        status.connection = std::string("TLS (") + (protocol ? protocol : "?") + ")";
    } else {
        status.connection = "not encrypted";
    }
    Result version(PQexec(m_connection, "SELECT value FROM atlas_meta WHERE key = 'schema_version'"));
    if (!version.ok() || version.rows() != 1) return status; // no schema yet: `db init`
    status.schemaVersion = std::atoi(version.value(0, 0).c_str());
    Result counts(PQexec(m_connection, "SELECT (SELECT count(*) FROM atlas_events), (SELECT count(*) FROM atlas_actors), "
                                       "(SELECT count(*) FROM atlas_sites), (SELECT count(*) FROM atlas_lines), "
                                       "(SELECT count(*) FROM atlas_areas), (SELECT count(*) FROM atlas_history), "
                                       "has_table_privilege('atlas_events', 'INSERT')"));
    if (!counts.ok()) {
        problems.push_back({Severity::Fatal, codes::kStoreQuery, trimmed(PQresultErrorMessage(counts.result)), m_label, 0, 0, {}, {}});
        return std::nullopt;
    }
    status.events = std::stoull(counts.value(0, 0));
    status.actors = std::stoull(counts.value(0, 1));
    status.sites = std::stoull(counts.value(0, 2));
    status.lines = std::stoull(counts.value(0, 3));
    status.areas = std::stoull(counts.value(0, 4));
    status.changes = std::stoull(counts.value(0, 5));
    status.canWrite = counts.value(0, 6) == "t";
    return status;
}

std::optional<StorePush> PgStore::push(const Dataset& dataset, std::vector<Diagnostic>& problems) {
    auto fail = [&](const std::string& message) -> std::optional<StorePush> {
        problems.push_back({Severity::Fatal, codes::kStoreWrite, message, m_label, 0, 0, {}, {}});
        Result rollback(PQexec(m_connection, "ROLLBACK"));
        return std::nullopt;
    };
    auto run = [&](const char* sql) {
        Result r(PQexec(m_connection, sql));
        return r.ok() ? std::string() : trimmed(PQresultErrorMessage(r.result));
    };
    if (const std::string error = run("BEGIN"); !error.empty()) return fail(error);
    if (const std::string error = takeWriteTurn(); !error.empty()) return fail(error);
    // Each kind of row into a temporary table by COPY, then merged: added, or replaced where
    // its content changed (revision + 1; the trigger keeps the earlier version).
    // COPYs rows into a temporary table: `produce(rows)` fills `rows` with some CSV lines and
    // returns false when it has no more; each batch is sent as it is made.
    // COPYs rows into `target` ("table (columns)").
    auto copyBatches = [&](const std::string& target, const std::function<bool(std::string&)>& produce) -> std::string {
        Result copy(PQexec(m_connection, ("COPY " + target + " FROM STDIN (FORMAT csv)").c_str()));
        if (copy.status() != PGRES_COPY_IN) return trimmed(PQresultErrorMessage(copy.result));
        std::string batch;
        bool more = true;
        while (more) {
            batch.clear();
            more = produce(batch);
            if (!batch.empty() && PQputCopyData(m_connection, batch.data(), static_cast<int>(batch.size())) != 1)
                return trimmed(PQerrorMessage(m_connection));
        }
        if (PQputCopyEnd(m_connection, nullptr) != 1) return trimmed(PQerrorMessage(m_connection));
        Result done(PQgetResult(m_connection));
        if (!done.ok()) return trimmed(PQresultErrorMessage(done.result));
        return {};
    };
    auto stageBatches = [&](const std::string& name, const std::string& columns, const std::function<bool(std::string&)>& produce) -> std::string {
        if (std::string error = run(("CREATE TEMP TABLE " + name + " (" + columns + ") ON COMMIT DROP").c_str()); !error.empty()) return error;
        return copyBatches(name, produce);
    };
    auto stage = [&](const std::string& name, const std::string& columns, const std::string& rows) -> std::string {
        return stageBatches(name, columns, [&](std::string& batch) {
            batch = rows;
            return false;
        });
    };
    StorePush counts;
    // Merges a staging table into its table; counts what was added and changed.
    auto merge = [&](const std::string& table, const std::string& staging, const std::string& insertColumns, const std::string& selectColumns,
                     const std::string& updates) -> std::string {
        const std::string sql = "WITH merged AS (INSERT INTO " + table + " (" + insertColumns + ") SELECT " + selectColumns + " FROM " + staging +
                                " ORDER BY ord ON CONFLICT (id) DO UPDATE SET " + updates +
                                ", revision = " + table + ".revision + 1, changed_at = now(), changed_by = current_user WHERE " + table +
                                ".data IS DISTINCT FROM excluded.data RETURNING (xmax = 0) AS added) "
                                "SELECT count(*) FILTER (WHERE added), count(*) FILTER (WHERE NOT added), (SELECT count(*) FROM " + staging + ") FROM merged";
        Result r(PQexec(m_connection, sql.c_str()));
        if (!r.ok()) return trimmed(PQresultErrorMessage(r.result));
        const std::uint64_t added = std::stoull(r.value(0, 0)), changed = std::stoull(r.value(0, 1)), staged = std::stoull(r.value(0, 2));
        if (table == "atlas_events") {
            counts.added += added;
            counts.changed += changed;
            counts.unchanged += staged - added - changed;
        }
        return {};
    };

    // The document without its rows (format, metadata and unknown top-level fields), then
    // each row's JSON made one at a time: a million incidents never become one JSON tree.
    const Json document = detail::nativeDocument(subset(dataset, {}));
    Json head = document;
    for (const char* part : {"actors", "events", "sites", "lines", "areas"}) head.erase(part);
    {
        const char* values[] = {"document", nullptr};
        const std::string text = head.dump();
        values[1] = text.c_str();
        Result r(PQexecParams(m_connection, "INSERT INTO atlas_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                              2, nullptr, values, nullptr, nullptr, 0));
        if (!r.ok()) return fail(trimmed(PQresultErrorMessage(r.result)));
    }
    std::string rows;
    std::size_t order = 0;
    // Actors.
    for (const Json& actor : document["actors"]) {
        appendCsvField(rows, actor.value("id", std::string()));
        rows += ',' + std::to_string(order++) + ',';
        appendCsvField(rows, actor.dump());
        rows += '\n';
    }
    if (std::string e = stage("atlas_stage_actors", "id text, ord bigint, data jsonb", rows); !e.empty()) return fail(e);
    if (std::string e = merge("atlas_actors", "atlas_stage_actors", "id, data", "id, data", "data = excluded.data"); !e.empty()) return fail(e);
    // Incidents: their days, type and point as columns the server can search; sent 20,000 at
    // a time.
    std::size_t next = 0;
    bool withOrder = true; // a staging table's order column
    const auto produceEvents = [&](std::string& batch) {
        const std::size_t end = std::min(dataset.events.size(), next + 20000);
        for (; next < end; ++next) {
            const Event event = dataset.events.at(next);
            const PossibleDays days = possibleDays(event.date, event.datePrecision, event.endDate);
            appendCsvField(batch, event.id);
            if (withOrder) batch += ',' + std::to_string(next);
            batch += ',' + days.first.toString() + ',' + std::max(days.last, event.endDate.value_or(days.last)).toString() + ',';
            batch += std::string(toKey(event.type)) + ',' + ewkbPoint(event.place.point.longitude, event.place.point.latitude) + ',';
            appendCsvField(batch, detail::eventToJson(event).dump());
            batch += '\n';
        }
        return next < dataset.events.size();
    };
    // Into an empty store, many at once: straight into the table, with its primary key and
    // search indexes made again after (one sort instead of a million inserts into each); the history trigger
    // records them as for any insert. Only the table's owner may drop its indexes: others go
    // the usual way.
    bool loaded = false;
    if (dataset.events.size() >= 10000) {
        Result empty(PQexec(m_connection, "SELECT NOT EXISTS (SELECT 1 FROM atlas_events)"));
        if (empty.ok() && empty.value(0, 0) == "t" && run("SAVEPOINT bulk").empty()) {
            if (run("DROP INDEX atlas_events_geom, atlas_events_days, atlas_events_type; ALTER TABLE atlas_events DROP CONSTRAINT atlas_events_pkey").empty()) {
                withOrder = false;
                if (std::string e = copyBatches("atlas_events (id, first_day, last_day, type, geom, data)", produceEvents); !e.empty()) return fail(e);
                // Two incidents with one id are refused here, as the merge would refuse them.
                if (std::string e = run("ALTER TABLE atlas_events ADD CONSTRAINT atlas_events_pkey PRIMARY KEY (id); "
                                        "CREATE INDEX atlas_events_geom ON atlas_events USING gist (geom); "
                                        "CREATE INDEX atlas_events_days ON atlas_events (first_day, last_day); "
                                        "CREATE INDEX atlas_events_type ON atlas_events (type)");
                    !e.empty())
                    return fail(e);
                counts.added = dataset.events.size();
                loaded = true;
            } else if (std::string e = run("ROLLBACK TO SAVEPOINT bulk"); !e.empty()) {
                return fail(e);
            }
        }
    }
    if (!loaded) {
        if (std::string e = stageBatches("atlas_stage_events", "id text, ord bigint, first_day date, last_day date, type text, geom geometry(Point, 4326), data jsonb",
                                         produceEvents);
            !e.empty())
            return fail(e);
        if (std::string e = merge("atlas_events", "atlas_stage_events", "id, first_day, last_day, type, geom, data", "id, first_day, last_day, type, geom, data",
                                  "first_day = excluded.first_day, last_day = excluded.last_day, type = excluded.type, geom = excluded.geom, data = excluded.data");
            !e.empty())
            return fail(e);
    }
    // Sites (with their point), lines and areas.
    auto simple = [&](const char* part, const std::string& table, bool point) -> std::string {
        rows.clear();
        order = 0;
        if (!document.contains(part)) return {};
        for (const Json& row : document[part]) {
            appendCsvField(rows, row.value("id", std::string()));
            rows += ',' + std::to_string(order++) + ',';
            if (point) {
                const Json* place = row.contains("place") ? &row["place"] : nullptr;
                if (place && place->contains("lat") && place->contains("lon") && (*place)["lat"].is_number() && (*place)["lon"].is_number())
                    rows += "SRID=4326;POINT(" + coordinate((*place)["lon"].get<double>()) + ' ' + coordinate((*place)["lat"].get<double>()) + ")";
                rows += ',';
            }
            appendCsvField(rows, row.dump());
            rows += '\n';
        }
        const std::string staging = "atlas_stage_" + std::string(part);
        if (std::string e = stage(staging, point ? "id text, ord bigint, geom geometry(Point, 4326), data jsonb" : "id text, ord bigint, data jsonb", rows);
            !e.empty())
            return e;
        return merge(table, staging, point ? "id, geom, data" : "id, data", point ? "id, geom, data" : "id, data",
                     point ? "geom = excluded.geom, data = excluded.data" : "data = excluded.data");
    };
    if (std::string e = simple("sites", "atlas_sites", true); !e.empty()) return fail(e);
    if (std::string e = simple("lines", "atlas_lines", false); !e.empty()) return fail(e);
    if (std::string e = simple("areas", "atlas_areas", false); !e.empty()) return fail(e);
    if (const std::string error = run("COMMIT"); !error.empty()) return fail(error);
    return counts;
}

LoadResult PgStore::pull(const EventFilter& filter, StoreState* state, std::optional<Date> asKnownOn) {
    LoadResult result;
    // Records the failure; the caller returns `result` (a moved-from one would lose it).
    auto note = [&](const std::string& message) { result.diagnostics.push_back({Severity::Fatal, codes::kStoreQuery, message, m_label, 0, 0, {}, {}}); };
    auto fail = [&](const std::string& message) {
        note(message);
        return std::move(result);
    };
    // One snapshot for every statement below, so the revisions and the last change match the rows.
    Result begin(PQexec(m_connection, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
    struct EndTransaction {
        pg_conn* connection;
        ~EndTransaction() { Result r(PQexec(connection, "COMMIT")); }
    } endTransaction{m_connection};
    Result head(PQexec(m_connection, "SELECT value FROM atlas_meta WHERE key = 'document'"));
    if (!head.ok()) return fail("no Conflict Atlas store here (conflict-atlas db init makes one): " + trimmed(PQresultErrorMessage(head.result)));
    Json document = head.rows() == 1 ? Json::parse(head.value(0, 0), nullptr, false) : Json{{"format", "conflict-atlas"}, {"version", 1}};
    if (document.is_discarded()) return fail("the store's document row is not JSON");
    // Rows as one JSON array, assembled by the server (a statement giving one json value).
    auto arrayFrom = [&](const std::string& sql, const std::vector<std::string>& parameters) -> std::optional<Json> {
        Result r(execWith(m_connection, sql, parameters));
        if (!r.ok()) {
            note(trimmed(PQresultErrorMessage(r.result)));
            return std::nullopt;
        }
        Json rows = Json::parse(r.value(0, 0), nullptr, false);
        if (rows.is_discarded()) return Json::array();
        return rows;
    };
    // A table's rows in the order they were first added.
    auto rowsOf = [&](const std::string& table, const std::string& where, const std::vector<std::string>& parameters) {
        return arrayFrom("SELECT coalesce(json_agg(data ORDER BY seq), '[]'::json) FROM " + table + where, parameters);
    };
    // The days and the box are the server's to choose (an incident is in when any day it may
    // fall on is); the rest of the filter is applied below by the file engine.
    std::vector<std::string> parameters;
    const std::string where = daysAndBox(filter, parameters);
    // Each row's last recorded version by the end of the day, in the order they were first
    // added. A change's version: its after, else (an insert) the before of the row's next
    // change, else the row as it is now. A deletion (a before and no after) has none.
    auto asKnown = [&](const std::string& table) -> std::optional<Json> {
        return arrayFrom("SELECT coalesce(json_agg(version ORDER BY first), '[]'::json) FROM ("
                          " SELECT DISTINCT ON (h.id) h.id, h.first, CASE WHEN h.deleted THEN NULL ELSE coalesce(h.after, h.next_before, e.data) END AS version"
                          " FROM (SELECT id, change, changed_at, after, before IS NOT NULL AND after IS NULL AS deleted,"
                          "  lead(before) OVER (PARTITION BY id ORDER BY change) AS next_before, min(change) OVER (PARTITION BY id) AS first"
                          "  FROM atlas_history WHERE table_name = $2) h"
                          " LEFT JOIN " + table + " e USING (id) WHERE h.changed_at < $1::date ORDER BY h.id, h.change DESC) latest"
                          " WHERE version IS NOT NULL",
                          {asKnownOn->addDays(1).toString(), table});
    };
    for (const auto& [part, table] : {std::pair{"actors", "atlas_actors"}, std::pair{"sites", "atlas_sites"}, std::pair{"lines", "atlas_lines"},
                                      std::pair{"areas", "atlas_areas"}}) {
        // Actors as they are now: an incident of the day may name one made later (its
        // mapping, not its existence, is what changes).
        auto rows = asKnownOn && std::string(part) != "actors" ? asKnown(table) : rowsOf(table, "", {});
        if (!rows) return result;
        if (!rows->empty() || std::string(part) == "actors") document[part] = std::move(*rows);
    }
    std::optional<Json> events;
    if (asKnownOn) {
        // The days and box then go to the file engine with the rest.
        events = asKnown("atlas_events");
        if (!events) return result;
    } else {
        events = rowsOf("atlas_events", where, parameters);
        if (!events) return result;
    }
    if (state) {
        Result last(PQexec(m_connection, "SELECT coalesce(max(change), 0) FROM atlas_history"));
        if (!last.ok()) return fail(trimmed(PQresultErrorMessage(last.result)));
        state->lastChange = std::stoll(last.value(0, 0));
        state->revisions.clear();
        if (!asKnownOn) {
            Result r(execWith(m_connection, "SELECT id, revision FROM atlas_events" + where, parameters));
            if (!r.ok()) return fail(trimmed(PQresultErrorMessage(r.result)));
            state->revisions.reserve(static_cast<std::size_t>(r.rows()));
            for (int row = 0; row < r.rows(); ++row) state->revisions.emplace(r.value(row, 0), std::atoi(PQgetvalue(r.result, row, 1)));
            for (const auto& [table, word] : {std::pair{"atlas_sites", "site:"}, std::pair{"atlas_lines", "line:"}, std::pair{"atlas_areas", "area:"}}) {
                Result rows(PQexec(m_connection, (std::string("SELECT id, revision FROM ") + table).c_str()));
                if (!rows.ok()) return fail(trimmed(PQresultErrorMessage(rows.result)));
                for (int row = 0; row < rows.rows(); ++row) state->revisions.emplace(word + rows.value(row, 0), std::atoi(PQgetvalue(rows.result, row, 1)));
            }
        }
    }
    document["events"] = std::move(*events);
    LoadResult read = readNativeText(document.dump(), m_label);
    if (read.failed()) return read;
    // The same engine as for files, for the same meaning (actors, types, text, …).
    EventFilter rest = filter;
    if (!asKnownOn) {
        rest.from.reset();
        rest.to.reset();
        rest.box.reset();
    }
    if (!(rest == EventFilter{})) {
        const EventIndex index(read.dataset);
        const auto positions = index.select(rest);
        read.dataset = subset(read.dataset, positions);
    }
    return read;
}

} // namespace atlas

namespace atlas {

std::string StoreConflict::toText() const {
    const std::string id = editId(mine);
    const std::string word = std::visit([](const auto& e) { return std::string(kItemWord<typename std::decay_t<decltype(e)>::Item>); }, mine);
    const bool gone = std::visit([](const auto& e) { return !e.after.has_value(); }, theirs);
    const bool added = isAddition(mine);
    if (gone && added) return word + " " + id + " could not be added";
    if (gone) return word + " " + id + " was deleted by " + changedBy + " at " + changedAt + " after you read it";
    if (added) return word + " " + id + " was added by " + changedBy + " at " + changedAt + " while you wrote yours";
    return word + " " + id + " was changed by " + changedBy + " at " + changedAt + " (revision " + std::to_string(theirRevision) + ") after you read it";
}

namespace {

// A row as the columns of its table, for a statement: names, the SQL of each value with its
// parameters numbered from $1 (a point from two numbers, JSON cast to jsonb), and the parameters.
struct RowColumns {
    std::string table;
    std::vector<std::string> names, values, parameters;
    /// "id, first_day, …" and "$1, $2::date, …", for an INSERT.
    [[nodiscard]] std::string nameList() const { return joined(names, [](const std::string& n) { return n; }); }
    [[nodiscard]] std::string valueList() const { return joined(values, [](const std::string& v) { return v; }); }
    /// "id = $1, first_day = $2::date, …", for an UPDATE.
    [[nodiscard]] std::string assignments() const {
        std::size_t i = 0;
        return joined(names, [&](const std::string& n) { return n + " = " + values[i++]; });
    }

private:
    template <class Each> static std::string joined(const std::vector<std::string>& items, Each each) {
        std::string out;
        for (const std::string& item : items) out += (out.empty() ? "" : ", ") + each(item);
        return out;
    }
};

RowColumns columnsOf(const Event& event) {
    const PossibleDays days = possibleDays(event.date, event.datePrecision, event.endDate);
    return {"atlas_events",
            {"id", "first_day", "last_day", "type", "geom", "data"},
            {"$1", "$2::date", "$3::date", "$4", "ST_SetSRID(ST_MakePoint($5::float8, $6::float8), 4326)", "$7::jsonb"},
            {event.id, days.first.toString(), std::max(days.last, event.endDate.value_or(days.last)).toString(), std::string(toKey(event.type)),
             coordinate(event.place.point.longitude), coordinate(event.place.point.latitude), detail::eventToJson(event).dump()}};
}
RowColumns columnsOf(const Site& site) {
    return {"atlas_sites",
            {"id", "geom", "data"},
            {"$1", "ST_SetSRID(ST_MakePoint($2::float8, $3::float8), 4326)", "$4::jsonb"},
            {site.id, coordinate(site.place.point.longitude), coordinate(site.place.point.latitude), detail::siteToJson(site).dump()}};
}
// Lines' and areas' geometry and days are the server's own (schema 4's generated columns).
RowColumns columnsOf(const Line& line) { return {"atlas_lines", {"id", "data"}, {"$1", "$2::jsonb"}, {line.id, detail::lineToJson(line).dump()}}; }
RowColumns columnsOf(const Area& area) { return {"atlas_areas", {"id", "data"}, {"$1", "$2::jsonb"}, {area.id, detail::areaToJson(area).dump()}}; }


} // namespace

std::optional<StoreCommit> PgStore::commit(const std::vector<Edit>& edits, const std::unordered_map<std::string, int>& known,
                                           std::vector<Diagnostic>& problems, const std::vector<Actor>& newActors) {
    m_lastFailureTransient = false;
    auto fail = [&](const std::string& message) -> std::optional<StoreCommit> {
        problems.push_back({Severity::Fatal, codes::kStoreWrite, message, m_label, 0, 0, {}, {}});
        Result rollback(PQexec(m_connection, "ROLLBACK"));
        return std::nullopt;
    };
    // A failure the same commit may not meet again: a deadlock or serialization failure (class
    // 40), a lock or statement timeout.
    auto failWith = [&](const PGresult* result) {
        const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
        const std::string code = state ? state : "";
        m_lastFailureTransient = code.rfind("40", 0) == 0 || code == "55P03" || code == "57014";
        return fail(trimmed(PQresultErrorMessage(result)));
    };
    Result begin(PQexec(m_connection, "BEGIN"));
    if (!begin.ok()) return fail(trimmed(PQerrorMessage(m_connection)));
    if (const std::string error = takeWriteTurn(); !error.empty()) return fail(error);
    StoreCommit outcome;
    std::unordered_map<std::string, int> revisions = known; // as the edits go on
    auto exec = [&](const std::string& sql, const std::vector<std::string>& parameters) {
        return std::make_unique<Result>(execWith(m_connection, sql, parameters));
    };
    for (const Actor& actor : newActors) {
        auto added = exec("INSERT INTO atlas_actors (id, data) VALUES ($1, $2::jsonb) ON CONFLICT (id) DO NOTHING", {actor.id, detail::actorToJson(actor).dump()});
        if (!added->ok()) return failWith(added->result);
    }
    for (const Edit& anyEdit : edits) {
        // Written: the row's new revision noted; else the conflict, a server error, or a row of
        // the store this program cannot read (refused: neither written over nor taken as gone).
        const PGresult* error = nullptr;
        std::string unreadableRow;
        std::unique_ptr<Result> written, now;
        std::visit(
            [&](const auto& edit) {
                using Item = typename std::decay_t<decltype(edit)>::Item;
                const std::string table = columnsOf(edit.before ? *edit.before : *edit.after).table;
                const std::string id = edit.before ? edit.before->id : edit.after->id;
                // The row as the store has it now (locked until the commit), who wrote it when.
                StoreConflict conflict;
                RowEdit<Item> theirs;
                auto readNow = [&]() -> bool {
                    now = exec("SELECT data, revision, changed_by, to_char(changed_at, 'YYYY-MM-DD HH24:MI:SS') || '+00' FROM " + table +
                                   " WHERE id = $1 FOR UPDATE",
                               {id});
                    if (!now->ok()) {
                        error = now->result;
                        return false;
                    }
                    if (now->rows() == 1) {
                        // Read as a file's row is: another writer's JSON (psql, QGIS, an older
                        // version) that means the same is the same row.
                        std::string unreadable;
                        theirs.after = detail::rowFromJson<Item>(Json::parse(now->value(0, 0), nullptr, false), unreadable);
                        if (!theirs.after) {
                            unreadableRow = std::string(kItemWord<Item>) + " " + id + " in the store cannot be read (" + unreadable + "); nothing was written";
                            return false;
                        }
                        conflict.theirRevision = std::atoi(now->value(0, 1).c_str());
                        conflict.changedBy = now->value(0, 2);
                        conflict.changedAt = now->value(0, 3);
                    }
                    return true;
                };
                if (edit.isAddition()) {
                    const RowColumns c = columnsOf(*edit.after);
                    written = exec("INSERT INTO " + c.table + " (" + c.nameList() + ") VALUES (" + c.valueList() + ") ON CONFLICT (id) DO NOTHING RETURNING revision",
                                   c.parameters);
                    if (!written->ok()) {
                        error = written->result;
                        return;
                    }
                    if (written->rows() == 0 && !readNow()) return;
                } else {
                    // Written only where the row still has the revision the client knew and the
                    // content the edit was made from.
                    if (!readNow()) return;
                    const auto revision = revisions.find(storeRevisionKey<Item>(edit.before->id));
                    const bool unchanged = theirs.after && revision != revisions.end() && conflict.theirRevision == revision->second && *theirs.after == *edit.before;
                    if (unchanged && edit.after) {
                        const RowColumns c = columnsOf(*edit.after);
                        std::vector<std::string> parameters = c.parameters;
                        parameters.push_back(edit.before->id);
                        written = exec("UPDATE " + c.table + " SET " + c.assignments() + ", revision = revision + 1, changed_at = now(), changed_by = current_user WHERE id = $" +
                                           std::to_string(parameters.size()) + " RETURNING revision",
                                       parameters);
                    } else if (unchanged) {
                        written = exec("DELETE FROM " + table + " WHERE id = $1 RETURNING 0", {edit.before->id});
                    }
                    if (written && !written->ok()) {
                        error = written->result;
                        return;
                    }
                }
                if (written && written->rows() == 1) {
                    if (edit.before && edit.after && edit.after->id != edit.before->id) revisions.erase(storeRevisionKey<Item>(edit.before->id));
                    const std::string key = storeRevisionKey<Item>(edit.id());
                    revisions[key] = std::atoi(written->value(0, 0).c_str());
                    outcome.revisions[key] = revisions[key];
                    return;
                }
                // Not as the client saw it: the store's version (read above), or who deleted it.
                conflict.mine = edit;
                if (now && now->rows() == 0) {
                    auto gone = exec("SELECT changed_by, to_char(changed_at, 'YYYY-MM-DD HH24:MI:SS') || '+00' FROM atlas_history "
                                "WHERE table_name = $2 AND id = $1 AND before IS NOT NULL AND after IS NULL ORDER BY change DESC LIMIT 1",
                                {id, table});
                    if (gone->ok() && gone->rows() == 1) {
                        conflict.changedBy = gone->value(0, 0);
                        conflict.changedAt = gone->value(0, 1);
                    }
                }
                conflict.theirs = std::move(theirs);
                outcome.conflicts.push_back(std::move(conflict));
            },
            anyEdit);
        if (error) return failWith(error);
        if (!unreadableRow.empty()) return fail(unreadableRow);
    }
    if (!outcome.conflicts.empty()) {
        Result rollback(PQexec(m_connection, "ROLLBACK"));
        for (const StoreConflict& conflict : outcome.conflicts)
            problems.push_back({Severity::Error, codes::kStoreConflict, conflict.toText() + "; nothing was written", m_label, 0, 0, {}, {}});
        outcome.revisions.clear();
        return outcome;
    }
    Result done(PQexec(m_connection, "COMMIT"));
    if (!done.ok()) return failWith(done.result);
    outcome.committed = true;
    return outcome;
}

namespace {

// The rows of `table` changed after `since` (as they are now; deleted ones by id), read in the
// caller's transaction; "" or the server's complaint.
template <class Item>
std::string rowChangesSince(pg_conn* connection, const char* table, const std::string& since, StoreRowChanges<Item>& changes,
                            std::vector<Diagnostic>& problems, const std::string& label) {
    Result r(execWith(connection,
                      std::string("SELECT h.id, e.revision, e.data FROM (SELECT id, min(change) AS first FROM atlas_history WHERE table_name = $2 "
                                  "AND change > $1::bigint GROUP BY id) h LEFT JOIN ") +
                          table + " e USING (id) ORDER BY h.first",
                      {since, table}));
    if (!r.ok()) return trimmed(PQresultErrorMessage(r.result));
    for (int row = 0; row < r.rows(); ++row) {
        if (PQgetisnull(r.result, row, 2)) {
            changes.deleted.push_back(r.value(row, 0));
            continue;
        }
        std::string error;
        auto item = detail::rowFromJson<Item>(Json::parse(r.value(row, 2), nullptr, false), error);
        if (!item) {
            problems.push_back({Severity::Error, codes::kStoreQuery, std::string(kItemWord<Item>) + " " + r.value(row, 0) + " in the store cannot be read: " + error,
                                label, 0, 0, {}, {}});
            continue;
        }
        changes.current.push_back(std::move(*item));
        changes.revisions.push_back(std::atoi(r.value(row, 1).c_str()));
    }
    return {};
}

} // namespace

std::optional<StoreChanges> PgStore::changesSince(std::int64_t since, std::vector<Diagnostic>& problems) {
    const std::string after = std::to_string(since);
    const char* values[] = {after.c_str()};
    Result begin(PQexec(m_connection, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
    Result actors(PQexecParams(m_connection,
                               "SELECT a.data FROM (SELECT id, min(change) AS first FROM atlas_history WHERE table_name = 'atlas_actors' "
                               "AND change > $1::bigint GROUP BY id) h JOIN atlas_actors a USING (id) ORDER BY h.first",
                               1, nullptr, values, nullptr, nullptr, 0));
    Result last(PQexec(m_connection, "SELECT coalesce(max(change), 0) FROM atlas_history"));
    StoreChanges changes;
    StoreRowChanges<Event> events;
    std::string failure = rowChangesSince(m_connection, "atlas_events", after, events, problems, m_label);
    if (failure.empty()) failure = rowChangesSince(m_connection, "atlas_sites", after, changes.sites, problems, m_label);
    if (failure.empty()) failure = rowChangesSince(m_connection, "atlas_lines", after, changes.lines, problems, m_label);
    if (failure.empty()) failure = rowChangesSince(m_connection, "atlas_areas", after, changes.areas, problems, m_label);
    Result end(PQexec(m_connection, "COMMIT"));
    if (!failure.empty() || !last.ok()) {
        problems.push_back({Severity::Fatal, codes::kStoreQuery, failure.empty() ? trimmed(PQresultErrorMessage(last.result)) : failure, m_label, 0, 0, {}, {}});
        return std::nullopt;
    }
    changes.lastChange = std::stoll(last.value(0, 0));
    for (int row = 0; actors.ok() && row < actors.rows(); ++row) {
        std::string error;
        if (auto actor = detail::actorFromJson(Json::parse(actors.value(row, 0), nullptr, false), error)) changes.actors.push_back(std::move(*actor));
    }
    changes.current = std::move(events.current);
    changes.revisions = std::move(events.revisions);
    changes.deleted = std::move(events.deleted);
    return changes;
}

bool PgStore::listen(std::vector<Diagnostic>& problems) {
    Result version(PQexec(m_connection, "SELECT value FROM atlas_meta WHERE key = 'schema_version'"));
    if (!version.ok() || version.rows() != 1 || std::atoi(version.value(0, 0).c_str()) < 2) {
        problems.push_back({Severity::Warning, codes::kStoreSchema,
                            "the store's schema does not notify clients of changes yet (conflict-atlas db init upgrades it); changes are seen on refresh",
                            m_label, 0, 0, {}, {}});
        return false;
    }
    Result r(PQexec(m_connection, "LISTEN atlas_changes"));
    if (!r.ok()) {
        problems.push_back(queryFailure(r.result, m_label));
        return false;
    }
    return true;
}

StoreWait PgStore::waitForChange(int milliseconds) {
    auto drained = [&] {
        bool any = false;
        while (PGnotify* notice = PQnotifies(m_connection)) {
            any = true;
            PQfreemem(notice);
        }
        return any;
    };
    if (!PQconsumeInput(m_connection)) return StoreWait::Lost;
    if (drained()) return StoreWait::Changed;
    const int socket = PQsocket(m_connection);
    if (socket < 0) return StoreWait::Lost;
    pollfd watched{socket, POLLIN, 0};
    const int ready = ::poll(&watched, 1, milliseconds);
    if (ready < 0) return errno == EINTR ? StoreWait::TimedOut : StoreWait::Lost;
    if (ready == 0) return StoreWait::TimedOut;
    if (!PQconsumeInput(m_connection)) return StoreWait::Lost;
    return drained() ? StoreWait::Changed : (PQstatus(m_connection) == CONNECTION_OK ? StoreWait::TimedOut : StoreWait::Lost);
}

bool PgStore::connected() const { return PQstatus(m_connection) == CONNECTION_OK; }

} // namespace atlas

namespace atlas {

std::optional<std::uint64_t> PgStore::count(const EventFilter& filter, std::vector<Diagnostic>& problems) {
    std::vector<std::string> parameters;
    const std::string where = daysAndBox(filter, parameters);
    Result r(execWith(m_connection, "SELECT count(*) FROM atlas_events" + where, parameters));
    if (!r.ok()) {
        problems.push_back(queryFailure(r.result, m_label));
        return std::nullopt;
    }
    return std::stoull(r.value(0, 0));
}

std::optional<GeoBox> PgStore::extent(std::vector<Diagnostic>& problems) {
    Result r(PQexec(m_connection, "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(geom) AS e FROM atlas_events) x"));
    if (!r.ok()) {
        problems.push_back(queryFailure(r.result, m_label));
        return std::nullopt;
    }
    if (PQgetisnull(r.result, 0, 0)) return std::nullopt;
    return GeoBox{std::stod(r.value(0, 0)), std::stod(r.value(0, 1)), std::stod(r.value(0, 2)), std::stod(r.value(0, 3))};
}

} // namespace atlas

namespace atlas {

std::optional<std::vector<StoreHistoryEntry>> PgStore::history(const std::string& id, std::optional<Date> since, int limit,
                                                              std::vector<Diagnostic>& problems) {
    std::vector<std::string> parameters{id, since ? since->toString() : std::string(), std::to_string(std::max(1, limit))};
    const char* values[] = {parameters[0].c_str(), parameters[1].c_str(), parameters[2].c_str()};
    // An insert's row has neither before nor after (schema 3) or only an after (2); a delete
    // only a before.
    Result r(PQexecParams(m_connection,
                          "SELECT change, substr(table_name, 7), id, coalesce(revision, 0), "
                          "CASE WHEN before IS NULL THEN 'added' WHEN after IS NULL THEN 'deleted' ELSE 'changed' END, "
                          "to_char(changed_at, 'YYYY-MM-DD HH24:MI:SS') || '+00', changed_by FROM ("
                          " SELECT * FROM atlas_history WHERE ($1 = '' OR id = $1) AND ($2 = '' OR changed_at >= $2::date)"
                          " ORDER BY change DESC LIMIT $3::integer) latest ORDER BY change",
                          3, nullptr, values, nullptr, nullptr, 0));
    if (!r.ok()) {
        problems.push_back(queryFailure(r.result, m_label));
        return std::nullopt;
    }
    std::vector<StoreHistoryEntry> entries;
    for (int row = 0; row < r.rows(); ++row)
        entries.push_back({std::stoll(r.value(row, 0)), r.value(row, 1), r.value(row, 2), std::atoi(r.value(row, 3).c_str()), r.value(row, 4),
                           r.value(row, 5), r.value(row, 6)});
    return entries;
}

} // namespace atlas
