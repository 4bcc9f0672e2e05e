/**
 * One contract, two implementations: the desktop bridge (preload client → validated IPC → main handlers on the
 * real file system) and the browser bridge (OPFS + Web Locks). Both must behave the same for the renderer.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BridgeApi } from '../../../../shared/contract';
import { looksLikeProjectFile } from '../../../../shared/db/file-header';
import { createBridgeClient } from '../../../../electron/bridge-client';
import { createBridgeHandlers, workingCopyDirIn } from '../../../../electron/handlers';
import { createPdfPrinter, isPdf, nodePrintTemp } from '../../../../electron/print';
import { atomicWrite } from '../../../../node/atomic-write';
import { registerHandlers, type InvokeEventLike } from '../../../../electron/ipc';
import { createRecentStore } from '../../../../electron/recent';
import { isTrustedSenderUrl } from '../../../../electron/security';
import { nodeFs } from '../../../../node/fs';
import { createFileStore } from '../../../../node/project-files';
import { createBrowserBridge, type DiskAccess } from '../../../../renderer/bridge/browser';
import { projectBytes } from '../../../helpers/db';
import { memoryLocks, memoryOpfs } from '../../../helpers/memory-opfs';
import { tmpDir } from '../../../helpers/tmp';

interface Env {
  /** Two windows (desktop) or tabs (browser) on the same storage. */
  readonly first: BridgeApi;
  readonly second: BridgeApi;
  /** What the next open/save dialog (or file picker) answers: a file name, or null for "cancel". */
  answerDialog(name: string | null, bytes?: Uint8Array): Promise<void>;
  readonly clock: { t: number };
  /** The pages handed to the printer (desktop: the page file the hidden window loaded; browser: the print frame). */
  readonly printed: { html: string; title?: string }[];
  /** Desktop: the file the save dialog chose now holds this PDF; browser: null (the browser's dialog saves). */
  savedPdf(name: string): Uint8Array | null;
}

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

function desktopEnv(): Env {
  const { dir, cleanup } = tmpDir();
  cleanups.push(cleanup);
  const clock = { t: Date.parse('2026-11-23T09:00:00Z') };
  let answer: string | null = null;
  const printed: Env['printed'] = [];
  const windowBridge = (owner: string): BridgeApi => {
    const registry = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();
    const handlers = createBridgeHandlers({
      store: createFileStore({
        fs: nodeFs,
        backupRoot: join(dir, 'data', 'backups'),
        now: () => new Date(clock.t),
        verify: looksLikeProjectFile,
      }),
      workingCopies: { fs: nodeFs, dir: workingCopyDirIn(join(dir, 'data')) },
      printPdf: createPdfPrinter({
        temp: nodePrintTemp,
        createWindow: () => ({
          load: async (url) => void printed.push({ html: readFileSync(new URL(url), 'utf8') }),
          printToPdf: async () => new TextEncoder().encode('%PDF-1.7\n'),
          close: () => undefined,
        }),
        chooseSavePath: async () => (answer === null ? null : join(dir, answer)),
        write: (path, bytes) => atomicWrite(nodeFs, path, bytes, { verify: isPdf }),
      }),
      lock: { fs: nodeFs, pid: process.pid, host: 'test', now: () => new Date(clock.t), isPidAlive: () => true, owner },
      recent: createRecentStore(nodeFs, join(dir, 'data')),
      dialogs: {
        chooseSavePath: async () => (answer === null ? null : join(dir, answer)),
        chooseOpenPath: async () => (answer === null ? null : join(dir, answer)),
      },
      now: () => new Date(clock.t),
      platform: {
        kind: 'desktop',
        backupLocation: join(dir, 'data', 'backups'),
        appVersion: 'test',
        newProjectStorage: 'bestand',
        canUseFiles: true,
      },
      onConfirmClose: () => undefined,
    });
    registerHandlers({ handle: (channel, listener) => registry.set(channel, listener) }, handlers, (url) =>
      isTrustedSenderUrl(url),
    );
    const event: InvokeEventLike = { senderFrame: { url: 'app://wijkweb/index.html' } };
    return createBridgeClient({
      invoke: async (channel, ...args) => registry.get(channel)!(event, ...args),
      on: () => undefined,
      removeListener: () => undefined,
    });
  };
  return {
    first: windowBridge('venster-1'),
    second: windowBridge('venster-2'),
    async answerDialog(name, bytes) {
      answer = name;
      if (name !== null && bytes) await nodeFs.writeFileSynced(join(dir, name), bytes);
    },
    clock,
    printed,
    savedPdf: (name) => (existsSync(join(dir, name)) ? new Uint8Array(readFileSync(join(dir, name))) : null),
  };
}

