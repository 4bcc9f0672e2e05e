import type { ProjectDb } from '../connection';
import { AppException } from '../../result';
import type { SnapshotInfo } from '../../report/model';
import type { SnapshotInhoud } from '../../report/snapshot';

/** A real calendar date written as YYYY-MM-DD (2024-02-30 is not one). */
export function isDatum(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

type Row = { id: number; naam: string; peildatum: string; gemaakt_op: string; o: number; v: number; r: number };

const COLUMNS = `id, naam, peildatum, gemaakt_op,
  coalesce(json_array_length(inhoud, '$.organisaties'), 0) AS o,
  coalesce(json_array_length(inhoud, '$.voorzieningen'), 0) AS v,
  coalesce(json_array_length(inhoud, '$.relaties'), 0) AS r`;

const toInfo = (r: Row): SnapshotInfo => ({
  id: r.id,
  naam: r.naam,
  peildatum: r.peildatum,
  gemaaktOp: r.gemaakt_op,
  organisaties: r.o,
  voorzieningen: r.v,
  relaties: r.r,
});

/** Newest stuurgroep date first. */
export function listSnapshots(db: ProjectDb): SnapshotInfo[] {
  return db.all<Row>(`SELECT ${COLUMNS} FROM snapshot ORDER BY peildatum DESC, id DESC`).map(toInfo);
}

export function insertSnapshot(
  db: ProjectDb,
  naam: string,
  peildatum: string,
  inhoud: SnapshotInhoud,
  now: string,
): SnapshotInfo {
  const clean = naam.trim().replace(/\s+/g, ' ');
  if (!clean) throw new AppException('invoer.ongeldig', { veld: 'naam', code: 'verplicht' });
  if (clean.length > 120) throw new AppException('invoer.ongeldig', { veld: 'naam', code: 'te-lang', max: 120 });
  if (!isDatum(peildatum)) throw new AppException('invoer.ongeldig', { veld: 'peildatum', code: 'datum' });
  db.run('INSERT INTO snapshot (naam, peildatum, gemaakt_op, inhoud) VALUES (?, ?, ?, ?)', [
    clean,
    peildatum,
    now,
    JSON.stringify(inhoud),
  ]);
  const id = Number(db.value('SELECT last_insert_rowid()'));
  return toInfo(db.get<Row>(`SELECT ${COLUMNS} FROM snapshot WHERE id = ?`, [id])!);
}

export function deleteSnapshot(db: ProjectDb, id: number): number {
  db.run('DELETE FROM snapshot WHERE id = ?', [id]);
  if (db.changes() === 0) throw new AppException('item.niet-gevonden', { soort: 'snapshot', id });
  return id;
}

/** The snapshot of a stuurgroep date (the newest made that day), or null. */
export function snapshotOp(db: ProjectDb, peildatum: string): { info: SnapshotInfo; inhoud: SnapshotInhoud } | null {
  const r = db.get<Row & { inhoud: string }>(
    `SELECT ${COLUMNS}, inhoud FROM snapshot WHERE peildatum = ? ORDER BY id DESC LIMIT 1`,
    [peildatum],
  );
  return r ? { info: toInfo(r), inhoud: JSON.parse(r.inhoud) as SnapshotInhoud } : null;
}

/** The newest snapshot strictly before a date, or null. */
export function snapshotVoor(db: ProjectDb, peildatum: string): { info: SnapshotInfo; inhoud: SnapshotInhoud } | null {
  const r = db.get<{ peildatum: string }>(
    'SELECT peildatum FROM snapshot WHERE peildatum < ? ORDER BY peildatum DESC, id DESC LIMIT 1',
    [peildatum],
  );
  return r ? snapshotOp(db, r.peildatum) : null;
}
