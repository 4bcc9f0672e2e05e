import { describe, expect, it } from 'vitest';
import { analyseNetwerk, analyseNetwerkParallel, communities } from '../../../../shared/analysis/analyse';
import { applyFilter, compareNetwerken, shortestPaths, volumeIn } from '../../../../shared/analysis/filter';
import {
  buildCsr,
  clustering,
  cutStructure,
  eigenvector,
  pagerank,
  pathMetrics,
  pathMetricsRaw,
} from '../../../../shared/analysis/metrics';
import type { NetwerkData, NetwerkKnoop, NetwerkRelatie } from '../../../../shared/analysis/types';
import { createProjectService } from '../../../../shared/service/project-service';
import { unwrap } from '../../../../shared/result';
import { toCsv } from '../../../../shared/export/formats';
import { FIXED_NOW, sha256, sql } from '../../../helpers/db';

const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-9);

describe('metrics on graphs with known answers', () => {
  it('a path a–b–c–d–e: the middle is the broker, every edge a bridge, the inner nodes cut it', () => {
    const g = buildCsr(
      5,
      [
        [0, 1],
        [1, 2],
        [2, 3],
        [3, 4],
      ],
      true,
    );
    const p = pathMetrics(g);
    // b lies on 3 of the 6 pairs not involving it: 3 / ((n-1)(n-2)/2) = 3/6.
    expect([...p.betweenness]).toEqual([0, 0.5, 4 / 6, 0.5, 0]);
    close(p.closeness[2]!, 4 / 6); // distances 2+1+1+2
    close(p.distanceSum / p.reachablePairs, 2);
    expect(p.diameter).toBe(4);
    const cut = cutStructure(g);
    expect([...cut.articulation]).toEqual([0, 1, 1, 1, 0]);
    expect(cut.bridges).toHaveLength(4);
  });

  it('a star: the centre has all betweenness; a triangle is fully clustered and has no cut', () => {
    const star = buildCsr(
      5,
      [
        [0, 1],
        [0, 2],
        [0, 3],
        [0, 4],
      ],
      true,
    );
    expect(pathMetrics(star).betweenness[0]).toBe(1);
    const tri = buildCsr(
      3,
      [
        [0, 1],
        [1, 2],
        [2, 0],
      ],
      true,
    );
    expect([...clustering(tri)]).toEqual([1, 1, 1]);
    expect(cutStructure(tri)).toEqual({ articulation: new Uint8Array(3), bridges: [] });
    const ev = eigenvector(tri);
    for (const x of ev) close(x, 1 / Math.sqrt(3));
  });

  it('PageRank of a cycle is uniform; a volume makes a target weigh more', () => {
    const cycle = buildCsr(
      4,
      [
        [0, 1, 1],
        [1, 2, 1],
        [2, 3, 1],
        [3, 0, 1],
      ],
      false,
    );
    for (const x of pagerank(cycle)) close(x, 0.25);
    const weighted = pagerank(
      buildCsr(
        3,
        [
          [0, 1, 9],
          [0, 2, 1],
          [1, 0, 1],
          [2, 0, 1],
        ],
        false,
      ),
    );
    expect(weighted[1]!).toBeGreaterThan(weighted[2]!);
    close(weighted[0]! + weighted[1]! + weighted[2]!, 1);
  });

  it('splits the BFS over ranges of sources with the same result', () => {
    const edges: [number, number][] = [];
    for (let i = 0; i < 40; i++) edges.push([i, (i * 7 + 3) % 40], [i, (i + 1) % 40]);
    const g = buildCsr(40, edges, true);
    const whole = pathMetricsRaw(g);
    const a = pathMetricsRaw(g, 0, 17);
    const b = pathMetricsRaw(g, 17, 40);
    for (let i = 0; i < 40; i++) close(a.between[i]! + b.between[i]!, whole.between[i]!);
  });

  it('finds the same communities every time (seeded) and numbers them by size', () => {
    const edges: [number, number][] = [];
    for (const base of [0, 5]) {
      for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) edges.push([base + i, base + j]);
    }
    edges.push([4, 5]);
    const g = buildCsr(10, edges, true);
    const a = communities(g);
    const b = communities(g);
    expect([...a.of]).toEqual([...b.of]);
    expect(a.count).toBe(2);
    expect(new Set([...a.of].slice(0, 5)).size).toBe(1);
    expect(a.modularity).toBeGreaterThan(0.4);
  });
});

