/**
 * Guards every webContents gets (the main window, the print window, anything Chromium creates): navigation only to
 * the app itself, in the main frame and in every subframe, also after a server redirect; no <webview>; no new
 * windows; and sessions that grant no permission, no device and no screen capture. Plain module, unit-tested with
 * fakes; main.ts calls it for each webContents and session (security checklist 5, 13, 14).
 */
import { isAllowedNavigation } from './security';

/**
 * A subframe of the app may show a report from `srcdoc` (about:srcdoc) or an empty frame (about:blank), or the app
 * itself; a main frame only the app. Everything else (https, file, data, javascript, blob) is refused.
 */
export function isAllowedFrameNavigation(url: string, isMainFrame: boolean, devOrigin?: string): boolean {
  if (!isMainFrame && (url === 'about:srcdoc' || url === 'about:blank')) return true;
  return isAllowedNavigation(url, devOrigin);
}

export interface Preventable {
  preventDefault(): void;
}

/** The part of Electron's WebContents the guards use. */
export interface GuardedContents {
  on(event: 'will-navigate', listener: (event: Preventable, url: string) => void): unknown;
  on(
    event: 'will-redirect',
    listener: (event: Preventable, url: string, isInPlace: boolean, isMainFrame: boolean) => void,
  ): unknown;
  on(
    event: 'will-frame-navigate',
    listener: (event: Preventable & { url: string; isMainFrame: boolean }) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface GuardOptions {
  readonly devOrigin?: string;
  /** A link the page tries to open in a new window (the window itself is always refused). */
  readonly onWindowOpen?: (url: string) => void;
}

/** Navigation limited to the app, for every kind of navigation Electron reports; no webviews, no new windows. */
export function guardNavigation(contents: GuardedContents, options: GuardOptions = {}): void {
  const { devOrigin } = options;
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, devOrigin)) event.preventDefault();
  });
  // A server-side redirect of an allowed navigation (or of a subframe's) to somewhere else.
  contents.on('will-redirect', (event, url, _isInPlace, isMainFrame) => {
    if (!isAllowedFrameNavigation(url, isMainFrame !== false, devOrigin)) event.preventDefault();
  });
  // Any frame, not only the main one: an iframe navigating itself, or a link with target="_top".
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedFrameNavigation(event.url, event.isMainFrame, devOrigin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    options.onWindowOpen?.(url);
    return { action: 'deny' };
  });
}

/** The part of Electron's Session the lock-down uses. */
export interface LockableSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  setDisplayMediaRequestHandler(handler: (request: unknown, callback: (streams: null) => void) => void): void;
}

/**
 * Wijkweb needs no permission at all: no camera, microphone, notifications, geolocation, clipboard reading, HID,
 * serial or USB devices, and no screen capture. Every request is refused, every check answers no.
 */
export function denyAllPermissions(session: LockableSession): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
}
