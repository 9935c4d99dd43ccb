#include "atlas/model/edits.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <numeric>
#include <unordered_set>

namespace atlas {

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

// The vector of a dataset that holds rows of this kind.
std::vector<Site>& rowsOf(Dataset& dataset, const Site*) { return dataset.sites; }
std::vector<Line>& rowsOf(Dataset& dataset, const Line*) { return dataset.lines; }
std::vector<Area>& rowsOf(Dataset& dataset, const Area*) { return dataset.areas; }
const std::vector<Site>& rowsOf(const Dataset& dataset, const Site*) { return dataset.sites; }
const std::vector<Line>& rowsOf(const Dataset& dataset, const Line*) { return dataset.lines; }
const std::vector<Area>& rowsOf(const Dataset& dataset, const Area*) { return dataset.areas; }

template <class Item> std::optional<std::string> applySituationEdit(Dataset& dataset, const RowEdit<Item>& edit) {
    std::vector<Item>& rows = rowsOf(dataset, static_cast<const Item*>(nullptr));
    auto find = [&](const std::string& id) { return std::find_if(rows.begin(), rows.end(), [&](const Item& row) { return row.id == id; }); };
    const std::string word = kItemWord<Item>;
    if (!edit.before && !edit.after) return "an empty edit";
    if (edit.isAddition()) {
        if (find(edit.after->id) != rows.end()) return word + " " + edit.after->id + " is there already";
        rows.push_back(*edit.after);
        return std::nullopt;
    }
    const auto row = find(edit.before->id);
    if (row == rows.end()) return word + " " + edit.before->id + " is no longer there";
    if (*row != *edit.before) return word + " " + edit.before->id + " has been changed since";
    if (edit.after) {
        if (edit.after->id != edit.before->id && find(edit.after->id) != rows.end()) return word + " " + edit.after->id + " is there already";
        *row = *edit.after;
    } else {
        rows.erase(row);
    }
    return std::nullopt;
}

} // namespace

template <> std::optional<Event> currentRow<Event>(const Dataset& dataset, std::string_view id) {
    if (const auto row = findEventRow(dataset.events, id)) return dataset.events.at(*row);
    return std::nullopt;
}
template <class Item> std::optional<Item> currentRow(const Dataset& dataset, std::string_view id) {
    const std::vector<Item>& rows = rowsOf(dataset, static_cast<const Item*>(nullptr));
    for (const Item& row : rows)
        if (row.id == id) return row;
    return std::nullopt;
}
template std::optional<Site> currentRow<Site>(const Dataset&, std::string_view);
template std::optional<Line> currentRow<Line>(const Dataset&, std::string_view);
template std::optional<Area> currentRow<Area>(const Dataset&, std::string_view);

