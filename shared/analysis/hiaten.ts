/**
 * Hiaten: where demand is high and no collective, freely accessible offer serves it. Pure and transparent: every
 * figure that goes into a severity is in the result, with the reference it was compared with and where that came
 * from, and a plain sentence. The order of the input never matters; a gebied without figures is "geen gegevens",
 * never "geen hiaat".
 *
 * The model, part by part (a cell is one buurt × leefgebied):
 * - **Cognos demand**, one part per demand rule (e.g. Wmo OB1–2 toewijzingen), counted at ONE moment (the newest
 *   peildatum or periode of that rule in the data given; counts of other moments are never added). Compared with a
 *   reference that describes the whole gemeente: the gemeente's own total in the Cognos data at the same moment, or
 *   a reference the user entered with its bron and peildatum. Never the mean of whichever buurten have data. Without
 *   one the part is judged on its own against fixed, editable levels (per 1,000 inhabitants or a count).
 * - **CBS care figures** (Wmo-cliënten, jongeren met jeugdzorg, bijstand) and **CBS demographic shares** (65+, …),
 *   each compared with the gemeente's own CBS figure (else the sum over all its buurten: CBS covers every buurt).
 * - The need index is the weighted mean of the parts' ratios; a cell resting on demographic shares alone is at most
 *   "aandacht": an age share is a signal, not measured demand.
 */

import { totaalVeilig } from '../report/privacy';
import { datumEn, datumNl, wanneerEn, wanneerNl } from '../report/format';
import { taxonomieLabel } from '../model/taxonomies';

export const ERNST = ['geen-gegevens', 'geen', 'aandacht', 'hiaat', 'ernstig'] as const;
export type Ernst = (typeof ERNST)[number];

/** Which Cognos counts are demand for which leefgebieden (and doelgroep). */
export interface VraagRegel {
  readonly naam: string;
  readonly maat: string;
  readonly wet?: string | null;
  /** Ondersteuningsbehoefte levels (Wmo OB1–OB9); empty or absent = all. */
  readonly ondersteuningsbehoefte?: readonly number[];
  readonly vorm?: 'individueel' | 'groep' | null;
  readonly leefgebieden: readonly string[];
  readonly doelgroep?: string | null;
}

/**
 * A need signal from CBS compared with the gemeente: a share (teller / noemer), or a ready rate (`waarde`, e.g. per
 * 1,000 inhabitants, divided by `schaal`). `soort` says what it rests on: care figures or demographic shares.
 */
export interface Signaal {
  readonly naam: string;
  readonly teller?: string | null;
  readonly noemer?: string | null;
  readonly waarde?: string | null;
  /** What `waarde` is per: 1000 for "per 1 000 inwoners", 100 for a percentage. */
  readonly schaal?: number | null;
  readonly soort?: 'zorg' | 'demografie';
  readonly leefgebieden: readonly string[];
  readonly doelgroep?: string | null;
  readonly gewicht: number;
}

/** A gemeente figure the user entered for a demand rule, with where it comes from. */
export interface GemeenteReferentie {
  /** The demand rule (its name) this figure is for. */
  readonly regel: string;
  readonly per1000: number;
  readonly bron: string;
  /** ISO date. */
  readonly peildatum: string;
  /** Only for buurten of this gemeente (GM code); absent = every gemeente. */
  readonly gemeente?: string | null;
}

export interface AbsoluutNiveau {
  readonly per1000: number;
  readonly aantal: number;
}

export interface HiatenInstellingen {
  readonly vraag: readonly VraagRegel[];
  /** Weight of the measured demand against the signals (each signal has its own weight). */
  readonly vraagGewicht: number;
  readonly signalen: readonly Signaal[];
  /** Thresholds on the need index (1 = the gemeente average), for a gebied without a collective offer. */
  readonly drempels: { readonly aandacht: number; readonly hiaat: number; readonly ernstig: number };
  /** Levels for demand that cannot be compared with the gemeente: at or above one of them is a signal on its own. */
  readonly absoluut?: { readonly aandacht: AbsoluutNiveau; readonly hiaat: AbsoluutNiveau };
  /** Gemeente figures entered by the user (used when the Cognos data has no gemeente total). */
  readonly referenties?: readonly GemeenteReferentie[];
  /** A count above this share of the inhabitants, or this many times the previous moment, is to be checked. */
  readonly plausibel?: { readonly maxAandeel: number; readonly maxSprong: number };
}

export const STANDAARD_ABSOLUUT = {
  aandacht: { per1000: 10, aantal: 25 },
  hiaat: { per1000: 25, aantal: 75 },
} as const;
export const STANDAARD_PLAUSIBEL = { maxAandeel: 0.1, maxSprong: 5 } as const;

/** The CBS care figures (kerncijfers wijken en buurten) as signals: they exist for every buurt of the gemeente. */
export const ZORG_SIGNALEN: readonly Signaal[] = [
  {
    naam: 'Wmo-cliënten (CBS)',
    soort: 'zorg',
    teller: 'wmo_clienten',
    noemer: 'inwoners',
    waarde: 'wmo_clienten_per_1000',
    schaal: 1000,
    leefgebieden: ['zorg', 'welzijn'],
    doelgroep: 'volwassenen',
    gewicht: 2,
  },
  {
    naam: 'Jongeren met jeugdzorg (CBS)',
    soort: 'zorg',
    waarde: 'jeugdzorg_percentage',
    schaal: 100,
    leefgebieden: ['zorg', 'onderwijs'],
    doelgroep: 'gezinnen',
    gewicht: 2,
  },
  {
    naam: 'Personen met bijstand (CBS)',
    soort: 'zorg',
    teller: 'uitkering_bijstand',
    noemer: 'inwoners',
    leefgebieden: ['werk_inkomen'],
    gewicht: 1,
  },
];

