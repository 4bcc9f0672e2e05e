/**
 * Builds the stuurgroep report, the snapshot of "now" and the presentation slides from the project. Reads through the
 * repos, computes with the pure analysis functions, and protects every count on the way out (privacy.ts): what this
 * module returns may leave the machine.
 */
import { MONITOR_MATEN } from '../model/pilot';
import type { ProjectDb } from '../db/connection';
import { AppException } from '../result';
import type { NetwerkData, NetwerkFilter } from '../analysis/types';
import { applyFilter } from '../analysis/filter';
import { analyseNetwerk } from '../analysis/analyse';
import type { NetwerkAnalyse } from '../analysis/types';
import { GROOTTE_METRIEKEN, metriekDescriptor, type GrootteMetriek } from '../analysis/metriek-descriptors';
import { formatMessage } from '../i18n/messages';
import { berekenHiaten, type Ernst, type HiaatCel } from '../analysis/hiaten';
import {
  berekenScenario,
  EENVOUDIGE_REGELS,
  scenarioRijen,
  STANDAARD_SCENARIO,
  type ScenarioParameters,
  type ScenarioRegelUitkomst,
} from '../analysis/scenario';
import { loadHiatenInput, loadHiatenInstellingen } from '../db/repos/hiaten';
import {
  buurtenIn,
  eigenGebiedProfiel,
  gebiedOpCode,
  gebiedProfiel,
  listEigenGebieden,
  listJaren,
  wijkVan,
  type GebiedProfiel,
} from '../db/repos/gebieden';
import { listTaxonomieItems } from '../db/repos/taxonomies';
import { listMetingen, type MetingRow } from '../db/repos/metingen';
import { listBronnen } from '../db/repos/overview';
import { listOrganisaties, listRelaties, listVoorzieningen } from '../db/repos/sociale-kaart';
import { listScenarios } from '../db/repos/scenarios';
import { kaartBronTekst, loadKaart } from '../db/repos/kaart';
import { listWeergaven } from '../db/repos/weergaven';
import { isDatum, snapshotOp, snapshotVoor } from '../db/repos/snapshots';
import { loadPrivacy } from '../db/repos/privacy';
import { getProject } from '../db/repos/project';
import {
  SECTIES,
  type CelWaarde,
  type Dia,
  type Kerngetal,
  type PresentatieOpties,
  type Rapport,
  type RapportOpties,
  type RapportSectie,
  type RapportTabel,
} from './model';
import {
  BRON_ONDERDRUKT,
  beschermTabel,
  GEHEIM,
  isKlein,
  kleinLabel,
  totaalVeilig,
  type PrivacyInstellingen,
} from './privacy';
import { maakSnapshotInhoud, vergelijkSnapshots, type SnapshotInhoud, type Verschillen } from './snapshot';
import { ERNST_KLEUR } from './ernst-kleur';
import { kaartPlaatSvg, netwerkPlaatSvg } from './plates';
import { pilotDias, pilotSectie } from './pilot';
import { standaardPeildatum } from '../db/repos/pilot';

import { datumNl, getalNl } from './format';
import { woorden, type Woorden } from './tekst';
import { DEFAULT_TAXONOMIES, taxonomieLabel } from '../model/taxonomies';

/** "op 2 april 2024" for a peildatum, "in april 2024" for a period. */
const opIn = (w: Woorden, wanneer: string) => w.t(wanneer.includes('/') ? 'in' : 'op', { wanneer: w.wanneer(wanneer) });

/** "ernstig hiaat", "geen gegevens": the severity in a sentence. */
const ernstWoord = (w: Woorden, ernst: string) =>
  ['ernstig', 'hiaat', 'aandacht', 'geen', 'geen-gegevens'].includes(ernst) ? w.t(`ernst.${ernst}`) : ernst;
/** "Meldingen", "Toewijzingen", "Unieke cliënten". */
const maatLabel = (w: Woorden, maat: string) =>
  ['meldingen', 'toewijzingen', 'unieke_clienten'].includes(maat) ? w.t(`maat.${maat}`) : maat;
/** A CBS figure's name: the standard ones in English when the report is; otherwise as imported. */
const cbsLabel = (w: Woorden, sleutel: string, label: string) => {
  if (w.taal === 'nl') return label;
  const en = w.t(`cbs.${sleutel}`);
  return en === `rapport.tekst.cbs.${sleutel}` ? label : en;
};
/** A field name of the snapshot comparison ("vrij toegankelijk") in the report's language. */
const veldWoord = (w: Woorden, veld: string) => {
  if (w.taal === 'nl') return veld;
  const key = `veld.${veld.replace(/ /g, '_')}`;
  const en = w.t(key);
  return en === `rapport.tekst.${key}` ? veld : en;
};
/** A voorziening's status ("actief") in the report's language. */
const statusWoord = (w: Woorden, status: string) =>
  w.taal === 'nl' || !['actief', 'gepland', 'gestopt'].includes(status) ? status : w.t(`status.${status}`);

// ---------------------------------------------------------------- gebieden

interface Selectie {
  readonly jaar: number | null;
  readonly gekozen: readonly { code: string; naam: string }[];
  /** Buurt codes covered (for an eigen gebied of wijken: their buurten). */
  readonly buurten: ReadonlySet<string>;
  /** Buurt and wijk codes, for filters that take either. */
  readonly codes: readonly string[];
  /** Codes an offer may name to serve the selection: its buurten, their wijken and gemeente. */
  readonly bedient: ReadonlySet<string>;
}

function kiesJaar(db: ProjectDb, peildatum: string): number | null {
  const jaren = listJaren(db);
  const jaar = Number(peildatum.slice(0, 4));
  return jaren.find((j) => j <= jaar) ?? jaren[jaren.length - 1] ?? null;
}

function selectie(db: ProjectDb, codes: readonly string[], peildatum: string): Selectie {
  if (codes.length === 0) throw new AppException('rapport.geen-gebied');
  const jaar = kiesJaar(db, peildatum);
  const eigen = new Map(listEigenGebieden(db).map((e) => [e.code, e]));
  const gekozen: { code: string; naam: string }[] = [];
  const buurten = new Set<string>();
  const alle = new Set<string>();
  const voeg = (code: string) => {
    alle.add(code);
    if (code.startsWith('BU')) buurten.add(code);
    else if (code.startsWith('WK')) for (const b of buurtenIn(db, code, jaar)) buurten.add(b);
  };
  for (const code of codes) {
    const e = eigen.get(code);
    if (e) {
      gekozen.push({ code, naam: e.naam });
      e.leden.forEach(voeg);
      continue;
    }
    const g = gebiedOpCode(db, code);
    if (!g) throw new AppException('rapport.onbekend-gebied', { code });
    gekozen.push({ code, naam: g.naam });
    if (g.niveau === 'gemeente') for (const b of buurtenIn(db, code, jaar)) voeg(b);
    else voeg(code);
  }
  const bedient = new Set<string>([...alle, ...buurten]);
  for (const b of buurten) {
    bedient.add(`GM${b.slice(2, 6)}`);
    const w = wijkVan(db, b);
    if (w) bedient.add(w);
  }
  return { jaar, gekozen, buurten, codes: [...alle], bedient };
}

