#include "common.h"

#include "atlas/io/area_table.h"
#include "atlas/io/atomic_file.h"
#include "atlas/io/text.h"
#include "atlas/query/area_aggregation.h"
#include "atlas/query/filter_description.h"
#include "atlas/query/ground_held.h"

#include <cstdio>
#include <iostream>
#include <algorithm>

namespace atlas::commands::detail {

const char* kAggregateHelp =
    "usage: conflict-atlas aggregate FILE... --by LAYER-FILE [options]\n"
    "Counts the incidents that match in each area of a boundary file (districts, sub-districts,\n"
    "control areas; any vector file GDAL reads, in any coordinate system): one row per area with\n"
    "its incidents and killed, and a last row for the incidents outside every area. The window's\n"
    "Areas panel gives the same numbers.\n"
    "  --by FILE          the boundary file (its first layer that has areas), or --by control:\n"
    "                     the data's own control areas, each incident counted in the one in\n"
    "                     force on its day (who held the ground)\n"
    "  --field NAME       the attribute that names the areas (default: ADMn_EN, shapeName, name, ...)\n"
    "  --split side|type  a column per side or per type of incident\n"
    "  --compare-from D --compare-to D\n"
    "                     a second period (A) to compare the filter's window (B) with: each area's\n"
    "                     count in A, the change in percent and its band (down25, down10, stable,\n"
    "                     up10, up25, surge at +100 %, new)\n"
    "  --per week|month|year  a table per period (a first column: the period's first day), over\n"
    "                     the filter's days or the data's: e.g. --by control --held-by opposition\n"
    "                     --type air_strike --split side --per month (CSV only)\n"
    "  --format csv|geojson   a table (default), or the areas with their counts as GeoJSON\n"
    "  --out FILE         write there (atomically) instead of to standard output\n"
    "Filters (as query's):\n";

namespace {

// The data's control areas as a layer: one feature each, named, with its holder and days.
ReferenceLayer controlAreasLayer(const Dataset& d) {
    ReferenceLayer layer;
    layer.path = "control";
    layer.name = "control areas";
    layer.fields = {"name", "controller", "side", "from", "to"};
    layer.labelField = 0;
    for (std::size_t a = 0; a < d.areas.size(); ++a) {
        const Area& area = d.areas[a];
        ReferenceFeature f;
        f.fid = static_cast<std::int64_t>(a);
        f.area.rings = area.rings;
        if (!area.rings.empty()) f.polygonStarts = {0}; // one outline, then its holes
        f.values = {area.name.empty() ? area.id : area.name, d.actorName(area.controller), std::string(toKey(d.sideOfActor(area.controller))),
                    area.validity.from.toString(), area.validity.to ? area.validity.to->toString() : ""};
        layer.features.push_back(std::move(f));
    }
    return layer;
}

} // namespace

int aggregate(const std::vector<std::string>& args, const InputOptions& options) {
    std::vector<std::string> files;
    FilterOptions filters;
    std::string layerPath, field, format = "csv", out, per;
    AreaSplit split = AreaSplit::None;
    std::optional<Date> compareFrom, compareTo;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") return printHelp(kAggregateHelp, kFilterOptionsHelp);
        std::string error;
        if (takeFilterOption(args, i, filters, error)) {
            if (!error.empty()) return usageError("aggregate", error);
            continue;
        }
        if (a.rfind("--", 0) != 0) {
            files.push_back(a);
            continue;
        }
        static const char* const withValue[] = {"--by", "--field", "--split", "--compare-from", "--compare-to", "--format", "--out", "--per"};
        if (std::none_of(std::begin(withValue), std::end(withValue), [&](const char* o) { return a == o; }))
            return usageError("aggregate", "unknown option " + a);
        if (i + 1 >= args.size()) return usageError("aggregate", a + " needs a value");
        const std::string& v = args[++i];
        if (a == "--by") layerPath = v;
        else if (a == "--field") field = v;
        else if (a == "--out") out = v;
        else if (a == "--per") {
            per = v;
            if (per != "week" && per != "month" && per != "year") return usageError("aggregate", "--per is week, month or year");
        }
        else if (a == "--format") {
            format = lower(v);
            if (format != "csv" && format != "geojson") return usageError("aggregate", "--format is csv or geojson");
        } else if (a == "--split") {
            if (v == "side") split = AreaSplit::Side;
            else if (v == "type") split = AreaSplit::Type;
            else return usageError("aggregate", "--split is side or type");
        } else {
            const auto date = Date::parse(v);
            if (!date) return usageError("aggregate", a + " takes a date YYYY-MM-DD, not \"" + v + "\"");
            (a == "--compare-from" ? compareFrom : compareTo) = *date;
        }
    }
    if (files.empty()) return usageError("aggregate", "give at least one file");
    if (layerPath.empty()) return usageError("aggregate", "--by LAYER-FILE is needed: the areas to count in");
    if (compareFrom.has_value() != compareTo.has_value())
        return usageError("aggregate", "--compare-from and --compare-to go together");
    if (compareFrom && *compareTo < *compareFrom) return usageError("aggregate", "--compare-to is before --compare-from");
    if (!per.empty() && (compareFrom || format != "csv")) return usageError("aggregate", "--per makes a CSV table, without --compare-from/--compare-to");

