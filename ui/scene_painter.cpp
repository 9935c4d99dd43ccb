#include "scene_painter.h"

#include "symbology.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include <QFont>
#include <QImage>
#include <QFontMetricsF>
#include <QVariantMap>

namespace atlas::ui {

namespace {

QPointF toPoint(atlas::render::PixelPoint p) { return {p.x, p.y}; }

QFont labelFont(double pixelSize, bool bold = false) {
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(static_cast<int>(pixelSize));
    font.setBold(bold);
    return font;
}

// Text with a halo, legible over any basemap.
void paintHaloText(QPainter& painter, QPointF baselineStart, const QString& text, const QFont& font, const QColor& ink,
                   const QColor& halo, double haloWidth) {
    QPainterPath path;
    path.addText(baselineStart, font, text);
    painter.setPen(QPen(halo, haloWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(path);
    painter.setPen(Qt::NoPen);
    painter.setBrush(ink);
    painter.drawPath(path);
}

// A symbol as the map's scene graph draws it: the outline is the same shape, larger, behind.
void paintSymbol(QPainter& painter, QPointF at, atlas::SymbolShape shape, double radius, const QColor& fill, double outlineWidth,
                 const QColor& outline) {
    painter.setPen(Qt::NoPen);
    painter.setBrush(outline);
    painter.drawPath(symbolPath(shape, radius + outlineWidth).translated(at));
    painter.setBrush(fill);
    painter.drawPath(symbolPath(shape, radius).translated(at));
}

// A path through `points`, closed as a ring when `closed`.
void addPolyline(QPainterPath& path, const std::vector<atlas::render::PixelPoint>& points, bool closed) {
    for (std::size_t i = 0; i < points.size(); ++i) i == 0 ? path.moveTo(toPoint(points[i])) : path.lineTo(toPoint(points[i]));
    if (closed) path.closeSubpath();
}

} // namespace

QPainterPath symbolPath(atlas::SymbolShape shape, double radius) {
    QPainterPath path;
    if (shape == atlas::SymbolShape::Circle) {
        path.addEllipse(QPointF(0, 0), radius, radius);
        return path;
    }
    const auto& corners = atlas::symbolCorners(shape);
    for (std::size_t i = 0; i < corners.size(); ++i) {
        const QPointF p(corners[i].x * radius, corners[i].y * radius);
        i == 0 ? path.moveTo(p) : path.lineTo(p);
    }
    path.closeSubpath();
    return path;
}

void paintSituationMarks(QPainter& painter, const atlas::render::Scene& scene) {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    // The analyst's reference layers first: boundaries under the control areas and incidents.
    for (const atlas::render::ReferenceMark& mark : scene.reference) {
        if (!mark.rings.empty()) {
            QPainterPath path;
            path.setFillRule(Qt::OddEvenFill);
            for (const auto& ring : mark.rings) addPolyline(path, ring, true);
            painter.setPen(mark.edge.alpha ? QPen(toQColor(mark.edge), mark.edgeWidth) : QPen(Qt::NoPen));
            painter.setBrush(mark.fill.alpha ? QBrush(toQColor(mark.fill)) : QBrush(Qt::NoBrush));
            painter.drawPath(path);
        }
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(toQColor(mark.edge.alpha ? mark.edge : atlas::map_style::kReferenceEdge), mark.edgeWidth, Qt::SolidLine, Qt::RoundCap,
                            Qt::RoundJoin));
        for (const auto& line : mark.paths) {
            QPainterPath path;
            addPolyline(path, line, false);
            painter.drawPath(path);
        }
        for (const auto& point : mark.points)
            painter.drawEllipse(toPoint(point), atlas::map_style::kReferencePointRadius, atlas::map_style::kReferencePointRadius);
    }
    const QFont referenceFont = labelFont(atlas::map_style::kReferenceLabelPixelSize);
    const QFontMetricsF referenceMetrics(referenceFont);
    for (const atlas::render::ReferenceMark& mark : scene.reference) {
        if (mark.label.empty()) continue;
        const QString label = QString::fromStdString(mark.label);
        // Centred on the area's middle (a point's label starts beside it).
        const QPointF at = mark.rings.empty() ? toPoint(mark.labelAt)
                                              : QPointF(mark.labelAt.x - referenceMetrics.horizontalAdvance(label) / 2, mark.labelAt.y + referenceMetrics.ascent() / 2);
        paintHaloText(painter, at, label, referenceFont, toQColor(atlas::map_style::kLabelInk), toQColor(atlas::map_style::kLabelHalo), 2.5);
    }
    for (const atlas::render::AreaMark& area : scene.areas) {
        QPainterPath path;
        path.setFillRule(Qt::OddEvenFill); // rings after the first are holes
        for (const auto& ring : area.rings) addPolyline(path, ring, true);
        painter.setPen(QPen(toQColor(area.edge), area.edgeWidth));
        painter.setBrush(toQColor(area.fill));
        painter.drawPath(path);
    }
    // The heat layer: its grid scaled up smoothly over the whole view.
    if (scene.heat && !scene.heat->cells.empty()) {
        const atlas::render::HeatMark& heat = *scene.heat;
        QImage image(heat.columns, heat.rows, QImage::Format_ARGB32);
        for (int y = 0; y < heat.rows; ++y) {
            auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
            for (int x = 0; x < heat.columns; ++x) {
                const atlas::Rgba c = heat.cells[static_cast<std::size_t>(y) * static_cast<std::size_t>(heat.columns) + static_cast<std::size_t>(x)];
                line[x] = qRgba(c.red, c.green, c.blue, c.alpha);
            }
        }
        painter.save();
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(QRectF(0, 0, heat.columns * heat.cellPixels, heat.rows * heat.cellPixels), image);
        painter.restore();
    }
    // The hexbin layer over the ground's areas, under lines, posts and incidents.
    painter.setPen(QPen(QColor(255, 255, 255, 160), 0.8));
    for (const atlas::render::HexMark& hex : scene.hexes) {
        QPolygonF polygon;
        for (const auto& corner : hex.corners) polygon << toPoint(corner);
        painter.setBrush(toQColor(hex.fill));
        painter.drawPolygon(polygon);
    }
    painter.setBrush(Qt::NoBrush);
    for (const atlas::render::LineMark& line : scene.lines) {
        QPainterPath path;
        addPolyline(path, line.path, false);
        if (line.bandWidth > 0) {
            painter.setPen(QPen(toQColor(line.bandColour), line.bandWidth, Qt::SolidLine, Qt::FlatCap, Qt::RoundJoin));
            painter.drawPath(path);
        }
        painter.setPen(QPen(toQColor(line.colour), line.width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPath(path);
    }
    // Placement halos over the ground's areas and lines, under the posts and the incidents.
    // Their translucent fills cover most of a busy view many times over (1,300 halos of a
    // month of a million incidents: 0.6 s a 1080p frame). Above a few dozen they are blended
    // at a quarter of the resolution and laid over the view once (SourceOver composes the same
    // either way); their dashed edges stay sharp.
    constexpr std::size_t kHalosBlendedFullSize = 48;
    // Only into images (a frame, a PNG): a PDF or SVG keeps them as vectors.
    const bool raster = painter.device() && painter.device()->devType() == QInternal::Image;
    const bool coarseFills = raster && scene.halos.size() > kHalosBlendedFullSize;
    if (coarseFills) {
        // A quarter of the device's resolution (a page drawn at 300 dpi blends finer), the
        // layer's pixels lying on whole layout pixels so the fills meet their sharp edges.
        const double deviceScale = std::max(1e-3, std::sqrt(std::abs(painter.transform().determinant())));
        const double scale = std::min(1.0, 0.25 * deviceScale);
        const double step = 1.0 / scale; // layout pixels per layer pixel
        QRectF covered;
        for (const atlas::render::HaloMark& halo : scene.halos)
            covered |= QRectF(halo.centre.x - halo.radius, halo.centre.y - halo.radius, 2 * halo.radius, 2 * halo.radius);
        const QRect device = QRect(0, 0, painter.device()->width(), painter.device()->height());
        covered &= painter.transform().inverted().mapRect(QRectF(device));
        if (painter.hasClipping()) covered &= painter.clipBoundingRect();
        if (!covered.isEmpty()) {
            const double left = std::floor(covered.left() / step) * step, top = std::floor(covered.top() / step) * step;
            const int columns = static_cast<int>(std::ceil((covered.right() - left) / step));
            const int rows = static_cast<int>(std::ceil((covered.bottom() - top) / step));
            QImage fills(std::max(1, columns), std::max(1, rows), QImage::Format_ARGB32_Premultiplied);
            fills.fill(Qt::transparent);
            QPainter blend(&fills);
            blend.setRenderHint(QPainter::Antialiasing);
            blend.scale(scale, scale);
            blend.translate(-left, -top);
            blend.setPen(Qt::NoPen);
            for (const atlas::render::HaloMark& halo : scene.halos) {
                blend.setBrush(toQColor(halo.fill));
                blend.drawEllipse(toPoint(halo.centre), halo.radius, halo.radius);
            }
            blend.end();
            painter.save();
            painter.setRenderHint(QPainter::SmoothPixmapTransform);
            painter.drawImage(QRectF(left, top, fills.width() * step, fills.height() * step), fills);
            painter.restore();
        }
    }
    if (coarseFills) {
        // The edges one path a colour: one rasterisation each, instead of a thousand (Qt
        // hands each large one to its thread pool, which costs more than it saves here).
        std::vector<std::pair<atlas::Rgba, QPainterPath>> edges;
        for (const atlas::render::HaloMark& halo : scene.halos) {
            auto found = std::find_if(edges.begin(), edges.end(), [&](const auto& e) { return e.first == halo.edge; });
            if (found == edges.end()) found = edges.insert(edges.end(), {halo.edge, QPainterPath()});
            found->second.addEllipse(toPoint(halo.centre), halo.radius, halo.radius);
        }
        painter.setBrush(Qt::NoBrush);
        for (const auto& [colour, path] : edges) {
            painter.setPen(QPen(toQColor(colour), atlas::map_style::kPlacementHaloEdgeWidth, Qt::DashLine));
            painter.drawPath(path);
        }
    } else {
        for (const atlas::render::HaloMark& halo : scene.halos) {
            painter.setPen(QPen(toQColor(halo.edge), atlas::map_style::kPlacementHaloEdgeWidth, Qt::DashLine));
            painter.setBrush(toQColor(halo.fill));
            painter.drawEllipse(toPoint(halo.centre), halo.radius, halo.radius);
        }
    }
    painter.setBrush(Qt::NoBrush);
    const QFont font = labelFont(atlas::map_style::kSiteLabelPixelSize);
    for (const atlas::render::SiteMark& site : scene.sites) {
        const QPointF at = toPoint(site.centre);
        // The border lies inside the square, as a map item's border does.
        const double half = site.size / 2;
        const QRectF square(at.x() - half, at.y() - half, site.size, site.size);
        painter.setPen(Qt::NoPen);
        painter.setBrush(toQColor(site.border));
        painter.drawRoundedRect(square, atlas::map_style::kSiteCornerRadius, atlas::map_style::kSiteCornerRadius);
        painter.setBrush(toQColor(site.fill));
        painter.drawRect(square.adjusted(site.borderWidth, site.borderWidth, -site.borderWidth, -site.borderWidth));
        if (site.crossed) {
            painter.setPen(QPen(toQColor(atlas::map_style::kSiteBorder), 2.0, Qt::SolidLine, Qt::RoundCap));
            painter.drawLine(square.topLeft() + QPointF(4, 4), square.bottomRight() - QPointF(4, 4));
            painter.drawLine(square.topRight() + QPointF(-4, 4), square.bottomLeft() + QPointF(4, -4));
        }
        paintHaloText(painter, toPoint(site.labelAt), QString::fromStdString(site.label), font, toQColor(atlas::map_style::kLabelInk),
                      toQColor(atlas::map_style::kLabelHalo), 3.0);
    }
    painter.restore();
}

QRectF situationBounds(const atlas::render::Scene& scene) {
    QRectF bounds;
    auto include = [&](atlas::render::PixelPoint p, double reach) {
        bounds = bounds.united(QRectF(p.x - reach, p.y - reach, 2 * reach, 2 * reach));
    };
    for (const auto& mark : scene.reference) {
        for (const auto& ring : mark.rings)
            for (const auto& p : ring) include(p, mark.edgeWidth + 1);
        for (const auto& path : mark.paths)
            for (const auto& p : path) include(p, mark.edgeWidth + 1);
        for (const auto& p : mark.points) include(p, atlas::map_style::kReferencePointRadius + 2);
        if (!mark.label.empty()) include(mark.labelAt, 80); // a label's reach, roughly
    }
    for (const auto& area : scene.areas)
        for (const auto& ring : area.rings)
            for (const auto& p : ring) include(p, area.edgeWidth + 1);
    for (const auto& hex : scene.hexes)
        for (const auto& p : hex.corners) include(p, 1);
    if (scene.heat) bounds = bounds.united(QRectF(0, 0, scene.heat->columns * scene.heat->cellPixels, scene.heat->rows * scene.heat->cellPixels));
    for (const auto& line : scene.lines)
        for (const auto& p : line.path) include(p, std::max(line.width, line.bandWidth) / 2 + 2);
    for (const auto& halo : scene.halos) include(halo.centre, halo.radius + atlas::map_style::kPlacementHaloEdgeWidth + 1);
    const QFontMetricsF metrics(labelFont(atlas::map_style::kSiteLabelPixelSize));
    for (const auto& site : scene.sites) {
        include(site.centre, site.size / 2 + 2);
        const QRectF label = metrics.boundingRect(QString::fromStdString(site.label));
        bounds = bounds.united(label.translated(site.labelAt.x, site.labelAt.y).adjusted(-3, -3, 3, 3)); // the halo
    }
    return bounds;
}

void paintEventMarks(QPainter& painter, const atlas::render::Scene& scene) {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor outline = toQColor(atlas::map_style::kSymbolOutline);
    const QFont countFont = labelFont(11, true);
    const QFontMetricsF countMetrics(countFont);
    // Two pulls compared: discs behind the changed symbols, a target where a deleted one was.
    painter.setPen(Qt::NoPen);
    for (const atlas::render::ChangeMark& change : scene.changes) {
        const QPointF at = toPoint(change.centre);
        painter.setBrush(toQColor(change.colour));
        painter.drawEllipse(at, change.radius, change.radius);
        if (change.kind != atlas::PullChange::Kind::Deleted) continue;
        painter.setBrush(Qt::white);
        painter.drawEllipse(at, change.radius * 0.65, change.radius * 0.65);
        painter.setBrush(toQColor(change.colour));
        painter.drawEllipse(at, change.radius * 0.3, change.radius * 0.3);
    }
    for (const atlas::render::ClusterMark& cluster : scene.clusters) {
        const QPointF at = toPoint(cluster.centre);
        painter.setPen(Qt::NoPen);
        painter.setBrush(toQColor(atlas::map_style::kClusterRing));
        painter.drawEllipse(at, cluster.radius + 2.5, cluster.radius + 2.5);
        painter.setBrush(outline);
        painter.drawEllipse(at, cluster.radius + 1.0, cluster.radius + 1.0);
        painter.setBrush(toQColor(cluster.fill));
        painter.drawEllipse(at, cluster.radius, cluster.radius);
        const QString label = QString::fromStdString(cluster.label);
        const QPointF start(at.x() - countMetrics.horizontalAdvance(label) / 2, at.y() + (countMetrics.ascent() - countMetrics.descent()) / 2);
        paintHaloText(painter, start, label, countFont, toQColor(atlas::map_style::kClusterLabel),
                      toQColor(atlas::map_style::kClusterLabelOutline), 2.0);
    }
    auto paintMark = [&](const atlas::render::SymbolMark& mark) {
        paintSymbol(painter, toPoint(mark.centre), mark.shape, mark.radius, toQColor(mark.fill), atlas::map_style::kSymbolOutlineWidth,
                    outline);
        if (!mark.approximateDate) return;
        painter.setBrush(toQColor(atlas::map_style::kApproximateDateCentre));
        painter.drawPath(symbolPath(mark.shape, mark.approximateCentreRadius()).translated(toPoint(mark.centre)));
    };
    for (const atlas::render::SymbolMark& symbol : scene.symbols) paintMark(symbol);
    if (scene.selected) {
        const atlas::render::SymbolMark& s = *scene.selected;
        painter.setPen(Qt::NoPen);
        painter.setBrush(toQColor(atlas::map_style::kSelectionHalo));
        painter.drawPath(symbolPath(s.shape, s.radius + atlas::map_style::kSelectionHaloWidth).translated(toPoint(s.centre)));
        paintMark(s);
    }
    painter.restore();
}

QVariantList describeMarks(const atlas::render::Scene& scene) {
    QVariantList marks;
    auto at = [](const char* kind, atlas::render::PixelPoint p) {
        return QVariantMap{{QStringLiteral("kind"), QString::fromLatin1(kind)}, {QStringLiteral("x"), p.x}, {QStringLiteral("y"), p.y}};
    };
    for (const auto& reference : scene.reference) {
        const atlas::render::PixelPoint first = !reference.rings.empty() && !reference.rings.front().empty() ? reference.rings.front().front()
                                                : !reference.paths.empty() ? reference.paths.front().front()
                                                : !reference.points.empty() ? reference.points.front()
                                                                            : atlas::render::PixelPoint{};
        QVariantMap mark = at("reference", first);
        mark.insert(QStringLiteral("feature"), static_cast<int>(reference.feature));
        mark.insert(QStringLiteral("layer"), static_cast<int>(reference.layer));
        mark.insert(QStringLiteral("fill"), toQColor(reference.fill));
        mark.insert(QStringLiteral("label"), QString::fromStdString(reference.label));
        marks.append(mark);
    }
    for (const auto& area : scene.areas) {
        QVariantMap mark = at("area", area.rings.empty() || area.rings.front().empty() ? atlas::render::PixelPoint{} : area.rings.front().front());
        mark.insert(QStringLiteral("rings"), static_cast<int>(area.rings.size()));
        marks.append(mark);
    }
    for (const auto& hex : scene.hexes) {
        QVariantMap mark = at("hex", hex.centre);
        mark.insert(QStringLiteral("events"), static_cast<int>(hex.events));
        mark.insert(QStringLiteral("fill"), toQColor(hex.fill));
        marks.append(mark);
    }
    for (const auto& halo : scene.halos) {
        QVariantMap mark = at("halo", halo.centre);
        mark.insert(QStringLiteral("radius"), halo.radius);
        mark.insert(QStringLiteral("event"), static_cast<int>(halo.event));
        marks.append(mark);
    }
    for (const auto& line : scene.lines) {
        QVariantMap mark = at("line", line.path.empty() ? atlas::render::PixelPoint{} : line.path.front());
        mark.insert(QStringLiteral("bandWidth"), line.bandWidth);
        marks.append(mark);
    }
    for (const auto& site : scene.sites) marks.append(at("site", site.centre));
    for (const auto& cluster : scene.clusters) {
        QVariantMap mark = at("cluster", cluster.centre);
        mark.insert(QStringLiteral("count"), static_cast<int>(cluster.count));
        mark.insert(QStringLiteral("radius"), cluster.radius);
        mark.insert(QStringLiteral("label"), QString::fromStdString(cluster.label));
        marks.append(mark);
    }
    for (const auto& symbol : scene.symbols) {
        QVariantMap mark = at("symbol", symbol.centre);
        mark.insert(QStringLiteral("event"), static_cast<int>(symbol.event));
        mark.insert(QStringLiteral("radius"), symbol.radius);
        mark.insert(QStringLiteral("approximateDate"), symbol.approximateDate);
        marks.append(mark);
    }
    return marks;
}

} // namespace atlas::ui
