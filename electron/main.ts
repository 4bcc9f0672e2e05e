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
import { isSavableProjectFile } from '../shared/db/file-header';
import { LATEST_SCHEMA_VERSION } from '../shared/db/migrations';
import { APP_VERSION } from '../shared/version';
import { atomicWrite } from '../node/atomic-write';
import { nodeFs } from '../node/fs';
import { HEARTBEAT_MS, processIsAlive } from '../node/lock';
import { createFileStore } from '../node/project-files';
import { backupRootIn } from '../node/paths';
import { resolveAppRequest } from './app-protocol';
import { createSecondStartHandler, nodeArgvFs, projectFromArgv, validProjectPath } from './argv';
import { denyAllPermissions, guardNavigation } from './guards';
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
import { APP_ORIGIN, APP_SCHEME, CONTENT_SECURITY_POLICY, isTrustedSenderUrl, openExternalIfAllowed } from './security';
import { openWindow, windowOptions } from './window-options';

const devServer = process.env.WIJKWEB_DEV_SERVER && !app.isPackaged ? process.env.WIJKWEB_DEV_SERVER : undefined;
const devOrigin = devServer ? new URL(devServer).origin : undefined;

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);

let mainWindow: BrowserWindow | null = null;
let closeConfirmed = false;

/**
 * One Wijkweb at a time: a second start (double-clicking another .wijkweb) hands its command line to this one,
 * which comes to the front and opens the file (createSecondStartHandler). Two processes would each take locks and
 * keep their own recent list.
 */
const firstInstance = app.requestSingleInstanceLock();
if (!firstInstance) app.quit();

/** A project path waiting for the window (a second start or a macOS open-file before the page has loaded). */
let pendingOpen: string | null = null;
let pageLoaded = false;
const recentStore = () => createRecentStore(nodeFs, app.getPath('userData'));
const openInWindow = createSecondStartHandler({
  find: (argv, cwd) => projectFromArgv(nodeArgvFs, argv, cwd),
  remember: async (path) => {
    const recent = recentStore();
    await recent.save(addRecent(await recent.load(), path, new Date().toISOString()));
  },
  focus: () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  },
  open: (path) => {
    if (pageLoaded) sendToRenderer(IPC.openRequested, path);
    else pendingOpen = path;
  },
});
app.on('second-instance', (_event, argv, workingDirectory) => void openInWindow(argv, workingDirectory));
// macOS hands files to a running app as an event, not on the command line.
app.on('open-file', (event, path) => {
  event.preventDefault();
  void validProjectPath(nodeArgvFs, path, process.cwd()).then((real) => real && openInWindow(['', real], '/'));
});

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
  denyAllPermissions(ses);
}

function createPdfWindow(allowedUrl: string): PdfWindow {
  preparePrintSession();
  const revoke = printGate.allow(allowedUrl);
  // Hidden, no preload, sandboxed, its own partition: printWindowOptions in print.ts, made like every window.
  const win = openWindow(BrowserWindow, printWindowOptions());
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

async function createWindow() {
  const dataDir = app.getPath('userData');
  const recent = createRecentStore(nodeFs, dataDir);
  const handlers = createBridgeHandlers({
    store: createFileStore({
      fs: nodeFs,
      backupRoot: backupRootIn(dataDir),
      now: () => new Date(),
      // Main never parses project bytes with SQLite; it checks the header field by field (file-header.ts).
      verify: (bytes) => isSavableProjectFile(bytes, LATEST_SCHEMA_VERSION),
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

  // A project file given on the command line (file association): only a real Wijkweb project (an existing regular
  // file, by its real path, with the SQLite header and our application_id; argv.ts) is granted through the recent
  // list; then the renderer is asked to open it.
  const argPath = await projectFromArgv(nodeArgvFs, process.argv, process.cwd());
  if (argPath) await recent.save(addRecent(await recent.load(), argPath, new Date().toISOString()));

  // The web preferences are decided in window-options.ts, the same for every window (openWindow; unit-tested).
  mainWindow = openWindow(BrowserWindow, windowOptions(join(__dirname, 'preload.cjs')));
  const wc = mainWindow.webContents;
  // Navigation, redirects, frames and webviews are guarded for every webContents (web-contents-created below); this
  // window also lets a link open in the user's browser, only https/mailto to the allowlist (unit-tested).
  guardNavigation(wc, { devOrigin, onWindowOpen: (url) => openExternalIfAllowed(url, shell.openExternal.bind(shell)) });
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
  pageLoaded = true;
  const first = argPath ?? pendingOpen;
  pendingOpen = null;
  if (first) sendToRenderer(IPC.openRequested, first);
}

app.enableSandbox();
if (firstInstance)
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
        // The one waiver left. CSP_JS_CHECK asks a person to review every policy set in responseHeaders (it cannot
        // read a constant). Reviewed, and why it is safe: CONTENT_SECURITY_POLICY (security.ts) is default-src
        // 'none'; script-src 'self' 'wasm-unsafe-eval' (no 'unsafe-inline', no 'unsafe-eval'); frame-ancestors,
        // object-src, base-uri and form-action 'none'. tests/unit/electron/security.test.ts checks it directive by
        // directive, tests/e2e/app.spec.ts reads it from a real response and shows eval() refused.
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] }, // eng-disable CSP_JS_CHECK
      });
    });
    // No permission, device or screen capture for anything (guards.ts, unit-tested).
    denyAllPermissions(session.defaultSession);
    await createWindow();
  });

app.on('window-all-closed', () => app.quit());
// Every webContents (the main window, the print window, anything else): navigation, redirects and frame navigation
// only to the app, no webviews, no new windows (guards.ts, unit-tested).
app.on('web-contents-created', (_e, contents) => guardNavigation(contents, { devOrigin }));
