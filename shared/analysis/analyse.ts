/**
 * The analysis of the network on the screen: metrics per knoop, figures per network and per wijk, sector mixing and
 * the referral balance. Runs in the worker. Organisaties and voorzieningen take part; gebieden are context only.
 */
import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import { applyFilter, STRUCTUUR } from './filter';
import {
  buildCsr,
  components,
  cutStructure,
  density,
  mergePathMetricsRaw,
  modularity,
  normalisePathMetrics,
  pathMetrics,
  reciprocity,
  type Csr,
  type PathMetrics,
  type PathMetricsRaw,
} from './metrics';
import { computeMetrieken } from './metriek-descriptors';
import type {
  KnoopMetriek,
  NetwerkAnalyse,
  NetwerkData,
  NetwerkFilter,
  NetwerkKengetallen,
  SectorMenging,
  VerwijsBalans,
  ZichtbaarNetwerk,
} from './types';

/** A small seeded generator (mulberry32): the same project gives the same communities every time. */
export function seededRandom(seed = 20_240_401): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface AnalyseGraphs {
  readonly ids: readonly string[];
  /** Undirected, simple. */
  readonly g: Csr;
  /** Directed, weighted by volume (1 when unknown); undirected relations both ways. */
  readonly d: Csr;
  /** Directed verwijzingen only (for reciprocity). */
  readonly v: Csr;
}

