/**
 * Writes data/demo/bronnen/: the source files of the voorbeeldproject "Enschede West" (CBS figures, a map, Cognos
 * exports, partner lists and relaties), as a gebiedsteam would get them. `scripts/build-demo.mts` imports them
 * through the CLI.
 *   npx tsx data/demo/make-sources.mts
 * Deterministic: fixed workbook dates, no random numbers, no date of today; running it twice gives the same bytes.
 *
 * What is real and what is illustrative is said next to every figure below and in data/demo/README.md. The real
 * figures come from the Enschede pilot plan "Hulp om de hoek" (Boswinkel–de Braker, Bijlage 2) and the
 * organisations and their offers from the three Enschede papers in /work/shared/domain/sources/.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';
import * as XLSX from 'xlsx';
import { normaliseName } from '../../shared/model/names';

const DIR = new URL('./bronnen/', import.meta.url);
/** Fixed workbook date per file, so no run writes today's date. */
const JANUARI = new Date('2024-01-12T08:00:00.000Z');
const APRIL = new Date('2024-04-18T08:00:00.000Z');
/** The export of the whole month April can only be made after it. */
const MEI = new Date('2024-05-02T08:00:00.000Z');

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
const som = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

// ---------------------------------------------------------------------------------------------------------------
// Gebieden: Enschede, two wijken of Enschede West, seven buurten
// ---------------------------------------------------------------------------------------------------------------

/**
 * Codes, names and the wijk of each buurt are CBS's (table 85984NED, indeling 2024, the same in the demo's year
 * 2023 for these buurten): `invoer/cbs-gebieden-enschede-2024.csv`. The wijken carry CBS's name without "Wijk 02".
 */
const GEMEENTE = { code: 'GM0153', naam: 'Enschede' };
const WIJKEN = [
  { code: 'WK015302', naam: 'Boswinkel - Stadsveld' },
  { code: 'WK015303', naam: 'Twekkelerveld - T.H.T.' },
] as const;
const W07 = WIJKEN[0].naam;
const W08 = WIJKEN[1].naam;
const WEST = `${W07}; ${W08}`;
const BOS = 'Boswinkel-De Braker';

interface Buurt {
  code: string;
  naam: string;
  wijk: string;
  /** a_inw, a_00_14, a_15_24, a_25_44, a_45_64, a_65_oo */
  inwoners: number;
  leeftijd: [number, number, number, number, number];
  /** a_hh, a_1p_hh, a_hh_z_k, a_hh_m_k */
  huishoudens: [number, number, number, number];
  g_hhgro: number;
}

const BUURTEN: Buurt[] = [
  // Real (Bijlage 2, "Beschrijving gebied", cijfers 2023): 3715 inwoners, 16% 65+ (= 594, rounded), 2020
  // huishoudens of which 1060 eenpersoons, 480 zonder and 480 met kinderen, gemiddeld 1,8. The split of the
  // under-65s over the CBS age groups is illustrative (the plan gives only "16% jonger dan 20, 69% 20 tot 65").
  {
    code: 'BU01530201',
    naam: BOS,
    wijk: 'WK015302',
    inwoners: 3715,
    leeftijd: [445, 500, 1046, 1130, 594],
    huishoudens: [2020, 1060, 480, 480],
    g_hhgro: 1.8,
  },
  // Illustrative, of a plausible size.
  {
    code: 'BU01530204',
    naam: 'Stadsveld-Zuid',
    wijk: 'WK015302',
    inwoners: 4010,
    leeftijd: [680, 520, 1250, 1080, 480],
    huishoudens: [1850, 720, 520, 610],
    g_hhgro: 2.2,
  },
  {
    code: 'BU01530207',
    naam: "'t Zwering",
    wijk: 'WK015302',
    inwoners: 2340,
    leeftijd: [310, 260, 620, 695, 455],
    huishoudens: [1120, 430, 390, 300],
    g_hhgro: 2.1,
  },
  {
    code: 'BU01530202',
    naam: 'Pathmos',
    wijk: 'WK015302',
    inwoners: 3190,
    leeftijd: [640, 455, 1005, 710, 380],
    huishoudens: [1580, 690, 370, 520],
    g_hhgro: 2.0,
  },
  {
    code: 'BU01530301',
    naam: 'Twekkelerveld',
    wijk: 'WK015303',
    inwoners: 5120,
    leeftijd: [870, 900, 1560, 1170, 620],
    huishoudens: [2650, 1240, 640, 770],
    g_hhgro: 1.9,
  },
  {
    code: 'BU01530300',
    naam: 'Tubantia-Toekomst',
    wijk: 'WK015303',
    inwoners: 2860,
    leeftijd: [330, 410, 780, 760, 580],
    huishoudens: [1400, 600, 450, 350],
    g_hhgro: 2.0,
  },
  {
    code: 'BU01530208',
    naam: 'Ruwenbos',
    wijk: 'WK015302',
    inwoners: 1980,
    leeftijd: [350, 210, 520, 560, 340],
    huishoudens: [860, 250, 300, 310],
    g_hhgro: 2.3,
  },
];
for (const b of BUURTEN) {
  check(som(b.leeftijd) === b.inwoners, `${b.naam}: leeftijdsgroepen tellen niet op tot ${b.inwoners}`);
  check(som(b.huishoudens.slice(1)) === b.huishoudens[0], `${b.naam}: huishoudens tellen niet op`);
}
const buurtNaam = (code: string) => BUURTEN.find((b) => b.code === code)!.naam;

// ---------------------------------------------------------------------------------------------------------------
// 1. CBS Kerncijfers wijken en buurten 2023, cbs.nl kwb style (short column codes)
// ---------------------------------------------------------------------------------------------------------------

