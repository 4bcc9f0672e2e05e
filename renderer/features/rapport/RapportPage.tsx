// Over 300 lines (309): the report's choices and its preview share one set of options.
/**
 * Rapport: the stuurgroep pack in one place. Choose the gebied(en), the peildatum, the moment to compare with and the
 * sections; the preview is the page that is printed (PDF) — the same HTML and print CSS the CLI uses. Next to it: the
 * xlsx, the network and map plates, the stuurgroep moments (snapshots) and the small-count rule.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  GebiedRow,
  PrivacyInstellingen,
  RapportOpties,
  Scenario,
  SectieSoort,
  SnapshotInfo,
} from '../../../shared/contract';
import { SECTIES } from '../../../shared/report/model';
import { rapportHtml } from '../../../shared/report/html';
import { TabPanel, Tabs } from '../../components/tabs';
import { Alert, Button, ButtonGroup, CheckboxField, Heading, Paragraph, TextField } from '../../components/ui';
import { CheckboxGroupField, SelectField } from '../../components/form';
import { useActions, useApp } from '../../state/context';
import { useWorkerQuery } from '../../state/useWorkerQuery';
import { ok } from '../../../shared/result';
import { downloadFile } from '../gegevens/export';
import { kaartBestandsnaam, svgNaarPng } from '../kaart/svg-export';
import { formatDate } from '../../format';
import { Voorbeeld } from './Voorbeeld';
import { Dias } from './Dias';
import { MetBegrippen } from '../help/Begrip';

const TABS = ['rapport', 'momenten', 'dias', 'privacy'] as const;
type Tab = (typeof TABS)[number];

const vandaag = () => {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/** "Stuurgroeprapportage Boswinkel-De Braker" → "stuurgroeprapportage-boswinkel-de-braker". */
export const bestandsnaam = (titel: string) =>
  titel
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'rapport';

