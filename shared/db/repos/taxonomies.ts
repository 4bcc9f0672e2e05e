import type { ProjectDb } from '../connection';
import { DEFAULT_TAXONOMIES, TAXONOMIES, type Taxonomy } from '../../model/taxonomies';
import type { TaxonomieItemInput, TaxonomieItemRow } from '../../model/sociale-kaart';
import { AppException } from '../../result';

/** Fills the taxonomies of a new project with the defaults shipped in data/taxonomieen.json. */
export function seedDefaultTaxonomies(db: ProjectDb): void {
  for (const taxonomie of TAXONOMIES) {
    DEFAULT_TAXONOMIES[taxonomie].forEach((item, i) => {
      db.run(
        `INSERT INTO taxonomie_item (taxonomie, code, label, omschrijving, volgorde, eigenschappen)
         VALUES (?, ?, ?, ?, ?, ?)`,
        [taxonomie, item.code, item.label, item.omschrijving ?? null, i + 1, JSON.stringify(item.eigenschappen ?? {})],
      );
    });
  }
}

const IN_GEBRUIK: Record<Taxonomy, string> = {
  leefgebied: 'SELECT count(*) FROM voorziening_leefgebied WHERE leefgebied = t.code',
  doelgroep: 'SELECT count(*) FROM voorziening_doelgroep WHERE doelgroep = t.code',
  preventieniveau: 'SELECT count(*) FROM voorziening WHERE preventieniveau = t.code',
  soort_organisatie: 'SELECT count(*) FROM organisatie WHERE soort = t.code',
  relatietype: 'SELECT count(*) FROM relatie WHERE soort = t.code',
  afhandeling: "SELECT count(*) FROM meting WHERE maat = 'afhandeling' AND afhandeling = t.code",
};

export function listTaxonomieItems(db: ProjectDb, only?: Taxonomy): TaxonomieItemRow[] {
  let rows: TaxonomieItemRow[] = [];
  for (const taxonomie of TAXONOMIES) {
    if (only && only !== taxonomie) continue;
    // concat, not push(...list): a spread of a data-sized array overflows the call stack.
    rows = rows.concat(
      db
        .all<{ code: string; label: string; omschrijving: string | null; volgorde: number; n: number }>(
          `SELECT t.code, t.label, t.omschrijving, t.volgorde, (${IN_GEBRUIK[taxonomie]}) AS n
           FROM taxonomie_item t WHERE t.taxonomie = ? ORDER BY t.volgorde, t.code`,
          [taxonomie],
        )
        .map((r) => ({
          taxonomie,
          code: r.code,
          label: r.label,
          omschrijving: r.omschrijving,
          volgorde: r.volgorde,
          inGebruik: r.n,
        })),
    );
  }
  return rows;
}

/** A code made from a label: "Werk en Inkomen" → "werk_en_inkomen" (unique within the taxonomy). */
export function codeFromLabel(db: ProjectDb, taxonomie: Taxonomy, label: string): string {
  const base =
    label
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 40) || 'item';
  let code = base;
  for (let i = 2; db.value('SELECT 1 FROM taxonomie_item WHERE taxonomie = ? AND code = ?', [taxonomie, code]); i++) {
    code = `${base}_${i}`;
  }
  return code;
}

export function saveTaxonomieItem(
  db: ProjectDb,
  taxonomie: Taxonomy,
  code: string | null,
  input: TaxonomieItemInput,
  /** A new item with this code (a teammate's value: the code is its key in the team). */
  vasteCode?: string,
): string {
  const label = input.label.trim().replace(/\s+/g, ' ');
  if (!label) throw new AppException('invoer.ongeldig', { veld: 'label', code: 'verplicht' });
  if (label.length > 200) throw new AppException('invoer.ongeldig', { veld: 'label', code: 'te-lang', max: 200 });
  const omschrijving = input.omschrijving?.trim() || null;
  const sameLabel = db.value(
    'SELECT code FROM taxonomie_item WHERE taxonomie = ? AND lower(label) = lower(?) AND code IS NOT ?',
    [taxonomie, label, code],
  );
  if (typeof sameLabel === 'string') {
    throw new AppException('invoer.ongeldig', { veld: 'label', code: 'bestaat-al', waarde: label });
  }
  if (code === null) {
    const newCode = vasteCode ?? codeFromLabel(db, taxonomie, label);
    const volgorde = Number(
      db.value('SELECT coalesce(max(volgorde), 0) + 1 FROM taxonomie_item WHERE taxonomie = ?', [taxonomie]),
    );
    db.run('INSERT INTO taxonomie_item (taxonomie, code, label, omschrijving, volgorde) VALUES (?, ?, ?, ?, ?)', [
      taxonomie,
      newCode,
      label,
      omschrijving,
      volgorde,
    ]);
    return newCode;
  }
  db.run('UPDATE taxonomie_item SET label = ?, omschrijving = ? WHERE taxonomie = ? AND code = ?', [
    label,
    omschrijving,
    taxonomie,
    code,
  ]);
  if (db.changes() === 0) throw new AppException('item.niet-gevonden', { soort: taxonomie, id: code });
  return code;
}

export function deleteTaxonomieItem(db: ProjectDb, taxonomie: Taxonomy, code: string): number {
  const row = listTaxonomieItems(db, taxonomie).find((r) => r.code === code);
  if (!row) throw new AppException('item.niet-gevonden', { soort: taxonomie, id: code });
  if (row.inGebruik > 0) throw new AppException('taxonomie.in-gebruik', { label: row.label, aantal: row.inGebruik });
  db.run('DELETE FROM taxonomie_item WHERE taxonomie = ? AND code = ?', [taxonomie, code]);
  db.run('DELETE FROM taxonomie_alias WHERE taxonomie = ? AND code = ?', [taxonomie, code]);
  return 1;
}

export function hasTaxonomieItem(db: ProjectDb, taxonomie: Taxonomy, code: string): boolean {
  return db.value('SELECT 1 FROM taxonomie_item WHERE taxonomie = ? AND code = ?', [taxonomie, code]) !== undefined;
}
