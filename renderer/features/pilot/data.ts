/**
 * The Pilotmonitor's data, fetched again after every change to the project (`dataRevision`): the monitor at the
 * chosen peildatum, the capacity entered, the gebieden to choose from, the afhandeling categories (taxonomy) and the
 * project's small-count rule.
 */
import { useTranslation } from 'react-i18next';
import type { CapaciteitRegel, GebiedenLijst, PilotMonitor } from '../../../shared/contract';
import { STANDAARD_PRIVACY, type PrivacyInstellingen } from '../../../shared/report/privacy';
import { ok, type AppError, type Result } from '../../../shared/result';
import { useActions } from '../../state/context';
import { useWorkerQuery } from '../../state/useWorkerQuery';

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
  return useWorkerQuery(async (): Promise<Result<PilotData>> => {
    const [m, c, g, tax, p] = await Promise.all([
      actions.getPilotmonitor({ taal, ...(peildatum ? { peildatum } : {}) }),
      actions.listCapaciteit(),
      actions.getGebieden(),
      actions.listTaxonomieen(),
      actions.getPrivacy(),
    ]);
    if (!m.ok) return m;
    return ok({
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
    });
  }, [actions, peildatum, taal]);
}
