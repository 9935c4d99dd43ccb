#include "visible_events_model.h"

#include "event_details.h"

#include "atlas_document.h"
#include "timeline.h"

#include <QVariantList>

#include <algorithm>
#include <unordered_set>
#include <array>
#include <unordered_map>

namespace atlas::ui {

namespace {


QString casualtyText(const atlas::CasualtyCount& count) { return qs(count.toText()); }

} // namespace

VisibleEventsModel::VisibleEventsModel(QObject* parent)
    : QAbstractListModel(parent), m_query([this](WindowQuery::Answer answer) { show(answer.events, std::move(answer.filter), answer.bySide); }) {
    connect(&m_query, &WindowQuery::busyChanged, this, &VisibleEventsModel::busyChanged);
}

void VisibleEventsModel::setDocument(AtlasDocument* document) {
    if (m_document == document) return;
    if (m_document) disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document) connect(m_document, &AtlasDocument::datasetChanged, this, &VisibleEventsModel::onDocumentChanged);
    emit documentChanged();
    onDocumentChanged();
}

void VisibleEventsModel::onDocumentChanged() {
    m_query.setIndex(m_document ? m_document->eventIndex() : nullptr);
    rebuildStyles();
    rebuildLegend();
    rebuild();
}

void VisibleEventsModel::rebuildStyles() {
    // Colour, shape and size depend only on the event: resolving them once makes showing a
    // window a copy (a million events take about a second here, at load time).
    m_datasetSymbols.clear();
    if (m_document) m_datasetSymbols = atlas::render::resolveSymbols(m_document->dataset());
}

void VisibleEventsModel::setFilters(FilterSettings* filters) {
    if (m_filters == filters) return;
    if (m_filters) disconnect(m_filters, nullptr, this, nullptr);
    m_filters = filters;
    if (m_filters) connect(m_filters, &FilterSettings::changed, this, &VisibleEventsModel::rebuild);
    emit filtersChanged();
    rebuild();
}

void VisibleEventsModel::setAsyncThreshold(int events) {
    if (m_query.asyncThreshold() == events) return;
    m_query.setAsyncThreshold(events);
    emit asyncThresholdChanged();
}


atlas::EventFilter VisibleEventsModel::currentFilter() const {
    atlas::EventFilter filter = m_filters ? m_filters->toFilter() : atlas::EventFilter{};
    if (m_timeline) {
        const atlas::TimeWindow window = m_timeline->window();
        filter.to = window.end;
        if (window.lengthDays > 0) filter.from = window.first();
    }
    return filter;
}

void VisibleEventsModel::setTimeline(Timeline* timeline) {
    if (m_timeline == timeline) return;
    if (m_timeline) disconnect(m_timeline, nullptr, this, nullptr);
    m_timeline = timeline;
    if (m_timeline) connect(m_timeline, &Timeline::windowChanged, this, &VisibleEventsModel::rebuild);
    emit timelineChanged();
    rebuild();
}

void VisibleEventsModel::rebuild() {
    if (!m_document || !m_timeline) {
        show({}, {}, {});
        return;
    }
    // A late answer is shown only if it answers what the window asks now.
    m_query.ask(currentFilter(), [this](const atlas::EventFilter& answered) { return answered == currentFilter(); });
}

void VisibleEventsModel::show(const std::vector<std::uint32_t>& positions, atlas::EventFilter filter,
                              const std::array<std::uint32_t, atlas::kSideCount>& bySide) {
    // The legend keeps the dataset's sides (it does not jump while the slider moves) and says
    // how many of each are shown.
    bool legendMoved = false;
    for (QVariant& entry : m_legend) {
        QVariantMap item = entry.toMap();
        const int shown = static_cast<int>(bySide[static_cast<std::size_t>(item.value(QStringLiteral("side")).toInt())]);
        if (item.value(QStringLiteral("shown")).toInt() == shown) continue;
        item.insert(QStringLiteral("shown"), shown);
        entry = item;
        legendMoved = true;
    }
    if (legendMoved) emit legendChanged();
    std::vector<std::uint32_t> next;
    int killed = 0;
    if (m_document && m_datasetSymbols.size() == m_document->dataset().events.size()) {
        const atlas::Dataset& dataset = m_document->dataset();
        next = positions;
        for (const std::uint32_t position : positions) killed += dataset.events.killedLowerBound(position);
    }
    atlas::EventFilter shown = m_shownFilter;
    shown.from = filter.from;
    shown.to = filter.to;
    const bool onlyTimeMoved = shown == filter;
    m_shownFilter = std::move(filter);
    m_killedLowerBound = killed;
    if (!(onlyTimeMoved && slideTo(next))) {
        beginResetModel();
        m_positions = std::move(next);
        endResetModel();
    }
    emit countChanged();
    emit shownChanged();
}

