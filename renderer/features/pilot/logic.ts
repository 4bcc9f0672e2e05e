/**
 * Pure parts of the Pilotmonitor view: the status badge's style, the sparkline of a goal's trend, the geometry of the
 * stacked afhandeling bars and the cost bars, the goal form's parsing and checks, and the map's classes of
 * "aanmeldingen per fte". No React, no DOM.
 */
import type { AfhandelingPeriode, KostenJaar, TrendPunt } from '../../../shared/analysis/pilot';
import {
  DOEL_MAAT_INFO,
  type DoelInvoer,
  type DoelMaat,
  type Doel,
  type DoelStatus,
  type Richting,
} from '../../../shared/model/pilot';

// ---------------------------------------------------------------- status

export interface StatusStijl {
  readonly fill: string;
  readonly tekst: string;
  /** The shape of the icon: never colour alone. */
  readonly vorm: 'cirkel' | 'driehoek' | 'vierkant' | 'streep';
  readonly symbool: string;
  readonly arcering: boolean;
}

/**
 * Blue for "op koers", orange for "aandacht", dark brown for "niet op koers" (PuOr/RdBu ends, colour-blind safe; no
 * red/green), grey with a hatch for "geen gegevens". Text on each meets 4.5:1.
 */
export const STATUS_STIJL: Readonly<Record<DoelStatus, StatusStijl>> = {
  op_koers: { fill: '#2166ac', tekst: '#ffffff', vorm: 'cirkel', symbool: '✓', arcering: false },
  aandacht: { fill: '#fdb863', tekst: '#1a1a1a', vorm: 'driehoek', symbool: '!', arcering: false },
  niet_op_koers: { fill: '#8c3a00', tekst: '#ffffff', vorm: 'vierkant', symbool: '×', arcering: false },
  geen_gegevens: { fill: '#e6e6e6', tekst: '#1a1a1a', vorm: 'streep', symbool: '?', arcering: true },
};

export const STATUS_VOLGORDE: readonly DoelStatus[] = ['op_koers', 'aandacht', 'niet_op_koers', 'geen_gegevens'];

// ---------------------------------------------------------------- sparkline

export interface Sparkline {
  /** The trend as an SVG path ("M x,y L …"); empty without points. */
  readonly pad: string;
  readonly punten: readonly { readonly x: number; readonly y: number; readonly status: DoelStatus }[];
  /** The baseline's height, or null without a baseline. */
  readonly basisY: number | null;
  readonly min: number;
  readonly max: number;
}

const tijd = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const r1 = (x: number) => Math.round(x * 10) / 10;

/**
 * A small line of the trend in a box of `breedte` × `hoogte` (with `marge` inside): x by date, y by value with the
 * baseline inside the range; one point sits in the middle; equal values make a flat line in the middle.
 */
export function sparkline(
  trend: readonly TrendPunt[],
  basis: number | null,
  breedte = 120,
  hoogte = 32,
  marge = 3,
): Sparkline {
  const waarden = [...trend.map((p) => p.waarde), ...(basis !== null ? [basis] : [])];
  if (waarden.length === 0) return { pad: '', punten: [], basisY: null, min: 0, max: 0 };
  const min = Math.min(...waarden);
  const max = Math.max(...waarden);
  const y = (v: number) =>
    max === min ? hoogte / 2 : r1(hoogte - marge - ((v - min) / (max - min)) * (hoogte - 2 * marge));
  const t0 = trend.length ? tijd(trend[0]!.moment) : 0;
  const t1 = trend.length ? tijd(trend[trend.length - 1]!.moment) : 0;
  const x = (m: string) => (t1 === t0 ? breedte / 2 : r1(marge + ((tijd(m) - t0) / (t1 - t0)) * (breedte - 2 * marge)));
  const punten = trend.map((p) => ({ x: x(p.moment), y: y(p.waarde), status: p.status }));
  const pad = punten.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
  return { pad, punten, basisY: basis !== null ? y(basis) : null, min, max };
}

// ---------------------------------------------------------------- stacked bars

export interface Segment {
  readonly categorie: string;
  readonly x: number;
  readonly breedte: number;
  /** The share in whole percents (rounded as the evaluation questions do). */
  readonly procent: number;
  readonly aantal: number;
}

/**
 * Whole percents of each count in the total, rounded as the evaluation questions round them (so the bar and the
 * sentence under it say the same number); all 0 when the total is 0.
 */
export function heleProcenten(aantallen: readonly number[]): number[] {
  const totaal = aantallen.reduce((s, n) => s + n, 0);
  return aantallen.map((n) => (totaal > 0 ? Math.round((n / totaal) * 100) : 0));
}

/** The one segment the categories a period hides (small counts) are drawn as: their sum only, no share. */
export const AFGESCHERMD = '__afgeschermd';

/**
 * One period's bar of `breedte` wide: a segment per category (in the categories' order; empty ones left out). The
 * `verborgen` categories (small counts and the one that would give them away) become one segment at the end.
 */
