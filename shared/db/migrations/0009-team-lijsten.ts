import type { Migration } from './types';

/**
 * Version 9: the team also shares its lists (taxonomies, keyed `taxonomie/code`), the Pilotmonitor's goals and the
 * saved scenarios (issue 19): a review entry and a stable key can be about those too. SQLite cannot change a CHECK in
 * place: the two tables are made anew with their rows.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'team-lijsten',
  up(db) {
    db.execScript(`
CREATE TABLE sync_conflict_nieuw (
  soort TEXT NOT NULL CHECK (soort IN ('organisatie','voorziening','relatie','taxonomie','doel','scenario')),
  sleutel TEXT NOT NULL,
  veld TEXT NOT NULL,
  soort_melding TEXT NOT NULL CHECK (soort_melding IN ('conflict','verwijderd-eind','niet-getoond')),
  details TEXT NOT NULL CHECK (json_valid(details)),
  PRIMARY KEY (soort, sleutel, veld)
) STRICT, WITHOUT ROWID;
INSERT INTO sync_conflict_nieuw SELECT soort, sleutel, veld, soort_melding, details FROM sync_conflict;
DROP TABLE sync_conflict;
ALTER TABLE sync_conflict_nieuw RENAME TO sync_conflict;

CREATE TABLE sync_id_nieuw (
  soort TEXT NOT NULL CHECK (soort IN ('organisatie','voorziening','relatie','doel','scenario')),
  sleutel TEXT NOT NULL CHECK (length(sleutel) > 0),
  lokaal_id INTEGER NOT NULL,
  PRIMARY KEY (soort, sleutel),
  UNIQUE (soort, lokaal_id)
) STRICT, WITHOUT ROWID;
INSERT INTO sync_id_nieuw SELECT soort, sleutel, lokaal_id FROM sync_id;
DROP TABLE sync_id;
ALTER TABLE sync_id_nieuw RENAME TO sync_id;
`);
  },
};
