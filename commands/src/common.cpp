#include "common.h"

#include "atlas/store/pg_store.h"

#include "atlas/io/gdal_layer.h"

#include "atlas/model/revisions.h"

#include "atlas/io/acled.h"
#include "atlas/io/atomic_file.h"
#include "atlas/io/geojson.h"
#include "atlas/io/geopackage.h"
#include "atlas/io/kml.h"
#include "atlas/io/native_format.h"
#include "atlas/io/read_any.h"
#include "atlas/io/text.h"
#include "atlas/io/ucdp.h"
#include "atlas/io/workspace.h"
#include "atlas/io/write_any.h"
#include "atlas/io/project.h"
#include "atlas/model/actor_mapping.h"
#include "atlas/model/merge.h"
#include "atlas/query/query.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace atlas::commands::detail {



std::optional<Format> formatOf(const std::string& path, const std::string& forced) {
    const std::string f = lower(forced);
    if (f == "native" || f == "json" || f == "atlas") return Format::Native;
    if (f == "acled") return Format::Acled;
    if (f == "ucdp") return Format::Csv;
    if (f == "geojson") return Format::GeoJson;
    if (f == "csv") return Format::Csv;
    if (f == "kml") return Format::Kml;
    if (f == "gpkg" || f == "geopackage") return Format::GeoPackage;
    if (!f.empty()) return std::nullopt;
    const auto byExtension = datasetFormatOfPath(path); // the extensions core reads and writes
    if (!byExtension) return std::nullopt;
    switch (*byExtension) {
    case DatasetFormat::GeoPackage: return Format::GeoPackage;
    case DatasetFormat::GeoJson: return Format::GeoJson;
    case DatasetFormat::AcledCsv: return Format::Csv;
    case DatasetFormat::Kml: return Format::Kml;
    case DatasetFormat::Native: break;
    }
    return Format::Native;
}

std::vector<Diagnostic> writeDataset(const Dataset& dataset, const std::string& path, Format format) {
    switch (format) {
    case Format::GeoPackage: return writeDatasetFile(dataset, path, DatasetFormat::GeoPackage);
    case Format::Native: return writeDatasetFile(dataset, path, DatasetFormat::Native);
    case Format::GeoJson: return writeDatasetFile(dataset, path, DatasetFormat::GeoJson);
    case Format::Kml: return writeDatasetFile(dataset, path, DatasetFormat::Kml);
    case Format::Acled:
    case Format::Csv: break;
    }
    return writeDatasetFile(dataset, path, DatasetFormat::AcledCsv);
}

// How inputs are read, the same for every command: taken out of the arguments by runCli.

// Loads one input; an input .csv is read as an ACLED export.
LoadResult load(const std::string& path, const std::string& forced, const InputOptions& options) {
    if (isStoreUrl(path)) { // a database in place of a file: everything it holds
        std::vector<Diagnostic> problems;
        const auto store = PgStore::connect(path, problems);
        if (!store) return LoadResult{Dataset{}, std::move(problems)};
        // --as-known-on: the store's own history says what it held then.
        return store->pull({}, nullptr, options.asKnownOn);
    }
    const auto format = formatOf(path, forced);
    if (format == Format::Acled) return readAcledCsvFile(path);
    if (format == Format::GeoJson) return readGeoJsonFile(path, options.geoJson);
    if (format == Format::GeoPackage) return readGeoPackageFile(path, nullptr, options.geoJson);
    if (lower(forced) == "ucdp") return readUcdpGedCsvFile(path);
    return readAnyFile(path, {options.geoJson, nullptr}); // .csv: ACLED or UCDP GED by its header
}


// The files as the window opens them (atlas::Workspace): the first, then the mapping, then
// each further file mapped and merged. Problems go to stderr as they come.
Loaded loadAll(const std::vector<std::string>& paths, const std::string& forced, const InputOptions& options) {
    return loadAll(paths, forced, options, std::nullopt, {});
}

