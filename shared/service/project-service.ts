import type { SqlJsStatic } from 'sql.js';
import { z } from 'zod';
import type {
  ExportTableName,
  GebiedRow,
  OpenedProjectInfo,
  ProgressListener,
  ProjectOverview,
  TableData,
  WorkerApi,
} from '../contract';
import { EXPORT_TABLE_NAMES } from '../contract';
import type { ProjectDb } from '../db/connection';
import { checkProjectBytes, createProjectDb, openProjectDb } from '../db/open';
import { getProject, renameProject, touchProject } from '../db/repos/project';
import { countAll, listBronnen } from '../db/repos/overview';
import { exportTable } from '../db/repos/export-tables';
import { AppException, fail, ok, toAppError, type Result } from '../result';
import { importCbs, parseCbsFile, previewCbs, type CbsImportOptions } from '../importers/cbs';
import type { ImportFile } from '../importers/types';
import { columnOverrides, importCognos, parseCognosFile, previewCognos } from '../importers/cognos';
import { listMetingen } from '../db/repos/metingen';
import {
  createEigenGebied,
  eigenGebiedProfiel,
  gebiedProfiel,
  listEigenGebieden,
  listGebieden,
  listJaren,
  nameResolver,
} from '../db/repos/gebieden';
import { normaliseName } from '../model/names';
import { APP_VERSION } from '../version';

export interface ServiceDeps {
  readonly SQL: SqlJsStatic;
  /** ISO timestamp of "now"; injected so tests can fix the clock. */
  readonly now?: () => string;
  readonly onProgress?: ProgressListener;
  /** SHA-256 of a file, hex (Web Crypto in the worker, node:crypto in the CLI). */
  readonly sha256: (bytes: Uint8Array) => Promise<string>;
}

export const projectNameSchema = z
  .string()
  .transform((s) => s.trim().replace(/\s+/g, ' '))
  .pipe(z.string().min(1).max(120));

function guard<T>(fn: () => T): Result<T> {
  try {
    return ok(fn());
  } catch (err) {
    return { ok: false, error: toAppError(err) };
  }
}

/**
 * The project service: owns one sql.js database at a time. Runs in the Web Worker (renderer/worker) and,
 * unchanged, in Node for the CLI and the tests. Every method returns a Result; nothing throws across it.
 */
