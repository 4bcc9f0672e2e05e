/**
 * The Netwerk view's settings and saved views (renderer/features/netwerk/settings.ts): a view survives the round
 * trip through the project (JSON), and whatever a project holds opens without breaking the view.
 */
import { describe, expect, it } from 'vitest';
import {
  actieveFilters,
  allesTonen,
  analyseFilter,
  DEFAULT_INSTELLINGEN,
  onthoudPaneel,
  PANEEL_KEY,
  paneelBeginOpen,
  parseFilter,
  parseInstellingen,
  parsePeriodeKey,
  parseWeergave,
  periodeKey,
  toWeergaveInstellingen,
  zonderFilter,
  type NetwerkInstellingen,
} from '../../../../../renderer/features/netwerk/settings';

const VOLLEDIG: NetwerkInstellingen = {
  filter: {
    leefgebieden: ['welzijn', 'zorg'],
    doelgroepen: ['ouderen_65_plus'],
    sectoren: ['welzijn'],
    relatieSoorten: ['verwijzing'],
    periode: { start: '2024-01-01', eind: '2024-03-31' },
    gebieden: ['WK034402', 'BU03440232'],
    statussen: ['actief', 'gepland'],
    minVolume: 5,
    metVoorzieningen: false,
    metGebieden: true,
    focus: { knoop: 'o12', stappen: 2 },
  },
  modus: 'verbergen',
  kleurOp: 'community',
  grootteOp: 'pagerank',
  indeling: 'wijk',
  concentrischOp: 'eigenvector',
  vergelijkMet: '2023-10-01/2023-12-31',
};

describe('saved views', () => {
  it('round-trip: settings, viewport and positions come back as they were saved', () => {
    const viewport = { zoom: 1.75, pan: { x: -120.5, y: 33 } };
    const posities = [
      { knoop: 'o12', x: 10.25, y: -3, vast: true },
      { knoop: 'g:BU03440232', x: 0, y: 0, vast: false },
      { knoop: 'groep:wijk:WK034402', x: 100, y: 50, vast: false },
    ];
    const saved = JSON.parse(JSON.stringify(toWeergaveInstellingen(VOLLEDIG, viewport, posities))) as unknown;
    const back = parseWeergave(saved);
    expect(back.instellingen).toEqual(VOLLEDIG);
    expect(back.viewport).toEqual(viewport);
    expect(back.posities).toEqual([{ knoop: 'o12', x: 10.3, y: -3, vast: true }, posities[1], posities[2]]);
  });

  it('also without viewport and positions, and with "no size"', () => {
    const inst = { ...DEFAULT_INSTELLINGEN, grootteOp: null };
    const back = parseWeergave(JSON.parse(JSON.stringify(toWeergaveInstellingen(inst, null, null))));
    expect(back).toEqual({ instellingen: inst, viewport: null, posities: null });
  });

  it('opens whatever a project holds: unknown or broken parts fall back to the defaults', () => {
    expect(parseInstellingen(null)).toEqual(DEFAULT_INSTELLINGEN);
    expect(parseInstellingen('x')).toEqual(DEFAULT_INSTELLINGEN);
    const odd = parseWeergave({
      modus: 'anders',
      kleurOp: 42,
      grootteOp: 'lengte',
      indeling: 'cirkel',
      vergelijkMet: 'gisteren',
      filter: {
        leefgebieden: ['welzijn', 3, null],
        statussen: ['actief', 'weg'],
        minVolume: -2,
        focus: { knoop: 'o1', stappen: 9 },
        pad: { van: 'o1' },
        periode: { start: '2024-01-01' },
      },
      viewport: { zoom: 0, pan: { x: 1, y: 2 } },
      posities: [['o1', 1, 2, 1], ['o2', 'x', 2], 'kapot', ['o3', 5, 6]],
    });
    expect(odd.instellingen).toEqual({
      ...DEFAULT_INSTELLINGEN,
      filter: {
        leefgebieden: ['welzijn'],
        statussen: ['actief'],
        metVoorzieningen: true,
        metGebieden: false,
        focus: { knoop: 'o1', stappen: 3 },
      },
    });
    expect(odd.viewport).toBeNull();
    expect(odd.posities).toEqual([
      { knoop: 'o1', x: 1, y: 2, vast: true },
      { knoop: 'o3', x: 5, y: 6, vast: false },
    ]);
  });
});

describe('filter helpers', () => {
  it('periods as "start/eind"', () => {
    expect(parsePeriodeKey('2024-01-01/2024-03-31')).toEqual({ start: '2024-01-01', eind: '2024-03-31' });
    expect(parsePeriodeKey('2024-Q1')).toBeNull();
    expect(parsePeriodeKey(null)).toBeNull();
    expect(periodeKey({ start: '2024-01-01', eind: '2024-03-31' })).toBe('2024-01-01/2024-03-31');
  });

  it('the analysis leaves out focus and path (they only help you look)', () => {
    const f = { ...VOLLEDIG.filter, pad: { van: 'o1', naar: 'o2' } };
    const a = analyseFilter(f);
    expect(a).not.toHaveProperty('focus');
    expect(a).not.toHaveProperty('pad');
    expect(a.leefgebieden).toEqual(['welzijn', 'zorg']);
  });

  it('chips: the narrowing parts; removing one; "Alles tonen" keeps what is on the map', () => {
    expect(actieveFilters(VOLLEDIG.filter)).toEqual([
      'leefgebieden',
      'doelgroepen',
      'sectoren',
      'relatieSoorten',
      'periode',
      'gebieden',
      'statussen',
      'minVolume',
      'focus',
    ]);
    expect(actieveFilters(DEFAULT_INSTELLINGEN.filter)).toEqual([]);
    expect(zonderFilter(VOLLEDIG.filter, 'focus')).not.toHaveProperty('focus');
    expect(zonderFilter(VOLLEDIG.filter, 'focus').sectoren).toEqual(['welzijn']);
    expect(allesTonen(VOLLEDIG.filter)).toEqual({ metVoorzieningen: false, metGebieden: true });
    expect(parseFilter(allesTonen(VOLLEDIG.filter))).toEqual({ metVoorzieningen: false, metGebieden: true });
  });
});

describe('the filters’ fold', () => {
  const opslag = () => {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
  };
  it('starts open on a wide window, folded on a laptop, and then as you left it', () => {
    const o = opslag();
    expect(paneelBeginOpen(o, 1440)).toBe(true);
    expect(paneelBeginOpen(o, 1280)).toBe(false);
    onthoudPaneel(o, true);
    expect(o.getItem(PANEEL_KEY)).toBe('1');
    expect(paneelBeginOpen(o, 1280)).toBe(true);
    onthoudPaneel(o, false);
    expect(paneelBeginOpen(o, 1920)).toBe(false);
  });
  it('falls back to the default where localStorage is off or throws', () => {
    const kapot = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(paneelBeginOpen(null, 1280)).toBe(false);
    expect(paneelBeginOpen(kapot, 1600)).toBe(true);
    expect(() => onthoudPaneel(kapot, true)).not.toThrow();
  });
});
