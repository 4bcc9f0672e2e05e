import { mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAppRequest, type ProtocolDecision } from '../../../electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security';
import { tmpDir } from '../../helpers/tmp';

let base: { dir: string; cleanup: () => void };
let root: string;

beforeAll(() => {
  base = tmpDir('wijkweb-protocol-');
  // A secret next to the served folder, and one in a sibling folder whose name starts like the root's.
  root = join(base.dir, 'dist');
  mkdirSync(join(root, 'assets'), { recursive: true });
  mkdirSync(join(base.dir, 'dist-secret'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Wijkweb</title>');
  writeFileSync(join(root, 'assets', 'a.js'), 'export {};');
  writeFileSync(join(root, 'assets', 'sql-wasm.wasm'), new Uint8Array([0, 97, 115, 109]));
  writeFileSync(join(root, 'assets', 'README'), 'no extension');
  mkdirSync(join(root, 'demo'), { recursive: true });
  writeFileSync(join(root, 'demo', 'voorbeeldproject.wijkweb'), new Uint8Array([83, 81, 76]));
  writeFileSync(join(base.dir, 'secret.js'), 'secret');
  writeFileSync(join(base.dir, 'dist-secret', 'x.js'), 'secret');
});

afterAll(() => base.cleanup());

function isInside(dir: string, path: string): boolean {
  const rel = relative(resolve(dir), resolve(path));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function expectSafe(decision: ProtocolDecision): void {
  if ('path' in decision) {
    expect(decision.status).toBe(200);
    expect(isInside(root, decision.path)).toBe(true);
  } else {
    expect(decision.status).not.toBe(200);
  }
}

describe('resolveAppRequest: files inside the root', () => {
  it('serves index.html for the root, with the CSP header', () => {
    const d = resolveAppRequest(root, 'app://wijkweb/');
    expect(d.status).toBe(200);
    expect('path' in d && d.path).toBe(join(root, 'index.html'));
    expect(d.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(d.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(d.headers['X-Content-Type-Options']).toBe('nosniff');
  });

  it('serves index.html by name', () => {
    const d = resolveAppRequest(root, 'app://wijkweb/index.html');
    expect(d.status).toBe(200);
    expect('path' in d && d.path).toBe(join(root, 'index.html'));
  });

  it('serves a script as text/javascript, with the CSP header', () => {
    const d = resolveAppRequest(root, 'app://wijkweb/assets/a.js');
    expect(d.status).toBe(200);
    expect('path' in d && d.path).toBe(join(root, 'assets', 'a.js'));
    expect(d.headers['Content-Type']).toMatch(/^text\/javascript/);
    expect(d.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('serves the wasm as application/wasm, with the CSP header', () => {
    const d = resolveAppRequest(root, 'app://wijkweb/assets/sql-wasm.wasm');
    expect(d.status).toBe(200);
    expect(d.headers['Content-Type']).toBe('application/wasm');
    expect(d.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('serves the voorbeeldproject as bytes', () => {
    const d = resolveAppRequest(root, 'app://wijkweb/demo/voorbeeldproject.wijkweb');
    expect(d.status).toBe(200);
    expect(d.headers['Content-Type']).toBe('application/octet-stream');
  });

  it('ignores query and fragment', () => {
    const d = resolveAppRequest(root, 'app://wijkweb/assets/a.js?v=../../secret#..');
    expect(d.status).toBe(200);
    expect('path' in d && d.path).toBe(join(root, 'assets', 'a.js'));
  });

  it.each(['app://wijkweb/assets/README', 'app://wijkweb/assets/x.exe', 'app://wijkweb/secret.sh'])(
    'answers 404 for an unknown extension: %j',
    (url) => {
      const d = resolveAppRequest(root, url);
      expect(d.status).toBe(404);
      expect('path' in d).toBe(false);
      expect(d.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    },
  );
});

describe('resolveAppRequest: refused requests', () => {
  const forbidden = [
    'app://wijkweb/..%2f..%2fetc/passwd',
    'app://wijkweb/..%2F..%2Fsecret.js',
    'app://wijkweb/assets/..%5c..%5csecret',
    'app://wijkweb/assets/..%5C..%5Csecret.js',
    'app://wijkweb/assets/..\\..\\..\\secret.js',
    'app://wijkweb/%2e%2e%2fsecret.js',
    'app://wijkweb/C:/Windows/win.ini',
    'app://wijkweb/c:/Windows/win.js',
    'app://wijkweb/C:%5cWindows%5cwin.ini',
    'app://evil/index.html',
    'app://wijkweb.evil/index.html',
    'app://wijkweb:1234/index.html',
    'https://wijkweb/index.html',
    'file:///etc/passwd',
    'file://wijkweb/index.html',
    'app://wijkweb/index.html%00.js',
    'app://wijkweb/%00',
    'app://wijkweb/assets/a.js%00',
    'app://wijkweb/%E0%A4%A.js',
    'not a url',
    '',
  ];

  it.each(forbidden)('answers 403 and reads nothing for %j', (url) => {
    const d = resolveAppRequest(root, url);
    expect(d.status).toBe(403);
    expect('path' in d).toBe(false);
    expect(d.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  // new URL() (and Chromium before it) resolves these dot segments before the handler sees them; whatever is
  // left over, the decision must never point outside the root.
  const normalised = [
    'app://wijkweb/../../etc/passwd',
    'app://wijkweb/../secret.js',
    'app://wijkweb/assets/../../secret.js',
    'app://wijkweb/%2e%2e/%2e%2e/etc/passwd',
    'app://wijkweb/%2e%2e/secret.js',
    'app://wijkweb/.%2E/dist-secret/x.js',
    'app://wijkweb/./../dist-secret/x.js',
  ];

  it.each(normalised)('never points outside the root for %j', (url) => {
    const d = resolveAppRequest(root, url);
    expectSafe(d);
    if ('path' in d) expect(d.path).not.toBe(join(base.dir, 'secret.js'));
  });

  it.each(['app://wijkweb//etc/passwd', 'app://wijkweb///etc/passwd.js', 'app://wijkweb//secret.js'])(
    'treats a leading double slash as a path inside the root (or refuses it): %j',
    (url) => {
      const d = resolveAppRequest(root, url);
      expect([403, 404, 200]).toContain(d.status);
      expectSafe(d);
    },
  );

  it('never serves the root folder itself', () => {
    for (const url of ['app://wijkweb/.', 'app://wijkweb/assets/..', 'app://wijkweb/assets/']) {
      const d = resolveAppRequest(root, url);
      if ('path' in d) expect(isInside(root, d.path)).toBe(true);
      expect(d.status === 200 && 'path' in d && d.path === resolve(root)).toBe(false);
    }
  });

  it('a root given with a trailing separator or as a relative path behaves the same', () => {
    const withSlash = resolveAppRequest(`${root}/`, 'app://wijkweb/assets/a.js');
    expect('path' in withSlash && withSlash.path).toBe(join(root, 'assets', 'a.js'));
    const rel = relative(process.cwd(), root);
    const fromRelative = resolveAppRequest(rel, 'app://wijkweb/assets/a.js');
    expect('path' in fromRelative && fromRelative.path).toBe(join(root, 'assets', 'a.js'));
    expect(resolveAppRequest(rel, 'app://wijkweb/..%2fsecret.js').status).toBe(403);
  });
});
