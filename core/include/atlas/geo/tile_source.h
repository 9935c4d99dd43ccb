#pragma once

// A basemap from elsewhere: an XYZ tile server's URL template, or a folder of z/x/y tiles on
// disk for networks without the internet. Turned into the template Qt Location's osm plugin
// takes ("…/%z/%x/%y.png").

#include <string>
#include <string_view>

namespace atlas {

struct TileSourceParse {
    std::string urlTemplate; ///< with %z, %x and %y; empty when the text could not be used
    bool local = false;      ///< a folder on this machine (file: URL)
    std::string error;       ///< why not, in a sentence, when urlTemplate is empty
};

/// Reads what a user gives as a tile source:
///  - an http(s) URL with {z}, {x} and {y} (or %z, %x, %y): "https://tile.example.org/{z}/{x}/{y}.png";
///    a {s} subdomain becomes "a"; {-y} (TMS rows) and {q} (quadkeys) are refused;
///  - a folder (a path, or a file: URL) holding z/x/y.png tiles (.jpg, .jpeg and .webp too: the
///    first tile found tells which).
[[nodiscard]] TileSourceParse parseTileSource(std::string_view text);

} // namespace atlas
