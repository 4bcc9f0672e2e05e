/**
 * BridgeApi in a plain browser ("browser mode"). Two kinds of storage:
 *  - 'bestand': a real .wijkweb file on the user's computer, through the File System Access API (Chrome, Edge).
 *    Its handle is remembered in IndexedDB so the file reappears under "Laatst geopend".
 *  - 'werkkopie': a working copy in the origin-private file system (OPFS) of this browser, where that API is missing
 *    or the user prefers it; "Project openen" uploads a file into a working copy, "Downloaden" gives a file back.
 * Saves go through `createWritable()`, which only replaces the file when the stream closes (atomic). Backups of
 * both kinds are kept in OPFS. A second tab that opens the same project gets it read-only (Web Locks).
 */
import type { BackupInfo, BackupReason, BridgeApi, OpenedFile, ProjectRef, RecentProject } from '../../shared/contract';
import { backupFileName, backupsToDelete, isBackupDue, parseBackupFileName } from '../../shared/backup-policy';
import { looksLikeProjectFile } from '../../shared/db/file-header';
import { PROJECT_EXTENSION } from '../../shared/db/schema-constants';
import { AppException, fail, ok, toAppError, type Result } from '../../shared/result';
import { APP_VERSION } from '../../shared/version';

/** The File System Access API and a place to remember file handles, injected so tests can fake them. */
export interface DiskAccess {
  /** A file to save into; null when the user cancels. */
  pickSave(suggestedName: string): Promise<FileSystemFileHandle | null>;
  /** A file to open; null when the user cancels. */
  pickOpen(): Promise<FileSystemFileHandle | null>;
  /** Asks (if needed) to read and write the file; false when the user says no. */
  ensureWritable(handle: FileSystemFileHandle): Promise<boolean>;
  readonly handles: {
    get(id: string): Promise<FileSystemFileHandle | undefined>;
    put(id: string, handle: FileSystemFileHandle): Promise<void>;
    delete(id: string): Promise<void>;
  };
}

export interface BrowserBridgeDeps {
  readonly root: () => Promise<FileSystemDirectoryHandle>;
  /** Null where the browser has no File System Access API. */
  readonly disk: DiskAccess | null;
  /** Where new projects go when both are possible (the user's choice on the start page). */
  readonly preferredStorage: () => 'bestand' | 'werkkopie';
  readonly locks: Pick<LockManager, 'request'> | null;
  /** Lets the user pick a file (an <input type=file>); null when cancelled. */
  readonly pickFile: () => Promise<File | null>;
  readonly download: (bytes: Uint8Array, fileName: string) => void;
  /** Opens the browser's print dialog for a standalone page (`printInIframe`); resolves when the dialog returns. */
  readonly print: (html: string, title: string) => Promise<void>;
  readonly now: () => Date;
  readonly newId: () => string;
}

interface IndexEntry {
  id: string;
  fileName: string;
  lastOpened: string;
  storage: 'bestand' | 'werkkopie';
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
  await writeHandle(await dir.getFileHandle(name, { create: true }), bytes);
}