function cbsCsv(): string {
  const header = [
    'gwb_code_10',
    'regio',
    'gm_naam',
    'recs',
    'a_inw',
    'a_00_14',
    'a_15_24',
    'a_25_44',
    'a_45_64',
    'a_65_oo',
    'a_hh',
    'a_1p_hh',
    'a_hh_z_k',
    'a_hh_m_k',
    'g_hhgro',
  ];
  const row = (code: string, naam: string, recs: string, inw: number, lft: number[], hh: number[], g: number) =>
    [code, naam, GEMEENTE.naam, recs, inw, ...lft, ...hh, g.toFixed(1)].join(';');
  // The gemeente: illustrative, rounded (about Enschede's size in 2023).
  const lines = [
    header.join(';'),
    row(
      GEMEENTE.code,
      GEMEENTE.naam,
      'Gemeente',
      161000,
      [22500, 26000, 42000, 40500, 30000],
      [80000, 36000, 22000, 22000],
      1.95,
    ),
  ];
  for (const w of WIJKEN) {
    const bs = BUURTEN.filter((b) => b.wijk === w.code);
    const inw = som(bs.map((b) => b.inwoners));
    const lft = [0, 1, 2, 3, 4].map((i) => som(bs.map((b) => b.leeftijd[i]!)));
    const hh = [0, 1, 2, 3].map((i) => som(bs.map((b) => b.huishoudens[i]!)));
    // Household size of the wijk: weighted by households, as CBS does.
    const g = som(bs.map((b) => b.g_hhgro * b.huishoudens[0])) / hh[0]!;
    lines.push(row(w.code, w.naam, 'Wijk', inw, lft, hh, g));
    for (const b of bs) lines.push(row(b.code, b.naam, 'Buurt', b.inwoners, b.leeftijd, b.huishoudens, b.g_hhgro));
  }
  return lines.join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Map: the real shapes of Enschede's 70 buurten (municipal open data, 2013), joined by name to CBS's buurten
// ---------------------------------------------------------------------------------------------------------------

const INVOER = new URL('./invoer/', import.meta.url);

/** The CBS gebieden of Enschede (code, name, level, wijk) from the StatLine download in invoer/. */
export function cbsGebiedenEnschede(): { code: string; naam: string; niveau: string; wijk: string | null }[] {
  const tekst = readFileSync(new URL('cbs-gebieden-enschede-2024.csv', INVOER), 'utf8').replace(/^\ufeff/, '');
  const uit: { code: string; naam: string; niveau: string; wijk: string | null }[] = [];
  let wijk: string | null = null;
  for (const regel of tekst.split(/\r?\n/).slice(1)) {
    const [naam, gemeente, soort, code] = regel.split(';').map((c) => c.replace(/^"|"$/g, '').trim());
    if (!code || gemeente !== GEMEENTE.naam) continue;
    if (soort === 'Wijk') wijk = code;
    uit.push({
      code,
      naam: naam!.replace(/^Wijk \d\d /, ''),
      niveau: soort!.toLowerCase(),
      wijk: soort === 'Buurt' ? wijk : null,
    });
  }
  return uit;
}

/**
 * Names of 2013 that the name matcher (`normaliseName`) does not join, confirmed once by hand as a user would in the
 * import: CBS writes this one without "Buurtschap" (its neighbour "Buurtschap Zuid-Esmarke" keeps it).
 */
const BEVESTIGDE_ALIASSEN: Record<string, string> = { 'Buurtschap Noord-Esmarke': 'Noord Esmarke' };

export interface KaartKoppeling {
  readonly gekoppeld: { naam2013: string; code: string; naam: string }[];
  /** 2013 names without a CBS buurt (left off the map). */
  readonly zonderBuurt: string[];
  /** CBS buurten without a 2013 shape. */
  readonly zonderVorm: string[];
}

async function buurtenGeojson(): Promise<{ json: string; koppeling: KaartKoppeling }> {
  const bron = JSON.parse(readFileSync(new URL('enschede-buurten-2013-opendata.geojson', INVOER), 'utf8')) as {
    features: { properties: { name: string }; geometry: unknown }[];
  };
  const gebieden = cbsGebiedenEnschede();
  const buurten = gebieden.filter((g) => g.niveau === 'buurt');
  const wijknaam = new Map(gebieden.filter((g) => g.niveau === 'wijk').map((g) => [g.code, g.naam]));
  for (const w of WIJKEN) check(wijknaam.has(w.code), `${w.code} is geen wijk van Enschede`);
  for (const b of BUURTEN) {
    const cbs = buurten.find((g) => g.code === b.code);
    check(cbs && cbs.naam === b.naam && cbs.wijk === b.wijk, `${b.code} ${b.naam}: niet zo bij CBS`);
  }
  const opNaam = new Map(buurten.map((g) => [normaliseName(g.naam), g]));
  const koppeling: KaartKoppeling = { gekoppeld: [], zonderBuurt: [], zonderVorm: [] };
  const features: object[] = [];
  for (const f of bron.features) {
    const naam2013 = f.properties.name;
    const g = opNaam.get(normaliseName(BEVESTIGDE_ALIASSEN[naam2013] ?? naam2013));
    if (!g) {
      koppeling.zonderBuurt.push(naam2013);
      continue;
    }
    check(!koppeling.gekoppeld.some((k) => k.code === g.code), `${g.naam}: twee vormen`);
    koppeling.gekoppeld.push({ naam2013, code: g.code, naam: g.naam });
    features.push({
      type: 'Feature',
      properties: {
        statcode: g.code,
        statnaam: g.naam,
        wijkcode: g.wijk,
        wijknaam: g.wijk ? (WIJKEN.find((w) => w.code === g.wijk)?.naam ?? wijknaam.get(g.wijk)) : null,
        gemeentecode: GEMEENTE.code,
        gemeentenaam: GEMEENTE.naam,
        naam_2013: naam2013,
        bron: 'Gemeente Enschede, open data buurtgrenzen 2013; code en naam CBS',
      },
      geometry: f.geometry,
    });
  }
  koppeling.zonderVorm.push(
    ...buurten.filter((g) => !koppeling.gekoppeld.some((k) => k.code === g.code)).map((g) => g.naam),
  );
  features.sort((a, b) =>
    String((a as { properties: { statcode: string } }).properties.statcode).localeCompare(
      String((b as { properties: { statcode: string } }).properties.statcode),
    ),
  );
  const doc = { type: 'FeatureCollection', name: 'buurten_enschede_2013', features };
  return { json: await prettier.format(JSON.stringify(doc), { parser: 'json', printWidth: 120 }), koppeling };
}

// ---------------------------------------------------------------------------------------------------------------
// Workbooks
// ---------------------------------------------------------------------------------------------------------------

/** A cell: text, number, empty, or a number with a formula. */
type Cell = string | number | null | { v: number; f?: string; z?: string };

interface Blad {
  naam: string;
  rows: Cell[][];
  merges?: string[];
  widths?: number[];
}

function toWorksheet(b: Blad): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  let maxR = 0;
  let maxC = 0;
  b.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell === null || cell === '') return;
      const addr = XLSX.utils.encode_cell({ r, c });
      if (typeof cell === 'string') ws[addr] = { t: 's', v: cell };
      else if (typeof cell === 'number') ws[addr] = { t: 'n', v: cell };
      else ws[addr] = { t: 'n', v: cell.v, ...(cell.f ? { f: cell.f } : {}), ...(cell.z ? { z: cell.z } : {}) };
      maxR = Math.max(maxR, r);
      maxC = Math.max(maxC, c);
    }),
  );
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: maxR, c: maxC } });
  if (b.merges?.length) ws['!merges'] = b.merges.map((m) => XLSX.utils.decode_range(m));
  if (b.widths?.length) ws['!cols'] = b.widths.map((wch) => ({ wch }));
  return ws;
}

function workbook(title: string, date: Date, ...bladen: Blad[]): Buffer {
  const wb = XLSX.utils.book_new();
  for (const b of bladen) XLSX.utils.book_append_sheet(wb, toWorksheet(b), b.naam);
  wb.Props = { Title: title, Author: 'Wijkweb voorbeeldproject', CreatedDate: date, ModifiedDate: date };
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Cognos: meldingen by meldingstype, January–April 2024
// ---------------------------------------------------------------------------------------------------------------

/** Meldingstypes and the real Boswinkel–de Braker counts of April 2024 (Bijlage 2, total 32). */
const MELDINGSTYPEN: [string, number][] = [
  ['Aanmelding (inwoner al bekend bij wijkteam)', 13],
  ['Nieuwe aanmelding (inwoner nog niet bekend bij wijkteam)', 5],
  ['Administratieve wijziging (Wmo)', 5],
  ['Administratieve verlenging (Wmo)', 1],
  ['Herindicatie Ondersteuning Huishouden', 1],
  ['Postverwerking', 2],
  ['SMI', 1],
  ['Verzoek om toewijzing (Jeugd)', 3],
  ['Verzoek om wijziging (Jeugd)', 1],
];
check(som(MELDINGSTYPEN.map(([, n]) => n)) === 32, 'meldingen Boswinkel april 2024 tellen niet op tot 32');
const MAANDEN = ['jan 2024', 'feb 2024', 'mrt 2024', 'apr 2024'];
/** Monthly totals per buurt. Boswinkel April is real (32); everything else is illustrative. */
const MELDINGEN_TOTAAL: Record<string, [number, number, number, number]> = {
  BU01530201: [25, 28, 30, 32],
  BU01530204: [15, 17, 16, 18],
  BU01530207: [9, 8, 11, 10],
  BU01530202: [13, 14, 12, 15],
  BU01530301: [24, 22, 26, 27],
  BU01530300: [11, 12, 10, 13],
  BU01530208: [5, 4, 7, 6],
};

/** A total split over the meldingstypes in the proportions of Boswinkel's April (largest remainder, stable). */
function verdeel(totaal: number, verschuiving: number): number[] {
  const gewichten = MELDINGSTYPEN.map(([, n]) => n);
  const noemer = som(gewichten);
  const exact = gewichten.map((g) => (g * totaal) / noemer);
  const uit = exact.map(Math.floor);
  const volgorde = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x), tie: (i + verschuiving) % exact.length }))
    .sort((a, b) => b.rest - a.rest || a.tie - b.tie);
  const over = totaal - som(uit);
  for (let k = 0; k < over; k++) uit[volgorde[k]!.i]!++;
  check(som(uit) === totaal, `verdeling van ${totaal} klopt niet`);
  return uit;
}

function meldingenXlsx(): Buffer {
  const rows: Cell[][] = [['Aantal meldingen per buurt en meldingstype'], [], ['Buurt', 'Meldingstype', ...MAANDEN]];
  const eerste = rows.length + 1;
  BUURTEN.forEach((b, bi) => {
    const perMaand = MELDINGEN_TOTAAL[b.code]!.map((t, m) =>
      b.code === 'BU01530201' && m === 3 ? MELDINGSTYPEN.map(([, n]) => n) : verdeel(t, bi * 3 + m),
    );
    MELDINGSTYPEN.forEach(([type], ti) => rows.push([ti === 0 ? b.naam : null, type, ...perMaand.map((p) => p[ti]!)]));
  });
  const laatste = rows.length;
  const totalen = MAANDEN.map((_, m) => som(BUURTEN.map((b) => MELDINGEN_TOTAAL[b.code]![m]!)));
  const kolom = (m: number) => XLSX.utils.encode_col(2 + m);
  rows.push(['Totaal', null, ...totalen.map((v, m) => ({ v, f: `SUM(${kolom(m)}${eerste}:${kolom(m)}${laatste})` }))]);
  rows.push([]);
  rows.push([
    'Bron: Cognos. Boswinkel-De Braker april 2024: pilotplan Hulp om de hoek, Bijlage 2; overige illustratief',
  ]);
  return workbook('Meldingen per buurt, januari–april 2024', MEI, {
    naam: 'Page1_1',
    rows,
    widths: [22, 58, 10, 10, 10, 10],
  });
}

