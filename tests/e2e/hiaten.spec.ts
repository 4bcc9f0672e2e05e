/**
 * Hiaten, Kaart and Scenario in the browser: the Boswinkel gap with its sentence and numbers, plan an initiative
 * from it ("in voorbereiding" at once), the settings (undoable) and the scenario table; the map of Hengelo's 62
 * buurten coloured by gap and by CBS figures, with legend, markers, details, zoom and PNG/SVG export; and a GeoJSON
 * imported through the Import page (the year asked). axe finds no violations on any of them.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createProjectService } from '../../shared/service/project-service';
import { sha256, sql } from '../helpers/db';
import { axeViolations, createProject, newPage, screenshot, useAppInBrowser, openProjectFile } from './browser';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
const app = useAppInBrowser();

type Service = ReturnType<typeof createProjectService>;
const fixture = (path: string) => ({
  name: path.split('/').pop()!,
  bytes: new Uint8Array(readFileSync(FIXTURES + path)),
});
const csv = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
function ok<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** A project file made with the real service in Node. */
async function projectFile(naam: string, fill: (s: Service) => Promise<void>): Promise<string> {
  const s = createProjectService({ SQL: await sql(), sha256 });
  ok(await s.createProject(naam));
  await fill(s);
  const bytes = ok(await s.exportProject());
  const path = join(mkdtempSync(join(tmpdir(), 'wijkweb-hiaten-')), `${naam}.wijkweb`);
  writeFileSync(path, bytes);
  return path;
}

/** Boswinkel–de Braker as in the pilot plan (the same data as tests/unit/shared/analysis/hiaten.test.ts). */
const boswinkel = () =>
  projectFile('Hulp om de hoek', async (s) => {
    ok(await s.importCbs(fixture('cbs/kwb-2023-enschede-west-voorbeeld.csv'), {}));
    ok(await s.importCognos(fixture('cognos/boswinkel-toewijzingen-2024-04-02.xlsx'), {}));
    ok(
      await s.importCognos(
        csv(
          'toewijzingen-west-2024-04-02.csv',
          'Buurt;Peildatum;Product;Aantal toewijzingen\n' +
            'Stadsveld-Zuid;2-4-2024;Ondersteuningsbehoefte 1 Wmo;12\n' +
            'Stadsveld-Zuid;2-4-2024;Ondersteuningsbehoefte 2 Wmo;8\n' +
            'Enschede;2-4-2024;Ondersteuningsbehoefte 1 Wmo;600\n' +
            'Enschede;2-4-2024;Ondersteuningsbehoefte 2 Wmo;380\n' +
            'Enschede;2-4-2024;Ondersteuningsbehoefte 3 Wmo;300\n',
        ),
        {},
      ),
    );
    ok(
      await s.importPartners(
        csv(
          'aanbod.csv',
          'Naam organisatie;Naam aanbod;Leefgebied;Collectief;Toegang;Buurt\n' +
            "Alifa;Wijkcentrum 't Nije Terphoes;welzijn;collectief;vrij toegankelijk;Boswinkel-De Braker\n" +
            'Wijkteam;Maatwerk begeleiding;zorg;individueel;op indicatie;Boswinkel-De Braker\n',
        ),
        {},
      ),
    );
  });

interface HengeloBuurt {
  code: string;
  naam: string;
  wijk: string;
  inwoners: number | null;
  p65: number | null;
  p0_14: number | null;
  huishoudens: number | null;
  p1p: number | null;
}

/** Hengelo's 62 buurten with their CBS figures (from the PDOK file's own statistics), the map, counts and offers. */
function hengeloBuurten(): HengeloBuurt[] {
  const doc = JSON.parse(readFileSync(FIXTURES + 'geo/hengelo-buurten-pdok.geojson', 'utf8')) as {
    features: { properties: Record<string, string | number> }[];
  };
  const num = (v: unknown) => (typeof v === 'number' && v >= 0 ? v : null);
  return doc.features.map(({ properties: p }) => ({
    code: String(p['buurtcode']),
    naam: String(p['buurtnaam']),
    wijk: String(p['wijkcode']),
    inwoners: num(p['aantal_inwoners']),
    p65: num(p['percentage_personen_65_jaar_en_ouder']),
    p0_14: num(p['percentage_personen_0_tot_15_jaar']),
    huishoudens: num(p['aantal_huishoudens']),
    p1p: num(p['percentage_eenpersoonshuishoudens']),
  }));
}

