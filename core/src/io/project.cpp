#include "atlas/io/project.h"

#include "atlas/io/atomic_file.h"
#include "atlas/io/file_hash.h"
#include "atlas/io/json_position.h"
#include "atlas/model/diagnostic_codes.h"
#include "atlas/model/vocabulary.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace atlas {

namespace {

constexpr int kProjectVersion = 1;
constexpr const char* kMarker = "conflictAtlasProject";

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

// Reads the settings of a parsed project, each checked; a setting of the wrong shape is a
// warning located in the text and leaves the project's default.
class ProjectReader {
public:
    ProjectReader(std::string_view text, std::string label) : m_text(text), m_label(std::move(label)) {}

    void warn(const std::string& pointer, const std::string& message) {
        Diagnostic d;
        d.severity = Severity::Warning;
        d.code = codes::kProjectField;
        d.message = message;
        d.file = m_label;
        d.jsonPointer = pointer;
        if (const auto offset = locateJsonPointer(m_text, pointer)) {
            const TextPosition at = positionOfOffset(m_text, *offset);
            d.line = at.line;
            d.column = at.column;
        }
        diagnostics.push_back(std::move(d));
    }

    template <typename T> std::optional<T> get(const Json& object, const char* key, const std::string& pointer) {
        const auto found = object.find(key);
        if (found == object.end() || found->is_null()) return std::nullopt;
        try {
            if constexpr (std::is_same_v<T, double>) {
                if (!found->is_number()) throw std::invalid_argument("number");
            } else if constexpr (std::is_same_v<T, int> || std::is_same_v<T, std::uint64_t>) {
                if (!found->is_number_integer() && !found->is_number_unsigned()) throw std::invalid_argument("whole number");
            } else if constexpr (std::is_same_v<T, bool>) {
                if (!found->is_boolean()) throw std::invalid_argument("true or false");
            } else if constexpr (std::is_same_v<T, std::string>) {
                if (!found->is_string()) throw std::invalid_argument("text");
            }
            return found->get<T>();
        } catch (const std::exception& e) {
            warn(pointer + "/" + key, std::string("\"") + key + "\" should be " + expected<T>() + "; left out");
            return std::nullopt;
        }
    }

    std::optional<Date> date(const Json& object, const char* key, const std::string& pointer) {
        const auto text = get<std::string>(object, key, pointer);
        if (!text) return std::nullopt;
        const auto day = Date::parse(*text);
        if (!day) warn(pointer + "/" + key, std::string("\"") + key + "\" should be a date YYYY-MM-DD, not \"" + *text + "\"; left out");
        return day;
    }

    const Json* array(const Json& object, const char* key, const std::string& pointer) {
        return member(object, key, pointer, &Json::is_array, "a list");
    }
    const Json* object(const Json& parent, const char* key, const std::string& pointer) {
        return member(parent, key, pointer, &Json::is_object, "an object");
    }

    std::optional<MapView> view(const Json& object, const std::string& pointer) {
        const auto latitude = get<double>(object, "latitude", pointer);
        const auto longitude = get<double>(object, "longitude", pointer);
        const auto zoom = get<double>(object, "zoom", pointer);
        if (!latitude || !longitude || !zoom) {
            warn(pointer, "a view needs latitude, longitude and zoom; left out");
            return std::nullopt;
        }
        if (*latitude < -90 || *latitude > 90 || *longitude < -180 || *longitude > 180) {
            warn(pointer, "a view's centre is off the globe; left out");
            return std::nullopt;
        }
        return MapView{*latitude, *longitude, *zoom, get<double>(object, "bearing", pointer).value_or(0)};
    }

