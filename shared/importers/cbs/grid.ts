/**
 * The cells of one CBS table, as the parser reads them: from SheetRows (sheet.ts: papaparse, SheetJS, OData) or,
 * for a StatLine CSV download, straight from its text.
 *
 * Hand-written CSV reading (`readStatLineCsv`): papaparse makes 2.4 million strings of a whole-country download and
 * takes as long as SQLite's whole `.import` of it; a StatLine download is strict (every text field quoted, `;`, one
 * record per line), so its fields are kept as offsets into the text and figures are read from those offsets. Anything
 * else, or anything unusual in such a file (an open quote, a stray quote, a lone CR), goes through sheet.ts as before.
 */
import { AppException } from '../../result';
import { decodeText } from '../sheet';
import { LIMITS, type Cell, type SheetRows } from '../types';
import { parseCbsValue, STATUS_ONTBREEKT, STATUS_OK } from './values';

/** Bits returned by `figure` besides the status (low two bits). */
export const FIGURE_STATUS = 3;
/** The cell looks like "161.000": thousands with a point, or a decimal with three digits. */
export const FIGURE_DUIZENDTAL = 4;
/** The cell writes a decimal comma ("1,9", "1.234,5"). */
export const FIGURE_KOMMA = 8;
/** The cell is a number already (a spreadsheet cell, OData), not text. */
export const FIGURE_GETALCEL = 16;