const hengelo = () =>
  projectFile('Hengelo', async (s) => {
    const buurten = hengeloBuurten();
    const share = (n: number | null, pct: number | null) =>
      n !== null && pct !== null ? Math.round((n * pct) / 100) : null;
    const cell = (v: number | null) => (v === null ? '.' : String(v));
    const sum = (f: (b: HengeloBuurt) => number | null) => buurten.reduce((t, b) => t + (f(b) ?? 0), 0);
    const lines = ['gwb_code_10;regio;gm_naam;recs;a_inw;a_00_14;a_65_oo;a_hh;a_1p_hh'];
    const gm = {
      inw: sum((b) => b.inwoners),
      k: sum((b) => share(b.inwoners, b.p0_14)),
      o: sum((b) => share(b.inwoners, b.p65)),
      hh: sum((b) => b.huishoudens),
      e: sum((b) => share(b.huishoudens, b.p1p)),
    };
    lines.push(`GM0164;Hengelo;Hengelo;Gemeente;${gm.inw};${gm.k};${gm.o};${gm.hh};${gm.e}`);
    for (const wk of [...new Set(buurten.map((b) => b.wijk))].sort()) {
      lines.push(`${wk};Wijk ${wk.slice(-2)};Hengelo;Wijk;.;.;.;.;.`);
    }
    for (const b of buurten) {
      lines.push(
        [
          b.code,
          b.naam,
          'Hengelo',
          'Buurt',
          cell(b.inwoners),
          cell(share(b.inwoners, b.p0_14)),
          cell(share(b.inwoners, b.p65)),
          cell(b.huishoudens),
          cell(share(b.huishoudens, b.p1p)),
        ].join(';'),
      );
    }
    ok(await s.importCbs(csv('kwb-2020-hengelo.csv', lines.join('\n') + '\n'), {}));
    ok(await s.importGeo(fixture('geo/hengelo-buurten-pdok.geojson'), { jaar: 2020 }));
    // Wmo counts for the buurten where people live: some buurten far above the gemeente, some below.
    const cognos = ['Buurt;Peildatum;Product;Aantal toewijzingen'];
    let totaal1 = 0;
    let totaal2 = 0;
    buurten.forEach((b, i) => {
      if (!b.inwoners || b.inwoners < 400) return;
      const f = [2, 9, 4, 14, 6, 3, 11, 5][i % 8]!;
      const ob1 = Math.max(5, Math.round((b.inwoners * f) / 1000));
      const ob2 = Math.max(5, Math.round(ob1 / 2));
      totaal1 += ob1;
      totaal2 += ob2;
      cognos.push(`${b.naam};1-1-2021;Ondersteuningsbehoefte 1 Wmo;${ob1}`);
      cognos.push(`${b.naam};1-1-2021;Ondersteuningsbehoefte 2 Wmo;${ob2}`);
    });
    cognos.push(`Hengelo;1-1-2021;Ondersteuningsbehoefte 1 Wmo;${totaal1}`);
    cognos.push(`Hengelo;1-1-2021;Ondersteuningsbehoefte 2 Wmo;${totaal2}`);
    ok(await s.importCognos(csv('toewijzingen-hengelo-2021-01-01.csv', cognos.join('\n') + '\n'), {}));
    // A few organisations and offers, in their buurt.
    const org = async (naam: string, buurtCode: string) =>
      ok(await s.saveOrganisatie(null, { naam, buurtCode, plaats: 'Hengelo' })).result;
    const welzijn = await org('Welzijn Hengelo', 'BU01640000');
    const wijkteam = await org('Wijkteam Hengelo', 'BU01640101');
    await org('Huisartsenpraktijk Noord', 'BU01640200');
    const vz = async (naam: string, extra: Record<string, unknown>) =>
      ok(
        await s.saveVoorziening(null, {
          naam,
          organisatieId: welzijn.id,
          collectief: true,
          vrijToegankelijk: true,
          leefgebieden: ['welzijn'],
          ...extra,
        }),
      );
    await vz('Buurthuis Binnenstad', { locatieBuurtCode: 'BU01640000', leefgebieden: ['welzijn', 'zorg'] });
    await vz('Inloop Tichelwerk', { locatieBuurtCode: 'BU01640101' });
    await vz('Koffieochtend Woolde', { locatieBuurtCode: 'BU01640701', leefgebieden: ['zorg'] });
    await vz('Begeleiding thuis', {
      organisatieId: wijkteam.id,
      collectief: false,
      vrijToegankelijk: false,
      leefgebieden: ['zorg'],
      locatieBuurtCode: 'BU01640101',
    });
    await vz('Samen eten (gepland)', { status: 'gepland', leefgebieden: ['zorg'], werkgebied: ['BU01640401'] });
  });

