/**
 * The Netwerk view's style mapping and legend (renderer/features/netwerk/style.ts): colours fixed per project, at most
 * 7 categories, shapes and borders per kind, widths by volume, sizes by metric, fade or hide, period comparison, and a
 * legend built only from what the map shows.
 */
import { describe, expect, it } from 'vitest';
import type {
  KnoopMetriek,
  NetwerkAnalyse,
  NetwerkData,
  NetwerkKnoop,
  NetwerkRelatie,
} from '../../../../../shared/contract';
import { applyFilter, compareNetwerken } from '../../../../../shared/analysis/filter';
import { analyseNetwerk } from '../../../../../shared/analysis/analyse';
import { DEFAULT_INSTELLINGEN, type NetwerkInstellingen } from '../../../../../renderer/features/netwerk/settings';
import {
  BREEDTE_MAX,
  BREEDTE_MIN,
  buildModel,
  breedteVoor,
  GROOTTE_MAX,
  GROOTTE_MIN,
  grootteVoor,
  KLEUR_ONBEKEND,
  KLEUR_OVERIG,
  kleurSchaal,
  knoopVorm,
  leefgebiedenPerKnoop,
  ONBEKEND,
  OVERIG,
  relatieStijl,
  soortSleutels,
  stylesheet,
  TOL_BRIGHT,
} from '../../../../../renderer/features/netwerk/style';
import { formatMetriek } from '../../../../../renderer/features/netwerk/format';
import { ombreken, plaatsLabels, type Box, type LabelKandidaat } from '../../../../../shared/netwerk-labels';
import { tekstBreedte } from '../../../../../shared/netwerk-stijl';
import { netwerkPlaatSvg } from '../../../../../shared/report/plates';

const knoop = (id: string, patch: Partial<NetwerkKnoop> = {}): NetwerkKnoop => ({
  id,
  soort: id.startsWith('v') ? 'voorziening' : id.startsWith('g:') ? 'gebied' : 'organisatie',
  refId: 1,
  naam: id.toUpperCase(),
  sector: null,
  leefgebieden: [],
  doelgroepen: [],
  collectief: id.startsWith('v') ? true : null,
  vrijToegankelijk: id.startsWith('v') ? true : null,
  status: id.startsWith('v') ? 'actief' : null,
  startdatum: null,
  einddatum: null,
  buurtCode: null,
  wijkCode: null,
  werkgebied: [],
  eersteLijn: false,
  niveau: null,
  ...patch,
});

const relatie = (id: string, bron: string, doel: string, patch: Partial<NetwerkRelatie> = {}): NetwerkRelatie => ({
  id,
  relatieId: 1,
  bron,
  doel,
  soort: 'verwijzing',
  gericht: true,
  volumes: [],
  startdatum: null,
  einddatum: null,
  ...patch,
});

const LABELS = {
  soort_organisatie: { welzijn: 'Welzijn', zorg: 'Zorg', gemeente: 'Gemeente', informeel: 'Informeel' },
  leefgebied: { wonen: 'Wonen', welzijn: 'Welzijn', zorg: 'Zorg' },
  relatietype: { verwijzing: 'Verwijzing', samenwerking: 'Samenwerking' },
};

