import type { TableData } from '../contract';
import { analyseNetwerk } from './analyse';
import type { NetwerkData, NetwerkFilter } from './types';

/** The documented columns of `export P netwerk` (README "Exporttabellen"). */
export const NETWERK_COLUMNS = [
  'node_id',
  'naam',
  'soort',
  'degree',
  'in_degree',
  'out_degree',
  'gewogen_degree',
  'betweenness',
  'closeness',
  'pagerank',
  'eigenvector',
  'community',
  'articulatiepunt',
  'clustering',
  'sector',
  'buurt_code',
] as const;

/** One row per organisatie and voorziening with its metrics (on the whole network unless a filter is given). */
export function netwerkTable(data: NetwerkData, filter: NetwerkFilter = {}): TableData {
  const analyse = analyseNetwerk(data, filter);
  const byId = new Map(data.knopen.map((k) => [k.id, k]));
  const round = (x: number) => Math.round(x * 1e9) / 1e9;
  return {
    columns: NETWERK_COLUMNS,
    rows: analyse.knopen.map((m) => {
      const k = byId.get(m.id)!;
      return [
        m.id,
        k.naam,
        k.soort,
        m.degree,
        m.inDegree,
        m.outDegree,
        m.gewogenDegree,
        round(m.betweenness),
        round(m.closeness),
        round(m.pagerank),
        round(m.eigenvector),
        m.community,
        m.articulatiepunt ? 1 : 0,
        round(m.clustering),
        k.sector,
        k.buurtCode,
      ];
    }),
  };
}
