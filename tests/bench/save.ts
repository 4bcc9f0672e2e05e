/**
 * `npm run bench`, saving (issue 16): the whole save as the desktop app does it, against the floor, a plain write +
 * fsync of the same bytes measured in the same run. The app's save: the worker takes a snapshot (`db.export()`),
 * checks its bytes (header, application_id, journal mode, schema version, length = page count × page size) and
 * transfers them; main checks the same and writes atomically (tmp + fsync, its length checked, rename, fsync of the
 * folder). That part runs in a process of its own, as the app's two do (save-app.mts says why); this process adds
 * what compares it with the former save.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlJsStatic } from 'sql.js';
import { checkProjectBytes } from '../../shared/db/open';
import type { ProjectDb } from '../../shared/db/connection';
import { isSavableProjectFile } from '../../shared/db/file-header';
import { LATEST_SCHEMA_VERSION } from '../../shared/db/migrations';
import { nodeFs } from '../../node/fs';
import { benchStore } from './store';
import { cpuNote, ms, timed } from './timing';

type Report = (what: string, value: string, note?: string) => void;

/** Runs save-app.mts in a new Node process (with tsx, as this one) and reports its figures as they come. */
async function saveAsTheAppDoes(projectPath: string, dir: string, report: Report): Promise<void> {
  const script = new URL('./save-app.mts', import.meta.url).pathname;
  const child = spawn(process.execPath, ['--import', 'tsx', script, projectPath, dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let rest = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines.filter(Boolean)) {
      const [what, value, note] = JSON.parse(line) as [string, string, string];
      report(what, value, note);
    }
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`bench save: save-app.mts ended with ${code}`);
}

export async function benchSave(SQL: SqlJsStatic, db: ProjectDb, dir: string, report: Report): Promise<void> {
  const bytes = db.export();
  const N = 7;
  const projectPath = join(dir, 'bench-save.wijkweb');
  writeFileSync(projectPath, bytes);
  await saveAsTheAppDoes(projectPath, dir, report);

  const hier = await timed(N, () => db.export());
  report(
    'for comparison: export() in this process',
    ms(hier),
    `${cpuNote(hier)}; its 20 MB arrays make this heap's garbage collector run after every one`,
  );
  const check = await timed(N, () => isSavableProjectFile(bytes, LATEST_SCHEMA_VERSION));
  report('save, worker and main: byte checks of the snapshot', `${(check.wall * 1000).toFixed(0)} µs`);

  // For comparison: what every save did before (quick_check of a re-opened copy of the snapshot); now it runs
  // once after a CBS import, on the live database.
  const plainPath = join(dir, 'plain.bin');
  const plain = await timed(N, () => nodeFs.writeFileSynced(plainPath, bytes));
  const store = await benchStore(dir, 'former', bytes);
  const former = await timed(3, async () => {
    const snap = db.export();
    if (!checkProjectBytes(SQL, snap)) throw new Error('bench save: quick_check failed');
    await store.save(snap);
  });
  report(
    'former save (quick_check of a re-opened copy every time)',
    ms(former),
    `ratio to write + fsync in this process: ${(former.wall / plain.wall).toFixed(2)}×`,
  );
}
