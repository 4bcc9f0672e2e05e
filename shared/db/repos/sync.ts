import type { ProjectDb } from '../connection';
import type { EntiteitSoort } from '../../model/sociale-kaart';
import type { IdSoort, TeamSoort } from '../../sync/model';

/** The team tables of a shared project (migration 0008): document chunks, settings, id map, review list. */

export type SyncStaatNaam = 'document' | 'server' | 'token' | 'lid' | 'gesynchroniseerd' | 'kop';

// ---------------------------------------------------------------- chunks (the automerge-repo storage adapter)

export function chunkLaden(db: ProjectDb, sleutel: string): Uint8Array | undefined {
  const v = db.value('SELECT data FROM sync_chunk WHERE sleutel = ?', [sleutel]);
  return v instanceof Uint8Array ? v : undefined;
}

export function chunkBewaren(db: ProjectDb, sleutel: string, data: Uint8Array): void {
  db.run(
    'INSERT INTO sync_chunk (sleutel, data) VALUES (?, ?) ON CONFLICT (sleutel) DO UPDATE SET data = excluded.data',
    [sleutel, data],
  );
}

export function chunkVerwijderen(db: ProjectDb, sleutel: string): void {
  db.run('DELETE FROM sync_chunk WHERE sleutel = ?', [sleutel]);
}

/** Keys are joined with '/'; a prefix matches itself and everything below it. */
export function chunksLaden(db: ProjectDb, prefix: string): { sleutel: string; data: Uint8Array }[] {
  return db.all<{ sleutel: string; data: Uint8Array }>(
    `SELECT sleutel, data FROM sync_chunk WHERE sleutel = ?1 OR substr(sleutel, 1, length(?1) + 1) = ?1 || '/'
     ORDER BY sleutel`,
    [prefix],
  );
}

export function chunksVerwijderen(db: ProjectDb, prefix: string): void {
  db.run(`DELETE FROM sync_chunk WHERE sleutel = ?1 OR substr(sleutel, 1, length(?1) + 1) = ?1 || '/'`, [prefix]);
}

export function chunkBytes(db: ProjectDb): number {
  return Number(db.value('SELECT coalesce(sum(length(data)), 0) FROM sync_chunk'));
}

// ---------------------------------------------------------------- settings

export function syncStaat(db: ProjectDb, naam: SyncStaatNaam): string | null {
  const v = db.value('SELECT waarde FROM sync_staat WHERE naam = ?', [naam]);
  return typeof v === 'string' ? v : null;
}

export function zetSyncStaat(db: ProjectDb, naam: SyncStaatNaam, waarde: string): void {
  db.run(
    'INSERT INTO sync_staat (naam, waarde) VALUES (?, ?) ON CONFLICT (naam) DO UPDATE SET waarde = excluded.waarde',
    [naam, waarde],
  );
}

// ---------------------------------------------------------------- stable keys ↔ local ids

export function lokaalId(db: ProjectDb, soort: IdSoort, sleutel: string): number | null {
  const v = db.value('SELECT lokaal_id FROM sync_id WHERE soort = ? AND sleutel = ?', [soort, sleutel]);
  return typeof v === 'number' ? v : null;
}

export function sleutelVan(db: ProjectDb, soort: IdSoort, id: number): string | null {
  const v = db.value('SELECT sleutel FROM sync_id WHERE soort = ? AND lokaal_id = ?', [soort, id]);
  return typeof v === 'string' ? v : null;
}

export function koppelId(db: ProjectDb, soort: IdSoort, sleutel: string, id: number): void {
  db.run('DELETE FROM sync_id WHERE soort = ? AND lokaal_id = ?', [soort, id]);
  db.run('INSERT OR REPLACE INTO sync_id (soort, sleutel, lokaal_id) VALUES (?, ?, ?)', [soort, sleutel, id]);
}

export function ontkoppelId(db: ProjectDb, soort: IdSoort, sleutel: string): void {
  db.run('DELETE FROM sync_id WHERE soort = ? AND sleutel = ?', [soort, sleutel]);
}

/** Every local row of the sociale kaart without a document key (a first share, or rows made before). */
export function idsZonderSleutel(db: ProjectDb, soort: EntiteitSoort): number[] {
  const sql =
    soort === 'organisatie'
      ? `SELECT id FROM organisatie WHERE id NOT IN (SELECT lokaal_id FROM sync_id WHERE soort = 'organisatie') ORDER BY id`
      : soort === 'voorziening'
        ? `SELECT id FROM voorziening WHERE id NOT IN (SELECT lokaal_id FROM sync_id WHERE soort = 'voorziening') ORDER BY id`
        : `SELECT id FROM relatie WHERE id NOT IN (SELECT lokaal_id FROM sync_id WHERE soort = 'relatie') ORDER BY id`;
  return db.all<{ id: number }>(sql).map((r) => r.id);
}

// ---------------------------------------------------------------- review list ("Wijzigingen om na te kijken")

export type MeldingSoort = 'conflict' | 'verwijderd-eind' | 'niet-getoond';

export interface SyncMeldingRij {
  readonly soort: TeamSoort;
  readonly sleutel: string;
  readonly veld: string;
  readonly melding: MeldingSoort;
  readonly details: unknown;
}

