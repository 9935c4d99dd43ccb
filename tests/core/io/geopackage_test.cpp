// The GeoPackage container: the whole model survives, the file is a GeoPackage others can
// read, and broken or foreign files give a diagnostic that says what is wrong and where.
#include "atlas/io/geopackage.h"
#include "atlas/io/native_format.h"
#include "atlas/io/read_any.h"

#include "full_document.h"
#include "synthetic.h"
#include "atlas/query/query.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>

using namespace atlas;

namespace {

class GeoPackage : public ::testing::Test {
protected:
    std::filesystem::path directory;
    int m_written = 0;

    void SetUp() override {
        directory = std::filesystem::temp_directory_path() /
                    ("atlas-gpkg-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        std::filesystem::remove_all(directory);
        std::filesystem::create_directories(directory);
    }
    void TearDown() override { std::filesystem::remove_all(directory); }

    std::string path(const char* name) const { return (directory / name).string(); }

    // Runs SQL on a file, as another program (QGIS, a script) would change it: with the SQL
    // functions a GeoPackage's R-tree triggers need, as GDAL registers them.
    static void execute(const std::string& file, const std::string& sql) {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
        registerGeoPackageFunctions(db);
        char* error = nullptr;
        const int result = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
        const std::string message = error ? error : "";
        sqlite3_free(error);
        sqlite3_close(db);
        ASSERT_EQ(result, SQLITE_OK) << message;
    }

    static std::string scalar(const std::string& file, const std::string& sql) {
        sqlite3* db = nullptr;
        sqlite3_open(file.c_str(), &db);
        sqlite3_stmt* statement = nullptr;
        std::string value;
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK && sqlite3_step(statement) == SQLITE_ROW &&
            sqlite3_column_text(statement, 0))
            value = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
        sqlite3_finalize(statement);
        sqlite3_close(db);
        return value;
    }

    std::string written(const char* document) {
        const LoadResult native = readNativeText(document, "full.json");
        EXPECT_FALSE(native.failed());
        const std::string file = path(("full-" + std::to_string(m_written++) + ".gpkg").c_str());
        EXPECT_TRUE(writeGeoPackageFile(native.dataset, file).empty());
        return file;
    }

    static const Diagnostic* find(const LoadResult& result, const std::string& code) {
        for (const auto& diagnostic : result.diagnostics)
            if (diagnostic.code == code) return &diagnostic;
        return nullptr;
    }
};

} // namespace

TEST_F(GeoPackage, TheBundledDatasetSurvivesTheRoundTripByteForByte) {
    const LoadResult original = readNativeFile(ATLAS_SAMPLE_DATASET);
    ASSERT_FALSE(original.failed());
    const std::string file = path("sample.gpkg");
    ASSERT_TRUE(writeGeoPackageFile(original.dataset, file).empty());
    const LoadResult back = readGeoPackageFile(file);
    for (const auto& diagnostic : back.diagnostics) ADD_FAILURE() << diagnostic.toString();
    EXPECT_EQ(back.dataset.events.size(), original.dataset.events.size());
    EXPECT_EQ(writeNativeText(back.dataset), writeNativeText(original.dataset));
}

TEST_F(GeoPackage, UnknownFieldsAtEveryLevelSurvive) {
    const LoadResult first = readNativeText(kFullDocument, "full.json");
    const LoadResult back = readGeoPackageFile(written(kFullDocument));
    for (const auto& diagnostic : back.diagnostics) ADD_FAILURE() << diagnostic.toString();
    EXPECT_EQ(back.dataset.events, first.dataset.events);
    EXPECT_EQ(back.dataset.actors, first.dataset.actors);
    EXPECT_EQ(back.dataset.sites, first.dataset.sites);
    EXPECT_EQ(back.dataset.lines, first.dataset.lines);
    EXPECT_EQ(back.dataset.areas, first.dataset.areas);
    EXPECT_EQ(back.dataset.metadata, first.dataset.metadata);
    EXPECT_EQ(back.dataset.extra, first.dataset.extra);
}

