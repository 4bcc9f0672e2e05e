/**
 * The parameters of a scenario as a form: the shift, the start year and the build-up over the years, which
 * indications (or the plan's own lines), the tariffs per product. Checked as you type; the problems listed on top.
 */
import { useTranslation } from 'react-i18next';
import { STANDAARD_SCENARIO } from '../../../shared/analysis/scenario';
import { CheckboxGroupField, ErrorSummary, RadioGroupField, SelectField, type Option } from '../../components/form';
import { Button, ButtonGroup, Heading, Paragraph, TextField } from '../../components/ui';
import type { ScenarioProbleem, ScenarioWaarden } from './logic';
import { ScenarioRegels } from './ScenarioRegels';

const MATEN = ['toewijzingen', 'unieke_clienten', 'meldingen'] as const;
const WETTEN = ['Wmo', 'Jeugdwet'] as const;
const NIVEAUS = ['1', '2', '3', '4'] as const;

export function ScenarioParametersForm({
  waarden,
  onChange,
  problemen,
  producten,
  buurtOptions,
  readOnly,
}: {
  waarden: ScenarioWaarden;
  onChange: (update: (w: ScenarioWaarden) => ScenarioWaarden) => void;
  problemen: readonly ScenarioProbleem[];
  /** The products of the outcome and those with a tariff of their own, sorted. */
  producten: readonly string[];
  buurtOptions: readonly Option[];
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const veldId = (veld: string) =>
    veld.startsWith('tarief-') ? `scenario-tarief-${producten.indexOf(veld.slice(7))}` : `scenario-${veld}`;
  // Fields of a line are `regel-<i>-<veld>`; their inputs `scenario-regel-<i>-<veld>` (veldId gives that too).
  const foutVoor = (veld: string) => {
    const p = problemen.find((x) => x.veld === veld);
    return p ? t(p.sleutel) : null;
  };
  const put = <K extends keyof ScenarioWaarden>(k: K, v: ScenarioWaarden[K]) => onChange((w) => ({ ...w, [k]: v }));
  const jaar0 = Number(waarden.startjaar) || STANDAARD_SCENARIO.startjaar;
  const eigenRegels = waarden.regels.length > 0;

  return (
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
              options={[{ value: '', label: t('scenario.alleWetten') }, ...WETTEN.map((w) => ({ value: w, label: w }))]}
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
  );
}
