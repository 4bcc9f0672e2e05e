/**
 * `npm run bench`, CBS part: the whole country (Kerncijfers wijken en buurten 2024, StatLine untyped CSV,
 * synthesised by cbs-synth.ts) parsed and imported as the worker does it, with peak memory, against Debian's
 * `sqlite3` CLI `.import` of the same CSV: the floor to approach. Targets: the import in under 5 s, and in at most
 * 5× the time of sqlite3's `.import` (issue 13). Also the real labelled download (13 columns) for one gemeente.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { loadSqlJs } from '../../node/sqljs';
import { commitCbs } from '../../shared/db/repos/cbs-import';
import { createProjectDb } from '../../shared/db/open';
import { parseCbsFile, previewCbs } from '../../shared/importers/cbs';
import { parseCbsTable } from '../../shared/importers/cbs/parse';
import { readStatLineCsv } from '../../shared/importers/cbs/grid';
import { readCsv } from '../../shared/importers/sheet';
import type { ImportFile } from '../../shared/importers/types';
import { createProjectService } from '../../shared/service/project-service';
import { startBenchWorker } from './worker';
import { nederland2024 } from '../helpers/cbs-fixtures';
import { tmpDir } from '../helpers/tmp';
import {
  KWB_2024_TOPICS,
  KWB_SYNTH_COLUMNS,
  KWB_SYNTH_COUNTS,
  KWB_SYNTH_FILE,
  KWB_SYNTH_REGIONS,
  synthesiseKwbCsv,
} from './cbs-synth';

type Report = (what: string, value: string, note?: string) => void;

const TARGET_MS = 5000;
const ms = (t0: number) => performance.now() - t0;
const fmt = (x: number) => `${x.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const nl = (n: number) => n.toLocaleString('nl-NL');
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const sha256 = async (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(`bench cbs: ${message}`);
}

/** A full collection before a memory baseline (V8's gc, reached without --expose-gc on the command line). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** JS heap plus ArrayBuffers (typed arrays of the parsed table, sql.js's WASM memory, its in-memory database file). */
function heapAndBuffers(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/**
 * Peak memory while `fn` runs, as increases over the start. RSS is sampled every 50 ms in a worker thread, because the
 * parse is synchronous and blocks the main thread's timers; heap + buffers of the main thread can only be sampled
 * when it yields (the import pauses every 2,000 rows) and at the end.
 */
async function peakMemory<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; rss: number; rss0: number; heap: number; heap0: number }> {
  collectGarbage();
  const sampler = new Worker(
    `const { parentPort } = require('node:worker_threads');
     let max = 0;
     const tick = () => { const r = process.memoryUsage.rss(); if (r > max) max = r; };
     const timer = setInterval(tick, 50);
     tick();
     parentPort.on('message', () => { clearInterval(timer); tick(); parentPort.postMessage(max); });
     parentPort.postMessage('ready');`,
    { eval: true },
  );
  await new Promise((resolve) => sampler.once('message', resolve));
  const rss0 = process.memoryUsage.rss();
  const heap0 = heapAndBuffers();
  let heap = heap0;
  const sample = () => (heap = Math.max(heap, heapAndBuffers()));
  const timer = setInterval(sample, 50);
  try {
    const result = await fn();
    sample();
    const rss = await new Promise<number>((resolve) => {
      sampler.once('message', resolve);
      sampler.postMessage('stop');
    });
    return { result, rss: rss - rss0, rss0, heap: heap - heap0, heap0 };
  } finally {
    clearInterval(timer);
    await sampler.terminate();
  }
}

