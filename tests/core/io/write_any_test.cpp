#include "atlas/io/write_any.h"

#include "atlas/io/native_format.h"
#include "atlas/io/read_any.h"

#include "full_document.h"

#include <gtest/gtest.h>

#include <filesystem>

using namespace atlas;

TEST(WriteAny, TheExtensionChoosesTheFormat) {
    EXPECT_EQ(datasetFormatOfPath("a/b.GPKG"), DatasetFormat::GeoPackage);
    EXPECT_EQ(datasetFormatOfPath("b.atlas.json"), DatasetFormat::Native);
    EXPECT_EQ(datasetFormatOfPath("b.geojson"), DatasetFormat::GeoJson);
    EXPECT_EQ(datasetFormatOfPath("b.csv"), DatasetFormat::AcledCsv);
    EXPECT_EQ(datasetFormatOfPath("b.kml"), DatasetFormat::Kml);
    EXPECT_EQ(datasetFormatOfPath("b.txt"), std::nullopt);
    EXPECT_TRUE(keepsWholeModel(DatasetFormat::GeoPackage));
    EXPECT_FALSE(keepsWholeModel(DatasetFormat::AcledCsv));
}

TEST(WriteAny, EveryWholeModelFormatReadsBackTheSameDataset) {
    const auto directory = std::filesystem::temp_directory_path() / "atlas-write-any";
    std::filesystem::remove_all(directory);
    std::filesystem::create_directories(directory);
    const Dataset original = readNativeText(kFullDocument, "full.json").dataset;
    for (const char* name : {"x.gpkg", "x.atlas.json", "x.geojson"}) {
        const std::string path = (directory / name).string();
        ASSERT_TRUE(writeDatasetFile(original, path, *datasetFormatOfPath(path)).empty()) << name;
        const LoadResult back = readAnyFile(path);
        EXPECT_FALSE(back.failed()) << name;
        EXPECT_EQ(writeNativeText(back.dataset), writeNativeText(original)) << name;
    }
    std::filesystem::remove_all(directory);
}