    Loaded loaded = loadAll(files, {}, options);
    const Dataset& d = loaded.dataset;
    if (loaded.project) applyProjectFilters(filters, *loaded.project);
    if (!resolveActorsOrSay(d, filters, "aggregate")) return kBadInput;

    // The areas: a boundary file's, or the data's control areas joined by day.
    std::optional<ReferenceLayer> layer;
    std::vector<std::int32_t> areaOfEvent;
    if (layerPath == "control") {
        layer = controlAreasLayer(d);
        areaOfEvent = groundHeldAt(d);
    } else {
        std::string error;
        layer = readPolygonLayer(layerPath, error);
        if (!layer) {
            std::fprintf(stderr, "conflict-atlas aggregate: %s\n", error.c_str());
            return kBadInput;
        }
    }
    int nameField = -1;
    if (!field.empty()) {
        nameField = layer->fieldIndex(field);
        if (nameField < 0) {
            std::string fields;
            for (const std::string& f : layer->fields) fields += (fields.empty() ? "" : ", ") + f;
            return usageError("aggregate", "the layer has no field \"" + field + "\" (it has: " + fields + ")");
        }
    }
    const EventIndex index(d);
    const std::size_t areaCount = layer->features.size();
    if (layerPath != "control") areaOfEvent = locateEvents(d.events, PolygonIndex(layer->polygons()));

    AreaTable table;
    table.layer = &*layer;
    table.nameField = nameField;
    table.split = split;
    table.counts = index.countByArea(filters.filter, areaOfEvent, areaCount);
    if (compareFrom) {
        EventFilter before = filters.filter;
        before.from = compareFrom;
        before.to = compareTo;
        table.before = index.countByArea(before, areaOfEvent, areaCount);
    }
    // The periods: the filter's days (or the data's) cut into weeks from their first day,
    // calendar months or years.
    std::vector<std::pair<Date, Date>> periods;
    if (!per.empty() && index.size() > 0) {
        const Date first = filters.filter.from.value_or(index.firstDate()), last = filters.filter.to.value_or(index.lastDate());
        for (Date start = first; !(last < start);) {
            Date next = per == "week" ? start.addDays(7)
                        : per == "month" ? *Date::fromYearMonthDay(start.month() == 12 ? start.year() + 1 : start.year(), start.month() % 12 + 1, 1)
                                         : *Date::fromYearMonthDay(start.year() + 1, 1, 1);
            periods.emplace_back(start, std::min(next.addDays(-1), last));
            start = next;
        }
    }
    const auto write = [&](std::ostream& stream) {
        if (!periods.empty()) {
            for (std::size_t p = 0; p < periods.size(); ++p) {
                AreaTable part = table;
                EventFilter window = filters.filter;
                window.from = periods[p].first;
                window.to = periods[p].second;
                part.counts = index.countByArea(window, areaOfEvent, areaCount);
                part.period = periods[p].first.toString();
                part.header = p == 0;
                writeAreaTableCsv(part, stream);
            }
            return;
        }
        if (format == "geojson") writeAreaTableGeoJson(table, stream);
        else writeAreaTableCsv(table, stream);
    };
    if (out.empty()) {
        write(std::cout);
        std::cout.flush();
    } else {
        for (const Diagnostic& problem : writeFileAtomically(out, write)) {
            std::fprintf(stderr, "conflict-atlas aggregate: %s\n", problem.toString().c_str());
            return kBadInput;
        }
    }
    std::uint64_t inAreas = 0;
    for (const AreaTotals& t : table.counts.areas) inAreas += t.events;
    std::fprintf(stderr, "%llu incidents in %zu areas of %s, %u outside them\n%s\n", static_cast<unsigned long long>(inAreas),
                 areaCount, layerPath.c_str(), table.counts.outside.events, selectionNote(d, filters.filter).c_str());
    return loaded.bad ? kBadInput : kOk;
}

} // namespace atlas::commands::detail
