/** The gaps (hiaten) per buurt × leefgebied, their settings, and the counts left out of them. */
import type { Changed, HiatenInstellingen, HiatenOpvraag, HiatenOverzicht } from '../../contract';
import { berekenHiaten } from '../../analysis/hiaten';
import { hiatenInstellingenSchema } from '../../analysis/hiaten-schema';
import {
  listHiatenMomenten,
  loadHiatenInput,
  loadHiatenInstellingen,
  saveHiatenInstellingen as saveInstellingen,
  setMetingUitgesloten as setUitgesloten,
} from '../../db/repos/hiaten';
import { taxonomieLabel } from '../../model/taxonomies';
import { AppException, fail, type Result } from '../../result';
import { mutate, ongeldig, reading, requireDb, type ServiceContext } from '../app';

/** Gaps per buurt × leefgebied (optionally for one doelgroep), most severe first, each with its sentence. */
export const getHiaten = reading((ctx, opties: HiatenOpvraag = {}): HiatenOverzicht => {
  const d = requireDb(ctx);
  const instellingen = loadHiatenInstellingen(d);
  const input = loadHiatenInput(
    d,
    instellingen,
    opties.jaar,
    opties.peildatum ?? undefined,
    opties.taal === 'en' ? 'en' : 'nl',
  );
  return {
    jaar: input.jaar,
    periode: input.periode,
    peildatum: opties.peildatum ?? null,
    momenten: listHiatenMomenten(d),
    leefgebieden: input.leefgebieden.map((l) => ({
      ...l,
      label: taxonomieLabel('leefgebied', l.code, l.label, opties.taal === 'en' ? 'en' : 'nl'),
    })),
    cellen: berekenHiaten(input, instellingen, {
      doelgroep: opties.doelgroep ?? null,
      taal: opties.taal === 'en' ? 'en' : 'nl',
    }),
    instellingen,
  };
});

/** Leaves a Cognos count out of the gap analysis (or takes it back in): one undo step. */
export async function setMetingUitgesloten(
  ctx: ServiceContext,
  id: number,
  uitgesloten: boolean,
): Promise<Result<Changed<number>>> {
  if (!Number.isInteger(id) || typeof uitgesloten !== 'boolean')
    return fail('invoer.ongeldig', { veld: 'id', code: 'ongeldig' });
  return mutate(
    ctx,
    uitgesloten ? 'Aantal uitgesloten van de hiaten' : 'Aantal weer meegeteld in de hiaten',
    (d): number => {
      if (!setUitgesloten(d, id, uitgesloten)) throw new AppException('meting.onbekend', { id });
      return id;
    },
  );
}

export async function saveHiatenInstellingen(
  ctx: ServiceContext,
  instellingen: HiatenInstellingen,
): Promise<Result<Changed<HiatenInstellingen>>> {
  const parsed = hiatenInstellingenSchema.safeParse(instellingen);
  if (!parsed.success) return ongeldig(parsed.error);
  return mutate(ctx, 'Instellingen van de hiaten gewijzigd', (d): HiatenInstellingen => {
    saveInstellingen(d, parsed.data);
    return loadHiatenInstellingen(d);
  });
}
