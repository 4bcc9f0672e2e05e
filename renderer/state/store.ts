import { create } from 'zustand';
import type { AppError, Result } from '../../shared/result';
import type {
  BackupInfo,
  BridgeApi,
  CbsImportOptions,
  CbsImportOutcome,
  Changed,
  CognosImportOptions,
  GebiedRow,
  ImportFile,
  KnoopPositie,
  PlatformInfo,
  ProgressEvent,
  ProjectOverview,
  ProjectRef,
  RecentProject,
  UndoState,
  WorkerApi,
  PresentatieOpties,
  TeamStatus,
} from '../../shared/contract';
import { createAutosaver } from './autosave';

export type SaveStatus = 'opgeslagen' | 'gewijzigd' | 'bezig' | 'mislukt' | 'alleen-lezen';

export interface Notice {
  readonly id: number;
  readonly kind: 'error' | 'warning' | 'info' | 'ok';
  /** An i18n key with params, or an AppError (rendered through fout.<code>). */
  readonly text?: { readonly key: string; readonly params?: Record<string, string | number> };
  readonly error?: AppError;
  /** Backups offered for a damaged file. */
  readonly backups?: { readonly projectId: string; readonly fileName: string; readonly list: readonly BackupInfo[] };
  /** A notice with a tag replaces the previous notice with the same tag (e.g. one "Ongedaan gemaakt" at a time). */
  readonly tag?: string;
  /** Removed by itself after this many milliseconds (short status notices). */
  readonly autoDismissMs?: number;
}

export const NO_UNDO: UndoState = { ongedaanMaken: null, opnieuw: null };

/** The file name of the voorbeeldproject's working copy. */
export const VOORBEELD_NAAM = 'Voorbeeldproject Enschede West.wijkweb';

export interface OpenProject {
  readonly ref: ProjectRef;
  readonly readOnly: boolean;
  readonly overview: ProjectOverview;
}

/** What the store needs from the outside world; the real ones are the bridge and the worker. */
export interface StoreDeps {
  readonly bridge: BridgeApi;
  /** The worker's whole contract (a test's fake implements the calls it needs). */
  readonly worker: WorkerApi;
  /** The voorbeeldproject's bytes (served with the app), or null when this build has none. */
  readonly loadVoorbeeld?: () => Promise<Uint8Array | null>;
}

export interface AppState {
  readonly platform: PlatformInfo | null;
  readonly project: OpenProject | null;
  readonly recent: readonly RecentProject[];
  readonly saveStatus: SaveStatus;
  readonly savedAt: string | null;
  readonly busy: ProgressEvent | { readonly taak: 'openen'; readonly gedaan: 0; readonly totaal: 0 } | null;
  readonly notices: readonly Notice[];
  /** What Ctrl+Z / Ctrl+Y would do now (from the worker, after every change). */
  readonly undo: UndoState;
  /** Goes up by one after every change to the project's data: pages that show data refetch when it changes. */
  readonly dataRevision: number;
  /** Samenwerken: the open project's team status (null: none open, or not asked yet). */
  readonly team: TeamStatus | null;
  /**
   * What the Rapport view has chosen (gebieden, peildatum) for the open project: the presentation follows it. Kept
   * while the project is open (also when you leave Rapport); null until Rapport has a choice.
   */
  readonly rapportSelectie: PresentatieOpties | null;
  readonly actions: Actions;
}

/**
 * A change of the worker as the store offers it: the same arguments, answered with the change's own result (the store
 * has taken the new overview and undo state, raised `dataRevision` and scheduled the autosave).
 */
type Wijziging<K extends keyof WorkerApi> = WorkerApi[K] extends (...args: infer A) => Promise<Result<Changed<infer T>>>
  ? (...args: A) => Promise<Result<T>>
  : never;

