import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { browserArgs, findBrowser, htmlToPdf, type RunBrowser } from '../../../node/pdf';
import { AppException } from '../../../shared/result';
import { errorMessage } from '../../../shared/i18n/messages';
import { tmpDir } from '../../helpers/tmp';
import { CHROMIUM, chromiumTool, describeWithTools, popplerTool } from '../../helpers/tools';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
function scratch(): string {
  const t = tmpDir('wijkweb-pdf-test-');
  cleanups.push(t.cleanup);
  return t.dir;
}

const only =
  (...present: string[]) =>
  (path: string) =>
    present.includes(path);

describe('findBrowser', () => {
  it('takes WIJKWEB_BROWSER_PATH first, when that file exists', () => {
    const env = { WIJKWEB_BROWSER_PATH: '/opt/eigen/chrome' };
    expect(findBrowser(env, 'linux', only('/opt/eigen/chrome', '/usr/bin/chromium'))).toBe('/opt/eigen/chrome');
    expect(findBrowser(env, 'linux', only('/usr/bin/chromium'))).toBe('/usr/bin/chromium');
    expect(findBrowser({ WIJKWEB_BROWSER_PATH: '  ' }, 'linux', only('/usr/bin/chromium'))).toBe('/usr/bin/chromium');
  });

  it('Linux: chromium, chromium-browser, google-chrome, microsoft-edge, in that order', () => {
    const order = [
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/microsoft-edge',
    ];
    for (let i = 0; i < order.length; i++) expect(findBrowser({}, 'linux', only(...order.slice(i)))).toBe(order[i]);
  });

  it('Windows: Edge (Program Files (x86), then Program Files), then Chrome, also per user', () => {
    const env = {
      'ProgramFiles(x86)': 'C:\\Program Files (x86)',
      ProgramFiles: 'C:\\Program Files',
      LOCALAPPDATA: 'C:\\Users\\jan\\AppData\\Local',
    };
    const edgeX86 = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    const edge = 'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe';
    const chrome = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    const chromeUser = 'C:\\Users\\jan\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    expect(findBrowser(env, 'win32', only(edgeX86, edge, chrome, chromeUser))).toBe(edgeX86);
    expect(findBrowser(env, 'win32', only(edge, chrome, chromeUser))).toBe(edge);
    expect(findBrowser(env, 'win32', only(chrome, chromeUser))).toBe(chrome);
    expect(findBrowser(env, 'win32', only(chromeUser))).toBe(chromeUser);
    // Without the variables, the usual folders.
    expect(findBrowser({}, 'win32', only(edgeX86))).toBe(edgeX86);
    expect(findBrowser({}, 'win32', only(chromeUser))).toBeNull();
  });

  it('macOS: Chrome, Edge, Chromium in /Applications', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    const edge = '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
    const chromium = '/Applications/Chromium.app/Contents/MacOS/Chromium';
    expect(findBrowser({}, 'darwin', only(chrome, edge, chromium))).toBe(chrome);
    expect(findBrowser({}, 'darwin', only(edge, chromium))).toBe(edge);
    expect(findBrowser({}, 'darwin', only(chromium))).toBe(chromium);
  });

  it('gives null when there is no browser, and never looks at another platform’s places', () => {
    expect(findBrowser({}, 'linux', () => false)).toBeNull();
    expect(findBrowser({}, 'darwin', only('/usr/bin/chromium'))).toBeNull();
    expect(findBrowser({}, 'win32', only('/usr/bin/chromium'))).toBeNull();
  });
});

describe('browserArgs', () => {
  it('runs headless with a private profile, no extensions and no network, printing the page to the folder', () => {
    const args = browserArgs('/tmp/x', 'file:///tmp/x/rapport.html');
    for (const flag of [
      '--headless',
      '--no-pdf-header-footer',
      '--disable-extensions',
      '--disable-background-networking',
      '--disable-sync',
      '--no-first-run',
      '--host-resolver-rules=MAP * ~NOTFOUND',
      '--user-data-dir=/tmp/x/profiel',
      '--print-to-pdf=/tmp/x/uit.pdf',
    ])
      expect(args).toContain(flag);
    expect(args.at(-1)).toBe('file:///tmp/x/rapport.html');
  });
});

