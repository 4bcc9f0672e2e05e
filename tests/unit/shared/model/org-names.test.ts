import { describe, expect, it } from 'vitest';
import plaatsnamen from '../../../../data/plaatsnamen.json';
import {
  createPlaceSet,
  findDuplicateCandidates,
  normalisePostcode,
  orgNameKey,
  websiteDomain,
  type DuplicateCandidate,
  type NameEntry,
} from '../../../../shared/model/org-names';

const places = createPlaceSet(['Enschede', 'Utrecht']);
const key = (naam: string) => orgNameKey(naam, places);
const entries = (...namen: (string | Omit<NameEntry, 'key'>)[]): NameEntry[] =>
  namen.map((n, i) => (typeof n === 'string' ? { key: i, naam: n } : { key: i, ...n }));
/** The candidates as "a|b" pairs of the entries' indexes, for short assertions. */
const pairsOf = (candidates: readonly DuplicateCandidate[]) => candidates.map((c) => `${c.a}|${c.b}`);
const find = (candidates: readonly DuplicateCandidate[], a: number, b: number) =>
  candidates.find((c) => c.a === a && c.b === b);

describe('plaatsnamen.json', () => {
  it('has the 342 gemeenten of 2024 and the large woonplaatsen, each once', () => {
    expect(plaatsnamen.gemeenten).toHaveLength(342);
    expect(new Set(plaatsnamen.gemeenten).size).toBe(342);
    expect(plaatsnamen.gemeenten).toEqual(
      expect.arrayContaining(["'s-Gravenhage", "'s-Hertogenbosch", 'Voorne aan Zee', 'Dijk en Waard', 'Bergen (NH.)']),
    );
    expect(plaatsnamen.gemeenten).not.toContain('Hellevoetsluis'); // merged into Voorne aan Zee in 2024
    expect(plaatsnamen.woonplaatsen).toEqual(expect.arrayContaining(['Den Haag', 'Hoofddorp', 'Spijkenisse']));
    const gemeenten = new Set(plaatsnamen.gemeenten);
    expect(plaatsnamen.woonplaatsen.filter((w) => gemeenten.has(w))).toEqual([]);
  });
});

describe('createPlaceSet', () => {
  it('knows gemeenten and woonplaatsen, normalised, and the extra names', () => {
    const set = createPlaceSet(['Wâldwei', "  'T Harde "]);
    for (const p of ['utrecht', 's gravenhage', 'den haag', 's hertogenbosch', 'bergen op zoom', 'sudwest fryslan']) {
      expect(set.has(p), p).toBe(true);
    }
    expect(set.has('bergen')).toBe(false); // "Bergen (NH.)" and "Bergen (L.)", but also 'mountains'
    expect(set.has('hengelo')).toBe(true); // "Hengelo (O.)"
    expect(set.has('waldwei')).toBe(true);
    expect(set.has('het harde')).toBe(true);
    expect(set.has('alifa')).toBe(false);
  });

  it('only knows places that are also ordinary words when they come in as extra names', () => {
    expect(createPlaceSet().has('buren')).toBe(false);
    expect(createPlaceSet(['Buren']).has('buren')).toBe(true);
  });
});

