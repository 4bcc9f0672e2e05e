/**
 * `npm run bench`, netwerk part (issue 6): all metrics of a realistic map (500 knopen, 2,000 relaties; target
 * < 200 ms) and of a big one (5,000 / 25,000; target < 3 s in the worker, both cores), against NetworkX and
 * python-igraph (Debian packages, when installed) on the same graphs.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { analyseNetwerk, analyseNetwerkParallel, seededRandom, type RunPaths } from '../../shared/analysis/analyse';
import type { PathMetricsRaw } from '../../shared/analysis/metrics';
import type { NetwerkData, NetwerkKnoop, NetwerkRelatie } from '../../shared/analysis/types';
import { PARALLEL_FROM_KNOPEN } from '../../shared/service/project-service';
import { timed } from './timing';

type Report = (what: string, value: string, note?: string) => void;

/** A synthetic sociale kaart: organisations with offers, referrals with quarterly volumes between them. */
export function syntheticNetwerk(
  nodes: number,
  relations: number,
  seed = 11,
): { data: NetwerkData; edges: [number, number, number][] } {
  const rnd = seededRandom(seed);
  const sectors = ['welzijn', 'zorg', 'gemeente', 'onderwijs', 'informeel', 'wonen'];
  const orgCount = Math.round(nodes * 0.3);
  const knopen: NetwerkKnoop[] = [];
  for (let i = 0; i < nodes; i++) {
    const org = i < orgCount;
    knopen.push({
      id: org ? `o${i}` : `v${i}`,
      soort: org ? 'organisatie' : 'voorziening',
      refId: i,
      naam: `Knoop ${i}`,
      sector: sectors[i % sectors.length]!,
      leefgebieden: org ? [] : [['welzijn', 'zorg', 'wonen'][i % 3]!],
      doelgroepen: [],
      collectief: org ? null : i % 2 === 0,
      vrijToegankelijk: org ? null : i % 3 !== 0,
      status: org ? null : 'actief',
      startdatum: null,
      einddatum: null,
      buurtCode: `BU${i % 40}`,
      wijkCode: `WK${i % 8}`,
      werkgebied: [],
      eersteLijn: org && i % 10 === 0,
      niveau: null,
    });
  }
  const relaties: NetwerkRelatie[] = [];
  const edges: [number, number, number][] = [];
  for (let v = orgCount; v < nodes; v++) {
    const o = Math.floor(rnd() * orgCount);
    relaties.push({
      id: `a${v}`,
      relatieId: null,
      bron: knopen[o]!.id,
      doel: knopen[v]!.id,
      soort: 'aanbod',
      gericht: true,
      volumes: [],
      startdatum: null,
      einddatum: null,
    });
    edges.push([o, v, 1], [v, o, 1]);
  }
  for (let r = 0; relaties.length < relations; r++) {
    const a = Math.floor(rnd() * nodes);
    const b = Math.floor(rnd() * nodes);
    if (a === b) continue;
    const aantal = 1 + Math.floor(rnd() * 20);
    relaties.push({
      id: `r${r}`,
      relatieId: r,
      bron: knopen[a]!.id,
      doel: knopen[b]!.id,
      soort: 'verwijzing',
      gericht: true,
      volumes: [{ start: '2024-01-01', eind: '2024-03-31', aantal }],
      startdatum: null,
      einddatum: null,
    });
    edges.push([a, b, aantal]);
  }
  const gebieden: NetwerkData['gebieden'] = {};
  for (let w = 0; w < 8; w++)
    (gebieden as Record<string, unknown>)[`WK${w}`] = { naam: `Wijk ${w}`, niveau: 'wijk', wijk: `WK${w}` };
  return {
    data: { knopen, relaties, perioden: ['2024-01-01/2024-03-31'], posities: [], labels: {}, gebieden },
    edges,
  };
}

