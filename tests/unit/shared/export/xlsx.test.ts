/** The xlsx writer (shared/export/xlsx.ts) and the report workbook (shared/report/xlsx.ts): requirement 14 (no
 *  formulas, a ' before risky text), typed cells, frozen header, autofilter, widths, sheet names, no personal data. */
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { bladNaam, datumSerieel, schrijfWerkboek, type Blad } from '../../../../shared/export/xlsx';
import { rapportXlsx } from '../../../../shared/report/xlsx';
import type { Rapport } from '../../../../shared/report/model';

const lees = (bytes: Uint8Array) =>
  XLSX.read(bytes, { type: 'array', cellFormula: true, cellDates: true, cellNF: true, cellStyles: true });
const bestanden = (bytes: Uint8Array) =>
  Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));

function cellen(book: XLSX.WorkBook): XLSX.CellObject[] {
  return book.SheetNames.flatMap((n) => {
    const sheet = book.Sheets[n]!;
    return Object.keys(sheet)
      .filter((k) => !k.startsWith('!'))
      .map((k) => sheet[k] as XLSX.CellObject);
  });
}

const NASTY = ['=HYPERLINK("http://x","y")', '+31 6 12345678', '-2+3', '@SUM(A1)', '\tx', '\rx', '\nx'];

const boek: Blad[] = [
  {
    naam: 'Gegevens: 2024/Q1 [concept]',
    titelRegels: ['Voorzieningen per buurt', 'Bron: test.csv', '=1+1'],
    kolommen: [
      { titel: 'Naam', soort: 'tekst' },
      { titel: 'Aantal', soort: 'aantal' },
      { titel: 'Per 1.000', soort: 'getal', decimalen: 2 },
      { titel: 'Aandeel', soort: 'procent' },
      { titel: 'Datum', soort: 'datum' },
      { titel: 'Kosten', soort: 'geld' },
    ],
    rijen: [
      [NASTY[0]!, 1234, 12.345, 0.125, '2024-04-01', 250000],
      [NASTY[1]!, '<5', null, null, 'april 2024', null],
      [NASTY[2]!, 'x', 3.5, 1, '2024-02-30', -10],
      [NASTY[3]!, 0, null, 0, null, 5],
      [NASTY[4]!, null, null, null, null, null],
      [NASTY[5]!, 7, null, null, null, null],
      [NASTY[6]!, 8, null, null, null, null],
      [
        'Gewoon, een heel erg lange naam die langer is dan zestig tekens bij elkaar opgeteld',
        9,
        null,
        null,
        null,
        null,
      ],
    ],
    voetRegels: ['-- einde', 'Aantallen onder 5 staan als <5.'],
  },
  // Same name after sanitising, other case: must become unique.
  { naam: 'gegevens: 2024/Q1 [concept]', kolommen: [{ titel: 'A', soort: 'tekst' }], rijen: [['a']] },
  { naam: "'History'", kolommen: [{ titel: 'A', soort: 'aantal' }], rijen: [] },
  { naam: 'Een naam die veel langer is dan eenendertig tekens', kolommen: [{ titel: 'A', soort: 'tekst' }], rijen: [] },
];

