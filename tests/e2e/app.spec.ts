import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../shared/db/migrations';
import { axeViolations, createProject, newPage, screenshot, useAppInBrowser, withoutFirstStart } from './browser';

const app = useAppInBrowser();

describe('browser mode', () => {
  it('serves the app with the same Content-Security-Policy as the desktop app, and eval is blocked', async () => {
    const response = await fetch(app.url + '/');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain("'unsafe-eval'");
    const { context, page, errors } = await newPage(app.browser, app.url);
    // A same-origin script (as the app's own code would) may not use eval under this policy.
    await page.addScriptTag({ url: '/__test__/eval-probe.js' });
    await page.waitForFunction(() => document.body.dataset.evalProbe !== undefined);
    expect(await page.evaluate(() => document.body.dataset.evalProbe)).toBe('EvalError');
    errors.length = 0; // the CSP violation report of the probe itself
    // sql.js (WebAssembly) still works under this policy: creating a project uses it.
    await createProject(page, 'CSP-test');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('start page: empty state, no accessibility violations', async () => {
    const { context, page } = await newPage(app.browser, app.url);
    await page.getByRole('heading', { name: 'Welkom bij Wijkweb' }).waitFor();
    expect(await page.getByText('Je hebt nog geen projecten geopend.').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '01-start');
    await context.close();
  });

  it('create a project, see Overzicht, it saves itself, and after a reload everything is still there', async () => {
    const { context, page, errors } = await newPage(app.browser, app.url);
    await createProject(page, 'Enschede West');
    expect(await page.getByTestId('project-naam').textContent()).toBe('Enschede West');
    expect(await page.getByRole('heading', { name: 'Dit project is nog leeg' }).isVisible()).toBe(true);
    expect(await page.getByTestId('telling-organisaties').textContent()).toContain('0');
    await page
      .getByTestId('save-status')
      .filter({ hasText: /Opgeslagen om \d\d\.\d\d uur/ })
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '02-overzicht');

    // Rename: an edit that autosaves within a few seconds.
    await page.getByRole('button', { name: 'Naam wijzigen' }).click();
    await page.getByLabel('Naam van het project').fill('Enschede West – pilot');
    await page.getByRole('button', { name: 'Naam opslaan' }).click();
    await page.getByTestId('save-status').filter({ hasText: 'Wijzigingen nog niet opgeslagen' }).waitFor();
    await page.locator('[data-testid="save-status"][data-status="opgeslagen"]').waitFor({ timeout: 10_000 });

    // A reload keeps the project open (issue 21); closed, it is in the recent list.
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.getByTestId('project-naam').filter({ hasText: 'Enschede West – pilot' }).waitFor();
    await page.getByRole('button', { name: 'Bestand ▾' }).click();
    await page.getByRole('menuitem', { name: 'Project sluiten' }).click();
    await page.getByRole('button', { name: 'Enschede West', exact: true }).click();
    await page.getByTestId('project-naam').filter({ hasText: 'Enschede West – pilot' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('Ctrl+S saves at once; the file can be downloaded and opened again in a fresh browser', async () => {
    const first = await newPage(app.browser, app.url);
    await createProject(first.page, 'Download-test');
    await first.page.getByRole('button', { name: 'Naam wijzigen' }).click();
    await first.page.getByLabel('Naam van het project').fill('Download-test 2');
    await first.page.getByRole('button', { name: 'Naam opslaan' }).click();
    await first.page.getByTestId('project-naam').filter({ hasText: 'Download-test 2' }).waitFor();
    await first.page.keyboard.press('Control+s');
    await first.page.locator('[data-testid="save-status"][data-status="opgeslagen"]').waitFor();
    await first.page.getByRole('button', { name: /Bestand/ }).click();
    const [download] = await Promise.all([
      first.page.waitForEvent('download'),
      first.page.getByRole('menuitem', { name: 'Downloaden als bestand' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Download-test 2.wijkweb');
    const path = join(tmpdir(), `wijkweb-e2e-${Date.now()}.wijkweb`);
    await download.saveAs(path);
    await first.context.close();

    const second = await newPage(app.browser, app.url);
    const [chooser] = await Promise.all([
      second.page.waitForEvent('filechooser'),
      second.page.getByRole('button', { name: 'Project openen' }).click(),
    ]);
    await chooser.setFiles(path);
    await second.page.getByTestId('project-naam').filter({ hasText: 'Download-test 2' }).waitFor();
    expect(second.errors).toEqual([]);
    await second.context.close();
  });

  it('refuses a file that is not a project with a clear Dutch message', async () => {
    const { context, page } = await newPage(app.browser, app.url);
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Project openen' }).click(),
    ]);
    await chooser.setFiles({
      name: 'cijfers.wijkweb',
      mimeType: 'text/csv',
      buffer: Buffer.from('code;naam\nBU1;x\n'),
    });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('‘cijfers.wijkweb’ is geen Wijkweb-project');
    expect(await page.getByRole('heading', { name: 'Welkom bij Wijkweb' }).isVisible()).toBe(true);
    await screenshot(page, '03-geen-project');
    await context.close();
  });

  it('updates an older project file, after keeping a backup, and says so', async () => {
    const { context, page, errors } = await newPage(app.browser, app.url);
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Project openen' }).click(),
    ]);
    await chooser.setFiles(new URL('../fixtures/project-v1.wijkweb', import.meta.url).pathname);
    await page.getByTestId('project-naam').filter({ hasText: 'Boswinkel (versie 1)' }).waitFor();
    await page.getByText(`bijgewerkt naar de nieuwe bestandsversie ${LATEST_SCHEMA_VERSION}`).waitFor();
    expect(await page.getByTestId('telling-organisaties').textContent()).toContain('1');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a second tab gets the project read-only', async () => {
    const context = await app.browser.newContext({ locale: 'nl-NL' });
    await withoutFirstStart(context);
    await context.addInitScript(() => localStorage.setItem('wijkweb.opslag', 'werkkopie'));
    const one = await context.newPage();
    await one.goto(app.url);
    await one.waitForSelector('body[data-ready="true"]');
    await createProject(one, 'Gedeeld');
    const two = await context.newPage();
    await two.goto(app.url);
    await two.waitForSelector('body[data-ready="true"]');
    await two.getByRole('button', { name: 'Gedeeld', exact: true }).click();
    await two.getByText('Dit project is al geopend in een ander venster').waitFor();
    expect(await two.getByTestId('save-status').textContent()).toBe('Alleen lezen');
    expect(await two.getByRole('button', { name: 'Naam wijzigen' }).count()).toBe(0);
    await screenshot(two, '04-alleen-lezen');
    await context.close();
  });

  it('switches to English and back', async () => {
    const { context, page } = await newPage(app.browser, app.url);
    await page.getByLabel('Taal').selectOption('en');
    await page.getByRole('heading', { name: 'Welcome to Wijkweb' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: 'Welcome to Wijkweb' }).waitFor();
    await page.getByLabel('Language').selectOption('nl');
    await page.getByRole('heading', { name: 'Welkom bij Wijkweb' }).waitFor();
    await context.close();
  });

  it('keeps a project as a real file on disk where the browser can (File System Access), across a reload', async () => {
    // The native save dialog cannot be answered in a test: the stub hands back a real file handle (in the
    // browser's private file system), so everything after the dialog is the app's real code path.
    const { context, page, errors } = await newPage(app.browser, app.url, {
      storage: 'bestand',
      init: () => {
        const w = window as unknown as { showSaveFilePicker: (o: { suggestedName: string }) => Promise<unknown> };
        w.showSaveFilePicker = async ({ suggestedName }) =>
          (await (await navigator.storage.getDirectory()).getDirectoryHandle('schijf', { create: true })).getFileHandle(
            suggestedName,
            { create: true },
          );
      },
    });
    expect(await page.getByLabel('Als bestand op deze computer (aanbevolen)').isChecked()).toBe(true);
    await screenshot(page, '05-opslagkeuze');
    await createProject(page, 'Op schijf');
    await page.locator('[data-testid="save-status"][data-status="opgeslagen"]').waitFor();
    const onDisk = await page.evaluate(async () => {
      const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('schijf');
      const file = await (await dir.getFileHandle('Op schijf.wijkweb')).getFile();
      return file.size;
    });
    expect(onDisk).toBeGreaterThan(4096);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.getByText(/^Bestand op deze computer ·/).count()).toBe(1);
    // A file on disk needs a click after a reload (the browser may ask its permission again): the start page says so.
    await page
      .getByText('Je werkte aan ‘Op schijf’. Klik hieronder op de naam om verder te gaan.', { exact: false })
      .waitFor();
    await page.getByRole('button', { name: 'Op schijf', exact: true }).click();
    await page.getByTestId('project-naam').filter({ hasText: 'Op schijf' }).waitFor();
    expect(await page.getByTestId('save-status').getAttribute('data-status')).toBe('opgeslagen');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a damaged project is not touched; its backup can be opened instead', async () => {
    const { context, page } = await newPage(app.browser, app.url);
    await createProject(page, 'Kapot');
    await page.getByRole('button', { name: 'Naam wijzigen' }).click();
    await page.getByLabel('Naam van het project').fill('Kapot maar bewaard');
    await page.getByRole('button', { name: 'Naam opslaan' }).click();
    await page.getByTestId('project-naam').filter({ hasText: 'Kapot maar bewaard' }).waitFor();
    await page.keyboard.press('Control+s');
    await page.locator('[data-testid="save-status"][data-status="opgeslagen"]').waitFor();
    // Damage the working copy: zero a page in the middle of the file, as a bad disk would.
    const damaged = await page.evaluate(async () => {
      const dir = await (
        await (await navigator.storage.getDirectory()).getDirectoryHandle('wijkweb')
      ).getDirectoryHandle('projecten');
      for await (const [name, handle] of (
        dir as unknown as { entries(): AsyncIterable<[string, FileSystemFileHandle]> }
      ).entries()) {
        const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
        bytes.fill(0, 4096 * 2, 4096 * 4);
        const w = await handle.createWritable();
        await w.write(bytes);
        await w.close();
        return { name, size: bytes.length };
      }
      return null;
    });
    expect(damaged).not.toBeNull();
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.getByRole('button', { name: 'Kapot', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'is beschadigd' }).waitFor();
    await screenshot(page, '06-beschadigd');
    const backupButton = page.getByRole('button', { name: /Open reservekopie van/ }).first();
    await backupButton.click();
    await page.getByTestId('project-naam').waitFor();
    await page.getByText('Je werkt nu in een reservekopie').waitFor();
    expect(await page.getByTestId('save-status').getAttribute('data-status')).toBe('alleen-lezen');
    await context.close();
  });

  it('when the Netwerk view cannot load its code, it says so in Dutch and the rest of the app keeps working', async () => {
    const { context, page, errors } = await newPage(app.browser, app.url);
    await page.route(/NetwerkPage-[^/]*\.js$/, (route) => route.abort());
    await createProject(page, 'Zonder netwerkcode');
    await page.getByRole('navigation').getByRole('button', { name: 'Netwerk', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'De netwerkkaart kon niet worden geladen' }).waitFor();
    await page.getByRole('navigation').getByRole('button', { name: 'Gegevens', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Gegevens' }).waitFor();
    expect(errors.filter((e) => !/NetwerkPage|dynamically imported module|Failed to load resource/i.test(e))).toEqual(
      [],
    );
    await context.close();
  });
});
