// The query engine at ACLED scale: 1M synthetic events over eight years, each query timed
// beside two baselines measured in the same run on the same data — a plain linear scan over
// std::vector<Event>, and SQLite (in memory, with indexes). Run:
//   tools/dev exec build/tests/bench/atlas_bench_query
// Every benchmark reports `matches`; the three implementations must agree (checked once at
// start-up, the program aborts otherwise).
#include "synthetic.h"

#include "atlas/query/event_columns.h"
#include "atlas/query/query.h"
#include "atlas/render/scene.h"

#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unordered_map>
#include <unordered_set>

using namespace atlas;

namespace {

constexpr std::size_t kEvents = 1'000'000;

const Dataset& data() {
    static const Dataset dataset = bench::makeSyntheticDataset(kEvents);
    return dataset;
}

const EventIndex& index() {
    static const EventIndex built(data());
    return built;
}

// --- the filters measured -------------------------------------------------------------------

const Date kLastDay = *Date::parse("2020-12-31");

EventFilter windowOf(int days) { return EventFilter::forWindow(kLastDay.addDays(1 - days), kLastDay); }

// "What did this umbrella group and its sub-groups do from the air or with artillery in
// north-west Syria last year?"
EventFilter fullFilter() {
    EventFilter f = windowOf(366);
    f.actors = {"actor-0"}; // an umbrella with sub-groups in the synthetic data
    f.includeSubgroups = true;
    f.types = {EventType::AirStrike, EventType::Shelling};
    f.box = GeoBox{35.8, 35.0, 38.0, 37.0};
    return f;
}

EventFilter textFilter() {
    EventFilter f;
    f.text = "ambushed synthetic faction 12 ";
    return f;
}

// --- baseline 1: a plain scan over the events as loaded ---------------------------------------

std::unordered_set<std::string> actorsWithSubgroups(const std::vector<std::string>& ids) {
    std::unordered_set<std::string> wanted(ids.begin(), ids.end());
    for (bool grew = true; grew;) {
        grew = false;
        for (const Actor& a : data().actors)
            if (!a.parent.empty() && wanted.contains(a.parent) && wanted.insert(a.id).second) grew = true;
    }
    return wanted;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::vector<std::uint32_t> scanSelect(const EventFilter& f) {
    const auto wanted = f.includeSubgroups ? actorsWithSubgroups(f.actors)
                                           : std::unordered_set<std::string>(f.actors.begin(), f.actors.end());
    const std::string needle = lower(f.text);
    std::vector<std::uint32_t> out;
    const auto& events = data().events;
    for (std::uint32_t i = 0; i < events.size(); ++i) {
        const Event& e = events[i];
        if (f.from && e.date < *f.from) continue;
        if (f.to && e.date > *f.to) continue;
        if (!f.types.empty() && std::find(f.types.begin(), f.types.end(), e.type) == f.types.end()) continue;
        if (f.box && !f.box->contains(e.place.point)) continue;
        if (!wanted.empty()) {
            bool any = false;
            for (const auto& id : e.perpetrators) any = any || wanted.contains(id);
            for (const auto& id : e.targets) any = any || wanted.contains(id);
            if (!any) continue;
        }
        if (!needle.empty() && lower(e.description).find(needle) == std::string::npos) continue;
        out.push_back(i);
    }
    return out;
}

std::vector<std::uint32_t> scanDayHistogram(const EventFilter& f) {
    std::vector<std::uint32_t> bins(static_cast<std::size_t>(daysBetween(index().firstDate(), index().lastDate()) + 1), 0);
    for (std::uint32_t i : scanSelect(f)) ++bins[static_cast<std::size_t>(daysBetween(index().firstDate(), data().events[i].date))];
    return bins;
}

// --- baseline 2: SQLite, in memory, indexed ---------------------------------------------------

void check(int rc, sqlite3* db, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        std::fprintf(stderr, "sqlite: %s: %s\n", what, sqlite3_errmsg(db));
        std::abort();
    }
}

double sqliteBuildSeconds = 0;

sqlite3* database() {
    static sqlite3* db = [] {
        const auto started = std::chrono::steady_clock::now();
        sqlite3* d = nullptr;
        check(sqlite3_open(":memory:", &d), d, "open");
        const char* schema = R"(
            CREATE TABLE events(id INTEGER PRIMARY KEY, day INTEGER, lat REAL, lon REAL, type INTEGER,
                                killed INTEGER, description TEXT, mx REAL, my REAL);
            CREATE TABLE event_actors(event INTEGER, actor TEXT);
            CREATE TABLE actors(id TEXT PRIMARY KEY, parent TEXT);
        )";
        check(sqlite3_exec(d, schema, nullptr, nullptr, nullptr), d, "schema");
        check(sqlite3_exec(d, "BEGIN", nullptr, nullptr, nullptr), d, "begin");
        sqlite3_stmt* ev = nullptr;
        sqlite3_stmt* ea = nullptr;
        sqlite3_stmt* ac = nullptr;
        sqlite3_prepare_v2(d, "INSERT INTO events VALUES(?,?,?,?,?,?,?,?,?)", -1, &ev, nullptr);
        sqlite3_prepare_v2(d, "INSERT INTO event_actors VALUES(?,?)", -1, &ea, nullptr);
        sqlite3_prepare_v2(d, "INSERT INTO actors VALUES(?,?)", -1, &ac, nullptr);
        for (const Actor& a : data().actors) {
            sqlite3_bind_text(ac, 1, a.id.c_str(), -1, SQLITE_STATIC);
            sqlite3_bind_text(ac, 2, a.parent.c_str(), -1, SQLITE_STATIC);
            check(sqlite3_step(ac), d, "actor");
            sqlite3_reset(ac);
        }
        const auto& events = data().events;
        for (std::size_t i = 0; i < events.size(); ++i) {
            const Event& e = events[i];
            sqlite3_bind_int64(ev, 1, static_cast<sqlite3_int64>(i));
            sqlite3_bind_int(ev, 2, e.date.daysSinceEpoch());
            sqlite3_bind_double(ev, 3, e.place.point.latitude);
            sqlite3_bind_double(ev, 4, e.place.point.longitude);
            sqlite3_bind_int(ev, 5, static_cast<int>(e.type));
            sqlite3_bind_int(ev, 6, e.killed.lowerBound());
            sqlite3_bind_text(ev, 7, e.description.c_str(), -1, SQLITE_STATIC);
            const MercatorPoint m = toMercator(e.place.point); // stored projected, as the engine does
            sqlite3_bind_double(ev, 8, m.x);
            sqlite3_bind_double(ev, 9, m.y);
            check(sqlite3_step(ev), d, "event");
            sqlite3_reset(ev);
            for (const auto* ids : {&e.perpetrators, &e.targets})
                for (const auto& id : *ids) {
                    sqlite3_bind_int64(ea, 1, static_cast<sqlite3_int64>(i));
                    sqlite3_bind_text(ea, 2, id.c_str(), -1, SQLITE_STATIC);
                    check(sqlite3_step(ea), d, "event_actor");
                    sqlite3_reset(ea);
                }
        }
        sqlite3_finalize(ev);
        sqlite3_finalize(ea);
        sqlite3_finalize(ac);
        check(sqlite3_exec(d, "COMMIT", nullptr, nullptr, nullptr), d, "commit");
        const char* indexes = R"(
            CREATE INDEX events_day ON events(day);
            CREATE INDEX events_type_day ON events(type, day);
            CREATE INDEX event_actors_actor ON event_actors(actor, event);
            ANALYZE;
        )";
        check(sqlite3_exec(d, indexes, nullptr, nullptr, nullptr), d, "indexes");
        sqliteBuildSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        return d;
    }();
    return db;
}