    std::vector<Diagnostic> diagnostics;

private:
    // A member that must be a list or an object: nullptr when absent, or (with a warning) when
    // it is something else.
    const Json* member(const Json& parent, const char* key, const std::string& pointer, bool (Json::*is)() const noexcept,
                       const char* what) {
        const auto found = parent.find(key);
        if (found == parent.end() || found->is_null()) return nullptr;
        if (!((*found).*is)()) {
            warn(pointer + "/" + key, std::string("\"") + key + "\" should be " + what + "; left out");
            return nullptr;
        }
        return &*found;
    }

    template <typename T> static const char* expected() {
        if constexpr (std::is_same_v<T, double>) return "a number";
        else if constexpr (std::is_same_v<T, int> || std::is_same_v<T, std::uint64_t>) return "a whole number";
        else if constexpr (std::is_same_v<T, bool>) return "true or false";
        else return "text";
    }

    std::string_view m_text;
    std::string m_label;
};

OrderedJson viewJson(const MapView& view) {
    return OrderedJson{{"latitude", view.latitude}, {"longitude", view.longitude}, {"zoom", view.zoom}, {"bearing", view.bearing}};
}

} // namespace

GeoBox boxOfView(const MapView& view, int width, int height) {
    const double world = 256.0 * std::pow(2.0, view.zoom); // pixels across the whole world
    const MercatorPoint centre = toMercator({view.latitude, view.longitude});
    const double halfX = width / 2.0 / world, halfY = height / 2.0 / world;
    const GeoPoint northWest = fromMercator({centre.x - halfX, std::max(0.0, centre.y - halfY)});
    const GeoPoint southEast = fromMercator({centre.x + halfX, std::min(1.0, centre.y + halfY)});
    return GeoBox{northWest.longitude, southEast.latitude, southEast.longitude, northWest.latitude};
}

bool isProjectPath(std::string_view path) {
    return path.size() > kProjectExtension.size() && path.substr(path.size() - kProjectExtension.size()) == kProjectExtension;
}

