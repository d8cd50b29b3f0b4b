/**
 * Locator maps, drawn at build time (never on a page) from Natural Earth outlines (world-atlas): the
 * country filled in its region, or a place as a dot in its country. Output is SVG path data with whole
 * numbers in a small viewBox, so a card draws it with two <path> elements and the pack stays small.
 */
import { geoArea, geoBounds, geoEqualEarth, geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { EntityMap } from '../pack-format/types';

export const MAP_WIDTH = 128;
export const MAP_HEIGHT = 88;
/** Degrees of longitude a map shows at most. */
const MAX_SPAN = 130;

export interface Atlas {
  /** Country outlines by ISO 3166-1 numeric code ("642"). */
  byCode: Map<string, Feature<Geometry>>;
  all: FeatureCollection<Geometry>;
}

export function loadAtlas(topology: unknown): Atlas {
  const topo = topology as Topology<{ countries: GeometryCollection }>;
  const all = feature(topo, topo.objects.countries) as FeatureCollection<Geometry>;
  const byCode = new Map<string, Feature<Geometry>>();
  for (const f of all.features) if (f.id !== undefined) byCode.set(String(f.id), f);
  return { byCode, all };
}

/** Longitude/latitude box of the area shown: the focus, widened so its neighbours show, at least `minSpan` degrees. */
function areaAround([[west, south], [east, north]]: [[number, number], [number, number]], minSpan: number): [[number, number], [number, number]] {
  // A box across the antimeridian (Russia, Fiji) is shown around its larger side's centre.
  if (east < west) east += 360;
  // The largest countries are shown to a regional scale, not the whole globe (Russia, Canada).
  const spanX = Math.min(Math.max(east - west, minSpan) * 1.8, MAX_SPAN);
  const spanY = Math.min(Math.max(north - south, minSpan * 0.7) * 1.8, MAX_SPAN * 0.6);
  const cx = (west + east) / 2;
  const cy = Math.max(-70, Math.min(75, (south + north) / 2));
  return [[cx - spanX / 2, Math.max(-85, cy - spanY / 2)], [cx + spanX / 2, Math.min(85, cy + spanY / 2)]];
}

function projectionFor(area: [[number, number], [number, number]]): GeoProjection {
  const [[w, s], [e, n]] = area;
  const box: Feature<Geometry> = { type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: [[w, s], [e, n], [w, n], [e, s], [(w + e) / 2, s], [(w + e) / 2, n]] } };
  // Whole-world views read better in Equal Earth; regions in Mercator, which keeps familiar shapes.
  const projection = e - w > 150 ? geoEqualEarth() : geoMercator();
  projection.rotate([-(w + e) / 2, 0]);
  return projection.fitExtent([[1, 1], [MAP_WIDTH - 1, MAP_HEIGHT - 1]], box).clipExtent([[0, 0], [MAP_WIDTH, MAP_HEIGHT]]);
}

/**
 * Whole-number path data without what a small map cannot show: repeated points (outlines collapse onto the
 * same pixel) and rings left with fewer than three points. Points after a ring's first are written as
 * implicit line-tos.
 */
export function compactPath(d: string): string {
  const rings: string[] = [];
  for (const ring of d.split('M').slice(1)) {
    const closed = ring.endsWith('Z');
    const points: string[] = [];
    for (const pair of (closed ? ring.slice(0, -1) : ring).split('L')) if (pair !== points[points.length - 1]) points.push(pair);
    if (closed && points.length > 1 && points[0] === points[points.length - 1]) points.pop();
    if (points.length < 3) continue;
    rings.push(`M${points.join(' ')}${closed ? 'Z' : ''}`);
  }
  return rings.join('');
}

/** Path data on a grid of `step` units: the land around is context, drawn coarser than the entity itself. */
function pathOf(projection: GeoProjection, geometry: Feature<Geometry> | FeatureCollection<Geometry>, step = 1): string {
  const d = geoPath(projection).digits(0)(geometry) ?? '';
  return compactPath(step === 1 ? d : d.replace(/-?\d+/g, (n) => String(Math.round(Number(n) / step) * step)));
}

const LAND_STEP = 2;

const SMALLEST_SPAN = 6;

/** The part of a country the map centres on: its largest polygon (France, not France with French Guiana). */
function mainPart(country: Feature<Geometry>): Feature<Geometry> {
  const g = country.geometry;
  if (g.type !== 'MultiPolygon' || g.coordinates.length < 2) return country;
  let best = g.coordinates[0] as typeof g.coordinates[number];
  let bestArea = -1;
  for (const polygon of g.coordinates) {
    const area = geoArea({ type: 'Polygon', coordinates: polygon });
    if (area > bestArea) {
      bestArea = area;
      best = polygon;
    }
  }
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: best } };
}

/**
 * A country filled among its neighbours, with an optional dot at [longitude, latitude]. A country the atlas
 * lacks (too small for it) is shown as the area `pad` degrees around `around`.
 */
function locatorMap(atlas: Atlas, code: string, around: [number, number], pad: number, point: [number, number] | undefined, alt: string): EntityMap {
  const country = atlas.byCode.get(code);
  const bounds = country ? geoBounds(mainPart(country)) : [[around[0] - pad, around[1] - pad], [around[0] + pad, around[1] + pad]];
  const projection = projectionFor(areaAround(bounds as [[number, number], [number, number]], SMALLEST_SPAN));
  const dot = point ? projection(point) : null;
  return {
    viewBox: `0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`,
    land: pathOf(projection, { type: 'FeatureCollection', features: atlas.all.features.filter((f) => f !== country) }, LAND_STEP),
    focus: country ? pathOf(projection, country) : '',
    ...(dot ? { dot: [Math.round(dot[0]), Math.round(dot[1])] as [number, number] } : {}),
    alt,
  };
}

/**
 * A country's map: its capital as a dot when its place is known; a country the atlas lacks is a dot at its
 * `latlng` ([latitude, longitude], as world-countries gives it).
 */
export function countryMap(atlas: Atlas, code: string, latlng: [number, number], alt: string, capital?: [number, number]): EntityMap {
  const centre: [number, number] = [latlng[1], latlng[0]];
  return locatorMap(atlas, code, centre, 1, capital ?? (atlas.byCode.has(code) ? undefined : centre), alt);
}

/** A place's map: a dot at [longitude, latitude] in its country. */
export function placeMap(atlas: Atlas, countryCode: string, where: [number, number], alt: string): EntityMap {
  return locatorMap(atlas, countryCode, where, 2, where, alt);
}
