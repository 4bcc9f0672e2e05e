/**
 * THE boundary types of Wijkweb, in one file:
 *  - WorkerApi: renderer → Web Worker that owns the sql.js database (comlink). The CLI uses the same service in Node.
 *  - BridgeApi: renderer → preload → Electron main (file dialogs, atomic file I/O, locks, recent files), also
 *    implemented on browser file APIs in renderer/bridge/browser.ts.
 *  - IPC: the channel names, and the zod schemas main uses to validate every payload.
 */
import type { Handlers } from './service/handlers';
import type { Result } from './result';
import type { CbsImportOptions, CbsImportOutcome, CbsPreview } from './importers/cbs';
import type { GebiedProfiel, GebiedRow } from './db/repos/gebieden';
import type { ImportFile } from './importers/types';
import type { CognosImportOptions, CognosPreview } from './importers/cognos';
import type { MetingenOverzicht, MetingFilter, MetingRow } from './db/repos/metingen';
import type { UndoState } from './model/sociale-kaart';
import type { HiaatCel, HiatenInstellingen } from './analysis/hiaten';

export type { CbsImportOptions, CbsImportOutcome, CbsPreview, GebiedProfiel, GebiedRow, ImportFile };
export type { CognosImportOptions, CognosPreview, MetingenOverzicht, MetingFilter, MetingRow };
export type {
  EntiteitSoort,
  FieldProblem,
  KnoopRef,
  Organisatie,
  OrganisatieBulk,
  OrganisatieInput,
  Relatie,
  RelatieInput,
  RelatieVolume,
  TaxonomieItemInput,
  TaxonomieItemRow,
  UndoState,
  Voorziening,
  VoorzieningBulk,
  VoorzieningInput,
  Wijziging,
} from './model/sociale-kaart';
export type { ImportSoort } from './importers/sniff';
export type * from './analysis/types';
export type { Weergave, WeergaveInput, WeergaveSoort } from './db/repos/weergaven';
export type { GeoImportOptions, GeoPreview } from './importers/geo';
export type { KaartData, KaartGebied } from './db/repos/kaart';
export type {
  Basis,
  CelSignaal,
  DeelMeting,
  Ernst,
  GemeenteReferentie,
  HiaatCel,
  HiatenInstellingen,
  Moment,
  Signaal,
  VraagDeel,
  VraagRegel,
} from './analysis/hiaten';
export type {
  ScenarioJaar,
  ScenarioParameters,
  ScenarioRegel,
  ScenarioRegelUitkomst,
  ScenarioUitkomst,
} from './analysis/scenario';
export type { Scenario } from './db/repos/scenarios';
export type {
  AfhandelingPeriode,
  CapaciteitRij,
  DoelEvaluatie,
  DoelWaarde,
  EvaluatieVraag,
  InitiatiefGebeurtenis,
  KostenJaar,
  NieuweRelatie,
  PilotMonitor,
  TrendPunt,
} from './analysis/pilot';
export type { CapaciteitRegel } from './db/repos/pilot';
export type {
  CapaciteitInvoer,
  Doel,
  DoelInvoer,
  DoelMaat,
  DoelStatus,
  Functie,
  PilotInstellingen,
  Richting,
  TellingInvoer,
} from './model/pilot';
export type * from './report/model';
export type { PrivacyInstellingen } from './report/privacy';

/** What the gap analysis is asked for: a CBS year, a doelgroep, a peildatum, the language of its sentences. */
export interface HiatenOpvraag {
  readonly jaar?: number;
  readonly doelgroep?: string | null;
  /** ISO date: per measure the newest count on or before it. */
  readonly peildatum?: string | null;
  readonly taal?: 'nl' | 'en';
}

/** The gap analysis of one year's buurten at one peildatum. */
export interface HiatenOverzicht {
  readonly jaar: number | null;
  /** The Cognos counts used ("peildatum 2 april 2024"): one moment per measure. */
  readonly periode: string | null;
  /** The chosen peildatum (ISO), or null for the newest. */
  readonly peildatum: string | null;
  /** The moments the Cognos counts in the project have (ISO, newest first): the peildatum choice. */
  readonly momenten: readonly string[];
  readonly leefgebieden: readonly { readonly code: string; readonly label: string }[];
  /** Most severe first. */
  readonly cellen: readonly HiaatCel[];
  readonly instellingen: HiatenInstellingen;
}
export type {
  DubbelVoorstel,
  PartnersImportOptions,
  PartnersImportOutcome,
  PartnersPreview,
  PostcodesImportOutcome,
  RelatiesImportOptions,
  RelatiesImportOutcome,
  RelatiesPreview,
} from './importers/partners/types';

/**
 * The answer of every method that changes the project: its own result, the new overview, and what undo/redo would
 * do now. The renderer refreshes from it and schedules the autosave.
 */
