#include "snapshot.h"

#include "atlas/render/area_shading.h"
#include "atlas/render/legend.h"
#include "atlas/io/recipe.h"

#include "atlas/geo/basemap.h"
#include "atlas/model/diagnostic_codes.h"

#include "event_details.h"
#include "scene_painter.h"
#include "symbology.h"

#include "atlas/io/text.h"
#include "atlas/model/vocabulary.h"
#include "atlas/query/filter_description.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QLocale>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace atlas::ui {

namespace {

const QColor kSea(170, 200, 222); // the basemap's own sea colour, where no tile is drawn
const QColor kInk(32, 32, 32);
constexpr double kLegendWidth = 290;


// The snapshot's view as a scale and a centre, for the tiles and the scale bar (a fitted view
// is a scale and a shift: no bearing, no tilt).
struct Projection {
    atlas::render::ViewTransform view;
    atlas::MercatorPoint centre;
    double scale = 1.0; // pixels per unit of the Mercator square
    double pixelRatio = 1.0; // image pixels per layout pixel: finer tiles for a page at 300 dpi
    QSizeF size;
    [[nodiscard]] QPointF map(atlas::MercatorPoint p) const {
        const atlas::render::PixelPoint q = view.map(p);
        return {q.x, q.y};
    }
    [[nodiscard]] double pixelsPerKm() const { return view.pixelsPerKm(atlas::fromMercator(centre)); }
};

Projection projectionFor(const SnapshotView& snapshot) {
    Projection p;
    p.view = snapshotTransform(snapshot);
    p.size = QSizeF(snapshot.size);
    p.pixelRatio = snapshot.pixelRatio;
    const auto& m = p.view.matrix();
    p.scale = m[0];
    p.centre = {(p.size.width() / 2 - m[6]) / p.scale, (p.size.height() / 2 - m[7]) / p.scale};
    return p;
}

void paintTiles(QPainter& painter, const Projection& projection, const QString& directory) {
    if (directory.isEmpty()) return;
    // The zoom whose tiles are nearest the image's scale (labels stay legible); coarser first, so where
    // the finer ones were not rendered (outside north-west Syria) the coarser show through.
    const int finest = std::clamp(static_cast<int>(std::lround(std::log2(projection.scale * projection.pixelRatio / 256.0))), 5, 12);
    const QRectF image(QPointF(0, 0), projection.size);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    for (int zoom = std::max(5, finest - 4); zoom <= finest; ++zoom) {
        const double tiles = std::ldexp(1.0, zoom);
        auto tileOf = [&](double pixel, double centre, double extent) {
            return static_cast<int>(std::floor(((pixel - extent / 2) / projection.scale + centre) * tiles));
        };
        const int minX = std::max(0, tileOf(0, projection.centre.x, projection.size.width()));
        const int maxX = std::min(int(tiles) - 1, tileOf(projection.size.width(), projection.centre.x, projection.size.width()));
        const int minY = std::max(0, tileOf(0, projection.centre.y, projection.size.height()));
        const int maxY = std::min(int(tiles) - 1, tileOf(projection.size.height(), projection.centre.y, projection.size.height()));
        for (int x = minX; x <= maxX; ++x)
            for (int y = minY; y <= maxY; ++y) {
                const QImage tile(QStringLiteral("%1/osm_100-l-8-%2-%3-%4.png").arg(directory).arg(zoom).arg(x).arg(y));
                if (tile.isNull()) continue;
                const QPointF topLeft = projection.map(atlas::MercatorPoint{x / tiles, y / tiles});
                const QPointF bottomRight = projection.map(atlas::MercatorPoint{(x + 1) / tiles, (y + 1) / tiles});
                const QRectF target(topLeft, bottomRight);
                if (target.intersects(image)) painter.drawImage(target, tile);
            }
    }
}

// A box with a light background for the furniture (legend, title, scale).
void panel(QPainter& painter, const QRectF& box) {
    painter.setPen(QPen(QColor(176, 176, 176), 1));
    painter.setBrush(QColor(255, 255, 255, 235));
    painter.drawRoundedRect(box, 3, 3);
}

void paintTitle(QPainter& painter, const SnapshotView& view, const atlas::Dataset& dataset, const atlas::Breakdown& shown) {
    const QLocale english(QLocale::English);
    auto day = [&](atlas::Date d) {
        return english.toString(QDate(1970, 1, 1).addDays(d.daysSinceEpoch()), QStringLiteral("d MMM yyyy"));
    };
    QString when = view.filter.to ? day(*view.filter.to) : QString();
    if (view.filter.from && view.filter.to && *view.filter.from != *view.filter.to) when = day(*view.filter.from) + QStringLiteral(" – ") + when;
    else if (!view.filter.from && view.filter.to) when = QStringLiteral("up to ") + when;
    // Everything that narrows the incidents but the dates (shown above in words).
    atlas::EventFilter undated = view.filter;
    undated.from.reset();
    undated.to.reset();
    QStringList narrowed;
    for (const std::string& part : atlas::describeFilter(dataset, undated)) narrowed << QString::fromStdString(part);
    QString summary = QStringLiteral("%1 incident%2 · at least %3 killed")
                          .arg(shown.events)
                          .arg(shown.events == 1 ? QString() : QStringLiteral("s"))
                          .arg(shown.killedAtLeast);
    if (!narrowed.isEmpty()) summary += QStringLiteral(" · ") + narrowed.join(QStringLiteral("; "));

    const QString title = view.title.isEmpty() ? QString::fromStdString(dataset.metadata.title) : view.title;
    QFont big(QStringLiteral("DejaVu Sans"));
    big.setPixelSize(20);
    big.setBold(true);
    QFont small(QStringLiteral("DejaVu Sans"));
    small.setPixelSize(13);
    // An animation's frames say their dates in large type: what a viewer reads as it plays.
    QFont dates = big;
    if (view.largeDates) dates.setPixelSize(std::max(30, view.size.height() / 30));
    const QFontMetricsF bigMetrics(big), smallMetrics(small), dateMetrics(dates);
    // Right of the legend (kLegendWidth at the top left), eliding what does not fit.
    const double room = view.size.width() - kLegendWidth - 36;
    // The files the incidents come from, so the image can be traced back to its data.
    const std::vector<std::string> names = atlas::datasetNames(dataset);
    const QString data = QStringLiteral("Data: ") + QString::fromStdString(atlas::joinFrom(names, 0, ", "));
    const double width = std::min(room, std::max({bigMetrics.horizontalAdvance(title), dateMetrics.horizontalAdvance(when),
                                                  smallMetrics.horizontalAdvance(summary), smallMetrics.horizontalAdvance(data)}) + 24);
    const QString titleShown = bigMetrics.elidedText(title, Qt::ElideRight, width - 24);
    const QString summaryShown = smallMetrics.elidedText(summary, Qt::ElideRight, width - 24);
    const QString dataShown = smallMetrics.elidedText(data, Qt::ElideMiddle, width - 24);
    const double top = 12 + bigMetrics.height() + dateMetrics.height(); // below the title and the dates
    const QRectF box(view.size.width() - width - 12, 12, width, 12 + top + smallMetrics.height() * 2);
    panel(painter, box);
    painter.setPen(kInk);
    painter.setFont(big);
    painter.drawText(QPointF(box.left() + 12, box.top() + 12 + bigMetrics.ascent()), titleShown);
    painter.setFont(dates);
    painter.drawText(QPointF(box.left() + 12, box.top() + 12 + bigMetrics.height() + dateMetrics.ascent()), when);
    painter.setFont(small);
    painter.setPen(QColor(64, 64, 64));
    painter.drawText(QPointF(box.left() + 12, box.top() + top + smallMetrics.ascent()), summaryShown);
    painter.drawText(QPointF(box.left() + 12, box.top() + top + smallMetrics.height() + smallMetrics.ascent()), dataShown);
}

QRectF paintLegend(QPainter& painter, const atlas::Breakdown& shown, bool comparing) {
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(13);
    QFont bold = font;
    bold.setBold(true);
    const QFontMetricsF metrics(font);
    std::vector<int> sides;
    for (int side = 0; side < atlas::kSideCount; ++side)
        if (shown.bySide[static_cast<std::size_t>(side)] > 0) sides.push_back(side);
    const QStringList shapes{QStringLiteral("air/drone strike"), QStringLiteral("shelling/missile"), QStringLiteral("clash"),
                             QStringLiteral("other · size: killed")};
    const double line = metrics.height() + 4;
    const QRectF box(12, 12, kLegendWidth, 20 + line * double(1 + sides.size() + 3 + (comparing ? 1 : 0)));
    panel(painter, box);
    double y = box.top() + 10 + metrics.ascent();
    painter.setFont(bold);
    painter.setPen(kInk);
    painter.drawText(QPointF(box.left() + 10, y), QStringLiteral("Perpetrator's side"));
    painter.setFont(font);
    for (int side : sides) {
        y += line;
        const auto value = static_cast<atlas::Side>(side);
        painter.setPen(QPen(QColor(20, 20, 20), 1));
        painter.setBrush(toQColor(atlas::sideColour(value)));
        painter.drawEllipse(QPointF(box.left() + 17, y - metrics.ascent() / 2 + 1), 6, 6);
        painter.setPen(kInk);
        painter.drawText(QPointF(box.left() + 30, y), qs(atlas::toLabel(value)));
        const QString count = QString::number(shown.bySide[static_cast<std::size_t>(side)]);
        painter.drawText(QPointF(box.right() - 10 - metrics.horizontalAdvance(count), y), count);
    }
    // The four shapes, two to a row.
    const atlas::SymbolShape kinds[] = {atlas::SymbolShape::Triangle, atlas::SymbolShape::Circle, atlas::SymbolShape::Square,
                                        atlas::SymbolShape::Diamond};
    for (int k = 0; k < 4; ++k) {
        if (k % 2 == 0) y += line;
        const double x = box.left() + 10 + (k % 2) * 135;
        painter.setPen(QPen(QColor(20, 20, 20), 1));
        painter.setBrush(QColor(110, 110, 110));
        painter.drawPath(atlas::ui::symbolPath(kinds[k], 5).translated(x + 6, y - metrics.ascent() / 2 + 1));
        painter.setPen(kInk);
        painter.drawText(QPointF(x + 16, y), shapes[k]);
    }
    // A hollow centre: dated only to a week or a month (it may fall outside the window).
    y += line;
    const QPointF at(box.left() + 16, y - metrics.ascent() / 2 + 1);
    painter.setPen(QPen(QColor(20, 20, 20), 1));
    painter.setBrush(QColor(110, 110, 110));
    painter.drawEllipse(at, 6, 6);
    painter.setPen(Qt::NoPen);
    painter.setBrush(toQColor(atlas::map_style::kApproximateDateCentre));
    painter.drawEllipse(at, 6 * atlas::map_style::kApproximateDateCentreRatio, 6 * atlas::map_style::kApproximateDateCentreRatio);
    painter.setPen(kInk);
    painter.drawText(QPointF(box.left() + 30, y), QStringLiteral("hollow: dated only to the week or month"));
    if (!comparing) return box;
    // Two pulls compared: the marks' colours.
    y += line;
    double x = box.left() + 10;
    const std::pair<atlas::Rgba, const char*> changeKinds[] = {
        {atlas::map_style::kChangeAdded, "added"}, {atlas::map_style::kChangeRevised, "revised"}, {atlas::map_style::kChangeDeleted, "deleted"}};
    for (const auto& [colour, label] : changeKinds) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(toQColor(colour));
        painter.drawEllipse(QPointF(x + 6, y - metrics.ascent() / 2 + 1), 6, 6);
        painter.setPen(kInk);
        painter.drawText(QPointF(x + 16, y), QString::fromLatin1(label));
        x += 18 + metrics.horizontalAdvance(QString::fromLatin1(label)) + 12;
    }
    painter.drawText(QPointF(x, y), QStringLiteral("since the earlier pull"));
    return box;
}

