#include "common.h"

#include "atlas/geo/geo.h"
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
        const GeoBox box = *boundsOfEvents(d.events);
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


} // namespace atlas::commands::detail
