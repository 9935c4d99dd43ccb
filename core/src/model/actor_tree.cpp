#include "atlas/model/actor_tree.h"

#include <algorithm>
#include <unordered_map>

namespace atlas {

ActorTree::ActorTree(const Dataset& dataset, ParentOf parentOf, SideOf sideOf)
    : m_dataset(dataset), m_parentOf(std::move(parentOf)), m_sideOf(std::move(sideOf)) {}

std::vector<ActorTree::Entry> ActorTree::depthFirst() const {
    const auto& actors = m_dataset.actors;
    std::unordered_map<std::string, std::vector<std::size_t>> children;
    std::vector<std::size_t> roots;
    for (std::size_t i = 0; i < actors.size(); ++i) {
        const std::string& parent = parentOf(actors[i]);
        if (parent.empty() || !m_dataset.findActor(parent)) roots.push_back(i);
        else children[parent].push_back(i);
    }
    std::vector<Entry> out;
    out.reserve(actors.size());
    std::vector<bool> done(actors.size(), false);
    // An explicit stack: a deep or looping hierarchy cannot exhaust the call stack.
    auto walk = [&](std::size_t root) {
        std::vector<std::pair<std::size_t, int>> stack{{root, 0}};
        while (!stack.empty()) {
            const auto [index, depth] = stack.back();
            stack.pop_back();
            if (done[index]) continue;
            done[index] = true;
            out.push_back({&actors[index], depth});
            const auto found = children.find(actors[index].id);
            if (found == children.end()) continue;
            for (auto it = found->second.rbegin(); it != found->second.rend(); ++it) // first child on top
                if (!done[*it]) stack.emplace_back(*it, depth + 1);
        }
    };
    for (const std::size_t root : roots) walk(root);
    for (std::size_t i = 0; i < actors.size(); ++i)
        if (!done[i]) walk(i); // only actors on a loop of umbrellas are left
    return out;
}

std::vector<std::string> ActorTree::lineage(const std::string& id) const {
    std::vector<std::string> chain;
    std::string current = id;
    for (std::size_t steps = 0; !current.empty() && steps < maxSteps(); ++steps) {
        if (std::find(chain.begin(), chain.end(), current) != chain.end()) break; // came round a loop
        chain.push_back(current);
        const Actor* actor = m_dataset.findActor(current);
        if (!actor) break;
        current = parentOf(*actor);
    }
    return chain;
}

bool ActorTree::isBelow(const std::string& id, const std::string& ancestor) const {
    const std::vector<std::string> chain = lineage(id);
    return std::find(chain.begin(), chain.end(), ancestor) != chain.end();
}

Side ActorTree::effectiveSide(const std::string& id) const {
    const Actor* actor = m_dataset.findActor(id);
    for (std::size_t steps = 0; actor && steps < maxSteps(); ++steps) {
        if (sideOf(*actor) != Side::Unknown) return sideOf(*actor);
        const std::string& parent = parentOf(*actor);
        actor = parent.empty() ? nullptr : m_dataset.findActor(parent);
    }
    return Side::Unknown;
}

Rgb ActorTree::effectiveColour(const std::string& id) const {
    const Actor* actor = m_dataset.findActor(id);
    if (actor)
        if (const auto own = parseHexColour(actor->colour)) return *own;
    return sideColour(effectiveSide(id));
}

} // namespace atlas
