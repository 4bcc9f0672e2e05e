/**
 * The scenario of a pilot plan ("Financiën", e.g. the Boswinkel plan's medium scenario): a table of **lines**, each
 * with its kind (besparing / vervangende inzet / investering), how its full-year amount is made, and its own build-up
 * per year. Subtotals and the rendement follow:
 *
 *   subtotaal besparing − vervangende inzet = rendement zorginzet;  rendement zorginzet − investeringen = rendement.
 *
 * A line's full-year amount is one of:
 *   - indicaties: the selected maatwerk indications in the counts × the share that moves × the tariff per product;
 *   - aandeel: a share of the full-year amount of other lines (the plan's "vervangende zorginzet");
 *   - bedrag / fte: an amount the user enters, or fte × cost per fte (personele inzet).
 * Each year's amount is the full-year amount × the line's build-up that year (its own, else the scenario's); a
 * build-up list shorter than the years goes on at its last value. A scenario without lines is today's simple case:
 * one line of the selected indications and a share of it as vervangende inzet. Pure; every figure is in the result.
 */
import type { HiatenInput, HiatenMeting } from './hiaten';

export type ScenarioRegelSoort = 'besparing' | 'vervangende-inzet' | 'investering';

export interface IndicatieSelectie {
  readonly maat: string;
  readonly wet?: string | null;
  readonly ondersteuningsbehoefte?: readonly number[];
  readonly vorm?: 'individueel' | 'groep' | null;
}

export type ScenarioRegelBron =
  | {
      readonly type: 'indicaties';
      readonly selectie: IndicatieSelectie;
      /** Share that moves; absent = the scenario's (so one change of the scenario's share reaches every such line). */
      readonly verschuiving?: number | null;
      /** Euro per indication per year per product; absent products take the line's, else the scenario's, tariff. */
      readonly tarieven?: Readonly<Record<string, number>>;
      readonly standaardTarief?: number | null;
    }
  | { readonly type: 'aandeel'; readonly van: readonly string[]; readonly aandeel: number }
  | { readonly type: 'bedrag'; readonly bedrag: number }
  | { readonly type: 'fte'; readonly fte: number; readonly kostenPerFte: number };

export interface ScenarioRegel {
  /** Stable within the scenario; an `aandeel` line names the lines it is a share of by these. */
  readonly id: string;
  readonly naam: string;
  readonly soort: ScenarioRegelSoort;
  readonly bron: ScenarioRegelBron;
  /** Build-up per year from the start year; absent = the scenario's. */
  readonly opbouw?: readonly number[] | null;
  readonly toelichting?: string | null;
}

export interface ScenarioParameters {
  /** Share of the selected indications that moves (0–1); the pilot assumes 0.4. */
  readonly verschuiving: number;
  readonly startjaar: number;
  /** Build-up per year from the start (share of the full effect); the pilot: a quarter year, then 75%, then 100%. */
  readonly opbouw: readonly number[];
  /** Which counts are indications that can move (the simple case, without lines). */
  readonly selectie: IndicatieSelectie;
  /** Euro per indication per year, per product as it is named in the counts; `standaard` for the others. */
  readonly tarieven: Readonly<Record<string, number>>;
  readonly standaardTarief: number;
  /** Share of the saving spent on the collective offer that replaces it ("vervangende zorginzet"; simple case). */
  readonly vervangendeInzet: number;
  /** Only these buurten (codes); empty = all. */
  readonly gebieden?: readonly string[];
  /** The plan's lines; absent or empty = the simple case (one saving line and its vervangende inzet). */
  readonly regels?: readonly ScenarioRegel[];
  /** Where the inputs come from (shown with the table). */
  readonly toelichting?: string | null;
}

export const STANDAARD_SCENARIO: ScenarioParameters = {
  verschuiving: 0.4,
  startjaar: new Date().getFullYear(),
  opbouw: [0.1875, 0.75, 1, 1, 1],
  selectie: { maat: 'toewijzingen', wet: 'Wmo', ondersteuningsbehoefte: [1, 2] },
  tarieven: {},
  standaardTarief: 5000,
  vervangendeInzet: 0.38,
};

/** The ids of the two lines of the simple case. */
export const EENVOUDIGE_REGELS = { besparing: 'besparing', vervangend: 'vervangende-inzet' } as const;

