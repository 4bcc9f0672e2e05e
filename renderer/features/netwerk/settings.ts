/**
 * What the Netwerk view shows and how: the filter, fade or hide, colour and size, the layout, a period to compare
 * with. A saved view (weergave soort 'netwerk') holds these plus the viewport and the node positions, so a view for a
 * meeting comes back exactly as it was. `parseInstellingen` reads what a project holds defensively: a view saved by an
 * older or newer version, or edited by hand, still opens (unknown parts fall back to the defaults).
 */
import type { KnoopPositie, NetwerkFilter, Periode } from '../../../shared/contract';
import {
  GROOTTE_METRIEKEN,
  isKleurMetriek,
  KLEUR_METRIEKEN,
  metriekDescriptor,
  type GrootteMetriek,
  type KleurMetriek,
} from '../../../shared/analysis/metriek-descriptors';

/** The measures that can size a knoop or order the rings (from the descriptors). */
export const METRIEKEN = GROOTTE_METRIEKEN;
export type Metriek = GrootteMetriek;

/** Colour by a property of the knoop, or by a measure that forms groups (from the descriptors). */
export const KLEUR_OP: readonly KleurOp[] = ['sector', 'leefgebied', ...KLEUR_METRIEKEN, 'soort'];
export type KleurOp = 'sector' | 'leefgebied' | KleurMetriek | 'soort';

/** The catalogue key of a colour choice: a measure's own name, else `netwerk.legenda.kleurOp.*`. */
export const kleurOpLabel = (k: KleurOp): string =>
  isKleurMetriek(k) ? metriekDescriptor(k).label : `netwerk.legenda.kleurOp.${k}`;

export const INDELINGEN = ['fcose', 'wijk', 'buurt', 'sector', 'concentrisch'] as const;
export type Indeling = (typeof INDELINGEN)[number];

export const MODI = ['vervagen', 'verbergen'] as const;
export type Modus = (typeof MODI)[number];

export const STATUSSEN = ['actief', 'gepland', 'gestopt'] as const;

export interface NetwerkInstellingen {
  readonly filter: NetwerkFilter;
  /** Knopen and relaties outside the filter: faded (still there, for context) or hidden. */
  readonly modus: Modus;
  readonly kleurOp: KleurOp;
  /** null: every knoop of a kind has the same size. */
  readonly grootteOp: Metriek | null;
  readonly indeling: Indeling;
  /** The metric of the concentric layout (highest in the middle). */
  readonly concentrischOp: Metriek;
  /** A second period ("start/eind"): what is new since then (green) and what is gone (red, dashed). */
  readonly vergelijkMet: string | null;
}

export interface Viewport {
  readonly zoom: number;
  readonly pan: { readonly x: number; readonly y: number };
}

/** What a saved view holds (the `instellingen` of a weergave). */
export interface WeergaveInstellingen extends NetwerkInstellingen {
  readonly versie: 1;
  readonly viewport: Viewport | null;
  /** Node positions when the view was saved: [knoop, x, y, vast (1/0)]. */
  readonly posities: readonly (readonly [string, number, number, 0 | 1])[] | null;
}

export const DEFAULT_FILTER: NetwerkFilter = { metVoorzieningen: true, metGebieden: false };

export const DEFAULT_INSTELLINGEN: NetwerkInstellingen = {
  filter: DEFAULT_FILTER,
  modus: 'vervagen',
  kleurOp: 'sector',
  grootteOp: 'betweenness',
  indeling: 'fcose',
  concentrischOp: 'betweenness',
  vergelijkMet: null,
};

/** The Periode a `periodeKey` names ("2024-01-01/2024-03-31"); null when it is not one. */
export function parsePeriodeKey(s: string | null | undefined): Periode | null {
  if (!s) return null;
  const m = /^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/.exec(s);
  return m ? { start: m[1]!, eind: m[2]! } : null;
}

export const periodeKey = (p: Periode | null | undefined): string | null => (p ? `${p.start}/${p.eind}` : null);

/** The filter of the analysis: the same as the picture, without focus and path (those only help you look). */
export function analyseFilter(filter: NetwerkFilter): NetwerkFilter {
  const { focus: _focus, pad: _pad, ...rest } = filter;
  return rest;
}

/** Which parts of the filter narrow the picture (for the chips and "Alles tonen"). */
export function actieveFilters(filter: NetwerkFilter): string[] {
  const out: string[] = [];
  if (filter.leefgebieden?.length) out.push('leefgebieden');
  if (filter.doelgroepen?.length) out.push('doelgroepen');
  if (filter.sectoren?.length) out.push('sectoren');
  if (filter.relatieSoorten?.length) out.push('relatieSoorten');
  if (filter.periode) out.push('periode');
  if (filter.gebieden?.length) out.push('gebieden');
  if (filter.statussen?.length) out.push('statussen');
  if (filter.minVolume) out.push('minVolume');
  if (filter.focus) out.push('focus');
  if (filter.pad) out.push('pad');
  return out;
}

/** Removes one part of the filter (a chip's ×). */
export function zonderFilter(filter: NetwerkFilter, deel: string): NetwerkFilter {
  const copy: Record<string, unknown> = { ...filter };
  delete copy[deel];
  return copy as NetwerkFilter;
}

