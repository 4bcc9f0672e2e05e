/** The data of the Kaart view, fetched again after every change to the project (the store's `dataRevision`). */
import type {
  CapaciteitRij,
  GebiedProfiel,
  HiatenOverzicht,
  KaartData,
  Organisatie,
  Voorziening,
} from '../../../shared/contract';
import { fail, ok, type AppError, type Result } from '../../../shared/result';
import { useActions } from '../../state/context';
import { useWorkerQuery } from '../../state/useWorkerQuery';
import { useTranslation } from 'react-i18next';
import { useHiatenPeildatum } from '../hiaten/peildatum';

export interface KaartGegevens {
  readonly kaart: KaartData;
  readonly hiaten: HiatenOverzicht | null;
  readonly voorzieningen: readonly Voorziening[];
  readonly organisaties: readonly Organisatie[];
  /** The Pilotmonitor's capacity against demand per gebied, and the buurten of each eigen gebied; null without capacity. */
  readonly capaciteit: {
    readonly rijen: readonly CapaciteitRij[];
    readonly leden: ReadonlyMap<string, readonly string[]>;
  } | null;
}

export function useKaartGegevens(jaar: number | undefined): {
  data: KaartGegevens | null;
  error: AppError | null;
} {
  const actions = useActions();
  const peildatum = useHiatenPeildatum((s) => s.peildatum);
  const { i18n } = useTranslation();
  const taal = i18n.language === 'en' ? 'en' : 'nl';
  const { data, error } = useWorkerQuery(
    async (signal): Promise<Result<KaartGegevens>> => {
      const kaart = await actions.getKaart(jaar);
      if (!kaart.ok) return kaart;
      // A newer request is on its way: this answer would be dropped, so the rest is not asked for.
      if (signal.aborted) return fail('intern.onverwacht');
      const [hiaten, voorzieningen, organisaties, pilot, gebieden] = await Promise.all([
        kaart.value.jaar !== null
          ? actions.getHiaten({ jaar: kaart.value.jaar, peildatum, taal })
          : Promise.resolve(null),
        actions.listVoorzieningen(),
        actions.listOrganisaties(),
        actions.getPilotmonitor({ taal }),
        actions.getGebieden(),
      ]);
      const rijen = pilot.ok ? pilot.value.capaciteit.rijen : [];
      return ok({
        kaart: kaart.value,
        // The gap analysis of another year would not fit the map's buurten.
        hiaten: hiaten?.ok && hiaten.value.jaar === kaart.value.jaar ? hiaten.value : null,
        voorzieningen: voorzieningen.ok ? voorzieningen.value : [],
        organisaties: organisaties.ok ? organisaties.value : [],
        capaciteit: rijen.some((r) => r.index !== null)
          ? {
              rijen,
              leden: new Map(gebieden.ok ? gebieden.value.eigen.map((e) => [e.code, e.leden]) : []),
            }
          : null,
      });
    },
    [actions, jaar, peildatum, taal],
  );
  // An error replaces the map (the page shows only the error).
  return { data: error ? null : data, error };
}

/** Above this many buurten the CBS figures are not fetched (the map colours by gaps and offers only). */
export const MAX_PROFIELEN = 1500;

/** The CBS profile of every buurt on the map, in one call. Null while loading; empty when there are too many. */
export function useProfielen(codes: readonly string[], jaar: number | null): ReadonlyMap<string, GebiedProfiel> | null {
  const actions = useActions();
  const lijst = codes.join(',');
  const { data, laden } = useWorkerQuery(
    async (): Promise<Result<ReadonlyMap<string, GebiedProfiel>>> => {
      const r = await actions.getGebiedProfielen(codes.length > MAX_PROFIELEN ? [] : codes, jaar!);
      return ok(new Map(r.ok ? Object.entries(r.value) : []));
    },
    [actions, jaar, lijst],
    { aan: jaar !== null },
  );
  if (jaar === null) return new Map();
  return laden ? null : data;
}
