#include "atlas/geo/gazetteer.h"

#include "atlas/geo/geo.h"
#include "atlas/model/diagnostic_codes.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace atlas {

namespace {

// The base letter of a Latin letter with a diacritic, for the code points transliterated
// Arabic and Turkish names use (Latin-1 Supplement, Latin Extended-A and -B, and the dotted
// letters of Latin Extended Additional); 0 for anything else, which is dropped.
char baseLetter(char32_t c) {
    if (c < 0x80) return static_cast<char>(c);
    struct Range {
        char32_t first, last;
        char base;
    };
    static constexpr Range kRanges[] = {
        {0xC0, 0xC5, 'a'}, {0xC7, 0xC7, 'c'}, {0xC8, 0xCB, 'e'}, {0xCC, 0xCF, 'i'}, {0xD1, 0xD1, 'n'},
        {0xD2, 0xD6, 'o'}, {0xD9, 0xDC, 'u'}, {0xDD, 0xDD, 'y'}, {0xE0, 0xE5, 'a'}, {0xE7, 0xE7, 'c'},
        {0xE8, 0xEB, 'e'}, {0xEC, 0xEF, 'i'}, {0xF1, 0xF1, 'n'}, {0xF2, 0xF6, 'o'}, {0xF9, 0xFC, 'u'},
        {0xFD, 0xFF, 'y'}, {0x100, 0x105, 'a'}, {0x106, 0x10D, 'c'}, {0x10E, 0x111, 'd'}, {0x112, 0x11B, 'e'},
        {0x11C, 0x123, 'g'}, {0x124, 0x127, 'h'}, {0x128, 0x131, 'i'}, {0x134, 0x135, 'j'}, {0x136, 0x137, 'k'},
        {0x139, 0x142, 'l'}, {0x143, 0x148, 'n'}, {0x14C, 0x151, 'o'}, {0x154, 0x159, 'r'}, {0x15A, 0x161, 's'},
        {0x162, 0x167, 't'}, {0x168, 0x173, 'u'}, {0x174, 0x175, 'w'}, {0x176, 0x178, 'y'}, {0x179, 0x17E, 'z'},
        {0x1E0C, 0x1E13, 'd'}, {0x1E22, 0x1E2B, 'h'}, {0x1E62, 0x1E63, 's'},
        {0x1E6C, 0x1E6D, 't'}, {0x1E92, 0x1E93, 'z'}, {0x1E96, 0x1E96, 'h'},
    };
    for (const Range& range : kRanges)
        if (c >= range.first && c <= range.last) return range.base;
    return 0;
}

} // namespace

std::string searchKey(std::string_view text) {
    std::string key;
    for (std::size_t i = 0; i < text.size();) {
        // Decode one UTF-8 sequence; a byte that starts no valid one counts alone and is dropped.
        const auto byte = static_cast<unsigned char>(text[i]);
        const std::size_t length = byte < 0x80 ? 1 : byte >= 0xF0 && byte < 0xF8 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 0;
        char32_t c = 0xFFFD;
        bool valid = length >= 1 && i + length <= text.size();
        for (std::size_t k = 1; valid && k < length; ++k) valid = (static_cast<unsigned char>(text[i + k]) & 0xC0u) == 0x80u;
        if (valid) {
            c = length == 1 ? byte : byte & (0x7Fu >> length);
            for (std::size_t k = 1; k < length; ++k) c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
        }
        const std::size_t step = valid ? length : 1;
        i += step;
        char base = baseLetter(c);
        if (base >= 'A' && base <= 'Z') base = static_cast<char>(base - 'A' + 'a');
        if ((base >= 'a' && base <= 'z') || (base >= '0' && base <= '9')) key += base;
    }
    return key;
}

