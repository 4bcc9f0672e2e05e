/**
 * The Pilotmonitor (issue 18), pure: a goal's series of values in, its status at a date out ("op koers", "aandacht",
 * "niet op koers" or "geen gegevens", never a status guessed), with the numbers and their sources; the afhandeling
 * shares per period, the costs against the baseline years, the initiatives in time, the capacity against demand,
 * and what the data says about the pilot plan's four evaluation questions.
 */
import {
  DOEL_MAAT_INFO,
  type Doel,
  type DoelMaat,
  type DoelStatus,
  type Eenheid,
  type Functie,
  type PilotInstellingen,
} from '../model/pilot';
import { datumEn, datumNl, getalEn, getalNl } from '../report/format';
import { beschermGroepen, isKlein, kleinLabel, type PrivacyInstellingen } from '../report/privacy';
import type { CelWaarde } from '../report/model';

export type Taal = 'nl' | 'en';

/** One value of a series: a period (`van`–`tot`, counted over it) or a moment (`van` null). */
export interface Punt {
  readonly van: string | null;
  readonly tot: string;
  readonly waarde: number;
  /** Part of it was shielded ("<5") or missing: the value is a lower bound. */
  readonly onvolledig: boolean;
  readonly bronnen: readonly string[];
  /** Of a share: the count it is a share of (the aanmeldingen of the period). */
  readonly noemer?: number;
}

export interface DoelWaarde {
  /** A `stroom`: the amount per year over the months counted; a `stand`: the value at `tot`. */
  readonly waarde: number;
  readonly van: string | null;
  readonly tot: string;
  /** Months counted (stroom only). */
  readonly maanden: number | null;
  /** Fewer than twelve months, scaled to a year. */
  readonly omgerekend: boolean;
  readonly onvolledig: boolean;
  readonly bronnen: readonly string[];
  /** Entered by hand on the goal (the baseline only). */
  readonly ingevoerd: boolean;
  /** Of a share: the aanmeldingen it is a share of (for the small-count rule). */
  readonly noemer?: number;
}

export type GeenGegevensReden = 'basis-ontbreekt' | 'waarde-ontbreekt' | 'start-ontbreekt';

export interface TrendPunt {
  readonly moment: string;
  readonly waarde: number;
  readonly status: DoelStatus;
}

export interface DoelEvaluatie {
  readonly doel: Doel;
  readonly peildatum: string;
  readonly status: DoelStatus;
  readonly reden: GeenGegevensReden | null;
  readonly basis: DoelWaarde | null;
  readonly huidig: DoelWaarde | null;
  /** With a target value and a deadline: where the value should be by now on a straight line from the baseline. */
  readonly verwacht: number | null;
  /** huidig / basis − 1, when both are there and the baseline is not 0. */
  readonly verandering: number | null;
  /** Since when the status is what it is now (the first moment of the last run of equal statuses). */
  readonly sinds: string | null;
  readonly trend: readonly TrendPunt[];
  readonly zin: string;
}

// ------------------------------------------------------------------------------------------------------ dates

const DAG = 86_400_000;
const tijd = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
export const volgendeDag = (d: string) => iso(tijd(d) + DAG);

/** Months in a period, counted in whole and part months (a calendar month is 1, a quarter 3). */
export function maandenIn(van: string, tot: string): number {
  const a = new Date(`${van}T00:00:00Z`);
  const b = new Date(`${tot}T00:00:00Z`);
  const eindVanMaand = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  if (a.getUTCDate() === 1 && b.getUTCDate() === eindVanMaand(b)) {
    return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth() + 1;
  }
  return (tijd(tot) - tijd(van) + DAG) / DAG / (365.25 / 12);
}

/** The date one year before (the start of a window of twelve months ending on `tot`). */
export function jaarVoor(tot: string): string {
  const d = new Date(`${tot}T00:00:00Z`);
  const a = new Date(Date.UTC(d.getUTCFullYear() - 1, d.getUTCMonth(), d.getUTCDate() + 1));
  return iso(a.getTime());
}

// ------------------------------------------------------------------------------------------------------ values

/**
 * A flow over a window: the periods wholly inside it, shortest first and none overlapping one already taken (so a
 * year's total next to its months is not counted twice), summed and scaled to a year.
 */
export function stroomOver(punten: readonly Punt[], van: string, tot: string): DoelWaarde | null {
  const binnen = punten
    .filter((p) => p.van !== null && p.van >= van && p.tot <= tot)
    .sort((a, b) => maandenIn(a.van!, a.tot) - maandenIn(b.van!, b.tot) || a.van!.localeCompare(b.van!));
  const gekozen: Punt[] = [];
  for (const p of binnen) {
    if (gekozen.some((q) => p.van! <= q.tot && q.van! <= p.tot)) continue;
    gekozen.push(p);
  }
  if (gekozen.length === 0) return null;
  const maanden = gekozen.reduce((s, p) => s + maandenIn(p.van!, p.tot), 0);
  const som = gekozen.reduce((s, p) => s + p.waarde, 0);
  const eerste = gekozen.reduce((m, p) => (p.van! < m ? p.van! : m), gekozen[0]!.van!);
  const laatste = gekozen.reduce((m, p) => (p.tot > m ? p.tot : m), gekozen[0]!.tot);
  return {
    waarde: (som / maanden) * 12,
    van: eerste,
    tot: laatste,
    maanden,
    // Fewer than twelve months is scaled up; more is a mean per year (said by the period: "2021–2023").
    omgerekend: maanden < 11.99,
    onvolledig: gekozen.some((p) => p.onvolledig),
    bronnen: [...new Set(gekozen.flatMap((p) => p.bronnen))],
    ingevoerd: false,
  };
}

