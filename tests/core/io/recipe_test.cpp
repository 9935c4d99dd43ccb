// Recipes (atlas/io/recipe.h): how a picture was made, written and read back, checked
// against the data.
#include "atlas/io/recipe.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace atlas;

namespace {

namespace fs = std::filesystem;

fs::path temporaryFolder(const char* name) {
    const fs::path folder = fs::temp_directory_path() / (std::string(name) + "-" + std::to_string(::getpid()));
    fs::remove_all(folder);
    fs::create_directories(folder);
    return folder;
}

void writeText(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

Recipe sampleRecipe(const fs::path& data) {
    Recipe recipe;
    recipe.program = programVersion();
    recipe.inputs.files.push_back(identifyFile(data.string()));
    recipe.inputs.filter.types = {EventType::AirStrike};
    recipe.inputs.filter.minKilled = 3;
    RecipePicture& p = recipe.picture;
    p.format = "mp4";
    p.date = *Date::parse("2020-10-01");
    p.windowDays = 7;
    p.until = Date::parse("2020-10-31");
    p.fps = 2.5;
    p.holdLastSeconds = 1;
    p.box = {36.147870000000005, 35.158947, 38.254129999999996, 37.033833};
    p.width = 1920;
    p.height = 1080;
    p.title = "October";
    p.incidentsAs = "hexagons";
    return recipe;
}

} // namespace

TEST(Recipe, NamesItsSidecarAfterTheWholeFileName) {
    EXPECT_EQ(recipePathFor("/a/brief.png"), "/a/brief.png.recipe.json");
    EXPECT_TRUE(isRecipePath("brief.gif.recipe.json"));
    EXPECT_FALSE(isRecipePath("brief.json"));
    EXPECT_NE(std::string(programVersion()).find("Conflict Atlas "), std::string::npos);
}

TEST(Recipe, ASidecarReadsBackAsItWasWrittenWithPathsRelativeToIt) {
    const fs::path folder = temporaryFolder("atlas-recipe");
    fs::create_directories(folder / "data");
    writeText(folder / "data" / "incidents.json", "{}");
    const Recipe recipe = sampleRecipe(folder / "data" / "incidents.json");
    const std::string sidecar = (folder / "brief.mp4.recipe.json").string();
    ASSERT_TRUE(writeRecipeFile(sidecar, recipe).empty());
    const RecipeReadResult read = readRecipeFile(sidecar);
    ASSERT_FALSE(read.failed());
    EXPECT_EQ(read.recipe.inputs.files.front().path, "data/incidents.json");
    Recipe expected = recipe;
    expected.inputs.files.front().path = "data/incidents.json";
    EXPECT_EQ(read.recipe.picture, expected.picture);
    EXPECT_EQ(read.recipe.inputs.filter.types, expected.inputs.filter.types);
    EXPECT_EQ(read.recipe.inputs.filter.minKilled, 3);
    EXPECT_EQ(read.recipe.program, recipe.program);
    // Every double comes back exactly: drawing it again gives the same pixels.
    EXPECT_EQ(read.recipe.picture.box.minLongitude, 36.147870000000005);
    EXPECT_TRUE(checkRecipeFiles(sidecar, read.recipe).empty());
    fs::remove_all(folder);
}

TEST(Recipe, TheCopyInsideAnImageKeepsOnlyFileNames) {
    const Recipe recipe = sampleRecipe("/somewhere/private/incidents.json");
    const std::string embedded = recipeText(recipe, RecipeForm::Embedded);
    EXPECT_EQ(embedded.find("/somewhere/private"), std::string::npos);
    EXPECT_NE(embedded.find("\"incidents.json\""), std::string::npos);
    // The same recipe gives the same text wherever the image goes.
    EXPECT_EQ(embedded, recipeText(recipe, RecipeForm::Embedded));
    const RecipeReadResult read = readRecipeText(embedded, "image");
    ASSERT_FALSE(read.failed());
    EXPECT_EQ(read.recipe.picture, recipe.picture);
}

TEST(Recipe, AChangedOrMissingDatasetIsNamed) {
    const fs::path folder = temporaryFolder("atlas-recipe-check");
    writeText(folder / "incidents.json", "{\"a\": 1}");
    writeText(folder / "districts.geojson", "{}");
    Recipe recipe = sampleRecipe(folder / "incidents.json");
    recipe.picture.layers.push_back(identifyFile((folder / "districts.geojson").string()));
    const std::string sidecar = (folder / "brief.png.recipe.json").string();
    ASSERT_TRUE(writeRecipeFile(sidecar, recipe).empty());
    const Recipe read = readRecipeFile(sidecar).recipe;

    writeText(folder / "incidents.json", "{\"a\": 2}"); // same size, other bytes
    auto problems = checkRecipeFiles(sidecar, read);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems.front().code, "recipe.data.changed");
    EXPECT_EQ(problems.front().severity, Severity::Error);
    EXPECT_NE(problems.front().message.find("incidents.json"), std::string::npos);

    fs::remove(folder / "districts.geojson");
    problems = checkRecipeFiles(sidecar, read);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems.back().code, "recipe.data.missing");
    EXPECT_EQ(problems.back().severity, Severity::Fatal);
    EXPECT_NE(problems.back().message.find("districts.geojson"), std::string::npos);
    EXPECT_EQ(problems.back().jsonPointer, "/picture/layers/0");
    fs::remove_all(folder);
}

TEST(Recipe, WhatIsNoRecipeIsSaidWhereItIsWrong) {
    auto first = [](std::string_view text) { return readRecipeText(text, "r.json").diagnostics.front(); };
    EXPECT_EQ(first("{not json").code, "recipe.read");
    EXPECT_NE(first("{\"conflictAtlasProject\": 1}").message.find("not a Conflict Atlas recipe"), std::string::npos);
    const Diagnostic box = first(R"({"conflictAtlasRecipe": 1, "picture": {"date": "2020-10-01", "bbox": [1, 2, 0, 3], "size": [10, 10]}, "inputs": {}})");
    EXPECT_EQ(box.jsonPointer, "/picture/bbox");
    const Diagnostic date = first(R"({"conflictAtlasRecipe": 1, "picture": {"date": "yesterday"}, "inputs": {}})");
    EXPECT_EQ(date.jsonPointer, "/picture/date");
    EXPECT_NE(date.message.find("yesterday"), std::string::npos);
    const Diagnostic format = first(R"({"conflictAtlasRecipe": 1, "picture": {"format": "bmp", "date": "2020-10-01"}, "inputs": {}})");
    EXPECT_EQ(format.jsonPointer, "/picture/format");
    const Diagnostic newer = first(R"({"conflictAtlasRecipe": 9})");
    EXPECT_NE(newer.message.find("another version"), std::string::npos);
    const Diagnostic noData = first(R"({"conflictAtlasRecipe": 1, "picture": {"date": "2020-10-01", "bbox": [0, 0, 1, 1], "size": [10, 10]},
                                        "inputs": {"conflictAtlasProject": 1, "files": []}})");
    EXPECT_EQ(noData.jsonPointer, "/inputs/files");
}
