/**
 * The Pilotmonitor in the Rapport view (issue 18), browser mode: a project with the pilot "Hulp om de hoek" opened
 * from a file; the preview opens with the Pilotmonitor (statuses in symbol, word and colour), and presentation mode
 * shows "Is de pilot op koers?" and the afhandeling plate after the title slide. Screenshots in
 * test-results/screenshots (rapport-pilot*.png).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../shared/result';
import { pilotProject } from '../helpers/pilot-project';
import { axeViolations, newPage, openProjectFile, screenshot, useAppInBrowser } from './browser';

const app = useAppInBrowser();

async function pilotBestand(): Promise<string> {
  const s = await pilotProject();
  const path = join(mkdtempSync(join(tmpdir(), 'wijkweb-rapport-pilot-')), 'pilot.wijkweb');
  writeFileSync(path, unwrap(await s.exportProject()));
  return path;
}

describe('Rapport with a pilot', () => {
  it('opens the report with the Pilotmonitor and the presentation with "Is de pilot op koers?"', async () => {
    const path = await pilotBestand();
    const { context, page, errors } = await newPage(app.browser, app.url);
    await openProjectFile(page, path, 'Enschede West');
    await page.locator('.wijkweb-nav').getByRole('button', { name: 'Rapport' }).click();
    await page.getByTestId('rapport-pagina').waitFor();
    await page.getByLabel('Peildatum').fill('2024-04-30');
    // The section can be chosen (this project has a pilot) and is on.
    await expect.poll(() => page.getByRole('checkbox', { name: 'Pilotmonitor' }).isChecked()).toBe(true);

    const frame = async () =>
      (await (await page.getByTestId('rapport-voorbeeld').elementHandle({ timeout: 30_000 }))!.contentFrame())!;
    await expect
      .poll(async () => (await frame()).locator('body').innerText(), { timeout: 30_000 })
      .toContain('Stand op 30 april 2024');
    const f = await frame();
    const koppen = await f.getByRole('heading', { level: 2 }).allTextContents();
    expect(koppen[0]).toBe('Inhoud');
    expect(koppen[1]).toBe('1. Pilotmonitor');
    const sectie = f.locator('section#pilot');
    const tekst = await sectie.innerText();
    for (const s of ['● Op koers', '▲ Aandacht', '■ Niet op koers']) expect(tekst).toContain(s);
    expect(tekst).toContain('Succescriterium 1: de tevredenheid onder inwoners is toegenomen');
    expect(tekst).toContain('€ 1.440.000 per jaar');
    expect(tekst).toContain('Q2 2024 (1 mnd)');
    expect(tekst).toContain('<5');
    // Colour as well as symbol and word.
    const kleur = await sectie
      .locator('.status--niet_op_koers')
      .first()
      .evaluate((el) => getComputedStyle(el).color);
    expect(kleur).toBe('rgb(180, 35, 24)');
    await sectie.scrollIntoViewIfNeeded();
    await screenshot(page, 'rapport-pilot');
    await sectie.screenshot({ path: join(process.cwd(), 'test-results', 'screenshots', 'rapport-pilot-sectie.png') });

    // Without the section the report starts with the CBS figures.
    await page.getByRole('checkbox', { name: 'Pilotmonitor' }).uncheck();
    await expect
      .poll(async () => (await (await frame()).getByRole('heading', { level: 2 }).allTextContents())[1], {
        timeout: 20_000,
      })
      .toBe('1. Kerncijfers');
    await page.getByRole('checkbox', { name: 'Pilotmonitor' }).check();

    // The slides: the title slide, then the pilot's two.
    await page.getByRole('button', { name: 'Presenteren' }).click();
    const presentatie = page.getByRole('dialog', { name: /Presentatie van/ });
    await presentatie.waitFor();
    await page
      .getByTestId('dia-teller')
      .filter({ hasText: /Dia 1 van/ })
      .waitFor();
    await page.keyboard.press('ArrowRight');
    await presentatie.getByRole('heading', { name: 'Is de pilot op koers?' }).waitFor();
    const doelen = presentatie.getByTestId('dia-doelen');
    expect(await doelen.locator('li').count()).toBe(4);
    expect(await doelen.locator('li').first().innerText()).toContain('● Op koers');
    expect(await doelen.innerText()).toContain('Kosten niet hoger dan de drie jaar ervoor');
    await screenshot(page, 'rapport-pilot-dia');
    expect((await axeViolations(page)).filter((v) => /\((serious|critical)\)/.test(v))).toEqual([]);
    await page.keyboard.press('ArrowRight');
    await presentatie.getByRole('heading', { name: 'Afhandeling van aanmeldingen per kwartaal' }).waitFor();
    const plaat = presentatie.getByTestId('dia-plaat');
    await plaat.waitFor();
    expect(await plaat.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1280);
    await screenshot(page, 'rapport-pilot-afhandeling');
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
    await context.close();
  });
});
