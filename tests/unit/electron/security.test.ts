import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  EXTERNAL_ALLOWLIST,
  isAllowedExternal,
  isAllowedNavigation,
  isTrustedSenderUrl,
} from '../../../electron/security';

const DEV = 'http://localhost:5173';

/** URLs that must never be loaded in the window, be called from, or be opened outside. */
const HOSTILE = [
  'javascript:alert(1)',
  'file:///etc/passwd',
  'file:///C:/Windows/win.ini',
  'https://evil.example',
  'https://evil.example/',
  'https://trusted.example.evil.com',
  'https://www.cbs.nl.evil.com',
  'https://www.cbs.nl.evil.com/',
  'https://user@www.cbs.nl',
  'http://www.cbs.nl',
  'app://other/index.html',
  'app://wijkweb.evil.com/index.html',
  'app://wijkweb:8080/index.html',
  'data:text/html,<script>alert(1)</script>',
  'blob:app://wijkweb/1234',
  'about:blank',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'not a url',
  '',
];

describe('isAllowedNavigation (will-navigate / will-redirect)', () => {
  it.each(HOSTILE)('blocks %j', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });

  it.each(HOSTILE)('blocks %j also when a dev server is configured', (url) => {
    expect(isAllowedNavigation(url, DEV)).toBe(false);
  });

  it.each([
    'app://wijkweb/index.html',
    'app://wijkweb/',
    `${APP_ORIGIN}/assets/x.js`,
    'app://wijkweb/index.html#/start',
  ])('allows the app itself: %j', (url) => {
    expect(isAllowedNavigation(url)).toBe(true);
  });

  it('allows the dev server origin only when it is configured', () => {
    expect(isAllowedNavigation(`${DEV}/index.html`, DEV)).toBe(true);
    expect(isAllowedNavigation(`${DEV}/`)).toBe(false);
  });

  it.each(['http://localhost:5174/', 'https://localhost:5173/', 'http://127.0.0.1:5173/', 'http://localhost/'])(
    'does not allow another origin that resembles the dev server: %j',
    (url) => {
      expect(isAllowedNavigation(url, DEV)).toBe(false);
    },
  );
});

describe('isTrustedSenderUrl (IPC sender check)', () => {
  it('refuses an undefined sender', () => {
    expect(isTrustedSenderUrl(undefined)).toBe(false);
    expect(isTrustedSenderUrl(undefined, DEV)).toBe(false);
  });

  it.each(HOSTILE)('refuses %j', (url) => {
    expect(isTrustedSenderUrl(url)).toBe(false);
    expect(isTrustedSenderUrl(url, DEV)).toBe(false);
  });

  it('trusts the app origin', () => {
    expect(isTrustedSenderUrl('app://wijkweb/index.html')).toBe(true);
  });

  it('trusts the dev server only when configured', () => {
    expect(isTrustedSenderUrl(`${DEV}/`, DEV)).toBe(true);
    expect(isTrustedSenderUrl(`${DEV}/`)).toBe(false);
    expect(isTrustedSenderUrl('http://localhost:5174/', DEV)).toBe(false);
  });
});

describe('isAllowedExternal (shell.openExternal)', () => {
  it.each([...HOSTILE, 'app://wijkweb/index.html', `${DEV}/`])('refuses %j', (url) => {
    expect(isAllowedExternal(url)).toBe(false);
  });

  it.each([
    'https://www.cbs.nl:8443/',
    'https://user:pw@www.cbs.nl/',
    'https://cbs.nl/',
    'https://evil.www.cbs.nl/',
    'ftp://www.cbs.nl/',
    'ws://www.cbs.nl/',
    'mailto:',
    'mailto:nobody',
  ])('refuses the near-miss %j', (url) => {
    expect(isAllowedExternal(url)).toBe(false);
  });

  it.each(EXTERNAL_ALLOWLIST.map((host) => `https://${host}/some/page?q=1`))('allows the allowlisted %j', (url) => {
    expect(isAllowedExternal(url)).toBe(true);
  });

  it('matches the host exactly, whatever its case', () => {
    expect(isAllowedExternal('https://WWW.CBS.NL/')).toBe(true);
  });

  it('uses a given allowlist instead of the default', () => {
    expect(isAllowedExternal('https://trusted.example/', ['trusted.example'])).toBe(true);
    expect(isAllowedExternal('https://trusted.example.evil.com/', ['trusted.example'])).toBe(false);
    expect(isAllowedExternal('https://www.cbs.nl/', ['trusted.example'])).toBe(false);
  });

  it('allows a plain mailto address', () => {
    expect(isAllowedExternal('mailto:info@example.nl')).toBe(true);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim());

  it.each([
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ])('has %j', (directive) => {
    expect(directives).toContain(directive);
  });

  it("never allows 'unsafe-eval' or 'unsafe-inline'", () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-eval'/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-inline'/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-hashes/);
  });

  it('allows no remote origin or wildcard anywhere, except WebSockets to a team server (wss, or ws on loopback)', () => {
    const [connect, ...rest] = [
      directives.find((d) => d.startsWith('connect-src'))!,
      ...directives.filter((d) => !d.startsWith('connect-src')),
    ];
    expect(rest.join('; ')).not.toMatch(/https?:|wss?:|\*/);
    expect(connect.split(/\s+/).slice(1)).toEqual(["'self'", 'wss:', 'ws://127.0.0.1:*', 'ws://localhost:*']);
  });

  it('names every directive once', () => {
    const names = directives.map((d) => d.split(/\s+/)[0]);
    expect(new Set(names).size).toBe(names.length);
  });
});
