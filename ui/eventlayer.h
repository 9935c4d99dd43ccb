#pragma once

#include "visibleeventsmodel.h"

#include <QPointer>
#include <QQuickItem>
#include <QTransform>
#include <QtQml/qqmlregistration.h>

#include <vector>


/// Draws every visible event as one scene-graph geometry above the map, instead of one map
/// item per event (see docs/design notes: thousands of MapQuickItems cannot keep up).
/// The QML side reports how the map currently projects four reference coordinates; from
/// them the layer derives an exact projective mapping from Web Mercator to its pixels, which
/// holds under zoom, pan, bearing and tilt.
class EventLayer : public QQuickItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(VisibleEventsModel* model READ model WRITE setModel NOTIFY modelChanged REQUIRED)
    Q_PROPERTY(int selectedRow READ selectedRow WRITE setSelectedRow NOTIFY selectedRowChanged)
    Q_PROPERTY(int drawnCount READ drawnCount NOTIFY drawnCountChanged)
    /// Above this many events inside the view, nearby events are drawn as one cluster (a
    /// circle sized by how many it holds, in the colour of its most frequent side); single
    /// events keep their symbols. Zooming in splits clusters.
    Q_PROPERTY(int clusterThreshold READ clusterThreshold WRITE setClusterThreshold NOTIFY clusterThresholdChanged)
    /// Whether the last frame drew clusters.
    Q_PROPERTY(bool clustered READ clustered NOTIFY framed)
    /// [{x, y, count}] of the clusters of the last frame (two events or more), for their labels.
    Q_PROPERTY(QVariantList clusterLabels READ clusterLabels NOTIFY framed)

public:
    explicit EventLayer(QQuickItem* parent = nullptr);

    [[nodiscard]] VisibleEventsModel* model() const { return m_model; }
    void setModel(VisibleEventsModel* model);
    [[nodiscard]] int selectedRow() const { return m_selectedRow; }
    void setSelectedRow(int row);
    /// Events inside the viewport at the last frame, clustered or not.
    [[nodiscard]] int drawnCount() const { return m_drawnCount; }
    [[nodiscard]] int clusterThreshold() const { return m_clusterThreshold; }
    void setClusterThreshold(int threshold);
    [[nodiscard]] bool clustered() const { return m_clustered; }
    [[nodiscard]] QVariantList clusterLabels() const { return m_clusterLabels; }

    /// Tells the layer where the map draws four coordinates (latitudes[i], longitudes[i]):
    /// screenPoints[i] is a QPointF in this item's coordinates.
    Q_INVOKABLE void setViewMapping(const QList<qreal>& latitudes, const QList<qreal>& longitudes,
                                    const QVariantList& screenPoints);
    /// The topmost row whose symbol covers (x, y), or -1 (also over a cluster).
    Q_INVOKABLE int rowAt(qreal x, qreal y) const;
    /// How many events the cluster drawn at (x, y) holds, or 0 where there is none.
    Q_INVOKABLE int clusterSizeAt(qreal x, qreal y) const;
    /// Where the symbol of `row` is drawn, in this item's coordinates.
    Q_INVOKABLE QPointF positionOfRow(int row) const;

signals:
    void modelChanged();
    void selectedRowChanged();
    void drawnCountChanged();
    void clusterThresholdChanged();
    void framed();

protected:
    void updatePolish() override;
    QSGNode* updatePaintNode(QSGNode* oldNode, UpdatePaintNodeData* data) override;
    void geometryChange(const QRectF& newGeometry, const QRectF& oldGeometry) override;

private:
    void resetDrawOrder();
    void rebuildDrawOrder();
    void rowsRemoved(int first, int last);
    void rowsInserted(int first, int last);

    // One thing drawn: an event's symbol (row >= 0) or a cluster of `count` events (row -1).
    struct DrawItem {
        QPointF centre;
        float radius;
        atlas::SymbolShape shape;
        QColor colour;
        int row;
        int count;
    };
    void refresh(); // recompute the frame before the next paint

    QPointer<VisibleEventsModel> m_model;
    // Built on the GUI thread (updatePolish), in draw order; the render thread only reads it
    // while the GUI thread waits (updatePaintNode).
    std::vector<DrawItem> m_frame;
    int m_clusterThreshold = 3000;
    bool m_clustered = false;
    QVariantList m_clusterLabels;
    QTransform m_mercatorToItem;
    bool m_hasMapping = false;
    std::vector<int> m_drawOrder; // rows, largest symbols first so small ones stay clickable
    int m_selectedRow = -1;
    int m_drawnCount = 0;
};
