#include "atlas/geo/basemap.h"

#include <nlohmann/json.hpp>

#include <fstream>

namespace atlas {

using nlohmann::json;

namespace {

bool toPoint(const json& position, GeoPoint& point) {
    if (!position.is_array() || position.size() < 2 || !position[0].is_number() || !position[1].is_number())
        return false;
    point = {position[1].get<double>(), position[0].get<double>()};
    return point.latitude >= -90 && point.latitude <= 90 && point.longitude >= -180 && point.longitude <= 180;
}

bool toLine(const json& positions, std::vector<GeoPoint>& line) {
    if (!positions.is_array()) return false;
    line.reserve(positions.size());
    for (const json& position : positions) {
        GeoPoint point;
        if (!toPoint(position, point)) return false;
        line.push_back(point);
    }
    return true;
}

bool toLines(const json& lines, std::vector<std::vector<GeoPoint>>& parts) {
    if (!lines.is_array()) return false;
    for (const json& positions : lines) {
        std::vector<GeoPoint> line;
        if (!toLine(positions, line)) return false;
        parts.push_back(std::move(line));
    }
    return true;
}

} // namespace

BasemapLayer readBasemapLayer(const std::string& path) {
    BasemapLayer layer;
    auto problem = [&](Severity severity, const std::string& message, const std::string& pointer) {
        layer.diagnostics.push_back({severity, "basemap", message, path, 0, 0, pointer, {}});
    };
    std::ifstream stream(path, std::ios::binary);
    if (!stream) {
        problem(Severity::Fatal, "cannot open the file for reading", "");
        return layer;
    }
    json document;
    try {
        document = json::parse(stream);
    } catch (const json::exception& error) {
        problem(Severity::Fatal, std::string("not valid JSON: ") + error.what(), "");
        return layer;
    }
    const auto features = document.find("features");
    if (!document.is_object() || features == document.end() || !features->is_array()) {
        problem(Severity::Fatal, "expected a GeoJSON FeatureCollection with a \"features\" array", "");
        return layer;
    }
    for (std::size_t i = 0; i < features->size(); ++i) {
        const json& item = (*features)[i];
        const std::string pointer = "/features/" + std::to_string(i);
        const json* geometry = item.is_object() && item.contains("geometry") ? &item["geometry"] : nullptr;
        if (!geometry || !geometry->is_object() || !geometry->contains("type") ||
            !(*geometry)["type"].is_string() || !geometry->contains("coordinates")) {
            problem(Severity::Error, "feature without a usable geometry; skipped", pointer);
            continue;
        }
        BasemapFeature feature;
        if (const auto properties = item.find("properties"); properties != item.end() && properties->is_object()) {
            if (const auto name = properties->find("name"); name != properties->end() && name->is_string())
                feature.name = name->get<std::string>();
            if (const auto rank = properties->find("rank"); rank != properties->end() && rank->is_number_integer())
                feature.rank = rank->get<int>();
        }
        const std::string type = (*geometry)["type"].get<std::string>();
        const json& coordinates = (*geometry)["coordinates"];
        bool ok = false;
        if (type == "Point") {
            feature.kind = BasemapFeature::Kind::Point;
            GeoPoint point;
            ok = toPoint(coordinates, point);
            feature.parts.push_back({point});
        } else if (type == "LineString") {
            feature.kind = BasemapFeature::Kind::Line;
            std::vector<GeoPoint> line;
            ok = toLine(coordinates, line);
            feature.parts.push_back(std::move(line));
        } else if (type == "MultiLineString") {
            feature.kind = BasemapFeature::Kind::Line;
            ok = toLines(coordinates, feature.parts);
        } else if (type == "Polygon") {
            feature.kind = BasemapFeature::Kind::Polygon;
            ok = toLines(coordinates, feature.parts);
        } else if (type == "MultiPolygon") {
            feature.kind = BasemapFeature::Kind::Polygon;
            ok = coordinates.is_array();
            for (std::size_t p = 0; ok && p < coordinates.size(); ++p) ok = toLines(coordinates[p], feature.parts);
        }
        if (!ok) {
            problem(Severity::Error, "geometry of type \"" + type + "\" has invalid coordinates; skipped",
                    pointer + "/geometry");
            continue;
        }
        layer.features.push_back(std::move(feature));
    }
    return layer;
}

} // namespace atlas
