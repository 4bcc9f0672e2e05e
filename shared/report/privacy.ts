/**
 * Small counts in anything that leaves the machine. Counts 1 to drempel−1 show as "<drempel" ("<5" by default;
 * CBS hides zorg figures up to 7, so the threshold goes up to 10). Where a total is shown next to its parts, a reader
 * knows each "<5" is 1 to 4 and each "x" at least 5: when that pins a hidden count to one value (one hidden part, or
 * a remainder that leaves a hidden part no choice), another part is hidden too ("x"), the smallest first, or else the
 * total (secondary or complementary suppression, as CBS does). The check runs per line of a table (a total row or
 * column); sums that only appear across different tables are kept apart by showing each figure at one level only.
 */
import { z } from 'zod';
import type { CelWaarde, RapportTabel } from './model';

export interface PrivacyInstellingen {
  /** On by default; switching it off is for working copies that never leave the team. */
  readonly aan: boolean;
  /** Counts below this are hidden: 3–10, default 5 (at 2, "<2" would say "exactly 1"). */
  readonly drempel: number;
}

export const STANDAARD_PRIVACY: PrivacyInstellingen = { aan: true, drempel: 5 };

export const privacySchema = z.object({ aan: z.boolean(), drempel: z.number().int().min(3).max(10) });

/** The text for a hidden small count. */
export const kleinLabel = (p: PrivacyInstellingen) => `<${p.drempel}`;
/** The text for a count hidden so that a small one can't be recovered. */
export const GEHEIM = 'x';
/** How the source (Cognos) writes a count it suppressed itself: 1 to 4. */
export const BRON_ONDERDRUKT = '<5';

/**
 * Metingen that are no counts of people: amounts in euros (`kosten`) and scores (`tevredenheid`, a mean on 1–10).
 * A small one says nothing about a person, so it is never hidden as a small count; 3,5 is a score, not "<5".
 */
export const GEEN_AANTAL_MATEN: readonly string[] = ['kosten', 'tevredenheid'];

/** True when a meting of this measure counts people (and small values are hidden); false for amounts and scores. */
export function isAantalMaat(maat: string): boolean {
  return !GEEN_AANTAL_MATEN.includes(maat);
}

/** True when a count must be hidden: 1 ≤ n < drempel (0 is shown: it is nobody). */
export function isKlein(n: number, p: PrivacyInstellingen): boolean {
  return p.aan && n > 0 && n < p.drempel;
}

const hidden = (v: CelWaarde) => typeof v === 'string' && (v.startsWith('<') || v === GEHEIM);

/** What a reader knows of a hidden cell: "<5" is 1..4, "<10" is 1..9, "x" is at least the threshold. */
function bounds(v: string, p: PrivacyInstellingen, max: number): [number, number] {
  if (v === GEHEIM) return [p.drempel, max];
  const n = Number(v.slice(1));
  return [1, Number.isFinite(n) && n > 1 ? n - 1 : p.drempel - 1];
}

/**
 * True when no hidden part of a line can be recovered from its shown total: at least two hidden parts, and each of
 * them can still take two or more values given the total, the shown parts and what the labels say.
 */
export function lijnVeilig(totaal: number, delen: readonly CelWaarde[], p: PrivacyInstellingen): boolean {
  const verborgen = delen.filter((d): d is string => hidden(d));
  if (verborgen.length === 0) return true;
  if (verborgen.length === 1) return false;
  const rest = totaal - delen.reduce<number>((t, d) => t + (typeof d === 'number' ? d : 0), 0);
  const b = verborgen.map((v) => bounds(v, p, Math.max(rest, p.drempel)));
  const sumLo = b.reduce((t, [lo]) => t + lo, 0);
  const sumHi = b.reduce((t, [, hi]) => t + hi, 0);
  // A total that excludes counts suppressed at the source is not their sum: nothing to recover from it.
  if (rest < sumLo || rest > sumHi) return true;
  return b.every(([lo, hi]) => {
    const min = Math.max(lo, rest - (sumHi - hi));
    const max = Math.min(hi, rest - (sumLo - lo));
    return max > min;
  });
}

/**
 * A count as it may leave the machine, with its parts as the reader sees them: true when the total can be shown
 * (nothing small in it, or enough hidden around it).
 */
export function totaalVeilig(totaal: number, delen: readonly number[], p: PrivacyInstellingen): boolean {
  if (!p.aan) return true;
  if (isKlein(totaal, p)) return false;
  const getoond = delen.map((d) => (isKlein(d, p) ? kleinLabel(p) : d));
  return lijnVeilig(totaal, getoond, p);
}

type Cell = { get: () => CelWaarde; set: (v: CelWaarde) => void };

/** Makes one line safe: hides the smallest shown part, or else the total, until no hidden part is pinned. */
function beschermLijn(cells: Cell[], totaal: Cell, p: PrivacyInstellingen): boolean {
  const t = totaal.get();
  if (typeof t !== 'number') return false;
  let changed = false;
  for (let guard = 0; guard <= cells.length; guard++) {
    if (
      lijnVeilig(
        t,
        cells.map((c) => c.get()),
        p,
      )
    )
      return changed;
    let kleinste: Cell | null = null;
    let min = Infinity;
    for (const c of cells) {
      const v = c.get();
      if (typeof v === 'number' && v > 0 && v < min) {
        min = v;
        kleinste = c;
      }
    }
    changed = true;
    if (!kleinste) {
      totaal.set(GEHEIM);
      return true;
    }
    kleinste.set(GEHEIM);
  }
  totaal.set(GEHEIM);
  return true;
}

/**
 * Secondary suppression over rows of a list that add up to one another (a product and its sub-levels): `waarden` are
 * the cells after primary suppression, each group names the index of its total and of its parts. Changes `waarden`.
 */
export function beschermGroepen(
  waarden: CelWaarde[],
  groepen: readonly { readonly totaal: number; readonly delen: readonly number[] }[],
  p: PrivacyInstellingen,
): void {
  if (!p.aan) return;
  const cell = (i: number): Cell => ({
    get: () => waarden[i] ?? null,
    set: (v) => {
      waarden[i] = v;
    },
  });
  for (let guard = 0; guard < 100; guard++) {
    let changed = false;
    for (const g of groepen) if (beschermLijn(g.delen.map(cell), cell(g.totaal), p)) changed = true;
    if (!changed) break;
  }
}

/**
 * Protects one table: primary suppression of small counts in 'aantal' columns, then secondary suppression along the
 * total row and total column until every line is safe, then the figures derived from a hidden count.
 */
export function beschermTabel(tabel: RapportTabel, p: PrivacyInstellingen): RapportTabel {
  if (!p.aan) return tabel;
  const rows = tabel.rijen.map((r) => [...r]);
  const telKolommen = tabel.kolommen.flatMap((k, i) => (k.soort === 'aantal' ? [i] : []));
  const label = kleinLabel(p);
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
  const cell = (r: number, c: number): Cell => ({
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
            p,
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
            p,
          )
        )
          changed = true;
      }
    }
    if (!changed) break;
  }
  tabel.kolommen.forEach((k, i) => {
    if (k.afgeleidVan === undefined) return;
    for (const row of rows)
      if (hidden(row[k.afgeleidVan] ?? null)) row[i] = row[k.afgeleidVan] === GEHEIM ? GEHEIM : label;
  });
  return { ...tabel, rijen: rows };
}
