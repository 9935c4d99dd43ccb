#include "cli.h"

#include "atlas/io/acled.h"
#include "atlas/model/actor_mapping.h"
#include "atlas/io/atomic_file.h"
#include "atlas/io/acled.h"
#include "atlas/io/geojson.h"
#include "atlas/io/kml.h"
#include "atlas/io/geojson.h"
#include "atlas/io/read_any.h"
#include "atlas/io/workspace.h"
#include "atlas/model/merge.h"
#include "atlas/io/native_format.h"
#include "atlas/query/query.h"
#include "atlas/io/text.h"
#include "atlas/io/ucdp.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

using namespace atlas;

namespace {

constexpr int kOk = 0, kBadInput = 1, kBadUsage = 2;

enum class Format { Native, Acled, GeoJson, Csv, Kml };

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
struct InputOptions {
    std::string actorMap;  // --actor-map FILE
    GeoJsonOptions geoJson; // --date-property, --end-date-property
};

// Loads one input; an input .csv is read as an ACLED export.
LoadResult load(const std::string& path, const std::string& forced, const InputOptions& options) {
    const auto format = formatOf(path, forced);
    if (format == Format::Acled) return readAcledCsvFile(path);
    if (format == Format::GeoJson) return readGeoJsonFile(path, options.geoJson);
    if (lower(forced) == "ucdp") return readUcdpGedCsvFile(path);
    return readAnyFile(path, {options.geoJson, nullptr}); // .csv: ACLED or UCDP GED by its header
}

// Several files become one dataset; ids that clash are prefixed with their file's name.
struct Loaded {
    Dataset dataset;
    bool bad = false;
};

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
const char* kInputHelp =
    "Reading the inputs (every command):\n"
    "  --actor-map FILE       give imported actors ids, parents and sides (docs/import-export.md)\n"
    "  --date-property NAME   GeoJSON: read the points' dates from this property\n"
    "  --end-date-property NAME  GeoJSON: and their end dates from this one\n";

int printHelp(const char* help) {
    std::fputs(help, stdout);
    std::fputs(kInputHelp, stdout);
    return kOk;
}

const char* kInfoHelp =
    "usage: conflict-atlas info FILE...\n"
    "Counts by kind, type and side, the date range, the bounding box and the actors of the\n"
    "files (native .atlas.json, ACLED or UCDP GED .csv), merged; problems are listed on stderr.\n";

int info(const std::vector<std::string>& args, const InputOptions& options) {
    std::vector<std::string> files;
    for (const auto& a : args) {
        if (a == "--help" || a == "-h") return printHelp(kInfoHelp);
        if (a.rfind("--", 0) == 0) return usageError("info", "unknown option " + a);
        files.push_back(a);
    }
    if (files.empty()) return usageError("info", "give at least one file");
    const Loaded loaded = loadAll(files, {}, options);
    const Dataset& d = loaded.dataset;
    const EventIndex index(d);
    const Breakdown b = index.breakdown({});
    std::printf("events: %zu\nactors: %zu\nsites: %zu\nlines: %zu\nareas: %zu\n", d.events.size(), d.actors.size(),
                d.sites.size(), d.lines.size(), d.areas.size());
    if (!d.events.empty()) {
        std::printf("dates: %s to %s\n", index.firstDate().toString().c_str(), index.lastDate().toString().c_str());
        GeoBox box{180, 90, -180, -90};
        for (const auto& e : d.events) {
            box.minLongitude = std::min(box.minLongitude, e.place.point.longitude);
            box.maxLongitude = std::max(box.maxLongitude, e.place.point.longitude);
            box.minLatitude = std::min(box.minLatitude, e.place.point.latitude);
            box.maxLatitude = std::max(box.maxLatitude, e.place.point.latitude);
        }
        std::printf("bounding box: %.4f,%.4f,%.4f,%.4f (min lon, min lat, max lon, max lat)\n", box.minLongitude,
                    box.minLatitude, box.maxLongitude, box.maxLatitude);
        std::printf("killed (sum of lower bounds): %lld\n", static_cast<long long>(b.killedAtLeast));
        std::printf("by type:\n");
        for (int t = 0; t < kEventTypeCount; ++t)
            if (b.byType[static_cast<std::size_t>(t)])
                std::printf("  %-22s %u\n", std::string(toKey(static_cast<EventType>(t))).c_str(), b.byType[static_cast<std::size_t>(t)]);
        std::printf("by side:\n");
        for (int s = 0; s < kSideCount; ++s)
            if (b.bySide[static_cast<std::size_t>(s)])
                std::printf("  %-22s %u\n", std::string(toKey(static_cast<Side>(s))).c_str(), b.bySide[static_cast<std::size_t>(s)]);
        std::printf("actors by events:\n");
        for (std::size_t i = 0; i < b.byActor.size() && i < 20; ++i) {
            const Actor* a = d.findActor(b.byActor[i].first);
            std::printf("  %-40s %u  (%s)\n", (a ? a->name : b.byActor[i].first).c_str(), b.byActor[i].second,
                        b.byActor[i].first.c_str());
        }
        if (b.byActor.size() > 20) std::printf("  … and %zu more\n", b.byActor.size() - 20);
    }
    return loaded.bad ? kBadInput : kOk;
}

// --- query ----------------------------------------------------------------------------------

const char* kQueryHelp =
    "usage: conflict-atlas query FILE... [options]\n"
    "Prints the events that match, in date order.\n"
    "  --from YYYY-MM-DD      first day (inclusive)\n"
    "  --to YYYY-MM-DD        last day (inclusive)\n"
    "  --actor NAME           an actor id, name or alias; repeatable; includes its sub-groups\n"
    "  --exact-actor          leave the sub-groups out\n"
    "  --type KEY             air_strike, shelling, armed_clash, ...; repeatable\n"
    "  --bbox W,S,E,N         min lon, min lat, max lon, max lat\n"
    "  --text TEXT            case-insensitive text in description, place, actors, sources\n"
    "  --min-killed N         at least N killed (lower bound of the reported figure)\n"
    "  --format csv|geojson|kml|json   output (default csv; json = a native .atlas.json document)\n";

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

int query(const std::vector<std::string>& args, const InputOptions& options) {
    std::vector<std::string> files, actors;
    EventFilter filter;
    std::string format = "csv";
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") return printHelp(kQueryHelp);
        std::string error;
        if (takeFilterOption(args, i, filter, actors, error)) {
            if (!error.empty()) return usageError("query", error);
            continue;
        }
        if (a.rfind("--", 0) != 0) {
            files.push_back(a);
            continue;
        }
        if (a != "--format") return usageError("query", "unknown option " + a);
        if (i + 1 >= args.size()) return usageError("query", a + " needs a value");
        format = lower(args[++i]);
        if (format != "csv" && format != "geojson" && format != "kml" && format != "json")
            return usageError("query", "--format is csv, geojson, kml or json");
    }
    if (files.empty()) return usageError("query", "give at least one file");
    Loaded loaded = loadAll(files, {}, options);
    const Dataset& d = loaded.dataset;
    if (!resolveActors(d, actors, filter, "query")) return kBadInput;
    const EventIndex index(d);
    const auto selected = index.select(filter);
    if (format == "geojson") writeGeoJson(d, selected, std::cout);
    else if (format == "kml") writeKml(d, selected, std::cout);
    else if (format == "json") std::cout << writeNativeText(subset(d, selected));
    else writeAcledCsv(d, selected, std::cout);
    std::cout.flush();
    std::fprintf(stderr, "%zu of %zu events match\n", selected.size(), d.events.size());
    return loaded.bad ? kBadInput : kOk;
}