describe('orgNameKey', () => {
  it('gives the Alifa spellings one key per name, whatever the case, legal form or place', () => {
    expect(key('Stichting Alifa Welzijn Enschede')).toBe('alifa welzijn');
    expect(key('ALIFA welzijn')).toBe('alifa welzijn');
    expect(key('Alifa Welzijn Enschede')).toBe('alifa welzijn');
    expect(key('Alifa')).toBe('alifa');
    expect(key('Stichting Alifa')).toBe('alifa');
  });

  it("drops apostrophes and diacritics: Me'kaar", () => {
    expect(key('Me’kaar')).toBe('mekaar');
    expect(key('Mekaar')).toBe('mekaar');
    expect(key("Stichting Me'kaar")).toBe('mekaar');
    expect(key('Coöperatie Zorg Dichtbij')).toBe(key('Cooperatie Zorg Dichtbij'));
    expect(key('Café de Ontmoeting')).toBe('cafe de ontmoeting');
  });

  it('drops legal forms at the start and the end, dotted or not', () => {
    expect(key('Dock B.V.')).toBe('dock');
    expect(key('Dock BV')).toBe('dock');
    expect(key('Dock b.v')).toBe('dock');
    expect(key('Dock Utrecht B.V.')).toBe('dock');
    expect(key('Dock B.V. Utrecht')).toBe('dock');
    expect(key('Coöperatie Dichtbij U.A.')).toBe('dichtbij');
    expect(key('Van Dam v.o.f.')).toBe('van dam');
    expect(key('Vereniging Humanitas')).toBe('humanitas');
    expect(key('Heilig Hart N.V.')).toBe('heilig hart');
    expect(key('Stg. Present')).toBe('present');
  });

  it("keeps 'gemeente' and a place that is all there is besides generic words", () => {
    expect(key('Gemeente Utrecht')).toBe('gemeente utrecht');
    expect(key('Gemeente Enschede')).toBe('gemeente enschede');
    expect(key('Buurtteam Utrecht')).toBe('buurtteam utrecht');
  });

  it('drops one trailing place of up to four words, with a branch word before it', () => {
    expect(key('Humanitas Utrecht')).toBe('humanitas');
    expect(key('Humanitas')).toBe('humanitas');
    expect(key('Humanitas afd. Utrecht')).toBe('humanitas');
    expect(key('GGD regio Utrecht')).toBe('ggd');
    expect(key('Humanitas Den Haag')).toBe('humanitas');
    expect(key("Humanitas 's-Hertogenbosch")).toBe('humanitas');
    expect(key('Humanitas Bergen op Zoom')).toBe('humanitas');
    expect(key('Humanitas Alphen aan den Rijn')).toBe('humanitas');
    expect(key('Humanitas Bergen (NH.)')).toBe('humanitas bergen');
    // Only at the end, and only once.
    expect(key('Utrecht Humanitas')).toBe('utrecht humanitas');
    expect(key('Humanitas Enschede Utrecht')).toBe('humanitas enschede');
  });

  it('drops a place set off by parentheses, a dash or a comma, also one that is an ordinary word', () => {
    expect(key('Alifa (Enschede)')).toBe('alifa');
    expect(key('Alifa - Enschede')).toBe('alifa');
    expect(key('Alifa – Enschede')).toBe('alifa');
    expect(key('Alifa, Enschede')).toBe('alifa');
    expect(key('Alifa (stichting)')).toBe('alifa');
    expect(key('Humanitas (Putten)')).toBe('humanitas');
    expect(key('Humanitas Putten')).toBe('humanitas putten');
    expect(orgNameKey('Humanitas Putten', createPlaceSet(['Putten']))).toBe('humanitas');
    expect(key('Goede Buren')).toBe('goede buren');
    // Parentheses that hold no place stay part of the name.
    expect(key('Gemeentelijke Gezondheidsdienst (GGD)')).toBe('gemeentelijke gezondheidsdienst ggd');
  });

  it('drops a leading article, reads & as en, and joins dotted acronyms', () => {
    expect(key('De Kleine Prins')).toBe(key('Kleine Prins'));
    expect(key("Buurthuis 't Hoekje")).toBe('buurthuis het hoekje');
    expect(key('Zorg & Welzijn Overvecht')).toBe('zorg en welzijn overvecht');
    expect(key('M.E.E.')).toBe('mee');
    expect(key('MEE Utrecht')).toBe('mee');
  });

  it('never returns an empty key for a non-empty name', () => {
    expect(key('Stichting')).toBe('stichting');
    expect(key('Utrecht')).toBe('utrecht');
    expect(key('Stichting Utrecht')).toBe('utrecht');
    expect(key('B.V.')).toBe('bv');
    expect(key('De')).toBe('de');
    expect(key('(Enschede)')).toBe('enschede');
    expect(key('!!!')).toBe('!!!');
    expect(key('')).toBe('');
  });
});