/** A stand: the newest value in [van, tot] (any time up to `tot` when `van` is null). */
export function standOp(punten: readonly Punt[], van: string | null, tot: string): DoelWaarde | null {
  let beste: Punt | null = null;
  for (const p of punten) {
    if (p.tot > tot || (van !== null && p.tot < van)) continue;
    if (!beste || p.tot > beste.tot) beste = p;
  }
  if (!beste) return null;
  return {
    waarde: beste.waarde,
    van: beste.van,
    tot: beste.tot,
    maanden: null,
    omgerekend: false,
    onvolledig: beste.onvolledig,
    bronnen: beste.bronnen,
    ingevoerd: false,
  };
}

/** Three months before (the start of a quarter's window ending on `tot`). */
export function kwartaalVoor(tot: string): string {
  const d = new Date(`${tot}T00:00:00Z`);
  return iso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 2, 1));
}

/**
 * A share over a window: the periods wholly inside it (none overlapping one taken), their shares weighted by their
 * counts; "38%" of a quarter is 38% of its aanmeldingen, not the mean of three monthly percentages.
 */
export function aandeelOver(punten: readonly Punt[], van: string, tot: string): DoelWaarde | null {
  const binnen = punten
    .filter((p) => p.van !== null && p.van >= van && p.tot <= tot && (p.noemer ?? 0) > 0)
    .sort((a, b) => maandenIn(a.van!, a.tot) - maandenIn(b.van!, b.tot) || a.van!.localeCompare(b.van!));
  const gekozen: Punt[] = [];
  for (const p of binnen) if (!gekozen.some((q) => p.van! <= q.tot && q.van! <= p.tot)) gekozen.push(p);
  if (gekozen.length === 0) return null;
  const noemer = gekozen.reduce((s, p) => s + p.noemer!, 0);
  const teller = gekozen.reduce((s, p) => s + (p.waarde / 100) * p.noemer!, 0);
  return {
    waarde: (teller / noemer) * 100,
    van: gekozen.reduce((m, p) => (p.van! < m ? p.van! : m), gekozen[0]!.van!),
    tot: gekozen.reduce((m, p) => (p.tot > m ? p.tot : m), gekozen[0]!.tot),
    maanden: gekozen.reduce((s, p) => s + maandenIn(p.van!, p.tot), 0),
    omgerekend: false,
    onvolledig: gekozen.some((p) => p.onvolledig),
    bronnen: [...new Set(gekozen.flatMap((p) => p.bronnen))],
    ingevoerd: false,
    noemer,
  };
}

/** The goal's baseline: entered, else from the data over its period (stroom) or at its moment (stand). */
export function basisVan(doel: Doel, punten: readonly Punt[]): DoelWaarde | null {
  if (doel.basisWaarde !== null) {
    return {
      waarde: doel.basisWaarde,
      van: doel.basisVan,
      tot: doel.basisTot ?? doel.basisVan ?? '',
      maanden: null,
      omgerekend: false,
      onvolledig: false,
      bronnen: [],
      ingevoerd: true,
    };
  }
  if (!doel.basisTot) return null;
  const soort = DOEL_MAAT_INFO[doel.maat].soort;
  if (soort === 'stroom') return stroomOver(punten, doel.basisVan ?? jaarVoor(doel.basisTot), doel.basisTot);
  if (soort === 'aandeel') return aandeelOver(punten, doel.basisVan ?? kwartaalVoor(doel.basisTot), doel.basisTot);
  return standOp(punten, doel.basisVan, doel.basisTot);
}

/** The value at `op`: a flow over the last twelve months (not before the baseline's end), a stand the newest after it. */
export function waardeOp(doel: Doel, punten: readonly Punt[], op: string): DoelWaarde | null {
  const na = doel.basisTot ? volgendeDag(doel.basisTot) : null;
  const soort = DOEL_MAAT_INFO[doel.maat].soort;
  if (soort === 'stroom') {
    const jaar = jaarVoor(op);
    return stroomOver(punten, na && na > jaar ? na : jaar, op);
  }
  if (soort === 'aandeel') {
    const kwartaal = kwartaalVoor(op);
    return aandeelOver(punten, na && na > kwartaal ? na : kwartaal, op);
  }
  return standOp(punten, na, op);
}

// ------------------------------------------------------------------------------------------------------ status

const omhoog = (doel: Doel) => doel.richting === 'hoger' || doel.richting === 'niet_lager';

