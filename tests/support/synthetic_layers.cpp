#include "synthetic_layers.h"

#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <random>
#include <vector>

namespace atlas::bench {

int writeSyntheticDistricts(const std::string& path, const SyntheticDistrictsOptions& o) {
    GDALAllRegister();
    const double midLatitude = (o.south + o.north) / 2 * 3.14159265358979 / 180;
    const double aspect = (o.east - o.west) * std::cos(midLatitude) / (o.north - o.south);
    const int columns = std::max(1, static_cast<int>(std::lround(std::sqrt(o.count * aspect))));
    const int rows = std::max(1, static_cast<int>(std::lround(static_cast<double>(o.count) / columns)));
    const double dx = (o.east - o.west) / columns, dy = (o.north - o.south) / rows;
    std::mt19937_64 random(o.seed);
    std::uniform_real_distribution<double> jitter(0.15, 0.85);
    std::vector<std::pair<double, double>> seeds; // (longitude, latitude), row-major
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c) seeds.emplace_back(o.west + (c + jitter(random)) * dx, o.south + (r + jitter(random)) * dy);

    // Each pixel takes its nearest seed (among the neighbouring grid cells), at a point moved a
    // little by a few waves, so the borders wander as real ones do.
    const int width = o.pixels;
    const int height = std::max(1, static_cast<int>(std::lround(o.pixels * (o.north - o.south) / (o.east - o.west))));
    const double pixelX = (o.east - o.west) / width, pixelY = (o.north - o.south) / height;
    std::vector<std::int32_t> cells(static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            double lon = o.west + (x + 0.5) * pixelX, lat = o.north - (y + 0.5) * pixelY;
            lon += 0.18 * dx * std::sin(lat * 9.0) + 0.07 * dx * std::sin(lat * 41.0 + lon * 3.0);
            lat += 0.18 * dy * std::sin(lon * 8.0) + 0.07 * dy * std::sin(lon * 37.0 - lat * 2.0);
            const int gc = std::clamp(static_cast<int>((lon - o.west) / dx), 0, columns - 1);
            const int gr = std::clamp(static_cast<int>((lat - o.south) / dy), 0, rows - 1);
            double best = 1e300;
            int nearest = 0;
            for (int r = std::max(0, gr - 2); r <= std::min(rows - 1, gr + 2); ++r)
                for (int c = std::max(0, gc - 2); c <= std::min(columns - 1, gc + 2); ++c) {
                    const auto [sx, sy] = seeds[static_cast<std::size_t>(r * columns + c)];
                    const double ex = (sx - lon) * std::cos(midLatitude), ey = sy - lat;
                    if (ex * ex + ey * ey < best) {
                        best = ex * ex + ey * ey;
                        nearest = r * columns + c;
                    }
                }
            cells[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)] = nearest;
        }

    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    GDALDriver* memory = GetGDALDriverManager()->GetDriverByName("MEM");
    if (!memory) return 0;
    std::unique_ptr<GDALDataset> raster(memory->Create("", width, height, 1, GDT_Int32, nullptr));
    double transform[6] = {o.west, pixelX, 0, o.north, 0, -pixelY};
    raster->SetGeoTransform(transform);
    raster->SetSpatialRef(&wgs84);
    GDALRasterBand* band = raster->GetRasterBand(1);
    if (band->RasterIO(GF_Write, 0, 0, width, height, cells.data(), width, height, GDT_Int32, 0, 0) != CE_None) return 0;

    GDALDriver* vectorMemory = GetGDALDriverManager()->GetDriverByName("Memory");
    if (!vectorMemory) vectorMemory = memory;
    std::unique_ptr<GDALDataset> traced(vectorMemory->Create("", 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer* tracedLayer = traced->CreateLayer("cells", &wgs84, wkbPolygon, nullptr);
    OGRFieldDefn cellField("cell", OFTInteger);
    tracedLayer->CreateField(&cellField);
    char* polygonizeOptions[] = {const_cast<char*>("8CONNECTED=8"), nullptr};
    if (GDALPolygonize(band, nullptr, tracedLayer, 0, polygonizeOptions, nullptr, nullptr) != CE_None) return 0;
    std::map<int, OGRMultiPolygon> byCell;
    for (auto& feature : *tracedLayer)
        if (const OGRGeometry* geometry = feature->GetGeometryRef(); geometry && wkbFlatten(geometry->getGeometryType()) == wkbPolygon)
            byCell[feature->GetFieldAsInteger(0)].addGeometry(geometry);

    OGRSpatialReference target;
    if (target.importFromEPSG(o.epsg) != OGRERR_NONE) return 0;
    target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> toTarget(o.epsg == 4326 ? nullptr : OGRCreateCoordinateTransformation(&wgs84, &target));
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(o.driver.c_str());
    if (!driver) return 0;
    std::unique_ptr<GDALDataset> out(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!out) return 0;
    OGRLayer* layer = out->CreateLayer("districts", &target, wkbMultiPolygon, nullptr);
    if (!layer) return 0;
    for (const char* name : {"ADM2_EN", "ADM2_PCODE", "ADM1_EN"}) {
        OGRFieldDefn field(name, OFTString);
        layer->CreateField(&field);
    }
    int written = 0;
    for (auto& [cell, shape] : byCell) {
        OGRFeature feature(layer->GetLayerDefn());
        // Traced cells may touch themselves at a corner; made valid, as a boundary file is.
        std::unique_ptr<OGRGeometry> geometry(shape.MakeValid());
        if (!geometry) geometry.reset(shape.clone());
        if (toTarget && geometry->transform(toTarget.get()) != OGRERR_NONE) continue;
        feature.SetGeometry(geometry.get());
        char code[16];
        std::snprintf(code, sizeof code, "SY%04d", cell);
        feature.SetField("ADM2_EN", ("District " + std::to_string(cell)).c_str());
        feature.SetField("ADM2_PCODE", code);
        feature.SetField("ADM1_EN", ("Governorate " + std::to_string(cell / columns / std::max(1, rows / 7))).c_str());
        if (layer->CreateFeature(&feature) == OGRERR_NONE) ++written;
    }
    return written;
}

} // namespace atlas::bench
