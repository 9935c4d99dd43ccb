#include "atlas_session.h"

#include "atlas/model/vocabulary.h"

#include <QFileInfo>

namespace atlas::ui {

AtlasSession::AtlasSession(QObject* parent) : QObject(parent) {
    m_timeline.setDocument(&m_document);
    m_timeline.setFilters(&m_filters);
    m_events.setDocument(&m_document);
    m_events.setTimeline(&m_timeline);
    m_events.setFilters(&m_filters);
    m_sites.setDocument(&m_document);
    m_sites.setTimeline(&m_timeline);
    // The selection follows its event while the window slides; new rows mean other events.
    connect(&m_events, &QAbstractItemModel::modelReset, this, [this] { setSelectedRow(-1); });
    connect(&m_events, &QAbstractItemModel::rowsRemoved, this, [this](const QModelIndex&, int first, int last) {
        if (m_selectedRow >= first && m_selectedRow <= last) setSelectedRow(-1);
        else if (m_selectedRow > last) setSelectedRow(m_selectedRow - (last - first + 1));
    });
    connect(&m_events, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex&, int first, int last) {
        if (m_selectedRow >= first) setSelectedRow(m_selectedRow + (last - first + 1));
    });
}

void AtlasSession::setSelectedRow(int row) {
    if (row < -1 || row >= m_events.count()) row = -1;
    if (row == m_selectedRow) return;
    m_selectedRow = row;
    emit selectedRowChanged();
}

void AtlasSession::setMapReady(bool ready) {
    if (ready == m_mapReady) return;
    m_mapReady = ready;
    emit mapReadyChanged();
}

QString AtlasSession::apply(const LaunchOptions& options, QStringList* notes) {
    if (!options.actorMap.isEmpty()) {
        // Before the filters: --actor may name an id the mapping gives.
        const QString sentence = m_document.applyActorMappingFile(QUrl::fromLocalFile(QFileInfo(options.actorMap).absoluteFilePath()));
        if (notes) *notes << sentence;
    }
    QStringList actorIds;
    for (const std::string& wanted : options.actors) {
        const atlas::Actor* actor = m_document.dataset().findActorByIdNameOrAlias(wanted);
        if (!actor) return tr("no actor \"%1\" in the data (give its id, name or an alias)").arg(QString::fromStdString(wanted));
        actorIds.append(QString::fromStdString(actor->id));
    }
    if (!actorIds.isEmpty()) m_filters.setActorIds(actorIds);
    m_filters.setIncludeSubgroups(options.filter.includeSubgroups);
    m_filters.setActorRole(options.filter.actorRole == atlas::ActorRole::Perpetrator ? QStringLiteral("perpetrator")
                           : options.filter.actorRole == atlas::ActorRole::Target    ? QStringLiteral("target")
                                                                                      : QStringLiteral("either"));
    QStringList typeKeys;
    for (const atlas::EventType type : options.filter.types) typeKeys.append(QString::fromUtf8(atlas::toKey(type).data()));
    if (!typeKeys.isEmpty()) m_filters.setTypeKeys(typeKeys);
    if (!options.filter.text.empty()) m_filters.setText(QString::fromStdString(options.filter.text));
    if (options.filter.minKilled > 0) m_filters.setMinKilled(options.filter.minKilled);
    if (options.windowDays >= 0) m_timeline.setWindowDays(options.windowDays);
    if (!options.date.isEmpty() && !m_timeline.setCurrentDateText(options.date))
        return tr("--date takes a day of the data as YYYY-MM-DD, not \"%1\"").arg(options.date);
    // --from/--to mean what they mean for query: the window is those days.
    if (options.filter.from || options.filter.to) {
        const atlas::Date last = options.filter.to.value_or(m_timeline.window().end);
        if (!m_timeline.setCurrentDateText(QString::fromStdString(last.toString())))
            return tr("--to takes a day of the data as YYYY-MM-DD");
        m_timeline.setWindowDays(options.filter.from ? atlas::daysBetween(*options.filter.from, last) + 1 : 0);
    }
    if (options.filter.box) {
        const atlas::GeoBox& box = *options.filter.box;
        m_initialBox = {box.minLongitude, box.minLatitude, box.maxLongitude, box.maxLatitude};
    }
    if (!options.selectEvent.isEmpty()) {
        const int row = m_events.rowOfEvent(options.selectEvent);
        if (row < 0) return tr("no event %1 in the window shown").arg(options.selectEvent);
        setSelectedRow(row);
    }
    return {};
}

