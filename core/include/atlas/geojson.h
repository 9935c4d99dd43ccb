#pragma once

#include "atlas/native_format.h"

#include <string>
#include <string_view>

namespace atlas {

/// How to read someone else's GeoJSON: which property holds the date when it is none of the
/// usual names.
struct GeoJsonOptions {
    std::string dateProperty;    ///< empty: the first of date, event_date, start, start_date, time, timestamp
    std::string endDateProperty; ///< empty: end, end_date
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
[[nodiscard]] LoadResult readGeoJsonFile(const std::string& path, const GeoJsonOptions& options = {});

} // namespace atlas