export interface Grid {
  readonly name: string;
  readonly rowCount: number;
  /** CSV: every row should have as many fields as the header. */
  readonly fixedWidth: boolean;
  /** CSV: 0-based rows the reader could not close. */
  readonly brokenRows: ReadonlySet<number> | undefined;
  width(r: number): number;
  /** The cell as read (strings untrimmed). */
  cell(r: number, c: number): Cell;
  /** The cell as trimmed text; '' when empty. */
  text(r: number, c: number): string;
  /** True when no cell of the row has anything but spaces. */
  emptyRow(r: number): boolean;
  /** The first character of the cell that is not a space, as a char code; -1 when the cell is empty. */
  firstChar(r: number, c: number): number;
  /**
   * Reads a figure into values[k] and status[k] (NaN unless ok); returns the status, plus FIGURE_DUIZENDTAL and
   * FIGURE_KOMMA when the cell looks so. `decimalComma`: the file writes decimal commas, so "1.234" is 1234.
   */
  figure(r: number, c: number, decimalComma: boolean, values: Float64Array, status: Uint8Array, k: number): number;
  /**
   * The figures of row r in columns cols (decimal point: decimalComma false) into values/status from index base on,
   * and what `figure` returns per column into flags; returns the OR of all flags (0: all plain figures).
   */
  figures(
    r: number,
    cols: Int32Array,
    values: Float64Array,
    status: Uint8Array,
    base: number,
    flags: Uint8Array,
  ): number;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const DUIZENDTAL = /^[+-]?[1-9]\d{0,2}(\.\d{3})+$/;
const KOMMA = /^[+-]?\d+,\d+$|^[+-]?[1-9]\d{0,2}(\.\d{3})+,\d+$/;

/** Reads a figure in the slow, general way (parseCbsValue), with the same flags as the fast way. */
function slowFigure(raw: Cell, decimalComma: boolean, values: Float64Array, status: Uint8Array, k: number): number {
  const p = parseCbsValue(raw, decimalComma);
  values[k] = p.value;
  status[k] = p.status;
  // Only a figure can look like thousands or a decimal comma (".", "x", "veel" never do).
  if (typeof raw !== 'string' || p.status !== STATUS_OK) return p.status;
  const t = raw.trim();
  return p.status | (DUIZENDTAL.test(t) ? FIGURE_DUIZENDTAL : 0) | (KOMMA.test(t) ? FIGURE_KOMMA : 0);
}

/**
 * A figure from s[a, b): the common shapes ("  352866", "1.9", "12,3", "-4") are read from the characters, exactly
 * as Number() would (at most 15 digits, so the integer and the power of ten are exact and one division rounds
 * correctly); everything else (".", "x", "1.234,5", "-99997", exponents) goes through parseCbsValue.
 */
export function figureAt(
  s: string,
  a: number,
  b: number,
  decimalComma: boolean,
  values: Float64Array,
  status: Uint8Array,
  k: number,
): number {
  while (a < b && s.charCodeAt(a) === 32) a++;
  while (b > a && s.charCodeAt(b - 1) === 32) b--;
  if (a === b) {
    values[k] = Number.NaN;
    status[k] = STATUS_ONTBREEKT;
    return STATUS_ONTBREEKT;
  }
  let i = a;
  const negative = s.charCodeAt(i) === 45;
  if (negative) i++;
  let m = 0;
  let digits = 0;
  let intDigits = 0;
  let sep = 0;
  for (; i < b; i++) {
    const ch = s.charCodeAt(i);
    if (ch >= 48 && ch <= 57) {
      m = m * 10 + (ch - 48);
      digits++;
    } else if ((ch === 46 || ch === 44) && sep === 0 && digits > 0) {
      sep = ch;
      intDigits = digits;
    } else break;
  }
  const fraction = sep === 0 ? 0 : digits - intDigits;
  if (i < b || digits === 0 || digits > 15 || (sep !== 0 && fraction === 0) || negative) {
    // Negative numbers are rare and include CBS's secret codes (-99997): the general way.
    return slowFigure(s.slice(a, b), decimalComma, values, status, k);
  }
  if (sep === 46 && fraction === 3 && intDigits <= 3 && s.charCodeAt(a) !== 48) {
    // "161.000": thousands in a file with decimal commas, else 161.0; the caller may read the column again. ("0.123"
    // is never thousands.)
    values[k] = decimalComma ? m : m / 1000;
    status[k] = STATUS_OK;
    return STATUS_OK | FIGURE_DUIZENDTAL;
  }
  values[k] = sep === 0 ? m : m / POW10[fraction]!;
  status[k] = STATUS_OK;
  return sep === 44 ? STATUS_OK | FIGURE_KOMMA : STATUS_OK;
}

function cellText(c: Cell | undefined): string {
  return c === null || c === undefined ? '' : String(c).trim();
}

/** SheetRows as a Grid. */
export function gridOfRows(sheet: SheetRows): Grid {
  const rows = sheet.rows;
  return {
    name: sheet.name,
    rowCount: rows.length,
    fixedWidth: sheet.fixedWidth === true,
    brokenRows: sheet.brokenRows,
    width: (r) => rows[r]?.length ?? 0,
    cell: (r, c) => (c < 0 ? null : (rows[r]?.[c] ?? null)),
    text: (r, c) => (c < 0 ? '' : cellText(rows[r]?.[c])),
    emptyRow(r) {
      const row = rows[r];
      if (!row) return true;
      for (const c of row) if (cellText(c) !== '') return false;
      return true;
    },
    firstChar(r, c) {
      const t = c < 0 ? '' : cellText(rows[r]?.[c]);
      return t === '' ? -1 : t.charCodeAt(0);
    },
    figure(r, c, decimalComma, values, status, k) {
      const raw = rows[r]?.[c] ?? null;
      if (typeof raw === 'string') return figureAt(raw, 0, raw.length, decimalComma, values, status, k);
      const p = parseCbsValue(raw, decimalComma);
      values[k] = p.value;
      status[k] = p.status;
      return typeof raw === 'number' ? p.status | FIGURE_GETALCEL : p.status;
    },
    figures(r, cols, values, status, base, flags) {
      let all = 0;
      for (let j = 0; j < cols.length; j++) all |= flags[j] = this.figure(r, cols[j]!, false, values, status, base + j);
      return all;
    },
  };
}

/** Growable Int32Array. */
class Ints {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(1024, capacity));
  }
  grow() {
    const next = new Int32Array(this.data.length * 2);
    next.set(this.data);
    this.data = next;
  }
}

/**
 * figureAt on the bytes of a file (no string is made for the common figures); -1 when the cell needs the general
 * way (parseCbsValue on its text).
 */
