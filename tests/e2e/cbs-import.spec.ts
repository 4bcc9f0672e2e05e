import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { KWB_SYNTH_FILE, synthesiseKwbCsv } from '../bench/cbs-synth';
import { nederland2024Zorg } from '../helpers/cbs-fixtures';
import { axeViolations, createProject, newPage, screenshot, useAppInBrowser } from './browser';

const FIXTURES = new URL('../fixtures/cbs/', import.meta.url).pathname;

const app = useAppInBrowser();

describe('CBS import through the UI', () => {
  it('imports a cbs.nl kwb Excel file, shows the tree and a buurt profile with its bron', async () => {
    const { context, page, errors } = await newPage(app.browser, app.url);
    await createProject(page, 'Utrecht');

    await page.getByRole('button', { name: 'CBS-cijfers importeren' }).click();
    await page.locator('#import-bestand').setInputFiles(FIXTURES + 'kwb-2023-utrecht.xlsx');
    const preview = page.getByTestId('import-voorbeeld');
    await preview.waitFor();
    expect(await page.getByTestId('import-aantallen').textContent()).toBe('1 gemeenten, 10 wijken, 111 buurten');
    expect(await preview.textContent()).toContain('2023');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '10-cbs-voorbeeld');

    await preview.getByRole('button', { name: 'Importeren', exact: true }).click();
    await page.getByText(/Klaar: ‘kwb-2023-utrecht.xlsx’ is geïmporteerd/).waitFor();
    await page.getByRole('button', { name: 'Bekijk de gebieden' }).click();

    await page.getByRole('button', { name: 'Wijk 01 West openklappen' }).click();
    await page.getByRole('button', { name: /Welgelegen, Den Hommel/ }).click();
    const profiel = page.getByTestId('gebied-profiel');
    await profiel.waitFor();
    const inwoners = page.locator('[data-testid="profiel-kerncijfers"] tr[data-sleutel="inwoners"]');
    const cells = await inwoners.locator('td').allTextContents();
    expect(cells[0]).toBe('1.810');
    expect(cells[1]).toBe('367.947');
    expect(cells[3]).toContain('kwb-2023-utrecht.xlsx');
    const share = await page
      .locator('[data-testid="profiel-aandelen"] tr[data-sleutel="aandeel_65_plus"] td')
      .first()
      .textContent();
    expect(share).toBe(new Intl.NumberFormat('nl-NL').format(Math.round((360 / 1810) * 1000) / 10));
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '11-gebied-profiel');

    // An eigen gebied of two buurten: counts added up, shares recomputed.
    const wb = XLSX.read(readFileSync(FIXTURES + 'kwb-2023-utrecht.xlsx'));
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1 });
    const header = rows[0] as string[];
    const inw = (code: string) => Number((rows.find((r) => r[0] === code) as unknown[])[header.indexOf('a_inw')]);
    await page.getByRole('button', { name: 'Eigen gebied maken' }).click();
    await page.getByLabel('Naam van het gebied').fill('Pilot West');
    await page.getByLabel('Welgelegen, Den Hommel').check();
    await page.getByLabel('Oog in Al').check();
    await page.getByRole('button', { name: 'Gebied opslaan' }).click();
    await page.getByRole('heading', { name: 'Pilot West' }).waitFor();
    const som = await page
      .locator('[data-testid="profiel-kerncijfers"] tr[data-sleutel="inwoners"] td')
      .first()
      .textContent();
    expect(som).toBe(new Intl.NumberFormat('nl-NL').format(inw('BU03440111') + inw('BU03440112')));
    await screenshot(page, '13-eigen-gebied');

    await page.getByRole('navigation').getByRole('button', { name: 'Overzicht' }).click();
    expect(await page.getByTestId('telling-buurten').textContent()).toContain('111');
    expect(await page.getByTestId('telling-eigenGebieden').textContent()).toContain('1');
    await page.locator('[data-testid="save-status"][data-status="opgeslagen"]').waitFor({ timeout: 15_000 });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows what is wrong in a file that is not CBS, and changes nothing', async () => {
    const { context, page } = await newPage(app.browser, app.url);
    await page.getByRole('button', { name: 'Nieuw project' }).click();
    await page.getByLabel('Naam van het project').fill('Fout');
    await page.getByRole('button', { name: 'Project maken' }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'Importeren' }).click();
    await page.locator('#import-bestand').setInputFiles({
      name: 'partners.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('naam;adres\nAlifa;Straat 1\n'),
    });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      'Wijkweb herkent ‘partners.csv’ niet als CBS-tabel en ook niet als Cognos-export',
    );
    await screenshot(page, '12-cbs-fout');
    await page.getByRole('navigation').getByRole('button', { name: 'Overzicht' }).click();
    expect(await page.getByTestId('telling-buurten').textContent()).toContain('0');
    await context.close();
  });

  it('the whole country: chooses Enschede, sees what is skipped, and the Wmo figures of Boswinkel-De Braker', async () => {
    const { context, page, errors } = await newPage(app.browser, app.url);
    await createProject(page, 'Enschede');
    await page.getByRole('button', { name: 'CBS-cijfers importeren' }).click();
    const file = nederland2024Zorg();
    await page
      .locator('#import-bestand')
      .setInputFiles({ name: file.name, mimeType: 'text/csv', buffer: Buffer.from(file.bytes) });
    const preview = page.getByTestId('import-voorbeeld');
    await preview.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-aantallen').textContent()).toBe(
      '342 gemeenten, 3.393 wijken, 14.574 buurten',
    );
    expect(await preview.textContent()).toContain('Dit is een groot bestand. Kies de gemeenten die je nodig hebt');
    expect(await page.getByTestId('import-rijen').textContent()).toBe('18.310 worden geïmporteerd');

    await page.getByLabel('Zoek een gemeente').fill('Enschede');
    await page.getByRole('checkbox', { name: /Enschede/ }).check();
    await page.getByTestId('import-gekozen').waitFor();
    // The search and the choice stay while the preview is made again; the chosen gemeente comes first.
    expect(await page.getByLabel('Zoek een gemeente').inputValue()).toBe('Enschede');
    await page.getByLabel('Zoek een gemeente').fill('');
    expect(await page.locator('.wijkweb-checklist li').first().textContent()).toBe('Enschede GM0153');
    // The counts follow once the worker has made the preview again (the choice itself shows at once).
    await page.waitForFunction(
      () =>
        /^1 gemeenten, \d+ wijken, \d+ buurten$/.test(
          document.querySelector('[data-testid="import-aantallen"]')?.textContent ?? '',
        ),
      undefined,
      { timeout: 30_000 },
    );
    expect(await page.getByTestId('import-overgeslagen').textContent()).toMatch(
      /overgeslagen: 1\d\.\d{3} van andere gemeenten/,
    );
    expect(await page.getByTestId('import-gekozen').textContent()).toContain('Je hebt 1 gemeente gekozen');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '14-cbs-heel-nederland-enschede');

    await preview.getByRole('button', { name: 'Importeren', exact: true }).click();
    await page.getByText(/Klaar: ‘kwb-2024-nederland-zorg.csv’ is geïmporteerd/).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Bekijk de gebieden' }).click();
    await page.getByRole('button', { name: /Wijk 02 .* openklappen/ }).click();
    await page.getByRole('button', { name: /Boswinkel-De Braker/ }).click();
    await page.getByTestId('gebied-profiel').waitFor();
    const row = page.locator('[data-testid="profiel-kerncijfers"] tr[data-sleutel="wmo_clienten_per_1000"]');
    expect((await row.locator('td').allTextContents()).slice(0, 2)).toEqual(['132', '88']);
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, '15-cbs-boswinkel-zorg');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the whole country without a choice: the import shows its progress and Stoppen leaves the project as it was', async () => {
    const { context, page } = await newPage(app.browser, app.url);
    await createProject(page, 'Stoppen');
    await page.getByRole('button', { name: 'CBS-cijfers importeren' }).click();
    // The kerncijfers with all their 121 figures (the benchmark's file): long enough an import to stop.
    const file = { name: KWB_SYNTH_FILE, bytes: synthesiseKwbCsv() };
    await page
      .locator('#import-bestand')
      .setInputFiles({ name: file.name, mimeType: 'text/csv', buffer: Buffer.from(file.bytes) });
    const preview = page.getByTestId('import-voorbeeld');
    await preview.waitFor({ timeout: 30_000 });
    // The whole country goes in within about a second here: Stoppen at once, while the progress bar shows.
    await preview.getByRole('button', { name: 'Importeren', exact: true }).click();
    await preview.getByRole('status').waitFor();
    await preview.getByRole('button', { name: 'Stoppen' }).click();
    await page.getByText(/Je hebt de import van ‘kwb-2024-nederland.csv’ gestopt/).waitFor({ timeout: 30_000 });
    await screenshot(page, '16-cbs-gestopt');
    await page.getByRole('navigation').getByRole('button', { name: 'Overzicht' }).click();
    expect(await page.getByTestId('telling-buurten').textContent()).toContain('0');
    await context.close();
  });
});
