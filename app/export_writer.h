#pragma once

// `conflict-atlas export`'s drawing: what the Qt-free command asks for (ExportRequest) turned
// into the snapshot renderer's views (ui/snapshot.h), one image or a video's frames.

#include "atlas/commands/commands.h"

#include <QString>

namespace atlas::app {

/// The writer `atlas::commands::run` calls for export, drawing with the basemap tiles in
/// `tileDirectory` (empty: a plain sea).
[[nodiscard]] atlas::commands::ExportWriter makeExportWriter(const QString& tileDirectory);

} // namespace atlas::app