/** Atomic by the API's design: the file is replaced only when the stream closes; a failed write is aborted. */
async function writeHandle(handle: FileSystemFileHandle, bytes: Uint8Array): Promise<void> {
  const writable = await handle.createWritable();
  try {
    await writable.write(bytes as Uint8Array<ArrayBuffer>);
    await writable.close();
  } catch (err) {
    await writable.abort().catch(() => undefined);
    throw err;
  }
  const back = await handle.getFile();
  if (back.size !== bytes.byteLength) throw new AppException('opslaan.controle-mislukt', { bestand: handle.name });
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
        ? parsed
            .filter(
              (e): e is IndexEntry =>
                typeof e?.id === 'string' && typeof e?.fileName === 'string' && typeof e?.lastOpened === 'string',
            )
            .map((e) => ({ ...e, storage: e.storage === 'bestand' ? 'bestand' : 'werkkopie' }))
        : [];
    } catch {
      return [];
    }
  }

  async function saveIndex(entries: IndexEntry[]): Promise<void> {
    await writeBytes(await base(), INDEX, new TextEncoder().encode(JSON.stringify(entries)));
  }

  async function touchIndex(ref: ProjectRef, storage: IndexEntry['storage']): Promise<void> {
    const entries = (await loadIndex()).filter((e) => e.id !== ref.id);
    entries.unshift({ id: ref.id, fileName: ref.fileName, lastOpened: deps.now().toISOString(), storage });
    // Working copies live only here: never drop them from the list. Files on disk are capped at 50.
    let files = 0;
    await saveIndex(entries.filter((e) => e.storage === 'werkkopie' || ++files <= 50));
  }

  const savesToDisk = () => deps.disk !== null && deps.preferredStorage() === 'bestand';

  /** The file behind a project id: the user's own file, or the working copy in OPFS. */
  async function fileHandle(entry: IndexEntry, create = false): Promise<FileSystemFileHandle> {
    if (entry.storage === 'bestand') {
      const handle = await deps.disk?.handles.get(entry.id);
      if (!handle) throw new AppException('bestand.niet-gevonden', { bestand: entry.fileName });
      return handle;
    }
    return (await projects()).getFileHandle(`${entry.id}${PROJECT_EXTENSION}`, { create });
  }

  /** A new project file on disk, chosen by the user; null when cancelled. */
  async function createDiskFile(suggestedName: string, bytes: Uint8Array): Promise<ProjectRef | null> {
    const handle = await deps.disk!.pickSave(withExtension(suggestedName));
    if (!handle) return null;
    await writeHandle(handle, bytes);
    const ref: ProjectRef = { id: `f-${deps.newId()}`, fileName: handle.name };
    await deps.disk!.handles.put(ref.id, handle);
    await touchIndex(ref, 'bestand');
    return ref;
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

  async function storeWorkingCopy(fileName: string, bytes: Uint8Array): Promise<ProjectRef> {
    const ref: ProjectRef = { id: deps.newId(), fileName: withExtension(fileName) };
    try {
      await writeBytes(await projects(), `${ref.id}${PROJECT_EXTENSION}`, bytes);
    } catch (err) {
      if (isQuotaError(err)) throw new AppException('opslaan.schijf-vol', { bestand: ref.fileName });
      throw err;
    }
    await touchIndex(ref, 'werkkopie');
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
      return {
        kind: 'browser',
        backupLocation: 'in deze browser',
        appVersion: APP_VERSION,
        newProjectStorage: savesToDisk() ? 'bestand' : 'werkkopie',
        canUseFiles: deps.disk !== null,
      };
    },

    createProjectFile: (suggestedName, bytes) =>
      attempt(async () => {
        if (savesToDisk()) {
          const onDisk = await createDiskFile(suggestedName, bytes);
          if (onDisk) {
            await register(onDisk);
            savedThisSession.add(onDisk.id);
          }
          return onDisk;
        }
        const ref = await storeWorkingCopy(suggestedName, bytes);
        await register(ref);
        savedThisSession.add(ref.id);
        return ref;
      }),

    openProjectFile: () =>
      attempt(async (): Promise<OpenedFile | null> => {
        if (savesToDisk()) {
          const handle = await deps.disk!.pickOpen();
          if (!handle) return null;
          const bytes = await readBytes(handle);
          if (!looksLikeProjectFile(bytes)) throw new AppException('bestand.geen-project', { bestand: handle.name });
          // The same file again (isSameEntry): reuse its id, so the lock and recent entry stay one.
          let id: string | null = null;
          for (const e of await loadIndex()) {
            const known = e.storage === 'bestand' ? await deps.disk!.handles.get(e.id) : undefined;
            if (known && (await known.isSameEntry(handle))) id = e.id;
          }
          const ref: ProjectRef = { id: id ?? `f-${deps.newId()}`, fileName: handle.name };
          await deps.disk!.handles.put(ref.id, handle);
          await touchIndex(ref, 'bestand');
          const writable = await deps.disk!.ensureWritable(handle);
          const readOnly = (await register(ref)) || !writable;
          if (!writable) open.set(ref.id, { ...open.get(ref.id)!, readOnly: true });
          return { ref, bytes, readOnly };
        }
        const file = await deps.pickFile();
        if (!file) return null;
        const bytes = new Uint8Array(await file.arrayBuffer());
        if (!looksLikeProjectFile(bytes)) throw new AppException('bestand.geen-project', { bestand: file.name });
        const ref = await storeWorkingCopy(file.name, bytes);
        const readOnly = await register(ref);
        return { ref, bytes, readOnly };
      }),

    openRecentProject: (id) =>
      attempt(async (): Promise<OpenedFile> => {
        const entry = await entryFor(id);
        const handle = await fileHandle(entry);
        const writable = entry.storage === 'bestand' ? await deps.disk!.ensureWritable(handle) : true;
        let bytes: Uint8Array;
        try {
          bytes = await readBytes(handle);
        } catch {
          throw new AppException('bestand.niet-gevonden', { bestand: entry.fileName });
        }
        const ref = { id, fileName: entry.fileName };
        const readOnly = (await register(ref)) || !writable;
        if (!writable) open.set(id, { ...open.get(id)!, readOnly: true });
        await touchIndex(ref, entry.storage);
        return { ref, bytes, readOnly };
      }),

    async listRecentProjects(): Promise<RecentProject[]> {
      return (await loadIndex()).map((e) => ({
        ref: { id: e.id, fileName: e.fileName },
        lastOpened: e.lastOpened,
        location: e.storage === 'bestand' ? 'Bestand op deze computer' : 'In deze browser',
        storage: e.storage,
      }));
    },

    /** A file of the user's is only taken off the list; a working copy is the storage, so it is deleted. */
    async forgetRecentProject(id) {
      if (open.has(id)) return;
      // Another tab may have it open: only when this tab can take its lock is it free to delete.
      const l = await lock(id);
      if (!l.acquired) return;
      l.release?.();
      const entry = (await loadIndex()).find((e) => e.id === id);
      await saveIndex((await loadIndex()).filter((e) => e.id !== id));
      if (entry?.storage === 'bestand') {
        await deps.disk?.handles.delete(id);
        return;
      }
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
        const indexEntry = await entryFor(id);
        const handle = await fileHandle(indexEntry, true);
        const now = deps.now();
        let backupMade = false;
        const existing = await readBytes(handle).then(
          (b) => (b.byteLength > 0 ? b : null),
          () => null,
        );
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
            try {
              await writeBytes(bdir, bname, existing);
              backupMade = true;
              entries.unshift({ id: bname, createdAt: now.toISOString(), reason: reason ?? 'periodiek' });
              for (const old of backupsToDelete(entries)) await bdir.removeEntry(old).catch(() => undefined);
            } catch (err) {
              // No room for a backup: still save the work, except before a migration (the old file must be kept).
              if (reason === 'voor-migratie') {
                throw new AppException('opslaan.reservekopie-mislukt', { bestand: indexEntry.fileName }, String(err));
              }
            }
          }
        }
        try {
          await writeHandle(handle, bytes);
        } catch (err) {
          if (isQuotaError(err)) throw new AppException('opslaan.schijf-vol', { bestand: indexEntry.fileName });
          if (err instanceof DOMException && err.name === 'NotAllowedError') {
            throw new AppException('opslaan.geen-schrijfrechten', { bestand: indexEntry.fileName });
          }
          throw err;
        }
        savedThisSession.add(id);
        return { savedAt: now.toISOString(), bytes: bytes.byteLength, backupMade };
      });
    },

    saveProjectFileAs: (currentId, bytes, suggestedName) =>
      attempt(async () => {
        if (savesToDisk()) {
          const onDisk = await createDiskFile(suggestedName, bytes);
          if (!onDisk) return null;
          await register(onDisk);
          savedThisSession.add(onDisk.id);
          if (currentId !== null && currentId !== onDisk.id) await close(currentId);
          return onDisk;
        }
        const ref = await storeWorkingCopy(suggestedName, bytes);
        await register(ref);
        savedThisSession.add(ref.id);
        if (currentId !== null) await close(currentId);
        return ref;
      }),

    saveCopy: (bytes, suggestedName) =>
      attempt(async () => {
        if (savesToDisk()) {
          const handle = await deps.disk!.pickSave(withExtension(suggestedName));
          if (!handle) return false;
          await writeHandle(handle, bytes);
          return true;
        }
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

    printPdf: (html, suggestedName) =>
      attempt(async () => {
        const title = suggestedName.replace(/\.pdf$/i, '');
        try {
          await deps.print(html, title);
        } catch (err) {
          throw new AppException('pdf.mislukt', undefined, err instanceof Error ? err.message : String(err));
        }
        return true;
      }),

    createWorkingCopy: (fileName, bytes) =>
      attempt(async (): Promise<OpenedFile> => {
        if (!looksLikeProjectFile(bytes)) {
          throw new AppException('opslaan.controle-mislukt', { bestand: withExtension(fileName) });
        }
        // A name not yet in the list ("Naam (2).wijkweb"), so two copies can be told apart.
        const taken = new Set((await loadIndex()).map((e) => e.fileName.toLowerCase()));
        let name = withExtension(fileName);
        for (let n = 2; taken.has(name.toLowerCase()); n++) {
          const stem = withExtension(fileName).slice(0, -PROJECT_EXTENSION.length);
          name = `${stem} (${n})${PROJECT_EXTENSION}`;
        }
        const ref = await storeWorkingCopy(name, bytes);
        const readOnly = await register(ref);
        savedThisSession.add(ref.id);
        return { ref, bytes, readOnly };
      }),

    onMenuCommand: () => () => undefined,
    onCloseRequested: () => () => undefined,
    confirmClose: async () => undefined,
    onOpenRequested: () => () => undefined,
  };
}

