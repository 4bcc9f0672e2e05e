import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { figureAt, readStatLineCsv } from '../../../../../shared/importers/cbs/grid';
import { parseCbsTable } from '../../../../../shared/importers/cbs/parse';
import { parseCbsValue, usesDecimalComma } from '../../../../../shared/importers/cbs/values';
import { readCsv } from '../../../../../shared/importers/sheet';
import { nederland2024, nederland2024Zorg } from '../../../../helpers/cbs-fixtures';

describe('CBS parsing details', () => {
  it('takes the codes from "Codering" when "WijkenEnBuurten" holds names, and the names from it', () => {
    const rows = [
      ['ID', 'WijkenEnBuurten', 'Gemeentenaam_1', 'SoortRegio_2', 'Codering_3', 'AantalInwoners_5'],
      ['1', 'Utrecht', 'Utrecht', 'Gemeente', 'GM0344', '100'],
      ['2', 'Wijk 01 West', 'Utrecht', 'Wijk', 'WK034401', '50'],
      ['3', 'Welgelegen', 'Utrecht', 'Buurt', 'BU03440111', '20'],
    ];
    const p = parseCbsTable({ fileName: 'kwb-2024-namen.csv', sheet: { name: 'kwb-2024-namen.csv', rows } });
    expect('format' in p && p.regions.map((r) => [r.code, r.naam, r.ouderCode])).toEqual([
      ['GM0344', 'Utrecht', null],
      ['WK034401', 'Wijk 01 West', 'GM0344'],
      ['BU03440111', 'Welgelegen', 'WK034401'],
    ]);
  });

  it('reads CBS signs and number styles, never turning missing or secret into 0', () => {
    expect(parseCbsValue('  873338')).toEqual({ value: 873338, status: 0 });
    expect(parseCbsValue('     1.9')).toEqual({ value: 1.9, status: 0 });
    expect(parseCbsValue('1,9')).toEqual({ value: 1.9, status: 0 });
    expect(parseCbsValue('1.234', true)).toEqual({ value: 1234, status: 0 });
    expect(parseCbsValue('1.234,5')).toEqual({ value: 1234.5, status: 0 });
    expect(parseCbsValue('       .').status).toBe(1);
    expect(parseCbsValue('x').status).toBe(2);
    expect(parseCbsValue(-99997).status).toBe(2);
    expect(parseCbsValue('-').status).toBe(1);
    expect(parseCbsValue('?').status).toBe(1);
    expect(parseCbsValue('veel').status).toBe(3);
    expect(usesDecimalComma(['12', ' 1,9 '])).toBe(true);
    expect(usesDecimalComma(['12', '1.9'])).toBe(false);
  });
});

describe('CBS review cases', () => {
  it('a column of "161.000" values is read as thousands, with a warning', () => {
    const rows = [
      ['gwb_code_10', 'regio', 'a_inw'],
      ['GM0153', 'Enschede', '161.000'],
      ['BU01530710', 'Boswinkel', '3.715'],
    ];
    const p = parseCbsTable({ fileName: 'kwb-2023.csv', sheet: { name: 'kwb-2023.csv', rows } });
    expect('format' in p && Array.from(p.values)).toEqual([161000, 3715]);
    expect(p.issues).toContainEqual(expect.objectContaining({ code: 'cbs.duizendtallen', column: 'a_inw' }));
  });

  it('a gemeente called Bronckhorst is data, not a "Bron" footer', () => {
    const rows = [
      ['gwb_code_10', 'regio', 'a_inw'],
      ['GM1876', 'Bronckhorst', '36000'],
      ['Bronckhorst totaal', 'x', '1'],
      ['GM0153', 'Enschede', '161000'],
    ];
    const p = parseCbsTable({ fileName: 'kwb-2023.csv', sheet: { name: 'kwb-2023.csv', rows } });
    expect(p.issues).toContainEqual(expect.objectContaining({ code: 'cbs.code-ongeldig', row: 3 }));
  });
});