// ---------------------------------------------------------------- the state at a moment

function netwerkFilter(sel: Selectie | null): NetwerkFilter {
  return { metVoorzieningen: true, ...(sel ? { gebieden: sel.codes } : {}) };
}

function hiatenCellen(
  db: ProjectDb,
  jaar: number | null,
  totEnMet: string | null,
  p: PrivacyInstellingen | null,
  w: Woorden = woorden('nl'),
) {
  const instellingen = loadHiatenInstellingen(db);
  const input = loadHiatenInput(db, instellingen, jaar ?? undefined, totEnMet ?? undefined, w.taal);
  return {
    periode: input.periode ? w.datums(input.periode) : null,
    cellen: berekenHiaten(input, instellingen, { drempel: p?.aan ? p.drempel : null, taal: w.taal }),
    input,
  };
}

/** The sociale kaart, the network's key figures and the gaps as they are now. */
export function huidigeSnapshot(
  db: ProjectDb,
  netwerk: NetwerkData,
  /** The network's key figures (the whole analysis); a comparison of "now" with a snapshot does not need them. */
  metKengetallen = true,
): SnapshotInhoud {
  const kengetallen =
    metKengetallen && netwerk.knopen.length ? analyseNetwerk(netwerk, netwerkFilter(null)).netwerk : null;
  return maakSnapshotInhoud({
    organisaties: listOrganisaties(db),
    voorzieningen: listVoorzieningen(db),
    relaties: listRelaties(db),
    kengetallen,
    hiaten: hiatenCellen(db, null, null, null).cellen,
  });
}

// ---------------------------------------------------------------- tables

function kerncijfers(
  db: ProjectDb,
  sel: Selectie,
  p: PrivacyInstellingen,
  w: Woorden,
): { sectie: Omit<RapportSectie, 'soort' | 'titel'>; profielen: GebiedProfiel[] } {
  const profielen: GebiedProfiel[] = [];
  if (sel.jaar !== null) {
    for (const g of sel.gekozen) {
      const prof = g.code.startsWith('EG')
        ? eigenGebiedProfiel(db, g.code, sel.jaar)
        : gebiedProfiel(db, g.code, sel.jaar);
      if (prof) profielen.push(prof);
    }
  }
  if (!profielen.length) {
    return {
      profielen,
      sectie: {
        alineas: [w.t('kern.geenCbs')],
        kerngetallen: [],
        tabellen: [],
      },
    };
  }
  const eerste = profielen[0]!;
  const sleutels: { sleutel: string; label: string; eenheid: string | null }[] = [];
  const gezien = new Set<string>();
  for (const prof of profielen) {
    for (const r of [...prof.rijen.filter((x) => x.canoniek), ...prof.afgeleid]) {
      if (gezien.has(r.sleutel)) continue;
      gezien.add(r.sleutel);
      sleutels.push({ sleutel: r.sleutel, label: cbsLabel(w, r.sleutel, r.label), eenheid: r.eenheid });
    }
  }
  const waarde = (prof: GebiedProfiel, sleutel: string) =>
    [...prof.rijen, ...prof.afgeleid].find((r) => r.sleutel === sleutel);
  // The gemeente figures: from a buurt or wijk profile (an eigen gebied's own profile has none).
  const metGemeente =
    profielen.find((prof) => prof.gemeente !== null) ??
    (() => {
      const buurt = [...sel.buurten][0];
      return buurt && sel.jaar !== null ? gebiedProfiel(db, buurt, sel.jaar) : null;
    })() ??
    eerste;
  const gemeente = metGemeente.gemeente ?? eerste.gemeente;
  const rijen: CelWaarde[][] = sleutels.map((s) => [
    s.label,
    ...profielen.map((prof) => {
      const r = waarde(prof, s.sleutel);
      if (!r) return null;
      return r.status === 'geheim' ? 'x' : r.waarde;
    }),
    waarde(metGemeente, s.sleutel)?.gemeente ?? null,
  ]);
  const bron = bronVanProfiel(eerste, w);
  const inw = waarde(eerste, 'inwoners');
  const kern: Kerngetal[] = [];
  if (inw?.waarde != null) {
    kern.push({
      label: w.t('kern.inwoners', { naam: eerste.gebied.naam }),
      waarde: w.getal(inw.waarde),
      toelichting: `${bron}, ${sel.jaar}`,
    });
  }
  for (const s of ['aandeel_65_plus', 'aandeel_eenpersoonshuishoudens', 'aandeel_0_14']) {
    const r = waarde(eerste, s);
    if (r?.waarde == null) continue;
    const gm = waarde(metGemeente, s)?.gemeente ?? null;
    kern.push({
      label: cbsLabel(w, r.sleutel, r.label).replace(/^% (.*)$/, (_, rest: string) =>
        w.t('kern.aandeel', { label: rest }),
      ),
      waarde: `${w.getal(r.waarde, 0)}%`,
      toelichting: gm !== null ? w.t('kern.gemeentePct', { pct: `${w.getal(gm, 0)}%` }) : undefined,
    });
  }
  return {
    profielen,
    sectie: {
      alineas: [
        w.t(gemeente ? 'kern.alineaGemeente' : 'kern.alinea', {
          namen: sel.gekozen.map((g) => g.naam).join(', '),
          jaar: String(sel.jaar),
          gemeente: gemeente?.naam ?? '',
        }),
      ],
      kerngetallen: kern,
      tabellen: [
        beschermTabel(
          {
            id: w.t('kern.tabelId'),
            titel: w.t('kern.tabelTitel', { jaar: String(sel.jaar) }),
            kolommen: [
              { titel: w.t('kern.kenmerk'), soort: 'tekst' },
              ...profielen.map((prof) => ({ titel: prof.gebied.naam, soort: 'getal' as const, decimalen: 1 })),
              {
                titel: gemeente ? w.t('kern.gemeenteNaam', { naam: gemeente.naam }) : w.t('kern.gemeente'),
                soort: 'getal',
                decimalen: 1,
              },
            ],
            rijen,
            bron,
            peildatum: String(sel.jaar),
            voetnoot: w.t('kern.voetnoot'),
          },
          p,
        ),
      ],
    },
  };
}

