/**
 * Mutations of raw bytes and of text tables (CSV and the like): bit flips, truncation, chunks cut, repeated or
 * spliced in from another seed; rows and columns shuffled, repeated or dropped; huge cells, many columns, odd values;
 * and the encodings a municipal laptop produces (UTF-16 with and without BOM, Latin-1, broken UTF-8).
 */
import type { SqlJsStatic } from 'sql.js';
import { decodeText } from '../../shared/importers/sheet';
import type { Rng } from './prng';

export interface MutateContext {
  readonly rng: Rng;
  /** The largest file a mutation may produce. */
  readonly maxBytes: number;
  /** The long run (`npm run fuzz`) uses larger huge cells and longer tables than the unit test. */
  readonly lang: boolean;
  readonly SQL: SqlJsStatic;
  /** The other seeds of the same target, for crossover. */
  readonly others: readonly Uint8Array[];
}

/** A mutation; null when it does not apply to this input. */
export type Mutator = (input: Uint8Array, ctx: MutateContext) => Uint8Array | null;

export interface NamedMutator {
  readonly name: string;
  readonly weight: number;
  readonly fn: Mutator;
}

// ---------------------------------------------------------------- bytes ↔ "binary strings" (one char per byte)

export function toBin(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    s += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 8192)));
  }
  return s;
}

