/**
 * The seeds the fuzzer mutates: the real fixtures of tests/fixtures, and small cuts of them (the first rows of a CSV,
 * the first features of a map, the first rows of a sheet) so that the unit test's cases stay fast. The long run uses
 * the whole fixtures too.
 */
import { readFileSync } from 'node:fs';
import type { SqlJsStatic } from 'sql.js';
import * as XLSX from 'xlsx';
import type { ImportFile } from '../../shared/importers/types';

const FIXTURES = new URL('../fixtures/', import.meta.url);

export function fixture(path: string): ImportFile {
  return { name: path.split('/').pop()!, bytes: new Uint8Array(readFileSync(new URL(path, FIXTURES))) };
}

/** The first `lines` lines of a text file (its own bytes, its own line ends). */
export function headLines(file: ImportFile, lines: number): ImportFile {
  let at = 0;
  for (let n = 0; n < lines && at < file.bytes.length; n++) {
    const next = file.bytes.indexOf(0x0a, at);
    at = next < 0 ? file.bytes.length : next + 1;
  }
  return { name: file.name, bytes: file.bytes.slice(0, at) };
}

/** A workbook cut to its first `rows` rows per sheet (merged cells and sheet names kept), written back by SheetJS. */
export function headRows(file: ImportFile, rows: number): ImportFile {
  const wb = XLSX.read(file.bytes, { type: 'array', cellFormula: false });
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name]!;
    if (!ws['!ref']) continue;
    const range = XLSX.utils.decode_range(ws['!ref']);
    range.e.r = Math.min(range.e.r, range.s.r + rows - 1);
    ws['!ref'] = XLSX.utils.encode_range(range);
  }
  return { name: file.name, bytes: new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer) };
}

const enc = new TextEncoder();
const dec = new TextDecoder();

/** A GeoJSON FeatureCollection cut to its first `n` features. */
export function headFeatures(file: ImportFile, n: number): ImportFile {
  const doc = JSON.parse(dec.decode(file.bytes)) as { features: unknown[] };
  return { name: file.name, bytes: enc.encode(JSON.stringify({ ...doc, features: doc.features.slice(0, n) })) };
}

/** A TopoJSON cut to its first `n` geometries, with only the arcs they use (renumbered). */
export function headTopology(file: ImportFile, n: number): ImportFile {
  type Geometry = { arcs: unknown };
  const doc = JSON.parse(dec.decode(file.bytes)) as {
    arcs: unknown[];
    objects: Record<string, { geometries: Geometry[] }>;
  };
  const keep = new Map<number, number>();
  const arcs: unknown[] = [];
  const remap = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(remap);
    if (typeof v !== 'number') return v;
    const i = v >= 0 ? v : ~v;
    if (!keep.has(i)) {
      keep.set(i, arcs.length);
      arcs.push(doc.arcs[i]);
    }
    const j = keep.get(i)!;
    return v >= 0 ? j : ~j;
  };
  const objects = Object.fromEntries(
    Object.entries(doc.objects).map(([k, o]) => [
      k,
      { ...o, geometries: o.geometries.slice(0, n).map((g) => ({ ...g, arcs: remap(g.arcs) })) },
    ]),
  );
  return { name: file.name, bytes: enc.encode(JSON.stringify({ ...doc, arcs, objects })) };
}

/** A GeoPackage with only its first `n` features (vacuumed, so the file is small). */
export function headGpkg(SQL: SqlJsStatic, file: ImportFile, n: number): ImportFile {
  // The R-tree index is left out (sql.js has no rtree module, and the importer does not use it); the schema is read
  // again after that, in a fresh connection.
  const first = new SQL.Database(file.bytes);
  let withoutRtree: Uint8Array;
  try {
    first.run('PRAGMA writable_schema = ON');
    first.run("DELETE FROM sqlite_master WHERE name LIKE 'rtree_%'");
    first.run('PRAGMA writable_schema = OFF');
    withoutRtree = first.export();
  } finally {
    first.close();
  }
  const db = new SQL.Database(withoutRtree);
  try {
    const [table] = db.exec('SELECT table_name FROM gpkg_geometry_columns')[0]!.values[0]!;
    const t = `"${String(table).replace(/"/g, '""')}"`;
    db.run(`DELETE FROM ${t} WHERE rowid NOT IN (SELECT rowid FROM ${t} ORDER BY rowid LIMIT ${n})`);
    db.run('VACUUM');
    return { name: file.name, bytes: db.export() };
  } finally {
    db.close();
  }
}

/** An OData TypedDataSet (what the CBS API gives) made from the first rows of a StatLine CSV with codes. */
export function odataFrom(file: ImportFile, rows: number, tableId: string, withProperties: boolean): ImportFile {
  const text = dec.decode(file.bytes).replace(/^\ufeff/, '');
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const cells = (l: string) => l.split(';').map((c) => c.replace(/^"|"$/g, ''));
  const header = cells(lines[0]!);
  const value = lines.slice(1, rows + 1).map((l) =>
    Object.fromEntries(
      cells(l).map((c, i) => {
        const n = Number(c.trim());
        return [header[i]!, c.trim() === '' || c.trim() === '.' ? null : Number.isFinite(n) && i > 0 ? n : c];
      }),
    ),
  );
  const doc: Record<string, unknown> = {
    'odata.metadata': `https://opendata.cbs.nl/ODataApi/OData/${tableId}/$metadata#Cbs.OData.WebAPI.TypedDataSet`,
    value,
  };
  if (withProperties) {
    doc.DataProperties = header.slice(1).map((k) => ({ Key: k, Title: k.replace(/_\d+$/, ''), Unit: 'aantal' }));
  }
  return { name: `${tableId}.json`, bytes: enc.encode(JSON.stringify(doc)) };
}

