/**
 * `npm run bench`, big projects (issue 16; issue 15 item 10): a small edit must cost the same in a project of
 * ~300 MB as in a small one. The big project has what makes real ones big: the whole country's CBS figures for five
 * years (18,310 gebieden × 128 indicatoren a year, 11.7 million figures) and the PC6 postcode table (450,000 rows).
 * It is written once with SQL (a minute) and kept in node_modules/.cache. Measured in the same run on a new, small
 * project and on the big one, through the project service as the worker runs it: a 27-row partner list (preview,
 * import, undo), one organisation added, the overview, and the worker's part of a save.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as XLSX from 'xlsx';
import type { SqlJsStatic } from 'sql.js';
import { createProjectDb } from '../../shared/db/open';
import { createProjectService } from '../../shared/service/project-service';
import { unwrap } from '../../shared/result';
import { mb, peakRss } from './memory';
import { timed } from './timing';
import { benchBigProjectInBrowser } from './groot-view';

type Report = (what: string, value: string, note?: string) => void;

const YEARS = 5;
const REGIONS = 18_310;
const TOPICS = 128;
const POSTCODES = 450_000;

/** The big project's bytes, built on first use. */
/** Where the big project is kept between runs (written by bigProject). */
export const BIG_PROJECT_PATH = join(
  process.cwd(),
  'node_modules',
  '.cache',
  'wijkweb',
  `groot-${YEARS}x${REGIONS}x${TOPICS}-pc${POSTCODES}.wijkweb`,
);

function bigProject(SQL: SqlJsStatic): Uint8Array {
  const dir = dirname(BIG_PROJECT_PATH);
  const path = BIG_PROJECT_PATH;
  if (existsSync(path)) return new Uint8Array(readFileSync(path));
  const db = createProjectDb(SQL, 'Groot project', '2026-01-01T00:00:00Z', 'bench');
  db.transaction(() => {
    db.run('CREATE TEMP TABLE n (i INTEGER PRIMARY KEY)');
    db.run(
      `WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < ?) INSERT INTO temp.n SELECT i FROM c`,
      [REGIONS],
    );
    db.run(
      `INSERT INTO indicator (id, sleutel, label, eenheid) SELECT i, 'onderwerp_' || i, 'Onderwerp ' || i, 'aantal'
       FROM temp.n WHERE i <= ?`,
      [TOPICS],
    );
    for (let y = 0; y < YEARS; y++) {
      const jaar = 2024 - y;
      const base = y * 20_000;
      db.run(
        `INSERT INTO bron (id, soort, bestandsnaam, geimporteerd_op) VALUES (?, 'cbs', ?, '2026-01-01T00:00:00Z')`,
        [y + 1, `kwb-${jaar}.csv`],
      );
      // 342 gemeenten, 3,393 wijken, the rest buurten, each under its parent; the same codes every year.
      db.run(
        `INSERT INTO gebied (id, code, naam, niveau, ouder_id, jaar, bron_id)
         SELECT ? + i,
           CASE WHEN i <= 342 THEN 'GM' || printf('%04d', i) WHEN i <= 3735 THEN 'WK' || printf('%06d', i)
                ELSE 'BU' || printf('%08d', i) END,
           CASE WHEN i <= 342 THEN 'Gemeente ' || i WHEN i <= 3735 THEN 'Wijk ' || i ELSE 'Buurt ' || i END,
           CASE WHEN i <= 342 THEN 'gemeente' WHEN i <= 3735 THEN 'wijk' ELSE 'buurt' END,
           CASE WHEN i <= 342 THEN NULL WHEN i <= 3735 THEN ? + 1 + i % 342 ELSE ? + 343 + i % 3393 END,
           ?, ?
         FROM temp.n`,
        [base, base, base, jaar, y + 1],
      );
      db.run(
        `INSERT INTO indicator_waarde (gebied_id, indicator_id, jaar, waarde, status, bron_id)
         SELECT ? + n.i, k.i, ?, (n.i * 7919 + k.i * 31) % 100000 / 10.0, 0, ?
         FROM temp.n n, temp.n k WHERE k.i <= ? ORDER BY 1, 2`,
        [base, jaar, y + 1, TOPICS],
      );
    }
    db.run(
      `INSERT INTO bron (id, soort, bestandsnaam, geimporteerd_op) VALUES (100, 'postcodes', 'pc6.csv', '2026-01-01')`,
    );
    db.run(
      `WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < ? - 1)
       INSERT INTO postcode_buurt (pc6, buurt_code, adressen, jaar, bron_id)
       SELECT printf('%04d', 1000 + (i / 50) % 9000) || char(65 + (i % 50) / 10) || char(65 + i % 10),
              'BU' || printf('%08d', 3736 + i % 14574), 1 + i % 40, 2024, 100
       FROM c ORDER BY 1, 2`,
      [POSTCODES],
    );
    db.run('DROP TABLE temp.n');
  });
  const bytes = db.export();
  db.close();
  mkdirSync(dir, { recursive: true });
  writeFileSync(path, bytes);
  return bytes;
}

