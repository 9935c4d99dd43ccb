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

const char* kConvertHelp =
    "usage: conflict-atlas convert IN OUT [--from FORMAT] [--to FORMAT]\n"
    "Formats follow the extensions: .gpkg GeoPackage (the whole model; opens in QGIS), .atlas.json/.json\n"
    "native, .csv ACLED-style CSV (read as an ACLED or UCDP GED export), .geojson GeoJSON, .kml KML 2.2\n"
    "(written only). --from/--to override (gpkg, native, acled, ucdp, csv, geojson, kml).\n"
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
    const auto problems = writeDataset(d, paths[1], *outFormat);
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
        for (std::size_t row = 0; row < d.events.size(); ++row) linked += d.events.details(row).links.size();
        count(linked, "links between events");
        if (!d.metadata.description.empty() || !d.metadata.licence.empty()) left.push_back("the dataset's description and licence");
        if (!left.empty()) {
            std::string sentence;
            for (std::size_t i = 0; i < left.size(); ++i) sentence += (i == 0 ? "" : i + 1 == left.size() ? " and " : ", ") + left[i];
            std::fprintf(stderr, "left out (%s holds events only): %s; convert to .gpkg, .atlas.json or .geojson to keep them\n",
                         *outFormat == Format::Kml ? "KML" : "CSV", sentence.c_str());
        }
    }
    return loaded.bad ? kBadInput : kOk;
}


} // namespace atlas::commands::detail
