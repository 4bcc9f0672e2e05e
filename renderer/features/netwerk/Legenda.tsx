/**
 * The legend beside the canvas (docked on the right, never over the map; folded it is a narrow button): only what the map shows now, each entry with
 * its shape or line, colour, name and count. Clicking an entry fades the rest until you click it again.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetwerkData } from '../../../shared/contract';
import { isKleurMetriek, metriekDescriptor } from '../../../shared/analysis/metriek-descriptors';
import { formatMetriek } from './format';
import { kleurOpLabel } from './settings';
import type { LegendaTeksten } from './legenda-regels';
import {
  KLEUR_NIEUW,
  KLEUR_OMLIJNING,
  KLEUR_VERDWENEN,
  ONBEKEND,
  OVERIG,
  type Legenda as LegendaModel,
  type Markering,
  type Rand,
  type RelatieStijl,
  type Vorm,
} from './style';

export function VormIcoon({ vorm, rand, kleur }: { vorm: Vorm; rand: Rand; kleur: string }) {
  const stroke = { stroke: KLEUR_OMLIJNING, fill: kleur };
  const shape = (extra: Record<string, string | number>) => {
    const props = { ...stroke, ...extra };
    switch (vorm) {
      case 'ellipse':
        return <circle cx={9} cy={9} r={7} {...props} />;
      case 'round-rectangle':
        return <rect x={2} y={3} width={14} height={12} rx={3} {...props} />;
      case 'diamond':
        return <polygon points="9,1.5 16.5,9 9,16.5 1.5,9" {...props} />;
      case 'triangle':
        return <polygon points="9,2 16.5,16 1.5,16" {...props} />;
      case 'hexagon':
        return <polygon points="5,2 13,2 17,9 13,16 5,16 1,9" {...props} />;
    }
  };
  return (
    <svg className="wijkweb-netwerk-legenda__icoon" width={18} height={18} viewBox="0 0 18 18" aria-hidden="true">
      {rand === 'double' ? (
        <>
          {shape({ strokeWidth: 3.2 })}
          {shape({ strokeWidth: 0.9, stroke: '#ffffff', fill: 'none' })}
        </>
      ) : (
        shape({ strokeWidth: 1.6, strokeDasharray: rand === 'dashed' ? '3 2' : 'none' })
      )}
    </svg>
  );
}

export function LijnIcoon({ stijl, breedte = 2 }: { stijl: RelatieStijl; breedte?: number }) {
  const dash = stijl.lijn === 'dashed' ? '5 3' : stijl.lijn === 'dotted' ? '1.5 2.5' : 'none';
  return (
    <svg className="wijkweb-netwerk-legenda__icoon" width={30} height={14} viewBox="0 0 30 14" aria-hidden="true">
      {stijl.lijn === 'double' ? (
        <>
          <line x1={1} y1={5} x2={22} y2={5} stroke={stijl.kleur} strokeWidth={1.5} />
          <line x1={1} y1={9} x2={22} y2={9} stroke={stijl.kleur} strokeWidth={1.5} />
        </>
      ) : (
        <line x1={1} y1={7} x2={22} y2={7} stroke={stijl.kleur} strokeWidth={breedte} strokeDasharray={dash} />
      )}
      {stijl.pijl !== 'none' && <polygon points="21,2 29,7 21,12" fill={stijl.kleur} />}
      {stijl.pijl === 'triangle-tee' && <line x1={19} y1={2} x2={19} y2={12} stroke={stijl.kleur} strokeWidth={2} />}
    </svg>
  );
}

export function useLegendaTeksten(data: NetwerkData): LegendaTeksten {
  const { t } = useTranslation();
  return {
    kleur: (kleurOp: LegendaModel['kleurOp'], sleutel: string) => {
      if (sleutel === ONBEKEND) return t('netwerk.legenda.onbekend');
      if (sleutel === OVERIG) return t('netwerk.legenda.overig');
      if (kleurOp === 'sector') return data.labels['soort_organisatie']?.[sleutel] ?? sleutel;
      if (kleurOp === 'leefgebied') return data.labels['leefgebied']?.[sleutel] ?? sleutel;
      if (isKleurMetriek(kleurOp)) return t('netwerk.legenda.groep', { nummer: Number(sleutel) + 1 });
      return t(`netwerk.soort.${sleutel}`, { defaultValue: sleutel });
    },
    relatie: (soort: string) =>
      data.labels['relatietype']?.[soort] ?? t(`netwerk.relatie.${soort}`, { defaultValue: soort }),
  };
}

export function Legenda({
  legenda,
  data,
  markering,
  onMarkering,
  vergelijkLabel,
}: {
  legenda: LegendaModel;
  data: NetwerkData;
  markering: Markering | null;
  onMarkering: (m: Markering | null) => void;
  /** "1 jan. 2024 – 31 mrt. 2024": the period compared with. */
  vergelijkLabel: string | null;
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(true);
  const teksten = useLegendaTeksten(data);
  const item = (groep: Markering['groep'], sleutel: string, icoon: ReactNode, label: string, aantal: number) => {
    const actief = markering?.groep === groep && markering.sleutel === sleutel;
    return (
      <li key={`${groep}-${sleutel}`}>
        <button
          type="button"
          className="wijkweb-netwerk-legenda__item"
          aria-pressed={actief}
          title={t('netwerk.legenda.markeerUitleg')}
          onClick={() => onMarkering(actief ? null : { groep, sleutel })}
        >
          {icoon}
          <span className="wijkweb-netwerk-legenda__label">{label}</span>
          <span className="wijkweb-netwerk-legenda__aantal">{aantal}</span>
        </button>
      </li>
    );
  };
  return (
    <section
      className={open ? 'wijkweb-netwerk-legenda' : 'wijkweb-netwerk-legenda wijkweb-netwerk-legenda--dicht'}
      aria-labelledby="netwerk-legenda-titel"
      data-testid="legenda"
    >
      <div className="wijkweb-netwerk-legenda__kop">
        <h2 id="netwerk-legenda-titel" className="wijkweb-netwerk-legenda__titel">
          {t('netwerk.legenda.titel')}
        </h2>
        <button
          type="button"
          className="wijkweb-netwerk-legenda__vouw"
          aria-expanded={open}
          aria-controls="netwerk-legenda-inhoud"
          onClick={() => setOpen((o) => !o)}
        >
          {open ? t('netwerk.legenda.inklappen') : t('netwerk.legenda.uitklappen')}
        </button>
      </div>
      <div id="netwerk-legenda-inhoud" hidden={!open}>
        {legenda.kleuren.length > 0 && (
          <>
            <h3 className="wijkweb-netwerk-legenda__groep">{t(kleurOpLabel(legenda.kleurOp))}</h3>
            <ul className="wijkweb-plain-list">
              {legenda.kleuren.map((k) =>
                item(
                  'kleur',
                  k.sleutel,
                  <VormIcoon vorm="ellipse" rand="solid" kleur={k.kleur} />,
                  teksten.kleur(legenda.kleurOp, k.sleutel),
                  k.aantal,
                ),
              )}
            </ul>
          </>
        )}
        {legenda.soorten.length > 0 && (
          <>
            <h3 className="wijkweb-netwerk-legenda__groep">{t('netwerk.legenda.vorm')}</h3>
            <ul className="wijkweb-plain-list">
              {legenda.soorten.map((s) =>
                item(
                  'soort',
                  s.sleutel,
                  <VormIcoon vorm={s.vorm} rand={s.rand} kleur="#ffffff" />,
                  t(`netwerk.legenda.soort.${s.sleutel}`),
                  s.aantal,
                ),
              )}
            </ul>
          </>
        )}
        {legenda.relaties.length > 0 && (
          <>
            <h3 className="wijkweb-netwerk-legenda__groep">{t('netwerk.legenda.relaties')}</h3>
            <ul className="wijkweb-plain-list">
              {legenda.relaties.map((r) =>
                item('relatie', r.sleutel, <LijnIcoon stijl={r.stijl} />, teksten.relatie(r.sleutel), r.aantal),
              )}
            </ul>
          </>
        )}
        {(legenda.dikte || legenda.grootte) && (
          <ul className="wijkweb-plain-list wijkweb-netwerk-legenda__schaal">
            {legenda.dikte && (
              <li>
                <LijnIcoon stijl={{ kleur: '#4d4d4d', lijn: 'solid', pijl: 'none' }} breedte={5} />
                {t('netwerk.legenda.dikte')}
              </li>
            )}
            {legenda.grootte && (
              <li>
                <svg
                  className="wijkweb-netwerk-legenda__icoon"
                  width={30}
                  height={18}
                  viewBox="0 0 30 18"
                  aria-hidden="true"
                >
                  <circle cx={5} cy={12} r={3.5} fill="#ffffff" stroke={KLEUR_OMLIJNING} />
                  <circle cx={20} cy={9} r={8} fill="#ffffff" stroke={KLEUR_OMLIJNING} />
                </svg>
                {t('netwerk.legenda.grootte', {
                  metriek: t(metriekDescriptor(legenda.grootte.metriek).label),
                  min: formatMetriek(legenda.grootte.metriek, legenda.grootte.min, i18n.language),
                  max: formatMetriek(legenda.grootte.metriek, legenda.grootte.max, i18n.language),
                })}
              </li>
            )}
          </ul>
        )}
        {legenda.vergelijking && (
          <>
            <h3 className="wijkweb-netwerk-legenda__groep">
              {t('netwerk.legenda.vergelijking', { periode: vergelijkLabel ?? '' })}
            </h3>
            <ul className="wijkweb-plain-list wijkweb-netwerk-legenda__schaal">
              <li>
                <LijnIcoon stijl={{ kleur: KLEUR_NIEUW, lijn: 'solid', pijl: 'none' }} breedte={3} />
                {t('netwerk.legenda.nieuw', {
                  knopen: legenda.vergelijking.nieuweKnopen,
                  relaties: legenda.vergelijking.nieuweRelaties,
                })}
              </li>
              <li>
                <LijnIcoon stijl={{ kleur: KLEUR_VERDWENEN, lijn: 'dashed', pijl: 'none' }} breedte={3} />
                {t('netwerk.legenda.verdwenen', {
                  knopen: legenda.vergelijking.verdwenenKnopen,
                  relaties: legenda.vergelijking.verdwenenRelaties,
                })}
              </li>
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
