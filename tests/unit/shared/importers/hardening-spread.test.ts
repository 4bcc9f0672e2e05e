import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { createProjectService } from '../../../../shared/service/project-service';
import { unwrap } from '../../../../shared/result';
import { errorMessage } from '../../../../shared/i18n/messages';
import { readSpreadsheet } from '../../../../shared/importers/sheet';
import { FIXED_NOW, sha256, sql } from '../../../helpers/db';

/** Issue 15.1: data-sized arrays spread into a call (Math.max(...rows)) overflowed the call stack. */

async function service() {
  const s = createProjectService({ SQL: await sql(), now: () => FIXED_NOW, sha256 });
  unwrap(await s.createProject('Groot'));
  return s;
}

/** A real xlsx (SheetJS writes it), then its sheet XML edited: the dimension says A1:XFD1048576, with a real cell
 *  in that last corner. */
function xfdWorkbook(): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet([
    ['Naam organisatie', 'Naam aanbod', 'Van', 'Naar', 'Aantal', 'Periode'],
    ['Dock', 'Buurtkamer', 'Dock', 'Wijkteam', 3, '2024'],
  ]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Blad1');
  const files = unzipSync(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
  const xml = strFromU8(files['xl/worksheets/sheet1.xml']!);
  expect(xml).toMatch(/<dimension ref="A1:F2"\/>/);
  files['xl/worksheets/sheet1.xml'] = strToU8(
    xml
      .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')
      .replace(
        '</sheetData>',
        '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>eind</t></is></c></row></sheetData>',
      ),
  );
  return zipSync(files);
}

describe('no stack overflow on data-sized input', () => {
  it('previews a partner CSV of 150,000 rows', async () => {
    const s = await service();
    const lines = ['Naam organisatie;Naam aanbod;Postcode'];
    for (let i = 0; i < 150_000; i++) lines.push(`Org ${i};Aanbod ${i};3555 AB`);
    const bytes = new TextEncoder().encode(lines.join('\n') + '\n');
    expect(bytes.byteLength).toBeGreaterThan(3_500_000);
    const p = await s.previewPartnersImport({ name: 'groot.csv', bytes }, {});
    expect(p.ok ? null : p.error).toBeNull();
    if (!p.ok) return;
    expect(p.value.rijen).toBe(150_000);
    expect(p.value.nieuweOrganisaties).toBe(150_000);
    expect(p.value.fouten).toBe(0);
  }, 180_000);

  it('reads an xlsx whose dimension is A1:XFD1048576 (a cell in that corner) in every list importer', async () => {
    const bytes = xfdWorkbook();
    const sheets = readSpreadsheet(bytes, 'xfd.xlsx');
    expect(sheets[0]!.rows.length).toBe(1_048_576);
    expect(sheets[0]!.rows[1_048_575]![16_383]).toBe('eind');
    const s = await service();
    const file = { name: 'xfd.xlsx', bytes };
    const partners = await s.previewPartnersImport(file, {});
    expect(partners.ok ? null : partners.error).toBeNull();
    if (partners.ok) expect(partners.value.nieuweOrganisaties).toBe(1);
    const relaties = await s.previewRelatiesImport(file, {});
    expect(relaties.ok ? null : relaties.error).toBeNull();
    // Cognos and CBS: a Dutch message (no figures in this sheet), never an internal error.
    for (const r of [await s.previewCognosImport(file, {}), await s.previewCbsImport(file, {})]) {
      if (!r.ok) {
        expect(r.error.code).not.toBe('intern.onverwacht');
        expect(errorMessage(r.error)).toContain('xfd.xlsx');
      }
    }
  }, 180_000);
});