std::vector<std::uint32_t> sqlSelect(const char* sql, const std::vector<std::string>& textArgs = {},
                                     const std::vector<double>& numberArgs = {}) {
    static std::unordered_map<std::string, sqlite3_stmt*> cache;
    sqlite3_stmt*& statement = cache[sql];
    if (!statement) check(sqlite3_prepare_v2(database(), sql, -1, &statement, nullptr), database(), sql);
    int parameter = 1;
    for (double n : numberArgs) sqlite3_bind_double(statement, parameter++, n);
    for (const auto& t : textArgs) sqlite3_bind_text(statement, parameter++, t.c_str(), -1, SQLITE_TRANSIENT);
    std::vector<std::uint32_t> out;
    int rc;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) out.push_back(static_cast<std::uint32_t>(sqlite3_column_int64(statement, 0)));
    check(rc, database(), sql);
    sqlite3_reset(statement);
    return out;
}

const char* kSqlWindow = "SELECT id FROM events WHERE day BETWEEN ? AND ? ORDER BY day";

std::vector<std::uint32_t> sqlWindow(const EventFilter& f) {
    return sqlSelect(kSqlWindow, {}, {double(f.from->daysSinceEpoch()), double(f.to->daysSinceEpoch())});
}

// Sub-groups through a recursive CTE over the actors table, as a database user would write it.
const char* kSqlFull = R"(
    WITH RECURSIVE wanted(id) AS (SELECT ? UNION SELECT actors.id FROM actors JOIN wanted ON actors.parent = wanted.id)
    SELECT id FROM events
    WHERE day BETWEEN ?2 AND ?3 AND type IN (?4, ?5)
      AND lon BETWEEN ?6 AND ?8 AND lat BETWEEN ?7 AND ?9
      AND id IN (SELECT event FROM event_actors WHERE actor IN (SELECT id FROM wanted))
    ORDER BY day)";