/** "Alles tonen": every narrowing filter off; what is on the map (voorzieningen, gebieden) stays as chosen. */
export function allesTonen(filter: NetwerkFilter): NetwerkFilter {
  return { metVoorzieningen: filter.metVoorzieningen !== false, metGebieden: filter.metGebieden === true };
}

export function toWeergaveInstellingen(
  inst: NetwerkInstellingen,
  viewport: Viewport | null,
  posities: readonly KnoopPositie[] | null,
): WeergaveInstellingen {
  return {
    versie: 1,
    ...inst,
    viewport,
    posities: posities ? posities.map((p) => [p.knoop, round(p.x), round(p.y), p.vast ? 1 : 0] as const) : null,
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

// ------------------------------------------------------------------ reading what a project holds

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
const oneOf = <T extends string>(list: readonly T[], v: unknown, fallback: T): T =>
  list.includes(v as T) ? (v as T) : fallback;
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function parseFilter(v: unknown): NetwerkFilter {
  if (!isObj(v)) return DEFAULT_FILTER;
  const f: Record<string, unknown> = {};
  for (const key of ['leefgebieden', 'doelgroepen', 'sectoren', 'relatieSoorten', 'gebieden'] as const) {
    const list = strings(v[key]);
    if (list?.length) f[key] = list;
  }
  const statussen = strings(v.statussen)?.filter((s) => (STATUSSEN as readonly string[]).includes(s));
  if (statussen?.length) f.statussen = statussen;
  if (isObj(v.periode) && typeof v.periode.start === 'string' && typeof v.periode.eind === 'string') {
    f.periode = { start: v.periode.start, eind: v.periode.eind };
  }
  if (finite(v.minVolume) && v.minVolume > 0) f.minVolume = v.minVolume;
  f.metVoorzieningen = v.metVoorzieningen !== false;
  f.metGebieden = v.metGebieden === true;
  if (isObj(v.focus) && typeof v.focus.knoop === 'string' && finite(v.focus.stappen)) {
    f.focus = { knoop: v.focus.knoop, stappen: Math.min(3, Math.max(1, Math.round(v.focus.stappen))) };
  }
  if (isObj(v.pad) && typeof v.pad.van === 'string' && typeof v.pad.naar === 'string') {
    f.pad = { van: v.pad.van, naar: v.pad.naar };
  }
  return f as NetwerkFilter;
}

export function parseInstellingen(v: unknown): NetwerkInstellingen {
  if (!isObj(v)) return DEFAULT_INSTELLINGEN;
  const d = DEFAULT_INSTELLINGEN;
  return {
    filter: parseFilter(v.filter),
    modus: oneOf(MODI, v.modus, d.modus),
    kleurOp: oneOf(KLEUR_OP, v.kleurOp, d.kleurOp),
    grootteOp: v.grootteOp === null ? null : oneOf(METRIEKEN, v.grootteOp, d.grootteOp!),
    indeling: oneOf(INDELINGEN, v.indeling, d.indeling),
    concentrischOp: oneOf(METRIEKEN, v.concentrischOp, d.concentrischOp),
    vergelijkMet: typeof v.vergelijkMet === 'string' && parsePeriodeKey(v.vergelijkMet) ? v.vergelijkMet : null,
  };
}

export function parseWeergave(v: unknown): {
  instellingen: NetwerkInstellingen;
  viewport: Viewport | null;
  posities: KnoopPositie[] | null;
} {
  const instellingen = parseInstellingen(v);
  if (!isObj(v)) return { instellingen, viewport: null, posities: null };
  const vp = v.viewport;
  const viewport =
    isObj(vp) && finite(vp.zoom) && vp.zoom > 0 && isObj(vp.pan) && finite(vp.pan.x) && finite(vp.pan.y)
      ? { zoom: vp.zoom, pan: { x: vp.pan.x, y: vp.pan.y } }
      : null;
  const posities = Array.isArray(v.posities)
    ? v.posities.flatMap((p): KnoopPositie[] =>
        Array.isArray(p) && typeof p[0] === 'string' && finite(p[1]) && finite(p[2])
          ? [{ knoop: p[0], x: p[1], y: p[2], vast: p[3] === 1 }]
          : [],
      )
    : null;
  return { instellingen, viewport, posities };
}

/** Where the filters' fold is remembered ('1' open, '0' folded). */
export const PANEEL_KEY = 'wijkweb.netwerk.filters';
/** From this window width (CSS px) the filters start open: narrower, the map gets their room. */
export const PANEEL_OPEN_VANAF = 1400;

/**
 * Whether the filters start open: as you left them last time; else open on a wide window and folded on a laptop
 * screen (1280 px: with them open the map had 500 px and named 15 of 35 partners, folded 23).
 */
export function paneelBeginOpen(opslag: Pick<Storage, 'getItem'> | null, vensterBreedte: number): boolean {
  try {
    const keuze = opslag?.getItem(PANEEL_KEY);
    if (keuze === '1' || keuze === '0') return keuze === '1';
  } catch {
    // localStorage switched off: the default below.
  }
  return vensterBreedte >= PANEEL_OPEN_VANAF;
}

export function onthoudPaneel(opslag: Pick<Storage, 'setItem'> | null, open: boolean): void {
  try {
    opslag?.setItem(PANEEL_KEY, open ? '1' : '0');
  } catch {
    // Not remembered: next time the default.
  }
}