// --- export ---------------------------------------------------------------------------------

const char* kExportHelp =
    "usage: conflict-atlas export FILE... --out SNAPSHOT.png|.pdf|.svg [options]\n"
    "Draws the map as the window would (offline basemap, symbols, sites, lines and areas on the\n"
    "date) with title, date range, legend, scale bar, north arrow and attribution; no display needed.\n"
    "  --out FILE             .png, or .pdf / .svg (vector symbols and text); written atomically\n"
    "  --date YYYY-MM-DD      the last day shown (default: the data's last day)\n"
    "  --window DAYS          days up to the date (default 0 = everything up to it)\n"
    "  --bbox W,S,E,N         the area shown (default: around the incidents shown)\n"
    "  --size WxH             pixels (default 1600x1000)\n"
    "  --title TEXT           (default: the dataset's title)\n"
    "  --clusters             nearby incidents as numbered clusters, as the window's map draws\n"
    "                         them above 3,000 in view (default: every incident its own symbol)\n"
    "  --each-day-until YYYY-MM-DD   one snapshot a day from --date to this day, for an animation:\n"
    "                         OUT gets -YYYY-MM-DD before its extension; every frame shows one area\n"
    "  --actor NAME, --exact-actor, --type KEY, --text TEXT, --min-killed N   as for query\n";