/** Wijkteam refers to Alifa (welzijn) and a Huisarts (zorg); Alifa offers a Buurtkamer; a planned initiative. */
function data(): NetwerkData {
  return {
    knopen: [
      knoop('o1', { naam: 'Wijkteam', sector: 'gemeente', eersteLijn: true }),
      knoop('o2', { naam: 'Alifa', sector: 'welzijn' }),
      knoop('o3', { naam: 'Huisarts', sector: 'zorg' }),
      knoop('o4', { naam: 'Zonder soort' }),
      knoop('v1', { naam: 'Buurtkamer', sector: 'welzijn', leefgebieden: ['zorg', 'welzijn'] }),
      knoop('v2', { naam: 'Dagbesteding', sector: 'zorg', collectief: false, vrijToegankelijk: false }),
      knoop('v3', { naam: 'Nieuw initiatief', sector: 'welzijn', status: 'gepland', leefgebieden: ['wonen'] }),
      knoop('g:BU01', { naam: 'Buurt 1', niveau: 'buurt', buurtCode: 'BU01' }),
    ],
    relaties: [
      relatie('r1', 'o1', 'o2', {
        volumes: [
          { start: '2024-01-01', eind: '2024-03-31', aantal: 10 },
          { start: '2024-04-01', eind: '2024-06-30', aantal: 30 },
        ],
      }),
      relatie('r2', 'o1', 'o3', { volumes: [{ start: '2024-01-01', eind: '2024-03-31', aantal: 5 }] }),
      relatie('r3', 'o2', 'o3', { soort: 'samenwerking', gericht: false }),
      relatie('a1', 'o2', 'v1', { soort: 'aanbod', relatieId: null }),
      relatie('a2', 'o3', 'v2', { soort: 'aanbod', relatieId: null }),
      relatie('a3', 'o2', 'v3', { soort: 'aanbod', relatieId: null }),
      relatie('l:o1', 'o1', 'g:BU01', { soort: 'locatie', relatieId: null, gericht: false }),
    ],
    perioden: ['2024-01-01/2024-03-31', '2024-04-01/2024-06-30'],
    posities: [],
    labels: LABELS,
    gebieden: { BU01: { naam: 'Buurt 1', niveau: 'buurt', wijk: null } },
  };
}

const metriek = (id: string, betweenness: number, community = 0): KnoopMetriek => ({
  id,
  degree: 1,
  inDegree: 0,
  outDegree: 1,
  gewogenDegree: 1,
  betweenness,
  closeness: 0,
  pagerank: 0,
  eigenvector: 0,
  community,
  articulatiepunt: false,
  clustering: 0,
});

const analyse = (knopen: KnoopMetriek[]): NetwerkAnalyse => ({ knopen }) as unknown as NetwerkAnalyse;

function model(inst: Partial<NetwerkInstellingen> = {}, extra: Partial<Parameters<typeof buildModel>[0]> = {}) {
  const d = extra.data ?? data();
  const instellingen = { ...DEFAULT_INSTELLINGEN, grootteOp: null, ...inst };
  return buildModel({
    data: d,
    net: applyFilter(d, instellingen.filter),
    instellingen,
    analyse: null,
    vergelijking: null,
    markering: null,
    ...extra,
  });
}

const node = (m: ReturnType<typeof model>, id: string) => m.nodes.find((n) => n.data.id === id)!;
const edge = (m: ReturnType<typeof model>, id: string) => m.edges.find((e) => e.data.id === id)!;

