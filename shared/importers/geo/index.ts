/**
 * The CBS wijk- en buurtkaart as the polygons of the Kaart view: GeoPackage (SQLite, RD New), GeoJSON (PDOK, WGS84)
 * or TopoJSON. Pure up to the write: bytes → features (code, name, parents, polygons in WGS84) → a join with the
 * project's gebieden on their code (or name) → one transaction.
 */
import type { SqlJsStatic } from 'sql.js';
import type { ProjectDb } from '../../db/connection';
import { eerderGeimporteerd, insertBron } from '../../db/repos/bronnen';
import { gebiedenOmTeKoppelen, schrijfGeometrie, zorgVoorGebied } from '../../db/repos/geo-import';
import { listJaren } from '../../db/repos/gebieden';
import { AppException } from '../../result';
import { normaliseName } from '../../model/names';
import { decodeText, readJson } from '../sheet';
import { BUURT_CODE, normaliseCode } from '../cbs/codes';
import type { ImportFile, ImportIssue } from '../types';
import {
  bbox,
  buiten,
  checkTopology,
  geoJsonVlakken,
  naarWgs84,
  NL_BEREIK,
  RD_BEREIK,
  rdToWgs84,
  readGpkgGeometry,
  simplifyShared,
  topoGeometry,
  VlakFout,
  type MultiPolygon,
} from './geometry';

export interface GeoFeature {
  readonly code: string | null;
  readonly naam: string | null;
  readonly niveau: 'gemeente' | 'wijk' | 'buurt';
  readonly wijkCode: string | null;
  readonly wijkNaam: string | null;
  readonly gemeenteCode: string | null;
  readonly gemeenteNaam: string | null;
  readonly geometry: MultiPolygon;
}

export interface ParsedGeo {
  readonly formaat: 'gpkg' | 'geojson' | 'topojson';
  readonly crs: 'RD New (EPSG:28992)' | 'WGS84';
  readonly features: readonly GeoFeature[];
  readonly jaarUitBestand: number | null;
  readonly issues: readonly ImportIssue[];
}

export interface GeoImportOptions {
  /** The year of the area division to attach new gebieden to (when the file's buurten are not in the project). */
  readonly jaar?: number;
  readonly opnieuw?: boolean;
}

export interface GeoPreview {
  readonly bestand: string;
  readonly formaat: ParsedGeo['formaat'];
  readonly crs: ParsedGeo['crs'];
  readonly vlakken: number;
  readonly gekoppeld: number;
  readonly nieuw: number;
  readonly jaar: number | null;
  readonly problemen: readonly ImportIssue[];
  readonly fouten: number;
  readonly eerderGeimporteerd: string | null;
  readonly kanImporteren: boolean;
}

const CODE_KEYS = ['statcode', 'buurtcode', 'bu_code', 'wijkcode_buurt', 'code', 'gwb_code', 'gwb_code_10', 'wk_code'];
const NAME_KEYS = ['statnaam', 'buurtnaam', 'bu_naam', 'naam', 'name', 'regio', 'wijknaam', 'wk_naam'];

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);

function featureFrom(props: Record<string, unknown>, geometry: MultiPolygon): GeoFeature {
  const lower = Object.fromEntries(Object.entries(props).map(([k, v]) => [k.toLowerCase(), v]));
  let code = CODE_KEYS.map((k) => str(lower[k])).find((c) => c && /^(BU|WK|GM)/i.test(normaliseCode(c) ?? '')) ?? null;
  code ??=
    Object.values(lower)
      .map(str)
      .find((c) => c && BUURT_CODE.test(c.toUpperCase())) ?? null;
  code = code?.toUpperCase() ?? null;
  const niveau = code?.startsWith('WK') ? 'wijk' : code?.startsWith('GM') ? 'gemeente' : 'buurt';
  const naam =
    (niveau === 'buurt'
      ? str(lower['buurtnaam'])
      : niveau === 'wijk'
        ? str(lower['wijknaam'])
        : str(lower['gemeentenaam'])) ??
    NAME_KEYS.map((k) => str(lower[k])).find(Boolean) ??
    null;
  return {
    code,
    naam,
    niveau,
    wijkCode: str(lower['wijkcode'])?.toUpperCase() ?? null,
    wijkNaam: str(lower['wijknaam']),
    gemeenteCode: str(lower['gemeentecode'])?.toUpperCase() ?? null,
    gemeenteNaam: str(lower['gemeentenaam']),
    geometry,
  };
}

