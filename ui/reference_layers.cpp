#include "reference_layers.h"

#include "atlas/io/area_table.h"
#include "atlas/io/atomic_file.h"
#include "atlas/io/gdal_layer.h"
#include "atlas/model/diagnostic_codes.h"
#include "atlas/model/vocabulary.h"
#include "atlas/query/area_aggregation.h"
#include "atlas/render/area_shading.h"
#include "atlas/style/style.h"
#include "symbology.h"

#include <QFileInfo>

#include <algorithm>

namespace atlas::ui {

struct ReferenceLayers::Entry {
    atlas::ReferenceLayer layer;
    bool shown = true;
    double opacity = 0.85;
    bool outline = true;
    int labelField = -1;
    mutable std::unique_ptr<atlas::PolygonIndex> index; // built on the first click
    const atlas::PolygonIndex& polygons() const {
        if (!index) {
            const std::vector<atlas::GeoPolygon> all = layer.polygons();
            index = std::make_unique<atlas::PolygonIndex>(all);
        }
        return *index;
    }
};

namespace {

QString fromStd(const std::string& text) { return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())); }

} // namespace

ReferenceLayers::ReferenceLayers(QObject* parent) : QAbstractListModel(parent) {}
ReferenceLayers::~ReferenceLayers() = default;

void ReferenceLayers::setSources(VisibleEventsModel* events, FilterSettings* filters) {
    m_events = events;
    m_filters = filters;
    connect(events, &VisibleEventsModel::shownChanged, this, &ReferenceLayers::recount);
    // Other data (a file added, a replay, a mapping, a merge): locate again, re-scale.
    const auto dataChanged = [this] {
        m_locatedFor = nullptr;
        m_peakFilter.reset();
        recount();
    };
    connect(events, &VisibleEventsModel::documentChanged, this, dataChanged);
    if (events->document()) connect(events->document(), &AtlasDocument::datasetChanged, this, dataChanged);
}

int ReferenceLayers::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : count(); }

QHash<int, QByteArray> ReferenceLayers::roleNames() const {
    return {{NameRole, "name"},       {FileRole, "file"},           {ShownRole, "shown"},
            {OpacityRole, "layerOpacity"}, {OutlineRole, "outline"},     {LabelFieldRole, "labelField"},
            {FieldsRole, "fields"},   {FeatureCountRole, "featureCount"}, {AreaCountRole, "areaCount"},
            {CrsRole, "crs"}};
}

QVariant ReferenceLayers::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() < 0 || index.row() >= count()) return {};
    const Entry& e = *m_layers[static_cast<std::size_t>(index.row())];
    switch (role) {
    case NameRole: return fromStd(e.layer.name);
    case FileRole: return QFileInfo(fromStd(e.layer.path)).fileName();
    case ShownRole: return e.shown;
    case OpacityRole: return e.opacity;
    case OutlineRole: return e.outline;
    case LabelFieldRole: return e.labelField >= 0 ? fromStd(e.layer.fields[static_cast<std::size_t>(e.labelField)]) : QString();
    case FieldsRole: {
        QStringList fields;
        for (const std::string& f : e.layer.fields) fields.append(fromStd(f));
        return fields;
    }
    case FeatureCountRole: return static_cast<int>(e.layer.features.size());
    case AreaCountRole: return static_cast<int>(e.layer.areaCount());
    case CrsRole: return fromStd(e.layer.sourceCrs) + (e.layer.reprojected ? tr(" (converted to WGS 84)") : QString());
    default: return {};
    }
}

QString ReferenceLayers::addFile(const QUrl& file) { return addPath(file.isLocalFile() ? file.toLocalFile() : file.toString()); }

QString ReferenceLayers::addPath(const QString& path) {
    atlas::ReferenceLayersRead read = atlas::readReferenceLayers(path.toStdString());
    QStringList warnings, errors;
    for (const atlas::Diagnostic& d : read.diagnostics)
        (d.severity == atlas::Severity::Warning ? warnings : errors).append(fromStd(d.toString()));
    m_problems = (errors + warnings).join(QLatin1Char('\n'));
    if (read.failed()) return errors.isEmpty() ? tr("%1 has no layer to draw").arg(path) : errors.join(QLatin1Char('\n'));
    beginInsertRows({}, count(), count() + static_cast<int>(read.layers.size()) - 1);
    for (atlas::ReferenceLayer& layer : read.layers) {
        auto entry = std::make_unique<Entry>();
        entry->labelField = layer.labelField;
        entry->layer = std::move(layer);
        m_layers.push_back(std::move(entry));
    }
    endInsertRows();
    emit countChanged();
    restyle();
    return {};
}

