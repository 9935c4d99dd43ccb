#pragma once

// The sides imported actors get by default: resources/mappings/default-sides.json (built into
// the program), the common ACLED and UCDP GED names of north-west Syria's war.

#include "atlas/model/vocabulary.h"

#include <optional>
#include <string>
#include <string_view>

namespace atlas {

/// The side the default table gives an actor of this name (an exact name, or a name that
/// starts with one of its prefixes), or nullopt when the table does not know it.
[[nodiscard]] std::optional<Side> defaultSideOfActor(std::string_view name);

/// The umbrella group the default table puts an actor of this name under ("Syrian National
/// Army" for the Sultan Murad Division), by name; empty when it gives none.
[[nodiscard]] std::string defaultUmbrellaOfActor(std::string_view name);

} // namespace atlas
