/**
 * The Netwerk view in the browser: the Utrecht sociale kaart (partner list + verwijzingen, made with the real service
 * in Node) on the canvas; filter by leefgebied, focus a node, save a view and apply it again, export PNG and SVG, the
 * analysis tables (betweenness, sector matrix), axe. And a map of 2,000 knopen: it renders and pans (frame time).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createProjectService } from '../../shared/service/project-service';
import { sha256, sql } from '../helpers/db';
import { axeViolations, newPage, screenshot, SCREENSHOTS, useAppInBrowser, openProjectFile } from './browser';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
const app = useAppInBrowser();

type Service = ReturnType<typeof createProjectService>;

const file = (path: string) => ({ name: path.split('/').pop()!, bytes: new Uint8Array(readFileSync(FIXTURES + path)) });
const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

async function projectFile(naam: string, fill: (s: Service) => Promise<void>): Promise<string> {
  const s = createProjectService({ SQL: await sql(), sha256 });
  unwrap(await s.createProject(naam));
  await fill(s);
  const bytes = unwrap(await s.exportProject());
  const path = join(mkdtempSync(join(tmpdir(), 'wijkweb-netwerk-')), `${naam}.wijkweb`);
  writeFileSync(path, bytes);
  return path;
}

/** Utrecht Noordwest: CBS buurten, the partner spreadsheet and the verwijzingen of 2024, plus a planned initiative. */
const utrecht = () =>
  projectFile('Utrecht Noordwest', async (s) => {
    unwrap(await s.importCbs(file('cbs/kwb-2023-utrecht.xlsx'), {}));
    unwrap(await s.importPartners(file('partners/sociale-kaart-utrecht.xlsx'), { foutenOverslaan: true }));
    unwrap(await s.importRelaties(file('partners/verwijzingen-2024.xlsx'), { foutenOverslaan: true }));
    const dock = unwrap(await s.listOrganisaties()).find((o) => o.naam === 'Stichting Dock')!;
    unwrap(
      await s.saveVoorziening(null, {
        naam: 'Buurtkamer Zuilen-Oost (gepland)',
        organisatieId: dock.id,
        collectief: true,
        vrijToegankelijk: true,
        status: 'gepland',
        leefgebieden: ['welzijn'],
        doelgroepen: ['ouderen_65_plus'],
      }),
    );
  });

async function gotoNetwerk(page: Page) {
  await page.getByRole('navigation').getByRole('button', { name: 'Netwerk' }).click();
  await page.getByRole('heading', { level: 1, name: 'Netwerk' }).waitFor();
  await page.getByTestId('netwerk-canvas').locator('canvas').first().waitFor();
  // At 1280 px the filters start folded (the map gets their room): these tests use them, as a user would open them.
  const tonen = page.getByRole('button', { name: 'Weergave en filters tonen »' });
  if (await tonen.count()) await tonen.click();
}

/** Non-white pixels of a PNG, counted in the page (no image library in Node). */
async function inkt(page: Page, png: Buffer): Promise<{ breedte: number; hoogte: number; inkt: number }> {
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 235 || data[i + 1]! < 235 || data[i + 2]! < 235) n++;
    return { breedte: bitmap.width, hoogte: bitmap.height, inkt: n };
  }, png.toString('base64'));
}

/** Non-white pixels of what Cytoscape drew (its canvas layers only: not the legend or the buttons on top). */
async function canvasInkt(page: Page): Promise<{ breedte: number; hoogte: number; inkt: number }> {
  return page.getByTestId('netwerk-canvas').evaluate((el) => {
    const lagen = [...el.querySelectorAll('canvas')];
    const w = lagen[0]!.width;
    const h = lagen[0]!.height;
    const samen = new OffscreenCanvas(w, h);
    const ctx = samen.getContext('2d')!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, w, h);
    for (const laag of lagen) ctx.drawImage(laag, 0, 0);
    const data = ctx.getImageData(0, 0, w, h).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 235 || data[i + 1]! < 235 || data[i + 2]! < 235) n++;
    return { breedte: w, hoogte: h, inkt: n };
  });
}

/**
 * What Cytoscape holds now, read from the registry it keeps on its container (`_cyreg`): the partner and voorziening
 * knopen it draws (no gebied knopen or group labels), and how many of those are faded.
 */
