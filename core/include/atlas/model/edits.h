#pragma once

// Incidents written by hand: one edit (add, change, delete) as the event before and after,
// applied to a dataset, undone by its inverse, checked before it is made. The window's
// editing, its undo stack, its crash journal (io/edit_journal.h) and the shared store's
// transactions (store/pg_store.h) all speak in these edits.

#include "atlas/model/dataset.h"
#include "atlas/model/event.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace atlas {

/// One change to one incident: `before` absent for an addition, `after` absent for a deletion.
struct EventEdit {
    std::optional<Event> before;
    std::optional<Event> after;

    [[nodiscard]] bool isAddition() const { return !before && after; }
    [[nodiscard]] bool isDeletion() const { return before && !after; }
    /// The incident's id (after's, else before's).
    [[nodiscard]] const std::string& id() const { return after ? after->id : before->id; }
    /// "Add incident ca-2026-…", "Edit incident …", "Delete incident …".
    [[nodiscard]] std::string describe() const;
    /// The edit that takes it back.
    [[nodiscard]] EventEdit inverse() const { return {after, before}; }
    friend bool operator==(const EventEdit&, const EventEdit&) = default;
};

/// The row of the incident with `id`, or nullopt (a walk over the id column).
[[nodiscard]] std::optional<std::size_t> findEventRow(const EventTable& events, std::string_view id);

/// Makes `edit` in `dataset`: adds its `after` at the end, replaces the row of its `before`'s
/// id, or removes it. Refused, with a sentence and the dataset untouched, when the dataset does
/// not hold what the edit expects: an addition whose id is taken, a change or deletion of an
/// incident that is not there or no longer equal to `before` (someone changed it meanwhile).
[[nodiscard]] std::optional<std::string> applyEdit(Dataset& dataset, const EventEdit& edit);

/// What is wrong with an incident about to be written, field by field.
struct EditProblem {
    std::string field;   ///< "date", "endDate", "latitude", "longitude", "killed", "id", …
    std::string message; ///< a sentence for the person typing it
    friend bool operator==(const EditProblem&, const EditProblem&) = default;
};
/// Checks `event` as an analyst enters it: an id (not another incident's, when `isNew`), a
/// date not after `today`, an end not before the start, a point on the globe, casualty figures
/// that are ranges in order and not negative, actors and linked incidents the dataset knows
/// (an unknown actor id is refused: make the actor first), sources with a publisher or URL.
[[nodiscard]] std::vector<EditProblem> validateEvent(const Event& event, const Dataset& dataset, Date today, bool isNew);

/// A casualty figure as people write it: "15", "more than 78", "at least 3", "about 40",
/// "20-30" (or "20–30"), "unknown" or "". nullopt when it is none of these.
[[nodiscard]] std::optional<CasualtyCount> parseCasualtyText(std::string_view text);

/// An id for a new incident of `day` that the dataset does not use: "ca-2026-12-03-1", -2, ….
[[nodiscard]] std::string newEventId(const Dataset& dataset, Date day);

/// Undo and redo over edits already made: record() each edit made; undo() gives the edit that
/// takes the last one back (the caller makes it), redo() the one that makes it again.
class EditHistory {
public:
    void record(EventEdit edit);
    [[nodiscard]] bool canUndo() const { return !m_done.empty(); }
    [[nodiscard]] bool canRedo() const { return !m_undone.empty(); }
    /// "Undo add incident …" words for a menu; "" when there is nothing.
    [[nodiscard]] std::string undoText() const;
    [[nodiscard]] std::string redoText() const;
    /// The inverse of the last edit, moved to the redo stack; nullopt when there is none.
    [[nodiscard]] std::optional<EventEdit> undo();
    /// The edit undone last, moved back; nullopt when there is none.
    [[nodiscard]] std::optional<EventEdit> redo();
    /// Puts back an undo or redo the dataset refused (so the stacks stay as they were).
    void restoreUndo(EventEdit edit);
    void restoreRedo(EventEdit edit);
    void clear();

private:
    std::vector<EventEdit> m_done, m_undone;
};

} // namespace atlas