export interface ScenarioJaar {
  readonly jaar: number;
  /** The scenario's build-up that year. */
  readonly opbouw: number;
  readonly minderIndicaties: number;
  /** Subtotaal besparing. */
  readonly besparing: number;
  readonly vervangendeInzet: number;
  /** Subtotaal rendement zorginzet: besparing − vervangende inzet. */
  readonly netto: number;
  /** Subtotaal investeringen. */
  readonly investeringen: number;
  /** Rendement: netto − investeringen. */
  readonly rendement: number;
}

export interface ScenarioProduct {
  readonly product: string;
  readonly aantal: number;
  readonly tarief: number;
}

export interface ScenarioRegelUitkomst {
  readonly id: string;
  readonly naam: string;
  readonly soort: ScenarioRegelSoort;
  readonly bron: ScenarioRegelBron['type'];
  /** The build-up per year used for this line. */
  readonly opbouw: readonly number[];
  /** The amount at full build-up. */
  readonly volledigJaar: number;
  readonly bedragen: readonly number[];
  /** Lines from counts: the indications, the share that moves and the counts per product. */
  readonly indicaties: number | null;
  readonly verschuiving: number | null;
  readonly producten: readonly ScenarioProduct[];
  readonly toelichting: string | null;
}

export interface ScenarioTabelUitkomst {
  readonly jaren: readonly number[];
  readonly regels: readonly ScenarioRegelUitkomst[];
  readonly perJaar: readonly ScenarioJaar[];
}

export interface ScenarioUitkomst extends ScenarioTabelUitkomst {
  /** The indications in all lines from counts. */
  readonly indicaties: number;
  /** Some counts were suppressed (<5) and are not in the figures. */
  readonly onderdrukt: boolean;
  readonly producten: readonly ScenarioProduct[];
  /** Per buurt: the lines from counts (and shares of them); amounts the user entered count only for the whole. */
  readonly perGebied: readonly (ScenarioTabelUitkomst & {
    readonly code: string;
    readonly naam: string;
    readonly indicaties: number;
  })[];
  /** Lines left out of the per-buurt tables (entered amounts, and shares of them). */
  readonly alleenGeheel: readonly string[];
}

/** The lines of a scenario: its own, or the simple case's two. */
export function scenarioRegels(p: ScenarioParameters): readonly ScenarioRegel[] {
  if (p.regels && p.regels.length > 0) return p.regels;
  return [
    {
      id: EENVOUDIGE_REGELS.besparing,
      naam: 'Besparing maatwerk',
      soort: 'besparing',
      bron: { type: 'indicaties', selectie: p.selectie },
    },
    {
      id: EENVOUDIGE_REGELS.vervangend,
      naam: 'Vervangende inzet',
      soort: 'vervangende-inzet',
      bron: { type: 'aandeel', van: [EENVOUDIGE_REGELS.besparing], aandeel: p.vervangendeInzet },
    },
  ];
}

/** What is wrong with the lines (ids unique, shares of existing lines that are no share themselves), or null. */
export function regelsProbleem(regels: readonly ScenarioRegel[]): string | null {
  const ids = new Set<string>();
  for (const r of regels) {
    if (ids.has(r.id)) return `regel ‘${r.id}’ staat er twee keer in`;
    ids.add(r.id);
  }
  const byId = new Map(regels.map((r) => [r.id, r]));
  for (const r of regels) {
    if (r.bron.type !== 'aandeel') continue;
    for (const v of r.bron.van) {
      const doel = byId.get(v);
      if (!doel) return `regel ‘${r.naam}’ is een aandeel van ‘${v}’, maar die regel bestaat niet`;
      if (doel.bron.type === 'aandeel')
        return `regel ‘${r.naam}’ is een aandeel van een ander aandeel (‘${doel.naam}’)`;
    }
  }
  return null;
}

const selected = (m: HiatenMeting, s: IndicatieSelectie) =>
  (!m.detail || !!s.vorm) &&
  m.maat === s.maat &&
  (!s.wet || m.wet === s.wet) &&
  (!s.vorm || m.vorm === s.vorm) &&
  (!s.ondersteuningsbehoefte?.length ||
    (m.ondersteuningsbehoefte !== null && s.ondersteuningsbehoefte.includes(m.ondersteuningsbehoefte)));

