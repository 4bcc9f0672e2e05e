import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createProjectService } from '../../../../../shared/service/project-service';
import { unwrap } from '../../../../../shared/result';
import { errorMessage, formatIssue } from '../../../../../shared/i18n/messages';
import { insertBron } from '../../../../../shared/db/repos/bronnen';
import { schrijfGeometrie, zorgVoorGebied } from '../../../../../shared/db/repos/geo-import';
import { loadKaart } from '../../../../../shared/db/repos/kaart';
import { maakProjectie, padVan } from '../../../../../renderer/features/kaart/logic';
import { createTestDb, FIXED_NOW, sha256, sql } from '../../../../helpers/db';

/** Issue 15.3: maps with impossible coordinates, RD metres without a crs, broken TopoJSON arcs. */

async function service() {
  const s = createProjectService({ SQL: await sql(), now: () => FIXED_NOW, sha256 });
  unwrap(await s.createProject('Kaart'));
  return s;
}
const json = (name: string, doc: unknown) => ({ name, bytes: new TextEncoder().encode(JSON.stringify(doc)) });
const text = (name: string, t: string) => ({ name, bytes: new TextEncoder().encode(t) });
const hengelo = () => ({
  name: 'hengelo-buurten-pdok.geojson',
  bytes: new Uint8Array(readFileSync('tests/fixtures/geo/hengelo-buurten-pdok.geojson')),
});

const square = (x: number, y: number, d: number) => [
  [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ],
];
const feature = (code: string, coordinates: unknown) => ({
  type: 'Feature',
  properties: { buurtcode: code, buurtnaam: code },
  geometry: { type: 'Polygon', coordinates },
});

describe('GeoJSON coordinates are checked before they reach the map', () => {
  it('1e308 in a shape: an error naming file and shape; the good shape already in the project stays', async () => {
    const s = await service();
    unwrap(await s.importGeo(hengelo(), { jaar: 2020 }));
    const before = unwrap(await s.getKaart());
    const bad = json('kapot-2020.geojson', {
      type: 'FeatureCollection',
      features: [feature('BU01640100', square(6.79, 52.26, 0.01)), feature('BU01640000', square(1e308, 52.2, 1))],
    });
    const p = unwrap(await s.previewGeoImport(bad, {}));
    expect(p.kanImporteren).toBe(false);
    expect(p.problemen).toHaveLength(1);
    expect(p.problemen[0]).toMatchObject({ level: 'fout', code: 'geo.buiten-bereik', row: 2 });
    const message = formatIssue(p.problemen[0]!);
    expect(message).toContain('‘kapot-2020.geojson’');
    expect(message).toContain('BU01640000');
    expect(message).not.toContain('GeoPackage');
    const r = await s.importGeo(bad, { opnieuw: true });
    expect(r.ok ? null : r.error.code).toBe('import.fouten-in-bestand');
    expect(unwrap(await s.getKaart())).toEqual(before);
  });

  it('a number too large for a double (1e309, read as Infinity) and a string are refused too', async () => {
    const s = await service();
    const inf = text(
      'inf.geojson',
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"statcode":"BU01640000"},' +
        '"geometry":{"type":"Polygon","coordinates":[[[6.7,52.2],[1e309,52.2],[6.8,52.3],[6.7,52.2]]]}}]}',
    );
    const nan = json('nan.geojson', {
      type: 'FeatureCollection',
      features: [
        feature('BU01640000', [
          [
            [6.7, 52.2],
            ['NaN', 52.2],
            [6.8, 52.3],
            [6.7, 52.2],
          ],
        ]),
      ],
    });
    for (const f of [inf, nan]) {
      const p = unwrap(await s.previewGeoImport(f, { jaar: 2020 }));
      expect(p.problemen[0], f.name).toMatchObject({ code: 'geo.coordinaat-ongeldig', row: 1 });
      expect(p.kanImporteren).toBe(false);
    }
  });

  it('RD New metres without a crs are recognised by their range and converted to degrees', async () => {
    const s = await service();
    const rd = json('rd-zonder-crs-2020.geojson', {
      type: 'FeatureCollection',
      features: [feature('BU03070100', square(155_000, 463_000, 500))],
    });
    const p = unwrap(await s.previewGeoImport(rd, {}));
    expect(p).toMatchObject({ crs: 'RD New (EPSG:28992)', vlakken: 1, fouten: 0 });
    unwrap(await s.importGeo(rd, {}));
    const [minLon, minLat, maxLon, maxLat] = unwrap(await s.getKaart()).bbox!;
    // Amersfoort, the origin of RD: 5.387 E, 52.155 N; 500 m is about 0.007° east and 0.0045° north.
    expect(minLon).toBeCloseTo(5.3872, 3);
    expect(minLat).toBeCloseTo(52.1552, 3);
    expect(maxLon - minLon).toBeGreaterThan(0.006);
    expect(maxLat - minLat).toBeGreaterThan(0.004);
    expect(maxLon).toBeLessThan(5.4);
  });

  it('a shape in neither RD nor Dutch degrees is refused; a point is skipped with a warning', async () => {
    const s = await service();
    const f = json('ver-2020.geojson', {
      type: 'FeatureCollection',
      features: [
        feature('BU01640100', square(6.79, 52.26, 0.01)),
        feature('BU01640200', square(120, -33, 1)),
        { type: 'Feature', properties: { statcode: 'BU01640300' }, geometry: { type: 'Point', coordinates: [6, 52] } },
      ],
    });
    const p = unwrap(await s.previewGeoImport(f, {}));
    expect(p.problemen.map((i) => [i.level, i.code, i.row])).toEqual([
      ['waarschuwing', 'geo.geen-vlak', 3],
      ['fout', 'geo.buiten-bereik', 2],
    ]);
  });
});

