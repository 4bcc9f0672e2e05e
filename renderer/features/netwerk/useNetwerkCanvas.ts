/**
 * The Netwerk view's canvas: one NetwerkGraph (Cytoscape) per container, fed the positions and the model; what it
 * reports (selection, context menu, layout busy, drawn); the layouts you choose; and what the rest of the page asks of
 * it (choose a knoop, pin one, apply a saved view's positions and viewport, show a knoop after a visit to Analyse).
 */
import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetwerkAnalyse, NetwerkData } from '../../../shared/contract';
import { useActions } from '../../state/context';
import { NetwerkGraph, type GraphEvents } from './graph';
import {
  concentrisch,
  groepIndeling,
  groepLabelId,
  groepNaam,
  groepVan,
  parseGroepLabelId,
  type Groepering,
} from './layout';
import type { Indeling, Metriek, NetwerkInstellingen, parseWeergave } from './settings';
import type { GraphModel } from './style';
import type { Tab } from './useNetwerkData';

export function useNetwerkCanvas({
  data,
  model,
  inst,
  tab,
  analyse,
  setVast,
  setMelding,
}: {
  data: NetwerkData | null;
  model: GraphModel | null;
  inst: NetwerkInstellingen;
  tab: Tab;
  analyse: NetwerkAnalyse | null;
  setVast: Dispatch<SetStateAction<ReadonlySet<string>>>;
  setMelding: (melding: string | null) => void;
}) {
  const { t } = useTranslation();
  const actions = useActions();
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  const [selectie, setSelectie] = useState<string | null>(null);
  const [menu, setMenu] = useState<{ id: string; x: number; y: number } | null>(null);
  const [indelenBezig, setIndelenBezig] = useState(false);
  const [getekend, setGetekend] = useState(false);
  const graphRef = useRef<NetwerkGraph | null>(null);
  const handlers = useRef<GraphEvents | null>(null);
  const centreerNaWissel = useRef<string | null>(null);
  const weergaveToegepast = useRef(0);

  const groepNamen = (groepering: Groepering) => ({
    zonder: t(`netwerk.indeling.zonder.${groepering}`),
    gebieden: t('netwerk.indeling.gebieden'),
  });

  useEffect(() => {
    handlers.current = {
      onSelect: (id) => {
        setSelectie(id);
        if (!id) setMenu(null);
      },
      onContextMenu: (id, x, y) => setMenu({ id, x, y }),
      onSavePositions: (posities, vervangen) => void actions.saveKnoopPosities(posities, vervangen),
      onLayoutBusy: (bezig) => setIndelenBezig(bezig),
      onGetekend: () => setGetekend(true),
      onLayoutError: () => setMelding(t('netwerk.indeling.fout')),
      groepNaam: (id) => {
        const g = parseGroepLabelId(id);
        if (!g || !data) return null;
        return groepNaam(g.groepering, g.groep, data, groepNamen(g.groepering));
      },
    };
  });
  useEffect(() => {
    if (!container) return;
    const g = new NetwerkGraph(container, {
      onSelect: (id) => handlers.current?.onSelect(id),
      onContextMenu: (id, x, y) => handlers.current?.onContextMenu(id, x, y),
      onSavePositions: (p, v) => handlers.current?.onSavePositions(p, v),
      onLayoutBusy: (b) => handlers.current?.onLayoutBusy(b),
      onLayoutError: () => handlers.current?.onLayoutError(),
      groepNaam: (id) => handlers.current?.groepNaam(id) ?? null,
      onGetekend: () => handlers.current?.onGetekend?.(),
    });
    graphRef.current = g;
    return () => {
      g.destroy();
      graphRef.current = null;
    };
  }, [container]);
  useEffect(() => {
    if (data) graphRef.current?.setPosities(data.posities);
  }, [data, container]);
  // Drawn at once; the figures (sizes) follow when the worker has them.
  useEffect(() => {
    if (model) graphRef.current?.setModel(model);
  }, [model, container]);
  // A new focus or path: show what it found.
  const focusKey = JSON.stringify([inst.filter.focus ?? null, inst.filter.pad ?? null]);
  useEffect(() => {
    const [focus, pad] = JSON.parse(focusKey) as [unknown, unknown];
    // A saved view that was just applied brings its own viewport.
    if ((focus || pad) && performance.now() - weergaveToegepast.current > 1000) graphRef.current?.fit(true);
  }, [focusKey]);
  // Back on the map (e.g. from a row of the table): the canvas gets its size again, and the chosen knoop its place.
  useEffect(() => {
    if (tab !== 'kaart') return;
    const g = graphRef.current;
    g?.resize();
    const id = centreerNaWissel.current;
    centreerNaWissel.current = null;
    if (id && g) {
      g.select(id, true);
      container?.focus();
    }
  }, [tab, container]);

  const kies = (id: string | null, centreer = true) => {
    graphRef.current?.select(id, centreer);
    setSelectie(id);
  };

  const indelen = (indeling: Indeling, ringenOp: Metriek = inst.concentrischOp) => {
    const g = graphRef.current;
    if (!g || !data || !model) return;
    setMelding(null);
    if (indeling === 'fcose') {
      void g.runFcose();
      return;
    }
    const ids = model.nodes.map((n) => n.data.id);
    const graad = new Map<string, number>();
    for (const e of model.edges) {
      graad.set(e.data.source, (graad.get(e.data.source) ?? 0) + 1);
      graad.set(e.data.target, (graad.get(e.data.target) ?? 0) + 1);
    }
    if (indeling === 'concentrisch') {
      const waarde = new Map(analyse?.knopen.map((m) => [m.id, m[ringenOp]]) ?? []);
      g.applyLayout(
        concentrisch(ids.map((id) => ({ id, waarde: waarde.get(id) ?? (analyse ? -1 : (graad.get(id) ?? 0)) }))),
        [],
      );
      return;
    }
    const groepering: Groepering = indeling;
    const byId = new Map(data.knopen.map((k) => [k.id, k]));
    const result = groepIndeling(
      ids.map((id) => ({ id, groep: groepVan(byId.get(id)!, groepering), gewicht: graad.get(id) ?? 0 })),
    );
    g.applyLayout(
      result.posities,
      result.labels.map((l) => ({
        id: groepLabelId(groepering, l.groep),
        label: groepNaam(groepering, l.groep, data, groepNamen(groepering)),
        x: l.x,
        y: l.y,
      })),
    );
  };

  const zetVast = (id: string, aan: boolean) => {
    graphRef.current?.setVast(id, aan);
    setVast((v) => {
      const next = new Set(v);
      if (aan) next.add(id);
      else next.delete(id);
      return next;
    });
  };

  /** A saved view's own positions and viewport (its settings are the page's). */
  const herstel = ({ viewport, posities }: Pick<ReturnType<typeof parseWeergave>, 'viewport' | 'posities'>) => {
    const g = graphRef.current;
    if (posities) {
      g?.herstelPosities(posities);
      setVast(new Set(posities.filter((p) => p.vast).map((p) => p.knoop)));
    }
    if (viewport) {
      g?.setViewport(viewport);
      weergaveToegepast.current = performance.now();
    }
  };

  /** Choose a knoop now and centre it when the map is shown again (from a row of the Analyse table). */
  const toonNaWissel = (id: string) => {
    centreerNaWissel.current = id;
    setSelectie(id);
  };

  return {
    container,
    setContainer,
    graphRef,
    selectie,
    menu,
    setMenu,
    indelenBezig,
    getekend,
    kies,
    indelen,
    zetVast,
    herstel,
    toonNaWissel,
  };
}
