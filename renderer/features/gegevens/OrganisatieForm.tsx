import { useState } from 'react';
import type { Organisatie, OrganisatieInput } from '../../../shared/contract';
import { checkOrganisatie } from '../../../shared/model/sociale-kaart';
import { SearchSelectField, SelectField, TextAreaField } from '../../components/form';
import { Alert, Paragraph, TextField } from '../../components/ui';
import { EditDrawer, useEditForm, type EditFormProps } from './EditDrawer';
import { orNull, savedNotice, tekstVelden } from './form-helpers';

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
export function OrganisatieForm({ item, lookups, onClose, returnFocus }: EditFormProps<Organisatie>) {
  const form = useEditForm('organisatie', onClose);
  const { t, actions, readOnly, f } = form;
  const [values, setValues] = useState<Values>(() => fromItem(item));
  const veld = tekstVelden(form, values, setValues);

  // The buurt it has may not be in this year's division: keep it as a choice.
  const buurtOptions =
    values.buurtCode && !lookups.buurtOptions.some((o) => o.value === values.buurtCode)
      ? [{ value: values.buurtCode, label: lookups.buurtNaam(values.buurtCode) }, ...lookups.buurtOptions]
      : lookups.buurtOptions;

  const submit = () => {
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
    return form.save(
      () => actions.saveOrganisatie(item?.id ?? null, input),
      (saved) => savedNotice('bewerken.opgeslagen', { naam: saved.naam }),
    );
  };

  return (
    <EditDrawer
      form={form}
      title={item ? t('bewerken.organisatieWijzigen', { naam: item.naam }) : t('bewerken.organisatieToevoegen')}
      item={
        item && {
          id: item.id,
          naam: item.naam,
          gevolg: t('bewerken.verwijderenOrganisatie', {
            naam: item.naam,
            voorzieningen: item.aantalVoorzieningen,
            relaties: item.aantalRelaties,
          }),
        }
      }
      onSubmit={submit}
      returnFocus={returnFocus}
    >
      <TextField {...veld('naam')} label={t('veld.label.naam')} required autoComplete="off" />
      <SelectField
        {...veld('soort')}
        label={t('veld.label.soortOrganisatie')}
        options={[{ value: '', label: t('bewerken.geenKeuze') }, ...lookups.taxOptions('soort_organisatie')]}
      />
      <TextField {...veld('adres')} label={t('veld.label.adres')} autoComplete="off" />
      <div className="wijkweb-form-row">
        <TextField {...veld('postcode')} label={t('veld.label.postcode')} autoComplete="off" />
        <TextField {...veld('plaats')} label={t('veld.label.plaats')} autoComplete="off" />
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
        <TextField {...veld('website')} label={t('veld.label.website')} autoComplete="off" inputMode="url" />
        <TextField
          {...veld('telefoon')}
          label={t('veld.label.telefoon')}
          description={t('bewerken.telefoonUitleg')}
          autoComplete="off"
          inputMode="tel"
        />
        <TextField
          {...veld('email')}
          label={t('veld.label.email')}
          description={t('bewerken.emailUitleg')}
          autoComplete="off"
          inputMode="email"
        />
      </fieldset>
      <TextAreaField {...veld('notities')} label={t('veld.label.notities')} />
    </EditDrawer>
  );
}
