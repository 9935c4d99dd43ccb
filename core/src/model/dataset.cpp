#include "atlas/model/dataset.h"

#include "atlas/model/actor_tree.h"
#include "atlas/io/text.h"

namespace atlas {

void Dataset::reindexActors() {
    m_actorIndex.clear();
    for (std::size_t i = 0; i < actors.size(); ++i) m_actorIndex.emplace(actors[i].id, i);
}

const Actor* Dataset::findActor(const std::string& id) const {
    const auto found = m_actorIndex.find(id);
    return found == m_actorIndex.end() ? nullptr : &actors[found->second];
}

const Actor* Dataset::findActorByIdNameOrAlias(const std::string& wanted) const {
    if (const Actor* byId = findActor(wanted)) return byId;
    const std::string w = lower(wanted);
    for (const Actor& actor : actors) {
        if (lower(actor.name) == w) return &actor;
        for (const std::string& alias : actor.aliases)
            if (lower(alias) == w) return &actor;
    }
    return nullptr;
}

Side Dataset::sideOfActor(const std::string& id) const { return ActorTree(*this).effectiveSide(id); }

Side Dataset::sideOfEvent(const Event& event) const {
    return event.perpetrators.empty() ? Side::Unknown : sideOfActor(event.perpetrators.front());
}

Side Dataset::sideOfEvent(std::size_t row) const {
    const std::string* first = events.firstPerpetrator(row);
    return first ? sideOfActor(*first) : Side::Unknown;
}

Situation Dataset::situationOn(Date day) const {
    Situation situation;
    for (const Site& site : sites)
        if (const SiteStatus status = site.statusOn(day); status != SiteStatus::Unknown)
            situation.sites.push_back({&site, status});
    for (const Line& line : lines)
        if (line.validity.contains(day)) situation.lines.push_back(&line);
    for (const Area& area : areas)
        if (area.validity.contains(day)) situation.areas.push_back(&area);
    return situation;
}

std::string Dataset::actorNames(const std::vector<std::string>& ids) const {
    std::string names;
    for (const auto& id : ids) {
        if (!names.empty()) names += "; ";
        names += actorName(id);
    }
    return names;
}

Dataset subset(const Dataset& dataset, std::span<const std::uint32_t> events) {
    Dataset out;
    out.metadata = dataset.metadata;
    out.actors = dataset.actors;
    out.sites = dataset.sites;
    out.lines = dataset.lines;
    out.areas = dataset.areas;
    out.extra = dataset.extra;
    out.events.append(dataset.events, events);
    out.reindexActors();
    return out;
}

std::string Dataset::actorName(const std::string& id) const {
    const Actor* actor = findActor(id);
    return actor ? actor->name : id;
}

} // namespace atlas