export interface Changed<T> {
  readonly result: T;
  readonly overview: ProjectOverview;
  readonly undo: UndoState;
}

/** Organisations that look like one, for the Gegevens view's "Dubbelen" check. */
export interface DubbeleOrganisaties {
  readonly organisaties: readonly { readonly id: number; readonly naam: string; readonly postcode: string | null }[];
  readonly zekerheid: 'zeker' | 'mogelijk';
  readonly redenen: readonly string[];
}

export interface GebiedenLijst {
  readonly jaren: number[];
  readonly jaar: number | null;
  readonly gebieden: GebiedRow[];
  readonly eigen: (GebiedRow & { readonly leden: readonly string[] })[];
}

// ---------------------------------------------------------------- project data

export const COUNT_KEYS = [
  'gemeenten',
  'wijken',
  'buurten',
  'eigenGebieden',
  'indicatoren',
  'indicatorwaarden',
  'metingen',
  'organisaties',
  'voorzieningen',
  'relaties',
  'taxonomieItems',
  'bronnen',
  'geometrieen',
  'weergaven',
  'scenarios',
  'snapshots',
] as const;
export type CountKey = (typeof COUNT_KEYS)[number];
export type ProjectCounts = Readonly<Record<CountKey, number>>;

export interface BronInfo {
  readonly id: number;
  readonly soort: string;
  readonly bestandsnaam: string | null;
  readonly sha256: string | null;
  readonly geimporteerdOp: string;
  readonly rijenGelezen: number;
  readonly rijenGeimporteerd: number;
  readonly rijenOvergeslagen: number;
}

export interface ProjectOverview {
  readonly naam: string;
  readonly aangemaakt: string;
  readonly gewijzigd: string;
  readonly schemaVersion: number;
  readonly counts: ProjectCounts;
  readonly bronnen: readonly BronInfo[];
}

export interface OpenedProjectInfo {
  readonly overview: ProjectOverview;
  /** The schema version the file had when it was migrated on opening; null when no migration was needed. */
  readonly migratedFrom: number | null;
}

export interface ProgressEvent {
  readonly taak: 'openen' | 'controleren' | 'bijwerken' | 'opslaan' | 'importeren' | 'analyseren';
  readonly gedaan: number;
  readonly totaal: number;
}

/** Every table the CLI and the app can export. */
export const EXPORT_TABLE_NAMES = [
  'bronnen',
  'gebieden',
  'indicatoren',
  'metingen',
  'organisaties',
  'voorzieningen',
  'relaties',
  'taxonomieen',
  'netwerk',
  'hiaten',
  'doelen',
  'afhandeling',
] as const;
export type ExportTableName = (typeof EXPORT_TABLE_NAMES)[number];

