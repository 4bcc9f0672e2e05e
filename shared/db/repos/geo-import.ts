/** What the map import reads and writes in the project: gebieden to join polygons to, new gebieden, polygons. */
import type { ProjectDb } from '../connection';

/** The gebied ids by code (the given year first, then the newest), and the buurten's names. */
export function gebiedenOmTeKoppelen(
  db: ProjectDb,
  jaar: number | null,
): { byCode: Map<string, number>; buurten: { id: number; naam: string }[] } {
  const byCode = new Map<string, number>();
  for (const g of db.all<{ id: number; code: string }>(
    'SELECT id, code FROM gebied WHERE jaar IS NOT NULL ORDER BY CASE WHEN jaar = ? THEN 0 ELSE 1 END, jaar DESC',
    [jaar ?? 0],
  )) {
    if (!byCode.has(g.code)) byCode.set(g.code, g.id);
  }
  const buurten = db.all<{ id: number; naam: string }>(`SELECT id, naam FROM gebied WHERE niveau = 'buurt'`);
  return { byCode, buurten };
}

/** The id of a gebied of that code and year; added (with its bron) when the project does not have it yet. */
export function zorgVoorGebied(
  db: ProjectDb,
  g: {
    code: string;
    naam: string;
    niveau: 'gemeente' | 'wijk' | 'buurt';
    ouderId: number | null;
    jaar: number;
    bronId: number;
  },
): number {
  const id = db.value('SELECT id FROM gebied WHERE code = ? AND jaar = ?', [g.code, g.jaar]);
  if (typeof id === 'number') return id;
  db.run('INSERT INTO gebied (code, naam, niveau, ouder_id, jaar, bron_id) VALUES (?, ?, ?, ?, ?, ?)', [
    g.code,
    g.naam,
    g.niveau,
    g.ouderId,
    g.jaar,
    g.bronId,
  ]);
  return Number(db.value('SELECT last_insert_rowid()'));
}

/** Stores a gebied's polygon (WGS84 MultiPolygon coordinates), replacing an earlier one. */
export function schrijfGeometrie(
  db: ProjectDb,
  gebiedId: number,
  coordinates: unknown,
  bbox: readonly [number, number, number, number],
  bronId: number,
): void {
  db.run(
    `INSERT INTO geometrie (gebied_id, geojson, min_x, min_y, max_x, max_y, bron_id) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (gebied_id) DO UPDATE SET geojson = excluded.geojson, min_x = excluded.min_x, min_y = excluded.min_y,
       max_x = excluded.max_x, max_y = excluded.max_y, bron_id = excluded.bron_id`,
    [gebiedId, JSON.stringify({ type: 'MultiPolygon', coordinates }), ...bbox, bronId],
  );
}
