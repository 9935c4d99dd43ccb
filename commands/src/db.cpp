#include "common.h"

#include "atlas/io/write_any.h"
#include "atlas/store/pg_store.h"

#include <cstdio>
#include <string>
#include <vector>

namespace atlas::commands::detail {

namespace {

const char* kDbHelp =
    "usage: conflict-atlas db init URL\n"
    "       conflict-atlas db status URL\n"
    "       conflict-atlas db push URL FILE...\n"
    "       conflict-atlas db pull URL --out FILE [--as-known-on YYYY-MM-DD] [filters]\n"
    "       conflict-atlas db history URL [--id ID] [--since YYYY-MM-DD] [--limit N]\n"
    "A team's shared store on PostgreSQL with PostGIS (docs/format.md, \"The shared store\").\n"
    "URL: a libpq connection URI (postgresql://user@host:port/db), a key=value string\n"
    "(\"host=... dbname=...\") or service=NAME; passwords from ~/.pgpass or the service file.\n"
    "  init     create the schema (PostGIS, tables, indexes, history), or check it is current\n"
    "  status   the server, the role, the schema version, what the store holds, whether the role may write\n"
    "  push     add the files' incidents, actors, sites, lines and areas, or replace those whose\n"
    "           id is there and whose content differs (revision + 1, history kept), in one transaction\n"
    "  pull     the store's data to a file (.gpkg, .atlas.json, .geojson, .csv, .kml); the days and\n"
    "           --bbox are chosen by the server, the other filters as query applies them;\n"
    "           --as-known-on: the store as it was at the end of that day (UTC), from its history\n"
    "  history  who changed what when (oldest first; the last 50 unless --limit): one row's with\n"
    "           --id, from a day on with --since\n"
    "info, query, export and aggregate take a URL in place of a file.\n";

std::unique_ptr<PgStore> connectOrSay(const std::string& url) {
    std::vector<Diagnostic> problems;
    auto store = PgStore::connect(url, problems);
    for (const Diagnostic& d : problems) std::fprintf(stderr, "%s\n", d.toString().c_str());
    return store;
}

bool report(const std::vector<Diagnostic>& problems) {
    for (const Diagnostic& d : problems) std::fprintf(stderr, "%s\n", d.toString().c_str());
    return !hasFatal(problems);
}

} // namespace

int db(const std::vector<std::string>& args, const InputOptions& options) {
    if (args.empty() || args[0] == "--help" || args[0] == "-h")
        return args.empty() ? usageError("db", "give init, status, push, pull or history") : printHelp(kDbHelp);
    const std::string& action = args[0];
    if (action != "init" && action != "status" && action != "push" && action != "pull" && action != "history")
        return usageError("db", "unknown action " + action + " (init, status, push, pull, history)");
    if (args.size() < 2) return usageError("db", action + " needs the database's URL");
    const std::string& url = args[1];
    if (!isStoreUrl(url)) return usageError("db", "\"" + url + "\" is no database URL (postgresql://…, host=… dbname=…, or service=NAME)");
    if (action == "history") {
        std::string id;
        std::optional<Date> since;
        int limit = 50;
        for (std::size_t i = 2; i < args.size(); ++i) {
            const bool valued = i + 1 < args.size();
            if (args[i] == "--id" && valued) id = args[++i];
            else if (args[i] == "--since" && valued) {
                since = Date::parse(args[++i]);
                if (!since) return usageError("db", "--since takes a day as YYYY-MM-DD, not \"" + args[i] + "\"");
            } else if (args[i] == "--limit" && valued) {
                limit = std::atoi(args[++i].c_str());
                if (limit <= 0) return usageError("db", "--limit takes a number of entries");
            } else
                return usageError("db", "history takes --id ID, --since YYYY-MM-DD and --limit N, not " + args[i]);
        }
        const auto store = connectOrSay(url);
        if (!store) return kBadInput;
        std::vector<Diagnostic> problems;
        const auto entries = store->history(id, since, limit, problems);
        if (!report(problems) || !entries) return kBadInput;
        std::printf("change\twhen (UTC)\twho\twhat\tid\trevision\n");
        for (const StoreHistoryEntry& e : *entries)
            std::printf("%lld\t%s\t%s\t%s %s\t%s\t%d\n", static_cast<long long>(e.change), e.changedAt.c_str(), e.changedBy.c_str(), e.table.c_str(),
                        e.operation.c_str(), e.id.c_str(), e.revision);
        return kOk;
    }
    if (action == "init" || action == "status") {
        if (args.size() > 2) return usageError("db", action + " takes only the URL");
        const auto store = connectOrSay(url);
        if (!store) return kBadInput;
        if (action == "init" && !report(store->init())) return kBadInput;
        std::vector<Diagnostic> problems;
        const auto status = store->status(problems);
        if (!report(problems) || !status) return kBadInput;
        std::printf("server: %s\nconnection: %s\nrole: %s%s\nschema: %s\n", status->server.c_str(), status->connection.c_str(), status->user.c_str(),
                    status->schemaVersion > 0 ? (status->canWrite ? " (may write)" : " (read only)") : "",
                    status->schemaVersion > 0 ? ("version " + std::to_string(status->schemaVersion)).c_str() : "none yet (conflict-atlas db init URL)");
        if (status->schemaVersion > 0)
            std::printf("events: %llu\nactors: %llu\nsites: %llu\nlines: %llu\nareas: %llu\nchanges kept: %llu\n",
                        static_cast<unsigned long long>(status->events), static_cast<unsigned long long>(status->actors),
                        static_cast<unsigned long long>(status->sites), static_cast<unsigned long long>(status->lines),
                        static_cast<unsigned long long>(status->areas), static_cast<unsigned long long>(status->changes));
        return kOk;
    }
    if (action == "push") {
        const std::vector<std::string> files(args.begin() + 2, args.end());
        if (files.empty()) return usageError("db", "push needs at least one file");
        for (const std::string& file : files)
            if (file.rfind("--", 0) == 0) return usageError("db", "push takes files, not " + file);
        const auto store = connectOrSay(url);
        if (!store) return kBadInput;
        Loaded loaded = loadAll(files, {}, options);
        if (loaded.bad && loaded.dataset.events.empty()) return kBadInput;
        std::vector<Diagnostic> problems;
        const auto pushed = store->push(loaded.dataset, problems);
        if (!report(problems) || !pushed) return kBadInput;
        std::printf("incidents: %llu added, %llu changed, %llu unchanged\n", static_cast<unsigned long long>(pushed->added),
                    static_cast<unsigned long long>(pushed->changed), static_cast<unsigned long long>(pushed->unchanged));
        return loaded.bad ? kBadInput : kOk;
    }
    // pull
    std::vector<std::string> rest(args.begin() + 2, args.end());
    FilterOptions filters;
    if (const std::string problem = takeFilterOptions(rest, filters); !problem.empty()) return usageError("db", problem);
    std::string out;
    for (std::size_t i = 0; i < rest.size(); ++i) {
        if (rest[i] == "--out" && i + 1 < rest.size()) out = rest[++i];
        else return usageError("db", "pull takes --out FILE and the filters of query, not " + rest[i]);
    }
    if (out.empty()) return usageError("db", "pull needs --out FILE");
    const auto format = datasetFormatOfPath(out);
    if (!format) return usageError("db", "--out names a .gpkg, .atlas.json, .geojson, .csv or .kml file");
    const auto store = connectOrSay(url);
    if (!store) return kBadInput;
    // Actors named by name or alias are resolved against what the store holds.
    EventFilter filter = filters.filter;
    LoadResult pulled = store->pull(filters.actors.empty() ? filter : EventFilter{}, nullptr, options.asKnownOn);
    if (!report(pulled.diagnostics) || pulled.failed()) return kBadInput;
    if (!filters.actors.empty()) {
        if (!resolveActorsOrSay(pulled.dataset, filters, "db")) return kBadInput;
        const EventIndex index(pulled.dataset);
        pulled.dataset = subset(pulled.dataset, index.select(filters.filter));
    }
    if (!report(writeDatasetFile(pulled.dataset, out, *format))) return kBadInput;
    std::fprintf(stderr, "%zu incidents written to %s\n", pulled.dataset.events.size(), out.c_str());
    return kOk;
}

} // namespace atlas::commands::detail
