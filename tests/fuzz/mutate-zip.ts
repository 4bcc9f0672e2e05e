/**
 * Mutations of spreadsheets (xlsx is a zip of XML parts): the table inside changed and written back (also as ods or
 * xls), one part damaged or its XML bent (a dimension of a million rows, cell references past XFD, shared-string
 * indexes out of range, rows repeated), parts removed or renamed, and damage at the zip level itself (sizes, offsets,
 * methods and counts of the directory and the local headers).
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';
import * as XLSX from 'xlsx';
import { checkZip, forSheetJs } from '../../shared/importers/sheet';
import {
  BYTE_MUTATORS,
  concat,
  mutateTable,
  ODD_VALUES,
  type CellMaker,
  type MutateContext,
  type Mutator,
  type NamedMutator,
  type TableCell,
} from './mutate-bytes';

const SHEET_CELLS: CellMaker = { text: (s) => s, number: (n) => n };

/** Within the app's own zip limits (a bomb from an earlier mutation is not unpacked again, nor read by SheetJS). */
function withinLimits(input: Uint8Array): boolean {
  try {
    checkZip(input, 'fuzz.xlsx');
    return true;
  } catch {
    return false;
  }
}

function unzip(input: Uint8Array): Record<string, Uint8Array> | null {
  if (!withinLimits(input)) return null;
  try {
    return unzipSync(input);
  } catch {
    return null;
  }
}

function rezip(files: Record<string, Uint8Array>, ctx: MutateContext): Uint8Array {
  const level = ctx.rng.pick([0, 1, 6, 6, 9] as const);
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(files)) zippable[name] = [data, { level }];
  return zipSync(zippable);
}

