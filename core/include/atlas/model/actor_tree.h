#pragma once

// The umbrella hierarchy of a dataset's actors (Faylaq al-Sham under the National Liberation
// Front), walked one way everywhere: the faction list, the side an event is drawn in, the
// loop check of a mapping, the actors dialog. One guard against loops, which bad data can hold.

#include "atlas/model/dataset.h"
#include "atlas/style/style.h"

#include <functional>
#include <string>
#include <vector>

namespace atlas {

class ActorTree {
public:
    /// An actor's umbrella and side as the caller sees them (the actors dialog shows pending
    /// edits); by default the actors' own.
    using ParentOf = std::function<const std::string&(const Actor&)>;
    using SideOf = std::function<Side(const Actor&)>;

    explicit ActorTree(const Dataset& dataset, ParentOf parentOf = {}, SideOf sideOf = {});

    struct Entry {
        const Actor* actor = nullptr;
        int depth = 0; ///< 0 for a top-level actor
    };
    /// Every actor once, depth-first from the top-level ones (no umbrella, or one the data does
    /// not have), each umbrella followed by its sub-groups, in dataset order among siblings.
    /// Actors caught in a loop of umbrellas come last, as top-level.
    [[nodiscard]] std::vector<Entry> depthFirst() const;
    /// `id` and its umbrellas, nearest first, however high; each once (a loop of umbrellas ends
    /// where it comes round). An id no actor has is its own lineage.
    [[nodiscard]] std::vector<std::string> lineage(const std::string& id) const;
    /// Whether `ancestor` is `id` itself or one of its umbrellas, however high.
    [[nodiscard]] bool isBelow(const std::string& id, const std::string& ancestor) const;
    /// Its own side, else the nearest umbrella's that has one; Unknown without any.
    [[nodiscard]] Side effectiveSide(const std::string& id) const;
    /// Its own colour, else the colour of its effective side.
    [[nodiscard]] Rgb effectiveColour(const std::string& id) const;

private:
    [[nodiscard]] const std::string& parentOf(const Actor& actor) const { return m_parentOf ? m_parentOf(actor) : actor.parent; }
    [[nodiscard]] Side sideOf(const Actor& actor) const { return m_sideOf ? m_sideOf(actor) : actor.side; }
    // The one loop guard: no honest chain of umbrellas is longer than there are actors.
    [[nodiscard]] std::size_t maxSteps() const { return m_dataset.actors.size() + 1; }

    const Dataset& m_dataset;
    ParentOf m_parentOf;
    SideOf m_sideOf;
};

} // namespace atlas
