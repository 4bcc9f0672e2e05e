/** Pure parts of the Kaart view: projection, paths, centroids, class breaks, colours, zoom, and the SVG export. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BLAUW_5,
  klassen,
  klassengrenzen,
  klasseVan,
  kleurVan,
  kwantiel,
  maakProjectie,
  middelpunt,
  mooiGetal,
  padVan,
  spreiding,
  zoomRond,
} from '../../../../../renderer/features/kaart/logic';
import { kaartBestandsnaam, kaartSvg } from '../../../../../renderer/features/kaart/svg-export';

describe('the projection', () => {
  it('fits the bbox, keeps the shape (longitude scaled by cos of the mean latitude) and puts north up', () => {
    // One degree square at 52°N: about 0.616 as wide as high.
    const p = maakProjectie([6, 52, 7, 53], 1000, 16, 100, 2000);
    const [x0, y0] = p.project(6, 53);
    const [x1, y1] = p.project(7, 52);
    expect(y0).toBeLessThan(y1);
    const w = x1 - x0;
    const h = y1 - y0;
    expect(w / h).toBeCloseTo(Math.cos((52.5 * Math.PI) / 180), 6);
    // It fits inside the box with its margin, centred.
    expect(h).toBeCloseTo(p.hoogte - 32, 6);
    expect(x0).toBeCloseTo((1000 - w) / 2, 6);
    expect(x0).toBeGreaterThanOrEqual(16);
  });
  it('clamps the height for very flat or very tall areas', () => {
    expect(maakProjectie([5, 52, 7, 52.01]).hoogte).toBe(360);
    expect(maakProjectie([5, 50, 5.01, 53]).hoogte).toBe(900);
  });
  it('draws paths of multipolygons with holes, dropping repeated points, and finds the centre of the largest part', () => {
    const p = maakProjectie([0, 0, 10, 10], 1000, 0, 100, 2000);
    const square = (x: number, y: number, s: number) => [
      [x, y],
      [x + s, y],
      [x + s, y + s],
      [x, y + s],
      [x, y],
    ];
    const coords = [[square(0, 0, 8), square(2, 2, 1)], [square(9, 9, 1)]];
    const d = padVan(coords, p);
    expect(d.match(/M/g)).toHaveLength(3);
    expect(d.match(/Z/g)).toHaveLength(3);
    expect(
      padVan(
        [
          [
            [
              [1, 1],
              [1, 1],
              [2, 2],
              [2, 1],
              [1, 1],
            ],
          ],
        ],
        p,
      ).match(/L/g),
    ).toHaveLength(3);
    const [cx, cy] = middelpunt(coords, p)!;
    const [ex, ey] = p.project(4, 4);
    expect(cx).toBeCloseTo(ex, 6);
    expect(cy).toBeCloseTo(ey, 6);
  });
  it('projects a real PDOK buurt map into the box', () => {
    const doc = JSON.parse(readFileSync('tests/fixtures/geo/hengelo-buurten-pdok.geojson', 'utf8')) as {
      features: { geometry: { type: string; coordinates: number[][][] | number[][][][] } }[];
    };
    const polys = doc.features.map((f) =>
      f.geometry.type === 'Polygon'
        ? [f.geometry.coordinates as number[][][]]
        : (f.geometry.coordinates as number[][][][]),
    );
    const all = polys.flat(3);
    const bbox = [
      Math.min(...all.map((q) => q[0]!)),
      Math.min(...all.map((q) => q[1]!)),
      Math.max(...all.map((q) => q[0]!)),
      Math.max(...all.map((q) => q[1]!)),
    ] as const;
    const p = maakProjectie(bbox);
    for (const poly of polys) {
      const c = middelpunt(poly, p)!;
      expect(c[0]).toBeGreaterThan(0);
      expect(c[0]).toBeLessThan(p.breedte);
      expect(c[1]).toBeGreaterThan(0);
      expect(c[1]).toBeLessThan(p.hoogte);
      expect(padVan(poly, p)).toMatch(/^M[\d.]+,[\d.]+L/);
    }
  });
  it('spreads markers around the centre', () => {
    expect(spreiding(0)).toEqual([0, 0]);
    const pts = [1, 2, 3, 4, 5].map((i) => spreiding(i));
    expect(new Set(pts.map((q) => `${q[0].toFixed(2)},${q[1].toFixed(2)}`)).size).toBe(5);
  });
  it('zooms around a point that stays in place', () => {
    const t = zoomRond({ x: 0, y: 0, k: 1 }, 100, 50, 2);
    // The point (100, 50) in map coordinates is at the same spot on the screen before and after.
    expect([100 * t.k + t.x, 50 * t.k + t.y]).toEqual([100, 50]);
    const t2 = zoomRond(t, 300, 200, 4);
    const mx = (300 - t.x) / t.k;
    const my = (200 - t.y) / t.k;
    expect(mx * t2.k + t2.x).toBeCloseTo(300, 9);
    expect(my * t2.k + t2.y).toBeCloseTo(200, 9);
  });
});

describe('class breaks', () => {
  it('rounds to pretty numbers with two significant digits', () => {
    expect(mooiGetal(1234)).toBe(1200);
    expect(mooiGetal(17.36)).toBe(17);
    expect(mooiGetal(0.0734)).toBeCloseTo(0.073, 10);
    expect(mooiGetal(-2567)).toBe(-2600);
    expect(mooiGetal(0)).toBe(0);
  });
  it('computes quantiles like R type 7', () => {
    expect(kwantiel([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(kwantiel([10], 0.3)).toBe(10);
    expect(kwantiel([1, 2, 3, 4, 5], 0.2)).toBeCloseTo(1.8, 10);
  });
  it('gives 5 quantile classes with pretty, increasing breaks inside the range', () => {
    const values = Array.from({ length: 100 }, (_, i) => 500 + i * 37);
    const b = klassengrenzen(values, 5);
    expect(b).toHaveLength(4);
    for (let i = 1; i < b.length; i++) expect(b[i]!).toBeGreaterThan(b[i - 1]!);
    for (const x of b) expect(mooiGetal(x)).toBe(x);
    const ks = klassen(values, b, BLAUW_5);
    expect(ks).toHaveLength(5);
    expect(ks.reduce((t, k) => t + k.aantal, 0)).toBe(100);
    // Roughly a fifth in each class.
    for (const k of ks) expect(k.aantal).toBeGreaterThanOrEqual(15);
    expect(ks[0]!.van).toBe(500);
    expect(ks[4]!.tot).toBe(500 + 99 * 37);
    expect(ks.map((k) => k.kleur)).toEqual([...BLAUW_5]);
    // The order of the values does not matter.
    expect(klassengrenzen([...values].reverse(), 5)).toEqual(b);
  });
  it('uses fewer classes when many values are equal, and none for one value', () => {
    expect(klassengrenzen([1, 1, 1, 1, 1, 1, 2, 3, 3, 3, 3, 3], 5)).toEqual([2.6, 3]);
    expect(klassengrenzen([5, 5, 5, 5, 5, 5, 5, 5, 5, 7], 5)).toEqual([]);
    expect(klassengrenzen([3], 5)).toEqual([]);
    expect(klassengrenzen([], 5)).toEqual([]);
    const ks = klassen([1, 1, 1, 1, 1, 1, 2, 3, 3, 3, 3, 3], [2.6, 3], BLAUW_5);
    expect(ks.map((k) => [k.van, k.tot, k.aantal, k.kleur])).toEqual([
      [1, 2.6, 7, BLAUW_5[0]],
      [2.6, 3, 0, BLAUW_5[2]],
      [3, 3, 5, BLAUW_5[4]],
    ]);
    // One class: the middle colour, the whole range.
    expect(klassen([5, 7], [], BLAUW_5)).toEqual([{ index: 0, van: 5, tot: 7, aantal: 2, kleur: BLAUW_5[2] }]);
  });
  it('classifies a value: below the first break is 0, at a break goes up', () => {
    expect(klasseVan(1, [2, 4, 6])).toBe(0);
    expect(klasseVan(2, [2, 4, 6])).toBe(1);
    expect(klasseVan(5, [2, 4, 6])).toBe(2);
    expect(klasseVan(99, [2, 4, 6])).toBe(3);
    expect(klasseVan(0, [])).toBe(0);
  });
  it('spreads fewer classes over the palette (light, middle, dark), light to dark', () => {
    expect([0, 1, 2].map((i) => kleurVan(i, 3, BLAUW_5))).toEqual([BLAUW_5[0], BLAUW_5[2], BLAUW_5[4]]);
    expect(kleurVan(0, 1, BLAUW_5)).toBe(BLAUW_5[2]);
    const lum = (hex: string) => {
      const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
      const lin = c.map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * lin[0]! + 0.7152 * lin[1]! + 0.0722 * lin[2]!;
    };
    BLAUW_5.forEach((fill, i) => {
      if (i > 0) expect(lum(fill)).toBeLessThan(lum(BLAUW_5[i - 1]!));
    });
  });
});

describe('the SVG export', () => {
  it('is a complete document with the map, the legend, the source, escaped names and the hatch', () => {
    const { svg, breedte, hoogte } = kaartSvg({
      breedte: 1000,
      hoogte: 600,
      titel: 'Aantal inwoners, 2020',
      vlakken: [
        { d: 'M0,0L10,0L10,10Z', fill: '#08519c', naam: 'Boswinkel & <De Braker>' },
        { d: 'M20,0L30,0L30,10Z', fill: '#e6e6e6', arcering: true, naam: 'Zonder cijfers' },
        { d: 'M40,0L50,0L50,10Z', fill: '#54278f', voorbereiding: true, naam: 'Gepland' },
      ],
      markers: [{ x: 5, y: 5, vorm: 'ruit', fill: '#E69F00' }],
      legendaTitel: 'Aantal inwoners · Indeling: kwantielen',
      legenda: [
        { label: '880 tot 1.200 (12 buurten)', fill: '#eff3ff' },
        { label: 'Geen gegevens', fill: '#e6e6e6', arcering: true },
        { label: 'Collectief aanbod', fill: '#E69F00', vorm: 'ruit' },
      ],
      voetregel: 'Bron: CBS',
    });
    expect(breedte).toBe(1000);
    expect(hoogte).toBeGreaterThan(600);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain(`height="${hoogte}"`);
    expect(svg).toContain('Boswinkel &amp; &lt;De Braker&gt;');
    expect(svg).toContain('url(#wijkweb-export-arcering)');
    expect(svg).toContain('url(#wijkweb-export-voorbereiding)');
    expect(svg).toContain('880 tot 1.200 (12 buurten)');
    expect(svg).toContain('Bron: CBS');
    expect((svg.match(/<path /g) ?? []).length).toBeGreaterThanOrEqual(5);
    expect(svg.endsWith('</svg>')).toBe(true);
  });
  it('names the files by subject and date', () => {
    expect(kaartBestandsnaam('Hiaat: Zorg/Hulpverlening', 'png', new Date(2026, 10, 23))).toBe(
      'kaart-hiaat-zorg-hulpverlening-2026-11-23.png',
    );
    expect(kaartBestandsnaam('% 65 jaar of ouder', 'svg', new Date(2026, 0, 5))).toBe(
      'kaart-65-jaar-of-ouder-2026-01-05.svg',
    );
  });
});