TEST_F(GeoPackage, IsAGeoPackageWithReadableColumnsAndSpatialIndexes) {
    const std::string file = written(kFullDocument);
    EXPECT_EQ(scalar(file, "PRAGMA application_id"), "1196444487"); // "GPKG"
    EXPECT_EQ(scalar(file, "SELECT group_concat(table_name || ':' || data_type, ' ') FROM (SELECT * FROM gpkg_contents "
                           "ORDER BY table_name)"),
              "actors:attributes areas:features atlas_metadata:attributes events:features lines:features sites:features");
    EXPECT_EQ(scalar(file, "SELECT geometry_type_name FROM gpkg_geometry_columns WHERE table_name = 'areas'"), "POLYGON");
    // What a GIS user filters on is a plain column.
    EXPECT_EQ(scalar(file, "SELECT event_type || ' ' || date || ' ' || killed_qualifier || ' ' || killed_low FROM events "
                           "WHERE id = 'strike'"),
              "air_strike 2020-10-26 more_than 78");
    EXPECT_EQ(scalar(file, "SELECT perpetrators FROM events WHERE id = 'reply'"), R"(["nlf"])");
    // The R-tree finds the strike at 36.5 E, 36.1 N, and only it.
    EXPECT_EQ(scalar(file, "SELECT group_concat(e.id) FROM events e JOIN rtree_events_geom r ON r.id = e.fid "
                           "WHERE r.minx >= 36.4 AND r.maxx <= 36.55 AND r.miny >= 36.0 AND r.maxy <= 36.2"),
              "strike");
    EXPECT_EQ(scalar(file, "SELECT count(*) FROM gpkg_extensions WHERE extension_name = 'gpkg_rtree_index'"), "4");
    EXPECT_EQ(scalar(file, "SELECT value FROM atlas_metadata WHERE key = 'schema_version'"), "1");
}

TEST_F(GeoPackage, AnEditMadeElsewhereIsRead) {
    const std::string file = written(kFullDocument);
    // Another program moves the strike, corrects its toll and renames the site's place.
    execute(file, "UPDATE events SET killed_low = 80, killed_qualifier = 'exact' WHERE id = 'strike'");
    execute(file, "UPDATE sites SET place_name = 'Morek' WHERE id = 'morek'");
    const LoadResult back = readGeoPackageFile(file);
    ASSERT_FALSE(back.failed());
    EXPECT_EQ(back.dataset.events[0].killed.toText(), "80");
    EXPECT_EQ(back.dataset.sites[0].place.name, "Morek");
}

TEST_F(GeoPackage, TheSpatialIndexFollowsAMovedFeature) {
    const std::string file = written(kFullDocument);
    // Move the strike to Aleppo (37.16 E, 36.20 N) as QGIS would: a new point geometry (GeoPackage
    // header, little-endian, srs 4326, no envelope; WKB point).
    execute(file, "UPDATE events SET geom = x'47500001E6100000' || x'0101000000' || x'14AE47E17A944240' || "
                  "x'9A99999999194240' WHERE id = 'strike'");
    EXPECT_EQ(scalar(file, "SELECT printf('%.2f %.2f', minx, miny) FROM rtree_events_geom WHERE id = 1"), "37.16 36.20");
    const LoadResult back = readGeoPackageFile(file);
    ASSERT_FALSE(back.failed());
    EXPECT_NEAR(back.dataset.events[0].place.point.longitude, 37.16, 1e-9);
    EXPECT_NEAR(back.dataset.events[0].place.point.latitude, 36.2, 1e-9);
    // Deleting a row takes it out of the index.
    execute(file, "DELETE FROM events WHERE id = 'reply'");
    EXPECT_EQ(scalar(file, "SELECT count(*) FROM rtree_events_geom"), "1");
}

TEST_F(GeoPackage, TheColumnCacheIsEmptiedByAnyChangeToTheEvents) {
    const std::string file = written(kFullDocument);
    EXPECT_EQ(scalar(file, "SELECT count(*) > 20 FROM atlas_event_columns"), "1");
    execute(file, "UPDATE events SET place_name = 'Jabal Duwayli' WHERE id = 'strike'");
    EXPECT_EQ(scalar(file, "SELECT count(*) FROM atlas_event_columns"), "0");
    EXPECT_EQ(readGeoPackageFile(file).dataset.events.placeName(0), "Jabal Duwayli");
    const std::string again = written(kFullDocument);
    execute(again, "DELETE FROM events WHERE id = 'reply'");
    EXPECT_EQ(scalar(again, "SELECT count(*) FROM atlas_event_columns"), "0");
    EXPECT_EQ(readGeoPackageFile(again).dataset.events.size(), 1u);
}

