import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisatie, OrganisatieInput } from '../../../shared/contract';
import { checkOrganisatie } from '../../../shared/model/sociale-kaart';
import { ConfirmDialog, Dialog } from '../../components/dialog';
import { ErrorSummary, SearchSelectField, SelectField, TextAreaField } from '../../components/form';
import { Alert, Button, Paragraph, TextField } from '../../components/ui';
import { useActions, useApp } from '../../state/context';
import type { Lookups } from './data';
import { orNull, useFormProblems } from './form-helpers';
import { Wijzigingen } from './Wijzigingen';

type Values = Record<
  'naam' | 'soort' | 'adres' | 'postcode' | 'plaats' | 'buurtCode' | 'website' | 'telefoon' | 'email' | 'notities',
  string
>;

const fromItem = (o: Organisatie | null): Values => ({
  naam: o?.naam ?? '',
  soort: o?.soort ?? '',
  adres: o?.adres ?? '',
  postcode: o?.postcode ?? '',
  plaats: o?.plaats ?? '',
  buurtCode: o?.buurtCode ?? '',
  website: o?.website ?? '',
  telefoon: o?.telefoon ?? '',
  email: o?.email ?? '',
  notities: o?.notities ?? '',
});

/** Add or change an organisation, in a panel on the right. */
export function OrganisatieForm({
  item,
  lookups,
  onClose,
  returnFocus,
}: {
  item: Organisatie | null;
  lookups: Lookups;
  onClose: () => void;
  returnFocus: () => HTMLElement | null;
}) {
  const { t, i18n } = useTranslation();
  const actions = useActions();
  const readOnly = useApp((s) => s.project?.readOnly ?? true);
  const [values, setValues] = useState<Values>(() => fromItem(item));
  const [saving, setSaving] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const formId = 'organisatie';
  const f = useFormProblems(formId, t, (k) => i18n.exists(k));
  const set = (key: keyof Values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));

  // The buurt it has may not be in this year's division: keep it as a choice.
  const buurtOptions =
    values.buurtCode && !lookups.buurtOptions.some((o) => o.value === values.buurtCode)
      ? [{ value: values.buurtCode, label: lookups.buurtNaam(values.buurtCode) }, ...lookups.buurtOptions]
      : lookups.buurtOptions;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (readOnly || saving) return;
    const input: OrganisatieInput = {
      naam: values.naam,
      soort: orNull(values.soort),
      adres: orNull(values.adres),
      postcode: orNull(values.postcode),
      plaats: orNull(values.plaats),
      buurtCode: orNull(values.buurtCode),
      website: orNull(values.website),
      telefoon: orNull(values.telefoon),
      email: orNull(values.email),
      notities: orNull(values.notities),
    };
    const checked = checkOrganisatie(input);
    if (!checked.ok) return f.show(checked.problems);
    f.clear();
    setSaving(true);
    const result = await actions.saveOrganisatie(item?.id ?? null, input);
    setSaving(false);
    if (!result.ok) return f.showError(result.error);
    actions.notify({
      kind: 'ok',
      tag: 'opgeslagen',
      autoDismissMs: 5000,
      text: { key: 'bewerken.opgeslagen', params: { naam: result.value.naam } },
    });
    onClose();
  };

  const remove = async () => {
    if (!item) return;
    setConfirming(false);
    const result = await actions.deleteItems('organisatie', [item.id]);
    if (!result.ok) return f.showError(result.error);
    actions.notify({
      kind: 'ok',
      tag: 'opgeslagen',
      autoDismissMs: 5000,
      text: { key: 'bewerken.verwijderd', params: { naam: item.naam } },
    });
    onClose();
  };

  return (
    <Dialog
      variant="drawer"
      title={item ? t('bewerken.organisatieWijzigen', { naam: item.naam }) : t('bewerken.organisatieToevoegen')}
      onClose={onClose}
      closeLabel={t('bewerken.sluiten')}
      testId="organisatie-form"
      returnFocus={returnFocus}
    >
      <form noValidate onSubmit={(e) => void submit(e)} className="wijkweb-form">
        <ErrorSummary id={f.summaryId} title={t('bewerken.foutTitel')} items={f.summary} />
        <TextField
          id={f.fieldId('naam')}
          label={t('veld.label.naam')}
          value={values.naam}
          onChange={set('naam')}
          error={f.errorFor('naam')}
          required
          autoComplete="off"
          disabled={readOnly}
        />
        <SelectField
          id={f.fieldId('soort')}
          label={t('veld.label.soortOrganisatie')}
          value={values.soort}
          onChange={set('soort')}
          error={f.errorFor('soort')}
          disabled={readOnly}
          options={[{ value: '', label: t('bewerken.geenKeuze') }, ...lookups.taxOptions('soort_organisatie')]}
        />
        <TextField
          id={f.fieldId('adres')}
          label={t('veld.label.adres')}
          value={values.adres}
          onChange={set('adres')}
          error={f.errorFor('adres')}
          autoComplete="off"
          disabled={readOnly}
        />
        <div className="wijkweb-form-row">
          <TextField
            id={f.fieldId('postcode')}
            label={t('veld.label.postcode')}
            value={values.postcode}
            onChange={set('postcode')}
            error={f.errorFor('postcode')}
            autoComplete="off"
            disabled={readOnly}
          />
          <TextField
            id={f.fieldId('plaats')}
            label={t('veld.label.plaats')}
            value={values.plaats}
            onChange={set('plaats')}
            error={f.errorFor('plaats')}
            autoComplete="off"
            disabled={readOnly}
          />
        </div>
        <SearchSelectField
          id={f.fieldId('buurtCode')}
          label={t('veld.label.buurt')}
          description={lookups.buurtOptions.length ? undefined : t('bewerken.geenBuurten')}
          options={buurtOptions}
          value={values.buurtCode}
          onChange={(v) => setValues((x) => ({ ...x, buurtCode: v }))}
          error={f.errorFor('buurtCode')}
          emptyLabel={t('bewerken.geenBuurt')}
          searchLabel={t('bewerken.zoekBuurt')}
          moreLabel={(n) => t('bewerken.meer', { count: n })}
          disabled={readOnly}
        />
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wijkweb-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            {t('bewerken.contactTitel')}
          </legend>
          <Alert type="info">
            <Paragraph>{t('bewerken.contactUitleg')}</Paragraph>
          </Alert>
          <TextField
            id={f.fieldId('website')}
            label={t('veld.label.website')}
            value={values.website}
            onChange={set('website')}
            error={f.errorFor('website')}
            autoComplete="off"
            inputMode="url"
            disabled={readOnly}
          />
          <TextField
            id={f.fieldId('telefoon')}
            label={t('veld.label.telefoon')}
            description={t('bewerken.telefoonUitleg')}
            value={values.telefoon}
            onChange={set('telefoon')}
            error={f.errorFor('telefoon')}
            autoComplete="off"
            inputMode="tel"
            disabled={readOnly}
          />
          <TextField
            id={f.fieldId('email')}
            label={t('veld.label.email')}
            description={t('bewerken.emailUitleg')}
            value={values.email}
            onChange={set('email')}
            error={f.errorFor('email')}
            autoComplete="off"
            inputMode="email"
            disabled={readOnly}
          />
        </fieldset>
        <TextAreaField
          id={f.fieldId('notities')}
          label={t('veld.label.notities')}
          value={values.notities}
          onChange={set('notities')}
          error={f.errorFor('notities')}
          disabled={readOnly}
        />
        <FormActions
          saving={saving}
          readOnly={readOnly}
          onCancel={onClose}
          onDelete={item ? () => setConfirming(true) : undefined}
        />
      </form>
      {item && <Wijzigingen soort="organisatie" id={item.id} />}
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
          <Paragraph>
            {t('bewerken.verwijderenOrganisatie', {
              naam: item.naam,
              voorzieningen: item.aantalVoorzieningen,
              relaties: item.aantalRelaties,
            })}
          </Paragraph>
          <Paragraph>{t('bewerken.kanOngedaan')}</Paragraph>
        </ConfirmDialog>
      )}
    </Dialog>
  );
}

/** Opslaan · Annuleren · (on the far side) Verwijderen. */
export function FormActions({
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