// Incidents per area: the choropleth's title and classes (or change bands), under the legend.
double paintAreaLegend(QPainter& painter, const QString& legendTitle, const std::vector<std::pair<std::string, atlas::Rgba>>& entries, double top) {
    if (entries.empty()) return top;
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(12);
    QFont bold = font;
    bold.setBold(true);
    const QFontMetricsF metrics(font), boldMetrics(bold);
    const QString title = boldMetrics.elidedText(legendTitle, Qt::ElideRight, 2 * (kLegendWidth - 20));
    const QRectF titleRect = boldMetrics.boundingRect(QRectF(0, 0, kLegendWidth - 20, 200), Qt::TextWordWrap, title);
    const double line = metrics.height() + 3;
    const QRectF box(12, top + 8, kLegendWidth, 16 + titleRect.height() + line * double(entries.size()));
    panel(painter, box);
    painter.setFont(bold);
    painter.setPen(kInk);
    painter.drawText(QRectF(box.left() + 10, box.top() + 8, kLegendWidth - 20, titleRect.height()), Qt::TextWordWrap, title);
    painter.setFont(font);
    double y = box.top() + 8 + titleRect.height() + metrics.ascent();
    for (const auto& [label, colour] : entries) {
        painter.setPen(QPen(QColor(90, 90, 90), 1));
        painter.setBrush(toQColor(colour));
        painter.drawRect(QRectF(box.left() + 10, y - metrics.ascent() + 2, 16, metrics.ascent() - 2));
        painter.setPen(kInk);
        painter.drawText(QPointF(box.left() + 34, y), QString::fromStdString(label));
        y += line;
    }
    return box.bottom();
}

