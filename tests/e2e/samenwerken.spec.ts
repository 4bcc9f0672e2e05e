/**
 * Samenwerken in the browser (issue 19): the team server runs on loopback, two members each in a browser profile of
 * their own. Anna shares her project (Bestand → Samenwerken), Bram joins with the invite; an edit in the Gegevens view
 * of one arrives at the other; with the server down both change the same phone number, and after it is back the
 * review list of both names the two values with who wrote them; Bram keeps one, and Anna's list empties. A refused
 * invite is said in Dutch and changes nothing.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startTeamServer } from '../../node/team-server';
import { createProjectService } from '../../shared/service/project-service';
import { sha256, sql } from '../helpers/db';
import { axeViolations, createProject, newPage, openProjectFile, screenshot, useAppInBrowser } from './browser';

const app = useAppInBrowser();

async function projectFile(naam: string): Promise<string> {
  const s = createProjectService({ SQL: await sql(), sha256 });
  await s.createProject(naam);
  await s.saveOrganisatie(null, { naam: 'Stichting Dock', soort: 'welzijn', telefoon: '053 000 00 00' });
  await s.saveOrganisatie(null, { naam: 'Buurthuis De Brug', soort: 'welzijn' });
  const bytes = await s.exportProject();
  if (!bytes.ok) throw new Error(bytes.error.code);
  const path = join(mkdtempSync(join(tmpdir(), 'wijkweb-team-e2e-')), `${naam}.wijkweb`);
  writeFileSync(path, bytes.value);
  return path;
}

async function gotoView(page: Page, naam: string) {
  await page.getByRole('navigation').getByRole('button', { name: naam }).click();
  await page.getByRole('heading', { level: 1, name: naam }).waitFor();
}

const orgRij = (page: Page, naam: string) =>
  page.getByTestId('tabel-organisaties').locator('tbody tr[data-id]').filter({ hasText: naam });

/** Gegevens → the organisation's row → its form. */
async function openOrg(page: Page, org: string) {
  await gotoView(page, 'Gegevens');
  await orgRij(page, org).getByRole('button', { name: org }).first().click();
  return page.getByTestId('organisatie-form');
}

/** The phone number in the organisation's form → Opslaan. */
async function zetTelefoon(page: Page, org: string, telefoon: string) {
  const form = await openOrg(page, org);
  await form.getByLabel('Telefoon').fill(telefoon);
  await form.getByRole('button', { name: 'Opslaan' }).click();
  await form.waitFor({ state: 'detached' });
}

/** The phone number the organisation's form shows (the form is closed again). */
async function telefoonVan(page: Page, org: string): Promise<string> {
  const form = await openOrg(page, org);
  const waarde = await form.getByLabel('Telefoon').inputValue();
  await form.getByRole('button', { name: 'Annuleren' }).click();
  await form.waitFor({ state: 'detached' });
  return waarde;
}

