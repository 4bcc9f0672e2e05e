/**
 * What the list importers (partners, verwijzingen, taxonomy values, Cognos) read and write in the project besides
 * the items themselves: names and aliases to match against, ids that must exist, remembered mappings.
 */
import type { ProjectDb } from '../connection';
import type { Taxonomy } from '../../model/taxonomies';
import { bewaard } from './versies';

/** The organisations (id, name, and what else tells two apart) in id order. */
export function organisatieNamen(db: ProjectDb) {
  return db.all<{ id: number; naam: string; postcode: string | null; website: string | null; plaats: string | null }>(
    'SELECT id, naam, postcode, website, plaats FROM organisatie ORDER BY id',
  );
}

/** Names seen for an organisation before, by comparison key. */
export function organisatieAliassen(db: ProjectDb) {
  return db.all<{ sleutel: string; organisatie_id: number }>('SELECT sleutel, organisatie_id FROM organisatie_alias');
}

export function bewaarOrganisatieAlias(db: ProjectDb, sleutel: string, organisatieId: number, naam: string): void {
  db.run('INSERT OR REPLACE INTO organisatie_alias (sleutel, organisatie_id, naam) VALUES (?, ?, ?)', [
    sleutel,
    organisatieId,
    naam,
  ]);
}

export function voorzieningNamen(db: ProjectDb) {
  return db.all<{ id: number; naam: string }>('SELECT id, naam FROM voorziening ORDER BY id');
}

/** The name of an organisation or voorziening, or null when there is none with that id. */
export function knoopNaam(db: ProjectDb, soort: 'organisatie' | 'voorziening', id: number): string | null {
  // Fixed statements per kind: `soort` comes from the user's choice and never becomes part of the SQL.
  const n = db.value(
    soort === 'voorziening' ? 'SELECT naam FROM voorziening WHERE id = ?' : 'SELECT naam FROM organisatie WHERE id = ?',
    [id],
  );
  return typeof n === 'string' ? n : null;
}

/** True when an item with this id exists. */
export function bestaat(db: ProjectDb, soort: 'organisatie' | 'voorziening' | 'relatie', id: number): boolean {
  const sql = {
    organisatie: 'SELECT 1 FROM organisatie WHERE id = ?',
    voorziening: 'SELECT 1 FROM voorziening WHERE id = ?',
    relatie: 'SELECT 1 FROM relatie WHERE id = ?',
  }[soort];
  return db.value(sql, [id]) === 1;
}

/** An offer of this organisation with this name (case ignored), the oldest first; or null. */
export function voorzieningVanOrganisatie(db: ProjectDb, organisatieId: number | null, naam: string): number | null {
  const id = db.value(
    'SELECT id FROM voorziening WHERE organisatie_id = ? AND lower(naam) = lower(?) ORDER BY id LIMIT 1',
    [organisatieId, naam],
  );
  return typeof id === 'number' ? id : null;
}

/** The relation of this kind between these two ends, if there is one. */
export function bestaandeRelatie(
  db: ProjectDb,
  soort: string,
  van: { soort: 'organisatie' | 'voorziening'; id: number },
  naar: { soort: 'organisatie' | 'voorziening'; id: number },
): number | null {
  const vanKolom = van.soort === 'voorziening' ? 'van_voorziening_id' : 'van_organisatie_id';
  const naarKolom = naar.soort === 'voorziening' ? 'naar_voorziening_id' : 'naar_organisatie_id';
  const id = db.value(
    `SELECT id FROM relatie WHERE soort = ? AND ${vanKolom} = ? AND ${naarKolom} = ? ORDER BY id LIMIT 1`,
    [soort, van.id, naar.id],
  );
  return typeof id === 'number' ? id : null;
}

/** What a list may name a gebied by: its alias, or a code of a year's division. */
export function gebiedAliassen(db: ProjectDb) {
  return db.all<{ alias: string; gebied_code: string }>('SELECT alias, gebied_code FROM gebied_alias');
}

export function gebiedCodes(db: ProjectDb): ReadonlySet<string> {
  // Kept while the gebieden stay the same (tens of thousands with several years of the whole country).
  return bewaard(
    db,
    'gebied',
    'codes',
    () =>
      new Set(db.all<{ code: string }>(`SELECT DISTINCT code FROM gebied WHERE jaar IS NOT NULL`).map((r) => r.code)),
  );
}

/** True when the CBS postcode table has been imported. */
export function heeftPostcodes(db: ProjectDb): boolean {
  return db.value('SELECT 1 FROM postcode_buurt LIMIT 1') === 1;
}

/** The buurt of a PC6 postcode (the one with most addresses when it spans two), or null. */
export function buurtVanPostcode(db: ProjectDb, pc6: string): string | null {
  const c = db.value(`SELECT buurt_code FROM postcode_buurt WHERE pc6 = ? ORDER BY adressen DESC, jaar DESC LIMIT 1`, [
    pc6,
  ]);
  return typeof c === 'string' ? c : null;
}

/** The taxonomy items and the values mapped to them before (the import remembers "W&I" = werk_inkomen). */
export function taxonomieWaarden(db: ProjectDb) {
  return {
    items: db.all<{ taxonomie: Taxonomy; code: string; label: string }>(
      'SELECT taxonomie, code, label FROM taxonomie_item ORDER BY taxonomie, volgorde',
    ),
    aliassen: db.all<{ taxonomie: Taxonomy; waarde: string; code: string }>(
      'SELECT taxonomie, waarde, code FROM taxonomie_alias',
    ),
  };
}

/** A value a list used, added to a taxonomy at the end. */
export function voegTaxonomieItemToe(db: ProjectDb, taxonomie: Taxonomy, code: string, label: string): void {
  const volgorde = Number(
    db.value('SELECT coalesce(max(volgorde), 0) + 1 FROM taxonomie_item WHERE taxonomie = ?', [taxonomie]),
  );
  db.run('INSERT INTO taxonomie_item (taxonomie, code, label, volgorde) VALUES (?, ?, ?, ?)', [
    taxonomie,
    code,
    label,
    volgorde,
  ]);
}

export function bewaarTaxonomieAlias(db: ProjectDb, taxonomie: Taxonomy, waarde: string, code: string): void {
  db.run('INSERT OR REPLACE INTO taxonomie_alias (taxonomie, waarde, code) VALUES (?, ?, ?)', [
    taxonomie,
    waarde,
    code,
  ]);
}
