/**
 * Scenario: "verschuif X% van de geselecteerde indicaties naar algemene voorzieningen". The parameters of the pilot
 * plan (40%, a build-up over the years, a tariff per product, part of the saving spent on the collective offer),
 * recomputed as you type; a yearly table in the form of the plan's medium scenario, and per buurt. Named scenarios
 * are saved in the project.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scenario } from '../../../shared/contract';
import { STANDAARD_SCENARIO } from '../../../shared/analysis/scenario';
import type { AppError } from '../../../shared/result';
import { CheckboxGroupField, ErrorSummary, RadioGroupField, SelectField, type Option } from '../../components/form';
import { Alert, Button, ButtonGroup, Heading, Paragraph, TextField, tdNum, th, thNum, tr } from '../../components/ui';
import { formatDateTime } from '../../format';
import { useActions, useApp } from '../../state/context';
import { useWorkerQuery } from '../../state/useWorkerQuery';
import { errorMessage, savedNotice } from '../gegevens/form-helpers';
import { ScenarioJaarTabel, ScenarioPlanTabel } from './ScenarioPlanTabel';
import { ScenarioRegels } from './ScenarioRegels';
import {
  controleerScenario,
  scenarioNaarWaarden,
  scenarioPerBuurt,
  scenarioTabel,
  type ScenarioProbleem,
  type ScenarioWaarden,
} from './logic';

const MATEN = ['toewijzingen', 'unieke_clienten', 'meldingen'] as const;
const WETTEN = ['Wmo', 'Jeugdwet'] as const;
const NIVEAUS = ['1', '2', '3', '4'] as const;

function useScenarios(): readonly Scenario[] {
  const actions = useActions();
  return useWorkerQuery(() => actions.listScenarios(), [actions]).data ?? [];
}

export function ScenarioPanel({ buurtOptions }: { buurtOptions: readonly Option[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const actions = useActions();
  const readOnly = useApp((s) => s.project?.readOnly ?? true);
  const scenarios = useScenarios();
  const [waarden, setWaarden] = useState<ScenarioWaarden>(() => scenarioNaarWaarden(STANDAARD_SCENARIO));
  const [huidig, setHuidig] = useState<{ id: number; naam: string } | null>(null);
  const [naam, setNaam] = useState('');
  const [naamFout, setNaamFout] = useState<string | null>(null);
  const [fout, setFout] = useState<AppError | null>(null);

  const checked = useMemo(() => controleerScenario(waarden), [waarden]);
  const problemen: readonly ScenarioProbleem[] = checked.ok ? [] : checked.problemen;
  const parametersKey = checked.ok ? JSON.stringify(checked.parameters) : null;

  // Recompute shortly after the last keystroke (the worker answers in a few milliseconds); the last outcome stays
  // on screen meanwhile (and while the parameters are not valid), marked busy.
  const berekening = useWorkerQuery(
    () => actions.berekenScenario(checked.ok ? checked.parameters : STANDAARD_SCENARIO),
    [actions, parametersKey],
    { aan: checked.ok, wacht: 150, bijAntwoord: () => setFout(null) },
  );

  const money = useMemo(
    () =>
      new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL', {
        style: 'currency',
        currency: 'EUR',
        maximumFractionDigits: 0,
      }),
    [lang],
  );
  const num1 = useMemo(
    () => new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 }),
    [lang],
  );
  const pct = useMemo(
    () => new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { style: 'percent', maximumFractionDigits: 2 }),
    [lang],
  );

  const uit = berekening.data;
  // An error of the computation, or of saving or deleting a scenario (cleared by the next outcome).
  const toonFout = fout ?? berekening.error;
  const tabel = uit ? scenarioTabel(uit.perJaar) : null;
  const perBuurt = uit ? scenarioPerBuurt(uit) : [];
  const producten = [
    ...new Set([...(uit?.producten.map((p) => p.product) ?? []), ...Object.keys(waarden.tarieven)]),
  ].sort((a, b) => a.localeCompare(b, 'nl'));
  const veldId = (veld: string) =>
    veld.startsWith('tarief-') ? `scenario-tarief-${producten.indexOf(veld.slice(7))}` : `scenario-${veld}`;
  // Fields of a line are `regel-<i>-<veld>`; their inputs `scenario-regel-<i>-<veld>` (veldId gives that too).
  const foutVoor = (veld: string) => {
    const p = problemen.find((x) => x.veld === veld);
    return p ? t(p.sleutel) : null;
  };
  const put = <K extends keyof ScenarioWaarden>(k: K, v: ScenarioWaarden[K]) => setWaarden((w) => ({ ...w, [k]: v }));
  const jaar0 = Number(waarden.startjaar) || STANDAARD_SCENARIO.startjaar;
  const eigenRegels = waarden.regels.length > 0;

  const bewaar = async (alsNieuw: boolean) => {
    setNaamFout(null);
    if (!checked.ok) {
      requestAnimationFrame(() => document.getElementById('scenario-fouten')?.focus());
      return;
    }
    if (!naam.trim()) {
      setNaamFout(t('scenario.fout.naam'));
      document.getElementById('scenario-naam')?.focus();
      return;
    }
    const id = alsNieuw || !huidig ? null : huidig.id;
    const r = await actions.saveScenario(id, naam, checked.parameters);
    if (!r.ok) {
      setNaamFout(errorMessage(t, r.error));
      return;
    }
    setHuidig({ id: r.value.id, naam: r.value.naam });
    actions.notify(savedNotice('scenario.opgeslagen', { naam: r.value.naam }));
  };
  const open = (s: Scenario) => {
    setWaarden(scenarioNaarWaarden(s.parameters));
    setHuidig({ id: s.id, naam: s.naam });
    setNaam(s.naam);
    setNaamFout(null);
  };
  const verwijder = async (s: Scenario) => {
    const r = await actions.deleteScenario(s.id);
    if (!r.ok) return setFout(r.error);
    if (huidig?.id === s.id) setHuidig(null);
    actions.notify(savedNotice('scenario.verwijderd', { naam: s.naam }));
  };

  return (
    <div className="wijkweb-scenario">
      <Heading level={2}>{t('scenario.titel')}</Heading>
      <Paragraph>{t('scenario.intro')}</Paragraph>

      <section className="wijkweb-card" aria-labelledby="scenario-bewaard-titel">
        <Heading level={3} id="scenario-bewaard-titel">
          {t('scenario.bewaard')}
        </Heading>
        {scenarios.length === 0 ? (
          <Paragraph className="wijkweb-hint">{t('scenario.geenBewaard')}</Paragraph>
        ) : (
          <ul className="wijkweb-plain-list wijkweb-scenario__lijst" data-testid="scenario-lijst">
            {scenarios.map((s) => (
              <li key={s.id}>
                <span className="wijkweb-scenario__naam">
                  {s.naam}
                  {huidig?.id === s.id && <span className="wijkweb-chip">{t('scenario.geopend')}</span>}
                </span>
                <span className="wijkweb-hint">{formatDateTime(s.gewijzigd, lang)}</span>
                <ButtonGroup>
                  <Button onClick={() => open(s)} aria-label={t('scenario.openenNaam', { naam: s.naam })}>
                    {t('scenario.openen')}
                  </Button>
                  {!readOnly && (
                    <Button
                      className="utrecht-button--danger"
                      onClick={() => void verwijder(s)}
                      aria-label={t('scenario.verwijderenNaam', { naam: s.naam })}
                    >
                      {t('scenario.verwijderen')}
                    </Button>
                  )}
                </ButtonGroup>
              </li>
            ))}
          </ul>
        )}
        {!readOnly && (
          <form
            className="wijkweb-inline-form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void bewaar(false);
            }}
          >
            <TextField
              id="scenario-naam"
              label={t('scenario.naam')}
              value={naam}
              onChange={(e) => setNaam(e.target.value)}
              error={naamFout}
              autoComplete="off"
            />
            <ButtonGroup>
              <Button appearance="primary" type="submit">
                {huidig ? t('scenario.wijzigingenBewaren') : t('scenario.bewaren')}
              </Button>
              {huidig && <Button onClick={() => void bewaar(true)}>{t('scenario.bewaarAlsNieuw')}</Button>}
            </ButtonGroup>
          </form>
        )}
      </section>

      <div className="wijkweb-scenario__grid">
        <form
          className="wijkweb-form wijkweb-scenario__form"
          noValidate
          aria-labelledby="scenario-parameters-titel"
          onSubmit={(e) => e.preventDefault()}
        >
          <Heading level={3} id="scenario-parameters-titel">
            {t('scenario.parameters')}
          </Heading>
          <ErrorSummary
            id="scenario-fouten"
            title={t('scenario.foutTitel')}
            items={problemen.map((p) => ({ target: veldId(p.veld), message: t(p.sleutel) }))}
          />
          <div className="wijkweb-form-row wijkweb-form-row--top">
            <TextField
              id="scenario-verschuiving"
              label={t('scenario.verschuiving')}
              description={t('scenario.verschuivingUitleg')}
              inputMode="decimal"
              autoComplete="off"
              value={waarden.verschuiving}
              onChange={(e) => put('verschuiving', e.target.value)}
              error={foutVoor('verschuiving')}
            />
            <TextField
              id="scenario-startjaar"
              label={t('scenario.startjaar')}
              inputMode="numeric"
              autoComplete="off"
              value={waarden.startjaar}
              onChange={(e) => put('startjaar', e.target.value)}
              error={foutVoor('startjaar')}
            />
            {!eigenRegels && (
              <TextField
                id="scenario-vervangendeInzet"
                label={t('scenario.vervangendeInzet')}
                description={t('scenario.vervangendeInzetUitleg')}
                inputMode="decimal"
                autoComplete="off"
                value={waarden.vervangendeInzet}
                onChange={(e) => put('vervangendeInzet', e.target.value)}
                error={foutVoor('vervangendeInzet')}
              />
            )}
          </div>
          <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wijkweb-fieldset">
            <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
              {t('scenario.opbouw')}
            </legend>
            <p className="utrecht-form-field-description">{t('scenario.opbouwUitleg')}</p>
            <div className="wijkweb-scenario__opbouw">
              {waarden.opbouw.map((x, i) => (
                <TextField
                  key={i}
                  id={`scenario-opbouw-${i}`}
                  label={t('scenario.opbouwJaar', { jaar: jaar0 + i })}
                  inputMode="decimal"
                  autoComplete="off"
                  value={x}
                  onChange={(e) =>
                    put(
                      'opbouw',
                      waarden.opbouw.map((y, j) => (j === i ? e.target.value : y)),
                    )
                  }
                  error={foutVoor(`opbouw-${i}`)}
                />
              ))}
            </div>
            <ButtonGroup>
              <Button
                disabled={waarden.opbouw.length >= 20}
                onClick={() => put('opbouw', [...waarden.opbouw, waarden.opbouw[waarden.opbouw.length - 1] ?? '100'])}
              >
                {t('scenario.jaarErbij')}
              </Button>
              <Button disabled={waarden.opbouw.length <= 1} onClick={() => put('opbouw', waarden.opbouw.slice(0, -1))}>
                {t('scenario.jaarEraf')}
              </Button>
            </ButtonGroup>
          </fieldset>

          <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wijkweb-fieldset">
            <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
              {t('scenario.selectie')}
            </legend>
            <p className="utrecht-form-field-description">
              {t(eigenRegels ? 'scenario.selectieRegels' : 'scenario.selectieUitleg')}
            </p>
            {!eigenRegels && (
              <div className="wijkweb-form-row wijkweb-form-row--top">
                <SelectField
                  id="scenario-maat"
                  label={t('scenario.maat')}
                  value={waarden.maat}
                  onChange={(e) => put('maat', e.target.value)}
                  options={MATEN.map((m) => ({ value: m, label: t(`hiaten.maat.${m}`) }))}
                />
                <SelectField
                  id="scenario-wet"
                  label={t('scenario.wet')}
                  value={waarden.wet}
                  onChange={(e) => put('wet', e.target.value)}
                  options={[
                    { value: '', label: t('scenario.alleWetten') },
                    ...WETTEN.map((w) => ({ value: w, label: w })),
                  ]}
                />
                <CheckboxGroupField
                  id="scenario-niveaus"
                  legend={t('scenario.niveaus')}
                  description={t('scenario.niveausUitleg')}
                  options={NIVEAUS.map((n) => ({ value: n, label: t('scenario.niveau', { niveau: n }) }))}
                  value={waarden.niveaus}
                  onChange={(v) => put('niveaus', v)}
                />
                <RadioGroupField
                  id="scenario-vorm"
                  legend={t('scenario.vorm')}
                  value={waarden.vorm}
                  onChange={(v) => put('vorm', v as ScenarioWaarden['vorm'])}
                  options={[
                    { value: '', label: t('scenario.alleVormen') },
                    { value: 'individueel', label: t('hiaten.vorm.individueel') },
                    { value: 'groep', label: t('hiaten.vorm.groep') },
                  ]}
                />
              </div>
            )}
            <CheckboxGroupField
              id="scenario-gebieden"
              legend={t('scenario.gebieden', { count: waarden.gebieden.length })}
              description={t('scenario.gebiedenUitleg')}
              options={buurtOptions}
              value={waarden.gebieden}
              onChange={(v) => put('gebieden', v)}
              searchLabel={t('bewerken.zoekBuurt')}
              moreLabel={(n) => t('bewerken.meer', { count: n })}
            />
          </fieldset>

          <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wijkweb-fieldset">
            <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
              {t('scenario.tarieven')}
            </legend>
            <p className="utrecht-form-field-description">{t('scenario.tarievenUitleg')}</p>
            <TextField
              id="scenario-standaardTarief"
              label={t('scenario.standaardTarief')}
              inputMode="decimal"
              autoComplete="off"
              value={waarden.standaardTarief}
              onChange={(e) => put('standaardTarief', e.target.value)}
              error={foutVoor('standaardTarief')}
            />
            {producten.length === 0 ? (
              <Paragraph className="wijkweb-hint">{t('scenario.geenProducten')}</Paragraph>
            ) : (
              <div className="wijkweb-scenario__tarieven">
                {producten.map((p, i) => (
                  <TextField
                    key={p}
                    id={`scenario-tarief-${i}`}
                    label={t('scenario.tariefProduct', { product: p })}
                    placeholder={waarden.standaardTarief}
                    inputMode="decimal"
                    autoComplete="off"
                    value={waarden.tarieven[p] ?? ''}
                    onChange={(e) => put('tarieven', { ...waarden.tarieven, [p]: e.target.value })}
                    error={foutVoor(`tarief-${p}`)}
                  />
                ))}
              </div>
            )}
          </fieldset>
          <ScenarioRegels
            waarden={waarden}
            jaar0={jaar0}
            onChange={(regels) => put('regels', regels)}
            onToelichting={(tekst) => put('toelichting', tekst)}
            foutVoor={foutVoor}
            readOnly={readOnly}
          />
        </form>

        <section
          className="wijkweb-scenario__uitkomst"
          aria-labelledby="scenario-uitkomst-titel"
          data-testid="scenario-uitkomst"
          aria-busy={berekening.laden}
        >
          <Heading level={3} id="scenario-uitkomst-titel">
            {t('scenario.uitkomst')}
          </Heading>
          {toonFout && (
            <Alert type="error">
              <Paragraph>{errorMessage(t, toonFout)}</Paragraph>
            </Alert>
          )}
          {!uit || !tabel ? (
            <Paragraph className="wijkweb-hint">{t('scenario.rekenen')}</Paragraph>
          ) : (
            <>
              <Paragraph>
                {uit.indicaties === 0
                  ? t('scenario.geenIndicaties')
                  : t('scenario.samenvatting', {
                      indicaties: num1.format(uit.indicaties),
                      verschuiving: pct.format(checked.ok ? checked.parameters.verschuiving : 0),
                      minder: num1.format(uit.indicaties * (checked.ok ? checked.parameters.verschuiving : 0)),
                    })}
              </Paragraph>
              {uit.onderdrukt && (
                <Alert type="info">
                  <Paragraph>{t('scenario.onderdrukt')}</Paragraph>
                </Alert>
              )}
              {eigenRegels ? (
                <>
                  <ScenarioPlanTabel
                    tabel={uit}
                    caption={t('scenario.planCaption')}
                    money={money}
                    testId="scenario-tabel"
                  />
                  {uit.perGebied.length > 0 && uit.perGebied.length <= 50 && (
                    <details className="wijkweb-scenario__perbuurt">
                      <summary>{t('scenario.planPerBuurt', { count: uit.perGebied.length })}</summary>
                      {uit.alleenGeheel.length > 0 && (
                        <Paragraph className="wijkweb-hint">
                          {t('scenario.planPerBuurtZonder', {
                            regels: uit.regels
                              .filter((r) => uit.alleenGeheel.includes(r.id))
                              .map((r) => r.naam)
                              .join(', '),
                          })}
                        </Paragraph>
                      )}
                      {uit.perGebied.map((g) => (
                        <ScenarioPlanTabel
                          key={g.code}
                          tabel={g}
                          caption={`${g.naam} (${g.code})`}
                          money={money}
                          testId={`scenario-tabel-${g.code}`}
                        />
                      ))}
                    </details>
                  )}
                </>
              ) : (
                <ScenarioJaarTabel
                  jaren={tabel.jaren}
                  caption={t('scenario.tabelCaption')}
                  testId="scenario-tabel"
                  rijen={tabel.rijen.map((r) => ({
                    sleutel: r.sleutel,
                    label: t(`scenario.rij.${r.sleutel}`),
                    waarden: r.waarden,
                    totaal: r.totaal,
                    format: (v: number) =>
                      r.sleutel === 'opbouw'
                        ? pct.format(v)
                        : r.sleutel === 'minderIndicaties'
                          ? num1.format(v)
                          : money.format(v),
                  }))}
                />
              )}
              {uit.producten.length > 0 && (
                <Paragraph className="wijkweb-hint">
                  {t('scenario.productenUitleg', {
                    producten: uit.producten
                      .map((p) => `${p.product}: ${num1.format(p.aantal)} × ${money.format(p.tarief)}`)
                      .join('; '),
                  })}
                </Paragraph>
              )}
              {perBuurt.length > 0 && (
                <div
                  className="utrecht-table-container"
                  tabIndex={0}
                  role="region"
                  aria-label={t('scenario.perBuurtCaption')}
                >
                  <table
                    className="utrecht-table utrecht-table--html-table wijkweb-scenario__tabel"
                    data-testid="scenario-per-buurt"
                  >
                    <caption className="wijkweb-scenario__caption">{t('scenario.perBuurtCaption')}</caption>
                    <thead className="utrecht-table__header">
                      <tr className={tr}>
                        <th scope="col" className={th}>
                          {t('hiaten.kolomBuurt')}
                        </th>
                        <th scope="col" className={thNum}>
                          {t('scenario.kolomIndicaties')}
                        </th>
                        <th scope="col" className={thNum}>
                          {t('scenario.kolomMinder')}
                        </th>
                        {tabel.jaren.map((j) => (
                          <th key={j} scope="col" className={thNum}>
                            {t('scenario.kolomNettoJaar', { jaar: j })}
                          </th>
                        ))}
                        <th scope="col" className={thNum}>
                          {t('scenario.totaal')}
                        </th>
                      </tr>
                    </thead>
                    <tbody className="utrecht-table__body">
                      {perBuurt.map((b) => (
                        <tr key={b.code} className={tr}>
                          <th scope="row" className={th}>
                            {b.naam}
                          </th>
                          <td className={tdNum}>{num1.format(b.indicaties)}</td>
                          <td className={tdNum}>{num1.format(b.minderVolledig)}</td>
                          {b.netto.map((v, i) => (
                            <td key={i} className={tdNum}>
                              {money.format(v)}
                            </td>
                          ))}
                          <td className={tdNum}>{money.format(b.nettoTotaal)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              <Paragraph className="wijkweb-hint">{t('scenario.voorbehoud')}</Paragraph>
            </>
          )}
        </section>
      </div>
    </div>
  );
}
