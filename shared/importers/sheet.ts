/**
 * The only module that reads spreadsheet bytes: CSV (papaparse, with encoding and delimiter detection) and
 * xlsx/xls/ods (SheetJS, parsed as values only: no formulas, no HTML, dense). Everything else sees SheetRows.
 */
import { Inflate, unzipSync, zipSync, type Zippable } from 'fflate';
import Papa from 'papaparse';
import * as XLSX from 'xlsx';
import { AppException } from '../result';
import { LIMITS, type Cell, type SheetRows } from './types';

export type FileKind = 'csv' | 'spreadsheet' | 'json';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** What SheetJS takes for a zip: "PK" alone. Guarded as a zip from there (a damaged "PK\0\4" hung its reader). */
const PK = [0x50, 0x4b];
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
  // As UTF-16 code units through the built-in decoder: no spread of the bytes into String.fromCharCode.
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    units[i] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b;
  }
  return new TextDecoder('utf-16le').decode(units);
}

/** UTF-16 text: little-endian as is, big-endian with its byte pairs swapped (not every TextDecoder knows utf-16be). */
function decodeUtf16(body: Uint8Array, littleEndian: boolean): string {
  const even = body.subarray(0, body.length - (body.length % 2));
  if (littleEndian) return new TextDecoder('utf-16le').decode(even);
  const swapped = new Uint8Array(even.length);
  for (let i = 0; i < even.length; i += 2) {
    swapped[i] = even[i + 1]!;
    swapped[i + 1] = even[i]!;
  }
  return new TextDecoder('utf-16le').decode(swapped);
}

/** UTF-16 without a byte-order mark: in Latin text every other byte is zero (the high byte of each character). */
function utf16WithoutBom(bytes: Uint8Array): 'le' | 'be' | null {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd >= pairs * 0.4 && zeroEven === 0) return 'le';
  if (zeroEven >= pairs * 0.4 && zeroOdd === 0) return 'be';
  return null;
}

/**
 * UTF-16 with a byte-order mark (Excel's "Unicode-tekst (*.txt)" and "CSV UTF-16": little-endian, tab-separated) or
 * without one; UTF-8 (with or without BOM) when it decodes cleanly; otherwise Windows-1252 (what Excel on Windows
 * writes).
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), true);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), false);
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return decodeUtf16(bytes, utf16 === 'le');
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return decodeWindows1252(body);
  }
}

/** The delimiters a CSV from Excel, CBS or a Cognos export uses, in order of preference on a tie. */
const DELIMITERS = [';', ',', '\t', '|'];

/**
 * papaparse's own guess: the delimiter that splits the first ten records most consistently into two or more fields.
 * Records, not lines: a quoted field that spans lines (an address, a description) counts once, whatever it contains.
 * Blank records are left out of the guess; with no delimiter at all (one column) ';', as before.
 */
function detectDelimiter(text: string): string {
  const guess = Papa.parse<string[]>(text, {
    delimitersToGuess: DELIMITERS,
    quoteChar: '"',
    skipEmptyLines: 'greedy',
    preview: 1,
  });
  return guess.errors.some((e) => e.code === 'UndetectableDelimiter') ? ';' : guess.meta.delimiter;
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
  for (let r = 0; r < rows.length; r++) {
    if (rows[r]!.length > LIMITS.maxColumns) {
      throw new AppException('import.te-veel-kolommen', {
        bestand: fileName,
        rij: r + 1,
        aantal: rows[r]!.length,
        max: LIMITS.maxColumns,
      });
    }
  }
  // Rows the parser could not close (an open quote at a cut-off end): reported by the format, never trusted.
  const broken = new Set(parsed.errors.filter((e) => e.type === 'Quotes' && e.row !== undefined).map((e) => e.row!));
  return { name: fileName, rows, fixedWidth: true, brokenRows: broken };
}

// ---------------------------------------------------------------- zip limits (before SheetJS unpacks anything)

/**
 * An xlsx or ods is a zip. A "zip bomb" of 1 MB can unpack to gigabytes, and SheetJS unpacks every part before it
 * reads a cell. So first the zip's own directory is read (the sizes it claims), then every part is unpacked in
 * small steps only to count its bytes, stopping at the limit: a directory that lies about sizes is caught too.
 * Refused with a Dutch message that names the file: more than LIMITS.maxUnpackedBytes in all, or one large part
 * that grows more than LIMITS.maxZipRatio times (real sheets grow 5–20 times).
 */