std::vector<atlas::ProjectLayer> ReferenceLayers::projectLayers() const {
    std::vector<atlas::ProjectLayer> out;
    for (const auto& e : m_layers)
        out.push_back({e->layer.path, e->layer.name, e->shown, e->opacity, e->outline,
                       e->labelField >= 0 ? e->layer.fields[static_cast<std::size_t>(e->labelField)] : std::string()});
    return out;
}

atlas::ProjectAreaColouring ReferenceLayers::projectColouring() const {
    atlas::ProjectAreaColouring colouring;
    colouring.layer = m_choropleth;
    colouring.killed = m_measureKilled;
    if (comparing()) {
        colouring.compareFrom = atlas::Date::fromYearMonthDay(m_compareFrom.year(), m_compareFrom.month(), m_compareFrom.day());
        colouring.compareTo = atlas::Date::fromYearMonthDay(m_compareTo.year(), m_compareTo.month(), m_compareTo.day());
    }
    return colouring;
}

void ReferenceLayers::clear() {
    if (m_layers.empty()) return;
    setChoroplethLayer(-1);
    beginResetModel();
    m_layers.clear();
    endResetModel();
    emit countChanged();
    restyle();
}

std::vector<atlas::Diagnostic> ReferenceLayers::restore(const std::vector<atlas::ProjectLayer>& layers,
                                                        const atlas::ProjectAreaColouring& colouring) {
    clear();
    std::vector<atlas::Diagnostic> problems;
    std::vector<int> rowOf(layers.size(), -1); // a project's layer → its row here (a missing one has none)
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const atlas::ProjectLayer& wanted = layers[i];
        atlas::ReferenceLayersRead read = atlas::readReferenceLayers(wanted.path);
        auto found = std::find_if(read.layers.begin(), read.layers.end(), [&](const atlas::ReferenceLayer& l) { return l.name == wanted.layer; });
        if (found == read.layers.end() && !read.layers.empty() && wanted.layer.empty()) found = read.layers.begin();
        if (found == read.layers.end()) {
            atlas::Diagnostic d;
            d.severity = atlas::Severity::Error;
            d.code = atlas::codes::kLayerOpen;
            d.file = wanted.path;
            d.message = read.failed() && !read.diagnostics.empty() ? read.diagnostics.front().message
                                                                   : "the project's layer \"" + wanted.layer + "\" is no longer in the file";
            problems.push_back(std::move(d));
            continue;
        }
        auto entry = std::make_unique<Entry>();
        entry->layer = std::move(*found);
        entry->shown = wanted.shown;
        entry->opacity = wanted.opacity;
        entry->outline = wanted.outline;
        entry->labelField = wanted.labelField.empty() ? -1 : entry->layer.fieldIndex(wanted.labelField);
        beginInsertRows({}, count(), count());
        m_layers.push_back(std::move(entry));
        endInsertRows();
        rowOf[i] = count() - 1;
    }
    emit countChanged();
    m_measureKilled = colouring.killed;
    m_compareFrom = m_compareTo = QDate(); // the project's period, or none: not the one before
    if (colouring.compareFrom && colouring.compareTo) {
        m_compareFrom = QDate::fromString(QString::fromStdString(colouring.compareFrom->toString()), Qt::ISODate);
        m_compareTo = QDate::fromString(QString::fromStdString(colouring.compareTo->toString()), Qt::ISODate);
    }
    const int row = colouring.layer >= 0 && static_cast<std::size_t>(colouring.layer) < rowOf.size() ? rowOf[static_cast<std::size_t>(colouring.layer)] : -1;
    m_choropleth = -2; // so that the next call sets it and recounts, even to -1
    setChoroplethLayer(row);
    restyle();
    return problems;
}

void ReferenceLayers::remove(int row) {
    if (row < 0 || row >= count()) return;
    beginRemoveRows({}, row, row);
    m_layers.erase(m_layers.begin() + row);
    endRemoveRows();
    emit countChanged();
    if (m_choropleth == row) setChoroplethLayer(-1);
    else if (m_choropleth > row) --m_choropleth, emit choroplethChanged();
    restyle();
}

void ReferenceLayers::setShown(int row, bool shown) {
    if (row < 0 || row >= count() || m_layers[static_cast<std::size_t>(row)]->shown == shown) return;
    m_layers[static_cast<std::size_t>(row)]->shown = shown;
    emit dataChanged(index(row), index(row), {ShownRole});
    restyle();
}