void paintScaleAndNorth(QPainter& painter, const Projection& projection, QSize size) {
    // A round length (1, 2 or 5 × 10^k km) near 150 pixels.
    const double perKm = projection.pixelsPerKm();
    double km = std::pow(10.0, std::floor(std::log10(150.0 / perKm)));
    for (double step : {2.0, 2.5, 2.0})
        if ((km * step) * perKm <= 180.0) km *= step;
    const double length = km * perKm;
    const QRectF box(12, size.height() - 58, length + 120, 46);
    panel(painter, box);
    const double x0 = box.left() + 12, y0 = box.bottom() - 16;
    painter.setPen(QPen(kInk, 2));
    painter.drawLine(QPointF(x0, y0), QPointF(x0 + length, y0));
    painter.drawLine(QPointF(x0, y0 - 6), QPointF(x0, y0));
    painter.drawLine(QPointF(x0 + length, y0 - 6), QPointF(x0 + length, y0));
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(12);
    painter.setFont(font);
    painter.drawText(QPointF(x0, y0 - 10), QStringLiteral("%1 km").arg(km, 0, 'g', 3));
    // North is up in Web Mercator.
    const QPointF tip(box.right() - 30, box.top() + 8);
    QPainterPath arrow;
    arrow.moveTo(tip);
    arrow.lineTo(tip + QPointF(8, 22));
    arrow.lineTo(tip + QPointF(0, 16));
    arrow.lineTo(tip + QPointF(-8, 22));
    arrow.closeSubpath();
    painter.setPen(Qt::NoPen);
    painter.setBrush(kInk);
    painter.drawPath(arrow);
    painter.setPen(kInk);
    painter.drawText(QPointF(tip.x() + 12, tip.y() + 14), QStringLiteral("N"));
}

// The timeline under the map, as the window's histogram draws it: the data's whole span, the
// snapshot's window in colour and the rest grey, incidents known only to a week or a month
// spread over their days in a lighter shade on top. Days, weeks or months a bar as the span needs.
void paintTimeStrip(QPainter& painter, const atlas::EventIndex& index, const SnapshotView& view) {
    if (index.size() == 0) return;
    atlas::EventFilter undated = view.filter;
    undated.from.reset();
    undated.to.reset();
    const int days = atlas::daysBetween(index.firstDate(), index.lastDate()) + 1;
    const auto bucket = days <= 400 ? atlas::HistogramBucket::Day : days <= 3000 ? atlas::HistogramBucket::Week : atlas::HistogramBucket::Month;
    const atlas::Histogram bars = index.histogram(undated, bucket);
    const int bins = bars.binCount();
    if (bins == 0) return;
    float highest = 0;
    for (int bin = 0; bin < bins; ++bin) highest = std::max(highest, float(bars.total(bin)) + bars.spreadTotal(bin));
    if (highest <= 0) return;
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(11);
    const QFontMetricsF metrics(font);
    const double width = std::min(view.size.width() * 0.42, 700.0), height = 44;
    const QRectF box((view.size.width() - width) / 2, view.size.height() - height - metrics.height() * 2 - 24, width,
                     height + metrics.height() + 12);
    panel(painter, box);
    const QRectF plot(box.left() + 8, box.top() + 6, box.width() - 16, height);
    const double barWidth = plot.width() / bins, scale = plot.height() / highest;
    const int windowFirst = view.filter.from ? bars.binOf(*view.filter.from) : 0;
    const int windowLast = view.filter.to ? bars.binOf(*view.filter.to) : bins - 1;
    painter.setPen(Qt::NoPen);
    for (int bin = 0; bin < bins; ++bin) {
        const bool inWindow = bin >= windowFirst && bin <= windowLast;
        const QColor solid = inWindow ? QColor(0xb2, 0x3a, 0x2e) : QColor(0xa9, 0xa9, 0xa9);
        const double x = plot.left() + bin * barWidth, w = std::max(1.0, barWidth - (barWidth > 3 ? 1 : 0));
        const double h = bars.total(bin) * scale, spread = bars.spreadTotal(bin) * scale;
        painter.fillRect(QRectF(x, plot.bottom() - h, w, h), solid);
        QColor light = solid;
        light.setAlpha(inWindow ? 90 : 60);
        painter.fillRect(QRectF(x, plot.bottom() - h - spread, w, spread), light);
    }
    const QLocale english(QLocale::English);
    auto day = [&](atlas::Date d) { return english.toString(QDate(1970, 1, 1).addDays(d.daysSinceEpoch()), QStringLiteral("d MMM yyyy")); };
    painter.setFont(font);
    painter.setPen(QColor(64, 64, 64));
    const double baseline = plot.bottom() + 4 + metrics.ascent();
    painter.drawText(QPointF(plot.left(), baseline), day(index.firstDate()));
    const QString lastText = day(index.lastDate());
    painter.drawText(QPointF(plot.right() - metrics.horizontalAdvance(lastText), baseline), lastText);
    const QString per = bucket == atlas::HistogramBucket::Day ? QStringLiteral("a day") : bucket == atlas::HistogramBucket::Week ? QStringLiteral("a week") : QStringLiteral("a month");
    const QString note = metrics.elidedText(QStringLiteral("incidents %1 · lighter: dated only to the week or month").arg(per),
                                            Qt::ElideRight, plot.width() * 0.6);
    painter.drawText(QPointF(plot.center().x() - metrics.horizontalAdvance(note) / 2, baseline), note); // centred as drawn
}

void paintAttribution(QPainter& painter, const atlas::Dataset& dataset, QSize size) {
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(11);
    const QFontMetricsF metrics(font);
    QString text = QString::fromUtf8(atlas::kOfflineBasemapAttribution);
    if (!dataset.metadata.licence.empty()) text += QStringLiteral(" · Data: ") + QString::fromStdString(dataset.metadata.licence);
    text += QStringLiteral(" · Conflict Atlas");
    text = metrics.elidedText(text, Qt::ElideMiddle, size.width() * 0.85);
    const double width = metrics.horizontalAdvance(text) + 12;
    const QRectF box(size.width() - width - 8, size.height() - metrics.height() - 12, width, metrics.height() + 6);
    panel(painter, box);
    painter.setFont(font);
    painter.setPen(QColor(64, 64, 64));
    painter.drawText(QPointF(box.left() + 6, box.top() + 3 + metrics.ascent()), text);
}

} // namespace

