#include "filter_settings.h"

#include "atlas/model/vocabulary.h"

#include <QGeoCoordinate>
#include <QVariant>
#include <QVariantMap>

#include <algorithm>

namespace atlas::ui {

namespace {

QStringList withoutDuplicates(const QStringList& list) {
    QStringList out;
    for (const QString& item : list)
        if (!item.isEmpty() && !out.contains(item)) out.append(item);
    return out;
}

// Every type key, in the vocabulary's order.
QStringList everyTypeKey() {
    QStringList keys;
    for (int type = 0; type < atlas::kEventTypeCount; ++type)
        keys.append(QString::fromUtf8(atlas::toKey(static_cast<atlas::EventType>(type)).data()));
    return keys;
}

} // namespace

FilterSettings::FilterSettings(QObject* parent) : QObject(parent) {}

void FilterSettings::setText(const QString& text) {
    if (m_text == text) return;
    m_text = text;
    emit changed();
}

void FilterSettings::setActorIds(const QStringList& ids) {
    const QStringList wanted = withoutDuplicates(ids);
    if (m_actorIds == wanted) return;
    m_actorIds = wanted;
    emit changed();
}

void FilterSettings::setActorChecked(const QString& id, bool checked) {
    QStringList ids = m_actorIds;
    if (checked && !ids.contains(id)) ids.append(id);
    if (!checked) ids.removeAll(id);
    setActorIds(ids);
}

void FilterSettings::setOnlyActor(const QString& id) { setActorIds(id.isEmpty() ? QStringList() : QStringList{id}); }

void FilterSettings::setIncludeSubgroups(bool include) {
    if (m_includeSubgroups == include) return;
    m_includeSubgroups = include;
    emit changed();
}

void FilterSettings::setActorRole(const QString& role) {
    const QString wanted = QString::fromUtf8(atlas::toKey(atlas::actorRoleFromKey(role.toStdString()).value_or(atlas::ActorRole::Either)).data());
    if (m_actorRole == wanted) return;
    m_actorRole = wanted;
    emit changed();
}

void FilterSettings::setTypeKeys(const QStringList& keys) {
    QStringList known;
    for (const QString& key : withoutDuplicates(keys))
        if (atlas::eventTypeFromKey(key.toStdString())) known.append(key);
    if (known.size() == atlas::kEventTypeCount) known.clear(); // every type is no narrowing
    if (m_typeKeys == known) return;
    m_typeKeys = known;
    emit changed();
}

bool FilterSettings::typeShown(const QString& key) const { return m_typeKeys.isEmpty() || m_typeKeys.contains(key); }

void FilterSettings::setTypeShown(const QString& key, bool shown) {
    QStringList keys = m_typeKeys.isEmpty() ? everyTypeKey() : m_typeKeys;
    if (shown && !keys.contains(key)) keys.append(key);
    if (!shown) keys.removeAll(key);
    if (keys.isEmpty()) return; // hiding the last type would show nothing at all: refused
    setTypeKeys(keys);
}

void FilterSettings::setMinKilled(int killed) {
    killed = std::max(0, killed);
    if (m_minKilled == killed) return;
    m_minKilled = killed;
    emit changed();
}

void FilterSettings::setExactOnly(bool on) {
    if (m_exactOnly == on) return;
    m_exactOnly = on;
    emit changed();
}

void FilterSettings::setHeldBy(const QStringList& sideKeys) {
    QStringList known;
    for (const QString& key : withoutDuplicates(sideKeys))
        if (atlas::sideFromKey(key.toStdString())) known.append(key);
    if (m_heldBy == known) return;
    m_heldBy = known;
    emit changed();
}

void FilterSettings::setRegion(atlas::GeoPolygon region, const QString& name) {
    if (m_region && *m_region == region && m_regionName == name) return;
    m_region = std::move(region);
    m_regionName = name;
    emit changed();
}

bool FilterSettings::setDrawnRegion(const QVariantList& corners) {
    std::vector<atlas::GeoPoint> ring;
    for (const QVariant& corner : corners) {
        if (corner.canConvert<QGeoCoordinate>()) {
            const QGeoCoordinate c = corner.value<QGeoCoordinate>();
            if (c.isValid()) ring.push_back({c.latitude(), c.longitude()});
            continue;
        }
        const QVariantMap map = corner.toMap();
        if (map.contains(QStringLiteral("latitude")) && map.contains(QStringLiteral("longitude")))
            ring.push_back({map.value(QStringLiteral("latitude")).toDouble(), map.value(QStringLiteral("longitude")).toDouble()});
    }
    if (ring.size() < 3) return false;
    setRegion(atlas::GeoPolygon{{std::move(ring)}}, tr("a drawn region"));
    return true;
}

void FilterSettings::clearRegion() {
    if (!m_region) return;
    m_region.reset();
    m_regionName.clear();
    emit changed();
}

bool FilterSettings::active() const {
    return !m_text.trimmed().isEmpty() || !m_actorIds.isEmpty() || !m_typeKeys.isEmpty() || m_minKilled > 0 || m_exactOnly ||
           m_region.has_value() || !m_heldBy.isEmpty();
}

void FilterSettings::clear() {
    const bool wasActive = active() || !m_includeSubgroups || m_actorRole != QLatin1String("either");
    m_text.clear();
    m_actorIds.clear();
    m_typeKeys.clear();
    m_minKilled = 0;
    m_exactOnly = false;
    m_region.reset();
    m_regionName.clear();
    m_heldBy.clear();
    m_includeSubgroups = true;
    m_actorRole = QStringLiteral("either");
    if (wasActive) emit changed();
}

atlas::EventFilter FilterSettings::toFilter() const {
    atlas::EventFilter filter;
    filter.text = m_text.trimmed().toStdString();
    for (const QString& id : m_actorIds) filter.actors.push_back(id.toStdString());
    filter.includeSubgroups = m_includeSubgroups;
    filter.actorRole = atlas::actorRoleFromKey(m_actorRole.toStdString()).value_or(atlas::ActorRole::Either);
    for (const QString& key : m_typeKeys)
        if (const auto type = atlas::eventTypeFromKey(key.toStdString())) filter.types.push_back(*type);
    filter.minKilled = m_minKilled;
    filter.setExactOnly(m_exactOnly);
    for (const QString& key : m_heldBy)
        if (const auto side = atlas::sideFromKey(key.toStdString())) filter.heldBy.push_back(*side);
    filter.region = m_region;
    filter.regionName = m_regionName.toStdString();
    return filter;
}

} // namespace atlas::ui
