#include "incident_table_model.h"

#include "event_details.h"
#include "symbology.h"

#include "atlas/io/atomic_file.h"
#include "atlas/query/query.h"

#include <QClipboard>
#include <QFileInfo>
#include <QGuiApplication>

#include <algorithm>

namespace atlas::ui {

IncidentTableModel::IncidentTableModel(VisibleEventsModel* events, QObject* parent)
    : QAbstractTableModel(parent), m_events(events) {
    // Any change of the window's rows (a slide, a new filter, a new dataset) orders them again.
    connect(events, &QAbstractItemModel::modelReset, this, &IncidentTableModel::rebuild);
    connect(events, &QAbstractItemModel::rowsInserted, this, &IncidentTableModel::rebuild);
    connect(events, &QAbstractItemModel::rowsRemoved, this, &IncidentTableModel::rebuild);
    connect(events, &VisibleEventsModel::documentChanged, this, &IncidentTableModel::rebuild);
}

void IncidentTableModel::setActive(bool active) {
    if (m_active == active) return;
    m_active = active;
    emit activeChanged();
    rebuild();
}

QStringList IncidentTableModel::columnKeys() {
    QStringList keys;
    for (const atlas::EventColumn column : atlas::kEventColumns) keys.append(qs(atlas::columnKey(column)));
    return keys;
}

QStringList IncidentTableModel::columnTitles() {
    QStringList titles;
    for (const atlas::EventColumn column : atlas::kEventColumns) titles.append(qs(atlas::columnTitle(column)));
    return titles;
}

void IncidentTableModel::setHiddenColumns(const QStringList& keys) {
    QStringList known;
    for (const QString& key : keys)
        if (atlas::columnOfKey(key.toStdString()) && !known.contains(key)) known.append(key);
    if (known.size() >= atlas::kEventColumnCount) known.removeLast(); // one column always shows
    if (known == m_hidden) return;
    m_hidden = known;
    emit hiddenColumnsChanged();
}

void IncidentTableModel::setColumnShown(int column, bool shown) {
    if (column < 0 || column >= atlas::kEventColumnCount) return;
    QStringList hidden = m_hidden;
    const QString key = qs(atlas::columnKey(atlas::kEventColumns[static_cast<std::size_t>(column)]));
    if (shown) hidden.removeAll(key);
    else if (!hidden.contains(key)) hidden.append(key);
    setHiddenColumns(hidden);
}

bool IncidentTableModel::columnShown(int column) const {
    return column >= 0 && column < atlas::kEventColumnCount &&
           !m_hidden.contains(qs(atlas::columnKey(atlas::kEventColumns[static_cast<std::size_t>(column)])));
}

std::vector<atlas::EventColumn> IncidentTableModel::shownColumns() const {
    std::vector<atlas::EventColumn> shown;
    for (int c = 0; c < atlas::kEventColumnCount; ++c)
        if (columnShown(c)) shown.push_back(atlas::kEventColumns[static_cast<std::size_t>(c)]);
    return shown;
}

void IncidentTableModel::sortBy(int column, bool descending) {
    if (column < 0 || column >= atlas::kEventColumnCount) return;
    const auto wanted = atlas::kEventColumns[static_cast<std::size_t>(column)];
    if (wanted == m_sortColumn && descending == m_descending) return;
    m_sortColumn = wanted;
    m_descending = descending;
    emit sortChanged();
    rebuild();
}

void IncidentTableModel::toggleSort(int column) {
    sortBy(column, column == sortColumn() ? !m_descending : false);
}

void IncidentTableModel::rebuild() {
    beginResetModel();
    m_order.clear();
    m_anchor = -1;
    if (m_active && m_events && m_events->document()) {
        const atlas::Dataset& dataset = m_events->document()->dataset();
        const std::vector<std::uint32_t>& positions = m_events->positions();
        const std::size_t events = dataset.events.size();
        m_order = positions;
        // Rows come in date order: sorting by date ascending is already done.
        if (m_sortColumn != atlas::EventColumn::Date || m_descending)
            atlas::sortByColumn(dataset, m_order, m_sortColumn, m_descending);
        if (m_dataset != &dataset || m_eventRowOf.size() != events) { // another dataset: nothing selected
            m_dataset = &dataset;
            m_eventRowOf.assign(events, -1);
            m_tableRowOf.assign(events, -1);
            m_selected.assign(events, 0);
        }
        for (std::size_t row = 0; row < positions.size(); ++row) m_eventRowOf[positions[row]] = static_cast<std::int32_t>(row);
        for (std::size_t row = 0; row < m_order.size(); ++row) m_tableRowOf[m_order[row]] = static_cast<std::int32_t>(row);
    }
    endResetModel();
    countSelected();
}

void IncidentTableModel::countSelected() {
    int count = 0;
    for (const std::uint32_t position : m_order) count += m_selected[position];
    if (count == m_selectedCount) return;
    m_selectedCount = count;
    emit selectionChanged();
}

int IncidentTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_order.size());
}

int IncidentTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : atlas::kEventColumnCount;
}

QVariant IncidentTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_events ||
        !m_events->document())
        return {};
    const std::uint32_t position = m_order[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return qs(atlas::eventColumnText(m_events->document()->dataset(), position,
                                         atlas::kEventColumns[static_cast<std::size_t>(index.column())]));
    case SelectedRole: return m_selected[position] != 0;
    case EventRowRole: return m_eventRowOf[position];
    case ColourRole: return toQColor(m_events->datasetSymbols()[position].colour);
    default: return {};
    }
}

