import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GebiedProfiel, GebiedRow } from '../../../shared/contract';
import {
  Button,
  ButtonGroup,
  Heading,
  Paragraph,
  Table,
  TextField,
  td,
  tdNum,
  th,
  thNum,
  tr,
} from '../../components/ui';
import { useActions, useApp } from '../../state/context';
import { useWorkerQuery } from '../../state/useWorkerQuery';
import { formatDate, formatNumber } from '../../format';

/** The gebieden of one year as a tree (gemeente → wijk → buurt), and the profile of the chosen one. */
export function GebiedenPage() {
  const { t } = useTranslation();
  const actions = useActions();
  const revision = useApp((s) => s.project?.overview.gewijzigd);
  const readOnly = useApp((s) => s.project?.readOnly ?? true);
  const [jaar, setJaar] = useState<number | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [zoek, setZoek] = useState('');
  const [maken, setMaken] = useState(false);
  const [reload, setReload] = useState(0);

  // Fetched again when the project was changed (`gewijzigd`), after making an eigen gebied, and for another year.
  const lijst = useWorkerQuery(() => actions.getGebieden(jaar ?? undefined), [actions, jaar, revision, reload], {
    opnieuwNaWijziging: false,
    bijAntwoord: (r) => {
      setJaar(r.jaar);
      const gm = r.gebieden.filter((g) => g.niveau === 'gemeente');
      if (gm.length === 1) setOpen((o) => new Set([...o, gm[0]!.code]));
    },
  }).data;
  const jaren = lijst?.jaren ?? GEEN;
  const gebieden = lijst?.gebieden ?? GEEN;
  const eigen = lijst?.eigen ?? GEEN;

  const children = useMemo(() => {
    const map = new Map<string | null, GebiedRow[]>();
    for (const g of gebieden) {
      const key = g.niveau === 'gemeente' || g.niveau === 'land' ? null : g.ouderCode;
      if (g.niveau === 'land') continue;
      map.set(key, [...(map.get(key) ?? []), g]);
    }
    return map;
  }, [gebieden]);

  if (jaren.length === 0) {
    return (
      <div className="wijkweb-page">
        <Heading level={1}>{t('gebieden.titel')}</Heading>
        <Paragraph>{t('gebieden.leeg')}</Paragraph>
      </div>
    );
  }

  const toggle = (code: string) =>
    setOpen((o) => {
      const next = new Set(o);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });

  const matches = zoek.trim()
    ? gebieden.filter((g) => `${g.code} ${g.naam}`.toLowerCase().includes(zoek.trim().toLowerCase())).slice(0, 50)
    : null;

  const renderNode = (g: GebiedRow) => {
    const kids = children.get(g.code) ?? [];
    const expanded = open.has(g.code);
    return (
      <li
        key={g.code}
        role="treeitem"
        aria-expanded={kids.length ? expanded : undefined}
        aria-selected={selected === g.code}
      >
        <div className="wijkweb-tree__row">
          {kids.length > 0 ? (
            <button
              className="wijkweb-tree__toggle"
              aria-label={t(expanded ? 'gebieden.dichtklappen' : 'gebieden.openklappen', { naam: g.naam })}
              onClick={() => toggle(g.code)}
            >
              {expanded ? '▾' : '▸'}
            </button>
          ) : (
            <span className="wijkweb-tree__spacer" />
          )}
          <button
            className={selected === g.code ? 'wijkweb-tree__item wijkweb-tree__item--selected' : 'wijkweb-tree__item'}
            onClick={() => setSelected(g.code)}
          >
            {g.naam === g.code ? g.code : g.naam} <span className="wijkweb-hint">{g.code}</span>
          </button>
        </div>
        {expanded && kids.length > 0 && <ul role="group">{kids.map(renderNode)}</ul>}
      </li>
    );
  };

  return (
    <div className="wijkweb-split">
      <div className="wijkweb-split__list">
        <Heading level={1}>{t('gebieden.titel')}</Heading>
        <div className="wijkweb-inline-form">
          <label className="utrecht-form-label" htmlFor="gebieden-jaar">
            {t('gebieden.jaar')}
          </label>
          <select
            id="gebieden-jaar"
            className="utrecht-select utrecht-select--html-select"
            value={jaar ?? ''}
            onChange={(e) => {
              setSelected(null);
              setJaar(Number(e.target.value));
            }}
          >
            {jaren.map((j) => (
              <option key={j} value={j}>
                {j}
              </option>
            ))}
          </select>
        </div>
        <label className="utrecht-form-label" htmlFor="gebieden-zoek">
          {t('gebieden.zoek')}
        </label>
        <input
          id="gebieden-zoek"
          className="utrecht-textbox utrecht-textbox--html-input"
          value={zoek}
          onChange={(e) => setZoek(e.target.value)}
        />
        {matches ? (
          <ul className="wijkweb-plain-list wijkweb-tree" aria-label={t('gebieden.zoekresultaten')}>
            {matches.map((g) => (
              <li key={g.code}>
                <button className="wijkweb-tree__item" onClick={() => setSelected(g.code)}>
                  {g.naam} <span className="wijkweb-hint">{g.code}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <ul className="wijkweb-tree" role="tree" aria-label={t('gebieden.boom', { jaar })}>
            {(children.get(null) ?? []).map(renderNode)}
          </ul>
        )}
        <Heading level={2}>{t('gebieden.eigenTitel')}</Heading>
        {eigen.length === 0 ? (
          <Paragraph className="wijkweb-hint">{t('gebieden.eigenUitleg')}</Paragraph>
        ) : (
          <ul className="wijkweb-plain-list wijkweb-tree" aria-label={t('gebieden.eigenTitel')}>
            {eigen.map((g) => (
              <li key={g.code}>
                <button
                  className={
                    selected === g.code ? 'wijkweb-tree__item wijkweb-tree__item--selected' : 'wijkweb-tree__item'
                  }
                  onClick={() => setSelected(g.code)}
                >
                  {g.naam} <span className="wijkweb-hint">{t('gebieden.aantalLeden', { aantal: g.leden.length })}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {!readOnly && !maken && <Button onClick={() => setMaken(true)}>{t('gebieden.eigenMaken')}</Button>}
      </div>
      <div className="wijkweb-split__detail">
        {maken && jaar !== null ? (
          <EigenGebiedForm
            jaar={jaar}
            gebieden={gebieden}
            onDone={(code) => {
              setMaken(false);
              if (code) {
                setReload((n) => n + 1);
                setSelected(code);
              }
            }}
          />
        ) : selected && jaar !== null ? (
          <Profiel code={selected} jaar={jaar} />
        ) : (
          <Paragraph>{t('gebieden.kies')}</Paragraph>
        )}
      </div>
    </div>
  );
}

function EigenGebiedForm({
  jaar,
  gebieden,
  onDone,
}: {
  jaar: number;
  gebieden: readonly GebiedRow[];
  onDone: (code: string | null) => void;
}) {
  const { t } = useTranslation();
  const actions = useActions();
  const [naam, setNaam] = useState('');
  const [zoek, setZoek] = useState('');
  const [leden, setLeden] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const kandidaten = gebieden.filter((g) => g.niveau === 'buurt' || g.niveau === 'wijk');
  const shown = kandidaten
    .filter((g) => `${g.code} ${g.naam}`.toLowerCase().includes(zoek.trim().toLowerCase()))
    .slice(0, 300);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const r = await actions.createEigenGebied(naam, [...leden], jaar);
    if (!r.ok) setError(t(`fout.${r.error.code}`, r.error.params));
    else onDone(r.value.code);
  };
  return (
    <form className="wijkweb-card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="eigen-titel">
      <Heading level={2} id="eigen-titel">
        {t('gebieden.eigenMaken')}
      </Heading>
      <Paragraph>{t('gebieden.eigenFormUitleg', { jaar })}</Paragraph>
      <TextField
        label={t('gebieden.eigenNaam')}
        value={naam}
        error={error}
        maxLength={120}
        onChange={(e) => {
          setNaam(e.target.value);
          setError(null);
        }}
      />
      <label className="utrecht-form-label" htmlFor="eigen-zoek">
        {t('gebieden.zoek')}
      </label>
      <input
        id="eigen-zoek"
        className="utrecht-textbox utrecht-textbox--html-input"
        value={zoek}
        onChange={(e) => setZoek(e.target.value)}
      />
      <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          {t('gebieden.eigenLeden', { aantal: leden.size })}
        </legend>
        <ul className="wijkweb-plain-list wijkweb-checklist">
          {shown.map((g) => (
            <li key={g.code}>
              <label className="wijkweb-radio">
                <input
                  type="checkbox"
                  checked={leden.has(g.code)}
                  onChange={(e) =>
                    setLeden((prev) => {
                      const next = new Set(prev);
                      if (e.target.checked) next.add(g.code);
                      else next.delete(g.code);
                      return next;
                    })
                  }
                />
                {g.naam} <span className="wijkweb-hint">{g.code}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <ButtonGroup>
        <Button appearance="primary" type="submit">
          {t('gebieden.eigenOpslaan')}
        </Button>
        <Button onClick={() => onDone(null)}>{t('nieuwProject.annuleren')}</Button>
      </ButtonGroup>
    </form>
  );
}

function Profiel({ code, jaar }: { code: string; jaar: number }) {
  const { t, i18n } = useTranslation();
  const actions = useActions();
  const profiel = useWorkerQuery(() => actions.getGebiedProfiel(code, jaar), [actions, code, jaar], {
    opnieuwNaWijziging: false,
  }).data;
  const lang = i18n.language;
  if (!profiel) return null;
  const show = (v: number | null, status?: string) =>
    status === 'geheim' ? 'x' : v === null ? '.' : formatNumber(Math.round(v * 10) / 10, lang);
  const rows = (list: GebiedProfiel['rijen'], caption: string, testid: string) => (
    <Table caption={caption}>
      <thead className="utrecht-table__header">
        <tr className={tr}>
          <th scope="col" className={th}>
            {t('gebieden.indicator')}
          </th>
          <th scope="col" className={thNum}>
            {profiel.gebied.naam}
          </th>
          <th scope="col" className={thNum}>
            {profiel.gemeente ? profiel.gemeente.naam : t('gebieden.gemeente')}
          </th>
          <th scope="col" className={thNum}>
            {profiel.vorigJaar ?? t('gebieden.vorigJaar')}
          </th>
          <th scope="col" className={th}>
            {t('gebieden.bron')}
          </th>
        </tr>
      </thead>
      <tbody className="utrecht-table__body" data-testid={testid}>
        {list.map((r) => (
          <tr key={r.sleutel} className={tr} data-sleutel={r.sleutel}>
            <th scope="row" className={th} title={r.definitie}>
              {r.label}{' '}
              {r.eenheid && r.eenheid !== 'aantal' && !r.label.startsWith('%') ? (
                <span className="wijkweb-hint">({r.eenheid})</span>
              ) : null}
            </th>
            <td className={tdNum}>{show(r.waarde, r.status)}</td>
            <td className={tdNum}>{show(r.gemeente)}</td>
            <td className={tdNum}>{r.vorigJaar ? show(r.vorigJaar.waarde) : '—'}</td>
            <td className={td}>
              {r.bron.bestandsnaam} · {formatDate(r.bron.geimporteerdOp, lang)}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
  const kern = profiel.rijen.filter((r) => r.canoniek);
  const overig = profiel.rijen.filter((r) => !r.canoniek);
  return (
    <section aria-labelledby="profiel-titel" data-testid="gebied-profiel">
      <Heading level={2} id="profiel-titel">
        {profiel.gebied.naam}
      </Heading>
      <Paragraph className="wijkweb-meta">
        {t(`gebieden.niveau.${profiel.gebied.niveau}`)} ·{' '}
        {profiel.gebied.niveau === 'eigen'
          ? t('gebieden.eigenSom', { jaar })
          : `${profiel.gebied.code} · ${t('gebieden.indeling', { jaar })}`}
        {profiel.nieuwInIndeling && profiel.vorigJaar
          ? ` · ${t('gebieden.nieuwInIndeling', { jaar: profiel.vorigJaar })}`
          : ''}
      </Paragraph>
      {profiel.afgeleid.length > 0 && rows(profiel.afgeleid, t('gebieden.aandelen'), 'profiel-aandelen')}
      {kern.length > 0 && rows(kern, t('gebieden.kerncijfers'), 'profiel-kerncijfers')}
      {overig.length > 0 && (
        <details className="wijkweb-details">
          <summary>{t('gebieden.overig', { aantal: overig.length })}</summary>
          {rows(overig, t('gebieden.overigTabel'), 'profiel-overig')}
        </details>
      )}
      <Paragraph className="wijkweb-hint">{t('gebieden.tekens')}</Paragraph>
    </section>
  );
}

const GEEN: readonly never[] = [];