/**
 * The status of a value against the baseline (and the target, when there is one). Within `marge` percent of the
 * baseline the wrong way is "aandacht"; a direction that asks for a change ("lager", "hoger") is "aandacht" while the
 * value has not moved.
 */
export function statusVan(
  doel: Doel,
  basis: number,
  waarde: number,
  moment: string,
  basisMoment: string | null,
): { status: Exclude<DoelStatus, 'geen_gegevens'>; verwacht: number | null } {
  const tol = (Math.abs(basis) * doel.marge) / 100;
  const op = omhoog(doel);
  const beter = (x: number, y: number) => (op ? x >= y : x <= y);
  if (doel.doelWaarde !== null) {
    const d = doel.doelWaarde;
    let verwacht: number | null = null;
    if (doel.deadline && basisMoment && tijd(doel.deadline) > tijd(basisMoment)) {
      const f = Math.min(
        1,
        Math.max(0, (tijd(moment) - tijd(basisMoment)) / (tijd(doel.deadline) - tijd(basisMoment))),
      );
      verwacht = basis + (d - basis) * f;
    }
    if (beter(waarde, d)) return { status: 'op_koers', verwacht };
    if (doel.deadline && moment > doel.deadline) return { status: 'niet_op_koers', verwacht };
    if (verwacht !== null && beter(waarde, verwacht)) return { status: 'op_koers', verwacht };
    if (beter(waarde, op ? basis - tol : basis + tol)) return { status: 'aandacht', verwacht };
    return { status: 'niet_op_koers', verwacht };
  }
  switch (doel.richting) {
    case 'niet_hoger':
      return {
        status: waarde <= basis ? 'op_koers' : waarde <= basis + tol ? 'aandacht' : 'niet_op_koers',
        verwacht: null,
      };
    case 'lager':
      return {
        status: waarde < basis ? 'op_koers' : waarde <= basis + tol ? 'aandacht' : 'niet_op_koers',
        verwacht: null,
      };
    case 'hoger':
      return {
        status: waarde > basis ? 'op_koers' : waarde >= basis - tol ? 'aandacht' : 'niet_op_koers',
        verwacht: null,
      };
    case 'niet_lager':
      return {
        status: waarde >= basis ? 'op_koers' : waarde >= basis - tol ? 'aandacht' : 'niet_op_koers',
        verwacht: null,
      };
  }
}

/** Evaluates a goal at `peildatum`, and at every moment with data between its baseline and then (trend, since when). */
export function evaluateDoel(doel: Doel, punten: readonly Punt[], peildatum: string, taal: Taal = 'nl'): DoelEvaluatie {
  const basis = basisVan(doel, punten);
  const huidig = waardeOp(doel, punten, peildatum);
  const leeg = (reden: GeenGegevensReden): DoelEvaluatie => {
    const e = {
      doel,
      peildatum,
      status: 'geen_gegevens' as const,
      reden,
      basis,
      huidig,
      verwacht: null,
      verandering: null,
      sinds: null,
      trend: [],
    };
    return { ...e, zin: doelZin(e, taal) };
  };
  if (!doel.basisTot && doel.basisWaarde === null) return leeg('start-ontbreekt');
  if (!basis) return leeg('basis-ontbreekt');
  if (!huidig) return leeg('waarde-ontbreekt');
  const basisMoment = basis.tot || doel.basisTot;
  // The moments with data after the baseline, up to the peildatum: each is a point of the trend.
  const na = doel.basisTot ?? basis.tot;
  const momenten = [...new Set(punten.map((p) => p.tot))].filter((m) => m > na && m <= peildatum).sort();
  if (!momenten.includes(huidig.tot)) momenten.push(huidig.tot);
  const trend: TrendPunt[] = [];
  for (const m of momenten) {
    const w = waardeOp(doel, punten, m);
    if (!w) continue;
    trend.push({ moment: m, waarde: w.waarde, status: statusVan(doel, basis.waarde, w.waarde, m, basisMoment).status });
  }
  const { status, verwacht } = statusVan(doel, basis.waarde, huidig.waarde, huidig.tot, basisMoment);
  let sinds: string | null = huidig.tot;
  for (let i = trend.length - 1; i >= 0; i--) {
    if (trend[i]!.status !== status) break;
    sinds = trend[i]!.moment;
  }
  const e = {
    doel,
    peildatum,
    status,
    reden: null,
    basis,
    huidig,
    verwacht,
    verandering: basis.waarde !== 0 ? huidig.waarde / basis.waarde - 1 : null,
    sinds,
    trend,
  };
  return { ...e, zin: doelZin(e, taal) };
}

// ------------------------------------------------------------------------------------------------------ words