/** The graphs the metrics are computed on, from the matching part of the picture. */
export function analyseGraphs(net: ZichtbaarNetwerk): AnalyseGraphs {
  const ids = net.knopen.filter((k) => k.soort !== 'gebied' && net.treffers.has(k.id)).map((k) => k.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const und: [number, number][] = [];
  const dir: [number, number, number][] = [];
  const ref: [number, number][] = [];
  for (const r of net.relaties) {
    if (!net.treffers.has(r.id) || r.soort === 'locatie' || r.soort === 'werkgebied') continue;
    const a = index.get(r.bron);
    const b = index.get(r.doel);
    if (a === undefined || b === undefined) continue;
    const w = r.volume ?? 1;
    und.push([a, b]);
    dir.push([a, b, w]);
    if (!r.gericht) dir.push([b, a, w]);
    if (r.soort === 'verwijzing' && r.gericht) ref.push([a, b]);
  }
  return {
    ids,
    g: buildCsr(ids.length, und, true),
    d: buildCsr(ids.length, dir, false),
    v: buildCsr(ids.length, ref, false),
  };
}

/** Louvain communities (seeded), numbered by size (largest first), and the modularity of that partition. */
export function communities(g: Csr): { of: Int32Array; count: number; modularity: number } {
  const graph = new UndirectedGraph();
  for (let i = 0; i < g.n; i++) graph.addNode(String(i));
  for (let i = 0; i < g.n; i++) {
    for (let k = g.offsets[i]!; k < g.offsets[i + 1]!; k++) {
      const j = g.targets[k]!;
      if (i < j) graph.addEdge(String(i), String(j));
    }
  }
  const raw = new Int32Array(g.n);
  if (graph.size > 0) {
    const found = louvain(graph, { rng: seededRandom(), resolution: 1 });
    for (let i = 0; i < g.n; i++) raw[i] = found[String(i)] ?? 0;
  } else {
    for (let i = 0; i < g.n; i++) raw[i] = i;
  }
  // Stable numbers: by size, then by first member.
  const members = new Map<number, number[]>();
  for (let i = 0; i < g.n; i++) {
    const list = members.get(raw[i]!);
    if (list) list.push(i);
    else members.set(raw[i]!, [i]);
  }
  const order = [...members.values()].sort((a, b) => b.length - a.length || a[0]! - b[0]!);
  const of = new Int32Array(g.n);
  order.forEach((list, c) => list.forEach((i) => (of[i] = c)));
  return { of, count: order.length, modularity: modularity(g, of) };
}

function kengetallen(
  g: Csr,
  v: Csr,
  paths: PathMetrics = pathMetrics(g),
  cut: ReturnType<typeof cutStructure> = cutStructure(g),
): {
  figures: NetwerkKengetallen;
  metrics: ReturnType<typeof pathMetrics>;
  comm: ReturnType<typeof communities>;
} {
  const metrics = paths;
  const comm = communities(g);
  const figures: NetwerkKengetallen = {
    knopen: g.n,
    relaties: g.targets.length / 2,
    dichtheid: density(g),
    reciprociteit: reciprocity(v),
    componenten: components(g).count,
    bruggen: cut.bridges.length,
    gemiddeldePadlengte: metrics.reachablePairs > 0 ? metrics.distanceSum / metrics.reachablePairs : null,
    diameter: metrics.diameter,
    communities: comm.count,
    modulariteit: comm.modularity,
  };
  return { figures, metrics, comm };
}

function subgraph(csr: Csr, keep: readonly number[]): Csr {
  const index = new Map(keep.map((old, i) => [old, i]));
  const edges: [number, number, number][] = [];
  for (const old of keep) {
    for (let k = csr.offsets[old]!; k < csr.offsets[old + 1]!; k++) {
      const t = index.get(csr.targets[k]!);
      if (t !== undefined) edges.push([index.get(old)!, t, csr.weights[k]!]);
    }
  }
  return buildCsr(keep.length, edges, false);
}

export function analyseNetwerk(data: NetwerkData, filter: NetwerkFilter): NetwerkAnalyse {
  const net = applyFilter(data, filter);
  const graphs = analyseGraphs(net);
  return analyseWith(data, filter, net, graphs, pathMetrics(graphs.g));
}

/** Raw Brandes sums for the sources [from, to): run elsewhere (another worker) and added up. */
export type RunPaths = (g: Csr, from: number, to: number) => Promise<PathMetricsRaw>;

/**
 * The same analysis with the expensive part (a BFS from every node) split over `parts` runners, e.g. this worker and
 * a helper worker: both cores of the machine work.
 */
export async function analyseNetwerkParallel(
  data: NetwerkData,
  filter: NetwerkFilter,
  run: RunPaths,
  parts = 2,
): Promise<NetwerkAnalyse> {
  const net = applyFilter(data, filter);
  const graphs = analyseGraphs(net);
  const n = graphs.g.n;
  const bounds = Array.from({ length: parts + 1 }, (_, i) => Math.round((n * i) / parts));
  const raws = await Promise.all(bounds.slice(0, -1).map((from, i) => run(graphs.g, from, bounds[i + 1]!)));
  return analyseWith(data, filter, net, graphs, normalisePathMetrics(n, mergePathMetricsRaw(n, raws)));
}

function analyseWith(
  data: NetwerkData,
  filter: NetwerkFilter,
  net: ZichtbaarNetwerk,
  graphs: AnalyseGraphs,
  paths: PathMetrics,
): NetwerkAnalyse {
  const { ids, g, d, v } = graphs;
  const cut = cutStructure(g);
  const whole = kengetallen(g, v, paths, cut);
  const knopen: KnoopMetriek[] = computeMetrieken(ids, {
    g,
    d,
    paden: whole.metrics,
    communities: whole.comm,
    cut,
  });

  // Per wijk: the subnetwork of what is located there.
  const byId = new Map(net.knopen.map((k) => [k.id, k]));
  const perWijkIdx = new Map<string, number[]>();
  ids.forEach((id, i) => {
    const w = byId.get(id)?.wijkCode;
    if (!w) return;
    const list = perWijkIdx.get(w);
    if (list) list.push(i);
    else perWijkIdx.set(w, [i]);
  });
  const perWijk = [...perWijkIdx]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([wijkCode, idx]) => ({
      ...kengetallen(subgraph(g, idx), subgraph(v, idx)).figures,
      wijkCode,
      wijkNaam: data.gebieden[wijkCode]?.naam ?? wijkCode,
    }));

  return {
    knopen,
    netwerk: whole.figures,
    perWijk,
    bruggen: cut.bridges.map(([a, b]) => [ids[a]!, ids[b]!] as const),
    sectorMenging: sectorMenging(net, data),
    verwijsBalans: verwijsBalans(net, data, filter),
  };
}