export interface Actions {
  init(): Promise<void>;
  refreshRecent(): Promise<void>;
  newProject(naam: string): Promise<boolean>;
  openProject(): Promise<void>;
  openRecent(id: string): Promise<void>;
  openBackup(projectId: string, fileName: string, backup: BackupInfo): Promise<void>;
  forgetRecent(id: string): Promise<void>;
  saveNow(): Promise<boolean>;
  saveAs(): Promise<void>;
  saveCopy(): Promise<void>;
  closeProject(): Promise<void>;
  renameProject(naam: string): Promise<AppError | null>;
  previewCbsImport: WorkerApi['previewCbsImport'];
  /** Runs the import with progress; the project is saved afterwards like after any edit. */
  importCbs(file: ImportFile, options: CbsImportOptions): Promise<Result<CbsImportOutcome>>;
  cancelImport: WorkerApi['cancelImport'];
  previewCognosImport: WorkerApi['previewCognosImport'];
  importCognos(file: ImportFile, options: CognosImportOptions): Promise<Result<{ metingen: number }>>;
  getMetingen: WorkerApi['getMetingen'];
  getGebieden: WorkerApi['getGebieden'];
  getGebiedProfiel: WorkerApi['getGebiedProfiel'];
  getGebiedProfielen: WorkerApi['getGebiedProfielen'];
  createEigenGebied(naam: string, leden: readonly string[], jaar: number): Promise<Result<GebiedRow>>;

  // ---------------------------------------------------------------- sociale kaart
  // Reads pass straight through. Every change returns the item's own result; the store has already taken the new
  // overview and undo state, raised `dataRevision` and scheduled the autosave.
  listOrganisaties: WorkerApi['listOrganisaties'];
  listVoorzieningen: WorkerApi['listVoorzieningen'];
  listRelaties: WorkerApi['listRelaties'];
  findDubbeleOrganisaties: WorkerApi['findDubbeleOrganisaties'];
  getWijzigingen: WorkerApi['getWijzigingen'];
  listTaxonomieen: WorkerApi['listTaxonomieen'];
  getUndoState: WorkerApi['getUndoState'];
  saveOrganisatie: Wijziging<'saveOrganisatie'>;
  saveVoorziening: Wijziging<'saveVoorziening'>;
  saveRelatie: Wijziging<'saveRelatie'>;
  deleteItems: Wijziging<'deleteItems'>;
  bulkOrganisaties: Wijziging<'bulkOrganisaties'>;
  bulkVoorzieningen: Wijziging<'bulkVoorzieningen'>;
  mergeOrganisaties: Wijziging<'mergeOrganisaties'>;
  saveTaxonomieItem: Wijziging<'saveTaxonomieItem'>;
  deleteTaxonomieItem: Wijziging<'deleteTaxonomieItem'>;
  /** Undoes the last step; shows "Ongedaan gemaakt: …". Returns the description of the step, or null. */
  undo(): Promise<Result<string | null>>;
  redo(): Promise<Result<string | null>>;
  previewPartnersImport: WorkerApi['previewPartnersImport'];
  /** Imports like importCognos: `busy` while it runs, saved afterwards; undoable as one step. */
  importPartners: Wijziging<'importPartners'>;
  previewRelatiesImport: WorkerApi['previewRelatiesImport'];
  importRelaties: Wijziging<'importRelaties'>;
  importPostcodes: Wijziging<'importPostcodes'>;

  // ---------------------------------------------------------------- kaart, hiaten, scenario's
  previewGeoImport: WorkerApi['previewGeoImport'];
  importGeo: Wijziging<'importGeo'>;
  getKaart: WorkerApi['getKaart'];
  getHiaten: WorkerApi['getHiaten'];
  setMetingUitgesloten: Wijziging<'setMetingUitgesloten'>;
  saveHiatenInstellingen: Wijziging<'saveHiatenInstellingen'>;
  berekenScenario: WorkerApi['berekenScenario'];
  listScenarios: WorkerApi['listScenarios'];
  saveScenario: Wijziging<'saveScenario'>;
  deleteScenario: Wijziging<'deleteScenario'>;
  // ---------------------------------------------------------------- pilotmonitor
  getPilotmonitor: WorkerApi['getPilotmonitor'];
  getPilot: WorkerApi['getPilot'];
  savePilot: Wijziging<'savePilot'>;
  listDoelen: WorkerApi['listDoelen'];
  saveDoel: Wijziging<'saveDoel'>;
  deleteDoel: Wijziging<'deleteDoel'>;
  addStandaardDoelen: Wijziging<'addStandaardDoelen'>;
  saveTelling: Wijziging<'saveTelling'>;
  listCapaciteit: WorkerApi['listCapaciteit'];
  saveCapaciteit: Wijziging<'saveCapaciteit'>;
  deleteCapaciteit: Wijziging<'deleteCapaciteit'>;
  /** What kind of file an import is (CBS, Cognos, partners, relaties, postcodes), to route it to its preview. */
  sniffImport: WorkerApi['sniffImport'];
  // ---------------------------------------------------------------- samenwerken
  /** Asks the worker for the team status; when teammates' changes came in, pages refetch and the project is saved. */
  refreshTeam(): Promise<void>;
  shareTeam(server: string, lid: string): Promise<Result<TeamStatus>>;
  /** A new project (its name) joins the team of the invite. */
  joinTeam(uitnodiging: string, lid: string, projectNaam: string): Promise<Result<TeamStatus>>;
  reconnectTeam(): Promise<Result<TeamStatus>>;
  listTeamMeldingen: WorkerApi['listTeamMeldingen'];
  listTeamBronnen: WorkerApi['listTeamBronnen'];
  chooseTeamWaarde: Wijziging<'chooseTeamWaarde'>;