const MAANDEN_KORT_NL = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const MAANDEN_KORT_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Q2 2024", "2023", "april 2024", "jan–apr 2024", "2021–2023", or the dates. */
export function periodeLabel(van: string | null, tot: string, taal: Taal = 'nl'): string {
  const datum = taal === 'en' ? datumEn : datumNl;
  if (van === null) return datum(tot);
  const a = /^(\d{4})-(\d{2})-01$/.exec(van);
  const b = /^(\d{4})-(\d{2})-(\d{2})$/.exec(tot);
  const kort = taal === 'en' ? MAANDEN_KORT_EN : MAANDEN_KORT_NL;
  if (a && b && maandenIn(van, tot) % 1 === 0) {
    const [ja, ma, jb, mb] = [a[1]!, Number(a[2]), b[1]!, Number(b[2])];
    if (ma === 1 && mb === 12) return ja === jb ? ja : `${ja}–${jb}`;
    if (ja === jb && ma === mb) return `${(taal === 'en' ? datumEn : datumNl)(van).replace(/^1 /, '')}`;
    if (ja === jb && (ma - 1) % 3 === 0 && mb === ma + 2) return `Q${(ma + 2) / 3} ${ja}`;
    if (ja === jb) return `${kort[ma - 1]}–${kort[mb - 1]} ${ja}`;
    return `${kort[ma - 1]} ${ja} – ${kort[mb - 1]} ${jb}`;
  }
  return taal === 'en' ? `${datumEn(van)} to ${datumEn(tot)}` : `${datumNl(van)} t/m ${datumNl(tot)}`;
}

/** A value with its unit: "412", "€ 1.234.567", "7,4", "38%", "3,5 fte". */
export function waardeTekst(waarde: number, eenheid: Eenheid, taal: Taal = 'nl'): string {
  const getal = taal === 'en' ? getalEn : getalNl;
  switch (eenheid) {
    case 'euro':
      return `€ ${getal(Math.round(waarde))}`;
    case 'score':
      return getal(waarde, 1);
    case 'procent':
      return `${getal(waarde, 0)}%`;
    case 'fte':
      return `${getal(waarde, 1)} fte`;
    default:
      return getal(Math.round(waarde));
  }
}

export const STATUS_TEKST: Readonly<Record<Taal, Readonly<Record<DoelStatus, string>>>> = {
  nl: { op_koers: 'Op koers', aandacht: 'Aandacht', niet_op_koers: 'Niet op koers', geen_gegevens: 'Geen gegevens' },
  en: { op_koers: 'On course', aandacht: 'Needs attention', niet_op_koers: 'Off course', geen_gegevens: 'No data' },
};

/** What a count counts, after the number: "345 aanmeldingen", "2 voorzieningen". */
const WOORD: Readonly<Record<Taal, Partial<Record<DoelMaat, string>>>> = {
  nl: {
    aanmeldingen: 'aanmeldingen',
    toewijzingen: 'toewijzingen',
    collectief_aanbod: 'voorzieningen',
    relaties: 'relaties',
  },
  en: { aanmeldingen: 'aanmeldingen', toewijzingen: 'toewijzingen', collectief_aanbod: 'offers', relaties: 'links' },
};

function waardeMetPeriode(w: DoelWaarde, maat: DoelMaat, stroom: boolean, taal: Taal): string {
  const eenheid = DOEL_MAAT_INFO[maat].eenheid;
  const woord = WOORD[taal][maat];
  const v = `${waardeTekst(w.waarde, eenheid, taal)}${woord ? ` ${woord}` : ''}`;
  const wanneer = w.ingevoerd
    ? w.tot
      ? periodeLabel(w.van, w.tot, taal)
      : ''
    : periodeLabel(stroom || w.maanden !== null ? w.van : null, w.tot, taal);
  if (taal === 'en') {
    const per = stroom ? ' a year' : '';
    const schaal = w.omgerekend ? ', scaled to a year' : '';
    const min = w.onvolledig ? 'at least ' : '';
    const inv = w.ingevoerd ? ', entered' : '';
    return `${min}${v}${per}${wanneer ? ` (${wanneer}${schaal}${inv})` : ''}`;
  }
  const per = stroom ? ' per jaar' : '';
  const schaal = w.omgerekend ? ', omgerekend naar een jaar' : '';
  const min = w.onvolledig ? 'minstens ' : '';
  const inv = w.ingevoerd ? ', ingevoerd' : '';
  return `${min}${v}${per}${wanneer ? ` (${wanneer}${schaal}${inv})` : ''}`;
}

