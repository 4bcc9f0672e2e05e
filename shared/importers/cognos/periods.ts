/**
 * Dates and periods as people write them in Cognos exports: "peildatum 2 april 2024", "2-4-2024", "02-04-2024",
 * "2024-04-02", an Excel serial (45384), "april 2024", "periode héél April 2024", "2024-04", "apr 2024", "2024-Q1",
 * "1-4-2024 t/m 30-4-2024". Pure; returns ISO dates (YYYY-MM-DD).
 */
export interface PeildatumOfPeriode {
  readonly peildatum: string | null;
  readonly start: string | null;
  readonly eind: string | null;
}

const MONTHS: Readonly<Record<string, number>> = {
  januari: 1,
  jan: 1,
  februari: 2,
  feb: 2,
  maart: 3,
  mrt: 3,
  mar: 3,
  april: 4,
  apr: 4,
  mei: 5,
  may: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  augustus: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Years a period can be in, as the database takes them (a mistyped 3024 is no period: the row says so). */
const jaarOk = (y: number) => y >= 1000 && y <= 2999;

function valid(y: number, m: number, d: number): boolean {
  return y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m);
}

function plain(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** An Excel date serial (days since 1899-12-30) as an ISO date. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 32874 || serial > 73051) return null; // 1990 … 2100
  const ms = Math.round(serial) * 86_400_000 + Date.UTC(1899, 11, 30);
  const d = new Date(ms);
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** All dates written out in the text, in order. */
export function findDates(text: string): string[] {
  const s = plain(text);
  const out: string[] = [];
  const re =
    /\b(\d{4})-(\d{1,2})-(\d{1,2})\b|\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b|\b(\d{1,2})\s+([a-z]{3,9})\.?\s+(\d{4})\b/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    let y: number;
    let mo: number;
    let d: number;
    if (m[1]) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    else if (m[4]) [y, mo, d] = [Number(m[6]), Number(m[5]), Number(m[4])];
    else {
      const month = MONTHS[m[8] ?? ''];
      if (!month) continue;
      [y, mo, d] = [Number(m[9]), month, Number(m[7])];
    }
    if (valid(y, mo, d)) out.push(iso(y, mo, d));
  }
  return out;
}

/**
 * A month, a range of months, a quarter or a year written on its own: "april 2024", "apr 2024", "jan t/m apr 2024",
 * "2024-04", "2024-Q1", "Q1 2024", "2024".
 */
export function findSpan(text: string): { start: string; eind: string } | null {
  const s = plain(text);
  // A range of months in one year: "jan t/m apr 2024", "januari–april 2024", "2024 (jan-apr)".
  const range =
    /\b([a-z]{3,9})\.?\s*(?:-|–|—|t\/m|tm|tot en met)\s*([a-z]{3,9})\.?\s+(\d{4})\b/.exec(s) ??
    /\b(\d{4})\s*\(?\s*([a-z]{3,9})\.?\s*(?:-|–|—|t\/m|tm|tot en met)\s*([a-z]{3,9})\.?\s*\)?/.exec(s);
  if (range) {
    const yearFirst = /^\d/.test(range[1]!);
    const [a, b, y] = yearFirst
      ? [MONTHS[range[2]!], MONTHS[range[3]!], Number(range[1])]
      : [MONTHS[range[1]!], MONTHS[range[2]!], Number(range[3])];
    if (a && b && a <= b && jaarOk(y)) return { start: iso(y, a, 1), eind: iso(y, b, lastDay(y, b)) };
  }
  let m = /\b(\d{4})\s*-?\s*q([1-4])\b|\bq([1-4])\s*[- ]?\s*(\d{4})\b|\b(\d)e\s+kwartaal\s+(\d{4})\b/.exec(s);
  if (m) {
    const y = Number(m[1] ?? m[4] ?? m[6]);
    const q = Number(m[2] ?? m[3] ?? m[5]);
    if (jaarOk(y)) return { start: iso(y, q * 3 - 2, 1), eind: iso(y, q * 3, lastDay(y, q * 3)) };
  }
  // The first word-and-year that is a month ("braker 2024 … april 2024"): one pass along the text (a search in the
  // rest after each miss, with its index taken as one in the whole text, went back and forth forever).
  const wordYear = /\b([a-z]{3,9})\.?\s+(\d{4})\b/g;
  for (let w = wordYear.exec(s); w; w = wordYear.exec(s)) {
    const month = MONTHS[w[1] ?? ''];
    const y = Number(w[2]);
    if (month && jaarOk(y)) return { start: iso(y, month, 1), eind: iso(y, month, lastDay(y, month)) };
  }
  m = /\b(\d{4})-(\d{1,2})\b(?!-\d)/.exec(s);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (jaarOk(y) && mo >= 1 && mo <= 12) return { start: iso(y, mo, 1), eind: iso(y, mo, lastDay(y, mo)) };
  }
  // A year on its own ("2021", "jaar 2021", "boekjaar 2021", "2021 (heel jaar)"): 1 January to 31 December. Only
  // when the text says nothing else, so that a stray number in a title is no period.
  m = /^\s*(?:(?:boek|kalender)?jaar\s*)?(\d{4})(?:\s*\(?(?:heel|geheel|hele)?\s*jaar\)?)?\s*$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    if (y >= 1990 && y <= 2100) return { start: iso(y, 1, 1), eind: iso(y, 12, 31) };
  }
  return null;
}

/**
 * The peildatum or period a free text (a title, header or footer) names; null when it names none. Unlike
 * `parsePeriode` in `partners/cell-values.ts`, which reads one list cell. "peildatum …" gives a peildatum; "t/m", "tot en met", "–" between two dates gives a
 * span; a month or quarter gives its span; one date alone is a peildatum.
 */
export function findPeriode(text: string): PeildatumOfPeriode | null {
  const s = plain(text);
  const dates = findDates(text);
  if (/peil\s*datum|stand\s+(per|op)|per\s+\d/.test(s) && dates.length >= 1) {
    return { peildatum: dates[0]!, start: null, eind: null };
  }
  if (dates.length >= 2 && /t\/m|tot en met|\btot\b|\s-\s|–|—/.test(s)) {
    const [a, b] = [dates[0]!, dates[1]!];
    return a <= b ? { peildatum: null, start: a, eind: b } : { peildatum: null, start: b, eind: a };
  }
  // A month or quarter wins over one stray date (such as the day the report was made).
  const withoutDates = s.replace(
    /\b\d{1,2}[-/.]\d{1,2}[-/.]\d{4}\b|\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}\s+[a-z]{3,9}\.?\s+\d{4}\b/g,
    ' ',
  );
  const span = dates.length <= 1 ? findSpan(withoutDates) : null;
  if (span) return { peildatum: null, start: span.start, eind: span.eind };
  if (dates.length === 1) return { peildatum: dates[0]!, start: null, eind: null };
  return null;
}
