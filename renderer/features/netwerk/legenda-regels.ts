/** The legend's words for an exported picture: the same entries and words as the legend on the screen. */
import { metriekDescriptor } from '../../../shared/analysis/metriek-descriptors';
import type { LegendaRegel } from './export';
import { formatMetriek } from './format';
import { kleurOpLabel } from './settings';
import { KLEUR_NIEUW, KLEUR_VERDWENEN, type Legenda } from './style';

/** Names of colour categories and relation types (from the project's lists, or the app's own words). */
export interface LegendaTeksten {
  kleur(kleurOp: Legenda['kleurOp'], sleutel: string): string;
  relatie(soort: string): string;
}

/** The legend as lines for an exported picture (the same entries and words as on the screen). */
export function legendaRegels(
  legenda: Legenda,
  teksten: LegendaTeksten,
  t: (key: string, params?: Record<string, unknown>) => string,
  lang: string,
  vergelijkLabel: string | null,
): LegendaRegel[] {
  const regels: LegendaRegel[] = [];
  const metAantal = (tekst: string, aantal: number) => `${tekst} (${aantal})`;
  if (legenda.kleuren.length) {
    regels.push({ soort: 'kop', tekst: t(kleurOpLabel(legenda.kleurOp)) });
    for (const k of legenda.kleuren) {
      regels.push({
        soort: 'vorm',
        vorm: 'ellipse',
        rand: 'solid',
        kleur: k.kleur,
        tekst: metAantal(teksten.kleur(legenda.kleurOp, k.sleutel), k.aantal),
      });
    }
  }
  if (legenda.soorten.length) {
    regels.push({ soort: 'kop', tekst: t('netwerk.legenda.vorm') });
    for (const s of legenda.soorten) {
      regels.push({
        soort: 'vorm',
        vorm: s.vorm,
        rand: s.rand,
        kleur: '#ffffff',
        tekst: metAantal(t(`netwerk.legenda.soort.${s.sleutel}`), s.aantal),
      });
    }
  }
  if (legenda.relaties.length) {
    regels.push({ soort: 'kop', tekst: t('netwerk.legenda.relaties') });
    for (const r of legenda.relaties) {
      regels.push({ soort: 'lijn', stijl: r.stijl, tekst: metAantal(teksten.relatie(r.sleutel), r.aantal) });
    }
  }
  if (legenda.dikte) {
    regels.push({
      soort: 'tekst',
      tekst: t('netwerk.legenda.dikte'),
    });
  }
  if (legenda.grootte) {
    regels.push({
      soort: 'tekst',
      tekst: t('netwerk.legenda.grootte', {
        metriek: t(metriekDescriptor(legenda.grootte.metriek).label),
        min: formatMetriek(legenda.grootte.metriek, legenda.grootte.min, lang),
        max: formatMetriek(legenda.grootte.metriek, legenda.grootte.max, lang),
      }),
    });
  }
  if (legenda.vergelijking) {
    regels.push({ soort: 'kop', tekst: t('netwerk.legenda.vergelijking', { periode: vergelijkLabel ?? '' }) });
    regels.push({
      soort: 'lijn',
      stijl: { kleur: KLEUR_NIEUW, lijn: 'solid', pijl: 'none' },
      tekst: t('netwerk.legenda.nieuw', {
        knopen: legenda.vergelijking.nieuweKnopen,
        relaties: legenda.vergelijking.nieuweRelaties,
      }),
    });
    regels.push({
      soort: 'lijn',
      stijl: { kleur: KLEUR_VERDWENEN, lijn: 'dashed', pijl: 'none' },
      tekst: t('netwerk.legenda.verdwenen', {
        knopen: legenda.vergelijking.verdwenenKnopen,
        relaties: legenda.vergelijking.verdwenenRelaties,
      }),
    });
  }
  return regels;
}