void ReferenceLayers::setOpacity(int row, double opacity) {
    if (row < 0 || row >= count()) return;
    m_layers[static_cast<std::size_t>(row)]->opacity = std::clamp(opacity, 0.0, 1.0);
    emit dataChanged(index(row), index(row), {OpacityRole});
    restyle();
}

void ReferenceLayers::setOutline(int row, bool outline) {
    if (row < 0 || row >= count()) return;
    m_layers[static_cast<std::size_t>(row)]->outline = outline;
    emit dataChanged(index(row), index(row), {OutlineRole});
    restyle();
}

void ReferenceLayers::setLabelField(int row, const QString& field) {
    if (row < 0 || row >= count()) return;
    Entry& e = *m_layers[static_cast<std::size_t>(row)];
    e.labelField = field.isEmpty() ? -1 : e.layer.fieldIndex(field.toStdString());
    emit dataChanged(index(row), index(row), {LabelFieldRole});
    restyle();
}

void ReferenceLayers::setChoroplethLayer(int row) {
    if (row >= count() || row < -1) row = -1;
    if (row == m_choropleth) return;
    m_choropleth = row;
    m_locatedFor = nullptr;
    m_peakFilter.reset();
    emit choroplethChanged();
    recount();
}

void ReferenceLayers::setMeasure(const QString& measure) {
    const bool killed = measure == QLatin1String("killed");
    if (killed == m_measureKilled) return;
    m_measureKilled = killed;
    m_peakFilter.reset();
    emit choroplethChanged();
    recount();
}

bool ReferenceLayers::compareWith(const QString& from, const QString& to) {
    const QDate a = QDate::fromString(from.trimmed(), Qt::ISODate), b = QDate::fromString(to.trimmed(), Qt::ISODate);
    if (!a.isValid() || !b.isValid() || b < a) return false;
    m_compareFrom = a;
    m_compareTo = b;
    emit choroplethChanged();
    recount();
    ++m_generation; // hexagons compare too
    emit drawingChanged();
    return true;
}

void ReferenceLayers::stopComparing() {
    if (!comparing()) return;
    m_compareFrom = m_compareTo = QDate();
    m_peakFilter.reset();
    emit choroplethChanged();
    recount();
    ++m_generation;
    emit drawingChanged();
}

const atlas::ReferenceLayer* ReferenceLayers::layer(int row) const {
    return row >= 0 && row < count() ? &m_layers[static_cast<std::size_t>(row)]->layer : nullptr;
}

atlas::EventFilter ReferenceLayers::comparedFilter(const atlas::EventFilter& shown) const {
    atlas::EventFilter before = shown;
    before.from = atlas::Date::fromYearMonthDay(m_compareFrom.year(), m_compareFrom.month(), m_compareFrom.day());
    before.to = atlas::Date::fromYearMonthDay(m_compareTo.year(), m_compareTo.month(), m_compareTo.day());
    return before;
}

void ReferenceLayers::relocate() {
    const AtlasDocument* document = m_events ? m_events->document() : nullptr;
    const atlas::Dataset* dataset = document ? &document->dataset() : nullptr;
    if (m_locatedFor == dataset && !m_areaOfEvent.empty()) return;
    m_areaOfEvent.clear();
    m_locatedFor = dataset;
    if (!dataset || m_choropleth < 0) return;
    m_areaOfEvent = atlas::locateEvents(dataset->events, m_layers[static_cast<std::size_t>(m_choropleth)]->polygons());
}

atlas::render::AreaShading ReferenceLayers::shadingFor(const atlas::EventFilter& shown) const {
    const AtlasDocument* document = m_events ? m_events->document() : nullptr;
    const auto index = document ? document->eventIndex() : nullptr;
    if (m_choropleth < 0 || !index || m_areaOfEvent.empty()) return {};
    const std::size_t areas = m_layers[static_cast<std::size_t>(m_choropleth)]->layer.features.size();
    std::optional<atlas::AreaCounts> before;
    if (comparing()) before = index->countByArea(comparedFilter(shown), m_areaOfEvent, areas);
    return atlas::render::shadeAreas(index->countByArea(shown, m_areaOfEvent, areas), before, m_classes, m_measureKilled);
}

