import { describe, expect, it } from 'vitest';
import { parseCbsTable } from '../../../shared/importers/cbs/parse';
import { parseCbsValue, usesDecimalComma } from '../../../shared/importers/cbs/values';

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
