/**
 * What every handler of the project service shares: the context (the open database, the undo history, the team
 * session, the caches, the revision) and the wrappers for what every call of a kind does (a read: no project, no
 * answer; a change: one transaction, one undo step, the project touched, the revision raised, the new overview and
 * undo state; an import: one at a time, with progress and a cancel). Handlers (`handlers/<area>.ts`) are plain
 * functions `(ctx, ...args)`; `createProjectService` binds them to one context.
 */
import type { SqlJsStatic } from 'sql.js';
import type { z } from 'zod';
import type { Changed, ProgressListener, ProjectOverview } from '../contract';
import type { ProjectDb } from '../db/connection';
import { reopenOwnSnapshot } from '../db/open';
import { getProject, renameProject, touchProject } from '../db/repos/project';
import { countAll, listBronnen } from '../db/repos/overview';
import { kopieerTeam, syncStaat } from '../db/repos/sync';
import { listKnoopPosities, replaceKnoopPosities } from '../db/repos/weergaven';
import { loadNetwerk } from '../db/repos/netwerk';
import { UndoManager } from '../db/undo';
import type { RunPaths } from '../analysis/analyse';
import type { NetwerkData } from '../analysis/types';
import type { parseCbsFile } from '../importers/cbs';
import type { parsePartnersFile } from '../importers/partners';
import type { TeamPlatform } from '../sync/sessie';
import { AppException, fail, ok, toAppError, type Result } from '../result';
import { createTeam, type Team } from './team';

/** From this many knopen the network analysis splits its paths over the helper workers (`handlers/netwerk.ts`). */
export const PARALLEL_FROM_KNOPEN = 400;

export interface ServiceDeps {
  readonly SQL: SqlJsStatic;
  /** ISO timestamp of "now"; injected so tests can fix the clock. */
  readonly now?: () => string;
  readonly onProgress?: ProgressListener;
  /** Runs a range of the network's path metrics elsewhere (helper workers), so both cores work; optional. */
  readonly runPaths?: RunPaths;
  /** SHA-256 of a file, hex (Web Crypto in the worker, node:crypto in the CLI). */
  readonly sha256: (bytes: Uint8Array) => Promise<string>;
  /** Samenwerken: the platform's WebSocket and how Automerge's WebAssembly is loaded; without, shared projects stay offline. */
  readonly team?: { readonly platform?: TeamPlatform; laad?(): Promise<void> };
}

/** The state of one project service; every handler gets it as its first argument. */
export interface ServiceContext {
  readonly deps: ServiceDeps;
  readonly now: () => string;
  onProgress: ProgressListener | undefined;
  db: ProjectDb | null;
  /**
   * An import wrote to the open project with SQLite's own checks off, and the project was not checked since. Stays
   * set across undo and redo of that import (their snapshots hold states not checked either).
   */
  checkPending: boolean;
  /** Increases by one on every change to the project; the renderer's autosave watches it. */
  revision: number;
  cancelRequested: boolean;
  /**
   * While an import's transaction is open (it yields between chunks), nothing else may write or close the database:
   * a write would become part of the import and be rolled back with it.
   */
  importing: boolean;
  /** Resolves when the running import has finished (committed or rolled back). */
  importDone: Promise<unknown>;
  /** The last parsed CBS file, so the import after a preview does not parse it again. */
  parsedCache: { key: string; sha: string; parsed: ReturnType<typeof parseCbsFile> } | null;
  /**
   * The last partner list read, so that the import after its preview does not read the file again (a 5,000-row
   * xlsx: ~0.4 s). Reading depends on the bytes, the sheet and the column choices only, never on the project.
   */
  partnersCache: { key: string; parsed: ReturnType<typeof parsePartnersFile> } | null;
  /** The network read from the project, kept until the project changes (filters change often, data rarely). */
  netwerkCache: { revision: number; db: ProjectDb; data: NetwerkData } | null;
  readonly undo: UndoManager;
  readonly team: Team;
}

/** A handler: a plain function of the context and the call's arguments. */
export type Handler<A extends unknown[] = never[], R = unknown> = (ctx: ServiceContext, ...args: A) => Promise<R>;

/** A module of handlers as the caller sees it: the context bound, the arguments and answers as they are. */
export type Bound<M> = {
  [K in keyof M]: M[K] extends (ctx: ServiceContext, ...args: infer A) => infer R ? (...args: A) => R : never;
};

