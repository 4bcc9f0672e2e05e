/**
 * A scenario's yearly table: rows of figures, one column per year and the sum over the years. The plan's table
 * (`scenarioRijen`, one source with the CLI and the report: every line, the subtotals and the rendement) and the
 * simple case's table (build-up, fewer indications, saving, vervangende inzet, net) are both drawn here.
 */
import { useTranslation } from 'react-i18next';
import { scenarioRijen, type ScenarioTabelUitkomst } from '../../../shared/analysis/scenario';
import { tdNum, th, thNum, tr } from '../../components/ui';

export interface JaarRij {
  readonly sleutel: string;
  readonly label: string;
  readonly waarden: readonly number[];
  /** The sum over the years; null for a row that is no amount (a build-up). */
  readonly totaal: number | null;
  readonly format: (v: number) => string;
  readonly nadruk?: boolean;
}

export function ScenarioJaarTabel({
  jaren,
  rijen,
  caption,
  testId,
}: {
  jaren: readonly number[];
  rijen: readonly JaarRij[];
  caption: string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="utrecht-table-container" tabIndex={0} role="region" aria-label={caption}>
      <table className="utrecht-table utrecht-table--html-table wijkweb-scenario__tabel" data-testid={testId}>
        <caption className="wijkweb-scenario__caption">{caption}</caption>
        <thead className="utrecht-table__header">
          <tr className={tr}>
            <th scope="col" className={th}>
              {t('scenario.kolomPost')}
            </th>
            {jaren.map((j) => (
              <th key={j} scope="col" className={thNum}>
                {j}
              </th>
            ))}
            <th scope="col" className={thNum}>
              {t('scenario.totaal')}
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rijen.map((r) => (
            <tr
              key={r.sleutel}
              className={`${tr}${r.nadruk ? ' wijkweb-scenario__subtotaal' : ''}`}
              data-rij={r.sleutel}
            >
              <th scope="row" className={th}>
                {r.label}
              </th>
              {r.waarden.map((v, i) => (
                <td key={i} className={tdNum}>
                  {r.format(v)}
                </td>
              ))}
              <td className={tdNum}>{r.totaal === null ? '' : r.format(r.totaal)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The plan's table of a scenario with lines. */
export function ScenarioPlanTabel({
  tabel,
  caption,
  money,
  testId,
}: {
  tabel: ScenarioTabelUitkomst;
  caption: string;
  money: Intl.NumberFormat;
  testId: string;
}) {
  const { i18n } = useTranslation();
  const rijen: JaarRij[] = scenarioRijen(tabel, i18n.language === 'en' ? 'en' : 'nl').map((r) => ({
    sleutel: r.sleutel,
    label: r.soort === 'rendement' ? r.label.toUpperCase() : r.label,
    waarden: r.bedragen,
    totaal: r.bedragen.reduce((a, b) => a + b, 0),
    format: (v) => money.format(v),
    nadruk: r.soort !== 'regel',
  }));
  return <ScenarioJaarTabel jaren={tabel.jaren} rijen={rijen} caption={caption} testId={testId} />;
}
