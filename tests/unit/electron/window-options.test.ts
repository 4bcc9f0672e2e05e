import { describe, expect, it } from 'vitest';
import { windowOptions } from '../../../electron/window-options';

describe('windowOptions (safety-and-speed §7.1)', () => {
  const options = windowOptions('/x/preload.cjs');
  const prefs = options.webPreferences ?? {};

  it('has web preferences', () => {
    expect(options.webPreferences).toBeDefined();
  });

  it('uses the given preload path', () => {
    expect(prefs.preload).toBe('/x/preload.cjs');
  });

  it('isolates the page context', () => {
    expect(prefs.contextIsolation).toBe(true);
  });

  it('sandboxes the renderer', () => {
    expect(prefs.sandbox).toBe(true);
  });

  it('gives the page no Node.js', () => {
    expect(prefs.nodeIntegration).toBe(false);
  });

  it('gives workers no Node.js', () => {
    expect(prefs.nodeIntegrationInWorker).toBe(false);
  });

  it('gives sub-frames no Node.js', () => {
    expect(prefs.nodeIntegrationInSubFrames === undefined || prefs.nodeIntegrationInSubFrames === false).toBe(true);
  });

  it('keeps web security on', () => {
    expect(prefs.webSecurity).toBe(true);
  });

  it('never runs insecure content', () => {
    expect(prefs.allowRunningInsecureContent).toBe(false);
  });

  it('enables no experimental features', () => {
    expect(prefs.experimentalFeatures === undefined || prefs.experimentalFeatures === false).toBe(true);
  });

  it('has no <webview> tag', () => {
    expect(prefs.webviewTag).toBe(false);
  });

  it('does not enable blink features by name', () => {
    expect(prefs.enableBlinkFeatures).toBeUndefined();
  });

  it('returns a fresh object each call, so callers cannot weaken a shared default', () => {
    const a = windowOptions('/a/preload.cjs');
    const b = windowOptions('/b/preload.cjs');
    expect(a).not.toBe(b);
    expect(a.webPreferences).not.toBe(b.webPreferences);
    expect(b.webPreferences?.preload).toBe('/b/preload.cjs');
  });
});
