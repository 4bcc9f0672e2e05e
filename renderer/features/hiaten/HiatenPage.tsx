/**
 * Hiaten: where demand is high and no collective, freely accessible offer serves it. A ranked list with the
 * sentences (the most severe first), the heat matrix of buurten × leefgebieden with its legend, the details of a
 * cell with "Plan een initiatief"; the scenario and the settings in their own tabs. The model is explained on the
 * page in a few sentences.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ernst } from '../../../shared/contract';
import { TabPanel, Tabs } from '../../components/tabs';
import { Button, CheckboxField, Heading, Paragraph } from '../../components/ui';
import { useApp } from '../../state/context';
import { useGegevens, useLookups } from '../gegevens/data';
import { ErrorText } from '../gegevens/ErrorText';
import { useHiaten } from './data';
import { useHiatenPeildatum } from './peildatum';
import { PeildatumKeuze } from './PeildatumKeuze';
import { ErnstBadge, ErnstLegenda } from './ErnstLegenda';
import { HiaatDetails } from './HiaatDetails';
import { HiaatMatrix, type Selectie } from './HiaatMatrix';
import { InstellingenPanel } from './InstellingenPanel';
import { basisVan, bouwMatrix, bronRegel, gerangschikt, sorteerRijen, tellingPerErnst, type SorteerOp } from './logic';
import { PlanInitiatiefForm } from './PlanInitiatiefForm';
import { ScenarioPanel } from './ScenarioPanel';
import { MetBegrippen } from '../help/Begrip';

const TABS = ['hiaten', 'scenario', 'instellingen'] as const;
type Tab = (typeof TABS)[number];
const SORTERINGEN: readonly SorteerOp[] = ['ernst', 'index', 'per1000', 'naam'];
/** How many sentences the ranked list shows before "Toon alle". */
const TOP = 3;
/** Rows of the matrix drawn at once (a whole country has 14,000 buurten); the rest behind "Toon alle buurten". */
const MAX_RIJEN = 400;

