/**
 * Small counts in anything that leaves the machine. Counts 1 to drempel−1 show as "<drempel" ("<5" by default;
 * CBS hides zorg figures up to 7, so the threshold goes up to 10). When a total covers a hidden count, the smallest
 * other count of that row or column is hidden too (shown as "x"), so the hidden one can't be recovered by subtraction
 * (secondary or complementary suppression, CBS practice); when there is no other count to hide, the total is hidden.
 */
import { z } from 'zod';
import type { CelWaarde, RapportTabel } from './model';

export interface PrivacyInstellingen {
  /** On by default; switching it off is for working copies that never leave the team. */
  readonly aan: boolean;
  /** Counts below this are hidden: 2–10, default 5. */
  readonly drempel: number;
}

export const STANDAARD_PRIVACY: PrivacyInstellingen = { aan: true, drempel: 5 };

export const privacySchema = z.object({ aan: z.boolean(), drempel: z.number().int().min(2).max(10) });

/** The text for a hidden small count. */
export const kleinLabel = (p: PrivacyInstellingen) => `<${p.drempel}`;
/** The text for a count hidden so that a small one can't be recovered. */
export const GEHEIM = 'x';

/** True when a count must be hidden: 1 ≤ n < drempel (0 is shown: it is nobody). */
export function isKlein(n: number, p: PrivacyInstellingen): boolean {
  return p.aan && n > 0 && n < p.drempel;
}

/** A count as it may be shown: the number, or "<5". Already-suppressed counts (null + onderdrukt) are "<5" too. */
export function toonbaarAantal(n: number | null, onderdrukt: boolean, p: PrivacyInstellingen): number | string | null {
  if (onderdrukt) return kleinLabel(p);
  if (n === null) return null;
  return isKlein(n, p) ? kleinLabel(p) : n;
}

const hidden = (v: CelWaarde) => typeof v === 'string' && (v.startsWith('<') || v === GEHEIM);

/**
 * Protects one table: primary suppression of small counts in 'aantal' columns (and the figures derived from them),
 * then secondary suppression along the total row and total column until no line has exactly one hidden count.
 */
export function beschermTabel(tabel: RapportTabel, p: PrivacyInstellingen): RapportTabel {
  if (!p.aan) return tabel;
  const rows = tabel.rijen.map((r) => [...r]);
  const telKolommen = tabel.kolommen.flatMap((k, i) => (k.soort === 'aantal' ? [i] : []));
  const label = kleinLabel(p);
  // Primary: small counts.
  for (const row of rows) {
    for (const c of telKolommen) {
      const v = row[c];
      if (typeof v === 'number' && isKlein(v, p)) row[c] = label;
    }
  }
  const totaalRij = tabel.totaalRij && rows.length > 1 ? rows.length - 1 : -1;
  const totaalKolom = tabel.totaalKolom ?? -1;
  const deelKolommen = telKolommen.filter((c) => c !== totaalKolom);
  const detailRijen = rows.map((_, i) => i).filter((i) => i !== totaalRij);

  /** In a line whose total is shown, one hidden part can be recovered: hide one more part, or else the total. */
  const beschermLijn = (cells: { get: () => CelWaarde; set: (v: CelWaarde) => void }[], totaal: (typeof cells)[0]) => {
    if (hidden(totaal.get())) return false;
    const verborgen = cells.filter((c) => hidden(c.get()));
    if (verborgen.length !== 1) return false;
    let kleinste: (typeof cells)[0] | null = null;
    let min = Infinity;
    for (const c of cells) {
      const v = c.get();
      if (typeof v === 'number' && v > 0 && v < min) {
        min = v;
        kleinste = c;
      }
    }
    if (kleinste) kleinste.set(GEHEIM);
    else totaal.set(GEHEIM);
    return true;
  };
  const cell = (r: number, c: number) => ({
    get: () => rows[r]![c] ?? null,
    set: (v: CelWaarde) => {
      rows[r]![c] = v;
    },
  });
  for (let guard = 0; guard < 100; guard++) {
    let changed = false;
    if (totaalKolom >= 0) {
      for (const r of rows.keys()) {
        if (
          beschermLijn(
            deelKolommen.map((c) => cell(r, c)),
            cell(r, totaalKolom),
          )
        )
          changed = true;
      }
    }
    if (totaalRij >= 0) {
      for (const c of telKolommen) {
        if (
          beschermLijn(
            detailRijen.map((r) => cell(r, c)),
            cell(totaalRij, c),
          )
        )
          changed = true;
      }
    }
    if (!changed) break;
  }
  // Derived figures follow their count.
  tabel.kolommen.forEach((k, i) => {
    if (k.afgeleidVan === undefined) return;
    for (const row of rows)
      if (hidden(row[k.afgeleidVan] ?? null)) row[i] = row[k.afgeleidVan] === GEHEIM ? GEHEIM : label;
  });
  return { ...tabel, rijen: rows };
}