std::optional<std::string> applyEdit(Dataset& dataset, const SiteEdit& edit) { return applySituationEdit(dataset, edit); }
std::optional<std::string> applyEdit(Dataset& dataset, const LineEdit& edit) { return applySituationEdit(dataset, edit); }
std::optional<std::string> applyEdit(Dataset& dataset, const AreaEdit& edit) { return applySituationEdit(dataset, edit); }
std::optional<std::string> applyEdit(Dataset& dataset, const Edit& edit) {
    return std::visit([&](const auto& e) { return applyEdit(dataset, e); }, edit);
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

void checkPoint(const GeoPoint& point, const std::string& field, const std::string& what, std::vector<EditProblem>& problems) {
    if (!std::isfinite(point.latitude) || point.latitude < -90 || point.latitude > 90 || !std::isfinite(point.longitude) || point.longitude < -180 ||
        point.longitude > 180)
        problems.push_back({field, what + " is off the globe (latitude -90 to 90, longitude -180 to 180)"});
}

void checkValidity(const Validity& validity, Date today, std::vector<EditProblem>& problems) {
    if (validity.from > today) problems.push_back({"validFrom", validity.from.toString() + " is in the future (today is " + today.toString() + ")"});
    if (validity.to && *validity.to < validity.from)
        problems.push_back({"validTo", "the end " + validity.to->toString() + " is before the start " + validity.from.toString()});
}

void checkSources(const std::vector<SourceReference>& sources, const std::string& field, std::vector<EditProblem>& problems) {
    for (const SourceReference& source : sources)
        if (source.publisher.empty() && source.url.empty()) problems.push_back({field, "a source needs a publisher or a URL"});
}

void checkActor(const std::string& id, const Dataset& dataset, const std::string& field, std::vector<EditProblem>& problems) {
    if (!id.empty() && !dataset.findActor(id)) problems.push_back({field, "no actor has the id " + id + " (add it in Data \u2192 Actors first)"});
}

template <class Item> void checkId(const Item& item, const Dataset& dataset, bool isNew, std::vector<EditProblem>& problems) {
    const std::string word = kItemWord<Item>;
    if (item.id.empty()) problems.push_back({"id", "the " + word + " needs an id"});
    else if (isNew && currentRow<Item>(dataset, item.id)) problems.push_back({"id", "another " + word + " has the id " + item.id});
    if (item.name.empty()) problems.push_back({"name", "the " + word + " needs a name"});
}

} // namespace

std::vector<EditProblem> validateSite(const Site& site, const Dataset& dataset, Date today, bool isNew) {
    std::vector<EditProblem> problems;
    checkId(site, dataset, isNew, problems);
    const GeoPoint& point = site.place.point;
    if (!std::isfinite(point.latitude) || point.latitude < -90 || point.latitude > 90)
        problems.push_back({"latitude", "a latitude is between -90 and 90 degrees"});
    if (!std::isfinite(point.longitude) || point.longitude < -180 || point.longitude > 180)
        problems.push_back({"longitude", "a longitude is between -180 and 180 degrees"});
    checkActor(site.operatorId, dataset, "operator", problems);
    for (std::size_t i = 0; i < site.history.size(); ++i) {
        const SiteStatusChange& change = site.history[i];
        if (change.date > today) problems.push_back({"history", change.date.toString() + " is in the future (today is " + today.toString() + ")"});
        if (i > 0 && change.date < site.history[i - 1].date) problems.push_back({"history", "the status changes are not in date order"});
        checkSources(change.sources, "history", problems);
    }
    return problems;
}

std::vector<EditProblem> validateLine(const Line& line, const Dataset& dataset, Date today, bool isNew) {
    std::vector<EditProblem> problems;
    checkId(line, dataset, isNew, problems);
    if (line.path.size() < 2) problems.push_back({"path", "a line needs at least two points (it has " + std::to_string(line.path.size()) + ")"});
    for (std::size_t i = 0; i < line.path.size(); ++i) checkPoint(line.path[i], "path", "point " + std::to_string(i + 1), problems);
    checkValidity(line.validity, today, problems);
    if (!std::isfinite(line.halfWidthKm) || line.halfWidthKm < 0) problems.push_back({"halfWidthKm", "a corridor's half width is 0 km or more"});
    std::unordered_set<std::string> seen;
    for (const std::string& party : line.parties) {
        checkActor(party, dataset, "parties", problems);
        if (!seen.insert(party).second) problems.push_back({"parties", party + " is listed twice"});
    }
    checkSources(line.sources, "sources", problems);
    return problems;
}

