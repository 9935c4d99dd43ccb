#include "atlas/io/geopackage.h"

#include "atlas/io/atomic_file.h"
#include "atlas/io/geojson.h"
#include "atlas/io/load_control.h"
#include "atlas/io/native_format.h"
#include "atlas/io/text.h"
#include "atlas/model/event_id_set.h"
#include "atlas/model/diagnostic_codes.h"
#include "native_json.h"

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <array>
#include <cstdint>
#include <bit>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>
#include <mutex>
#include <thread>
#include <stdexcept>
#include <unordered_set>

// SQLite directly rather than GDAL's OGR: the container has attribute tables and columns of
// our own, is read a million rows at a time (OGR's per-feature objects cost several times
// more), and will be queried by fid for details on demand and by FTS5 for text. GDAL's own
// tools (ogrinfo) check in the tests that what we write is a GeoPackage others read.

namespace atlas {

using nlohmann::json;

namespace {

// ---------------------------------------------------------------------------------------------
// SQLite, thinly wrapped: errors become exceptions caught at the edge of this file.

struct SqlError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Database {
public:
    Database(const std::string& path, int flags) {
        if (sqlite3_open_v2(path.c_str(), &m_handle, flags, nullptr) != SQLITE_OK) {
            const std::string message = m_handle ? sqlite3_errmsg(m_handle) : "out of memory";
            sqlite3_close_v2(m_handle);
            m_handle = nullptr;
            throw SqlError(message);
        }
        sqlite3_extended_result_codes(m_handle, 1);
    }
    ~Database() { sqlite3_close_v2(m_handle); }
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void execute(const std::string& sql) {
        char* error = nullptr;
        if (sqlite3_exec(m_handle, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
            const std::string message = error ? error : sqlite3_errmsg(m_handle);
            sqlite3_free(error);
            throw SqlError(message);
        }
    }
    [[nodiscard]] sqlite3* handle() const { return m_handle; }

private:
    sqlite3* m_handle = nullptr;
};

class Statement {
public:
    Statement(const Database& db, const std::string& sql) : m_db(db.handle()) {
        if (sqlite3_prepare_v2(m_db, sql.c_str(), static_cast<int>(sql.size()), &m_statement, nullptr) != SQLITE_OK)
            throw SqlError(sqlite3_errmsg(m_db));
    }
    ~Statement() { sqlite3_finalize(m_statement); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Bound text and blobs must live until step(): every caller binds and steps at once.
    void bind(int index, std::string_view text) {
        sqlite3_bind_text(m_statement, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
    }
    void bindOptional(int index, std::string_view text) {
        if (text.empty()) sqlite3_bind_null(m_statement, index);
        else bind(index, text);
    }
    void bindBlob(int index, const std::string& bytes) {
        sqlite3_bind_blob(m_statement, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_STATIC);
    }
    void bind(int index, std::int64_t value) { sqlite3_bind_int64(m_statement, index, value); }
    void bind(int index, double value) { sqlite3_bind_double(m_statement, index, value); }
    void bind(int index, std::optional<int> value) {
        if (value) sqlite3_bind_int64(m_statement, index, *value);
        else sqlite3_bind_null(m_statement, index);
    }
    /// True while there is a row.
    bool step() {
        const int result = sqlite3_step(m_statement);
        if (result == SQLITE_ROW) return true;
        if (result == SQLITE_DONE) return false;
        throw SqlError(sqlite3_errmsg(m_db));
    }
    void reset() {
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
    }
    void run() {
        step();
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
    }

    [[nodiscard]] bool isNull(int column) const { return sqlite3_column_type(m_statement, column) == SQLITE_NULL; }
    [[nodiscard]] int typeOf(int column) const { return sqlite3_column_type(m_statement, column); }
    [[nodiscard]] std::string_view text(int column) const {
        const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
        return bytes ? std::string_view(bytes, static_cast<std::size_t>(sqlite3_column_bytes(m_statement, column)))
                     : std::string_view();
    }
    [[nodiscard]] std::string_view blob(int column) const {
        const auto* bytes = static_cast<const char*>(sqlite3_column_blob(m_statement, column));
        return bytes ? std::string_view(bytes, static_cast<std::size_t>(sqlite3_column_bytes(m_statement, column)))
                     : std::string_view();
    }
    [[nodiscard]] std::int64_t integer(int column) const { return sqlite3_column_int64(m_statement, column); }
    [[nodiscard]] sqlite3_stmt* handle() const { return m_statement; }
    [[nodiscard]] double real(int column) const { return sqlite3_column_double(m_statement, column); }

private:
    sqlite3* m_db;
    sqlite3_stmt* m_statement = nullptr;
};

// ---------------------------------------------------------------------------------------------
// GeoPackage geometry: a "GP" header (version, flags, srs id, optional envelope), then ISO WKB.
// Written little-endian with srs 4326; read in either byte order, 2D, Z, M or ZM.

constexpr std::int32_t kWgs84 = 4326;

template <typename T> void put(std::string& out, T value) {
    char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    if constexpr (std::endian::native == std::endian::big) std::reverse(bytes, bytes + sizeof(T));
    out.append(bytes, sizeof(T));
}

void putHeader(std::string& out, const std::vector<GeoPoint>* envelopeOf) {
    out += "GP";
    out += '\0';                                            // version 1 of the binary format
    out += static_cast<char>(envelopeOf ? 0x03 : 0x01);     // little-endian; envelope [minx,maxx,miny,maxy] or none
    put<std::int32_t>(out, kWgs84);
    if (envelopeOf) {
        double minX = 180, maxX = -180, minY = 90, maxY = -90;
        for (const GeoPoint& p : *envelopeOf) {
            minX = std::min(minX, p.longitude);
            maxX = std::max(maxX, p.longitude);
            minY = std::min(minY, p.latitude);
            maxY = std::max(maxY, p.latitude);
        }
        put(out, minX);
        put(out, maxX);
        put(out, minY);
        put(out, maxY);
    }
}

void putPoints(std::string& out, const std::vector<GeoPoint>& points) {
    put<std::uint32_t>(out, static_cast<std::uint32_t>(points.size()));
    for (const GeoPoint& p : points) {
        put(out, p.longitude);
        put(out, p.latitude);
    }
}

std::string pointGeometry(GeoPoint point) {
    std::string out;
    out.reserve(29);
    putHeader(out, nullptr);
    out += '\x01';
    put<std::uint32_t>(out, 1);
    put(out, point.longitude);
    put(out, point.latitude);
    return out;
}

std::string lineGeometry(const std::vector<GeoPoint>& path) {
    std::string out;
    putHeader(out, &path);
    out += '\x01';
    put<std::uint32_t>(out, 2);
    putPoints(out, path);
    return out;
}

std::string polygonGeometry(const std::vector<std::vector<GeoPoint>>& rings) {
    std::string out;
    putHeader(out, rings.empty() ? nullptr : &rings.front());
    out += '\x01';
    put<std::uint32_t>(out, 3);
    put<std::uint32_t>(out, static_cast<std::uint32_t>(rings.size()));
    for (const auto& ring : rings) putPoints(out, ring);
    return out;
}

// Reads a geometry blob; the geometry's parts (a point: one part of one point; a line: one
// part; a polygon: its rings). Multi-geometries of one part are read as that part.
class GeometryReader {
public:
    explicit GeometryReader(std::string_view bytes) : m_bytes(bytes) {}

    // kind: 1 point, 2 line string, 3 polygon. nullopt with `error` set when unreadable.
    std::optional<std::vector<std::vector<GeoPoint>>> read(int wantedKind, std::string& error) {
        if (m_bytes.size() < 8 || m_bytes[0] != 'G' || m_bytes[1] != 'P') {
            error = "not a GeoPackage geometry (no \"GP\" header)";
            return std::nullopt;
        }
        const auto flags = static_cast<unsigned char>(m_bytes[3]);
        if (flags & 0x20) {
            error = "an extended GeoPackage geometry type is not supported";
            return std::nullopt;
        }
        if (flags & 0x10) {
            error = "the geometry is empty";
            return std::nullopt;
        }
        static constexpr std::size_t kEnvelopeBytes[] = {0, 32, 48, 48, 64};
        const unsigned envelope = (flags >> 1) & 0x07;
        if (envelope > 4) {
            error = "bad envelope indicator in the geometry header";
            return std::nullopt;
        }
        m_offset = 8 + kEnvelopeBytes[envelope];
        std::vector<std::vector<GeoPoint>> parts;
        if (!readWkb(wantedKind, parts, error, 0)) return std::nullopt;
        return parts;
    }

private:
    std::string_view m_bytes;
    std::size_t m_offset = 0;
    bool m_little = true;

    template <typename T> bool take(T& value) {
        if (m_offset + sizeof(T) > m_bytes.size()) return false;
        char bytes[sizeof(T)];
        std::memcpy(bytes, m_bytes.data() + m_offset, sizeof(T));
        if (m_little != (std::endian::native == std::endian::little)) std::reverse(bytes, bytes + sizeof(T));
        std::memcpy(&value, bytes, sizeof(T));
        m_offset += sizeof(T);
        return true;
    }

    bool readPoints(std::uint32_t count, int dimensions, std::vector<GeoPoint>& points, std::string& error) {
        if (count > (m_bytes.size() - m_offset) / (8u * static_cast<unsigned>(dimensions))) {
            error = "the geometry is truncated";
            return false;
        }
        points.reserve(count);
        for (std::uint32_t i = 0; i < count; ++i) {
            double values[4] = {};
            for (int d = 0; d < dimensions; ++d) take(values[d]);
            points.push_back({values[1], values[0]});
        }
        return true;
    }

    bool readWkb(int wantedKind, std::vector<std::vector<GeoPoint>>& parts, std::string& error, int depth) {
        if (m_offset >= m_bytes.size()) {
            error = "the geometry is truncated";
            return false;
        }
        m_little = m_bytes[m_offset++] == 1;
        std::uint32_t type = 0;
        if (!take(type)) {
            error = "the geometry is truncated";
            return false;
        }
        // ISO WKB: 1000s add Z, 2000s M, 3000s ZM.
        const int dimensions = type >= 3000 ? 4 : type >= 1000 ? 3 : 2;
        const std::uint32_t base = type % 1000;
        static const char* const kNames[] = {"", "point", "line string", "polygon"};
        if (base >= 4 && base <= 6 && depth == 0 && static_cast<int>(base) - 3 == wantedKind) {
            std::uint32_t count = 0;
            if (!take(count)) {
                error = "the geometry is truncated";
                return false;
            }
            if (count != 1) {
                error = "a multi-part geometry of " + std::to_string(count) + " parts; expected one " + kNames[wantedKind];
                return false;
            }
            return readWkb(wantedKind, parts, error, depth + 1);
        }
        if (static_cast<int>(base) != wantedKind) {
            error = "expected a " + std::string(kNames[wantedKind]) + " geometry, found WKB type " + std::to_string(type);
            return false;
        }
        if (base == 1) {
            parts.emplace_back();
            if (!readPoints(1, dimensions, parts.back(), error)) return false;
            if (std::isnan(parts.back()[0].latitude)) {
                error = "the point is empty";
                return false;
            }
            return true;
        }
        std::uint32_t partCount = 1;
        if (base == 3 && !take(partCount)) {
            error = "the geometry is truncated";
            return false;
        }
        for (std::uint32_t i = 0; i < partCount; ++i) {
            std::uint32_t count = 0;
            if (!take(count)) {
                error = "the geometry is truncated";
                return false;
            }
            parts.emplace_back();
            if (!readPoints(count, dimensions, parts.back(), error)) return false;
        }
        return true;
    }
};

// ---------------------------------------------------------------------------------------------
// The schema. Each item is a row whose columns hold what a GIS user reads and filters on;
// whatever has no column (unknown fields, a place's own extras, ...) is kept in `extra`, a JSON
// object in the shape of the native item, so nothing is lost and nothing is stored twice.

const char* const kCoreTables = R"sql(
CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY,
  organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
INSERT INTO gpkg_spatial_ref_sys VALUES
  ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
  ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
  ('WGS 84 geodetic', 4326, 'EPSG', 4326,
   'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]',
   'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL,
  scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
CREATE TABLE atlas_metadata (key TEXT NOT NULL PRIMARY KEY, value TEXT);
CREATE TABLE atlas_event_columns (name TEXT NOT NULL PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE actors (fid INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL, name TEXT NOT NULL, side TEXT NOT NULL,
  parent TEXT, colour TEXT, aliases TEXT, extra TEXT);
CREATE TABLE events (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom POINT NOT NULL, id TEXT NOT NULL, event_type TEXT NOT NULL,
  date DATE NOT NULL, end_date DATE, date_precision TEXT NOT NULL, place_name TEXT, admin1 TEXT, admin2 TEXT,
  place_precision TEXT NOT NULL, perpetrators TEXT, targets TEXT,
  killed_qualifier TEXT NOT NULL, killed_low INTEGER, killed_high INTEGER,
  wounded_qualifier TEXT NOT NULL, wounded_low INTEGER, wounded_high INTEGER,
  civilian_targeting BOOLEAN NOT NULL, description TEXT, sources TEXT, tags TEXT, links TEXT, extra TEXT);
CREATE INDEX events_with_links ON events(fid) WHERE links IS NOT NULL;
CREATE TABLE sites (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom POINT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL,
  kind TEXT NOT NULL, operator TEXT, place_name TEXT, admin1 TEXT, admin2 TEXT, place_precision TEXT NOT NULL,
  description TEXT, history TEXT, extra TEXT);
CREATE TABLE lines (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom LINESTRING NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL,
  kind TEXT NOT NULL, valid_from DATE NOT NULL, valid_to DATE, half_width_km REAL, parties TEXT,
  approximate BOOLEAN NOT NULL, description TEXT, sources TEXT, extra TEXT);
CREATE TABLE areas (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom POLYGON NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL,
  controller TEXT, valid_from DATE NOT NULL, valid_to DATE, approximate BOOLEAN NOT NULL, description TEXT, sources TEXT,
  extra TEXT);
)sql";

struct FeatureTable {
    const char* name;
    const char* geometryType;
    const char* description;
};
constexpr FeatureTable kFeatureTables[] = {
    {"events", "POINT", "Incidents: who did what to whom, where and when"},
    {"sites", "POINT", "Observation posts, bases, crossings and checkpoints (status history in \"history\")"},
    {"lines", "LINESTRING", "Ceasefire lines, corridors, front lines and patrol routes, with validity"},
    {"areas", "POLYGON", "Areas of control, with validity"},
};

// The GeoPackage R-tree extension (its virtual table is made before the rows, which fill it as
// they are written). Its triggers keep the index right when another program (QGIS)
// edits the table; they call the ST_ functions that GeoPackage readers register.
std::string rtreeSql(const std::string& table) {
    const std::string t = table, r = "rtree_" + table + "_geom";
    std::string sql = "INSERT INTO gpkg_extensions VALUES ('" + t +
           "', 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only');\n";
    const std::string box = "ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)";
    sql += "CREATE TRIGGER " + r + "_insert AFTER INSERT ON " + t +
           " WHEN (new.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN INSERT OR REPLACE INTO " + r +
           " VALUES (NEW.fid, " + box + "); END;\n";
    sql += "CREATE TRIGGER " + r + "_update1 AFTER UPDATE OF geom ON " + t +
           " WHEN OLD.fid = NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN INSERT OR REPLACE INTO " + r +
           " VALUES (NEW.fid, " + box + "); END;\n";
    sql += "CREATE TRIGGER " + r + "_update2 AFTER UPDATE OF geom ON " + t +
           " WHEN OLD.fid = NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom)) BEGIN DELETE FROM " + r +
           " WHERE id = OLD.fid; END;\n";
    sql += "CREATE TRIGGER " + r + "_update3 AFTER UPDATE ON " + t +
           " WHEN OLD.fid != NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN DELETE FROM " + r +
           " WHERE id = OLD.fid; INSERT OR REPLACE INTO " + r + " VALUES (NEW.fid, " + box + "); END;\n";
    sql += "CREATE TRIGGER " + r + "_update4 AFTER UPDATE ON " + t +
           " WHEN OLD.fid != NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom)) BEGIN DELETE FROM " + r +
           " WHERE id IN (OLD.fid, NEW.fid); END;\n";
    sql += "CREATE TRIGGER " + r + "_delete AFTER DELETE ON " + t + " WHEN old.geom NOT NULL BEGIN DELETE FROM " + r +
           " WHERE id = OLD.fid; END;\n";
    return sql;
}

// Moves `key` out of `object` (null when absent).
json take(json& object, const char* key) {
    const auto found = object.find(key);
    if (found == object.end()) return nullptr;
    json value = std::move(*found);
    object.erase(found);
    return value;
}

std::string dumpOrEmpty(const json& value) {
    if (value.is_null() || (value.is_object() && value.empty())) return {};
    return value.dump();
}

std::string jsonStringList(const std::vector<std::string>& values) {
    if (values.empty()) return {};
    return json(values).dump();
}

// A place as columns (name, admin1, admin2, precision, lat/lon in the geometry); its other
// fields, if any, go back under "place" in the owner's extra.
void takePlace(json& object, json& extra) {
    json place = take(object, "place");
    for (const char* key : {"lat", "lon", "name", "admin1", "admin2", "precision"}) place.erase(key);
    if (!place.empty()) extra["place"] = std::move(place);
}

// What a text search looks through in an event's details, lower-cased as EventIndex compares.
std::string searchableText(std::string_view description, const std::vector<SourceReference>& sources) {
    std::string text;
    appendSearchText(text, description);
    for (const SourceReference& source : sources) {
        appendSearchText(text, source.publisher);
        appendSearchText(text, source.title);
    }
    return text;
}

// The distinct trigrams of `needle`, its characters counted as UTF-8 code points (as the
// trigram tokenizer counts them); none when it has fewer than three.
std::vector<std::string> trigramsOf(std::string_view needle) {
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < needle.size(); ++i)
        if ((static_cast<unsigned char>(needle[i]) & 0xC0) != 0x80) starts.push_back(i);
    starts.push_back(needle.size());
    std::vector<std::string> trigrams;
    for (std::size_t k = 0; k + 3 < starts.size(); ++k) {
        std::string trigram(needle.substr(starts[k], starts[k + 3] - starts[k]));
        if (std::find(trigrams.begin(), trigrams.end(), trigram) == trigrams.end()) trigrams.push_back(std::move(trigram));
    }
    return trigrams;
}

// An FTS5 query for the rows holding all of `trigrams`.
std::string allOf(const std::vector<std::string>& trigrams) {
    std::string query;
    for (const std::string& trigram : trigrams) {
        std::string quoted = "\"";
        for (const char c : trigram) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        query += (query.empty() ? "" : " AND ") + quoted + "\"";
    }
    return query;
}

// ---------------------------------------------------------------------------------------------
// Writing

class Writer {
public:
    Writer(const Dataset& dataset, Database& db) : m_dataset(dataset), m_db(db) {}

    void write() {
        m_db.execute("PRAGMA application_id = 1196444487; PRAGMA user_version = 10200; PRAGMA journal_mode = OFF; "
                     "PRAGMA synchronous = OFF; PRAGMA page_size = 8192;");
        m_db.execute("BEGIN");
        m_db.execute(kCoreTables);
        for (const FeatureTable& table : kFeatureTables)
            m_db.execute("CREATE VIRTUAL TABLE rtree_" + std::string(table.name) + "_geom USING rtree(id, minx, maxx, miny, maxy)");
        writeMetadata();
        writeActors();
        writeEvents();
        writeEventColumns();
        writeSites();
        writeLines();
        writeAreas();
        registerTables();
        m_db.execute("COMMIT");
    }

private:
    const Dataset& m_dataset;
    Database& m_db;
    struct Bounds {
        double minX = 180, minY = 90, maxX = -180, maxY = -90;
        bool any = false;
        void add(GeoPoint p) {
            any = true;
            minX = std::min(minX, p.longitude);
            maxX = std::max(maxX, p.longitude);
            minY = std::min(minY, p.latitude);
            maxY = std::max(maxY, p.latitude);
        }
    };
    Bounds m_bounds[4]; // events, sites, lines, areas

    void writeMetadata() {
        Statement insert(m_db, "INSERT INTO atlas_metadata (key, value) VALUES (?, ?)");
        json metadata = detail::metadataToJson(m_dataset.metadata);
        json documentExtra = json::object();
        for (const auto& [key, raw] : m_dataset.extra) documentExtra[key] = json::parse(raw, nullptr, false);
        const std::string rows[][2] = {
            {"format", "conflict-atlas"},
            {"schema_version", std::to_string(kGeoPackageSchemaVersion)},
            {"title", take(metadata, "title").get<std::string>()},
            {"description", take(metadata, "description").get<std::string>()},
            {"licence", take(metadata, "licence").get<std::string>()},
            {"provenance", take(metadata, "provenance").get<std::string>()},
            {"metadata_extra", dumpOrEmpty(metadata)},
            {"document_extra", dumpOrEmpty(documentExtra)},
        };
        for (const auto& row : rows) {
            insert.bind(1, row[0]);
            insert.bindOptional(2, row[1]);
            insert.run();
        }
    }

    void writeActors() {
        Statement insert(m_db, "INSERT INTO actors (id, name, side, parent, colour, aliases, extra) VALUES (?,?,?,?,?,?,?)");
        for (const Actor& actor : m_dataset.actors) {
            json extra = detail::actorToJson(actor);
            for (const char* key : {"id", "name", "side", "parent", "colour", "aliases"}) extra.erase(key);
            const std::string aliases = jsonStringList(actor.aliases), extraText = dumpOrEmpty(extra);
            insert.bind(1, actor.id);
            insert.bind(2, actor.name);
            insert.bind(3, toKey(actor.side));
            insert.bindOptional(4, actor.parent);
            insert.bindOptional(5, actor.colour);
            insert.bindOptional(6, aliases);
            insert.bindOptional(7, extraText);
            insert.run();
        }
    }

    static void bindCount(Statement& statement, int first, const CasualtyCount& count) {
        statement.bind(first, toKey(count.qualifier));
        statement.bind(first + 1, count.low);
        statement.bind(first + 2, count.high);
    }

    void writeEvents() {
        Statement insert(m_db,
                         "INSERT INTO events (fid, geom, id, event_type, date, end_date, date_precision, place_name, admin1, "
                         "admin2, place_precision, perpetrators, targets, killed_qualifier, killed_low, killed_high, "
                         "wounded_qualifier, wounded_low, wounded_high, civilian_targeting, description, sources, tags, links, "
                         "extra) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        Statement index(m_db, "INSERT INTO rtree_events_geom VALUES (?, ?, ?, ?, ?)");
        // The text index is filled in the same pass: each event's details are read once (from
        // the file they were opened from, when they were left there).
        m_db.execute("CREATE VIRTUAL TABLE atlas_events_text USING fts5(text, tokenize = 'trigram case_sensitive 1', "
                     "content = '', detail = 'none')");
        Statement text(m_db, "INSERT INTO atlas_events_text (rowid, text) VALUES (?, ?)");
        std::string searchable;
        std::int64_t fid = 0;
        for (const Event& event : m_dataset.events) {
            ++fid;
            const std::string geometry = pointGeometry(event.place.point);
            const std::string date = event.date.toString();
            const std::string endDate = event.endDate ? event.endDate->toString() : std::string();
            const std::string perpetrators = jsonStringList(event.perpetrators), targets = jsonStringList(event.targets);
            const std::string sources = event.sources.empty() ? std::string() : detail::sourcesToJson(event.sources).dump();
            const std::string tags = jsonStringList(event.tags);
            std::string links, extraText;
            if (!event.links.empty() || !event.extra.empty() || !event.place.extra.empty() || !event.killed.extra.empty() ||
                !event.wounded.extra.empty()) {
                // The rare case: take what has no column from the native object.
                json object = detail::eventToJson(event);
                json linkList = take(object, "links");
                if (!linkList.is_null()) links = linkList.dump();
                json extra = json::object();
                for (const auto& [key, raw] : event.extra) extra[key] = json::parse(raw, nullptr, false);
                takePlace(object, extra);
                for (const char* count : {"killed", "wounded"}) {
                    json figure = take(object, count);
                    for (const char* key : {"qualifier", "low", "high"}) figure.erase(key);
                    if (!figure.empty()) extra[count] = std::move(figure);
                }
                extraText = dumpOrEmpty(extra);
            }
            insert.bind(1, fid);
            insert.bindBlob(2, geometry);
            insert.bind(3, event.id);
            insert.bind(4, toKey(event.type));
            insert.bind(5, date);
            insert.bindOptional(6, endDate);
            insert.bind(7, toKey(event.datePrecision));
            insert.bindOptional(8, event.place.name);
            insert.bindOptional(9, event.place.admin1);
            insert.bindOptional(10, event.place.admin2);
            insert.bind(11, toKey(event.place.precision));
            insert.bindOptional(12, perpetrators);
            insert.bindOptional(13, targets);
            bindCount(insert, 14, event.killed);
            bindCount(insert, 17, event.wounded);
            insert.bind(20, std::int64_t{event.civilianTargeting ? 1 : 0});
            insert.bind(21, event.description);
            insert.bindOptional(22, sources);
            insert.bindOptional(23, tags);
            insert.bindOptional(24, links);
            insert.bindOptional(25, extraText);
            insert.run();
            index.bind(1, fid);
            index.bind(2, event.place.point.longitude);
            index.bind(3, event.place.point.longitude);
            index.bind(4, event.place.point.latitude);
            index.bind(5, event.place.point.latitude);
            index.run();
            searchable = searchableText(event.description, event.sources);
            text.bind(1, fid);
            text.bind(2, std::string_view(searchable));
            text.run();
            m_bounds[0].add(event.place.point);
        }
        finishTextIndex();
    }

    // The events' columns as the program holds them, so a reopen copies arrays instead of
    // decoding a million rows. Triggers (registerTables) empty it when another program changes
    // the events, and the reader then reads the rows. Left out when an array would pass
    // SQLite's one-gigabyte value limit.
    void writeEventColumns() {
        std::vector<std::int64_t> fids(m_dataset.events.size());
        for (std::size_t row = 0; row < fids.size(); ++row) fids[row] = static_cast<std::int64_t>(row) + 1;
        const auto columns = m_dataset.events.cachedColumns(fids);
        for (const auto& [name, bytes] : columns)
            if (bytes.size() > 900'000'000) return;
        Statement insert(m_db, "INSERT INTO atlas_event_columns (name, data) VALUES (?, ?)");
        for (const auto& [name, bytes] : columns) {
            insert.bind(1, name);
            insert.bindBlob(2, bytes);
            insert.run();
        }
    }

    // The details' text (description, sources' publishers and titles, lower-cased as EventIndex
    // compares it) is in an FTS5 trigram index (filled by writeEvents), so a text search need
    // not read every row. With detail=none the index only says which rows hold all of a
    // needle's trigrams; the reader confirms each candidate. Valid while atlas_metadata says so
    // (the triggers take that back when another program changes the events).
    void finishTextIndex() {
        // How many events hold each trigram, so a search can ask the index for its rarest few
        // (intersecting the lists of trigrams nearly every event holds costs more than it
        // saves: the confirmation of each candidate makes the answer exact anyway).
        m_db.execute("CREATE VIRTUAL TABLE temp.atlas_text_vocabulary USING fts5vocab(main, atlas_events_text, row)");
        m_db.execute("CREATE TABLE atlas_events_text_trigrams (trigram TEXT NOT NULL PRIMARY KEY, events INTEGER NOT NULL) "
                     "WITHOUT ROWID");
        m_db.execute("INSERT INTO atlas_events_text_trigrams SELECT term, doc FROM temp.atlas_text_vocabulary");
        m_db.execute("DROP TABLE temp.atlas_text_vocabulary");
        m_db.execute("INSERT INTO atlas_metadata (key, value) VALUES ('text_index', 'atlas_events_text')");
    }

    void writeSites() {
        Statement insert(m_db, "INSERT INTO sites (fid, geom, id, name, kind, operator, place_name, admin1, admin2, "
                               "place_precision, description, history, extra) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
        Statement index(m_db, "INSERT INTO rtree_sites_geom VALUES (?, ?, ?, ?, ?)");
        std::int64_t fid = 0;
        for (const Site& site : m_dataset.sites) {
            ++fid;
            json object = detail::siteToJson(site);
            json extra = json::object();
            const std::string history = take(object, "history").dump();
            takePlace(object, extra);
            for (const char* key : {"id", "name", "kind", "operator", "description"}) object.erase(key);
            for (auto& [key, value] : object.items()) extra[key] = value;
            const std::string geometry = pointGeometry(site.place.point), extraText = dumpOrEmpty(extra);
            insert.bind(1, fid);
            insert.bindBlob(2, geometry);
            insert.bind(3, site.id);
            insert.bind(4, site.name);
            insert.bind(5, toKey(site.kind));
            insert.bindOptional(6, site.operatorId);
            insert.bindOptional(7, site.place.name);
            insert.bindOptional(8, site.place.admin1);
            insert.bindOptional(9, site.place.admin2);
            insert.bind(10, toKey(site.place.precision));
            insert.bindOptional(11, site.description);
            insert.bind(12, history);
            insert.bindOptional(13, extraText);
            insert.run();
            addToIndex(index, fid, {site.place.point}, 1);
        }
    }

    void writeLines() {
        Statement insert(m_db, "INSERT INTO lines (fid, geom, id, name, kind, valid_from, valid_to, half_width_km, parties, "
                               "approximate, description, sources, extra) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
        Statement index(m_db, "INSERT INTO rtree_lines_geom VALUES (?, ?, ?, ?, ?)");
        std::int64_t fid = 0;
        for (const Line& line : m_dataset.lines) {
            ++fid;
            json object = detail::lineToJson(line);
            const std::string sources = take(object, "sources").dump();
            for (const char* key : {"id", "name", "kind", "validFrom", "validTo", "path", "halfWidthKm", "parties",
                                    "approximate", "description"})
                object.erase(key);
            const std::string geometry = lineGeometry(line.path), extraText = dumpOrEmpty(object);
            const std::string from = line.validity.from.toString(), to = line.validity.to ? line.validity.to->toString() : "";
            const std::string parties = jsonStringList(line.parties);
            insert.bind(1, fid);
            insert.bindBlob(2, geometry);
            insert.bind(3, line.id);
            insert.bind(4, line.name);
            insert.bind(5, toKey(line.kind));
            insert.bind(6, from);
            insert.bindOptional(7, to);
            if (line.halfWidthKm > 0) insert.bind(8, line.halfWidthKm);
            insert.bindOptional(9, parties);
            insert.bind(10, std::int64_t{line.approximate ? 1 : 0});
            insert.bind(11, line.description);
            insert.bind(12, sources);
            insert.bindOptional(13, extraText);
            insert.run();
            addToIndex(index, fid, line.path, 2);
        }
    }

    void writeAreas() {
        Statement insert(m_db, "INSERT INTO areas (fid, geom, id, name, controller, valid_from, valid_to, approximate, "
                               "description, sources, extra) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
        Statement index(m_db, "INSERT INTO rtree_areas_geom VALUES (?, ?, ?, ?, ?)");
        std::int64_t fid = 0;
        for (const Area& area : m_dataset.areas) {
            ++fid;
            json object = detail::areaToJson(area);
            const std::string sources = take(object, "sources").dump();
            for (const char* key : {"id", "name", "controller", "validFrom", "validTo", "rings", "approximate", "description"})
                object.erase(key);
            const std::string geometry = polygonGeometry(area.rings), extraText = dumpOrEmpty(object);
            const std::string from = area.validity.from.toString(), to = area.validity.to ? area.validity.to->toString() : "";
            insert.bind(1, fid);
            insert.bindBlob(2, geometry);
            insert.bind(3, area.id);
            insert.bind(4, area.name);
            insert.bindOptional(5, area.controller);
            insert.bind(6, from);
            insert.bindOptional(7, to);
            insert.bind(8, std::int64_t{area.approximate ? 1 : 0});
            insert.bind(9, area.description);
            insert.bind(10, sources);
            insert.bindOptional(11, extraText);
            insert.run();
            if (!area.rings.empty()) addToIndex(index, fid, area.rings.front(), 3);
        }
    }

    void addToIndex(Statement& index, std::int64_t fid, const std::vector<GeoPoint>& points, int table) {
        Bounds box;
        for (const GeoPoint& p : points) box.add(p);
        if (!box.any) return;
        index.bind(1, fid);
        index.bind(2, box.minX);
        index.bind(3, box.maxX);
        index.bind(4, box.minY);
        index.bind(5, box.maxY);
        index.run();
        for (const GeoPoint& p : points) m_bounds[table].add(p);
    }

    void registerTables() {
        Statement contents(m_db, "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, "
                                 "max_x, max_y, srs_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        Statement columns(m_db, "INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, 4326, 0, 0)");
        for (int i = 0; i < 4; ++i) {
            const FeatureTable& table = kFeatureTables[i];
            contents.bind(1, std::string_view(table.name));
            contents.bind(2, std::string_view("features"));
            contents.bind(3, std::string_view(table.name));
            contents.bind(4, std::string_view(table.description));
            if (m_bounds[i].any) {
                contents.bind(5, m_bounds[i].minX);
                contents.bind(6, m_bounds[i].minY);
                contents.bind(7, m_bounds[i].maxX);
                contents.bind(8, m_bounds[i].maxY);
            }
            contents.bind(9, std::int64_t{kWgs84});
            contents.run();
            columns.bind(1, std::string_view(table.name));
            columns.bind(2, std::string_view(table.geometryType));
            columns.run();
            m_db.execute(rtreeSql(table.name));
        }
        for (const char* change : {"INSERT", "UPDATE", "DELETE"})
            m_db.execute(std::string("CREATE TRIGGER atlas_event_columns_after_") + change + " AFTER " + change +
                         " ON events BEGIN DELETE FROM atlas_event_columns; "
                         "DELETE FROM atlas_metadata WHERE key = 'text_index'; END");
        for (const char* table : {"actors", "atlas_metadata"}) {
            contents.bind(1, std::string_view(table));
            contents.bind(2, std::string_view("attributes"));
            contents.bind(3, std::string_view(table));
            contents.bind(4, std::string_view(table == std::string("actors") ? "Parties to the conflict, with umbrella (parent) and side"
                                                                            : "Conflict Atlas: format, schema version, dataset metadata"));
            contents.run();
        }
    }
};

// ---------------------------------------------------------------------------------------------
// Reading

// Turns a row's columns into the model. Problems go to `diagnostics` (when there are any to
// report to: details fetched later, on demand, have no reader to tell) with file and record.
class ColumnDecoder {
public:
    ColumnDecoder(std::string path, std::vector<Diagnostic>* diagnostics) : m_path(std::move(path)), m_diagnostics(diagnostics) {}

protected:
    std::string m_path;
    std::vector<Diagnostic>* m_diagnostics;

    void add(Severity severity, std::string code, std::string message, std::string record) {
        Diagnostic d{severity, std::move(code), std::move(message), m_path, 0, 0, "", {}};
        d.record = std::move(record);
        if (m_diagnostics) m_diagnostics->push_back(std::move(d));
    }

    // Parses a JSON column; a problem is a warning and the value is left out.
    json parseColumn(const Statement& row, int column, const char* name, const std::string& record, json::value_t expected) {
        if (row.isNull(column)) return nullptr;
        json value = json::parse(row.text(column), nullptr, false);
        const bool ok = !value.is_discarded() && value.type() == expected;
        if (!ok) {
            add(Severity::Warning, codes::kGeopackageColumn,
                std::string("\"") + name + "\" must hold a JSON " + (expected == json::value_t::array ? "array" : "object") +
                    "; ignored",
                record + ", column " + name);
            return nullptr;
        }
        return value;
    }

    std::vector<std::string> stringList(const Statement& row, int column, const char* name, const std::string& record) {
        std::vector<std::string> values;
        const json list = parseColumn(row, column, name, record, json::value_t::array);
        if (list.is_null()) return values;
        for (const json& item : list) {
            if (item.is_string()) values.push_back(item.get<std::string>());
            else add(Severity::Warning, codes::kGeopackageColumn, std::string("\"") + name + "\" must list strings; " +
                     item.dump() + " ignored", record + ", column " + name);
        }
        return values;
    }

    static ExtraFields extrasOf(const json& object) {
        ExtraFields extra;
        if (object.is_object())
            for (auto it = object.begin(); it != object.end(); ++it) extra.emplace_back(it.key(), it.value().dump());
        return extra;
    }

    std::vector<SourceReference> sourceList(const Statement& row, int column, const std::string& record) {
        std::vector<SourceReference> sources;
        json list = parseColumn(row, column, "sources", record, json::value_t::array);
        if (list.is_null()) return sources;
        for (json& item : list) {
            if (!item.is_object()) {
                add(Severity::Warning, codes::kSourceType, "expected a source object, found " + item.dump(), record + ", column sources");
                continue;
            }
            SourceReference source;
            auto field = [&](const char* key) {
                json value = take(item, key);
                return value.is_string() ? value.get<std::string>() : std::string();
            };
            source.publisher = field("publisher");
            source.title = field("title");
            source.date = field("date");
            source.url = field("url");
            source.extra = extrasOf(item);
            sources.push_back(std::move(source));
        }
        return sources;
    }

    std::vector<EventLink> linkList(const Statement& row, int column, const std::string& record) {
        std::vector<EventLink> links;
        json list = parseColumn(row, column, "links", record, json::value_t::array);
        if (list.is_null()) return links;
        for (json& item : list) {
            json target = item.is_object() ? take(item, "event") : json();
            if (!target.is_string()) {
                add(Severity::Warning, codes::kLinkType, "expected a link {\"relation\", \"event\"}, found " + item.dump(),
                    record + ", column links");
                continue;
            }
            EventLink link;
            link.eventId = target.get<std::string>();
            const json relation = take(item, "relation");
            if (relation.is_string()) {
                if (const auto known = linkRelationFromKey(relation.get<std::string>())) link.relation = *known;
                else add(Severity::Warning, codes::kGeopackageColumn, "unknown relation " + relation.dump() + "; read as related",
                         record + ", column links");
            }
            link.extra = extrasOf(item);
            links.push_back(std::move(link));
        }
        return links;
    }

    static std::string textOf(const Statement& row, int column) { return std::string(row.text(column)); }
    // "events fid 12, column date": made only when there is a problem to report.
    static std::string eventRecord(std::int64_t fid, std::string_view column) {
        return "events fid " + std::to_string(fid) + (column.empty() ? std::string() : ", column " + std::string(column));
    }

    std::optional<std::vector<std::vector<GeoPoint>>> geometry(const Statement& row, int column, int kind,
                                                               const std::string& record) {
        std::string error = "the geometry is missing";
        if (!row.isNull(column))
            if (auto parts = GeometryReader(row.blob(column)).read(kind, error)) return parts;
        add(Severity::Error, codes::kGeopackageGeometry, error + "; skipped", record + ", column geom");
        return std::nullopt;
    }

public:
    std::vector<SourceReference> sources(const Statement& row, int column) { return sourceList(row, column, {}); }
    // The details columns (description, sources, tags, links, extra) from `first` on.
    EventDetails details(const Statement& row, int first, const std::string& record) {
        EventDetails details;
        details.description = textOf(row, first);
        details.sources = sourceList(row, first + 1, record);
        details.tags = stringList(row, first + 2, "tags", record);
        details.links = linkList(row, first + 3, record);
        json extra = parseColumn(row, first + 4, "extra", record, json::value_t::object);
        if (extra.is_object()) {
            // Place and casualty figures keep their own unknown fields under their names.
            details.placeExtra = extrasOf(take(extra, "place"));
            details.killedExtra = extrasOf(take(extra, "killed"));
            details.woundedExtra = extrasOf(take(extra, "wounded"));
            details.extra = extrasOf(extra);
        }
        return details;
    }
};

// The details of a GeoPackage's events, read by fid when someone asks (the details panel, a
// writer): a large dataset opens without reading its descriptions and sources. The connection
// stays open while any event refers to it, so the events read are the ones opened even if the
// file is replaced on disk meanwhile (a save renames a new file over it).
class GeoPackageDetails final : public EventDetailSource {
public:
    explicit GeoPackageDetails(const std::string& path)
        : m_db(path, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX), m_decoder(path, nullptr) {}

    Database& database() { return m_db; }

    EventDetails fetch(std::int64_t key) const override {
        std::lock_guard lock(m_mutex);
        try {
            if (!m_select)
                m_select = std::make_unique<Statement>(m_db, "SELECT description, sources, tags, links, extra FROM events WHERE fid = ?");
            m_select->bind(1, key);
            EventDetails details;
            if (m_select->step()) details = m_decoder.details(*m_select, 0, {});
            m_select->reset();
            return details;
        } catch (const SqlError&) {
            m_select.reset();
            return {};
        }
    }

    std::vector<std::int64_t> keysContaining(std::string_view needle) const override {
        std::lock_guard lock(m_mutex);
        // The index when it can answer; if SQLite fails on it (a file made by another version,
        // damaged), every row is read instead; nothing at all only if that fails too.
        try {
            return search(needle, true);
        } catch (const SqlError&) {
        }
        try {
            return search(needle, false);
        } catch (const SqlError&) {
            return {};
        }
    }

private:
    std::vector<std::int64_t> search(std::string_view needle, bool mayUseIndex) const {
        std::vector<std::int64_t> keys;
        {
            Statement check(m_db, "SELECT 1 FROM atlas_metadata WHERE key = 'text_index'");
            const bool indexed = mayUseIndex && check.step();
            // The index gives candidates: the rows holding the needle's rarest trigrams. Each
            // is confirmed on its own text. A needle shorter than a trigram, or an index
            // another program made stale, means reading every row.
            std::vector<std::string> trigrams = trigramsOf(needle);
            std::unique_ptr<Statement> rows;
            if (indexed && !trigrams.empty()) {
                Statement count(m_db, "SELECT events FROM atlas_events_text_trigrams WHERE trigram = ?");
                std::vector<std::pair<std::int64_t, std::string>> rarest;
                for (std::string& trigram : trigrams) {
                    count.reset();
                    count.bind(1, std::string_view(trigram));
                    const std::int64_t events = count.step() ? count.integer(0) : 0;
                    if (events == 0) return keys; // no event's details hold this trigram
                    rarest.emplace_back(events, std::move(trigram));
                }
                std::sort(rarest.begin(), rarest.end());
                rarest.resize(std::min<std::size_t>(rarest.size(), 4));
                std::vector<std::string> chosen;
                for (auto& [events, trigram] : rarest) chosen.push_back(std::move(trigram));
                rows = std::make_unique<Statement>(
                    m_db, "SELECT e.fid, e.description, e.sources FROM atlas_events_text t JOIN events e ON e.fid = t.rowid "
                          "WHERE atlas_events_text MATCH ?");
                m_query = allOf(chosen);
                rows->bind(1, std::string_view(m_query));
            } else {
                rows = std::make_unique<Statement>(m_db, "SELECT fid, description, sources FROM events");
            }
            std::string lowered;
            auto contains = [&](std::string_view text) {
                lowered.clear();
                appendSearchText(lowered, text);
                return lowered.find(needle) != std::string::npos;
            };
            while (rows->step()) {
                bool hit = contains(rows->text(1));
                // The sources' JSON is parsed only when its raw text could hold the needle
                // (escaped JSON could hide it from the raw text: then always).
                const std::string_view raw = rows->text(2);
                if (!hit && (raw.find('\\') != std::string_view::npos || contains(raw)))
                    hit = searchableText({}, m_decoder.sources(*rows, 2)).find(needle) != std::string::npos;
                if (hit) keys.push_back(rows->integer(0));
            }
        }
        return keys;
    }

    Database m_db;
    mutable ColumnDecoder m_decoder;
    mutable std::mutex m_mutex;
    mutable std::unique_ptr<Statement> m_select;
    mutable std::string m_query; // bound to a statement while it runs
};

// Reads the events of one range of fids into a table of its own, with its own diagnostics: two
// of these run at once on two threads.
class EventRangeReader : public ColumnDecoder {
public:
    EventRangeReader(std::string path, std::shared_ptr<const EventDetailSource> details, std::int64_t firstFid, std::int64_t lastFid)
        : ColumnDecoder(std::move(path), nullptr), m_details(std::move(details)), m_firstFid(firstFid), m_lastFid(lastFid) {
        m_diagnostics = &m_own;
    }

    // `more(rows)` is told every few thousand rows how many were read since; false stops.
    template <typename More> void read(Database& db, const std::atomic<bool>& stop, More&& more) {
        Statement rows(db,
                       "SELECT fid, geom, id, event_type, date, end_date, date_precision, place_name, admin1, admin2, "
                       "place_precision, perpetrators, targets, killed_qualifier, killed_low, killed_high, wounded_qualifier, "
                       "wounded_low, wounded_high, civilian_targeting FROM events WHERE fid BETWEEN ? AND ? ORDER BY fid");
        rows.bind(1, m_firstFid);
        rows.bind(2, m_lastFid);
        const auto expected = static_cast<std::size_t>(std::clamp<std::int64_t>(m_lastFid - m_firstFid + 1, 0, 50'000'000));
        m_table.reserve(expected);
        m_fids.reserve(expected);
        std::vector<std::string_view> perpetrators, targets;
        std::vector<std::string> ownedPerpetrators, ownedTargets;
        std::int64_t sinceReport = 0;
        while (rows.step()) {
            if (++sinceReport == 8192) {
                if (stop || !more(sinceReport)) return;
                sinceReport = 0;
            }
            const std::int64_t fid = rows.integer(0);
            EventRow event;
            // A point written by us (or GDAL): 8-byte header, no envelope, little-endian WKB point.
            const std::string_view blob = rows.blob(1);
            if (blob.size() == 29 && blob[0] == 'G' && blob[1] == 'P' && blob[3] == 0x01 && blob[8] == 0x01 && blob[9] == 0x01 &&
                blob[10] == 0 && blob[11] == 0 && blob[12] == 0 && std::endian::native == std::endian::little) {
                std::memcpy(&event.point.longitude, blob.data() + 13, 8);
                std::memcpy(&event.point.latitude, blob.data() + 21, 8);
            } else {
                const auto parts = geometry(rows, 1, 1, eventRecord(fid, {}));
                if (!parts) continue;
                event.point = parts->front().front();
            }
            if (!std::isfinite(event.point.latitude) || std::abs(event.point.latitude) > 90 ||
                !std::isfinite(event.point.longitude) || std::abs(event.point.longitude) > 180) {
                add(Severity::Error, codes::kPlaceCoordinateRange, "the point is off the globe; skipped", eventRecord(fid, "geom"));
                continue;
            }
            event.id = rows.text(2);
            if (event.id.empty()) {
                add(Severity::Error, codes::kEventIdDuplicate, "event id must not be empty; skipped", eventRecord(fid, "id"));
                continue;
            }
            event.type = enumeration(rows, 3, "event_type", fid, EventType::Other, eventTypeFromKey);
            const auto start = date(rows, 4, "date", fid);
            if (!start) continue;
            event.date = *start;
            if (!rows.isNull(5)) {
                const auto end = date(rows, 5, "end_date", fid);
                if (!end) continue;
                if (*end < *start) {
                    add(Severity::Error, codes::kEventSpanOrder,
                        "end_date " + end->toString() + " is before date " + start->toString() + "; skipped",
                        eventRecord(fid, "end_date"));
                    continue;
                }
                event.endDate = end;
            }
            event.datePrecision = enumeration(rows, 6, "date_precision", fid, DatePrecision::Day, datePrecisionFromKey);
            event.placeName = rows.text(7);
            event.admin1 = rows.text(8);
            event.admin2 = rows.text(9);
            event.placePrecision = enumeration(rows, 10, "place_precision", fid, PlacePrecision::Exact, placePrecisionFromKey);
            actorList(rows, 11, "perpetrators", fid, perpetrators, ownedPerpetrators);
            actorList(rows, 12, "targets", fid, targets, ownedTargets);
            event.perpetrators = perpetrators;
            event.targets = targets;
            event.killed = casualties(rows, 13, "killed", fid);
            event.wounded = casualties(rows, 16, "wounded", fid);
            event.civilianTargeting = !rows.isNull(19) && rows.integer(19) != 0;
            m_table.pushWithDetailsIn(event, m_details, fid);
            m_fids.push_back(fid);
        }
        more(sinceReport);
    }

    EventTable& table() { return m_table; }
    std::vector<std::int64_t>& fids() { return m_fids; }
    std::vector<Diagnostic>& diagnostics() { return m_own; }

private:
    std::vector<Diagnostic> m_own;
    std::shared_ptr<const EventDetailSource> m_details;
    std::int64_t m_firstFid, m_lastFid;
    EventTable m_table;
    std::vector<std::int64_t> m_fids;
    std::array<std::pair<std::string, int>, 32> m_lastKey{}; // per column: the last key read and its value

    // Events are many: read straight from the columns into the table, without an Event, and
    // with the record's name made only when there is a problem to report.

    template <typename Enum, typename Parse>
    Enum enumeration(const Statement& row, int column, std::string_view name, std::int64_t fid, Enum fallback, Parse parse) {
        if (row.isNull(column)) return fallback;
        const std::string_view key = row.text(column);
        // Rows repeat a few keys: remember the last one of each column.
        auto& [lastKey, lastValue] = m_lastKey[static_cast<std::size_t>(column)];
        if (key == lastKey) return static_cast<Enum>(lastValue);
        if (const auto value = parse(key)) {
            lastKey.assign(key);
            lastValue = static_cast<int>(*value);
            return *value;
        }
        add(Severity::Warning, codes::kGeopackageColumn,
            "unknown " + std::string(name) + " \"" + std::string(key) + "\"; read as " + std::string(toKey(fallback)),
            eventRecord(fid, name));
        return fallback;
    }

    std::optional<int> bound(const Statement& row, int column, const std::string& name, std::int64_t fid) {
        if (row.isNull(column)) return std::nullopt;
        if (row.typeOf(column) != SQLITE_INTEGER || row.integer(column) < 0 || row.integer(column) > 10'000'000) {
            add(Severity::Warning, codes::kCasualtiesBound, "\"" + name + "\" must be a whole number from 0", eventRecord(fid, name));
            return std::nullopt;
        }
        return static_cast<int>(row.integer(column));
    }

    CasualtyCount casualties(const Statement& row, int first, const char* name, std::int64_t fid) {
        CasualtyCount count;
        if (row.isNull(first + 1) && row.isNull(first + 2) && row.text(first) == "unknown") return count; // the common case
        const std::string prefix = name;
        const CountQualifier qualifier =
            enumeration(row, first, prefix + "_qualifier", fid, CountQualifier::Unknown, countQualifierFromKey);
        count.low = bound(row, first + 1, prefix + "_low", fid);
        count.high = bound(row, first + 2, prefix + "_high", fid);
        if (count.low && count.high && *count.high < *count.low) {
            add(Severity::Warning, codes::kCasualtiesOrder, "high is below low; high ignored", eventRecord(fid, prefix + "_high"));
            count.high.reset();
        }
        if (qualifier == CountQualifier::Unknown) return count;
        if (!count.low) {
            add(Severity::Warning, codes::kCasualtiesLow, "a known count needs a low figure; left unknown",
                eventRecord(fid, prefix + "_low"));
            count.high.reset();
            return count;
        }
        count.qualifier = qualifier;
        return count;
    }

    std::optional<Date> date(const Statement& row, int column, const char* name, std::int64_t fid) {
        const std::string_view text = row.text(column);
        if (const auto parsed = Date::parse(text)) return parsed;
        add(Severity::Error, codes::kDateInvalid,
            "\"" + std::string(text) + "\" is not a valid date; expected YYYY-MM-DD (a day that exists); skipped",
            eventRecord(fid, name));
        return std::nullopt;
    }

    // A JSON array of strings as views into `text` when it is the plain form the writer makes
    // (["a","b"], no escapes); anything else goes through the JSON parser into `owned`.
    bool actorList(const Statement& row, int column, const char* name, std::int64_t fid, std::vector<std::string_view>& out,
                   std::vector<std::string>& owned) {
        out.clear();
        if (row.isNull(column)) return true;
        const std::string_view text = row.text(column);
        if (text.size() >= 2 && text.front() == '[' && text.back() == ']' && text.find('\\') == std::string_view::npos) {
            std::size_t at = 1;
            bool plain = true;
            while (at < text.size() - 1) {
                if (text[at] != '"') {
                    plain = false;
                    break;
                }
                const std::size_t close = text.find('"', at + 1);
                if (close == std::string_view::npos || close >= text.size() - 1) {
                    plain = false;
                    break;
                }
                out.push_back(text.substr(at + 1, close - at - 1));
                at = close + 1;
                if (text[at] == ',') ++at;
                else if (at != text.size() - 1) {
                    plain = false;
                    break;
                }
            }
            if (plain) return true;
            out.clear();
        }
        owned = stringList(row, column, name, eventRecord(fid, {}));
        for (const std::string& id : owned) out.push_back(id);
        return true;
    }

};

class Reader : private ColumnDecoder {
public:
    Reader(std::string path, const LoadControl* control, GeoJsonOptions geoJson)
        : ColumnDecoder(std::move(path), nullptr), m_control(control), m_geoJson(std::move(geoJson)) {
        m_diagnostics = &m_result.diagnostics; // a member of this class: set once it exists
    }

    LoadResult read() {
        try {
            auto details = std::make_shared<GeoPackageDetails>(m_path);
            Database& db = details->database();
            if (!tableExists(db, "atlas_metadata") && tableExists(db, "gpkg_contents")) return readForeignLayer(db);
            if (!checkContainer(db)) return fatalResult();
            readNonEvents(db);
            if (m_result.failed()) return fatalResult();
            // Without a cache every row is read (pages copied in through SQLite's small page cache:
            // mapping the file would be a little faster but count the whole file as the
            // program's memory).
            if (!readCachedColumns(db, details) && !readEvents(db, details)) return detail::cancelledLoad(m_path);
            checkEventReferences(db);
            m_result.dataset.events.setRecords(m_eventFid);
            m_result.dataset.events.setOrigin({fileNameOf(m_path), RecordKind::GeoPackageFid});
        } catch (const SqlError& error) {
            const std::string message = error.what();
            add(Severity::Fatal,
                message.find("not a database") != std::string::npos ? codes::kGeopackageNotSqlite : codes::kGeopackageSql,
                message.find("not a database") != std::string::npos
                    ? "not an SQLite database, so not a GeoPackage (" + message + ")"
                    : "the GeoPackage cannot be read: " + message + " (is the file truncated or damaged?)",
                "");
            return fatalResult();
        }
        return std::move(m_result);
    }

    /// Instead of reading a foreign layer, list what could date its points.
    void surveyDatesInto(std::vector<GeoJsonDateProperty>* survey) { m_survey = survey; }

private:
    const LoadControl* m_control;
    GeoJsonOptions m_geoJson;
    std::vector<GeoJsonDateProperty>* m_survey = nullptr;
    LoadResult m_result;
    std::vector<std::int64_t> m_eventFid;
    EventIdSet m_ids;

    LoadResult fatalResult() {
        m_result.dataset = Dataset();
        return std::move(m_result);
    }

    static bool tableExists(Database& db, const char* name) {
        Statement query(db, "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?");
        query.bind(1, std::string_view(name));
        return query.step();
    }

    // A GeoPackage from elsewhere (a QGIS layer of incident points): its first point layer in
    // WGS 84 is read as GeoJSON points are — a date property makes an event, its other
    // columns are kept as properties (GeoJsonOptions name the date columns when they are not
    // the usual ones) — by handing the rows to the GeoJSON reader as a feature collection.
    // Problems are placed by layer and fid. Without such a layer: one fatal diagnostic.
    LoadResult readForeignLayer(Database& db) {
        std::string layers, chosen, others;
        std::int64_t srs = 0;
        {
            Statement query(db, "SELECT c.table_name, upper(g.geometry_type_name), g.srs_id FROM gpkg_contents c "
                                "LEFT JOIN gpkg_geometry_columns g ON g.table_name = c.table_name "
                                "WHERE c.data_type = 'features' ORDER BY c.table_name");
            while (query.step()) {
                const std::string name(query.text(0)), type(query.text(1));
                layers += (layers.empty() ? "" : ", ") + name;
                if (chosen.empty() && (type == "POINT" || type == "MULTIPOINT" || type == "GEOMETRY")) {
                    chosen = name;
                    srs = query.integer(2);
                } else {
                    others += (others.empty() ? "" : ", ") + name;
                }
            }
        }
        if (chosen.empty()) {
            add(Severity::Fatal, codes::kGeopackageNotAtlas,
                "a GeoPackage without the Conflict Atlas tables and without a point layer to read as incidents" +
                    (layers.empty() ? std::string(" (it has no feature layers)") : " (its layers: " + layers + ")"),
                "");
            return fatalResult();
        }
        if (srs != 4326) {
            add(Severity::Fatal, codes::kGeopackageNotAtlas,
                "layer " + chosen + " is in the coordinate system with srs_id " + std::to_string(srs) +
                    "; incidents are read in WGS 84 (EPSG:4326): reproject it first, e.g. ogr2ogr -t_srs EPSG:4326",
                chosen);
            return fatalResult();
        }
        std::string geometryColumn = "geom";
        {
            Statement column(db, "SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?");
            column.bind(1, std::string_view(chosen));
            if (column.step()) geometryColumn = std::string(column.text(0));
        }
        auto quoted = [](const std::string& name) {
            std::string out = "\"";
            for (const char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
            return out + "\"";
        };
        Statement rows(db, "SELECT rowid, * FROM " + quoted(chosen) + " ORDER BY rowid");
        json features = json::array();
        std::vector<std::int64_t> fids;
        while (rows.step()) {
            json properties = json::object();
            json geometry = nullptr;
            const int columns = sqlite3_column_count(rows.handle());
            for (int c = 1; c < columns; ++c) {
                const std::string name = sqlite3_column_name(rows.handle(), c);
                if (name == geometryColumn) {
                    std::string error;
                    if (!rows.isNull(c))
                        if (const auto parts = GeometryReader(rows.blob(c)).read(1, error))
                            geometry = {{"type", "Point"}, {"coordinates", {parts->front().front().longitude, parts->front().front().latitude}}};
                    continue;
                }
                switch (rows.typeOf(c)) {
                case SQLITE_INTEGER: properties[name] = rows.integer(c); break;
                case SQLITE_FLOAT: properties[name] = rows.real(c); break;
                case SQLITE_TEXT: properties[name] = std::string(rows.text(c)); break;
                default: break; // NULL and blobs: no property
                }
            }
            features.push_back({{"type", "Feature"}, {"geometry", std::move(geometry)}, {"properties", std::move(properties)}});
            fids.push_back(rows.integer(0));
        }
        const json collection{{"type", "FeatureCollection"}, {"features", std::move(features)}};
        if (m_survey) {
            *m_survey = geoJsonDateProperties(collection.dump());
            return fatalResult();
        }
        LoadResult read = readGeoJsonText(collection.dump(), m_path, m_geoJson);
        for (Diagnostic& d : read.diagnostics) {
            d.line = d.column = 0;
            // "/features/12/properties" → the layer's row.
            if (d.jsonPointer.rfind("/features/", 0) == 0) {
                const std::string rest = d.jsonPointer.substr(10);
                const std::size_t index = std::strtoul(rest.c_str(), nullptr, 10);
                const std::size_t slash = rest.find('/');
                if (index < fids.size()) {
                    d.record = chosen + " fid " + std::to_string(fids[index]);
                    d.jsonPointer = slash == std::string::npos ? std::string() : rest.substr(slash);
                }
            }
        }
        add(Severity::Warning, codes::kGeopackageForeign,
            "not a Conflict Atlas file: layer " + chosen + " read as incident points (" + std::to_string(read.dataset.events.size()) +
                " of " + std::to_string(fids.size()) + " rows had a date)" +
                (others.empty() ? std::string() : "; other layers left out: " + others),
            chosen);
        for (Diagnostic& d : read.diagnostics) m_result.diagnostics.push_back(std::move(d));
        m_result.dataset = std::move(read.dataset);
        m_result.dataset.events.renumberRecords(fids);
        m_result.dataset.events.setOrigin({fileNameOf(m_path), RecordKind::GeoPackageFid});
        if (m_result.failed()) m_result.dataset = Dataset();
        return std::move(m_result);
    }

    bool checkContainer(Database& db) {
        if (!tableExists(db, "gpkg_contents")) {
            add(Severity::Fatal, codes::kGeopackageNotGeopackage,
                "an SQLite database without gpkg_contents: not a GeoPackage", "");
            return false;
        }
        Statement version(db, "SELECT value FROM atlas_metadata WHERE key = 'schema_version'");
        const std::string text = version.step() ? std::string(version.text(0)) : "";
        char* end = nullptr;
        const long number = std::strtol(text.c_str(), &end, 10);
        if (text.empty() || *end != '\0' || number < 1) {
            add(Severity::Fatal, codes::kGeopackageSchema,
                "atlas_metadata has no schema_version (a whole number); cannot tell how to read the tables",
                "atlas_metadata, key schema_version");
            return false;
        }
        if (number > kGeoPackageSchemaVersion) {
            add(Severity::Fatal, codes::kGeopackageSchema,
                "schema version " + text + " was written by a newer Conflict Atlas; this one reads up to " +
                    std::to_string(kGeoPackageSchemaVersion),
                "atlas_metadata, key schema_version");
            return false;
        }
        for (const char* table : {"actors", "events", "sites", "lines", "areas"})
            if (!tableExists(db, table)) {
                add(Severity::Fatal, codes::kGeopackageSchema, std::string("the table ") + table + " is missing", table);
                return false;
            }
        return true;
    }

    static void mergeExtra(json& object, json extra) {
        if (!extra.is_object()) return;
        for (auto& [key, value] : extra.items()) {
            if (object.contains(key) && object[key].is_object() && value.is_object())
                for (auto& [inner, innerValue] : value.items()) object[key][inner] = innerValue;
            else if (!object.contains(key))
                object[key] = value;
        }
    }


    // Actors, sites, lines, areas and metadata are few: they are turned back into the native
    // document and read by the native reader, which checks them as it checks a .atlas.json.
    void readNonEvents(Database& db) {
        json document{{"format", "conflict-atlas"}, {"version", kNativeFormatVersion}};
        json metadata = json::object();
        json documentExtra;
        {
            Statement rows(db, "SELECT key, value FROM atlas_metadata");
            while (rows.step()) {
                const std::string key = textOf(rows, 0);
                if (key == "title" || key == "description" || key == "licence" || key == "provenance")
                    metadata[key] = rows.isNull(1) ? std::string() : textOf(rows, 1);
                else if (key == "metadata_extra")
                    mergeExtra(metadata, parseColumn(rows, 1, "value", "atlas_metadata, key metadata_extra", json::value_t::object));
                else if (key == "document_extra")
                    documentExtra = parseColumn(rows, 1, "value", "atlas_metadata, key document_extra", json::value_t::object);
            }
        }
        document["metadata"] = std::move(metadata);
        std::vector<std::pair<std::string, std::vector<std::int64_t>>> fids; // per section: fid of item i

        auto section = [&](const char* name, const std::string& sql, auto&& build) {
            json items = json::array();
            std::vector<std::int64_t> sectionFids;
            Statement rows(db, sql);
            while (rows.step()) {
                const std::int64_t fid = rows.integer(0);
                const std::string record = std::string(name) + " fid " + std::to_string(fid);
                json item = json::object();
                if (!build(rows, item, record)) continue;
                items.push_back(std::move(item));
                sectionFids.push_back(fid);
            }
            document[name] = std::move(items);
            fids.emplace_back(name, std::move(sectionFids));
        };
        auto optionalText = [](const Statement& row, int column, json& item, const char* key) {
            if (!row.isNull(column)) item[key] = textOf(row, column);
        };
        auto flag = [](const Statement& row, int column) { return !row.isNull(column) && row.integer(column) != 0; };
        auto placeOf = [&](const Statement& row, int column, GeoPoint point) {
            json place{{"lat", point.latitude}, {"lon", point.longitude}};
            optionalText(row, column, place, "name");
            optionalText(row, column + 1, place, "admin1");
            optionalText(row, column + 2, place, "admin2");
            optionalText(row, column + 3, place, "precision");
            return place;
        };
        auto positions = [](const std::vector<GeoPoint>& points) {
            json list = json::array();
            for (const GeoPoint& p : points) list.push_back(json::array({p.longitude, p.latitude}));
            return list;
        };

        section("actors", "SELECT fid, id, name, side, parent, colour, aliases, extra FROM actors ORDER BY fid",
                [&](const Statement& row, json& item, const std::string& record) {
                    optionalText(row, 1, item, "id");
                    optionalText(row, 2, item, "name");
                    optionalText(row, 3, item, "side");
                    optionalText(row, 4, item, "parent");
                    optionalText(row, 5, item, "colour");
                    if (json aliases = parseColumn(row, 6, "aliases", record, json::value_t::array); !aliases.is_null())
                        item["aliases"] = std::move(aliases);
                    mergeExtra(item, parseColumn(row, 7, "extra", record, json::value_t::object));
                    return true;
                });
        section("sites",
                "SELECT fid, geom, id, name, kind, operator, place_name, admin1, admin2, place_precision, description, history, "
                "extra FROM sites ORDER BY fid",
                [&](const Statement& row, json& item, const std::string& record) {
                    const auto parts = geometry(row, 1, 1, record);
                    if (!parts) return false;
                    optionalText(row, 2, item, "id");
                    optionalText(row, 3, item, "name");
                    optionalText(row, 4, item, "kind");
                    optionalText(row, 5, item, "operator");
                    item["place"] = placeOf(row, 6, parts->front().front());
                    optionalText(row, 10, item, "description");
                    json history = parseColumn(row, 11, "history", record, json::value_t::array);
                    item["history"] = history.is_null() ? json::array() : std::move(history);
                    mergeExtra(item, parseColumn(row, 12, "extra", record, json::value_t::object));
                    return true;
                });
        section("lines",
                "SELECT fid, geom, id, name, kind, valid_from, valid_to, half_width_km, parties, approximate, description, "
                "sources, extra FROM lines ORDER BY fid",
                [&](const Statement& row, json& item, const std::string& record) {
                    const auto parts = geometry(row, 1, 2, record);
                    if (!parts) return false;
                    optionalText(row, 2, item, "id");
                    optionalText(row, 3, item, "name");
                    optionalText(row, 4, item, "kind");
                    optionalText(row, 5, item, "validFrom");
                    optionalText(row, 6, item, "validTo");
                    item["path"] = positions(parts->front());
                    if (!row.isNull(7)) item["halfWidthKm"] = row.real(7);
                    json parties = parseColumn(row, 8, "parties", record, json::value_t::array);
                    item["parties"] = parties.is_null() ? json::array() : std::move(parties);
                    item["approximate"] = flag(row, 9);
                    item["description"] = row.isNull(10) ? std::string() : textOf(row, 10);
                    if (json sources = parseColumn(row, 11, "sources", record, json::value_t::array); !sources.is_null())
                        item["sources"] = std::move(sources);
                    mergeExtra(item, parseColumn(row, 12, "extra", record, json::value_t::object));
                    return true;
                });
        section("areas",
                "SELECT fid, geom, id, name, controller, valid_from, valid_to, approximate, description, sources, extra FROM "
                "areas ORDER BY fid",
                [&](const Statement& row, json& item, const std::string& record) {
                    const auto parts = geometry(row, 1, 3, record);
                    if (!parts) return false;
                    optionalText(row, 2, item, "id");
                    optionalText(row, 3, item, "name");
                    item["controller"] = row.isNull(4) ? std::string() : textOf(row, 4);
                    optionalText(row, 5, item, "validFrom");
                    optionalText(row, 6, item, "validTo");
                    json rings = json::array();
                    for (const auto& ring : *parts) rings.push_back(positions(ring));
                    item["rings"] = std::move(rings);
                    item["approximate"] = flag(row, 7);
                    item["description"] = row.isNull(8) ? std::string() : textOf(row, 8);
                    if (json sources = parseColumn(row, 9, "sources", record, json::value_t::array); !sources.is_null())
                        item["sources"] = std::move(sources);
                    mergeExtra(item, parseColumn(row, 10, "extra", record, json::value_t::object));
                    return true;
                });
        if (documentExtra.is_object())
            for (auto& [key, value] : documentExtra.items())
                if (!document.contains(key)) document[key] = value;

        LoadResult native = readNativeText(document.dump(), m_path);
        // Say where each problem is in this file: "/sites/2/history/0/date" → sites fid N.
        for (Diagnostic& d : native.diagnostics) {
            d.file = m_path;
            d.line = d.column = 0;
            for (const auto& [name, sectionFids] : fids) {
                const std::string prefix = "/" + name + "/";
                if (d.jsonPointer.rfind(prefix, 0) != 0) continue;
                const std::string rest = d.jsonPointer.substr(prefix.size());
                const std::size_t index = std::strtoul(rest.c_str(), nullptr, 10);
                if (index < sectionFids.size()) {
                    const std::size_t slash = rest.find('/');
                    d.record = name + " fid " + std::to_string(sectionFids[index]);
                    d.jsonPointer = slash == std::string::npos ? std::string() : rest.substr(slash);
                }
            }
            if (d.jsonPointer.rfind("/metadata", 0) == 0) d.record = "atlas_metadata";
            m_result.diagnostics.push_back(std::move(d));
        }
        m_result.dataset = std::move(native.dataset);
    }

    // Events are many: read straight from the columns.
    bool cancelled() const { return m_control && m_control->cancel && m_control->cancel->load(); }

    // The column cache written with the file, when it is there and whole and its fids are those
    // of the rows (the triggers empty it on any change to the events). False: read the rows.
    bool readCachedColumns(Database& db, const std::shared_ptr<const EventDetailSource>& details) {
        if (!tableExists(db, "atlas_event_columns")) return false;
        {
            Statement any(db, "SELECT 1 FROM atlas_event_columns LIMIT 1");
            if (!any.step()) return false;
        }
        // One array at a time: each is copied into the table before the next is read, so the
        // open never holds the arrays and the table at once.
        Statement select(db, "SELECT data FROM atlas_event_columns WHERE name = ?");
        std::optional<EventTable> table = EventTable::fromCachedColumns(
            [&](const char* name) -> std::optional<std::string_view> {
                select.reset();
                select.bind(1, std::string_view(name));
                if (!select.step()) return std::nullopt;
                return select.blob(0);
            },
            details);
        select.reset();
        if (!table) return false;
        // The rows' first and last fid must be the cache's (a cheap look at the rowid b-tree).
        Statement range(db, "SELECT coalesce((SELECT min(fid) FROM events), 0), coalesce((SELECT max(fid) FROM events), 0)");
        if (!range.step()) return false;
        const std::int64_t firstFid = table->empty() ? 0 : 1, lastFid = static_cast<std::int64_t>(table->size());
        if (range.integer(0) != firstFid || range.integer(1) != lastFid) return false;
        m_result.dataset.events = std::move(*table);
        m_eventFid.resize(m_result.dataset.events.size());
        for (std::size_t row = 0; row < m_eventFid.size(); ++row) m_eventFid[row] = static_cast<std::int64_t>(row) + 1;
        m_ids.build(m_result.dataset.events, nullptr);
        return true;
    }

    // Reads what the index, the map and the list need; the details stay in the file (`details`).
    // Two threads each read half of the rows through a connection of their own (SQLite steps
    // one row at a time; decoding a row costs more than stepping to it); their tables are then
    // joined in fid order. False when cancelled.
    bool readEvents(Database& db, const std::shared_ptr<const EventDetailSource>& details) {
        std::int64_t firstFid = 0, lastFid = 0;
        {
            Statement range(db, "SELECT coalesce((SELECT min(fid) FROM events), 0), coalesce((SELECT max(fid) FROM events), 0)");
            if (range.step()) {
                firstFid = range.integer(0);
                lastFid = range.integer(1);
            }
        }
        const std::int64_t middle = lastFid - firstFid > 200'000 ? firstFid + (lastFid - firstFid) / 2 : lastFid;
        std::atomic<std::int64_t> rowsRead{0};
        std::atomic<bool> stop{false};
        const auto total = static_cast<std::uint64_t>(std::max<std::int64_t>(1, lastFid - firstFid + 1));
        // Told by each reader how many rows it read since; false tells it to stop.
        auto more = [&](std::int64_t rows) {
            const std::int64_t sum = rowsRead += rows;
            if (m_control && m_control->progress) m_control->progress(static_cast<std::uint64_t>(sum), total);
            return !cancelled();
        };
        EventRangeReader first(m_path, details, firstFid, middle), second(m_path, details, middle + 1, lastFid);
        std::exception_ptr secondFailed;
        std::thread other;
        if (middle < lastFid)
            other = std::thread([&] {
                try {
                    Database own(m_path, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX);
                    second.read(own, stop, more);
                } catch (...) {
                    secondFailed = std::current_exception();
                    stop = true;
                }
            });
        try {
            first.read(db, stop, more);
        } catch (...) {
            stop = true;
            if (other.joinable()) other.join();
            throw;
        }
        if (other.joinable()) other.join();
        if (secondFailed) std::rethrow_exception(secondFailed);
        if (cancelled()) return false;
        m_result.dataset.events = std::move(first.table());
        if (second.table().size() > 0) m_result.dataset.events.append(second.table());
        m_eventFid = std::move(first.fids());
        m_eventFid.insert(m_eventFid.end(), second.fids().begin(), second.fids().end());
        for (auto* part : {&first, &second})
            for (Diagnostic& d : part->diagnostics()) m_result.diagnostics.push_back(std::move(d));
        dropDuplicateIds();
        return true;
    }

    // Ids must be unique: the first of a repeated id is kept, the others reported and dropped.
    // Checked with an open-addressing table of rows (no set of a million strings).
    void dropDuplicateIds() {
        const EventTable& events = m_result.dataset.events;
        std::vector<std::uint32_t> repeated;
        m_ids.build(events, &repeated);
        if (repeated.empty()) return;
        std::vector<std::uint8_t> drop(events.size());
        for (const std::uint32_t row : repeated) {
            drop[row] = 1;
            add(Severity::Error, codes::kEventIdDuplicate, "duplicate event id \"" + std::string(events.id(row)) + "\"; skipped",
                eventRecord(m_eventFid[row], "id"));
        }
        std::vector<std::uint32_t> kept;
        std::vector<std::int64_t> keptFid;
        for (std::uint32_t row = 0; row < events.size(); ++row)
            if (!drop[row]) {
                kept.push_back(row);
                keptFid.push_back(m_eventFid[row]);
            }
        m_result.dataset.events.keepOnly(kept);
        m_eventFid = std::move(keptFid);
        m_ids.build(m_result.dataset.events, nullptr);
    }

    void checkEventReferences(Database& db) {
        const Dataset& dataset = m_result.dataset;
        const EventTable& events = dataset.events;
        // By column: each pooled actor id is looked up once, not once per event.
        std::vector<std::uint8_t> known(events.actorIds().size());
        for (std::uint32_t ref = 0; ref < known.size(); ++ref) known[ref] = dataset.findActor(events.actorIds().at(ref)) ? 1 : 0;
        for (std::size_t i = 0; i < events.size() && m_result.diagnostics.size() < 10'000; ++i) {
            const auto refs = events.actorRefs(i);
            for (std::size_t j = 0; j < refs.size(); ++j)
                if (!known[refs[j]])
                    add(Severity::Warning, codes::kActorUnknown, "\"" + events.actorIds().at(refs[j]) + "\" is not a known actor id",
                        "events fid " + std::to_string(m_eventFid[i]) + ", column " +
                            (j < events.perpetratorCount(i) ? "perpetrators" : "targets"));
        }
        // Links are details, left in the file: only the few rows that have any are read.
        // (events_with_links, a partial index, finds them without reading the table)
        Statement linked(db, "SELECT fid, links FROM events WHERE links IS NOT NULL ORDER BY fid");
        while (linked.step()) {
            const std::string record = "events fid " + std::to_string(linked.integer(0));
            for (const EventLink& link : linkList(linked, 1, record))
                if (!m_ids.contains(m_result.dataset.events, link.eventId))
                    add(Severity::Warning, codes::kLinkUnknown, "links to \"" + link.eventId + "\", not an event here",
                        record + ", column links");
        }
    }
};

// The bounds of any geometry blob this file reads (point, line string, polygon), or nullopt
// for an empty or unreadable one.
std::optional<std::array<double, 4>> boundsOf(std::string_view blob) {
    for (int kind = 1; kind <= 3; ++kind) {
        std::string error;
        const auto parts = GeometryReader(blob).read(kind, error);
        if (!parts) continue;
        std::array<double, 4> box{180, -180, 90, -90}; // minx, maxx, miny, maxy
        for (const auto& part : *parts)
            for (const GeoPoint& p : part) {
                box[0] = std::min(box[0], p.longitude);
                box[1] = std::max(box[1], p.longitude);
                box[2] = std::min(box[2], p.latitude);
                box[3] = std::max(box[3], p.latitude);
            }
        return box;
    }
    return std::nullopt;
}

void geometryFunction(sqlite3_context* context, int, sqlite3_value** arguments) {
    const auto which = static_cast<int>(reinterpret_cast<std::intptr_t>(sqlite3_user_data(context)));
    const auto* bytes = static_cast<const char*>(sqlite3_value_blob(arguments[0]));
    const auto bounds = bytes ? boundsOf(std::string_view(bytes, static_cast<std::size_t>(sqlite3_value_bytes(arguments[0]))))
                              : std::nullopt;
    if (which < 0) sqlite3_result_int(context, bounds ? 0 : 1); // ST_IsEmpty
    else if (bounds) sqlite3_result_double(context, (*bounds)[static_cast<std::size_t>(which)]);
    else sqlite3_result_null(context);
}

} // namespace

void registerGeoPackageFunctions(sqlite3* connection) {
    const std::pair<const char*, int> functions[] = {{"ST_IsEmpty", -1}, {"ST_MinX", 0}, {"ST_MaxX", 1}, {"ST_MinY", 2}, {"ST_MaxY", 3}};
    for (const auto& [name, which] : functions)
        sqlite3_create_function_v2(connection, name, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                   reinterpret_cast<void*>(static_cast<std::intptr_t>(which)), geometryFunction, nullptr, nullptr,
                                   nullptr);
}

bool looksLikeSqlite(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char header[16] = {};
    in.read(header, sizeof header);
    return in.gcount() == 16 && std::memcmp(header, "SQLite format 3", 16) == 0;
}

std::vector<GeoJsonDateProperty> geoPackageDateProperties(const std::string& path) {
    std::vector<GeoJsonDateProperty> survey;
    if (!looksLikeSqlite(path)) return survey;
    Reader reader(path, nullptr, {});
    reader.surveyDatesInto(&survey);
    (void)reader.read(); // its problems are those of reading the file, reported when it is read
    return survey;
}

LoadResult readGeoPackageFile(const std::string& path, const LoadControl* control, const GeoJsonOptions& foreignLayer) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
        LoadResult result;
        result.diagnostics.push_back({Severity::Fatal, codes::kFileOpen, "cannot open the file (no such file)", path, 0, 0, "", {}});
        return result;
    }
    return Reader(path, control, foreignLayer).read();
}

std::vector<Diagnostic> writeGeoPackageFile(const Dataset& dataset, const std::string& path) {
    return writeFileAtomicallyAt(path, [&](const std::string& temporary) -> std::optional<std::string> {
        try {
            Database db(temporary, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
            registerGeoPackageFunctions(db.handle());
            Writer(dataset, db).write();
        } catch (const std::exception& error) { // SqlError among them
            return std::string("writing the GeoPackage failed: ") + error.what();
        }
        return std::nullopt;
    });
}

} // namespace atlas
