#pragma once

// What the commands share: reading the inputs (one policy with the window, io/workspace),
// the filter options of query and export, usage errors.

#include "atlas/commands/commands.h"
#include "atlas/io/geojson.h"
#include "atlas/io/native_format.h"
#include "atlas/io/project.h"
#include "atlas/geo/reference_layer.h"

#include <optional>
#include <string>
#include <vector>

namespace atlas::commands::detail {

enum class Format { Native, Acled, GeoJson, Csv, Kml, GeoPackage };
/// The format named by --from/--to (`forced`), else by the file's extension.
[[nodiscard]] std::optional<Format> formatOf(const std::string& path, const std::string& forced);

/// Writes the whole dataset to `path` in `format`, atomically (GeoPackage, native and GeoJSON keep
/// the whole model; CSV and KML the events). Returns the problem, if any.
[[nodiscard]] std::vector<Diagnostic> writeDataset(const Dataset& dataset, const std::string& path, Format format);

/// How the inputs are read: the same options for every command.
struct InputOptions {
    std::string actorMap;   // --actor-map FILE
    GeoJsonOptions geoJson; // --date-property, --end-date-property
    std::optional<Date> asKnownOn; // --as-known-on D: the data as it stood at the end of D
};
extern const char* const kInputHelp;

/// Loads one input; an input .csv is read as an ACLED export unless it is UCDP GED.
[[nodiscard]] LoadResult load(const std::string& path, const std::string& forced, const InputOptions& options);
/// Several files become one dataset (atlas::Workspace, as the window opens them).
/// A project (.atlasproj) among the paths stands for its files; its settings come back in
/// `project` for the command to take as defaults.
struct Loaded {
    Dataset dataset;
    bool bad = false;
    std::optional<Project> project;
    std::string projectPath;
};
[[nodiscard]] Loaded loadAll(const std::vector<std::string>& paths, const std::string& forced, const InputOptions& options);
/// The same with a project already read (a recipe's inputs, at `projectPath`) first.
[[nodiscard]] Loaded loadAll(const std::vector<std::string>& paths, const std::string& forced, const InputOptions& options,
                             std::optional<Project> project, const std::string& projectPath);

/// A project's filters and time window, for each filter option not given on the command line.
void applyProjectFilters(FilterOptions& options, const Project& project);
/// The days a project's window covers (from, to): none given when it shows the whole span.
[[nodiscard]] std::pair<std::optional<Date>, std::optional<Date>> projectWindow(const Project& project);

int usageError(const char* command, const std::string& message);
/// A command's help, then `more` (the filter options for query), then the input options.
int printHelp(const char* help, const char* more = "");

[[nodiscard]] std::optional<GeoBox> parseBox(const std::string& text);
/// resolveActors, reported on stderr as the command's: false when a name is no actor's.
bool resolveActorsOrSay(const Dataset& d, FilterOptions& options, const char* command);

/// The first layer of `path` that has areas; none (with `error` set) otherwise.
[[nodiscard]] std::optional<ReferenceLayer> readPolygonLayer(const std::string& path, std::string& error);
/// --within's FILE or FILE:NAME split into the file and the name (empty: every area).
[[nodiscard]] std::pair<std::string, std::string> splitLayerSpec(const std::string& spec);
/// --within's FILE or FILE:NAME as a region and its name in words; none (with `error` set)
/// when the file has no areas or none has that name.
[[nodiscard]] std::optional<std::pair<GeoPolygon, std::string>> regionOfLayerFile(const std::string& spec, std::string& error);

int aggregate(const std::vector<std::string>& args, const InputOptions& options);
int info(const std::vector<std::string>& args, const InputOptions& options);
int query(const std::vector<std::string>& args, const InputOptions& options);
int convert(const std::vector<std::string>& args, const InputOptions& options);
int situation(const std::vector<std::string>& args, const InputOptions& options);
int dedupe(const std::vector<std::string>& args, const InputOptions& options);
int db(const std::vector<std::string>& args, const InputOptions& options);
int exportSnapshot(const std::vector<std::string>& args, const InputOptions& options, const ExportWriter& writer);

} // namespace atlas::commands::detail
