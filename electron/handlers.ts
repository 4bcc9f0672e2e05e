import { basename, join } from 'node:path';
import type { BackupReason, OpenedFile, PlatformInfo, ProjectRef } from '../shared/contract';
import { PROJECT_EXTENSION } from '../shared/db/schema-constants';
import { AppException, fail, ok, toAppError, type Result } from '../shared/result';
import type { FileSystem } from '../node/fs';
import { acquireLock, refreshLock, releaseLock, type LockDeps } from '../node/lock';
import type { FileStore } from '../node/project-files';
import { addRecent, toRecentProjects, type createRecentStore } from './recent';
import type { ChannelHandlers } from './ipc';

export interface Dialogs {
  /** Where to create or "save as" a project; null when the user cancels. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
  chooseOpenPath(): Promise<string | null>;
}

export interface HandlerDeps {
  readonly store: FileStore;
  /** Where projects made without a dialog go (the voorbeeldproject): `workingCopyDirIn(userData)`. */
  readonly workingCopies: { readonly fs: FileSystem; readonly dir: string };
  /** BridgeApi.printPdf (electron/print.ts's createPdfPrinter). */
  readonly printPdf: (html: string, suggestedName: string) => Promise<Result<boolean>>;
  readonly lock: LockDeps;
  readonly recent: ReturnType<typeof createRecentStore>;
  readonly dialogs: Dialogs;
  readonly now: () => Date;
  readonly platform: PlatformInfo;
  readonly onConfirmClose: () => void;
}

/** The app's own folder for projects made without asking where: …/Wijkweb/projecten. */
export function workingCopyDirIn(dataDir: string): string {
  return join(dataDir, 'projecten');
}

/** "Naam.wijkweb", then "Naam (2).wijkweb", "Naam (3).wijkweb", … */
export function numberedName(fileName: string, n: number): string {
  const name = withExtension(fileName);
  if (n <= 1) return name;
  const stem = name.slice(0, name.length - PROJECT_EXTENSION.length);
  return `${stem} (${n})${name.slice(stem.length)}`;
}

export function withExtension(path: string): string {
  return path.toLowerCase().endsWith(PROJECT_EXTENSION) ? path : `${path}${PROJECT_EXTENSION}`;
}

async function attempt<T>(fn: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await fn());
  } catch (err) {
    return { ok: false, error: toAppError(err) };
  }
}

/**
 * The desktop implementation of the BridgeApi channels. Paths reach main only through the user's own dialogs
 * or the recent list: a path the renderer invents is refused, so a compromised page cannot write elsewhere.
 */
