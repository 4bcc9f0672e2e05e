/**
 * The Pilotmonitor's pictures, each with its words: the status badge (colour, shape and text), the sparkline of a
 * goal (with the baseline dashed and a label that says what it shows), the stacked afhandeling bars with their legend
 * and a table of the counts, and the cost bars against the baseline with a table of the amounts.
 */
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AfhandelingPeriode, KostenJaar, TrendPunt } from '../../../shared/analysis/pilot';
import { protectAfhandeling, waardeTekst } from '../../../shared/analysis/pilot';
import type { DoelStatus, Eenheid } from '../../../shared/model/pilot';
import { isKlein, kleinLabel, type PrivacyInstellingen } from '../../../shared/report/privacy';
import { Table, TableHead, td, tdNum, tr } from '../../components/ui';
import { datumTekst } from '../hiaten/logic';
import {
  AFGESCHERMD,
  CATEGORIE_KLEUREN,
  CATEGORIE_TEKST,
  STATUS_STIJL,
  heleProcenten,
  kostenBalken,
  sparkline,
  stapelSegmenten,
} from './logic';

const taalVan = (lang: string) => (lang === 'en' ? 'en' : 'nl');

/** The status's shape with its symbol (aria-hidden: the words next to it say it). */
export function StatusIcoon({ status, grootte = 16 }: { status: DoelStatus; grootte?: number }) {
  const s = STATUS_STIJL[status];
  const omlijning = { stroke: '#1a1a1a', strokeWidth: 1.2 };
  return (
    <svg
      className="wijkweb-status__icoon"
      width={grootte}
      height={grootte}
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
    >
      {s.vorm === 'cirkel' && <circle cx="8" cy="8" r="7" fill={s.fill} {...omlijning} />}
      {s.vorm === 'driehoek' && <path d="M8 1.2 15 14.6H1z" fill={s.fill} {...omlijning} />}
      {s.vorm === 'vierkant' && <rect x="1.2" y="1.2" width="13.6" height="13.6" fill={s.fill} {...omlijning} />}
      {s.vorm === 'streep' && <circle cx="8" cy="8" r="6.6" fill="#ffffff" {...omlijning} strokeDasharray="2.4 1.6" />}
      <text
        x="8"
        y={s.vorm === 'driehoek' ? 13 : 11.8}
        textAnchor="middle"
        fontSize={s.vorm === 'driehoek' ? 9 : 10}
        fontWeight="700"
        fill={s.vorm === 'streep' ? '#1a1a1a' : s.tekst}
      >
        {s.symbool}
      </text>
    </svg>
  );
}

/** A goal's status: shape, colour and words. */
export function StatusBadge({ status }: { status: DoelStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`wijkweb-status wijkweb-status--${status}`} data-status={status}>
      <StatusIcoon status={status} />
      <span>{t(`pilot.status.${status}`)}</span>
    </span>
  );
}

/** A small line of a goal's trend, the baseline dashed; an image with a label that says it in words. */
export function Sparkline({
  naam,
  trend,
  basis,
  eenheid,
}: {
  naam: string;
  trend: readonly TrendPunt[];
  basis: number | null;
  eenheid: Eenheid;
}) {
  const { t, i18n } = useTranslation();
  const taal = taalVan(i18n.language);
  if (trend.length === 0) return <span className="wijkweb-hint">{t('pilot.doelen.trendGeen')}</span>;
  const B = 120;
  const H = 32;
  const s = sparkline(trend, basis, B, H);
  const w = (v: number) => waardeTekst(v, eenheid, taal);
  const label = t('pilot.doelen.trendLabel', {
    naam,
    aantal: trend.length,
    eerste: datumTekst(trend[0]!.moment, i18n.language),
    laatste: datumTekst(trend[trend.length - 1]!.moment, i18n.language),
    van: w(trend[0]!.waarde),
    naar: w(trend[trend.length - 1]!.waarde),
    basis: basis !== null ? w(basis) : '–',
  });
  return (
    <svg
      className="wijkweb-sparkline"
      width={B}
      height={H}
      viewBox={`0 0 ${B} ${H}`}
      role="img"
      aria-label={label}
      data-testid="sparkline"
    >
      <title>{label}</title>
      {s.basisY !== null && (
        <line x1="0" x2={B} y1={s.basisY} y2={s.basisY} stroke="#4d4d4d" strokeWidth="1" strokeDasharray="3 3" />
      )}
      {s.punten.length > 1 && <path d={s.pad} fill="none" stroke="#1f3a5a" strokeWidth="1.6" />}
      {s.punten.map((p, i) => (
        <circle
          key={i}
          cx={p.x}
          cy={p.y}
          r="2.6"
          fill={STATUS_STIJL[p.status].fill}
          stroke="#1a1a1a"
          strokeWidth="0.8"
        />
      ))}
    </svg>
  );
}