export function fromBin(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

const enc = new TextEncoder();
/** Text as UTF-8, as a binary string (to splice into a binary string). */
export const utf8Bin = (text: string): string => toBin(enc.encode(text));

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

// ---------------------------------------------------------------- generic byte mutations

const INTERESTING = [
  0x00, 0x01, 0x7f, 0x80, 0xff, 0xfe, 0x22, 0x27, 0x2c, 0x3b, 0x09, 0x0a, 0x0d, 0x7b, 0x5b, 0x5d, 0x7d, 0x3c, 0x3e,
  0x2d, 0x2e, 0x30, 0x39, 0x45, 0x65, 0xc3, 0xe2, 0xef, 0xbb, 0xbf,
];

function place(rng: Rng, length: number): number {
  // Headers and the first rows matter most: bias towards the start now and then.
  return rng.chance(0.3) ? rng.int(Math.min(length, 256)) : rng.int(length);
}

export const bitFlip: Mutator = (input, { rng }) => {
  if (input.length === 0) return null;
  const out = input.slice();
  for (let n = rng.range(1, 8); n > 0; n--) {
    const at = place(rng, out.length);
    out[at] = out[at]! ^ (1 << rng.int(8));
  }
  return out;
};

export const byteSet: Mutator = (input, { rng }) => {
  if (input.length === 0) return null;
  const out = input.slice();
  for (let n = rng.range(1, 16); n > 0; n--) out[place(rng, out.length)] = rng.pick(INTERESTING);
  return out;
};

export const truncate: Mutator = (input, { rng }) => {
  if (input.length < 2) return null;
  return input.slice(0, rng.chance(0.2) ? rng.int(64) : rng.int(input.length));
};

export const chunkDelete: Mutator = (input, { rng }) => {
  if (input.length < 4) return null;
  const at = rng.int(input.length);
  const len = rng.size(16, Math.max(16, input.length - at));
  return concat(input.subarray(0, at), input.subarray(Math.min(input.length, at + len)));
};

export const chunkRepeat: Mutator = (input, { rng, maxBytes }) => {
  if (input.length < 2) return null;
  const from = rng.int(input.length);
  const len = Math.min(rng.size(64, 4096), input.length - from);
  const chunk = input.subarray(from, from + len);
  const times = Math.min(rng.size(2, 200), Math.floor((maxBytes - input.length) / Math.max(1, len)));
  if (times < 1) return null;
  const at = rng.int(input.length + 1);
  return concat(input.subarray(0, at), ...Array.from({ length: times }, () => chunk), input.subarray(at));
};

export const chunkInsertRandom: Mutator = (input, { rng }) => {
  const at = rng.int(input.length + 1);
  return concat(input.subarray(0, at), rng.bytes(rng.size(8, 512)), input.subarray(at));
};

export const splice: Mutator = (input, { rng, others }) => {
  if (others.length === 0 || input.length === 0) return null;
  const other = rng.pick(others);
  if (other.length === 0) return null;
  return concat(input.subarray(0, rng.int(input.length)), other.subarray(rng.int(other.length)));
};

export const BYTE_MUTATORS: readonly NamedMutator[] = [
  { name: 'bit-flip', weight: 4, fn: bitFlip },
  { name: 'byte-set', weight: 3, fn: byteSet },
  { name: 'afkappen', weight: 3, fn: truncate },
  { name: 'stuk-weg', weight: 2, fn: chunkDelete },
  { name: 'stuk-herhaald', weight: 2, fn: chunkRepeat },
  { name: 'willekeurige-bytes', weight: 1, fn: chunkInsertRandom },
  { name: 'kruising', weight: 1, fn: splice },
];

// ---------------------------------------------------------------- text tables

interface Table {
  readonly bom: string;
  readonly delimiter: string;
  readonly newline: string;
  readonly rows: TableCell[][];
  readonly trailingNewline: boolean;
}

function parseTable(input: Uint8Array): Table | null {
  let s = toBin(input);
  if (s.includes('\u0000')) return null; // UTF-16: left to the encoding mutations
  let bom = '';
  if (s.startsWith('\xef\xbb\xbf')) {
    bom = s.slice(0, 3);
    s = s.slice(3);
  }
  const newline = s.includes('\r\n') ? '\r\n' : s.includes('\n') ? '\n' : s.includes('\r') ? '\r' : '\n';
  const lines = s.split(newline);
  const trailingNewline = lines.length > 1 && lines[lines.length - 1] === '';
  if (trailingNewline) lines.pop();
  const sample = lines.slice(0, 10).join('\n');
  const count = (d: string) => sample.split(d).length;
  const delimiter = [';', ',', '\t', '|'].reduce((best, d) => (count(d) > count(best) ? d : best), ';');
  return { bom, delimiter, newline, rows: lines.map((l) => l.split(delimiter)), trailingNewline };
}

function writeTable(t: Table): Uint8Array {
  return fromBin(
    t.bom +
      t.rows.map((r) => r.map((c) => cellString(c)).join(t.delimiter)).join(t.newline) +
      (t.trailingNewline ? t.newline : ''),
  );
}

/** A cell of a table being mutated: CSV cells are binary strings, spreadsheet cells keep their type. */
export type TableCell = string | number | boolean | null;

/** How new cells are made: CSV cells are UTF-8 bytes as a binary string, spreadsheet cells the value itself. */
export interface CellMaker {
  text(s: string): TableCell;
  number(n: number): TableCell;
}

/** A table mutation; returns false when it does not apply. */
type TableOp = (rows: TableCell[][], ctx: MutateContext, make: CellMaker) => boolean;

/** Values that importers have to think about: numbers at their limits, suppression marks, codes, odd text. */
export const ODD_VALUES: readonly string[] = [
  '',
  ' ',
  '0',
  '-0',
  '-1',
  '1e308',
  '-1e308',
  '1e309',
  '1e-320',
  '9007199254740993',
  '99999999999999999999999',
  'NaN',
  'Infinity',
  '-Infinity',
  '1,5',
  '1.5',
  '1.234.567',
  '1,234,567.89',
  '12,3%',
  '.',
  '-',
  '?',
  'x',
  '<5',
  '-99997',
  '-99995',
  'n.v.t.',
  '"',
  '""',
  '"a"b"',
  "'",
  '=1+1',
  '+31',
  '@SUM(A1)',
  '=HYPERLINK("http://x")',
  '__proto__',
  'constructor',
  'toString',
  'prototype',
  'hasOwnProperty',
  'GM0000',
  'GM9999',
  'WK999999',
  'BU99999999',
  'BU0363AA01',
  'bu01530710',
  'GM0153    ',
  '2024',
  '2024JJ00',
  '1899',
  '3000',
  '2024-02-30',
  '31-12-9999',
  '1-1-2025 t/m 1-1-2024',
  '2024-Q5',
  '45000',
  '3511 AB',
  '3511ab',
  '0000AA',
  '123456782',
  'Totaal',
  'totaal',
  'Onbekend',
  'Bron: CBS',
  '\u202eevil',
  'Zoë',
  'Ĳsselmonde',
  '😀',
  '\u0000',
  '\u00a0',
  '\t',
  'a\rb',
  'a\nb',
  '<script>alert(1)</script>',
  '${process.exit()}',
  '{{bestand}}',
  '%s%s%s%n',
  '../../etc/passwd',
];

/** Numbers for typed (spreadsheet) cells. */
const ODD_NUMBERS: readonly number[] = [
  0,
  -0,
  -1,
  1e308,
  -1e308,
  5e-324,
  Number.MAX_SAFE_INTEGER + 2,
  45000,
  2958466,
  -99997,
  0.5,
  1e21,
];

function hugeText(ctx: MutateContext): string {
  const { rng } = ctx;
  const n = rng.chance(0.7) ? rng.range(1_000, 64_000) : rng.range(64_000, ctx.lang ? 2_000_000 : 400_000);
  const unit = rng.pick(['A', ' ', '<', '"', '9', '1.', ';', ',', 'é', 'BU0153', '\u202e', '😀', '&lt;', '\\']);
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

const rowIndex = (rows: unknown[][], rng: Rng, withHeader = true) =>
  withHeader || rows.length < 2 ? rng.int(rows.length) : 1 + rng.int(rows.length - 1);

const cellString = (v: TableCell) => (v === null ? '' : String(v));

const TABLE_OPS: readonly (readonly [string, number, TableOp])[] = [
  [
    'rijen-geschud',
    2,
    (rows, { rng }) => {
      if (rows.length < 3) return false;
      const header = rng.chance(0.7) ? rows.splice(0, 1) : [];
      rng.shuffle(rows);
      rows.unshift(...header);
      return true;
    },
  ],
  [
    'rijen-dubbel',
    3,
    (rows, ctx) => {
      const { rng } = ctx;
      if (rows.length === 0) return false;
      const r = rowIndex(rows, rng, rng.chance(0.2));
      // At most a budget of cells (a wide CBS sheet repeated 20,000 times is 2.4 million cells): the mutation must not
      // take a good part of the 1 GB the case is judged by.
      // And of characters: a row holding a huge cell, repeated 18,000 times, was 250 MB of text that SheetJS's writer
      // then ran the whole fuzz run out of memory on (seed 1 case 22364).
      const chars = rows[r]!.reduce((t: number, c) => t + cellString(c ?? null).length, 0);
      const most = Math.max(
        1,
        Math.min(
          Math.floor((ctx.lang ? 500_000 : 40_000) / Math.max(1, rows[r]!.length)),
          Math.floor((ctx.lang ? 20_000_000 : 2_000_000) / Math.max(1, chars)),
        ),
      );
      const times = Math.min(most, rng.chance(0.8) ? rng.range(1, 5) : rng.range(5, ctx.lang ? 20_000 : 1_500));
      rows.splice(r, 0, ...Array.from({ length: times }, () => rows[r]!.slice()));
      return true;
    },
  ],
  [
    'rijen-weg',
    2,
    (rows, { rng }) => {
      if (rows.length === 0) return false;
      const r = rowIndex(rows, rng);
      rows.splice(r, rng.size(2, rows.length));
      return true;
    },
  ],
  [
    'kolommen-geschud',
    2,
    (rows, { rng }) => {
      let width = 0;
      for (const r of rows.slice(0, 50)) width = Math.max(width, r.length);
      if (width < 2) return false;
      const order = rng.shuffle(Array.from({ length: width }, (_, i) => i));
      for (let i = 0; i < rows.length; i++) rows[i] = order.map((c) => rows[i]![c] ?? null);
      return true;
    },
  ],
  [
    'kolom-dubbel',
    2,
    (rows, { rng }) => {
      const c = rng.int(rows[0]?.length ?? 0);
      const at = rng.int((rows[0]?.length ?? 0) + 1);
      for (const r of rows) r.splice(at, 0, r[c] ?? null);
      return rows.length > 0;
    },
  ],
  [
    'kolom-weg',
    2,
    (rows, { rng }) => {
      const c = rng.int(rows[0]?.length ?? 0);
      for (const r of rows) r.splice(c, 1);
      return rows.length > 0;
    },
  ],
  [
    'cel-enorm',
    2,
    (rows, ctx, { text }) => {
      if (rows.length === 0) return false;
      const row = rows[rowIndex(rows, ctx.rng)]!;
      row[ctx.rng.int(row.length + 1)] = text(hugeText(ctx));
      return true;
    },
  ],
  [
    'veel-kolommen',
    1,
    (rows, ctx, { text }) => {
      if (rows.length === 0) return false;
      const { rng } = ctx;
      const n = rng.chance(0.5) ? rng.range(100, 2_000) : rng.range(16_000, ctx.lang ? 40_000 : 20_000);
      const r = rowIndex(rows, rng);
      const label = rng.pick(['k', '', 'AantalInwoners_5', 'Naam']);
      rows[r] = rows[r]!.concat(Array.from({ length: n }, (_, i) => (label ? text(`${label}${i}`) : null)));
      return true;
    },
  ],
  [
    'vreemde-waarde',
    6,
    (rows, { rng }, make) => {
      if (rows.length === 0) return false;
      for (let n = rng.range(1, 6); n > 0; n--) {
        const row = rows[rowIndex(rows, rng, rng.chance(0.15))]!;
        const c = rng.int(Math.max(1, row.length));
        row[c] = rng.chance(0.8) ? make.text(rng.pick(ODD_VALUES)) : make.number(rng.pick(ODD_NUMBERS));
      }
      return true;
    },
  ],
  [
    'kop-veranderd',
    2,
    (rows, { rng }, { text }) => {
      const header = rows[0];
      if (!header || header.length === 0) return false;
      const c = rng.int(header.length);
      const h = cellString(header[c] ?? null);
      header[c] = rng.pick([
        text(h.toUpperCase()),
        text(h.toLowerCase()),
        text(` ${h} `),
        text(h.replace(/[aeiou]/, 'é')),
        header[rng.int(header.length)] ?? null,
        text(''),
        text(h + h),
        text(rng.pick(ODD_VALUES)),
      ]);
      return true;
    },
  ],
  [
    'lege-regels',
    1,
    (rows, { rng }, { text }) => {
      const at = rng.int(rows.length + 1);
      const width = rows[0]?.length ?? 1;
      const empty = () => (rng.chance(0.5) ? [text('')] : Array.from({ length: width }, () => text('')));
      rows.splice(at, 0, ...Array.from({ length: rng.range(1, 5) }, empty));
      return true;
    },
  ],
  [
    'aanhalingstekens',
    2,
    (rows, { rng }, { text }) => {
      if (rows.length === 0) return false;
      const row = rows[rowIndex(rows, rng)]!;
      const c = rng.int(Math.max(1, row.length));
      const v = cellString(row[c] ?? null);
      row[c] = text(rng.pick([`"${v}`, `${v}"`, `"${v}"`, `"${v.replace(/(.)/, '$1"')}"`, `"${v}""`, '"']));
      return true;
    },
  ],
  [
    'rij-korter-langer',
    1,
    (rows, { rng }, { text }) => {
      if (rows.length < 2) return false;
      const row = rows[rowIndex(rows, rng, false)]!;
      if (rng.chance(0.5)) row.splice(rng.int(row.length));
      else row.push(...Array.from({ length: rng.range(1, 5) }, () => text(rng.pick(ODD_VALUES))));
      return true;
    },
  ],
];

/** The table mutations for any table of cells (used by the CSV mutations here and the sheet mutations in mutate-zip). */
export function mutateTable(rows: TableCell[][], ctx: MutateContext, make: CellMaker): string | null {
  const [name, , op] = ctx.rng.weighted(TABLE_OPS.map((entry) => [entry, entry[1]] as const));
  return op(rows, ctx, make) ? name : null;
}

const CSV_CELLS: CellMaker = { text: utf8Bin, number: (n) => utf8Bin(String(n)) };

function tableMutator(op: TableOp): Mutator {
  return (input, ctx) => {
    const t = parseTable(input);
    if (!t || !op(t.rows, ctx, CSV_CELLS)) return null;
    return writeTable(t);
  };
}

const delimiterSwap: Mutator = (input, ctx) => {
  const t = parseTable(input);
  if (!t) return null;
  const delimiter = ctx.rng.pick([';', ',', '\t', '|', ' '].filter((d) => d !== t.delimiter));
  return writeTable({ ...t, delimiter });
};

const newlineSwap: Mutator = (input, ctx) => {
  const t = parseTable(input);
  if (!t) return null;
  const newline = ctx.rng.pick(['\n', '\r\n', '\r', '\n\r'].filter((n) => n !== t.newline));
  return writeTable({ ...t, newline, trailingNewline: ctx.rng.chance(0.5) });
};

export const TABLE_MUTATORS: readonly NamedMutator[] = [
  ...TABLE_OPS.map(([name, weight, op]) => ({ name, weight, fn: tableMutator(op) })),
  { name: 'scheidingsteken', weight: 1, fn: delimiterSwap },
  { name: 'regeleinden', weight: 1, fn: newlineSwap },
];

// ---------------------------------------------------------------- encodings

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(out.buffer);
  let at = 0;
  if (bom) {
    view.setUint16(0, 0xfeff, littleEndian);
    at = 2;
  }
  for (let i = 0; i < text.length; i++, at += 2) view.setUint16(at, text.charCodeAt(i), littleEndian);
  return out;
}

function latin1(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i] = c < 0x100 ? c : 0x3f;
  }
  return out;
}