function browserEnv(storage: 'werkkopie' | 'bestand' = 'werkkopie'): Env {
  const root = memoryOpfs();
  const disk = memoryOpfs(); // the user's own folder, reached through the File System Access API
  const remembered = new Map<string, FileSystemFileHandle>();
  let answer: string | null = null;
  const diskAccess: DiskAccess = {
    pickSave: async (suggested) => (answer === null ? null : disk.getFileHandle(answer ?? suggested, { create: true })),
    pickOpen: async () => (answer === null ? null : disk.getFileHandle(answer)),
    ensureWritable: async () => true,
    handles: {
      get: async (id) => remembered.get(id),
      put: async (id, h) => void remembered.set(id, h),
      delete: async (id) => void remembered.delete(id),
    },
  };
  const locks = memoryLocks();
  const clock = { t: Date.parse('2026-11-23T09:00:00Z') };
  let pick: File | null = null;
  let n = 0;
  const printed: Env['printed'] = [];
  const tab = () =>
    createBrowserBridge({
      root: async () => root,
      disk: diskAccess,
      preferredStorage: () => storage,
      locks,
      pickFile: async () => pick,
      download: () => undefined,
      print: async (html, title) => void printed.push({ html, title }),
      now: () => new Date(clock.t),
      newId: () => `p-${++n}`,
    });
  return {
    first: tab(),
    second: tab(),
    async answerDialog(name, bytes) {
      answer = name;
      pick = name === null ? null : new File([(bytes ?? new Uint8Array()) as Uint8Array<ArrayBuffer>], name);
      if (name !== null && bytes) {
        const w = await (await disk.getFileHandle(name, { create: true })).createWritable();
        await w.write(bytes as Uint8Array<ArrayBuffer>);
        await w.close();
      }
    },
    clock,
    printed,
    savedPdf: () => null,
  };
}

