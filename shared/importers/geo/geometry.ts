/**
 * Geometry for the buurt map: WKB (GeoPackage binary), TopoJSON (topojson-client), RD New → WGS84, simplification
 * that keeps shared borders (topojson-server, topojson-simplify). Everything ends as GeoJSON (Multi)Polygon
 * coordinates in WGS84 (longitude, latitude), rounded to 6 decimals (about 10 cm).
 */
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify, type Triangle } from 'topojson-simplify';
import type { GeometryCollection as GeoJsonCollection } from 'geojson';
import type { GeometryCollection, MultiPolygon as TopoMultiPolygon, Objects, Topology } from 'topojson-specification';

export type Ring = [number, number][];
export type Polygon = Ring[];
/** Always a MultiPolygon in the project: a list of polygons, each a list of rings. */
export type MultiPolygon = Polygon[];

/**
 * RD New (EPSG:28992, metres) to WGS84 degrees with the approximation of Schreutelaar and Strang van Hees (the
 * "benaderingsformules" published by Kadaster): better than a metre within the Netherlands, enough for a buurt map.
 * Hand-written: one fixed projection in two published sums; proj4 would bring every projection for this one.
 */
export function rdToWgs84(x: number, y: number): [number, number] {
  const dX = (x - 155000) * 1e-5;
  const dY = (y - 463000) * 1e-5;
  const sumN =
    3235.65389 * dY -
    32.58297 * dX ** 2 -
    0.2475 * dY ** 2 -
    0.84978 * dX ** 2 * dY -
    0.0655 * dY ** 3 -
    0.01709 * dX ** 2 * dY ** 2 -
    0.00738 * dX +
    0.0053 * dX ** 4 -
    0.00039 * dX ** 2 * dY ** 3 +
    0.00033 * dX ** 4 * dY -
    0.00012 * dX * dY;
  const sumE =
    5260.52916 * dX +
    105.94684 * dX * dY +
    2.45656 * dX * dY ** 2 -
    0.81885 * dX ** 3 +
    0.05594 * dX * dY ** 3 -
    0.05607 * dX ** 3 * dY +
    0.01199 * dY -
    0.00256 * dX ** 3 * dY ** 2 +
    0.00128 * dX * dY ** 4 +
    0.00022 * dY ** 2 -
    0.00022 * dX ** 2 +
    0.00026 * dX ** 5;
  return [5.38720621 + sumE / 3600, 52.1551744 + sumN / 3600];
}

/** Reads a GeoPackage geometry blob (header "GP" + envelope + WKB) or plain WKB; returns its polygons. */
export function readGpkgGeometry(blob: Uint8Array): MultiPolygon {
  if (blob[0] === 0x47 && blob[1] === 0x50) {
    const flags = blob[3]!;
    const envelope = [0, 32, 48, 48, 64][(flags >> 1) & 7] ?? 0;
    return readWkb(blob, 8 + envelope);
  }
  return readWkb(blob, 0);
}

/**
 * WKB Polygon / MultiPolygon (also with Z or M, ISO or EWKB-style type codes). Other types give no polygons.
 * Hand-written: two geometry types of a fixed binary layout, read with a DataView; no library needed for these.
 */
export function readWkb(bytes: Uint8Array, offset: number): MultiPolygon {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = offset;
  const readGeometry = (): MultiPolygon => {
    const little = view.getUint8(pos) === 1;
    pos += 1;
    let type = view.getUint32(pos, little);
    pos += 4;
    let dims = 2;
    if (type & 0x80000000) dims++; // EWKB Z
    if (type & 0x40000000) dims++; // EWKB M
    if (type & 0x20000000) pos += 4; // EWKB SRID
    type &= 0x0fffffff;
    if (type > 1000) {
      dims += type >= 3000 ? 2 : 1;
      type %= 1000;
    }
    const point = (): [number, number] => {
      const x = view.getFloat64(pos, little);
      const y = view.getFloat64(pos + 8, little);
      pos += 8 * dims;
      return [x, y];
    };
    const ring = (): Ring => {
      const n = view.getUint32(pos, little);
      pos += 4;
      return Array.from({ length: n }, point);
    };
    const polygon = (): Polygon => {
      const n = view.getUint32(pos, little);
      pos += 4;
      return Array.from({ length: n }, ring);
    };
    if (type === 3) return [polygon()];
    if (type === 6 || type === 7) {
      const n = view.getUint32(pos, little);
      pos += 4;
      const out: MultiPolygon = [];
      for (let i = 0; i < n; i++) for (const p of readGeometry()) out.push(p);
      return out;
    }
    throw new Error(`WKB type ${type} is not a polygon`);
  };
  return readGeometry();
}

