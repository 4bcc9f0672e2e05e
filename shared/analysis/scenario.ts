/**
 * The scenario of the pilot plan ("Financiën", medium scenario): a share of the selected maatwerk indications moves
 * to algemene voorzieningen in the sociale basis, built up over the years, at a tariff per product per year; part of
 * the saving goes into the collective offer that replaces it. Pure; every figure is in the result.
 */
import type { HiatenInput, HiatenMeting } from './hiaten';

export interface ScenarioParameters {
  /** Share of the selected indications that moves (0–1); the pilot assumes 0.4. */
  readonly verschuiving: number;
  readonly startjaar: number;
  /** Build-up per year from the start (share of the full effect); the pilot: a quarter year, then 75%, then 100%. */
  readonly opbouw: readonly number[];
  /** Which counts are indications that can move. */
  readonly selectie: {
    readonly maat: string;
    readonly wet?: string | null;
    readonly ondersteuningsbehoefte?: readonly number[];
    readonly vorm?: 'individueel' | 'groep' | null;
  };
  /** Euro per indication per year, per product as it is named in the counts; `standaard` for the others. */
  readonly tarieven: Readonly<Record<string, number>>;
  readonly standaardTarief: number;
  /** Share of the saving spent on the collective offer that replaces it ("vervangende zorginzet"). */
  readonly vervangendeInzet: number;
  /** Only these buurten (codes); empty = all. */
  readonly gebieden?: readonly string[];
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

export interface ScenarioJaar {
  readonly jaar: number;
  readonly opbouw: number;
  readonly minderIndicaties: number;
  readonly besparing: number;
  readonly vervangendeInzet: number;
  readonly netto: number;
}

export interface ScenarioUitkomst {
  readonly indicaties: number;
  /** Some counts were suppressed (<5) and are not in the figures. */
  readonly onderdrukt: boolean;
  readonly producten: readonly { readonly product: string; readonly aantal: number; readonly tarief: number }[];
  readonly perJaar: readonly ScenarioJaar[];
  readonly perGebied: readonly {
    readonly code: string;
    readonly naam: string;
    readonly indicaties: number;
    readonly perJaar: readonly ScenarioJaar[];
  }[];
}

const selected = (m: HiatenMeting, s: ScenarioParameters['selectie']) =>
  (!m.detail || !!s.vorm) &&
  m.maat === s.maat &&
  (!s.wet || m.wet === s.wet) &&
  (!s.vorm || m.vorm === s.vorm) &&
  (!s.ondersteuningsbehoefte?.length ||
    (m.ondersteuningsbehoefte !== null && s.ondersteuningsbehoefte.includes(m.ondersteuningsbehoefte)));

function years(p: ScenarioParameters, perProduct: ReadonlyMap<string, number>): ScenarioJaar[] {
  const indicaties = [...perProduct.values()].reduce((a, b) => a + b, 0);
  const fullSaving = [...perProduct].reduce(
    (t, [product, n]) => t + n * p.verschuiving * (p.tarieven[product] ?? p.standaardTarief),
    0,
  );
  return p.opbouw.map((f, i) => {
    const besparing = fullSaving * f;
    const vervangend = besparing * p.vervangendeInzet;
    return {
      jaar: p.startjaar + i,
      opbouw: f,
      minderIndicaties: indicaties * p.verschuiving * f,
      besparing,
      vervangendeInzet: vervangend,
      netto: besparing - vervangend,
    };
  });
}

export function berekenScenario(input: HiatenInput, p: ScenarioParameters): ScenarioUitkomst {
  const wanted = new Set(p.gebieden ?? []);
  const names = new Map(input.gebieden.map((g) => [g.code, g.naam]));
  const perGebied = new Map<string, Map<string, number>>();
  const total = new Map<string, number>();
  let onderdrukt = false;
  for (const m of input.metingen) {
    if (!selected(m, p.selectie) || (wanted.size && !wanted.has(m.gebied)) || !names.has(m.gebied)) continue;
    if (m.onderdrukt || m.waarde === null) {
      onderdrukt = true;
      continue;
    }
    const product = m.product ?? 'onbekend product';
    const g = perGebied.get(m.gebied) ?? new Map<string, number>();
    g.set(product, (g.get(product) ?? 0) + m.waarde);
    perGebied.set(m.gebied, g);
    total.set(product, (total.get(product) ?? 0) + m.waarde);
  }
  return {
    indicaties: [...total.values()].reduce((a, b) => a + b, 0),
    onderdrukt,
    producten: [...total]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([product, aantal]) => ({ product, aantal, tarief: p.tarieven[product] ?? p.standaardTarief })),
    perJaar: years(p, total),
    perGebied: [...perGebied]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, prods]) => ({
        code,
        naam: names.get(code) ?? code,
        indicaties: [...prods.values()].reduce((a, b) => a + b, 0),
        perJaar: years(p, prods),
      })),
  };
}
