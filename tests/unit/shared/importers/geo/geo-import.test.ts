import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createProjectService } from '../../../../../shared/service/project-service';
import { unwrap } from '../../../../../shared/result';
import { formatIssue } from '../../../../../shared/i18n/messages';
import {
  checkTopology,
  naarWgs84,
  rdToWgs84,
  readWkb,
  simplifyShared,
  topoGeometry,
  type MultiPolygon,
  type Ring,
} from '../../../../../shared/importers/geo/geometry';
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
    const topo = {
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
    };
    expect(topoGeometry(topo, checkTopology(topo), { type: 'Polygon', arcs: [[0, ~1]] })[0]![0]).toEqual([
      [10, 20],
      [12, 20],
      [12, 22],
      [10, 20],
    ]);
  });

  it('simplifies a shape to a few points, closed, never below 4', () => {
    const circle = (r: number): MultiPolygon => [
      [
        Array.from({ length: 101 }, (_, i) => {
          const a = (2 * Math.PI * (i % 100)) / 100;
          return [5.3 + r * Math.cos(a), 52.1 + r * Math.sin(a)] as [number, number];
        }),
      ],
    ];
    // About 700 m across: the points within 1.5 m of their neighbours' line go.
    const [groot, klein] = simplifyShared([circle(0.005), circle(0.00001)]).map((mp) => mp[0]![0]!);
    expect(groot!.length).toBeLessThan(60);
    expect(groot!.length).toBeGreaterThanOrEqual(4);
    expect(groot![0]).toEqual(groot![groot!.length - 1]);
    // A circle 2 m across is a triangle, not a line.
    expect(new Set(klein!.map((p) => p.join())).size).toBe(3);
    expect(klein).toHaveLength(4);
  });

  it('keeps a border two shapes share as one line: the same points on both sides, no gap', () => {
    // West is one buurt of about 700 m; east of it lie two, so their corner is a point on west's side. The common
    // side wiggles by a few metres. Simplified ring by ring (Douglas–Peucker, as before), west kept other points of
    // it than its two neighbours did: 7 and 3 points on one side only, slivers of map between them.
    const x0 = 6.85;
    const y0 = 52.2;
    const d = 0.01;
    const r6 = (v: number) => Math.round(v * 1e6) / 1e6;
    const grens: Ring = Array.from({ length: 201 }, (_, i) => {
      const wiggle = i === 0 || i === 200 ? 0 : 0.00004 * Math.sin(i * 0.1) + 0.00001 * Math.sin(i * 1.7);
      return [r6(x0 + d + wiggle), r6(y0 + (d * i) / 200)];
    });
    const [zuid, noord] = [grens.slice(0, 101), grens.slice(100)];
    const oost = x0 + 2 * d;
    const west: MultiPolygon = [[[[x0, y0], ...grens, [x0, y0 + d], [x0, y0]]]];
    const zuidoost: MultiPolygon = [[[[oost, y0], [oost, y0 + d / 2], ...zuid.slice().reverse(), [oost, y0]]]];
    const noordoost: MultiPolygon = [
      [[[oost, y0 + d / 2], [oost, y0 + d], ...noord.slice().reverse(), [oost, y0 + d / 2]]],
    ];
    const [w, zo, no] = simplifyShared([west, zuidoost, noordoost].map((mp) => naarWgs84(mp, null))).map(
      (mp) => mp[0]![0]!,
    );
    // The points of a piece of the border that a ring kept (once each: a ring may start and end on the border).
    const op = (ring: Ring, deel: Ring) => {
      const punten = new Set(deel.map((p) => p.join()));
      return [...new Set(ring.map((p) => p.join()).filter((p) => punten.has(p)))].sort();
    };
    // Simplified: of the 101 points of each half a few are left ...
    expect(op(w!, zuid).length).toBeGreaterThan(2);
    expect(op(w!, zuid).length).toBeLessThan(30);
    // ... and exactly the same ones on both sides, the corner of the two eastern buurten included.
    expect(op(zo!, zuid)).toEqual(op(w!, zuid));
    expect(op(no!, noord)).toEqual(op(w!, noord));
    expect(op(w!, [grens[100]!])).toHaveLength(1);
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
