/**
 * `npm run bench`: speed figures on this machine, printed with ratios. Targets live here, never in timed unit tests.
 *  - save of a ~20 MB project: export → quick_check → tmp + fsync + rename (+ backup), against a plain write
 *  - open of the same file: header, application_id, integrity_check, migrations
 *  - worker round trip over comlink: empty call, and sending/receiving the 20 MB project
 *  - partner list of 5,000 rows: preview, import, duplicates check, Gegevens listing, undo/redo, 5,000 verwijzingen
 *  - network metrics of 500 / 2,000 and 5,000 / 25,000 (one and two threads) against NetworkX and python-igraph
 *  - the gap analysis of every buurt of the Netherlands × 7 leefgebieden
 *  - CBS import of the whole country (kwb 2024, synthesised): parse, import, peak memory, ratio to sqlite3 .import
 *  - the stuurgroep report of the voorbeeldproject: model, HTML, xlsx, PDF, slides, snapshot
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProjectDb, checkProjectBytes, openProjectDb } from '../../shared/db/open';
import { looksLikeProjectFile } from '../../shared/db/file-header';
import { nodeFs } from '../../node/fs';
import { createFileStore } from '../../node/project-files';
import { loadSqlJs } from '../../node/sqljs';
import { tmpDir } from '../helpers/tmp';
import { startBenchWorker } from './worker';
import { benchCbs } from './cbs';
import { benchSocialeKaart } from './sociale-kaart';
import { benchNetwerk } from './netwerk';
import { benchHiaten } from './hiaten';
import { benchRapport } from './rapport';

const ms = (t0: number) => performance.now() - t0;
const fmt = (x: number) => `${x.toFixed(1)} ms`;
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function repeat(n: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    times.push(ms(t0));
  }
  return median(times);
}

const rows: [string, string, string][] = [];
const report = (what: string, value: string, note = '') => {
  rows.push([what, value, note]);
  console.log(`${what.padEnd(58)} ${value.padStart(12)}  ${note}`);
};

const SQL = await loadSqlJs();
const { dir, cleanup } = tmpDir('wijkweb-bench-');
try {
  // A project of about 20 MB: 18,000 gebieden (the whole country) with 55 indicators each.
  const INDICATORS = 55;
  let t0 = performance.now();
  const db = createProjectDb(SQL, 'Bench', new Date().toISOString(), 'bench');
  db.transaction(() => {
    db.run("INSERT INTO bron (id, soort, geimporteerd_op) VALUES (1, 'cbs', '2026-01-01T00:00:00Z')");
    const g = db.raw.prepare('INSERT INTO gebied (id, code, naam, niveau, jaar, bron_id) VALUES (?, ?, ?, ?, 2024, 1)');
    for (let i = 1; i <= 18_000; i++) g.run([i, `BU${String(i).padStart(8, '0')}`, `Buurt ${i}`, 'buurt']);
    g.free();
    const ind = db.raw.prepare("INSERT INTO indicator (id, sleutel, label, eenheid) VALUES (?, ?, ?, 'aantal')");
    for (let k = 0; k < INDICATORS; k++) ind.run([k + 1, `indicator_${k}`, `Indicator ${k}`]);
    ind.free();
    const w = db.raw.prepare(
      'INSERT INTO indicator_waarde (gebied_id, indicator_id, jaar, waarde, bron_id) VALUES (?, ?, 2024, ?, 1)',
    );
    for (let i = 1; i <= 18_000; i++) for (let k = 0; k < INDICATORS; k++) w.run([i, k + 1, (i * 7919 + k) % 10_000]);
    w.free();
  });
  const built = ms(t0);
  const bytes = db.export();
  const mb = bytes.byteLength / 1024 / 1024;
  report(
    `project built (18,000 gebieden × ${INDICATORS} indicatoren)`,
    fmt(built),
    `${(18_000 * INDICATORS).toLocaleString('nl-NL')} rijen, ${mb.toFixed(1)} MB`,
  );

  const exportMs = await repeat(5, () => db.export());
  report('export() snapshot', fmt(exportMs));
  const checkMs = await repeat(5, () => checkProjectBytes(SQL, bytes));
  report('quick_check of the snapshot (worker, before every save)', fmt(checkMs));

  const path = join(dir, 'bench.wijkweb');
  let clock = Date.now();
  const store = createFileStore({
    fs: nodeFs,
    backupRoot: join(dir, 'backups'),
    now: () => new Date(clock),
    verify: looksLikeProjectFile,
  });
  await store.create(path, bytes, false);
  const saveMs = await repeat(5, async () => {
    clock += 1000;
    await store.save(path, bytes);
  });
  report('atomic save on disk (tmp + fsync + read-back + rename)', fmt(saveMs));
  clock += 11 * 60_000;
  t0 = performance.now();
  await store.save(path, bytes);
  report('atomic save including a rotating backup copy', fmt(ms(t0)));
  const plainMs = await repeat(5, () => writeFileSync(join(dir, 'plain.bin'), bytes));
  report('reference: plain writeFileSync of the same bytes (no fsync)', fmt(plainMs));
  const totalSave = exportMs + checkMs + saveMs;
  report(
    'whole save as the app does it (export + check + write)',
    fmt(totalSave),
    `ratio to plain write: ${(totalSave / plainMs).toFixed(1)}×`,
  );

  const openMs = await repeat(3, () => openProjectDb(SQL, bytes, 'bench.wijkweb').db.close());
  report('open (header, application_id, integrity_check, migrate)', fmt(openMs));
  db.close();

  // Worker round trip over comlink (a worker thread here; a Web Worker in the app).
  const { remote, stop } = await startBenchWorker();
  await remote.ping();
  const pingMs = await repeat(200, () => remote.ping());
  report('worker round trip, empty call (median of 200)', `${(pingMs * 1000).toFixed(0)} µs`);
  const sendMs = await repeat(3, () => remote.openProject(bytes.slice(), 'bench.wijkweb'));
  report(
    `worker: open the ${mb.toFixed(0)} MB project (send + check + migrate)`,
    fmt(sendMs),
    `ratio to open in-thread: ${(sendMs / openMs).toFixed(2)}×`,
  );
  const backMs = await repeat(3, () => remote.exportProject());
  report(`worker: export the ${mb.toFixed(0)} MB project back (transfer)`, fmt(backMs));
  const overviewMs = await repeat(20, () => remote.getOverview());
  report('worker: overview (all counts + bronnen)', fmt(overviewMs));
  await stop();

  // Partner lists, duplicates, undo (issue 5).
  await benchSocialeKaart(report);

  // Network metrics, one and two threads, against NetworkX and igraph (issue 6).
  await benchNetwerk(report);

  // The gap analysis of the whole country (issue 7).
  benchHiaten(report);

  // CBS Kerncijfers wijken en buurten, the whole country: target < 5 s, against sqlite3's .import of the same CSV.
  await benchCbs(report);

  // The stuurgroep pack of the voorbeeldproject (issue 8).
  await benchRapport(SQL, dir, report);
} finally {
  cleanup();
}
console.log(`\n${rows.length} figures measured on ${process.platform} ${process.arch}, Node ${process.version}`);