/** The File System Access API where the browser has it (not yet in TypeScript's DOM types). */
interface FsaWindow {
  showSaveFilePicker?: (options: object) => Promise<FileSystemFileHandle>;
  showOpenFilePicker?: (options: object) => Promise<FileSystemFileHandle[]>;
}
interface PermissionHandle {
  queryPermission?: (d: { mode: 'readwrite' }) => Promise<PermissionState>;
  requestPermission?: (d: { mode: 'readwrite' }) => Promise<PermissionState>;
}

const PICKER_TYPES = [{ description: 'Wijkweb-project', accept: { 'application/x-wijkweb': ['.wijkweb'] } }];
const STORAGE_KEY = 'wijkweb.opslag';

/** Where new projects go in browser mode: a real file (default where possible) or a working copy in the browser. */
export function storedStoragePreference(): 'bestand' | 'werkkopie' {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'werkkopie' ? 'werkkopie' : 'bestand';
  } catch {
    return 'bestand';
  }
}

export function setStoragePreference(value: 'bestand' | 'werkkopie'): void {
  try {
    localStorage.setItem(STORAGE_KEY, value);
  } catch {
    // storage disabled: the choice lasts for this page only
  }
}

function cancelled(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}

/** File handles survive a reload in IndexedDB (they are structured-cloneable). */
function handleStore(): DiskAccess['handles'] {
  const db = new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open('wijkweb', 1);
    req.onupgradeneeded = () => req.result.createObjectStore('bestanden');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB'));
  });
  const run = <T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T>) =>
    db.then(
      (d) =>
        new Promise<T>((resolve, reject) => {
          const req = fn(d.transaction('bestanden', mode).objectStore('bestanden'));
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error ?? new Error('IndexedDB'));
        }),
    );
  return {
    get: (id) => run<FileSystemFileHandle | undefined>('readonly', (s) => s.get(id)),
    put: async (id, handle) => void (await run('readwrite', (s) => s.put(handle, id))),
    delete: async (id) => void (await run('readwrite', (s) => s.delete(id))),
  };
}

