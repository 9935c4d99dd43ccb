// Tile sources from elsewhere (geo/tile_source): XYZ templates, tile folders, and what is refused.
#include "atlas/geo/tile_source.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace atlas;
namespace fs = std::filesystem;

TEST(TileSource, XyzTemplatesBecomeTheOsmPluginsPlaceholders) {
    EXPECT_EQ(parseTileSource("https://tile.example.org/{z}/{x}/{y}.png").urlTemplate, "https://tile.example.org/%z/%x/%y.png");
    EXPECT_EQ(parseTileSource("  https://{s}.tile.example.org/{z}/{x}/{y}.png?key=abc ").urlTemplate,
              "https://a.tile.example.org/%z/%x/%y.png?key=abc");
    EXPECT_EQ(parseTileSource("http://host:8080/tiles/%z/%x/%y.jpg").urlTemplate, "http://host:8080/tiles/%z/%x/%y.jpg");
    EXPECT_FALSE(parseTileSource("https://tile.example.org/{z}/{x}/{y}.png").local);
}

TEST(TileSource, WhatCannotBeUsedIsSaidNotGuessed) {
    EXPECT_NE(parseTileSource("").error.find("give a tile URL"), std::string::npos);
    EXPECT_NE(parseTileSource("https://tile.example.org/tiles.png").error.find("{z}, {x} and {y}"), std::string::npos);
    EXPECT_NE(parseTileSource("https://tms.example.org/{z}/{x}/{-y}.png").error.find("TMS"), std::string::npos);
    EXPECT_NE(parseTileSource("https://bing.example.org/{q}.jpeg").error.find("quadkey"), std::string::npos);
    EXPECT_NE(parseTileSource("ftp://tiles.example.org/{z}/{x}/{y}.png").error.find("only http"), std::string::npos);
    EXPECT_NE(parseTileSource("/nonexistent/tiles").error.find("no folder"), std::string::npos);
    EXPECT_TRUE(parseTileSource("/nonexistent/tiles").urlTemplate.empty());
}

TEST(TileSource, AFolderOfTilesIsAFileTemplateWithItsImagesExtension) {
    const fs::path folder = fs::temp_directory_path() / "atlas-tile-source-test";
    fs::remove_all(folder);
    fs::create_directories(folder / "notes");
    EXPECT_NE(parseTileSource(folder.string()).error.find("no tiles"), std::string::npos);
    fs::create_directories(folder / "9" / "305");
    std::ofstream(folder / "9" / "305" / "204.jpg") << "not really a jpeg";
    const TileSourceParse parsed = parseTileSource(folder.string() + "/");
    EXPECT_TRUE(parsed.error.empty()) << parsed.error;
    EXPECT_TRUE(parsed.local);
    EXPECT_EQ(parsed.urlTemplate, "file://" + folder.generic_string() + "/%z/%x/%y.jpg");
    EXPECT_EQ(parseTileSource("file://" + folder.string()).urlTemplate, parsed.urlTemplate);
    fs::remove_all(folder);
}
