import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/**
 * The web preferences every Wijkweb window starts from (safety-and-speed §7.1): isolated, sandboxed, no Node.js
 * anywhere, web security on, no webview, no experiments. The main window adds its preload; the print window
 * (print.ts) adds only what printing needs. A fresh object each call, so no caller can weaken a shared default.
 */
export function safeWebPreferences(): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    disableBlinkFeatures: 'Auxclick',
  };
}

/** How Electron's BrowserWindow is made (the real class in main.ts; a recorder in the tests). */
export type WindowConstructor<W> = new (options: BrowserWindowConstructorOptions) => W;

/**
 * Every Wijkweb window is made here, from its options (windowOptions below, printWindowOptions in print.ts). The three
 * settings Electronegativity looks for are repeated as literals (the same values as safeWebPreferences), so the scanner
 * sees them at the one `new BrowserWindow` of the app; the tests check that they only repeat, never change.
 */
export function openWindow<W>(BrowserWindow: WindowConstructor<W>, options: BrowserWindowConstructorOptions): W {
  return new BrowserWindow({
    ...options,
    webPreferences: {
      ...options.webPreferences,
      contextIsolation: true,
      sandbox: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });
}

/** The main window: the safe preferences and its preload. */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Wijkweb',
    backgroundColor: '#ffffff',
    webPreferences: { ...safeWebPreferences(), preload: preloadPath },
  };
}
