/**
 * `npm run bench`: speed figures on this machine, printed with ratios. Targets live here, never in timed unit tests.
 *  - save of a ~20 MB project: export → byte checks → tmp + fsync + length check + rename (+ backup), against a plain
 *    write + fsync of the same bytes, with its peak memory
 *  - open of the same file: header, application_id, integrity_check, migrations
 *  - worker round trip over comlink: empty call, and sending/receiving the 20 MB project
 *  - partner list of 5,000 rows: preview, import, duplicates check, Gegevens listing, undo/redo, 5,000 verwijzingen
 *  - network metrics of 500 / 2,000 and 5,000 / 25,000 (one and two threads) against NetworkX and python-igraph
 *  - the gap analysis of every buurt of the Netherlands × 7 leefgebieden
 *  - CBS import of the whole country (kwb 2024, synthesised): parse, import, peak memory, ratio to sqlite3 .import
 *  - the Netwerk view in headless Chromium at 500 and 5,000 knopen: first drawing, layout, pan/zoom frame times
 *  - the stuurgroep report of the voorbeeldproject: model, HTML, xlsx, PDF, slides, snapshot
 *  - what a user does with the voorbeeldproject in the built app (open, every page, import, undo, save, downloads),
 *    each wait against 1 s
 *  - team sync: 20 members × 500 edits through the team server (time to converge, bytes per edit, server memory)
 */
import { createProjectDb, openProjectDb } from '../../shared/db/open';
import { loadSqlJs } from '../../node/sqljs';
import { tmpDir } from '../helpers/tmp';
import { startBenchWorker } from './worker';
import { benchCbs } from './cbs';
import { benchSocialeKaart } from './sociale-kaart';
import { benchNetwerk } from './netwerk';
import { benchNetwerkView } from './netwerk-view';
import { benchHiaten } from './hiaten';
import { benchRapport } from './rapport';
import { benchActies } from './acties';
import { benchSave } from './save';
import { benchBigProject } from './groot';
import { benchTeamSync } from './team-sync';

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

/** `npm run bench -- save netwerk`: only those parts (names as in `want(…)` below); all without arguments. */
const only = new Set(process.argv.slice(2));
const want = (part: string) => only.size === 0 || only.has(part);

const SQL = await loadSqlJs();
const { dir, cleanup } = tmpDir('wijkweb-bench-');
try {
  if (want('save')) await benchProjectFile();

  // Partner lists, duplicates, undo (issue 5).
  if (want('sociale-kaart')) await benchSocialeKaart(report);

  // A small edit in a big project, against the same edit in a small one (issue 16).
  if (want('groot')) await benchBigProject(SQL, report);

  // Samenwerken: members × edits through the team server (issue 19).
  if (want('team-sync')) await benchTeamSync(report);

  // Network metrics, one and two threads, against NetworkX and igraph (issue 6).
  if (want('netwerk')) await benchNetwerk(report);

  // The Netwerk view in Chromium: first drawing, layout, pan/zoom frames at 500 and 5,000 knopen (issue 17).
  if (want('netwerk-view')) await benchNetwerkView(report);

  // The gap analysis of the whole country (issue 7).
  if (want('hiaten')) benchHiaten(report);

  // CBS Kerncijfers wijken en buurten, the whole country: target < 5 s, against sqlite3's .import of the same CSV.
  if (want('cbs')) await benchCbs(report);

  // The stuurgroep pack of the voorbeeldproject (issue 8).
  if (want('rapport')) await benchRapport(SQL, dir, report);

  // What a user does with a gemeente-sized project in the built app, each wait against 1 s (issue 16).
  if (want('acties')) await benchActies(dir, report);
} finally {
  cleanup();
}
console.log(`\n${rows.length} figures measured on ${process.platform} ${process.arch}, Node ${process.version}`);

/** A ~20 MB project: built, saved, opened, and sent through the worker. */
async function benchProjectFile(): Promise<void> {
  // A project of about 20 MB: 18,000 gebieden (the whole country) with 55 indicators each.
  const INDICATORS = 55;
  const t0 = performance.now();
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

  // Worker round trip over comlink (a worker thread here; a Web Worker in the app).
  const { remote, stop } = await startBenchWorker();
  await remote.ping();
  const opened = await remote.openProject(bytes.slice(), 'bench.wijkweb');
  if (!opened.ok) throw new Error('bench: the worker did not open the project');

  // Saving (issue 16): the whole save against a plain write + fsync of the same bytes, in a process of its own with
  // the snapshot taken in its worker, as the app does.
  await benchSave(SQL, db, dir, report);

  const openMs = await repeat(3, () => openProjectDb(SQL, bytes, 'bench.wijkweb').db.close());
  report('open (header, application_id, integrity_check, migrate)', fmt(openMs));
  db.close();

  const pingMs = await repeat(200, () => remote.ping());
  report('worker round trip, empty call (median of 200)', `${(pingMs * 1000).toFixed(0)} µs`);
  const sendMs = await repeat(3, () => remote.openProject(bytes.slice(), 'bench.wijkweb'));
  report(
    `worker: open the ${mb.toFixed(0)} MB project (send + check + migrate)`,
    fmt(sendMs),
    `ratio to open in-thread: ${(sendMs / openMs).toFixed(2)}×`,
  );
  const backMs = await repeat(3, () => remote.exportProject());
  report(`worker: exportProject of ${mb.toFixed(0)} MB (snapshot + byte checks + transfer)`, fmt(backMs));
  const overviewMs = await repeat(20, () => remote.getOverview());
  report('worker: overview (all counts + bronnen)', fmt(overviewMs));
  await stop();
}
