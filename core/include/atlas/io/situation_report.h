#pragma once

// What the situation was on a day — each site's status (and since when, on whose report), and
// the lines and areas in force — as JSON or GeoJSON: `conflict-atlas situation`.

#include "atlas/model/dataset.h"

#include <ostream>

namespace atlas {

/// {"date", "sites": [{id, name, kind, operator, status, since, latitude, longitude, sources}],
///  "lines": [{id, name, kind, validFrom, validTo, halfWidthKm, approximate, path}],
///  "areas": [{id, name, controller, validFrom, validTo, approximate, rings}]}; coordinates as
/// [longitude, latitude] pairs, sites ordered as the dataset has them.
void writeSituationJson(const Dataset& dataset, Date day, std::ostream& out);
/// The same as a GeoJSON FeatureCollection: sites as Points, lines as LineStrings, areas as
/// Polygons, each with "layer" ("site", "line", "area") and the fields above as properties.
void writeSituationGeoJson(const Dataset& dataset, Date day, std::ostream& out);

} // namespace atlas
