#pragma once

#include "reference_layers.h"

#include "snapshot.h"
#include "visible_events_model.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

namespace atlas::ui {

/// File → Export snapshot: writes what the map shows now (its area, the timeline's window,
/// the filters) as a PNG or PDF through the same renderer as `conflict-atlas export`.
class SnapshotExporter : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(VisibleEventsModel* events READ events WRITE setEvents NOTIFY eventsChanged REQUIRED)
    Q_PROPERTY(QString tileDirectory READ tileDirectory WRITE setTileDirectory NOTIFY tileDirectoryChanged)
    /// Placement halos as the map shows them (on unless the map's are off).
    Q_PROPERTY(bool placementHalos MEMBER m_placementHalos NOTIFY placementHalosChanged)
    /// The reference layers and incidents per area, drawn as the map draws them; may be null.
    Q_PROPERTY(ReferenceLayers* layers MEMBER m_layers NOTIFY layersChanged)
    /// "symbols" or "hexagons", as the map draws incidents.
    Q_PROPERTY(QString density MEMBER m_density NOTIFY layersChanged)

public:
    using QObject::QObject;
    [[nodiscard]] VisibleEventsModel* events() const { return m_events; }
    void setEvents(VisibleEventsModel* events);
    [[nodiscard]] QString tileDirectory() const { return m_tileDirectory; }
    void setTileDirectory(const QString& directory);

    /// Writes the snapshot of the area west..east × south..north at width × height pixels,
    /// clustered as the map is (above `clusterThreshold` events in view); returns a sentence
    /// for the user (where it went, or what went wrong).
    Q_INVOKABLE QString exportTo(const QUrl& location, double west, double south, double east, double north, int width,
                                 int height, int clusterThreshold) const;

    /// The marks the snapshot of that area would draw (atlas::ui::describeMarks).
    Q_INVOKABLE QVariantList drawnMarks(double west, double south, double east, double north, int width, int height,
                                        int clusterThreshold) const;

signals:
    void layersChanged();
    void eventsChanged();
    void tileDirectoryChanged();
    void placementHalosChanged();

private:
    [[nodiscard]] SnapshotView viewOf(double west, double south, double east, double north, int width, int height,
                                             int clusterThreshold) const;
    QPointer<VisibleEventsModel> m_events;
    QString m_tileDirectory;
    bool m_placementHalos = true;
    QPointer<ReferenceLayers> m_layers;
    QString m_density = QStringLiteral("symbols");
};

} // namespace atlas::ui
