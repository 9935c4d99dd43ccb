// libFuzzer target: the GeoPackage reader's decoding of its own tables. Fuzzing SQLite's file
// format is SQLite's business; what is ours is how a row's values and the column cache are
// read. The input is split at NUL bytes into values that replace one event's geometry, dates,
// keys, actor lists and JSON columns, and one array of the column cache, in a valid file; the
// result must be sound, every event's details must be fetchable, and a text search must run.
#include "fuzz_checks.h"

#include "atlas/io/geopackage.h"
#include "atlas/io/native_format.h"
#include "atlas/query/query.h"

#include <sqlite3.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace {

const char* const kTemplate = R"({"format": "conflict-atlas", "version": 1,
  "actors": [{"id": "ru", "name": "Russian Air Force", "side": "russian_forces"}],
  "events": [
    {"id": "a", "type": "air_strike", "date": "2020-10-26", "place": {"lat": 36.1, "lon": 36.5, "name": "Jabal Duwayli"},
     "perpetrators": ["ru"], "killed": {"qualifier": "more_than", "low": 78}, "sources": [{"publisher": "P", "title": "T"}]},
    {"id": "b", "type": "shelling", "date": "2020-10-27", "endDate": "2020-10-28", "place": {"lat": 35.8, "lon": 36.6},
     "perpetrators": ["ru"], "links": [{"relation": "retaliation_for", "event": "a"}], "sources": []}]})";

const char* const kCacheArrays[] = {"layout", "id_chars", "id_begin", "day", "end_day", "type", "point", "place_name",
                                    "actor_begin", "actor_count", "actor_refs", "strings", "actor_ids", "detail_key"};

std::string templateFile() {
    static const std::string path = [] {
        const std::string file = (std::filesystem::temp_directory_path() / "atlas-fuzz-template.gpkg").string();
        const atlas::LoadResult native = atlas::readNativeText(kTemplate, "template.json");
        if (native.failed() || !atlas::writeGeoPackageFile(native.dataset, file).empty()) atlas::fuzz::broken("no template file");
        return file;
    }();
    return path;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<std::string> values(1);
    for (std::size_t i = 0; i < size; ++i) {
        if (data[i] == 0 && values.size() < 12) values.emplace_back();
        else values.back().push_back(static_cast<char>(data[i]));
    }
    values.resize(12);
    const std::string file = (std::filesystem::temp_directory_path() / "atlas-fuzz-input.gpkg").string();
    std::filesystem::copy_file(templateFile(), file, std::filesystem::copy_options::overwrite_existing);
    sqlite3* db = nullptr;
    if (sqlite3_open(file.c_str(), &db) != SQLITE_OK) atlas::fuzz::broken("cannot open the copy");
    atlas::registerGeoPackageFunctions(db);
    // The cache as written, to put back (the triggers empty it when the events change), with
    // one array replaced by the input's last value.
    sqlite3_exec(db, "CREATE TEMP TABLE kept AS SELECT * FROM atlas_event_columns", nullptr, nullptr, nullptr);
    sqlite3_stmt* update = nullptr;
    const char* sql = "UPDATE events SET geom = ?1, date = ?2, end_date = nullif(?3, ''), event_type = ?4, perpetrators = ?5, "
                      "sources = ?6, extra = ?7, killed_qualifier = ?8, killed_low = CAST(?9 AS INTEGER), links = nullif(?10, '') "
                      "WHERE fid = 1 + (length(?11) % 2)";
    sqlite3_prepare_v2(db, sql, -1, &update, nullptr);
    sqlite3_bind_blob(update, 1, values[0].data(), static_cast<int>(values[0].size()), SQLITE_STATIC);
    for (int i = 1; i < 11; ++i) sqlite3_bind_text(update, i + 1, values[i].data(), static_cast<int>(values[i].size()), SQLITE_STATIC);
    sqlite3_step(update);
    sqlite3_finalize(update);
    if (!values[11].empty()) {
        sqlite3_exec(db, "INSERT INTO atlas_event_columns SELECT * FROM kept", nullptr, nullptr, nullptr);
        sqlite3_stmt* cache = nullptr;
        sqlite3_prepare_v2(db, "UPDATE atlas_event_columns SET data = ?1 WHERE name = ?2", -1, &cache, nullptr);
        sqlite3_bind_blob(cache, 1, values[11].data(), static_cast<int>(values[11].size()), SQLITE_STATIC);
        sqlite3_bind_text(cache, 2, kCacheArrays[static_cast<unsigned char>(values[11][0]) % std::size(kCacheArrays)], -1, SQLITE_STATIC);
        sqlite3_step(cache);
        sqlite3_finalize(cache);
    }
    sqlite3_close(db);

    const atlas::LoadResult result = atlas::readGeoPackageFile(file);
    atlas::fuzz::requireSound(result, file);
    for (std::size_t row = 0; row < result.dataset.events.size(); ++row) (void)result.dataset.events.at(row);
    const atlas::EventIndex index(result.dataset);
    atlas::EventFilter filter;
    filter.text = values[1].substr(0, 8);
    (void)index.select(filter);
    return 0;
}
