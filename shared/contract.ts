/**
 * THE boundary types of Wijkweb, in one file:
 *  - WorkerApi: renderer → Web Worker that owns the sql.js database (comlink). The CLI uses the same service in Node.
 *  - BridgeApi: renderer → preload → Electron main (file dialogs, atomic file I/O, locks, recent files), also
 *    implemented on browser file APIs in renderer/bridge/browser.ts.
 *  - IPC: the channel names, and the zod schemas main uses to validate every payload.
 */
import type { TeamBron, TeamMelding, TeamStatus } from './service/team';
import type { TeamSoort } from './sync/model';
import type { Result } from './result';
import type { CbsImportOptions, CbsImportOutcome, CbsPreview } from './importers/cbs';
import type { GebiedProfiel, GebiedRow } from './db/repos/gebieden';
import type { ImportFile } from './importers/types';
import type { CognosImportOptions, CognosPreview } from './importers/cognos';
import type { MetingenOverzicht, MetingFilter, MetingRow } from './db/repos/metingen';
import type {
  EntiteitSoort,
  Organisatie,
  OrganisatieBulk,
  OrganisatieInput,
  Relatie,
  RelatieInput,
  TaxonomieItemInput,
  TaxonomieItemRow,
  UndoState,
  Voorziening,
  VoorzieningBulk,
  VoorzieningInput,
  Wijziging,
} from './model/sociale-kaart';
import type { Taxonomy } from './model/taxonomies';
import type { ImportSoort } from './importers/sniff';
import type { KnoopPositie, NetwerkAnalyse, NetwerkData, NetwerkFilter } from './analysis/types';
import type { Weergave, WeergaveInput, WeergaveSoort } from './db/repos/weergaven';
import type { GeoImportOptions, GeoPreview } from './importers/geo';
import type { KaartData } from './db/repos/kaart';
import type { HiaatCel, HiatenInstellingen } from './analysis/hiaten';
import type { ScenarioParameters, ScenarioUitkomst } from './analysis/scenario';
import type { Scenario } from './db/repos/scenarios';
import type { PilotMonitor } from './analysis/pilot';
import type { CapaciteitRegel } from './db/repos/pilot';
import type { CapaciteitInvoer, Doel, DoelInvoer, PilotInstellingen, TellingInvoer } from './model/pilot';
import type {
  PartnersImportOptions,
  PartnersImportOutcome,
  PartnersPreview,
  PostcodesImportOutcome,
  RelatiesImportOptions,
  RelatiesImportOutcome,
  RelatiesPreview,
} from './importers/partners/types';
import type { Dia, PresentatieOpties, Rapport, RapportOpties, SnapshotInfo } from './report/model';
import type { PrivacyInstellingen } from './report/privacy';

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

