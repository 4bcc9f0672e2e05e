/**
 * `npm run bench`, stuurgroep part (issue 8): the report of the voorbeeldproject — model, HTML, xlsx, PDF through the
 * local Chromium — the presentation slides and a snapshot. Target: the whole pack (PDF + xlsx) well under a minute;
 * the preview (model + HTML) under 1 s, so it can follow every choice on the Rapport page.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlJsStatic } from 'sql.js';
import { buildDemo } from '../../scripts/build-demo.mts';
import { createProjectService } from '../../shared/service/project-service';
import { unwrap } from '../../shared/result';
import { rapportHtml } from '../../shared/report/html';
import { findBrowser, htmlToPdf } from '../../node/pdf';

type Report = (what: string, value: string, note?: string) => void;

export async function benchRapport(SQL: SqlJsStatic, dir: string, report: Report): Promise<void> {
  const path = join(dir, 'voorbeeld.wijkweb');
  let t0 = performance.now();
  await buildDemo(path, { log: () => undefined });
  report('voorbeeldproject built through the CLI (16 steps)', `${(performance.now() - t0).toFixed(0)} ms`);
  const s = createProjectService({
    SQL,
    sha256: async (b) => createHash('sha256').update(b).digest('hex'),
  });
  unwrap(await s.openProject(new Uint8Array(readFileSync(path)), 'voorbeeld.wijkweb'));
  const opties = { gebieden: ['BU01530201'], peildatum: '2024-05-01' };
  t0 = performance.now();
  const rapport = unwrap(await s.getRapport(opties));
  const modelMs = performance.now() - t0;
  t0 = performance.now();
  const html = rapportHtml(rapport);
  const htmlMs = performance.now() - t0;
  report('report model (7 sections, 2 plates), first call', `${modelMs.toFixed(0)} ms`);
  t0 = performance.now();
  unwrap(await s.getRapport(opties));
  report('report model again (network cached)', `${(performance.now() - t0).toFixed(0)} ms`);
  report('report HTML', `${htmlMs.toFixed(1)} ms`, `${(html.length / 1024).toFixed(0)} kB; target preview < 1 s`);
  t0 = performance.now();
  const xlsx = unwrap(await s.exportRapportXlsx(opties));
  const xlsxMs = performance.now() - t0;
  report('report xlsx', `${xlsxMs.toFixed(0)} ms`, `${(xlsx.byteLength / 1024).toFixed(0)} kB`);
  const browser = findBrowser();
  let pdfMs = 0;
  if (browser) {
    t0 = performance.now();
    const pdf = await htmlToPdf(html, { browserPath: browser });
    pdfMs = performance.now() - t0;
    report(
      'report PDF through headless Chromium',
      `${pdfMs.toFixed(0)} ms`,
      `${(pdf.byteLength / 1024).toFixed(0)} kB`,
    );
  } else report('report PDF', 'skipped', 'no Chromium-family browser found');
  report(
    'stuurgroep pack (model + PDF + xlsx)',
    `${((modelMs + htmlMs + xlsxMs + pdfMs) / 1000).toFixed(1)} s`,
    'target < 60 s',
  );
  t0 = performance.now();
  const dias = unwrap(await s.getPresentatie());
  report('presentation slides', `${(performance.now() - t0).toFixed(0)} ms`, `${dias.length} slides`);
  t0 = performance.now();
  unwrap(await s.createSnapshot('Bench', '2024-06-01'));
  report('snapshot (kaart, network figures, gaps)', `${(performance.now() - t0).toFixed(0)} ms`);
}
