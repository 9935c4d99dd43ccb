#pragma once

#include "atlas/model/event.h"
#include "atlas/model/situation.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace atlas {

/// The one symbology definition shared by the interactive map and exports.
struct Rgb {
    std::uint8_t red = 0, green = 0, blue = 0;
    friend bool operator==(const Rgb&, const Rgb&) = default;
};

/// A colour with opacity (alpha 255 = opaque).
struct Rgba {
    std::uint8_t red = 0, green = 0, blue = 0, alpha = 255;
    friend bool operator==(const Rgba&, const Rgba&) = default;
};
[[nodiscard]] constexpr Rgba withAlpha(Rgb rgb, double alpha) {
    return {rgb.red, rgb.green, rgb.blue, static_cast<std::uint8_t>(alpha * 255.0 + 0.5)};
}
[[nodiscard]] constexpr Rgba opaque(Rgb rgb) { return {rgb.red, rgb.green, rgb.blue, 255}; }

enum class SymbolShape { Circle, Triangle, Square, Diamond };

/// Sizes, widths and opacities of everything the map and snapshots draw, in pixels: one place,
/// read by the scene (atlas/render/scene.h), which both backends only draw.
namespace map_style {
inline constexpr Rgba kSymbolOutline{20, 20, 20, 255};
inline constexpr double kSymbolOutlineWidth = 1.5;
inline constexpr Rgba kSelectionHalo{255, 214, 0, 255};
inline constexpr double kSelectionHaloWidth = 6.0; ///< beyond the symbol's outline
/// An incident dated only to a week or a month has a hollow centre: a disc of this colour,
/// this fraction of its symbol's radius (at least kApproximateDateMinRadius pixels).
inline constexpr Rgba kApproximateDateCentre{255, 255, 255, 255};
inline constexpr double kApproximateDateCentreRatio = 0.45;
inline constexpr double kApproximateDateMinRadius = 2.0;
/// Two pulls compared: a disc behind each changed incident's symbol (added, revised), a ringed
/// dot where a deleted one was; kChangeRingWidth beyond the symbol.
inline constexpr Rgba kChangeAdded{46, 160, 67, 255};
inline constexpr Rgba kChangeRevised{230, 140, 0, 255};
inline constexpr Rgba kChangeDeleted{198, 40, 40, 255};
inline constexpr double kChangeRingWidth = 4.0;
inline constexpr double kDeletedMarkRadius = 6.0;
inline constexpr Rgba kClusterRing{255, 255, 255, 255};
inline constexpr Rgba kClusterLabel{255, 255, 255, 255};
inline constexpr Rgba kClusterLabelOutline{32, 32, 32, 255};
inline constexpr double kClusterCellPixels = 56.0;
inline constexpr int kClusterThreshold = 3000; ///< more events than this in view are clustered
inline constexpr double kAreaFillAlpha = 0.14;
inline constexpr double kAreaEdgeAlpha = 0.7;
inline constexpr double kAreaEdgeWidth = 1.5;
inline constexpr double kCorridorBandAlpha = 0.22;
inline constexpr double kCorridorBandMinWidth = 4.0;
inline constexpr double kCorridorCentreWidth = 1.5;
inline constexpr double kLineWidth = 3.0;
inline constexpr double kSiteSize = 16.0;
inline constexpr double kSiteCornerRadius = 2.0;
inline constexpr Rgba kSiteBorder{255, 255, 255, 255};
inline constexpr double kSiteBorderWidth = 2.0;
inline constexpr double kSiteSelectedBorderWidth = 3.0;
inline constexpr Rgba kLabelInk{32, 32, 32, 255};
inline constexpr Rgba kLabelHalo{255, 255, 255, 220};
inline constexpr double kSiteLabelPixelSize = 11.0;
inline constexpr double kSiteLabelOffsetX = 12.0; ///< from the site's centre to the label's baseline start
inline constexpr double kSiteLabelOffsetY = 4.0;
inline constexpr double kPlacementHaloFillAlpha = 0.05; ///< the area an incident may be anywhere in
inline constexpr double kPlacementHaloEdgeAlpha = 0.55;
inline constexpr double kPlacementHaloEdgeWidth = 1.0;
/// Reference layers (boundaries, roads, camps from the analyst's GIS files): a dark outline, a
/// label per area large enough on screen, points as small rings.
inline constexpr Rgba kReferenceEdge{70, 70, 90, 255};
inline constexpr double kReferenceEdgeWidth = 1.0;
inline constexpr double kReferenceLineWidth = 1.5;
inline constexpr double kReferencePointRadius = 3.5;
inline constexpr double kReferenceLabelPixelSize = 10.0;
inline constexpr double kReferenceLabelMinWidth = 60.0; ///< areas narrower than this on screen go unlabelled
/// Incidents per area: a sequential ramp, light to dark (ColorBrewer's OrRd), a class each, and
/// the fill of an area with none.
inline constexpr Rgb kChoroplethRamp[] = {{254, 232, 200}, {253, 187, 132}, {252, 141, 89}, {227, 74, 51}, {179, 0, 0}};
inline constexpr Rgba kChoroplethNone{255, 255, 255, 0};
inline constexpr double kChoroplethAlpha = 0.72;
/// The hexbin layer's hexagons, about this many pixels across.
inline constexpr double kHexPixels = 28.0;
/// The heat layer's kernel radius, in pixels.
inline constexpr double kHeatRadiusPixels = 14.0;
/// Two periods compared: blue for fewer, grey for stable, red for more (ColorBrewer's RdBu),
/// by atlas::ChangeBand (None, Fewer25, Fewer10, Stable, More10, More25, Surge, New).
inline constexpr Rgb kChangeBandColours[] = {{255, 255, 255}, {33, 102, 172}, {146, 197, 222}, {220, 220, 220},
                                             {244, 165, 130}, {214, 96, 77},  {103, 0, 31},    {178, 24, 43}};
} // namespace map_style