// ---------------------------------------------------------------------------------------------------------------
// 3b. Cognos: afhandeling of the aanmeldingen per buurt and month, May 2023 – April 2024 (ILLUSTRATIVE)
// ---------------------------------------------------------------------------------------------------------------

/** Months of the afhandeling export, May 2023 to April 2024 (the last four are those of the meldingen export). */
const AFH_MAANDEN = [
  'mei 2023',
  'jun 2023',
  'jul 2023',
  'aug 2023',
  'sep 2023',
  'okt 2023',
  'nov 2023',
  'dec 2023',
  ...MAANDEN,
];
/** The export's words for the categories (the taxonomy afhandeling reads them: wijkteam, voorliggend, maatwerk, overig). */
const AFH_KOLOMMEN = ['Wijkteam zelf', 'Voorliggend opgelost', 'Maatwerkindicatie', 'Anders'] as const;

/**
 * Aanmeldingen per buurt and month, all illustrative. Boswinkel-De Braker: about 30 a month; January–April 2024 equal
 * to the meldingen export (25, 28, 30, 32: April's 32 is the real total of Bijlage 2). The other buurten: May–December
 * around their level of January–April.
 */
const AFH_TOTAAL: Record<string, number[]> = {
  BU01530201: [29, 27, 24, 31, 30, 28, 29, 26, ...MELDINGEN_TOTAAL.BU01530201!],
  BU01530204: [16, 14, 12, 17, 15, 16, 18, 13, ...MELDINGEN_TOTAAL.BU01530204!],
  BU01530207: [10, 9, 7, 10, 11, 9, 8, 9, ...MELDINGEN_TOTAAL.BU01530207!],
  BU01530202: [12, 13, 11, 14, 13, 15, 12, 11, ...MELDINGEN_TOTAAL.BU01530202!],
  BU01530301: [25, 23, 20, 26, 24, 25, 27, 22, ...MELDINGEN_TOTAAL.BU01530301!],
  BU01530300: [12, 10, 9, 12, 11, 13, 12, 10, ...MELDINGEN_TOTAAL.BU01530300!],
  BU01530208: [6, 5, 4, 6, 5, 7, 5, 4, ...MELDINGEN_TOTAAL.BU01530208!],
};
/**
 * Shares of wijkteam, voorliggend, maatwerk, overig. Boswinkel-De Braker (the pilot, "Hulp om de hoek"): voorliggend
 * from about 20% in mid-2023 to about 38% in 2024-Q1 and April, maatwerk from about 35% to about 22%. The other
 * buurten stay as they were.
 */
const AFH_VOORLIGGEND_BOS = [0.2, 0.2, 0.21, 0.22, 0.25, 0.28, 0.32, 0.35, 0.37, 0.38, 0.38, 0.38];
const AFH_MAATWERK_BOS = [0.35, 0.35, 0.34, 0.33, 0.31, 0.29, 0.27, 0.25, 0.23, 0.22, 0.22, 0.22];
const afhAandelen = (code: string, m: number): [number, number, number, number] =>
  code === 'BU01530201'
    ? [1 - AFH_VOORLIGGEND_BOS[m]! - AFH_MAATWERK_BOS[m]! - 0.08, AFH_VOORLIGGEND_BOS[m]!, AFH_MAATWERK_BOS[m]!, 0.08]
    : [0.45, 0.21, 0.26, 0.08];

/** A total split by shares (largest remainder; ties to the first category). */
function splits(totaal: number, aandelen: readonly number[]): number[] {
  const exact = aandelen.map((a) => a * totaal);
  const uit = exact.map(Math.floor);
  const volgorde = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  const over = totaal - som(uit);
  for (let k = 0; k < over; k++) uit[volgorde[k]!.i]!++;
  check(som(uit) === totaal, `splitsing van ${totaal} klopt niet`);
  return uit;
}

function afhandelingXlsx(): Buffer {
  const rows: Cell[][] = [
    ['Afhandeling aanmeldingen wijkteam per buurt en maand (illustratief)'],
    [
      'Wat is er met de aanmeldingen gebeurd: geholpen door het wijkteam, voorliggend opgelost of een maatwerkindicatie',
    ],
    [],
    ['Buurt', 'Maand', ...AFH_KOLOMMEN, 'Totaal'],
  ];
  const merges: string[] = [];
  for (const b of BUURTEN) {
    const eerste = rows.length;
    AFH_MAANDEN.forEach((maand, m) => {
      const totaal = AFH_TOTAAL[b.code]![m]!;
      const delen = splits(totaal, afhAandelen(b.code, m));
      const r = rows.length + 1;
      rows.push([m === 0 ? b.naam : null, maand, ...delen, { v: totaal, f: `SUM(C${r}:F${r})` }]);
    });
    merges.push(`A${eerste + 1}:A${rows.length}`);
  }
  const bos = AFH_TOTAAL.BU01530201!;
  check(bos[bos.length - 1] === 32, 'afhandeling Boswinkel april 2024 telt niet op tot 32');
  rows.push([]);
  rows.push([
    'Bron: illustratief, geen cijfers van de gemeente. Boswinkel-De Braker januari–april 2024: dezelfde totalen als de ' +
      'meldingen (april 32, pilotplan Hulp om de hoek, Bijlage 2); de verdeling over de afhandelingen is verzonnen',
  ]);
  return workbook('Afhandeling aanmeldingen, mei 2023 – april 2024 (illustratief)', MEI, {
    naam: 'Afhandeling',
    rows,
    merges,
    widths: [22, 10, 14, 20, 18, 10, 10],
  });
}

// ---------------------------------------------------------------------------------------------------------------
// 3c. Financiën: kosten Wmo and Jeugdwet per buurt and year, 2021 – April 2024 (ILLUSTRATIVE)
// ---------------------------------------------------------------------------------------------------------------

const KOSTEN_PERIODEN = ['2021', '2022', '2023', 'jan t/m apr 2024'];
/**
 * Kosten per buurt, all illustrative. Boswinkel-De Braker about € 1,1 mln Wmo and € 0,6 mln Jeugd a year, slowly
 * rising to 2023; January–April 2024 a little under a third of 2023. The other buurten in proportion to their
 * inhabitants, with a per-inhabitant level of their own.
 */
const KOSTEN_BOS: Record<'Wmo' | 'Jeugd', number[]> = {
  Wmo: [1_062_480.15, 1_094_310.6, 1_131_975.4, 366_840.25],
  Jeugd: [583_120.9, 601_455.35, 618_730.1, 198_410.75],
};
/** Euro per inhabitant in 2021 (Wmo, Jeugd) of the other buurten. */
const KOSTEN_PER_INWONER: Record<string, [number, number]> = {
  BU01530204: [212.4, 131.7],
  BU01530207: [248.9, 118.2],
  BU01530202: [231.6, 167.3],
  BU01530301: [262.8, 171.9],
  BU01530300: [239.5, 126.4],
  BU01530208: [198.3, 152.6],
};
const centen = (x: number) => Math.round(x * 100) / 100;
function kostenVan(code: string, wet: 'Wmo' | 'Jeugd'): number[] {
  if (code === 'BU01530201') return KOSTEN_BOS[wet];
  const inwoners = BUURTEN.find((b) => b.code === code)!.inwoners;
  const jaar = inwoners * KOSTEN_PER_INWONER[code]![wet === 'Wmo' ? 0 : 1];
  const y2023 = jaar * 1.029 * 1.031;
  return [jaar, jaar * 1.029, y2023, y2023 * 0.318].map(centen);
}