/** One sentence: the status, since when, on which numbers. */
export function doelZin(
  e: Pick<DoelEvaluatie, 'doel' | 'status' | 'reden' | 'basis' | 'huidig' | 'sinds' | 'verwacht'>,
  taal: Taal = 'nl',
): string {
  const info = DOEL_MAAT_INFO[e.doel.maat];
  const stroom = info.soort === 'stroom';
  const datum = taal === 'en' ? datumEn : datumNl;
  if (e.status === 'geen_gegevens') {
    if (taal === 'en') {
      if (e.reden === 'start-ontbreekt')
        return 'No data: the goal has no baseline moment (set the start of the pilot).';
      if (e.reden === 'basis-ontbreekt') return 'No data: there is no value for the baseline period.';
      return `No data: no value after the baseline${e.basis ? ` (baseline ${waardeMetPeriode(e.basis, e.doel.maat, stroom, taal)})` : ''}.`;
    }
    if (e.reden === 'start-ontbreekt')
      return 'Geen gegevens: het doel heeft geen beginmoment (vul de start van de pilot in).';
    if (e.reden === 'basis-ontbreekt') return 'Geen gegevens: er is geen waarde voor de periode van de nulmeting.';
    return `Geen gegevens: nog geen waarde na de nulmeting${e.basis ? ` (nulmeting ${waardeMetPeriode(e.basis, e.doel.maat, stroom, taal)})` : ''}.`;
  }
  const status = STATUS_TEKST[taal][e.status];
  const sinds = e.sinds ? (taal === 'en' ? ` since ${datum(e.sinds)}` : ` sinds ${datum(e.sinds)}`) : '';
  const nu = waardeMetPeriode(e.huidig!, e.doel.maat, stroom, taal);
  const basis = waardeMetPeriode(e.basis!, e.doel.maat, stroom, taal);
  const doel =
    e.doel.doelWaarde !== null
      ? taal === 'en'
        ? `; target ${waardeTekst(e.doel.doelWaarde, info.eenheid, taal)}${e.doel.deadline ? ` by ${datum(e.doel.deadline)}` : ''}${e.verwacht !== null ? `, expected by now ${waardeTekst(e.verwacht, info.eenheid, taal)}` : ''}`
        : `; doel ${waardeTekst(e.doel.doelWaarde, info.eenheid, taal)}${e.doel.deadline ? ` op ${datum(e.doel.deadline)}` : ''}${e.verwacht !== null ? `, nu verwacht ${waardeTekst(e.verwacht, info.eenheid, taal)}` : ''}`
      : '';
  return taal === 'en'
    ? `${status}${sinds}: ${nu} against ${basis}${doel}.`
    : `${status}${sinds}: ${nu} tegen ${basis}${doel}.`;
}

// ------------------------------------------------------------------------------------------------------ afhandeling

export interface AfhandelingRij {
  readonly van: string;
  readonly tot: string;
  readonly categorie: string;
  /** Null when shielded ("<5"). */
  readonly waarde: number | null;
  readonly bron: string;
}

export interface AfhandelingPeriode {
  readonly van: string;
  readonly tot: string;
  readonly label: string;
  /** Months with data in it (a quarter of two months is marked as such). */
  readonly maanden: number;
  readonly perCategorie: Readonly<Record<string, number>>;
  /** Categories with a shielded count in this period (their number is unknown, counted as 0). */
  readonly afgeschermd: readonly string[];
  readonly totaal: number;
  readonly bronnen: readonly string[];
}

const kwartaalVan = (d: string) => {
  const j = d.slice(0, 4);
  const q = Math.floor((Number(d.slice(5, 7)) - 1) / 3);
  const m = String(q * 3 + 1).padStart(2, '0');
  const e = String(q * 3 + 3).padStart(2, '0');
  const dag = new Date(Date.UTC(Number(j), q * 3 + 3, 0)).getUTCDate();
  return { van: `${j}-${m}-01`, tot: `${j}-${e}-${dag}` };
};

/**
 * The afhandeling counts per period: months summed per quarter (`kwartaal`) or kept (`periode`); a period longer
 * than a quarter stays as it is. Overlapping periods of the same category are counted once (shortest first).
 */
export function afhandelingPerPeriode(
  rijen: readonly AfhandelingRij[],
  indeling: 'kwartaal' | 'periode' = 'kwartaal',
  taal: Taal = 'nl',
): AfhandelingPeriode[] {
  // One count per category and period: shortest periods first, none overlapping one taken (per category).
  const perCat = new Map<string, AfhandelingRij[]>();
  const gesorteerd = [...rijen].sort(
    (a, b) => maandenIn(a.van, a.tot) - maandenIn(b.van, b.tot) || a.van.localeCompare(b.van),
  );
  const gekozen: AfhandelingRij[] = [];
  for (const r of gesorteerd) {
    const eerder = perCat.get(r.categorie) ?? [];
    if (eerder.some((q) => r.van <= q.tot && q.van <= r.tot && !(r.van === q.van && r.tot === q.tot))) continue;
    eerder.push(r);
    perCat.set(r.categorie, eerder);
    gekozen.push(r);
  }
  const emmers = new Map<string, { van: string; tot: string; rijen: AfhandelingRij[]; maanden: Set<string> }>();
  for (const r of gekozen) {
    const m = maandenIn(r.van, r.tot);
    const k = indeling === 'kwartaal' && m <= 3 && kwartaalVan(r.van).tot >= r.tot ? kwartaalVan(r.van) : r;
    const sleutel = `${k.van}/${k.tot}`;
    const e = emmers.get(sleutel) ?? { van: k.van, tot: k.tot, rijen: [], maanden: new Set<string>() };
    e.rijen.push(r);
    e.maanden.add(`${r.van}/${r.tot}`);
    emmers.set(sleutel, e);
  }
  return [...emmers.values()]
    .sort((a, b) => a.van.localeCompare(b.van) || a.tot.localeCompare(b.tot))
    .map((e) => {
      const perCategorie: Record<string, number> = {};
      const afgeschermd = new Set<string>();
      for (const r of e.rijen) {
        perCategorie[r.categorie] = (perCategorie[r.categorie] ?? 0) + (r.waarde ?? 0);
        if (r.waarde === null) afgeschermd.add(r.categorie);
      }
      // Months with data: the distinct periods counted in this bucket (three months of a quarter = 3).
      const dekking = [...e.maanden].reduce((som, p) => {
        const [a, b] = p.split('/') as [string, string];
        return som + maandenIn(a, b);
      }, 0);
      return {
        van: e.van,
        tot: e.tot,
        label: periodeLabel(e.van, e.tot, taal),
        maanden: Math.round(dekking * 10) / 10,
        perCategorie,
        afgeschermd: [...afgeschermd],
        totaal: Object.values(perCategorie).reduce((s, v) => s + v, 0),
        bronnen: [...new Set(e.rijen.map((r) => r.bron))],
      };
    });
}

