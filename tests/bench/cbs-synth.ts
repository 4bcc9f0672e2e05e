/**
 * A whole-country CBS "Kerncijfers wijken en buurten 2024" (85984NED) table as StatLine's untyped CSV, synthesised for
 * the benchmark in exactly the format of the real downloads (see the 2019 fixtures): UTF-8 BOM, `;`, every field
 * quoted, LF line ends; codes and descriptions padded to 10 ("GM0344    ", "Gemeente  "), numbers right-aligned to
 * 8 ("  352866", "     1.9"), "       ." for missing. Columns: ID, WijkenEnBuurten and the 128 topic keys of the 2024
 * DataProperties in their order. data/cbs/statline-topics.json holds those topics by stem, in order; the key is the
 * stem (before any "@") with its position as suffix: Gemeentenaam_1 … Omgevingsadressendichtheid_128, identical to
 * the keys of odata-85984NED-DataProperties.json.
 * Values are pseudo-random but deterministic and plausible: buurt counts rounded to 5 and summed up to wijk,
 * gemeente and land; averages and percentages within a range per column; a few "." everywhere.
 */
import topics from '../../data/cbs/statline-topics.json';

export const KWB_SYNTH_FILE = 'kwb-2024-nederland.csv';
/** The 2024 area division: 1 land, 342 gemeenten, 3,393 wijken, 14,574 buurten. */
export const KWB_SYNTH_COUNTS = { land: 1, gemeente: 342, wijk: 3393, buurt: 14_574 } as const;
export const KWB_SYNTH_REGIONS =
  KWB_SYNTH_COUNTS.land + KWB_SYNTH_COUNTS.gemeente + KWB_SYNTH_COUNTS.wijk + KWB_SYNTH_COUNTS.buurt;

export interface KwbTopic {
  readonly key: string;
  readonly stem: string;
  readonly eenheid: string | null;
  readonly decimalen: number;
}

/** The 128 topics of the 2024 table, in order, with their real keys. */
export const KWB_2024_TOPICS: readonly KwbTopic[] = Object.entries(
  topics.topics as Record<string, { eenheid: string | null; decimalen: number | null }>,
).map(([name, t], i) => {
  const stem = name.split('@')[0] ?? name;
  return { key: `${stem}_${i + 1}`, stem, eenheid: t.eenheid, decimalen: t.decimalen ?? 0 };
});

/** The header row: "ID";"WijkenEnBuurten";"Gemeentenaam_1";"SoortRegio_2";"Codering_3";… */
export const KWB_SYNTH_COLUMNS: readonly string[] = ['ID', 'WijkenEnBuurten', ...KWB_2024_TOPICS.map((t) => t.key)];

type Niveau = 'land' | 'gemeente' | 'wijk' | 'buurt';

interface Region {
  readonly code: string;
  readonly niveau: Niveau;
  readonly gemeente: number;
  /** Index of the parent in output order; -1 for the land. */
  readonly parent: number;
}

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits `total` over `n` parts of at least 1 each, in proportion to random weights. */
function apportion(total: number, n: number, rand: () => number, spread: number): number[] {
  const weights = Array.from({ length: n }, () => 1 - spread + 2 * spread * rand());
  const sum = weights.reduce((a, b) => a + b, 0);
  const extra = total - n;
  const out: number[] = [];
  let cum = 0;
  let given = 0;
  for (const w of weights) {
    cum += w;
    const upTo = Math.round((extra * cum) / sum);
    out.push(1 + upTo - given);
    given = upTo;
  }
  return out;
}

// prettier-ignore
const PREFIX = [
  'Aal', 'Berg', 'Bos', 'Dor', 'Eem', 'Gro', 'Haar', 'Hoog', 'Kam', 'Lan',
  'Mid', 'Noord', 'Oost', 'Ree', 'Ter', 'Veen', 'Wes', 'Zuid', 'Ulr', 'Ysel',
];
// prettier-ignore
const SUFFIX = [
  'dam', 'dijk', 'horst', 'hout', 'kerk', 'meer', 'rode', 'stad', 'veld',
  'wolde', 'zijl', 'broek', 'ingen', 'um', 'sel', 'lo', 'voorde', 'burg',
];
/** A few real names that exercise UTF-8, apostrophes, commas and brackets inside quoted fields. */
const SPECIAL: Readonly<Record<number, string>> = {
  7: "'s-Gravenhage",
  41: 'Súdwest-Fryslân',
  99: 'Bergen (NH.)',
  170: 'Nuenen, Gerwen en Nederwetten',
  256: 'Noardeast-Fryslân',
  311: 'Gemeente Zuidplas aan de IJssel',
};

