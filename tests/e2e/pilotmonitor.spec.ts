/**
 * Issue 18 in the browser: the Pilotmonitor of "Hulp om de hoek" (Boswinkel-De Braker). The project is the
 * voorbeeldproject built here, with the pilot, the plan's goals, capacity and tallies (aanmeldingen 2021–2023,
 * afhandeling January–April 2024, tevredenheid, kosten) added through the CLI. The view shows each goal's status and
 * sentence, the afhandeling bars with their legend and shares, the evaluation questions; a goal is added through the
 * form (after a Dutch message for the missing name) and undone with Ctrl+Z; a tally entered in the form changes the
 * bar; the map offers "Aanmeldingen per fte". axe-core finds nothing serious.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main';
import { buildDemo } from '../../scripts/build-demo.mts';
import { tmpDir } from '../helpers/tmp';
import { axeViolations, createProject, newPage, openProjectFile, screenshot, useAppInBrowser } from './browser';

const app = useAppInBrowser();
const BUURT = 'BU01530201';
let dir = '';
let cleanup = () => {};
let project = '';

const telling = (
  maat: string,
  van: string | null,
  tot: string | null,
  peildatum: string | null,
  waarden: object[],
) => ({
  gebied: BUURT,
  maat,
  periodeStart: van,
  periodeEind: tot,
  peildatum,
  waarden,
});
const afhandeling = (van: string, tot: string, [wijkteam, voorliggend, maatwerk, overig]: number[]) =>
  telling('afhandeling', van, tot, null, [
    { categorie: 'wijkteam', waarde: wijkteam },
    { categorie: 'voorliggend', waarde: voorliggend },
    { categorie: 'maatwerk', waarde: maatwerk },
    { categorie: 'overig', waarde: overig },
  ]);

beforeAll(async () => {
  const t = tmpDir('wijkweb-pilot-');
  dir = t.dir;
  cleanup = t.cleanup;
  project = join(dir, 'pilot.wijkweb');
  await buildDemo(project, { log: () => undefined });
  const instellingen = {
    pilot: { naam: 'Hulp om de hoek', gebied: BUURT, start: '2024-01-01', eind: null },
    standaardDoelen: true,
    capaciteit: [
      { gebied: BUURT, peildatum: '2024-01-01', functie: 'wijkteam', fte: 2.5 },
      { gebied: BUURT, peildatum: '2024-01-01', functie: 'presentie', fte: 0.5 },
    ],
    tellingen: [
      telling('meldingen', '2021-01-01', '2021-12-31', null, [{ categorie: null, waarde: 372 }]),
      telling('meldingen', '2022-01-01', '2022-12-31', null, [{ categorie: null, waarde: 358 }]),
      telling('meldingen', '2023-01-01', '2023-12-31', null, [{ categorie: null, waarde: 366 }]),
      afhandeling('2024-01-01', '2024-01-31', [30, 20, 25, 10]),
      afhandeling('2024-02-01', '2024-02-29', [32, 24, 22, 8]),
      afhandeling('2024-03-01', '2024-03-31', [34, 26, 20, 7]),
      afhandeling('2024-04-01', '2024-04-30', [36, 30, 18, 3]),
      telling('tevredenheid', null, null, '2023-10-31', [{ categorie: null, waarde: 7.1 }]),
      // The voorbeeldproject imports kosten and afhandeling of its own; a hand tally of the same gebied, period and kind
      // replaces the imported count (the newest source counts): these figures are the test's own, Jeugd set to 0.
      telling('tevredenheid', null, null, '2024-03-31', [{ categorie: null, waarde: 7.4 }]),
      telling('kosten', '2021-01-01', '2021-12-31', null, [
        { categorie: null, wet: 'Wmo', waarde: 1_210_000 },
        { categorie: null, wet: 'Jeugdwet', waarde: 0 },
      ]),
      telling('kosten', '2022-01-01', '2022-12-31', null, [
        { categorie: null, wet: 'Wmo', waarde: 1_265_000 },
        { categorie: null, wet: 'Jeugdwet', waarde: 0 },
      ]),
      telling('kosten', '2023-01-01', '2023-12-31', null, [
        { categorie: null, wet: 'Wmo', waarde: 1_302_000 },
        { categorie: null, wet: 'Jeugdwet', waarde: 0 },
      ]),
      telling('kosten', '2024-01-01', '2024-04-30', null, [
        { categorie: null, wet: 'Wmo', waarde: 452_000 },
        { categorie: null, wet: 'Jeugdwet', waarde: 0 },
      ]),
    ],
  };
  writeFileSync(join(dir, 'pilot.json'), JSON.stringify(instellingen));
  let err = '';
  const code = await runCli(['pilot', project, '--instellingen', join(dir, 'pilot.json')], {
    stdout: () => undefined,
    stderr: (t) => void (err += t),
    cwd: dir,
    env: { WIJKWEB_DATA_DIR: join(dir, '.data') },
  });
  if (code !== 0) throw new Error(`wijkweb pilot mislukt: ${err}`);
}, 120_000);
afterAll(() => cleanup());

/** The text with every kind of space as one plain space. */
const tekst = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