/** The sheet's table changed as a table, then written back by SheetJS (now and then in another format). */
const sheetTable: Mutator = (input, ctx) => {
  if (!withinLimits(input)) return null;
  let wb: XLSX.WorkBook;
  try {
    // As the app reads it: parts unpacked by fflate (SheetJS's own inflater loops on some damaged parts).
    wb = XLSX.read(forSheetJs(input, 'fuzz.xlsx'), { type: 'array', dense: true, cellFormula: false });
  } catch {
    return null;
  }
  if (wb.SheetNames.length === 0) return null;
  const name = ctx.rng.pick(wb.SheetNames);
  // The cells as stored (as the app reads them), not over the sheet's declared range: a mutated <dimension> of a
  // million rows would make sheet_to_json fill a million rows.
  const data = (wb.Sheets[name]?.['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
  if (data.length > 100_000) return null;
  const rows: TableCell[][] = Array.from(data, (r) =>
    Array.from((r ?? []).slice(0, 20_000), (c) => (c && c.t !== 'z' && c.t !== 'e' ? (c.v as TableCell) : null)),
  );
  if (!mutateTable(rows, ctx, SHEET_CELLS)) return null;
  // SheetJS writes the whole rectangle (rows × the widest row): a budget, or the mutation itself takes gigabytes.
  let width = 0;
  for (const r of rows) width = Math.max(width, r.length);
  if (rows.length * width > (ctx.lang ? 300_000 : 150_000)) return null;
  try {
    wb.Sheets[name] = XLSX.utils.aoa_to_sheet(rows, { dense: true } as XLSX.AOA2SheetOpts);
    // The older formats only where the table fits them (xls: 256 columns, 65,536 rows; ods here: 1,024 columns):
    // SheetJS's xls writer with 40,000 columns ran the process out of memory (seed 1 case 22364, 'veel-kolommen').
    const bookType = ctx.rng.weighted<XLSX.BookType>([
      ['xlsx', 8],
      ['ods', width <= 1024 ? 1 : 0],
      ['xls', width <= 256 && rows.length <= 65_536 ? 1 : 0],
    ]);
    if (ctx.rng.chance(0.05)) wb.SheetNames.push(ctx.rng.pick(['__proto__', 'constructor', 'Blad1', 'Sociale kaart']));
    return new Uint8Array(XLSX.write(wb, { type: 'array', bookType }) as ArrayBuffer);
  } catch {
    return null; // e.g. text longer than a cell may hold: SheetJS refuses to write it
  }
};

function pickPart(files: Record<string, Uint8Array>, ctx: MutateContext): string | null {
  const names = Object.keys(files);
  if (names.length === 0) return null;
  const sheets = names.filter((n) => /worksheets\/sheet\d*\.xml$|sharedStrings\.xml$|content\.xml$/.test(n));
  return sheets.length > 0 && ctx.rng.chance(0.7) ? ctx.rng.pick(sheets) : ctx.rng.pick(names);
}

/** One part of the zip damaged as bytes, then zipped again (so the zip itself is sound). */
const partBytes: Mutator = (input, ctx) => {
  const files = unzip(input);
  if (!files) return null;
  const part = pickPart(files, ctx);
  if (!part) return null;
  const m = ctx.rng.weighted(BYTE_MUTATORS.map((x) => [x, x.weight] as const));
  const out = m.fn(files[part]!, ctx);
  if (!out) return null;
  files[part] = out;
  return rezip(files, ctx);
};

const dec = new TextDecoder();
const enc = new TextEncoder();

const XML_EDITS: readonly ((xml: string, ctx: MutateContext) => string | null)[] = [
  // A dimension far beyond the cells (SheetJS would allocate for it).
  (xml, { rng }) =>
    xml.includes('<dimension')
      ? xml.replace(
          /<dimension ref="[^"]*"/,
          `<dimension ref="${rng.pick(['A1:XFD1048576', 'A1:ZZZZ99999999', 'A0:A0', '', 'A1:A-1', 'B2:A1'])}"`,
        )
      : null,
  // Cell and row references beyond Excel's grid or not references at all.
  (xml, { rng }) => {
    const refs = [...xml.matchAll(/ r="([A-Z]+\d+|\d+)"/g)];
    if (refs.length === 0) return null;
    const m = rng.pick(refs);
    const bad = rng.pick(['XFE1', 'A1048577', 'A9999999999', 'ZZZZ1', '0', '-1', 'A0', '', 'AAAAAAAAAAAAAAAA1', '1e9']);
    return xml.slice(0, m.index) + ` r="${bad}"` + xml.slice(m.index + m[0].length);
  },
  // A shared-string or number cell whose value is out of range or no number.
  (xml, { rng }) => {
    const vs = [...xml.matchAll(/<v>([^<]*)<\/v>/g)];
    if (vs.length === 0) return null;
    const m = rng.pick(vs);
    const bad = rng.pick([
      '99999999',
      '-1',
      '1e308',
      'NaN',
      '',
      'abc',
      '4294967296',
      '0x10',
      ...ODD_VALUES.slice(0, 10),
    ]);
    return xml.slice(0, m.index) + `<v>${bad}</v>` + xml.slice(m.index + m[0].length);
  },
  // A row repeated many times (same references: duplicates), or with new row numbers.
  (xml, ctx) => {
    const rows = [...xml.matchAll(/<row[^>]*>[\s\S]*?<\/row>/g)];
    if (rows.length === 0) return null;
    const m = ctx.rng.pick(rows);
    const most = Math.max(2, Math.floor((ctx.lang ? 8_000_000 : 400_000) / m[0].length));
    const times = Math.min(
      most,
      ctx.rng.chance(0.8) ? ctx.rng.range(2, 20) : ctx.rng.range(20, ctx.lang ? 20_000 : 2_000),
    );
    return xml.slice(0, m.index! + m[0].length) + m[0].repeat(times) + xml.slice(m.index! + m[0].length);
  },
  // A cell type that does not fit its value.
  (xml, { rng }) => {
    const ts = [...xml.matchAll(/ t="(\w+)"/g)];
    if (ts.length === 0)
      return xml.replace(/<c /, `<c t="${rng.pick(['s', 'e', 'b', 'd', 'str', 'inlineStr', 'x'])}" `);
    const m = rng.pick(ts);
    const t = rng.pick(['s', 'n', 'e', 'b', 'd', 'str', 'inlineStr', 'x', '']);
    return xml.slice(0, m.index) + ` t="${t}"` + xml.slice(m.index + m[0].length);
  },
  // A closing tag gone, or the document cut inside a tag.
  (xml, { rng }) => {
    const closes = [...xml.matchAll(/<\/\w+>/g)];
    if (closes.length === 0) return null;
    const m = rng.pick(closes);
    return xml.slice(0, m.index) + xml.slice(m.index + m[0].length);
  },
  // Entities and a DOCTYPE (an XML "billion laughs" attempt) or character references out of range.
  (xml, { rng }) => {
    const lol =
      '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>';
    if (rng.chance(0.5)) return xml.replace(/^(<\?xml[^>]*\?>)?/, (h) => h + lol).replace(/<v>/, '<v>&d;');
    return xml.replace(
      /<t>/,
      `<t>${rng.pick(['&#0;', '&#xD800;', '&#x110000;', '&#99999999999;', '&bogus;', '&amp'])}`,
    );
  },
  // A very long text, or very many cells in one row.
  (xml, ctx) => {
    if (ctx.rng.chance(0.5)) {
      const n = ctx.rng.range(10_000, ctx.lang ? 3_000_000 : 300_000);
      return xml.replace(/<t>/, `<t>${ctx.rng.pick(['A', ' ', '<![CDATA[', '&lt;']).repeat(n)}`);
    }
    const n = ctx.rng.range(100, ctx.lang ? 30_000 : 5_000);
    const cells = Array.from({ length: n }, (_, i) => `<c r="${colName(i)}2"><v>${i}</v></c>`).join('');
    return xml.replace(/(<row[^>]*>)/, `$1${cells}`);
  },
];

function colName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The XML of one part bent in a way a spreadsheet reader has to survive. */
const partXml: Mutator = (input, ctx) => {
  const files = unzip(input);
  if (!files) return null;
  const part = pickPart(files, ctx);
  if (!part || !/\.xml$|\.rels$/.test(part)) return null;
  const xml = dec.decode(files[part]!);
  const out = ctx.rng.pick(XML_EDITS)(xml, ctx);
  if (out === null || out.length > ctx.maxBytes) return null;
  files[part] = enc.encode(out);
  return rezip(files, ctx);
};

/** A part removed, doubled under another name, or renamed. */
const partShuffle: Mutator = (input, ctx) => {
  const files = unzip(input);
  if (!files) return null;
  const part = pickPart(files, ctx);
  if (!part) return null;
  const data = files[part]!;
  switch (ctx.rng.int(4)) {
    case 0:
      delete files[part];
      break;
    case 1:
      files[part.replace(/(\d*)\.xml$/, (_, d: string) => `${Number(d || 1) + 1}.xml`)] = data;
      break;
    case 2:
      delete files[part];
      files[ctx.rng.pick([part.toUpperCase(), `${part}.bak`, `../${part}`, `/${part}`, 'xl/worksheets/sheet1.xml'])] =
        data;
      break;
    default:
      files[
        ctx.rng.pick(['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/workbook.xml', '[Content_Types].xml'])
      ] = data;
  }
  return rezip(files, ctx);
};

/** The zip's own structures damaged: a field of the end record, the central directory or a local header. */
const zipStructure: Mutator = (input, ctx) => {
  const { rng } = ctx;
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  let eocd = -1;
  for (let i = input.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const out = input.slice();
  const w = new DataView(out.buffer);
  const cdStart = view.getUint32(eocd + 16, true);
  const entries: number[] = [];
  for (let p = cdStart; p + 46 <= eocd && view.getUint32(p, true) === 0x02014b50;) {
    entries.push(p);
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  const odd32 = (v: number) => rng.pick([0, 1, v - 1, v + 1, v * 2, 0x7fffffff, 0xffffffff, rng.u32()]) >>> 0;
  const odd16 = (v: number) => rng.pick([0, 1, v - 1, v + 1, 0xffff, rng.int(0x10000)]) & 0xffff;
  switch (rng.int(4)) {
    case 0: {
      // The end record: entry count, directory size or offset.
      const field = rng.pick([8, 10, 12, 16]);
      if (field >= 12) w.setUint32(eocd + field, odd32(view.getUint32(eocd + field, true)), true);
      else w.setUint16(eocd + field, odd16(view.getUint16(eocd + field, true)), true);
      break;
    }
    case 1: {
      if (entries.length === 0) return null;
      // A central directory entry: method, sizes, name length, local header offset.
      const p = rng.pick(entries);
      const field = rng.pick([10, 20, 24, 28, 30, 42]);
      if (field === 20 || field === 24 || field === 42)
        w.setUint32(p + field, odd32(view.getUint32(p + field, true)), true);
      else
        w.setUint16(
          p + field,
          field === 10 ? rng.pick([0, 8, 9, 12, 14, 99]) : odd16(view.getUint16(p + field, true)),
          true,
        );
      break;
    }
    case 2: {
      if (entries.length === 0) return null;
      // A local header: method, sizes, name or extra length.
      const local = view.getUint32(rng.pick(entries) + 42, true);
      if (local + 30 > out.length) return null;
      const field = rng.pick([8, 18, 22, 26, 28]);
      if (field === 18 || field === 22) w.setUint32(local + field, odd32(view.getUint32(local + field, true)), true);
      else
        w.setUint16(
          local + field,
          field === 8 ? rng.pick([0, 8, 9, 12, 99]) : odd16(view.getUint16(local + field, true)),
          true,
        );
      break;
    }
    default: {
      // A second end record, or the directory cut off.
      if (rng.chance(0.5)) return concat(out, out.subarray(eocd));
      return concat(out.subarray(0, cdStart + rng.int(Math.max(1, eocd - cdStart))), out.subarray(eocd));
    }
  }
  return out;
};

/** A part replaced by a large, very compressible one (a small zip bomb, within or just past the limits). */
const bomb: Mutator = (input, ctx) => {
  const files = unzip(input);
  if (!files) return null;
  const part = pickPart(files, ctx);
  if (!part) return null;
  const mb = ctx.lang ? ctx.rng.pick([5, 12, 40]) : ctx.rng.pick([1, 2]);
  const xml = enc.encode(
    `<?xml version="1.0"?><worksheet><sheetData>${' '.repeat(mb * 1024 * 1024)}</sheetData></worksheet>`,
  );
  files[part] = xml;
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(files)) zippable[name] = [data, { level: 9 }];
  return zipSync(zippable);
};

export const ZIP_MUTATORS: readonly NamedMutator[] = [
  { name: 'werkblad-tabel', weight: 6, fn: sheetTable },
  { name: 'zip-deel-bytes', weight: 3, fn: partBytes },
  { name: 'zip-deel-xml', weight: 5, fn: partXml },
  { name: 'zip-delen', weight: 2, fn: partShuffle },
  { name: 'zip-structuur', weight: 3, fn: zipStructure },
  { name: 'zip-bom', weight: 0.3, fn: bomb },
];
