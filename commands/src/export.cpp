#include "common.h"

#include "atlas/io/acled.h"
#include "atlas/io/atomic_file.h"
#include "atlas/io/gdal_layer.h"
#include "atlas/io/geojson.h"
#include "atlas/io/kml.h"
#include "atlas/io/native_format.h"
#include "atlas/io/read_any.h"
#include "atlas/io/recipe.h"
#include "atlas/io/video_writer.h"
#include "atlas/io/text.h"
#include "atlas/io/ucdp.h"
#include "atlas/io/workspace.h"
#include "atlas/model/actor_mapping.h"
#include "atlas/model/merge.h"
#include "atlas/query/area_aggregation.h"
#include "atlas/query/query.h"
#include "atlas/render/area_shading.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <unistd.h>
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
    "usage: conflict-atlas export FILE... --out OUT.png|.pdf|.svg|.mp4|.webm|.gif [options]\n"
    "       conflict-atlas export --recipe NAME.recipe.json [--out OUT] [--allow-changed]\n"
    "Draws the map as the window would (offline basemap, symbols, sites, lines and areas on the\n"
    "date) with title, date range, legend, scale bar, north arrow and attribution; no display needed.\n"
    "Every image and video records how it was made (PNG text, PDF XMP, SVG metadata, video tags)\n"
    "and gets a sidecar OUT.recipe.json that --recipe draws again.\n"
    "  --out FILE             .png, or .pdf / .svg (vector symbols and text), or a video of\n"
    "                         --date to --each-day-until: .mp4 (H.264), .webm (VP9), .gif; atomic\n"
    "  --date YYYY-MM-DD      the last day shown (default: the data's last day)\n"
    "  --window DAYS          days up to the date (default 0 = everything up to it)\n"
    "  --bbox W,S,E,N         the area shown (default: around the incidents shown)\n"
    "  --size WxH             pixels (default 1600x1000; videos 1920x1080, GIFs 960x600)\n"
    "  --title TEXT           (default: the dataset's title)\n"
    "  --clusters             nearby incidents as numbered clusters, as the window's map draws\n"
    "                         them above 3,000 in view (default: every incident its own symbol)\n"
    "  --no-placement-halos   no circles round incidents placed only near a town or in a region\n"
    "  --incidents-as symbols|hexagons|heat   incidents counted per hexagon or as density, on a\n"
    "                         scale fixed over the data (as the window's Layers panel)\n"
    "  --compare-with FILE    mark what the data changed against this earlier pull (green added,\n"
    "                         amber revised, a red target where a deleted incident was)\n"
    "  --each-day-until YYYY-MM-DD   one frame a day from --date to this day: a video for\n"
    "                         .mp4/.webm/.gif, else numbered snapshots (OUT-YYYY-MM-DD.png);\n"
    "                         every frame shows one area, scales fixed across frames\n"
    "  --fps N                frames a second of a video (default 4; 0.1 to 60)\n"
    "  --hold-last SECONDS    show a video's last frame this much longer (default 2)\n"
    "  --paper A4|A3|letter   a print layout on that paper: map, title, subtitle, legend of what\n"
    "                         is drawn, counts, scale, north arrow, locator inset, attribution\n"
    "  --landscape, --portrait   the paper's orientation (default landscape)\n"
    "  --dpi N                a page's PNG resolution (default 150 with --paper; 72 to 600)\n"
    "  --subtitle TEXT, --notes TEXT   a layout's subtitle and notes box\n"
    "  --layer FILE           a reference layer (boundaries, roads; any file GDAL reads) under\n"
    "                         everything; repeatable, the first drawn lowest\n"
    "  --colour-by events|killed   colour the first layer's areas by the frame's incidents (or\n"
    "                         killed) on a scale fixed over the data, with its legend\n"
    "  --compare-from D --compare-to D   with --colour-by: colour by the change against those days\n"
    "  --recipe FILE          draw again what a recipe describes (its data checked by SHA-256:\n"
    "                         missing or changed data is named and nothing is drawn, unless\n"
    "                         --allow-changed); --out defaults to the recipe's image\n"
    "  --actor NAME, --exact-actor, --role ROLE, --exact-only, --type KEY, --text TEXT, --min-killed N,\n"
    "  --held-by SIDE, --within FILE[:NAME]   as for query\n";

