// Renders the offline basemap (resources/basemap/*.geojson: Natural Earth countries, borders,
// coastline, GSHHG/WDBII rivers and lakes, a gazetteer of towns and GeoNames' populated
// places) into XYZ PNG tiles named the way Qt Location's osm
// plugin reads an offline directory: osm_100-l-8-<z>-<x>-<y>.png (8 = the "custom" map type).
// Tiles are rendered once at build time so the map never redraws thousands of vertices.
#include "atlas/geo/basemap.h"
#include "atlas/geo/geo.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFont>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QFontMetricsF>

#include <algorithm>
#include <array>

#include <cstdio>

namespace {

struct Region {
    atlas::GeoBox box;
    int minZoom;
    int maxZoom;
};

// Wide context at small scales, north-west Syria in detail.
const Region kRegions[] = {
    {{29.0, 30.0, 45.0, 40.0}, 5, 8},
    {{34.8, 34.3, 39.2, 37.4}, 9, 12},
};

const QColor kSea(170, 200, 222);
const QColor kSyria(250, 248, 240);
const QColor kNeighbour(226, 224, 216);
const QColor kBorder(120, 100, 130);
const QColor kCoast(90, 130, 165);
const QColor kLabel(40, 40, 40);
const QColor kPlaceLabel(70, 70, 70);
const QColor kWater(170, 200, 222);   // lakes: the sea's colour
const QColor kRiver(120, 165, 205);

struct Label {
    QPointF mercator;
    QString name;
    int rank;
    bool town;  ///< from towns.geojson (hand-checked, drawn first); else a GeoNames place
    int minZoom;
};

// A label placed at one zoom: where its dot is, in that zoom's world pixels.
struct Placed {
    const Label* label;
    QPointF at;
};

QPainterPath toPath(const atlas::BasemapFeature& feature, bool closed) {
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    for (const auto& part : feature.parts) {
        for (std::size_t i = 0; i < part.size(); ++i) {
            const atlas::MercatorPoint p = atlas::toMercator(part[i]);
            if (i == 0) path.moveTo(p.x, p.y);
            else path.lineTo(p.x, p.y);
        }
        if (closed) path.closeSubpath();
    }
    return path;
}

bool loadLayer(const QString& path, atlas::BasemapLayer& layer) {
    layer = atlas::readBasemapLayer(path.toStdString());
    for (const auto& diagnostic : layer.diagnostics) std::fprintf(stderr, "%s\n", diagnostic.toString().c_str());
    return !atlas::hasFatal(layer.diagnostics);
}

// Smallest zoom at which a label of this rank is drawn: the hand-made towns (1 city, 2 town,
// 3 landmark), then GeoNames places by population (1: 200,000 or more, 2: 50,000, 3: 10,000,
// 4: smaller), as the map has room for them.
int townZoom(int rank) { return rank <= 1 ? 6 : rank == 2 ? 8 : 10; }
int placeZoom(int rank) { return rank <= 1 ? 6 : rank == 2 ? 8 : rank == 3 ? 9 : 11; }

QFont labelFont(const QFont& base, const Label& label) {
    QFont font = base;
    font.setBold(label.town && label.rank <= 1);
    if (!label.town && label.rank >= 3) font.setPixelSize(base.pixelSize() - 1);
    return font;
}

// The box a label takes at `at` (dot and text), to keep labels from covering each other.
QRectF labelBox(const QFont& font, const Label& label, QPointF at) {
    const QFontMetricsF metrics(font);
    const QRectF text(at.x() + 6, at.y() - 5 - metrics.ascent(), metrics.horizontalAdvance(label.name), metrics.height());
    return text.united(QRectF(at.x() - 4, at.y() - 4, 8, 8)).adjusted(-2, -1, 2, 1);
}

// Every label that fits at this zoom, most important first: towns, then places by rank and
// population. Placed once for the whole zoom (not per tile), so a name is the same on every
// tile it crosses.
std::vector<Placed> placeLabels(const std::vector<Label>& labels, int zoom, const QFont& font, const atlas::GeoBox& region) {
    const double scale = 256.0 * std::ldexp(1.0, zoom);
    std::vector<Placed> placed;
    std::vector<QRectF> taken;
    for (const Label& label : labels) {
        if (zoom < label.minZoom) continue;
        const atlas::GeoPoint p = atlas::fromMercator({label.mercator.x(), label.mercator.y()});
        if (!region.contains(p)) continue;
        const QPointF at(label.mercator.x() * scale, label.mercator.y() * scale);
        const QRectF box = labelBox(labelFont(font, label), label, at);
        if (std::any_of(taken.begin(), taken.end(), [&](const QRectF& other) { return other.intersects(box); })) continue;
        taken.push_back(box);
        placed.push_back({&label, at});
    }
    return placed;
}

} // namespace