atlas::render::ViewTransform snapshotTransform(const SnapshotView& view) {
    return atlas::render::ViewTransform::fitting(view.box, view.size.width(), view.size.height());
}

atlas::render::Scene snapshotScene(const atlas::Dataset& dataset, const atlas::EventIndex& index,
                                   const std::vector<atlas::render::EventSymbol>& symbols, const SnapshotView& view) {
    const std::vector<std::uint32_t> positions = index.select(view.filter);
    atlas::render::SceneRequest request;
    request.view = snapshotTransform(view);
    request.width = view.size.width();
    request.height = view.size.height();
    request.events = positions;
    request.symbols = &symbols;
    request.clustering = view.clustering;
    request.clusterThreshold = view.clusterThreshold;
    request.placementHalos = view.placementHalos;
    request.situationDate = view.situationDate;
    const std::vector<atlas::render::ChangeSpot> changes = atlas::render::spotsShown(view.changes, positions, view.filter.from, view.filter.to);
    request.changes = changes;
    request.referenceLayers = view.referenceLayers;
    atlas::render::HexbinLayer hexbins;
    if (view.heat) {
        const double size = atlas::render::hexSizeFor(request.view, 2 * atlas::map_style::kHeatRadiusPixels);
        request.heat = atlas::render::heatMark(dataset, index, view.filter, request.view, request.width, request.height,
                                               atlas::render::hexScaleClasses(index, view.filter, size));
        request.events = {};
    } else if (view.hexagons) {
        const double size = atlas::render::hexSizeFor(request.view, atlas::map_style::kHexPixels);
        hexbins = view.hexagonsAgainst ? atlas::render::hexbinChange(index, view.filter, *view.hexagonsAgainst, size)
                                       : atlas::render::hexbinLayer(index, view.filter, size, atlas::render::hexScaleClasses(index, view.filter, size));
        request.hexbins = &hexbins.bins;
        request.hexFills = hexbins.shading.fills;
        request.events = {};
    }
    return atlas::render::buildScene(dataset, request);
}