function bronVanProfiel(prof: GebiedProfiel, w: Woorden): string {
  const r = prof.rijen[0];
  return `${w.t('bron.cbsKerncijfers')}${r?.bron.bestandsnaam ? ` (${r.bron.bestandsnaam})` : ''}`;
}

/** A row's label: the meldingstype, the product, or wet + level. */
function metingLabel(r: MetingRow, w: Woorden): string {
  if (r.meldingstype) return r.meldingstype;
  if (r.product) return r.product;
  return (
    [r.wet, r.ondersteuningsbehoefte !== null ? `OB${r.ondersteuningsbehoefte}` : null].filter(Boolean).join(' ') ||
    w.t('totaal')
  );
}
const wanneer = (r: MetingRow) => r.peildatum ?? `${r.periodeStart}/${r.periodeEind}`;

/**
 * The rows that make up a count without counting anything twice: per gebied, moment, wet and level the product's own
 * row; without it its sub-levels (1A, 1B); without those the rows per vorm.
 */
export function zonderDubbeleTelling<T extends MetingRow>(rows: readonly T[]): T[] {
  const key = (r: T) =>
    `${r.gebiedCode}\u0000${r.maat}\u0000${wanneer(r)}\u0000${r.wet}\u0000${r.ondersteuningsbehoefte}`;
  const niveau = (r: T) => (r.subniveau === null && r.vorm === null ? 0 : r.vorm === null ? 1 : 2);
  const best = new Map<string, number>();
  for (const r of rows) best.set(key(r), Math.min(best.get(key(r)) ?? 2, niveau(r)));
  return rows.filter((r) => niveau(r) === best.get(key(r)));
}

function metingen(
  db: ProjectDb,
  sel: Selectie,
  peildatum: string,
  p: PrivacyInstellingen,
  inwoners: number | null,
  w: Woorden,
): Omit<RapportSectie, 'soort' | 'titel'> {
  // The Pilotmonitor's measures (afhandeling, kosten, tevredenheid) are no demand counts: amounts and scores must not
  // be summed or hidden as small counts here; the Pilotmonitor shows them.
  const rows = [...sel.buurten]
    .flatMap((b) => listMetingen(db, { gebiedCode: b }).rijen)
    .filter((r) => !(MONITOR_MATEN as readonly string[]).includes(r.maat));
  const tot = zonderDubbeleTelling(rows.filter((r) => (r.peildatum ?? r.periodeEind ?? '') <= peildatum));
  if (!tot.length) {
    return {
      alineas: [w.t('met.geen')],
      kerngetallen: [],
      tabellen: [],
    };
  }
  const tabellen: RapportTabel[] = [];
  const kern: Kerngetal[] = [];
  const alineas: string[] = [];
  for (const maat of [...new Set(tot.map((r) => r.maat))].sort()) {
    let onvolledig = false;
    const lijst = tot.filter((r) => r.maat === maat);
    const momenten = [...new Set(lijst.map(wanneer))].sort().slice(-4);
    const labels = [...new Set(lijst.map((r) => metingLabel(r, w)))];
    // Per label and moment: the sum over the buurten, and the buurten's own counts (the Metingen export shows them).
    const som = new Map<string, { n: number; onderdrukt: boolean; delen: number[] }>();
    for (const r of lijst) {
      const k = `${metingLabel(r, w)}\u0000${wanneer(r)}`;
      const cur = som.get(k) ?? { n: 0, onderdrukt: false, delen: [] };
      if (r.onderdrukt || r.waarde === null) cur.onderdrukt = true;
      else {
        cur.n += r.waarde;
        cur.delen.push(r.waarde);
      }
      som.set(k, cur);
    }
    const cel = (label: string, m: string): CelWaarde => {
      const c = som.get(`${label}\u0000${m}`);
      if (!c) return null;
      if (c.onderdrukt) {
        onvolledig = true;
        // Suppressed at the source: "<5" alone, or "at least" what is known.
        return c.n === 0 ? BRON_ONDERDRUKT : `≥ ${w.getal(c.n)}`;
      }
      // A sum over buurten that would give a small buurt count away is hidden.
      return c.delen.length > 1 && !totaalVeilig(c.n, c.delen, p) ? GEHEIM : c.n;
    };
    const rijen: CelWaarde[][] = labels.map((l) => [l, ...momenten.map((m) => cel(l, m))]);
    const totalen = momenten.map((m) =>
      labels.reduce((t, l) => {
        const c = som.get(`${l}\u0000${m}`);
        return t + (c ? c.n : 0);
      }, 0),
    );
    const laatste = totalen[totalen.length - 1] ?? 0;
    const per1000 = inwoners ? (laatste / inwoners) * 1000 : null;
    rijen.push([w.t('totaal'), ...totalen]);
    const bronnen = [...new Set(lijst.map((r) => r.bron))].join(', ');
    const beschermd = beschermTabel(
      {
        id: maatLabel(w, maat),
        titel: w.t(lijst.some((r) => r.meldingstype) ? 'met.tabelSoortMelding' : 'met.tabelProduct', {
          maat: maatLabel(w, maat),
        }),
        kolommen: [
          { titel: w.t('kolom.soort'), soort: 'tekst' },
          ...momenten.map((m) => ({ titel: w.wanneer(m), soort: 'aantal' as const })),
        ],
        rijen,
        totaalRij: true,
        bron: `Cognos (${bronnen})`,
        peildatum: w.wanneer(momenten[momenten.length - 1]!),
        voetnoot: onvolledig ? w.t('met.voetnoot') : undefined,
      },
      p,
    );
    tabellen.push(beschermd);
    // Key figures and sentences only use totals the table itself shows.
    const totaalRij = beschermd.rijen[beschermd.rijen.length - 1]!;
    const getoond = (i: number) => {
      const v = totaalRij[i + 1];
      return typeof v === 'number' ? v : null;
    };
    const nu = getoond(momenten.length - 1);
    const vorige = momenten.length > 1 ? getoond(momenten.length - 2) : null;
    const toon = (i: number) => (getoond(i) === null ? String(totaalRij[i + 1] ?? '') : w.getal(getoond(i)!));
    kern.push({
      label: `${maatLabel(w, maat)}, ${w.wanneer(momenten[momenten.length - 1]!)}`,
      waarde: toon(momenten.length - 1),
      toelichting:
        [
          momenten.length > 1 ? w.t('met.vorigeKeer', { waarde: toon(momenten.length - 2) }) : null,
          per1000 !== null && nu !== null ? w.t('met.per1000', { waarde: w.getal(per1000, 1) }) : null,
        ]
          .filter(Boolean)
          .join('; ') || undefined,
    });
    if (nu !== null && vorige !== null && laatste === nu) {
      const verschil = nu - vorige;
      alineas.push(
        w.t(verschil === 0 ? 'met.gelijk' : verschil > 0 ? 'met.meer' : 'met.minder', {
          maat: maatLabel(w, maat),
          n: w.getal(nu),
          wanneer: opIn(w, momenten[momenten.length - 1]!),
          verschil: w.getal(Math.abs(verschil)),
          vorige: opIn(w, momenten[momenten.length - 2]!),
        }),
      );
    }
  }
  return { alineas, kerngetallen: kern, tabellen };
}