ProjectReadResult readProjectText(std::string_view json, const std::string& fileLabel) {
    ProjectReadResult result;
    auto fatal = [&](const char* code, const std::string& message, int line = 0, int column = 0) {
        result.diagnostics.push_back({Severity::Fatal, code, message, fileLabel, line, column, "", ""});
        return result;
    };
    Json root;
    try {
        root = Json::parse(json);
    } catch (const Json::parse_error& e) {
        const TextPosition at = positionOfOffset(json, e.byte > 0 ? e.byte - 1 : 0);
        return fatal(codes::kJsonSyntax, std::string("not valid JSON: ") + e.what(), at.line, at.column);
    }
    catch (const Json::exception& e) { // a number too large for a double, …: not a project either
        return fatal(codes::kJsonSyntax, std::string("not valid JSON: ") + e.what());
    }
    if (!root.is_object() || !root.contains(kMarker))
        return fatal(codes::kProjectRoot, "not a Conflict Atlas project (no \"conflictAtlasProject\" version)");
    if (!root[kMarker].is_number_integer() || root[kMarker].get<int>() < 1)
        return fatal(codes::kProjectRoot, "\"conflictAtlasProject\" should be a version number");
    if (root[kMarker].get<int>() > kProjectVersion)
        return fatal(codes::kProjectRoot, "a project from a newer Conflict Atlas (version " + std::to_string(root[kMarker].get<int>()) +
                                              "; this one reads " + std::to_string(kProjectVersion) + ")");

    ProjectReader reader(json, fileLabel);
    Project& project = result.project;
    if (const Json* files = reader.array(root, "files", "")) {
        for (std::size_t i = 0; i < files->size(); ++i) {
            const std::string pointer = "/files/" + std::to_string(i);
            const Json& entry = (*files)[i];
            if (!entry.is_object()) {
                reader.warn(pointer, "a file entry should be an object; left out");
                continue;
            }
            ProjectFile file;
            const auto path = reader.get<std::string>(entry, "path", pointer);
            if (!path || path->empty()) {
                reader.warn(pointer, "a file entry needs a \"path\"; left out");
                continue;
            }
            file.path = *path;
            file.sha256 = reader.get<std::string>(entry, "sha256", pointer).value_or("");
            file.size = reader.get<std::uint64_t>(entry, "size", pointer).value_or(0);
            file.geoJson.dateProperty = reader.get<std::string>(entry, "dateProperty", pointer).value_or("");
            file.geoJson.endDateProperty = reader.get<std::string>(entry, "endDateProperty", pointer).value_or("");
            const std::string dayOrder = reader.get<std::string>(entry, "dateFormat", pointer).value_or("");
            file.geoJson.dayOrder = dayOrder == "dmy" ? DayOrder::DayFirst : dayOrder == "mdy" ? DayOrder::MonthFirst : DayOrder::Unknown;
            project.files.push_back(std::move(file));
        }
    }
    if (const Json* mapping = reader.array(root, "actorMapping", "")) {
        for (std::size_t i = 0; i < mapping->size(); ++i) {
            const std::string pointer = "/actorMapping/" + std::to_string(i);
            const Json& entry = (*mapping)[i];
            const auto name = entry.is_object() ? reader.get<std::string>(entry, "name", pointer) : std::nullopt;
            if (!name || name->empty()) {
                reader.warn(pointer, "a mapping entry needs a \"name\"; left out");
                continue;
            }
            ActorMappingEntry out;
            out.name = *name;
            out.id = reader.get<std::string>(entry, "id", pointer).value_or("");
            out.parent = reader.get<std::string>(entry, "parent", pointer);
            if (const auto side = reader.get<std::string>(entry, "side", pointer)) {
                out.side = sideFromKey(*side);
                if (!out.side) reader.warn(pointer + "/side", "no side \"" + *side + "\"; left out");
            }
            project.actorMapping.push_back(std::move(out));
        }
    }
    if (const Json* filters = reader.object(root, "filters", "")) {
        EventFilter& f = project.filter;
        f.text = reader.get<std::string>(*filters, "text", "/filters").value_or("");
        if (const Json* actors = reader.array(*filters, "actors", "/filters"))
            for (std::size_t i = 0; i < actors->size(); ++i) {
                if ((*actors)[i].is_string()) f.actors.push_back((*actors)[i].get<std::string>());
                else reader.warn("/filters/actors/" + std::to_string(i), "an actor should be its id; left out");
            }
        f.includeSubgroups = reader.get<bool>(*filters, "includeSubgroups", "/filters").value_or(true);
        if (const auto role = reader.get<std::string>(*filters, "actorRole", "/filters")) {
            if (const auto known = actorRoleFromKey(*role)) f.actorRole = *known;
            else reader.warn("/filters/actorRole", "\"actorRole\" is perpetrator, target or either; left out");
        }
        if (const Json* types = reader.array(*filters, "types", "/filters"))
            for (std::size_t i = 0; i < types->size(); ++i) {
                const auto type = (*types)[i].is_string() ? eventTypeFromKey((*types)[i].get<std::string>()) : std::nullopt;
                if (type) f.types.push_back(*type);
                else reader.warn("/filters/types/" + std::to_string(i), "no such incident type; left out");
            }
        f.minKilled = std::max(0, reader.get<int>(*filters, "minKilled", "/filters").value_or(0));
        if (reader.get<bool>(*filters, "exactOnly", "/filters").value_or(false)) f.setExactOnly(true);
        if (const Json* held = reader.array(*filters, "heldBy", "/filters"))
            for (std::size_t i = 0; i < held->size(); ++i) {
                const auto side = (*held)[i].is_string() ? sideFromKey((*held)[i].get<std::string>()) : std::nullopt;
                if (side) f.heldBy.push_back(*side);
                else reader.warn("/filters/heldBy/" + std::to_string(i), "no such side; left out");
            }
    }
    if (const Json* time = reader.object(root, "time", "")) {
        project.date = reader.date(*time, "date", "/time");
        project.windowDays = std::max(-1, reader.get<int>(*time, "windowDays", "/time").value_or(-1));
        project.windowStart = reader.date(*time, "windowStart", "/time");
    }
    if (const Json* view = reader.object(root, "view", "")) project.view = reader.view(*view, "/view");
    if (const Json* layers = reader.object(root, "layers", "")) {
        for (const auto& [name, value] : layers->items()) {
            if (value.is_string()) project.layers[name] = value.get<std::string>();
            else if (value.is_boolean()) project.layers[name] = value.get<bool>() ? "true" : "false";
            else reader.warn("/layers/" + name, "a layer setting should be text; left out");
        }
    }
    if (const Json* layers = reader.array(root, "referenceLayers", "")) {
        for (std::size_t i = 0; i < layers->size(); ++i) {
            const std::string pointer = "/referenceLayers/" + std::to_string(i);
            const Json& entry = (*layers)[i];
            const auto path = entry.is_object() ? reader.get<std::string>(entry, "path", pointer) : std::nullopt;
            if (!path || path->empty()) {
                reader.warn(pointer, "a reference layer needs its \"path\"; left out");
                continue;
            }
            ProjectLayer layer;
            layer.path = *path;
            layer.layer = reader.get<std::string>(entry, "layer", pointer).value_or("");
            layer.shown = reader.get<bool>(entry, "shown", pointer).value_or(true);
            layer.opacity = std::clamp(reader.get<double>(entry, "opacity", pointer).value_or(0.85), 0.0, 1.0);
            layer.outline = reader.get<bool>(entry, "outline", pointer).value_or(true);
            layer.labelField = reader.get<std::string>(entry, "labelField", pointer).value_or("");
            project.referenceLayers.push_back(std::move(layer));
        }
    }
    if (const Json* colouring = reader.object(root, "areaColouring", "")) {
        ProjectAreaColouring& c = project.areaColouring;
        c.layer = reader.get<int>(*colouring, "layer", "/areaColouring").value_or(-1);
        if (c.layer >= static_cast<int>(project.referenceLayers.size())) {
            reader.warn("/areaColouring/layer", "no such reference layer; left out");
            c.layer = -1;
        }
        c.killed = reader.get<std::string>(*colouring, "measure", "/areaColouring").value_or("events") == "killed";
        c.compareFrom = reader.date(*colouring, "compareFrom", "/areaColouring");
        c.compareTo = reader.date(*colouring, "compareTo", "/areaColouring");
    }
    if (const Json* bookmarks = reader.array(root, "bookmarks", "")) {
        for (std::size_t i = 0; i < bookmarks->size(); ++i) {
            const std::string pointer = "/bookmarks/" + std::to_string(i);
            const Json& entry = (*bookmarks)[i];
            if (!entry.is_object()) {
                reader.warn(pointer, "a bookmark should be an object; left out");
                continue;
            }
            const auto view = reader.view(entry, pointer);
            if (!view) continue;
            project.bookmarks.push_back({reader.get<std::string>(entry, "name", pointer).value_or("View " + std::to_string(i + 1)), *view});
        }
    }
    if (const Json* duplicates = reader.array(root, "duplicates", "")) {
        for (std::size_t i = 0; i < duplicates->size(); ++i) {
            const std::string pointer = "/duplicates/" + std::to_string(i);
            const Json& entry = (*duplicates)[i];
            const auto keep = entry.is_object() ? reader.get<std::string>(entry, "keep", pointer) : std::nullopt;
            const auto other = entry.is_object() ? reader.get<std::string>(entry, "other", pointer) : std::nullopt;
            const auto decision = entry.is_object() ? reader.get<std::string>(entry, "decision", pointer) : std::nullopt;
            if (!keep || !other || !decision || (*decision != "merge" && *decision != "distinct")) {
                reader.warn(pointer, "a duplicate decision needs \"keep\", \"other\" and \"decision\" (merge or distinct); left out");
                continue;
            }
            project.duplicates.push_back(
                {*keep, *other, *decision == "merge" ? DuplicateDecision::Kind::Merge : DuplicateDecision::Kind::Distinct});
        }
    }
    result.diagnostics = std::move(reader.diagnostics);
    return result;
}