/** Debian's sqlite3 CLI: `.import` of the CSV into a fresh database; null when sqlite3 is not installed. */
function sqliteImport(csvPath: string, dbPath: string): { ms: number; rows: number; columns: number } | null {
  rmSync(dbPath, { force: true });
  const script = `.mode csv\n.separator ";"\n.import "${csvPath}" kwb\n`;
  const t0 = performance.now();
  const run = spawnSync('sqlite3', [dbPath], { input: script, encoding: 'utf8' });
  const took = ms(t0);
  if ((run.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return null;
  check(!run.error && run.status === 0 && run.stderr.trim() === '', `sqlite3 .import: ${run.error ?? run.stderr}`);
  const count = spawnSync(
    'sqlite3',
    [dbPath, "SELECT count(*) FROM kwb; SELECT count(*) FROM pragma_table_info('kwb');"],
    { encoding: 'utf8' },
  );
  const [rows, columns] = count.stdout.trim().split('\n').map(Number);
  return { ms: took, rows: rows ?? 0, columns: columns ?? 0 };
}

export async function benchCbs(report: Report): Promise<void> {
  const { dir, cleanup } = tmpDir('wijkweb-bench-cbs-');
  try {
    // The file: whole country, StatLine untyped, 2024 columns.
    let t0 = performance.now();
    const synthesised = synthesiseKwbCsv();
    const synthMs = ms(t0);
    const csvPath = join(dir, KWB_SYNTH_FILE);
    writeFileSync(csvPath, synthesised);
    const file: ImportFile = { name: KWB_SYNTH_FILE, bytes: new Uint8Array(readFileSync(csvPath)) };
    let lines = 0;
    for (const b of file.bytes) if (b === 0x0a) lines++;
    const header = new TextDecoder().decode(file.bytes.subarray(0, file.bytes.indexOf(0x0a))).split(';');
    check(lines - 1 === KWB_SYNTH_REGIONS, `${lines - 1} data rows, expected ${KWB_SYNTH_REGIONS}`);
    check(header.length === KWB_SYNTH_COLUMNS.length, `${header.length} columns, expected ${KWB_SYNTH_COLUMNS.length}`);
    report(
      `CBS whole country synthesised (${KWB_SYNTH_FILE})`,
      fmt(synthMs),
      `${mb(file.bytes.byteLength)}, ${nl(lines - 1)} rijen × ${header.length} kolommen, StatLine ongetypeerd`,
    );

    // What the importer must find: every region, and every topic that is a figure (not a code, name or type).
    const expectedIndicators = KWB_2024_TOPICS.filter(
      (t) => t.eenheid !== 'code' && t.eenheid !== 'naam' && t.eenheid !== 'omschrijving',
    ).length;

    // (b, c) The full import through the project service, as the worker runs it: sha256, parse, preview, commit.
    const SQL = await loadSqlJs();
    const service = createProjectService({ SQL, sha256 });
    const created = await service.createProject('Bench CBS');
    check(created.ok, 'createProject failed');
    const importRun = await peakMemory(async () => {
      const t = performance.now();
      const r = await service.importCbs(file, {});
      return { r, took: ms(t) };
    });
    const importMs = importRun.result.took;
    const outcome = importRun.result.r.ok ? importRun.result.r.value : null;
    check(!!outcome, `import failed: ${JSON.stringify(importRun.result.r)}`);
    check(outcome?.gebiedenNieuw === KWB_SYNTH_REGIONS, `${outcome?.gebiedenNieuw} gebieden imported`);
    check(outcome?.waarden === KWB_SYNTH_REGIONS * expectedIndicators, `${outcome?.waarden} values imported`);
    const projectBytes = service.currentDb()?.export().byteLength ?? 0;
    await service.closeProject();

    // (b') The same import in a worker thread over comlink, as the app runs it (file bytes copied to the worker).
    const { remote, stop } = await startBenchWorker();
    await remote.createProject('Bench CBS worker');
    const t1 = performance.now();
    const viaWorker = await remote.importCbs({ name: file.name, bytes: file.bytes.slice() }, {});
    const workerMs = ms(t1);
    check(viaWorker.ok, `import in the worker failed: ${JSON.stringify(viaWorker)}`);
    await stop();
    report(
      'CBS import in a worker over comlink (whole country)',
      `${workerMs.toFixed(0)} ms`,
      `doel < 5 s: ${workerMs < 5000 ? 'gehaald' : 'NIET gehaald'}; in-thread ${importMs.toFixed(0)} ms`,
    );

    // (a) Parse only, and its two halves: bytes → rows (decode + papaparse), rows → table (columns, codes, values).
    const parseRun = await peakMemory(async () => {
      const t = performance.now();
      const p = parseCbsFile(file);
      return { p, took: ms(t) };
    });
    const parsed = parseRun.result.p;
    const parseMs = parseRun.result.took;
    check('format' in parsed, `parse failed: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
    if (!('format' in parsed)) return;
    collectGarbage();
    const retained = heapAndBuffers() - parseRun.heap0;
    const niveaus = { land: 0, gemeente: 0, wijk: 0, buurt: 0 };
    for (const r of parsed.regions) niveaus[r.niveau]++;
    check(parsed.format === 'statline-ongetypeerd' && parsed.jaar === 2024, `${parsed.format} ${parsed.jaar}`);
    check(
      Object.entries(KWB_SYNTH_COUNTS).every(([k, n]) => niveaus[k as keyof typeof niveaus] === n),
      `regions per niveau ${JSON.stringify(niveaus)}`,
    );
    check(parsed.indicators.length === expectedIndicators, `${parsed.indicators.length} indicator columns`);
    check(!parsed.issues.some((i) => i.level === 'fout'), `errors: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
    const missing = parsed.status.reduce((n, s) => n + (s === 0 ? 0 : 1), 0);
    // The two halves of the parse: the StatLine download read into field offsets, then the table (columns, codes,
    // figures); and, for comparison, what reading it through sheet.ts (papaparse) would take.
    t0 = performance.now();
    const grid = readStatLineCsv(file.bytes, file.name);
    const readMs = ms(t0);
    check(grid !== null, 'the StatLine reader did not take the file');
    t0 = performance.now();
    parseCbsTable({ fileName: file.name, grid: grid! });
    const tableMs = ms(t0);
    t0 = performance.now();
    readCsv(file.bytes, file.name);
    const papaMs = ms(t0);

    // The import's phases one by one, on a fresh project (the service does them in one call).
    const db = createProjectDb(SQL, 'Bench CBS fasen', new Date().toISOString(), 'bench');
    t0 = performance.now();
    const sha = await sha256(file.bytes);
    const shaMs = ms(t0);
    t0 = performance.now();
    const preview = previewCbs(db, file, sha, parsed, {});
    const previewMs = ms(t0);
    check(preview.kanImporteren && preview.jaar === 2024, 'preview refuses the import');
    t0 = performance.now();
    const now = new Date().toISOString();
    await commitCbs(db, parsed, { fileName: file.name, sha256: sha, now, jaar: 2024, replace: false });
    const commitMs = ms(t0);
    db.close();

    const goal = `doel < 5 s: ${importMs < TARGET_MS ? 'gehaald' : 'NIET gehaald'}`;
    report(
      'CBS parse only (parseCbsFile)',
      fmt(parseMs),
      `read CSV ${readMs.toFixed(0)} ms + CBS table ${tableMs.toFixed(0)} ms (papaparse alone: ${papaMs.toFixed(0)} ms)`,
    );
    report(
      'CBS regions × indicator columns found',
      `${nl(parsed.regions.length)} × ${parsed.indicators.length}`,
      `${niveaus.land} land, ${niveaus.gemeente} gemeenten, ${nl(niveaus.wijk)} wijken, ${nl(niveaus.buurt)} buurten; ` +
        `${parsed.skippedColumns.length} kolommen overgeslagen; ${nl(missing)} waarden ontbreken`,
    );
    report(
      'CBS parse only: peak memory (RSS increase)',
      mb(parseRun.rss),
      `heap + buffers +${mb(parseRun.heap)} at the end, ${mb(retained)} kept by the parsed table`,
    );
    report(
      'CBS import via the project service (whole country)',
      fmt(importMs),
      `${nl(outcome?.waarden ?? 0)} waarden; project ${mb(projectBytes)}; ${goal}`,
    );
    report(
      '  its phases: sha256 / parse / preview / commit',
      fmt(shaMs + parseMs + previewMs + commitMs),
      `${shaMs.toFixed(0)} / ${parseMs.toFixed(0)} / ${previewMs.toFixed(0)} / ${commitMs.toFixed(0)} ms`,
    );
    report(
      'CBS parse + import: peak memory (RSS increase)',
      mb(importRun.rss),
      `sampled every 50 ms from RSS ${mb(importRun.rss0)}; heap + buffers +${mb(importRun.heap)} when it yields`,
    );

    // (d, e) The floor: Debian's sqlite3 CLI importing the same CSV, untyped, into a fresh database; side by side
    // with the import through the project service (a fresh project each time), three rounds, medians compared.
    const runs: number[] = [];
    const imports: number[] = [];
    let shape: { rows: number; columns: number } | null = null;
    for (let i = 0; i < 3; i++) {
      const r = sqliteImport(csvPath, join(dir, 'sqlite3.db'));
      if (!r) break;
      runs.push(r.ms);
      shape = r;
      check((await service.createProject(`Bench CBS ${i}`)).ok, 'createProject failed');
      const t = performance.now();
      const again = await service.importCbs(file, {});
      imports.push(ms(t));
      check(again.ok, `import ${i} failed`);
      await service.closeProject();
    }
    if (!shape) {
      report('reference: sqlite3 CLI .import of the CSV', '—', 'sqlite3 niet gevonden');
      report('CBS import ratio to sqlite3 .import', '—', 'sqlite3 niet gevonden');
      return;
    }
    check(shape.rows === KWB_SYNTH_REGIONS, `sqlite3 imported ${shape.rows} rows`);
    const sqliteMs = median(runs);
    const importMedian = median(imports);
    report(
      'reference: sqlite3 CLI .import of the CSV (median of 3)',
      fmt(sqliteMs),
      `${nl(shape.rows)} rijen × ${shape.columns} kolommen, alles TEXT; runs ${runs.map((x) => x.toFixed(0)).join(' / ')} ms`,
    );
    report(
      'CBS import via the project service, beside it (median of 3)',
      fmt(importMedian),
      `runs ${imports.map((x) => x.toFixed(0)).join(' / ')} ms`,
    );
    const ratio = importMedian / sqliteMs;
    report(
      'CBS import ratio to sqlite3 .import',
      `${ratio.toFixed(1)}×`,
      `doel ≤ 5×: ${ratio <= 5 ? 'gehaald' : 'NIET gehaald'}; parse alone ${(parseMs / sqliteMs).toFixed(1)}×; first import ${(importMs / sqliteMs).toFixed(1)}×`,
    );

    // The real labelled download of the whole country (13 columns), for one gemeente and for all.
    const real = nederland2024();
    for (const gemeenten of [['GM0363'], undefined]) {
      check((await service.createProject('Bench CBS labelled')).ok, 'createProject failed');
      const t = performance.now();
      const r = await service.importCbs(real, gemeenten ? { gemeenten } : {});
      const took = ms(t);
      check(r.ok, `labelled import failed: ${JSON.stringify(r)}`);
      report(
        `CBS labelled download 2024 (real, 13 columns), ${gemeenten ? 'Amsterdam only' : 'whole country'}`,
        fmt(took),
        `${nl(r.ok ? r.value.waarden : 0)} waarden`,
      );
      await service.closeProject();
    }
  } finally {
    cleanup();
  }
}
