#include "atlas/io/recipe.h"

#include "atlas/io/atomic_file.h"
#include "atlas/io/file_hash.h"
#include "atlas/model/diagnostic_codes.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#ifndef ATLAS_VERSION
#error "ATLAS_VERSION is set by core/CMakeLists.txt from the project's version"
#endif

namespace atlas {

namespace {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

constexpr const char* kMarker = "conflictAtlasRecipe";
constexpr int kRecipeVersion = 1;

std::string nameOf(const std::string& path) { return std::filesystem::path(path).filename().string(); }

OrderedJson fileJson(const ProjectFile& file, RecipeForm form) {
    return OrderedJson{{"path", form == RecipeForm::Embedded ? nameOf(file.path) : file.path}, {"sha256", file.sha256}, {"size", file.size}};
}

// Thrown for the first setting that cannot be read: where it is and what was expected.
struct BadSetting {
    std::string pointer, message;
};

const Json& member(const Json& object, const char* key) {
    static const Json null;
    const auto found = object.find(key);
    return found == object.end() ? null : *found;
}

template <typename T> std::optional<T> optional(const Json& object, const char* key, const std::string& pointer, const char* expected) {
    const Json& value = member(object, key);
    if (value.is_null()) return std::nullopt;
    try {
        return value.get<T>();
    } catch (const Json::exception&) {
        throw BadSetting{pointer + "/" + key, std::string("\"") + key + "\" should be " + expected};
    }
}

std::optional<Date> optionalDate(const Json& object, const char* key, const std::string& pointer) {
    const auto text = optional<std::string>(object, key, pointer, "a date YYYY-MM-DD");
    if (!text) return std::nullopt;
    const auto day = Date::parse(*text);
    if (!day) throw BadSetting{pointer + "/" + key, std::string("\"") + key + "\" should be a date YYYY-MM-DD, not \"" + *text + "\""};
    return day;
}

std::optional<ProjectFile> optionalFile(const Json& object, const char* key, const std::string& pointer) {
    const Json& value = member(object, key);
    if (value.is_null()) return std::nullopt;
    const std::string here = pointer + "/" + key;
    if (!value.is_object()) throw BadSetting{here, std::string("\"") + key + "\" should be a file: {path, sha256, size}"};
    ProjectFile file;
    const auto path = optional<std::string>(value, "path", here, "a path");
    if (!path || path->empty()) throw BadSetting{here + "/path", "a file needs its \"path\""};
    file.path = *path;
    file.sha256 = optional<std::string>(value, "sha256", here, "a SHA-256 in hex").value_or("");
    file.size = optional<std::uint64_t>(value, "size", here, "a size in bytes").value_or(0);
    return file;
}

} // namespace

const char* programVersion() { return "Conflict Atlas " ATLAS_VERSION; }

namespace {
struct Paper {
    const char* name;
    double widthMm, heightMm; // portrait
};
constexpr Paper kPapers[] = {{"A4", 210, 297}, {"A3", 297, 420}, {"letter", 215.9, 279.4}};
} // namespace

std::optional<std::string> paperName(std::string_view given) {
    for (const Paper& paper : kPapers) {
        const std::string_view name = paper.name;
        if (name.size() == given.size() &&
            std::equal(name.begin(), name.end(), given.begin(), [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b)); }))
            return std::string(name);
    }
    return std::nullopt;
}

std::pair<int, int> paperPixels(std::string_view paper, bool landscape) {
    const Paper* found = &kPapers[0];
    for (const Paper& p : kPapers)
        if (paper == p.name) found = &p;
    const auto pixels = [](double mm) { return static_cast<int>(std::lround(mm / 25.4 * 96)); };
    const int shortSide = pixels(found->widthMm), longSide = pixels(found->heightMm);
    return landscape ? std::pair{longSide, shortSide} : std::pair{shortSide, longSide};
}

std::string recipePathFor(const std::string& outputPath) {
    return outputPath + std::string(kRecipeExtension);
}

bool isRecipePath(std::string_view path) {
    return path.size() > kRecipeExtension.size() && path.substr(path.size() - kRecipeExtension.size()) == kRecipeExtension;
}

