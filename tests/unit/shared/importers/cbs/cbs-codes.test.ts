/**
 * CBS area codes as CBS defines them, with real codes of several years (taken from the fixtures: the 2024
 * whole-country download, the 2019 StatLine files, the 2023 kwb workbook), and every other reader of a code
 * (the map import, the PC6 table, a partner's werkgebied) accepting the same codes.
 */
import { describe, expect, it } from 'vitest';
import { loadSqlJs } from '../../../../../node/sqljs';
import {
  buurtCodeVan,
  gemeenteOf,
  gemeenteVanRuweCode,
  isCbsCode,
  niveauOf,
  normaliseCode,
  parentCode,
} from '../../../../../shared/importers/cbs/codes';
import { parseGeoFile } from '../../../../../shared/importers/geo';
import { parsePostcodesFile } from '../../../../../shared/importers/partners/postcodes';
import { nederland2024 } from '../../../../helpers/cbs-fixtures';

/** Codes of the real 2024 download (85984NED), as padded there. */
const REAL_2024 = [
  'NL00      ',
  'GM0363    ',
  'WK0363AA  ',
  'BU0363AA01',
  'WK0363AF  ',
  'BU0363AF09',
  'GM0153    ',
  'WK015302  ',
  'BU01530201',
  'BU16800000',
];
/** 2019 (84583NED, Utrecht and Den Haag) and 2023 (kwb, Utrecht): digits only. */
const REAL_2019_2023 = [
  'GM0344',
  'WK034401',
  'BU03440111',
  'GM0518',
  'WK051801',
  'BU03441041',
  'WK034403',
  'BU03440312',
];

describe('CBS codes', () => {
  it('the real 2024 download holds every code below, and each is valid', () => {
    const text = new TextDecoder().decode(nederland2024().bytes);
    for (const c of REAL_2024) {
      expect(text, c).toContain(`"${c}"`);
      expect(normaliseCode(c), c).toBe(c.trim());
    }
  });

  it('accepts codes of several years, padded or not, in any case; letters only where CBS allows them', () => {
    for (const c of REAL_2019_2023) expect(normaliseCode(c), c).toBe(c);
    expect(normaliseCode('  bu0363aa01 ')).toBe('BU0363AA01');
    expect(normaliseCode('GM 0344')).toBe('GM0344');
    for (const bad of [
      'BU123',
      'WK03631',
      'GM363',
      'GM036A',
      'WKAA0363',
      'BU0363AA0',
      'BU0363AA012',
      'BU0363-A01',
      'XX0363AA',
      'NL01',
      'Amsterdam',
      '',
      '0363AA01',
    ]) {
      expect(normaliseCode(bad), bad).toBeNull();
    }
    expect(normaliseCode(363)).toBeNull();
    expect(isCbsCode('WK0363AA')).toBe(true);
    expect(isCbsCode('wk0363aa')).toBe(false);
  });

  it('derives level, parent and gemeente from a code with letters', () => {
    expect(niveauOf('BU0363AA01')).toBe('buurt');
    expect(parentCode('BU0363AA01')).toBe('WK0363AA');
    expect(parentCode('WK0363AA')).toBe('GM0363');
    expect(gemeenteOf('BU0363AA01')).toBe('GM0363');
    expect(gemeenteOf('NL00')).toBeNull();
    // Even a wrong code says which gemeente its row is of (so a row of another gemeente is not judged).
    expect(gemeenteVanRuweCode('BU0153XYZ')).toBe('GM0153');
    expect(gemeenteVanRuweCode('  wk0363a')).toBe('GM0363');
    expect(gemeenteVanRuweCode('Amsterdam')).toBeNull();
  });

  it('buurt codes without their prefix, as the PC6 table and partner lists write them', () => {
    expect(buurtCodeVan('0363AF09')).toBe('BU0363AF09');
    expect(buurtCodeVan('BU0363AF09')).toBe('BU0363AF09');
    expect(buurtCodeVan('3440613')).toBe('BU03440613');
    expect(buurtCodeVan('0363-F09')).toBeNull();
  });

  it('the PC6 table reads Amsterdam buurten with letters', () => {
    const csv = 'PC6;Buurt2023\r\n1013AB;0363AF09\r\n3511AE;03440613\r\n1012XX;BU0363AA01\r\n';
    const parsed = parsePostcodesFile({ name: 'pc6-gwb2023.csv', bytes: new TextEncoder().encode(csv) });
    expect(parsed.skipped).toBe(0);
    expect([...parsed.pairs].map(([pc, m]) => [pc, [...m.keys()]])).toEqual([
      ['1013AB', ['BU0363AF09']],
      ['3511AE', ['BU03440613']],
      ['1012XX', ['BU0363AA01']],
    ]);
  });

  it('the map import takes Amsterdam wijk and buurt codes with letters from GeoJSON properties', async () => {
    const square = [
      [
        [4.88, 52.38],
        [4.89, 52.38],
        [4.89, 52.39],
        [4.88, 52.38],
      ],
    ];
    const doc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { buurtcode: 'BU0363AA01', buurtnaam: 'Planciusbuurt-Noord' },
          geometry: { type: 'Polygon', coordinates: square },
        },
        {
          type: 'Feature',
          properties: { wk_code: 'WK0363AA', wijknaam: 'Haarlemmerbuurt' },
          geometry: { type: 'Polygon', coordinates: square },
        },
        {
          type: 'Feature',
          properties: { naam: 'zonder code', iets: 'BU0363AF09' },
          geometry: { type: 'Polygon', coordinates: square },
        },
      ],
    };
    const parsed = parseGeoFile(await loadSqlJs(), {
      name: 'amsterdam-2024.geojson',
      bytes: new TextEncoder().encode(JSON.stringify(doc)),
    });
    expect(parsed.features.map((f) => [f.code, f.niveau])).toEqual([
      ['BU0363AA01', 'buurt'],
      ['WK0363AA', 'wijk'],
      ['BU0363AF09', 'buurt'],
    ]);
  });
});
