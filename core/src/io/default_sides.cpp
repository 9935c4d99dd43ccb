#include "atlas/io/default_sides.h"

#include "default_sides_json.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace atlas {

namespace {

struct DefaultSide {
    std::string text;
    bool prefix = false;
    Side side = Side::Unknown;
    std::string umbrella;
};

// Read once from the table built into the program; an entry that does not read (a typo in
// the resource) is left out — the resource's own test reads every entry.
const std::vector<DefaultSide>& defaultSides() {
    static const std::vector<DefaultSide> table = [] {
        std::vector<DefaultSide> out;
        const auto document = nlohmann::json::parse(detail::kDefaultSidesJson, nullptr, false);
        if (document.is_discarded() || !document.contains("actors") || !document["actors"].is_array()) return out;
        for (const auto& entry : document["actors"]) {
            if (!entry.is_object() || !entry.contains("side") || !entry["side"].is_string()) continue;
            const auto side = sideFromKey(entry["side"].get<std::string>());
            if (!side) continue;
            const std::string umbrella = entry.contains("umbrella") && entry["umbrella"].is_string() ? entry["umbrella"].get<std::string>() : "";
            if (entry.contains("name") && entry["name"].is_string()) out.push_back({entry["name"].get<std::string>(), false, *side, umbrella});
            else if (entry.contains("prefix") && entry["prefix"].is_string())
                out.push_back({entry["prefix"].get<std::string>(), true, *side, umbrella});
        }
        return out;
    }();
    return table;
}

} // namespace

std::optional<Side> defaultSideOfActor(std::string_view name) {
    for (const DefaultSide& entry : defaultSides())
        if (entry.prefix ? name.starts_with(entry.text) : name == entry.text) return entry.side;
    return std::nullopt;
}

std::string defaultUmbrellaOfActor(std::string_view name) {
    for (const DefaultSide& entry : defaultSides())
        if (entry.prefix ? name.starts_with(entry.text) : name == entry.text) return entry.umbrella;
    return {};
}

} // namespace atlas
