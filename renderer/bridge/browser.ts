/**
 * BridgeApi on browser storage ("browser mode"): each project is a working copy in the origin-private file system
 * (OPFS) of this browser; uploads make a working copy, "Kopie opslaan" downloads a .wijkweb file. A save writes
 * through `createWritable()`, which only replaces the file when the stream closes (atomic). A second tab that
 * opens the same project gets it read-only (Web Locks).
 */
import type { BackupInfo, BackupReason, BridgeApi, OpenedFile, ProjectRef, RecentProject } from '../../shared/contract';
import { backupFileName, backupsToDelete, isBackupDue, parseBackupFileName } from '../../shared/backup-policy';
import { looksLikeProjectFile } from '../../shared/db/file-header';
import { PROJECT_EXTENSION } from '../../shared/db/schema-constants';
import { AppException, fail, ok, toAppError, type Result } from '../../shared/result';
import { APP_VERSION } from '../../shared/version';

export interface BrowserBridgeDeps {
  readonly root: () => Promise<FileSystemDirectoryHandle>;
  readonly locks: Pick<LockManager, 'request'> | null;
  /** Lets the user pick a file (an <input type=file>); null when cancelled. */
  readonly pickFile: () => Promise<File | null>;
  readonly download: (bytes: Uint8Array, fileName: string) => void;
  readonly now: () => Date;
  readonly newId: () => string;
}

interface IndexEntry {
  id: string;
  fileName: string;
  lastOpened: string;
}

const INDEX = 'index.json';

function withExtension(name: string): string {
  return name.toLowerCase().endsWith(PROJECT_EXTENSION) ? name : `${name}${PROJECT_EXTENSION}`;
}

async function attempt<T>(fn: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await fn());
  } catch (err) {
    return { ok: false, error: toAppError(err) };
  }
}

async function readBytes(handle: FileSystemFileHandle): Promise<Uint8Array> {
  const file = await handle.getFile();
  return new Uint8Array(await file.arrayBuffer());
}

async function writeBytes(dir: FileSystemDirectoryHandle, name: string, bytes: Uint8Array): Promise<void> {
  const handle = await dir.getFileHandle(name, { create: true });
  const writable = await handle.createWritable();
  try {
    await writable.write(bytes as Uint8Array<ArrayBuffer>);
    await writable.close();
  } catch (err) {
    await writable.abort().catch(() => undefined);
    throw err;
  }
  const back = await handle.getFile();
  if (back.size !== bytes.byteLength) throw new AppException('opslaan.controle-mislukt', { bestand: name });
}

function isQuotaError(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'QuotaExceededError';
}

