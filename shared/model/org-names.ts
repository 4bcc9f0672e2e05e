import { normalisePostcode } from './sociale-kaart';
import plaatsnamen from '../../data/plaatsnamen.json';

/*
 * Organisation names as gebiedsteams type them in Excel: "Alifa", "Stichting Alifa", "ALIFA welzijn", "Alifa Welzijn
 * Enschede". orgNameKey folds away what does not tell organisations apart (case, punctuation, diacritics, legal forms,
 * a trailing place name), so equal keys can merge automatically; findDuplicateCandidates proposes the fuzzier pairs,
 * each with its reasons, for a person to decide.
 */

// ------------------------------------------------------------------ word lists

/** Words that carry no meaning in a name. Never distinctive, left out when names are compared. */
const STOPWORDS = new Set([
  'de',
  'het',
  'een',
  'van',
  'voor',
  'en',
  'in',
  'op',
  'aan',
  'der',
  'den',
  'des',
  'te',
  'ter',
  'tot',
  'met',
  'bij',
  'uit',
  'om',
  'of',
  's',
  'the',
  'and',
  'for',
]);

/** Legal forms, removed at the start and end of a name ("Stichting Alifa", "Dock B.V.", "Coöperatie X U.A."). */
const LEGAL_FORMS = new Set([
  'stichting',
  'stg',
  'vereniging',
  'cooperatie',
  'bv',
  'nv',
  'ua',
  'ba',
  'wa',
  'vof',
  'io',
  'vzw',
]);

/**
 * Words too generic to tell two organisations apart on their own: "Buurtteam Overvecht" and "Buurtteam Zuilen" share
 * only 'buurtteam'. They stay in the key ('gemeente' is meaningful) but count little when names are compared.
 */
const GENERIC_WORDS = new Set([
  'welzijn',
  'zorg',
  'thuiszorg',
  'jeugdzorg',
  'ggz',
  'buurtteam',
  'buurtteams',
  'wijkteam',
  'wijkteams',
  'sociaal',
  'maatschappelijk',
  'team',
  'centrum',
  'wijkcentrum',
  'buurtcentrum',
  'buurthuis',
  'huis',
  'thuis',
  'jeugd',
  'jongeren',
  'jongerenwerk',
  'ouderen',
  'kinderopvang',
  'opvang',
  'school',
  'basisschool',
  'gemeente',
  'wijk',
  'buurt',
  'hulp',
  'dienst',
  'dienstverlening',
  'groep',
  'netwerk',
  'platform',
  'organisatie',
  'project',
  'werk',
  'wonen',
  'bibliotheek',
  'kerk',
  'sport',
  'gezondheid',
  'vrijwilligers',
  'vrijwilligerswerk',
  'praktijk',
  'huisartsenpraktijk',
  'apotheek',
  'regio',
  'nederland',
  'afdeling',
  'locatie',
]);

/** Words between a name and its place that go with the place: "Humanitas afd. Utrecht", "GGD regio Utrecht". */
const BRANCH_WORDS = new Set(['afd', 'afdeling', 'regio', 'locatie', 'vestiging']);

/**
 * Built-in place names that are also ordinary words or first names ("Goede Buren", "Praktijk Axel"). createPlaceSet
 * only knows them when they come in as extra names (the project's own gemeente, the plaats column); orgNameKey always
 * strips them when they are set off: "Humanitas (Putten)", "Humanitas - Putten", "Humanitas, Putten".
 */
const AMBIGUOUS_PLACES = new Set([
  'best',
  'buren',
  'putten',
  'sluis',
  'beek',
  'bergen',
  'stein',
  'haren',
  'leek',
  'doorn',
  'rijen',
  'axel',
]);

/** Mail and social-media hosts, link shorteners and site builders: a shared domain says nothing. */
const GENERIC_HOSTS = new Set([
  'gmail.com',
  'googlemail.com',
  'hotmail.com',
  'hotmail.nl',
  'outlook.com',
  'outlook.nl',
  'live.com',
  'live.nl',
  'msn.com',
  'yahoo.com',
  'yahoo.nl',
  'icloud.com',
  'me.com',
  'ziggo.nl',
  'kpnmail.nl',
  'kpnplanet.nl',
  'planet.nl',
  'home.nl',
  'xs4all.nl',
  'hetnet.nl',
  'chello.nl',
  'casema.nl',
  'zonnet.nl',
  'quicknet.nl',
  'facebook.com',
  'fb.com',
  'instagram.com',
  'linkedin.com',
  'twitter.com',
  'x.com',
  'youtube.com',
  'tiktok.com',
  'whatsapp.com',
  'wa.me',
  'google.com',
  'goo.gl',
  'bit.ly',
  'linktr.ee',
  'wix.com',
  'wordpress.com',
  'overheid.nl',
  'rijksoverheid.nl',
  'kvk.nl',
]);

