/**
 * The long fuzz run (issue 15): `npm run fuzz -- --cases 100000 --seed 1`.
 *
 *   --cases N        number of cases (default 2000), spread evenly over the targets
 *   --seed S         the run's seed (default 1); case N of seed S is always the same case
 *   --targets a,b    only these targets (cbs-csv, cbs-xlsx, cbs-json, cognos-csv, …, geo-topojson, project)
 *   --van N          start at case N (with --cases: that many from there)
 *   --case N         run only case N (prints it in full); with --alleen-maken only write its bytes
 *   --kort           as the unit test: only small cuts of the fixtures, smaller huge cells and tables (by default
 *                    10% of the cases start from a whole fixture, and huge cells go up to 2 MB)
 *   --replay F.json  run a stored failing case again (its bytes in F.bin, beside it)
 *   --minimaliseer   with --replay: cut the bytes down while the same failure remains, write F.min.bin
 *   --out DIR        where failing cases go (default test-results/fuzz)
 *   --max-s S        a case that takes longer is stopped and counts as a failure (default 60)
 *
 * Prints per target the cases, clean imports, Dutch refusals and failures, the slowest case and the peak RSS; every
 * failing case is written to DIR as <seed>-<case>-<target>.bin (its bytes) and .json (what happened, how to replay).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { loadSqlJs } from '../../node/sqljs';
import { createHarness, MAX_RSS, TARGET_NAMES, type CaseResult, type Harness, type HarnessOptions } from './harness';
import type { TargetName } from './seeds';
import type { CaseRequest, WorkerMessage } from './worker';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const cases = Number(arg('cases') ?? 2000);
/** The first case (to run a stretch of a run again: `--van 3250 --cases 20`). */
const from = Number(arg('van') ?? 0);
const seed = Number(arg('seed') ?? 1);
const out = arg('out') ?? 'test-results/fuzz';
const maxSeconds = Number(arg('max-s') ?? 60);
const only = (arg('targets')?.split(',') as TargetName[] | undefined) ?? TARGET_NAMES;
for (const t of only) {
  if (!TARGET_NAMES.includes(t)) {
    console.error(`Onbekend doel ‘${t}’. Kies uit: ${TARGET_NAMES.join(', ')}`);
    process.exit(1);
  }
}

const mb = (n: number) => `${Math.round(n / 1048576)} MB`;
const signature = (problem: string) =>
  problem
    .replace(/\d+/g, 'N')
    .replace(/‘[^’]*’/g, '‘…’')
    .slice(0, 160);

function dump(r: CaseResult, runSeed: number): string {
  mkdirSync(out, { recursive: true });
  const base = join(out, `${runSeed}-${r.index}-${r.target}`);
  writeFileSync(`${base}.bin`, r.bytes);
  writeFileSync(
    `${base}.json`,
    JSON.stringify(
      {
        seed: runSeed,
        case: r.index,
        target: r.target,
        seedFile: r.seed,
        name: r.name,
        mutations: r.mutations,
        options: r.options,
        problems: r.problems,
        ms: Math.round(r.ms),
        replay: `npm run fuzz -- --replay ${base}.json`,
      },
      null,
      2,
    ),
  );
  return base;
}

/**
 * Runs the cases in a worker thread: a case that does not finish within the limit (a loop that never ends) is
 * stopped with the worker, and becomes a failure with the bytes the worker reported before it started.
 */
