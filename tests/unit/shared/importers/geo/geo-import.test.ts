import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createProjectService } from '../../../../../shared/service/project-service';
import { unwrap } from '../../../../../shared/result';
import { formatIssue } from '../../../../../shared/i18n/messages';
import { rdToWgs84, readWkb, simplifyRing, topoArcs, topoGeometry } from '../../../../../shared/importers/geo/geometry';
import { FIXED_NOW, sha256, sql } from '../../../../helpers/db';

const file = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(`tests/fixtures/geo/${name}`)) });

async function service() {
  const s = createProjectService({ SQL: await sql(), now: () => FIXED_NOW, sha256 });
  unwrap(await s.createProject('Kaart'));
  return s;
}

describe('geometry', () => {
  it('turns RD New into WGS84 (the origin in Amersfoort, and the Westertoren, the formulas’ own example)', () => {
    const [lon, lat] = rdToWgs84(155000, 463000);
    expect(lon).toBeCloseTo(5.38720621, 7);
    expect(lat).toBeCloseTo(52.1551744, 7);
    const [wLon, wLat] = rdToWgs84(120_700.723, 487_525.501);
    expect(wLon).toBeCloseTo(4.88352559, 5);
    expect(wLat).toBeCloseTo(52.37453253, 5);
  });

  it('reads little- and big-endian WKB polygons and decodes TopoJSON arcs (reversed ones too)', () => {
    const buf = new ArrayBuffer(1 + 4 + 4 + 4 + 4 * 16);
    const v = new DataView(buf);
    v.setUint8(0, 0); // big endian
    v.setUint32(1, 3, false);
    v.setUint32(5, 1, false);
    v.setUint32(9, 4, false);
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ].forEach(([x, y], i) => {
      v.setFloat64(13 + i * 16, x!, false);
      v.setFloat64(21 + i * 16, y!, false);
    });
    expect(readWkb(new Uint8Array(buf), 0)).toEqual([
      [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    ]);
    const arcs = topoArcs({
      arcs: [
        [
          [0, 0],
          [2, 0],
          [0, 2],
        ],
        [
          [0, 0],
          [2, 2],
        ],
      ],
      transform: { scale: [1, 1], translate: [10, 20] },
    });
    expect(topoGeometry(arcs, { type: 'Polygon', arcs: [[0, ~1]] })[0]![0]).toEqual([
      [10, 20],
      [12, 20],
      [12, 22],
      [10, 20],
    ]);
    const circle = Array.from({ length: 101 }, (_, i) => {
      const a = (2 * Math.PI * (i % 100)) / 100;
      return [10 * Math.cos(a), 10 * Math.sin(a)] as [number, number];
    });
    const simple = simplifyRing(circle, 0.5);
    expect(simple.length).toBeLessThan(30);
    expect(simple.length).toBeGreaterThanOrEqual(4);
    expect(simple[0]).toEqual(simple[simple.length - 1]);
  });
});

describe('the CBS wijk- en buurtkaart', () => {
  it('imports a real GeoPackage (RD New): Ermelo’s 17 buurten, with gemeente and wijken added for the year', async () => {
    const s = await service();
    expect(unwrap(await s.sniffImport(file('ermelo-buurten-2021.gpkg')))).toBe('geo');
    const p = unwrap(await s.previewGeoImport(file('ermelo-buurten-2021.gpkg'), {}));
    expect(p).toMatchObject({ formaat: 'gpkg', crs: 'RD New (EPSG:28992)', vlakken: 17, nieuw: 17, jaar: 2021 });
    unwrap(await s.importGeo(file('ermelo-buurten-2021.gpkg'), {}));
    const kaart = unwrap(await s.getKaart());
    expect(kaart.jaar).toBe(2021);
    expect(kaart.gebieden).toHaveLength(17);
    const [minLon, minLat, maxLon, maxLat] = kaart.bbox!;
    // Ermelo lies around 5.6 E, 52.3 N.
    expect(minLon).toBeGreaterThan(5.4);
    expect(maxLon).toBeLessThan(5.8);
    expect(minLat).toBeGreaterThan(52.2);
    expect(maxLat).toBeLessThan(52.4);
    expect(kaart.gebieden[0]).toMatchObject({ code: 'BU02330000', naam: 'Ermelo', niveau: 'buurt' });
    expect(unwrap(await s.getGebieden(2021)).gebieden.filter((g) => g.niveau === 'gemeente')).toHaveLength(1);
    // Undo takes the map and the gebieden it added back.
    unwrap(await s.undo());
    expect(unwrap(await s.getKaart()).gebieden).toHaveLength(0);
  });

  it('imports the same buurten from GeoJSON and from TopoJSON, joined on code to existing gebieden', async () => {
    const s = await service();
    unwrap(await s.importGeo(file('hengelo-buurten-pdok.geojson'), { jaar: 2020 }));
    const geo = unwrap(await s.getKaart());
    expect(geo.gebieden).toHaveLength(62);
    const t = await service();
    unwrap(await t.importGeo(file('hengelo-buurten-pdok.geojson'), { jaar: 2020 }));
    const p = unwrap(await t.previewGeoImport(file('hengelo-buurten-pdok.topojson'), {}));
    expect(p).toMatchObject({ formaat: 'topojson', vlakken: 62, gekoppeld: 62, nieuw: 0 });
    unwrap(await t.importGeo(file('hengelo-buurten-pdok.topojson'), {}));
    const topo = unwrap(await t.getKaart());
    expect(topo.gebieden).toHaveLength(62);
    // Both describe the same buurt: the bounding boxes agree to about 10 m.
    const [a, b] = [geo.bbox!, topo.bbox!];
    for (let i = 0; i < 4; i++) expect(Math.abs(a[i]! - b[i]!)).toBeLessThan(1e-4);
  });

  it('asks for the year when the buurten are new and the file does not say it; refuses a file that is no map', async () => {
    const s = await service();
    const p = unwrap(await s.previewGeoImport(file('hengelo-buurten-pdok.topojson'), {}));
    expect(p.kanImporteren).toBe(false);
    expect(p.problemen[0]).toMatchObject({ code: 'geo.jaar-onbekend', params: { aantal: 62 } });
    const bad = await s.previewGeoImport({ name: 'x.json', bytes: new TextEncoder().encode('{"type":"Feature"}') }, {});
    expect(bad).toMatchObject({ ok: false, error: { code: 'geo.onbekend-formaat' } });
  });
});

describe('damaged maps', () => {
  it('names a damaged shape of a GeoJSON or TopoJSON and refuses the import, without a crash', async () => {
    const s = createProjectService({ SQL: await sql(), now: () => FIXED_NOW, sha256 });
    unwrap(await s.createProject('Kaart'));
    const bad = [
      [
        '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[["x"]]}}]}',
        'geo.vorm-ongeldig',
      ],
      [
        '{"type":"Topology","arcs":[],"objects":{"b":{"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[7]]}]}}}',
        'geo.boog-ongeldig',
      ],
    ] as const;
    for (const [text, code] of bad) {
      const p = unwrap(await s.previewGeoImport({ name: 'kapot.json', bytes: new TextEncoder().encode(text) }, {}));
      expect(p.kanImporteren, text).toBe(false);
      expect(p.problemen[0], text).toMatchObject({ level: 'fout', code, row: 1 });
      expect(formatIssue(p.problemen[0]!)).not.toContain('GeoPackage');
    }
    const sqlite = await s.previewGeoImport({ name: 'x.gpkg', bytes: new Uint8Array(2048) }, {});
    expect(sqlite.ok).toBe(false);
  });
});
