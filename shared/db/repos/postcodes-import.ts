/** The CBS postcode table (PC6 → buurt) in the project, and the buurt of items that only have a postcode. */
import type { ProjectDb } from '../connection';
import type { ImportFile } from '../../importers/types';
import type { ParsedPostcodes } from '../../importers/partners/postcodes';
import { insertBron } from './bronnen';

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