async function getekend(page: Page): Promise<{ knopen: number; vervaagd: number }> {
  return page.getByTestId('netwerk-canvas').evaluate((el) => {
    type Knopen = { length: number; not(sel: string): Knopen; filter(sel: string): Knopen };
    const cy = (el as unknown as { _cyreg?: { cy?: { nodes(): Knopen } } })._cyreg?.cy;
    if (!cy) throw new Error('geen Cytoscape op het canvas');
    const knopen = cy.nodes().not('.groeplabel').not('.gebied');
    return { knopen: knopen.length, vervaagd: knopen.filter('.vervaagd').length };
  });
}

/** Waits until the layout and the figures are done. */
async function rustig(page: Page) {
  await page.locator('[data-testid="netwerk-canvas"][data-bezig="nee"]').waitFor();
  await page.getByText('De cijfers worden berekend…').first().waitFor({ state: 'detached' });
  // Cytoscape draws on the next animation frames.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 150)));
}

describe('Netwerk: the Utrecht sociale kaart', () => {
  it('draws the network, filters by leefgebied, focuses, saves and applies a view, exports PNG and SVG', async () => {
    const path = await utrecht();
    const { context, page, errors } = await newPage(app.browser, app.url);
    await openProjectFile(page, path, 'Utrecht Noordwest');
    await gotoNetwerk(page);
    await rustig(page);
    const telling = page.getByTestId('netwerk-telling');
    expect(await telling.textContent()).toBe('143 van 143 partners en voorzieningen · 32 van 32 relaties');
    // Not blank: the canvas holds the drawing (nodes, edges, labels), not only the legend.
    const start = await canvasInkt(page);
    expect(start.inkt).toBeGreaterThan(4000);
    const legenda = page.getByTestId('legenda');
    expect(await legenda.textContent()).toContain('Welzijn');
    expect(await legenda.textContent()).toContain('Gepland initiatief (streepjes)');
    expect(await legenda.textContent()).toContain('Verwijzing');
    await screenshot(page, '89-netwerk');

    // Filter by leefgebied: the rest fades; the chip says what is filtered and how much is left.
    await page.getByRole('group', { name: 'Leefgebied' }).getByLabel('Welzijn/Recreatie/vrije tijd').check();
    const chip = page.getByRole('button', { name: 'Filter ‘Leefgebied: Welzijn/Recreatie/vrije tijd’ weghalen' });
    await chip.waitFor();
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="netwerk-telling"]')?.textContent?.startsWith('143 van'),
    );
    const gefilterd = (await telling.textContent())!;
    const [, knopen] = /^(\d+) van 143/.exec(gefilterd)!;
    expect(Number(knopen)).toBeGreaterThan(10);
    expect(Number(knopen)).toBeLessThan(143);
    await rustig(page);
    await screenshot(page, '90-netwerk-leefgebied');
    // Faded: every knoop is drawn, those outside the filter faded.
    expect(await getekend(page)).toEqual({ knopen: 143, vervaagd: 143 - Number(knopen) });
    // Hidden instead of faded: the same count, and only the filtered knopen are drawn, none of them faded.
    await page.getByLabel('Verbergen').check();
    await expect.poll(() => getekend(page)).toEqual({ knopen: Number(knopen), vervaagd: 0 });
    expect(await telling.textContent()).toBe(gefilterd);
    await rustig(page);
    expect((await canvasInkt(page)).inkt).toBeGreaterThan(1000);

    // Search (type-ahead, keyboard) selects and centres a partner; its details and figures on the right.
    const zoek = page.getByRole('combobox', { name: 'Zoek een partner' });
    await zoek.fill('stichting do');
    await page.getByRole('option', { name: /^Stichting Dock Organisatie · Welzijn$/ }).waitFor();
    await zoek.press('Enter');
    const details = page.getByTestId('details');
    await details.getByRole('heading', { name: 'Stichting Dock' }).waitFor();
    expect(await details.textContent()).toContain('Welzijn');
    await details.getByTestId('knoop-cijfers').waitFor();
    expect(await details.textContent()).toContain(
      'Hoe vaak deze partner op de kortste weg tussen twee anderen ligt: een makelaar tussen groepen.',
    );
    expect(await details.getByTestId('knoop-relaties').textContent()).toMatch(/Verwijzing (naar|van)/);

    // Focus: the partner and its neighbours one step out.
    await page.getByRole('button', { name: 'Focus op Stichting Dock' }).click();
    await page.getByRole('button', { name: /Filter ‘Focus: Stichting Dock en 1 stap’ weghalen/ }).waitFor();
    await page.waitForFunction(
      (before) => document.querySelector('[data-testid="netwerk-telling"]')?.textContent !== before,
      gefilterd,
    );
    const focus = (await telling.textContent())!;
    expect(Number(/^(\d+) van/.exec(focus)![1])).toBeLessThan(Number(knopen));
    await rustig(page);
    await screenshot(page, '92-netwerk-focus');

    // The menu of a knoop: right-click on it (search centred it), or Enter on the canvas.
    await page.getByRole('combobox', { name: 'Zoek een partner' }).fill('Stichting Dock');
    await page.getByRole('option', { name: /^Stichting Dock Organisatie/ }).click();
    const canvas = page.getByTestId('netwerk-canvas');
    const box = (await canvas.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button: 'right' });
    const menu = page.getByRole('menu', { name: 'Menu van Stichting Dock' });
    await menu.waitFor();
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual(['Bewerken', 'Focus', 'Vastzetten']);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bewerken');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await menu.waitFor({ state: 'detached' });
    await details.getByRole('button', { name: 'Losmaken' }).waitFor();
    // With the keyboard: Enter on the canvas opens it; Esc closes it and returns to the canvas.
    await canvas.focus();
    await page.keyboard.press('Enter');
    await menu.waitFor();
    expect(await menu.getByRole('menuitem').allTextContents()).toContain('Losmaken');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('netwerk-canvas');
    // Arrow keys step to the neighbours.
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      () => document.querySelector('#netwerk-details-titel')?.textContent !== 'Stichting Dock',
    );

    // Save this view, show everything, apply the view again.
    await page.getByLabel('Naam van de weergave').fill('Stuurgroep april');
    await page.getByRole('button', { name: 'Bewaar deze weergave' }).click();
    await page.getByTestId('weergave').filter({ hasText: 'Stuurgroep april' }).waitFor();
    await page.getByRole('button', { name: 'Alles tonen' }).click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="netwerk-telling"]')?.textContent?.startsWith('143 van 143'),
    );
    await page.getByLabel('Vervagen').check();
    await page.getByRole('button', { name: 'Weergave ‘Stuurgroep april’ toepassen' }).click();
    await page.waitForFunction(
      (want) => document.querySelector('[data-testid="netwerk-telling"]')?.textContent === want,
      focus,
    );
    expect(await page.getByLabel('Verbergen').isChecked()).toBe(true);
    await page.getByRole('button', { name: /Filter ‘Focus: Stichting Dock en 1 stap’ weghalen/ }).waitFor();
    await page.getByRole('button', { name: 'Filter ‘Leefgebied: Welzijn/Recreatie/vrije tijd’ weghalen' }).waitFor();
    await screenshot(page, '93-netwerk-weergave');
    await page.getByRole('button', { name: 'Alles tonen' }).click();
    await page.getByLabel('Vervagen').check();
    await rustig(page);

    // The shortest path between two partners (type-ahead in both fields).
    await page.getByRole('combobox', { name: 'Kortste pad van' }).fill('buurtteam zuil');
    await page.getByRole('option', { name: /^Buurtteam Zuilen/ }).click();
    await page.getByRole('combobox', { name: 'Naar' }).fill('Taalhuis');
    await page.getByRole('option', { name: /^Taalhuis Utrecht Organisatie/ }).click();
    await page.getByRole('button', { name: 'Toon het kortste pad' }).click();
    const padChip = page.getByRole('button', { name: 'Filter ‘Pad: Buurtteam Zuilen → Taalhuis Utrecht’ weghalen' });
    await padChip.waitFor();
    await page.waitForFunction(() =>
      /^[2-9] van 143/.test(document.querySelector('[data-testid="netwerk-telling"]')?.textContent ?? ''),
    );
    await rustig(page);
    await screenshot(page, '91-netwerk-pad');
    await padChip.click();
    await padChip.waitFor({ state: 'detached' });

    // Export: PNG at print resolution with the legend beside it, and SVG; the date in the file name.
    await page.getByRole('button', { name: 'Exporteren' }).click();
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^PNG-afbeelding/ }).click(),
    ]);
    expect(png.suggestedFilename()).toMatch(/^netwerk-\d{4}-\d{2}-\d{2}\.png$/);
    const pngBytes = readFileSync((await png.path())!);
    expect([...pngBytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(pngBytes.length).toBeGreaterThan(100_000);
    const beeld = await inkt(page, pngBytes);
    expect(beeld.breedte).toBeGreaterThan(2000);
    expect(beeld.inkt).toBeGreaterThan(50_000);
    writeFileSync(join(SCREENSHOTS, '95-netwerk-export.png'), pngBytes);
    await page.getByRole('button', { name: 'Exporteren' }).click();
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^SVG-afbeelding/ }).click(),
    ]);
    expect(svg.suggestedFilename()).toMatch(/^netwerk-\d{4}-\d{2}-\d{2}\.svg$/);
    const svgText = readFileSync((await svg.path())!, 'utf8');
    expect(svgText).toMatch(/^<svg /);
    expect(svgText).toContain('Netwerk Utrecht Noordwest');
    expect(svgText).toContain('Stichting Dock');
    expect((svgText.match(/<(line|ellipse|rect|polygon) /g) ?? []).length).toBeGreaterThan(100);

    // Time: compare the second quarter with the first; new in green, gone in red.
    await page.getByLabel('Periode', { exact: true }).selectOption('2024-04-01/2024-06-30');
    await page.getByLabel('Vergelijk met').selectOption('2024-01-01/2024-03-31');
    await legenda.getByText(/^Vergeleken met 1 jan\.? 2024 – 31 mrt\.? 2024$/).waitFor();
    expect(await legenda.textContent()).toMatch(/Nieuw: \d+ knopen, \d+ relaties/);
    await rustig(page);
    await screenshot(page, '96-netwerk-vergelijking');
    await page.getByLabel('Vergelijk met').selectOption('');
    await page.getByLabel('Periode', { exact: true }).selectOption('');

    // Grouped by wijk: group names on the map.
    await page.getByLabel('Indeling').selectOption('wijk');
    await rustig(page);
    expect((await canvasInkt(page)).inkt).toBeGreaterThan(2000);
    await screenshot(page, '97-netwerk-per-wijk');
    expect(await axeViolations(page)).toEqual([]);

    // Analyse: the accessible equivalent. Every partner's figures, sortable; the sector matrix and the E-I index.
    await page.getByRole('button', { name: 'Bekijk het netwerk als tabel' }).click();
    const analyse = page.getByTestId('analyse');
    await analyse.waitFor();
    await screenshot(page, '88-netwerk-analyse-kengetallen');
    const tabel = page.getByTestId('tabel-netwerk-cijfers');
    const betweenness = tabel.getByRole('columnheader', { name: /^Betweenness/ });
    await betweenness.getByRole('button').click();
    await betweenness.getByRole('button').click();
    expect(await betweenness.getAttribute('aria-sort')).toBe('descending');
    expect(await tabel.getByTestId('telling').textContent()).toBe('143 partners en voorzieningen');
    const matrix = page.getByRole('table', { name: 'Relaties tussen sectoren' });
    expect(await matrix.getByRole('rowheader').allTextContents()).toEqual(
      expect.arrayContaining(['Welzijn', 'Zorg', 'Gemeente en wijkteam']),
    );
    expect(await page.getByTestId('welzijn-zorg').textContent()).toMatch(/^Ja, welzijn en zorg bereiken elkaar/);
    await page.getByTestId('sectormenging').scrollIntoViewIfNeeded();
    await screenshot(page, '87-netwerk-sectoren');
    expect(await page.getByTestId('ei-index').textContent()).toMatch(/^0,\d\d/);
    expect(await page.getByTestId('zonder-banden').textContent()).toContain('Zorg – Wonen');
    expect(await page.getByTestId('verwijsbalans').getByRole('row').count()).toBeGreaterThan(3);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '94-netwerk-analyse');
    // A name in the table shows the partner on the map.
    await tabel.locator('tbody tr[data-id]').first().getByRole('button').click();
    await page.getByTestId('netwerk-canvas').waitFor();
    await details.locator('#netwerk-details-titel').waitFor();

    // "Bewerken" in the menu of a knoop goes to Gegevens.
    await canvas.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Bewerken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gegevens' }).waitFor();

    expect(errors).toEqual([]);
    await context.close();
  });
});