TEST_F(GeoPackage, ADamagedColumnCacheIsIgnoredAndTheRowsRead) {
    const LoadResult original = readNativeText(kFullDocument, "full.json");
    // Each damage in turn: a short array, a type out of range, an actor reference past the pool.
    for (const char* damage : {"UPDATE atlas_event_columns SET data = x'0000' WHERE name = 'point'",
                               "UPDATE atlas_event_columns SET data = x'FFFF' WHERE name = 'type'",
                               "UPDATE atlas_event_columns SET data = x'FFFFFF00' || substr(data, 5) WHERE name = 'actor_refs'",
                               "DELETE FROM atlas_event_columns WHERE name = 'layout'"}) {
        const std::string file = written(kFullDocument);
        execute(file, damage);
        const LoadResult back = readGeoPackageFile(file);
        EXPECT_TRUE(back.diagnostics.empty()) << damage;
        EXPECT_EQ(back.dataset.events, original.dataset.events) << damage;
        std::filesystem::remove(file);
    }
}

TEST_F(GeoPackage, ABadRowIsSkippedAndPlacedByTableFidAndColumn) {
    const std::string file = written(kFullDocument);
    execute(file, "UPDATE events SET date = '2020-02-30' WHERE id = 'reply'");
    execute(file, "UPDATE events SET event_type = 'bombardment', sources = 'not json' WHERE id = 'strike'");
    execute(file, "UPDATE lines SET geom = x'00' WHERE id = 'm4'");
    const LoadResult back = readGeoPackageFile(file);
    EXPECT_TRUE(back.partial());
    ASSERT_EQ(back.dataset.events.size(), 1u);
    EXPECT_EQ(back.dataset.events[0].type, EventType::Other);
    const Diagnostic* date = find(back, "date.invalid");
    ASSERT_NE(date, nullptr);
    EXPECT_EQ(date->severity, Severity::Error);
    EXPECT_EQ(date->record, "events fid 2, column date");
    EXPECT_NE(date->toString().find("[at events fid 2, column date]"), std::string::npos) << date->toString();
    const Diagnostic* column = find(back, "geopackage.column");
    ASSERT_NE(column, nullptr);
    EXPECT_EQ(column->record, "events fid 1, column event_type");
    const Diagnostic* geometry = find(back, "geopackage.geometry");
    ASSERT_NE(geometry, nullptr);
    EXPECT_EQ(geometry->record, "lines fid 1, column geom");
    EXPECT_TRUE(back.dataset.lines.empty());
}

TEST_F(GeoPackage, ProblemsFoundByTheNativeChecksArePlacedInTheTable) {
    const std::string file = written(kFullDocument);
    execute(file, "UPDATE sites SET history = '[{\"date\": \"2019-13-01\", \"status\": \"active\", \"sources\": []}]' "
                  "WHERE id = 'morek'");
    const LoadResult back = readGeoPackageFile(file);
    const Diagnostic* date = find(back, "date.invalid");
    ASSERT_NE(date, nullptr);
    EXPECT_EQ(date->record, "sites fid 1");
    EXPECT_EQ(date->jsonPointer, "/history/0/date");
    EXPECT_EQ(date->line, 0);
}