function fileSystemAccess(): DiskAccess | null {
  const w = window as unknown as FsaWindow;
  if (typeof w.showSaveFilePicker !== 'function' || typeof w.showOpenFilePicker !== 'function') return null;
  return {
    async pickSave(suggestedName) {
      try {
        return await w.showSaveFilePicker!({ suggestedName, types: PICKER_TYPES, excludeAcceptAllOption: false });
      } catch (err) {
        if (cancelled(err)) return null;
        throw err;
      }
    },
    async pickOpen() {
      try {
        const [handle] = await w.showOpenFilePicker!({ types: PICKER_TYPES, multiple: false });
        return handle ?? null;
      } catch (err) {
        if (cancelled(err)) return null;
        throw err;
      }
    },
    async ensureWritable(handle) {
      const h = handle as unknown as PermissionHandle;
      if (!h.queryPermission || !h.requestPermission) return true;
      if ((await h.queryPermission({ mode: 'readwrite' })) === 'granted') return true;
      try {
        return (await h.requestPermission({ mode: 'readwrite' })) === 'granted';
      } catch {
        return false;
      }
    },
    handles: handleStore(),
  };
}

/** Where a `style="…"` attribute waits while the page is in the frame (see printInIframe). */
export const STYLE_ATTR = 'data-wijkweb-stijl';

