import type { TableData } from '../contract';

/**
 * Text that a spreadsheet would evaluate as a formula (OWASP CSV injection; ASVS V1.2.10) gets a leading
 * apostrophe. Numbers stay numbers: only text cells are guarded.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r\n]/.test(text) ? `'${text}` : text;
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = neutraliseFormula(value);
  return /[",\r\n;]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV: comma-separated, CRLF line ends, header row first, decimal point. */
export function toCsv(table: TableData): string {
  const lines = [table.columns.map((c) => csvField(c)).join(',')];
  for (const row of table.rows) lines.push(row.map(csvField).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** An array of row objects keyed by column name, as the README documents for `export --format json`. */
export function toJsonRows(table: TableData): Record<string, string | number | null>[] {
  return table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c, row[i] ?? null])));
}
