/**
 * The preload: exposes the bridge as `window.wijkweb` (named functions only; see bridge-client.ts).
 * Sandboxed: it may only import 'electron' at run time; esbuild bundles the rest into preload.cjs.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { BridgeApi } from '../shared/contract';
import { createBridgeClient } from './bridge-client';

const api = createBridgeClient(ipcRenderer) satisfies BridgeApi;
contextBridge.exposeInMainWorld('wijkweb', { ...api });
