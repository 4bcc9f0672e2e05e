/**
 * The Pilotmonitor's forms, each in a drawer: the pilot itself, a goal, a tally (afhandeling per month, a
 * satisfaction score or costs) and capacity. Problems are said in words next to the field and in a summary at the
 * top; a save is one undo step (the store), an error from the worker is shown in the drawer.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Doel, GebiedenLijst } from '../../../shared/contract';
import {
  DOEL_MATEN,
  FUNCTIES,
  RICHTINGEN,
  type DoelMaat,
  type Functie,
  type Richting,
} from '../../../shared/model/pilot';
import type { AppError } from '../../../shared/result';
import { Dialog } from '../../components/dialog';
import { ErrorSummary, RadioGroupField, SelectField, TextAreaField, type Option } from '../../components/form';
import { Button, ButtonGroup, TextField } from '../../components/ui';
import { useActions } from '../../state/context';
import { ErrorText } from '../gegevens/ErrorText';
import { WET_MATEN, leesDoel, leesGetal, maandPeriode, veldenVan, type DoelFouten, type DoelVelden } from './logic';

const WETTEN = ['Wmo', 'Jeugdwet'] as const;

/** The gebieden to choose from: buurten, wijken, eigen gebieden (and gemeenten), grouped, newest year. */
export function gebiedOpties(gebieden: GebiedenLijst | null, t: (k: string) => string): Option[] {
  if (!gebieden) return [];
  const coll = new Intl.Collator('nl', { numeric: true, sensitivity: 'base' });
  const uit: Option[] = [];
  const groep = (niveau: 'gemeente' | 'wijk' | 'buurt') =>
    gebieden.gebieden
      .filter((g) => g.niveau === niveau)
      .sort((a, b) => coll.compare(a.naam, b.naam))
      .map((g) => ({ value: g.code, label: `${g.naam} (${g.code})`, group: t(`pilot.pilotForm.groep.${niveau}`) }));
  uit.push(...groep('buurt'), ...groep('wijk'));
  uit.push(
    ...[...gebieden.eigen]
      .sort((a, b) => coll.compare(a.naam, b.naam))
      .map((g) => ({ value: g.code, label: g.naam, group: t('pilot.pilotForm.groep.eigen') })),
  );
  uit.push(...groep('gemeente'));
  return uit;
}

