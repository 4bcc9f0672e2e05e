import { useTranslation } from 'react-i18next';
import type { Organisatie, RelatiesImportOptions, RelatiesPreview as Preview } from '../../../shared/contract';
import { Heading, Paragraph, Table, TableHead, td, tr } from '../../components/ui';
import { ImportActions, ImportChoices, type ImportPreviewProps } from './ImportActions';
import { IssueList } from './IssueList';

/** What a list of verwijzingen would become: names matched to organisaties, unknown names to choose, problems. */
export function RelatiesPreview({
  preview: p,
  options,
  running,
  progress,
  onOptions,
  onImport,
  onCancel,
  organisaties,
}: ImportPreviewProps<Preview, RelatiesImportOptions> & { organisaties: readonly Organisatie[] }) {
  const { t } = useTranslation();
  const onbekend = p.namen.filter((n) => !n.gevonden);
  const gevonden = p.namen.filter((n) => n.gevonden);
  const choose = (naam: string, value: string) => {
    const namen = { ...(options.namen ?? {}) };
    if (value) namen[naam] = value;
    else delete namen[naam];
    onOptions({ ...options, namen });
  };
  return (
    <section className="wijkweb-card" aria-labelledby="relaties-titel" data-testid="import-voorbeeld">
      <Heading level={2} id="relaties-titel">
        {t('import.voorbeeldTitel', { bestand: p.bestand })}
      </Heading>
      <dl className="wijkweb-facts">
        <dt>{t('import.formaat')}</dt>
        <dd>{t('relaties.formaat')}</dd>
        <dt>{t('partners.rijen')}</dt>
        <dd data-testid="relaties-aantallen">
          {t('relaties.aantallen', {
            rijen: p.rijen,
            nieuw: p.nieuweRelaties,
            bijgewerkt: p.bijgewerkteRelaties,
            volumes: p.volumes,
          })}
        </dd>
        <dt>{t('relaties.herkend')}</dt>
        <dd>
          {gevonden
            .slice(0, 12)
            .map((n) => (n.naam === n.gevonden!.naam ? n.naam : `${n.naam} → ${n.gevonden!.naam}`))
            .join(', ')}
          {gevonden.length > 12 ? ` … (+${gevonden.length - 12})` : ''}
        </dd>
      </dl>
      {onbekend.length > 0 && (
        <section aria-labelledby="relaties-onbekend" data-testid="relaties-onbekend">
          <Heading level={3} id="relaties-onbekend">
            {t('relaties.onbekendTitel', { aantal: onbekend.length })}
          </Heading>
          <Paragraph>{t('relaties.onbekendUitleg')}</Paragraph>
          <Table caption={t('relaties.onbekendTabel')}>
            <TableHead columns={[t('relaties.inBestand'), t('relaties.isDezelfdeAls')]} />
            <tbody className="utrecht-table__body">
              {onbekend.map((n, i) => (
                <tr key={n.naam} className={tr}>
                  <td className={td}>
                    <label htmlFor={`relatie-naam-${i}`}>
                      {n.naam} <span className="wijkweb-hint">({t('relaties.keer', { aantal: n.aantal })})</span>
                    </label>
                  </td>
                  <td className={td}>
                    <select
                      id={`relatie-naam-${i}`}
                      className="utrecht-select utrecht-select--html-select"
                      value={options.namen?.[n.naam] ?? ''}
                      onChange={(e) => choose(n.naam, e.target.value)}
                    >
                      <option value="">{t('relaties.overslaan')}</option>
                      {n.kandidaten.map((k) => (
                        <option key={`k-${k.soort}:${k.id}`} value={`${k.soort}:${k.id}`}>
                          {t('relaties.lijktOp', { naam: k.naam })}
                        </option>
                      ))}
                      {organisaties.map((o) => (
                        <option key={o.id} value={`organisatie:${o.id}`}>
                          {o.naam}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </section>
      )}
      {p.problemen.length > 0 && <IssueList issues={p.problemen} fouten={p.fouten} waarschuwingen={p.waarschuwingen} />}
      <ImportChoices
        foutRijen={p.foutRijen}
        eerderGeimporteerd={p.eerderGeimporteerd}
        options={options}
        onOptions={onOptions}
      />
      <ImportActions
        canImport={p.kanImporteren && (!p.eerderGeimporteerd || !!options.opnieuw)}
        running={running}
        progress={progress}
        onImport={onImport}
        onCancel={onCancel}
      />
    </section>
  );
}
