#pragma once

// A project: the files an analyst works on and how they look at them — actor mappings,
// filters, the time window, the map's view, layers and bookmarks — in one JSON file
// (docs/format.md, "Project files"). The window saves and opens it; every command takes one
// in place of its files. File paths are kept relative to the project, with each file's size
// and SHA-256, so a project moved with its data still opens and a changed file is reported.

#include "atlas/geo/geo.h"
#include "atlas/io/geojson.h"
#include "atlas/model/actor_mapping.h"
#include "atlas/model/diagnostic.h"
#include "atlas/query/duplicates.h"
#include "atlas/query/query.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace atlas {

/// The extension of project files.
inline constexpr std::string_view kProjectExtension = ".atlasproj";

struct ProjectFile {
    std::string path;           ///< as written: relative to the project's folder (or absolute)
    std::string sha256;         ///< of the file's bytes when the project was saved
    std::uint64_t size = 0;
    GeoJsonOptions geoJson;     ///< the date properties chosen for a file from elsewhere
    friend bool operator==(const ProjectFile&, const ProjectFile&) = default;
};

/// A view of the map: where it is centred, how close, how turned.
struct MapView {
    double latitude = 0;
    double longitude = 0;
    double zoom = 0;
    double bearing = 0;
    friend bool operator==(const MapView&, const MapView&) = default;
};

/// The area a view shows in a picture of `width` × `height` pixels, as the map draws it (Web
/// Mercator, 256-pixel tiles: the world is 256·2^zoom pixels wide); the bearing is ignored.
[[nodiscard]] GeoBox boxOfView(const MapView& view, int width, int height);

struct Bookmark {
    std::string name;
    MapView view;
    friend bool operator==(const Bookmark&, const Bookmark&) = default;
};

/// A reference layer on the map (View → Layers): which file and layer, and how it is drawn.
struct ProjectLayer {
    std::string path;        ///< as files' paths: relative to the project's folder (or absolute)
    std::string layer;       ///< the layer's name in the file (a file may hold several)
    bool shown = true;
    double opacity = 0.85;
    bool outline = true;
    std::string labelField;  ///< empty: no labels
    friend bool operator==(const ProjectLayer&, const ProjectLayer&) = default;
};

/// Incidents per area: the layer coloured, by what, and the period compared with, if any.
struct ProjectAreaColouring {
    int layer = -1;               ///< position in referenceLayers; -1: none
    bool killed = false;          ///< killed rather than incidents
    std::optional<Date> compareFrom, compareTo;
    friend bool operator==(const ProjectAreaColouring&, const ProjectAreaColouring&) = default;
};

struct Project {
    std::vector<ProjectFile> files; ///< read in order: the first opened, the others added
    /// Applied after the first file (so every later file gets them before it is merged, the
    /// workspace policy, atlas/io/workspace.h).
    std::vector<ActorMappingEntry> actorMapping;
    /// Text, actors (ids), sub-groups, role, types, minimum killed and the sides whose ground;
    /// no time bounds (a region drawn from a layer is not kept).
    EventFilter filter;
    std::optional<Date> date;       ///< the slider's day
    int windowDays = -1;            ///< -1: as the data opens; 0: everything up to the date
    std::optional<Date> windowStart; ///< a window growing from this day (cumulative)
    std::optional<MapView> view;
    /// Which layers show and how: "basemap" (offline, osm), "histogramSplit" (side, type,
    /// none), "table" (shown, hidden), "tableSort", "tableDescending", "tableHidden" (keys
    /// joined by commas). Unknown names are kept as they are, for newer programs.
    std::map<std::string, std::string> layers;
    std::vector<Bookmark> bookmarks;
    /// The analyst's decisions on candidate duplicates, re-applied (merges) or not proposed
    /// again (distinct pairs) whenever the project's files are opened.
    std::vector<DuplicateDecision> duplicates;
    /// Reference layers, bottom first, and the one coloured by incidents.
    std::vector<ProjectLayer> referenceLayers;
    ProjectAreaColouring areaColouring;
    friend bool operator==(const Project&, const Project&) = default;
};

struct ProjectReadResult {
    Project project;
    /// Problems with the project itself, located by line, column and JSON pointer: a file that
    /// is no project is fatal; a setting of the wrong type is a warning (left as it was).
    std::vector<Diagnostic> diagnostics;
    [[nodiscard]] bool failed() const { return hasFatal(diagnostics); }
};

/// Whether `path` names a project file (by its extension).
[[nodiscard]] bool isProjectPath(std::string_view path);

[[nodiscard]] ProjectReadResult readProjectText(std::string_view json, const std::string& fileLabel);
[[nodiscard]] ProjectReadResult readProjectFile(const std::string& path);
/// The project as JSON text (what writeProjectFile writes).
[[nodiscard]] std::string writeProjectText(const Project& project);
/// Writes the project atomically. Each file's path is written relative to the project's
/// folder when it is in it, below it or at most two folders up (absolute otherwise), and its
/// size and SHA-256 taken now.
[[nodiscard]] std::vector<Diagnostic> writeProjectFile(const std::string& path, Project project);

/// A file's path as the program opens it: relative paths are taken from the project's folder.
[[nodiscard]] std::string resolveProjectPath(const std::string& projectPath, const std::string& filePath);

/// How a project (or recipe) at `projectPath` writes the file at `absolute`: relative to its
/// folder when in it, below it or at most two folders up; absolute otherwise.
[[nodiscard]] std::string pathFromProject(const std::string& projectPath, const std::string& absolute);

/// Each file checked against what the project recorded: one that is not there is an error
/// ("project.file.missing", naming the path looked at), one whose bytes differ a warning
/// ("project.file.changed", its size and hash then and now). The files' hashes are computed
/// here: about a second per gigabyte.
[[nodiscard]] std::vector<Diagnostic> checkProjectFiles(const std::string& projectPath, const Project& project);

} // namespace atlas