async function threadRunner(): Promise<{ run: RunPaths; stop: () => Promise<void> }> {
  const file = join(process.cwd(), 'node_modules', '.cache', 'wijkweb', 'paths-thread.mjs');
  await build({
    entryPoints: [new URL('./paths-thread.mts', import.meta.url).pathname],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'error',
  });
  const threads = [new Worker(file), new Worker(file)];
  let next = 1;
  const run: RunPaths = (g, from, to) => {
    const id = next++;
    const t = threads[from === 0 ? 0 : 1]!;
    return new Promise<PathMetricsRaw>((resolve) => {
      const on = (m: { id: number; raw: PathMetricsRaw }) => {
        if (m.id !== id) return;
        t.off('message', on);
        resolve(m.raw);
      };
      t.on('message', on);
      t.postMessage({ id, n: g.n, offsets: g.offsets, targets: g.targets, from, to });
    });
  };
  return { run, stop: async () => void (await Promise.all(threads.map((t) => t.terminate()))) };
}

function reference(
  n: number,
  edges: [number, number, number][],
  networkx: boolean,
  repeat: number,
): { networkx?: number; igraph?: number | null } {
  const r = spawnSync('/usr/bin/python3', [new URL('./netwerk_reference.py', import.meta.url).pathname], {
    input: JSON.stringify({ n, edges, networkx, repeat }),
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return r.status === 0 ? (JSON.parse(r.stdout) as { networkx?: number; igraph?: number | null }) : {};
}

/** Median wall and CPU time of `runs` runs after `warm` unmeasured ones (the JIT compiles during the first). */
async function medianOf(
  warm: number,
  runs: number,
  fn: () => Promise<unknown> | unknown,
): Promise<{ wall: number; cpu: number }> {
  for (let i = 0; i < warm; i++) await fn();
  return timed(runs, fn);
}

export async function benchNetwerk(report: Report): Promise<void> {
  const { run, stop } = await threadRunner();
  try {
    for (const [nodes, relations, runs] of [
      [500, 2_000, 9],
      [5_000, 25_000, 1],
    ] as const) {
      const { data, edges } = syntheticNetwerk(nodes, relations);
      const label = `${nodes.toLocaleString('en')} knopen / ${relations.toLocaleString('en')} relaties`;
      const single = await medianOf(2, runs, () => analyseNetwerk(data, {}));
      const parallel = await medianOf(1, runs, () => analyseNetwerkParallel(data, {}, run));
      // As the worker does it: one thread below PARALLEL_FROM_KNOPEN, both cores from there (project-service.ts).
      const both = nodes >= PARALLEL_FROM_KNOPEN;
      const app = both ? parallel : single;
      const ref = reference(nodes, edges, nodes <= 1_000, runs);
      const ratios = [
        ref.igraph
          ? `igraph ${(ref.igraph * 1000).toFixed(0)} ms (ratio ${(app.wall / (ref.igraph * 1000)).toFixed(2)}, target ≤ 1.5)`
          : '(python3-igraph not installed)',
        ref.networkx
          ? `NetworkX ${(ref.networkx * 1000).toFixed(0)} ms (${((ref.networkx * 1000) / app.wall).toFixed(1)}× slower)`
          : null,
      ].filter(Boolean);
      const of = runs > 1 ? `, median of ${runs}` : '';
      report(
        `netwerk ${label}: all metrics, one thread${both ? '' : ' (as the app)'}`,
        `${single.wall.toFixed(0)} ms`,
        `CPU ${single.cpu.toFixed(0)} ms${of}${both ? '' : `; ${ratios.join('; ')}`}`,
      );
      report(
        `netwerk ${label}: all metrics, two threads${both ? ' (as the app)' : ''}`,
        `${parallel.wall.toFixed(0)} ms`,
        `CPU ${parallel.cpu.toFixed(0)} ms (both threads)${of}${both ? `; ${ratios.join('; ')}` : ''}`,
      );
    }
  } finally {
    await stop();
  }
}
