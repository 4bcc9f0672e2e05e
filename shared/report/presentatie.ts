/**
 * The slides of presentation mode (F5), from the project and, when given, the report's selection; in the report's
 * language (the words from `rapport.tekst.dia.*`), Dutch without one. Every table is protected as in the report.
 */
import type { NetwerkFilter } from '../analysis/types';
import { applyFilter } from '../analysis/filter';
import { analyseNetwerk } from '../analysis/analyse';
import { GROOTTE_METRIEKEN, type GrootteMetriek } from '../analysis/metriek-descriptors';
import { AppException } from '../result';
import { listJaren } from '../db/repos/gebieden';
import { kaartBronTekst, loadKaart } from '../db/repos/kaart';
import { listWeergaven } from '../db/repos/weergaven';
import { isDatum } from '../db/repos/snapshots';
import { loadPrivacy } from '../db/repos/privacy';
import { getProject } from '../db/repos/project';
import { standaardPeildatum } from '../db/repos/pilot';
import type { RapportContext } from './build';
import type { Dia, PresentatieOpties } from './model';
import { kaartPlaatSvg, netwerkPlaat } from './plates';
import { pilotDias } from './pilot';
import { selectie } from './selectie';
import { ernstPerBuurt, hiatenCellen, labelsIn, netwerkFilter, plaatGrootte } from './sections/gedeeld';
import { woorden } from './tekst';
import { taxonomieLabel } from '../model/taxonomies';

/**
 * A slide's plate: as wide as the slide at 1280×720 and about as high as the room under its title. The slide scales
 * it down to that room (to about 0.8 with a title of two lines and a note of two); its smallest text, 24 units, stays
 * 18 px or more on the beamer (measured in tests/e2e/presentatie-selectie.spec.ts).
 */
const DIA = { breedte: 1280, hoogte: 480, toonTitel: false, tekstMin: 24 } as const;
/**
 * A network slide with only a title of one line takes a taller plate (the room of the note it has not got): its
 * legend fits in one narrow column and the map gets the width (the 35 knopen of a wijk: 19 names instead of 5). The
 * slide draws it at about 0.82, its smallest text still 19 px.
 */
const DIA_HOOG = 600;
const korteTitel = (titel: string) => titel.length <= 48;

/**
 * The slides of presentation mode: a title slide, then the saved views (netwerk, kaart, hiaten) in their order with
 * their title and note; without saved views, one of each. With the report's selection (gebieden, peildatum) the title
 * slide counts the organisaties, voorzieningen and hiaten of those gebieden, its subtitle names that peildatum, and
 * the map, gap and default network slides are of the selection as in the report (the map highlights it, the gap
 * matrix lists its buurten, the network shows what serves it). A saved network view keeps its own filter: its title
 * says what it shows. Without a selection: the whole project, today. In the report's language when it has one.
 */
