/** What the details panel shows for a buurt: its value, its gaps per leefgebied and what is located there. */
import { useTranslation } from 'react-i18next';
import type { HiaatCel } from '../../../shared/contract';
import { Button, ButtonGroup, Heading, Paragraph } from '../../components/ui';
import { ERNST_STIJL, vergelijkCellen } from '../hiaten/logic';
import { ErnstSymbool } from '../hiaten/ErnstLegenda';
import { MARKER, type Marker, type Vlak } from './logic';
import { MarkerIcoon } from './Vormen';

export function BuurtDetails({
  vlak,
  onderwerp,
  cellen,
  markers,
  onSluit,
}: {
  vlak: Vlak;
  onderwerp: string;
  cellen: readonly HiaatCel[];
  markers: readonly Marker[];
  onSluit: () => void;
}) {
  const { t } = useTranslation();
  const gesorteerd = [...cellen].sort(vergelijkCellen);
  return (
    <>
      <Heading level={2} id="kaart-details-titel">
        {vlak.naam}
      </Heading>
      <p className="wijkweb-hint">{vlak.code}</p>
      <dl className="wijkweb-facts">
        <dt>{onderwerp}</dt>
        <dd data-testid="kaart-details-waarde">{vlak.waarde || '—'}</dd>
      </dl>
      {gesorteerd.length > 0 && (
        <>
          <Heading level={3}>{t('kaart.hiatenInBuurt')}</Heading>
          <ul className="wijkweb-plain-list wijkweb-kaart__hiaten">
            {gesorteerd.map((c) => (
              <li key={c.leefgebied}>
                <span
                  className={`wijkweb-ernst wijkweb-ernst--${c.ernst}`}
                  style={{ background: ERNST_STIJL[c.ernst].fill, color: ERNST_STIJL[c.ernst].tekst }}
                >
                  <ErnstSymbool ernst={c.ernst} />
                </span>{' '}
                {c.leefgebiedLabel}: {t(`hiaten.ernst.${c.ernst}`)}
                {c.inVoorbereiding ? ` (${t('hiaten.inVoorbereiding')})` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      <Heading level={3}>{t('kaart.inBuurt')}</Heading>
      {markers.length === 0 ? (
        <Paragraph className="wijkweb-hint">{t('kaart.nietsInBuurt')}</Paragraph>
      ) : (
        <ul className="wijkweb-plain-list">
          {markers.map((m) => (
            <li key={m.id}>
              <MarkerIcoon vorm={MARKER[m.soort].vorm} fill={MARKER[m.soort].fill} size={14} /> {m.naam}{' '}
              <span className="wijkweb-hint">({t(`kaart.soort.${m.soort}`)})</span>
            </li>
          ))}
        </ul>
      )}
      <ButtonGroup>
        <Button onClick={onSluit}>{t('kaart.selectieWissen')}</Button>
      </ButtonGroup>
    </>
  );
}
