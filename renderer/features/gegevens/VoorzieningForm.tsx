import { useState } from 'react';
import type { Voorziening, VoorzieningInput } from '../../../shared/contract';
import { checkVoorziening, type VoorzieningStatus } from '../../../shared/model/sociale-kaart';
import { CheckboxGroupField, SearchSelectField, SelectField, TextAreaField } from '../../components/form';
import { TextField } from '../../components/ui';
import { AanbodVelden } from './AanbodVelden';
import type { Lookups } from './data';
import { EditDrawer, useEditForm, type EditFormProps } from './EditDrawer';
import { orNull, parseCount, savedNotice, tekstVelden } from './form-helpers';

interface Values {
  naam: string;
  organisatieId: string;
  collectief: boolean;
  vrijToegankelijk: boolean;
  leefgebieden: string[];
  doelgroepen: string[];
  preventieniveau: string;
  werkgebied: string[];
  locatieBuurtCode: string;
  adres: string;
  postcode: string;
  status: VoorzieningStatus;
  startdatum: string;
  einddatum: string;
  capaciteit: string;
  kosten: string;
  contact: string;
  notities: string;
}

const fromItem = (v: Voorziening | null, organisatieId: number | null): Values => ({
  naam: v?.naam ?? '',
  organisatieId:
    v?.organisatieId != null ? String(v.organisatieId) : organisatieId != null ? String(organisatieId) : '',
  collectief: v?.collectief ?? true,
  vrijToegankelijk: v?.vrijToegankelijk ?? true,
  leefgebieden: [...(v?.leefgebieden ?? [])],
  doelgroepen: [...(v?.doelgroepen ?? [])],
  preventieniveau: v?.preventieniveau ?? '',
  werkgebied: [...(v?.werkgebied ?? [])],
  locatieBuurtCode: v?.locatieBuurtCode ?? '',
  adres: v?.adres ?? '',
  postcode: v?.postcode ?? '',
  status: v?.status ?? 'actief',
  startdatum: v?.startdatum ?? '',
  einddatum: v?.einddatum ?? '',
  capaciteit: v?.capaciteit != null ? String(v.capaciteit) : '',
  kosten: v?.kosten ?? '',
  contact: v?.contact ?? '',
  notities: v?.notities ?? '',
});