/** Ties between sectors (relations between partners, not the structural provider/location edges). */
export function sectorMenging(net: ZichtbaarNetwerk, data: NetwerkData): SectorMenging {
  const byId = new Map(net.knopen.map((k) => [k.id, k]));
  const present = new Set<string>();
  for (const k of net.knopen) if (net.treffers.has(k.id) && k.soort !== 'gebied' && k.sector) present.add(k.sector);
  const order = Object.keys(data.labels['soort_organisatie'] ?? {});
  const sectoren = [...present].sort((a, b) => (order.indexOf(a) + 1 || 999) - (order.indexOf(b) + 1 || 999));
  const idx = new Map(sectoren.map((s, i) => [s, i]));
  const matrix = sectoren.map(() => sectoren.map(() => 0));
  let extern = 0;
  let intern = 0;
  for (const r of net.relaties) {
    if (!net.treffers.has(r.id) || STRUCTUUR.has(r.soort)) continue;
    const a = idx.get(byId.get(r.bron)?.sector ?? '');
    const b = idx.get(byId.get(r.doel)?.sector ?? '');
    if (a === undefined || b === undefined) continue;
    matrix[a]![b]!++;
    if (a !== b) matrix[b]![a]!++;
    if (a === b) intern++;
    else extern++;
  }
  const zonderBanden: [string, string][] = [];
  for (let i = 0; i < sectoren.length; i++) {
    for (let j = i + 1; j < sectoren.length; j++)
      if (matrix[i]![j] === 0) zonderBanden.push([sectoren[i]!, sectoren[j]!]);
  }
  return {
    sectoren,
    matrix,
    eiIndex: extern + intern > 0 ? (extern - intern) / (extern + intern) : null,
    zonderBanden,
  };
}

/**
 * Of the referrals out of the first line (wijkteam, huisarts, wijkwijzer), how much lands in the voorliggend veld
 * (a freely accessible offer) and how much in maatwerk (op indicatie), per buurt of the referrer and per period.
 */
export function verwijsBalans(net: ZichtbaarNetwerk, data: NetwerkData, filter: NetwerkFilter): VerwijsBalans[] {
  const byId = new Map(data.knopen.map((k) => [k.id, k]));
  // An organisation as a target: voorliggend when all its offers are freely accessible, maatwerk when none is.
  const offerKinds = new Map<string, Set<boolean>>();
  for (const r of data.relaties) {
    if (r.soort !== 'aanbod') continue;
    const vz = byId.get(r.doel);
    if (vz?.vrijToegankelijk === null || vz === undefined) continue;
    offerKinds.set(r.bron, (offerKinds.get(r.bron) ?? new Set()).add(vz.vrijToegankelijk));
  }
  const kind = (id: string): 'voorliggend' | 'maatwerk' | 'onbekend' => {
    const k = byId.get(id);
    if (k?.soort === 'voorziening' && k.vrijToegankelijk !== null)
      return k.vrijToegankelijk ? 'voorliggend' : 'maatwerk';
    const kinds = offerKinds.get(id);
    if (kinds?.size === 1) return kinds.has(true) ? 'voorliggend' : 'maatwerk';
    return 'onbekend';
  };
  const rows = new Map<
    string,
    VerwijsBalans & { voorliggend: number; maatwerk: number; onbekend: number; totaal: number }
  >();
  const p = filter.periode ?? null;
  for (const r of data.relaties) {
    if (r.soort !== 'verwijzing' || !net.treffers.has(r.id)) continue;
    const from = byId.get(r.bron);
    if (!from?.eersteLijn) continue;
    const target = kind(r.doel);
    for (const vol of r.volumes) {
      if (p && !(vol.start <= p.eind && vol.eind >= p.start)) continue;
      const periode = `${vol.start}/${vol.eind}`;
      const key = `${from.buurtCode ?? ''}|${periode}`;
      const row = rows.get(key) ?? {
        buurtCode: from.buurtCode,
        buurtNaam: from.buurtCode ? (data.gebieden[from.buurtCode]?.naam ?? null) : null,
        periode,
        totaal: 0,
        voorliggend: 0,
        maatwerk: 0,
        onbekend: 0,
        aandeelVoorliggend: null,
      };
      row.totaal += vol.aantal;
      row[target] += vol.aantal;
      rows.set(key, row);
    }
  }
  return [...rows.values()]
    .map((r) => ({
      ...r,
      aandeelVoorliggend: r.voorliggend + r.maatwerk > 0 ? r.voorliggend / (r.voorliggend + r.maatwerk) : null,
    }))
    .sort(
      (a, b) =>
        (a.buurtCode ?? '~').localeCompare(b.buurtCode ?? '~') || (a.periode ?? '').localeCompare(b.periode ?? ''),
    );
}