ProjectReadResult readProjectFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        ProjectReadResult result;
        result.diagnostics.push_back({Severity::Fatal, codes::kFileOpen, "cannot open the project file", path, 0, 0, "", ""});
        return result;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return readProjectText(text.str(), path);
}

std::string writeProjectText(const Project& project) {
    OrderedJson root{{kMarker, kProjectVersion}};
    OrderedJson files = OrderedJson::array();
    for (const ProjectFile& file : project.files) {
        OrderedJson entry{{"path", file.path}, {"sha256", file.sha256}, {"size", file.size}};
        if (!file.geoJson.dateProperty.empty()) entry["dateProperty"] = file.geoJson.dateProperty;
        if (!file.geoJson.endDateProperty.empty()) entry["endDateProperty"] = file.geoJson.endDateProperty;
        if (file.geoJson.dayOrder != DayOrder::Unknown) entry["dateFormat"] = file.geoJson.dayOrder == DayOrder::DayFirst ? "dmy" : "mdy";
        files.push_back(std::move(entry));
    }
    root["files"] = std::move(files);
    OrderedJson mapping = OrderedJson::array();
    for (const ActorMappingEntry& entry : project.actorMapping) {
        OrderedJson out{{"name", entry.name}};
        if (!entry.id.empty()) out["id"] = entry.id;
        if (entry.parent) out["parent"] = *entry.parent;
        if (entry.side) out["side"] = std::string(toKey(*entry.side));
        mapping.push_back(std::move(out));
    }
    root["actorMapping"] = std::move(mapping);
    const EventFilter& f = project.filter;
    OrderedJson types = OrderedJson::array();
    for (const EventType type : f.types) types.push_back(std::string(toKey(type)));
    root["filters"] = OrderedJson{{"text", f.text},
                                  {"actors", f.actors},
                                  {"includeSubgroups", f.includeSubgroups},
                                  {"actorRole", std::string(toKey(f.actorRole))},
                                  {"types", std::move(types)},
                                  {"minKilled", f.minKilled},
                                  {"exactOnly", f.exactOnly()}};
    if (!f.heldBy.empty()) {
        OrderedJson held = OrderedJson::array();
        for (const Side side : f.heldBy) held.push_back(std::string(toKey(side)));
        root["filters"]["heldBy"] = std::move(held);
    }
    OrderedJson time = OrderedJson::object();
    if (project.date) time["date"] = project.date->toString();
    time["windowDays"] = project.windowDays;
    if (project.windowStart) time["windowStart"] = project.windowStart->toString();
    root["time"] = std::move(time);
    if (project.view) root["view"] = viewJson(*project.view);
    root["layers"] = project.layers;
    if (!project.referenceLayers.empty()) {
        OrderedJson layers = OrderedJson::array();
        for (const ProjectLayer& layer : project.referenceLayers)
            layers.push_back(OrderedJson{{"path", layer.path}, {"layer", layer.layer}, {"shown", layer.shown}, {"opacity", layer.opacity},
                                         {"outline", layer.outline}, {"labelField", layer.labelField}});
        root["referenceLayers"] = std::move(layers);
    }
    if (project.areaColouring.layer >= 0) {
        OrderedJson colouring{{"layer", project.areaColouring.layer}, {"measure", project.areaColouring.killed ? "killed" : "events"}};
        if (project.areaColouring.compareFrom) colouring["compareFrom"] = project.areaColouring.compareFrom->toString();
        if (project.areaColouring.compareTo) colouring["compareTo"] = project.areaColouring.compareTo->toString();
        root["areaColouring"] = std::move(colouring);
    }
    OrderedJson bookmarks = OrderedJson::array();
    for (const Bookmark& bookmark : project.bookmarks) {
        OrderedJson entry{{"name", bookmark.name}};
        entry.update(viewJson(bookmark.view));
        bookmarks.push_back(std::move(entry));
    }
    root["bookmarks"] = std::move(bookmarks);
    if (!project.duplicates.empty()) {
        OrderedJson duplicates = OrderedJson::array();
        for (const DuplicateDecision& d : project.duplicates)
            duplicates.push_back(OrderedJson{{"keep", d.keep}, {"other", d.other}, {"decision", std::string(toKey(d.kind))}});
        root["duplicates"] = std::move(duplicates);
    }
    return root.dump(2) + "\n";
}