describe('colour by attribute', () => {
  it('gives each sector a colour of the Tol scheme in list order; no sector is "Onbekend" (white)', () => {
    const s = kleurSchaal('sector', data(), null);
    expect(s.volgorde).toEqual(['welzijn', 'zorg', 'gemeente']);
    expect(s.kleur('welzijn')).toBe(TOL_BRIGHT[0]);
    expect(s.kleur('zorg')).toBe(TOL_BRIGHT[1]);
    expect(s.kleur('gemeente')).toBe(TOL_BRIGHT[2]);
    expect(s.sleutel(knoop('x'))).toBe(ONBEKEND);
    expect(s.kleur(ONBEKEND)).toBe(KLEUR_ONBEKEND);
  });

  it('keeps a sector’s colour when a filter hides other sectors (the scale is of the whole project)', () => {
    const all = model();
    const filtered = model({ filter: { ...DEFAULT_INSTELLINGEN.filter, sectoren: ['zorg'] }, modus: 'verbergen' });
    expect(node(filtered, 'o3').data.kleur).toBe(node(all, 'o3').data.kleur);
    expect(filtered.legenda.kleuren.map((k) => k.sleutel)).toEqual(['zorg']);
  });

  it('with more than 7 categories, the 6 largest keep a colour and the rest is "Overig"', () => {
    const d = data();
    const knopen = Array.from({ length: 9 }, (_, i) =>
      Array.from({ length: 9 - i }, (__, j) => knoop(`o${i}-${j}`, { sector: `s${i}` })),
    ).flat();
    const s = kleurSchaal('sector', { ...d, knopen }, null);
    expect(s.volgorde).toEqual(['s0', 's1', 's2', 's3', 's4', 's5']);
    expect(s.sleutel(knoop('a', { sector: 's8' }))).toBe(OVERIG);
    expect(s.kleur(OVERIG)).toBe(KLEUR_OVERIG);
    expect(new Set(s.volgorde.map((c) => s.kleur(c))).size).toBe(6);
  });

  it('colours an organisation by the first leefgebied (in list order) of what it offers', () => {
    const per = leefgebiedenPerKnoop(data());
    expect(per.get('o2')).toEqual(['wonen', 'welzijn', 'zorg']);
    expect(per.get('v1')).toEqual(['welzijn', 'zorg']);
    const s = kleurSchaal('leefgebied', data(), null);
    expect(s.sleutel(data().knopen[1]!)).toBe('wonen');
    expect(s.sleutel(data().knopen[0]!)).toBe(ONBEKEND);
  });

  it('colours by community once the analysis is there (largest community first)', () => {
    const a = analyse([metriek('o1', 0, 0), metriek('o2', 0, 1), metriek('o3', 0, 0)]);
    const m = model({ kleurOp: 'community' }, { analyse: a });
    expect(node(m, 'o1').data.kleur).toBe(TOL_BRIGHT[0]);
    expect(node(m, 'o2').data.kleur).toBe(TOL_BRIGHT[1]);
    expect(node(m, 'o4').data.kleur).toBe(KLEUR_ONBEKEND);
    expect(m.legenda.kleuren.map((k) => [k.sleutel, k.aantal])).toEqual([
      ['0', 2],
      ['1', 1],
      [ONBEKEND, 4],
    ]);
  });
});

describe('shape and border tell the kind of knoop', () => {
  it('organisatie, collectief/individueel, vrij toegankelijk/op indicatie, gepland, buurt', () => {
    const d = data();
    const by = (id: string) => d.knopen.find((k) => k.id === id)!;
    expect(knoopVorm(by('o1'))).toMatchObject({ vorm: 'ellipse', rand: 'solid' });
    expect(knoopVorm(by('v1'))).toMatchObject({ vorm: 'round-rectangle', rand: 'solid' });
    expect(knoopVorm(by('v2'))).toMatchObject({ vorm: 'diamond', rand: 'double' });
    expect(knoopVorm(by('v3'))).toMatchObject({ rand: 'dashed' });
    expect(knoopVorm(by('g:BU01'))).toMatchObject({ vorm: 'triangle' });
    expect(soortSleutels(by('v2'))).toEqual(['individueel', 'opIndicatie']);
    expect(soortSleutels(by('v3'))).toEqual(['collectief', 'gepland']);
  });

  it('the legend lists only the kinds on the map, with their counts', () => {
    const m = model();
    expect(m.legenda.soorten.map((s) => [s.sleutel, s.aantal])).toEqual([
      ['organisatie', 4],
      ['collectief', 2],
      ['individueel', 1],
      ['vrijToegankelijk', 1],
      ['opIndicatie', 1],
      ['gepland', 1],
    ]);
    const zonder = model({ filter: { metVoorzieningen: false } });
    expect(zonder.legenda.soorten.map((s) => s.sleutel)).toEqual(['organisatie']);
    const metGebieden = model({ filter: { metVoorzieningen: true, metGebieden: true } });
    expect(metGebieden.legenda.soorten.map((s) => s.sleutel)).toContain('buurt');
  });
});