QVariant IncidentTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal || section < 0 || section >= atlas::kEventColumnCount)
        return {};
    QString title = qs(atlas::columnTitle(atlas::kEventColumns[static_cast<std::size_t>(section)]));
    if (section == sortColumn()) title += m_descending ? QStringLiteral(" \u25BC") : QStringLiteral(" \u25B2");
    return title;
}

QHash<int, QByteArray> IncidentTableModel::roleNames() const {
    return {{Qt::DisplayRole, "display"}, {SelectedRole, "rowSelected"}, {EventRowRole, "eventRow"}, {ColourRole, "colour"}};
}

int IncidentTableModel::eventRow(int tableRow) const {
    if (tableRow < 0 || tableRow >= rowCount()) return -1;
    return m_eventRowOf[m_order[static_cast<std::size_t>(tableRow)]];
}

int IncidentTableModel::tableRow(int eventRow) const {
    if (!m_events || eventRow < 0 || eventRow >= m_events->count() || m_order.empty()) return -1;
    return m_tableRowOf[m_events->positions()[static_cast<std::size_t>(eventRow)]];
}

bool IncidentTableModel::isSelected(int tableRow) const {
    return tableRow >= 0 && tableRow < rowCount() && m_selected[m_order[static_cast<std::size_t>(tableRow)]] != 0;
}

void IncidentTableModel::select(int tableRow, int modifiers) {
    if (tableRow < 0 || tableRow >= rowCount()) return;
    const bool toggle = (modifiers & Qt::ControlModifier) != 0;
    const bool extend = (modifiers & Qt::ShiftModifier) != 0 && m_anchor >= 0 && m_anchor < rowCount();
    if (!toggle)
        for (const std::uint32_t position : m_order) m_selected[position] = 0;
    if (extend) {
        const auto [first, last] = std::minmax(m_anchor, tableRow);
        for (int row = first; row <= last; ++row) m_selected[m_order[static_cast<std::size_t>(row)]] = 1;
    } else {
        std::uint8_t& flag = m_selected[m_order[static_cast<std::size_t>(tableRow)]];
        flag = toggle ? static_cast<std::uint8_t>(!flag) : 1;
        m_anchor = tableRow;
    }
    emit dataChanged(index(0, 0), index(rowCount() - 1, atlas::kEventColumnCount - 1), {SelectedRole});
    countSelected();
}

void IncidentTableModel::selectAll() {
    for (const std::uint32_t position : m_order) m_selected[position] = 1;
    if (rowCount() > 0) emit dataChanged(index(0, 0), index(rowCount() - 1, atlas::kEventColumnCount - 1), {SelectedRole});
    countSelected();
}

void IncidentTableModel::clearSelection() {
    std::fill(m_selected.begin(), m_selected.end(), 0);
    m_anchor = -1;
    if (rowCount() > 0) emit dataChanged(index(0, 0), index(rowCount() - 1, atlas::kEventColumnCount - 1), {SelectedRole});
    countSelected();
}

std::vector<std::uint32_t> IncidentTableModel::selectedPositions() const {
    std::vector<std::uint32_t> out;
    for (const std::uint32_t position : m_order)
        if (m_selected[position]) out.push_back(position);
    return out;
}

QString IncidentTableModel::selectedText(const QString& format) const {
    if (!m_events || !m_events->document()) return {};
    const std::vector<atlas::EventColumn> columns = shownColumns();
    return qs(atlas::delimitedRows(m_events->document()->dataset(), selectedPositions(), columns,
                                   format.compare(QLatin1String("tsv"), Qt::CaseInsensitive) == 0 ? '\t' : ','));
}

QString IncidentTableModel::copySelected(const QString& format) {
    if (m_selectedCount == 0) return tr("Select rows to copy first (click, Ctrl+click, Shift+click, Ctrl+A)");
    QGuiApplication::clipboard()->setText(selectedText(format));
    return tr("Copied %n incident(s) as %1", "", m_selectedCount).arg(format.toUpper());
}

QString IncidentTableModel::exportTo(const QUrl& location) const {
    if (!m_events || !m_events->document()) return tr("Nothing to export");
    const QString path = location.isLocalFile() ? location.toLocalFile() : location.toString();
    const QString suffix = QFileInfo(path).suffix().toLower();
    const char delimiter = suffix == QLatin1String("tsv") || suffix == QLatin1String("tab") ? '\t' : ',';
    const std::vector<atlas::EventColumn> columns = shownColumns();
    const atlas::Dataset& dataset = m_events->document()->dataset();
    const auto problems = atlas::writeFileAtomically(path.toStdString(), [&](std::ostream& out) {
        atlas::writeDelimitedRows(out, dataset, m_order, columns, delimiter);
    });
    if (!problems.empty()) return tr("Not exported: %1").arg(qs(problems.front().message));
    return tr("Exported %n incident(s) to %1", "", rowCount()).arg(QFileInfo(path).fileName());
}

QVariantList IncidentTableModel::selectionBounds(int eventRow) const {
    if (!m_events || !m_events->document()) return {};
    std::vector<std::uint32_t> positions = selectedPositions();
    if (positions.empty() && eventRow >= 0 && eventRow < m_events->count())
        positions.push_back(m_events->positions()[static_cast<std::size_t>(eventRow)]);
    const auto box = atlas::boxAroundEvents(m_events->document()->dataset(), positions);
    if (!box) return {};
    return {box->minLongitude, box->minLatitude, box->maxLongitude, box->maxLatitude};
}

} // namespace atlas::ui
