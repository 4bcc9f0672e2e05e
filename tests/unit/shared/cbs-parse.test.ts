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
    expect(parseCbsValue('-')).toEqual({ value: 0, status: 0 });
    expect(parseCbsValue('veel').status).toBe(3);
    expect(usesDecimalComma(['12', ' 1,9 '])).toBe(true);
    expect(usesDecimalComma(['12', '1.9'])).toBe(false);
  });
});