  // ---------------------------------------------------------------- netwerk
  getNetwerk: WorkerApi['getNetwerk'];
  analyseNetwerk: WorkerApi['analyseNetwerk'];
  /**
   * Keeps node positions in the project (a drag, a pin, a layout). Not an undo step and no new data for other pages
   * (`dataRevision` stays), but the project is saved like after any change. Refused while read-only.
   */
  saveKnoopPosities(posities: readonly KnoopPositie[], vervangen: boolean): Promise<Result<number>>;
  listWeergaven: WorkerApi['listWeergaven'];
  /** A saved view (one undo step, like any edit). */
  saveWeergave: Wijziging<'saveWeergave'>;
  deleteWeergave: Wijziging<'deleteWeergave'>;
  /** The presentation's order of the saved views (all their ids, first slide first); one undo step. */
  reorderWeergaven: Wijziging<'reorderWeergaven'>;
  getRapport: WorkerApi['getRapport'];
  exportRapportXlsx: WorkerApi['exportRapportXlsx'];
  listSnapshots: WorkerApi['listSnapshots'];
  createSnapshot: Wijziging<'createSnapshot'>;
  deleteSnapshot: Wijziging<'deleteSnapshot'>;
  getPrivacy: WorkerApi['getPrivacy'];
  savePrivacy: Wijziging<'savePrivacy'>;
  getPresentatie: WorkerApi['getPresentatie'];
  /** The Rapport view's choice of gebieden and peildatum, for the presentation (null: none). */
  setRapportSelectie(selectie: PresentatieOpties | null): void;
  /** Makes a PDF of a standalone report page (desktop: printToPDF and a save dialog; browser: the print dialog). */
  printPdf(html: string, suggestedName: string): Promise<boolean>;
  /** Opens the voorbeeldproject (Enschede West) as a new working copy; false when it is not there. */
  openVoorbeeld(): Promise<boolean>;

  setProgress(event: ProgressEvent | null): void;
  notify(notice: Omit<Notice, 'id'>): void;
  dismiss(id: number): void;
}

let nextNoticeId = 1;