Loaded loadAll(const std::vector<std::string>& paths, const std::string& forced, const InputOptions& options,
               std::optional<Project> given, const std::string& givenPath) {
    Workspace workspace;
    Loaded out;
    auto report = [&](const std::vector<Diagnostic>& diagnostics) {
        for (const auto& d : diagnostics) {
            std::fprintf(stderr, "%s\n", d.toString().c_str());
            if (d.severity != Severity::Warning) out.bad = true;
        }
    };
    // A project stands for its files, read with the date properties it recorded; its actor
    // mapping comes after the first file, as the window applies it.
    struct Input {
        std::string path;
        InputOptions options;
    };
    std::vector<Input> inputs;
    std::vector<ActorMappingEntry> projectMapping;
    auto takeProject = [&](Project project, const std::string& path) {
        for (const ProjectFile& file : project.files) {
            Input input{resolveProjectPath(path, file.path), options};
            if (!file.geoJson.dateProperty.empty() || !file.geoJson.endDateProperty.empty() || file.geoJson.dayOrder != DayOrder::Unknown) {
                input.options.geoJson = file.geoJson;
                if (options.geoJson.dayOrder != DayOrder::Unknown) input.options.geoJson.dayOrder = options.geoJson.dayOrder; // --date-format said it
            }
            if (std::filesystem::exists(input.path)) inputs.push_back(std::move(input)); // a missing one was reported
        }
        projectMapping = project.actorMapping;
        out.project = std::move(project);
        out.projectPath = path;
    };
    if (given) takeProject(std::move(*given), givenPath); // checked by the caller (a recipe's inputs)
    for (const std::string& path : paths) {
        if (!isProjectPath(path)) {
            inputs.push_back({path, options});
            continue;
        }
        ProjectReadResult read = readProjectFile(path);
        report(read.diagnostics);
        if (read.failed()) continue;
        if (out.project) {
            std::fprintf(stderr, "%s: only one project at a time (its files are left out)\n", path.c_str());
            out.bad = true;
            continue;
        }
        report(checkProjectFiles(path, read.project));
        takeProject(std::move(read.project), path);
    }
    bool mapped = false;
    for (const Input& input : inputs) {
        LoadResult r = load(input.path, forced, input.options);
        report(r.diagnostics);
        r.diagnostics.clear();
        if (r.failed()) {
            out.bad = true;
            continue;
        }
        // A file by its name; a database by its URL, never with its password.
        workspace.add(std::move(r), isStoreUrl(input.path) ? redactedUrl(input.path) : input.path.substr(input.path.find_last_of('/') + 1));
        if (!mapped) {
            if (!projectMapping.empty()) report(workspace.applyMapping(projectMapping, out.projectPath));
            if (!options.actorMap.empty()) report(workspace.applyMapping(readActorMappingFile(options.actorMap)));
            mapped = true;
        }
    }
    if (workspace.partial()) out.bad = true;
    out.dataset = workspace.takeDataset();
    // The project's merged duplicates count once, as in the window; then, as the window does,
    // the data replayed as it stood on a day (revisions.h).
    if (out.project && !out.project->duplicates.empty()) report(applyDuplicateDecisions(out.dataset, out.project->duplicates));
    // A store's replay came from its history (load); files replay their recording days.
    const bool allStores = std::all_of(inputs.begin(), inputs.end(), [](const Input& input) { return isStoreUrl(input.path); });
    if (options.asKnownOn && !allStores) {
        AsKnownOn then = asKnownOn(out.dataset, *options.asKnownOn);
        std::fprintf(stderr,
                     "as known on %s: %zu events (%zu as recorded then, %zu recorded later left out, %zu deleted since brought back, "
                     "%zu without a recording day kept as they are)\n",
                     options.asKnownOn->toString().c_str(), then.dataset.events.size(), then.asRecordedThen, then.notYetRecorded,
                     then.deletedSince, then.undated);
        out.dataset = std::move(then.dataset);
    }
    return out;
}

namespace {
bool wasGiven(const FilterOptions& options, std::initializer_list<const char*> names) {
    for (const char* name : names)
        if (std::find(options.given.begin(), options.given.end(), name) != options.given.end()) return true;
    return false;
}
} // namespace

void applyProjectFilters(FilterOptions& options, const Project& project) {
    EventFilter& f = options.filter;
    const EventFilter& p = project.filter;
    if (!wasGiven(options, {"--actor"})) options.actors.insert(options.actors.end(), p.actors.begin(), p.actors.end());
    if (!wasGiven(options, {"--exact-actor"})) f.includeSubgroups = p.includeSubgroups;
    if (!wasGiven(options, {"--role"})) f.actorRole = p.actorRole;
    if (!wasGiven(options, {"--type"})) f.types = p.types;
    if (!wasGiven(options, {"--text"})) f.text = p.text;
    if (!wasGiven(options, {"--min-killed"})) f.minKilled = p.minKilled;
    if (!wasGiven(options, {"--held-by"})) f.heldBy = p.heldBy;
    if (!wasGiven(options, {"--exact-only"})) {
        f.coarsestPrecision = p.coarsestPrecision;
        f.dayPreciseOnly = p.dayPreciseOnly;
    }
    if (!wasGiven(options, {"--from", "--to"}) && project.date) {
        const auto [from, to] = projectWindow(project);
        f.from = from;
        f.to = to;
    }
}

