/**
 * The Netwerk view's own layouts and helpers (renderer/features/netwerk/layout.ts, zoek.ts, legenda-regels.ts):
 * grouped and concentric layouts, a place for a new knoop, type-ahead matching, the legend of an export.
 */
import { describe, expect, it } from 'vitest';
import {
  AFSTAND,
  concentrisch,
  groepIndeling,
  groepLabelId,
  groepNaam,
  groepVan,
  parseGroepLabelId,
  plaatsNieuw,
  spiraal,
  spiraalStraal,
  ZONDER_GROEP,
} from '../../../../../renderer/features/netwerk/layout';
import { legendaRegels } from '../../../../../renderer/features/netwerk/legenda-regels';
import type { Legenda } from '../../../../../renderer/features/netwerk/style';
import { zoekKnopen } from '../../../../../renderer/features/netwerk/zoek';
import type { NetwerkKnoop } from '../../../../../shared/contract';

const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe('grouped layout', () => {
  const items = [
    ...Array.from({ length: 20 }, (_, i) => ({ id: `a${i}`, groep: 'WK01', gewicht: i === 7 ? 50 : i })),
    ...Array.from({ length: 5 }, (_, i) => ({ id: `b${i}`, groep: 'WK02', gewicht: i })),
    { id: 'z0', groep: ZONDER_GROEP, gewicht: 99 },
    ...Array.from({ length: 8 }, (_, i) => ({ id: `c${i}`, groep: 'WK03', gewicht: 0 })),
  ];
  const r = groepIndeling(items);

  it('places every knoop once, the heaviest in the middle of its group', () => {
    expect(r.posities.size).toBe(items.length);
    const centre = r.labels.find((l) => l.groep === 'WK01')!;
    const a7 = r.posities.get('a7')!;
    expect(a7.x).toBeCloseTo(centre.x, 0);
    for (let i = 0; i < 20; i++) if (i !== 7) expect(dist(r.posities.get(`a${i}`)!, a7)).toBeGreaterThan(AFSTAND / 2);
  });

  it('keeps groups apart: every knoop is nearer its own group’s middle than any other group’s', () => {
    const centres = new Map(
      ['WK01', 'WK02', 'WK03', ZONDER_GROEP].map((g) => {
        const ps = items.filter((i) => i.groep === g).map((i) => r.posities.get(i.id)!);
        return [g, { x: ps.reduce((s, p) => s + p.x, 0) / ps.length, y: ps.reduce((s, p) => s + p.y, 0) / ps.length }];
      }),
    );
    for (const it of items) {
      const own = dist(r.posities.get(it.id)!, centres.get(it.groep)!);
      for (const [g, c] of centres) if (g !== it.groep) expect(dist(r.posities.get(it.id)!, c)).toBeGreaterThan(own);
    }
  });

  it('one label per group, largest group first and "zonder" last', () => {
    expect(r.labels.map((l) => l.groep)).toEqual(['WK01', 'WK03', 'WK02', ZONDER_GROEP]);
  });

  it('is the same every time', () => {
    expect([...groepIndeling([...items].reverse()).posities].sort()).toEqual([...r.posities].sort());
  });

  it('the spiral fills a disc of the promised radius', () => {
    for (let i = 0; i < 30; i++) expect(dist(spiraal(i), { x: 0, y: 0 })).toBeLessThanOrEqual(spiraalStraal(30) + 1);
  });
});

describe('the group of a knoop and its label', () => {
  const k = (patch: Partial<NetwerkKnoop>) =>
    ({ soort: 'organisatie', sector: null, wijkCode: null, buurtCode: null, niveau: null, ...patch }) as NetwerkKnoop;
  it('by wijk, buurt or sector; without one it goes to "zonder"', () => {
    expect(groepVan(k({ wijkCode: 'WK01', buurtCode: 'BU0101' }), 'wijk')).toBe('WK01');
    expect(groepVan(k({ wijkCode: 'WK01', buurtCode: 'BU0101' }), 'buurt')).toBe('BU0101');
    expect(groepVan(k({ sector: 'zorg' }), 'sector')).toBe('zorg');
    expect(groepVan(k({}), 'wijk')).toBe(ZONDER_GROEP);
    expect(groepVan(k({ soort: 'gebied', niveau: 'wijk', wijkCode: 'WK01' }), 'buurt')).toBe('WK01');
  });

  it('label ids round-trip and carry a readable name', () => {
    const id = groepLabelId('wijk', 'WK034402');
    expect(parseGroepLabelId(id)).toEqual({ groepering: 'wijk', groep: 'WK034402' });
    expect(parseGroepLabelId('o12')).toBeNull();
    const data = {
      gebieden: { WK034402: { naam: 'Noordwest', niveau: 'wijk' as const, wijk: 'WK034402' } },
      labels: { soort_organisatie: { zorg: 'Zorg' } },
    };
    const t = { zonder: 'Zonder wijk', gebieden: 'Buurten' };
    expect(groepNaam('wijk', 'WK034402', data, t)).toBe('Noordwest');
    expect(groepNaam('sector', 'zorg', data, t)).toBe('Zorg');
    expect(groepNaam('wijk', ZONDER_GROEP, data, t)).toBe('Zonder wijk');
  });
});

