import json as _json
BORDER = _json.load(open(os.path.join(HERE, "..", "..", "resources", "basemap", "borders.geojson")))["features"][12]["geometry"]["coordinates"]
def ring(points):
    pts = [[round(x, 4), round(y, 4)] for x, y in points]
    if pts[0] != pts[-1]: pts.append(pts[0])
    return pts
def hist(date, status, sources, note="", precision="day"):
    h = {"date": date, "status": status, "sources": sources}
    if note: h["note"] = note
    if precision != "day": h["datePrecision"] = precision
    return h
def site(id, name, lat, lon, precision, placename, admin1, history, description):
    SITES.append({"id": id, "name": name, "kind": "observation_post", "operator": "turkey",
                  "place": {"lat": lat, "lon": lon, "precision": precision, "name": placename, "admin1": admin1},
                  "description": description, "history": history})

KAYHAN = src("Kayhan (AFP)", "Turkey evacuates outpost controlled by Syrian government", "2020-10-20", "http://kayhan.ir/en/news/84032/turkey-evacuates-outpost-controlled-by-syrian-government")
ALMON = src("Al-Monitor", "Turkey's withdrawal in Idlib may be omen of war", "2020-10", "https://www.al-monitor.com/originals/2020/10/turkey-syria-russia-turkish-withdrawal-safe-zone-war-omen.html")
ISW_FEB = src("ISWNews", "Turkey builds new military post near the city of Idlib + Turkish observation posts map", "2020-02-08", "https://english.iswnews.com/11164/turkey-builds-new-military-post-near-the-city-of-idlib-turkish-observation-posts-map/")
ISW_NOV = src("ISWNews", "Syria: Sher Mughar observation post start to evacuate", "2020-11-05", "https://english.iswnews.com/16124/syria-sher-mughar-observation-post-start-to-evacuate/")
NEF_DEC = src("nef2.com (ISWNews)", "Syria: Turkish army evacuated Andan observation post and started to evacuate al-Eis observation post", "2020-12-29", "http://forum.nef2.com/tag/al-eis-observation-post/")
SYRIALIZM = src("Syrializm", "The Turkish army evacuates the last outposts that are besieged by the Syrian army", "2020-12-18", "http://new.syrializm.com/2020/12/18/the-turkish-army-evacuates-the-last-outposts-that-are-besieged-by-the-syrian-army/")
NEF_JAN = src("nef2.com", "Syria: Turkish forces complete withdrawal from observation post in Tell Touqan", "2021-01-12", "http://forum.nef2.com/40741/")
IZWEST = src("izwest (SouthFront)", "Turkish forces evacuate one of their last posts within Damascus-controlled territory", "2021-01-13", "https://izwest.livejournal.com/8960478.html")
SOHR_POSTS = src("Syrian Observatory for Human Rights", "Turkey sets up new military post in Al-Kufayr", "2020", "https://www.syriahr.com/en/158239/")

site("op-morek", "Morek observation post", 35.37528, 36.68722, "near_town", "Morek", "Hama",
     [hist("2019-08-23", "encircled", [src("Wikipedia (ru), mirrored", "Мурек", "", "https://perceptionl.com/%D0%9C%D1%83%D1%80%D0%B5%D0%BA")],
           "Syrian government forces took Morek; the post was cut off inside government-held territory"),
      hist("2020-10-19", "evacuating", [ALMON], "evacuation began after midnight"),
      hist("2020-10-20", "evacuated", [KAYHAN, ALMON], "a large convoy left for Jabal al-Zawiya")],
     "Turkey's largest observation post in Hama province, one of the twelve set up under the Astana/Sochi arrangements (SOHR's list numbers it 9th). Placed at the town of Morek.")
site("op-surman", "Surman observation post", 35.5375, 36.784, "near_town", "Surman (about 15 km south-east of Maarat al-Numan)", "Idlib",
     [hist("2019-12-25", "encircled", [src(ALMASDAR, "Syrian army surrounds Turkish military post and ex-jihadist base in southern Idlib (video)", "2019-12-26", "https://www.almasdarnews.com/article/syrian-army-surrounds-turkish-military-post-and-ex-jihadist-base-in-southern-idlib-video/")],
           "Syrian army troops filmed about 2 km from the post said it was besieged"),
      hist("2020-12-21", "evacuated", [src(ALMASDAR, "Syrian forces officially take over Turkish military base in Idlib countryside", "2020-12-21", "https://www.almasdarnews.com/article/syrian-forces-officially-takes-over-turkish-military-base-in-idlib-countryside-photos/")],
           "Turkish forces removed the fortifications and left days before", "week"),
      hist("2020-12-21", "handed_over", [src(ALMASDAR, "Syrian forces officially take over Turkish military base in Idlib countryside", "2020-12-21", "https://www.almasdarnews.com/article/syrian-forces-officially-takes-over-turkish-military-base-in-idlib-countryside-photos/")],
           "Syrian army and National Defence Forces took over the post")],
     "Position estimated from SouthFront's description (15 km south-east of Maarat al-Numan); the post's own coordinates are not in the cited sources.")
