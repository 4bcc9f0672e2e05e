/**
 * Netwerk: organisaties, voorzieningen and buurten as one map (Cytoscape), with filters on the left, the selection and
 * its figures on the right, the legend on the canvas; and Analyse, the same network in tables. The picture and the
 * figures use the same filter function (shared/analysis/filter.ts), so they always agree.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetwerkAnalyse, NetwerkData, NetwerkKnoop, Weergave } from '../../../shared/contract';
import type { AppError } from '../../../shared/result';
import { applyFilter, compareNetwerken } from '../../../shared/analysis/filter';
import { Popover } from '../../components/popover';
import { panelId, tabId, Tabs } from '../../components/tabs';
import { Alert, Button, Heading, Paragraph } from '../../components/ui';
import { formatNumber } from '../../format';
import { useActions, useApp } from '../../state/context';
import { AnalysePanel } from './AnalysePanel';
import { ContextMenu } from './ContextMenu';
import { DetailsPanel, knoopSoortLabel } from './DetailsPanel';
import { download, pngMetLegenda, svgMetLegenda } from './export';
import { FocusEnPad, Filters, WeergaveInstellingen } from './FilterPanel';
import { bestandsnaam, formatPeriode } from './format';
import { NetwerkGraph, type GraphEvents } from './graph';
import { KnoopZoeker, type KnoopOptie } from './KnoopZoeker';
import {
  concentrisch,
  groepIndeling,
  groepLabelId,
  groepNaam,
  groepVan,
  parseGroepLabelId,
  type Groepering,
} from './layout';
import { Legenda, useLegendaTeksten } from './Legenda';
import { legendaRegels } from './legenda-regels';
import {
  actieveFilters,
  allesTonen,
  analyseFilter,
  DEFAULT_INSTELLINGEN,
  parsePeriodeKey,
  parseWeergave,
  toWeergaveInstellingen,
  zonderFilter,
  type Indeling,
  type Metriek,
  type NetwerkInstellingen,
} from './settings';
import { buildModel, type Markering } from './style';
import { WeergavenPanel } from './WeergavenPanel';

type Tab = 'kaart' | 'analyse';
const TABS: readonly Tab[] = ['kaart', 'analyse'];

// What you chose stays while you visit other pages (of the same project).
let laatste: { project: string | null; instellingen: NetwerkInstellingen; tab: Tab } = {
  project: null,
  instellingen: DEFAULT_INSTELLINGEN,
  tab: 'kaart',
};

/** How long the filters must be still before the figures are computed again. */
const ANALYSE_WACHTTIJD = 350;

