/**
 * The scenario's table as the plan writes it (one source with the CLI and the report: `scenarioRijen`): every line
 * per year, the subtotals and the rendement, with the sum over the years.
 */
import { useTranslation } from 'react-i18next';
import { scenarioRijen, type ScenarioTabelUitkomst } from '../../../shared/analysis/scenario';
import { tdNum, th, thNum, tr } from '../../components/ui';

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
  const { t, i18n } = useTranslation();
  const rijen = scenarioRijen(tabel, i18n.language === 'en' ? 'en' : 'nl');
  return (
    <div className="utrecht-table-container" tabIndex={0} role="region" aria-label={caption}>
      <table className="utrecht-table utrecht-table--html-table wijkweb-scenario__tabel" data-testid={testId}>
        <caption className="wijkweb-scenario__caption">{caption}</caption>
        <thead className="utrecht-table__header">
          <tr className={tr}>
            <th scope="col" className={th}>
              {t('scenario.kolomPost')}
            </th>
            {tabel.jaren.map((j) => (
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
              className={`${tr}${r.soort !== 'regel' ? ' wijkweb-scenario__subtotaal' : ''}`}
              data-rij={r.sleutel}
            >
              <th scope="row" className={th}>
                {r.soort === 'rendement' ? r.label.toUpperCase() : r.label}
              </th>
              {r.bedragen.map((v, i) => (
                <td key={i} className={tdNum}>
                  {money.format(v)}
                </td>
              ))}
              <td className={tdNum}>{money.format(r.bedragen.reduce((a, b) => a + b, 0))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
