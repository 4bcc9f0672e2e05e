/**
 * A Netwerk you can read at a glance (issue 17): at the default fit every name is drawn at 12 px or more, no two
 * names overlap and no name lies on another knoop (checked on the renderer's own label boxes), the 10 largest knopen
 * are named; the legend docks beside the canvas; the map fits again when the filters fold away; Focus keeps the
 * chosen partner on the screen, named, with its neighbours named. A real-shaped network of 35 knopen at 1440×900 and
 * 1280×720, the Utrecht sociale kaart (143 knopen) and the voorbeeldproject; screenshots to look at.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Core, NodeSingular } from 'cytoscape';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createProjectService } from '../../shared/service/project-service';
import { sha256, sql } from '../helpers/db';
import { netwerkProject } from '../helpers/netwerk-project';
import { axeViolations, newPage, screenshot, useAppInBrowser, openProjectFile } from './browser';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
const app = useAppInBrowser();
type Service = ReturnType<typeof createProjectService>;
const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const file = (path: string) => ({ name: path.split('/').pop()!, bytes: new Uint8Array(readFileSync(FIXTURES + path)) });
const csv = (name: string, rows: string[]) => ({ name, bytes: new TextEncoder().encode(rows.join('\n')) });

async function projectFile(naam: string, fill: (s: Service) => Promise<void>): Promise<string> {
  const s = createProjectService({ SQL: await sql(), sha256 });
  unwrap(await s.createProject(naam));
  await fill(s);
  const path = join(mkdtempSync(join(tmpdir(), 'wijkweb-leesbaar-')), `${naam}.wijkweb`);
  writeFileSync(path, unwrap(await s.exportProject()));
  return path;
}

/** 15 organisations of a real wijk with 20 offers, and the referrals and agreements between them: 35 knopen. */
const ORGANISATIES: [string, string, [string, string, string][]][] = [
  [
    'Buurtteam Sociaal Zuilen',
    'Gemeente en wijkteam',
    [['Inloopspreekuur buurtteam', 'individueel', 'vrij toegankelijk']],
  ],
  [
    'Stichting Welzijn Noordwest',
    'Welzijn',
    [
      ['Buurthuis De Schakel', 'collectief', 'vrij toegankelijk'],
      ['Ouderenadvies', 'individueel', 'vrij toegankelijk'],
    ],
  ],
  ['Huisartsenpraktijk Zuilen', 'Zorg', [['Praktijkondersteuner GGZ', 'individueel', 'op indicatie']]],
  ['Thuiszorg Careyn', 'Zorg', [['Wijkverpleging', 'individueel', 'op indicatie']]],
  ['GGD regio Utrecht', 'Zorg', [['Jeugdgezondheidszorg', 'individueel', 'vrij toegankelijk']]],
  ['Woningcorporatie Mitros', 'Wonen', [['Huismeesters', 'individueel', 'vrij toegankelijk']]],
  ['Voedselbank Utrecht', 'Informeel', [['Uitgiftepunt Zuilen', 'collectief', 'op indicatie']]],
  [
    'Humanitas',
    'Informeel',
    [
      ['Thuisadministratie', 'individueel', 'vrij toegankelijk'],
      ['Maatjesproject', 'individueel', 'vrij toegankelijk'],
    ],
  ],
  [
    'Bibliotheek Utrecht',
    'Onderwijs en kinderopvang',
    [
      ['Taalcafé', 'collectief', 'vrij toegankelijk'],
      ['Digi-spreekuur', 'collectief', 'vrij toegankelijk'],
    ],
  ],
  ['Sportbedrijf Utrecht', 'Welzijn', [['Buurtsportcoach', 'collectief', 'vrij toegankelijk']]],
  [
    'Gemeente Utrecht Werk en Inkomen',
    'Gemeente en wijkteam',
    [
      ['Schuldhulpverlening', 'individueel', 'op indicatie'],
      ['Bijstandsloket', 'individueel', 'op indicatie'],
    ],
  ],
  ['Kerk in de Wijk', 'Informeel', [['Open tafel', 'collectief', 'vrij toegankelijk']]],
  ['Jongerenwerk JoU', 'Welzijn', [['Jongerencentrum', 'collectief', 'vrij toegankelijk']]],
  ['Altrecht GGZ', 'Zorg', [['FACT-team', 'individueel', 'op indicatie']]],
  [
    'Raad voor Rechtsbijstand',
    'Gemeente en wijkteam',
    [
      ['Sociaal raadslieden', 'individueel', 'vrij toegankelijk'],
      ['Juridisch loket', 'individueel', 'vrij toegankelijk'],
    ],
  ],
];

