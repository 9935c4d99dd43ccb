#pragma once

#include "atlas/event.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace atlas {

/// The one symbology definition shared by the interactive map and exports.
struct Rgb {
    std::uint8_t red = 0, green = 0, blue = 0;
    friend bool operator==(const Rgb&, const Rgb&) = default;
};

enum class SymbolShape { Circle, Triangle, Square, Diamond };

/// Colour of a side, chosen to stay distinguishable for common colour-vision deficiencies.
[[nodiscard]] Rgb sideColour(Side side);
/// "#rrggbb" → colour; nullopt for anything else.
[[nodiscard]] std::optional<Rgb> parseHexColour(std::string_view text);
/// Air and drone strikes are triangles, ground fire circles, clashes squares, the rest diamonds.
[[nodiscard]] SymbolShape symbolShape(EventType type);
/// Symbol radius in pixels: grows with the square root of the lower bound of those killed.
[[nodiscard]] double symbolRadius(const CasualtyCount& killed);

} // namespace atlas
