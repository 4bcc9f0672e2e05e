/**
 * Generated CBS files with the problems real downloads have (and some hostile ones), through the project service:
 * each problem is named with its file, row (1-based, as in the file) and column, and a refused import writes nothing.
 */
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import type { CbsImportOptions, CbsPreview, ImportFile } from '../../../../../shared/contract';
import type { ImportIssue } from '../../../../../shared/importers/types';
import { formatIssue, formatMessage } from '../../../../../shared/i18n/messages';
import nl from '../../../../../shared/i18n/nl.json';
import { unwrap } from '../../../../../shared/result';
import { createProjectService } from '../../../../../shared/service/project-service';
import { FIXED_NOW, sha256, sql } from '../../../../helpers/db';

const FIXTURES = new URL('../../../../fixtures/cbs/', import.meta.url);

type Service = ReturnType<typeof createProjectService>;

// ------------------------------------------------------------------ building files

const utf8 = (s: string) => new TextEncoder().encode(s);
const file = (name: string, content: string | Uint8Array): ImportFile => ({
  name,
  bytes: typeof content === 'string' ? utf8(content) : content,
});

/** Windows-1252 (what Excel on Windows writes): Latin-1 plus typographic quotes, dashes and € in 0x80–0x9F. */
const CP1252_EXTRA: Readonly<Record<string, number>> = {
  '€': 0x80,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '–': 0x96,
};
function cp1252(s: string): Uint8Array {
  return Uint8Array.from([...s], (ch) => {
    const c = ch.codePointAt(0)!;
    if (Object.hasOwn(CP1252_EXTRA, ch)) return CP1252_EXTRA[ch]!;
    if (c > 0xff || (c >= 0x80 && c < 0xa0)) throw new Error(`not in Windows-1252: ${ch}`);
    return c;
  });
}

/** A StatLine CSV as CBS writes it: `;`, every field quoted. */
function quotedCsv(rows: readonly (readonly (string | number)[])[], eol = '\r\n'): string {
  return rows.map((r) => r.map((c) => `"${String(c).replace(/"/g, '""')}"`).join(';')).join(eol) + eol;
}

function xlsxBytes(rows: readonly (readonly (string | number)[])[], sheet = 'kwb-2023'): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet(rows.map((r) => [...r]));
  const out = XLSX.write({ SheetNames: [sheet], Sheets: { [sheet]: ws } }, { type: 'array', bookType: 'xlsx' });
  return new Uint8Array(out as ArrayBuffer);
}

interface CfbEntry {
  content: Uint8Array | number[];
}
interface Cfb {
  read(data: Uint8Array, opts: { type: 'array' }): unknown;
  find(container: unknown, path: string): CfbEntry | null;
  write(container: unknown, opts: { fileType: 'zip'; type: 'array' }): Uint8Array | ArrayBuffer;
}

/**
 * Rewrites the sheet XML inside a written xlsx: for what SheetJS refuses to write (a 100 kB cell; Excel's limit is
 * 32,767 characters) or is too slow to write (a sheet claiming a million rows).
 */
function patchSheetXml(xlsx: Uint8Array, patch: (xml: string) => string): Uint8Array {
  const CFB = (XLSX as unknown as { CFB: Cfb }).CFB;
  const zip = CFB.read(xlsx, { type: 'array' });
  const sheet = CFB.find(zip, '/xl/worksheets/sheet1.xml');
  if (!sheet) throw new Error('no sheet1.xml');
  const xml = new TextDecoder().decode(Uint8Array.from(sheet.content));
  const patched = patch(xml);
  if (patched === xml) throw new Error('patch changed nothing');
  sheet.content = utf8(patched);
  const written = CFB.write(zip, { fileType: 'zip', type: 'array' });
  return written instanceof Uint8Array ? written : new Uint8Array(written);
}

/** Deterministic "random" bytes (xorshift), never starting like a zip or an OLE file. */
function noise(length: number, seed = 0x2545f491): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  out[0] = 0x8f;
  return out;
}

const UNTYPED_HEADER = ['ID', 'WijkenEnBuurten', 'SoortRegio_2', 'Codering_3', 'AantalInwoners_5', 'Mannen_6'];
const LABELLED_HEADER = [
  'Wijken en buurten',
  'Regioaanduiding/Gemeentenaam (naam)',
  'Regioaanduiding/Soort regio (omschrijving)',
  'Regioaanduiding/Codering (code)',
  'Bevolking/Aantal inwoners (aantal)',
  'Bevolking/Geslacht/Mannen (aantal)',
  'Wonen/Gemiddelde WOZ-waarde van woningen (x 1 000 euro)',
  'Nabijheid/Afstand tot huisartsenpraktijk (km)',
];
const LABELLED_ROWS: readonly (readonly string[])[] = [
  ['Utrecht', 'Utrecht', 'Gemeente', 'GM0344    ', '  361924', '  177463', '     341', '     0.7'],
  ['Wijk 01 West', 'Utrecht', 'Wijk', 'WK034401  ', '   29400', '   14245', '     298', '     0.5'],
  ['Welgelegen, Den Hommel', 'Utrecht', 'Buurt', 'BU03440111', '    1810', '     845', '       .', '     0.6'],
  ['Oog in Al', 'Utrecht', 'Buurt', 'BU03440112', '    4020', '       x', '     512', '     0.9'],
];