// ---------------------------------------------------------------- untrusted shapes

/**
 * One shape that cannot be taken in, with the i18n code (under "geo.") and parameters that say why. Thrown by the
 * readers below and caught per feature by the importer, so one bad shape is named and never breaks the others.
 */
export class VlakFout extends Error {
  constructor(
    readonly code: string,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(code);
  }
}

/** At most this many points in one shape (a CBS buurt has a few thousand; a TopoJSON can repeat an arc endlessly). */
export const MAX_PUNTEN = 1_000_000;

export interface Bereik {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}
/** RD New (EPSG:28992) in metres: where the Netherlands lies in it. */
export const RD_BEREIK: Bereik = { minX: 0, minY: 289_000, maxX: 300_000, maxY: 629_000 };
/** WGS84 around the European Netherlands (longitude, latitude), with a margin. */
export const NL_BEREIK: Bereik = { minX: 2.5, minY: 50.5, maxX: 7.6, maxY: 54 };

const getal = (v: number) => (Number.isFinite(v) ? String(Math.round(v * 1e6) / 1e6) : String(v));

/** The first point outside the range, written as "x, y"; null when every point lies in it. */
export function buiten(mp: MultiPolygon, b: Bereik): string | null {
  for (const polygon of mp) {
    for (const ring of polygon) {
      for (const [x, y] of ring) {
        if (!(x >= b.minX && x <= b.maxX && y >= b.minY && y <= b.maxY)) return `${getal(x)}, ${getal(y)}`;
      }
    }
  }
  return null;
}

/** A position of an untrusted file: two finite numbers (a third, the height, is ignored). */
function punt(p: unknown): [number, number] {
  if (!Array.isArray(p) || p.length < 2) throw new VlakFout('geo.vorm-ongeldig');
  const [x, y] = p as unknown[];
  for (const v of [x, y]) {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new VlakFout('geo.coordinaat-ongeldig', { waarde: JSON.stringify(v) ?? String(v) });
    }
  }
  return [x as number, y as number];
}

function lijst(v: unknown): unknown[] {
  if (!Array.isArray(v)) throw new VlakFout('geo.vorm-ongeldig');
  return v;
}

/** GeoJSON Polygon or MultiPolygon coordinates from an untrusted file: checked, never trusted. */
export function geoJsonVlakken(type: 'Polygon' | 'MultiPolygon', coordinates: unknown): MultiPolygon {
  let n = 0;
  const ring = (r: unknown): Ring => {
    const pts = lijst(r);
    n += pts.length;
    if (n > MAX_PUNTEN) throw new VlakFout('geo.te-veel-punten', { max: MAX_PUNTEN });
    return pts.map(punt);
  };
  const polygon = (p: unknown): Polygon => lijst(p).map(ring);
  return type === 'Polygon' ? [polygon(coordinates)] : lijst(coordinates).map(polygon);
}

/** A TopoJSON document as read: nothing in it trusted yet. */
interface TopoDoc {
  readonly arcs?: unknown;
  readonly transform?: unknown;
}

/**
 * Checks what topojson-client takes on trust before it decodes anything: a list of arcs, and a transform (quantised
 * arcs) of two numbers each. Throws VlakFout when the topology itself is unusable. Returns, per arc, whether it is a
 * list of positions, so that only the shapes using a bad arc are refused.
 */
