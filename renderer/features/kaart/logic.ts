/**
 * Pure parts of the Kaart view: the projection of WGS84 polygons onto the screen, SVG paths, centroids for the
 * markers, quantile class breaks rounded to pretty numbers, the colour of a value, and the colouring of the whole map
 * (every buurt's fill, value and class, the legend) and its markers. No React, no DOM.
 */
import type { GebiedProfiel, HiaatCel, KaartGebied, Organisatie, Voorziening } from '../../../shared/contract';
import { ERNST_STIJL, ERNST_VOLGORDE, vergelijkCellen } from '../hiaten/logic';
import { INDEX_PALET, indexKlasse, indexPerBuurt } from '../pilot/logic';
import type { KaartGegevens } from './data';
import type { ExportMarker } from './svg-export';

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

/** The legend entry of the buurten without a figure (hatched), with their number. */
function leegItem(leeg: number, t: Vertaal): LegendaItem {
  return {
    id: 'leeg',
    label: t('kaart.geenGegevensAantal', { count: leeg }),
    fill: LEEG,
    arcering: true,
    aantal: leeg,
  };
}

/** Translation, as `t` of react-i18next. */
export type Vertaal = (key: string, params?: Record<string, unknown>) => string;

/** Marker colours (Okabe-Ito), each with its own shape as well. */
export const MARKER = {
  organisatie: { vorm: 'cirkel', fill: '#ffffff' },
  collectief: { vorm: 'ruit', fill: '#E69F00' },
  ander: { vorm: 'vierkant', fill: '#56B4E9' },
} as const satisfies Record<string, { vorm: ExportMarker['vorm']; fill: string }>;
export type MarkerSoort = keyof typeof MARKER;

/** A buurt's shape on the screen. */
export interface Vorm {
  readonly g: KaartGebied;
  readonly d: string;
  readonly centrum: Punt | null;
}

/** A buurt as the map draws it. */
export interface Vlak {
  readonly code: string;
  readonly naam: string;
  readonly d: string;
  readonly centrum: Punt | null;
  readonly fill: string;
  readonly arcering: boolean;
  readonly voorbereiding: boolean;
  /** "ernstig hiaat, index 5,1" / "880" / "geen gegevens". */
  readonly waarde: string;
  readonly getal: number | null;
  /** The legend class (the `id` of a legend item) it belongs to. */
  readonly klasse: string;
}

export interface Marker {
  readonly id: string;
  readonly soort: MarkerSoort;
  readonly naam: string;
  readonly buurt: string;
  readonly x: number;
  readonly y: number;
}

export interface LegendaItem {
  readonly id: string;
  readonly label: string;
  readonly fill: string;
  readonly arcering?: boolean;
  readonly voorbereiding?: boolean;
  readonly aantal: number;
}

export interface Indicator {
  readonly sleutel: string;
  readonly label: string;
  readonly eenheid: string | null;
}

/** What colours the map: `hiaat:<leefgebied>`, `cbs:<sleutel>` or `pilot:apf`. */
export type KleuringSoort = 'hiaat' | 'cbs' | 'pilot';

export function leesKleuring(gekozen: string | null): { soort: KleuringSoort | null; sleutel: string | null } {
  if (!gekozen) return { soort: null, sleutel: null };
  const [soort, sleutel = ''] = gekozen.split(/:(.*)/s) as [KleuringSoort, string];
  return { soort, sleutel };
}

/** The first CBS figures in the choice, in this order; the rest follow as they come. */
const EERST = ['inwoners', 'aandeel_65_plus', 'leeftijd_65_plus', 'aandeel_eenpersoonshuishoudens'];

/** The CBS figures the buurten have (their own and derived), the usual ones first. */
export function indicatorenVan(profielen: Iterable<GebiedProfiel> | null | undefined): Indicator[] {
  const seen = new Map<string, Indicator>();
  for (const p of profielen ?? []) {
    for (const r of [...p.rijen, ...p.afgeleid]) {
      if (!seen.has(r.sleutel)) seen.set(r.sleutel, { sleutel: r.sleutel, label: r.label, eenheid: r.eenheid });
    }
  }
  const rank = (s: string) => (EERST.includes(s) ? EERST.indexOf(s) : EERST.length);
  return [...seen.values()].sort((a, b) => rank(a.sleutel) - rank(b.sleutel));
}

