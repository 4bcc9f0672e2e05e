import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createBridgeHandlers,
  numberedName,
  withExtension,
  workingCopyDirIn,
  type Dialogs,
} from '../../../electron/handlers';
import { createRecentStore } from '../../../electron/recent';
import { nodeFs } from '../../../node/fs';
import { lockPathFor } from '../../../node/lock';
import { backupRootIn } from '../../../node/paths';
import { createFileStore } from '../../../node/project-files';
import type { BridgeApi, PlatformInfo } from '../../../shared/contract';
import { looksLikeProjectFile } from '../../../shared/db/file-header';
import { ok, type Result } from '../../../shared/result';
import { FIXED_NOW, projectBytes } from '../../helpers/db';
import { tmpDir } from '../../helpers/tmp';

let original: Uint8Array;
let changed: Uint8Array;
let third: Uint8Array;

beforeAll(async () => {
  original = await projectBytes('Wijk West');
  changed = await projectBytes('Wijk West gewijzigd');
  third = await projectBytes('Wijk West derde versie');
});

interface Env {
  readonly dir: string;
  readonly projects: string;
  readonly dataDir: string;
  /** A clock that moves one minute on every reading, so backups get distinct names. */
  readonly clock: () => Date;
  readonly cleanup: () => void;
}

let env: Env;

beforeEach(() => {
  const t = tmpDir('wijkweb-handlers-');
  let tick = 0;
  const start = Date.parse(FIXED_NOW);
  env = {
    dir: t.dir,
    projects: join(t.dir, 'Documenten'),
    dataDir: join(t.dir, 'userData'),
    clock: () => new Date(start + 60_000 * tick++),
    cleanup: t.cleanup,
  };
  mkdirSync(env.projects, { recursive: true });
});

afterEach(() => env.cleanup());

const PLATFORM: PlatformInfo = {
  kind: 'desktop',
  backupLocation: '/backups',
  appVersion: '0.0.0-test',
  newProjectStorage: 'bestand',
  canUseFiles: true,
};

/**
 * ChannelHandlers types every result as Promise<unknown>; the handlers implement the BridgeApi methods, so the
 * tests view them with those signatures.
 */
interface TypedHandlers {
  'wijkweb:platform': BridgeApi['platform'];
  'wijkweb:create-project-file': BridgeApi['createProjectFile'];
  'wijkweb:open-project-file': BridgeApi['openProjectFile'];
  'wijkweb:open-recent-project': BridgeApi['openRecentProject'];
  'wijkweb:list-recent-projects': BridgeApi['listRecentProjects'];
  'wijkweb:forget-recent-project': BridgeApi['forgetRecentProject'];
  'wijkweb:save-project-file': BridgeApi['saveProjectFile'];
  'wijkweb:save-project-file-as': BridgeApi['saveProjectFileAs'];
  'wijkweb:save-copy': BridgeApi['saveCopy'];
  'wijkweb:close-project-file': BridgeApi['closeProjectFile'];
  'wijkweb:list-backups': BridgeApi['listBackups'];
  'wijkweb:read-backup': BridgeApi['readBackup'];
  'wijkweb:confirm-close': BridgeApi['confirmClose'];
  'wijkweb:print-pdf': BridgeApi['printPdf'];
  'wijkweb:create-working-copy': BridgeApi['createWorkingCopy'];
  heartbeat(): Promise<void>;
  releaseAll(): Promise<void>;
}

/** One Wijkweb window: its own handlers, file store and lock owner; the data folder (recent list) is shared. */
function openWindow(owner: string) {
  let savePath: string | null = null;
  let openPath: string | null = null;
  const dialogs: Dialogs = {
    chooseSavePath: vi.fn(async (_suggestedName: string) => savePath),
    chooseOpenPath: vi.fn(async () => openPath),
  };
  const onConfirmClose = vi.fn();
  const printPdf = vi.fn(async (_html: string, _name: string) => ok(true));
  const handlers: TypedHandlers = createBridgeHandlers({
    store: createFileStore({
      fs: nodeFs,
      backupRoot: backupRootIn(env.dataDir),
      now: env.clock,
      verify: looksLikeProjectFile,
    }),
    workingCopies: { fs: nodeFs, dir: workingCopyDirIn(env.dataDir) },
    printPdf,
    lock: {
      fs: nodeFs,
      pid: process.pid,
      host: 'test-host',
      now: () => new Date(),
      isPidAlive: () => true,
      owner,
    },
    recent: createRecentStore(nodeFs, env.dataDir),
    dialogs,
    now: env.clock,
    platform: PLATFORM,
    onConfirmClose,
  }) as unknown as TypedHandlers;
  return {
    h: handlers,
    dialogs,
    onConfirmClose,
    printPdf,
    /** What the next save dialog answers (null: cancelled). */
    willSaveTo(path: string | null) {
      savePath = path;
    },
    willOpen(path: string | null) {
      openPath = path;
    },
  };
}

