/**
 * Pure parts of the Hiaten view: how a severity looks (colour, symbol, text colour), the matrix of buurten ×
 * leefgebieden and its sorting, the ranked list, Dutch number input, and the scenario tables. No React, no DOM.
 */
import { STANDAARD_ABSOLUUT } from '../../../shared/analysis/hiaten';
import type {
  Basis,
  Ernst,
  GemeenteReferentie,
  HiaatCel,
  HiatenInstellingen,
  ScenarioJaar,
  ScenarioParameters,
  ScenarioUitkomst,
  Voorziening,
} from '../../../shared/contract';
import type { ScenarioRegel, ScenarioRegelBron, ScenarioRegelSoort } from '../../../shared/analysis/scenario';
import { datumEn, datumNl } from '../../../shared/report/format';

/** Which kinds of figures the cells rest on (for the legend's bron): Cognos, CBS care figures, CBS demography. */
export function basisVan(cellen: readonly HiaatCel[]): Basis[] {
  const gezien = new Set<Basis>();
  for (const c of cellen) for (const b of c.basis) gezien.add(b);
  return (['cognos', 'cbs-zorg', 'cbs-demografie'] as const).filter((b) => gezien.has(b));
}

/** "Bron: CBS-kerncijfers 2024 (demografie) · Cognos, peildatum 2 april 2024": only what this picture used. */
export function bronRegel(
  t: (key: string, params?: Record<string, unknown>) => string,
  jaar: number | null,
  periode: string | null,
  basis: readonly Basis[],
): string {
  const delen: string[] = [];
  const cbs = basis.filter((b) => b !== 'cognos').map((b) => t(`hiaten.basis.${b}`));
  if (jaar && cbs.length) delen.push(t('hiaten.bronCbs', { jaar, wat: cbs.join(', ') }));
  if (periode && basis.includes('cognos')) delen.push(t('hiaten.bronCognos', { periode }));
  if (delen.length === 0) return t('hiaten.bronGeen');
  return `${t('hiaten.bron')}: ${delen.join(' · ')}${basis.length === 1 && basis[0] === 'cbs-demografie' ? ` (${t('hiaten.alleenDemografie')})` : ''}`;
}

/** "2024-04-02" → "2 april 2024" (or "2 April 2024" in English). */
export const datumTekst = (iso: string, taal: string): string => (taal === 'en' ? datumEn(iso) : datumNl(iso));

type Reden =
  'niet-collectief' | 'op-indicatie' | 'ander-leefgebied' | 'andere-doelgroep' | 'gestopt' | 'ander-werkgebied';

/** Most severe first; "geen gegevens" last: it is not a verdict. */
export const ERNST_VOLGORDE: readonly Ernst[] = ['ernstig', 'hiaat', 'aandacht', 'geen', 'geen-gegevens'];

const RANG: Readonly<Record<Ernst, number>> = { ernstig: 4, hiaat: 3, aandacht: 2, geen: 1, 'geen-gegevens': 0 };
export const ernstRang = (e: Ernst): number => RANG[e];

export interface ErnstStijl {
  /** Fill of the cell and of the buurt on the map. */
  readonly fill: string;
  /** Text on that fill (contrast ≥ 4.5:1). */
  readonly tekst: string;
  /** A symbol as well as the colour: colour is never the only carrier. */
  readonly symbool: string;
  /** A hatch instead of a plain fill ("geen gegevens"). */
  readonly arcering: boolean;
}

/**
 * An ordered, single-hue sequential scale (ColorBrewer Purples, colour-blind safe), light = no gap, dark = ernstig.
 * No red/green: a gap is a signal, not a verdict. "Geen gegevens" is grey with a hatch, never a step of the scale.
 */
