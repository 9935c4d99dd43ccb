#pragma once

// A reference layer: the features of one layer of a GIS file an analyst holds (districts,
// sub-districts, a road network, camps), in WGS84 degrees, with their attribute values — drawn
// under the incidents and used to count them per area. Read by io/gdal_layer.

#include "atlas/geo/geo.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace atlas {

struct ReferenceFeature {
    std::int64_t fid = 0;                        ///< its id in the file
    GeoPolygon area;                             ///< polygon rings (a multipolygon's parts as further rings), even–odd
    /// Where each polygon of a multipolygon starts in area.rings (its outer ring; its holes
    /// follow): the structure written back out, as GeoJSON needs it.
    std::vector<std::uint32_t> polygonStarts;
    std::vector<std::vector<GeoPoint>> paths;    ///< lines
    std::vector<GeoPoint> points;
    std::vector<std::string> values;             ///< one per ReferenceLayer::fields ("" when null)
    GeoBox bounds;
    [[nodiscard]] bool isArea() const { return !area.rings.empty(); }
};

struct ReferenceLayer {
    std::string path;      ///< the file it was read from
    std::string name;      ///< the layer's name in the file
    std::string sourceCrs; ///< the file's coordinate system as GDAL names it (e.g. "WGS 84 / UTM zone 37N")
    bool reprojected = false; ///< coordinates were converted to WGS84
    std::vector<std::string> fields;
    std::vector<ReferenceFeature> features;
    int labelField = -1;   ///< the field naming the features (guessed: an English name, else any name)
    GeoBox bounds;

    [[nodiscard]] int fieldIndex(const std::string& name) const; ///< case-insensitive; -1 when absent
    /// The feature's name by `labelField` (else "feature FID").
    [[nodiscard]] std::string label(std::size_t feature, int field = -2) const;
    [[nodiscard]] std::size_t areaCount() const;
    /// The polygons of the layer (empty for a feature that has none), in feature order: what
    /// PolygonIndex indexes, so a polygon's index is its feature's.
    [[nodiscard]] std::vector<GeoPolygon> polygons() const;
    /// Every area of the layer as one region (areas that do not overlap, as a boundary file's).
    [[nodiscard]] GeoPolygon allAreas() const;
    /// The feature whose label (or whose value of any field) is `wanted`, case-insensitive.
    [[nodiscard]] std::optional<std::size_t> findFeature(const std::string& wanted) const;
};

/// The field that best names features: OCHA's ADMn_EN (the deepest level), geoBoundaries'
/// shapeName, then NAME_EN, NAME, any field whose name holds "name", else the first; -1 when none.
[[nodiscard]] int guessLabelField(const std::vector<std::string>& fields);

} // namespace atlas
