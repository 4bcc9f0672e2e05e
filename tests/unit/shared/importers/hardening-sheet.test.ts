import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { Deflate, strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { AppException } from '../../../../shared/result';
import { errorMessage } from '../../../../shared/i18n/messages';
import { checkZip, readCsv, readHead, readSpreadsheet } from '../../../../shared/importers/sheet';

/** Issue 15.2 and 15.8: zip bombs, UTF-16 text, too many columns, cells past XFD. Real bytes, built here. */

function refusal(fn: () => unknown): { code: string; text: string } {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppException);
    const e = (err as AppException).appError;
    return { code: e.code, text: errorMessage(e) };
  }
  throw new Error('not refused');
}

function xlsx(rows: unknown[][]): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Blad1');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** `size` bytes of spaces, deflated in 1 MB steps (never all in memory): about 1 kB per MB. */
function deflatedSpaces(size: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const d = new Deflate({ level: 9 }, (c) => void parts.push(c));
  const mb = new Uint8Array(1 << 20).fill(0x20);
  for (let left = size; left > 0; left -= mb.length) d.push(left >= mb.length ? mb : mb.subarray(0, left), false);
  d.push(new Uint8Array(0), true);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A zip by hand: each entry's deflated data as given, and the unpacked size its headers claim. */
function zipOf(entries: { name: string; data: Uint8Array; claims: number; method?: number }[]): Uint8Array {
  const enc = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const local = new Uint8Array(30 + name.length + e.data.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, e.method ?? 8, true);
    lv.setUint32(18, e.data.length, true);
    lv.setUint32(22, e.claims, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    local.set(e.data, 30 + name.length);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, e.method ?? 8, true);
    cv.setUint32(20, e.data.length, true);
    cv.setUint32(24, e.claims, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const all = [...locals, ...centrals, end];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

describe('zip bombs are refused before SheetJS unpacks anything', () => {
  const sheet = deflatedSpaces(210 * 1024 * 1024);

  it('a small xlsx whose sheet unpacks to 210 MB (the directory says so)', () => {
    expect(sheet.length).toBeLessThan(1024 * 1024);
    const bomb = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: sheet, claims: 210 * 1024 * 1024 }]);
    const started = Date.now();
    const r = refusal(() => readSpreadsheet(bomb, 'bom.xlsx'));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(r.code).toBe('import.uitgepakt-te-groot');
    expect(r.text).toContain('‘bom.xlsx’');
    expect(r.text).toContain('200 MB');
    // The cheap sniffing read refuses it too, instead of unpacking it.
    expect(refusal(() => readHead(bomb, 'bom.xlsx')).code).toBe('import.uitgepakt-te-groot');
  });

  it('the same bomb whose directory lies (it claims 1 kB): measured while unpacking, and stopped', () => {
    const bomb = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: sheet, claims: 1000 }]);
    const started = Date.now();
    const r = refusal(() => readSpreadsheet(bomb, 'leugen.xlsx'));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.code).toBe('import.zip-verdacht');
    expect(r.text).toContain('‘leugen.xlsx’');
  });

  it('25 lying parts of 9 MB each: the real total is counted and stopped at 200 MB', () => {
    const part = deflatedSpaces(9 * 1024 * 1024);
    const bomb = zipOf(
      Array.from({ length: 25 }, (_, i) => ({ name: `xl/media/deel${i}.xml`, data: part, claims: 10 })),
    );
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const r = refusal(() => readSpreadsheet(bomb, 'delen.xlsx'));
    expect(r.code).toBe('import.uitgepakt-te-groot');
    expect(r.text).toContain('‘delen.xlsx’');
  });

  it('one large part that grows more than 100 times', () => {
    const bomb = zipOf([{ name: 'xl/sharedStrings.xml', data: deflatedSpaces(20 * 1024 * 1024), claims: 1000 }]);
    const r = refusal(() => readSpreadsheet(bomb, 'factor.xlsx'));
    expect(r.code).toBe('import.zip-verdacht');
    expect(r.text).toContain('xl/sharedStrings.xml');
  });

  it('a zip without a directory, or a part that ends too soon, is unreadable, said in Dutch', () => {
    const good = xlsx([['a'], [1]]);
    expect(refusal(() => readSpreadsheet(good.subarray(0, good.length - 30), 'kapot.xlsx')).code).toBe(
      'import.onleesbaar',
    );
    const cut = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: sheet.subarray(0, 1000), claims: 5000 }]);
    expect(refusal(() => readSpreadsheet(cut, 'kort.xlsx')).code).toBe('import.onleesbaar');
  });

  it('an ordinary xlsx passes and reads as before', () => {
    const bytes = xlsx([
      ['Naam', 'Aantal'],
      ['Dock', 3],
    ]);
    expect(() => checkZip(bytes, 'gewoon.xlsx')).not.toThrow();
    expect(readSpreadsheet(bytes, 'gewoon.xlsx')[0]!.rows).toEqual([
      ['Naam', 'Aantal'],
      ['Dock', 3],
    ]);
  });
});