describe('schrijfWerkboek', () => {
  const bytes = schrijfWerkboek(boek, { titel: 'Testboek' });
  const book = lees(bytes);
  const zip = bestanden(bytes);
  const blad = book.Sheets[book.SheetNames[0]!]!;

  it('sanitises sheet names: ≤31 characters, no []:*?/\\, unique without case, not History', () => {
    expect(book.SheetNames).toEqual([
      'Gegevens 2024 Q1 concept',
      'gegevens 2024 Q1 concept (2)',
      'History (1)',
      'Een naam die veel langer is dan',
    ]);
    for (const n of book.SheetNames) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
    }
    const gebruikt = new Set<string>();
    expect(bladNaam('x'.repeat(40), gebruikt)).toBe('x'.repeat(31));
    expect(bladNaam('X'.repeat(40), gebruikt)).toBe('X'.repeat(27) + ' (2)');
    expect(bladNaam('  ', gebruikt)).toBe('Blad3');
  });

  it('has no formula anywhere; risky text gets a leading apostrophe and is a string cell', () => {
    const alle = cellen(book);
    expect(alle.length).toBeGreaterThan(40);
    for (const c of alle) expect(c.f).toBeUndefined();
    NASTY.forEach((tekst, i) => {
      expect(blad[`A${6 + i}`]).toMatchObject({ t: 's', v: `'${tekst}` });
    });
    expect(blad['A3']).toMatchObject({ t: 's', v: "'=1+1" }); // a title line too
    expect(blad['A15']).toMatchObject({ t: 's', v: "'-- einde" }); // and a note
    expect(blad['A16']).toMatchObject({ t: 's', v: 'Aantallen onder 5 staan als <5.' });
    // Written as shared strings (t="s"), not as formula results (t="str") nor formulas.
    const xml = zip['xl/worksheets/sheet1.xml']!;
    expect(xml).not.toContain('<f>');
    expect(xml).not.toContain('t="str"');
    expect(zip['xl/sharedStrings.xml']).toContain('&apos;=HYPERLINK(');
  });

  it('lays out titles, a blank line, the header, the rows and the notes', () => {
    expect(blad['A1']).toMatchObject({ t: 's', v: 'Voorzieningen per buurt' });
    expect(blad['A4']).toBeUndefined();
    const kop = XLSX.utils.sheet_to_json<unknown[]>(blad, { header: 1, range: 4 })[0];
    expect(kop).toEqual(['Naam', 'Aantal', 'Per 1.000', 'Aandeel', 'Datum', 'Kosten']);
    expect(blad['A14']).toBeUndefined();
  });

  it('types the cells: numbers with formats, dates as dates, "<5" and "x" as text, null as empty', () => {
    expect(blad['B6']).toMatchObject({ t: 'n', v: 1234, z: '#,##0' });
    expect(blad['C6']).toMatchObject({ t: 'n', v: 12.345, z: '#,##0.00' });
    expect(blad['D6']).toMatchObject({ t: 'n', v: 0.125, z: '0.0%' });
    expect(blad['F6']).toMatchObject({ t: 'n', v: 250000, z: '€ #,##0' });
    expect(blad['F8']).toMatchObject({ t: 'n', v: -10 });
    expect(blad['B9']).toMatchObject({ t: 'n', v: 0 });
    const datum = blad['E6']!;
    expect(datum.t).toBe('d');
    expect(datum.z).toBe('d-m-yyyy');
    const d = datum.v as Date;
    // SheetJS gives the date at local midnight or UTC midnight depending on the version: either way 1 April 2024.
    expect([d.getFullYear(), d.getMonth(), d.getDate()]).toEqual([2024, 3, 1]);
    expect(datum.w).toBe('1-4-2024');
    expect(blad['B7']).toMatchObject({ t: 's', v: '<5' });
    expect(blad['B8']).toMatchObject({ t: 's', v: 'x' });
    expect(blad['E7']).toMatchObject({ t: 's', v: 'april 2024' }); // not an ISO date: text
    expect(blad['E8']).toMatchObject({ t: 's', v: '2024-02-30' }); // not a real date: text
    expect(blad['C7']).toBeUndefined();
    expect(blad['B10']).toBeUndefined();
    expect(datumSerieel('1900-03-01')).toBe(61);
    expect(datumSerieel('2024-04-01')).toBe(45383);
  });

  it('freezes the title lines and the header in every sheet', () => {
    const verwacht = [5, 1, 1, 1];
    verwacht.forEach((k, i) => {
      const xml = zip[`xl/worksheets/sheet${i + 1}.xml`]!;
      expect(xml).toContain(`<pane ySplit="${k}" topLeftCell="A${k + 1}" activePane="bottomLeft" state="frozen"/>`);
      expect(xml).toContain(`<selection pane="bottomLeft" activeCell="A${k + 1}" sqref="A${k + 1}"/>`);
      expect(xml.match(/<sheetView\b/g)).toHaveLength(1);
    });
  });

  it('puts an autofilter on the header row, over the data rows only', () => {
    expect(blad['!autofilter']).toEqual({ ref: 'A5:F13' });
    expect(zip['xl/worksheets/sheet1.xml']).toContain('<autoFilter ref="A5:F13"/>');
    expect(book.Sheets[book.SheetNames[1]!]!['!autofilter']).toEqual({ ref: 'A1:A2' });
  });

  it('sets readable column widths (8–60 characters) from the longest of header and values', () => {
    const wch = (blad['!cols'] ?? []).map((c) => c.wch);
    expect(wch).toHaveLength(6);
    expect(wch[0]).toBe(60); // the long name, capped
    expect(wch[1]).toBeGreaterThanOrEqual('Aantal'.length + 3);
    expect(wch[1]).toBeLessThan(15);
    expect(wch[4]).toBeGreaterThanOrEqual(10); // a date
    for (const w of wch) {
      expect(w).toBeGreaterThanOrEqual(8);
      expect(w).toBeLessThanOrEqual(60);
    }
    const smal = book.Sheets[book.SheetNames[1]!]!['!cols']!;
    expect(smal[0]!.wch).toBe(8);
  });

  it('makes titles and header bold and right-aligns the number formats', () => {
    const stijl = zip['xl/styles.xml']!;
    expect(stijl).toMatch(/<fonts count="2">.*<font><b\/>/);
    expect(stijl).toMatch(/<xf numFmtId="49" fontId="1"[^>]*applyFont="1"\/>/);
    expect(stijl).toMatch(/<xf numFmtId="3"[^>]*applyAlignment="1"><alignment horizontal="right"\/><\/xf>/);
    const boekStijl = XLSX.read(bytes, { type: 'array', cellStyles: true });
    expect(boekStijl.SheetNames).toHaveLength(4);
  });

  it('carries the title and no creator or last-modified-by', () => {
    const core = zip['docProps/core.xml']!;
    expect(core).toContain('<dc:title>Testboek</dc:title>');
    expect(core).not.toMatch(/creator|lastModifiedBy/i);
    expect(book.Props?.Author).toBeUndefined();
    expect(book.Props?.LastAuthor).toBeUndefined();
    expect(zip['docProps/app.xml']).not.toMatch(/Company|Manager/);
  });

  it('writes an empty list as one empty sheet and a sheet without columns', () => {
    const leeg = lees(schrijfWerkboek([]));
    expect(leeg.SheetNames).toEqual(['Blad1']);
    const geenKop = lees(schrijfWerkboek([{ naam: 'A', kolommen: [], rijen: [[1, 'b']] }]));
    expect(geenKop.Sheets['A']!['B2']).toMatchObject({ t: 's', v: 'b' });
    expect(strFromU8(unzipSync(schrijfWerkboek([]))['docProps/core.xml']!)).not.toContain('<dc:title>');
  });
});