export interface WorkerApi {
  /** Creates a new, empty project in memory (schema at the latest version, default taxonomies). */
  createProject(naam: string): Promise<Result<ProjectOverview>>;
  /** Checks (SQLite, our application_id, integrity) and migrates a project file; the bytes are never changed. */
  openProject(bytes: Uint8Array, fileName: string): Promise<Result<OpenedProjectInfo>>;
  closeProject(): Promise<void>;
  /** A consistent copy of the whole project file; never taken inside a transaction. */
  exportProject(): Promise<Result<Uint8Array>>;
  getOverview(): Promise<Result<ProjectOverview>>;
  renameProject(naam: string): Promise<Result<ProjectOverview>>;
  /**
   * A table of the project; `hiaten` and `doelen` at one peildatum (ISO; default the newest counts). Small counts leave as "<5";
   * `exacteAantallen` keeps referral counts exact in `relaties` (a working file to edit and import back).
   */
  exportTable(
    name: ExportTableName,
    opties?: { readonly peildatum?: string | null; readonly exacteAantallen?: boolean },
  ): Promise<Result<TableData>>;
  /** Reads a CBS file and says what an import would do; writes nothing. */
  previewCbsImport(file: ImportFile, options: CbsImportOptions): Promise<Result<CbsPreview>>;
  /** Imports a CBS file in one transaction (progress events; `cancelImport` rolls it back). */
  importCbs(
    file: ImportFile,
    options: CbsImportOptions,
  ): Promise<Result<CbsImportOutcome & { overview: ProjectOverview }>>;
  cancelImport(): Promise<void>;
  /** Reads a Cognos export, matches its gebieden, and says what an import would do; writes nothing. */
  previewCognosImport(file: ImportFile, options: CognosImportOptions): Promise<Result<CognosPreview>>;
  importCognos(
    file: ImportFile,
    options: CognosImportOptions,
  ): Promise<Result<{ bronId: number; metingen: number; overview: ProjectOverview }>>;
  /** The years of the area division in the project, newest first, and the gebieden of one year. */
  getGebieden(jaar?: number): Promise<Result<GebiedenLijst>>;
  /** Profile of a gebied (CBS code) or an eigen gebied (code EG_…) in a year. */
  getGebiedProfiel(code: string, jaar: number): Promise<Result<GebiedProfiel | null>>;
  /** The profiles of many gebieden in one call (the Kaart: every buurt on the map); a gebied without one is left out. */
  getGebiedProfielen(codes: readonly string[], jaar: number): Promise<Result<Record<string, GebiedProfiel>>>;
  /** Measured counts (Cognos) with per-1,000 figures and a trend per measure and gebied. */
  getMetingen(filter: MetingFilter): Promise<Result<MetingenOverzicht>>;
  /** A user-defined area: a set of buurten (or wijken) of one year's division. */
  createEigenGebied(naam: string, leden: readonly string[], jaar: number): Promise<Result<GebiedRow>>;

  // ------------------------------------------------------------ sociale kaart (organisaties, voorzieningen, relaties)
  listOrganisaties(): Promise<Result<Organisatie[]>>;
  listVoorzieningen(): Promise<Result<Voorziening[]>>;
  listRelaties(): Promise<Result<Relatie[]>>;
  /** id null: a new item. Invalid input fails with `invoer.ongeldig` and params {veld, code} of the first problem. */
  saveOrganisatie(id: number | null, input: OrganisatieInput): Promise<Result<Changed<Organisatie>>>;
  saveVoorziening(id: number | null, input: VoorzieningInput): Promise<Result<Changed<Voorziening>>>;
  saveRelatie(id: number | null, input: RelatieInput): Promise<Result<Changed<Relatie>>>;
  /** Deletes items (a deleted organisation takes its relaties along; its voorzieningen stay, without provider). */
  deleteItems(soort: EntiteitSoort, ids: readonly number[]): Promise<Result<Changed<number>>>;
  bulkOrganisaties(ids: readonly number[], patch: OrganisatieBulk): Promise<Result<Changed<number>>>;
  bulkVoorzieningen(ids: readonly number[], patch: VoorzieningBulk): Promise<Result<Changed<number>>>;
  /** Merges organisations into `keepId`: voorzieningen, relaties and names (as aliases) move over. One undo step. */
  mergeOrganisaties(keepId: number, ids: readonly number[]): Promise<Result<Changed<Organisatie>>>;
  /** Organisations in the project that look like one (equal names after normalisation, or similar). */
  findDubbeleOrganisaties(): Promise<Result<DubbeleOrganisaties[]>>;
  /** What changed, when, for one item (newest first). */
  getWijzigingen(soort: EntiteitSoort, id: number): Promise<Result<Wijziging[]>>;
  listTaxonomieen(): Promise<Result<TaxonomieItemRow[]>>;
  /** code null: a new item (its code is made from the label). */
  saveTaxonomieItem(
    taxonomie: Taxonomy,
    code: string | null,
    input: TaxonomieItemInput,
  ): Promise<Result<Changed<TaxonomieItemRow>>>;
  /** Refused while the item is in use (`taxonomie.in-gebruik`). */
  deleteTaxonomieItem(taxonomie: Taxonomy, code: string): Promise<Result<Changed<number>>>;
  undo(): Promise<Result<Changed<string | null>>>;
  redo(): Promise<Result<Changed<string | null>>>;
  getUndoState(): Promise<UndoState>;
  previewPartnersImport(file: ImportFile, options: PartnersImportOptions): Promise<Result<PartnersPreview>>;
  importPartners(file: ImportFile, options: PartnersImportOptions): Promise<Result<Changed<PartnersImportOutcome>>>;
  previewRelatiesImport(file: ImportFile, options: RelatiesImportOptions): Promise<Result<RelatiesPreview>>;
  importRelaties(file: ImportFile, options: RelatiesImportOptions): Promise<Result<Changed<RelatiesImportOutcome>>>;
  /** What kind of file an import is, from its first rows (the import page routes it to the right preview). */
  sniffImport(file: ImportFile): Promise<Result<ImportSoort>>;
  /** The CBS table "buurt, wijk en gemeente per postcode" (PC6 → buurt), as a reference; links existing items. */
  importPostcodes(file: ImportFile): Promise<Result<Changed<PostcodesImportOutcome>>>;

