/**
 * A PDF of a standalone report page from the command line, through a Chromium-family browser that is already on the
 * computer (Edge, Chrome, Chromium): headless, with its own throw-away profile, no network, print-to-pdf. The page's
 * print CSS decides the pages (A4 portrait, named A3-landscape pages for plates); Chromium honours both.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix, win32 } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppException } from '../shared/result';

export const PDF_TIMEOUT_MS = 60_000;

/** Where Chromium-family browsers are installed, per platform, in the order they are tried. */
export function browserCandidates(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  if (platform === 'win32') {
    const x86 = env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)';
    const programFiles = env.ProgramFiles ?? 'C:\\Program Files';
    const edge = ['Microsoft', 'Edge', 'Application', 'msedge.exe'];
    const chrome = ['Google', 'Chrome', 'Application', 'chrome.exe'];
    return [
      win32.join(x86, ...edge),
      win32.join(programFiles, ...edge),
      win32.join(programFiles, ...chrome),
      win32.join(x86, ...chrome),
      ...(env.LOCALAPPDATA ? [win32.join(env.LOCALAPPDATA, ...chrome)] : []),
    ];
  }
  if (platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      'Chromium.app/Contents/MacOS/Chromium',
    ];
    return [
      ...apps.map((a) => posix.join('/Applications', a)),
      ...(env.HOME ? apps.map((a) => posix.join(env.HOME!, 'Applications', a)) : []),
    ];
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/microsoft-edge',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge-stable',
    '/snap/bin/chromium',
  ];
}

/**
 * The path of a Chromium-family browser, or null when there is none: `WIJKWEB_BROWSER_PATH` first (when that file
 * exists), then the usual places of Edge, Chrome and Chromium on this platform.
 */
export function findBrowser(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  exists: (path: string) => boolean = existsSync,
): string | null {
  const own = env.WIJKWEB_BROWSER_PATH?.trim();
  if (own && exists(own)) return own;
  return browserCandidates(env, platform).find((p) => exists(p)) ?? null;
}

/** The command line: headless print-to-pdf with a fresh profile, no extensions, no sync, no network. */
export function browserArgs(dir: string, pageUrl: string): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-pdf-header-footer',
    '--print-to-pdf-no-header',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    '--disable-default-apps',
    '--no-first-run',
    '--no-default-browser-check',
    '--mute-audio',
    // No network: names resolve to nothing, and whatever is left goes to a proxy that is not there.
    '--host-resolver-rules=MAP * ~NOTFOUND',
    '--proxy-server=127.0.0.1:9',
    '--proxy-bypass-list=<-loopback>',
    // Not `--blink-settings=scriptEnabled=false`: headless print-to-pdf then silently writes no file (Chromium 1xx).
    `--user-data-dir=${join(dir, 'profiel')}`,
    `--print-to-pdf=${join(dir, 'uit.pdf')}`,
    pageUrl,
  ];
}

export interface RunResult {
  readonly code: number | null;
  readonly timedOut: boolean;
  /** The end of what the browser wrote to stderr, for the error's detail. */
  readonly stderr: string;
}

/** Runs the browser and waits for it to end; kills it after `timeoutMs`. Injected in tests. */
export type RunBrowser = (browser: string, args: readonly string[], timeoutMs: number) => Promise<RunResult>;

export const runBrowser: RunBrowser = (browser, args, timeoutMs) =>
  new Promise((resolve, reject) => {
    const child = spawn(browser, args, { stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true });
    let stderr = '';
    let timedOut = false;
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut, stderr });
    });
  });

export interface HtmlToPdfDeps {
  /** The browser to run: `findBrowser()`; null gives `pdf.geen-browser`. */
  readonly browserPath: string | null;
  /** Default 60 s; then the browser is stopped and `pdf.te-lang` is thrown. */
  readonly timeoutMs?: number;
  /** Where the private temporary folder is made (default: the system's temp folder). */
  readonly tmpRoot?: string;
  readonly run?: RunBrowser;
}

function isPdf(bytes: Uint8Array): boolean {
  const magic = '%PDF-';
  return bytes.byteLength > magic.length && [...magic].every((c, i) => bytes[i] === c.charCodeAt(0));
}

/**
 * Makes a PDF of a standalone HTML page with a headless Chromium-family browser. The page is written into a fresh
 * private folder (with the browser's throw-away profile and the PDF), which is removed afterwards, also on failure.
 * Throws AppException `pdf.geen-browser`, `pdf.te-lang` {seconden} or `pdf.mislukt`.
 */
export async function htmlToPdf(html: string, deps: HtmlToPdfDeps): Promise<Uint8Array> {
  if (!deps.browserPath) throw new AppException('pdf.geen-browser');
  const timeoutMs = deps.timeoutMs ?? PDF_TIMEOUT_MS;
  const run = deps.run ?? runBrowser;
  const dir = await mkdtemp(join(deps.tmpRoot ?? tmpdir(), 'wijkweb-pdf-'));
  try {
    const page = join(dir, 'rapport.html');
    await writeFile(page, html, 'utf8');
    let result: RunResult;
    try {
      result = await run(deps.browserPath, browserArgs(dir, pathToFileURL(page).href), timeoutMs);
    } catch (err) {
      throw new AppException('pdf.mislukt', undefined, `${deps.browserPath}: ${String(err)}`);
    }
    if (result.timedOut) throw new AppException('pdf.te-lang', { seconden: Math.round(timeoutMs / 1000) });
    let pdf: Uint8Array;
    try {
      const buf = await readFile(join(dir, 'uit.pdf'));
      pdf = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    } catch {
      throw new AppException(
        'pdf.mislukt',
        undefined,
        `${deps.browserPath} maakte geen PDF (afsluitcode ${result.code}): ${result.stderr.trim()}`,
      );
    }
    if (!isPdf(pdf)) throw new AppException('pdf.mislukt', undefined, 'het bestand is geen PDF');
    return pdf;
  } finally {
    // The browser may still be letting go of its profile (Windows): retry for a moment.
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch(() => undefined);
  }
}
