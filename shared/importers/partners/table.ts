import { AppException } from '../../result';
import { columnLetter, fileKind, readCsv, readSpreadsheet } from '../sheet';
import type { Cell, ImportFile, ImportIssue, SheetRows } from '../types';
import { isBsn } from '../cognos/parse';

/**
 * Lists (partners, relaties) are one table per sheet with a header row somewhere near the top, sometimes with a
 * row of merged group cells above it ("Organisatie" over naam/adres/…, "Aanbod" over the offer's columns). This
 * finds the sheet, the header row and what each column means, from a list of recognisers per field.
 */

export const cellText = (c: Cell | undefined): string =>
  c === null || c === undefined
    ? ''
    : typeof c === 'number'
      ? String(c)
      : String(c)
          .replace(/\u00a0/g, ' ')
          .trim();

/** Header text is compared on its first HEADER_KEY_LENGTH characters (a header is a few words). */
const HEADER_KEY_LENGTH = 200;

/**
 * Header text compared: lower case, no diacritics, punctuation as spaces; of a long cell only the start (every cell of
 * the first rows is tried as a header: a cell of 1.5 million characters took 45 s through the recognisers).
 */
export function headerKey(s: string): string {
  return (s.length > HEADER_KEY_LENGTH ? s.slice(0, HEADER_KEY_LENGTH) : s)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9+]+/g, ' ')
    .trim();
}

/** Field recognisers: a test on the header key and on the group key above it (may be ''). */
export type Recogniser<F extends string> = readonly [F, (header: string, group: string) => boolean];

export interface DetectedTable<F extends string> {
  readonly sheet: SheetRows;
  /** 0-based row of the header (the lowest header row). */
  readonly headerRow: number;
  /** Column headers as the user sees them (group and header joined with " / "). */
  readonly headers: readonly string[];
  /** Field per column, automatic; the user's mapping overrides it. */
  readonly auto: readonly (F | null)[];
  readonly sheets: readonly string[];
}

export function readSheets(file: ImportFile): SheetRows[] {
  const kind = fileKind(file.bytes, file.name);
  if (kind === 'json') throw new AppException('import.verkeerd-formaat', { bestand: file.name });
  return kind === 'csv' ? [readCsv(file.bytes, file.name)] : readSpreadsheet(file.bytes, file.name);
}

/**
 * Headers about a person (a client, a resident, a participant, a contact person): such a column is never taken as a
 * field, and a list with one is refused. "Aantal cliënten" or "Aantal deelnemers" (counts) are fine.
 */
const PERSON_ALWAYS =
  /\bbsn\b|burgerservice|geboorte|\bgeb (datum|jaar)\b|voornaam|achternaam|roepnaam|voorletters|contactpersoon|jeugdige/;
const PERSON_WHO = /\b(client|clienten|inwoner|bewoner|deelnemer|patient|jongere|ouder|kind)\b/;
const PERSON_WHAT = /\b(naam|adres|e ?mail|telefoon|tel|nummer|nr|postcode|woonplaats|bsn)\b/;

export function isPersonHeader(header: string): boolean {
  const key = headerKey(header);
  if (PERSON_ALWAYS.test(key)) return true;
  if (!PERSON_WHO.test(key)) return false;
  // "Cliënt" or "Naam deelnemer" name a person; "Aantal cliënten" counts them.
  return PERSON_WHAT.test(key) || /^(client|inwoner|bewoner|deelnemer|patient)$/.test(key);
}

function recognise<F extends string>(
  recognisers: readonly Recogniser<F>[],
  headers: readonly string[],
  groups: readonly string[],
): (F | null)[] {
  const used = new Set<F>();
  return headers.map((h, i) => {
    const key = headerKey(h);
    if (!key || isPersonHeader(h)) return null;
    for (const [field, test] of recognisers) {
      if (!used.has(field) && test(key, headerKey(groups[i] ?? ''))) {
        used.add(field);
        return field;
      }
    }
    return null;
  });
}

/** The best sheet (or the chosen one) and its header row: the row among the first 30 where most columns are known. */
export function detectTable<F extends string>(
  file: ImportFile,
  recognisers: readonly Recogniser<F>[],
  required: F,
  blad?: string,
): DetectedTable<F> {
  const sheets = readSheets(file);
  const candidates = blad ? sheets.filter((s) => s.name === blad) : sheets;
  if (candidates.length === 0) throw new AppException('import.blad-onbekend', { bestand: file.name, blad: blad ?? '' });
  let best: (DetectedTable<F> & { score: number }) | null = null;
  for (const sheet of candidates) {
    const limit = Math.min(sheet.rows.length, 30);
    for (let r = 0; r < limit; r++) {
      const row = sheet.rows[r] ?? [];
      const cells = row.map(cellText);
      const filled = cells.filter((c) => c !== '').length;
      // One column is enough when it is the one that matters (a plain list of names).
      if (filled === 0 || (filled === 1 && !recognise(recognisers, cells, []).includes(required))) continue;
      // A group row above: fewer filled cells, each covering the columns to its right (merged cells are stored in
      // the first cell only).
      const above = r > 0 ? (sheet.rows[r - 1] ?? []).map(cellText) : [];
      const groups: string[] = [];
      let current = '';
      const aboveFilled = above.filter((c) => c !== '').length;
      // (A single filled cell above is a title, not a group row.)
      const isGroupRow = aboveFilled >= 2 && aboveFilled < cells.filter((c) => c !== '').length;
      for (let c = 0; c < cells.length; c++) {
        if (isGroupRow && above[c]) current = above[c]!;
        groups.push(isGroupRow ? current : '');
      }
      const auto = recognise(recognisers, cells, groups);
      const score = auto.filter((f) => f !== null).length + (auto.includes(required) ? 2 : 0);
      if (!best || score > best.score) {
        best = {
          sheet,
          headerRow: r,
          headers: cells.map((h, c) => (groups[c] && h ? `${groups[c]} / ${h}` : h || columnLetter(c))),
          auto,
          sheets: sheets.map((s) => s.name),
          score,
        };
      }
    }
  }
  if (!best || best.score < 2) {
    throw new AppException('lijst.geen-kopregel', { bestand: file.name });
  }
  return best;
}

