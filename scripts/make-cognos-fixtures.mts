/**
 * Writes tests/fixtures/cognos/: hand-made Cognos exports (Excel and CSV) of the Boswinkel — de Braker figures in
 * Bijlage 2 of the Enschede report (/work/shared/domain/sources/enschede-hulp-om-de-hoek-boswinkel-de-braker.txt),
 * a few bad inputs, expected.json (the records an importer must produce, per file) and README.md (the same, for
 * people).
 *   npx tsx scripts/make-cognos-fixtures.mts          (write the files)
 *   npx tsx scripts/make-cognos-fixtures.mts --dump   (write, then print every file as read back)
 * Deterministic: no dates of today in the files; running it twice gives the same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import * as XLSX from 'xlsx';

const DIR = new URL('../tests/fixtures/cognos/', import.meta.url);
/** Fixed workbook date (the day after the peildatum), so no run writes today's date. */
const FIXED_DATE = new Date('2024-04-03T07:00:00.000Z');

// ---------------------------------------------------------------------------------------------------------------
// Expected records
// ---------------------------------------------------------------------------------------------------------------

type Maat = 'meldingen' | 'toewijzingen' | 'unieke_clienten';
type Wet = 'Wmo' | 'Jeugdwet';
type Vorm = 'individueel' | 'groep';

/** Where a value stands: sheet (null for CSV), 1-based row as Excel shows it (CSV: line number), column letter. */
interface Cel {
  blad: string | null;
  rij: number;
  kolom: string;
}

interface Rec {
  gebied: string;
  gebied_label: string | null;
  maat: Maat;
  wet: Wet | null;
  ondersteuningsbehoefte: number | null;
  subniveau: string | null;
  vorm: Vorm | null;
  meldingstype: string | null;
  peildatum: string | null;
  periode_start: string | null;
  periode_eind: string | null;
  waarde: number | null;
  onderdrukt: boolean;
  min: number | null;
  max: number | null;
  bron: Cel;
}

/** A value as the file shows it: a number, or the suppression marker. */
type Shown = number | '<5';

interface RecInput {
  gebied: string;
  gebied_label: string | null;
  maat: Maat;
  wet?: Wet | null;
  ondersteuningsbehoefte?: number | null;
  subniveau?: string | null;
  vorm?: Vorm | null;
  meldingstype?: string | null;
  peildatum?: string | null;
  periode?: readonly [string, string];
  waarde: Shown;
  bron: Cel;
}

function rec(r: RecInput): Rec {
  const suppressed = r.waarde === '<5';
  return {
    gebied: r.gebied,
    gebied_label: r.gebied_label,
    maat: r.maat,
    wet: r.wet ?? null,
    ondersteuningsbehoefte: r.ondersteuningsbehoefte ?? null,
    subniveau: r.subniveau ?? null,
    vorm: r.vorm ?? null,
    meldingstype: r.meldingstype ?? null,
    peildatum: r.peildatum ?? null,
    periode_start: r.periode?.[0] ?? null,
    periode_eind: r.periode?.[1] ?? null,
    waarde: suppressed ? null : (r.waarde as number),
    onderdrukt: suppressed,
    min: suppressed ? 1 : null,
    max: suppressed ? 4 : null,
    bron: r.bron,
  };
}

type Filter = Partial<Pick<Rec, 'maat' | 'wet' | 'ondersteuningsbehoefte' | 'vorm' | 'gebied' | 'periode_start'>>;

/** A total in the file that the records under it must add up to. */
interface Controle {
  naam: string;
  filter: Filter;
  /** The total as the file shows it, and where; null when the file has no total row for it. */
  totaal: number;
  totaal_cel: Cel | null;
  som_getoond: number;
  aantal_onderdrukt: number;
  /** [som_getoond + Σmin, som_getoond + Σmax] of the suppressed values. */
  bereik: [number, number];
}

interface NietAlsRecord {
  rij: number;
  soort: 'titel' | 'peildatum' | 'kop' | 'totaal' | 'subtotaal' | 'voettekst';
  tekst: string;
}

interface Weigering {
  reden: 'persoonsgegevens' | 'geen_tabel' | 'leeg';
  plaatsen: { blad: string | null; rij: number | null; kolom: string | null; kop: string | null }[];
  toelichting: string;
}

interface Bestand {
  bestand: string;
  soort: 'xlsx' | 'csv';
  codering?: 'windows-1252' | 'ascii';
  uitkomst: 'importeren' | 'weigeren';
  /** What the user must give because the file does not say it. */
  invoer: { gebied?: string };
  records: Rec[];
  controles: Controle[];
  niet_als_record: NietAlsRecord[];
  weigering: Weigering | null;
  /** For README.md only. */
  doc: { titel: string; eigenaardigheden: string[]; layout: string };
}

function matches(r: Rec, f: Filter): boolean {
  return Object.entries(f).every(([k, v]) => r[k as keyof Filter] === v);
}

function controle(naam: string, records: Rec[], filter: Filter, totaal: number, totaal_cel: Cel | null): Controle {
  const sel = records.filter((r) => matches(r, filter));
  if (sel.length === 0) throw new Error(`controle ${naam}: no records`);
  const som = sel.reduce((s, r) => s + (r.waarde ?? 0), 0);
  const sup = sel.filter((r) => r.onderdrukt);
  const bereik: [number, number] = [
    som + sup.reduce((s, r) => s + (r.min ?? 0), 0),
    som + sup.reduce((s, r) => s + (r.max ?? 0), 0),
  ];
  const holds = totaal === som || (bereik[0] <= totaal && totaal <= bereik[1]);
  if (!holds) throw new Error(`controle ${naam}: total ${totaal}, sum of shown ${som}, range ${bereik.join('..')}`);
  return { naam, filter, totaal, totaal_cel, som_getoond: som, aantal_onderdrukt: sup.length, bereik };
}

// ---------------------------------------------------------------------------------------------------------------
// Sheets
// ---------------------------------------------------------------------------------------------------------------

/** A cell to write: text, number, empty, or a number with a formula and/or number format. */
type Cell = string | number | null | { v: number; f?: string; z?: string };

class Blad {
  readonly rows: Cell[][] = [];
  readonly merges: string[] = [];
  constructor(
    readonly naam: string,
    readonly widths: number[],
  ) {}
  /** Appends a row; returns its 1-based row number. */
  rij(...cells: Cell[]): number {
    this.rows.push(cells);
    return this.rows.length;
  }
  leeg(): number {
    return this.rij();
  }
  cel(rij: number, kolom: string): Cel {
    return { blad: this.naam, rij, kolom };
  }
}

function toWorksheet(b: Blad): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  let maxR = -1;
  let maxC = -1;
  b.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell === null) return;
      const addr = XLSX.utils.encode_cell({ r, c });
      if (typeof cell === 'string') ws[addr] = { t: 's', v: cell };
      else if (typeof cell === 'number') ws[addr] = { t: 'n', v: cell };
      else ws[addr] = { t: 'n', v: cell.v, ...(cell.f ? { f: cell.f } : {}), ...(cell.z ? { z: cell.z } : {}) };
      maxR = Math.max(maxR, r);
      maxC = Math.max(maxC, c);
    }),
  );
  if (maxR >= 0) ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: maxR, c: maxC } });
  if (b.merges.length > 0) ws['!merges'] = b.merges.map((m) => XLSX.utils.decode_range(m));
  if (b.widths.length > 0) ws['!cols'] = b.widths.map((wch) => ({ wch }));
  return ws;
}

