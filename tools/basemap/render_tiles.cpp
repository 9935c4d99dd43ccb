// Renders the offline basemap (resources/basemap/*.geojson: Natural Earth countries, borders,
// coastline, and a gazetteer of towns) into XYZ PNG tiles named the way Qt Location's osm
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

struct Label {
    QPointF mercator;
    QString name;
    int rank;
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

// Smallest zoom at which a label of this rank is drawn.
int labelZoom(int rank) { return rank <= 1 ? 6 : rank == 2 ? 8 : 10; }

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
    atlas::BasemapLayer countries, borders, coastline, towns;
    if (!loadLayer(in + "/countries.geojson", countries) || !loadLayer(in + "/borders.geojson", borders) ||
        !loadLayer(in + "/coastline.geojson", coastline) || !loadLayer(in + "/towns.geojson", towns))
        return 1;

    std::vector<std::pair<QPainterPath, QColor>> fills;
    for (const auto& feature : countries.features)
        fills.emplace_back(toPath(feature, true), feature.name == "Syria" ? kSyria : kNeighbour);
    QPainterPath borderPath, coastPath;
    for (const auto& feature : borders.features) borderPath.addPath(toPath(feature, false));
    for (const auto& feature : coastline.features) coastPath.addPath(toPath(feature, false));
    std::vector<Label> labels;
    for (const auto& feature : towns.features) {
        const atlas::MercatorPoint p = atlas::toMercator(feature.parts.front().front());
        labels.push_back({QPointF(p.x, p.y), QString::fromStdString(feature.name), feature.rank});
    }

    QDir().mkpath(parser.value(output));
    const QString outDir = QDir(parser.value(output)).absolutePath();
    QFont font(QStringLiteral("DejaVu Sans"));
    int written = 0;
    for (const Region& region : kRegions) {
        for (int zoom = region.minZoom; zoom <= region.maxZoom; ++zoom) {
            const atlas::TileRange range = atlas::tilesCovering(region.box, zoom);
            const double scale = 256.0 * std::ldexp(1.0, zoom);
            font.setPixelSize(zoom <= 7 ? 11 : 12);
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
                    painter.setBrush(Qt::NoBrush);
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
                    for (const Label& label : labels) {
                        if (zoom < labelZoom(label.rank)) continue;
                        const QPointF at = world.map(label.mercator);
                        if (!tileRect.adjusted(-160, -40, 160, 40).contains(at)) continue;
                        const bool crossing = label.rank >= 3;
                        painter.setPen(QPen(Qt::white, 1.5));
                        painter.setBrush(crossing ? QColor(90, 90, 90) : kLabel);
                        if (crossing) painter.drawRect(QRectF(at.x() - 3, at.y() - 3, 6, 6));
                        else painter.drawEllipse(at, label.rank <= 1 ? 4.0 : 3.0, label.rank <= 1 ? 4.0 : 3.0);
                        QPainterPath text;
                        QFont labelFont = font;
                        labelFont.setBold(label.rank <= 1);
                        text.addText(at + QPointF(6, -5), labelFont, label.name);
                        painter.setBrush(Qt::NoBrush);
                        painter.setPen(QPen(QColor(255, 255, 255, 220), 3.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
                        painter.drawPath(text);
                        painter.setPen(Qt::NoPen);
                        painter.setBrush(kLabel);
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