/** A build-up list at year i; past its end it goes on at its last value. */
const opbouwIn = (lijst: readonly number[], i: number) => lijst[Math.min(i, lijst.length - 1)] ?? 0;

/** Counts per line (from counts) and per product, for one scope (a buurt or the whole selection). */
type Tellingen = ReadonlyMap<string, ReadonlyMap<string, number>>;

function tabel(p: ScenarioParameters, regels: readonly ScenarioRegel[], tellingen: Tellingen): ScenarioTabelUitkomst {
  const aantalJaren = Math.max(p.opbouw.length, ...regels.map((r) => r.opbouw?.length ?? 0));
  const jaren = Array.from({ length: aantalJaren }, (_, i) => p.startjaar + i);
  const volledig = new Map<string, number>();
  const uit: ScenarioRegelUitkomst[] = [];
  // Lines that are a share of others come after the lines they refer to (regelsProbleem allows no deeper chains).
  const volgorde = [...regels].sort((a, b) => Number(a.bron.type === 'aandeel') - Number(b.bron.type === 'aandeel'));
  for (const r of volgorde) {
    const opbouw = jaren.map((_, i) => opbouwIn(r.opbouw?.length ? r.opbouw : p.opbouw, i));
    let full = 0;
    let indicaties: number | null = null;
    let verschuiving: number | null = null;
    let producten: ScenarioProduct[] = [];
    const b = r.bron;
    if (b.type === 'indicaties') {
      verschuiving = b.verschuiving ?? p.verschuiving;
      producten = [...(tellingen.get(r.id) ?? new Map<string, number>())]
        .sort(([x], [y]) => x.localeCompare(y))
        .map(([product, aantal]) => ({
          product,
          aantal,
          // The line's own tariffs first; a line's one tariff is more particular than the scenario's per product.
          tarief: b.tarieven?.[product] ?? b.standaardTarief ?? p.tarieven[product] ?? p.standaardTarief,
        }));
      indicaties = producten.reduce((t, x) => t + x.aantal, 0);
      full = producten.reduce((t, x) => t + x.aantal * verschuiving! * x.tarief, 0);
    } else if (b.type === 'aandeel') {
      full = b.aandeel * b.van.reduce((t, v) => t + (volledig.get(v) ?? 0), 0);
    } else if (b.type === 'bedrag') {
      full = b.bedrag;
    } else {
      full = b.fte * b.kostenPerFte;
    }
    volledig.set(r.id, full);
    uit.push({
      id: r.id,
      naam: r.naam,
      soort: r.soort,
      bron: b.type,
      opbouw,
      volledigJaar: full,
      bedragen: opbouw.map((f) => full * f),
      indicaties,
      verschuiving,
      producten,
      toelichting: r.toelichting ?? null,
    });
  }
  // In the order the user wrote them.
  const plek = new Map(regels.map((r, i) => [r.id, i]));
  uit.sort((a, b) => plek.get(a.id)! - plek.get(b.id)!);
  const som = (soort: ScenarioRegelSoort, i: number) =>
    uit.reduce((t, r) => (r.soort === soort ? t + r.bedragen[i]! : t), 0);
  const perJaar = jaren.map((jaar, i) => {
    const besparing = som('besparing', i);
    const vervangendeInzet = som('vervangende-inzet', i);
    const investeringen = som('investering', i);
    const netto = besparing - vervangendeInzet;
    return {
      jaar,
      opbouw: opbouwIn(p.opbouw, i),
      minderIndicaties: uit.reduce(
        (t, r) => (r.indicaties !== null ? t + r.indicaties * (r.verschuiving ?? 0) * r.opbouw[i]! : t),
        0,
      ),
      besparing,
      vervangendeInzet,
      netto,
      investeringen,
      rendement: netto - investeringen,
    };
  });
  return { jaren, regels: uit, perJaar };
}

