#pragma once

#include "atlas/model/dataset.h"
#include "atlas/model/diagnostic.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace atlas {

/// One entry of an actor mapping: the actor called `name` (its name or one of its aliases)
/// gets this id, umbrella and side. An empty id, or a parent or side not given, leaves what
/// the actor has; an empty parent makes it top-level; Side::Unknown makes it take its
/// umbrella's side.
struct ActorMappingEntry {
    std::string name;
    std::string id;
    std::optional<std::string> parent;
    std::optional<Side> side;
    friend bool operator==(const ActorMappingEntry&, const ActorMappingEntry&) = default;
};

/// Gives imported actors (ACLED, UCDP, GeoJSON create them by name) an id, a parent and a
/// side. A new id is carried into every event, site, line and area that refers to the
/// actor; a parent that is no actor yet is created under that id. Problems come back as
/// diagnostics whose JSON pointer is "/actors/<entry>": a name no actor has (warning), an id
/// another actor already has, or a parent that would make an actor its own umbrella (errors;
/// that part of the entry is not applied).
[[nodiscard]] std::vector<Diagnostic> applyActorMapping(Dataset& dataset, std::span<const ActorMappingEntry> entries,
                                                        const std::string& label);

/// A mapping file, read: its usable entries, where each stood in the file, and the problems
/// met reading it. The file looks like
///   {"actors": [{"name": "Military Forces of Syria (2000-)", "id": "saa",
///                "parent": "syrian-government", "side": "pro_government"}, ...]}
/// Bad JSON or a wrong shape is fatal (no entries); an entry without a name is skipped and
/// an unknown side ignored, each with an error.
struct ActorMapping {
    std::vector<ActorMappingEntry> entries;
    std::vector<std::size_t> filePositions; ///< entries[i] is /actors/filePositions[i] in the file
    std::vector<Diagnostic> diagnostics;
    std::string text; ///< kept to give later diagnostics a line and column
    std::string label;
};
[[nodiscard]] ActorMapping readActorMapping(std::string_view mappingJson, const std::string& fileLabel);
/// The same from a file ("file.open" when it cannot be read).
[[nodiscard]] ActorMapping readActorMappingFile(const std::string& path);

/// Applies a mapping read from a file: its reading problems, then those of applying it, all
/// located in the file (line, column, JSON pointer). A fatal problem changes nothing.
[[nodiscard]] std::vector<Diagnostic> applyActorMapping(Dataset& dataset, const ActorMapping& mapping);
/// Shorthands: read and apply a mapping's text, or a mapping file.
[[nodiscard]] std::vector<Diagnostic> applyActorMapping(Dataset& dataset, std::string_view mappingJson,
                                                        const std::string& fileLabel);
[[nodiscard]] std::vector<Diagnostic> applyActorMappingFile(Dataset& dataset, const std::string& path);

/// A mapping file describing `dataset`'s actors as they are (name, id, parent, side), so a
/// mapping worked out once can be applied to the next export of the same source.
[[nodiscard]] std::string writeActorMapping(const Dataset& dataset);

} // namespace atlas