std::vector<std::uint32_t> sqlFull(const EventFilter& f) {
    static sqlite3_stmt* statement = nullptr;
    if (!statement) check(sqlite3_prepare_v2(database(), kSqlFull, -1, &statement, nullptr), database(), "full");
    sqlite3_bind_text(statement, 1, f.actors.front().c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(statement, 2, f.from->daysSinceEpoch());
    sqlite3_bind_int(statement, 3, f.to->daysSinceEpoch());
    sqlite3_bind_int(statement, 4, static_cast<int>(f.types[0]));
    sqlite3_bind_int(statement, 5, static_cast<int>(f.types[1]));
    sqlite3_bind_double(statement, 6, f.box->minLongitude);
    sqlite3_bind_double(statement, 7, f.box->minLatitude);
    sqlite3_bind_double(statement, 8, f.box->maxLongitude);
    sqlite3_bind_double(statement, 9, f.box->maxLatitude);
    std::vector<std::uint32_t> out;
    int rc;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) out.push_back(static_cast<std::uint32_t>(sqlite3_column_int64(statement, 0)));
    check(rc, database(), "full");
    sqlite3_reset(statement);
    return out;
}

const char* kSqlHistogram = R"(
    WITH RECURSIVE wanted(id) AS (SELECT ? UNION SELECT actors.id FROM actors JOIN wanted ON actors.parent = wanted.id)
    SELECT day, count(*) FROM events
    WHERE type IN (?2, ?3) AND id IN (SELECT event FROM event_actors WHERE actor IN (SELECT id FROM wanted))
    GROUP BY day ORDER BY day)";

std::size_t sqlHistogramTotal(const EventFilter& f) {
    static sqlite3_stmt* statement = nullptr;
    if (!statement) check(sqlite3_prepare_v2(database(), kSqlHistogram, -1, &statement, nullptr), database(), "histogram");
    sqlite3_bind_text(statement, 1, f.actors.front().c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(statement, 2, static_cast<int>(f.types[0]));
    sqlite3_bind_int(statement, 3, static_cast<int>(f.types[1]));
    std::size_t total = 0;
    int rc;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) total += static_cast<std::size_t>(sqlite3_column_int64(statement, 1));
    check(rc, database(), "histogram");
    sqlite3_reset(statement);
    return total;
}

const char* kSqlText = "SELECT id FROM events WHERE description LIKE '%' || ? || '%' ORDER BY day";

// A new filter for the histogram under the slider: every day of the eight years.
EventFilter histogramFilter() {
    EventFilter f;
    f.actors = {"actor-0"};
    f.types = {EventType::AirStrike, EventType::Shelling};
    return f;
}

std::vector<std::uint32_t> sortedCopy(std::vector<std::uint32_t> v) {
    std::sort(v.begin(), v.end());
    return v;
}

// The three implementations must give the same answers before any of them is timed.
void verifyAgreement() {
    static const bool once = [] {
        auto same = [](const char* what, std::vector<std::uint32_t> a, std::vector<std::uint32_t> b) {
            if (sortedCopy(std::move(a)) != sortedCopy(std::move(b))) {
                std::fprintf(stderr, "disagreement on %s\n", what);
                std::abort();
            }
        };
        for (int days : {1, 7, 366}) {
            same("window (scan)", index().select(windowOf(days)), scanSelect(windowOf(days)));
            same("window (sqlite)", index().select(windowOf(days)), sqlWindow(windowOf(days)));
        }
        same("full filter (scan)", index().select(fullFilter()), scanSelect(fullFilter()));
        same("full filter (sqlite)", index().select(fullFilter()), sqlFull(fullFilter()));
        same("text (scan)", index().select(textFilter()), scanSelect(textFilter()));
        same("text (sqlite)", index().select(textFilter()), sqlSelect(kSqlText, {textFilter().text}));
        if (index().count(histogramFilter()) != sqlHistogramTotal(histogramFilter())) {
            std::fprintf(stderr, "disagreement on histogram\n");
            std::abort();
        }
        std::fprintf(stderr, "engine, scan and SQLite agree on every query\n");
        return true;
    }();
    (void)once;
}

