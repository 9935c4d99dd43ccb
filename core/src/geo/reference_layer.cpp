#include "atlas/geo/reference_layer.h"

#include <algorithm>

namespace atlas {

namespace {

std::string lowered(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

} // namespace

int guessLabelField(const std::vector<std::string>& fields) {
    if (fields.empty()) return -1;
    std::vector<std::string> names;
    names.reserve(fields.size());
    for (const std::string& field : fields) names.push_back(lowered(field));
    // OCHA's boundaries name each level: ADM0_EN … ADM4_EN; a file of districts carries its
    // governorate's too, so the deepest level is the feature's own name.
    int best = -1, bestLevel = -1;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string& n = names[i];
        if (n.size() == 7 && n.starts_with("adm") && n.ends_with("_en") && n[3] >= '0' && n[3] <= '9' && n[3] - '0' > bestLevel) {
            bestLevel = n[3] - '0';
            best = static_cast<int>(i);
        }
    }
    if (best >= 0) return best;
    for (const char* wanted : {"shapename", "name_en", "name"}) {
        const auto found = std::find(names.begin(), names.end(), wanted);
        if (found != names.end()) return static_cast<int>(found - names.begin());
    }
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i].find("name") != std::string::npos) return static_cast<int>(i);
    return 0;
}

int ReferenceLayer::fieldIndex(const std::string& wanted) const {
    const std::string key = lowered(wanted);
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (lowered(fields[i]) == key) return static_cast<int>(i);
    return -1;
}

std::string ReferenceLayer::label(std::size_t feature, int field) const {
    if (field == -2) field = labelField;
    const ReferenceFeature& f = features.at(feature);
    if (field >= 0 && static_cast<std::size_t>(field) < f.values.size() && !f.values[static_cast<std::size_t>(field)].empty())
        return f.values[static_cast<std::size_t>(field)];
    return "feature " + std::to_string(f.fid);
}

std::size_t ReferenceLayer::areaCount() const {
    return static_cast<std::size_t>(std::count_if(features.begin(), features.end(), [](const ReferenceFeature& f) { return f.isArea(); }));
}

std::vector<GeoPolygon> ReferenceLayer::polygons() const {
    std::vector<GeoPolygon> result;
    result.reserve(features.size());
    for (const ReferenceFeature& f : features) result.push_back(f.area);
    return result;
}

GeoPolygon ReferenceLayer::allAreas() const {
    GeoPolygon all;
    for (const ReferenceFeature& f : features) all.rings.insert(all.rings.end(), f.area.rings.begin(), f.area.rings.end());
    return all;
}

std::optional<std::size_t> ReferenceLayer::findFeature(const std::string& wanted) const {
    const std::string key = lowered(wanted);
    for (std::size_t i = 0; i < features.size(); ++i)
        if (lowered(label(i)) == key) return i;
    for (std::size_t i = 0; i < features.size(); ++i)
        for (const std::string& value : features[i].values)
            if (lowered(value) == key) return i;
    return std::nullopt;
}

} // namespace atlas
