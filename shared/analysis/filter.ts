/**
 * What the Netwerk view shows: filters, focus and paths as pure functions over NetwerkData (the same in the view and
 * in the worker's analysis, so the figures are always of the picture on the screen).
 */
import type {
  NetwerkData,
  NetwerkFilter,
  NetwerkKnoop,
  NetwerkRelatie,
  NetwerkVergelijking,
  Periode,
  ZichtbaarNetwerk,
} from './types';

const overlaps = (aStart: string | null, aEind: string | null, p: Periode) =>
  (aStart === null || aStart <= p.eind) && (aEind === null || aEind >= p.start);

/** The volume of a relation in a period (all periods when none is given); null when it has no volumes. */
export function volumeIn(r: Pick<NetwerkRelatie, 'volumes'>, periode: Periode | null | undefined): number | null {
  if (r.volumes.length === 0) return null;
  let sum = 0;
  for (const v of r.volumes) if (!periode || overlaps(v.start, v.eind, periode)) sum += v.aantal;
  return sum;
}

const intersects = (a: readonly string[], b: readonly string[] | undefined) =>
  !b || b.length === 0 || a.some((x) => b.includes(x));

/** Structural edges (provider of, located in, serves) are part of the picture but not ties between partners. */
export const STRUCTUUR = new Set(['aanbod', 'locatie', 'werkgebied']);

export function applyFilter(data: NetwerkData, filter: NetwerkFilter): ZichtbaarNetwerk {
  const metVz = filter.metVoorzieningen !== false;
  const metGebieden = filter.metGebieden === true;
  const byId = new Map(data.knopen.map((k) => [k.id, k]));
  // Without voorzieningen on the map, a relation with a voorziening is drawn to its provider.
  const provider = new Map<string, string>();
  for (const r of data.relaties) if (r.soort === 'aanbod') provider.set(r.doel, r.bron);
  const endOf = (id: string) => (metVz || !id.startsWith('v') ? id : (provider.get(id) ?? null));

  const knopen = data.knopen.filter(
    (k) => (k.soort !== 'voorziening' || metVz) && (k.soort !== 'gebied' || metGebieden),
  );
  // What an organisation offers counts for it in the leefgebied/doelgroep/gebied filters.
  const offers = new Map<string, NetwerkKnoop[]>();
  for (const r of data.relaties) {
    if (r.soort !== 'aanbod') continue;
    const v = byId.get(r.doel);
    if (v) offers.set(r.bron, [...(offers.get(r.bron) ?? []), v]);
  }
  const p = filter.periode ?? null;
  const placeOk = (k: NetwerkKnoop) =>
    !filter.gebieden?.length ||
    [k.buurtCode, k.wijkCode, ...k.werkgebied, ...k.werkgebied.map((b) => data.gebieden[b]?.wijk ?? null)].some(
      (c) => c !== null && filter.gebieden!.includes(c),
    );
  const knoopOk = (k: NetwerkKnoop): boolean => {
    if (k.soort === 'gebied') return !filter.gebieden?.length || placeOk(k);
    const own = k.soort === 'organisatie' ? (offers.get(k.id) ?? []) : [k];
    if (filter.sectoren?.length && !filter.sectoren.includes(k.sector ?? '')) return false;
    if (filter.leefgebieden?.length && !own.some((v) => intersects(v.leefgebieden, filter.leefgebieden))) return false;
    if (filter.doelgroepen?.length && !own.some((v) => intersects(v.doelgroepen, filter.doelgroepen))) return false;
    if (k.soort === 'voorziening') {
      if (filter.statussen?.length && !filter.statussen.includes(k.status ?? 'actief')) return false;
      if (p && !overlaps(k.startdatum, k.einddatum, p)) return false;
    }
    if (filter.gebieden?.length && !placeOk(k) && !own.some(placeOk)) return false;
    return true;
  };

  const relaties: (NetwerkRelatie & { volume: number | null })[] = [];
  const seenCollapsed = new Set<string>();
  for (const r of data.relaties) {
    if (!metVz && r.soort === 'aanbod') continue;
    if (!metGebieden && (r.soort === 'locatie' || r.soort === 'werkgebied')) continue;
    const bron = endOf(r.bron);
    const doel = endOf(r.doel);
    if (!bron || !doel || bron === doel || !byId.has(bron) || !byId.has(doel)) continue;
    if (!metVz && (r.soort === 'locatie' || r.soort === 'werkgebied')) {
      const key = `${r.soort}|${bron}|${doel}`;
      if (seenCollapsed.has(key)) continue;
      seenCollapsed.add(key);
    }
    relaties.push({ ...r, bron, doel, volume: volumeIn(r, p) });
  }

  const treffers = new Set<string>();
  for (const k of knopen) if (knoopOk(k)) treffers.add(k.id);
  for (const r of relaties) {
    if (!treffers.has(r.bron) || !treffers.has(r.doel)) continue;
    if (!STRUCTUUR.has(r.soort)) {
      if (filter.relatieSoorten?.length && !filter.relatieSoorten.includes(r.soort)) continue;
      if (p && !overlaps(r.startdatum, r.einddatum, p)) continue;
      if (p && r.volumes.length > 0 && r.volume === 0) continue; // no referrals in this period
      if (filter.minVolume && r.volume !== null && r.volume < filter.minVolume) continue;
    }
    treffers.add(r.id);
  }
  const shown: ZichtbaarNetwerk = { knopen, relaties, treffers };
  if (filter.focus) return restrict(shown, neighbourhood(shown, filter.focus.knoop, filter.focus.stappen));
  if (filter.pad) return restrict(shown, shortestPaths(shown, filter.pad.van, filter.pad.naar));
  return shown;
}

