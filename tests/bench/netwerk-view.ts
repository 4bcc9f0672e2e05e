/**
 * `npm run bench -- netwerk-view` (issue 17): the Netwerk view itself in headless Chromium, at 500 knopen / 2,000
 * relaties and 5,000 / 20,000: the time from opening the view to the first drawing of the map (target < 2 s), to the
 * end of the first layout (in its worker), and the frame times while panning and zooming with the mouse (target: a
 * median under 33 ms), with the canvas renderer and with WebGL where the browser has it. Uses the built UI (dist/,
 * or WIJKWEB_DIST) and /usr/bin/chromium (or WIJKWEB_CHROMIUM).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { netwerkProject as project } from '../helpers/netwerk-project';
import { launch, withoutFirstStart } from '../e2e/browser';
import { startServer } from '../e2e/server';

type Report = (what: string, value: string, note?: string) => void;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? NaN;

async function frames(page: Page, act: () => Promise<void>): Promise<number[]> {
  // A string, not a function: tsx would add its __name helper to a named arrow function, and the page has none.
  await page.evaluate(`(() => {
    window.__f = [];
    window.__stop = false;
    const tick = (t) => {
      window.__f.push(t);
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await act();
  await page.waitForTimeout(200);
  const ts = await page.evaluate(() => {
    const w = window as unknown as { __f: number[]; __stop: boolean };
    w.__stop = true;
    return w.__f;
  });
  // Two callbacks can get the same frame time (one frame): a frame is a step in time.
  return ts
    .slice(1)
    .map((t, i) => t - ts[i]!)
    .filter((d) => d > 0);
}

interface Meting {
  readonly url: string;
  readonly path: string;
  readonly naam: string;
  readonly webgl: boolean;
  readonly label: string;
  readonly screenshot?: string | undefined;
  /** Wait this long after the project opened before opening the view (the app then has the view's code). */
  readonly wachtMs?: number;
  /** WebGL in software (SwiftShader, llvmpipe): measured for comparison; the app draws with the canvas there. */
  readonly softwareGl?: boolean;
}

async function meet(
  { url, path, naam, webgl, label, screenshot, wachtMs = 0, softwareGl = false }: Meting,
  report: Report,
) {
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'nl-NL' });
    await withoutFirstStart(context);
    await context.addInitScript((w) => {
      localStorage.setItem('wijkweb.opslag', 'werkkopie');
      localStorage.setItem('wijkweb.netwerk.webgl', w ? '1' : '0');
    }, webgl);
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Project openen' }).click(),
    ]);
    await chooser.setFiles(path);
    await page.getByTestId('project-naam').filter({ hasText: naam }).waitFor({ timeout: 120_000 });
    if (wachtMs) await page.waitForTimeout(wachtMs);
    await page.evaluate(() => {
      const w = window as unknown as { __lang: number[] };
      w.__lang = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) w.__lang.push(e.duration);
      }).observe({ type: 'longtask' });
    });
    const t0 = Date.now();
    const p0 = await page.evaluate(() => performance.now());
    await page.getByRole('navigation').getByRole('button', { name: 'Netwerk' }).click();
    await page.locator('[data-testid="netwerk-canvas"][data-getekend="ja"]').waitFor({ timeout: 120_000 });
    // The marks the view sets (graph.ts, setModel and schetsEerst): the frame with the sketch of the map (knopen and
    // lines) went to the screen; its names too; Cytoscape's own first drawing (from then on you can click, pan, zoom).
    const mark = (naam: string) =>
      page
        .waitForFunction((n) => performance.getEntriesByName(n)[0]?.startTime, naam, { timeout: 300_000, polling: 250 })
        .then((h) => h.jsonValue() as Promise<number>);
    const eerste = (await mark('wijkweb:netwerk-schets')) - p0;
    const namen = (await mark('wijkweb:netwerk-namen')) - p0;
    const cytoscape = (await mark('wijkweb:netwerk-getekend')) - p0;
    await page.locator('[data-testid="netwerk-canvas"][data-bezig="nee"]').waitFor({ timeout: 300_000 });
    const indeling = Date.now() - t0;
    const langste = await page.evaluate(() => Math.max(0, ...(window as unknown as { __lang: number[] }).__lang));
    const gebruikt = await page
      .getByTestId('netwerk-canvas')
      .evaluate((el) => el.querySelectorAll('canvas').length > 0 && !!el.querySelector('canvas'));
    await page.waitForTimeout(500);
    if (screenshot) await page.screenshot({ path: screenshot });
    const box = (await page.getByTestId('netwerk-canvas').boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const pan = await frames(page, async () => {
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      for (let i = 1; i <= 60; i++) await page.mouse.move(cx - i * 3, cy + i * 2);
      await page.mouse.up();
    });
    const zoom = await frames(page, async () => {
      await page.mouse.move(cx, cy);
      for (let i = 0; i < 20; i++) {
        await page.mouse.wheel(0, i < 10 ? -120 : 120);
        await page.waitForTimeout(16);
      }
    });
    const r = (n: number) => `${Math.round(n)} ms`;
    const frameDoel = (m: number) =>
      softwareGl
        ? ' (software GL: the app uses the canvas here; no target)'
        : m < 33
          ? ''
          : ' (target < 33 ms: MISSED)';
    report(
      `Netwerk view ${label}: first drawing`,
      r(eerste),
      eerste < 2000 ? 'target < 2 s: ok' : 'target < 2 s: MISSED',
    );
    report(`Netwerk view ${label}: names on the first drawing`, r(namen));
    report(
      `Netwerk view ${label}: Cytoscape's first drawing`,
      r(cytoscape),
      'from then on the map answers to the mouse',
    );
    report(`Netwerk view ${label}: first layout done`, r(indeling), `longest task on the page ${r(langste)}`);
    report(
      `Netwerk view ${label}: pan frames`,
      `${median(pan).toFixed(1)} ms`,
      `median of ${pan.length}; p95 ${p95(pan).toFixed(1)} ms; max ${Math.max(...pan).toFixed(1)} ms${frameDoel(median(pan))}`,
    );
    report(
      `Netwerk view ${label}: zoom frames`,
      `${median(zoom).toFixed(1)} ms`,
      `median of ${zoom.length}; p95 ${p95(zoom).toFixed(1)} ms${frameDoel(median(zoom))}`,
    );
    void gebruikt;
    await context.close();
  } finally {
    await browser.close();
  }
}

