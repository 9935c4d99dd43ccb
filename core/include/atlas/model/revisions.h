#pragma once

// What a dataset said on a given day. Sources revise and delete past events (ACLED overwrites
// an event's row and its `timestamp` when a toll or an actor changes, and drops events later
// found to be duplicates): an event keeps when it was recorded, when it was first seen and the
// versions it had before, and a dataset keeps the events a later pull deleted, so the data can
// be replayed as it stood at the end of any day and two pulls compared.
//
// Kept in the event's extras and the dataset's, so every format that keeps extras keeps them
// (native JSON, GeoPackage, GeoJSON with the full model; docs/format.md):
//   "recorded":   "YYYY-MM-DD", when this version was recorded (else ACLED's acled_timestamp)
//   "first_seen": "YYYY-MM-DD", when the event first appeared in a pull
//   "revisions":  [version, …] oldest first, each the fields as they were and its "recorded"
// and in the dataset's extras "retired_events": [version with "id" and "deleted_on", …].

#include "atlas/model/dataset.h"

#include <optional>
#include <string>
#include <vector>

namespace atlas {

/// An event's fields that a revision may change, as they were when recorded.
struct EventVersion {
    std::optional<Date> recorded;
    Date date;
    std::optional<Date> endDate;
    DatePrecision datePrecision = DatePrecision::Day;
    EventType type = EventType::Other;
    GeoPoint point;
    PlacePrecision placePrecision = PlacePrecision::Exact;
    std::string placeName, admin1, admin2;
    std::vector<std::string> perpetrators, targets;
    CasualtyCount killed, wounded;
    std::string description;
    std::vector<SourceReference> sources;
    friend bool operator==(const EventVersion&, const EventVersion&) = default;
};

/// When the event as it is was recorded: its "recorded" extra, else ACLED's timestamp (seconds
/// since 1970, taken as a UTC day); nullopt when neither is there.
[[nodiscard]] std::optional<Date> recordedOn(const ExtraFields& extra);
/// When the event was first seen: "first_seen", else its oldest version's recording, else its own.
[[nodiscard]] std::optional<Date> firstSeenOn(const Event& event);
/// The event's fields as they are now (with its recording day).
[[nodiscard]] EventVersion currentVersion(const Event& event);
/// Its earlier versions, oldest first (none when it was never revised).
[[nodiscard]] std::vector<EventVersion> earlierVersions(const Event& event);
/// `event` with the fields of `version` (its id, links, tags and other extras kept; no history).
[[nodiscard]] Event eventAsIn(Event event, const EventVersion& version);

/// `older` was an earlier pull's version of `current`: current keeps older's first-seen day
/// and, when any field differs, older as its latest earlier version (after older's own).
void keepEarlierVersion(Event& current, const Event& older);

/// The events a later pull deleted, kept with their last version and the day they were deleted.
struct RetiredEvent {
    std::string id;
    EventVersion last;
    std::vector<EventVersion> earlier;
    std::optional<Date> firstSeen;
    std::optional<Date> deletedOn;
};
[[nodiscard]] std::vector<RetiredEvent> retiredEvents(const Dataset& dataset);
/// Adds `events` to the dataset's retired events, deleted on `deletedOn` (when known).
void retireEvents(Dataset& dataset, const std::vector<Event>& events, std::optional<Date> deletedOn);

/// The dataset as it stood at the end of `day`: each event in the version recorded last by then
/// (an event recorded later with no earlier version is left out: nothing says what it was
/// before), events deleted since brought back, events without any recording day kept as they
/// are (nothing says they are newer).
struct AsKnownOn {
    Dataset dataset;
    std::size_t asRecordedThen = 0; ///< events shown in an earlier version
    std::size_t notYetRecorded = 0; ///< events left out: recorded after the day
    std::size_t deletedSince = 0;   ///< events brought back: deleted after the day
    std::size_t undated = 0;        ///< events with no recording day, kept as they are
};
[[nodiscard]] AsKnownOn asKnownOn(const Dataset& dataset, Date day);

/// One field that changed between two versions, in words ("killed": "at least 78" → "at least 79").
struct FieldChange {
    std::string field, before, after;
};
[[nodiscard]] std::vector<FieldChange> differences(const EventVersion& before, const EventVersion& after);

/// What a newer pull changed against an older one, by event id.
struct PullChange {
    enum class Kind { Added, Revised, Deleted };
    Kind kind = Kind::Added;
    std::string id;
    /// Position of the event in the newer dataset (added, revised) or the older (deleted).
    std::uint32_t position = 0;
    std::vector<FieldChange> changes; ///< revised: what changed
};
[[nodiscard]] std::string_view toKey(PullChange::Kind kind);
/// Events of `newer` not in `older` (added), in both with different fields (revised), and of
/// `older` not in `newer` (deleted); in `newer`'s order, the deleted last in `older`'s.
[[nodiscard]] std::vector<PullChange> comparePulls(const Dataset& older, const Dataset& newer);

} // namespace atlas
