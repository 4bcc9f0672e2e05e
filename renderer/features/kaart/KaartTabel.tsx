/** The map's figures as a table (folded away): every buurt by name with its code and value. */
import { useTranslation } from 'react-i18next';
import { Table, TableHead, td, tdNum, tr } from '../../components/ui';
import type { Vlak } from './logic';

export function KaartTabel({
  vlakken,
  onderwerp,
  jaar,
}: {
  vlakken: readonly Vlak[];
  onderwerp: string;
  jaar: number | null;
}) {
  const { t } = useTranslation();
  return (
    <details className="wijkweb-kaart__tabel">
      <summary>{t('kaart.alsTabel')}</summary>
      <Table caption={t('kaart.tabelCaption', { onderwerp, jaar: jaar ?? '' })}>
        <TableHead columns={[t('kaart.kolomBuurt'), t('kaart.kolomCode'), onderwerp]} />
        <tbody className="utrecht-table__body">
          {[...vlakken]
            .sort((a, b) => a.naam.localeCompare(b.naam, 'nl'))
            .map((v) => (
              <tr key={v.code} className={tr}>
                <th scope="row" className={td}>
                  {v.naam}
                </th>
                <td className={td}>{v.code}</td>
                <td className={tdNum}>{v.waarde}</td>
              </tr>
            ))}
        </tbody>
      </Table>
    </details>
  );
}