/** 1,000 organisations with one offer each and 3,000 relations between them: 2,000 knopen. */
/** A synthetic map: `orgs` organisations with one offer each (2 × orgs knopen) and `relaties` referrals. */
const groot = (orgs = 1000, relaties = 3000, naam = 'Groot netwerk') =>
  projectFile(naam, async (s) => {
    const sectors = ['Welzijn', 'Zorg', 'Gemeente en wijkteam', 'Informeel', 'Wonen'];
    const leef = ['Welzijn', 'Zorg', 'Wonen', 'Gezondheid', 'Werk en Inkomen'];
    const nr = (i: number) => String(i).padStart(4, '0');
    const rows = ['Naam organisatie;Soort;Naam aanbod;Leefgebied(en);Collectief / individueel;Toegang'];
    for (let i = 0; i < orgs; i++) {
      rows.push(
        `Organisatie ${nr(i)};${sectors[i % 5]};Aanbod ${nr(i)};${leef[(i * 7) % 5]};${i % 3 ? 'collectief' : 'individueel'};${i % 4 ? 'vrij toegankelijk' : 'op indicatie'}`,
      );
    }
    unwrap(await s.importPartners({ name: 'groot.csv', bytes: new TextEncoder().encode(rows.join('\n')) }, {}));
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const rel = ['Van;Naar;Aantal;Periode;Soort'];
    for (let i = 0; i < relaties; i++) {
      const a = Math.floor(rnd() * orgs);
      const b = (a + 1 + Math.floor(rnd() * 40)) % orgs;
      rel.push(
        `Organisatie ${nr(a)};Organisatie ${nr(b)};${1 + Math.floor(rnd() * 20)};2024-Q${1 + (i % 4)};${i % 3 ? 'verwijzing' : 'samenwerking'}`,
      );
    }
    unwrap(
      await s.importRelaties(
        { name: 'relaties.csv', bytes: new TextEncoder().encode(rel.join('\n')) },
        { foutenOverslaan: true },
      ),
    );
  });