QVariantMap AtlasSession::state(const QVariantMap& view) const {
    QVariantMap out{{QStringLiteral("date"), m_timeline.currentDate().toString(Qt::ISODate)},
                    {QStringLiteral("windowDays"), m_timeline.windowDays()},
                    {QStringLiteral("windowStart"), m_timeline.windowStart().toString(Qt::ISODate)},
                    {QStringLiteral("histogramSplit"), m_timeline.histogramSplit()},
                    {QStringLiteral("text"), m_filters.text()},
                    {QStringLiteral("actorIds"), m_filters.actorIds()},
                    {QStringLiteral("includeSubgroups"), m_filters.includeSubgroups()},
                    {QStringLiteral("actorRole"), m_filters.actorRole()},
                    {QStringLiteral("typeKeys"), m_filters.typeKeys()},
                    {QStringLiteral("minKilled"), m_filters.minKilled()},
                    {QStringLiteral("tableSort"), m_table.columnKeys().value(m_table.sortColumn())},
                    {QStringLiteral("tableDescending"), m_table.sortDescending()},
                    {QStringLiteral("tableHidden"), m_table.hiddenColumns()},
                    {QStringLiteral("view"), view}};
    if (m_document.loaded() && m_document.singleFile().isLocalFile()) out.insert(QStringLiteral("file"), m_document.singleFile().toLocalFile());
    return out;
}

void AtlasSession::restore(const QVariantMap& state) {
    if (state.isEmpty()) return;
    m_timeline.setWindowDays(state.value(QStringLiteral("windowDays"), m_timeline.windowDays()).toInt());
    if (const QString date = state.value(QStringLiteral("date")).toString(); !date.isEmpty()) m_timeline.setCurrentDateText(date);
    if (const QDate start = QDate::fromString(state.value(QStringLiteral("windowStart")).toString(), Qt::ISODate); start.isValid())
        m_timeline.setWindowStart(start);
    m_timeline.setHistogramSplit(state.value(QStringLiteral("histogramSplit"), m_timeline.histogramSplit()).toInt());
    m_filters.setText(state.value(QStringLiteral("text")).toString());
    // Factions no longer in the data are dropped; a state from before several could be ticked
    // holds one "actorId" and one "typeKey".
    QStringList actors = state.value(QStringLiteral("actorIds")).toStringList();
    if (const QString single = state.value(QStringLiteral("actorId")).toString(); !single.isEmpty()) actors.append(single);
    actors.removeIf([this](const QString& id) { return !m_document.dataset().findActor(id.toStdString()); });
    m_filters.setActorIds(actors);
    m_filters.setIncludeSubgroups(state.value(QStringLiteral("includeSubgroups"), true).toBool());
    m_filters.setActorRole(state.value(QStringLiteral("actorRole")).toString());
    QStringList types = state.value(QStringLiteral("typeKeys")).toStringList();
    if (const QString single = state.value(QStringLiteral("typeKey")).toString(); !single.isEmpty()) types.append(single);
    m_filters.setTypeKeys(types);
    m_filters.setMinKilled(state.value(QStringLiteral("minKilled")).toInt());
    if (const int column = m_table.columnKeys().indexOf(state.value(QStringLiteral("tableSort")).toString()); column >= 0)
        m_table.sortBy(column, state.value(QStringLiteral("tableDescending")).toBool());
    m_table.setHiddenColumns(state.value(QStringLiteral("tableHidden")).toStringList());
    m_initialView = state.value(QStringLiteral("view")).toMap();
}

} // namespace atlas::ui
