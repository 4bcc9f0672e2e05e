import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC, MENU_COMMANDS, type BridgeApi, type MenuCommand } from '../shared/contract';

/** Named functions only, never ipcRenderer itself or a generic invoke (security checklist 20). */
const api = {
  platform: () => ipcRenderer.invoke(IPC.platform),
  createProjectFile: (suggestedName, bytes) => ipcRenderer.invoke(IPC.createProjectFile, suggestedName, bytes),
  openProjectFile: () => ipcRenderer.invoke(IPC.openProjectFile),
  openRecentProject: (id) => ipcRenderer.invoke(IPC.openRecentProject, id),
  listRecentProjects: () => ipcRenderer.invoke(IPC.listRecentProjects),
  forgetRecentProject: (id) => ipcRenderer.invoke(IPC.forgetRecentProject, id),
  saveProjectFile: (id, bytes, backupReason) => ipcRenderer.invoke(IPC.saveProjectFile, id, bytes, backupReason),
  saveProjectFileAs: (currentId, bytes, suggestedName) =>
    ipcRenderer.invoke(IPC.saveProjectFileAs, currentId, bytes, suggestedName),
  saveCopy: (bytes, suggestedName) => ipcRenderer.invoke(IPC.saveCopy, bytes, suggestedName),
  closeProjectFile: (id) => ipcRenderer.invoke(IPC.closeProjectFile, id),
  listBackups: (id) => ipcRenderer.invoke(IPC.listBackups, id),
  readBackup: (id, backupId) => ipcRenderer.invoke(IPC.readBackup, id, backupId),
  onMenuCommand: (listener) => {
    const wrapped = (_e: IpcRendererEvent, command: unknown) => {
      if ((MENU_COMMANDS as readonly unknown[]).includes(command)) listener(command as MenuCommand);
    };
    ipcRenderer.on(IPC.menuCommand, wrapped);
    return () => ipcRenderer.removeListener(IPC.menuCommand, wrapped);
  },
  onCloseRequested: (listener) => {
    const wrapped = () => listener();
    ipcRenderer.on(IPC.closeRequested, wrapped);
    return () => ipcRenderer.removeListener(IPC.closeRequested, wrapped);
  },
  confirmClose: () => ipcRenderer.invoke(IPC.confirmClose),
  onOpenRequested: (listener) => {
    const wrapped = (_e: IpcRendererEvent, id: unknown) => {
      if (typeof id === 'string') listener(id);
    };
    ipcRenderer.on(IPC.openRequested, wrapped);
    return () => ipcRenderer.removeListener(IPC.openRequested, wrapped);
  },
} satisfies BridgeApi;

contextBridge.exposeInMainWorld('wijkweb', api);
