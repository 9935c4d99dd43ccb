#pragma once

// Places found by name: the search box of the map, over the basemap's towns and GeoNames'
// populated places (resources/basemap/towns.geojson, places.geojson).

#include "atlas/model/diagnostic.h"
#include "atlas/model/event.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace atlas {

struct GazetteerPlace {
    std::string name;       ///< as the source spells it ("Sarāqib", "Ma'arrat an Nu'man")
    std::string ascii;      ///< the same without diacritics ("Saraqib"), for searching
    GeoPoint point;
    std::int64_t population = 0;
    int rank = 4;           ///< 1 city … 4 village (the basemap's label ranks)
    std::string source;     ///< "towns" or "GeoNames"
};

class Gazetteer {
public:
    /// Adds the Point features of a GeoJSON FeatureCollection: properties "name", and when
    /// present "ascii", "population", "rank". Returns the problems (a feature without a name or
    /// a point is skipped); bad JSON is one fatal diagnostic.
    std::vector<Diagnostic> addGeoJson(std::string_view text, const std::string& label, const std::string& source);

    /// Places whose name matches `query`, best first: ignoring case, diacritics, apostrophes,
    /// hyphens and spaces ("maarrat" finds "Ma'arrat an Nu'man", "kafr takh" finds "Kafr
    /// Takharim"); names that start with it before names that contain it, then larger places;
    /// one place listed once when two sources name it within 2 km. At most `limit`. With
    /// `near` (the map's centre), places within 150 km of it come before those further away:
    /// "kafr" over Idlib finds Kafr Takharim before Kafr ad Dawwar in Egypt.
    [[nodiscard]] std::vector<GazetteerPlace> search(std::string_view query, std::size_t limit = 12,
                                                     std::optional<GeoPoint> near = std::nullopt) const;

    [[nodiscard]] std::size_t size() const { return m_places.size(); }

private:
    std::vector<GazetteerPlace> m_places;
    std::vector<std::string> m_keys; ///< per place: its ascii name, lower-case letters and digits only
};

/// Lower-case ASCII letters and digits of `text`, with the Latin diacritics GeoNames uses
/// (ā, ḩ, ţ, ‘, ’, …) folded to their base letter or dropped: what search compares.
[[nodiscard]] std::string searchKey(std::string_view text);

} // namespace atlas
