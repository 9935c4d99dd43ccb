#pragma once

#include "atlas/model/actor.h"
#include "atlas/model/event.h"
#include "atlas/model/event_table.h"
#include "atlas/model/situation.h"

#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace atlas {

/// Descriptive metadata of a dataset.
struct DatasetMetadata {
    std::string title;
    std::string description;
    std::string licence;
    std::string provenance;
    ExtraFields extra;
    friend bool operator==(const DatasetMetadata&, const DatasetMetadata&) = default;
};

/// What was true on one day: each site's status, and the lines and areas in force.
struct Situation {
    struct SiteState {
        const Site* site = nullptr;
        SiteStatus status = SiteStatus::Unknown;
    };
    std::vector<SiteState> sites; ///< every site that has a known status on the day
    std::vector<const Line*> lines;
    std::vector<const Area*> areas;
};

/// Everything loaded from one file: metadata, actors, events, sites, lines and areas.
class Dataset {
public:
    DatasetMetadata metadata;
    std::vector<Actor> actors;
    EventTable events;
    std::vector<Site> sites;
    std::vector<Line> lines;
    std::vector<Area> areas;
    ExtraFields extra; ///< unknown top-level fields

    /// Each site's status, and the lines and areas valid, on `day`. Pointers stay valid while
    /// the dataset is not modified.
    [[nodiscard]] Situation situationOn(Date day) const;

    /// Rebuilds the id lookup; call after changing actors.
    void reindexActors();
    /// nullptr when no actor has that id.
    [[nodiscard]] const Actor* findActor(const std::string& id) const;
    /// The actor a person means by `wanted`: its id, else its name or one of its aliases
    /// (case-insensitive, ASCII). What --actor means for the window and every command.
    [[nodiscard]] const Actor* findActorByIdNameOrAlias(const std::string& wanted) const;
    /// The side of an actor, inherited from its umbrella when its own is unknown.
    [[nodiscard]] Side sideOfActor(const std::string& id) const;
    /// The side an event is drawn in: its first perpetrator's.
    [[nodiscard]] Side sideOfEvent(const Event& event) const;
    [[nodiscard]] Side sideOfEvent(std::size_t row) const;
    /// The actor's name, or the id itself when no actor has it.
    [[nodiscard]] std::string actorName(const std::string& id) const;
    /// "Russian Air Force; Faylaq al-Sham" from actor ids (unknown ids shown as they are).
    [[nodiscard]] std::string actorNames(const std::vector<std::string>& ids) const;

private:
    std::unordered_map<std::string, std::size_t> m_actorIndex;
};

/// A dataset holding only the selected events (positions in dataset.events), with all actors,
/// sites, lines and areas.
[[nodiscard]] Dataset subset(const Dataset& dataset, std::span<const std::uint32_t> events);

} // namespace atlas
