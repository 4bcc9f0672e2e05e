import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createPdfPrinter,
  createPrintRequestGate,
  isPdf,
  nodePrintTemp,
  PDF_OPTIONS,
  PRINT_PAGE_CSP,
  PRINT_PARTITION,
  printWindowOptions,
  withPdfExtension,
  withPrintCsp,
  type PdfWindow,
  type PrintDeps,
  type PrintTemp,
} from '../../../electron/print';
import { atomicWrite } from '../../../node/atomic-write';
import { nodeFs } from '../../../node/fs';
import { AppException } from '../../../shared/result';
import { tmpDir } from '../../helpers/tmp';

const PDF = new TextEncoder().encode('%PDF-1.7\n% een echte PDF begint zo\n');
const PAGE = '<!DOCTYPE html><html><head><title>Rapport</title></head><body><h1>Rapport</h1></body></html>';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe('printWindowOptions', () => {
  const options = printWindowOptions();
  const prefs = options.webPreferences ?? {};

  it('is hidden', () => expect(options.show).toBe(false));
  it('runs no scripts: the page policy allows none, said explicitly', () => {
    expect(PRINT_PAGE_CSP).toContain("default-src 'none'");
    expect(PRINT_PAGE_CSP.split(';').map((d) => d.trim())).toContain("script-src 'none'");
  });
  it('has no preload', () => expect(prefs.preload).toBeUndefined());
  // Its web preferences (sandbox, isolation, no Node.js, …) are the main window's: window-options.test.ts.
  it('uses its own in-memory partition', () => {
    expect(prefs.partition).toBe(PRINT_PARTITION);
    expect(PRINT_PARTITION.startsWith('persist:')).toBe(false);
  });
  it('is a fresh object each call', () => {
    expect(printWindowOptions()).not.toBe(printWindowOptions());
    expect(printWindowOptions().webPreferences).not.toBe(printWindowOptions().webPreferences);
  });
});

describe('PDF_OPTIONS', () => {
  it('lets the page decide its page sizes, prints backgrounds and tags the PDF', () => {
    expect(PDF_OPTIONS).toMatchObject({ preferCSSPageSize: true, printBackground: true, generateTaggedPDF: true });
  });
});

describe('withPrintCsp', () => {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${PRINT_PAGE_CSP}">`;

  it('puts the policy first in the document: right after the doctype, or at the very start', () => {
    expect(withPrintCsp(PAGE)).toBe(PAGE.replace('<!DOCTYPE html>', `<!DOCTYPE html>${meta}`));
    expect(withPrintCsp('<!doctype html><p>x</p>')).toBe(`<!doctype html>${meta}<p>x</p>`);
    expect(withPrintCsp('<p>x</p>')).toBe(`${meta}<p>x</p>`);
    expect(withPrintCsp('<header>a</header>')).toBe(`${meta}<header>a</header>`);
  });

  it('is not fooled by a "<head>" in a comment, an attribute or a script before the real one', () => {
    for (const page of [
      '<!DOCTYPE html><!-- <head> --><html><head><script>alert(1)</script></head></html>',
      '<!DOCTYPE html><html title="<head>"><head><script>alert(1)</script></head></html>',
      '<script>alert(1)</script><html><head></head></html>',
    ]) {
      const out = withPrintCsp(page);
      // Nothing but a doctype comes before the policy.
      expect(out.slice(0, out.indexOf(meta)), page).toMatch(/^(<!DOCTYPE html>)?$/);
    }
  });

  it('allows inline styles and data: images and fonts only: no scripts, no network', () => {
    const directives = PRINT_PAGE_CSP.split(';').map((d) => d.trim());
    expect(directives).toContain("default-src 'none'");
    expect(directives).toContain('img-src data:');
    expect(directives).toContain("script-src 'none'");
    expect(PRINT_PAGE_CSP).not.toMatch(/https?:|\*|'self'|unsafe-eval|script-src (?!'none')/);
  });
});