void ReferenceLayers::recount() {
    const AtlasDocument* document = m_events ? m_events->document() : nullptr;
    const auto index = document ? document->eventIndex() : nullptr;
    m_legend.clear();
    m_topAreas.clear();
    m_legendTitle.clear();
    m_counts = {};
    m_before.reset();
    if (m_choropleth < 0 || !index || !m_events) {
        m_classes.clear();
        m_shading = {};
        emit countsChanged();
        restyle();
        return;
    }
    relocate();
    const Entry& entry = *m_layers[static_cast<std::size_t>(m_choropleth)];
    const std::size_t areas = entry.layer.features.size();
    const atlas::EventFilter& shown = m_events->shownFilter();
    m_counts = index->countByArea(shown, m_areaOfEvent, areas);
    const QString what = m_measureKilled ? tr("Killed (at least)") : tr("Incidents");
    if (comparing()) {
        m_before = index->countByArea(comparedFilter(shown), m_areaOfEvent, areas);
        m_legendTitle = tr("%1: window against %2 – %3").arg(what, m_compareFrom.toString(Qt::ISODate), m_compareTo.toString(Qt::ISODate));
    } else {
        // The scale's top: the most one area holds in any window of this length over the data,
        // recounted only when the filter (its window aside) or the window's length changes.
        atlas::EventFilter withoutWindow = shown;
        withoutWindow.from.reset();
        withoutWindow.to.reset();
        const int days = shown.from && shown.to ? atlas::daysBetween(*shown.from, *shown.to) + 1 : 0; // 0: the data's span
        if (!m_peakFilter || !(*m_peakFilter == withoutWindow) || m_peakDays != days) {
            m_classes = atlas::render::areaScaleClasses(*index, shown, m_areaOfEvent, areas, m_measureKilled);
            m_peakFilter = withoutWindow;
            m_peakDays = days;
        }
        m_legendTitle = tr("%1 per area of %2 in the window (scale fixed over the data)").arg(what, fromStd(entry.layer.name));
    }
    m_shading = atlas::render::shadeAreas(m_counts, m_before, m_classes, m_measureKilled);
    for (const auto& [label, colour] : m_shading.legend)
        m_legend.append(QVariantMap{{QStringLiteral("label"), fromStd(label)}, {QStringLiteral("colour"), toQColor(colour)}});
    // The table beside the map: the most, or the largest changes.
    std::vector<std::size_t> order(areas);
    for (std::size_t a = 0; a < areas; ++a) order[a] = a;
    const auto key = [&](std::size_t a) -> double {
        const double now = static_cast<double>(atlas::render::shadedValue(m_counts.areas[a], m_measureKilled));
        if (!m_before) return now;
        return std::abs(now - static_cast<double>(atlas::render::shadedValue(m_before->areas[a], m_measureKilled)));
    };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t l, std::size_t r) { return key(l) > key(r); });
    for (std::size_t i = 0; i < order.size() && m_topAreas.size() < 12; ++i) {
        const std::size_t a = order[i];
        if (key(a) <= 0) break;
        QVariantMap row{{QStringLiteral("feature"), static_cast<int>(a)},
                        {QStringLiteral("name"), fromStd(entry.layer.label(a, entry.labelField))},
                        {QStringLiteral("events"), static_cast<int>(m_counts.areas[a].events)},
                        {QStringLiteral("killed"), static_cast<qlonglong>(m_counts.areas[a].killedAtLeast)}};
        if (m_before) {
            const std::uint64_t before = atlas::render::shadedValue(m_before->areas[a], m_measureKilled), after = atlas::render::shadedValue(m_counts.areas[a], m_measureKilled);
            const auto percent = atlas::percentChange(before, after);
            row.insert(QStringLiteral("before"), static_cast<qlonglong>(before));
            row.insert(QStringLiteral("after"), static_cast<qlonglong>(after));
            row.insert(QStringLiteral("change"), percent ? QStringLiteral("%1%2 %").arg(*percent >= 0 ? QStringLiteral("+") : QString()).arg(*percent, 0, 'f', 0)
                                                         : tr("new"));
            row.insert(QStringLiteral("colour"), toQColor(atlas::map_style::kChangeBandColours[static_cast<int>(atlas::changeBand(before, after))]));
        }
        m_topAreas.append(row);
    }
    emit countsChanged();
    restyle();
}

void ReferenceLayers::restyle() {
    m_styles.clear();
    for (std::size_t row = 0; row < m_layers.size(); ++row) {
        const Entry& e = *m_layers[row];
        if (!e.shown) continue;
        atlas::render::ReferenceLayerStyle style;
        style.layer = &e.layer;
        style.opacity = e.opacity;
        style.outline = e.outline;
        style.labelField = e.labelField;
        if (static_cast<int>(row) == m_choropleth && m_shading.fills.size() == e.layer.features.size()) style.fills = m_shading.fills;
        m_styles.push_back(std::move(style));
    }
    ++m_generation;
    emit drawingChanged();
}

