/**
 * The postcode table (PC6 → buurt) through Importeren: rows that are left out are named with their row and column
 * in the finished import (issue 15, item 9), not only counted.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations, createProject, newPage, screenshot, useAppInBrowser } from './browser';

const app = useAppInBrowser();

describe('postcode table', () => {
  it('imports the good rows and names each row it left out', async () => {
    const { context, page, errors } = await newPage(app.browser, app.url);
    await createProject(page, 'Postcodes');
    await page.getByRole('navigation').getByRole('button', { name: 'Importeren' }).click();
    const csv =
      'PC6;Buurt2023;Wijk2023;Gemeente2023\n3511AE;3440613;34406;344\n35X1AR;3440627;34406;344\n' +
      '3511BS;3440621;34406;344\n';
    await page
      .locator('#import-bestand')
      .setInputFiles({ name: 'pc6-gwb2023.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText(/De postcodetabel ‘pc6-gwb2023.csv’ is geïmporteerd: 2 postcodes/).waitFor();
    expect(await page.getByTestId('import-klaar').textContent()).toContain('1 rij is overgeslagen');
    const problemen = await page.getByTestId('import-problemen').textContent();
    expect(problemen).toContain('rij 3');
    expect(problemen).toContain('35X1AR');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '18-postcodes-overgeslagen');
    expect(errors).toEqual([]);
    await context.close();
  });
});