const rapport: Rapport = {
  titel: 'Stuurgroep Noord',
  ondertitel: '-voorjaar 2024',
  gebieden: [
    { code: 'BU00010001', naam: 'Centrum' },
    { code: 'BU00010002', naam: 'Oost' },
  ],
  peildatum: '2024-04-01',
  vergelijkMet: '2023-10-01',
  gemaaktOp: '2024-04-03',
  privacy: { aan: true, drempel: 5 },
  leeswijzer: [
    { term: 'Hiaat', uitleg: 'Een buurt waar de vraag groter is dan het aanbod.' },
    { term: '+1', uitleg: '=gevaarlijk' },
  ],
  secties: [
    {
      soort: 'kerncijfers',
      titel: 'Kerncijfers',
      alineas: ['Tekst.'],
      kerngetallen: [{ label: 'Inwoners', waarde: '12.345', toelichting: 'CBS 2023' }],
      tabellen: [
        {
          id: 'bevolking',
          titel: 'Bevolking per buurt',
          kolommen: [
            { titel: 'Buurt', soort: 'tekst' },
            { titel: 'Inwoners', soort: 'aantal' },
            { titel: 'Aandeel 65+', soort: 'procent' },
            { titel: 'Cliënten', soort: 'aantal' },
          ],
          rijen: [
            ['Centrum', 8000, 0.18, '<5'],
            ['Oost', 4345, 0.22, 'x'],
            ['Totaal', 12345, 0.2, 12],
          ],
          totaalRij: true,
          bron: 'CBS Kerncijfers wijken en buurten 2023 (kwb-2023.csv)',
          peildatum: 'peildatum 2023-01-01',
          voetnoot: 'Cliënten: Wmo, april 2024.',
        },
      ],
    },
    {
      soort: 'netwerk',
      titel: 'Netwerk',
      alineas: [],
      kerngetallen: [],
      tabellen: [
        {
          id: 'netwerk/centraal: top 10 organisaties',
          titel: 'Centrale organisaties',
          kolommen: [
            { titel: 'Organisatie', soort: 'tekst' },
            { titel: 'Score', soort: 'getal', decimalen: 3 },
          ],
          rijen: [['@Buurthuis', 0.125]],
          bron: 'Project',
          peildatum: '2024-04-01/2024-04-30',
        },
      ],
      plaat: { soort: 'netwerk', titel: 'Netwerk', svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', bron: 'Project' },
    },
  ],
  bronnen: [{ soort: 'CBS', naam: 'kwb-2023.csv', geimporteerdOp: '2024-03-15' }],
};

describe('rapportXlsx', () => {
  const bytes = rapportXlsx(rapport);
  const book = lees(bytes);
  const zip = bestanden(bytes);
  const tekstenVan = (naam: string) =>
    XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[naam]!, { header: 1, blankrows: false }).map((r) => r[0]);

  it('has Overzicht first, then Kerngetallen, then one sheet per table named by its id', () => {
    expect(book.SheetNames).toEqual(['Overzicht', 'Kerngetallen', 'bevolking', 'netwerk centraal top 10 organis']);
    expect(Object.keys(zip).filter((k) => k.endsWith('.svg'))).toEqual([]);
  });

  it('Overzicht: what, where, when, the privacy rule, the leeswijzer and the sources', () => {
    const a = tekstenVan('Overzicht');
    expect(a.slice(0, 7)).toEqual([
      'Stuurgroep Noord',
      "'-voorjaar 2024",
      'Gebieden: Centrum (BU00010001), Oost (BU00010002)',
      'Peildatum: 1 april 2024',
      'Vergeleken met: 1 oktober 2023',
      'Gemaakt op: 3 april 2024',
      'Aantallen van 1 tot en met 4 staan als <5. Een x is verborgen zodat je een klein aantal niet kunt terugrekenen.',
    ]);
    const o = book.Sheets['Overzicht']!;
    expect([o['A9']?.v, o['B9']?.v]).toEqual(['Term', 'Uitleg']);
    expect([o['A11']?.v, o['B11']?.v]).toEqual(["'+1", "'=gevaarlijk"]);
    expect(a).toContain('Bronnen');
    expect(a).toContain('CBS: kwb-2023.csv (geïmporteerd op 15 maart 2024)');
    expect(zip['xl/worksheets/sheet1.xml']).toContain('<pane ySplit="9" topLeftCell="A10"');
  });

  it('no privacy line when protection is off', () => {
    const uit = lees(rapportXlsx({ ...rapport, privacy: { aan: false, drempel: 5 }, vergelijkMet: null }));
    const a = XLSX.utils.sheet_to_json<unknown[]>(uit.Sheets['Overzicht']!, { header: 1 }).map((r) => String(r[0]));
    expect(a.some((t) => t.startsWith('Aantallen van'))).toBe(false);
    expect(a.some((t) => t.startsWith('Vergeleken met'))).toBe(false);
  });

  it('Kerngetallen: one sheet with the section per row', () => {
    const k = book.Sheets['Kerngetallen']!;
    expect(XLSX.utils.sheet_to_json<unknown[]>(k, { header: 1, range: 3 })).toEqual([
      ['Onderdeel', 'Kerngetal', 'Waarde', 'Toelichting'],
      ['Kerncijfers', 'Inwoners', '12.345', 'CBS 2023'],
    ]);
  });

  it('a table: titles (titel, bron, peildatum), typed values, "<5" and "x" as text, the voetnoot below', () => {
    const t = book.Sheets['bevolking']!;
    expect(tekstenVan('bevolking').slice(0, 4)).toEqual([
      'Bevolking per buurt',
      'Bron: CBS Kerncijfers wijken en buurten 2023 (kwb-2023.csv)',
      'Peildatum: 1 januari 2023',
      'Buurt',
    ]);
    expect(t['B6']).toMatchObject({ t: 'n', v: 8000, z: '#,##0' });
    expect(t['C6']).toMatchObject({ t: 'n', v: 0.18, z: '0.0%' });
    expect(t['D6']).toMatchObject({ t: 's', v: '<5' });
    expect(t['D7']).toMatchObject({ t: 's', v: 'x' });
    expect(t['D8']).toMatchObject({ t: 'n', v: 12 });
    expect(t['A10']).toMatchObject({ t: 's', v: 'Cliënten: Wmo, april 2024.' });
    expect(t['A11']).toMatchObject({ t: 's', v: '<5: een aantal van 1 tot en met 4 (zie Overzicht).' });
    expect(t['!autofilter']).toEqual({ ref: 'A5:D8' });
    const n = book.Sheets['netwerk centraal top 10 organis']!;
    expect(n['A3']).toMatchObject({ v: 'Peildatum: april 2024' });
    expect(n['A6']).toMatchObject({ t: 's', v: "'@Buurthuis" });
    expect(n['B6']).toMatchObject({ t: 'n', v: 0.125, z: '#,##0.000' });
    for (const c of cellen(book)) expect(c.f).toBeUndefined();
  });

  it('carries the report title and no personal data in the properties', () => {
    expect(zip['docProps/core.xml']).toContain('<dc:title>Stuurgroep Noord</dc:title>');
    expect(zip['docProps/core.xml']).not.toMatch(/creator|lastModifiedBy/i);
  });
});
