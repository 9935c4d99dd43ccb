#include "eventlayer.h"

#include "visibleeventsmodel.h"

#include <QSGGeometryNode>
#include <QSGVertexColorMaterial>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

namespace {

constexpr int kCircleSegments = 20;

struct Vertex {
    float x, y;
    unsigned char r, g, b, a;
};

void appendShape(std::vector<Vertex>& out, QPointF centre, float radius, atlas::SymbolShape shape, QColor colour) {
    const auto r = static_cast<unsigned char>(colour.red());
    const auto g = static_cast<unsigned char>(colour.green());
    const auto b = static_cast<unsigned char>(colour.blue());
    const auto a = static_cast<unsigned char>(colour.alpha());
    const auto cx = static_cast<float>(centre.x());
    const auto cy = static_cast<float>(centre.y());
    auto fan = [&](const std::vector<QPointF>& corners) {
        for (std::size_t i = 0; i < corners.size(); ++i) {
            const QPointF& p = corners[i];
            const QPointF& q = corners[(i + 1) % corners.size()];
            out.push_back({cx, cy, r, g, b, a});
            out.push_back({cx + static_cast<float>(p.x()), cy + static_cast<float>(p.y()), r, g, b, a});
            out.push_back({cx + static_cast<float>(q.x()), cy + static_cast<float>(q.y()), r, g, b, a});
        }
    };
    switch (shape) {
    case atlas::SymbolShape::Circle: {
        std::vector<QPointF> corners;
        for (int i = 0; i < kCircleSegments; ++i) {
            const double angle = 2.0 * std::numbers::pi * i / kCircleSegments;
            corners.emplace_back(radius * std::cos(angle), radius * std::sin(angle));
        }
        fan(corners);
        break;
    }
    case atlas::SymbolShape::Triangle: // points down: a strike from above
        fan({{-radius * 1.1, -radius * 0.75}, {radius * 1.1, -radius * 0.75}, {0.0, radius * 1.15}});
        break;
    case atlas::SymbolShape::Square:
        fan({{-radius * 0.85, -radius * 0.85}, {radius * 0.85, -radius * 0.85}, {radius * 0.85, radius * 0.85},
             {-radius * 0.85, radius * 0.85}});
        break;
    case atlas::SymbolShape::Diamond:
        fan({{0.0, -radius * 1.15}, {radius * 1.15, 0.0}, {0.0, radius * 1.15}, {-radius * 1.15, 0.0}});
        break;
    }
}

} // namespace

EventLayer::EventLayer(QQuickItem* parent) : QQuickItem(parent) {
    setFlag(ItemHasContents, true);
}

void EventLayer::setModel(VisibleEventsModel* model) {
    if (m_model == model) return;
    if (m_model) disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (m_model) {
        connect(m_model, &QAbstractItemModel::modelReset, this, &EventLayer::resetDrawOrder);
        // A sliding window removes and inserts rows at the ends: the selection follows its event.
        connect(m_model, &QAbstractItemModel::rowsRemoved, this,
                [this](const QModelIndex&, int first, int last) { rowsRemoved(first, last); });
        connect(m_model, &QAbstractItemModel::rowsInserted, this,
                [this](const QModelIndex&, int first, int last) { rowsInserted(first, last); });
    }
    resetDrawOrder();
    emit modelChanged();
}

void EventLayer::resetDrawOrder() {
    rebuildDrawOrder();
    setSelectedRow(-1); // rows of the old window mean other events now
    update();
}

void EventLayer::rowsRemoved(int first, int last) {
    if (m_selectedRow >= first && m_selectedRow <= last) setSelectedRow(-1);
    else if (m_selectedRow > last) setSelectedRow(m_selectedRow - (last - first + 1));
    rebuildDrawOrder();
    update();
}

void EventLayer::rowsInserted(int first, int last) {
    if (m_selectedRow >= first) setSelectedRow(m_selectedRow + (last - first + 1));
    rebuildDrawOrder();
    update();
}

void EventLayer::rebuildDrawOrder() {
    m_drawOrder.clear();
    if (m_model) {
        const auto& symbols = m_model->symbols();
        m_drawOrder.resize(symbols.size());
        std::iota(m_drawOrder.begin(), m_drawOrder.end(), 0);
        std::stable_sort(m_drawOrder.begin(), m_drawOrder.end(), [&](int a, int b) {
            return symbols[static_cast<std::size_t>(a)].radius > symbols[static_cast<std::size_t>(b)].radius;
        });
    }
}

void EventLayer::setSelectedRow(int row) {
    if (row == m_selectedRow) return;
    m_selectedRow = row;
    emit selectedRowChanged();
    update();
}