function kostenXlsx(): Buffer {
  const EURO = '"€ "#,##0.00';
  const rows: Cell[][] = [
    ['Kosten Wmo en Jeugd per buurt (illustratief)'],
    ["Lasten maatwerkvoorzieningen in euro's per jaar; 2024 tot en met april"],
    [],
    ['Buurt', ...KOSTEN_PERIODEN],
  ];
  const kol = (i: number) => XLSX.utils.encode_col(1 + i);
  for (const wet of ['Wmo', 'Jeugd'] as const) {
    rows.push([wet]);
    const eerste = rows.length + 1;
    for (const b of BUURTEN) rows.push([b.naam, ...kostenVan(b.code, wet).map((v) => ({ v, z: EURO }))]);
    const laatste = rows.length;
    rows.push([
      `Totaal ${wet}`,
      ...KOSTEN_PERIODEN.map((_, i) => ({
        v: centen(som(BUURTEN.map((b) => kostenVan(b.code, wet)[i]!))),
        f: `SUM(${kol(i)}${eerste}:${kol(i)}${laatste})`,
        z: EURO,
      })),
    ]);
  }
  const [w, j] = [KOSTEN_BOS.Wmo, KOSTEN_BOS.Jeugd];
  check(w[3]! < w[2]! / 3 && j[3]! < j[2]! / 3, 'kosten 2024 januari–april moeten onder een derde van 2023 liggen');
  rows.push([]);
  rows.push([
    'Bron: illustratief, geen cijfers van de gemeente Enschede. Boswinkel-De Braker naar de orde van grootte ' +
      'van een buurt van 3.715 inwoners',
  ]);
  return workbook('Kosten Wmo en Jeugd per buurt, 2021 – april 2024 (illustratief)', MEI, {
    naam: 'Kosten',
    rows,
    widths: [24, 16, 16, 16, 18],
  });
}

// ---------------------------------------------------------------------------------------------------------------
// 4. Cognos: toewijzingen and unieke cliënten per product, peildatum 2 January and 2 April 2024
// ---------------------------------------------------------------------------------------------------------------

const PRODUCTEN = [
  'Ondersteuningsbehoefte 1 Wmo',
  'Ondersteuningsbehoefte 2 Wmo',
  'Ondersteuningsbehoefte 1 Jeugd',
  'Ondersteuningsbehoefte 2 Jeugd',
  'Ondersteuningsbehoefte 3 Jeugd',
  'Ondersteuningsbehoefte 4 Jeugd',
] as const;
type PerProduct = [number, number, number, number, number, number];

/**
 * Toewijzingen per product. Boswinkel on 2 April 2024 is real (Bijlage 2: 68, 41, –, 7, 11, 24; the OB1 Jeugd
 * count is missing in the text of the plan, 1 is taken from "Ondersteuningsbehoefte 1A Individueel 1" of the Jeugd
 * table). Everything else is illustrative; the small counts (1–4) are there on purpose, to show the privacy rule.
 */
const TOEWIJZINGEN: Record<'2024-01-02' | '2024-04-02', Record<string, PerProduct>> = {
  '2024-01-02': {
    BU01530201: [66, 40, 1, 8, 11, 25],
    BU01530204: [37, 25, 3, 8, 12, 17],
    BU01530207: [27, 16, 2, 3, 3, 4],
    BU01530202: [26, 15, 3, 10, 12, 13],
    BU01530301: [41, 26, 4, 17, 21, 30],
    BU01530300: [29, 18, 2, 4, 3, 3],
    BU01530208: [11, 6, 1, 4, 4, 4],
  },
  '2024-04-02': {
    BU01530201: [68, 41, 1, 7, 11, 24],
    BU01530204: [38, 24, 3, 9, 12, 16],
    BU01530207: [28, 17, 2, 4, 3, 3],
    BU01530202: [25, 15, 4, 10, 11, 13],
    BU01530301: [43, 27, 4, 18, 22, 31],
    BU01530300: [30, 18, 3, 4, 2, 3],
    BU01530208: [11, 7, 1, 5, 4, 4],
  },
};
/** Unieke cliënten: Boswinkel April real (65, 39, 1, 7, 10, 23); the rest a few less than the toewijzingen. */
const UNIEK_BOSWINKEL_APRIL: PerProduct = [65, 39, 1, 7, 10, 23];
const uniek = (code: string, peildatum: string, n: number, i: number) =>
  code === 'BU01530201' && peildatum === '2024-04-02' ? UNIEK_BOSWINKEL_APRIL[i]! : n - Math.floor(n / 15);

function toewijzingenXlsx(peildatum: '2024-01-02' | '2024-04-02', inWoorden: string, date: Date): Buffer {
  const rows: Cell[][] = [
    ['Toewijzingen en unieke cliënten per buurt en product'],
    [`peildatum ${inWoorden}`],
    [],
    ['Buurt', 'Product', 'Aantal toewijzingen', 'Aantal unieke cliënten'],
  ];
  const eerste = rows.length + 1;
  for (const b of BUURTEN) {
    const n = TOEWIJZINGEN[peildatum][b.code]!;
    PRODUCTEN.forEach((p, i) => rows.push([i === 0 ? b.naam : null, p, n[i]!, uniek(b.code, peildatum, n[i]!, i)]));
  }
  const laatste = rows.length;
  const totaal = (k: number) =>
    som(
      BUURTEN.flatMap((b) =>
        TOEWIJZINGEN[peildatum][b.code]!.map((n, i) => (k === 0 ? n : uniek(b.code, peildatum, n, i))),
      ),
    );
  rows.push([
    'Eindtotaal',
    null,
    { v: totaal(0), f: `SUM(C${eerste}:C${laatste})` },
    { v: totaal(1), f: `SUM(D${eerste}:D${laatste})` },
  ]);
  rows.push([]);
  rows.push([
    peildatum === '2024-04-02'
      ? 'Bron: Cognos. Boswinkel-De Braker: pilotplan Hulp om de hoek, Bijlage 2; overige buurten illustratief'
      : 'Bron: Cognos. Alle aantallen illustratief',
  ]);
  return workbook(`Toewijzingen per buurt en product, peildatum ${peildatum}`, date, {
    naam: 'Producten',
    rows,
    widths: [22, 34, 20, 24],
  });
}

// ---------------------------------------------------------------------------------------------------------------
// 5. Partner lists: January 2024, and the update of April 2024
// ---------------------------------------------------------------------------------------------------------------

const BRON = {
  hodh: 'Hulp om de hoek (pilotplan Boswinkel–de Braker)',
  hodhGebied: 'Hulp om de hoek, Bijlage 2 (gebiedsanalyse)',
  hodhBeleid: 'Hulp om de hoek, Bijlage 1 (relatie met andere beleidsvelden)',
  presentie: 'Presentiebenadering, aanvraag coronamiddelen',
  mandaten: 'Wijkcoaches Velve-Lindenhof, Bijlage 1 (overzicht mandaten)',
  wijkcoaches: 'Wijkcoaches Velve-Lindenhof',
} as const;

interface Organisatie {
  naam: string;
  soort: string;
  buurt?: string;
  website?: string;
  /** The organisation's notes (with `bron`, on a row of its own without aanbod). */
  opmerking?: string;
  bron: string;
  aanbod: Aanbod[];
}

interface Aanbod {
  naam: string;
  leefgebieden: string;
  doelgroepen?: string;
  vorm: 'Collectief' | 'Groep' | 'Individueel';
  toegang: 'Vrij toegankelijk' | 'Inloop' | 'Op indicatie' | 'Op verwijzing' | 'Na aanmelding' | 'Met beschikking';
  preventie: 1 | 2 | 3 | 4 | 5;
  status: 'Actief' | 'Gepland' | 'Gestopt';
  start?: string;
  eind?: string;
  werkgebied: string;
  bron: string;
}

const ZORG = 'Zorg/Hulpverlening';
const WELZIJN = 'Welzijn/Recreatie/vrije tijd';
const ONDERWIJS = 'Onderwijs/scholing';

/**
 * The organisations and offers as of January 2024. Names of organisations and offers: from the sources (see `bron`).
 * Which buurten an offer serves (werkgebied), leefgebieden, doelgroepen, collectief/individueel and toegang are this
 * demo's reading of the sources; where the sources say nothing about it, it is illustrative.
 */
