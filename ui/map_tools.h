#pragma once

#include <QGeoCoordinate>
#include <QObject>
#include <QString>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace atlas::ui {

/// The map's tools' arithmetic, from core's geodesy: what a coordinate reads as, and how far
/// a measured path runs.
class MapTools : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    /// Who made the bundled offline basemap (core's kOfflineBasemapAttribution).
    Q_PROPERTY(QString offlineAttribution READ offlineAttribution CONSTANT)

public:
    [[nodiscard]] QString offlineAttribution() const;
    using QObject::QObject;

    /// "36.1164° N, 36.5147° E · 36°06′59″ N, 36°30′53″ E".
    Q_INVOKABLE QString coordinateText(const QGeoCoordinate& coordinate) const;
    /// A path of coordinates: {km: total great-circle length, lastKm: its last leg,
    /// bearing: the last leg's initial bearing in degrees (-1 with fewer than two points),
    /// text: "12.4 km · last leg 3.1 km, bearing 58°"}.
    Q_INVOKABLE QVariantMap measure(const QVariantList& path) const;
    /// A custom tile source as the map takes it (core's parseTileSource): {ok, template (with
    /// %z/%x/%y), local, attribution, maxZoom, message}; `message` says what is wrong when not ok.
    Q_INVOKABLE QVariantMap tileSourceOf(const QString& text, const QString& attribution, int maxZoom) const;
};

} // namespace atlas::ui