describe('edges', () => {
  it('per relation type a colour and line; arrows only for directed relations; structural edges thin and grey', () => {
    const m = model();
    expect(edge(m, 'r1').data).toMatchObject({ lijn: 'solid', pijl: 'triangle' });
    expect(edge(m, 'r1').classes).toContain('gericht');
    expect(edge(m, 'r3').data).toMatchObject({ lijn: 'dashed', pijl: 'none' });
    expect(edge(m, 'a1').classes).toContain('structuur');
    expect(edge(m, 'a1').data.breedte).toBe(1);
    expect(relatieStijl('eigen-soort', false).pijl).toBe('none');
    expect(relatieStijl('eigen-soort', true).pijl).toBe('triangle');
    expect(m.legenda.relaties.map((r) => [r.sleutel, r.aantal, r.stijl.pijl])).toEqual([
      ['verwijzing', 2, 'triangle'],
      ['samenwerking', 1, 'none'],
      ['aanbod', 3, 'triangle'],
    ]);
  });

  it('width follows the volume in the chosen period, in classes (1–9, 10–49, 50+), never in proportion', () => {
    const alle = model();
    expect(edge(alle, 'r1').data.breedte).toBe(breedteVoor(40, 40));
    expect(edge(alle, 'r2').data.breedte).toBe(breedteVoor(5, 40));
    expect(breedteVoor(1, 40)).toBe(breedteVoor(9, 40));
    expect(breedteVoor(9, 40)).toBeLessThan(breedteVoor(10, 40));
    expect(breedteVoor(49, 40)).toBeLessThan(breedteVoor(50, 40));
    expect(breedteVoor(50, 50)).toBe(BREEDTE_MAX);
    expect(edge(alle, 'r3').data.breedte).toBe(BREEDTE_MIN);
    expect(alle.legenda.dikte).toEqual({ min: 5, max: 40 });
    const q1 = model({
      filter: { ...DEFAULT_INSTELLINGEN.filter, periode: { start: '2024-01-01', eind: '2024-03-31' } },
    });
    expect(edge(q1, 'r1').data.breedte).toBe(breedteVoor(10, 10));
    expect(q1.legenda.dikte).toEqual({ min: 5, max: 10 });
  });

  it('widths go by class and sizes grow with the square root, both within their bounds', () => {
    expect(breedteVoor(null, 10)).toBe(BREEDTE_MIN);
    expect(breedteVoor(0, 10)).toBe(BREEDTE_MIN);
    expect(breedteVoor(1000, 10)).toBe(BREEDTE_MAX);
    expect(breedteVoor(25, 100)).toBeGreaterThan(BREEDTE_MIN);
    expect(breedteVoor(25, 100)).toBeLessThan(BREEDTE_MAX);
    expect(grootteVoor(0, 1)).toBe(GROOTTE_MIN);
    expect(grootteVoor(1, 1)).toBe(GROOTTE_MAX);
    expect(grootteVoor(0.5, 0)).toBe(GROOTTE_MIN);
  });
});

describe('size by metric', () => {
  it('sizes knopen by the chosen metric, the legend gives its range; without a metric a fixed size per kind', () => {
    const a = analyse([metriek('o1', 0.6), metriek('o2', 0.15), metriek('o3', 0)]);
    const m = model({ grootteOp: 'betweenness' }, { analyse: a });
    expect(node(m, 'o1').data.grootte).toBe(GROOTTE_MAX);
    expect(node(m, 'o2').data.grootte).toBe(grootteVoor(0.15, 0.6));
    expect(node(m, 'o3').data.grootte).toBe(GROOTTE_MIN);
    expect(m.legenda.grootte).toEqual({ metriek: 'betweenness', min: 0, max: 0.6 });
    const vast = model({ grootteOp: null }, { analyse: a });
    expect(node(vast, 'o1').data.grootte).toBeGreaterThan(node(vast, 'v1').data.grootte);
    expect(vast.legenda.grootte).toBeNull();
  });
});

