#pragma once

// The headless commands of conflict-atlas (info, query, convert, export) as a Qt-free library:
// the executable is a shell around it (as GDAL's programs are around their library), and the
// tests run the commands in-process. Data goes to stdout, problems to stderr; exit 0 on
// success, 1 for bad input, 2 for bad usage.

#include "atlas/geo/geo.h"
#include "atlas/geo/reference_layer.h"
#include "atlas/style/style.h"
#include "atlas/model/dataset.h"
#include "atlas/model/revisions.h"
#include "atlas/model/diagnostic.h"
#include "atlas/query/query.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace atlas::commands {

inline constexpr int kOk = 0, kBadInput = 1, kBadUsage = 2;

/// What `export` asks for, in core's terms; the drawing belongs to the user interface layer.
struct ExportRequest {
    std::string out;              ///< .png, .pdf or .svg
    EventFilter filter;           ///< time window and filters
    Date situationDate;           ///< sites, lines and areas as on this day
    std::optional<GeoBox> box;    ///< the area shown; none: around the events shown
    int width = 1600, height = 1000;
    std::string title;            ///< empty: the dataset's title
    bool clusters = false;        ///< clusters as on screen (--clusters), else every incident
    bool placementHalos = true;   ///< circles round incidents placed less than exactly
    /// --compare-with FILE: the earlier pull and what the data changed against it, to mark.
    std::shared_ptr<const Dataset> earlierPull;
    std::vector<PullChange> changes;
    /// --layer FILE: reference layers under everything, bottom first, with each area's fill
    /// (--colour-by: the frame's incidents per area; none otherwise), and that colouring's legend.
    struct Layer {
        std::shared_ptr<const ReferenceLayer> layer;
        std::vector<Rgba> fills;
    };
    std::vector<Layer> layers;
    std::string areaLegendTitle;
    std::vector<std::pair<std::string, Rgba>> areaLegend;
    /// --incidents-as: "symbols", "hexagons" or "heat" (counted on a scale fixed over the data).
    std::string incidentsAs = "symbols";
    /// A print layout (--paper): the page, its furniture and resolution. width × height are
    /// then the page at 96 pixels an inch; a PNG is drawn at dpi.
    std::string paper;           ///< "A4", "A3", "letter"; empty: a map snapshot
    bool landscape = true;
    int dpi = 96;
    std::string subtitle, notes;
    /// What the file records of how it was made (the recipe as JSON, atlas/io/recipe.h): PNG
    /// text chunk, PDF XMP, SVG <metadata>, MP4/WebM tags.
    std::string recipe;
    /// An animation (.mp4, .webm, .gif): one frame a day, each with its own window, day and
    /// area fills over the request's view; played at fps, the last held holdLastFrames longer.
    struct Frame {
        EventFilter filter;
        Date situationDate;
        std::vector<Rgba> colourLayerFills; ///< the coloured layer's fills (colourLayer), if any
        std::vector<std::pair<std::string, Rgba>> areaLegend;
    };
    std::vector<Frame> frames;
    int colourLayer = -1;        ///< the layer in `layers` whose fills change per frame
    double fps = 4;
    int holdLastFrames = 0;
};
/// Draws and writes the snapshot of `dataset` (queried through `index`); returns its problems.
using ExportWriter = std::function<std::vector<Diagnostic>(const Dataset&, const EventIndex&, const ExportRequest&)>;

/// The filter options every front end takes, with one meaning: `query`, `export` and the
/// window (app/main.cpp) all parse them here.
///   --from D, --to D, --actor NAME (an id, name or alias; repeatable; with its sub-groups),
///   --exact-actor, --type KEY (repeatable), --bbox W,S,E,N, --text TEXT, --min-killed N
struct FilterOptions {
    EventFilter filter;               ///< everything but the actors, which need the data
    std::vector<std::string> actors;  ///< as given: ids, names or aliases
    std::vector<std::string> given;   ///< the options given ("--type", …): a project fills the rest
};
/// Their help, a line each.
extern const char* const kFilterOptionsHelp;
/// Takes args[i] when it is a filter option (i then points at its value) and returns true; a
/// bad or missing value sets `error`.
bool takeFilterOption(const std::vector<std::string>& args, std::size_t& i, FilterOptions& options, std::string& error);
/// Takes every filter option out of `args`, keeping the rest in order; the first problem, or "".
[[nodiscard]] std::string takeFilterOptions(std::vector<std::string>& args, FilterOptions& options);
/// The actors named in `options` as ids in options.filter.actors; the first name no actor
/// has (nothing is resolved then), if any.
[[nodiscard]] std::optional<std::string> resolveActors(const Dataset& dataset, FilterOptions& options);

/// One command: its name, a line about it, and what runs it (the arguments after its name).
struct Command {
    const char* name;
    const char* summary;
    int (*run)(const std::vector<std::string>& args, const ExportWriter& exportWriter);
    bool needsQt; ///< export draws: the caller starts Qt (offscreen) before running it
};
/// Every command, in the order `--help` lists them.
[[nodiscard]] const std::vector<Command>& allCommands();
/// The command called `name`, or null.
[[nodiscard]] const Command* findCommand(const std::string& name);

/// Runs `arguments` (the command's name first, then its arguments); `exportWriter` serves
/// export. Unknown command: usage error.
int run(const std::vector<std::string>& arguments, const ExportWriter& exportWriter = {});

} // namespace atlas::commands
