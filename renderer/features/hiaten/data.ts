/** The gap analysis for the Hiaten view, fetched again after every change to the project (`dataRevision`). */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HiatenOverzicht } from '../../../shared/contract';
import type { AppError } from '../../../shared/result';
import { useActions, useApp } from '../../state/context';

export interface HiatenData {
  readonly overzicht: HiatenOverzicht;
  /** Years of the area division in the project, newest first. */
  readonly jaren: readonly number[];
}

export function useHiaten(
  doelgroep: string | null,
  jaar: number | undefined,
  peildatum: string | null = null,
): { data: HiatenData | null; error: AppError | null; laden: boolean } {
  const actions = useActions();
  const { i18n } = useTranslation();
  const taal = i18n.language === 'en' ? 'en' : 'nl';
  const revision = useApp((s) => s.dataRevision);
  const key = `${revision}|${doelgroep}|${jaar}|${peildatum}|${taal}`;
  const [state, setState] = useState<{ key: string; data: HiatenData | null; error: AppError | null }>({
    key: '',
    data: null,
    error: null,
  });
  useEffect(() => {
    let live = true;
    void Promise.all([
      actions.getHiaten({ doelgroep, taal, peildatum, ...(jaar !== undefined ? { jaar } : {}) }),
      actions.getGebieden(),
    ]).then(([h, g]) => {
      if (!live) return;
      if (!h.ok) return setState((s) => ({ key, data: s.data, error: h.error }));
      setState({ key, error: null, data: { overzicht: h.value, jaren: g.ok ? g.value.jaren : [] } });
    });
    return () => {
      live = false;
    };
    // `key` covers the revision, the doelgroep, the year, the peildatum and the language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [actions, key]);
  // While a new answer is on its way the previous one stays on screen (no flicker after an edit).
  return { data: state.data, error: state.error, laden: state.key !== key };
}