  // ------------------------------------------------------------ netwerk
  /** The whole network (knopen, relaties with volumes, positions, labels) for the Netwerk view. */
  getNetwerk(): Promise<Result<NetwerkData>>;
  /** Metrics of the part of the network the filter shows (the same filter function as the view). */
  analyseNetwerk(filter: NetwerkFilter): Promise<Result<NetwerkAnalyse>>;
  /** Saves node positions (pinned or from a layout); `vervangen` replaces all. Not an undo step. */
  saveKnoopPosities(posities: readonly KnoopPositie[], vervangen: boolean): Promise<Result<number>>;
  listWeergaven(soort: WeergaveSoort): Promise<Result<Weergave[]>>;
  saveWeergave(id: number | null, input: WeergaveInput): Promise<Result<Changed<Weergave>>>;
  deleteWeergave(id: number): Promise<Result<Changed<number>>>;
  /** The presentation's order of the saved views: all their ids, first slide first. One undo step. */
  reorderWeergaven(ids: readonly number[]): Promise<Result<Changed<number>>>;

  // ------------------------------------------------------------ kaart
  /** Reads a wijk- en buurtkaart (GeoPackage, GeoJSON, TopoJSON) and says how its vlakken join the gebieden. */
  previewGeoImport(file: ImportFile, options: GeoImportOptions): Promise<Result<GeoPreview>>;
  importGeo(
    file: ImportFile,
    options: GeoImportOptions,
  ): Promise<Result<Changed<{ bronId: number; vlakken: number; nieuw: number }>>>;
  /** The polygons of the gebieden of one year (default: the newest with polygons), for the Kaart view. */
  getKaart(jaar?: number): Promise<Result<KaartData>>;

  // ------------------------------------------------------------ hiaten en scenario's
  /** Gaps per buurt × leefgebied (optionally for one doelgroep), most severe first, each with its sentence. */
  getHiaten(opties?: HiatenOpvraag): Promise<Result<HiatenOverzicht>>;
  /** Leaves a Cognos count out of the gap analysis (or takes it back in): one undo step. */
  setMetingUitgesloten(id: number, uitgesloten: boolean): Promise<Result<Changed<number>>>;
  saveHiatenInstellingen(instellingen: HiatenInstellingen): Promise<Result<Changed<HiatenInstellingen>>>;
  /** With a peildatum: per measure the newest count on or before it (as the Hiaten view); else the newest. */
  berekenScenario(parameters: ScenarioParameters, opties?: { peildatum?: string }): Promise<Result<ScenarioUitkomst>>;
  listScenarios(): Promise<Result<Scenario[]>>;
  saveScenario(id: number | null, naam: string, parameters: ScenarioParameters): Promise<Result<Changed<Scenario>>>;
  deleteScenario(id: number): Promise<Result<Changed<number>>>;