void report(benchmark::State& state, std::size_t matches) {
    state.counters["matches"] = double(matches);
}

// --- benchmarks -------------------------------------------------------------------------------

void BM_IndexBuild(benchmark::State& state) {
    for (auto _ : state) {
        EventIndex built(data());
        benchmark::DoNotOptimize(built.size());
    }
    state.counters["index_bytes_per_event"] = double(index().memoryBytes()) / double(index().size());
    state.counters["events"] = double(index().size());
    // Baselines: the scan needs no index; SQLite's load plus CREATE INDEX and ANALYZE, once.
    database();
    state.counters["sqlite_load_and_index_s"] = sqliteBuildSeconds;
}
BENCHMARK(BM_IndexBuild)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_Window_Engine(benchmark::State& state) {
    verifyAgreement();
    const EventFilter f = windowOf(static_cast<int>(state.range(0)));
    std::size_t n = 0;
    for (auto _ : state) n = index().select(f).size();
    report(state, n);
}
void BM_Window_Scan(benchmark::State& state) {
    verifyAgreement();
    const EventFilter f = windowOf(static_cast<int>(state.range(0)));
    std::size_t n = 0;
    for (auto _ : state) n = scanSelect(f).size();
    report(state, n);
}
void BM_Window_SQLite(benchmark::State& state) {
    verifyAgreement();
    const EventFilter f = windowOf(static_cast<int>(state.range(0)));
    std::size_t n = 0;
    for (auto _ : state) n = sqlWindow(f).size();
    report(state, n);
}
BENCHMARK(BM_Window_Engine)->Arg(1)->Arg(7)->Arg(366)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Window_Scan)->Arg(1)->Arg(7)->Arg(366)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Window_SQLite)->Arg(1)->Arg(7)->Arg(366)->Unit(benchmark::kMicrosecond);

void BM_FullFilter_Engine(benchmark::State& state) {
    verifyAgreement();
    const EventFilter f = fullFilter();
    std::size_t n = 0;
    for (auto _ : state) n = index().select(f).size();
    report(state, n);
}
void BM_FullFilter_Scan(benchmark::State& state) {
    verifyAgreement();
    const EventFilter f = fullFilter();
    std::size_t n = 0;
    for (auto _ : state) n = scanSelect(f).size();
    report(state, n);
}
void BM_FullFilter_SQLite(benchmark::State& state) {
    verifyAgreement();
    const EventFilter f = fullFilter();
    std::size_t n = 0;
    for (auto _ : state) n = sqlFull(f).size();
    report(state, n);
}
BENCHMARK(BM_FullFilter_Engine)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_FullFilter_Scan)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_FullFilter_SQLite)->Unit(benchmark::kMicrosecond);

void BM_DayHistogram_Engine(benchmark::State& state) {
    verifyAgreement();
    const EventFilter f = histogramFilter();
    std::size_t bins = 0;
    for (auto _ : state) bins = static_cast<std::size_t>(index().histogram(f, HistogramBucket::Day, HistogramSplit::BySide).binCount());
    state.counters["bins"] = double(bins);
    report(state, index().count(f));
}
void BM_DayHistogram_Scan(benchmark::State& state) {
    verifyAgreement();
    const EventFilter f = histogramFilter();
    std::size_t bins = 0;
    for (auto _ : state) bins = scanDayHistogram(f).size();
    state.counters["bins"] = double(bins);
}
void BM_DayHistogram_SQLite(benchmark::State& state) {
    verifyAgreement();
    const EventFilter f = histogramFilter();
    std::size_t n = 0;
    for (auto _ : state) n = sqlHistogramTotal(f);
    report(state, n);
}
BENCHMARK(BM_DayHistogram_Engine)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DayHistogram_Scan)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DayHistogram_SQLite)->Unit(benchmark::kMillisecond);

