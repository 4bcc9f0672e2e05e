import type { ProjectDb } from '../../db/connection';
import { taxonomieWaarden } from '../../db/repos/lijsten-import';
import { normaliseName } from '../../model/names';
import { TAXONOMIES, type Taxonomy } from '../../model/taxonomies';

/**
 * Taxonomy values as people write them ("Welzijn", "welzijn/recreatie", "W&I", "Werk & inkomen", "senioren") mapped
 * to the project's taxonomy codes: by code, by label, by a part of a label ("Welzijn/Recreatie/vrije tijd" has three),
 * by common synonyms, and by what the user mapped before (taxonomie_alias). Unknown values get a suggestion.
 */

const SYNONIEMEN: Readonly<Record<Taxonomy, Readonly<Record<string, readonly string[]>>>> = {
  leefgebied: {
    wonen: ['wonen', 'huisvesting', 'woning', 'leefbaarheid'],
    werk_inkomen: ['w i', 'w&i', 'werk', 'inkomen', 'werk inkomen', 'participatie', 'schulden', 'financien', 'geld'],
    onderwijs: ['onderwijs', 'scholing', 'school', 'educatie', 'leren', 'taal'],
    gezondheid: ['gezondheid', 'gezond', 'bewegen', 'preventie gezondheid'],
    welzijn: ['welzijn', 'recreatie', 'vrije tijd', 'vrijetijd', 'ontmoeting', 'sport', 'cultuur', 'sociaal'],
    zorg: ['zorg', 'hulpverlening', 'hulp', 'ondersteuning'],
    veiligheid: ['veiligheid', 'politie', 'justitie', 'overlast'],
  },
  doelgroep: {
    jeugd_0_4: ['0 4', '0 4 jaar', 'peuters', 'baby s', 'babys', 'jonge kinderen'],
    jeugd_4_12: ['4 12', '4 12 jaar', 'kinderen', 'basisschoolkinderen'],
    jongeren_12_27: ['12 27', 'jongeren', 'tieners', 'jongvolwassenen'],
    gezinnen: ['gezinnen', 'gezin', 'ouders', 'opvoeders'],
    volwassenen: ['volwassenen', 'iedereen', 'alle inwoners', 'inwoners'],
    ouderen_65_plus: ['ouderen', 'senioren', '65', '65 plus', '65plus', 'ouderen 65'],
    mantelzorgers: ['mantelzorgers', 'mantelzorg', 'mantelzorger'],
    lvb: ['lvb', 'licht verstandelijke beperking', 'verstandelijke beperking'],
    psychisch: ['psychisch', 'ggz', 'psychische problemen', 'verward gedrag'],
    nieuwkomers: ['nieuwkomers', 'statushouders', 'vluchtelingen', 'migranten'],
  },
  preventieniveau: {},
  soort_organisatie: {
    welzijn: ['welzijn', 'welzijnsorganisatie', 'welzijnswerk', 'opbouwwerk'],
    zorg: ['zorg', 'zorgaanbieder', 'zorginstelling', 'ggz', 'huisarts', 'thuiszorg', 'jeugdhulp'],
    gemeente: ['gemeente', 'wijkteam', 'buurtteam', 'gebiedsteam', 'sociaal team', 'overheid'],
    onderwijs: ['onderwijs', 'school', 'kinderopvang', 'basisschool'],
    informeel: [
      'informeel',
      'vrijwilligers',
      'vrijwilligersorganisatie',
      'bewoners',
      'bewonersinitiatief',
      'vereniging',
      'kerk',
      'moskee',
      'religieus',
    ],
    wonen: ['wonen', 'woningcorporatie', 'corporatie', 'woningbouwvereniging'],
    veiligheid: ['veiligheid', 'politie', 'justitie', 'handhaving'],
    werk_inkomen: ['werk inkomen', 'werk', 'inkomen', 'schuldhulp', 'uwv'],
    overig: ['overig', 'anders', 'bedrijf'],
  },
  relatietype: {
    verwijzing: ['verwijzing', 'verwijzingen', 'doorverwijzing', 'doorverwijzingen', 'verwezen', 'verwijst'],
    samenwerking: ['samenwerking', 'samenwerken', 'partner'],
    mandaat: ['mandaat'],
    financiering: ['financiering', 'subsidie', 'financier'],
    convenant: ['convenant', 'afspraak'],
    casusoverleg: ['casusoverleg', 'overleg', 'mdo'],
  },
};