async function appError(work: Promise<unknown>) {
  try {
    await work;
  } catch (err) {
    if (err instanceof AppException) return err.appError;
    throw err;
  }
  throw new Error('expected an AppException');
}

describe('htmlToPdf with a fake browser', () => {
  const writesPdf =
    (bytes: string): RunBrowser =>
    async (_browser, args) => {
      const out = args.find((a) => a.startsWith('--print-to-pdf='))!.slice('--print-to-pdf='.length);
      writeFileSync(out, bytes);
      return { code: 0, timedOut: false, stderr: '' };
    };

  it('without a browser: pdf.geen-browser, with a Dutch text that offers Excel and Afdrukken', async () => {
    const error = await appError(htmlToPdf('<p>x</p>', { browserPath: null }));
    expect(error.code).toBe('pdf.geen-browser');
    expect(errorMessage(error)).toMatch(/Edge, Chrome of Chromium.*\.xlsx.*Afdrukken/);
  });

  it('returns the PDF, and removes its temporary folder', async () => {
    const root = scratch();
    let seen: readonly string[] = [];
    const pdf = await htmlToPdf('<p>hallo</p>', {
      browserPath: '/x/chrome',
      tmpRoot: root,
      run: async (browser, args, timeoutMs) => {
        seen = args;
        expect(browser).toBe('/x/chrome');
        expect(timeoutMs).toBe(60_000);
        const page = new URL(args.at(-1)!);
        expect(readFileSync(page, 'utf8')).toBe('<p>hallo</p>');
        return writesPdf('%PDF-1.7 fake')(browser, args, timeoutMs);
      },
    });
    expect(new TextDecoder().decode(pdf)).toBe('%PDF-1.7 fake');
    expect(seen.length).toBeGreaterThan(5);
    expect(readdirSync(root)).toEqual([]);
  });

  it('a browser that runs out of time: pdf.te-lang with the seconds; the folder is gone', async () => {
    const root = scratch();
    const error = await appError(
      htmlToPdf('<p>x</p>', {
        browserPath: '/x/chrome',
        tmpRoot: root,
        timeoutMs: 5_000,
        run: async () => ({ code: null, timedOut: true, stderr: '' }),
      }),
    );
    expect(error).toMatchObject({ code: 'pdf.te-lang', params: { seconden: 5 } });
    expect(errorMessage(error)).toContain('5 seconden');
    expect(readdirSync(root)).toEqual([]);
  });

  it('no file, a file that is not a PDF, or a browser that cannot start: pdf.mislukt', async () => {
    const root = scratch();
    const deps = { browserPath: '/x/chrome', tmpRoot: root };
    const none = await appError(
      htmlToPdf('<p>x</p>', { ...deps, run: async () => ({ code: 1, timedOut: false, stderr: 'kapot' }) }),
    );
    expect(none.code).toBe('pdf.mislukt');
    expect(none.detail).toContain('kapot');
    expect((await appError(htmlToPdf('<p>x</p>', { ...deps, run: writesPdf('<html>') }))).code).toBe('pdf.mislukt');
    const enoent = await appError(
      htmlToPdf('<p>x</p>', {
        ...deps,
        run: async () => Promise.reject(Object.assign(new Error('spawn ENOENT'), { code: 'ENOENT' })),
      }),
    );
    expect(enoent.code).toBe('pdf.mislukt');
    expect(readdirSync(root)).toEqual([]);
  });
});

/** The gray values of a binary PGM (P5, maxval < 256) with its size. */
function readPgm(bytes: Buffer): { width: number; height: number; pixels: Uint8Array } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('geen PGM');
  const [, w, h] = header.map(Number) as [number, number, number, number];
  return { width: w, height: h, pixels: new Uint8Array(bytes.subarray(header[0].length)) };
}

