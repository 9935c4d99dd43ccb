#include "atlas/io/gdal_layer.h"

#include "atlas/io/text.h"
#include "atlas/model/diagnostic_codes.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <memory>
#include <mutex>

namespace atlas {

namespace {

namespace fs = std::filesystem;

void registerDrivers() {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

/// What GDAL says while a file is read, kept instead of printed (GDAL's handler stack is per
/// thread, so a read on a worker does not catch another thread's messages).
class GdalMessages {
public:
    GdalMessages() { CPLPushErrorHandlerEx(&GdalMessages::handle, this); }
    ~GdalMessages() { CPLPopErrorHandler(); }
    GdalMessages(const GdalMessages&) = delete;
    GdalMessages& operator=(const GdalMessages&) = delete;
    /// The messages since the last call, oldest first.
    std::vector<std::pair<CPLErr, std::string>> take() { return std::exchange(m_messages, {}); }

private:
    static void CPL_STDCALL handle(CPLErr level, CPLErrorNum, const char* message) {
        auto* self = static_cast<GdalMessages*>(CPLGetErrorHandlerUserData());
        if (self && level >= CE_Warning && self->m_messages.size() < 100) self->m_messages.emplace_back(level, message ? message : "");
    }
    std::vector<std::pair<CPLErr, std::string>> m_messages;
};

Diagnostic diagnostic(Severity severity, const char* code, std::string message, const std::string& path, std::string record = {}) {
    Diagnostic d;
    d.severity = severity;
    d.code = code;
    d.message = std::move(message);
    d.file = path;
    d.record = std::move(record);
    return d;
}

/// A sibling of `path` with another extension, in either case (.shx or .SHX), if present.
bool siblingExists(const fs::path& path, const std::string& extension) {
    std::error_code error;
    fs::path candidate = path;
    for (const std::string& ext : {lower(extension), [&] {
             std::string upper = extension;
             for (char& c : upper)
                 if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
             return upper;
         }()}) {
        candidate.replace_extension(ext);
        if (fs::exists(candidate, error)) return true;
    }
    return false;
}

void addRings(const OGRPolygon& polygon, ReferenceFeature& feature) {
    const auto addRing = [&](const OGRLinearRing* ring) {
        if (!ring || ring->getNumPoints() < 3) return;
        std::vector<GeoPoint> points;
        points.reserve(static_cast<std::size_t>(ring->getNumPoints()));
        for (int i = 0; i < ring->getNumPoints(); ++i)
            if (std::isfinite(ring->getX(i)) && std::isfinite(ring->getY(i))) points.push_back({ring->getY(i), ring->getX(i)});
        if (points.size() >= 3) feature.area.rings.push_back(std::move(points));
    };
    const auto start = static_cast<std::uint32_t>(feature.area.rings.size());
    addRing(polygon.getExteriorRing());
    if (feature.area.rings.size() == start) return; // no outline: its holes mean nothing
    feature.polygonStarts.push_back(start);
    for (int i = 0; i < polygon.getNumInteriorRings(); ++i) addRing(polygon.getInteriorRing(i));
}

/// The feature's geometry as rings, paths and points (curves made linear, Z dropped).
void addGeometry(const OGRGeometry& geometry, ReferenceFeature& feature) {
    if (geometry.IsEmpty()) return;
    if (geometry.hasCurveGeometry()) {
        std::unique_ptr<OGRGeometry> linear(geometry.getLinearGeometry());
        if (linear && !linear->hasCurveGeometry()) addGeometry(*linear, feature);
        return;
    }
    switch (wkbFlatten(geometry.getGeometryType())) {
    case wkbPoint: {
        const auto& point = *geometry.toPoint();
        if (std::isfinite(point.getX()) && std::isfinite(point.getY())) feature.points.push_back({point.getY(), point.getX()});
        break;
    }
    case wkbLineString: {
        const auto& line = *geometry.toLineString();
        std::vector<GeoPoint> path;
        for (int i = 0; i < line.getNumPoints(); ++i)
            if (std::isfinite(line.getX(i)) && std::isfinite(line.getY(i))) path.push_back({line.getY(i), line.getX(i)});
        if (path.size() >= 2) feature.paths.push_back(std::move(path));
        break;
    }
    case wkbPolygon: addRings(*geometry.toPolygon(), feature); break;
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection: {
        const auto& collection = *geometry.toGeometryCollection();
        for (int i = 0; i < collection.getNumGeometries(); ++i) addGeometry(*collection.getGeometryRef(i), feature);
        break;
    }
    default: break; // TINs, polyhedral surfaces: not drawn
    }
}

GeoBox boundsOf(const ReferenceFeature& feature) {
    GeoBox box{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest(),
               std::numeric_limits<double>::lowest()};
    const auto add = [&](GeoPoint p) {
        box.minLongitude = std::min(box.minLongitude, p.longitude);
        box.maxLongitude = std::max(box.maxLongitude, p.longitude);
        box.minLatitude = std::min(box.minLatitude, p.latitude);
        box.maxLatitude = std::max(box.maxLatitude, p.latitude);
    };
    for (const auto& ring : feature.area.rings) std::for_each(ring.begin(), ring.end(), add);
    for (const auto& path : feature.paths) std::for_each(path.begin(), path.end(), add);
    std::for_each(feature.points.begin(), feature.points.end(), add);
    return box;
}

bool onTheGlobe(const GeoBox& box) {
    return box.minLongitude >= -180.5 && box.maxLongitude <= 180.5 && box.minLatitude >= -90.5 && box.maxLatitude <= 90.5;
}

/// Up to five names, then how many more.
std::string someOf(const std::vector<std::string>& names) {
    std::string text;
    for (std::size_t i = 0; i < names.size() && i < 5; ++i) text += (i ? ", " : "") + names[i];
    if (names.size() > 5) text += " and " + std::to_string(names.size() - 5) + " more";
    return text;
}

void readLayer(OGRLayer& layer, const std::string& path, bool assumeWgs84, ReferenceLayersRead& read, GdalMessages& messages) {
    ReferenceLayer result;
    result.path = path;
    result.name = layer.GetName();
    const std::string where = "layer " + result.name;

    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> transform;
    if (const OGRSpatialReference* source = layer.GetSpatialRef()) {
        result.sourceCrs = source->GetName() ? source->GetName() : "unnamed";
        const char* options[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=NO", nullptr};
        if (!source->IsSame(&wgs84, options)) {
            transform.reset(OGRCreateCoordinateTransformation(source, &wgs84));
            if (!transform) {
                std::string why;
                for (const auto& [level, text] : messages.take()) why += (why.empty() ? "" : "; ") + text;
                read.diagnostics.push_back(diagnostic(Severity::Error, codes::kLayerCrs,
                                                      "the coordinate system \"" + result.sourceCrs +
                                                          "\" cannot be converted to WGS 84 longitude/latitude" +
                                                          (why.empty() ? "" : " (GDAL: " + why + ")") + "; the layer is left out",
                                                      path, where));
                return;
            }
            result.reprojected = true;
        }
    } else {
        result.sourceCrs = "none given";
    }

    const OGRFeatureDefn* definition = layer.GetLayerDefn();
    for (int i = 0; i < definition->GetFieldCount(); ++i) result.fields.emplace_back(definition->GetFieldDefn(i)->GetNameRef());
    result.labelField = guessLabelField(result.fields);

    std::vector<std::string> withoutGeometry, notConverted, invalid;
    layer.ResetReading();
    for (auto& feature : layer) {
        ReferenceFeature out;
        out.fid = feature->GetFID();
        out.values.resize(result.fields.size());
        for (int i = 0; i < definition->GetFieldCount(); ++i)
            if (feature->IsFieldSetAndNotNull(i)) out.values[static_cast<std::size_t>(i)] = feature->GetFieldAsString(i);
        const std::string name = result.labelField >= 0 && !out.values[static_cast<std::size_t>(result.labelField)].empty()
                                     ? out.values[static_cast<std::size_t>(result.labelField)] + " (fid " + std::to_string(out.fid) + ")"
                                     : "fid " + std::to_string(out.fid);
        const OGRGeometry* geometry = feature->GetGeometryRef();
        if (!geometry || geometry->IsEmpty()) {
            withoutGeometry.push_back(name);
        } else {
            std::unique_ptr<OGRGeometry> converted(geometry->clone());
            if (transform && converted->transform(transform.get()) != OGRERR_NONE) {
                notConverted.push_back(name);
            } else {
                const OGRwkbGeometryType kind = wkbFlatten(converted->getGeometryType());
                if ((kind == wkbPolygon || kind == wkbMultiPolygon) && !converted->IsValid()) {
                    // GEOS says why (as a GDAL warning): kept with the feature's name, not apart.
                    std::string why;
                    for (const auto& [level, text] : messages.take()) why += (why.empty() ? "" : "; ") + text;
                    invalid.push_back(why.empty() ? name : name + ": " + why);
                }
                addGeometry(*converted, out);
            }
        }
        out.bounds = boundsOf(out);
        result.features.push_back(std::move(out));
    }
    for (const auto& [level, text] : messages.take())
        read.diagnostics.push_back(diagnostic(level >= CE_Failure ? Severity::Error : Severity::Warning, codes::kLayerGdal, "GDAL: " + text, path, where));
    if (!withoutGeometry.empty())
        read.diagnostics.push_back(diagnostic(Severity::Warning, codes::kLayerGeometry,
                                              std::to_string(withoutGeometry.size()) + " feature(s) without a geometry (listed, not drawn): " +
                                                  someOf(withoutGeometry),
                                              path, where));
    if (!notConverted.empty())
        read.diagnostics.push_back(diagnostic(Severity::Error, codes::kLayerCrs,
                                              std::to_string(notConverted.size()) + " feature(s) could not be converted to WGS 84 (left without a geometry): " +
                                                  someOf(notConverted),
                                              path, where));
    if (!invalid.empty())
        read.diagnostics.push_back(diagnostic(Severity::Warning, codes::kLayerInvalid,
                                              std::to_string(invalid.size()) + " polygon(s) not valid (self-intersecting or with crossing rings), "
                                                  "drawn and counted by the even–odd rule: " + someOf(invalid),
                                              path, where));

    bool anyGeometry = false;
    result.bounds = GeoBox{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest(),
                           std::numeric_limits<double>::lowest()};
    for (const ReferenceFeature& f : result.features) {
        if (f.area.rings.empty() && f.paths.empty() && f.points.empty()) continue;
        anyGeometry = true;
        result.bounds.minLongitude = std::min(result.bounds.minLongitude, f.bounds.minLongitude);
        result.bounds.maxLongitude = std::max(result.bounds.maxLongitude, f.bounds.maxLongitude);
        result.bounds.minLatitude = std::min(result.bounds.minLatitude, f.bounds.minLatitude);
        result.bounds.maxLatitude = std::max(result.bounds.maxLatitude, f.bounds.maxLatitude);
    }
    if (!anyGeometry) {
        read.diagnostics.push_back(diagnostic(Severity::Warning, codes::kLayerEmpty,
                                              result.features.empty() ? "the layer has no features" : "no feature of the layer has a geometry",
                                              path, where));
        return;
    }
    if (!transform && !onTheGlobe(result.bounds)) {
        read.diagnostics.push_back(diagnostic(
            Severity::Error, codes::kLayerCrs,
            std::string(assumeWgs84 ? "no coordinate system is given (no .prj)" : "the coordinate system says degrees") +
                " but the coordinates are not longitudes and latitudes (x " + std::to_string(result.bounds.minLongitude) + " … " +
                std::to_string(result.bounds.maxLongitude) + "); add the file's .prj or convert it to WGS 84; the layer is left out",
            path, where));
        return;
    }
    read.layers.push_back(std::move(result));
}

} // namespace

std::string gdalVersion() { return std::string("GDAL ") + GDALVersionInfo("RELEASE_NAME"); }

ReferenceLayersRead readReferenceLayers(const std::string& path) {
    registerDrivers();
    ReferenceLayersRead read;
    GdalMessages messages;
    const fs::path file(path);
    std::error_code error;
    if (!path.starts_with("/vsi") && !fs::exists(file, error)) { // /vsizip/… are GDAL's own paths
        read.diagnostics.push_back(diagnostic(Severity::Fatal, codes::kFileOpen, "no such file", path));
        return read;
    }
    const std::string extension = lower(file.extension().string());
    bool assumeWgs84 = false;
    if (extension == ".shp") {
        // GDAL could rebuild a missing .shx, but only by writing beside the user's file.
        if (!siblingExists(file, ".shx")) {
            read.diagnostics.push_back(diagnostic(Severity::Fatal, codes::kLayerShapefilePart,
                                                  "the shapefile's index " + file.stem().string() +
                                                      ".shx is missing beside it: copy every file of the shapefile (.shp, .shx, .dbf, .prj) together",
                                                  path));
            return read;
        }
        if (!siblingExists(file, ".dbf"))
            read.diagnostics.push_back(diagnostic(Severity::Warning, codes::kLayerShapefilePart,
                                                  "the shapefile's table " + file.stem().string() +
                                                      ".dbf is missing: the features have no names (labelled by number)",
                                                  path));
        if (!siblingExists(file, ".prj")) {
            assumeWgs84 = true;
            read.diagnostics.push_back(diagnostic(Severity::Warning, codes::kLayerShapefilePart,
                                                  "the shapefile has no " + file.stem().string() +
                                                      ".prj: its coordinates are taken as WGS 84 longitude/latitude",
                                                  path));
        }
    }
    // A CSV holds its geometry as WKT or as coordinate columns under the usual names.
    std::vector<const char*> openOptions;
    if (extension == ".csv")
        openOptions = {"GEOM_POSSIBLE_NAMES=WKT,geometry,geom,the_geom", "X_POSSIBLE_NAMES=longitude,lon,long,lng,x",
                       "Y_POSSIBLE_NAMES=latitude,lat,y", "KEEP_GEOM_COLUMNS=NO"};
    openOptions.push_back(nullptr);
    std::unique_ptr<GDALDataset> dataset(
        GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR, nullptr, openOptions.data(), nullptr));
    if (!dataset) {
        std::string why;
        for (const auto& [level, text] : messages.take()) why += (why.empty() ? "" : "; ") + text;
        read.diagnostics.push_back(diagnostic(Severity::Fatal, codes::kLayerOpen,
                                              "not a vector file GDAL reads" + (why.empty() ? std::string() : " (GDAL: " + why + ")"), path));
        return read;
    }
    for (const auto& [level, text] : messages.take())
        read.diagnostics.push_back(diagnostic(level >= CE_Failure ? Severity::Error : Severity::Warning, codes::kLayerGdal, "GDAL: " + text, path));
    if (dataset->GetLayerCount() == 0)
        read.diagnostics.push_back(diagnostic(Severity::Fatal, codes::kLayerEmpty, "the file has no vector layer", path));
    for (OGRLayer* layer : dataset->GetLayers()) readLayer(*layer, path, assumeWgs84, read, messages);
    if (read.layers.empty() && !hasFatal(read.diagnostics))
        read.diagnostics.push_back(diagnostic(Severity::Fatal, codes::kLayerEmpty, "no layer of the file has features to draw", path));
    return read;
}

} // namespace atlas