void EventLayer::setViewMapping(const QList<qreal>& latitudes, const QList<qreal>& longitudes,
                                const QVariantList& screenPoints) {
    if (latitudes.size() != 4 || longitudes.size() != 4 || screenPoints.size() != 4) return;
    QPolygonF mercator;
    QPolygonF screen;
    for (int i = 0; i < 4; ++i) {
        const atlas::MercatorPoint point = atlas::toMercator({latitudes[i], longitudes[i]});
        mercator << QPointF(point.x, point.y);
        const QPointF onScreen = screenPoints[i].toPointF();
        if (!std::isfinite(onScreen.x()) || !std::isfinite(onScreen.y())) return;
        screen << onScreen;
    }
    QTransform transform;
    if (!QTransform::quadToQuad(mercator, screen, transform)) return;
    m_mercatorToItem = transform;
    m_hasMapping = true;
    update();
}

QPointF EventLayer::positionOfRow(int row) const {
    if (!m_model || !m_hasMapping || row < 0 || row >= m_model->count()) return {qQNaN(), qQNaN()};
    const MapSymbol& symbol = m_model->symbols()[static_cast<std::size_t>(row)];
    return m_mercatorToItem.map(QPointF(symbol.position.x, symbol.position.y));
}

int EventLayer::rowAt(qreal x, qreal y) const {
    if (!m_model || !m_hasMapping) return -1;
    const auto& symbols = m_model->symbols();
    // Reverse draw order: what is drawn last is on top and wins.
    for (auto it = m_drawOrder.rbegin(); it != m_drawOrder.rend(); ++it) {
        const MapSymbol& symbol = symbols[static_cast<std::size_t>(*it)];
        const QPointF centre = m_mercatorToItem.map(QPointF(symbol.position.x, symbol.position.y));
        const double reach = symbol.radius * 1.15 + 3.0; // a little slack for fingers and trackpads
        if (std::hypot(centre.x() - x, centre.y() - y) <= reach) return *it;
    }
    return -1;
}

QSGNode* EventLayer::updatePaintNode(QSGNode* oldNode, UpdatePaintNodeData*) {
    auto* node = static_cast<QSGGeometryNode*>(oldNode);
    if (!node) {
        node = new QSGGeometryNode;
        auto* geometry = new QSGGeometry(QSGGeometry::defaultAttributes_ColoredPoint2D(), 0);
        geometry->setDrawingMode(QSGGeometry::DrawTriangles);
        node->setGeometry(geometry);
        node->setFlag(QSGNode::OwnsGeometry);
        node->setMaterial(new QSGVertexColorMaterial);
        node->setFlag(QSGNode::OwnsMaterial);
    }

    // Runs on the render thread while the GUI thread waits: reading the model is safe here.
    std::vector<Vertex> vertices;
    int drawn = 0;
    if (m_model && m_hasMapping) {
        const auto& symbols = m_model->symbols();
        const QRectF bounds = boundingRect();
        const QColor outline(20, 20, 20);
        auto draw = [&](int row, bool selected) {
            const MapSymbol& symbol = symbols[static_cast<std::size_t>(row)];
            const QPointF centre = m_mercatorToItem.map(QPointF(symbol.position.x, symbol.position.y));
            const float margin = symbol.radius * 1.2f + 6.0f;
            if (!bounds.adjusted(-margin, -margin, margin, margin).contains(centre)) return;
            if (selected) appendShape(vertices, centre, symbol.radius + 6.0f, symbol.shape, QColor(255, 214, 0));
            appendShape(vertices, centre, symbol.radius + 1.5f, symbol.shape, outline);
            appendShape(vertices, centre, symbol.radius, symbol.shape, symbol.colour);
            if (!selected) ++drawn;
        };
        vertices.reserve(m_drawOrder.size() * kCircleSegments * 6);
        for (int row : m_drawOrder) draw(row, false);
        if (m_selectedRow >= 0 && m_selectedRow < static_cast<int>(symbols.size())) draw(m_selectedRow, true);
    }

    QSGGeometry* geometry = node->geometry();
    geometry->allocate(static_cast<int>(vertices.size()));
    std::copy(vertices.begin(), vertices.end(), static_cast<Vertex*>(geometry->vertexData()));
    node->markDirty(QSGNode::DirtyGeometry);
    if (drawn != m_drawnCount) {
        m_drawnCount = drawn;
        // Announced from the GUI thread: the render thread must not emit into QML.
        QMetaObject::invokeMethod(this, &EventLayer::drawnCountChanged, Qt::QueuedConnection);
    }
    return node;
}