namespace {

// Everything the command line (or a recipe) asks for, before the data is read.
struct ExportOptions {
    std::vector<std::string> files;
    std::optional<Project> project; // a recipe's inputs
    std::string projectPath;
    FilterOptions filters;
    std::string withinSpec;
    std::optional<Date> date, until;
    int windowDays = 0;
    bool windowGiven = false;
    std::optional<GeoBox> box;
    int width = 0, height = 0; // 0: the default for the output
    std::string out, title, subtitle, notes, compareWith, colourBy, paper;
    std::string incidentsAs = "symbols";
    bool landscape = true, clusters = false, placementHalos = true;
    int dpi = 0;
    double fps = 4, holdLast = 2;
    std::vector<std::string> layerFiles;
    std::optional<Date> compareFrom, compareTo;
};

bool isVideo(const std::string& out) { return videoFormatOf(out).has_value(); }

std::string extensionOf(const std::string& out) {
    const auto dot = out.find_last_of('.');
    return dot == std::string::npos ? std::string() : lower(out.substr(dot + 1));
}

// The options of a recipe, its paths taken from the recipe's folder.
ExportOptions optionsOfRecipe(const Recipe& recipe, const std::string& recipePath) {
    const RecipePicture& p = recipe.picture;
    ExportOptions o;
    o.project = recipe.inputs;
    o.projectPath = recipePath;
    o.filters.filter = recipe.inputs.filter;
    o.filters.actors = recipe.inputs.filter.actors; // ids: resolved again against the data
    o.filters.filter.actors.clear();
    if (p.within) o.withinSpec = resolveProjectPath(recipePath, p.within->path) + (p.withinName.empty() ? "" : ":" + p.withinName);
    o.date = p.date;
    o.until = p.until;
    o.windowDays = p.windowDays;
    o.windowGiven = true;
    o.box = p.box;
    o.width = p.width;
    o.height = p.height;
    o.title = p.title;
    o.subtitle = p.subtitle;
    o.notes = p.notes;
    o.paper = p.paper;
    o.landscape = p.landscape;
    o.dpi = p.paper.empty() ? 0 : p.dpi;
    o.clusters = p.clusters;
    o.placementHalos = p.placementHalos;
    o.incidentsAs = p.incidentsAs;
    o.fps = p.fps;
    o.holdLast = p.holdLastSeconds;
    o.colourBy = p.colourBy;
    o.compareFrom = p.compareFrom;
    o.compareTo = p.compareTo;
    for (const ProjectFile& layer : p.layers) o.layerFiles.push_back(resolveProjectPath(recipePath, layer.path));
    if (p.compareWith) o.compareWith = resolveProjectPath(recipePath, p.compareWith->path);
    // The out path: the recipe's own image beside it, unless --out says otherwise.
    const std::string base = recipePath.substr(0, recipePath.size() - (isRecipePath(recipePath) ? kRecipeExtension.size() : 0));
    o.out = extensionOf(base) == p.format ? base : base + "." + p.format;
    return o;
}

// Whether a file can be written at `path` (its folder exists and takes files).
bool folderWritable(const std::string& path) {
    const std::filesystem::path folder = std::filesystem::absolute(path).parent_path();
    std::error_code error;
    return std::filesystem::is_directory(folder, error) && ::access(folder.c_str(), W_OK) == 0;
}

int draw(ExportOptions& o, const InputOptions& options, const ExportWriter& writer);
// Why the options cannot make a picture (a usage error), if they cannot.
std::optional<std::string> refusal(const ExportOptions& o, bool sizeGiven);

} // namespace

