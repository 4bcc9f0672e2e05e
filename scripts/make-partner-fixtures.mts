/**
 * Writes tests/fixtures/partners/: partner lists ("sociale kaart": organisaties and their voorzieningen), referral
 * flows (relaties), a CBS-style postcode → buurt table, a file with person-level data that must be refused, the Twente
 * jeugdhulp list converted to CSV, expected.json (the ground truth, computed here from the generated rows) and
 * README.md.
 *   npx tsx scripts/make-partner-fixtures.mts
 * Deterministic: no random numbers, no date of today; running it twice gives the same bytes.
 * Buurt codes and names come from tests/fixtures/cbs/kwb-2023-utrecht.xlsx (CBS, CC BY 4.0); organisation details,
 * addresses, postcodes and offers are made up for the tests.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import * as XLSX from 'xlsx';

const ROOT = new URL('../', import.meta.url);
const DIR = new URL('tests/fixtures/partners/', ROOT);
const TWENTE_JSON = '/work/shared/data/partners/twente-jeugdhulp-aanbieders.json';
/** Fixed workbook date, so no run writes today's date. */
const FIXED_DATE = new Date('2024-03-15T09:00:00.000Z');

mkdirSync(DIR, { recursive: true });

function fail(message: string): never {
  throw new Error(message);
}
function check(condition: unknown, message: string): asserts condition {
  if (!condition) fail(message);
}

// ---------------------------------------------------------------------------------------------------------------
// Writing CSV and workbooks
// ---------------------------------------------------------------------------------------------------------------

const BOM = '\uFEFF';

/** One CSV line: a field is quoted only when it holds the separator, a quote or a line break. */
function csvLine(fields: readonly (string | number | null | undefined)[], sep: string): string {
  return fields
    .map((f) => {
      const s = f === null || f === undefined ? '' : String(f);
      return s.includes(sep) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(sep);
}

function csvText(rows: readonly (readonly (string | number | null | undefined)[])[], sep: string): string {
  return rows.map((r) => csvLine(r, sep)).join('\r\n') + '\r\n';
}

/** Windows-1252 bytes; every character must be representable (checked). */
const CP1252_EXTRA: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};
function encodeCp1252(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) out.push(code);
    else if (CP1252_EXTRA[ch] !== undefined) out.push(CP1252_EXTRA[ch]);
    else fail(`not in Windows-1252: ${JSON.stringify(ch)}`);
  }
  return Buffer.from(out);
}

function writeText(name: string, data: string | Buffer): void {
  writeFileSync(new URL(name, DIR), data);
}

