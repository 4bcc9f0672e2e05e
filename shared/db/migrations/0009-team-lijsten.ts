import type { Migration } from './types';

/**
 * Version 9: the team also shares its lists (taxonomies; issue 19): a review entry can be about a list value
 * (`sync_conflict.soort` 'taxonomie', keyed `taxonomie/code`). SQLite cannot change a CHECK in place: the table is
 * made anew with its rows.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'team-lijsten',
  up(db) {
    db.execScript(`
CREATE TABLE sync_conflict_nieuw (
  soort TEXT NOT NULL CHECK (soort IN ('organisatie','voorziening','relatie','taxonomie')),
  sleutel TEXT NOT NULL,
  veld TEXT NOT NULL,
  soort_melding TEXT NOT NULL CHECK (soort_melding IN ('conflict','verwijderd-eind','niet-getoond')),
  details TEXT NOT NULL CHECK (json_valid(details)),
  PRIMARY KEY (soort, sleutel, veld)
) STRICT, WITHOUT ROWID;
INSERT INTO sync_conflict_nieuw SELECT soort, sleutel, veld, soort_melding, details FROM sync_conflict;
DROP TABLE sync_conflict;
ALTER TABLE sync_conflict_nieuw RENAME TO sync_conflict;
`);
  },
};
