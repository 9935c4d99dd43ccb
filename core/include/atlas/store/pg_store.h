#pragma once

// A team's shared incident store on PostgreSQL with PostGIS (docs/format.md, "The shared
// store"), through libpq: one implementation for the commands and the window. Each incident,
// actor, site, line and area is a row holding its native JSON (atlas/io/native_format.h) with
// the columns a server needs to find it — days, type, a PostGIS geometry with a spatial index
// — and a revision number; every change is kept in a history table (who, when, before, after)
// by the server's own triggers, whoever writes. SQL goes only through parameterised
// statements and COPY; a connection string is used to connect and nothing else, and never
// written into a diagnostic with its password.

#include "atlas/io/load_result.h"
#include "atlas/model/dataset.h"
#include "atlas/model/diagnostic.h"
#include "atlas/query/query.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct pg_conn;

namespace atlas {

/// Whether `text` names a database rather than a file: a postgresql:// or postgres:// URI, a
/// "key=value" connection string, or "service=NAME".
[[nodiscard]] bool isStoreUrl(std::string_view text);
/// The URL with any password replaced by "***", for messages and logs.
[[nodiscard]] std::string redactedUrl(std::string_view url);

/// The schema version this program creates and reads.
inline constexpr int kStoreSchemaVersion = 1;

struct StoreStatus {
    std::string server;        ///< "PostgreSQL 17.12, PostGIS 3.5.2"
    std::string user;          ///< the role connected as
    int schemaVersion = 0;     ///< 0: no Conflict Atlas schema in this database yet
    bool canWrite = false;     ///< the role may add and change incidents
    std::uint64_t events = 0, actors = 0, sites = 0, lines = 0, areas = 0, changes = 0;
};

/// What a push did.
struct StorePush {
    std::uint64_t added = 0, changed = 0, unchanged = 0;
};

class PgStore {
public:
    /// Connects (libpq: a URI, a key=value string or service=NAME; passwords from ~/.pgpass or
    /// the service file); fatal "store.connect" with libpq's reason when it cannot.
    [[nodiscard]] static std::unique_ptr<PgStore> connect(const std::string& url, std::vector<Diagnostic>& problems);
    ~PgStore();
    PgStore(const PgStore&) = delete;
    PgStore& operator=(const PgStore&) = delete;

    /// Creates the schema (PostGIS, tables, indexes, history triggers) or migrates an older
    /// one to kStoreSchemaVersion; a newer one is refused.
    [[nodiscard]] std::vector<Diagnostic> init();
    [[nodiscard]] std::optional<StoreStatus> status(std::vector<Diagnostic>& problems);
    /// Adds the dataset's incidents, actors, sites, lines and areas, or replaces those whose
    /// id is there already and whose content differs (their revision goes up; the server
    /// keeps the earlier version in its history), in one transaction.
    [[nodiscard]] std::optional<StorePush> push(const Dataset& dataset, std::vector<Diagnostic>& problems);
    /// The store's data: the incidents of `filter`'s days and box chosen by the server, the
    /// rest of the filter applied by the same engine as files (query.h); every actor, site,
    /// line and area.
    [[nodiscard]] LoadResult pull(const EventFilter& filter);

private:
    explicit PgStore(pg_conn* connection, std::string label);
    pg_conn* m_connection = nullptr;
    std::string m_label; ///< the URL without its password
};

} // namespace atlas
