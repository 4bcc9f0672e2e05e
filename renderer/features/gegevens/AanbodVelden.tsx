/**
 * The fields that say what an offer is: its provider, collectief or individueel, vrij toegankelijk or op indicatie,
 * its leefgebieden and doelgroepen. Shared by the voorziening form and "Plan een initiatief" on Hiaten.
 */
import { CheckboxGroupField, RadioGroupField, SearchSelectField, type Option } from '../../components/form';
import type { Lookups } from './data';
import type { useEditForm } from './EditDrawer';

export interface AanbodWaarden {
  organisatieId: string;
  collectief: boolean;
  vrijToegankelijk: boolean;
  leefgebieden: string[];
  doelgroepen: string[];
}

export function AanbodVelden({
  form,
  values,
  onChange,
  lookups,
  organisatieOptions,
  aanbiederUitleg,
}: {
  form: ReturnType<typeof useEditForm>;
  values: AanbodWaarden;
  onChange: (patch: Partial<AanbodWaarden>) => void;
  lookups: Lookups;
  organisatieOptions: readonly Option[];
  aanbiederUitleg?: string;
}) {
  const { t, readOnly, f } = form;
  return (
    <>
      <SearchSelectField
        id={f.fieldId('organisatieId')}
        label={t('veld.label.aanbieder')}
        description={aanbiederUitleg}
        options={organisatieOptions}
        value={values.organisatieId}
        onChange={(v) => onChange({ organisatieId: v })}
        error={f.errorFor('organisatieId')}
        emptyLabel={t('bewerken.geenAanbieder')}
        searchLabel={t('bewerken.zoekOrganisatie')}
        moreLabel={(n) => t('bewerken.meer', { count: n })}
        disabled={readOnly}
      />
      <div className="wijkweb-form-row">
        <RadioGroupField
          id={f.fieldId('collectief')}
          legend={t('veld.label.vorm')}
          value={values.collectief ? 'ja' : 'nee'}
          onChange={(v) => onChange({ collectief: v === 'ja' })}
          disabled={readOnly}
          options={[
            { value: 'ja', label: t('waarde.collectief') },
            { value: 'nee', label: t('waarde.individueel') },
          ]}
        />
        <RadioGroupField
          id={f.fieldId('vrijToegankelijk')}
          legend={t('veld.label.toegang')}
          value={values.vrijToegankelijk ? 'ja' : 'nee'}
          onChange={(v) => onChange({ vrijToegankelijk: v === 'ja' })}
          disabled={readOnly}
          options={[
            { value: 'ja', label: t('waarde.vrijToegankelijk') },
            { value: 'nee', label: t('waarde.opIndicatie') },
          ]}
        />
      </div>
      <div className="wijkweb-form-row wijkweb-form-row--top">
        <CheckboxGroupField
          id={f.fieldId('leefgebieden')}
          legend={t('veld.label.leefgebieden')}
          options={lookups.taxOptions('leefgebied')}
          value={values.leefgebieden}
          onChange={(v) => onChange({ leefgebieden: v })}
          error={f.errorFor('leefgebieden')}
          disabled={readOnly}
        />
        <CheckboxGroupField
          id={f.fieldId('doelgroepen')}
          legend={t('veld.label.doelgroepen')}
          options={lookups.taxOptions('doelgroep')}
          value={values.doelgroepen}
          onChange={(v) => onChange({ doelgroepen: v })}
          error={f.errorFor('doelgroepen')}
          disabled={readOnly}
        />
      </div>
    </>
  );
}
