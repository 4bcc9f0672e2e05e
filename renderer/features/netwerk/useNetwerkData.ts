/**
 * The Netwerk view's data: the network from the worker (again after every change to the project), the settings and
 * tab you chose (kept while you visit other pages of the same project), the filtered network, the period comparison,
 * and the figures of the picture (computed in the worker a moment after the last change of the filters).
 */
import { useCallback, useMemo, useState } from 'react';
import { applyFilter, compareNetwerken } from '../../../shared/analysis/filter';
import { useActions, useApp } from '../../state/context';
import { useWorkerQuery } from '../../state/useWorkerQuery';
import { analyseFilter, DEFAULT_INSTELLINGEN, parsePeriodeKey, type NetwerkInstellingen } from './settings';

export type Tab = 'kaart' | 'analyse';

// What you chose stays while you visit other pages (of the same project).
let laatste: { project: string | null; instellingen: NetwerkInstellingen; tab: Tab } = {
  project: null,
  instellingen: DEFAULT_INSTELLINGEN,
  tab: 'kaart',
};

/** How long the filters must be still before the figures are computed again. */
const ANALYSE_WACHTTIJD = 350;

export function useNetwerkData() {
  const actions = useActions();
  const projectId = useApp((s) => s.project?.ref.id ?? null);
  const [begin] = useState(() =>
    laatste.project === projectId
      ? laatste
      : { project: projectId, instellingen: DEFAULT_INSTELLINGEN, tab: 'kaart' as Tab },
  );
  const [inst, setInstState] = useState<NetwerkInstellingen>(begin.instellingen);
  const [tab, setTabState] = useState<Tab>(begin.tab);
  const setInst = useCallback(
    (next: NetwerkInstellingen) => {
      laatste = { ...laatste, project: projectId, instellingen: next };
      setInstState(next);
    },
    [projectId],
  );
  const setTab = (next: Tab) => {
    laatste = { ...laatste, project: projectId, tab: next };
    setTabState(next);
  };
  // The knopen pinned in place: from the data, then changed on the map.
  const [vast, setVast] = useState<ReadonlySet<string>>(new Set());

  // The network, again after every change to the project.
  const netwerk = useWorkerQuery(() => actions.getNetwerk(), [actions], {
    bijAntwoord: (d) => setVast(new Set(d.posities.filter((p) => p.vast).map((p) => p.knoop))),
  });
  const data = netwerk.data;

  const net = useMemo(() => (data ? applyFilter(data, inst.filter) : null), [data, inst.filter]);
  const vergelijking = useMemo(() => {
    const p = parsePeriodeKey(inst.vergelijkMet);
    if (!data || !net || !p) return null;
    return compareNetwerken(applyFilter(data, { ...inst.filter, periode: p }), net);
  }, [data, net, inst.filter, inst.vergelijkMet]);

  // The figures of the picture (without focus and path): at once the first time, then a moment after the last change.
  const analyseKey = JSON.stringify(analyseFilter(inst.filter));
  const analyse = useWorkerQuery(
    () => actions.analyseNetwerk(JSON.parse(analyseKey) as NetwerkInstellingen['filter']),
    [actions, data, analyseKey],
    { opnieuwNaWijziging: false, aan: !!data, wacht: ANALYSE_WACHTTIJD, eersteZonderWacht: true },
  );

  return {
    data,
    fout: netwerk.error,
    inst,
    setInst,
    tab,
    setTab,
    vast,
    setVast,
    net,
    vergelijking,
    analyse: analyse.data,
    analyseFout: analyse.error,
    analyseBezig: !!data && !analyse.error && analyse.laden,
  };
}
