import type { Migration } from './types';
import { APPLICATION_ID } from '../schema-constants';

/**
 * Version 1: the whole domain of Wijkweb. Every figure points to its `bron` (import provenance).
 * Tables are STRICT; foreign keys are enforced (the connection turns them on when it opens).
 */
export const migration0001: Migration = {
  version: 1,
  name: 'basis',
  up(db) {
    db.execScript(`
PRAGMA application_id = ${APPLICATION_ID};

CREATE TABLE project (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  naam TEXT NOT NULL CHECK (length(trim(naam)) > 0),
  aangemaakt TEXT NOT NULL,
  gewijzigd TEXT NOT NULL,
  app_versie TEXT NOT NULL
) STRICT;

CREATE TABLE instelling (
  sleutel TEXT PRIMARY KEY,
  waarde TEXT NOT NULL
) STRICT;

-- Where every figure comes from: one row per import (or per manual source).
CREATE TABLE bron (
  id INTEGER PRIMARY KEY,
  soort TEXT NOT NULL CHECK (soort IN ('cbs','cognos','partners','relaties','geo','postcodes','handmatig','voorbeeld')),
  bestandsnaam TEXT,
  sha256 TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),
  omschrijving TEXT,
  geimporteerd_op TEXT NOT NULL,
  rijen_gelezen INTEGER NOT NULL DEFAULT 0 CHECK (rijen_gelezen >= 0),
  rijen_geimporteerd INTEGER NOT NULL DEFAULT 0 CHECK (rijen_geimporteerd >= 0),
  rijen_overgeslagen INTEGER NOT NULL DEFAULT 0 CHECK (rijen_overgeslagen >= 0),
  details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details))
) STRICT;
CREATE INDEX bron_sha256 ON bron(sha256);

-- Gemeente (GM0153), wijk (WK015301), buurt (BU01530101), land (NL00) per year of the area division,
-- and eigen gebieden (a set of buurten, jaar NULL).
CREATE TABLE gebied (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL CHECK (length(code) > 0),
  naam TEXT NOT NULL,
  niveau TEXT NOT NULL CHECK (niveau IN ('land','gemeente','wijk','buurt','eigen')),
  ouder_id INTEGER REFERENCES gebied(id) ON DELETE SET NULL,
  jaar INTEGER CHECK (jaar IS NULL OR jaar BETWEEN 1990 AND 2100),
  omschrijving TEXT,
  bron_id INTEGER REFERENCES bron(id) ON DELETE SET NULL,
  CHECK ((niveau = 'eigen') = (jaar IS NULL))
) STRICT;
CREATE UNIQUE INDEX gebied_code_jaar ON gebied(code, jaar) WHERE jaar IS NOT NULL;
CREATE UNIQUE INDEX gebied_code_eigen ON gebied(code) WHERE jaar IS NULL;
CREATE INDEX gebied_ouder ON gebied(ouder_id);

-- Members of an eigen gebied (a gebiedsteam's werkgebied).
CREATE TABLE gebied_lid (
  gebied_id INTEGER NOT NULL REFERENCES gebied(id) ON DELETE CASCADE,
  lid_id INTEGER NOT NULL REFERENCES gebied(id) ON DELETE CASCADE,
  PRIMARY KEY (gebied_id, lid_id),
  CHECK (gebied_id <> lid_id)
) STRICT;

-- Other names of a gebied, as confirmed by a user when matching an import ("Boswinkel-De Braker").
CREATE TABLE gebied_alias (
  alias TEXT PRIMARY KEY,
  gebied_code TEXT NOT NULL,
  bevestigd_op TEXT NOT NULL
) STRICT;

-- Indicator definitions: canonical keys (inwoners, leeftijd_65_plus, …) and every other CBS column.
CREATE TABLE indicator (
  sleutel TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  eenheid TEXT,
  bron_naam TEXT,
  canoniek INTEGER NOT NULL DEFAULT 0 CHECK (canoniek IN (0,1)),
  optellen TEXT NOT NULL DEFAULT 'niet' CHECK (optellen IN ('som','gewogen','niet')),
  gewicht_sleutel TEXT,
  decimalen INTEGER CHECK (decimalen IS NULL OR decimalen BETWEEN 0 AND 10),
  definitie TEXT
) STRICT;

-- One value per gebied, indicator and year. NULL is never 0: status says why it is missing.
CREATE TABLE indicator_waarde (
  gebied_id INTEGER NOT NULL REFERENCES gebied(id) ON DELETE CASCADE,
  indicator_sleutel TEXT NOT NULL REFERENCES indicator(sleutel) ON DELETE CASCADE,
  jaar INTEGER NOT NULL CHECK (jaar BETWEEN 1990 AND 2100),
  waarde REAL,
  status TEXT NOT NULL DEFAULT 'ok' CHECK (status IN ('ok','ontbreekt','geheim')),
  bron_id INTEGER NOT NULL REFERENCES bron(id) ON DELETE CASCADE,
  PRIMARY KEY (gebied_id, indicator_sleutel, jaar),
  CHECK ((status = 'ok') = (waarde IS NOT NULL))
) STRICT;
CREATE INDEX indicator_waarde_bron ON indicator_waarde(bron_id);

-- Measured counts (Cognos): meldingen, toewijzingen, unieke cliënten, … per gebied and peildatum/periode.
CREATE TABLE meting (
  id INTEGER PRIMARY KEY,
  gebied_id INTEGER NOT NULL REFERENCES gebied(id) ON DELETE CASCADE,
  maat TEXT NOT NULL CHECK (length(maat) > 0),
  peildatum TEXT CHECK (peildatum IS NULL OR peildatum GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  periode_start TEXT CHECK (periode_start IS NULL OR periode_start GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  periode_eind TEXT CHECK (periode_eind IS NULL OR periode_eind GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  wet TEXT CHECK (wet IS NULL OR wet IN ('Wmo','Jeugdwet','Participatiewet','Wlz','Zvw','overig')),
  product TEXT,
  ondersteuningsbehoefte INTEGER CHECK (ondersteuningsbehoefte IS NULL OR ondersteuningsbehoefte BETWEEN 1 AND 9),
  subniveau TEXT,
  vorm TEXT CHECK (vorm IS NULL OR vorm IN ('individueel','groep')),
  meldingstype TEXT,
  waarde REAL,
  onderdrukt INTEGER NOT NULL DEFAULT 0 CHECK (onderdrukt IN (0,1)),
  onderdrukt_min INTEGER,
  onderdrukt_max INTEGER,
  bron_id INTEGER NOT NULL REFERENCES bron(id) ON DELETE CASCADE,
  CHECK (peildatum IS NOT NULL OR periode_start IS NOT NULL),
  CHECK (onderdrukt = 1 OR waarde IS NOT NULL)
) STRICT;
CREATE INDEX meting_gebied ON meting(gebied_id, maat, peildatum);
CREATE INDEX meting_bron ON meting(bron_id);

-- Taxonomies: leefgebied, doelgroep, preventieniveau, soort_organisatie (sector), relatietype. Defaults from data/.
CREATE TABLE taxonomie_item (
  taxonomie TEXT NOT NULL CHECK (taxonomie IN ('leefgebied','doelgroep','preventieniveau','soort_organisatie','relatietype')),
  code TEXT NOT NULL CHECK (length(code) > 0),
  label TEXT NOT NULL,
  omschrijving TEXT,
  volgorde INTEGER NOT NULL DEFAULT 0,
  eigenschappen TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(eigenschappen)),
  PRIMARY KEY (taxonomie, code)
) STRICT;

CREATE TABLE organisatie (
  id INTEGER PRIMARY KEY,
  naam TEXT NOT NULL CHECK (length(trim(naam)) > 0),
  soort TEXT,
  adres TEXT,
  postcode TEXT,
  plaats TEXT,
  gebied_id INTEGER REFERENCES gebied(id) ON DELETE SET NULL,
  website TEXT,
  telefoon TEXT,
  email TEXT,
  notities TEXT,
  bron_id INTEGER REFERENCES bron(id) ON DELETE SET NULL,
  aangemaakt TEXT NOT NULL,
  gewijzigd TEXT NOT NULL
) STRICT;
CREATE INDEX organisatie_gebied ON organisatie(gebied_id);

CREATE TABLE voorziening (
  id INTEGER PRIMARY KEY,
  naam TEXT NOT NULL CHECK (length(trim(naam)) > 0),
  organisatie_id INTEGER REFERENCES organisatie(id) ON DELETE SET NULL,
  collectief INTEGER NOT NULL DEFAULT 1 CHECK (collectief IN (0,1)),
  vrij_toegankelijk INTEGER NOT NULL DEFAULT 1 CHECK (vrij_toegankelijk IN (0,1)),
  preventieniveau TEXT,
  status TEXT NOT NULL DEFAULT 'actief' CHECK (status IN ('actief','gepland','gestopt')),
  startdatum TEXT,
  einddatum TEXT,
  locatie_gebied_id INTEGER REFERENCES gebied(id) ON DELETE SET NULL,
  adres TEXT,
  postcode TEXT,
  capaciteit INTEGER CHECK (capaciteit IS NULL OR capaciteit >= 0),
  kosten TEXT,
  contact TEXT,
  notities TEXT,
  bron_id INTEGER REFERENCES bron(id) ON DELETE SET NULL,
  aangemaakt TEXT NOT NULL,
  gewijzigd TEXT NOT NULL,
  CHECK (einddatum IS NULL OR startdatum IS NULL OR einddatum >= startdatum)
) STRICT;
CREATE INDEX voorziening_organisatie ON voorziening(organisatie_id);

CREATE TABLE voorziening_leefgebied (
  voorziening_id INTEGER NOT NULL REFERENCES voorziening(id) ON DELETE CASCADE,
  leefgebied TEXT NOT NULL,
  PRIMARY KEY (voorziening_id, leefgebied)
) STRICT;

CREATE TABLE voorziening_doelgroep (
  voorziening_id INTEGER NOT NULL REFERENCES voorziening(id) ON DELETE CASCADE,
  doelgroep TEXT NOT NULL,
  PRIMARY KEY (voorziening_id, doelgroep)
) STRICT;

-- The werkgebied of a voorziening: the gebieden it serves.
CREATE TABLE voorziening_werkgebied (
  voorziening_id INTEGER NOT NULL REFERENCES voorziening(id) ON DELETE CASCADE,
  gebied_id INTEGER NOT NULL REFERENCES gebied(id) ON DELETE CASCADE,
  PRIMARY KEY (voorziening_id, gebied_id)
) STRICT;

-- A relation between two organisations and/or voorzieningen. Exactly one end column per side is set.
CREATE TABLE relatie (
  id INTEGER PRIMARY KEY,
  soort TEXT NOT NULL,
  van_organisatie_id INTEGER REFERENCES organisatie(id) ON DELETE CASCADE,
  van_voorziening_id INTEGER REFERENCES voorziening(id) ON DELETE CASCADE,
  naar_organisatie_id INTEGER REFERENCES organisatie(id) ON DELETE CASCADE,
  naar_voorziening_id INTEGER REFERENCES voorziening(id) ON DELETE CASCADE,
  gericht INTEGER NOT NULL DEFAULT 1 CHECK (gericht IN (0,1)),
  startdatum TEXT,
  einddatum TEXT,
  notities TEXT,
  bron_id INTEGER REFERENCES bron(id) ON DELETE SET NULL,
  aangemaakt TEXT NOT NULL,
  gewijzigd TEXT NOT NULL,
  CHECK ((van_organisatie_id IS NULL) <> (van_voorziening_id IS NULL)),
  CHECK ((naar_organisatie_id IS NULL) <> (naar_voorziening_id IS NULL))
) STRICT;
CREATE INDEX relatie_van_org ON relatie(van_organisatie_id);
CREATE INDEX relatie_naar_org ON relatie(naar_organisatie_id);
CREATE INDEX relatie_van_vz ON relatie(van_voorziening_id);
CREATE INDEX relatie_naar_vz ON relatie(naar_voorziening_id);

-- Volume of a relation (e.g. number of verwijzingen) per period.
CREATE TABLE relatie_volume (
  relatie_id INTEGER NOT NULL REFERENCES relatie(id) ON DELETE CASCADE,
  periode_start TEXT NOT NULL,
  periode_eind TEXT NOT NULL,
  aantal REAL NOT NULL CHECK (aantal >= 0),
  bron_id INTEGER REFERENCES bron(id) ON DELETE SET NULL,
  PRIMARY KEY (relatie_id, periode_start, periode_eind),
  CHECK (periode_eind >= periode_start)
) STRICT;
`);
  },
};