describe('TopoJSON arcs are checked', () => {
  const topo = (
    geometries: unknown[],
    arcs: unknown = [
      [
        [6.7, 52.2],
        [6.8, 52.2],
        [6.8, 52.3],
        [6.7, 52.2],
      ],
    ],
  ) =>
    json('topo-2020.topojson', {
      type: 'Topology',
      arcs,
      objects: { buurten: { type: 'GeometryCollection', geometries } },
    });
  const geom = (arcs: unknown) => ({ type: 'Polygon', arcs, properties: { statcode: 'BU01640000' } });

  it('null, absurd, fractional or missing arc indices are errors naming the shape', async () => {
    const s = await service();
    const cases: [unknown, string][] = [
      [null, 'geo.vorm-ongeldig'],
      [[null], 'geo.vorm-ongeldig'],
      [[[null]], 'geo.boog-ongeldig'],
      [[[1e15]], 'geo.boog-ongeldig'],
      [[[-1e15]], 'geo.boog-ongeldig'],
      [[[0.5]], 'geo.boog-ongeldig'],
      [[[1]], 'geo.boog-ongeldig'],
    ];
    for (const [arcs, code] of cases) {
      const p = unwrap(await s.previewGeoImport(topo([geom([[0]]), geom(arcs)]), {}));
      expect(p.problemen, JSON.stringify(arcs)).toMatchObject([{ level: 'fout', code, row: 2 }]);
      expect(p.vlakken).toBe(1);
      expect(p.kanImporteren).toBe(false);
      expect(formatIssue(p.problemen[0]!)).not.toContain('GeoPackage');
    }
  });

  it('an arc that is not a list of positions, a broken transform, no arcs at all', async () => {
    const s = await service();
    const p = unwrap(await s.previewGeoImport(topo([geom([[0]])], [null]), {}));
    expect(p.problemen[0]).toMatchObject({ code: 'geo.boog-ongeldig' });
    const broken = json('topo.topojson', {
      type: 'Topology',
      transform: { scale: [null, 1], translate: [0, 0] },
      arcs: [],
      objects: {},
    });
    for (const f of [broken, topo([geom([[0]])], null)]) {
      const r = await s.previewGeoImport(f, {});
      expect(r.ok ? null : r.error.code).toBe('geo.onleesbaar-json');
      if (!r.ok) expect(errorMessage(r.error)).not.toContain('GeoPackage');
    }
  });

  it('one arc repeated a million times is refused, not unrolled', async () => {
    const s = await service();
    const arc = Array.from({ length: 1000 }, (_, i) => [6.7 + i * 1e-5, 52.2]);
    const p = unwrap(await s.previewGeoImport(topo([geom([Array(1001).fill(0)])], [arc]), {}));
    expect(p.problemen[0]).toMatchObject({ code: 'geo.te-veel-punten', row: 1 });
  });
});

describe('one bad shape never breaks the Kaart', () => {
  it('a shape stored by an older version with Infinity or far away is left out of the map', async () => {
    const db = await createTestDb();
    const bronId = insertBron(db, {
      soort: 'geo',
      bestandsnaam: 'oud.geojson',
      sha256: '0'.repeat(64),
      omschrijving: 'Wijk- en buurtkaart (geojson)',
      geimporteerdOp: FIXED_NOW,
      rijenGelezen: 3,
      rijenGeimporteerd: 3,
    });
    const shape = (code: string, coordinates: number[][][][], box: [number, number, number, number]) => {
      const id = zorgVoorGebied(db, { code, naam: code, niveau: 'buurt', ouderId: null, jaar: 2020, bronId });
      schrijfGeometrie(db, id, coordinates, box, bronId);
    };
    shape('BU01640000', [square(6.79, 52.26, 0.01)], [6.79, 52.26, 6.8, 52.27]);
    shape('BU01640100', [square(Infinity, 52.2, 1)], [6.7, 52.2, Infinity, 53.2]);
    shape('BU01640200', [square(120, -33, 1)], [120, -33, 121, -32]);
    const kaart = loadKaart(db, 2020);
    expect(kaart.gebieden.map((g) => g.code)).toEqual(['BU01640000']);
    expect(kaart.bbox).toEqual([6.79, 52.26, 6.8, 52.27]);
    db.close();
  });

  it('the SVG path builder skips a point that is not a number', () => {
    const p = maakProjectie([6.7, 52.2, 6.8, 52.3]);
    const d = padVan(
      [
        [
          [
            [6.7, 52.2],
            [Number.NaN, 52.2],
            [6.8, 52.3],
            [6.7, Number.POSITIVE_INFINITY],
            [6.7, 52.2],
          ],
        ],
      ],
      p,
    );
    expect(d).not.toContain('NaN');
    expect(d).not.toContain('Infinity');
    expect(d).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){2}Z$/);
  });
});
