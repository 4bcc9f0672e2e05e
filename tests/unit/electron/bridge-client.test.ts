import { describe, expect, it, vi } from 'vitest';
import { createBridgeClient, type IpcRendererLike } from '../../../electron/bridge-client';
import { IPC, type BridgeApi } from '../../../shared/contract';
import { IPC_SCHEMAS } from '../../../shared/ipc-schemas';

function client() {
  const invoke = vi.fn(async (channel: string, ...args: unknown[]) => ({ channel, args }));
  const ipc: IpcRendererLike = { invoke, on: vi.fn(), removeListener: vi.fn() };
  return { api: createBridgeClient(ipc), invoke };
}

const bytes = new Uint8Array([1, 2, 3]);

/** Every invoke method, called with sample arguments, and the channel and arguments it must send. */
const CALLS: {
  [K in keyof BridgeApi]?: [(api: BridgeApi) => Promise<unknown>, string, readonly unknown[]];
} = {
  platform: [(a) => a.platform(), IPC.platform, []],
  createProjectFile: [(a) => a.createProjectFile('W.wijkweb', bytes), IPC.createProjectFile, ['W.wijkweb', bytes]],
  openProjectFile: [(a) => a.openProjectFile(), IPC.openProjectFile, []],
  openRecentProject: [(a) => a.openRecentProject('/p/W.wijkweb'), IPC.openRecentProject, ['/p/W.wijkweb']],
  listRecentProjects: [(a) => a.listRecentProjects(), IPC.listRecentProjects, []],
  forgetRecentProject: [(a) => a.forgetRecentProject('/p/W.wijkweb'), IPC.forgetRecentProject, ['/p/W.wijkweb']],
  saveProjectFile: [(a) => a.saveProjectFile('/p/W.wijkweb', bytes), IPC.saveProjectFile, ['/p/W.wijkweb', bytes]],
  saveProjectFileAs: [
    (a) => a.saveProjectFileAs(null, bytes, 'N.wijkweb'),
    IPC.saveProjectFileAs,
    [null, bytes, 'N.wijkweb'],
  ],
  saveCopy: [(a) => a.saveCopy(bytes, 'K.wijkweb'), IPC.saveCopy, [bytes, 'K.wijkweb']],
  closeProjectFile: [(a) => a.closeProjectFile('/p/W.wijkweb'), IPC.closeProjectFile, ['/p/W.wijkweb']],
  listBackups: [(a) => a.listBackups('/p/W.wijkweb'), IPC.listBackups, ['/p/W.wijkweb']],
  readBackup: [(a) => a.readBackup('/p/W.wijkweb', 'b1'), IPC.readBackup, ['/p/W.wijkweb', 'b1']],
  printPdf: [(a) => a.printPdf('<p>x</p>', 'Rapport.pdf'), IPC.printPdf, ['<p>x</p>', 'Rapport.pdf']],
  createWorkingCopy: [
    (a) => a.createWorkingCopy('Voorbeeld.wijkweb', bytes),
    IPC.createWorkingCopy,
    ['Voorbeeld.wijkweb', bytes],
  ],
  confirmClose: [(a) => a.confirmClose(), IPC.confirmClose, []],
};

describe('createBridgeClient', () => {
  it('is an object of named functions only, one per BridgeApi method', () => {
    const { api } = client();
    for (const [name, value] of Object.entries(api)) expect(typeof value, name).toBe('function');
    expect(Object.keys(api)).toContain('printPdf');
    expect(Object.keys(api)).toContain('createWorkingCopy');
  });

  it('covers every invoke channel of IPC_SCHEMAS', () => {
    expect(
      Object.values(CALLS)
        .map((c) => c![1])
        .sort(),
    ).toEqual(Object.keys(IPC_SCHEMAS).sort());
  });

  it.each(Object.entries(CALLS))('%s invokes its own channel with its arguments', async (_name, call) => {
    const { api, invoke } = client();
    const [run, channel, args] = call!;
    await expect(run(api)).resolves.toEqual({ channel, args });
    expect(invoke).toHaveBeenCalledTimes(1);
  });
});