/** A period's counts as they may be shown: small ones as "<5", and one that would follow from the total as "x". */
export interface BeschermdePeriode {
  readonly cellen: Readonly<Record<string, number | string>>;
  readonly totaal: number | string;
  /** The categories not shown as a number (their bar segments are drawn as one, without shares). */
  readonly verborgen: readonly string[];
}

/**
 * The small-count rule on one period of the afhandeling (the same as the report's tables: primary suppression, then
 * secondary along the period's total), for the view and the CLI. Shares are shown only of counts shown.
 */
export function protectAfhandeling(
  p: AfhandelingPeriode,
  codes: readonly string[],
  privacy: PrivacyInstellingen,
): BeschermdePeriode {
  const waarden: CelWaarde[] = [...codes.map((c) => p.perCategorie[c] ?? 0), p.totaal].map((n) =>
    isKlein(n, privacy) ? kleinLabel(privacy) : n,
  );
  beschermGroepen(waarden, [{ totaal: codes.length, delen: codes.map((_, i) => i) }], privacy);
  const cellen: Record<string, number | string> = {};
  codes.forEach((c, i) => (cellen[c] = waarden[i] ?? 0));
  return {
    cellen,
    totaal: waarden[codes.length] ?? p.totaal,
    verborgen: codes.filter((c) => typeof cellen[c] === 'string'),
  };
}

/** The share (0–100) of a category in a period; null when the period has no count. */
export function aandeel(p: AfhandelingPeriode, categorie: string): number | null {
  return p.totaal > 0 ? ((p.perCategorie[categorie] ?? 0) / p.totaal) * 100 : null;
}

// ------------------------------------------------------------------------------------------------------ kosten

export interface KostenRij {
  readonly van: string;
  readonly tot: string;
  readonly wet: string | null;
  readonly waarde: number;
  readonly bron: string;
  /** Derived from toewijzingen × the scenario's tariffs, not imported. */
  readonly afgeleid: boolean;
}

export interface KostenJaar {
  readonly jaar: number;
  readonly perWet: Readonly<Record<string, number>>;
  readonly totaal: number;
  /** Months counted in the year (fewer than 12: the year so far). */
  readonly maanden: number;
  /** The total scaled to a year. */
  readonly perJaar: number;
  readonly basisjaar: boolean;
  readonly afgeleid: boolean;
  readonly bronnen: readonly string[];
}

/** Costs per calendar year and wet; years before the pilot's start are its baseline. */
export function kostenPerJaar(rijen: readonly KostenRij[], pilotStart: string | null): KostenJaar[] {
  const perJaar = new Map<number, KostenRij[]>();
  for (const r of rijen) {
    if (r.van.slice(0, 4) !== r.tot.slice(0, 4)) continue;
    const j = Number(r.van.slice(0, 4));
    perJaar.set(j, [...(perJaar.get(j) ?? []), r]);
  }
  const startJaar = pilotStart ? Number(pilotStart.slice(0, 4)) : null;
  return [...perJaar.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([jaar, lijst]) => {
      // Per wet the shortest periods that do not overlap (months next to the year's total: the months).
      const perWet: Record<string, number> = {};
      let maanden = 0;
      const wetten = new Set(lijst.map((r) => r.wet ?? 'onbekend'));
      for (const wet of wetten) {
        const punten: Punt[] = lijst
          .filter((r) => (r.wet ?? 'onbekend') === wet)
          .map((r) => ({ van: r.van, tot: r.tot, waarde: r.waarde, onvolledig: false, bronnen: [r.bron] }));
        const w = stroomOver(punten, `${jaar}-01-01`, `${jaar}-12-31`);
        if (!w) continue;
        perWet[wet] = (w.waarde * w.maanden!) / 12;
        maanden = Math.max(maanden, w.maanden!);
      }
      const totaal = Object.values(perWet).reduce((s, v) => s + v, 0);
      return {
        jaar,
        perWet,
        totaal,
        maanden: Math.round(maanden * 10) / 10,
        perJaar: maanden > 0 ? (totaal / maanden) * 12 : 0,
        basisjaar: startJaar !== null && jaar < startJaar,
        afgeleid: lijst.every((r) => r.afgeleid),
        bronnen: [...new Set(lijst.map((r) => r.bron))],
      };
    });
}

// ------------------------------------------------------------------------------------------------------ initiatieven

