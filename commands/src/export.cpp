#include "common.h"

#include "atlas/io/acled.h"
#include "atlas/io/atomic_file.h"
#include "atlas/io/gdal_layer.h"
#include "atlas/io/geojson.h"
#include "atlas/io/kml.h"
#include "atlas/io/native_format.h"
#include "atlas/io/read_any.h"
#include "atlas/io/text.h"
#include "atlas/io/ucdp.h"
#include "atlas/io/workspace.h"
#include "atlas/model/actor_mapping.h"
#include "atlas/model/merge.h"
#include "atlas/query/area_aggregation.h"
#include "atlas/query/query.h"
#include "atlas/render/area_shading.h"

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
    "  --compare-with FILE    mark what the data changed against this earlier pull (green added,\n"
    "                         amber revised, a red target where a deleted incident was)\n"
    "  --each-day-until YYYY-MM-DD   one snapshot a day from --date to this day, for an animation:\n"
    "                         OUT gets -YYYY-MM-DD before its extension; every frame shows one area\n"
    "  --layer FILE           a reference layer (boundaries, roads; any file GDAL reads) under\n"
    "                         everything; repeatable, the first drawn lowest\n"
    "  --colour-by events|killed   colour the first layer's areas by the frame's incidents (or\n"
    "                         killed) on a scale fixed over the data, with its legend\n"
    "  --compare-from D --compare-to D   with --colour-by: colour by the change against those days\n"
    "  --actor NAME, --exact-actor, --role ROLE, --exact-only, --type KEY, --text TEXT, --min-killed N,\n"
    "  --held-by SIDE, --within FILE[:NAME]   as for query\n";

