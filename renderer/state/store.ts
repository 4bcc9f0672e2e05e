import { create } from 'zustand';
import type { AppError, Result } from '../../shared/result';
import type {
  BackupInfo,
  BridgeApi,
  CbsImportOptions,
  CbsImportOutcome,
  CbsPreview,
  CognosImportOptions,
  GebiedenLijst,
  GebiedProfiel,
  GebiedRow,
  ImportFile,
  PlatformInfo,
  ProgressEvent,
  ProjectOverview,
  ProjectRef,
  RecentProject,
  WorkerApi,
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
}

export interface OpenProject {
  readonly ref: ProjectRef;
  readonly readOnly: boolean;
  readonly overview: ProjectOverview;
}

/** What the store needs from the outside world; the real ones are the bridge and the worker. */
export interface StoreDeps {
  readonly bridge: BridgeApi;
  readonly worker: Pick<
    WorkerApi,
    | 'createProject'
    | 'openProject'
    | 'closeProject'
    | 'exportProject'
    | 'renameProject'
    | 'previewCbsImport'
    | 'importCbs'
    | 'cancelImport'
    | 'getGebieden'
    | 'getGebiedProfiel'
    | 'createEigenGebied'
    | 'getOverview'
    | 'previewCognosImport'
    | 'importCognos'
    | 'getMetingen'
  >;
}

export interface AppState {
  readonly platform: PlatformInfo | null;
  readonly project: OpenProject | null;
  readonly recent: readonly RecentProject[];
  readonly saveStatus: SaveStatus;
  readonly savedAt: string | null;
  readonly busy: ProgressEvent | { readonly taak: 'openen'; readonly gedaan: 0; readonly totaal: 0 } | null;
  readonly notices: readonly Notice[];
  readonly actions: Actions;
}

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
  previewCbsImport(file: ImportFile, options: CbsImportOptions): Promise<Result<CbsPreview>>;
  /** Runs the import with progress; the project is saved afterwards like after any edit. */
  importCbs(file: ImportFile, options: CbsImportOptions): Promise<Result<CbsImportOutcome>>;
  cancelImport(): Promise<void>;
  previewCognosImport: WorkerApi['previewCognosImport'];
  importCognos(file: ImportFile, options: CognosImportOptions): Promise<Result<{ metingen: number }>>;
  getMetingen: WorkerApi['getMetingen'];
  getGebieden(jaar?: number): Promise<Result<GebiedenLijst>>;
  getGebiedProfiel(code: string, jaar: number): Promise<Result<GebiedProfiel | null>>;
  createEigenGebied(naam: string, leden: readonly string[], jaar: number): Promise<Result<GebiedRow>>;
  setProgress(event: ProgressEvent | null): void;
  notify(notice: Omit<Notice, 'id'>): void;
  dismiss(id: number): void;
}

let nextNoticeId = 1;

export function createAppStore(deps: StoreDeps) {
  return create<AppState>()((set, get) => {
    const notify = (notice: Omit<Notice, 'id'>) =>
      set((s) => ({
        // One error at a time: a new error replaces the previous one.
        notices: [
          ...s.notices.filter((n) => !(n.kind === 'error' && notice.kind === 'error')),
          { ...notice, id: nextNoticeId++ },
        ],
      }));
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
      set({ project: null, saveStatus: 'opgeslagen', savedAt: null });
      return true;
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
          if (opened.error.code === 'bestand.beschadigd') {
            const list = await deps.bridge.listBackups(ref.id);
            notify({ kind: 'info', backups: { projectId: ref.id, fileName: ref.fileName, list } });
          }
          await deps.bridge.closeProjectFile(ref.id);
          return;
        }
        set({
          project: { ref, readOnly, overview: opened.value.overview },
          saveStatus: readOnly ? 'alleen-lezen' : 'opgeslagen',
          savedAt: null,
        });
        autosaver.setEnabled(!readOnly);
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
          saveStatus: 'opgeslagen',
          savedAt: new Date().toISOString(),
        });
        autosaver.setEnabled(true);
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
      async importCbs(file, options) {
        const project = get().project;
        if (!project || project.readOnly) return { ok: false, error: { code: 'opslaan.alleen-lezen' } };
        importing = true;
        set({ busy: { taak: 'importeren', gedaan: 0, totaal: 0 } });
        try {
          const result = await deps.worker.importCbs(file, options);
          if (!result.ok) return result;
          const { overview, ...outcome } = result.value;
          set({ project: { ...project, overview } });
          saveAfterImport = true;
          return { ok: true, value: outcome };
        } finally {
          importing = false;
          set({ busy: null });
          if (saveAfterImport) {
            saveAfterImport = false;
            changed();
          }
        }
      },
      cancelImport: () => deps.worker.cancelImport(),
      previewCognosImport: (file, options) => deps.worker.previewCognosImport(file, options),
      async importCognos(file, options) {
        const project = get().project;
        if (!project || project.readOnly) return { ok: false, error: { code: 'opslaan.alleen-lezen' } };
        importing = true;
        set({ busy: { taak: 'importeren', gedaan: 0, totaal: 0 } });
        try {
          const result = await deps.worker.importCognos(file, options);
          if (!result.ok) return result;
          set({ project: { ...project, overview: result.value.overview } });
          saveAfterImport = true;
          return { ok: true, value: { metingen: result.value.metingen } };
        } finally {
          importing = false;
          set({ busy: null });
          if (saveAfterImport) {
            saveAfterImport = false;
            changed();
          }
        }
      },
      getMetingen: (filter) => deps.worker.getMetingen(filter),
      getGebieden: (jaar) => deps.worker.getGebieden(jaar),
      getGebiedProfiel: (code, jaar) => deps.worker.getGebiedProfiel(code, jaar),
      async createEigenGebied(naam, leden, jaar) {
        const result = await deps.worker.createEigenGebied(naam, leden, jaar);
        if (result.ok) {
          const overview = await deps.worker.getOverview();
          const project = get().project;
          if (overview.ok && project) set({ project: { ...project, overview: overview.value } });
          changed();
        }
        return result;
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
      actions,
    };
  });
}

export type AppStore = ReturnType<typeof createAppStore>;