/**
 * The whole view in one picture: the app scrolls inside its main area, so the window is made as tall as the view for
 * the screenshot.
 */
async function heleView(page: Page, naam: string) {
  const hoogte = await page.evaluate(() => document.getElementById('inhoud')!.scrollHeight);
  await page.setViewportSize({ width: 1440, height: hoogte + 120 });
  await screenshot(page, naam);
  await page.setViewportSize({ width: 1440, height: 1000 });
}

/** A table row's cells, " | " between them. */
const rij = async (page: Page, selector: string) =>
  (await page.locator(selector).first().locator('th, td').allTextContents())
    .map((c) => c.replace(/\s+/g, ' ').trim())
    .join(' | ');

/** The in-bar percentages of a period, by category. */
async function balk(page: Page, periode: string): Promise<Record<string, string>> {
  return page.evaluate((periode) => {
    const g = document.querySelector(`[data-testid="afhandeling-grafiek"] svg g[data-periode="${periode}"]`);
    const uit: Record<string, string> = {};
    for (const s of g?.querySelectorAll('g[data-categorie]') ?? []) {
      uit[s.getAttribute('data-categorie')!] = s.querySelector('text')?.textContent ?? '';
    }
    return uit;
  }, periode);
}

describe('the Pilotmonitor of Hulp om de hoek', () => {
  it('shows goals, afhandeling, costs and questions; adds and undoes a goal; a tally changes the bar', async () => {
    const { context, page, errors } = await newPage(app.browser, app.url);
    await page.setViewportSize({ width: 1440, height: 1000 });
    await openProjectFile(page, project, 'Enschede West (voorbeeld)');
    await page.getByRole('navigation').getByRole('button', { name: 'Pilotmonitor', exact: true }).click();
    await page.getByTestId('pilot-doelen').locator('tr[data-doel]').first().waitFor();

    // The pilot, its gebied and start; the newest figures (30 April 2024).
    const kop = await tekst(page, '[data-testid="pilot-kop"]');
    expect(kop).toContain('Hulp om de hoek');
    expect(kop).toContain('Boswinkel-De Braker (BU01530201)');
    expect(kop).toContain('1 januari 2024');
    expect(await tekst(page, '[data-testid="pilot-peildatum-nu"]')).toBe('Cijfers tot en met 30 april 2024.');

    // The plan's four goals: status in words (and as data), the sentence since when and on which numbers.
    const doel = (naam: string) => page.getByTestId('pilot-doelen').locator('tr[data-doel]', { hasText: naam });
    const status = async (naam: string) => ({
      status: await doel(naam).getAttribute('data-status'),
      badge: ((await doel(naam).locator('.wijkweb-status > span').textContent()) ?? '').trim(),
      zin: ((await doel(naam).getByTestId('doel-zin').textContent()) ?? '').replace(/\s+/g, ' ').trim(),
    });
    expect(await page.getByTestId('pilot-doelen').locator('tr[data-doel]').count()).toBe(4);
    const aanmeldingen = await status('Aanmeldingen niet hoger');
    expect(aanmeldingen).toMatchObject({ status: 'op_koers', badge: 'Op koers' });
    expect(aanmeldingen.zin).toMatch(
      /^Op koers sinds 31 januari 2024: .* tegen 365 aanmeldingen per jaar \(2021–2023\)/,
    );
    const kosten = await status('Kosten Wmo en Jeugd');
    expect(kosten).toMatchObject({ status: 'niet_op_koers', badge: 'Niet op koers' });
    expect(kosten.zin).toBe(
      'Niet op koers sinds 30 april 2024: € 1.356.000 per jaar (jan–apr 2024, omgerekend naar een jaar) tegen € 1.259.000 per jaar (2021–2023).',
    );
    expect(await status('Meer collectief')).toMatchObject({ status: 'aandacht', badge: 'Aandacht' });
    const tevreden = await status('Tevredenheid');
    expect(tevreden).toMatchObject({ status: 'op_koers' });
    expect(tevreden.zin).toBe('Op koers sinds 31 maart 2024: 7,4 (30 april 2024) tegen 7,1 (31 oktober 2023).');
    // The trend line says what it shows.
    expect(await doel('Tevredenheid').getByTestId('sparkline').getAttribute('aria-label')).toContain(
      'De stippellijn is de nulmeting (7,1)',
    );

    // Afhandeling: the legend, the shares in the bars (overig in April is 3: "<5", no share), the counts.
    const afh = page.getByTestId('pilot-afhandeling');
    expect(await afh.locator('.wijkweb-pilot__legenda li').allTextContents()).toEqual([
      'Geholpen door het wijkteam',
      'Voorliggend opgelost',
      'Maatwerkindicatie',
      'Anders of nog bezig',
      'Afgeschermd (kleine aantallen)',
    ]);
    expect(await balk(page, 'Q1 2024')).toEqual({
      wijkteam: '37%',
      voorliggend: '27%',
      maatwerk: '26%',
      overig: '10%',
    });
    // Overig (3) is hidden, and maatwerk with it (it would give the 3 away): one hatched segment without shares.
    expect(await balk(page, 'Q2 2024')).toEqual({ wijkteam: '41%', voorliggend: '34%', __afgeschermd: '' });
    const q2 = await rij(page, '[data-testid="pilot-afhandeling"] tbody tr[data-periode="Q2 2024"]');
    expect(q2).toBe('Q2 2024 (1 van 3 maanden) | 36 (41%) | 30 (34%) | x | <5 | 87');
    // Costs: the baseline years, the year so far, the mean as a line.
    const k = await tekst(page, '[data-testid="pilot-kosten"]');
    expect(k).toContain('Gemiddelde van de nulmeting: € 1.259.000 per jaar');
    expect(await rij(page, '[data-testid="pilot-kosten"] tbody tr[data-jaar="2024"]')).toBe(
      '2024 | € 452.000 | € 1.356.000 | t/m april',
    );
    expect(await rij(page, '[data-testid="pilot-kosten"] tbody tr[data-jaar="2021"]')).toBe(
      '2021 | € 1.210.000 |  | nulmeting',
    );
    // Capacity and the questions.
    expect(await rij(page, '[data-testid="pilot-capaciteit"] tr[data-gebied="BU01530201"]')).toMatch(
      // Against the voorbeeldproject's two wijken (the buurt lies in one of them and is not counted twice).
      /^Boswinkel-De Braker \| 2,5 \| 0,5 \| {2}\| 3 \| 345 \| 115 \| 1,26 \| ▲ Onderbezet$/,
    );
    const vraag1 = (await page.locator('[data-testid="pilot-vragen"] li[data-vraag="1"] p').allTextContents()).join(
      ' ',
    );
    expect(vraag1).toBe(
      // Q2 has a small count (overig 3): the sentence speaks of the newest quarter without one.
      'Wat kunnen we richting algemene voorzieningen verwijzen? 27% van de aanmeldingen voorliggend opgelost in Q1 2024, was 31% in Q4 2023 (258 aanmeldingen).',
    );
    expect(await axeViolations(page)).toEqual([]);
    await heleView(page, 'pilotmonitor-overzicht');

    // A goal through the form: first without a name (a Dutch message at the field), then complete.
    await page.getByRole('button', { name: 'Doel toevoegen' }).click();
    const form = page.getByTestId('doel-form');
    await form.getByRole('button', { name: 'Doel opslaan' }).click();
    await form.locator('#doel-naam-err').waitFor();
    expect(await tekst(page, '#doel-naam-err')).toBe(
      'Geef het doel een naam, bijvoorbeeld ‘Minder maatwerkindicaties’.',
    );
    expect(await form.getByLabel('Naam van het doel').getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'pilotmonitor-doel-fout');
    await form.getByLabel('Naam van het doel').fill('Meer voorliggend opgelost');
    await form.getByLabel('Wat meet je?').selectOption('voorliggend_aandeel');
    await form.getByLabel('Het doel is bereikt als de waarde … is dan de nulmeting').selectOption('hoger');
    await form.getByLabel('Een waarde die je zelf invult').check();
    await form.getByLabel('Waarde van de nulmeting').fill('25');
    await form.getByLabel('Datum van de nulmeting (mag leeg)').fill('2023-12-31');
    await form.getByRole('button', { name: 'Doel opslaan' }).click();
    await form.waitFor({ state: 'detached' });
    await doel('Meer voorliggend opgelost').waitFor();
    expect(await status('Meer voorliggend opgelost')).toMatchObject({ status: 'op_koers', badge: 'Op koers' });
    expect(await page.getByTestId('pilot-doelen').locator('tr[data-doel]').count()).toBe(5);

    // Ctrl+Z undoes it (the focus is back on the button, not in a field).
    await page.keyboard.press('Control+z');
    await doel('Meer voorliggend opgelost').waitFor({ state: 'detached' });
    expect(await page.getByTestId('pilot-doelen').locator('tr[data-doel]').count()).toBe(4);

    // Deleting a goal asks first; afterwards the focus is on "Doel toevoegen" (its row is gone), and Ctrl+Z brings it back.
    await doel('Tevredenheid').getByRole('button', { name: 'Verwijderen' }).click();
    await page.getByTestId('bevestigen').getByRole('button', { name: 'Verwijderen' }).click();
    await doel('Tevredenheid').waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('doel-toevoegen');
    await page.keyboard.press('Control+z');
    await doel('Tevredenheid').waitFor();
    expect(await page.getByTestId('pilot-doelen').locator('tr[data-doel]').count()).toBe(4);

    // A tally of May: Q2 now has two months, and its shares and the first question change.
    await page.getByRole('button', { name: 'Telling invoeren' }).click();
    const tf = page.getByTestId('telling-form');
    expect(await tf.getByLabel('Gebied').inputValue()).toBe(BUURT);
    await tf.getByLabel('Maand').fill('2024-05');
    await tf.getByLabel('Geholpen door het wijkteam (aantal)').fill('40');
    await tf.getByLabel('Voorliggend opgelost (aantal)').fill('40');
    await tf.getByLabel('Maatwerkindicatie (aantal)').fill('10');
    await tf.getByLabel('Anders of nog bezig (aantal)').fill('5');
    await tf.getByRole('button', { name: 'Telling opslaan' }).click();
    await tf.waitFor({ state: 'detached' });
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="pilot-afhandeling"] tbody tr[data-periode="Q2 2024"]')
          ?.textContent?.includes('182'),
      undefined,
      { timeout: 15_000 },
    );
    expect(await balk(page, 'Q2 2024')).toEqual({ wijkteam: '42%', voorliggend: '38%', maatwerk: '15%', overig: '' });
    expect(await rij(page, '[data-testid="pilot-afhandeling"] tbody tr[data-periode="Q2 2024"]')).toBe(
      'Q2 2024 (2 van 3 maanden) | 76 (42%) | 70 (38%) | 28 (15%) | 8 (4%) | 182',
    );
    expect(await tekst(page, '[data-testid="pilot-vragen"] li[data-vraag="1"]')).toContain(
      '38% van de aanmeldingen voorliggend opgelost in Q2 2024 tot nu toe, was 27% in Q1 2024 (182 aanmeldingen).',
    );
    expect(await tekst(page, '[data-testid="pilot-peildatum-nu"]')).toBe('Cijfers tot en met 31 mei 2024.');
    expect(await axeViolations(page)).toEqual([]);
    await heleView(page, 'pilotmonitor-na-telling');

    // The map offers the capacity colouring, with its legend.
    await page.getByRole('navigation').getByRole('button', { name: 'Kaart', exact: true }).click();
    await page.getByLabel('Kleur de buurten naar').selectOption('pilot:apf');
    const legenda = await tekst(page, '[data-testid="kaart-legenda"]');
    expect(legenda).toContain('Aanmeldingen per fte t.o.v. de gemeente');
    // Boswinkel by its own row, the other buurten by their wijk's (the voorbeeldproject enters two wijken).
    expect(legenda).toContain('Meer dan 1,2: onderbezet (3)');
    expect(legenda).toContain('Minder dan 0,8: ruim bezet (8)');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'pilotmonitor-kaart');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says in a new project what to do next, with the plan’s goals disabled until the pilot has a gebied', async () => {
    const { context, page, errors } = await newPage(app.browser, app.url);
    await createProject(page, 'Leeg');
    await page.getByRole('navigation').getByRole('button', { name: 'Pilotmonitor', exact: true }).click();
    await page.getByTestId('doelen-leeg').waitFor();
    expect(await tekst(page, '[data-testid="pilot-kop"] h2')).toBe('Nog geen pilot ingesteld');
    const klaarzetten = page.getByRole('button', { name: 'Doelen van het pilotplan klaarzetten' });
    expect(await klaarzetten.isDisabled()).toBe(true);
    expect(await tekst(page, '#klaarzetten-uitleg')).toBe(
      'Vul eerst het gebied en de startdatum van de pilot in. Daarna kun je de doelen van het pilotplan klaarzetten.',
    );
    expect(await tekst(page, '[data-testid="pilot-afhandeling"] .wijkweb-empty')).toBe(
      'Er zijn nog geen cijfers over de afhandeling. Importeer een Cognos-export met een kolom Afhandeling, of voer een telling in.',
    );
    expect(await axeViolations(page)).toEqual([]);
    await heleView(page, 'pilotmonitor-leeg');
    expect(errors).toEqual([]);
    await context.close();
  });
});