export function stapelSegmenten(
  periode: AfhandelingPeriode,
  categorieen: readonly string[],
  breedte: number,
  verborgen: readonly string[] = [],
): Segment[] {
  const aantallen = categorieen.map((c) => Math.max(0, periode.perCategorie[c] ?? 0));
  const procenten = heleProcenten(aantallen);
  const totaal = aantallen.reduce((s, n) => s + n, 0);
  const uit: Segment[] = [];
  let x = 0;
  let apart = 0;
  categorieen.forEach((c, i) => {
    const n = aantallen[i]!;
    if (n <= 0 || totaal <= 0) return;
    if (verborgen.includes(c)) {
      apart += n;
      return;
    }
    const w = (n / totaal) * breedte;
    uit.push({ categorie: c, x: r1(x), breedte: r1(w), procent: procenten[i]!, aantal: n });
    x += w;
  });
  if (apart > 0) uit.push({ categorie: AFGESCHERMD, x: r1(x), breedte: r1(breedte - x), procent: 0, aantal: apart });
  return uit;
}

/** Category colours: Okabe-Ito (colour-blind safe), each segment also outlined and labelled. */
export const CATEGORIE_KLEUREN = ['#0072B2', '#E69F00', '#CC79A7', '#999999', '#009E73', '#56B4E9', '#D55E00'];
/** Text on each category colour with at least 4.5:1. */
export const CATEGORIE_TEKST = ['#ffffff', '#1a1a1a', '#1a1a1a', '#1a1a1a', '#1a1a1a', '#1a1a1a', '#1a1a1a'];

// ---------------------------------------------------------------- cost bars

export interface KostenBalk {
  readonly jaar: number;
  readonly y: number;
  readonly hoogte: number;
  readonly bedrag: number;
}

/** Vertical bars of the yearly total, scaled to `hoogte` against the largest of the totals and the baseline. */
export function kostenBalken(
  kosten: readonly KostenJaar[],
  basis: number | null,
  hoogte: number,
): { balken: KostenBalk[]; basisY: number | null; max: number } {
  const max = Math.max(0, ...kosten.map((k) => k.totaal), basis ?? 0);
  const schaal = (v: number) => (max > 0 ? (v / max) * hoogte : 0);
  return {
    max,
    basisY: basis !== null ? r1(hoogte - schaal(basis)) : null,
    balken: kosten.map((k) => {
      const h = r1(schaal(Math.max(0, k.totaal)));
      return { jaar: k.jaar, y: r1(hoogte - h), hoogte: h, bedrag: k.totaal };
    }),
  };
}

// ---------------------------------------------------------------- numbers

/** A number as people type it: "1.234,5", "0,5", "12", "7.1" (a single dot with 1–2 decimals). Null when not a number. */
export function leesGetal(tekst: string): number | null {
  let s = tekst.trim().replace(/\s|€|%/g, '');
  if (!s) return null;
  if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

// ---------------------------------------------------------------- goal form

export const WET_MATEN: readonly DoelMaat[] = ['aanmeldingen', 'toewijzingen', 'kosten'];

export interface DoelVelden {
  naam: string;
  criterium: string;
  maat: DoelMaat;
  gebied: string;
  wet: string;
  richting: Richting;
  /** 'periode': a baseline from the data over van–tot (or at tot); 'waarde': a value entered. */
  basisSoort: 'periode' | 'waarde';
  basisVan: string;
  basisTot: string;
  basisWaarde: string;
  doelWaarde: string;
  deadline: string;
  marge: string;
  toelichting: string;
}

export type DoelVeld = keyof DoelVelden;

/** A catalogue key per field with a problem (`pilot.fout.<key>`). */
export type DoelFouten = Partial<Record<DoelVeld, string>>;

const getalTekst = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));

export function veldenVan(doel: Doel | null, standaardGebied: string | null): DoelVelden {
  return {
    naam: doel?.naam ?? '',
    criterium: doel?.criterium !== null && doel?.criterium !== undefined ? String(doel.criterium) : '',
    maat: doel?.maat ?? 'aanmeldingen',
    gebied: doel ? (doel.gebied ?? '') : (standaardGebied ?? ''),
    wet: doel?.wet ?? '',
    richting: doel?.richting ?? 'niet_hoger',
    basisSoort: doel?.basisWaarde !== null && doel?.basisWaarde !== undefined ? 'waarde' : 'periode',
    basisVan: doel?.basisVan ?? '',
    basisTot: doel?.basisTot ?? '',
    basisWaarde: getalTekst(doel?.basisWaarde ?? null),
    doelWaarde: getalTekst(doel?.doelWaarde ?? null),
    deadline: doel?.deadline ?? '',
    marge: doel ? getalTekst(doel.marge) : '5',
    toelichting: doel?.toelichting ?? '',
  };
}

const DATUM = /^\d{4}-\d{2}-\d{2}$/;

