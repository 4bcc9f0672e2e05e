/**
 * Het netwerk: the plate of what serves the selection, its key figures, the connectors and the referral balance.
 */
import type { NetwerkData } from '../../analysis/types';
import { applyFilter } from '../../analysis/filter';
import { analyseNetwerk } from '../../analysis/analyse';
import type { Kerngetal, RapportTabel } from '../model';
import { beschermTabel, type PrivacyInstellingen } from '../privacy';
import { netwerkPlaatSvg } from '../plates';
import type { Woorden } from '../tekst';
import { labelsIn, netwerkFilter, plaatGrootte } from './gedeeld';
import type { Sectie, SectieInhoud, Selectie } from './types';

function netwerkInhoud(
  data: NetwerkData,
  sel: Selectie,
  peildatum: string,
  p: PrivacyInstellingen,
  w: Woorden,
): SectieInhoud {
  const filter = netwerkFilter(sel);
  const net = applyFilter(data, filter);
  const posities = new Map(data.posities.map((x) => [x.knoop, { x: x.x, y: x.y }]));
  const a = analyseNetwerk(data, filter);
  const svg = netwerkPlaatSvg({
    net,
    posities,
    grootte: plaatGrootte(a, 'betweenness', w.taal),
    sectorLabels: labelsIn(data.labels['soort_organisatie'], 'soort_organisatie', w),
    relatieLabels: labelsIn(data.labels['relatietype'], 'relatietype', w),
    titel: w.t('net.plaatTitel', { namen: sel.gekozen.map((g) => g.naam).join(', ') }),
    onderschrift: w.t('net.onderschrift', { datum: w.datum(peildatum) }),
    taal: w.taal,
  });
  const plaat = {
    soort: 'netwerk' as const,
    titel: w.t('net.plaat'),
    svg,
    bron: w.t('net.plaatBron'),
  };
  if (!net.knopen.some((k) => k.soort !== 'gebied')) {
    return {
      alineas: [w.t('net.geen')],
      kerngetallen: [],
      tabellen: [],
    };
  }
  const n = a.netwerk;
  const namen = new Map(net.knopen.map((k) => [k.id, k.naam]));
  const kern: Kerngetal[] = [
    { label: w.t('net.knopen'), waarde: w.getal(n.knopen) },
    { label: w.t('net.verbindingen'), waarde: w.getal(n.relaties) },
    { label: w.t('net.dichtheid'), waarde: w.pct(n.dichtheid), toelichting: w.t('net.dichtheidUitleg') },
    { label: w.t('net.losseDelen'), waarde: w.getal(n.componenten) },
    { label: w.t('net.groepen'), waarde: w.getal(n.communities) },
  ];
  if (n.reciprociteit !== null) kern.push({ label: w.t('net.wederkerig'), waarde: w.pct(n.reciprociteit) });
  const verbinders = [...a.knopen]
    .filter((k) => k.betweenness > 0 || k.articulatiepunt)
    .sort((x, y) => y.betweenness - x.betweenness)
    .slice(0, 10);
  const tabellen: RapportTabel[] = [];
  if (verbinders.length) {
    tabellen.push(
      beschermTabel(
        {
          id: w.t('net.verbindersId'),
          titel: w.t('net.verbinders'),
          kolommen: [
            { titel: w.t('net.orgOfVoorziening'), soort: 'tekst' },
            { titel: w.t('net.verbindingen'), soort: 'getal', decimalen: 0 },
            { titel: w.t('net.tussenpositie'), soort: 'procent', decimalen: 0 },
            { titel: w.t('net.uiteen'), soort: 'tekst' },
          ],
          rijen: verbinders.map((k) => [namen.get(k.id) ?? k.id, k.degree, k.betweenness, w.jaNee(k.articulatiepunt)]),
          bron: w.t('bron.socialeKaart'),
          peildatum: w.datum(peildatum),
        },
        p,
      ),
    );
  }
  const balans = a.verwijsBalans.filter((b) => b.totaal > 0);
  if (balans.length) {
    tabellen.push(
      beschermTabel(
        {
          id: w.t('net.balansId'),
          titel: w.t('net.balans'),
          kolommen: [
            { titel: w.t('kolom.buurt'), soort: 'tekst' },
            { titel: w.t('net.periode'), soort: 'tekst' },
            { titel: w.t('net.voorliggend'), soort: 'aantal' },
            { titel: w.t('net.maatwerk'), soort: 'aantal' },
            { titel: w.t('net.onbekend'), soort: 'aantal' },
            { titel: w.t('totaal'), soort: 'aantal' },
          ],
          rijen: balans.map((b) => [
            b.buurtNaam ?? w.t('net.heleGebied'),
            b.periode ? w.wanneer(b.periode) : w.t('net.zonderPeriode'),
            b.voorliggend,
            b.maatwerk,
            b.onbekend,
            b.totaal,
          ]),
          totaalKolom: 5,
          bron: w.t('net.balansBron'),
          peildatum: w.datum(peildatum),
        },
        p,
      ),
    );
  }
  const alineas = [
    `${w.t('net.alinea', { knopen: w.getal(n.knopen), relaties: w.getal(n.relaties) })} ${
      n.componenten > 1 ? w.t('net.delen', { n: n.componenten }) : w.t('net.samen')
    }`,
  ];
  const kwetsbaar = a.knopen.filter((k) => k.articulatiepunt).map((k) => namen.get(k.id) ?? k.id);
  if (kwetsbaar.length) {
    const eerste = kwetsbaar.slice(0, 3).join(', ');
    alineas.push(
      w.t('net.kwetsbaar', {
        namen:
          kwetsbaar.length > 3
            ? w.t(kwetsbaar.length === 4 ? 'net.enAndere_een' : 'net.enAndere', {
                namen: eerste,
                n: kwetsbaar.length - 3,
              })
            : eerste,
      }),
    );
  }
  return { alineas, kerngetallen: kern, tabellen, plaat };
}

export const netwerkSectie: Sectie<'netwerk'> = {
  id: 'netwerk',
  title: (w) => w.t('sectie.netwerk'),
  build: (c) => netwerkInhoud(c.netwerk, c.sel, c.peildatum, c.p, c.w),
};
