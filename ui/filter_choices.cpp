#include "filter_choices.h"

#include "event_details.h"
#include "symbology.h"

#include "atlas/model/actor_tree.h"
#include "atlas/model/vocabulary.h"

#include <unordered_map>

namespace atlas::ui {

namespace {

// The map's symbol of a type, as a character for a list (the legend draws the same four).
QString glyphOf(atlas::EventType type) {
    switch (atlas::symbolShape(type)) {
    case atlas::SymbolShape::Triangle: return QStringLiteral("\u25BC");
    case atlas::SymbolShape::Circle: return QStringLiteral("\u25CF");
    case atlas::SymbolShape::Square: return QStringLiteral("\u25A0");
    case atlas::SymbolShape::Diamond: return QStringLiteral("\u25C6");
    }
    return {};
}

} // namespace

FilterChoices::FilterChoices(AtlasDocument* document, FilterSettings* filters, VisibleEventsModel* events, QObject* parent)
    : QAbstractListModel(parent), m_document(document), m_filters(filters), m_events(events) {
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(150);
    connect(&m_refresh, &QTimer::timeout, this, &FilterChoices::recount);
    connect(document, &AtlasDocument::datasetChanged, this, [this] {
        rebuildRows();
        recount();
    });
    connect(filters, &FilterSettings::changed, this, [this] {
        if (!m_rows.empty()) emit dataChanged(index(0), index(rowCount() - 1), {CheckRole, ImpliedRole});
        scheduleRecount();
    });
    // The window's rows change after every move of the window or the filters.
    connect(events, &VisibleEventsModel::countChanged, this, &FilterChoices::scheduleRecount);
    rebuildRows();
}

void FilterChoices::setActive(bool active) {
    if (m_active == active) return;
    m_active = active;
    emit activeChanged();
    if (m_active) recount();
}

void FilterChoices::setRefreshMs(int ms) {
    if (ms == m_refresh.interval()) return;
    m_refresh.setInterval(ms);
    emit refreshMsChanged();
}

void FilterChoices::scheduleRecount() {
    // At most one count per interval, however fast the window moves (a throttle, not a
    // debounce: while playing, the counts still follow).
    if (!m_refresh.isActive()) m_refresh.start();
}

void FilterChoices::rebuildRows() {
    beginResetModel();
    m_rows.clear();
    m_types.clear();
    if (m_document) {
        for (const QVariant& entry : m_document->typeChoices()) {
            const QString key = entry.toMap().value(QStringLiteral("key")).toString();
            const auto type = atlas::eventTypeFromKey(key.toStdString());
            if (!type) continue;
            m_types.append(QVariantMap{{QStringLiteral("key"), key},
                                       {QStringLiteral("label"), entry.toMap().value(QStringLiteral("label"))},
                                       {QStringLiteral("colour"), toQColor(atlas::typeColour(*type))},
                                       {QStringLiteral("glyph"), glyphOf(*type)}});
        }
        const atlas::Dataset& dataset = m_document->dataset();
        const atlas::ActorTree tree(dataset);
        const std::vector<atlas::ActorTree::Entry> entries = tree.depthFirst();
        // Each top-level group goes under the side it is drawn in; its sub-groups follow it.
        std::vector<int> sideOfEntry(entries.size());
        int side = 0;
        for (std::size_t i = 0; i < entries.size(); ++i) {
            if (entries[i].depth == 0) side = static_cast<int>(tree.effectiveSide(entries[i].actor->id));
            sideOfEntry[i] = side;
        }
        // Known sides first, in the legend's order; "Unknown" last.
        std::vector<int> sideOrder;
        for (int s = 0; s < atlas::kSideCount; ++s)
            if (static_cast<atlas::Side>(s) != atlas::Side::Unknown) sideOrder.push_back(s);
        sideOrder.push_back(static_cast<int>(atlas::Side::Unknown));
        for (const int s : sideOrder) {
            if (std::find(sideOfEntry.begin(), sideOfEntry.end(), s) == sideOfEntry.end()) continue;
            const auto value = static_cast<atlas::Side>(s);
            const int sideRow = static_cast<int>(m_rows.size());
            m_rows.push_back({true, qs(atlas::toKey(value)), qs(atlas::toLabel(value)), 0, s, {}, toQColor(atlas::sideColour(value)), 0});
            std::vector<int> stack{sideRow}; // the rows above the next one, by depth
            for (std::size_t i = 0; i < entries.size(); ++i) {
                if (sideOfEntry[i] != s) continue;
                const int depth = entries[i].depth + 1;
                stack.resize(static_cast<std::size_t>(depth));
                Row row;
                row.id = qs(entries[i].actor->id);
                row.name = qs(entries[i].actor->name.empty() ? entries[i].actor->id : entries[i].actor->name);
                row.depth = depth;
                row.sideValue = s;
                row.ancestors.assign(stack.rbegin(), stack.rend() - 1); // nearest umbrella first, not the side
                row.colour = toQColor(tree.effectiveColour(entries[i].actor->id));
                stack.push_back(static_cast<int>(m_rows.size()));
                m_rows.push_back(std::move(row));
            }
        }
    }
    endResetModel();
    emit typesChanged();
}

void FilterChoices::recount() {
    m_refresh.stop();
    if (!m_document || !m_events || !m_document->eventIndex()) return;
    const atlas::EventIndex& events = *m_document->eventIndex();
    atlas::EventFilter filter = m_events->currentFilter();

    // Types: in the window under every filter but the type filter.
    atlas::EventFilter anyType = filter;
    anyType.types.clear();
    const atlas::Breakdown breakdown = events.breakdown(anyType);
    QVariantMap typeCounts;
    for (int type = 0; type < atlas::kEventTypeCount; ++type)
        if (const std::uint32_t n = breakdown.byType[static_cast<std::size_t>(type)]; n > 0)
            typeCounts.insert(qs(atlas::toKey(static_cast<atlas::EventType>(type))), static_cast<int>(n));
    // What "exact only" takes out of the window, whether it is on or not.
    atlas::EventFilter anyPrecision = filter, exact = filter;
    anyPrecision.setExactOnly(false);
    exact.setExactOnly(true);
    const int inexact = static_cast<int>(events.count(anyPrecision) - events.count(exact));
    if (typeCounts != m_typeCounts || inexact != m_inexactCount) {
        m_typeCounts = typeCounts;
        m_inexactCount = inexact;
        emit typeCountsChanged();
    }

    if (!m_active || m_rows.empty()) return;
    const atlas::ActorCounts counts = events.actorCounts(filter);
    std::unordered_map<std::string, std::size_t> at;
    for (std::size_t a = 0; a < counts.actorIds.size(); ++a) at.emplace(counts.actorIds[a], a);
    const bool subgroups = filter.includeSubgroups;
    for (Row& row : m_rows) {
        if (row.side) {
            row.count = static_cast<int>(counts.bySide[static_cast<std::size_t>(row.sideValue)]);
        } else {
            const auto found = at.find(row.id.toStdString());
            row.count = found == at.end() ? 0
                                          : static_cast<int>(subgroups ? counts.withSubgroups[found->second] : counts.own[found->second]);
        }
    }
    emit dataChanged(index(0), index(rowCount() - 1), {CountRole});
}

int FilterChoices::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(m_rows.size()); }