export const STANDAARD_INSTELLINGEN: HiatenInstellingen = {
  vraag: [
    {
      naam: 'Wmo-maatwerk lichte ondersteuning (OB1–2)',
      maat: 'toewijzingen',
      wet: 'Wmo',
      ondersteuningsbehoefte: [1, 2],
      leefgebieden: ['zorg', 'welzijn'],
      doelgroep: 'volwassenen',
    },
    {
      naam: 'Wmo-maatwerk zwaardere ondersteuning (OB3 en hoger)',
      maat: 'toewijzingen',
      wet: 'Wmo',
      ondersteuningsbehoefte: [3, 4, 5, 6, 7, 8, 9],
      leefgebieden: ['zorg'],
      doelgroep: 'volwassenen',
    },
    {
      naam: 'Jeugdhulp',
      maat: 'toewijzingen',
      wet: 'Jeugdwet',
      leefgebieden: ['zorg', 'onderwijs'],
      doelgroep: 'gezinnen',
    },
    { naam: 'Meldingen bij het wijkteam', maat: 'meldingen', leefgebieden: ['welzijn', 'zorg'] },
  ],
  vraagGewicht: 2,
  signalen: [
    ...ZORG_SIGNALEN,
    {
      naam: 'Aandeel 65-plussers',
      soort: 'demografie',
      teller: 'leeftijd_65_plus',
      noemer: 'inwoners',
      leefgebieden: ['welzijn', 'zorg', 'gezondheid'],
      doelgroep: 'ouderen_65_plus',
      gewicht: 1,
    },
    {
      naam: 'Aandeel eenpersoonshuishoudens',
      soort: 'demografie',
      teller: 'eenpersoonshuishoudens',
      noemer: 'huishoudens',
      leefgebieden: ['welzijn'],
      gewicht: 1,
    },
    {
      naam: 'Aandeel kinderen (0–14)',
      soort: 'demografie',
      teller: 'leeftijd_0_14',
      noemer: 'inwoners',
      leefgebieden: ['onderwijs', 'welzijn'],
      doelgroep: 'gezinnen',
      gewicht: 1,
    },
  ],
  drempels: { aandacht: 1.0, hiaat: 1.25, ernstig: 1.75 },
  absoluut: STANDAARD_ABSOLUUT,
  referenties: [],
  plausibel: STANDAARD_PLAUSIBEL,
};

/** Settings saved by an earlier version get what they lack from the defaults (and the CBS care signals). */
export function vulInstellingenAan(saved: Partial<HiatenInstellingen>): HiatenInstellingen {
  const signalen = saved.signalen ?? STANDAARD_INSTELLINGEN.signalen;
  const oud = saved.signalen !== undefined && saved.signalen.every((s) => s.soort === undefined);
  return {
    ...STANDAARD_INSTELLINGEN,
    ...saved,
    signalen: oud ? [...ZORG_SIGNALEN, ...signalen.map((s) => ({ ...s, soort: 'demografie' as const }))] : signalen,
    absoluut: saved.absoluut ?? STANDAARD_ABSOLUUT,
    referenties: saved.referenties ?? [],
    plausibel: saved.plausibel ?? STANDAARD_PLAUSIBEL,
  };
}

export interface HiatenGebied {
  readonly code: string;
  readonly naam: string;
  readonly wijkCode: string | null;
  /** The gemeente (GM code); derived from a CBS buurt code when absent. */
  readonly gemeenteCode?: string | null;
  /** CBS figures by indicator key (absent = unknown). */
  readonly cijfers: Readonly<Record<string, number>>;
}

/** When a count was taken: at a peildatum (a stock, e.g. toewijzingen) or over a periode (a flow, e.g. meldingen). */
export interface Moment {
  readonly soort: 'peildatum' | 'periode';
  /** ISO: the peildatum, or the end of the periode. */
  readonly tot: string;
  /** ISO start of a periode. */
  readonly van?: string | null;
}

export interface HiatenMeting {
  readonly id?: number;
  readonly gebied: string;
  readonly maat: string;
  readonly wet: string | null;
  readonly ondersteuningsbehoefte: number | null;
  readonly vorm: string | null;
  readonly product: string | null;
  readonly waarde: number | null;
  readonly onderdrukt: boolean;
  /** A part of a product's count that is also in the data (a sub-level or vorm): not counted again. */
  readonly detail?: boolean;
  readonly moment?: Moment | null;
  /** The file it came from. */
  readonly bron?: string | null;
  /** The same count at the previous moment (for the plausibility check). */
  readonly vorige?: number | null;
  /** Left out of the analysis by the user. */
  readonly uitgesloten?: boolean;
}

export interface HiatenVoorziening {
  readonly id: number;
  readonly naam: string;
  readonly organisatie: string | null;
  readonly collectief: boolean;
  readonly vrijToegankelijk: boolean;
  readonly status: 'actief' | 'gepland' | 'gestopt';
  readonly leefgebieden: readonly string[];
  readonly doelgroepen: readonly string[];
  /** Buurt or wijk codes it serves; when empty, the buurt where it is. */
  readonly werkgebied: readonly string[];
  readonly locatie: string | null;
}

export interface HiatenInput {
  readonly gebieden: readonly HiatenGebied[];
  /** The gemeenten with their own CBS figures; Cognos counts of a gemeente (metingen on its code) are its totals. */
  readonly gemeenten?: readonly HiatenGebied[];
  /** One gemeente (older callers): the same as `gemeenten: [gemeente]`. */
  readonly gemeente?: HiatenGebied | null;
  readonly metingen: readonly HiatenMeting[];
  readonly voorzieningen: readonly HiatenVoorziening[];
  readonly leefgebieden: readonly { readonly code: string; readonly label: string }[];
  readonly doelgroepLabels?: Readonly<Record<string, string>>;
  /** Describes the moments used ("peildatum 2 april 2024"), for headings. */
  readonly periode: string | null;
  /** The year of the CBS figures. */
  readonly cbsJaar?: number | null;
}

export type Basis = 'cognos' | 'cbs-zorg' | 'cbs-demografie';
export type ReferentieBron = 'cognos-totaal' | 'instelling';
export type Controle = 'aandeel' | 'sprong';

/** One Cognos count that went into (or was left out of) a demand part. */
export interface DeelMeting {
  readonly id: number | null;
  readonly product: string | null;
  readonly waarde: number | null;
  readonly onderdrukt: boolean;
  readonly bron: string | null;
  readonly controleer: Controle | null;
  readonly uitgesloten: boolean;
}