std::string recipeText(const Recipe& recipe, RecipeForm form) {
    const RecipePicture& p = recipe.picture;
    Project inputs = recipe.inputs;
    if (form == RecipeForm::Embedded)
        for (ProjectFile& file : inputs.files) file.path = nameOf(file.path);
    OrderedJson picture{{"format", p.format}, {"date", p.date.toString()}, {"windowDays", p.windowDays}};
    if (p.until) {
        picture["until"] = p.until->toString();
        picture["fps"] = p.fps;
        picture["holdLastSeconds"] = p.holdLastSeconds;
    }
    picture["bbox"] = {p.box.minLongitude, p.box.minLatitude, p.box.maxLongitude, p.box.maxLatitude};
    picture["size"] = {p.width, p.height};
    if (!p.paper.empty()) {
        picture["paper"] = p.paper;
        picture["orientation"] = p.landscape ? "landscape" : "portrait";
        picture["dpi"] = p.dpi;
    }
    picture["title"] = p.title;
    if (!p.subtitle.empty()) picture["subtitle"] = p.subtitle;
    if (!p.notes.empty()) picture["notes"] = p.notes;
    picture["basemap"] = p.basemap;
    picture["clusters"] = p.clusters;
    if (!p.placementHalos) picture["placementHalos"] = false;
    picture["incidentsAs"] = p.incidentsAs;
    if (!p.layers.empty()) {
        OrderedJson layers = OrderedJson::array();
        for (const ProjectFile& layer : p.layers) layers.push_back(fileJson(layer, form));
        picture["layers"] = std::move(layers);
    }
    if (!p.colourBy.empty()) picture["colourBy"] = p.colourBy;
    if (p.compareFrom) picture["compareFrom"] = p.compareFrom->toString();
    if (p.compareTo) picture["compareTo"] = p.compareTo->toString();
    if (p.within) {
        picture["within"] = fileJson(*p.within, form);
        if (!p.withinName.empty()) picture["withinName"] = p.withinName;
    }
    if (p.compareWith) picture["compareWith"] = fileJson(*p.compareWith, form);
    if (p.asKnownOn) picture["asKnownOn"] = p.asKnownOn->toString();
    OrderedJson root{{kMarker, kRecipeVersion}, {"program", recipe.program}, {"picture", std::move(picture)},
                     {"inputs", OrderedJson::parse(writeProjectText(inputs))}};
    return root.dump(2) + "\n";
}

