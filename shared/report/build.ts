/**
 * Builds the stuurgroep report, the snapshot of "now" and the presentation slides from the project. Reads through the
 * repos, computes with the pure analysis functions, and protects every count on the way out (privacy.ts): what this
 * module returns may leave the machine.
 */
import type { ProjectDb } from '../db/connection';
import { AppException } from '../result';
import type { NetwerkData, NetwerkFilter } from '../analysis/types';
import { applyFilter } from '../analysis/filter';
import { analyseNetwerk } from '../analysis/analyse';
import { berekenHiaten, type Ernst, type HiaatCel } from '../analysis/hiaten';
import {
  berekenScenario,
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
  type Rapport,
  type RapportOpties,
  type RapportSectie,
  type RapportTabel,
  type SectieSoort,
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
import { ERNST_KLEUR, kaartPlaatSvg, netwerkPlaatSvg } from './plates';

import { datumNl, datumsNl, getalNl, wanneerNl } from './format';

/** "op 2 april 2024" for a peildatum, "in april 2024" for a period. */
const opIn = (wanneer: string) => `${wanneer.includes('/') ? 'in' : 'op'} ${wanneerNl(wanneer)}`;
const pctNl = (fraction: number) => `${getalNl(fraction * 100, 0)}%`;

const ERNST_WOORD: Record<Ernst, string> = {
  ernstig: 'ernstig hiaat',
  hiaat: 'hiaat',
  aandacht: 'aandacht',
  geen: 'geen hiaat',
  'geen-gegevens': 'geen gegevens',
};
const MAAT_LABEL: Record<string, string> = {
  meldingen: 'Meldingen',
  toewijzingen: 'Toewijzingen',
  unieke_clienten: 'Unieke cliënten',
};

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

function hiatenCellen(db: ProjectDb, jaar: number | null, totEnMet: string | null, p: PrivacyInstellingen | null) {
  const instellingen = loadHiatenInstellingen(db);
  const input = loadHiatenInput(db, instellingen, jaar ?? undefined, totEnMet ?? undefined);
  return {
    periode: input.periode ? datumsNl(input.periode) : null,
    cellen: berekenHiaten(input, instellingen, { drempel: p?.aan ? p.drempel : null }),
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

const tabel = (t: RapportTabel, p: PrivacyInstellingen) => beschermTabel(t, p);

function kerncijfers(
  db: ProjectDb,
  sel: Selectie,
  p: PrivacyInstellingen,
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
        alineas: ['Er zijn nog geen CBS-cijfers voor dit gebied. Importeer de Kerncijfers wijken en buurten.'],
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
      sleutels.push({ sleutel: r.sleutel, label: r.label, eenheid: r.eenheid });
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
  const bron = bronVanProfiel(eerste);
  const inw = waarde(eerste, 'inwoners');
  const kern: Kerngetal[] = [];
  if (inw?.waarde != null) {
    kern.push({
      label: `Inwoners ${eerste.gebied.naam}`,
      waarde: getalNl(inw.waarde),
      toelichting: `${bron}, ${sel.jaar}`,
    });
  }
  for (const s of ['aandeel_65_plus', 'aandeel_eenpersoonshuishoudens', 'aandeel_0_14']) {
    const r = waarde(eerste, s);
    if (r?.waarde == null) continue;
    const gm = waarde(metGemeente, s)?.gemeente ?? null;
    kern.push({
      label: r.label.replace(/^% /, 'Aandeel '),
      waarde: `${getalNl(r.waarde, 0)}%`,
      toelichting: gm !== null ? `gemeente ${getalNl(gm, 0)}%` : undefined,
    });
  }
  return {
    profielen,
    sectie: {
      alineas: [
        `De kerncijfers van CBS voor ${sel.gekozen.map((g) => g.naam).join(', ')} in ${sel.jaar}, naast het gemiddelde van de gemeente${gemeente ? ` ${gemeente.naam}` : ''}.`,
      ],
      kerngetallen: kern,
      tabellen: [
        tabel(
          {
            id: 'Kerncijfers',
            titel: `Kerncijfers ${sel.jaar}`,
            kolommen: [
              { titel: 'Kenmerk', soort: 'tekst' },
              ...profielen.map((prof) => ({ titel: prof.gebied.naam, soort: 'getal' as const, decimalen: 1 })),
              {
                titel: gemeente ? `Gemeente ${gemeente.naam}` : 'Gemeente',
                soort: 'getal',
                decimalen: 1,
              },
            ],
            rijen,
            bron,
            peildatum: String(sel.jaar),
            voetnoot: 'x = geheim bij CBS (te weinig inwoners of huishoudens om te tonen).',
          },
          p,
        ),
      ],
    },
  };
}

function bronVanProfiel(prof: GebiedProfiel): string {
  const r = prof.rijen[0];
  return `CBS Kerncijfers wijken en buurten${r?.bron.bestandsnaam ? ` (${r.bron.bestandsnaam})` : ''}`;
}

/** A row's label: the meldingstype, the product, or wet + level. */
function metingLabel(r: MetingRow): string {
  if (r.meldingstype) return r.meldingstype;
  if (r.product) return r.product;
  return (
    [r.wet, r.ondersteuningsbehoefte !== null ? `OB${r.ondersteuningsbehoefte}` : null].filter(Boolean).join(' ') ||
    'Totaal'
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
): Omit<RapportSectie, 'soort' | 'titel'> {
  const rows = [...sel.buurten].flatMap((b) => listMetingen(db, { gebiedCode: b }).rijen);
  const tot = zonderDubbeleTelling(rows.filter((r) => (r.peildatum ?? r.periodeEind ?? '') <= peildatum));
  if (!tot.length) {
    return {
      alineas: ['Er zijn nog geen meldingen of toewijzingen uit Cognos voor dit gebied tot deze peildatum.'],
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
    const labels = [...new Set(lijst.map(metingLabel))];
    // Per label and moment: the sum over the buurten, and the buurten's own counts (the Metingen export shows them).
    const som = new Map<string, { n: number; onderdrukt: boolean; delen: number[] }>();
    for (const r of lijst) {
      const k = `${metingLabel(r)}\u0000${wanneer(r)}`;
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
        return c.n === 0 ? BRON_ONDERDRUKT : `≥ ${getalNl(c.n)}`;
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
    rijen.push(['Totaal', ...totalen]);
    const bronnen = [...new Set(lijst.map((r) => r.bron))].join(', ');
    const beschermd = tabel(
      {
        id: MAAT_LABEL[maat] ?? maat,
        titel: `${MAAT_LABEL[maat] ?? maat} per ${lijst.some((r) => r.meldingstype) ? 'soort melding' : 'product'}`,
        kolommen: [
          { titel: 'Soort', soort: 'tekst' },
          ...momenten.map((m) => ({ titel: wanneerNl(m), soort: 'aantal' as const })),
        ],
        rijen,
        totaalRij: true,
        bron: `Cognos (${bronnen})`,
        peildatum: wanneerNl(momenten[momenten.length - 1]!),
        voetnoot: onvolledig
          ? 'Sommige aantallen zijn in de bron al afgeschermd (<5) en tellen niet mee in het totaal (≥: minstens).'
          : undefined,
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
    const toon = (i: number) => (getoond(i) === null ? String(totaalRij[i + 1] ?? '') : getalNl(getoond(i)!));
    kern.push({
      label: `${MAAT_LABEL[maat] ?? maat}, ${wanneerNl(momenten[momenten.length - 1]!)}`,
      waarde: toon(momenten.length - 1),
      toelichting:
        [
          momenten.length > 1 ? `vorige keer ${toon(momenten.length - 2)}` : null,
          per1000 !== null && nu !== null ? `${getalNl(per1000, 1)} per 1.000 inwoners` : null,
        ]
          .filter(Boolean)
          .join('; ') || undefined,
    });
    if (nu !== null && vorige !== null && laatste === nu) {
      const verschil = nu - vorige;
      alineas.push(
        `${MAAT_LABEL[maat] ?? maat}: ${getalNl(nu)} ${opIn(momenten[momenten.length - 1]!)}, ` +
          (verschil === 0
            ? 'even veel als de vorige keer.'
            : `${getalNl(Math.abs(verschil))} ${verschil > 0 ? 'meer' : 'minder'} dan ${opIn(momenten[momenten.length - 2]!)}.`),
      );
    }
  }
  return { alineas, kerngetallen: kern, tabellen };
}

function netwerkSectie(
  data: NetwerkData,
  sel: Selectie,
  peildatum: string,
  p: PrivacyInstellingen,
): Omit<RapportSectie, 'soort' | 'titel'> {
  const filter = netwerkFilter(sel);
  const net = applyFilter(data, filter);
  const posities = new Map(data.posities.map((x) => [x.knoop, { x: x.x, y: x.y }]));
  const svg = netwerkPlaatSvg({
    net,
    posities,
    sectorLabels: data.labels['soort_organisatie'] ?? {},
    relatieLabels: data.labels['relatietype'] ?? {},
    titel: `Netwerk van de sociale basis: ${sel.gekozen.map((g) => g.naam).join(', ')}`,
    onderschrift: `Bron: sociale kaart in Wijkweb (partnerlijsten en verwijzingen), stand ${datumNl(peildatum)}.`,
  });
  const plaat = {
    soort: 'netwerk' as const,
    titel: 'Netwerk',
    svg,
    bron: 'Sociale kaart (partnerlijsten, verwijzingen)',
  };
  if (!net.knopen.some((k) => k.soort !== 'gebied')) {
    return {
      alineas: ['Er staan nog geen organisaties of voorzieningen in dit gebied. Importeer een partnerlijst.'],
      kerngetallen: [],
      tabellen: [],
    };
  }
  const a = analyseNetwerk(data, filter);
  const n = a.netwerk;
  const namen = new Map(net.knopen.map((k) => [k.id, k.naam]));
  const kern: Kerngetal[] = [
    { label: 'Organisaties en voorzieningen', waarde: getalNl(n.knopen) },
    { label: 'Verbindingen', waarde: getalNl(n.relaties) },
    { label: 'Dichtheid', waarde: pctNl(n.dichtheid), toelichting: 'van alle mogelijke verbindingen' },
    { label: 'Losse delen', waarde: getalNl(n.componenten) },
    { label: 'Groepen die veel samenwerken', waarde: getalNl(n.communities) },
  ];
  if (n.reciprociteit !== null) kern.push({ label: 'Wederkerig verwezen', waarde: pctNl(n.reciprociteit) });
  const verbinders = [...a.knopen]
    .filter((k) => k.betweenness > 0 || k.articulatiepunt)
    .sort((x, y) => y.betweenness - x.betweenness)
    .slice(0, 10);
  const tabellen: RapportTabel[] = [];
  if (verbinders.length) {
    tabellen.push(
      tabel(
        {
          id: 'Verbinders',
          titel: 'Verbinders: wie het netwerk bij elkaar houdt',
          kolommen: [
            { titel: 'Organisatie of voorziening', soort: 'tekst' },
            { titel: 'Verbindingen', soort: 'getal', decimalen: 0 },
            { titel: 'Tussenpositie', soort: 'procent', decimalen: 0 },
            { titel: 'Valt het netwerk uiteen zonder?', soort: 'tekst' },
          ],
          rijen: verbinders.map((k) => [
            namen.get(k.id) ?? k.id,
            k.degree,
            k.betweenness,
            k.articulatiepunt ? 'ja' : 'nee',
          ]),
          bron: 'Sociale kaart',
          peildatum: datumNl(peildatum),
        },
        p,
      ),
    );
  }
  const balans = a.verwijsBalans.filter((b) => b.totaal > 0);
  if (balans.length) {
    tabellen.push(
      tabel(
        {
          id: 'Verwijsbalans',
          titel: 'Waar verwijzingen van de eerste lijn terechtkomen',
          kolommen: [
            { titel: 'Buurt', soort: 'tekst' },
            { titel: 'Periode', soort: 'tekst' },
            { titel: 'Voorliggend', soort: 'aantal' },
            { titel: 'Maatwerk', soort: 'aantal' },
            { titel: 'Onbekend', soort: 'aantal' },
            { titel: 'Totaal', soort: 'aantal' },
          ],
          rijen: balans.map((b) => [
            b.buurtNaam ?? 'Hele gebied',
            b.periode ? wanneerNl(b.periode) : 'zonder periode',
            b.voorliggend,
            b.maatwerk,
            b.onbekend,
            b.totaal,
          ]),
          totaalKolom: 5,
          bron: 'Verwijzingen (partners)',
          peildatum: datumNl(peildatum),
        },
        p,
      ),
    );
  }
  const alineas = [
    `Het netwerk heeft ${getalNl(n.knopen)} organisaties en voorzieningen met ${getalNl(n.relaties)} verbindingen.` +
      (n.componenten > 1
        ? ` Het bestaat uit ${n.componenten} losse delen die niet met elkaar verbonden zijn.`
        : ' Alles hangt met elkaar samen.'),
  ];
  const kwetsbaar = a.knopen.filter((k) => k.articulatiepunt).map((k) => namen.get(k.id) ?? k.id);
  if (kwetsbaar.length)
    alineas.push(
      `Zonder ${kwetsbaar.slice(0, 3).join(', ')}${kwetsbaar.length > 3 ? ` en ${kwetsbaar.length - 3} andere` : ''} valt het netwerk uiteen: daar hangt veel van af.`,
    );
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
): Omit<RapportSectie, 'soort' | 'titel'> & { verschillen: Verschillen | null } {
  if (!oud) {
    return {
      alineas: [
        'Er is nog geen eerder stuurgroepmoment vastgelegd. Leg dit moment vast; dan staat in het volgende rapport wat er sindsdien veranderd is.',
      ],
      kerngetallen: [],
      tabellen: [],
      verschillen: null,
    };
  }
  const v = vergelijkSnapshots(snapshotVoorSelectie(oud.inhoud, sel), snapshotVoorSelectie(nu(), sel));
  const rijen: CelWaarde[][] = [];
  const regel = (wat: string, soort: string, naam: string, detail: string) => rijen.push([wat, soort, naam, detail]);
  for (const o of v.organisaties.nieuw) regel('Nieuw', 'Organisatie', o.naam, '');
  for (const o of v.organisaties.weg) regel('Weg', 'Organisatie', o.naam, '');
  for (const w of v.organisaties.gewijzigd) regel('Gewijzigd', 'Organisatie', w.nieuw.naam, w.velden.join(', '));
  for (const x of v.voorzieningen.nieuw) regel('Nieuw', 'Voorziening', x.naam, x.organisatie ?? '');
  for (const x of v.voorzieningen.weg) regel('Weg', 'Voorziening', x.naam, x.organisatie ?? '');
  for (const w of v.voorzieningen.gewijzigd)
    regel(
      'Gewijzigd',
      'Voorziening',
      w.nieuw.naam,
      w.velden.includes('status') ? `status: ${w.oud.status} → ${w.nieuw.status}` : w.velden.join(', '),
    );
  for (const r of v.relaties.nieuw) regel('Nieuw', 'Relatie', `${r.van} → ${r.naar}`, r.soort);
  for (const r of v.relaties.weg) regel('Weg', 'Relatie', `${r.van} → ${r.naar}`, r.soort);
  for (const w of v.relaties.gewijzigd)
    regel('Gewijzigd', 'Relatie', `${w.nieuw.van} → ${w.nieuw.naar}`, w.velden.join(', '));
  for (const h of v.hiaten.nieuw)
    regel('Nieuw', 'Hiaat', `${h.gebiedNaam}: ${h.leefgebiedLabel}`, ERNST_WOORD[h.ernst as Ernst] ?? h.ernst);
  for (const h of v.hiaten.weg) regel('Weg', 'Hiaat', `${h.gebiedNaam}: ${h.leefgebiedLabel}`, 'geen hiaat meer');
  for (const w of v.hiaten.gewijzigd)
    regel(
      'Gewijzigd',
      'Hiaat',
      `${w.nieuw.gebiedNaam}: ${w.nieuw.leefgebiedLabel}`,
      `${ERNST_WOORD[w.oud.ernst as Ernst]} → ${ERNST_WOORD[w.nieuw.ernst as Ernst]}`,
    );
  const tel = (l: { nieuw: readonly unknown[]; weg: readonly unknown[] }, enkel: string, meer: string) => {
    const delen: string[] = [];
    if (l.nieuw.length) delen.push(`${l.nieuw.length} ${l.nieuw.length === 1 ? enkel : meer} bij gekomen`);
    if (l.weg.length) delen.push(`${l.weg.length} ${l.weg.length === 1 ? enkel : meer} weg`);
    return delen.join(' en ');
  };
  const zinnen = [
    tel(v.organisaties, 'organisatie', 'organisaties'),
    tel(v.voorzieningen, 'voorziening', 'voorzieningen'),
    tel(v.relaties, 'relatie', 'relaties'),
  ].filter(Boolean);
  const alineas = [
    rijen.length === 0
      ? `Sinds ${oud.naam} (${datumNl(oud.peildatum)}) is er niets veranderd in de sociale kaart van dit gebied.`
      : `Sinds ${oud.naam} (${datumNl(oud.peildatum)}): ${zinnen.length ? zinnen.join('; ') : 'geen organisaties, voorzieningen of relaties bij gekomen of weg'}.` +
        (v.hiaten.nieuw.length || v.hiaten.weg.length
          ? ` ${v.hiaten.nieuw.length} nieuwe en ${v.hiaten.weg.length} opgeloste hiaten.`
          : ''),
  ];
  const kern: Kerngetal[] = [
    { label: 'Nieuwe voorzieningen', waarde: String(v.voorzieningen.nieuw.length) },
    {
      label: 'Gestopte of verdwenen voorzieningen',
      waarde: String(
        v.voorzieningen.weg.length +
          v.voorzieningen.gewijzigd.filter((w) => w.nieuw.status === 'gestopt' && w.oud.status !== 'gestopt').length,
      ),
    },
    { label: 'Nieuwe relaties', waarde: String(v.relaties.nieuw.length) },
  ];
  return {
    alineas,
    kerngetallen: kern,
    tabellen: rijen.length
      ? [
          tabel(
            {
              id: 'Veranderingen',
              titel: `Wat is er veranderd sinds ${datumNl(oud.peildatum)}`,
              kolommen: [
                { titel: 'Wat', soort: 'tekst' },
                { titel: 'Soort', soort: 'tekst' },
                { titel: 'Naam', soort: 'tekst' },
                { titel: 'Toelichting', soort: 'tekst' },
              ],
              rijen,
              bron: `Stuurgroepmoment ‘${oud.naam}’ en de sociale kaart nu`,
              peildatum: datumNl(oud.peildatum),
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
  kaartBron = 'wijk- en buurtkaart',
): Omit<RapportSectie, 'soort' | 'titel'> {
  const hier = cellen.filter((c) => sel.buurten.has(c.gebiedCode));
  const signalen = hier.filter((c) => c.ernst === 'ernstig' || c.ernst === 'hiaat' || c.ernst === 'aandacht');
  // The bron names what this picture rests on: Cognos counts, CBS care figures, CBS demography.
  const basis = new Set(cellen.flatMap((c) => c.basis));
  const bron = [
    basis.has('cognos') ? 'Cognos' : null,
    basis.has('cbs-zorg') ? 'CBS-zorgcijfers' : null,
    basis.has('cbs-demografie') ? 'CBS-demografie' : null,
    'de sociale kaart',
  ]
    .filter(Boolean)
    .join(', ');
  const plaat = kaartSvg
    ? { soort: 'kaart' as const, titel: 'Kaart van de hiaten', svg: kaartSvg, bron: `Kaart: ${kaartBron}; ${bron}` }
    : undefined;
  // A demand that would give a small count away is hidden with its per-1,000 figure and index. The gemeente figure is
  // the gemeente's own total or one the user entered: nothing of a buurt can be worked out from it.
  const grondslag = (c: HiaatCel) =>
    c.basis.map((b) => (b === 'cognos' ? 'Cognos' : b === 'cbs-zorg' ? 'CBS-zorg' : 'CBS-demografie')).join(', ');
  const rijen: CelWaarde[][] = signalen.map((c, i) => [
    i + 1,
    c.gebiedNaam,
    c.leefgebiedLabel,
    ERNST_WOORD[c.ernst],
    c.afgeschermd ? GEHEIM : c.index,
    c.vraag === null ? null : isKlein(c.vraag, p) ? kleinLabel(p) : c.afgeschermd ? GEHEIM : c.vraag,
    c.vraagPer1000 === null ? null : c.afgeschermd ? GEHEIM : c.vraagPer1000,
    c.gemeentePer1000,
    c.aanbodCollectief.length,
    grondslag(c),
    datumsNl(c.toelichting),
  ]);
  const ernstig = signalen.filter((c) => c.ernst === 'ernstig' || c.ernst === 'hiaat');
  return {
    alineas: [
      signalen.length
        ? `Er ${signalen.length === 1 ? 'is 1 signaal' : `zijn ${signalen.length} signalen`} in dit gebied, ${ernstig.length} daarvan ${ernstig.length === 1 ? 'is een hiaat' : 'zijn hiaten'}: de vraag is hoog (ten opzichte van de gemeente, of boven een vast niveau als vergelijken niet kan) en er is geen collectief, vrij toegankelijk aanbod. Elke zin noemt zijn peildatum en waar de vergelijking op rust.`
        : 'In dit gebied zijn geen hiaten gevonden met de huidige instellingen.',
    ],
    kerngetallen: [
      { label: 'Ernstige hiaten', waarde: String(hier.filter((c) => c.ernst === 'ernstig').length) },
      { label: 'Hiaten', waarde: String(hier.filter((c) => c.ernst === 'hiaat').length) },
      { label: 'Aandacht', waarde: String(hier.filter((c) => c.ernst === 'aandacht').length) },
    ],
    tabellen: signalen.length
      ? [
          tabel(
            {
              id: 'Hiaten',
              titel: 'Hiaten, de zwaarste eerst',
              kolommen: [
                { titel: 'Nr.', soort: 'getal', decimalen: 0 },
                { titel: 'Buurt', soort: 'tekst' },
                { titel: 'Leefgebied', soort: 'tekst' },
                { titel: 'Ernst', soort: 'tekst' },
                { titel: 'Index (1 = gemiddeld)', soort: 'getal', decimalen: 2 },
                { titel: 'Vraag', soort: 'aantal' },
                { titel: 'Vraag per 1.000', soort: 'getal', decimalen: 1, afgeleidVan: 5 },
                { titel: 'Gemeente per 1.000', soort: 'getal', decimalen: 1 },
                { titel: 'Collectief aanbod', soort: 'getal', decimalen: 0 },
                { titel: 'Rust op', soort: 'tekst' },
                { titel: 'Toelichting', soort: 'tekst', breed: true },
              ],
              rijen,
              bron,
              peildatum: periode ?? datumNl(peildatum),
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
): Omit<RapportSectie, 'soort' | 'titel'> {
  const opgeslagen = listScenarios(db);
  const gekozen = scenarioId != null ? opgeslagen.find((s) => s.id === scenarioId) : opgeslagen[0];
  if (scenarioId != null && !gekozen)
    throw new AppException('item.niet-gevonden', { soort: 'scenario', id: scenarioId });
  const params: ScenarioParameters = { ...(gekozen?.parameters ?? STANDAARD_SCENARIO), gebieden: [...sel.buurten] };
  const instellingen = loadHiatenInstellingen(db);
  const u = berekenScenario(loadHiatenInput(db, instellingen, sel.jaar ?? undefined, totEnMet), params);
  const naam = gekozen?.naam ?? 'Standaardscenario (pilotplan: 40% naar de sociale basis)';
  if (u.indicaties === 0) {
    return {
      alineas: [`Scenario ‘${naam}’: er zijn geen toewijzingen in dit gebied die in de berekening passen.`],
      kerngetallen: [],
      tabellen: [],
    };
  }
  const vol = u.perJaar.find((j) => j.opbouw >= 1) ?? u.perJaar[u.perJaar.length - 1];
  const geld = (n: number) => `${Math.round(n) < 0 ? '−' : ''}€ ${getalNl(Math.abs(Math.round(n)))}`;
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
      alineas: [
        `Scenario ‘${naam}’: de aantallen in dit gebied zijn te klein om de berekening te tonen. Kies een groter gebied, zoals de wijk.`,
      ],
      kerngetallen: [],
      tabellen: [],
    };
  }
  const eigenRegels = !!params.regels?.length;
  const rijen = scenarioRijen(u);
  return {
    alineas: [
      eigenRegels
        ? `Scenario ‘${naam}’: ${u.regels.length} regels, elk met een eigen opbouw per jaar. In de regels uit de aantallen gaat ${pctNl(params.verschuiving)} van de gekozen maatwerkindicaties over naar collectief aanbod in de sociale basis, tenzij bij de regel anders staat.`
        : `Scenario ‘${naam}’: ${pctNl(params.verschuiving)} van de gekozen maatwerkindicaties gaat over naar collectief aanbod in de sociale basis, in ${params.opbouw.length} jaar opgebouwd. Een deel van de besparing (${pctNl(params.vervangendeInzet)}) gaat naar dat aanbod.`,
      params.toelichting ?? '',
      u.onderdrukt
        ? 'Sommige aantallen zijn afgeschermd (<5) en tellen niet mee: de besparing kan iets hoger zijn.'
        : '',
    ].filter(Boolean),
    kerngetallen: [
      {
        label: 'Indicaties in de berekening',
        waarde: isKlein(u.indicaties, p) ? kleinLabel(p) : getalNl(u.indicaties),
      },
      ...(vol
        ? [
            {
              label: `Rendement ${vol.jaar}`,
              waarde: geld(vol.rendement),
              toelichting: 'per jaar, bij volledige opbouw',
            },
          ]
        : []),
    ],
    tabellen: [
      tabel(
        {
          id: 'Scenario',
          titel: `Scenario ‘${naam}’ per jaar`,
          kolommen: [
            { titel: 'Regel', soort: 'tekst' },
            ...u.jaren.map((j) => ({ titel: String(j), soort: 'geld' as const })),
          ],
          rijen: rijen.map((r) => [r.soort === 'rendement' ? r.label.toUpperCase() : r.label, ...r.bedragen]),
          bron: 'Cognos-toewijzingen en de invoer van het scenario',
          peildatum: datumNl(totEnMet),
          voetnoot: eigenRegels
            ? u.regels.map((r) => `${r.naam}: ${r.toelichting ?? regelUitleg(r, geld)}`).join(' ')
            : `Tarief: ${geld(params.standaardTarief)} per indicatie per jaar, tenzij per product anders ingesteld. Opbouw per jaar: ${u.perJaar.map((j) => `${j.jaar} ${pctNl(j.opbouw)}`).join(', ')}.`,
        },
        p,
      ),
    ],
  };
}

/** One line's sum in words, for a line without the user's own explanation. */
function regelUitleg(r: ScenarioRegelUitkomst, geld: (n: number) => string): string {
  const opbouw = r.opbouw.map((f) => pctNl(f)).join(', ');
  if (r.bron === 'indicaties')
    return `${getalNl(r.indicaties ?? 0)} indicaties × ${pctNl(r.verschuiving ?? 0)} × het tarief = ${geld(r.volledigJaar)} per vol jaar; opbouw ${opbouw}.`;
  if (r.bron === 'aandeel')
    return `een aandeel van andere regels: ${geld(r.volledigJaar)} per vol jaar; opbouw ${opbouw}.`;
  return `${geld(r.volledigJaar)} per vol jaar (ingevoerd); opbouw ${opbouw}.`;
}

function bijlagen(
  db: ProjectDb,
  sel: Selectie,
  peildatum: string,
  p: PrivacyInstellingen,
): Omit<RapportSectie, 'soort' | 'titel'> {
  const labels = new Map(listTaxonomieItems(db, 'leefgebied').map((r) => [r.code, r.label]));
  const vzs = listVoorzieningen(db).filter((v) => binnen(sel, [...v.werkgebied, v.locatieBuurtCode]));
  const tabellen: RapportTabel[] = [
    tabel(
      {
        id: 'Bijlage voorzieningen',
        titel: 'Voorzieningen voor dit gebied',
        kolommen: [
          { titel: 'Voorziening', soort: 'tekst' },
          { titel: 'Organisatie', soort: 'tekst' },
          { titel: 'Leefgebieden', soort: 'tekst' },
          { titel: 'Collectief', soort: 'tekst' },
          { titel: 'Vrij toegankelijk', soort: 'tekst' },
          { titel: 'Status', soort: 'tekst' },
        ],
        rijen: vzs.map((v) => [
          v.naam,
          v.organisatieNaam,
          v.leefgebieden.map((l) => labels.get(l) ?? l).join(', '),
          v.collectief ? 'ja' : 'nee',
          v.vrijToegankelijk ? 'ja' : 'nee',
          v.status,
        ]),
        bron: 'Sociale kaart (partnerlijsten)',
        peildatum: datumNl(peildatum),
      },
      p,
    ),
  ];
  return {
    alineas: ['De tabellen achter de figuren in dit rapport.'],
    kerngetallen: [],
    tabellen,
  };
}

const TITELS: Record<SectieSoort, string> = {
  kerncijfers: 'Kerncijfers',
  metingen: 'Meldingen en toewijzingen',
  netwerk: 'Het netwerk',
  veranderingen: 'Wat is er veranderd',
  hiaten: 'Hiaten',
  scenario: 'Scenario',
  bijlagen: 'Bijlagen',
};

/** The glossary of the report; what it says of small counts follows the project's rule. */
export function leeswijzer(p: PrivacyInstellingen): { term: string; uitleg: string }[] {
  return [
    {
      term: 'Peildatum',
      uitleg: 'De dag waarop de cijfers gelden. Meldingen gelden voor een periode, zoals een maand.',
    },
    {
      term: 'Per 1.000 inwoners',
      uitleg: 'Het aantal gedeeld door het aantal inwoners, maal 1.000. Zo kun je grote en kleine buurten vergelijken.',
    },
    {
      term: `<${p.drempel} en x`,
      uitleg: p.aan
        ? `Kleine aantallen (1 tot ${p.drempel}) staan als <${p.drempel}, zodat niemand te herkennen is. Een x is verborgen zodat je een klein aantal niet kunt terugrekenen uit een totaal. Wat de bron (Cognos) al afschermde, staat als <5.`
        : 'In dit rapport zijn kleine aantallen niet afgeschermd. Deel het niet buiten het team.',
    },
    {
      term: 'Hiaat',
      uitleg:
        'Een buurt waar de vraag hoger is dan gemiddeld in de gemeente, en waar geen collectief, vrij toegankelijk aanbod is voor dat leefgebied.',
    },
    {
      term: 'Index',
      uitleg: 'Hoe groot de vraag is ten opzichte van de gemeente. 1 is gemiddeld, 1,5 is de helft meer.',
    },
    {
      term: 'Collectief, vrij toegankelijk',
      uitleg:
        'Aanbod voor groepen bewoners waarvoor je geen indicatie of verwijzing nodig hebt, zoals een inloop of een buurtactiviteit.',
    },
    { term: 'Dichtheid', uitleg: 'Welk deel van alle mogelijke verbindingen tussen organisaties er echt is.' },
    {
      term: 'Tussenpositie',
      uitleg:
        'Hoe vaak een organisatie op de kortste weg tussen twee andere ligt. Een hoge tussenpositie maakt haar een verbinder.',
    },
    { term: 'Losse delen', uitleg: 'Groepen organisaties zonder enige verbinding met elkaar.' },
    {
      term: 'Verwijsbalans',
      uitleg:
        'Welk deel van de verwijzingen van de eerste lijn (wijkteam, huisarts) bij voorliggend aanbod terechtkomt en welk deel bij maatwerk.',
    },
    {
      term: 'Scenario',
      uitleg:
        'Een rekenvoorbeeld: wat levert het op als een deel van het maatwerk overgaat naar collectief aanbod in de buurt.',
    },
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

  const { sectie: kern, profielen } = kerncijfers(db, sel, p);
  const inwoners = profielen[0]
    ? ([...profielen[0].rijen].find((r) => r.sleutel === 'inwoners')?.waarde ?? null)
    : null;
  const met = metingen(db, sel, opties.peildatum, p, sel.gekozen.length === 1 ? inwoners : null);
  const hiaten = hiatenCellen(db, sel.jaar, opties.peildatum, p);
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
        titel: `Hiaten per buurt${hiaten.periode ? `, ${hiaten.periode}` : ''}`,
        onderschrift: `Bron: ${kaartBronTekst(kaart)}, Cognos en de sociale kaart. Stand ${datumNl(opties.peildatum)}.`,
      });

  const gemaakt: RapportSectie[] = [];
  for (const s of secties) {
    const titel = TITELS[s];
    switch (s) {
      case 'kerncijfers':
        gemaakt.push({ soort: s, titel, ...kern });
        break;
      case 'metingen':
        gemaakt.push({ soort: s, titel, ...met });
        break;
      case 'netwerk':
        gemaakt.push({ soort: s, titel, ...netwerkSectie(data, sel, opties.peildatum, p) });
        break;
      case 'veranderingen': {
        const { verschillen: _v, ...rest } = veranderingen(
          vergelijk
            ? { naam: vergelijk.info.naam, peildatum: vergelijk.info.peildatum, inhoud: vergelijk.inhoud }
            : null,
          nu,
          sel,
          p,
        );
        // Without a moment on the peildatum, "now" is today's map: say so when the peildatum lies in the past.
        const vandaag = ctx.now.slice(0, 10);
        const alineas =
          vergelijk && !vast && opties.peildatum < vandaag
            ? [
                ...rest.alineas,
                `Er is geen stuurgroepmoment vastgelegd op ${datumNl(opties.peildatum)}: Wijkweb vergelijkt met de sociale kaart zoals die nu is (${datumNl(vandaag)}).`,
              ]
            : rest.alineas;
        gemaakt.push({ soort: s, titel, ...rest, alineas });
        break;
      }
      case 'hiaten':
        gemaakt.push({
          soort: s,
          titel,
          ...hiatenSectie(hiaten.cellen, hiaten.periode, sel, p, opties.peildatum, kaartSvg, kaartBronTekst(kaart)),
        });
        break;
      case 'scenario':
        gemaakt.push({ soort: s, titel, ...scenarioSectie(db, sel, opties.scenarioId, opties.peildatum, p) });
        break;
      case 'bijlagen':
        gemaakt.push({ soort: s, titel, ...bijlagen(db, sel, opties.peildatum, p) });
        break;
    }
  }
  const namen = sel.gekozen.map((g) => g.naam).join(', ');
  return {
    titel: opties.titel?.trim() || `Stuurgroeprapportage ${namen}`,
    ondertitel:
      `Peildatum ${datumNl(opties.peildatum)}` +
      (vergelijk ? ` · vergeleken met ${vergelijk.info.naam} (${datumNl(vergelijk.info.peildatum)})` : ''),
    gebieden: sel.gekozen,
    peildatum: opties.peildatum,
    vergelijkMet: vergelijk?.info.peildatum ?? null,
    gemaaktOp: ctx.now.slice(0, 10),
    privacy: p,
    leeswijzer: leeswijzer(p),
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
 * their title and note; without saved views, one of each.
 */
/** A plate on a slide: a beamer's proportions, the slide's own title above it, so the text is larger. */
const DIA = { breedte: 1200, hoogte: 640, toonTitel: false } as const;

export function bouwPresentatie(ctx: RapportContext): Dia[] {
  const { db, netwerk: data } = ctx;
  const p = loadPrivacy(db);
  const project = getProject(db);
  const jaar = listJaren(db)[0] ?? null;
  const hiaten = hiatenCellen(db, jaar, null, p);
  const ernstPerBuurt = new Map<string, Ernst>();
  const rang = ['geen-gegevens', 'geen', 'aandacht', 'hiaat', 'ernstig'];
  for (const c of hiaten.cellen) {
    const cur = ernstPerBuurt.get(c.gebiedCode);
    if (!cur || rang.indexOf(c.ernst) > rang.indexOf(cur)) ernstPerBuurt.set(c.gebiedCode, c.ernst);
  }
  const aantalHiaten = hiaten.cellen.filter((c) => c.ernst === 'hiaat' || c.ernst === 'ernstig').length;
  const dias: Dia[] = [
    {
      soort: 'titel',
      titel: project.naam,
      notitie: hiaten.periode ? `Stand van de sociale basis, ${hiaten.periode}` : 'Stand van de sociale basis',
      kerngetallen: [
        { label: 'Organisaties', waarde: getalNl(data.knopen.filter((k) => k.soort === 'organisatie').length) },
        { label: 'Voorzieningen', waarde: getalNl(data.knopen.filter((k) => k.soort === 'voorziening').length) },
        { label: 'Hiaten', waarde: getalNl(aantalHiaten) },
      ],
      bron: 'Wijkweb',
    },
  ];
  const posities = new Map(data.posities.map((x) => [x.knoop, { x: x.x, y: x.y }]));
  const netwerkDia = (
    titel: string,
    notitie: string | null,
    filter: NetwerkFilter,
    eigen: ReadonlyMap<string, { x: number; y: number }> = posities,
  ): Dia => ({
    soort: 'netwerk',
    titel,
    notitie,
    svg: netwerkPlaatSvg({
      net: applyFilter(data, { metVoorzieningen: true, ...filter, metGebieden: false }),
      posities: eigen,
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
      selectie: new Set(),
      titel,
      onderschrift: `Bron: ${kaartBronTekst(kaart)}, Cognos${hiaten.periode ? ` (${hiaten.periode})` : ''} en de sociale kaart.`,
      ...DIA,
    }),
    bron: 'CBS, Cognos, sociale kaart',
  });
  const hiatenDia = (titel: string, notitie: string | null): Dia => {
    const leefgebieden = hiaten.input.leefgebieden;
    const buurten = [...new Map(hiaten.cellen.map((c) => [c.gebiedCode, c.gebiedNaam]))].sort((a, b) =>
      a[1].localeCompare(b[1], 'nl'),
    );
    const cel = new Map(hiaten.cellen.map((c) => [`${c.gebiedCode}|${c.leefgebied}`, c]));
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
    dias.push(netwerkDia('Het netwerk van de sociale basis', null, {}));
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
      dias.push(netwerkDia(titel, w.notitie, filter, eigen.size ? eigen : posities));
    } else if (w.soort === 'kaart') dias.push(kaartDia(titel, w.notitie));
    else dias.push(hiatenDia(titel, w.notitie));
  }
  return dias;
}
