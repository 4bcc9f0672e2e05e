/**
 * The heat matrix: a real table, buurten as rows, leefgebieden as columns. Each cell is a button with a symbol, the
 * need index and a fill; its name says the severity in words (and "in voorbereiding"). Column headers sort.
 */
import { useTranslation } from 'react-i18next';
import type { HiaatCel } from '../../../shared/contract';
import { cx } from '../../components/ui';
import { ErnstSymbool, VoorbereidingIcoon } from './ErnstLegenda';
import { ERNST_STIJL, type MatrixRij, type SorteerOp } from './logic';

export interface Selectie {
  readonly code: string;
  readonly leefgebied: string;
}

export function HiaatMatrix({
  rijen,
  leefgebieden,
  sorteer,
  kolom,
  onSorteer,
  selectie,
  onSelect,
  zonderKleur,
  caption,
}: {
  rijen: readonly MatrixRij[];
  leefgebieden: readonly { code: string; label: string }[];
  sorteer: SorteerOp;
  kolom: string | null;
  onSorteer: (op: SorteerOp, kolom: string | null) => void;
  selectie: Selectie | null;
  onSelect: (s: Selectie) => void;
  zonderKleur: boolean;
  caption: string;
}) {
  const { t, i18n } = useTranslation();
  const num = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const sortIcon = (active: boolean, dir: 'asc' | 'desc') => (
    <span className={cx('wijkweb-sort__icon', !active && 'wijkweb-sort__icon--off')} aria-hidden="true">
      {active ? (dir === 'asc' ? '▲' : '▼') : '↕'}
    </span>
  );
  const cel = (rij: MatrixRij, c: HiaatCel | undefined, lg: { code: string; label: string }) => {
    if (!c) return <td key={lg.code} className="wijkweb-matrix__leeg" />;
    const stijl = ERNST_STIJL[c.ernst];
    const pressed = selectie?.code === rij.code && selectie.leefgebied === lg.code;
    return (
      <td key={lg.code} className="wijkweb-matrix__td">
        <button
          type="button"
          className={cx(
            'wijkweb-matrix__cel',
            `wijkweb-ernst--${c.ernst}`,
            c.inVoorbereiding && 'wijkweb-matrix__cel--voorbereiding',
          )}
          style={zonderKleur || stijl.arcering ? undefined : { background: stijl.fill, color: stijl.tekst }}
          aria-pressed={pressed}
          data-ernst={c.ernst}
          data-voorbereiding={c.inVoorbereiding ? 'true' : undefined}
          data-basis={c.basis.join(' ') || undefined}
          data-testid={`cel-${rij.code}-${lg.code}`}
          onClick={() => onSelect({ code: rij.code, leefgebied: lg.code })}
        >
          <ErnstSymbool ernst={c.ernst} />
          <span className="wijkweb-visually-hidden">{t(`hiaten.ernst.${c.ernst}`)}</span>
          {c.index !== null && (
            <span className="wijkweb-matrix__index">
              <span className="wijkweb-visually-hidden">, {t('hiaten.index')} </span>
              {num.format(c.index)}
            </span>
          )}
          {/* A signal (not "geen") that rests on CBS figures alone says so: it is no gap in Cognos' name. */}
          {c.basis.length > 0 && !c.basis.includes('cognos') && c.ernst !== 'geen' && (
            <span className="wijkweb-matrix__basis" title={t('hiaten.alleenCbsCel')}>
              <span aria-hidden="true">CBS</span>
              <span className="wijkweb-visually-hidden">, {t('hiaten.alleenCbsCel')}</span>
            </span>
          )}
          {c.controleer && (
            <span className="wijkweb-matrix__basis" title={t('hiaten.controleerCel')}>
              <span aria-hidden="true">?</span>
              <span className="wijkweb-visually-hidden">, {t('hiaten.controleerCel')}</span>
            </span>
          )}
          {c.inVoorbereiding && (
            <span className="wijkweb-matrix__vlag">
              <VoorbereidingIcoon />
              <span className="wijkweb-visually-hidden">, {t('hiaten.inVoorbereiding')}</span>
            </span>
          )}
        </button>
      </td>
    );
  };
  return (
    <div className="utrecht-table-container wijkweb-matrix__scroll">
      <table
        className={cx(
          'utrecht-table utrecht-table--html-table wijkweb-matrix',
          zonderKleur && 'wijkweb-matrix--zonder-kleur',
        )}
        data-testid="hiaten-matrix"
      >
        <caption className="utrecht-table__caption">{caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th
              scope="col"
              className="utrecht-table__header-cell wijkweb-matrix__buurtkop"
              aria-sort={sorteer === 'naam' ? 'ascending' : undefined}
            >
              <button type="button" className="wijkweb-sort" onClick={() => onSorteer('naam', null)}>
                <span className="wijkweb-sort__label">{t('hiaten.kolomBuurt')}</span>
                {sortIcon(sorteer === 'naam', 'asc')}
              </button>
            </th>
            {leefgebieden.map((lg) => {
              const active = kolom === lg.code && sorteer !== 'naam';
              return (
                <th
                  key={lg.code}
                  scope="col"
                  className="utrecht-table__header-cell wijkweb-matrix__kop"
                  aria-sort={active ? 'descending' : undefined}
                >
                  <button
                    type="button"
                    className="wijkweb-sort"
                    onClick={() => onSorteer(sorteer === 'naam' ? 'ernst' : sorteer, lg.code)}
                  >
                    {/* A break is allowed after a slash: "Welzijn/Recreatie/vrije tijd". */}
                    <span className="wijkweb-sort__label">{lg.label.replace(/\//g, '/\u200b')}</span>
                    {sortIcon(active, 'desc')}
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rijen.map((rij) => (
            <tr key={rij.code} className="utrecht-table__row" data-code={rij.code}>
              <th scope="row" className="utrecht-table__header-cell wijkweb-matrix__buurt">
                {rij.naam}
              </th>
              {leefgebieden.map((lg) => cel(rij, rij.cellen.get(lg.code), lg))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
