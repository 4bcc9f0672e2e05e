/**
 * "Afdrukken als PDF" on the desktop: a standalone report page (A4, with named A3-landscape pages for plates) goes
 * through Electron's printToPDF in a hidden window whose page may run no scripts, then a save dialog, then an atomic write.
 * Plain module with its dependencies injected (main.ts passes Electron's); unit-tested with fakes.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindowConstructorOptions } from 'electron';
import { AppException, ok, toAppError, type Result } from '../shared/result';
import { safeWebPreferences } from './window-options';

/** In memory only (no "persist:" prefix): the print window shares no cookies, cache or storage with the app. */
export const PRINT_PARTITION = 'wijkweb-afdrukken';

/** `preferCSSPageSize`: the page's own @page sizes (A4 portrait, A3 landscape plates) decide, not a paper setting. */
export const PDF_OPTIONS = {
  preferCSSPageSize: true,
  printBackground: true,
  generateTaggedPDF: true,
  generateDocumentOutline: true,
} as const;
export type PdfOptions = typeof PDF_OPTIONS;

export const PRINT_TIMEOUT_MS = 60_000;

/**
 * The policy of the page in the print window: its own inline styles and data: images and fonts, nothing else. No
 * scripts (`script-src 'none'`, said explicitly, not only through default-src: no inline script, no event handler
 * attribute, no javascript: URL, no worker), no frames, no network, no other files.
 */
export const PRINT_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  'font-src data:',
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');

/** The print window: the safe preferences of every window (window-options.ts), scripting on, its own partition. */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 794,
    height: 1123,
    title: 'Wijkweb – afdrukken',
    webPreferences: {
      // The script engine stays on, because Chromium's print-to-PDF was seen to write nothing with scripting switched
      // off (headless, --blink-settings). That is safe because no script can reach it:
      //  - the page's own policy is script-src 'none' (PRINT_PAGE_CSP), put first in the document by withPrintCsp, so
      //    it is in force before any other element of the page is parsed;
      //  - the page is our own report (shared/report/html.ts, every user text escaped), written to a private temp
      //    file; this window's session lets only that file and data: URLs load (createPrintRequestGate), and
      //    guardNavigation refuses every navigation, redirect and frame navigation away from it;
      //  - and if one ran anyway: sandboxed, isolated, no preload, no Node.js, its own in-memory partition with
      //    every permission denied, closed as soon as the PDF is made.
      ...safeWebPreferences(),
      javascript: true,
      partition: PRINT_PARTITION,
    },
  };
}

/**
 * Puts the print policy first in the document: right after a leading doctype, else at the very start. Not after the
 * first "<head" found by a search: that could be inside a comment or an attribute, leaving the policy out of force.
 * The parser puts a <meta> that comes before everything into an implied <head>; the page's own <html lang> still
 * counts (its attributes are added), its <head> tag is then ignored. Another policy in the page can only make it
 * stricter.
 */
export function withPrintCsp(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${PRINT_PAGE_CSP}">`;
  const doctype = /^\s*<!doctype[^<>]*>/i.exec(html);
  if (doctype) return doctype[0] + meta + html.slice(doctype[0].length);
  return meta + html;
}

/** A URL as the gate compares it: parsed, without its #fragment; file URLs without regard to case (Windows drive
 *  letters and folder names may come back in another case). */
function gateKey(url: string): string | null {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.protocol === 'file:' ? u.href.toLowerCase() : u.href;
  } catch {
    return null;
  }
}

/**
 * Which requests the print session lets through: data: URLs and the page files being printed right now. Everything
 * else (http, https, ws, other files) is cancelled. Main installs `isAllowed` as the session's onBeforeRequest.
 */
