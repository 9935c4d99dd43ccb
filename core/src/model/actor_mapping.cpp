#include "atlas/model/actor_mapping.h"
#include "atlas/model/diagnostic_codes.h"

#include "atlas/model/actor_tree.h"

#include "atlas/io/json_position.h"
#include "atlas/model/vocabulary.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <unordered_map>
#include <unordered_set>

namespace atlas {

// Whether making `parent` the umbrella of `id` would close a loop (id is above parent).
bool wouldLoop(const Dataset& dataset, const std::string& id, const std::string& parent) {
    return ActorTree(dataset).isBelow(parent, id);
}

std::vector<Diagnostic> applyActorMapping(Dataset& dataset, std::span<const ActorMappingEntry> entries, const std::string& label) {
    std::vector<Diagnostic> diagnostics;
    auto report = [&](Severity severity, std::string code, std::string message, std::size_t entry, const char* field) {
        diagnostics.push_back({severity, std::move(code), std::move(message), label, 0, 0,
                               "/actors/" + std::to_string(entry) + (*field ? std::string("/") + field : std::string()), {}});
    };
    std::unordered_map<std::string, std::size_t> byName; // name or alias → actor (the first one)
    for (std::size_t i = 0; i < dataset.actors.size(); ++i) {
        byName.emplace(dataset.actors[i].name, i);
        for (const auto& alias : dataset.actors[i].aliases) byName.emplace(alias, i);
    }
    std::unordered_map<std::string, std::string> renamed; // old id → new id
    std::vector<std::size_t> unmatched;
    for (std::size_t e = 0; e < entries.size(); ++e) {
        const ActorMappingEntry& entry = entries[e];
        const auto found = byName.find(entry.name);
        if (found == byName.end()) {
            unmatched.push_back(e);
            continue;
        }
        Actor& actor = dataset.actors[found->second];
        if (entry.side) actor.side = *entry.side;
        if (!entry.id.empty() && entry.id != actor.id) {
            if (const Actor* other = dataset.findActor(entry.id); other && other != &actor) {
                report(Severity::Error, codes::kMappingId, "id \"" + entry.id + "\" already belongs to " + other->name + "; kept \"" + actor.id + "\"", e, "id");
            } else {
                renamed[actor.id] = entry.id;
                actor.id = entry.id;
                dataset.reindexActors(); // later entries may name the new id as their parent
            }
        }
        if (entry.parent) {
            const std::string parent = renamed.count(*entry.parent) ? renamed[*entry.parent] : *entry.parent;
            if (!parent.empty() && wouldLoop(dataset, actor.id, parent))
                report(Severity::Error, codes::kMappingParent, "\"" + parent + "\" is " + actor.name + " or one of its sub-groups; parent not set", e, "parent");
            else
                actor.parent = parent;
        }
    }
    auto follow = [&](std::string& id) {
        if (const auto found = renamed.find(id); found != renamed.end()) id = found->second;
    };
    for (auto& a : dataset.actors) follow(a.parent);
    dataset.events.renameActors(renamed);
    for (auto& s : dataset.sites) follow(s.operatorId);
    for (auto& l : dataset.lines)
        for (auto& id : l.parties) follow(id);
    for (auto& a : dataset.areas) follow(a.controller);
    dataset.reindexActors();
    // An entry no actor matches still defines an umbrella when its id is some actor's parent:
    // a mapping can name and side "National Liberation Front" though the data never does.
    for (const std::size_t e : unmatched) {
        const ActorMappingEntry& entry = entries[e];
        const bool isUmbrella = !entry.id.empty() && !dataset.findActor(entry.id) &&
                                std::any_of(dataset.actors.begin(), dataset.actors.end(), [&](const Actor& a) { return a.parent == entry.id; });
        if (!isUmbrella) {
            report(Severity::Warning, codes::kMappingUnmatched, "no actor is named \"" + entry.name + "\"; entry unused", e, "name");
            continue;
        }
        Actor umbrella;
        umbrella.id = entry.id;
        umbrella.name = entry.name;
        umbrella.side = entry.side.value_or(Side::Unknown);
        dataset.actors.push_back(std::move(umbrella));
        dataset.reindexActors();
        if (entry.parent && !wouldLoop(dataset, entry.id, *entry.parent)) dataset.actors.back().parent = *entry.parent;
    }
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

ActorMapping readActorMapping(std::string_view mappingJson, const std::string& fileLabel) {
    ActorMapping mapping;
    mapping.text = std::string(mappingJson);
    mapping.label = fileLabel;
    auto report = [&](Severity severity, std::string code, std::string message, const std::string& pointer) {
        Diagnostic d{severity, std::move(code), std::move(message), fileLabel, 0, 0, pointer, {}};
        if (const auto offset = locateJsonPointer(mappingJson, pointer)) {
            const TextPosition p = positionOfOffset(mappingJson, *offset);
            d.line = p.line;
            d.column = p.column;
        }
        mapping.diagnostics.push_back(std::move(d));
    };
    nlohmann::json document;
    try {
        document = nlohmann::json::parse(mappingJson);
    } catch (const nlohmann::json::parse_error& error) {
        const TextPosition p = positionOfOffset(mappingJson, error.byte > 0 ? error.byte - 1 : 0);
        mapping.diagnostics.push_back({Severity::Fatal, codes::kJsonSyntax, std::string("not valid JSON: ") + error.what(), fileLabel, p.line, p.column, {}, {}});
        return mapping;
    }
    catch (const nlohmann::json::exception& error) { // a number out of range (found by fuzzing the projects' reader)
        mapping.diagnostics.push_back({Severity::Fatal, codes::kJsonSyntax, std::string("not valid JSON: ") + error.what(), fileLabel, 0, 0, {}, {}});
        return mapping;
    }
    if (!document.is_object() || !document.contains("actors") || !document["actors"].is_array()) {
        report(Severity::Fatal, codes::kMappingRoot, "expected {\"actors\": [ ... ]}", "");
        return mapping;
    }
    auto text = [](const nlohmann::json& object, const char* key) {
        const auto found = object.find(key);
        return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
    };
    const auto& list = document["actors"];
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string pointer = "/actors/" + std::to_string(i);
        const auto& item = list[i];
        if (!item.is_object() || !item.contains("name") || !item["name"].is_string()) {
            report(Severity::Error, codes::kMappingEntry, "each entry needs a \"name\" string; skipped", pointer);
            continue;
        }
        ActorMappingEntry entry{item["name"].get<std::string>(), text(item, "id"), std::nullopt, std::nullopt};
        if (item.contains("parent")) entry.parent = text(item, "parent"); // "" or null: top-level
        if (item.contains("side")) {
            entry.side = item["side"].is_string() ? sideFromKey(item["side"].get<std::string>()) : std::nullopt;
            if (!entry.side)
                report(Severity::Error, codes::kMappingSide,
                       "unknown side (expected pro_government, opposition, jihadist, turkish_forces, russian_forces, kurdish_led, other)",
                       pointer + "/side");
        }
        mapping.entries.push_back(std::move(entry));
        mapping.filePositions.push_back(i);
    }
    return mapping;
}

ActorMapping readActorMappingFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        ActorMapping mapping;
        mapping.label = path;
        mapping.diagnostics.push_back({Severity::Fatal, codes::kFileOpen, "cannot open the actor mapping file", path, 0, 0, {}, {}});
        return mapping;
    }
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return readActorMapping(text, path);
}