export function createContext(deps: ServiceDeps): ServiceContext {
  const now = deps.now ?? (() => new Date().toISOString());
  // The undo manager and the team session call back into the context; both are made with it.
  const ctx: ServiceContext = {
    deps,
    now,
    onProgress: deps.onProgress,
    db: null,
    checkPending: false,
    revision: 0,
    cancelRequested: false,
    importing: false,
    importDone: Promise.resolve(),
    parsedCache: null,
    partnersCache: null,
    netwerkCache: null,
    undo: new UndoManager({
      db: () => requireDb(ctx),
      restore(bytes) {
        // Bytes this app exported a moment ago from the open project: no migration, same schema, nothing to check
        // (openProjectDb's integrity_check took 3.7 s on 330 MB). What is not part of the undo history (the project's
        // name, the node positions) stays as it is now.
        const restored = reopenOwnSnapshot(deps.SQL, bytes);
        const current = ctx.db;
        if (current) {
          const naam = getProject(current).naam;
          const posities = listKnoopPosities(current);
          restored.transaction(() => {
            renameProject(restored, naam, getProject(restored).gewijzigd);
            replaceKnoopPosities(restored, posities);
          });
        }
        // A shared project: the team document and its settings stay as they are now (the document is the truth).
        if (current && syncStaat(current, 'document')) kopieerTeam(current, restored);
        current?.close();
        ctx.db = restored;
        ctx.parsedCache = null;
      },
      naStap: () => ctx.team.naStap(),
    }),
    team: createTeam({
      db: () => ctx.db,
      now,
      bezig: () => ctx.importing,
      gewijzigd: () => {
        ctx.revision++;
      },
      platform: deps.team?.platform,
      ...(deps.team?.laad ? { laad: deps.team.laad } : {}),
    }),
  };
  return ctx;
}

export function guard<T>(fn: () => T): Result<T> {
  try {
    return ok(fn());
  } catch (err) {
    return { ok: false, error: toAppError(err) };
  }
}

/** Like `guard`, for work that waits. */
export async function guardAsync<T>(fn: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await fn());
  } catch (err) {
    return { ok: false, error: toAppError(err) };
  }
}

export function requireDb(ctx: ServiceContext): ProjectDb {
  if (!ctx.db) throw new AppException('project.geen-project-open');
  return ctx.db;
}

/** Refused while an import's transaction is open; null when the call may go on. */
export const busyImport = <T>(ctx: ServiceContext): Result<T> | null =>
  ctx.importing ? fail('import.al-bezig') : null;

export function overview(d: ProjectDb): ProjectOverview {
  const p = getProject(d);
  return {
    naam: p.naam,
    aangemaakt: p.aangemaakt,
    gewijzigd: p.gewijzigd,
    schemaVersion: d.pragmaNumber('user_version'),
    counts: countAll(d),
    bronnen: listBronnen(d),
  };
}

/** The answer of a change: its result, the new overview and the undo state. */
export const changedAfter = <T>(ctx: ServiceContext, result: T): Changed<T> => ({
  result,
  overview: overview(requireDb(ctx)),
  undo: ctx.undo.state(),
});

/** Another project (or none) takes the open one's place: the state of the old one goes. */
export function replaceDb(ctx: ServiceContext, next: ProjectDb | null): void {
  ctx.team.sluit();
  ctx.db?.close();
  ctx.db = next;
  ctx.checkPending = false; // a new project, or one integrity_checked on open
  ctx.revision = 0;
  ctx.parsedCache = null; // names are matched against the open project
  ctx.partnersCache = null;
  ctx.undo.clear();
  // The team side only where the caller asked for it (the app's worker); the CLI runs its own session.
  if (next && ctx.deps.team) ctx.team.open();
}

/** The network read from the project, kept until the project changes (filters change often, data rarely). */
export function netwerk(ctx: ServiceContext): NetwerkData {
  const d = requireDb(ctx);
  if (ctx.netwerkCache?.db !== d || ctx.netwerkCache.revision !== ctx.revision) {
    ctx.netwerkCache = { revision: ctx.revision, db: d, data: loadNetwerk(d) };
  }
  return ctx.netwerkCache.data;
}