// A small sociale kaart by hand: a wijkteam refers to a collective offer and to maatwerk.
const knoop = (id: string, over: Partial<NetwerkKnoop> = {}): NetwerkKnoop => ({
  id,
  soort: id.startsWith('v') ? 'voorziening' : id.startsWith('g') ? 'gebied' : 'organisatie',
  refId: Number(id.replace(/\D/g, '')) || null,
  naam: id,
  sector: null,
  leefgebieden: [],
  doelgroepen: [],
  collectief: null,
  vrijToegankelijk: null,
  status: null,
  startdatum: null,
  einddatum: null,
  buurtCode: null,
  wijkCode: null,
  werkgebied: [],
  eersteLijn: false,
  niveau: null,
  ...over,
});
const rel = (id: string, bron: string, doel: string, over: Partial<NetwerkRelatie> = {}): NetwerkRelatie => ({
  id,
  relatieId: null,
  bron,
  doel,
  soort: 'verwijzing',
  gericht: true,
  volumes: [],
  startdatum: null,
  einddatum: null,
  ...over,
});
const Q1 = { start: '2024-01-01', eind: '2024-03-31' };
const Q2 = { start: '2024-04-01', eind: '2024-06-30' };
const DATA: NetwerkData = {
  knopen: [
    knoop('o1', { naam: 'Buurtteam', sector: 'gemeente', eersteLijn: true, buurtCode: 'BU1', wijkCode: 'WK1' }),
    knoop('o2', { naam: 'Welzijn', sector: 'welzijn', buurtCode: 'BU1', wijkCode: 'WK1' }),
    knoop('o3', { naam: 'Zorg', sector: 'zorg', buurtCode: 'BU2', wijkCode: 'WK1' }),
    knoop('v4', {
      naam: 'Buurtkamer',
      sector: 'welzijn',
      collectief: true,
      vrijToegankelijk: true,
      leefgebieden: ['welzijn'],
      status: 'actief',
    }),
    knoop('v5', {
      naam: 'Begeleiding',
      sector: 'zorg',
      collectief: false,
      vrijToegankelijk: false,
      leefgebieden: ['zorg'],
      status: 'actief',
    }),
    knoop('v6', { naam: 'Nieuw initiatief', sector: 'welzijn', status: 'gepland', startdatum: '2024-05-01' }),
    knoop('o7', { naam: 'Alleen', sector: 'informeel' }),
  ],
  relaties: [
    rel('a4', 'o2', 'v4', { soort: 'aanbod' }),
    rel('a5', 'o3', 'v5', { soort: 'aanbod' }),
    rel('a6', 'o2', 'v6', { soort: 'aanbod' }),
    rel('r1', 'o1', 'v4', {
      volumes: [
        { ...Q1, aantal: 12 },
        { ...Q2, aantal: 3 },
      ],
    }),
    rel('r2', 'o1', 'v5', {
      volumes: [
        { ...Q1, aantal: 4 },
        { ...Q2, aantal: 9 },
      ],
    }),
    rel('r3', 'o2', 'o3', { soort: 'samenwerking', gericht: false }),
  ],
  perioden: ['2024-01-01/2024-03-31', '2024-04-01/2024-06-30'],
  posities: [],
  labels: { soort_organisatie: { welzijn: 'Welzijn', zorg: 'Zorg', gemeente: 'Gemeente', informeel: 'Informeel' } },
  gebieden: {
    BU1: { naam: 'Buurt 1', niveau: 'buurt', wijk: 'WK1' },
    BU2: { naam: 'Buurt 2', niveau: 'buurt', wijk: 'WK1' },
    WK1: { naam: 'Wijk 1', niveau: 'wijk', wijk: 'WK1' },
  },
};

describe('filters, focus, paths and comparison', () => {
  it('filters by leefgebied (an organisation counts by what it offers), period and minimum volume', () => {
    const zorg = applyFilter(DATA, { leefgebieden: ['zorg'] });
    expect([...zorg.treffers].filter((t) => !t.startsWith('a') && !t.startsWith('r')).sort()).toEqual(['o3', 'v5']);
    const q1 = applyFilter(DATA, { periode: Q1 });
    expect(q1.treffers.has('v6')).toBe(false); // starts in May
    expect(q1.relaties.find((r) => r.id === 'r1')?.volume).toBe(12);
    const min = applyFilter(DATA, { periode: Q2, minVolume: 5 });
    expect(min.treffers.has('r1')).toBe(false);
    expect(min.treffers.has('r2')).toBe(true);
    expect(volumeIn(DATA.relaties[3]!, null)).toBe(15);
  });

  it('without voorzieningen, relations with an offer go to its provider', () => {
    const orgs = applyFilter(DATA, { metVoorzieningen: false });
    expect(orgs.knopen.some((k) => k.soort === 'voorziening')).toBe(false);
    expect(orgs.relaties.find((r) => r.id === 'r1')).toMatchObject({ bron: 'o1', doel: 'o2' });
  });

  it('focuses on a knoop and its neighbours, and finds the shortest paths', () => {
    const focus = applyFilter(DATA, { focus: { knoop: 'o1', stappen: 1 } });
    expect([...focus.treffers].filter((t) => /^[ov]/.test(t)).sort()).toEqual(['o1', 'v4', 'v5']);
    const all = applyFilter(DATA, {});
    const path = shortestPaths(all, 'o1', 'o3');
    expect([...path].sort()).toEqual(['a5', 'o1', 'o3', 'r2', 'v5']);
    expect(shortestPaths(all, 'o1', 'o7').size).toBe(0);
  });

  it('compares two periods: what is new and what is gone', () => {
    const diff = compareNetwerken(applyFilter(DATA, { periode: Q1 }), applyFilter(DATA, { periode: Q2 }));
    expect(diff.nieuweKnopen).toEqual(['v6']);
    expect(diff.verdwenenKnopen).toEqual([]);
  });
});