RecipeReadResult readRecipeText(std::string_view text, const std::string& fileLabel) {
    RecipeReadResult result;
    auto fatal = [&](const std::string& message, const std::string& pointer = "") {
        result.diagnostics.push_back({Severity::Fatal, codes::kRecipeRead, message, fileLabel, 0, 0, pointer, ""});
        return result;
    };
    Json root;
    try {
        root = Json::parse(text);
    } catch (const Json::exception& e) {
        return fatal(std::string("not valid JSON: ") + e.what());
    }
    if (!root.is_object() || !root.contains(kMarker)) return fatal("not a Conflict Atlas recipe (no \"conflictAtlasRecipe\" version)");
    if (!root[kMarker].is_number_integer() || root[kMarker].get<int>() > kRecipeVersion)
        return fatal("a recipe of another version (this program reads version " + std::to_string(kRecipeVersion) + ")", "/conflictAtlasRecipe");
    Recipe& recipe = result.recipe;
    try {
        recipe.program = optional<std::string>(root, "program", "", "the program's name and version").value_or("");
        const Json& picture = member(root, "picture");
        if (!picture.is_object()) throw BadSetting{"/picture", "a recipe needs its \"picture\": what was drawn"};
        const std::string at = "/picture";
        RecipePicture& p = recipe.picture;
        p.format = optional<std::string>(picture, "format", at, "png, pdf, svg, mp4, webm or gif").value_or("png");
        if (p.format != "png" && p.format != "pdf" && p.format != "svg" && p.format != "mp4" && p.format != "webm" && p.format != "gif")
            throw BadSetting{at + "/format", "\"format\" should be png, pdf, svg, mp4, webm or gif, not \"" + p.format + "\""};
        const auto date = optionalDate(picture, "date", at);
        if (!date) throw BadSetting{at + "/date", "a recipe needs the \"date\" shown"};
        p.date = *date;
        p.windowDays = optional<int>(picture, "windowDays", at, "a number of days").value_or(0);
        p.until = optionalDate(picture, "until", at);
        p.fps = optional<double>(picture, "fps", at, "frames a second").value_or(4);
        p.holdLastSeconds = optional<double>(picture, "holdLastSeconds", at, "seconds").value_or(0);
        const auto box = optional<std::vector<double>>(picture, "bbox", at, "[west, south, east, north]");
        if (!box || box->size() != 4 || (*box)[0] > (*box)[2] || (*box)[1] > (*box)[3])
            throw BadSetting{at + "/bbox", "\"bbox\" should be [west, south, east, north]"};
        p.box = {(*box)[0], (*box)[1], (*box)[2], (*box)[3]};
        const auto size = optional<std::vector<int>>(picture, "size", at, "[width, height]");
        if (!size || size->size() != 2) throw BadSetting{at + "/size", "\"size\" should be [width, height] in pixels"};
        p.width = (*size)[0];
        p.height = (*size)[1];
        p.paper = optional<std::string>(picture, "paper", at, "A4, A3 or letter").value_or("");
        p.landscape = optional<std::string>(picture, "orientation", at, "landscape or portrait").value_or("landscape") != "portrait";
        p.dpi = optional<int>(picture, "dpi", at, "dots an inch").value_or(96);
        p.title = optional<std::string>(picture, "title", at, "text").value_or("");
        p.subtitle = optional<std::string>(picture, "subtitle", at, "text").value_or("");
        p.notes = optional<std::string>(picture, "notes", at, "text").value_or("");
        p.basemap = optional<std::string>(picture, "basemap", at, "the basemap's name").value_or("offline");
        if (p.basemap != "offline") throw BadSetting{at + "/basemap", "this program draws pictures on its offline basemap only, not \"" + p.basemap + "\""};
        p.clusters = optional<bool>(picture, "clusters", at, "true or false").value_or(false);
        p.placementHalos = optional<bool>(picture, "placementHalos", at, "true or false").value_or(true);
        p.incidentsAs = optional<std::string>(picture, "incidentsAs", at, "symbols, hexagons or heat").value_or("symbols");
        if (p.incidentsAs != "symbols" && p.incidentsAs != "hexagons" && p.incidentsAs != "heat")
            throw BadSetting{at + "/incidentsAs", "\"incidentsAs\" should be symbols, hexagons or heat, not \"" + p.incidentsAs + "\""};
        if (!p.paper.empty()) {
            const auto paper = paperName(p.paper);
            if (!paper) throw BadSetting{at + "/paper", "\"paper\" should be A4, A3 or letter, not \"" + p.paper + "\""};
            p.paper = *paper;
        }
        const Json& layers = member(picture, "layers");
        if (!layers.is_null() && !layers.is_array()) throw BadSetting{at + "/layers", "\"layers\" should be a list of files"};
        for (std::size_t i = 0; i < layers.size(); ++i) {
            const Json holder{{"layer", layers[i]}};
            p.layers.push_back(*optionalFile(holder, "layer", at + "/layers/" + std::to_string(i)));
        }
        p.colourBy = optional<std::string>(picture, "colourBy", at, "events or killed").value_or("");
        if (!p.colourBy.empty() && p.colourBy != "events" && p.colourBy != "killed")
            throw BadSetting{at + "/colourBy", "\"colourBy\" should be events or killed, not \"" + p.colourBy + "\""};
        p.compareFrom = optionalDate(picture, "compareFrom", at);
        p.compareTo = optionalDate(picture, "compareTo", at);
        p.within = optionalFile(picture, "within", at);
        p.withinName = optional<std::string>(picture, "withinName", at, "an area's name").value_or("");
        p.compareWith = optionalFile(picture, "compareWith", at);
        p.asKnownOn = optionalDate(picture, "asKnownOn", at);
    } catch (const BadSetting& bad) {
        return fatal(bad.message, bad.pointer);
    }
    const Json& inputs = member(root, "inputs");
    if (!inputs.is_object()) return fatal("a recipe needs its \"inputs\": the files and filters", "/inputs");
    ProjectReadResult project = readProjectText(inputs.dump(), fileLabel);
    for (Diagnostic& d : project.diagnostics) {
        d.jsonPointer = "/inputs" + d.jsonPointer;
        d.line = d.column = 0; // positions in the re-written text would mislead
        result.diagnostics.push_back(std::move(d));
    }
    recipe.inputs = std::move(project.project);
    if (recipe.inputs.files.empty() && !result.failed()) return fatal("a recipe needs at least one dataset", "/inputs/files");
    return result;
}

