/**
 * The Pilotmonitor's data, fetched again after every change to the project (`dataRevision`): the monitor at the
 * chosen peildatum, the capacity entered, the gebieden to choose from, the afhandeling categories (taxonomy) and the
 * project's small-count rule.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CapaciteitRegel, GebiedenLijst, PilotMonitor } from '../../../shared/contract';
import { STANDAARD_PRIVACY, type PrivacyInstellingen } from '../../../shared/report/privacy';
import type { AppError } from '../../../shared/result';
import { useActions, useApp } from '../../state/context';

export interface PilotData {
  readonly monitor: PilotMonitor;
  readonly capaciteit: readonly CapaciteitRegel[];
  readonly gebieden: GebiedenLijst | null;
  /** The items of the taxonomy `afhandeling`, in their order. */
  readonly afhandeling: readonly { readonly code: string; readonly label: string }[];
  readonly privacy: PrivacyInstellingen;
}

export function usePilotData(peildatum: string | null): {
  data: PilotData | null;
  error: AppError | null;
  laden: boolean;
} {
  const actions = useActions();
  const { i18n } = useTranslation();
  const taal = i18n.language === 'en' ? 'en' : 'nl';
  const revision = useApp((s) => s.dataRevision);
  const key = `${revision}|${peildatum}|${taal}`;
  const [state, setState] = useState<{ key: string; data: PilotData | null; error: AppError | null }>({
    key: '',
    data: null,
    error: null,
  });
  useEffect(() => {
    let live = true;
    void Promise.all([
      actions.getPilotmonitor({ taal, ...(peildatum ? { peildatum } : {}) }),
      actions.listCapaciteit(),
      actions.getGebieden(),
      actions.listTaxonomieen(),
      actions.getPrivacy(),
    ]).then(([m, c, g, tax, p]) => {
      if (!live) return;
      if (!m.ok) return setState((s) => ({ key, data: s.data, error: m.error }));
      setState({
        key,
        error: null,
        data: {
          monitor: m.value,
          capaciteit: c.ok ? c.value : [],
          gebieden: g.ok ? g.value : null,
          afhandeling: tax.ok
            ? tax.value
                .filter((i) => i.taxonomie === 'afhandeling')
                .sort((a, b) => a.volgorde - b.volgorde)
                .map((i) => ({ code: i.code, label: i.label }))
            : m.value.categorieen,
          privacy: p.ok ? p.value : STANDAARD_PRIVACY,
        },
      });
    });
    return () => {
      live = false;
    };
    // `key` covers the revision, the peildatum and the language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [actions, key]);
  return { data: state.data, error: state.error, laden: state.key !== key };
}