export interface TableData {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

// ---------------------------------------------------------------- renderer → worker

export type { TeamBron, TeamMelding, TeamStatus, TeamVerbinding } from './service/team';
export type { TeamSoort } from './sync/model';

/**
 * Every call of the project service (renderer → worker over comlink; the CLI and the tests call it in process). Derived
 * from the handlers in `shared/service/handlers/<area>.ts`: a call is written there once, with its documentation.
 */
export type WorkerApi = Handlers;

export type ProgressListener = (event: ProgressEvent) => void;

// ---------------------------------------------------------------- renderer → preload → main (and browser)

/** Where a project file lives: an absolute path (desktop) or a working-copy id (browser). */
export interface ProjectRef {
  readonly id: string;
  /** File name shown to the user, e.g. "Enschede West.wijkweb". */
  readonly fileName: string;
}

export interface OpenedFile {
  readonly ref: ProjectRef;
  readonly bytes: Uint8Array;
  /** True when another Wijkweb window or process has the file open: the user may look, not save. */
  readonly readOnly: boolean;
}

export interface RecentProject {
  readonly ref: ProjectRef;
  readonly lastOpened: string;
  /** A folder or "In deze browser"; never shown in exports. */
  readonly location: string;
  /** 'bestand': a file of the user's (forgetting it only shortens the list); 'werkkopie': kept in the browser
   *  itself (forgetting it deletes it). */
  readonly storage: 'bestand' | 'werkkopie';
}

export interface SaveInfo {
  readonly savedAt: string;
  readonly bytes: number;
  /** True when a backup copy of the previous version was made before overwriting. */
  readonly backupMade: boolean;
}

export interface BackupInfo {
  readonly id: string;
  readonly createdAt: string;
  readonly bytes: number;
  readonly reason: BackupReason;
}

export const BACKUP_REASONS = ['periodiek', 'voor-migratie', 'voor-herstel'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export interface PlatformInfo {
  readonly kind: 'desktop' | 'browser';
  /** Human-readable place of the backups (a folder, or "in deze browser"). */
  readonly backupLocation: string;
  readonly appVersion: string;
  /** Browser mode: where new projects go ('bestand' needs the File System Access API). Desktop: always 'bestand'. */
  readonly newProjectStorage: 'bestand' | 'werkkopie';
  /** Browser mode: true when the browser can save real files (File System Access API). */
  readonly canUseFiles: boolean;
}

export const MENU_COMMANDS = [
  'nieuw',
  'openen',
  'opslaan',
  'opslaan-als',
  'kopie-opslaan',
  'sluiten',
  'taal-nl',
  'taal-en',
  'over',
  'ongedaan-maken',
  'opnieuw',
  'rapport',
  'presentatie',
  'rondleiding',
  'samenwerken',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface BridgeApi {
  platform(): Promise<PlatformInfo>;
  /** Asks where to put a new project (desktop: save dialog), writes the bytes atomically and locks the file. */
  createProjectFile(suggestedName: string, bytes: Uint8Array): Promise<Result<ProjectRef | null>>;
  /** Lets the user pick a project file (desktop: open dialog; browser: file upload into a working copy). */
  openProjectFile(): Promise<Result<OpenedFile | null>>;
  openRecentProject(id: string): Promise<Result<OpenedFile>>;
  listRecentProjects(): Promise<RecentProject[]>;
  forgetRecentProject(id: string): Promise<void>;
  /** Atomic save over the file (tmp + fsync + rename), making a rotating backup of the old version when due. */
  saveProjectFile(id: string, bytes: Uint8Array, backupReason?: BackupReason): Promise<Result<SaveInfo>>;
  /** Save under a new name and continue there (the old file is released). */
  saveProjectFileAs(
    currentId: string | null,
    bytes: Uint8Array,
    suggestedName: string,
  ): Promise<Result<ProjectRef | null>>;
  /** Save a copy and keep working in the current file (browser: a download). */
  saveCopy(bytes: Uint8Array, suggestedName: string): Promise<Result<boolean>>;
  closeProjectFile(id: string): Promise<void>;
  listBackups(id: string): Promise<BackupInfo[]>;
  /** Bytes of a backup, to open it instead of a damaged file. The damaged file is never overwritten by this. */
  readBackup(id: string, backupId: string): Promise<Result<Uint8Array>>;
  /**
   * Makes a PDF of a standalone report page (A4, and A3 landscape plates, from its print CSS). Desktop: Electron's
   * printToPDF in a hidden window without scripts, then a save dialog (false when cancelled). Browser: the browser's
   * print dialog for the same page ("Opslaan als PDF").
   */
  printPdf(html: string, suggestedName: string): Promise<Result<boolean>>;
  /**
   * Stores bytes as a new project without asking where (the voorbeeldproject on first start): desktop in the app's
   * data folder, browser as a working copy. It is locked, in the recent list, and opened like any other file.
   */
  createWorkingCopy(fileName: string, bytes: Uint8Array): Promise<Result<OpenedFile>>;
  /** Desktop: native menu commands; browser: never called. Returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Desktop: the window is about to close; the listener saves, then calls `confirmClose`. */
  onCloseRequested(listener: () => void): () => void;
  confirmClose(): Promise<void>;
  /** Desktop: a project file was given to the app (file association); its id is already in the recent list. */
  onOpenRequested(listener: (id: string) => void): () => void;
}

// ---------------------------------------------------------------- IPC (desktop only)

export const IPC = {
  platform: 'wijkweb:platform',
  createProjectFile: 'wijkweb:create-project-file',
  openProjectFile: 'wijkweb:open-project-file',
  openRecentProject: 'wijkweb:open-recent-project',
  listRecentProjects: 'wijkweb:list-recent-projects',
  forgetRecentProject: 'wijkweb:forget-recent-project',
  saveProjectFile: 'wijkweb:save-project-file',
  saveProjectFileAs: 'wijkweb:save-project-file-as',
  saveCopy: 'wijkweb:save-copy',
  closeProjectFile: 'wijkweb:close-project-file',
  listBackups: 'wijkweb:list-backups',
  readBackup: 'wijkweb:read-backup',
  confirmClose: 'wijkweb:confirm-close',
  printPdf: 'wijkweb:print-pdf',
  createWorkingCopy: 'wijkweb:create-working-copy',
  /** main → renderer events */
  menuCommand: 'wijkweb:menu-command',
  closeRequested: 'wijkweb:close-requested',
  openRequested: 'wijkweb:open-requested',
} as const;

/** A project file is at most 1 GiB (the sql.js heap tops out at 2 GiB and holds it twice during a save). */
export const MAX_PROJECT_BYTES = 1024 * 1024 * 1024;
