/**
 * The Pilotmonitor's words (issue 18): is the pilot working? A project holds named goals (doelen), each a measure of
 * a gebied with a baseline, a target and a deadline; the measures come from the metingen (aanmeldingen, toewijzingen,
 * afhandeling, kosten, tevredenheid), from the sociale kaart (collectief aanbod, relaties) and from the capacity the
 * user enters per moment.
 */

/** Metingen that are not demand counts: the gap analysis leaves them out. */
export const MONITOR_MATEN = ['afhandeling', 'kosten', 'tevredenheid'] as const;
export type MonitorMaat = (typeof MONITOR_MATEN)[number];

/**
 * What happened with an aanmelding (the pilot plan, "Monitoring van de effecten": door het wijkteam hulpverleend, een
 * maatwerkindicatie afgegeven of voorliggend opgelost). The default items of the taxonomy `afhandeling`; a project may
 * rename or add its own, and map the words of its Cognos export to them.
 */
export const AFHANDELING_STANDAARD = [
  { code: 'wijkteam', label: 'Geholpen door het wijkteam', en: 'Helped by the wijkteam' },
  { code: 'voorliggend', label: 'Voorliggend opgelost', en: 'Solved in the voorliggend veld' },
  { code: 'maatwerk', label: 'Maatwerkindicatie', en: 'Maatwerk indication' },
  { code: 'overig', label: 'Anders of nog bezig', en: 'Other or still open' },
] as const;

/** The default item a label names, by its words; null when it names none (then the user maps it). */
export function afhandelingUitTekst(tekst: string): string | null {
  const s = tekst
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  if (/voorliggend|algemene voorziening|sociale basis|collectie|doorverw|verwezen|verwijzing naar|welzijn/.test(s))
    return 'voorliggend';
  if (/maatwerk|indicatie|beschikking|toewijzing|specialist/.test(s)) return 'maatwerk';
  if (/wijkteam|zelf|eigen inzet|lichte (hulp|ondersteuning)|hulpverlen|ondersteund door/.test(s)) return 'wijkteam';
  if (/overig|anders|lopend|bezig|onbekend|geen (hulp|vervolg)|afgesloten zonder|niet bereikt/.test(s)) return 'overig';
  return null;
}

/** How a goal's measure behaves in time. */
export type MaatSoort =
  /** Counted over periods (aanmeldingen, kosten): compared as an amount per year over comparable months. */
  | 'stroom'
  /** A value at a moment (aanbod, relaties, score): the newest value on or before the date. */
  | 'stand'
  /** A share of the aanmeldingen (voorliggend opgelost, …): over a quarter, from the counts of its months. */
  | 'aandeel';

export type Eenheid = 'aantal' | 'euro' | 'score' | 'procent' | 'fte';

export const DOEL_MATEN = [
  'aanmeldingen',
  'toewijzingen',
  'kosten',
  'voorliggend_aandeel',
  'wijkteam_aandeel',
  'maatwerk_aandeel',
  'collectief_aanbod',
  'relaties',
  'tevredenheid',
] as const;
export type DoelMaat = (typeof DOEL_MATEN)[number];

export const DOEL_MAAT_INFO: Readonly<Record<DoelMaat, { readonly soort: MaatSoort; readonly eenheid: Eenheid }>> = {
  aanmeldingen: { soort: 'stroom', eenheid: 'aantal' },
  toewijzingen: { soort: 'stand', eenheid: 'aantal' },
  kosten: { soort: 'stroom', eenheid: 'euro' },
  voorliggend_aandeel: { soort: 'aandeel', eenheid: 'procent' },
  wijkteam_aandeel: { soort: 'aandeel', eenheid: 'procent' },
  maatwerk_aandeel: { soort: 'aandeel', eenheid: 'procent' },
  collectief_aanbod: { soort: 'stand', eenheid: 'aantal' },
  relaties: { soort: 'stand', eenheid: 'aantal' },
  tevredenheid: { soort: 'stand', eenheid: 'score' },
};

/**
 * Which way is success. `niet_hoger`: equal or down ("gelijk gebleven of omlaag", criterion 3); `lager`: down;
 * `hoger`: up; `niet_lager`: equal or up.
 */
export const RICHTINGEN = ['niet_hoger', 'lager', 'hoger', 'niet_lager'] as const;
export type Richting = (typeof RICHTINGEN)[number];