const ORGANISATIES: Organisatie[] = [
  {
    naam: 'Wijkteams Enschede',
    soort: 'Gemeente en wijkteam',
    website: 'www.wijkteamsenschede.nl',
    bron: `${BRON.hodh}; ${BRON.presentie} (SMD/Wijkteams)`,
    aanbod: [
      {
        naam: 'Wijkteam West: lichte hulp en toegang Wmo en Jeugd',
        leefgebieden: `${ZORG}; ${WELZIJN}`,
        doelgroepen: 'Volwassenen; Gezinnen',
        vorm: 'Individueel',
        toegang: 'Vrij toegankelijk',
        preventie: 3,
        status: 'Actief',
        werkgebied: WEST,
        bron: `${BRON.hodh}, "Oorspronkelijke opdracht Wijkteams"`,
      },
      {
        naam: 'Gamebus Jeugdwerk Online',
        leefgebieden: `${WELZIJN}; ${ONDERWIJS}`,
        doelgroepen: 'Jongeren',
        vorm: 'Collectief',
        toegang: 'Inloop',
        preventie: 1,
        status: 'Actief',
        werkgebied: W08,
        bron: `${BRON.presentie}, deelproject 1 (werkgebied illustratief)`,
      },
      {
        naam: 'Schoolwijkcoach',
        leefgebieden: `${ONDERWIJS}; ${ZORG}`,
        doelgroepen: 'Kinderen; Jongeren',
        vorm: 'Individueel',
        toegang: 'Vrij toegankelijk',
        preventie: 2,
        status: 'Actief',
        werkgebied: WEST,
        bron: `${BRON.presentie}, deelproject 2`,
      },
      {
        naam: 'Wijkcoach bij de huisarts (POH)',
        leefgebieden: `Gezondheid; ${ZORG}`,
        doelgroepen: 'Volwassenen',
        vorm: 'Individueel',
        toegang: 'Op verwijzing',
        preventie: 3,
        status: 'Actief',
        werkgebied: WEST,
        bron: `${BRON.presentie}, deelproject 3`,
      },
      {
        naam: 'Online hulp en chat',
        leefgebieden: ZORG,
        doelgroepen: 'Volwassenen; Jongeren',
        vorm: 'Individueel',
        toegang: 'Vrij toegankelijk',
        preventie: 2,
        status: 'Actief',
        werkgebied: WEST,
        bron: `${BRON.presentie}, deelproject 4 (website)`,
      },
    ],
  },
  {
    naam: 'Alifa',
    soort: 'Welzijn',
    bron: `${BRON.mandaten} (Alifa); ${BRON.presentie} (Alifa jongerenwerk)`,
    aanbod: [
      {
        naam: 'Wijkwerk (opbouwwerk)',
        leefgebieden: WELZIJN,
        vorm: 'Collectief',
        toegang: 'Vrij toegankelijk',
        preventie: 2,
        status: 'Actief',
        werkgebied: WEST,
        bron: `${BRON.mandaten}: inzet wijkwerk; ${BRON.hodh}: opbouwwerk`,
      },
      {
        naam: 'Jongerenwerk',
        leefgebieden: WELZIJN,
        doelgroepen: 'Jongeren',
        vorm: 'Collectief',
        toegang: 'Vrij toegankelijk',
        preventie: 1,
        status: 'Actief',
        werkgebied: WEST,
        bron: `${BRON.mandaten}: inzet jongerenwerk`,
      },
      {
        naam: 'Speeltuinwerk',
        leefgebieden: WELZIJN,
        doelgroepen: 'Kinderen',
        vorm: 'Collectief',
        toegang: 'Vrij toegankelijk',
        preventie: 1,
        status: 'Actief',
        werkgebied: W07,
        bron: `${BRON.mandaten}: inzet speeltuinwerk (werkgebied illustratief)`,
      },
      {
        naam: 'Peuterspeelzaalwerk',
        leefgebieden: `${ONDERWIJS}; ${WELZIJN}`,
        doelgroepen: 'Peuters',
        vorm: 'Collectief',
        toegang: 'Vrij toegankelijk',
        preventie: 1,
        status: 'Actief',
        werkgebied: W07,
        bron: `${BRON.mandaten}: inzet peuterspeelzaalwerk (werkgebied illustratief)`,
      },
      {
        naam: 'Servicepunt vrijwilligerswerk',
        leefgebieden: `${WELZIJN}; Werk en Inkomen`,
        doelgroepen: 'Volwassenen',
        vorm: 'Collectief',
        toegang: 'Vrij toegankelijk',
        preventie: 2,
        status: 'Actief',
        werkgebied: WEST,
        bron: `${BRON.mandaten}: inzet servicepunt vrijwilligerswerk`,
      },
    ],
  },
  {
    naam: 'Wijkwijzer',
    soort: 'Welzijn',
    bron: `${BRON.hodh}; ${BRON.presentie}`,
    aanbod: [
      {
        naam: 'Wijkwijzer: enkelvoudige vragen',
        leefgebieden: `${WELZIJN}; Werk en Inkomen; Wonen`,
        doelgroepen: 'Volwassenen',
        vorm: 'Individueel',
        toegang: 'Vrij toegankelijk',
        preventie: 3,
        status: 'Actief',
        werkgebied: WEST,
        bron: `${BRON.hodh}, "Kern pilot": vragen die met 1 of 2 gesprekken zijn opgelost`,
      },
    ],
  },
  {
    naam: "Wijkcentrum 't Nije Terphoes",
    soort: 'Welzijn',
    buurt: BOS,
    bron: BRON.hodhGebied,
    aanbod: [
      {
        naam: "Ontmoeting in 't Nije Terphoes",
        leefgebieden: WELZIJN,
        vorm: 'Collectief',
        toegang: 'Inloop',
        preventie: 2,
        status: 'Actief',
        werkgebied: BOS,
        bron: BRON.hodhGebied,
      },
    ],
  },
  {
    naam: 'Familiehuis Boswinkel',
    soort: 'Welzijn',
    buurt: BOS,
    bron: `${BRON.hodhGebied} ("waarin het Familiehuis wordt gevestigd")`,
    aanbod: [
      {
        naam: 'Familiehuis: ontmoeting en steun voor ouders',
        leefgebieden: `${WELZIJN}; Gezondheid`,
        doelgroepen: 'Gezinnen; Peuters',
        vorm: 'Collectief',
        toegang: 'Vrij toegankelijk',
        preventie: 2,
        status: 'Gepland',
        werkgebied: BOS,
        bron: `${BRON.hodhGebied}; ${BRON.hodh}, randvoorwaarde 3`,
      },
    ],
  },
  {
    naam: 'Familiecentrum Enschede West',
    soort: 'Welzijn',
    bron: `${BRON.hodhBeleid}, "Het Familiecentrum Enschede"`,
    aanbod: [
      {
        naam: 'Familiecentrum: opvoedingsondersteuning en activiteiten',
        leefgebieden: `Gezondheid; ${WELZIJN}`,
        doelgroepen: 'Peuters; Gezinnen',
        vorm: 'Collectief',
        toegang: 'Vrij toegankelijk',
        preventie: 1,
        status: 'Actief',
        werkgebied: W07,
        bron: `${BRON.hodhBeleid} (werkgebied illustratief)`,
      },
    ],
  },
  {
    naam: 'Speeltuin Boswinkel',
    soort: 'Informeel',
    buurt: BOS,
    bron: BRON.hodhGebied,
    aanbod: [
      {
        naam: 'Speeltuin Boswinkel',
        leefgebieden: WELZIJN,
        doelgroepen: 'Kinderen; Gezinnen',
        vorm: 'Collectief',
        toegang: 'Vrij toegankelijk',
        preventie: 1,
        status: 'Actief',
        werkgebied: BOS,
        bron: BRON.hodhGebied,
      },
    ],
  },
  {
    naam: 'Huisartsen Enschede West',
    soort: 'Zorg',
    bron: `${BRON.hodh}, "Achtergrond"; ${BRON.presentie} (POH/huisartsen)`,
    aanbod: [
      {
        naam: 'Huisartsenzorg en POH',
        leefgebieden: `Gezondheid; ${ZORG}`,
        doelgroepen: 'Volwassenen; Ouderen',
        vorm: 'Individueel',
        toegang: 'Vrij toegankelijk',
        preventie: 3,
        status: 'Actief',
        werkgebied: WEST,
        bron: `${BRON.hodh}, "Achtergrond" (verzamelnaam voor de huisartsen in het gebied)`,
      },
    ],
  },
  {
    naam: 'JGZ',
    soort: 'Zorg',
    bron: `${BRON.mandaten} (JGZ); ${BRON.hodh} (JGZ-artsen)`,
    aanbod: [
      {
        naam: 'Cursus Opvoeden en zo',
        leefgebieden: 'Gezondheid',
        doelgroepen: 'Gezinnen',
        vorm: 'Groep',
        toegang: 'Vrij toegankelijk',
        preventie: 2,
        status: 'Actief',
        werkgebied: WEST,
        bron: BRON.mandaten,
      },
      {
        naam: 'Cursus Peuters in zicht',
        leefgebieden: 'Gezondheid',
        doelgroepen: 'Peuters; Gezinnen',
        vorm: 'Groep',
        toegang: 'Vrij toegankelijk',
        preventie: 2,
        status: 'Actief',
        werkgebied: WEST,
        bron: BRON.mandaten,
      },
      {
        naam: 'Pubercursus',
        leefgebieden: 'Gezondheid',
        doelgroepen: 'Gezinnen; Jongeren',
        vorm: 'Groep',
        toegang: 'Vrij toegankelijk',
        preventie: 2,
        status: 'Actief',
        werkgebied: WEST,
        bron: BRON.mandaten,
      },
      {
        naam: 'Huisbezoeken JGZ-verpleegkundige',
        leefgebieden: 'Gezondheid',
        doelgroepen: 'Peuters; Gezinnen',
        vorm: 'Individueel',
        toegang: 'Vrij toegankelijk',
        preventie: 1,
        status: 'Actief',
        werkgebied: WEST,
        bron: BRON.mandaten,
      },
    ],
  },
  {
    naam: 'Stadsbank',
    soort: 'Werk en inkomen',
    bron: BRON.mandaten,
    aanbod: [
      {
        naam: 'Schuldhulpverlening',
        leefgebieden: 'Werk en Inkomen',
        doelgroepen: 'Volwassenen',
        vorm: 'Individueel',
        toegang: 'Na aanmelding',
        preventie: 4,
        status: 'Actief',
        werkgebied: WEST,
        bron: `${BRON.mandaten}: inzet schuldhulpverlening`,
      },
      {
        naam: 'Budgetbeheer',
        leefgebieden: 'Werk en Inkomen',
        doelgroepen: 'Volwassenen',
        vorm: 'Individueel',
        toegang: 'Op indicatie',
        preventie: 4,
        status: 'Actief',
        werkgebied: WEST,
        bron: `${BRON.mandaten}: inzet budgetbeheer`,
      },
    ],
  },
  {
    naam: 'Werk en Inkomen (gemeente Enschede)',
    soort: 'Werk en inkomen',
    bron: `${BRON.mandaten} (Gemeente DMO W&B); ${BRON.hodh}, "Uitvoerend" punt 3`,
    aanbod: [
      {
        naam: 'Bijzondere bijstand',
        leefgebieden: 'Werk en Inkomen',
        doelgroepen: 'Volwassenen',
        vorm: 'Individueel',
        toegang: 'Met beschikking',
        preventie: 3,
        status: 'Actief',
        werkgebied: WEST,
        bron: `${BRON.mandaten}: toekennen bijzondere bijstand`,
      },
    ],
  },
  {
    naam: 'Leerplicht (gemeente Enschede)',
    soort: 'Gemeente en wijkteam',
    bron: BRON.mandaten,
    aanbod: [
      {
        naam: 'Leerplicht en RMC',
        leefgebieden: ONDERWIJS,
        doelgroepen: 'Jongeren',
        vorm: 'Individueel',
        toegang: 'Op indicatie',
        preventie: 4,
        status: 'Actief',
        werkgebied: WEST,
        bron: BRON.mandaten,
      },
    ],
  },
  {
    naam: 'Tactus',
    soort: 'Zorg',
    bron: `${BRON.mandaten}; ${BRON.presentie}`,
    aanbod: [
      {
        naam: 'Verslavingszorg',
        leefgebieden: `${ZORG}; Gezondheid`,
        doelgroepen: 'Volwassenen; Jongeren',
        vorm: 'Individueel',
        toegang: 'Op verwijzing',
        preventie: 5,
        status: 'Actief',
        werkgebied: WEST,
        bron: `${BRON.mandaten}: inzet vormen van hulpverlening`,
      },
    ],
  },
  {
    naam: 'Veilig Thuis',
    soort: 'Veiligheid',
    bron: BRON.presentie,
    aanbod: [
      {
        naam: 'Advies en melding huiselijk geweld',
        leefgebieden: 'Veiligheid',
        doelgroepen: 'Gezinnen; Volwassenen',
        vorm: 'Individueel',
        toegang: 'Vrij toegankelijk',
        preventie: 4,
        status: 'Actief',
        werkgebied: WEST,
        bron: BRON.presentie,
      },
    ],
  },
  {
    naam: 'Politie',
    soort: 'Veiligheid',
    bron: `${BRON.presentie}; ${BRON.mandaten}`,
    aanbod: [
      {
        naam: 'Wijkagent',
        leefgebieden: 'Veiligheid',
        vorm: 'Individueel',
        toegang: 'Vrij toegankelijk',
        preventie: 1,
        status: 'Actief',
        werkgebied: WEST,
        bron: `${BRON.presentie} (politie); de wijkagent zelf is illustratief`,
      },
    ],
  },
  {
    naam: 'MEE',
    soort: 'Zorg',
    bron: BRON.mandaten,
    aanbod: [
      {
        naam: 'Cursussen MEE',
        leefgebieden: ZORG,
        doelgroepen: 'LVB',
        vorm: 'Collectief',
        toegang: 'Vrij toegankelijk',
        preventie: 2,
        status: 'Actief',
        werkgebied: W08,
        bron: `${BRON.mandaten}: cursussen (werkgebied illustratief)`,
      },
      {
        naam: 'Informatie en advies MEE',
        leefgebieden: ZORG,
        doelgroepen: 'LVB',
        vorm: 'Individueel',
        toegang: 'Vrij toegankelijk',
        preventie: 3,
        status: 'Actief',
        werkgebied: WEST,
        bron: `${BRON.mandaten}: informatie en advies`,
      },
    ],
  },
  {
    naam: 'Jarabee',
    soort: 'Zorg',
    bron: BRON.mandaten,
    aanbod: [
      {
        naam: 'Sociale vaardigheidstraining',
        leefgebieden: ZORG,
        doelgroepen: 'Kinderen; Jongeren',
        vorm: 'Groep',
        toegang: 'Op indicatie',
        preventie: 4,
        status: 'Actief',
        werkgebied: WEST,
        bron: BRON.mandaten,
      },
      {
        naam: 'Video Gezinsbehandeling',
        leefgebieden: ZORG,
        doelgroepen: 'Gezinnen',
        vorm: 'Individueel',
        toegang: 'Op indicatie',
        preventie: 5,
        status: 'Actief',
        werkgebied: WEST,
        bron: BRON.mandaten,
      },
    ],
  },
  { naam: 'CIZ', soort: 'Zorg', opmerking: 'Indicatiestelling.', bron: BRON.mandaten, aanbod: [] },
  { naam: 'Mediant', soort: 'Zorg', opmerking: 'GGZ.', bron: BRON.mandaten, aanbod: [] },
  { naam: 'Ons Huis', soort: 'Woningcorporatie', bron: BRON.wijkcoaches, aanbod: [] },
  { naam: 'Domijn', soort: 'Woningcorporatie', bron: BRON.wijkcoaches, aanbod: [] },
  { naam: 'De Woonplaats', soort: 'Woningcorporatie', bron: BRON.wijkcoaches, aanbod: [] },
  {
    naam: 'Wijkcoaches Velve-Lindenhof',
    soort: 'Gemeente en wijkteam',
    opmerking:
      'Project van gemeente en woningcorporaties (sinds 2008) in Velve-Lindenhof, Enschede Oost: buiten het gebied ' +
      'van dit voorbeeld, opgenomen vanwege de mandaten (Bijlage 1).',
    bron: BRON.wijkcoaches,
    aanbod: [],
  },
  { naam: 'Reclassering', soort: 'Veiligheid', bron: BRON.mandaten, aanbod: [] },
  { naam: 'Openbaar Ministerie', soort: 'Veiligheid', bron: BRON.mandaten, aanbod: [] },
  {
    naam: 'Basisscholen Enschede West',
    soort: 'Onderwijs',
    opmerking: 'Verzamelnaam: de bronnen noemen "een basisschool" en onderwijs als signalerende partner.',
    bron: `${BRON.hodhGebied}; ${BRON.hodhBeleid}`,
    aanbod: [],
  },
  {
    naam: 'Kinderopvang Enschede West',
    soort: 'Kinderopvang',
    opmerking: 'Verzamelnaam: de bronnen noemen "een kinderopvang" en kinderopvang als signalerende partner.',
    bron: `${BRON.hodhGebied}; ${BRON.hodhBeleid}`,
    aanbod: [],
  },
];

