/**
 * The plan's own lines: per line its name, kind (besparing / vervangende inzet / investering), how its full-year
 * amount is made (indications from the counts, a share of other lines, an amount, or fte × cost) and, if it differs
 * from the scenario's, its own build-up per year. Without lines the scenario is the simple case above.
 */
import { useTranslation } from 'react-i18next';
import { CheckboxGroupField, SelectField, TextAreaField } from '../../components/form';
import { Button, ButtonGroup, CheckboxField, Heading, Paragraph, TextField } from '../../components/ui';
import { alsRegels, nieuweRegel, type RegelWaarden, type ScenarioWaarden } from './logic';

const NIVEAUS = ['1', '2', '3', '4'] as const;

export function ScenarioRegels({
  waarden,
  jaar0,
  onChange,
  onToelichting,
  foutVoor,
  readOnly,
}: {
  waarden: ScenarioWaarden;
  jaar0: number;
  onChange: (regels: RegelWaarden[]) => void;
  onToelichting: (tekst: string) => void;
  foutVoor: (veld: string) => string | null;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const regels = waarden.regels;
  const zet = (i: number, deel: Partial<RegelWaarden>) =>
    onChange(regels.map((r, j) => (j === i ? { ...r, ...deel } : r)));
  const jaren = waarden.opbouw.length;

  return (
    <fieldset
      className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wijkweb-fieldset"
      data-testid="scenario-regels"
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {t('scenario.regels.titel')}
      </legend>
      <p className="utrecht-form-field-description">{t('scenario.regels.uitleg')}</p>
      {regels.length === 0 && !readOnly && (
        <ButtonGroup>
          <Button onClick={() => onChange(alsRegels(waarden))}>{t('scenario.regels.splitsen')}</Button>
        </ButtonGroup>
      )}
      {regels.map((r, i) => {
        const id = (veld: string) => `scenario-regel-${i}-${veld}`;
        const fout = (veld: string) => foutVoor(`regel-${i}-${veld}`);
        const andere = regels.filter((x) => x.id !== r.id && x.type !== 'aandeel');
        const titel = r.naam.trim() || t('scenario.regels.zonderNaam', { nr: i + 1 });
        return (
          <section
            key={r.id}
            className="wijkweb-card wijkweb-scenario__regel"
            aria-labelledby={id('kop')}
            data-regel={r.id}
          >
            <Heading level={3} id={id('kop')}>
              {t('scenario.regels.regel', { nr: i + 1, naam: titel })}
            </Heading>
            <div className="wijkweb-form-row wijkweb-form-row--top">
              <TextField
                id={id('naam')}
                label={t('scenario.regels.naam', { nr: i + 1 })}
                value={r.naam}
                autoComplete="off"
                onChange={(e) => zet(i, { naam: e.target.value })}
                error={fout('naam')}
              />
              <SelectField
                id={id('soort')}
                label={t('scenario.regels.soort', { nr: i + 1 })}
                value={r.soort}
                onChange={(e) => zet(i, { soort: e.target.value as RegelWaarden['soort'] })}
                options={(['besparing', 'vervangende-inzet', 'investering'] as const).map((s) => ({
                  value: s,
                  label: t(`scenario.regels.soorten.${s}`),
                }))}
              />
              <SelectField
                id={id('type')}
                label={t('scenario.regels.type', { nr: i + 1 })}
                value={r.type}
                onChange={(e) => zet(i, { type: e.target.value as RegelWaarden['type'] })}
                options={(['indicaties', 'aandeel', 'bedrag', 'fte'] as const).map((s) => ({
                  value: s,
                  label: t(`scenario.regels.types.${s}`),
                }))}
              />
            </div>
            {r.type === 'indicaties' && (
              <div className="wijkweb-form-row wijkweb-form-row--top">
                <SelectField
                  id={id('wet')}
                  label={t('scenario.regels.wet', { nr: i + 1 })}
                  value={r.wet}
                  onChange={(e) => zet(i, { wet: e.target.value })}
                  options={[
                    { value: '', label: t('scenario.alleWetten') },
                    { value: 'Wmo', label: 'Wmo' },
                    { value: 'Jeugdwet', label: 'Jeugdwet' },
                  ]}
                />
                <CheckboxGroupField
                  id={id('niveaus')}
                  legend={t('scenario.regels.niveaus', { nr: i + 1 })}
                  description={t('scenario.niveausUitleg')}
                  options={NIVEAUS.map((n) => ({ value: n, label: t('scenario.niveau', { niveau: n }) }))}
                  value={r.niveaus}
                  onChange={(v) => zet(i, { niveaus: v })}
                />
                <TextField
                  id={id('verschuiving')}
                  label={t('scenario.regels.verschuiving', { nr: i + 1 })}
                  description={t('scenario.regels.verschuivingUitleg', { waarde: waarden.verschuiving })}
                  placeholder={waarden.verschuiving}
                  inputMode="decimal"
                  autoComplete="off"
                  value={r.verschuiving}
                  onChange={(e) => zet(i, { verschuiving: e.target.value })}
                  error={fout('verschuiving')}
                />
                <TextField
                  id={id('tarief')}
                  label={t('scenario.regels.tarief', { nr: i + 1 })}
                  description={t('scenario.regels.tariefUitleg', { waarde: waarden.standaardTarief })}
                  placeholder={waarden.standaardTarief}
                  inputMode="decimal"
                  autoComplete="off"
                  value={r.tarief}
                  onChange={(e) => zet(i, { tarief: e.target.value })}
                  error={fout('tarief')}
                />
              </div>
            )}
            {r.type === 'aandeel' && (
              <div className="wijkweb-form-row wijkweb-form-row--top">
                <TextField
                  id={id('aandeel')}
                  label={t('scenario.regels.aandeel', { nr: i + 1 })}
                  inputMode="decimal"
                  autoComplete="off"
                  value={r.aandeel}
                  onChange={(e) => zet(i, { aandeel: e.target.value })}
                  error={fout('aandeel')}
                />
                <CheckboxGroupField
                  id={id('van')}
                  legend={t('scenario.regels.van', { nr: i + 1 })}
                  description={t('scenario.regels.vanUitleg')}
                  options={andere.map((x) => ({
                    value: x.id,
                    label: x.naam.trim() || t('scenario.regels.zonderNaam', { nr: regels.indexOf(x) + 1 }),
                  }))}
                  value={r.van}
                  onChange={(v) => zet(i, { van: v })}
                  error={fout('van')}
                />
              </div>
            )}
            {r.type === 'bedrag' && (
              <TextField
                id={id('bedrag')}
                label={t('scenario.regels.bedrag', { nr: i + 1 })}
                inputMode="decimal"
                autoComplete="off"
                value={r.bedrag}
                onChange={(e) => zet(i, { bedrag: e.target.value })}
                error={fout('bedrag')}
              />
            )}
            {r.type === 'fte' && (
              <div className="wijkweb-form-row wijkweb-form-row--top">
                <TextField
                  id={id('fte')}
                  label={t('scenario.regels.fte', { nr: i + 1 })}
                  inputMode="decimal"
                  autoComplete="off"
                  value={r.fte}
                  onChange={(e) => zet(i, { fte: e.target.value })}
                  error={fout('fte')}
                />
                <TextField
                  id={id('kostenPerFte')}
                  label={t('scenario.regels.kostenPerFte', { nr: i + 1 })}
                  inputMode="decimal"
                  autoComplete="off"
                  value={r.kostenPerFte}
                  onChange={(e) => zet(i, { kostenPerFte: e.target.value })}
                  error={fout('kostenPerFte')}
                />
              </div>
            )}
            <CheckboxField
              checked={r.opbouw !== null}
              onChange={(eigen) =>
                zet(i, { opbouw: eigen ? Array.from({ length: jaren }, (_, j) => waarden.opbouw[j] ?? '100') : null })
              }
            >
              {t('scenario.regels.eigenOpbouw', { nr: i + 1 })}
            </CheckboxField>
            {r.opbouw !== null && (
              <div className="wijkweb-scenario__opbouw">
                {r.opbouw.map((x, j) => (
                  <TextField
                    key={j}
                    id={id(`opbouw-${j}`)}
                    label={t('scenario.regels.opbouwJaar', { nr: i + 1, jaar: jaar0 + j })}
                    inputMode="decimal"
                    autoComplete="off"
                    value={x}
                    onChange={(e) => zet(i, { opbouw: r.opbouw!.map((y, k) => (k === j ? e.target.value : y)) })}
                    error={fout(`opbouw-${j}`)}
                  />
                ))}
              </div>
            )}
            <TextAreaField
              id={id('toelichting')}
              label={t('scenario.regels.toelichting', { nr: i + 1 })}
              value={r.toelichting}
              rows={2}
              onChange={(e) => zet(i, { toelichting: e.target.value })}
            />
            {!readOnly && (
              <ButtonGroup>
                <Button
                  disabled={i === 0}
                  onClick={() => onChange(regels.map((x, j) => (j === i - 1 ? r : j === i ? regels[i - 1]! : x)))}
                  aria-label={t('scenario.regels.omhoogNaam', { naam: titel })}
                >
                  {t('scenario.regels.omhoog')}
                </Button>
                <Button
                  className="utrecht-button--danger"
                  onClick={() =>
                    onChange(
                      regels
                        .filter((_, j) => j !== i)
                        .map((x) => (x.van.includes(r.id) ? { ...x, van: x.van.filter((v) => v !== r.id) } : x)),
                    )
                  }
                  aria-label={t('scenario.regels.weghalenNaam', { naam: titel })}
                >
                  {t('scenario.regels.weghalen')}
                </Button>
              </ButtonGroup>
            )}
          </section>
        );
      })}
      {regels.length > 0 && (
        <>
          <TextAreaField
            id="scenario-toelichting"
            label={t('scenario.regels.scenarioToelichting')}
            description={t('scenario.regels.scenarioToelichtingUitleg')}
            value={waarden.toelichting}
            rows={3}
            onChange={(e) => onToelichting(e.target.value)}
          />
          <Paragraph className="wijkweb-hint">{t('scenario.regels.perBuurt')}</Paragraph>
        </>
      )}
      {!readOnly && (
        <ButtonGroup>
          <Button onClick={() => onChange([...(regels.length ? regels : alsRegels(waarden)), nieuweRegel(regels)])}>
            {t('scenario.regels.toevoegen')}
          </Button>
          {regels.length > 0 && <Button onClick={() => onChange([])}>{t('scenario.regels.eenvoudig')}</Button>}
        </ButtonGroup>
      )}
    </fieldset>
  );
}