describe('createPrintRequestGate', () => {
  it('lets data: and the allowed page file through, nothing else', () => {
    const gate = createPrintRequestGate();
    const page = 'file:///tmp/wijkweb-pdf-abc/rapport.html';
    expect(gate.isAllowed(page)).toBe(false);
    const revoke = gate.allow(page);
    expect(gate.isAllowed(page)).toBe(true);
    expect(gate.isAllowed(`${page}#deel-2`)).toBe(true);
    expect(gate.isAllowed('data:image/png;base64,AAAA')).toBe(true);
    expect(gate.isAllowed('DATA:image/svg+xml,<svg/>')).toBe(true);
    for (const url of [
      'file:///tmp/wijkweb-pdf-abc/ander.html',
      'file:///etc/passwd',
      'file:///tmp/wijkweb-pdf-abc/',
      'https://example.com/volg.png',
      'http://127.0.0.1:8080/',
      'ws://localhost/',
      'app://wijkweb/index.html',
      'blob:null/123',
      'niet een url',
    ])
      expect(gate.isAllowed(url), url).toBe(false);
    revoke();
    expect(gate.isAllowed(page)).toBe(false);
  });

  it('compares file URLs without regard to case (Windows)', () => {
    const gate = createPrintRequestGate();
    gate.allow('file:///C:/Users/Jan/AppData/Local/Temp/wijkweb-pdf-x/rapport.html');
    expect(gate.isAllowed('file:///c:/users/jan/appdata/local/temp/wijkweb-pdf-x/rapport.html')).toBe(true);
  });

  it('keeps a URL allowed while any print still uses it; revoking twice counts once', () => {
    const gate = createPrintRequestGate();
    const page = 'file:///tmp/p/rapport.html';
    const a = gate.allow(page);
    const b = gate.allow(page);
    a();
    a();
    expect(gate.isAllowed(page)).toBe(true);
    b();
    expect(gate.isAllowed(page)).toBe(false);
  });
});

describe('isPdf and withPdfExtension', () => {
  it('checks the %PDF- header', () => {
    expect(isPdf(PDF)).toBe(true);
    expect(isPdf(new TextEncoder().encode('%PDF-'))).toBe(false);
    expect(isPdf(new TextEncoder().encode('<html>'))).toBe(false);
    expect(isPdf(new Uint8Array())).toBe(false);
  });

  it('adds .pdf once', () => {
    expect(withPdfExtension('/d/Rapport')).toBe('/d/Rapport.pdf');
    expect(withPdfExtension('/d/Rapport.pdf')).toBe('/d/Rapport.pdf');
    expect(withPdfExtension('/d/Rapport.PDF')).toBe('/d/Rapport.PDF');
  });
});

/** A print run with fakes: the window, a memory temp folder, the dialog and the writer record what happens. */
function setup(
  options: {
    answer?: string | null;
    load?: (url: string) => Promise<void>;
    print?: () => Promise<Uint8Array>;
    write?: (path: string, bytes: Uint8Array) => Promise<void>;
    timeoutMs?: number;
  } = {},
) {
  const events: string[] = [];
  const files = new Map<string, string>();
  const dirs = new Set<string>();
  let n = 0;
  const temp: PrintTemp = {
    create: async () => {
      const dir = `/tmp/wijkweb-pdf-${++n}`;
      dirs.add(dir);
      events.push('temp');
      return dir;
    },
    writeText: async (path, text) => void files.set(path, text),
    remove: async (dir) => {
      dirs.delete(dir);
      for (const f of [...files.keys()]) if (f.startsWith(dir)) files.delete(f);
      events.push('temp weg');
    },
  };
  const windows: { allowed: string; closed: number; pdfOptions: unknown[] }[] = [];
  const createWindow = (allowed: string): PdfWindow => {
    const w = { allowed, closed: 0, pdfOptions: [] as unknown[] };
    windows.push(w);
    events.push('venster');
    return {
      load: async (url) => {
        events.push('laden');
        expect(url).toBe(allowed);
        // The page file is there while the window loads it, with the policy in it.
        expect(files.get(join(new URL(url).pathname))).toBe(withPrintCsp(PAGE));
        await (options.load ?? (async () => undefined))(url);
      },
      printToPdf: async (pdfOptions) => {
        events.push('pdf');
        w.pdfOptions.push(pdfOptions);
        return (options.print ?? (async () => PDF))();
      },
      close: () => {
        w.closed++;
        events.push('dicht');
      },
    };
  };
  const written: { path: string; bytes: Uint8Array }[] = [];
  const deps: PrintDeps = {
    createWindow,
    temp,
    chooseSavePath: vi.fn(async (name: string) => {
      events.push(`dialoog ${name}`);
      return options.answer === undefined ? '/Documenten/Rapport' : options.answer;
    }),
    write:
      options.write ??
      (async (path, bytes) => {
        events.push(`schrijf ${path}`);
        written.push({ path, bytes });
      }),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  };
  return { print: createPdfPrinter(deps), events, windows, written, dirs, files, deps };
}