/** Added in the update of April 2024. */
const NIEUW_APRIL: { organisatie: string; aanbod: Aanbod }[] = [
  {
    organisatie: 'Wijkteams Enschede',
    aanbod: {
      naam: 'Hulp om de hoek: lichte ondersteuning zonder indicatie',
      leefgebieden: `${ZORG}; ${WELZIJN}`,
      doelgroepen: 'Volwassenen; Gezinnen',
      vorm: 'Individueel',
      toegang: 'Vrij toegankelijk',
      preventie: 3,
      status: 'Gepland',
      start: '2024-09-01',
      werkgebied: BOS,
      bron: `${BRON.hodh}: "Kern pilot", start "na de zomer"`,
    },
  },
  {
    organisatie: "Wijkcentrum 't Nije Terphoes",
    aanbod: {
      naam: "Inloop Hulp om de hoek in 't Nije Terphoes",
      leefgebieden: `${ZORG}; ${WELZIJN}`,
      doelgroepen: 'Volwassenen; Ouderen',
      vorm: 'Collectief',
      toegang: 'Inloop',
      preventie: 2,
      status: 'Gepland',
      start: '2024-09-01',
      werkgebied: BOS,
      bron: `Illustratief, naar ${BRON.hodh}, randvoorwaarde 8 (een fysieke plek in de wijk)`,
    },
  },
];
/** Stopped in the update of April 2024 (illustrative: the coronamiddelen were a one-off investment). */
const GESTOPT_APRIL = {
  organisatie: 'Wijkteams Enschede',
  aanbod: 'Gamebus Jeugdwerk Online',
  einddatum: '2024-03-31',
};

