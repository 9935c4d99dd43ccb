#pragma once

// The native format as a JSON value, for the formats that carry the full model in another
// shape (GeoJSON with a conflict_atlas member): written once, in native_format.cpp.

#include "atlas/model/dataset.h"

#include <nlohmann/json.hpp>

namespace atlas::detail {

/// The whole dataset as the native document: format, version, metadata, actors, sites, lines,
/// areas, events and unknown top-level fields, in the native field order.
[[nodiscard]] nlohmann::json nativeDocument(const Dataset& dataset);

} // namespace atlas::detail
