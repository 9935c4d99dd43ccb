#pragma once

#include "atlas/geo/gazetteer.h"

#include <QGeoCoordinate>
#include <QObject>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace atlas::ui {

/// The map's "find a place" box: core's Gazetteer over the basemap's towns and GeoNames'
/// places, built into the program (resources/basemap, as Qt resources) and read on first use.
class PlaceSearch : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    using QObject::QObject;

    /// [{name, ascii, latitude, longitude, population, source}] of the places whose name
    /// matches, best first (atlas::Gazetteer::search), those near `near` (the map's centre)
    /// first, at most `limit`.
    Q_INVOKABLE QVariantList search(const QString& query, int limit = 10, const QGeoCoordinate& near = {});

private:
    std::unique_ptr<atlas::Gazetteer> m_gazetteer;
};

} // namespace atlas::ui
