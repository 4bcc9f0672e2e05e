/**
 * The left panel: how the map looks (fade or hide, colour, size, layout, what is on it), the filters, and focus and
 * path. Every control has a visible label and works with the keyboard.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetwerkData, NetwerkFilter } from '../../../shared/contract';
import { CheckboxGroupField, RadioGroupField, SelectField, type Option } from '../../components/form';
import { Button, CheckboxField } from '../../components/ui';
import { metriekDescriptor } from '../../../shared/analysis/metriek-descriptors';
import { formatPeriode } from './format';
import { KnoopZoeker, type KnoopOptie } from './KnoopZoeker';
import {
  INDELINGEN,
  KLEUR_OP,
  METRIEKEN,
  MODI,
  STATUSSEN,
  kleurOpLabel,
  parsePeriodeKey,
  periodeKey,
  type Indeling,
  type KleurOp,
  type Metriek,
  type Modus,
  type NetwerkInstellingen,
} from './settings';

const taxOptions = (data: NetwerkData, taxonomie: string): Option[] =>
  Object.entries(data.labels[taxonomie] ?? {}).map(([value, label]) => ({ value, label }));

export function WeergaveInstellingen({
  inst,
  onChange,
  onIndelen,
  indelenBezig,
}: {
  inst: NetwerkInstellingen;
  onChange: (next: NetwerkInstellingen) => void;
  onIndelen: (indeling: Indeling, ringenOp?: Metriek) => void;
  indelenBezig: boolean;
}) {
  const { t } = useTranslation();
  const setFilter = (patch: Partial<NetwerkFilter>) => onChange({ ...inst, filter: { ...inst.filter, ...patch } });
  return (
    <div className="wijkweb-netwerk__groep">
      <RadioGroupField
        id="netwerk-modus"
        legend={t('netwerk.instelling.modus')}
        options={MODI.map((m) => ({ value: m, label: t(`netwerk.instelling.modi.${m}`) }))}
        value={inst.modus}
        onChange={(v) => onChange({ ...inst, modus: v as Modus })}
      />
      <SelectField
        id="netwerk-kleur"
        label={t('netwerk.instelling.kleurOp')}
        options={KLEUR_OP.map((k) => ({ value: k, label: t(kleurOpLabel(k)) }))}
        value={inst.kleurOp}
        onChange={(e) => onChange({ ...inst, kleurOp: e.target.value as KleurOp })}
      />
      <SelectField
        id="netwerk-grootte"
        label={t('netwerk.instelling.grootteOp')}
        options={[
          { value: '', label: t('netwerk.instelling.geenGrootte') },
          ...METRIEKEN.map((m) => ({ value: m, label: t(metriekDescriptor(m).label) })),
        ]}
        value={inst.grootteOp ?? ''}
        onChange={(e) => onChange({ ...inst, grootteOp: (e.target.value || null) as Metriek | null })}
      />
      <SelectField
        id="netwerk-indeling"
        label={t('netwerk.instelling.indeling')}
        description={t('netwerk.instelling.indelingUitleg')}
        options={INDELINGEN.map((i) => ({ value: i, label: t(`netwerk.indeling.${i}`) }))}
        value={inst.indeling}
        onChange={(e) => {
          const indeling = e.target.value as Indeling;
          onChange({ ...inst, indeling });
          onIndelen(indeling);
        }}
      />
      {inst.indeling === 'concentrisch' && (
        <SelectField
          id="netwerk-ringen"
          label={t('netwerk.instelling.ringenOp')}
          options={METRIEKEN.map((m) => ({ value: m, label: t(metriekDescriptor(m).label) }))}
          value={inst.concentrischOp}
          onChange={(e) => {
            const m = e.target.value as Metriek;
            onChange({ ...inst, concentrischOp: m });
            onIndelen('concentrisch', m);
          }}
        />
      )}
      <Button onClick={() => onIndelen(inst.indeling)} disabled={indelenBezig} data-testid="opnieuw-indelen">
        {indelenBezig ? t('netwerk.instelling.indelenBezig') : t('netwerk.instelling.opnieuwIndelen')}
      </Button>
      <CheckboxField
        checked={inst.filter.metVoorzieningen !== false}
        onChange={(v) => setFilter({ metVoorzieningen: v })}
      >
        {t('netwerk.instelling.metVoorzieningen')}
      </CheckboxField>
      <CheckboxField checked={inst.filter.metGebieden === true} onChange={(v) => setFilter({ metGebieden: v })}>
        {t('netwerk.instelling.metGebieden')}
      </CheckboxField>
    </div>
  );
}

export function Filters({
  data,
  inst,
  onChange,
}: {
  data: NetwerkData;
  inst: NetwerkInstellingen;
  onChange: (next: NetwerkInstellingen) => void;
}) {
  const { t, i18n } = useTranslation();
  const filter = inst.filter;
  const setFilter = (patch: Partial<NetwerkFilter>) => onChange({ ...inst, filter: { ...filter, ...patch } });
  const list = (v: string[]) => (v.length ? v : undefined);
  const gebiedOpties = useMemo(() => {
    const used = new Set<string>();
    for (const k of data.knopen) {
      for (const c of [k.buurtCode, k.wijkCode, ...k.werkgebied]) if (c) used.add(c);
    }
    for (const c of [...used]) {
      const w = data.gebieden[c]?.wijk;
      if (w) used.add(w);
    }
    const collator = new Intl.Collator('nl', { numeric: true });
    return [...used]
      .filter((c) => data.gebieden[c])
      .map((c) => {
        const g = data.gebieden[c]!;
        return {
          value: c,
          label: g.niveau === 'wijk' ? t('netwerk.filter.wijkNaam', { naam: g.naam }) : g.naam,
          niveau: g.niveau,
        };
      })
      .sort((a, b) => Number(a.niveau === 'buurt') - Number(b.niveau === 'buurt') || collator.compare(a.label, b.label))
      .map(({ value, label }) => ({ value, label }));
  }, [data, t]);
  const periodeOpties = [
    { value: '', label: t('netwerk.filter.allePerioden') },
    ...data.perioden.map((p) => ({ value: p, label: formatPeriode(p, i18n.language) })),
  ];
  return (
    <div className="wijkweb-netwerk__groep">
      <SelectField
        id="netwerk-periode"
        label={t('netwerk.filter.periode')}
        options={periodeOpties}
        value={periodeKey(filter.periode) ?? ''}
        onChange={(e) => setFilter({ periode: parsePeriodeKey(e.target.value) ?? undefined })}
      />
      <SelectField
        id="netwerk-vergelijk"
        label={t('netwerk.filter.vergelijkMet')}
        description={t('netwerk.filter.vergelijkUitleg')}
        options={[
          { value: '', label: t('netwerk.filter.nietVergelijken') },
          ...data.perioden
            .filter((p) => p !== periodeKey(filter.periode))
            .map((p) => ({ value: p, label: formatPeriode(p, i18n.language) })),
        ]}
        value={inst.vergelijkMet ?? ''}
        disabled={data.perioden.length < 2}
        onChange={(e) => onChange({ ...inst, vergelijkMet: e.target.value || null })}
      />
      <CheckboxGroupField
        id="netwerk-leefgebied"
        legend={t('netwerk.filter.leefgebied')}
        options={taxOptions(data, 'leefgebied')}
        value={filter.leefgebieden ?? []}
        onChange={(v) => setFilter({ leefgebieden: list(v) })}
      />
      <CheckboxGroupField
        id="netwerk-doelgroep"
        legend={t('netwerk.filter.doelgroep')}
        options={taxOptions(data, 'doelgroep')}
        value={filter.doelgroepen ?? []}
        onChange={(v) => setFilter({ doelgroepen: list(v) })}
      />
      <CheckboxGroupField
        id="netwerk-sector"
        legend={t('netwerk.filter.sector')}
        options={taxOptions(data, 'soort_organisatie')}
        value={filter.sectoren ?? []}
        onChange={(v) => setFilter({ sectoren: list(v) })}
      />
      <CheckboxGroupField
        id="netwerk-relatiesoort"
        legend={t('netwerk.filter.relatiesoort')}
        options={taxOptions(data, 'relatietype')}
        value={filter.relatieSoorten ?? []}
        onChange={(v) => setFilter({ relatieSoorten: list(v) })}
      />
      {gebiedOpties.length > 0 && (
        <CheckboxGroupField
          id="netwerk-gebied"
          legend={t('netwerk.filter.gebied')}
          options={gebiedOpties}
          value={filter.gebieden ?? []}
          onChange={(v) => setFilter({ gebieden: list(v) })}
          searchLabel={t('netwerk.filter.zoekGebied')}
          moreLabel={(aantal) => t('netwerk.filter.meer', { aantal })}
        />
      )}
      <CheckboxGroupField
        id="netwerk-status"
        legend={t('netwerk.filter.status')}
        description={t('netwerk.filter.statusUitleg')}
        options={STATUSSEN.map((s) => ({ value: s, label: t(`waarde.${s}`) }))}
        value={filter.statussen ?? []}
        onChange={(v) => setFilter({ statussen: list(v) as NetwerkFilter['statussen'] })}
      />
      <div className="utrecht-form-field">
        <div className="utrecht-form-field__label">
          <label className="utrecht-form-label" htmlFor="netwerk-minvolume">
            {t('netwerk.filter.minVolume')}
          </label>
        </div>
        <div className="utrecht-form-field__description utrecht-form-field-description" id="netwerk-minvolume-desc">
          {t('netwerk.filter.minVolumeUitleg')}
        </div>
        <input
          id="netwerk-minvolume"
          type="number"
          min={0}
          step={1}
          inputMode="numeric"
          className="utrecht-textbox utrecht-textbox--html-input wijkweb-narrow"
          aria-describedby="netwerk-minvolume-desc"
          value={filter.minVolume ?? ''}
          onChange={(e) => {
            const n = Number(e.target.value);
            setFilter({ minVolume: e.target.value !== '' && Number.isFinite(n) && n > 0 ? n : undefined });
          }}
        />
      </div>
    </div>
  );
}

/** Focus (a knoop and its neighbours N steps out) and the shortest path between two knopen. Remount it (key) when
 *  the filter's focus or path changes from elsewhere (a chip, a saved view). */