bool VisibleEventsModel::slideTo(std::vector<std::uint32_t>& next) {
    if (m_positions.empty() || next.empty()) return false;
    const auto old = static_cast<std::ptrdiff_t>(m_positions.size());
    const auto fresh = static_cast<std::ptrdiff_t>(next.size());
    // Forward: the old rows from k on are the new rows' beginning.
    const auto k = std::find(m_positions.begin(), m_positions.end(), next.front()) - m_positions.begin();
    if (k < old && old - k <= fresh && std::equal(m_positions.begin() + k, m_positions.end(), next.begin())) {
        if (k > 0) {
            beginRemoveRows({}, 0, static_cast<int>(k - 1));
            m_positions.erase(m_positions.begin(), m_positions.begin() + k);
            endRemoveRows();
        }
        const auto kept = old - k;
        if (fresh > kept) {
            beginInsertRows({}, static_cast<int>(kept), static_cast<int>(fresh - 1));
            m_positions.insert(m_positions.end(), next.begin() + kept, next.end());
            endInsertRows();
        }
        return true;
    }
    // Backward: the new rows from j on are the old rows' beginning.
    const auto j = std::find(next.begin(), next.end(), m_positions.front()) - next.begin();
    if (j < fresh && fresh - j <= old && std::equal(next.begin() + j, next.end(), m_positions.begin())) {
        const auto kept = fresh - j;
        if (old > kept) {
            beginRemoveRows({}, static_cast<int>(kept), static_cast<int>(old - 1));
            m_positions.erase(m_positions.begin() + kept, m_positions.end());
            endRemoveRows();
        }
        if (j > 0) {
            beginInsertRows({}, 0, static_cast<int>(j - 1));
            m_positions.insert(m_positions.begin(), next.begin(), next.begin() + j);
            endInsertRows();
        }
        return true;
    }
    return editTo(next);
}

bool VisibleEventsModel::editTo(const std::vector<std::uint32_t>& next) {
    // Incidents known only to a week or a month enter the window some days before their date
    // and leave it after: rows change inside the list too, not only at its ends. Both lists
    // follow the index's date order, so the rows both have keep their order and the others are
    // removed and inserted in runs where they are.
    const std::unordered_set<std::uint32_t> inNext(next.begin(), next.end());
    const std::unordered_set<std::uint32_t> inOld(m_positions.begin(), m_positions.end());
    std::vector<std::uint32_t> keptOld, keptNew;
    for (const std::uint32_t p : m_positions)
        if (inNext.count(p)) keptOld.push_back(p);
    for (const std::uint32_t p : next)
        if (inOld.count(p)) keptNew.push_back(p);
    if (keptOld != keptNew || keptOld.empty()) return false; // reordered, or nothing kept: a reset says it better
    std::size_t row = 0, j = 0;
    while (j < next.size() || row < m_positions.size()) {
        if (row < m_positions.size() && j < next.size() && m_positions[row] == next[j]) {
            ++row;
            ++j;
        } else if (row < m_positions.size() && !inNext.count(m_positions[row])) {
            std::size_t end = row;
            while (end < m_positions.size() && !inNext.count(m_positions[end])) ++end;
            beginRemoveRows({}, static_cast<int>(row), static_cast<int>(end - 1));
            m_positions.erase(m_positions.begin() + static_cast<std::ptrdiff_t>(row), m_positions.begin() + static_cast<std::ptrdiff_t>(end));
            endRemoveRows();
        } else {
            std::size_t end = j;
            while (end < next.size() && !inOld.count(next[end])) ++end;
            beginInsertRows({}, static_cast<int>(row), static_cast<int>(row + (end - j) - 1));
            m_positions.insert(m_positions.begin() + static_cast<std::ptrdiff_t>(row), next.begin() + static_cast<std::ptrdiff_t>(j),
                               next.begin() + static_cast<std::ptrdiff_t>(end));
            endInsertRows();
            row += end - j;
            j = end;
        }
    }
    return true;
}

