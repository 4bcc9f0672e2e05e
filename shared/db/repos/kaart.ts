import type { ProjectDb } from '../connection';
import { NL_BEREIK } from '../../importers/geo/geometry';

export interface KaartGebied {
  readonly code: string;
  readonly naam: string;
  readonly niveau: 'gemeente' | 'wijk' | 'buurt';
  readonly wijkCode: string | null;
  /** GeoJSON MultiPolygon coordinates in WGS84 (longitude, latitude). */
  readonly coordinates: number[][][][];
}

export interface KaartData {
  readonly jaar: number | null;
  readonly jaren: readonly number[];
  readonly gebieden: readonly KaartGebied[];
  /** [minLon, minLat, maxLon, maxLat] of all polygons; null without any. */
  readonly bbox: readonly [number, number, number, number] | null;
  /**
   * The imported map files the shapes come from, with the year of the map itself (from its file name, else the
   * year of the indeling it was imported for): the map's credit names these, never a fixed year.
   */
  readonly bronnen?: readonly { readonly bestandsnaam: string; readonly jaar: number | null }[];
}

/** "buurtgrenzen 2013 (‘buurten-enschede-2013.geojson’)": the map's credit, Dutch or English. */
export function kaartBronTekst(kaart: Pick<KaartData, 'bronnen' | 'jaar'>, taal: 'nl' | 'en' = 'nl'): string {
  const bronnen = kaart.bronnen ?? [];
  if (bronnen.length === 0)
    return taal === 'en'
      ? `wijk and buurt map ${kaart.jaar ?? ''}`.trim()
      : `wijk- en buurtkaart ${kaart.jaar ?? ''}`.trim();
  return bronnen
    .map((b) =>
      taal === 'en'
        ? `buurt boundaries ${b.jaar ?? ''} (‘${b.bestandsnaam}’)`.replace('  ', ' ')
        : `buurtgrenzen ${b.jaar ?? ''} (‘${b.bestandsnaam}’)`.replace('  ', ' '),
    )
    .join(', ');
}

/** The polygons of one year's gebieden (buurten and wijken), for the Kaart view. */
export function loadKaart(db: ProjectDb, jaar?: number): KaartData {
  const jaren = db
    .all<{ jaar: number }>(
      'SELECT DISTINCT g.jaar FROM geometrie m JOIN gebied g ON g.id = m.gebied_id WHERE g.jaar IS NOT NULL ORDER BY g.jaar DESC',
    )
    .map((r) => r.jaar);
  const chosen = jaar !== undefined && jaren.includes(jaar) ? jaar : (jaren[0] ?? null);
  if (chosen === null) return { jaar: null, jaren, gebieden: [], bbox: null, bronnen: [] };
  const bronnen = db
    .all<{ bestandsnaam: string }>(
      `SELECT DISTINCT b.bestandsnaam FROM geometrie m JOIN gebied g ON g.id = m.gebied_id JOIN bron b ON b.id = m.bron_id
       WHERE g.jaar = ? ORDER BY b.geimporteerd_op, b.id`,
      [chosen],
    )
    .map((b) => {
      const j = /(?:^|\D)((?:19|20)\d{2})(?:\D|$)/.exec(b.bestandsnaam);
      return { bestandsnaam: b.bestandsnaam, jaar: j ? Number(j[1]) : chosen };
    });
  const rows = db.all<{
    code: string;
    naam: string;
    niveau: KaartGebied['niveau'];
    ouder: string | null;
    geojson: string;
    min_x: number;
    min_y: number;
    max_x: number;
    max_y: number;
  }>(
    `SELECT g.code, g.naam, g.niveau, o.code AS ouder, m.geojson, m.min_x, m.min_y, m.max_x, m.max_y
     FROM geometrie m JOIN gebied g ON g.id = m.gebied_id LEFT JOIN gebied o ON o.id = g.ouder_id
     WHERE g.jaar = ? ORDER BY g.code`,
    [chosen],
  );
  // A shape stored before the map import checked its coordinates (Infinity, or far outside the Netherlands) would
  // stretch the map's frame until every buurt is a dot, or make it NaN: such a shape is left out of the Kaart.
  const inNl = (r: (typeof rows)[number]) =>
    r.min_x >= NL_BEREIK.minX && r.max_x <= NL_BEREIK.maxX && r.min_y >= NL_BEREIK.minY && r.max_y <= NL_BEREIK.maxY;
  const goed = rows.filter(inNl);
  let box: [number, number, number, number] | null = null;
  for (const r of goed) {
    box = box
      ? [Math.min(box[0], r.min_x), Math.min(box[1], r.min_y), Math.max(box[2], r.max_x), Math.max(box[3], r.max_y)]
      : [r.min_x, r.min_y, r.max_x, r.max_y];
  }
  return {
    jaar: chosen,
    jaren,
    bbox: box,
    bronnen,
    gebieden: goed.map((r) => ({
      code: r.code,
      naam: r.naam,
      niveau: r.niveau,
      wijkCode: r.niveau === 'buurt' ? r.ouder : r.niveau === 'wijk' ? r.code : null,
      coordinates: (JSON.parse(r.geojson) as { coordinates: number[][][][] }).coordinates,
    })),
  };
}