describe('concentric layout', () => {
  it('puts the highest value in the middle and lower values on wider rings', () => {
    const items = Array.from({ length: 40 }, (_, i) => ({ id: `n${i}`, waarde: 40 - i }));
    const p = concentrisch(items);
    expect(p.get('n0')).toEqual({ x: 0, y: 0 });
    let prev = 0;
    for (const it of items) {
      const r = dist(p.get(it.id)!, { x: 0, y: 0 });
      expect(r).toBeGreaterThanOrEqual(prev - 0.5);
      prev = r;
    }
  });
});

describe('a place for a new knoop', () => {
  it('near its neighbours, a little apart, the same every time', () => {
    const p = plaatsNieuw(
      'o9',
      [
        { x: 100, y: 100 },
        { x: 200, y: 100 },
      ],
      null,
      0,
    );
    expect(dist(p, { x: 150, y: 100 })).toBeCloseTo(AFSTAND * 0.8, 0);
    expect(
      plaatsNieuw(
        'o9',
        [
          { x: 100, y: 100 },
          { x: 200, y: 100 },
        ],
        null,
        0,
      ),
    ).toEqual(p);
    expect(plaatsNieuw('o8', [{ x: 100, y: 100 }], null, 0)).not.toEqual(
      plaatsNieuw('o9', [{ x: 100, y: 100 }], null, 0),
    );
  });

  it('without neighbours: in rows below the map', () => {
    const bbox = { x1: 0, x2: 400, y2: 300 };
    const a = plaatsNieuw('a', [], bbox, 0);
    const b = plaatsNieuw('b', [], bbox, 1);
    expect(a.y).toBeGreaterThan(300);
    expect(b.x - a.x).toBe(AFSTAND);
    expect(plaatsNieuw('c', [], bbox, 6).y).toBeGreaterThan(a.y);
  });
});

describe('type-ahead search', () => {
  const opties = [
    { id: 'o1', naam: 'Buurtteam Zuilen', detail: 'Organisatie · Gemeente' },
    { id: 'o2', naam: 'Buurtteam Overvecht', detail: 'Organisatie · Gemeente' },
    { id: 'v1', naam: 'Buurtkamer', detail: 'Voorziening · Welzijn' },
    { id: 'o3', naam: 'Café ’t Hoekje', detail: 'Organisatie · Informeel' },
    { id: 'o4', naam: 'De Kamer Buurt', detail: 'Organisatie · Welzijn' },
  ];
  it('finds all words in any order, accents ignored; names that start with it first', () => {
    expect(zoekKnopen(opties, 'buurt').map((o) => o.id)).toEqual(['v1', 'o2', 'o1', 'o4']);
    expect(zoekKnopen(opties, 'zuilen buurtteam').map((o) => o.id)).toEqual(['o1']);
    expect(zoekKnopen(opties, 'cafe').map((o) => o.id)).toEqual(['o3']);
    expect(zoekKnopen(opties, 'welzijn').map((o) => o.id)).toEqual(['v1', 'o4']);
    expect(zoekKnopen(opties, '  ')).toEqual([]);
    expect(zoekKnopen(opties, 'b', 2)).toHaveLength(2);
  });
});

describe('the legend of an exported picture', () => {
  it('has the same entries as the legend on the screen, with counts', () => {
    const legenda: Legenda = {
      kleurOp: 'sector',
      kleuren: [{ sleutel: 'welzijn', kleur: '#4477AA', aantal: 3 }],
      soorten: [{ sleutel: 'organisatie', vorm: 'ellipse', rand: 'solid', aantal: 4 }],
      relaties: [{ sleutel: 'verwijzing', stijl: { kleur: '#0072B2', lijn: 'solid', pijl: 'triangle' }, aantal: 2 }],
      dikte: { min: 1, max: 40 },
      grootte: { metriek: 'betweenness', min: 0, max: 0.5 },
      vergelijking: { nieuweKnopen: 1, verdwenenKnopen: 2, nieuweRelaties: 3, verdwenenRelaties: 4 },
    };
    const t = (key: string, params?: Record<string, unknown>) => `${key}${params ? JSON.stringify(params) : ''}`;
    const regels = legendaRegels(
      legenda,
      { kleur: (_k, s) => (s === 'welzijn' ? 'Welzijn' : s), relatie: (s) => (s === 'verwijzing' ? 'Verwijzing' : s) },
      t,
      'nl',
      '1 jan 2024 – 31 mrt 2024',
    );
    expect(regels.map((r) => r.soort)).toEqual([
      'kop',
      'vorm',
      'kop',
      'vorm',
      'kop',
      'lijn',
      'tekst',
      'tekst',
      'kop',
      'lijn',
      'lijn',
    ]);
    expect(regels[1]).toMatchObject({ tekst: 'Welzijn (3)', kleur: '#4477AA' });
    expect(regels[5]).toMatchObject({ tekst: 'Verwijzing (2)' });
    expect(regels[6]!.tekst).toBe('netwerk.legenda.dikte');
    expect(regels[8]!.tekst).toContain('1 jan 2024 – 31 mrt 2024');
  });
});
