import type { ProjectDb } from '../connection';
import { AppException } from '../../result';
import type { ScenarioParameters } from '../../analysis/scenario';

export interface Scenario {
  readonly id: number;
  readonly naam: string;
  readonly parameters: ScenarioParameters;
  readonly gewijzigd: string;
}

export function listScenarios(db: ProjectDb): Scenario[] {
  return db
    .all<{ id: number; naam: string; parameters: string; gewijzigd: string }>(
      'SELECT id, naam, parameters, gewijzigd FROM scenario ORDER BY naam COLLATE NOCASE, id',
    )
    .map((r) => ({ ...r, parameters: JSON.parse(r.parameters) as ScenarioParameters }));
}

export function saveScenario(
  db: ProjectDb,
  id: number | null,
  naam: string,
  parameters: ScenarioParameters,
  now: string,
): Scenario {
  const n = naam.trim().replace(/\s+/g, ' ');
  if (!n) throw new AppException('invoer.ongeldig', { veld: 'naam', code: 'verplicht' });
  if (id === null) {
    db.run('INSERT INTO scenario (naam, parameters, aangemaakt, gewijzigd) VALUES (?, ?, ?, ?)', [
      n,
      JSON.stringify(parameters),
      now,
      now,
    ]);
    id = Number(db.value('SELECT last_insert_rowid()'));
  } else {
    db.run('UPDATE scenario SET naam = ?, parameters = ?, gewijzigd = ? WHERE id = ?', [
      n,
      JSON.stringify(parameters),
      now,
      id,
    ]);
    if (db.changes() === 0) throw new AppException('item.niet-gevonden', { soort: 'scenario', id });
  }
  return listScenarios(db).find((s) => s.id === id)!;
}

export function deleteScenario(db: ProjectDb, id: number): number {
  db.run('DELETE FROM scenario WHERE id = ?', [id]);
  return db.changes();
}
