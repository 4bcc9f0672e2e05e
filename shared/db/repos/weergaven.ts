import type { ProjectDb } from '../connection';
import { AppException } from '../../result';

export type WeergaveSoort = 'netwerk' | 'kaart' | 'hiaten';

/** A named view for meetings: filters, style, layout and viewport (what is in `instellingen` is the view's own). */
export interface Weergave {
  readonly id: number;
  readonly naam: string;
  readonly soort: WeergaveSoort;
  readonly instellingen: Readonly<Record<string, unknown>>;
  readonly titel: string | null;
  readonly notitie: string | null;
  readonly volgorde: number;
  readonly gewijzigd: string;
}

export interface WeergaveInput {
  readonly naam: string;
  readonly soort: WeergaveSoort;
  readonly instellingen: Readonly<Record<string, unknown>>;
  readonly titel?: string | null;
  readonly notitie?: string | null;
}

const MAX_INSTELLINGEN = 1024 * 1024;

type Row = {
  id: number;
  naam: string;
  soort: WeergaveSoort;
  instellingen: string;
  titel: string | null;
  notitie: string | null;
  volgorde: number;
  gewijzigd: string;
};
const toWeergave = (r: Row): Weergave => ({
  ...r,
  instellingen: JSON.parse(r.instellingen) as Record<string, unknown>,
});

export function listWeergaven(db: ProjectDb, soort: WeergaveSoort): Weergave[] {
  return db
    .all<Row>(
      'SELECT id, naam, soort, instellingen, titel, notitie, volgorde, gewijzigd FROM weergave WHERE soort = ? ORDER BY volgorde, id',
      [soort],
    )
    .map(toWeergave);
}

export function saveWeergave(db: ProjectDb, id: number | null, input: WeergaveInput, now: string): Weergave {
  const naam = input.naam.trim().replace(/\s+/g, ' ');
  if (!naam) throw new AppException('invoer.ongeldig', { veld: 'naam', code: 'verplicht' });
  if (naam.length > 120) throw new AppException('invoer.ongeldig', { veld: 'naam', code: 'te-lang', max: 120 });
  const json = JSON.stringify(input.instellingen ?? {});
  if (json.length > MAX_INSTELLINGEN)
    throw new AppException('invoer.ongeldig', { veld: 'instellingen', code: 'te-lang' });
  const params = [naam, input.soort, json, input.titel?.trim() || null, input.notitie?.trim() || null];
  if (id === null) {
    // At the end of the presentation: one order over all kinds (the slides list them together).
    const volgorde = Number(db.value('SELECT coalesce(max(volgorde), 0) + 1 FROM weergave'));
    db.run(
      `INSERT INTO weergave (naam, soort, instellingen, titel, notitie, volgorde, aangemaakt, gewijzigd)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [...params, volgorde, now, now],
    );
    id = Number(db.value('SELECT last_insert_rowid()'));
  } else {
    db.run(
      'UPDATE weergave SET naam = ?, soort = ?, instellingen = ?, titel = ?, notitie = ?, gewijzigd = ? WHERE id = ?',
      [...params, now, id],
    );
    if (db.changes() === 0) throw new AppException('item.niet-gevonden', { soort: 'weergave', id });
  }
  return toWeergave(
    db.get<Row>(
      'SELECT id, naam, soort, instellingen, titel, notitie, volgorde, gewijzigd FROM weergave WHERE id = ?',
      [id],
    )!,
  );
}

/**
 * The presentation's order: the views in `ids` get volgorde 1, 2, 3… in that order. Every view must be named once
 * (a list from before another change is refused rather than half applied). Returns the number of views.
 */
export function reorderWeergaven(db: ProjectDb, ids: readonly number[]): number {
  const alle = db.all<{ id: number }>('SELECT id FROM weergave').map((r) => r.id);
  const gevraagd = new Set(ids);
  if (gevraagd.size !== ids.length || ids.length !== alle.length || alle.some((id) => !gevraagd.has(id)))
    throw new AppException('rapport.dias-veranderd');
  ids.forEach((id, i) => db.run('UPDATE weergave SET volgorde = ? WHERE id = ?', [i + 1, id]));
  return ids.length;
}

export function deleteWeergave(db: ProjectDb, id: number): number {
  db.run('DELETE FROM weergave WHERE id = ?', [id]);
  return db.changes();
}

/** The pinned node positions (kept when an undo restores a snapshot: they are the view, not the data). */
export interface KnoopPositie {
  readonly knoop: string;
  readonly x: number;
  readonly y: number;
  readonly vast: number;
}

export function listKnoopPosities(db: ProjectDb): KnoopPositie[] {
  return db.all<KnoopPositie>('SELECT knoop, x, y, vast FROM knoop_positie');
}

export function replaceKnoopPosities(db: ProjectDb, posities: readonly KnoopPositie[]): void {
  db.run('DELETE FROM knoop_positie');
  for (const p of posities)
    db.run('INSERT INTO knoop_positie (knoop, x, y, vast) VALUES (?, ?, ?, ?)', [p.knoop, p.x, p.y, p.vast]);
}