/** One shape as read, in the file's own coordinates, before it is checked, projected and simplified. */
interface Ruw {
  /** 1-based: the feature's place in the file (the row of a GeoPackage table). */
  readonly nr: number;
  readonly props: Record<string, unknown>;
  readonly mp: MultiPolygon;
}

type Gelezen = Omit<ParsedGeo, 'jaarUitBestand'>;

/** A shape that cannot be taken in: an error naming the file, the shape's number and its code or name. */
function vlakIssue(file: ImportFile, nr: number, props: Record<string, unknown>, err: VlakFout): ImportIssue {
  const f = featureFrom(props, []);
  return {
    level: 'fout',
    code: err.code,
    file: file.name,
    row: nr,
    params: { vlak: nr, naam: f.code ?? f.naam ?? '–', ...err.params },
  };
}

/**
 * Every shape checked before it is taken in: its points in the range of its coordinate system (RD New, or WGS84
 * around the Netherlands), then projected to WGS84 and at least one ring of 4 points left; then all of them
 * simplified together, so that neighbouring buurten keep one border. A shape that fails becomes an error naming it
 * (in the order of the file); it never reaches the map.
 */
function afmaken(file: ImportFile, ruw: readonly Ruw[], rd: boolean, issues: ImportIssue[]): GeoFeature[] {
  const goed: { readonly r: Ruw; readonly mp: MultiPolygon }[] = [];
  const fouten: ImportIssue[] = [];
  for (const r of ruw) {
    try {
      const weg = buiten(r.mp, rd ? RD_BEREIK : NL_BEREIK);
      if (weg !== null) throw new VlakFout('geo.buiten-bereik', { waarde: weg, stelsel: rd ? 'RD New' : 'WGS84' });
      const mp = naarWgs84(r.mp, rd ? rdToWgs84 : null);
      if (mp.length === 0) throw new VlakFout('geo.geen-geldig-vlak');
      goed.push({ r, mp });
    } catch (err) {
      if (!(err instanceof VlakFout)) throw err;
      fouten.push(vlakIssue(file, r.nr, r.props, err));
    }
  }
  const simpel = simplifyShared(goed.map((g) => g.mp));
  const features: GeoFeature[] = [];
  goed.forEach(({ r }, i) => {
    const geometry = simpel[i]!;
    if (geometry.length === 0) fouten.push(vlakIssue(file, r.nr, r.props, new VlakFout('geo.geen-geldig-vlak')));
    else features.push(featureFrom(r.props, geometry));
  });
  for (const f of fouten.sort((a, b) => (a.row ?? 0) - (b.row ?? 0))) issues.push(f);
  return features;
}

/**
 * RD New metres in a file that does not say so: every point of every shape lies in RD's range (x 0–300,000,
 * y 289,000–629,000), where no point of a map of the Netherlands in degrees can lie.
 */
function lijktRd(ruw: readonly Ruw[]): boolean {
  return ruw.length > 0 && ruw.every((r) => buiten(r.mp, RD_BEREIK) === null);
}

/** The EPSG code a GeoJSON `crs` names ("EPSG:28992", "urn:ogc:def:crs:EPSG::28992"); CRS84 is 4326; null if none. */
function epsgVan(doc: Json): number | null {
  const name = String(((doc.crs as Json | undefined)?.properties as Json | undefined)?.name ?? '');
  if (!name) return null;
  if (/CRS84$/i.test(name)) return 4326;
  const m = /EPSG:{1,2}(\d+)$/i.exec(name);
  return m ? Number(m[1]) : -1;
}

