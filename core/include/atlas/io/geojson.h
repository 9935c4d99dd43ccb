#pragma once

#include "atlas/io/load_result.h"
#include "atlas/io/written_dates.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace atlas {

/// How to read someone else's GeoJSON: which property holds the date when it is none of the
/// usual names.
struct GeoJsonOptions {
    std::string dateProperty;    ///< empty: the first of date, event_date, start, start_date, time, timestamp
    std::string endDateProperty; ///< empty: end, end_date
    /// How to read numeric dates that could be day- or month-first (03/04/2011): unknown
    /// leaves such points undated, with a warning that says so (--date-format dmy|mdy).
    DayOrder dayOrder = DayOrder::Unknown;
    friend bool operator==(const GeoJsonOptions&, const GeoJsonOptions&) = default;
};

/// Reads a GeoJSON (RFC 7946) FeatureCollection or Feature:
///  - Point features with a date become events; without one they are skipped with a warning
///    naming the properties looked for;
///  - LineString / MultiLineString features become lines, Polygon / MultiPolygon areas
///    (valid from their start or date property, open-ended without one);
///  - properties Conflict Atlas writes itself (type, perpetrators, targets, killed, wounded,
///    place, sources, tags, …) map back onto the model, so GeoJSON written by writeGeoJson
///    reads back to the same events; every other property is kept as an extra field.
/// Syntax errors carry line and column; problems in features carry a JSON pointer.
[[nodiscard]] LoadResult readGeoJsonText(std::string_view text, const std::string& fileLabel, const GeoJsonOptions& options = {});
[[nodiscard]] LoadResult readGeoJsonFile(const std::string& path, const GeoJsonOptions& options = {},
                                         const LoadControl* control = nullptr);

/// The selected events (positions in dataset.events) as a GeoJSON FeatureCollection
/// (RFC 7946): one Point feature each, with id, date, type, actor names, casualties, place,
/// description and sources as flat properties, for other tools (query --format geojson).
/// `selection` (selectionNote: the datasets and filter that chose the events), when given, is
/// the collection's "atlas_selection" member; each feature's "origin" property names the file
/// and record it was read from.
void writeGeoJson(const Dataset& dataset, std::span<const std::uint32_t> events, std::ostream& out,
                  const std::string& selection = {});

/// The whole dataset as GeoJSON: sites, lines, areas and events as features (their properties
/// are the native format's fields, `feature_kind` says which; an event also gets its derived
/// `side`), and the metadata and actors in a `conflict_atlas` member of the collection.
/// readGeoJson* reads it back to the same dataset (docs/format.md).
void writeGeoJsonDataset(const Dataset& dataset, std::ostream& out);

/// A property of Point features whose values read as dates (ISO dates, or epoch seconds or
/// milliseconds from 1973 on; smaller numbers are counts, not times), and on how many points.
struct GeoJsonDateProperty {
    std::string name;
    std::size_t points = 0;
    friend bool operator==(const GeoJsonDateProperty&, const GeoJsonDateProperty&) = default;
};
/// The properties that could give a file's points their dates, most points first: what to
/// offer when points were skipped for want of a date. A file that cannot be read gives none.
[[nodiscard]] std::vector<GeoJsonDateProperty> geoJsonDateProperties(std::string_view text);
[[nodiscard]] std::vector<GeoJsonDateProperty> geoJsonDatePropertiesOfFile(const std::string& path);

} // namespace atlas