describe('the analysis of a sociale kaart', () => {
  it('names the isolated partner, the sector ties and the referral balance of the first line', async () => {
    const a = analyseNetwerk(DATA, {});
    const byId = new Map(a.knopen.map((k) => [k.id, k]));
    expect(byId.get('o7')).toMatchObject({ degree: 0, betweenness: 0 });
    expect(byId.get('o1')!.outDegree).toBe(2);
    expect(byId.get('o1')!.gewogenDegree).toBe(28);
    expect(a.netwerk.componenten).toBe(2);
    expect(a.sectorMenging.sectoren).toEqual(['welzijn', 'zorg', 'gemeente', 'informeel']);
    // gemeente→welzijn, gemeente→zorg, welzijn–zorg: three ties between sectors, none within.
    expect(a.sectorMenging.eiIndex).toBe(1);
    expect(a.sectorMenging.zonderBanden).toContainEqual(['welzijn', 'informeel']);
    expect(a.verwijsBalans).toEqual([
      expect.objectContaining({ buurtCode: 'BU1', periode: '2024-01-01/2024-03-31', voorliggend: 12, maatwerk: 4 }),
      expect.objectContaining({ buurtCode: 'BU1', periode: '2024-04-01/2024-06-30', voorliggend: 3, maatwerk: 9 }),
    ]);
    expect(a.verwijsBalans[0]!.aandeelVoorliggend).toBe(0.75);
    expect(a.perWijk.map((w) => w.wijkCode)).toEqual(['WK1']);
    // The split run gives the same figures.
    const split = await analyseNetwerkParallel(DATA, {}, async (g, from, to) => pathMetricsRaw(g, from, to), 3);
    expect(split.knopen).toEqual(a.knopen);
  });

  it('is exported by the service and the CLI table with the documented columns', async () => {
    const s = createProjectService({ SQL: await sql(), now: () => FIXED_NOW, sha256 });
    unwrap(await s.createProject('Netwerk'));
    const a = unwrap(await s.saveOrganisatie(null, { naam: 'Buurtteam Zuilen' })).result;
    const b = unwrap(await s.saveOrganisatie(null, { naam: 'Dock' })).result;
    unwrap(
      await s.saveRelatie(null, {
        soort: 'verwijzing',
        van: { soort: 'organisatie', id: a.id },
        naar: { soort: 'organisatie', id: b.id },
        volumes: [{ periodeStart: '2024-01-01', periodeEind: '2024-03-31', aantal: 5 }],
      }),
    );
    const table = unwrap(await s.exportTable('netwerk'));
    expect(toCsv(table).split('\r\n')[0]).toBe(
      'node_id,naam,soort,degree,in_degree,out_degree,gewogen_degree,betweenness,closeness,pagerank,eigenvector,community,articulatiepunt,clustering,sector,buurt_code',
    );
    expect(table.rows.map((r) => r.slice(0, 7))).toEqual([
      ['o1', 'Buurtteam Zuilen', 'organisatie', 1, 0, 1, 5],
      ['o2', 'Dock', 'organisatie', 1, 1, 0, 5],
    ]);
    // The analysis follows the data: after an edit (and its undo) it is computed again.
    const before = unwrap(await s.analyseNetwerk({}));
    expect(before.netwerk.relaties).toBe(1);
    unwrap(await s.undo());
    expect(unwrap(await s.analyseNetwerk({})).netwerk.relaties).toBe(0);
  });

  it('keeps node positions and saved views in the project; views are undoable, positions are not', async () => {
    const s = createProjectService({ SQL: await sql(), now: () => FIXED_NOW, sha256 });
    unwrap(await s.createProject('Netwerk'));
    unwrap(await s.saveKnoopPosities([{ knoop: 'o1', x: 10, y: -4.5, vast: true }], true));
    const view = unwrap(
      await s.saveWeergave(null, {
        naam: 'Stuurgroep maart',
        soort: 'netwerk',
        instellingen: { filter: { minVolume: 3 } },
      }),
    ).result;
    const bytes = unwrap(await s.exportProject());
    const t = createProjectService({ SQL: await sql(), now: () => FIXED_NOW, sha256 });
    unwrap(await t.openProject(bytes, 'n.wijkweb'));
    expect(unwrap(await t.getNetwerk()).posities).toEqual([{ knoop: 'o1', x: 10, y: -4.5, vast: true }]);
    expect(unwrap(await t.listWeergaven('netwerk'))).toEqual([
      expect.objectContaining({ id: view.id, naam: 'Stuurgroep maart', instellingen: { filter: { minVolume: 3 } } }),
    ]);
    unwrap(await s.undo());
    expect(unwrap(await s.listWeergaven('netwerk'))).toEqual([]);
    expect(unwrap(await s.getNetwerk()).posities).toHaveLength(1);
  });
});
