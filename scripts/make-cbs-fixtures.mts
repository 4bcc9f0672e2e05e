/**
 * Writes tests/fixtures/cbs/kwb-2024-nederland-zorg.csv.gz: the real whole-country StatLine download of table 85984NED
 * (tests/fixtures/cbs/statline-labelled-2024-nederland.csv.gz, 18,310 regions, 13 columns, copied byte for byte)
 * plus the 8 care columns of the same table (bijstand, AO, WW, AOW, jeugdzorg in natura and its percentage,
 * Wmo-cliënten and per 1 000 inwoners) with SYNTHETIC values, in the download's own format: UTF-8 BOM, `;`, CRLF,
 * text quoted, numbers not, decimal comma, "." missing and "x" secret quoted.
 *   npx tsx scripts/make-cbs-fixtures.mts
 * Deterministic (seeded; gzip without a time stamp): running it twice gives the same bytes.
 *
 * The values are plausible, not real: buurt counts are rounded to 5 and summed into their wijk, gemeente and the
 * land (hidden ones included), rates per 1 000 and percentages are computed from those sums; buurten without
 * inhabitants have ".", buurten under 100 inhabitants "x", and about 2 % of the others "." in one care column.
 * Two values are fixed for the gap analysis tests: Boswinkel-De Braker (BU01530201, 3,685 inhabitants) has 485
 * Wmo-cliënten = 132 per 1 000, and gemeente Enschede (GM0153, 161,738 inhabitants) 88 per 1 000.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';

const DIR = new URL('../tests/fixtures/cbs/', import.meta.url);
const SOURCE = new URL('statline-labelled-2024-nederland.csv.gz', DIR);
const TARGET = new URL('kwb-2024-nederland-zorg.csv.gz', DIR);

export const ZORG_HEADERS = [
  'Sociale zekerheid/Personen per soort uitkering; Bijstand (aantal)',
  'Sociale zekerheid/Personen per soort uitkering; AO (aantal)',
  'Sociale zekerheid/Personen per soort uitkering; WW (aantal)',
  'Sociale zekerheid/Personen per soort uitkering; AOW (aantal)',
  'Zorg/Jongeren met jeugdzorg in natura (aantal)',
  'Zorg/Percentage jongeren met jeugdzorg (%)',
  'Zorg/Wmo-cliënten (aantal)',
  'Zorg/Wmo-cliënten relatief (per 1 000 inwoners)',
] as const;

const BOSWINKEL = 'BU01530201';
const BOSWINKEL_WMO = 485;
const ENSCHEDE = 'GM0153';
const ENSCHEDE_PER_1000 = 88;

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

const round5 = (x: number) => Math.max(0, Math.round(x / 5) * 5);

/** The fields of one line of the download: quoted text without quotes inside, or a bare number. */
function fields(line: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|([^;]*)/gy;
  for (let pos = 0; pos <= line.length;) {
    re.lastIndex = pos;
    const m = re.exec(line)!;
    out.push(m[1] ?? m[2] ?? '');
    pos = re.lastIndex + 1;
  }
  return out;
}

interface Row {
  readonly line: string;
  readonly code: string;
  readonly inwoners: number;
  readonly jongeren: number;
  readonly ouderen: number;
}

/** Counts per region (true values, before any is hidden): bijstand, AO, WW, AOW, jeugdzorg, Wmo. */
type Counts = [number, number, number, number, number, number];