describe('Samenwerken: two members in the browser on one team server', () => {
  it('shares, joins, carries edits across, lists a conflict in both and settles it with one choice', async () => {
    const opslag = mkdtempSync(join(tmpdir(), 'wijkweb-teamserver-'));
    let server = await startTeamServer({ port: 0, opslag, log: () => {} });
    const port = server.port;
    onTestFinished(() => server.close());

    const anna = await newPage(app.browser, app.url);
    const bram = await newPage(app.browser, app.url);
    onTestFinished(() => anna.context.close());
    onTestFinished(() => bram.context.close());

    // Anna opens her project and shares it: Bestand → Samenwerken.
    await openProjectFile(anna.page, await projectFile('Wijk Noord'), 'Wijk Noord');
    await anna.page.getByRole('button', { name: 'Bestand' }).click();
    await anna.page.getByTestId('menu-samenwerken').click();
    await anna.page.getByRole('heading', { level: 1, name: 'Samenwerken' }).waitFor();
    const delen = anna.page.getByTestId('team-delen');
    // A wrong address is said before anything happens.
    await delen.getByLabel('Adres van de teamserver').fill('teamserver.gemeente.nl');
    await delen.getByLabel('Je naam').fill('Anna');
    await delen.getByRole('button', { name: 'Delen' }).click();
    await delen.getByText('is geen adres van een teamserver').waitFor();
    await delen.getByLabel('Adres van de teamserver').fill(`ws://127.0.0.1:${port}`);
    await delen.getByRole('button', { name: 'Delen' }).click();
    await anna.page.locator('[data-testid="team-verbinding"][data-verbinding="verbonden"]').waitFor();
    const uitnodiging = await anna.page.getByLabel('Uitnodiging').inputValue();
    expect(uitnodiging).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/\?document=.+&token=.+/);
    await anna.page.locator('[data-testid="team-statusbalk"][data-verbinding="verbonden"]').waitFor();
    await anna.page.getByTestId('team-bestanden').getByText('Nog niemand heeft een bestand geïmporteerd.').waitFor();
    expect(await axeViolations(anna.page)).toEqual([]);
    await screenshot(anna.page, '90-samenwerken-gedeeld');

    // Bram: a refused invite (a wrong token) is said in Dutch and leaves him where he was.
    await createProject(bram.page, 'Kladblok');
    await gotoView(bram.page, 'Samenwerken');
    const meedoen = bram.page.getByTestId('team-meedoen');
    await meedoen.getByLabel('Uitnodiging').fill(uitnodiging.replace(/token=[^&]+/, 'token=fout'));
    await meedoen.getByLabel('Je naam').fill('Bram');
    await meedoen.getByLabel('Naam van het nieuwe project').fill('Wijk Noord (team)');
    await meedoen.getByRole('button', { name: 'Meedoen' }).click();
    await bram.page.getByText('weigert de toegang').waitFor();
    expect(await axeViolations(bram.page)).toEqual([]);
    await screenshot(bram.page, '91-samenwerken-geweigerd');

    expect(await bram.page.getByTestId('save-status').textContent()).toBeTruthy();
    expect(await bram.page.locator('.wijkweb-statusbar__file').textContent()).toContain('Kladblok');

    // The right invite: a new project with the team's sociale kaart.
    await meedoen.getByLabel('Uitnodiging').fill(uitnodiging);
    await meedoen.getByRole('button', { name: 'Meedoen' }).click();
    await bram.page.getByTestId('project-naam').filter({ hasText: 'Wijk Noord (team)' }).waitFor();
    await gotoView(bram.page, 'Samenwerken');
    await bram.page.locator('[data-testid="team-verbinding"][data-verbinding="verbonden"]').waitFor();
    await gotoView(bram.page, 'Gegevens');
    await orgRij(bram.page, 'Stichting Dock').waitFor();
    await orgRij(bram.page, 'Buurthuis De Brug').waitFor();

    // Anna adds an organisation in the Gegevens view: it arrives at Bram without a reload.
    await gotoView(anna.page, 'Gegevens');
    await anna.page.getByRole('button', { name: 'Organisatie toevoegen' }).click();
    const form = anna.page.getByTestId('organisatie-form');
    await form.getByLabel('Naam (verplicht)').fill('Alifa');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.waitFor({ state: 'detached' });
    await orgRij(bram.page, 'Alifa').waitFor({ timeout: 15_000 });

    // Both see each other online.
    await gotoView(anna.page, 'Samenwerken');
    await anna.page.getByTestId('team-online').getByText('Bram').waitFor({ timeout: 15_000 });

    // The server goes down; both change Stichting Dock's phone number; the server comes back.
    await server.close();
    await anna.page.locator('[data-testid="team-verbinding"][data-verbinding="offline"]').waitFor({ timeout: 15_000 });
    await zetTelefoon(anna.page, 'Stichting Dock', '053 111 11 11');
    await zetTelefoon(bram.page, 'Stichting Dock', '053 222 22 22');
    await gotoView(anna.page, 'Samenwerken');
    await expect.poll(() => anna.page.getByTestId('team-wachtend').textContent()).toMatch(/wacht/);
    server = await startTeamServer({ port, opslag, log: () => {} });

    for (const p of [anna.page, bram.page]) {
      await gotoView(p, 'Samenwerken');
      await p.getByTestId('team-melding').first().waitFor({ timeout: 30_000 });
    }
    const melding = bram.page.getByTestId('team-melding');
    expect(await melding.count()).toBe(1);
    const tekst = await melding.textContent();
    expect(tekst).toContain('Stichting Dock');
    expect(tekst).toContain('telefoon');
    expect(tekst).toContain('053 111 11 11');
    expect(tekst).toContain('053 222 22 22');
    expect(tekst).toContain('Anna');
    expect(tekst).toContain('Bram');
    await bram.page.locator('[data-testid="team-statusbalk"]').getByText('1 om na te kijken').waitFor();
    expect(await axeViolations(bram.page)).toEqual([]);
    await screenshot(bram.page, '92-samenwerken-na-te-kijken');

    // Bram keeps Anna's number: the list empties on both, and both show it.
    await melding.getByRole('button', { name: 'Deze houden: ‘053 111 11 11’ voor telefoon' }).click();
    await bram.page.getByText('Er is niets om na te kijken.').waitFor();
    await anna.page.getByText('Er is niets om na te kijken.').waitFor({ timeout: 15_000 });
    expect(await telefoonVan(bram.page, 'Stichting Dock')).toBe('053 111 11 11');
    await expect.poll(() => telefoonVan(anna.page, 'Stichting Dock'), { timeout: 15_000 }).toBe('053 111 11 11');
    expect(anna.errors.filter((e) => !/WebSocket|ERR_CONNECTION_REFUSED|Failed to load resource/.test(e))).toEqual([]);
    expect(bram.errors.filter((e) => !/WebSocket|ERR_CONNECTION_REFUSED|Failed to load resource|403/.test(e))).toEqual(
      [],
    );
  }, 180_000);
});