export const ERNST_STIJL: Readonly<Record<Ernst, ErnstStijl>> = {
  geen: { fill: '#f2f0f7', tekst: '#1a1a1a', symbool: '–', arcering: false },
  aandacht: { fill: '#cbc9e2', tekst: '#1a1a1a', symbool: '!', arcering: false },
  hiaat: { fill: '#9e9ac8', tekst: '#1a1a1a', symbool: '!!', arcering: false },
  ernstig: { fill: '#54278f', tekst: '#ffffff', symbool: '!!!', arcering: false },
  'geen-gegevens': { fill: '#e6e6e6', tekst: '#1a1a1a', symbool: '?', arcering: true },
};

/** A matrix row: one buurt with its cell per leefgebied. */
export interface MatrixRij {
  readonly code: string;
  readonly naam: string;
  readonly cellen: ReadonlyMap<string, HiaatCel>;
  /** The most severe cell of the row (then the highest index). */
  readonly ergste: HiaatCel | null;
}

/** The worst first: severity, then need index (cells without an index last). */
export function vergelijkCellen(a: HiaatCel | null | undefined, b: HiaatCel | null | undefined): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  return ernstRang(b.ernst) - ernstRang(a.ernst) || (b.index ?? -Infinity) - (a.index ?? -Infinity);
}

export function bouwMatrix(cellen: readonly HiaatCel[]): MatrixRij[] {
  const rijen = new Map<string, { code: string; naam: string; cellen: Map<string, HiaatCel> }>();
  for (const c of cellen) {
    const rij = rijen.get(c.gebiedCode) ?? { code: c.gebiedCode, naam: c.gebiedNaam, cellen: new Map() };
    rij.cellen.set(c.leefgebied, c);
    rijen.set(c.gebiedCode, rij);
  }
  return [...rijen.values()].map((r) => ({
    ...r,
    ergste: [...r.cellen.values()].sort(vergelijkCellen)[0] ?? null,
  }));
}

export type SorteerOp = 'ernst' | 'index' | 'per1000' | 'naam';

const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/** The largest of a figure over a row's cells (null when none has it). */
function maxOf(rij: MatrixRij, f: (c: HiaatCel) => number | null): number | null {
  let best: number | null = null;
  for (const c of rij.cellen.values()) {
    const v = f(c);
    if (v !== null && (best === null || v > best)) best = v;
  }
  return best;
}

/**
 * Sorts the rows: by severity (worst first), by a figure (highest first, unknown last) or by name. With a column
 * (a leefgebied) the figure of that column counts, else the worst or highest of the row.
 */
export function sorteerRijen(rijen: readonly MatrixRij[], op: SorteerOp, kolom: string | null): MatrixRij[] {
  const cel = (r: MatrixRij) => (kolom ? (r.cellen.get(kolom) ?? null) : r.ergste);
  const figure = (r: MatrixRij, f: (c: HiaatCel) => number | null) => {
    if (kolom) {
      const c = r.cellen.get(kolom);
      return c ? f(c) : null;
    }
    return maxOf(r, f);
  };
  const desc = (a: number | null, b: number | null) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : b - a);
  const byName = (a: MatrixRij, b: MatrixRij) => collator.compare(a.naam, b.naam) || a.code.localeCompare(b.code);
  return [...rijen].sort((a, b) => {
    switch (op) {
      case 'naam':
        return byName(a, b);
      case 'index':
        return (
          desc(
            figure(a, (c) => c.index),
            figure(b, (c) => c.index),
          ) || byName(a, b)
        );
      case 'per1000':
        return (
          desc(
            figure(a, (c) => c.vraagPer1000),
            figure(b, (c) => c.vraagPer1000),
          ) || byName(a, b)
        );
      default:
        return vergelijkCellen(cel(a), cel(b)) || byName(a, b);
    }
  });
}

/** The ranked list: every cell with a signal (aandacht or worse), most severe first. */
export function gerangschikt(cellen: readonly HiaatCel[]): HiaatCel[] {
  return cellen
    .filter((c) => ernstRang(c.ernst) >= ernstRang('aandacht'))
    .sort(
      (a, b) =>
        vergelijkCellen(a, b) ||
        a.gebiedNaam.localeCompare(b.gebiedNaam, 'nl') ||
        a.leefgebied.localeCompare(b.leefgebied),
    );
}

