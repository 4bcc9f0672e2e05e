/** The data of the Kaart view, fetched again after every change to the project (the store's `dataRevision`). */
import { useEffect, useState } from 'react';
import type {
  CapaciteitRij,
  GebiedProfiel,
  HiatenOverzicht,
  KaartData,
  Organisatie,
  Voorziening,
} from '../../../shared/contract';
import type { AppError } from '../../../shared/result';
import { useActions, useApp } from '../../state/context';
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
  const revision = useApp((s) => s.dataRevision);
  const peildatum = useHiatenPeildatum((s) => s.peildatum);
  const { i18n } = useTranslation();
  const [state, setState] = useState<{ data: KaartGegevens | null; error: AppError | null }>({
    data: null,
    error: null,
  });
  useEffect(() => {
    let live = true;
    void (async () => {
      const kaart = await actions.getKaart(jaar);
      if (!live) return;
      if (!kaart.ok) return setState({ data: null, error: kaart.error });
      const taal = i18n.language === 'en' ? 'en' : 'nl';
      const [hiaten, voorzieningen, organisaties, pilot, gebieden] = await Promise.all([
        kaart.value.jaar !== null
          ? actions.getHiaten({ jaar: kaart.value.jaar, peildatum, taal: i18n.language === 'en' ? 'en' : 'nl' })
          : Promise.resolve(null),
        actions.listVoorzieningen(),
        actions.listOrganisaties(),
        actions.getPilotmonitor({ taal }),
        actions.getGebieden(),
      ]);
      const rijen = pilot.ok ? pilot.value.capaciteit.rijen : [];
      if (!live) return;
      setState({
        error: null,
        data: {
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
        },
      });
    })();
    return () => {
      live = false;
    };
  }, [actions, revision, jaar, peildatum, i18n.language]);
  return state;
}

/** Above this many buurten the CBS figures are not fetched (the map colours by gaps and offers only). */
export const MAX_PROFIELEN = 1500;

/** The CBS profile of every buurt on the map, in one call. Null while loading; empty when there are too many. */
export function useProfielen(codes: readonly string[], jaar: number | null): ReadonlyMap<string, GebiedProfiel> | null {
  const actions = useActions();
  const revision = useApp((s) => s.dataRevision);
  const [state, setState] = useState<{ key: string; profielen: ReadonlyMap<string, GebiedProfiel> } | null>(null);
  const key = `${revision}|${jaar}|${codes.join(',')}`;
  useEffect(() => {
    if (jaar === null) return;
    let live = true;
    const wanted = codes.length > MAX_PROFIELEN ? [] : codes;
    void actions.getGebiedProfielen(wanted, jaar).then((r) => {
      if (live) setState({ key, profielen: new Map(r.ok ? Object.entries(r.value) : []) });
    });
    return () => {
      live = false;
    };
    // `key` covers codes, jaar and revision.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [actions, key]);
  if (jaar === null) return new Map();
  return state?.key === key ? state.profielen : null;
}