function okValue<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got error ${r.error.code} ${r.error.detail ?? ''}`);
  return r.value;
}

function errorCode<T>(r: Result<T>): string {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value)}`);
  return r.error.code;
}

function fileEquals(path: string, bytes: Uint8Array): boolean {
  return Buffer.from(readFileSync(path)).equals(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

/** Creates a project file through window `w` (its save dialog answers `path`) and returns its id. */
async function create(w: ReturnType<typeof openWindow>, path: string, bytes = original): Promise<string> {
  w.willSaveTo(path);
  const ref = okValue(await w.h['wijkweb:create-project-file']('Wijk West.wijkweb', bytes));
  if (ref === null) throw new Error('create returned null');
  return ref.id;
}

describe('createBridgeHandlers: creating and reopening', () => {
  it('the fixture bytes are real, distinct project files', () => {
    expect(looksLikeProjectFile(original)).toBe(true);
    expect(looksLikeProjectFile(changed)).toBe(true);
    expect(Buffer.from(original).equals(Buffer.from(changed))).toBe(false);
  });

  it('creates a project file where the dialog says, adds the extension, locks it and remembers it', async () => {
    const a = openWindow('window-a');
    a.willSaveTo(join(env.projects, 'Wijk West'));
    const ref = okValue(await a.h['wijkweb:create-project-file']('Wijk West.wijkweb', original));
    const path = join(env.projects, 'Wijk West.wijkweb');
    expect(ref).toEqual({ id: path, fileName: 'Wijk West.wijkweb' });
    expect(a.dialogs.chooseSavePath).toHaveBeenCalledWith('Wijk West.wijkweb');
    expect(fileEquals(path, original)).toBe(true);
    expect(existsSync(lockPathFor(path))).toBe(true);
    expect(existsSync(`${path}.tmp`)).toBe(false);
    const recent = await a.h['wijkweb:list-recent-projects']();
    expect(recent.map((r) => r.ref.id)).toEqual([path]);
    expect(recent[0]?.location).toBe(env.projects);
  });

  it('reopens a created file through the recent list, writable, with its bytes', async () => {
    const a = openWindow('window-a');
    const path = await create(a, join(env.projects, 'Wijk.wijkweb'));
    const opened = okValue(await a.h['wijkweb:open-recent-project'](path));
    expect(opened.readOnly).toBe(false);
    expect(opened.ref).toEqual({ id: path, fileName: 'Wijk.wijkweb' });
    expect(Buffer.from(opened.bytes).equals(Buffer.from(original))).toBe(true);
    okValue(await a.h['wijkweb:save-project-file'](path, changed));
    expect(fileEquals(path, changed)).toBe(true);
  });

  it('opens a file picked in the open dialog and grants it through the recent list', async () => {
    const path = join(env.projects, 'Gekregen.wijkweb');
    writeFileSync(path, original);
    const a = openWindow('window-a');
    a.willOpen(path);
    const opened = okValue(await a.h['wijkweb:open-project-file']());
    expect(opened?.readOnly).toBe(false);
    expect(opened?.ref.id).toBe(path);
    expect(existsSync(lockPathFor(path))).toBe(true);
    const recent = await a.h['wijkweb:list-recent-projects']();
    expect(recent.map((r) => r.ref.id)).toContain(path);
  });

  it('refuses to create over a file another window has open, and leaves it alone', async () => {
    const a = openWindow('window-a');
    const b = openWindow('window-b');
    const path = await create(a, join(env.projects, 'Wijk.wijkweb'));
    b.willSaveTo(path);
    expect(errorCode(await b.h['wijkweb:create-project-file']('Wijk.wijkweb', changed))).toBe('bestand.in-gebruik');
    expect(fileEquals(path, original)).toBe(true);
  });

  it('refuses bytes that are not a project file, writes nothing and leaves no lock behind', async () => {
    const a = openWindow('window-a');
    const path = join(env.projects, 'Kapot.wijkweb');
    a.willSaveTo(path);
    const result = await a.h['wijkweb:create-project-file']('Kapot.wijkweb', new Uint8Array(4096).fill(7));
    expect(errorCode(result)).toBe('opslaan.controle-mislukt');
    expect(existsSync(path)).toBe(false);
    expect(existsSync(`${path}.tmp`)).toBe(false);
    expect(existsSync(lockPathFor(path))).toBe(false);
  });

  it('a file picked in the open dialog that does not exist gives an error and no lock', async () => {
    const a = openWindow('window-a');
    const path = join(env.projects, 'Weg.wijkweb');
    a.willOpen(path);
    expect(errorCode(await a.h['wijkweb:open-project-file']())).toBe('bestand.niet-gevonden');
    expect(existsSync(lockPathFor(path))).toBe(false);
  });
});

describe('createBridgeHandlers: two windows on one file', () => {
  it('the second window gets the file read-only and its save is refused; the file is unchanged', async () => {
    const a = openWindow('window-a');
    const b = openWindow('window-b');
    const path = await create(a, join(env.projects, 'Gedeeld.wijkweb'));
    const lockBefore = readFileSync(lockPathFor(path), 'utf8');

    const viaRecent = okValue(await b.h['wijkweb:open-recent-project'](path));
    expect(viaRecent.readOnly).toBe(true);
    expect(Buffer.from(viaRecent.bytes).equals(Buffer.from(original))).toBe(true);

    expect(errorCode(await b.h['wijkweb:save-project-file'](path, changed))).toBe('opslaan.alleen-lezen');
    expect(errorCode(await b.h['wijkweb:save-project-file'](path, changed, 'voor-migratie'))).toBe(
      'opslaan.alleen-lezen',
    );
    expect(fileEquals(path, original)).toBe(true);
    expect(existsSync(`${path}.tmp`)).toBe(false);
    expect(readFileSync(lockPathFor(path), 'utf8')).toBe(lockBefore);
    expect(await b.h['wijkweb:list-backups'](path)).toEqual([]);
  });

  it('the second window also gets it read-only through the open dialog', async () => {
    const a = openWindow('window-a');
    const b = openWindow('window-b');
    const path = await create(a, join(env.projects, 'Gedeeld.wijkweb'));
    b.willOpen(path);
    expect(okValue(await b.h['wijkweb:open-project-file']())?.readOnly).toBe(true);
  });

  it("closing the read-only view does not remove the first window's lock", async () => {
    const a = openWindow('window-a');
    const b = openWindow('window-b');
    const path = await create(a, join(env.projects, 'Gedeeld.wijkweb'));
    okValue(await b.h['wijkweb:open-recent-project'](path));
    await b.h['wijkweb:close-project-file'](path);
    await b.h.releaseAll();
    expect(existsSync(lockPathFor(path))).toBe(true);
    okValue(await a.h['wijkweb:save-project-file'](path, changed));
    expect(fileEquals(path, changed)).toBe(true);
    const c = openWindow('window-c');
    expect(okValue(await c.h['wijkweb:open-recent-project'](path)).readOnly).toBe(true);
  });

  it('after the first window closes the file, the second can open it writable and save', async () => {
    const a = openWindow('window-a');
    const b = openWindow('window-b');
    const path = await create(a, join(env.projects, 'Gedeeld.wijkweb'));
    expect(okValue(await b.h['wijkweb:open-recent-project'](path)).readOnly).toBe(true);
    await b.h['wijkweb:close-project-file'](path);

    await a.h['wijkweb:close-project-file'](path);
    const reopened = okValue(await b.h['wijkweb:open-recent-project'](path));
    expect(reopened.readOnly).toBe(false);
    okValue(await b.h['wijkweb:save-project-file'](path, changed));
    expect(fileEquals(path, changed)).toBe(true);
    // and now the first window is the one that may only look
    expect(okValue(await a.h['wijkweb:open-recent-project'](path)).readOnly).toBe(true);
  });

  it('the same window can close a file and open it writable again', async () => {
    const a = openWindow('window-a');
    const path = await create(a, join(env.projects, 'Wijk.wijkweb'));
    await a.h['wijkweb:close-project-file'](path);
    expect(okValue(await a.h['wijkweb:open-recent-project'](path)).readOnly).toBe(false);
  });

  it('"save as" onto the file another window has open is refused, even from its read-only view', async () => {
    const a = openWindow('window-a');
    const b = openWindow('window-b');
    const path = await create(a, join(env.projects, 'Gedeeld.wijkweb'));
    okValue(await b.h['wijkweb:open-recent-project'](path));
    b.willSaveTo(path);
    const result = await b.h['wijkweb:save-project-file-as'](path, changed, 'Gedeeld.wijkweb');
    expect(result.ok).toBe(false);
    expect(fileEquals(path, original)).toBe(true);
  });

  it('"save as" from a new window onto a file another window has open is refused', async () => {
    const a = openWindow('window-a');
    const b = openWindow('window-b');
    const path = await create(a, join(env.projects, 'Gedeeld.wijkweb'));
    b.willSaveTo(path);
    expect(errorCode(await b.h['wijkweb:save-project-file-as'](null, changed, 'Gedeeld.wijkweb'))).toBe(
      'bestand.in-gebruik',
    );
    expect(fileEquals(path, original)).toBe(true);
  });

  it('"save a copy" onto the file another window has open is refused', async () => {
    const a = openWindow('window-a');
    const b = openWindow('window-b');
    const path = await create(a, join(env.projects, 'Gedeeld.wijkweb'));
    b.willSaveTo(path);
    const result = await b.h['wijkweb:save-copy'](changed, 'Gedeeld.wijkweb');
    expect(result.ok).toBe(false);
    expect(fileEquals(path, original)).toBe(true);
  });
});

describe('createBridgeHandlers: the renderer cannot invent paths', () => {
  it('save-project-file for a path never opened returns an error and writes nothing', async () => {
    const a = openWindow('window-a');
    const path = join(env.projects, 'Verzonnen.wijkweb');
    expect(errorCode(await a.h['wijkweb:save-project-file'](path, original))).toBe('project.geen-project-open');
    expect(existsSync(path)).toBe(false);
    expect(existsSync(`${path}.tmp`)).toBe(false);
    expect(existsSync(lockPathFor(path))).toBe(false);
  });

  it('save-project-file for an existing file this window did not open leaves it unchanged', async () => {
    const a = openWindow('window-a');
    const path = join(env.projects, 'Bestaand.wijkweb');
    writeFileSync(path, original);
    expect(errorCode(await a.h['wijkweb:save-project-file'](path, changed))).toBe('project.geen-project-open');
    expect(fileEquals(path, original)).toBe(true);
    expect(existsSync(lockPathFor(path))).toBe(false);
  });

  it('save-project-file after closing the file is refused', async () => {
    const a = openWindow('window-a');
    const path = await create(a, join(env.projects, 'Wijk.wijkweb'));
    await a.h['wijkweb:close-project-file'](path);
    expect(errorCode(await a.h['wijkweb:save-project-file'](path, changed))).toBe('project.geen-project-open');
    expect(fileEquals(path, original)).toBe(true);
  });

  it('open-recent-project for a path not in the recent list is refused, even if the file exists', async () => {
    const a = openWindow('window-a');
    const path = join(env.projects, 'Bestaand.wijkweb');
    writeFileSync(path, original);
    expect(errorCode(await a.h['wijkweb:open-recent-project'](path))).toBe('bestand.niet-gevonden');
    expect(errorCode(await a.h['wijkweb:open-recent-project']('/etc/passwd'))).toBe('bestand.niet-gevonden');
    expect(existsSync(lockPathFor(path))).toBe(false);
    expect(await a.h['wijkweb:list-recent-projects']()).toEqual([]);
    expect(errorCode(await a.h['wijkweb:save-project-file'](path, changed))).toBe('project.geen-project-open');
    expect(fileEquals(path, original)).toBe(true);
  });

  it('a forgotten recent project can no longer be opened by path', async () => {
    const a = openWindow('window-a');
    const path = await create(a, join(env.projects, 'Wijk.wijkweb'));
    await a.h['wijkweb:close-project-file'](path);
    await a.h['wijkweb:forget-recent-project'](path);
    expect(await a.h['wijkweb:list-recent-projects']()).toEqual([]);
    const b = openWindow('window-b');
    expect(errorCode(await b.h['wijkweb:open-recent-project'](path))).toBe('bestand.niet-gevonden');
  });

  it('list-backups and read-backup for an invented path give nothing', async () => {
    const a = openWindow('window-a');
    const other = openWindow('window-other');
    const path = await create(other, join(env.projects, 'Wijk.wijkweb'));
    okValue(await other.h['wijkweb:save-project-file'](path, changed));
    const backups = await other.h['wijkweb:list-backups'](path);
    expect(backups).toHaveLength(1);
    expect(await a.h['wijkweb:list-backups'](join(env.projects, 'Verzonnen.wijkweb'))).toEqual([]);
    expect(await a.h['wijkweb:list-backups'](path)).toEqual([]);
    expect(errorCode(await a.h['wijkweb:read-backup']('/etc/passwd', backups[0]?.id ?? ''))).toBe(
      'reservekopie.niet-gevonden',
    );
  });
});

describe('createBridgeHandlers: save as, copies and backups', () => {
  it('save-project-file-as moves to the new path; the old file stays as it was and is no longer writable', async () => {
    const a = openWindow('window-a');
    const oldPath = await create(a, join(env.projects, 'Oud.wijkweb'));
    const newPath = join(env.projects, 'Nieuw.wijkweb');
    a.willSaveTo(join(env.projects, 'Nieuw'));
    const ref = okValue(await a.h['wijkweb:save-project-file-as'](oldPath, changed, 'Nieuw.wijkweb'));
    expect(ref).toEqual({ id: newPath, fileName: 'Nieuw.wijkweb' });
    expect(a.dialogs.chooseSavePath).toHaveBeenLastCalledWith('Nieuw.wijkweb');
    expect(fileEquals(newPath, changed)).toBe(true);
    expect(fileEquals(oldPath, original)).toBe(true);
    expect(existsSync(lockPathFor(newPath))).toBe(true);
    expect(errorCode(await a.h['wijkweb:save-project-file'](oldPath, third))).toBe('project.geen-project-open');
    expect(fileEquals(oldPath, original)).toBe(true);
    okValue(await a.h['wijkweb:save-project-file'](newPath, third));
    expect(fileEquals(newPath, third)).toBe(true);
    const recent = await a.h['wijkweb:list-recent-projects']();
    expect(recent[0]?.ref.id).toBe(newPath);
  });

  it('save-project-file-as releases the lock of the old path', async () => {
    const a = openWindow('window-a');
    const oldPath = await create(a, join(env.projects, 'Oud.wijkweb'));
    a.willSaveTo(join(env.projects, 'Nieuw.wijkweb'));
    okValue(await a.h['wijkweb:save-project-file-as'](oldPath, changed, 'Nieuw.wijkweb'));
    expect(existsSync(lockPathFor(oldPath))).toBe(false);
    const b = openWindow('window-b');
    expect(okValue(await b.h['wijkweb:open-recent-project'](oldPath)).readOnly).toBe(false);
  });

  it('save-project-file-as onto its own path saves in place', async () => {
    const a = openWindow('window-a');
    const path = await create(a, join(env.projects, 'Wijk.wijkweb'));
    a.willSaveTo(path);
    expect(okValue(await a.h['wijkweb:save-project-file-as'](path, changed, 'Wijk.wijkweb'))?.id).toBe(path);
    expect(fileEquals(path, changed)).toBe(true);
    expect(existsSync(lockPathFor(path))).toBe(true);
    okValue(await a.h['wijkweb:save-project-file'](path, third));
  });

  it('save-project-file-as onto another file open in the same window is refused', async () => {
    const a = openWindow('window-a');
    const first = await create(a, join(env.projects, 'Een.wijkweb'));
    const second = await create(a, join(env.projects, 'Twee.wijkweb'), changed);
    a.willSaveTo(second);
    expect(errorCode(await a.h['wijkweb:save-project-file-as'](first, third, 'Twee.wijkweb'))).toBe(
      'bestand.in-gebruik',
    );
    expect(fileEquals(second, changed)).toBe(true);
    okValue(await a.h['wijkweb:save-project-file'](first, third));
  });

  it('save-copy writes a copy and keeps working in the current file', async () => {
    const a = openWindow('window-a');
    const path = await create(a, join(env.projects, 'Wijk.wijkweb'));
    const copy = join(env.projects, 'Kopie.wijkweb');
    a.willSaveTo(join(env.projects, 'Kopie'));
    expect(okValue(await a.h['wijkweb:save-copy'](changed, 'Kopie.wijkweb'))).toBe(true);
    expect(fileEquals(copy, changed)).toBe(true);
    expect(existsSync(lockPathFor(copy))).toBe(false);
    expect(errorCode(await a.h['wijkweb:save-project-file'](copy, third))).toBe('project.geen-project-open');
    okValue(await a.h['wijkweb:save-project-file'](path, third));
  });

  it('save-copy onto a file open in the same window is refused', async () => {
    const a = openWindow('window-a');
    const path = await create(a, join(env.projects, 'Wijk.wijkweb'));
    a.willSaveTo(path);
    expect(errorCode(await a.h['wijkweb:save-copy'](changed, 'Wijk.wijkweb'))).toBe('bestand.in-gebruik');
    expect(fileEquals(path, original)).toBe(true);
  });

  it('list-backups after two saves shows a backup of the previous version, and read-backup returns it', async () => {
    const a = openWindow('window-a');
    const path = await create(a, join(env.projects, 'Wijk.wijkweb'));
    expect(await a.h['wijkweb:list-backups'](path)).toEqual([]);
    const first = okValue(await a.h['wijkweb:save-project-file'](path, changed));
    expect(first.backupMade).toBe(true);
    const second = okValue(await a.h['wijkweb:save-project-file'](path, third));
    expect(second.bytes).toBe(third.byteLength);
    const backups = await a.h['wijkweb:list-backups'](path);
    expect(backups.length).toBeGreaterThanOrEqual(1);
    const oldest = backups[backups.length - 1];
    expect(oldest?.reason).toBe('periodiek');
    expect(oldest?.bytes).toBe(original.byteLength);
    const bytes = okValue(await a.h['wijkweb:read-backup'](path, oldest?.id ?? ''));
    expect(Buffer.from(bytes).equals(Buffer.from(original))).toBe(true);
    // backups live in the app's data folder, never next to the project
    expect(readdirSync(env.projects).sort()).toEqual(['Wijk.wijkweb', 'Wijk.wijkweb.lock']);
  });

  it('a backup with an explicit reason is always made', async () => {
    const a = openWindow('window-a');
    const path = await create(a, join(env.projects, 'Wijk.wijkweb'));
    okValue(await a.h['wijkweb:save-project-file'](path, changed));
    const info = okValue(await a.h['wijkweb:save-project-file'](path, third, 'voor-migratie'));
    expect(info.backupMade).toBe(true);
    const reasons = (await a.h['wijkweb:list-backups'](path)).map((b) => b.reason);
    expect(reasons).toContain('voor-migratie');
  });

  it('read-backup with an id that is not in the list fails', async () => {
    const a = openWindow('window-a');
    const path = await create(a, join(env.projects, 'Wijk.wijkweb'));
    okValue(await a.h['wijkweb:save-project-file'](path, changed));
    for (const id of ['2020-01-01T00-00-00-000Z_periodiek.wijkweb', 'niet-bestaand', '..', '.', 'Wijk.wijkweb']) {
      expect(errorCode(await a.h['wijkweb:read-backup'](path, id))).toBe('reservekopie.niet-gevonden');
    }
  });
});

describe('createBridgeHandlers: cancelled dialogs', () => {
  it('a cancelled create returns ok(null) and writes nothing', async () => {
    const a = openWindow('window-a');
    a.willSaveTo(null);
    expect(await a.h['wijkweb:create-project-file']('Wijk.wijkweb', original)).toEqual({ ok: true, value: null });
    expect(readdirSync(env.projects)).toEqual([]);
  });

  it('a cancelled open returns ok(null)', async () => {
    const a = openWindow('window-a');
    a.willOpen(null);
    expect(await a.h['wijkweb:open-project-file']()).toEqual({ ok: true, value: null });
  });

  it('a cancelled "save as" returns ok(null) and keeps the current file open', async () => {
    const a = openWindow('window-a');
    const path = await create(a, join(env.projects, 'Wijk.wijkweb'));
    a.willSaveTo(null);
    expect(await a.h['wijkweb:save-project-file-as'](path, changed, 'Nieuw.wijkweb')).toEqual({
      ok: true,
      value: null,
    });
    expect(fileEquals(path, original)).toBe(true);
    expect(existsSync(lockPathFor(path))).toBe(true);
    okValue(await a.h['wijkweb:save-project-file'](path, changed));
  });

  it('a cancelled copy returns ok(false) and writes nothing', async () => {
    const a = openWindow('window-a');
    a.willSaveTo(null);
    expect(await a.h['wijkweb:save-copy'](original, 'Kopie.wijkweb')).toEqual({ ok: true, value: false });
    expect(readdirSync(env.projects)).toEqual([]);
  });
});

describe('createBridgeHandlers: the lock file', () => {
  it('exists while the file is open and is gone after close', async () => {
    const a = openWindow('window-a');
    const path = await create(a, join(env.projects, 'Wijk.wijkweb'));
    expect(existsSync(lockPathFor(path))).toBe(true);
    const info: unknown = JSON.parse(readFileSync(lockPathFor(path), 'utf8'));
    expect(info).toMatchObject({ app: 'wijkweb', pid: process.pid, host: 'test-host' });
    await a.h['wijkweb:close-project-file'](path);
    expect(existsSync(lockPathFor(path))).toBe(false);
    expect(fileEquals(path, original)).toBe(true);
  });

  it('releaseAll releases every file the window has open', async () => {
    const a = openWindow('window-a');
    const one = await create(a, join(env.projects, 'Een.wijkweb'));
    const two = await create(a, join(env.projects, 'Twee.wijkweb'));
    await a.h.releaseAll();
    expect(existsSync(lockPathFor(one))).toBe(false);
    expect(existsSync(lockPathFor(two))).toBe(false);
  });

  it('heartbeat refreshes the lock of writable files only', async () => {
    const a = openWindow('window-a');
    const b = openWindow('window-b');
    const path = await create(a, join(env.projects, 'Wijk.wijkweb'));
    okValue(await b.h['wijkweb:open-recent-project'](path));
    const old = new Date(Date.now() - 120_000);
    utimesSync(lockPathFor(path), old, old);
    await b.h.heartbeat();
    expect(statSync(lockPathFor(path)).mtimeMs).toBeLessThan(Date.now() - 60_000);
    await a.h.heartbeat();
    expect(statSync(lockPathFor(path)).mtimeMs).toBeGreaterThan(Date.now() - 60_000);
  });
});

describe('createBridgeHandlers: working copies (the voorbeeldproject)', () => {
  const NAME = 'Voorbeeldproject Enschede West.wijkweb';

  it('stores the project in the data folder without a dialog: locked, remembered, open and writable', async () => {
    const a = openWindow('window-a');
    const opened = okValue(await a.h['wijkweb:create-working-copy'](NAME, original));
    const path = join(env.dataDir, 'projecten', NAME);
    expect(opened.ref).toEqual({ id: path, fileName: NAME });
    expect(opened.readOnly).toBe(false);
    expect(Buffer.from(opened.bytes).equals(Buffer.from(original))).toBe(true);
    expect(a.dialogs.chooseSavePath).not.toHaveBeenCalled();
    expect(fileEquals(path, original)).toBe(true);
    expect(existsSync(lockPathFor(path))).toBe(true);
    expect(existsSync(`${path}.tmp`)).toBe(false);
    const recent = await a.h['wijkweb:list-recent-projects']();
    expect(recent[0]?.ref).toEqual({ id: path, fileName: NAME });
    okValue(await a.h['wijkweb:save-project-file'](path, changed));
    expect(fileEquals(path, changed)).toBe(true);
    // Like any file: another window may only look; after closing it opens writable again.
    const b = openWindow('window-b');
    expect(okValue(await b.h['wijkweb:open-recent-project'](path)).readOnly).toBe(true);
    await a.h['wijkweb:close-project-file'](path);
    expect(existsSync(lockPathFor(path))).toBe(false);
    expect(okValue(await a.h['wijkweb:open-recent-project'](path)).readOnly).toBe(false);
  });

  it('never overwrites: the next copies are "(2)", "(3)", also from another window', async () => {
    const a = openWindow('window-a');
    const b = openWindow('window-b');
    const first = okValue(await a.h['wijkweb:create-working-copy'](NAME, original));
    const second = okValue(await a.h['wijkweb:create-working-copy'](NAME, changed));
    const last = okValue(await b.h['wijkweb:create-working-copy'](NAME, third));
    expect([first.ref.fileName, second.ref.fileName, last.ref.fileName]).toEqual([
      NAME,
      'Voorbeeldproject Enschede West (2).wijkweb',
      'Voorbeeldproject Enschede West (3).wijkweb',
    ]);
    expect(fileEquals(first.ref.id, original)).toBe(true);
    expect(fileEquals(second.ref.id, changed)).toBe(true);
    expect(readdirSync(join(env.dataDir, 'projecten')).filter((f) => f.endsWith('.wijkweb'))).toHaveLength(3);
  });

  it('skips a name whose lock another process holds, even without the file', async () => {
    const dir = join(env.dataDir, 'projecten');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      lockPathFor(join(dir, NAME)),
      JSON.stringify({ app: 'wijkweb', pid: 999_999, host: 'test-host', since: new Date().toISOString() }),
    );
    const a = openWindow('window-a');
    expect(okValue(await a.h['wijkweb:create-working-copy'](NAME, original)).ref.fileName).toBe(
      'Voorbeeldproject Enschede West (2).wijkweb',
    );
  });

  it('adds the extension, and stays inside its folder whatever the name', async () => {
    const a = openWindow('window-a');
    expect(okValue(await a.h['wijkweb:create-working-copy']('Voorbeeld', original)).ref.fileName).toBe(
      'Voorbeeld.wijkweb',
    );
    const dots = okValue(await a.h['wijkweb:create-working-copy']('..', original));
    expect(dots.ref.id).toBe(join(env.dataDir, 'projecten', '...wijkweb'));
  });

  it('refuses bytes that are not a Wijkweb project: nothing written, no lock, not remembered', async () => {
    const a = openWindow('window-a');
    const r = await a.h['wijkweb:create-working-copy'](NAME, new Uint8Array(4096).fill(7));
    expect(errorCode(r)).toBe('opslaan.controle-mislukt');
    const dir = join(env.dataDir, 'projecten');
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
    expect(await a.h['wijkweb:list-recent-projects']()).toEqual([]);
  });

  it('numberedName puts the number before the extension', () => {
    expect(numberedName('a.wijkweb', 1)).toBe('a.wijkweb');
    expect(numberedName('a.wijkweb', 2)).toBe('a (2).wijkweb');
    expect(numberedName('a', 3)).toBe('a (3).wijkweb');
    expect(numberedName('a.WIJKWEB', 2)).toBe('a (2).WIJKWEB');
  });
});

describe('createBridgeHandlers: small channels', () => {
  it('print-pdf hands the page and the name to the printer and returns its answer', async () => {
    const w = openWindow('w');
    expect(await w.h['wijkweb:print-pdf']('<p>x</p>', 'Rapport.pdf')).toEqual({ ok: true, value: true });
    expect(w.printPdf).toHaveBeenCalledWith('<p>x</p>', 'Rapport.pdf');
  });

  it('platform returns the platform info', async () => {
    expect(await openWindow('w').h['wijkweb:platform']()).toEqual(PLATFORM);
  });

  it('confirm-close calls onConfirmClose', async () => {
    const w = openWindow('w');
    await w.h['wijkweb:confirm-close']();
    expect(w.onConfirmClose).toHaveBeenCalledTimes(1);
  });

  it('withExtension adds .wijkweb once, whatever its case', () => {
    expect(withExtension('/p/a')).toBe('/p/a.wijkweb');
    expect(withExtension('/p/a.wijkweb')).toBe('/p/a.wijkweb');
    expect(withExtension('/p/a.WIJKWEB')).toBe('/p/a.WIJKWEB');
    expect(withExtension('/p/a.wijkweb.bak')).toBe('/p/a.wijkweb.bak.wijkweb');
  });
});