function workbook(title: string, ...bladen: Blad[]): Buffer {
  const wb = XLSX.utils.book_new();
  for (const b of bladen) XLSX.utils.book_append_sheet(wb, toWorksheet(b), b.naam);
  wb.Props = { Title: title, Author: 'Wijkweb testdata', CreatedDate: FIXED_DATE, ModifiedDate: FIXED_DATE };
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

/** Markdown dump of a sheet as written: what a person sees in Excel, plus formulas, text-numbers and merges. */
function layoutXlsx(...bladen: Blad[]): string {
  return bladen
    .map((b) => {
      const width = Math.max(1, ...b.rows.map((r) => r.length));
      const letters = Array.from({ length: width }, (_, c) => XLSX.utils.encode_col(c));
      const show = (cell: Cell | undefined): string => {
        if (cell === null || cell === undefined) return '';
        if (typeof cell === 'number') return String(cell);
        if (typeof cell === 'string') return /^\d+$/.test(cell) ? `\`"${cell}"\` (text)` : cell;
        return `${cell.v}${cell.f ? ` (\`=${cell.f}\`)` : ''}${cell.z ? ` (format \`${cell.z}\`)` : ''}`;
      };
      const lines = [
        `Sheet \`${b.naam}\`${b.merges.length ? `, merged: ${b.merges.map((m) => `\`${m}\``).join(', ')}` : ''}:`,
        '',
        `| rij | ${letters.join(' | ')} |`,
        `| --- | ${letters.map(() => '---').join(' | ')} |`,
        ...b.rows.map((row, r) => `| ${r + 1} | ${letters.map((_, c) => show(row[c])).join(' | ')} |`),
      ];
      return b.rows.length === 0 ? `Sheet \`${b.naam}\`: no cells at all.` : lines.join('\n');
    })
    .join('\n\n');
}

// ---------------------------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------------------------

// prettier-ignore
const CP1252_HIGH: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a,
  '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97,
  '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

function encodeWindows1252(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else if (ch in CP1252_HIGH) bytes.push(CP1252_HIGH[ch]!);
    else throw new Error(`not in Windows-1252: ${ch}`);
  }
  return Buffer.from(bytes);
}