describe('Netwerk: a realistic map of 500 knopen', () => {
  it('first render with its layout (measured; the issue asks for under 1 s)', async () => {
    const path = await groot(250, 1750, 'Wijknetwerk');
    const { context, page, errors } = await newPage(app.browser, app.url);
    await openProjectFile(page, path, 'Wijknetwerk');
    const t0 = Date.now();
    await gotoNetwerk(page);
    const pageMs = Date.now() - t0;
    await page.locator('[data-testid="netwerk-canvas"][data-bezig="nee"]').waitFor({ timeout: 60_000 });
    const firstMs = Date.now() - t0;
    console.log(`Netwerk 500 knopen: page with its canvas ${pageMs} ms`);
    expect(await page.getByTestId('netwerk-telling').textContent()).toMatch(/^500 van 500 partners/);
    expect((await canvasInkt(page)).inkt).toBeGreaterThan(2000);
    console.log(`Netwerk 500 knopen: first render with layout ${firstMs} ms`);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('Netwerk: a map of 2,000 knopen', () => {
  it('renders, lays out in the worker without blocking the page, and pans (frame time measured)', async () => {
    const path = await groot();
    const { context, page, errors } = await newPage(app.browser, app.url);
    await openProjectFile(page, path, 'Groot netwerk');
    // Long tasks on the page's thread while the first layout runs (in its worker).
    await page.evaluate(() => {
      const w = window as unknown as { __lang: number[] };
      w.__lang = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__lang.push(e.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    const t0 = Date.now();
    await gotoNetwerk(page);
    await page.locator('[data-testid="netwerk-canvas"][data-bezig="nee"]').waitFor({ timeout: 60_000 });
    const layoutMs = Date.now() - t0;
    const lang = await page.evaluate(() => (window as unknown as { __lang: number[] }).__lang);
    expect(await page.getByTestId('netwerk-telling').textContent()).toMatch(/^2\.000 van 2\.000 partners/);
    await page.getByRole('button', { name: 'Het hele netwerk tonen' }).click();
    await expect.poll(async () => (await canvasInkt(page)).inkt).toBeGreaterThan(5000);
    await screenshot(page, '98-netwerk-2000');

    // Pan with the mouse while counting frames.
    const box = (await page.getByTestId('netwerk-canvas').boundingBox())!;
    await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __stop: boolean };
      w.__frames = [];
      w.__stop = false;
      const tick = (t: number) => {
        w.__frames.push(t);
        if (!w.__stop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const cx = box.x + box.width * 0.6;
    const cy = box.y + box.height * 0.3;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 1; i <= 60; i++) await page.mouse.move(cx - i * 4, cy + i * 3);
    await page.mouse.up();
    const frames = await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __stop: boolean };
      w.__stop = true;
      return w.__frames;
    });
    const gaps = frames.slice(1).map((t, i) => t - frames[i]!);
    const sorted = [...gaps].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const p95 = sorted[Math.floor(sorted.length * 0.95)]!;
    console.log(
      `Netwerk 2,000 knopen: first layout ${layoutMs} ms (longest task on the page ${Math.round(Math.max(0, ...lang))} ms); ` +
        `pan: ${gaps.length} frames, median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${Math.max(...gaps).toFixed(1)} ms`,
    );
    expect(gaps.length).toBeGreaterThan(5);
    await screenshot(page, '99-netwerk-2000-verschoven');
    expect(errors).toEqual([]);
    await context.close();
  });
});
