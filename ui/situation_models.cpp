#include "situation_models.h"

#include "event_details.h"

#include "atlas/style/style.h"
#include "symbology.h"

#include <QGeoCoordinate>
#include <QVariantList>

namespace atlas::ui {

void SituationListModel::setDocument(AtlasDocument* document) {
    if (m_document == document) return;
    if (m_document) disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document)
        connect(m_document, &AtlasDocument::datasetChanged, this, [this] {
            m_built = false;
            rebuild();
        });
    emit documentChanged();
    m_built = false;
    rebuild();
}

void SituationListModel::setTimeline(Timeline* timeline) {
    if (m_timeline == timeline) return;
    if (m_timeline) disconnect(m_timeline, nullptr, this, nullptr);
    m_timeline = timeline;
    if (m_timeline) connect(m_timeline, &Timeline::windowChanged, this, &SituationListModel::rebuild);
    emit timelineChanged();
    m_built = false;
    rebuild();
}

void SituationListModel::rebuild() {
    if (!m_document || !m_timeline) return;
    const atlas::Date day = m_timeline->window().end;
    if (m_built && day == m_builtFor) return; // only the window length changed
    beginResetModel();
    clearRows();
    fill(m_document->dataset(), m_document->dataset().situationOn(day));
    m_builtFor = day;
    m_built = true;
    endResetModel();
    emit countChanged();
}

// --- sites -------------------------------------------------------------------------------------

void SiteStatusModel::fill(const atlas::Dataset&, const atlas::Situation& situation) {
    for (const auto& state : situation.sites) m_rows.push_back({state.site, state.status});
}

int SiteStatusModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant SiteStatusModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !document()) return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    const atlas::Site& site = *row.site;
    switch (role) {
    case SiteIdRole: return qs(site.id);
    case Qt::DisplayRole:
    case NameRole: return qs(site.name);
    case KindRole: return qs(atlas::toKey(site.kind)).replace(QLatin1Char('_'), QLatin1Char(' '));
    case StatusRole: return qs(atlas::toLabel(row.status));
    case StatusKeyRole: return qs(atlas::toKey(row.status));
    case OperatorRole: return qs(document()->dataset().actorNames({site.operatorId}));
    case LatitudeRole: return site.place.point.latitude;
    case LongitudeRole: return site.place.point.longitude;
    case ColourRole: return toQColor(atlas::statusColour(row.status));
    default: return {};
    }
}

QHash<int, QByteArray> SiteStatusModel::roleNames() const {
    return {{SiteIdRole, "siteId"}, {NameRole, "name"},         {KindRole, "kind"},
            {StatusRole, "status"}, {StatusKeyRole, "statusKey"}, {OperatorRole, "operatorName"},
            {LatitudeRole, "latitude"}, {LongitudeRole, "longitude"}, {ColourRole, "colour"}};
}

QVariantMap SiteStatusModel::details(int row) const {
    if (row < 0 || row >= rowCount() || !document()) return {};
    const Row& entry = m_rows[static_cast<std::size_t>(row)];
    const atlas::Site& site = *entry.site;
    QVariantList history;
    for (const atlas::SiteStatusChange& change : site.history)
        history.append(QVariantMap{{QStringLiteral("date"), qs(change.date.toString())},
                                   {QStringLiteral("status"), qs(atlas::toLabel(change.status))},
                                   {QStringLiteral("note"), qs(change.note)},
                                   {QStringLiteral("approximateDate"), change.datePrecision != atlas::DatePrecision::Day},
                                   {QStringLiteral("sources"), sourceList(change.sources)}});
    return {{QStringLiteral("id"), qs(site.id)},
            {QStringLiteral("name"), qs(site.name)},
            {QStringLiteral("kind"), data(index(row), KindRole)},
            {QStringLiteral("operator"), data(index(row), OperatorRole)},
            {QStringLiteral("status"), qs(atlas::toLabel(entry.status))},
            {QStringLiteral("colour"), toQColor(atlas::statusColour(entry.status))},
            {QStringLiteral("place"), qs(site.place.name)},
            {QStringLiteral("placePrecision"), qs(atlas::toKey(site.place.precision)).replace(QLatin1Char('_'), QLatin1Char(' '))},
            {QStringLiteral("description"), qs(site.description)},
            {QStringLiteral("history"), history}};
}

int SiteStatusModel::rowOfSite(const QString& siteId) const {
    const std::string id = siteId.toStdString();
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].site->id == id) return static_cast<int>(i);
    return -1;
}

QGeoCoordinate SiteStatusModel::coordinateOf(int row) const {
    if (row < 0 || row >= rowCount()) return {};
    const atlas::GeoPoint point = m_rows[static_cast<std::size_t>(row)].site->place.point;
    return QGeoCoordinate(point.latitude, point.longitude);
}

} // namespace atlas::ui
