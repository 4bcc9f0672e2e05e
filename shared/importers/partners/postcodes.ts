/**
 * The CBS table "buurt, wijk en gemeente per postcode" (pc6-gwb<jaar>.csv: PC6;Buurt2023;Wijk2023;Gemeente2023, or
 * with a Huisnummer column): a reference that turns a postcode into a buurt code. CBS writes the codes as numbers
 * (buurt 03440101 as 3440101); they become BU03440101.
 */
import type { ProjectDb } from '../../db/connection';
import { insertBron } from '../../db/repos/bronnen';
import { AppException } from '../../result';
import type { ImportFile } from '../types';
import { cellText, headerKey, readSheets } from './table';

export interface ParsedPostcodes {
  readonly jaar: number | null;
  /** pc6 → buurt code → number of addresses. */
  readonly pairs: Map<string, Map<string, number>>;
  readonly rowsRead: number;
  readonly skipped: number;
}

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
  for (let r = 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const pc = cellText(row[pcCol]).replace(/\s+/g, '').toUpperCase();
    const raw = cellText(row[buurtCol]).toUpperCase();
    if (!/^[1-9]\d{3}[A-Z]{2}$/.test(pc)) {
      if (pc !== '' || raw !== '') skipped++;
      continue;
    }
    const digits = raw.startsWith('BU') ? raw.slice(2) : raw;
    if (!/^\d{1,8}$/.test(digits)) {
      skipped++;
      continue;
    }
    const code = `BU${digits.padStart(8, '0')}`;
    const forPc = pairs.get(pc) ?? new Map<string, number>();
    forPc.set(code, (forPc.get(code) ?? 0) + 1);
    pairs.set(pc, forPc);
  }
  if (pairs.size === 0) throw new AppException('postcodes.geen-tabel', { bestand: file.name });
  return { jaar, pairs, rowsRead: sheet.rows.length - 1, skipped };
}

/** Replaces the postcode table, then gives organisaties and voorzieningen without a buurt the buurt of their postcode. */
export function writePostcodes(
  db: ProjectDb,
  file: ImportFile,
  sha256: string,
  parsed: ParsedPostcodes,
  now: string,
): { bronId: number; postcodes: number; gekoppeld: number; onbekendeBuurten: number } {
  const bronId = insertBron(db, {
    soort: 'postcodes',
    bestandsnaam: file.name,
    sha256,
    omschrijving: 'Buurt per postcode (CBS)',
    geimporteerdOp: now,
    rijenGelezen: parsed.rowsRead,
    rijenGeimporteerd: parsed.rowsRead - parsed.skipped,
    rijenOvergeslagen: parsed.skipped,
  });
  db.run('DELETE FROM postcode_buurt');
  db.run(`DELETE FROM bron WHERE soort = 'postcodes' AND id <> ?`, [bronId]);
  const stmt = db.raw.prepare(
    'INSERT INTO postcode_buurt (pc6, buurt_code, adressen, jaar, bron_id) VALUES (?,?,?,?,?)',
  );
  try {
    for (const [pc, buurten] of parsed.pairs) {
      for (const [code, n] of buurten) stmt.run([pc, code, n, parsed.jaar, bronId]);
    }
  } finally {
    stmt.free();
  }
  const known = Number(
    db.value(`SELECT count(DISTINCT buurt_code) FROM postcode_buurt WHERE buurt_code IN (SELECT code FROM gebied)`),
  );
  const all = Number(db.value('SELECT count(DISTINCT buurt_code) FROM postcode_buurt'));
  const best = `(SELECT g.id FROM postcode_buurt p JOIN gebied g ON g.code = p.buurt_code
      WHERE p.pc6 = replace(%s.postcode, ' ', '') ORDER BY p.adressen DESC, g.jaar DESC LIMIT 1)`;
  db.run(
    `UPDATE organisatie SET gebied_id = ${best.replace('%s', 'organisatie')}, gewijzigd = ?
     WHERE gebied_id IS NULL AND postcode IS NOT NULL AND ${best.replace('%s', 'organisatie')} IS NOT NULL`,
    [now],
  );
  let gekoppeld = db.changes();
  db.run(
    `UPDATE voorziening SET locatie_gebied_id = ${best.replace('%s', 'voorziening')}, gewijzigd = ?
     WHERE locatie_gebied_id IS NULL AND postcode IS NOT NULL AND ${best.replace('%s', 'voorziening')} IS NOT NULL`,
    [now],
  );
  gekoppeld += db.changes();
  return { bronId, postcodes: parsed.pairs.size, gekoppeld, onbekendeBuurten: all - known };
}
