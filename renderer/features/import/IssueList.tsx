import { useTranslation } from 'react-i18next';
import { leesbareParams, type Language } from '../../../shared/i18n/messages';
import type { ImportIssue } from '../../../shared/importers/types';
import { Heading, Table, TableHead, td, tr } from '../../components/ui';

/** Problems of an import, each with its place (file, sheet, row, column) and a sentence saying what to do. */
export function IssueList({
  issues,
  fouten,
  waarschuwingen,
  level = 3,
}: {
  issues: readonly ImportIssue[];
  fouten: number;
  waarschuwingen: number;
  /** The heading's level: 3 inside a preview, 2 directly on the page. */
  level?: 2 | 3;
}) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="problemen-titel" data-testid="import-problemen">
      <Heading level={level} id="problemen-titel">
        {t('import.problemen', { fouten, waarschuwingen })}
      </Heading>
      <Table caption={t('import.problemenTabel')}>
        <TableHead columns={[t('import.soort'), t('import.plek'), t('import.melding')]} />
        <tbody className="utrecht-table__body">
          {issues.map((i, n) => (
            <tr key={n} className={tr}>
              <td className={td}>{i.level === 'fout' ? t('import.fout') : t('import.waarschuwing')}</td>
              <td className={td}>
                {[
                  i.sheet ? t('plek.werkblad', { werkblad: i.sheet }) : null,
                  i.row !== undefined ? t('plek.rij', { rij: i.row }) : null,
                  i.column ? t('plek.kolom', { kolom: i.column }) : null,
                ]
                  .filter(Boolean)
                  .join(', ') || t('plek.bestand', { bestand: i.file })}
              </td>
              <td className={td}>
                {t(`fout.${i.code}`, {
                  bestand: i.file,
                  ...leesbareParams(i.params ?? {}, i18n.language as Language),
                  defaultValue: i.code,
                })}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}
