#pragma once

// Incidents per area as a table (CSV) or as the layer's polygons with their counts (GeoJSON):
// what `conflict-atlas aggregate` prints and the window's Areas table exports — one writer, so
// both give the same numbers in the same columns.

#include "atlas/geo/reference_layer.h"
#include "atlas/query/query.h"

#include <optional>
#include <ostream>
#include <string>

namespace atlas {

enum class AreaSplit { None, Side, Type };

struct AreaTable {
    const ReferenceLayer* layer = nullptr;
    int nameField = -1;            ///< the field naming areas (-1: the layer's label field)
    AreaCounts counts;             ///< the period asked for (B when comparing)
    std::optional<AreaCounts> before; ///< the period compared against (A)
    AreaSplit split = AreaSplit::None;
    /// Counted per period (aggregate --per month): the period's first day, written in a first
    /// column "period"; the header only with the first period's table.
    std::string period;
    bool header = true;
};

/// One row per area in layer order, then "(outside every area)": [period,] area, fid, events,
/// killed_at_least[, events_before, killed_before, change_percent, change][, one column per
/// side or type].
void writeAreaTableCsv(const AreaTable& table, std::ostream& out);
/// The layer's areas as a GeoJSON FeatureCollection with the same values as properties (the
/// area outside every polygon is left out: it has no shape; its counts go in the collection's
/// "outside" member).
void writeAreaTableGeoJson(const AreaTable& table, std::ostream& out);

} // namespace atlas