export function createPrintRequestGate() {
  const allowed = new Map<string, number>();
  return {
    /** Lets `url` load until the returned function is called. */
    allow(url: string): () => void {
      const key = gateKey(url);
      if (key === null) return () => undefined;
      allowed.set(key, (allowed.get(key) ?? 0) + 1);
      let revoked = false;
      return () => {
        if (revoked) return;
        revoked = true;
        const n = (allowed.get(key) ?? 1) - 1;
        if (n <= 0) allowed.delete(key);
        else allowed.set(key, n);
      };
    },
    isAllowed(url: string): boolean {
      if (/^data:/i.test(url)) return true;
      const key = gateKey(url);
      return key !== null && key.startsWith('file:') && allowed.has(key);
    },
  };
}

export function isPdf(bytes: Uint8Array): boolean {
  const magic = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
  return bytes.byteLength > magic.length && magic.every((b, i) => bytes[i] === b);
}

export function withPdfExtension(path: string): string {
  return path.toLowerCase().endsWith('.pdf') ? path : `${path}.pdf`;
}

/** The hidden window main makes (printWindowOptions, in PRINT_PARTITION, only `allowedUrl` may load). */
export interface PdfWindow {
  /** Loads the page; resolves when it has finished loading, rejects when it fails. */
  load(url: string): Promise<void>;
  printToPdf(options: PdfOptions): Promise<Uint8Array>;
  /** Closes the window and revokes its URL; called once, also after a failure. */
  close(): void;
}

/** A private temporary folder for the page file. */
export interface PrintTemp {
  create(): Promise<string>;
  writeText(path: string, text: string): Promise<void>;
  remove(dir: string): Promise<void>;
}

export const nodePrintTemp: PrintTemp = {
  create: () => mkdtemp(join(tmpdir(), 'wijkweb-pdf-')),
  writeText: (path, text) => writeFile(path, text, 'utf8'),
  remove: (dir) => rm(dir, { recursive: true, force: true, maxRetries: 3 }),
};

export interface PrintDeps {
  createWindow(allowedUrl: string): PdfWindow;
  readonly temp: PrintTemp;
  /** Where to save the PDF (default name `suggestedName`, filter PDF); null when the user cancels. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
  /** Atomic write (node/atomic-write.ts); its errors are AppExceptions with the file name. */
  write(path: string, bytes: Uint8Array): Promise<void>;
  readonly timeoutMs?: number;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppException('pdf.te-lang', { seconden: Math.round(ms / 1000) })), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function asPdfError(err: unknown): AppException {
  if (err instanceof AppException) return err;
  return new AppException('pdf.mislukt', undefined, err instanceof Error ? err.message : String(err));
}

/** BridgeApi.printPdf on the desktop: render, close the window, then ask where to save. */
export function createPdfPrinter(deps: PrintDeps): (html: string, suggestedName: string) => Promise<Result<boolean>> {
  const timeoutMs = deps.timeoutMs ?? PRINT_TIMEOUT_MS;

  async function render(html: string): Promise<Uint8Array> {
    const dir = await deps.temp.create();
    try {
      const file = join(dir, 'rapport.html');
      await deps.temp.writeText(file, withPrintCsp(html));
      const url = pathToFileURL(file).href;
      const win = deps.createWindow(url);
      try {
        await withTimeout(win.load(url), timeoutMs);
        const pdf = await withTimeout(win.printToPdf(PDF_OPTIONS), timeoutMs);
        if (!isPdf(pdf)) throw new AppException('pdf.mislukt', undefined, 'printToPDF gaf geen PDF');
        return pdf;
      } finally {
        win.close();
      }
    } finally {
      await deps.temp.remove(dir).catch(() => undefined);
    }
  }

  return async (html, suggestedName) => {
    let pdf: Uint8Array;
    try {
      pdf = await render(html);
    } catch (err) {
      return { ok: false, error: asPdfError(err).appError };
    }
    try {
      const chosen = await deps.chooseSavePath(suggestedName);
      if (chosen === null) return ok(false);
      await deps.write(withPdfExtension(chosen), pdf);
      return ok(true);
    } catch (err) {
      return { ok: false, error: toAppError(err) };
    }
  };
}