/** Hosts that give every customer a subdomain: "alifa.wixsite.com" is kept whole. */
const SUBDOMAIN_HOSTS = new Set([
  'wixsite.com',
  'blogspot.com',
  'wordpress.com',
  'jouwweb.nl',
  'webnode.nl',
  'github.io',
  'netlify.app',
  'business.site',
  'weebly.com',
  'squarespace.com',
]);

/**
 * Public suffixes of two labels that come up in Dutch lists. Hand-written: the whole Public Suffix List (tldts) made
 * the project worker 277 kB (19%) larger, for suffixes these lists hardly use.
 */
const TWO_LABEL_SUFFIXES = new Set(['co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'com.au', 'co.nz', 'co.za']);

// ------------------------------------------------------------------ normalising

/** Single letters with dots between them: "B.V.", "u.a.", "M.E.E". */
const DOTTED_ABBREVIATION = /(?<![\p{L}\p{N}])\p{L}(?:\.\p{L})+\.?(?![\p{L}\p{N}])/gu;

const fold = (s: string): string => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');

/**
 * Lower case, no diacritics, apostrophes dropped (Me’kaar = Mekaar), '&' as 'en', dotted abbreviations joined
 * (B.V. = BV, M.E.E. = MEE), every other non-letter/digit a space; "'t" becomes 'het'.
 */
function normalisedTokens(text: string): string[] {
  const s = fold(text)
    .toLowerCase()
    .replace(/['`´‘’ʼ′]/g, '')
    .replace(/&/g, ' en ')
    .replace(DOTTED_ABBREVIATION, (m) => m.replace(/\./g, ''))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (s === '') return [];
  return s.split(' ').map((t) => (t === 't' ? 'het' : t));
}

/** A place name as PlaceSet holds it: "Bergen (NH.)" → "bergen", "'s-Hertogenbosch" → "s hertogenbosch". */
function normalisePlace(name: string): string {
  return normalisedTokens(name.replace(/\s*\([a-z]{1,3}\.?\)\s*$/i, '')).join(' ');
}

const isPlainNormalised = (s: string): boolean => /^[a-z0-9]+(?: [a-z0-9]+)*$/.test(s);

// ------------------------------------------------------------------ places

/** A set of known place names, normalised (lower case, no diacritics). */
export interface PlaceSet {
  has(normalisedPlace: string): boolean;
}

const BUILTIN_PLACES: readonly string[] = [...plaatsnamen.gemeenten, ...plaatsnamen.woonplaatsen].map(normalisePlace);
const BUILTIN_UNAMBIGUOUS = BUILTIN_PLACES.filter((p) => !AMBIGUOUS_PLACES.has(p));
/** Built-in places without spaces, to recognise gemeente web domains ("denhaag.nl", "s-hertogenbosch.nl"). */
const BUILTIN_COMPACT = new Set(BUILTIN_PLACES.map((p) => p.replace(/ /g, '')));

/**
 * Built-in Dutch gemeenten + large woonplaatsen (data/plaatsnamen.json) plus extra names (e.g. the project's gemeenten
 * and the plaats column of the rows). Extra names may be written any way ("'s-Hertogenbosch", "UTRECHT", "Bergen
 * (NH.)"); they are normalised here. Built-in names that are also ordinary words (Buren, Best, Putten …) only count
 * when they come in as extra names.
 */
export function createPlaceSet(extra: Iterable<string> = []): PlaceSet {
  const set = new Set(BUILTIN_UNAMBIGUOUS);
  for (const name of extra) {
    const p = normalisePlace(name);
    if (p !== '') set.add(p);
  }
  return {
    has: (place) => set.has(place) || (!isPlainNormalised(place) && set.has(normalisePlace(place))),
  };
}

// ------------------------------------------------------------------ the key

const isDistinctiveWord = (t: string): boolean =>
  /\d/.test(t) || (t.length >= 2 && !STOPWORDS.has(t) && !GENERIC_WORDS.has(t) && !LEGAL_FORMS.has(t));

const hasDistinctive = (tokens: readonly string[], places: PlaceSet): boolean =>
  tokens.some((t) => isDistinctiveWord(t) && !places.has(t));

/** How many tokens (1 to 4) at the end of `tokens` form a known place, longest first; 0 when none. */
function trailingPlaceLength(tokens: readonly string[], places: PlaceSet): number {
  for (let n = Math.min(4, tokens.length); n >= 1; n--) {
    if (places.has(tokens.slice(tokens.length - n).join(' '))) return n;
  }
  return 0;
}

const DELIMITED_TAILS = [/^(.+?)\s*\(([^()]*)\)\s*$/, /^(.+)\s*,\s*([^,]+)$/, /^(.+?)\s+[-–—]+\s+(.+)$/];

/** The key's tokens before the fallback: legal forms, a trailing place and a leading article taken off. */
function strippedTokens(naam: string, places: PlaceSet): string[] {
  // Runs of spaces as one (the tokens are the same): the patterns below try every split of a run, and a cell of
  // 145,000 spaces took minutes (fuzzer, seed 1 case 30931). A name that long is no name to strip: its tokens only.
  const compact = naam.replace(/\s+/g, ' ').trim();
  if (compact.length > 300) return normalisedTokens(compact);
  // A province qualifier as the CBS writes it: "Humanitas Bergen (NH.)".
  let head = compact.replace(/\s*\((?:nh|zh|nb|gld|gl|ov|fr|fl|gr|dr|u|l|o|z)\.?\)\s*$/i, '');
  let placeStripped = false;
  for (const pattern of DELIMITED_TAILS) {
    const m = pattern.exec(head.trim());
    if (!m) continue;
    const tail = normalisedTokens(m[2]!);
    const tailText = tail.join(' ');
    const headTokens = normalisedTokens(m[1]!);
    if (!hasDistinctive(headTokens, places)) break;
    if (places.has(tailText) || AMBIGUOUS_PLACES.has(tailText)) {
      head = m[1]!;
      placeStripped = true;
    } else if (tail.length > 0 && tail.every((t) => LEGAL_FORMS.has(t))) {
      head = m[1]!;
    }
    break;
  }

  let tokens = normalisedTokens(head);
  for (let changed = true; changed;) {
    changed = false;
    while (tokens.length > 0 && LEGAL_FORMS.has(tokens[0]!)) {
      tokens = tokens.slice(1);
      changed = true;
    }
    while (tokens.length > 0 && LEGAL_FORMS.has(tokens[tokens.length - 1]!)) {
      tokens = tokens.slice(0, -1);
      changed = true;
    }
    if (!placeStripped) {
      const n = trailingPlaceLength(tokens, places);
      if (n > 0 && hasDistinctive(tokens.slice(0, -n), places)) {
        tokens = tokens.slice(0, -n);
        placeStripped = true;
        changed = true;
      }
    }
    if (placeStripped) {
      while (
        tokens.length > 1 &&
        BRANCH_WORDS.has(tokens[tokens.length - 1]!) &&
        hasDistinctive(tokens.slice(0, -1), places)
      ) {
        tokens = tokens.slice(0, -1);
        changed = true;
      }
    }
  }
  if (tokens.length > 1 && (tokens[0] === 'de' || tokens[0] === 'het')) tokens = tokens.slice(1);
  return tokens;
}

/**
 * The comparison key: "Stichting Alifa Welzijn Enschede" → "alifa welzijn"; "Me’kaar", "Mekaar" and "Stichting
 * Me'kaar" → "mekaar"; "Humanitas Utrecht" and "Humanitas" → "humanitas"; "Dock B.V." → "dock". Folds case,
 * punctuation and diacritics; drops legal forms (Stichting, Vereniging, Coöperatie, B.V., N.V., U.A., v.o.f. … but not
 * 'gemeente') at the start and end, one trailing place name of up to four words ("Den Haag", "'s-Hertogenbosch",
 * "Bergen op Zoom"; also "Alifa (Enschede)", "Alifa - Enschede", "Alifa, Enschede") with a branch word before it
 * ("afd.", "regio"), and a leading "de"/"het". A place is only dropped when a distinctive word is left ("Gemeente
 * Utrecht" and "Buurtteam Utrecht" keep their place). Never returns '' for a non-empty name: if stripping leaves
 * nothing (e.g. "Stichting"), the key is the normalised full name.
 */
export function orgNameKey(naam: string, places: PlaceSet): string {
  const tokens = strippedTokens(naam, places);
  if (tokens.length > 0) return tokens.join(' ');
  const full = normalisedTokens(naam).join(' ');
  if (full !== '') return full;
  const trimmed = naam.trim().toLowerCase();
  return trimmed !== '' ? trimmed : naam;
}

// ------------------------------------------------------------------ postcode and website

/** Postcodes are checked once, in the model of the sociale kaart; re-exported here for the name matching. */
export { normalisePostcode };

const HOST_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;

/**
 * The registrable domain of a web address: "https://www.alifa.nl/contact" → "alifa.nl"; "alifa.nl" → "alifa.nl";
 * "buurtteam.alifa.nl" → "alifa.nl"; "info@alifa.nl" → "alifa.nl"; "alifa.wixsite.com/home" → "alifa.wixsite.com";
 * junk ("n.v.t.", "geen", "www.alifa") → null.
 */
export function websiteDomain(url: string | null | undefined): string | null {
  if (url == null) return null;
  let s =
    url
      .trim()
      .toLowerCase()
      .split(/[\s,;]+/)[0] ?? '';
  s = s.replace(/^mailto:/, '');
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//.exec(s);
  if (scheme) s = s.slice(scheme[0].length);
  else if (s.startsWith('//')) s = s.slice(2);
  s = s.split(/[/?#]/)[0] ?? '';
  s = s.slice(s.lastIndexOf('@') + 1);
  s = s.replace(/:\d*$/, '').replace(/\.$/, '');
  let labels = s.split('.');
  if (labels.length < 2 || !labels.every((l) => HOST_LABEL.test(l))) return null;
  if (!/^(?:\p{L}{2,}|xn--[a-z0-9-]+)$/u.test(labels[labels.length - 1]!)) return null;
  while (labels.length > 2 && /^(?:www\d?|m)$/.test(labels[0]!)) labels = labels.slice(1);
  if (/^www\d?$/.test(labels[0]!) && labels.length === 2) return null;
  const lastTwo = labels.slice(-2).join('.');
  const keep = TWO_LABEL_SUFFIXES.has(lastTwo) || SUBDOMAIN_HOSTS.has(lastTwo) ? 3 : 2;
  if (labels.length < keep && TWO_LABEL_SUFFIXES.has(lastTwo)) return null;
  return labels.slice(-keep).join('.');
}

/** Gemeente domains ("utrecht.nl", "denhaag.nl", "gemeentehw.nl"): many teams of one gemeente share them. */
function isGemeenteDomain(domain: string, places: PlaceSet): boolean {
  const m = /^([a-z0-9-]+)\.nl$/.exec(domain);
  if (!m) return false;
  const name = m[1]!;
  if (name.startsWith('gemeente') || name.endsWith('gemeente')) return true;
  return BUILTIN_COMPACT.has(name.replace(/-/g, '')) || places.has(name.replace(/-/g, ' '));
}

// ------------------------------------------------------------------ comparing names

/** Words longer than this are only compared whole, never as a possible typo (see the deletion index). */
const MAX_TYPO_WORD = 40;

/** Optimal string alignment distance, or `max + 1` as soon as it must exceed `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let [prev2, prev, cur] = [new Int32Array(b.length + 1), new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        d = Math.min(d, prev2[j - 2]! + 1);
      }
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[b.length]!;
}

/** The distance of two different words when it is one (a letter changed, added, dropped or two swapped), else 2. */
function oneEditApart(a: string, b: string): number {
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  if (long.length - short.length > 1) return 2;
  let i = 0;
  while (i < short.length && long[i] === short[i]) i++;
  if (long.length !== short.length) return long.slice(i + 1) === short.slice(i) ? 1 : 2;
  if (long.slice(i + 1) === short.slice(i + 1)) return 1;
  return long[i] === short[i + 1] && long[i + 1] === short[i] && long.slice(i + 2) === short.slice(i + 2) ? 1 : 2;
}

/**
 * 1 for equal words; for a typo 1 − distance/length ("humanitas"/"humantias" ≈ 0.89), × 0.85 when the first letters
 * differ; else 0. Typos allowed: none in words under five letters or with digits, one up to seven letters, two from
 * eight.
 */
function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  const shorter = Math.min(a.length, b.length);
  if (shorter < 5) return 0;
  const max = longer >= 8 ? 2 : 1;
  if (longer - shorter > max || /\d/.test(a) || /\d/.test(b)) return 0;
  const d = max === 1 ? oneEditApart(a, b) : editDistance(a, b, max);
  if (d > max) return 0;
  // Typos seldom hit the first letter ("Gennidal"/"Wennidal" are more likely two names).
  return (1 - d / longer) * (a[0] === b[0] ? 1 : 0.85);
}

/** Does `acronym` abbreviate `words`? Each word gives its first letter and at most two letters in all from inside. */
function acronymOf(acronym: string, words: readonly string[]): 'exact' | 'loose' | null {
  if (words.length < 2 || words.length > acronym.length) return null;
  const go = (ai: number, wi: number): number => {
    if (wi === words.length) return ai === acronym.length ? 0 : -1;
    const word = words[wi]!;
    if (ai >= acronym.length || word[0] !== acronym[ai]) return -1;
    let best = -1;
    let pos = 1;
    for (let inner = 0; inner <= 2; inner++) {
      const rest = go(ai + 1 + inner, wi + 1);
      if (rest >= 0 && (best < 0 || rest + inner < best)) best = rest + inner;
      const next = acronym[ai + 1 + inner];
      if (next === undefined) break;
      pos = word.indexOf(next, pos);
      if (pos < 0) break;
      pos++;
    }
    return best;
  };
  const inner = go(0, 0);
  return inner < 0 ? null : inner === 0 ? 'exact' : 'loose';
}

interface Group {
  readonly key: string;
  readonly members: number[];
  /** The key's words without stopwords (all of them when only stopwords are left). */
  readonly words: readonly string[];
  readonly weights: readonly number[];
  readonly distinctive: readonly boolean[];
  readonly compact: string;
  /** Words written as an acronym in one of the names ("GGD", "M.E.E."). */
  readonly acronyms: Set<string>;
  /** Word lists an acronym may stand for: the key's words, with and without stopwords, and the full name's. */
  readonly expansions: readonly (readonly string[])[];
  readonly postcodes: Map<string, number>;
  readonly domains: Map<string, number>;
}

const WEAK_WEIGHT = 0.3;

/**
 * Acronyms as typed in a name: dotted ("M.E.E.", "g.g.d."), or in capitals ("GGD Utrecht"). In a name typed all in
 * capitals only short words or words with at most one vowel count ("GGD", "RIBW"; not "ALIFA").
 */
function acronymsIn(naam: string): string[] {
  const found: string[] = [];
  const rest = fold(naam).replace(DOTTED_ABBREVIATION, (m) => {
    found.push(m.replace(/\./g, '').toLowerCase());
    return ' ';
  });
  const allCaps = !/\p{Ll}/u.test(rest);
  for (const m of rest.match(/(?<![\p{L}\p{N}])[A-Z]{2,6}(?![\p{L}\p{N}])/gu) ?? []) {
    if (!allCaps || m.length <= 3 || (m.match(/[AEIOUY]/g) ?? []).length <= 1) found.push(m.toLowerCase());
  }
  return found;
}

function buildGroup(key: string, naam: string, places: PlaceSet): Group {
  const all = key.split(' ');
  const content = all.filter((t) => !STOPWORDS.has(t) && t.length > 1);
  const words = content.length > 0 ? content : all;
  const inPlace = new Array<boolean>(words.length).fill(false);
  for (let i = 0; i < words.length; i++) {
    for (let n = Math.min(4, words.length - i); n >= 1; n--) {
      if (places.has(words.slice(i, i + n).join(' '))) {
        for (let k = i; k < i + n; k++) inPlace[k] = true;
        break;
      }
    }
  }
  const distinctive = words.map((t, i) => isDistinctiveWord(t) && !inPlace[i]);
  const full = normalisedTokens(naam);
  return {
    key,
    members: [],
    words,
    weights: distinctive.map((d) => (d ? 1 : WEAK_WEIGHT)),
    distinctive,
    compact: all.join(''),
    acronyms: new Set(acronymsIn(naam)),
    expansions: [words, all, full.filter((t) => !STOPWORDS.has(t)), full],
    postcodes: new Map(),
    domains: new Map(),
  };
}

interface NameComparison {
  /** Weighted share of matching words, 0..1 (generic words, places and short words weigh 0.3). */
  readonly similarity: number;
  /** Every distinctive word on both sides has its (possibly misspelt) counterpart. */
  readonly allDistinctiveMatched: boolean;
  /** The two share at least one distinctive word. */
  readonly sharesDistinctive: boolean;
  /** All words of the one with fewer words occur in the other, and it has a distinctive word of 3+ letters. */
  readonly contained: boolean;
}

function compareNames(a: Group, b: Group): NameComparison {
  const pairs: { i: number; j: number; s: number }[] = [];
  for (let i = 0; i < a.words.length; i++) {
    for (let j = 0; j < b.words.length; j++) {
      const s = wordSimilarity(a.words[i]!, b.words[j]!);
      if (s > 0) pairs.push({ i, j, s });
    }
  }
  pairs.sort((x, y) => y.s - x.s);
  const usedA = new Array<boolean>(a.words.length).fill(false);
  const usedB = new Array<boolean>(b.words.length).fill(false);
  let matched = 0;
  let sharesDistinctive = false;
  for (const { i, j, s } of pairs) {
    if (usedA[i] || usedB[j]) continue;
    usedA[i] = usedB[j] = true;
    matched += s * (a.weights[i]! + b.weights[j]!);
    if (a.distinctive[i] && b.distinctive[j]) sharesDistinctive = true;
  }
  const total = a.weights.reduce((x, y) => x + y, 0) + b.weights.reduce((x, y) => x + y, 0);
  const allDistinctiveMatched =
    a.distinctive.some(Boolean) &&
    b.distinctive.some(Boolean) &&
    a.distinctive.every((d, i) => !d || usedA[i]) &&
    b.distinctive.every((d, j) => !d || usedB[j]);
  const [short, long] = a.words.length <= b.words.length ? [a, b] : [b, a];
  const longSet = new Set(long.words);
  const contained =
    short.words.length < long.words.length &&
    short.words.every((t) => longSet.has(t)) &&
    short.words.some((t, i) => short.distinctive[i] && t.length >= 3);
  return { similarity: total > 0 ? matched / total : 0, allDistinctiveMatched, sharesDistinctive, contained };
}

/** An acronym in the one name that stands for the differing words of the other ("GGD" / "Gemeentelijke Gezondheidsdienst"). */
function acronymMatch(a: Group, b: Group): 'exact' | 'loose' | null {
  const check = (x: Group, y: Group): 'exact' | 'loose' | null => {
    // Bare acronym against the whole name.
    if (
      x.words.length === 1 &&
      x.acronyms.has(x.words[0]!) &&
      x.words[0]!.length >= 3 &&
      /^[a-z]+$/.test(x.words[0]!)
    ) {
      let best: 'exact' | 'loose' | null = null;
      for (const words of y.expansions) {
        const r = acronymOf(x.words[0]!, words);
        if (r === 'exact') return r;
        best ??= r;
      }
      if (best) return best;
    }
    // Acronym inside a longer name: "GGD Hollands Noorden" / "Gemeentelijke Gezondheidsdienst Hollands Noorden".
    let start = 0;
    while (start < x.words.length && start < y.words.length && x.words[start] === y.words[start]) start++;
    let end = 0;
    while (
      end < x.words.length - start &&
      end < y.words.length - start &&
      x.words[x.words.length - 1 - end] === y.words[y.words.length - 1 - end]
    )
      end++;
    if (start + end === 0) return null;
    const rx = x.words.slice(start, x.words.length - end);
    const ry = y.words.slice(start, y.words.length - end);
    if (rx.length === 1 && x.acronyms.has(rx[0]!) && rx[0]!.length >= 3) return acronymOf(rx[0]!, ry);
    return null;
  };
  return check(a, b) ?? check(b, a);
}

// ------------------------------------------------------------------ candidates

/**
 * One row of a partner list. `key` identifies it in the result. `plaats` is not read here (the key must stay the same as
 * orgNameKey's): pass the plaats column to createPlaceSet so "Humanitas Putten" loses its place.
 */
export interface NameEntry {
  readonly key: string | number;
  readonly naam: string;
  readonly postcode?: string | null;
  readonly website?: string | null;
  readonly plaats?: string | null;
}

/**
 * Why two names are proposed as one organisation: 'naam-lijkt' (the same words, allowing typos, generic words and word
 * order), 'naam-bevat' (all words of the one are in the other: "Alifa" / "Alifa Welzijn"), 'afkorting' ("GGD" /
 * "Gemeentelijke Gezondheidsdienst"), 'zelfde-postcode' (only next to a name that is alike or shares a distinctive word), 'zelfde-website' (strong on its own,
 * except for gemeente domains and domains many organisations share; mail and social-media hosts never count).
 */
export type DuplicateReason = 'naam-lijkt' | 'naam-bevat' | 'afkorting' | 'zelfde-postcode' | 'zelfde-website';

/**
 * Two entries (by their `key`, `a` before `b` in input order) that are probably one organisation; score 0..1, reasons in
 * the order of DuplicateReason.
 */
export interface DuplicateCandidate {
  readonly a: string | number;
  readonly b: string | number;
  readonly score: number /* 0..1 */;
  readonly redenen: readonly DuplicateReason[];
}

/** A word shared by more names than this is too common to pair all of them. */
const WORD_BLOCK_LIMIT = 200;
/** Postcodes and domains shared by more organisations than this are a building or a koepel, not a duplicate. */
const POSTCODE_BLOCK_LIMIT = 50;
const DOMAIN_BLOCK_LIMIT = 25;
const TYPO_PAIR_LIMIT = 40_000;

interface Scored {
  readonly ia: number;
  readonly ib: number;
  readonly score: number;
  readonly redenen: DuplicateReason[];
}

/**
 * Pairs of entries that are probably the same organisation but do NOT have the same orgNameKey (those merge
 * automatically elsewhere). Sorted by score descending (then by input order). Entries with the same key count as one:
 * each pair of keys is proposed once, by the pair of entries that best shows why (the ones sharing the website or
 * postcode, else the first of each). Only pairs that share a distinctive word (or a misspelling of one), a name without
 * spaces, an acronym, a postcode or a web domain are compared, so 5,000 entries take well under a second.
 */
export function findDuplicateCandidates(
  entries: readonly NameEntry[],
  places: PlaceSet,
  options: { minScore?: number } = {},
): DuplicateCandidate[] {
  const minScore = options.minScore ?? 0.75;

  // One group per key.
  const groups: Group[] = [];
  const byKey = new Map<string, number>();
  entries.forEach((entry, index) => {
    if (entry.naam.trim() === '') return;
    const key = orgNameKey(entry.naam, places);
    let g = byKey.get(key);
    if (g === undefined) {
      g = groups.length;
      byKey.set(key, g);
      groups.push(buildGroup(key, entry.naam, places));
    }
    const group = groups[g]!;
    group.members.push(index);
    for (const a of acronymsIn(entry.naam)) group.acronyms.add(a);
    const pc = normalisePostcode(entry.postcode);
    if (pc !== null && !group.postcodes.has(pc)) group.postcodes.set(pc, index);
    const domain = websiteDomain(entry.website);
    if (domain !== null && !GENERIC_HOSTS.has(domain) && !group.domains.has(domain)) group.domains.set(domain, index);
  });

  const n = groups.length;
  const pairs = new Set<number>();
  const addPair = (x: number, y: number) => {
    if (x !== y) pairs.add(x < y ? x * n + y : y * n + x);
  };
  const addAllPairs = (list: readonly number[]) => {
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) addPair(list[i]!, list[j]!);
  };
  const push = <K>(map: Map<K, number[]>, k: K, g: number) => {
    const list = map.get(k);
    if (list === undefined) map.set(k, [g]);
    else if (list[list.length - 1] !== g) list.push(g);
  };

  // Blocks: distinctive words, the key without spaces, postcodes and domains.
  const byWord = new Map<string, number[]>();
  const byCompact = new Map<string, number[]>();
  const byPostcode = new Map<string, number[]>();
  const byDomain = new Map<string, number[]>();
  groups.forEach((g, gi) => {
    g.words.forEach((t, i) => {
      if (g.distinctive[i]) push(byWord, t, gi);
    });
    push(byCompact, g.compact, gi);
    for (const pc of g.postcodes.keys()) push(byPostcode, pc, gi);
    for (const d of g.domains.keys()) push(byDomain, d, gi);
  });
  const distinctiveCount = groups.map((g) => g.distinctive.filter(Boolean).length);
  for (const list of byWord.values()) {
    if (list.length <= WORD_BLOCK_LIMIT) addAllPairs(list);
    else for (const x of list) if (distinctiveCount[x] === 1) for (const y of list) addPair(x, y);
  }
  for (const list of byCompact.values()) addAllPairs(list);
  for (const list of byPostcode.values()) if (list.length <= POSTCODE_BLOCK_LIMIT) addAllPairs(list);
  for (const list of byDomain.values()) if (list.length <= DOMAIN_BLOCK_LIMIT) addAllPairs(list);

  // Misspelt words: words one deletion apart share an entry in the deletion index.
  const byDeletion = new Map<string, string[]>();
  for (const word of byWord.keys()) {
    // Every deletion of a word is a copy of it: a 20,000-letter "word" in a cell would make 20,000 copies of 20,000
    // letters (gigabytes). No organisation's name has a word longer than MAX_TYPO_WORD.
    if (word.length < 5 || word.length > MAX_TYPO_WORD || /\d/.test(word)) continue;
    const variants = new Set([word]);
    for (let i = 0; i < word.length; i++) variants.add(word.slice(0, i) + word.slice(i + 1));
    for (const v of variants) {
      const list = byDeletion.get(v);
      if (list === undefined) byDeletion.set(v, [word]);
      else list.push(word);
    }
  }
  const seenTypos = new Set<string>();
  for (const list of byDeletion.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [x, y] = list[i]! < list[j]! ? [list[i]!, list[j]!] : [list[j]!, list[i]!];
        const id = `${x} ${y}`;
        if (x === y || seenTypos.has(id)) continue;
        seenTypos.add(id);
        if (wordSimilarity(x, y) === 0) continue;
        const gx = byWord.get(x)!;
        const gy = byWord.get(y)!;
        if (gx.length * gy.length > TYPO_PAIR_LIMIT) continue;
        for (const p of gx) for (const q of gy) addPair(p, q);
      }
    }
  }

  // Bare acronyms against names of two or more words, found by their first two initials: the second word's initial
  // is one of the acronym's next three letters (the first word may give up to two letters from inside).
  const byInitials = new Map<string, number[]>();
  groups.forEach((g, gi) => {
    const initials = new Set<string>();
    for (const words of g.expansions) if (words.length >= 2) initials.add(words[0]![0]! + words[1]![0]!);
    for (const c of initials) push(byInitials, c, gi);
  });
  groups.forEach((g, gi) => {
    const word = g.words[0]!;
    if (g.words.length !== 1 || !g.acronyms.has(word) || word.length < 3) return;
    for (let k = 1; k <= 3 && k < word.length; k++) {
      for (const other of byInitials.get(word[0]! + word[k]!) ?? []) {
        if (groups[other]!.expansions.some((words) => acronymOf(word, words) !== null)) addPair(gi, other);
      }
    }
  });

  // Domains shared by many organisations, and gemeente domains, only count next to a similar name.
  const weakDomains = new Set<string>();
  for (const [d, list] of byDomain)
    if (list.length > DOMAIN_BLOCK_LIMIT || isGemeenteDomain(d, places)) weakDomains.add(d);

  const scored: Scored[] = [];
  for (const code of pairs) {
    const s = scorePair(groups[Math.floor(code / n)]!, groups[code % n]!, weakDomains);
    if (s && s.score >= minScore) scored.push(s);
  }
  scored.sort(
    (x, y) =>
      y.score - x.score || Math.min(x.ia, x.ib) - Math.min(y.ia, y.ib) || Math.max(x.ia, x.ib) - Math.max(y.ia, y.ib),
  );
  return scored.map((s) => {
    const [ia, ib] = s.ia < s.ib ? [s.ia, s.ib] : [s.ib, s.ia];
    return { a: entries[ia]!.key, b: entries[ib]!.key, score: s.score, redenen: s.redenen };
  });
}

const REASON_ORDER: readonly DuplicateReason[] = [
  'naam-lijkt',
  'naam-bevat',
  'afkorting',
  'zelfde-postcode',
  'zelfde-website',
];

/** The candidate for two keys, with the entries that show it best, or null when nothing links them. */
function scorePair(a: Group, b: Group, weakDomains: ReadonlySet<string>): Scored | null {
  const components = new Map<DuplicateReason, number>();
  const names = compareNames(a, b);
  const s = names.similarity;

  if (a.compact === b.compact) components.set('naam-lijkt', 0.95);
  else if (names.contained) components.set('naam-bevat', 0.6 + 0.35 * s);
  else if (names.allDistinctiveMatched && s >= 0.6) components.set('naam-lijkt', s);
  const acronym = acronymMatch(a, b);
  if (acronym) components.set('afkorting', acronym === 'exact' ? 0.85 : 0.8);
  const nameSignal = components.size > 0;
  const related = nameSignal || (names.sharesDistinctive && s >= 0.35);

  let ia = a.members[0]!;
  let ib = b.members[0]!;
  let shown = false;
  for (const [domain, i] of a.domains) {
    const j = b.domains.get(domain);
    if (j === undefined) continue;
    const weak = weakDomains.has(domain);
    if (weak && !related) continue;
    components.set('zelfde-website', Math.max(components.get('zelfde-website') ?? 0, weak ? 0.5 + 0.4 * s : 0.9));
    [ia, ib] = [i, j];
    shown = true;
    if (!weak) break;
  }
  if (related) {
    for (const [pc, i] of a.postcodes) {
      const j = b.postcodes.get(pc);
      if (j === undefined) continue;
      components.set('zelfde-postcode', 0.55 + 0.4 * s);
      if (!shown) [ia, ib] = [i, j];
      break;
    }
  }
  if (components.size === 0) return null;
  let best = 0;
  for (const v of components.values()) best = Math.max(best, v);
  const score = Math.min(1, best + 0.05 * (components.size - 1));
  return {
    ia,
    ib,
    score: Math.round(score * 1000) / 1000,
    redenen: REASON_ORDER.filter((r) => components.has(r)),
  };
}
