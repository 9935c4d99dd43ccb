// Builds the offline basemap layers under resources/basemap/ from Natural Earth 1:10m
// (npm package world-atlas, TopoJSON). Run: cd tools/basemap && npm ci && npm run build
//
// Output (GeoJSON, WGS84, coordinates rounded to 1e-4 degree ≈ 11 m, far below the 1:10m
// source accuracy of ~1 km):
//   countries.geojson  land polygons per country, clipped to the region (fills)
//   borders.geojson    land borders between countries (lines)
//   coastline.geojson  coastlines (lines)
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
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