function parseGpkg(SQL: SqlJsStatic, file: ImportFile): Gelezen {
  let gpkg;
  try {
    gpkg = new SQL.Database(file.bytes);
  } catch (err) {
    throw new AppException('geo.onleesbaar', { bestand: file.name }, String(err));
  }
  try {
    // Only stored data is read: a view or a generated column of an untrusted file is a query that runs on reading,
    // and can cost any amount of memory or time (a recursive view without end, a blob of hundreds of megabytes).
    // The queries below read the GeoPackage being imported, not the project (so not in shared/db/).
    const tabel = (name: string) =>
      // eslint-disable-next-line no-restricted-syntax -- the GeoPackage being imported
      gpkg.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name])[0]?.values.length === 1;
    const vreemd = (wat: string) => new AppException('geo.onleesbaar', { bestand: file.name }, wat);
    for (const meta of ['gpkg_contents', 'gpkg_geometry_columns']) {
      if (!tabel(meta)) throw vreemd(`${meta} is no table`);
    }
    const layers = gpkg.exec(
      // eslint-disable-next-line no-restricted-syntax -- the GeoPackage being imported
      `SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c
       JOIN gpkg_geometry_columns g ON g.table_name = c.table_name WHERE c.data_type = 'features'`,
    )[0]?.values;
    if (!layers?.length) throw new AppException('geo.geen-vlakken', { bestand: file.name });
    // The layer with buurten if there are several (CBS files have gemeenten, wijken and buurten).
    const pick =
      layers.find((l) => /buurt/i.test(String(l[0]))) ?? layers.find((l) => /wijk/i.test(String(l[0]))) ?? layers[0]!;
    const [table, column, srs] = [String(pick[0]), String(pick[1]), Number(pick[2])];
    if (srs !== 28992 && srs !== 4326) throw new AppException('geo.projectie', { bestand: file.name, srs });
    if (!tabel(table)) throw vreemd(`layer ${table} is no table`);
    const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
    // table_xinfo: hidden 2 and 3 are generated columns (computed on reading, or stored by whoever made the file).
    // eslint-disable-next-line no-restricted-syntax -- the GeoPackage being imported, not the project
    const stored = (gpkg.exec(`PRAGMA table_xinfo(${q(table)})`)[0]?.values ?? [])
      .filter((c) => Number(c[6]) === 0)
      .map((c) => String(c[1]));
    if (stored.length === 0) throw vreemd(`layer ${table} has no stored columns`);
    // eslint-disable-next-line no-restricted-syntax -- the GeoPackage being imported, not the project
    const stmt = gpkg.prepare(`SELECT ${stored.map(q).join(', ')} FROM ${q(table)}`);
    const ruw: Ruw[] = [];
    const issues: ImportIssue[] = [];
    try {
      for (let nr = 1; stmt.step(); nr++) {
        const row = stmt.getAsObject();
        const blob = row[column];
        if (!(blob instanceof Uint8Array)) continue;
        const props = Object.fromEntries(Object.entries(row).filter(([k]) => k !== column));
        try {
          ruw.push({ nr, props, mp: readGpkgGeometry(blob) });
        } catch (err) {
          // A blob that is no (Multi)Polygon, or cut off: this one shape, named.
          issues.push(vlakIssue(file, nr, props, err instanceof VlakFout ? err : new VlakFout('geo.vorm-ongeldig')));
        }
      }
    } finally {
      stmt.free();
    }
    const rd = srs === 28992;
    return {
      formaat: 'gpkg',
      crs: rd ? 'RD New (EPSG:28992)' : 'WGS84',
      features: afmaken(file, ruw, rd, issues),
      issues,
    };
  } catch (err) {
    if (err instanceof AppException) throw err;
    throw new AppException('geo.onleesbaar', { bestand: file.name }, String(err));
  } finally {
    gpkg.close();
  }
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const propsVan = (f: Json): Record<string, unknown> => (isObject(f.properties) ? f.properties : {});

/** Features that are no polygon (a point, a line, no geometry) are skipped, with a warning naming them. */
function geenVlak(file: ImportFile, nr: number, props: Record<string, unknown>, soort: string): ImportIssue {
  return { ...vlakIssue(file, nr, props, new VlakFout('geo.geen-vlak', { soort })), level: 'waarschuwing' };
}

