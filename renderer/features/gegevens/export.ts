/**
 * "Exporteer deze weergave": the rows and columns you see (filtered, sorted, visible columns), as CSV for Excel NL
 * (semicolon, decimal comma, UTF-8 with BOM) or as xlsx. Text that Excel would run as a formula gets a ' in front,
 * as in the CLI export (shared/export/formats.ts).
 */
import { neutraliseFormula } from '../../../shared/export/formats';

export type Cell = string | number | boolean | null;

export interface ViewTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).replace('.', ',') : '';
  const safe = neutraliseFormula(value);
  return /[";\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV as Excel in the Netherlands opens it with a double click: `;`, decimal comma, CRLF, a UTF-8 BOM. */
export function toCsvNl(table: ViewTable): string {
  const lines = [table.columns.map((c) => csvField(c)).join(';')];
  for (const row of table.rows) lines.push(row.map(csvField).join(';'));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/**
 * An xlsx workbook with one sheet (shared/export/xlsx.ts): the header frozen with an autofilter, numbers stay numbers,
 * text cells are text (never formulas: a leading = + - @ gets a '), booleans are ja/nee.
 */
export async function toXlsx(table: ViewTable, sheetName: string): Promise<Uint8Array> {
  // Loaded on first use: SheetJS stays out of the first bundle.
  const { schrijfWerkboek } = await import('../../../shared/export/xlsx');
  return schrijfWerkboek([
    {
      naam: sheetName,
      kolommen: table.columns.map((titel) => ({ titel, soort: 'tekst' as const })),
      rijen: table.rows.map((r) => r.map((v) => (typeof v === 'boolean' ? (v ? 'ja' : 'nee') : v))),
    },
  ]);
}

/** "organisaties-2026-11-23" (local date). */
export function exportFileName(base: string, extension: 'csv' | 'xlsx', now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `${base}-${date}.${extension}`;
}

/** Hands a file to the user as a download (browser mode and desktop alike). */
export function downloadFile(data: BlobPart, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function exportView(table: ViewTable, base: string, format: 'csv' | 'xlsx', sheetName: string) {
  if (format === 'csv') {
    downloadFile(toCsvNl(table), exportFileName(base, 'csv'), 'text/csv;charset=utf-8');
  } else {
    const bytes = await toXlsx(table, sheetName);
    downloadFile(
      bytes as Uint8Array<ArrayBuffer>,
      exportFileName(base, 'xlsx'),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  }
}
