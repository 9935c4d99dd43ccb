#pragma once

// Incident points from a CSV that is neither an ACLED nor a UCDP export: a header with
// latitude and longitude columns (latitude/lat/y, longitude/lon/long/lng/x) and a date column
// (date, event_date, start, start_date, time, timestamp — or the one named), dates as people
// write them (io/written_dates: "March 2, 2011", "02.03.2011", ranges …). Known columns fill
// the incident (id, end date, type, description or notes, place or location, killed or
// fatalities or deaths); every other column is kept as an extra field.

#include "atlas/io/geojson.h"
#include "atlas/io/load_result.h"

#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace atlas {

/// Whether a CSV header (its first line) names latitude and longitude columns.
[[nodiscard]] bool looksLikePointCsvHeader(std::string_view firstLine);

/// The columns of a CSV of points that hold dates (read either way round), with how many rows:
/// what the window offers when its dates are elsewhere or ambiguous.
[[nodiscard]] std::vector<GeoJsonDateProperty> pointCsvDateColumns(const std::string& path);

/// Reads the points; `options` name the date columns and the day order as for GeoJSON.
[[nodiscard]] LoadResult readPointCsv(std::istream& in, const std::string& fileLabel, const GeoJsonOptions& options = {});
[[nodiscard]] LoadResult readPointCsvFile(const std::string& path, const GeoJsonOptions& options = {}, const LoadControl* control = nullptr);

} // namespace atlas
