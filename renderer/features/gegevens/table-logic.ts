/** Pure rules of the Gegevens tables: how a filter matches, how values sort, which columns are hidden. */

export type CellValue = string | number | null | undefined;

/** Lower case, no accents, single spaces: "Café  ’t Nije" → "cafe ’t nije". */
export function normaliseText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const COMPARISON = /^(<=|>=|<|>|=)\s*(-?\d+(?:[.,]\d+)?)$/;

/**
 * Does a value match what the user typed in a column filter? Text: every word must occur (accents and case
 * ignored). Numbers also take a comparison: "> 10", "<=5", "=0". "-" finds empty cells.
 */
export function matchesFilter(value: CellValue, filter: string, numeric = false): boolean {
  const f = filter.trim();
  if (!f) return true;
  const empty = value === null || value === undefined || value === '';
  if (f === '-') return empty;
  if (numeric) {
    const m = COMPARISON.exec(f);
    if (m) {
      if (typeof value !== 'number') return false;
      const n = Number(m[2]!.replace(',', '.'));
      switch (m[1]) {
        case '<':
          return value < n;
        case '<=':
          return value <= n;
        case '>':
          return value > n;
        case '>=':
          return value >= n;
        default:
          return value === n;
      }
    }
  }
  if (empty) return false;
  const text = normaliseText(String(value));
  return normaliseText(f)
    .split(' ')
    .every((word) => text.includes(word));
}

const collator = new Intl.Collator('nl', { numeric: true, sensitivity: 'base' });

/** Dutch order for text ("’t Nije" near "Nije"? no: as written, but case and accents ignored), numbers by value. */
export function compareValues(a: CellValue, b: CellValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a ?? ''), String(b ?? ''));
}

/** An empty cell sorts last whichever way you sort: the value for TanStack's `sortUndefined: 'last'`. */
export function sortValue(v: CellValue): string | number | undefined {
  return v === null || v === undefined || v === '' ? undefined : v;
}

const STORAGE_PREFIX = 'wijkweb.kolommen.';

/** The columns you chose to hide in a table, remembered in this browser. */
export function loadHiddenColumns(tableId: string, defaults: readonly string[]): Record<string, boolean> {
  try {
    const raw = localStorage.getItem(STORAGE_PREFIX + tableId);
    if (raw) {
      const parsed = JSON.parse(raw) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        return Object.fromEntries(
          Object.entries(parsed as Record<string, unknown>).filter(([, v]) => typeof v === 'boolean'),
        ) as Record<string, boolean>;
      }
    }
  } catch {
    // storage disabled or damaged: the defaults
  }
  return Object.fromEntries(defaults.map((id) => [id, false]));
}

export function saveHiddenColumns(tableId: string, visibility: Record<string, boolean>): void {
  try {
    localStorage.setItem(STORAGE_PREFIX + tableId, JSON.stringify(visibility));
  } catch {
    // storage disabled: the choice lasts for this session
  }
}

/** Indexes from a to b inclusive, in either direction (shift-click selects a range). */
export function rangeBetween(a: number, b: number): number[] {
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}
