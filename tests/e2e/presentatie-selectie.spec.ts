/**
 * Issue 17, the presentation: on the voorbeeldproject at 1280×720, the title slide follows the report's choice of
 * gebieden and peildatum (its figures those the service gives for that choice, one peildatum in its subtitle); the
 * slides are reordered on Rapport → Dia's by keyboard (the Omlaag button, Alt+↑ in a field) and by dragging, and the
 * presentation follows; every slide readable from the back of the room: titles ≥ 24 px, all other visible text ≥ 18 px,
 * the plates' text measured after the slide scaled them. Screenshots of every slide in test-results/screenshots.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createProjectService } from '../../shared/service/project-service';
import { unwrap } from '../../shared/result';
import type { Dia } from '../../shared/report/model';
import { sha256, sql } from '../helpers/db';
import { axeViolations, newPage, screenshot, useAppInBrowser } from './browser';

const app = useAppInBrowser();

const GEBIEDEN = ['BU01530201', 'BU01530301'];
const PEILDATUM = '2024-05-01';

/** What the service itself makes of the voorbeeldproject (the file the app opens) for this choice, and without one. */
async function verwacht(): Promise<{ gekozen: Dia; heel: Dia; dias: Dia[] }> {
  const bytes = readFileSync(join(process.env.WIJKWEB_DIST || 'dist', 'demo', 'voorbeeldproject.wijkweb'));
  const s = createProjectService({ SQL: await sql(), now: () => new Date().toISOString(), sha256 });
  unwrap(await s.openProject(new Uint8Array(bytes), 'voorbeeldproject.wijkweb'));
  const dias = unwrap(await s.getPresentatie({ gebieden: GEBIEDEN, peildatum: PEILDATUM }));
  const heel = unwrap(await s.getPresentatie())[0]!;
  return { gekozen: dias[0]!, heel, dias };
}

const serious = (violations: string[]) => violations.filter((v) => /\((serious|critical)\)/.test(v));

interface Maat {
  readonly tekst: string;
  readonly px: number;
  readonly titel: boolean;
  readonly svg: boolean;
}

/**
 * Every visible text on the slide with its rendered size in px: HTML text by its computed font size (checked against
 * its box with getBoundingClientRect), the plate's SVG text by its font size times the scale at which the slide
 * draws the plate (the <img> is object-fit: contain; the SVG is laid over it at that size and measured there). The
 * page's CSP lets no script read the blob: behind the <img>, so the plate's source comes from the service in Node
 * (the same file, the same choice: the same SVG).
 */
async function tekstMaten(page: Page, plaat: string | null): Promise<Maat[]> {
  return page.evaluate(async (plaat) => {
    const uit: { tekst: string; px: number; titel: boolean; svg: boolean }[] = [];
    const root = document.querySelector('.wijkweb-presentatie')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      const tekst = (node.textContent ?? '').trim();
      const el = node.parentElement;
      if (!tekst || !el || el.closest('.wijkweb-visually-hidden')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || style.opacity === '0') continue;
      // Only what is on the screen (the table may scroll).
      if (box.bottom <= 0 || box.top >= innerHeight || box.right <= 0 || box.left >= innerWidth) continue;
      const px = parseFloat(style.fontSize);
      // The line box is at least as high as the font: a scaled or clipped text would show here.
      if (box.height < px * 0.9)
        uit.push({ tekst: `${tekst} (box ${box.height})`, px: box.height, titel: false, svg: false });
      uit.push({ tekst: tekst.slice(0, 60), px, titel: el.closest('h2') !== null, svg: false });
    }
    for (const img of document.querySelectorAll<HTMLImageElement>('.wijkweb-presentatie img')) {
      const bron = plaat ?? '';
      const svg = new DOMParser().parseFromString(bron, 'image/svg+xml').documentElement as unknown as SVGSVGElement;
      const [, , vw, vh] = (svg.getAttribute('viewBox') ?? '').split(/\s+/).map(Number) as [
        number,
        number,
        number,
        number,
      ];
      const r = img.getBoundingClientRect();
      const schaal = Math.min(r.width / vw, r.height / vh);
      const laag = document.createElement('div');
      laag.style.cssText = `position:fixed;left:${r.left}px;top:${r.top}px;pointer-events:none;opacity:0`;
      const los = document.importNode(svg, true);
      los.setAttribute('width', String(vw * schaal));
      los.setAttribute('height', String(vh * schaal));
      laag.appendChild(los);
      document.body.appendChild(laag);
      for (const t of los.querySelectorAll('text')) {
        const tekst = (t.textContent ?? '').trim();
        if (!tekst) continue;
        const px = parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM()?.a ?? 1);
        const box = t.getBoundingClientRect();
        if (box.height < px * 0.9)
          uit.push({ tekst: `${tekst} (box ${box.height})`, px: box.height, titel: false, svg: true });
        uit.push({ tekst: tekst.slice(0, 60), px, titel: false, svg: true });
      }
      laag.remove();
    }
    return uit;
  }, plaat);
}

