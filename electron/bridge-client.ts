import { IPC, MENU_COMMANDS, type BridgeApi, type MenuCommand } from '../shared/contract';

/** The renderer side of the desktop bridge, on any invoke/on pair (the preload passes ipcRenderer's). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): void;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): void;
}

function subscribe(ipc: IpcRendererLike, channel: string, handle: (payload: unknown) => void): () => void {
  const wrapped = (_event: unknown, payload?: unknown) => handle(payload);
  ipc.on(channel, wrapped);
  return () => ipc.removeListener(channel, wrapped);
}

/** Named functions only, one per channel: never a generic invoke (security checklist 20). */
export function createBridgeClient(ipc: IpcRendererLike): BridgeApi {
  const call = <T>(channel: string, ...args: unknown[]) => ipc.invoke(channel, ...args) as Promise<T>;
  return {
    platform: () => call(IPC.platform),
    createProjectFile: (suggestedName, bytes) => call(IPC.createProjectFile, suggestedName, bytes),
    openProjectFile: () => call(IPC.openProjectFile),
    openRecentProject: (id) => call(IPC.openRecentProject, id),
    listRecentProjects: () => call(IPC.listRecentProjects),
    forgetRecentProject: (id) => call(IPC.forgetRecentProject, id),
    saveProjectFile: (id, bytes, backupReason) =>
      backupReason === undefined
        ? call(IPC.saveProjectFile, id, bytes)
        : call(IPC.saveProjectFile, id, bytes, backupReason),
    saveProjectFileAs: (currentId, bytes, suggestedName) =>
      call(IPC.saveProjectFileAs, currentId, bytes, suggestedName),
    saveCopy: (bytes, suggestedName) => call(IPC.saveCopy, bytes, suggestedName),
    closeProjectFile: (id) => call(IPC.closeProjectFile, id),
    listBackups: (id) => call(IPC.listBackups, id),
    readBackup: (id, backupId) => call(IPC.readBackup, id, backupId),
    confirmClose: () => call(IPC.confirmClose),
    printPdf: (html, suggestedName) => call(IPC.printPdf, html, suggestedName),
    createWorkingCopy: (fileName, bytes) => call(IPC.createWorkingCopy, fileName, bytes),
    onMenuCommand: (listener) =>
      subscribe(ipc, IPC.menuCommand, (command) => {
        if ((MENU_COMMANDS as readonly unknown[]).includes(command)) listener(command as MenuCommand);
      }),
    onCloseRequested: (listener) => subscribe(ipc, IPC.closeRequested, () => listener()),
    onOpenRequested: (listener) =>
      subscribe(ipc, IPC.openRequested, (id) => {
        if (typeof id === 'string') listener(id);
      }),
  };
}
