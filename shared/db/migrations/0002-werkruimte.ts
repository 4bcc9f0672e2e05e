import type { Migration } from './types';

/**
 * Version 2: what the workbench keeps besides the data — mapping profiles of imports, the change log,
 * saved views and pinned node positions, buurt geometry, scenarios and stuurgroep snapshots.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'werkruimte',
  up(db) {
    db.execScript(`
-- A confirmed column layout of an import, recognised next time by its header fingerprint.
CREATE TABLE mapping_profiel (
  id INTEGER PRIMARY KEY,
  soort TEXT NOT NULL CHECK (soort IN ('cbs','cognos','partners','relaties','geo')),
  naam TEXT NOT NULL,
  vingerafdruk TEXT NOT NULL,
  mapping TEXT NOT NULL CHECK (json_valid(mapping)),
  aangemaakt TEXT NOT NULL,
  laatst_gebruikt TEXT,
  UNIQUE (soort, vingerafdruk)
) STRICT;

-- What changed, when: one row per edit or import, per item.
CREATE TABLE wijziging (
  id INTEGER PRIMARY KEY,
  tijd TEXT NOT NULL,
  entiteit TEXT NOT NULL,
  entiteit_id INTEGER,
  actie TEXT NOT NULL CHECK (actie IN ('toegevoegd','gewijzigd','verwijderd','samengevoegd','geimporteerd','hersteld')),
  omschrijving TEXT NOT NULL,
  details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details))
) STRICT;
CREATE INDEX wijziging_entiteit ON wijziging(entiteit, entiteit_id);

-- Named views of the network, map or gap matrix: filters + style + layout + viewport.
CREATE TABLE weergave (
  id INTEGER PRIMARY KEY,
  naam TEXT NOT NULL CHECK (length(trim(naam)) > 0),
  soort TEXT NOT NULL CHECK (soort IN ('netwerk','kaart','hiaten')),
  instellingen TEXT NOT NULL CHECK (json_valid(instellingen)),
  titel TEXT,
  notitie TEXT,
  volgorde INTEGER NOT NULL DEFAULT 0,
  aangemaakt TEXT NOT NULL,
  gewijzigd TEXT NOT NULL
) STRICT;

-- Node positions in the network picture, so the picture a team knows stays the same.
CREATE TABLE knoop_positie (
  knoop TEXT PRIMARY KEY,
  x REAL NOT NULL,
  y REAL NOT NULL,
  vast INTEGER NOT NULL DEFAULT 0 CHECK (vast IN (0,1))
) STRICT;

-- Buurt polygons from the CBS wijk- en buurtkaart, as GeoJSON geometry in WGS84.
CREATE TABLE geometrie (
  gebied_id INTEGER PRIMARY KEY REFERENCES gebied(id) ON DELETE CASCADE,
  geojson TEXT NOT NULL CHECK (json_valid(geojson)),
  min_x REAL NOT NULL, min_y REAL NOT NULL, max_x REAL NOT NULL, max_y REAL NOT NULL,
  bron_id INTEGER REFERENCES bron(id) ON DELETE SET NULL
) STRICT;

CREATE TABLE scenario (
  id INTEGER PRIMARY KEY,
  naam TEXT NOT NULL CHECK (length(trim(naam)) > 0),
  parameters TEXT NOT NULL CHECK (json_valid(parameters)),
  aangemaakt TEXT NOT NULL,
  gewijzigd TEXT NOT NULL
) STRICT;

-- The frozen state of the map at a stuurgroep date.
CREATE TABLE snapshot (
  id INTEGER PRIMARY KEY,
  naam TEXT NOT NULL,
  peildatum TEXT NOT NULL,
  gemaakt_op TEXT NOT NULL,
  inhoud TEXT NOT NULL CHECK (json_valid(inhoud))
) STRICT;
`);
  },
};
