/**
 * Electron main: window, menu, dialogs, the app:// protocol and IPC wiring. Thin on purpose: the logic lives in
 * plain modules (window-options, security, app-protocol, ipc, handlers, menu, recent and node/*) that are
 * unit-tested in Node. Untrusted files are never parsed here; the renderer's worker does that.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell } from 'electron';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IPC, type MenuCommand } from '../shared/contract';
import { looksLikeProjectFile } from '../shared/db/file-header';
import { APP_VERSION } from '../shared/version';
import { atomicWrite } from '../node/atomic-write';
import { nodeFs } from '../node/fs';
import { HEARTBEAT_MS, processIsAlive } from '../node/lock';
import { createFileStore } from '../node/project-files';
import { backupRootIn } from '../node/paths';
import { resolveAppRequest } from './app-protocol';
import { createBridgeHandlers, workingCopyDirIn } from './handlers';
import { registerHandlers } from './ipc';
import { buildMenuTemplate } from './menu';
import {
  createPdfPrinter,
  createPrintRequestGate,
  isPdf,
  nodePrintTemp,
  PRINT_PARTITION,
  printWindowOptions,
  type PdfWindow,
} from './print';
import { addRecent, createRecentStore } from './recent';
import {
  APP_ORIGIN,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  isAllowedExternal,
  isAllowedNavigation,
  isTrustedSenderUrl,
} from './security';
import { windowOptions } from './window-options';

const devServer = process.env.WIJKWEB_DEV_SERVER && !app.isPackaged ? process.env.WIJKWEB_DEV_SERVER : undefined;
const devOrigin = devServer ? new URL(devServer).origin : undefined;

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);

let mainWindow: BrowserWindow | null = null;
let closeConfirmed = false;

function sendToRenderer(channel: string, payload?: unknown) {
  mainWindow?.webContents.send(channel, payload);
}

/** The print window's session: in memory, no permissions, and only data: and the page being printed may load. */
const printGate = createPrintRequestGate();
let printSessionReady = false;
function preparePrintSession() {
  if (printSessionReady) return;
  printSessionReady = true;
  const ses = session.fromPartition(PRINT_PARTITION);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !printGate.isAllowed(details.url) }));
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
}

function createPdfWindow(allowedUrl: string): PdfWindow {
  preparePrintSession();
  const revoke = printGate.allow(allowedUrl);
  // Hidden, no preload, scripts off, sandboxed, its own partition: printWindowOptions in print.ts, unit-tested value
  // by value; the static scanner cannot follow the call, hence the waiver on this line.
  const win = new BrowserWindow(printWindowOptions()); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
  return {
    load: (url) => win.loadURL(url),
    async printToPdf(options) {
      const buf = await win.webContents.printToPDF(options);
      return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    },
    close() {
      revoke();
      if (!win.isDestroyed()) win.destroy();
    },
  };
}

function projectPathFromArgv(argv: readonly string[]): string | undefined {
  return argv.slice(1).find((a) => a.toLowerCase().endsWith('.wijkweb') && !a.startsWith('-'));
}