std::vector<Diagnostic> applyActorMapping(Dataset& dataset, const ActorMapping& mapping) {
    std::vector<Diagnostic> diagnostics = mapping.diagnostics;
    if (hasFatal(diagnostics)) return diagnostics;
    for (Diagnostic d : applyActorMapping(dataset, std::span<const ActorMappingEntry>(mapping.entries), mapping.label)) {
        // "/actors/<k>…" counts the entries kept; say which entry of the file it was.
        const auto slash = d.jsonPointer.find('/', 8);
        const std::size_t k = std::stoul(d.jsonPointer.substr(8, slash == std::string::npos ? std::string::npos : slash - 8));
        d.jsonPointer = "/actors/" + std::to_string(mapping.filePositions[k]) + (slash == std::string::npos ? "" : d.jsonPointer.substr(slash));
        if (const auto offset = locateJsonPointer(mapping.text, d.jsonPointer)) {
            const TextPosition p = positionOfOffset(mapping.text, *offset);
            d.line = p.line;
            d.column = p.column;
        }
        diagnostics.push_back(std::move(d));
    }
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
    return diagnostics;
}

std::vector<Diagnostic> applyActorMapping(Dataset& dataset, std::string_view mappingJson, const std::string& fileLabel) {
    return applyActorMapping(dataset, readActorMapping(mappingJson, fileLabel));
}

std::vector<Diagnostic> applyActorMappingFile(Dataset& dataset, const std::string& path) {
    return applyActorMapping(dataset, readActorMappingFile(path));
}

std::string writeActorMapping(const Dataset& dataset) {
    nlohmann::ordered_json actors = nlohmann::ordered_json::array();
    for (const Actor& actor : dataset.actors) {
        nlohmann::ordered_json entry{{"name", actor.name}, {"id", actor.id}};
        if (!actor.parent.empty()) entry["parent"] = actor.parent;
        if (actor.side != Side::Unknown) entry["side"] = std::string(toKey(actor.side));
        actors.push_back(std::move(entry));
    }
    return nlohmann::ordered_json{{"actors", std::move(actors)}}.dump(2) + "\n";
}

} // namespace atlas