site("op-tell-touqan", "Tell Touqan observation post", 35.864, 36.934, "near_town", "Tell Touqan (about 12 km east of Saraqib)", "Idlib",
     [hist("2020-02-08", "encircled", [ISW_FEB], "reported completely besieged by the Syrian army"),
      hist("2020-12-16", "evacuating", [SYRIALIZM, IZWEST], "evacuation began on Wednesday 16 December, towards Maarat al-Naasan"),
      hist("2021-01-12", "evacuated", [NEF_JAN, IZWEST], "withdrawal completed, escorted by Russian military police")],
     "Position estimated 12 km east of Saraqib on the road east (the village's distance from Saraqib in a published tour guide; Wikipedia lists Tell Touqan east of Saraqib).")
site("op-al-eis", "al-Eis observation post", 35.996389, 37.000556, "near_town", "al-Eis hill, south of Aleppo", "Aleppo",
     [hist("2020-02-08", "encircled", [src("ISWNews", "Tal al-Eis in south of Aleppo was liberated!", "2020-02-08", "https://english.iswnews.com/11171/tal-al-eis-in-south-of-aleppo-was-liberated/"), ISW_NOV],
           "the Syrian army took al-Eis hill; the post west of it was about to be cut off, and was listed as besieged in November", "week"),
      hist("2020-12-16", "evacuating", [SYRIALIZM, NEF_DEC], "evacuation reported begun on 16 December (Syrializm); ISWNews reported it starting by 29 December")],
     "Placed at the village of al-Eis (Wikipedia coordinates); the post stood at Hadhbat al-Khadra just west of it.")
site("op-andan", "Andan observation post", 36.29361, 37.04444, "near_town", "Anadan, north of Aleppo", "Aleppo",
     [hist("2020-02-16", "encircled", [src("Wikipedia (de), mirrored", "Anadan", "", "http://de.knowledgr.com/18858189/Anadan"), ISW_NOV],
           "the Syrian army retook the town of Anadan; the post was listed as besieged in November"),
      hist("2020-11-26", "evacuating", [NEF_RASHIDIN], "preparations to evacuate began", "week"),
      hist("2020-12-29", "evacuated", [NEF_DEC], "evacuation, begun about 30 days earlier, completed", "week")],
     "Placed at the town of Anadan (Wikipedia coordinates), south of Nubl and al-Zahra.")

PROTOCOL = src("Voltaire Network", "Additional Protocol to the Memorandum on Stabilization of the Situation in the Idlib De-escalation Area (text)", "2020-03-05", "https://www.voltairenet.org/article209431.html")
TABNAK = src("Tabnak (Sputnik)", "Russia and Turkey start joint patrol along M4 highway in Syria on Sunday", "2020-03-15", "https://www.tabnak.ir/fa/news/965949/russia-and-turkey-start-joint-patrol-along-m4-highway-in-syria-on-sunday")
OFFENSIVE = src("Wikipedia", "Northwestern Syria offensive (December 2019–March 2020)", "", "https://en.wikipedia.org/wiki/Northwestern_Syria_offensive_(December_2019%E2%80%93March_2020)")
SEED = src("Russia Monitor (Warsaw Institute)", "Russia Provokes Turkey In Syria's Idlib", "2020-10-28", "")
trumba = (P["Saraqib"][1] - 2 / 90.2, P["Saraqib"][0])
LINES.append({"id": "m4-security-corridor", "name": "M4 security corridor (Moscow protocol)", "kind": "security_corridor",
  "validFrom": "2020-03-06", "path": [[round(trumba[0], 4), trumba[1]], [P["Ariha"][1], P["Ariha"][0]], [P["Jisr al-Shughur"][1], P["Jisr al-Shughur"][0]]],
  "halfWidthKm": 6, "parties": ["russia", "turkey"], "approximate": True,
  "description": "Under the 5 March 2020 protocol, a corridor 6 km deep either side of the M4 highway, with joint Russian–Turkish patrols from 15 March between Trumba, 2 km west of Saraqib, and Ain al-Havr. Drawn schematically through Trumba, Ariha and Jisr al-Shughur; the stretch on to Ain al-Havr in Latakia province is not drawn because its coordinates are not in the cited sources.",
  "sources": [PROTOCOL, TABNAK]})
