import { describe, expect, it } from 'vitest';
import { PRINT_PARTITION, printWindowOptions } from '../../../electron/print';
import { safeWebPreferences, windowOptions } from '../../../electron/window-options';

/**
 * The windows' web preferences (safety-and-speed §7.1) come from one source: every window starts from
 * safeWebPreferences() and may only add what it needs; nothing a window adds may weaken one of them.
 */
describe('web preferences of every window', () => {
  const main = windowOptions('/x/preload.cjs').webPreferences ?? {};
  const print = printWindowOptions().webPreferences ?? {};
  const safe = safeWebPreferences();

  it('the safe preferences: isolated, sandboxed, no Node.js, web security on, no webview or experiments', () => {
    expect(safe).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(safe.enableBlinkFeatures).toBeUndefined();
  });

  it('the main window and the print window both hold every safe preference unchanged', () => {
    for (const [key, value] of Object.entries(safe)) {
      expect(main[key as keyof typeof main], `main: ${key}`).toEqual(value);
      expect(print[key as keyof typeof print], `print: ${key}`).toEqual(value);
    }
  });

  it('each adds only its own: the main window its preload; the print window scripting and its own partition', () => {
    const extra = (prefs: object) => Object.keys(prefs).filter((k) => !(k in safe));
    expect(extra(main)).toEqual(['preload']);
    expect(main.preload).toBe('/x/preload.cjs');
    expect(extra(print).sort()).toEqual(['javascript', 'partition']);
    expect(print.preload).toBeUndefined();
    expect(print.partition).toBe(PRINT_PARTITION);
  });

  it('a caller that changes its copy changes no other window’s', () => {
    const a = windowOptions('/a/preload.cjs');
    (a.webPreferences as { sandbox: boolean }).sandbox = false;
    expect(windowOptions('/b/preload.cjs').webPreferences?.sandbox).toBe(true);
    expect(printWindowOptions().webPreferences?.sandbox).toBe(true);
    expect(safeWebPreferences().sandbox).toBe(true);
  });
});