describe('fade or hide', () => {
  const filter = { ...DEFAULT_INSTELLINGEN.filter, sectoren: ['zorg'] };

  it('fades what is outside the filter, and counts what matches', () => {
    const m = model({ filter });
    expect(m.nodes).toHaveLength(7);
    expect(node(m, 'o3').classes).not.toContain('vervaagd');
    expect(node(m, 'o1').classes).toContain('vervaagd');
    expect(m.telling).toEqual({ knopen: 2, knopenTotaal: 7, relaties: 0, relatiesTotaal: 3 });
  });

  it('hides it instead: only the matching knopen and their relations are drawn', () => {
    const m = model({ filter, modus: 'verbergen' });
    expect(m.nodes.map((n) => n.data.id).sort()).toEqual(['o3', 'v2']);
    expect(m.edges.map((e) => e.data.id)).toEqual(['a2']);
    expect(m.telling.knopen).toBe(2);
  });

  it('a legend entry you click fades the rest', () => {
    const m = model({}, { markering: { groep: 'kleur', sleutel: 'zorg' } });
    expect(node(m, 'o3').classes).not.toContain('vervaagd');
    expect(node(m, 'o2').classes).toContain('vervaagd');
    const r = model({}, { markering: { groep: 'relatie', sleutel: 'samenwerking' } });
    expect(edge(r, 'r3').classes).not.toContain('vervaagd');
    expect(edge(r, 'r1').classes).toContain('vervaagd');
  });

  it('marks the focus knoop', () => {
    const m = model({ filter: { ...DEFAULT_INSTELLINGEN.filter, focus: { knoop: 'o1', stappen: 1 } } });
    expect(node(m, 'o1').classes).toContain('focus');
    expect(node(m, 'v1').classes).toContain('vervaagd');
  });
});

describe('comparing two periods', () => {
  it('marks new (green) and removed (red, dashed) knopen and relations, also when hidden elsewhere', () => {
    const d = data();
    const q1 = { ...DEFAULT_INSTELLINGEN.filter, periode: { start: '2024-01-01', eind: '2024-03-31' } };
    const q2 = { ...DEFAULT_INSTELLINGEN.filter, periode: { start: '2024-04-01', eind: '2024-06-30' } };
    const vergelijking = compareNetwerken(applyFilter(d, q1), applyFilter(d, q2));
    expect(vergelijking.verdwenenRelaties).toContain('r2');
    const m = model({ filter: q2, modus: 'verbergen', vergelijkMet: '2024-01-01/2024-03-31' }, { vergelijking });
    expect(edge(m, 'r2').classes).toContain('verdwenen');
    expect(edge(m, 'r2').classes).not.toContain('vervaagd');
    expect(m.legenda.vergelijking).toMatchObject({ verdwenenRelaties: vergelijking.verdwenenRelaties.length });
  });
});

describe('the stylesheet', () => {
  it('uses data mappers (names placed by labels.ts); large maps use simpler edges', () => {
    const klein = stylesheet(false);
    const groot = stylesheet(true);
    const stijl = (s: typeof klein, selector: string) => s.find((r) => r.selector === selector)!.style;
    const nodeStyle = (s: typeof klein) => stijl(s, 'node');
    const edgeStyle = (s: typeof klein) => stijl(s, 'edge');
    expect(nodeStyle(klein)['background-color']).toBe('data(kleur)');
    // Names are placed per viewport by labels.ts (a fixed size on the screen) and drawn by the view; Cytoscape draws
    // them only in an export, on the knopen that then get the class 'naam': no label property on every knoop.
    expect(nodeStyle(klein).label).toBeUndefined();
    expect(Object.keys(nodeStyle(groot)).filter((k) => k.startsWith('text-') && k !== 'text-events')).toEqual([]);
    expect(stijl(klein, 'node.naam').label).toBe('data(tekst)');
    expect(stijl(klein, 'node.naam')['font-size']).toBe('data(fs)');
    expect(stijl(klein, 'node.groeplabel')['font-family']).toBe(stijl(klein, 'node.naam')['font-family']);
    expect(edgeStyle(groot)['curve-style']).toBe('haystack');
    expect(edgeStyle(klein)['curve-style']).toBe('bezier');
    expect(
      klein.every((r) => Object.values(r.style).every((v) => typeof v === 'string' || typeof v === 'number')),
    ).toBe(true);
  });
});