/** How many cells of each severity (for the legend). */
export function tellingPerErnst(cellen: readonly HiaatCel[]): Record<Ernst, number> {
  const out: Record<Ernst, number> = { ernstig: 0, hiaat: 0, aandacht: 0, geen: 0, 'geen-gegevens': 0 };
  for (const c of cellen) out[c.ernst]++;
  return out;
}

/**
 * A number as people type it in Dutch (or English): "1,25", "1.25", "5.000", "€ 5.000,50", "40 %". Null when empty,
 * NaN when it is not a number.
 */
export function parseGetal(text: string): number | null {
  let s = text.replace(/[€%\s\u00a0]/g, '');
  if (s === '') return null;
  if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, '');
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

/** 1.25 → "1,25" for an input field (no thousands separator, at most `decimals` decimals). */
export function toonGetal(x: number, decimals = 2): string {
  const f = 10 ** decimals;
  return String(Math.round(x * f) / f).replace('.', ',');
}

/**
 * The voorzieningen in or for a buurt that the analysis did not count for a cell, each with why: so the user sees
 * what was looked at. (Counted are active, collective, freely accessible offers for the leefgebied and doelgroep.)
 */
export function nietMeegeteld(
  voorzieningen: readonly Voorziening[],
  cel: HiaatCel,
  wijkCode: string | null,
): {
  voorziening: Voorziening;
  redenen: Reden[];
}[] {
  const counted = new Set([...cel.aanbodCollectief, ...cel.aanbodGepland]);
  const inBuurt = (v: Voorziening) =>
    v.werkgebied.length > 0
      ? v.werkgebied.includes(cel.gebiedCode) || (wijkCode !== null && v.werkgebied.includes(wijkCode))
      : v.locatieBuurtCode === cel.gebiedCode;
  // Collective offers for this leefgebied elsewhere in the same wijk: they would count if they served this buurt.
  const wijkDeel = wijkCode ? wijkCode.slice(2) : null;
  const inWijk = (v: Voorziening) =>
    wijkDeel !== null &&
    [...v.werkgebied, ...(v.locatieBuurtCode ? [v.locatieBuurtCode] : [])].some((c) => c.slice(2, 8) === wijkDeel);
  const redenenVan = (v: Voorziening, hier: boolean): Reden[] => {
    const redenen: Reden[] = [];
    if (!hier) redenen.push('ander-werkgebied');
    if (v.status === 'gestopt') redenen.push('gestopt');
    if (!v.collectief) redenen.push('niet-collectief');
    if (!v.vrijToegankelijk) redenen.push('op-indicatie');
    if (!v.leefgebieden.includes(cel.leefgebied)) redenen.push('ander-leefgebied');
    if (cel.doelgroep && v.doelgroepen.length > 0 && !v.doelgroepen.includes(cel.doelgroep))
      redenen.push('andere-doelgroep');
    return redenen;
  };
  const hier = voorzieningen
    .filter((v) => !counted.has(v.id) && inBuurt(v))
    .map((v) => ({ voorziening: v, redenen: redenenVan(v, true) }))
    .filter((x) => x.redenen.length > 0);
  const elders = voorzieningen
    .filter(
      (v) =>
        !counted.has(v.id) &&
        !inBuurt(v) &&
        v.collectief &&
        v.vrijToegankelijk &&
        v.status !== 'gestopt' &&
        v.leefgebieden.includes(cel.leefgebied) &&
        inWijk(v),
    )
    .map((v) => ({ voorziening: v, redenen: redenenVan(v, false) }))
    .sort((a, b) => collator.compare(a.voorziening.naam, b.voorziening.naam))
    .slice(0, 10);
  return [...hier.sort((a, b) => collator.compare(a.voorziening.naam, b.voorziening.naam)), ...elders];
}