std::pair<std::optional<Date>, std::optional<Date>> projectWindow(const Project& project) {
    std::pair<std::optional<Date>, std::optional<Date>> window; // none: the data's whole span
    if (!project.date) return window;
    const Date last = *project.date;
    if (project.windowStart) {
        window.first = *project.windowStart;
        window.second = last;
    } else if (project.windowDays > 0) {
        window.first = last.addDays(1 - project.windowDays);
        window.second = last;
    } else if (project.windowDays == 0) {
        window.second = last;
    }
    return window;
}

int usageError(const char* command, const std::string& message) {
    std::fprintf(stderr, "conflict-atlas %s: %s (see conflict-atlas %s --help)\n", command, message.c_str(), command);
    return kBadUsage;
}

// --- info -----------------------------------------------------------------------------------

// How the inputs are read: the same options for every command.
const char* const kInputHelp =
    "Reading the inputs (every command):\n"
    "  --actor-map FILE       give imported actors ids, parents and sides (docs/import-export.md)\n"
    "  --date-property NAME   GeoJSON: read the points' dates from this property\n"
    "  --end-date-property NAME  GeoJSON: and their end dates from this one\n"
    "  --date-format dmy|mdy  GeoJSON: read numeric dates such as 03/04/2011 day first (dmy)\n"
    "                         or month first (mdy); unsaid, such points are skipped and said\n"
    "  --as-known-on YYYY-MM-DD  the data as it stood at the end of that day: each event as\n"
    "                         recorded by then (ACLED's timestamp, revision history), events\n"
    "                         recorded later left out, events deleted since brought back\n";

int printHelp(const char* help, const char* more) {
    std::fputs(help, stdout);
    std::fputs(more, stdout);
    std::fputs(kInputHelp, stdout);
    return kOk;
}


std::optional<GeoBox> parseBox(const std::string& text) {
    GeoBox box;
    char comma1 = 0, comma2 = 0, comma3 = 0;
    std::istringstream in(text);
    if (!(in >> box.minLongitude >> comma1 >> box.minLatitude >> comma2 >> box.maxLongitude >> comma3 >> box.maxLatitude) ||
        comma1 != ',' || comma2 != ',' || comma3 != ',' || box.minLongitude > box.maxLongitude || box.minLatitude > box.maxLatitude)
        return std::nullopt;
    return box;
}



bool resolveActorsOrSay(const Dataset& d, FilterOptions& options, const char* command) {
    if (const auto unknown = resolveActors(d, options)) {
        std::fprintf(stderr, "conflict-atlas %s: no actor \"%s\" in the data\n", command, unknown->c_str());
        return false;
    }
    return true;
}

} // namespace atlas::commands::detail