std::vector<EditProblem> validateArea(const Area& area, const Dataset& dataset, Date today, bool isNew) {
    std::vector<EditProblem> problems;
    checkId(area, dataset, isNew, problems);
    if (area.rings.empty()) problems.push_back({"rings", "an area needs an outline of at least three points"});
    for (std::size_t r = 0; r < area.rings.size(); ++r) {
        const auto& ring = area.rings[r];
        // A closed ring repeats its first point at the end: not a corner of its own.
        const std::size_t corners = ring.size() >= 2 && ring.front() == ring.back() ? ring.size() - 1 : ring.size();
        const std::string what = r == 0 ? "the outline" : "hole " + std::to_string(r);
        if (corners < 3) problems.push_back({"rings", what + " needs at least three points (it has " + std::to_string(corners) + ")"});
        // Files hold rings closed (the reader closes an open one): so does an edit, or the store
        // would hold a version no reader gives back.
        else if (!(ring.front() == ring.back())) problems.push_back({"rings", what + " is not closed (its last point is not its first)"});
        for (std::size_t i = 0; i < ring.size(); ++i) checkPoint(ring[i], "rings", what + "'s point " + std::to_string(i + 1), problems);
    }
    checkValidity(area.validity, today, problems);
    if (area.controller.empty()) problems.push_back({"controller", "an area is held by someone: choose the actor"});
    checkActor(area.controller, dataset, "controller", problems);
    checkSources(area.sources, "sources", problems);
    return problems;
}

Site withStatusChange(Site site, SiteStatusChange change) {
    // After every change of that day (a post evacuated, then handed over, on one day) and
    // before later ones; when that day's last change has this status already, it is that
    // change written again (its note, its sources).
    const auto at = std::upper_bound(site.history.begin(), site.history.end(), change.date,
                                     [](Date day, const SiteStatusChange& c) { return day < c.date; });
    if (at != site.history.begin()) {
        SiteStatusChange& last = *std::prev(at);
        if (last.date == change.date && last.status == change.status) {
            change.extra = last.extra; // what the form does not show of it
            change.datePrecision = last.datePrecision;
            last = std::move(change);
            return site;
        }
    }
    site.history.insert(at, std::move(change));
    return site;
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

std::string newSituationId(const Dataset& dataset, std::string_view prefix, std::string_view name) {
    std::string stem(prefix);
    stem += '-';
    bool dash = true;
    for (const unsigned char c : name) {
        if (std::isalnum(c)) {
            stem += static_cast<char>(std::tolower(c));
            dash = false;
        } else if (!dash) {
            stem += '-';
            dash = true;
        }
        if (stem.size() >= 48) break;
    }
    while (!stem.empty() && stem.back() == '-') stem.pop_back();
    auto taken = [&](const std::string& id) {
        return currentRow<Line>(dataset, id) || currentRow<Area>(dataset, id) || currentRow<Site>(dataset, id);
    };
    if (!taken(stem)) return stem;
    for (int n = 2;; ++n)
        if (std::string id = stem + "-" + std::to_string(n); !taken(id)) return id;
}

void EditHistory::record(Edit edit) {
    m_done.push_back(std::move(edit));
    m_undone.clear();
}

std::string EditHistory::undoText() const { return m_done.empty() ? std::string() : "Undo " + describe(m_done.back()); }
std::string EditHistory::redoText() const { return m_undone.empty() ? std::string() : "Redo " + describe(m_undone.back()); }

std::optional<Edit> EditHistory::undo() {
    if (m_done.empty()) return std::nullopt;
    Edit edit = std::move(m_done.back());
    m_done.pop_back();
    Edit undone = inverse(edit);
    m_undone.push_back(std::move(edit));
    return undone;
}

std::optional<Edit> EditHistory::redo() {
    if (m_undone.empty()) return std::nullopt;
    Edit edit = std::move(m_undone.back());
    m_undone.pop_back();
    m_done.push_back(edit);
    return edit;
}

void EditHistory::restoreUndo(Edit undone) {
    // undo() moved the edit to the redo stack: move it back.
    if (!m_undone.empty()) m_undone.pop_back();
    m_done.push_back(inverse(undone));
}

void EditHistory::restoreRedo(Edit edit) {
    if (!m_done.empty()) m_done.pop_back();
    m_undone.push_back(std::move(edit));
}

void EditHistory::clear() {
    m_done.clear();
    m_undone.clear();
}

} // namespace atlas