describe('createPdfPrinter', () => {
  it('renders in a hidden window, closes it, then asks where to save and writes the PDF', async () => {
    const t = setup();
    expect(await t.print(PAGE, 'Rapport Enschede West.pdf')).toEqual({ ok: true, value: true });
    expect(t.events).toEqual([
      'temp',
      'venster',
      'laden',
      'pdf',
      'dicht',
      'temp weg',
      'dialoog Rapport Enschede West.pdf',
      'schrijf /Documenten/Rapport.pdf',
    ]);
    expect(t.windows).toHaveLength(1);
    expect(t.windows[0]!.allowed).toMatch(/^file:\/\/\/tmp\/wijkweb-pdf-1\/rapport\.html$/);
    expect(t.windows[0]!.pdfOptions).toEqual([PDF_OPTIONS]);
    expect(t.written[0]!.bytes).toBe(PDF);
    expect(t.dirs.size).toBe(0);
  });

  it('a cancelled dialog: ok(false), nothing written, window and temp folder gone', async () => {
    const t = setup({ answer: null });
    expect(await t.print(PAGE, 'Rapport.pdf')).toEqual({ ok: true, value: false });
    expect(t.written).toEqual([]);
    expect(t.windows[0]!.closed).toBe(1);
    expect(t.dirs.size).toBe(0);
  });

  it('a page that fails to load: pdf.mislukt, no dialog, window closed, temp folder gone', async () => {
    const t = setup({ load: async () => Promise.reject(new Error('ERR_FILE_NOT_FOUND')) });
    const r = await t.print(PAGE, 'Rapport.pdf');
    expect(r).toMatchObject({ ok: false, error: { code: 'pdf.mislukt', detail: 'ERR_FILE_NOT_FOUND' } });
    expect(t.deps.chooseSavePath).not.toHaveBeenCalled();
    expect(t.windows[0]!.closed).toBe(1);
    expect(t.dirs.size).toBe(0);
  });

  it('printToPDF that gives no PDF: pdf.mislukt', async () => {
    const t = setup({ print: async () => new TextEncoder().encode('<html>') });
    expect(await t.print(PAGE, 'Rapport.pdf')).toMatchObject({ ok: false, error: { code: 'pdf.mislukt' } });
    expect(t.deps.chooseSavePath).not.toHaveBeenCalled();
    expect(t.windows[0]!.closed).toBe(1);
  });

  it('a page that never finishes: pdf.te-lang after the timeout, window closed', async () => {
    const t = setup({ load: () => new Promise<void>(() => undefined), timeoutMs: 30 });
    expect(await t.print(PAGE, 'Rapport.pdf')).toMatchObject({
      ok: false,
      error: { code: 'pdf.te-lang', params: { seconden: 0 } },
    });
    expect(t.windows[0]!.closed).toBe(1);
    expect(t.dirs.size).toBe(0);
  });

  it('a print that never finishes: pdf.te-lang too', async () => {
    const t = setup({ print: () => new Promise<Uint8Array>(() => undefined), timeoutMs: 30 });
    expect(await t.print(PAGE, 'Rapport.pdf')).toMatchObject({ ok: false, error: { code: 'pdf.te-lang' } });
    expect(t.windows[0]!.closed).toBe(1);
  });

  it('a failed write passes its own message on (e.g. disk full, with the file name)', async () => {
    const t = setup({
      write: async () => {
        throw new AppException('opslaan.schijf-vol', { bestand: 'Rapport.pdf' });
      },
    });
    expect(await t.print(PAGE, 'Rapport.pdf')).toEqual({
      ok: false,
      error: { code: 'opslaan.schijf-vol', params: { bestand: 'Rapport.pdf' } },
    });
  });

  it('with the real temp folder and atomic write: the PDF is on disk, the temp folder is gone', async () => {
    const { dir, cleanup } = tmpDir('wijkweb-print-');
    cleanups.push(cleanup);
    let pageDir = '';
    let pageText = '';
    const print = createPdfPrinter({
      temp: nodePrintTemp,
      createWindow: (allowed) => ({
        load: async (url) => {
          expect(url).toBe(allowed);
          const path = new URL(url);
          pageText = readFileSync(path, 'utf8');
          pageDir = join(path.pathname, '..');
        },
        printToPdf: async () => PDF,
        close: () => undefined,
      }),
      chooseSavePath: async () => join(dir, 'Rapport'),
      write: (path, bytes) => atomicWrite(nodeFs, path, bytes, { verify: isPdf }),
    });
    expect(await print(PAGE, 'Rapport.pdf')).toEqual({ ok: true, value: true });
    expect(pageText).toBe(withPrintCsp(PAGE));
    expect(existsSync(pageDir)).toBe(false);
    expect(readdirSync(dir)).toEqual(['Rapport.pdf']);
    expect(new Uint8Array(readFileSync(join(dir, 'Rapport.pdf')))).toEqual(PDF);
  });
});
