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
 * One CBS cell: numbers as numbers; ".", "-", "?", ".." and empty are "no value" (missing); "x" secret; decimal point
 * or decimal comma; Dutch thousands ("1.234,5"). Anything else is an error for the caller to report. Missing and
 * secret values are never 0: a "-" is not read as 0 either, because it also stands for "not applicable".
 */
export function parseCbsValue(raw: Cell, decimalComma = false): ParsedValue {
  if (raw === null || raw === undefined) return MISSING;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return BAD;
    return SECRET_NUMBERS.has(raw) ? SECRET : { value: raw, status: STATUS_OK };
  }
  if (typeof raw === 'boolean') return BAD;
  const s = raw.trim();
  if (s === '' || s === '.' || s === '?' || s === '..' || s === '-' || s === '–') return MISSING;
  if (s === 'x' || s === 'X' || s === 'geheim') return SECRET;
  let normal: string | null = null;
  // In a file that writes decimal commas, a point groups thousands ("1.234" is 1234).
  if (decimalComma && /^[+-]?[1-9]\d{0,2}(\.\d{3})+$/.test(s)) normal = s.replace(/\./g, '');
  else if (/^[+-]?\d+(\.\d+)?$/.test(s)) normal = s;
  else if (/^[+-]?\d+,\d+$/.test(s)) normal = s.replace(',', '.');
  else if (/^[+-]?[1-9]\d{0,2}(\.\d{3})+(,\d+)?$/.test(s)) normal = s.replace(/\./g, '').replace(',', '.');
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
    if (/^\s*[+-]?\d+,\d+\s*$/.test(c) || /^\s*[+-]?[1-9]\d{0,2}(\.\d{3})+,\d+\s*$/.test(c)) return true;
  }
  return false;
}

export { gemeenteOf, niveauOf, normaliseCode, parentCode, type Niveau } from './codes';
