/**
 * First start, the guided tour, presentation mode and the first steps, in the browser: a fresh profile opens the
 * voorbeeldproject and its four-step tour (Help brings it back); the voorbeeldproject presented at 1280×720, every
 * slide looked at (a screenshot each, no empty slide), keys and buttons, Esc back to the Presenteren button; and a
 * new empty project shows the three steps to a first picture. axe finds no violations.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, createProject, newPage, screenshot, useAppInBrowser } from './browser';

const app = useAppInBrowser();

const storage = (page: Page, key: string) => page.evaluate((k) => localStorage.getItem(k), key);
const activeTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
const currentView = (page: Page) =>
  page.evaluate(() => document.querySelector('.wijkweb-nav [aria-current="page"]')?.textContent ?? null);

/** Only the violations that matter on a beamer: serious and critical. */
const serious = (violations: string[]) => violations.filter((v) => /\((serious|critical)\)/.test(v));

describe('first start and the guided tour', () => {
  it('a fresh profile opens the voorbeeldproject and shows the tour: four steps, each its view; closed for good', async () => {
    const { context, page, errors } = await newPage(app.browser, app.url, { voorbeeld: true });
    const tour = page.getByRole('dialog', { name: /Rondleiding/ });
    await tour.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('header-project').textContent()).toBeTruthy();
    expect(await storage(page, 'wijkweb.voorbeeld.aangeboden')).toBe('1');
    expect(await tour.getAttribute('aria-modal')).toBe('false');

    const steps = [
      { title: 'De kaart', view: 'Kaart' },
      { title: 'Een hiaat', view: 'Hiaten' },
      { title: 'Het netwerk', view: 'Netwerk' },
      { title: 'Het rapport', view: 'Rapport' },
    ];
    for (const [i, step] of steps.entries()) {
      await tour.getByText(`Stap ${i + 1} van 4`).waitFor();
      await tour.getByRole('heading', { name: step.title }).waitFor();
      expect(await currentView(page)).toBe(step.view);
      if (step.view === 'Netwerk') await page.locator('.wijkweb-netwerk, [data-testid="netwerk"]').first().waitFor();
      await page.waitForTimeout(300);
      await screenshot(page, `rondleiding-${i + 1}-${step.view.toLowerCase()}`);
      if (i === 0) expect(await axeViolations(page)).toEqual([]);
      if (i < steps.length - 1) await tour.getByRole('button', { name: 'Volgende' }).click();
    }
    // Back one step and forward again; then "Klaar" ends it.
    await tour.getByRole('button', { name: 'Vorige' }).click();
    await tour.getByText('Stap 3 van 4').waitFor();
    await tour.getByRole('button', { name: 'Volgende' }).click();
    await tour.getByRole('button', { name: 'Klaar' }).click();
    await tour.waitFor({ state: 'detached' });
    expect(await storage(page, 'wijkweb.rondleiding.gezien')).toBe('1');

    // The Overzicht says what this project is.
    await page.getByRole('button', { name: 'Overzicht', exact: true }).click();
    expect(await page.getByTestId('voorbeeld-info').textContent()).toContain(
      'Dit is een voorbeeldproject met echte cijfers uit Enschede West en verzonnen relaties.',
    );
    await screenshot(page, 'rondleiding-5-overzicht-voorbeeld');

    // Help → Rondleiding brings it back; Esc closes it.
    await page.getByRole('button', { name: /Help/ }).click();
    await page.getByRole('menuitem', { name: 'Rondleiding' }).click();
    await tour.getByText('Stap 1 van 4').waitFor();
    expect(await currentView(page)).toBe('Kaart');
    await page.keyboard.press('Escape');
    await tour.waitFor({ state: 'detached' });

    // After a reload nothing starts by itself again; the project stays open (issue 21).
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.getByTestId('header-project').waitFor();
    await page.waitForTimeout(1000);
    expect(await tour.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('"Rondleiding sluiten" closes the tour on the first step', async () => {
    const { context, page } = await newPage(app.browser, app.url, { voorbeeld: true });
    const tour = page.getByRole('dialog', { name: /Rondleiding/ });
    await tour.waitFor({ timeout: 30_000 });
    await tour.getByRole('button', { name: 'Rondleiding sluiten' }).click();
    await tour.waitFor({ state: 'detached' });
    expect(await storage(page, 'wijkweb.rondleiding.gezien')).toBe('1');
    await context.close();
  });

  it('an existing user (default test profile) does not get the voorbeeldproject; the Start page offers it', async () => {
    const { context, page } = await newPage(app.browser, app.url);
    await page.getByRole('heading', { name: 'Welkom bij Wijkweb' }).waitFor();
    await page.waitForTimeout(500);
    expect(await page.getByTestId('header-project').count()).toBe(0);
    await page.getByRole('button', { name: 'Bekijk het voorbeeldproject' }).click();
    await page.getByTestId('voorbeeld-info').waitFor({ timeout: 30_000 });
    expect(await page.getByRole('dialog', { name: /Rondleiding/ }).count()).toBe(0);
    await context.close();
  });
});

describe('presentation mode', () => {
  it('at 1280×720: every slide readable, keys and buttons step, Esc leaves and the focus returns', async () => {
    const { context, page, errors } = await newPage(app.browser, app.url);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('button', { name: 'Bekijk het voorbeeldproject' }).click();
    await page.getByTestId('project-naam').waitFor({ timeout: 30_000 });

    await page.getByRole('button', { name: 'Presenteren' }).click();
    const presentatie = page.getByRole('dialog', { name: /Presentatie van/ });
    await presentatie.waitFor();
    expect(await presentatie.getAttribute('aria-modal')).toBe('true');
    expect(await activeTestId(page)).toBe('dia');
    const teller = page.getByTestId('dia-teller');
    await teller.filter({ hasText: /Dia 1 van \d+/ }).waitFor({ timeout: 30_000 });
    const aantal = Number(/van (\d+)/.exec((await teller.textContent()) ?? '')?.[1]);
    expect(aantal).toBeGreaterThanOrEqual(3);

    const dia = page.getByTestId('dia');
    const soorten: string[] = [];
    for (let i = 1; i <= aantal; i++) {
      await teller.filter({ hasText: `Dia ${i} van ${aantal}` }).waitFor();
      const soort = ((await dia.getAttribute('class')) ?? '').replace(/.*wijkweb-presentatie__dia--/, '');
      soorten.push(soort);
      const titel = (await dia.getByRole('heading', { level: 2 }).textContent()) ?? '';
      expect(titel.trim().length).toBeGreaterThan(0);
      // The slide title is announced.
      expect(await page.locator('.wijkweb-presentatie [aria-live]').textContent()).toBe(
        `Dia ${i} van ${aantal}: ${titel}`,
      );
      // Large type for a beamer: title ≥ 32 px, note ≥ 20 px.
      const sizes = await page.evaluate(() => ({
        titel: parseFloat(getComputedStyle(document.querySelector('.wijkweb-presentatie__titel')!).fontSize),
        notitie: [...document.querySelectorAll('.wijkweb-presentatie__notitie, .wijkweb-presentatie__tabel')].map(
          (el) => parseFloat(getComputedStyle(el).fontSize),
        ),
      }));
      expect(sizes.titel).toBeGreaterThanOrEqual(32);
      for (const s of sizes.notitie) expect(s).toBeGreaterThanOrEqual(20);

      if (soort === 'netwerk' || soort === 'kaart') {
        const img = dia.getByTestId('dia-plaat');
        expect(await img.getAttribute('src')).toMatch(/^blob:/);
        await page.waitForFunction(() => {
          const el = document.querySelector<HTMLImageElement>('[data-testid="dia-plaat"]');
          return el !== null && el.complete && el.naturalWidth > 0;
        });
        const box = await img.boundingBox();
        expect(box!.width * box!.height).toBeGreaterThan(200 * 200);
        // The SVG is an image, never markup in the page.
        expect(await dia.locator('svg').count()).toBe(0);
      }
      if (soort === 'hiaten') {
        const tabel = dia.getByTestId('dia-tabel');
        expect(await tabel.locator('caption').textContent()).toBeTruthy();
        expect(await tabel.locator('th[scope="col"]').count()).toBeGreaterThan(1);
        expect(await tabel.locator('th[scope="row"]').count()).toBeGreaterThan(0);
      }
      if (soort === 'titel') {
        expect(await dia.locator('.wijkweb-presentatie__kerngetal').count()).toBeGreaterThan(0);
      }
      await screenshot(page, `presentatie-${String(i).padStart(2, '0')}-${soort}`);
      if (i === 1) expect(serious(await axeViolations(page))).toEqual([]);
      if (i < aantal) await page.keyboard.press('ArrowRight');
    }
    expect(soorten).toContain('titel');
    expect(serious(await axeViolations(page))).toEqual([]);

    // At the end → stays: the last slide, its title, Volgende disabled, still presenting. The keys are handled in
    // turn, so the ← after it tells: one step back from the last slide (not from slide 1, nor from one past the end).
    const laatsteTitel = await dia.getByRole('heading', { level: 2 }).textContent();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => teller.textContent()).toBe(`Dia ${aantal - 1} van ${aantal}`);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => teller.textContent()).toBe(`Dia ${aantal} van ${aantal}`);
    expect(await dia.getByRole('heading', { level: 2 }).textContent()).toBe(laatsteTitel);
    expect(await page.locator('.wijkweb-presentatie [aria-live]').textContent()).toBe(
      `Dia ${aantal} van ${aantal}: ${laatsteTitel}`,
    );
    expect(await page.getByTestId('dia-volgende').isDisabled()).toBe(true);
    expect(await page.getByTestId('dia-vorige').isEnabled()).toBe(true);
    expect(await presentatie.isVisible()).toBe(true);
    // Home, End, PageUp, Space; the buttons.
    await page.keyboard.press('Home');
    await teller.filter({ hasText: `Dia 1 van ${aantal}` }).waitFor();
    await page.keyboard.press('Space');
    await teller.filter({ hasText: `Dia 2 van ${aantal}` }).waitFor();
    await page.keyboard.press('PageUp');
    await teller.filter({ hasText: `Dia 1 van ${aantal}` }).waitFor();
    await page.keyboard.press('End');
    await teller.filter({ hasText: `Dia ${aantal} van ${aantal}` }).waitFor();
    expect(await page.getByTestId('dia-volgende').isDisabled()).toBe(true);
    await page.getByTestId('dia-vorige').click();
    await teller.filter({ hasText: `Dia ${aantal - 1} van ${aantal}` }).waitFor();
    // Space on a focused button presses the button once (not the slide handler as well).
    await page.getByTestId('dia-volgende').focus();
    await page.keyboard.press('Space');
    await teller.filter({ hasText: `Dia ${aantal} van ${aantal}` }).waitFor();
    await page.getByTestId('dia-vorige').focus();
    await page.keyboard.press('Enter');
    await teller.filter({ hasText: `Dia ${aantal - 1} van ${aantal}` }).waitFor();

    // Esc leaves (and full screen with it); the focus is back on Presenteren.
    await page.keyboard.press('Escape');
    await presentatie.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
    expect(await activeTestId(page)).toBe('presenteren');

    // F5 presents in the browser when a project is open; the Sluiten button leaves, and the focus goes back to
    // where it was.
    await page.locator('main').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('F5');
    await presentatie.waitFor();
    await teller.filter({ hasText: `Dia 1 van ${aantal}` }).waitFor();
    await page.getByRole('button', { name: 'Presentatie sluiten' }).click();
    await presentatie.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhoud');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a new empty project presents without errors (its slides, or the empty state)', async () => {
    const { context, page, errors } = await newPage(app.browser, app.url);
    await page.setViewportSize({ width: 1280, height: 720 });
    await createProject(page, 'Leeg project');
    await page.getByRole('button', { name: 'Presenteren' }).click();
    const dia = page.getByTestId('dia');
    await dia.getByRole('heading', { level: 2 }).filter({ hasNotText: 'Wijkweb maakt de dia’s…' }).waitFor();
    const titel = (await dia.getByRole('heading', { level: 2 }).textContent()) ?? '';
    expect(titel).not.toBe('Wijkweb kan de presentatie niet maken');
    await screenshot(page, 'presentatie-leeg-project');
    await page.keyboard.press('Escape');
    await page.getByTestId('presentatie').waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('first steps', () => {
  it('a new empty project shows the three steps to a first picture, each with a button to the import page', async () => {
    const { context, page, errors } = await newPage(app.browser, app.url);
    await createProject(page, 'Nieuwe wijk');
    const stappen = page.getByTestId('eerste-stappen');
    await stappen.waitFor();
    const items = stappen.locator('ol > li');
    expect(await items.count()).toBe(3);
    expect(await items.allTextContents()).toEqual([
      expect.stringContaining('CBS-cijfers'),
      expect.stringContaining('Cognos-export'),
      expect.stringContaining('Partnerlijst'),
    ]);
    for (const id of ['cbs', 'cognos', 'partners']) {
      expect(await page.getByTestId(`eerste-stap-${id}`).getAttribute('data-klaar')).toBe('nee');
    }
    expect(await stappen.getByText('nog niet gedaan').count()).toBe(3);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'eerste-stappen');
    await stappen.getByRole('button', { name: 'Cognos-export importeren' }).click();
    await page.getByRole('heading', { name: 'Importeren', level: 1 }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
