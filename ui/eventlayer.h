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

public:
    explicit EventLayer(QQuickItem* parent = nullptr);

    [[nodiscard]] VisibleEventsModel* model() const { return m_model; }
    void setModel(VisibleEventsModel* model);
    [[nodiscard]] int selectedRow() const { return m_selectedRow; }
    void setSelectedRow(int row);
    /// Symbols inside the viewport at the last paint.
    [[nodiscard]] int drawnCount() const { return m_drawnCount; }

    /// Tells the layer where the map draws four coordinates (latitudes[i], longitudes[i]):
    /// screenPoints[i] is a QPointF in this item's coordinates.
    Q_INVOKABLE void setViewMapping(const QList<qreal>& latitudes, const QList<qreal>& longitudes,
                                    const QVariantList& screenPoints);
    /// The topmost row whose symbol covers (x, y), or -1.
    Q_INVOKABLE int rowAt(qreal x, qreal y) const;
    /// Where the symbol of `row` is drawn, in this item's coordinates.
    Q_INVOKABLE QPointF positionOfRow(int row) const;

signals:
    void modelChanged();
    void selectedRowChanged();
    void drawnCountChanged();

protected:
    QSGNode* updatePaintNode(QSGNode* oldNode, UpdatePaintNodeData* data) override;

private:
    void resetDrawOrder();
    void rebuildDrawOrder();
    void rowsRemoved(int first, int last);
    void rowsInserted(int first, int last);

    QPointer<VisibleEventsModel> m_model;
    QTransform m_mercatorToItem;
    bool m_hasMapping = false;
    std::vector<int> m_drawOrder; // rows, largest symbols first so small ones stay clickable
    int m_selectedRow = -1;
    int m_drawnCount = 0;
};