/** Add or change a voorziening (an offer), in a panel on the right. */
export function VoorzieningForm({ item, lookups, onClose, returnFocus }: EditFormProps<Voorziening>) {
  const form = useEditForm('voorziening', onClose);
  const { t, actions, readOnly, f } = form;
  const [values, setValues] = useState<Values>(() => fromItem(item, null));
  const veld = tekstVelden(form, values, setValues);
  const put = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));

  const withCurrent = (options: Lookups['buurtOptions'], codes: readonly string[]) => {
    const missing = codes.filter((c) => c && !options.some((o) => o.value === c));
    return missing.length ? [...missing.map((c) => ({ value: c, label: lookups.buurtNaam(c) })), ...options] : options;
  };

  const submit = () => {
    const input: VoorzieningInput = {
      naam: values.naam,
      organisatieId: values.organisatieId ? Number(values.organisatieId) : null,
      collectief: values.collectief,
      vrijToegankelijk: values.vrijToegankelijk,
      leefgebieden: values.leefgebieden,
      doelgroepen: values.doelgroepen,
      preventieniveau: orNull(values.preventieniveau),
      werkgebied: values.werkgebied,
      locatieBuurtCode: orNull(values.locatieBuurtCode),
      adres: orNull(values.adres),
      postcode: orNull(values.postcode),
      status: values.status,
      startdatum: orNull(values.startdatum),
      einddatum: orNull(values.einddatum),
      capaciteit: parseCount(values.capaciteit),
      kosten: orNull(values.kosten),
      contact: orNull(values.contact),
      notities: orNull(values.notities),
    };
    const checked = checkVoorziening(input);
    if (!checked.ok) return f.show(checked.problems);
    return form.save(
      () => actions.saveVoorziening(item?.id ?? null, input),
      (saved) => savedNotice('bewerken.opgeslagen', { naam: saved.naam }),
    );
  };

  const organisatieOptions =
    values.organisatieId && !lookups.organisatieOptions.some((o) => o.value === values.organisatieId)
      ? [
          { value: values.organisatieId, label: item?.organisatieNaam ?? values.organisatieId },
          ...lookups.organisatieOptions,
        ]
      : lookups.organisatieOptions;

  return (
    <EditDrawer
      form={form}
      title={item ? t('bewerken.voorzieningWijzigen', { naam: item.naam }) : t('bewerken.voorzieningToevoegen')}
      item={item && { id: item.id, naam: item.naam, gevolg: t('bewerken.verwijderenVoorziening', { naam: item.naam }) }}
      onSubmit={submit}
      returnFocus={returnFocus}
    >
      <TextField {...veld('naam')} label={t('veld.label.naam')} required autoComplete="off" />
      <AanbodVelden
        form={form}
        values={values}
        onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
        lookups={lookups}
        organisatieOptions={organisatieOptions}
      />
      <SelectField
        {...veld('preventieniveau')}
        label={t('veld.label.preventieniveau')}
        options={[
          { value: '', label: t('bewerken.geenKeuze') },
          ...lookups.taxOptions('preventieniveau').map((o) => ({ value: o.value, label: `${o.value}. ${o.label}` })),
        ]}
      />
      <CheckboxGroupField
        id={f.fieldId('werkgebied')}
        legend={t('veld.label.werkgebiedAantal', { count: values.werkgebied.length })}
        description={lookups.buurtOptions.length ? t('bewerken.werkgebiedUitleg') : t('bewerken.geenBuurten')}
        options={withCurrent(lookups.buurtOptions, values.werkgebied)}
        value={values.werkgebied}
        onChange={(v) => put('werkgebied', v)}
        error={f.errorFor('werkgebied')}
        searchLabel={t('bewerken.zoekBuurt')}
        moreLabel={(n) => t('bewerken.meer', { count: n })}
        disabled={readOnly}
      />
      <SearchSelectField
        id={f.fieldId('locatieBuurtCode')}
        label={t('veld.label.locatieBuurt')}
        options={withCurrent(lookups.buurtOptions, [values.locatieBuurtCode])}
        value={values.locatieBuurtCode}
        onChange={(v) => put('locatieBuurtCode', v)}
        error={f.errorFor('locatieBuurtCode')}
        emptyLabel={t('bewerken.geenBuurt')}
        searchLabel={t('bewerken.zoekLocatieBuurt')}
        moreLabel={(n) => t('bewerken.meer', { count: n })}
        disabled={readOnly}
      />
      <div className="wijkweb-form-row">
        <TextField {...veld('adres')} label={t('veld.label.adres')} autoComplete="off" />
        <TextField {...veld('postcode')} label={t('veld.label.postcode')} autoComplete="off" />
      </div>
      <div className="wijkweb-form-row">
        <SelectField
          id={f.fieldId('status')}
          label={t('veld.label.status')}
          value={values.status}
          onChange={(e) => put('status', e.target.value as VoorzieningStatus)}
          error={f.errorFor('status')}
          disabled={readOnly}
          options={(['actief', 'gepland', 'gestopt'] as const).map((s) => ({ value: s, label: t(`waarde.${s}`) }))}
        />
        <TextField {...veld('startdatum')} type="date" label={t('veld.label.startdatum')} />
        <TextField {...veld('einddatum')} type="date" label={t('veld.label.einddatum')} />
      </div>
      <div className="wijkweb-form-row">
        <TextField
          {...veld('capaciteit')}
          label={t('veld.label.capaciteit')}
          description={t('bewerken.capaciteitUitleg')}
          inputMode="numeric"
          autoComplete="off"
        />
        <TextField
          {...veld('kosten')}
          label={t('veld.label.kosten')}
          description={t('bewerken.kostenUitleg')}
          autoComplete="off"
        />
      </div>
      <TextField
        {...veld('contact')}
        label={t('veld.label.contact')}
        description={t('bewerken.contactVoorzieningUitleg')}
        autoComplete="off"
      />
      <TextAreaField {...veld('notities')} label={t('veld.label.notities')} />
    </EditDrawer>
  );
}
