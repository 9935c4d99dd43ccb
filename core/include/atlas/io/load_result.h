#pragma once

#include "atlas/model/dataset.h"
#include "atlas/model/diagnostic.h"

#include <vector>

namespace atlas {

/// What every reader returns: the data it could use and every problem it met.
struct LoadResult {
    Dataset dataset;
    std::vector<Diagnostic> diagnostics;

    /// Some items were skipped because of errors: the dataset is not the whole file.
    [[nodiscard]] bool partial() const { return hasErrors(diagnostics) && !hasFatal(diagnostics); }
    /// Nothing usable was read.
    [[nodiscard]] bool failed() const { return hasFatal(diagnostics); }
};

/// Progress and cancel of a long load (load_control.h).
struct LoadControl;

} // namespace atlas
