// Reference layers through GDAL (io/gdal_layer): shapefiles in another coordinate system come
// back in degrees; broken files give located diagnostics and never crash.
#include "atlas/io/gdal_layer.h"
#include "atlas/model/diagnostic_codes.h"

#include "synthetic_layers.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace atlas;
namespace fs = std::filesystem;

namespace {

fs::path freshFolder(const std::string& name) {
    const fs::path folder = fs::temp_directory_path() / ("atlas-gdal-" + name);
    fs::remove_all(folder);
    fs::create_directories(folder);
    return folder;
}

void write(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

const Diagnostic* find(const std::vector<Diagnostic>& diagnostics, const char* code) {
    for (const Diagnostic& d : diagnostics)
        if (d.code == code) return &d;
    return nullptr;
}

// A small synthetic district shapefile `name`.shp in `folder`, in EPSG `epsg`.
void writeSmallDistricts(const fs::path& folder, const std::string& name, int epsg) {
    bench::SyntheticDistrictsOptions options;
    options.count = 10;
    options.pixels = 120;
    options.epsg = epsg;
    ASSERT_GT(bench::writeSyntheticDistricts((folder / (name + ".shp")).string(), options), 0);
}

std::string describe(const std::vector<Diagnostic>& diagnostics) {
    std::string text;
    for (const Diagnostic& d : diagnostics) text += d.toString() + "\n";
    return text;
}

} // namespace

TEST(GdalLayer, AShapefileInUtmComesBackInDegreesWithItsNames) {
    const fs::path folder = freshFolder("utm");
    bench::SyntheticDistrictsOptions options;
    options.count = 40;
    options.epsg = 32637; // UTM zone 37N, as OCHA's and many national files are
    options.pixels = 300;
    const int written = bench::writeSyntheticDistricts((folder / "districts.shp").string(), options);
    ASSERT_GT(written, 30);
    const ReferenceLayersRead read = readReferenceLayers((folder / "districts.shp").string());
    ASSERT_EQ(read.layers.size(), 1u) << describe(read.diagnostics);
    EXPECT_FALSE(hasErrors(read.diagnostics)) << describe(read.diagnostics);
    const ReferenceLayer& layer = read.layers[0];
    EXPECT_TRUE(layer.reprojected);
    EXPECT_NE(layer.sourceCrs.find("37N"), std::string::npos) << layer.sourceCrs;
    EXPECT_EQ(static_cast<int>(layer.features.size()), written);
    EXPECT_EQ(layer.areaCount(), layer.features.size());
    ASSERT_GE(layer.labelField, 0);
    EXPECT_EQ(layer.fields[static_cast<std::size_t>(layer.labelField)], "ADM2_EN");
    EXPECT_EQ(layer.label(0).rfind("District ", 0), 0u);
    // Back in degrees over Syria's box (to within the reprojection's metres).
    EXPECT_NEAR(layer.bounds.minLongitude, 35.6, 0.01);
    EXPECT_NEAR(layer.bounds.maxLongitude, 42.4, 0.01);
    EXPECT_NEAR(layer.bounds.minLatitude, 32.3, 0.01);
    EXPECT_NEAR(layer.bounds.maxLatitude, 37.4, 0.01);
}

TEST(GdalLayer, AShapefileMissingItsPartsSaysWhich) {
    const fs::path folder = freshFolder("parts");
    writeSmallDistricts(folder, "d", 4326);
    fs::remove(folder / "d.dbf");
    fs::remove(folder / "d.prj");
    ReferenceLayersRead read = readReferenceLayers((folder / "d.shp").string());
    ASSERT_EQ(read.layers.size(), 1u) << describe(read.diagnostics); // still drawn: degrees, no names
    EXPECT_EQ(read.layers[0].label(0), "feature 0");
    int parts = 0;
    for (const Diagnostic& d : read.diagnostics) parts += d.code == codes::kLayerShapefilePart;
    EXPECT_EQ(parts, 2) << describe(read.diagnostics); // no .dbf, no .prj
    fs::remove(folder / "d.shx");
    read = readReferenceLayers((folder / "d.shp").string());
    EXPECT_TRUE(read.failed());
    const Diagnostic* shx = find(read.diagnostics, codes::kLayerShapefilePart);
    ASSERT_NE(shx, nullptr);
    EXPECT_EQ(shx->severity, Severity::Fatal);
    EXPECT_NE(shx->message.find("d.shx"), std::string::npos);
    EXPECT_EQ(shx->file, (folder / "d.shp").string());
    EXPECT_FALSE(fs::exists(folder / "d.shx")); // nothing written beside the user's file
}

TEST(GdalLayer, ProjectedCoordinatesWithoutTheirPrjAreRefused) {
    const fs::path folder = freshFolder("noprj");
    writeSmallDistricts(folder, "utm", 32637);
    fs::remove(folder / "utm.prj");
    const ReferenceLayersRead read = readReferenceLayers((folder / "utm.shp").string());
    EXPECT_TRUE(read.failed());
    const Diagnostic* crs = find(read.diagnostics, codes::kLayerCrs);
    ASSERT_NE(crs, nullptr) << describe(read.diagnostics);
    EXPECT_NE(crs->message.find("not longitudes and latitudes"), std::string::npos) << crs->message;
    EXPECT_EQ(crs->record, "layer utm");
}

TEST(GdalLayer, AnUnknownCoordinateSystemIsReported) {
    const fs::path folder = freshFolder("badprj");
    writeSmallDistricts(folder, "x", 32637);
    write(folder / "x.prj", "PROJCS[\"made up\",GEOGCS[\"nothing\"]]");
    const ReferenceLayersRead read = readReferenceLayers((folder / "x.shp").string());
    EXPECT_TRUE(read.failed()) << describe(read.diagnostics);
    EXPECT_NE(find(read.diagnostics, codes::kLayerCrs), nullptr) << describe(read.diagnostics);
}

TEST(GdalLayer, SelfIntersectingPolygonsAreKeptWithAWarning) {
    const fs::path folder = freshFolder("bowtie");
    write(folder / "areas.geojson", R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"name":"Bow tie"},"geometry":{"type":"Polygon","coordinates":[[[36,35],[37,36],[37,35],[36,36],[36,35]]]}},
      {"type":"Feature","properties":{"name":"Fine"},"geometry":{"type":"Polygon","coordinates":[[[38,35],[39,35],[39,36],[38,35]]]}},
      {"type":"Feature","properties":{"name":"Nothing"},"geometry":null}]})");
    const ReferenceLayersRead read = readReferenceLayers((folder / "areas.geojson").string());
    ASSERT_EQ(read.layers.size(), 1u) << describe(read.diagnostics);
    EXPECT_EQ(read.layers[0].features.size(), 3u);
    const Diagnostic* invalid = find(read.diagnostics, codes::kLayerInvalid);
    ASSERT_NE(invalid, nullptr) << describe(read.diagnostics);
    EXPECT_NE(invalid->message.find("Bow tie"), std::string::npos);
    EXPECT_EQ(invalid->message.find("Fine"), std::string::npos);
    const Diagnostic* missing = find(read.diagnostics, codes::kLayerGeometry);
    ASSERT_NE(missing, nullptr);
    EXPECT_NE(missing->message.find("Nothing"), std::string::npos);
}