namespace {

// --- Print layouts ----------------------------------------------------------------------------
// A page: header (title, subtitle, dates), the map in a frame on the left, a column on the
// right (counts, the legend of what is drawn, the locator inset, notes), a footer (filter,
// sources and their attribution). In layout pixels (96 an inch).
struct PageLayout {
    QRectF header, map, column, footer;
};

constexpr double kPageMargin = 28;

PageLayout pageLayout(QSize page) {
    PageLayout layout;
    const double width = page.width(), height = page.height();
    const double column = std::clamp(width * 0.28, 230.0, 340.0);
    layout.header = QRectF(kPageMargin, kPageMargin, width - 2 * kPageMargin, 64);
    layout.footer = QRectF(kPageMargin, height - kPageMargin - 50, width - 2 * kPageMargin, 50);
    const double top = layout.header.bottom() + 8, bottom = layout.footer.top() - 10;
    layout.map = QRectF(kPageMargin, top, width - 2 * kPageMargin - column - 16, bottom - top);
    layout.column = QRectF(layout.map.right() + 16, top, column, bottom - top);
    return layout;
}

// The map of a layout: the page's view, fitted to the map's frame.
SnapshotView mapViewOf(const SnapshotView& page) {
    SnapshotView map = page;
    map.paper.clear();
    map.size = pageLayout(page.size).map.size().toSize();
    return map;
}

QString dayText(atlas::Date d) {
    return QLocale(QLocale::English).toString(QDate(1970, 1, 1).addDays(d.daysSinceEpoch()), QStringLiteral("d MMMM yyyy"));
}

QString windowText(const atlas::EventFilter& filter) {
    if (!filter.to) return QStringLiteral("all dates");
    if (!filter.from) return QStringLiteral("up to ") + dayText(*filter.to);
    if (*filter.from == *filter.to) return dayText(*filter.to);
    return dayText(*filter.from) + QStringLiteral(" – ") + dayText(*filter.to);
}

QFont font(double pixels, bool bold = false) {
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(static_cast<int>(std::lround(pixels)));
    f.setBold(bold);
    return f;
}

// A column's section: its heading, then rows of a swatch and a label; returns the next y, or
// stops (with "…") at `bottom`.
class ColumnWriter {
public:
    ColumnWriter(QPainter& painter, const QRectF& column) : m_painter(painter), m_column(column), m_y(column.top()) {}
    [[nodiscard]] double y() const { return m_y; }
    void skip(double pixels) { m_y += pixels; }
    bool heading(const QString& text) {
        if (!room(18 + 16)) return false;
        m_y += 6;
        m_painter.setFont(font(12.5, true));
        m_painter.setPen(kInk);
        m_painter.drawText(QPointF(m_column.left(), m_y + 12), text);
        m_y += 18;
        return true;
    }
    // A row: `swatch` draws in a 16 × 12 box at its left.
    template <typename Swatch> bool row(const QString& label, const QString& count, Swatch swatch) {
        if (!room(15)) {
            if (!m_full) {
                m_painter.setPen(QColor(90, 90, 90));
                m_painter.drawText(QPointF(m_column.left() + 24, m_y + 11), QStringLiteral("…"));
                m_full = true;
            }
            return false;
        }
        m_painter.save();
        swatch(QRectF(m_column.left() + 2, m_y + 2, 16, 11));
        m_painter.restore();
        m_painter.setFont(font(11.5));
        m_painter.setPen(kInk);
        const QFontMetricsF metrics(m_painter.font());
        const double countWidth = count.isEmpty() ? 0 : metrics.horizontalAdvance(count) + 6;
        m_painter.drawText(QPointF(m_column.left() + 24, m_y + 11),
                           metrics.elidedText(label, Qt::ElideRight, m_column.width() - 24 - countWidth));
        if (!count.isEmpty()) m_painter.drawText(QPointF(m_column.right() - metrics.horizontalAdvance(count), m_y + 11), count);
        m_y += 15;
        return true;
    }
    bool text(const QString& line, double size = 11.5, bool bold = false) {
        m_painter.setFont(font(size, bold));
        const QFontMetricsF metrics(m_painter.font());
        const QRectF bounds = metrics.boundingRect(QRectF(0, 0, m_column.width(), 400), Qt::TextWordWrap, line);
        if (!room(bounds.height() + 2)) return false;
        m_painter.setPen(kInk);
        m_painter.drawText(QRectF(m_column.left(), m_y, m_column.width(), bounds.height() + 2), Qt::TextWordWrap, line);
        m_y += bounds.height() + 2;
        return true;
    }
    bool room(double height) const { return m_y + height <= m_column.bottom(); }

private:
    QPainter& m_painter;
    QRectF m_column;
    double m_y;
    bool m_full = false;
};

// The locator: the country round the map (north-west Syria and its neighbours from the
// basemap's coarsest tiles), the map's frame marked in red.
void paintInset(QPainter& painter, const QRectF& box, const atlas::GeoBox& shown, const QString& tiles) {
    // Syria and its borders; wider when the map shows more than that.
    atlas::GeoBox around{34.5, 31.6, 43.0, 38.0};
    around.minLongitude = std::min(around.minLongitude, shown.minLongitude - 1);
    around.maxLongitude = std::max(around.maxLongitude, shown.maxLongitude + 1);
    around.minLatitude = std::min(around.minLatitude, shown.minLatitude - 1);
    around.maxLatitude = std::max(around.maxLatitude, shown.maxLatitude + 1);
    SnapshotView inset;
    inset.box = around;
    inset.size = box.size().toSize();
    inset.pixelRatio = 1; // coarse tiles: a locator
    const Projection projection = projectionFor(inset);
    painter.save();
    painter.translate(box.topLeft());
    painter.setClipRect(QRectF(QPointF(0, 0), box.size()));
    painter.fillRect(QRectF(QPointF(0, 0), box.size()), kSea);
    paintTiles(painter, projection, tiles);
    const QPointF a = projection.map(atlas::toMercator({shown.maxLatitude, shown.minLongitude}));
    const QPointF b = projection.map(atlas::toMercator({shown.minLatitude, shown.maxLongitude}));
    QRectF frame = QRectF(a, b).normalized();
    if (frame.width() < 6) frame.adjust(-3, 0, 3, 0);
    if (frame.height() < 6) frame.adjust(0, -3, 0, 3);
    painter.setFont(font(std::clamp(box.width() / 18, 9.0, 14.0), true));
    painter.setPen(QColor(90, 90, 90));
    painter.drawText(projection.map(atlas::toMercator({34.9, 38.2})), QStringLiteral("SYRIA"));
    painter.setPen(QPen(QColor(200, 30, 30), 2));
    painter.setBrush(QColor(200, 30, 30, 40));
    painter.drawRect(frame);
    painter.setClipping(false);
    painter.setPen(QPen(QColor(120, 120, 120), 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(QRectF(QPointF(0, 0), box.size()));
    painter.restore();
}

// The legend of incidents drawn as hexagons or heat in `view` (classes of the scale fixed over
// the data, or the change bands against a second period): its title and entries; none when
// incidents are drawn as symbols.
struct ClassLegend {
    QString title;
    std::vector<std::pair<std::string, atlas::Rgba>> entries;
};
ClassLegend densityLegend(const atlas::EventIndex& index, const SnapshotView& view) {
    if (view.hexagons && view.hexagonsAgainst) {
        const atlas::EventFilter& a = *view.hexagonsAgainst;
        return {QStringLiteral("Incidents per hexagon: the window against %1 – %2")
                    .arg(QString::fromStdString(a.from ? a.from->toString() : std::string()),
                         QString::fromStdString(a.to ? a.to->toString() : std::string())),
                atlas::render::shadeAreas({}, atlas::AreaCounts{}, {}, false).legend};
    }
    if (!view.hexagons && !view.heat) return {};
    const double size = atlas::render::hexSizeFor(snapshotTransform(view),
                                                  view.heat ? 2 * atlas::map_style::kHeatRadiusPixels : atlas::map_style::kHexPixels);
    return {view.heat ? QStringLiteral("Incident density in the window: incidents on one spot (scale fixed over the data)")
                      : QStringLiteral("Incidents per hexagon in the window (scale fixed over the data)"),
            atlas::render::shadeValues({}, atlas::render::hexScaleClasses(index, view.filter, size)).legend};
}

void paintLayout(QPainter& painter, const atlas::Dataset& dataset, const atlas::EventIndex& index,
                 const std::vector<atlas::render::EventSymbol>& symbols, const SnapshotView& page, const QImage* background) {
    const PageLayout layout = pageLayout(page.size);
    painter.fillRect(QRectF(QPointF(0, 0), QSizeF(page.size)), Qt::white);
    const atlas::Breakdown shown = index.breakdown(page.filter);

    // Header: title and subtitle on the left, the dates large on the right.
    const QString title = page.title.isEmpty() ? QString::fromStdString(dataset.metadata.title) : page.title;
    const QString when = windowText(page.filter);
    const QFont titleFont = font(24, true), whenFont = font(19, true), subtitleFont = font(14);
    const double whenWidth = std::min(QFontMetricsF(whenFont).horizontalAdvance(when), layout.header.width() * 0.45);
    painter.setPen(kInk);
    painter.setFont(titleFont);
    const QFontMetricsF titleMetrics(titleFont);
    painter.drawText(QPointF(layout.header.left(), layout.header.top() + titleMetrics.ascent()),
                     titleMetrics.elidedText(title, Qt::ElideRight, layout.header.width() - whenWidth - 24));
    painter.setFont(whenFont);
    const QFontMetricsF whenMetrics(whenFont);
    painter.drawText(QPointF(layout.header.right() - whenWidth, layout.header.top() + titleMetrics.ascent()),
                     whenMetrics.elidedText(when, Qt::ElideLeft, whenWidth));
    if (!page.subtitle.isEmpty()) {
        painter.setFont(subtitleFont);
        painter.setPen(QColor(70, 70, 70));
        const QFontMetricsF metrics(subtitleFont);
        painter.drawText(QPointF(layout.header.left(), layout.header.top() + titleMetrics.height() + 6 + metrics.ascent()),
                         metrics.elidedText(page.subtitle, Qt::ElideRight, layout.header.width()));
    }
    painter.setPen(QPen(QColor(60, 60, 60), 1.5));
    painter.drawLine(QPointF(layout.header.left(), layout.header.bottom()), QPointF(layout.header.right(), layout.header.bottom()));

    // The map, in its frame, with its scale bar and north arrow.
    const SnapshotView mapView = mapViewOf(page);
    const Projection projection = projectionFor(mapView);
    const atlas::render::Scene scene = snapshotScene(dataset, index, symbols, mapView);
    painter.save();
    painter.translate(layout.map.topLeft());
    painter.setClipRect(QRectF(QPointF(0, 0), layout.map.size()));
    if (background) painter.drawImage(QRectF(QPointF(0, 0), layout.map.size()), *background);
    else {
        painter.fillRect(QRectF(QPointF(0, 0), layout.map.size()), kSea);
        paintTiles(painter, projection, page.tileDirectory);
    }
    atlas::ui::paintSituationMarks(painter, scene);
    atlas::ui::paintEventMarks(painter, scene);
    paintScaleAndNorth(painter, projection, mapView.size);
    painter.restore();
    painter.setPen(QPen(QColor(60, 60, 60), 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(layout.map);

    // The locator inset in the map frame's top right corner.
    const double insetWidth = std::clamp(layout.map.width() * 0.24, 120.0, 300.0);
    const QRectF inset(layout.map.right() - insetWidth - 10, layout.map.top() + 10, insetWidth, insetWidth * 0.75);
    paintInset(painter, inset, mapView.box, page.tileDirectory);

    // The column: counts, the legend of what is drawn, the notes.
    QFont notesFont = font(11);
    const QRectF notesBounds = page.notes.isEmpty() ? QRectF()
                                                    : QFontMetricsF(notesFont).boundingRect(QRectF(0, 0, layout.column.width() - 16, 400),
                                                                                            Qt::TextWordWrap, page.notes);
    const double notesHeight = page.notes.isEmpty() ? 0 : std::min(notesBounds.height() + 30, layout.column.height() * 0.3);
    const QRectF notes(layout.column.left(), layout.column.bottom() - notesHeight, layout.column.width(), notesHeight);
    ColumnWriter column(painter, QRectF(layout.column.topLeft(), QPointF(layout.column.right(), notes.top() - 10)));
    column.text(QStringLiteral("%1 incident%2 · at least %3 killed")
                    .arg(QLocale(QLocale::English).toString(shown.events), shown.events == 1 ? QString() : QStringLiteral("s"))
                    .arg(QLocale(QLocale::English).toString(static_cast<qlonglong>(shown.killedAtLeast))),
                13, true);
    const atlas::render::SceneLegend legend = atlas::render::sceneLegend(dataset, scene, mapView.situationDate, mapView.size.width(), mapView.size.height());
    auto count = [](std::uint32_t n) { return QLocale(QLocale::English).toString(n); };
    // Counts by side and by type are the window's (the whole filter); the rows are what the map draws.
    if (!legend.sides.empty() && column.heading(QStringLiteral("Perpetrator's side"))) {
        for (int side = 0; side < atlas::kSideCount; ++side) {
            const auto value = static_cast<atlas::Side>(side);
            const QString label = qs(atlas::toLabel(value));
            if (std::none_of(legend.sides.begin(), legend.sides.end(), [&](const auto& e) { return QString::fromStdString(e.label) == label; })) continue;
            column.row(label, count(shown.bySide[static_cast<std::size_t>(side)]), [&](const QRectF& r) {
                painter.setPen(QPen(QColor(20, 20, 20), 1));
                painter.setBrush(toQColor(atlas::sideColour(value)));
                painter.drawEllipse(r.center(), 5.5, 5.5);
            });
        }
    }
    if (!legend.types.empty() && column.heading(QStringLiteral("Incident type · size: killed"))) {
        for (int type = 0; type < atlas::kEventTypeCount; ++type) {
            const auto value = static_cast<atlas::EventType>(type);
            const QString label = qs(atlas::toLabel(value));
            if (std::none_of(legend.types.begin(), legend.types.end(), [&](const auto& e) { return QString::fromStdString(e.label) == label; })) continue;
            column.row(label, count(shown.byType[static_cast<std::size_t>(type)]), [&](const QRectF& r) {
                painter.setPen(QPen(QColor(20, 20, 20), 1));
                painter.setBrush(QColor(110, 110, 110));
                painter.drawPath(atlas::ui::symbolPath(atlas::symbolShape(value), 5).translated(r.center()));
            });
        }
        if (legend.approximateDates)
            column.row(QStringLiteral("hollow: dated to the week or month"), {}, [&](const QRectF& r) {
                painter.setPen(QPen(QColor(20, 20, 20), 1));
                painter.setBrush(QColor(110, 110, 110));
                painter.drawEllipse(r.center(), 5.5, 5.5);
                painter.setPen(Qt::NoPen);
                painter.setBrush(toQColor(atlas::map_style::kApproximateDateCentre));
                painter.drawEllipse(r.center(), 5.5 * atlas::map_style::kApproximateDateCentreRatio, 5.5 * atlas::map_style::kApproximateDateCentreRatio);
            });
    }
    if (legend.halos)
        column.row(QStringLiteral("dashed circle: where an incident placed only near a town may be"), {}, [&](const QRectF& r) {
            painter.setPen(QPen(QColor(90, 90, 90), 1, Qt::DashLine));
            painter.setBrush(QColor(120, 120, 120, 40));
            painter.drawEllipse(r.center(), 6.5, 6.5);
        });
    if (legend.clusters && column.heading(QStringLiteral("Clusters")))
        column.row(QStringLiteral("incidents close together (their number)"), {}, [&](const QRectF& r) {
            painter.setPen(QPen(Qt::white, 1));
            painter.setBrush(QColor(120, 120, 120));
            painter.drawEllipse(r.center(), 6, 6);
        });
    if (!legend.siteStatuses.empty() && column.heading(QStringLiteral("Sites")))
        for (const auto& entry : legend.siteStatuses)
            column.row(QString::fromStdString(entry.label), count(entry.count), [&](const QRectF& r) {
                const QRectF square(r.center() - QPointF(5, 5), QSizeF(10, 10));
                painter.setPen(QPen(QColor(30, 30, 30), 1));
                painter.setBrush(toQColor(entry.colour));
                painter.drawRect(square);
                if (entry.crossed) {
                    painter.drawLine(square.topLeft(), square.bottomRight());
                    painter.drawLine(square.topRight(), square.bottomLeft());
                }
            });
    if (!legend.lineKinds.empty() && column.heading(QStringLiteral("Lines")))
        for (const auto& entry : legend.lineKinds)
            column.row(QString::fromStdString(entry.label), {}, [&](const QRectF& r) {
                if (entry.bandWidth > 0) {
                    QColor band = toQColor(entry.colour);
                    band.setAlpha(70);
                    painter.fillRect(QRectF(r.left(), r.center().y() - 4, r.width(), 8), band);
                }
                painter.setPen(QPen(toQColor(entry.colour), 2.5));
                painter.drawLine(QPointF(r.left(), r.center().y()), QPointF(r.right(), r.center().y()));
            });
    if (!legend.areaHolders.empty() && column.heading(QStringLiteral("Control areas")))
        for (const auto& entry : legend.areaHolders)
            column.row(QString::fromStdString(entry.label), {}, [&](const QRectF& r) {
                painter.setPen(QPen(toQColor(entry.colour).darker(130), 1));
                QColor fill = toQColor(entry.colour);
                fill.setAlpha(std::max(fill.alpha(), 90));
                painter.setBrush(fill);
                painter.drawRect(r);
            });
    // A choropleth's or hexagons' classes, under their title (wrapped: titles say what is counted).
    const ClassLegend classLegend = page.areaLegend.empty() ? densityLegend(index, mapView) : ClassLegend{page.areaLegendTitle, page.areaLegend};
    const auto& classes = classLegend.entries;
    if (!classes.empty()) column.skip(6);
    if (!classes.empty() && column.text(classLegend.title, 12.5, true))
        for (const auto& [label, colour] : classes)
            column.row(QString::fromStdString(label), {}, [&, c = colour](const QRectF& r) {
                painter.setPen(QPen(QColor(90, 90, 90), 1));
                painter.setBrush(toQColor(c));
                painter.drawRect(r);
            });
    if (!page.notes.isEmpty()) {
        const QRectF& box = notes;
        panel(painter, box);
        painter.setFont(font(11, true));
        painter.setPen(kInk);
        painter.drawText(QPointF(box.left() + 8, box.top() + 16), QStringLiteral("Notes"));
        painter.setFont(notesFont);
        painter.drawText(box.adjusted(8, 22, -8, -6), Qt::TextWordWrap, page.notes);
    }

    // Footer: the filter, the data and every layer with its attribution, the program.
    atlas::EventFilter undated = page.filter;
    undated.from.reset();
    undated.to.reset();
    QStringList narrowed;
    for (const std::string& part : atlas::describeFilter(dataset, undated)) narrowed << QString::fromStdString(part);
    QString data = QStringLiteral("Data: ") + QString::fromStdString(atlas::joinFrom(atlas::datasetNames(dataset), 0, ", "));
    if (!dataset.metadata.licence.empty()) data += QStringLiteral(" (") + QString::fromStdString(dataset.metadata.licence) + QStringLiteral(")");
    if (!page.layerSources.isEmpty()) data += QStringLiteral(" · Layers: ") + page.layerSources.join(QStringLiteral(", "));
    const QStringList lines{QStringLiteral("Filter: ") + (narrowed.isEmpty() ? QStringLiteral("none (every incident of the dates)") : narrowed.join(QStringLiteral("; "))),
                            data,
                            QString::fromUtf8(atlas::kOfflineBasemapAttribution) + QStringLiteral(" · Made with ") +
                                QString::fromUtf8(atlas::programVersion())};
    painter.setFont(font(10.5));
    painter.setPen(QColor(60, 60, 60));
    const QFontMetricsF metrics(painter.font());
    double y = layout.footer.top() + 4 + metrics.ascent();
    for (const QString& line : lines) {
        painter.drawText(QPointF(layout.footer.left(), y), metrics.elidedText(line, Qt::ElideRight, layout.footer.width()));
        y += metrics.height() + 2;
    }
}

void paintMapSnapshot(QPainter& painter, const atlas::Dataset& dataset, const atlas::EventIndex& index,
                      const std::vector<atlas::render::EventSymbol>& symbols, const SnapshotView& view, const QImage* background) {
    const Projection projection = projectionFor(view);
    if (background) painter.drawImage(QRectF(QPointF(0, 0), QSizeF(view.size)), *background);
    else {
        painter.fillRect(QRectF(QPointF(0, 0), QSizeF(view.size)), kSea);
        paintTiles(painter, projection, view.tileDirectory);
    }
    const atlas::render::Scene scene = snapshotScene(dataset, index, symbols, view);
    atlas::ui::paintSituationMarks(painter, scene);
    atlas::ui::paintEventMarks(painter, scene);
    const atlas::Breakdown shown = index.breakdown(view.filter);
    const QRectF legend = paintLegend(painter, shown, !view.changes.empty());
    const double below = paintAreaLegend(painter, view.areaLegendTitle, view.areaLegend, legend.bottom());
    const ClassLegend classes = densityLegend(index, view);
    paintAreaLegend(painter, classes.title, classes.entries, below);
    paintTitle(painter, view, dataset, shown);
    paintScaleAndNorth(painter, projection, view.size);
    paintTimeStrip(painter, index, view);
    paintAttribution(painter, dataset, view.size);
}

QString escapedXml(const QString& text) { return text.toHtmlEscaped(); }

// The PDF's XMP packet: title, creator and the recipe (under the program's own namespace).
QByteArray xmpPacket(const QString& title, const QString& recipe) {
    QString xmp = QStringLiteral(
        "<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>\n"
        "<x:xmpmeta xmlns:x='adobe:ns:meta/'>\n"
        " <rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>\n"
        "  <rdf:Description rdf:about='' xmlns:dc='http://purl.org/dc/elements/1.1/' xmlns:xmp='http://ns.adobe.com/xap/1.0/'"
        " xmlns:pdf='http://ns.adobe.com/pdf/1.3/' xmlns:atlas='https://conflict-atlas.invalid/ns/recipe/1.0/'>\n"
        "   <dc:title><rdf:Alt><rdf:li xml:lang='x-default'>%1</rdf:li></rdf:Alt></dc:title>\n"
        "   <xmp:CreatorTool>%2</xmp:CreatorTool>\n"
        "   <pdf:Producer>%2</pdf:Producer>\n"
        "   <atlas:recipe>%3</atlas:recipe>\n"
        "  </rdf:Description>\n"
        " </rdf:RDF>\n"
        "</x:xmpmeta>\n"
        "<?xpacket end='w'?>");
    return xmp.arg(escapedXml(title), escapedXml(QString::fromUtf8(atlas::programVersion())), escapedXml(recipe)).toUtf8();
}

} // namespace

QImage snapshotBackground(const SnapshotView& view) {
    const SnapshotView map = view.paper.isEmpty() ? view : mapViewOf(view);
    QImage image(QSize(static_cast<int>(std::lround(map.size.width() * view.pixelRatio)), static_cast<int>(std::lround(map.size.height() * view.pixelRatio))),
                 QImage::Format_RGB32);
    QPainter painter(&image);
    painter.scale(view.pixelRatio, view.pixelRatio);
    painter.fillRect(QRectF(QPointF(0, 0), QSizeF(map.size)), kSea);
    paintTiles(painter, projectionFor(map), map.tileDirectory);
    return image;
}

namespace {
// A map snapshot or a page, over `background` when given (else the sea and the tiles).
void paintPicture(QPainter& painter, const atlas::Dataset& dataset, const atlas::EventIndex& index,
                  const std::vector<atlas::render::EventSymbol>& symbols, const SnapshotView& view, const QImage* background) {
    painter.save();
    if (view.paper.isEmpty()) paintMapSnapshot(painter, dataset, index, symbols, view, background);
    else paintLayout(painter, dataset, index, symbols, view, background);
    painter.restore();
}
} // namespace

void paintSnapshot(QPainter& painter, const atlas::Dataset& dataset, const atlas::EventIndex& index,
                   const std::vector<atlas::render::EventSymbol>& symbols, const SnapshotView& view) {
    paintPicture(painter, dataset, index, symbols, view, nullptr);
}

void paintSnapshot(QPainter& painter, const atlas::Dataset& dataset, const atlas::EventIndex& index,
                   const std::vector<atlas::render::EventSymbol>& symbols, const SnapshotView& view, const QImage& background) {
    paintPicture(painter, dataset, index, symbols, view, &background);
}

std::vector<atlas::Diagnostic> writeSnapshot(const QString& path, const atlas::Dataset& dataset, const atlas::EventIndex& index,
                                             const SnapshotView& view) {
    return writeSnapshot(path, dataset, index, atlas::render::resolveSymbols(dataset), view);
}

std::vector<atlas::Diagnostic> writeSnapshot(const QString& path, const atlas::Dataset& dataset, const atlas::EventIndex& index,
                                             const std::vector<atlas::render::EventSymbol>& symbols, const SnapshotView& view) {
    auto problem = [&](const QString& message) {
        return std::vector<atlas::Diagnostic>{{atlas::Severity::Fatal, atlas::codes::kSnapshotWrite, message.toStdString(), path.toStdString(), 0, 0, {}, {}}};
    };
    if (view.size.width() < 200 || view.size.height() < 150 || view.size.width() > 20000 || view.size.height() > 20000)
        return problem(QStringLiteral("the image size must be between 200×150 and 20000×20000 pixels"));
    if (!(view.pixelRatio >= 0.1 && view.pixelRatio <= 8) || view.size.width() * view.pixelRatio > 30000 || view.size.height() * view.pixelRatio > 30000)
        return problem(QStringLiteral("the page at that resolution is too large (at most 30000 pixels a side)"));
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("pdf") && suffix != QLatin1String("svg"))
        return problem(QStringLiteral("a snapshot is written as .png, .pdf or .svg"));
    QSaveFile file(path); // a temporary file beside the target, renamed over it on commit
    if (!file.open(QIODevice::WriteOnly)) return problem(QStringLiteral("cannot write: %1").arg(file.errorString()));
    const QString title = view.title.isEmpty() ? QString::fromStdString(dataset.metadata.title) : view.title;
    const QString software = QString::fromUtf8(atlas::programVersion());
    // Paints the view (view.size layout pixels) filling the device.
    auto paintOn = [&](QPaintDevice& device, double scale) {
        QPainter painter;
        if (!painter.begin(&device)) return false;
        painter.scale(scale, scale);
        paintSnapshot(painter, dataset, index, symbols, view);
        return painter.end();
    };
    if (suffix == QLatin1String("png")) {
        const QSize pixels(static_cast<int>(std::lround(view.size.width() * view.pixelRatio)), static_cast<int>(std::lround(view.size.height() * view.pixelRatio)));
        QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
        // The page's resolution, for whoever prints it (pixels a metre).
        const int perMetre = static_cast<int>(std::lround(96.0 * view.pixelRatio / 0.0254));
        image.setDotsPerMeterX(perMetre);
        image.setDotsPerMeterY(perMetre);
        // PNG text chunks: what made the image, for whoever finds it without its briefing.
        image.setText(QStringLiteral("Title"), title);
        image.setText(QStringLiteral("Description"), QString::fromStdString(atlas::selectionNote(dataset, view.filter)));
        image.setText(QStringLiteral("Software"), software);
        if (!view.recipe.isEmpty()) image.setText(QStringLiteral("Recipe"), view.recipe);
        if (!paintOn(image, view.pixelRatio) || !image.save(&file, "PNG")) return problem(QStringLiteral("the PNG could not be written"));
    } else if (suffix == QLatin1String("svg")) {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(view.size);
        svg.setViewBox(QRect(QPoint(0, 0), view.size));
        svg.setResolution(96);
        svg.setTitle(title);
        svg.setDescription(QStringLiteral("Conflict Atlas snapshot. ") + QString::fromStdString(atlas::selectionNote(dataset, view.filter)));
        if (!paintOn(svg, 1.0)) return problem(QStringLiteral("the SVG could not be written"));
        QByteArray text = buffer.data();
        if (!view.recipe.isEmpty()) {
            // The recipe in the SVG's <metadata>, right after the root element opens.
            const qsizetype root = text.indexOf("<svg");
            const qsizetype open = root < 0 ? -1 : text.indexOf('>', root);
            if (open < 0) return problem(QStringLiteral("the SVG could not be written (no root element)"));
            const QByteArray metadata = "\n<metadata id=\"conflict-atlas-recipe\" data-program=\"" + software.toHtmlEscaped().toUtf8() + "\">" +
                                        view.recipe.toHtmlEscaped().toUtf8() + "</metadata>";
            text.insert(open + 1, metadata);
        }
        if (file.write(text) != text.size()) return problem(QStringLiteral("the SVG could not be written"));
    } else {
        QPdfWriter pdf(&file);
        pdf.setResolution(96); // one layout pixel is one 1/96 inch on the page
        if (view.paper.isEmpty()) {
            pdf.setPageSize(QPageSize(QSizeF(view.size) * 72.0 / 96.0, QPageSize::Point, QString(), QPageSize::ExactMatch));
        } else {
            const QPageSize::PageSizeId id = view.paper == QLatin1String("A3") ? QPageSize::A3
                                             : view.paper == QLatin1String("letter") ? QPageSize::Letter : QPageSize::A4;
            pdf.setPageSize(QPageSize(id));
            pdf.setPageOrientation(view.size.width() > view.size.height() ? QPageLayout::Landscape : QPageLayout::Portrait);
        }
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setTitle(title);
        pdf.setCreator(software);
        if (!view.recipe.isEmpty()) pdf.setDocumentXmpMetadata(xmpPacket(title, view.recipe));
        if (!paintOn(pdf, double(pdf.width()) / view.size.width())) return problem(QStringLiteral("the PDF could not be written"));
    }
    if (!file.commit()) return problem(QStringLiteral("cannot replace the file: %1").arg(file.errorString()));
    return {};
}

QPointF snapshotPosition(const SnapshotView& view, atlas::GeoPoint point) {
    if (!view.paper.isEmpty()) {
        // On a page: in the map's frame, in image pixels.
        const QRectF frame = pageLayout(view.size).map;
        const atlas::render::PixelPoint p = snapshotTransform(mapViewOf(view)).map(point);
        return (QPointF(p.x, p.y) + frame.topLeft()) * view.pixelRatio;
    }
    const atlas::render::PixelPoint p = snapshotTransform(view).map(point);
    return QPointF(p.x, p.y) * view.pixelRatio;
}

} // namespace atlas::ui
