/** Scheme and host the packaged UI is served from (never file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'wijkweb';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * The Content-Security-Policy, sent as a header on every app:// response (documents, the worker script and the
 * .wasm). sql.js needs 'wasm-unsafe-eval' (compiling WebAssembly), never 'unsafe-eval'.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  // Samenwerken (issue 19): the worker syncs with the gemeente's own team server, whose address the user types, so
  // any host over wss:// (TLS); plain ws:// only on this computer (a server for trying out, and the tests). The one
  // remote allowance of the policy, for WebSockets only: no fetch, image or script from elsewhere.
  "connect-src 'self' wss: ws://127.0.0.1:* ws://localhost:*",
  "form-action 'none'",
  "base-uri 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Only the app's own origin may be loaded in the window; everything else is blocked (security checklist 13). */
export function isAllowedNavigation(url: string, devServerOrigin?: string): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST) return true;
  return devServerOrigin !== undefined && u.origin === devServerOrigin;
}

/** Hosts the Help menu may open in the user's browser. Only https and mailto; exact host match. */
export const EXTERNAL_ALLOWLIST: readonly string[] = [
  'www.cbs.nl',
  'opendata.cbs.nl',
  'www.pdok.nl',
  'nldesignsystem.nl',
];

export function isAllowedExternal(url: string, allowlist: readonly string[] = EXTERNAL_ALLOWLIST): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === 'mailto:') return /^[^@\s]+@[^@\s]+$/.test(u.pathname);
  if (u.protocol !== 'https:' || u.username || u.password || u.port) return false;
  return allowlist.includes(u.hostname);
}

/**
 * Opens a link in the user's browser only when it is allowed (isAllowedExternal): the check and the call in one
 * place, so no caller can open a URL without it. Returns whether it was opened.
 */
export function openExternalIfAllowed(
  url: string,
  open: (url: string) => Promise<void>,
  allowlist: readonly string[] = EXTERNAL_ALLOWLIST,
): boolean {
  if (!isAllowedExternal(url, allowlist)) return false;
  void open(url).catch(() => undefined);
  return true;
}

/** Only our own UI may call IPC: the sending frame's URL must parse to the app origin (checklist 17). */
export function isTrustedSenderUrl(url: string | undefined, devServerOrigin?: string): boolean {
  if (!url) return false;
  return isAllowedNavigation(url, devServerOrigin);
}