async function createWindow() {
  const dataDir = app.getPath('userData');
  const recent = createRecentStore(nodeFs, dataDir);
  const handlers = createBridgeHandlers({
    store: createFileStore({
      fs: nodeFs,
      backupRoot: backupRootIn(dataDir),
      now: () => new Date(),
      verify: looksLikeProjectFile,
    }),
    workingCopies: { fs: nodeFs, dir: workingCopyDirIn(dataDir) },
    printPdf: createPdfPrinter({
      createWindow: createPdfWindow,
      temp: nodePrintTemp,
      async chooseSavePath(suggestedName) {
        const r = await dialog.showSaveDialog(mainWindow!, {
          title: 'PDF opslaan',
          defaultPath: join(app.getPath('documents'), suggestedName),
          filters: [{ name: 'PDF-document', extensions: ['pdf'] }],
          properties: ['createDirectory', 'showOverwriteConfirmation'],
        });
        return r.canceled || !r.filePath ? null : r.filePath;
      },
      write: (path, bytes) => atomicWrite(nodeFs, path, bytes, { verify: isPdf }),
    }),
    lock: {
      fs: nodeFs,
      pid: process.pid,
      host: hostname(),
      now: () => new Date(),
      isPidAlive: processIsAlive,
      owner: randomUUID(),
    },
    recent,
    dialogs: {
      async chooseSavePath(suggestedName) {
        const r = await dialog.showSaveDialog(mainWindow!, {
          title: 'Project opslaan',
          defaultPath: join(app.getPath('documents'), suggestedName),
          filters: [{ name: 'Wijkweb-project', extensions: ['wijkweb'] }],
          properties: ['createDirectory', 'showOverwriteConfirmation'],
        });
        return r.canceled || !r.filePath ? null : r.filePath;
      },
      async chooseOpenPath() {
        const r = await dialog.showOpenDialog(mainWindow!, {
          title: 'Project openen',
          filters: [{ name: 'Wijkweb-project', extensions: ['wijkweb'] }],
          properties: ['openFile'],
        });
        return r.canceled ? null : (r.filePaths[0] ?? null);
      },
    },
    now: () => new Date(),
    platform: {
      kind: 'desktop',
      backupLocation: backupRootIn(dataDir),
      appVersion: APP_VERSION,
      newProjectStorage: 'bestand',
      canUseFiles: true,
    },
    onConfirmClose: () => {
      closeConfirmed = true;
      mainWindow?.close();
    },
  });
  registerHandlers(ipcMain, handlers, (url) => isTrustedSenderUrl(url, devOrigin));
  const heartbeat = setInterval(() => void handlers.heartbeat(), HEARTBEAT_MS);
  app.on('before-quit', () => {
    clearInterval(heartbeat);
    void handlers.releaseAll();
  });

  // A project file given on the command line (file association): grant it through the recent list, then ask
  // the renderer to open it.
  const argPath = projectPathFromArgv(process.argv);
  if (argPath) await recent.save(addRecent(await recent.load(), argPath, new Date().toISOString()));

  // The web preferences are decided in window-options.ts and unit-tested value by value; the static scanner
  // cannot follow the call, hence the waiver on this line.
  const options = windowOptions(join(__dirname, 'preload.cjs'));
  mainWindow = new BrowserWindow(options); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
  const wc = mainWindow.webContents;
  wc.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, devOrigin)) event.preventDefault();
  });
  wc.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, devOrigin)) event.preventDefault();
  });
  wc.on('will-attach-webview', (event) => event.preventDefault());
  wc.setWindowOpenHandler(({ url }) => {
    // Only https/mailto links to an allowlist of hosts (isAllowedExternal, unit-tested).
    if (isAllowedExternal(url)) void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
    return { action: 'deny' };
  });
  mainWindow.on('close', (event) => {
    if (closeConfirmed) return;
    event.preventDefault();
    sendToRenderer(IPC.closeRequested);
    // If the page does not answer (hung), close anyway after 15 s; the last autosave is on disk.
    setTimeout(() => {
      closeConfirmed = true;
      mainWindow?.close();
    }, 15_000).unref();
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());

  const send = (command: MenuCommand) => sendToRenderer(IPC.menuCommand, command);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate(send, process.platform === 'darwin', () => void shell.openExternal('https://www.cbs.nl/')),
    ),
  );
  await mainWindow.loadURL(devServer ?? `${APP_ORIGIN}/index.html`);
  if (argPath) sendToRenderer(IPC.openRequested, argPath);
}

app.enableSandbox();
app.whenReady().then(async () => {
  const root = join(__dirname, '..', 'dist');
  protocol.handle(APP_SCHEME, async (request) => {
    const decision = resolveAppRequest(root, request.url);
    if (decision.status !== 200) return new Response(null, { status: decision.status, headers: decision.headers });
    const file = await net.fetch(pathToFileURL(decision.path).toString());
    return new Response(file.body, { status: 200, headers: decision.headers });
  });
  // The app:// handler sends the CSP with every response; this adds it to anything else the session loads.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      // The policy is the constant of security.ts (tested there and in e2e); the scanner only reads literals.
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] }, // eng-disable CSP_JS_CHECK
    });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  await createWindow();
});

app.on('window-all-closed', () => app.quit());
app.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, devOrigin)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});
