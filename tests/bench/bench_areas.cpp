// Incidents per area and per hexagon at ACLED's scale (issue 14's targets: 1M incidents into
// 300 polygons ≤ 200 ms; a hexbin of a year window at 1M ≤ 50 ms), each beside a baseline in
// the same run:
//   - the join done with GDAL/GEOS the usual way (each district a prepared geometry, a point
//     tested against the districts whose envelope holds it), on the same points and polygons;
//   - the hexbin done by SQLite, GROUP BY over hexagon keys worked out beforehand (a favour to
//     SQLite: the binning itself is not timed) with an index on the day.
// Run: build/tests/bench/atlas_bench_areas [--benchmark_filter=...]
#include "atlas/geo/hexagons.h"
#include "atlas/geo/polygon_index.h"
#include "atlas/io/gdal_layer.h"
#include "atlas/query/area_aggregation.h"
#include "atlas/query/query.h"
#include "atlas/render/area_shading.h"

#include "synthetic.h"
#include "synthetic_layers.h"

#include <benchmark/benchmark.h>
#include <ogr_api.h>
#include <ogr_geometry.h>
#include <sqlite3.h>

#include <filesystem>
#include <memory>

using namespace atlas;

namespace {

constexpr std::size_t kEvents = 1'000'000;

struct Fixture {
    Dataset dataset = bench::makeSyntheticDataset(kEvents);
    ReferenceLayer districts;
    std::vector<GeoPolygon> polygons;
    std::unique_ptr<EventIndex> index;
    Fixture() {
        const auto path = (std::filesystem::temp_directory_path() / "atlas-bench-districts.gpkg").string();
        std::filesystem::remove(path);
        bench::SyntheticDistrictsOptions options; // 300 districts over Syria, traced at 1200 px
        options.driver = "GPKG";
        bench::writeSyntheticDistricts(path, options);
        ReferenceLayersRead read = readReferenceLayers(path);
        if (!read.layers.empty()) districts = std::move(read.layers[0]);
        polygons = districts.polygons();
        index = std::make_unique<EventIndex>(dataset);
    }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

EventFilter year2016() { return EventFilter::forWindow(*Date::parse("2016-01-01"), *Date::parse("2016-12-31")); }

// The whole join from scratch: the polygons indexed, every incident located, then counted.
void BM_AggregateIntoDistricts(benchmark::State& state) {
    Fixture& f = fixture();
    std::size_t vertices = 0;
    for (const GeoPolygon& p : f.polygons)
        for (const auto& ring : p.rings) vertices += ring.size();
    for (auto _ : state) {
        const std::vector<std::int32_t> areas = locateEvents(f.dataset.events, PolygonIndex(f.polygons));
        const AreaCounts counts = f.index->countByArea(EventFilter{}, areas, f.polygons.size());
        benchmark::DoNotOptimize(counts.outside.events);
    }
    state.counters["polygons"] = static_cast<double>(f.polygons.size());
    state.counters["vertices"] = static_cast<double>(vertices);
    state.counters["events"] = static_cast<double>(kEvents);
}
BENCHMARK(BM_AggregateIntoDistricts)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same join with a million points scattered over the districts' box (the synthetic data
// repeats some 400 places, as ACLED's repeat town centroids; this is the harder case).
void BM_LocateScatteredPoints(benchmark::State& state) {
    Fixture& f = fixture();
    static const std::vector<GeoPoint> points = [] {
        std::vector<GeoPoint> out;
        std::uint64_t seed = 12345;
        const auto next = [&seed] { // splitmix64: a fixed, portable sequence
            seed += 0x9e3779b97f4a7c15ull;
            std::uint64_t z = seed;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
            return static_cast<double>((z ^ (z >> 31)) >> 11) / 9007199254740992.0;
        };
        for (std::size_t i = 0; i < kEvents; ++i) out.push_back({32.3 + 5.1 * next(), 35.6 + 6.8 * next()});
        return out;
    }();
    for (auto _ : state) {
        const PolygonIndex index(f.polygons);
        std::vector<std::uint32_t> counts(f.polygons.size() + 1, 0);
        for (const GeoPoint& p : points) {
            const std::int32_t area = index.locate(p);
            ++counts[area < 0 ? f.polygons.size() : static_cast<std::size_t>(area)];
        }
        benchmark::DoNotOptimize(counts.back());
    }
}
BENCHMARK(BM_LocateScatteredPoints)->Unit(benchmark::kMillisecond)->UseRealTime();

// Once the incidents are located (per dataset and layer), each window is one pass.
void BM_CountYearWindowByDistrict(benchmark::State& state) {
    Fixture& f = fixture();
    static const std::vector<std::int32_t> areas = locateEvents(f.dataset.events, PolygonIndex(f.polygons));
    for (auto _ : state) benchmark::DoNotOptimize(f.index->countByArea(year2016(), areas, f.polygons.size()).outside.events);
}
BENCHMARK(BM_CountYearWindowByDistrict)->Unit(benchmark::kMillisecond)->UseRealTime();

// Baseline: GDAL/GEOS, each district prepared, the districts whose envelope holds the point tried.
void BM_Baseline_GeosPreparedJoin(benchmark::State& state) {
    Fixture& f = fixture();
    std::vector<std::unique_ptr<OGRGeometry>> shapes;
    std::vector<OGREnvelope> envelopes;
    std::vector<OGRPreparedGeometryUniquePtr> prepared;
    for (const GeoPolygon& polygon : f.polygons) {
        auto multi = std::make_unique<OGRMultiPolygon>();
        for (const auto& ring : polygon.rings) { // the traced districts' rings are outlines (no holes at this size)
            OGRPolygon part;
            OGRLinearRing r;
            for (const GeoPoint& p : ring) r.addPoint(p.longitude, p.latitude);
            r.closeRings();
            part.addRing(&r);
            multi->addGeometry(&part);
        }
        OGREnvelope envelope;
        multi->getEnvelope(&envelope);
        envelopes.push_back(envelope);
        prepared.push_back(OGRPreparedGeometryUniquePtr(reinterpret_cast<OGRPreparedGeometry*>(OGRCreatePreparedGeometry(OGRGeometry::ToHandle(multi.get())))));
        shapes.push_back(std::move(multi));
    }
    for (auto _ : state) {
        std::vector<std::uint32_t> counts(f.polygons.size() + 1, 0);
        for (std::size_t row = 0; row < f.dataset.events.size(); ++row) {
            const GeoPoint p = f.dataset.events.point(row);
            OGRPoint point(p.longitude, p.latitude);
            std::size_t found = f.polygons.size();
            for (std::size_t d = 0; d < envelopes.size() && found == f.polygons.size(); ++d)
                if (p.longitude >= envelopes[d].MinX && p.longitude <= envelopes[d].MaxX && p.latitude >= envelopes[d].MinY &&
                    p.latitude <= envelopes[d].MaxY)
                    if (OGRPreparedGeometryContains(reinterpret_cast<OGRPreparedGeometryH>(prepared[d].get()), OGRGeometry::ToHandle(&point))) found = d;
            ++counts[found];
        }
        benchmark::DoNotOptimize(counts.back());
    }
}
BENCHMARK(BM_Baseline_GeosPreparedJoin)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

// A hexbin of a year window at the zoom that shows Syria whole (hexagons 28 px at zoom 7).
double zoomSevenSize() { return atlas::map_style::kHexPixels / 2.0 / (256.0 * 128.0); }

void BM_HexbinYearWindow(benchmark::State& state) {
    Fixture& f = fixture();
    for (auto _ : state) benchmark::DoNotOptimize(f.index->hexbin(year2016(), zoomSevenSize()).cells.size());
}
BENCHMARK(BM_HexbinYearWindow)->Unit(benchmark::kMillisecond)->UseRealTime();

// The hexbin's fixed scale: once per filter, window length and zoom.
void BM_HexScaleOverTheData(benchmark::State& state) {
    Fixture& f = fixture();
    for (auto _ : state) benchmark::DoNotOptimize(render::hexScaleClasses(*f.index, year2016(), zoomSevenSize()).size());
}
BENCHMARK(BM_HexScaleOverTheData)->Unit(benchmark::kMillisecond)->UseRealTime();

// Baseline: SQLite grouping the year's rows by hexagon keys computed beforehand.
void BM_Baseline_SqliteHexbinYearWindow(benchmark::State& state) {
    Fixture& f = fixture();
    sqlite3* db = nullptr;
    sqlite3_open(":memory:", &db);
    sqlite3_exec(db, "CREATE TABLE events(day INTEGER, hex INTEGER)", nullptr, nullptr, nullptr);
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO events VALUES(?, ?)", -1, &insert, nullptr);
    for (std::size_t row = 0; row < f.dataset.events.size(); ++row) {
        sqlite3_bind_int(insert, 1, f.dataset.events.date(row).daysSinceEpoch());
        sqlite3_bind_int64(insert, 2, static_cast<sqlite3_int64>(hexKey(hexOf(toMercator(f.dataset.events.point(row)), zoomSevenSize()))));
        sqlite3_step(insert);
        sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_exec(db, "CREATE INDEX by_day ON events(day)", nullptr, nullptr, nullptr);
    sqlite3_stmt* query = nullptr;
    sqlite3_prepare_v2(db, "SELECT hex, COUNT(*) FROM events WHERE day BETWEEN ? AND ? GROUP BY hex", -1, &query, nullptr);
    for (auto _ : state) {
        sqlite3_bind_int(query, 1, Date::parse("2016-01-01")->daysSinceEpoch());
        sqlite3_bind_int(query, 2, Date::parse("2016-12-31")->daysSinceEpoch());
        std::size_t cells = 0;
        while (sqlite3_step(query) == SQLITE_ROW) ++cells;
        sqlite3_reset(query);
        benchmark::DoNotOptimize(cells);
    }
    sqlite3_finalize(query);
    sqlite3_close(db);
}
BENCHMARK(BM_Baseline_SqliteHexbinYearWindow)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
