/**
 * The right panel: what you selected (its kind, sector, leefgebieden, doelgroepen, buurt, its figures each with a
 * sentence of explanation, and its relations with volumes), or the figures of the whole network.
 */
import { useTranslation } from 'react-i18next';
import type { NetwerkAnalyse, NetwerkData, NetwerkKnoop, Periode } from '../../../shared/contract';
import { volumeIn } from '../../../shared/analysis/filter';
import { Button } from '../../components/ui';
import { formatGetal, formatMetriek, formatPeriode } from './format';
import { useLegendaTeksten } from './Legenda';
import { METRIEKEN_OP_SCHERM, type MetriekId } from '../../../shared/analysis/metriek-descriptors';

export function knoopSoortLabel(k: NetwerkKnoop, t: (key: string) => string): string {
  if (k.soort === 'gebied') return t(k.niveau === 'wijk' ? 'netwerk.soort.wijk' : 'netwerk.soort.buurt');
  if (k.soort === 'organisatie') return t('netwerk.soort.organisatie');
  if (k.status === 'gepland') return t('netwerk.soort.gepland');
  return t('netwerk.soort.voorziening');
}

export function DetailsPanel({
  data,
  id,
  analyse,
  analyseBezig,
  periode,
  vast,
  onFocus,
  onVast,
  onBewerken,
  onKies,
  onNaarAnalyse,
}: {
  data: NetwerkData;
  id: string | null;
  analyse: NetwerkAnalyse | null;
  analyseBezig: boolean;
  periode: Periode | null;
  vast: boolean;
  onFocus: (id: string) => void;
  onVast: (id: string, vast: boolean) => void;
  onBewerken: (k: NetwerkKnoop) => void;
  onKies: (id: string) => void;
  onNaarAnalyse: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const teksten = useLegendaTeksten(data);
  const knoop = id ? data.knopen.find((k) => k.id === id) : undefined;
  const bezig = analyseBezig && (
    <p className="wijkweb-hint wijkweb-netwerk__bezig" role="status">
      <progress aria-label={t('netwerk.analyse.bezig')} /> {t('netwerk.analyse.bezig')}
    </p>
  );

  if (!knoop) {
    const n = analyse?.netwerk;
    return (
      <section aria-labelledby="netwerk-details-titel" data-testid="details">
        <h2 id="netwerk-details-titel" className="utrecht-heading-3">
          {t('netwerk.details.netwerkTitel')}
        </h2>
        <p className="utrecht-paragraph wijkweb-hint">{t('netwerk.details.kiesIets')}</p>
        {bezig}
        {n && (
          <dl className="wijkweb-netwerk__cijfers">
            {(['knopen', 'relaties', 'dichtheid', 'componenten', 'communities'] as const).map((k) => (
              <div key={k}>
                <dt>{t(`netwerk.kengetal.${k}.naam`)}</dt>
                <dd>
                  <span className="wijkweb-netwerk__waarde">{formatGetal(n[k], lang, k === 'dichtheid' ? 3 : 0)}</span>
                  <span className="wijkweb-hint">{t(`netwerk.kengetal.${k}.uitleg`)}</span>
                </dd>
              </div>
            ))}
          </dl>
        )}
        <Button appearance="subtle" onClick={onNaarAnalyse}>
          {t('netwerk.details.alleCijfers')}
        </Button>
      </section>
    );
  }

  const byId = new Map(data.knopen.map((k) => [k.id, k]));
  const labels = (tax: string, codes: readonly string[]) =>
    codes.map((c) => data.labels[tax]?.[c] ?? c).join(', ') || t('netwerk.details.geen');
  const buurt = knoop.buurtCode ? data.gebieden[knoop.buurtCode] : undefined;
  const wijk = knoop.wijkCode ? data.gebieden[knoop.wijkCode] : undefined;
  const aanbieder = data.relaties.find((r) => r.soort === 'aanbod' && r.doel === knoop.id);
  const metriek = analyse?.knopen.find((m) => m.id === knoop.id);
  const relaties = data.relaties
    .filter((r) => (r.bron === knoop.id || r.doel === knoop.id) && r.soort !== 'locatie' && r.soort !== 'werkgebied')
    .map((r) => ({ r, ander: byId.get(r.bron === knoop.id ? r.doel : r.bron), uit: r.bron === knoop.id }))
    .filter((x) => x.ander)
    .map((x) => ({ ...x, volume: volumeIn(x.r, periode) }))
    .sort((a, b) => (b.volume ?? -1) - (a.volume ?? -1) || a.ander!.naam.localeCompare(b.ander!.naam, 'nl'));
  const soort =
    knoop.soort === 'voorziening'
      ? [
          knoopSoortLabel(knoop, t),
          knoop.collectief === null ? null : t(knoop.collectief ? 'waarde.collectief' : 'waarde.individueel'),
          knoop.vrijToegankelijk === null
            ? null
            : t(knoop.vrijToegankelijk ? 'waarde.vrijToegankelijk' : 'waarde.opIndicatie'),
        ]
          .filter(Boolean)
          .join(', ')
      : knoopSoortLabel(knoop, t);
  return (
    <section aria-labelledby="netwerk-details-titel" data-testid="details">
      <h2 id="netwerk-details-titel" className="utrecht-heading-3 wijkweb-netwerk__naam">
        {knoop.naam}
      </h2>
      <dl className="wijkweb-facts wijkweb-netwerk__facts">
        <dt>{t('netwerk.details.soort')}</dt>
        <dd>{soort}</dd>
        {knoop.soort !== 'gebied' && (
          <>
            <dt>{t('netwerk.details.sector')}</dt>
            <dd>{knoop.sector ? (data.labels['soort_organisatie']?.[knoop.sector] ?? knoop.sector) : '–'}</dd>
          </>
        )}
        {aanbieder && byId.get(aanbieder.bron) && (
          <>
            <dt>{t('netwerk.details.aanbieder')}</dt>
            <dd>
              <button
                type="button"
                className="utrecht-link-button utrecht-link-button--html-button wijkweb-open"
                onClick={() => onKies(aanbieder.bron)}
              >
                {byId.get(aanbieder.bron)!.naam}
              </button>
            </dd>
          </>
        )}
        {knoop.soort === 'voorziening' && (
          <>
            <dt>{t('netwerk.details.leefgebieden')}</dt>
            <dd>{labels('leefgebied', knoop.leefgebieden)}</dd>
            <dt>{t('netwerk.details.doelgroepen')}</dt>
            <dd>{labels('doelgroep', knoop.doelgroepen)}</dd>
            <dt>{t('netwerk.details.status')}</dt>
            <dd>{t(`waarde.${knoop.status ?? 'actief'}`)}</dd>
          </>
        )}
        {knoop.soort !== 'gebied' && (
          <>
            <dt>{t('netwerk.details.buurt')}</dt>
            <dd>
              {buurt
                ? wijk && wijk !== buurt
                  ? t('netwerk.details.buurtInWijk', { buurt: buurt.naam, wijk: wijk.naam })
                  : buurt.naam
                : t('netwerk.details.onbekend')}
            </dd>
          </>
        )}
        {knoop.werkgebied.length > 0 && (
          <>
            <dt>{t('netwerk.details.werkgebied')}</dt>
            <dd>{knoop.werkgebied.map((c) => data.gebieden[c]?.naam ?? c).join(', ')}</dd>
          </>
        )}
        {knoop.hiaten && knoop.hiaten.length > 0 && (
          <>
            <dt>{t(knoop.soort === 'gebied' ? 'netwerk.details.hiatenBuurt' : 'netwerk.details.hiatenVoorziening')}</dt>
            <dd>
              {knoop.soort === 'gebied'
                ? labels('leefgebied', knoop.hiaten)
                : knoop.hiaten.map((c) => data.gebieden[c]?.naam ?? c).join(', ')}
            </dd>
          </>
        )}
        {knoop.eersteLijn && (
          <>
            <dt>{t('netwerk.details.eersteLijn')}</dt>
            <dd>{t('waarde.ja')}</dd>
          </>
        )}
      </dl>
      <div className="wijkweb-netwerk__knoppen wijkweb-compact">
        <Button onClick={() => onFocus(knoop.id)}>{t('netwerk.menu.focus')}</Button>
        <Button onClick={() => onVast(knoop.id, !vast)} aria-pressed={vast}>
          {vast ? t('netwerk.menu.losmaken') : t('netwerk.menu.vastzetten')}
        </Button>
        {knoop.soort !== 'gebied' && <Button onClick={() => onBewerken(knoop)}>{t('netwerk.menu.bewerken')}</Button>}
      </div>

      {knoop.soort !== 'gebied' && (
        <>
          <h3 className="utrecht-heading-3 wijkweb-netwerk__sub">{t('netwerk.details.cijfers')}</h3>
          {bezig}
          {metriek ? (
            <dl className="wijkweb-netwerk__cijfers" data-testid="knoop-cijfers">
              {METRIEKEN_OP_SCHERM.map((d) => {
                const v = metriek[d.id as MetriekId];
                return (
                  <div key={d.id}>
                    <dt>{t(d.label)}</dt>
                    <dd>
                      <span className="wijkweb-netwerk__waarde">
                        {typeof v === 'boolean'
                          ? t(v ? 'waarde.ja' : 'waarde.nee')
                          : d.opmaak === 'groep'
                            ? t('netwerk.legenda.groep', { nummer: v + 1 })
                            : formatMetriek(d.id as MetriekId, v, lang)}
                      </span>
                      <span className="wijkweb-hint">{t(d.uitleg)}</span>
                    </dd>
                  </div>
                );
              })}
            </dl>
          ) : (
            !analyseBezig && <p className="utrecht-paragraph wijkweb-hint">{t('netwerk.details.geenCijfers')}</p>
          )}
        </>
      )}

      <h3 className="utrecht-heading-3 wijkweb-netwerk__sub">
        {t('netwerk.details.relaties', { count: relaties.length })}
      </h3>
      {relaties.length === 0 ? (
        <p className="utrecht-paragraph wijkweb-hint">{t('netwerk.details.geenRelaties')}</p>
      ) : (
        <ul className="wijkweb-plain-list wijkweb-netwerk__relaties" data-testid="knoop-relaties">
          {relaties.map(({ r, ander, uit, volume }) => (
            <li key={r.id}>
              <span className="wijkweb-netwerk__richting" aria-hidden="true">
                {r.gericht ? (uit ? '→' : '←') : '—'}
              </span>
              <span>
                <button
                  type="button"
                  className="utrecht-link-button utrecht-link-button--html-button wijkweb-open"
                  onClick={() => onKies(ander!.id)}
                >
                  {ander!.naam}
                </button>
                <span className="wijkweb-hint">
                  {' · '}
                  {r.gericht
                    ? t(uit ? 'netwerk.details.naar' : 'netwerk.details.van', { soort: teksten.relatie(r.soort) })
                    : teksten.relatie(r.soort)}
                  {volume !== null &&
                    ` · ${t('netwerk.details.volume', { aantal: formatGetal(volume, lang), count: volume })}`}
                  {volume !== null && periode && ` (${formatPeriode(`${periode.start}/${periode.eind}`, lang)})`}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
