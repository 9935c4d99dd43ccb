#include "filter_settings.h"

#include <algorithm>

namespace atlas::ui {

FilterSettings::FilterSettings(QObject* parent) : QObject(parent) {}

void FilterSettings::setText(const QString& text) {
    if (m_text == text) return;
    m_text = text;
    emit changed();
}

void FilterSettings::setActorId(const QString& id) {
    if (m_actorId == id) return;
    m_actorId = id;
    emit changed();
}

void FilterSettings::setIncludeSubgroups(bool include) {
    if (m_includeSubgroups == include) return;
    m_includeSubgroups = include;
    emit changed();
}

void FilterSettings::setTypeKey(const QString& key) {
    if (m_typeKey == key) return;
    m_typeKey = key;
    emit changed();
}

void FilterSettings::setMinKilled(int killed) {
    killed = std::max(0, killed);
    if (m_minKilled == killed) return;
    m_minKilled = killed;
    emit changed();
}

bool FilterSettings::active() const {
    return !m_text.trimmed().isEmpty() || !m_actorId.isEmpty() || !m_typeKey.isEmpty() || m_minKilled > 0;
}

void FilterSettings::clear() {
    const bool wasActive = active() || !m_includeSubgroups;
    m_text.clear();
    m_actorId.clear();
    m_typeKey.clear();
    m_minKilled = 0;
    m_includeSubgroups = true;
    if (wasActive) emit changed();
}

atlas::EventFilter FilterSettings::toFilter() const {
    atlas::EventFilter filter;
    filter.text = m_text.trimmed().toStdString();
    if (!m_actorId.isEmpty()) filter.actors = {m_actorId.toStdString()};
    filter.includeSubgroups = m_includeSubgroups;
    if (const auto type = atlas::eventTypeFromKey(m_typeKey.toStdString())) filter.types = {*type};
    filter.minKilled = m_minKilled;
    return filter;
}

} // namespace atlas::ui
