/** What the row and column labels of a Cognos export say: product levels, wet, vorm, measure. */
export type Wet = 'Wmo' | 'Jeugdwet';
export type Vorm = 'individueel' | 'groep';

export interface ProductLabel {
  readonly ondersteuningsbehoefte: number | null;
  readonly subniveau: string | null;
  readonly vorm: Vorm | null;
  readonly wet: Wet | null;
}

function plain(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export function wetIn(text: string): Wet | null {
  const s = plain(text);
  if (/\bwmo\b/.test(s)) return 'Wmo';
  if (/\bjeugd(wet|hulp)?\b/.test(s)) return 'Jeugdwet';
  return null;
}

export function vormIn(text: string): Vorm | null {
  const s = plain(text);
  const ind = /\bindividu/.test(s);
  const groep = /\bgroep/.test(s);
  if (ind && !groep) return 'individueel';
  if (groep && !ind) return 'groep';
  return null;
}

/** "Ondersteuningsbehoefte 1A Individueel", "Ondersteuningsbehoefte 1 Wmo", "OB 2B", "1A Groep". */
export function parseProductLabel(text: string): ProductLabel {
  const s = plain(text);
  const m =
    /(?:ondersteuningsbehoefte|\bob)\s*([1-9])\s*([a-c])?\b/.exec(s) ?? /^\s*([1-9])\s*([a-c])?\b(?=\s|$)/.exec(s);
  return {
    ondersteuningsbehoefte: m ? Number(m[1]) : null,
    subniveau: m?.[2] ? m[2].toUpperCase() : null,
    vorm: vormIn(s),
    wet: wetIn(s),
  };
}

export function looksLikeProduct(text: string): boolean {
  const s = plain(text);
  return /ondersteuningsbehoefte|\bob\s*[1-9]|^\s*[1-9][a-c]?\s+(individueel|groep)/.test(s);
}

/** The measure a column header (or a title) names; null when it names none. */
export function maatIn(text: string): string | null {
  const s = plain(text);
  // What happened with an aanmelding, amounts and scores first: "Afhandeling aanmeldingen" is no count of meldingen.
  // ("Resultaat" names an afhandeling column, not a title: Cognos titles say "resultaat" of anything.)
  if (/afhandeling|\buitkomst|wat is (er\s*)?mee gebeurd/.test(s)) return 'afhandeling';
  if (/\b(kosten|uitgaven|bedrag(en)?|lasten)\b|\beuro\b|€/.test(s)) return 'kosten';
  if (/tevredenheid|rapportcijfer|\bcijfer\b|\bscore\b/.test(s)) return 'tevredenheid';
  if (/unieke\s+cli[e]?nt|clienten|cli[eë]nten/.test(s)) return 'unieke_clienten';
  if (/toewijzing|indicatie|beschikking/.test(s)) return 'toewijzingen';
  if (/melding|aanmelding/.test(s)) return 'meldingen';
  return null;
}

export function isTotalLabel(text: string): boolean {
  return /^\s*(sub|eind|grand\s*)?tota(a)?l\b|^\s*totaal\s*$|^\s*som\b/i.test(text);
}

/** Suppressed counts as Cognos and its users write them; "<5" says the count is 1 to 4. */
export function parseSuppressed(text: string): { min: number | null; max: number | null } | null {
  const s = text.trim().toLowerCase();
  const lt = /^<\s*(\d+)$/.exec(s);
  if (lt) return { min: 1, max: Number(lt[1]) - 1 };
  if (s === 'x' || s === '*' || s === '-' || s === 'geheim' || s === '…' || s === '...')
    return { min: null, max: null };
  return null;
}

/**
 * An amount or a score: "€ 1.234,56", "€1234", "1.234.567" (Dutch thousands), "-1.234,00" and "€ -1.234" (a
 * correction), "€ 1.234,-", "7,4", "1234.5" (a decimal point when not followed by exactly three digits), a number cell. Null when
 * it is no amount. Counts use `parseCount`, which takes no euro sign.
 */
export function parseBedrag(cell: string | number | boolean | null): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== 'string') return null;
  let s = cell.trim().replace(/[\u00a0\u202f]/g, ' ');
  let negatief = false;
  // A sign before or after the euro sign; "EUR" as well; a minus written as an en dash or a minus sign.
  s = s.replace(/^[-–−]\s*/, () => ((negatief = true), ''));
  s = s.replace(/^(€|eur\b)\s*/i, '');
  if (!negatief) s = s.replace(/^[-–−]\s*/, () => ((negatief = true), ''));
  s = s.replace(/\s*(€|eur)$/i, '').trim();
  // "€ 1.234,-": whole euros.
  s = s.replace(/,-{1,2}$/, '');
  let n: number | null = null;
  if (/^\d+$/.test(s)) n = Number(s);
  else if (/^\d{1,3}([. ]\d{3})+$/.test(s)) n = Number(s.replace(/[. ]/g, ''));
  else if (/^\d+,\d+$/.test(s)) n = Number(s.replace(',', '.'));
  else if (/^\d{1,3}([. ]\d{3})+,\d+$/.test(s)) n = Number(s.replace(/[. ]/g, '').replace(',', '.'));
  else if (/^\d+\.(\d{1,2}|\d{4,})$/.test(s)) n = Number(s);
  if (n === null || !Number.isFinite(n)) return null;
  return negatief ? -n : n;
}

/** A count: "42", "1.234" (Dutch thousands), "1 234", 42 (a number cell). Null when it is not a whole count. */
export function parseCount(cell: string | number | boolean | null): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== 'string') return null;
  const s = cell.trim().replace(/\u00a0/g, ' ');
  if (/^-?\d+$/.test(s)) return Number(s);
  if (/^-?\d{1,3}([. ]\d{3})+$/.test(s)) return Number(s.replace(/[. ]/g, ''));
  if (/^-?\d+,\d+$/.test(s)) return Number(s.replace(',', '.'));
  if (/^-?\d{1,3}(\.\d{3})+,\d+$/.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
  return null;
}