QVariantMap ReferenceLayers::areaAt(double latitude, double longitude) const {
    const AtlasDocument* document = m_events ? m_events->document() : nullptr;
    const auto index = document ? document->eventIndex() : nullptr;
    for (int row = count() - 1; row >= 0; --row) {
        const Entry& e = *m_layers[static_cast<std::size_t>(row)];
        if (!e.shown || e.layer.areaCount() == 0) continue;
        const std::int32_t feature = e.polygons().locate({latitude, longitude});
        if (feature < 0) continue;
        QVariantMap area{{QStringLiteral("layer"), row},
                         {QStringLiteral("feature"), feature},
                         {QStringLiteral("name"), fromStd(e.layer.label(static_cast<std::size_t>(feature), e.labelField))},
                         {QStringLiteral("layerName"), fromStd(e.layer.name)}};
        if (!index || !m_events) return area;
        // The window and filters inside this area: the filter's own region test, so the numbers
        // are those of "Show only this area".
        atlas::EventFilter filter = m_events->shownFilter();
        filter.region = e.layer.features[static_cast<std::size_t>(feature)].area;
        const atlas::Breakdown b = index->breakdown(filter);
        area.insert(QStringLiteral("events"), static_cast<int>(b.events));
        area.insert(QStringLiteral("killed"), static_cast<qlonglong>(b.killedAtLeast));
        QVariantList sides, types;
        for (int s = 0; s < atlas::kSideCount; ++s)
            if (b.bySide[static_cast<std::size_t>(s)])
                sides.append(QVariantMap{{QStringLiteral("label"), fromStd(std::string(atlas::toLabel(static_cast<atlas::Side>(s))))},
                                         {QStringLiteral("colour"), toQColor(atlas::sideColour(static_cast<atlas::Side>(s)))},
                                         {QStringLiteral("count"), static_cast<int>(b.bySide[static_cast<std::size_t>(s)])}});
        for (int t = 0; t < atlas::kEventTypeCount; ++t)
            if (b.byType[static_cast<std::size_t>(t)])
                types.append(QVariantMap{{QStringLiteral("label"), fromStd(std::string(atlas::toLabel(static_cast<atlas::EventType>(t))))},
                                         {QStringLiteral("count"), static_cast<int>(b.byType[static_cast<std::size_t>(t)])}});
        area.insert(QStringLiteral("bySide"), sides);
        area.insert(QStringLiteral("byType"), types);
        if (comparing()) {
            filter = comparedFilter(filter);
            const atlas::Breakdown before = index->breakdown(filter);
            area.insert(QStringLiteral("before"), static_cast<int>(before.events));
            const auto percent = atlas::percentChange(before.events, b.events);
            area.insert(QStringLiteral("change"), percent ? QStringLiteral("%1 %").arg(*percent, 0, 'f', 0) : tr("new"));
        }
        return area;
    }
    return {};
}

void ReferenceLayers::filterToArea(int row, int feature) {
    if (!m_filters) return;
    const atlas::ReferenceLayer* l = layer(row);
    if (!l || feature < 0 || static_cast<std::size_t>(feature) >= l->features.size() || !l->features[static_cast<std::size_t>(feature)].isArea()) {
        m_filters->clearRegion();
        return;
    }
    const Entry& e = *m_layers[static_cast<std::size_t>(row)];
    m_filters->setRegion(l->features[static_cast<std::size_t>(feature)].area,
                         tr("%1 (%2)").arg(fromStd(l->label(static_cast<std::size_t>(feature), e.labelField)), QFileInfo(fromStd(l->path)).fileName()));
}

QString ReferenceLayers::exportTable(const QUrl& file) const {
    const atlas::ReferenceLayer* l = layer(m_choropleth);
    if (!l) return tr("No layer is coloured by incidents");
    atlas::AreaTable table;
    table.layer = l;
    table.nameField = m_layers[static_cast<std::size_t>(m_choropleth)]->labelField;
    table.counts = m_counts;
    table.before = m_before;
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    for (const atlas::Diagnostic& d : atlas::writeFileAtomically(path.toStdString(), [&](std::ostream& out) {
             path.endsWith(QLatin1String(".geojson"), Qt::CaseInsensitive) ? atlas::writeAreaTableGeoJson(table, out)
                                                                           : atlas::writeAreaTableCsv(table, out);
         }))
        return fromStd(d.toString());
    return {};
}

} // namespace atlas::ui
