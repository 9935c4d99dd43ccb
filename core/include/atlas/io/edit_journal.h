#pragma once

// The crash journal of hand edits not yet saved (docs/format.md, "Edit journals"): one JSON
// line per edit, appended and flushed to disk as each edit is made, so an edit survives the
// program or the machine stopping; read back at the next start and offered for restoring.
// Written by the window; removed when the edits are saved (to the file, or to the store).

#include "atlas/model/diagnostic.h"
#include "atlas/model/edits.h"

#include <string>
#include <vector>

namespace atlas {

/// What a journal holds: the data it was written against (a file's path or a store's URL
/// without its password), and the edits made since it was last saved, in order (an undo is
/// the inverse edit, written like any other).
struct EditJournal {
    std::string source;
    std::vector<Edit> edits;
    std::vector<Actor> actors; ///< actors made for these edits (restored before them)
};

/// Appends `edit` to the journal at `path`, starting it with its `source` line when it does not
/// exist yet, and flushes it to the disk before returning. A fatal "file.write" when it cannot.
[[nodiscard]] std::vector<Diagnostic> appendToJournal(const std::string& path, const std::string& source, const Edit& edit);

/// Appends a new actor made for the edits (an incident's perpetrator typed in the form).
[[nodiscard]] std::vector<Diagnostic> appendActorToJournal(const std::string& path, const std::string& source, const Actor& actor);

/// Reads a journal. A line cut short (the machine stopped while writing it; the next append
/// starts a line of its own) is left out with a warning; a line that is JSON but no edit is an
/// error naming its line, and the edits before it are kept. nullopt when the file cannot be read or is not a journal.
[[nodiscard]] std::optional<EditJournal> readJournal(const std::string& path, std::vector<Diagnostic>& problems);

} // namespace atlas