// Clusters of a one-month window over Syria at a country-wide and a town-level zoom, as the
// map draws them: the index selects the month, the scene (atlas/render) projects, culls to a
// 1600 x 1000 view and clusters (screen cells, overlapping cells merged).
void BM_ClusterMonth_Scene(benchmark::State& state) {
    verifyAgreement();
    const EventFilter f = windowOf(31);
    static const std::vector<render::EventSymbol> symbols = render::resolveSymbols(data());
    const double scale = 256.0 * std::pow(2.0, double(state.range(0)));
    const MercatorPoint centre = toMercator(GeoPoint{35.0, 38.5});
    const double m[9] = {scale, 0, 0, 0, scale, 0, 800 - centre.x * scale, 500 - centre.y * scale, 1};
    std::size_t marks = 0;
    for (auto _ : state) {
        const std::vector<std::uint32_t> month = index().select(f);
        render::SceneRequest request;
        request.view = render::ViewTransform::fromMatrix(m);
        request.width = 1600;
        request.height = 1000;
        request.events = month;
        request.symbols = &symbols;
        request.clusterThreshold = 0;
        const render::Scene scene = render::buildScene(data(), request);
        marks = scene.clusters.size() + scene.symbols.size();
    }
    state.counters["clusters"] = double(marks);
    report(state, index().count(f));
}
BENCHMARK(BM_ClusterMonth_Scene)->Arg(7)->Arg(12)->Unit(benchmark::kMicrosecond);

// Scan baseline for clustering: the same grid over a plain scan's result.
void BM_ClusterMonth_Scan(benchmark::State& state) {
    verifyAgreement();
    const EventFilter f = windowOf(31);
    const double cells = 256.0 * std::pow(2.0, double(state.range(0))) / 64.0;
    std::size_t clusters = 0;
    for (auto _ : state) {
        std::unordered_map<std::uint64_t, std::uint32_t> grid;
        for (std::uint32_t i : scanSelect(f)) {
            const MercatorPoint m = toMercator(data().events[i].place.point);
            ++grid[(static_cast<std::uint64_t>(m.x * cells) << 32) | static_cast<std::uint64_t>(m.y * cells)];
        }
        clusters = grid.size();
    }
    state.counters["clusters"] = double(clusters);
}
BENCHMARK(BM_ClusterMonth_Scan)->Arg(7)->Arg(12)->Unit(benchmark::kMicrosecond);

// SQLite baseline for clustering: the same grid as a GROUP BY over stored projected x/y.
void BM_ClusterMonth_SQLite(benchmark::State& state) {
    verifyAgreement();
    const EventFilter f = windowOf(31);
    const double cells = 256.0 * std::pow(2.0, double(state.range(0))) / 64.0;
    static sqlite3_stmt* statement = nullptr;
    if (!statement)
        check(sqlite3_prepare_v2(database(),
                                 "SELECT CAST(mx * ?1 AS INTEGER) AS cx, CAST(my * ?1 AS INTEGER) AS cy, count(*), avg(mx), avg(my) "
                                 "FROM events WHERE day BETWEEN ?2 AND ?3 GROUP BY cx, cy",
                                 -1, &statement, nullptr),
              database(), "clusters");
    std::size_t clusters = 0;
    for (auto _ : state) {
        sqlite3_bind_double(statement, 1, cells);
        sqlite3_bind_int(statement, 2, f.from->daysSinceEpoch());
        sqlite3_bind_int(statement, 3, f.to->daysSinceEpoch());
        clusters = 0;
        int rc;
        while ((rc = sqlite3_step(statement)) == SQLITE_ROW) ++clusters;
        check(rc, database(), "clusters");
        sqlite3_reset(statement);
    }
    state.counters["clusters"] = double(clusters);
}
BENCHMARK(BM_ClusterMonth_SQLite)->Arg(7)->Arg(12)->Unit(benchmark::kMicrosecond);

void BM_Text_Engine(benchmark::State& state) {
    verifyAgreement();
    index().prepareTextSearch();
    const EventFilter f = textFilter();
    std::size_t n = 0;
    for (auto _ : state) n = index().select(f).size();
    report(state, n);
}
void BM_Text_Scan(benchmark::State& state) {
    verifyAgreement();
    const EventFilter f = textFilter();
    std::size_t n = 0;
    for (auto _ : state) n = scanSelect(f).size();
    report(state, n);
}
void BM_Text_SQLite(benchmark::State& state) {
    verifyAgreement();
    const EventFilter f = textFilter();
    std::size_t n = 0;
    for (auto _ : state) n = sqlSelect(kSqlText, {f.text}).size();
    report(state, n);
}
BENCHMARK(BM_Text_Engine)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Text_Scan)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Text_SQLite)->Unit(benchmark::kMillisecond);

} // namespace

