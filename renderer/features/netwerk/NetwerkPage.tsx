/**
 * Netwerk: organisaties, voorzieningen and buurten as one map (Cytoscape), with filters on the left, the selection and
 * its figures on the right, the legend on the canvas; and Analyse, the same network in tables. The picture and the
 * figures use the same filter function (shared/analysis/filter.ts), so they always agree. The data and the figures
 * come from `useNetwerkData`, the canvas from `useNetwerkCanvas` (keys: `useNetwerkToetsen`); the toolbar, the status
 * line and the drawing area are components of their own.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetwerkKnoop, Weergave } from '../../../shared/contract';
import { panelId, tabId, Tabs } from '../../components/tabs';
import { Alert, Heading, Paragraph } from '../../components/ui';
import { formatNumber } from '../../format';
import { AnalysePanel } from './AnalysePanel';
import { DetailsPanel, knoopSoortLabel } from './DetailsPanel';
import { formatPeriode } from './format';
import type { KnoopOptie } from './KnoopZoeker';
import { Legenda } from './Legenda';
import { NetwerkLinks } from './NetwerkLinks';
import { NetwerkStatus } from './NetwerkStatus';
import { NetwerkToolbar } from './NetwerkToolbar';
import { NetwerkVlak } from './NetwerkVlak';
import { browserOpslag } from '../rondleiding/logic';
import { onthoudPaneel, paneelBeginOpen, parsePeriodeKey, parseWeergave, toWeergaveInstellingen } from './settings';
import { buildModel, type Markering } from './style';
import { useNetwerkCanvas } from './useNetwerkCanvas';
import { useNetwerkData, type Tab } from './useNetwerkData';
import { useNetwerkToetsen } from './useNetwerkToetsen';

const TABS: readonly Tab[] = ['kaart', 'analyse'];

export function NetwerkPage({
  onBewerken,
}: {
  onBewerken: (soort: 'organisatie' | 'voorziening', id: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const {
    data,
    fout,
    inst,
    setInst,
    tab,
    setTab,
    vast,
    setVast,
    net,
    vergelijking,
    analyse,
    analyseFout,
    analyseBezig,
  } = useNetwerkData();
  const [markering, setMarkering] = useState<Markering | null>(null);
  const [melding, setMelding] = useState<string | null>(null);
  const [panelOpen, setPanelOpen] = useState(() => paneelBeginOpen(browserOpslag(), window.innerWidth));

  const model = useMemo(
    () => (data && net ? buildModel({ data, net, instellingen: inst, analyse, vergelijking, markering }) : null),
    [data, net, inst, analyse, vergelijking, markering],
  );
  const canvas = useNetwerkCanvas({ data, model, inst, tab, analyse, setVast, setMelding });
  const { container, graphRef, selectie, menu, kies, zetVast } = canvas;
  const onKeyDown = useNetwerkToetsen({ graphRef, selectie, kies, openMenu: canvas.setMenu });

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
  const vergelijkLabel = parsePeriodeKey(inst.vergelijkMet) ? formatPeriode(inst.vergelijkMet!, lang) : null;
  const tel = model.telling;
  const tellingTekst = t('netwerk.telling', {
    knopen: formatNumber(tel.knopen, lang),
    knopenTotaal: formatNumber(tel.knopenTotaal, lang),
    relaties: formatNumber(tel.relaties, lang),
    relatiesTotaal: formatNumber(tel.relatiesTotaal, lang),
  });

  const toepassen = (w: Weergave) => {
    const { instellingen, viewport, posities } = parseWeergave(w.instellingen);
    setInst(instellingen);
    setMarkering(null);
    canvas.herstel({ viewport, posities });
  };

  const menuKnoop = menu ? data.knopen.find((k) => k.id === menu.id) : undefined;
  const sluitMenu = () => {
    canvas.setMenu(null);
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
        <NetwerkLinks
          open={panelOpen}
          data={data}
          inst={inst}
          onChange={setInst}
          onIndelen={canvas.indelen}
          indelenBezig={canvas.indelenBezig}
          selectie={selectieKnoop ?? null}
          opties={opties}
          snapshot={() =>
            toWeergaveInstellingen(
              inst,
              graphRef.current?.viewport() ?? null,
              graphRef.current?.posities() ?? null,
            ) as unknown as Record<string, unknown>
          }
          onToepassen={toepassen}
        />

        <div className="wijkweb-netwerk__midden">
          <NetwerkToolbar
            data={data}
            graphRef={graphRef}
            panelOpen={panelOpen}
            onPanel={() => {
              onthoudPaneel(browserOpslag(), !panelOpen);
              setPanelOpen(!panelOpen);
            }}
            opties={opties}
            onKies={(id) => {
              kies(id);
              container?.focus();
            }}
            legenda={model.legenda}
            vergelijkLabel={vergelijkLabel}
            tellingTekst={tellingTekst}
            onMelding={setMelding}
          />
          <NetwerkStatus data={data} inst={inst} onChange={setInst} tellingTekst={tellingTekst} />
          <div className="wijkweb-netwerk__kaart">
            <NetwerkVlak
              setContainer={canvas.setContainer}
              graphRef={graphRef}
              telling={tel}
              getekend={canvas.getekend}
              indelenBezig={canvas.indelenBezig}
              onKeyDown={onKeyDown}
              menu={menu}
              menuKnoop={menuKnoop}
              vast={!!menuKnoop && vast.has(menuKnoop.id)}
              onSluitMenu={sluitMenu}
              onBewerken={bewerk}
              onFocus={focusOp}
              onVast={zetVast}
            />
          </div>
          <div className="wijkweb-hint wijkweb-netwerk__onder">
            <p className="wijkweb-netwerk__toegankelijk">
              {/* For a screen reader; the link says it for the eye (the map keeps the room of a line). */}
              <span className="wijkweb-visually-hidden">{t('netwerk.canvas.uitleg')} </span>
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
            analyse={analyse}
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
          analyse={analyse}
          bezig={analyseBezig}
          onToonOpKaart={(id) => {
            canvas.toonNaWissel(id);
            setTab('kaart');
          }}
        />
      </div>
    </div>
  );
}
