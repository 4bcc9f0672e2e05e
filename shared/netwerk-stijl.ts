/**
 * The one visual language of the network: the view (renderer/features/netwerk/style.ts), its PNG/SVG export, the
 * report's plates and the slides (shared/report/plates.ts) take their colours, shapes, lines and font from here, so
 * Zorg is the same colour and the same shape everywhere.
 *
 * Colour: Paul Tol's "bright" scheme (colour-blind safe, at most 7 categories; more become "Overig"); every knoop has
 * a dark outline because several of these colours are light on white. Shape and border tell the kind of knoop, so
 * colour is never the only code (WCAG 1.4.1). Lines: colour, line style and arrow per relation type; width by volume
 * in three classes.
 */
import type { NetwerkKnoop } from './analysis/types';

/** The font of names on the map, in the app, the exports, the plates and the slides. */
export const LABEL_FONT = 'DejaVu Sans, Arial, sans-serif';

export const TOL_BRIGHT = ['#4477AA', '#EE6677', '#228833', '#CCBB44', '#66CCEE', '#AA3377', '#BBBBBB'] as const;
export const KLEUR_OVERIG = '#BBBBBB';
/** Category keys: no value, and more than 7 categories. */
export const ONBEKEND = '__onbekend';
export const OVERIG = '__overig';
export const KLEUR_ONBEKEND = '#FFFFFF';
export const KLEUR_GEBIED = '#E4E4E4';
export const KLEUR_NIEUW = '#1B7F3B';
export const KLEUR_VERDWENEN = '#C0392B';
export const KLEUR_OMLIJNING = '#1A1A1A';
/** The thin line from a name further out to its knoop (dark, unlike the grey "biedt aan" lines). */
export const KLEUR_LEIDER = '#1A1A1A';

/** Names on the screen: this size (px) whatever the zoom. */
export const LABEL_PX = 14;
/** A name may go down to this size (px) where 14 px finds no free place. */
export const LABEL_MIN_PX = 12;

export type Lijn = 'solid' | 'dashed' | 'dotted' | 'double';
export type Pijl = 'triangle' | 'triangle-tee' | 'none';

export interface RelatieStijl {
  readonly kleur: string;
  readonly lijn: Lijn;
  readonly pijl: Pijl;
}

/** Relation types of the default list; a type a user added gets the last style. */
export const RELATIE_STIJLEN: Readonly<Record<string, RelatieStijl>> = {
  verwijzing: { kleur: '#0072B2', lijn: 'solid', pijl: 'triangle' },
  samenwerking: { kleur: '#117733', lijn: 'dashed', pijl: 'none' },
  mandaat: { kleur: '#B34700', lijn: 'solid', pijl: 'triangle-tee' },
  financiering: { kleur: '#AA3377', lijn: 'dotted', pijl: 'triangle' },
  convenant: { kleur: '#7A5F00', lijn: 'double', pijl: 'none' },
  casusoverleg: { kleur: '#332288', lijn: 'dotted', pijl: 'none' },
  aanbod: { kleur: '#9A9A9A', lijn: 'solid', pijl: 'none' },
  locatie: { kleur: '#B0B0B0', lijn: 'dotted', pijl: 'none' },
  werkgebied: { kleur: '#B0B0B0', lijn: 'dotted', pijl: 'none' },
};
const ANDERE_RELATIE: RelatieStijl = { kleur: '#555555', lijn: 'solid', pijl: 'triangle' };

export function relatieStijl(soort: string, gericht: boolean): RelatieStijl {
  const s = RELATIE_STIJLEN[soort] ?? ANDERE_RELATIE;
  return gericht ? (s.pijl === 'none' ? { ...s, pijl: 'triangle' } : s) : { ...s, pijl: 'none' };
}

export type Vorm = 'ellipse' | 'round-rectangle' | 'diamond' | 'triangle' | 'hexagon';
export type Rand = 'solid' | 'double' | 'dashed';

export function knoopVorm(k: NetwerkKnoop): { vorm: Vorm; rand: Rand; randBreedte: number } {
  if (k.soort === 'gebied')
    return { vorm: k.niveau === 'wijk' ? 'hexagon' : 'triangle', rand: 'solid', randBreedte: 1 };
  if (k.soort === 'organisatie') return { vorm: 'ellipse', rand: 'solid', randBreedte: 2 };
  const vorm: Vorm = k.collectief === false ? 'diamond' : 'round-rectangle';
  if (k.status === 'gepland') return { vorm, rand: 'dashed', randBreedte: 3 };
  if (k.vrijToegankelijk === false) return { vorm, rand: 'double', randBreedte: 5 };
  return { vorm, rand: 'solid', randBreedte: 2 };
}

/**
 * Colours per category (a sector, a leefgebied, a group): up to 7 categories get a colour each, in the order of the
 * project's list (`volgorde`; numeric for groups); with more, the 6 largest do and the rest is "Overig". Count over the
 * whole project, not only what a filter shows, so a sector keeps its colour when you filter.
 */