/** The leefgebied with the most severe cell first; else a CBS figure; else the first leefgebied; else nothing. */
export function standaardKleuring(
  cellen: readonly HiaatCel[],
  indicatoren: readonly Indicator[],
  leefgebieden: readonly { readonly code: string }[],
): string | null {
  const worst = [...cellen].sort(vergelijkCellen)[0];
  if (worst && worst.ernst !== 'geen-gegevens') return `hiaat:${worst.leefgebied}`;
  if (indicatoren[0]) return `cbs:${indicatoren[0].sleutel}`;
  if (leefgebieden[0]) return `hiaat:${leefgebieden[0].code}`;
  return null;
}

export interface KleuringInvoer {
  readonly soort: KleuringSoort | null;
  readonly sleutel: string | null;
  readonly vormen: readonly Vorm[];
  readonly profielen: ReadonlyMap<string, GebiedProfiel> | null;
  /** The gaps by `gebiedCode|leefgebied`. */
  readonly cellen: ReadonlyMap<string, HiaatCel>;
  /** The unit of the CBS figure (`%` is shown). */
  readonly eenheid: string | null;
  readonly capaciteit: KaartGegevens['capaciteit'];
  readonly getal: (n: number) => string;
  readonly t: Vertaal;
}

export interface Kleuring {
  readonly vlakken: Vlak[];
  readonly legenda: LegendaItem[];
  readonly methode: string | null;
}

const eenheidTekst = (e: string | null | undefined) => (e === '%' ? ' %' : '');
const LEEG = ERNST_STIJL['geen-gegevens'].fill;

/** Fill, value and legend class of every buurt, and the legend, for what colours the map. */
export function kleurKaart(invoer: KleuringInvoer): Kleuring {
  const { soort, sleutel } = invoer;
  if (soort === 'cbs' && sleutel) return kleurCbs(invoer, sleutel);
  if (soort === 'pilot' && invoer.capaciteit) return kleurPilot(invoer, invoer.capaciteit);
  if (soort === 'hiaat' && sleutel) return kleurHiaat(invoer, sleutel);
  const vlakken = invoer.vormen.map(({ g, d, centrum }) => ({
    code: g.code,
    naam: g.naam,
    d,
    centrum,
    fill: '#f3f3f3',
    arcering: false,
    voorbereiding: false,
    getal: null,
    waarde: '',
    klasse: '',
  }));
  return { vlakken, legenda: [], methode: null };
}

/** A CBS figure: five quantile classes in blue, buurten without a figure hatched. */
function kleurCbs({ vormen, profielen, getal, t, ...invoer }: KleuringInvoer, sleutel: string): Kleuring {
  const eenheid = eenheidTekst(invoer.eenheid);
  const waarden = new Map<string, { waarde: number | null; geheim: boolean }>();
  for (const { g } of vormen) {
    const p = profielen?.get(g.code);
    const r = p && [...p.rijen, ...p.afgeleid].find((x) => x.sleutel === sleutel);
    waarden.set(g.code, { waarde: r && r.status === 'ok' ? r.waarde : null, geheim: r?.status === 'geheim' });
  }
  const getallen = [...waarden.values()].map((w) => w.waarde).filter((v): v is number => v !== null);
  const grenzen = klassengrenzen(getallen, 5);
  const ks = klassen(getallen, grenzen, BLAUW_5);
  const legenda: LegendaItem[] = ks.map((k) => ({
    id: `k${k.index}`,
    label: t('kaart.klasse', { van: getal(k.van), tot: getal(k.tot), eenheid, count: k.aantal }),
    fill: k.kleur,
    aantal: k.aantal,
  }));
  const leeg = [...waarden.values()].filter((w) => w.waarde === null).length;
  legenda.push(leegItem(leeg, t));
  const vlakken = vormen.map(({ g, d, centrum }): Vlak => {
    const w = waarden.get(g.code)!;
    const k = w.waarde !== null ? klasseVan(w.waarde, grenzen) : null;
    return {
      code: g.code,
      naam: g.naam,
      d,
      centrum,
      fill: k !== null ? ks[k]!.kleur : LEEG,
      arcering: k === null,
      voorbereiding: false,
      getal: w.waarde,
      waarde:
        w.waarde !== null ? `${getal(w.waarde)}${eenheid}` : w.geheim ? t('kaart.geheim') : t('kaart.geenGegevens'),
      klasse: k !== null ? `k${k}` : 'leeg',
    };
  });
  return { vlakken, legenda, methode: t('kaart.methode', { count: ks.length }) };
}