function figureAtBytes(
  s: Uint8Array,
  a: number,
  b: number,
  decimalComma: boolean,
  values: Float64Array,
  status: Uint8Array,
  k: number,
): number {
  while (a < b && s[a] === 32) a++;
  while (b > a && s[b - 1] === 32) b--;
  if (a === b) {
    values[k] = Number.NaN;
    status[k] = STATUS_ONTBREEKT;
    return STATUS_ONTBREEKT;
  }
  let i = a;
  let m = 0;
  let digits = 0;
  let intDigits = 0;
  let sep = 0;
  for (; i < b; i++) {
    const ch = s[i]!;
    if (ch >= 48 && ch <= 57) {
      m = m * 10 + (ch - 48);
      digits++;
    } else if ((ch === 46 || ch === 44) && sep === 0 && digits > 0) {
      sep = ch;
      intDigits = digits;
    } else break;
  }
  const fraction = sep === 0 ? 0 : digits - intDigits;
  if (i < b || digits === 0 || digits > 15 || (sep !== 0 && fraction === 0)) return -1;
  if (sep === 46 && fraction === 3 && intDigits <= 3 && s[a] !== 48) {
    values[k] = decimalComma ? m : m / 1000;
    status[k] = STATUS_OK;
    return STATUS_OK | FIGURE_DUIZENDTAL;
  }
  values[k] = sep === 0 ? m : m / POW10[fraction]!;
  status[k] = STATUS_OK;
  return sep === 44 ? STATUS_OK | FIGURE_KOMMA : STATUS_OK;
}

/**
 * A StatLine CSV download read into field offsets, or null when the file is not one (then sheet.ts reads it). The
 * file must start with a quoted header with `;` between its fields; every quoted field must close before a `;` or a
 * line end; an unquoted field must not hold a quote; lines end in LF or CRLF (the same in the whole file). Fields
 * are decoded one by one when asked for: UTF-8 when it decodes cleanly, else Windows-1252 (as sheet.ts does).
 */