export interface InitiatiefGebeurtenis {
  readonly datum: string | null;
  readonly soort: 'nieuw' | 'gestopt' | 'gepland';
  readonly voorzieningId: number;
  readonly naam: string;
  readonly organisatie: string | null;
  readonly collectief: boolean;
  /** Where the date comes from: the voorziening's start/end date, or the snapshot it first/last appears in. */
  readonly herkomst: 'datum' | 'momentopname' | 'status';
}

export interface NieuweRelatie {
  readonly id: number;
  readonly van: string;
  readonly naar: string;
  readonly soort: string;
  readonly sinds: string | null;
}

// ------------------------------------------------------------------------------------------------------ capaciteit

export interface CapaciteitGebied {
  readonly code: string;
  readonly naam: string;
  readonly peildatum: string;
  readonly fte: Readonly<Partial<Record<Functie, number>>>;
  readonly fteTotaal: number;
  /** Aanmeldingen over the last twelve months (scaled to a year), null when not counted there. */
  readonly aanmeldingen: number | null;
  /** Toewijzingen at the newest peildatum, null when not counted there. */
  readonly toewijzingen: number | null;
  /** False for a gebied inside another one with capacity (a buurt in its wijk): not counted twice in the reference. */
  readonly inReferentie?: boolean;
}

export interface CapaciteitRij extends CapaciteitGebied {
  readonly aanmeldingenPerFte: number | null;
  readonly toewijzingenPerFte: number | null;
  /** Against the gemeente (all gebieden with capacity together): ratio of aanmeldingen per fte, 1 = the same. */
  readonly index: number | null;
  readonly oordeel: 'onderbezet' | 'gemiddeld' | 'ruim' | 'onbekend';
}

/** Demand per fte per gebied against all gebieden together; 20% above is "onderbezet", 20% below "ruim". */
export function capaciteitTegenVraag(gebieden: readonly CapaciteitGebied[]): {
  rijen: CapaciteitRij[];
  gemeente: { fte: number; aanmeldingen: number; aanmeldingenPerFte: number | null };
} {
  const metVraag = gebieden.filter((g) => g.aanmeldingen !== null && g.fteTotaal > 0 && g.inReferentie !== false);
  const fte = metVraag.reduce((s, g) => s + g.fteTotaal, 0);
  const aanmeldingen = metVraag.reduce((s, g) => s + g.aanmeldingen!, 0);
  const ref = fte > 0 ? aanmeldingen / fte : null;
  const rijen = gebieden.map((g) => {
    const apf = g.aanmeldingen !== null && g.fteTotaal > 0 ? g.aanmeldingen / g.fteTotaal : null;
    const tpf = g.toewijzingen !== null && g.fteTotaal > 0 ? g.toewijzingen / g.fteTotaal : null;
    const index = apf !== null && ref ? apf / ref : null;
    const oordeel: CapaciteitRij['oordeel'] =
      index === null ? 'onbekend' : index > 1.2 ? 'onderbezet' : index < 0.8 ? 'ruim' : 'gemiddeld';
    return { ...g, aanmeldingenPerFte: apf, toewijzingenPerFte: tpf, index, oordeel };
  });
  return { rijen, gemeente: { fte, aanmeldingen, aanmeldingenPerFte: ref } };
}

// ------------------------------------------------------------------------------------------------------ questions

export interface EvaluatieVraag {
  readonly nummer: 1 | 2 | 3 | 4;
  readonly vraag: string;
  readonly antwoord: string;
}

function aandeelZin(
  perioden: readonly AfhandelingPeriode[],
  categorie: string,
  wat: { nl: string; en: string },
  taal: Taal,
  drempel: number | null,
): string | null {
  // A share of a period with a small count would give it away (the four shares add up to 100%, and the sentences of
  // the other questions give the others): only periods without a small count are spoken of (the small-count rule).
  const klein = (n: number) => drempel !== null && n > 0 && n < drempel;
  const met = perioden.filter((p) => p.totaal > 0 && !klein(p.totaal) && !Object.values(p.perCategorie).some(klein));
  const laatste = met.at(-1);
  if (!laatste) return null;
  const vorige = met.at(-2);
  const minder = taal === 'en' ? `fewer than ${drempel}` : `minder dan ${drempel}`;
  const pct = (p: AfhandelingPeriode) =>
    klein(p.perCategorie[categorie] ?? 0) || klein(p.totaal) ? minder : `${Math.round(aandeel(p, categorie)!)}%`;
  const totaal = klein(laatste.totaal) ? `<${drempel}` : String(laatste.totaal);
  const deel = laatste.maanden < maandenIn(laatste.van, laatste.tot) - 0.01;
  const labelL = `${laatste.label}${deel ? (taal === 'en' ? ' so far' : ' tot nu toe') : ''}`;
  if (taal === 'en') {
    return `${pct(laatste)} of the aanmeldingen ${wat.en} in ${labelL}${vorige ? `, was ${pct(vorige)} in ${vorige.label}` : ''} (${totaal} aanmeldingen).`;
  }
  return `${pct(laatste)} van de aanmeldingen ${wat.nl} in ${labelL}${vorige ? `, was ${pct(vorige)} in ${vorige.label}` : ''} (${totaal} aanmeldingen).`;
}