export function checkZip(bytes: Uint8Array, fileName: string): void {
  if (!startsWith(bytes, PK)) return;
  const entries = zipDirectory(bytes);
  if (entries === null) throw new AppException('import.onleesbaar', { bestand: fileName }, 'zip directory not found');
  const mb = (n: number) => Math.max(1, Math.round(n / 1048576));
  const tooBig = (unpacked: number) =>
    new AppException(
      'import.uitgepakt-te-groot',
      {
        bestand: fileName,
        mb: mb(bytes.byteLength),
        max: mb(LIMITS.maxUnpackedBytes),
      },
      `at least ${unpacked} bytes unpacked`,
    );
  const ratioTooHigh = (name: string, packed: number, unpacked: number) =>
    unpacked > RATIO_CHECK_FROM && unpacked > Math.max(packed, 1) * LIMITS.maxZipRatio
      ? new AppException('import.zip-verdacht', {
          bestand: fileName,
          onderdeel: name,
          factor: Math.round(unpacked / Math.max(packed, 1)),
        })
      : null;
  // What the directory claims: the quick refusal of an ordinary bomb.
  let claimed = 0;
  for (const e of entries) {
    claimed += e.unpacked;
    if (claimed > LIMITS.maxUnpackedBytes) throw tooBig(claimed);
    const ratio = ratioTooHigh(e.name, e.packed, e.unpacked);
    if (ratio) throw ratio;
  }
  // What the parts really hold.
  let total = 0;
  for (const e of entries) {
    const local = localHeader(bytes, e.offset);
    if (local === null)
      throw new AppException('import.onleesbaar', { bestand: fileName }, `bad local header ${e.name}`);
    // SheetJS goes by the local header's method, so this does too.
    const { start, method } = local;
    if (method === 0) {
      total += e.packed;
      if (total > LIMITS.maxUnpackedBytes) throw tooBig(total);
      continue;
    }
    if (method !== 8) continue; // SheetJS refuses other methods itself
    const end = Math.min(bytes.length, start + e.packed);
    let unpacked = 0;
    const inflate = new Inflate((chunk) => {
      unpacked += chunk.length;
      if (total + unpacked > LIMITS.maxUnpackedBytes) throw tooBig(total + unpacked);
      const ratio = ratioTooHigh(e.name, e.packed, unpacked);
      if (ratio) throw ratio;
    });
    try {
      for (let at = start; at < end; at += INFLATE_STEP) {
        const stop = Math.min(end, at + INFLATE_STEP);
        inflate.push(bytes.subarray(at, stop), stop === end);
      }
      if (start >= end) inflate.push(new Uint8Array(0), true);
    } catch (err) {
      if (err instanceof AppException) throw err;
      throw new AppException('import.onleesbaar', { bestand: fileName }, `${e.name}: ${String(err)}`);
    }
    total += unpacked;
  }
}

/** Input per step of the counting inflate: 16 kB unpacks to at most about 16 MB (deflate's limit is 1032:1). */
const INFLATE_STEP = 16 * 1024;
/** Parts smaller than this may grow by any factor (a sheet of empty cells does); they are counted in the total. */
const RATIO_CHECK_FROM = 10 * 1024 * 1024;

interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly packed: number;
  readonly unpacked: number;
  readonly offset: number;
}

/** The central directory, read the way SheetJS reads it (the last end record; its entry count and offset). */
function zipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= 0; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 8, true);
  let p = view.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length) return null;
    const method = view.getUint16(p + 10, true);
    let packed = view.getUint32(p + 20, true);
    let unpacked = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    let offset = view.getUint32(p + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength));
    // ZIP64: the sizes and offset that do not fit in 32 bits follow in extra field 0x0001, in this order.
    for (let x = p + 46 + nameLength; x + 4 <= p + 46 + nameLength + extraLength && x + 4 <= bytes.length;) {
      const id = view.getUint16(x, true);
      const size = view.getUint16(x + 2, true);
      if (id === 0x0001) {
        let q = x + 4;
        const next = () => {
          if (q + 8 > bytes.length) return Number.MAX_SAFE_INTEGER;
          const v = Number(view.getBigUint64(q, true));
          q += 8;
          return v;
        };
        if (unpacked === 0xffffffff) unpacked = next();
        if (packed === 0xffffffff) packed = next();
        if (offset === 0xffffffff) offset = next();
      }
      x += 4 + size;
    }
    entries.push({ name, method, packed, unpacked, offset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** A part's local header: its compression method, and where its data begins (after 30 bytes, name, extra field). */
function localHeader(bytes: Uint8Array, offset: number): { start: number; method: number } | null {
  if (offset + 30 > bytes.length) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(offset, true) !== 0x04034b50) return null;
  return {
    start: offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true),
    method: view.getUint16(offset + 8, true),
  };
}