/** A case's bytes replayed in a fresh process (`--replay`): its outcome and problems there. */
function judgeAlone(r: CaseResult): Pick<CaseResult, 'uitkomst' | 'problems' | 'codes'> {
  const dir = mkdtempSync(join(tmpdir(), 'wijkweb-fuzz-'));
  try {
    const base = join(dir, `${seed}-${r.index}-${r.target}`);
    writeFileSync(`${base}.bin`, r.bytes);
    writeFileSync(
      `${base}.json`,
      JSON.stringify({ seed, case: r.index, target: r.target, name: r.name, problems: [] }),
    );
    const out = spawnSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--replay', `${base}.json`],
      {
        encoding: 'utf8',
        timeout: maxSeconds * 2000,
      },
    );
    const lines = (out.stdout ?? '').split('\n');
    const verdict = /: (schoon|geweigerd|fout)$/.exec(lines.find((l) => /: (schoon|geweigerd|fout)$/.test(l)) ?? '');
    if (!verdict) return { uitkomst: 'fout', problems: [`apart beoordeeld: geen uitkomst (${out.status})`], codes: [] };
    const uitkomst = verdict[1] as CaseResult['uitkomst'];
    const problems = lines.filter((l) => l.startsWith('  ')).map((l) => `apart beoordeeld: ${l.trim()}`);
    return {
      uitkomst,
      problems: uitkomst === 'fout' ? problems : [],
      codes: uitkomst === 'geweigerd' ? ['(apart)'] : [],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

class CaseRunner {
  private worker!: Worker;
  private ready!: Promise<void>;
  private listener: ((m: WorkerMessage) => void) | null = null;

  constructor(private readonly options: HarnessOptions) {
    this.start();
  }

  private start() {
    // The worker loads TypeScript through tsx, as the main thread does (registered before the worker's module).
    const api = pathToFileURL(
      createRequire(import.meta.url)
        .resolve('tsx/esm/api')
        .replace(/\.cjs$/, '.mjs'),
    ).href;
    const entry = new URL('./worker.ts', import.meta.url).href;
    const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
    this.worker = new Worker(boot, { eval: true, workerData: this.options });
    this.ready = new Promise((resolve, reject) => {
      const first = (m: WorkerMessage) => {
        if (m.type === 'klaar') resolve();
      };
      this.worker.once('message', first);
      this.worker.once('error', reject);
    });
    this.worker.on('message', (m: WorkerMessage) => this.listener?.(m));
  }

  async run(req: CaseRequest): Promise<CaseResult> {
    const result = await this.runOnce(req);
    // The memory of earlier cases, and of making this one (SheetJS writing a mutated workbook), stays in the process
    // (the wasm heap of sql.js never shrinks, and a stopped worker's memory is not always given back): a case that
    // fails on memory alone is judged again on its bytes alone, in a process of its own, so that only a case that
    // itself takes more than the limit fails.
    if (result.problems.length > 0 && result.problems.every((p) => p.startsWith('geheugen:'))) {
      return { ...result, ...judgeAlone(result) };
    }
    return result;
  }

  private async runOnce(req: CaseRequest): Promise<CaseResult> {
    await this.ready;
    let made: Extract<WorkerMessage, { type: 'geval' }> | null = null;
    const t0 = performance.now();
    const result = await new Promise<CaseResult | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), maxSeconds * 1000);
      const onError = (err: Error) => {
        clearTimeout(timer);
        resolve({
          index: req.index,
          target: made?.target ?? req.only[req.index % req.only.length]!,
          seed: '',
          name: made?.name ?? '',
          mutations: made?.mutations ?? [],
          options: {},
          bytes: made?.bytes ?? new Uint8Array(0),
          uitkomst: 'fout',
          codes: [],
          problems: [`worker gestopt: ${err.message}`],
          ms: performance.now() - t0,
          rss: process.memoryUsage().rss,
        });
      };
      this.worker.once('error', onError);
      this.listener = (m) => {
        if (m.type === 'geval') made = m;
        if (m.type === 'uitkomst') {
          clearTimeout(timer);
          this.worker.off('error', onError);
          resolve(m.result);
        }
      };
      this.worker.postMessage(req);
    });
    this.listener = null;
    const stopped = !result || result.problems.some((p) => p.startsWith('worker gestopt'));
    // Memory a case took stays taken (the wasm heap of sql.js never shrinks): a fresh worker, so that the next cases
    // are judged on their own.
    if (result && !stopped && result.rss <= MAX_RSS) return result;
    // Stopped: a new worker for the next case.
    await this.worker.terminate();
    this.start();
    if (result) return result;
    const m = made as Extract<WorkerMessage, { type: 'geval' }> | null;
    return {
      index: req.index,
      target: m?.target ?? req.only[req.index % req.only.length]!,
      seed: '',
      name: m?.name ?? '',
      mutations: m?.mutations ?? [],
      options: {},
      bytes: m?.bytes ?? new Uint8Array(0),
      uitkomst: 'fout',
      codes: [],
      problems: [
        m ? `hangt: na ${maxSeconds} s gestopt` : `hangt: het maken van het geval duurde meer dan ${maxSeconds} s`,
      ],
      ms: performance.now() - t0,
      rss: process.memoryUsage().rss,
    };
  }

  async stop() {
    await this.worker.terminate();
  }
}

