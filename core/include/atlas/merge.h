#pragma once

#include "atlas/dataset.h"
#include "atlas/diagnostic.h"

#include <string_view>
#include <vector>

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
struct ExportUpdate {
    std::size_t replaced = 0, added = 0, removed = 0;
};
ExportUpdate applyNewerAcledExport(Dataset& into, Dataset newer);

/// Whether the dataset was read from an ACLED export.
[[nodiscard]] bool isAcledImport(const Dataset& dataset);

} // namespace atlas

namespace atlas {

/// Gives imported actors (ACLED, UCDP, GeoJSON create them by name) an id, a parent and a
/// side from a mapping file:
///   {"actors": [{"name": "Military Forces of Syria (2000-)", "id": "saa",
///                "parent": "syrian-government", "side": "pro_government"}, ...]}
/// Actors are matched by name or alias; a new id is carried into every event, site, line and
/// area that refers to the actor; a parent that is no actor yet is created under that id.
/// Problems (bad JSON, unknown side, a name no actor has) come back as diagnostics with a
/// JSON pointer; unmatched names are warnings.
[[nodiscard]] std::vector<Diagnostic> applyActorMapping(Dataset& dataset, std::string_view mappingJson,
                                                        const std::string& fileLabel);

} // namespace atlas
