/**
 * `npm run bench -- groot` (issue 16), in the browser: the big project (~330 MB, groot.ts) opened in the built app in
 * headless Chromium as a user does (Project openen), the time until its overview shows, and what the page then keeps:
 * the renderer's JavaScript heap after a garbage collection. The database lives in the Web Worker; the page should
 * keep next to nothing of the file. Uses dist/ (or WIJKWEB_DIST) and /usr/bin/chromium (or WIJKWEB_CHROMIUM).
 */
import { statSync } from 'node:fs';
import { launch, withoutFirstStart } from '../e2e/browser';
import { startServer } from '../e2e/server';

type Report = (what: string, value: string, note?: string) => void;

const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;

export async function benchBigProjectInBrowser(path: string, naam: string, report: Report): Promise<void> {
  const server = await startServer(process.env.WIJKWEB_DIST || undefined);
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'nl-NL' });
    await withoutFirstStart(context);
    // A working copy in the browser (OPFS): headless Chromium has no file picker to save to.
    await context.addInitScript(() => localStorage.setItem('wijkweb.opslag', 'werkkopie'));
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
    };
    const before = await heap();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Project openen' }).click(),
    ]);
    const t0 = Date.now();
    await chooser.setFiles(path);
    await page.getByTestId('project-naam').filter({ hasText: naam }).waitFor({ timeout: 300_000 });
    const open = Date.now() - t0;
    // The first save (a working copy of the whole file) and any work after opening end before the heap is read.
    await page.waitForTimeout(3000);
    const after = await heap();
    report(
      `big project in the browser: open ${mb(statSync(path).size)} until its overview shows`,
      `${(open / 1000).toFixed(1)} s`,
      'the file read, its working copy written to the browser (OPFS), sent to the worker, integrity_check there',
    );
    report(
      'big project in the browser: renderer heap after opening',
      mb(after),
      `${mb(after - before)} more than before; the database is in the worker`,
    );
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
}