// ---------------------------------------------------------------- settings

/** The settings as typed in the form (text, so a half-typed number stays as it is). */
export interface InstellingWaarden {
  aandacht: string;
  hiaat: string;
  ernstig: string;
  vraagGewicht: string;
  signalen: string[];
  /** The fixed levels for demand without a gemeente reference. */
  absAandachtPer1000: string;
  absAandachtAantal: string;
  absHiaatPer1000: string;
  absHiaatAantal: string;
  /** Per demand rule (its name): the gemeente figure the user entered, with bron and peildatum (ISO). */
  referenties: Record<string, { per1000: string; bron: string; peildatum: string }>;
}

export const naarWaarden = (i: HiatenInstellingen): InstellingWaarden => {
  const abs = i.absoluut ?? STANDAARD_ABSOLUUT;
  return {
    aandacht: toonGetal(i.drempels.aandacht),
    hiaat: toonGetal(i.drempels.hiaat),
    ernstig: toonGetal(i.drempels.ernstig),
    vraagGewicht: toonGetal(i.vraagGewicht),
    signalen: i.signalen.map((s) => toonGetal(s.gewicht)),
    absAandachtPer1000: toonGetal(abs.aandacht.per1000),
    absAandachtAantal: toonGetal(abs.aandacht.aantal),
    absHiaatPer1000: toonGetal(abs.hiaat.per1000),
    absHiaatAantal: toonGetal(abs.hiaat.aantal),
    referenties: Object.fromEntries(
      i.vraag.map((r) => {
        const ref = (i.referenties ?? []).find((x) => x.regel === r.naam && !x.gemeente);
        return [
          r.naam,
          ref
            ? { per1000: toonGetal(ref.per1000), bron: ref.bron, peildatum: ref.peildatum }
            : { per1000: '', bron: '', peildatum: '' },
        ];
      }),
    ),
  };
};