for (const [label, name, makeEnv] of [
  ['desktop', 'desktop', desktopEnv],
  ['browser, working copy in OPFS', 'browser', () => browserEnv('werkkopie')],
  ['browser, file on disk (File System Access)', 'browser', () => browserEnv('bestand')],
] as const) {
  describe(`bridge contract: ${label}`, () => {
    it('creates a project file, lists it as recent, and opens it again with the same bytes', async () => {
      const env = makeEnv();
      const bytes = await projectBytes('Enschede West');
      await env.answerDialog('Enschede West.wijkweb');
      const created = await env.first.createProjectFile('Enschede West.wijkweb', bytes);
      expect(created.ok && created.value?.fileName).toBe('Enschede West.wijkweb');
      if (!created.ok || !created.value) return;
      const recent = await env.first.listRecentProjects();
      expect(recent.map((r) => r.ref.id)).toContain(created.value.id);
      await env.first.closeProjectFile(created.value.id);
      const opened = await env.first.openRecentProject(created.value.id);
      expect(opened.ok && opened.value.readOnly).toBe(false);
      expect(opened.ok && opened.value.bytes).toEqual(bytes);
      expect((await env.first.platform()).kind).toBe(name);
    });

    it('saves over the file, and a reopen gets the new version', async () => {
      const env = makeEnv();
      await env.answerDialog('a.wijkweb');
      const created = await env.first.createProjectFile('a.wijkweb', await projectBytes('A'));
      if (!created.ok || !created.value) throw new Error('niet gemaakt');
      const v2 = await projectBytes('B');
      const saved = await env.first.saveProjectFile(created.value.id, v2);
      expect(saved.ok && saved.value.bytes).toBe(v2.byteLength);
      await env.first.closeProjectFile(created.value.id);
      const opened = await env.first.openRecentProject(created.value.id);
      expect(opened.ok && opened.value.bytes).toEqual(v2);
    });

    it('gives a second window the project read-only and refuses its saves; after closing, it may write', async () => {
      const env = makeEnv();
      await env.answerDialog('gedeeld.wijkweb');
      const original = await projectBytes('Gedeeld');
      const created = await env.first.createProjectFile('gedeeld.wijkweb', original);
      if (!created.ok || !created.value) throw new Error('niet gemaakt');
      const id = created.value.id;
      const other = await env.second.openRecentProject(id);
      expect(other.ok && other.value.readOnly).toBe(true);
      expect(await env.second.saveProjectFile(id, await projectBytes('Anders'))).toMatchObject({
        ok: false,
        error: { code: 'opslaan.alleen-lezen' },
      });
      await env.second.closeProjectFile(id);
      await env.first.closeProjectFile(id);
      const again = await env.second.openRecentProject(id);
      expect(again.ok && again.value.readOnly).toBe(false);
      expect(again.ok && again.value.bytes).toEqual(original);
    });

    it('refuses to save a project that is not open', async () => {
      const env = makeEnv();
      const r = await env.first.saveProjectFile(
        name === 'desktop' ? '/tmp/elders.wijkweb' : 'p-999',
        await projectBytes(),
      );
      expect(r.ok).toBe(false);
    });

    it('"save as" continues in the new file and releases the old one', async () => {
      const env = makeEnv();
      await env.answerDialog('oud.wijkweb');
      const created = await env.first.createProjectFile('oud.wijkweb', await projectBytes('Oud'));
      if (!created.ok || !created.value) throw new Error('niet gemaakt');
      await env.answerDialog('nieuw.wijkweb');
      const moved = await env.first.saveProjectFileAs(created.value.id, await projectBytes('Nieuw'), 'nieuw');
      expect(moved.ok && moved.value?.fileName).toBe('nieuw.wijkweb');
      const old = await env.second.openRecentProject(created.value.id);
      expect(old.ok && old.value.readOnly).toBe(false);
    });

    it('keeps backups of earlier versions that can be read back', async () => {
      const env = makeEnv();
      await env.answerDialog('b.wijkweb');
      const v1 = await projectBytes('V1');
      const created = await env.first.createProjectFile('b.wijkweb', v1);
      if (!created.ok || !created.value) throw new Error('niet gemaakt');
      env.clock.t += 60_000;
      await env.first.saveProjectFile(created.value.id, await projectBytes('V2'));
      env.clock.t += 11 * 60_000;
      await env.first.saveProjectFile(created.value.id, await projectBytes('V3'));
      const backups = await env.first.listBackups(created.value.id);
      expect(backups.length).toBeGreaterThanOrEqual(1);
      const oldest = backups[backups.length - 1]!;
      const bytes = await env.first.readBackup(created.value.id, oldest.id);
      expect(bytes.ok && looksLikeProjectFile(bytes.value)).toBe(true);
      expect(await env.first.readBackup(created.value.id, '2020-01-01T00-00-00-000Z_periodiek.wijkweb')).toMatchObject({
        ok: false,
      });
    });

    it('stores a working copy without asking: open, writable, in the list, and the same bytes when reopened', async () => {
      const env = makeEnv();
      const bytes = await projectBytes('Voorbeeld');
      const first = await env.first.createWorkingCopy('Voorbeeldproject Enschede West.wijkweb', bytes);
      if (!first.ok) throw new Error(first.error.code);
      expect(first.value.ref.fileName).toBe('Voorbeeldproject Enschede West.wijkweb');
      expect(first.value.readOnly).toBe(false);
      expect(first.value.bytes).toEqual(bytes);
      expect((await env.first.listRecentProjects()).map((r) => r.ref.id)).toContain(first.value.ref.id);
      // It saves like any project, and another window or tab may only look.
      const v2 = await projectBytes('Voorbeeld 2');
      expect((await env.first.saveProjectFile(first.value.ref.id, v2)).ok).toBe(true);
      const other = await env.second.openRecentProject(first.value.ref.id);
      expect(other.ok && other.value.readOnly).toBe(true);
      await env.second.closeProjectFile(first.value.ref.id);
      await env.first.closeProjectFile(first.value.ref.id);
      const again = await env.first.openRecentProject(first.value.ref.id);
      expect(again.ok && again.value.bytes).toEqual(v2);
      // A second copy of the same name gets its own name and id.
      const second = await env.first.createWorkingCopy('Voorbeeldproject Enschede West.wijkweb', bytes);
      if (!second.ok) throw new Error(second.error.code);
      expect(second.value.ref.id).not.toBe(first.value.ref.id);
      expect(second.value.ref.fileName).toBe('Voorbeeldproject Enschede West (2).wijkweb');
    });

    it('refuses a working copy of bytes that are not a Wijkweb project', async () => {
      const env = makeEnv();
      const r = await env.first.createWorkingCopy('Kapot.wijkweb', new Uint8Array(4096).fill(7));
      expect(r).toMatchObject({ ok: false, error: { code: 'opslaan.controle-mislukt' } });
      expect(await env.first.listRecentProjects()).toEqual([]);
    });

    it('prints a report page: the page reaches the printer and the answer is true', async () => {
      const env = makeEnv();
      const html = '<!DOCTYPE html><html><head><title>Rapport</title></head><body><h1>Rapport</h1></body></html>';
      await env.answerDialog('Rapport.pdf');
      expect(await env.first.printPdf(html, 'Rapport.pdf')).toEqual({ ok: true, value: true });
      expect(env.printed).toHaveLength(1);
      expect(env.printed[0]!.html).toContain('<h1>Rapport</h1>');
      if (name === 'desktop') expect(new TextDecoder().decode(env.savedPdf('Rapport.pdf')!)).toMatch(/^%PDF-/);
      else expect(env.printed[0]!.title).toBe('Rapport');
    });

    it('opens a file the user picks, and a cancelled dialog is not an error', async () => {
      const env = makeEnv();
      const fixture = new Uint8Array(readFileSync(new URL('../../../fixtures/project-v1.wijkweb', import.meta.url)));
      await env.answerDialog('project-v1.wijkweb', fixture);
      const opened = await env.first.openProjectFile();
      expect(opened.ok && opened.value?.bytes).toEqual(fixture);
      await env.answerDialog(null);
      expect(await env.first.openProjectFile()).toEqual({ ok: true, value: null });
    });
  });
}