/** A taxonomy's labels (code → label) in the report's language: the standard ones in English when it is. */
function labelsIn(
  labels: Readonly<Record<string, string>> | undefined,
  taxonomie: 'soort_organisatie' | 'relatietype',
  w: Woorden,
): Readonly<Record<string, string>> {
  if (!labels || w.taal === 'nl') return labels ?? {};
  return Object.fromEntries(Object.entries(labels).map(([c, l]) => [c, taxonomieLabel(taxonomie, c, l, w.taal)]));
}

function netwerkSectie(
  data: NetwerkData,
  sel: Selectie,
  peildatum: string,
  p: PrivacyInstellingen,
  w: Woorden,
): Omit<RapportSectie, 'soort' | 'titel'> {
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

function binnen(sel: Selectie, codes: readonly (string | null)[]): boolean {
  const echte = codes.filter((c): c is string => c !== null);
  return echte.length === 0 || echte.some((c) => sel.bedient.has(c));
}

/** The part of a snapshot that concerns the selection (items in it, or without a place). */
function snapshotVoorSelectie(s: SnapshotInhoud, sel: Selectie): SnapshotInhoud {
  const orgs = s.organisaties.filter((o) => binnen(sel, [o.buurt]));
  const vzs = s.voorzieningen.filter((v) => binnen(sel, [...v.werkgebied, v.locatie ?? null]));
  const ids = new Set([...orgs.map((o) => `o${o.id}`), ...vzs.map((v) => `v${v.id}`)]);
  const namen = new Set([...orgs.map((o) => o.naam), ...vzs.map((v) => v.naam)]);
  // By the ends' ids (snapshots from before they were kept: by name).
  const raakt = (r: SnapshotInhoud['relaties'][number]) =>
    r.vanRef !== undefined && r.naarRef !== undefined
      ? ids.has(r.vanRef) || ids.has(r.naarRef)
      : namen.has(r.van) || namen.has(r.naar);
  return {
    ...s,
    organisaties: orgs,
    voorzieningen: vzs,
    relaties: s.relaties.filter(raakt),
    hiaten: s.hiaten.filter((h) => sel.buurten.has(h.gebied)),
  };
}

function veranderingen(
  oud: { naam: string; peildatum: string; inhoud: SnapshotInhoud } | null,
  nu: () => SnapshotInhoud,
  sel: Selectie,
  p: PrivacyInstellingen,
  w: Woorden,
): Omit<RapportSectie, 'soort' | 'titel'> & { verschillen: Verschillen | null } {
  if (!oud) {
    return {
      alineas: [w.t('ver.geenMoment')],
      kerngetallen: [],
      tabellen: [],
      verschillen: null,
    };
  }
  const v = vergelijkSnapshots(snapshotVoorSelectie(oud.inhoud, sel), snapshotVoorSelectie(nu(), sel));
  const rijen: CelWaarde[][] = [];
  const regel = (wat: string, soort: string, naam: string, detail: string) =>
    rijen.push([w.t(`ver.${wat}`), w.t(`ver.${soort}`), naam, detail]);
  const velden = (l: readonly string[]) => l.map((x) => veldWoord(w, x)).join(', ');
  const relatieSoort = (soort: string) => {
    const standaard = w.taal === 'en' ? DEFAULT_TAXONOMIES.relatietype.find((i) => i.code === soort) : undefined;
    return standaard ? taxonomieLabel('relatietype', soort, standaard.label, 'en').toLowerCase() : soort;
  };
  for (const o of v.organisaties.nieuw) regel('nieuw', 'organisatie', o.naam, '');
  for (const o of v.organisaties.weg) regel('weg', 'organisatie', o.naam, '');
  for (const x of v.organisaties.gewijzigd) regel('gewijzigd', 'organisatie', x.nieuw.naam, velden(x.velden));
  for (const x of v.voorzieningen.nieuw) regel('nieuw', 'voorziening', x.naam, x.organisatie ?? '');
  for (const x of v.voorzieningen.weg) regel('weg', 'voorziening', x.naam, x.organisatie ?? '');
  for (const x of v.voorzieningen.gewijzigd)
    regel(
      'gewijzigd',
      'voorziening',
      x.nieuw.naam,
      x.velden.includes('status')
        ? w.t('ver.status', { oud: statusWoord(w, x.oud.status), nieuw: statusWoord(w, x.nieuw.status) })
        : velden(x.velden),
    );
  for (const r of v.relaties.nieuw) regel('nieuw', 'relatie', `${r.van} → ${r.naar}`, relatieSoort(r.soort));
  for (const r of v.relaties.weg) regel('weg', 'relatie', `${r.van} → ${r.naar}`, relatieSoort(r.soort));
  for (const x of v.relaties.gewijzigd)
    regel('gewijzigd', 'relatie', `${x.nieuw.van} → ${x.nieuw.naar}`, velden(x.velden));
  // A snapshot keeps the leefgebied's label as it was written then: in English, the standard ones in English.
  const lg = (h: { leefgebied?: string; leefgebiedLabel: string }) =>
    h.leefgebied ? taxonomieLabel('leefgebied', h.leefgebied, h.leefgebiedLabel, w.taal) : h.leefgebiedLabel;
  for (const h of v.hiaten.nieuw) regel('nieuw', 'hiaat', `${h.gebiedNaam}: ${lg(h)}`, ernstWoord(w, h.ernst));
  for (const h of v.hiaten.weg) regel('weg', 'hiaat', `${h.gebiedNaam}: ${lg(h)}`, w.t('ver.geenHiaatMeer'));
  for (const x of v.hiaten.gewijzigd)
    regel(
      'gewijzigd',
      'hiaat',
      `${x.nieuw.gebiedNaam}: ${lg(x.nieuw)}`,
      `${ernstWoord(w, x.oud.ernst)} → ${ernstWoord(w, x.nieuw.ernst)}`,
    );
  const tel = (l: { nieuw: readonly unknown[]; weg: readonly unknown[] }, wat: string) => {
    const woord = (n: number) => w.t(`ver.${wat}_${n === 1 ? 'een' : 'meer'}`);
    const delen: string[] = [];
    if (l.nieuw.length) delen.push(w.t('ver.bij', { n: l.nieuw.length, wat: woord(l.nieuw.length) }));
    if (l.weg.length) delen.push(w.t('ver.wegAantal', { n: l.weg.length, wat: woord(l.weg.length) }));
    return delen.join(w.t('ver.en'));
  };
  const zinnen = [
    tel(v.organisaties, 'organisatie'),
    tel(v.voorzieningen, 'voorziening'),
    tel(v.relaties, 'relatie'),
  ].filter(Boolean);
  const sinds = { naam: oud.naam, datum: w.datum(oud.peildatum) };
  const alineas = [
    rijen.length === 0
      ? w.t('ver.niets', sinds)
      : w.t('ver.sinds', { ...sinds, wat: zinnen.length ? zinnen.join('; ') : w.t('ver.geenBijWeg') }) +
        (v.hiaten.nieuw.length || v.hiaten.weg.length
          ? ` ${w.t('ver.hiaten', { nieuw: v.hiaten.nieuw.length, weg: v.hiaten.weg.length })}`
          : ''),
  ];
  const kern: Kerngetal[] = [
    { label: w.t('ver.nieuweVoorzieningen'), waarde: String(v.voorzieningen.nieuw.length) },
    {
      label: w.t('ver.gestopt'),
      waarde: String(
        v.voorzieningen.weg.length +
          v.voorzieningen.gewijzigd.filter((w) => w.nieuw.status === 'gestopt' && w.oud.status !== 'gestopt').length,
      ),
    },
    { label: w.t('ver.nieuweRelaties'), waarde: String(v.relaties.nieuw.length) },
  ];
  return {
    alineas,
    kerngetallen: kern,
    tabellen: rijen.length
      ? [
          beschermTabel(
            {
              id: w.t('ver.tabelId'),
              titel: w.t('ver.tabel', { datum: w.datum(oud.peildatum) }),
              kolommen: [
                { titel: w.t('ver.wat'), soort: 'tekst' },
                { titel: w.t('kolom.soort'), soort: 'tekst' },
                { titel: w.t('ver.naam'), soort: 'tekst' },
                { titel: w.t('kolom.toelichting'), soort: 'tekst' },
              ],
              rijen,
              bron: w.t('ver.bron', { naam: oud.naam }),
              peildatum: w.datum(oud.peildatum),
            },
            p,
          ),
        ]
      : [],
    verschillen: v,
  };
}

function hiatenSectie(
  cellen: readonly HiaatCel[],
  periode: string | null,
  sel: Selectie,
  p: PrivacyInstellingen,
  peildatum: string,
  kaartSvg: string | null,
  kaartBron: string,
  w: Woorden,
): Omit<RapportSectie, 'soort' | 'titel'> {
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

function scenarioSectie(
  db: ProjectDb,
  sel: Selectie,
  scenarioId: number | null | undefined,
  totEnMet: string,
  p: PrivacyInstellingen,
  w: Woorden,
): Omit<RapportSectie, 'soort' | 'titel'> {
  const opgeslagen = listScenarios(db);
  const gekozen = scenarioId != null ? opgeslagen.find((s) => s.id === scenarioId) : opgeslagen[0];
  if (scenarioId != null && !gekozen)
    throw new AppException('item.niet-gevonden', { soort: 'scenario', id: scenarioId });
  const params: ScenarioParameters = { ...(gekozen?.parameters ?? STANDAARD_SCENARIO), gebieden: [...sel.buurten] };
  const instellingen = loadHiatenInstellingen(db);
  const u = berekenScenario(loadHiatenInput(db, instellingen, sel.jaar ?? undefined, totEnMet), params);
  const naam = gekozen?.naam ?? w.t('sc.standaard');
  if (u.indicaties === 0) {
    return {
      alineas: [w.t('sc.geen', { naam })],
      kerngetallen: [],
      tabellen: [],
    };
  }
  const vol = u.perJaar.find((j) => j.opbouw >= 1) ?? u.perJaar[u.perJaar.length - 1];
  const geld = w.geld;
  // Every amount from counts is the number of indications times a known share and tariff: when a line's number is
  // small, or products of different tariffs would give a small count away, or the lines' numbers would give one
  // away next to the total, none of it is shown.
  const uitTellingen = u.regels.filter((r) => r.indicaties !== null);
  const perTarief = (r: (typeof uitTellingen)[number]) => {
    const m = new Map<number, number>();
    for (const x of r.producten) m.set(x.tarief, (m.get(x.tarief) ?? 0) + x.aantal);
    return m.size > 1 ? [...m.values()] : [];
  };
  if (
    !uitTellingen.every((r) => r.indicaties === 0 || totaalVeilig(r.indicaties!, perTarief(r), p)) ||
    !totaalVeilig(
      u.indicaties,
      uitTellingen.map((r) => r.indicaties!),
      p,
    )
  ) {
    return {
      alineas: [w.t('sc.teKlein', { naam })],
      kerngetallen: [],
      tabellen: [],
    };
  }
  const eigenRegels = !!params.regels?.length;
  const rijen = scenarioRijen(u, w.taal);
  return {
    alineas: [
      eigenRegels
        ? w.t('sc.eigenRegels', { naam, n: u.regels.length, pct: w.pct(params.verschuiving) })
        : w.t('sc.alinea', {
            naam,
            pct: w.pct(params.verschuiving),
            jaren: params.opbouw.length,
            inzet: w.pct(params.vervangendeInzet),
          }),
      params.toelichting ?? '',
      u.onderdrukt ? w.t('sc.onderdrukt') : '',
    ].filter(Boolean),
    kerngetallen: [
      {
        label: w.t('sc.indicaties'),
        waarde: isKlein(u.indicaties, p) ? kleinLabel(p) : w.getal(u.indicaties),
      },
      ...(vol
        ? [
            {
              label: w.t('sc.rendement', { jaar: vol.jaar }),
              waarde: geld(vol.rendement),
              toelichting: w.t('sc.rendementUitleg'),
            },
          ]
        : []),
    ],
    tabellen: [
      beschermTabel(
        {
          id: w.t('sc.tabelId'),
          titel: w.t('sc.tabel', { naam }),
          kolommen: [
            { titel: w.t('sc.regel'), soort: 'tekst' },
            ...u.jaren.map((j) => ({ titel: String(j), soort: 'geld' as const })),
          ],
          rijen: rijen.map((r) => {
            // The simple case's two lines are Wijkweb's, not the user's: their names in the report's language.
            const label =
              !eigenRegels && w.taal === 'en' && r.sleutel === EENVOUDIGE_REGELS.besparing
                ? w.t('sc.besparingMaatwerk')
                : !eigenRegels && w.taal === 'en' && r.sleutel === EENVOUDIGE_REGELS.vervangend
                  ? w.t('sc.vervangendeInzet')
                  : r.label;
            return [r.soort === 'rendement' ? label.toUpperCase() : label, ...r.bedragen];
          }),
          bron: w.t('sc.bron'),
          peildatum: w.datum(totEnMet),
          voetnoot: eigenRegels
            ? u.regels.map((r) => `${r.naam}: ${r.toelichting ?? regelUitleg(r, w)}`).join(' ')
            : w.t('sc.tarief', {
                tarief: geld(params.standaardTarief),
                opbouw: u.perJaar.map((j) => `${j.jaar} ${w.pct(j.opbouw)}`).join(', '),
              }),
        },
        p,
      ),
    ],
  };
}

/** One line's sum in words, for a line without the user's own explanation. */
function regelUitleg(r: ScenarioRegelUitkomst, w: Woorden): string {
  const opbouw = r.opbouw.map((f) => w.pct(f)).join(', ');
  const bedrag = w.geld(r.volledigJaar);
  if (r.bron === 'indicaties')
    return w.t('sc.uitlegIndicaties', {
      n: w.getal(r.indicaties ?? 0),
      pct: w.pct(r.verschuiving ?? 0),
      bedrag,
      opbouw,
    });
  if (r.bron === 'aandeel') return w.t('sc.uitlegAandeel', { bedrag, opbouw });
  return w.t('sc.uitlegIngevoerd', { bedrag, opbouw });
}

function bijlagen(
  db: ProjectDb,
  sel: Selectie,
  peildatum: string,
  p: PrivacyInstellingen,
  w: Woorden,
): Omit<RapportSectie, 'soort' | 'titel'> {
  const labels = new Map(
    listTaxonomieItems(db, 'leefgebied').map((r) => [r.code, taxonomieLabel('leefgebied', r.code, r.label, w.taal)]),
  );
  const vzs = listVoorzieningen(db).filter((v) => binnen(sel, [...v.werkgebied, v.locatieBuurtCode]));
  const tabellen: RapportTabel[] = [
    beschermTabel(
      {
        id: w.t('bij.tabelId'),
        titel: w.t('bij.tabel'),
        kolommen: [
          { titel: w.t('bij.voorziening'), soort: 'tekst' },
          { titel: w.t('bij.organisatie'), soort: 'tekst' },
          { titel: w.t('bij.leefgebieden'), soort: 'tekst' },
          { titel: w.t('bij.collectief'), soort: 'tekst' },
          { titel: w.t('bij.vrij'), soort: 'tekst' },
          { titel: w.t('bij.status'), soort: 'tekst' },
        ],
        rijen: vzs.map((v) => [
          v.naam,
          v.organisatieNaam,
          v.leefgebieden.map((l) => labels.get(l) ?? l).join(', '),
          w.jaNee(v.collectief),
          w.jaNee(v.vrijToegankelijk),
          statusWoord(w, v.status),
        ]),
        bron: w.t('bij.bron'),
        peildatum: w.datum(peildatum),
      },
      p,
    ),
  ];
  return {
    alineas: [w.t('bij.alinea')],
    kerngetallen: [],
    tabellen,
  };
}

/** The glossary of the report; what it says of small counts follows the project's rule. */
export function leeswijzer(p: PrivacyInstellingen, taal: 'nl' | 'en' = 'nl'): { term: string; uitleg: string }[] {
  const w = woorden(taal);
  const term = (key: string) => ({ term: w.t(`lw.${key}.term`), uitleg: w.t(`lw.${key}.uitleg`) });
  return [
    term('peildatum'),
    term('per1000'),
    {
      term: w.t('lw.klein.term', { drempel: p.drempel }),
      uitleg: p.aan ? w.t('lw.klein.aan', { drempel: p.drempel }) : w.t('lw.klein.uit'),
    },
    ...['hiaat', 'index', 'collectief', 'dichtheid', 'tussenpositie', 'losseDelen', 'verwijsbalans', 'scenario'].map(
      term,
    ),
  ];
}

export interface RapportContext {
  readonly db: ProjectDb;
  readonly netwerk: NetwerkData;
  /** ISO timestamp of now. */
  readonly now: string;
}

/** The whole report, protected. */
export function bouwRapport(ctx: RapportContext, opties: RapportOpties): Rapport {
  const { db, netwerk: data } = ctx;
  if (!isDatum(opties.peildatum)) throw new AppException('invoer.ongeldig', { veld: 'peildatum', code: 'datum' });
  if (opties.vergelijkMet && !isDatum(opties.vergelijkMet))
    throw new AppException('invoer.ongeldig', { veld: 'vergelijkMet', code: 'datum' });
  if (opties.vergelijkMet && opties.vergelijkMet >= opties.peildatum)
    throw new AppException('rapport.vergelijk-niet-eerder', {
      vergelijk: datumNl(opties.vergelijkMet),
      peildatum: datumNl(opties.peildatum),
    });
  const p = loadPrivacy(db);
  const w = woorden(opties.taal === 'en' ? 'en' : 'nl');
  const sel = selectie(db, opties.gebieden, opties.peildatum);
  const secties = (opties.secties?.length ? opties.secties : SECTIES).filter((s) => SECTIES.includes(s));
  // The state at the peildatum: its snapshot if there is one, else the project now.
  const vast = snapshotOp(db, opties.peildatum);
  // Only the comparison needs the state of now, and it needs no network figures: the preview stays quick.
  const nu = () => vast?.inhoud ?? huidigeSnapshot(db, data, false);
  const vergelijk =
    opties.vergelijkMet === null
      ? null
      : opties.vergelijkMet
        ? snapshotOp(db, opties.vergelijkMet)
        : snapshotVoor(db, opties.peildatum);
  if (opties.vergelijkMet && !vergelijk)
    throw new AppException('rapport.geen-snapshot', { peildatum: datumNl(opties.vergelijkMet) });

  const { sectie: kern, profielen } = kerncijfers(db, sel, p, w);
  const inwoners = profielen[0]
    ? ([...profielen[0].rijen].find((r) => r.sleutel === 'inwoners')?.waarde ?? null)
    : null;
  const met = metingen(db, sel, opties.peildatum, p, sel.gekozen.length === 1 ? inwoners : null, w);
  const hiaten = hiatenCellen(db, sel.jaar, opties.peildatum, p, w);
  const ernstPerBuurt = new Map<string, Ernst>();
  const rang = ['geen-gegevens', 'geen', 'aandacht', 'hiaat', 'ernstig'];
  for (const c of hiaten.cellen) {
    const cur = ernstPerBuurt.get(c.gebiedCode);
    if (!cur || rang.indexOf(c.ernst) > rang.indexOf(cur)) ernstPerBuurt.set(c.gebiedCode, c.ernst);
  }
  const kaart = loadKaart(db, sel.jaar ?? undefined);
  const kaartSvg = !kaart.gebieden.length
    ? null
    : kaartPlaatSvg({
        gebieden: kaart.gebieden,
        ernst: ernstPerBuurt,
        selectie: new Set([...sel.buurten, ...sel.codes]),
        titel: `${w.t('hia.kaartTitel')}${hiaten.periode ? `, ${hiaten.periode}` : ''}`,
        onderschrift: w.t('hia.kaartOnderschrift', {
          kaart: kaartBronTekst(kaart, w.taal),
          datum: w.datum(opties.peildatum),
        }),
        taal: w.taal,
      });

  const gemaakt: RapportSectie[] = [];
  for (const s of secties) {
    const titel = w.t(`sectie.${s}`);
    switch (s) {
      case 'pilot': {
        // The pilot's page opens the report; without a pilot or goals there is nothing to say.
        const pilot = pilotSectie(db, opties.peildatum, p, w);
        if (pilot) gemaakt.push({ soort: s, titel, ...pilot });
        break;
      }
      case 'kerncijfers':
        gemaakt.push({ soort: s, titel, ...kern });
        break;
      case 'metingen':
        gemaakt.push({ soort: s, titel, ...met });
        break;
      case 'netwerk':
        gemaakt.push({ soort: s, titel, ...netwerkSectie(data, sel, opties.peildatum, p, w) });
        break;
      case 'veranderingen': {
        const { verschillen: _v, ...rest } = veranderingen(
          vergelijk
            ? { naam: vergelijk.info.naam, peildatum: vergelijk.info.peildatum, inhoud: vergelijk.inhoud }
            : null,
          nu,
          sel,
          p,
          w,
        );
        // Without a moment on the peildatum, "now" is today's map: say so when the peildatum lies in the past.
        const vandaag = ctx.now.slice(0, 10);
        const alineas =
          vergelijk && !vast && opties.peildatum < vandaag
            ? [
                ...rest.alineas,
                w.t('geenMomentOpPeildatum', { datum: w.datum(opties.peildatum), vandaag: w.datum(vandaag) }),
              ]
            : rest.alineas;
        gemaakt.push({ soort: s, titel, ...rest, alineas });
        break;
      }
      case 'hiaten':
        gemaakt.push({
          soort: s,
          titel,
          ...hiatenSectie(
            hiaten.cellen,
            hiaten.periode,
            sel,
            p,
            opties.peildatum,
            kaartSvg,
            kaartBronTekst(kaart, w.taal),
            w,
          ),
        });
        break;
      case 'scenario':
        gemaakt.push({ soort: s, titel, ...scenarioSectie(db, sel, opties.scenarioId, opties.peildatum, p, w) });
        break;
      case 'bijlagen':
        gemaakt.push({ soort: s, titel, ...bijlagen(db, sel, opties.peildatum, p, w) });
        break;
    }
  }
  const namen = sel.gekozen.map((g) => g.naam).join(', ');
  return {
    titel: opties.titel?.trim() || w.t('titel', { namen }),
    ondertitel:
      w.t('ondertitel', { datum: w.datum(opties.peildatum) }) +
      (vergelijk
        ? ` ${w.t('vergelekenMet', { naam: vergelijk.info.naam, datum: w.datum(vergelijk.info.peildatum) })}`
        : ''),
    taal: w.taal,
    gebieden: sel.gekozen,
    peildatum: opties.peildatum,
    vergelijkMet: vergelijk?.info.peildatum ?? null,
    gemaaktOp: ctx.now.slice(0, 10),
    privacy: p,
    leeswijzer: leeswijzer(p, w.taal),
    secties: gemaakt,
    bronnen: listBronnen(db).map((b) => ({
      soort: b.soort,
      // The file name only: a path could name a person's folder.
      naam: (b.bestandsnaam ?? b.soort).split(/[\\/]/).pop() ?? b.soort,
      geimporteerdOp: b.geimporteerdOp.slice(0, 10),
    })),
  };
}

/**
 * The slides of presentation mode: a title slide, then the saved views (netwerk, kaart, hiaten) in their order with
 * their title and note; without saved views, one of each. With the report's selection (gebieden, peildatum) the title
 * slide counts the organisaties, voorzieningen and hiaten of those gebieden, its subtitle names that peildatum, and
 * the map, gap and default network slides are of the selection as in the report (the map highlights it, the gap
 * matrix lists its buurten, the network shows what serves it). A saved network view keeps its own filter: its title
 * says what it shows. Without a selection: the whole project, today.
 */
/**
 * A slide's plate: as wide as the slide at 1280×720 and about as high as the room under its title. The slide scales
 * it down to that room (to about 0.8 with a title of two lines and a note of two); its smallest text, 24 units, stays
 * 18 px or more on the beamer (measured in tests/e2e/presentatie-selectie.spec.ts).
 */
const DIA = { breedte: 1280, hoogte: 480, toonTitel: false, tekstMin: 24 } as const;

/** A plate's size measure: the values of the analysis and the measure's name as the view shows it. */
function plaatGrootte(a: NetwerkAnalyse, maat: GrootteMetriek, taal: 'nl' | 'en') {
  return {
    waarden: new Map(a.knopen.map((m) => [m.id, m[maat]])),
    naam: formatMessage(taal, metriekDescriptor(maat).label),
  };
}

export function bouwPresentatie(ctx: RapportContext, opties: PresentatieOpties | null = null): Dia[] {
  const { db, netwerk: data } = ctx;
  if (opties && !isDatum(opties.peildatum))
    throw new AppException('invoer.ongeldig', { veld: 'peildatum', code: 'datum' });
  const p = loadPrivacy(db);
  const project = getProject(db);
  const vandaag = ctx.now.slice(0, 10);
  const sel = opties ? selectie(db, opties.gebieden, opties.peildatum) : null;
  const peildatum = opties?.peildatum ?? vandaag;
  const jaar = sel ? sel.jaar : (listJaren(db)[0] ?? null);
  const hiaten = hiatenCellen(db, jaar, opties?.peildatum ?? null, p);
  // The gap matrix and the count on the title slide: the selection's buurten (the map colours all, as in the report).
  const hier = sel ? hiaten.cellen.filter((c) => sel.buurten.has(c.gebiedCode)) : hiaten.cellen;
  const ernstPerBuurt = new Map<string, Ernst>();
  const rang = ['geen-gegevens', 'geen', 'aandacht', 'hiaat', 'ernstig'];
  for (const c of hiaten.cellen) {
    const cur = ernstPerBuurt.get(c.gebiedCode);
    if (!cur || rang.indexOf(c.ernst) > rang.indexOf(cur)) ernstPerBuurt.set(c.gebiedCode, c.ernst);
  }
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
      notitie: `Stand van de sociale basis, ${datumNl(peildatum)}`,
      ...(sel ? { gebieden: sel.gekozen.map((g) => g.naam).join(', ') } : {}),
      kerngetallen: [
        { label: 'Organisaties', waarde: getalNl(tel('organisatie')) },
        { label: 'Voorzieningen', waarde: getalNl(tel('voorziening')) },
        { label: 'Hiaten', waarde: getalNl(aantalHiaten) },
      ],
      bron: 'Wijkweb',
    },
  ];
  // With a pilot: "Is de pilot op koers?" and the afhandeling per quarter, at the report's peildatum (as the report's
  // Pilotmonitor), else at the monitor's newest data.
  dias.push(...pilotDias(db, opties?.peildatum ?? standaardPeildatum(db, vandaag) ?? vandaag, p, DIA));
  const posities = new Map(data.posities.map((x) => [x.knoop, { x: x.x, y: x.y }]));
  const netwerkDia = (
    titel: string,
    notitie: string | null,
    filter: NetwerkFilter,
    eigen: ReadonlyMap<string, { x: number; y: number }> = posities,
    maat: GrootteMetriek | null = 'betweenness',
  ): Dia => ({
    soort: 'netwerk',
    titel,
    notitie,
    svg: netwerkPlaatSvg({
      net: applyFilter(data, { metVoorzieningen: true, ...filter, metGebieden: false }),
      posities: eigen,
      grootte: maat
        ? plaatGrootte(analyseNetwerk(data, { metVoorzieningen: true, ...filter, metGebieden: false }), maat, 'nl')
        : undefined,
      sectorLabels: data.labels['soort_organisatie'] ?? {},
      relatieLabels: data.labels['relatietype'] ?? {},
      titel,
      onderschrift: 'Bron: sociale kaart in Wijkweb.',
      ...DIA,
    }),
    bron: 'Sociale kaart',
  });
  const kaart = loadKaart(db, jaar ?? undefined);
  const kaartDia = (titel: string, notitie: string | null): Dia => ({
    soort: 'kaart',
    titel,
    notitie,
    svg: kaartPlaatSvg({
      gebieden: kaart.gebieden,
      ernst: ernstPerBuurt,
      selectie: sel ? new Set([...sel.buurten, ...sel.codes]) : new Set(),
      titel,
      onderschrift: `Bron: ${kaartBronTekst(kaart)}, Cognos${hiaten.periode ? ` (${hiaten.periode})` : ''} en de sociale kaart.`,
      ...DIA,
    }),
    bron: 'CBS, Cognos, sociale kaart',
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
        id: 'Hiaten',
        titel,
        kolommen: [
          { titel: 'Buurt', soort: 'tekst' },
          ...leefgebieden.map((l) => ({ titel: l.label, soort: 'tekst' as const })),
        ],
        rijen: buurten.map(([code, naam]) => [
          naam,
          ...leefgebieden.map((l) => {
            const c = cel.get(`${code}|${l.code}`);
            return c ? ERNST_KLEUR[c.ernst].label : null;
          }),
        ]),
        bron: 'CBS, Cognos en de sociale kaart',
        peildatum: hiaten.periode,
      },
      bron: 'CBS, Cognos, sociale kaart',
    };
  };
  const weergaven = [
    ...listWeergaven(db, 'kaart'),
    ...listWeergaven(db, 'hiaten'),
    ...listWeergaven(db, 'netwerk'),
  ].sort((a, b) => a.volgorde - b.volgorde || a.id - b.id);
  if (!weergaven.length) {
    dias.push(kaartDia('Hiaten per buurt', null), hiatenDia('Hiaten per buurt en leefgebied', null));
    dias.push(netwerkDia('Het netwerk van de sociale basis', null, netwerkFilter(sel)));
    return dias;
  }
  for (const w of weergaven) {
    const titel = w.titel ?? w.naam;
    if (w.soort === 'netwerk') {
      const filter = (w.instellingen['filter'] ?? {}) as NetwerkFilter;
      // The positions saved with the view, else the project's.
      const saved = w.instellingen['posities'];
      const eigen = Array.isArray(saved)
        ? new Map(
            (saved as unknown[])
              .filter((x): x is [string, number, number] => Array.isArray(x) && typeof x[0] === 'string')
              .map(([k, x, y]) => [k, { x, y }]),
          )
        : posities;
      // The measure the view sized its knopen by (none: the plate's own, the number of connections).
      const op = w.instellingen['grootteOp'];
      const maat: GrootteMetriek | null =
        typeof op === 'string' && (GROOTTE_METRIEKEN as readonly string[]).includes(op)
          ? (op as GrootteMetriek)
          : op === null
            ? null
            : 'betweenness';
      dias.push(netwerkDia(titel, w.notitie, filter, eigen.size ? eigen : posities, maat));
    } else if (w.soort === 'kaart') dias.push(kaartDia(titel, w.notitie));
    else dias.push(hiatenDia(titel, w.notitie));
  }
  return dias;
}