/** Checks the typed values: the settings, or the problems (field id → message key and params). */
export function controleerInstellingen(
  basis: HiatenInstellingen,
  w: InstellingWaarden,
): { ok: true; instellingen: HiatenInstellingen } | { ok: false; problemen: { veld: string; sleutel: string }[] } {
  const problemen: { veld: string; sleutel: string }[] = [];
  const getal = (veld: string, text: string, max: number | null): number => {
    const v = parseGetal(text);
    if (v === null) problemen.push({ veld, sleutel: 'hiaten.instellingen.fout.leeg' });
    else if (Number.isNaN(v)) problemen.push({ veld, sleutel: 'hiaten.instellingen.fout.geenGetal' });
    else if (v < 0) problemen.push({ veld, sleutel: 'hiaten.instellingen.fout.negatief' });
    else if (max !== null && v > max) problemen.push({ veld, sleutel: 'hiaten.instellingen.fout.teGroot' });
    return v ?? 0;
  };
  const aandacht = getal('aandacht', w.aandacht, null);
  const hiaat = getal('hiaat', w.hiaat, null);
  const ernstig = getal('ernstig', w.ernstig, null);
  const vraagGewicht = getal('vraagGewicht', w.vraagGewicht, 100);
  const gewichten = w.signalen.map((s, i) => getal(`signaal-${i}`, s, 100));
  if (problemen.length === 0 && !(aandacht <= hiaat && hiaat <= ernstig)) {
    problemen.push({ veld: 'hiaat', sleutel: 'hiaten.instellingen.fout.volgorde' });
  }
  const abs = {
    aandacht: {
      per1000: getal('absAandachtPer1000', w.absAandachtPer1000 ?? '', 1000),
      aantal: getal('absAandachtAantal', w.absAandachtAantal ?? '', null),
    },
    hiaat: {
      per1000: getal('absHiaatPer1000', w.absHiaatPer1000 ?? '', 1000),
      aantal: getal('absHiaatAantal', w.absHiaatAantal ?? '', null),
    },
  };
  if (
    problemen.length === 0 &&
    !(abs.aandacht.per1000 <= abs.hiaat.per1000 && abs.aandacht.aantal <= abs.hiaat.aantal)
  ) {
    problemen.push({ veld: 'absHiaatPer1000', sleutel: 'hiaten.instellingen.fout.volgordeNiveau' });
  }
  const referenties: GemeenteReferentie[] = (basis.referenties ?? []).filter((x) => !!x.gemeente);
  basis.vraag.forEach((r, i) => {
    const ref = w.referenties?.[r.naam];
    if (!ref || (ref.per1000.trim() === '' && ref.bron.trim() === '' && ref.peildatum.trim() === '')) return;
    const per1000 = getal(`ref-${i}-per1000`, ref.per1000, 1000);
    if (per1000 === 0) problemen.push({ veld: `ref-${i}-per1000`, sleutel: 'hiaten.instellingen.fout.nul' });
    if (ref.bron.trim() === '') problemen.push({ veld: `ref-${i}-bron`, sleutel: 'hiaten.instellingen.fout.bron' });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(ref.peildatum) || Number.isNaN(Date.parse(ref.peildatum)))
      problemen.push({ veld: `ref-${i}-peildatum`, sleutel: 'hiaten.instellingen.fout.datum' });
    referenties.push({ regel: r.naam, per1000, bron: ref.bron.trim(), peildatum: ref.peildatum });
  });
  if (problemen.length) return { ok: false, problemen };
  return {
    ok: true,
    instellingen: {
      ...basis,
      drempels: { aandacht, hiaat, ernstig },
      vraagGewicht,
      signalen: basis.signalen.map((s, i) => ({ ...s, gewicht: gewichten[i] ?? s.gewicht })),
      absoluut: abs,
      referenties,
    },
  };
}

// ---------------------------------------------------------------- scenario

export const SCENARIO_RIJEN = ['opbouw', 'minderIndicaties', 'besparing', 'vervangendeInzet', 'netto'] as const;
export type ScenarioRijSleutel = (typeof SCENARIO_RIJEN)[number];

export interface ScenarioTabel {
  readonly jaren: readonly number[];
  readonly rijen: readonly {
    readonly sleutel: ScenarioRijSleutel;
    readonly waarden: readonly number[];
    /** Sum over the years (null for the build-up, a share). */
    readonly totaal: number | null;
  }[];
}

/** The yearly table in the form of the pilot plan's medium scenario: rows are figures, columns are years. */
export function scenarioTabel(perJaar: readonly ScenarioJaar[]): ScenarioTabel {
  return {
    jaren: perJaar.map((j) => j.jaar),
    rijen: SCENARIO_RIJEN.map((sleutel) => {
      const waarden = perJaar.map((j) => j[sleutel]);
      return { sleutel, waarden, totaal: sleutel === 'opbouw' ? null : waarden.reduce((a, b) => a + b, 0) };
    }),
  };
}

export interface ScenarioBuurtRij {
  readonly code: string;
  readonly naam: string;
  readonly indicaties: number;
  /** Fewer indications a year at the full effect. */
  readonly minderVolledig: number;
  /** Net saving per year. */
  readonly netto: readonly number[];
  readonly nettoTotaal: number;
}

/** Per buurt: its indications, fewer at the full effect, and the net saving per year; largest saving first. */
export function scenarioPerBuurt(uitkomst: ScenarioUitkomst): ScenarioBuurtRij[] {
  return uitkomst.perGebied
    .map((g) => {
      const netto = g.perJaar.map((j) => j.netto);
      const full = g.perJaar.reduce((m, j) => (j.opbouw > 0 ? Math.max(m, j.minderIndicaties / j.opbouw) : m), 0);
      return {
        code: g.code,
        naam: g.naam,
        indicaties: g.indicaties,
        minderVolledig: full,
        netto,
        nettoTotaal: netto.reduce((a, b) => a + b, 0),
      };
    })
    .sort((a, b) => b.nettoTotaal - a.nettoTotaal || collator.compare(a.naam, b.naam));
}