async function replay(harness: Harness, file: string) {
  const meta = JSON.parse(readFileSync(file, 'utf8')) as {
    seed: number;
    case: number;
    target: TargetName;
    name: string;
    problems: string[];
  };
  const bin = file.replace(/\.json$/, '.bin');
  const bytes = new Uint8Array(readFileSync(bin));
  const run = (b: Uint8Array) =>
    harness.replay(meta.target, { name: meta.name, bytes: b }, { seed: meta.seed, index: meta.case });
  const r = await run(bytes);
  console.log(`${meta.target} ‘${meta.name}’ (${bytes.length} bytes): ${r.uitkomst}`);
  for (const p of r.problems) console.log(`  ${p}`);
  if (!flag('minimaliseer') || r.uitkomst !== 'fout') return;
  // Delta debugging: drop ever smaller chunks while the first failure stays the same.
  const want = signature(r.problems[0]!);
  const fails = async (b: Uint8Array) => {
    const x = await run(b);
    return x.problems.some((p) => signature(p) === want);
  };
  let current = bytes;
  let parts = 2;
  let tries = 0;
  while (parts <= current.length && tries < 4000) {
    const size = Math.ceil(current.length / parts);
    let cut = false;
    for (let at = 0; at < current.length && tries < 4000; at += size) {
      tries++;
      const candidate = new Uint8Array(current.length - Math.min(size, current.length - at));
      candidate.set(current.subarray(0, at));
      candidate.set(current.subarray(at + size), at);
      if (candidate.length > 0 && (await fails(candidate))) {
        current = candidate;
        cut = true;
        break;
      }
    }
    if (!cut) parts *= 2;
    else parts = Math.max(2, parts - 1);
  }
  const min = file.replace(/\.json$/, '.min.bin');
  writeFileSync(min, current);
  console.log(`Kleinste nog falende invoer: ${current.length} bytes (${tries} pogingen) → ${min}`);
}

async function main() {
  const lang = !flag('kort');
  const harnessOptions: HarnessOptions = { lang, maxBytes: (lang ? 24 : 4) * 1024 * 1024 };
  const replayFile = arg('replay');
  const single = arg('case');
  if (replayFile || single !== undefined) {
    const harness = await createHarness(await loadSqlJs(), harnessOptions);
    if (replayFile) return replay(harness, replayFile);
    return runOne(harness, Number(single));
  }
  return runMany(new CaseRunner(harnessOptions), lang);
}

async function runOne(harness: Harness, single: number) {
  if (flag('alleen-maken')) {
    // Only make the case's bytes (for a case that hangs): written as the dump of a failure.
    const r = await harness.runCase(seed, single, { only, dryRun: true });
    console.log(`${r.target} [${r.mutations.join(', ')}] → ${dump({ ...r, problems: ['niet uitgevoerd'] }, seed)}.bin`);
    return;
  }
  const r = await harness.runCase(seed, single, { only });
  const { bytes, ...rest } = r;
  console.log(JSON.stringify({ ...rest, bytes: bytes.length }, null, 2));
  if (r.uitkomst === 'fout') console.log(`→ ${dump(r, seed)}.bin`);
}

