import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntiteitSoort, OrganisatieBulk, VoorzieningBulk } from '../../../shared/contract';
import type { VoorzieningStatus } from '../../../shared/model/sociale-kaart';
import type { AppError, Result } from '../../../shared/result';
import { ConfirmDialog, Dialog } from '../../components/dialog';
import { CheckboxGroupField, SearchSelectField, SelectField } from '../../components/form';
import { Button, ButtonGroup, CheckboxField, Paragraph, TextField } from '../../components/ui';
import { useActions } from '../../state/context';
import type { Lookups } from './data';
import { ErrorText } from './ErrorText';
import { savedNotice } from './form-helpers';

const KEEP = '__niet-wijzigen';

/** A patch being put together: only the fields that are chosen are set. */
type Patch<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The frame of a bulk dialog: the explanation, an error, the fields, and Toepassen · Annuleren. Applying an empty
 * patch is refused; a done one is announced with `doneKey` and the number changed.
 */
function BulkForm<P extends object>({
  title,
  testId,
  variant,
  ids,
  patch,
  apply,
  doneKey,
  onClose,
  children,
}: {
  title: string;
  testId: string;
  variant?: 'drawer';
  ids: readonly number[];
  patch: () => P;
  apply: (patch: P) => Promise<Result<number>>;
  doneKey: string;
  onClose: (done: boolean) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const actions = useActions();
  const [error, setError] = useState<AppError | string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const chosen = patch();
    if (Object.keys(chosen).length === 0) return setError(t('bulk.nietsGekozen'));
    setBusy(true);
    const result = await apply(chosen);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    actions.notify(savedNotice(doneKey, { count: result.value }));
    onClose(true);
  };

  return (
    <Dialog
      variant={variant}
      title={title}
      onClose={() => onClose(false)}
      closeLabel={t('bewerken.sluiten')}
      testId={testId}
    >
      <form noValidate onSubmit={(e) => void submit(e)} className="wijkweb-form">
        <Paragraph>{t('bulk.uitleg')}</Paragraph>
        <ErrorText error={error} />
        {children}
        <ButtonGroup>
          <Button appearance="primary" type="submit" disabled={busy}>
            {t('bulk.toepassen', { count: ids.length })}
          </Button>
          <Button onClick={() => onClose(false)}>{t('bewerken.annuleren')}</Button>
        </ButtonGroup>
      </form>
    </Dialog>
  );
}

/** Change one or more fields of all selected organisaties at once. */
export function OrganisatiesBulkDialog({
  ids,
  lookups,
  onClose,
}: {
  ids: readonly number[];
  lookups: Lookups;
  onClose: (done: boolean) => void;
}) {
  const { t } = useTranslation();
  const actions = useActions();
  const [soort, setSoort] = useState(KEEP);
  const [plaatsAan, setPlaatsAan] = useState(false);
  const [plaats, setPlaats] = useState('');
  const [buurtAan, setBuurtAan] = useState(false);
  const [buurt, setBuurt] = useState('');

  const patch = () => {
    const p: Patch<OrganisatieBulk> = {};
    if (soort !== KEEP) p.soort = soort || null;
    if (plaatsAan) p.plaats = plaats.trim() || null;
    if (buurtAan) p.buurtCode = buurt || null;
    return p;
  };

  return (
    <BulkForm
      title={t('bulk.organisatiesTitel', { count: ids.length })}
      testId="bulk-organisaties"
      ids={ids}
      patch={patch}
      apply={(p) => actions.bulkOrganisaties(ids, p)}
      doneKey="bulk.organisatiesGewijzigd"
      onClose={onClose}
    >
      <SelectField
        id="bulk-soort"
        label={t('veld.label.soortOrganisatie')}
        value={soort}
        onChange={(e) => setSoort(e.target.value)}
        options={[
          { value: KEEP, label: t('bulk.nietWijzigen') },
          { value: '', label: t('bulk.leegMaken') },
          ...lookups.taxOptions('soort_organisatie'),
        ]}
      />
      <CheckboxField checked={plaatsAan} onChange={setPlaatsAan}>
        {t('bulk.plaatsWijzigen')}
      </CheckboxField>
      {plaatsAan && (
        <TextField
          id="bulk-plaats"
          label={t('bulk.nieuwePlaats')}
          description={t('bulk.leegIsLeeg')}
          value={plaats}
          onChange={(e) => setPlaats(e.target.value)}
          autoComplete="off"
        />
      )}
      <CheckboxField checked={buurtAan} onChange={setBuurtAan}>
        {t('bulk.buurtWijzigen')}
      </CheckboxField>
      {buurtAan && (
        <SearchSelectField
          id="bulk-buurt"
          label={t('bulk.nieuweBuurt')}
          options={lookups.buurtOptions}
          value={buurt}
          onChange={setBuurt}
          emptyLabel={t('bewerken.geenBuurt')}
          searchLabel={t('bewerken.zoekBuurt')}
          moreLabel={(n) => t('bewerken.meer', { count: n })}
        />
      )}
    </BulkForm>
  );
}

