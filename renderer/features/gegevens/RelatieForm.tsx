import { useState } from 'react';
import type { FieldProblem, KnoopRef, Relatie, RelatieInput } from '../../../shared/contract';
import { checkRelatie } from '../../../shared/model/sociale-kaart';
import { SearchSelectField, SelectField, TextAreaField } from '../../components/form';
import { Button, CheckboxField, TextField } from '../../components/ui';
import { EditDrawer, useEditForm, type EditFormProps } from './EditDrawer';
import { orNull, parseCount, savedNotice, tekstVelden } from './form-helpers';

interface VolumeRow {
  key: number;
  periodeStart: string;
  periodeEind: string;
  aantal: string;
}

interface Values {
  soort: string;
  van: string;
  naar: string;
  gericht: boolean;
  startdatum: string;
  einddatum: string;
  notities: string;
  volumes: VolumeRow[];
}

const knoopKey = (k: KnoopRef) => `${k.soort}:${k.id}`;
function parseKnoop(value: string): KnoopRef | null {
  const m = /^(organisatie|voorziening):(\d+)$/.exec(value);
  return m ? { soort: m[1] as KnoopRef['soort'], id: Number(m[2]) } : null;
}

let volumeKey = 1;

const fromItem = (r: Relatie | null, defaultSoort: string): Values => ({
  soort: r?.soort ?? defaultSoort,
  van: r ? knoopKey(r.van) : '',
  naar: r ? knoopKey(r.naar) : '',
  gericht: r?.gericht ?? true,
  startdatum: r?.startdatum ?? '',
  einddatum: r?.einddatum ?? '',
  notities: r?.notities ?? '',
  volumes: (r?.volumes ?? []).map((v) => ({
    key: volumeKey++,
    periodeStart: v.periodeStart,
    periodeEind: v.periodeEind,
    aantal: String(v.aantal),
  })),
});