/** The untyped StatLine file of one gemeente with `wijken` × `buurten` buurten (for the cancel test). */
function bigUntyped(wijken: number, buurten: number): string {
  const rows: (string | number)[][] = [UNTYPED_HEADER];
  rows.push([1, 'GM0344    ', 'Gemeente  ', 'GM0344    ', wijken * buurten * 10, wijken * buurten * 5]);
  for (let w = 0; w < wijken; w++) {
    const wk = `WK0344${String(w).padStart(2, '0')}`;
    rows.push([rows.length, `${wk}  `, 'Wijk      ', `${wk}  `, buurten * 10, buurten * 5]);
    for (let b = 0; b < buurten; b++) {
      const bu = `BU0344${String(w).padStart(2, '0')}${String(b).padStart(2, '0')}`;
      rows.push([rows.length, bu, 'Buurt     ', bu, 10, 5]);
    }
  }
  return quotedCsv(rows);
}

// ------------------------------------------------------------------ the service and "nothing written"

interface Project {
  readonly s: Service;
  /** sha256 of the exported project before anything was tried. */
  readonly hash: string;
}

async function projectHash(s: Service): Promise<string> {
  return sha256(unwrap(await s.exportProject()));
}

async function project(): Promise<Project> {
  const s = createProjectService({ SQL: await sql(), now: () => FIXED_NOW, sha256 });
  unwrap(await s.createProject('Foute bestanden'));
  return { s, hash: await projectHash(s) };
}

async function expectNothingWritten(p: Project) {
  expect(await projectHash(p.s), 'project bytes changed').toBe(p.hash);
  expect(unwrap(await p.s.exportTable('bronnen')).rows).toHaveLength(0);
  expect(unwrap(await p.s.exportTable('gebieden')).rows).toHaveLength(0);
  expect(unwrap(await p.s.exportTable('indicatoren')).rows).toHaveLength(0);
}

/** Preview shows exactly these problems; the import is refused and the project stays as it was. */
async function expectRefused(
  f: ImportFile,
  problemen: readonly ImportIssue[],
  options: CbsImportOptions = {},
): Promise<CbsPreview> {
  const p = await project();
  const preview = unwrap(await p.s.previewCbsImport(f, options));
  expect(preview.problemen).toEqual(problemen);
  expect(preview.kanImporteren).toBe(false);
  const r = await p.s.importCbs(f, options);
  expect(r).toMatchObject({
    ok: false,
    error: {
      code: 'import.fouten-in-bestand',
      params: { bestand: f.name, aantal: problemen.filter((i) => i.level === 'fout').length },
    },
  });
  await expectNothingWritten(p);
  return preview;
}

async function importOk(s: Service, f: ImportFile, options: CbsImportOptions = {}) {
  const preview = unwrap(await s.previewCbsImport(f, options));
  expect(preview.fouten, JSON.stringify(preview.problemen)).toBe(0);
  const r = await s.importCbs(f, options);
  if (!r.ok) throw new Error(`import of ${f.name} failed: ${JSON.stringify(r.error)}`);
  return { preview, outcome: r.value };
}

async function values(s: Service): Promise<Record<string, number | null>> {
  const t = unwrap(await s.exportTable('indicatoren'));
  return Object.fromEntries(
    t.rows.map(([code, jaar, ind, waarde]) => [`${code}|${jaar}|${ind}`, waarde as number | null]),
  );
}

async function names(s: Service): Promise<Record<string, string>> {
  const t = unwrap(await s.exportTable('gebieden'));
  return Object.fromEntries(t.rows.map(([code, naam]) => [String(code), String(naam)]));
}

// ------------------------------------------------------------------ the bad files, also used for the messages test