export function RapportPage() {
  const { t, i18n } = useTranslation();
  const actions = useActions();
  const readOnly = useApp((s) => s.project?.readOnly ?? true);
  const browser = useApp((s) => s.platform?.kind === 'browser');
  const [tab, setTab] = useState<Tab>('rapport');
  const [gebieden, setGebieden] = useState<GebiedRow[]>([]);
  // The choice of gebieden and peildatum is kept in the store while the project is open: the presentation follows it,
  // and it is still there when you come back to Rapport.
  const bewaard = useApp((s) => s.rapportSelectie);
  const [gekozen, setGekozen] = useState<string[]>(() => [...(bewaard?.gebieden ?? [])]);
  const [peildatum, setPeildatum] = useState(() => bewaard?.peildatum ?? vandaag());
  const [vergelijk, setVergelijk] = useState<string>('auto');
  const [secties, setSecties] = useState<SectieSoort[]>([...SECTIES]);
  const [scenarios, setScenarios] = useState<Scenario[]>([]);
  const [scenarioId, setScenarioId] = useState<string>('');
  const [titel, setTitel] = useState('');
  const [snapshots, setSnapshots] = useState<SnapshotInfo[]>([]);
  const [fout, setFout] = useState<string | null>(null);
  const [melding, setMelding] = useState<string | null>(null);
  // The Pilotmonitor section is offered when the project has a pilot or goals (the report leaves it out otherwise).
  const [heeftPilot, setHeeftPilot] = useState(false);

  // What can be chosen: eigen gebieden, wijken and buurten of the newest year; snapshots; scenarios.
  useWorkerQuery(
    async () => {
      const [g, s, sc, m, pilot, doelen] = await Promise.all([
        actions.getGebieden(),
        actions.listSnapshots(),
        actions.listScenarios(),
        actions.getMetingen({}),
        actions.getPilot(),
        actions.listDoelen(),
      ]);
      return ok({ g, s, sc, m, pilot, doelen });
    },
    [actions],
    {
      bijAntwoord: ({ g, s, sc, m, pilot, doelen }) => {
        setHeeftPilot(
          (pilot.ok && (pilot.value.naam.trim() !== '' || pilot.value.gebied !== null)) ||
            (doelen.ok && doelen.value.length > 0),
        );
        if (g.ok) {
          const lijst = [
            ...g.value.eigen,
            ...g.value.gebieden.filter((x) => x.niveau === 'wijk' || x.niveau === 'buurt'),
          ];
          setGebieden(lijst);
          // Default: the buurt with the most Cognos counts (the pilot's buurt in the voorbeeldproject), else a wijk.
          setGekozen((cur) => {
            if (cur.length && cur.every((c) => lijst.some((x) => x.code === c))) return cur;
            const telling = new Map<string, number>();
            if (m.ok) for (const r of m.value.rijen) telling.set(r.gebiedCode, (telling.get(r.gebiedCode) ?? 0) + 1);
            const metCijfers = [...telling]
              .filter(([code]) => lijst.some((l) => l.code === code))
              .sort((a, b) => b[1] - a[1])[0]?.[0];
            const eerste = metCijfers ?? lijst.find((x) => x.niveau === 'wijk')?.code ?? lijst[0]?.code;
            return eerste ? [eerste] : [];
          });
        }
        if (s.ok) setSnapshots(s.value);
        if (sc.ok) setScenarios(sc.value);
      },
    },
  );

  const taal = i18n.language === 'en' ? 'en' : 'nl';
  const opties: RapportOpties | null = useMemo(
    () =>
      gekozen.length && /^\d{4}-\d{2}-\d{2}$/.test(peildatum)
        ? {
            gebieden: gekozen,
            peildatum,
            // A moment chosen before the peildatum moved past it: the previous one again.
            vergelijkMet:
              vergelijk === 'auto' || (vergelijk !== 'geen' && vergelijk >= peildatum)
                ? undefined
                : vergelijk === 'geen'
                  ? null
                  : vergelijk,
            secties,
            scenarioId: scenarioId ? Number(scenarioId) : null,
            titel: titel.trim() || null,
            // The report is written in the language of the app.
            taal,
          }
        : null,
    [gekozen, peildatum, vergelijk, secties, scenarioId, titel, taal],
  );

  // The presentation follows the report's gebieden and peildatum.
  useEffect(() => {
    actions.setRapportSelectie(opties ? { gebieden: opties.gebieden, peildatum: opties.peildatum } : null);
  }, [actions, opties]);
  const selectieTekst = opties
    ? t('rapport.dias.selectieTekst', {
        gebieden: opties.gebieden.map((c) => gebieden.find((g) => g.code === c)?.naam ?? c).join(', '),
        datum: formatDate(opties.peildatum, i18n.language),
      })
    : null;

  // The report follows the choices (a short pause while you type) and the project's changes.
  const rapportVraag = useWorkerQuery(() => actions.getRapport(opties!), [actions, opties], {
    aan: opties !== null,
    wacht: 300,
    bijAntwoord: () => setFout(null),
  });
  const rapport = rapportVraag.data;
  const bezig = opties !== null && rapportVraag.laden;
  // The report's own error, else that of the last export.
  const getoondeFout = rapportVraag.error
    ? t(`fout.${rapportVraag.error.code}`, rapportVraag.error.params ?? {})
    : fout;

  const html = useMemo(() => (rapport ? rapportHtml(rapport) : ''), [rapport]);
  const naam = rapport ? `${bestandsnaam(rapport.titel)}-${rapport.peildatum}` : 'rapport';
  const platen = rapport?.secties.flatMap((s) => (s.plaat ? [s.plaat] : [])) ?? [];

  const maakPdf = async () => {
    if (!html) return;
    const gelukt = await actions.printPdf(html, `${naam}.pdf`);
    // In the browser "PDF maken" opens the print dialog: the PDF is made there, with "Opslaan als PDF".
    if (gelukt) setMelding(t(browser ? 'rapport.pdfAfdrukvenster' : 'rapport.pdfKlaar'));
  };
  const maakXlsx = async () => {
    if (!opties) return;
    const r = await actions.exportRapportXlsx(opties);
    if (!r.ok) return setFout(t(`fout.${r.error.code}`, r.error.params ?? {}));
    downloadFile(
      new Uint8Array(r.value),
      `${naam}.xlsx`,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  };
  const plaat = async (svg: string, onderwerp: string, soort: 'svg' | 'png') => {
    if (soort === 'svg') return downloadFile(svg, kaartBestandsnaam(onderwerp, 'svg'), 'image/svg+xml');
    const png = await svgNaarPng(svg, 1600, 1100, 2);
    downloadFile(png, kaartBestandsnaam(onderwerp, 'png'), 'image/png');
  };

  const gebiedOpties = gebieden.map((g) => ({
    value: g.code,
    label: `${g.naam} (${t(`rapport.niveau.${g.niveau}`)})`,
  }));
  const vergelijkOpties = [
    { value: 'auto', label: t('rapport.vergelijkAuto') },
    { value: 'geen', label: t('rapport.vergelijkGeen') },
    ...snapshots
      .filter((s) => s.peildatum < peildatum)
      .map((s) => ({ value: s.peildatum, label: `${s.naam} (${formatDate(s.peildatum, i18n.language)})` })),
  ];

  return (
    <div className="wijkweb-page wijkweb-rapport" data-testid="rapport-pagina">
      <Heading level={1}>{t('rapport.titel')}</Heading>
      <Paragraph>
        <MetBegrippen tekst={t('rapport.uitleg')} />
      </Paragraph>
      <Tabs
        idPrefix="rapport"
        label={t('rapport.tabsLabel')}
        tabs={TABS.map((id) => ({ id, label: t(`rapport.tab.${id}`) }))}
        selected={tab}
        onSelect={setTab}
      />
      {tab === 'rapport' && (
        <TabPanel idPrefix="rapport" id="rapport">
          <div className="wijkweb-rapport__indeling">
            <form
              className="wijkweb-rapport__keuzes"
              onSubmit={(e) => e.preventDefault()}
              aria-label={t('rapport.keuzes')}
            >
              <CheckboxGroupField
                id="rapport-gebieden"
                legend={t('rapport.gebieden')}
                description={t('rapport.gebiedenUitleg')}
                options={gebiedOpties}
                value={gekozen}
                onChange={setGekozen}
                searchLabel={t('rapport.zoekGebied')}
                moreLabel={(aantal) => t('rapport.meerGebieden', { aantal })}
                error={gekozen.length === 0 ? t('rapport.kiesGebied') : null}
              />
              <TextField
                label={t('rapport.peildatum')}
                description={t('rapport.peildatumUitleg')}
                type="date"
                value={peildatum}
                required
                onChange={(e) => setPeildatum(e.target.value)}
              />
              <SelectField
                id="rapport-vergelijk"
                label={t('rapport.vergelijk')}
                options={vergelijkOpties}
                value={vergelijk}
                onChange={(e) => setVergelijk(e.target.value)}
              />
              <CheckboxGroupField
                id="rapport-secties"
                legend={t('rapport.secties')}
                options={SECTIES.filter((s) => s !== 'pilot' || heeftPilot).map((s) => ({
                  value: s,
                  label: t(`rapport.sectie.${s}`),
                }))}
                value={secties}
                onChange={(v) =>
                  // A hidden Pilotmonitor box keeps its choice (on by default) for when the pilot is added.
                  setSecties(
                    SECTIES.filter((s) => v.includes(s) || (s === 'pilot' && !heeftPilot && secties.includes(s))),
                  )
                }
              />
              <SelectField
                id="rapport-scenario"
                label={t('rapport.scenario')}
                options={[
                  { value: '', label: t('rapport.scenarioStandaard') },
                  ...scenarios.map((s) => ({ value: String(s.id), label: s.naam })),
                ]}
                value={scenarioId}
                onChange={(e) => setScenarioId(e.target.value)}
              />
              <TextField
                label={t('rapport.eigenTitel')}
                value={titel}
                placeholder={rapport?.titel ?? ''}
                onChange={(e) => setTitel(e.target.value)}
              />
              <ButtonGroup>
                <Button appearance="primary" onClick={() => void maakPdf()} disabled={!html || bezig}>
                  {t('rapport.pdf')}
                </Button>
                <Button onClick={() => void maakXlsx()} disabled={!opties || bezig}>
                  {t('rapport.xlsx')}
                </Button>
              </ButtonGroup>
              {platen.length > 0 && (
                <fieldset className="wijkweb-rapport__platen">
                  <legend>{t('rapport.platen')}</legend>
                  {platen.map((p) => (
                    <ButtonGroup key={p.soort}>
                      <Button appearance="subtle" onClick={() => void plaat(p.svg, `${p.soort}plaat`, 'png')}>
                        {t(`rapport.plaat.${p.soort}`)} (PNG)
                      </Button>
                      <Button appearance="subtle" onClick={() => void plaat(p.svg, `${p.soort}plaat`, 'svg')}>
                        {t(`rapport.plaat.${p.soort}`)} (SVG)
                      </Button>
                    </ButtonGroup>
                  ))}
                </fieldset>
              )}
              {melding && (
                <Alert type="ok">
                  <Paragraph>{melding}</Paragraph>
                </Alert>
              )}
            </form>
            <section className="wijkweb-rapport__voorbeeld" aria-label={t('rapport.voorbeeld')}>
              <p role="status" className="wijkweb-rapport__status">
                {bezig ? t('rapport.bezig') : rapport ? t('rapport.klaar', { secties: rapport.secties.length }) : ''}
              </p>
              {getoondeFout && (
                <Alert type="error">
                  <Paragraph>{getoondeFout}</Paragraph>
                </Alert>
              )}
              {html && <Voorbeeld html={html} title={t('rapport.voorbeeld')} />}
            </section>
          </div>
        </TabPanel>
      )}
      {tab === 'momenten' && (
        <TabPanel idPrefix="rapport" id="momenten">
          <Momenten
            snapshots={snapshots}
            readOnly={readOnly}
            onChanged={async () => {
              const s = await actions.listSnapshots();
              if (s.ok) setSnapshots(s.value);
            }}
          />
        </TabPanel>
      )}
      {tab === 'dias' && (
        <TabPanel idPrefix="rapport" id="dias">
          <Dias readOnly={readOnly} selectie={selectieTekst} />
        </TabPanel>
      )}
      {tab === 'privacy' && (
        <TabPanel idPrefix="rapport" id="privacy">
          <Privacy readOnly={readOnly} />
        </TabPanel>
      )}
    </div>
  );
}

function Momenten({
  snapshots,
  readOnly,
  onChanged,
}: {
  snapshots: readonly SnapshotInfo[];
  readOnly: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const actions = useActions();
  const [naam, setNaam] = useState('');
  const [peildatum, setPeildatum] = useState(vandaag);
  const [fout, setFout] = useState<string | null>(null);
  const vastleggen = async (e: React.FormEvent) => {
    e.preventDefault();
    const r = await actions.createSnapshot(
      naam.trim() || t('rapport.momentStandaardNaam', { datum: peildatum }),
      peildatum,
    );
    if (!r.ok) {
      const veld = r.error.params?.['veld'] === 'naam' ? t('rapport.momentNaam') : t('rapport.peildatum');
      return setFout(t(`fout.${r.error.code}`, { ...(r.error.params ?? {}), veld }));
    }
    setFout(null);
    setNaam('');
    await onChanged();
  };
  return (
    <div>
      <Paragraph>{t('rapport.momentenUitleg')}</Paragraph>
      {!readOnly && (
        <form onSubmit={(e) => void vastleggen(e)} className="wijkweb-rapport__moment-form">
          <TextField label={t('rapport.momentNaam')} value={naam} onChange={(e) => setNaam(e.target.value)} />
          <TextField
            label={t('rapport.peildatum')}
            type="date"
            value={peildatum}
            required
            onChange={(e) => setPeildatum(e.target.value)}
            error={fout}
          />
          <Button appearance="primary" type="submit">
            {t('rapport.momentVastleggen')}
          </Button>
        </form>
      )}
      {snapshots.length === 0 ? (
        <Paragraph>{t('rapport.geenMomenten')}</Paragraph>
      ) : (
        <table className="utrecht-table wijkweb-rapport__momenten">
          <caption className="utrecht-table__caption">{t('rapport.momenten')}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">
                {t('rapport.peildatum')}
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                {t('rapport.momentNaam')}
              </th>
              <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                {t('rapport.organisaties')}
              </th>
              <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                {t('rapport.voorzieningen')}
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                <span className="wijkweb-visually-hidden">{t('rapport.acties')}</span>
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {snapshots.map((s) => (
              <tr className="utrecht-table__row" key={s.id}>
                <td className="utrecht-table__cell">{formatDate(s.peildatum, i18n.language)}</td>
                <th className="utrecht-table__cell" scope="row">
                  {s.naam}
                </th>
                <td className="utrecht-table__cell utrecht-table__cell--numeric">{s.organisaties}</td>
                <td className="utrecht-table__cell utrecht-table__cell--numeric">{s.voorzieningen}</td>
                <td className="utrecht-table__cell">
                  {!readOnly && (
                    <Button
                      appearance="subtle"
                      aria-label={t('rapport.momentVerwijderen', { naam: s.naam })}
                      onClick={() => void actions.deleteSnapshot(s.id).then(onChanged)}
                    >
                      {t('rapport.verwijderen')}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function Privacy({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  const actions = useActions();
  const [p, setP] = useState<PrivacyInstellingen | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  // The stored setting, again after every change to the project; edited here and saved at once.
  useWorkerQuery(() => actions.getPrivacy(), [actions], { bijAntwoord: setP });
  if (!p) return null;
  const bewaar = async (next: PrivacyInstellingen) => {
    setP(next);
    const r = await actions.savePrivacy(next);
    setFout(r.ok ? null : t('rapport.drempelFout'));
  };
  return (
    <div>
      <Paragraph>{t('rapport.privacyUitleg')}</Paragraph>
      <CheckboxField checked={p.aan} disabled={readOnly} onChange={(aan) => void bewaar({ ...p, aan })}>
        {t('rapport.afschermen', { drempel: p.drempel })}
      </CheckboxField>
      <TextField
        label={t('rapport.drempel')}
        description={t('rapport.drempelUitleg')}
        type="number"
        min={3}
        max={10}
        value={p.drempel}
        disabled={readOnly || !p.aan}
        error={fout}
        onChange={(e) => {
          const n = Number(e.target.value);
          if (Number.isInteger(n) && n >= 3 && n <= 10) void bewaar({ ...p, drempel: n });
          else setFout(t('rapport.drempelFout'));
        }}
      />
      {!p.aan && (
        <Alert type="warning">
          <Paragraph>{t('rapport.privacyUit')}</Paragraph>
        </Alert>
      )}
    </div>
  );
}