/** Add or change a relatie (verwijzing, samenwerking, …) between organisaties and voorzieningen. */
export function RelatieForm({ item, lookups, onClose, returnFocus }: EditFormProps<Relatie>) {
  const form = useEditForm('relatie', onClose);
  const { t, actions, readOnly, f } = form;
  const soorten = lookups.taxOptions('relatietype');
  const [values, setValues] = useState<Values>(() =>
    fromItem(item, soorten.some((s) => s.value === 'verwijzing') ? 'verwijzing' : ''),
  );
  const veld = tekstVelden(form, values, setValues);
  const put = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const putVolume = (key: number, patch: Partial<VolumeRow>) =>
    setValues((v) => ({ ...v, volumes: v.volumes.map((x) => (x.key === key ? { ...x, ...patch } : x)) }));

  const name = item ? `${item.van.naam} → ${item.naar.naam}` : '';
  const knoopOptions = (current: string, ref: Relatie['van'] | undefined) =>
    current && ref && !lookups.knoopOptions.some((o) => o.value === current)
      ? [{ value: current, label: ref.naam }, ...lookups.knoopOptions]
      : lookups.knoopOptions;

  const submit = () => {
    const van = parseKnoop(values.van);
    const naar = parseKnoop(values.naar);
    const missing: FieldProblem[] = [
      ...(van ? [] : [{ veld: 'van', code: 'verplicht' }]),
      ...(naar ? [] : [{ veld: 'naar', code: 'verplicht' }]),
    ];
    const volumes = values.volumes.map((v) => ({
      periodeStart: v.periodeStart,
      periodeEind: v.periodeEind,
      aantal: parseCount(v.aantal) ?? Number.NaN,
    }));
    const input: RelatieInput = {
      soort: values.soort,
      // A placeholder while van/naar are missing, so the other fields are still checked in one go.
      van: van ?? { soort: 'organisatie', id: -1 },
      naar: naar ?? { soort: 'organisatie', id: -2 },
      gericht: values.gericht,
      startdatum: orNull(values.startdatum),
      einddatum: orNull(values.einddatum),
      notities: orNull(values.notities),
      volumes,
    };
    const checked = checkRelatie(input);
    const problems = [...missing, ...(checked.ok ? [] : checked.problems)];
    if (problems.length) return f.show(problems);
    return form.save(
      () => actions.saveRelatie(item?.id ?? null, input),
      (saved) => savedNotice('bewerken.relatieOpgeslagen', { van: saved.van.naam, naar: saved.naar.naam }),
    );
  };

  return (
    <EditDrawer
      form={form}
      title={item ? t('bewerken.relatieWijzigen', { naam: name }) : t('bewerken.relatieToevoegen')}
      item={item && { id: item.id, naam: name, gevolg: t('bewerken.verwijderenRelatie', { naam: name }) }}
      onSubmit={submit}
      returnFocus={returnFocus}
    >
      <SelectField
        id={f.fieldId('soort')}
        label={t('veld.label.soortRelatie')}
        value={values.soort}
        onChange={(e) => put('soort', e.target.value)}
        error={f.errorFor('soort')}
        disabled={readOnly}
        options={[{ value: '', label: t('bewerken.kiesSoort') }, ...soorten]}
      />
      <SearchSelectField
        id={f.fieldId('van')}
        label={t('veld.label.van')}
        options={knoopOptions(values.van, item?.van)}
        value={values.van}
        onChange={(v) => put('van', v)}
        error={f.errorFor('van')}
        emptyLabel={t('bewerken.nogNietGekozen')}
        searchLabel={t('bewerken.zoekVan')}
        moreLabel={(n) => t('bewerken.meer', { count: n })}
        disabled={readOnly}
      />
      <SearchSelectField
        id={f.fieldId('naar')}
        label={t('veld.label.naar')}
        options={knoopOptions(values.naar, item?.naar)}
        value={values.naar}
        onChange={(v) => put('naar', v)}
        error={f.errorFor('naar')}
        emptyLabel={t('bewerken.nogNietGekozen')}
        searchLabel={t('bewerken.zoekNaar')}
        moreLabel={(n) => t('bewerken.meer', { count: n })}
        disabled={readOnly}
      />
      <CheckboxField checked={values.gericht} onChange={(v) => put('gericht', v)}>
        {t('veld.label.gericht')}
      </CheckboxField>
      <div className="wijkweb-form-row">
        <TextField {...veld('startdatum')} type="date" label={t('veld.label.startdatum')} />
        <TextField {...veld('einddatum')} type="date" label={t('veld.label.einddatum')} />
      </div>
      <fieldset
        className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wijkweb-fieldset"
        id={f.fieldId('volumes')}
        tabIndex={-1}
        aria-describedby={f.errorFor('volumes') ? `${f.fieldId('volumes')}-err` : `${f.fieldId('volumes')}-desc`}
        aria-invalid={f.errorFor('volumes') ? true : undefined}
      >
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          {t('veld.label.volumes')}
        </legend>
        <div className="utrecht-form-field-description" id={`${f.fieldId('volumes')}-desc`}>
          {t('bewerken.volumesUitleg')}
        </div>
        {f.errorFor('volumes') && (
          <div className="utrecht-form-field-error-message" id={`${f.fieldId('volumes')}-err`}>
            {f.errorFor('volumes')}
          </div>
        )}
        {values.volumes.length > 0 && (
          <ol className="wijkweb-plain-list wijkweb-volumes">
            {values.volumes.map((v, i) => (
              <li key={v.key} className="wijkweb-volumes__row">
                <TextField
                  type="date"
                  label={
                    <>
                      {t('bewerken.volumeVanKort')}
                      <span className="wijkweb-visually-hidden"> {t('bewerken.periodeNr', { rij: i + 1 })}</span>
                    </>
                  }
                  value={v.periodeStart}
                  onChange={(e) => putVolume(v.key, { periodeStart: e.target.value })}
                  disabled={readOnly}
                />
                <TextField
                  type="date"
                  label={
                    <>
                      {t('bewerken.volumeTotKort')}
                      <span className="wijkweb-visually-hidden"> {t('bewerken.periodeNr', { rij: i + 1 })}</span>
                    </>
                  }
                  value={v.periodeEind}
                  onChange={(e) => putVolume(v.key, { periodeEind: e.target.value })}
                  disabled={readOnly}
                />
                <TextField
                  label={
                    <>
                      {t('bewerken.volumeAantalKort')}
                      <span className="wijkweb-visually-hidden"> {t('bewerken.periodeNr', { rij: i + 1 })}</span>
                    </>
                  }
                  inputMode="numeric"
                  value={v.aantal}
                  onChange={(e) => putVolume(v.key, { aantal: e.target.value })}
                  autoComplete="off"
                  disabled={readOnly}
                />
                {!readOnly && (
                  <Button
                    appearance="subtle"
                    onClick={() =>
                      put(
                        'volumes',
                        values.volumes.filter((x) => x.key !== v.key),
                      )
                    }
                  >
                    {t('bewerken.volumeWeg', { rij: i + 1 })}
                  </Button>
                )}
              </li>
            ))}
          </ol>
        )}
        {!readOnly && (
          <Button
            onClick={() =>
              put('volumes', [...values.volumes, { key: volumeKey++, periodeStart: '', periodeEind: '', aantal: '' }])
            }
          >
            {t('bewerken.volumeToevoegen')}
          </Button>
        )}
      </fieldset>
      <TextAreaField {...veld('notities')} label={t('veld.label.notities')} />
    </EditDrawer>
  );
}