/** Lower case, no diacritics, "&" as a word, punctuation as spaces. */
export function waardeSleutel(value: string): string {
  return normaliseName(value.replace(/&/g, ' & ').replace(/\+/g, ' plus '))
    .replace(/&/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The key of a taxonomy value in `PartnersImportOptions.waarden`: "leefgebied|w i". */
export const waardeKey = (taxonomie: Taxonomy, waarde: string): string => `${taxonomie}|${waardeSleutel(waarde)}`;

export interface WaardeIndex {
  /** Code for a value, or null when unknown. */
  match(taxonomie: Taxonomy, value: string): string[] | null;
  /** A likely code for an unknown value, or null. */
  suggest(taxonomie: Taxonomy, value: string): string | null;
  labels(taxonomie: Taxonomy): readonly { code: string; label: string }[];
}

/** Values longer than this get no suggestion: taxonomy labels are a few words. */
const MAX_SUGGEST = 200;

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  const t = ` ${s} `;
  for (let i = 0; i < t.length - 1; i++) m.set(t.slice(i, i + 2), (m.get(t.slice(i, i + 2)) ?? 0) + 1);
  return m;
}
function dice(x: ReadonlyMap<string, number>, b: string): number {
  const y = bigrams(b);
  let both = 0;
  let total = 0;
  for (const [k, n] of x) {
    both += Math.min(n, y.get(k) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return total === 0 ? 0 : (2 * both) / total;
}

export function buildWaardeIndex(db: ProjectDb): WaardeIndex {
  const exact = new Map<string, string>(); // `${taxonomie}|${key}` → code (code, label, alias)
  const weak = new Map<string, string>(); // label parts and synonyms
  const labels = new Map<Taxonomy, { code: string; label: string }[]>();
  for (const t of TAXONOMIES) labels.set(t, []);
  const { items, aliassen } = taxonomieWaarden(db);
  for (const it of items) {
    labels.get(it.taxonomie)?.push({ code: it.code, label: it.label });
    exact.set(`${it.taxonomie}|${waardeSleutel(it.code)}`, it.code);
    exact.set(`${it.taxonomie}|${waardeSleutel(it.label)}`, it.code);
    for (const part of it.label.split(/[/(),]| en /)) {
      const k = waardeSleutel(part);
      if (k.length >= 2 && !weak.has(`${it.taxonomie}|${k}`)) weak.set(`${it.taxonomie}|${k}`, it.code);
    }
  }
  const known = new Set(items.map((i) => `${i.taxonomie}|${i.code}`));
  for (const t of TAXONOMIES) {
    for (const [code, words] of Object.entries(SYNONIEMEN[t])) {
      if (!known.has(`${t}|${code}`)) continue;
      for (const w of words) {
        const k = waardeSleutel(w);
        if (!weak.has(`${t}|${k}`)) weak.set(`${t}|${k}`, code);
      }
    }
  }
  for (const a of aliassen) {
    if (known.has(`${a.taxonomie}|${a.code}`)) exact.set(`${a.taxonomie}|${waardeSleutel(a.waarde)}`, a.code);
  }
  const one = (t: Taxonomy, value: string): string | null => {
    const k = waardeSleutel(value);
    if (!k) return null;
    return exact.get(`${t}|${k}`) ?? weak.get(`${t}|${k}`) ?? null;
  };
  return {
    match(t, value) {
      const whole = one(t, value);
      if (whole) return [whole];
      // "welzijn/recreatie", "Werk & Inkomen / Zorg": every part must be known.
      const parts = value.split(/[/]| en | & /).filter((p) => waardeSleutel(p) !== '');
      if (parts.length < 2) return null;
      const codes = parts.map((p) => one(t, p));
      if (codes.some((c) => c === null)) return null;
      return [...new Set(codes as string[])];
    },
    suggest(t, value) {
      const k = waardeSleutel(value);
      // A cell of a page of text is no taxonomy value (and its bigrams, once per known value, took seconds).
      if (k.length > MAX_SUGGEST) return null;
      const x = bigrams(k);
      let best: string | null = null;
      let bestScore = 0.5;
      for (const [key, code] of [...exact, ...weak]) {
        if (!key.startsWith(`${t}|`)) continue;
        const s = dice(x, key.slice(t.length + 1));
        if (s > bestScore) {
          best = code;
          bestScore = s;
        }
      }
      return best;
    },
    labels: (t) => labels.get(t) ?? [],
  };
}

/** Splits a multi-value cell on ";", ",", "|" and line breaks (not on "/", which often joins one value's words). */
export function splitMulti(value: string): string[] {
  return value
    .split(/[;,|\n\r•]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && s !== '-');
}
