import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MetingenOverzicht } from '../../../shared/contract';
import { Heading, Paragraph, Table, td, tdNum, th, thNum, tr } from '../../components/ui';
import { useActions, useApp } from '../../state/context';
import { useWorkerQuery } from '../../state/useWorkerQuery';
import { formatDate, formatNumber } from '../../format';

function period(
  r: { peildatum: string | null; periodeStart: string | null; periodeEind: string | null },
  lang: string,
) {
  if (r.peildatum) return formatDate(r.peildatum, lang);
  if (r.periodeStart && r.periodeEind)
    return `${formatDate(r.periodeStart, lang)} – ${formatDate(r.periodeEind, lang)}`;
  return '—';
}

/** A small line of totals over time; an open dot where a total includes suppressed counts. */
function Trend({
  punten,
  label,
}: {
  punten: readonly { wanneer: string; totaal: number; onvolledig: boolean }[];
  label: string;
}) {
  if (punten.length < 2) return null;
  const w = 160;
  const h = 40;
  const max = punten.reduce((m, p) => Math.max(m, p.totaal), 1);
  const x = (i: number) => 6 + (i * (w - 12)) / (punten.length - 1);
  const y = (v: number) => h - 6 - (v / max) * (h - 12);
  return (
    <svg width={w} height={h} role="img" aria-label={label} className="wijkweb-trend">
      <polyline
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        points={punten.map((p, i) => `${x(i)},${y(p.totaal)}`).join(' ')}
      />
      {punten.map((p, i) => (
        <circle
          key={p.wanneer}
          cx={x(i)}
          cy={y(p.totaal)}
          r="3"
          fill={p.onvolledig ? 'white' : 'currentColor'}
          stroke="currentColor"
        />
      ))}
    </svg>
  );
}

export function MetingenPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const actions = useActions();
  const revision = useApp((s) => s.project?.overview.gewijzigd);
  const [gebied, setGebied] = useState('');
  const [maat, setMaat] = useState('');
  const { data } = useWorkerQuery<MetingenOverzicht>(
    () => actions.getMetingen({ ...(gebied ? { gebiedCode: gebied } : {}), ...(maat ? { maat } : {}) }),
    [actions, gebied, maat, revision],
    { opnieuwNaWijziging: false },
  );

  if (!data) return null;
  if (data.gebieden.length === 0) {
    return (
      <div className="wijkweb-page">
        <Heading level={1}>{t('metingen.titel')}</Heading>
        <Paragraph>{t('metingen.leeg')}</Paragraph>
      </div>
    );
  }
  const maatLabel = (m: string) => t(`maat.${m}`, { defaultValue: m });
  return (
    <div className="wijkweb-page wijkweb-page--wide">
      <Heading level={1}>{t('metingen.titel')}</Heading>
      <div className="wijkweb-inline-form">
        <label className="utrecht-form-label" htmlFor="metingen-gebied">
          {t('metingen.gebied')}
        </label>
        <select
          id="metingen-gebied"
          className="utrecht-select utrecht-select--html-select"
          value={gebied}
          onChange={(e) => setGebied(e.target.value)}
        >
          <option value="">{t('metingen.alle')}</option>
          {data.gebieden.map((g) => (
            <option key={g.code} value={g.code}>
              {g.naam}
            </option>
          ))}
        </select>
        <label className="utrecht-form-label" htmlFor="metingen-maat">
          {t('metingen.maat')}
        </label>
        <select
          id="metingen-maat"
          className="utrecht-select utrecht-select--html-select"
          value={maat}
          onChange={(e) => setMaat(e.target.value)}
        >
          <option value="">{t('metingen.alle')}</option>
          {data.maten.map((m) => (
            <option key={m} value={m}>
              {maatLabel(m)}
            </option>
          ))}
        </select>
      </div>
      {data.trends.some((tr0) => tr0.punten.length > 1) && (
        <section aria-labelledby="trend-titel">
          <Heading level={2} id="trend-titel">
            {t('metingen.trend')}
          </Heading>
          <ul className="wijkweb-plain-list wijkweb-trends">
            {data.trends
              .filter((tr0) => tr0.punten.length > 1)
              .map((tr0) => {
                const naam = data.gebieden.find((g) => g.code === tr0.gebiedCode)?.naam ?? tr0.gebiedCode;
                const label = t('metingen.trendLabel', {
                  maat: maatLabel(tr0.maat),
                  gebied: naam,
                  reeks: tr0.punten.map((p) => `${p.totaal}${p.onvolledig ? '+' : ''}`).join(', '),
                });
                return (
                  <li key={`${tr0.maat}-${tr0.gebiedCode}`}>
                    <Trend punten={tr0.punten} label={label} />
                    <span>{label}</span>
                  </li>
                );
              })}
          </ul>
        </section>
      )}
      <Table caption={t('metingen.tabel')}>
        <thead className="utrecht-table__header">
          <tr className={tr}>
            <th scope="col" className={th}>
              {t('metingen.gebied')}
            </th>
            <th scope="col" className={th}>
              {t('metingen.maat')}
            </th>
            <th scope="col" className={th}>
              {t('metingen.wanneer')}
            </th>
            <th scope="col" className={th}>
              {t('metingen.wat')}
            </th>
            <th scope="col" className={thNum}>
              {t('metingen.aantal')}
            </th>
            <th scope="col" className={thNum}>
              {t('metingen.per1000')}
            </th>
            <th scope="col" className={th}>
              {t('gebieden.bron')}
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body" data-testid="metingen-rijen">
          {data.rijen.map((r) => (
            <tr key={r.id} className={tr}>
              <td className={td}>{r.gebiedNaam}</td>
              <td className={td}>{maatLabel(r.maat)}</td>
              <td className={td}>{period(r, lang)}</td>
              <td className={td}>
                {[
                  r.wet,
                  r.product ?? r.meldingstype,
                  r.afhandelingLabel,
                  r.subniveau && !r.product ? r.subniveau : null,
                  r.vorm && !r.product ? r.vorm : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </td>
              <td className={tdNum}>{r.onderdrukt ? '<5' : formatNumber(r.waarde ?? 0, lang)}</td>
              <td className={tdNum}>
                {r.per1000 === null ? '.' : formatNumber(Math.round(r.per1000 * 10) / 10, lang)}
              </td>
              <td className={td}>{r.bron}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Paragraph className="wijkweb-hint">{t('metingen.uitleg')}</Paragraph>
    </div>
  );
}
