#pragma once

// The legend of what a scene actually draws: the sides and types of the incidents shown, the
// site statuses, line kinds and control areas in view, each once, in a fixed order. A print
// layout lists only these (a legend entry for nothing on the map misleads a reader).

#include "atlas/model/dataset.h"
#include "atlas/render/scene.h"
#include "atlas/style/style.h"

#include <cstdint>
#include <string>
#include <vector>

namespace atlas::render {

struct LegendEntry {
    std::string label;
    Rgba colour;
    std::uint32_t count = 0;     ///< marks of it drawn
    SymbolShape shape = SymbolShape::Circle; ///< incident types: their symbol
    bool crossed = false;        ///< site statuses: drawn crossed out (gone)
    double bandWidth = 0;        ///< line kinds: a corridor's band (0: a plain line)
};

struct SceneLegend {
    std::vector<LegendEntry> sides;        ///< perpetrators' sides of the symbols drawn
    std::vector<LegendEntry> types;        ///< incident types drawn, with their shapes
    std::vector<LegendEntry> siteStatuses; ///< statuses of the sites drawn
    std::vector<LegendEntry> lineKinds;    ///< kinds of the lines drawn
    std::vector<LegendEntry> areaHolders;  ///< who holds the control areas drawn (their colour)
    bool approximateDates = false;         ///< some symbols are hollow (dated to a week or month)
    bool clusters = false;                 ///< incidents drawn as numbered clusters
    bool halos = false;                    ///< placement halos drawn
    [[nodiscard]] bool empty() const {
        return sides.empty() && types.empty() && siteStatuses.empty() && lineKinds.empty() && areaHolders.empty() && !clusters;
    }
};

/// What `scene` (built for `situationDate`, `width` × `height` pixels) draws of `dataset` inside
/// the view, for its legend: sites, lines and areas off the view are left out.
[[nodiscard]] SceneLegend sceneLegend(const Dataset& dataset, const Scene& scene, Date situationDate, double width, double height);

} // namespace atlas::render
