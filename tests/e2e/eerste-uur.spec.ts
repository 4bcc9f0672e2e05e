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
    await page.locator('.wijkweb-recent__open').first().waitFor();
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

  it('a partner list with odd values: dropped on the window, only the right suggestions preselected, counts kept', async () => {
    const { context, page, errors } = await newPage(app.browser, app.url);
    await createProject(page, 'Partners');
    // Importeren itself: no accessibility violations (the hidden file input has its label).
    await page.getByRole('navigation').getByRole('button', { name: 'Importeren' }).click();
    await page.getByRole('heading', { name: 'Importeren', level: 1 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // The template downloads as an xlsx.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('partners-sjabloon').click(),
    ]);
    expect(download.suggestedFilename()).toBe('Sjabloon partnerlijst Wijkweb.xlsx');

    // Dropped on the Overzicht (not on the drop zone): Wijkweb goes to Importeren and reads it as a partner list.
    await page.getByRole('navigation').getByRole('button', { name: 'Overzicht' }).click();
    const lijst =
      'Organisatie;Soort organisatie;Aanbod;Doelgroepen\n' +
      'Jongerenwerk Oost;Welzijn;Inloop;jeugd 12-18\n' +
      'Zorg Thuis;Zorg;Steunpunt;mensen met LVB\n' +
      'Huiswerkklas;Welzijn;Bijles;kinderen 10-14\n' +
      'Buurtkamer;Welzijn;Koffie;Ouderen\n';
    const data = await page.evaluateHandle((tekst) => {
      const dt = new DataTransfer();
      dt.items.add(new File([tekst], 'partners-oost.csv', { type: 'text/csv' }));
      return dt;
    }, lijst);
    const doel = page.locator('main');
    await doel.dispatchEvent('dragenter', { dataTransfer: data });
    await doel.dispatchEvent('dragover', { dataTransfer: data });
    await doel.dispatchEvent('drop', { dataTransfer: data });
    await page.getByTestId('partners-onbekend').waitFor();
    expect(await currentView(page)).toBe('Importeren');
    expect(await page.getByTestId('partners-aantallen').textContent()).toContain('4 nieuwe organisaties');

    const keuze = (waarde: string) => page.getByTestId(`waarde-keuze-${waarde}`);
    const gekozen = (waarde: string) =>
      keuze(waarde).evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent ?? '');
    expect(await gekozen('jeugd 12-18')).toBe('Voorstel: Jongeren 12–27 jaar');
    expect(await gekozen('mensen met LVB')).toBe('Voorstel: Mensen met een licht verstandelijke beperking (LVB)');
    // Two items overlap 10-14 as much: nothing chosen, a suggestion offered.
    expect(await gekozen('kinderen 10-14')).toBe('Kies…');
    expect(await keuze('kinderen 10-14').locator('option').nth(1).textContent()).toMatch(/^Misschien: /);
    // Never "Kinderen 4–12 jaar" for 12-18 as a suggestion.
    expect(await keuze('jeugd 12-18').locator('option').allTextContents()).not.toContain(
      'Voorstel: Kinderen 4–12 jaar',
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'eerste-uur-3-partners-voorstellen');

    // Choose the last one; the counts stay those of the preview.
    await keuze('kinderen 10-14').selectOption('jeugd_4_12');
    const importeren = page.getByTestId('import-voorbeeld').getByRole('button', { name: 'Importeren' });
    await page.waitForFunction(() => {
      const b = [...document.querySelectorAll('[data-testid="import-voorbeeld"] button')].find(
        (x) => x.textContent === 'Importeren',
      );
      return b && !(b as HTMLButtonElement).disabled;
    });
    expect(await page.getByTestId('partners-aantallen').textContent()).toContain('4 nieuwe organisaties');
    await importeren.click();
    await page.getByTestId('import-klaar').waitFor();
    expect(await page.getByTestId('import-klaar').textContent()).toContain('4 nieuwe organisaties');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('Cognos: the first rows as they will be stored; "Beide bewaren" warns that it counts twice and says what differs', async () => {
    const { context, page, errors } = await newPage(app.browser, app.url);
    await page.getByTestId('voorbeeld-openen').click();
    await page.getByTestId('header-project').waitFor();
    await page.getByRole('navigation').getByRole('button', { name: 'Importeren' }).click();
    const tekst =
      'Buurt;Periode;Meldingstype;Aantal meldingen\n' +
      'Boswinkel-De Braker;2024-04;Aanmelding (inwoner al bekend bij wijkteam);15\n' +
      'Boswinkel-De Braker;2024-04;Nieuwe aanmelding (inwoner onbekend bij wijkteam);<5\n';
    await page.locator('#import-bestand').setInputFiles({
      name: 'meldingen-april.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(tekst),
    });
    const rijen = page.getByTestId('cognos-rijen');
    await rijen.waitFor();
    const cellen = await rijen.locator('tr').first().locator('td').allTextContents();
    expect(cellen[0]).toBe('Boswinkel-De Braker (BU01530201)');
    expect(cellen[1]).toContain('Aanmelding (inwoner al bekend bij wijkteam)');
    expect(cellen[2]).toBe('1 april 2024 – 30 april 2024');
    expect(cellen[3]).toBe('15');
    expect(await rijen.locator('tr').nth(1).locator('td').nth(3).textContent()).toBe('afgeschermd (<5)');

    // Both are in the project already (13 and 5 in the voorbeeldproject): one differs, shown side by side.
    const vergelijking = page.getByTestId('cognos-overlap-vergelijking');
    await vergelijking.waitFor();
    expect(await vergelijking.textContent()).toMatch(/verschillen van die in het project/);
    await page.getByText('Beide bewaren (als aparte bronnen)').click();
    await page.getByTestId('cognos-dubbel').waitFor();
    expect(await page.getByTestId('cognos-dubbel').textContent()).toContain('twee keer in het project');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'eerste-uur-4-cognos-voorbeeld');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('help: the "?" of a view opens its part, a term opens the begrippenlijst, search works offline', async () => {
    const { context, page, errors } = await newPage(app.browser, app.url);
    await page.getByTestId('voorbeeld-openen').click();
    await page.getByTestId('header-project').waitFor();
    await page.getByRole('navigation').getByRole('button', { name: 'Hiaten' }).click();
    await page.getByTestId('hiaten-uitleg').waitFor();
    await page.getByRole('button', { name: 'Hulp bij Hiaten' }).click();
    await page.getByTestId('handleiding').waitFor();
    // At the right place: the heading of the Hiaten part has the focus and is on the screen.
    await page.waitForFunction(() => document.activeElement?.id === 'help-hiaten');
    expect(await page.locator('#help-hiaten').textContent()).toBe('Hiaten');
    expect(await page.locator('#help-hiaten').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'eerste-uur-5-help-hiaten');

    // A term in a view: "peildatum" in the Hiaten explanation opens its entry.
    await page.getByRole('navigation').getByRole('button', { name: 'Hiaten' }).click();
    await page.getByTestId('hiaten-uitleg').locator('[data-begrip="peildatum"]').click();
    await page.waitForFunction(() => document.activeElement?.id === 'help-begrip-peildatum');
    expect(await page.locator('#help-begrip-peildatum').textContent()).toContain('De dag waarop een telling geldt');

    // Search: every word, accents and case ignored.
    await page.getByLabel('Zoek in de handleiding').fill('statline');
    await page.getByText('1 onderdelen en 0 begrippen gevonden.').waitFor();
    expect(
      await page.locator('[data-sectie]').evaluateAll((els) => els.map((e) => e.getAttribute('data-sectie'))),
    ).toEqual(['cbs']);
    await page.getByLabel('Zoek in de handleiding').fill('makelaar');
    await page.locator('#help-begrip-betweenness').waitFor();
    await page.getByLabel('Zoek in de handleiding').fill('');

    // F1 on the Kaart opens the Kaart part; in English the manual is English.
    await page.getByRole('navigation').getByRole('button', { name: 'Kaart' }).click();
    await page.keyboard.press('F1');
    await page.waitForFunction(() => document.activeElement?.id === 'help-kaart');
    await page.getByLabel('Taal').selectOption('en');
    await page.getByRole('heading', { name: 'Manual', level: 1 }).waitFor();
    expect(await page.getByRole('heading', { name: 'Glossary' }).count()).toBe(1);
    await page.getByLabel('Language').selectOption('nl');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('axe: no violations on any view of the voorbeeldproject', async () => {
    const { context, page, errors } = await newPage(app.browser, app.url);
    await page.getByTestId('voorbeeld-openen').click();
    await page.getByTestId('header-project').waitFor();
    const views = [
      'Overzicht',
      'Gegevens',
      'Netwerk',
      'Kaart',
      'Hiaten',
      'Rapport',
      'Importeren',
      'Gebieden',
      'Metingen',
    ];
    const gevonden: string[] = [];
    for (const v of views) {
      await page.getByRole('navigation').getByRole('button', { name: v, exact: true }).click();
      await page.waitForTimeout(v === 'Netwerk' || v === 'Rapport' ? 2500 : 800);
      for (const x of await axeViolations(page)) gevonden.push(`${v}: ${x}`);
    }
    expect(gevonden).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('English: no Dutch sentence in the hiaten list', async () => {
    const { context, page, errors } = await newPage(app.browser, app.url);
    await page.getByTestId('voorbeeld-openen').click();
    await page.getByTestId('header-project').waitFor();
    await page.getByLabel('Taal').selectOption('en');
    await page.getByRole('navigation').getByRole('button', { name: 'Gaps' }).click();
    const lijst = page.getByTestId('hiaten-lijst');
    await lijst.waitFor();
    const zinnen = await lijst.locator('li').allTextContents();
    expect(zinnen.length).toBeGreaterThan(0);
    // Words that only Dutch sentences have.
    const nederlands =
      /\b(het|een|geen|niet|buurt|aanbod|vraag|gemeente|inwoners|toewijzingen|meldingen|peildatum|voorbereiding|hulpverlening|scholing|welzijn|zorg|onderwijs)\b/i;
    expect(zinnen.filter((z) => nederlands.test(z))).toEqual([]);
    await screenshot(page, 'eerste-uur-6-hiaten-engels');
    await page.getByLabel('Language').selectOption('nl');
    expect(errors).toEqual([]);
    await context.close();
  });
});
