#pragma once
// Small text helpers shared by the CSV importers (ACLED, UCDP GED). Internal to core.

#include "atlas/model/dataset.h"
#include "atlas/model/event.h"
#include "atlas/io/default_sides.h"
#include "atlas/io/text.h"
#include "atlas/model/vocabulary.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace atlas::import {

/// Makes a casualty figure read from someone else's file coherent: a negative figure is
/// dropped (the count becomes unknown) and a range whose end is below its start is turned
/// round. Returns what was wrong, for a warning, or an empty string.
inline std::string makeCountCoherent(CasualtyCount& count) {
    if ((count.low && *count.low < 0) || (count.high && *count.high < 0)) {
        count = CasualtyCount{};
        return "a negative figure; left unknown";
    }
    if (count.low && count.high && *count.high < *count.low) {
        std::swap(*count.low, *count.high);
        return "the range ends below its start; read as " + std::to_string(*count.low) + "–" + std::to_string(*count.high);
    }
    return {};
}

/// `s` without the spaces, tabs and line breaks around it, as a view into `s`.
inline std::string_view trimView(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(" \t\r\n");
    return s.substr(first, last - first + 1);
}

inline std::string trim(std::string_view s) { return std::string(trimView(s)); }

using atlas::lower;

/// Appends the trimmed, non-empty items of a ';'-separated list to `out`, as views into `text`
/// (what a reader in a hot loop wants: no string per item).
inline void splitListInto(std::string_view text, std::vector<std::string_view>& out) {
    while (true) {
        const auto end = text.find(';');
        if (const std::string_view item = trimView(text.substr(0, end)); !item.empty()) out.push_back(item);
        if (end == std::string_view::npos) return;
        text.remove_prefix(end + 1);
    }
}

/// The trimmed, non-empty items of a ';'-separated list.
inline std::vector<std::string> splitList(std::string_view text) {
    std::vector<std::string_view> items;
    splitListInto(text, items);
    return {items.begin(), items.end()};
}

inline std::optional<int> parseInt(std::string_view text) {
    const std::string_view t = trimView(text);
    int value = 0;
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
    if (ec != std::errc() || end != t.data() + t.size() || t.empty()) return std::nullopt;
    return value;
}

inline std::optional<double> parseDouble(std::string_view text) {
    const std::string_view t = trimView(text);
    if (t.empty()) return std::nullopt;
    double value = 0;
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
    if (ec != std::errc() || end != t.data() + t.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

inline int monthFromName(std::string name) {
    static const std::array<const char*, 12> names{"jan", "feb", "mar", "apr", "may", "jun",
                                                   "jul", "aug", "sep", "oct", "nov", "dec"};
    name = lower(name);
    if (name.size() < 3) return 0;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (name.compare(0, 3, names[i]) == 0) return static_cast<int>(i) + 1;
    return 0;
}

// ACLED's interaction codes (numeric in older exports, words in newer ones) say what kind of
// actor it is, not whose side; a few names settle the side for the Syrian war.
inline Side guessSideFromName(const std::string& name, const std::string& inter) {
    // The table of the exports' usual names first (resources/mappings/default-sides.json).
    if (const auto side = defaultSideOfActor(name)) return *side;
    const std::string n = lower(name);
    if (n.find("military forces of syria") != std::string::npos || n.find("police forces of syria") != std::string::npos ||
        n.find("ndf: national defence forces") != std::string::npos)
        return Side::ProGovernment;
    if (n.find("military forces of turkey") != std::string::npos) return Side::TurkishForces;
    if (n.find("military forces of russia") != std::string::npos) return Side::RussianForces;
    if (n.find("hts: hayat tahrir al sham") != std::string::npos || n.find("hayat tahrir al sham") != std::string::npos ||
        n.find("hurras al din") != std::string::npos || n.find("islamic state") != std::string::npos)
        return Side::Jihadist;
    if (n.find("qsd: syrian democratic forces") != std::string::npos || n.find("ypg") != std::string::npos)
        return Side::KurdishLed;
    if (n.find("nlf: national liberation front") != std::string::npos || n.find("syrian national army") != std::string::npos ||
        n.find("faylaq al sham") != std::string::npos)
        return Side::Opposition;
    const std::string code = lower(trim(inter));
    if (code == "2" || code == "rebel group") return Side::Opposition;
    if (code == "3" || code == "4" || code == "8" || code == "political militia" || code == "identity militia" ||
        code == "external/other forces")
        return Side::Other;
    return Side::Unknown;
}

inline std::string slug(const std::string& name);

// The default table's umbrella groups (resources/mappings/default-sides.json): an imported
// actor it names goes under the actor of the umbrella's name — the one in the file, or one
// made for it with `idPrefix` and the table's side. Actors given a parent already keep it.
inline void groupUnderDefaultUmbrellas(Dataset& dataset, const std::string& idPrefix) {
    std::unordered_map<std::string, std::string> idOfName;
    for (const Actor& actor : dataset.actors) idOfName.emplace(actor.name, actor.id);
    const std::size_t imported = dataset.actors.size();
    for (std::size_t i = 0; i < imported; ++i) {
        if (!dataset.actors[i].parent.empty()) continue;
        const std::string umbrella = defaultUmbrellaOfActor(dataset.actors[i].name);
        if (umbrella.empty() || umbrella == dataset.actors[i].name) continue;
        auto found = idOfName.find(umbrella);
        if (found == idOfName.end()) {
            Actor made;
            made.name = umbrella;
            made.id = idPrefix + slug(umbrella);
            while (std::any_of(dataset.actors.begin(), dataset.actors.end(), [&](const Actor& a) { return a.id == made.id; }))
                made.id += "-x";
            made.side = defaultSideOfActor(umbrella).value_or(dataset.actors[i].side);
            found = idOfName.emplace(umbrella, made.id).first;
            dataset.actors.push_back(std::move(made));
        }
        dataset.actors[i].parent = found->second;
    }
    dataset.reindexActors();
}

inline std::string slug(const std::string& name) {
    std::string out;
    for (char c : lower(name)) {
        if (std::isalnum(static_cast<unsigned char>(c))) out.push_back(c);
        else if (!out.empty() && out.back() != '-') out.push_back('-');
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "actor" : out;
}



} // namespace atlas::import
