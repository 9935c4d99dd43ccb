#pragma once

// Headless subcommands of conflict-atlas (no display needed): info, query, convert, export.
// Data goes to stdout, diagnostics to stderr; exit 0 on success, 1 for bad input, 2 for bad
// usage.

#include "atlas/model/dataset.h"
#include "atlas/model/diagnostic.h"
#include "atlas/geo/geo.h"
#include "atlas/query/query.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

/// What `export` asks for, in core's terms; the drawing belongs to the user interface layer.
struct ExportRequest {
    std::string out;              ///< .png, .pdf or .svg
    atlas::EventFilter filter;    ///< time window and filters
    atlas::Date situationDate;    ///< sites, lines and areas as on this day
    std::optional<atlas::GeoBox> box; ///< the area shown; none: around the events shown
    int width = 1600, height = 1000;
    std::string title;            ///< empty: the dataset's title
    bool clusters = false;        ///< clusters as on screen (--clusters), else every incident
};
/// Draws and writes the snapshot of `dataset` (queried through `index`); returns its problems.
using ExportWriter =
    std::function<std::vector<atlas::Diagnostic>(const atlas::Dataset&, const atlas::EventIndex&, const ExportRequest&)>;

/// True when argv[1] names a subcommand.
bool isCliCommand(int argc, char** argv);
/// Runs the subcommand in argv[1]; `exportWriter` serves `export`.
int runCli(int argc, char** argv, const ExportWriter& exportWriter);
