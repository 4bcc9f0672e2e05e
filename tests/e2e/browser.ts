import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startServer } from './server';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { CHROMIUM } from '../helpers/tools';

export { CHROMIUM };
export const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * A fresh browser profile per test (isolated OPFS and storage). Chromium has the File System Access API, whose
 * native file dialogs a test cannot answer: by default new projects go to working copies in the browser
 * ('werkkopie'); `storage: 'bestand'` keeps the real API (tests then stub the pickers). A fresh profile is a first
 * start, which opens the voorbeeldproject and its tour: by default that has already happened; `voorbeeld: true`
 * leaves it to the app.
 */
export async function newPage(
  browser: Browser,
  baseUrl: string,
  options: { storage?: 'bestand' | 'werkkopie'; init?: () => void; voorbeeld?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'nl-NL',
    acceptDownloads: true,
  });
  if ((options.storage ?? 'werkkopie') === 'werkkopie') {
    await context.addInitScript(() => {
      try {
        localStorage.setItem('wijkweb.opslag', 'werkkopie');
      } catch {
        // A sandboxed frame (the report preview) has no localStorage.
      }
    });
  }
  if (!options.voorbeeld) await withoutFirstStart(context);
  if (options.init) await context.addInitScript(options.init);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  await page.goto(baseUrl);
  await page.waitForSelector('body[data-ready="true"]');
  return { context, page, errors };
}

/**
 * A profile that has had its first start: the voorbeeldproject was offered and the tour seen, so an empty recent
 * list stays the Start page. For tests that make their own context.
 */
export async function withoutFirstStart(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    try {
      localStorage.setItem('wijkweb.voorbeeld.aangeboden', '1');
      localStorage.setItem('wijkweb.rondleiding.gezien', '1');
    } catch {
      // A sandboxed frame (the report preview) has no localStorage.
    }
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG violations on the page as it is now, one line each (empty when there are none). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<unknown> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })) as {
      violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
    };
  });
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * One server (the built UI, with the desktop app's headers) and one Chromium per spec file. The UI is dist/, or the
 * folder in WIJKWEB_DIST (a build of your own while someone else rebuilds dist/).
 */
export function useAppInBrowser(): { readonly browser: Browser; readonly url: string } {
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  beforeAll(async () => {
    server = await startServer(process.env.WIJKWEB_DIST || undefined);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      return browser!;
    },
    get url() {
      return server!.url;
    },
  };
}

/** Start page → Nieuw project → name → the Overzicht of the new project. */
export async function createProject(page: Page, naam: string): Promise<void> {
  await page.getByRole('button', { name: 'Nieuw project' }).click();
  await page.getByLabel('Naam van het project').fill(naam);
  await page.getByRole('button', { name: 'Project maken' }).click();
  await page.getByTestId('project-naam').waitFor();
}

/** Bestand → Project openen with a file chooser → the project of that name is open. */
export async function openProjectFile(page: Page, path: string, naam: string): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Project openen' }).click(),
  ]);
  await chooser.setFiles(path);
  await page.getByTestId('project-naam').filter({ hasText: naam }).waitFor();
}
