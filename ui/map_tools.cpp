#include "map_tools.h"

#include "atlas/geo/basemap.h"
#include "atlas/geo/tile_source.h"

#include <algorithm>

#include "atlas/geo/geo.h"

#include <QLocale>

namespace atlas::ui {

QString MapTools::offlineAttribution() const { return QString::fromUtf8(atlas::kOfflineBasemapAttribution); }

namespace {

atlas::GeoPoint pointOf(const QGeoCoordinate& c) { return {c.latitude(), c.longitude()}; }

} // namespace

QString MapTools::coordinateText(const QGeoCoordinate& coordinate) const {
    if (!coordinate.isValid()) return {};
    const atlas::GeoPoint p = pointOf(coordinate);
    return QString::fromStdString(atlas::formatDecimalDegrees(p)) + QStringLiteral(" \u00B7 ") +
           QString::fromStdString(atlas::formatDegreesMinutesSeconds(p));
}

QVariantMap MapTools::measure(const QVariantList& path) const {
    double km = 0, lastKm = 0, bearing = -1;
    for (qsizetype i = 1; i < path.size(); ++i) {
        const auto a = pointOf(path[i - 1].value<QGeoCoordinate>()), b = pointOf(path[i].value<QGeoCoordinate>());
        lastKm = atlas::greatCircleKm(a, b);
        km += lastKm;
        bearing = atlas::initialBearingDegrees(a, b);
    }
    const QLocale english(QLocale::English);
    QString text;
    if (path.size() < 2) {
        text = tr("Click the map to measure; Esc ends");
    } else {
        text = tr("%1 km").arg(english.toString(km, 'f', km < 10 ? 2 : 1));
        if (path.size() > 2) text += tr(" · last leg %1 km").arg(english.toString(lastKm, 'f', lastKm < 10 ? 2 : 1));
        text += tr(", bearing %1°").arg(qRound(bearing) % 360);
    }
    return {{QStringLiteral("km"), km}, {QStringLiteral("lastKm"), lastKm}, {QStringLiteral("bearing"), bearing},
            {QStringLiteral("text"), text}};
}

QVariantMap MapTools::tileSourceOf(const QString& text, const QString& attribution, int maxZoom) const {
    const atlas::TileSourceParse parsed = atlas::parseTileSource(text.toStdString());
    return {{QStringLiteral("ok"), !parsed.urlTemplate.empty()},
            {QStringLiteral("template"), QString::fromStdString(parsed.urlTemplate)},
            {QStringLiteral("local"), parsed.local},
            {QStringLiteral("given"), text.trimmed()},
            {QStringLiteral("attribution"), attribution.trimmed()},
            {QStringLiteral("maxZoom"), std::clamp(maxZoom, 1, 22)},
            {QStringLiteral("message"), QString::fromStdString(parsed.error)}};
}

} // namespace atlas::ui