RecipeReadResult readRecipeFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        RecipeReadResult result;
        result.diagnostics.push_back({Severity::Fatal, codes::kFileOpen, "cannot open the recipe", path, 0, 0, "", ""});
        return result;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return readRecipeText(text.str(), path);
}

std::vector<Diagnostic> writeRecipeFile(const std::string& path, Recipe recipe) {
    auto relative = [&](ProjectFile& file) { file.path = pathFromProject(path, std::filesystem::absolute(file.path).lexically_normal().string()); };
    for (ProjectFile& file : recipe.inputs.files) relative(file);
    for (ProjectFile& file : recipe.picture.layers) relative(file);
    if (recipe.picture.within) relative(*recipe.picture.within);
    if (recipe.picture.compareWith) relative(*recipe.picture.compareWith);
    const std::string text = recipeText(recipe, RecipeForm::Sidecar);
    return writeFileAtomically(path, [&](std::ostream& out) { out << text; });
}

ProjectFile identifyFile(const std::string& path) {
    ProjectFile file;
    file.path = path;
    std::error_code error;
    file.size = std::filesystem::file_size(path, error);
    if (error) file.size = 0;
    file.sha256 = sha256OfFile(path).value_or("");
    return file;
}

std::vector<Diagnostic> checkRecipeFiles(const std::string& recipePath, const Recipe& recipe) {
    std::vector<Diagnostic> problems;
    auto check = [&](const ProjectFile& file, const std::string& pointer, const char* what) {
        const std::string path = resolveProjectPath(recipePath, file.path);
        Diagnostic d;
        d.file = recipePath;
        d.jsonPointer = pointer;
        if (!std::filesystem::exists(path)) {
            d.severity = Severity::Fatal;
            d.code = codes::kRecipeDataMissing;
            d.message = std::string("the recipe's ") + what + " " + nameOf(file.path) + " is not there (looked for " + path + ")";
            problems.push_back(std::move(d));
            return;
        }
        if (file.sha256.empty()) return;
        const auto now = sha256OfFile(path);
        if (now && *now != file.sha256) {
            d.severity = Severity::Error;
            d.code = codes::kRecipeDataChanged;
            d.message = std::string("the recipe's ") + what + " " + nameOf(file.path) + " has changed since the image was made (" +
                        std::to_string(file.size) + " bytes, SHA-256 " + file.sha256.substr(0, 12) + "…; now " +
                        std::to_string(identifyFile(path).size) + " bytes, " + now->substr(0, 12) + "…)";
            problems.push_back(std::move(d));
        }
    };
    for (std::size_t i = 0; i < recipe.inputs.files.size(); ++i) check(recipe.inputs.files[i], "/inputs/files/" + std::to_string(i), "dataset");
    for (std::size_t i = 0; i < recipe.picture.layers.size(); ++i) check(recipe.picture.layers[i], "/picture/layers/" + std::to_string(i), "layer");
    if (recipe.picture.within) check(*recipe.picture.within, "/picture/within", "region file");
    if (recipe.picture.compareWith) check(*recipe.picture.compareWith, "/picture/compareWith", "earlier pull");
    return problems;
}

} // namespace atlas
