import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, toCsv, toJsonRows } from '../../../../shared/export/formats';

describe('export formats', () => {
  it('neutralise text that a spreadsheet would run as a formula, but leave numbers alone', () => {
    for (const evil of ['=1+1', '+31', '-2+3', '@SUM(A1)', '\tx', '\rx', '\nx', '=HYPERLINK("http://x")']) {
      expect(neutraliseFormula(evil).startsWith("'")).toBe(true);
    }
    expect(neutraliseFormula('Alifa')).toBe('Alifa');
    const csv = toCsv({
      columns: ['naam', 'aantal'],
      rows: [
        ['=cmd|calc', -5],
        ['Buurt "Oost"', 3.5],
        [null, null],
      ],
    });
    expect(csv).toBe('naam,aantal\r\n\'=cmd|calc,-5\r\n"Buurt ""Oost""",3.5\r\n,\r\n');
  });

  it('CSV read back by SheetJS has no formula cells', () => {
    const csv = toCsv({ columns: ['a'], rows: [['=1+2'], ['@x'], ['+1'], ['-1']] });
    const wb = XLSX.read(csv, { type: 'string' });
    const sheet = wb.Sheets[wb.SheetNames[0]!]!;
    for (const [addr, cell] of Object.entries(sheet)) {
      if (addr.startsWith('!')) continue;
      expect((cell as XLSX.CellObject).f).toBeUndefined();
      expect((cell as XLSX.CellObject).t).toBe('s');
    }
  });

  it('JSON rows are objects keyed by column, safe for odd column names', () => {
    const rows = toJsonRows({ columns: ['__proto__', 'naam'], rows: [['x', 'y']] });
    expect(rows).toEqual([JSON.parse('{"__proto__":"x","naam":"y"}')]);
    expect(Object.getPrototypeOf(rows[0])).toBe(Object.prototype);
  });

  it('uses SheetJS CE >= 0.20.2 (CVE-2023-30533 and CVE-2024-22363 fixed)', () => {
    const [major = 0, minor = 0, patch = 0] = XLSX.version.split('.').map(Number);
    expect(major * 10000 + minor * 100 + patch).toBeGreaterThanOrEqual(2002);
  });
});