export type TargetName =
  | 'cbs-csv'
  | 'cbs-xlsx'
  | 'cbs-json'
  | 'cognos-csv'
  | 'cognos-xlsx'
  | 'partners-csv'
  | 'partners-xlsx'
  | 'relaties-csv'
  | 'relaties-xlsx'
  | 'postcodes'
  | 'geo-gpkg'
  | 'geo-geojson'
  | 'geo-topojson'
  | 'project';

export type SeedSet = Record<TargetName, readonly ImportFile[]>;

/**
 * The seeds per target: small cuts of the fixtures (`klein`, fast: the unit test, and most cases of the long run) and
 * the whole fixtures (`groot`, now and then in the long run; a target without larger fixtures has its small ones).
 * Project files are added by the harness (it builds a project with data first).
 */
export function loadSeeds(SQL: SqlJsStatic): { klein: SeedSet; groot: SeedSet } {
  const utrecht2019 = fixture('cbs/statline-untyped-2019-utrecht.csv');
  const kwbXlsx = fixture('cbs/kwb-2023-utrecht.xlsx');
  const geojson = fixture('geo/hengelo-buurten-pdok.geojson');
  const topojson = fixture('geo/hengelo-buurten-pdok.topojson');
  const gpkg = fixture('geo/ermelo-buurten-2021.gpkg');
  const socialeKaart = fixture('partners/sociale-kaart-utrecht.xlsx');
  const twente = fixture('partners/twente-jeugdhulp.csv');
  const pc6 = fixture('partners/pc6-gwb-utrecht.csv');
  const both: Record<TargetName, readonly [ImportFile[], ImportFile[]]> = {
    'cbs-csv': [
      [
        fixture('cbs/kwb-2023-enschede-west-voorbeeld.csv'),
        headLines(utrecht2019, 12),
        headLines(fixture('cbs/statline-labelled-2024-enschede.csv'), 12),
        headLines(fixture('cbs/statline-labelled-nabijheid-2023-zuilen.csv'), 4),
      ],
      [
        utrecht2019,
        fixture('cbs/statline-untyped-2019-den-haag.csv'),
        fixture('cbs/statline-labelled-2024-enschede.csv'),
        fixture('cbs/statline-labelled-nabijheid-2023-zuilen.csv'),
      ],
    ],
    'cbs-xlsx': [[headRows(kwbXlsx, 10)], [kwbXlsx]],
    'cbs-json': [
      [odataFrom(utrecht2019, 6, '84583NED', false), odataFrom(utrecht2019, 6, '84583NED', true)],
      [odataFrom(utrecht2019, 120, '84583NED', true)],
    ],
    'cognos-csv': [[fixture('cognos/boswinkel-meldingen.csv'), fixture('cognos/duizendtallen.csv')], []],
    'cognos-xlsx': [
      [
        fixture('cognos/boswinkel-meldingen-april-2024.xlsx'),
        fixture('cognos/boswinkel-toewijzingen-2024-04-02.xlsx'),
        fixture('cognos/boswinkel-toewijzingen-gegroepeerd.xlsx'),
        fixture('cognos/boswinkel-wmo-subniveaus.xlsx'),
        fixture('cognos/meldingen-per-buurt-transposed.xlsx'),
        fixture('cognos/alleen-titel.xlsx'),
      ],
      [fixture('cognos/leeg.xlsx'), fixture('cognos/persoonsgegevens.xlsx')],
    ],
    'partners-csv': [[fixture('partners/partners-organisaties.csv'), headLines(twente, 12)], [twente]],
    'partners-xlsx': [[headRows(socialeKaart, 10)], [socialeKaart, fixture('partners/persoonsgegevens.xlsx')]],
    'relaties-csv': [[fixture('partners/verwijzingen.csv')], []],
    'relaties-xlsx': [
      [headRows(fixture('partners/verwijzingen-2024.xlsx'), 12)],
      [fixture('partners/verwijzingen-2024.xlsx')],
    ],
    postcodes: [[headLines(pc6, 15)], [pc6]],
    'geo-gpkg': [[headGpkg(SQL, gpkg, 2)], [headGpkg(SQL, gpkg, 17)]],
    'geo-geojson': [[headFeatures(geojson, 2)], [headFeatures(geojson, 12)]],
    'geo-topojson': [[headTopology(topojson, 2)], [headTopology(topojson, 12)]],
    project: [[fixture('project-v1.wijkweb')], []],
  };
  const pick = (k: 0 | 1) =>
    Object.fromEntries(
      Object.entries(both).map(([t, lists]) => [t, lists[k].length > 0 ? lists[k] : lists[0]]),
    ) as unknown as SeedSet;
  return { klein: pick(0), groot: pick(1) };
}
