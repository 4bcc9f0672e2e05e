/**
 * Hiaten: the map plate of the worst gap per buurt and the table of the selection's signals.
 */
import type { HiaatCel } from '../../analysis/hiaten';
import { kaartBronTekst, loadKaart } from '../../db/repos/kaart';
import type { CelWaarde } from '../model';
import { beschermTabel, GEHEIM, isKlein, kleinLabel, type PrivacyInstellingen } from '../privacy';
import { kaartPlaatSvg } from '../plates';
import type { Woorden } from '../tekst';
import { ernstPerBuurt, ernstWoord } from './gedeeld';
import type { Sectie, SectieContext, SectieInhoud, Selectie } from './types';

function hiatenInhoud(
  cellen: readonly HiaatCel[],
  periode: string | null,
  sel: Selectie,
  p: PrivacyInstellingen,
  peildatum: string,
  kaartSvg: string | null,
  kaartBron: string,
  w: Woorden,
): SectieInhoud {
  const hier = cellen.filter((c) => sel.buurten.has(c.gebiedCode));
  const signalen = hier.filter((c) => c.ernst === 'ernstig' || c.ernst === 'hiaat' || c.ernst === 'aandacht');
  // The bron names what this picture rests on: Cognos counts, CBS care figures, CBS demography.
  const basis = new Set(cellen.flatMap((c) => c.basis));
  const bron = [
    basis.has('cognos') ? 'Cognos' : null,
    basis.has('cbs-zorg') ? w.t('hia.cbsZorgcijfers') : null,
    basis.has('cbs-demografie') ? w.t('hia.cbsDemografie') : null,
    w.t('hia.socialeKaart'),
  ]
    .filter(Boolean)
    .join(', ');
  const plaat = kaartSvg
    ? {
        soort: 'kaart' as const,
        titel: w.t('hia.plaat'),
        svg: kaartSvg,
        bron: w.t('hia.plaatBron', { kaart: kaartBron, bron }),
      }
    : undefined;
  // A demand that would give a small count away is hidden with its per-1,000 figure and index. The gemeente figure is
  // the gemeente's own total or one the user entered: nothing of a buurt can be worked out from it.
  const grondslag = (c: HiaatCel) =>
    c.basis
      .map((b) => (b === 'cognos' ? 'Cognos' : b === 'cbs-zorg' ? w.t('hia.cbsZorg') : w.t('hia.cbsDemografie')))
      .join(', ');
  const rijen: CelWaarde[][] = signalen.map((c, i) => [
    i + 1,
    c.gebiedNaam,
    c.leefgebiedLabel,
    ernstWoord(w, c.ernst),
    c.afgeschermd ? GEHEIM : c.index,
    c.vraag === null ? null : isKlein(c.vraag, p) ? kleinLabel(p) : c.afgeschermd ? GEHEIM : c.vraag,
    c.vraagPer1000 === null ? null : c.afgeschermd ? GEHEIM : c.vraagPer1000,
    c.gemeentePer1000,
    c.aanbodCollectief.length,
    grondslag(c),
    w.datums(c.toelichting),
  ]);
  const ernstig = signalen.filter((c) => c.ernst === 'ernstig' || c.ernst === 'hiaat');
  return {
    alineas: [
      signalen.length
        ? w.t('hia.alinea', {
            signalen: w.t(signalen.length === 1 ? 'hia.signalen_een' : 'hia.signalen_meer', { n: signalen.length }),
            hiaten: w.t(ernstig.length === 1 ? 'hia.hiaten_een' : 'hia.hiaten_meer', { n: ernstig.length }),
          })
        : w.t('hia.geen'),
    ],
    kerngetallen: [
      { label: w.t('hia.ernstige'), waarde: String(hier.filter((c) => c.ernst === 'ernstig').length) },
      { label: w.t('hia.hiatenKern'), waarde: String(hier.filter((c) => c.ernst === 'hiaat').length) },
      { label: w.t('hia.aandacht'), waarde: String(hier.filter((c) => c.ernst === 'aandacht').length) },
    ],
    tabellen: signalen.length
      ? [
          beschermTabel(
            {
              id: w.t('hia.tabelId'),
              titel: w.t('hia.tabel'),
              kolommen: [
                { titel: w.t('hia.nr'), soort: 'getal', decimalen: 0 },
                { titel: w.t('kolom.buurt'), soort: 'tekst' },
                { titel: w.t('hia.leefgebied'), soort: 'tekst' },
                { titel: w.t('hia.ernst'), soort: 'tekst' },
                { titel: w.t('hia.index'), soort: 'getal', decimalen: 2 },
                { titel: w.t('hia.vraag'), soort: 'aantal' },
                { titel: w.t('hia.vraagPer1000'), soort: 'getal', decimalen: 1, afgeleidVan: 5 },
                { titel: w.t('hia.gemeentePer1000'), soort: 'getal', decimalen: 1 },
                { titel: w.t('hia.collectief'), soort: 'getal', decimalen: 0 },
                { titel: w.t('hia.rustOp'), soort: 'tekst' },
                { titel: w.t('kolom.toelichting'), soort: 'tekst', breed: true },
              ],
              rijen,
              bron,
              peildatum: periode ?? w.datum(peildatum),
            },
            p,
          ),
        ]
      : [],
    ...(plaat ? { plaat } : {}),
  };
}

/** The section with its map: every buurt coloured by its worst gap, the selection highlighted. */
function hiatenMetKaart(c: SectieContext): SectieInhoud {
  const { db, sel, w } = c;
  const hiaten = c.hiaten();
  const kaart = loadKaart(db, sel.jaar ?? undefined);
  const kaartSvg = !kaart.gebieden.length
    ? null
    : kaartPlaatSvg({
        gebieden: kaart.gebieden,
        ernst: ernstPerBuurt(hiaten.cellen),
        selectie: new Set([...sel.buurten, ...sel.codes]),
        titel: `${w.t('hia.kaartTitel')}${hiaten.periode ? `, ${hiaten.periode}` : ''}`,
        onderschrift: w.t('hia.kaartOnderschrift', {
          kaart: kaartBronTekst(kaart, w.taal),
          datum: w.datum(c.peildatum),
        }),
        taal: w.taal,
      });
  return hiatenInhoud(hiaten.cellen, hiaten.periode, sel, c.p, c.peildatum, kaartSvg, kaartBronTekst(kaart, w.taal), w);
}

export const hiatenSectie: Sectie<'hiaten'> = {
  id: 'hiaten',
  title: (w) => w.t('sectie.hiaten'),
  build: hiatenMetKaart,
};
