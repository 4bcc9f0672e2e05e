import { readFileSync } from 'node:fs';
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { describe, expect, it } from 'vitest';
import { PRINT_PARTITION, printWindowOptions } from '../../../electron/print';
import { openWindow, safeWebPreferences, windowOptions } from '../../../electron/window-options';

/**
 * The windows' web preferences (safety-and-speed §7.1) have one source: main.ts makes every window with openWindow(),
 * from windowOptions() or printWindowOptions(), and both start from safeWebPreferences(). What is checked is what a
 * window is really given (a recording BrowserWindow), not the literals of one function restated.
 */

/** Stands in for Electron's BrowserWindow: keeps what it was made with. */
class RecordingWindow {
  constructor(readonly options: BrowserWindowConstructorOptions) {}
}
const made = (options: BrowserWindowConstructorOptions): WebPreferences =>
  openWindow(RecordingWindow, options).options.webPreferences ?? {};

describe('web preferences of every window', () => {
  const main = made(windowOptions('/x/preload.cjs'));
  const print = made(printWindowOptions());
  const safe = safeWebPreferences();

  it('main.ts makes both windows with openWindow, and no window any other way', () => {
    const source = readFileSync(new URL('../../../electron/main.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/new BrowserWindow\b/);
    expect(source).toMatch(/openWindow\(BrowserWindow, windowOptions\(/);
    expect(source).toMatch(/openWindow\(BrowserWindow, printWindowOptions\(\)\)/);
  });

  it('the main window and the print window get every safe preference, equal to each other', () => {
    expect(Object.keys(safe).length).toBeGreaterThan(0);
    for (const [key, value] of Object.entries(safe)) {
      const k = key as keyof WebPreferences;
      expect(main[k], `main: ${key}`).toEqual(value);
      expect(print[k], `print: ${key}`).toEqual(value);
    }
  });

  it('what openWindow repeats for the scanner only repeats: dropping it changes nothing', () => {
    expect(main).toEqual(windowOptions('/x/preload.cjs').webPreferences);
    expect(print).toEqual(printWindowOptions().webPreferences);
  });

  it('each adds only its own: the main window its preload; the print window scripting and its own partition', () => {
    const extra = (prefs: object) => Object.keys(prefs).filter((k) => !(k in safe));
    expect(extra(main)).toEqual(['preload']);
    expect(main.preload).toBe('/x/preload.cjs');
    expect(extra(print).sort()).toEqual(['javascript', 'partition']);
    expect(print.preload).toBeUndefined();
    expect(print.partition).toBe(PRINT_PARTITION);
  });

  it('neither window lets its page reach Node.js, a webview, insecure content or experimental features', () => {
    for (const prefs of [main, print]) {
      expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, webSecurity: true });
      const nodeKeys = Object.keys(prefs).filter((k) => k.startsWith('nodeIntegration'));
      expect(nodeKeys.length).toBeGreaterThan(0);
      for (const k of nodeKeys) expect(prefs[k as keyof WebPreferences], k).toBe(false);
      expect(prefs.webviewTag).toBe(false);
      expect(prefs.allowRunningInsecureContent).toBe(false);
      expect(prefs.experimentalFeatures).toBe(false);
      expect(prefs.enableBlinkFeatures).toBeUndefined();
    }
  });

  it('a caller that changes its copy changes no other window’s', () => {
    const a = windowOptions('/a/preload.cjs');
    (a.webPreferences as { sandbox: boolean }).sandbox = false;
    expect(made(windowOptions('/b/preload.cjs')).sandbox).toBe(true);
    expect(made(printWindowOptions()).sandbox).toBe(true);
    expect(safeWebPreferences().sandbox).toBe(true);
  });
});