/** BIFF8's largest record body; a longer one is split into CONTINUE records. */
const BIFF_MAX_RECORD = 8224;

/**
 * The sector chains of a compound file (MS-CFB) are sound: every FAT sector and every chain inside the file, no
 * chain that runs into itself or into another, the directory within bounds. SheetJS's compound-file reader spent
 * 17 s and gigabytes on a damaged 4.8 MB file (fuzzer, seed 1 case 50210) before it gave up. Hand-written because
 * the reader that would check this is the one that goes wrong; it only follows numbers, it unpacks nothing.
 */
function compoundFileProblem(bytes: Uint8Array): string | null {
  if (bytes.length < 512) return 'shorter than its header';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return `sector size 2^${shift}`;
  const size = 1 << shift;
  // A last sector cut short holds the end of a stream (some writers do not pad it); sectors the check itself reads
  // (FAT, DIFAT, directory) must be whole.
  const sectors = Math.ceil((bytes.length - 512) / size);
  const whole = (sector: number) => sector < sectors && 512 + (sector + 1) * size <= bytes.length;
  const at = (sector: number) => 512 + sector * size;
  const END = 0xfffffffe;
  const FREE = 0xffffffff;
  const fatCount = view.getUint32(0x2c, true);
  const perSector = size / 4;
  if (fatCount === 0 || fatCount > sectors) return `${fatCount} FAT sectors in a file of ${sectors}`;
  // The FAT's own sectors: 109 in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(view.getUint32(0x4c + 4 * i, true));
  let difat = view.getUint32(0x44, true);
  for (let hops = 0; fatSectors.length < fatCount; hops++) {
    if (!whole(difat) || hops > sectors) return 'DIFAT chain outside the file';
    for (let i = 0; i < perSector - 1 && fatSectors.length < fatCount; i++)
      fatSectors.push(view.getUint32(at(difat) + 4 * i, true));
    difat = view.getUint32(at(difat) + size - 4, true);
  }
  if (fatSectors.some((f) => !whole(f))) return 'a FAT sector outside the file';
  const next = (sector: number) => {
    const f = fatSectors[Math.floor(sector / perSector)];
    return f === undefined ? -1 : view.getUint32(at(f) + 4 * (sector % perSector), true);
  };
  // Every chain: from its start to ENDOFCHAIN, inside the file, never through a sector another chain already took.
  const taken = new Uint8Array(sectors);
  const chain = (start: number, what: string): string | null => {
    for (let s = start, n = 0; s !== END; n++) {
      if (s === FREE && n === 0) return null; // an empty stream
      if (s < 0 || s >= sectors) return `${what}: sector ${s} outside the file`;
      if (taken[s]) return `${what}: sector ${s} twice`;
      taken[s] = 1;
      s = next(s);
    }
    return null;
  };
  const dirStart = view.getUint32(0x30, true);
  const dirProblem = chain(dirStart, 'directory');
  if (dirProblem) return dirProblem;
  const miniStart = view.getUint32(0x3c, true);
  if (miniStart !== END) {
    const p = chain(miniStart, 'mini FAT');
    if (p) return p;
  }
  // The directory's streams that live in the FAT (size ≥ the cutoff, or the root's mini stream).
  const cutoff = view.getUint32(0x38, true);
  const dirSectors: number[] = [];
  for (let s = dirStart, n = 0; s !== END && n < sectors; n++, s = next(s)) dirSectors.push(s);
  if (dirSectors.some((d) => !whole(d))) return 'a directory sector outside the file';
  for (const d of dirSectors) {
    for (let e = 0; e < size / 128; e++) {
      const base = at(d) + e * 128;
      const type = bytes[base + 66];
      if (type !== 1 && type !== 2 && type !== 5) continue;
      const start = view.getUint32(base + 116, true);
      const length = view.getUint32(base + 120, true);
      if (length > bytes.length * 64) return `a stream of ${length} bytes in a file of ${bytes.length}`;
      if (type === 5 || (type === 2 && length >= cutoff)) {
        const p = chain(start, `stream ${e}`);
        if (p) return p;
      }
    }
  }
  return null;
}