const BAD_UTF8 = [
  [0x80],
  [0xbf],
  [0xc0, 0x80],
  [0xc3],
  [0xe2, 0x82],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xfe],
  [0xff],
  [0xef, 0xbb, 0xbf],
  [0x00],
];

const reencode: Mutator = (input, { rng }) => {
  const text = decodeText(input);
  switch (rng.int(7)) {
    case 0:
      return utf16(text, true, true);
    case 1:
      return utf16(text, true, false);
    case 2:
      return utf16(text, false, true);
    case 3:
      return utf16(text, false, false);
    case 4:
      return latin1(text);
    case 5:
      return concat(new Uint8Array([0xef, 0xbb, 0xbf]), enc.encode(text));
    default:
      return enc.encode(text);
  }
};

const brokenUtf8: Mutator = (input, { rng }) => {
  let out = input;
  for (let n = rng.range(1, 4); n > 0; n--) {
    const at = rng.chance(0.2) ? out.length : rng.int(out.length + 1);
    out = concat(out.subarray(0, at), new Uint8Array(rng.pick(BAD_UTF8)), out.subarray(at));
  }
  return out;
};

/** UTF-16 cut at an odd byte, or with a lone surrogate: what a truncated Excel "Unicode-tekst" looks like. */
const brokenUtf16: Mutator = (input, { rng }) => {
  const text = decodeText(input);
  const bytes = utf16(text, true, rng.chance(0.7));
  const view = new DataView(bytes.buffer);
  if (bytes.length >= 4 && rng.chance(0.5))
    view.setUint16(2 * rng.int(bytes.length / 2), rng.pick([0xd800, 0xdfff]), true);
  return rng.chance(0.5) ? bytes.subarray(0, bytes.length - 1 - 2 * rng.int(Math.min(8, bytes.length / 2))) : bytes;
};

export const ENCODING_MUTATORS: readonly NamedMutator[] = [
  { name: 'codering', weight: 3, fn: reencode },
  { name: 'kapotte-utf8', weight: 2, fn: brokenUtf8 },
  { name: 'kapotte-utf16', weight: 1, fn: brokenUtf16 },
];
