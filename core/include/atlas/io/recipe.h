#pragma once

// Recipes: how an image or a video was made, enough to make it again (docs/format.md,
// "Recipes"). Every export records one inside the file (PNG text chunk, PDF XMP, SVG
// <metadata>, MP4/WebM tags) and beside it as NAME.recipe.json; `export --recipe` and the
// window's File → Open read the sidecar back. The inputs are a project (atlas/io/project.h:
// files with size and SHA-256, actor mappings, filters), so a recipe opens as a project does.

#include "atlas/geo/geo.h"
#include "atlas/io/project.h"
#include "atlas/model/date.h"
#include "atlas/model/diagnostic.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace atlas {

/// "Conflict Atlas 0.1.0": the program and version recorded in every recipe and export.
[[nodiscard]] const char* programVersion();

/// The extension of recipe sidecars: brief.png → brief.png.recipe.json (the whole name, so a
/// brief's .mp4 and .gif keep a recipe each).
inline constexpr std::string_view kRecipeExtension = ".recipe.json";
/// The sidecar of an image or video at `outputPath`.
[[nodiscard]] std::string recipePathFor(const std::string& outputPath);
/// Whether `path` names a recipe (by its extension).
[[nodiscard]] bool isRecipePath(std::string_view path);

/// The papers a print layout is made for, by name ("A4", "A3", "letter"; any case): the
/// name as written in recipes, or none for another.
[[nodiscard]] std::optional<std::string> paperName(std::string_view given);
/// A paper's page in layout pixels (96 an inch), width × height as oriented.
[[nodiscard]] std::pair<int, int> paperPixels(std::string_view paper, bool landscape);

/// What the picture shows and how it is laid out, every choice resolved (the day, the box), so
/// drawing it again gives the same pixels.
struct RecipePicture {
    std::string format = "png";        ///< png, pdf, svg, mp4, webm, gif
    Date date;                         ///< the last day shown (of the first frame of a video)
    int windowDays = 0;                ///< days up to the date; 0: everything up to it
    std::optional<Date> until;         ///< an animation: a frame a day from `date` to this day
    double fps = 4;
    double holdLastSeconds = 0;
    GeoBox box;                        ///< the map's area
    int width = 1600, height = 1000;   ///< pixels of the image (a page: at 96 a inch, see dpi)
    std::string paper;                 ///< a print layout on A4, A3 or letter; empty: a map snapshot
    bool landscape = true;
    int dpi = 96;                      ///< a page's PNG pixels per inch (its layout is at 96)
    std::string title, subtitle, notes;
    bool clusters = false;             ///< numbered clusters, as the window's map above 3,000
    bool placementHalos = true;        ///< circles round incidents placed less than exactly
    std::string incidentsAs = "symbols"; ///< symbols, hexagons or heat
    std::vector<ProjectFile> layers;   ///< reference layers (every layer of each file), bottom first
    std::string colourBy;              ///< "events", "killed" or empty: the first layer's areas
    std::optional<Date> compareFrom, compareTo;
    std::optional<ProjectFile> within; ///< the region: a layer file…
    std::string withinName;            ///< …and the area's name (empty: all its areas)
    std::optional<ProjectFile> compareWith; ///< an earlier pull whose changes are marked
    std::optional<Date> asKnownOn;     ///< the data as it stood at the end of this day
    /// The basemap drawn under the map: the offline one built in (its sources in its attribution).
    std::string basemap = "offline";
    friend bool operator==(const RecipePicture&, const RecipePicture&) = default;
};

struct Recipe {
    std::string program;   ///< programVersion() of whoever made it
    Project inputs;        ///< files (with size and SHA-256), actor mappings, filters
    RecipePicture picture;
    friend bool operator==(const Recipe&, const Recipe&) = default;
};

/// Where a recipe's text goes: the sidecar keeps file paths (relative to it, as a project
/// does); the copy inside an image keeps only their names, so the image's bytes do not
/// depend on the folder it was written to.
enum class RecipeForm { Sidecar, Embedded };
[[nodiscard]] std::string recipeText(const Recipe& recipe, RecipeForm form);

struct RecipeReadResult {
    Recipe recipe;
    std::vector<Diagnostic> diagnostics; ///< fatal "recipe.read" for no recipe; warnings kept
    [[nodiscard]] bool failed() const { return hasFatal(diagnostics); }
};
[[nodiscard]] RecipeReadResult readRecipeText(std::string_view json, const std::string& fileLabel);
[[nodiscard]] RecipeReadResult readRecipeFile(const std::string& path);
/// Writes the sidecar atomically, the paths relative to it where a project's would be.
[[nodiscard]] std::vector<Diagnostic> writeRecipeFile(const std::string& path, Recipe recipe);

/// A file as a recipe records it: its path as given, size and SHA-256 now.
[[nodiscard]] ProjectFile identifyFile(const std::string& path);

/// Each file the recipe names (datasets, layers, region, earlier pull) checked: one not there
/// is fatal ("recipe.data.missing"), one whose bytes differ an error ("recipe.data.changed"),
/// each naming the file. Paths are taken relative to the recipe at `recipePath`.
[[nodiscard]] std::vector<Diagnostic> checkRecipeFiles(const std::string& recipePath, const Recipe& recipe);

} // namespace atlas
