/** How a severity is shown everywhere (matrix, list, details, map): colour + symbol + words, never colour alone. */
import { useTranslation } from 'react-i18next';
import type { Ernst } from '../../../shared/contract';
import { ERNST_STIJL, ERNST_VOLGORDE } from './logic';

export function ErnstSymbool({ ernst }: { ernst: Ernst }) {
  return (
    <span className="wijkweb-ernst__symbool" aria-hidden="true">
      {ERNST_STIJL[ernst].symbool}
    </span>
  );
}

/** A small flag: "in voorbereiding" (a planned collective offer would serve it). */
export function VoorbereidingIcoon() {
  return (
    <svg className="wijkweb-vlag" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      <path d="M2.2 0.8v10.6" stroke="currentColor" strokeWidth="1.6" />
      <path d="M3 1.2h7.5l-2.2 2.6 2.2 2.6H3z" fill="currentColor" />
    </svg>
  );
}

/** A badge: the coloured block with its symbol, and the words ("Ernstig hiaat"). */
export function ErnstBadge({ ernst, voorbereiding }: { ernst: Ernst; voorbereiding?: boolean }) {
  const { t } = useTranslation();
  const stijl = ERNST_STIJL[ernst];
  return (
    <span className="wijkweb-ernst-badge">
      <span
        className={`wijkweb-ernst wijkweb-ernst--${ernst}`}
        style={stijl.arcering ? undefined : { background: stijl.fill, color: stijl.tekst }}
      >
        <ErnstSymbool ernst={ernst} />
      </span>
      <span className="wijkweb-ernst-badge__tekst">{t(`hiaten.ernstKop.${ernst}`)}</span>
      {voorbereiding && (
        <span className="wijkweb-voorbereiding-badge">
          <VoorbereidingIcoon /> {t('hiaten.inVoorbereiding')}
        </span>
      )}
    </span>
  );
}

/** The legend above the matrix: every severity with its symbol, colour and meaning, and the counts. */
export function ErnstLegenda({ aantallen }: { aantallen?: Readonly<Record<Ernst, number>> }) {
  const { t } = useTranslation();
  return (
    <section className="wijkweb-ernst-legenda" aria-labelledby="ernst-legenda-titel" data-testid="hiaten-legenda">
      <h2 className="wijkweb-ernst-legenda__titel" id="ernst-legenda-titel">
        {t('hiaten.legenda')}
      </h2>
      <ul className="wijkweb-plain-list wijkweb-ernst-legenda__lijst">
        {ERNST_VOLGORDE.map((e) => (
          <li key={e}>
            <span
              className={`wijkweb-ernst wijkweb-ernst--${e}`}
              style={
                ERNST_STIJL[e].arcering ? undefined : { background: ERNST_STIJL[e].fill, color: ERNST_STIJL[e].tekst }
              }
            >
              <ErnstSymbool ernst={e} />
            </span>
            <span>
              {t(`hiaten.ernstKop.${e}`)}
              {aantallen ? ` (${aantallen[e]})` : ''}
            </span>
          </li>
        ))}
        <li>
          <span className="wijkweb-ernst wijkweb-ernst--voorbereiding">
            <VoorbereidingIcoon />
          </span>
          <span>{t('hiaten.inVoorbereidingLegenda')}</span>
        </li>
      </ul>
      <p className="utrecht-paragraph wijkweb-hint">{t('hiaten.legendaBasis')}</p>
    </section>
  );
}
