#pragma once

// Every diagnostic code Conflict Atlas reports, in one place (as S2Error keeps its codes):
// a code is stable — scripts and the window match codes, never message text — and its
// meaning is written once, here (docs/import-export.md points users to this list).

namespace atlas::codes {

// --- Files and JSON
/// the file cannot be opened for reading
inline constexpr const char* kFileOpen = "file.open";
/// the file cannot be written (nothing replaced)
inline constexpr const char* kFileWrite = "file.write";
/// not valid JSON (line and column of the error)
inline constexpr const char* kJsonSyntax = "json.syntax";
/// the user cancelled the load
inline constexpr const char* kLoadCancelled = "load.cancelled";
/// a quoted CSV field is not closed where it should be
inline constexpr const char* kCsvQuote = "csv.quote";

// --- The native format
/// an actor's umbrella is not a known actor
inline constexpr const char* kActorParentUnknown = "actor.parent.unknown";
/// an event names an actor id that is not defined
inline constexpr const char* kActorUnknown = "actor.unknown";
/// an area ring is not closed (it was closed)
inline constexpr const char* kAreaRingOpen = "area.ring.open";
/// an area has no rings
inline constexpr const char* kAreaRings = "area.rings";
/// a casualty bound is not a whole number from 0
inline constexpr const char* kCasualtiesBound = "casualties.bound";
/// a known count has no low figure
inline constexpr const char* kCasualtiesLow = "casualties.low";
/// a range's high is below its low
inline constexpr const char* kCasualtiesOrder = "casualties.order";
/// a casualty figure is not an object
inline constexpr const char* kCasualtiesType = "casualties.type";
/// not a calendar date YYYY-MM-DD
inline constexpr const char* kDateInvalid = "date.invalid";
/// two events share an id
inline constexpr const char* kEventIdDuplicate = "event.id.duplicate";
/// an event ends before it starts
inline constexpr const char* kEventSpanOrder = "event.span.order";
/// an events entry is not an object
inline constexpr const char* kEventType = "event.type";
/// a required field is missing
inline constexpr const char* kFieldMissing = "field.missing";
/// a field has the wrong JSON type
inline constexpr const char* kFieldType = "field.type";
/// a position is not [longitude, latitude]
inline constexpr const char* kGeometryPosition = "geometry.position";
/// a position is off the globe
inline constexpr const char* kGeometryPositionRange = "geometry.position.range";
/// a line or ring has too few positions
inline constexpr const char* kGeometryTooShort = "geometry.too_short";
/// a geometry is not an array of positions
inline constexpr const char* kGeometryType = "geometry.type";
/// a line has no path
inline constexpr const char* kLinePath = "line.path";
/// a link entry is not an object
inline constexpr const char* kLinkType = "link.type";
/// a link names an event that is not in the file
inline constexpr const char* kLinkUnknown = "link.unknown";
/// "format" is not "conflict-atlas"
inline constexpr const char* kNativeFormat = "native.format";
/// the native file is not a JSON object
inline constexpr const char* kNativeRoot = "native.root";
/// "version" is missing or not an integer
inline constexpr const char* kNativeVersion = "native.version";
/// a latitude or longitude is not a number
inline constexpr const char* kPlaceCoordinate = "place.coordinate";
/// a latitude or longitude is off the globe
inline constexpr const char* kPlaceCoordinateRange = "place.coordinate.range";
/// an event or site has no place
inline constexpr const char* kPlaceMissing = "place.missing";
/// a site's status changes are not in date order
inline constexpr const char* kSiteHistoryOrder = "site.history.order";
/// a site status change is not an object
inline constexpr const char* kSiteHistoryType = "site.history.type";
/// a source entry is not an object
inline constexpr const char* kSourceType = "source.type";
/// no sources cited
inline constexpr const char* kSourcesMissing = "sources.missing";
/// a validity ends before it starts
inline constexpr const char* kValidityOrder = "validity.order";

// --- GeoJSON
/// a point's coordinates are missing or off the globe
inline constexpr const char* kGeojsonCoordinates = "geojson.coordinates";
/// a casualty property cannot be read
inline constexpr const char* kGeojsonCount = "geojson.count";
/// a point has no date under the usual names (the window offers to choose the property)
inline constexpr const char* kGeojsonDate = "geojson.date";
/// a feature has no geometry
inline constexpr const char* kGeojsonFeature = "geojson.feature";
/// an unknown feature_kind in a full-model GeoJSON file
inline constexpr const char* kGeojsonFeatureKind = "geojson.feature_kind";
/// a geometry type that is not read
inline constexpr const char* kGeojsonGeometry = "geojson.geometry";
/// not a GeoJSON FeatureCollection or Feature
inline constexpr const char* kGeojsonType = "geojson.type";

// --- ACLED CSV
/// the ACLED file is empty
inline constexpr const char* kAcledEmpty = "acled.empty";
/// fatalities is not a whole number
inline constexpr const char* kAcledFatalities = "acled.fatalities";
/// a field of a record cannot be read (record skipped)
inline constexpr const char* kAcledField = "acled.field";
/// a record has the wrong number of fields
inline constexpr const char* kAcledFields = "acled.fields";
/// not an ACLED export (missing columns)
inline constexpr const char* kAcledHeader = "acled.header";

// --- UCDP GED CSV
/// best is not a number
inline constexpr const char* kUcdpDeaths = "ucdp.deaths";
/// the UCDP file is empty
inline constexpr const char* kUcdpEmpty = "ucdp.empty";
/// a field of a record cannot be read (record skipped)
inline constexpr const char* kUcdpField = "ucdp.field";
/// a record has the wrong number of fields
inline constexpr const char* kUcdpFields = "ucdp.fields";
/// not a UCDP GED export (missing columns)
inline constexpr const char* kUcdpHeader = "ucdp.header";

// --- The GeoPackage container
/// a row's column holds something that cannot be read (the value is left out)
inline constexpr const char* kGeopackageColumn = "geopackage.column";
/// a GeoPackage from elsewhere: its point layer read as incidents
inline constexpr const char* kGeopackageForeign = "geopackage.foreign";
/// a row's geometry cannot be read (the row is skipped)
inline constexpr const char* kGeopackageGeometry = "geopackage.geometry";
/// a GeoPackage without the Conflict Atlas tables and no point layer in WGS 84 to read
inline constexpr const char* kGeopackageNotAtlas = "geopackage.not_atlas";
/// an SQLite database that is not a GeoPackage
inline constexpr const char* kGeopackageNotGeopackage = "geopackage.not_geopackage";
/// the file is not an SQLite database
inline constexpr const char* kGeopackageNotSqlite = "geopackage.not_sqlite";
/// the Conflict Atlas tables are missing one or come from a newer program
inline constexpr const char* kGeopackageSchema = "geopackage.schema";
/// SQLite could not read the file (damaged or truncated)
inline constexpr const char* kGeopackageSql = "geopackage.sql";

// --- Actor mappings
/// a mapping entry has no name
inline constexpr const char* kMappingEntry = "mapping.entry";
/// a mapping gives an id another actor has
inline constexpr const char* kMappingId = "mapping.id";
/// a mapping would make an actor its own umbrella
inline constexpr const char* kMappingParent = "mapping.parent";
/// a mapping file is not {"actors": [...]}
inline constexpr const char* kMappingRoot = "mapping.root";
/// a mapping entry names no known side
inline constexpr const char* kMappingSide = "mapping.side";
/// no actor has a mapping entry's name
inline constexpr const char* kMappingUnmatched = "mapping.unmatched";

// --- Project files
/// a project file is not a Conflict Atlas project (or comes from a newer program)
inline constexpr const char* kProjectRoot = "project.root";
/// a project setting has the wrong type or an unknown value (left as it was)
inline constexpr const char* kProjectField = "project.field";
/// a file of the project is not where the project says
inline constexpr const char* kProjectFileMissing = "project.file.missing";
/// a file of the project has changed since the project was saved (other content)
inline constexpr const char* kProjectFileChanged = "project.file.changed";

// --- Duplicate decisions
/// a saved decision on a pair names an event that is not open (the decision is skipped)
inline constexpr const char* kDuplicateUnknown = "duplicate.unknown";

// --- Reference layers (GDAL)
/// GDAL cannot open the file as a vector dataset (what GDAL says, and what is missing)
inline constexpr const char* kLayerOpen = "layer.open";
/// a shapefile lacks a part it needs (.shx, .dbf) or has no .prj
inline constexpr const char* kLayerShapefilePart = "layer.shapefile.part";
/// the layer's coordinate system is unknown or cannot be converted to WGS 84
inline constexpr const char* kLayerCrs = "layer.crs";
/// a layer has no features, or none with a geometry
inline constexpr const char* kLayerEmpty = "layer.empty";
/// a feature's geometry is missing, empty or of a kind not drawn (the feature is kept without it)
inline constexpr const char* kLayerGeometry = "layer.geometry";
/// a polygon is not valid (self-intersecting, …): counted by the even–odd rule
inline constexpr const char* kLayerInvalid = "layer.invalid";
/// a warning or error GDAL reported while reading
inline constexpr const char* kLayerGdal = "layer.gdal";

// --- Snapshots
/// a snapshot cannot be written
inline constexpr const char* kSnapshotWrite = "snapshot.write";
/// a video or GIF cannot be encoded or written (the FFmpeg library's reason)
inline constexpr const char* kVideoWrite = "video.write";
/// a recipe cannot be read, or its data is missing or changed since
inline constexpr const char* kRecipeRead = "recipe.read";
inline constexpr const char* kRecipeDataMissing = "recipe.data.missing";
inline constexpr const char* kRecipeDataChanged = "recipe.data.changed";

// --- The shared store (PostgreSQL)
inline constexpr const char* kStoreConnect = "store.connect";
inline constexpr const char* kStoreSchema = "store.schema";
inline constexpr const char* kStoreWrite = "store.write";
inline constexpr const char* kStoreQuery = "store.query";
/// an edit was refused because someone changed or deleted the incident first (both versions kept)
inline constexpr const char* kStoreConflict = "store.conflict";

// --- Edit journals (io/edit_journal)
/// a line of an edit journal cannot be read (the edits before it are kept)
inline constexpr const char* kJournalLine = "journal.line";
/// the journal's last line was cut short (the program stopped while writing it)
inline constexpr const char* kJournalCut = "journal.cut";

/// Every code with its meaning, for the documentation and its test.
struct CodeMeaning {
    const char* code;
    const char* meaning;
};
inline constexpr CodeMeaning kAll[] = {
    {kFileOpen, "the file cannot be opened for reading"},
    {kDuplicateUnknown, "a saved decision on a pair of duplicates names an event that is not open (skipped)"},
    {kGeopackageColumn, "a row's column holds something that cannot be read (the value is left out)"},
    {kGeopackageForeign, "a GeoPackage from elsewhere: its point layer read as incidents"},
    {kGeopackageGeometry, "a row's geometry cannot be read (the row is skipped)"},
    {kGeopackageNotAtlas, "a GeoPackage without the Conflict Atlas tables and no point layer in WGS 84 to read"},
    {kGeopackageNotGeopackage, "an SQLite database that is not a GeoPackage"},
    {kGeopackageNotSqlite, "the file is not an SQLite database"},
    {kGeopackageSchema, "the Conflict Atlas tables are missing one or come from a newer program"},
    {kGeopackageSql, "SQLite could not read the file (damaged or truncated)"},
    {kFileWrite, "the file cannot be written (nothing replaced)"},
    {kJsonSyntax, "not valid JSON (line and column of the error)"},
    {kLoadCancelled, "the user cancelled the load"},
    {kCsvQuote, "a quoted CSV field is not closed where it should be"},
    {kActorParentUnknown, "an actor's umbrella is not a known actor"},
    {kActorUnknown, "an event names an actor id that is not defined"},
    {kAreaRingOpen, "an area ring is not closed (it was closed)"},
    {kAreaRings, "an area has no rings"},
    {kCasualtiesBound, "a casualty bound is not a whole number from 0"},
    {kCasualtiesLow, "a known count has no low figure"},
    {kCasualtiesOrder, "a range's high is below its low"},
    {kCasualtiesType, "a casualty figure is not an object"},
    {kDateInvalid, "not a calendar date YYYY-MM-DD"},
    {kEventIdDuplicate, "two events share an id"},
    {kEventSpanOrder, "an event ends before it starts"},
    {kEventType, "an events entry is not an object"},
    {kFieldMissing, "a required field is missing"},
    {kFieldType, "a field has the wrong JSON type"},
    {kGeometryPosition, "a position is not [longitude, latitude]"},
    {kGeometryPositionRange, "a position is off the globe"},
    {kGeometryTooShort, "a line or ring has too few positions"},
    {kGeometryType, "a geometry is not an array of positions"},
    {kLinePath, "a line has no path"},
    {kLinkType, "a link entry is not an object"},
    {kLinkUnknown, "a link names an event that is not in the file"},
    {kNativeFormat, "\"format\" is not \"conflict-atlas\""},
    {kNativeRoot, "the native file is not a JSON object"},
    {kNativeVersion, "\"version\" is missing or not an integer"},
    {kPlaceCoordinate, "a latitude or longitude is not a number"},
    {kPlaceCoordinateRange, "a latitude or longitude is off the globe"},
    {kPlaceMissing, "an event or site has no place"},
    {kSiteHistoryOrder, "a site's status changes are not in date order"},
    {kSiteHistoryType, "a site status change is not an object"},
    {kSourceType, "a source entry is not an object"},
    {kSourcesMissing, "no sources cited"},
    {kValidityOrder, "a validity ends before it starts"},
    {kGeojsonCoordinates, "a point's coordinates are missing or off the globe"},
    {kGeojsonCount, "a casualty property cannot be read"},
    {kGeojsonDate, "a point has no date under the usual names (the window offers to choose the property)"},
    {kGeojsonFeature, "a feature has no geometry"},
    {kGeojsonFeatureKind, "an unknown feature_kind in a full-model GeoJSON file"},
    {kGeojsonGeometry, "a geometry type that is not read"},
    {kGeojsonType, "not a GeoJSON FeatureCollection or Feature"},
    {kAcledEmpty, "the ACLED file is empty"},
    {kAcledFatalities, "fatalities is not a whole number"},
    {kAcledField, "a field of a record cannot be read (record skipped)"},
    {kAcledFields, "a record has the wrong number of fields"},
    {kAcledHeader, "not an ACLED export (missing columns)"},
    {kUcdpDeaths, "best is not a number"},
    {kUcdpEmpty, "the UCDP file is empty"},
    {kUcdpField, "a field of a record cannot be read (record skipped)"},
    {kUcdpFields, "a record has the wrong number of fields"},
    {kUcdpHeader, "not a UCDP GED export (missing columns)"},
    {kMappingEntry, "a mapping entry has no name"},
    {kMappingId, "a mapping gives an id another actor has"},
    {kMappingParent, "a mapping would make an actor its own umbrella"},
    {kMappingRoot, "a mapping file is not {\"actors\": [...]}"},
    {kMappingSide, "a mapping entry names no known side"},
    {kMappingUnmatched, "no actor has a mapping entry's name"},
    {kProjectRoot, "a project file is not a Conflict Atlas project (or comes from a newer program)"},
    {kProjectField, "a project setting has the wrong type or an unknown value (left as it was)"},
    {kProjectFileMissing, "a file of the project is not where the project says"},
    {kProjectFileChanged, "a file of the project has changed since the project was saved (other content)"},
    {kSnapshotWrite, "a snapshot cannot be written"},
    {kVideoWrite, "a video or GIF cannot be encoded or written (the FFmpeg library's reason)"},
    {kRecipeRead, "a recipe file cannot be read (not JSON, not a recipe, a setting of the wrong type)"},
    {kRecipeDataMissing, "a dataset a recipe names is not where the recipe says"},
    {kRecipeDataChanged, "a dataset a recipe names has other bytes than when the image was made"},
    {kStoreConnect, "the database cannot be reached or refuses the connection (libpq's reason, without the password)"},
    {kStoreSchema, "the database's schema cannot be created, or is a newer one than this program knows"},
    {kStoreWrite, "a change to the store was refused (the server's reason); nothing of it was kept"},
    {kStoreQuery, "the store cannot be read (no schema yet, or the server's reason)"},
    {kStoreConflict, "an edit was refused because someone changed or deleted the incident first (both versions kept)"},
    {kJournalLine, "a line of an edit journal cannot be read (the edits before it are kept)"},
    {kJournalCut, "the journal's last line was cut short (the program stopped while writing it)"},
    {kLayerOpen, "GDAL cannot open the file as a vector dataset (what GDAL says, and what is missing)"},
    {kLayerShapefilePart, "a shapefile lacks a part it needs (.shx, .dbf) or has no .prj"},
    {kLayerCrs, "the layer's coordinate system is unknown or cannot be converted to WGS 84"},
    {kLayerEmpty, "a layer has no features, or none with a geometry"},
    {kLayerGeometry, "a feature's geometry is missing, empty or of a kind not drawn (the feature is kept without it)"},
    {kLayerInvalid, "a polygon is not valid (self-intersecting, …): counted by the even–odd rule"},
    {kLayerGdal, "a warning or error GDAL reported while reading"},
};

} // namespace atlas::codes