const wijk35 = () =>
  projectFile('Wijk Zuilen', async (s) => {
    const rows = ['Naam organisatie;Soort;Naam aanbod;Leefgebied(en);Collectief / individueel;Toegang'];
    for (const [naam, soort, aanbod] of ORGANISATIES) {
      for (const [a, vorm, toegang] of aanbod) rows.push(`${naam};${soort};${a};Welzijn;${vorm};${toegang}`);
    }
    unwrap(await s.importPartners(csv('partners.csv', rows), { foutenOverslaan: true }));
    const o = (i: number) => ORGANISATIES[i]![0];
    const rel = ['Van;Naar;Aantal;Periode;Soort'];
    const add = (a: number, b: number, n: number | '', soort: string) => rel.push(`${o(a)};${o(b)};${n};2024;${soort}`);
    // The buurtteam and the huisarts refer most; some referrals go both ways.
    for (const [b, n] of [
      [1, 60],
      [2, 24],
      [3, 12],
      [6, 18],
      [7, 9],
      [10, 30],
      [13, 6],
      [14, 15],
    ] as const)
      add(0, b, n, 'verwijzing');
    for (const [b, n] of [
      [0, 22],
      [3, 14],
      [13, 8],
      [1, 5],
    ] as const)
      add(2, b, n, 'verwijzing');
    add(1, 0, 11, 'verwijzing');
    add(10, 0, 7, 'verwijzing');
    add(11, 6, 4, 'verwijzing');
    add(12, 9, 3, 'verwijzing');
    add(1, 8, '', 'samenwerking');
    add(1, 9, '', 'samenwerking');
    add(4, 2, '', 'casusoverleg');
    add(0, 4, '', 'casusoverleg');
    add(5, 0, '', 'convenant');
    add(10, 0, '', 'mandaat');
    add(10, 1, '', 'financiering');
    add(12, 1, '', 'samenwerking');
    unwrap(await s.importRelaties(csv('relaties.csv', rel), { foutenOverslaan: true }));
  });

const utrecht = () =>
  projectFile('Utrecht Noordwest', async (s) => {
    unwrap(await s.importCbs(file('cbs/kwb-2023-utrecht.xlsx'), {}));
    unwrap(await s.importPartners(file('partners/sociale-kaart-utrecht.xlsx'), { foutenOverslaan: true }));
    unwrap(await s.importRelaties(file('partners/verwijzingen-2024.xlsx'), { foutenOverslaan: true }));
  });

async function gotoNetwerk(page: Page) {
  await page.getByRole('navigation').getByRole('button', { name: 'Netwerk' }).click();
  await page.getByRole('heading', { level: 1, name: 'Netwerk' }).waitFor();
  await page.getByTestId('netwerk-canvas').locator('canvas').first().waitFor();
  await page.locator('[data-testid="netwerk-canvas"][data-bezig="nee"]').waitFor({ timeout: 60_000 });
  await page.getByText('De cijfers worden berekend…').first().waitFor({ state: 'detached', timeout: 60_000 });
  await page.waitForTimeout(400);
}

/** A new page at this size with the project file open in Netwerk, laid out and still. */
async function inNetwerk(
  path: string,
  naam: string,
  size: { width: number; height: number },
  opties: Parameters<typeof newPage>[2] = {},
) {
  const geopend = await newPage(app.browser, app.url, opties);
  await geopend.page.setViewportSize(size);
  await openProjectFile(geopend.page, path, naam);
  await gotoNetwerk(geopend.page);
  return geopend;
}

interface Namen {
  knopen: number;
  benoemd: number;
  kleinstePx: number;
  overlap: string[];
  opKnoop: string[];
  grootsteZonderNaam: string[];
  buitenBeeld: string[];
  zoom: number;
  benoemdeIds: string[];
}