TEST_F(GeoPackage, ForeignAndBrokenFilesAreFatalWithTheReason) {
    auto fatalCode = [](const LoadResult& result) {
        EXPECT_TRUE(result.failed());
        EXPECT_TRUE(result.dataset.events.empty());
        return result.diagnostics.empty() ? std::string() : result.diagnostics.front().code;
    };
    // Not SQLite at all.
    { std::ofstream(path("text.gpkg")) << "this is not a database, only text long enough to have a header\n"; }
    EXPECT_EQ(fatalCode(readGeoPackageFile(path("text.gpkg"))), "geopackage.not_sqlite");
    // SQLite, not a GeoPackage.
    execute(path("plain.sqlite"), "CREATE TABLE t (x)");
    EXPECT_EQ(fatalCode(readGeoPackageFile(path("plain.sqlite"))), "geopackage.not_geopackage");
    // A GeoPackage from elsewhere without a point layer: its layers are named.
    const std::string file = written(kFullDocument);
    std::filesystem::copy_file(file, path("polygons.gpkg"));
    execute(path("polygons.gpkg"), "DROP TABLE atlas_metadata; DELETE FROM gpkg_contents WHERE table_name IN ('events', 'sites')");
    const LoadResult foreign = readGeoPackageFile(path("polygons.gpkg"));
    EXPECT_EQ(fatalCode(foreign), "geopackage.not_atlas");
    EXPECT_NE(foreign.diagnostics.front().message.find("areas, lines"), std::string::npos) << foreign.diagnostics.front().message;
    // A newer schema.
    std::filesystem::copy_file(file, path("newer.gpkg"));
    execute(path("newer.gpkg"), "UPDATE atlas_metadata SET value = '99' WHERE key = 'schema_version'");
    const LoadResult newer = readGeoPackageFile(path("newer.gpkg"));
    EXPECT_EQ(fatalCode(newer), "geopackage.schema");
    EXPECT_NE(newer.diagnostics.front().message.find("newer"), std::string::npos);
    // Truncated: the first half of a real file.
    {
        std::ifstream in(file, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), {});
        std::ofstream(path("truncated.gpkg"), std::ios::binary) << bytes.substr(0, bytes.size() / 2);
    }
    const std::string truncated = fatalCode(readGeoPackageFile(path("truncated.gpkg")));
    EXPECT_TRUE(truncated == "geopackage.sql" || truncated == "geopackage.not_geopackage") << truncated;
    // Missing.
    EXPECT_EQ(fatalCode(readGeoPackageFile(path("missing.gpkg"))), "file.open");
}

// A QGIS layer of incident points (no Conflict Atlas tables) is read as GeoJSON points are:
// rows with a date become events, the other columns are kept; a layer in another coordinate
// system is refused with what to do.
TEST_F(GeoPackage, APointLayerFromElsewhereIsReadAsIncidents) {
    const std::string file = written(kFullDocument);
    execute(file, "ALTER TABLE events RENAME COLUMN date TO reported_on; DROP TABLE atlas_metadata");
    const LoadResult plain = readGeoPackageFile(file);
    EXPECT_FALSE(plain.failed());
    EXPECT_TRUE(plain.dataset.events.empty()); // no usual date column: every point skipped, said so
    ASSERT_NE(find(plain, "geopackage.foreign"), nullptr);
    EXPECT_NE(find(plain, "geopackage.foreign")->message.find("other layers left out: areas, lines, sites"), std::string::npos);
    const Diagnostic* undated = find(plain, "geojson.date");
    ASSERT_NE(undated, nullptr);
    EXPECT_EQ(undated->record, "events fid 1");
    // What the window offers to choose from: the date-like columns of that layer.
    const auto choices = datePropertiesOfFile(file);
    ASSERT_FALSE(choices.empty());
    EXPECT_EQ(choices.front().name, "reported_on");
    EXPECT_EQ(choices.front().points, 2u);
    EXPECT_TRUE(geoPackageDateProperties(written(kFullDocument)).empty()); // our own file: nothing to choose

    GeoJsonOptions options;
    options.dateProperty = "reported_on";
    const LoadResult dated = readGeoPackageFile(file, nullptr, options);
    ASSERT_EQ(dated.dataset.events.size(), 2u);
    EXPECT_EQ(dated.dataset.events.date(0).toString(), "2020-10-26");
    EXPECT_NEAR(dated.dataset.events.point(0).longitude, 36.5, 1e-9);
    EXPECT_EQ(readAnyFile(file, {options, nullptr}).dataset.events.size(), 2u);

    execute(file, "UPDATE gpkg_geometry_columns SET srs_id = 3857 WHERE table_name = 'events'");
    const LoadResult projected = readGeoPackageFile(file, nullptr, options);
    ASSERT_TRUE(projected.failed());
    EXPECT_NE(projected.diagnostics.front().message.find("ogr2ogr -t_srs EPSG:4326"), std::string::npos);
}