/** The scenario as typed in the form: percentages as people write them ("40", "18,75"), euros without cents. */
export interface ScenarioWaarden {
  readonly verschuiving: string;
  readonly startjaar: string;
  readonly opbouw: readonly string[];
  readonly standaardTarief: string;
  /** Per product, as named in the counts; empty = the standard tariff. */
  readonly tarieven: Readonly<Record<string, string>>;
  readonly vervangendeInzet: string;
  readonly maat: string;
  /** '' = every wet. */
  readonly wet: string;
  /** Ondersteuningsbehoefte levels as text ("1", "2"); empty = all. */
  readonly niveaus: readonly string[];
  readonly vorm: '' | 'individueel' | 'groep';
  /** Only these buurten; empty = all. */
  readonly gebieden: readonly string[];
  /** The plan's own lines; empty = the simple case. */
  readonly regels: readonly RegelWaarden[];
  readonly toelichting: string;
}

/** One line of the plan as typed: amounts and percentages as text, the kind of amount as `type`. */
export interface RegelWaarden {
  readonly id: string;
  readonly naam: string;
  readonly soort: ScenarioRegelSoort;
  readonly type: ScenarioRegelBron['type'];
  readonly maat: string;
  readonly wet: string;
  readonly niveaus: readonly string[];
  readonly vorm: '' | 'individueel' | 'groep';
  /** '' = the scenario's share. */
  readonly verschuiving: string;
  /** '' = the scenario's standard tariff. */
  readonly tarief: string;
  /** Tariffs per product of a saved line (kept as they were; the form edits the line's one tariff). */
  readonly tarieven: Readonly<Record<string, number>>;
  readonly aandeel: string;
  readonly van: readonly string[];
  readonly bedrag: string;
  readonly fte: string;
  readonly kostenPerFte: string;
  /** null = the scenario's build-up. */
  readonly opbouw: readonly string[] | null;
  readonly toelichting: string;
}

const procent = (x: number) => toonGetal(x * 100, 2);

export function nieuweRegel(bestaande: readonly RegelWaarden[], soort: ScenarioRegelSoort = 'besparing'): RegelWaarden {
  let n = bestaande.length + 1;
  while (bestaande.some((r) => r.id === `regel-${n}`)) n++;
  return {
    id: `regel-${n}`,
    naam: '',
    soort,
    type: soort === 'besparing' ? 'indicaties' : soort === 'vervangende-inzet' ? 'aandeel' : 'bedrag',
    maat: 'toewijzingen',
    wet: 'Wmo',
    niveaus: ['1', '2'],
    vorm: '',
    verschuiving: '',
    tarief: '',
    tarieven: {},
    aandeel: '',
    van: bestaande.filter((r) => r.soort === 'besparing' && r.type !== 'aandeel').map((r) => r.id),
    bedrag: '',
    fte: '',
    kostenPerFte: '',
    opbouw: null,
    toelichting: '',
  };
}