namespace atlas::commands {

const char* const kFilterOptionsHelp =
    "  --from YYYY-MM-DD      first day (inclusive)\n"
    "  --to YYYY-MM-DD        last day (inclusive); an incident dated only to a week or\n"
    "                         a month is in when any day it may fall on is\n"
    "  --actor NAME           an actor id, name or alias; repeatable; includes its sub-groups\n"
    "  --exact-actor          leave the sub-groups out\n"
    "  --role ROLE            the --actor as perpetrator, target or either (default)\n"
    "  --exact-only           only incidents placed exactly and dated to the day\n"
    "  --type KEY             air_strike, shelling, armed_clash, ...; repeatable\n"
    "  --bbox W,S,E,N         min lon, min lat, max lon, max lat\n"
    "  --text TEXT            case-insensitive text in description, place, actors, sources\n"
    "  --min-killed N         at least N killed (lower bound of the reported figure)\n"
    "  --held-by SIDE         only incidents on ground that side held that day (the data's\n"
    "                         control areas; unknown: outside every mapped area); repeatable\n"
    "  --within FILE[:NAME]   only incidents inside the area NAME (its name or code) of a\n"
    "                         boundary file GDAL reads (.shp, .gpkg, .geojson, .kml, ...),\n"
    "                         or inside any of its areas when no NAME is given\n";

bool takeFilterOption(const std::vector<std::string>& args, std::size_t& i, FilterOptions& options, std::string& error) {
    EventFilter& filter = options.filter;
    const std::string& a = args[i];
    if (a == "--exact-actor") {
        filter.includeSubgroups = false;
        options.given.push_back(a);
        return true;
    }
    if (a == "--exact-only") {
        filter.setExactOnly(true);
        options.given.push_back(a);
        return true;
    }
    static const char* const withValue[] = {"--from", "--to", "--actor", "--role", "--type", "--bbox", "--text", "--min-killed", "--within", "--held-by"};
    if (std::none_of(std::begin(withValue), std::end(withValue), [&](const char* o) { return a == o; })) return false;
    options.given.push_back(a);
    if (i + 1 >= args.size()) {
        error = a + " needs a value";
        return true;
    }
    const std::string& v = args[++i];
    if (a == "--from" || a == "--to") {
        const auto date = Date::parse(v);
        if (!date) error = a + " takes a date YYYY-MM-DD, not \"" + v + "\"";
        else (a == "--from" ? filter.from : filter.to) = *date;
    } else if (a == "--actor") {
        options.actors.push_back(v);
    } else if (a == "--role") {
        if (const auto role = actorRoleFromKey(v)) filter.actorRole = *role;
        else error = "--role takes perpetrator, target or either, not \"" + v + "\"";
    } else if (a == "--type") {
        const auto type = eventTypeFromKey(v);
        if (!type) error = "unknown type \"" + v + "\"";
        else filter.types.push_back(*type);
    } else if (a == "--bbox") {
        const auto box = detail::parseBox(v);
        if (!box) error = "--bbox takes W,S,E,N with W <= E and S <= N";
        else filter.box = *box;
    } else if (a == "--text") {
        filter.text = v;
    } else if (a == "--held-by") {
        if (const auto side = sideFromKey(v)) filter.heldBy.push_back(*side);
        else error = "--held-by takes a side (pro_government, opposition, jihadist, turkish_forces, russian_forces, kurdish_led, other, unknown), not \"" + v + "\"";
    } else if (a == "--within") {
        if (auto region = detail::regionOfLayerFile(v, error)) {
            filter.region = std::move(region->first);
            filter.regionName = std::move(region->second);
        }
    } else if (a == "--min-killed") {
        try {
            filter.minKilled = std::stoi(v);
        } catch (...) {
            error = "--min-killed takes a number";
        }
    }
    return true;
}

namespace detail {

std::optional<ReferenceLayer> readPolygonLayer(const std::string& path, std::string& error) {
    ReferenceLayersRead read = readReferenceLayers(path);
    for (ReferenceLayer& layer : read.layers)
        if (layer.areaCount() > 0) return std::move(layer);
    std::string why;
    for (const Diagnostic& d : read.diagnostics)
        if (d.severity != Severity::Warning) why += (why.empty() ? "" : "; ") + d.toString();
    error = path + " has no layer of areas" + (why.empty() ? std::string() : ": " + why);
    return std::nullopt;
}

std::pair<std::string, std::string> splitLayerSpec(const std::string& spec) {
    // FILE, or FILE:NAME — a file's own name may hold a colon, so a whole existing path wins.
    std::error_code missing;
    if (!std::filesystem::exists(spec, missing)) {
        const auto colon = spec.rfind(':');
        if (colon != std::string::npos && colon > 0) return {spec.substr(0, colon), spec.substr(colon + 1)};
    }
    return {spec, {}};
}

std::optional<std::pair<GeoPolygon, std::string>> regionOfLayerFile(const std::string& spec, std::string& error) {
    const auto [path, name] = splitLayerSpec(spec);
    const auto layer = readPolygonLayer(path, error);
    if (!layer) return std::nullopt;
    const std::string file = std::filesystem::path(path).filename().string();
    if (name.empty()) return std::make_pair(layer->allAreas(), "the areas of " + file);
    const auto feature = layer->findFeature(name);
    if (!feature || !layer->features[*feature].isArea()) {
        std::string some;
        for (std::size_t f = 0; f < layer->features.size() && f < 8; ++f) some += (f ? ", " : "") + layer->label(f);
        error = "no area called \"" + name + "\" in " + path + " (its areas: " + some + (layer->features.size() > 8 ? ", …" : "") + ")";
        return std::nullopt;
    }
    return std::make_pair(layer->features[*feature].area, layer->label(*feature) + " (" + file + ")");
}

} // namespace detail

std::string takeFilterOptions(std::vector<std::string>& args, FilterOptions& options) {
    std::vector<std::string> rest;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string error;
        if (takeFilterOption(args, i, options, error)) {
            if (!error.empty()) return error;
            continue;
        }
        rest.push_back(args[i]);
    }
    args = std::move(rest);
    return {};
}

std::optional<std::string> resolveActors(const Dataset& dataset, FilterOptions& options) {
    std::vector<std::string> ids;
    for (const std::string& name : options.actors) {
        const Actor* actor = dataset.findActorByIdNameOrAlias(name);
        if (!actor) return name;
        ids.push_back(actor->id);
    }
    options.filter.actors.insert(options.filter.actors.end(), ids.begin(), ids.end());
    return std::nullopt;
}

} // namespace atlas::commands
