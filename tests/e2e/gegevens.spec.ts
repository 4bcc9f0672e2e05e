/**
 * The Gegevens view in the browser: add an organisation, a voorziening and a verwijzing through the forms, undo and
 * redo them (keys and buttons), find them again after a reload; sort, filter, search, choose columns, bulk edit and
 * export a table of 5,000 organisations; merge duplicates; edit the lists (taxonomieën).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { createProjectService } from '../../shared/service/project-service';
import { sha256, sql } from '../helpers/db';
import { axeViolations, createProject, newPage, screenshot, useAppInBrowser, openProjectFile } from './browser';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
const app = useAppInBrowser();

type Service = ReturnType<typeof createProjectService>;

/** A project file made with the real service in Node (CBS buurten of Enschede West plus what `fill` adds). */
async function projectFile(naam: string, fill: (s: Service) => Promise<void>): Promise<string> {
  const s = createProjectService({ SQL: await sql(), sha256 });
  await s.createProject(naam);
  const csv = readFileSync(FIXTURES + 'cbs/kwb-2023-enschede-west-voorbeeld.csv');
  const imported = await s.importCbs({ name: 'kwb-2023-enschede-west-voorbeeld.csv', bytes: new Uint8Array(csv) }, {});
  if (!imported.ok) throw new Error(JSON.stringify(imported.error));
  await fill(s);
  const bytes = await s.exportProject();
  if (!bytes.ok) throw new Error(JSON.stringify(bytes.error));
  const path = join(mkdtempSync(join(tmpdir(), 'wijkweb-gegevens-')), `${naam}.wijkweb`);
  writeFileSync(path, bytes.value);
  return path;
}

async function gotoGegevens(page: Page) {
  await page.getByRole('navigation').getByRole('button', { name: 'Gegevens' }).click();
  await page.getByRole('heading', { level: 1, name: 'Gegevens' }).waitFor();
}

const rows = (page: Page, tabel: string) => page.getByTestId(`tabel-${tabel}`).locator('tbody tr[data-id]');
const telling = (page: Page, tabel: string) => page.getByTestId(`tabel-${tabel}`).getByTestId('telling');
/** "Exporteer deze weergave" → CSV or xlsx; the downloaded file. */
async function exportView(page: Page, format: 'CSV-bestand' | 'Excel-bestand') {
  await page.getByTestId('tabel-organisaties').getByRole('button', { name: 'Exporteer deze weergave' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: new RegExp(`^${format}`) }).click(),
  ]);
  return download;
}
const saved = (page: Page) => page.locator('[data-testid="save-status"][data-status="opgeslagen"]').waitFor();

