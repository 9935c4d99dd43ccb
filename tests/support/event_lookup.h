#pragma once

// Small lookups the core tests share: an event by id, an extra field by name.

#include "atlas/model/dataset.h"

#include <algorithm>
#include <optional>
#include <string>

namespace atlas::test {

/// The event with this id (a copy: the table holds events by column), or nothing.
inline std::optional<Event> byId(const Dataset& d, const std::string& id) {
    for (std::size_t row = 0; row < d.events.size(); ++row)
        if (d.events.id(row) == id) return d.events.at(row);
    return std::nullopt;
}

/// The raw JSON of an event's extra field, or "" when it has none by that name.
inline std::string extra(const Event& e, const std::string& key) {
    for (const auto& [k, v] : e.extra)
        if (k == key) return v;
    return {};
}

} // namespace atlas::test
