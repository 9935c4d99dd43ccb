#pragma once

// Small lookups the core tests share: an event by id, an extra field by name.

#include "atlas/model/dataset.h"

#include <algorithm>
#include <string>

namespace atlas::test {

/// The event with this id, or null.
inline const Event* byId(const Dataset& d, const std::string& id) {
    const auto it = std::find_if(d.events.begin(), d.events.end(), [&](const Event& e) { return e.id == id; });
    return it == d.events.end() ? nullptr : &*it;
}

/// The raw JSON of an event's extra field, or "" when it has none by that name.
inline std::string extra(const Event& e, const std::string& key) {
    for (const auto& [k, v] : e.extra)
        if (k == key) return v;
    return {};
}

} // namespace atlas::test