/** Elements whose content the HTML parser reads as text, not markup (copied as they are). */
const TEXT_ELEMENTS = new Set(['textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);

/** Index of the end tag `</name` (followed by space, / or >) from `from`, or -1. */
function endTagAt(html: string, name: string, from: number): number {
  const re = new RegExp(`</${name}(?=[\\s/>])`, 'gi');
  re.lastIndex = from;
  return re.exec(html)?.index ?? -1;
}

/**
 * Takes a standalone page apart for a frame under a policy that refuses inline styles, without parsing it as HTML
 * here (Chromium reports every inline style to the policy even in a DOMParser document): a small tokenizer moves the
 * text of each <style> element out, renames each `style` attribute to STYLE_ATTR (value untouched), and drops
 * <script> elements. Comments, doctype and text-only elements (title, textarea, …) are copied as they are.
 */
export function separateInlineStyles(html: string): { html: string; styles: string[] } {
  // Sticky expressions, matched at a position (no slicing: a report may be tens of MB).
  const tagName = /<([a-zA-Z][^\s/>]*)/y;
  const space = /[\s/]+/y;
  const attrName = /[^\s/>][^\s/>=]*/y;
  const equals = /\s*=\s*/y;
  const unquoted = /[^\s>]*/y;
  const at = (re: RegExp, pos: number) => {
    re.lastIndex = pos;
    return re.exec(html)?.[0] ?? null;
  };
  const styles: string[] = [];
  const out: string[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out.push(html.slice(i));
      break;
    }
    out.push(html.slice(i, lt));
    i = lt;
    // Comments, doctype, processing instructions and end tags: copied up to their end.
    if ('!?/'.includes(html[i + 1] ?? 'x')) {
      const comment = html.startsWith('<!--', i);
      const close = comment ? html.indexOf('-->', i + 4) : html.indexOf('>', i);
      const stop = close < 0 ? html.length : close + (comment ? 3 : 1);
      out.push(html.slice(i, stop));
      i = stop;
      continue;
    }
    tagName.lastIndex = i;
    const name = tagName.exec(html)?.[1];
    if (!name) {
      out.push('<');
      i += 1;
      continue;
    }
    // A start tag: its attributes, with quoted values, up to its '>'.
    let j = i + 1 + name.length;
    const tag = [html.slice(i, j)];
    while (j < html.length && html[j] !== '>') {
      const ws = at(space, j);
      if (ws) {
        tag.push(ws);
        j += ws.length;
        continue;
      }
      const attr = at(attrName, j) ?? html[j]!;
      j += attr.length;
      tag.push(attr.toLowerCase() === 'style' ? STYLE_ATTR : attr);
      const eq = at(equals, j);
      if (!eq) continue;
      tag.push(eq);
      j += eq.length;
      const quote = html[j];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, j + 1);
        const stop = close < 0 ? html.length : close + 1;
        tag.push(html.slice(j, stop));
        j = stop;
      } else {
        const value = at(unquoted, j) ?? '';
        tag.push(value);
        j += value.length;
      }
    }
    const selfClosing = html[j - 1] === '/';
    tag.push(html.slice(j, j + 1));
    j += 1;
    const lower = name.toLowerCase();
    if (lower === 'style' || lower === 'script') {
      if (selfClosing) {
        i = j;
        continue;
      }
      const close = endTagAt(html, lower, j);
      const contentEnd = close < 0 ? html.length : close;
      if (lower === 'style') styles.push(html.slice(j, contentEnd).replace(/<!\[CDATA\[|\]\]>/g, ''));
      const after = close < 0 ? -1 : html.indexOf('>', close);
      i = after < 0 ? html.length : after + 1;
      continue;
    }
    for (const part of tag) out.push(part);
    i = j;
    if (TEXT_ELEMENTS.has(lower) && !selfClosing) {
      const close = endTagAt(html, lower, i);
      const stop = close < 0 ? html.length : close;
      out.push(html.slice(i, stop));
      i = stop;
    }
  }
  return { html: out.join(''), styles };
}

