#pragma once

// Shared by the tests of the formats that carry the whole model (native, GeoPackage).

// A document with every kind of object, unknown fields sprinkled everywhere, and the events
// section before the actors it refers to.
inline const char* const kFullDocument = R"({
  "format": "conflict-atlas",
  "version": 1,
  "x-root": {"kept": true},
  "events": [
    {"id": "strike", "type": "air_strike", "date": "2020-10-26", "place": {"lat": 36.1, "lon": 36.5, "x-place": 1},
     "perpetrators": ["ru"], "killed": {"qualifier": "more_than", "low": 78, "x-count": "a"},
     "sources": [{"publisher": "P", "title": "T", "date": "2020-10-28", "url": "u", "x-source": [1, 2]}],
     "x-event": {"nested": [1, "two"]}},
    {"id": "reply", "type": "shelling", "date": "2020-10-27", "place": {"lat": 35.8, "lon": 36.6},
     "perpetrators": ["nlf"], "links": [{"relation": "retaliation_for", "event": "strike", "x-link": null}], "sources": []}
  ],
  "metadata": {"title": "Full", "x-meta": 3},
  "actors": [
    {"id": "ru", "name": "Russian Aerospace Forces", "side": "russian_forces", "x-actor": "r"},
    {"id": "nlf", "name": "National Liberation Front", "side": "opposition"},
    {"id": "fas", "name": "Faylaq al-Sham", "parent": "nlf"},
    {"id": "tr", "name": "Turkish Armed Forces", "side": "turkish_forces"}
  ],
  "sites": [
    {"id": "morek", "name": "Morek observation post", "kind": "observation_post", "operator": "tr",
     "place": {"lat": 35.375, "lon": 36.687, "precision": "near_town"}, "x-site": 1,
     "history": [
       {"date": "2018-04-07", "status": "established", "sources": []},
       {"date": "2019-08-23", "status": "encircled", "sources": [], "x-change": 2},
       {"date": "2020-10-20", "status": "evacuated", "note": "convoy left overnight", "sources": []}]}
  ],
  "lines": [
    {"id": "m4", "name": "M4 security corridor", "kind": "security_corridor", "validFrom": "2020-03-06",
     "path": [[36.77, 35.86], [36.6, 35.82], [36.32, 35.81]], "halfWidthKm": 6, "parties": ["ru", "tr"],
     "approximate": true, "sources": [], "x-line": "l"}
  ],
  "areas": [
    {"id": "north", "name": "Opposition-held Idlib", "controller": "nlf", "validFrom": "2020-03-06", "validTo": "2020-12-31",
     "rings": [[[36.2, 35.7], [36.9, 35.7], [36.9, 36.3], [36.2, 36.3], [36.2, 35.7]]], "approximate": true,
     "sources": [], "x-area": {}}
  ]
})";
