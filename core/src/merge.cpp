#include "atlas/merge.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace atlas {

namespace {

std::string extraValue(const Event& e, const char* key) {
    for (const auto& [k, v] : e.extra)
        if (k == key) return v;
    return {};
}

} // namespace

bool isAcledImport(const Dataset& dataset) {
    return dataset.metadata.provenance.rfind("Imported from the ACLED CSV export", 0) == 0;
}

ExportUpdate applyNewerAcledExport(Dataset& into, Dataset newer) {
    ExportUpdate update;
    if (newer.events.empty()) return update;
    Date first = newer.events.front().date, last = first;
    std::unordered_set<std::string> countries, listed;
    for (const auto& e : newer.events) {
        first = std::min(first, e.date);
        last = std::max(last, e.date);
        countries.insert(extraValue(e, "acled_country"));
        listed.insert(e.id);
    }
    // Drop what the newer export covers but no longer lists, and what it replaces.
    std::vector<Event> kept;
    kept.reserve(into.events.size());
    for (auto& e : into.events) {
        const bool covered = e.date >= first && e.date <= last && countries.count(extraValue(e, "acled_country"));
        if (listed.count(e.id)) {
            ++update.replaced;
            continue;
        }
        if (covered) {
            ++update.removed;
            continue;
        }
        kept.push_back(std::move(e));
    }
    update.added = newer.events.size() - update.replaced;
    into.events = std::move(kept);
    for (auto& actor : newer.actors)
        if (!into.findActor(actor.id)) into.actors.push_back(std::move(actor));
    into.reindexActors();
    for (auto& e : newer.events) into.events.push_back(std::move(e));
    return update;
}

void mergeDataset(Dataset& into, Dataset from, const std::string& label) {
    if (isAcledImport(into) && isAcledImport(from)) {
        applyNewerAcledExport(into, std::move(from));
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

#include "atlas/json_position.h"

#include <nlohmann/json.hpp>

namespace atlas {

std::vector<Diagnostic> applyActorMapping(Dataset& dataset, std::string_view mappingJson, const std::string& fileLabel) {
    std::vector<Diagnostic> diagnostics;
    auto report = [&](Severity severity, std::string code, std::string message, const std::string& pointer) {
        Diagnostic d{severity, std::move(code), std::move(message), fileLabel, 0, 0, pointer};
        if (const auto offset = locateJsonPointer(mappingJson, pointer)) {
            const TextPosition p = positionOfOffset(mappingJson, *offset);
            d.line = p.line;
            d.column = p.column;
        }
        diagnostics.push_back(std::move(d));
    };
    nlohmann::json mapping;
    try {
        mapping = nlohmann::json::parse(mappingJson);
    } catch (const nlohmann::json::parse_error& error) {
        const TextPosition p = positionOfOffset(mappingJson, error.byte > 0 ? error.byte - 1 : 0);
        diagnostics.push_back({Severity::Fatal, "json.syntax", std::string("not valid JSON: ") + error.what(), fileLabel, p.line, p.column, {}});
        return diagnostics;
    }
    if (!mapping.is_object() || !mapping.contains("actors") || !mapping["actors"].is_array()) {
        report(Severity::Fatal, "mapping.root", "expected {\"actors\": [ ... ]}", "");
        return diagnostics;
    }
    std::unordered_map<std::string, std::string> renamed; // old id -> new id
    const auto& entries = mapping["actors"];
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::string pointer = "/actors/" + std::to_string(i);
        const auto& entry = entries[i];
        if (!entry.is_object() || !entry.contains("name") || !entry["name"].is_string()) {
            report(Severity::Error, "mapping.entry", "each entry needs a \"name\" string; skipped", pointer);
            continue;
        }
        const std::string name = entry["name"].get<std::string>();
        Actor* actor = nullptr;
        for (auto& a : dataset.actors)
            if (a.name == name || std::find(a.aliases.begin(), a.aliases.end(), name) != a.aliases.end()) actor = &a;
        if (!actor) {
            report(Severity::Warning, "mapping.unmatched", "no actor is named \"" + name + "\"; entry unused", pointer + "/name");
            continue;
        }
        if (entry.contains("side")) {
            const auto side = entry["side"].is_string() ? sideFromKey(entry["side"].get<std::string>()) : std::nullopt;
            if (!side) report(Severity::Error, "mapping.side", "unknown side (expected pro_government, opposition, jihadist, turkish_forces, russian_forces, kurdish_led, other)", pointer + "/side");
            else actor->side = *side;
        }
        if (entry.contains("parent") && entry["parent"].is_string()) actor->parent = entry["parent"].get<std::string>();
        if (entry.contains("id") && entry["id"].is_string() && entry["id"].get<std::string>() != actor->id) {
            renamed[actor->id] = entry["id"].get<std::string>();
            actor->id = entry["id"].get<std::string>();
        }
    }
    auto follow = [&](std::string& id) {
        if (const auto found = renamed.find(id); found != renamed.end()) id = found->second;
    };
    for (auto& a : dataset.actors) follow(a.parent);
    for (auto& e : dataset.events) {
        for (auto& id : e.perpetrators) follow(id);
        for (auto& id : e.targets) follow(id);
    }
    for (auto& s : dataset.sites) follow(s.operatorId);
    for (auto& l : dataset.lines)
        for (auto& id : l.parties) follow(id);
    for (auto& a : dataset.areas) follow(a.controller);
    dataset.reindexActors();
    // Parents named in the mapping that are no actor yet become actors of their own.
    std::vector<std::string> missing;
    for (const auto& a : dataset.actors)
        if (!a.parent.empty() && !dataset.findActor(a.parent) && std::find(missing.begin(), missing.end(), a.parent) == missing.end())
            missing.push_back(a.parent);
    for (const auto& id : missing) {
        Actor parent;
        parent.id = id;
        parent.name = id;
        dataset.actors.push_back(parent);
    }
    dataset.reindexActors();
    return diagnostics;
}

} // namespace atlas
