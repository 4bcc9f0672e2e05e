import type { Cell } from '../types';

export const STATUS_OK = 0;
export const STATUS_ONTBREEKT = 1;
export const STATUS_GEHEIM = 2;
export const STATUS_FOUT = 3;
export type ValueStatus = 0 | 1 | 2 | 3;

export interface ParsedValue {
  readonly value: number;
  readonly status: ValueStatus;
}

const MISSING: ParsedValue = { value: Number.NaN, status: STATUS_ONTBREEKT };
const SECRET: ParsedValue = { value: Number.NaN, status: STATUS_GEHEIM };
const BAD: ParsedValue = { value: Number.NaN, status: STATUS_FOUT };

/** CBS's own codes for secret values in its GeoPackage and TopoJSON files. */
const SECRET_NUMBERS = new Set([-99997, -99999999, -99995]);

/**
 * One CBS cell: numbers as numbers; "." (and empty, "?") missing; "x" secret; "-" nihil (0, CBS's sign);
 * decimal point or decimal comma; Dutch thousands ("1.234,5"). Anything else is an error for the caller to report.
 * Missing and secret values are never 0.
 */
export function parseCbsValue(raw: Cell, decimalComma = false): ParsedValue {
  if (raw === null || raw === undefined) return MISSING;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return BAD;
    return SECRET_NUMBERS.has(raw) ? SECRET : { value: raw, status: STATUS_OK };
  }
  if (typeof raw === 'boolean') return BAD;
  const s = raw.trim();
  if (s === '' || s === '.' || s === '?' || s === '..') return MISSING;
  if (s === 'x' || s === 'X' || s === 'geheim') return SECRET;
  if (s === '-' || s === '–') return { value: 0, status: STATUS_OK };
  let normal: string | null = null;
  // In a file that writes decimal commas, a point groups thousands ("1.234" is 1234).
  if (decimalComma && /^[+-]?\d{1,3}(\.\d{3})+$/.test(s)) normal = s.replace(/\./g, '');
  else if (/^[+-]?\d+(\.\d+)?$/.test(s)) normal = s;
  else if (/^[+-]?\d+,\d+$/.test(s)) normal = s.replace(',', '.');
  else if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) normal = s.replace(/\./g, '').replace(',', '.');
  else if (/^[+-]?\d+(\.\d+)?[eE][+-]?\d+$/.test(s)) normal = s;
  if (normal === null) return BAD;
  const value = Number(normal);
  if (!Number.isFinite(value)) return BAD;
  return SECRET_NUMBERS.has(value) ? SECRET : { value, status: STATUS_OK };
}

/** True when the cells write decimals with a comma ("1,9"), as Dutch Excel does. */
export function usesDecimalComma(cells: Iterable<Cell>): boolean {
  for (const c of cells) {
    if (typeof c !== 'string' || !c.includes(',')) continue;
    if (/^\s*[+-]?\d+,\d+\s*$/.test(c) || /^\s*[+-]?\d{1,3}(\.\d{3})+,\d+\s*$/.test(c)) return true;
  }
  return false;
}

export type Niveau = 'land' | 'gemeente' | 'wijk' | 'buurt';

/** A CBS area code, padded or not, in capitals: NL00, GM0344, WK034401, BU03440111. */
export function normaliseCode(raw: Cell): string | null {
  if (raw === null || raw === undefined) return null;
  const s = String(raw).trim().toUpperCase().replace(/\s+/g, '');
  return /^(NL\d{2}|GM\d{4}|WK\d{6}|BU\d{8})$/.test(s) ? s : null;
}

export function niveauOf(code: string): Niveau {
  if (code.startsWith('NL')) return 'land';
  if (code.startsWith('GM')) return 'gemeente';
  if (code.startsWith('WK')) return 'wijk';
  return 'buurt';
}

/** The parent in the CBS hierarchy, derived from the code: BU03440111 → WK034401 → GM0344. */
export function parentCode(code: string): string | null {
  if (code.startsWith('BU')) return `WK${code.slice(2, 8)}`;
  if (code.startsWith('WK')) return `GM${code.slice(2, 6)}`;
  return null;
}

export function gemeenteOf(code: string): string | null {
  if (code.startsWith('NL')) return null;
  return `GM${code.slice(2, 6)}`;
}