const PARTNER_KOP = [
  'Naam organisatie',
  'Soort',
  'Buurt',
  'Website',
  'Naam aanbod',
  'Leefgebied(en)',
  'Doelgroep',
  'Collectief / individueel',
  'Toegang',
  'Preventieniveau',
  'Status',
  'Startdatum',
  'Einddatum',
  'Werkgebied',
  'Opmerkingen',
  'Bron (document)',
];

function aanbodCellen(a: Aanbod): Cell[] {
  return [
    a.naam,
    a.leefgebieden,
    a.doelgroepen ?? null,
    a.vorm,
    a.toegang,
    String(a.preventie),
    a.status,
    a.start ?? null,
    a.eind ?? null,
    a.werkgebied,
    null,
    a.bron,
  ];
}

const toelichting = (regels: string[]): Blad => ({ naam: 'Toelichting', rows: regels.map((r) => [r]), widths: [120] });

function partnersJanuariXlsx(): { bytes: Buffer; gamebusVolgnummer: number } {
  const rows: Cell[][] = [
    ['Sociale kaart Enschede West, versie januari 2024 (voorbeeldproject)'],
    [],
    ['Organisatie', null, null, null, 'Aanbod'],
    PARTNER_KOP,
  ];
  // Rows grouped per organisation: the import creates voorzieningen in this order (numbered 1, 2, …).
  let volgnummer = 0;
  let gamebusVolgnummer = 0;
  for (const o of ORGANISATIES) {
    const org: Cell[] = [o.naam, o.soort, o.buurt ?? null, o.website ?? null];
    // A row without aanbod first: its Opmerkingen become the organisation's notes (where it comes from).
    const notitie = [o.opmerking, `Bron: ${o.bron}.`].filter(Boolean).join(' ');
    rows.push([...org, ...Array<Cell>(10).fill(null), notitie, o.bron]);
    for (const a of o.aanbod) {
      volgnummer++;
      if (o.naam === GESTOPT_APRIL.organisatie && a.naam === GESTOPT_APRIL.aanbod) gamebusVolgnummer = volgnummer;
      rows.push([...org, ...aanbodCellen(a)]);
    }
  }
  check(gamebusVolgnummer > 0, 'de Gamebus staat niet in de lijst van januari');
  const bytes = workbook(
    'Sociale kaart Enschede West, januari 2024',
    JANUARI,
    {
      naam: 'Sociale kaart',
      rows,
      merges: ['A3:D3', 'E3:P3'],
      widths: [34, 22, 22, 26, 52, 44, 26, 14, 18, 8, 10, 11, 11, 44, 40, 60],
    },
    toelichting([
      'Voorbeeldproject Wijkweb: Enschede West.',
      'Namen van organisaties en aanbod komen uit de Enschedese stukken in de kolom Bron (document).',
      'Werkgebied, leefgebieden, doelgroepen, collectief/individueel en toegang zijn een lezing van die stukken voor dit',
      'voorbeeld; waar de stukken er niets over zeggen, zijn ze illustratief. Geen adressen, telefoonnummers of personen.',
    ]),
  );
  return { bytes, gamebusVolgnummer };
}