  // ------------------------------------------------------------ pilotmonitor (issue 18)
  /** The goals with their status, the afhandeling, costs, initiatives, capacity and evaluation questions at a date
   * (default: the newest date of the monitor's data). */
  getPilotmonitor(opties?: { peildatum?: string; taal?: 'nl' | 'en' }): Promise<Result<PilotMonitor>>;
  getPilot(): Promise<Result<PilotInstellingen>>;
  savePilot(pilot: PilotInstellingen): Promise<Result<Changed<PilotInstellingen>>>;
  listDoelen(): Promise<Result<Doel[]>>;
  saveDoel(id: number | null, doel: DoelInvoer): Promise<Result<Changed<Doel>>>;
  deleteDoel(id: number): Promise<Result<Changed<number>>>;
  /** Adds the pilot plan's success criteria as goals for the pilot's gebied and start (one undo step). */
  addStandaardDoelen(): Promise<Result<Changed<number>>>;
  /** A tally entered by hand (afhandeling per category, kosten, tevredenheid, meldingen): one undo step. */
  saveTelling(telling: TellingInvoer): Promise<Result<Changed<number>>>;
  listCapaciteit(): Promise<Result<CapaciteitRegel[]>>;
  saveCapaciteit(regels: readonly CapaciteitInvoer[]): Promise<Result<Changed<number>>>;
  deleteCapaciteit(id: number): Promise<Result<Changed<number>>>;

  // ------------------------------------------------------------ stuurgroep: rapport, snapshots, presentatie
  /** The stuurgroep report as data (small counts already protected), with its plates as SVG. */
  getRapport(opties: RapportOpties): Promise<Result<Rapport>>;
  /** The same report as an xlsx workbook: one sheet per table, typed cells, frozen header rows. */
  exportRapportXlsx(opties: RapportOpties): Promise<Result<Uint8Array>>;
  listSnapshots(): Promise<Result<SnapshotInfo[]>>;
  /** Freezes the sociale kaart, network and gaps as they are now, under a stuurgroep date. One undo step. */
  createSnapshot(naam: string, peildatum: string): Promise<Result<Changed<SnapshotInfo>>>;
  deleteSnapshot(id: number): Promise<Result<Changed<number>>>;
  getPrivacy(): Promise<Result<PrivacyInstellingen>>;
  savePrivacy(instellingen: PrivacyInstellingen): Promise<Result<Changed<PrivacyInstellingen>>>;
  /**
   * Slides for presentation mode: a title slide, then the saved views (netwerk, kaart, hiaten) with their title and
   * note, as plates. With the report's selection (gebieden, peildatum) the title slide and the map, gap and default
   * network slides are of that selection; without it, of the whole project today.
   */
  getPresentatie(opties?: PresentatieOpties | null): Promise<Result<Dia[]>>;

  // ------------------------------------------------------------ samenwerken (issue 19)
  /** Shared or not, the connection, waiting changes, who is online, the review count; `revisie` rises with remote changes. */
  getTeamStatus(): Promise<Result<TeamStatus>>;
  /** Shares the open project's sociale kaart with a team on the gemeente's server (ws:// or wss://). */
  shareTeam(server: string, lid: string): Promise<Result<TeamStatus>>;
  /** Reads an invite and asks its server whether it lets it in (before a new project is made for it); no project needed. */
  checkTeamUitnodiging(uitnodiging: string): Promise<Result<true>>;
  /** The open (new, empty) project joins the team of the invite: the team's sociale kaart is fetched. */
  joinTeam(uitnodiging: string, lid: string): Promise<Result<Changed<TeamStatus>>>;
  /** Tries the server again now. */
  reconnectTeam(): Promise<Result<TeamStatus>>;
  /** "Wijzigingen om na te kijken": concurrent values of one field, links with a deleted end, items not shown. */
  listTeamMeldingen(): Promise<Result<TeamMelding[]>>;
  /** The team's imported files (the figures stay with each member): each version with who has it. */
  listTeamBronnen(): Promise<Result<TeamBron[]>>;
  /** Settles a review entry: the value at `keuze` (0 = the one shown) as a change for the whole team. */
  chooseTeamWaarde(soort: TeamSoort, sleutel: string, veld: string, keuze: number): Promise<Result<Changed<number>>>;

  /** Increases by one on every change to the project; the renderer's autosave watches it. */
  getRevision(): Promise<number>;
  /** Round trip without work, for the benchmark and a liveness check. */
  ping(payload?: Uint8Array): Promise<number>;
}

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