function writeWorkbook(name: string, title: string, sheets: readonly { name: string; ws: XLSX.WorkSheet }[]): void {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) XLSX.utils.book_append_sheet(wb, s.ws, s.name);
  wb.Props = { Title: title, Author: 'Wijkweb testdata', CreatedDate: FIXED_DATE, ModifiedDate: FIXED_DATE };
  writeFileSync(new URL(name, DIR), XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

/** Everything expected.json will hold, filled per file below. */
const expected: Record<string, unknown> = {};

// ---------------------------------------------------------------------------------------------------------------
// 7. twente-jeugdhulp.csv — the community-made Twente list, one row per offer
// ---------------------------------------------------------------------------------------------------------------

interface TwenteRow {
  p: string;
  w?: string | null;
  a?: string[] | null;
  l?: string | null;
  d?: string | string[] | null;
  c?: string | null;
  i?: number | null;
}

function makeTwente(): void {
  const json = JSON.parse(readFileSync(TWENTE_JSON, 'utf8')) as { rows: TwenteRow[] };
  const join = (v: string | string[] | null | undefined): string =>
    v === null || v === undefined ? '' : Array.isArray(v) ? v.join(', ') : v;
  const header = ['Aanbieder', 'Aanbod', 'Soort hulp', 'Locatie', 'Doelgroep', 'Financiering', 'Wachttijd (weken)'];
  const rows = json.rows.map((r) => [
    r.p,
    r.w ?? '',
    join(r.a),
    r.l ?? '',
    join(r.d),
    r.c ?? '',
    typeof r.i === 'number' ? String(r.i) : '',
  ]);
  writeText('twente-jeugdhulp.csv', BOM + csvText([header, ...rows], ';'));
  const aanbieders = new Set(json.rows.map((r) => r.p));
  expected['twente-jeugdhulp.csv'] = {
    rows: rows.length,
    aanbieders: aanbieders.size,
    /** Distinct provider (as written) + offer name (compared without case/diacritics/punctuation), rows with an offer. */
    voorzieningen: new Set(rows.filter((r) => r[1] !== '').map((r) => `${r[0]}|${offerKey(r[1]!)}`)).size,
    zonderAanbod: rows.filter((r) => r[1] === '').length,
    zonderWachttijd: rows.filter((r) => r[6] === '').length,
    meerdereDoelgroepen: rows.filter((r) => r[4]!.includes(', ')).length,
    metPuntkommaInWaarde: rows.filter((r) => r.some((f) => f.includes(';'))).length,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Buurten: real codes and names from the CBS kwb-2023 Utrecht file
// ---------------------------------------------------------------------------------------------------------------

interface Buurt {
  code: string; // BU03440222
  naam: string; // Ondiep
  wijk: string; // WK034402
}

function readBuurten(): Map<string, Buurt> {
  const wb = XLSX.read(readFileSync(new URL('tests/fixtures/cbs/kwb-2023-utrecht.xlsx', ROOT)), { type: 'buffer' });
  const ws = wb.Sheets['kwb-2023'] ?? fail('kwb-2023-utrecht.xlsx: no sheet kwb-2023');
  const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(ws, { defval: null });
  const out = new Map<string, Buurt>();
  for (const r of rows) {
    if (r['recs'] !== 'Buurt') continue;
    const code = String(r['gwb_code_10']);
    check(/^BU0344\d{4}$/.test(code), `unexpected buurt code ${code}`);
    out.set(code, { code, naam: String(r['regio']), wijk: `WK${code.slice(2, 8)}` });
  }
  check(out.size === 111, `expected 111 Utrecht buurten, found ${out.size}`);
  return out;
}

const BUURTEN = readBuurten();
const buurt = (code: string): Buurt => BUURTEN.get(code) ?? fail(`not an Utrecht buurt in kwb-2023: ${code}`);

/** CBS pc6 files write codes as integers: BU03440222 → 3440222, WK034402 → 34402, GM0344 → 344. */
const cbsInt = (code: string): string => String(Number(code.slice(2)));

// ---------------------------------------------------------------------------------------------------------------
// Deterministic helpers
// ---------------------------------------------------------------------------------------------------------------

/** mulberry32: a small seeded generator, so "random" choices are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: readonly T[], rnd: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

// ---------------------------------------------------------------------------------------------------------------
// The ground truth's own rules (independent of the importer under test)
// ---------------------------------------------------------------------------------------------------------------

/** Legal-form words dropped at the start or end of a name. */
const LEGAL_FORMS = new Set(['stichting', 'vereniging', 'bv', 'nv', 'cooperatie']);
/** Place names dropped at the end of a name (when something is left). */
const PLACES = new Set(['utrecht']);

/**
 * The comparison key of an organisation name as the brief defines it: lower case, no diacritics, no punctuation
 * (apostrophes vanish: Me'kaar = Mekaar, dotted abbreviations join: B.V. = BV), legal forms and a trailing place name
 * removed.
 */
function orgKey(naam: string): string {
  const s = naam
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/\b([a-z])\.(?=[a-z]\b)/g, '$1')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  const t = s === '' ? [] : s.split(' ');
  // Strip until nothing changes, always keeping at least one word.
  for (;;) {
    if (t.length > 1 && LEGAL_FORMS.has(t[0]!)) t.shift();
    else if (t.length > 1 && (LEGAL_FORMS.has(t[t.length - 1]!) || PLACES.has(t[t.length - 1]!))) t.pop();
    else break;
  }
  return t.join(' ');
}

/** An offer name compared: lower case, no diacritics, punctuation and spacing folded. */
const offerKey = (naam: string): string =>
  naam
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Dutch postcode: 4 digits (first 1-9), optional space, 2 letters, not SA/SD/SS. Returns "3555 AB" or null. */
function postcodeOf(raw: string): string | null {
  const m = /^([1-9]\d{3}) ?([a-z]{2})$/i.exec(raw.trim());
  if (!m) return null;
  const letters = m[2]!.toUpperCase();
  return ['SA', 'SD', 'SS'].includes(letters) ? null : `${m[1]} ${letters}`;
}
const isEmailValue = (raw: string): boolean =>
  /^[^\s@()<>,;:"]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/i.test(raw.trim());
const isUrlValue = (raw: string): boolean =>
  /^(https?:\/\/)?(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(\/[^\s]*)?$/i.test(raw.trim());

/** Taxonomy values as written in the lists → codes of data/taxonomieen.json. A value not here is unknown. */
const LEEFGEBIED: Record<string, string[]> = {
  welzijn: ['welzijn'],
  'welzijn/recreatie': ['welzijn'],
  'w&i': ['werk_inkomen'],
  'werk & inkomen': ['werk_inkomen'],
  zorg: ['zorg'],
  gezondheid: ['gezondheid'],
  wonen: ['wonen'],
};
const DOELGROEP: Record<string, string[]> = {
  ouderen: ['ouderen_65_plus'],
  '65+': ['ouderen_65_plus'],
  jongeren: ['jongeren_12_27'],
  mantelzorgers: ['mantelzorgers'],
  gezinnen: ['gezinnen'],
  nieuwkomers: ['nieuwkomers'],
  volwassenen: ['volwassenen'],
  psychisch: ['psychisch'],
  lvb: ['lvb'],
};
const SOORT: Record<string, string> = {
  welzijn: 'welzijn',
  welzijnsorganisatie: 'welzijn',
  zorg: 'zorg',
  'gemeente en wijkteam': 'gemeente',
  informeel: 'informeel',
  woningcorporatie: 'wonen',
};
const COLLECTIEF: Record<string, boolean> = { collectief: true, groep: true, individueel: false };
const VRIJ: Record<string, boolean> = {
  'vrij toegankelijk': true,
  vrij: true,
  'op indicatie': false,
  'met beschikking': false,
};
/** Multi-value cells are split on ";", ",", "|" and line breaks (not on "/"). */
const splitMulti = (cell: string): string[] =>
  cell
    .split(/[;,|\r\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);

// ---------------------------------------------------------------------------------------------------------------
// 1. sociale-kaart-utrecht.xlsx — one row per offer, organisation data repeated
// ---------------------------------------------------------------------------------------------------------------

/** [naam, leefgebied cell, doelgroep cell, collectief/individueel, toegang, opmerking?] */
type Aanbod = [string, string, string, string, string, string?];

interface Org {
  /** Internal id; orgs with the same `identiteit` are one real organisation whose names do not merge automatically. */
  id: string;
  identiteit?: string;
  /** Spellings; the first is used on the organisation's first row, the others on later rows in turn. */
  spellings: string[];
  /** Soort per row, in turn. */
  soort: string[];
  adres: string;
  /** Normalised "3555 AB", or '' (no address). Rows write it as "3555 AB", "3555ab" or "3555AB". */
  postcode: string;
  /** The organisation's buurt (BU code), or '' when the list does not say. */
  buurt: string;
  website: string;
  tel: string;
  email: string;
  aanbod: Aanbod[];
}

const VT = 'vrij toegankelijk';
const ORGS: Org[] = [
  {
    id: 'dock',
    spellings: ['Stichting Dock', 'Dock', 'DOCK', 'Dock Utrecht'],
    soort: ['Welzijn'],
    adres: 'Amsterdamsestraatweg 415',
    postcode: '3553 EB',
    buurt: 'BU03440232',
    website: 'www.dock.nl',
    tel: '030-1234501',
    email: 'info@dock.nl',
    aanbod: [
      ['Buurtkamer', 'Welzijn', 'volwassenen', 'collectief', VT, 'Ma t/m do 10-16 uur'],
      ['Sociaal makelaar', 'Welzijn; Wonen', 'volwassenen', 'Individueel', 'Vrij'],
      ['Buurtbemiddeling', 'Wonen', 'volwassenen', 'Individueel', VT],
      ['Opbouwwerk', 'welzijn/recreatie', 'Gezinnen', 'collectief', 'Vrij'],
      ['Kinderwerk', 'Welzijn', 'Gezinnen', 'groep', VT],
      ['Ouderensoos', 'Welzijn\nGezondheid', 'ouderen', 'groep', VT],
      ['Vrijwillige thuisadministratie', 'W&I', 'volwassenen', 'Individueel', 'Vrij'],
    ],
  },
  {
    id: 'humanitas',
    spellings: ['Humanitas', 'Humanitas Utrecht', 'Vereniging Humanitas'],
    soort: ['Informeel'],
    adres: 'Oudegracht 245',
    postcode: '3511 NM',
    buurt: 'BU03440611',
    website: 'www.humanitas.nl',
    tel: '030-1234502',
    email: 'utrecht@humanitas.nl',
    aanbod: [
      ['Thuisadministratie', 'W&I', 'volwassenen', 'Individueel', VT],
      ['Maatjesproject', 'Welzijn', 'volwassenen, ouderen', 'Individueel', 'Vrij'],
      ['Rouw en verlies', 'Gezondheid', 'volwassenen', 'groep', 'Vrij', 'Groep van 8 bijeenkomsten'],
      ['Home-Start', 'Welzijn', 'Gezinnen', 'Individueel', VT],
      ['Eenzaamheid: bezoekdienst', 'Welzijn | zorg', 'ouderen', 'Individueel', 'Vrij'],
    ],
  },
  {
    id: 'mekaar',
    spellings: ["Me'kaar", 'Mekaar', 'Stichting Me’kaar'],
    soort: ['welzijnsorganisatie', 'Welzijn'],
    adres: 'Marnixlaan 80',
    postcode: '3552 HD',
    buurt: 'BU03440244',
    website: 'www.mekaar-utrecht.nl',
    tel: '030-1234503',
    email: 'info@mekaar-utrecht.nl',
    aanbod: [
      ['Buurthuiskamer', 'Welzijn', 'ouderen', 'collectief', VT],
      ['Boodschappenmaatje', 'zorg', 'ouderen', 'Individueel', 'Vrij'],
      ['Eettafel', 'welzijn/recreatie', 'volwassenen', 'groep', VT, 'Aanmelden een dag van tevoren'],
      ['Klussendienst', 'Wonen', '65+', 'Individueel', 'Vrij'],
    ],
  },
  {
    id: 'alifa',
    spellings: ['Alifa'],
    soort: ['Welzijn'],
    adres: 'Prins Bernhardplein 12',
    postcode: '3554 AK',
    buurt: 'BU03440233',
    website: 'www.alifa.nl',
    tel: '030-1234504',
    email: 'info@alifa.nl',
    aanbod: [
      ['Jongerenwerk', 'Welzijn', 'Jongeren', 'groep', 'Vrij'],
      ['Mantelzorgondersteuning', 'zorg', 'mantelzorgers', 'Individueel', VT],
      ['Sportinstuif', 'Welzijn, Gezondheid', 'Jongeren', 'groep', VT],
    ],
  },
  {
    id: 'alifa-welzijn',
    identiteit: 'alifa',
    spellings: ['Alifa Welzijn'],
    soort: ['welzijnsorganisatie'],
    adres: 'Prins Bernhardplein 12',
    postcode: '3554 AK',
    buurt: 'BU03440233',
    website: 'www.alifa.nl/utrecht',
    tel: '030-1234504',
    email: 'utrecht@alifa.nl',
    aanbod: [
      ['Formulierenbrigade', 'W&I', 'volwassenen', 'Individueel', 'Vrij'],
      ['Taalmaatjes', 'Welzijn', 'nieuwkomers', 'Individueel', VT],
    ],
  },
  {
    id: 'bt-overvecht',
    spellings: ['Buurtteam Overvecht'],
    soort: ['Gemeente en wijkteam'],
    adres: 'Zamenhofdreef 15',
    postcode: '3562 JT',
    buurt: 'BU03440321',
    website: '',
    tel: '030-1234505',
    email: 'overvecht@buurtteam-utrecht.nl',
    aanbod: [
      ['Buurtteam sociaal', 'zorg', 'Gezinnen, volwassenen', 'Individueel', 'op indicatie'],
      ['Schuldhulpverlening', 'W&I', 'volwassenen', 'Individueel', 'op indicatie'],
      ['Jeugdhulp', 'zorg', 'Gezinnen', 'Individueel', 'met beschikking'],
      ['Opvoedspreekuur', 'zorg', 'Gezinnen', 'Individueel', VT],
    ],
  },
  {
    id: 'bt-zuilen',
    spellings: ['Buurtteam Zuilen'],
    soort: ['Gemeente en wijkteam'],
    adres: 'Amsterdamsestraatweg 560',
    postcode: '3553 EX',
    buurt: 'BU03440241',
    website: 'www.buurtteam-utrecht.nl',
    tel: '030-1234506',
    email: 'zuilen@buurtteam-utrecht.nl',
    aanbod: [
      ['Buurtteam sociaal', 'zorg', 'Gezinnen, volwassenen', 'Individueel', 'op indicatie'],
      ['Schuldhulpverlening', 'W&I', 'volwassenen', 'Individueel', 'op indicatie'],
      ['Ambulante begeleiding', 'zorg', 'psychisch', 'Individueel', 'met beschikking'],
      ['Inloopspreekuur', 'zorg; W&I', 'volwassenen', 'Individueel', 'Vrij'],
    ],
  },
  {
    id: 'gemeente',
    spellings: ['Gemeente Utrecht'],
    soort: ['Gemeente en wijkteam'],
    adres: 'Stadsplateau 1',
    postcode: '3521 AZ',
    buurt: 'BU03440613',
    website: 'https://www.utrecht.nl',
    tel: '030-1234507',
    email: 'info@utrecht.nl',
    aanbod: [
      ['Wmo-loket', 'zorg', 'volwassenen, ouderen', 'Individueel', 'op indicatie'],
      ['Bijzondere bijstand', 'W&I', 'volwassenen', 'Individueel', 'met beschikking'],
      ['U-pas', 'W&I | Welzijn', 'Gezinnen', 'Individueel', 'op indicatie'],
    ],
  },
  {
    id: 'mitros',
    spellings: ['Mitros'],
    soort: ['Woningcorporatie'],
    adres: 'Taagdreef 2',
    postcode: '3561 VA',
    buurt: 'BU03440311',
    website: 'www.mitros.nl',
    tel: '030-1234508',
    email: 'info@mitros.nl',
    aanbod: [
      ['Huismeesterspreekuur', 'Wonen', 'volwassenen', 'Individueel', 'Vrij'],
      ['Buurtbeheer', 'Wonen, Welzijn', 'volwassenen', 'collectief', VT],
      ['Woonfraude melden', 'Wonen', 'volwassenen', 'Individueel', 'Vrij'],
    ],
  },
  {
    id: 'portaal',
    spellings: ['Portaal'],
    soort: ['Woningcorporatie'],
    adres: 'Ondiep-Zuidzijde 6',
    postcode: '3551 BW',
    buurt: 'BU03440222',
    website: 'www.portaal.nl',
    tel: '030-1234509',
    email: 'info@portaal.nl',
    aanbod: [
      ['Woonconsulent', 'Wonen', 'ouderen', 'Individueel', VT],
      ['Achter de voordeur', 'Wonen|zorg', 'volwassenen', 'Individueel', 'op indicatie'],
    ],
  },
  {
    id: 'lister',
    spellings: ['Lister'],
    soort: ['Zorg'],
    adres: 'Croeselaan 200',
    postcode: '3521 CB',
    buurt: 'BU03440811',
    website: 'www.lister.nl',
    tel: '030-1234510',
    email: 'info@lister.nl',
    aanbod: [
      ['Beschermd wonen', 'Wonen', 'psychisch', 'Individueel', 'met beschikking'],
      ['Herstelcentrum', 'Gezondheid', 'psychisch', 'groep', VT],
      ['Ambulante woonbegeleiding', 'Wonen, zorg', 'psychisch', 'Individueel', 'met beschikking'],
    ],
  },
  {
    id: 'altrecht',
    spellings: ['Altrecht'],
    soort: ['Zorg'],
    adres: 'Lange Nieuwstraat 119',
    postcode: '3512 PG',
    buurt: 'BU03440625',
    website: 'www.altrecht.nl',
    tel: '030-1234511',
    email: 'info@altrecht.nl',
    aanbod: [
      ['FACT-team', 'zorg', 'psychisch', 'Individueel', 'op indicatie'],
      ['Herstelacademie', 'Gezondheid | Welzijn', 'psychisch', 'groep', 'Vrij'],
    ],
  },
  {
    id: 'careyn',
    spellings: ['Careyn'],
    soort: ['Zorg'],
    adres: 'Tigrisdreef 100',
    postcode: '3564 GB',
    buurt: 'BU03440342',
    website: 'www.careyn.nl',
    tel: '030-1234512',
    email: 'info@careyn.nl',
    aanbod: [
      ['Wijkverpleging', 'zorg', 'ouderen', 'Individueel', 'op indicatie'],
      ['Dagbesteding ouderen', 'zorg\nWelzijn', '65+', 'groep', 'met beschikking'],
      ['Valpreventie', 'Gezondheid', '65+', 'groep', VT],
    ],
  },
  {
    id: 'axion',
    spellings: ['Axion Continu'],
    soort: ['Zorg'],
    adres: 'Rubicondreef 20',
    postcode: '3561 JB',
    buurt: 'BU03440311',
    website: 'www.axioncontinu.nl',
    tel: '030-1234513',
    email: 'info@axioncontinu.nl',
    aanbod: [
      ['Thuiszorg', 'zorg', 'ouderen', 'Individueel', 'met beschikking'],
      ['Mantelzorgcafé', 'Welzijn', 'mantelzorgers', 'groep', VT],
    ],
  },
  {
    id: 'vwc',
    spellings: ['Vrijwilligerscentrale Utrecht', 'Vrijwilligerscentrale'],
    soort: ['Informeel'],
    adres: 'Oudegracht 187',
    postcode: '3511 NE',
    buurt: 'BU03440611',
    website: 'www.vrijwilligerscentrale-utrecht.nl',
    tel: '030-1234514',
    email: 'info@vrijwilligerscentrale-utrecht.nl',
    aanbod: [
      ['Vacaturebank', 'W&I', 'volwassenen', 'Individueel', 'Vrij'],
      ['Maatschappelijke diensttijd', 'Welzijn', 'Jongeren', 'Individueel', VT],
      ['Vrijwilligerswerk voor nieuwkomers', 'Werk & inkomen', 'nieuwkomers', 'Individueel', VT],
    ],
  },
  {
    id: 'voedselbank',
    spellings: ['Voedselbank Utrecht', 'Stichting Voedselbank Utrecht'],
    soort: ['Informeel'],
    adres: 'Atoomweg 50',
    postcode: '3542 AB',
    buurt: 'BU03440133',
    website: 'www.voedselbank-utrecht.nl',
    tel: '030-1234515',
    email: 'info@voedselbank-utrecht.nl',
    aanbod: [
      ['Voedselpakket', 'W&I', 'Gezinnen, volwassenen', 'Individueel', 'op indicatie'],
      ['Uitdeelpunt Noordwest', 'W&I', 'Gezinnen', 'Individueel', 'op indicatie', 'Donderdag 14-16 uur'],
    ],
  },
  {
    id: 'repair',
    spellings: ['Repair Café Ondiep', 'Repair Cafe Ondiep'],
    soort: ['Informeel'],
    adres: 'Ondiep 37',
    postcode: '3551 BL',
    buurt: 'BU03440222',
    website: '',
    tel: '',
    email: 'repaircafe.ondiep@gmail.com',
    aanbod: [
      ['Repair Café', 'Welzijn', 'volwassenen', 'collectief', VT, 'Elke eerste zaterdag van de maand'],
      ['Naaicafé', 'welzijn/recreatie', 'volwassenen', 'groep', 'Vrij'],
    ],
  },
  {
    id: 'ucentraal',
    spellings: ['U Centraal', 'U-Centraal'],
    soort: ['Welzijn'],
    adres: 'Kanaalstraat 30',
    postcode: '3531 CJ',
    buurt: 'BU03440121',
    website: 'www.u-centraal.nl',
    tel: '030-1234516',
    email: 'info@u-centraal.nl',
    aanbod: [
      ['Schuldhulpmaatje', 'W&I', 'volwassenen', 'Individueel', VT],
      ['Cliëntondersteuning', 'zorg', 'volwassenen, LVB', 'Individueel', 'Vrij'],
      ['Sociaal raadslieden', 'Werk & inkomen', 'volwassenen', 'Individueel', 'Vrij'],
    ],
  },
  {
    id: 'jou',
    spellings: ['JoU', 'JOU'],
    soort: ['Welzijn'],
    adres: 'Pijlsweerdstraat 20',
    postcode: '3513 CV',
    buurt: 'BU03440212',
    website: 'www.jou-utrecht.nl',
    tel: '030-1234517',
    email: 'info@jou-utrecht.nl',
    aanbod: [
      ['Jongerenwerk Noordwest', 'Welzijn', 'Jongeren', 'groep', VT],
      ['Ambulant jongerenwerk', 'Welzijn', 'Jongeren', 'Individueel', 'Vrij'],
      ['Meidenclub', 'welzijn/recreatie', 'Jongeren', 'groep', 'Vrij'],
      ['Talentcoach', 'Werk & inkomen', 'Jongeren', 'Individueel', VT],
    ],
  },
  {
    id: 'incluzio',
    spellings: ['Incluzio'],
    soort: ['Welzijn'],
    adres: 'Brailledreef 4',
    postcode: '3541 BD',
    buurt: 'BU03440931',
    website: 'www.incluzio.nl',
    tel: '030-1234518',
    email: 'utrecht@incluzio.nl',
    aanbod: [
      ['Welzijn op recept', 'Gezondheid, Welzijn', 'volwassenen', 'Individueel', 'op indicatie'],
      ['Huiskamer', 'Welzijn', 'ouderen', 'collectief', 'Vrij'],
    ],
  },
  {
    id: 'tussenvoorziening',
    spellings: ['Stichting Tussenvoorziening', 'Tussenvoorziening'],
    soort: ['Zorg'],
    adres: 'Schepenhof 5',
    postcode: '3533 HG',
    buurt: 'BU03440132',
    website: 'www.tussenvoorziening.nl',
    tel: '030-1234519',
    email: 'info@tussenvoorziening.nl',
    aanbod: [
      ['Nachtopvang', 'Wonen', 'volwassenen', 'Individueel', 'op indicatie'],
      ['Woonbegeleiding', 'Wonen|zorg', 'volwassenen, psychisch', 'Individueel', 'met beschikking'],
      ['Inloop dak- en thuislozen', 'Wonen', 'volwassenen', 'collectief', VT],
    ],
  },
  {
    id: 'leger',
    spellings: ['Leger des Heils', 'Leger des Heils Utrecht'],
    soort: ['Zorg'],
    adres: 'Jacobsstraat 2',
    postcode: '3511 BS',
    buurt: 'BU03440621',
    website: 'www.legerdesheils.nl',
    tel: '030-1234520',
    email: 'utrecht@legerdesheils.nl',
    aanbod: [
      ['Inloophuis', 'Welzijn', 'volwassenen', 'collectief', VT],
      ['Budgetbeheer', 'W&I', 'volwassenen', 'Individueel', 'op indicatie'],
    ],
  },
  {
    id: 'handjehelpen',
    spellings: ['Handjehelpen'],
    soort: ['Informeel'],
    adres: '',
    postcode: '',
    buurt: '',
    website: 'www.handjehelpen.nl',
    tel: '030-1234521',
    email: 'info@handjehelpen.nl',
    aanbod: [
      ['Vrijwillige thuishulp', 'zorg', 'ouderen, mantelzorgers', 'Individueel', 'Vrij'],
      ['Respijtzorg', 'zorg', 'mantelzorgers', 'Individueel', VT],
    ],
  },
  {
    id: 'taalhuis',
    spellings: ['Taalhuis Utrecht', 'Taalhuis'],
    soort: ['Informeel'],
    adres: 'Smakkelaarsveld 1',
    postcode: '3511 EP',
    buurt: 'BU03440613',
    website: 'www.taalhuis-utrecht.nl',
    tel: '030-1234522',
    email: 'taalhuis@bibliotheek-utrecht.nl',
    aanbod: [
      ['Taalcafé', 'Welzijn', 'nieuwkomers', 'groep', VT],
      ['Digitaal spreekuur', 'W&I', 'volwassenen, 65+', 'Individueel', 'Vrij'],
      ['Taalmaatje', 'Welzijn', 'nieuwkomers', 'Individueel', 'Vrij'],
    ],
  },
  {
    id: 'speler',
    spellings: ['Wijkcentrum De Speler'],
    soort: ['Informeel'],
    adres: 'Tiberdreef 4',
    postcode: '3561 GG',
    buurt: 'BU03440312',
    website: 'www.despeler.nl',
    tel: '030-1234523',
    email: 'info@despeler.nl',
    aanbod: [
      ['Buurtmaaltijd', 'Welzijn', 'volwassenen, ouderen', 'collectief', VT],
      ['Kinderclub', 'Welzijn', 'Gezinnen', 'groep', 'Vrij'],
    ],
  },
  {
    id: 'vluchtelingenwerk',
    spellings: ['Vluchtelingenwerk Midden-Nederland', 'VluchtelingenWerk Midden Nederland'],
    soort: ['Welzijn'],
    adres: 'Mariaplaats 14',
    postcode: '3511 LL',
    buurt: 'BU03440612',
    website: 'www.vluchtelingenwerk.nl',
    tel: '030-1234524',
    email: 'midden@vluchtelingenwerk.nl',
    aanbod: [
      ['Maatschappelijke begeleiding statushouders', 'W&I, Wonen', 'nieuwkomers', 'Individueel', 'op indicatie'],
      ['Taalcoaching', 'Welzijn', 'nieuwkomers', 'Individueel', VT],
    ],
  },
  {
    id: 'mantelzorg',
    spellings: ['Steunpunt Mantelzorg Utrecht', 'Steunpunt Mantelzorg'],
    soort: ['welzijnsorganisatie'],
    adres: 'Oudenoord 330',
    postcode: '3513 EX',
    buurt: 'BU03440221',
    website: 'www.mantelzorg-utrecht.nl',
    tel: '030-1234525',
    email: 'info@mantelzorg-utrecht.nl',
    aanbod: [
      ['Mantelzorgconsulent', 'zorg', 'mantelzorgers', 'Individueel', VT],
      ['Lotgenotengroep jonge mantelzorgers', 'Welzijn', 'mantelzorgers, Jongeren', 'groep', 'Vrij'],
    ],
  },
  {
    id: 'boex',
    spellings: ['Bo-Ex', 'Bo Ex'],
    soort: ['Woningcorporatie'],
    adres: 'Julianaweg 17',
    postcode: '3554 CM',
    buurt: 'BU03440231',
    website: 'www.bo-ex.nl',
    tel: '030-1234526',
    email: 'info@bo-ex.nl',
    aanbod: [
      ['Wooncoach', 'Wonen', 'ouderen', 'Individueel', VT],
      ['Buurtfonds', 'Wonen', 'volwassenen', 'collectief', 'Vrij'],
    ],
  },
  {
    id: 'huisarts',
    spellings: ['Huisartsenpraktijk Queeckhoven'],
    soort: ['Zorg'],
    adres: 'Queeckhovenplein 3',
    postcode: '3554 VA',
    buurt: 'BU03440243',
    website: 'www.huisartsqueeckhoven.nl',
    tel: '030-1234527',
    email: 'praktijk@huisartsqueeckhoven.nl',
    aanbod: [
      ['Praktijkondersteuner GGZ', 'Gezondheid', 'psychisch', 'Individueel', 'op indicatie'],
      ['Beweegspreekuur', 'Gezondheid', 'volwassenen, ouderen', 'Individueel', 'op indicatie'],
    ],
  },
  {
    id: 'speeltuin',
    spellings: ['Speeltuin De Watertoren'],
    soort: ['Informeel'],
    adres: 'Mariëndaalstraat 61',
    postcode: '3552 TN',
    buurt: 'BU03440224',
    website: 'www.speeltuindewatertoren.nl',
    tel: '',
    email: 'bestuur@speeltuindewatertoren.nl',
    aanbod: [
      ['Speeltuin', 'welzijn/recreatie', 'Gezinnen', 'collectief', 'Vrij'],
      ['Zomerkamp', 'Welzijn', 'Gezinnen', 'groep', VT],
    ],
  },
  {
    id: 'fietsmaatjes',
    spellings: ['Fietsmaatjes Utrecht'],
    soort: ['Informeel'],
    adres: '',
    postcode: '',
    buurt: '',
    website: 'www.fietsmaatjes.nl',
    tel: '',
    email: 'utrecht@fietsmaatjes.nl',
    aanbod: [['Duofietsen', 'Welzijn | Gezondheid', '65+', 'Individueel', 'Vrij']],
  },
];

/** More offers, kept apart so the table above stays readable. A repeated offer name (with another remark) is the same
 * voorziening listed twice, e.g. at a second location: it must merge into one voorziening, not be a duplicate row. */
const MORE_OFFERS: Record<string, Aanbod[]> = {
  dock: [
    ['Buurtkamer', 'Welzijn', 'volwassenen', 'collectief', VT, 'Ook op vrijdag in de Bonifatiuskerk'],
    ['Huiswerkbegeleiding', 'Welzijn', 'Gezinnen', 'groep', 'Vrij'],
  ],
  humanitas: [['Vriendschappelijk huisbezoek', 'Welzijn', 'ouderen', 'Individueel', 'Vrij']],
  mekaar: [
    ['Buurthuiskamer', 'Welzijn', 'ouderen', 'collectief', VT, 'Tweede locatie: Marnixlaan 120'],
    ['Computerles', 'Welzijn', '65+', 'groep', VT],
  ],
  alifa: [['Tienerwerk', 'Welzijn', 'Jongeren', 'groep', 'Vrij']],
  'bt-overvecht': [['Huishoudelijke hulp aanvragen', 'zorg', 'ouderen', 'Individueel', 'met beschikking']],
  'bt-zuilen': [['Jeugdhulp', 'zorg', 'Gezinnen', 'Individueel', 'met beschikking']],
  gemeente: [['Werkgeversservicepunt', 'Werk & inkomen', 'volwassenen', 'Individueel', 'op indicatie']],
  portaal: [['Wijkbeheerder spreekuur', 'Wonen', 'volwassenen', 'Individueel', 'Vrij']],
  lister: [['Ervaringsdeskundige inloop', 'Gezondheid\nWelzijn', 'psychisch', 'groep', VT]],
  altrecht: [['Crisisdienst', 'zorg', 'psychisch', 'Individueel', 'op indicatie']],
  careyn: [['Thuiszorg', 'zorg', 'ouderen', 'Individueel', 'met beschikking']],
  axion: [['Alarmering', 'zorg', '65+', 'Individueel', 'op indicatie']],
  ucentraal: [
    ['Maatschappelijk werk', 'zorg', 'volwassenen', 'Individueel', VT],
    ['Mediation', 'Welzijn', 'Gezinnen', 'Individueel', 'op indicatie'],
  ],
  jou: [['Jongerenwerk Noordwest', 'Welzijn', 'Jongeren', 'groep', VT, 'Ook in jongerencentrum Zuilen']],
  incluzio: [['Mantelzorgwaardering', 'Welzijn', 'mantelzorgers', 'Individueel', 'Vrij']],
  leger: [['Kledingbank', 'W&I', 'volwassenen', 'Individueel', 'op indicatie']],
  handjehelpen: [['Maatje voor ouders', 'Welzijn', 'Gezinnen', 'Individueel', VT]],
  taalhuis: [['Klik & Tik', 'W&I', '65+', 'groep', 'Vrij']],
  speler: [['Sportles 55+', 'Gezondheid', 'ouderen', 'groep', VT]],
  vluchtelingenwerk: [['Gezinshereniging', 'W&I', 'nieuwkomers', 'Individueel', 'op indicatie']],
  mantelzorg: [['Respijtweekend', 'Welzijn', 'mantelzorgers', 'groep', 'op indicatie']],
  boex: [['Huurdersspreekuur', 'Wonen', 'volwassenen', 'Individueel', 'Vrij']],
  huisarts: [['Ouderenzorg', 'Gezondheid; zorg', '65+', 'Individueel', 'op indicatie']],
  speeltuin: [['Klusochtend', 'Welzijn', 'volwassenen', 'collectief', 'Vrij']],
  fietsmaatjes: [['Fietsles nieuwkomers', 'Gezondheid', 'nieuwkomers', 'groep', 'Vrij']],
};
for (const [id, extra] of Object.entries(MORE_OFFERS)) {
  (ORGS.find((o) => o.id === id) ?? fail(`MORE_OFFERS: unknown org ${id}`)).aanbod.push(...extra);
}
const orgById = (id: string): Org => ORGS.find((o) => o.id === id) ?? fail(`unknown org ${id}`);

const SK_FILE = 'sociale-kaart-utrecht.xlsx';
const SK_TITLE = 'Sociale kaart Utrecht Noordwest — versie maart 2024';
const SK_HEADERS = [
  'Naam organisatie',
  'Soort',
  'Adres',
  'Postcode',
  'Plaats',
  'Website',
  'Tel.',
  'E-mail (algemeen)',
  'Naam aanbod',
  'Leefgebied(en)',
  'Doelgroep',
  'Collectief / individueel',
  'Toegang',
  'Buurt',
  'Opmerkingen',
] as const;
type SkHeader = (typeof SK_HEADERS)[number];
const ORG_COLUMNS = 8; // "Organisatie" over A..H, "Aanbod" over I..O
const SK_FIRST_DATA_ROW = 5;
const col = (h: SkHeader): number => SK_HEADERS.indexOf(h);

/** The row the duplicate row copies (set when the rows are made). */
let skDuplicateOf = 0;

interface SkRow {
  /** Where it comes from: an org and one of its offers; null for the row without organisation name. */
  org: Org | null;
  aanbod: Aanbod;
  /** A defect planted on purpose (the code the row must get), or null. */
  defect: string | null;
  cells: string[];
}

/** How a row writes the organisation's postcode and buurt, by position: three postcode styles, buurt as name/code/empty. */
function postcodeStyle(pc: string, i: number): string {
  if (pc === '') return '';
  const [digits, letters] = pc.split(' ') as [string, string];
  return [`${digits} ${letters}`, `${digits}${letters.toLowerCase()}`, `${digits}${letters}`][i % 3]!;
}
function buurtStyle(code: string, i: number): string {
  if (code === '') return '';
  return [buurt(code).naam, code, '', buurt(code).naam][i % 4]!;
}

function orgCells(org: Org, naam: string, soort: string, i: number): string[] {
  return [
    naam,
    soort,
    org.adres,
    postcodeStyle(org.postcode, i),
    org.adres === '' ? '' : 'Utrecht',
    org.website,
    org.tel,
    org.email,
  ];
}

function makeSocialeKaartRows(): SkRow[] {
  // Offer rows in a fixed shuffled order (lists are compiled by several people; an organisation's rows are scattered).
  const plain = shuffle(
    ORGS.flatMap((org) => org.aanbod.map((aanbod) => ({ org, aanbod }))),
    seeded(20240315),
  );
  const seen = new Map<string, number>();
  const rows: SkRow[] = plain.map(({ org, aanbod }, i) => {
    const k = seen.get(org.id) ?? 0;
    seen.set(org.id, k + 1);
    const naam = org.spellings[k % org.spellings.length]!;
    const soort = org.soort[k % org.soort.length]!;
    const [aNaam, leef, doel, vorm, toegang, opm] = aanbod;
    return {
      org,
      aanbod,
      defect: null,
      cells: [...orgCells(org, naam, soort, i), aNaam, leef, doel, vorm, toegang, buurtStyle(org.buurt, i), opm ?? ''],
    };
  });
  for (const org of ORGS) {
    check((seen.get(org.id) ?? 0) >= org.spellings.length, `${org.id}: fewer rows than spellings`);
  }

  // Bad rows, each with exactly one defect, inserted at fixed places (0-based index into the data rows).
  const bad = (
    orgId: string | null,
    naam: string,
    aanbod: Aanbod,
    defect: string,
    patch: Partial<Record<SkHeader, string>>,
  ) => {
    const org = orgId === null ? null : orgById(orgId);
    const base = org ?? orgById('humanitas');
    const [aNaam, leef, doel, vorm, toegang] = aanbod;
    const cells: string[] = [
      ...orgCells(base, naam, base.soort[0]!, 0),
      aNaam,
      leef,
      doel,
      vorm,
      toegang,
      buurtStyle(base.buurt, 0),
      aanbod[5] ?? '',
    ];
    for (const [h, v] of Object.entries(patch) as [SkHeader, string][]) cells[col(h)] = v;
    return { org, aanbod, defect, cells } satisfies SkRow;
  };
  const inserts: [number, SkRow][] = [
    // Organisation data filled in (Humanitas' address), but the name cell empty: the offer has no organisation.
    [11, bad(null, '', ['Wandelgroep', 'Gezondheid', 'ouderen', 'groep', 'Vrij'], 'lijst.naam-leeg', {})],
    [
      29,
      bad(
        'bt-zuilen',
        'Buurtteam Zuilen',
        ['Buurtteam sociaal', 'zorg', 'Gezinnen, volwassenen', 'Individueel', 'op indicatie', 'Locatie Zuilen-Noord'],
        'lijst.postcode-ongeldig',
        { Postcode: '35555' },
      ),
    ],
    [
      47,
      bad('dock', 'DOCK', ['Klaverjasclub', 'welzijn/recreatie', 'ouderen', 'groep', VT], 'lijst.email-ongeldig', {
        'E-mail (algemeen)': 'info(at)dock.nl',
      }),
    ],
    [
      66,
      bad(
        'mitros',
        'Mitros',
        ['Buurtbeheer', 'Wonen, Welzijn', 'volwassenen', 'collectief', VT, 'Nieuwe website volgt'],
        'lijst.url-ongeldig',
        { Website: 'http//kapot' },
      ),
    ],
    [
      83,
      bad(
        'humanitas',
        'Humanitas Utrecht',
        ['Levensvragen', 'Welzijn; Spiritualiteit', 'volwassenen', 'Individueel', 'Vrij'],
        'lijst.waarde-onbekend',
        {},
      ),
    ],
  ];
  for (const [at, row] of [...inserts].sort((a, b) => b[0] - a[0])) rows.splice(at, 0, row);

  // A few cells with trailing spaces (must be trimmed, not errors).
  const firstOf = (id: string, nth = 0) => rows.filter((r) => r.org?.id === id && r.defect === null)[nth]!;
  firstOf('humanitas', 1).cells[col('Naam organisatie')] += ' ';
  firstOf('portaal').cells[col('Leefgebied(en)')] += ' ';
  firstOf('taalhuis').cells[col('Naam aanbod')] += '  ';
  firstOf('lister').cells[col('Plaats')] += ' ';

  // The same row twice: a copy of an earlier good row, every cell identical.
  const original = rows[19]!;
  check(original.defect === null, 'the row to copy must be a good row');
  rows.splice(58, 0, { ...original, defect: 'lijst.dubbele-rij', cells: [...original.cells] });
  skDuplicateOf = SK_FIRST_DATA_ROW + 19;
  return rows;
}

interface Fout {
  row: number;
  column: string;
  code: string;
}

/** Validates the rows by the ground truth's rules: the defects found must be exactly the ones planted. */
function validateSocialeKaart(rows: readonly SkRow[]): Fout[] {
  const fouten: Fout[] = [];
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const row = SK_FIRST_DATA_ROW + i;
    const v = (h: SkHeader) => r.cells[col(h)]!.trim();
    const found: Fout[] = [];
    const rowKey = r.cells.map((c) => c.trim()).join('\u001f');
    if (v('Naam organisatie') === '') found.push({ row, column: 'Naam organisatie', code: 'lijst.naam-leeg' });
    else if (seen.has(rowKey)) found.push({ row, column: 'Naam aanbod', code: 'lijst.dubbele-rij' });
    else {
      seen.set(rowKey, row);
      if (v('Postcode') && !postcodeOf(v('Postcode')))
        found.push({ row, column: 'Postcode', code: 'lijst.postcode-ongeldig' });
      if (v('Website') && !isUrlValue(v('Website'))) found.push({ row, column: 'Website', code: 'lijst.url-ongeldig' });
      if (v('E-mail (algemeen)') && !isEmailValue(v('E-mail (algemeen)'))) {
        found.push({ row, column: 'E-mail (algemeen)', code: 'lijst.email-ongeldig' });
      }
      if (!(v('Soort').toLowerCase() in SOORT)) found.push({ row, column: 'Soort', code: 'lijst.waarde-onbekend' });
      for (const w of splitMulti(v('Leefgebied(en)'))) {
        if (!(w.toLowerCase() in LEEFGEBIED))
          found.push({ row, column: 'Leefgebied(en)', code: 'lijst.waarde-onbekend' });
      }
      for (const w of splitMulti(v('Doelgroep'))) {
        if (!(w.toLowerCase() in DOELGROEP)) found.push({ row, column: 'Doelgroep', code: 'lijst.waarde-onbekend' });
      }
      if (!(v('Collectief / individueel').toLowerCase() in COLLECTIEF)) fail(`row ${row}: collectief?`);
      if (!(v('Toegang').toLowerCase() in VRIJ)) fail(`row ${row}: toegang?`);
      const b = v('Buurt');
      if (b && !BUURTEN.has(b) && ![...BUURTEN.values()].some((x) => x.naam === b)) fail(`row ${row}: buurt ${b}?`);
    }
    const codes = found.map((f) => f.code);
    if (r.defect === null) check(found.length === 0, `row ${row}: unplanned ${JSON.stringify(found)}`);
    else
      check(
        codes.length === 1 && codes[0] === r.defect,
        `row ${row}: planned ${r.defect}, found ${JSON.stringify(codes)}`,
      );
    fouten.push(...found);
  });
  // The importer compares rows loosely (case, spacing): no two good rows may be equal that way either.
  const loose = new Map<string, number>();
  rows.forEach((r, i) => {
    if (r.defect !== null) return;
    const k = r.cells.map((c) => c.trim().toLowerCase().replace(/\s+/g, ' ')).join('\u001f');
    check(!loose.has(k), `rows ${loose.get(k)} and ${SK_FIRST_DATA_ROW + i} are equal apart from case/spacing`);
    loose.set(k, SK_FIRST_DATA_ROW + i);
  });
  return fouten;
}

function writeSocialeKaart(rows: readonly SkRow[]): void {
  const blank = (c: string) => (c === '' ? null : c);
  const aoa: (string | null)[][] = [
    [SK_TITLE],
    [],
    ['Organisatie', ...Array<null>(ORG_COLUMNS - 1).fill(null), 'Aanbod'],
    [...SK_HEADERS],
    ...rows.map((r) => r.cells.map(blank)),
  ];
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  ws['!merges'] = [
    { s: { r: 2, c: 0 }, e: { r: 2, c: ORG_COLUMNS - 1 } },
    { s: { r: 2, c: ORG_COLUMNS }, e: { r: 2, c: SK_HEADERS.length - 1 } },
  ];
  ws['!cols'] = [28, 20, 26, 10, 10, 28, 13, 32, 34, 22, 20, 12, 16, 30, 34].map((wch) => ({ wch }));
  const toelichting = XLSX.utils.aoa_to_sheet([
    ['Toelichting bij de sociale kaart Utrecht Noordwest'],
    [],
    [
      'Deze lijst is samengesteld door het buurtteam en de welzijnspartners in Noordwest en wordt elk kwartaal bijgewerkt.',
    ],
    ['Eén regel per aanbod; de gegevens van de organisatie staan op elke regel herhaald.'],
    ['Leefgebieden en doelgroepen: meerdere waarden gescheiden door ; of , of | of een nieuwe regel.'],
    ['Buurt: naam of CBS-buurtcode van de plek waar het aanbod plaatsvindt; leeg als het in heel Utrecht is.'],
    ['Wijzigingen doorgeven aan het secretariaat van het wijkplatform.'],
  ]);
  toelichting['!cols'] = [{ wch: 110 }];
  writeWorkbook(SK_FILE, SK_TITLE, [
    { name: 'Sociale kaart', ws },
    { name: 'Toelichting', ws: toelichting },
  ]);
}

/** An auto-merge group: the names with one comparison key, as the importer must merge them without asking. */
interface Groep {
  sleutel: string;
  org: Org;
  naam: string;
  spellings: string[];
  rijen: number[];
}

/** Groups rows by comparison key, in order of first appearance; only rows accepted (without errors). */
function groupByKey(entries: readonly { row: number; naam: string; org: Org }[]): Groep[] {
  const groups = new Map<string, Groep>();
  for (const e of entries) {
    const naam = e.naam.trim();
    const sleutel = orgKey(naam);
    let g = groups.get(sleutel);
    if (!g) {
      g = { sleutel, org: e.org, naam, spellings: [], rijen: [] };
      groups.set(sleutel, g);
    }
    check(g.org.id === e.org.id, `key ${sleutel} joins ${g.org.id} and ${e.org.id}`);
    if (!g.spellings.includes(naam)) g.spellings.push(naam);
    g.rijen.push(e.row);
  }
  // Every org's spellings must fall into exactly one group; two different orgs never share a key.
  for (const org of ORGS) {
    const keys = new Set(org.spellings.map(orgKey));
    check(keys.size === 1, `${org.id}: spellings do not share one key: ${[...keys].join(' | ')}`);
  }
  return [...groups.values()];
}

/** Real organisations: groups with the same identity (a name that does not merge automatically, e.g. Alifa Welzijn). */
function organisaties(groups: readonly Groep[]) {
  const byIdentity = new Map<string, Groep[]>();
  for (const g of groups) {
    const id = g.org.identiteit ?? g.org.id;
    byIdentity.set(id, [...(byIdentity.get(id) ?? []), g]);
  }
  const lijst = [...byIdentity.values()].map((gs) => ({
    naam: gs[0]!.naam,
    spellings: gs.flatMap((g) => g.spellings),
    autoMerge: gs.length === 1,
    groepen: gs.map((g) => g.spellings),
  }));
  const voorstellen = [...byIdentity.values()]
    .filter((gs) => gs.length > 1)
    .flatMap((gs) => gs.slice(1).map((g) => [gs[0]!.naam, g.naam]));
  return { lijst, voorstellen };
}

function socialeKaartExpected(rows: readonly SkRow[], fouten: readonly Fout[]) {
  const badRows = new Set(fouten.map((f) => f.row));
  const good = rows.map((r, i) => ({ r, row: SK_FIRST_DATA_ROW + i })).filter(({ row }) => !badRows.has(row));
  const v = (r: SkRow, h: SkHeader) => r.cells[col(h)]!.trim();
  const groups = groupByKey(good.map(({ r, row }) => ({ row, naam: v(r, 'Naam organisatie'), org: r.org! })));
  const { lijst, voorstellen } = organisaties(groups);

  // Organisation details: the first non-empty value of each field among the group's accepted rows.
  const buurtOf = (r: SkRow): string | null => {
    const b = v(r, 'Buurt');
    if (b) return BUURTEN.has(b) ? b : [...BUURTEN.values()].find((x) => x.naam === b)!.code;
    const pc = postcodeOf(v(r, 'Postcode'));
    return pc && r.org!.postcode === pc ? r.org!.buurt || null : null;
  };
  const groepDetails = groups.map((g) => {
    const rs = good.filter(({ row }) => g.rijen.includes(row)).map(({ r }) => r);
    const first = (f: (r: SkRow) => string | null): string | null => rs.map(f).find((x) => x) ?? null;
    return {
      naam: g.naam,
      sleutel: g.sleutel,
      spellings: g.spellings,
      rijen: g.rijen,
      soort: SOORT[v(rs[0]!, 'Soort').toLowerCase()]!,
      adres: first((r) => v(r, 'Adres')),
      postcode: first((r) => postcodeOf(v(r, 'Postcode'))),
      plaats: first((r) => v(r, 'Plaats')),
      buurtCode: first(buurtOf),
      website: first((r) => v(r, 'Website')),
      telefoon: first((r) => v(r, 'Tel.')),
      email: first((r) => v(r, 'E-mail (algemeen)')),
    };
  });

  // Voorzieningen: one per organisation group and offer name (compared without case, diacritics and punctuation).
  const vz = new Map<
    string,
    {
      organisatie: string;
      aanbod: string;
      rijen: number[];
      leefgebieden: string[];
      doelgroepen: string[];
      collectief: boolean;
      vrijToegankelijk: boolean;
      buurtCode: string | null;
    }
  >();
  for (const { r, row } of good) {
    const g = groups.find((x) => x.rijen.includes(row))!;
    const k = `${g.sleutel}|${offerKey(v(r, 'Naam aanbod'))}`;
    const codes = (cell: string, map: Record<string, string[]>) => [
      ...new Set(splitMulti(cell).flatMap((w) => map[w.toLowerCase()]!)),
    ];
    const entry = {
      organisatie: g.naam,
      aanbod: v(r, 'Naam aanbod'),
      rijen: [row],
      leefgebieden: codes(v(r, 'Leefgebied(en)'), LEEFGEBIED),
      doelgroepen: codes(v(r, 'Doelgroep'), DOELGROEP),
      collectief: COLLECTIEF[v(r, 'Collectief / individueel').toLowerCase()]!,
      vrijToegankelijk: VRIJ[v(r, 'Toegang').toLowerCase()]!,
      buurtCode: buurtOf(r),
    };
    const prev = vz.get(k);
    if (!prev) vz.set(k, entry);
    else {
      // The same offer listed twice (another remark): must agree on everything the importer keeps.
      const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
      check(
        same(prev.leefgebieden, entry.leefgebieden) &&
          same(prev.doelgroepen, entry.doelgroepen) &&
          prev.collectief === entry.collectief &&
          prev.vrijToegankelijk === entry.vrijToegankelijk,
        `offer ${k} listed twice with different values`,
      );
      prev.rijen.push(row);
      prev.buurtCode ??= entry.buurtCode;
    }
  }

  const btO = groups.find((g) => g.org.id === 'bt-overvecht')!;
  const btZ = groups.find((g) => g.org.id === 'bt-zuilen')!;
  return {
    blad: 'Sociale kaart',
    kopregel: 4,
    eersteDataRij: SK_FIRST_DATA_ROW,
    kolommen: [...SK_HEADERS],
    groepskoppen: { Organisatie: 'A3:H3', Aanbod: 'I3:O3' },
    rows: rows.length,
    rijenZonderFouten: good.length,
    organisaties: lijst,
    organisatiesNaAutomatischSamenvoegen: groups.length,
    voorstellen,
    nietVoorstellen: [[btO.naam, btZ.naam]],
    voorzieningen: vz.size,
    fouten,
    dubbeleRijKopieVan: skDuplicateOf,
    onbekendeWaarden: [
      {
        taxonomie: 'leefgebied',
        waarde: 'Spiritualiteit',
        rijen: fouten.filter((f) => f.code === 'lijst.waarde-onbekend').map((f) => f.row),
      },
    ],
    groepen: groepDetails,
    voorzieningenLijst: [...vz.values()],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 2. partners-organisaties.csv — one row per organisation, ";" and Windows-1252
// ---------------------------------------------------------------------------------------------------------------

const ORG_CSV = 'partners-organisaties.csv';
const ORG_CSV_HEADER = [
  'Organisatie',
  'Type',
  'Adres',
  'Postcode',
  'Plaats',
  'Website',
  'Telefoon',
  'E-mail',
  'Buurtcode',
];

/** Organisations only in this file (not in the sociale kaart). */
const CSV_ONLY: Org[] = [
  [
    'buurtwinkel',
    'Coöperatie De Buurtwinkel',
    'Informeel',
    'Amsterdamsestraatweg 300',
    '3551 CV',
    'BU03440223',
    'www.debuurtwinkel.nl',
    '030-1234528',
    'info@debuurtwinkel.nl',
  ],
  [
    'present',
    'Stichting Present Utrecht',
    'Informeel',
    'Leidseweg 90',
    '3531 BG',
    'BU03440122',
    'www.stichtingpresent.nl',
    '030-1234529',
    'utrecht@stichtingpresent.nl',
  ],
  [
    'huurders',
    'Huurdersvereniging Pijlsweerd',
    'Informeel',
    'Draaiweg 3',
    '3515 EV',
    'BU03440211',
    '',
    '',
    'huurders.pijlsweerd@gmail.com',
  ],
  [
    'sportpunt',
    'Sportpunt Noordwest',
    'welzijnsorganisatie',
    'Marnixlaan 200',
    '3552 HL',
    'BU03440244',
    'www.sportpunt-noordwest.nl',
    '030-1234530',
    'info@sportpunt-noordwest.nl',
  ],
  [
    'gc-elinkwijk',
    'Gezondheidscentrum Elinkwijk',
    'Zorg',
    'Prinses Christinalaan 10',
    '3553 HR',
    'BU03440232',
    'www.gc-elinkwijk.nl',
    '030-1234531',
    'balie@gc-elinkwijk.nl',
  ],
  [
    'schaakbuurt',
    'Bewonersgroep Schaakbuurt',
    'Informeel',
    '',
    '',
    'BU03440242',
    '',
    '',
    'bewonersgroep.schaakbuurt@outlook.com',
  ],
  [
    'kringloop',
    'Kringloopwinkel Noord',
    'Informeel',
    'Atoomweg 120',
    '3542 DK',
    'BU03440133',
    'www.kringloopwinkelnoord.nl',
    '030-1234532',
    'winkel@kringloopwinkelnoord.nl',
  ],
].map(([id, naam, soort, adres, postcode, buurtCode, website, tel, email]) => ({
  id: id!,
  spellings: [naam!],
  soort: [soort!],
  adres: adres!,
  postcode: postcode!,
  buurt: buurtCode!,
  website: website!,
  tel: tel!,
  email: email!,
  aanbod: [],
}));

/** The rows: [org, spelling, soort, postcode as written, buurtcode shown?, website as written]. */
const ORG_CSV_ROWS: [string, string, string, string, boolean, string?][] = [
  ['dock', 'Stichting Dock', 'Welzijn', '3553EB', true],
  ['humanitas', 'Humanitas Utrecht', 'Informeel', '3511 NM', true],
  ['mekaar', 'Stichting Me’kaar', 'welzijnsorganisatie', '3552hd', false],
  ['bt-overvecht', 'Buurtteam Overvecht', 'Gemeente en wijkteam', '3562 JT', true],
  ['buurtwinkel', 'Coöperatie De Buurtwinkel', 'Informeel', '3551 CV', true],
  ['bt-zuilen', 'Buurtteam Zuilen', 'Gemeente en wijkteam', '3553 EX', false],
  ['mitros', 'Mitros', 'Woningcorporatie', '3561VA', false],
  ['portaal', 'Portaal', 'Woningcorporatie', '3551 BW', true],
  ['present', 'Stichting Present Utrecht', 'Informeel', '3531 BG', true],
  ['careyn', 'Careyn', 'Zorg', '3564 GB', false],
  ['lister', 'Lister', 'Zorg', '3521CB', true],
  ['altrecht', 'Altrecht', 'Zorg', '3512 PG', false],
  ['jou', 'Stichting JoU', 'Welzijn', '3513 CV', true],
  ['huurders', 'Huurdersvereniging Pijlsweerd', 'Informeel', '3515ev', true],
  ['ucentraal', 'U-Centraal', 'Welzijn', '3531 CJ', false],
  ['leger', 'Leger des Heils Utrecht', 'Zorg', '3511 BS', true],
  ['sportpunt', 'Sportpunt Noordwest', 'welzijnsorganisatie', '3552 HL', false],
  ['taalhuis', 'Taalhuis', 'Informeel', '3511 EP', false],
  ['repair', 'Repair Café Ondiep', 'Informeel', '3551BL', true],
  ['gc-elinkwijk', 'Gezondheidscentrum Elinkwijk', 'Zorg', '3553 HR', true],
  ['speeltuin', 'Speeltuin De Watertoren', 'Informeel', '3552 TN', true],
  ['schaakbuurt', 'Bewonersgroep Schaakbuurt', 'Informeel', '', true],
  ['vluchtelingenwerk', 'Vluchtelingenwerk Midden-Nederland', 'Welzijn', '3511 LL', false],
  ['kringloop', 'Kringloopwinkel Noord', 'Informeel', '3542DK', false],
  ['dock', 'Dock Utrecht', 'Welzijn', '3553 eb', false, 'https://www.dock.nl/'],
];
const anyOrg = (id: string): Org => ORGS.find((o) => o.id === id) ?? CSV_ONLY.find((o) => o.id === id) ?? fail(id);

function makeOrganisatiesCsv(skGroups: readonly Groep[]) {
  const rows = ORG_CSV_ROWS.map(([id, naam, soort, pc, showBuurt, website]) => {
    const org = anyOrg(id);
    check(orgKey(naam) === orgKey(org.spellings[0]!), `${naam}: key differs from ${org.spellings[0]}`);
    check(pc === '' ? org.postcode === '' : postcodeOf(pc) === org.postcode, `${naam}: postcode ${pc}`);
    check(soort.toLowerCase() in SOORT, `${naam}: soort ${soort}`);
    return {
      org,
      cells: [
        naam,
        soort,
        org.adres,
        pc,
        org.adres ? 'Utrecht' : '',
        website ?? org.website,
        org.tel,
        org.email,
        showBuurt ? org.buurt : '',
      ],
    };
  });
  const text = csvText([ORG_CSV_HEADER, ...rows.map((r) => r.cells)], ';');
  const bytes = encodeCp1252(text);
  for (const ch of ['é', 'ë', '’', 'ö']) check(text.includes(ch), `partners-organisaties.csv should contain ${ch}`);
  writeText(ORG_CSV, bytes);

  const groups = groupByKey(rows.map((r, i) => ({ row: i + 2, naam: r.cells[0]!, org: r.org })));
  const { lijst, voorstellen } = organisaties(groups);
  const inSk = (g: Groep) => skGroups.find((s) => s.sleutel === g.sleutel);
  return {
    codering: 'windows-1252',
    scheidingsteken: ';',
    kolommen: ORG_CSV_HEADER,
    rows: rows.length,
    organisaties: lijst,
    organisatiesNaAutomatischSamenvoegen: groups.length,
    voorstellen,
    fouten: [],
    /** Organisations that are already in the project after importing the sociale kaart (same key). */
    bekendUitSocialeKaart: groups
      .filter((g) => inSk(g))
      .map((g) => ({ naam: g.naam, spellings: g.spellings, organisatie: inSk(g)!.naam })),
    nieuw: groups.filter((g) => !inSk(g)).map((g) => g.naam),
    groepen: groups.map((g) => {
      const r = rows.find((x) => x.cells[0] === g.spellings[0])!.cells;
      const firstOf = (c: number) =>
        rows
          .filter((x) => g.spellings.includes(x.cells[0]!))
          .map((x) => x.cells[c]!)
          .find(Boolean) ?? null;
      return {
        naam: g.naam,
        sleutel: g.sleutel,
        spellings: g.spellings,
        rijen: g.rijen,
        soort: SOORT[r[1]!.toLowerCase()]!,
        adres: firstOf(2),
        postcode: firstOf(3) ? postcodeOf(firstOf(3)!) : null,
        buurtCode: g.org.buurt || null,
        buurtCodeInBestand: firstOf(8),
        website: firstOf(5),
        email: firstOf(7),
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 3. persoonsgegevens.xlsx — person-level data that must be refused
// ---------------------------------------------------------------------------------------------------------------

const PERSON_FILE = 'persoonsgegevens.xlsx';

/** The BSN eleven-test: 9 digits, 9·d1 + 8·d2 + … + 2·d8 − d9 divisible by 11. */
function isBsn(s: string): boolean {
  if (!/^\d{9}$/.test(s)) return false;
  const d = s.split('').map(Number);
  return (d.slice(0, 8).reduce((a, v, i) => a + v * (9 - i), 0) - d[8]!) % 11 === 0;
}

/** Excel serial of a calendar date (no time zone involved). */
const excelSerial = (iso: string): number => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;

function makePersoonsgegevens() {
  // Invented people; BSNs from the 9999xxxxx range used for test persons, each checked with the eleven-test.
  const people: [string, string, string, string, string][] = [
    ['Stichting Dock', 'Anna Testpersoon', '999990019', '1948-02-11', 'Buurtkamer'],
    ['Humanitas', 'Bram Voorbeeld', '999993653', '1985-07-30', 'Thuisadministratie'],
    ["Me'kaar", 'Cor de Proef', '999990275', '1939-11-03', 'Boodschappenmaatje'],
    ['Buurtteam Overvecht', 'Dina Fictief', '999991929', '1992-04-17', 'Schuldhulpverlening'],
    ['Careyn', 'Eef van Demo', '999994384', '1951-09-25', 'Wijkverpleging'],
  ];
  for (const p of people) check(isBsn(p[2]), `BSN ${p[2]} fails the eleven-test`);
  check(isBsn('111222333') && !isBsn('123456789') && !isBsn('999990018'), 'isBsn sanity check');
  const header = ['Naam organisatie', 'Naam cliënt', 'BSN', 'Geboortedatum', 'Aanbod'];
  const ws = XLSX.utils.aoa_to_sheet([header]);
  people.forEach(([org, naam, bsn, geb, aanbod], i) => {
    const r = i + 1;
    ws[XLSX.utils.encode_cell({ r, c: 0 })] = { t: 's', v: org };
    ws[XLSX.utils.encode_cell({ r, c: 1 })] = { t: 's', v: naam };
    ws[XLSX.utils.encode_cell({ r, c: 2 })] = { t: 'n', v: Number(bsn), z: '0' };
    ws[XLSX.utils.encode_cell({ r, c: 3 })] = { t: 'n', v: excelSerial(geb), z: 'dd-mm-yyyy' };
    ws[XLSX.utils.encode_cell({ r, c: 4 })] = { t: 's', v: aanbod };
  });
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: people.length, c: header.length - 1 } });
  ws['!cols'] = [24, 20, 12, 14, 24].map((wch) => ({ wch }));
  writeWorkbook(PERSON_FILE, 'Deelnemers', [{ name: 'Deelnemers', ws }]);
  return {
    blad: 'Deelnemers',
    rows: people.length,
    kolommen: header,
    persoonsgegevensKolommen: ['Naam cliënt', 'BSN', 'Geboortedatum'],
    code: 'import.persoonsgegevens',
    bsnsGeldig: people.length,
    geboortedatums: people.map((p) => p[3]),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 4./5. verwijzingen-2024.xlsx and verwijzingen.csv — referral flows between organisations of file 1
// ---------------------------------------------------------------------------------------------------------------

const REL_FILE = 'verwijzingen-2024.xlsx';
const REL_CSV = 'verwijzingen.csv';
const REL_HEADER = ['Van', 'Naar', 'Aantal', 'Periode', 'Soort'];

/** [van, naar, aantal (number, text as written, or null), periode as written, soort as written] */
type RelRow = [string, string, number | string | null, string | number, string];

const REL_ROWS: RelRow[] = [
  ['Buurtteam Overvecht', 'Humanitas', 14, '2024-Q1', 'verwijzing'],
  ['Buurtteam Overvecht', 'Humanitas Utrecht', 11, 'Q2 2024', 'Doorverwijzing'],
  ['Buurtteam Overvecht', 'Stichting Dock', 23, '2024-Q1', 'verwijzing'],
  ['Buurtteam Overvecht', 'Dock', 19, 'Q2 2024', ''],
  ['Buurtteam Zuilen', 'DOCK', 17, '01-01-2024 t/m 31-03-2024', 'verwijzing'],
  ['Buurtteam Zuilen', "Me'kaar", 9, 'jan 2024', 'verwijzing'],
  ['Buurtteam Zuilen', 'Mekaar', 6, 'feb 2024', 'verwijzing'],
  ['Stichting Dock', 'Voedselbank Utrecht', 31, 2024, 'Doorverwijzing'],
  ['Dock Utrecht', 'U Centraal', 12, '2024-Q1', 'verwijzing'],
  ['Humanitas', 'U-Centraal', '12 ', 'Q2 2024', 'verwijzing'],
  ['Careyn', 'Buurtteam Overvecht', 5, '2024-Q1', 'verwijzing'],
  ['Huisartsenpraktijk Queeckhoven', 'Buurtteam Zuilen', 8, '2024-Q1', 'Doorverwijzing'],
  ['Huisartsenpraktijk Queeckhoven', 'Steunpunt Mantelzorg', 4, 'Q2 2024', 'verwijzing'],
  ['Altrecht', 'Lister', 7, 2024, 'verwijzing'],
  ['Lister', 'Stichting Tussenvoorziening', 3, '01-01-2024 t/m 31-03-2024', 'verwijzing'],
  ['Buurtteam Overvecht', 'Lister', 6, 'Q2 2024', ''],
  ['Buurtteam Zuilen', 'Vluchtelingenwerk Midden-Nederland', 2, 'jan 2024', 'verwijzing'],
  ['VluchtelingenWerk Midden Nederland', 'Taalhuis Utrecht', 15, '2024-Q1', 'verwijzing'],
  ['Vluchtelingenwerk Midden-Nederland', 'Taalhuis', 13, 'Q2 2024', 'Doorverwijzing'],
  ['Gemeente Utrecht', 'Buurtteam Overvecht', null, 2024, 'samenwerking'],
  ['Gemeente Utrecht', 'Buurtteam Zuilen', null, 2024, 'samenwerking'],
  ['Stichting Dock', 'Alifa', null, 2024, 'samenwerking'],
  ['Mitros', 'Buurtteam Overvecht', 10, '2024-Q1', 'verwijzing'],
  ['Portaal', 'Buurtteam Zuilen', 4, '2024-Q1', 'verwijzing'],
  ['Bo-Ex', 'Stichting Me’kaar', 3, 'Q2 2024', ''],
  ['Stichting JoU', 'Buurtteam Zuilen', 5, 'feb 2024', 'verwijzing'],
  ['JOU', 'Alifa', null, 2024, 'samenwerking'],
  ['Repair Cafe Ondiep', 'Stichting Dock', 2, 2024, 'verwijzing'],
  ['Handjehelpen', 'Steunpunt Mantelzorg Utrecht', 6, '2024-Q1', 'verwijzing'],
  ['Onbekende Stichting XYZ', 'Humanitas', 4, '2024-Q1', 'verwijzing'],
  ['Axion Continu', 'Handjehelpen', 4, 'Q2 2024', 'Doorverwijzing'],
  ['Incluzio', 'Fietsmaatjes Utrecht', 3, 'jan 2024', 'verwijzing'],
  ['Wijkcentrum De Speler', 'Buurtteam Overvecht', 7, '01-01-2024 t/m 31-03-2024', ''],
  ['Careyn', 'Humanitas', -3, '2024-Q1', 'verwijzing'],
  ['Leger des Heils', 'Stichting Tussenvoorziening', 9, '2024-Q1', 'verwijzing'],
  ['Vrijwilligerscentrale', 'Taalhuis Utrecht', null, 2024, 'samenwerking'],
  ['Buurtteam Zuilen', 'Onbekende Stichting XYZ', 2, 'Q2 2024', 'verwijzing'],
  ['Mitros', '', 5, 'Q2 2024', 'verwijzing'],
  ['Speeltuin De Watertoren', 'Stichting Dock', null, 2024, 'samenwerking'],
  ['Alifa', 'Buurtteam Zuilen', 3, 'Q2 2024', 'verwijzing'],
];

const REL_CSV_ROWS: RelRow[] = [
  ['Buurtteam Overvecht', 'Humanitas', 12, '2024-Q3', 'verwijzing'],
  ['Buurtteam Overvecht', 'Stichting Dock', 21, 'Q3 2024', 'Doorverwijzing'],
  ['Dock, Utrecht', 'U Centraal', 9, 'jul 2024', 'verwijzing'],
  ['Buurtteam Zuilen', 'Mekaar', 7, '01-07-2024 t/m 30-09-2024', ''],
  ['Careyn', 'Buurtteam Overvecht', 4, '2024-Q3', 'verwijzing'],
  ['Gemeente Utrecht', 'Wijkcentrum De Speler', null, '2024', 'samenwerking'],
  ['Lister', 'Altrecht', 2, 'Q3 2024', 'verwijzing'],
  ['Onbekende Stichting XYZ', 'Buurtteam Zuilen', 3, '2024-Q3', 'verwijzing'],
];

const MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const lastDay = (y: number, m: number): string => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
const iso = (y: number, m: number, d: number): string =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The period a cell stands for, by the formats this fixture uses (and only those). */
function periodOf(raw: string | number): { start: string; eind: string } {
  const v = String(raw).trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(v))) return { start: iso(+m[1]!, 1, 1), eind: iso(+m[1]!, 12, 31) };
  const quarter = (y: number, q: number) => ({ start: iso(y, 3 * q - 2, 1), eind: lastDay(y, 3 * q) });
  if ((m = /^(\d{4})-Q([1-4])$/.exec(v))) return quarter(+m[1]!, +m[2]!);
  if ((m = /^Q([1-4]) (\d{4})$/.exec(v))) return quarter(+m[2]!, +m[1]!);
  if ((m = /^([a-z]{3}) (\d{4})$/.exec(v)) && MONTHS.includes(m[1]!)) {
    const month = MONTHS.indexOf(m[1]!) + 1;
    return { start: iso(+m[2]!, month, 1), eind: lastDay(+m[2]!, month) };
  }
  if ((m = /^(\d{2})-(\d{2})-(\d{4}) t\/m (\d{2})-(\d{2})-(\d{4})$/.exec(v))) {
    return { start: iso(+m[3]!, +m[2]!, +m[1]!), eind: iso(+m[6]!, +m[5]!, +m[4]!) };
  }
  fail(`period not understood: ${v}`);
}

const RELATIETYPE: Record<string, string> = {
  verwijzing: 'verwijzing',
  doorverwijzing: 'verwijzing',
  samenwerking: 'samenwerking',
};

/** The ground truth of a relaties file, against the organisations the sociale kaart import creates. */
function relatiesExpected(rows: readonly RelRow[], firstRow: number, skGroups: readonly Groep[]) {
  const byKey = new Map(skGroups.map((g) => [g.sleutel, g.naam]));
  const fouten: Fout[] = [];
  const goed: {
    rij: number;
    van: string;
    naar: string;
    soort: string;
    aantal: number | null;
    periodeStart: string;
    periodeEind: string;
  }[] = [];
  rows.forEach(([vanRaw, naarRaw, aantalRaw, periodeRaw, soortRaw], i) => {
    const row = firstRow + i;
    const found: Fout[] = [];
    const van = vanRaw.trim() ? byKey.get(orgKey(vanRaw)) : undefined;
    const naar = naarRaw.trim() ? byKey.get(orgKey(naarRaw)) : undefined;
    if (!vanRaw.trim()) found.push({ row, column: 'Van', code: 'lijst.van-leeg' });
    if (!naarRaw.trim()) found.push({ row, column: 'Naar', code: 'lijst.naar-leeg' });
    if (vanRaw.trim() && !van) found.push({ row, column: 'Van', code: 'lijst.naam-onbekend' });
    if (naarRaw.trim() && !naar) found.push({ row, column: 'Naar', code: 'lijst.naam-onbekend' });
    check(!van || van !== naar, `row ${row}: van = naar`);
    const soort =
      soortRaw.trim() === '' ? 'verwijzing' : (RELATIETYPE[soortRaw.trim().toLowerCase()] ?? fail(soortRaw));
    let aantal: number | null = null;
    if (aantalRaw !== null && String(aantalRaw).trim() !== '') {
      const n = Number(String(aantalRaw).trim());
      if (!Number.isInteger(n) || n < 0) found.push({ row, column: 'Aantal', code: 'lijst.aantal-ongeldig' });
      else aantal = n;
    }
    const periode = periodOf(periodeRaw);
    fouten.push(...found);
    if (found.length === 0)
      goed.push({
        rij: row,
        van: van!,
        naar: naar!,
        soort,
        aantal,
        periodeStart: periode.start,
        periodeEind: periode.eind,
      });
  });
  // One relatie per (soort, van, naar); each row with an aantal adds a volume for its period.
  const rel = new Map<
    string,
    {
      soort: string;
      van: string;
      naar: string;
      rijen: number[];
      volumes: { periodeStart: string; periodeEind: string; aantal: number }[];
    }
  >();
  for (const g of goed) {
    const k = `${g.soort}|${g.van}|${g.naar}`;
    const r = rel.get(k) ?? { soort: g.soort, van: g.van, naar: g.naar, rijen: [], volumes: [] };
    rel.set(k, r);
    r.rijen.push(g.rij);
    if (g.aantal !== null) {
      check(
        !r.volumes.some((v) => v.periodeStart === g.periodeStart && v.periodeEind === g.periodeEind),
        `${k}: period twice`,
      );
      r.volumes.push({ periodeStart: g.periodeStart, periodeEind: g.periodeEind, aantal: g.aantal });
    }
  }
  return {
    rows: rows.length,
    kolommen: REL_HEADER,
    rijenZonderFouten: goed.length,
    relatieRijen: goed,
    relaties: rel.size,
    volumes: [...rel.values()].reduce((n, r) => n + r.volumes.length, 0),
    relatiesGegroepeerd: [...rel.values()],
    fouten,
    onbekendeNamen: [...new Set(rows.flatMap(([v, n]) => [v, n]).filter((x) => x.trim() && !byKey.has(orgKey(x))))],
  };
}

function makeVerwijzingen(skGroups: readonly Groep[]) {
  const ws = XLSX.utils.aoa_to_sheet([REL_HEADER]);
  REL_ROWS.forEach((cells, i) => {
    cells.forEach((v, c) => {
      if (v === null || v === '') return;
      const addr = XLSX.utils.encode_cell({ r: i + 1, c });
      ws[addr] = typeof v === 'number' ? { t: 'n', v } : { t: 's', v };
    });
  });
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: REL_ROWS.length, c: REL_HEADER.length - 1 } });
  ws['!cols'] = [34, 34, 8, 26, 16].map((wch) => ({ wch }));
  writeWorkbook(REL_FILE, 'Verwijzingen 2024', [{ name: 'Verwijzingen', ws }]);
  writeText(REL_CSV, BOM + csvText([REL_HEADER, ...REL_CSV_ROWS], ','));
  return {
    [REL_FILE]: { blad: 'Verwijzingen', ...relatiesExpected(REL_ROWS, 2, skGroups) },
    [REL_CSV]: { codering: 'utf-8 met BOM', scheidingsteken: ',', ...relatiesExpected(REL_CSV_ROWS, 2, skGroups) },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 6. pc6-gwb-utrecht.csv — CBS postcode → buurt/wijk/gemeente table
// ---------------------------------------------------------------------------------------------------------------

const PC6_FILE = 'pc6-gwb-utrecht.csv';
/** Postcode ranges per wijk (approximate, for plausible extra postcodes); Vleuten-De Meern (34xx) is left out. */
const WIJK_PC: Record<string, string[]> = {
  WK034401: ['3531', '3532', '3533'],
  WK034402: ['3551', '3552', '3553', '3554', '3513'],
  WK034403: ['3561', '3562', '3563', '3564'],
  WK034404: ['3571', '3572', '3573'],
  WK034405: ['3581', '3582', '3583', '3584', '3585'],
  WK034406: ['3511', '3512'],
  WK034407: ['3523', '3524', '3525'],
  WK034408: ['3521', '3526', '3527'],
  WK034409: ['3541', '3543', '3544', '3545'],
};

function makePc6() {
  const map = new Map<string, string>(); // "3555AB" → BU code
  for (const org of [...ORGS, ...CSV_ONLY]) {
    if (!org.postcode) continue;
    const pc = org.postcode.replace(' ', '');
    check(/^35\d\d[A-Z]{2}$/.test(pc), `${org.id}: ${pc} is not an Utrecht 35xx postcode`);
    check(!map.has(pc) || map.get(pc) === org.buurt, `${pc} in two buurten`);
    check(org.buurt !== '', `${org.id}: a postcode without buurt`);
    map.set(pc, org.buurt);
  }
  const used = new Map(map);
  const rnd = seeded(3440);
  const buurten = [...BUURTEN.values()].filter((b) => WIJK_PC[b.wijk]);
  const letters = 'ABCDEGHJKLMNPRTVWXZ';
  while (map.size < used.size + 150) {
    const b = buurten[Math.floor(rnd() * buurten.length)]!;
    const prefixes = WIJK_PC[b.wijk]!;
    const pc =
      prefixes[Math.floor(rnd() * prefixes.length)]! +
      letters[Math.floor(rnd() * letters.length)]! +
      letters[Math.floor(rnd() * letters.length)]!;
    if (!map.has(pc) && postcodeOf(pc)) map.set(pc, b.code);
  }
  const rows = [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = rows.map(([pc, bu]) => [pc, cbsInt(bu), cbsInt(buurt(bu).wijk), cbsInt('GM0344')]);
  writeText(PC6_FILE, csvText([['PC6', 'Buurt2023', 'Wijk2023', 'Gemeente2023'], ...lines], ';'));
  return {
    rows: rows.length,
    scheidingsteken: ';',
    kolommen: ['PC6', 'Buurt2023', 'Wijk2023', 'Gemeente2023'],
    gemeente: 'GM0344',
    buurten: new Set(rows.map(([, bu]) => bu)).size,
    wijken: new Set(rows.map(([, bu]) => buurt(bu).wijk)).size,
    voorbeeld: {
      PC6: lines[0]![0],
      Buurt2023: lines[0]![1],
      buurtCode: rows[0]![1],
      Wijk2023: lines[0]![2],
      wijkCode: buurt(rows[0]![1]).wijk,
    },
    postcodesUitLijsten: Object.fromEntries([...used.entries()].sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 9. README.md
// ---------------------------------------------------------------------------------------------------------------

/* eslint-disable @typescript-eslint/no-explicit-any */
function readme(e: Record<string, any>): string {
  const sk = e[SK_FILE];
  const oc = e[ORG_CSV];
  const rx = e[REL_FILE];
  const rc = e[REL_CSV];
  const pc = e[PC6_FILE];
  const tw = e['twente-jeugdhulp.csv'];
  const fouten = (list: Fout[]) => list.map((f) => `row ${f.row} ${f.column}: \`${f.code}\``).join('; ');
  const samen = sk.organisaties.filter((o: any) => o.spellings.length > 1 && o.autoMerge);
  return `# Partner-list test fixtures

Made by \`scripts/make-partner-fixtures.mts\` (\`npx tsx scripts/make-partner-fixtures.mts\`); do not edit by hand, change
the script and run it again. The output is deterministic (fixed workbook date ${FIXED_DATE.toISOString()}, a seeded
shuffle, no date of today). \`expected.json\` holds the ground truth per file, computed by the script from the rows it
wrote with its own simple rules (not with the importer under test).

Provenance: \`twente-jeugdhulp.csv\` is derived from a community-made list of jeugdhulp/GGZ providers in Twente with
their offers and waiting times (\`/work/shared/data/partners/twente-jeugdhulp-aanbieders.json\`, published in a public
repository by a third party). Everything else is made up for the tests: organisation details, addresses, postcodes,
phone numbers (030-1234501 …, not real numbers), offers and referral counts. The organisation names are those of
(mostly real) Utrecht organisations, used only as names. Buurt codes and names are CBS (Kerncijfers wijken en buurten
2023, \`tests/fixtures/cbs/kwb-2023-utrecht.xlsx\`), licence CC BY 4.0, source: CBS. No personal data, except the
invented people of \`persoonsgegevens.xlsx\`.

## How organisation names compare (the ground truth's rule)

Two names are the same organisation automatically when they are equal after: lower case, diacritics removed,
apostrophes removed (\`Me'kaar\` = \`Mekaar\` = \`Me’kaar\`), other punctuation as spaces, the legal-form words
Stichting / Vereniging / B.V. / BV / N.V. / Coöperatie removed at the start or end, and a trailing place name
(\`Utrecht\`) removed when something is left. \`expected.json\` gives this key as \`sleutel\` per group. Names that
only look alike are proposed, never merged: \`Alifa\` / \`Alifa Welzijn\`. \`Buurtteam Overvecht\` / \`Buurtteam
Zuilen\` must not even be proposed (two teams; they share only the generic word "buurtteam" and neither postcode nor
website).

In \`expected.json\`, \`organisaties\` lists the real organisations: \`spellings\` are all names used for it in rows
without errors, \`groepen\` the auto-merge groups among them, \`autoMerge\` is true when all spellings merge
automatically (one group) and false when a person must confirm a proposal (\`voorstellen\`). \`naam\` is the spelling
of the first row without errors, which is also the name an importer that keeps the first spelling gives the
organisation. \`organisatiesNaAutomatischSamenvoegen\` counts the groups (so \`Alifa\` and \`Alifa Welzijn\` count
twice). \`groepen\` (top level) has each group's details as an importer should fill them: the first non-empty value
per field among the group's good rows, postcode normalised to \`3555 AB\`, \`soort\`/taxonomy values as codes of
\`data/taxonomieen.json\`.

Row numbers (\`row\`, \`rij\`, \`rijen\`) are 1-based as Excel shows them (for CSV: the line number, header = 1).
\`column\` is the header text as in the header row; an importer that joins the group header may report
\`Organisatie / Naam organisatie\` for the same column.

## Files

### \`${SK_FILE}\`

A "sociale kaart" as a gebiedsteam keeps it: ${sk.rows} data rows, one row per offer (voorziening), the organisation's
details repeated on every row. Sheet \`Sociale kaart\`: row 1 the title "${SK_TITLE}", row 2 empty, row 3 a group
row with "Organisatie" merged over A3:H3 and "Aanbod" merged over I3:O3 (\`!merges\`), row 4 the headers
(${SK_HEADERS.map((h) => `\`${h}\``).join(', ')}), data from row ${SK_FIRST_DATA_ROW}. Sheet \`Toelichting\`: a few
lines of free text (no table).

- ${sk.organisaties.length} real organisations, ${sk.organisatiesNaAutomatischSamenvoegen} after automatic merging,
  ${sk.voorzieningen} voorzieningen (organisation group + offer name) among the ${sk.rijenZonderFouten} rows without errors.
- Spellings that must merge automatically: ${samen.map((o: any) => o.spellings.map((x: string) => `\`${x}\``).join(' / ')).join('; ')}.
- Proposed only: ${sk.voorstellen.map((p: string[]) => p.map((x) => `\`${x}\``).join(' / ')).join('; ')}. Not proposed:
  ${sk.nietVoorstellen.map((p: string[]) => p.map((x) => `\`${x}\``).join(' / ')).join('; ')}.
- An organisation's rows are scattered through the list (seeded shuffle); the first row of each organisation uses its
  \`naam\`.
- Soort: \`Welzijn\`, \`welzijnsorganisatie\`, \`Zorg\`, \`Gemeente en wijkteam\`, \`Informeel\`, \`Woningcorporatie\`.
- Leefgebied(en): several values split by \`;\`, \`,\`, \`|\` or a line break inside the cell; spellings \`Welzijn\`,
  \`welzijn/recreatie\` (one value: do not split on "/"), \`W&I\`, \`Werk & inkomen\`, \`zorg\`, \`Gezondheid\`,
  \`Wonen\`; one unknown value \`Spiritualiteit\` (row ${sk.onbekendeWaarden[0].rijen.join(', ')}).
- Doelgroep: \`ouderen\`, \`65+\`, \`Jongeren\`, \`mantelzorgers\`, \`Gezinnen\`, \`nieuwkomers\`, \`volwassenen\`,
  \`psychisch\`, \`LVB\`, sometimes two in a cell (\`, \`). Collectief / individueel: \`collectief\`, \`groep\`
  (both collectief), \`Individueel\`. Toegang: \`vrij toegankelijk\`, \`Vrij\` (vrij toegankelijk), \`op indicatie\`,
  \`met beschikking\` (not).
- Buurt: a CBS buurt name (\`Zamenhofdreef en omgeving\`, \`Egelantierstraat, Mariëndaalstraat e.o.\` — names with
  commas, not lists), a code (\`BU03440931\`) or empty. Always the organisation's buurt, so it agrees with the postcode
  in \`${PC6_FILE}\`. Two organisations have no address, postcode or buurt.
- Postcodes written \`3562 JT\`, \`3541bd\` and \`3561JB\`.
- The same offer of one organisation twice with another remark (Dock "Buurtkamer", Me'kaar "Buurthuiskamer", JoU
  "Jongerenwerk Noordwest"): one voorziening each, not a duplicate row. Different organisations with the same offer
  name (both buurtteams have "Buurtteam sociaal" and "Schuldhulpverlening") are different voorzieningen.
- Trailing spaces in a few cells (a name, a leefgebied, an offer name, a plaats): to be trimmed, not errors.
- Errors (one per row, every other cell of these rows is valid): ${fouten(sk.fouten)}. The row without organisation name
  still has Humanitas' address and an offer; the duplicate is an exact copy of row
  ${sk.fouten.find((f: Fout) => f.code === 'lijst.dubbele-rij') ? skDuplicateOf : '?'} (every cell identical). Offers that only
  occur in error rows (Wandelgroep, Klaverjasclub, Levensvragen) are not voorzieningen.
- The duplicate row is listed on \`Naam aanbod\` (which column an importer names for a whole-row duplicate is its own
  choice). \`fouten\` lists errors only; no warnings are planted (phone numbers, buurten and postcodes of all other rows
  are valid).

### \`${ORG_CSV}\`

${oc.rows} rows, one per organisation, \`;\`-separated, **Windows-1252** bytes without BOM (é = 0xE9 in \`Repair Café
Ondiep\`, ë = 0xEB in \`Mariëndaalstraat\`, ’ = 0x92 in \`Stichting Me’kaar\`, ö = 0xF6 in \`Coöperatie De
Buurtwinkel\`), CRLF line ends. Header \`${ORG_CSV_HEADER.join(';')}\`. ${oc.organisatiesNaAutomatischSamenvoegen}
organisations after automatic merging: \`Stichting Dock\` (row 2) and \`Dock Utrecht\` (row ${oc.rows + 1}) are one
organisation with different details (postcode \`3553EB\` / \`3553 eb\`, website \`www.dock.nl\` /
\`https://www.dock.nl/\`, Buurtcode only on the first). ${oc.bekendUitSocialeKaart.length} organisations are also in
the sociale kaart (often with another spelling: \`Stichting JoU\`, \`U-Centraal\`, \`Taalhuis\`, \`Leger des Heils
Utrecht\`, …; see \`bekendUitSocialeKaart\`), ${oc.nieuw.length} are new (\`nieuw\`). Buurtcode is a real
\`BU0344…\` code in some rows and empty in the others; postcodes are in \`${PC6_FILE}\`. No errors.

### \`${PERSON_FILE}\`

Person-level data that must be refused (\`import.persoonsgegevens\`), sheet \`Deelnemers\`: columns
${e[PERSON_FILE].kolommen.map((k: string) => `\`${k}\``).join(', ')}; ${e[PERSON_FILE].rows} invented people. The BSNs
pass the eleven-test (checked by the script) and are numbers from the 9999xxxxx range used for test persons; they are
number cells, the birth dates are date cells (\`dd-mm-yyyy\`).

### \`${REL_FILE}\`

Referral flows between organisations of the sociale kaart, named with their variant spellings (\`Dock Utrecht\`,
\`DOCK\`, \`Humanitas Utrecht\`, \`Mekaar\`, \`Stichting Me’kaar\`, \`Stichting JoU\`, \`JOU\`, …). Sheet
\`Verwijzingen\`, header row 1 \`${REL_HEADER.join('`, `')}\`, ${rx.rows} rows. The names resolve against the
organisations a sociale-kaart import creates (so import \`${SK_FILE}\` first); \`van\`/\`naar\` in
\`expected.json\` are those organisations' names.

- Periode: \`2024-Q1\`, \`Q2 2024\`, \`jan 2024\`, \`feb 2024\`, \`01-01-2024 t/m 31-03-2024\` (text) and \`2024\`
  (a number cell, as Excel stores a typed year).
- Soort: \`verwijzing\`, \`Doorverwijzing\` (= verwijzing), \`samenwerking\` or empty (= verwijzing, the default).
  Samenwerking rows have no Aantal (a relation without volume).
- Aantal: number cells, one text cell \`"12 "\` (valid: 12, row ${rx.relatieRijen.find((r: any) => r.van === 'Humanitas' && r.naar === 'U Centraal')?.rij}).
- ${rx.rijenZonderFouten} rows import, as ${rx.relaties} relaties (one per soort + van + naar) with ${rx.volumes}
  volumes (one per row with an aantal); e.g. \`Buurtteam Overvecht\` → \`Humanitas\` has Q1 and Q2.
- Errors: ${fouten(rx.fouten)}.

### \`${REL_CSV}\`

The same header, comma-separated, UTF-8 with BOM, CRLF, ${rc.rows} rows: referrals for Q3 2024 (\`2024-Q3\`,
\`Q3 2024\`, \`jul 2024\`, \`01-07-2024 t/m 30-09-2024\`) and one samenwerking for \`2024\`; one quoted name with a comma (\`"Dock, Utrecht"\` = Stichting
Dock). ${rc.rijenZonderFouten} rows import as ${rc.relaties} relaties; errors: ${fouten(rc.fouten)}.
Imported after \`${REL_FILE}\`, the ${rc.relatiesGegroepeerd.filter((r: any) => rx.relatiesGegroepeerd.some((x: any) => x.soort === r.soort && x.van === r.van && x.naar === r.naar)).length} relaties that are in both get a Q3 volume next to their
earlier volumes (no period overlaps).

### \`${PC6_FILE}\`

CBS "postcode → buurt, wijk, gemeente" in the CBS format: header \`PC6;Buurt2023;Wijk2023;Gemeente2023\`, PC6
without space (\`3511AE\`), codes as integers without leading zeros and without BU/WK/GM: buurt \`BU03440613\` →
\`3440613\`, wijk \`WK034406\` → \`34406\`, gemeente \`GM0344\` → \`344\`. ${pc.rows} postcodes, sorted, one row each
(the ${Object.keys(pc.postcodesUitLijsten).length} postcodes of the two partner lists mapped to their organisation's
buurt, see \`postcodesUitLijsten\`, plus 150 more), in ${pc.buurten} real Utrecht buurten of ${pc.wijken} wijken. The
buurt codes are real; which postcode lies in which buurt is made up (plausible 35xx ranges per wijk), so this file is
not a source of truth about Utrecht.

### \`twente-jeugdhulp.csv\`

The Twente list converted to CSV: \`;\`, UTF-8 with BOM, CRLF, header \`Aanbieder;Aanbod;Soort hulp;Locatie;Doelgroep;Financiering;Wachttijd (weken)\`, one row per offer (${tw.rows} rows, ${tw.aanbieders}
providers). Values as in the source; arrays joined with \`, \` (\`Behandeling, Diagnostiek\`; one row has two
doelgroepen \`Jeugd, Volwassenen\`). Quirks: ${tw.zonderAanbod} rows have no Aanbod (the source has no offer name:
the provider as a whole), ${tw.zonderWachttijd} have no waiting time, waiting times have a decimal point and
fractions (\`39.105\`, \`19.5525\`), ${tw.metPuntkommaInWaarde} Financiering values contain a \`;\` and are quoted,
Locatie is free text (\`Enschede / Twente\`, \`Alle 14 Twentse gemeenten\`), providers have legal forms in their names
(\`TUORO Zorg B.V.\`, \`Stichting Pluryn\`), related names (\`Mediant\`, \`Mediant Centrum voor Jeugd\`,
\`Mediant BalanZ\`) and two names one letter apart that are different practices (\`MUZIKO\`, \`Muzizo\`). Some
providers are sole practices named after their practitioner, as in the source. Expected: \`rows\`, \`aanbieders\`
(distinct provider names as written) and \`voorzieningen\` (distinct provider + offer among rows with an offer).
`;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

// ---------------------------------------------------------------------------------------------------------------
// main
// ---------------------------------------------------------------------------------------------------------------

const skRows = makeSocialeKaartRows();
const skFouten = validateSocialeKaart(skRows);
writeSocialeKaart(skRows);
expected[SK_FILE] = socialeKaartExpected(skRows, skFouten);
const skGroups = (expected[SK_FILE] as { groepen: { sleutel: string; naam: string }[] }).groepen as unknown as Groep[];
expected[ORG_CSV] = makeOrganisatiesCsv(skGroups);
expected[PERSON_FILE] = makePersoonsgegevens();
Object.assign(expected, makeVerwijzingen(skGroups));
expected[PC6_FILE] = makePc6();
makeTwente();
const prettierConfig = (await prettier.resolveConfig(fileURLToPath(new URL('README.md', DIR)))) ?? {};
writeText(
  'expected.json',
  await prettier.format(JSON.stringify(expected, null, 2), { ...prettierConfig, parser: 'json' }),
);
writeText(
  'README.md',
  await prettier.format(readme(expected), { ...prettierConfig, parser: 'markdown', proseWrap: 'always' }),
);
for (const [file, e] of Object.entries(expected)) console.log(`${file}: ${(e as { rows: number }).rows} rows`);
