/** The Pilotmonitor view's pure parts: sparkline scaling, stacked bar geometry, cost bars, the goal form, the map. */
import { describe, expect, it } from 'vitest';
import type { AfhandelingPeriode, KostenJaar, TrendPunt } from '../../../../../shared/analysis/pilot';
import {
  INDEX_PALET,
  heleProcenten,
  indexKlasse,
  indexPerBuurt,
  kostenBalken,
  leesDoel,
  leesGetal,
  maandPeriode,
  sparkline,
  stapelSegmenten,
  veldenVan,
} from '../../../../../renderer/features/pilot/logic';

const punt = (moment: string, waarde: number): TrendPunt => ({ moment, waarde, status: 'op_koers' });

describe('sparkline', () => {
  it('spreads the points over the box by date and keeps the baseline inside the range', () => {
    const s = sparkline([punt('2024-01-31', 10), punt('2024-03-31', 20), punt('2024-04-30', 15)], 5, 120, 32, 3);
    expect(s.punten.map((p) => p.x)).toEqual([3, 79, 117]);
    // The baseline (5) is the lowest value: at the bottom margin; 20 at the top margin.
    expect(s.basisY).toBe(29);
    expect(s.punten[1]!.y).toBe(3);
    expect(s.punten[2]!.y).toBeCloseTo(11.7, 1);
    expect(s.pad).toMatch(/^M3,\d+(\.\d)? L/);
    expect(s.min).toBe(5);
    expect(s.max).toBe(20);
  });

  it('puts a single point and equal values in the middle, and draws nothing without points', () => {
    const een = sparkline([punt('2024-04-30', 7.4)], 7.4, 120, 32);
    expect(een.punten).toEqual([{ x: 60, y: 16, status: 'op_koers' }]);
    expect(een.basisY).toBe(16);
    expect(sparkline([], null).pad).toBe('');
    expect(sparkline([punt('2024-01-31', 3)], null).basisY).toBeNull();
  });
});

const periode = (perCategorie: Record<string, number>): AfhandelingPeriode => ({
  van: '2024-04-01',
  tot: '2024-06-30',
  label: 'Q2 2024',
  maanden: 1,
  perCategorie,
  afgeschermd: [],
  totaal: Object.values(perCategorie).reduce((s, v) => s + v, 0),
  bronnen: [],
});

describe('stacked bars', () => {
  it('gives each category a segment as wide as its share, in the order of the categories', () => {
    const segs = stapelSegmenten(
      periode({ voorliggend: 30, wijkteam: 36, maatwerk: 18, overig: 3 }),
      ['wijkteam', 'voorliggend', 'maatwerk', 'overig'],
      560,
    );
    expect(segs.map((s) => s.categorie)).toEqual(['wijkteam', 'voorliggend', 'maatwerk', 'overig']);
    expect(segs.map((s) => s.procent)).toEqual([41, 34, 21, 3]);
    expect(segs[0]!.x).toBe(0);
    expect(segs[1]!.x).toBeCloseTo(segs[0]!.breedte, 0);
    const eind = segs.at(-1)!.x + segs.at(-1)!.breedte;
    expect(eind).toBeCloseTo(560, 0);
    expect(segs.map((s) => s.aantal)).toEqual([36, 30, 18, 3]);
  });

  it('leaves out empty categories and draws nothing for an empty period', () => {
    expect(stapelSegmenten(periode({ wijkteam: 5, overig: 0 }), ['wijkteam', 'overig'], 100)).toEqual([
      { categorie: 'wijkteam', x: 0, breedte: 100, procent: 100, aantal: 5 },
    ]);
    expect(stapelSegmenten(periode({}), ['wijkteam'], 100)).toEqual([]);
  });

  it('rounds the shares as the evaluation questions do', () => {
    expect(heleProcenten([76, 70, 28, 8])).toEqual([42, 38, 15, 4]);
    expect(heleProcenten([0, 0])).toEqual([0, 0]);
  });
});

