#include "atlas/merge.h"

#include <unordered_map>
#include <unordered_set>

namespace atlas {

void mergeDataset(Dataset& into, Dataset from, const std::string& label) {
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