function main(): void {
  const text = gunzipSync(readFileSync(SOURCE)).toString('utf8');
  if (!text.startsWith('\uFEFF')) throw new Error('no BOM');
  const lines = text.slice(1).split('\r\n');
  if (lines.at(-1) === '') lines.pop();
  const header = fields(lines[0]!);
  const col = (h: string) => {
    const i = header.indexOf(h);
    if (i < 0) throw new Error(`no column ${h}`);
    return i;
  };
  const cCode = col('Regioaanduiding/Codering (code)');
  const cInw = col('Bevolking/Aantal inwoners (aantal)');
  const c0 = col('Bevolking/Leeftijdsgroepen/0 tot 15 jaar (aantal)');
  const c15 = col('Bevolking/Leeftijdsgroepen/15 tot 25 jaar (aantal)');
  const c65 = col('Bevolking/Leeftijdsgroepen/65 jaar of ouder (aantal)');
  const rows: Row[] = lines.slice(1).map((line) => {
    const f = fields(line);
    return {
      line,
      code: f[cCode]!.trim(),
      inwoners: Number(f[cInw]),
      // "Jongeren" in CBS's care figures are those under 23: about 0–15 plus most of 15–25.
      jongeren: Number(f[c0]) + Math.round(0.8 * Number(f[c15])),
      ouderen: Number(f[c65]),
    };
  });

  const rand = prng(85_984_2024);
  const between = (lo: number, hi: number) => lo + (hi - lo) * rand();
  // Each gemeente its own rates; each buurt a factor around them.
  const rates = new Map<string, { wmo: number; jz: number; bijstand: number; ao: number; ww: number; aow: number }>();
  for (const r of rows) {
    if (!r.code.startsWith('GM')) continue;
    rates.set(r.code, {
      wmo: r.code === ENSCHEDE ? ENSCHEDE_PER_1000 : between(55, 110),
      jz: between(0.07, 0.14),
      bijstand: between(0.01, 0.06),
      ao: between(0.04, 0.08),
      ww: between(0.008, 0.02),
      aow: between(0.95, 1),
    });
  }
  const counts = new Map<string, Counts>();
  const hidden = new Map<string, 'x' | '.'>();
  /** One care column (0–7) of a buurt that is "." (about 2 %), or -1. */
  const dotColumn = new Map<string, number>();
  for (const r of rows) {
    if (!r.code.startsWith('BU')) continue;
    const g = rates.get(`GM${r.code.slice(2, 6)}`)!;
    const f = () => Math.exp(0.35 * (rand() + rand() + rand() - 1.5) * 2);
    const c: Counts = [
      round5(r.inwoners * g.bijstand * f()),
      round5(r.inwoners * g.ao * 0.6 * f()),
      round5(r.inwoners * g.ww * f()),
      round5(r.ouderen * g.aow),
      round5(r.jongeren * g.jz * f()),
      r.code === BOSWINKEL ? BOSWINKEL_WMO : round5((r.inwoners * g.wmo * f()) / 1000),
    ];
    counts.set(r.code, c);
    if (r.inwoners === 0) hidden.set(r.code, '.');
    else if (r.inwoners < 100) hidden.set(r.code, 'x');
    else if (rand() < 0.02) dotColumn.set(r.code, Math.floor(rand() * 8));
  }
  // Enschede: its buurten (Boswinkel-De Braker aside) scaled so that the gemeente is at 88 per 1 000.
  const enschede = rows.find((r) => r.code === ENSCHEDE)!;
  const ownBuurten = rows.filter((r) => r.code.startsWith('BU0153') && r.code !== BOSWINKEL);
  const perMille = () =>
    Math.round(
      (1000 * (BOSWINKEL_WMO + ownBuurten.reduce((s, r) => s + counts.get(r.code)![5], 0))) / enschede.inwoners,
    );
  const want = (ENSCHEDE_PER_1000 * enschede.inwoners) / 1000 - BOSWINKEL_WMO;
  const have = ownBuurten.reduce((s, r) => s + counts.get(r.code)![5], 0);
  for (const r of ownBuurten) counts.get(r.code)![5] = round5((counts.get(r.code)![5] * want) / have);
  const biggest = ownBuurten.reduce((a, b) => (b.inwoners > a.inwoners ? b : a));
  while (perMille() !== ENSCHEDE_PER_1000) counts.get(biggest.code)![5] += perMille() < ENSCHEDE_PER_1000 ? 5 : -5;

  // Sums: wijk = its buurten, gemeente = its buurten, land = every buurt (hidden values included).
  const sum = (prefix: string) => {
    const out: Counts = [0, 0, 0, 0, 0, 0];
    for (const [code, c] of counts) if (code.startsWith(prefix)) for (let k = 0; k < 6; k++) out[k]! += c[k]!;
    return out;
  };
  const byWijk = new Map<string, Counts>();
  const byGemeente = new Map<string, Counts>();
  for (const [code, c] of counts) {
    for (const [map, key] of [
      [byWijk, `WK${code.slice(2, 8)}`],
      [byGemeente, `GM${code.slice(2, 6)}`],
    ] as const) {
      const t = map.get(key) ?? [0, 0, 0, 0, 0, 0];
      for (let k = 0; k < 6; k++) t[k]! += c[k]!;
      map.set(key, t);
    }
  }
  const land = sum('BU');

  const comma = (x: number, decimals: number) => x.toFixed(decimals).replace('.', ',');
  const out: string[] = [[...lines[0]!.split(';'), ...ZORG_HEADERS.map((h) => `"${h}"`)].join(';')];
  for (const r of rows) {
    const c = r.code.startsWith('BU')
      ? counts.get(r.code)!
      : r.code.startsWith('WK')
        ? (byWijk.get(r.code) ?? [0, 0, 0, 0, 0, 0])
        : r.code.startsWith('GM')
          ? (byGemeente.get(r.code) ?? [0, 0, 0, 0, 0, 0])
          : land;
    const cells: string[] = [
      String(c[0]),
      String(c[1]),
      String(c[2]),
      String(c[3]),
      String(c[4]),
      r.jongeren > 0 ? comma((100 * c[4]) / r.jongeren, 1) : '"."',
      String(c[5]),
      r.inwoners > 0 ? String(Math.round((1000 * c[5]) / r.inwoners)) : '"."',
    ];
    const h = hidden.get(r.code);
    if (h) cells.fill(`"${h}"`);
    const dot = dotColumn.get(r.code);
    if (dot !== undefined) cells[dot] = '"."';
    out.push(`${r.line};${cells.join(';')}`);
  }
  const csv = `\uFEFF${out.join('\r\n')}\r\n`;
  const check = (ok: boolean, what: string) => {
    if (!ok) throw new Error(`make-cbs-fixtures: ${what}`);
  };
  const line = (code: string) => out.find((l) => l.includes(`"${code.padEnd(10)}"`))!.split(';');
  check(line(BOSWINKEL).at(-1) === '132' && line(BOSWINKEL).at(-2) === String(BOSWINKEL_WMO), 'Boswinkel');
  check(line(ENSCHEDE).at(-1) === String(ENSCHEDE_PER_1000), 'Enschede');
  check(out.length === 18_311, `${out.length - 1} rows`);
  writeFileSync(TARGET, gzipSync(Buffer.from(csv, 'utf8'), { level: 9 }));
  console.log(
    `${TARGET.pathname}: ${out.length - 1} rijen, ${(csv.length / 1e6).toFixed(1)} MB; Enschede ${line(ENSCHEDE).slice(-8).join(' ')}; ` +
      `Boswinkel-De Braker ${line(BOSWINKEL).slice(-8).join(' ')}`,
  );
}

main();
