/**
 * The outcome of a scenario: a summary, the yearly table (or the plan's table per line, and per buurt), the products
 * and tariffs used, and the net saving per buurt. The last outcome stays while the next is computed (busy).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenarioUitkomst } from '../../../shared/contract';
import type { AppError } from '../../../shared/result';
import { Alert, Heading, Paragraph, tdNum, th, thNum, tr } from '../../components/ui';
import { errorMessage } from '../gegevens/form-helpers';
import { scenarioPerBuurt, scenarioTabel } from './logic';
import { ScenarioJaarTabel, ScenarioPlanTabel } from './ScenarioPlanTabel';

export function ScenarioUitkomstSectie({
  uit,
  verschuiving,
  eigenRegels,
  laden,
  fout,
}: {
  uit: ScenarioUitkomst | null;
  /** The share shifted (0–1). */
  verschuiving: number;
  /** The plan's own lines instead of one selection. */
  eigenRegels: boolean;
  laden: boolean;
  fout: AppError | null;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
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

  const tabel = uit ? scenarioTabel(uit.perJaar) : null;
  const perBuurt = uit ? scenarioPerBuurt(uit) : [];

  return (
    <section
      className="wijkweb-scenario__uitkomst"
      aria-labelledby="scenario-uitkomst-titel"
      data-testid="scenario-uitkomst"
      aria-busy={laden}
    >
      <Heading level={3} id="scenario-uitkomst-titel">
        {t('scenario.uitkomst')}
      </Heading>
      {fout && (
        <Alert type="error">
          <Paragraph>{errorMessage(t, fout)}</Paragraph>
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
                  verschuiving: pct.format(verschuiving),
                  minder: num1.format(uit.indicaties * verschuiving),
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
  );
}