/** Change one or more fields of all selected voorzieningen at once; lists are added to, never replaced. */
export function VoorzieningenBulkDialog({
  ids,
  lookups,
  onClose,
}: {
  ids: readonly number[];
  lookups: Lookups;
  onClose: (done: boolean) => void;
}) {
  const { t } = useTranslation();
  const actions = useActions();
  const [aanbiederAan, setAanbiederAan] = useState(false);
  const [aanbieder, setAanbieder] = useState('');
  const [vorm, setVorm] = useState(KEEP);
  const [toegang, setToegang] = useState(KEEP);
  const [niveau, setNiveau] = useState(KEEP);
  const [status, setStatus] = useState(KEEP);
  const [leefgebieden, setLeefgebieden] = useState<string[]>([]);
  const [doelgroepen, setDoelgroepen] = useState<string[]>([]);
  const [werkgebied, setWerkgebied] = useState<string[]>([]);

  const patch = () => {
    const p: Patch<VoorzieningBulk> = {};
    if (aanbiederAan) p.organisatieId = aanbieder ? Number(aanbieder) : null;
    if (vorm !== KEEP) p.collectief = vorm === 'ja';
    if (toegang !== KEEP) p.vrijToegankelijk = toegang === 'ja';
    if (niveau !== KEEP) p.preventieniveau = niveau || null;
    if (status !== KEEP) p.status = status as VoorzieningStatus;
    if (leefgebieden.length) p.leefgebiedenToevoegen = leefgebieden;
    if (doelgroepen.length) p.doelgroepenToevoegen = doelgroepen;
    if (werkgebied.length) p.werkgebiedToevoegen = werkgebied;
    return p;
  };

  return (
    <BulkForm
      variant="drawer"
      title={t('bulk.voorzieningenTitel', { count: ids.length })}
      testId="bulk-voorzieningen"
      ids={ids}
      patch={patch}
      apply={(p) => actions.bulkVoorzieningen(ids, p)}
      doneKey="bulk.voorzieningenGewijzigd"
      onClose={onClose}
    >
      <CheckboxField checked={aanbiederAan} onChange={setAanbiederAan}>
        {t('bulk.aanbiederWijzigen')}
      </CheckboxField>
      {aanbiederAan && (
        <SearchSelectField
          id="bulk-aanbieder"
          label={t('bulk.nieuweAanbieder')}
          options={lookups.organisatieOptions}
          value={aanbieder}
          onChange={setAanbieder}
          emptyLabel={t('bewerken.geenAanbieder')}
          searchLabel={t('bewerken.zoekOrganisatie')}
          moreLabel={(n) => t('bewerken.meer', { count: n })}
        />
      )}
      <div className="wijkweb-form-row">
        <SelectField
          id="bulk-vorm"
          label={t('veld.label.vorm')}
          value={vorm}
          onChange={(e) => setVorm(e.target.value)}
          options={[
            { value: KEEP, label: t('bulk.nietWijzigen') },
            { value: 'ja', label: t('waarde.collectief') },
            { value: 'nee', label: t('waarde.individueel') },
          ]}
        />
        <SelectField
          id="bulk-toegang"
          label={t('veld.label.toegang')}
          value={toegang}
          onChange={(e) => setToegang(e.target.value)}
          options={[
            { value: KEEP, label: t('bulk.nietWijzigen') },
            { value: 'ja', label: t('waarde.vrijToegankelijk') },
            { value: 'nee', label: t('waarde.opIndicatie') },
          ]}
        />
      </div>
      <div className="wijkweb-form-row">
        <SelectField
          id="bulk-preventieniveau"
          label={t('veld.label.preventieniveau')}
          value={niveau}
          onChange={(e) => setNiveau(e.target.value)}
          options={[
            { value: KEEP, label: t('bulk.nietWijzigen') },
            { value: '', label: t('bulk.leegMaken') },
            ...lookups.taxOptions('preventieniveau').map((o) => ({ value: o.value, label: `${o.value}. ${o.label}` })),
          ]}
        />
        <SelectField
          id="bulk-status"
          label={t('veld.label.status')}
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          options={[
            { value: KEEP, label: t('bulk.nietWijzigen') },
            ...(['actief', 'gepland', 'gestopt'] as const).map((s) => ({ value: s, label: t(`waarde.${s}`) })),
          ]}
        />
      </div>
      <div className="wijkweb-form-row wijkweb-form-row--top">
        <CheckboxGroupField
          id="bulk-leefgebieden"
          legend={t('bulk.leefgebiedenToevoegen')}
          options={lookups.taxOptions('leefgebied')}
          value={leefgebieden}
          onChange={setLeefgebieden}
        />
        <CheckboxGroupField
          id="bulk-doelgroepen"
          legend={t('bulk.doelgroepenToevoegen')}
          options={lookups.taxOptions('doelgroep')}
          value={doelgroepen}
          onChange={setDoelgroepen}
        />
      </div>
      <CheckboxGroupField
        id="bulk-werkgebied"
        legend={t('bulk.werkgebiedToevoegen', { count: werkgebied.length })}
        options={lookups.buurtOptions}
        value={werkgebied}
        onChange={setWerkgebied}
        searchLabel={t('bewerken.zoekBuurt')}
        moreLabel={(n) => t('bewerken.meer', { count: n })}
      />
    </BulkForm>
  );
}