describe('Gegevens: forms, undo and redo', () => {
  it('adds an organisatie, a voorziening and a verwijzing, undoes and redoes them, and keeps them after a reload', async () => {
    const { context, page, errors } = await newPage(app.browser, app.url);
    await createProject(page, 'Sociale kaart');
    await gotoGegevens(page);
    await page.getByText('Er zijn nog geen organisaties.').waitFor();

    // An organisation: the form checks before it saves, with the messages at the top and at the field.
    await page.getByRole('button', { name: 'Organisatie toevoegen' }).click();
    const org = page.getByTestId('organisatie-form');
    await org.getByLabel('Naam (verplicht)').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('organisatie-naam');
    await org.getByLabel('Postcode').fill('75 AB');
    await org.getByRole('button', { name: 'Opslaan' }).click();
    const summary = org.getByTestId('foutoverzicht');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Vul de naam in.');
    expect(await summary.textContent()).toContain('‘75 AB’ is geen Nederlandse postcode');
    expect(await org.getByLabel('Naam (verplicht)').getAttribute('aria-invalid')).toBe('true');
    await page.waitForFunction(() => document.activeElement?.id === 'organisatie-foutoverzicht');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '40-organisatie-fouten');
    await summary.getByRole('link', { name: 'Vul de naam in.' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('organisatie-naam');
    await org.getByLabel('Naam (verplicht)').fill('Alifa');
    await org.getByLabel('Soort organisatie').selectOption({ label: 'Welzijn' });
    await org.getByLabel('Postcode').fill('7534ab');
    await org.getByLabel('Plaats').fill('Enschede');
    await org.getByLabel('E-mail').fill('info@alifa.nl');
    await org.getByRole('button', { name: 'Opslaan' }).click();
    await org.waitFor({ state: 'detached' });
    // The focus is back on the button that opened the form.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Organisatie toevoegen');
    await rows(page, 'organisaties').first().waitFor();
    expect(await rows(page, 'organisaties').first().textContent()).toContain('7534 AB');

    // A voorziening of Alifa.
    await page.getByRole('tab', { name: /^Voorzieningen/ }).click();
    await page.getByRole('button', { name: 'Voorziening toevoegen' }).click();
    const vz = page.getByTestId('voorziening-form');
    await vz.getByLabel('Naam (verplicht)').fill('Buurtkamer');
    await vz.getByLabel('Zoek een organisatie').fill('ali');
    await vz.getByLabel('Aanbieder', { exact: true }).selectOption({ label: 'Alifa (Enschede)' });
    await vz.getByLabel('Welzijn/Recreatie/vrije tijd').check();
    await vz.getByLabel('Ouderen 65+').check();
    await vz.getByLabel('Status').selectOption('gepland');
    await vz.getByLabel('Startdatum').fill('2025-03-01');
    await vz.getByLabel('Einddatum').fill('2025-01-01');
    await vz.getByRole('button', { name: 'Opslaan' }).click();
    await vz.getByTestId('foutoverzicht').getByText('De einddatum ligt voor de startdatum').waitFor();
    await vz.getByLabel('Einddatum').fill('');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '41-voorziening-form');
    await vz.getByRole('button', { name: 'Opslaan' }).click();
    await vz.waitFor({ state: 'detached' });
    const vzRow = rows(page, 'voorzieningen').first();
    await vzRow.waitFor();
    expect(await vzRow.textContent()).toContain('Alifa');
    expect(await vzRow.textContent()).toContain('Gepland');

    // A verwijzing from Alifa to the Buurtkamer, with a count for a quarter.
    await page.getByRole('tab', { name: /^Relaties/ }).click();
    await page.getByRole('button', { name: 'Relatie toevoegen' }).click();
    const rel = page.getByTestId('relatie-form');
    expect(await rel.getByLabel('Soort relatie').inputValue()).toBe('verwijzing');
    await rel.getByLabel('Van', { exact: true }).selectOption({ label: 'Alifa (Enschede)' });
    await rel.getByLabel('Zoek bij ‘Naar’').fill('buurt');
    await rel.getByLabel('Naar', { exact: true }).selectOption({ label: 'Buurtkamer (Alifa)' });
    await rel.getByRole('button', { name: 'Periode toevoegen' }).click();
    await rel.getByLabel('Van (periode 1)').fill('2024-01-01');
    await rel.getByLabel('Tot en met (periode 1)').fill('2024-03-31');
    await rel.getByLabel('Aantal (periode 1)').fill('12');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '42-relatie-form');
    await rel.getByRole('button', { name: 'Opslaan' }).click();
    await rel.waitFor({ state: 'detached' });
    await rows(page, 'relaties').first().waitFor();
    expect(await rows(page, 'relaties').first().textContent()).toContain('12');
    await page.getByRole('tab', { name: 'Relaties (1)' }).waitFor();

    // Undo with Ctrl+Z (the focus is on a button, not in a text field), redo with the button.
    const undoButton = page.getByTestId('ongedaan-maken');
    expect(await undoButton.getAttribute('aria-label')).toBe('Ongedaan maken: Relatie Alifa → Buurtkamer toegevoegd');
    await page.keyboard.press('Control+z');
    await page.getByRole('tab', { name: 'Relaties (0)' }).waitFor();
    await page.getByText('Ongedaan gemaakt: Relatie Alifa → Buurtkamer toegevoegd').waitFor();
    await screenshot(page, '43-ongedaan');
    await page.getByRole('button', { name: 'Opnieuw: Relatie Alifa → Buurtkamer toegevoegd' }).click();
    await page.getByRole('tab', { name: 'Relaties (1)' }).waitFor();
    await page.getByText('Opnieuw gedaan: Relatie Alifa → Buurtkamer toegevoegd').waitFor();
    // The undo button, then Ctrl+Y and Ctrl+Shift+Z.
    await undoButton.click();
    await page.getByRole('tab', { name: 'Relaties (0)' }).waitFor();
    await page.keyboard.press('Control+y');
    await page.getByRole('tab', { name: 'Relaties (1)' }).waitFor();
    await page.keyboard.press('Control+z');
    await page.getByRole('tab', { name: 'Relaties (0)' }).waitFor();
    await page.keyboard.press('Control+Shift+z');
    await page.getByRole('tab', { name: 'Relaties (1)' }).waitFor();

    // In a text field Ctrl+Z undoes the typing, not the project.
    const zoek = page.getByLabel('Zoeken in alle kolommen');
    await zoek.click();
    await page.keyboard.type('xyz');
    await expect.poll(() => zoek.inputValue()).toBe('xyz');
    await page.keyboard.press('Control+z');
    // The field's own undo ran: (the last part of) the typing is gone, what is left is what was typed before it …
    await expect
      .poll(async () => {
        const v = await zoek.inputValue();
        return v.length < 3 && 'xyz'.startsWith(v);
      })
      .toBe(true);
    // … and the project's did not. The worker takes the project's calls in turn, so one undo (the button) and one redo
    // after the key tell: they take the verwijzing off and put it back. Had Ctrl+Z undone the verwijzing too, the
    // button would undo the voorziening and the redo bring back that, never the verwijzing: 'Relaties (1)' would not
    // come back.
    expect(await undoButton.getAttribute('aria-label')).toBe('Ongedaan maken: Relatie Alifa → Buurtkamer toegevoegd');
    await undoButton.click();
    await page.getByRole('tab', { name: 'Relaties (0)' }).waitFor();
    await page.getByRole('button', { name: 'Opnieuw: Relatie Alifa → Buurtkamer toegevoegd' }).click();
    await page.getByRole('tab', { name: 'Relaties (1)' }).waitFor();
    await page.getByRole('tab', { name: 'Voorzieningen (1)' }).waitFor();
    await expect
      .poll(() => undoButton.getAttribute('aria-label'))
      .toBe('Ongedaan maken: Relatie Alifa → Buurtkamer toegevoegd');
    await zoek.fill('');

    // The item's own history.
    await rows(page, 'relaties').first().getByRole('button', { name: 'Alifa' }).click();
    const history = page.getByTestId('relatie-form').getByTestId('wijzigingen');
    await history.getByRole('listitem').first().waitFor();
    expect(await history.textContent()).toContain('Toegevoegd');
    await page.keyboard.press('Escape');
    await page.getByTestId('relatie-form').waitFor({ state: 'detached' });

    // Saved by itself; after a reload everything is there.
    await saved(page);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    // A reload opens the project again by itself, on the view it was on (issue 21).
    await page.getByTestId('header-project').filter({ hasText: 'Sociale kaart' }).waitFor();
    await gotoGegevens(page);
    await page.getByRole('tab', { name: 'Organisaties (1)' }).waitFor();
    await page.getByRole('tab', { name: 'Voorzieningen (1)' }).waitFor();
    await page.getByRole('tab', { name: 'Relaties (1)' }).waitFor();
    // A fresh session has no undo history.
    expect(await undoButton.isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('Gegevens: a big table', () => {
  it('shows 5,000 organisaties smoothly; sorts, filters, searches, chooses columns, bulk edits and exports the view', async () => {
    const path = await projectFile('Groot', async (s) => {
      for (let i = 0; i < 5000; i++) {
        const r = await s.saveOrganisatie(null, {
          naam: `Organisatie ${String(i).padStart(4, '0')}`,
          plaats: i % 5 === 0 ? 'Hengelo' : 'Enschede',
          postcode: `75${String(10 + (i % 90)).padStart(2, '0')} AB`,
          telefoon: i % 2 ? '053 123 45 67' : null,
          notities: i === 7 ? '=SOM(A1:A2)' : null,
        });
        if (!r.ok) throw new Error(JSON.stringify(r.error));
      }
    });
    const { context, page, errors } = await newPage(app.browser, app.url);
    await openProjectFile(page, path, 'Groot');
    const started = Date.now();
    await gotoGegevens(page);
    await telling(page, 'organisaties').filter({ hasText: '5.000 organisaties' }).waitFor();
    const shownAfter = Date.now() - started;
    expect(shownAfter).toBeLessThan(5000);
    // Only the rows in sight are in the page; the table says how many there are.
    const table = page.getByTestId('tabel-organisaties').locator('table');
    expect(await table.getAttribute('aria-rowcount')).toBe('5002');
    expect(await rows(page, 'organisaties').count()).toBeLessThan(60);
    await screenshot(page, '44-organisaties-5000');

    // Scroll to the end: the last rows are rendered with their row numbers.
    const scroller = page.getByTestId('tabel-organisaties').locator('.wijkweb-datatable__scroll');
    await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.locator('tr[aria-rowindex="5002"]').waitFor();
    expect(await rows(page, 'organisaties').count()).toBeLessThan(60);
    await scroller.evaluate((el) => el.scrollTo(0, 0));

    // Sort on Naam, descending on the second click (keyboard: the header is a button).
    const naamHeader = table.getByRole('columnheader', { name: /^Naam/ });
    await naamHeader.getByRole('button').click();
    expect(await naamHeader.getAttribute('aria-sort')).toBe('ascending');
    await naamHeader.getByRole('button').focus();
    await page.keyboard.press('Enter');
    expect(await naamHeader.getAttribute('aria-sort')).toBe('descending');
    await rows(page, 'organisaties').first().filter({ hasText: 'Organisatie 4999' }).waitFor();

    // A column filter and the search box.
    await page.getByLabel('Filter op Plaats').fill('hengelo');
    await telling(page, 'organisaties').filter({ hasText: '1.000 van 5.000 organisaties' }).waitFor();
    // All words somewhere in the row: in Hengelo (every fifth), '49' in the name or the postcode.
    await page.getByLabel('Zoeken in alle kolommen').fill('organisatie 49');
    await telling(page, 'organisaties').filter({ hasText: '30 van 5.000 organisaties' }).waitFor();
    expect(await rows(page, 'organisaties').first().textContent()).toContain('Organisatie 4995');

    // Show the Telefoon column; the choice is remembered.
    await page.getByRole('button', { name: /^Kolommen/ }).click();
    await page.getByRole('checkbox', { name: 'Telefoon' }).check();
    await page.keyboard.press('Escape');
    await table.getByRole('columnheader', { name: /^Telefoon/ }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('wijkweb.kolommen.organisaties'))).toContain(
      '"telefoon":true',
    );

    // Select with Shift+click, then all rows of the view.
    const boxes = rows(page, 'organisaties').getByRole('checkbox');
    await boxes.nth(0).click();
    await boxes.nth(4).click({ modifiers: ['Shift'] });
    await page.getByTestId('selectie').filter({ hasText: '5 geselecteerd' }).waitFor();
    await page.getByRole('checkbox', { name: 'Selecteer alle 30 rijen in deze weergave' }).check();
    await page.getByTestId('selectie').filter({ hasText: '30 geselecteerd' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '45-selectie');

    // Bulk edit: a soort and a buurt for all 30.
    await page.getByRole('button', { name: 'Selectie wijzigen' }).click();
    const bulk = page.getByTestId('bulk-organisaties');
    await bulk.getByLabel('Soort organisatie').selectOption({ label: 'Zorg' });
    await bulk.getByLabel('Buurt wijzigen').check();
    await bulk.getByLabel('Nieuwe buurt').selectOption('BU01530710');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '46-bulk');
    await bulk.getByRole('button', { name: 'Wijzig 30 items' }).click();
    await bulk.waitFor({ state: 'detached' });
    await page.getByText('30 organisaties zijn gewijzigd.').waitFor();
    await page.getByLabel('Filter op Soort organisatie').fill('zorg');
    await telling(page, 'organisaties').filter({ hasText: '30 van 5.000 organisaties' }).waitFor();
    expect(await rows(page, 'organisaties').first().textContent()).toContain('Boswinkel-De Braker');

    // Export this view: the 30 rows, sorted, with the visible columns.
    const csvDownload = await exportView(page, 'CSV-bestand');
    expect(csvDownload.suggestedFilename()).toMatch(/^organisaties-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await csvDownload.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Naam;Soort organisatie;Postcode;Plaats;Buurt;Telefoon;Voorzieningen;Relaties');
    expect(lines).toHaveLength(31);
    expect(lines[1]).toMatch(/^Organisatie 4995;Zorg;75\d\d AB;Hengelo;Boswinkel-De Braker;/);
    const xlsxDownload = await exportView(page, 'Excel-bestand');
    const book = XLSX.read(readFileSync((await xlsxDownload.path())!), { type: 'buffer' });
    const sheet = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1 });
    expect(sheet).toHaveLength(31);
    expect(sheet[1]![0]).toBe('Organisatie 4995');
    expect(sheet[1]![6]).toBe(0);

    // Formula text in an export gets a ' in front.
    await page.getByRole('button', { name: 'Alles tonen' }).click();
    await page.getByRole('button', { name: /^Kolommen/ }).click();
    await page.getByRole('checkbox', { name: 'Notities' }).check();
    await page.keyboard.press('Escape');
    await page.getByLabel('Filter op Notities').fill('som');
    await telling(page, 'organisaties').filter({ hasText: '1 van 5.000 organisaties' }).waitFor();
    const formula = await exportView(page, 'CSV-bestand');
    expect(readFileSync((await formula.path())!, 'utf8')).toContain(";'=SOM(A1:A2)");

    // Bulk delete, with a question first; then undo.
    await page.getByRole('checkbox', { name: 'Selecteer de 1 rij in deze weergave' }).check();
    await page.getByRole('button', { name: 'Selectie verwijderen' }).click();
    const confirm = page.getByTestId('bevestigen');
    await confirm.getByText('De relaties van deze organisatie gaan mee.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Annuleren');
    await confirm.getByRole('button', { name: 'Verwijder 1 item' }).click();
    await telling(page, 'organisaties').filter({ hasText: '0 van 4.999 organisaties' }).waitFor();
    await page.getByTestId('ongedaan-maken').click();
    await telling(page, 'organisaties').filter({ hasText: '1 van 5.000 organisaties' }).waitFor();

    // The column choice survives a reload.
    await saved(page);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.getByTestId('header-project').filter({ hasText: 'Groot' }).waitFor();
    await gotoGegevens(page);
    await page
      .getByTestId('tabel-organisaties')
      .getByRole('columnheader', { name: /^Telefoon/ })
      .waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('Gegevens: duplicates, lists and areas', () => {
  it('merges two organisations that are one, edits the lists and shows the gebieden', async () => {
    const path = await projectFile('Dubbel', async (s) => {
      const a = await s.saveOrganisatie(null, { naam: 'Stichting Alifa', plaats: 'Enschede' });
      const b = await s.saveOrganisatie(null, { naam: 'stichting alifa', plaats: 'Enschede' });
      if (!a.ok || !b.ok) throw new Error('setup');
      const v = await s.saveVoorziening(null, {
        naam: 'Jongerenwerk',
        organisatieId: b.value.result.id,
        leefgebieden: ['welzijn'],
      });
      if (!v.ok) throw new Error('setup');
      await s.saveOrganisatie(null, { naam: 'Tactus', plaats: 'Enschede' });
    });
    const { context, page, errors } = await newPage(app.browser, app.url);
    await openProjectFile(page, path, 'Dubbel');
    await gotoGegevens(page);
    await page.getByRole('tab', { name: 'Organisaties (3)' }).waitFor();

    await page.getByRole('button', { name: 'Dubbelen zoeken' }).click();
    const dialog = page.getByTestId('dubbelen');
    const group = dialog.getByTestId('dubbel-groep').first();
    await group.waitFor();
    // Keep the first one: the voorziening of the second one moves over.
    await group.getByRole('radio', { name: /^Stichting Alifa/ }).check();
    expect(await group.getByTestId('dubbel-voorbeeld').textContent()).toContain(
      'Naar ‘Stichting Alifa’ gaan 1 voorziening en 0 relaties van ‘stichting alifa’. Daarna is ‘stichting alifa’ weg.',
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '47-dubbelen');
    await group.getByRole('button', { name: 'Samenvoegen in ‘Stichting Alifa’' }).click();
    await page.getByText('1 organisatie is samengevoegd met ‘Stichting Alifa’.').waitFor();
    await dialog.getByText('Wijkweb heeft geen organisaties gevonden die op elkaar lijken.').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: 'Organisaties (2)' }).waitFor();
    expect(
      await page.getByRole('button', { name: 'Dubbelen zoeken' }).evaluate((el) => el === document.activeElement),
    ).toBe(true);
    await page.getByRole('tab', { name: /^Voorzieningen/ }).click();
    expect(await rows(page, 'voorzieningen').first().textContent()).toContain('Stichting Alifa');
    await page.keyboard.press('Control+z');
    await page.getByRole('tab', { name: 'Organisaties (3)' }).waitFor();

    // The lists: add an item, refuse to delete one that is in use, delete the new one.
    await page.getByRole('tab', { name: 'Lijsten' }).click();
    const lijsten = page.getByTestId('taxonomieen');
    await lijsten.getByRole('button', { name: 'Item toevoegen (Leefgebieden)' }).click();
    const form = page.getByTestId('taxonomie-form');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByTestId('foutoverzicht').getByText('Vul een naam in voor dit item.').waitFor();
    await form.getByLabel('Naam').fill('Digitale vaardigheden');
    await form.getByLabel('Uitleg').fill('Omgaan met computer, telefoon en DigiD.');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.waitFor({ state: 'detached' });
    const nieuw = lijsten.getByRole('row', { name: /Digitale vaardigheden/ });
    await nieuw.waitFor();
    await lijsten.getByRole('button', { name: 'Verwijderen Welzijn/Recreatie/vrije tijd' }).click();
    await lijsten.getByText(/Je kunt ‘Welzijn\/Recreatie\/vrije tijd’ niet verwijderen: 1 organisatie/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '48-lijsten');
    await nieuw.getByRole('button', { name: /^Verwijderen/ }).click();
    await page.getByTestId('bevestigen').getByRole('button', { name: 'Verwijderen' }).click();
    await nieuw.waitFor({ state: 'detached' });

    // Gebieden: the buurten of the project with what is there.
    await page.getByRole('tab', { name: 'Gebieden' }).click();
    await rows(page, 'gebieden').first().waitFor();
    await page.getByLabel('Filter op Niveau').fill('buurt');
    expect(await rows(page, 'gebieden').count()).toBeGreaterThan(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '49-gebieden');

    // English.
    await page.getByLabel('Taal').selectOption('en');
    await page.getByRole('tab', { name: 'Organisations (3)' }).waitFor();
    await page
      .getByRole('button', { name: 'Undo', exact: true })
      .or(page.getByTestId('ongedaan-maken'))
      .first()
      .waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