/** One demand rule's part of a cell. */
export interface VraagDeel {
  readonly regel: string;
  readonly maat: string;
  readonly moment: Moment | null;
  readonly aantal: number;
  readonly per1000: number | null;
  readonly referentie: {
    readonly per1000: number;
    readonly bron: ReferentieBron;
    /** Where it comes from: "Cognos-totaal Enschede" or the user's bron. */
    readonly omschrijving: string;
    readonly peildatum: string | null;
  } | null;
  /** per1000 / the reference; null without a reference. */
  readonly verhouding: number | null;
  /** Without a reference: the level the demand reaches on its own. */
  readonly niveau: 'aandacht' | 'hiaat' | null;
  readonly onderdrukt: boolean;
  readonly afgeschermd: boolean;
  readonly metingen: readonly DeelMeting[];
}

export interface CelSignaal {
  readonly naam: string;
  readonly soort: 'zorg' | 'demografie';
  readonly aandeel: number;
  readonly gemeente: number;
  /** 1000: shown per 1,000; 100 (or absent): shown as a percentage. */
  readonly schaal: number;
  /** The gemeente figure is CBS's own (gemeente row) or the sum over all its buurten. */
  readonly referentie: 'cbs-gemeente' | 'cbs-buurten';
}

export interface HiaatCel {
  readonly gebiedCode: string;
  readonly gebiedNaam: string;
  readonly leefgebied: string;
  readonly leefgebiedLabel: string;
  readonly doelgroep: string | null;
  readonly ernst: Ernst;
  /** A planned collective offer would serve it (status gepland). */
  readonly inVoorbereiding: boolean;
  /** Need index: 1 = the gemeente average. Null without a comparison. */
  readonly index: number | null;
  /** The Cognos demand (sum of the rules' parts), null without Cognos counts. */
  readonly vraag: number | null;
  readonly vraagPer1000: number | null;
  /** The gemeente reference of that demand (sum of the parts' references), when every part has one. */
  readonly gemeentePer1000: number | null;
  /** Quartile (1–4) of the demand per 1,000 among the gebieden. */
  readonly kwartiel: number | null;
  /** The demand includes suppressed counts (shown as "<5"): the real figure may be higher. */
  readonly onderdrukt: boolean;
  /**
   * With a privacy threshold (opties.drempel): the demand is made of counts so small, or so few, that showing it next
   * to them would give one away. Its number, per-1,000 figure and index then stay hidden; severity and sentence stay.
   */
  readonly afgeschermd: boolean;
  /** What the judgement rests on. */
  readonly basis: readonly Basis[];
  /** Where the Cognos demand's gemeente reference came from ('geen': judged on fixed levels); null without Cognos. */
  readonly referentie: ReferentieBron | 'geen' | null;
  /** A count in it looks implausible: "controleer dit cijfer". */
  readonly controleer: boolean;
  readonly delen: readonly VraagDeel[];
  readonly signalen: readonly CelSignaal[];
  readonly aanbodCollectief: readonly number[];
  readonly aanbodGepland: readonly number[];
  readonly toelichting: string;
}

export interface HiatenOpties {
  /** One doelgroep (only demand rules and signals for it), or all. */
  readonly doelgroep?: string | null;
  /**
   * Counts from 1 to below this are written as "<5" in the sentences; a demand that would give one away is left out
   * with its per-1,000 figure (the severity and the sentence stay).
   */
  readonly drempel?: number | null;
  /** The language of the sentences. */
  readonly taal?: 'nl' | 'en';
}

/** 1234.56 → "1.234,6" (by hand: toLocaleString is far too slow for 100,000 sentences). */
function een(x: number, duizend: string, komma: string): string {
  const tienden = Math.round(Math.abs(x) * 10);
  let int = String(Math.floor(tienden / 10));
  for (let i = int.length - 3; i > 0; i -= 3) int = `${int.slice(0, i)}${duizend}${int.slice(i)}`;
  return `${x < 0 && tienden > 0 ? '-' : ''}${int}${komma}${tienden % 10}`;
}
const nl1 = (x: number) => een(x, '.', ',');
const en1 = (x: number) => een(x, ',', '.');
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The gemeente of a CBS buurt or wijk code (BU0153xxxx → GM0153). */
export function gemeenteVan(g: HiatenGebied): string | null {
  if (g.gemeenteCode !== undefined) return g.gemeenteCode;
  return /^(BU|WK)/.test(g.code) ? `GM${g.code.slice(2, 6)}` : null;
}

/** A count to check: more than a share of the inhabitants, or a jump since the previous moment. */
export function controleerCijfer(
  waarde: number | null,
  inwoners: number | undefined,
  vorige: number | null | undefined,
  p: { readonly maxAandeel: number; readonly maxSprong: number } = STANDAARD_PLAUSIBEL,
): Controle | null {
  if (waarde === null || !(waarde > 0)) return null;
  if (inwoners && inwoners > 0 && waarde > inwoners * p.maxAandeel) return 'aandeel';
  // A jump from 1 to 6 is noise; from 20 to 120 it is worth a look.
  if (vorige !== null && vorige !== undefined && vorige > 0 && waarde >= 10 && waarde > vorige * p.maxSprong)
    return 'sprong';
  return null;
}

function matches(m: HiatenMeting, r: VraagRegel): boolean {
  if (m.maat !== r.maat) return false;
  // Parts of a count that is itself there are counted only when a rule asks for one vorm.
  if (m.detail && !r.vorm) return false;
  if (r.wet && m.wet !== r.wet) return false;
  if (r.vorm && m.vorm !== r.vorm) return false;
  if (
    r.ondersteuningsbehoefte?.length &&
    (m.ondersteuningsbehoefte === null || !r.ondersteuningsbehoefte.includes(m.ondersteuningsbehoefte))
  ) {
    return false;
  }
  return true;
}

const momentKey = (m: Moment | null | undefined) => (m ? `${m.tot}|${m.van ?? ''}|${m.soort}` : '');