/** Puts a page's styles back after `separateInlineStyles`, through the CSSOM (allowed under `style-src 'self'`). */
export function restoreStyles(win: Window & typeof globalThis, doc: Document, styles: readonly string[]): void {
  doc.adoptedStyleSheets = styles.map((text) => {
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(text);
    return sheet;
  });
  for (const el of Array.from(doc.querySelectorAll<HTMLElement | SVGElement>(`[${STYLE_ATTR}]`))) {
    el.style.cssText = el.getAttribute(STYLE_ATTR) ?? '';
    el.removeAttribute(STYLE_ATTR);
  }
}

/**
 * The browser's print dialog ("Opslaan als PDF") for a standalone page, in a hidden frame next to the app:
 * `srcdoc`, sandboxed without scripts (`allow-modals` lets it print, `allow-same-origin` lets us reach it). The
 * frame inherits the app's Content-Security-Policy (`style-src 'self'`), which refuses inline styles; so the page's
 * <style> elements and style attributes are taken out before it goes in (separateInlineStyles) and put back through
 * the CSSOM (constructed stylesheets and `style.cssText`, which the policy allows), @page rules included. Resolves
 * when print() returns (Chromium: after the dialog); the frame is removed after `afterprint`, or after
 * `removeAfterMs`.
 */
export async function printInIframe(
  html: string,
  title: string,
  doc: Document = document,
  options: {
    readonly loadTimeoutMs?: number;
    readonly removeAfterMs?: number;
    /** Calls print() on the frame's window (tests look at the frame first). */
    readonly print?: (frame: Window) => void;
  } = {},
): Promise<void> {
  const page = separateInlineStyles(html);
  const iframe = doc.createElement('iframe');
  iframe.setAttribute('sandbox', 'allow-modals allow-same-origin');
  iframe.setAttribute('aria-hidden', 'true');
  iframe.tabIndex = -1;
  iframe.title = title;
  Object.assign(iframe.style, { position: 'fixed', right: '0', bottom: '0', width: '0', height: '0', border: '0' });
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    iframe.remove();
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('de pagina laadde niet')), options.loadTimeoutMs ?? 30_000);
      iframe.addEventListener(
        'load',
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
      iframe.srcdoc = page.html;
      doc.body.append(iframe);
    });
    const win = iframe.contentWindow as (Window & typeof globalThis) | null;
    const frameDoc = iframe.contentDocument;
    if (!win || !frameDoc) throw new Error('geen toegang tot de afdrukpagina');
    restoreStyles(win, frameDoc, page.styles);
    // The browser's "Opslaan als PDF" offers the page title as the file name.
    if (title) frameDoc.title = title;
    await Promise.race([frameDoc.fonts.ready, new Promise((r) => setTimeout(r, 5_000))]);
    win.addEventListener('afterprint', () => setTimeout(remove, 0), { once: true });
    setTimeout(remove, options.removeAfterMs ?? 60_000);
    (options.print ?? ((w: Window) => w.print()))(win);
  } catch (err) {
    remove();
    throw err;
  }
}

/** The real browser: File System Access (where present), OPFS, Web Locks, an <input type=file>, downloads. */
export function createDefaultBrowserBridge(): BridgeApi {
  return createBrowserBridge({
    root: () => navigator.storage.getDirectory(),
    disk: fileSystemAccess(),
    preferredStorage: storedStoragePreference,
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
    print: (html, title) => printInIframe(html, title),
    now: () => new Date(),
    newId: () => `p-${Date.now().toString(36)}-${crypto.getRandomValues(new Uint32Array(1))[0]!.toString(36)}`,
  });
}
