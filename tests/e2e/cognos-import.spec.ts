import { describe, expect, it } from 'vitest';
import { axeViolations, createProject, newPage, screenshot, useAppInBrowser } from './browser';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;

const app = useAppInBrowser();

describe('Cognos import through the UI', () => {
  it('imports a Cognos export, confirms a fuzzy buurt name once, and shows the figures in Metingen', async () => {
    const { context, page, errors } = await newPage(app.browser, app.url);
    await createProject(page, 'Enschede West');
    const nav = page.getByRole('navigation');

    // The buurten first (CBS), then the Cognos export: the gebied is named only in its title.
    await nav.getByRole('button', { name: 'Importeren' }).click();
    await page.locator('#import-bestand').setInputFiles(FIXTURES + 'cbs/kwb-2023-enschede-west-voorbeeld.csv');
    await page.getByTestId('import-voorbeeld').getByRole('button', { name: 'Importeren' }).click();
    await page.getByRole('button', { name: 'Nog een bestand importeren' }).click();

    // Two exports at once: the second waits its turn.
    await page
      .locator('#import-bestand')
      .setInputFiles([
        FIXTURES + 'cognos/boswinkel-toewijzingen-2024-04-02.xlsx',
        FIXTURES + 'cognos/boswinkel-meldingen-april-2024.xlsx',
      ]);
    const preview = page.getByTestId('import-voorbeeld');
    await preview.waitFor();
    expect(await page.getByTestId('cognos-aantallen').textContent()).toContain('1 tabellen met 12 aantallen');
    expect(await page.getByTestId('cognos-titelgebied').textContent()).toBe('Boswinkel-De Braker (BU01530710)');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '20-cognos-voorbeeld');
    await preview.getByRole('button', { name: 'Importeren' }).click();
    await page.getByText(/Klaar: ‘boswinkel-toewijzingen-2024-04-02.xlsx’ is geïmporteerd \(12 aantallen\)/).waitFor();

    await page.getByRole('button', { name: 'Volgend bestand: ‘boswinkel-meldingen-april-2024.xlsx’ (nog 1)' }).click();
    await page.getByTestId('import-voorbeeld').getByRole('button', { name: 'Importeren' }).click();
    await page.getByText(/Klaar: ‘boswinkel-meldingen-april-2024.xlsx’ is geïmporteerd \(9 aantallen\)/).waitFor();

    // A name Wijkweb is not sure of: confirm it once.
    await page.getByRole('button', { name: 'Nog een bestand importeren' }).click();
    await page.locator('#import-bestand').setInputFiles({
      name: 'meldingen-mei-2024.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'Buurt;Periode;Meldingstype;Aantal meldingen\nBoswinkel;2024-05;Aanmelding;14\nBoswinkel;2024-05;SMI;<5\n',
      ),
    });
    await page.getByLabel('Welke buurt bedoel je met ‘Boswinkel’?').selectOption('BU01530710');
    // The name's row, and the preview's rows as they will be stored (issue 21), now name the buurt.
    await page.getByRole('cell', { name: 'Boswinkel-De Braker (BU01530710)', exact: true }).first().waitFor();
    expect(await page.getByTestId('cognos-rijen').locator('tr').first().textContent()).toContain(
      'Boswinkel-De Braker (BU01530710)',
    );
    await page.getByTestId('import-voorbeeld').getByRole('button', { name: 'Importeren' }).click();
    await page.getByRole('button', { name: 'Bekijk de metingen' }).click();

    const rows = page.getByTestId('metingen-rijen');
    await rows.waitFor();
    const text = await rows.textContent();
    expect(text).toContain('Ondersteuningsbehoefte 1 Wmo');
    expect(text).toContain('68');
    expect(text).toContain('<5');
    // 68 toewijzingen per 1,000 of 3,715 inhabitants = 18,3.
    expect(text).toContain('18,3');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '21-metingen');
    expect(errors).toEqual([]);
    await context.close();
  });
});