/** One user action: one transaction, one undo step, the project touched, the answer the renderer needs. */
export function mutate<T>(
  ctx: ServiceContext,
  omschrijving: string,
  fn: (d: ProjectDb, tijd: string) => T,
): Result<Changed<T>> {
  if (ctx.importing) return fail('import.al-bezig');
  return guard(() => {
    const d = requireDb(ctx);
    const tijd = ctx.now();
    const result = ctx.undo.record(omschrijving, () =>
      d.transaction(() => {
        const r = fn(d, tijd);
        touchProject(d, tijd);
        return r;
      }),
    );
    ctx.revision++;
    return changedAfter(ctx, result);
  });
}

/** A handler that reads: its answer, or the error (no project open, …) as data. */
export const reading =
  <A extends unknown[], T>(fn: (ctx: ServiceContext, ...args: A) => T) =>
  async (ctx: ServiceContext, ...args: A): Promise<Result<T>> =>
    guard(() => fn(ctx, ...args));

/**
 * A handler that changes the project through `mutate`, its undo step described by `omschrijving` (a text, or made
 * from the arguments before anything is written).
 */
export const mutating =
  <A extends unknown[], T>(
    omschrijving: string | ((...args: A) => string),
    fn: (d: ProjectDb, tijd: string, ...args: A) => T,
  ) =>
  async (ctx: ServiceContext, ...args: A): Promise<Result<Changed<T>>> =>
    mutate(ctx, typeof omschrijving === 'string' ? omschrijving : omschrijving(...args), (d, tijd) =>
      fn(d, tijd, ...args),
    );

/** A replay of the undo history (undo or redo): the team told, the project touched, the revision raised. */
export function replay(ctx: ServiceContext, richting: 'undo' | 'redo'): Result<Changed<string | null>> {
  if (ctx.importing) return fail('import.al-bezig');
  return guard(() => {
    const done = richting === 'undo' ? ctx.undo.undo() : ctx.undo.redo();
    if (done !== null) {
      ctx.team.naReplay(ctx.undo.replayed, richting);
      touchProject(requireDb(ctx), ctx.now());
      ctx.revision++;
    }
    return changedAfter(ctx, done);
  });
}

/** Input refused by its zod schema: `invoer.ongeldig` with the path of the first problem. */
export const ongeldig = <T = never>(error: z.ZodError): Result<T> =>
  fail('invoer.ongeldig', { veld: String(error.issues[0]?.path.join('.') ?? ''), code: 'ongeldig' });

export interface ImportProgress {
  onProgress: (done: number, total: number) => void;
  pause: () => Promise<void>;
}

/** One import at a time, with progress, a cancel between chunks, and the project touched afterwards. */
export async function runImport<T extends object>(
  ctx: ServiceContext,
  fileName: string,
  fn: (d: ProjectDb, progress: ImportProgress) => Promise<T>,
): Promise<Result<T & { overview: ProjectOverview }>> {
  if (ctx.importing) return fail('import.al-bezig');
  ctx.importing = true;
  ctx.cancelRequested = false;
  const work = (async () => {
    const d = requireDb(ctx);
    const result = await fn(d, {
      onProgress: (gedaan, totaal) => ctx.onProgress?.({ taak: 'importeren', gedaan, totaal }),
      pause: async () => {
        await new Promise((r) => setTimeout(r, 0));
        if (ctx.cancelRequested) throw new AppException('import.geannuleerd', { bestand: fileName });
      },
    });
    touchProject(d, ctx.now());
    ctx.revision++;
    return { ...result, overview: overview(d) };
  })();
  ctx.importDone = work;
  try {
    return ok(await work);
  } catch (err) {
    return { ok: false, error: toAppError(err) };
  } finally {
    ctx.importing = false;
  }
}

/** An import that changes the sociale kaart: one transaction, one undo step (the log, or a snapshot when heavy). */
export async function runChange<T extends object>(
  ctx: ServiceContext,
  fileName: string,
  omschrijving: string,
  heavy: boolean,
  fn: (d: ProjectDb, progress: ImportProgress) => Promise<T>,
): Promise<Result<Changed<T>>> {
  const result = await runImport<T>(ctx, fileName, (d, progress) =>
    heavy
      ? ctx.undo.recordHeavy(omschrijving, () => d.transactionAsync(() => fn(d, progress)))
      : ctx.undo.recordAsync(omschrijving, () => d.transactionAsync(() => fn(d, progress))),
  );
  if (!result.ok) return result;
  const { overview: ov, ...rest } = result.value;
  return ok({ result: rest as unknown as T, overview: ov, undo: ctx.undo.state() });
}
