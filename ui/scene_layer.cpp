#include "scene_layer.h"

#include "scene_painter.h"
#include "symbology.h"
#include "timeline.h"

#include <QPainter>
#include <QQuickWindow>
#include <QSGGeometryNode>
#include <QSGImageNode>
#include <QSGVertexColorMaterial>
#include <QVariantMap>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <numeric>

namespace atlas::ui {

namespace {

using atlas::render::PixelPoint;

struct Vertex {
    float x, y;
    unsigned char r, g, b, a;
};

// Each shape's corners at radius 1 (core's symbolCorners; a circle as a 24-gon), for a fan.
const std::vector<atlas::UnitCorner>& fanCorners(atlas::SymbolShape shape) {
    static const std::vector<atlas::UnitCorner> circle = [] {
        std::vector<atlas::UnitCorner> corners;
        for (int i = 0; i < 24; ++i) {
            const double angle = 2 * std::numbers::pi * i / 24;
            corners.push_back({std::cos(angle), std::sin(angle)});
        }
        return corners;
    }();
    return shape == atlas::SymbolShape::Circle ? circle : atlas::symbolCorners(shape);
}

void appendShape(std::vector<Vertex>& out, PixelPoint centre, double radius, atlas::SymbolShape shape, atlas::Rgba colour) {
    const auto cx = static_cast<float>(centre.x), cy = static_cast<float>(centre.y), r = static_cast<float>(radius);
    const std::vector<atlas::UnitCorner>& corners = fanCorners(shape);
    for (std::size_t i = 0; i < corners.size(); ++i) {
        const atlas::UnitCorner& p = corners[i];
        const atlas::UnitCorner& q = corners[(i + 1) % corners.size()];
        out.push_back({cx, cy, colour.red, colour.green, colour.blue, colour.alpha});
        out.push_back({cx + r * static_cast<float>(p.x), cy + r * static_cast<float>(p.y), colour.red, colour.green, colour.blue, colour.alpha});
        out.push_back({cx + r * static_cast<float>(q.x), cy + r * static_cast<float>(q.y), colour.red, colour.green, colour.blue, colour.alpha});
    }
}

} // namespace

SceneLayer::SceneLayer(QQuickItem* parent) : QQuickItem(parent) {
    setFlag(ItemHasContents, true);
}

void SceneLayer::setModel(VisibleEventsModel* model) {
    if (m_model == model) return;
    if (m_model) disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (m_model) {
        connect(m_model, &QAbstractItemModel::modelReset, this, &SceneLayer::resetDrawOrder);
        // A sliding window removes and inserts rows at the ends.
        connect(m_model, &QAbstractItemModel::rowsRemoved, this, &SceneLayer::rowsChanged);
        connect(m_model, &QAbstractItemModel::rowsInserted, this, &SceneLayer::rowsChanged);
        connect(m_model, &VisibleEventsModel::timelineChanged, this, &SceneLayer::connectTimeline);
        // A new dataset has other sites, lines and areas.
        connect(m_model, &VisibleEventsModel::documentChanged, this, [this] {
            m_situationDirty = true;
            m_hexScaleFor.reset();
            refresh();
        });
        // Other data in the same document: the hexagons' scale is worked out again.
        if (m_model->document()) connect(m_model->document(), &AtlasDocument::datasetChanged, this, [this] {
            m_hexScaleFor.reset();
            refresh();
        });
    }
    connectTimeline();
    resetDrawOrder();
    emit modelChanged();
}

void SceneLayer::connectTimeline() {
    if (m_timeline) disconnect(m_timeline, nullptr, this, nullptr);
    m_timeline = m_model ? m_model->timeline() : nullptr;
    // The situation is the slider's day's, whatever the window length.
    if (m_timeline) connect(m_timeline, &Timeline::windowChanged, this, &SceneLayer::refresh);
    m_situationDirty = true;
}

void SceneLayer::resetDrawOrder() {
    rebuildDrawOrder();
    m_situationDirty = true; // a new dataset comes with a reset too
    refresh();
}

void SceneLayer::rowsChanged() {
    // The selected row follows its event in the session (AtlasSession), which sets it here.
    rebuildDrawOrder();
    refresh();
}

void SceneLayer::rebuildDrawOrder() {
    m_drawOrder.clear();
    m_drawSymbols.clear();
    if (!m_model) return;
    const auto& symbols = m_model->datasetSymbols();
    if (symbols.empty()) return;
    // Each symbol's radius read once, then sorted where it lies: comparing through the dataset's
    // million symbols would miss the cache on every comparison.
    const std::vector<std::uint32_t>& rows = m_model->positions();
    std::vector<std::pair<float, std::uint32_t>> byRadius;
    byRadius.reserve(rows.size());
    for (const std::uint32_t position : rows) byRadius.emplace_back(symbols[position].radius, position);
    std::stable_sort(byRadius.begin(), byRadius.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    m_drawOrder.reserve(byRadius.size());
    m_drawSymbols.reserve(byRadius.size());
    for (const auto& entry : byRadius) {
        m_drawOrder.push_back(entry.second);
        m_drawSymbols.push_back(symbols[entry.second]);
    }
}

void SceneLayer::setSelectedRow(int row) {
    if (row == m_selectedRow) return;
    m_selectedRow = row;
    emit selectedRowChanged();
    updateSelectedMark();
    update(); // the selection is drawn on top of the scene: nothing else to rebuild
}

void SceneLayer::updateSelectedMark() {
    // A new selection needs only its own mark: the rest of the scene stays as it is.
    m_scene.selected.reset();
    if (!m_model || !m_hasMapping || m_selectedRow < 0 || m_selectedRow >= m_model->count()) return;
    m_scene.selected = atlas::render::selectionMark(m_model->datasetSymbols(), viewTransform(),
                                                    m_model->positions()[static_cast<std::size_t>(m_selectedRow)]);
}

void SceneLayer::setSelectedSite(int site) {
    if (site == m_selectedSite) return;
    m_selectedSite = site;
    emit selectedSiteChanged();
    m_situationDirty = true;
    refresh();
}

void SceneLayer::setClusterThreshold(int threshold) {
    if (threshold == m_clusterThreshold) return;
    m_clusterThreshold = threshold;
    emit clusterThresholdChanged();
    refresh();
}

void SceneLayer::setPlacementHalos(bool on) {
    if (on == m_placementHalos) return;
    m_placementHalos = on;
    emit placementHalosChanged();
    m_situationDirty = true;
    refresh();
}

void SceneLayer::setReferenceLayers(ReferenceLayers* layers) {
    if (layers == m_referenceLayers) return;
    if (m_referenceLayers) disconnect(m_referenceLayers, nullptr, this, nullptr);
    m_referenceLayers = layers;
    if (m_referenceLayers) connect(m_referenceLayers, &ReferenceLayers::drawingChanged, this, &SceneLayer::refresh);
    emit referenceLayersChanged();
    refresh();
}

void SceneLayer::setDensity(const QString& density) {
    const QString wanted = density == QLatin1String("hexagons") || density == QLatin1String("heat") ? density : QStringLiteral("symbols");
    if (wanted == m_density) return;
    m_density = wanted;
    m_situationDirty = true;
    emit densityChanged();
    refresh();
}

void SceneLayer::setComparison(PullComparison* comparison) {
    if (comparison == m_comparison) return;
    if (m_comparison) disconnect(m_comparison, nullptr, this, nullptr);
    m_comparison = comparison;
    if (m_comparison) connect(m_comparison, &PullComparison::changed, this, &SceneLayer::refresh);
    emit comparisonChanged();
    refresh();
}

void SceneLayer::refresh() {
    polish();
    update();
}

void SceneLayer::geometryChange(const QRectF& newGeometry, const QRectF& oldGeometry) {
    QQuickItem::geometryChange(newGeometry, oldGeometry);
    m_situationDirty = true;
    refresh();
}

void SceneLayer::setViewMapping(const QList<qreal>& latitudes, const QList<qreal>& longitudes,
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
    m_situationDirty = true;
    refresh();
}

atlas::render::ViewTransform SceneLayer::viewTransform() const {
    const QTransform& t = m_mercatorToItem;
    const double m[9] = {t.m11(), t.m12(), t.m13(), t.m21(), t.m22(), t.m23(), t.m31(), t.m32(), t.m33()};
    return atlas::render::ViewTransform::fromMatrix(m);
}

QPointF SceneLayer::positionOfRow(int row) const {
    if (!m_model || !m_hasMapping || row < 0 || row >= m_model->count()) return {qQNaN(), qQNaN()};
    const std::uint32_t position = m_model->positions()[static_cast<std::size_t>(row)];
    if (position >= m_model->datasetSymbols().size()) return {qQNaN(), qQNaN()};
    const PixelPoint p = viewTransform().map(m_model->datasetSymbols()[position].position);
    return {p.x, p.y};
}

QVariantList SceneLayer::drawnMarks() const { return atlas::ui::describeMarks(m_scene); }

QVariantMap SceneLayer::hitAt(qreal x, qreal y) const {
    const atlas::render::SceneHit hit = atlas::render::hitTest(m_scene, {x, y});
    QString kind;
    switch (hit.kind) {
    case atlas::render::SceneHit::Kind::Event: kind = QStringLiteral("event"); break;
    case atlas::render::SceneHit::Kind::Cluster: kind = QStringLiteral("cluster"); break;
    case atlas::render::SceneHit::Kind::Site: kind = QStringLiteral("site"); break;
    case atlas::render::SceneHit::Kind::Nothing: break;
    }
    return {{QStringLiteral("kind"), kind}, {QStringLiteral("row"), rowOf(hit)}, {QStringLiteral("count"), static_cast<int>(hit.count)}};
}

QVariantList SceneLayer::rowsAt(qreal x, qreal y) const {
    QVariantList rows;
    if (!m_model) return rows;
    for (const std::uint32_t position : atlas::render::eventsAt(m_scene, {x, y}))
        if (const int row = m_model->rowOfPosition(position); row >= 0) rows.append(row);
    return rows;
}

int SceneLayer::rowOf(const atlas::render::SceneHit& hit) const {
    switch (hit.kind) {
    case atlas::render::SceneHit::Kind::Event: return m_model ? m_model->rowOfPosition(hit.index) : -1;
    case atlas::render::SceneHit::Kind::Site: return static_cast<int>(hit.index);
    default: return -1;
    }
}

int SceneLayer::rowAt(qreal x, qreal y) const {
    const atlas::render::SceneHit hit = atlas::render::hitTest(m_scene, {x, y});
    return hit.kind == atlas::render::SceneHit::Kind::Event ? rowOf(hit) : -1;
}

int SceneLayer::clusterSizeAt(qreal x, qreal y) const {
    const atlas::render::SceneHit hit = atlas::render::hitTest(m_scene, {x, y});
    return hit.kind == atlas::render::SceneHit::Kind::Cluster ? static_cast<int>(hit.count) : 0;
}

QVariantMap SceneLayer::situationAt(qreal x, qreal y) const {
    const atlas::render::SituationHit hit = atlas::render::situationAt(m_scene, {x, y});
    const AtlasDocument* document = m_model ? m_model->document() : nullptr;
    if (hit.kind == atlas::render::SituationHit::Kind::Nothing || !document) return {{QStringLiteral("kind"), QString()}};
    const atlas::Dataset& dataset = document->dataset();
    auto found = [](const QString& kind, const auto& item) {
        return QVariantMap{{QStringLiteral("kind"), kind}, {QStringLiteral("id"), QString::fromStdString(item.id)}, {QStringLiteral("name"), QString::fromStdString(item.name)}};
    };
    if (hit.kind == atlas::render::SituationHit::Kind::Line && hit.index < dataset.lines.size()) return found(QStringLiteral("line"), dataset.lines[hit.index]);
    if (hit.kind == atlas::render::SituationHit::Kind::Area && hit.index < dataset.areas.size()) return found(QStringLiteral("area"), dataset.areas[hit.index]);
    return {{QStringLiteral("kind"), QString()}};
}

int SceneLayer::siteAt(qreal x, qreal y) const {
    const atlas::render::SceneHit hit = atlas::render::hitTest(m_scene, {x, y});
    return hit.kind == atlas::render::SceneHit::Kind::Site ? rowOf(hit) : -1;
}

void SceneLayer::updatePolish() {
    const std::size_t inViewBefore = m_scene.eventsInView;
    atlas::render::Scene scene;
    if (m_model && m_hasMapping && m_model->document()) {
        const atlas::Dataset& dataset = m_model->document()->dataset();
        atlas::render::SceneRequest request;
        request.view = viewTransform();
        request.width = width();
        request.height = height();
        request.events = m_drawOrder;
        request.eventSymbols = m_drawSymbols;
        request.symbols = &m_model->datasetSymbols();
        request.clustering = atlas::render::Clustering::AsOnScreen;
        request.clusterThreshold = static_cast<std::size_t>(std::max(0, m_clusterThreshold));
        request.placementHalos = m_placementHalos;
        if (m_timeline) request.situationDate = m_timeline->window().end;
        if (m_selectedSite >= 0) request.selectedSite = static_cast<std::uint32_t>(m_selectedSite);
        m_changeSpots.clear();
        if (m_comparison && m_comparison->active() && m_timeline && m_model->document()->asKnownOn().isEmpty())
            m_changeSpots = m_comparison->spots(m_drawOrder, m_model->datasetSymbols(), m_timeline->window());
        request.changes = m_changeSpots;
        if (m_referenceLayers) request.referenceLayers = m_referenceLayers->styles();
        m_densityLegend.clear();
        m_densityTitle.clear();
        if (m_density != QLatin1String("symbols")) {
            // Incidents counted per hexagon instead of drawn one by one; the scale is fixed for
            // this filter, window length and hexagon size (recounted only when one changes).
            const atlas::EventIndex& index = *m_model->document()->eventIndex();
            const atlas::EventFilter& shown = m_model->shownFilter();
            // The heat's scale is the hexagons' at the kernel's reach.
            const bool heat = m_density == QLatin1String("heat");
            const double size = atlas::render::hexSizeFor(request.view, heat ? 2 * atlas::map_style::kHeatRadiusPixels : atlas::map_style::kHexPixels);
            HexScaleKey key{shown, shown.from && shown.to ? atlas::daysBetween(*shown.from, *shown.to) + 1 : 0, size};
            key.filter.from.reset();
            key.filter.to.reset();
            if (!m_hexScaleFor || !(*m_hexScaleFor == key)) {
                m_hexClasses = atlas::render::hexScaleClasses(index, shown, size);
                m_hexScaleFor = std::move(key);
            }
            m_densityTitle = heat ? tr("Incident density in the window:\nincidents on one spot (scale fixed over the data)")
                                  : tr("Incidents per hexagon in the window\n(scale fixed over the data)");
            if (heat) {
                m_hexbins = {};
                m_hexbins.shading = atlas::render::shadeValues({}, m_hexClasses);
                request.heat = atlas::render::heatMark(dataset, index, shown, request.view, width(), height(), m_hexClasses);
            } else if (m_referenceLayers && m_referenceLayers->comparing()) {
                // Two periods compared: each hexagon by its change band, as the areas are.
                m_hexbins = atlas::render::hexbinChange(index, shown, m_referenceLayers->comparedFilter(shown), size);
                m_densityTitle = tr("Incidents per hexagon: the window\nagainst %1 – %2")
                                     .arg(m_referenceLayers->compareFrom().toString(Qt::ISODate), m_referenceLayers->compareTo().toString(Qt::ISODate));
                request.hexbins = &m_hexbins.bins;
                request.hexFills = m_hexbins.shading.fills;
            } else {
                m_hexbins = atlas::render::hexbinLayer(index, shown, size, m_hexClasses);
                request.hexbins = &m_hexbins.bins;
                request.hexFills = m_hexbins.shading.fills;
            }
            request.events = {};
            request.eventSymbols = {};
            for (const auto& [label, colour] : m_hexbins.shading.legend)
                m_densityLegend.append(QVariantMap{{QStringLiteral("label"), QString::fromStdString(label)}, {QStringLiteral("colour"), toQColor(colour)}});
        }
        scene = atlas::render::buildScene(dataset, request);
    }
    m_scene = std::move(scene);
    updateSelectedMark();
    // What the situation layer shows: which areas and lines, and each site's look. A slider
    // step that changes none of it (most days) keeps the painted texture.
    std::vector<std::uint64_t> situation;
    for (const auto& area : m_scene.areas) situation.push_back(area.area);
    situation.push_back(~0ull);
    if (m_scene.heat) situation.push_back(std::hash<std::string_view>{}(std::string_view(reinterpret_cast<const char*>(m_scene.heat->cells.data()), m_scene.heat->cells.size() * sizeof(atlas::Rgba))));
    for (const auto& hex : m_scene.hexes) // the hexagons follow the window's incidents
        situation.push_back((std::uint64_t(hex.events) << 32) | (std::uint64_t(hex.fill.red) << 16) | std::uint64_t(std::llround(hex.centre.x * 4)));
    situation.push_back(~0ull);
    for (const auto& line : m_scene.lines) situation.push_back(line.line);
    situation.push_back(~0ull);
    for (const auto& halo : m_scene.halos) // halos follow the window's incidents
        situation.push_back((std::uint64_t(halo.event) << 32) | std::uint64_t(std::llround(halo.radius)));
    situation.push_back(~0ull);
    for (const auto& site : m_scene.sites)
        situation.push_back((std::uint64_t(site.site) << 32) | (std::uint64_t(site.fill.red) << 24) | (std::uint64_t(site.fill.green) << 16) |
                            (std::uint64_t(site.fill.blue) << 8) | std::uint64_t(site.crossed));
    // Reference layers repaint when they or their colours change (and with every view change).
    const quint64 referenceGeneration = m_referenceLayers ? m_referenceLayers->generation() : 0;
    if (referenceGeneration != m_referencePainted) m_situationDirty = true;
    m_referencePainted = referenceGeneration;
    if (situation != m_situationPainted) m_situationDirty = true;
    if (m_situationDirty) {
        m_situationPainted = std::move(situation);
        m_situationUploaded = false;
        // Few marks, painted once per view or situation change with the snapshot's painter, into
        // a texture only as large as they reach: a software renderer blends every pixel of it
        // each frame.
        const QRectF reach = atlas::ui::situationBounds(m_scene).intersected(boundingRect()).toAlignedRect();
        m_situationRect = reach;
        const qreal ratio = window() ? window()->effectiveDevicePixelRatio() : 1.0;
        const QSize pixels(std::max(1, qCeil(reach.width() * ratio)), std::max(1, qCeil(reach.height() * ratio)));
        if (m_situation.size() != pixels) m_situation = QImage(pixels, QImage::Format_ARGB32_Premultiplied);
        m_situation.fill(Qt::transparent);
        if (!reach.isEmpty()) {
            QPainter painter(&m_situation);
            painter.scale(ratio, ratio);
            painter.translate(-reach.topLeft());
            atlas::ui::paintSituationMarks(painter, m_scene);
        }
        m_situationDirty = false;
    }
    // Built once a scene: every label delegate reads this list.
    m_clusterLabels.clear();
    for (const atlas::render::ClusterMark& cluster : m_scene.clusters)
        m_clusterLabels.append(QVariantMap{{QStringLiteral("x"), cluster.centre.x},
                                           {QStringLiteral("y"), cluster.centre.y},
                                           {QStringLiteral("count"), static_cast<int>(cluster.count)},
                                           {QStringLiteral("label"), QString::fromStdString(cluster.label)}});
    if (m_scene.eventsInView != inViewBefore) emit drawnCountChanged();
    emit sceneBuilt();
}

QSGNode* SceneLayer::updatePaintNode(QSGNode* oldNode, UpdatePaintNodeData*) {
    // Runs on the render thread while the GUI thread waits: reading the scene is safe here.
    QSGNode* root = oldNode;
    QSGImageNode* situation = nullptr;
    QSGGeometryNode* events = nullptr;
    if (!root) {
        root = new QSGNode;
        situation = window()->createImageNode();
        situation->setOwnsTexture(true);
        root->appendChildNode(situation);
        events = new QSGGeometryNode;
        auto* geometry = new QSGGeometry(QSGGeometry::defaultAttributes_ColoredPoint2D(), 0);
        geometry->setDrawingMode(QSGGeometry::DrawTriangles);
        events->setGeometry(geometry);
        events->setFlag(QSGNode::OwnsGeometry);
        events->setMaterial(new QSGVertexColorMaterial);
        events->setFlag(QSGNode::OwnsMaterial);
        root->appendChildNode(events);
    } else {
        situation = static_cast<QSGImageNode*>(root->firstChild());
        events = static_cast<QSGGeometryNode*>(root->lastChild());
    }
    if (!m_situationUploaded) {
        situation->setTexture(window()->createTextureFromImage(m_situation));
        m_situationUploaded = true;
    }
    situation->setRect(m_situationRect); // empty when there is nothing to show: nothing drawn

    std::vector<Vertex> vertices;
    vertices.reserve((m_scene.symbols.size() * 3 + m_scene.clusters.size() * 3) * 3 * 12);
    const atlas::Rgba outline = atlas::map_style::kSymbolOutline;
    const double outlineWidth = atlas::map_style::kSymbolOutlineWidth;
    for (const atlas::render::ChangeMark& change : m_scene.changes) { // behind the symbols, as in snapshots
        appendShape(vertices, change.centre, change.radius, atlas::SymbolShape::Circle, change.colour);
        if (change.kind != atlas::PullChange::Kind::Deleted) continue;
        appendShape(vertices, change.centre, change.radius * 0.65, atlas::SymbolShape::Circle, atlas::Rgba{255, 255, 255, 255});
        appendShape(vertices, change.centre, change.radius * 0.3, atlas::SymbolShape::Circle, change.colour);
    }
    for (const atlas::render::ClusterMark& cluster : m_scene.clusters) {
        appendShape(vertices, cluster.centre, cluster.radius + 2.5, atlas::SymbolShape::Circle, atlas::map_style::kClusterRing);
        appendShape(vertices, cluster.centre, cluster.radius + 1.0, atlas::SymbolShape::Circle, outline);
        appendShape(vertices, cluster.centre, cluster.radius, atlas::SymbolShape::Circle, cluster.fill);
    }
    auto appendMark = [&](const atlas::render::SymbolMark& mark) {
        appendShape(vertices, mark.centre, mark.radius + outlineWidth, mark.shape, outline);
        appendShape(vertices, mark.centre, mark.radius, mark.shape, mark.fill);
        if (mark.approximateDate)
            appendShape(vertices, mark.centre, mark.approximateCentreRadius(), mark.shape, atlas::map_style::kApproximateDateCentre);
    };
    for (const atlas::render::SymbolMark& symbol : m_scene.symbols) appendMark(symbol);
    if (m_scene.selected) {
        // The selection is drawn on top, even when its event sits inside a cluster.
        const atlas::render::SymbolMark& s = *m_scene.selected;
        appendShape(vertices, s.centre, s.radius + atlas::map_style::kSelectionHaloWidth, s.shape, atlas::map_style::kSelectionHalo);
        appendMark(s);
    }
    QSGGeometry* geometry = events->geometry();
    geometry->allocate(static_cast<int>(vertices.size()));
    std::copy(vertices.begin(), vertices.end(), static_cast<Vertex*>(geometry->vertexData()));
    events->markDirty(QSGNode::DirtyGeometry);
    return root;
}

} // namespace atlas::ui