/**
 * An old Excel file (.xls: a compound file holding a BIFF "Workbook" stream), checked before SheetJS parses it:
 * its compound file must read, and the stream must be a row of records of at most 8,224 bytes that ends where the
 * stream ends (or is followed by nothing but zeros). SheetJS's BIFF reader took more than 4 GB of memory on a
 * 270 kB file whose records were damaged (found by the fuzzer, seed 1 cases 50210 and 50891); a file Excel or
 * SheetJS wrote is a clean row of records.
 */
function checkXls(bytes: Uint8Array, fileName: string): void {
  const bad = (why: string) => new AppException('import.onleesbaar', { bestand: fileName }, `xls: ${why}`);
  const fat = compoundFileProblem(bytes);
  if (fat) throw bad(fat);
  // SheetJS's own compound-file reader (typed `any` in its types): the entries with their names and contents.
  let cfb: { FileIndex: { name: string; content?: Uint8Array | number[] }[] };
  try {
    cfb = XLSX.CFB.read(bytes, { type: 'array' }) as typeof cfb;
  } catch (err) {
    throw bad(String(err));
  }
  const entry = cfb.FileIndex.find((e) => /^(workbook|book)$/i.test(e.name));
  const stream = entry?.content as Uint8Array | number[] | undefined;
  if (!stream || stream.length === 0) throw bad('no Workbook stream');
  let p = 0;
  while (p + 4 <= stream.length) {
    const type = stream[p]! | (stream[p + 1]! << 8);
    const size = stream[p + 2]! | (stream[p + 3]! << 8);
    if (type === 0 && size === 0) break; // zeros after the last record
    if (size > BIFF_MAX_RECORD) throw bad(`record ${type.toString(16)} of ${size} bytes at ${p}`);
    p += 4 + size;
  }
  if (p > stream.length) throw bad(`the last record runs past the stream (${p} > ${stream.length})`);
  for (let i = p; i < stream.length; i++) if (stream[i] !== 0) throw bad(`bytes after the records at ${i}`);
}

/**
 * The bytes SheetJS is given: a zip (xlsx, ods) within the limits, unpacked by fflate and packed again without
 * compression, so that SheetJS never inflates anything itself. Its inflater reads past a part's end and loops forever
 * on some damaged streams (a Huffman table with holes: found by the fuzzer, an xlsx whose directory and one part were
 * damaged hung the worker); fflate refuses those. Other files (xls) as they are.
 */
export function forSheetJs(bytes: Uint8Array, fileName: string): Uint8Array {
  if (startsWith(bytes, OLE)) {
    checkXls(bytes, fileName);
    return bytes;
  }
  if (!startsWith(bytes, PK)) return bytes;
  checkZip(bytes, fileName);
  let parts: Record<string, Uint8Array>;
  // fflate makes each part as large as its directory entry says (and never larger): those sizes are counted again
  // here, as fflate reads the directory (a ZIP64 end record can point to another one than checkZip read).
  let claimed = 0;
  const tooBig = new AppException(
    'import.uitgepakt-te-groot',
    {
      bestand: fileName,
      mb: Math.max(1, Math.round(bytes.byteLength / 1048576)),
      max: LIMITS.maxUnpackedBytes / 1048576,
    },
    'claimed sizes',
  );
  try {
    parts = unzipSync(bytes, {
      filter: (f) => {
        claimed += f.originalSize;
        if (claimed > LIMITS.maxUnpackedBytes) throw tooBig;
        return true;
      },
    });
  } catch (err) {
    if (err instanceof AppException) throw err;
    throw new AppException('import.onleesbaar', { bestand: fileName }, `zip: ${String(err)}`);
  }
  const stored: Zippable = {};
  for (const [name, data] of Object.entries(parts)) stored[name] = [data, { level: 0 }];
  return zipSync(stored);
}

export function readSpreadsheet(bytes: Uint8Array, fileName: string): SheetRows[] {
  checkSize(bytes, fileName);
  const zip = forSheetJs(bytes, fileName);
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(zip, {
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
      if (src.length > LIMITS.maxColumns) {
        // SheetJS keeps cells past XFD (the last column of Excel); cutting them off would lose them silently.
        for (let c = LIMITS.maxColumns; c < src.length; c++) {
          const cell = src[c];
          if (cell && cell.t !== 'z') {
            throw new AppException('import.kolom-voorbij-xfd', {
              bestand: fileName,
              blad: name,
              rij: r + 1,
              kolom: columnLetter(c),
            });
          }
        }
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
  // SheetJS unpacks the whole zip even for a few rows: the same limits as a full read.
  const zip = forSheetJs(bytes, fileName);
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(zip, { type: 'array', dense: true, sheetRows: rows, cellFormula: false, cellHTML: false });
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