function partnersAprilXlsx(gamebusVolgnummer: number): Buffer {
  const org = (naam: string): Cell[] => {
    const o = ORGANISATIES.find((x) => x.naam === naam)!;
    return [o.naam, o.soort, o.buurt ?? null, o.website ?? null];
  };
  const gamebus = ORGANISATIES.find((o) => o.naam === GESTOPT_APRIL.organisatie)!.aanbod.find(
    (a) => a.naam === GESTOPT_APRIL.aanbod,
  )!;
  const rows: Cell[][] = [
    ['Sociale kaart Enschede West, wijzigingen april 2024 (voorbeeldproject)'],
    [],
    [null, 'Organisatie', null, null, null, 'Aanbod'],
    ['Voorziening id', ...PARTNER_KOP],
    ...NIEUW_APRIL.map((n) => [null, ...org(n.organisatie), ...aanbodCellen(n.aanbod)]),
    // The stopped offer, by its number in the project (an export edited in Excel): the file's values win.
    [
      gamebusVolgnummer,
      ...org(GESTOPT_APRIL.organisatie),
      ...aanbodCellen({
        ...gamebus,
        status: 'Gestopt',
        eind: GESTOPT_APRIL.einddatum,
        bron: 'Illustratief: de coronamiddelen waren een eenmalige investering (Presentiebenadering, aanvraag coronamiddelen)',
      }),
    ],
  ];
  return workbook(
    'Sociale kaart Enschede West, wijzigingen april 2024',
    APRIL,
    {
      naam: 'Wijzigingen',
      rows,
      merges: ['B3:E3', 'F3:Q3'],
      widths: [10, 34, 22, 22, 26, 52, 44, 26, 14, 18, 8, 10, 11, 11, 44, 40, 60],
    },
    toelichting([
      'Wijzigingen na de stuurgroep van januari: twee nieuwe voorzieningen (gepland) en één gestopte.',
      `De gestopte voorziening staat er met haar nummer in het project (Voorziening id ${gamebusVolgnummer}), zoals bij`,
      'bijwerken via Excel: een export van de voorzieningen, aangepast en teruggezet.',
    ]),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// 6. Relaties: what the sources say (no volumes), and illustrative referral volumes per quarter
// ---------------------------------------------------------------------------------------------------------------

type Rel = [van: string, naar: string, soort: string, opmerking: string];

const HODH_KERN = `${BRON.hodh}, "Uitvoerend" punt 3: vaste kern Welzijn, Wijkteam en Werk & Inkomen (welzijn: hier Alifa)`;
const HODH_STRUCTUREN = `${BRON.hodh}, "Uitvoerend" punt 2: koppelen aan de Wijkwijzer en het Familiehuis`;
const MANDAAT = `${BRON.mandaten}: de wijkcoach beslist namens deze instelling`;
const GEEN_MANDAAT = `${BRON.mandaten}: geen mandaat, wel samenwerkingsafspraken`;
const GAMEBUS = `${BRON.presentie}, deelproject 1: netwerkpartners kunnen aansluiten bij de gamebus`;

const RELATIES_UIT_BRONNEN: Rel[] = [
  ['Wijkteams Enschede', 'Alifa', 'Casusoverleg', HODH_KERN],
  ['Wijkteams Enschede', 'Werk en Inkomen (gemeente Enschede)', 'Casusoverleg', HODH_KERN],
  ['Alifa', 'Werk en Inkomen (gemeente Enschede)', 'Casusoverleg', HODH_KERN],
  ['Wijkteams Enschede', 'Wijkwijzer', 'Samenwerking', HODH_STRUCTUREN],
  ['Wijkteams Enschede', 'Familiehuis Boswinkel', 'Samenwerking', HODH_STRUCTUREN],
  [
    'Wijkteams Enschede',
    'Huisartsen Enschede West',
    'Samenwerking',
    `${BRON.presentie}: aansluiting wijkcoach op POH/huisartsen`,
  ],
  [
    'Wijkteams Enschede',
    'JGZ',
    'Samenwerking',
    `${BRON.hodh}: intensieve samenwerking met o.a. huisartsen en JGZ-artsen`,
  ],
  ['Tactus', 'Gamebus Jeugdwerk Online', 'Samenwerking', GAMEBUS],
  ['Alifa', 'Gamebus Jeugdwerk Online', 'Samenwerking', `${GAMEBUS} (Alifa jongerenwerk)`],
  ['Politie', 'Gamebus Jeugdwerk Online', 'Samenwerking', GAMEBUS],
  ['Veilig Thuis', 'Gamebus Jeugdwerk Online', 'Samenwerking', GAMEBUS],
  ['Ons Huis', 'Wijkcoaches Velve-Lindenhof', 'Financiering', `${BRON.wijkcoaches}: gefinancierd door de corporaties`],
  ['Domijn', 'Wijkcoaches Velve-Lindenhof', 'Financiering', `${BRON.wijkcoaches}: gefinancierd door de corporaties`],
  [
    'De Woonplaats',
    'Wijkcoaches Velve-Lindenhof',
    'Financiering',
    `${BRON.wijkcoaches}: gefinancierd door de corporaties`,
  ],
  ['Wijkcoaches Velve-Lindenhof', 'Ons Huis', 'Mandaat', `${MANDAAT} (woningcorporatie)`],
  ['Wijkcoaches Velve-Lindenhof', 'Domijn', 'Mandaat', `${MANDAAT} (woningcorporatie)`],
  ['Wijkcoaches Velve-Lindenhof', 'De Woonplaats', 'Mandaat', `${MANDAAT} (woningcorporatie)`],
  ['Wijkcoaches Velve-Lindenhof', 'Werk en Inkomen (gemeente Enschede)', 'Mandaat', `${MANDAAT} (Gemeente DMO W&B)`],
  ['Wijkcoaches Velve-Lindenhof', 'Stadsbank', 'Mandaat', MANDAAT],
  ['Wijkcoaches Velve-Lindenhof', 'Leerplicht (gemeente Enschede)', 'Mandaat', MANDAAT],
  ['Wijkcoaches Velve-Lindenhof', 'CIZ', 'Mandaat', MANDAAT],
  ['Wijkcoaches Velve-Lindenhof', 'JGZ', 'Mandaat', MANDAAT],
  ['Wijkcoaches Velve-Lindenhof', 'Alifa', 'Mandaat', MANDAAT],
  ['Wijkcoaches Velve-Lindenhof', 'Wijkteams Enschede', 'Mandaat', `${MANDAAT} (SMD)`],
  ['Wijkcoaches Velve-Lindenhof', 'Jarabee', 'Mandaat', MANDAAT],
  ['Wijkcoaches Velve-Lindenhof', 'MEE', 'Mandaat', MANDAAT],
  ['Wijkcoaches Velve-Lindenhof', 'Tactus', 'Mandaat', MANDAAT],
  ['Wijkcoaches Velve-Lindenhof', 'Reclassering', 'Mandaat', MANDAAT],
  ['Wijkcoaches Velve-Lindenhof', 'Mediant', 'Samenwerking', GEEN_MANDAAT],
  ['Wijkcoaches Velve-Lindenhof', 'Openbaar Ministerie', 'Samenwerking', GEEN_MANDAAT],
  ['Wijkcoaches Velve-Lindenhof', 'Politie', 'Samenwerking', GEEN_MANDAAT],
];

/** Illustrative referral volumes: 2023-Q3, 2023-Q4, 2024-Q1 (null: none that quarter; the new ones of 2024). */
const VERWIJZINGEN: [van: string, naar: string, q3: number | null, q4: number | null, q1: number | null][] = [
  ['Huisartsen Enschede West', 'Wijkteams Enschede', 38, 41, 44],
  ['Wijkwijzer', 'Wijkteams Enschede', 15, 17, 16],
  ['Basisscholen Enschede West', 'Schoolwijkcoach', 7, 9, 6],
  ['Kinderopvang Enschede West', 'JGZ', 4, 3, 5],
  ['Veilig Thuis', 'Wijkteams Enschede', 4, 5, 3],
  ['Politie', 'Veilig Thuis', 3, 2, 4],
  ['Alifa', 'Wijkteams Enschede', 6, 5, 7],
  ['Wijkteams Enschede', 'Stadsbank', 12, 14, 15],
  ['Wijkteams Enschede', 'Werk en Inkomen (gemeente Enschede)', 8, 9, 10],
  ['Wijkteams Enschede', 'Jarabee', 9, 8, 7],
  ['Wijkteams Enschede', 'Tactus', 4, 3, 5],
  ['Wijkteams Enschede', 'Wijkwerk (opbouwwerk)', 5, 6, 9],
  ['Wijkteams Enschede', 'Cursus Opvoeden en zo', 3, 4, 4],
  ['Wijkteams Enschede', 'Cursussen MEE', 2, 3, 3],
  ['Wijkwijzer', 'Stadsbank', 6, 7, 8],
  ['JGZ', 'Familiecentrum Enschede West', 5, 6, 8],
  ['Huisartsen Enschede West', 'Tactus', 3, 2, 2],
  // New in the first quarter of 2024:
  ['Wijkteams Enschede', "Ontmoeting in 't Nije Terphoes", null, null, 6],
  ['Huisartsen Enschede West', 'Wijkwijzer', null, null, 5],
  ['Wijkwijzer', 'Servicepunt vrijwilligerswerk', null, null, 3],
];

const RELATIE_KOP = ['Van', 'Naar', 'Aantal', 'Periode', 'Soort', 'Opmerkingen'];
const ILLUSTRATIEF = 'Illustratief aantal (voorbeeldproject)';

function relatiesUitBronnenXlsx(): Buffer {
  const rows: Cell[][] = [
    RELATIE_KOP,
    ...RELATIES_UIT_BRONNEN.map(([van, naar, soort, opm]) => [van, naar, null, null, soort, opm]),
  ];
  return workbook('Relaties uit de bronnen', JANUARI, { naam: 'Relaties', rows, widths: [30, 38, 8, 10, 14, 110] });
}

function verwijzingenXlsx(perioden: { kolom: 2 | 3 | 4; periode: string }[], date: Date): Buffer {
  const rows: Cell[][] = [RELATIE_KOP];
  for (const p of perioden) {
    for (const v of VERWIJZINGEN) {
      const n = v[p.kolom];
      if (n !== null) rows.push([v[0], v[1], n, p.periode, 'Verwijzing', ILLUSTRATIEF]);
    }
  }
  return workbook('Verwijzingen (illustratief)', date, { naam: 'Verwijzingen', rows, widths: [30, 38, 8, 10, 12, 40] });
}

// ---------------------------------------------------------------------------------------------------------------
// Write
// ---------------------------------------------------------------------------------------------------------------

mkdirSync(DIR, { recursive: true });
const schrijf = (naam: string, data: string | Buffer) => writeFileSync(new URL(naam, DIR), data);

const januari = partnersJanuariXlsx();
schrijf('cbs-kwb-2023-enschede-west.csv', cbsCsv());
const kaart = await buurtenGeojson();
rmSync(new URL('buurten-enschede-west-illustratief.geojson', DIR), { force: true });
schrijf('buurten-enschede-2013.geojson', kaart.json);
schrijf('partners-januari-2024.xlsx', januari.bytes);
schrijf('relaties-uit-bronnen.xlsx', relatiesUitBronnenXlsx());
schrijf(
  'verwijzingen-illustratief-2023.xlsx',
  verwijzingenXlsx(
    [
      { kolom: 2, periode: '2023-Q3' },
      { kolom: 3, periode: '2023-Q4' },
    ],
    JANUARI,
  ),
);
schrijf(
  'cognos-toewijzingen-2024-01-02.xlsx',
  toewijzingenXlsx('2024-01-02', '2 januari 2024', new Date('2024-01-03T08:00:00.000Z')),
);
schrijf('partners-update-april-2024.xlsx', partnersAprilXlsx(januari.gamebusVolgnummer));
schrijf('verwijzingen-illustratief-2024-q1.xlsx', verwijzingenXlsx([{ kolom: 4, periode: '2024-Q1' }], APRIL));
schrijf('cognos-meldingen-jan-apr-2024.xlsx', meldingenXlsx());
schrijf(
  'cognos-toewijzingen-2024-04-02.xlsx',
  toewijzingenXlsx('2024-04-02', '2 april 2024', new Date('2024-04-03T08:00:00.000Z')),
);
schrijf('cognos-afhandeling-illustratief-2023-05-2024-04.xlsx', afhandelingXlsx());
schrijf('financien-kosten-wmo-jeugd-illustratief-2021-2024.xlsx', kostenXlsx());
console.log(
  `data/demo/bronnen: 12 bestanden geschreven (${buurtNaam('BU01530201')} en ${BUURTEN.length - 1} andere buurten).`,
);
console.log(
  `Kaart: ${kaart.koppeling.gekoppeld.length} van de ${kaart.koppeling.gekoppeld.length + kaart.koppeling.zonderBuurt.length} ` +
    `buurten van 2013 gekoppeld aan een CBS-buurt; zonder CBS-buurt: ${kaart.koppeling.zonderBuurt.join(', ') || 'geen'}; ` +
    `CBS-buurten zonder vorm: ${kaart.koppeling.zonderVorm.join(', ') || 'geen'}.`,
);