/** WebGL 2 in this Chromium (headless, software or not)? */
async function heeftWebgl(url: string): Promise<string | null> {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(url);
    return await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      if (!gl) return null;
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      return info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'webgl2';
    });
  } finally {
    await browser.close();
  }
}

export async function benchNetwerkView(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'wijkweb-bench-view-'));
  const server = await startServer(process.env.WIJKWEB_DIST || undefined);
  try {
    const webgl = await heeftWebgl(server.url);
    report(
      'Netwerk view: WebGL 2 in this Chromium',
      webgl ?? 'no',
      webgl ? '' : 'only the canvas renderer is measured',
    );
    const shots = process.env.WIJKWEB_BENCH_SCREENSHOTS;
    // WIJKWEB_BENCH_VIEW=5000: only that size.
    const alleen = Number(process.env.WIJKWEB_BENCH_VIEW) || 0;
    for (const [orgs, relaties] of (
      [
        [250, 1750],
        [2500, 17_500],
      ] as const
    ).filter(([o]) => !alleen || o * 2 === alleen)) {
      const t = Date.now();
      const path = await project(dir, orgs, relaties);
      const knopen = orgs * 2;
      const label = `${knopen.toLocaleString('en')} knopen / ${(orgs + relaties).toLocaleString('en')} lines`;
      report(`Netwerk view ${label}: project made`, `${Date.now() - t} ms`, '(not part of the view)');
      const basis = { url: server.url, path, naam: `Bench ${knopen}` };
      await meet(
        {
          ...basis,
          webgl: false,
          label: `${label}, canvas`,
          screenshot: shots && join(shots, `bench-${knopen}-canvas.png`),
        },
        report,
      );
      // As you usually open it: a while after the project, when the app has fetched the view's code.
      if (knopen <= 500)
        await meet(
          { ...basis, webgl: false, label: `${label}, canvas, opened 2.5 s after the project`, wachtMs: 2500 },
          report,
        );
      if (webgl)
        await meet(
          {
            ...basis,
            webgl: true,
            label: `${label}, WebGL`,
            screenshot: shots && join(shots, `bench-${knopen}-webgl.png`),
            softwareGl: /swiftshader|llvmpipe|software/i.test(webgl),
          },
          report,
        );
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