const titelsInLijst = (page: Page) =>
  page
    .getByTestId('dia-instelling')
    .evaluateAll((lis) => lis.map((li) => (li.querySelector('input') as HTMLInputElement | null)?.value ?? ''));

describe('the presentation follows the report, in the order you choose, readable from the back', () => {
  it('title slide of the chosen gebieden and peildatum; reorder by keyboard and drag; text ≥ 24/18 px', async () => {
    const { gekozen, heel, dias } = await verwacht();
    const figuren = (d: Dia) => (d.kerngetallen ?? []).map((k) => `${k.label} ${k.waarde}`);
    // The choice must change what the title slide says, or the test proves nothing.
    expect(figuren(gekozen)).not.toEqual(figuren(heel));

    const { context, page, errors } = await newPage(app.browser, app.url);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('button', { name: 'Bekijk het voorbeeldproject' }).click();
    await page.getByTestId('project-naam').waitFor({ timeout: 30_000 });

    // Rapport: Boswinkel-De Braker (chosen by default) and Twekkelerveld, peildatum 1 May 2024.
    await page.locator('.wijkweb-nav').getByRole('button', { name: 'Rapport' }).click();
    await page.getByTestId('rapport-pagina').waitFor();
    const boswinkel = page.getByRole('checkbox', { name: 'Boswinkel-De Braker (buurt)' });
    await expect.poll(() => boswinkel.isChecked(), { timeout: 30_000 }).toBe(true);
    await page.getByLabel('Zoek een gebied').fill('Twekkelerveld');
    await page.getByRole('checkbox', { name: 'Twekkelerveld (buurt)' }).check();
    await page.getByLabel('Peildatum', { exact: true }).fill(PEILDATUM);
    await page.getByRole('tab', { name: "Dia's voor de presentatie" }).click();
    await expect
      .poll(() => page.getByTestId('dias-selectie').textContent())
      .toContain('Boswinkel-De Braker, Twekkelerveld, peildatum 1 mei 2024');

    // The presentation's title slide: the figures of the choice, one peildatum.
    await page.getByRole('button', { name: 'Presenteren' }).click();
    const dia = page.getByTestId('dia');
    const teller = page.getByTestId('dia-teller');
    await teller.filter({ hasText: /Dia 1 van \d+/ }).waitFor({ timeout: 30_000 });
    const aantal = Number(/van (\d+)/.exec((await teller.textContent()) ?? '')?.[1]);
    const kerngetallen = await dia
      .locator('.wijkweb-presentatie__kerngetal')
      .evaluateAll((els) =>
        els.map((el) => `${el.querySelector('dt')!.textContent} ${el.querySelector('dd')!.textContent}`),
      );
    expect(kerngetallen).toEqual(figuren(gekozen));
    const ondertitel = (await dia.locator('.wijkweb-presentatie__ondertitel').textContent()) ?? '';
    expect(ondertitel).toBe('Stand van de sociale basis, 1 mei 2024');
    expect(
      ondertitel.match(
        /\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}/g,
      ),
    ).toHaveLength(1);
    expect(await dia.getByTestId('dia-gebieden').textContent()).toBe('Boswinkel-De Braker, Twekkelerveld');

    // Every slide: looked at, and measured.
    const alleMaten: { dia: number; soort: string; maten: Maat[] }[] = [];
    const titels: string[] = [];
    for (let i = 1; i <= aantal; i++) {
      await teller.filter({ hasText: `Dia ${i} van ${aantal}` }).waitFor();
      const soort = ((await dia.getAttribute('class')) ?? '').replace(/.*wijkweb-presentatie__dia--/, '');
      titels.push(((await dia.getByRole('heading', { level: 2 }).textContent()) ?? '').trim());
      if (await dia.getByTestId('dia-plaat').count()) {
        await page.waitForFunction(() => {
          const el = document.querySelector<HTMLImageElement>('[data-testid="dia-plaat"]');
          return el !== null && el.complete && el.naturalWidth > 0;
        });
      }
      expect(dias[i - 1]!.titel).toBe(titels[i - 1]);
      const maten = await tekstMaten(page, dias[i - 1]!.svg ?? null);
      alleMaten.push({ dia: i, soort, maten });
      // Not blank: a title and more text than the title on every slide.
      expect(maten.filter((m) => !m.titel).length).toBeGreaterThan(0);
      await screenshot(page, `presentatie-selectie-${String(i).padStart(2, '0')}-${soort}`);
      if (i < aantal) await page.keyboard.press('ArrowRight');
    }
    expect(serious(await axeViolations(page))).toEqual([]);
    const samenvatting = alleMaten.map(({ dia: n, soort, maten }) => ({
      dia: n,
      soort,
      titel: Math.min(...maten.filter((m) => m.titel).map((m) => m.px)),
      tekst: Math.min(...maten.filter((m) => !m.titel && !m.svg).map((m) => m.px)),
      svg: maten.some((m) => m.svg) ? Math.min(...maten.filter((m) => m.svg).map((m) => m.px)) : null,
    }));
    console.log('Tekstmaten bij 1280×720 (kleinste per dia, px):', JSON.stringify(samenvatting));
    const te = alleMaten.flatMap(({ dia: n, maten }) =>
      maten.filter((m) => m.px < (m.titel ? 24 : 18)).map((m) => `dia ${n}: ${m.tekst} (${m.px.toFixed(1)} px)`),
    );
    expect(te).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId('presentatie').waitFor({ state: 'detached' });

    // Reorder on Rapport → Dia's. The voorbeeldproject's saved views: kaart, hiaten, netwerk.
    const [kaart, hiaten, netwerk] = await titelsInLijst(page);
    expect(titels.slice(-3)).toEqual([kaart, hiaten, netwerk]);
    const aankondiging = page.getByTestId('dias-aankondiging');
    // Keyboard 1: the first slide's Omlaag button (Enter); the focus stays on it.
    const omlaag = page.getByRole('button', { name: `Dia ‘${kaart}’ omlaag` });
    await omlaag.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => titelsInLijst(page)).toEqual([hiaten, kaart, netwerk]);
    await expect.poll(() => aankondiging.textContent()).toBe(`Dia ‘${kaart}’ staat nu op plaats 2 van 3.`);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Dia ‘${kaart}’ omlaag`);
    // Keyboard 2: Alt+↑ in the last slide's title field; the focus stays in the field.
    const veld = page.getByTestId('dia-instelling').nth(2).getByLabel('Titel op de dia');
    await veld.focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => titelsInLijst(page)).toEqual([hiaten, netwerk, kaart]);
    await expect.poll(() => aankondiging.textContent()).toBe(`Dia ‘${netwerk}’ staat nu op plaats 2 van 3.`);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe(netwerk);
    await screenshot(page, 'presentatie-selectie-dias-volgorde');
    expect(serious(await axeViolations(page))).toEqual([]);
    // Drag: the last slide by its handle onto the first (a tall window, so both are on the screen: a drag
    // outside the viewport is not a drag).
    await page.setViewportSize({ width: 1280, height: 1600 });
    await page.getByTestId('dia-greep').nth(2).dragTo(page.getByTestId('dia-instelling').nth(0));
    await expect.poll(() => titelsInLijst(page)).toEqual([kaart, hiaten, netwerk]);
    // Kept in the project: after a fresh fetch (another tab and back) the order is the same.
    await page.getByRole('tab', { name: 'Stuurgroepmomenten' }).click();
    await page.getByRole('tab', { name: "Dia's voor de presentatie" }).click();
    await expect.poll(() => titelsInLijst(page)).toEqual([kaart, hiaten, netwerk]);

    // Once more by drag, to an order the voorbeeldproject did not have: netwerk first.
    await page.getByTestId('dia-greep').nth(2).dragTo(page.getByTestId('dia-instelling').nth(0));
    await expect.poll(() => titelsInLijst(page)).toEqual([netwerk, kaart, hiaten]);

    // The presentation follows the new order.
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('button', { name: 'Presenteren' }).click();
    await teller.filter({ hasText: `Dia 1 van ${aantal}` }).waitFor({ timeout: 30_000 });
    await page.keyboard.press('End');
    const nieuw: string[] = [];
    for (let i = aantal; i > aantal - 3; i--) {
      await teller.filter({ hasText: `Dia ${i} van ${aantal}` }).waitFor();
      nieuw.unshift(((await dia.getByRole('heading', { level: 2 }).textContent()) ?? '').trim());
      await page.keyboard.press('ArrowLeft');
    }
    expect(nieuw).toEqual([netwerk, kaart, hiaten]);
    await page.keyboard.press('Escape');
    await page.getByTestId('presentatie').waitFor({ state: 'detached' });

    // One undo step per move: Ctrl+Z puts back the order before the last drag.
    await page.keyboard.press('Control+z');
    await expect.poll(() => titelsInLijst(page)).toEqual([kaart, hiaten, netwerk]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
