#include "atlas/model/merge.h"

#include "atlas/model/revisions.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace atlas {

namespace {

std::string extraValue(const ExtraFields& extra, const char* key) {
    const std::string* value = findExtra(extra, key);
    return value ? *value : std::string();
}

// Whether row `a` of `ta` and row `b` of `tb` say the same (columns and details): most rows of a
// newer pull are the older's unchanged, and are told so without building either event.
bool sameEvent(const EventTable& ta, std::size_t a, const EventTable& tb, std::size_t b) {
    if (ta.date(a) != tb.date(b) || ta.endDate(a) != tb.endDate(b) || ta.datePrecision(a) != tb.datePrecision(b) || ta.type(a) != tb.type(b) ||
        ta.point(a) != tb.point(b) || ta.placePrecision(a) != tb.placePrecision(b) || ta.placeName(a) != tb.placeName(b) ||
        ta.admin1(a) != tb.admin1(b) || ta.admin2(a) != tb.admin2(b) || ta.killed(a) != tb.killed(b) || ta.wounded(a) != tb.wounded(b) ||
        ta.perpetrators(a) != tb.perpetrators(b) || ta.targets(a) != tb.targets(b))
        return false;
    return ta.details(a) == tb.details(b);
}

} // namespace

bool isAcledImport(const Dataset& dataset) {
    return dataset.metadata.provenance.rfind("Imported from the ACLED CSV export", 0) == 0;
}

AcledRevision applyAcledRevision(Dataset& into, Dataset newer) {
    AcledRevision update;
    if (newer.events.empty()) return update;
    Date first = newer.events.date(0), last = first;
    std::unordered_set<std::string> countries, listed;
    for (std::size_t row = 0; row < newer.events.size(); ++row) {
        first = std::min(first, newer.events.date(row));
        last = std::max(last, newer.events.date(row));
        countries.insert(extraValue(newer.events.details(row).extra, "acled_country"));
        listed.emplace(newer.events.id(row));
    }
    // Drop what the newer export covers but no longer lists (kept as retired, with the day
    // of the newer pull), and what it replaces (kept as the replacing event's earlier version).
    std::vector<std::uint32_t> kept;
    kept.reserve(into.events.size());
    std::unordered_map<std::string, std::uint32_t> replacedRow;
    std::vector<std::uint32_t> removed;
    for (std::size_t row = 0; row < into.events.size(); ++row) {
        if (std::string id(into.events.id(row)); listed.count(id)) {
            ++update.replaced;
            replacedRow.emplace(std::move(id), static_cast<std::uint32_t>(row));
            continue;
        }
        const Date day = into.events.date(row);
        // The country is a detail: read only for events the newer export's dates cover.
        if (day >= first && day <= last && countries.count(extraValue(into.events.details(row).extra, "acled_country"))) {
            ++update.removed;
            removed.push_back(static_cast<std::uint32_t>(row));
            continue;
        }
        kept.push_back(static_cast<std::uint32_t>(row));
    }
    for (std::size_t row = 0; row < newer.events.size() && !replacedRow.empty(); ++row) {
        const auto found = replacedRow.find(std::string(newer.events.id(row)));
        if (found == replacedRow.end() || sameEvent(into.events, found->second, newer.events, row)) continue;
        Event current = newer.events.at(row);
        keepEarlierVersion(current, into.events.at(found->second));
        newer.events.set(row, current);
    }
    if (!removed.empty()) {
        // Deleted by the newer pull: on the day it was recorded (its latest event's recording).
        std::optional<Date> pulled;
        for (std::size_t row = 0; row < newer.events.size(); ++row)
            if (const auto day = recordedOn(newer.events.details(row).extra); day && (!pulled || *day > *pulled)) pulled = day;
        std::vector<Event> gone;
        gone.reserve(removed.size());
        for (const std::uint32_t row : removed) gone.push_back(into.events.at(row));
        retireEvents(into, gone, pulled);
    }
    update.added = newer.events.size() - update.replaced;
    EventTable events;
    events.append(into.events, kept);
    events.append(newer.events);
    into.events = std::move(events);
    for (auto& actor : newer.actors)
        if (!into.findActor(actor.id)) into.actors.push_back(std::move(actor));
    into.reindexActors();
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
    for (std::size_t row = 0; row < into.events.size(); ++row) taken.emplace(into.events.id(row));
    std::unordered_map<std::string, std::string> renamed;
    for (std::size_t row = 0; row < from.events.size(); ++row) {
        std::string id(from.events.id(row));
        if (taken.count(id)) {
            std::string unique = label + ":" + id;
            while (taken.count(unique)) unique += "'";
            renamed.emplace(id, unique);
            id = unique;
        }
        taken.insert(id);
    }
    from.events.renameIds(renamed);
    // Links to a renamed event follow it; only events with links change (a detail).
    if (!renamed.empty())
        for (std::size_t row = 0; row < from.events.size(); ++row) {
            Event event = from.events.at(row);
            bool changed = false;
            for (auto& link : event.links)
                if (const auto found = renamed.find(link.eventId); found != renamed.end()) {
                    link.eventId = found->second;
                    changed = true;
                }
            if (changed) from.events.set(row, event);
        }
    into.events.append(from.events);
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