LINES.append({"id": "idlib-line-of-contact-2020-03-06", "name": "Line of contact frozen by the 6 March 2020 ceasefire (schematic)", "kind": "ceasefire_line",
  "validFrom": "2020-03-06", "parties": ["russia", "turkey", "syrian-government", "opposition-factions"], "approximate": True,
  "path": [[36.25, 35.70], [36.40, 35.66], [36.62, 35.70], [36.763, 35.884], [36.95, 36.10], [36.95, 36.27]],
  "description": "The protocol stopped all military action along the line of contact from 00:01 on 6 March 2020. This is a schematic trace, not a surveyed line: it runs between places documented as held by each side (government: Maarat al-Numan, taken 28 Jan; Saraqib, taken 5 Feb; al-Eis, 8 Feb; Anadan, 16 Feb — opposition: Jabal al-Zawiya and Ariha, Sarmin, Idlib, Jisr al-Shughur).",
  "sources": [PROTOCOL, OFFENSIVE]})

north_edge = BORDER[12:49]  # Natural Earth Syria–Turkey border from west of Jisr al-Shughur to Bab al-Hawa
AREAS.append({"id": "idlib-pocket-after-ceasefire", "name": "Opposition- and HTS-held north-west after the ceasefire (schematic)",
  "controller": "opposition-factions", "validFrom": "2020-03-06", "approximate": True,
  "rings": [ring(north_edge + [[36.95, 36.27], [36.95, 36.10], [36.763, 35.884], [36.62, 35.70], [36.40, 35.66], [36.25, 35.70], [36.12, 35.78]])],
  "description": "The enclave left to the opposition and HTS — roughly half of Idlib province with small parts of Hama, Aleppo and Latakia — after the offensive ended on 6 March 2020. Schematic: the northern edge is the Turkish border (Natural Earth), the southern and eastern edges follow the schematic line of contact; control inside was shared, with HTS dominant.",
  "sources": [SEED, OFFENSIVE, PROTOCOL]})
AREAS.append({"id": "idlib-pocket-before-maarat", "name": "Opposition- and HTS-held north-west before the fall of Maarat al-Numan (schematic)",
  "controller": "opposition-factions", "validFrom": "2020-01-01", "validTo": "2020-01-27", "approximate": True,
  "rings": [ring(north_edge + [[37.00, 36.27], [36.96, 36.00], [36.95, 35.85], [36.85, 35.70], [36.75, 35.55], [36.55, 35.52], [36.40, 35.55], [36.25, 35.60], [36.12, 35.78]])],
  "description": "The larger enclave at the start of 2020, still holding Maarat al-Numan (lost 28 Jan) and Saraqib (lost 5 Feb), with Khan Shaykhun and Morek already in government hands since August 2019. Schematic, drawn between places documented as held by each side; the fluid front of 28 Jan–5 Mar 2020 is not drawn.",
  "sources": [WIKI_2020, OFFENSIVE]})
afrin_edge = BORDER[51:116]  # border west and north of Afrin, then east along it to Jarabulus
AREAS.append({"id": "turkish-held-north-aleppo-2020", "name": "Turkish-held northern Aleppo: Afrin, Azaz, al-Bab, Jarabulus (schematic)",
  "controller": "turkey", "validFrom": "2020-01-01", "validTo": "2020-12-31", "approximate": True,
  "rings": [ring(afrin_edge + [[38.00, 36.55], [37.70, 36.45], [37.52, 36.30], [37.30, 36.40], [37.10, 36.56], [36.95, 36.45], [36.78, 36.28]])],
  "description": "Areas held by Turkish forces and the Turkey-backed Syrian National Army throughout 2020: Afrin (taken in March 2018), and al-Bab and Jarabulus (taken from the Islamic State in 2016–17). Schematic outline: the northern and western edges are the Turkish border (Natural Earth).",
  "sources": [src("Rudaw", "Deadly car bomb rocks Syria's Afrin", "2020-09-14", "https://rudaw.net/english/middleeast/syria/14092020-amp"),
              src("Wikipedia", "Afrin, Syria", "", "https://en.wikipedia.org/wiki/Afrin,_Syria"),
              src("Wikipedia", "Jarabulus", "", "https://en.wikipedia.org/wiki/Jarabulus")]})
_by_id = {e["id"]: e for e in E}
_by_id["rebel-retaliation-shelling-2020-10-27"]["links"] = [{"relation": "retaliation_for", "event": "kafr-takharim-strike-2020-10-26"}]
_by_id["nlf-vows-revenge-2020-10-26"]["links"] = [{"relation": "follow_up_to", "event": "kafr-takharim-strike-2020-10-26"}]
_by_id["saa-shells-al-bara-2020-11-18"]["links"] = [{"relation": "retaliation_for", "event": "hts-shells-saa-jabal-al-zawiya-2020-11-18"}]
_by_id["surman-post-taken-over-2020-12-21"]["links"] = [{"relation": "part_of", "event": "morek-post-evacuated-2020-10-20"}]
_by_id["sher-mughar-withdrawal-begins-2020-10-29"]["links"] = [{"relation": "part_of", "event": "morek-post-evacuated-2020-10-20"}]
