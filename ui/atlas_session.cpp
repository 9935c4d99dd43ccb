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
    if (!options.actor.isEmpty()) {
        const atlas::Actor* actor = m_document.dataset().findActorByIdNameOrAlias(options.actor.toStdString());
        if (!actor) return tr("no actor \"%1\" in the data (give its id, name or an alias)").arg(options.actor);
        m_filters.setActorId(QString::fromStdString(actor->id));
    }
    if (options.exactActor) m_filters.setIncludeSubgroups(false);
    if (!options.type.isEmpty()) {
        if (!atlas::eventTypeFromKey(options.type.toStdString())) return tr("no incident type \"%1\"").arg(options.type);
        m_filters.setTypeKey(options.type);
    }
    if (!options.text.isEmpty()) m_filters.setText(options.text);
    if (options.minKilled > 0) m_filters.setMinKilled(options.minKilled);
    if (options.windowDays >= 0) m_timeline.setWindowDays(options.windowDays);
    if (!options.date.isEmpty() && !m_timeline.setCurrentDateText(options.date))
        return tr("--date takes a day of the data as YYYY-MM-DD, not \"%1\"").arg(options.date);
    if (!options.selectEvent.isEmpty()) {
        const int row = m_events.rowOfEvent(options.selectEvent);
        if (row < 0) return tr("no event %1 in the window shown").arg(options.selectEvent);
        setSelectedRow(row);
    }
    return {};
}

} // namespace atlas::ui