describe('desktop bridge: printing', () => {
  it('a cancelled save dialog is ok(false) and writes no PDF', async () => {
    const env = desktopEnv();
    await env.answerDialog(null);
    expect(await env.first.printPdf('<p>x</p>', 'Rapport.pdf')).toEqual({ ok: true, value: false });
    expect(env.printed).toHaveLength(1);
    expect(env.savedPdf('Rapport.pdf')).toBeNull();
  });
});

describe('browser bridge: printing', () => {
  it('a print that fails is pdf.mislukt', async () => {
    const bridge = createBrowserBridge({
      root: async () => memoryOpfs(),
      disk: null,
      preferredStorage: () => 'werkkopie',
      locks: memoryLocks(),
      pickFile: async () => null,
      download: () => undefined,
      print: async () => Promise.reject(new Error('geen printer')),
      now: () => new Date(),
      newId: () => 'p-1',
    });
    expect(await bridge.printPdf('<p>x</p>', 'Rapport.pdf')).toMatchObject({
      ok: false,
      error: { code: 'pdf.mislukt', detail: 'geen printer' },
    });
  });
});

describe('browser bridge: taking a project off the list', () => {
  it('deletes a working copy (it lives only in the browser) but never the user’s own file', async () => {
    for (const storage of ['werkkopie', 'bestand'] as const) {
      const env = browserEnv(storage);
      await env.answerDialog('lijst.wijkweb');
      const created = await env.first.createProjectFile('lijst.wijkweb', await projectBytes('Lijst'));
      if (!created.ok || !created.value) throw new Error('niet gemaakt');
      const [entry] = await env.first.listRecentProjects();
      expect(entry?.storage).toBe(storage);
      await env.first.closeProjectFile(created.value.id);
      await env.first.forgetRecentProject(created.value.id);
      expect(await env.first.listRecentProjects()).toEqual([]);
      // A working copy is gone; a file on disk can be picked and opened again.
      await env.answerDialog('lijst.wijkweb');
      const reopened = await env.first.openProjectFile();
      if (storage === 'bestand') expect(reopened.ok && reopened.value?.ref.fileName).toBe('lijst.wijkweb');
    }
  });
});

describe('browser bridge: another tab', () => {
  it('cannot delete a working copy this tab has open', async () => {
    const env = browserEnv('werkkopie');
    await env.answerDialog('open.wijkweb');
    const created = await env.first.createProjectFile('open.wijkweb', await projectBytes('Open'));
    if (!created.ok || !created.value) throw new Error('niet gemaakt');
    await env.second.forgetRecentProject(created.value.id);
    expect((await env.first.listRecentProjects()).map((r) => r.ref.id)).toContain(created.value.id);
    expect((await env.first.saveProjectFile(created.value.id, await projectBytes('Nog steeds'))).ok).toBe(true);
  });
});