int exportSnapshot(const std::vector<std::string>& args, const InputOptions& options, const ExportWriter& writer) {
    std::vector<std::string> files, actors;
    ExportRequest request;
    std::optional<Date> date, until;
    int windowDays = 0;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") return printHelp(kExportHelp);
        if (a.rfind("--", 0) != 0) {
            files.push_back(a);
            continue;
        }
        if (a == "--exact-actor" || a == "--actor" || a == "--type" || a == "--text" || a == "--min-killed") {
            std::string error;
            takeFilterOption(args, i, request.filter, actors, error);
            if (!error.empty()) return usageError("export", error);
            continue;
        }
        if (a == "--clusters") {
            request.clusters = true;
            continue;
        }
        static const char* const withValue[] = {"--out", "--date", "--window", "--bbox", "--size", "--title", "--each-day-until"};
        if (std::none_of(std::begin(withValue), std::end(withValue), [&](const char* o) { return a == o; }))
            return usageError("export", "unknown option " + a);
        if (i + 1 >= args.size()) return usageError("export", a + " needs a value");
        const std::string& v = args[++i];
        if (a == "--out") {
            request.out = v;
        } else if (a == "--date") {
            date = Date::parse(v);
            if (!date) return usageError("export", "--date takes a date YYYY-MM-DD, not \"" + v + "\"");
        } else if (a == "--each-day-until") {
            until = Date::parse(v);
            if (!until) return usageError("export", "--each-day-until takes a date YYYY-MM-DD, not \"" + v + "\"");
        } else if (a == "--window") {
            try {
                windowDays = std::stoi(v);
            } catch (...) {
                windowDays = -1;
            }
            if (windowDays < 0) return usageError("export", "--window takes a number of days (0 = everything up to the date)");
        } else if (a == "--bbox") {
            request.box = parseBox(v);
            if (!request.box) return usageError("export", "--bbox takes W,S,E,N with W <= E and S <= N");
        } else if (a == "--size") {
            char x = 0;
            std::istringstream in(v);
            if (!(in >> request.width >> x >> request.height) || x != 'x') return usageError("export", "--size takes WIDTHxHEIGHT, e.g. 1600x1000");
        } else {
            request.title = v;
        }
    }
    if (files.empty()) return usageError("export", "give at least one file");
    if (until && (!date || *until < *date)) return usageError("export", "--each-day-until needs --date, and a day on or after it");
    if (until && daysBetween(*date, *until) >= 3660) return usageError("export", "--each-day-until: at most ten years of frames");
    if (!(endsWithIgnoringCase(request.out, ".png") || endsWithIgnoringCase(request.out, ".pdf") ||
          endsWithIgnoringCase(request.out, ".svg")))
        return usageError("export", "--out names the snapshot to write (.png, .pdf or .svg)");
    if (request.width < 200 || request.height < 150 || request.width > 20000 || request.height > 20000)
        return usageError("export", "--size is from 200x150 to 20000x20000 pixels");
    Loaded loaded = loadAll(files, {}, options);
    const Dataset& d = loaded.dataset;
    if (loaded.bad && d.events.empty() && d.sites.empty()) return kBadInput;
    if (!resolveActors(d, actors, request.filter, "export")) return kBadInput;
    const EventIndex index(d);
    const Date first = date.value_or(index.size() > 0 ? index.lastDate() : Date());
    const Date last = until.value_or(first);
    auto windowEnding = [&](Date day) {
        EventFilter f = request.filter;
        f.to = day;
        if (windowDays > 0) f.from = day.addDays(1 - windowDays);
        return f;
    };
    if (until && !request.box) { // the frames of an animation show one area: around all their incidents
        EventFilter span = windowEnding(last);
        span.from = windowDays > 0 ? first.addDays(1 - windowDays) : std::optional<Date>();
        request.box = boxAroundEvents(d, index.select(span));
    }
    const auto dot = request.out.find_last_of('.');
    for (Date day = first; !(last < day); day = day.addDays(1)) {
        ExportRequest frame = request;
        frame.filter = windowEnding(day);
        frame.situationDate = day;
        if (until) frame.out = request.out.substr(0, dot) + "-" + day.toString() + request.out.substr(dot);
        for (const auto& problem : writer(d, index, frame)) {
            std::fprintf(stderr, "conflict-atlas export: %s\n", problem.toString().c_str());
            return kBadInput;
        }
        std::fprintf(stderr, "%zu incidents drawn to %s\n", index.count(frame.filter), frame.out.c_str());
    }
    return loaded.bad ? kBadInput : kOk;
}

// --- convert --------------------------------------------------------------------------------

const char* kConvertHelp =
    "usage: conflict-atlas convert IN OUT [--from FORMAT] [--to FORMAT]\n"
    "Formats follow the extensions: .atlas.json/.json native, .csv ACLED-style CSV (read as an\n"
    "ACLED or UCDP GED export), .geojson GeoJSON, .kml KML 2.2 (written only). --from/--to override.\n"
    "The output is written atomically (a temporary file beside it, then a rename).\n";