export function NetwerkPage({
  onBewerken,
}: {
  onBewerken: (soort: 'organisatie' | 'voorziening', id: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const actions = useActions();
  const revision = useApp((s) => s.dataRevision);
  const projectNaam = useApp((s) => s.project?.overview.naam ?? '');
  const projectId = useApp((s) => s.project?.ref.id ?? null);
  const [begin] = useState(() =>
    laatste.project === projectId
      ? laatste
      : { project: projectId, instellingen: DEFAULT_INSTELLINGEN, tab: 'kaart' as Tab },
  );
  const [data, setData] = useState<NetwerkData | null>(null);
  const [fout, setFout] = useState<AppError | null>(null);
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
  const [selectie, setSelectie] = useState<string | null>(null);
  const [analyse, setAnalyse] = useState<{ data: NetwerkData; key: string; value: NetwerkAnalyse } | null>(null);
  const [analyseFout, setAnalyseFout] = useState<AppError | null>(null);
  const [indelenBezig, setIndelenBezig] = useState(false);
  const [getekend, setGetekend] = useState(false);
  const [markering, setMarkering] = useState<Markering | null>(null);
  const [menu, setMenu] = useState<{ id: string; x: number; y: number } | null>(null);
  const [melding, setMelding] = useState<string | null>(null);
  const [vast, setVast] = useState<ReadonlySet<string>>(new Set());
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  const [panelOpen, setPanelOpen] = useState(true);
  const graphRef = useRef<NetwerkGraph | null>(null);
  const handlers = useRef<GraphEvents | null>(null);
  const centreerNaWissel = useRef<string | null>(null);
  const stap = useRef<{ anker: string; index: number } | null>(null);
  const teksten = useLegendaTeksten(data ?? EMPTY);

  // The network, again after every change to the project.
  useEffect(() => {
    let live = true;
    void actions.getNetwerk().then((r) => {
      if (!live) return;
      if (r.ok) {
        setData(r.value);
        setVast(new Set(r.value.posities.filter((p) => p.vast).map((p) => p.knoop)));
        setFout(null);
      } else {
        setFout(r.error);
      }
    });
    return () => {
      live = false;
    };
  }, [actions, revision]);

  const net = useMemo(() => (data ? applyFilter(data, inst.filter) : null), [data, inst.filter]);
  const vergelijkPeriode = parsePeriodeKey(inst.vergelijkMet);
  const vergelijking = useMemo(() => {
    const p = parsePeriodeKey(inst.vergelijkMet);
    if (!data || !net || !p) return null;
    return compareNetwerken(applyFilter(data, { ...inst.filter, periode: p }), net);
  }, [data, net, inst.filter, inst.vergelijkMet]);

  // The figures of the picture (without focus and path), computed in the worker a moment after the last change.
  const analyseKey = JSON.stringify(analyseFilter(inst.filter));
  const eersteAnalyse = useRef(true);
  useEffect(() => {
    if (!data) return;
    let live = true;
    const wacht = eersteAnalyse.current ? 0 : ANALYSE_WACHTTIJD;
    eersteAnalyse.current = false;
    const timer = setTimeout(() => {
      void actions.analyseNetwerk(JSON.parse(analyseKey) as NetwerkInstellingen['filter']).then((r) => {
        if (!live) return;
        if (r.ok) {
          setAnalyse({ data, key: analyseKey, value: r.value });
          setAnalyseFout(null);
        } else {
          setAnalyseFout(r.error);
        }
      });
    }, wacht);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [actions, data, analyseKey]);
  const analyseBezig = !!data && !analyseFout && (analyse?.data !== data || analyse.key !== analyseKey);
  const huidigeAnalyse = analyse?.value ?? null;

  const model = useMemo(
    () =>
      data && net
        ? buildModel({ data, net, instellingen: inst, analyse: huidigeAnalyse, vergelijking, markering })
        : null,
    [data, net, inst, huidigeAnalyse, vergelijking, markering],
  );

  // ---------------------------------------------------------------- the canvas
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
        return groepNaam(g.groepering, g.groep, data, {
          zonder: t(`netwerk.indeling.zonder.${g.groepering}`),
          gebieden: t('netwerk.indeling.gebieden'),
        });
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
  const weergaveToegepast = useRef(0);
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
      const waarde = new Map(huidigeAnalyse?.knopen.map((m) => [m.id, m[ringenOp]]) ?? []);
      g.applyLayout(
        concentrisch(ids.map((id) => ({ id, waarde: waarde.get(id) ?? (huidigeAnalyse ? -1 : (graad.get(id) ?? 0)) }))),
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
        label: groepNaam(groepering, l.groep, data, {
          zonder: t(`netwerk.indeling.zonder.${groepering}`),
          gebieden: t('netwerk.indeling.gebieden'),
        }),
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
  const focusOp = (id: string) =>
    setInst({
      ...inst,
      filter: { ...inst.filter, focus: { knoop: id, stappen: inst.filter.focus?.stappen ?? 1 }, pad: undefined },
    });
  const bewerk = (k: NetwerkKnoop) => {
    if (k.refId !== null && k.soort !== 'gebied') onBewerken(k.soort, k.refId);
  };

  const opties = useMemo<KnoopOptie[]>(
    () =>
      (data?.knopen ?? [])
        .filter((k) => k.soort !== 'gebied' || inst.filter.metGebieden)
        .map((k) => ({
          id: k.id,
          naam: k.naam,
          detail: [
            knoopSoortLabel(k, t),
            k.sector ? data?.labels['soort_organisatie']?.[k.sector] : null,
            net && !net.treffers.has(k.id) ? t('netwerk.zoek.buitenFilter') : null,
          ]
            .filter(Boolean)
            .join(' · '),
        })),
    [data, net, inst.filter.metGebieden, t],
  );

  if (fout) {
    return (
      <div className="wijkweb-page">
        <Heading level={1}>{t('netwerk.titel')}</Heading>
        <Alert type="error">
          <Paragraph>{t(`fout.${fout.code}`, { ...fout.params, defaultValue: t('fout.intern.onverwacht') })}</Paragraph>
        </Alert>
      </div>
    );
  }
  if (!data || !model || !net) {
    return (
      <div className="wijkweb-page">
        <Heading level={1}>{t('netwerk.titel')}</Heading>
        <Paragraph>{t('netwerk.laden')}</Paragraph>
      </div>
    );
  }
  if (!data.knopen.some((k) => k.soort !== 'gebied')) {
    return (
      <div className="wijkweb-page">
        <Heading level={1}>{t('netwerk.titel')}</Heading>
        <div className="wijkweb-card wijkweb-empty">
          <Paragraph>{t('netwerk.leeg')}</Paragraph>
        </div>
      </div>
    );
  }

  const selectieKnoop = selectie ? data.knopen.find((k) => k.id === selectie) : undefined;
  const vergelijkLabel = vergelijkPeriode ? formatPeriode(inst.vergelijkMet!, lang) : null;
  const tel = model.telling;
  const tellingTekst = t('netwerk.telling', {
    knopen: formatNumber(tel.knopen, lang),
    knopenTotaal: formatNumber(tel.knopenTotaal, lang),
    relaties: formatNumber(tel.relaties, lang),
    relatiesTotaal: formatNumber(tel.relatiesTotaal, lang),
  });
  const chips = actieveFilters(inst.filter).map((deel) => ({ deel, tekst: chipTekst(deel) }));
  function chipTekst(deel: string): string {
    const f = inst.filter;
    const namen = (tax: string, codes: readonly string[] | undefined) =>
      (codes ?? []).map((c) => data!.labels[tax]?.[c] ?? c).join(', ');
    const naam = (id: string) => data!.knopen.find((k) => k.id === id)?.naam ?? id;
    switch (deel) {
      case 'leefgebieden':
        return t('netwerk.chip.leefgebieden', { waarden: namen('leefgebied', f.leefgebieden) });
      case 'doelgroepen':
        return t('netwerk.chip.doelgroepen', { waarden: namen('doelgroep', f.doelgroepen) });
      case 'sectoren':
        return t('netwerk.chip.sectoren', { waarden: namen('soort_organisatie', f.sectoren) });
      case 'relatieSoorten':
        return t('netwerk.chip.relatieSoorten', { waarden: namen('relatietype', f.relatieSoorten) });
      case 'periode':
        return t('netwerk.chip.periode', { periode: formatPeriode(`${f.periode!.start}/${f.periode!.eind}`, lang) });
      case 'gebieden':
        return t('netwerk.chip.gebieden', {
          waarden: (f.gebieden ?? []).map((c) => data!.gebieden[c]?.naam ?? c).join(', '),
        });
      case 'statussen':
        return t('netwerk.chip.statussen', { waarden: (f.statussen ?? []).map((s) => t(`waarde.${s}`)).join(', ') });
      case 'minVolume':
        return t('netwerk.chip.minVolume', { aantal: f.minVolume });
      case 'focus':
        return t('netwerk.chip.focus', { naam: naam(f.focus!.knoop), count: f.focus!.stappen });
      default:
        return t('netwerk.chip.pad', { van: naam(f.pad!.van), naar: naam(f.pad!.naar) });
    }
  }

  const exporteer = async (soort: 'png' | 'svg') => {
    const g = graphRef.current;
    if (!g) return;
    const kop = {
      titel: projectNaam ? t('netwerk.export.titel', { project: projectNaam }) : t('netwerk.titel'),
      ondertitel: [
        new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long' }).format(new Date()),
        tellingTekst,
      ].join(' · '),
    };
    const regels = legendaRegels(model.legenda, teksten, t, lang, vergelijkLabel);
    try {
      if (soort === 'png') {
        const kaart = await g.png();
        download(await pngMetLegenda(kaart.blob, kaart.scale, kop, regels), bestandsnaam('netwerk', 'png'));
      } else {
        const tekst = svgMetLegenda(await g.svg(), kop, regels);
        download(new Blob([tekst], { type: 'image/svg+xml' }), bestandsnaam('netwerk', 'svg'));
      }
      setMelding(t('netwerk.export.klaar', { bestand: bestandsnaam('netwerk', soort) }));
    } catch {
      setMelding(t('netwerk.export.mislukt'));
    }
  };

  const toepassen = (w: Weergave) => {
    const { instellingen, viewport, posities } = parseWeergave(w.instellingen);
    setInst(instellingen);
    setMarkering(null);
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

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const g = graphRef.current;
    if (!g || e.target !== e.currentTarget) return;
    const key = e.key;
    if (key === 'ArrowRight' || key === 'ArrowLeft' || key === 'ArrowDown') {
      e.preventDefault();
      if (!selectie) {
        const eerste = g.eersteKnoop();
        if (eerste) kies(eerste);
        return;
      }
      let s = stap.current;
      if (key === 'ArrowDown' || !s || (s.anker !== selectie && !g.buren(s.anker).includes(selectie))) {
        s = { anker: selectie, index: -1 };
      }
      const buren = g.buren(s.anker);
      if (buren.length === 0) return;
      const index =
        key === 'ArrowLeft' ? (s.index <= 0 ? buren.length - 1 : s.index - 1) : (s.index + 1) % buren.length;
      stap.current = { anker: s.anker, index };
      kies(buren[index]!);
    } else if (key === 'ArrowUp') {
      e.preventDefault();
      if (stap.current) {
        kies(stap.current.anker);
        stap.current = null;
      }
    } else if ((key === 'Enter' || key === 'ContextMenu' || (key === 'F10' && e.shiftKey)) && selectie) {
      e.preventDefault();
      const p = g.schermPositie(selectie);
      setMenu({ id: selectie, x: p?.x ?? 40, y: p?.y ?? 40 });
    } else if (key === '+' || key === '=') {
      g.zoom(1.25);
    } else if (key === '-') {
      g.zoom(0.8);
    } else if (key === '0') {
      g.fit();
    } else if (key === 'Escape') {
      kies(null, false);
    }
  };

  const menuKnoop = menu ? data.knopen.find((k) => k.id === menu.id) : undefined;
  const sluitMenu = () => {
    setMenu(null);
    container?.focus();
  };

  return (
    <div className="wijkweb-page wijkweb-page--full wijkweb-netwerk">
      <Heading level={1}>{t('netwerk.titel')}</Heading>
      <Tabs
        idPrefix="netwerk"
        label={t('netwerk.tabsLabel')}
        tabs={TABS.map((id) => ({ id, label: t(`netwerk.tab.${id}`) }))}
        selected={tab}
        onSelect={setTab}
      />
      <div
        role="tabpanel"
        id={panelId('netwerk', 'kaart')}
        aria-labelledby={tabId('netwerk', 'kaart')}
        className={
          panelOpen ? 'wijkweb-netwerk__werkblad' : 'wijkweb-netwerk__werkblad wijkweb-netwerk__werkblad--smal'
        }
        hidden={tab !== 'kaart'}
      >
        <aside
          id="netwerk-paneel-links"
          className="wijkweb-netwerk__links"
          aria-label={t('netwerk.paneel.links')}
          hidden={!panelOpen}
        >
          <details open className="wijkweb-netwerk__sectie">
            <summary>{t('netwerk.paneel.weergave')}</summary>
            <WeergaveInstellingen
              inst={inst}
              onChange={setInst}
              onIndelen={(indeling, ringenOp) => indelen(indeling, ringenOp)}
              indelenBezig={indelenBezig}
            />
          </details>
          <details open className="wijkweb-netwerk__sectie">
            <summary>{t('netwerk.paneel.filters')}</summary>
            <Filters data={data} inst={inst} onChange={setInst} />
          </details>
          <details open className="wijkweb-netwerk__sectie">
            <summary>{t('netwerk.paneel.focus')}</summary>
            <FocusEnPad
              key={JSON.stringify([inst.filter.focus, inst.filter.pad])}
              inst={inst}
              onChange={setInst}
              selectie={selectieKnoop ? selectieKnoop.id : null}
              selectieNaam={selectieKnoop?.naam ?? null}
              opties={opties}
            />
          </details>
          <details open className="wijkweb-netwerk__sectie">
            <summary>{t('netwerk.paneel.weergaven')}</summary>
            <WeergavenPanel
              snapshot={() =>
                toWeergaveInstellingen(
                  inst,
                  graphRef.current?.viewport() ?? null,
                  graphRef.current?.posities() ?? null,
                ) as unknown as Record<string, unknown>
              }
              onToepassen={toepassen}
            />
          </details>
        </aside>

        <div className="wijkweb-netwerk__midden">
          <div className="wijkweb-toolbar wijkweb-netwerk__toolbar">
            <Button
              appearance="subtle"
              aria-expanded={panelOpen}
              aria-controls="netwerk-paneel-links"
              onClick={() => setPanelOpen((o) => !o)}
            >
              {panelOpen ? t('netwerk.paneel.verbergen') : t('netwerk.paneel.tonen')}
            </Button>
            <KnoopZoeker
              label={t('netwerk.zoek.label')}
              placeholder={t('netwerk.zoek.placeholder')}
              opties={opties}
              geenTreffers={t('netwerk.zoek.geenTreffers')}
              onKies={(id) => {
                if (!id) return;
                kies(id);
                container?.focus();
              }}
              testId="zoek-knoop"
            />
            <Popover label={t('netwerk.export.knop')} testId="netwerk-exporteren">
              {(close) => (
                <div className="wijkweb-popover__body">
                  <p className="utrecht-paragraph wijkweb-hint">{t('netwerk.export.uitleg')}</p>
                  <div className="wijkweb-popover__buttons">
                    <Button onClick={() => void exporteer('png').then(close)}>{t('netwerk.export.png')}</Button>
                    <Button onClick={() => void exporteer('svg').then(close)}>{t('netwerk.export.svg')}</Button>
                  </div>
                </div>
              )}
            </Popover>
          </div>
          <div className="wijkweb-toolbar wijkweb-toolbar--status wijkweb-compact wijkweb-netwerk__status">
            <span
              className={chips.length ? 'wijkweb-chip' : undefined}
              data-testid="netwerk-telling"
              aria-live="polite"
            >
              {tellingTekst}
            </span>
            {chips.map((c) => (
              <button
                key={c.deel}
                type="button"
                className="wijkweb-chip wijkweb-netwerk__chip"
                aria-label={t('netwerk.chip.weghalen', { filter: c.tekst })}
                onClick={() => setInst({ ...inst, filter: zonderFilter(inst.filter, c.deel) })}
              >
                {c.tekst} <span aria-hidden="true">×</span>
              </button>
            ))}
            {chips.length > 0 && (
              <Button appearance="subtle" onClick={() => setInst({ ...inst, filter: allesTonen(inst.filter) })}>
                {t('netwerk.allesTonen')}
              </Button>
            )}
          </div>
          <div className="wijkweb-netwerk__kaart">
            <div className="wijkweb-netwerk__vlak">
              <div
                ref={setContainer}
                className="wijkweb-netwerk__canvas"
                role="application"
                aria-roledescription={t('netwerk.canvas.rol')}
                tabIndex={0}
                aria-label={t('netwerk.canvas.label', { knopen: tel.knopen, relaties: tel.relaties })}
                aria-describedby="netwerk-toetsen"
                data-testid="netwerk-canvas"
                data-bezig={!getekend || indelenBezig ? 'ja' : 'nee'}
                data-getekend={getekend ? 'ja' : 'nee'}
                onKeyDown={onKeyDown}
              />
              <div className="wijkweb-netwerk__zoom" role="group" aria-label={t('netwerk.zoom.label')}>
                <Button
                  appearance="secondary"
                  aria-label={t('netwerk.zoom.in')}
                  onClick={() => graphRef.current?.zoom(1.25)}
                >
                  +
                </Button>
                <Button
                  appearance="secondary"
                  aria-label={t('netwerk.zoom.uit')}
                  onClick={() => graphRef.current?.zoom(0.8)}
                >
                  −
                </Button>
                <Button
                  appearance="secondary"
                  aria-label={t('netwerk.zoom.passend')}
                  onClick={() => graphRef.current?.fit()}
                >
                  <span aria-hidden="true">⤢</span>
                </Button>
              </div>
              {indelenBezig && (
                <div className="wijkweb-netwerk__indelen" role="status">
                  <progress aria-label={t('netwerk.instelling.indelenBezig')} /> {t('netwerk.instelling.indelenBezig')}
                </div>
              )}
              {menu && menuKnoop && (
                <ContextMenu
                  label={t('netwerk.menu.label', { naam: menuKnoop.naam })}
                  x={menu.x}
                  y={menu.y}
                  onSluit={sluitMenu}
                  items={[
                    ...(menuKnoop.soort !== 'gebied'
                      ? [{ label: t('netwerk.menu.bewerken'), onKies: () => bewerk(menuKnoop) }]
                      : []),
                    { label: t('netwerk.menu.focus'), onKies: () => focusOp(menuKnoop.id) },
                    vast.has(menuKnoop.id)
                      ? { label: t('netwerk.menu.losmaken'), onKies: () => zetVast(menuKnoop.id, false) }
                      : { label: t('netwerk.menu.vastzetten'), onKies: () => zetVast(menuKnoop.id, true) },
                  ]}
                />
              )}
            </div>
          </div>
          <div className="wijkweb-hint wijkweb-netwerk__onder">
            <p className="wijkweb-netwerk__toegankelijk">
              {t('netwerk.canvas.uitleg')}{' '}
              <button
                type="button"
                className="utrecht-link-button utrecht-link-button--html-button wijkweb-open"
                onClick={() => setTab('analyse')}
              >
                {t('netwerk.canvas.naarTabel')}
              </button>
            </p>
            <details className="wijkweb-netwerk__toetsen">
              <summary>{t('netwerk.canvas.toetsenKop')}</summary>
              <p id="netwerk-toetsen">{t('netwerk.canvas.toetsen')}</p>
            </details>
          </div>
          <p className="wijkweb-visually-hidden" aria-live="polite">
            {selectieKnoop
              ? t('netwerk.canvas.gekozen', { naam: selectieKnoop.naam, soort: knoopSoortLabel(selectieKnoop, t) })
              : ''}
          </p>
          {melding && (
            <p className="wijkweb-hint" role="status" data-testid="netwerk-melding">
              {melding}
            </p>
          )}
          {analyseFout && (
            <Alert type="error">
              <Paragraph>
                {t(`fout.${analyseFout.code}`, { ...analyseFout.params, defaultValue: t('fout.intern.onverwacht') })}
              </Paragraph>
            </Alert>
          )}
        </div>

        <aside className="wijkweb-netwerk__rechts" aria-label={t('netwerk.paneel.rechts')}>
          <Legenda
            legenda={model.legenda}
            data={data}
            markering={markering}
            onMarkering={setMarkering}
            vergelijkLabel={vergelijkLabel}
          />
          <DetailsPanel
            data={data}
            id={selectie}
            analyse={huidigeAnalyse}
            analyseBezig={analyseBezig}
            periode={inst.filter.periode ?? null}
            vast={selectie ? vast.has(selectie) : false}
            onFocus={focusOp}
            onVast={zetVast}
            onBewerken={bewerk}
            onKies={(id) => kies(id)}
            onNaarAnalyse={() => setTab('analyse')}
          />
        </aside>
      </div>
      <div
        role="tabpanel"
        id={panelId('netwerk', 'analyse')}
        aria-labelledby={tabId('netwerk', 'analyse')}
        className="wijkweb-netwerk__analyse"
        hidden={tab !== 'analyse'}
      >
        <AnalysePanel
          data={data}
          analyse={huidigeAnalyse}
          bezig={analyseBezig}
          onToonOpKaart={(id) => {
            centreerNaWissel.current = id;
            setSelectie(id);
            setTab('kaart');
          }}
        />
      </div>
    </div>
  );
}

const EMPTY: NetwerkData = { knopen: [], relaties: [], perioden: [], posities: [], labels: {}, gebieden: {} };