/// How far from its drawn point an incident may be, by how precisely it is placed, in km: the
/// radius of its placement halo (docs/decisions.md). Exact: 0 (no halo). Near a town: 25 (UCDP
/// where_prec 2 is "within 25 km"; ACLED geo_precision 2, "near" a named town, gives no figure
/// and is drawn with the same). District: 30 (the radius of a circle of the mean Syrian
/// district's area, about 2,850 km²). Governorate: 65 (the mean governorate, about 13,200 km²).
[[nodiscard]] double placementRadiusKm(PlacePrecision precision);

/// Colour of a side, chosen to stay distinguishable for common colour-vision deficiencies.
[[nodiscard]] Rgb sideColour(Side side);
/// Colour of an incident type where types are told apart by colour (the histogram split by
/// type): families share a hue — strikes from the air blues, ground fire oranges, attacks on
/// people reds, explosions browns, ground taken or left greens, words greys.
[[nodiscard]] Rgb typeColour(EventType type);
/// "#rrggbb" → colour; nullopt for anything else.
[[nodiscard]] std::optional<Rgb> parseHexColour(std::string_view text);
/// Air and drone strikes are triangles, ground fire circles, clashes squares, the rest diamonds.
[[nodiscard]] SymbolShape symbolShape(EventType type);
/// Symbol radius in pixels: grows with the square root of the lower bound of those killed.
[[nodiscard]] double symbolRadius(const CasualtyCount& killed);
/// The corners of a symbol's outline at radius 1 around (0, 0), y down (a circle has none: it
/// is drawn as a circle of that radius). The triangle points down: a strike from above.
struct UnitCorner {
    double x, y;
};
[[nodiscard]] const std::vector<UnitCorner>& symbolCorners(SymbolShape shape);
/// Radius in pixels of a cluster of `count` events.
[[nodiscard]] double clusterRadius(std::size_t count);

/// Posts: operating blue, encircled orange, leaving amber, gone grey.
[[nodiscard]] Rgb statusColour(SiteStatus status);
/// A post that is gone (evacuated, handed over) is drawn crossed out.
[[nodiscard]] bool statusCrossed(SiteStatus status);
[[nodiscard]] Rgb lineColour(LineKind kind);

} // namespace atlas