const BAD = {
  partners: () =>
    file(
      'partners-wijkteams-2024.csv',
      'naam;soort;adres;postcode;plaats;website\r\n' +
        'Buurtteam Oost;welzijn;Oosterstraat 1;3581 AB;Utrecht;https://example.org\r\n' +
        'Jeugdhulp Twente;jeugd;Hengelosestraat 10;7514 AE;Enschede;\r\n',
    ),
  partnersJson: () =>
    file(
      'twente-aanbieders.json',
      JSON.stringify([{ p: 'Jeugdhulp Twente', w: 'Ambulante hulp', l: 'Enschede / Twente', i: 6 }]),
    ),
  onlyNederland: () =>
    file('kwb-2023-nederland.csv', 'gwb_code_10;regio;recs;a_inw\r\nNL00;Nederland;Land;17811291\r\n'),
  duplicate: () =>
    file(
      'statline-untyped-2019-dubbel.csv',
      quotedCsv([
        UNTYPED_HEADER,
        [1, 'GM0344    ', 'Gemeente  ', 'GM0344    ', '  352866', '  172857'],
        [2, 'WK034401  ', 'Wijk      ', 'WK034401  ', '   29400', '   14245'],
        [3, 'GM0344', 'Gemeente  ', 'GM0344', '  352866', '  172857'],
      ]),
    ),
  notANumber: () =>
    file('kwb-2023-veel.csv', 'gwb_code_10;regio;a_inw\r\nGM0344;Utrecht;361924\r\nBU03440111;Welgelegen;veel\r\n'),
  invalidCode: () =>
    file(
      'kwb-2023-code.csv',
      'gwb_code_10;regio;recs;a_inw\r\nGM0344;Utrecht;Gemeente;361924\r\nBU123;Ergens;Buurt;100\r\n',
    ),
  noYear: () =>
    file(
      'kerncijfers-wijken-en-buurten.csv',
      quotedCsv([UNTYPED_HEADER, [1, 'GM0344    ', 'Gemeente  ', 'GM0344    ', '  352866', '  172857']]),
    ),
  empty: () => file('leeg-2023.csv', new Uint8Array(0)),
  randomXlsx: () => file('kwb-2023.xlsx', noise(8192)),
  cutXlsx: () => {
    const real = new Uint8Array(readFileSync(new URL('kwb-2023-utrecht.xlsx', FIXTURES)));
    return file('kwb-2023-afgebroken.xlsx', real.slice(0, Math.floor(real.length / 2)));
  },
  pathological: () =>
    file(
      'kwb-2023-vreemd.csv',
      `gwb_code_10;regio;a_inw;a_man\r\nGM0344;${' '.repeat(100_000)};${'<'.repeat(100_000)};${' '.repeat(100_000)}\r\n`,
    ),
};