describe('websiteDomain', () => {
  it('reduces an address to its registrable domain', () => {
    expect(websiteDomain('https://www.alifa.nl/contact')).toBe('alifa.nl');
    expect(websiteDomain('alifa.nl')).toBe('alifa.nl');
    expect(websiteDomain('  WWW.Alifa.NL/  ')).toBe('alifa.nl');
    expect(websiteDomain('http://jongerenwerk.alifa.nl:8080/a?b#c')).toBe('alifa.nl');
    expect(websiteDomain('info@alifa.nl')).toBe('alifa.nl');
    expect(websiteDomain('mailto:info@alifa.nl')).toBe('alifa.nl');
    expect(websiteDomain('www.alifa.nl, www.humanitas.nl')).toBe('alifa.nl');
    expect(websiteDomain('alifa.wixsite.com/home')).toBe('alifa.wixsite.com');
    expect(websiteDomain('https://www.bbc.co.uk/news')).toBe('bbc.co.uk');
    expect(websiteDomain('www.facebook.com/alifa')).toBe('facebook.com');
  });

  it('gives null for junk', () => {
    for (const junk of [
      null,
      undefined,
      '',
      '-',
      'geen',
      'n.v.t.',
      'nvt',
      'www.alifa',
      'https://',
      '192.168.1.1',
      'a..nl',
    ]) {
      expect(websiteDomain(junk), String(junk)).toBeNull();
    }
  });
});

describe('normalisePostcode', () => {
  it('writes a postcode as "1234 AB"', () => {
    expect(normalisePostcode('3555 ab')).toBe('3555 AB');
    expect(normalisePostcode('3555AB')).toBe('3555 AB');
    expect(normalisePostcode(' 3555ab ')).toBe('3555 AB');
    expect(normalisePostcode('1000 AA')).toBe('1000 AA');
  });

  it('refuses what PostNL does not hand out, and everything else', () => {
    for (const bad of [
      '0555 AB',
      '3555 SA',
      '3555 SD',
      '3555 ss',
      '355 AB',
      '35555 AB',
      '3555 A',
      '3555-AB',
      'AB 3555',
    ]) {
      expect(normalisePostcode(bad), bad).toBeNull();
    }
    expect(normalisePostcode(null)).toBeNull();
    expect(normalisePostcode(undefined)).toBeNull();
  });
});