async function runMany(runner: CaseRunner, lang: boolean) {
  type Row = { cases: number; schoon: number; geweigerd: number; fout: number; ms: number; slowest: number };
  const rows = new Map<TargetName, Row>(
    only.map((t) => [t, { cases: 0, schoon: 0, geweigerd: 0, fout: 0, ms: 0, slowest: 0 }]),
  );
  const codes = new Map<string, number>();
  const failures = new Map<string, { count: number; first: string }>();
  const t0 = performance.now();
  let lastReport = t0;
  let peak = 0;
  console.log(
    `Fuzz: ${cases} gevallen, seed ${seed}, ${lang ? 'kleine stukken van de fixtures, 10% hele, grote mutaties' : 'kleine stukken van de fixtures'}, doelen: ${only.join(', ')}`,
  );
  mkdirSync(out, { recursive: true });
  const busy = join(out, 'bezig.txt');
  for (let i = from; i < from + cases; i++) {
    // What runs now, for a case that hangs (a synchronous loop cannot report itself).
    writeFileSync(busy, `seed ${seed} case ${i}\n`);
    const r = await runner.run({ seed, index: i, only });
    peak = Math.max(peak, r.rss, process.memoryUsage().rss);
    if (r.ms > 10_000) console.log(`TRAAG #${i} ${r.target} [${r.mutations.join(', ')}] ${(r.ms / 1000).toFixed(1)} s`);
    const row = rows.get(r.target)!;
    row.cases++;
    row[r.uitkomst]++;
    row.ms += r.ms;
    row.slowest = Math.max(row.slowest, r.ms);
    for (const c of r.codes) codes.set(`${r.target} ${c}`, (codes.get(`${r.target} ${c}`) ?? 0) + 1);
    if (r.uitkomst === 'fout') {
      const file = dump(r, seed);
      for (const p of r.problems) {
        const key = `${r.target}: ${signature(p)}`;
        const f = failures.get(key);
        if (f) f.count++;
        else {
          failures.set(key, { count: 1, first: file });
          console.log(`FOUT #${i} ${r.target} [${r.mutations.join(', ')}] ${p}\n  → ${file}.json`);
        }
      }
    }
    const now = performance.now();
    if (now - lastReport > 30_000) {
      lastReport = now;
      const done = i + 1 - from;
      const fout = [...rows.values()].reduce((n, x) => n + x.fout, 0);
      console.log(
        `… ${done}/${cases} gevallen, ${Math.round((now - t0) / 1000)} s, ${fout} fouten, RSS ${mb(process.memoryUsage().rss)} (piek ${mb(peak)})`,
      );
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  console.log('');
  console.log(
    `${cases} gevallen in ${Math.round(seconds)} s (${((seconds * 1000) / cases).toFixed(1)} ms per geval), piek RSS ${mb(peak)}`,
  );
  console.log('');
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  console.log(
    `${'doel'.padEnd(14)}${pad('gevallen', 9)}${pad('schoon', 9)}${pad('geweigerd', 10)}${pad('fout', 6)}${pad('ms/geval', 10)}${pad('traagste', 10)}`,
  );
  const total = { cases: 0, schoon: 0, geweigerd: 0, fout: 0 };
  for (const [t, r] of rows) {
    total.cases += r.cases;
    total.schoon += r.schoon;
    total.geweigerd += r.geweigerd;
    total.fout += r.fout;
    console.log(
      `${t.padEnd(14)}${pad(r.cases, 9)}${pad(r.schoon, 9)}${pad(r.geweigerd, 10)}${pad(r.fout, 6)}${pad((r.ms / Math.max(1, r.cases)).toFixed(1), 10)}${pad(`${(r.slowest / 1000).toFixed(1)} s`, 10)}`,
    );
  }
  console.log(
    `${'totaal'.padEnd(14)}${pad(total.cases, 9)}${pad(total.schoon, 9)}${pad(total.geweigerd, 10)}${pad(total.fout, 6)}`,
  );
  if (flag('codes')) {
    console.log('\nWeigeringen per code:');
    for (const [c, n] of [...codes].sort((a, b) => b[1] - a[1])) console.log(`${pad(n, 8)}  ${c}`);
  }
  if (failures.size > 0) {
    console.log(`\n${failures.size} verschillende fouten:`);
    for (const [k, f] of failures) console.log(`${pad(f.count, 6)}× ${k}\n        → ${f.first}.json`);
    process.exitCode = 1;
  }
  await runner.stop();
}

process.on('uncaughtException', (err) => {
  console.error(`Niet afgevangen uitzondering: ${err.stack ?? String(err)}`);
  process.exitCode = 2;
});

await main();
