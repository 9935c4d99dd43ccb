#pragma once

// ASCII text helpers shared by core's readers and the command line (the data's names are
// transliterated; case folding beyond ASCII would need ICU).

#include <string>
#include <vector>
#include <string_view>

namespace atlas {

/// `s` with A–Z folded to a–z; other bytes (UTF-8 included) unchanged.
[[nodiscard]] inline std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

/// Appends `field` lower-cased (ASCII) and a line break, so that a search never matches across
/// two fields: how an event's text is prepared for text search, by the query engine and by
/// the GeoPackage's text index alike.
inline void appendSearchText(std::string& out, std::string_view field) {
    for (const char c : field) out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    out.push_back('\n');
}

/// Whether `s` ends with `suffix`, ignoring ASCII case (".CSV" ends with ".csv").
[[nodiscard]] inline bool endsWithIgnoringCase(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && lower(std::string(s.substr(s.size() - suffix.size()))) == lower(std::string(suffix));
}

/// items[from], items[from + 1], … joined by `separator`.
[[nodiscard]] inline std::string joinFrom(const std::vector<std::string>& items, std::size_t from, const char* separator) {
    std::string out;
    for (std::size_t i = from; i < items.size(); ++i) out += (i > from ? separator : "") + items[i];
    return out;
}

} // namespace atlas