export function HiatenPage({ onImport }: { onImport: () => void }) {
  const { t, i18n } = useTranslation();
  const readOnly = useApp((s) => s.project?.readOnly ?? true);
  const [tab, setTab] = useState<Tab>('hiaten');
  const [doelgroep, setDoelgroep] = useState<string | null>(null);
  const [jaar, setJaar] = useState<number | undefined>(undefined);
  const peildatum = useHiatenPeildatum((s) => s.peildatum);
  const [sorteer, setSorteer] = useState<SorteerOp>('ernst');
  const [kolom, setKolom] = useState<string | null>(null);
  const [zonderKleur, setZonderKleur] = useState(false);
  const [alles, setAlles] = useState(false);
  const [alleRijen, setAlleRijen] = useState(false);
  const [selectie, setSelectie] = useState<Selectie | null>(null);
  const [plannen, setPlannen] = useState(false);
  const { data, error, laden } = useHiaten(doelgroep, jaar, peildatum);
  const { data: gegevens } = useGegevens();
  const lookups = useLookups(gegevens, t('gegevens.tab.organisaties'), t('gegevens.tab.voorzieningen'));
  const num = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 2 });

  const overzicht = data?.overzicht ?? null;
  const jaren = data?.jaren ?? [];
  const leefgebieden = overzicht?.leefgebieden ?? [];
  const rijen = useMemo(
    () => sorteerRijen(bouwMatrix(overzicht?.cellen ?? []), sorteer, kolom),
    [overzicht, sorteer, kolom],
  );
  const lijst = useMemo(() => gerangschikt(overzicht?.cellen ?? []), [overzicht]);
  const aantallen = useMemo(() => tellingPerErnst(overzicht?.cellen ?? []), [overzicht]);
  const cel = selectie
    ? (overzicht?.cellen.find((c) => c.gebiedCode === selectie.code && c.leefgebied === selectie.leefgebied) ?? null)
    : null;
  const doelgroepLabel = (code: string) => lookups.taxLabel('doelgroep', code);
  const wijkVan = (code: string) => gegevens?.gebieden.find((g) => g.code === code)?.ouderCode ?? null;
  const drempels = overzicht?.instellingen.drempels;
  const momenten = overzicht?.momenten ?? [];
  const gebruikteBasis = useMemo(() => basisVan(overzicht?.cellen ?? []), [overzicht]);
  const geenVraag =
    overzicht !== null && overzicht.cellen.length > 0 && overzicht.cellen.every((c) => c.vraag === null);
  const kies = (s: Selectie) => {
    setSelectie(s);
    requestAnimationFrame(() =>
      document.getElementById('hiaat-details')?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }),
    );
  };

  const sorteerTekst =
    sorteer === 'naam'
      ? t('hiaten.sortering.naam')
      : kolom
        ? t('hiaten.sorteringKolom', {
            op: t(`hiaten.sortering.${sorteer}`),
            leefgebied: leefgebieden.find((l) => l.code === kolom)?.label ?? kolom,
          })
        : t(`hiaten.sortering.${sorteer}`);

  return (
    <div className="wijkweb-page wijkweb-page--full wijkweb-hiaten">
      <Heading level={1}>{t('hiaten.titel')}</Heading>
      <Tabs
        idPrefix="hiaten"
        label={t('hiaten.tabsLabel')}
        tabs={TABS.map((id) => ({ id, label: t(`hiaten.tab.${id}`) }))}
        selected={tab}
        onSelect={setTab}
      />
      <TabPanel idPrefix="hiaten" id={tab}>
        <ErrorText error={error} />
        {!overzicht ? (
          <Paragraph>{t('hiaten.laden')}</Paragraph>
        ) : tab === 'scenario' ? (
          <ScenarioPanel buurtOptions={lookups.buurtOptions} />
        ) : tab === 'instellingen' ? (
          <InstellingenPanel
            key={JSON.stringify(overzicht.instellingen)}
            instellingen={overzicht.instellingen}
            leefgebieden={leefgebieden}
            doelgroepLabel={doelgroepLabel}
          />
        ) : overzicht.cellen.length === 0 ? (
          <section className="wijkweb-card wijkweb-empty" aria-labelledby="hiaten-leeg" data-testid="hiaten-leeg">
            <Heading level={2} id="hiaten-leeg">
              {t('hiaten.leegTitel')}
            </Heading>
            <Paragraph>{t('hiaten.leegUitleg')}</Paragraph>
            <Button appearance="primary" onClick={onImport}>
              {t('hiaten.naarImporteren')}
            </Button>
          </section>
        ) : (
          <>
            <div className="wijkweb-hiaten__uitleg" data-testid="hiaten-uitleg">
              <Paragraph>
                <MetBegrippen tekst={t('hiaten.uitleg.vraag')} />
              </Paragraph>
              <Paragraph>
                <MetBegrippen tekst={t('hiaten.uitleg.aanbod')} />
              </Paragraph>
              {drempels && (
                <Paragraph>
                  <MetBegrippen
                    tekst={t('hiaten.uitleg.drempels', {
                      aandacht: num.format(drempels.aandacht),
                      hiaat: num.format(drempels.hiaat),
                      ernstig: num.format(drempels.ernstig),
                    })}
                  />
                </Paragraph>
              )}
              <Paragraph className="wijkweb-hint">
                <MetBegrippen tekst={t('hiaten.uitleg.signaal')} />
              </Paragraph>
              <p className="wijkweb-hint">{bronRegel(t, overzicht.jaar, overzicht.periode, gebruikteBasis)}</p>
            </div>
            {geenVraag && <Paragraph className="wijkweb-hint">{t('hiaten.geenVraag')}</Paragraph>}
            <div className="wijkweb-toolbar">
              <div className="wijkweb-toolbar__search">
                <label className="utrecht-form-label" htmlFor="hiaten-doelgroep">
                  {t('hiaten.doelgroep')}
                </label>
                <select
                  id="hiaten-doelgroep"
                  className="utrecht-select utrecht-select--html-select"
                  value={doelgroep ?? ''}
                  onChange={(e) => {
                    setSelectie(null);
                    setDoelgroep(e.target.value || null);
                  }}
                >
                  <option value="">{t('hiaten.alleDoelgroepen')}</option>
                  {lookups.taxOptions('doelgroep').map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </div>
              <PeildatumKeuze id="hiaten-peildatum" momenten={momenten} />
              {jaren.length > 1 && (
                <div className="wijkweb-toolbar__search wijkweb-toolbar__search--smal">
                  <label className="utrecht-form-label" htmlFor="hiaten-jaar">
                    {t('hiaten.jaar')}
                  </label>
                  <select
                    id="hiaten-jaar"
                    className="utrecht-select utrecht-select--html-select"
                    value={overzicht.jaar ?? ''}
                    onChange={(e) => {
                      setSelectie(null);
                      setJaar(Number(e.target.value));
                    }}
                  >
                    {jaren.map((j) => (
                      <option key={j} value={j}>
                        {j}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              <div className="wijkweb-toolbar__search">
                <label className="utrecht-form-label" htmlFor="hiaten-sorteer">
                  {t('hiaten.sorteerOp')}
                </label>
                <select
                  id="hiaten-sorteer"
                  className="utrecht-select utrecht-select--html-select"
                  value={sorteer}
                  onChange={(e) => setSorteer(e.target.value as SorteerOp)}
                >
                  {SORTERINGEN.map((s) => (
                    <option key={s} value={s}>
                      {t(`hiaten.sortering.${s}`)}
                    </option>
                  ))}
                </select>
              </div>
              {kolom && (
                <div className="wijkweb-toolbar__group">
                  <span className="wijkweb-chip">
                    {t('hiaten.kolomChip', { leefgebied: leefgebieden.find((l) => l.code === kolom)?.label ?? kolom })}
                  </span>
                  <Button appearance="subtle" onClick={() => setKolom(null)}>
                    {t('hiaten.alleKolommen')}
                  </Button>
                </div>
              )}
              <div className="wijkweb-toolbar__group">
                <CheckboxField checked={zonderKleur} onChange={setZonderKleur}>
                  {t('hiaten.zonderKleur')}
                </CheckboxField>
              </div>
              {laden && (
                <span className="wijkweb-hint" role="status">
                  {t('hiaten.bijwerken')}
                </span>
              )}
            </div>

            <section className="wijkweb-hiaten__top" aria-labelledby="hiaten-top-titel" data-testid="hiaten-lijst">
              <Heading level={2} id="hiaten-top-titel">
                {t('hiaten.topTitel')}
              </Heading>
              {lijst.length === 0 ? (
                <Paragraph>{t('hiaten.geenSignalen')}</Paragraph>
              ) : (
                <>
                  <ol className="wijkweb-hiaten__lijst">
                    {(alles ? lijst : lijst.slice(0, TOP)).map((c) => (
                      <li key={`${c.gebiedCode}|${c.leefgebied}`} data-ernst={c.ernst}>
                        <ErnstBadge ernst={c.ernst as Ernst} voorbereiding={c.inVoorbereiding} />
                        <p className="utrecht-paragraph wijkweb-hiaten__zin">{c.toelichting}</p>
                        <Button
                          appearance="subtle"
                          className="wijkweb-hiaten__bekijk"
                          onClick={() => kies({ code: c.gebiedCode, leefgebied: c.leefgebied })}
                        >
                          {t('hiaten.bekijk', { buurt: c.gebiedNaam, leefgebied: c.leefgebiedLabel })}
                        </Button>
                      </li>
                    ))}
                  </ol>
                  {lijst.length > TOP && (
                    <Button onClick={() => setAlles((a) => !a)} aria-expanded={alles}>
                      {alles ? t('hiaten.minder') : t('hiaten.toonAlle', { count: lijst.length })}
                    </Button>
                  )}
                </>
              )}
            </section>

            <ErnstLegenda aantallen={aantallen} />

            <div className="wijkweb-hiaten__werkvlak">
              <section aria-labelledby="hiaten-matrix-titel" className="wijkweb-hiaten__matrix">
                <Heading level={2} id="hiaten-matrix-titel">
                  {t('hiaten.matrixTitel')}
                </Heading>
                <p className="wijkweb-hint">{t('hiaten.matrixUitleg', { sortering: sorteerTekst })}</p>
                <HiaatMatrix
                  rijen={alleRijen ? rijen : rijen.slice(0, MAX_RIJEN)}
                  leefgebieden={leefgebieden}
                  sorteer={sorteer}
                  kolom={kolom}
                  onSorteer={(op, k) => {
                    setSorteer(op);
                    setKolom(k);
                  }}
                  selectie={selectie}
                  onSelect={kies}
                  zonderKleur={zonderKleur}
                  caption={t('hiaten.matrixCaption', {
                    jaar: overzicht.jaar ?? '',
                    doelgroep: doelgroep ? doelgroepLabel(doelgroep) : t('hiaten.alleDoelgroepen').toLowerCase(),
                  })}
                />
                {!alleRijen && rijen.length > MAX_RIJEN && (
                  <Button onClick={() => setAlleRijen(true)}>
                    {t('hiaten.alleBuurten', { getoond: MAX_RIJEN, count: rijen.length })}
                  </Button>
                )}
              </section>
              <section className="wijkweb-hiaten__details" id="hiaat-details" aria-labelledby="hiaat-details-titel">
                {cel ? (
                  <HiaatDetails
                    cel={cel}
                    voorzieningen={gegevens?.voorzieningen ?? []}
                    wijkCode={wijkVan(cel.gebiedCode)}
                    doelgroepLabel={cel.doelgroep ? doelgroepLabel(cel.doelgroep) : null}
                    kanPlannen={!readOnly}
                    onPlan={() => setPlannen(true)}
                  />
                ) : (
                  <>
                    <Heading level={2} id="hiaat-details-titel">
                      {t('hiaten.details.leegTitel')}
                    </Heading>
                    <Paragraph className="wijkweb-hint">{t('hiaten.details.leegUitleg')}</Paragraph>
                  </>
                )}
              </section>
            </div>
            {plannen && cel && (
              <PlanInitiatiefForm
                cel={cel}
                lookups={lookups}
                onClose={() => setPlannen(false)}
                returnFocus={() => document.getElementById('plan-initiatief')}
              />
            )}
          </>
        )}
      </TabPanel>
    </div>
  );
}