describeWithTools([chromiumTool(), popplerTool()], 'htmlToPdf with the real Chromium', () => {
  it('gives A4, A3 landscape (a named page), A4, none of them blank, without reaching the network', async () => {
    // A server on this machine that the page tries to reach (by IP and by name): it must hear nothing.
    const requests: string[] = [];
    const server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => server.close());
    const port = (server.address() as AddressInfo).port;
    const html = `<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Rapport</title>
<style>
  @page { size: A4 portrait; margin: 15mm; }
  @page plaat { size: A3 landscape; margin: 10mm; }
  @import url('http://127.0.0.1:${port}/stijl.css');
  body { font: 14pt 'DejaVu Sans', sans-serif; }
  section { break-after: page; }
  section:last-child { break-after: auto; }
  .plaat { page: plaat; }
  h1 { font-size: 40pt; }
  .vlak { height: 60mm; background: #000; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
</style></head>
<body>
  <section><h1>Rapport Enschede West</h1><p>Kerncijfers per buurt.</p></section>
  <section class="plaat"><h1>Netwerk</h1><div class="vlak"></div>
    <svg width="400" height="200" viewBox="0 0 400 200"><circle cx="100" cy="100" r="80" fill="#333"/></svg>
    <img src="https://example.com/volg.png" alt=""><img src="http://127.0.0.1:${port}/ip.png" alt="">
    <img src="http://localhost:${port}/naam.png" alt=""></section>
  <section><h1>Bijlagen</h1><p>Bronnen en toelichting.</p></section>
</body></html>`;
    const dir = scratch();
    const pdf = await htmlToPdf(html, { browserPath: CHROMIUM });
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
    expect(requests).toEqual([]);
    const file = join(dir, 'rapport.pdf');
    writeFileSync(file, pdf);

    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '3', file], { encoding: 'utf8' });
    expect(/^Pages:\s+(\d+)/m.exec(info)?.[1]).toBe('3');
    const sizes = [1, 2, 3].map((n) => {
      const m = new RegExp(`^Page\\s+${n} size:\\s+([\\d.]+) x ([\\d.]+) pts`, 'm').exec(info);
      return m ? [Math.round(Number(m[1])), Math.round(Number(m[2]))] : null;
    });
    // A4 portrait 595 × 842 pt, A3 landscape 1191 × 842 pt (±2 pt).
    const near = (got: number[] | null, want: number[]) =>
      got !== null && got.every((v, i) => Math.abs(v - want[i]!) <= 2);
    expect(near(sizes[0]!, [595, 842]), `pagina 1: ${JSON.stringify(sizes[0])}`).toBe(true);
    expect(near(sizes[1]!, [1191, 842]), `pagina 2: ${JSON.stringify(sizes[1])}`).toBe(true);
    expect(near(sizes[2]!, [595, 842]), `pagina 3: ${JSON.stringify(sizes[2])}`).toBe(true);

    execFileSync('pdftoppm', ['-r', '30', '-gray', file, join(dir, 'pagina')]);
    const pages = readdirSync(dir)
      .filter((f) => f.startsWith('pagina') && f.endsWith('.pgm'))
      .sort();
    expect(pages).toHaveLength(3);
    const dark = pages.map((f) => {
      const { width, height, pixels } = readPgm(readFileSync(join(dir, f)));
      expect(pixels.length).toBe(width * height);
      return { landscape: width > height, dark: pixels.filter((p) => p < 128).length };
    });
    expect(dark.map((d) => d.landscape)).toEqual([false, true, false]);
    for (const d of dark) expect(d.dark).toBeGreaterThan(20);
    // The black block (a background kept with print-color-adjust) makes the plate the darkest page.
    expect(dark[1]!.dark).toBeGreaterThan(Math.max(dark[0]!.dark, dark[2]!.dark));
  }, 90_000);
});
