import type { Migration } from './types';

/**
 * Version 5: numbers that are never given out twice. SQLite reuses the id of the last row after it is deleted, so an
 * export taken before a delete could, imported back, update a different organisation. `volgnummer` keeps the
 * highest id ever given per table (it only goes up, also through undo). And an index on gebied(code) for lookups
 * by code over all years.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'vaste-nummers',
  up(db) {
    db.execScript(`
CREATE TABLE volgnummer (
  tabel TEXT PRIMARY KEY CHECK (tabel IN ('organisatie', 'voorziening', 'relatie', 'bron')),
  laatste INTEGER NOT NULL CHECK (laatste >= 0)
) STRICT;
INSERT INTO volgnummer (tabel, laatste)
  SELECT 'organisatie', coalesce(max(id), 0) FROM organisatie
  UNION ALL SELECT 'voorziening', coalesce(max(id), 0) FROM voorziening
  UNION ALL SELECT 'relatie', coalesce(max(id), 0) FROM relatie
  UNION ALL SELECT 'bron', coalesce(max(id), 0) FROM bron;
CREATE INDEX gebied_code ON gebied(code);
`);
  },
};
