#include "atlas/io/situation_report.h"

#include "atlas/model/vocabulary.h"

#include <nlohmann/json.hpp>

namespace atlas {

namespace {

using Json = nlohmann::ordered_json;

Json position(GeoPoint p) { return Json::array({p.longitude, p.latitude}); }

Json sourcesOf(const std::vector<SourceReference>& sources) {
    Json out = Json::array();
    for (const SourceReference& s : sources)
        out.push_back(Json{{"publisher", s.publisher}, {"title", s.title}, {"date", s.date}, {"url", s.url}});
    return out;
}

Json validity(const Validity& v) {
    return Json{{"validFrom", v.from.toString()}, {"validTo", v.to ? Json(v.to->toString()) : Json(nullptr)}};
}

struct Report {
    Json sites = Json::array(), lines = Json::array(), areas = Json::array();
    std::vector<GeoPoint> sitePoints;
    std::vector<Json> linePaths, areaRings;
};

Report reportOn(const Dataset& dataset, Date day) {
    Report report;
    const Situation situation = dataset.situationOn(day);
    for (const Situation::SiteState& state : situation.sites) {
        const Site& site = *state.site;
        // The change in force: the last one on or before the day.
        const SiteStatusChange* since = nullptr;
        for (const SiteStatusChange& change : site.history)
            if (change.date <= day) since = &change;
        Json entry{{"id", site.id},
                   {"name", site.name},
                   {"kind", std::string(toKey(site.kind))},
                   {"operator", site.operatorId},
                   {"status", std::string(toKey(state.status))},
                   {"since", since ? Json(since->date.toString()) : Json(nullptr)},
                   {"note", since ? since->note : std::string()},
                   {"sources", since ? sourcesOf(since->sources) : Json::array()}};
        report.sites.push_back(std::move(entry));
        report.sitePoints.push_back(site.place.point);
    }
    for (const Line* line : situation.lines) {
        Json entry{{"id", line->id}, {"name", line->name}, {"kind", std::string(toKey(line->kind))}};
        entry.update(validity(line->validity));
        entry["halfWidthKm"] = line->halfWidthKm;
        entry["approximate"] = line->approximate;
        Json path = Json::array();
        for (const GeoPoint& p : line->path) path.push_back(position(p));
        report.lines.push_back(std::move(entry));
        report.linePaths.push_back(std::move(path));
    }
    for (const Area* area : situation.areas) {
        Json entry{{"id", area->id}, {"name", area->name}, {"controller", area->controller}};
        entry.update(validity(area->validity));
        entry["approximate"] = area->approximate;
        Json rings = Json::array();
        for (const auto& ring : area->rings) {
            Json r = Json::array();
            for (const GeoPoint& p : ring) r.push_back(position(p));
            rings.push_back(std::move(r));
        }
        report.areas.push_back(std::move(entry));
        report.areaRings.push_back(std::move(rings));
    }
    return report;
}

} // namespace

void writeSituationJson(const Dataset& dataset, Date day, std::ostream& out) {
    Report report = reportOn(dataset, day);
    for (std::size_t i = 0; i < report.sites.size(); ++i) {
        report.sites[i]["latitude"] = report.sitePoints[i].latitude;
        report.sites[i]["longitude"] = report.sitePoints[i].longitude;
    }
    for (std::size_t i = 0; i < report.lines.size(); ++i) report.lines[i]["path"] = report.linePaths[i];
    for (std::size_t i = 0; i < report.areas.size(); ++i) report.areas[i]["rings"] = report.areaRings[i];
    out << Json{{"date", day.toString()}, {"sites", report.sites}, {"lines", report.lines}, {"areas", report.areas}}.dump(2) << "\n";
}

void writeSituationGeoJson(const Dataset& dataset, Date day, std::ostream& out) {
    const Report report = reportOn(dataset, day);
    Json features = Json::array();
    auto feature = [&](const char* layer, Json properties, Json geometry) {
        Json props{{"layer", layer}};
        props.update(properties);
        features.push_back(Json{{"type", "Feature"}, {"properties", props}, {"geometry", geometry}});
    };
    for (std::size_t i = 0; i < report.sites.size(); ++i)
        feature("site", report.sites[i], Json{{"type", "Point"}, {"coordinates", position(report.sitePoints[i])}});
    for (std::size_t i = 0; i < report.lines.size(); ++i)
        feature("line", report.lines[i], Json{{"type", "LineString"}, {"coordinates", report.linePaths[i]}});
    for (std::size_t i = 0; i < report.areas.size(); ++i)
        feature("area", report.areas[i], Json{{"type", "Polygon"}, {"coordinates", report.areaRings[i]}});
    out << Json{{"type", "FeatureCollection"}, {"date", day.toString()}, {"features", features}}.dump() << "\n";
}

} // namespace atlas