/** Aanmeldingen per fte against the gemeente: a buurt takes the index of the gebied that covers it. */
function kleurPilot(
  { vormen, getal, t }: KleuringInvoer,
  capaciteit: NonNullable<KaartGegevens['capaciteit']>,
): Kleuring {
  const perBuurt = indexPerBuurt(
    capaciteit.rijen,
    vormen.map((v) => ({ code: v.g.code, wijkCode: v.g.wijkCode })),
    capaciteit.leden,
  );
  const rij = new Map(capaciteit.rijen.map((r) => [r.code, r]));
  const counts = new Array<number>(INDEX_PALET.length).fill(0);
  let leeg = 0;
  const vlakken = vormen.map(({ g, d, centrum }): Vlak => {
    const w = perBuurt.get(g.code);
    const k = w ? indexKlasse(w.index) : null;
    if (k === null) leeg++;
    else counts[k]!++;
    const r = w ? rij.get(w.gebied) : undefined;
    return {
      code: g.code,
      naam: g.naam,
      d,
      centrum,
      fill: k !== null ? INDEX_PALET[k]! : LEEG,
      arcering: k === null,
      voorbereiding: false,
      getal: w?.index ?? null,
      waarde: w
        ? t('kaart.indexWaarde', {
            index: getal(w.index),
            perFte: r?.aanmeldingenPerFte != null ? getal(r.aanmeldingenPerFte) : '–',
            gebied: r?.naam ?? w.gebied,
          })
        : t('kaart.geenGegevens'),
      klasse: k !== null ? `i${k}` : 'leeg',
    };
  });
  const legenda: LegendaItem[] = INDEX_PALET.map((kleur, k) => ({
    id: `i${k}`,
    label: t(`kaart.indexKlasse.${k}`, { count: counts[k] }),
    fill: kleur,
    aantal: counts[k]!,
  }));
  legenda.push(leegItem(leeg, t));
  return { vlakken, legenda, methode: t('kaart.methodePilot') };
}

/** The gap severity of one leefgebied per buurt, dotted where the service is being prepared. */
function kleurHiaat({ vormen, cellen, getal, t }: KleuringInvoer, leefgebied: string): Kleuring {
  const counts = new Map<string, number>();
  // Per class, how many buurten rest on CBS figures alone (no measured demand): the legend says so.
  const alleenCbs = new Map<string, number>();
  let voorbereiding = 0;
  const vlakken = vormen.map(({ g, d, centrum }): Vlak => {
    const c = cellen.get(`${g.code}|${leefgebied}`);
    const ernst = c?.ernst ?? 'geen-gegevens';
    counts.set(ernst, (counts.get(ernst) ?? 0) + 1);
    if (c && c.basis.length > 0 && !c.basis.includes('cognos')) alleenCbs.set(ernst, (alleenCbs.get(ernst) ?? 0) + 1);
    if (c?.inVoorbereiding) voorbereiding++;
    const stijl = ERNST_STIJL[ernst];
    const delen = [t(`hiaten.ernst.${ernst}`)];
    if (c?.index != null) delen.push(t('hiaten.indexWaarde', { index: getal(c.index) }));
    if (c?.inVoorbereiding) delen.push(t('hiaten.inVoorbereiding'));
    if (c && c.basis.length > 0) delen.push(c.basis.map((b) => t(`hiaten.basis.${b}`)).join(' + '));
    return {
      code: g.code,
      naam: g.naam,
      d,
      centrum,
      fill: stijl.fill,
      arcering: stijl.arcering,
      voorbereiding: !!c?.inVoorbereiding,
      getal: c?.index ?? null,
      waarde: delen.join(', '),
      klasse: ernst,
    };
  });
  const legenda: LegendaItem[] = ERNST_VOLGORDE.map((e) => {
    const n = counts.get(e) ?? 0;
    const cbs = e === 'geen' || e === 'geen-gegevens' ? 0 : (alleenCbs.get(e) ?? 0);
    return {
      id: e,
      label:
        t('kaart.ernstAantal', { ernst: t(`hiaten.ernstKop.${e}`), count: n }) +
        (cbs > 0 ? `, ${t('kaart.alleenCbs', { count: cbs })}` : ''),
      fill: ERNST_STIJL[e].fill,
      arcering: ERNST_STIJL[e].arcering,
      aantal: n,
    };
  });
  legenda.push({
    id: 'voorbereiding',
    label: t('kaart.voorbereidingAantal', { count: voorbereiding }),
    fill: '#ffffff',
    voorbereiding: true,
    aantal: voorbereiding,
  });
  return { vlakken, legenda, methode: t('kaart.methodeHiaten') };
}