export function createBridgeHandlers(
  deps: HandlerDeps,
): ChannelHandlers & { heartbeat(): Promise<void>; releaseAll(): Promise<void> } {
  const open = new Map<string, { readOnly: boolean }>();

  const ref = (path: string): ProjectRef => ({ id: path, fileName: basename(path) });

  async function remember(path: string) {
    await deps.recent.save(addRecent(await deps.recent.load(), path, deps.now().toISOString())).catch(() => undefined);
  }

  async function openPath(path: string): Promise<OpenedFile> {
    const bytes = await deps.store.read(path);
    const already = open.get(path);
    let readOnly = already?.readOnly ?? false;
    if (!already) {
      const lock = await acquireLock(deps.lock, path);
      readOnly = !lock.acquired;
      open.set(path, { readOnly });
    }
    await remember(path);
    return { ref: ref(path), bytes, readOnly };
  }

  async function writeNew(path: string, bytes: Uint8Array): Promise<ProjectRef> {
    const lock = await acquireLock(deps.lock, path);
    if (!lock.acquired) throw new AppException('bestand.in-gebruik', { bestand: basename(path) });
    try {
      await deps.store.save(path, bytes);
    } catch (err) {
      await releaseLock(deps.lock, path);
      throw err;
    }
    open.set(path, { readOnly: false });
    await remember(path);
    return ref(path);
  }

  /** A new project in the app's own folder, under a free name; locked, in the recent list, open in this window. */
  async function createWorkingCopy(fileName: string, bytes: Uint8Array): Promise<OpenedFile> {
    const { fs, dir } = deps.workingCopies;
    try {
      await fs.mkdir(dir);
    } catch (err) {
      throw new AppException('opslaan.mislukt', { bestand: withExtension(fileName) }, String(err));
    }
    for (let n = 1; n <= 1000; n++) {
      const path = join(dir, numberedName(fileName, n));
      if (basename(path) !== numberedName(fileName, n)) break; // never outside the folder
      if (open.has(path) || (await fs.exists(path))) continue;
      const lock = await acquireLock(deps.lock, path);
      if (!lock.acquired) continue;
      if (await fs.exists(path)) {
        await releaseLock(deps.lock, path);
        continue;
      }
      try {
        // The same checks as every save: a Wijkweb project (header, application_id, length), written atomically.
        await deps.store.save(path, bytes);
      } catch (err) {
        await releaseLock(deps.lock, path);
        throw err;
      }
      open.set(path, { readOnly: false });
      await remember(path);
      return { ref: ref(path), bytes, readOnly: false };
    }
    throw new AppException('opslaan.mislukt', { bestand: withExtension(fileName) });
  }

  async function close(path: string) {
    const entry = open.get(path);
    open.delete(path);
    if (entry && !entry.readOnly) await releaseLock(deps.lock, path);
  }

  return {
    'wijkweb:platform': async () => deps.platform,

    'wijkweb:create-project-file': (suggestedName, bytes) =>
      attempt(async () => {
        const chosen = await deps.dialogs.chooseSavePath(suggestedName);
        return chosen === null ? null : writeNew(withExtension(chosen), bytes);
      }),

    'wijkweb:open-project-file': () =>
      attempt(async () => {
        const chosen = await deps.dialogs.chooseOpenPath();
        return chosen === null ? null : openPath(chosen);
      }),

    'wijkweb:open-recent-project': async (id) => {
      const known = (await deps.recent.load()).some((e) => e.path === id);
      if (!known && !open.has(id)) return fail('bestand.niet-gevonden', { bestand: basename(id) });
      return attempt(() => openPath(id));
    },

    'wijkweb:list-recent-projects': async () => toRecentProjects(await deps.recent.load()),

    'wijkweb:forget-recent-project': async (id) => {
      const list = await deps.recent.load();
      await deps.recent.save(list.filter((e) => e.path !== id));
    },

    'wijkweb:save-project-file': async (id, bytes, reason?: BackupReason) => {
      const entry = open.get(id);
      if (!entry) return fail('project.geen-project-open');
      if (entry.readOnly) return fail('opslaan.alleen-lezen');
      return attempt(() => deps.store.save(id, bytes, reason));
    },

    'wijkweb:save-project-file-as': (currentId, bytes, suggestedName) =>
      attempt(async () => {
        const chosen = await deps.dialogs.chooseSavePath(suggestedName);
        if (chosen === null) return null;
        const path = withExtension(chosen);
        const entry = open.get(path);
        let result: ProjectRef;
        if (path === currentId && entry) {
          // The file this window has open: save in place, unless it is only open for reading.
          if (entry.readOnly) throw new AppException('opslaan.alleen-lezen');
          await deps.store.save(path, bytes);
          result = ref(path);
        } else if (entry) {
          throw new AppException('bestand.in-gebruik', { bestand: basename(path) });
        } else {
          // Another file: take its lock first (refused while another window has it open).
          result = await writeNew(path, bytes);
        }
        if (currentId !== null && currentId !== path) await close(currentId);
        return result;
      }),

    'wijkweb:save-copy': (bytes, suggestedName) =>
      attempt(async () => {
        const chosen = await deps.dialogs.chooseSavePath(suggestedName);
        if (chosen === null) return false;
        const path = withExtension(chosen);
        if (open.has(path)) throw new AppException('bestand.in-gebruik', { bestand: basename(path) });
        const lock = await acquireLock(deps.lock, path);
        if (!lock.acquired) throw new AppException('bestand.in-gebruik', { bestand: basename(path) });
        try {
          await deps.store.writeCopy(path, bytes);
        } finally {
          await releaseLock(deps.lock, path);
        }
        return true;
      }),

    'wijkweb:close-project-file': async (id) => {
      await close(id);
    },

    'wijkweb:list-backups': async (id) => (open.has(id) ? deps.store.backups(id) : []),

    'wijkweb:read-backup': async (id, backupId) => {
      if (!open.has(id) && !(await deps.recent.load()).some((e) => e.path === id))
        return fail('reservekopie.niet-gevonden');
      return attempt(() => deps.store.readBackup(id, backupId));
    },

    'wijkweb:confirm-close': async () => {
      deps.onConfirmClose();
    },

    'wijkweb:print-pdf': (html, suggestedName) => deps.printPdf(html, suggestedName),

    'wijkweb:create-working-copy': (fileName, bytes) => attempt(() => createWorkingCopy(fileName, bytes)),

    async heartbeat() {
      for (const [path, entry] of open) if (!entry.readOnly) await refreshLock(deps.lock, path);
    },

    async releaseAll() {
      for (const path of [...open.keys()]) await close(path);
    },
  };
}