function parseGeoJson(file: ImportFile, doc: Json): Gelezen {
  const epsg = epsgVan(doc);
  if (epsg !== null && epsg !== 28992 && epsg !== 4326) {
    throw new AppException('geo.projectie', { bestand: file.name, srs: epsg < 0 ? '?' : epsg });
  }
  if (!Array.isArray(doc.features)) throw new AppException('geo.onleesbaar-json', { bestand: file.name });
  const ruw: Ruw[] = [];
  const issues: ImportIssue[] = [];
  (doc.features as unknown[]).forEach((f, i) => {
    const nr = i + 1;
    const feature = isObject(f) ? f : {};
    const props = propsVan(feature);
    const g = isObject(feature.geometry) ? feature.geometry : null;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
      issues.push(geenVlak(file, nr, props, typeof g?.type === 'string' ? g.type : 'leeg'));
      return;
    }
    try {
      ruw.push({ nr, props, mp: geoJsonVlakken(g.type, g.coordinates) });
    } catch (err) {
      if (!(err instanceof VlakFout)) throw err;
      issues.push(vlakIssue(file, nr, props, err));
    }
  });
  const rd = epsg === 28992 || (epsg === null && lijktRd(ruw));
  return {
    formaat: 'geojson',
    crs: rd ? 'RD New (EPSG:28992)' : 'WGS84',
    features: afmaken(file, ruw, rd, issues),
    issues,
  };
}

function parseTopoJson(file: ImportFile, doc: Json): Gelezen {
  let bruikbaar;
  try {
    bruikbaar = checkTopology(doc);
  } catch {
    throw new AppException('geo.onleesbaar-json', { bestand: file.name });
  }
  const ruw: Ruw[] = [];
  const issues: ImportIssue[] = [];
  let nr = 0;
  for (const o of Object.values(isObject(doc.objects) ? doc.objects : {})) {
    const geometries = isObject(o) && Array.isArray(o.geometries) ? (o.geometries as unknown[]) : [];
    for (const item of geometries) {
      nr++;
      const g = isObject(item) ? item : {};
      const props = propsVan(g);
      if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
        issues.push(geenVlak(file, nr, props, typeof g.type === 'string' ? g.type : 'leeg'));
        continue;
      }
      try {
        ruw.push({ nr, props, mp: topoGeometry(doc, bruikbaar, { type: g.type, arcs: g.arcs }) });
      } catch (err) {
        if (!(err instanceof VlakFout)) throw err;
        issues.push(vlakIssue(file, nr, props, err));
      }
    }
  }
  const rd = lijktRd(ruw);
  return {
    formaat: 'topojson',
    crs: rd ? 'RD New (EPSG:28992)' : 'WGS84',
    features: afmaken(file, ruw, rd, issues),
    issues,
  };
}

