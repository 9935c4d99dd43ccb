#include "eventlayer.h"

#include "symbology.h"
#include "visibleeventsmodel.h"

#include <QSGGeometryNode>
#include <QSGVertexColorMaterial>
#include <QVariantMap>

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <cmath>
#include <array>
#include <numeric>

namespace {

struct Vertex {
    float x, y;
    unsigned char r, g, b, a;
};

// Each shape's outline at radius 1, from the symbology the snapshot renderer draws with too,
// flattened once into the corners of a triangle fan.
const std::vector<QPointF>& unitCorners(atlas::SymbolShape shape) {
    static const std::array<std::vector<QPointF>, 4> corners = [] {
        std::array<std::vector<QPointF>, 4> out;
        for (int s = 0; s < 4; ++s) {
            QPolygonF polygon = symbolOutline(static_cast<atlas::SymbolShape>(s), 1.0).toFillPolygon();
            if (polygon.size() > 1 && polygon.front() == polygon.back()) polygon.removeLast(); // closed: the fan closes itself
            out[static_cast<std::size_t>(s)].assign(polygon.begin(), polygon.end());
        }
        return out;
    }();
    return corners[static_cast<std::size_t>(shape)];
}

void appendShape(std::vector<Vertex>& out, QPointF centre, float radius, atlas::SymbolShape shape, QColor colour) {
    const auto r = static_cast<unsigned char>(colour.red());
    const auto g = static_cast<unsigned char>(colour.green());
    const auto b = static_cast<unsigned char>(colour.blue());
    const auto a = static_cast<unsigned char>(colour.alpha());
    const auto cx = static_cast<float>(centre.x());
    const auto cy = static_cast<float>(centre.y());
    const std::vector<QPointF>& corners = unitCorners(shape);
    for (std::size_t i = 0; i < corners.size(); ++i) {
        const QPointF& p = corners[i];
        const QPointF& q = corners[(i + 1) % corners.size()];
        out.push_back({cx, cy, r, g, b, a});
        out.push_back({cx + radius * static_cast<float>(p.x()), cy + radius * static_cast<float>(p.y()), r, g, b, a});
        out.push_back({cx + radius * static_cast<float>(q.x()), cy + radius * static_cast<float>(q.y()), r, g, b, a});
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
    refresh();
}

void EventLayer::rowsRemoved(int first, int last) {
    if (m_selectedRow >= first && m_selectedRow <= last) setSelectedRow(-1);
    else if (m_selectedRow > last) setSelectedRow(m_selectedRow - (last - first + 1));
    rebuildDrawOrder();
    refresh();
}

void EventLayer::rowsInserted(int first, int last) {
    if (m_selectedRow >= first) setSelectedRow(m_selectedRow + (last - first + 1));
    rebuildDrawOrder();
    refresh();
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
    update(); // the selection is drawn on top of the frame: nothing to recompute
}

void EventLayer::setClusterThreshold(int threshold) {
    if (threshold == m_clusterThreshold) return;
    m_clusterThreshold = threshold;
    emit clusterThresholdChanged();
    refresh();
}

void EventLayer::refresh() {
    polish();
    update();
}

void EventLayer::geometryChange(const QRectF& newGeometry, const QRectF& oldGeometry) {
    QQuickItem::geometryChange(newGeometry, oldGeometry);
    refresh();
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
    refresh();
}

QPointF EventLayer::positionOfRow(int row) const {
    if (!m_model || !m_hasMapping || row < 0 || row >= m_model->count()) return {qQNaN(), qQNaN()};
    const MapSymbol& symbol = m_model->symbols()[static_cast<std::size_t>(row)];
    return m_mercatorToItem.map(QPointF(symbol.position.x, symbol.position.y));
}

int EventLayer::rowAt(qreal x, qreal y) const {
    // Reverse draw order: what is drawn last is on top and wins.
    for (auto it = m_frame.rbegin(); it != m_frame.rend(); ++it) {
        const double reach = it->radius * 1.15 + 3.0; // a little slack for fingers and trackpads
        if (std::hypot(it->centre.x() - x, it->centre.y() - y) <= reach) return it->row;
    }
    return -1;
}

int EventLayer::clusterSizeAt(qreal x, qreal y) const {
    for (auto it = m_frame.rbegin(); it != m_frame.rend(); ++it)
        if (std::hypot(it->centre.x() - x, it->centre.y() - y) <= it->radius + 3.0) return it->row < 0 ? it->count : 0;
    return 0;
}


void EventLayer::updatePolish() {
    m_frame.clear();
    int inView = 0;
    if (m_model && m_hasMapping) {
        const auto& symbols = m_model->symbols();
        const QRectF bounds = boundingRect();
        // Rows in draw order whose symbols reach into the view, with where they are drawn.
        std::vector<std::pair<int, QPointF>> visible;
        visible.reserve(m_drawOrder.size());
        for (int row : m_drawOrder) {
            const MapSymbol& symbol = symbols[static_cast<std::size_t>(row)];
            const QPointF centre = m_mercatorToItem.map(QPointF(symbol.position.x, symbol.position.y));
            const double margin = symbol.radius * 1.2 + 6.0;
            if (!bounds.adjusted(-margin, -margin, margin, margin).contains(centre)) continue;
            visible.emplace_back(row, centre);
        }
        inView = static_cast<int>(visible.size());
        m_clustered = inView > m_clusterThreshold;
        if (!m_clustered) {
            for (const auto& [row, centre] : visible) {
                const MapSymbol& symbol = symbols[static_cast<std::size_t>(row)];
                m_frame.push_back({centre, symbol.radius, symbol.shape, symbol.colour, row, 1});
            }
        } else {
            // Screen cells of kClusterCell pixels: a cluster sits at the mean of its events and
            // takes the colour most of them have; a cell with one event draws that event.
            constexpr double kClusterCell = 56.0;
            struct Cell {
                double x = 0, y = 0;
                int count = 0;
                int firstRow = -1;
                QPointF firstCentre;
                std::vector<std::pair<QRgb, int>> colours;
            };
            // Cells are anchored to where the map draws Mercator's origin, so panning moves
            // them with the events and a cluster keeps its members.
            const QPointF origin = m_mercatorToItem.map(QPointF(0.0, 0.0));
            std::unordered_map<std::int64_t, Cell> cells;
            std::vector<std::int64_t> order; // cells in the order first met, for a stable frame
            for (const auto& [row, c] : visible) {
                const auto key = (static_cast<std::int64_t>(std::floor((c.x() - origin.x()) / kClusterCell)) << 32) ^
                                 static_cast<std::uint32_t>(static_cast<std::int32_t>(std::floor((c.y() - origin.y()) / kClusterCell)));
                auto [it, added] = cells.try_emplace(key);
                if (added) order.push_back(key);
                Cell& cell = it->second;
                if (cell.firstRow < 0) {
                    cell.firstRow = row;
                    cell.firstCentre = c;
                }
                cell.x += c.x();
                cell.y += c.y();
                ++cell.count;
                const QRgb rgb = symbols[static_cast<std::size_t>(row)].colour.rgba();
                auto colour = std::find_if(cell.colours.begin(), cell.colours.end(), [&](const auto& p) { return p.first == rgb; });
                if (colour == cell.colours.end()) cell.colours.emplace_back(rgb, 1);
                else ++colour->second;
            }
            // Cells whose circles would overlap are merged, biggest first, so no cluster hides
            // another or its number.
            auto radiusOf = [](int count) { return 9.0f + 5.0f * static_cast<float>(std::log10(count)); };
            std::vector<Cell> groups;
            groups.reserve(order.size());
            for (const std::int64_t key : order) groups.push_back(std::move(cells[key]));
            std::stable_sort(groups.begin(), groups.end(), [](const Cell& a, const Cell& b) { return a.count > b.count; });
            std::vector<Cell> kept;
            for (Cell& group : groups) {
                const QPointF centre(group.x / group.count, group.y / group.count);
                const float reach = group.count == 1 ? symbols[static_cast<std::size_t>(group.firstRow)].radius : radiusOf(group.count);
                auto overlapped = std::find_if(kept.begin(), kept.end(), [&](const Cell& k) {
                    return std::hypot(k.x / k.count - centre.x(), k.y / k.count - centre.y()) < radiusOf(std::max(k.count, 2)) + reach + 2.0;
                });
                if (overlapped == kept.end()) {
                    kept.push_back(std::move(group));
                    continue;
                }
                overlapped->x += group.x;
                overlapped->y += group.y;
                overlapped->count += group.count;
                for (const auto& [rgb, n] : group.colours) {
                    auto colour = std::find_if(overlapped->colours.begin(), overlapped->colours.end(), [&](const auto& p) { return p.first == rgb; });
                    if (colour == overlapped->colours.end()) overlapped->colours.emplace_back(rgb, n);
                    else colour->second += n;
                }
            }
            std::vector<DrawItem> singles;
            for (const Cell& cell : kept) {
                if (cell.count == 1) {
                    const MapSymbol& symbol = symbols[static_cast<std::size_t>(cell.firstRow)];
                    singles.push_back({cell.firstCentre, symbol.radius, symbol.shape, symbol.colour, cell.firstRow, 1});
                    continue;
                }
                const auto most = std::max_element(cell.colours.begin(), cell.colours.end(),
                                                   [](const auto& a, const auto& b) { return a.second < b.second; });
                m_frame.push_back({QPointF(cell.x / cell.count, cell.y / cell.count), radiusOf(cell.count), atlas::SymbolShape::Circle,
                                   QColor::fromRgba(most->first), -1, cell.count});
            }
            m_frame.insert(m_frame.end(), singles.begin(), singles.end()); // single events above the clusters
        }
    }
    // Built once a frame: every label delegate reads this list.
    m_clusterLabels.clear();
    for (const DrawItem& item : m_frame)
        if (item.row < 0)
            m_clusterLabels.append(QVariantMap{{QStringLiteral("x"), item.centre.x()}, {QStringLiteral("y"), item.centre.y()},
                                               {QStringLiteral("count"), item.count}});
    if (inView != m_drawnCount) {
        m_drawnCount = inView;
        emit drawnCountChanged();
    }
    emit framed();
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

    // Runs on the render thread while the GUI thread waits: reading the frame is safe here.
    std::vector<Vertex> vertices;
    vertices.reserve(m_frame.size() * unitCorners(atlas::SymbolShape::Circle).size() * 6);
    const QColor outline(20, 20, 20), clusterRing(255, 255, 255);
    for (const DrawItem& item : m_frame) {
        appendShape(vertices, item.centre, item.radius + (item.row < 0 ? 2.5f : 1.5f), item.shape, item.row < 0 ? clusterRing : outline);
        if (item.row < 0) appendShape(vertices, item.centre, item.radius + 1.0f, item.shape, outline);
        appendShape(vertices, item.centre, item.radius, item.shape, item.colour);
    }
    if (m_model && m_hasMapping && m_selectedRow >= 0 && m_selectedRow < m_model->count()) {
        // The selection is drawn on top, even when its event sits inside a cluster.
        const MapSymbol& symbol = m_model->symbols()[static_cast<std::size_t>(m_selectedRow)];
        const QPointF centre = m_mercatorToItem.map(QPointF(symbol.position.x, symbol.position.y));
        appendShape(vertices, centre, symbol.radius + 6.0f, symbol.shape, QColor(255, 214, 0));
        appendShape(vertices, centre, symbol.radius + 1.5f, symbol.shape, outline);
        appendShape(vertices, centre, symbol.radius, symbol.shape, symbol.colour);
    }

    QSGGeometry* geometry = node->geometry();
    geometry->allocate(static_cast<int>(vertices.size()));
    std::copy(vertices.begin(), vertices.end(), static_cast<Vertex*>(geometry->vertexData()));
    node->markDirty(QSGNode::DirtyGeometry);
    return node;
}
