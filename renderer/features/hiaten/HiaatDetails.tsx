/**
 * The details of one cell: its sentence, every figure that made the severity (demand, per 1,000, the gemeente,
 * quartile, index, the CBS signals), whether suppressed counts are in it, the voorzieningen that were looked at, and
 * "Plan een initiatief".
 */
import { useTranslation } from 'react-i18next';
import type { HiaatCel, Voorziening } from '../../../shared/contract';
import { Button, Heading, Paragraph, Table, TableHead, td, tdNum, th, tr } from '../../components/ui';
import { Verantwoording } from './Verantwoording';
import { ErnstBadge } from './ErnstLegenda';
import { nietMeegeteld } from './logic';

export function HiaatDetails({
  cel,
  voorzieningen,
  wijkCode,
  doelgroepLabel,
  kanPlannen,
  onPlan,
}: {
  cel: HiaatCel;
  voorzieningen: readonly Voorziening[];
  wijkCode: string | null;
  doelgroepLabel: string | null;
  kanPlannen: boolean;
  onPlan: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en-GB' : 'nl-NL';
  const num1 = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const num2 = new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const pct = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
  const byId = new Map(voorzieningen.map((v) => [v.id, v]));
  const naam = (id: number) => {
    const v = byId.get(id);
    return v ? (v.organisatieNaam ? `${v.naam} (${v.organisatieNaam})` : v.naam) : t('hiaten.details.onbekend', { id });
  };
  const anders = nietMeegeteld(voorzieningen, cel, wijkCode);
  const leeg = '—';
  return (
    <div data-testid="hiaat-details">
      <Heading level={2} id="hiaat-details-titel">
        {t('hiaten.details.titel', { buurt: cel.gebiedNaam, leefgebied: cel.leefgebiedLabel })}
      </Heading>
      <p className="wijkweb-hiaat-details__badge">
        <ErnstBadge ernst={cel.ernst} voorbereiding={cel.inVoorbereiding} />
      </p>
      {doelgroepLabel && <p className="wijkweb-hint">{t('hiaten.details.doelgroep', { doelgroep: doelgroepLabel })}</p>}
      <Paragraph className="wijkweb-hiaat-details__zin">{cel.toelichting}</Paragraph>
      {kanPlannen && (
        <Button appearance="primary" onClick={onPlan} id="plan-initiatief">
          {t('hiaten.plan.knop')}
        </Button>
      )}
      <Heading level={3}>{t('hiaten.details.cijfers')}</Heading>
      <dl className="wijkweb-facts wijkweb-facts--smal">
        <dt>{t('hiaten.details.vraag')}</dt>
        <dd>{cel.vraag ?? leeg}</dd>
        <dt>{t('hiaten.details.per1000')}</dt>
        <dd>{cel.vraagPer1000 !== null ? num1.format(cel.vraagPer1000) : leeg}</dd>
        <dt>{t('hiaten.details.gemeente')}</dt>
        <dd>{cel.gemeentePer1000 !== null ? num1.format(cel.gemeentePer1000) : leeg}</dd>
        <dt>{t('hiaten.details.kwartiel')}</dt>
        <dd>{cel.kwartiel !== null ? t('hiaten.details.kwartielWaarde', { kwartiel: cel.kwartiel }) : leeg}</dd>
        <dt>{t('hiaten.details.index')}</dt>
        <dd>
          {cel.index !== null ? num2.format(cel.index) : leeg}{' '}
          <span className="wijkweb-hint">{t('hiaten.details.indexUitleg')}</span>
        </dd>
        <dt>{t('hiaten.details.afgeschermd')}</dt>
        <dd data-testid="hiaat-afgeschermd">
          {cel.onderdrukt ? t('hiaten.details.afgeschermdJa') : t('hiaten.details.afgeschermdNee')}
        </dd>
      </dl>
      <Verantwoording cel={cel} kanWijzigen={kanPlannen} />
      {cel.signalen.length > 0 ? (
        <Table caption={t('hiaten.details.signalenCaption')}>
          <TableHead
            columns={[
              t('hiaten.details.signaal'),
              t('hiaten.details.soort'),
              t('hiaten.details.inBuurt'),
              t('hiaten.details.inGemeente'),
            ]}
          />
          <tbody className="utrecht-table__body">
            {cel.signalen.map((s) => {
              const fmt = (x: number) => (s.schaal === 1000 ? num1.format(x * 1000) : pct.format(x));
              return (
                <tr key={s.naam} className={tr}>
                  <th scope="row" className={th}>
                    {s.naam}
                  </th>
                  <td className={td}>{t(`hiaten.basis.cbs-${s.soort}`)}</td>
                  <td className={tdNum}>{fmt(s.aandeel)}</td>
                  <td className={tdNum}>
                    {fmt(s.gemeente)}
                    {s.referentie === 'cbs-buurten' && (
                      <span className="wijkweb-hint"> {t('hiaten.details.somBuurten')}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      ) : (
        <Paragraph className="wijkweb-hint">{t('hiaten.details.geenSignalen')}</Paragraph>
      )}
      <Heading level={3}>{t('hiaten.details.aanbod')}</Heading>
      <p className="utrecht-paragraph wijkweb-hint">{t('hiaten.details.aanbodUitleg')}</p>
      <h4 className="wijkweb-h4">{t('hiaten.details.collectief', { count: cel.aanbodCollectief.length })}</h4>
      {cel.aanbodCollectief.length ? (
        <ul className="wijkweb-hiaat-details__lijst" data-testid="aanbod-collectief">
          {cel.aanbodCollectief.map((id) => (
            <li key={id}>{naam(id)}</li>
          ))}
        </ul>
      ) : (
        <Paragraph>{t('hiaten.details.geenCollectief')}</Paragraph>
      )}
      <h4 className="wijkweb-h4">{t('hiaten.details.gepland', { count: cel.aanbodGepland.length })}</h4>
      {cel.aanbodGepland.length ? (
        <ul className="wijkweb-hiaat-details__lijst" data-testid="aanbod-gepland">
          {cel.aanbodGepland.map((id) => (
            <li key={id}>{naam(id)}</li>
          ))}
        </ul>
      ) : (
        <Paragraph>{t('hiaten.details.geenGepland')}</Paragraph>
      )}
      {anders.length > 0 && (
        <>
          <h4 className="wijkweb-h4">{t('hiaten.details.anders', { count: anders.length })}</h4>
          <ul className="wijkweb-hiaat-details__lijst" data-testid="aanbod-anders">
            {anders.map(({ voorziening: v, redenen }) => (
              <li key={v.id}>
                {v.organisatieNaam ? `${v.naam} (${v.organisatieNaam})` : v.naam}:{' '}
                <span className="wijkweb-hint">{redenen.map((r) => t(`hiaten.reden.${r}`)).join(', ')}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
