/**
 * Pure parts of the Kaart view: the projection of WGS84 polygons onto the screen, SVG paths, centroids for the
 * markers, quantile class breaks rounded to pretty numbers, and the colour of a value. No React, no DOM.
 */

export type Bbox = readonly [number, number, number, number];
export type Punt = readonly [number, number];

export interface Projectie {
  /** Screen (SVG user) coordinates of a longitude and latitude; y grows downwards. */
  readonly project: (lon: number, lat: number) => Punt;
  readonly breedte: number;
  readonly hoogte: number;
}

/**
 * A simple equirectangular projection: longitude scaled by cos(mean latitude), so a buurt keeps its shape at Dutch
 * latitudes; fitted into `breedte` with `marge` around it. The height follows from the bbox (between `minHoogte` and
 * `maxHoogte`), the map centred in it.
 */
export function maakProjectie(bbox: Bbox, breedte = 1000, marge = 16, minHoogte = 360, maxHoogte = 900): Projectie {
  const [minLon, minLat, maxLon, maxLat] = bbox;
  const midLat = ((minLat + maxLat) / 2) * (Math.PI / 180);
  const kx = Math.cos(midLat);
  const pw = Math.max((maxLon - minLon) * kx, 1e-9);
  const ph = Math.max(maxLat - minLat, 1e-9);
  const binnen = breedte - 2 * marge;
  const hoogte = Math.round(Math.min(maxHoogte, Math.max(minHoogte, (binnen * ph) / pw + 2 * marge)));
  const s = Math.min(binnen / pw, (hoogte - 2 * marge) / ph);
  const ox = (breedte - pw * s) / 2;
  const oy = (hoogte - ph * s) / 2;
  return {
    breedte,
    hoogte,
    project: (lon, lat) => [ox + (lon - minLon) * kx * s, oy + (maxLat - lat) * s],
  };
}

const r1 = (x: number) => Math.round(x * 10) / 10;

/** An SVG path of a GeoJSON MultiPolygon (rings closed; holes work with fill-rule evenodd). */
export function padVan(coordinates: readonly (readonly (readonly (readonly number[])[])[])[], p: Projectie): string {
  const parts: string[] = [];
  for (const polygon of coordinates) {
    for (const ring of polygon) {
      if (ring.length < 3) continue;
      let d = '';
      let prev = '';
      for (let i = 0; i < ring.length; i++) {
        const [x, y] = p.project(ring[i]![0]!, ring[i]![1]!);
        if (!Number.isFinite(x) || !Number.isFinite(y)) continue; // a damaged point must not put NaN in the path
        const pt = `${r1(x)},${r1(y)}`;
        if (pt === prev) continue;
        d += (d ? 'L' : 'M') + pt;
        prev = pt;
      }
      parts.push(d + 'Z');
    }
  }
  return parts.join('');
}

/** Signed area and centroid of a ring in screen coordinates (shoelace). */
function ringCentroid(ring: readonly Punt[]): { area: number; c: Punt } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j]!;
    const [x1, y1] = ring[i]!;
    const f = x0 * y1 - x1 * y0;
    a += f;
    cx += (x0 + x1) * f;
    cy += (y0 + y1) * f;
  }
  a /= 2;
  if (Math.abs(a) < 1e-9) {
    const n = ring.length || 1;
    return { area: 0, c: [ring.reduce((t, q) => t + q[0], 0) / n, ring.reduce((t, q) => t + q[1], 0) / n] };
  }
  return { area: a, c: [cx / (6 * a), cy / (6 * a)] };
}

/** Where a buurt's markers go: the centroid of its largest polygon's outer ring, on the screen. */
export function middelpunt(
  coordinates: readonly (readonly (readonly (readonly number[])[])[])[],
  p: Projectie,
): Punt | null {
  let best: { area: number; c: Punt } | null = null;
  for (const polygon of coordinates) {
    const outer = polygon[0];
    if (!outer || outer.length < 3) continue;
    const r = ringCentroid(outer.map((q) => p.project(q[0]!, q[1]!)));
    if (!best || Math.abs(r.area) > Math.abs(best.area)) best = { area: r.area, c: r.c };
  }
  return best?.c ?? null;
}