export function parseGeoFile(SQL: SqlJsStatic, file: ImportFile): ParsedGeo {
  const head = new TextDecoder().decode(file.bytes.subarray(0, 16));
  let parsed: Gelezen;
  if (head.startsWith('SQLite format 3')) parsed = parseGpkg(SQL, file);
  else {
    // A GeoPackage whose first bytes are damaged is no JSON either: said as what it is, not as "geen geldig JSON".
    if (/\.gpkg$/i.test(file.name))
      throw new AppException('geo.onleesbaar', { bestand: file.name }, 'no SQLite header');
    const binary =
      file.bytes.subarray(0, 4096).includes(0) && !/^\ufeff?\s*[[{]/.test(decodeText(file.bytes.subarray(0, 64)));
    if (binary) throw new AppException('geo.onbekend-formaat', { bestand: file.name });
    const doc = readJson(file.bytes, file.name) as Json;
    if (!isObject(doc) || (doc.type !== 'Topology' && doc.type !== 'FeatureCollection')) {
      throw new AppException('geo.onbekend-formaat', { bestand: file.name });
    }
    try {
      parsed = doc.type === 'Topology' ? parseTopoJson(file, doc) : parseGeoJson(file, doc);
    } catch (err) {
      if (err instanceof AppException) throw err;
      // Anything else the checks did not foresee: a damaged file, said as such (and not as a GeoPackage).
      throw new AppException('geo.onleesbaar-json', { bestand: file.name }, String(err));
    }
  }
  // No usable shape: with shapes that were refused, the preview names each of them (and refuses the import);
  // without any, the file has no polygons at all.
  if (parsed.features.length === 0 && !parsed.issues.some((i) => i.level === 'fout')) {
    throw new AppException('geo.geen-vlakken', { bestand: file.name });
  }
  const issues: ImportIssue[] = [...parsed.issues];
  parsed.features.forEach((f, i) => {
    if (!f.code && !f.naam) {
      issues.push({ level: 'waarschuwing', code: 'geo.zonder-code', file: file.name, row: i + 1, params: {} });
    }
  });
  const year = /(?:^|\D)((?:19|20)\d{2})(?:\D|$)/.exec(file.name);
  return { ...parsed, jaarUitBestand: year ? Number(year[1]) : null, issues };
}

interface Planned {
  readonly feature: GeoFeature;
  readonly gebiedId: number | null;
}

function plan(db: ProjectDb, parsed: ParsedGeo, options: GeoImportOptions) {
  const jaar = options.jaar ?? parsed.jaarUitBestand ?? listJaren(db)[0] ?? null;
  const { byCode, buurten } = gebiedenOmTeKoppelen(db, jaar);
  const byName = new Map(buurten.map((g) => [normaliseName(g.naam), g.id]));
  const planned: Planned[] = parsed.features.map((f) => ({
    feature: f,
    gebiedId:
      (f.code ? byCode.get(f.code) : undefined) ??
      (f.naam && !f.code ? byName.get(normaliseName(f.naam)) : undefined) ??
      null,
  }));
  return { planned, jaar };
}

export function previewGeo(
  db: ProjectDb,
  file: ImportFile,
  sha: string,
  parsed: ParsedGeo,
  options: GeoImportOptions,
): GeoPreview {
  const { planned, jaar } = plan(db, parsed, options);
  const nieuw = planned.filter((p) => p.gebiedId === null && p.feature.code).length;
  const issues = [...parsed.issues];
  if (nieuw > 0 && jaar === null) {
    issues.push({ level: 'fout', code: 'geo.jaar-onbekend', file: file.name, params: { aantal: nieuw } });
  }
  const earlier = eerderGeimporteerd(db, 'geo', sha);
  const fouten = issues.filter((i) => i.level === 'fout').length;
  return {
    bestand: file.name,
    formaat: parsed.formaat,
    crs: parsed.crs,
    vlakken: parsed.features.length,
    gekoppeld: planned.filter((p) => p.gebiedId !== null).length,
    nieuw,
    jaar,
    problemen: issues,
    fouten,
    eerderGeimporteerd: earlier,
    kanImporteren: fouten === 0,
  };
}

/** Writes the polygons (replacing earlier ones of the same gebieden); buurten not yet in the project are added. */
export function writeGeo(
  db: ProjectDb,
  file: ImportFile,
  sha: string,
  parsed: ParsedGeo,
  options: GeoImportOptions,
  now: string,
): { bronId: number; vlakken: number; nieuw: number } {
  const preview = previewGeo(db, file, sha, parsed, options);
  if (preview.eerderGeimporteerd && !options.opnieuw) {
    throw new AppException('import.al-geimporteerd', { bestand: file.name, datum: preview.eerderGeimporteerd });
  }
  if (!preview.kanImporteren)
    throw new AppException('import.fouten-in-bestand', { bestand: file.name, aantal: preview.fouten });
  const { planned, jaar } = plan(db, parsed, options);
  const bronId = insertBron(db, {
    soort: 'geo',
    bestandsnaam: file.name,
    sha256: sha,
    omschrijving: `Wijk- en buurtkaart (${parsed.formaat})`,
    geimporteerdOp: now,
    rijenGelezen: parsed.features.length,
    rijenGeimporteerd: planned.length,
  });
  const ensure = (code: string, naam: string, niveau: 'gemeente' | 'wijk' | 'buurt', ouderId: number | null) =>
    zorgVoorGebied(db, { code, naam, niveau, ouderId, jaar: jaar!, bronId });
  let nieuw = 0;
  let vlakken = 0;
  for (const p of planned) {
    const f = p.feature;
    let id = p.gebiedId;
    if (id === null) {
      if (!f.code || jaar === null) continue;
      const gm = f.gemeenteCode ? ensure(f.gemeenteCode, f.gemeenteNaam ?? f.gemeenteCode, 'gemeente', null) : null;
      const wk = f.niveau === 'buurt' && f.wijkCode ? ensure(f.wijkCode, f.wijkNaam ?? f.wijkCode, 'wijk', gm) : gm;
      id = ensure(f.code, f.naam ?? f.code, f.niveau, f.niveau === 'gemeente' ? null : wk);
      nieuw++;
    }
    schrijfGeometrie(db, id, f.geometry, bbox(f.geometry), bronId);
    vlakken++;
  }
  return { bronId, vlakken, nieuw };
}
