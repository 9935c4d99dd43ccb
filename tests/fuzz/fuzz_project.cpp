// libFuzzer target: project files (io/project), recipes (io/recipe) and custom tile sources
// (geo/tile_source) on arbitrary bytes. A project that reads without problems must write and read back the same
// (what a project holds is what it gives back); nothing may throw or crash.
#include "fuzz_checks.h"

#include "atlas/geo/gazetteer.h"
#include "atlas/geo/tile_source.h"
#include "atlas/io/project.h"
#include "atlas/io/recipe.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const atlas::ProjectReadResult read = atlas::readProjectText(text, "fuzz.atlasproj");
    for (const atlas::Diagnostic& d : read.diagnostics)
        if (d.file != "fuzz.atlasproj") atlas::fuzz::broken("a project's problem names another file: " + d.toString());
    if (!read.failed() && read.diagnostics.empty()) {
        const atlas::ProjectReadResult again = atlas::readProjectText(atlas::writeProjectText(read.project), "again.atlasproj");
        if (!again.diagnostics.empty()) atlas::fuzz::broken("a clean project, written again, reads with problems: " + again.diagnostics.front().toString());
        if (!(again.project == read.project)) atlas::fuzz::broken("a clean project, written again, reads back different");
    }
    // The same bytes as a recipe: a clean one, written again, reads back the same.
    const atlas::RecipeReadResult recipe = atlas::readRecipeText(text, "fuzz.recipe.json");
    if (!recipe.failed() && recipe.diagnostics.empty()) {
        const atlas::RecipeReadResult again = atlas::readRecipeText(atlas::recipeText(recipe.recipe, atlas::RecipeForm::Sidecar), "again");
        if (again.failed()) atlas::fuzz::broken("a clean recipe, written again, does not read: " + again.diagnostics.front().toString());
        else if (!(again.recipe.picture == recipe.recipe.picture)) atlas::fuzz::broken("a clean recipe, written again, reads back different");
    }
    // The same bytes as what a user types for a tile source, and a search for a place.
    const atlas::TileSourceParse tiles = atlas::parseTileSource(text.substr(0, 512));
    if (tiles.urlTemplate.empty() == tiles.error.empty()) atlas::fuzz::broken("a tile source neither used nor refused with a reason");
    (void)atlas::searchKey(text);
    return 0;
}
