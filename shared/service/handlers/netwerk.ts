/** The network: its data, its analysis, the node positions and the saved views. */
import type {
  Changed,
  KnoopPositie,
  NetwerkAnalyse,
  NetwerkData,
  NetwerkFilter,
  Weergave,
  WeergaveInput,
  WeergaveSoort,
} from '../../contract';
import { saveKnoopPosities as savePosities } from '../../db/repos/netwerk';
import * as weergaven from '../../db/repos/weergaven';
import { analyseNetwerk as analyse, analyseNetwerkParallel } from '../../analysis/analyse';
import { fail, type Result } from '../../result';
import {
  guard,
  guardAsync,
  mutating,
  netwerk,
  PARALLEL_FROM_KNOPEN,
  reading,
  requireDb,
  type ServiceContext,
} from '../app';

/** The whole network (knopen, relaties with volumes, positions, labels) for the Netwerk view. */
export const getNetwerk = reading((ctx): NetwerkData => netwerk(ctx));

/** Metrics of the part of the network the filter shows (the same filter function as the view). */
export async function analyseNetwerk(ctx: ServiceContext, filter: NetwerkFilter): Promise<Result<NetwerkAnalyse>> {
  return guardAsync(async () => {
    const data = netwerk(ctx);
    // From about 400 knopen the BFS from every node (half of the analysis there) is split over the two helper
    // workers, so both cores work: 500 knopen took ~40 ms instead of ~60 on a busy machine (bench). The helpers
    // are started on first use and then kept; below it one thread is done before the messages would be.
    const runPaths = ctx.deps.runPaths;
    const parallel = runPaths && data.knopen.length >= PARALLEL_FROM_KNOPEN;
    return parallel ? await analyseNetwerkParallel(data, filter, runPaths) : analyse(data, filter);
  });
}

/** Saves node positions (pinned or from a layout); `vervangen` replaces all. Not an undo step. */
export async function saveKnoopPosities(
  ctx: ServiceContext,
  posities: readonly KnoopPositie[],
  vervangen: boolean,
): Promise<Result<number>> {
  if (ctx.importing) return fail('import.al-bezig');
  return guard(() => {
    const d = requireDb(ctx);
    const n = d.transaction(() => savePosities(d, posities, vervangen));
    ctx.revision++;
    ctx.netwerkCache = null;
    return n;
  });
}

export const listWeergaven = reading((ctx, soort: WeergaveSoort): Weergave[] =>
  weergaven.listWeergaven(requireDb(ctx), soort),
);

export const saveWeergave = mutating(
  (id: number | null, input: WeergaveInput) =>
    `Weergave ‘${input.naam.trim()}’ ${id === null ? 'bewaard' : 'gewijzigd'}`,
  (d, tijd, id, input): Weergave => weergaven.saveWeergave(d, id, input, tijd),
);

export const deleteWeergave = mutating('Weergave verwijderd', (d, _tijd, id: number): number =>
  weergaven.deleteWeergave(d, id),
);

/** The presentation's order of the saved views: all their ids, first slide first. One undo step. */
export async function reorderWeergaven(ctx: ServiceContext, ids: readonly number[]): Promise<Result<Changed<number>>> {
  if (!Array.isArray(ids) || !ids.every((id) => Number.isInteger(id)))
    return fail('invoer.ongeldig', { veld: 'volgorde', code: 'ongeldig' });
  return reorder(ctx, ids);
}
const reorder = mutating('Volgorde van de dia’s gewijzigd', (d, _tijd, ids: readonly number[]): number =>
  weergaven.reorderWeergaven(d, ids),
);