/** "Wil je deze 12 organisaties verwijderen?" with what goes with them. */
export function BulkDeleteDialog({
  soort,
  ids,
  onClose,
}: {
  soort: EntiteitSoort;
  ids: readonly number[];
  onClose: (done: boolean) => void;
}) {
  const { t } = useTranslation();
  const actions = useActions();
  const [error, setError] = useState<AppError | null>(null);
  const confirm = async () => {
    const result = await actions.deleteItems(soort, ids);
    if (!result.ok) return setError(result.error);
    actions.notify(savedNotice(`bulk.verwijderd.${soort}`, { count: result.value }));
    onClose(true);
  };
  return (
    <ConfirmDialog
      title={t(`bulk.verwijderTitel.${soort}`, { count: ids.length })}
      confirmLabel={t('bulk.verwijderKnop', { count: ids.length })}
      cancelLabel={t('bewerken.annuleren')}
      closeLabel={t('bewerken.sluiten')}
      danger
      onConfirm={() => void confirm()}
      onCancel={() => onClose(false)}
    >
      <ErrorText error={error} />
      <Paragraph>{t(`bulk.verwijderGevolg.${soort}`, { count: ids.length })}</Paragraph>
      <Paragraph>{t('bewerken.kanOngedaan')}</Paragraph>
    </ConfirmDialog>
  );
}
