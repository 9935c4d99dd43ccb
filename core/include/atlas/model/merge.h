#pragma once

#include "atlas/model/dataset.h"
#include "atlas/model/diagnostic.h"

#include <string>

namespace atlas {

/// Adds `from` to `into`: actors are shared by id (the first definition wins), events,
/// sites, lines and areas are appended. An event or site whose id is already taken is
/// renamed "<label>:<id>" (and links in `from` follow it), so events from different sources
/// stay distinct.
///
/// ACLED exports are the exception: ACLED revises and deletes past events, so a newer
/// export added over an older one updates it instead — events with the same event_id_cnty
/// are replaced, and older events of the countries and days the newer export covers that it
/// no longer lists are removed.
void mergeDataset(Dataset& into, Dataset from, const std::string& label);

/// What applying a newer ACLED export changed.
struct AcledRevision {
    std::size_t replaced = 0, added = 0, removed = 0;
};
AcledRevision applyAcledRevision(Dataset& into, Dataset newer);

/// Whether the dataset was read from an ACLED export.
[[nodiscard]] bool isAcledImport(const Dataset& dataset);

} // namespace atlas