describe('cost bars', () => {
  const jaar = (j: number, totaal: number): KostenJaar => ({
    jaar: j,
    perWet: { Wmo: totaal },
    totaal,
    maanden: 12,
    perJaar: totaal,
    basisjaar: j < 2024,
    afgeleid: false,
    bronnen: [],
  });
  it('scales to the highest of the totals and the baseline', () => {
    const { balken, basisY, max } = kostenBalken([jaar(2023, 1_000_000), jaar(2024, 500_000)], 800_000, 200);
    expect(max).toBe(1_000_000);
    expect(balken.map((b) => [b.y, b.hoogte])).toEqual([
      [0, 200],
      [100, 100],
    ]);
    expect(basisY).toBe(40);
    expect(kostenBalken([jaar(2024, 100)], null, 200).basisY).toBeNull();
  });
});

describe('numbers and months', () => {
  it('reads numbers as people type them', () => {
    expect(leesGetal('2,5')).toBe(2.5);
    expect(leesGetal('1.234.567')).toBe(1234567);
    expect(leesGetal('1.234,5')).toBe(1234.5);
    expect(leesGetal('7.4')).toBe(7.4);
    expect(leesGetal('€ 125000')).toBe(125000);
    expect(leesGetal('')).toBeNull();
    expect(leesGetal('veel')).toBeNull();
  });
  it('turns a month into its first and last day', () => {
    expect(maandPeriode('2024-02')).toEqual(['2024-02-01', '2024-02-29']);
    expect(maandPeriode('2024-13')).toBeNull();
    expect(maandPeriode('')).toBeNull();
  });
});

describe('the goal form', () => {
  it('says per field what is missing, and reads a complete form as a goal', () => {
    const leeg = leesDoel(veldenVan(null, 'BU01530201'));
    expect(leeg.invoer).toBeNull();
    expect(leeg.fouten).toEqual({ naam: 'naam', basisTot: 'basisTot' });

    const v = {
      ...veldenVan(null, 'BU01530201'),
      naam: ' Meer voorliggend opgelost ',
      maat: 'voorliggend_aandeel' as const,
      richting: 'hoger' as const,
      basisSoort: 'waarde' as const,
      basisWaarde: '25',
      basisTot: '2023-12-31',
      doelWaarde: '40',
      wet: 'Wmo',
      marge: '2,5',
    };
    const { invoer, fouten } = leesDoel(v);
    expect(fouten).toEqual({});
    expect(invoer).toMatchObject({
      naam: 'Meer voorliggend opgelost',
      gebied: 'BU01530201',
      basisWaarde: 25,
      basisVan: null,
      basisTot: '2023-12-31',
      doelWaarde: 40,
      // A share has no wet.
      wet: null,
      marge: 2.5,
      criterium: null,
    });
    expect(leesDoel({ ...v, basisWaarde: 'veel', marge: '120', criterium: '1,5' }).fouten).toEqual({
      basisWaarde: 'getal',
      marge: 'marge',
      criterium: 'criterium',
    });
    expect(leesDoel({ ...v, basisSoort: 'periode', basisVan: '2024-01-01', basisTot: '2023-12-31' }).fouten).toEqual({
      basisVan: 'volgorde',
    });
  });
});

describe('the map of aanmeldingen per fte', () => {
  it('has five fixed classes around the gemeente', () => {
    expect([0.5, 0.8, 0.9, 1, 1.1, 1.2, 1.3].map(indexKlasse)).toEqual([0, 0, 1, 2, 3, 3, 4]);
    expect(INDEX_PALET).toHaveLength(5);
  });
  it('colours a buurt by its own row, else its wijk, else its eigen gebied', () => {
    const m = indexPerBuurt(
      [
        { code: 'BU1', index: 1.3 },
        { code: 'WK1', index: 0.7 },
        { code: 'EG_1', index: 1 },
        { code: 'BU9', index: null },
      ],
      [
        { code: 'BU1', wijkCode: 'WK1' },
        { code: 'BU2', wijkCode: 'WK1' },
        { code: 'BU3', wijkCode: 'WK2' },
        { code: 'BU4', wijkCode: 'WK2' },
        { code: 'BU9', wijkCode: null },
      ],
      new Map([['EG_1', ['BU3', 'BU2']]]),
    );
    expect(Object.fromEntries(m)).toEqual({
      BU1: { index: 1.3, gebied: 'BU1' },
      BU2: { index: 0.7, gebied: 'WK1' },
      BU3: { index: 1, gebied: 'EG_1' },
    });
  });
});
