#pragma once

// Incidents, sites, lines and areas written by hand: one edit (add, change, delete) as the row
// before and after, applied to a dataset, undone by its inverse, checked before it is made. The window's
// editing, its undo stack, its crash journal (io/edit_journal.h) and the shared store's
// transactions (store/pg_store.h) all speak in these edits.

#include "atlas/model/dataset.h"
#include "atlas/model/event.h"
#include "atlas/model/situation.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace atlas {

/// What one kind of row is called in the words of an edit ("incident", "site", "line", "area").
template <class Item> inline constexpr const char* kItemWord = "incident";
template <> inline constexpr const char* kItemWord<Site> = "site";
template <> inline constexpr const char* kItemWord<Line> = "line";
template <> inline constexpr const char* kItemWord<Area> = "area";

/// One change to one row (an incident, a site, a line or an area): `before` absent for an
/// addition, `after` absent for a deletion.
template <class Row> struct RowEdit {
    using Item = Row;
    std::optional<Row> before;
    std::optional<Row> after;

    [[nodiscard]] bool isAddition() const { return !before && after; }
    [[nodiscard]] bool isDeletion() const { return before && !after; }
    /// The row's id (after's, else before's).
    [[nodiscard]] const std::string& id() const { return after ? after->id : before->id; }
    /// "add incident ca-2026-…", "edit line …", "delete area …".
    [[nodiscard]] std::string describe() const {
        return std::string(isAddition() ? "add " : isDeletion() ? "delete " : "edit ") + kItemWord<Row> + " " + id();
    }
    /// The edit that takes it back.
    [[nodiscard]] RowEdit inverse() const { return {after, before}; }
    friend bool operator==(const RowEdit&, const RowEdit&) = default;
};
using EventEdit = RowEdit<Event>;
using SiteEdit = RowEdit<Site>;
using LineEdit = RowEdit<Line>;
using AreaEdit = RowEdit<Area>;

/// Any edit: what the undo stack, the journal and the store's commit carry.
using Edit = std::variant<EventEdit, SiteEdit, LineEdit, AreaEdit>;
[[nodiscard]] inline const std::string& editId(const Edit& edit) {
    return std::visit([](const auto& e) -> const std::string& { return e.id(); }, edit);
}
[[nodiscard]] inline std::string describe(const Edit& edit) {
    return std::visit([](const auto& e) { return e.describe(); }, edit);
}
[[nodiscard]] inline Edit inverse(const Edit& edit) {
    return std::visit([](const auto& e) { return Edit(e.inverse()); }, edit);
}
[[nodiscard]] inline bool isAddition(const Edit& edit) {
    return std::visit([](const auto& e) { return e.isAddition(); }, edit);
}

/// The row of `id` in the dataset as it is now (a copy), or nullopt.
template <class Item> [[nodiscard]] std::optional<Item> currentRow(const Dataset& dataset, std::string_view id);

/// The row of the incident with `id`, or nullopt (a walk over the id column).
[[nodiscard]] std::optional<std::size_t> findEventRow(const EventTable& events, std::string_view id);

/// Makes `edit` in `dataset`: adds its `after` at the end, replaces the row of its `before`'s
/// id, or removes it. Refused, with a sentence and the dataset untouched, when the dataset does
/// not hold what the edit expects: an addition whose id is taken, a change or deletion of an
/// incident that is not there or no longer equal to `before` (someone changed it meanwhile).
[[nodiscard]] std::optional<std::string> applyEdit(Dataset& dataset, const EventEdit& edit);
/// The same for a site, line or area (their ids are their own: a site may share an incident's).
[[nodiscard]] std::optional<std::string> applyEdit(Dataset& dataset, const SiteEdit& edit);
[[nodiscard]] std::optional<std::string> applyEdit(Dataset& dataset, const LineEdit& edit);
[[nodiscard]] std::optional<std::string> applyEdit(Dataset& dataset, const AreaEdit& edit);
[[nodiscard]] std::optional<std::string> applyEdit(Dataset& dataset, const Edit& edit);

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

/// Checks a site: an id (not another site's, when `isNew`), a name, a point on the globe, an
/// operator the dataset knows, status changes not after `today` and in date order (several on
/// one day may be: evacuated, then handed over), sources with a publisher or URL. Fields: "id", "name",
/// "latitude", "longitude", "operator", "history".
[[nodiscard]] std::vector<EditProblem> validateSite(const Site& site, const Dataset& dataset, Date today, bool isNew);
/// Checks a line: an id, a name, a path of at least two points on the globe, a validity whose
/// end is not before its start (and whose start is not after `today`), a corridor's half
/// width not negative, parties the dataset knows. Fields: "id", "name", "path", "validFrom",
/// "validTo", "halfWidthKm", "parties", "sources".
[[nodiscard]] std::vector<EditProblem> validateLine(const Line& line, const Dataset& dataset, Date today, bool isNew);
/// Checks an area: as a line, with an outer ring of at least three points (holes too), each
/// closed (its last point its first, as files hold them), and a controller (one the dataset knows). Fields: "id", "name", "rings", "validFrom", "validTo",
/// "controller", "sources".
[[nodiscard]] std::vector<EditProblem> validateArea(const Area& area, const Dataset& dataset, Date today, bool isNew);

/// `site` with a status change on `change.date`: after the changes of that day and before later
/// ones, so it is the status from that day on; when the day's last change has that status
/// already, it is replaced (its note and sources written again).
[[nodiscard]] Site withStatusChange(Site site, SiteStatusChange change);

/// A casualty figure as people write it: "15", "more than 78", "at least 3", "about 40",
/// "20-30" (or "20–30"), "unknown" or "". nullopt when it is none of these.
[[nodiscard]] std::optional<CasualtyCount> parseCasualtyText(std::string_view text);

/// An id for a new incident of `day` that the dataset does not use: "ca-2026-12-03-1", -2, ….
[[nodiscard]] std::string newEventId(const Dataset& dataset, Date day);
/// An id for a new line or area from its name that no line or area uses: "line-idlib-front",
/// "area-…-2", ….
[[nodiscard]] std::string newSituationId(const Dataset& dataset, std::string_view prefix, std::string_view name);

/// Undo and redo over edits already made: record() each edit made; undo() gives the edit that
/// takes the last one back (the caller makes it), redo() the one that makes it again.
class EditHistory {
public:
    void record(Edit edit);
    [[nodiscard]] bool canUndo() const { return !m_done.empty(); }
    [[nodiscard]] bool canRedo() const { return !m_undone.empty(); }
    /// "Undo add incident …" words for a menu; "" when there is nothing.
    [[nodiscard]] std::string undoText() const;
    [[nodiscard]] std::string redoText() const;
    /// The inverse of the last edit, moved to the redo stack; nullopt when there is none.
    [[nodiscard]] std::optional<Edit> undo();
    /// The edit undone last, moved back; nullopt when there is none.
    [[nodiscard]] std::optional<Edit> redo();
    /// Puts back an undo or redo the dataset refused (so the stacks stay as they were).
    void restoreUndo(Edit edit);
    void restoreRedo(Edit edit);
    void clear();

private:
    std::vector<Edit> m_done, m_undone;
};

} // namespace atlas