/**
 * Markers at their buurt's centre, spread around it: organisaties by their buurt, voorzieningen (not stopped) by
 * their location's buurt or their one werkgebied; a collectively, freely accessible one has its own shape.
 */
export function plaatsMarkers(
  vormen: readonly Vorm[],
  organisaties: readonly Organisatie[],
  voorzieningen: readonly Voorziening[],
  /** On the map of one leefgebied's gaps, only the offer for it: a gap is the absence of that offer. */
  leefgebied?: string,
): Marker[] {
  const centra = new Map(vormen.map((v) => [v.g.code, v.centrum]));
  const perBuurt = new Map<string, Omit<Marker, 'x' | 'y'>[]>();
  const add = (m: Omit<Marker, 'x' | 'y'>) => {
    if (!centra.get(m.buurt)) return;
    perBuurt.set(m.buurt, [...(perBuurt.get(m.buurt) ?? []), m]);
  };
  for (const o of organisaties) {
    if (o.buurtCode) add({ id: `o${o.id}`, soort: 'organisatie', naam: o.naam, buurt: o.buurtCode });
  }
  for (const v of voorzieningen) {
    if (v.status === 'gestopt') continue;
    if (leefgebied && !v.leefgebieden.includes(leefgebied)) continue;
    const buurt = v.locatieBuurtCode ?? (v.werkgebied.length === 1 ? v.werkgebied[0]! : null);
    if (!buurt) continue;
    add({ id: `v${v.id}`, soort: v.collectief && v.vrijToegankelijk ? 'collectief' : 'ander', naam: v.naam, buurt });
  }
  const out: Marker[] = [];
  for (const [buurt, list] of perBuurt) {
    const [cx, cy] = centra.get(buurt)!;
    list.forEach((m, i) => {
      const [dx, dy] = spreiding(i);
      out.push({ ...m, x: cx + dx, y: cy + dy });
    });
  }
  return out;
}

/** The legend lines of the markers shown, with their count; the offer "voor" the leefgebied when only its offer is shown. */
export function markerLegenda(
  markers: readonly Marker[],
  toonOrganisaties: boolean,
  toonVoorzieningen: boolean,
  t: Vertaal,
  leefgebied?: string,
): { soort: MarkerSoort; label: string }[] {
  const n = (s: MarkerSoort) => markers.filter((m) => m.soort === s).length;
  return (['collectief', 'ander', 'organisatie'] as const)
    .filter((s) => (s === 'organisatie' ? toonOrganisaties : toonVoorzieningen))
    .map((s) => ({
      soort: s,
      label:
        leefgebied && s !== 'organisatie'
          ? t(`kaart.marker.${s}Voor`, { count: n(s), leefgebied })
          : t(`kaart.marker.${s}`, { count: n(s) }),
    }));
}