function gemeenteNaam(i: number): string {
  return SPECIAL[i] ?? `${PREFIX[i % PREFIX.length]}${SUFFIX[Math.floor(i / PREFIX.length) % SUFFIX.length]}`;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function regions(rand: () => number): Region[] {
  const out: Region[] = [{ code: 'NL00', niveau: 'land', gemeente: -1, parent: -1 }];
  const wijken = apportion(KWB_SYNTH_COUNTS.wijk, KWB_SYNTH_COUNTS.gemeente, rand, 0.7);
  const buurten = apportion(KWB_SYNTH_COUNTS.buurt, KWB_SYNTH_COUNTS.wijk, rand, 0.9);
  let gm = 0;
  let w = 0;
  for (let g = 0; g < KWB_SYNTH_COUNTS.gemeente; g++) {
    gm += 1 + Math.floor(rand() * 9);
    const gm4 = String(gm).padStart(4, '0');
    const gIndex = out.length;
    out.push({ code: `GM${gm4}`, niveau: 'gemeente', gemeente: g, parent: 0 });
    const nw = wijken[g]!;
    if (nw > 100) throw new Error(`cbs-synth: ${nw} wijken in one gemeente`);
    for (let k = 0; k < nw; k++, w++) {
      const wk6 = `${gm4}${pad2(k)}`;
      const wIndex = out.length;
      out.push({ code: `WK${wk6}`, niveau: 'wijk', gemeente: g, parent: gIndex });
      const nb = buurten[w]!;
      if (nb > 100) throw new Error(`cbs-synth: ${nb} buurten in one wijk`);
      for (let b = 0; b < nb; b++)
        out.push({ code: `BU${wk6}${pad2(b)}`, niveau: 'buurt', gemeente: g, parent: wIndex });
    }
  }
  return out;
}

type Kind =
  | { t: 'gemeentenaam' | 'soort' | 'codering' | 'indeling' | 'postcode' | 'dekking' | 'stedelijkheid' }
  | { t: 'inwoners' | 'mannen' | 'vrouwen' | 'dichtheid' | 'opp-totaal' | 'opp-land' | 'opp-water' }
  | { t: 'aantal'; share: number }
  | { t: 'gemiddelde'; lo: number; hi: number; centre: number };

/** How each column gets its values, by key stem and unit. */
function kinds(rand: () => number): Kind[] {
  const range = (lo: number, hi: number): Kind => {
    const centre = lo + (hi - lo) * (0.25 + 0.5 * rand());
    return { t: 'gemiddelde', lo, hi, centre };
  };
  return KWB_2024_TOPICS.map((topic): Kind => {
    switch (topic.stem) {
      case 'Gemeentenaam':
        return { t: 'gemeentenaam' };
      case 'SoortRegio':
        return { t: 'soort' };
      case 'Codering':
        return { t: 'codering' };
      case 'IndelingswijzigingGemeenteWijkBuurt':
        return { t: 'indeling' };
      case 'MeestVoorkomendePostcode':
        return { t: 'postcode' };
      case 'Dekkingspercentage':
        return { t: 'dekking' };
      case 'MateVanStedelijkheid':
        return { t: 'stedelijkheid' };
      case 'AantalInwoners':
        return { t: 'inwoners' };
      case 'Mannen':
        return { t: 'mannen' };
      case 'Vrouwen':
        return { t: 'vrouwen' };
      case 'Bevolkingsdichtheid':
        return { t: 'dichtheid' };
      case 'OppervlakteTotaal':
        return { t: 'opp-totaal' };
      case 'OppervlakteLand':
        return { t: 'opp-land' };
      case 'OppervlakteWater':
        return { t: 'opp-water' };
      case 'GemiddeldeHuishoudensgrootte':
        return range(1.3, 3.4);
      case 'GemiddeldeWOZWaardeVanWoningen':
        return range(120, 1100);
      case 'MediaanVermogenVanParticuliereHuish':
        return range(0, 600);
    }
    const e = topic.eenheid ?? '';
    if (e === 'aantal' && topic.decimalen === 0) return { t: 'aantal', share: 0.004 + 0.5 * rand() ** 2 };
    if (e === 'aantal') return range(0.5, 40);
    if (e === '%') return range(0, 100);
    if (e === 'per 1 000 inwoners') return range(0, 60);
    if (e === 'per km²') return range(5, 15_000);
    if (e === 'x 1 000 euro') return range(15, 90);
    if (e === 'kWh') return range(1200, 6000);
    if (e === 'm³') return range(250, 3000);
    if (e === 'km') return range(0.1, 12);
    if (e === 'per huishouden') return range(0.2, 2.2);
    return range(0, 1000);
  });
}

const WIDTH = 8;
const MISSING = '.'.padStart(WIDTH);

/** The whole-country table as the bytes of a StatLine untyped CSV (about 26 MB). */
export function synthesiseKwbCsv(): Uint8Array {
  const rand = prng(85_984);
  const regs = regions(rand);
  const cols = kinds(rand);
  const n = regs.length;
  const m = cols.length;
  if (n !== KWB_SYNTH_REGIONS) throw new Error(`cbs-synth: ${n} regions, expected ${KWB_SYNTH_REGIONS}`);
  const col = (stem: string) => KWB_2024_TOPICS.findIndex((t) => t.stem === stem);
  const inw = col('AantalInwoners');
  const land = col('OppervlakteLand');
  const water = col('OppervlakteWater');

  // Numbers in region-major order; NaN is missing. Summed columns accumulate children into their parent: output
  // order puts every parent before its children, so one pass backwards sees all children before their parent.
  const v = new Float64Array(n * m);
  const summedKinds = new Set<Kind['t']>(['aantal', 'inwoners', 'mannen', 'vrouwen', 'opp-land', 'opp-water']);
  const summed = cols.map((k) => summedKinds.has(k.t));
  const round5 = (x: number) => Math.max(0, Math.round(x / 5) * 5);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const missRate = { land: 0, gemeente: 0.002, wijk: 0.01, buurt: 0.03 } as const;

  for (let i = n - 1; i >= 0; i--) {
    const r = regs[i]!;
    const row = i * m;
    const buurt = r.niveau === 'buurt';
    if (buurt) {
      const empty = rand() < 0.04;
      const pop = empty ? 0 : Math.min(30_000, round5(Math.exp(6.5 + 1.1 * gauss())));
      const landHa = Math.round(5 + 1000 * rand() ** 3);
      for (let j = 0; j < m; j++) {
        const k = cols[j]!;
        if (k.t === 'inwoners') v[row + j] = pop;
        else if (k.t === 'mannen') v[row + j] = round5(pop * (0.47 + 0.06 * rand()));
        else if (k.t === 'vrouwen') v[row + j] = pop - v[row + j - 1]!;
        else if (k.t === 'opp-land') v[row + j] = landHa;
        else if (k.t === 'opp-water') v[row + j] = rand() < 0.6 ? 0 : Math.round(landHa * 0.3 * rand());
        else if (k.t === 'aantal') v[row + j] = rand() < 0.005 ? NaN : round5(pop * k.share * (0.5 + rand()));
      }
    }
    for (let j = 0; j < m; j++) {
      const k = cols[j]!;
      const pop = v[row + inw]!;
      if (k.t === 'gemiddelde') {
        const missing = (buurt && pop === 0) || rand() < missRate[r.niveau];
        const x = Math.min(k.hi, Math.max(k.lo, k.centre * (0.6 + 0.8 * rand())));
        v[row + j] = missing ? NaN : x;
      } else if (k.t === 'opp-totaal') v[row + j] = v[row + land]! + v[row + water]!;
      else if (k.t === 'dichtheid') v[row + j] = pop === 0 ? NaN : Math.round(pop / (v[row + land]! / 100));
      else if (k.t === 'indeling') v[row + j] = r.niveau === 'land' ? NaN : rand() < 0.92 ? 1 : rand() < 0.3 ? 2 : 3;
      else if (k.t === 'postcode') v[row + j] = buurt && pop > 0 ? 1000 + Math.floor(rand() * 9000) : NaN;
      else if (k.t === 'dekking') v[row + j] = buurt && pop > 0 ? 1 + Math.floor(rand() * 6) : NaN;
      else if (k.t === 'stedelijkheid') v[row + j] = r.niveau === 'land' ? NaN : 1 + Math.floor(rand() * 5);
    }
    if (r.parent >= 0) {
      const p = r.parent * m;
      for (let j = 0; j < m; j++) if (summed[j] && !Number.isNaN(v[row + j]!)) v[p + j]! += v[row + j]!;
    }
  }

  const names = Array.from({ length: KWB_SYNTH_COUNTS.gemeente }, (_, g) => `"${gemeenteNaam(g).padEnd(40)}"`);
  const soort = { land: 'Land', gemeente: 'Gemeente', wijk: 'Wijk', buurt: 'Buurt' } as const;
  const decimals = KWB_2024_TOPICS.map((t) => t.decimalen);
  const lines: string[] = [`\uFEFF${KWB_SYNTH_COLUMNS.map((c) => `"${c}"`).join(';')}`];
  const cells: string[] = new Array<string>(m + 2);
  for (let i = 0; i < n; i++) {
    const r = regs[i]!;
    const code = `"${r.code.padEnd(10)}"`;
    cells[0] = `"${i}"`;
    cells[1] = code;
    for (let j = 0; j < m; j++) {
      const k = cols[j]!;
      let cell: string;
      if (k.t === 'gemeentenaam') cell = r.gemeente < 0 ? `"${'Nederland'.padEnd(40)}"` : names[r.gemeente]!;
      else if (k.t === 'soort') cell = `"${soort[r.niveau].padEnd(10)}"`;
      else if (k.t === 'codering') cell = code;
      else {
        const x = v[i * m + j]!;
        const text = Number.isNaN(x) ? MISSING : x.toFixed(decimals[j]!).padStart(WIDTH);
        cell = `"${text}"`;
      }
      cells[j + 2] = cell;
    }
    lines.push(cells.join(';'));
  }
  lines.push('');
  return new TextEncoder().encode(lines.join('\n'));
}