export function bouwPresentatie(ctx: RapportContext, opties: PresentatieOpties | null = null): Dia[] {
  const { db, netwerk: data } = ctx;
  if (opties && !isDatum(opties.peildatum))
    throw new AppException('invoer.ongeldig', { veld: 'peildatum', code: 'datum' });
  const p = loadPrivacy(db);
  const w = woorden(opties?.taal === 'en' ? 'en' : 'nl');
  const project = getProject(db);
  const vandaag = ctx.now.slice(0, 10);
  const sel = opties ? selectie(db, opties.gebieden, opties.peildatum) : null;
  const peildatum = opties?.peildatum ?? vandaag;
  const jaar = sel ? sel.jaar : (listJaren(db)[0] ?? null);
  const hiaten = hiatenCellen(db, jaar, opties?.peildatum ?? null, p, w);
  // The gap matrix and the count on the title slide: the selection's buurten (the map colours all, as in the report).
  const hier = sel ? hiaten.cellen.filter((c) => sel.buurten.has(c.gebiedCode)) : hiaten.cellen;
  const ernst = ernstPerBuurt(hiaten.cellen);
  const aantalHiaten = hier.filter((c) => c.ernst === 'hiaat' || c.ernst === 'ernstig').length;
  // What serves the selection, as the report's network section counts it (the whole network without one).
  const zicht = applyFilter(data, netwerkFilter(sel));
  const tel = (soort: 'organisatie' | 'voorziening') =>
    zicht.knopen.filter((k) => k.soort === soort && zicht.treffers.has(k.id)).length;
  const dias: Dia[] = [
    {
      soort: 'titel',
      titel: project.naam,
      // One peildatum: the report's, else today (the project as it is now).
      notitie: w.t('dia.notitie', { datum: w.datum(peildatum) }),
      ...(sel ? { gebieden: sel.gekozen.map((g) => g.naam).join(', ') } : {}),
      kerngetallen: [
        { label: w.t('dia.organisaties'), waarde: w.getal(tel('organisatie')) },
        { label: w.t('dia.voorzieningen'), waarde: w.getal(tel('voorziening')) },
        { label: w.t('dia.hiaten'), waarde: w.getal(aantalHiaten) },
      ],
      bron: 'Wijkweb',
    },
  ];
  // With a pilot: "Is de pilot op koers?" and the afhandeling per quarter, at the report's peildatum (as the report's
  // Pilotmonitor), else at the monitor's newest data.
  dias.push(...pilotDias(db, opties?.peildatum ?? standaardPeildatum(db, vandaag) ?? vandaag, p, DIA, w));
  const posities = new Map(data.posities.map((x) => [x.knoop, { x: x.x, y: x.y }]));
  const netwerkDia = (
    titel: string,
    notitie: string | null,
    filter: NetwerkFilter,
    eigen: ReadonlyMap<string, { x: number; y: number }> = posities,
    maat: GrootteMetriek | null = 'betweenness',
  ): Dia => {
    const plaatFilter: NetwerkFilter = { metVoorzieningen: true, ...filter, metGebieden: false };
    // No caption on the slide's plate (its room goes to the map): what lines and sizes mean goes before the source.
    const plaat = netwerkPlaat({
      net: applyFilter(data, plaatFilter),
      posities: eigen,
      grootte: maat ? plaatGrootte(analyseNetwerk(data, plaatFilter), maat, w.taal) : undefined,
      sectorLabels: labelsIn(data.labels['soort_organisatie'], 'soort_organisatie', w),
      relatieLabels: labelsIn(data.labels['relatietype'], 'relatietype', w),
      titel,
      onderschrift: '',
      taal: w.taal,
      ...DIA,
      ...(!notitie && korteTitel(titel) ? { hoogte: DIA_HOOG } : {}),
    });
    return { soort: 'netwerk', titel, notitie, svg: plaat.svg, noot: plaat.noot, bron: w.t('bron.socialeKaart') };
  };
  const kaart = loadKaart(db, jaar ?? undefined);
  const kaartDia = (titel: string, notitie: string | null): Dia => ({
    soort: 'kaart',
    titel,
    notitie,
    svg: kaartPlaatSvg({
      gebieden: kaart.gebieden,
      ernst,
      selectie: sel ? new Set([...sel.buurten, ...sel.codes]) : new Set(),
      titel,
      onderschrift: w.t('dia.kaartOnderschrift', {
        kaart: kaartBronTekst(kaart, w.taal),
        periode: hiaten.periode ? ` (${hiaten.periode})` : '',
      }),
      taal: w.taal,
      ...DIA,
    }),
    bron: w.t('dia.kaartBron'),
  });
  const hiatenDia = (titel: string, notitie: string | null): Dia => {
    const leefgebieden = hiaten.input.leefgebieden;
    const buurten = [...new Map(hier.map((c) => [c.gebiedCode, c.gebiedNaam]))].sort((a, b) =>
      a[1].localeCompare(b[1], 'nl'),
    );
    const cel = new Map(hier.map((c) => [`${c.gebiedCode}|${c.leefgebied}`, c]));
    return {
      soort: 'hiaten',
      titel,
      notitie,
      tabel: {
        id: w.t('dia.hiatenId'),
        titel,
        kolommen: [
          { titel: w.t('kolom.buurt'), soort: 'tekst' },
          ...leefgebieden.map((l) => ({
            titel: taxonomieLabel('leefgebied', l.code, l.label, w.taal),
            soort: 'tekst' as const,
          })),
        ],
        rijen: buurten.map(([code, naam]) => [
          naam,
          ...leefgebieden.map((l) => {
            const c = cel.get(`${code}|${l.code}`);
            return c ? w.t(`legenda.${c.ernst}`) : null;
          }),
        ]),
        bron: w.t('dia.hiatenTabelBron'),
        peildatum: hiaten.periode,
      },
      bron: w.t('dia.kaartBron'),
    };
  };
  const weergaven = [
    ...listWeergaven(db, 'kaart'),
    ...listWeergaven(db, 'hiaten'),
    ...listWeergaven(db, 'netwerk'),
  ].sort((a, b) => a.volgorde - b.volgorde || a.id - b.id);
  if (!weergaven.length) {
    dias.push(kaartDia(w.t('dia.kaartTitel'), null), hiatenDia(w.t('dia.hiatenTitel'), null));
    dias.push(netwerkDia(w.t('dia.netwerkTitel'), null, netwerkFilter(sel)));
    return dias;
  }
  for (const v of weergaven) {
    const titel = v.titel ?? v.naam;
    if (v.soort === 'netwerk') {
      const filter = (v.instellingen['filter'] ?? {}) as NetwerkFilter;
      // The positions saved with the view, else the project's.
      const saved = v.instellingen['posities'];
      const eigen = Array.isArray(saved)
        ? new Map(
            (saved as unknown[])
              .filter((x): x is [string, number, number] => Array.isArray(x) && typeof x[0] === 'string')
              .map(([k, x, y]) => [k, { x, y }]),
          )
        : posities;
      // The measure the view sized its knopen by (none: the plate's own, the number of connections).
      const op = v.instellingen['grootteOp'];
      const maat: GrootteMetriek | null =
        typeof op === 'string' && (GROOTTE_METRIEKEN as readonly string[]).includes(op)
          ? (op as GrootteMetriek)
          : op === null
            ? null
            : 'betweenness';
      dias.push(netwerkDia(titel, v.notitie, filter, eigen.size ? eigen : posities, maat));
    } else if (v.soort === 'kaart') dias.push(kaartDia(titel, v.notitie));
    else dias.push(hiatenDia(titel, v.notitie));
  }
  return dias;
}
