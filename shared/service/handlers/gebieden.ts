/** Gebieden and their figures: the area division, profiles, measured counts, eigen gebieden and the map. */
import type {
  GebiedenLijst,
  GebiedProfiel,
  GebiedRow,
  KaartData,
  MetingenOverzicht,
  MetingFilter,
} from '../../contract';
import {
  createEigenGebied as createEigenGebiedRows,
  eigenGebiedProfiel,
  gebiedProfiel,
  listEigenGebieden,
  listGebieden,
  listJaren,
} from '../../db/repos/gebieden';
import { loadKaart } from '../../db/repos/kaart';
import { listMetingen } from '../../db/repos/metingen';
import { projectNameSchema } from '../../model/project';
import { fail, type Result } from '../../result';
import { busyImport, guard, reading, requireDb, type ServiceContext } from '../app';

/** The years of the area division in the project, newest first, and the gebieden of one year. */
export const getGebieden = reading((ctx, jaar?: number): GebiedenLijst => {
  const d = requireDb(ctx);
  const jaren = listJaren(d);
  const chosen = jaar !== undefined && jaren.includes(jaar) ? jaar : (jaren[0] ?? null);
  return {
    jaren,
    jaar: chosen,
    gebieden: chosen === null ? [] : listGebieden(d, chosen),
    eigen: listEigenGebieden(d),
  };
});

/** Profile of a gebied (CBS code) or an eigen gebied (code EG_…) in a year. */
export const getGebiedProfiel = reading((ctx, code: string, jaar: number): GebiedProfiel | null => {
  const d = requireDb(ctx);
  return code.startsWith('EG_') ? eigenGebiedProfiel(d, code, jaar) : gebiedProfiel(d, code, jaar);
});

/** The profiles of many gebieden in one call (the Kaart: every buurt on the map); a gebied without one is left out. */
export const getGebiedProfielen = reading(
  (ctx, codes: readonly string[], jaar: number): Record<string, GebiedProfiel> => {
    const d = requireDb(ctx);
    const uit: Record<string, GebiedProfiel> = {};
    for (const code of codes) {
      const p = code.startsWith('EG_') ? eigenGebiedProfiel(d, code, jaar) : gebiedProfiel(d, code, jaar);
      if (p) uit[code] = p;
    }
    return uit;
  },
);

/** Measured counts (Cognos) with per-1,000 figures and a trend per measure and gebied. */
export const getMetingen = reading((ctx, filter: MetingFilter): MetingenOverzicht =>
  listMetingen(requireDb(ctx), filter),
);

/** A user-defined area: a set of buurten (or wijken) of one year's division. */
export async function createEigenGebied(
  ctx: ServiceContext,
  naam: string,
  leden: readonly string[],
  jaar: number,
): Promise<Result<GebiedRow>> {
  const busy = busyImport<GebiedRow>(ctx);
  if (busy) return busy;
  const parsed = projectNameSchema.safeParse(naam);
  if (!parsed.success) return fail('gebied.naam-ongeldig');
  if (leden.length === 0) return fail('gebied.geen-leden');
  return guard(() => {
    const d = requireDb(ctx);
    // An undo step like every other change (it writes gebieden and a bron that later steps may follow).
    const g = ctx.undo.record(`Eigen gebied ‘${parsed.data}’ gemaakt`, () =>
      createEigenGebiedRows(d, parsed.data, leden, jaar, ctx.now()),
    );
    ctx.revision++;
    return g;
  });
}

/** The polygons of the gebieden of one year (default: the newest with polygons), for the Kaart view. */
export const getKaart = reading((ctx, jaar?: number): KaartData => loadKaart(requireDb(ctx), jaar));