void VisibleEventsModel::rebuildLegend() {
    m_legend.clear();
    if (m_document) {
        // The index already knows each event's side: count from it rather than resolve every
        // event's first perpetrator again.
        const auto counts = m_document->eventIndex()->breakdown({}).bySide;
        for (int side = 0; side < atlas::kSideCount; ++side) {
            if (counts[static_cast<std::size_t>(side)] == 0) continue;
            const auto value = static_cast<atlas::Side>(side);
            m_legend.append(QVariantMap{{QStringLiteral("side"), side},
                                        {QStringLiteral("shown"), 0},
                                        {QStringLiteral("label"), qs(atlas::toLabel(value))},
                                        {QStringLiteral("colour"), toQColor(atlas::sideColour(value))},
                                        {QStringLiteral("count"), static_cast<int>(counts[static_cast<std::size_t>(side)])}});
        }
    }
    emit legendChanged();
}

int VisibleEventsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : count();
}

QVariant VisibleEventsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_document)
        return {};
    const std::uint32_t position = m_positions[static_cast<std::size_t>(index.row())];
    const atlas::Dataset& dataset = m_document->dataset();
    // The columns a row shows (never the event's details, which may be in a file).
    const atlas::EventTable& events = dataset.events;
    switch (role) {
    case EventIdRole: return qs(events.id(position));
    case DateRole: return qs(events.date(position).toString());
    case TypeRole: return qs(atlas::toLabel(events.type(position)));
    case SideRole: return qs(atlas::toLabel(dataset.sideOfEvent(position)));
    case ColourRole: return toQColor(m_datasetSymbols[position].colour);
    case KilledRole: return casualtyText(events.killed(position));
    case PlaceRole: return qs(events.placeName(position));
    case Qt::DisplayRole:
    case SummaryRole:
        return QStringLiteral("%1 · %2 · %3").arg(qs(events.date(position).toString()), qs(atlas::toLabel(events.type(position))),
                                                   qs(events.placeName(position)));
    default: return {};
    }
}

QHash<int, QByteArray> VisibleEventsModel::roleNames() const {
    return {{EventIdRole, "eventId"}, {DateRole, "date"},     {TypeRole, "type"},   {SideRole, "side"},
            {ColourRole, "colour"},   {KilledRole, "killed"}, {PlaceRole, "place"}, {SummaryRole, "summary"}};
}

QVariantMap VisibleEventsModel::details(int row) const {
    if (row < 0 || row >= count() || !m_document) return {};
    const std::uint32_t position = m_positions[static_cast<std::size_t>(row)];
    return eventDetails(m_document->dataset(), position, row, toQColor(m_datasetSymbols[position].colour));
}

int VisibleEventsModel::rowOfEvent(const QString& eventId) const {
    if (!m_document) return -1;
    const std::string id = eventId.toStdString();
    for (std::size_t row = 0; row < m_positions.size(); ++row)
        if (m_document->dataset().events.id(m_positions[row]) == id) return static_cast<int>(row);
    return -1;
}

int VisibleEventsModel::rowOfPosition(std::uint32_t position) const {
    // Rows are in date order, not position order: a scan, for a click (a millisecond at 1M).
    const auto it = std::find(m_positions.begin(), m_positions.end(), position);
    return it == m_positions.end() ? -1 : static_cast<int>(it - m_positions.begin());
}

} // namespace atlas::ui
