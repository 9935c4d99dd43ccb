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
#include "atlas/model/edits.h"
#include "atlas/model/dataset.h"
#include "atlas/model/diagnostic.h"
#include "atlas/query/query.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <type_traits>
#include <string>
#include <unordered_map>
#include <vector>

struct pg_conn;

namespace atlas {

/// Whether `text` names a database rather than a file: a postgresql:// or postgres:// URI, a
/// "key=value" connection string, or "service=NAME".
[[nodiscard]] bool isStoreUrl(std::string_view text);
/// The URL with any password replaced by "***", for messages and logs.
[[nodiscard]] std::string redactedUrl(std::string_view url);

/// The schema version this program creates and reads (2: the history triggers also notify
/// listening clients; 3: an insert's history row holds no copy of the row; 4: lines and areas
/// have a geometry and validity days made by the server, with spatial and B-tree indexes, and
/// every writer — psql, QGIS — takes the write turn in the history triggers).
inline constexpr int kStoreSchemaVersion = 4;

struct StoreStatus {
    std::string server;        ///< "PostgreSQL 17.12, PostGIS 3.5.2"
    std::string user;          ///< the role connected as
    std::string connection;    ///< "TLS (TLSv1.3)" or "not encrypted" (as sslmode and the server agreed)
    int schemaVersion = 0;     ///< 0: no Conflict Atlas schema in this database yet
    bool canWrite = false;     ///< the role may add and change incidents
    std::uint64_t events = 0, actors = 0, sites = 0, lines = 0, areas = 0, changes = 0;
};

/// What a push did.
struct StorePush {
    std::uint64_t added = 0, changed = 0, unchanged = 0;
};

/// The key of a row's revision in StoreState and StoreCommit: an incident's id as it is, a
/// site's, line's or area's after "site:", "line:", "area:" (their ids are their own).
template <class Item> [[nodiscard]] std::string storeRevisionKey(const std::string& id) {
    if constexpr (std::is_same_v<Item, Event>) return id;
    else return std::string(kItemWord<Item>) + ":" + id;
}
[[nodiscard]] inline std::string storeRevisionKey(const Edit& edit) {
    return std::visit([](const auto& e) { return storeRevisionKey<typename std::decay_t<decltype(e)>::Item>(e.id()); }, edit);
}

/// What a client that edits needs besides the data: each row's revision (storeRevisionKey),
/// and the last change the server had recorded when it was read (where changesSince() goes on
/// from).
struct StoreState {
    std::unordered_map<std::string, int> revisions;
    std::int64_t lastChange = 0;
};

/// An edit the store refused because the row is not as the client last saw it.
struct StoreConflict {
    Edit mine;   ///< the edit as the client tried to make it, kept whole
    Edit theirs; ///< of mine's kind: its `after` is the row in the store now (nullopt: deleted there), its `before` unused
    int theirRevision = 0;
    std::string changedBy;       ///< the role that made the store's version
    std::string changedAt;       ///< when, "YYYY-MM-DD HH:MM:SS+00"
    /// "incident X was changed by alice at … (revision 3) after you read it".
    [[nodiscard]] std::string toText() const;
};

/// What commit() did: all the edits, or none of them and why.
struct StoreCommit {
    bool committed = false;
    std::vector<StoreConflict> conflicts;
    /// The revision each row written now has (0: deleted), by storeRevisionKey.
    std::unordered_map<std::string, int> revisions;
};

/// Rows of one kind changed in the store since a change number.
template <class Item> struct StoreRowChanges {
    std::vector<Item> current;        ///< added or changed, as they are now
    std::vector<int> revisions;       ///< current's revisions, in the same order
    std::vector<std::string> deleted; ///< ids no longer in the store
};

/// What changed in the store since a change number.
struct StoreChanges {
    std::vector<Event> current;       ///< incidents added or changed, as they are now
    std::vector<int> revisions;       ///< current's revisions, in the same order
    std::vector<std::string> deleted; ///< incident ids no longer in the store
    std::vector<Actor> actors;        ///< actors added or changed, as they are now
    StoreRowChanges<Site> sites;
    StoreRowChanges<Line> lines;
    StoreRowChanges<Area> areas;
    std::int64_t lastChange = 0;
};

/// One change the store's history keeps: who made it when.
struct StoreHistoryEntry {
    std::int64_t change = 0;
    std::string table;     ///< "events", "actors", "sites", "lines", "areas"
    std::string id;
    int revision = 0;
    std::string operation; ///< "added", "changed", "deleted"
    std::string changedAt; ///< "YYYY-MM-DD HH:MM:SS+00"
    std::string changedBy;
};

/// What waitForChange() saw.
enum class StoreWait { Changed, TimedOut, Lost };

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
    /// line and area. With `asKnownOn`, the incidents, sites, lines and areas as the store held
    /// them at the end of that day (UTC), from its history: later additions left out, later
    /// changes undone, later deletions brought back. `state`, when given, receives the revisions and the last change.
    [[nodiscard]] LoadResult pull(const EventFilter& filter, StoreState* state = nullptr, std::optional<Date> asKnownOn = std::nullopt);

