#pragma once

#include "atlas/model/event.h"
#include "atlas/model/vocabulary.h"

#include <string>
#include <vector>

namespace atlas {

/// A party to the conflict. Umbrella groups are modelled by parent: Faylaq al-Sham's parent is
/// the National Liberation Front.
struct Actor {
    std::string id;
    std::string name;
    std::vector<std::string> aliases;
    std::string parent; ///< actor id, empty for top-level actors
    Side side = Side::Unknown;
    std::string colour; ///< optional "#rrggbb" overriding the side colour
    ExtraFields extra;
    friend bool operator==(const Actor&, const Actor&) = default;
};

} // namespace atlas