int main(int argc, char* argv[]) {
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Render the Conflict Atlas offline basemap tiles."));
    parser.addHelpOption();
    const QCommandLineOption input(QStringLiteral("basemap"), QStringLiteral("resources/basemap directory"), QStringLiteral("dir"));
    const QCommandLineOption output(QStringLiteral("out"), QStringLiteral("output directory"), QStringLiteral("dir"));
    parser.addOptions({input, output});
    parser.process(app);
    if (!parser.isSet(input) || !parser.isSet(output)) parser.showHelp(2);

    const QString in = parser.value(input);
    atlas::BasemapLayer countries, borders, coastline, towns, places, rivers, lakes;
    if (!loadLayer(in + "/countries.geojson", countries) || !loadLayer(in + "/borders.geojson", borders) ||
        !loadLayer(in + "/coastline.geojson", coastline) || !loadLayer(in + "/towns.geojson", towns) ||
        !loadLayer(in + "/places.geojson", places) || !loadLayer(in + "/rivers.geojson", rivers) ||
        !loadLayer(in + "/lakes.geojson", lakes))
        return 1;

    std::vector<std::pair<QPainterPath, QColor>> fills;
    for (const auto& feature : countries.features)
        fills.emplace_back(toPath(feature, true), feature.name == "Syria" ? kSyria : kNeighbour);
    QPainterPath borderPath, coastPath;
    for (const auto& feature : borders.features) borderPath.addPath(toPath(feature, false));
    for (const auto& feature : coastline.features) coastPath.addPath(toPath(feature, false));
    QPainterPath lakePath;
    for (const auto& feature : lakes.features) lakePath.addPath(toPath(feature, true));
    // Rivers by WDBII level: 1 major permanent rivers … 4 minor ones, drawn thinner.
    std::array<QPainterPath, 5> riverPaths;
    for (const auto& feature : rivers.features) riverPaths[static_cast<std::size_t>(std::clamp(feature.rank, 0, 4))].addPath(toPath(feature, false));
    std::vector<Label> labels;
    for (const auto& feature : towns.features) {
        const atlas::MercatorPoint p = atlas::toMercator(feature.parts.front().front());
        labels.push_back({QPointF(p.x, p.y), QString::fromStdString(feature.name), feature.rank, true, townZoom(feature.rank)});
    }
    // A place the hand-made towns already name (within about 3 km) is left to them.
    const std::size_t townCount = labels.size();
    for (const auto& feature : places.features) {
        const atlas::GeoPoint point = feature.parts.front().front();
        const bool named = std::any_of(towns.features.begin(), towns.features.end(), [&](const atlas::BasemapFeature& town) {
            return atlas::greatCircleKm(point, town.parts.front().front()) < 3.0;
        });
        if (named) continue;
        const atlas::MercatorPoint p = atlas::toMercator(point);
        labels.push_back({QPointF(p.x, p.y), QString::fromStdString(feature.name), feature.rank, false, placeZoom(feature.rank)});
    }
    // Towns first (as they are), then places by rank; places.geojson lists them by population.
    std::stable_sort(labels.begin() + static_cast<std::ptrdiff_t>(townCount), labels.end(),
                     [](const Label& a, const Label& b) { return a.rank < b.rank; });

    QDir().mkpath(parser.value(output));
    const QString outDir = QDir(parser.value(output)).absolutePath();
    QFont font(QStringLiteral("DejaVu Sans"));
    int written = 0;
    for (const Region& region : kRegions) {
        for (int zoom = region.minZoom; zoom <= region.maxZoom; ++zoom) {
            const atlas::TileRange range = atlas::tilesCovering(region.box, zoom);
            const double scale = 256.0 * std::ldexp(1.0, zoom);
            font.setPixelSize(zoom <= 7 ? 11 : 12);
            const std::vector<Placed> placed = placeLabels(labels, zoom, font, region.box);
            for (int x = range.minX; x <= range.maxX; ++x) {
                for (int y = range.minY; y <= range.maxY; ++y) {
                    QImage tile(256, 256, QImage::Format_RGB32);
                    tile.fill(kSea);
                    QPainter painter(&tile);
                    painter.setRenderHint(QPainter::Antialiasing);
                    const QTransform toTile = QTransform::fromTranslate(-x * 256.0, -y * 256.0).scale(1, 1);
                    const QTransform world = QTransform::fromScale(scale, scale) * toTile;
                    const QRectF tileRect(0, 0, 256, 256);
                    painter.setTransform(world);
                    painter.setPen(Qt::NoPen);
                    for (const auto& [path, colour] : fills) {
                        if (!world.mapRect(path.boundingRect()).intersects(tileRect)) continue;
                        painter.setBrush(colour);
                        painter.drawPath(path);
                    }
                    if (world.mapRect(lakePath.boundingRect()).intersects(tileRect)) {
                        painter.setBrush(kWater);
                        painter.drawPath(lakePath);
                    }
                    painter.setBrush(Qt::NoBrush);
                    // Major rivers from the smallest zoom, the minor ones as the map comes closer.
                    for (int level = 0; level <= 4; ++level) {
                        if (zoom < (level <= 1 ? 5 : level == 2 ? 7 : level == 3 ? 9 : 10)) continue;
                        QPen riverPen(kRiver, level <= 1 ? (zoom >= 9 ? 2.2 : 1.4) : level == 2 ? 1.2 : 0.8);
                        riverPen.setCosmetic(true);
                        painter.setPen(riverPen);
                        painter.drawPath(riverPaths[static_cast<std::size_t>(level)]);
                    }
                    QPen coastPen(kCoast, zoom >= 9 ? 1.2 : 0.8);
                    coastPen.setCosmetic(true);
                    painter.setPen(coastPen);
                    painter.drawPath(coastPath);
                    QPen borderPen(kBorder, zoom >= 9 ? 2.0 : 1.2, Qt::DashLine);
                    borderPen.setCosmetic(true);
                    painter.setPen(borderPen);
                    painter.drawPath(borderPath);

                    // Labels in pixels; ones just outside the tile are drawn too so that a name
                    // crossing a tile edge is completed by its neighbour.
                    painter.resetTransform();
                    painter.setFont(font);
                    for (const Placed& placedLabel : placed) {
                        const Label& label = *placedLabel.label;
                        const QPointF at = placedLabel.at - QPointF(x * 256.0, y * 256.0);
                        if (!tileRect.adjusted(-200, -40, 200, 40).contains(at)) continue;
                        const bool crossing = label.town && label.rank >= 3;
                        painter.setPen(QPen(Qt::white, 1.5));
                        painter.setBrush(crossing ? QColor(90, 90, 90) : label.town ? kLabel : kPlaceLabel);
                        const double radius = label.rank <= 1 ? 4.0 : label.town || label.rank == 2 ? 3.0 : 2.2;
                        if (crossing) painter.drawRect(QRectF(at.x() - 3, at.y() - 3, 6, 6));
                        else painter.drawEllipse(at, radius, radius);
                        QPainterPath text;
                        text.addText(at + QPointF(6, -5), labelFont(font, label), label.name);
                        painter.setBrush(Qt::NoBrush);
                        painter.setPen(QPen(QColor(255, 255, 255, 220), 3.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
                        painter.drawPath(text);
                        painter.setPen(Qt::NoPen);
                        painter.setBrush(label.town ? kLabel : kPlaceLabel);
                        painter.drawPath(text);
                    }
                    painter.end();
                    const QString name = QStringLiteral("%1/osm_100-l-8-%2-%3-%4.png").arg(outDir).arg(zoom).arg(x).arg(y);
                    if (!tile.save(name)) {
                        std::fprintf(stderr, "cannot write %s\n", qPrintable(name));
                        return 1;
                    }
                    ++written;
                }
            }
        }
    }
    std::printf("basemap: %d tiles in %s\n", written, qPrintable(outDir));
    return 0;
}