int convert(const std::vector<std::string>& args, const InputOptions& options) {
    std::vector<std::string> paths;
    std::string from, to;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--help" || args[i] == "-h") return printHelp(kConvertHelp);
        if (args[i] == "--from" || args[i] == "--to") {
            if (i + 1 >= args.size()) return usageError("convert", args[i] + " needs a format");
            (args[i] == "--from" ? from : to) = args[i + 1];
            ++i;
            continue;
        }
        if (args[i].rfind("--", 0) == 0) return usageError("convert", "unknown option " + args[i]);
        paths.push_back(args[i]);
    }
    if (paths.size() != 2) return usageError("convert", "give IN and OUT");
    const auto inFormat = formatOf(paths[0], from);
    const auto outFormat = formatOf(paths[1], to);
    if (!inFormat || *inFormat == Format::Kml) return usageError("convert", "cannot read the format of " + paths[0]);
    if (!outFormat) return usageError("convert", "cannot tell the output format of " + paths[1]);
    Loaded loaded = loadAll({paths[0]}, from, options);
    if (loaded.bad && loaded.dataset.events.empty()) return kBadInput;
    const Dataset& d = loaded.dataset;
    std::vector<std::uint32_t> all(d.events.size());
    for (std::uint32_t i = 0; i < all.size(); ++i) all[i] = i;
    const auto problems = writeFileAtomically(paths[1], [&](std::ostream& out) {
        switch (*outFormat) {
        case Format::Native: out << writeNativeText(d); break;
        case Format::GeoJson: writeGeoJsonDataset(d, out); break; // the full model
        case Format::Kml: writeKml(d, all, out); break;
        case Format::Acled:
        case Format::Csv: writeAcledCsv(d, all, out); break;
        }
    });
    for (const auto& diag : problems) {
        std::fprintf(stderr, "conflict-atlas convert: %s\n", diag.toString().c_str());
        return kBadInput;
    }
    std::fprintf(stderr, "%zu events written to %s\n", d.events.size(), paths[1].c_str());
    // CSV and KML hold events only: say what stayed behind, so nobody believes the file whole.
    if (*outFormat == Format::Kml || *outFormat == Format::Csv || *outFormat == Format::Acled) {
        std::vector<std::string> left;
        auto count = [&](std::size_t n, const char* what) {
            if (n > 0) left.push_back(std::to_string(n) + " " + what);
        };
        count(d.sites.size(), d.sites.size() == 1 ? "site with its status history" : "sites with their status histories");
        count(d.lines.size(), d.lines.size() == 1 ? "line" : "lines");
        count(d.areas.size(), d.areas.size() == 1 ? "area" : "areas");
        const auto grouped = std::count_if(d.actors.begin(), d.actors.end(), [](const Actor& a) { return !a.parent.empty(); });
        const auto aliased = std::count_if(d.actors.begin(), d.actors.end(), [](const Actor& a) { return !a.aliases.empty(); });
        count(static_cast<std::size_t>(grouped), "actors' umbrella groups");
        count(static_cast<std::size_t>(aliased), "actors' aliases");
        std::size_t linked = 0;
        for (const Event& e : d.events) linked += e.links.size();
        count(linked, "links between events");
        if (!d.metadata.description.empty() || !d.metadata.licence.empty()) left.push_back("the dataset's description and licence");
        if (!left.empty()) {
            std::string sentence;
            for (std::size_t i = 0; i < left.size(); ++i) sentence += (i == 0 ? "" : i + 1 == left.size() ? " and " : ", ") + left[i];
            std::fprintf(stderr, "left out (%s holds events only): %s; convert to .atlas.json or .geojson to keep them\n",
                         *outFormat == Format::Kml ? "KML" : "CSV", sentence.c_str());
        }
    }
    return loaded.bad ? kBadInput : kOk;
}

} // namespace

bool isCliCommand(int argc, char** argv) {
    if (argc < 2) return false;
    return !std::strcmp(argv[1], "info") || !std::strcmp(argv[1], "query") || !std::strcmp(argv[1], "convert") ||
           !std::strcmp(argv[1], "export");
}

int runCli(int argc, char** argv, const ExportWriter& exportWriter) {
    const std::string command = argv[1];
    std::vector<std::string> args;
    InputOptions options;
    const std::pair<const char*, std::string*> valued[] = {{"--actor-map", &options.actorMap},
                                                           {"--date-property", &options.geoJson.dateProperty},
                                                           {"--end-date-property", &options.geoJson.endDateProperty}};
    for (int i = 2; i < argc; ++i) {
        const auto option = std::find_if(std::begin(valued), std::end(valued), [&](const auto& o) { return std::strcmp(argv[i], o.first) == 0; });
        if (option == std::end(valued)) {
            args.emplace_back(argv[i]);
            continue;
        }
        if (i + 1 >= argc || argv[i + 1][0] == '\0') return usageError(argv[1], std::string(option->first) + " needs a value");
        *option->second = argv[++i];
    }
    if (command == "info") return info(args, options);
    if (command == "query") return query(args, options);
    if (command == "export") return exportSnapshot(args, options, exportWriter);
    return convert(args, options);
}
