import type { Migration } from './types';

/**
 * Version 4: what keeping the sociale kaart clean needs. The CBS postcode table (PC6 → buurt) as a reference, the
 * names under which merged organisations were known (so a later list with the old spelling matches), and the
 * user's mapping of taxonomy values written differently ("W&I" → werk_inkomen).
 */
export const migration0004: Migration = {
  version: 4,
  name: 'sociale-kaart',
  up(db) {
    db.execScript(`
-- CBS "buurt, wijk en gemeente per postcode": per PC6 the buurten it lies in, with the number of addresses when the
-- file has house numbers (a PC6 may span two buurten). Up to half a million rows for the whole country.
CREATE TABLE postcode_buurt (
  pc6 TEXT NOT NULL CHECK (length(pc6) = 6),
  buurt_code TEXT NOT NULL,
  adressen INTEGER NOT NULL DEFAULT 1 CHECK (adressen >= 0),
  jaar INTEGER,
  bron_id INTEGER REFERENCES bron(id) ON DELETE CASCADE,
  PRIMARY KEY (pc6, buurt_code)
) STRICT, WITHOUT ROWID;

-- Other names of an organisation: the names of organisations merged into it, and spellings confirmed in imports.
CREATE TABLE organisatie_alias (
  sleutel TEXT PRIMARY KEY,
  organisatie_id INTEGER NOT NULL REFERENCES organisatie(id) ON DELETE CASCADE,
  naam TEXT NOT NULL
) STRICT;
CREATE INDEX organisatie_alias_organisatie ON organisatie_alias(organisatie_id);

-- A taxonomy value as written in imported lists, mapped by the user to an item of the taxonomy.
CREATE TABLE taxonomie_alias (
  taxonomie TEXT NOT NULL,
  waarde TEXT NOT NULL,
  code TEXT NOT NULL,
  PRIMARY KEY (taxonomie, waarde)
) STRICT;

CREATE INDEX voorziening_werkgebied_gebied ON voorziening_werkgebied(gebied_id);
CREATE INDEX relatie_volume_bron ON relatie_volume(bron_id);
`);
  },
};