/** A rule's counts of one gebied, at one moment: the newest among the counts given. */
interface RegelTelling {
  readonly som: number;
  readonly onderdrukt: boolean;
  readonly waarden: number[];
  readonly moment: Moment | null;
  readonly metingen: DeelMeting[];
  readonly any: boolean;
}

function telRegel(
  metingen: readonly HiatenMeting[] | undefined,
  r: VraagRegel,
  inwoners: number | undefined,
  plausibel: { maxAandeel: number; maxSprong: number },
): RegelTelling | null {
  if (!metingen) return null;
  let gekozen: HiatenMeting[] | null = null;
  let sleutel = '';
  const uit: HiatenMeting[] = [];
  for (const m of metingen) {
    if (!matches(m, r)) continue;
    if (m.uitgesloten) {
      uit.push(m);
      continue;
    }
    const k = momentKey(m.moment);
    if (gekozen === null || k > sleutel) {
      gekozen = [m];
      sleutel = k;
    } else if (k === sleutel) gekozen.push(m);
  }
  if (gekozen === null && uit.length === 0) return null;
  let som = 0;
  let onderdrukt = false;
  const waarden: number[] = [];
  const lijst: DeelMeting[] = [];
  for (const m of gekozen ?? []) {
    if (m.onderdrukt || m.waarde === null) onderdrukt = true;
    else {
      som += m.waarde;
      waarden.push(m.waarde);
    }
    lijst.push({
      id: m.id ?? null,
      product: m.product,
      waarde: m.onderdrukt ? null : m.waarde,
      onderdrukt: m.onderdrukt,
      bron: m.bron ?? null,
      controleer: m.onderdrukt ? null : controleerCijfer(m.waarde, inwoners, m.vorige, plausibel),
      uitgesloten: false,
    });
  }
  for (const m of uit) {
    if (gekozen !== null && momentKey(m.moment) !== sleutel) continue;
    lijst.push({
      id: m.id ?? null,
      product: m.product,
      waarde: m.onderdrukt ? null : m.waarde,
      onderdrukt: m.onderdrukt,
      bron: m.bron ?? null,
      controleer: null,
      uitgesloten: true,
    });
  }
  if (lijst.length > 1)
    lijst.sort(
      (a, b) =>
        (a.id ?? Infinity) - (b.id ?? Infinity) ||
        cmpTekst(a.product ?? '', b.product ?? '') ||
        (a.waarde ?? -1) - (b.waarde ?? -1) ||
        Number(a.uitgesloten) - Number(b.uitgesloten),
    );
  return {
    som,
    onderdrukt,
    waarden,
    moment: gekozen?.[0]?.moment ?? uit[0]?.moment ?? null,
    metingen: lijst,
    any: gekozen !== null,
  };
}

function aandeelVan(c: Readonly<Record<string, number>>, s: Signaal): number | null {
  if (s.teller && s.noemer) {
    const a = c[s.teller];
    const b = c[s.noemer];
    if (a !== undefined && b) return a / b;
  }
  if (s.waarde) {
    const v = c[s.waarde];
    if (v !== undefined) return v / (s.schaal || 1);
  }
  return null;
}

/** Codes and names compared as plain strings: deterministic and fast (localeCompare is far too slow here). */
const cmpTekst = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Shared, frozen values for the many cells that have nothing (no allocation per cell). */
const LEEG: readonly never[] = Object.freeze([]);
const BASIS_COMBINATIES = new Map<number, readonly Basis[]>();
function basisLijst(cognos: boolean, zorg: boolean, demografie: boolean): readonly Basis[] {
  const key = (cognos ? 1 : 0) | (zorg ? 2 : 0) | (demografie ? 4 : 0);
  let b = BASIS_COMBINATIES.get(key);
  if (!b) {
    const list: Basis[] = [];
    if (cognos) list.push('cognos');
    if (zorg) list.push('cbs-zorg');
    if (demografie) list.push('cbs-demografie');
    b = Object.freeze(list);
    BASIS_COMBINATIES.set(key, b);
  }
  return b;
}

const RANG: Readonly<Record<Ernst, number>> = { 'geen-gegevens': 0, geen: 1, aandacht: 2, hiaat: 3, ernstig: 4 };
const zwaarste = (a: Ernst, b: Ernst): Ernst => (RANG[b] > RANG[a] ? b : a);