TEST_F(GeoPackage, SavingIsAtomic) {
    const LoadResult native = readNativeText(kFullDocument, "full.json");
    const std::string file = path("out.gpkg");
    { std::ofstream(file) << "the previous file"; }
    // A failed save (no such folder) reports it and leaves nothing behind.
    const auto errors = writeGeoPackageFile(native.dataset, path("missing-folder/out.gpkg"));
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors.front().code, "file.write");
    // A save replaces the old file whole and leaves no temporary file.
    ASSERT_TRUE(writeGeoPackageFile(native.dataset, file).empty());
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(directory), {}), 1);
    EXPECT_EQ(readGeoPackageFile(file).dataset.events, native.dataset.events);
}

TEST_F(GeoPackage, ReadAnyFileKnowsItByExtensionAndByContent) {
    const std::string file = written(kFullDocument);
    std::filesystem::copy_file(file, path("renamed.dat"));
    EXPECT_EQ(readAnyFile(file).dataset.events.size(), 2u);
    EXPECT_EQ(readAnyFile(path("renamed.dat")).dataset.events.size(), 2u);
    EXPECT_TRUE(looksLikeSqlite(file));
    EXPECT_FALSE(looksLikeSqlite(ATLAS_SAMPLE_DATASET));
}

// A text search over a GeoPackage asks its FTS5 trigram index for the details (description,
// sources) and looks at place and actor names in memory: the answers must be exactly those of
// the search over the same events held in memory, also once another program has made the
// index stale (then every row is read).
TEST_F(GeoPackage, TextSearchFindsWhatTheInMemorySearchFinds) {
    const LoadResult sample = readNativeFile(ATLAS_SAMPLE_DATASET);
    ASSERT_FALSE(sample.failed());
    const Dataset synthetic = bench::makeSyntheticDataset(5000);
    const std::vector<std::string> needles = {
        "kafr takharim", "Kafr", "SOHR", "faylaq", "ceasefire", "idlib", "ma", "e", "-", "al-sham", "78", "\xc3\xa9",
        "russian air", "syrian network", "nothing like this", "market", "MONITOR", "daily report", "place 1",
        "governorate 3", "shelled", "positions near"};
    int found = 0;
    for (const Dataset* corpus : {&sample.dataset, &synthetic}) {
        const std::string file = path(corpus == &synthetic ? "synthetic.gpkg" : "sample.gpkg");
        ASSERT_TRUE(writeGeoPackageFile(*corpus, file).empty());
        EXPECT_EQ(scalar(file, "SELECT value FROM atlas_metadata WHERE key = 'text_index'"), "atlas_events_text");
        // 0: the index as written; 1: a table of it missing (SQLite fails: every row is read);
        // 2: the index made stale by another program's edit.
        for (int stale = 0; stale < 3; ++stale) {
            if (stale == 1) execute(file, "DROP TABLE atlas_events_text_trigrams");
            if (stale == 2) {
                execute(file, "UPDATE events SET civilian_targeting = civilian_targeting WHERE fid = 1");
                EXPECT_EQ(scalar(file, "SELECT count(*) FROM atlas_metadata WHERE key = 'text_index'"), "0");
            }
            const LoadResult opened = readGeoPackageFile(file);
            ASSERT_FALSE(opened.failed());
            ASSERT_TRUE(opened.dataset.events.hasDetailSources());
            const EventIndex inMemory(*corpus), fromFile(opened.dataset);
            for (const std::string& needle : needles) {
                EventFilter filter;
                filter.text = needle;
                const auto expected = inMemory.select(filter);
                EXPECT_EQ(fromFile.select(filter), expected) << needle << " (case " << stale << ")";
                found += expected.empty() ? 0 : 1;
                // With a window and a type as well, as the window asks.
                filter.from = Date::parse("2020-10-01");
                filter.to = Date::parse("2020-10-31");
                EXPECT_EQ(fromFile.select(filter), inMemory.select(filter)) << needle;
            }
        }
    }
    EXPECT_GT(found, 50); // most needles find something: the comparison is not of empty lists
}
