import type { Migration } from './types';

/**
 * Version 8: Samenwerken (issue 19). A team project keeps its Automerge document in the project file, so a shared
 * project is still one file that opens offline: the document's chunks (`sync_chunk`, written by automerge-repo
 * through a storage adapter), the team settings (`sync_staat`: document id, server, invite token, the member's name),
 * which stable document key belongs to which local row id (`sync_id`), and what the team still has to look at
 * (`sync_conflict`: concurrent values of one field, a relation whose end was deleted, an item that could not be
 * shown). All WITHOUT ROWID: the undo log does not record them (the document is the truth; an undo of a shared edit is
 * a new change, not a rewind of these tables).
 */
export const migration0008: Migration = {
  version: 8,
  name: 'samenwerken',
  up(db) {
    db.execScript(`
CREATE TABLE sync_chunk (
  sleutel TEXT PRIMARY KEY,
  data BLOB NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE sync_staat (
  naam TEXT PRIMARY KEY CHECK (naam IN ('document','server','token','lid','gesynchroniseerd','kop')),
  waarde TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE sync_id (
  soort TEXT NOT NULL CHECK (soort IN ('organisatie','voorziening','relatie')),
  sleutel TEXT NOT NULL CHECK (length(sleutel) > 0),
  lokaal_id INTEGER NOT NULL,
  PRIMARY KEY (soort, sleutel),
  UNIQUE (soort, lokaal_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE sync_conflict (
  soort TEXT NOT NULL CHECK (soort IN ('organisatie','voorziening','relatie')),
  sleutel TEXT NOT NULL,
  veld TEXT NOT NULL,
  soort_melding TEXT NOT NULL CHECK (soort_melding IN ('conflict','verwijderd-eind','niet-getoond')),
  details TEXT NOT NULL CHECK (json_valid(details)),
  PRIMARY KEY (soort, sleutel, veld)
) STRICT, WITHOUT ROWID;
`);
  },
};
