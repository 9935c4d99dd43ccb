#include "atlas/io/area_table.h"

#include "atlas/io/csv.h"
#include "atlas/query/area_aggregation.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

namespace atlas {

namespace {

constexpr const char* kOutsideName = "(outside every area)";

std::string percentText(std::optional<double> percent) {
    if (!percent) return "";
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", *percent);
    return text;
}

std::string areaName(const AreaTable& table, std::size_t area) {
    return table.layer->label(area, table.nameField >= 0 ? table.nameField : table.layer->labelField);
}

// The split's columns: every side or type key, in vocabulary order.
std::vector<std::string> splitKeys(AreaSplit split) {
    std::vector<std::string> keys;
    if (split == AreaSplit::Side)
        for (int s = 0; s < kSideCount; ++s) keys.emplace_back(toKey(static_cast<Side>(s)));
    if (split == AreaSplit::Type)
        for (int t = 0; t < kEventTypeCount; ++t) keys.emplace_back(toKey(static_cast<EventType>(t)));
    return keys;
}

std::uint32_t splitValue(const AreaTotals& totals, AreaSplit split, std::size_t i) {
    return split == AreaSplit::Side ? totals.bySide[i] : totals.byType[i];
}

} // namespace

void writeAreaTableCsv(const AreaTable& table, std::ostream& out) {
    const std::vector<std::string> keys = splitKeys(table.split);
    if (table.header) {
        out << (table.period.empty() ? "" : "period,") << "area,fid,events,killed_at_least";
        if (table.before) out << ",events_before,killed_before,change_percent,change";
        for (const std::string& key : keys) out << "," << (table.split == AreaSplit::Side ? "side_" : "type_") << key;
        out << "\n";
    }
    const auto row = [&](const std::string& name, const std::string& fid, const AreaTotals& totals, const AreaTotals* before) {
        if (!table.period.empty()) out << table.period << ",";
        out << delimitedField(name) << "," << fid << "," << totals.events << "," << totals.killedAtLeast;
        if (table.before) {
            out << "," << before->events << "," << before->killedAtLeast << "," << percentText(percentChange(before->events, totals.events))
                << "," << toKey(changeBand(before->events, totals.events));
        }
        for (std::size_t i = 0; i < keys.size(); ++i) out << "," << splitValue(totals, table.split, i);
        out << "\n";
    };
    for (std::size_t a = 0; a < table.counts.areas.size(); ++a)
        row(areaName(table, a), std::to_string(table.layer->features[a].fid), table.counts.areas[a],
            table.before ? &table.before->areas[a] : nullptr);
    row(kOutsideName, "", table.counts.outside, table.before ? &table.before->outside : nullptr);
}

void writeAreaTableGeoJson(const AreaTable& table, std::ostream& out) {
    const std::vector<std::string> keys = splitKeys(table.split);
    const auto properties = [&](const AreaTotals& totals, const AreaTotals* before) {
        nlohmann::ordered_json p;
        p["events"] = totals.events;
        p["killed_at_least"] = totals.killedAtLeast;
        if (before) {
            p["events_before"] = before->events;
            p["killed_before"] = before->killedAtLeast;
            const auto percent = percentChange(before->events, totals.events);
            p["change_percent"] = percent ? nlohmann::ordered_json(std::round(*percent * 10) / 10) : nlohmann::ordered_json();
            p["change"] = toKey(changeBand(before->events, totals.events));
        }
        for (std::size_t i = 0; i < keys.size(); ++i)
            p[(table.split == AreaSplit::Side ? "side_" : "type_") + keys[i]] = splitValue(totals, table.split, i);
        return p;
    };
    nlohmann::ordered_json collection;
    collection["type"] = "FeatureCollection";
    nlohmann::ordered_json features = nlohmann::ordered_json::array();
    for (std::size_t a = 0; a < table.counts.areas.size(); ++a) {
        const ReferenceFeature& f = table.layer->features[a];
        if (!f.isArea()) continue;
        nlohmann::ordered_json feature;
        feature["type"] = "Feature";
        nlohmann::ordered_json p;
        p["area"] = areaName(table, a);
        p["fid"] = f.fid;
        for (std::size_t i = 0; i < table.layer->fields.size() && i < f.values.size(); ++i) p[table.layer->fields[i]] = f.values[i];
        p.update(properties(table.counts.areas[a], table.before ? &table.before->areas[a] : nullptr));
        feature["properties"] = std::move(p);
        const auto ringJson = [](const std::vector<GeoPoint>& ring) {
            nlohmann::ordered_json coordinates = nlohmann::ordered_json::array();
            for (const GeoPoint& p2 : ring) coordinates.push_back({p2.longitude, p2.latitude});
            if (!ring.empty() && (ring.front().latitude != ring.back().latitude || ring.front().longitude != ring.back().longitude))
                coordinates.push_back({ring.front().longitude, ring.front().latitude});
            return coordinates;
        };
        // Each polygon its outline and holes; rings without that structure, each a polygon.
        nlohmann::ordered_json polygons = nlohmann::ordered_json::array();
        std::vector<std::uint32_t> starts = f.polygonStarts;
        if (starts.empty())
            for (std::uint32_t r = 0; r < f.area.rings.size(); ++r) starts.push_back(r);
        for (std::size_t k = 0; k < starts.size(); ++k) {
            const std::size_t end = k + 1 < starts.size() ? starts[k + 1] : f.area.rings.size();
            nlohmann::ordered_json polygon = nlohmann::ordered_json::array();
            for (std::size_t r = starts[k]; r < end; ++r) polygon.push_back(ringJson(f.area.rings[r]));
            polygons.push_back(std::move(polygon));
        }
        feature["geometry"] = {{"type", "MultiPolygon"}, {"coordinates", std::move(polygons)}};
        features.push_back(std::move(feature));
    }
    collection["features"] = std::move(features);
    collection["outside"] = properties(table.counts.outside, table.before ? &table.before->outside : nullptr);
    out << collection.dump() << "\n";
}

} // namespace atlas