/** The gaps of every gebied × leefgebied, most severe first (then by need index). */
export function berekenHiaten(
  input: HiatenInput,
  instellingen: HiatenInstellingen = STANDAARD_INSTELLINGEN,
  opties: HiatenOpties = {},
): HiaatCel[] {
  const dg = opties.doelgroep ?? null;
  const drempel = opties.drempel ?? null;
  const taal = opties.taal ?? 'nl';
  const privacy = drempel !== null ? { aan: true, drempel } : null;
  const abs = instellingen.absoluut ?? STANDAARD_ABSOLUUT;
  const plausibel = instellingen.plausibel ?? STANDAARD_PLAUSIBEL;
  const regels = instellingen.vraag.filter((r) => !dg || !r.doelgroep || r.doelgroep === dg);
  const signalen = instellingen.signalen.filter((s) => !dg || !s.doelgroep || s.doelgroep === dg);
  const gebieden = [...input.gebieden].sort((a, b) => cmpTekst(a.code, b.code));
  const gemeenten = new Map<string, HiatenGebied>();
  for (const g of input.gemeenten ?? (input.gemeente ? [input.gemeente] : [])) gemeenten.set(g.code, g);
  const inwoners = (g: HiatenGebied | undefined) => g?.cijfers['inwoners'];

  const byGebied = new Map<string, HiatenMeting[]>();
  for (const m of input.metingen) {
    const list = byGebied.get(m.gebied);
    if (list) list.push(m);
    else byGebied.set(m.gebied, [m]);
  }

  // The gemeente reference of each rule, per gemeente and moment: its own Cognos total, or the user's figure.
  const totalen = new Map<string, Map<string, RegelTelling | null>>();
  const totaal = (gm: string, r: VraagRegel) => {
    let perRegel = totalen.get(gm);
    if (!perRegel) totalen.set(gm, (perRegel = new Map()));
    if (!perRegel.has(r.naam)) perRegel.set(r.naam, telRegel(byGebied.get(gm), r, undefined, plausibel));
    return perRegel.get(r.naam) ?? null;
  };
  const referentieVoor = (gm: string | null, r: VraagRegel, moment: Moment | null): VraagDeel['referentie'] => {
    if (gm) {
      const t = totaal(gm, r);
      const g = gemeenten.get(gm);
      const inw = inwoners(g);
      if (t && t.any && !t.onderdrukt && inw && momentKey(t.moment) === momentKey(moment)) {
        return {
          per1000: (t.som / inw) * 1000,
          bron: 'cognos-totaal',
          omschrijving: `Cognos ${g?.naam ?? gm}`,
          peildatum: t.moment?.tot ?? null,
        };
      }
    }
    const eigen = (instellingen.referenties ?? []).find(
      (x) => x.regel === r.naam && (!x.gemeente || x.gemeente === gm) && x.per1000 > 0,
    );
    return eigen
      ? { per1000: eigen.per1000, bron: 'instelling', omschrijving: eigen.bron, peildatum: eigen.peildatum }
      : null;
  };

  // CBS signals: the gemeente's own figure, else the sum over all its buurten (CBS covers every buurt).
  const buurtenPerGemeente = new Map<string, HiatenGebied[]>();
  for (const g of gebieden) {
    const gm = gemeenteVan(g);
    if (!gm) continue;
    const list = buurtenPerGemeente.get(gm);
    if (list) list.push(g);
    else buurtenPerGemeente.set(gm, [g]);
  }
  type SignaalRef = { waarde: number; referentie: CelSignaal['referentie'] } | null;
  const signaalRef = new Map<string | null, (SignaalRef | undefined)[]>();
  const signaalGemeente = (gm: string | null, s: Signaal, i: number) => {
    let perSignaal = signaalRef.get(gm);
    if (!perSignaal) signaalRef.set(gm, (perSignaal = []));
    const bekend = perSignaal[i];
    if (bekend !== undefined) return bekend;
    let ref: { waarde: number; referentie: CelSignaal['referentie'] } | null = null;
    const eigen = gm ? gemeenten.get(gm) : undefined;
    const a = eigen ? aandeelVan(eigen.cijfers, s) : null;
    if (a !== null && a > 0) ref = { waarde: a, referentie: 'cbs-gemeente' };
    else if (s.teller && s.noemer) {
      let t = 0;
      let n = 0;
      for (const g of gm ? (buurtenPerGemeente.get(gm) ?? []) : gebieden) {
        const x = g.cijfers[s.teller];
        const y = g.cijfers[s.noemer];
        if (x !== undefined && y) {
          t += x;
          n += y;
        }
      }
      if (n > 0 && t > 0) ref = { waarde: t / n, referentie: 'cbs-buurten' };
    }
    perSignaal[i] = ref;
    return ref;
  };

  // Per gebied and rule: the rule's counts (computed once, shared by the leefgebieden it maps to).
  const per1000Lijst = new Map<string, number[]>();
  const veilig = (som: number, waarden: readonly number[]) => privacy === null || totaalVeilig(som, waarden, privacy);
  // Collective, freely accessible offers by the gebied (buurt or wijk code) they serve.
  const servedBy = new Map<string, HiatenVoorziening[]>();
  for (const v of input.voorzieningen) {
    if (!v.collectief || !v.vrijToegankelijk || v.status === 'gestopt') continue;
    const codes = v.werkgebied.length > 0 ? v.werkgebied : v.locatie ? [v.locatie] : [];
    for (const c of new Set(codes)) {
      const list = servedBy.get(c);
      if (list) list.push(v);
      else servedBy.set(c, [v]);
    }
  }
  const dgOk = (x: HiatenVoorziening) => !dg || x.doelgroepen.length === 0 || x.doelgroepen.includes(dg);
  const d = instellingen.drempels;
  const niveauVan = (aantal: number, per1000: number | null): 'aandacht' | 'hiaat' | null => {
    if (aantal >= abs.hiaat.aantal || (per1000 !== null && per1000 >= abs.hiaat.per1000)) return 'hiaat';
    if (aantal >= abs.aandacht.aantal || (per1000 !== null && per1000 >= abs.aandacht.per1000)) return 'aandacht';
    return null;
  };

  /** Per gebied and rule: its part (computed once, shared by the leefgebieden the rule maps to). */
  interface Deel {
    readonly deel: VraagDeel;
    readonly telt: boolean;
    readonly waarden: readonly number[];
    readonly controleer: boolean;
  }
  const regelLg = regels.map((r) => new Set(r.leefgebieden));
  const signaalLg = signalen.map((s) => new Set(s.leefgebieden));
  const cellen: Mutable<HiaatCel>[] = [];
  for (const g of gebieden) {
    const inw = inwoners(g);
    const gm = gemeenteVan(g);
    const eigen = byGebied.get(g.code);
    const delenVanGebied: (Deel | null)[] = regels.map((r) => {
      const t = eigen ? telRegel(eigen, r, inw, plausibel) : null;
      if (!t) return null;
      const per1000 = t.any && inw ? (t.som / inw) * 1000 : null;
      const referentie = t.any ? referentieVoor(gm, r, t.moment) : null;
      let controleer = false;
      for (const m of t.metingen) if (m.controleer !== null) controleer = true;
      return {
        deel: {
          regel: r.naam,
          maat: r.maat,
          moment: t.moment,
          aantal: t.som,
          per1000,
          referentie,
          verhouding: referentie && per1000 !== null ? per1000 / referentie.per1000 : null,
          niveau: t.any && !referentie ? niveauVan(t.som, per1000) : null,
          onderdrukt: t.onderdrukt,
          afgeschermd: t.any && !veilig(t.som, t.waarden),
          metingen: t.metingen,
        },
        telt: t.any,
        waarden: t.waarden,
        controleer,
      };
    });
    const signalenVanGebied: (CelSignaal | null)[] = signalen.map((s, i) => {
      const a = aandeelVan(g.cijfers, s);
      const ref = a === null ? null : signaalGemeente(gm, s, i);
      if (a === null || !ref) return null;
      return {
        naam: s.naam,
        soort: s.soort ?? 'demografie',
        aandeel: a,
        gemeente: ref.waarde,
        schaal: s.schaal || 100,
        referentie: ref.referentie,
      };
    });
    // The collective offers that serve this buurt (here or through its wijk), once per buurt.
    const here = servedBy.get(g.code);
    const wijk = g.wijkCode ? servedBy.get(g.wijkCode) : undefined;
    const bedient: HiatenVoorziening[] = [];
    const gezien = new Set<number>();
    for (const list of [here, wijk]) {
      if (!list) continue;
      for (const x of list) {
        if (gezien.has(x.id) || !dgOk(x)) continue;
        gezien.add(x.id);
        const ja =
          x.werkgebied.length > 0
            ? x.werkgebied.includes(g.code) || (g.wijkCode !== null && x.werkgebied.includes(g.wijkCode))
            : x.locatie === g.code;
        if (ja) bedient.push(x);
      }
    }
    for (const lg of input.leefgebieden) {
      let delen: VraagDeel[] | null = null;
      let wsum = 0;
      let wval = 0;
      let absErnst: Ernst = 'geen';
      let vraag = 0;
      let alleWaarden: number[] | null = null;
      let onderdrukt = false;
      let controleer = false;
      let refSom = 0;
      let allemaalRef = true;
      let refBron: ReferentieBron | 'geen' | null = null;
      let heeftCognos = false;
      let afgeschermd = false;
      let gemetenVerhouding = false;
      for (let i = 0; i < regels.length; i++) {
        const x = delenVanGebied[i];
        if (!x || !regelLg[i]!.has(lg.code)) continue;
        const deel = x.deel;
        (delen ??= []).push(deel);
        if (!x.telt) continue;
        heeftCognos = true;
        vraag += deel.aantal;
        if (privacy) alleWaarden = alleWaarden ? alleWaarden.concat(x.waarden) : [...x.waarden];
        onderdrukt ||= deel.onderdrukt;
        afgeschermd ||= deel.afgeschermd;
        controleer ||= x.controleer;
        if (deel.verhouding !== null) {
          gemetenVerhouding = true;
          wsum += instellingen.vraagGewicht;
          wval += deel.verhouding * instellingen.vraagGewicht;
        }
        if (deel.niveau) absErnst = zwaarste(absErnst, deel.niveau);
        if (deel.referentie) {
          refSom += deel.referentie.per1000;
          refBron = refBron === null || refBron === deel.referentie.bron ? deel.referentie.bron : refBron;
        } else {
          allemaalRef = false;
          refBron = 'geen';
        }
      }
      let sig: CelSignaal[] | null = null;
      let zorg = false;
      let demografie = false;
      for (let i = 0; i < signalen.length; i++) {
        const x = signalenVanGebied[i];
        if (!x || !signaalLg[i]!.has(lg.code)) continue;
        (sig ??= []).push(x);
        if (x.soort === 'zorg') {
          zorg = true;
          gemetenVerhouding = true;
        } else demografie = true;
        const w = signalen[i]!.gewicht;
        wsum += w;
        wval += (x.aandeel / x.gemeente) * w;
      }
      const basis = basisLijst(heeftCognos, zorg, demografie);
      const index = wsum > 0 ? wval / wsum : null;
      let actief: number[] | null = null;
      let gepland: number[] | null = null;
      for (const x of bedient) {
        if (!x.leefgebieden.includes(lg.code)) continue;
        if (x.status === 'actief') (actief ??= []).push(x.id);
        else if (x.status === 'gepland') (gepland ??= []).push(x.id);
      }
      if (actief && actief.length > 1) actief.sort((a, b) => a - b);
      if (gepland && gepland.length > 1) gepland.sort((a, b) => a - b);
      let ernst: Ernst;
      if (basis.length === 0) ernst = 'geen-gegevens';
      else if (actief) ernst = 'geen';
      else {
        let rel: Ernst =
          index === null
            ? 'geen'
            : index >= d.ernstig
              ? 'ernstig'
              : index >= d.hiaat
                ? 'hiaat'
                : index >= d.aandacht
                  ? 'aandacht'
                  : 'geen';
        // An age or household share is a signal of need, not measured demand: a comparison that rests on such
        // shares alone (no Cognos count with a reference, no CBS care figure) is at most "aandacht". A Cognos count
        // without a reference speaks through the fixed levels instead.
        if (!gemetenVerhouding && RANG[rel] > RANG.aandacht) rel = 'aandacht';
        ernst = zwaarste(rel, absErnst);
      }
      const per1000 = heeftCognos && inw ? (vraag / inw) * 1000 : null;
      if (per1000 !== null) {
        const list = per1000Lijst.get(lg.code);
        if (list) list.push(per1000);
        else per1000Lijst.set(lg.code, [per1000]);
      }
      cellen.push({
        gebiedCode: g.code,
        gebiedNaam: g.naam,
        leefgebied: lg.code,
        leefgebiedLabel: taxonomieLabel('leefgebied', lg.code, lg.label, taal),
        doelgroep: dg,
        ernst,
        inVoorbereiding: !actief && !!gepland,
        index,
        vraag: heeftCognos ? vraag : null,
        vraagPer1000: per1000,
        gemeentePer1000: heeftCognos && allemaalRef ? refSom : null,
        kwartiel: null,
        onderdrukt,
        afgeschermd: heeftCognos && (afgeschermd || !veilig(vraag, alleWaarden ?? [])),
        basis,
        referentie: heeftCognos ? refBron : null,
        controleer,
        delen: delen ?? LEEG,
        signalen: sig ?? LEEG,
        aanbodCollectief: actief ?? LEEG,
        aanbodGepland: gepland ?? LEEG,
        toelichting: '',
      });
    }
  }
  for (const list of per1000Lijst.values()) list.sort((a, b) => a - b);
  const quartile = (lg: string, x: number | null) => {
    if (x === null) return null;
    const list = per1000Lijst.get(lg);
    if (!list || list.length < 2) return null;
    // How many are below x: binary search in the sorted list.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return Math.min(4, Math.floor((lo / list.length) * 4) + 1);
  };
  const inwonersVan = new Map<string, number | undefined>();
  for (const g of gebieden) inwonersVan.set(g.code, inwoners(g));
  const tekst = taal === 'en' ? EN : NL;
  // The phrases one buurt's cellen share (its parts and signals); the cellen are still in buurt order here, so the
  // cache holds one buurt at a time (one map for the whole country took a third of the time of the sentences).
  const cache = new Map<object, string>();
  let cacheVan: string | null = null;
  for (const c of cellen) {
    if (c.gebiedCode !== cacheVan) {
      cache.clear();
      cacheVan = c.gebiedCode;
    }
    c.kwartiel = quartile(c.leefgebied, c.vraagPer1000);
    c.toelichting = zin(c, inwonersVan.get(c.gebiedCode), drempel, tekst, instellingen, cache);
  }
  return cellen.sort(
    (a, b) =>
      RANG[b.ernst] - RANG[a.ernst] ||
      (b.index ?? -1) - (a.index ?? -1) ||
      cmpTekst(a.gebiedCode, b.gebiedCode) ||
      cmpTekst(a.leefgebied, b.leefgebied),
  );
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

// ------------------------------------------------------------------ sentences

interface Tekst {
  getal: (x: number) => string;
  moment: (m: Moment) => string;
  geenGegevens: (buurt: string, lg: string, zonderInwoners: boolean) => string;
  per1000: (x: string) => string;
  gemeente: (x: string, bron: string) => string;
  geenVergelijking: (boven: 'aandacht' | 'hiaat' | null, niveau: AbsoluutNiveau) => string;
  afgeschermd: (drempel: number | null) => string;
  hoogRel: (verhouding: number | null, drempels: HiatenInstellingen['drempels']) => string;
  deelsOnderdrukt: string;
  controleer: string;
  uitgesloten: (n: number) => string;
  signaal: (naam: string, buurt: string, gemeente: string, eigen: boolean) => string;
  alleenDemografie: string;
  aanbod: (n: number, lg: string) => string;
  geenAanbod: (lg: string, gepland: number) => string;
  /** "109 toewijzingen Wmo-maatwerk …": the measure's word unless the rule's name says it already. */
  telling: (aantal: number, maat: string, regel: string) => string;
  /** A rule's or signal's name in this language (the default names; the user's own stay as written). */
  naam: (naam: string) => string;
}

/** The default rules' and signals' names in English. */
const NAMEN_EN: Readonly<Record<string, string>> = {
  'Wmo-cliënten (CBS)': 'Wmo clients (CBS)',
  'Jongeren met jeugdzorg (CBS)': 'Young people in youth care (CBS)',
  'Personen met bijstand (CBS)': 'People on social assistance (CBS)',
  'Wmo-maatwerk lichte ondersteuning (OB1–2)': 'Wmo tailored light support (OB1–2)',
  'Wmo-maatwerk zwaardere ondersteuning (OB3 en hoger)': 'Wmo tailored heavier support (OB3 and up)',
  Jeugdhulp: 'youth care',
  'Meldingen bij het wijkteam': 'requests to the area team',
  'Aandeel 65-plussers': 'Share of people aged 65 and over',
  'Aandeel eenpersoonshuishoudens': 'Share of single-person households',
  'Aandeel kinderen (0–14)': 'Share of children (0–14)',
};

const MAAT_NL: Readonly<Record<string, string>> = {
  toewijzingen: 'toewijzingen',
  meldingen: 'meldingen',
  unieke_clienten: 'unieke cliënten',
};
const MAAT_EN: Readonly<Record<string, string>> = {
  toewijzingen: 'allocations',
  meldingen: 'requests',
  unieke_clienten: 'unique clients',
};
const telling = (woorden: Readonly<Record<string, string>>) => (aantal: number, maat: string, regel: string) => {
  const nl = MAAT_NL[maat] ?? maat.replace(/_/g, ' ');
  const woord = woorden[maat] ?? maat.replace(/_/g, ' ');
  const r = regel.toLowerCase();
  return r.includes(nl.toLowerCase()) || r.includes(woord.toLowerCase())
    ? `${aantal} ${regel}`
    : `${aantal} ${woord} ${regel}`;
};

const NL: Tekst = {
  getal: nl1,
  moment: (m) => (m.soort === 'peildatum' ? `peildatum ${datumNl(m.tot)}` : wanneerNl(`${m.van ?? m.tot}/${m.tot}`)),
  geenGegevens: (buurt, lg, zonder) =>
    `${buurt}: geen gegevens over vraag voor ${lg}${zonder ? ' (geen inwonertal van CBS)' : ''}; dit is geen oordeel over een hiaat.`,
  per1000: (x) => `${x} per 1.000 inwoners`,
  gemeente: (x, bron) => `gemeente ${x} (${bron})`,
  geenVergelijking: (boven, n) =>
    `geen vergelijking met de gemeente mogelijk, ${boven ? 'op of boven' : 'onder'} het vaste niveau voor ${
      boven === 'hiaat' ? 'een hiaat' : 'aandacht'
    } (${nl1(n.per1000).replace(/,0$/, '')} per 1.000 inwoners of ${n.aantal} in de buurt)`,
  afgeschermd: (d) => `vraag afgeschermd (kleiner dan ${d ?? 5}, of terug te rekenen)`,
  hoogRel: (v, dr) =>
    v === null ? '' : v >= dr.hiaat ? 'hoog ten opzichte van de gemeente' : 'niet hoog ten opzichte van de gemeente',
  deelsOnderdrukt: 'een deel van de aantallen is afgeschermd (<5), de echte vraag kan hoger zijn',
  controleer: 'controleer dit cijfer',
  uitgesloten: (n) => `${n} ${n === 1 ? 'aantal' : 'aantallen'} door jou uitgesloten`,
  signaal: (naam, b, gm, eigen) => `${naam} ${b} (gemeente ${gm}${eigen ? '' : ', som van de buurten'})`,
  alleenDemografie: 'alleen demografische CBS-cijfers, geen gemeten vraag',
  aanbod: (n, lg) => `${n} collectief vrij toegankelijk aanbod voor ${lg}`,
  geenAanbod: (lg, gepland) =>
    `geen collectief vrij toegankelijk aanbod voor ${lg} in de buurt${gepland > 0 ? ` (${gepland} in voorbereiding)` : ''}`,
  telling: telling(MAAT_NL),
  naam: (x) => x,
};

const EN: Tekst = {
  getal: en1,
  moment: (m) =>
    m.soort === 'peildatum' ? `reference date ${datumEn(m.tot)}` : wanneerEn(`${m.van ?? m.tot}/${m.tot}`),
  geenGegevens: (buurt, lg, zonder) =>
    `${buurt}: no demand figures for ${lg}${zonder ? ' (no CBS population figure)' : ''}; this is not a judgement on a gap.`,
  per1000: (x) => `${x} per 1,000 inhabitants`,
  gemeente: (x, bron) => `municipality ${x} (${bron.replace(/^Cognos-totaal\b/, 'Cognos total')})`,
  geenVergelijking: (boven, n) =>
    `no comparison with the municipality possible, ${boven ? 'at or above' : 'below'} the fixed level for ${
      boven === 'hiaat' ? 'a gap' : 'attention'
    } (${en1(n.per1000).replace(/\.0$/, '')} per 1,000 inhabitants or ${n.aantal} in the neighbourhood)`,
  afgeschermd: (d) => `demand hidden (smaller than ${d ?? 5}, or could be worked out)`,
  hoogRel: (v, dr) =>
    v === null ? '' : v >= dr.hiaat ? 'high compared with the municipality' : 'not high compared with the municipality',
  deelsOnderdrukt: 'some counts are hidden (<5), the real demand may be higher',
  controleer: 'check this figure',
  uitgesloten: (n) => `${n} ${n === 1 ? 'count' : 'counts'} excluded by you`,
  signaal: (naam, b, gm, eigen) => `${naam} ${b} (municipality ${gm}${eigen ? '' : ', sum of its neighbourhoods'})`,
  alleenDemografie: 'CBS demographic figures only, no measured demand',
  aanbod: (n, lg) => `${n} collective, freely accessible offer${n === 1 ? '' : 's'} for ${lg}`,
  geenAanbod: (lg, gepland) =>
    `no collective, freely accessible offer for ${lg} in the neighbourhood${gepland > 0 ? ` (${gepland} being prepared)` : ''}`,
  telling: telling(MAAT_EN),
  naam: (x) => NAMEN_EN[x] ?? x,
};

/** The sentence of a cell, with its numbers and exactly one moment per demand rule. */
function zin(
  c: Omit<HiaatCel, 'toelichting'>,
  inwoners: number | undefined,
  drempel: number | null,
  t: Tekst,
  instellingen: HiatenInstellingen,
  /** Phrases of a part or a signal, which several cells of one buurt share. */
  cache: Map<object, string>,
): string {
  if (c.ernst === 'geen-gegevens') return t.geenGegevens(c.gebiedNaam, c.leefgebiedLabel, !inwoners);
  const parts: string[] = [];
  for (const deel of c.delen) {
    let tekst = cache.get(deel);
    if (tekst === undefined) cache.set(deel, (tekst = deelZin(deel, drempel, t, instellingen)));
    if (tekst) parts.push(tekst);
  }
  for (const s of c.signalen) {
    let tekst = cache.get(s);
    if (tekst === undefined) {
      const fmt = (x: number) => (s.schaal === 1000 ? t.per1000(t.getal(x * 1000)) : pct(x));
      const gm = s.schaal === 1000 ? t.getal(s.gemeente * 1000) : pct(s.gemeente);
      const naam = t.naam(s.naam);
      tekst = t.signaal(
        naam.charAt(0).toLowerCase() + naam.slice(1),
        fmt(s.aandeel),
        gm,
        s.referentie === 'cbs-gemeente',
      );
      cache.set(s, tekst);
    }
    parts.push(tekst);
  }
  if (c.basis.length === 1 && c.basis[0] === 'cbs-demografie') parts.push(t.alleenDemografie);
  const aanbod =
    c.aanbodCollectief.length > 0
      ? t.aanbod(c.aanbodCollectief.length, c.leefgebiedLabel)
      : t.geenAanbod(c.leefgebiedLabel, c.inVoorbereiding ? c.aanbodGepland.length : 0);
  return `${c.gebiedNaam}: ${parts.join('; ')}; ${aanbod}.`;
}

/** One demand rule's phrase: its count, its one moment, per 1,000, and the reference or the fixed level. */
function deelZin(deel: VraagDeel, drempel: number | null, t: Tekst, instellingen: HiatenInstellingen): string {
  const abs = instellingen.absoluut ?? STANDAARD_ABSOLUUT;
  const nUit = deel.metingen.filter((m) => m.uitgesloten).length;
  const regel = t.naam(deel.regel);
  if (!deel.metingen.some((m) => !m.uitgesloten)) return nUit > 0 ? `${regel}: ${t.uitgesloten(nUit)}` : '';
  const wanneer = deel.moment ? ` (${t.moment(deel.moment)})` : '';
  const sub: string[] = [];
  // A small count, or a sum from which one could be worked out, never leaves the machine.
  if (deel.afgeschermd) {
    sub.push(t.afgeschermd(drempel));
    if (deel.verhouding !== null) sub.push(t.hoogRel(deel.verhouding, instellingen.drempels));
  } else if (deel.per1000 !== null) sub.push(t.per1000(t.getal(deel.per1000)));
  if (deel.referentie) {
    if (!deel.afgeschermd) sub.push(t.gemeente(t.getal(deel.referentie.per1000), deel.referentie.omschrijving));
  } else {
    sub.push(t.geenVergelijking(deel.niveau, deel.niveau === 'hiaat' ? abs.hiaat : abs.aandacht));
  }
  if (deel.onderdrukt) sub.push(t.deelsOnderdrukt);
  if (deel.metingen.some((m) => m.controleer !== null && !m.uitgesloten)) sub.push(t.controleer);
  if (nUit > 0) sub.push(t.uitgesloten(nUit));
  const wat = deel.afgeschermd ? regel : t.telling(deel.aantal, deel.maat, regel);
  return `${wat}${wanneer}: ${sub.join(', ')}`;
}
