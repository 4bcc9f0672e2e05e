/**
 * The only module that reads spreadsheet bytes: CSV (papaparse, with encoding and delimiter detection) and
 * xlsx/xls/ods (SheetJS, parsed as values only: no formulas, no HTML, dense). Everything else sees SheetRows.
 */
import Papa from 'papaparse';
import * as XLSX from 'xlsx';
import { AppException } from '../result';
import { LIMITS, type Cell, type SheetRows } from './types';

export type FileKind = 'csv' | 'spreadsheet' | 'json';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

export function fileKind(bytes: Uint8Array, fileName: string): FileKind {
  if (startsWith(bytes, ZIP) || startsWith(bytes, OLE)) return 'spreadsheet';
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (ext === 'xlsx' || ext === 'xls' || ext === 'ods') return 'spreadsheet';
  const head = decodeText(bytes.subarray(0, 256)).trimStart();
  if (ext === 'json' || head.startsWith('{') || head.startsWith('[')) return 'json';
  return 'csv';
}

/** Bytes 0x80–0x9F of Windows-1252 (the rest equals Latin-1). Decoded by hand: some Node versions map them to
 *  control characters (nodejs/node#60888). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const chunk: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    chunk.push(b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b);
    if (chunk.length === 8192) {
      out += String.fromCharCode(...chunk);
      chunk.length = 0;
    }
  }
  return out + String.fromCharCode(...chunk);
}

/** UTF-8 (with or without BOM) when it decodes cleanly, otherwise Windows-1252 (what Excel on Windows writes). */
export function decodeText(bytes: Uint8Array): string {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return decodeWindows1252(body);
  }
}

/** The delimiter that splits the first lines most consistently into more than one field. */
function detectDelimiter(text: string): string {
  const lines = text
    .split(/\r?\n/, 40)
    .filter((l) => l.trim() !== '')
    .slice(0, 20);
  let best = ';';
  let bestScore = -1;
  for (const d of [';', ',', '\t', '|']) {
    const counts = lines.map((l) => l.replace(/"[^"]*"/g, '""').split(d).length);
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 1) freq.set(c, (freq.get(c) ?? 0) + 1);
    let score = 0;
    for (const [fields, n] of freq) score = Math.max(score, n * 1000 + fields);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function checkSize(bytes: Uint8Array, fileName: string) {
  if (bytes.byteLength === 0) throw new AppException('import.leeg-bestand', { bestand: fileName });
  if (bytes.byteLength > LIMITS.maxFileBytes) {
    throw new AppException('import.te-groot', { bestand: fileName, mb: Math.round(bytes.byteLength / 1048576) });
  }
}

export function readCsv(bytes: Uint8Array, fileName: string): SheetRows {
  checkSize(bytes, fileName);
  const text = decodeText(bytes);
  if (text.includes('\u0000')) throw new AppException('import.geen-tekst', { bestand: fileName });
  const delimiter = detectDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, quoteChar: '"', skipEmptyLines: false });
  const rows = parsed.data;
  while (rows.length > 0 && rows[rows.length - 1]!.every((c) => c.trim() === '')) rows.pop();
  if (rows.length > LIMITS.maxRows) throw new AppException('import.te-veel-rijen', { bestand: fileName });
  // Rows the parser could not close (an open quote at a cut-off end): reported by the format, never trusted.
  const broken = new Set(parsed.errors.filter((e) => e.type === 'Quotes' && e.row !== undefined).map((e) => e.row!));
  return { name: fileName, rows, fixedWidth: true, brokenRows: broken };
}

export function readSpreadsheet(bytes: Uint8Array, fileName: string): SheetRows[] {
  checkSize(bytes, fileName);
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, {
      type: 'array',
      dense: true,
      cellFormula: false,
      cellHTML: false,
      cellText: false,
      cellDates: false,
      cellStyles: false,
      bookVBA: false,
    });
  } catch (err) {
    const message = String(err instanceof Error ? err.message : err);
    if (/password/i.test(message)) throw new AppException('import.versleuteld', { bestand: fileName });
    throw new AppException('import.onleesbaar', { bestand: fileName }, message);
  }
  return wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name];
    const data = (ws?.['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
    // Recompute the real extent: a bad <dimension> must not make us allocate a million rows.
    if (data.length > LIMITS.maxRows) throw new AppException('import.te-veel-rijen', { bestand: fileName });
    const rows: Cell[][] = [];
    for (let r = 0; r < data.length; r++) {
      const src = data[r];
      if (!src) {
        rows.push([]);
        continue;
      }
      const out: Cell[] = new Array(Math.min(src.length, LIMITS.maxColumns)).fill(null);
      for (let c = 0; c < out.length; c++) {
        const cell = src[c];
        if (!cell || cell.t === 'z' || cell.t === 'e') continue;
        out[c] = cell.t === 'n' || cell.t === 's' || cell.t === 'b' ? (cell.v as Cell) : String(cell.v ?? '');
      }
      rows.push(out);
    }
    while (rows.length > 0 && rows[rows.length - 1]!.every((c) => c === null || String(c).trim() === '')) rows.pop();
    return { name, rows };
  });
}

/** The first rows of every sheet (or of the CSV), cheaply: enough to recognise what kind of file it is. */
export function readHead(bytes: Uint8Array, fileName: string, rows = 30): SheetRows[] {
  checkSize(bytes, fileName);
  if (fileKind(bytes, fileName) === 'csv') {
    const text = decodeText(bytes.subarray(0, 256 * 1024));
    const delimiter = detectDelimiter(text);
    const parsed = Papa.parse<string[]>(text, { delimiter, quoteChar: '"', preview: rows });
    return [{ name: fileName, rows: parsed.data }];
  }
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'array', dense: true, sheetRows: rows, cellFormula: false, cellHTML: false });
  } catch {
    return [];
  }
  return wb.SheetNames.map((name) => {
    const data = (wb.Sheets[name]?.['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
    return {
      name,
      // Array.from, not map: a sparse row array (empty rows) must become empty rows, not holes.
      rows: Array.from(data, (r) =>
        Array.from(r ?? [], (c) => (c && c.t !== 'z' && c.t !== 'e' ? (c.v as Cell) : null)),
      ),
    };
  });
}

export function readJson(bytes: Uint8Array, fileName: string): unknown {
  checkSize(bytes, fileName);
  try {
    return JSON.parse(decodeText(bytes));
  } catch (err) {
    throw new AppException('import.geen-json', { bestand: fileName }, String(err));
  }
}

/** Spreadsheet column letter of a 0-based index (A, B, …, Z, AA, …). */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
