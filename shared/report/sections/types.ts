/**
 * What a report section is: an id, a title in the report's language and a builder that reads the project through the
 * context `build.ts` prepares (selection, privacy, words, the moments compared). Sections are listed, in the report's
 * order, in `index.ts`.
 */
import type { ProjectDb } from '../../db/connection';
import type { NetwerkData } from '../../analysis/types';
import type { HiaatCel } from '../../analysis/hiaten';
import type { loadHiatenInput } from '../../db/repos/hiaten';
import type { GebiedProfiel } from '../../db/repos/gebieden';
import type { snapshotOp } from '../../db/repos/snapshots';
import type { RapportOpties, RapportSectie, SectieSoort } from '../model';
import type { PrivacyInstellingen } from '../privacy';
import type { SnapshotInhoud } from '../snapshot';
import type { Woorden } from '../tekst';

/** The report's gebieden, resolved. */
export interface Selectie {
  readonly jaar: number | null;
  readonly gekozen: readonly { code: string; naam: string }[];
  /** Buurt codes covered (for an eigen gebied of wijken: their buurten). */
  readonly buurten: ReadonlySet<string>;
  /** Buurt and wijk codes, for filters that take either. */
  readonly codes: readonly string[];
  /** Codes an offer may name to serve the selection: its buurten, their wijken and gemeente. */
  readonly bedient: ReadonlySet<string>;
}

/** The gaps at a moment: the period of the counts (in words), the cells, and the model's input. */
export interface HiatenStand {
  readonly periode: string | null;
  readonly cellen: HiaatCel[];
  readonly input: ReturnType<typeof loadHiatenInput>;
}

/** A stuurgroep moment (a snapshot) as the repo returns it. */
export type Moment = NonNullable<ReturnType<typeof snapshotOp>>;

/** Everything a section may read; what several sections need is computed once, when first asked. */
export interface SectieContext {
  readonly db: ProjectDb;
  readonly netwerk: NetwerkData;
  /** ISO timestamp of now. */
  readonly now: string;
  readonly opties: RapportOpties;
  /** ISO date: the report's peildatum. */
  readonly peildatum: string;
  readonly sel: Selectie;
  readonly p: PrivacyInstellingen;
  readonly w: Woorden;
  /** The CBS profiles of the chosen gebieden (in the selection's order). */
  profielen(): readonly GebiedProfiel[];
  /** The inwoners of the one chosen gebied (null with more than one, or without CBS figures). */
  inwoners(): number | null;
  /** The gaps at the peildatum, protected. */
  hiaten(): HiatenStand;
  /** The moment on the peildatum, if one was saved. */
  readonly vast: Moment | null;
  /** The moment compared with, if any. */
  readonly vergelijk: Moment | null;
  /** The state at the peildatum: its moment, else the project now (without network figures). */
  nu(): SnapshotInhoud;
}

/** A section's content: everything of a `RapportSectie` but its id and title. */
export type SectieInhoud = Omit<RapportSectie, 'soort' | 'titel'>;

export interface Sectie<Id extends SectieSoort = SectieSoort> {
  readonly id: Id;
  /** Its heading, in the report's language. */
  title(w: Woorden): string;
  /** Its content; null leaves it out of the report (a Pilotmonitor without a pilot). */
  build(ctx: SectieContext): SectieInhoud | null;
}