/** A select with <optgroup>s (SelectField draws flat lists). */
function GebiedSelect({
  id,
  label,
  value,
  onChange,
  options,
  leeg,
  error,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: readonly Option[];
  leeg: string;
  error?: string | null;
}) {
  const groepen = [...new Set(options.map((o) => o.group ?? ''))];
  return (
    <div className={`utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      {error && (
        <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={`${id}-err`}>
          {error}
        </div>
      )}
      <div className="utrecht-form-field__input">
        <select
          id={id}
          className="utrecht-select utrecht-select--html-select"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-err` : undefined}
        >
          <option value="">{leeg}</option>
          {groepen.map((g) => (
            <optgroup key={g} label={g}>
              {options
                .filter((o) => (o.group ?? '') === g)
                .map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </div>
    </div>
  );
}

/** A drawer with a form: the summary of problems, the fields, an error from the worker, Save and Cancel. */
function FormDrawer({
  titel,
  testId,
  opslaanLabel,
  fouten,
  veldId,
  serverFout,
  onOpslaan,
  onClose,
  children,
}: {
  titel: string;
  testId: string;
  opslaanLabel: string;
  fouten: readonly { veld: string; tekst: string }[];
  veldId: (veld: string) => string;
  serverFout: AppError | null;
  onOpslaan: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Dialog title={titel} onClose={onClose} variant="drawer" closeLabel={t('pilot.sluiten')} testId={testId}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onOpslaan();
        }}
      >
        <ErrorSummary
          id={`${testId}-fouten`}
          title={t('pilot.foutTitel')}
          items={fouten.map((f) => ({ target: veldId(f.veld), message: f.tekst }))}
        />
        {children}
        <ErrorText error={serverFout} />
        <ButtonGroup>
          <Button type="submit" appearance="primary">
            {opslaanLabel}
          </Button>
          <Button onClick={onClose}>{t('pilot.annuleren')}</Button>
        </ButtonGroup>
      </form>
    </Dialog>
  );
}

/** Runs a save; on success closes, on an error keeps the drawer open with the message. */
function useOpslaan(onClose: () => void) {
  const [fout, setFout] = useState<AppError | null>(null);
  const [bezig, setBezig] = useState(false);
  const run = async (save: () => Promise<{ ok: true } | { ok: false; error: AppError }>) => {
    if (bezig) return;
    setBezig(true);
    const r = await save();
    setBezig(false);
    if (r.ok) onClose();
    else setFout(r.error);
  };
  return { fout, run };
}

// ---------------------------------------------------------------- pilot

export function PilotForm({
  pilot,
  gebieden,
  onClose,
}: {
  pilot: { naam: string; gebied: string | null; start: string | null; eind: string | null };
  gebieden: GebiedenLijst | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const actions = useActions();
  const [v, setV] = useState({
    naam: pilot.naam,
    gebied: pilot.gebied ?? '',
    start: pilot.start ?? '',
    eind: pilot.eind ?? '',
  });
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const { fout, run } = useOpslaan(onClose);
  const id = (veld: string) => `pilot-${veld}`;
  const opslaan = () => {
    const f: Record<string, string> = {};
    if (!v.naam.trim()) f.naam = 'pilotNaam';
    if (v.start && v.eind && v.eind < v.start) f.eind = 'eindVoorStart';
    setFouten(f);
    if (Object.keys(f).length) return;
    void run(() =>
      actions.savePilot({
        naam: v.naam.trim(),
        gebied: v.gebied || null,
        start: v.start || null,
        eind: v.eind || null,
      }),
    );
  };
  const err = (veld: string) => (fouten[veld] ? t(`pilot.fout.${fouten[veld]}`) : null);
  return (
    <FormDrawer
      titel={t('pilot.pilotForm.titel')}
      testId="pilot-form"
      opslaanLabel={t('pilot.pilotForm.opslaan')}
      fouten={Object.keys(fouten).map((k) => ({ veld: k, tekst: err(k)! }))}
      veldId={id}
      serverFout={fout}
      onOpslaan={opslaan}
      onClose={onClose}
    >
      <TextField
        id={id('naam')}
        label={t('pilot.pilotForm.naam')}
        value={v.naam}
        onChange={(e) => setV({ ...v, naam: e.target.value })}
        error={err('naam')}
        autoComplete="off"
      />
      <GebiedSelect
        id={id('gebied')}
        label={t('pilot.pilotForm.gebied')}
        value={v.gebied}
        onChange={(g) => setV({ ...v, gebied: g })}
        options={gebiedOpties(gebieden, t)}
        leeg={t('pilot.pilotForm.geenGebied')}
      />
      <div className="wijkweb-form-row">
        <TextField
          id={id('start')}
          type="date"
          label={t('pilot.pilotForm.start')}
          value={v.start}
          onChange={(e) => setV({ ...v, start: e.target.value })}
        />
        <TextField
          id={id('eind')}
          type="date"
          label={t('pilot.pilotForm.eind')}
          value={v.eind}
          onChange={(e) => setV({ ...v, eind: e.target.value })}
          error={err('eind')}
        />
      </div>
    </FormDrawer>
  );
}

// ---------------------------------------------------------------- goal

export function DoelForm({
  doel,
  standaardGebied,
  gebieden,
  onClose,
}: {
  doel: Doel | null;
  standaardGebied: string | null;
  gebieden: GebiedenLijst | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const actions = useActions();
  const [v, setV] = useState<DoelVelden>(() => veldenVan(doel, standaardGebied));
  const [fouten, setFouten] = useState<DoelFouten>({});
  const { fout, run } = useOpslaan(onClose);
  const id = (veld: string) => `doel-${veld}`;
  const put = <K extends keyof DoelVelden>(k: K, waarde: DoelVelden[K]) => setV((x) => ({ ...x, [k]: waarde }));
  const err = (veld: keyof DoelVelden) => (fouten[veld] ? t(`pilot.fout.${fouten[veld]}`) : null);
  const opslaan = () => {
    const { invoer, fouten: f } = leesDoel(v);
    setFouten(f);
    if (!invoer) return;
    void run(() => actions.saveDoel(doel?.id ?? null, { ...invoer, ...(doel ? { volgorde: doel.volgorde } : {}) }));
  };
  const tekst = (veld: keyof DoelVelden, label: string, extra: Record<string, unknown> = {}) => ({
    id: id(veld),
    label,
    value: v[veld] as string,
    onChange: (e: { target: { value: string } }) => put(veld, e.target.value as never),
    error: err(veld),
    ...extra,
  });
  return (
    <FormDrawer
      titel={doel ? t('pilot.doelForm.titelWijzigen') : t('pilot.doelForm.titelNieuw')}
      testId="doel-form"
      opslaanLabel={t('pilot.doelForm.opslaan')}
      fouten={(Object.keys(fouten) as (keyof DoelVelden)[]).map((k) => ({ veld: k, tekst: err(k)! }))}
      veldId={id}
      serverFout={fout}
      onOpslaan={opslaan}
      onClose={onClose}
    >
      <TextField {...tekst('naam', t('pilot.doelForm.naam'))} autoComplete="off" />
      <div className="wijkweb-form-row">
        <SelectField
          id={id('maat')}
          label={t('pilot.doelForm.maat')}
          value={v.maat}
          onChange={(e) => put('maat', e.target.value as DoelMaat)}
          options={DOEL_MATEN.map((m) => ({ value: m, label: t(`pilot.maat.${m}`) }))}
        />
        {WET_MATEN.includes(v.maat) && (
          <SelectField
            id={id('wet')}
            label={t('pilot.doelForm.wet')}
            value={v.wet}
            onChange={(e) => put('wet', e.target.value)}
            options={[
              { value: '', label: t('pilot.doelForm.alleWetten') },
              ...WETTEN.map((w) => ({ value: w, label: w })),
            ]}
          />
        )}
      </div>
      <GebiedSelect
        id={id('gebied')}
        label={t('pilot.doelForm.gebied')}
        value={v.gebied}
        onChange={(g) => put('gebied', g)}
        options={gebiedOpties(gebieden, t)}
        leeg={t('pilot.doelForm.heelProject')}
      />
      <SelectField
        id={id('richting')}
        label={t('pilot.doelForm.richting')}
        value={v.richting}
        onChange={(e) => put('richting', e.target.value as Richting)}
        options={RICHTINGEN.map((r) => ({ value: r, label: t(`pilot.richting.${r}`) }))}
      />
      <RadioGroupField
        id={id('basisSoort')}
        legend={t('pilot.doelForm.nulmeting')}
        value={v.basisSoort}
        onChange={(s) => put('basisSoort', s as DoelVelden['basisSoort'])}
        options={[
          { value: 'periode', label: t('pilot.doelForm.basisPeriode') },
          { value: 'waarde', label: t('pilot.doelForm.basisWaarde') },
        ]}
      />
      {v.basisSoort === 'periode' ? (
        <div className="wijkweb-form-row">
          <TextField {...tekst('basisVan', t('pilot.doelForm.basisVan'), { type: 'date' })} />
          <TextField
            {...tekst('basisTot', t('pilot.doelForm.basisTot'), {
              type: 'date',
              description: t('pilot.doelForm.basisTotUitleg'),
            })}
          />
        </div>
      ) : (
        <div className="wijkweb-form-row">
          <TextField {...tekst('basisWaarde', t('pilot.doelForm.basisWaardeVeld'), { inputMode: 'decimal' })} />
          <TextField {...tekst('basisTot', t('pilot.doelForm.basisMoment'), { type: 'date' })} />
        </div>
      )}
      <div className="wijkweb-form-row">
        <TextField
          {...tekst('doelWaarde', t('pilot.doelForm.doelWaarde'), {
            inputMode: 'decimal',
            description: t('pilot.doelForm.doelWaardeUitleg'),
          })}
        />
        <TextField {...tekst('deadline', t('pilot.doelForm.deadline'), { type: 'date' })} />
      </div>
      <div className="wijkweb-form-row">
        <TextField
          {...tekst('marge', t('pilot.doelForm.marge'), {
            inputMode: 'decimal',
            description: t('pilot.doelForm.margeUitleg'),
          })}
        />
        <TextField {...tekst('criterium', t('pilot.doelForm.criterium'), { inputMode: 'numeric' })} />
      </div>
      <TextAreaField
        id={id('toelichting')}
        label={t('pilot.doelForm.toelichting')}
        value={v.toelichting}
        onChange={(e) => put('toelichting', e.target.value)}
      />
    </FormDrawer>
  );
}

// ---------------------------------------------------------------- tally

type TellingSoort = 'afhandeling' | 'tevredenheid' | 'kosten';

export function TellingForm({
  standaardGebied,
  gebieden,
  categorieen,
  onClose,
}: {
  standaardGebied: string | null;
  gebieden: GebiedenLijst | null;
  categorieen: readonly { readonly code: string; readonly label: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const actions = useActions();
  const [soort, setSoort] = useState<TellingSoort>('afhandeling');
  const [gebied, setGebied] = useState(standaardGebied ?? '');
  const [maand, setMaand] = useState('');
  const [aantallen, setAantallen] = useState<Record<string, string>>({});
  const [peildatum, setPeildatum] = useState('');
  const [score, setScore] = useState('');
  const [van, setVan] = useState('');
  const [tot, setTot] = useState('');
  const [wet, setWet] = useState<string>('Wmo');
  const [bedrag, setBedrag] = useState('');
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const { fout, run } = useOpslaan(onClose);
  const id = (veld: string) => `telling-${veld}`;
  const err = (veld: string) => (fouten[veld] ? t(`pilot.fout.${fouten[veld]}`) : null);

  const opslaan = () => {
    const f: Record<string, string> = {};
    if (!gebied) f.gebied = 'gebied';
    if (soort === 'afhandeling') {
      const periode = maandPeriode(maand);
      if (!periode) f.maand = 'maand';
      const waarden: { categorie: string; waarde: number }[] = [];
      for (const c of categorieen) {
        const s = aantallen[c.code] ?? '';
        if (!s.trim()) continue;
        const n = leesGetal(s);
        if (n === null || n < 0 || !Number.isInteger(n)) f[`aantal-${c.code}`] = 'aantal';
        else waarden.push({ categorie: c.code, waarde: n });
      }
      if (waarden.length === 0 && !Object.keys(f).some((k) => k.startsWith('aantal-')))
        f[`aantal-${categorieen[0]?.code ?? ''}`] = 'geenAantal';
      setFouten(f);
      if (Object.keys(f).length || !periode) return;
      void run(() =>
        actions.saveTelling({
          gebied,
          maat: 'afhandeling',
          peildatum: null,
          periodeStart: periode[0],
          periodeEind: periode[1],
          waarden,
        }),
      );
    } else if (soort === 'tevredenheid') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(peildatum)) f.peildatum = 'datum';
      const n = leesGetal(score);
      if (n === null || n < 1 || n > 10) f.score = 'score';
      setFouten(f);
      if (Object.keys(f).length) return;
      void run(() =>
        actions.saveTelling({
          gebied,
          maat: 'tevredenheid',
          peildatum,
          periodeStart: null,
          periodeEind: null,
          waarden: [{ categorie: null, waarde: n! }],
        }),
      );
    } else {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(van)) f.van = 'datum';
      if (!/^\d{4}-\d{2}-\d{2}$/.test(tot)) f.tot = 'datum';
      if (!f.van && !f.tot && van > tot) f.van = 'volgorde';
      const n = leesGetal(bedrag);
      if (n === null) f.bedrag = 'bedrag';
      setFouten(f);
      if (Object.keys(f).length) return;
      void run(() =>
        actions.saveTelling({
          gebied,
          maat: 'kosten',
          peildatum: null,
          periodeStart: van,
          periodeEind: tot,
          waarden: [{ categorie: null, wet, waarde: n! }],
        }),
      );
    }
  };

  return (
    <FormDrawer
      titel={t('pilot.telling.titel')}
      testId="telling-form"
      opslaanLabel={t('pilot.telling.opslaan')}
      fouten={Object.keys(fouten).map((k) => ({ veld: k, tekst: err(k)! }))}
      veldId={id}
      serverFout={fout}
      onOpslaan={opslaan}
      onClose={onClose}
    >
      <RadioGroupField
        id={id('soort')}
        legend={t('pilot.telling.soort')}
        value={soort}
        onChange={(s) => {
          setFouten({});
          setSoort(s as TellingSoort);
        }}
        options={[
          { value: 'afhandeling', label: t('pilot.telling.soortAfhandeling') },
          { value: 'tevredenheid', label: t('pilot.telling.soortTevredenheid') },
          { value: 'kosten', label: t('pilot.telling.soortKosten') },
        ]}
      />
      <GebiedSelect
        id={id('gebied')}
        label={t('pilot.telling.gebied')}
        value={gebied}
        onChange={setGebied}
        options={gebiedOpties(gebieden, t)}
        leeg={t('pilot.pilotForm.geenGebied')}
        error={err('gebied')}
      />
      {soort === 'afhandeling' && (
        <>
          <TextField
            id={id('maand')}
            type="month"
            label={t('pilot.telling.maand')}
            description={t('pilot.telling.maandUitleg')}
            value={maand}
            onChange={(e) => setMaand(e.target.value)}
            error={err('maand')}
          />
          {categorieen.map((c) => (
            <TextField
              key={c.code}
              id={id(`aantal-${c.code}`)}
              inputMode="numeric"
              label={t('pilot.telling.aantal', { categorie: c.label })}
              value={aantallen[c.code] ?? ''}
              onChange={(e) => setAantallen((a) => ({ ...a, [c.code]: e.target.value }))}
              error={err(`aantal-${c.code}`)}
            />
          ))}
        </>
      )}
      {soort === 'tevredenheid' && (
        <div className="wijkweb-form-row">
          <TextField
            id={id('peildatum')}
            type="date"
            label={t('pilot.telling.peildatum')}
            value={peildatum}
            onChange={(e) => setPeildatum(e.target.value)}
            error={err('peildatum')}
          />
          <TextField
            id={id('score')}
            inputMode="decimal"
            label={t('pilot.telling.score')}
            value={score}
            onChange={(e) => setScore(e.target.value)}
            error={err('score')}
          />
        </div>
      )}
      {soort === 'kosten' && (
        <>
          <div className="wijkweb-form-row">
            <TextField
              id={id('van')}
              type="date"
              label={t('pilot.telling.van')}
              value={van}
              onChange={(e) => setVan(e.target.value)}
              error={err('van')}
            />
            <TextField
              id={id('tot')}
              type="date"
              label={t('pilot.telling.tot')}
              value={tot}
              onChange={(e) => setTot(e.target.value)}
              error={err('tot')}
            />
          </div>
          <div className="wijkweb-form-row">
            <SelectField
              id={id('wet')}
              label={t('pilot.telling.wet')}
              value={wet}
              onChange={(e) => setWet(e.target.value)}
              options={WETTEN.map((w) => ({ value: w, label: w }))}
            />
            <TextField
              id={id('bedrag')}
              inputMode="decimal"
              label={t('pilot.telling.bedrag')}
              value={bedrag}
              onChange={(e) => setBedrag(e.target.value)}
              error={err('bedrag')}
            />
          </div>
        </>
      )}
    </FormDrawer>
  );
}

// ---------------------------------------------------------------- capacity

export function CapaciteitForm({
  standaardGebied,
  gebieden,
  onClose,
}: {
  standaardGebied: string | null;
  gebieden: GebiedenLijst | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const actions = useActions();
  const [gebied, setGebied] = useState(standaardGebied ?? '');
  const [peildatum, setPeildatum] = useState('');
  const [fte, setFte] = useState<Record<string, string>>({});
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const { fout, run } = useOpslaan(onClose);
  const id = (veld: string) => `capaciteit-${veld}`;
  const err = (veld: string) => (fouten[veld] ? t(`pilot.fout.${fouten[veld]}`) : null);
  const opslaan = () => {
    const f: Record<string, string> = {};
    if (!gebied) f.gebied = 'gebied';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(peildatum)) f.peildatum = 'datum';
    const regels: { gebied: string; peildatum: string; functie: Functie; fte: number }[] = [];
    for (const functie of FUNCTIES) {
      const s = fte[functie] ?? '';
      if (!s.trim()) continue;
      const n = leesGetal(s);
      if (n === null || n < 0) f[functie] = 'fte';
      else regels.push({ gebied, peildatum, functie, fte: n });
    }
    if (regels.length === 0 && !FUNCTIES.some((x) => f[x])) f.wijkteam = 'geenFte';
    setFouten(f);
    if (Object.keys(f).length) return;
    void run(() => actions.saveCapaciteit(regels));
  };
  return (
    <FormDrawer
      titel={t('pilot.capaciteit.titelForm')}
      testId="capaciteit-form"
      opslaanLabel={t('pilot.capaciteit.opslaan')}
      fouten={Object.keys(fouten).map((k) => ({ veld: k, tekst: err(k)! }))}
      veldId={id}
      serverFout={fout}
      onOpslaan={opslaan}
      onClose={onClose}
    >
      <GebiedSelect
        id={id('gebied')}
        label={t('pilot.telling.gebied')}
        value={gebied}
        onChange={setGebied}
        options={gebiedOpties(gebieden, t)}
        leeg={t('pilot.pilotForm.geenGebied')}
        error={err('gebied')}
      />
      <TextField
        id={id('peildatum')}
        type="date"
        label={t('pilot.capaciteit.peildatum')}
        value={peildatum}
        onChange={(e) => setPeildatum(e.target.value)}
        error={err('peildatum')}
      />
      {FUNCTIES.map((functie) => (
        <TextField
          key={functie}
          id={id(functie)}
          inputMode="decimal"
          label={t('pilot.capaciteit.fte', { functie: t(`pilot.functie.${functie}`) })}
          value={fte[functie] ?? ''}
          onChange={(e) => setFte((x) => ({ ...x, [functie]: e.target.value }))}
          error={err(functie)}
        />
      ))}
    </FormDrawer>
  );
}
