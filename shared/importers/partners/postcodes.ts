/**
 * The CBS table "buurt, wijk en gemeente per postcode" (pc6-gwb<jaar>.csv: PC6;Buurt2023;Wijk2023;Gemeente2023, or
 * with a Huisnummer column): a reference that turns a postcode into a buurt code. CBS writes the codes as numbers
 * (buurt 03440101 as 3440101); they become BU03440101.
 */
import { AppException } from '../../result';
import type { ImportFile, ImportIssue } from '../types';
import { buurtCodeVan } from '../cbs/codes';
import { cellText, headerKey, readSheets } from './table';

export interface ParsedPostcodes {
  readonly jaar: number | null;
  /** pc6 → buurt code → number of addresses. */
  readonly pairs: Map<string, Map<string, number>>;
  readonly rowsRead: number;
  readonly skipped: number;
  /** A warning per skipped row (the first MAX_ISSUES), naming its row and column. */
  readonly issues: readonly ImportIssue[];
}

const MAX_ISSUES = 200;

export function parsePostcodesFile(file: ImportFile): ParsedPostcodes {
  const sheet = readSheets(file)[0];
  if (!sheet) throw new AppException('postcodes.geen-tabel', { bestand: file.name });
  const header = (sheet.rows[0] ?? []).map((c) => headerKey(cellText(c)));
  const pcCol = header.findIndex((h) => /^(pc6|postcode)$/.test(h));
  const buurtCol = header.findIndex(
    (h) => /^(buurt|buurtcode|buurt code)( ?\d{4})?$/.test(h) || /^buurt\d{4}$/.test(h),
  );
  if (pcCol < 0 || buurtCol < 0) throw new AppException('postcodes.geen-tabel', { bestand: file.name });
  const jaarMatch = /(\d{4})/.exec(header[buurtCol] ?? '');
  const jaar = jaarMatch ? Number(jaarMatch[1]) : null;
  const pairs = new Map<string, Map<string, number>>();
  let skipped = 0;
  const issues: ImportIssue[] = [];
  const where = sheet.name !== file.name ? { sheet: sheet.name } : {};
  /** A row left out: counted, and (the first MAX_ISSUES) named with its row, column and value. */
  const skip = (r: number, c: number, code: string, waarde: string) => {
    skipped++;
    if (issues.length < MAX_ISSUES) {
      const column = cellText(sheet.rows[0]?.[c]);
      issues.push({ level: 'waarschuwing', code, file: file.name, ...where, row: r + 1, column, params: { waarde } });
    }
  };
  for (let r = 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const pc = cellText(row[pcCol]).replace(/\s+/g, '').toUpperCase();
    const raw = cellText(row[buurtCol]).toUpperCase();
    if (!/^[1-9]\d{3}[A-Z]{2}$/.test(pc)) {
      if (pc !== '' || raw !== '') skip(r, pcCol, 'postcodes.pc6-ongeldig', cellText(row[pcCol]));
      continue;
    }
    const code = buurtCodeVan(raw);
    if (!code) {
      skip(r, buurtCol, 'postcodes.buurt-ongeldig', cellText(row[buurtCol]));
      continue;
    }
    const forPc = pairs.get(pc) ?? new Map<string, number>();
    forPc.set(code, (forPc.get(code) ?? 0) + 1);
    pairs.set(pc, forPc);
  }
  if (sheet.rows.length <= 1) throw new AppException('lijst.geen-rijen', { bestand: file.name });
  if (pairs.size === 0) throw new AppException('postcodes.geen-tabel', { bestand: file.name });
  return { jaar, pairs, rowsRead: sheet.rows.length - 1, skipped, issues };
}