/** A count as shown in this view: "<5" below the project's threshold. */
export const telTekst = (n: number, p: PrivacyInstellingen, lang: string) =>
  isKlein(n, p) ? kleinLabel(p) : new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL').format(n);

/**
 * The afhandeling per period as 100% bars (one a period, a segment per category, the share written in it when it
 * fits), the legend, and the counts in a table for everyone who does not read the picture.
 */
export function AfhandelingGrafiek({
  perioden,
  categorieen,
  privacy,
}: {
  perioden: readonly AfhandelingPeriode[];
  categorieen: readonly { readonly code: string; readonly label: string }[];
  privacy: PrivacyInstellingen;
}) {
  const { t, i18n } = useTranslation();
  const codes = categorieen.map((c) => c.code);
  // Categories found in the counts but no longer in the taxonomy still get a segment.
  for (const p of perioden) for (const c of Object.keys(p.perCategorie)) if (!codes.includes(c)) codes.push(c);
  const label = (c: string) => categorieen.find((x) => x.code === c)?.label ?? c;
  const kleur = (c: string) => CATEGORIE_KLEUREN[codes.indexOf(c) % CATEGORIE_KLEUREN.length]!;
  const tekstKleur = (c: string) => CATEGORIE_TEKST[codes.indexOf(c) % CATEGORIE_TEKST.length]!;
  const LABEL = 150;
  const BALK = 560;
  const RIJ = 34;
  const H = perioden.length * RIJ + 8;
  const gebruikt = codes.filter((c) => perioden.some((p) => (p.perCategorie[c] ?? 0) > 0));
  // The small-count rule as in the report: a hidden count has no share, nor has one that would give it away.
  const beschermd = new Map(perioden.map((p) => [p, protectAfhandeling(p, codes, privacy)]));
  const delenTekst = (p: AfhandelingPeriode) => {
    const procenten = heleProcenten(codes.map((c) => p.perCategorie[c] ?? 0));
    const b = beschermd.get(p)!;
    return codes
      .map((c, i) => ({ c, pct: procenten[i]!, n: p.perCategorie[c] ?? 0, cel: b.cellen[c] }))
      .filter((d) => d.n > 0)
      .map((d) => (typeof d.cel === 'string' ? `${label(d.c)} ${d.cel}` : `${label(d.c)} ${d.pct}%`))
      .join(', ');
  };
  const klein = perioden.some((p) => beschermd.get(p)!.verborgen.length > 0);
  return (
    <div className="wijkweb-pilot__grafiek" data-testid="afhandeling-grafiek">
      <ul className="wijkweb-plain-list wijkweb-pilot__legenda" aria-label={t('pilot.afh.legenda')}>
        {gebruikt.map((c) => (
          <li key={c} data-categorie={c}>
            <span className="wijkweb-pilot__staal" style={{ background: kleur(c) }} aria-hidden="true" />
            {label(c)}
          </li>
        ))}
        {klein && (
          <li data-categorie={AFGESCHERMD}>
            <span
              className="wijkweb-pilot__staal"
              style={{ background: 'repeating-linear-gradient(45deg, #767676 0 2px, #e6e6e6 2px 6px)' }}
              aria-hidden="true"
            />
            {t('pilot.afh.afgeschermd')}
          </li>
        )}
      </ul>
      <svg
        className="wijkweb-pilot__svg"
        viewBox={`0 0 ${LABEL + BALK + 4} ${H}`}
        width={LABEL + BALK + 4}
        height={H}
        role="img"
        aria-label={t('pilot.afh.grafiekLabel')}
      >
        <defs>
          <pattern
            id="wijkweb-afgeschermd"
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill="#e6e6e6" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#767676" strokeWidth="2" />
          </pattern>
        </defs>
        {perioden.map((p, i) => {
          const y = 4 + i * RIJ;
          const segs = stapelSegmenten(p, codes, BALK, beschermd.get(p)!.verborgen);
          return (
            <g
              key={`${p.van}/${p.tot}`}
              data-periode={p.label}
              role="img"
              aria-label={t('pilot.afh.balkLabel', { periode: p.label, delen: delenTekst(p) })}
            >
              <text x={LABEL - 8} y={y + RIJ / 2 + 1} textAnchor="end" dominantBaseline="middle" fontSize="13">
                {p.label}
              </text>
              {segs.map((s) => (
                <g key={s.categorie} data-categorie={s.categorie}>
                  <rect
                    x={LABEL + s.x}
                    y={y + 3}
                    width={Math.max(0, s.breedte)}
                    height={RIJ - 8}
                    fill={s.categorie === AFGESCHERMD ? 'url(#wijkweb-afgeschermd)' : kleur(s.categorie)}
                    stroke="#ffffff"
                    strokeWidth="1.5"
                  />
                  {s.breedte >= 40 && s.categorie !== AFGESCHERMD && (
                    <text
                      x={LABEL + s.x + s.breedte / 2}
                      y={y + RIJ / 2 + 1}
                      textAnchor="middle"
                      dominantBaseline="middle"
                      fontSize="12"
                      fontWeight="600"
                      fill={tekstKleur(s.categorie)}
                    >
                      {s.procent}%
                    </text>
                  )}
                </g>
              ))}
            </g>
          );
        })}
      </svg>
      <Table caption={t('pilot.afh.caption')}>
        <TableHead columns={[t('pilot.afh.kolomPeriode'), ...gebruikt.map((c) => label(c)), t('pilot.afh.totaal')]} />
        <tbody className="utrecht-table__body">
          {perioden.map((p) => {
            const procenten = heleProcenten(codes.map((c) => p.perCategorie[c] ?? 0));
            const b = beschermd.get(p)!;
            const deel = p.maanden < 3 - 0.01 && p.label.startsWith('Q');
            return (
              <tr key={`${p.van}/${p.tot}`} className={tr} data-periode={p.label}>
                <th scope="row" className={td}>
                  {p.label}
                  {deel && (
                    <span className="wijkweb-hint">
                      {' '}
                      ({t('pilot.afh.deelKwartaal', { maanden: p.maanden.toLocaleString(i18n.language) })})
                    </span>
                  )}
                </th>
                {gebruikt.map((c) => {
                  const cel = b.cellen[c] ?? 0;
                  const pct = procenten[codes.indexOf(c)]!;
                  return (
                    <td key={c} className={tdNum} data-categorie={c}>
                      {typeof cel === 'string' ? cel : telTekst(cel, privacy, i18n.language)}
                      {typeof cel === 'number' && cel > 0 && typeof b.totaal === 'number' && (
                        <span className="wijkweb-hint"> ({pct}%)</span>
                      )}
                    </td>
                  );
                })}
                <td className={tdNum}>
                  {typeof b.totaal === 'string' ? b.totaal : telTekst(b.totaal, privacy, i18n.language)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      {klein && (
        <p className="wijkweb-hint">{t('pilot.afh.klein', { label: kleinLabel(privacy), drempel: privacy.drempel })}</p>
      )}
      {perioden.some((p) => p.afgeschermd.length > 0) && <p className="wijkweb-hint">{t('pilot.afh.afgeschermd')}</p>}
    </div>
  );
}

/** "april" / "April": the name of the last month counted in a year. */
function maandNaam(maanden: number, lang: string): string {
  const m = Math.max(1, Math.min(12, Math.round(maanden)));
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, m - 1, 15)),
  );
}

/** The marks of a year: "nulmeting", "t/m april", "afgeleid". */
export function kostenKenmerken(k: KostenJaar, t: TFunction, lang: string): string[] {
  return [
    k.basisjaar ? t('pilot.kosten.nulmeting') : null,
    k.maanden < 12 - 0.01 ? t('pilot.kosten.tm', { maand: maandNaam(k.maanden, lang) }) : null,
    k.afgeleid ? t('pilot.kosten.afgeleid') : null,
  ].filter((x): x is string => x !== null);
}

/** Costs per year as bars (baseline years light, derived ones hatched), the baseline's mean as a dashed line. */
export function KostenGrafiek({ kosten, basis }: { kosten: readonly KostenJaar[]; basis: number | null }) {
  const { t, i18n } = useTranslation();
  const taal = taalVan(i18n.language);
  const euro = (v: number) => waardeTekst(v, 'euro', taal);
  const H = 200;
  const TOP = 24;
  const ONDER = 44;
  const LINKS = 12;
  const KOLOM = 110;
  const B = LINKS + kosten.length * KOLOM + 12;
  const { balken, basisY } = kostenBalken(kosten, basis, H);
  return (
    <div className="wijkweb-pilot__grafiek" data-testid="kosten-grafiek">
      <svg
        className="wijkweb-pilot__svg"
        viewBox={`0 0 ${Math.max(B, 360)} ${TOP + H + ONDER}`}
        width={Math.max(B, 360)}
        height={TOP + H + ONDER}
        role="img"
        aria-label={t('pilot.kosten.grafiekLabel')}
      >
        <defs>
          <pattern id="pilot-afgeleid" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#c6dbef" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#1f3a5a" strokeWidth="2" />
          </pattern>
        </defs>
        <line x1={LINKS} x2={B - 6} y1={TOP + H} y2={TOP + H} stroke="#1a1a1a" />
        {basisY !== null && (
          <g data-testid="kosten-basislijn">
            <line
              x1={LINKS}
              x2={B - 6}
              y1={TOP + basisY}
              y2={TOP + basisY}
              stroke="#8c3a00"
              strokeWidth="2"
              strokeDasharray="6 4"
            />
          </g>
        )}
        {balken.map((b, i) => {
          const k = kosten[i]!;
          const x = LINKS + i * KOLOM + 18;
          const w = KOLOM - 36;
          const kenmerken = kostenKenmerken(k, t, i18n.language);
          return (
            <g key={b.jaar} data-jaar={b.jaar}>
              <rect
                x={x}
                y={TOP + b.y}
                width={w}
                height={b.hoogte}
                fill={k.afgeleid ? 'url(#pilot-afgeleid)' : k.basisjaar ? '#9ecae1' : '#2166ac'}
                stroke="#1a1a1a"
                strokeWidth="1"
              />
              <text
                x={x + w / 2}
                y={TOP + b.y - 6}
                textAnchor="middle"
                fontSize="11.5"
                stroke="#ffffff"
                strokeWidth="3"
                paintOrder="stroke"
              >
                {euro(b.bedrag)}
              </text>
              <text x={x + w / 2} y={TOP + H + 16} textAnchor="middle" fontSize="13" fontWeight="600">
                {b.jaar}
              </text>
              {kenmerken.length > 0 && (
                <text x={x + w / 2} y={TOP + H + 32} textAnchor="middle" fontSize="11" fill="#4d4d4d">
                  {kenmerken.join(', ')}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      {basis !== null ? (
        <p className="wijkweb-pilot__basislijn">
          <svg width="28" height="8" aria-hidden="true" focusable="false">
            <line x1="0" x2="28" y1="4" y2="4" stroke="#8c3a00" strokeWidth="2" strokeDasharray="6 4" />
          </svg>{' '}
          {t('pilot.kosten.basisLijn', { bedrag: euro(basis) })}
        </p>
      ) : (
        <p className="wijkweb-hint">{t('pilot.kosten.geenBasis')}</p>
      )}
      {kosten.some((k) => k.afgeleid) && <p className="wijkweb-hint">{t('pilot.kosten.afgeleidUitleg')}</p>}
      <Table caption={t('pilot.kosten.caption')}>
        <TableHead
          columns={[
            t('pilot.kosten.kolomJaar'),
            t('pilot.kosten.kolomBedrag'),
            t('pilot.kosten.kolomPerJaar'),
            t('pilot.kosten.kolomSoort'),
          ]}
        />
        <tbody className="utrecht-table__body">
          {kosten.map((k) => (
            <tr key={k.jaar} className={tr} data-jaar={k.jaar}>
              <th scope="row" className={td}>
                {k.jaar}
              </th>
              <td className={tdNum}>{euro(k.totaal)}</td>
              <td className={tdNum}>{k.maanden < 12 - 0.01 ? euro(k.perJaar) : ''}</td>
              <td className={td}>{kostenKenmerken(k, t, i18n.language).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
