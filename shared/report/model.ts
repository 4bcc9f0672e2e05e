/**
 * The stuurgroep report as data: sections with paragraphs, key figures, tables and plates. Built by `build.ts` from
 * the project, protected by `privacy.ts` (small counts), and rendered by `html.ts` (PDF through a browser's print)
 * and `xlsx.ts`. Everything in it may leave the machine: no user names, no file paths.
 */
import type { PrivacyInstellingen } from './privacy';

export const SECTIES = [
  'pilot',
  'kerncijfers',
  'metingen',
  'netwerk',
  'veranderingen',
  'hiaten',
  'scenario',
  'bijlagen',
] as const;
export type SectieSoort = (typeof SECTIES)[number];

/** A cell: a number, text, or nothing. Suppressed counts are text: "<5" (small) or "x" (hidden so a small one can't be
 *  recovered by subtraction). */
export type CelWaarde = number | string | null;

/** 'aantal' columns are counts of people or cases: they are suppressed when small. */
export type KolomSoort = 'tekst' | 'aantal' | 'getal' | 'procent' | 'datum' | 'geld';

export interface RapportKolom {
  readonly titel: string;
  readonly soort: KolomSoort;
  /** Decimals shown (getal, procent); default 0 for aantal/geld, 1 for getal and procent. */
  readonly decimalen?: number;
  /** A figure computed from the count in that column (per 1,000): hidden together with it. */
  readonly afgeleidVan?: number;
  /** Long text (a sentence): on paper it is listed under the table, numbered by row; in the xlsx it is a column. */
  readonly breed?: boolean;
  /** A goal's status ("● Op koers"): on paper with its colour (the symbol carries it in black and white). */
  readonly status?: boolean;
}

export interface RapportTabel {
  /** Short name, also the sheet name in the xlsx (at most 31 characters). */
  readonly id: string;
  readonly titel: string;
  readonly kolommen: readonly RapportKolom[];
  readonly rijen: readonly (readonly CelWaarde[])[];
  /** The last row is the total of the rows above (per 'aantal' column). */
  readonly totaalRij?: boolean;
  /** This column is the total of the other 'aantal' columns in its row. */
  readonly totaalKolom?: number;
  /** "CBS Kerncijfers wijken en buurten 2023 (kwb-2023.csv)". */
  readonly bron: string;
  /** ISO date or a period description ("april 2024"). */
  readonly peildatum: string | null;
  readonly voetnoot?: string;
  /**
   * On paper this column is not shown: its value heads a group of rows (a goal's success criterion) when it changes.
   * The xlsx keeps it as a column.
   */
  readonly groepKolom?: number;
  /** The same table for the workbook, with typed cells (a value and its unit apart); already protected. */
  readonly werkblad?: {
    readonly kolommen: readonly RapportKolom[];
    readonly rijen: readonly (readonly CelWaarde[])[];
  };
}

export interface Kerngetal {
  readonly label: string;
  readonly waarde: string;
  readonly toelichting?: string;
}

export interface RapportPlaat {
  readonly soort: 'netwerk' | 'kaart';
  readonly titel: string;
  /** A standalone SVG document (no scripts, no external references). */
  readonly svg: string;
  readonly bron: string;
}

export interface RapportSectie {
  readonly soort: SectieSoort;
  readonly titel: string;
  readonly alineas: readonly string[];
  readonly kerngetallen: readonly Kerngetal[];
  readonly tabellen: readonly RapportTabel[];
  readonly plaat?: RapportPlaat;
}

export interface RapportBron {
  readonly soort: string;
  /** The file name only, never a path. */
  readonly naam: string;
  readonly geimporteerdOp: string;
}

export interface Rapport {
  readonly titel: string;
  readonly ondertitel: string;
  readonly gebieden: readonly { readonly code: string; readonly naam: string }[];
  readonly peildatum: string;
  /** The stuurgroep moment compared with (a snapshot's peildatum), if any. */
  readonly vergelijkMet: string | null;
  /** Date the report was made (ISO date, no time). */
  readonly gemaaktOp: string;
  readonly privacy: PrivacyInstellingen;
  readonly leeswijzer: readonly { readonly term: string; readonly uitleg: string }[];
  readonly secties: readonly RapportSectie[];
  readonly bronnen: readonly RapportBron[];
  /** The language it is written in (html.ts and xlsx.ts follow it); absent = Dutch. */
  readonly taal?: 'nl' | 'en';
}

export interface RapportOpties {
  /** Buurt, wijk or eigen gebied codes; at least one. */
  readonly gebieden: readonly string[];
  /** ISO date: the state of this stuurgroep moment (a snapshot on this date, else the project as it is now). */
  readonly peildatum: string;
  /** ISO date of the snapshot to compare with; default the newest snapshot before the peildatum. null: none. */
  readonly vergelijkMet?: string | null;
  /** Sections in this order; default all. */
  readonly secties?: readonly SectieSoort[];
  /** A saved scenario (id); default the first saved one, else the standard scenario. */
  readonly scenarioId?: number | null;
  readonly titel?: string | null;
  /** The language of the report's text, dates and numbers; default Dutch. */
  readonly taal?: 'nl' | 'en';
}

/**
 * The report's selection, for the presentation: its title slide (key figures, subtitle) and its map, gap and network
 * slides are then of these gebieden at this peildatum, as in the report, in its language. Without it: the whole
 * project now, in Dutch.
 */
export type PresentatieOpties = Pick<RapportOpties, 'gebieden' | 'peildatum' | 'taal'>;

// ---------------------------------------------------------------- snapshots

export interface SnapshotInfo {
  readonly id: number;
  readonly naam: string;
  readonly peildatum: string;
  readonly gemaaktOp: string;
  readonly organisaties: number;
  readonly voorzieningen: number;
  readonly relaties: number;
}

// ---------------------------------------------------------------- presentation

/** A goal on the pilot slide: its status in words and symbol, since when, and the sentence with the numbers. */
export interface DiaDoel {
  readonly naam: string;
  readonly status: 'op_koers' | 'aandacht' | 'niet_op_koers' | 'geen_gegevens';
  /** "● Op koers". */
  readonly statusTekst: string;
  /** "sinds 30 april 2024", or null. */
  readonly sinds: string | null;
  readonly zin: string;
}

export interface Dia {
  readonly soort: 'titel' | 'netwerk' | 'kaart' | 'hiaten' | 'pilot' | 'afhandeling';
  readonly titel: string;
  readonly notitie: string | null;
  /** Netwerk, kaart and afhandeling: the plate as an SVG document. */
  readonly svg?: string;
  /** Hiaten: the matrix (buurten × leefgebieden), already protected. */
  readonly tabel?: RapportTabel;
  /** Titel: a few key figures. */
  readonly kerngetallen?: readonly Kerngetal[];
  /** Titel: the names of the report's gebieden ("Boswinkel-De Braker, Pathmos"), when a selection was given. */
  readonly gebieden?: string;
  /** Pilot: the goals with their status. */
  readonly doelen?: readonly DiaDoel[];
  /** Netwerk: what line widths and sizes mean (the plate has no caption on a slide); before the source. */
  readonly noot?: string;
  readonly bron: string;
}
