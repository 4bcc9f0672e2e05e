import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security';

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  // The voorbeeldproject, fetched by the page on first start.
  '.wijkweb': 'application/octet-stream',
};

export type ProtocolDecision =
  | { readonly status: 200; readonly path: string; readonly headers: Record<string, string> }
  | { readonly status: 403 | 404; readonly headers: Record<string, string> };

export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
}

/**
 * Maps an app:// request to a file inside `root`, or refuses it. Traversal (`..`, `%2e%2e`, encoded slashes,
 * absolute paths, other hosts) gets 403 and no file is read. Pure: the caller reads the file.
 */
export function resolveAppRequest(root: string, requestUrl: string): ProtocolDecision {
  const headers = securityHeaders();
  // Refuse dot segments in the raw request before URL parsing quietly removes them (they are never ours).
  const rawPath = requestUrl.replace(/^[a-z]+:\/\/[^/]*/i, '').split(/[?#]/)[0] ?? '';
  if (/(^|\/|\\)(\.|%2e){2}($|\/|\\|%2f|%5c)/i.test(rawPath)) return { status: 403, headers };
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { status: 403, headers };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { status: 403, headers };
  // Reject encoded separators and dots outright: they have no business in our asset names.
  if (/%2e|%2f|%5c|%00/i.test(url.pathname) || url.pathname.includes('\\')) return { status: 403, headers };
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { status: 403, headers };
  }
  if (pathname.split('/').some((part) => part === '..')) return { status: 403, headers };
  const relPath = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  if (isAbsolute(relPath) || /^[a-zA-Z]:/.test(relPath)) return { status: 403, headers };
  const rootAbs = resolve(root);
  const full = resolve(rootAbs, relPath);
  const rel = relative(rootAbs, full);
  if (rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return { status: 403, headers };
  const type = MIME[extname(full).toLowerCase()];
  if (!type) return { status: 404, headers };
  return { status: 200, path: full, headers: { ...headers, 'Content-Type': type } };
}
