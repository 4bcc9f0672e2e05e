/**
 * The Rapport view in browser mode, on the voorbeeldproject: the preview is the printed page (its styles applied
 * under the app's CSP), the xlsx downloads and reads back, a stuurgroep moment is recorded and compared with, and
 * the small-count threshold reaches the report. Screenshots in test-results/screenshots.
 */
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { axeViolations, newPage, screenshot, useAppInBrowser } from './browser';

const app = useAppInBrowser();

async function openRapport(page: Page): Promise<Frame> {
  await page.getByRole('button', { name: 'Bekijk het voorbeeldproject' }).click();
  await page.getByTestId('project-naam').waitFor({ timeout: 30_000 });
  await page.locator('.wijkweb-nav').getByRole('button', { name: 'Rapport' }).click();
  await page.getByTestId('rapport-pagina').waitFor();
  const handle = await page.getByTestId('rapport-voorbeeld').elementHandle({ timeout: 30_000 });
  const frame = (await handle!.contentFrame())!;
  await frame.getByRole('heading', { level: 1 }).waitFor({ timeout: 30_000 });
  return frame;
}

const previewText = (frame: Frame) => frame.locator('body').innerText();

describe('Rapport', () => {
  it('shows the report of the pilot buurt as the printed page, with its styles, plates and sources', async () => {
    const { context, page, errors } = await newPage(app.browser, app.url);
    const frame = await openRapport(page);
    await frame.getByRole('heading', { name: /Stuurgroeprapportage Boswinkel-De Braker/ }).waitFor();
    // The print styles are applied (the app's CSP refuses inline styles; the preview puts them back).
    const kleur = await frame.locator('h1').evaluate((el) => getComputedStyle(el).color);
    expect(kleur).toBe('rgb(26, 58, 107)');
    const tekst = await previewText(frame);
    for (const kop of ['Kerncijfers', 'Meldingen en toewijzingen', 'Het netwerk', 'Wat is er veranderd', 'Hiaten'])
      expect(tekst).toContain(kop);
    expect(tekst).toContain('Stuurgroep januari 2024');
    expect(tekst).toContain('<5');
    expect(tekst).toContain('Bron:');
    expect(await frame.locator('section.plaat svg').count()).toBe(2);
    await screenshot(page, 'rapport-voorbeeld');
    expect((await axeViolations(page)).filter((v) => /\((serious|critical)\)/.test(v))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('writes the report in English when the app is in English', async () => {
    const { context, page, errors } = await newPage(app.browser, app.url);
    await page.getByRole('button', { name: 'Bekijk het voorbeeldproject' }).click();
    await page.getByTestId('project-naam').waitFor({ timeout: 30_000 });
    await page.getByLabel('Taal').selectOption('en');
    await page.locator('.wijkweb-nav').getByRole('button', { name: 'Report' }).click();
    await page.getByTestId('rapport-pagina').waitFor();
    const handle = await page.getByTestId('rapport-voorbeeld').elementHandle({ timeout: 30_000 });
    const frame = (await handle!.contentFrame())!;
    await frame.getByRole('heading', { level: 1, name: 'Steering group report Boswinkel-De Braker' }).waitFor({
      timeout: 30_000,
    });
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('en');
    const koppen = await frame.getByRole('heading', { level: 2 }).allTextContents();
    expect(koppen).toEqual([
      'Contents',
      '1. Pilot monitor',
      '2. Key figures',
      '3. Requests and allocations',
      '4. The network',
      '5. What has changed',
      '6. Gaps',
      '7. Scenario',
      '8. Appendices',
      '9. Guide and sources',
    ]);
    const tekst = await previewText(frame);
    expect(tekst).toMatch(
      /Reference date \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/,
    );
    expect(tekst).toContain('Source:');
    expect(tekst).not.toMatch(/\b(Peildatum|Bron|Leeswijzer|Kerncijfers|Hiaten per buurt)\b/);
    await screenshot(page, 'rapport-engels');
    // Back in Dutch, the report is Dutch again.
    await page.getByLabel('Language').selectOption('nl');
    await expect
      .poll(
        async () => previewText((await (await page.getByTestId('rapport-voorbeeld').elementHandle())!.contentFrame())!),
        {
          timeout: 20_000,
        },
      )
      .toContain('Stuurgroeprapportage Boswinkel-De Braker');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('downloads the xlsx: typed figures, <5, no formula', async () => {
    const { context, page } = await newPage(app.browser, app.url);
    await openRapport(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Excel-bestand (.xlsx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^stuurgroeprapportage-boswinkel-de-braker-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = XLSX.read(readFileSync((await download.path())!), { cellFormula: true });
    expect(book.SheetNames[0]).toBe('Overzicht');
    const rows = XLSX.utils.sheet_to_json<(string | number | null)[]>(book.Sheets['Toewijzingen']!, { header: 1 });
    expect(rows.find((r) => r[0] === 'Ondersteuningsbehoefte 1 Wmo')?.at(-1)).toBe(68);
    for (const sheet of Object.values(book.Sheets))
      for (const [ref, cell] of Object.entries(sheet))
        if (!ref.startsWith('!')) expect((cell as XLSX.CellObject).f).toBeUndefined();

    // The map plate as PNG, for a slide of your own.
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Kaartplaat (PNG)' }).click(),
    ]);
    const bytes = readFileSync((await png.path())!);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBe(3200); // 1600 px wide, at 2×
    expect(bytes.byteLength).toBeGreaterThan(20_000);
    await context.close();
  });

  it('records a stuurgroep moment, and the threshold for small counts reaches the report', async () => {
    const { context, page } = await newPage(app.browser, app.url);
    let frame = await openRapport(page);
    await page.getByRole('tab', { name: 'Stuurgroepmomenten' }).click();
    await page.getByLabel('Naam').fill('Stuurgroep mei 2024');
    await page.getByLabel('Peildatum').fill('2024-05-15');
    await page.getByRole('button', { name: 'Moment vastleggen' }).click();
    await page.getByRole('rowheader', { name: 'Stuurgroep mei 2024' }).waitFor();
    await screenshot(page, 'rapport-momenten');

    await page.getByRole('tab', { name: 'Kleine aantallen' }).click();
    await page.getByLabel('Afschermen onder').fill('10');
    await page.getByRole('tab', { name: 'Rapport' }).click();
    const handle = await page.getByTestId('rapport-voorbeeld').elementHandle();
    frame = (await handle!.contentFrame())!;
    await expect.poll(async () => previewText(frame), { timeout: 20_000 }).toContain('<10');
    // A report after the new moment compares with it.
    await page.getByLabel('Peildatum').fill('2024-06-01');
    await expect
      .poll(
        async () => previewText((await (await page.getByTestId('rapport-voorbeeld').elementHandle())!.contentFrame())!),
        {
          timeout: 20_000,
        },
      )
      .toContain('Stuurgroep mei 2024');
    await context.close();
  });

  it('adds a gap-table slide with a title and a note, and presentation mode shows it', async () => {
    const { context, page } = await newPage(app.browser, app.url);
    await openRapport(page);
    await page.getByRole('tab', { name: "Dia's voor de presentatie" }).click();
    // The voorbeeldproject brings three annotated views.
    await expect.poll(() => page.getByTestId('dia-instelling').count()).toBe(3);
    const voor = 3;
    await page.getByRole('button', { name: 'Hiatendia toevoegen' }).click();
    await expect.poll(() => page.getByTestId('dia-instelling').count()).toBe(voor + 1);
    const dia = page.getByTestId('dia-instelling').last();
    await dia.getByLabel('Titel op de dia').fill('Waar moeten we iets doen?');
    await dia.getByLabel('Notitie').fill('Boswinkel en Twekkelerveld springen eruit.');
    await dia.getByRole('button', { name: 'Dia bewaren' }).click();
    await dia.getByText('De dia is bewaard.').waitFor();
    await screenshot(page, 'rapport-dias');

    await page.getByRole('button', { name: 'Presenteren' }).click();
    const presentatie = page.getByRole('dialog', { name: /Presentatie van/ });
    await presentatie.waitFor();
    // The title slide, the pilot's two (is it on course; the afhandeling), three of the voorbeeldproject's weergaven
    // and the new one.
    await page.getByTestId('dia-teller').filter({ hasText: 'Dia 1 van 7' }).waitFor();
    await page.keyboard.press('End');
    await presentatie.getByRole('heading', { name: 'Waar moeten we iets doen?' }).waitFor();
    await presentatie.getByText('Boswinkel en Twekkelerveld springen eruit.').waitFor();
    await page.keyboard.press('Escape');
    await context.close();
  });
});