describe('CBS: a StatLine download read straight from its text', () => {
  const FIXTURES = new URL('../../../../fixtures/cbs/', import.meta.url);

  it('gives the same cells as sheet.ts (papaparse) for every StatLine CSV fixture, and null for other CSVs', () => {
    const files: [string, Uint8Array][] = [
      [
        'statline-untyped-2019-utrecht.csv',
        new Uint8Array(readFileSync(new URL('statline-untyped-2019-utrecht.csv', FIXTURES))),
      ],
      [
        'statline-labelled-nabijheid-2023-zuilen.csv',
        new Uint8Array(readFileSync(new URL('statline-labelled-nabijheid-2023-zuilen.csv', FIXTURES))),
      ],
      ['statline-labelled-2024-nederland.csv', nederland2024().bytes],
      ['kwb-2024-nederland-zorg.csv', nederland2024Zorg().bytes],
      ['quotes.csv', new TextEncoder().encode('"a";"b ""c"" d";"e;f"\r\n"GM0153";"1,5";"x"\r\n\r\n')],
      ['lf.csv', new TextEncoder().encode('"a";"b"\n"GM0153";1,5\n;\n')],
    ];
    for (const [name, bytes] of files) {
      const grid = readStatLineCsv(bytes, name)!;
      expect(grid, name).not.toBeNull();
      const sheet = readCsv(bytes, name);
      expect(grid.rowCount, name).toBe(sheet.rows.length);
      for (let r = 0; r < sheet.rows.length; r++) {
        const row = sheet.rows[r]!;
        expect(grid.width(r), `${name} ${r}`).toBe(row.length);
        for (let c = 0; c < row.length; c++) if (grid.cell(r, c) !== row[c]) expect(grid.cell(r, c)).toBe(row[c]);
      }
    }
    const other = (text: string) => readStatLineCsv(new TextEncoder().encode(text), 'x.csv');
    expect(other('gwb_code_10;a_inw\r\nGM0344;1\r\n')).toBeNull(); // not quoted
    expect(other('"Kerncijfers 2022"\r\n"a";"b"\r\n')).toBeNull(); // a title line first
    expect(other('"a";"b"\r\n"GM0344";"12\r\n')).toBeNull(); // cut off inside a quote
    expect(other('"a";"b"\r\n"GM0344";1"2\r\n')).toBeNull(); // a stray quote
    expect(other('"a";"b"\r"GM0344";1\r')).toBeNull(); // old Mac line ends
    expect(other('"a";"b"\r\n"GM0344";1\n')).toBeNull(); // mixed line ends
  });

  it('reads figures from the characters exactly as parseCbsValue does', () => {
    const cases = [
      '  352866',
      '     1.9',
      '1,9',
      '0',
      '-0',
      '12.',
      '.5',
      '161.000',
      '0.123',
      '-0.123',
      '1.234,5',
      '1.234.567',
      '123456789012345',
      '1234567890123456',
      '9007199254740993',
      '1e3',
      '-99997',
      '-4',
      '+4',
      ' x ',
      '.',
      '?',
      '-',
      '',
      '   ',
      'veel',
      '1 000',
      '1,2,3',
      '3,14159',
      '0,000001',
      '99.999',
      '1.5e-3',
    ];
    const v = new Float64Array(1);
    const st = new Uint8Array(1);
    for (const decimalComma of [false, true]) {
      for (const c of cases) {
        figureAt(c, 0, c.length, decimalComma, v, st, 0);
        const want = parseCbsValue(c, decimalComma);
        expect({ value: v[0], status: st[0] }, `${JSON.stringify(c)} ${decimalComma}`).toEqual(want);
      }
      // The same from the bytes of a StatLine download, quoted and not.
      const csv = `"h";"${cases.map((_, i) => `k${i}`).join('";"')}"\r\n"GM0153";"${cases.join('";"')}"\r\n"GM0150";${cases.map((c) => (/[";]/.test(c) ? `"${c}"` : c)).join(';')}\r\n`;
      const grid = readStatLineCsv(new TextEncoder().encode(csv), 'figures.csv')!;
      for (const r of [1, 2]) {
        cases.forEach((c, i) => {
          grid.figure(r, i + 1, decimalComma, v, st, 0);
          expect({ value: v[0], status: st[0] }, `${r} ${JSON.stringify(c)} ${decimalComma}`).toEqual(
            parseCbsValue(c, decimalComma),
          );
        });
      }
    }
  });
});
