/** The gap analysis for the Hiaten view, fetched again after every change to the project (`dataRevision`). */
import { useTranslation } from 'react-i18next';
import type { HiatenOverzicht } from '../../../shared/contract';
import { ok, type AppError, type Result } from '../../../shared/result';
import { useActions } from '../../state/context';
import { useWorkerQuery } from '../../state/useWorkerQuery';

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
  // While a new answer is on its way the previous one stays on screen (no flicker after an edit): `laden`.
  return useWorkerQuery(async (): Promise<Result<HiatenData>> => {
    const [h, g] = await Promise.all([
      actions.getHiaten({ doelgroep, taal, peildatum, ...(jaar !== undefined ? { jaar } : {}) }),
      actions.getGebieden(),
    ]);
    return h.ok ? ok({ overzicht: h.value, jaren: g.ok ? g.value.jaren : [] }) : h;
  }, [actions, doelgroep, jaar, peildatum, taal]);
}