/** A BSN with or without separators ("111222333", "1112.22.333", "111 222 333") passing the 11-proof. */
function looksLikeBsn(v: string): boolean {
  const digits = v.replace(/[\s.-]/g, '');
  return /^\d{8,9}$/.test(digits) && isBsn(digits) && /^[\d\s.-]+$/.test(v);
}

/**
 * Person-level data never enters a project: columns named after a client, resident or participant (their name,
 * birth date, age, e-mail, address …), a contact person, or holding BSNs (with or without a header).
 */
export function personDataIssues(fileName: string, t: DetectedTable<string>): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const where = t.sheet.name !== fileName ? { sheet: t.sheet.name } : {};
  // Filled and BSN-like cells per column, in one pass over the rows: no spread of a row count into Math.max (a
  // stack overflow at 150,000 rows) and no columns × rows scan (16,384 columns by a million rows).
  let width = t.headers.length;
  const filled: number[] = [];
  const bsnLike: number[] = [];
  for (let r = t.headerRow + 1; r < t.sheet.rows.length; r++) {
    const row = t.sheet.rows[r] ?? [];
    if (row.length > width) width = row.length;
    for (let c = 0; c < row.length; c++) {
      const v = cellText(row[c]);
      if (v === '') continue;
      filled[c] = (filled[c] ?? 0) + 1;
      if (looksLikeBsn(v)) bsnLike[c] = (bsnLike[c] ?? 0) + 1;
    }
  }
  for (let c = 0; c < width; c++) {
    const header = c < t.headers.length ? t.headers[c]! : '';
    const ownHeader = cellText(t.sheet.rows[t.headerRow]?.[c]);
    const values = filled[c] ?? 0;
    const bsns = bsnLike[c] ?? 0;
    const named = ownHeader !== '' && isPersonHeader(ownHeader);
    // BSNs: most values of the column pass the 11-proof (any count when all of them do).
    const bsn = bsns > 0 && (bsns === values || (bsns >= 3 && bsns >= values * 0.8));
    if (named || bsn) {
      const column = header || columnLetter(c);
      issues.push({
        level: 'fout',
        code: 'import.persoonsgegevens',
        file: fileName,
        ...where,
        row: t.headerRow + 1,
        column,
        params: { kolom: column },
      });
    }
  }
  return issues;
}

/**
 * A header that repeats an earlier column's header: only one of them can fill the field, so the later one is left
 * out. That is said (a warning naming the column and the one used instead), never done silently.
 */
export function duplicateHeaderIssues(
  fileName: string,
  t: DetectedTable<string>,
  used: ReadonlyMap<string, number>,
): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const where = t.sheet.name !== fileName ? { sheet: t.sheet.name } : {};
  const inUse = new Set(used.values());
  const first = new Map<string, number>();
  t.headers.forEach((header, c) => {
    const own = headerKey(cellText(t.sheet.rows[t.headerRow]?.[c]));
    if (own === '') return;
    const key = headerKey(header);
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, c);
      return;
    }
    if (inUse.has(c)) return;
    issues.push({
      level: 'waarschuwing',
      code: 'lijst.kolom-dubbel',
      file: fileName,
      ...where,
      row: t.headerRow + 1,
      column: header,
      params: { kolom: header, letter: columnLetter(c), eerder: columnLetter(earlier) },
    });
  });
  return issues;
}

/** The column of each field: the user's mapping where given, else the automatic one. */
export function applyMapping<F extends string>(
  t: DetectedTable<F>,
  mapping: Partial<Record<F, number | null>> | undefined,
): Map<F, number> {
  const byField = new Map<F, number>();
  t.auto.forEach((f, i) => {
    if (f && !(mapping && f in mapping)) byField.set(f, i);
  });
  for (const [f, i] of Object.entries(mapping ?? {}) as [F, number | null][]) {
    if (i === null || i === undefined) byField.delete(f);
    else if (i >= 0 && i < t.headers.length) {
      for (const [other, j] of byField) if (j === i && other !== f) byField.delete(other);
      byField.set(f, i);
    }
  }
  return byField;
}

/** Data rows below the header: skips empty rows and repeated header rows. 1-based row numbers as the user sees. */
export function dataRows(t: DetectedTable<string>): { row: number; cells: string[] }[] {
  const out: { row: number; cells: string[] }[] = [];
  const headerKeys = t.sheet.rows[t.headerRow]?.map((c) => headerKey(cellText(c))).join('|');
  for (let r = t.headerRow + 1; r < t.sheet.rows.length; r++) {
    const cells = (t.sheet.rows[r] ?? []).map(cellText);
    if (cells.every((c) => c === '')) continue;
    if (cells.map(headerKey).join('|') === headerKeys) continue;
    out.push({ row: r + 1, cells });
  }
  return out;
}