// --- the incident table's sort: every one of the 1M rows, by a column -----------------------
// Baseline: what a table usually does — each row's cell text made once, then a stable sort
// comparing the texts case-insensitively (as a QSortFilterProxyModel over text would); and
// SQLite ordering its events by the killed figure.

const std::vector<std::uint32_t>& everyRow() {
    static const std::vector<std::uint32_t> rows = index().select({});
    return rows;
}

void BM_SortByColumn_Engine(benchmark::State& state) {
    const auto column = static_cast<EventColumn>(state.range(0));
    for (auto _ : state) {
        state.PauseTiming();
        std::vector<std::uint32_t> rows = everyRow();
        state.ResumeTiming();
        sortByColumn(data(), rows, column, true);
        benchmark::DoNotOptimize(rows.data());
    }
    state.SetLabel(std::string(columnKey(column)));
    report(state, everyRow().size());
}

void BM_SortByColumn_TextSort(benchmark::State& state) {
    const auto column = static_cast<EventColumn>(state.range(0));
    for (auto _ : state) {
        std::vector<std::uint32_t> rows = everyRow();
        std::vector<std::string> text(data().events.size());
        for (const std::uint32_t p : rows) {
            text[p] = eventColumnText(data(), p, column);
            for (char& c : text[p]) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        std::stable_sort(rows.begin(), rows.end(), [&](std::uint32_t a, std::uint32_t b) { return text[a] > text[b]; });
        benchmark::DoNotOptimize(rows.data());
    }
    state.SetLabel(std::string(columnKey(column)));
    report(state, everyRow().size());
}

void BM_SortByKilled_SQLite(benchmark::State& state) {
    std::size_t matches = 0;
    for (auto _ : state) matches = sqlSelect("SELECT id FROM events ORDER BY killed DESC, day", {}).size();
    report(state, matches);
}

BENCHMARK(BM_SortByColumn_Engine)
    ->Arg(static_cast<int>(EventColumn::Date))->Arg(static_cast<int>(EventColumn::Killed))
    ->Arg(static_cast<int>(EventColumn::Perpetrator))->Arg(static_cast<int>(EventColumn::Place))
    ->Arg(static_cast<int>(EventColumn::Id))->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SortByColumn_TextSort)
    ->Arg(static_cast<int>(EventColumn::Killed))->Arg(static_cast<int>(EventColumn::Perpetrator))
    ->Arg(static_cast<int>(EventColumn::Place))->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_SortByKilled_SQLite)->Unit(benchmark::kMillisecond);

// --- the faction tree's counts: a year's window, every actor with its sub-groups, per side ---
// Baseline: the straightforward count — for each selected event, each of its actors and each
// umbrella above it looked up by id in a hash map, deduplicated per event with a set.
void BM_ActorCounts_Engine(benchmark::State& state) {
    const EventFilter f = windowOf(366);
    std::size_t actors = 0;
    for (auto _ : state) {
        const ActorCounts counts = index().actorCounts(f);
        actors = counts.actorIds.size();
        benchmark::DoNotOptimize(counts.withSubgroups.data());
    }
    state.counters["actors"] = double(actors);
    report(state, index().count(f));
}

void BM_ActorCounts_Scan(benchmark::State& state) {
    const EventFilter f = windowOf(366);
    std::unordered_map<std::string, const Actor*> byId;
    for (const Actor& a : data().actors) byId.emplace(a.id, &a);
    for (auto _ : state) {
        std::unordered_map<std::string, std::uint32_t> counts;
        for (const std::uint32_t p : index().select(f)) {
            std::unordered_set<std::string> seen;
            for (const std::string& id : data().events.perpetrators(p)) seen.insert(id);
            for (const std::string& id : data().events.targets(p)) seen.insert(id);
            std::unordered_set<std::string> within;
            for (std::string id : seen)
                for (int steps = 0; steps < 32 && !id.empty() && within.insert(id).second; ++steps) {
                    const auto found = byId.find(id);
                    id = found == byId.end() ? std::string() : found->second->parent;
                }
            for (const std::string& id : within) ++counts[id];
        }
        benchmark::DoNotOptimize(counts.size());
    }
    report(state, index().count(f));
}
BENCHMARK(BM_ActorCounts_Engine)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ActorCounts_Scan)->Unit(benchmark::kMillisecond)->Iterations(1);

BENCHMARK_MAIN();
