import { describe, expect, it } from 'vitest';
import { createProjectService } from '../../../../../shared/service/project-service';
import { unwrap } from '../../../../../shared/result';
import { errorMessage, formatIssue } from '../../../../../shared/i18n/messages';
import { parsePeriode, periodeIsOmgekeerd } from '../../../../../shared/importers/partners/cell-values';
import { FIXED_NOW, sha256, sql } from '../../../../helpers/db';

/** Issue 15.8 and 15.9: a header-only file, a repeated header, a reversed period, bad PC6 rows. */

async function service() {
  const s = createProjectService({ SQL: await sql(), now: () => FIXED_NOW, sha256 });
  unwrap(await s.createProject('Lijsten'));
  return s;
}
const csv = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

describe('a file with a header and no rows', () => {
  it('partners: says there are no rows, not "er zijn nog 0 fouten"', async () => {
    const s = await service();
    const file = csv('leeg.csv', 'Naam organisatie;Naam aanbod;Postcode\n');
    const p = unwrap(await s.previewPartnersImport(file, {}));
    expect(p.kanImporteren).toBe(false);
    expect(p.problemen.map((i) => i.code)).toEqual(['lijst.geen-rijen']);
    const r = await s.importPartners(file, {});
    expect(r.ok ? null : r.error.code).toBe('lijst.geen-rijen');
    if (!r.ok) {
      expect(errorMessage(r.error)).toContain('‘leeg.csv’');
      expect(errorMessage(r.error)).not.toMatch(/0 fouten/);
    }
  });

  it('relaties and the postcode table too', async () => {
    const s = await service();
    const rel = csv('leeg-relaties.csv', 'Van;Naar;Aantal;Periode\n');
    expect(unwrap(await s.previewRelatiesImport(rel, {})).problemen.map((i) => i.code)).toEqual(['lijst.geen-rijen']);
    const r = await s.importRelaties(rel, {});
    expect(r.ok ? null : r.error.code).toBe('lijst.geen-rijen');
    const pc = await s.importPostcodes(csv('pc6-leeg.csv', 'PC6;Buurt2023;Wijk2023;Gemeente2023\n'));
    expect(pc.ok ? null : pc.error.code).toBe('lijst.geen-rijen');
  });
});

describe('taken in silently before', () => {
  it('a second column with the same header: a warning naming it and the one used', async () => {
    const s = await service();
    const file = csv('dubbel.csv', 'Naam organisatie;Naam aanbod;Naam organisatie\nDock;Buurtkamer;Stichting Dock\n');
    const p = unwrap(await s.previewPartnersImport(file, {}));
    const warn = p.problemen.find((i) => i.code === 'lijst.kolom-dubbel');
    expect(warn).toMatchObject({ level: 'waarschuwing', row: 1, column: 'Naam organisatie' });
    const text = formatIssue(warn!);
    expect(text).toContain('‘dubbel.csv’');
    expect(text).toContain('kolom C');
    expect(text).toContain('kolom A');
    expect(p.kanImporteren).toBe(true);
  });

  it('a relatie periode 1-1-2025 t/m 1-1-2024 is an error with row and column, never stored swapped', async () => {
    const s = await service();
    for (const naam of ['Dock', 'Wijkteam']) unwrap(await s.saveOrganisatie(null, { naam }));
    const file = csv(
      'verwijzingen.csv',
      'Van;Naar;Aantal;Periode\nDock;Wijkteam;4;2024\nDock;Wijkteam;7;1-1-2025 t/m 1-1-2024\n',
    );
    const p = unwrap(await s.previewRelatiesImport(file, {}));
    const fout = p.problemen.find((i) => i.code === 'lijst.periode-omgekeerd');
    expect(fout).toMatchObject({ level: 'fout', row: 3, column: 'Periode' });
    expect(formatIssue(fout!)).toContain('1-1-2025 t/m 1-1-2024');
    expect(p.kanImporteren).toBe(false);
    // Skipping the bad row imports the good one only.
    const done = unwrap(await s.importRelaties(file, { foutenOverslaan: true })).result;
    expect(done).toMatchObject({ relaties: 1, volumes: 1, overgeslagen: 1 });
  });

  it('understands spans of months and days, and knows a reversed one', () => {
    expect(parsePeriode('jan 2024 - mrt 2024')).toEqual({ start: '2024-01-01', eind: '2024-03-31' });
    expect(parsePeriode('1 jan - 31 mrt 2024')).toEqual({ start: '2024-01-01', eind: '2024-03-31' });
    expect(parsePeriode('1-1-2024 t/m 31-3-2024')).toEqual({ start: '2024-01-01', eind: '2024-03-31' });
    expect(parsePeriode('2024-Q1')).toEqual({ start: '2024-01-01', eind: '2024-03-31' });
    for (const s of ['1-1-2025 t/m 1-1-2024', 'jan 2025 - dec 2024', '2025-01-01/2024-01-01']) {
      expect(parsePeriode(s), s).toBeUndefined();
      expect(periodeIsOmgekeerd(s), s).toBe(true);
    }
    expect(periodeIsOmgekeerd('onzin')).toBe(false);
  });

  it('invalid PC6 rows in the postcode table are named with row and column', async () => {
    const s = await service();
    const file = csv(
      'pc6-gwb2023.csv',
      'PC6;Buurt2023;Wijk2023;Gemeente2023\n3555AB;3440101;34401;344\nXXXX;3440101;34401;344\n1234AB;abc;34401;344\n',
    );
    const outcome = unwrap(await s.importPostcodes(file)).result;
    expect(outcome.postcodes).toBe(1);
    expect(outcome.overgeslagen).toBe(2);
    expect(outcome.problemen).toMatchObject([
      { level: 'waarschuwing', code: 'postcodes.pc6-ongeldig', row: 3, column: 'PC6', params: { waarde: 'XXXX' } },
      {
        level: 'waarschuwing',
        code: 'postcodes.buurt-ongeldig',
        row: 4,
        column: 'Buurt2023',
        params: { waarde: 'abc' },
      },
    ]);
    expect(formatIssue(outcome.problemen[0]!)).toContain('rij 3');
  });
});
