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
/// The file name of a path or label, without its folders ("data/acled.csv" -> "acled.csv").
[[nodiscard]] inline std::string fileNameOf(std::string_view path) {
    const auto slash = path.find_last_of("/\\");
    return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

[[nodiscard]] inline bool endsWithIgnoringCase(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && lower(std::string(s.substr(s.size() - suffix.size()))) == lower(std::string(suffix));
}

/// items[from], items[from + 1], … joined by `separator`.
[[nodiscard]] inline std::string joinFrom(const std::vector<std::string>& items, std::size_t from, const char* separator) {
    std::string out;
    for (std::size_t i = from; i < items.size(); ++i) out += (i > from ? separator : "") + items[i];
    return out;
}

/// `text` as a JSON string literal (quoted and escaped), without going through a JSON DOM:
/// escaped exactly as nlohmann's dump() escapes it, so an unknown field's text is the same
/// whichever reader kept it.
inline std::string jsonString(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out.push_back('"');
    for (char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                static const char* hex = "0123456789abcdef";
                out += "\\u00";
                out.push_back(hex[(c >> 4) & 0xf]);
                out.push_back(hex[c & 0xf]);
            } else {
                out.push_back(c);
            }
        }
    }
    out.push_back('"');
    return out;
}

} // namespace atlas