describe('CBS import: files that are not (quite) CBS tables', () => {
  it('a CSV or JSON that is not a CBS table (a partner list) → cbs.geen-cbs-tabel, nothing written', async () => {
    const csv = BAD.partners();
    await expectRefused(csv, [{ level: 'fout', code: 'cbs.geen-cbs-tabel', file: csv.name }]);
    const json = BAD.partnersJson();
    await expectRefused(json, [{ level: 'fout', code: 'cbs.geen-cbs-tabel', file: json.name }]);
  });

  it('a truncated CBS CSV (cut in the middle of a number) never imports the cut row as if it were complete', async () => {
    const name = 'statline-untyped-2019-utrecht.csv';
    const text = readFileSync(new URL(name, FIXTURES), 'utf8').replace(/\n$/, '');
    const lineStart = text.lastIndexOf('\n') + 1;
    const lastLine = text.slice(lineStart);
    const lastRow = text.split('\n').length; // 1-based row of the last line
    expect(lastRow).toBe(123);
    const lastCode = lastLine.split(';')[1]!.replace(/"/g, '').trim();
    expect(lastCode).toMatch(/^BU0344\d{4}$/);
    // Cut after the first two digits of AantalInwoners_5 (the fifth field), inside its quotes, as an aborted download
    // does: BU03441041's "     240" becomes "     24.
    const head = /^(?:"[^"]*";){4}"\s*\d\d(?=\d)/.exec(lastLine);
    expect(head).not.toBeNull();
    const cut = text.slice(0, lineStart + head![0].length);
    const f = file('statline-untyped-2019-utrecht-afgebroken.csv', cut);

    const p = await project();
    const preview = unwrap(await p.s.previewCbsImport(f, {}));
    if (preview.fouten > 0) {
      // Either: the broken row is reported precisely, and nothing is written …
      expect(preview.problemen).toContainEqual(expect.objectContaining({ level: 'fout', file: f.name, row: lastRow }));
      expect((await p.s.importCbs(f, {})).ok).toBe(false);
      await expectNothingWritten(p);
    } else {
      // … or: the complete rows are imported and the cut one is left out.
      expect(preview.aantallen, `row ${lastRow} (${lastCode}) is cut off but was read as complete`).toEqual({
        land: 0,
        gemeente: 1,
        wijk: 10,
        buurt: 110,
      });
      unwrap(await p.s.importCbs(f, {}));
      expect(Object.keys(await names(p.s))).not.toContain(lastCode);
    }
  });

  const ENCODING_HEADER = [
    'Wijken en buurten',
    'Regioaanduiding/Codering (code)',
    'Bevolking/Aantal inwoners (aantal)',
    'Oppervlakte/Oppervlakte land (km²)',
  ];

  it('UTF-8 with BOM, UTF-8 without BOM and Windows-1252 files give the same names and labels', async () => {
    const text = quotedCsv([
      ENCODING_HEADER,
      ['Súdwest-Fryslân', 'GM1900', '90950', '522'],
      ['Wâldwei', 'WK190001', '1200', '31'],
      ['Iëns, Café Hôf', 'BU19000101', '210', '4'],
    ]);
    const variants = [
      file('sudwest-2023-bom.csv', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(text)])),
      file('sudwest-2023-utf8.csv', utf8(text)),
      file('sudwest-2023-ansi.csv', cp1252(text)),
    ];
    expect(variants[2]!.bytes).toContain(0xfa); // ú as one byte: not UTF-8
    for (const f of variants) {
      const p = await project();
      const { preview } = await importOk(p.s, f);
      expect(preview.aantallen).toEqual({ land: 0, gemeente: 1, wijk: 1, buurt: 1 });
      expect(preview.gemeenten).toEqual([{ code: 'GM1900', naam: 'Súdwest-Fryslân' }]);
      expect(preview.indicatoren.find((i) => i.kolom === ENCODING_HEADER[3])?.eenheid).toBe('km²');
      const n = await names(p.s);
      expect(n, f.name).toEqual({ GM1900: 'Súdwest-Fryslân', WK190001: 'Wâldwei', BU19000101: 'Iëns, Café Hôf' });
      expect((await values(p.s))['GM1900|2023|inwoners']).toBe(90950);
    }
  });

  it('Windows-1252 bytes 0x80–0x9F (’ –) decode as Windows-1252, also under Node (the CLI), not as Latin-1', async () => {
    // Excel on Windows writes ’ as 0x92 and – as 0x96. Browsers decode these per the WHATWG table; Node >= 20.18.3
    // decodes them as the C1 controls U+0092/U+0096 (nodejs/node#60888), and the CLI runs the importer in Node.
    const text = quotedCsv([
      ENCODING_HEADER,
      ['Súdwest-Fryslân', 'GM1900', '90950', '522'],
      ['Boswinkel–de Braker', 'WK190001', '1200', '31'],
      ['’t Hôf', 'BU19000101', '210', '4'],
    ]);
    const f = file('sudwest-2023-ansi-typografisch.csv', cp1252(text));
    expect(f.bytes).toContain(0x92);
    const p = await project();
    await importOk(p.s, f);
    expect(await names(p.s)).toEqual({
      GM1900: 'Súdwest-Fryslân',
      WK190001: 'Boswinkel–de Braker',
      BU19000101: '’t Hôf',
    });
  });

  it('a file with only the Nederland row → cbs.alleen-nederland', async () => {
    const f = BAD.onlyNederland();
    await expectRefused(f, [{ level: 'fout', code: 'cbs.alleen-nederland', file: f.name }]);
  });

  it('a code twice (padded and unpadded) → cbs.code-dubbel naming both rows', async () => {
    const f = BAD.duplicate();
    await expectRefused(f, [
      {
        level: 'fout',
        code: 'cbs.code-dubbel',
        file: f.name,
        row: 4,
        column: 'WijkenEnBuurten',
        params: { code: 'GM0344', eerder: 2 },
      },
    ]);
  });

  it('Dutch decimal commas ("1,9") and thousands separators ("1.234") in a semicolon CSV', async () => {
    const f = file(
      'kwb-2023-nederlands.csv',
      'gwb_code_10;regio;a_inw;g_hhgro;bev_dich\r\n' +
        'GM0344;Utrecht;361.924;1,9;3.924\r\n' +
        'WK034401;Wijk 01 West;29.400;1,8;8.112\r\n' +
        'BU03440111;Welgelegen, Den Hommel;1.810;1,6;5.029\r\n',
    );
    const p = await project();
    await importOk(p.s, f);
    const v = await values(p.s);
    expect(v['GM0344|2023|gemiddelde_huishoudensgrootte']).toBe(1.9);
    expect(v['BU03440111|2023|gemiddelde_huishoudensgrootte']).toBe(1.6);
    expect({
      GM0344: v['GM0344|2023|inwoners'],
      WK034401: v['WK034401|2023|inwoners'],
      BU03440111: v['BU03440111|2023|inwoners'],
      dichtheid: v['GM0344|2023|bevolkingsdichtheid'],
    }).toEqual({ GM0344: 361924, WK034401: 29400, BU03440111: 1810, dichtheid: 3924 });
  });

  it('a value that is not a number ("veel") → cbs.geen-getal naming row and column', async () => {
    const f = BAD.notANumber();
    await expectRefused(f, [
      { level: 'fout', code: 'cbs.geen-getal', file: f.name, row: 3, column: 'a_inw', params: { waarde: 'veel' } },
    ]);
  });

  it('an invalid code ("BU123") → cbs.code-ongeldig, also in a narrow file of code and one figure', async () => {
    const f = BAD.invalidCode();
    await expectRefused(f, [
      {
        level: 'fout',
        code: 'cbs.code-ongeldig',
        file: f.name,
        row: 3,
        column: 'gwb_code_10',
        params: { waarde: 'BU123' },
      },
    ]);
    // Two filled cells must not make a data row pass for a footer ("Bron: CBS") and vanish without a word.
    const narrow = file('kwb-2023-smal.csv', 'gwb_code_10;a_inw\r\nGM0344;361924\r\nBU123;100\r\n');
    await expectRefused(narrow, [
      {
        level: 'fout',
        code: 'cbs.code-ongeldig',
        file: narrow.name,
        row: 3,
        column: 'gwb_code_10',
        params: { waarde: 'BU123' },
      },
    ]);
  });

  it('a classic StatLine export with title lines and a "Bron: CBS" footer imports, with the year from the title', async () => {
    const body = quotedCsv([LABELLED_HEADER, ...LABELLED_ROWS]);
    const classic = file(
      'Kerncijfers_wijken_en_buurten.csv',
      `"Kerncijfers wijken en buurten 2022"\r\n\r\n${body}\r\n"Bron: CBS"\r\n`,
    );
    const p = await project();
    const { preview, outcome } = await importOk(p.s, classic);
    expect(preview).toMatchObject({ jaar: 2022, jaarBron: 'titel', aantallen: { gemeente: 1, wijk: 1, buurt: 2 } });
    expect(outcome.jaar).toBe(2022);

    const normal = await project();
    await importOk(normal.s, file('kerncijfers.csv', body), { jaar: 2022 });
    expect(await values(p.s)).toEqual(await values(normal.s));
    expect(await names(p.s)).toEqual(await names(normal.s));
    expect((await values(p.s))['BU03440111|2022|inwoners']).toBe(1810);
  });

  it('a classic export whose title has a comma ("Nabijheid voorzieningen, wijk- en buurtcijfers 2022") still reads', async () => {
    // CBS table titles often contain commas; the delimiter is the header's, not the title's.
    const body = quotedCsv([LABELLED_HEADER, ...LABELLED_ROWS]);
    const f = file(
      'Nabijheid_voorzieningen.csv',
      `"Nabijheid voorzieningen, wijk- en buurtcijfers 2022"\r\n\r\n${body}`,
    );
    const p = await project();
    const { preview } = await importOk(p.s, f);
    expect(preview).toMatchObject({ jaar: 2022, jaarBron: 'titel', aantallen: { gemeente: 1, wijk: 1, buurt: 2 } });
  });

  it('a transposed labelled export (regions as columns) imports the same values as the normal layout', async () => {
    const normalRows = [LABELLED_HEADER, ...LABELLED_ROWS];
    const transposed = LABELLED_HEADER.map((_, c) => normalRows.map((r) => r[c]!));
    transposed[0]![0] = 'Onderwerp';
    const name = 'kerncijfers-2023-getransponeerd.csv';
    expect(transposed.find((r) => r[0] === 'Regioaanduiding/Codering (code)')).toBeDefined();

    const normal = await project();
    await importOk(normal.s, file('kerncijfers-2023.csv', quotedCsv(normalRows)));
    const p = await project();
    const { preview } = await importOk(p.s, file(name, quotedCsv(transposed)));
    expect(preview.aantallen).toEqual({ land: 0, gemeente: 1, wijk: 1, buurt: 2 });
    expect(await values(p.s)).toEqual(await values(normal.s));
    expect(await names(p.s)).toEqual(await names(normal.s));
  });

  it('OData JSON (value records + DataProperties) takes labels from the metadata and the year from 85984NED', async () => {
    const doc = {
      'odata.metadata': 'https://opendata.cbs.nl/ODataApi/OData/85984NED/$metadata#Cbs.OData.WebAPI.TypedDataSet',
      value: [
        {
          ID: 0,
          WijkenEnBuurten: 'GM0344    ',
          Gemeentenaam_1: 'Utrecht                                 ',
          SoortRegio_2: 'Gemeente  ',
          Codering_3: 'GM0344    ',
          AantalInwoners_5: 374238,
          Mannen_6: 183120,
          Speeltuinen_99: 1.2,
        },
        {
          ID: 1,
          WijkenEnBuurten: 'BU03440111',
          Gemeentenaam_1: 'Utrecht                                 ',
          SoortRegio_2: 'Buurt     ',
          Codering_3: 'BU03440111',
          AantalInwoners_5: 1830,
          Mannen_6: null,
          Speeltuinen_99: 0.3,
        },
      ],
      DataProperties: [
        { Key: 'Gemeentenaam_1', Title: 'Gemeentenaam', Unit: 'naam', Decimals: 0 },
        { Key: 'AantalInwoners_5', Title: 'Aantal inwoners', Unit: 'aantal', Decimals: 0 },
        { Key: 'Mannen_6', Title: 'Mannen', Unit: 'aantal', Decimals: 0 },
        { Key: 'Speeltuinen_99', Title: 'Afstand tot speeltuin (proef)', Unit: 'km', Decimals: 1 },
      ],
    };
    const p = await project();
    const { preview, outcome } = await importOk(p.s, file('wijken.json', JSON.stringify(doc)));
    expect(preview).toMatchObject({ formaat: 'odata', jaar: 2024, jaarBron: 'tabel' });
    expect(outcome.jaar).toBe(2024);
    expect(preview.aantallen).toEqual({ land: 0, gemeente: 1, wijk: 0, buurt: 1 });
    expect(preview.indicatoren).toEqual([
      { sleutel: 'inwoners', label: 'Aantal inwoners', kolom: 'AantalInwoners_5', canoniek: true, eenheid: 'aantal' },
      { sleutel: 'cbs_mannen', label: 'Mannen', kolom: 'Mannen_6', canoniek: false, eenheid: 'aantal' },
      {
        sleutel: 'cbs_speeltuinen',
        label: 'Afstand tot speeltuin (proef)',
        kolom: 'Speeltuinen_99',
        canoniek: false,
        eenheid: 'km',
      },
    ]);
    expect(await values(p.s)).toEqual({
      'BU03440111|2024|cbs_mannen': null,
      'BU03440111|2024|cbs_speeltuinen': 0.3,
      'BU03440111|2024|inwoners': 1830,
      'GM0344|2024|cbs_mannen': 183120,
      'GM0344|2024|cbs_speeltuinen': 1.2,
      'GM0344|2024|inwoners': 374238,
    });
    const profiel = unwrap(await p.s.getGebiedProfiel('BU03440111', 2024))!;
    expect(profiel.rijen.find((r) => r.sleutel === 'cbs_mannen')).toMatchObject({ waarde: null, status: 'ontbreekt' });
    expect((await names(p.s)).GM0344).toBe('Utrecht');
  });

  it('no year anywhere → cbs.jaar-onbekend; with the year given it imports', async () => {
    const f = BAD.noYear();
    await expectRefused(f, [{ level: 'fout', code: 'cbs.jaar-onbekend', file: f.name }]);
    const p = await project();
    const { preview, outcome } = await importOk(p.s, f, { jaar: 2021 });
    expect(preview).toMatchObject({ jaar: 2021, jaarBron: 'optie' });
    expect(outcome.jaar).toBe(2021);
    expect(unwrap(await p.s.getGebieden()).jaren).toEqual([2021]);
    expect((await values(p.s))['GM0344|2021|inwoners']).toBe(352866);
  });
});

