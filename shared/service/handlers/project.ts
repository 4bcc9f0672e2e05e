/** The project itself: create, open, close, save, rename, export a table, undo and redo. */
import type {
  Changed,
  ExportTableName,
  OpenedProjectInfo,
  ProjectOverview,
  TableData,
  UndoState,
} from '../../contract';
import { EXPORT_TABLE_NAMES } from '../../contract';
import { createProjectDb, openProjectDb } from '../../db/open';
import { isSavableProjectFile } from '../../db/file-header';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import { renameProject as renameProjectRow } from '../../db/repos/project';
import { exportTable as exportProjectTable } from '../../db/repos/export-tables';
import { projectNameSchema } from '../../model/project';
import { AppException, fail, type Result } from '../../result';
import { APP_VERSION } from '../../version';
import { busyImport, guard, overview, reading, replaceDb, replay, requireDb, type ServiceContext } from '../app';

/** Creates a new, empty project in memory (schema at the latest version, default taxonomies). */
export async function createProject(ctx: ServiceContext, naam: string): Promise<Result<ProjectOverview>> {
  const busy = busyImport<ProjectOverview>(ctx);
  if (busy) return busy;
  const parsed = projectNameSchema.safeParse(naam);
  if (!parsed.success) return fail('project.naam-ongeldig');
  return guard(() => {
    const next = createProjectDb(ctx.deps.SQL, parsed.data, ctx.now(), APP_VERSION);
    replaceDb(ctx, next);
    return overview(next);
  });
}

/** Checks (SQLite, our application_id, integrity) and migrates a project file; the bytes are never changed. */
export async function openProject(
  ctx: ServiceContext,
  bytes: Uint8Array,
  fileName: string,
): Promise<Result<OpenedProjectInfo>> {
  const busy = busyImport<OpenedProjectInfo>(ctx);
  if (busy) return busy;
  const result = guard(() => {
    ctx.onProgress?.({ taak: 'controleren', gedaan: 0, totaal: 2 });
    const opened = openProjectDb(ctx.deps.SQL, bytes, fileName);
    ctx.onProgress?.({ taak: 'controleren', gedaan: 2, totaal: 2 });
    // The overview reads the project row: a file without one is refused before it replaces the open project.
    let info: OpenedProjectInfo;
    try {
      info = { overview: overview(opened.db), migratedFrom: opened.migratedFrom };
    } catch (err) {
      opened.db.close();
      throw err;
    }
    replaceDb(ctx, opened.db);
    if (opened.migratedFrom !== null) ctx.revision = 1;
    return info;
  });
  // A shared project: its team document is open before the first edit can come.
  if (result.ok) await ctx.team.gereed();
  return result;
}

export async function closeProject(ctx: ServiceContext): Promise<void> {
  // Closing stops a running import first (its transaction rolls back), then closes.
  if (ctx.importing) {
    ctx.cancelRequested = true;
    await ctx.importDone.catch(() => undefined);
  }
  replaceDb(ctx, null);
}

/** A consistent copy of the whole project file; never taken inside a transaction. */
export async function exportProject(ctx: ServiceContext): Promise<Result<Uint8Array>> {
  await ctx.team.bewaar();
  return guard(() => {
    const d = requireDb(ctx);
    // What a save can break is checked on every save: the snapshot is a whole SQLite file of this app (header,
    // application_id, rollback journal, a known schema version, and exactly page count × page size long, so
    // never cut short); main checks the same, and the atomic write checks the written file's length before the
    // rename (node/atomic-write.ts says why not more). The database itself was integrity_checked on open and has since only been written by SQLite
    // with its constraints on, inside transactions; quick_check on every save (a re-opened copy, ~10 ms per MB,
    // 3.4 s for 400 MB) re-checked SQLite's own work each time. It runs once after an import that wrote with
    // SQLite's checks off (the CBS bulk insert), on the live database, before that state is first saved.
    if (ctx.checkPending) {
      if (!d.quickCheck()) throw new AppException('opslaan.controle-mislukt', { bestand: '' });
      ctx.checkPending = false;
    }
    const bytes = d.export();
    if (!isSavableProjectFile(bytes, LATEST_SCHEMA_VERSION))
      throw new AppException('opslaan.controle-mislukt', { bestand: '' });
    return bytes;
  });
}

export const getOverview = reading((ctx): ProjectOverview => overview(requireDb(ctx)));

/** Renames the project (not an undo step). */
export async function renameProject(ctx: ServiceContext, naam: string): Promise<Result<ProjectOverview>> {
  const busy = busyImport<ProjectOverview>(ctx);
  if (busy) return busy;
  const parsed = projectNameSchema.safeParse(naam);
  if (!parsed.success) return fail('project.naam-ongeldig');
  return guard(() => {
    const d = requireDb(ctx);
    d.transaction(() => renameProjectRow(d, parsed.data, ctx.now()));
    ctx.revision++;
    return overview(d);
  });
}

/**
 * A table of the project; `hiaten` and `doelen` at one peildatum (ISO; default the newest counts). Small counts leave as "<5";
 * `exacteAantallen` keeps referral counts exact in `relaties` (a working file to edit and import back).
 */
export async function exportTable(
  ctx: ServiceContext,
  name: ExportTableName,
  opties: { readonly peildatum?: string | null; readonly exacteAantallen?: boolean } = {},
): Promise<Result<TableData>> {
  if (!(EXPORT_TABLE_NAMES as readonly string[]).includes(name)) {
    return fail('export.onbekende-tabel', { tabel: String(name), tabellen: EXPORT_TABLE_NAMES.join(', ') });
  }
  const peildatum = opties.peildatum ?? undefined;
  if (peildatum !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(peildatum))
    return fail('invoer.ongeldig', { veld: 'peildatum', code: 'ongeldig' });
  return guard(() =>
    exportProjectTable(requireDb(ctx), name, {
      vandaag: ctx.now().slice(0, 10),
      ...(peildatum ? { peildatum } : {}),
      ...(opties.exacteAantallen === true ? { exacteAantallen: true } : {}),
    }),
  );
}

export async function undo(ctx: ServiceContext): Promise<Result<Changed<string | null>>> {
  return replay(ctx, 'undo');
}

export async function redo(ctx: ServiceContext): Promise<Result<Changed<string | null>>> {
  return replay(ctx, 'redo');
}

export async function getUndoState(ctx: ServiceContext): Promise<UndoState> {
  return ctx.undo.state();
}

/** Increases by one on every change to the project; the renderer's autosave watches it. */
export async function getRevision(ctx: ServiceContext): Promise<number> {
  return ctx.revision;
}

/** Round trip without work, for the benchmark and a liveness check. */
export async function ping(_ctx: ServiceContext, payload?: Uint8Array): Promise<number> {
  return payload?.byteLength ?? 0;
}
