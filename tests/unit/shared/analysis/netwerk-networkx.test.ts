import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseGraphs, communities, seededRandom } from '../../../../shared/analysis/analyse';
import { applyFilter } from '../../../../shared/analysis/filter';
import {
  buildCsr,
  clustering,
  components,
  cutStructure,
  degreeOf,
  density,
  eigenvector,
  inDegrees,
  pagerank,
  pathMetrics,
  reciprocity,
  weightedDegrees,
  type Csr,
} from '../../../../shared/analysis/metrics';
import { loadNetwerk } from '../../../../shared/db/repos/netwerk';
import { createProjectService } from '../../../../shared/service/project-service';
import { unwrap } from '../../../../shared/result';
import { FIXED_NOW, sha256, sql } from '../../../helpers/db';

/** NetworkX (Debian python3-networkx) on the same graphs: CI installs it; the comparison is part of `npm test`. */
const PYTHON = '/usr/bin/python3';
const SCRIPT = new URL('../../../helpers/networkx_metrics.py', import.meta.url).pathname;

interface Spec {
  n: number;
  g: [number, number][];
  d: [number, number, number][];
  v: [number, number][];
}

function networkx(spec: Spec & { partition: number[] }): Record<string, unknown> {
  const r = spawnSync(PYTHON, [SCRIPT], { input: JSON.stringify(spec), encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`networkx failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

function edgesOf(csr: Csr, undirected: boolean): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let i = 0; i < csr.n; i++) {
    for (let k = csr.offsets[i]!; k < csr.offsets[i + 1]!; k++) {
      const j = csr.targets[k]!;
      if (!undirected || i < j) out.push([i, j, csr.weights[k]!]);
    }
  }
  return out;
}

function randomSpec(n: number, m: number, seed: number): Spec {
  const rnd = seededRandom(seed);
  const pick = () => Math.floor(rnd() * n);
  const g: [number, number][] = [];
  const d: [number, number, number][] = [];
  const v: [number, number][] = [];
  for (let e = 0; e < m; e++) {
    const a = pick();
    const b = pick();
    if (a === b) continue;
    g.push([a, b]);
    const w = 1 + Math.floor(rnd() * 20);
    d.push([a, b, w]);
    if (rnd() < 0.3) d.push([b, a, w]);
    if (rnd() < 0.6) v.push([a, b]);
  }
  return { n, g, d, v };
}

function compare(spec: Spec, label: string) {
  const g = buildCsr(spec.n, spec.g, true);
  const d = buildCsr(spec.n, spec.d, false);
  const v = buildCsr(spec.n, spec.v, false);
  const comm = communities(g);
  const nx = networkx({
    n: spec.n,
    g: edgesOf(g, true).map(([a, b]) => [a, b]),
    d: edgesOf(d, false),
    v: edgesOf(v, false).map(([a, b]) => [a, b]),
    partition: [...comm.of],
  });
  const close = (ours: ArrayLike<number>, theirs: unknown, what: string) => {
    const t = theirs as number[];
    expect(t.length, `${label} ${what}`).toBe(ours.length);
    for (let i = 0; i < t.length; i++) expect(Math.abs(ours[i]! - t[i]!), `${label} ${what}[${i}]`).toBeLessThan(1e-6);
  };
  const paths = pathMetrics(g);
  close(
    Array.from({ length: spec.n }, (_, i) => degreeOf(g, i)),
    nx.degree,
    'degree',
  );
  close(inDegrees(d), nx.in_degree, 'in_degree');
  close(
    Array.from({ length: spec.n }, (_, i) => degreeOf(d, i)),
    nx.out_degree,
    'out_degree',
  );
  close(weightedDegrees(d), nx.weighted_degree, 'weighted_degree');
  close(paths.betweenness, nx.betweenness, 'betweenness');
  close(paths.closeness, nx.closeness, 'closeness');
  close(pagerank(d, 0.85, 1e-13, 100000), nx.pagerank, 'pagerank');
  close(clustering(g), nx.clustering, 'clustering');
  if (nx.eigenvector) close(eigenvector(g, 1e-13, 100000), nx.eigenvector, 'eigenvector');
  const cut = cutStructure(g);
  expect(
    [...cut.articulation].flatMap((x, i) => (x ? [i] : [])),
    `${label} articulation`,
  ).toEqual(nx.articulation);
  expect(
    cut.bridges.slice().sort((a, b) => a[0] - b[0] || a[1] - b[1]),
    `${label} bridges`,
  ).toEqual(nx.bridges);
  expect(components(g).count, `${label} components`).toBe(nx.components);
  expect(Math.abs(density(g) - (nx.density as number))).toBeLessThan(1e-9);
  const rec = reciprocity(v);
  if (nx.reciprocity === null) expect(rec).toBeNull();
  else expect(Math.abs(rec! - (nx.reciprocity as number))).toBeLessThan(1e-9);
  expect(Math.abs(comm.modularity - (nx.modularity as number)), `${label} modularity`).toBeLessThan(1e-6);
  if (typeof nx.average_path_length === 'number') {
    expect(Math.abs(paths.distanceSum / paths.reachablePairs - nx.average_path_length)).toBeLessThan(1e-9);
  }
}

describe('network metrics equal NetworkX', () => {
  it('on seeded random graphs: sparse with components and isolated nodes, dense, and connected', () => {
    compare(randomSpec(80, 90, 1), 'sparse');
    compare(randomSpec(60, 600, 2), 'dense');
    const ring = randomSpec(50, 120, 3);
    for (let i = 0; i < 50; i++) ring.g.push([i, (i + 1) % 50]);
    compare(ring, 'connected');
  });

  it('on the real-shaped network of the Utrecht partner fixtures', async () => {
    const s = createProjectService({ SQL: await sql(), now: () => FIXED_NOW, sha256 });
    unwrap(await s.createProject('Utrecht'));
    const file = (name: string) => ({
      name,
      bytes: new Uint8Array(readFileSync(`tests/fixtures/partners/${name}`)),
    });
    unwrap(await s.importPartners(file('sociale-kaart-utrecht.xlsx'), { foutenOverslaan: true }));
    unwrap(await s.importRelaties(file('verwijzingen-2024.xlsx'), { foutenOverslaan: true }));
    const data = loadNetwerk(s.currentDb()!);
    for (const metVoorzieningen of [true, false]) {
      const graphs = analyseGraphs(applyFilter(data, { metVoorzieningen }));
      expect(graphs.ids.length).toBeGreaterThan(20);
      compare(
        {
          n: graphs.ids.length,
          g: edgesOf(graphs.g, true).map(([a, b]) => [a, b]),
          d: edgesOf(graphs.d, false),
          v: edgesOf(graphs.v, false).map(([a, b]) => [a, b]),
        },
        metVoorzieningen ? 'utrecht met voorzieningen' : 'utrecht organisaties',
      );
    }
  });
});
