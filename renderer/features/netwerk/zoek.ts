/** Type-ahead matching of knopen by name (accents and case ignored; names that start with what you typed first). */
import { normaliseText } from '../gegevens/table-logic';

export interface KnoopOptie {
  readonly id: string;
  readonly naam: string;
  /** "Organisatie · Welzijn" */
  readonly detail: string;
}

/** At most this many matches in the list. */
export const MAX_TREFFERS = 12;

export function zoekKnopen(opties: readonly KnoopOptie[], tekst: string, max = MAX_TREFFERS): KnoopOptie[] {
  const q = normaliseText(tekst);
  if (!q) return [];
  const woorden = q.split(' ');
  const scored: [KnoopOptie, number][] = [];
  for (const o of opties) {
    const naam = normaliseText(o.naam);
    if (!woorden.every((w) => naam.includes(w) || normaliseText(o.detail).includes(w))) continue;
    scored.push([o, naam.startsWith(q) ? 0 : naam.includes(q) ? 1 : 2]);
  }
  return scored
    .sort(([a, x], [b, y]) => x - y || a.naam.localeCompare(b.naam, 'nl'))
    .slice(0, max)
    .map(([o]) => o);
}