describe('one visual language: the view, the plate and the slide take the same style values', () => {
  it('gives each knoop the same colour and shape, and each relation the same colour, in the app and on the plate', () => {
    const d = data();
    const net = applyFilter(d, DEFAULT_INSTELLINGEN.filter);
    const model = buildModel({
      data: d,
      net,
      instellingen: DEFAULT_INSTELLINGEN,
      analyse: null,
      vergelijking: null,
      markering: null,
    });
    const posities = new Map(d.knopen.map((k, i) => [k.id, { x: (i % 4) * 150, y: Math.floor(i / 4) * 150 }]));
    for (const dia of [false, true]) {
      const svg = netwerkPlaatSvg({
        net,
        posities,
        sectorLabels: LABELS.soort_organisatie,
        relatieLabels: LABELS.relatietype,
        titel: 'Netwerk',
        onderschrift: 'Bron',
        ...(dia ? { breedte: 1280, hoogte: 480, toonTitel: false } : {}),
      });
      const opPlaat = new Map(
        [...svg.matchAll(/<(circle|rect|polygon) [^>]*?fill="([^"]+)"[^>]*><title>([^<]+)<\/title>/g)].map((m) => [
          m[3]!,
          { tag: m[1]!, fill: m[2]! },
        ]),
      );
      const tag = { ellipse: 'circle', 'round-rectangle': 'rect', diamond: 'polygon' } as Record<string, string>;
      let vergeleken = 0;
      for (const n of model.nodes) {
        const p = opPlaat.get(n.data.label);
        if (!p) continue;
        expect(p.fill, n.data.label).toBe(n.data.kleur);
        expect(p.tag, n.data.label).toBe(tag[n.data.vorm]);
        vergeleken++;
      }
      expect(vergeleken).toBeGreaterThanOrEqual(3);
      for (const e of model.edges.filter((x) => x.classes.includes('partnerrelatie'))) {
        expect(svg).toContain(`stroke="${e.data.kleur}"`);
      }
      // The names on a slide are 20 px (shown at about 0.92 at 1280×720: 18 px), on a plate 16 px.
      const groottes = [...svg.matchAll(/<text font-size="(\d+)"/g)].map((m) => Number(m[1]));
      expect(groottes.length).toBeGreaterThan(0);
      expect(Math.max(...groottes)).toBe(dia ? 20 : 16);
    }
  });
});

describe('the plate sizes its knopen by the measure of the view', () => {
  it('every organisation is as large on the plate, relative to the others, as in the view (Makelaar)', () => {
    const d = data();
    const net = applyFilter(d, DEFAULT_INSTELLINGEN.filter);
    const analyse = analyseNetwerk(d, DEFAULT_INSTELLINGEN.filter);
    const model = buildModel({
      data: d,
      net,
      instellingen: DEFAULT_INSTELLINGEN,
      analyse,
      vergelijking: null,
      markering: null,
    });
    expect(DEFAULT_INSTELLINGEN.grootteOp).toBe('betweenness');
    const posities = new Map(d.knopen.map((k, i) => [k.id, { x: (i % 4) * 150, y: Math.floor(i / 4) * 150 }]));
    const svg = netwerkPlaatSvg({
      net,
      posities,
      sectorLabels: LABELS.soort_organisatie,
      relatieLabels: LABELS.relatietype,
      titel: 'Netwerk',
      onderschrift: 'Bron',
      grootte: { waarden: new Map(analyse.knopen.map((m) => [m.id, m.betweenness])), naam: 'Makelaar (betweenness)' },
    });
    const straal = new Map(
      [...svg.matchAll(/<circle [^>]*?r="([\d.]+)"[^>]*><title>([^<]+)<\/title>/g)].map((m) => [m[2]!, Number(m[1])]),
    );
    const verhoudingen = model.nodes
      .filter((n) => straal.has(n.data.label))
      .map((n) => straal.get(n.data.label)! / (n.data.grootte / 2));
    expect(verhoudingen.length).toBeGreaterThanOrEqual(3);
    // One scale for all: the largest in the view is the largest on the plate, and so on.
    for (const v of verhoudingen) expect(v).toBeCloseTo(verhoudingen[0]!, 1);
    expect(new Set(model.nodes.map((n) => n.data.grootte)).size).toBeGreaterThan(1);
    expect(svg).toContain('Grootte = Makelaar (betweenness), zoals in Netwerk');
  });
});

