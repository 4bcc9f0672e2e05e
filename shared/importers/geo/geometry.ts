/**
 * Geometry for the buurt map: WKB (GeoPackage binary), TopoJSON arcs, RD New → WGS84, simplification. Everything ends
 * as GeoJSON (Multi)Polygon coordinates in WGS84 (longitude, latitude), rounded to 6 decimals (about 10 cm).
 */

export type Ring = [number, number][];
export type Polygon = Ring[];
/** Always a MultiPolygon in the project: a list of polygons, each a list of rings. */
export type MultiPolygon = Polygon[];

/**
 * RD New (EPSG:28992, metres) to WGS84 degrees with the approximation of Schreutelaar and Strang van Hees (the
 * "benaderingsformules" published by Kadaster): better than a metre within the Netherlands, enough for a buurt map.
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

/** WKB Polygon / MultiPolygon (also with Z or M, ISO or EWKB-style type codes). Other types give no polygons. */
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

interface Topology {
  readonly arcs?: unknown;
  readonly transform?: unknown;
}

/**
 * The decoded arcs of a topology (quantised arcs are delta-encoded). Throws VlakFout when the topology itself is
 * unusable (no list of arcs, a transform without two numbers each); an arc that is not a list of positions becomes
 * null, and a position that is not two numbers NaN, so that only the shapes using them are refused.
 */
export function topoArcs(topo: Topology): (Ring | null)[] {
  const arcs = topo.arcs;
  if (!Array.isArray(arcs)) throw new VlakFout('geo.vorm-ongeldig');
  let t: { sx: number; sy: number; tx: number; ty: number } | null = null;
  if (topo.transform !== undefined && topo.transform !== null) {
    const tr = topo.transform as { scale?: unknown; translate?: unknown };
    const [sx, sy] = Array.isArray(tr.scale) ? (tr.scale as unknown[]) : [];
    const [tx, ty] = Array.isArray(tr.translate) ? (tr.translate as unknown[]) : [];
    const nums = [sx, sy, tx, ty];
    if (!nums.every((v) => typeof v === 'number' && Number.isFinite(v))) throw new VlakFout('geo.vorm-ongeldig');
    t = { sx: sx as number, sy: sy as number, tx: tx as number, ty: ty as number };
  }
  const num = (v: unknown) => (typeof v === 'number' ? v : Number.NaN);
  return arcs.map((arc): Ring | null => {
    if (!Array.isArray(arc)) return null;
    let x = 0;
    let y = 0;
    return arc.map((p: unknown): [number, number] => {
      const q = Array.isArray(p) ? (p as unknown[]) : [];
      if (!t) return [num(q[0]), num(q[1])];
      x += num(q[0]);
      y += num(q[1]);
      return [x * t.sx + t.tx, y * t.sy + t.ty];
    });
  });
}

/**
 * A TopoJSON Polygon or MultiPolygon as coordinates (a negative arc index ~i means arc i reversed). Throws VlakFout
 * for an arc index that is not a whole number or names no arc (null, absurd, past the end), and for a shape of more
 * than MAX_PUNTEN points.
 */
export function topoGeometry(
  arcs: readonly (Ring | null)[],
  geometry: { readonly type: string; readonly arcs?: unknown },
): MultiPolygon {
  let n = 0;
  const ring = (indices: unknown): Ring => {
    const out: Ring = [];
    for (const i of lijst(indices)) {
      const index = typeof i === 'number' && Number.isInteger(i) ? (i >= 0 ? i : ~i) : -1;
      const found = index >= 0 && index < arcs.length ? arcs[index] : null;
      if (!found) throw new VlakFout('geo.boog-ongeldig', { boog: JSON.stringify(i) ?? String(i) });
      n += found.length;
      if (n > MAX_PUNTEN) throw new VlakFout('geo.te-veel-punten', { max: MAX_PUNTEN });
      const arc = (i as number) >= 0 ? found : found.slice().reverse();
      for (let k = out.length ? 1 : 0; k < arc.length; k++) out.push(arc[k]!);
    }
    for (const p of out) punt(p);
    return out;
  };
  const polygon = (p: unknown): Polygon => lijst(p).map(ring);
  if (geometry.type === 'Polygon') return [polygon(geometry.arcs)];
  if (geometry.type === 'MultiPolygon') return lijst(geometry.arcs).map(polygon);
  return [];
}

/** Douglas–Peucker on one ring (tolerance in the ring's units); keeps at least 4 points (a closed triangle). */
export function simplifyRing(ring: Ring, tolerance: number): Ring {
  if (ring.length <= 4 || tolerance <= 0) return ring;
  const keep = new Uint8Array(ring.length);
  keep[0] = keep[ring.length - 1] = 1;
  const stack: [number, number][] = [[0, ring.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = ring[a]!;
    const [bx, by] = ring[b]!;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let worst = -1;
    let worstD = tolerance * tolerance;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = ring[i]!;
      let d: number;
      if (len2 === 0) d = (px - ax) ** 2 + (py - ay) ** 2;
      else {
        const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        d = (px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2;
      }
      if (d > worstD) {
        worst = i;
        worstD = d;
      }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([a, worst], [worst, b]);
    }
  }
  const out = ring.filter((_, i) => keep[i]);
  return out.length >= 4 ? out : ring;
}

/**
 * WGS84, simplified to about `metres`, rounded to 6 decimals; degenerate rings (fewer than 4 points) dropped. A point
 * that is not two finite numbers is a VlakFout: dropping it would silently change the shape.
 */
export function finish(mp: MultiPolygon, project: ((x: number, y: number) => [number, number]) | null, metres = 2) {
  const tolerance = metres / 111_000;
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  const out: MultiPolygon = [];
  for (const polygon of mp) {
    const rings = polygon
      .map((r) => lijst(r).map(punt))
      .map((r) => simplifyRing(project ? r.map(([x, y]) => project(x, y)) : r, tolerance))
      .map((r) => r.map(([x, y]) => [round(x), round(y)] as [number, number]))
      .filter((r) => r.length >= 4);
    if (rings.length) out.push(rings);
  }
  return out;
}

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