export interface Doel {
  readonly id: number;
  readonly naam: string;
  /** The plan's success criterion this goal follows (1–3 in the pilot plan), or null. */
  readonly criterium: number | null;
  readonly maat: DoelMaat;
  /** Gebied code (buurt, wijk, gemeente or eigen gebied); null = the whole project. */
  readonly gebied: string | null;
  /** Kosten, aanmeldingen and toewijzingen of one wet only; null = all. */
  readonly wet: string | null;
  readonly richting: Richting;
  /** A baseline entered by hand (with `basisTot` as its moment); null = computed from the data. */
  readonly basisWaarde: number | null;
  /** The baseline period (`stroom`: the amount per year over it) or moment (`stand`: the value at `basisTot`). */
  readonly basisVan: string | null;
  readonly basisTot: string | null;
  /** A target value; null = the direction alone. */
  readonly doelWaarde: number | null;
  readonly deadline: string | null;
  /** Within this share (percent) of the baseline the wrong way is "aandacht", beyond it "niet op koers". */
  readonly marge: number;
  readonly toelichting: string | null;
  readonly volgorde: number;
}

export type DoelInvoer = Omit<Doel, 'id' | 'volgorde'> & { readonly volgorde?: number };

export type DoelStatus = 'op_koers' | 'aandacht' | 'niet_op_koers' | 'geen_gegevens';

/** The pilot itself: its name, its gebied and when it started (the baseline ends the day before). */
export interface PilotInstellingen {
  readonly naam: string;
  readonly gebied: string | null;
  readonly start: string | null;
  readonly eind: string | null;
}

export const STANDAARD_PILOT: PilotInstellingen = { naam: '', gebied: null, start: null, eind: null };

/** Who works in a gebied, entered per moment (Deventer: "de verdeling van medewerkers over wijken hangt af van de vraag"). */
export const FUNCTIES = ['wijkteam', 'presentie', 'opbouwwerk'] as const;
export type Functie = (typeof FUNCTIES)[number];

export interface CapaciteitInvoer {
  readonly gebied: string;
  readonly peildatum: string;
  readonly functie: Functie;
  readonly fte: number;
}

/**
 * A tally entered by hand (the small monthly form): counts or values of one measure for one gebied and period. A
 * `afhandeling` tally has one count per category; `kosten` an amount (per wet); `tevredenheid` a score.
 */
export interface TellingInvoer {
  readonly gebied: string;
  readonly maat: MonitorMaat | 'meldingen';
  readonly periodeStart: string | null;
  readonly periodeEind: string | null;
  readonly peildatum: string | null;
  readonly waarden: readonly {
    readonly categorie: string | null;
    readonly wet?: string | null;
    readonly waarde: number;
  }[];
  readonly omschrijving?: string | null;
}

/**
 * The pilot's three success criteria as goals, for a pilot in `gebied` starting on `start`: aanmeldingen and kosten
 * not above the mean of the three years before (criterion 3), the collective offer up (criterion 2), the satisfaction
 * score up (criterion 1).
 */
export function standaardDoelen(gebied: string, start: string): DoelInvoer[] {
  const jaar = Number(start.slice(0, 4));
  // The three calendar years before the start's year, and the months of that year before the start.
  const basisVan = `${jaar - 3}-01-01`;
  const basisTot = dagVoor(start);
  const deadline = `${jaar + 3}${start.slice(4)}`;
  const gemeen = { gebied, wet: null, basisWaarde: null, doelWaarde: null, deadline, marge: 5 } as const;
  return [
    {
      ...gemeen,
      naam: 'Aanmeldingen niet hoger dan de drie jaar ervoor',
      criterium: 3,
      maat: 'aanmeldingen',
      richting: 'niet_hoger',
      basisVan,
      basisTot,
      toelichting: 'Succescriterium 3 van het pilotplan: de aanmeldingen zijn gelijk gebleven of omlaag gegaan.',
    },
    {
      ...gemeen,
      naam: 'Kosten Wmo en Jeugd niet hoger dan de drie jaar ervoor',
      criterium: 3,
      maat: 'kosten',
      richting: 'niet_hoger',
      basisVan,
      basisTot,
      toelichting: 'Succescriterium 3 van het pilotplan: de kosten zijn gelijk gebleven of omlaag gegaan.',
    },
    {
      ...gemeen,
      naam: 'Meer collectief, vrij toegankelijk aanbod in de buurt',
      criterium: 2,
      maat: 'collectief_aanbod',
      richting: 'hoger',
      basisVan: null,
      basisTot,
      toelichting:
        'Succescriterium 2: de sociale basis is versterkt, er zijn meer initiatieven van, voor en door inwoners.',
    },
    {
      ...gemeen,
      naam: 'Tevredenheid van inwoners omhoog',
      criterium: 1,
      maat: 'tevredenheid',
      richting: 'hoger',
      basisVan: null,
      basisTot,
      toelichting: 'Succescriterium 1: de tevredenheid onder inwoners is toegenomen (cliëntervaringsonderzoek).',
    },
  ];
}

/** The ISO date of the day before. */
export function dagVoor(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
