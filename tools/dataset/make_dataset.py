"""Builds resources/data/idlib-2020.atlas.json from events.py and situation.py.

The curated facts live in events.py (incidents) and situation.py (posts, lines, areas);
this script only assembles them, checks ids are unique and writes the native file.
Run: python3 tools/dataset/make_dataset.py
"""
import json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "resources", "data", "idlib-2020.atlas.json")
P = {  # place name -> (lat, lon) from notes/places.txt (Wikipedia infoboxes)
 "Kafr Takharim": (36.11639, 36.51472), "Morek": (35.37528, 36.68722), "Hama": (35.135, 36.75),
 "Saraqib": (35.86361, 36.80056), "Maarat al-Numan": (35.633, 36.667), "Jisr al-Shughur": (35.81259, 36.31761),
 "Idlib": (35.933, 36.633), "Khan Shaykhun": (35.43889, 36.65111), "Ariha": (35.817, 36.6),
 "Antakya": (36.2025, 36.16056), "Latakia": (35.517, 35.783), "Bab al-Hawa": (36.230639, 36.692639),
 "Aleppo": (36.217, 37.167), "al-Bab": (36.3725, 37.5178), "Sarmin": (35.90333, 36.72583),
 "Sarmada": (36.183, 36.717), "Jarabulus": (36.8175, 38.0111),
}

def src(publisher, title, date, url): return {"publisher": publisher, "title": title, "date": date, "url": url}
def count(q=None, low=None, high=None):
    if q is None: return {"qualifier": "unknown"}
    d = {"qualifier": q, "low": low}
    if high is not None: d["high"] = high
    return d
def place(anchor, name, precision, admin1, admin2=""):
    lat, lon = P[anchor]
    d = {"lat": lat, "lon": lon, "precision": precision, "name": name, "admin1": admin1}
    if admin2: d["admin2"] = admin2
    return d

actors = [
 {"id": "russia", "name": "Russian Armed Forces", "side": "russian_forces", "aliases": ["Russia"]},
 {"id": "russian-air-force", "name": "Russian Aerospace Forces", "side": "russian_forces", "parent": "russia", "aliases": ["Russian Air Force", "VKS"]},
 {"id": "syrian-government", "name": "Syrian government forces", "side": "pro_government", "aliases": ["regime forces", "Assad government forces"]},
 {"id": "syrian-arab-army", "name": "Syrian Arab Army", "side": "pro_government", "parent": "syrian-government", "aliases": ["SAA"]},
 {"id": "syrian-air-force", "name": "Syrian Arab Air Force", "side": "pro_government", "parent": "syrian-government", "aliases": ["SyAAF"]},
 {"id": "national-defence-forces", "name": "National Defence Forces", "side": "pro_government", "parent": "syrian-government", "aliases": ["NDF"]},
 {"id": "pro-government-militias", "name": "Pro-government militias", "side": "pro_government", "parent": "syrian-government", "aliases": ["Damascus-loyal militias"]},
 {"id": "turkey", "name": "Turkish Armed Forces", "side": "turkish_forces", "aliases": ["Turkish military", "TSK"]},
 {"id": "nlf", "name": "National Liberation Front", "side": "opposition", "aliases": ["National Front for Liberation", "NFL", "al-Jabha al-Wataniya lil-Tahrir"]},
 {"id": "faylaq-al-sham", "name": "Faylaq al-Sham", "side": "opposition", "parent": "nlf", "aliases": ["Failaq al-Sham", "Sham Legion", "al-Sham Corps"]},
 {"id": "opposition-factions", "name": "Opposition factions (unspecified)", "side": "opposition", "aliases": ["rebel factions", "Turkish-backed factions"]},
 {"id": "hts", "name": "Hayat Tahrir al-Sham", "side": "jihadist", "aliases": ["HTS", "Hay'at Tahrir al-Sham"]},
 {"id": "hurras-al-din", "name": "Hurras al-Din", "side": "jihadist", "aliases": ["Huras al-Din", "Horas al-Din", "Guardians of Religion"]},
 {"id": "us-coalition", "name": "US-led coalition", "side": "other", "aliases": ["US Central Command", "CENTCOM"]},
 {"id": "unidentified", "name": "Unidentified perpetrators", "side": "unknown"},
 {"id": "civilians", "name": "Civilians", "side": "unknown"},
]

E = []
SITES, LINES, AREAS = [], [], []
def ev(**k):
    k.setdefault("datePrecision", "day"); k.setdefault("targets", []); k.setdefault("killed", count()); k.setdefault("wounded", count())
    k.setdefault("civilianTargeting", False); k.setdefault("tags", [])
    E.append(k)

WIKI_2020 = src("Wikipedia", "Timeline of the Syrian civil war (2020)", "", "https://en.wikipedia.org/wiki/Timeline_of_the_Syrian_civil_war_(2020)")
exec(open(os.path.join(HERE, "events.py")).read())
exec(open(os.path.join(HERE, "situation.py")).read())

doc = {"format": "conflict-atlas", "version": 1,
 "metadata": {"title": "North-west Syria, 2020: Idlib, Hama and Aleppo",
   "description": "Incidents in north-west Syria in 2020, centred on the Idlib events of October 2020: the Russian strike on the Faylaq al-Sham camp at Jabal Duwayli near Kafr Takharim (26 Oct), the rebel retaliation, shelling of southern Idlib and northern Hama, and the Turkish evacuation of the observation post at Morek. Every event cites the public reports it is taken from; figures are as reported, with their qualifiers. Events known only to a district or governorate are placed at a representative town and marked so in place.precision.",
   "licence": "Compiled facts with citations; dataset CC0. The cited reports remain their publishers'.",
   "provenance": "Compiled for Conflict Atlas from the cited public sources (news reports, monitoring groups, Wikipedia), read 2026-11-25. Coordinates from Wikipedia infoboxes of the named places; see resources/basemap/towns.geojson."},
 "actors": actors, "sites": SITES, "lines": LINES, "areas": AREAS,
 "events": sorted(E, key=lambda e: (e["date"], e["id"]))}
ids = [e["id"] for e in E]; assert len(ids) == len(set(ids)), "duplicate ids"
json.dump(doc, open(OUT, "w"), indent=2, ensure_ascii=False)
print(len(E), "events")