/** Excel "CSV (puntkomma)" style: `;`, CRLF, a CRLF after the last line, no quotes unless needed (never here). */
function csvText(lines: string[][]): string {
  for (const l of lines) for (const f of l) if (/[;"\r\n]/.test(f)) throw new Error(`needs quoting: ${f}`);
  return lines.map((l) => l.join(';')).join('\r\n') + '\r\n';
}

function layoutCsv(text: string, note: string): string {
  const lines = text.split('\r\n').slice(0, -1);
  return [note, '', '| regel | tekst |', '| --- | --- |', ...lines.map((l, i) => `| ${i + 1} | \`${l}\` |`)].join('\n');
}

const csvCel = (rij: number, kolom: string): Cel => ({ blad: null, rij, kolom });

// ---------------------------------------------------------------------------------------------------------------
// The figures (Bijlage 2), exactly as the brief fixes them
// ---------------------------------------------------------------------------------------------------------------

const GEBIED = 'Boswinkel-De Braker';
const STADSVELD = 'Stadsveld-Zuid';
const APRIL_2024 = ['2024-04-01', '2024-04-30'] as const;
const PEILDATUM = '2024-04-02';

const MELDINGEN: [string, number][] = [
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

interface Product {
  label: string;
  wet: Wet;
  ob: number;
  toewijzingen: Shown;
  unieke: number;
}
const PRODUCTEN: Product[] = [
  { label: 'Ondersteuningsbehoefte 1 Wmo', wet: 'Wmo', ob: 1, toewijzingen: 68, unieke: 65 },
  { label: 'Ondersteuningsbehoefte 2 Wmo', wet: 'Wmo', ob: 2, toewijzingen: 41, unieke: 39 },
  { label: 'Ondersteuningsbehoefte 1 Jeugd', wet: 'Jeugdwet', ob: 1, toewijzingen: '<5', unieke: 1 },
  { label: 'Ondersteuningsbehoefte 2 Jeugd', wet: 'Jeugdwet', ob: 2, toewijzingen: 7, unieke: 7 },
  { label: 'Ondersteuningsbehoefte 3 Jeugd', wet: 'Jeugdwet', ob: 3, toewijzingen: 11, unieke: 10 },
  { label: 'Ondersteuningsbehoefte 4 Jeugd', wet: 'Jeugdwet', ob: 4, toewijzingen: 24, unieke: 23 },
];

interface Sub {
  sub: string;
  vorm: Vorm;
  n: number;
}
const WMO_SUB: Sub[] = [
  { sub: '1A', vorm: 'groep', n: 7 },
  { sub: '1B', vorm: 'groep', n: 6 },
  { sub: '1A', vorm: 'individueel', n: 42 },
  { sub: '1B', vorm: 'individueel', n: 13 },
  { sub: '2A', vorm: 'groep', n: 1 },
  { sub: '2B', vorm: 'groep', n: 2 },
  { sub: '2A', vorm: 'individueel', n: 22 },
  { sub: '2B', vorm: 'individueel', n: 15 },
  { sub: '2C', vorm: 'individueel', n: 1 },
];
const VORM_LABEL: Record<Vorm, string> = { groep: 'Groep', individueel: 'Individueel' };
const sumOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

// The brief's figures add up; stop here if someone edits them so that they no longer do.
const assertEq = (what: string, got: number, want: number) => {
  if (got !== want) throw new Error(`${what}: ${got}, expected ${want}`);
};
assertEq('meldingen april 2024', sumOf(MELDINGEN.map(([, n]) => n)), 32);
assertEq('Wmo OB1 sub-levels', sumOf(WMO_SUB.filter((s) => s.sub.startsWith('1')).map((s) => s.n)), 68);
assertEq('Wmo OB2 sub-levels', sumOf(WMO_SUB.filter((s) => s.sub.startsWith('2')).map((s) => s.n)), 41);

// ---------------------------------------------------------------------------------------------------------------
// 1. boswinkel-meldingen-april-2024.xlsx
// ---------------------------------------------------------------------------------------------------------------

function meldingenApril(): [Bestand, Buffer] {
  const b = new Blad('Page1_1', [58, 10]);
  const label = 'Boswinkel — de Braker';
  const nar: NietAlsRecord[] = [];
  const title = `Aantal meldingen ${label}`;
  nar.push({ rij: b.rij(title), soort: 'titel', tekst: title });
  b.leeg();
  nar.push({ rij: b.rij('Meldingstype', 'Aantal'), soort: 'kop', tekst: 'Meldingstype | Aantal' });
  const records = MELDINGEN.map(([type, n]) =>
    rec({
      gebied: GEBIED,
      gebied_label: label,
      maat: 'meldingen',
      meldingstype: type,
      periode: APRIL_2024,
      waarde: n,
      bron: b.cel(b.rij(type, n), 'B'),
    }),
  );
  const first = records[0]!.bron.rij;
  const last = records.at(-1)!.bron.rij;
  const totRij = b.rij('Totaal', { v: 32, f: `SUM(B${first}:B${last})` });
  nar.push({ rij: totRij, soort: 'totaal', tekst: 'Totaal | 32' });
  b.leeg();
  const footer = 'Bron: Cognos, periode héél April 2024';
  nar.push({ rij: b.rij(footer), soort: 'voettekst', tekst: footer });
  return [
    {
      bestand: 'boswinkel-meldingen-april-2024.xlsx',
      soort: 'xlsx',
      uitkomst: 'importeren',
      invoer: {},
      records,
      controles: [controle('meldingen april 2024 = Totaal', records, { maat: 'meldingen' }, 32, b.cel(totRij, 'B'))],
      niet_als_record: nar,
      weigering: null,
      doc: {
        titel: 'Meldingen by meldingstype, one month',
        eigenaardigheden: [
          'Sheet name is the Cognos default `Page1_1`; the table starts at row 3, after a title and an empty row.',
          'The gebied is only in the title (`Aantal meldingen Boswinkel — de Braker`, with an em dash U+2014).',
          'The period is only in the footer: `periode héél April 2024` = the whole month, 2024-04-01 to 2024-04-30.',
          '`Totaal` (row 13) is a hand-added formula `=SUM(B4:B12)` with cached value 32: a total, not a meldingstype.',
          'Meldingstypes are kept verbatim (with their brackets). `wet` stays null: the importer does not guess the ' +
            'wet from words like `(Wmo)` or `(Jeugd)` in a meldingstype.',
        ],
        layout: layoutXlsx(b),
      },
    },
    workbook('Aantal meldingen', b),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// 2. boswinkel-toewijzingen-2024-04-02.xlsx
// ---------------------------------------------------------------------------------------------------------------

function toewijzingen(): [Bestand, Buffer] {
  const b = new Blad('Producten', [40, 22, 26]);
  const label = 'Boswinkel-De Braker';
  const nar: NietAlsRecord[] = [];
  const title = `Specifieke cijfers ondersteuningsbehoefte ${label}`;
  nar.push({ rij: b.rij(title), soort: 'titel', tekst: title });
  nar.push({ rij: b.rij('peildatum 2 april 2024'), soort: 'peildatum', tekst: 'peildatum 2 april 2024' });
  b.leeg();
  const head = ['Product', 'Aantal toewijzingen', 'Aantal unieke cliënten'];
  nar.push({ rij: b.rij(...head), soort: 'kop', tekst: head.join(' | ') });
  const records: Rec[] = [];
  for (const p of PRODUCTEN) {
    // Unieke cliënten are "numbers stored as text", as Cognos often writes them.
    const r = b.rij(p.label, p.toewijzingen, String(p.unieke));
    const base = {
      gebied: GEBIED,
      gebied_label: label,
      wet: p.wet,
      ondersteuningsbehoefte: p.ob,
      peildatum: PEILDATUM,
    };
    records.push(rec({ ...base, maat: 'toewijzingen', waarde: p.toewijzingen, bron: b.cel(r, 'B') }));
    records.push(rec({ ...base, maat: 'unieke_clienten', waarde: p.unieke, bron: b.cel(r, 'C') }));
  }
  const first = records[0]!.bron.rij;
  const last = records.at(-1)!.bron.rij;
  const totT = sumOf(PRODUCTEN.flatMap((p) => (typeof p.toewijzingen === 'number' ? [p.toewijzingen] : [])));
  const totU = sumOf(PRODUCTEN.map((p) => p.unieke));
  assertEq('Eindtotaal toewijzingen (shown)', totT, 151);
  assertEq('Eindtotaal unieke cliënten', totU, 145);
  const totRij = b.rij('Eindtotaal', { v: totT, f: `SUM(B${first}:B${last})` }, totU);
  nar.push({ rij: totRij, soort: 'totaal', tekst: `Eindtotaal | ${totT} | ${totU}` });
  b.leeg();
  nar.push({ rij: b.rij('Bron: Cognos'), soort: 'voettekst', tekst: 'Bron: Cognos' });
  const sup = records.find((r) => r.onderdrukt)!.bron;
  const supCel = `${sup.kolom}${sup.rij}`;
  const controles = [
    controle('toewijzingen = Eindtotaal', records, { maat: 'toewijzingen' }, totT, b.cel(totRij, 'B')),
    controle('unieke cliënten = Eindtotaal', records, { maat: 'unieke_clienten' }, totU, b.cel(totRij, 'C')),
  ];
  return [
    {
      bestand: 'boswinkel-toewijzingen-2024-04-02.xlsx',
      soort: 'xlsx',
      uitkomst: 'importeren',
      invoer: {},
      records,
      controles,
      niet_als_record: nar,
      weigering: null,
      doc: {
        titel: 'Toewijzingen and unieke cliënten by product, one peildatum',
        eigenaardigheden: [
          'Two measures in one table: column B gives `toewijzingen`, column C `unieke_clienten`; every product row ' +
            'gives two records.',
          'The gebied is inside the title (`… ondersteuningsbehoefte Boswinkel-De Braker`); the peildatum is a line ' +
            'of its own in Dutch words (`peildatum 2 april 2024`).',
          'Wet and ondersteuningsbehoefte are in the product label: `Ondersteuningsbehoefte 3 Jeugd` = Jeugdwet, OB 3.',
          `${supCel} (OB1 Jeugd, toewijzingen) is the text \`<5\`: suppressed, waarde null, 1..4. ` +
            'OB1 Jeugd unieke cliënten is a plain 1 next to it.',
          'Column C holds numbers stored as text (`"65"`), as Cognos often writes them; read them as numbers.',
          '`Eindtotaal` B11 is `=SUM(B5:B10)` = 151, which, like Excel, skips the `<5`: the total of the shown ' +
            'numbers. C11 is a plain 145. Unieke cliënten do not add up across products in reality (one cliënt can ' +
            'have two products); 145 is just the column sum as the export writes it.',
        ],
        layout: layoutXlsx(b),
      },
    },
    workbook('Specifieke cijfers ondersteuningsbehoefte', b),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// 3. boswinkel-wmo-subniveaus.xlsx
// ---------------------------------------------------------------------------------------------------------------

function wmoSubniveaus(): [Bestand, Buffer] {
  const b = new Blad('Blad1', [52, 20]);
  const nar: NietAlsRecord[] = [];
  const base = { gebied: GEBIED, gebied_label: null, maat: 'toewijzingen' as const, peildatum: PEILDATUM };
  const head1 = ['Product Wmo individueel en groep', 'Aantal toewijzingen'];
  nar.push({ rij: b.rij(...head1), soort: 'kop', tekst: head1.join(' | ') });
  const records: Rec[] = WMO_SUB.map((s) =>
    rec({
      ...base,
      wet: 'Wmo',
      ondersteuningsbehoefte: Number(s.sub[0]),
      subniveau: s.sub.slice(1),
      vorm: s.vorm,
      waarde: s.n,
      bron: b.cel(b.rij(`Ondersteuningsbehoefte ${s.sub} ${VORM_LABEL[s.vorm]}`, s.n), 'B'),
    }),
  );
  const sub = sumOf(WMO_SUB.map((s) => s.n));
  assertEq('Subtotaal Wmo', sub, 109);
  const subRij = b.rij('Subtotaal', sub);
  nar.push({ rij: subRij, soort: 'subtotaal', tekst: `Subtotaal | ${sub}` });
  b.leeg();
  const head2 = ['Product Jeugd individueel en groep', 'Aantal toewijzingen'];
  nar.push({ rij: b.rij(...head2), soort: 'kop', tekst: head2.join(' | ') });
  records.push(
    rec({
      ...base,
      wet: 'Jeugdwet',
      ondersteuningsbehoefte: 1,
      subniveau: 'A',
      vorm: 'individueel',
      waarde: '<5',
      bron: b.cel(b.rij('Ondersteuningsbehoefte 1A Individueel', '<5'), 'B'),
    }),
    rec({
      ...base,
      wet: 'Jeugdwet',
      ondersteuningsbehoefte: 4,
      vorm: 'groep',
      waarde: '<5',
      bron: b.cel(b.rij('Ondersteuningsbehoefte 4 Groepsgerichte inzet Jeugd', '<5'), 'B'),
    }),
  );
  b.leeg();
  const footer = '(Cognos, peildatum 2 april 2024)';
  nar.push({ rij: b.rij(footer), soort: 'voettekst', tekst: footer });
  const controles = [
    controle('Wmo sub-levels = Subtotaal', records, { wet: 'Wmo' }, sub, b.cel(subRij, 'B')),
    controle('OB1 Wmo: 1A+1B, groep+individueel = 68', records, { wet: 'Wmo', ondersteuningsbehoefte: 1 }, 68, null),
    controle('OB2 Wmo: 2A+2B+2C, groep+individueel = 41', records, { wet: 'Wmo', ondersteuningsbehoefte: 2 }, 41, null),
  ];
  return [
    {
      bestand: 'boswinkel-wmo-subniveaus.xlsx',
      soort: 'xlsx',
      uitkomst: 'importeren',
      invoer: { gebied: GEBIED },
      records,
      controles,
      niet_als_record: nar,
      weigering: null,
      doc: {
        titel: 'Two tables in one sheet: Wmo and Jeugd sub-levels by individueel/groep',
        eigenaardigheden: [
          'No title: the header is row 1. The file names NO gebied anywhere: the importer must ask for it (the ' +
            `test gives \`${GEBIED}\`; \`invoer.gebied\` in expected.json) and must not take it from the file name.`,
          'Two tables, one under the other, separated by one empty row; the second has its own header row (row 13).',
          'The wet comes from the table header (`Product Wmo …` / `Product Jeugd …`), not from the row: ' +
            '`Ondersteuningsbehoefte 1A Individueel` is in both tables, as Wmo (42) and as Jeugdwet (`<5`).',
          'Row labels carry OB, subniveau and vorm: `Ondersteuningsbehoefte 2B Groep` = OB 2, subniveau `B`, vorm ' +
            'groep. `Ondersteuningsbehoefte 4 Groepsgerichte inzet Jeugd` = OB 4, no subniveau, vorm groep.',
          '`Subtotaal` (row 11, plain 109) closes the Wmo table only; the Jeugd table has no total.',
          'The peildatum is only in the footer `(Cognos, peildatum 2 april 2024)`, after both tables.',
        ],
        layout: layoutXlsx(b),
      },
    },
    workbook('Specifieke cijfers ondersteuningsbehoefte gefilterd op individueel/groep', b),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// 4. boswinkel-toewijzingen-gegroepeerd.xlsx
// ---------------------------------------------------------------------------------------------------------------

function gegroepeerd(): [Bestand, Buffer] {
  const b = new Blad('Toewijzingen', [32, 20, 20]);
  const label = 'Boswinkel — de Braker';
  const nar: NietAlsRecord[] = [];
  const title = `${label}, peildatum 02-04-2024`;
  nar.push({ rij: b.rij(title), soort: 'titel', tekst: title });
  b.merges.push('A1:C1');
  const head = ['Product', 'Subniveau en vorm', 'Aantal toewijzingen'];
  nar.push({ rij: b.rij(...head), soort: 'kop', tekst: head.join(' | ') });
  const records: Rec[] = [];
  for (const ob of [1, 2]) {
    const group = WMO_SUB.filter((s) => s.sub.startsWith(String(ob)));
    group.forEach((s, i) => {
      const r = b.rij(i === 0 ? `Ondersteuningsbehoefte ${ob} Wmo` : null, `${s.sub} ${VORM_LABEL[s.vorm]}`, s.n);
      records.push(
        rec({
          gebied: GEBIED,
          gebied_label: label,
          maat: 'toewijzingen',
          wet: 'Wmo',
          ondersteuningsbehoefte: ob,
          subniveau: s.sub.slice(1),
          vorm: s.vorm,
          peildatum: PEILDATUM,
          waarde: s.n,
          bron: b.cel(r, 'C'),
        }),
      );
    });
    // Group 1 is a merged cell; group 2 is a label with empty cells under it (no merge): both occur.
    if (ob === 1) {
      const rows = records.filter((r) => r.ondersteuningsbehoefte === 1).map((r) => r.bron.rij);
      b.merges.push(`A${rows[0]}:A${rows.at(-1)}`);
    }
  }
  const controles = [
    controle('OB1 Wmo = 68', records, { ondersteuningsbehoefte: 1 }, 68, null),
    controle('OB2 Wmo = 41', records, { ondersteuningsbehoefte: 2 }, 41, null),
  ];
  return [
    {
      bestand: 'boswinkel-toewijzingen-gegroepeerd.xlsx',
      soort: 'xlsx',
      uitkomst: 'importeren',
      invoer: {},
      records,
      controles,
      niet_als_record: nar,
      weigering: null,
      doc: {
        titel: 'Group labels in column A (merged, and not merged), sub-levels in column B',
        eigenaardigheden: [
          'Row 1 is a title merged over A1:C1 holding both gebied and peildatum: `Boswinkel — de Braker, peildatum ' +
            '02-04-2024`. The date is Dutch day-month-year: 2 April 2024, not 4 February.',
          'Column A has the group label only in the first row of its group. `Ondersteuningsbehoefte 1 Wmo` is a ' +
            'merged cell A3:A6 (A4:A6 hold nothing); `Ondersteuningsbehoefte 2 Wmo` is in A7 with A8:A11 simply ' +
            'empty, no merge. Both mean: fill the label down until the next label.',
          'Wet and OB come from the group label, subniveau and vorm from column B (`1A Groep`). The OB in the group ' +
            'label and the digit in column B agree; if they did not, that is an error.',
          'No total row and no footer; the checks are against the product totals of ' +
            '`boswinkel-toewijzingen-2024-04-02.xlsx` (68, 41).',
        ],
        layout: layoutXlsx(b),
      },
    },
    workbook('Toewijzingen Wmo per subniveau', b),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// 5. boswinkel-meldingen.csv
// ---------------------------------------------------------------------------------------------------------------

function meldingenCsv(): [Bestand, Buffer] {
  const label = 'BOSWINKEL DE BRAKER';
  const lines: string[][] = [['Buurt', 'Periode', 'Meldingstype', 'Aantal meldingen']];
  const nar: NietAlsRecord[] = [{ rij: 1, soort: 'kop', tekst: lines[0]!.join(';') }];
  const records = MELDINGEN.map(([type, n]) => {
    lines.push([label, '2024-04', type, String(n)]);
    return rec({
      gebied: GEBIED,
      gebied_label: label,
      maat: 'meldingen',
      meldingstype: type,
      periode: APRIL_2024,
      waarde: n,
      bron: csvCel(lines.length, 'D'),
    });
  });
  lines.push(['Totaal', '', '', '32']);
  const totRij = lines.length;
  nar.push({ rij: totRij, soort: 'totaal', tekst: 'Totaal;;;32' });
  lines.push(['', '', '', '']);
  lines.push(['Bron: Cognos, periode héél April 2024', '', '', '']);
  nar.push({ rij: lines.length, soort: 'voettekst', tekst: 'Bron: Cognos, periode héél April 2024;;;' });
  const text = csvText(lines);
  return [
    {
      bestand: 'boswinkel-meldingen.csv',
      soort: 'csv',
      codering: 'windows-1252',
      uitkomst: 'importeren',
      invoer: {},
      records,
      controles: [controle('meldingen 2024-04 = Totaal', records, { maat: 'meldingen' }, 32, csvCel(totRij, 'D'))],
      niet_als_record: nar,
      weigering: null,
      doc: {
        titel: 'The meldingen as a long CSV: gebied and period as columns',
        eigenaardigheden: [
          'Windows-1252, no BOM: `é` in `héél` is the single byte 0xE9, which is invalid UTF-8. Decoding as UTF-8 ' +
            'gives U+FFFD; the importer must detect this (or let the user choose) and decode as Windows-1252.',
          '`;` separator, CRLF line ends, a CRLF after the last line, no quotes (Excel "CSV (puntkomma)").',
          'The gebied is a column (`Buurt`), in capitals and without the dash: `BOSWINKEL DE BRAKER`.',
          'The period is a column (`Periode`) as `2024-04`: the month, 2024-04-01 to 2024-04-30.',
          'Line 11 is the total: `Totaal` stands in the `Buurt` column (not a gebied!), the meldingstype is empty.',
          'Line 12 is an empty row (`;;;`), line 13 a footer in the first column, padded with `;;;`.',
          'All counts are below 1000, so no thousands separators occur here (see `duizendtallen.csv`).',
        ],
        layout: layoutCsv(text, 'Lines as text after decoding as Windows-1252:'),
      },
    },
    encodeWindows1252(text),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// 6. meldingen-per-buurt-transposed.xlsx
// ---------------------------------------------------------------------------------------------------------------

function transposed(): [Bestand, Buffer] {
  const b = new Blad('Meldingen per buurt', [24, 10, 10, 10, 10]);
  const nar: NietAlsRecord[] = [];
  nar.push({ rij: b.rij('Aantal meldingen per buurt'), soort: 'titel', tekst: 'Aantal meldingen per buurt' });
  b.leeg();
  const maanden: [string, readonly [string, string]][] = [
    ['jan 2024', ['2024-01-01', '2024-01-31']],
    ['feb 2024', ['2024-02-01', '2024-02-29']],
    ['mrt 2024', ['2024-03-01', '2024-03-31']],
    ['apr 2024', APRIL_2024],
  ];
  const head = ['Buurt', ...maanden.map(([m]) => m)];
  nar.push({ rij: b.rij(...head), soort: 'kop', tekst: head.join(' | ') });
  const buurten: [string, string, Shown[]][] = [
    ['Boswinkel/De Braker', GEBIED, [25, 28, 30, 32]],
    ['Stadsveld-Zuid', STADSVELD, [12, '<5', 9, 11]],
  ];
  const records: Rec[] = [];
  for (const [label, gebied, values] of buurten) {
    const r = b.rij(label, ...values);
    values.forEach((v, i) =>
      records.push(
        rec({
          gebied,
          gebied_label: label,
          maat: 'meldingen',
          periode: maanden[i]![1],
          waarde: v,
          bron: b.cel(r, XLSX.utils.encode_col(i + 1)),
        }),
      ),
    );
  }
  const first = records[0]!.bron.rij;
  const last = records.at(-1)!.bron.rij;
  const totals = maanden.map(([, p]) =>
    sumOf(records.filter((r) => r.periode_start === p[0]).map((r) => r.waarde ?? 0)),
  );
  const totRij = b.rij(
    'Totaal',
    ...totals.map((v, i) => {
      const col = XLSX.utils.encode_col(i + 1);
      return { v, f: `SUM(${col}${first}:${col}${last})` };
    }),
  );
  nar.push({ rij: totRij, soort: 'totaal', tekst: `Totaal | ${totals.join(' | ')}` });
  b.leeg();
  nar.push({ rij: b.rij('Bron: Cognos'), soort: 'voettekst', tekst: 'Bron: Cognos' });
  const controles = maanden.map(([m, p], i) =>
    controle(
      `${m}: buurten = Totaal`,
      records,
      { periode_start: p[0] },
      totals[i]!,
      b.cel(totRij, XLSX.utils.encode_col(i + 1)),
    ),
  );
  return [
    {
      bestand: 'meldingen-per-buurt-transposed.xlsx',
      soort: 'xlsx',
      uitkomst: 'importeren',
      invoer: {},
      records,
      controles,
      niet_als_record: nar,
      weigering: null,
      doc: {
        titel: 'Periods as columns, buurten as rows',
        eigenaardigheden: [
          'Each value cell is one record; the period comes from the column header, the gebied from column A.',
          'Period headers are text with Dutch month abbreviations (`jan 2024`, `feb 2024`, `mrt 2024`, `apr 2024`), ' +
            'not Excel dates. February 2024 ends on the 29th (leap year).',
          'Gebied labels: `Boswinkel/De Braker` (slash) is the same buurt as in the other files; `Stadsveld-Zuid` is ' +
            'a second buurt.',
          'C5 (Stadsveld-Zuid, feb 2024) is `<5`. The `Totaal` row holds `=SUM(…)` formulas; C6 is 28, the sum of ' +
            'the shown numbers (Excel skips the text `<5`); the real total is 29..32.',
          'The title names no gebied (there are several) and no year; the year is in the headers only.',
          'The Jan–Mar figures for Boswinkel and all Stadsveld-Zuid figures are invented; apr 2024 = 32 matches ' +
            'the report.',
        ],
        layout: layoutXlsx(b),
      },
    },
    workbook('Aantal meldingen per buurt', b),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// 7. Bad inputs
// ---------------------------------------------------------------------------------------------------------------

function elfproef(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn)) return false;
  let s = -Number(bsn[8]);
  for (let i = 0; i < 8; i++) s += (9 - i) * Number(bsn[i]);
  return s % 11 === 0;
}

/** 123456782 and the first nine valid numbers from 999990000 (the range of test BSNs, never issued to people). */
function testBsns(): string[] {
  const out = ['123456782'];
  for (let n = 999990000; out.length < 10; n++) if (elfproef(String(n))) out.push(String(n));
  if (!out.every(elfproef)) throw new Error('BSN not 11-proof');
  return out;
}

function persoonsgegevens(): [Bestand, Buffer] {
  const b = new Blad('Cliëntenlijst', [12, 24, 32, 20]);
  b.rij('Cliënten met toewijzing Boswinkel — de Braker');
  b.rij('peildatum 2 april 2024');
  b.leeg();
  const head = ['BSN', 'Naam cliënt', 'Product', 'Aantal toewijzingen'];
  const headRij = b.rij(...head);
  const names = ['A. Jansen', 'B. de Vries', 'C. Bakker', 'D. Visser', 'E. Smit', 'F. Meijer', 'G. de Boer'];
  names.push('H. Mulder', 'I. de Groot', 'J. Bos');
  const products = ['Ondersteuningsbehoefte 1 Wmo', 'Ondersteuningsbehoefte 2 Wmo', 'Ondersteuningsbehoefte 3 Jeugd'];
  testBsns().forEach((bsn, i) => b.rij({ v: Number(bsn), z: '000000000' }, names[i]!, products[i % 3]!, 1));
  return [
    {
      bestand: 'persoonsgegevens.xlsx',
      soort: 'xlsx',
      uitkomst: 'weigeren',
      invoer: {},
      records: [],
      controles: [],
      niet_als_record: [],
      weigering: {
        reden: 'persoonsgegevens',
        plaatsen: [
          { blad: b.naam, rij: headRij, kolom: 'A', kop: 'BSN' },
          { blad: b.naam, rij: headRij, kolom: 'B', kop: 'Naam cliënt' },
        ],
        toelichting:
          'A list of persons, not figures: refuse the whole file before anything is stored (no records, no bron). ' +
          'Point at the header cells; never repeat a BSN or a name in the message, the log or the project. ' +
          'Column A is recognisable twice: by its header and by its values (9-digit numbers that pass the 11-proof).',
      },
      doc: {
        titel: 'Bad input: personal data (BSN and names)',
        eigenaardigheden: [
          'Otherwise an importable table (title, peildatum, header, product, count), so the importer must refuse ' +
            'on content, not because parsing fails.',
          'BSNs are number cells with format `000000000`; all ten pass the 11-proof. 123456782 is the well-known ' +
            'example number; the other nine are in the 99999xxxx test range. Names are invented.',
        ],
        layout: layoutXlsx(b),
      },
    },
    workbook('Cliënten met toewijzing', b),
  ];
}

function alleenTitel(): [Bestand, Buffer] {
  const b = new Blad('Page1_1', [40]);
  const r = b.rij('Aantal meldingen Boswinkel — de Braker');
  return [
    {
      bestand: 'alleen-titel.xlsx',
      soort: 'xlsx',
      uitkomst: 'weigeren',
      invoer: {},
      records: [],
      controles: [],
      niet_als_record: [],
      weigering: {
        reden: 'geen_tabel',
        plaatsen: [{ blad: b.naam, rij: r, kolom: 'A', kop: null }],
        toelichting: 'Only a title in A1: no header row and no figures. Refuse; do not import zero records silently.',
      },
      doc: {
        titel: 'Bad input: a title and nothing else',
        eigenaardigheden: ['One sheet, one cell (A1). An export that went wrong (empty selection in Cognos).'],
        layout: layoutXlsx(b),
      },
    },
    workbook('Aantal meldingen', b),
  ];
}

function leeg(): [Bestand, Buffer] {
  const b = new Blad('Blad1', []);
  return [
    {
      bestand: 'leeg.xlsx',
      soort: 'xlsx',
      uitkomst: 'weigeren',
      invoer: {},
      records: [],
      controles: [],
      niet_als_record: [],
      weigering: {
        reden: 'leeg',
        plaatsen: [{ blad: b.naam, rij: null, kolom: null, kop: null }],
        toelichting: 'A workbook whose only sheet has no cells (no `!ref` when read with SheetJS). Refuse.',
      },
      doc: {
        titel: 'Bad input: an empty sheet',
        eigenaardigheden: ['One sheet `Blad1` without any cell.'],
        layout: layoutXlsx(b),
      },
    },
    workbook('Leeg', b),
  ];
}

function duizendtallen(): [Bestand, Buffer] {
  const label = 'Boswinkel - de Braker';
  const lines: string[][] = [
    ['Toewijzingen per buurt', '', ''],
    ['peildatum: 1-1-2025', '', ''],
    ['', '', ''],
    ['Buurt', 'Product', 'Aantal toewijzingen'],
  ];
  const nar: NietAlsRecord[] = [
    { rij: 1, soort: 'titel', tekst: 'Toewijzingen per buurt;;' },
    { rij: 2, soort: 'peildatum', tekst: 'peildatum: 1-1-2025;;' },
    { rij: 4, soort: 'kop', tekst: 'Buurt;Product;Aantal toewijzingen' },
  ];
  const rows: [number, string, number][] = [
    [1, '1.234', 1234],
    [2, '2.345', 2345],
  ];
  const records = rows.map(([ob, shown, n]) => {
    lines.push([label, `Ondersteuningsbehoefte ${ob} Wmo`, shown]);
    return rec({
      gebied: GEBIED,
      gebied_label: label,
      maat: 'toewijzingen',
      wet: 'Wmo',
      ondersteuningsbehoefte: ob,
      peildatum: '2025-01-01',
      waarde: n,
      bron: csvCel(lines.length, 'C'),
    });
  });
  lines.push(['Totaal', '', '3.579']);
  const totRij = lines.length;
  nar.push({ rij: totRij, soort: 'totaal', tekst: 'Totaal;;3.579' });
  const text = csvText(lines);
  if (!/^[\x20-\x7e\r\n]*$/.test(text)) throw new Error('duizendtallen.csv should be plain ASCII');
  return [
    {
      bestand: 'duizendtallen.csv',
      soort: 'csv',
      codering: 'ascii',
      uitkomst: 'importeren',
      invoer: {},
      records,
      controles: [controle('toewijzingen = Totaal', records, { maat: 'toewijzingen' }, 3579, csvCel(totRij, 'C'))],
      niet_als_record: nar,
      weigering: null,
      doc: {
        titel: 'Tricky input: Dutch thousands separators in counts',
        eigenaardigheden: [
          '`1.234` and `2.345` are Dutch style for 1234 and 2345 (`.` = thousands separator). A count is a whole ' +
            'number, so reading them as 1.234 and 2.345 is wrong, never silently accepted. Note that the total ' +
            '`3.579` adds up under BOTH readings, so the sum check does not catch the mistake: the integer rule does.',
          'Expected outcome: import 1234 and 2345 (the importer may show a warning that `.` was read as a thousands ' +
            'separator, pointing at column C). It is not refused; if the project decides that such files must be ' +
            'refused instead, the place to point at is line 5, column C (`Aantal toewijzingen`).',
          'Title and peildatum lines above the header, padded with `;;`. `peildatum: 1-1-2025` is d-m-yyyy = ' +
            '2025-01-01. Gebied label `Boswinkel - de Braker` (spaced hyphen). Plain ASCII, CRLF.',
          'The numbers are invented (and implausibly large for one buurt); the file is about number style.',
        ],
        layout: layoutCsv(text, 'Lines (plain ASCII):'),
      },
    },
    Buffer.from(text, 'latin1'),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Cross-file checks
// ---------------------------------------------------------------------------------------------------------------

interface KruisControle {
  naam: string;
  delen: { bestand: string; filter: Filter };
  geheel: { bestand: string; filter: Filter };
  waarde: number;
}

function kruis(bestanden: Bestand[], naam: string, delen: KruisControle['delen'], geheel: KruisControle['geheel']) {
  const sum = (x: { bestand: string; filter: Filter }) => {
    const recs = bestanden.find((b) => b.bestand === x.bestand)!.records.filter((r) => matches(r, x.filter));
    if (recs.length === 0 || recs.some((r) => r.onderdrukt)) throw new Error(`${naam}: no or suppressed records`);
    return sumOf(recs.map((r) => r.waarde!));
  };
  const a = sum(delen);
  assertEq(naam, a, sum(geheel));
  return { naam, delen, geheel, waarde: a };
}

// ---------------------------------------------------------------------------------------------------------------
// README
// ---------------------------------------------------------------------------------------------------------------

function recordTable(records: Rec[]): string {
  const periode = (r: Rec) => r.peildatum ?? `${r.periode_start} – ${r.periode_eind}`;
  const waarde = (r: Rec) => (r.onderdrukt ? `onderdrukt (${r.min}..${r.max})` : String(r.waarde));
  const dash = (v: string | number | null) => (v === null ? '–' : String(v));
  return [
    '| cel | gebied | maat | wet | OB | subniveau | vorm | meldingstype | peildatum / periode | waarde |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...records.map(
      (r) =>
        `| ${r.bron.kolom}${r.bron.rij} | ${r.gebied} | ${r.maat} | ${dash(r.wet)} | ` +
        `${dash(r.ondersteuningsbehoefte)} | ${dash(r.subniveau)} | ${dash(r.vorm)} | ${dash(r.meldingstype)} | ` +
        `${periode(r)} | ${waarde(r)} |`,
    ),
  ].join('\n');
}

function controleText(c: Controle): string {
  const where = c.totaal_cel ? `${c.totaal_cel.kolom}${c.totaal_cel.rij}` : 'no total row: a figure from another file';
  const sup =
    c.aantal_onderdrukt > 0
      ? `; ${c.aantal_onderdrukt} suppressed, so the true sum is ${c.bereik[0]}..${c.bereik[1]}`
      : '';
  return `- ${c.naam}: sum of shown values ${c.som_getoond}${sup}; total ${c.totaal} (${where}).`;
}

function readme(bestanden: Bestand[], kruisControles: KruisControle[]): string {
  const goed = bestanden.filter((b) => b.uitkomst === 'importeren');
  const overview = [
    '| file | what | outcome | records |',
    '| --- | --- | --- | --- |',
    ...bestanden.map(
      (b) =>
        `| [\`${b.bestand}\`](#${b.bestand.replace(/[^a-z0-9-]/g, '')}) | ${b.doc.titel} | ${b.uitkomst} | ` +
        `${b.records.length} |`,
    ),
  ].join('\n');
  const sections = bestanden.map((b) => {
    const parts = [`## ${b.bestand}`, '', `${b.doc.titel}.`, '', '### Layout', '', b.doc.layout, '', '### Quirks', ''];
    parts.push(...b.doc.eigenaardigheden.map((e) => `- ${e}`), '');
    if (b.weigering) {
      const w = b.weigering;
      parts.push('### Expected refusal', '');
      parts.push(`Reason \`${w.reden}\`. ${w.toelichting}`, '');
      parts.push('| file | sheet | row | column | header |', '| --- | --- | --- | --- | --- |');
      for (const p of w.plaatsen) {
        parts.push(`| ${b.bestand} | ${p.blad ?? '–'} | ${p.rij ?? '–'} | ${p.kolom ?? '–'} | ${p.kop ?? '–'} |`);
      }
      parts.push('');
    } else {
      if (b.invoer.gebied) parts.push(`User input: gebied = \`${b.invoer.gebied}\`.`, '');
      const labels = [...new Set(b.records.map((r) => r.gebied_label))];
      parts.push(`Gebied label(s) in the file: ${labels.map((l) => (l === null ? 'none' : `\`${l}\``)).join(', ')}.`);
      parts.push('', `### Expected records (${b.records.length})`, '', recordTable(b.records), '');
      parts.push('### Totals and checks', '', ...b.controles.map(controleText), '');
      parts.push(
        'Not records: ' +
          b.niet_als_record.map((n) => `${b.soort === 'csv' ? 'line' : 'row'} ${n.rij} (${n.soort})`).join(', ') +
          '; empty rows.',
        '',
      );
    }
    return parts.join('\n');
  });
  const kruisText = kruisControles.map(
    (k) =>
      `- ${k.naam}: ${k.waarde} (\`${k.delen.bestand}\` ${JSON.stringify(k.delen.filter)} = ` +
      `\`${k.geheel.bestand}\` ${JSON.stringify(k.geheel.filter)}).`,
  );
  return `# Cognos test fixtures

Hand-made Cognos exports as gemeenten make them (Excel and CSV), for the Cognos importer. **Generated** by
\`scripts/make-cognos-fixtures.mts\` (\`npx tsx scripts/make-cognos-fixtures.mts\`, add \`--dump\` to print the files as
read back): do not edit the files, this README or \`expected.json\` by hand; change the script and run it again. The
output is deterministic (fixed workbook date ${FIXED_DATE.toISOString()}, no date of today).

Figures: Bijlage 2 of the Enschede report on Boswinkel — de Braker
(\`/work/shared/domain/sources/enschede-hulp-om-de-hoek-boswinkel-de-braker.txt\`): meldingen April 2024 (total 32),
toewijzingen and unieke cliënten per product and Wmo sub-levels on peildatum 2 April 2024. The OCR of that source is
messy; the figures here are the ones fixed in the brief. The layouts are invented to look like real hand-made exports.
Invented: Jan–Mar 2024 for Boswinkel and all Stadsveld-Zuid figures in the transposed file, the Jeugd sub-level
\`<5\` values, the person list and the numbers in \`duizendtallen.csv\`.

${overview}

## Conventions (here and in \`expected.json\`)

- **Rows** are 1-based as Excel shows them; **columns** are letters. For a CSV, \`rij\` is the line number (1-based)
  and \`kolom\` the letter of the field (A = first). \`blad\` is null for a CSV.
- **Records**: one per value cell. Fields: \`gebied\`, \`gebied_label\`, \`maat\`, \`wet\`, \`ondersteuningsbehoefte\`,
  \`subniveau\`, \`vorm\`, \`meldingstype\`, \`peildatum\`, \`periode_start\`, \`periode_eind\`, \`waarde\`, \`onderdrukt\`,
  \`min\`, \`max\`, \`bron\` ({blad, rij, kolom}); every field is present, null when it does not apply. They map onto
  table \`meting\` (\`min\`/\`max\` → \`onderdrukt_min\`/\`onderdrukt_max\`, \`gebied\` → \`gebied_id\`). Records are listed
  in file order (row, then column). Compare \`bron\` only if the importer keeps cell positions.
- **gebied**: the buurt the record belongs to, as the name the project knows (\`${GEBIED}\`, \`${STADSVELD}\`);
  \`gebied_label\` is how the file writes it. The files write the same buurt five ways: \`Boswinkel — de Braker\`
  (em dash), \`Boswinkel-De Braker\`, \`BOSWINKEL DE BRAKER\`, \`Boswinkel/De Braker\`, \`Boswinkel - de Braker\`. They
  match after case folding and treating every run of spaces, hyphens, en/em dashes and slashes as one space
  (\`boswinkel de braker\`). The CBS code is not part of the fixtures: the test supplies the gebieden (Boswinkel-De
  Braker is a buurt of Enschede, GM0153).
- **maat**: \`meldingen\`, \`toewijzingen\` or \`unieke_clienten\`.
- **wet**: \`Wmo\` or \`Jeugdwet\` (the values table \`meting\` allows; files say \`Jeugd\`). Null for meldingen: the
  importer does not derive a wet from a meldingstype.
- **ondersteuningsbehoefte** 1–4; **subniveau** the letter only (\`A\`, \`B\`, \`C\`: \`2C\` is OB 2, subniveau \`C\`),
  null on product level and for \`4 Groepsgerichte inzet Jeugd\`; **vorm** \`individueel\` or \`groep\`.
- **meldingstype**: verbatim, trimmed.
- **peildatum** (toewijzingen, unieke cliënten) or **periode_start/periode_eind** (meldingen), ISO dates; a month is
  its first to last day.
- **Suppressed** \`<5\`: \`waarde: null\`, \`onderdrukt: true\`, \`min: 1\`, \`max: 4\`. Otherwise \`onderdrukt: false\`,
  \`min\`/\`max\` null.
- **Totals** (\`Totaal\`, \`Eindtotaal\`, \`Subtotaal\`) are never records. Where a total covers a \`<5\`, the file holds
  the sum of the shown numbers (as Excel's SUM does). A check holds when the total equals the sum of the shown values,
  or lies within \`bereik\` = [shown + Σmin, shown + Σmax]. \`expected.json\` gives per file \`controles\` with \`filter\`,
  \`totaal\`, \`totaal_cel\`, \`som_getoond\`, \`aantal_onderdrukt\` and \`bereik\`, and \`niet_als_record\` (title, peildatum,
  header, total and footer rows; empty rows are not listed).
- **Refusals** (\`uitkomst: "weigeren"\`): \`weigering\` gives the reason (\`persoonsgegevens\`, \`geen_tabel\`, \`leeg\`;
  the codes are suggestions, the places are the contract) and the places to point at: sheet, row, column, header.
  Nothing is stored from a refused file.

Importable files: ${goed.length}, with ${sumOf(goed.map((b) => b.records.length))} records in all.

${sections.join('\n')}
## Checks across files

${kruisText.join('\n')}
`;
}

// ---------------------------------------------------------------------------------------------------------------
// Write, read back, verify
// ---------------------------------------------------------------------------------------------------------------

function cellText(v: unknown): string {
  return typeof v === 'number' ? String(v) : String(v ?? '');
}

/** Reads a written file back and checks every record's cell shows its value (or `<5`). Returns a dump. */
function verify(b: Bestand, bytes: Buffer): string {
  const expectShown = (r: Rec) => (r.onderdrukt ? '<5' : null);
  if (b.soort === 'csv') {
    const text = new TextDecoder(b.codering === 'windows-1252' ? 'windows-1252' : 'utf-8', { fatal: true }).decode(
      bytes,
    );
    if (!encodeWindows1252(text).equals(bytes)) throw new Error(`${b.bestand}: does not round-trip`);
    const lines = text.split('\r\n');
    for (const r of b.records) {
      const field = lines[r.bron.rij - 1]!.split(';')[XLSX.utils.decode_col(r.bron.kolom)]!;
      const want = expectShown(r) ?? String(r.waarde);
      const got = b.bestand === 'duizendtallen.csv' ? field.replace(/\./g, '') : field;
      if (got !== want) throw new Error(`${b.bestand} ${r.bron.kolom}${r.bron.rij}: ${field}, expected ${want}`);
    }
    return text;
  }
  const wb = XLSX.read(bytes, { type: 'buffer', cellFormula: true });
  for (const r of b.records) {
    const ws = wb.Sheets[r.bron.blad!];
    const cell = ws?.[`${r.bron.kolom}${r.bron.rij}`] as XLSX.CellObject | undefined;
    const want = expectShown(r) ?? String(r.waarde);
    if (cellText(cell?.v) !== want) throw new Error(`${b.bestand} ${r.bron.kolom}${r.bron.rij}: ${cell?.v} ≠ ${want}`);
  }
  for (const c of b.controles) {
    if (!c.totaal_cel) continue;
    const cell = wb.Sheets[c.totaal_cel.blad!]?.[`${c.totaal_cel.kolom}${c.totaal_cel.rij}`] as XLSX.CellObject;
    if (cellText(cell?.v) !== String(c.totaal)) throw new Error(`${b.bestand}: total ${c.naam} is ${cell?.v}`);
  }
  return wb.SheetNames.map((n) => {
    const ws = wb.Sheets[n]!;
    const merges = (ws['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m)).join(', ');
    const formulas = Object.entries(ws)
      .filter(([k, c]) => !k.startsWith('!') && (c as XLSX.CellObject).f)
      .map(([k, c]) => `${k}=${(c as XLSX.CellObject).f}`)
      .join(', ');
    return (
      `[${n}] ref=${ws['!ref'] ?? '(none)'}` +
      (merges ? ` merges=${merges}` : '') +
      (formulas ? ` formulas: ${formulas}` : '') +
      '\n' +
      XLSX.utils.sheet_to_csv(ws, { FS: ' | ', blankrows: true })
    );
  }).join('\n');
}

const made = [
  meldingenApril(),
  toewijzingen(),
  wmoSubniveaus(),
  gegroepeerd(),
  meldingenCsv(),
  transposed(),
  persoonsgegevens(),
  alleenTitel(),
  leeg(),
  duizendtallen(),
];
const bestanden = made.map(([b]) => b);
if (!bestanden.some((b) => b.bestand === 'boswinkel-meldingen.csv' && /é/.test(b.doc.layout))) {
  throw new Error('boswinkel-meldingen.csv should contain é');
}

const kruisControles: KruisControle[] = [
  kruis(
    bestanden,
    'OB1 Wmo sub-levels = product OB1 Wmo (68)',
    { bestand: 'boswinkel-wmo-subniveaus.xlsx', filter: { wet: 'Wmo', ondersteuningsbehoefte: 1 } },
    {
      bestand: 'boswinkel-toewijzingen-2024-04-02.xlsx',
      filter: { maat: 'toewijzingen', wet: 'Wmo', ondersteuningsbehoefte: 1 },
    },
  ),
  kruis(
    bestanden,
    'OB2 Wmo sub-levels = product OB2 Wmo (41)',
    { bestand: 'boswinkel-wmo-subniveaus.xlsx', filter: { wet: 'Wmo', ondersteuningsbehoefte: 2 } },
    {
      bestand: 'boswinkel-toewijzingen-2024-04-02.xlsx',
      filter: { maat: 'toewijzingen', wet: 'Wmo', ondersteuningsbehoefte: 2 },
    },
  ),
  kruis(
    bestanden,
    'Grouped layout = two-table layout (Wmo, 109)',
    { bestand: 'boswinkel-toewijzingen-gegroepeerd.xlsx', filter: { wet: 'Wmo' } },
    { bestand: 'boswinkel-wmo-subniveaus.xlsx', filter: { wet: 'Wmo' } },
  ),
  kruis(
    bestanden,
    'Meldingen April 2024: xlsx = csv (32)',
    { bestand: 'boswinkel-meldingen-april-2024.xlsx', filter: { maat: 'meldingen' } },
    { bestand: 'boswinkel-meldingen.csv', filter: { maat: 'meldingen' } },
  ),
  kruis(
    bestanden,
    'Meldingen April 2024: by meldingstype = transposed Boswinkel apr 2024 (32)',
    { bestand: 'boswinkel-meldingen-april-2024.xlsx', filter: { maat: 'meldingen' } },
    { bestand: 'meldingen-per-buurt-transposed.xlsx', filter: { gebied: GEBIED, periode_start: '2024-04-01' } },
  ),
];

mkdirSync(DIR, { recursive: true });
const dumps: string[] = [];
for (const [b, bytes] of made) {
  writeFileSync(new URL(b.bestand, DIR), bytes);
  dumps.push(
    `=== ${b.bestand} (${bytes.length} bytes, ${b.records.length} records, ${b.uitkomst})\n${verify(b, bytes)}`,
  );
}

const expected = {
  toelichting:
    'Generated by scripts/make-cognos-fixtures.mts; see README.md for the conventions. Per file: the records an ' +
    'importer must produce (in file order), the checks against the totals in the file, the rows that are not ' +
    'records, and for refused files the places to point at.',
  gebieden: [
    {
      naam: GEBIED,
      labels: [
        ...new Set(
          bestanden
            .flatMap((b) => b.records)
            .filter((r) => r.gebied === GEBIED)
            .map((r) => r.gebied_label),
        ),
      ].filter((l) => l !== null),
    },
    { naam: STADSVELD, labels: [STADSVELD] },
  ],
  bestanden: bestanden.map(({ doc: _doc, ...b }) => b),
  controles_over_bestanden: kruisControles,
};
writeFileSync(new URL('expected.json', DIR), JSON.stringify(expected, null, 2) + '\n');

const readmePath = fileURLToPath(new URL('README.md', DIR));
const config = (await prettier.resolveConfig(readmePath)) ?? {};
writeFileSync(readmePath, await prettier.format(readme(bestanden, kruisControles), { ...config, parser: 'markdown' }));

if (process.argv.includes('--dump')) console.log(dumps.join('\n\n'));
for (const b of bestanden) console.log(`${b.bestand}: ${b.uitkomst}, ${b.records.length} records`);
console.log(`tests/fixtures/cognos/: ${bestanden.length} files, expected.json, README.md written`);
