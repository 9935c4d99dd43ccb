#pragma once

#include "atlas/dataset.h"

#include <string>

namespace atlas {

/// Adds `from` to `into`: actors are shared by id (the first definition wins), events,
/// sites, lines and areas are appended. An event or site whose id is already taken is
/// renamed "<label>:<id>" (and links in `from` follow it), so events from different sources
/// stay distinct.
void mergeDataset(Dataset& into, Dataset from, const std::string& label);

} // namespace atlas