/** The text of an element with every kind of space (Intl writes "€\u00a024.188") as one plain space. */
const tekst = async (loc: { textContent(): Promise<string | null> }) =>
  ((await loc.textContent()) ?? '').replace(/\s+/g, ' ');
const nav = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
const cel = (page: Page, code: string, lg: string) => page.getByTestId(`cel-${code}-${lg}`);

describe('Hiaten: the gap, its reason in numbers, and the initiative that closes it', () => {
  it('shows Boswinkel-De Braker × Zorg as a serious gap, plans an initiative, edits the settings and the scenario', async () => {
    const path = await boswinkel();
    const { context, page, errors } = await newPage(app.browser, app.url);
    await openProjectFile(page, path, 'Hulp om de hoek');
    await nav(page, 'Hiaten');
    await page.getByRole('heading', { level: 1, name: 'Hiaten' }).waitFor();

    // The model in a few sentences, on the page.
    const uitleg = await page.getByTestId('hiaten-uitleg').textContent();
    expect(uitleg).toContain('per 1.000 inwoners');
    expect(uitleg).toContain('collectief en vrij toegankelijk');
    expect(uitleg).toContain('vanaf 1,75 een ‘ernstig hiaat’');

    // The ranked list: the most severe first, with its sentence.
    const lijst = page.getByTestId('hiaten-lijst');
    const eerste = lijst.locator('li').first();
    await eerste.waitFor();
    expect(await eerste.getAttribute('data-ernst')).toBe('ernstig');
    expect(await eerste.textContent()).toContain('Ernstig hiaat');
    expect(await eerste.textContent()).toContain(
      'geen collectief vrij toegankelijk aanbod voor Zorg/Hulpverlening in de buurt',
    );
    // Zorg (ernstig) and Onderwijs (aandacht); Welzijn has the wijkcentrum.
    expect(await lijst.locator('li').count()).toBe(2);

    // The matrix: symbol, index and words; "geen gegevens" is not "geen hiaat"; the legend is there.
    const zorg = cel(page, 'BU01530710', 'zorg');
    expect(await zorg.getAttribute('data-ernst')).toBe('ernstig');
    expect(await zorg.textContent()).toContain('ernstig hiaat');
    expect(await zorg.textContent()).toContain('4,8');
    expect(await cel(page, 'BU01530710', 'welzijn').getAttribute('data-ernst')).toBe('geen');
    expect(await cel(page, 'BU01530710', 'wonen').textContent()).toContain('geen gegevens');
    const legenda = await page.getByTestId('hiaten-legenda').textContent();
    for (const woord of ['Ernstig hiaat', 'Hiaat', 'Aandacht', 'Geen hiaat', 'Geen gegevens', 'In voorbereiding']) {
      expect(legenda).toContain(woord);
    }
    expect(await page.getByTestId('hiaten-matrix').locator('th[scope="row"]').allTextContents()).toEqual([
      'Boswinkel-De Braker',
      'Stadsveld-Zuid',
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '69-hiaten-lijst');

    // The details: the numbers and what was looked at.
    await zorg.click();
    const details = page.getByTestId('hiaat-details');
    await details.waitFor();
    const d = await details.textContent();
    expect(d).toContain('Boswinkel-De Braker: Zorg/Hulpverlening');
    expect(d).toContain('40,6');
    expect(d).toContain('4,82');
    // Why: the counts with their file and peildatum, the gemeente reference and its source, or why there is none.
    const waarom = await page.getByTestId('hiaat-verantwoording').textContent();
    expect(waarom).toContain('Dit oordeel rust op: Cognos (gemeten vraag)');
    expect(waarom).toContain('Wmo-maatwerk lichte ondersteuning (OB1–2) (peildatum 2 april 2024)');
    expect(waarom).toContain('boswinkel-toewijzingen-2024-04-02.xlsx');
    expect(waarom).toContain('De gemeente: 6,1 per 1.000 inwoners (Cognos Enschede, peildatum 2 april 2024).');
    expect(waarom).toContain('Geen vergelijking met de gemeente mogelijk');
    expect(waarom).toContain('De vraag haalt het vaste niveau voor ‘aandacht’.');
    expect(await page.getByLabel('Peildatum', { exact: true }).textContent()).toContain('Nieuwste: 2 april 2024');
    expect(await page.getByTestId('hiaat-afgeschermd').textContent()).toContain('Ja.');
    expect(await page.getByTestId('aanbod-anders').textContent()).toContain(
      'Maatwerk begeleiding (Wijkteam): individueel, op indicatie',
    );
    expect(d).toContain('Er is geen collectief, vrij toegankelijk aanbod voor dit leefgebied.');
    expect(await zorg.getAttribute('aria-pressed')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '70-hiaten');

    // Plan an initiative: the form is pre-filled; after saving the cell shows "in voorbereiding" at once.
    await details.getByRole('button', { name: 'Plan een initiatief' }).click();
    const form = page.getByTestId('voorziening-form');
    await form.waitFor();
    expect(await form.getByLabel('Naam (verplicht)').inputValue()).toBe(
      'Nieuw initiatief Zorg/Hulpverlening Boswinkel-De Braker',
    );
    expect(await form.getByLabel('Status').inputValue()).toBe('gepland');
    expect(await form.getByRole('radio', { name: 'Collectief' }).isChecked()).toBe(true);
    expect(await form.getByRole('radio', { name: 'Vrij toegankelijk' }).isChecked()).toBe(true);
    expect(await form.getByRole('checkbox', { name: 'Zorg/Hulpverlening' }).isChecked()).toBe(true);
    expect(await form.getByRole('checkbox', { name: 'Boswinkel-De Braker (BU01530710)' }).isChecked()).toBe(true);
    await form.getByLabel('Naam (verplicht)').fill('Samen eten Boswinkel');
    await form.getByLabel('Zoek een organisatie').fill('ali');
    await form.getByLabel('Aanbieder', { exact: true }).selectOption({ label: 'Alifa' });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '71-plan-initiatief');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.waitFor({ state: 'detached' });
    await page.locator('[data-testid="cel-BU01530710-zorg"][data-voorbereiding="true"]').waitFor();
    expect(await zorg.textContent()).toContain('in voorbereiding');
    await page.getByTestId('aanbod-gepland').getByText('Samen eten Boswinkel (Alifa)').waitFor();
    expect(await details.textContent()).toContain('In voorbereiding');
    expect(await eerste.textContent()).toContain('(1 in voorbereiding)');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '72-in-voorbereiding');

    // Sorting by name, and by one column.
    await page.getByLabel('Sorteer de buurten op').selectOption('naam');
    expect(await page.getByTestId('hiaten-matrix').locator('th[scope="row"]').allTextContents()).toEqual([
      'Boswinkel-De Braker',
      'Stadsveld-Zuid',
    ]);
    await page.getByRole('button', { name: /^Welzijn\/Recreatie\/vrije tijd/ }).click();
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toContain('Welzijn');
    await page.getByLabel('Sorteer de buurten op').selectOption('per1000');
    expect(await page.getByTestId('hiaten-matrix').locator('th[scope="row"]').first().textContent()).toBe(
      'Boswinkel-De Braker',
    );

    // One doelgroep: only its demand rules and signals.
    await page.getByLabel('Doelgroep', { exact: true }).selectOption({ label: 'Gezinnen met kinderen' });
    await page.waitForFunction(
      () => document.querySelector('[data-testid="cel-BU01530710-zorg"]')?.getAttribute('data-ernst') !== 'ernstig',
    );
    await page.getByLabel('Doelgroep', { exact: true }).selectOption('');
    await page.locator('[data-testid="cel-BU01530710-zorg"][data-ernst="ernstig"]').waitFor();

    // Settings: each threshold has its meaning; a wrong order is said in words; saving is undoable.
    await page.getByRole('tab', { name: 'Instellingen' }).click();
    await page.getByRole('heading', { name: 'Instellingen van de hiaten' }).waitFor();
    expect(await page.getByText('Vanaf deze index is het een ernstig hiaat').count()).toBe(1);
    await page.getByLabel('Drempel ‘hiaat’').fill('3');
    await page.getByLabel('Drempel ‘ernstig hiaat’').fill('2');
    await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await page.getByTestId('foutoverzicht').getByText('De drempels moeten oplopen').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '73-instellingen');
    await page.getByLabel('Drempel ‘hiaat’').fill('8');
    await page.getByLabel('Drempel ‘ernstig hiaat’').fill('10');
    await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await page.getByText('De instellingen van de hiaten zijn opgeslagen.').waitFor();
    await page.getByRole('tab', { name: 'Hiaten per buurt' }).click();
    await page.locator('[data-testid="cel-BU01530710-zorg"][data-ernst="aandacht"]').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Hiaten' }).click();
    await page.keyboard.press('Control+z');
    await page.locator('[data-testid="cel-BU01530710-zorg"][data-ernst="ernstig"]').waitFor();

    // The scenario of the pilot plan: the yearly table, per buurt, saved by name.
    await page.getByRole('tab', { name: 'Scenario' }).click();
    const tabel = page.getByTestId('scenario-tabel');
    await tabel.waitFor();
    expect(await page.getByLabel('Verschuiving naar algemene voorzieningen (%)').inputValue()).toBe('40');
    await page.getByLabel('Startjaar').fill('2024');
    await page.getByLabel('Standaardtarief (€ per indicatie per jaar)').fill('2500');
    await tabel.locator('th', { hasText: '2024' }).waitFor();
    // 129 indications (Wmo OB1–2 in both buurten) × 40% × € 2.500 = € 129.000 at the full effect; 2024: 18,75%.
    const besparing = tabel.locator('tr[data-rij="besparing"]');
    await besparing.getByText('€ 129.000').first().waitFor();
    expect(await tekst(besparing)).toContain('€ 24.188');
    expect(await tekst(tabel.locator('tr[data-rij="minderIndicaties"]'))).toContain('51,6');
    expect(await tekst(tabel.locator('tr[data-rij="netto"]'))).toContain('€ 79.980');
    expect(await tabel.locator('thead').textContent()).toMatch(/2024.*2025.*2026.*2027.*2028.*Totaal/);
    // A tariff of its own for one product.
    await page.getByLabel('Tarief ‘Ondersteuningsbehoefte 1 Wmo’ (€ per jaar)').fill('5000');
    // OB1: 80 × 40% × 5.000 = 160.000; OB2: 49 × 40% × 2.500 = 49.000.
    await besparing.getByText('€ 209.000').first().waitFor();
    const perBuurt = page.getByTestId('scenario-per-buurt');
    expect(await perBuurt.locator('tbody th').allTextContents()).toEqual(['Boswinkel-De Braker', 'Stadsveld-Zuid']);
    // Only Boswinkel.
    await page.getByRole('checkbox', { name: 'Stadsveld-Zuid (BU01530711)' }).check();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="scenario-per-buurt"] tbody tr').length === 1,
    );
    await page.getByRole('checkbox', { name: 'Stadsveld-Zuid (BU01530711)' }).uncheck();
    await page.getByLabel('Naam van het scenario').fill('Midden 40%');
    await page.getByRole('button', { name: 'Scenario bewaren' }).click();
    await page.getByTestId('scenario-lijst').getByText('Midden 40%').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '74-scenario');
    // Open it again after a change, then delete it.
    await page.getByLabel('Startjaar').fill('2030');
    await page.getByRole('button', { name: 'Scenario ‘Midden 40%’ openen' }).click();
    expect(await page.getByLabel('Startjaar').inputValue()).toBe('2024');
    await page.getByRole('button', { name: 'Scenario ‘Midden 40%’ verwijderen' }).click();
    await page.getByText('Je hebt nog geen scenario bewaard.').waitFor();

    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('Kaart: the buurten from their own polygons', () => {
  it('the pilot buurt on real CBS rows: a gap at one peildatum, a count to check left out and back, in English too', async () => {
    const path = await projectFile('Pilot Boswinkel', async (s) => {
      ok(await s.importCbs(fixture('cbs/statline-labelled-2024-enschede.csv'), {}));
      ok(await s.importCognos(fixture('cognos/boswinkel-toewijzingen-2024-04-02.xlsx'), {}));
      ok(
        await s.importCognos(
          csv(
            'toewijzingen-2024-07-01.csv',
            'Buurt;Peildatum;Product;Aantal toewijzingen\n' +
              'Boswinkel-De Braker;1-7-2024;Ondersteuningsbehoefte 1 Wmo;80\n' +
              'Boswinkel-De Braker;1-7-2024;Ondersteuningsbehoefte 2 Wmo;45\n' +
              'Stadsveld-Zuid;1-7-2024;Ondersteuningsbehoefte 1 Wmo;1204\n',
          ),
          {},
        ),
      );
    });
    const { context, page, errors } = await newPage(app.browser, app.url);
    await openProjectFile(page, path, 'Pilot Boswinkel');
    await nav(page, 'Hiaten');
    const zorg = cel(page, 'BU01530201', 'zorg');
    await zorg.waitFor();
    // The newest peildatum first: 125 toewijzingen at 1 July, never 109 + 125.
    expect(await zorg.getAttribute('data-ernst')).toBe('hiaat');
    await zorg.click();
    const zin = page.locator('.wijkweb-hiaat-details__zin');
    await expect.poll(() => zin.textContent()).toContain('125 toewijzingen');
    expect(await zin.textContent()).toContain('(peildatum 1 juli 2024)');
    expect(await zin.textContent()).not.toContain('2 april 2024');
    // Another peildatum: the April counts alone.
    await page.getByLabel('Peildatum', { exact: true }).selectOption('2024-04-02');
    await expect.poll(() => zin.textContent()).toContain('109 toewijzingen');
    expect(await zin.textContent()).not.toContain('1 juli 2024');
    // A buurt without Cognos counts rests on CBS only, and says so in the cell.
    expect(await cel(page, 'BU01530202', 'zorg').getAttribute('data-basis')).toBe('cbs-demografie');
    expect(await page.getByTestId('hiaten-uitleg').textContent()).toContain('Cognos, peildatum 2 april 2024');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '73-hiaten-peildatum');

    // 1,204 toewijzingen in a buurt of about 4,600 inhabitants: "controleer dit cijfer"; leave it out, then undo.
    await page.getByLabel('Peildatum', { exact: true }).selectOption('');
    const stadsveld = cel(page, 'BU01530204', 'zorg');
    await page.locator('[data-testid="cel-BU01530204-zorg"][data-basis^="cognos"]').waitFor();
    expect(await stadsveld.textContent()).toContain('controleer een cijfer');
    await stadsveld.click();
    const waarom = page.getByTestId('hiaat-verantwoording');
    await expect.poll(() => waarom.textContent()).toContain('controleer dit cijfer: meer dan 10% van de inwoners');
    await screenshot(page, '74-hiaten-controleer');
    await waarom.getByRole('button', { name: 'Laat weg' }).click();
    await page.locator('[data-testid="cel-BU01530204-zorg"][data-basis="cbs-demografie"]').waitFor();
    await expect.poll(() => waarom.textContent()).toContain('door jou weggelaten');
    expect(await page.locator('.wijkweb-hiaat-details__zin').textContent()).toContain('1 aantal door jou uitgesloten');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Control+z');
    await page.locator('[data-testid="cel-BU01530204-zorg"][data-basis^="cognos"]').waitFor();

    // English: the sentences follow the language.
    await page.getByLabel('Taal').selectOption('en');
    await zorg.click();
    await expect.poll(() => page.locator('.wijkweb-hiaat-details__zin').textContent()).toContain('125 allocations');
    const en = (await page.locator('.wijkweb-hiaat-details__zin').textContent()) ?? '';
    expect(en).toContain('reference date 1 July 2024');
    expect(en).not.toMatch(/\b(geen|gemeente|peildatum|inwoners|buurt)\b/);
    await screenshot(page, '75-hiaten-engels');
    await page.getByLabel('Language').selectOption('nl');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('draws Hengelo, colours it by gap and by CBS figures with a legend, shows details, zooms and exports', async () => {
    const path = await hengelo();
    const { context, page, errors } = await newPage(app.browser, app.url);
    await openProjectFile(page, path, 'Hengelo');
    await nav(page, 'Kaart');
    const kaart = page.getByTestId('kaart');
    await kaart.waitFor();
    const buurten = kaart.locator('path.wijkweb-kaart__buurt');
    expect(await buurten.count()).toBe(62);
    // Every buurt is a button with its name and value.
    const label = await buurten.first().getAttribute('aria-label');
    expect(label).toMatch(/^Binnenstad-Centrum: /);
    expect(await buurten.first().getAttribute('tabindex')).toBe('0');

    // By default: the gap of the leefgebied with the most severe cell.
    const keuze = page.getByLabel('Kleur de buurten naar');
    expect(await keuze.inputValue()).toMatch(/^hiaat:/);
    await keuze.selectOption('hiaat:zorg');
    const legenda = page.getByTestId('kaart-legenda');
    expect(await legenda.textContent()).toContain('Ernstig hiaat');
    expect(await legenda.textContent()).toContain('Geen gegevens');
    expect(await legenda.textContent()).toContain('In voorbereiding (1 buurt)');
    // On the map of the gaps for Zorg, only the offer for Zorg (4 collective offers in all, 3 of them for Zorg).
    expect(await legenda.textContent()).toContain('Collectief, vrij toegankelijk aanbod voor Zorg/Hulpverlening (3)');
    expect(await legenda.textContent()).toContain('Ander aanbod voor Zorg/Hulpverlening (1)');
    // Wait for the CBS figures, then look at the picture.
    await keuze.locator('option[value="cbs:inwoners"]').waitFor({ state: 'attached' });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '75-kaart-hiaten');

    // A CBS figure: 5 quantile classes with ranges and counts.
    await keuze.selectOption('cbs:inwoners');
    await legenda.getByText('Indeling: kwantielen, 5 klassen').waitFor();
    // A CBS figure is about no leefgebied: all offer shows.
    expect(await legenda.textContent()).toContain('Collectief, vrij toegankelijk aanbod (4)');
    const klassen = await legenda.locator('.wijkweb-legenda__item').allTextContents();
    expect(klassen).toHaveLength(6);
    expect(klassen[0]).toMatch(/^[\d.]+ tot [\d.]+ \(\d+ buurten?\)$/);
    expect(await buurten.first().getAttribute('aria-label')).toBe('Binnenstad-Centrum: 880');
    const fills = new Set(await buurten.evaluateAll((els) => els.map((e) => e.getAttribute('fill'))));
    expect(fills.size).toBeGreaterThanOrEqual(5);
    await screenshot(page, '76-kaart-inwoners');
    await keuze.selectOption('cbs:aandeel_65_plus');
    await legenda.getByRole('heading', { name: 'Legenda: % 65 jaar of ouder' }).waitFor();
    expect(await buurten.first().getAttribute('aria-label')).toMatch(/^Binnenstad-Centrum: 1\d(,\d)? %$/);

    // A legend class highlights its buurten.
    await legenda.locator('.wijkweb-legenda__item').first().click();
    expect(await legenda.locator('.wijkweb-legenda__item[aria-pressed="true"]').count()).toBe(1);
    await legenda.locator('.wijkweb-legenda__item').first().click();

    // Click = details; the keyboard too.
    // (A click on the path itself: the centre of a buurt's box may lie in its neighbour.)
    await buurten.first().dispatchEvent('click');
    const details = page.getByTestId('kaart-details');
    await details.getByRole('heading', { name: 'Binnenstad-Centrum' }).waitFor();
    expect(await details.textContent()).toContain('Buurthuis Binnenstad');
    expect(await details.textContent()).toContain('Welzijn Hengelo');
    await kaart.locator('path[aria-label^="Tichelwerk:"]').focus();
    await page.keyboard.press('Enter');
    await details.getByRole('heading', { name: 'Tichelwerk' }).waitFor();
    // The tooltip opens on focus as well.
    await page.locator('.wijkweb-kaart__tip', { hasText: 'Tichelwerk' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '77-kaart-details');

    // Zoom with the buttons and the wheel; back to the whole map.
    const g = kaart.locator('svg.wijkweb-kaart__svg > g');
    await page.getByRole('button', { name: 'Inzoomen' }).click();
    expect(await g.getAttribute('transform')).toContain('scale(1.5)');
    const box = (await kaart.locator('svg.wijkweb-kaart__svg').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -300);
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="kaart"] svg > g')?.getAttribute('transform')?.includes('scale(1.5)'),
    );
    await page.getByRole('button', { name: 'Hele kaart tonen' }).click();
    expect(await g.getAttribute('transform')).toBe('translate(0 0) scale(1)');
    // Dragging pans (d3-zoom), and the click that ends a drag does not choose the buurt under the pointer.
    const gekozenVoor = await details.getByRole('heading').first().textContent();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width / 2 + i * 8, box.y + box.height / 2 + i * 3);
    await page.mouse.up();
    await expect.poll(() => g.getAttribute('transform')).toMatch(/^translate\(\d/);
    expect(await details.getByRole('heading').first().textContent()).toBe(gekozenVoor);
    await page.getByRole('button', { name: 'Hele kaart tonen' }).click();
    expect(await g.getAttribute('transform')).toBe('translate(0 0) scale(1)');

    // Export: a PNG at 3× and a stand-alone SVG.
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporteer als PNG' }).click(),
    ]);
    expect(png.suggestedFilename()).toMatch(/^kaart-65-jaar-of-ouder-\d{4}-\d{2}-\d{2}\.png$/);
    const pngBytes = readFileSync((await png.path())!);
    expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
    expect(pngBytes.readUInt32BE(16)).toBe(3000);
    expect(pngBytes.length).toBeGreaterThan(20_000);
    writeFileSync(join(process.cwd(), 'test-results', 'screenshots', '78-kaart-export.png'), pngBytes);
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporteer als SVG' }).click(),
    ]);
    expect(svg.suggestedFilename()).toMatch(/\.svg$/);
    const svgText = readFileSync((await svg.path())!, 'utf8');
    expect(svgText.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svgText.match(/<path d="M/g)!.length).toBeGreaterThanOrEqual(62);
    expect(svgText).toContain('Indeling: kwantielen');
    expect(svgText).toContain('Bron: CBS');

    // The same figures as a table.
    await page.getByText('Toon de cijfers als tabel').click();
    expect(await page.locator('.wijkweb-kaart__tabel tbody tr').count()).toBe(62);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('Import: a wijk- en buurtkaart through the Import page', () => {
  it('explains the empty map, asks the year of a GeoJSON, imports it and draws it', async () => {
    const { context, page, errors } = await newPage(app.browser, app.url);
    await createProject(page, 'Kaart van Hengelo');
    await nav(page, 'Kaart');
    const leeg = page.getByTestId('kaart-leeg');
    await leeg.waitFor();
    expect(await leeg.textContent()).toContain('PDOK');
    expect(await axeViolations(page)).toEqual([]);
    await leeg.getByRole('button', { name: 'Naar importeren' }).click();

    await page.locator('#import-bestand').setInputFiles(FIXTURES + 'geo/hengelo-buurten-pdok.geojson');
    const preview = page.getByTestId('import-voorbeeld');
    await preview.waitFor();
    expect(await page.getByTestId('geo-voorbeeld').textContent()).toContain('GeoJSON (wijk- en buurtkaart)');
    expect(await page.getByTestId('geo-voorbeeld').textContent()).toContain('WGS84');
    expect(await page.getByTestId('geo-vlakken').textContent()).toBe('62');
    expect(await page.getByTestId('geo-gekoppeld').textContent()).toBe('0');
    expect(await page.getByTestId('geo-nieuw').textContent()).toContain('62');
    expect(await page.getByTestId('import-problemen').textContent()).toContain('Over welk jaar gaat de kaart?');
    expect(await preview.getByRole('button', { name: 'Importeren' }).isDisabled()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '79-geo-voorbeeld');

    await page.getByLabel('Over welk jaar gaat de kaart?').fill('2020');
    await preview.getByRole('button', { name: 'Jaar gebruiken' }).click();
    await page.getByTestId('geo-jaar').filter({ hasText: '2020' }).waitFor();
    await preview.getByRole('button', { name: 'Importeren' }).click();
    await page.getByTestId('import-klaar').getByText('62 vlakken, waarvan 62 nieuwe buurten').waitFor();
    await page.getByRole('button', { name: 'Bekijk de kaart' }).click();
    const buurten = page.getByTestId('kaart').locator('path.wijkweb-kaart__buurt');
    await buurten.first().waitFor();
    expect(await buurten.count()).toBe(62);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