export function readStatLineCsv(bytes: Uint8Array, fileName: string): Grid | null {
  if (bytes.byteLength === 0 || bytes.byteLength > LIMITS.maxFileBytes) return null;
  const t = bytes;
  const n = t.length;
  const bom = t[0] === 0xef && t[1] === 0xbb && t[2] === 0xbf ? 3 : 0;
  if (t[bom] !== 34) return null;
  const firstLineEnd = t.indexOf(10, bom);
  let headerOk = false;
  for (let i = bom; i + 2 < (firstLineEnd < 0 ? n : firstLineEnd); i++) {
    if (t[i] === 34 && t[i + 1] === 59 && t[i + 2] === 34) {
      headerOk = true;
      break;
    }
  }
  if (!headerOk) return null;
  if (t.indexOf(0) >= 0) throw new AppException('import.geen-tekst', { bestand: fileName });
  // Room for the header's number of fields on every line (counted fast), so the arrays are made once.
  let lines = 1;
  for (let i = t.indexOf(10); i >= 0; i = t.indexOf(10, i + 1)) lines++;
  let headerFields = 1;
  for (let i = bom; i < (firstLineEnd < 0 ? n : firstLineEnd); i++) if (t[i] === 59) headerFields++;
  const starts = new Ints(lines * headerFields + 16);
  const ends = new Ints(lines * headerFields + 16);
  const rowFirst = new Ints(lines + 2);
  let S = starts.data;
  let E = ends.data;
  let fields = 0;
  let escaped: Set<number> | null = null;
  let pos = bom;
  let crlf: boolean | null = null;
  while (pos < n) {
    if (rowFirst.length === rowFirst.data.length) rowFirst.grow();
    rowFirst.data[rowFirst.length++] = fields;
    for (;;) {
      let start: number;
      let end: number;
      if (t[pos] === 34) {
        start = pos + 1;
        // A plain loop: fields are short, and indexOf costs more per call than it saves on 8 bytes.
        let q = start;
        for (;;) {
          while (q < n && t[q] !== 34) q++;
          if (q >= n || t[q + 1] !== 34) break;
          (escaped ??= new Set()).add(fields);
          q += 2;
        }
        if (q >= n) return null;
        end = q;
        pos = q + 1;
      } else {
        start = pos;
        while (pos < n) {
          const ch = t[pos]!;
          if (ch === 59 || ch === 10 || ch === 13) break;
          if (ch === 34) return null;
          pos++;
        }
        end = pos;
      }
      if (fields === S.length) {
        starts.grow();
        ends.grow();
        S = starts.data;
        E = ends.data;
      }
      S[fields] = start;
      E[fields] = end;
      fields++;
      const ch = t[pos];
      if (ch === 59) {
        pos++;
        continue;
      }
      // Line ends as the first line's (CRLF or LF): a file that mixes them goes through sheet.ts, as before.
      if (ch === 13) {
        if (t[pos + 1] !== 10 || crlf === false) return null;
        crlf = true;
        pos += 2;
      } else if (ch === 10) {
        if (crlf === true) return null;
        crlf = false;
        pos++;
      } else if (pos < n) return null;
      break;
    }
    if (rowFirst.length > LIMITS.maxRows + 1) throw new AppException('import.te-veel-rijen', { bestand: fileName });
  }
  /** The text of bytes [a, b): ASCII directly, else UTF-8 or Windows-1252 as sheet.ts decides. */
  const decode = (a: number, b: number): string => {
    if (b - a <= 256) {
      let ascii = true;
      for (let i = a; i < b; i++) {
        if (t[i]! >= 0x80) {
          ascii = false;
          break;
        }
      }
      if (ascii) return String.fromCharCode.apply(null, t.subarray(a, b) as unknown as number[]);
    }
    return decodeText(t.subarray(a, b));
  };
  const raw = (f: number) => {
    const s = decode(S[f]!, E[f]!);
    return escaped?.has(f) ? s.replace(/""/g, '"') : s;
  };
  const blank = (f: number) => {
    if (S[f] === E[f]) return true;
    const first = t[S[f]!]!;
    // Most fields start with something that is not white space: no string is made for them.
    if (first > 32 && first < 0x80) return false;
    return raw(f).trim() === '';
  };
  // Trailing rows of nothing (a final line end, empty lines at the end) are not rows, as in sheet.ts.
  let rowCount = rowFirst.length;
  if (rowFirst.length === rowFirst.data.length) rowFirst.grow();
  rowFirst.data[rowFirst.length++] = fields;
  const R = rowFirst.data;
  const rowBlank = (r: number) => {
    for (let f = R[r]!; f < R[r + 1]!; f++) if (!blank(f)) return false;
    return true;
  };
  while (rowCount > 0 && rowBlank(rowCount - 1)) rowCount--;
  const field = (r: number, c: number) => (r >= rowCount || c < 0 || c >= R[r + 1]! - R[r]! ? -1 : R[r]! + c);
  return {
    name: fileName,
    rowCount,
    fixedWidth: true,
    brokenRows: undefined,
    width: (r) => (r < rowCount ? R[r + 1]! - R[r]! : 0),
    cell(r, c) {
      const f = field(r, c);
      return f < 0 ? null : raw(f);
    },
    text(r, c) {
      const f = field(r, c);
      return f < 0 ? '' : raw(f).trim();
    },
    emptyRow: (r) => r >= rowCount || rowBlank(r),
    firstChar(r, c) {
      const f = field(r, c);
      if (f < 0) return -1;
      for (let i = S[f]!; i < E[f]!; i++) {
        const ch = t[i]!;
        if (ch >= 0x80) {
          const x = raw(f).trim();
          return x === '' ? -1 : x.charCodeAt(0);
        }
        if (ch > 32) return ch;
      }
      return -1;
    },
    figure(r, c, decimalComma, values, status, k) {
      const f = field(r, c);
      if (f < 0) {
        values[k] = Number.NaN;
        status[k] = STATUS_ONTBREEKT;
        return STATUS_ONTBREEKT;
      }
      const fast = escaped?.has(f) ? -1 : figureAtBytes(t, S[f]!, E[f]!, decimalComma, values, status, k);
      return fast >= 0 ? fast : slowFigure(raw(f), decimalComma, values, status, k);
    },
    figures(r, cols, values, status, base, flags) {
      // The whole row at once: its fields' offsets looked up once (18,000 rows × 121 figures for the country).
      const first = r < rowCount ? R[r]! : 0;
      const width = r < rowCount ? R[r + 1]! - first : 0;
      let all = 0;
      for (let j = 0; j < cols.length; j++) {
        const c = cols[j]!;
        const k = base + j;
        let fl: number;
        if (c >= width) {
          values[k] = Number.NaN;
          status[k] = STATUS_ONTBREEKT;
          fl = STATUS_ONTBREEKT;
        } else {
          const f = first + c;
          fl = escaped?.has(f) ? -1 : figureAtBytes(t, S[f]!, E[f]!, false, values, status, k);
          if (fl < 0) fl = slowFigure(raw(f), false, values, status, k);
        }
        flags[j] = fl;
        all |= fl;
      }
      return all;
    },
  };
}
