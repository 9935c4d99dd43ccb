#pragma once

#include "atlas/model/dataset.h"
#include "atlas/model/diagnostic.h"

#include <string>
#include <string_view>
#include <vector>

namespace atlas {

/// The native format's current version (see docs/format.md).
inline constexpr int kNativeFormatVersion = 1;

/// What a reader returns: the data it could use and every problem it met.
struct LoadResult {
    Dataset dataset;
    std::vector<Diagnostic> diagnostics;

    /// Some items were skipped because of errors: the dataset is not the whole file.
    [[nodiscard]] bool partial() const { return hasErrors(diagnostics) && !hasFatal(diagnostics); }
    /// Nothing usable was read.
    [[nodiscard]] bool failed() const { return hasFatal(diagnostics); }
};

/// Reads a native .atlas.json text. Never throws for bad data: problems become diagnostics
/// with JSON pointer and line/column; `fileLabel` names the input in them.
[[nodiscard]] LoadResult readNativeText(std::string_view text, const std::string& fileLabel);

struct LoadControl;
/// Reads a native .atlas.json file; an unreadable file is a fatal diagnostic. `control` (may
/// be null) follows the reading and can cancel it (load_control.h).
[[nodiscard]] LoadResult readNativeFile(const std::string& path, const LoadControl* control = nullptr);

/// The dataset as native JSON text (pretty-printed, stable field order).
[[nodiscard]] std::string writeNativeText(const Dataset& dataset);

/// Writes atomically: a temporary file beside `path`, then a rename, so a failed save leaves
/// any previous file untouched. Returns the problem, if any, as a diagnostic list.
[[nodiscard]] std::vector<Diagnostic> writeNativeFile(const Dataset& dataset, const std::string& path);

} // namespace atlas