/** The names as the renderer drew them: Cytoscape's own label boxes, on the screen. */
async function namen(page: Page): Promise<Namen> {
  return page.getByTestId('netwerk-canvas').evaluate((el) => {
    type Box = { x1: number; y1: number; x2: number; y2: number };
    type N = {
      id(): string;
      data(k: string): unknown;
      hasClass(c: string): boolean;
      style(k: string): string;
      boundingBox(o: object): Box;
    };
    const cy = (
      el as unknown as {
        _cyreg: {
          cy: {
            zoom(): number;
            pan(): { x: number; y: number };
            width(): number;
            height(): number;
            nodes(): { filter(f: (n: N) => boolean): N[] & { map<T>(f: (n: N) => T): T[] } };
          };
        };
      }
    )._cyreg.cy;
    const z = cy.zoom();
    const p = cy.pan();
    const scherm = (b: Box): Box => ({
      x1: b.x1 * z + p.x,
      y1: b.y1 * z + p.y,
      x2: b.x2 * z + p.x,
      y2: b.y2 * z + p.y,
    });
    const raakt = (a: Box, b: Box) => a.x1 < b.x2 - 0.5 && a.x2 > b.x1 + 0.5 && a.y1 < b.y2 - 0.5 && a.y2 > b.y1 + 0.5;
    const knopen = [...cy.nodes().filter((n) => !n.hasClass('groeplabel'))];
    const lichaam = knopen.map((n) => ({
      id: n.id(),
      vervaagd: n.hasClass('vervaagd'),
      box: scherm(n.boundingBox({ includeLabels: false, includeOverlays: false, includeEdges: false })),
    }));
    type Getekend = { id: string; tekst: string; px: number; box: Box };
    const laag = el.querySelector('canvas.wijkweb-netwerk__namen') as unknown as { wijkwebNamen(): Getekend[] };
    const naamVan = new Map(knopen.map((n) => [n.id(), String(n.data('label'))]));
    const labels = laag.wijkwebNamen().map((g) => ({ ...g, naam: naamVan.get(g.id) ?? g.id }));
    const overlap: string[] = [];
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++)
        if (raakt(labels[i]!.box, labels[j]!.box)) overlap.push(`${labels[i]!.naam} × ${labels[j]!.naam}`);
    const opKnoop: string[] = [];
    for (const l of labels)
      for (const k of lichaam) if (k.id !== l.id && raakt(l.box, k.box)) opKnoop.push(`${l.naam} op ${k.id}`);
    const W = cy.width();
    const H = cy.height();
    // What the filter or focus fades may lie outside the fit.
    const buitenBeeld = lichaam
      .filter((k) => !k.vervaagd)
      .filter((k) => k.box.x1 < 0 || k.box.y1 < 0 || k.box.x2 > W || k.box.y2 > H)
      .map((k) => k.id);
    const benoemd = new Set(labels.map((l) => l.id));
    const grootste = [...knopen]
      .sort(
        (a, b) =>
          Number(b.data('grootte')) - Number(a.data('grootte')) ||
          String(a.data('label')).localeCompare(String(b.data('label')), 'nl') ||
          a.id().localeCompare(b.id()),
      )
      .slice(0, 10);
    return {
      knopen: knopen.length,
      benoemd: labels.length,
      kleinstePx: Math.min(...labels.map((l) => l.px)),
      overlap,
      opKnoop,
      grootsteZonderNaam: grootste.filter((n) => !benoemd.has(n.id())).map((n) => String(n.data('label'))),
      buitenBeeld,
      zoom: z,
      benoemdeIds: [...benoemd],
    };
  });
}

/**
 * No name over another or over a knoop, none under 12 px, every knoop on the screen; `top`: the 10 largest named;
 * `deel`: at least this share of all knopen named.
 */
function leesbaar(n: Namen, { top = true, deel = 0 }: { top?: boolean; deel?: number } = {}) {
  expect(n.overlap).toEqual([]);
  expect(n.opKnoop).toEqual([]);
  expect(n.kleinstePx).toBeGreaterThanOrEqual(11.99);
  if (top) expect(n.grootsteZonderNaam).toEqual([]);
  expect(n.buitenBeeld).toEqual([]);
  expect(n.benoemd).toBeGreaterThanOrEqual(Math.floor(n.knopen * deel));
}