export function FocusEnPad({
  inst,
  onChange,
  selectie,
  selectieNaam,
  opties,
}: {
  inst: NetwerkInstellingen;
  onChange: (next: NetwerkInstellingen) => void;
  selectie: string | null;
  selectieNaam: string | null;
  opties: readonly KnoopOptie[];
}) {
  const { t } = useTranslation();
  const filter = inst.filter;
  const [stappen, setStappen] = useState(filter.focus?.stappen ?? 1);
  const [van, setVan] = useState<string | null>(filter.pad?.van ?? null);
  const [naar, setNaar] = useState<string | null>(filter.pad?.naar ?? null);
  const setFilter = (patch: Partial<NetwerkFilter>) => onChange({ ...inst, filter: { ...filter, ...patch } });
  return (
    <div className="wijkweb-netwerk__groep">
      <SelectField
        id="netwerk-stappen"
        label={t('netwerk.focus.stappen')}
        options={[1, 2, 3].map((n) => ({ value: String(n), label: t('netwerk.focus.aantalStappen', { count: n }) }))}
        value={String(stappen)}
        onChange={(e) => {
          const n = Number(e.target.value);
          setStappen(n);
          if (filter.focus) setFilter({ focus: { knoop: filter.focus.knoop, stappen: n } });
        }}
      />
      <div className="wijkweb-netwerk__knoppen">
        <Button
          disabled={!selectie}
          data-testid="focus-op-selectie"
          onClick={() => selectie && setFilter({ focus: { knoop: selectie, stappen }, pad: undefined })}
        >
          {selectieNaam ? t('netwerk.focus.opSelectie', { naam: selectieNaam }) : t('netwerk.focus.kiesEerst')}
        </Button>
        {filter.focus && (
          <Button appearance="subtle" onClick={() => setFilter({ focus: undefined })}>
            {t('netwerk.focus.opheffen')}
          </Button>
        )}
      </div>
      <KnoopZoeker
        label={t('netwerk.pad.van')}
        opties={opties}
        gekozen={van}
        geenTreffers={t('netwerk.zoek.geenTreffers')}
        onKies={setVan}
        testId="pad-van"
      />
      <KnoopZoeker
        label={t('netwerk.pad.naar')}
        opties={opties}
        gekozen={naar}
        geenTreffers={t('netwerk.zoek.geenTreffers')}
        onKies={setNaar}
        testId="pad-naar"
      />
      <div className="wijkweb-netwerk__knoppen">
        <Button
          disabled={!van || !naar || van === naar}
          onClick={() => van && naar && setFilter({ pad: { van, naar }, focus: undefined })}
        >
          {t('netwerk.pad.toon')}
        </Button>
        {filter.pad && (
          <Button appearance="subtle" onClick={() => setFilter({ pad: undefined })}>
            {t('netwerk.pad.opheffen')}
          </Button>
        )}
      </div>
    </div>
  );
}
