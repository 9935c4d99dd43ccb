#include "atlas/commands/commands.h"

#include "common.h"

#include <algorithm>
#include <cstring>

namespace atlas::commands {

namespace {

// The options every command takes, for reading its inputs; the rest go to the command.
bool splitInputOptions(const char* command, const std::vector<std::string>& arguments, std::vector<std::string>& rest,
                       detail::InputOptions& options, int& failure) {
    std::string asKnownOn, dateFormat;
    const std::pair<const char*, std::string*> valued[] = {{"--as-known-on", &asKnownOn},
                                                           {"--date-format", &dateFormat},
                                                           {"--actor-map", &options.actorMap},
                                                           {"--date-property", &options.geoJson.dateProperty},
                                                           {"--end-date-property", &options.geoJson.endDateProperty}};
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const auto option = std::find_if(std::begin(valued), std::end(valued), [&](const auto& o) { return arguments[i] == o.first; });
        if (option == std::end(valued)) {
            rest.push_back(arguments[i]);
            continue;
        }
        if (i + 1 >= arguments.size() || arguments[i + 1].empty()) {
            failure = detail::usageError(command, std::string(option->first) + " needs a value");
            return false;
        }
        *option->second = arguments[++i];
    }
    if (!dateFormat.empty()) {
        if (dateFormat == "dmy") options.geoJson.dayOrder = DayOrder::DayFirst;
        else if (dateFormat == "mdy") options.geoJson.dayOrder = DayOrder::MonthFirst;
        else {
            failure = detail::usageError(command, "--date-format takes dmy (03/04/2011 = 3 April) or mdy (= 4 March), not \"" + dateFormat + "\"");
            return false;
        }
    }
    if (!asKnownOn.empty()) {
        options.asKnownOn = Date::parse(asKnownOn);
        if (!options.asKnownOn) {
            failure = detail::usageError(command, "--as-known-on takes a day as YYYY-MM-DD, not \"" + asKnownOn + "\"");
            return false;
        }
    }
    return true;
}

// The input options taken out of `arguments`, then the command run on the rest.
template <typename Body>
int withInputs(const char* command, const std::vector<std::string>& arguments, Body body) {
    std::vector<std::string> rest;
    detail::InputOptions options;
    int failure = 0;
    return splitInputOptions(command, arguments, rest, options, failure) ? body(rest, options) : failure;
}

int runInfo(const std::vector<std::string>& arguments, const ExportWriter&) { return withInputs("info", arguments, detail::info); }
int runQuery(const std::vector<std::string>& arguments, const ExportWriter&) { return withInputs("query", arguments, detail::query); }
int runSituation(const std::vector<std::string>& arguments, const ExportWriter&) {
    return withInputs("situation", arguments, detail::situation);
}
int runDedupe(const std::vector<std::string>& arguments, const ExportWriter&) {
    return withInputs("dedupe", arguments, detail::dedupe);
}
int runAggregate(const std::vector<std::string>& arguments, const ExportWriter&) {
    return withInputs("aggregate", arguments, detail::aggregate);
}
int runConvert(const std::vector<std::string>& arguments, const ExportWriter&) {
    return withInputs("convert", arguments, detail::convert);
}
int runDb(const std::vector<std::string>& arguments, const ExportWriter&) { return withInputs("db", arguments, detail::db); }
int runExport(const std::vector<std::string>& arguments, const ExportWriter& writer) {
    return withInputs("export", arguments, [&](const std::vector<std::string>& rest, const detail::InputOptions& options) {
        return detail::exportSnapshot(rest, options, writer);
    });
}

} // namespace

const std::vector<Command>& allCommands() {
    static const std::vector<Command> table{
        {"info", "counts by kind, type and side, dates, the bounding box and the actors", runInfo, false},
        {"query", "the events that match filters, as CSV, GeoJSON, KML or native JSON", runQuery, false},
        {"convert", "a file into another format (the full model to .atlas.json and .geojson)", runConvert, false},
        {"situation", "each site's status and the lines and areas in force on a day, as JSON or GeoJSON", runSituation, false},
        {"dedupe", "pairs of events that may be one incident reported twice, with scores and reasons", runDedupe, false},
        {"aggregate", "incidents and killed per area of a boundary file (and the change between two periods)", runAggregate, false},
        {"export", "a map snapshot as PNG, PDF or SVG, a page, or a video or GIF of the days", runExport, true},
        {"db", "a team's shared store on PostgreSQL/PostGIS: init, status, push, pull", runDb, false},
    };
    return table;
}

const Command* findCommand(const std::string& name) {
    const auto& table = allCommands();
    const auto found = std::find_if(table.begin(), table.end(), [&](const Command& c) { return name == c.name; });
    return found == table.end() ? nullptr : &*found;
}

int run(const std::vector<std::string>& arguments, const ExportWriter& exportWriter) {
    if (arguments.empty()) return detail::usageError("", "give a command: info, query, convert or export");
    const Command* command = findCommand(arguments.front());
    if (!command) return detail::usageError(arguments.front().c_str(), "no such command (info, query, convert, export)");
    return command->run(std::vector<std::string>(arguments.begin() + 1, arguments.end()), exportWriter);
}

} // namespace atlas::commands