TEST(GdalLayer, EmptyBrokenAndMissingFiles) {
    const fs::path folder = freshFolder("broken");
    write(folder / "empty.geojson", R"({"type":"FeatureCollection","features":[]})");
    ReferenceLayersRead read = readReferenceLayers((folder / "empty.geojson").string());
    EXPECT_TRUE(read.failed());
    EXPECT_NE(find(read.diagnostics, codes::kLayerEmpty), nullptr) << describe(read.diagnostics);

    write(folder / "noise.shp", std::string(200, '\x07'));
    write(folder / "noise.shx", std::string(100, '\x01'));
    read = readReferenceLayers((folder / "noise.shp").string());
    EXPECT_TRUE(read.failed());
    EXPECT_TRUE(hasFatal(read.diagnostics)) << describe(read.diagnostics);

    write(folder / "text.kml", "<kml><Document><Placemark><Polygon>");
    read = readReferenceLayers((folder / "text.kml").string());
    EXPECT_TRUE(read.failed());
    EXPECT_TRUE(hasFatal(read.diagnostics));

    read = readReferenceLayers((folder / "absent.gpkg").string());
    ASSERT_FALSE(read.diagnostics.empty());
    EXPECT_EQ(read.diagnostics[0].code, codes::kFileOpen);
}

TEST(GdalLayer, OtherFormatsGdalReads) {
    const fs::path folder = freshFolder("formats");
    // CSV with a WKT column, KML, GPX: one layer each, in degrees.
    write(folder / "zones.csv", "WKT,zone\n\"POLYGON ((36 35,37 35,37 36,36 36,36 35))\",North\n");
    write(folder / "camps.kml", R"(<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>Atmeh</name>
<Point><coordinates>36.67,36.32</coordinates></Point></Placemark></Document></kml>)");
    write(folder / "route.gpx", R"(<?xml version="1.0"?><gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
<trk><name>M5</name><trkseg><trkpt lat="35.93" lon="36.63"/><trkpt lat="36.2" lon="36.72"/></trkseg></trk></gpx>)");
    ReferenceLayersRead read = readReferenceLayers((folder / "zones.csv").string());
    ASSERT_EQ(read.layers.size(), 1u) << describe(read.diagnostics);
    ASSERT_EQ(read.layers[0].features.size(), 1u);
    EXPECT_TRUE(read.layers[0].features[0].isArea());
    EXPECT_EQ(read.layers[0].label(0), "North");
    read = readReferenceLayers((folder / "camps.kml").string());
    ASSERT_EQ(read.layers.size(), 1u) << describe(read.diagnostics);
    ASSERT_EQ(read.layers[0].features[0].points.size(), 1u);
    EXPECT_NEAR(read.layers[0].features[0].points[0].latitude, 36.32, 1e-9);
    EXPECT_EQ(read.layers[0].label(0), "Atmeh");
    read = readReferenceLayers((folder / "route.gpx").string());
    ASSERT_FALSE(read.layers.empty()) << describe(read.diagnostics); // GPX's empty layers (waypoints, routes) are left out
    bool track = false;
    for (const ReferenceLayer& layer : read.layers)
        for (const ReferenceFeature& f : layer.features) track = track || !f.paths.empty();
    EXPECT_TRUE(track);
    EXPECT_NE(gdalVersion().find("GDAL 3"), std::string::npos);
}
