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
  afhandeling: {
    wijkteam: ['wijkteam', 'zelf', 'eigen inzet', 'hulpverlening wijkteam', 'lichte hulp'],
    voorliggend: ['voorliggend', 'algemene voorziening', 'sociale basis', 'doorverwezen', 'verwezen'],
    maatwerk: ['maatwerk', 'indicatie', 'beschikking', 'maatwerkvoorziening'],
    overig: ['overig', 'anders', 'lopend', 'onbekend'],
  },
};

/** The normalised text of a taxonomy value: lower case, no diacritics, "&" as a word, punctuation as spaces. */
export function normaliseWaarde(value: string): string {
  return normaliseName(value.replace(/&/g, ' & ').replace(/\+/g, ' plus '))
    .replace(/&/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The map key of a taxonomy value (its taxonomy and normalised text), as in `PartnersImportOptions.waarden`: "leefgebied|w i". */
export const waardeKey = (taxonomie: Taxonomy, waarde: string): string => `${taxonomie}|${normaliseWaarde(waarde)}`;

/** A suggestion for an unknown value: `zeker` only when its meaning points to this one item and to no other. */
export interface Voorstel {
  readonly code: string;
  readonly zeker: boolean;
}

export interface WaardeIndex {
  /** Code for a value, or null when unknown. */
  match(taxonomie: Taxonomy, value: string): string[] | null;
  /**
   * The best item for an unknown value, ranked by meaning: an age range ("jeugd 12-18", "65+") goes to the items
   * whose ages overlap it (and never to one whose ages do not), a known word in it ("mensen met LVB") to its item;
   * only then, and never `zeker`, a spelling alike. Null when nothing fits.
   */
  suggest(taxonomie: Taxonomy, value: string): Voorstel | null;
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

/** The age range in a value or a label: "12-18", "12 t/m 18", "0–4 jaar", "65+", "65 plus", "65 jaar en ouder". */
export function leeftijden(value: string): readonly [number, number] | null {
  const v = value.toLowerCase();
  const tot = /(\d{1,3})\s*(?:-|–|—|tot en met|t\/m|tm|tot)\s*(\d{1,3})/.exec(v);
  if (tot) {
    const [a, b] = [Number(tot[1]), Number(tot[2])];
    return a <= b && b <= 120 ? [a, b] : null;
  }
  const plus = /(\d{1,3})\s*(?:\+|plus|jaar en ouder|en ouder|jaar of ouder)/.exec(v);
  if (plus && Number(plus[1]) <= 120) return [Number(plus[1]), 120];
  return null;
}

export function buildWaardeIndex(db: ProjectDb): WaardeIndex {
  const exact = new Map<string, string>(); // waardeKey → code (code, label, alias)
  const weak = new Map<string, string>(); // label parts and synonyms
  const labels = new Map<Taxonomy, { code: string; label: string }[]>();
  for (const t of TAXONOMIES) labels.set(t, []);
  const { items, aliassen } = taxonomieWaarden(db);
  for (const it of items) {
    labels.get(it.taxonomie)?.push({ code: it.code, label: it.label });
    exact.set(waardeKey(it.taxonomie, it.code), it.code);
    exact.set(waardeKey(it.taxonomie, it.label), it.code);
    for (const part of it.label.split(/[/(),]| en /)) {
      const k = normaliseWaarde(part);
      if (k.length >= 2 && !weak.has(`${it.taxonomie}|${k}`)) weak.set(`${it.taxonomie}|${k}`, it.code);
    }
  }
  const known = new Set(items.map((i) => `${i.taxonomie}|${i.code}`));
  for (const t of TAXONOMIES) {
    for (const [code, words] of Object.entries(SYNONIEMEN[t])) {
      if (!known.has(`${t}|${code}`)) continue;
      for (const w of words) {
        const k = normaliseWaarde(w);
        if (!weak.has(`${t}|${k}`)) weak.set(`${t}|${k}`, code);
      }
    }
  }
  for (const a of aliassen) {
    if (known.has(`${a.taxonomie}|${a.code}`)) exact.set(waardeKey(a.taxonomie, a.waarde), a.code);
  }
  const one = (t: Taxonomy, value: string): string | null => {
    const k = normaliseWaarde(value);
    if (!k) return null;
    return exact.get(`${t}|${k}`) ?? weak.get(`${t}|${k}`) ?? null;
  };
  return {
    match(t, value) {
      const whole = one(t, value);
      if (whole) return [whole];
      // "welzijn/recreatie", "Werk & Inkomen / Zorg": every part must be known.
      const parts = value.split(/[/]| en | & /).filter((p) => normaliseWaarde(p) !== '');
      if (parts.length < 2) return null;
      const codes = parts.map((p) => one(t, p));
      if (codes.some((c) => c === null)) return null;
      return [...new Set(codes as string[])];
    },
    suggest(t, value) {
      const k = normaliseWaarde(value);
      // A cell of a page of text is no taxonomy value (and its bigrams, once per known value, took seconds).
      if (!k || k.length > MAX_SUGGEST) return null;
      const items = labels.get(t) ?? [];
      // 1. Ages: only items whose ages overlap the value's; the one covering most of it. Items with ages that do
      //    not overlap are ruled out for every later step ("jeugd 12-18" is never "Kinderen 4–12 jaar").
      const uitgesloten = new Set<string>();
      const range = leeftijden(value);
      if (range) {
        let best: { code: string; dekking: number } | null = null;
        let gelijk = false;
        for (const it of items) {
          const r = leeftijden(it.label);
          if (!r) continue;
          const overlap = Math.min(range[1], r[1]) - Math.max(range[0], r[0]);
          if (overlap <= 0 && !(range[0] === range[1] && range[0] >= r[0] && range[0] <= r[1])) {
            uitgesloten.add(it.code);
            continue;
          }
          const dekking = range[1] === range[0] ? 1 : overlap / (range[1] - range[0]);
          if (!best || dekking > best.dekking) {
            best = { code: it.code, dekking };
            gelijk = false;
          } else if (dekking === best.dekking) gelijk = true;
        }
        if (best) return { code: best.code, zeker: best.dekking >= 1 && !gelijk };
      }
      // 2. A known word or words of an item (its label, a part of it, a synonym) in the value, as whole words.
      const tekst = ` ${k} `;
      const woorden = new Map<string, number>(); // code → longest matching key
      for (const [key, code] of [...exact, ...weak]) {
        if (!key.startsWith(`${t}|`) || uitgesloten.has(code)) continue;
        const w = key.slice(t.length + 1);
        if (w.length < 3 || /^\d/.test(w)) continue;
        if (tekst.includes(` ${w} `)) woorden.set(code, Math.max(woorden.get(code) ?? 0, w.length));
      }
      if (woorden.size > 0) {
        const [code] = [...woorden].sort((a, b) => b[1] - a[1])[0]!;
        return { code, zeker: woorden.size === 1 };
      }
      // 3. Spelling alike (a typo): a suggestion, never preselected.
      const x = bigrams(k);
      let best: string | null = null;
      let bestScore = 0.6;
      for (const [key, code] of [...exact, ...weak]) {
        if (!key.startsWith(`${t}|`) || uitgesloten.has(code)) continue;
        const s = dice(x, key.slice(t.length + 1));
        if (s > bestScore) {
          best = code;
          bestScore = s;
        }
      }
      return best ? { code: best, zeker: false } : null;
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
