/**
 * What the organisatie, voorziening and relatie forms share: the panel on the right with the error summary, the
 * buttons, the change log and the delete question, and the saving that goes with it.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntiteitSoort } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import { ConfirmDialog, Dialog } from '../../components/dialog';
import { ErrorSummary } from '../../components/form';
import { Button, Paragraph } from '../../components/ui';
import { useActions, useApp } from '../../state/context';
import type { Notice } from '../../state/store';
import type { Lookups } from './data';
import { savedNotice, useFormProblems } from './form-helpers';
import { Wijzigingen } from './Wijzigingen';

/** What the Gegevens page gives each form: the item to change (null: add one), the lists, and how to close. */
export interface EditFormProps<T> {
  readonly item: T | null;
  readonly lookups: Lookups;
  readonly onClose: () => void;
  /** Where the focus goes when the form closes and what opened it is gone. */
  readonly returnFocus: () => HTMLElement | null;
}

/** A form's state: read-only or not, its problems, and saving (a worker error goes to its field). */
export function useEditForm(soort: EntiteitSoort, onClose: () => void) {
  const { t, i18n } = useTranslation();
  const actions = useActions();
  const readOnly = useApp((s) => s.project?.readOnly ?? true);
  const [saving, setSaving] = useState(false);
  const f = useFormProblems(soort, t, (k) => i18n.exists(k));
  /** Saves checked input; when it went well, says so and closes the panel. */
  const save = async <T,>(run: () => Promise<Result<T>>, notice: (saved: T) => Omit<Notice, 'id'>) => {
    f.clear();
    setSaving(true);
    const result = await run();
    setSaving(false);
    if (!result.ok) return f.showError(result.error);
    actions.notify(notice(result.value));
    onClose();
  };
  return { t, actions, soort, readOnly, saving, f, save, onClose };
}

/** Add or change an item, in a panel on the right; a saved item can be deleted (after a question) from here. */
export function EditDrawer({
  form,
  title,
  item,
  onSubmit,
  returnFocus,
  children,
}: {
  form: ReturnType<typeof useEditForm>;
  title: string;
  /** The item being changed (null: a new one): its name, and what deleting it would mean. */
  item: { id: number; naam: string; gevolg: string } | null;
  onSubmit: () => void | Promise<void>;
  returnFocus: () => HTMLElement | null;
  children: ReactNode;
}) {
  const { t, actions, soort, readOnly, saving, f, onClose } = form;
  const [confirming, setConfirming] = useState(false);

  const remove = async () => {
    if (!item) return;
    setConfirming(false);
    const result = await actions.deleteItems(soort, [item.id]);
    if (!result.ok) return f.showError(result.error);
    actions.notify(savedNotice('bewerken.verwijderd', { naam: item.naam }));
    onClose();
  };

  return (
    <Dialog
      variant="drawer"
      title={title}
      onClose={onClose}
      closeLabel={t('bewerken.sluiten')}
      testId={`${soort}-form`}
      returnFocus={returnFocus}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!readOnly && !saving) void onSubmit();
        }}
        className="wijkweb-form"
      >
        <ErrorSummary id={f.summaryId} title={t('bewerken.foutTitel')} items={f.summary} />
        {children}
        <FormActions
          saving={saving}
          readOnly={readOnly}
          onCancel={onClose}
          onDelete={item ? () => setConfirming(true) : undefined}
        />
      </form>
      {item && <Wijzigingen soort={soort} id={item.id} />}
      {confirming && item && (
        <ConfirmDialog
          title={t('bewerken.verwijderenTitel', { naam: item.naam })}
          confirmLabel={t('bewerken.verwijderen')}
          cancelLabel={t('bewerken.annuleren')}
          closeLabel={t('bewerken.sluiten')}
          danger
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        >
          <Paragraph>{item.gevolg}</Paragraph>
          <Paragraph>{t('bewerken.kanOngedaan')}</Paragraph>
        </ConfirmDialog>
      )}
    </Dialog>
  );
}

/** Opslaan · Annuleren · (on the far side) Verwijderen. */
function FormActions({
  saving,
  readOnly,
  onCancel,
  onDelete,
}: {
  saving: boolean;
  readOnly: boolean;
  onCancel: () => void;
  onDelete?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="wijkweb-form-actions">
      <div className="utrecht-button-group">
        {!readOnly && (
          <Button appearance="primary" type="submit" disabled={saving}>
            {t('bewerken.opslaan')}
          </Button>
        )}
        <Button onClick={onCancel}>{readOnly ? t('bewerken.sluiten') : t('bewerken.annuleren')}</Button>
      </div>
      {onDelete && !readOnly && (
        <Button className="utrecht-button--danger" onClick={onDelete}>
          {t('bewerken.verwijderen')}
        </Button>
      )}
    </div>
  );
}
