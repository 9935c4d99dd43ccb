#pragma once

#include "atlas/model/diagnostic.h"

#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace atlas {

/// Writes a file so that readers see either the old file or the whole new one: `write` fills
/// a sibling temporary file, which then replaces `path` by a rename. On failure the temporary
/// file is removed, `path` is untouched, and a fatal "file.write" diagnostic says why.
[[nodiscard]] std::vector<Diagnostic> writeFileAtomically(const std::string& path,
                                                          const std::function<void(std::ostream&)>& write);

} // namespace atlas
