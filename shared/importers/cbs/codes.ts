/**
 * CBS area codes as CBS defines them (Toelichting Wijk- en Buurtkaart): the country NL00; a gemeente GM + 4 digits;
 * a wijk WK + the gemeente's 4 digits + 2 characters; a buurt BU + the wijk's 6 characters + 2 characters. The last
 * characters of a wijk and a buurt may be digits or capital letters: Amsterdam has WK0363AA and BU0363AA01 since the
 * 2022 division. Every module that reads a code uses these, so a code with letters is never refused in one place and
 * accepted in another.
 */

/** One full, normalised code (no padding, capitals). */
export const CBS_CODE = /^(?:NL00|GM\d{4}|WK\d{4}[0-9A-Z]{2}|BU\d{4}[0-9A-Z]{4})$/;
/** A buurt code. */
export const BUURT_CODE = /^BU\d{4}[0-9A-Z]{4}$/;
/** A buurt code without its BU prefix, as the PC6 table writes it (03630000, 0363AF09). */
export const BUURT_CODE_ZONDER_PREFIX = /^\d{4}[0-9A-Z]{4}$/;

export type Niveau = 'land' | 'gemeente' | 'wijk' | 'buurt';

/** A CBS area code, padded or not, in any case: "GM0344    " → GM0344, "bu0363aa01" → BU0363AA01; else null. */
export function normaliseCode(raw: unknown): string | null {
  if (raw === null || raw === undefined || typeof raw === 'boolean') return null;
  const s = String(raw);
  // Cheap exits first: a whole-country file asks this 18,000 times per column when looking for the code column.
  if (s.length < 4 || s.length > 40) return null;
  const t = s.trim().toUpperCase().replace(/\s+/g, '');
  return CBS_CODE.test(t) ? t : null;
}

/** True for a normalised code (see normaliseCode). */
export function isCbsCode(code: string): boolean {
  return CBS_CODE.test(code);
}

/**
 * The gemeente a raw code belongs to, read from the 4 digits after GM, WK or BU even when the rest of the code is
 * wrong ("BU0153XYZ" → GM0153): so a row of another gemeente is left out before it is judged.
 */
export function gemeenteVanRuweCode(raw: unknown): string | null {
  if (raw === null || raw === undefined || typeof raw === 'boolean') return null;
  const m = /^\s*(?:GM|WK|BU)\s*(\d{4})/i.exec(String(raw).slice(0, 40));
  return m ? `GM${m[1]}` : null;
}

export function niveauOf(code: string): Niveau {
  if (code.startsWith('NL')) return 'land';
  if (code.startsWith('GM')) return 'gemeente';
  if (code.startsWith('WK')) return 'wijk';
  return 'buurt';
}

/** The parent in the CBS hierarchy, derived from the code: BU0363AA01 → WK0363AA → GM0363. */
export function parentCode(code: string): string | null {
  if (code.startsWith('BU')) return `WK${code.slice(2, 8)}`;
  if (code.startsWith('WK')) return `GM${code.slice(2, 6)}`;
  return null;
}

export function gemeenteOf(code: string): string | null {
  if (code.startsWith('NL')) return null;
  return `GM${code.slice(2, 6)}`;
}

/**
 * A buurt code from a cell that may lack the BU prefix or its leading zeros (PC6 tables, partner lists):
 * "3440613" → BU03440613, "0363AF09" → BU0363AF09, "BU0363AF09" → BU0363AF09; else null.
 */
export function buurtCodeVan(raw: string): string | null {
  const s = raw.trim().toUpperCase().replace(/\s+/g, '');
  const rest = s.startsWith('BU') ? s.slice(2) : s;
  if (/^\d{1,8}$/.test(rest)) return `BU${rest.padStart(8, '0')}`;
  return BUURT_CODE_ZONDER_PREFIX.test(rest) ? `BU${rest}` : null;
}