/** Replaces the review entries of these items by `rijen` (the entries of the same items, computed afresh). */
export function vervangMeldingen(
  db: ProjectDb,
  items: readonly { soort: TeamSoort; sleutel: string }[] | 'alles',
  rijen: readonly SyncMeldingRij[],
): void {
  if (items === 'alles') db.run('DELETE FROM sync_conflict');
  else for (const i of items) db.run('DELETE FROM sync_conflict WHERE soort = ? AND sleutel = ?', [i.soort, i.sleutel]);
  for (const r of rijen) {
    db.run(
      'INSERT OR REPLACE INTO sync_conflict (soort, sleutel, veld, soort_melding, details) VALUES (?, ?, ?, ?, ?)',
      [r.soort, r.sleutel, r.veld, r.melding, JSON.stringify(r.details)],
    );
  }
}

export function listMeldingen(db: ProjectDb): SyncMeldingRij[] {
  return db
    .all<{ soort: EntiteitSoort; sleutel: string; veld: string; soort_melding: MeldingSoort; details: string }>(
      'SELECT soort, sleutel, veld, soort_melding, details FROM sync_conflict ORDER BY soort, sleutel, veld',
    )
    .map((r) => ({
      soort: r.soort,
      sleutel: r.sleutel,
      veld: r.veld,
      melding: r.soort_melding,
      details: JSON.parse(r.details) as unknown,
    }));
}

/** Forget the keys of rows that are gone (a delete cascades relaties locally; their keys stay in the document). */
export function opruimenIds(db: ProjectDb): void {
  db.run(`DELETE FROM sync_id WHERE soort = 'doel' AND lokaal_id NOT IN (SELECT id FROM doel)`);
  db.run(`DELETE FROM sync_id WHERE soort = 'scenario' AND lokaal_id NOT IN (SELECT id FROM scenario)`);
  db.run(`DELETE FROM sync_id WHERE soort = 'organisatie' AND lokaal_id NOT IN (SELECT id FROM organisatie)`);
  db.run(`DELETE FROM sync_id WHERE soort = 'voorziening' AND lokaal_id NOT IN (SELECT id FROM voorziening)`);
  db.run(`DELETE FROM sync_id WHERE soort = 'relatie' AND lokaal_id NOT IN (SELECT id FROM relatie)`);
}

/** The imported files of the project (for the team's manifest: who has which version; the figures stay local). */
export function bronManifest(db: ProjectDb): { soort: string; bestand: string; sha256: string; op: string }[] {
  return db.all<{ soort: string; bestand: string; sha256: string; op: string }>(
    `SELECT soort, bestandsnaam AS bestand, sha256, geimporteerd_op AS op FROM bron
     WHERE sha256 IS NOT NULL AND bestandsnaam IS NOT NULL ORDER BY id`,
  );
}

/** The project is no team project (a share that did not reach the server): chunks, keys, settings and list gone. */
export function vergeetTeam(db: ProjectDb): void {
  db.transaction(() => {
    db.run('DELETE FROM sync_chunk');
    db.run('DELETE FROM sync_id');
    db.run('DELETE FROM sync_staat');
    db.run('DELETE FROM sync_conflict');
  });
}

/** How many items of this kind the project shares with its team (drawn locally). */
export function aantalGedeeld(db: ProjectDb, soort: EntiteitSoort): number {
  return Number(db.value('SELECT count(*) FROM sync_id WHERE soort = ?', [soort]));
}

/** Every stable key with its local row, per kind: `soort:id` → key. */
export function listSyncIds(db: ProjectDb): Map<string, string> {
  return new Map(
    db
      .all<{ soort: IdSoort; sleutel: string; lokaal_id: number }>('SELECT soort, sleutel, lokaal_id FROM sync_id')
      .map((r) => [`${r.soort}:${r.lokaal_id}`, r.sleutel]),
  );
}

/**
 * The team tables of `van` copied into `naar` (replacing what it had): an undo that puts back a whole snapshot keeps
 * the team document and its settings as they are now (the document is the truth, not the snapshot).
 */
export function kopieerTeam(van: ProjectDb, naar: ProjectDb): void {
  naar.transaction(() => {
    for (const tabel of ['sync_chunk', 'sync_staat', 'sync_id', 'sync_conflict'] as const) {
      naar.run(`DELETE FROM ${tabel}`);
      const rijen = van.all<Record<string, Uint8Array | string | number>>(`SELECT * FROM ${tabel}`);
      for (const r of rijen) {
        const kolommen = Object.keys(r);
        naar.run(
          `INSERT INTO ${tabel} (${kolommen.join(', ')}) VALUES (${kolommen.map(() => '?').join(', ')})`,
          kolommen.map((k) => r[k]!),
        );
      }
    }
  });
}

export interface MeldingMetId {
  readonly soort: TeamSoort;
  readonly id: number | null;
  readonly sleutel: string;
  readonly naam: string | null;
  readonly veld: string;
  readonly melding: MeldingSoort;
  /** A conflict: every value, the one shown first. */
  readonly waarden?: readonly { w: string | number | boolean | null; door: string; op: string }[];
  /** Otherwise: what is missing and why. */
  readonly details?: Record<string, unknown>;
}

/** The review list with local ids and names (the app's list, `export P conflicten`, `team status`). */
export function listMeldingenMetId(db: ProjectDb): MeldingMetId[] {
  return listMeldingen(db).map((m) => {
    const d = m.details as Record<string, unknown>;
    return {
      soort: m.soort,
      id: m.soort === 'taxonomie' ? null : lokaalId(db, m.soort, m.sleutel),
      sleutel: m.sleutel,
      naam: typeof d.naam === 'string' ? d.naam : null,
      veld: m.veld,
      melding: m.melding,
      ...(m.melding === 'conflict' ? { waarden: d.waarden as NonNullable<MeldingMetId['waarden']> } : { details: d }),
    };
  });
}
