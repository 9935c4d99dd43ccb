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
#include "atlas/query/filter_description.h"
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

const char* kQueryHelp =
    "usage: conflict-atlas query FILE... [options]\n"
    "Prints the events that match, in date order.\n"
    "  --format csv|geojson|kml|json   output (default csv; json = a native .atlas.json document)\n"
    "  --out FILE      write the matching events, with every actor, site, line and area, to FILE\n"
    "                  (.gpkg, .atlas.json, .geojson, .csv or .kml by its extension) instead\n"
    "Filters (the window takes them too):\n";


int query(const std::vector<std::string>& args, const InputOptions& options) {
    std::vector<std::string> files;
    FilterOptions filters;
    std::string format = "csv";
    std::string out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") return printHelp(kQueryHelp, kFilterOptionsHelp);
        std::string error;
        if (takeFilterOption(args, i, filters, error)) {
            if (!error.empty()) return usageError("query", error);
            continue;
        }
        if (a.rfind("--", 0) != 0) {
            files.push_back(a);
            continue;
        }
        if (a == "--out") {
            if (i + 1 >= args.size()) return usageError("query", "--out needs a file");
            out = args[++i];
            if (!formatOf(out, {})) return usageError("query", "cannot tell the format of " + out + " from its extension");
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
    if (loaded.project) applyProjectFilters(filters, *loaded.project);
    if (!resolveActorsOrSay(d, filters, "query")) return kBadInput;
    const EventFilter& filter = filters.filter;
    const EventIndex index(d);
    const auto selected = index.select(filter);
    // What the selection is, for the file's metadata (formats with none: said on stderr).
    const std::string note = selectionNote(d, filter);
    auto chosen = [&] {
        Dataset part = subset(d, selected);
        part.metadata.provenance += (part.metadata.provenance.empty() ? "" : "\n") + std::string("Selected by conflict-atlas query. ") + note;
        return part;
    };
    if (!out.empty()) {
        for (const auto& problem : writeDataset(chosen(), out, *formatOf(out, {}))) {
            std::fprintf(stderr, "conflict-atlas query: %s\n", problem.toString().c_str());
            return kBadInput;
        }
        std::fprintf(stderr, "%zu of %zu events match; written to %s\n%s\n", selected.size(), d.events.size(), out.c_str(), note.c_str());
        return loaded.bad ? kBadInput : kOk;
    }
    if (format == "geojson") writeGeoJson(d, selected, std::cout, note);
    else if (format == "kml") writeKml(d, selected, std::cout);
    else if (format == "json") std::cout << writeNativeText(chosen());
    else writeAcledCsv(d, selected, std::cout);
    std::cout.flush();
    std::fprintf(stderr, "%zu of %zu events match\n%s\n", selected.size(), d.events.size(), note.c_str());
    return loaded.bad ? kBadInput : kOk;
}

// --- export ---------------------------------------------------------------------------------


} // namespace atlas::commands::detail