/** A partner list as gebiedsteams keep it: 27 offers of 20 organisations, with postcodes. */
export function smallPartnerList(): Uint8Array {
  const aoa: unknown[][] = [
    ['Naam organisatie', 'Postcode', 'Website', 'Naam aanbod', 'Leefgebied', 'Doelgroep', 'Toegang'],
  ];
  for (let i = 0; i < 27; i++) {
    aoa.push([
      `Stichting Partner ${i % 20}`,
      `${1000 + i} AA`,
      `www.partner${i % 20}.nl`,
      `Aanbod ${i}`,
      'Welzijn',
      'ouderen',
      i % 3 ? 'vrij toegankelijk' : 'op indicatie',
    ]);
  }
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), 'Partners');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

type Time = { wall: number; cpu: number };
interface Figures {
  preview: Time;
  import: Time;
  undo: Time;
  edit: Time;
  overview: Time;
  save: Time;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function measure(
  s: ReturnType<typeof createProjectService>,
  file: { name: string; bytes: Uint8Array },
): Promise<Figures> {
  const N = 5;
  const preview = await timed(N, async () => unwrap(await s.previewPartnersImport(file, {})));
  const imports: Time[] = [];
  const undos: Time[] = [];
  const time = async (fn: () => Promise<unknown>): Promise<Time> => {
    const c0 = cpuMs();
    const t0 = performance.now();
    await fn();
    return { wall: performance.now() - t0, cpu: cpuMs() - c0 };
  };
  for (let i = 0; i < N; i++) {
    imports.push(await time(async () => unwrap(await s.importPartners(file, {}))));
    undos.push(await time(async () => unwrap(await s.undo())));
  }
  const median = (xs: Time[]): Time => {
    const at = (k: keyof Time) => xs.map((x) => x[k]).sort((a, b) => a - b)[xs.length >> 1]!;
    return { wall: at('wall'), cpu: at('cpu') };
  };
  let k = 0;
  const edit = await timed(5, async () =>
    unwrap(
      await s.saveOrganisatie(null, {
        naam: `Buurtkamer ${k++}`,
        soort: null,
        adres: null,
        postcode: null,
        plaats: null,
        buurtCode: null,
        website: null,
        telefoon: null,
        email: null,
        notities: null,
      }),
    ),
  );
  const overview = await timed(5, async () => unwrap(await s.getOverview()));
  const save = await timed(3, async () => unwrap(await s.exportProject()));
  return { preview, import: median(imports), undo: median(undos), edit, overview, save };
}

export async function benchBigProject(SQL: SqlJsStatic, report: Report): Promise<void> {
  const s = createProjectService({ SQL, sha256: async (b) => createHash('sha256').update(b).digest('hex') });
  const file = { name: 'partners-27.xlsx', bytes: smallPartnerList() };

  // Once before measuring, so that neither side pays for compiling the code.
  unwrap(await s.createProject('Opwarmen'));
  await measure(s, file);
  unwrap(await s.createProject('Klein project'));
  const small = await measure(s, file);

  let t0 = performance.now();
  const bytes = bigProject(SQL);
  const built = performance.now() - t0;
  t0 = performance.now();
  const opened = await peakRss(async () => unwrap(await s.openProject(bytes, 'groot.wijkweb')));
  const open = performance.now() - t0;
  report(
    `big project: open ${(bytes.byteLength / 1048576).toFixed(0)} MB (integrity_check, schema)`,
    `${open.toFixed(0)} ms`,
    `${(YEARS * REGIONS * TOPICS).toLocaleString('en')} CBS figures, ${POSTCODES.toLocaleString('en')} postcodes; ` +
      `peak RSS +${mb(opened.peak)}; ${built > 2000 ? `built in ${(built / 1000).toFixed(0)} s` : 'from cache'}`,
  );
  const saveMemory = await peakRss(async () => unwrap(await s.exportProject()));
  const big = await measure(s, file);
  // Ratios of CPU time (medians): the machine is shared, wall time is noisy.
  const row = (what: string, key: keyof Figures, target?: string) =>
    report(
      `big vs small project: ${what}`,
      `${big[key].wall.toFixed(1)} ms`,
      `small ${small[key].wall.toFixed(1)} ms; CPU ${big[key].cpu.toFixed(1)} vs ${small[key].cpu.toFixed(1)} ms, ` +
        `ratio ${(big[key].cpu / small[key].cpu).toFixed(2)}×${target ? ` (target ${target})` : ''}`,
    );
  row('27-row partner list, preview', 'preview');
  row('27-row partner list, import', 'import', '≤ 2×, < 2 s');
  row('undo of that import', 'undo');
  row('one organisation added', 'edit');
  row('overview (all counts)', 'overview');
  row('save, worker part (snapshot + checks)', 'save', 'none: a snapshot is the whole file');
  report('big project: save, worker part: peak memory (RSS increase)', mb(saveMemory.peak), 'the snapshot');
  await s.closeProject();
  await benchBigProjectInBrowser(BIG_PROJECT_PATH, 'Groot project', report);
}