    /// How many incidents the server holds in `filter`'s days and box (the rest of the filter
    /// is not applied: an upper bound of what pull() gives). Uses the spatial and day indexes.
    [[nodiscard]] std::optional<std::uint64_t> count(const EventFilter& filter, std::vector<Diagnostic>& problems);
    /// The history, oldest first: of one row (`id`, any table) or of all, from `since` (UTC day)
    /// on, at most `limit` entries (the latest ones).
    [[nodiscard]] std::optional<std::vector<StoreHistoryEntry>> history(const std::string& id, std::optional<Date> since, int limit,
                                                                        std::vector<Diagnostic>& problems);
    /// The box around every incident in the store; nullopt when it holds none.
    [[nodiscard]] std::optional<GeoBox> extent(std::vector<Diagnostic>& problems);

    /// Makes `edits` (incidents, sites, lines, areas) in one transaction, each only if the row is
    /// still at the revision in `known` (storeRevisionKey) with the content it was made from
    /// (an addition: only if no row of its kind has its id). When any is not, nothing is
    /// written and each such edit comes back as a conflict with the store's version: the
    /// caller keeps its own and decides. A server error: nullopt and a "store.write" problem.
    /// `newActors` (made for these edits) are added first in the same transaction; one whose id
    /// the store has already is left as the store has it.
    [[nodiscard]] std::optional<StoreCommit> commit(const std::vector<Edit>& edits, const std::unordered_map<std::string, int>& known,
                                                    std::vector<Diagnostic>& problems, const std::vector<Actor>& newActors = {});
    /// The incidents, sites, lines, areas and actors added, changed or deleted after change
    /// number `since` (StoreState's).
    [[nodiscard]] std::optional<StoreChanges> changesSince(std::int64_t since, std::vector<Diagnostic>& problems);
    /// Asks the server to tell this connection of every change (LISTEN); then waitForChange().
    [[nodiscard]] bool listen(std::vector<Diagnostic>& problems);
    /// Waits up to `milliseconds` for a change notified by the server (any client's commit).
    [[nodiscard]] StoreWait waitForChange(int milliseconds);
    /// Whether the connection is still up (after a server restart it is not).
    [[nodiscard]] bool connected() const;
    /// Whether the last commit() failed for a reason that may pass (a deadlock, a serialization
    /// failure, a timeout): worth trying again, not a refusal.
    [[nodiscard]] bool lastFailureTransient() const { return m_lastFailureTransient; }
    /// The URL without its password.
    [[nodiscard]] const std::string& label() const { return m_label; }

private:
    explicit PgStore(pg_conn* connection, std::string label);
    [[nodiscard]] std::string takeWriteTurn();
    pg_conn* m_connection = nullptr;
    std::string m_label; ///< the URL without its password
    bool m_lastFailureTransient = false;
};

} // namespace atlas