std::string resolveProjectPath(const std::string& projectPath, const std::string& filePath) {
    const std::filesystem::path file(filePath);
    if (file.is_absolute()) return file.lexically_normal().string();
    return (std::filesystem::absolute(projectPath).parent_path() / file).lexically_normal().string();
}

std::string pathFromProject(const std::string& projectPath, const std::string& absolute) {
    const std::filesystem::path folder = std::filesystem::absolute(projectPath).parent_path();
    // Relative when the file is in the project's folder, below it, or at most two folders up (a
    // shared data folder beside the project's): what moves with the project. Others (another
    // root, /tmp from a project in one's home) keep their absolute path.
    const std::filesystem::path relative = std::filesystem::path(absolute).lexically_relative(folder);
    int up = 0;
    for (const auto& part : relative)
        if (part == "..") ++up;
    return relative.empty() || up > 2 ? absolute : relative.generic_string();
}

std::vector<Diagnostic> writeProjectFile(const std::string& path, Project project) {
    const auto asWritten = [&](const std::string& absolute) { return pathFromProject(path, absolute); };
    for (ProjectLayer& layer : project.referenceLayers) layer.path = asWritten(resolveProjectPath(path, layer.path));
    for (ProjectFile& file : project.files) {
        const std::string absolute = resolveProjectPath(path, file.path);
        file.path = asWritten(absolute);
        std::error_code error;
        file.size = std::filesystem::file_size(absolute, error);
        if (error) file.size = 0;
        file.sha256 = sha256OfFile(absolute).value_or("");
    }
    const std::string text = writeProjectText(project);
    return writeFileAtomically(path, [&](std::ostream& out) { out << text; });
}

