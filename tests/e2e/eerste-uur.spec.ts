/**
 * Issue 21, "the first hour": from a first start to a first own project, as a new user would. The voorbeeldproject's
 * map is Enschede's real outline; a reload keeps the project; the voorbeeldproject opens again without a "(2)" copy;
 * a new project opens on its first steps.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, createProject, newPage, screenshot, useAppInBrowser } from './browser';

const app = useAppInBrowser();

const currentView = (page: Page) =>
  page.evaluate(() => document.querySelector('.wijkweb-nav [aria-current="page"]')?.textContent ?? null);

/** The map's buurten: code and the box of the drawn shape on the screen. */
async function buurten(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<SVGPathElement>('[data-testid="kaart"] path[data-code]')].map((p) => {
      const r = p.getBoundingClientRect();
      return { code: p.getAttribute('data-code')!, x: r.x + r.width / 2, y: r.y + r.height / 2, w: r.width };
    }),
  );
}

describe('the first hour', () => {
  it("the voorbeeldproject's map is Enschede's real outline, and a reload keeps the project and its view", async () => {
    const { context, page, errors } = await newPage(app.browser, app.url, { voorbeeld: true });
    const tour = page.getByRole('dialog', { name: /Rondleiding/ });
    await tour.waitFor({ timeout: 30_000 });
    expect(await currentView(page)).toBe('Kaart');
    await tour.getByRole('button', { name: 'Rondleiding sluiten' }).click();
    await page.locator('[data-testid="kaart"] path[data-code="BU01530201"]').waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, 'eerste-uur-1-kaart-enschede');

    // All 68 buurten with a shape of 2013, each one drawn once; the seven of the story among them.
    const vlakken = await buurten(page);
    expect(vlakken).toHaveLength(68);
    expect(new Set(vlakken.map((v) => v.code)).size).toBe(68);
    const by = new Map(vlakken.map((v) => [v.code, v]));
    for (const code of [
      'BU01530201',
      'BU01530204',
      'BU01530207',
      'BU01530202',
      'BU01530208',
      'BU01530300',
      'BU01530301',
    ])
      expect(by.has(code), code).toBe(true);
    // Where they are in the city: the City in the middle, Glanerbrug (Eekmaat) east of it, Boswinkel west,
    // Wesselerbrink south, Lonneker north.
    const city = by.get('BU01530000')!;
    expect(by.get('BU01530803')!.x).toBeGreaterThan(city.x);
    expect(by.get('BU01530201')!.x).toBeLessThan(city.x);
    expect(by.get('BU01530605')!.y).toBeGreaterThan(city.y);
    expect(by.get('BU01530900')!.y).toBeLessThan(city.y);
    expect(await axeViolations(page)).toEqual([]);

    // Reload: the same project, on the same view.
    await page.getByRole('button', { name: 'Hiaten', exact: true }).click();
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.getByTestId('header-project').waitFor();
    expect(await currentView(page)).toBe('Hiaten');
    expect(await tour.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('"Bekijk het voorbeeldproject" opens the same copy again; a new project opens on its first steps', async () => {
    const { context, page, errors } = await newPage(app.browser, app.url);
    await page.getByTestId('voorbeeld-openen').click();
    await page.getByTestId('header-project').waitFor();
    await page.getByRole('button', { name: 'Rapport', exact: true }).click();
    for (let i = 0; i < 2; i++) {
      await page.getByRole('button', { name: 'Bestand ▾' }).click();
      await page.getByRole('menuitem', { name: 'Project sluiten' }).click();
      await page.getByTestId('voorbeeld-openen').click();
      await page.getByTestId('header-project').waitFor();
    }
    await page.getByRole('button', { name: 'Bestand ▾' }).click();
    await page.getByRole('menuitem', { name: 'Project sluiten' }).click();
    const recent = await page.locator('.wijkweb-recent__open').allTextContents();
    expect(recent).toEqual(['Voorbeeldproject Enschede West']);

    // From the voorbeeldproject's Rapport to a new project: its Overzicht with the three first steps, no error.
    await page.getByTestId('voorbeeld-openen').click();
    await page.getByTestId('header-project').waitFor();
    await page.getByRole('button', { name: 'Rapport', exact: true }).click();
    await page.getByRole('button', { name: 'Bestand ▾' }).click();
    await page.getByRole('menuitem', { name: 'Nieuw project…' }).click();
    await page.getByLabel('Naam van het project').fill('Mijn wijk');
    await page.getByRole('button', { name: 'Project maken' }).click();
    await page.getByTestId('eerste-stappen').waitFor();
    expect(await currentView(page)).toBe('Overzicht');
    expect(await page.getByText('Kies minstens één gebied').count()).toBe(0);
    await screenshot(page, 'eerste-uur-2-nieuw-project');
    expect(errors).toEqual([]);
    await context.close();
  });
});
