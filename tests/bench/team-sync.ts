/**
 * `npm run bench -- team-sync` (issue 19): 20 members × 500 edits each (WIJKWEB_BENCH_TEAM="20x500" to change), every
 * member a real project database with its own automerge-repo, the server a separate process (`npm run server`) on
 * loopback. Reports the time from the last edit until every member and the server have the same heads and every
 * member's tables show the same sociale kaart, the bytes per edit (server storage, a member's project file chunks) and
 * the server's resident memory at the end (from /proc, Linux).
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { saveOrganisatie } from '../../shared/db/repos/sociale-kaart';
import { chunkBytes } from '../../shared/db/repos/sync';
import { deelProject, neemDeel, projecteerSessie, wachtOpSync, wijzig, type Sessie } from '../../node/team/client';
import type { ProjectDb } from '../../shared/db/connection';
import { createTestDb } from '../helpers/db';
import { tmpDir } from '../helpers/tmp';

type Report = (what: string, value: string, note?: string) => void;

function duSync(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    n += e.isDirectory() ? duSync(p) : statSync(p).size;
  }
  return n;
}

function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export async function benchTeamSync(report: Report): Promise<void> {
  const [n, m] = (process.env.WIJKWEB_BENCH_TEAM ?? '20x500').split('x').map(Number) as [number, number];
  const { dir, cleanup } = tmpDir('wijkweb-team-bench-');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/server.mts', '--port', '0', '--opslag', join(dir, 'opslag')],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const leden: { naam: string; db: ProjectDb; sessie: Sessie }[] = [];
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const p = /luistert op [\d.]+:(\d+)/.exec(out);
        if (p) resolve(Number(p[1]));
      });
      child.on('exit', () => reject(new Error('server stopped')));
    });
    const url = `ws://127.0.0.1:${port}`;
    const now = () => new Date().toISOString();
    const eerste = await createTestDb('Bench');
    const orgId = eerste.transaction(() => saveOrganisatie(eerste, null, { naam: 'Gedeeld' }, now()));
    const { uitnodiging, sessie } = await deelProject({ db: () => eerste, server: url, lid: 'lid0', now: now() });
    leden.push({ naam: 'lid0', db: eerste, sessie });
    for (let i = 1; i < n; i++) {
      const db = await createTestDb(`Bench ${i}`);
      const s = await neemDeel({ db: () => db, uitnodiging, lid: `lid${i}`, now: now() });
      leden.push({ naam: `lid${i}`, db, sessie: s });
    }
    void orgId;
    const gedeeld = Object.keys(leden[0]!.sessie.handle.doc().organisaties)[0]!;
    const t0 = performance.now();
    // Interleaved: every member makes its next edit in turn (a new organisation every 10th, else a field of the shared one).
    for (let j = 0; j < m; j++) {
      for (const l of leden) {
        const velden: Record<string, string> =
          j % 10 === 0 ? { naam: `${l.naam} ${j}` } : { notities: `${l.naam} ${j}` };
        wijzig(
          l.db,
          l.sessie.handle,
          { soort: 'organisatie', sleutel: j % 10 === 0 ? null : gedeeld, velden },
          l.naam,
          now(),
        );
      }
      if (j % 5 === 0) await new Promise((r) => setTimeout(r, 0));
    }
    const tEdits = performance.now() - t0;
    const t1 = performance.now();
    const kop = (s: Sessie) => JSON.stringify([...s.handle.heads()].sort());
    while (new Set(leden.map((l) => kop(l.sessie))).size > 1) await new Promise((r) => setTimeout(r, 20));
    for (const l of leden) {
      await wachtOpSync(l.sessie, 120_000);
      projecteerSessie(l.db, l.sessie.handle, now());
    }
    const tConverge = performance.now() - t1;
    const edits = n * m;
    report(
      `team sync: ${n} members × ${m} edits, making the edits`,
      `${tEdits.toFixed(0)} ms`,
      `${(tEdits / edits).toFixed(2)} ms per edit (document + projection)`,
    );
    report(`team sync: ${n} × ${m}, last edit → all converged`, `${tConverge.toFixed(0)} ms`);
    await new Promise((r) => setTimeout(r, 1500)); // the server's debounced saves
    report(
      'team sync: server storage per edit',
      `${(duSync(join(dir, 'opslag')) / edits).toFixed(0)} B`,
      `${(duSync(join(dir, 'opslag')) / 1024).toFixed(0)} KB in all`,
    );
    report(
      "team sync: a member's document chunks per edit",
      `${(chunkBytes(leden[1]!.db) / edits).toFixed(0)} B`,
      `${(chunkBytes(leden[1]!.db) / 1024).toFixed(0)} KB in the project file`,
    );
    const rss = rssMb(child.pid!);
    report('team sync: server resident memory at the end', rss === null ? 'n/a' : `${rss.toFixed(0)} MB`);
  } finally {
    for (const l of leden) await l.sessie.close();
    child.kill('SIGTERM');
    cleanup();
  }
}