/** What the data says about the pilot plan's four evaluation questions ("We evalueren na zes maanden …"). */
export function evaluatieVragen(
  invoer: {
    readonly perioden: readonly AfhandelingPeriode[];
    readonly initiatieven: readonly InitiatiefGebeurtenis[];
    readonly collectiefNu: number | null;
    readonly sinds: string | null;
    readonly toewijzingen: { readonly licht: number; readonly totaal: number; readonly peildatum: string } | null;
    /** Counts below it are not given away (the project's small-count threshold); null = off. */
    readonly drempel?: number | null;
  },
  taal: Taal = 'nl',
): EvaluatieVraag[] {
  const en = taal === 'en';
  const geen = en ? 'No afhandeling counts yet.' : 'Nog geen cijfers over de afhandeling.';
  const na = invoer.sinds ? invoer.initiatieven.filter((i) => i.datum === null || i.datum > invoer.sinds!) : [];
  const nieuw = na.filter((i) => i.soort === 'nieuw' && i.collectief).length;
  const gepland = invoer.initiatieven.filter((i) => i.soort === 'gepland' && i.collectief).length;
  const gestopt = na.filter((i) => i.soort === 'gestopt' && i.collectief).length;
  const sinds = invoer.sinds ? (en ? datumEn : datumNl)(invoer.sinds) : null;
  const collectief = en
    ? `${sinds ? `Since ${sinds}: ${nieuw} new collective offers, ${gestopt} stopped` : 'No baseline moment'}; ${gepland} planned.${invoer.collectiefNu !== null ? ` Now ${invoer.collectiefNu} collective, freely accessible offers in the area.` : ''}`
    : `${sinds ? `Sinds ${sinds}: ${nieuw} nieuw collectief aanbod, ${gestopt} gestopt` : 'Geen beginmoment'}; ${gepland} gepland.${invoer.collectiefNu !== null ? ` Nu ${invoer.collectiefNu} collectieve, vrij toegankelijke voorzieningen in het gebied.` : ''}`;
  const t = invoer.toewijzingen;
  const indicatie = aandeelZin(
    invoer.perioden,
    'maatwerk',
    { nl: 'leidde tot een maatwerkindicatie', en: 'led to a maatwerk indication' },
    taal,
    invoer.drempel ?? null,
  );
  const klein = (n: number) => invoer.drempel != null && n > 0 && n < invoer.drempel;
  const licht =
    t && t.totaal > 0 && !klein(t.licht) && !klein(t.totaal) && !klein(t.totaal - t.licht)
      ? en
        ? ` Of the ${t.totaal} toewijzingen on ${datumEn(t.peildatum)}, ${Math.round((t.licht / t.totaal) * 100)}% is light support (OB1–2).`
        : ` Van de ${t.totaal} toewijzingen op ${datumNl(t.peildatum)} is ${Math.round((t.licht / t.totaal) * 100)}% lichte ondersteuning (OB1–2).`
      : '';
  return [
    {
      nummer: 1,
      vraag: en
        ? 'What can we refer to algemene voorzieningen?'
        : 'Wat kunnen we richting algemene voorzieningen verwijzen?',
      antwoord:
        aandeelZin(
          invoer.perioden,
          'voorliggend',
          { nl: 'voorliggend opgelost', en: 'solved in the voorliggend veld' },
          taal,
          invoer.drempel ?? null,
        ) ?? geen,
    },
    { nummer: 2, vraag: en ? 'What can we collectivise?' : 'Wat kunnen we collectiviseren?', antwoord: collectief },
    {
      nummer: 3,
      vraag: en ? 'What support can the wijkteam offer itself?' : 'Welke ondersteuning kan het wijkteam zelf bieden?',
      antwoord:
        aandeelZin(
          invoer.perioden,
          'wijkteam',
          { nl: 'geholpen door het wijkteam zelf', en: 'helped by the wijkteam itself' },
          taal,
          invoer.drempel ?? null,
        ) ?? geen,
    },
    {
      nummer: 4,
      vraag: en ? 'When is a specific indication needed?' : 'Wanneer is een specifieke indicatie nodig?',
      antwoord: (indicatie ?? geen) + licht,
    },
  ];
}

export interface PilotMonitor {
  readonly pilot: PilotInstellingen;
  readonly peildatum: string;
  readonly gebiedNaam: string | null;
  readonly doelen: readonly DoelEvaluatie[];
  readonly afhandeling: readonly AfhandelingPeriode[];
  readonly categorieen: readonly { readonly code: string; readonly label: string }[];
  readonly kosten: readonly KostenJaar[];
  /** The mean cost per year of the baseline years (null without any). */
  readonly kostenBasis: number | null;
  readonly initiatieven: readonly InitiatiefGebeurtenis[];
  readonly nieuweRelaties: readonly NieuweRelatie[];
  readonly capaciteit: ReturnType<typeof capaciteitTegenVraag>;
  readonly vragen: readonly EvaluatieVraag[];
}