describe('text files as Excel writes them', () => {
  const text = 'Naam organisatie\tNaam aanbod\tPlaats\r\nDe Brücke\tBuurtkamer ‘t Hoekje\tHengelo\r\n';
  const utf16 = (s: string, littleEndian: boolean, bom = true) => {
    const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
    const v = new DataView(out.buffer);
    if (bom) v.setUint16(0, 0xfeff, littleEndian);
    for (let i = 0; i < s.length; i++) v.setUint16((bom ? 2 : 0) + i * 2, s.charCodeAt(i), littleEndian);
    return out;
  };
  const expected = [
    ['Naam organisatie', 'Naam aanbod', 'Plaats'],
    ['De Brücke', 'Buurtkamer ‘t Hoekje', 'Hengelo'],
  ];

  it('reads UTF-16 LE with BOM (Excel "Unicode-tekst (*.txt)", tab-separated) instead of "geen tekstbestand"', () => {
    expect(readCsv(utf16(text, true), 'unicode.txt').rows).toEqual(expected);
  });

  it('reads UTF-16 BE with BOM, and UTF-16 without BOM', () => {
    expect(readCsv(utf16(text, false), 'be.csv').rows).toEqual(expected);
    expect(readCsv(utf16(text, true, false), 'zonder-bom.csv').rows).toEqual(expected);
  });

  it('guesses the delimiter by records: a quoted field over several lines with the other delimiter in it', () => {
    // Issue 20, item 6: guessed line by line, these lines of a description outvoted the header and split the file
    // on the wrong character.
    const beschrijving = (d: string) =>
      `Open inloop${d} koffie${d} thee\nmaandag${d} dinsdag${d} woensdag\neten${d} soep`;
    const rijen = (d: string, binnen: string) => [
      ['Naam', 'Omschrijving', 'Plaats'],
      ['Buurtkamer', beschrijving(binnen), 'Hengelo'],
      ['Repair Café', beschrijving(binnen), 'Enschede'],
    ];
    const csv = (d: string, binnen: string) =>
      rijen(d, binnen)
        .map((r) => r.map((c) => (c.includes('\n') ? `"${c}"` : c)).join(d))
        .join('\r\n');
    for (const [d, binnen] of [
      [';', ','],
      [',', ';'],
      ['\t', ';'],
    ] as const) {
      const bytes = new TextEncoder().encode(csv(d, binnen));
      expect(readCsv(bytes, 'aanbod.csv').rows, JSON.stringify(d)).toEqual(rijen(d, binnen));
      expect(readHead(bytes, 'aanbod.csv')[0]!.rows, JSON.stringify(d)).toEqual(rijen(d, binnen));
    }
  });

  it('reads a file of one column (no delimiter anywhere) as one column', () => {
    const bytes = new TextEncoder().encode('Naam\nBuurtkamer\nRepair Café\n');
    expect(readCsv(bytes, 'namen.csv').rows).toEqual([['Naam'], ['Buurtkamer'], ['Repair Café']]);
  });

  it('refuses 20,000 columns with "te veel kolommen", naming file and row', () => {
    const wide = Array.from({ length: 20_000 }, (_, i) => `k${i}`).join(';');
    const r = refusal(() => readCsv(new TextEncoder().encode(`Naam;Plaats\n${wide}\n`), 'breed.csv'));
    expect(r.code).toBe('import.te-veel-kolommen');
    expect(r.text).toContain('‘breed.csv’');
    expect(r.text).toContain('rij 2');
    expect(r.text).toContain('20000');
  });

  it('refuses an xlsx cell past XFD instead of dropping it silently', () => {
    const files = unzipSync(
      xlsx([
        ['Naam', 'Plaats'],
        ['Dock', 'Hengelo'],
      ]),
    );
    const xml = strFromU8(files['xl/worksheets/sheet1.xml']!);
    files['xl/worksheets/sheet1.xml'] = strToU8(
      xml.replace('</row></sheetData>', '<c r="XFE2" t="inlineStr"><is><t>weg?</t></is></c></row></sheetData>'),
    );
    const r = refusal(() => readSpreadsheet(zipSync(files), 'xfe.xlsx'));
    expect(r.code).toBe('import.kolom-voorbij-xfd');
    expect(r.text).toContain('‘xfe.xlsx’');
    expect(r.text).toContain('‘Blad1’');
    expect(r.text).toContain('XFE');
  });
});