export function createBrowserBridge(deps: BrowserBridgeDeps): BridgeApi {
  const open = new Map<string, { readOnly: boolean; release: (() => void) | null }>();
  const savedThisSession = new Set<string>();

  const base = async () => (await deps.root()).getDirectoryHandle('wijkweb', { create: true });
  const projects = async () => (await base()).getDirectoryHandle('projecten', { create: true });
  const backupDir = async (id: string) =>
    (await (await base()).getDirectoryHandle('backups', { create: true })).getDirectoryHandle(id, { create: true });

  async function loadIndex(): Promise<IndexEntry[]> {
    try {
      const file = await (await (await base()).getFileHandle(INDEX)).getFile();
      const parsed: unknown = JSON.parse(await file.text());
      return Array.isArray(parsed)
        ? parsed.filter(
            (e): e is IndexEntry =>
              typeof e?.id === 'string' && typeof e?.fileName === 'string' && typeof e?.lastOpened === 'string',
          )
        : [];
    } catch {
      return [];
    }
  }

  async function saveIndex(entries: IndexEntry[]): Promise<void> {
    await writeBytes(await base(), INDEX, new TextEncoder().encode(JSON.stringify(entries)));
  }

  async function touchIndex(ref: ProjectRef): Promise<void> {
    const entries = (await loadIndex()).filter((e) => e.id !== ref.id);
    entries.unshift({ id: ref.id, fileName: ref.fileName, lastOpened: deps.now().toISOString() });
    await saveIndex(entries);
  }

  /** Takes the Web Lock of a project; false when another tab holds it. */
  function lock(id: string): Promise<{ acquired: boolean; release: (() => void) | null }> {
    if (!deps.locks) return Promise.resolve({ acquired: true, release: null });
    return new Promise((resolveOuter) => {
      void deps.locks!.request(`wijkweb-project:${id}`, { ifAvailable: true }, (held) => {
        if (!held) {
          resolveOuter({ acquired: false, release: null });
          return undefined;
        }
        return new Promise<void>((releaseLock) => resolveOuter({ acquired: true, release: releaseLock }));
      });
    });
  }

  async function register(ref: ProjectRef): Promise<boolean> {
    const existing = open.get(ref.id);
    if (existing) return existing.readOnly;
    const l = await lock(ref.id);
    open.set(ref.id, { readOnly: !l.acquired, release: l.release });
    return !l.acquired;
  }

  async function createWorkingCopy(fileName: string, bytes: Uint8Array): Promise<ProjectRef> {
    const ref: ProjectRef = { id: deps.newId(), fileName: withExtension(fileName) };
    try {
      await writeBytes(await projects(), `${ref.id}${PROJECT_EXTENSION}`, bytes);
    } catch (err) {
      if (isQuotaError(err)) throw new AppException('opslaan.schijf-vol', { bestand: ref.fileName });
      throw err;
    }
    await touchIndex(ref);
    return ref;
  }

  async function entryFor(id: string): Promise<IndexEntry> {
    const entry = (await loadIndex()).find((e) => e.id === id);
    if (!entry) throw new AppException('bestand.niet-gevonden', { bestand: id });
    return entry;
  }

  async function close(id: string) {
    const entry = open.get(id);
    open.delete(id);
    entry?.release?.();
  }

  return {
    async platform() {
      return { kind: 'browser', backupLocation: 'in deze browser', appVersion: APP_VERSION };
    },

    createProjectFile: (suggestedName, bytes) =>
      attempt(async () => {
        const ref = await createWorkingCopy(suggestedName, bytes);
        await register(ref);
        savedThisSession.add(ref.id);
        return ref;
      }),

    openProjectFile: () =>
      attempt(async (): Promise<OpenedFile | null> => {
        const file = await deps.pickFile();
        if (!file) return null;
        const bytes = new Uint8Array(await file.arrayBuffer());
        if (!looksLikeProjectFile(bytes)) throw new AppException('bestand.geen-project', { bestand: file.name });
        const ref = await createWorkingCopy(file.name, bytes);
        const readOnly = await register(ref);
        return { ref, bytes, readOnly };
      }),

    openRecentProject: (id) =>
      attempt(async (): Promise<OpenedFile> => {
        const entry = await entryFor(id);
        let bytes: Uint8Array;
        try {
          bytes = await readBytes(await (await projects()).getFileHandle(`${id}${PROJECT_EXTENSION}`));
        } catch {
          throw new AppException('bestand.niet-gevonden', { bestand: entry.fileName });
        }
        const ref = { id, fileName: entry.fileName };
        const readOnly = await register(ref);
        await touchIndex(ref);
        return { ref, bytes, readOnly };
      }),

    async listRecentProjects(): Promise<RecentProject[]> {
      return (await loadIndex()).map((e) => ({
        ref: { id: e.id, fileName: e.fileName },
        lastOpened: e.lastOpened,
        location: 'In deze browser',
      }));
    },

    /** In the browser the list is the storage: forgetting deletes the working copy and its backups. */
    async forgetRecentProject(id) {
      if (open.has(id)) return;
      await saveIndex((await loadIndex()).filter((e) => e.id !== id));
      await (await projects()).removeEntry(`${id}${PROJECT_EXTENSION}`).catch(() => undefined);
      await (
        await (await base()).getDirectoryHandle('backups', { create: true })
      )
        .removeEntry(id, { recursive: true })
        .catch(() => undefined);
    },

    saveProjectFile: async (id, bytes, reason?: BackupReason) => {
      const entry = open.get(id);
      if (!entry) return fail('project.geen-project-open');
      if (entry.readOnly) return fail('opslaan.alleen-lezen');
      return attempt(async () => {
        const dir = await projects();
        const name = `${id}${PROJECT_EXTENSION}`;
        const now = deps.now();
        let backupMade = false;
        const existing = await dir.getFileHandle(name).then(readBytes, () => null);
        if (existing) {
          const bdir = await backupDir(id);
          const entries = [];
          for await (const n of bdir.keys()) {
            const parsed = parseBackupFileName(n);
            if (parsed) entries.push(parsed);
          }
          entries.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
          if (reason !== undefined || isBackupDue(entries[0], now.getTime(), !savedThisSession.has(id))) {
            const bname = backupFileName(now.toISOString(), reason ?? 'periodiek');
            await writeBytes(bdir, bname, existing);
            backupMade = true;
            entries.unshift({ id: bname, createdAt: now.toISOString(), reason: reason ?? 'periodiek' });
            for (const old of backupsToDelete(entries)) await bdir.removeEntry(old).catch(() => undefined);
          }
        }
        try {
          await writeBytes(dir, name, bytes);
        } catch (err) {
          if (isQuotaError(err))
            throw new AppException('opslaan.schijf-vol', { bestand: (await entryFor(id)).fileName });
          throw err;
        }
        savedThisSession.add(id);
        return { savedAt: now.toISOString(), bytes: bytes.byteLength, backupMade };
      });
    },

    saveProjectFileAs: (currentId, bytes, suggestedName) =>
      attempt(async () => {
        const ref = await createWorkingCopy(suggestedName, bytes);
        await register(ref);
        savedThisSession.add(ref.id);
        if (currentId !== null) await close(currentId);
        return ref;
      }),

    saveCopy: (bytes, suggestedName) =>
      attempt(async () => {
        deps.download(bytes, withExtension(suggestedName));
        return true;
      }),

    async closeProjectFile(id) {
      await close(id);
    },

    async listBackups(id): Promise<BackupInfo[]> {
      const bdir = await backupDir(id);
      const list: BackupInfo[] = [];
      for await (const [n, handle] of bdir.entries()) {
        const parsed = parseBackupFileName(n);
        if (!parsed || handle.kind !== 'file') continue;
        const size = (await (handle as FileSystemFileHandle).getFile()).size;
        list.push({ id: parsed.id, createdAt: parsed.createdAt, reason: parsed.reason, bytes: size });
      }
      return list.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
    },

    readBackup: (id, backupId) =>
      attempt(async () => {
        if (!parseBackupFileName(backupId)) throw new AppException('reservekopie.niet-gevonden');
        try {
          return await readBytes(await (await backupDir(id)).getFileHandle(backupId));
        } catch {
          throw new AppException('reservekopie.niet-gevonden');
        }
      }),

    onMenuCommand: () => () => undefined,
    onCloseRequested: () => () => undefined,
    confirmClose: async () => undefined,
    onOpenRequested: () => () => undefined,
  };
}

/** The real browser: OPFS, Web Locks, an <input type=file>, and a download link. */
export function createDefaultBrowserBridge(): BridgeApi {
  return createBrowserBridge({
    root: () => navigator.storage.getDirectory(),
    locks: 'locks' in navigator ? navigator.locks : null,
    pickFile: () =>
      new Promise((resolve) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = '.wijkweb';
        input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
        input.addEventListener('cancel', () => resolve(null), { once: true });
        input.click();
      }),
    download: (bytes, fileName) => {
      const url = URL.createObjectURL(
        new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.sqlite3' }),
      );
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.rel = 'noopener';
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    now: () => new Date(),
    newId: () => `p-${Date.now().toString(36)}-${crypto.getRandomValues(new Uint32Array(1))[0]!.toString(36)}`,
  });
}