describe('CBS import: hostile and broken files', () => {
  it('header cells named __proto__, constructor and toString are ordinary indicators (xlsx and JSON)', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const header = ['gwb_code_10', 'regio', 'a_inw', '__proto__', 'constructor', 'toString'];
    const f = file(
      'kwb-2023-proto.xlsx',
      xlsxBytes([header, ['GM0344', 'Utrecht', 361924, 1, 2, 3], ['BU03440111', 'Welgelegen', 1810, 4, 5, 6]]),
    );
    const p = await project();
    const { preview } = await importOk(p.s, f);
    expect(preview.indicatoren.map((i) => [i.kolom, i.sleutel])).toEqual([
      ['a_inw', 'inwoners'],
      ['__proto__', 'cbs_proto'],
      ['constructor', 'cbs_constructor'],
      ['toString', 'cbs_tostring'],
    ]);
    expect(await values(p.s)).toEqual({
      'BU03440111|2023|cbs_constructor': 5,
      'BU03440111|2023|cbs_proto': 4,
      'BU03440111|2023|cbs_tostring': 6,
      'BU03440111|2023|inwoners': 1810,
      'GM0344|2023|cbs_constructor': 2,
      'GM0344|2023|cbs_proto': 1,
      'GM0344|2023|cbs_tostring': 3,
      'GM0344|2023|inwoners': 361924,
    });

    const json = `{"value":[{"WijkenEnBuurten":"GM0344    ","AantalInwoners_5":361924,"__proto__":7,"constructor":8,"toString":9}],"odata.metadata":"85618NED"}`;
    const q = await project();
    const r = await importOk(q.s, file('wijken.json', json));
    expect(r.preview.jaar).toBe(2023);
    expect(r.preview.indicatoren.map((i) => i.kolom)).toEqual([
      'AantalInwoners_5',
      '__proto__',
      'constructor',
      'toString',
    ]);
    expect(Object.values(await values(q.s)).sort()).toEqual([361924, 7, 8, 9].sort());

    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(Object.prototype.toString.call([])).toBe('[object Array]');
    expect(({} as Record<string, unknown>).cbs_proto).toBeUndefined();
  });

  it('an xlsx that claims A1:Z1048576 but has three rows reads quickly, with the real rows only', async () => {
    // SheetJS takes ~15 s to *write* a sheet with such a !ref, so the dimension is patched into the written file.
    const plain = xlsxBytes([
      ['gwb_code_10', 'regio', 'a_inw'],
      ['GM0344', 'Utrecht', 361924],
      ['BU03440111', 'Welgelegen, Den Hommel', 1810],
    ]);
    const bytes = patchSheetXml(plain, (xml) =>
      xml.replace('<dimension ref="A1:C3"/>', '<dimension ref="A1:Z1048576"/>'),
    );
    expect(XLSX.read(bytes, { type: 'array', sheetRows: 1 }).Sheets['kwb-2023']?.['!fullref']).toBe('A1:Z1048576');

    const p = await project();
    const t0 = performance.now();
    const { preview } = await importOk(p.s, file('kwb-2023-groot-bereik.xlsx', bytes));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(preview.aantallen).toEqual({ land: 0, gemeente: 1, wijk: 0, buurt: 1 });
    const bron = unwrap(await p.s.exportTable('bronnen')).rows[0]!;
    expect(bron.slice(5)).toEqual([2, 2, 0]); // rijen_gelezen, rijen_geimporteerd, rijen_overgeslagen
    expect(await values(p.s)).toEqual({ 'BU03440111|2023|inwoners': 1810, 'GM0344|2023|inwoners': 361924 });
  });

  it('cells of 100 kB of spaces or of "<" parse in well under 2 s (CSV and xlsx)', async () => {
    const big = ' '.repeat(100_000);
    for (const f of [
      BAD.pathological(),
      file(
        'kwb-2023-vreemd.xlsx',
        patchSheetXml(
          xlsxBytes([
            ['gwb_code_10', 'regio', 'a_inw', 'a_man'],
            ['GM0344', 'SPATIES', 'KLEINER', 'SPATIES'],
          ]),
          (xml) =>
            xml
              .replaceAll('<v>SPATIES</v>', `<v xml:space="preserve">${big}</v>`)
              .replace('<v>KLEINER</v>', `<v>${'&lt;'.repeat(100_000)}</v>`),
        ),
      ),
    ]) {
      const p = await project();
      const t0 = performance.now();
      const preview = unwrap(await p.s.previewCbsImport(f, {}));
      expect(performance.now() - t0, f.name).toBeLessThan(2000);
      expect(preview.problemen).toEqual([
        {
          level: 'fout',
          code: 'cbs.geen-getal',
          file: f.name,
          ...(f.name.endsWith('.xlsx') ? { sheet: 'kwb-2023' } : {}),
          row: 2,
          column: 'a_inw',
          params: { waarde: '<'.repeat(40) },
        },
      ]);
      expect((await p.s.importCbs(f, {})).ok).toBe(false);
      await expectNothingWritten(p);
    }
  });

  it('a header cell with 100 kB of spaces inside a label parses in well under 2 s', async () => {
    const header = [...LABELLED_HEADER.slice(0, 4), `Bevolking/Aantal${' '.repeat(100_000)}inwoners (aantal)`];
    const f = file('kerncijfers-2023-lange-kop.csv', quotedCsv([header, LABELLED_ROWS[0]!.slice(0, 5)]));
    const p = await project();
    const t0 = performance.now();
    const preview = unwrap(await p.s.previewCbsImport(f, {}));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(preview.aantallen.gemeente).toBe(1);
  });

  it('an empty file → import.leeg-bestand; random or cut-off bytes named .xlsx → unreadable or not CBS', async () => {
    const empty = BAD.empty();
    await expectRefused(empty, [
      { level: 'fout', code: 'import.leeg-bestand', file: empty.name, params: { bestand: empty.name } },
    ]);

    const random = BAD.randomXlsx();
    const p = await project();
    const preview = unwrap(await p.s.previewCbsImport(random, {}));
    expect(preview.fouten).toBe(1);
    expect(preview.problemen).toHaveLength(1);
    expect(preview.problemen[0]).toMatchObject({ level: 'fout', file: random.name });
    expect(['import.onleesbaar', 'cbs.geen-cbs-tabel']).toContain(preview.problemen[0]!.code);
    expect((await p.s.importCbs(random, {})).ok).toBe(false);
    await expectNothingWritten(p);

    const cut = BAD.cutXlsx();
    await expectRefused(cut, [
      { level: 'fout', code: 'import.onleesbaar', file: cut.name, params: { bestand: cut.name } },
    ]);
  });

  it('every problem renders through formatIssue (nl) as a Dutch sentence with the file, row and column', async () => {
    const fallback = formatMessage('nl', 'fout.intern.onverwacht');
    const issues: ImportIssue[] = [];
    for (const make of Object.values(BAD)) {
      const p = await project();
      const f = make();
      issues.push(...unwrap(await p.s.previewCbsImport(f, {})).problemen);
      const r = await p.s.importCbs(f, {});
      if (!r.ok)
        issues.push({
          level: 'fout',
          file: f.name,
          code: r.error.code,
          ...(r.error.params ? { params: r.error.params } : {}),
        });
    }
    // The refusals of a second import of the same file, and of a cancelled one.
    const p = await project();
    const utrecht = file(
      'statline-untyped-2019-utrecht.csv',
      readFileSync(new URL('statline-untyped-2019-utrecht.csv', FIXTURES)),
    );
    unwrap(await p.s.importCbs(utrecht, {}));
    for (const options of [{}, { opnieuw: true }]) {
      const r = await p.s.importCbs(utrecht, options);
      if (!r.ok)
        issues.push({
          level: 'fout',
          file: utrecht.name,
          code: r.error.code,
          ...(r.error.params ? { params: r.error.params } : {}),
        });
    }
    issues.push({ level: 'fout', file: 'groot.csv', code: 'import.geannuleerd', params: { bestand: 'groot.csv' } });

    const codes = new Set(issues.map((i) => i.code));
    for (const c of [
      'cbs.geen-cbs-tabel',
      'cbs.alleen-nederland',
      'cbs.code-dubbel',
      'cbs.geen-getal',
      'cbs.code-ongeldig',
      'cbs.jaar-onbekend',
      'import.leeg-bestand',
      'import.onleesbaar',
      'import.fouten-in-bestand',
      'import.al-geimporteerd',
      'cbs.al-waarden',
      'import.geannuleerd',
    ]) {
      expect(codes, c).toContain(c);
    }
    const catalog = nl.fout as Record<string, Record<string, string>>;
    for (const issue of issues) {
      const [group, key] = issue.code.split('.');
      expect(catalog[group!]?.[key!], `nl.json has fout.${issue.code}`).toBeTypeOf('string');
      const text = formatIssue(issue, 'nl');
      const where = JSON.stringify(issue).slice(0, 200);
      expect(text, where).not.toContain(fallback);
      expect(text, where).not.toMatch(/\{\{|undefined|null|NaN/);
      expect(text, where).not.toContain(issue.code);
      expect(text.startsWith(`‘${issue.file}’`), where).toBe(true);
      if (issue.sheet) expect(text, where).toContain(`werkblad ‘${issue.sheet}’`);
      if (issue.row !== undefined) expect(text, where).toContain(`, rij ${issue.row}`);
      if (issue.column) expect(text, where).toContain(`, kolom ‘${issue.column}’`);
      const sentence = text.slice(text.indexOf(': ') + 2);
      expect(sentence, where).toMatch(/^[A-Z‘'(]/);
      expect(sentence, where).toMatch(/[.!?]$/);
      expect(sentence.length, where).toBeLessThan(400);
    }
    const dubbel = issues.find((i) => i.code === 'cbs.code-dubbel')!;
    expect(formatIssue(dubbel, 'nl')).toBe(
      '‘statline-untyped-2019-dubbel.csv’, rij 4, kolom ‘WijkenEnBuurten’: De gebiedscode GM0344 staat hier voor de ' +
        'tweede keer (eerder in rij 2).',
    );
  });

  it('cancelImport during the import of 5,000 buurten → import.geannuleerd and nothing written', async () => {
    const f = file('statline-untyped-2024-groot.csv', bigUntyped(50, 100));
    const p = await project();
    const preview = unwrap(await p.s.previewCbsImport(f, {}));
    expect(preview.aantallen).toEqual({ land: 0, gemeente: 1, wijk: 50, buurt: 5000 });
    expect(preview.kanImporteren).toBe(true);

    const running = p.s.importCbs(f, {});
    await p.s.cancelImport();
    const r = await running;
    expect(r).toMatchObject({ ok: false, error: { code: 'import.geannuleerd', params: { bestand: f.name } } });
    await expectNothingWritten(p);
    expect(await p.s.getRevision()).toBe(0);
    // The pragmas switched for the bulk insert are back, also after a cancel.
    const db = p.s.currentDb()!;
    expect([db.value('PRAGMA foreign_keys'), db.value('PRAGMA ignore_check_constraints')]).toEqual([1, 0]);

    // The file itself was fine: without a cancel it imports, and a cancel after the end changes nothing.
    const again = unwrap(await p.s.previewCbsImport(f, {}));
    expect(again).toMatchObject({ eerderGeimporteerd: null, kanImporteren: true });
    const done = unwrap(await p.s.importCbs(f, {}));
    await p.s.cancelImport();
    expect(done).toMatchObject({ jaar: 2024, gebiedenNieuw: 5051, waarden: 5051 * 2 });
    expect([db.value('PRAGMA foreign_keys'), db.value('PRAGMA ignore_check_constraints')]).toEqual([1, 0]);
    expect(db.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });
});