/** Several markers in one buurt: a small sunflower spiral around the centre, the first in the middle. */
export function spreiding(i: number, afstand = 7): Punt {
  if (i === 0) return [0, 0];
  const r = afstand * Math.sqrt(i);
  const hoek = i * 2.399963; // the golden angle
  return [r * Math.cos(hoek), r * Math.sin(hoek)];
}

// ---------------------------------------------------------------- class breaks and colours

/** Sequential single-hue (ColorBrewer Blues, 5 classes) for levels and shares. */
export const BLAUW_5 = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'] as const;

/** Rounded to a "pretty" number with two significant digits (1234 → 1200, 17.36 → 17, 0.0734 → 0.073). */
export function mooiGetal(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const mag = 10 ** (Math.floor(Math.log10(Math.abs(x))) - 1);
  return Math.round(x / mag) * mag;
}

/** The q-quantile of sorted values (linear interpolation, as R's type 7). */
export function kwantiel(gesorteerd: readonly number[], q: number): number {
  if (gesorteerd.length === 0) return Number.NaN;
  const h = (gesorteerd.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return gesorteerd[lo]! + (gesorteerd[hi]! - gesorteerd[lo]!) * (h - lo);
}

/**
 * Quantile class breaks (default 5 classes), each rounded to a pretty number: the thresholds between classes,
 * strictly increasing and strictly inside (min, max]. Fewer thresholds when many values are equal.
 */
export function klassengrenzen(waarden: readonly number[], klassen = 5): number[] {
  const s = waarden.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (s.length < 2) return [];
  const min = s[0]!;
  const max = s[s.length - 1]!;
  const out: number[] = [];
  for (let i = 1; i < klassen; i++) {
    let b = mooiGetal(kwantiel(s, i / klassen));
    // Rounding must not push a threshold outside the values.
    if (b <= min) b = kwantiel(s, i / klassen);
    if (b <= min || b > max) continue;
    if (out.length && b <= out[out.length - 1]!) continue;
    out.push(b);
  }
  return out;
}

/** The class (0 … grenzen.length) of a value: below the first threshold is 0; at or above the last is the top. */
export function klasseVan(waarde: number, grenzen: readonly number[]): number {
  let k = 0;
  while (k < grenzen.length && waarde >= grenzen[k]!) k++;
  return k;
}

export interface Klasse {
  readonly index: number;
  readonly van: number;
  readonly tot: number;
  readonly aantal: number;
  readonly kleur: string;
}

/** The classes for the legend: their range (the real min and max at the ends), count and colour. */
export function klassen(waarden: readonly number[], grenzen: readonly number[], palet: readonly string[]): Klasse[] {
  const s = waarden.filter((v) => Number.isFinite(v));
  if (s.length === 0) return [];
  // A loop, not Math.min(...s): a spread of thousands of values can overflow the call stack.
  let min = s[0]!;
  let max = s[0]!;
  for (const v of s) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const n = grenzen.length + 1;
  const counts = new Array<number>(n).fill(0);
  for (const v of s) counts[klasseVan(v, grenzen)]!++;
  return counts.map((aantal, i) => ({
    index: i,
    van: i === 0 ? min : grenzen[i - 1]!,
    tot: i === n - 1 ? max : grenzen[i]!,
    aantal,
    kleur: kleurVan(i, n, palet),
  }));
}

/** The palette step of class i of n: spread over the palette, so that 3 classes use light, middle and dark. */
export function paletIndex(i: number, n: number, lengte: number): number {
  if (n <= 1) return Math.floor(lengte / 2);
  return Math.round((i * (lengte - 1)) / (n - 1));
}

export function kleurVan(i: number, n: number, palet: readonly string[]): string {
  return palet[paletIndex(i, n, palet.length)]!;
}

/** Zooming: the new translation that keeps the point (px, py) in place when the scale goes from k to k2. */
export function zoomRond(
  t: { readonly x: number; readonly y: number; readonly k: number },
  px: number,
  py: number,
  k2: number,
): { x: number; y: number; k: number } {
  return { k: k2, x: px - ((px - t.x) * k2) / t.k, y: py - ((py - t.y) * k2) / t.k };
}