describe('names placed without overlap (shared/netwerk-labels.ts)', () => {
  it('never lets two names or a name and a knoop overlap; the heaviest first; shortens before leaving out', () => {
    let seed = 3;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const kandidaten: LabelKandidaat[] = Array.from({ length: 150 }, (_, i) => ({
      id: `k${i}`,
      x: rnd() * 900,
      y: rnd() * 600,
      rx: 6 + rnd() * 8,
      ry: 6 + rnd() * 8,
      naam: `Organisatie met een lange naam ${i}`,
      gewicht: 150 - i,
    }));
    const geplaatst = plaatsLabels(kandidaten, { breedte: 900, hoogte: 600, fontPx: 14, meet: tekstBreedte });
    expect(geplaatst.length).toBeGreaterThan(15);
    const raakt = (a: Box, b: Box) => a.x1 < b.x2 && a.x2 > b.x1 && a.y1 < b.y2 && a.y2 > b.y1;
    for (let i = 0; i < geplaatst.length; i++) {
      const a = geplaatst[i]!;
      expect(a.box.x1).toBeGreaterThanOrEqual(0);
      expect(a.box.y2).toBeLessThanOrEqual(600);
      for (let j = i + 1; j < geplaatst.length; j++) expect(raakt(a.box, geplaatst[j]!.box)).toBe(false);
      for (const k of kandidaten) {
        if (k.id === a.id) continue;
        expect(raakt(a.box, { x1: k.x - k.rx, y1: k.y - k.ry, x2: k.x + k.rx, y2: k.y + k.ry })).toBe(false);
      }
    }
    // Placed heaviest first (a lighter name never takes the place of a heavier one).
    const gewicht = (id: string) => kandidaten.find((k) => k.id === id)!.gewicht;
    expect(geplaatst.map((p) => gewicht(p.id))).toEqual(geplaatst.map((p) => gewicht(p.id)).sort((a, b) => b - a));
    expect(geplaatst.some((p) => p.ingekort)).toBe(true);
    expect(ombreken('Buurtteam Sociaal Zuilen', 140, (s) => tekstBreedte(s) * 14)).toEqual([
      'Buurtteam Sociaal',
      'Zuilen',
    ]);
  });

  it('always names the chosen knoop in full, even where nothing is free', () => {
    const midden = { id: 'm', x: 100, y: 100, rx: 10, ry: 10, naam: 'Huisartsenpraktijk Zuilen', gewicht: 0 };
    const rond = Array.from({ length: 40 }, (_, i) => ({
      id: `r${i}`,
      x: 100 + Math.cos(i) * (20 + i * 2),
      y: 100 + Math.sin(i) * (20 + i * 2),
      rx: 8,
      ry: 8,
      naam: '',
      gewicht: 0,
    }));
    const uit = plaatsLabels([{ ...midden, verplicht: true }, ...rond], {
      breedte: 300,
      hoogte: 300,
      fontPx: 14,
      meet: tekstBreedte,
    });
    expect(uit.find((p) => p.id === 'm')?.tekst.replace('\n', ' ')).toBe('Huisartsenpraktijk Zuilen');
  });
});

describe('figures in tables', () => {
  it('shows a tiny eigenvector as "< 0,0001", never 22 digits or an exponent', () => {
    expect(formatMetriek('eigenvector', 8.5e-21, 'nl')).toBe('< 0,0001');
    expect(formatMetriek('eigenvector', 8.5e-21, 'en')).toBe('< 0.0001');
    expect(formatMetriek('eigenvector', 0.00042, 'nl')).toBe('0,0004');
    expect(formatMetriek('betweenness', 0.12345, 'nl')).toBe('0,123');
    expect(formatMetriek('eigenvector', 0, 'nl')).toBe('0');
  });
});