int exportSnapshot(const std::vector<std::string>& args, const InputOptions& options, const ExportWriter& writer) {
    ExportOptions o;
    std::string recipePath;
    bool allowChanged = false, outGiven = false, sizeGiven = false;
    std::vector<std::string> given; // every option, to say which do not go with --recipe
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") return printHelp(kExportHelp);
        if (a.rfind("--", 0) != 0) {
            o.files.push_back(a);
            continue;
        }
        given.push_back(a);
        if (a == "--exact-actor" || a == "--exact-only" || a == "--actor" || a == "--role" || a == "--type" || a == "--text" || a == "--min-killed" ||
            a == "--held-by" || a == "--within") {
            if (a == "--within" && i + 1 < args.size()) o.withinSpec = args[i + 1];
            std::string error;
            takeFilterOption(args, i, o.filters, error);
            if (!error.empty()) return usageError("export", error);
            continue;
        }
        if (a == "--clusters" || a == "--landscape" || a == "--portrait" || a == "--allow-changed" || a == "--no-placement-halos") {
            if (a == "--clusters") o.clusters = true;
            else if (a == "--no-placement-halos") o.placementHalos = false;
            else if (a == "--allow-changed") allowChanged = true;
            else o.landscape = a == "--landscape";
            continue;
        }
        static const char* const withValue[] = {"--out", "--date", "--window", "--bbox", "--size", "--title", "--each-day-until", "--compare-with",
                                                "--layer", "--colour-by", "--compare-from", "--compare-to", "--incidents-as", "--fps",
                                                "--hold-last", "--paper", "--dpi", "--subtitle", "--notes", "--recipe"};
        if (std::none_of(std::begin(withValue), std::end(withValue), [&](const char* option) { return a == option; }))
            return usageError("export", "unknown option " + a);
        if (i + 1 >= args.size()) return usageError("export", a + " needs a value");
        const std::string& v = args[++i];
        auto number = [&](double& target, double low, double high, const char* what) {
            try {
                std::size_t used = 0;
                target = std::stod(v, &used);
                if (used == v.size() && target >= low && target <= high) return true;
            } catch (...) {
            }
            usageError("export", a + " takes " + what + ", not \"" + v + "\"");
            return false;
        };
        if (a == "--out") {
            o.out = v;
            outGiven = true;
        } else if (a == "--recipe") {
            recipePath = v;
        } else if (a == "--date") {
            o.date = Date::parse(v);
            if (!o.date) return usageError("export", "--date takes a date YYYY-MM-DD, not \"" + v + "\"");
        } else if (a == "--each-day-until") {
            o.until = Date::parse(v);
            if (!o.until) return usageError("export", "--each-day-until takes a date YYYY-MM-DD, not \"" + v + "\"");
        } else if (a == "--window") {
            o.windowGiven = true;
            try {
                std::size_t used = 0;
                o.windowDays = std::stoi(v, &used);
                if (used != v.size()) o.windowDays = -1;
            } catch (...) {
                o.windowDays = -1;
            }
            if (o.windowDays < 0) return usageError("export", "--window takes a number of days (0 = everything up to the date)");
        } else if (a == "--bbox") {
            o.box = parseBox(v);
            if (!o.box) return usageError("export", "--bbox takes W,S,E,N with W <= E and S <= N");
        } else if (a == "--compare-with") {
            o.compareWith = v;
        } else if (a == "--layer") {
            o.layerFiles.push_back(v);
        } else if (a == "--colour-by") {
            o.colourBy = v; // its values checked with the rest (refusal)
        } else if (a == "--incidents-as") {
            o.incidentsAs = v;
        } else if (a == "--compare-from" || a == "--compare-to") {
            const auto day = Date::parse(v);
            if (!day) return usageError("export", a + " takes a date YYYY-MM-DD, not \"" + v + "\"");
            (a == "--compare-from" ? o.compareFrom : o.compareTo) = *day;
        } else if (a == "--fps") {
            if (!number(o.fps, 0.1, 60, "frames a second from 0.1 to 60")) return kBadUsage;
        } else if (a == "--hold-last") {
            if (!number(o.holdLast, 0, 600, "seconds from 0 to 600")) return kBadUsage;
        } else if (a == "--dpi") {
            double dpi = 0;
            if (!number(dpi, 72, 600, "dots an inch from 72 to 600")) return kBadUsage;
            o.dpi = static_cast<int>(std::lround(dpi));
        } else if (a == "--paper") {
            const auto paper = paperName(v);
            if (!paper) return usageError("export", "--paper takes A4, A3 or letter, not \"" + v + "\"");
            o.paper = *paper;
        } else if (a == "--size") {
            char x = 0;
            std::istringstream in(v);
            if (!(in >> o.width >> x >> o.height) || x != 'x' || in.peek() != std::char_traits<char>::eof())
                return usageError("export", "--size takes WIDTHxHEIGHT, e.g. 1600x1000");
            sizeGiven = true;
        } else if (a == "--subtitle") {
            o.subtitle = v;
        } else if (a == "--notes") {
            o.notes = v;
        } else {
            o.title = v;
        }
    }
    if (!recipePath.empty()) {
        // A recipe says everything but where to write: other options would change the picture.
        for (const std::string& option : given)
            if (option != "--recipe" && option != "--out" && option != "--allow-changed")
                return usageError("export", option + " does not go with --recipe (the recipe says what to draw; --out where)");
        if (!o.files.empty()) return usageError("export", "--recipe names its own files");
        if (!options.actorMap.empty() || options.asKnownOn || !options.geoJson.dateProperty.empty() || !options.geoJson.endDateProperty.empty() ||
            options.geoJson.dayOrder != DayOrder::Unknown)
            return usageError("export", "--actor-map, --as-known-on and the date options do not go with --recipe (it has its own)");
        RecipeReadResult read = readRecipeFile(recipePath);
        for (const auto& problem : read.diagnostics) std::fprintf(stderr, "%s\n", problem.toString().c_str());
        if (read.failed()) return kBadInput;
        bool refused = false;
        for (const auto& problem : checkRecipeFiles(recipePath, read.recipe)) {
            std::fprintf(stderr, "%s\n", problem.toString().c_str());
            if (problem.severity == Severity::Fatal || !allowChanged) refused = true;
        }
        if (refused) {
            std::fprintf(stderr, "conflict-atlas export: the recipe's data is not as it was%s; nothing drawn\n",
                         allowChanged ? "" : " (--allow-changed draws from the data as it is now)");
            return kBadInput;
        }
        const std::string out = o.out;
        o = optionsOfRecipe(read.recipe, recipePath);
        if (outGiven) o.out = out;
        if (extensionOf(o.out) != read.recipe.picture.format)
            return usageError("export", "--out must be a ." + read.recipe.picture.format + " file, as the recipe's picture is");
        // What the recipe asks is checked as the command line's would be.
        if (const auto problem = refusal(o, false)) return usageError("export", "the recipe " + recipePath + ": " + *problem);
        InputOptions recipeInputs; // the recipe's own: its files' date settings and mappings are in it
        recipeInputs.asKnownOn = read.recipe.picture.asKnownOn;
        return draw(o, recipeInputs, writer);
    }
    if (allowChanged) return usageError("export", "--allow-changed goes with --recipe");
    if (o.files.empty()) return usageError("export", "give at least one file");
    if (const auto problem = refusal(o, sizeGiven)) return usageError("export", *problem);
    return draw(o, options, writer);
}

