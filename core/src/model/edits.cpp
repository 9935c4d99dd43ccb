#include "atlas/model/edits.h"

#include <charconv>
#include <cmath>
#include <numeric>
#include <unordered_set>

namespace atlas {

std::string EventEdit::describe() const {
    if (isAddition()) return "add incident " + after->id;
    if (isDeletion()) return "delete incident " + before->id;
    return "edit incident " + id();
}

std::optional<std::size_t> findEventRow(const EventTable& events, std::string_view id) {
    for (std::size_t row = 0; row < events.size(); ++row)
        if (events.id(row) == id) return row;
    return std::nullopt;
}

std::optional<std::string> applyEdit(Dataset& dataset, const EventEdit& edit) {
    if (!edit.before && !edit.after) return "an empty edit";
    if (edit.isAddition()) {
        if (findEventRow(dataset.events, edit.after->id)) return "incident " + edit.after->id + " is there already";
        dataset.events.push_back(*edit.after);
        return std::nullopt;
    }
    const auto row = findEventRow(dataset.events, edit.before->id);
    if (!row) return "incident " + edit.before->id + " is no longer there";
    if (dataset.events.at(*row) != *edit.before) return "incident " + edit.before->id + " has been changed since";
    if (edit.after) {
        // A new id must not be another incident's.
        if (edit.after->id != edit.before->id && findEventRow(dataset.events, edit.after->id))
            return "incident " + edit.after->id + " is there already";
        dataset.events.set(*row, *edit.after);
        return std::nullopt;
    }
    std::vector<std::uint32_t> kept(dataset.events.size() - 1);
    std::iota(kept.begin(), kept.begin() + static_cast<std::ptrdiff_t>(*row), 0u);
    std::iota(kept.begin() + static_cast<std::ptrdiff_t>(*row), kept.end(), static_cast<std::uint32_t>(*row + 1));
    dataset.events.keepOnly(kept);
    return std::nullopt;
}

namespace {

void checkCount(const CasualtyCount& count, const char* field, const char* what, std::vector<EditProblem>& problems) {
    if (count.qualifier == CountQualifier::Unknown) return;
    if (!count.low) {
        problems.push_back({field, std::string("the number ") + what + " is missing"});
        return;
    }
    if (*count.low < 0) problems.push_back({field, std::string("the number ") + what + " cannot be negative"});
    if (count.high && *count.high < *count.low)
        problems.push_back({field, "the range " + std::to_string(*count.low) + "\u2013" + std::to_string(*count.high) + " ends below its start"});
}

} // namespace

std::vector<EditProblem> validateEvent(const Event& event, const Dataset& dataset, Date today, bool isNew) {
    std::vector<EditProblem> problems;
    if (event.id.empty()) problems.push_back({"id", "the incident needs an id"});
    else if (isNew && findEventRow(dataset.events, event.id)) problems.push_back({"id", "another incident has the id " + event.id});
    if (event.date > today) problems.push_back({"date", event.date.toString() + " is in the future (today is " + today.toString() + ")"});
    if (event.endDate && *event.endDate < event.date)
        problems.push_back({"endDate", "the end " + event.endDate->toString() + " is before the start " + event.date.toString()});
    if (event.endDate && *event.endDate > today)
        problems.push_back({"endDate", event.endDate->toString() + " is in the future (today is " + today.toString() + ")"});
    const GeoPoint& point = event.place.point;
    if (!std::isfinite(point.latitude) || point.latitude < -90 || point.latitude > 90)
        problems.push_back({"latitude", "a latitude is between -90 and 90 degrees"});
    if (!std::isfinite(point.longitude) || point.longitude < -180 || point.longitude > 180)
        problems.push_back({"longitude", "a longitude is between -180 and 180 degrees"});
    checkCount(event.killed, "killed", "killed", problems);
    checkCount(event.wounded, "wounded", "wounded", problems);
    for (const auto* list : {&event.perpetrators, &event.targets}) {
        const char* field = list == &event.perpetrators ? "perpetrators" : "targets";
        std::unordered_set<std::string> seen;
        for (const std::string& actor : *list) {
            if (!dataset.findActor(actor)) problems.push_back({field, "no actor has the id " + actor + " (add it in Data → Actors first)"});
            if (!seen.insert(actor).second) problems.push_back({field, actor + " is listed twice"});
        }
    }
    for (const EventLink& link : event.links) {
        if (link.eventId == event.id) problems.push_back({"links", "an incident cannot be linked to itself"});
        else if (!findEventRow(dataset.events, link.eventId)) problems.push_back({"links", "no incident has the id " + link.eventId});
    }
    for (const SourceReference& source : event.sources)
        if (source.publisher.empty() && source.url.empty()) problems.push_back({"sources", "a source needs a publisher or a URL"});
    return problems;
}

namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

std::optional<int> number(std::string_view text) {
    text = trim(text);
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

} // namespace

std::optional<CasualtyCount> parseCasualtyText(std::string_view text) {
    text = trim(text);
    CasualtyCount count;
    if (text.empty() || text == "unknown" || text == "?") return count;
    for (const auto& [prefix, qualifier] : {std::pair{std::string_view("more than "), CountQualifier::MoreThan},
                                            std::pair{std::string_view("over "), CountQualifier::MoreThan},
                                            std::pair{std::string_view("at least "), CountQualifier::AtLeast},
                                            std::pair{std::string_view("about "), CountQualifier::About},
                                            std::pair{std::string_view("around "), CountQualifier::About},
                                            std::pair{std::string_view(">"), CountQualifier::MoreThan},
                                            std::pair{std::string_view("~"), CountQualifier::About}}) {
        if (text.substr(0, prefix.size()) == prefix) {
            const auto value = number(text.substr(prefix.size()));
            if (!value) return std::nullopt;
            count.qualifier = qualifier;
            count.low = value;
            return count;
        }
    }
    if (const auto value = number(text)) {
        count.qualifier = CountQualifier::Exact;
        count.low = value;
        return count;
    }
    // A range: "20-30", "20–30" (en dash, three bytes in UTF-8), "20 to 30".
    for (const std::string_view dash : {std::string_view("\u2013"), std::string_view("-"), std::string_view(" to ")}) {
        const std::size_t at = text.find(dash, 1);
        if (at == std::string_view::npos) continue;
        const auto low = number(text.substr(0, at)), high = number(text.substr(at + dash.size()));
        if (!low || !high) return std::nullopt;
        count.qualifier = CountQualifier::Range;
        count.low = low;
        count.high = high;
        return count;
    }
    return std::nullopt;
}

std::string newEventId(const Dataset& dataset, Date day) {
    std::unordered_set<std::string_view> taken;
    for (std::size_t row = 0; row < dataset.events.size(); ++row) taken.insert(dataset.events.id(row));
    const std::string stem = "ca-" + day.toString() + "-";
    for (int n = 1;; ++n)
        if (std::string id = stem + std::to_string(n); !taken.contains(id)) return id;
}

void EditHistory::record(EventEdit edit) {
    m_done.push_back(std::move(edit));
    m_undone.clear();
}

std::string EditHistory::undoText() const { return m_done.empty() ? std::string() : "Undo " + m_done.back().describe(); }
std::string EditHistory::redoText() const { return m_undone.empty() ? std::string() : "Redo " + m_undone.back().describe(); }

std::optional<EventEdit> EditHistory::undo() {
    if (m_done.empty()) return std::nullopt;
    EventEdit edit = std::move(m_done.back());
    m_done.pop_back();
    EventEdit inverse = edit.inverse();
    m_undone.push_back(std::move(edit));
    return inverse;
}

std::optional<EventEdit> EditHistory::redo() {
    if (m_undone.empty()) return std::nullopt;
    EventEdit edit = std::move(m_undone.back());
    m_undone.pop_back();
    m_done.push_back(edit);
    return edit;
}

void EditHistory::restoreUndo(EventEdit inverse) {
    // undo() moved the edit to the redo stack: move it back.
    if (!m_undone.empty()) m_undone.pop_back();
    m_done.push_back(inverse.inverse());
}

void EditHistory::restoreRedo(EventEdit edit) {
    if (!m_done.empty()) m_done.pop_back();
    m_undone.push_back(std::move(edit));
}

void EditHistory::clear() {
    m_done.clear();
    m_undone.clear();
}

} // namespace atlas