export function createAppStore(deps: StoreDeps) {
  return create<AppState>()((set, get) => {
    const notify = (notice: Omit<Notice, 'id'>) => {
      const id = nextNoticeId++;
      set((s) => ({
        // One error at a time: a new error replaces the previous one; a tagged notice replaces its predecessor, and
        // a short notice the previous short one.
        notices: [
          ...s.notices.filter(
            (n) =>
              !(n.kind === 'error' && notice.kind === 'error') &&
              !(notice.tag !== undefined && n.tag === notice.tag) &&
              !(notice.autoDismissMs && n.autoDismissMs),
          ),
          { ...notice, id },
        ],
      }));
      if (notice.autoDismissMs) {
        setTimeout(() => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })), notice.autoDismissMs);
      }
    };
    const fail = (error: AppError) => notify({ kind: 'error', error });

    /** Writes the worker's snapshot to the project file. Returns true when the file on disk is current. */
    let importing = false;
    // Saves run one after another (never two writes of the same file at once).
    let saveChain: Promise<boolean> = Promise.resolve(true);
    // Set after a migration until the old file has been backed up: every save asks for that backup.
    let needsMigrationBackup = false;
    // A change that could not be saved because an import was running: saved right after the import.
    let saveAfterImport = false;
    const save = (backupReason?: 'voor-migratie'): Promise<boolean> => {
      saveChain = saveChain.then(
        () => saveOnce(backupReason),
        () => saveOnce(backupReason),
      );
      return saveChain;
    };
    const saveOnce = async (backupReason?: 'voor-migratie'): Promise<boolean> => {
      const project = get().project;
      if (!project) return true;
      // Never export in the middle of an import's transaction: save right after it instead.
      if (importing) {
        saveAfterImport = true;
        return false;
      }
      if (project.readOnly) {
        set({ saveStatus: 'alleen-lezen' });
        return false;
      }
      const reason = backupReason ?? (needsMigrationBackup ? 'voor-migratie' : undefined);
      const changesAtStart = changeCount;
      set({ saveStatus: 'bezig' });
      const bytes = await deps.worker.exportProject();
      if (!bytes.ok) {
        set({ saveStatus: 'mislukt' });
        fail(bytes.error);
        return false;
      }
      const result = await deps.bridge.saveProjectFile(project.ref.id, bytes.value, reason);
      if (!result.ok) {
        set({ saveStatus: 'mislukt' });
        fail(result.error);
        return false;
      }
      if (reason === 'voor-migratie') needsMigrationBackup = false;
      // A change may have arrived while saving; then stay "gewijzigd" until the next save.
      set({ saveStatus: changeCount === changesAtStart ? 'opgeslagen' : 'gewijzigd', savedAt: result.value.savedAt });
      return true;
    };

    const autosaver = createAutosaver({
      save: async () => {
        await save();
      },
      now: () => Date.now(),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    });

    let changeCount = 0;
    const changed = () => {
      changeCount++;
      set({ saveStatus: 'gewijzigd' });
      autosaver.changed();
    };

    /** Saves what is pending, then closes. Returns false (and keeps the project open) when the save failed. */
    const closeCurrent = async (): Promise<boolean> => {
      const project = get().project;
      if (!project) return true;
      await autosaver.flush();
      const status = get().saveStatus;
      if (!project.readOnly && (status === 'gewijzigd' || status === 'mislukt')) {
        if (!(await save())) return false;
      }
      await deps.worker.closeProject();
      await deps.bridge.closeProjectFile(project.ref.id);
      needsMigrationBackup = false;
      set({ project: null, saveStatus: 'opgeslagen', savedAt: null, undo: NO_UNDO, rapportSelectie: null });
      return true;
    };

    const fetchUndoState = async (): Promise<UndoState> => {
      try {
        return await deps.worker.getUndoState();
      } catch {
        return NO_UNDO;
      }
    };
    /** The undo state of the project that was just opened or created (a fresh history). */
    const loadUndoState = async () => {
      set({ undo: await fetchUndoState(), dataRevision: get().dataRevision + 1 });
    };

    const readOnlyError = (): Result<never> => ({ ok: false, error: { code: 'opslaan.alleen-lezen' } });

    /** Takes what every change returns: the new overview and undo state; pages refetch; the autosave is scheduled. */
    const applyChanged = <T>(changes: Changed<T>): T => {
      const project = get().project;
      set({
        ...(project ? { project: { ...project, overview: changes.overview } } : {}),
        undo: changes.undo,
        dataRevision: get().dataRevision + 1,
      });
      return changes.result;
    };

    /** One change to the project through the worker (not while read-only). */
    const mutate = async <T>(call: () => Promise<Result<Changed<T>>>): Promise<Result<T>> => {
      const project = get().project;
      if (!project || project.readOnly) return readOnlyError();
      const result = await call();
      if (!result.ok) return result;
      const value = applyChanged(result.value);
      changed();
      return { ok: true, value };
    };

    /**
     * An import: `busy` while it runs; the project is saved right after it (never during its transaction).
     * `apply` takes the worker's answer into the store and returns what the caller gets.
     */
    const runImport = async <W, T>(call: () => Promise<Result<W>>, apply: (value: W) => T): Promise<Result<T>> => {
      const project = get().project;
      if (!project || project.readOnly) return readOnlyError();
      importing = true;
      set({ busy: { taak: 'importeren', gedaan: 0, totaal: 0 } });
      try {
        const result = await call();
        if (!result.ok) return result;
        const value = apply(result.value);
        saveAfterImport = true;
        return { ok: true, value };
      } finally {
        importing = false;
        set({ busy: null });
        if (saveAfterImport) {
          saveAfterImport = false;
          changed();
        }
      }
    };

    /** After an import that returns only its overview (CBS, Cognos): pages refetch; undo may have changed too. */
    const takeOverview = (overview: ProjectOverview) => {
      const project = get().project;
      if (project) set({ project: { ...project, overview }, dataRevision: get().dataRevision + 1 });
      void fetchUndoState().then((undo) => {
        if (get().project) set({ undo });
      });
    };

    const undoOrRedo = async (which: 'undo' | 'redo'): Promise<Result<string | null>> => {
      const before = which === 'undo' ? get().undo.ongedaanMaken : get().undo.opnieuw;
      if (before === null) return { ok: true, value: null };
      const result = await mutate(() => deps.worker[which]());
      if (result.ok) {
        const omschrijving = result.value ?? before;
        if (omschrijving) {
          notify({
            kind: 'ok',
            tag: 'ongedaan',
            autoDismissMs: 6000,
            text: { key: which === 'undo' ? 'ongedaan.gedaan' : 'ongedaan.opnieuwGedaan', params: { omschrijving } },
          });
        }
      } else {
        fail(result.error);
      }
      return result;
    };

    const openBytes = async (
      ref: ProjectRef,
      bytes: Uint8Array,
      readOnly: boolean,
      opts: { fromBackup?: BackupInfo } = {},
    ) => {
      set({ busy: { taak: 'openen', gedaan: 0, totaal: 0 } });
      try {
        const opened = await deps.worker.openProject(bytes, ref.fileName);
        if (!opened.ok) {
          fail(opened.error);
          if (opened.error.code === 'bestand.beschadigd' || opened.error.code === 'bestand.vreemd-schema') {
            const list = await deps.bridge.listBackups(ref.id);
            notify({ kind: 'info', backups: { projectId: ref.id, fileName: ref.fileName, list } });
          }
          await deps.bridge.closeProjectFile(ref.id);
          return;
        }
        set({
          project: { ref, readOnly, overview: opened.value.overview },
          rapportSelectie: null,
          saveStatus: readOnly ? 'alleen-lezen' : 'opgeslagen',
          savedAt: null,
        });
        autosaver.setEnabled(!readOnly);
        await loadUndoState();
        if (readOnly) notify({ kind: 'warning', text: { key: 'meldingen.alleenLezen' } });
        if (opened.value.migratedFrom !== null && !readOnly) {
          needsMigrationBackup = true;
          if (await save('voor-migratie')) {
            notify({
              kind: 'info',
              text: {
                key: 'meldingen.bijgewerkt',
                params: { van: opened.value.migratedFrom, naar: opened.value.overview.schemaVersion },
              },
            });
          }
        }
        if (opts.fromBackup) {
          notify({
            kind: 'info',
            text: { key: 'meldingen.reservekopieGeopend', params: { datum: opts.fromBackup.createdAt } },
          });
        }
      } finally {
        set({ busy: null });
        void get().actions.refreshRecent();
      }
    };

    const actions: Actions = {
      async init() {
        const platform = await deps.bridge.platform();
        set({ platform });
        await actions.refreshRecent();
      },
      async refreshRecent() {
        set({ recent: await deps.bridge.listRecentProjects() });
      },
      async newProject(naam) {
        if (!(await closeCurrent())) return false;
        const created = await deps.worker.createProject(naam);
        if (!created.ok) {
          fail(created.error);
          return false;
        }
        const bytes = await deps.worker.exportProject();
        if (!bytes.ok) {
          fail(bytes.error);
          return false;
        }
        const file = await deps.bridge.createProjectFile(`${created.value.naam}.wijkweb`, bytes.value);
        if (!file.ok || file.value === null) {
          if (!file.ok) fail(file.error);
          await deps.worker.closeProject();
          return false;
        }
        set({
          project: { ref: file.value, readOnly: false, overview: created.value },
          rapportSelectie: null,
          saveStatus: 'opgeslagen',
          savedAt: new Date().toISOString(),
        });
        autosaver.setEnabled(true);
        await loadUndoState();
        void actions.refreshRecent();
        return true;
      },
      async openProject() {
        const picked = await deps.bridge.openProjectFile();
        if (!picked.ok) return fail(picked.error);
        if (!picked.value) return;
        // The file that is already open here: nothing to do (closing it would release its lock).
        if (picked.value.ref.id === get().project?.ref.id) return;
        if (!(await closeCurrent())) {
          await deps.bridge.closeProjectFile(picked.value.ref.id);
          return;
        }
        await openBytes(picked.value.ref, picked.value.bytes, picked.value.readOnly);
      },
      async openRecent(id) {
        if (get().project?.ref.id === id) return;
        if (!(await closeCurrent())) return;
        const opened = await deps.bridge.openRecentProject(id);
        if (!opened.ok) {
          fail(opened.error);
          return;
        }
        await openBytes(opened.value.ref, opened.value.bytes, opened.value.readOnly);
      },
      async openBackup(projectId, fileName, backup) {
        const bytes = await deps.bridge.readBackup(projectId, backup.id);
        if (!bytes.ok) return fail(bytes.error);
        if (!(await closeCurrent())) return;
        // A backup opens read-only under the damaged file's name: "Opslaan als" makes it a new file.
        await openBytes({ id: projectId, fileName }, bytes.value, true, { fromBackup: backup });
        set((s) => ({ notices: s.notices.filter((n) => !n.backups && !n.error) }));
      },
      async forgetRecent(id) {
        await deps.bridge.forgetRecentProject(id);
        await actions.refreshRecent();
      },
      async saveNow() {
        if (!get().project) return true;
        if (get().project?.readOnly) return save();
        await autosaver.flush();
        return get().saveStatus === 'opgeslagen' ? true : save();
      },
      async saveAs() {
        const project = get().project;
        if (!project) return;
        const bytes = await deps.worker.exportProject();
        if (!bytes.ok) return fail(bytes.error);
        const result = await deps.bridge.saveProjectFileAs(project.ref.id, bytes.value, project.overview.naam);
        if (!result.ok) return fail(result.error);
        if (!result.value) return;
        set({
          project: { ...project, ref: result.value, readOnly: false },
          saveStatus: 'opgeslagen',
          savedAt: new Date().toISOString(),
        });
        autosaver.setEnabled(true);
        void actions.refreshRecent();
      },
      async saveCopy() {
        const project = get().project;
        if (!project) return;
        const bytes = await deps.worker.exportProject();
        if (!bytes.ok) return fail(bytes.error);
        const result = await deps.bridge.saveCopy(bytes.value, project.overview.naam);
        if (!result.ok) fail(result.error);
      },
      async closeProject() {
        if (await closeCurrent()) await actions.refreshRecent();
      },
      async renameProject(naam) {
        const project = get().project;
        if (!project || project.readOnly) return null;
        const result = await deps.worker.renameProject(naam);
        if (!result.ok) return result.error;
        set({ project: { ...project, overview: result.value } });
        changed();
        return null;
      },
      previewCbsImport: (file, options) => deps.worker.previewCbsImport(file, options),
      importCbs: (file, options) =>
        runImport(
          () => deps.worker.importCbs(file, options),
          ({ overview, ...outcome }) => {
            takeOverview(overview);
            return outcome;
          },
        ),
      cancelImport: () => deps.worker.cancelImport(),
      previewCognosImport: (file, options) => deps.worker.previewCognosImport(file, options),
      importCognos: (file, options) =>
        runImport(
          () => deps.worker.importCognos(file, options),
          (value) => {
            takeOverview(value.overview);
            return { metingen: value.metingen };
          },
        ),
      getMetingen: (filter) => deps.worker.getMetingen(filter),
      getGebieden: (jaar) => deps.worker.getGebieden(jaar),
      getGebiedProfiel: (code, jaar) => deps.worker.getGebiedProfiel(code, jaar),
      getGebiedProfielen: (codes, jaar) => deps.worker.getGebiedProfielen(codes, jaar),
      async createEigenGebied(naam, leden, jaar) {
        const result = await deps.worker.createEigenGebied(naam, leden, jaar);
        if (result.ok) {
          // An eigen gebied is an undo step: the header's undo button follows.
          void fetchUndoState().then((undo) => {
            if (get().project) set({ undo, dataRevision: get().dataRevision + 1 });
          });
          const overview = await deps.worker.getOverview();
          const project = get().project;
          if (overview.ok && project) set({ project: { ...project, overview: overview.value } });
          set({ dataRevision: get().dataRevision + 1 });
          changed();
        }
        return result;
      },

      listOrganisaties: () => deps.worker.listOrganisaties(),
      listVoorzieningen: () => deps.worker.listVoorzieningen(),
      listRelaties: () => deps.worker.listRelaties(),
      findDubbeleOrganisaties: () => deps.worker.findDubbeleOrganisaties(),
      getWijzigingen: (soort, id) => deps.worker.getWijzigingen(soort, id),
      listTaxonomieen: () => deps.worker.listTaxonomieen(),
      getUndoState: () => deps.worker.getUndoState(),
      saveOrganisatie: (id, input) => mutate(() => deps.worker.saveOrganisatie(id, input)),
      saveVoorziening: (id, input) => mutate(() => deps.worker.saveVoorziening(id, input)),
      saveRelatie: (id, input) => mutate(() => deps.worker.saveRelatie(id, input)),
      deleteItems: (soort, ids) => mutate(() => deps.worker.deleteItems(soort, ids)),
      bulkOrganisaties: (ids, patch) => mutate(() => deps.worker.bulkOrganisaties(ids, patch)),
      bulkVoorzieningen: (ids, patch) => mutate(() => deps.worker.bulkVoorzieningen(ids, patch)),
      mergeOrganisaties: (keepId, ids) => mutate(() => deps.worker.mergeOrganisaties(keepId, ids)),
      saveTaxonomieItem: (taxonomie, code, input) =>
        mutate(() => deps.worker.saveTaxonomieItem(taxonomie, code, input)),
      deleteTaxonomieItem: (taxonomie, code) => mutate(() => deps.worker.deleteTaxonomieItem(taxonomie, code)),
      undo: () => undoOrRedo('undo'),
      redo: () => undoOrRedo('redo'),
      previewPartnersImport: (file, options) => deps.worker.previewPartnersImport(file, options),
      importPartners: (file, options) => runImport(() => deps.worker.importPartners(file, options), applyChanged),
      previewRelatiesImport: (file, options) => deps.worker.previewRelatiesImport(file, options),
      importRelaties: (file, options) => runImport(() => deps.worker.importRelaties(file, options), applyChanged),
      importPostcodes: (file) => runImport(() => deps.worker.importPostcodes(file), applyChanged),
      previewGeoImport: (file, options) => deps.worker.previewGeoImport(file, options),
      importGeo: (file, options) => runImport(() => deps.worker.importGeo(file, options), applyChanged),
      getKaart: (jaar) => deps.worker.getKaart(jaar),
      getHiaten: (opties) => deps.worker.getHiaten(opties),
      setMetingUitgesloten: (id, uitgesloten) => mutate(() => deps.worker.setMetingUitgesloten(id, uitgesloten)),
      saveHiatenInstellingen: (instellingen) => mutate(() => deps.worker.saveHiatenInstellingen(instellingen)),
      berekenScenario: (parameters, opties) => deps.worker.berekenScenario(parameters, opties),
      listScenarios: () => deps.worker.listScenarios(),
      saveScenario: (id, naam, parameters) => mutate(() => deps.worker.saveScenario(id, naam, parameters)),
      deleteScenario: (id) => mutate(() => deps.worker.deleteScenario(id)),
      getPilotmonitor: (opties) => deps.worker.getPilotmonitor(opties),
      getPilot: () => deps.worker.getPilot(),
      savePilot: (pilot) => mutate(() => deps.worker.savePilot(pilot)),
      listDoelen: () => deps.worker.listDoelen(),
      saveDoel: (id, doel) => mutate(() => deps.worker.saveDoel(id, doel)),
      deleteDoel: (id) => mutate(() => deps.worker.deleteDoel(id)),
      addStandaardDoelen: () => mutate(() => deps.worker.addStandaardDoelen()),
      saveTelling: (telling) => mutate(() => deps.worker.saveTelling(telling)),
      listCapaciteit: () => deps.worker.listCapaciteit(),
      saveCapaciteit: (regels) => mutate(() => deps.worker.saveCapaciteit(regels)),
      deleteCapaciteit: (id) => mutate(() => deps.worker.deleteCapaciteit(id)),
      sniffImport: (file) => deps.worker.sniffImport(file),
      getNetwerk: () => deps.worker.getNetwerk(),
      analyseNetwerk: (filter) => deps.worker.analyseNetwerk(filter),
      async saveKnoopPosities(posities, vervangen) {
        const project = get().project;
        if (!project || project.readOnly) return readOnlyError();
        const result = await deps.worker.saveKnoopPosities(posities, vervangen);
        if (result.ok) changed();
        return result;
      },
      listWeergaven: (soort) => deps.worker.listWeergaven(soort),
      saveWeergave: (id, input) => mutate(() => deps.worker.saveWeergave(id, input)),
      deleteWeergave: (id) => mutate(() => deps.worker.deleteWeergave(id)),
      reorderWeergaven: (ids) => mutate(() => deps.worker.reorderWeergaven(ids)),
      getRapport: (opties) => deps.worker.getRapport(opties),
      exportRapportXlsx: (opties) => deps.worker.exportRapportXlsx(opties),
      listSnapshots: () => deps.worker.listSnapshots(),
      createSnapshot: (naam, peildatum) => mutate(() => deps.worker.createSnapshot(naam, peildatum)),
      deleteSnapshot: (id) => mutate(() => deps.worker.deleteSnapshot(id)),
      getPrivacy: () => deps.worker.getPrivacy(),
      savePrivacy: (instellingen) => mutate(() => deps.worker.savePrivacy(instellingen)),
      getPresentatie: (opties) => deps.worker.getPresentatie(opties),
      setRapportSelectie(selectie) {
        const cur = get().rapportSelectie;
        const gelijk =
          cur === selectie ||
          (cur !== null &&
            selectie !== null &&
            cur.peildatum === selectie.peildatum &&
            cur.gebieden.join('\n') === selectie.gebieden.join('\n'));
        if (!gelijk) set({ rapportSelectie: selectie });
      },
      async refreshTeam() {
        const project = get().project;
        if (!project) {
          if (get().team) set({ team: null });
          return;
        }
        const r = await deps.worker.getTeamStatus();
        if (!r.ok || get().project?.ref.id !== project.ref.id) return;
        const vorige = get().team;
        set({ team: r.value });
        if (vorige && r.value.revisie > vorige.revisie) {
          // Teammates' changes were taken in: pages refetch, and the project is saved like after an edit.
          const ov = await deps.worker.getOverview();
          const nu = get().project;
          if (ov.ok && nu) set({ project: { ...nu, overview: ov.value } });
          set({ dataRevision: get().dataRevision + 1 });
          if (!project.readOnly) changed();
        }
      },
      async shareTeam(server, lid) {
        const project = get().project;
        if (!project || project.readOnly) return readOnlyError();
        const r = await deps.worker.shareTeam(server, lid);
        if (r.ok) {
          set({ team: r.value });
          changed();
          await autosaver.flush();
        }
        return r;
      },
      async joinTeam(uitnodiging, lid, projectNaam) {
        // A refused or unreachable invite is said before a project is made for it.
        const check = await deps.worker.checkTeamUitnodiging(uitnodiging);
        if (!check.ok) return check;
        if (!(await actions.newProject(projectNaam))) return { ok: false, error: { code: 'team.deelnemen-mislukt' } };
        const r = await deps.worker.joinTeam(uitnodiging, lid);
        if (!r.ok) return r;
        const status = applyChanged(r.value);
        set({ team: status });
        changed();
        await autosaver.flush();
        return { ok: true, value: status };
      },
      async reconnectTeam() {
        const r = await deps.worker.reconnectTeam();
        if (r.ok) set({ team: r.value });
        return r;
      },
      listTeamMeldingen: () => deps.worker.listTeamMeldingen(),
      listTeamBronnen: () => deps.worker.listTeamBronnen(),
      chooseTeamWaarde: (soort, sleutel, veld, keuze) =>
        mutate(() => deps.worker.chooseTeamWaarde(soort, sleutel, veld, keuze)),
      async printPdf(html, suggestedName) {
        const result = await deps.bridge.printPdf(html, suggestedName);
        if (!result.ok) {
          fail(result.error);
          return false;
        }
        return result.value;
      },
      async openVoorbeeld() {
        // The copy made before (with the changes made in it) opens again: no "(2)" copy each time.
        const eerder = get().recent.find((r) => r.ref.fileName === VOORBEELD_NAAM);
        if (eerder) {
          await actions.openRecent(eerder.ref.id);
          if (get().project?.ref.id === eerder.ref.id) return true;
        }
        const bytes = deps.loadVoorbeeld ? await deps.loadVoorbeeld() : null;
        if (!bytes) return false;
        if (!(await closeCurrent())) return false;
        const file = await deps.bridge.createWorkingCopy(VOORBEELD_NAAM, bytes);
        if (!file.ok) {
          fail(file.error);
          return false;
        }
        await openBytes(file.value.ref, file.value.bytes, file.value.readOnly);
        return get().project !== null;
      },
      setProgress(event) {
        // Progress arrives on its own channel; only show it while an operation is still running.
        if (get().busy) set({ busy: event });
      },
      notify,
      dismiss(id) {
        set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
      },
    };

    return {
      platform: null,
      project: null,
      recent: [],
      saveStatus: 'opgeslagen',
      savedAt: null,
      busy: null,
      notices: [],
      undo: NO_UNDO,
      dataRevision: 0,
      team: null,
      rapportSelectie: null,
      actions,
    };
  });
}

export type AppStore = ReturnType<typeof createAppStore>;
