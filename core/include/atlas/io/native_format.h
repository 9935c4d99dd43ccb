#pragma once

#include "atlas/io/load_result.h"

#include <string>
#include <string_view>
#include <vector>

namespace atlas {

/// The native format's current version (see docs/format.md).
inline constexpr int kNativeFormatVersion = 1;

/// Reads a native .atlas.json text. Never throws for bad data: problems become diagnostics
/// with JSON pointer and line/column; `fileLabel` names the input in them. The events are
/// decoded on every core (simdjson) when plainly valid; anything else goes through the exact
/// reader, so the result and the diagnostics are the same either way.
[[nodiscard]] LoadResult readNativeText(std::string_view text, const std::string& fileLabel);

namespace detail {
/// readNativeText through the exact reader alone (tests and the fuzz target compare the two).
[[nodiscard]] LoadResult readNativeTextExact(std::string_view text, const std::string& fileLabel);
} // namespace detail

/// Reads a native .atlas.json file; an unreadable file is a fatal diagnostic. `control` (may
/// be null) follows the reading and can cancel it (load_control.h).
[[nodiscard]] LoadResult readNativeFile(const std::string& path, const LoadControl* control = nullptr);

/// The dataset as native JSON text (pretty-printed, stable field order).
[[nodiscard]] std::string writeNativeText(const Dataset& dataset);

/// Writes atomically: a temporary file beside `path`, then a rename, so a failed save leaves
/// any previous file untouched. Returns the problem, if any, as a diagnostic list.
[[nodiscard]] std::vector<Diagnostic> writeNativeFile(const Dataset& dataset, const std::string& path);

} // namespace atlas
