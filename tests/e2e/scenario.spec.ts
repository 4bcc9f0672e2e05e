/**
 * Issue 22 in the browser: the voorbeeldproject's "Pilotplan medium scenario" opens in the Scenario tab and shows the
 * pilot plan's table row for row; changing the scenario's 40% to 30% changes every line from the counts and the
 * rendement, while the personnel amounts stay; a line's own build-up and a new line are edited in the form.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, newPage, openProjectFile, screenshot, useAppInBrowser } from './browser';

const app = useAppInBrowser();
const DEMO = fileURLToPath(new URL('../../renderer/public/demo/voorbeeldproject.wijkweb', import.meta.url));

/** The text with every kind of space (Intl writes "€\u00a021.596") as one plain space. */
const tekst = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ');
/** Waits until the row's text contains all of `parts` (the worker recomputes shortly after a keystroke). */
async function rijBevat(page: Page, rij: string, parts: readonly string[]) {
  const selector = `[data-testid="scenario-tabel"] tr[data-rij="${rij}"]`;
  await page.waitForFunction(
    ({ selector, parts }) => {
      const t = (document.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ');
      return parts.every((p) => t.includes(p));
    },
    { selector, parts },
    { timeout: 15_000 },
  );
  return tekst(page, selector);
}

describe('the pilot plan’s medium scenario in the Scenario tab', () => {
  it('opens row for row as in the plan; 40% → 30% changes every line from the counts; lines are edited', async () => {
    const { context, page, errors } = await newPage(app.browser, app.url);
    await page.setViewportSize({ width: 1440, height: 1000 });
    await openProjectFile(page, DEMO, 'Enschede West (voorbeeld)');
    await page.getByRole('navigation').getByRole('button', { name: 'Hiaten', exact: true }).click();
    await page.getByRole('tab', { name: 'Scenario' }).click();
    await page.getByRole('button', { name: 'Scenario ‘Pilotplan medium scenario’ openen' }).click();

    // The plan's rows (the plan: 21.596 86.385 115.180; 6.885 36.337 48.449; 11.662 46.648 62.197; RENDEMENT 6.269 9.600
    // 12.800 — Wijkweb within € 2 of each, as the plan rounds).
    await rijBevat(page, 'wmo', ['€ 21.596', '€ 86.385', '€ 115.180']);
    await rijBevat(page, 'jeugd', ['€ 6.885', '€ 36.337', '€ 48.449']);
    await rijBevat(page, 'vervangend', ['€ 11.662', '€ 46.648', '€ 62.197']);
    await rijBevat(page, 'personeel-jeugd', ['€ 2.577', '€ 34.577', '€ 46.103']);
    await rijBevat(page, '#investeringen', ['€ 10.551', '€ 66.473', '€ 88.631']);
    const rendement = await rijBevat(page, '#rendement', ['€ 6.268', '€ 9.601', '€ 12.801']);
    expect(rendement).toMatch(/^RENDEMENT/);
    const kop = await tekst(page, '[data-testid="scenario-tabel"] thead');
    expect(kop).toMatch(/2024.*2025.*2026.*2027.*2028.*Totaal/);
    // Five lines in the form, each with its name.
    expect(await page.getByTestId('scenario-regels').locator('[data-regel]').count()).toBe(5);
    expect(await page.getByLabel('Naam van regel 2').inputValue()).toBe('Besparing 2e lijns Jeugdhulp');
    expect(await page.getByLabel('Opbouw 2024 (%) (regel 2)').inputValue()).toBe('14,21');
    // Per buurt: Boswinkel-De Braker, without the personnel.
    await page.getByText('Per buurt (1 buurt)').click();
    await page.getByTestId('scenario-tabel-BU01530201').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '75-scenario-pilotplan');

    // 40% → 30%: the Wmo and Jeugd lines and the vervangende zorginzet go down by a quarter; personnel stays.
    await page.getByLabel('Verschuiving naar algemene voorzieningen (%)').fill('30');
    await rijBevat(page, 'wmo', ['€ 16.197', '€ 64.789', '€ 86.385']);
    await rijBevat(page, 'vervangend', ['€ 8.746', '€ 34.986', '€ 46.648']);
    await rijBevat(page, 'personeel-wmo', ['€ 7.974', '€ 31.896', '€ 42.528']);
    await rijBevat(page, '#rendement', ['€ 2.063', '€ -9.418']);

    // A line of its own: 0,5 fte × € 80.000 from 2026 on (an own build-up 0, 0, 100).
    await page.getByRole('button', { name: 'Regel toevoegen' }).click();
    await page.getByLabel('Naam van regel 6').fill('Coördinator sociale basis');
    await page.getByLabel('Soort (regel 6)').selectOption('investering');
    await page.getByLabel('Bedrag uit (regel 6)').selectOption('fte');
    await page.getByLabel('Fte (regel 6)').fill('0,5');
    await page.getByLabel('Kosten per fte per jaar (€) (regel 6)').fill('80000');
    await page.getByText('Eigen opbouw per jaar voor regel 6').click();
    await page.getByLabel('Opbouw 2024 (%) (regel 6)').fill('0');
    await page.getByLabel('Opbouw 2025 (%) (regel 6)').fill('0');
    await page.getByLabel('Opbouw 2026 (%) (regel 6)').fill('100');
    const eigen = await rijBevat(page, 'regel-6', ['€ 0', '€ 40.000']);
    expect(eigen).toMatch(/^Coördinator sociale basis\s*€ 0\s*€ 0\s*€ 40\.000\s*€ 40\.000\s*€ 40\.000/);
    await rijBevat(page, '#investeringen', ['€ 10.551', '€ 66.473', '€ 128.631']);
    // A line without a name is said in words, at the line.
    await page.getByLabel('Naam van regel 6').fill('');
    await page.getByText('Geef deze regel een naam, zoals in je plan.').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '76-scenario-eigen-regel');
    expect(errors).toEqual([]);
    await context.close();
  });
});