export function categorieKleuren(
  telling: ReadonlyMap<string, number>,
  volgorde: readonly string[],
  numeriek = false,
): Map<string, string> {
  const rank = (c: string) => {
    if (numeriek) return Number(c);
    const i = volgorde.indexOf(c);
    return i < 0 ? volgorde.length : i;
  };
  const byOrder = (a: string, b: string) => rank(a) - rank(b) || a.localeCompare(b);
  let eigen = [...telling.keys()];
  if (eigen.length > TOL_BRIGHT.length) {
    eigen = eigen.sort((a, b) => telling.get(b)! - telling.get(a)! || byOrder(a, b)).slice(0, TOL_BRIGHT.length - 1);
  }
  eigen.sort(byOrder);
  return new Map(eigen.map((c, i) => [c, TOL_BRIGHT[i]!]));
}

/** The colour of a knoop by its sector (as the view with "Kleur volgens: soort organisatie", its default). */
export function sectorKleur(kleuren: ReadonlyMap<string, string>, sector: string | null): string {
  if (sector === null) return KLEUR_ONBEKEND;
  return kleuren.get(sector) ?? KLEUR_OVERIG;
}

/**
 * Line width in three classes of referral count (1–9, 10–49, 50 or more), never in proportion: an exported picture
 * leaves the machine, and an exact width next to a known total would give a small count away.
 */
export function breedteKlasse(volume: number | null): number {
  if (volume === null || !(volume > 0)) return BREEDTE_MIN;
  return volume < 10 ? 3 : volume < 50 ? 5.5 : BREEDTE_MAX;
}
export const BREEDTE_MIN = 1.5;
export const BREEDTE_MAX = 9;

/** The corners of the polygon shapes on a unit square around (0, 0): one table for every SVG drawing of a knoop. */
export const VORM_HOEKEN: Readonly<Record<'diamond' | 'triangle' | 'hexagon', readonly (readonly [number, number])[]>> =
  {
    diamond: [
      [0, -1],
      [1, 0],
      [0, 1],
      [-1, 0],
    ],
    triangle: [
      [0, -1],
      [1, 1],
      [-1, 1],
    ],
    hexagon: [
      [-0.5, -1],
      [0.5, -1],
      [1, 0],
      [0.5, 1],
      [-0.5, 1],
      [-1, 0],
    ],
  };

/** The outline of a knoop's shape around (x, y) with half-size r, as an SVG element without its closing. */
export function vormSvg(vorm: Vorm, x: number, y: number, r: number): { open: string; tag: string } {
  const f = (n: number) => (Math.round(n * 10) / 10).toString();
  switch (vorm) {
    case 'diamond':
    case 'triangle':
    case 'hexagon':
      return {
        open: `<polygon points="${VORM_HOEKEN[vorm].map(([a, b]) => `${f(x + a * r)},${f(y + b * r)}`).join(' ')}"`,
        tag: 'polygon',
      };
    case 'round-rectangle':
      return {
        open: `<rect x="${f(x - r)}" y="${f(y - r)}" width="${f(2 * r)}" height="${f(2 * r)}" rx="${f(r * 0.35)}"`,
        tag: 'rect',
      };
    default:
      return { open: `<circle cx="${f(x)}" cy="${f(y)}" r="${f(r)}"`, tag: 'circle' };
  }
}

/** SVG dashes of a line or border style. */
export function streepjes(stijl: string, breedte: number): string {
  const f = (n: number) => (Math.round(n * 10) / 10).toString();
  return stijl === 'dashed'
    ? ` stroke-dasharray="${f(breedte * 3)} ${f(breedte * 2)}"`
    : stijl === 'dotted'
      ? ` stroke-dasharray="${f(breedte)} ${f(breedte * 1.5)}"`
      : '';
}

/**
 * The width of a text in the names' font at 1 px, without a canvas (the plates are made in the worker and the CLI):
 * DejaVu Sans's advance widths by kind of character, within a few per cent of the real thing.
 */
export function tekstBreedte(tekst: string, vet = false): number {
  let w = 0;
  for (const c of tekst) {
    if (c === ' ') w += 0.318;
    else if ("iljI.,:;!|''".includes(c)) w += 0.3;
    else if ('ftr()[]'.includes(c)) w += 0.4;
    else if ('mwMW'.includes(c)) w += 0.95;
    else if (c >= 'A' && c <= 'Z') w += 0.7;
    else if (c >= '0' && c <= '9') w += 0.636;
    else if (c === '…') w += 1;
    else w += 0.6;
  }
  return vet ? w * 1.08 : w;
}

// ------------------------------------------------------------------ size by a measure (the view and the plates)

/** The size (diameter) of a knoop on the map when a measure sizes it: from GROOTTE_MIN to GROOTTE_MAX. */
export const GROOTTE_MIN = 18;
export const GROOTTE_MAX = 64;

/** Area grows with the value (the square root of its share of the largest), so big hubs do not swamp the map. */
export function grootteVoor(value: number, max: number): number {
  if (!(max > 0) || !(value > 0)) return GROOTTE_MIN;
  return Math.round((GROOTTE_MIN + (GROOTTE_MAX - GROOTTE_MIN) * Math.sqrt(Math.min(1, value / max))) * 10) / 10;
}