function regelNaarWaarden(r: ScenarioRegel): RegelWaarden {
  const leeg = nieuweRegel([], r.soort);
  const b = r.bron;
  return {
    ...leeg,
    id: r.id,
    naam: r.naam,
    soort: r.soort,
    type: b.type,
    ...(b.type === 'indicaties'
      ? {
          maat: b.selectie.maat,
          wet: b.selectie.wet ?? '',
          niveaus: (b.selectie.ondersteuningsbehoefte ?? []).map(String),
          vorm: b.selectie.vorm ?? '',
          verschuiving: b.verschuiving == null ? '' : procent(b.verschuiving),
          tarief: b.standaardTarief == null ? '' : toonGetal(b.standaardTarief, 2),
          tarieven: b.tarieven ?? {},
        }
      : {}),
    ...(b.type === 'aandeel' ? { aandeel: procent(b.aandeel), van: [...b.van] } : {}),
    ...(b.type === 'bedrag' ? { bedrag: toonGetal(b.bedrag, 2) } : {}),
    ...(b.type === 'fte' ? { fte: toonGetal(b.fte, 2), kostenPerFte: toonGetal(b.kostenPerFte, 2) } : {}),
    opbouw: r.opbouw?.length ? r.opbouw.map(procent) : null,
    toelichting: r.toelichting ?? '',
  };
}

/** The simple case as lines (to start a plan of one's own from it). */
export function alsRegels(w: ScenarioWaarden): RegelWaarden[] {
  const besparing: RegelWaarden = {
    ...nieuweRegel([], 'besparing'),
    id: 'besparing',
    naam: 'Besparing maatwerk',
    maat: w.maat,
    wet: w.wet,
    niveaus: w.niveaus,
    vorm: w.vorm,
  };
  return [
    besparing,
    {
      ...nieuweRegel([besparing], 'vervangende-inzet'),
      id: 'vervangende-inzet',
      naam: 'Vervangende inzet',
      aandeel: w.vervangendeInzet,
      van: ['besparing'],
    },
  ];
}

export function scenarioNaarWaarden(p: ScenarioParameters): ScenarioWaarden {
  return {
    verschuiving: procent(p.verschuiving),
    startjaar: String(p.startjaar),
    opbouw: p.opbouw.map(procent),
    standaardTarief: toonGetal(p.standaardTarief, 2),
    tarieven: Object.fromEntries(Object.entries(p.tarieven).map(([k, v]) => [k, toonGetal(v, 2)])),
    vervangendeInzet: procent(p.vervangendeInzet),
    maat: p.selectie.maat,
    wet: p.selectie.wet ?? '',
    niveaus: (p.selectie.ondersteuningsbehoefte ?? []).map(String),
    vorm: p.selectie.vorm ?? '',
    gebieden: [...(p.gebieden ?? [])],
    regels: (p.regels ?? []).map(regelNaarWaarden),
    toelichting: p.toelichting ?? '',
  };
}

export type ScenarioProbleem = { readonly veld: string; readonly sleutel: string };

