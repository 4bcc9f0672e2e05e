import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaxonomieItemRow } from '../../../shared/contract';
import { TAXONOMIES, type Taxonomy } from '../../../shared/model/taxonomies';
import { ConfirmDialog, Dialog } from '../../components/dialog';
import { ErrorSummary, TextAreaField } from '../../components/form';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading,
  Paragraph,
  Table,
  TextField,
  td,
  tdNum,
  th,
  thNum,
  tr,
} from '../../components/ui';
import { useActions, useApp } from '../../state/context';
import { formatNumber } from '../../format';
import { errorMessage, savedNotice, useFormProblems } from '../gegevens/form-helpers';

type Editing = { taxonomie: Taxonomy; item: TaxonomieItemRow | null };

/**
 * The lists the project uses to describe its data (leefgebieden, doelgroepen, preventieniveaus, soorten
 * organisatie, soorten relatie): rename, explain, add, and delete what is no longer used.
 */
export function TaxonomieenPanel({ taxonomieen }: { taxonomieen: readonly TaxonomieItemRow[] }) {
  const { t, i18n } = useTranslation();
  const readOnly = useApp((s) => s.project?.readOnly ?? true);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [removing, setRemoving] = useState<TaxonomieItemRow | null>(null);
  const [message, setMessage] = useState<{ taxonomie: Taxonomy; text: string } | null>(null);
  const actions = useActions();
  const lang = i18n.language;

  const askRemove = (item: TaxonomieItemRow) => {
    if (item.inGebruik > 0) {
      setMessage({
        taxonomie: item.taxonomie,
        text: t('taxonomieen.inGebruik', { label: item.label, count: item.inGebruik }),
      });
      return;
    }
    setMessage(null);
    setRemoving(item);
  };
  const remove = async (item: TaxonomieItemRow) => {
    setRemoving(null);
    const result = await actions.deleteTaxonomieItem(item.taxonomie, item.code);
    if (!result.ok) {
      setMessage({ taxonomie: item.taxonomie, text: errorMessage(t, result.error) });
      return;
    }
    actions.notify(savedNotice('bewerken.verwijderd', { naam: item.label }));
  };

  return (
    <div className="wijkweb-taxonomieen" data-testid="taxonomieen">
      <Paragraph>{t('taxonomieen.uitleg')}</Paragraph>
      {TAXONOMIES.map((tax) => {
        const items = taxonomieen.filter((x) => x.taxonomie === tax).sort((a, b) => a.volgorde - b.volgorde);
        return (
          <section key={tax} aria-labelledby={`taxonomie-${tax}`} className="wijkweb-taxonomie">
            <div className="wijkweb-page__title">
              <Heading level={2} id={`taxonomie-${tax}`}>
                {t(`taxonomieen.naam.${tax}`)}
              </Heading>
              {!readOnly && (
                <Button id={`taxonomie-${tax}-toevoegen`} onClick={() => setEditing({ taxonomie: tax, item: null })}>
                  {t('taxonomieen.toevoegen')}
                  <span className="wijkweb-visually-hidden"> ({t(`taxonomieen.naam.${tax}`)})</span>
                </Button>
              )}
            </div>
            {message?.taxonomie === tax && (
              <Alert type="warning" onClose={() => setMessage(null)} closeLabel={t('meldingen.sluiten')}>
                <Paragraph>{message.text}</Paragraph>
              </Alert>
            )}
            {items.length === 0 ? (
              <Paragraph className="wijkweb-hint">{t('taxonomieen.leeg')}</Paragraph>
            ) : (
              <Table caption={t(`taxonomieen.naam.${tax}`)}>
                <thead className="utrecht-table__header">
                  <tr className={tr}>
                    <th scope="col" className={th}>
                      {t('taxonomieen.label')}
                    </th>
                    <th scope="col" className={th}>
                      {t('taxonomieen.omschrijving')}
                    </th>
                    <th scope="col" className={th}>
                      {t('taxonomieen.code')}
                    </th>
                    <th scope="col" className={thNum}>
                      {t('taxonomieen.gebruik')}
                    </th>
                    {!readOnly && (
                      <th scope="col" className={th}>
                        <span className="wijkweb-visually-hidden">{t('taxonomieen.acties')}</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody className="utrecht-table__body">
                  {items.map((item) => (
                    <tr key={item.code} className={tr} data-code={item.code}>
                      <th scope="row" className={th}>
                        {item.label}
                      </th>
                      <td className={td}>{item.omschrijving ?? ''}</td>
                      <td className={td}>
                        <code>{item.code}</code>
                      </td>
                      <td className={tdNum}>{formatNumber(item.inGebruik, lang)}</td>
                      {!readOnly && (
                        <td className={`${td} wijkweb-nowrap`}>
                          <Button appearance="subtle" onClick={() => setEditing({ taxonomie: tax, item })}>
                            {t('taxonomieen.wijzigen')}
                            <span className="wijkweb-visually-hidden"> {item.label}</span>
                          </Button>
                          <Button appearance="subtle" onClick={() => askRemove(item)}>
                            {t('taxonomieen.verwijderen')}
                            <span className="wijkweb-visually-hidden"> {item.label}</span>
                          </Button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </section>
        );
      })}
      {editing && (
        <TaxonomieItemDialog
          editing={editing}
          onClose={() => setEditing(null)}
          returnFocus={() => document.getElementById(`taxonomie-${editing.taxonomie}-toevoegen`)}
        />
      )}
      {removing && (
        <ConfirmDialog
          title={t('taxonomieen.verwijderenTitel', { label: removing.label })}
          confirmLabel={t('taxonomieen.verwijderen')}
          cancelLabel={t('bewerken.annuleren')}
          closeLabel={t('bewerken.sluiten')}
          danger
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(null)}
        >
          <Paragraph>
            {t('taxonomieen.verwijderenUitleg', {
              label: removing.label,
              lijst: t(`taxonomieen.naam.${removing.taxonomie}`),
            })}
          </Paragraph>
          <Paragraph>{t('bewerken.kanOngedaan')}</Paragraph>
        </ConfirmDialog>
      )}
    </div>
  );
}

function TaxonomieItemDialog({
  editing,
  onClose,
  returnFocus,
}: {
  editing: Editing;
  onClose: () => void;
  returnFocus: () => HTMLElement | null;
}) {
  const { t, i18n } = useTranslation();
  const actions = useActions();
  const [label, setLabel] = useState(editing.item?.label ?? '');
  const [omschrijving, setOmschrijving] = useState(editing.item?.omschrijving ?? '');
  const [busy, setBusy] = useState(false);
  const f = useFormProblems('taxonomie-item', t, (k) => i18n.exists(k));
  const lijst = t(`taxonomieen.naam.${editing.taxonomie}`);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!label.trim()) return f.show([{ veld: 'label', code: 'verplicht' }]);
    if (label.trim().length > 200) return f.show([{ veld: 'label', code: 'te-lang', params: { max: 200 } }]);
    setBusy(true);
    const result = await actions.saveTaxonomieItem(editing.taxonomie, editing.item?.code ?? null, {
      label: label.trim(),
      omschrijving: omschrijving.trim() || null,
    });
    setBusy(false);
    if (!result.ok) return f.showError(result.error);
    actions.notify(savedNotice('bewerken.opgeslagen', { naam: result.value.label }));
    onClose();
  };

  return (
    <Dialog
      title={
        editing.item
          ? t('taxonomieen.wijzigenTitel', { label: editing.item.label })
          : t('taxonomieen.toevoegenTitel', { lijst })
      }
      onClose={onClose}
      closeLabel={t('bewerken.sluiten')}
      testId="taxonomie-form"
      returnFocus={returnFocus}
    >
      <form noValidate onSubmit={(e) => void submit(e)} className="wijkweb-form">
        <ErrorSummary id={f.summaryId} title={t('bewerken.foutTitel')} items={f.summary} />
        <TextField
          id={f.fieldId('label')}
          label={t('taxonomieen.label')}
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          error={f.errorFor('label')}
          required
          autoComplete="off"
        />
        <TextAreaField
          id={f.fieldId('omschrijving')}
          label={t('taxonomieen.omschrijving')}
          value={omschrijving}
          onChange={(e) => setOmschrijving(e.target.value)}
          error={f.errorFor('omschrijving')}
        />
        {editing.item && editing.item.inGebruik > 0 && (
          <Paragraph className="wijkweb-hint">
            {t('taxonomieen.wijzigenInGebruik', { count: editing.item.inGebruik })}
          </Paragraph>
        )}
        <ButtonGroup>
          <Button appearance="primary" type="submit" disabled={busy}>
            {t('bewerken.opslaan')}
          </Button>
          <Button onClick={onClose}>{t('bewerken.annuleren')}</Button>
        </ButtonGroup>
      </form>
    </Dialog>
  );
}
