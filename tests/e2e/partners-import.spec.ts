import { describe, expect, it } from 'vitest';
import { axeViolations, createProject, newPage, screenshot, useAppInBrowser } from './browser';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;

const app = useAppInBrowser();

describe('partner lists and verwijzingen through the UI', () => {
  it('imports the messy partner spreadsheet: bad rows named, unknown value mapped, a fuzzy pair confirmed, then undone and redone', async () => {
    const { context, page, errors } = await newPage(app.browser, app.url);
    await createProject(page, 'Utrecht Noordwest');
    const nav = page.getByRole('navigation');
    await nav.getByRole('button', { name: 'Importeren' }).click();

    // Buurten (CBS) and the postcode table first, so postcodes and buurt names resolve.
    await page.locator('#import-bestand').setInputFiles(FIXTURES + 'cbs/kwb-2023-utrecht.xlsx');
    await page.getByTestId('import-voorbeeld').getByRole('button', { name: 'Importeren' }).click();
    await page.getByRole('button', { name: 'Nog een bestand importeren' }).click();
    await page.locator('#import-bestand').setInputFiles(FIXTURES + 'partners/pc6-gwb-utrecht.csv');
    await page.getByText(/De postcodetabel ‘pc6-gwb-utrecht.csv’ is geïmporteerd: 184 postcodes/).waitFor();
    await page.getByRole('button', { name: 'Nog een bestand importeren' }).click();

    await page.locator('#import-bestand').setInputFiles(FIXTURES + 'partners/sociale-kaart-utrecht.xlsx');
    const preview = page.getByTestId('import-voorbeeld');
    await preview.waitFor();
    expect(await page.getByTestId('partners-aantallen').textContent()).toContain('120 rijen');
    const problems = page.getByTestId('import-problemen');
    expect(await problems.textContent()).toContain('rij 35, kolom ‘Organisatie / Postcode’');
    expect(await problems.textContent()).toContain('‘35555’ is geen Nederlandse postcode');
    expect(await problems.textContent()).toContain('rij 63');
    const importeren = preview.getByRole('button', { name: 'Importeren' });
    expect(await importeren.isDisabled()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '30-partners-voorbeeld');

    // Resolve: add the unknown leefgebied, merge the Alifa pair, skip the other bad rows.
    await page.getByLabel(/‘Spiritualiteit’/).selectOption('toevoegen');
    await page.getByText(/Samenvoegen: Alifa \+ Alifa Welzijn/).click();
    await page.getByText(/Sla de \d+ rijen met fouten over/).click();
    await page.getByText('Sla de 5 rijen met fouten over en importeer de rest').waitFor();
    await importeren.click();
    const done = page.getByTestId('import-klaar');
    await done.waitFor();
    expect(await done.textContent()).toContain('30 nieuwe organisaties');
    await screenshot(page, '31-partners-klaar');

    // In Gegevens: 30 organisations; Ctrl+Z takes the whole import back, Ctrl+Y brings it again.
    await page.getByRole('button', { name: 'Bekijk de gegevens' }).click();
    await page.getByRole('tab', { name: /Organisaties/ }).click();
    await page.getByText('Stichting Dock').first().waitFor();
    await page.keyboard.press('Control+z');
    await page.getByText(/Ongedaan gemaakt: Partnerlijst/).waitFor();
    await page.getByText('Stichting Dock').first().waitFor({ state: 'detached' });
    await page.keyboard.press('Control+y');
    await page.getByText('Stichting Dock').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '32-gegevens-na-import');

    // Verwijzingen: the unknown name is listed, never invented; rows with errors skipped.
    await nav.getByRole('button', { name: 'Importeren' }).click();
    await page.locator('#import-bestand').setInputFiles(FIXTURES + 'partners/verwijzingen-2024.xlsx');
    await page.getByTestId('relaties-onbekend').waitFor();
    expect(await page.getByTestId('relaties-onbekend').textContent()).toContain('Onbekende Stichting XYZ');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '33-verwijzingen-voorbeeld');
    await page.getByText(/Sla de \d+ rijen met fouten over/).click();
    await page.getByTestId('import-voorbeeld').getByRole('button', { name: 'Importeren' }).click();
    await page.getByText(/‘verwijzingen-2024.xlsx’ is geïmporteerd: \d+ nieuwe relaties/).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
