import type { TableData } from '../contract';
import { analyseNetwerk } from './analyse';
import { exportWaarde, METRIEK_DESCRIPTORS } from './metriek-descriptors';
import type { NetwerkData, NetwerkFilter } from './types';

/** The documented columns of `export P netwerk` (README "Exporttabellen"): one per measure, in the descriptors' order. */
export const NETWERK_COLUMNS: readonly string[] = [
  'node_id',
  'naam',
  'soort',
  ...METRIEK_DESCRIPTORS.map((d) => d.kolom),
  'sector',
  'buurt_code',
];

/** One row per organisatie and voorziening with its metrics (on the whole network unless a filter is given). */
export function netwerkTable(data: NetwerkData, filter: NetwerkFilter = {}): TableData {
  const analyse = analyseNetwerk(data, filter);
  const byId = new Map(data.knopen.map((k) => [k.id, k]));
  return {
    columns: NETWERK_COLUMNS,
    rows: analyse.knopen.map((m) => {
      const k = byId.get(m.id)!;
      return [
        m.id,
        k.naam,
        k.soort,
        ...METRIEK_DESCRIPTORS.map((d) => exportWaarde(d, m[d.id])),
        k.sector,
        k.buurtCode,
      ];
    }),
  };
}