async function legendaNaastKaart(page: Page) {
  const kaart = (await page.getByTestId('netwerk-canvas').boundingBox())!;
  const legenda = (await page.getByTestId('legenda').boundingBox())!;
  const overlapt =
    legenda.x < kaart.x + kaart.width - 1 &&
    legenda.x + legenda.width > kaart.x + 1 &&
    legenda.y < kaart.y + kaart.height - 1 &&
    legenda.y + legenda.height > kaart.y + 1;
  expect(overlapt).toBe(false);
}

describe('Netwerk: names you can read at the default fit', () => {
  for (const [w, h] of [
    [1440, 900],
    [1280, 720],
  ] as const) {
    it(`a real-shaped network of 35 knopen at ${w}×${h}: names without overlap, legend beside, refit, search and focus`, async () => {
      const path = await wijk35();
      const { context, page, errors } = await inNetwerk(path, 'Wijk Zuilen', { width: w, height: h });
      expect(await page.getByTestId('netwerk-telling').textContent()).toMatch(/^35 van 35 partners/);
      const start = await namen(page);
      console.log(
        `35 knopen at ${w}×${h}: ${start.benoemd} of ${start.knopen} named, smallest ${start.kleinstePx.toFixed(1)} px`,
      );
      await screenshot(page, `17-netwerk-35-${w}x${h}`);
      // At 1440×900 the filters start open; on a laptop (1280) folded, so the map has their room.
      const breed = w >= 1400;
      expect(
        await page
          .getByRole('button', { name: breed ? '« Weergave en filters verbergen' : 'Weergave en filters tonen »' })
          .count(),
      ).toBe(1);
      leesbaar(start, { top: true, deel: breed ? 0.75 : 0.6 });
      await legendaNaastKaart(page);

      // Folding the filters away (1440) or opening them (1280): the map fits the new room again and stays readable.
      await page
        .getByRole('button', { name: breed ? '« Weergave en filters verbergen' : 'Weergave en filters tonen »' })
        .click();
      await page.waitForTimeout(1000);
      const anders = await namen(page);
      console.log(
        `35 knopen at ${w}×${h} with the filters ${breed ? 'folded' : 'open'}: ${anders.benoemd} of ${anders.knopen} named`,
      );
      if (breed) expect(anders.zoom).toBeGreaterThanOrEqual(start.zoom - 1e-9);
      else expect(anders.zoom).toBeLessThanOrEqual(start.zoom + 1e-9);
      // With the filters open at 1280 the map has about 500×360 px: the largest may find no place.
      leesbaar(anders, { top: breed, deel: breed ? 0.75 : 0.35 });
      await screenshot(page, `17-netwerk-35-${w}x${h}-${breed ? 'zonder' : 'met'}-filters`);
      await page
        .getByRole('button', { name: breed ? 'Weergave en filters tonen »' : '« Weergave en filters verbergen' })
        .click();
      await page.waitForTimeout(500);
      leesbaar(await namen(page), { top: false, deel: breed ? 0.7 : 0.5 });

      // Search: the chosen partner is centred, on the screen, named, and so are its neighbours.
      await page.getByTestId('zoek-knoop').getByRole('combobox').fill('Huisartsenpraktijk');
      await page
        .getByRole('option', { name: /Huisartsenpraktijk Zuilen/ })
        .first()
        .click();
      await page.waitForTimeout(400);
      const gezocht = await page.getByTestId('netwerk-canvas').evaluate((el) => {
        const cy = (el as unknown as { _cyreg: { cy: Core } })._cyreg.cy;
        const laag = el.querySelector('canvas.wijkweb-netwerk__namen') as unknown as {
          wijkwebNamen(): { id: string; tekst: string }[];
        };
        const tekst = new Map(laag.wijkwebNamen().map((g) => [g.id, g.tekst]));
        const n = cy.nodes(':selected').first();
        const p = n.renderedPosition();
        return {
          naam: String(n.data('label')),
          tekst: tekst.get(n.id()) ?? '',
          x: p.x / cy.width(),
          y: p.y / cy.height(),
          buren: n
            .connectedEdges()
            .connectedNodes()
            .filter((b) => b.id() !== n.id())
            .map((b) => tekst.has(b.id())),
        };
      });
      await screenshot(page, `17-netwerk-35-${w}x${h}-gezocht`);
      expect(gezocht.naam).toBe('Huisartsenpraktijk Zuilen');
      expect(gezocht.tekst.replace(/\n/g, ' ')).toBe('Huisartsenpraktijk Zuilen');
      expect(Math.abs(gezocht.x - 0.5)).toBeLessThan(0.1);
      expect(Math.abs(gezocht.y - 0.5)).toBeLessThan(0.1);
      expect(gezocht.buren.filter(Boolean).length).toBeGreaterThanOrEqual(Math.min(4, gezocht.buren.length));

      // Focus on it: what the focus shows is fitted, the partner stays visible and named.
      await page
        .getByRole('complementary', { name: 'Details' })
        .getByRole('button', { name: 'Focus', exact: true })
        .click();
      await page.waitForTimeout(600);
      const focus = await namen(page);
      expect(focus.overlap).toEqual([]);
      expect(focus.buitenBeeld).toEqual([]);
      const focusNaam = await page.getByTestId('netwerk-canvas').evaluate((el) => {
        const cy = (el as unknown as { _cyreg: { cy: Core } })._cyreg.cy;
        const laag = el.querySelector('canvas.wijkweb-netwerk__namen') as unknown as {
          wijkwebNamen(): { id: string; tekst: string }[];
        };
        const tekst = new Map(laag.wijkwebNamen().map((g) => [g.id, g.tekst]));
        return cy
          .nodes('.focus')
          .map((n) => tekst.get(n.id()) ?? '')
          .join('|');
      });
      expect(focusNaam.replace(/\n/g, ' ')).toBe('Huisartsenpraktijk Zuilen');
      await legendaNaastKaart(page);
      await screenshot(page, `17-netwerk-35-${w}x${h}-focus`);
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('on the beamer (1280×720): the network slide of those 35 knopen names its organisations', async () => {
    const path = await wijk35();
    // The slide draws the layout the user saw: Netwerk lays it out once and keeps it.
    const { context, page, errors } = await inNetwerk(path, 'Wijk Zuilen', { width: 1280, height: 720 });
    const posities = await page.getByTestId('netwerk-canvas').evaluate((el) =>
      (el as unknown as { _cyreg: { cy: Core } })._cyreg.cy
        .nodes()
        .filter((n) => !n.hasClass('groeplabel'))
        .map((n) => ({ knoop: n.id(), ...(n as unknown as NodeSingular).position(), vast: false })),
    );
    await page.getByRole('button', { name: /Presenteren/ }).click();
    await page.getByTestId('presentatie').waitFor();
    for (let i = 0; i < 8; i++) {
      if (await page.locator('.wijkweb-presentatie__dia--netwerk').count()) break;
      await page.getByTestId('dia-volgende').click();
    }
    await page.getByTestId('dia-plaat').waitFor();
    await page.waitForTimeout(300);
    // The page's CSP lets no script read the blob: behind the slide's <img>: the same slide from the service in
    // Node, on the same file with the positions the view saved (read from the view).
    const s = createProjectService({ SQL: await sql(), sha256 });
    unwrap(await s.openProject(new Uint8Array(readFileSync(path)), 'Wijk Zuilen.wijkweb'));
    unwrap(await s.saveKnoopPosities(posities, true));
    const dia = unwrap(await s.getPresentatie()).find((d) => d.soort === 'netwerk')!;
    // The names: the texts of the names' group (with a white halo), over their lines.
    const namen = [...dia.svg!.matchAll(/<text font-size="[\d.]+" x="[\d.]+" y="[\d.]+">(.*?)<\/text>/g)].map((m) =>
      m[1]!
        .replace(/<\/tspan><tspan[^>]*>/g, ' ')
        .replace(/<[^>]+>/g, '')
        .replace(/&amp;/g, '&'),
    );
    const organisaties = ORGANISATIES.map(([naam]) => naam);
    const benoemd = organisaties.filter((o) =>
      namen.some((n) => n === o || (n.endsWith('…') && o.startsWith(n.slice(0, -1)))),
    );
    console.log(
      `35 knopen on a slide at 1280×720: ${namen.length} names, ${benoemd.length} of ${organisaties.length} organisaties`,
    );
    await screenshot(page, '17-netwerk-35-dia-1280x720');
    expect(benoemd.length).toBeGreaterThanOrEqual(12);
    // Its smallest text (the legend, 24 units) at the scale the slide draws the plate: 18 px or more.
    const [, , vw, vh] = (/viewBox="([\d. ]+)"/.exec(dia.svg!)?.[1] ?? '').split(' ').map(Number) as number[];
    const vak = (await page.getByTestId('dia-plaat').boundingBox())!;
    const schaal = Math.min(vak.width / vw!, vak.height / vh!);
    console.log(
      `network slide: plate ${vw}×${vh} drawn at ${schaal.toFixed(2)}, smallest text ${(24 * schaal).toFixed(1)} px`,
    );
    expect(24 * schaal).toBeGreaterThanOrEqual(18);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the Utrecht sociale kaart (143 knopen) at 1440×900: no overlap, the 10 largest named', async () => {
    const path = await utrecht();
    const { context, page, errors } = await inNetwerk(path, 'Utrecht Noordwest', { width: 1440, height: 900 });
    const n = await namen(page);
    console.log(
      `Utrecht 143 knopen at 1440×900: ${n.benoemd} of ${n.knopen} named, smallest ${n.kleinstePx.toFixed(1)} px`,
    );
    await screenshot(page, '17-netwerk-utrecht-1440x900');
    leesbaar(n, { deel: 0.2 });
    await legendaNaastKaart(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  // Cytoscape's WebGL renderer (chosen for a large map where the browser has hardware WebGL 2; forced here, in
  // SwiftShader) draws without a 'render' event: the sketch must go all the same.
  it.each([
    ['canvas', '0'],
    ['WebGL', '1'],
  ])(
    'a large map (1,200 knopen, 4,000 lines, %s): a sketch first, then the names of its largest knopen',
    async (soort, webgl) => {
      const path = await netwerkProject(mkdtempSync(join(tmpdir(), 'wijkweb-groot-')), 600, 3400);
      const { context, page, errors } = await inNetwerk(
        path,
        'Bench 1200',
        { width: 1440, height: 900 },
        { init: new Function(`localStorage.setItem('wijkweb.netwerk.webgl', '${webgl}')`) as () => void },
      );
      // The sketch went to the screen before Cytoscape's own first drawing.
      await expect
        .poll(() => page.evaluate(() => performance.getEntriesByName('wijkweb:netwerk-getekend').length), {
          timeout: 30_000,
        })
        .toBe(1);
      const [schets, getekend] = await page.evaluate(() =>
        ['wijkweb:netwerk-schets', 'wijkweb:netwerk-getekend'].map(
          (m) => performance.getEntriesByName(m)[0]?.startTime,
        ),
      );
      expect(schets).toBeLessThan(getekend!);
      // A large map gets a new Cytoscape (its fast settings): the names' canvas must still be on top of it.
      await expect.poll(async () => (await namen(page)).benoemd, { timeout: 20_000 }).toBeGreaterThanOrEqual(10);
      const n = await namen(page);
      expect(n.overlap).toEqual([]);
      // Fitted: the whole map on the canvas (the first drawing of a large map once kept a viewport at zoom 1).
      expect(n.buitenBeeld).toEqual([]);
      await screenshot(page, `17-netwerk-1200-knopen-${soort}`);
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it('the voorbeeldproject at 1440×900 and 1280×720', async () => {
    const { context, page, errors } = await newPage(app.browser, app.url);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('button', { name: 'Bekijk het voorbeeldproject' }).click();
    await page.getByTestId('project-naam').waitFor({ timeout: 30_000 });
    await gotoNetwerk(page);
    const groot = await namen(page);
    console.log(`voorbeeldproject at 1440×900: ${groot.benoemd} of ${groot.knopen} named`);
    await screenshot(page, '17-netwerk-voorbeeld-1440x900');
    leesbaar(groot, { deel: 0.4 });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.waitForTimeout(600);
    const klein = await namen(page);
    console.log(`voorbeeldproject at 1280×720: ${klein.benoemd} of ${klein.knopen} named`);
    // After a resize the layout stays (it was made for the larger canvas): still no overlap, nothing off the screen.
    leesbaar(klein, { top: false, deel: 0.2 });
    await screenshot(page, '17-netwerk-voorbeeld-1280x720');
    expect(errors).toEqual([]);
    await context.close();
  });
});
