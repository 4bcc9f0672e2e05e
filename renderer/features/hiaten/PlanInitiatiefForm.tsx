/**
 * "Plan een initiatief": a new voorziening for a gap, pre-filled (status gepland, collectief, vrij toegankelijk, the
 * leefgebied, the doelgroep, werkgebied = the buurt). The same panel and checks as the Gegevens form; after saving
 * the cell shows "in voorbereiding" at once.
 */
import { useState } from 'react';
import type { HiaatCel, VoorzieningInput } from '../../../shared/contract';
import { checkVoorziening, type VoorzieningStatus } from '../../../shared/model/sociale-kaart';
import { CheckboxGroupField, SelectField, TextAreaField } from '../../components/form';
import { Paragraph, TextField } from '../../components/ui';
import { AanbodVelden } from '../gegevens/AanbodVelden';
import type { Lookups } from '../gegevens/data';
import { EditDrawer, useEditForm } from '../gegevens/EditDrawer';
import { orNull, savedNotice, tekstVelden } from '../gegevens/form-helpers';

interface Values {
  naam: string;
  organisatieId: string;
  collectief: boolean;
  vrijToegankelijk: boolean;
  leefgebieden: string[];
  doelgroepen: string[];
  werkgebied: string[];
  status: VoorzieningStatus;
  startdatum: string;
  notities: string;
}

export function PlanInitiatiefForm({
  cel,
  lookups,
  onClose,
  returnFocus,
}: {
  cel: HiaatCel;
  lookups: Lookups;
  onClose: () => void;
  returnFocus: () => HTMLElement | null;
}) {
  const form = useEditForm('voorziening', onClose);
  const { t, actions, readOnly, f } = form;
  const [values, setValues] = useState<Values>(() => ({
    naam: t('hiaten.plan.naamVoorstel', { leefgebied: cel.leefgebiedLabel, buurt: cel.gebiedNaam }),
    organisatieId: '',
    collectief: true,
    vrijToegankelijk: true,
    leefgebieden: [cel.leefgebied],
    doelgroepen: cel.doelgroep ? [cel.doelgroep] : [],
    werkgebied: [cel.gebiedCode],
    status: 'gepland',
    startdatum: '',
    notities: '',
  }));
  const veld = tekstVelden(form, values, setValues);
  const put = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const buurtOptions = lookups.buurtOptions.some((o) => o.value === cel.gebiedCode)
    ? lookups.buurtOptions
    : [{ value: cel.gebiedCode, label: `${cel.gebiedNaam} (${cel.gebiedCode})` }, ...lookups.buurtOptions];

  const submit = () => {
    const input: VoorzieningInput = {
      naam: values.naam,
      organisatieId: values.organisatieId ? Number(values.organisatieId) : null,
      collectief: values.collectief,
      vrijToegankelijk: values.vrijToegankelijk,
      leefgebieden: values.leefgebieden,
      doelgroepen: values.doelgroepen,
      werkgebied: values.werkgebied,
      status: values.status,
      startdatum: orNull(values.startdatum),
      notities: orNull(values.notities),
    };
    const checked = checkVoorziening(input);
    if (!checked.ok) return f.show(checked.problems);
    return form.save(
      () => actions.saveVoorziening(null, input),
      (saved) => savedNotice('hiaten.plan.opgeslagen', { naam: saved.naam, buurt: cel.gebiedNaam }),
    );
  };

  return (
    <EditDrawer
      form={form}
      title={t('hiaten.plan.titel', { leefgebied: cel.leefgebiedLabel, buurt: cel.gebiedNaam })}
      item={null}
      onSubmit={submit}
      returnFocus={returnFocus}
    >
      <Paragraph>{t('hiaten.plan.uitleg')}</Paragraph>
      <TextField {...veld('naam')} label={t('veld.label.naam')} required autoComplete="off" />
      <AanbodVelden
        form={form}
        values={values}
        onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
        lookups={lookups}
        organisatieOptions={lookups.organisatieOptions}
        aanbiederUitleg={t('hiaten.plan.aanbiederUitleg')}
      />
      <CheckboxGroupField
        id={f.fieldId('werkgebied')}
        legend={t('veld.label.werkgebiedAantal', { count: values.werkgebied.length })}
        description={t('hiaten.plan.werkgebiedUitleg')}
        options={buurtOptions}
        value={values.werkgebied}
        onChange={(v) => put('werkgebied', v)}
        error={f.errorFor('werkgebied')}
        searchLabel={t('bewerken.zoekBuurt')}
        moreLabel={(n) => t('bewerken.meer', { count: n })}
        disabled={readOnly}
      />
      <div className="wijkweb-form-row">
        <SelectField
          id={f.fieldId('status')}
          label={t('veld.label.status')}
          description={t('hiaten.plan.statusUitleg')}
          value={values.status}
          onChange={(e) => put('status', e.target.value as VoorzieningStatus)}
          error={f.errorFor('status')}
          disabled={readOnly}
          options={(['gepland', 'actief'] as const).map((s) => ({ value: s, label: t(`waarde.${s}`) }))}
        />
        <TextField {...veld('startdatum')} type="date" label={t('veld.label.startdatum')} />
      </div>
      <TextAreaField {...veld('notities')} label={t('veld.label.notities')} />
    </EditDrawer>
  );
}