std::vector<Diagnostic> checkProjectFiles(const std::string& projectPath, const Project& project) {
    std::vector<Diagnostic> problems;
    for (std::size_t i = 0; i < project.files.size(); ++i) {
        const ProjectFile& file = project.files[i];
        const std::string path = resolveProjectPath(projectPath, file.path);
        Diagnostic d;
        d.file = projectPath;
        d.jsonPointer = "/files/" + std::to_string(i);
        if (!std::filesystem::exists(path)) {
            d.severity = Severity::Error;
            d.code = codes::kProjectFileMissing;
            d.message = "the project's file " + file.path + " is not there (looked for " + path + ")";
            problems.push_back(std::move(d));
            continue;
        }
        if (file.sha256.empty()) continue; // written by hand without a hash: nothing to compare
        const auto now = sha256OfFile(path);
        if (now && *now != file.sha256) {
            std::error_code error;
            const auto size = std::filesystem::file_size(path, error);
            d.severity = Severity::Warning;
            d.code = codes::kProjectFileChanged;
            d.message = "the project's file " + file.path + " has changed since the project was saved (" +
                        std::to_string(file.size) + " bytes, SHA-256 " + file.sha256.substr(0, 12) + "…; now " +
                        std::to_string(error ? 0 : size) + " bytes, " + now->substr(0, 12) + "…)";
            problems.push_back(std::move(d));
        }
    }
    return problems;
}

} // namespace atlas