bool FilterChoices::ticked(int row) const {
    const Row& r = m_rows[static_cast<std::size_t>(row)];
    if (!r.side) return m_filters && m_filters->actorIds().contains(r.id);
    const std::vector<int> top = topLevelOf(row);
    return !top.empty() && std::all_of(top.begin(), top.end(), [this](int t) { return ticked(t) || implied(t); });
}

bool FilterChoices::implied(int row) const {
    const Row& r = m_rows[static_cast<std::size_t>(row)];
    if (r.side || !m_filters || !m_filters->includeSubgroups()) return false;
    return std::any_of(r.ancestors.begin(), r.ancestors.end(), [this](int a) { return ticked(a); });
}

Qt::CheckState FilterChoices::checkState(int row) const {
    if (ticked(row)) return Qt::Checked;
    // Something below it ticked: the rows after it, deeper, up to the next row of its depth.
    const int depth = m_rows[static_cast<std::size_t>(row)].depth;
    for (std::size_t below = static_cast<std::size_t>(row) + 1; below < m_rows.size() && m_rows[below].depth > depth; ++below)
        if (!m_rows[below].side && ticked(static_cast<int>(below))) return Qt::PartiallyChecked;
    return Qt::Unchecked;
}

std::vector<int> FilterChoices::topLevelOf(int sideRow) const {
    std::vector<int> out;
    for (std::size_t row = static_cast<std::size_t>(sideRow) + 1; row < m_rows.size() && !m_rows[row].side; ++row)
        if (m_rows[row].depth == 1) out.push_back(static_cast<int>(row));
    return out;
}

void FilterChoices::toggle(int row) {
    if (row < 0 || row >= rowCount() || !m_filters) return;
    const Row& r = m_rows[static_cast<std::size_t>(row)];
    QStringList ids = m_filters->actorIds();
    if (r.side) {
        const bool all = ticked(row);
        for (std::size_t below = static_cast<std::size_t>(row) + 1; below < m_rows.size() && !m_rows[below].side; ++below) {
            const Row& actor = m_rows[below];
            if (all) ids.removeAll(actor.id);
            else if (actor.depth == 1 && !ids.contains(actor.id)) ids.append(actor.id);
        }
    } else if (ids.contains(r.id)) {
        ids.removeAll(r.id);
    } else {
        ids.append(r.id);
    }
    m_filters->setActorIds(ids);
}

int FilterChoices::rowOf(const QString& id) const {
    for (std::size_t row = 0; row < m_rows.size(); ++row)
        if (m_rows[row].id == id) return static_cast<int>(row);
    return -1;
}

QVariant FilterChoices::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Row& r = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return r.name;
    case KindRole: return r.side ? QStringLiteral("side") : QStringLiteral("actor");
    case IdRole: return r.id;
    case DepthRole: return r.depth;
    case CountRole: return r.count;
    case CheckRole: return static_cast<int>(checkState(index.row()));
    case ImpliedRole: return implied(index.row());
    case ColourRole: return r.colour;
    default: return {};
    }
}

QHash<int, QByteArray> FilterChoices::roleNames() const {
    return {{KindRole, "kind"},   {IdRole, "actorId"},       {NameRole, "name"},       {DepthRole, "depth"},
            {CountRole, "count"}, {CheckRole, "checkState"}, {ImpliedRole, "implied"}, {ColourRole, "colour"}};
}

} // namespace atlas::ui