/** Checks the typed scenario: the parameters for the worker, or the problems (field → message key). */
export function controleerScenario(
  w: ScenarioWaarden,
): { ok: true; parameters: ScenarioParameters } | { ok: false; problemen: ScenarioProbleem[] } {
  const problemen: ScenarioProbleem[] = [];
  const getal = (veld: string, text: string, min: number, max: number): number => {
    const v = parseGetal(text);
    if (v === null) problemen.push({ veld, sleutel: 'scenario.fout.leeg' });
    else if (Number.isNaN(v)) problemen.push({ veld, sleutel: 'scenario.fout.geenGetal' });
    else if (v < min || v > max)
      problemen.push({ veld, sleutel: max === 100 ? 'scenario.fout.procent' : 'scenario.fout.bereik' });
    return v ?? 0;
  };
  const verschuiving = getal('verschuiving', w.verschuiving, 0, 100) / 100;
  const startjaar = getal('startjaar', w.startjaar, 2000, 2100);
  if (problemen.every((p) => p.veld !== 'startjaar') && !Number.isInteger(startjaar)) {
    problemen.push({ veld: 'startjaar', sleutel: 'scenario.fout.bereik' });
  }
  if (w.opbouw.length === 0) problemen.push({ veld: 'opbouw-0', sleutel: 'scenario.fout.geenJaren' });
  const opbouw = w.opbouw.map((x, i) => getal(`opbouw-${i}`, x, 0, 100) / 100);
  const standaardTarief = getal('standaardTarief', w.standaardTarief, 0, 10_000_000);
  const tarieven: Record<string, number> = {};
  Object.entries(w.tarieven)
    .sort(([a], [b]) => a.localeCompare(b))
    .forEach(([product, text]) => {
      if (text.trim() === '') return;
      tarieven[product] = getal(`tarief-${product}`, text, 0, 10_000_000);
    });
  const vervangendeInzet = getal('vervangendeInzet', w.vervangendeInzet, 0, 100) / 100;
  const niveausVan = (lijst: readonly string[]) =>
    lijst.map(Number).filter((n) => Number.isInteger(n) && n >= 1 && n <= 9);
  const regels: ScenarioRegel[] = w.regels.map((r, i) => {
    const veld = (naam: string) => `regel-${i}-${naam}`;
    if (!r.naam.trim()) problemen.push({ veld: veld('naam'), sleutel: 'scenario.fout.regelNaam' });
    const leegOf = (naam: string, text: string, min: number, max: number) =>
      text.trim() === '' ? null : getal(veld(naam), text, min, max);
    let bron: ScenarioRegelBron;
    if (r.type === 'indicaties') {
      const niveaus = niveausVan(r.niveaus);
      const eigen = leegOf('verschuiving', r.verschuiving, 0, 100);
      const tarief = leegOf('tarief', r.tarief, 0, 10_000_000);
      bron = {
        type: 'indicaties',
        selectie: {
          maat: r.maat,
          wet: r.wet || null,
          ...(niveaus.length ? { ondersteuningsbehoefte: niveaus } : {}),
          vorm: r.vorm || null,
        },
        ...(eigen !== null ? { verschuiving: eigen / 100 } : {}),
        ...(Object.keys(r.tarieven).length ? { tarieven: r.tarieven } : {}),
        ...(tarief !== null ? { standaardTarief: tarief } : {}),
      };
    } else if (r.type === 'aandeel') {
      const aandeel = getal(veld('aandeel'), r.aandeel, 0, 100) / 100;
      const van = r.van.filter((id) => w.regels.some((x) => x.id === id && x.type !== 'aandeel' && x.id !== r.id));
      if (van.length === 0) problemen.push({ veld: veld('van'), sleutel: 'scenario.fout.regelVan' });
      bron = { type: 'aandeel', van, aandeel };
    } else if (r.type === 'bedrag') {
      bron = { type: 'bedrag', bedrag: getal(veld('bedrag'), r.bedrag, 0, 10_000_000) };
    } else {
      bron = {
        type: 'fte',
        fte: getal(veld('fte'), r.fte, 0, 10_000),
        kostenPerFte: getal(veld('kostenPerFte'), r.kostenPerFte, 0, 10_000_000),
      };
    }
    const opbouwRegel = r.opbouw?.map((x, j) => getal(veld(`opbouw-${j}`), x, 0, 100) / 100) ?? null;
    return {
      id: r.id,
      naam: r.naam.trim(),
      soort: r.soort,
      bron,
      ...(opbouwRegel?.length ? { opbouw: opbouwRegel } : {}),
      ...(r.toelichting.trim() ? { toelichting: r.toelichting.trim() } : {}),
    };
  });
  if (problemen.length) return { ok: false, problemen };
  const niveaus = niveausVan(w.niveaus);
  return {
    ok: true,
    parameters: {
      verschuiving,
      startjaar,
      opbouw,
      selectie: {
        maat: w.maat,
        wet: w.wet || null,
        ...(niveaus.length ? { ondersteuningsbehoefte: niveaus } : {}),
        vorm: w.vorm || null,
      },
      tarieven,
      standaardTarief,
      vervangendeInzet,
      ...(w.gebieden.length ? { gebieden: [...w.gebieden] } : {}),
      ...(regels.length ? { regels } : {}),
      ...(w.toelichting.trim() ? { toelichting: w.toelichting.trim() } : {}),
    },
  };
}