describe('findDuplicateCandidates', () => {
  it('proposes "Alifa" and "Alifa Welzijn" once, with the spellings of each merged by key', () => {
    const list = entries(
      'Alifa',
      'Stichting Alifa',
      'ALIFA welzijn',
      'Alifa Welzijn Enschede',
      'Stichting Alifa Welzijn Enschede',
    );
    expect(new Set(list.map((e) => key(e.naam)))).toEqual(new Set(['alifa', 'alifa welzijn']));
    const candidates = findDuplicateCandidates(list, places);
    expect(candidates).toEqual([{ a: 0, b: 2, score: expect.any(Number), redenen: ['naam-bevat'] }]);
    expect(candidates[0]!.score).toBeGreaterThan(0.85);
  });

  it('never proposes entries with the same key', () => {
    const candidates = findDuplicateCandidates(entries('Me’kaar', 'Mekaar', "Stichting Me'kaar"), places);
    expect(candidates).toEqual([]);
  });

  it('proposes a name written apart or with a typo', () => {
    const candidates = findDuplicateCandidates(entries('Mekaar', 'Me Kaar', 'Humanitas', 'Humantias'), places);
    expect(candidates).toEqual([
      { a: 0, b: 1, score: 0.95, redenen: ['naam-lijkt'] },
      { a: 2, b: 3, score: 0.889, redenen: ['naam-lijkt'] },
    ]);
  });

  it('proposes a name inside a longer one, but not on generic words alone', () => {
    const candidates = findDuplicateCandidates(
      entries('Humanitas', 'Humanitas Thuisadministratie', 'Buurtteam', 'Buurtteam Zuilen', 'Zorg', 'Zorg Thuis'),
      places,
    );
    expect(pairsOf(candidates)).toEqual(['0|1']);
    expect(candidates[0]!.redenen).toEqual(['naam-bevat']);
  });

  it('does not propose teams that share only a generic word or a place', () => {
    const list = entries(
      'Buurtteam Overvecht',
      'Buurtteam Zuilen',
      'Wijkteam Zuilen Oost',
      'Wijkteam Zuilen West',
      'Gemeente Utrecht',
      'Buurtteam Utrecht',
      'Bibliotheek Utrecht',
      'Bibliotheek Enschede',
      'Huisartsenpraktijk De Linde',
      'Huisartsenpraktijk De Eik',
      'Team 1',
      'Team 2',
      'Raster',
      'Faster',
    );
    expect(findDuplicateCandidates(list, places)).toEqual([]);
    // The same building does not make them one either.
    const sameBuilding = entries(
      { naam: 'Buurtteam Overvecht', postcode: '3555 AB' },
      { naam: 'Buurtteam Zuilen', postcode: '3555AB' },
    );
    expect(findDuplicateCandidates(sameBuilding, places)).toEqual([]);
  });

  it('recognises acronyms', () => {
    const candidates = findDuplicateCandidates(
      entries(
        'GGD',
        'Gemeentelijke Gezondheidsdienst',
        'CJG',
        'Centrum voor Jeugd en Gezin',
        'G.G.Z.',
        'Geestelijke Gezondheidszorg',
        'GGD Hollands Noorden',
        'Gemeentelijke Gezondheidsdienst Hollands Noorden',
        'ALIFA', // all capitals, not an acronym
        'Algemene Leerlingen Instituut',
      ),
      places,
    );
    expect(find(candidates, 0, 1)?.redenen).toEqual(['afkorting']);
    expect(find(candidates, 2, 3)).toEqual({ a: 2, b: 3, score: 0.85, redenen: ['afkorting'] });
    expect(find(candidates, 4, 5)?.redenen).toEqual(['afkorting']);
    expect(find(candidates, 6, 7)?.redenen).toEqual(['afkorting']);
    expect(find(candidates, 8, 9)).toBeUndefined();
    // "MEE Utrecht" and "M.E.E." are simply the same key.
    expect(key('MEE Utrecht')).toBe(key('M.E.E.'));
  });

  it('proposes a shared website on its own, but not a mail host or a gemeente domain', () => {
    const candidates = findDuplicateCandidates(
      entries(
        { naam: 'Jongerenwerk Oost', website: 'https://alifa.nl/jongeren' },
        { naam: 'Alifa', website: 'www.alifa.nl' },
        { naam: 'Sportclub Vooruit', website: 'vooruit@gmail.com' },
        { naam: 'Bakkerij Bol', website: 'gmail.com' },
        { naam: 'Team Noord', website: 'www.utrecht.nl' },
        { naam: 'Team Zuid', website: 'https://www.utrecht.nl/zuid' },
        { naam: 'Wijkbureau Zuid', website: 'https://www.denhaag.nl/' },
        { naam: 'Loket Zuid', website: 'denhaag.nl' },
      ),
      places,
    );
    expect(candidates).toEqual([{ a: 0, b: 1, score: 0.9, redenen: ['zelfde-website'] }]);
  });

  it('lets a gemeente domain or postcode count next to a name that is alike', () => {
    const candidates = findDuplicateCandidates(
      entries(
        { naam: 'Buurtteam Overvecht', website: 'utrecht.nl', postcode: '3555 AB' },
        { naam: 'Wijkbureau Overvecht', website: 'https://utrecht.nl/overvecht', postcode: '3555ab' },
        { naam: 'Humanitas', postcode: '7511 AB' },
        { naam: 'Humanitas Thuisadministratie', postcode: '7511AB' },
      ),
      places,
    );
    expect(find(candidates, 0, 1)?.redenen).toEqual(['zelfde-postcode', 'zelfde-website']);
    expect(find(candidates, 2, 3)?.redenen).toEqual(['naam-bevat', 'zelfde-postcode']);
    expect(find(candidates, 2, 3)!.score).toBeGreaterThan(0.85);
  });

  it('shows a key pair by the entries that share the website', () => {
    const candidates = findDuplicateCandidates(
      [
        { key: 'r1', naam: 'Alifa' },
        { key: 'r2', naam: 'Alifa Welzijn' },
        { key: 'r3', naam: 'Stichting Alifa', website: 'alifa.nl' },
        { key: 'r4', naam: 'Alifa Welzijn Enschede', website: 'https://www.alifa.nl' },
      ],
      places,
    );
    expect(candidates).toEqual([
      { a: 'r3', b: 'r4', score: expect.any(Number), redenen: ['naam-bevat', 'zelfde-website'] },
    ]);
  });

  it('sorts by score, highest first, then by input order, and honours minScore', () => {
    const list = entries(
      'Humanitas',
      'Humanitas Thuisadministratie',
      'Kwadraad',
      'Kwadraad Maatschappelijk Werk',
      'Mekaar',
      'Me Kaar',
      'Vitaal',
      'Vitaal Kunst Muziek Theater',
    );
    const candidates = findDuplicateCandidates(list, places);
    expect(pairsOf(candidates)).toEqual(['4|5', '2|3', '0|1']);
    const scores = candidates.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    expect(candidates.every((c) => c.score >= 0.75 && c.score <= 1)).toBe(true);
    expect(pairsOf(findDuplicateCandidates(list, places, { minScore: 0.9 }))).toEqual(['4|5']);
    expect(pairsOf(findDuplicateCandidates(list, places, { minScore: 0.5 }))).toContain('6|7');
  });

  it('skips empty names', () => {
    expect(findDuplicateCandidates(entries('', '  ', 'Alifa'), places)).toEqual([]);
  });

  it('handles 5,000 entries', () => {
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const syllables = ['ka', 'lo', 'mi', 'ra', 've', 'do', 'ni', 'tas', 'ber', 'gen', 'hu', 'ma', 'li', 'fa', 'zo'];
    const stem = () => Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(syllables)).join('');
    const generic = ['Welzijn', 'Zorg', 'Buurtteam', 'Wijkcentrum', 'Jeugd', 'Sport'];
    const legal = ['Stichting ', '', '', 'Vereniging '];
    const suffix = ['', '', ' B.V.'];
    const plaatsen = ['', '', ' Utrecht', ' Enschede', ' Den Haag', " 's-Hertogenbosch"];
    const list: NameEntry[] = [];
    const organisation: number[] = [];
    for (let org = 0; list.length < 5000; org++) {
      const base = `${stem()}${random() < 0.5 ? ` ${pick(generic)}` : ''}`;
      const postcode = `${1000 + Math.floor(random() * 8999)} AB`;
      for (let v = 0, variants = 1 + Math.floor(random() * 3); v < variants && list.length < 5000; v++) {
        const naam = `${pick(legal)}${base}${pick(plaatsen)}${pick(suffix)}`;
        list.push({ key: list.length, naam: random() < 0.1 ? naam.toUpperCase() : naam, postcode });
        organisation.push(org);
      }
    }
    // Plant a typo and an acronym.
    list.push({ key: 5000, naam: 'Humanitas' }, { key: 5001, naam: 'Humantias' });
    list.push({ key: 5002, naam: 'CJG' }, { key: 5003, naam: 'Centrum voor Jeugd en Gezin' });

    const candidates = findDuplicateCandidates(list, places);
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates.length).toBeLessThan(list.length);
    expect(find(candidates, 5000, 5001)?.redenen).toEqual(['naam-lijkt']);
    expect(find(candidates, 5002, 5003)?.redenen).toEqual(['afkorting']);
    for (const c of candidates) {
      expect(key(list[c.a as number]!.naam)).not.toBe(key(list[c.b as number]!.naam));
      expect(c.a as number).toBeLessThan(c.b as number);
    }
    const scores = candidates.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    // Spelling variants of one organisation mostly share a key.
    const keys = new Set(list.slice(0, 5000).map((e) => key(e.naam)));
    expect(keys.size).toBeLessThan(new Set(organisation).size * 1.5);
  });
});
