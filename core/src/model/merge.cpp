#include "atlas/model/merge.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace atlas {

namespace {

std::string extraValue(const Event& e, const char* key) {
    for (const auto& [k, v] : e.extra)
        if (k == key) return v;
    return {};
}

} // namespace

bool isAcledImport(const Dataset& dataset) {
    return dataset.metadata.provenance.rfind("Imported from the ACLED CSV export", 0) == 0;
}

AcledRevision applyAcledRevision(Dataset& into, Dataset newer) {
    AcledRevision update;
    if (newer.events.empty()) return update;
    Date first = newer.events.front().date, last = first;
    std::unordered_set<std::string> countries, listed;
    for (const auto& e : newer.events) {
        first = std::min(first, e.date);
        last = std::max(last, e.date);
        countries.insert(extraValue(e, "acled_country"));
        listed.insert(e.id);
    }
    // Drop what the newer export covers but no longer lists, and what it replaces.
    std::vector<Event> kept;
    kept.reserve(into.events.size());
    for (auto& e : into.events) {
        const bool covered = e.date >= first && e.date <= last && countries.count(extraValue(e, "acled_country"));
        if (listed.count(e.id)) {
            ++update.replaced;
            continue;
        }
        if (covered) {
            ++update.removed;
            continue;
        }
        kept.push_back(std::move(e));
    }
    update.added = newer.events.size() - update.replaced;
    into.events = std::move(kept);
    for (auto& actor : newer.actors)
        if (!into.findActor(actor.id)) into.actors.push_back(std::move(actor));
    into.reindexActors();
    for (auto& e : newer.events) into.events.push_back(std::move(e));
    return update;
}

void mergeDataset(Dataset& into, Dataset from, const std::string& label) {
    if (isAcledImport(into) && isAcledImport(from)) {
        applyAcledRevision(into, std::move(from));
        return;
    }
    if (into.events.empty() && into.actors.empty() && into.sites.empty() && into.lines.empty() && into.areas.empty()) {
        into = std::move(from);
        into.reindexActors();
        return;
    }
    for (auto& actor : from.actors)
        if (!into.findActor(actor.id)) into.actors.push_back(std::move(actor));
    into.reindexActors();

    std::unordered_set<std::string> taken;
    for (const auto& e : into.events) taken.insert(e.id);
    std::unordered_map<std::string, std::string> renamed;
    for (auto& e : from.events) {
        if (taken.count(e.id)) {
            std::string id = label + ":" + e.id;
            while (taken.count(id)) id += "'";
            renamed.emplace(e.id, id);
            e.id = id;
        }
        taken.insert(e.id);
    }
    for (auto& e : from.events) {
        for (auto& link : e.links)
            if (const auto found = renamed.find(link.eventId); found != renamed.end()) link.eventId = found->second;
        into.events.push_back(std::move(e));
    }
    std::unordered_set<std::string> sites;
    for (const auto& s : into.sites) sites.insert(s.id);
    for (auto& s : from.sites) {
        if (sites.count(s.id)) s.id = label + ":" + s.id;
        into.sites.push_back(std::move(s));
    }
    for (auto& l : from.lines) into.lines.push_back(std::move(l));
    for (auto& a : from.areas) into.areas.push_back(std::move(a));
}

} // namespace atlas