namespace {

std::optional<std::string> refusal(const ExportOptions& o, bool sizeGiven) {
    const std::string format = extensionOf(o.out);
    if (format != "png" && format != "pdf" && format != "svg" && !isVideo(o.out))
        return "--out names the picture to write: .png, .pdf or .svg, or a video .mp4, .webm or .gif";
    if (!o.colourBy.empty() && o.colourBy != "events" && o.colourBy != "killed") return "--colour-by takes events or killed";
    if (!o.colourBy.empty() && o.layerFiles.empty()) return "--colour-by needs a --layer with areas";
    if (o.compareFrom.has_value() != o.compareTo.has_value() || (o.compareFrom && o.colourBy.empty()))
        return "--compare-from and --compare-to go together, with --colour-by";
    if (o.compareFrom && *o.compareTo < *o.compareFrom) return "--compare-to is before --compare-from";
    if (o.until && !o.date) return "--each-day-until needs --date";
    if (o.until && *o.until < *o.date) return "--each-day-until " + o.until->toString() + " ends before --date " + o.date->toString() + " starts";
    if (o.until && daysBetween(*o.date, *o.until) >= 3660) return "--each-day-until: at most ten years of frames";
    if (isVideo(o.out) && !o.until) return "a video needs --date and --each-day-until (a frame a day)";
    if (isVideo(o.out) && !o.paper.empty()) return "--paper makes a page (.pdf, .png, .svg), not a video";
    if (!(o.fps >= 0.1 && o.fps <= 60)) return "--fps takes frames a second from 0.1 to 60";
    if (videoFormatOf(o.out) == VideoFormat::Gif && o.fps > 50) return "a GIF has at most 50 frames a second (--fps)";
    if (!(o.holdLast >= 0 && o.holdLast <= 600)) return "--hold-last takes seconds from 0 to 600";
    if (!o.paper.empty() && !paperName(o.paper)) return "--paper takes A4, A3 or letter";
    if (!o.paper.empty() && sizeGiven) return "--paper sets the size; give one or the other";
    if (o.dpi > 0 && o.paper.empty()) return "--dpi goes with --paper";
    if (o.dpi != 0 && (o.dpi < 72 || o.dpi > 600)) return "--dpi takes dots an inch from 72 to 600";
    if ((!o.subtitle.empty() || !o.notes.empty()) && o.paper.empty()) return "--subtitle and --notes go with --paper (a print layout)";
    if (o.incidentsAs != "symbols" && o.incidentsAs != "hexagons" && o.incidentsAs != "heat") return "--incidents-as takes symbols, hexagons or heat";
    if (!folderWritable(o.out)) return "cannot write " + o.out + ": its folder does not exist or is not writable";
    return std::nullopt;
}

int draw(ExportOptions& o, const InputOptions& options, const ExportWriter& writer) {
    const bool video = isVideo(o.out);
    ExportRequest request;
    request.out = o.out;
    request.title = o.title;
    request.subtitle = o.subtitle;
    request.notes = o.notes;
    request.clusters = o.clusters;
    request.placementHalos = o.placementHalos;
    request.incidentsAs = o.incidentsAs;
    request.fps = o.fps;
    request.box = o.box;
    if (!o.paper.empty()) {
        // The page laid out at 96 pixels an inch (the furniture's sizes are in those pixels).
        std::tie(request.width, request.height) = paperPixels(o.paper, o.landscape);
        request.paper = o.paper;
        request.landscape = o.landscape;
        request.dpi = o.dpi > 0 ? o.dpi : 150;
    } else if (o.width > 0) {
        request.width = o.width;
        request.height = o.height;
    } else if (video) {
        const bool gif = videoFormatOf(o.out) == VideoFormat::Gif;
        request.width = gif ? 960 : 1920;
        request.height = gif ? 600 : 1080;
    }
    if (request.width < 200 || request.height < 150 || request.width > 20000 || request.height > 20000)
        return usageError("export", "--size is from 200x150 to 20000x20000 pixels");
    if (video && (request.width > 8192 || request.height > 8192)) return usageError("export", "a video is at most 8192x8192 pixels");
    request.holdLastFrames = static_cast<int>(std::lround(o.holdLast * o.fps));

    FilterOptions filters = o.filters;
    Loaded loaded = loadAll(o.files, {}, options, o.project, o.projectPath);
    const Dataset& d = loaded.dataset;
    if (loaded.bad && d.events.empty() && d.sites.empty()) return kBadInput;
    const bool fromRecipe = o.project.has_value();
    if (loaded.project && !fromRecipe) {
        // The project's filters, day, window and view, for what the command line leaves open.
        const Project& project = *loaded.project;
        applyProjectFilters(filters, project);
        if (!o.date) o.date = project.date;
        if (!o.windowGiven && o.date && project.windowStart) o.windowDays = daysBetween(*project.windowStart, *o.date) + 1;
        else if (!o.windowGiven && project.windowDays > 0) o.windowDays = project.windowDays;
        if (!request.box && project.view) request.box = boxOfView(*project.view, request.width, request.height);
    }
    if (!o.withinSpec.empty() && fromRecipe) {
        std::string error;
        const auto region = regionOfLayerFile(o.withinSpec, error);
        if (!region) return usageError("export", error);
        filters.filter.region = region->first;
        filters.filter.regionName = region->second;
    }
    if (!resolveActorsOrSay(d, filters, "export")) return kBadInput;
    // Every filter option as query has it, but the time and the area: --date/--window make each
    // frame's window, --bbox is the view.
    request.filter = filters.filter;
    request.filter.from.reset();
    request.filter.to.reset();
    request.filter.box.reset();
    if (!o.compareWith.empty()) {
        // The earlier pull, read as the inputs are; what changed since is marked on every frame.
        LoadResult earlier = load(o.compareWith, {}, options);
        for (const auto& problem : earlier.diagnostics) std::fprintf(stderr, "%s\n", problem.toString().c_str());
        if (earlier.failed()) return kBadInput;
        // Its actors mapped as the inputs' are, so ids compare like for like.
        if (!options.actorMap.empty()) (void)applyActorMapping(earlier.dataset, readActorMappingFile(options.actorMap));
        request.earlierPull = std::make_shared<const Dataset>(std::move(earlier.dataset));
        request.changes = comparePulls(*request.earlierPull, d);
        std::size_t counts[3] = {0, 0, 0};
        for (const PullChange& change : request.changes) ++counts[static_cast<int>(change.kind)];
        std::fprintf(stderr, "against %s: %zu added, %zu revised, %zu deleted\n", fileNameOf(o.compareWith).c_str(), counts[0], counts[1], counts[2]);
    }
    // Reference layers, and the one coloured by incidents (its first with areas).
    int colourLayer = -1;
    for (const std::string& file : o.layerFiles) {
        ReferenceLayersRead read = readReferenceLayers(file);
        for (const auto& problem : read.diagnostics) std::fprintf(stderr, "%s\n", problem.toString().c_str());
        if (read.failed()) return kBadInput;
        for (ReferenceLayer& layer : read.layers) {
            if (colourLayer < 0 && !o.colourBy.empty() && layer.areaCount() > 0) colourLayer = static_cast<int>(request.layers.size());
            request.layers.push_back({std::make_shared<const ReferenceLayer>(std::move(layer)), {}});
        }
    }
    if (!o.colourBy.empty() && colourLayer < 0) return usageError("export", "--colour-by: no --layer has areas");
    request.colourLayer = colourLayer;
    const EventIndex index(d);
    const bool killed = o.colourBy == "killed";
    std::vector<std::int32_t> areaOfEvent;
    std::vector<std::uint64_t> classes;
    if (colourLayer >= 0) {
        const ReferenceLayer& layer = *request.layers[static_cast<std::size_t>(colourLayer)].layer;
        areaOfEvent = locateEvents(d.events, PolygonIndex(layer.polygons()));
        // The scale fixed over the data for this window length, as the window's (every frame alike).
        EventFilter window = request.filter;
        if (o.windowDays > 0 && index.size() > 0) {
            window.to = index.lastDate();
            window.from = index.lastDate().addDays(1 - o.windowDays);
        }
        classes = render::areaScaleClasses(index, window, areaOfEvent, layer.features.size(), killed);
        request.areaLegendTitle = std::string(killed ? "Killed (at least)" : "Incidents") +
                                  (o.compareFrom ? " against " + o.compareFrom->toString() + " – " + o.compareTo->toString()
                                                 : " per area of " + layer.name + " in the window (scale fixed over the data)");
    }
    const Date first = o.date.value_or(index.size() > 0 ? index.lastDate() : Date());
    const Date last = o.until.value_or(first);
    auto windowEnding = [&](Date day) {
        EventFilter f = request.filter;
        f.to = day;
        if (o.windowDays > 0) f.from = day.addDays(1 - o.windowDays);
        return f;
    };
    if (!request.box) {
        // One area for every frame: around all their incidents (the whole animation's).
        EventFilter span = windowEnding(last);
        span.from = o.windowDays > 0 ? first.addDays(1 - o.windowDays) : std::optional<Date>();
        request.box = boxAroundEvents(d, index.select(span));
        if (!request.box) request.box = GeoBox{35.6, 34.9, 37.7, 36.75}; // nothing to draw: north-west Syria
    }
    auto frameOf = [&](Date day) {
        ExportRequest::Frame frame;
        frame.filter = windowEnding(day);
        frame.situationDate = day;
        if (colourLayer >= 0) {
            const std::size_t areas = request.layers[static_cast<std::size_t>(colourLayer)].layer->features.size();
            std::optional<AreaCounts> before;
            if (o.compareFrom) {
                EventFilter earlier = frame.filter;
                earlier.from = o.compareFrom;
                earlier.to = o.compareTo;
                before = index.countByArea(earlier, areaOfEvent, areas);
            }
            const render::AreaShading shading = render::shadeAreas(index.countByArea(frame.filter, areaOfEvent, areas), before, classes, killed);
            frame.colourLayerFills = shading.fills;
            frame.areaLegend = shading.legend;
        }
        return frame;
    };
    auto apply = [&](ExportRequest& target, const ExportRequest::Frame& frame) {
        target.filter = frame.filter;
        target.situationDate = frame.situationDate;
        if (colourLayer >= 0) {
            target.layers[static_cast<std::size_t>(colourLayer)].fills = frame.colourLayerFills;
            target.areaLegend = frame.areaLegend;
        }
    };

    // How the picture was made, every choice resolved: inside the file and beside it.
    Recipe recipe;
    recipe.program = programVersion();
    // The files in the order they were read (a project's where it stands among them), each
    // with the date settings it was read with.
    auto identified = [&](const std::string& path, const GeoJsonOptions& own) {
        ProjectFile file = identifyFile(path);
        const bool ownSettings = !own.dateProperty.empty() || !own.endDateProperty.empty() || own.dayOrder != DayOrder::Unknown;
        file.geoJson = ownSettings ? own : options.geoJson;
        if (ownSettings && options.geoJson.dayOrder != DayOrder::Unknown) file.geoJson.dayOrder = options.geoJson.dayOrder;
        return file;
    };
    auto addProjectFiles = [&] {
        for (const ProjectFile& file : loaded.project->files)
            recipe.inputs.files.push_back(identified(resolveProjectPath(loaded.projectPath, file.path), file.geoJson));
        recipe.inputs.actorMapping = loaded.project->actorMapping;
        recipe.inputs.duplicates = loaded.project->duplicates;
    };
    if (loaded.project && fromRecipe) addProjectFiles(); // read first (loadAll)
    for (const std::string& path : o.files) {
        if (!isProjectPath(path)) recipe.inputs.files.push_back(identified(path, {}));
        else if (loaded.project && !fromRecipe && path == loaded.projectPath) addProjectFiles();
    }
    if (!options.actorMap.empty()) {
        const auto mapping = readActorMappingFile(options.actorMap);
        recipe.inputs.actorMapping.insert(recipe.inputs.actorMapping.end(), mapping.entries.begin(), mapping.entries.end());
    }
    recipe.inputs.filter = request.filter;
    recipe.inputs.filter.region.reset();
    recipe.inputs.filter.regionName.clear();
    RecipePicture& picture = recipe.picture;
    picture.format = extensionOf(o.out);
    picture.date = first;
    picture.windowDays = o.windowDays;
    picture.until = o.until;
    picture.fps = o.fps;
    picture.holdLastSeconds = o.holdLast;
    picture.box = *request.box;
    picture.width = request.width;
    picture.height = request.height;
    picture.paper = request.paper;
    picture.landscape = request.landscape;
    picture.dpi = request.dpi;
    picture.title = o.title;
    picture.subtitle = o.subtitle;
    picture.notes = o.notes;
    picture.clusters = o.clusters;
    picture.placementHalos = o.placementHalos;
    picture.incidentsAs = o.incidentsAs;
    for (const std::string& file : o.layerFiles) picture.layers.push_back(identifyFile(file));
    picture.colourBy = o.colourBy;
    picture.compareFrom = o.compareFrom;
    picture.compareTo = o.compareTo;
    if (!o.withinSpec.empty()) {
        const auto [file, name] = splitLayerSpec(o.withinSpec);
        picture.within = identifyFile(file);
        picture.withinName = name;
    }
    if (!o.compareWith.empty()) picture.compareWith = identifyFile(o.compareWith);
    picture.asKnownOn = options.asKnownOn;

    auto writeSidecar = [&](const Recipe& written) {
        const std::string path = recipePathFor(o.out);
        for (const auto& problem : writeRecipeFile(path, written)) {
            std::fprintf(stderr, "conflict-atlas export: %s\n", problem.toString().c_str());
            return false;
        }
        std::fprintf(stderr, "recipe written to %s\n", path.c_str());
        return true;
    };
    if (video) {
        for (Date day = first; !(last < day); day = day.addDays(1)) request.frames.push_back(frameOf(day));
        apply(request, request.frames.front());
        request.recipe = recipeText(recipe, RecipeForm::Embedded);
        for (const auto& problem : writer(d, index, request)) {
            std::fprintf(stderr, "conflict-atlas export: %s\n", problem.toString().c_str());
            return kBadInput;
        }
        std::fprintf(stderr, "%zu frames (%s to %s) written to %s\n", request.frames.size(), first.toString().c_str(), last.toString().c_str(),
                     o.out.c_str());
        if (!writeSidecar(recipe)) return kBadInput;
        return loaded.bad ? kBadInput : kOk;
    }
    const auto dot = o.out.find_last_of('.');
    for (Date day = first; !(last < day); day = day.addDays(1)) {
        ExportRequest frame = request;
        apply(frame, frameOf(day));
        // Each snapshot of a series records its own day, so any one can be drawn again alone.
        Recipe own = recipe;
        own.picture.date = day;
        own.picture.until.reset();
        frame.recipe = recipeText(own, RecipeForm::Embedded);
        if (o.until) frame.out = o.out.substr(0, dot) + "-" + day.toString() + o.out.substr(dot);
        for (const auto& problem : writer(d, index, frame)) {
            std::fprintf(stderr, "conflict-atlas export: %s\n", problem.toString().c_str());
            return kBadInput;
        }
        std::fprintf(stderr, "%zu incidents drawn to %s\n", index.count(frame.filter), frame.out.c_str());
    }
    if (!writeSidecar(recipe)) return kBadInput;
    return loaded.bad ? kBadInput : kOk;
}

} // namespace

// --- convert --------------------------------------------------------------------------------


} // namespace atlas::commands::detail
