#pragma once

#include "atlas/model/diagnostic.h"

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace atlas {

/// Writes a file so that readers see either the old file or the whole new one: `write` fills
/// a sibling temporary file, which then replaces `path` by a rename. On failure the temporary
/// file is removed, `path` is untouched, and a fatal "file.write" diagnostic says why.
[[nodiscard]] std::vector<Diagnostic> writeFileAtomically(const std::string& path,
                                                          const std::function<void(std::ostream&)>& write);

/// The same for a writer that makes a file itself (SQLite): `write` creates the temporary file
/// at the path it is given and returns what went wrong, if anything.
[[nodiscard]] std::vector<Diagnostic> writeFileAtomicallyAt(
    const std::string& path, const std::function<std::optional<std::string>(const std::string& temporary)>& write);

} // namespace atlas
