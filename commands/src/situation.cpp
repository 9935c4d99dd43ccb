#include "common.h"

#include "atlas/io/situation_report.h"

#include <algorithm>
#include <cctype>
#include <iostream>
#include <string>
#include <vector>

namespace atlas::commands::detail {

const char* kSituationHelp =
    "usage: conflict-atlas situation FILE... --date YYYY-MM-DD [--format json|geojson]\n"
    "What the situation was on that day: each site's status (since when, on whose report) and\n"
    "the lines and areas in force, as JSON (default) or a GeoJSON FeatureCollection.\n"
    "  --date YYYY-MM-DD   the day (a project's own day when FILE is a project and none is given)\n"
    "  --format json|geojson\n";

int situation(const std::vector<std::string>& args, const InputOptions& options) {
    std::vector<std::string> files;
    std::optional<Date> day;
    std::string format = "json";
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") return printHelp(kSituationHelp);
        if (a.rfind("--", 0) != 0) {
            files.push_back(a);
            continue;
        }
        if (a != "--date" && a != "--format") return usageError("situation", "unknown option " + a);
        if (i + 1 >= args.size()) return usageError("situation", a + " needs a value");
        const std::string& v = args[++i];
        if (a == "--date") {
            day = Date::parse(v);
            if (!day) return usageError("situation", "--date takes a date YYYY-MM-DD, not \"" + v + "\"");
        } else {
            format = v;
            std::transform(format.begin(), format.end(), format.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            if (format != "json" && format != "geojson") return usageError("situation", "--format is json or geojson");
        }
    }
    if (files.empty()) return usageError("situation", "give at least one file");
    Loaded loaded = loadAll(files, {}, options);
    if (!day && loaded.project) day = loaded.project->date;
    if (!day) return usageError("situation", "give the day with --date YYYY-MM-DD");
    if (format == "geojson") writeSituationGeoJson(loaded.dataset, *day, std::cout);
    else writeSituationJson(loaded.dataset, *day, std::cout);
    std::cout.flush();
    return loaded.bad ? kBadInput : kOk;
}

} // namespace atlas::commands::detail