int exportSnapshot(const std::vector<std::string>& args, const InputOptions& options, const ExportWriter& writer) {
    std::vector<std::string> files;
    FilterOptions filters; // the filter options query has (here the time is --date/--window, the area --bbox)
    ExportRequest request;
    std::optional<Date> date, until;
    std::string compareWith, colourBy;
    std::vector<std::string> layerFiles;
    std::optional<Date> compareFrom, compareTo;
    int windowDays = 0;
    bool windowGiven = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") return printHelp(kExportHelp);
        if (a.rfind("--", 0) != 0) {
            files.push_back(a);
            continue;
        }
        if (a == "--exact-actor" || a == "--exact-only" || a == "--actor" || a == "--role" || a == "--type" || a == "--text" || a == "--min-killed" ||
            a == "--held-by" || a == "--within") {
            std::string error;
            takeFilterOption(args, i, filters, error);
            if (!error.empty()) return usageError("export", error);
            continue;
        }
        if (a == "--clusters") {
            request.clusters = true;
            continue;
        }
        static const char* const withValue[] = {"--out", "--date", "--window", "--bbox", "--size", "--title", "--each-day-until", "--compare-with",
                                                "--layer", "--colour-by", "--compare-from", "--compare-to"};
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
            windowGiven = true;
            try {
                windowDays = std::stoi(v);
            } catch (...) {
                windowDays = -1;
            }
            if (windowDays < 0) return usageError("export", "--window takes a number of days (0 = everything up to the date)");
        } else if (a == "--bbox") {
            request.box = parseBox(v);
            if (!request.box) return usageError("export", "--bbox takes W,S,E,N with W <= E and S <= N");
        } else if (a == "--compare-with") {
            compareWith = v;
        } else if (a == "--layer") {
            layerFiles.push_back(v);
        } else if (a == "--colour-by") {
            if (v != "events" && v != "killed") return usageError("export", "--colour-by takes events or killed");
            colourBy = v;
        } else if (a == "--compare-from" || a == "--compare-to") {
            const auto day = Date::parse(v);
            if (!day) return usageError("export", a + " takes a date YYYY-MM-DD, not \"" + v + "\"");
            (a == "--compare-from" ? compareFrom : compareTo) = *day;
        } else if (a == "--size") {
            char x = 0;
            std::istringstream in(v);
            if (!(in >> request.width >> x >> request.height) || x != 'x') return usageError("export", "--size takes WIDTHxHEIGHT, e.g. 1600x1000");
        } else {
            request.title = v;
        }
    }
    if (files.empty()) return usageError("export", "give at least one file");
    if (!colourBy.empty() && layerFiles.empty()) return usageError("export", "--colour-by needs a --layer with areas");
    if (compareFrom.has_value() != compareTo.has_value() || (compareFrom && colourBy.empty()))
        return usageError("export", "--compare-from and --compare-to go together, with --colour-by");
    if (compareFrom && *compareTo < *compareFrom) return usageError("export", "--compare-to is before --compare-from");
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
    if (loaded.project) {
        // The project's filters, day, window and view, for what the command line leaves open.
        const Project& project = *loaded.project;
        applyProjectFilters(filters, project);
        if (!date) date = project.date;
        if (!windowGiven && date && project.windowStart) windowDays = daysBetween(*project.windowStart, *date) + 1;
        else if (!windowGiven && project.windowDays > 0) windowDays = project.windowDays;
        if (!request.box && project.view) request.box = boxOfView(*project.view, request.width, request.height);
    }
    if (!resolveActorsOrSay(d, filters, "export")) return kBadInput;
    // Every filter option as query has it, but the time and the area: --date/--window make each
    // frame's window, --bbox is the view.
    request.filter = filters.filter;
    request.filter.from.reset();
    request.filter.to.reset();
    request.filter.box.reset();
    if (!compareWith.empty()) {
        // The earlier pull, read as the inputs are; what changed since is marked on every frame.
        LoadResult earlier = load(compareWith, {}, options);
        for (const auto& problem : earlier.diagnostics) std::fprintf(stderr, "%s\n", problem.toString().c_str());
        if (earlier.failed()) return kBadInput;
        // Its actors mapped as the inputs' are, so ids compare like for like.
        if (!options.actorMap.empty()) (void)applyActorMapping(earlier.dataset, readActorMappingFile(options.actorMap));
        request.earlierPull = std::make_shared<const Dataset>(std::move(earlier.dataset));
        request.changes = comparePulls(*request.earlierPull, d);
        std::size_t counts[3] = {0, 0, 0};
        for (const PullChange& change : request.changes) ++counts[static_cast<int>(change.kind)];
        std::fprintf(stderr, "against %s: %zu added, %zu revised, %zu deleted\n", fileNameOf(compareWith).c_str(), counts[0], counts[1], counts[2]);
    }
    // Reference layers, and the one coloured by incidents (its first with areas).
    int colourLayer = -1;
    for (const std::string& file : layerFiles) {
        ReferenceLayersRead read = readReferenceLayers(file);
        for (const auto& problem : read.diagnostics) std::fprintf(stderr, "%s\n", problem.toString().c_str());
        if (read.failed()) return kBadInput;
        for (ReferenceLayer& layer : read.layers) {
            if (colourLayer < 0 && !colourBy.empty() && layer.areaCount() > 0) colourLayer = static_cast<int>(request.layers.size());
            request.layers.push_back({std::make_shared<const ReferenceLayer>(std::move(layer)), {}});
        }
    }
    if (!colourBy.empty() && colourLayer < 0) return usageError("export", "--colour-by: no --layer has areas");
    const EventIndex index(d);
    const bool killed = colourBy == "killed";
    std::vector<std::int32_t> areaOfEvent;
    std::vector<std::uint64_t> classes;
    if (colourLayer >= 0) {
        const ReferenceLayer& layer = *request.layers[static_cast<std::size_t>(colourLayer)].layer;
        areaOfEvent = locateEvents(d.events, PolygonIndex(layer.polygons()));
        // The scale fixed over the data for this window length, as the window's (every frame alike).
        EventFilter window = request.filter;
        if (windowDays > 0 && index.size() > 0) {
            window.to = index.lastDate();
            window.from = index.lastDate().addDays(1 - windowDays);
        }
        classes = render::areaScaleClasses(index, window, areaOfEvent, layer.features.size(), killed);
        request.areaLegendTitle = std::string(killed ? "Killed (at least)" : "Incidents") +
                                  (compareFrom ? " against " + compareFrom->toString() + " – " + compareTo->toString()
                                               : " per area of " + layer.name + " in the window (scale fixed over the data)");
    }
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
        if (colourLayer >= 0) {
            const std::size_t areas = request.layers[static_cast<std::size_t>(colourLayer)].layer->features.size();
            std::optional<AreaCounts> before;
            if (compareFrom) {
                EventFilter earlier = frame.filter;
                earlier.from = compareFrom;
                earlier.to = compareTo;
                before = index.countByArea(earlier, areaOfEvent, areas);
            }
            const render::AreaShading shading = render::shadeAreas(index.countByArea(frame.filter, areaOfEvent, areas), before, classes, killed);
            frame.layers[static_cast<std::size_t>(colourLayer)].fills = shading.fills;
            frame.areaLegend = shading.legend;
        }
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


} // namespace atlas::commands::detail