std::vector<Diagnostic> Gazetteer::addGeoJson(std::string_view text, const std::string& label, const std::string& source) {
    std::vector<Diagnostic> problems;
    nlohmann::json root;
    try {
        root = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) { // bad syntax, or a number out of range
        problems.push_back({Severity::Fatal, codes::kJsonSyntax, std::string("not valid JSON: ") + e.what(), label, 0, 0, "", ""});
        return problems;
    }
    const auto features = root.find("features");
    if (features == root.end() || !features->is_array()) {
        problems.push_back({Severity::Fatal, codes::kFieldMissing, "a gazetteer is a FeatureCollection", label, 0, 0, "/features", ""});
        return problems;
    }
    for (std::size_t i = 0; i < features->size(); ++i) {
        const nlohmann::json& feature = (*features)[i];
        const std::string pointer = "/features/" + std::to_string(i);
        const nlohmann::json* properties = feature.contains("properties") && feature["properties"].is_object() ? &feature["properties"] : nullptr;
        const nlohmann::json* geometry = feature.contains("geometry") && feature["geometry"].is_object() ? &feature["geometry"] : nullptr;
        if (!properties || !properties->contains("name") || !(*properties)["name"].is_string() || !geometry ||
            geometry->value("type", "") != "Point" || !geometry->contains("coordinates") || !(*geometry)["coordinates"].is_array() ||
            (*geometry)["coordinates"].size() < 2 || !(*geometry)["coordinates"][0].is_number() || !(*geometry)["coordinates"][1].is_number()) {
            problems.push_back({Severity::Error, codes::kFieldMissing, "a place needs a name and a Point", label, 0, 0, pointer, ""});
            continue;
        }
        GazetteerPlace place;
        place.name = (*properties)["name"].get<std::string>();
        place.ascii = properties->contains("ascii") && (*properties)["ascii"].is_string() ? (*properties)["ascii"].get<std::string>() : place.name;
        place.point = {(*geometry)["coordinates"][1].get<double>(), (*geometry)["coordinates"][0].get<double>()};
        if (properties->contains("population") && (*properties)["population"].is_number_integer())
            place.population = (*properties)["population"].get<std::int64_t>();
        if (properties->contains("rank") && (*properties)["rank"].is_number_integer()) place.rank = (*properties)["rank"].get<int>();
        place.source = source;
        m_keys.push_back(searchKey(place.ascii));
        m_places.push_back(std::move(place));
    }
    return problems;
}

std::vector<GazetteerPlace> Gazetteer::search(std::string_view query, std::size_t limit, std::optional<GeoPoint> near) const {
    const std::string wanted = searchKey(query);
    if (wanted.empty()) return {};
    struct Hit {
        std::size_t place;
        bool prefix;
        bool close;
    };
    constexpr double kCloseKm = 150.0;
    std::vector<Hit> hits;
    for (std::size_t i = 0; i < m_places.size(); ++i) {
        const std::size_t at = m_keys[i].find(wanted);
        if (at != std::string::npos) hits.push_back({i, at == 0, !near || greatCircleKm(*near, m_places[i].point) <= kCloseKm});
    }
    std::stable_sort(hits.begin(), hits.end(), [&](const Hit& a, const Hit& b) {
        if (a.prefix != b.prefix) return a.prefix;
        if (a.close != b.close) return a.close;
        const GazetteerPlace& pa = m_places[a.place];
        const GazetteerPlace& pb = m_places[b.place];
        if (pa.rank != pb.rank) return pa.rank < pb.rank;
        return pa.population > pb.population;
    });
    std::vector<GazetteerPlace> out;
    for (const Hit& hit : hits) {
        const GazetteerPlace& place = m_places[hit.place];
        // The same place named by two sources (the towns and GeoNames): listed once.
        const bool seen = std::any_of(out.begin(), out.end(), [&](const GazetteerPlace& other) {
            return greatCircleKm(other.point, place.point) < 2.0;
        });
        if (seen) continue;
        out.push_back(place);
        if (out.size() >= limit) break;
    }
    return out;
}

} // namespace atlas
