import type { ProjectDb } from '../connection';
import { AppException } from '../../result';

export interface ProjectRow {
  readonly naam: string;
  readonly aangemaakt: string;
  readonly gewijzigd: string;
  readonly app_versie: string;
}

export function insertProject(db: ProjectDb, naam: string, now: string, appVersion: string): void {
  db.run('INSERT INTO project (id, naam, aangemaakt, gewijzigd, app_versie) VALUES (1, ?, ?, ?, ?)', [
    naam,
    now,
    now,
    appVersion,
  ]);
}

export function getProject(db: ProjectDb): ProjectRow {
  const row = db.get<ProjectRow>('SELECT naam, aangemaakt, gewijzigd, app_versie FROM project WHERE id = 1');
  if (!row) throw new AppException('bestand.geen-projectgegevens');
  return row;
}

export function renameProject(db: ProjectDb, naam: string, now: string): void {
  db.run('UPDATE project SET naam = ?, gewijzigd = ? WHERE id = 1', [naam, now]);
}

export function touchProject(db: ProjectDb, now: string): void {
  db.run('UPDATE project SET gewijzigd = ? WHERE id = 1', [now]);
}

export type Genummerd = 'organisatie' | 'voorziening' | 'relatie' | 'bron';

/** The next id of a table: higher than any id it ever had, so an old export can never point at a new item. */
export function nextId(db: ProjectDb, tabel: Genummerd): number {
  // One statement (an import gives thousands of numbers).
  return Number(
    db.value(
      `INSERT INTO volgnummer (tabel, laatste)
       VALUES (?1, max(coalesce((SELECT laatste FROM volgnummer WHERE tabel = ?1), 0),
                       (SELECT coalesce(max(id), 0) FROM ${tabel})) + 1)
       ON CONFLICT (tabel) DO UPDATE SET laatste = excluded.laatste
       RETURNING laatste`,
      [tabel],
    ),
  );
}
