import { describe, expect, it, vi } from 'vitest';
import {
  denyAllPermissions,
  guardNavigation,
  isAllowedFrameNavigation,
  type GuardedContents,
  type LockableSession,
} from '../../../electron/guards';
import { openExternalIfAllowed } from '../../../electron/security';

/** Issue 15.13: will-redirect and will-frame-navigate beside will-navigate; no device or screen-capture permission. */

type Listener = (...args: unknown[]) => void;

/** A webContents that records its listeners, and an event that records preventDefault. */
function fakeContents() {
  const listeners = new Map<string, Listener[]>();
  let windowOpen: ((d: { url: string }) => { action: 'deny' }) | null = null;
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(h: (d: { url: string }) => { action: 'deny' }) {
      windowOpen = h;
    },
  };
  const emit = (event: string, extra: Record<string, unknown>, ...args: unknown[]) => {
    const e = { ...extra, preventDefault: vi.fn() };
    for (const l of listeners.get(event) ?? []) l(e, ...args);
    return e.preventDefault.mock.calls.length > 0;
  };
  return { contents: contents as unknown as GuardedContents, emit, windowOpen: () => windowOpen!, listeners };
}

const HOSTILE = [
  'https://evil.example/',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'blob:app://wijkweb/1234',
  'app://wijkweb.evil.com/',
  'chrome://settings',
];

describe('guardNavigation', () => {
  it('refuses every navigation away from the app: will-navigate, will-redirect, will-frame-navigate', () => {
    const { contents, emit } = fakeContents();
    guardNavigation(contents);
    for (const url of HOSTILE) {
      expect(emit('will-navigate', { url }, url), url).toBe(true);
      expect(emit('will-redirect', { url }, url, false, true), url).toBe(true);
      expect(emit('will-redirect', { url }, url, false, false), url).toBe(true);
      expect(emit('will-frame-navigate', { url, isMainFrame: true }), url).toBe(true);
      expect(emit('will-frame-navigate', { url, isMainFrame: false }), url).toBe(true);
    }
    const app = 'app://wijkweb/index.html';
    expect(emit('will-navigate', { url: app }, app)).toBe(false);
    expect(emit('will-redirect', { url: app }, app, false, true)).toBe(false);
    expect(emit('will-frame-navigate', { url: app, isMainFrame: true })).toBe(false);
  });

  it('lets a subframe show a srcdoc report or about:blank, never the main frame', () => {
    const { contents, emit } = fakeContents();
    guardNavigation(contents);
    for (const url of ['about:srcdoc', 'about:blank']) {
      expect(emit('will-frame-navigate', { url, isMainFrame: false }), url).toBe(false);
      expect(emit('will-frame-navigate', { url, isMainFrame: true }), url).toBe(true);
    }
    expect(isAllowedFrameNavigation('about:srcdoc', false)).toBe(true);
    expect(isAllowedFrameNavigation('about:srcdoc', true)).toBe(false);
  });

  it('allows the dev server only when it is configured', () => {
    const dev = 'http://localhost:5173';
    const { contents, emit } = fakeContents();
    guardNavigation(contents, { devOrigin: dev });
    expect(emit('will-frame-navigate', { url: `${dev}/`, isMainFrame: true })).toBe(false);
    expect(emit('will-frame-navigate', { url: 'http://localhost:5174/', isMainFrame: true })).toBe(true);
  });

  it('refuses webviews and new windows, handing a link to the opener', () => {
    const { contents, emit, windowOpen } = fakeContents();
    const opened: string[] = [];
    guardNavigation(contents, { onWindowOpen: (url) => opened.push(url) });
    expect(emit('will-attach-webview', {})).toBe(true);
    expect(windowOpen()({ url: 'https://www.cbs.nl/' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.cbs.nl/']);
  });

  it('opens only allowed links in the browser', async () => {
    const open = vi.fn(async () => undefined);
    expect(openExternalIfAllowed('https://www.cbs.nl/cijfers', open)).toBe(true);
    for (const url of [...HOSTILE, 'https://www.cbs.nl.evil.com/', 'http://www.cbs.nl/']) {
      expect(openExternalIfAllowed(url, open), url).toBe(false);
    }
    expect(open.mock.calls).toEqual([['https://www.cbs.nl/cijfers']]);
    // A failing browser start does not reject into nothing.
    expect(openExternalIfAllowed('https://www.pdok.nl/', () => Promise.reject(new Error('geen browser')))).toBe(true);
  });
});

describe('denyAllPermissions', () => {
  it('refuses every permission request and check, every device and every screen capture', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session: LockableSession = {
      setPermissionRequestHandler: (h) => void (handlers.request = h as never),
      setPermissionCheckHandler: (h) => void (handlers.check = h as never),
      setDevicePermissionHandler: (h) => void (handlers.device = h as never),
      setDisplayMediaRequestHandler: (h) => void (handlers.display = h as never),
    };
    denyAllPermissions(session);
    expect(Object.keys(handlers).sort()).toEqual(['check', 'device', 'display', 'request']);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'serial', 'usb']) {
      const answer = vi.fn();
      (handlers.request as (wc: unknown, p: string, cb: (g: boolean) => void) => void)({}, permission, answer);
      expect(answer).toHaveBeenCalledWith(false);
      expect((handlers.check as () => boolean)()).toBe(false);
    }
    expect((handlers.device as () => boolean)()).toBe(false);
    const streams = vi.fn();
    (handlers.display as (r: unknown, cb: (s: null) => void) => void)({ frame: null }, streams);
    expect(streams).toHaveBeenCalledWith(null);
  });
});