export function berekenScenario(input: HiatenInput, p: ScenarioParameters): ScenarioUitkomst {
  const regels = scenarioRegels(p);
  const probleem = regelsProbleem(regels);
  if (probleem) throw new Error(`scenario: ${probleem}`);
  const wanted = new Set(p.gebieden ?? []);
  const names = new Map(input.gebieden.map((g) => [g.code, g.naam]));
  const uitTellingen = regels.filter((r) => r.bron.type === 'indicaties');
  const perGebied = new Map<string, Map<string, Map<string, number>>>();
  const totaal = new Map<string, Map<string, number>>();
  const add = (m: Map<string, Map<string, number>>, regel: string, product: string, n: number) => {
    const g = m.get(regel) ?? m.set(regel, new Map()).get(regel)!;
    g.set(product, (g.get(product) ?? 0) + n);
  };
  let onderdrukt = false;
  for (const m of input.metingen) {
    if (m.uitgesloten || (wanted.size && !wanted.has(m.gebied)) || !names.has(m.gebied)) continue;
    for (const r of uitTellingen) {
      if (r.bron.type !== 'indicaties' || !selected(m, r.bron.selectie)) continue;
      if (m.onderdrukt || m.waarde === null) {
        onderdrukt = true;
        continue;
      }
      const product = m.product ?? 'onbekend product';
      add(totaal, r.id, product, m.waarde);
      add(perGebied.get(m.gebied) ?? perGebied.set(m.gebied, new Map()).get(m.gebied)!, r.id, product, m.waarde);
    }
  }
  // Per buurt only what comes from its counts: an entered amount is the whole pilot's, never a buurt's.
  const uitTelling = new Set(uitTellingen.map((r) => r.id));
  const perBuurt = regels.filter(
    (r) => uitTelling.has(r.id) || (r.bron.type === 'aandeel' && r.bron.van.every((v) => uitTelling.has(v))),
  );
  const geheel = tabel(p, regels, totaal);
  const producten = new Map<string, ScenarioProduct>();
  for (const r of geheel.regels)
    for (const x of r.producten) {
      const was = producten.get(x.product);
      producten.set(x.product, was ? { ...was, aantal: was.aantal + x.aantal } : x);
    }
  const indicatiesIn = (t: ScenarioTabelUitkomst) => t.regels.reduce((s, r) => s + (r.indicaties ?? 0), 0);
  return {
    ...geheel,
    indicaties: indicatiesIn(geheel),
    onderdrukt,
    producten: [...producten.values()].sort((a, b) => a.product.localeCompare(b.product)),
    perGebied: [...perGebied]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, tellingen]) => {
        const t = tabel(p, perBuurt, tellingen);
        return { code, naam: names.get(code) ?? code, indicaties: indicatiesIn(t), ...t };
      }),
    alleenGeheel: regels.filter((r) => !perBuurt.includes(r)).map((r) => r.id),
  };
}

export interface ScenarioRij {
  /** A line's id, or the subtotal's key. */
  readonly sleutel: string;
  readonly label: string;
  readonly soort: 'regel' | 'subtotaal' | 'rendement';
  readonly bedragen: readonly number[];
}

const SUBTOTALEN = {
  nl: {
    besparing: 'Subtotaal besparing',
    netto: 'Subtotaal rendement zorginzet',
    investeringen: 'Subtotaal investeringen',
    rendement: 'Rendement',
  },
  en: {
    besparing: 'Subtotal savings',
    netto: 'Subtotal return on care',
    investeringen: 'Subtotal investments',
    rendement: 'Return',
  },
} as const;

/**
 * The table as the plan writes it: the saving lines and their subtotal, the vervangende inzet and the rendement
 * zorginzet, the investments and their subtotal, and the rendement. One source for the view, the CLI and the report.
 */
export function scenarioRijen(t: ScenarioTabelUitkomst, taal: 'nl' | 'en' = 'nl'): ScenarioRij[] {
  const l = SUBTOTALEN[taal];
  const regels = (soort: ScenarioRegelSoort): ScenarioRij[] =>
    t.regels
      .filter((r) => r.soort === soort)
      .map((r) => ({ sleutel: r.id, label: r.naam, soort: 'regel', bedragen: r.bedragen }));
  const sub = (sleutel: keyof typeof l, veld: keyof ScenarioJaar, soort: ScenarioRij['soort'] = 'subtotaal') => ({
    sleutel: `#${sleutel}`,
    label: l[sleutel],
    soort,
    bedragen: t.perJaar.map((j) => j[veld]),
  });
  const investeringen = regels('investering');
  return [
    ...regels('besparing'),
    sub('besparing', 'besparing'),
    ...regels('vervangende-inzet'),
    sub('netto', 'netto'),
    ...investeringen,
    ...(investeringen.length ? [sub('investeringen', 'investeringen')] : []),
    sub('rendement', 'rendement', 'rendement'),
  ];
}