export function createProjectService(deps: ServiceDeps): WorkerApi & {
  setProgressListener(listener: ProgressListener | undefined): void;
  /** Direct access for the CLI and tests in the same process (never exposed over comlink). */
  currentDb(): ProjectDb | null;
} {
  const now = deps.now ?? (() => new Date().toISOString());
  let onProgress = deps.onProgress;
  let db: ProjectDb | null = null;
  let revision = 0;
  let cancelRequested = false;
  let importing = false;
  /** Resolves when the running import has finished (committed or rolled back). */
  let importDone: Promise<unknown> = Promise.resolve();
  /**
   * While an import's transaction is open (it yields between chunks), nothing else may write or close the database:
   * a write would become part of the import and be rolled back with it.
   */
  const busyImport = <T>(): Result<T> | null => (importing ? fail('import.al-bezig') : null);

  /** One import at a time, with progress, a cancel between chunks, and the project touched afterwards. */
  const runImport = async <T extends object>(
    fileName: string,
    fn: (
      d: ProjectDb,
      progress: { onProgress: (done: number, total: number) => void; pause: () => Promise<void> },
    ) => Promise<T>,
  ): Promise<Result<T & { overview: ProjectOverview }>> => {
    if (importing) return fail('import.al-bezig');
    importing = true;
    cancelRequested = false;
    const work = (async () => {
      const d = requireDb();
      const result = await fn(d, {
        onProgress: (gedaan, totaal) => onProgress?.({ taak: 'importeren', gedaan, totaal }),
        pause: async () => {
          await new Promise((r) => setTimeout(r, 0));
          if (cancelRequested) throw new AppException('import.geannuleerd', { bestand: fileName });
        },
      });
      touchProject(d, now());
      revision++;
      return { ...result, overview: overview(d) };
    })();
    importDone = work;
    try {
      return ok(await work);
    } catch (err) {
      return { ok: false, error: toAppError(err) };
    } finally {
      importing = false;
    }
  };
  /** The last parsed file, so the import after a preview does not parse it again. */
  let parsedCache: { key: string; sha: string; parsed: ReturnType<typeof parseCbsFile> } | null = null;

  const parseCached = async (file: ImportFile, options: CbsImportOptions) => {
    const sha = await deps.sha256(file.bytes);
    const key = `${sha}|${options.jaar ?? ''}|${(options.gemeenten ?? []).join(',')}`;
    if (parsedCache?.key !== key) {
      onProgress?.({ taak: 'importeren', gedaan: 0, totaal: 0 });
      const resolveName = db ? nameResolver(db, options.jaar, normaliseName) : undefined;
      parsedCache = { key, sha, parsed: parseCbsFile(file, { ...options, ...(resolveName ? { resolveName } : {}) }) };
    }
    return parsedCache;
  };

  const requireDb = (): ProjectDb => {
    if (!db) throw new AppException('project.geen-project-open');
    return db;
  };

  const overview = (d: ProjectDb): ProjectOverview => {
    const p = getProject(d);
    return {
      naam: p.naam,
      aangemaakt: p.aangemaakt,
      gewijzigd: p.gewijzigd,
      schemaVersion: d.pragmaNumber('user_version'),
      counts: countAll(d),
      bronnen: listBronnen(d),
    };
  };

  const replaceDb = (next: ProjectDb | null) => {
    db?.close();
    db = next;
    revision = 0;
    parsedCache = null; // names are matched against the open project
  };

  return {
    setProgressListener(listener) {
      onProgress = listener;
    },
    currentDb: () => db,

    async createProject(naam) {
      const busy = busyImport<ProjectOverview>();
      if (busy) return busy;
      const parsed = projectNameSchema.safeParse(naam);
      if (!parsed.success) return fail('project.naam-ongeldig');
      return guard(() => {
        const next = createProjectDb(deps.SQL, parsed.data, now(), APP_VERSION);
        replaceDb(next);
        return overview(next);
      });
    },

    async openProject(bytes, fileName): Promise<Result<OpenedProjectInfo>> {
      const busy = busyImport<OpenedProjectInfo>();
      if (busy) return busy;
      return guard(() => {
        onProgress?.({ taak: 'controleren', gedaan: 0, totaal: 2 });
        const opened = openProjectDb(deps.SQL, bytes, fileName);
        onProgress?.({ taak: 'controleren', gedaan: 2, totaal: 2 });
        replaceDb(opened.db);
        if (opened.migratedFrom !== null) revision = 1;
        return { overview: overview(opened.db), migratedFrom: opened.migratedFrom };
      });
    },

    async closeProject() {
      // Closing stops a running import first (its transaction rolls back), then closes.
      if (importing) {
        cancelRequested = true;
        await importDone.catch(() => undefined);
      }
      replaceDb(null);
    },

    async exportProject() {
      return guard(() => {
        const bytes = requireDb().export();
        // Re-open the snapshot and run quick_check before it may replace a file on disk.
        if (!checkProjectBytes(deps.SQL, bytes)) throw new AppException('opslaan.controle-mislukt', { bestand: '' });
        return bytes;
      });
    },

    async getOverview() {
      return guard(() => overview(requireDb()));
    },

    async renameProject(naam) {
      const busy = busyImport<ProjectOverview>();
      if (busy) return busy;
      const parsed = projectNameSchema.safeParse(naam);
      if (!parsed.success) return fail('project.naam-ongeldig');
      return guard(() => {
        const d = requireDb();
        d.transaction(() => renameProject(d, parsed.data, now()));
        revision++;
        return overview(d);
      });
    },

    async exportTable(name: ExportTableName): Promise<Result<TableData>> {
      if (!(EXPORT_TABLE_NAMES as readonly string[]).includes(name)) {
        return fail('export.onbekende-tabel', { tabel: String(name), tabellen: EXPORT_TABLE_NAMES.join(', ') });
      }
      return guard(() => exportTable(requireDb(), name));
    },

    async previewCbsImport(file, options) {
      try {
        const d = requireDb();
        const { sha, parsed } = await parseCached(file, options);
        return ok(previewCbs(d, file, sha, parsed, options));
      } catch (err) {
        return { ok: false, error: toAppError(err) };
      }
    },

    async importCbs(file, options) {
      return runImport(file.name, async (d, progress) => {
        const { sha, parsed } = await parseCached(file, options);
        const outcome = await importCbs(d, file, sha, parsed, options, { now: now(), ...progress });
        parsedCache = null;
        return outcome;
      });
    },

    async previewCognosImport(file, options) {
      try {
        const d = requireDb();
        const sha = await deps.sha256(file.bytes);
        return ok(previewCognos(d, file, sha, parseCognosFile(file, columnOverrides(d, options)), options));
      } catch (err) {
        return { ok: false, error: toAppError(err) };
      }
    },

    async importCognos(file, options) {
      return runImport(file.name, async (d, progress) => {
        const sha = await deps.sha256(file.bytes);
        const parsed = parseCognosFile(file, columnOverrides(d, options));
        return importCognos(d, file, sha, parsed, options, now(), progress);
      });
    },

    async cancelImport() {
      cancelRequested = true;
    },

    async getGebieden(jaar) {
      return guard(() => {
        const d = requireDb();
        const jaren = listJaren(d);
        const chosen = jaar !== undefined && jaren.includes(jaar) ? jaar : (jaren[0] ?? null);
        return {
          jaren,
          jaar: chosen,
          gebieden: chosen === null ? [] : listGebieden(d, chosen),
          eigen: listEigenGebieden(d),
        };
      });
    },

    async getGebiedProfiel(code, jaar) {
      return guard(() => {
        const d = requireDb();
        return code.startsWith('EG_') ? eigenGebiedProfiel(d, code, jaar) : gebiedProfiel(d, code, jaar);
      });
    },

    async getMetingen(filter) {
      return guard(() => listMetingen(requireDb(), filter));
    },

    async createEigenGebied(naam, leden, jaar) {
      const busy = busyImport<GebiedRow>();
      if (busy) return busy;
      const parsed = projectNameSchema.safeParse(naam);
      if (!parsed.success) return fail('gebied.naam-ongeldig');
      if (leden.length === 0) return fail('gebied.geen-leden');
      return guard(() => {
        const d = requireDb();
        const g = createEigenGebied(d, parsed.data, leden, jaar, now());
        revision++;
        return g;
      });
    },

    async getRevision() {
      return revision;
    },

    async ping(payload) {
      return payload?.byteLength ?? 0;
    },
  };
}
