#include "common.h"

#include "atlas/io/acled.h"
#include "atlas/io/atomic_file.h"
#include "atlas/io/geojson.h"
#include "atlas/io/kml.h"
#include "atlas/io/native_format.h"
#include "atlas/io/read_any.h"
#include "atlas/io/text.h"
#include "atlas/io/ucdp.h"
#include "atlas/io/workspace.h"
#include "atlas/model/actor_mapping.h"
#include "atlas/model/merge.h"
#include "atlas/query/query.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
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
    if (!f.empty()) return std::nullopt;
    if (endsWithIgnoringCase(path, ".geojson")) return Format::GeoJson;
    if (endsWithIgnoringCase(path, ".kml")) return Format::Kml;
    if (endsWithIgnoringCase(path, ".csv")) return Format::Csv;
    if (endsWithIgnoringCase(path, ".json")) return Format::Native;
    return std::nullopt;
}

// How inputs are read, the same for every command: taken out of the arguments by runCli.

// Loads one input; an input .csv is read as an ACLED export.
LoadResult load(const std::string& path, const std::string& forced, const InputOptions& options) {
    const auto format = formatOf(path, forced);
    if (format == Format::Acled) return readAcledCsvFile(path);
    if (format == Format::GeoJson) return readGeoJsonFile(path, options.geoJson);
    if (lower(forced) == "ucdp") return readUcdpGedCsvFile(path);
    return readAnyFile(path, {options.geoJson, nullptr}); // .csv: ACLED or UCDP GED by its header
}


// The files as the window opens them (atlas::Workspace): the first, then the mapping, then
// each further file mapped and merged. Problems go to stderr as they come.
Loaded loadAll(const std::vector<std::string>& paths, const std::string& forced, const InputOptions& options) {
    Workspace workspace;
    Loaded out;
    auto report = [&](const std::vector<Diagnostic>& diagnostics) {
        for (const auto& d : diagnostics) {
            std::fprintf(stderr, "%s\n", d.toString().c_str());
            if (d.severity != Severity::Warning) out.bad = true;
        }
    };
    bool mapped = options.actorMap.empty();
    for (std::size_t i = 0; i < paths.size(); ++i) {
        LoadResult r = load(paths[i], forced, options);
        report(r.diagnostics);
        r.diagnostics.clear();
        if (r.failed()) {
            out.bad = true;
            continue;
        }
        workspace.add(std::move(r), paths[i].substr(paths[i].find_last_of('/') + 1));
        if (!mapped) {
            report(workspace.applyMapping(readActorMappingFile(options.actorMap)));
            mapped = true;
        }
    }
    if (workspace.partial()) out.bad = true;
    out.dataset = workspace.takeDataset();
    return out;
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
    "  --end-date-property NAME  GeoJSON: and their end dates from this one\n";

int printHelp(const char* help) {
    std::fputs(help, stdout);
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

// The filter options query and export share. Returns true when args[i] was one (i then
// points at its value); a bad value sets `error`.
bool takeFilterOption(const std::vector<std::string>& args, std::size_t& i, EventFilter& filter, std::vector<std::string>& actors,
                      std::string& error) {
    const std::string& a = args[i];
    if (a == "--exact-actor") {
        filter.includeSubgroups = false;
        return true;
    }
    static const char* const withValue[] = {"--from", "--to", "--actor", "--type", "--bbox", "--text", "--min-killed"};
    if (std::none_of(std::begin(withValue), std::end(withValue), [&](const char* o) { return a == o; })) return false;
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
        actors.push_back(v);
    } else if (a == "--type") {
        const auto type = eventTypeFromKey(v);
        if (!type) error = "unknown type \"" + v + "\"";
        else filter.types.push_back(*type);
    } else if (a == "--bbox") {
        const auto box = parseBox(v);
        if (!box) error = "--bbox takes W,S,E,N with W <= E and S <= N";
        else filter.box = *box;
    } else if (a == "--text") {
        filter.text = v;
    } else if (a == "--min-killed") {
        try {
            filter.minKilled = std::stoi(v);
        } catch (...) {
            error = "--min-killed takes a number";
        }
    }
    return true;
}

// Actor names or ids of --actor into the filter's ids; false (with a message) for a name no
// actor has.
bool resolveActors(const Dataset& d, const std::vector<std::string>& names, EventFilter& filter, const char* command) {
    for (const auto& name : names) {
        const Actor* actor = d.findActorByIdNameOrAlias(name);
        if (!actor) {
            std::fprintf(stderr, "conflict-atlas %s: no actor \"%s\" in the data\n", command, name.c_str());
            return false;
        }
        filter.actors.push_back(actor->id);
    }
    return true;
}


} // namespace atlas::commands::detail
