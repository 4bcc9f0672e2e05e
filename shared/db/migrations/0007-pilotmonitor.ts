import { AFHANDELING_STANDAARD } from '../../model/pilot';
import type { Migration } from './types';

/**
 * Version 7: the Pilotmonitor (issue 18). What happened with an aanmelding (`meting.afhandeling`, a code of the new
 * taxonomy `afhandeling`), the project's goals (`doel`) and the capacity per gebied and moment (`capaciteit`). The
 * taxonomy table is rebuilt because SQLite cannot change its CHECK in place; an existing project gets the default
 * afhandeling items (a new one gets them from data/taxonomieen.json like the other taxonomies).
 */
export const migration0007: Migration = {
  version: 7,
  name: 'pilotmonitor',
  up(db) {
    const bestaand = db.value(`SELECT count(*) FROM taxonomie_item`) !== 0;
    db.execScript(`
CREATE TABLE taxonomie_item_nieuw (
  taxonomie TEXT NOT NULL CHECK (taxonomie IN ('leefgebied','doelgroep','preventieniveau','soort_organisatie','relatietype','afhandeling')),
  code TEXT NOT NULL CHECK (length(code) > 0),
  label TEXT NOT NULL,
  omschrijving TEXT,
  volgorde INTEGER NOT NULL DEFAULT 0,
  eigenschappen TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(eigenschappen)),
  PRIMARY KEY (taxonomie, code)
) STRICT;
INSERT INTO taxonomie_item_nieuw SELECT taxonomie, code, label, omschrijving, volgorde, eigenschappen FROM taxonomie_item;
DROP TABLE taxonomie_item;
ALTER TABLE taxonomie_item_nieuw RENAME TO taxonomie_item;

-- What happened with the aanmeldingen counted in a row of maat 'afhandeling': a code of the taxonomy afhandeling.
ALTER TABLE meting ADD COLUMN afhandeling TEXT;

-- A goal of the project: a measure of a gebied, a baseline, a target, a deadline (shared/model/pilot.ts).
CREATE TABLE doel (
  id INTEGER PRIMARY KEY,
  naam TEXT NOT NULL CHECK (length(trim(naam)) > 0),
  criterium INTEGER CHECK (criterium IS NULL OR criterium BETWEEN 1 AND 99),
  maat TEXT NOT NULL CHECK (length(maat) > 0),
  gebied_code TEXT,
  wet TEXT,
  richting TEXT NOT NULL CHECK (richting IN ('niet_hoger','lager','hoger','niet_lager')),
  basis_waarde REAL,
  basis_van TEXT CHECK (basis_van IS NULL OR basis_van GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  basis_tot TEXT CHECK (basis_tot IS NULL OR basis_tot GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  doel_waarde REAL,
  deadline TEXT CHECK (deadline IS NULL OR deadline GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  marge REAL NOT NULL DEFAULT 5 CHECK (marge >= 0 AND marge <= 100),
  toelichting TEXT,
  volgorde INTEGER NOT NULL DEFAULT 0,
  aangemaakt TEXT NOT NULL,
  gewijzigd TEXT NOT NULL,
  CHECK (basis_van IS NULL OR basis_tot IS NULL OR basis_van <= basis_tot)
) STRICT;

-- Fte per gebied, function and moment (wijkteam, presentie, opbouwwerk), entered by hand or from a list.
CREATE TABLE capaciteit (
  id INTEGER PRIMARY KEY,
  gebied_code TEXT NOT NULL CHECK (length(gebied_code) > 0),
  peildatum TEXT NOT NULL CHECK (peildatum GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  functie TEXT NOT NULL CHECK (functie IN ('wijkteam','presentie','opbouwwerk')),
  fte REAL NOT NULL CHECK (fte >= 0 AND fte < 100000),
  bron_id INTEGER REFERENCES bron(id) ON DELETE SET NULL,
  UNIQUE (gebied_code, peildatum, functie)
) STRICT;
`);
    if (bestaand) {
      AFHANDELING_STANDAARD.forEach((item, i) =>
        db.run(
          `INSERT OR IGNORE INTO taxonomie_item (taxonomie, code, label, volgorde) VALUES ('afhandeling', ?, ?, ?)`,
          [item.code, item.label, i + 1],
        ),
      );
    }
  },
};