function restrict(net: ZichtbaarNetwerk, keep: ReadonlySet<string>): ZichtbaarNetwerk {
  const treffers = new Set<string>();
  for (const id of net.treffers) if (keep.has(id)) treffers.add(id);
  return { ...net, treffers };
}

/** Undirected adjacency over the matching part of the picture: knoop → [neighbour, relation id]. */
function adjacency(net: ZichtbaarNetwerk): Map<string, [string, string][]> {
  const adj = new Map<string, [string, string][]>();
  for (const r of net.relaties) {
    if (!net.treffers.has(r.id)) continue;
    adj.set(r.bron, [...(adj.get(r.bron) ?? []), [r.doel, r.id]]);
    adj.set(r.doel, [...(adj.get(r.doel) ?? []), [r.bron, r.id]]);
  }
  return adj;
}

/** A knoop and everything within N steps of it (knopen and the relations between them). */
export function neighbourhood(net: ZichtbaarNetwerk, start: string, steps: number): Set<string> {
  const keep = new Set<string>();
  if (!net.treffers.has(start)) return keep;
  const adj = adjacency(net);
  let frontier = [start];
  keep.add(start);
  for (let s = 0; s < steps && frontier.length; s++) {
    const next: string[] = [];
    for (const v of frontier) {
      for (const [w] of adj.get(v) ?? []) {
        if (!keep.has(w)) {
          keep.add(w);
          next.push(w);
        }
      }
    }
    frontier = next;
  }
  for (const r of net.relaties) if (net.treffers.has(r.id) && keep.has(r.bron) && keep.has(r.doel)) keep.add(r.id);
  return keep;
}

/** Every knoop and relation on a shortest path between two knopen (empty when they are not connected). */
export function shortestPaths(net: ZichtbaarNetwerk, van: string, naar: string): Set<string> {
  const adj = adjacency(net);
  const dist = (from: string) => {
    const d = new Map<string, number>([[from, 0]]);
    const queue = [from];
    for (let i = 0; i < queue.length; i++) {
      const v = queue[i]!;
      for (const [w] of adj.get(v) ?? []) {
        if (!d.has(w)) {
          d.set(w, d.get(v)! + 1);
          queue.push(w);
        }
      }
    }
    return d;
  };
  const a = dist(van);
  const total = a.get(naar);
  const keep = new Set<string>();
  if (total === undefined || !net.treffers.has(van)) return keep;
  const b = dist(naar);
  for (const [v, dv] of a) if (dv + (b.get(v) ?? Infinity) === total) keep.add(v);
  for (const r of net.relaties) {
    if (!net.treffers.has(r.id) || !keep.has(r.bron) || !keep.has(r.doel)) continue;
    const [x, y] = [a.get(r.bron)!, a.get(r.doel)!];
    if (Math.abs(x - y) === 1) keep.add(r.id);
  }
  return keep;
}

/** What is new and what is gone between two pictures (e.g. two periods). */
export function compareNetwerken(voor: ZichtbaarNetwerk, na: ZichtbaarNetwerk): NetwerkVergelijking {
  const ids = (n: ZichtbaarNetwerk, kind: 'knoop' | 'relatie') => {
    const set = new Set(kind === 'knoop' ? n.knopen.map((k) => k.id) : n.relaties.map((r) => r.id));
    return new Set([...n.treffers].filter((id) => set.has(id)));
  };
  const diff = (a: Set<string>, b: Set<string>) => [...a].filter((x) => !b.has(x)).sort();
  const [kv, kn, rv, rn] = [ids(voor, 'knoop'), ids(na, 'knoop'), ids(voor, 'relatie'), ids(na, 'relatie')];
  return {
    nieuweKnopen: diff(kn, kv),
    verdwenenKnopen: diff(kv, kn),
    nieuweRelaties: diff(rn, rv),
    verdwenenRelaties: diff(rv, rn),
  };
}