export function checkTopology(topo: TopoDoc): boolean[] {
  const arcs = topo.arcs;
  if (!Array.isArray(arcs)) throw new VlakFout('geo.vorm-ongeldig');
  if (topo.transform !== undefined && topo.transform !== null) {
    const tr = topo.transform as { scale?: unknown; translate?: unknown };
    const [sx, sy] = Array.isArray(tr.scale) ? (tr.scale as unknown[]) : [];
    const [tx, ty] = Array.isArray(tr.translate) ? (tr.translate as unknown[]) : [];
    if (![sx, sy, tx, ty].every((v) => typeof v === 'number' && Number.isFinite(v))) {
      throw new VlakFout('geo.vorm-ongeldig');
    }
  }
  return (arcs as unknown[]).map((arc) => Array.isArray(arc) && arc.every((p) => Array.isArray(p)));
}

/**
 * A TopoJSON Polygon or MultiPolygon as coordinates, decoded by topojson-client (the transform, reversed arcs ~i,
 * arcs joined into rings) after the checks it does not make: throws VlakFout for an arc index that is not a whole
 * number or names no usable arc (null, absurd, past the end), for a shape of more than MAX_PUNTEN points (counted
 * before anything is unrolled), and for a point that does not decode to two finite numbers.
 */
export function topoGeometry(
  topo: TopoDoc,
  bruikbaar: readonly boolean[],
  geometry: { readonly type: string; readonly arcs?: unknown },
): MultiPolygon {
  const arcs = topo.arcs as readonly (readonly unknown[])[];
  let n = 0;
  const ring = (indices: unknown): number[] => {
    const out: number[] = [];
    for (const i of lijst(indices)) {
      const index = typeof i === 'number' && Number.isInteger(i) ? (i >= 0 ? i : ~i) : -1;
      if (!(index >= 0 && index < arcs.length && bruikbaar[index])) {
        throw new VlakFout('geo.boog-ongeldig', { boog: JSON.stringify(i) ?? String(i) });
      }
      n += arcs[index]!.length;
      if (n > MAX_PUNTEN) throw new VlakFout('geo.te-veel-punten', { max: MAX_PUNTEN });
      out.push(i as number);
    }
    return out;
  };
  // A ring without arcs is no ring (topojson-client would make one of an undefined point).
  const polygon = (p: unknown): number[][] =>
    lijst(p)
      .map(ring)
      .filter((r) => r.length > 0);
  const checked =
    geometry.type === 'Polygon'
      ? [polygon(geometry.arcs)]
      : geometry.type === 'MultiPolygon'
        ? lijst(geometry.arcs).map(polygon)
        : [];
  const shape: TopoMultiPolygon = { type: 'MultiPolygon', arcs: checked };
  return feature(topo as Topology, shape).geometry.coordinates.map((p) => p.map((r) => r.map(punt)));
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * WGS84 (projected first when `project` is given), rounded to 6 decimals, a point repeated right after itself
 * dropped, every ring closed; a ring of fewer than 4 points left is dropped, and a polygon whose outer ring is. A
 * point that is not two finite numbers is a VlakFout: dropping it would silently change the shape.
 */
export function naarWgs84(mp: MultiPolygon, project: ((x: number, y: number) => [number, number]) | null) {
  const out: MultiPolygon = [];
  for (const polygon of mp) {
    const rings: Ring[] = [];
    for (const [i, r] of lijst(polygon).entries()) {
      const ring: Ring = [];
      for (const p of lijst(r)) {
        const [x, y] = project ? project(...punt(p)) : punt(p);
        const q: [number, number] = [round6(x), round6(y)];
        const last = ring[ring.length - 1];
        if (!last || last[0] !== q[0] || last[1] !== q[1]) ring.push(q);
      }
      // A ring that does not end where it starts is closed (topojson-server takes every ring for closed).
      const [first, last] = [ring[0], ring[ring.length - 1]];
      if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push(first);
      if (ring.length >= 4) rings.push(ring);
      else if (i === 0) break;
    }
    if (rings.length) out.push(rings);
  }
  return out;
}

/** Metres per degree of latitude, and of longitude at the equator (it shrinks with the cosine of the latitude). */
const M_PER_GRAAD_NB = 110_574;
const M_PER_GRAAD_OL = 111_320;

/**
 * How far the middle point of a triangle of WGS84 points lies from the line between the other two, in metres (flat,
 * at the latitude of the middle point): Visvalingam's order, with Douglas–Peucker's measure.
 */
function triangleHoogte(t: Triangle): number {
  const kx = M_PER_GRAAD_OL * Math.cos((t[1][1] * Math.PI) / 180);
  const [ax, ay] = [t[0][0] * kx, t[0][1] * M_PER_GRAAD_NB];
  const [bx, by] = [t[1][0] * kx, t[1][1] * M_PER_GRAAD_NB];
  const [cx, cy] = [t[2][0] * kx, t[2][1] * M_PER_GRAAD_NB];
  const basis = Math.hypot(cx - ax, cy - ay);
  if (basis === 0) return Math.hypot(bx - ax, by - ay);
  return Math.abs((cx - ax) * (by - ay) - (bx - ax) * (cy - ay)) / basis;
}

/**
 * Every shape of a map simplified together, so that a border two buurten share stays one line with the same points
 * on both sides (simplified ring by ring, each side dropped its own points and gaps opened between neighbours).
 * topojson-server finds the shared borders (arcs); topojson-simplify drops, in Visvalingam's order, the points that
 * lie less than `metres` from the line between their neighbours; topojson-client joins the arcs into rings again.
 * Each arc keeps its most telling inner point (a closed arc its two), so no ring shrinks below 4 points.
 * Coordinates in WGS84, as `naarWgs84` gives them.
 */
export function simplifyShared(shapes: readonly MultiPolygon[], metres = VEREENVOUDIGING_M): MultiPolygon[] {
  if (shapes.length === 0) return [];
  // No properties here: topojson-server's result is typed with GeoJSON's (or null), topojson-simplify takes none.
  const topo = topology({
    vlakken: {
      type: 'GeometryCollection',
      geometries: shapes.map((coordinates) => ({ type: 'MultiPolygon', coordinates })),
    } as GeoJsonCollection,
  }) as Topology<Objects>;
  const gewogen = presimplify(topo, triangleHoogte);
  for (const arc of gewogen.arcs as unknown as [number, number, number][][]) {
    if (arc.length < 3) continue;
    const last = arc.length - 1;
    const gesloten = arc[0]![0] === arc[last]![0] && arc[0]![1] === arc[last]![1];
    let first = -1;
    let second = -1;
    for (let i = 1; i < last; i++) {
      const z = arc[i]![2];
      if (first < 0 || z > arc[first]![2]) {
        second = first;
        first = i;
      } else if (second < 0 || z > arc[second]![2]) second = i;
    }
    if (first > 0) arc[first]![2] = Infinity;
    if (gesloten && second > 0) arc[second]![2] = Infinity;
  }
  const simpel = simplify(gewogen, metres);
  const vlakken = simpel.objects['vlakken'] as GeometryCollection;
  return vlakken.geometries.map((g) =>
    feature(simpel, g as TopoMultiPolygon).geometry.coordinates.map((p) => p.map((r) => r as Ring)),
  );
}

/**
 * Points closer than this to the line of their neighbours go. With 1.5 m the real maps keep as many points as
 * Douglas–Peucker at 2 m kept, at most about 2 m from the original.
 */
export const VEREENVOUDIGING_M = 1.5;

export function bbox(mp: MultiPolygon): [number, number, number, number] {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of mp) {
    for (const r of p) {
      for (const [x, y] of r) {
        if (x < minX) minX = x;
        if (y < minY) minY = y;
        if (x > maxX) maxX = x;
        if (y > maxY) maxY = y;
      }
    }
  }
  return [minX, minY, maxX, maxY];
}