/** The form's fields as a goal, or the problems per field (catalogue keys under `pilot.fout`). */
export function leesDoel(v: DoelVelden): { invoer: DoelInvoer | null; fouten: DoelFouten } {
  const fouten: DoelFouten = {};
  if (!v.naam.trim()) fouten.naam = 'naam';
  let criterium: number | null = null;
  if (v.criterium.trim()) {
    const c = leesGetal(v.criterium);
    if (c === null || !Number.isInteger(c) || c < 1 || c > 99) fouten.criterium = 'criterium';
    else criterium = c;
  }
  const datum = (veld: 'basisVan' | 'basisTot' | 'deadline') => {
    const d = v[veld].trim();
    if (!d) return null;
    if (!DATUM.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00Z`))) {
      fouten[veld] = 'datum';
      return null;
    }
    return d;
  };
  const basisVan = v.basisSoort === 'periode' ? datum('basisVan') : null;
  const basisTot = datum('basisTot');
  const deadline = datum('deadline');
  let basisWaarde: number | null = null;
  if (v.basisSoort === 'waarde') {
    basisWaarde = leesGetal(v.basisWaarde);
    if (basisWaarde === null) fouten.basisWaarde = v.basisWaarde.trim() ? 'getal' : 'basisWaarde';
  } else if (!basisTot && !fouten.basisTot) fouten.basisTot = 'basisTot';
  if (basisVan && basisTot && basisVan > basisTot) fouten.basisVan = 'volgorde';
  let doelWaarde: number | null = null;
  if (v.doelWaarde.trim()) {
    doelWaarde = leesGetal(v.doelWaarde);
    if (doelWaarde === null) fouten.doelWaarde = 'getal';
  }
  const marge = v.marge.trim() ? leesGetal(v.marge) : 0;
  if (marge === null || marge < 0 || marge > 100) fouten.marge = 'marge';
  if (Object.keys(fouten).length > 0) return { invoer: null, fouten };
  return {
    fouten,
    invoer: {
      naam: v.naam.trim(),
      criterium,
      maat: v.maat,
      gebied: v.gebied || null,
      wet: WET_MATEN.includes(v.maat) && v.wet ? v.wet : null,
      richting: v.richting,
      basisWaarde,
      basisVan,
      basisTot,
      doelWaarde,
      deadline,
      marge: marge!,
      toelichting: v.toelichting.trim() || null,
    },
  };
}

/** The unit of a measure, for the form's hints. */
export const eenheidVan = (maat: DoelMaat) => DOEL_MAAT_INFO[maat].eenheid;

// ---------------------------------------------------------------- months

/** The first and last day of a month "2024-04" → ["2024-04-01", "2024-04-30"]; null when not a month. */
export function maandPeriode(maand: string): [string, string] | null {
  const m = /^(\d{4})-(\d{2})$/.exec(maand);
  if (!m) return null;
  const j = Number(m[1]);
  const mm = Number(m[2]);
  if (mm < 1 || mm > 12) return null;
  const dag = new Date(Date.UTC(j, mm, 0)).getUTCDate();
  return [`${m[1]}-${m[2]}-01`, `${m[1]}-${m[2]}-${String(dag).padStart(2, '0')}`];
}

// ---------------------------------------------------------------- map

/**
 * Aanmeldingen per fte against the gemeente (index 1 = the same): five fixed classes, so maps of different moments
 * compare; diverging PuOr around 1 (more pressure = darker purple). The outer breaks are the monitor's own
 * thresholds for "ruim" (below 0,8) and "onderbezet" (above 1,2).
 */
export const INDEX_GRENZEN = [0.8, 0.95, 1.05, 1.2] as const;
export const INDEX_PALET = ['#e66101', '#fdb863', '#f7f7f7', '#b2abd2', '#5e3c99'] as const;

export function indexKlasse(index: number): number {
  let k = 0;
  while (k < INDEX_GRENZEN.length && index > INDEX_GRENZEN[k]!) k++;
  return k;
}

/**
 * Per buurt the index of the gebied that covers it: a buurt's own row first, else a wijk's (its buurten), else an
 * eigen gebied's (its members).
 */
export function indexPerBuurt(
  rijen: readonly { readonly code: string; readonly index: number | null }[],
  buurten: readonly { readonly code: string; readonly wijkCode: string | null }[],
  leden: ReadonlyMap<string, readonly string[]>,
): Map<string, { index: number; gebied: string }> {
  const uit = new Map<string, { index: number; gebied: string }>();
  const perCode = new Map(rijen.filter((r) => r.index !== null).map((r) => [r.code, r.index!]));
  // Eigen gebieden first, then wijken, then the buurt's own row: the more specific wins.
  for (const [code, lijst] of leden) {
    const i = perCode.get(code);
    if (i === undefined) continue;
    for (const b of lijst) uit.set(b, { index: i, gebied: code });
  }
  for (const b of buurten) {
    const i = b.wijkCode ? perCode.get(b.wijkCode) : undefined;
    if (i !== undefined) uit.set(b.code, { index: i, gebied: b.wijkCode! });
  }
  for (const b of buurten) {
    const i = perCode.get(b.code);
    if (i !== undefined) uit.set(b.code, { index: i, gebied: b.code });
  }
  return uit;
}
