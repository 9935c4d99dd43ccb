#include "place_search.h"

#include <QFile>
#include <QVariantMap>

#include <cstdio>

namespace atlas::ui {

QVariantList PlaceSearch::search(const QString& query, int limit, const QGeoCoordinate& near) {
    if (!m_gazetteer) {
        m_gazetteer = std::make_unique<atlas::Gazetteer>();
        // The hand-checked towns first: where both name a place, theirs is the one listed.
        for (const auto& [file, source] : {std::pair{QStringLiteral(":/basemap/towns.geojson"), "towns"},
                                          std::pair{QStringLiteral(":/basemap/places.geojson"), "GeoNames"}}) {
            QFile resource(file);
            if (!resource.open(QIODevice::ReadOnly)) continue;
            const QByteArray bytes = resource.readAll();
            for (const atlas::Diagnostic& problem :
                 m_gazetteer->addGeoJson(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), file.toStdString(), source))
                std::fprintf(stderr, "%s\n", problem.toString().c_str());
        }
    }
    QVariantList out;
    const std::optional<atlas::GeoPoint> centre =
        near.isValid() ? std::optional<atlas::GeoPoint>(atlas::GeoPoint{near.latitude(), near.longitude()}) : std::nullopt;
    for (const atlas::GazetteerPlace& place : m_gazetteer->search(query.toStdString(), static_cast<std::size_t>(std::max(1, limit)), centre))
        out.append(QVariantMap{{QStringLiteral("name"), QString::fromStdString(place.name)},
                               {QStringLiteral("ascii"), QString::fromStdString(place.ascii)},
                               {QStringLiteral("latitude"), place.point.latitude},
                               {QStringLiteral("longitude"), place.point.longitude},
                               {QStringLiteral("population"), static_cast<qlonglong>(place.population)},
                               {QStringLiteral("source"), QString::fromStdString(place.source)}});
    return out;
}

} // namespace atlas::ui
