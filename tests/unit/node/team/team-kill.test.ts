import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openProjectDb } from '../../../../shared/db/open';
import { createProjectService } from '../../../../shared/service/project-service';
import { sha256, sql } from '../../../helpers/db';
import { tmpDir } from '../../../helpers/tmp';
import { dump } from '../../../helpers/team';

/**
 * Samenwerken under SIGKILL (issue 19): the team server and the members' `team sync` run as real processes on
 * loopback. A member killed mid-sync leaves its project file whole (the atomic save) with every edit in it, and
 * syncs on the next start; the server killed mid-sync and started again from its storage loses nothing.
 */

/** Node itself with tsx as a loader, so the process killed is the one doing the work (the tsx command is a wrapper). */
const NODE = process.execPath;
const TSX_ARGS = ['--import', 'tsx'];
const DATA = { ...process.env, WIJKWEB_DATA_DIR: '' };

async function vrijePoort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

function startServer(port: number, opslag: string): Promise<ChildProcess> {
  const p = spawn(NODE, [...TSX_ARGS, 'scripts/server.mts', '--port', String(port), '--opslag', opslag], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  onTestFinished(() => void p.kill('SIGKILL'));
  return new Promise((resolve, reject) => {
    let uit = '';
    p.stdout!.on('data', (d: Buffer) => {
      uit += d.toString();
      if (uit.includes('luistert')) resolve(p);
    });
    p.on('exit', (code) => reject(new Error(`server gestopt (${code}): ${uit}`)));
  });
}

function cli(dir: string, ...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(NODE, [...TSX_ARGS, 'cli/index.ts', ...args], {
    encoding: 'utf8',
    env: { ...DATA, WIJKWEB_DATA_DIR: join(dir, '.data') },
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const wacht = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The sociale kaart in the file at `path`, after checking the file is a whole, sound project. */
async function leesKaart(path: string) {
  const opened = openProjectDb(await sql(), new Uint8Array(readFileSync(path)), path);
  try {
    expect(opened.db.value('PRAGMA integrity_check')).toBe('ok');
    return dump(opened.db);
  } finally {
    opened.db.close();
  }
}

/** Edits made in the app while offline (the service with no network): `n` organisations renamed or added. */
async function bewerkOffline(path: string, n: number, label: string): Promise<void> {
  const s = createProjectService({ SQL: await sql(), sha256, team: {} });
  const r = await s.openProject(new Uint8Array(readFileSync(path)), path);
  if (!r.ok) throw new Error(r.error.code);
  const orgs = await s.listOrganisaties();
  if (!orgs.ok) throw new Error(orgs.error.code);
  for (let i = 0; i < n; i++) {
    const o = orgs.value[i % orgs.value.length]!;
    const w =
      i < orgs.value.length
        ? await s.saveOrganisatie(o.id, { ...o, notities: `${label} ${i}` })
        : await s.saveOrganisatie(null, { naam: `${label} nieuw ${i}` });
    if (!w.ok) throw new Error(w.error.code);
  }
  const bytes = await s.exportProject();
  if (!bytes.ok) throw new Error(bytes.error.code);
  writeFileSync(path, bytes.value);
  await s.closeProject();
}

/** Runs `team sync` as a process and SIGKILLs it after `ms` (or lets it finish first). */
async function syncGedood(dir: string, path: string, ms: number): Promise<number | null> {
  const p = spawn(NODE, [...TSX_ARGS, 'cli/index.ts', 'team', 'sync', path], {
    stdio: 'ignore',
    env: { ...DATA, WIJKWEB_DATA_DIR: join(dir, '.data') },
  });
  const klaar = new Promise<number | null>((r) => p.on('exit', (code) => r(code)));
  const t = setTimeout(() => p.kill('SIGKILL'), ms);
  const code = await klaar;
  clearTimeout(t);
  return code;
}

describe('Samenwerken with processes killed mid-sync', () => {
  it('a member killed mid-sync keeps a whole file and syncs next time; a killed server loses nothing', async () => {
    const t = tmpDir('wijkweb-kill-');
    onTestFinished(t.cleanup);
    const opslag = join(t.dir, 'server');
    const port = await vrijePoort();
    const server = await startServer(port, opslag);

    // Anna's project with 40 organisations, shared; Bram joins.
    const a = join(t.dir, 'anna.wijkweb');
    const b = join(t.dir, 'bram.wijkweb');
    {
      const s = createProjectService({ SQL: await sql(), sha256 });
      await s.createProject('Anna');
      for (let i = 0; i < 40; i++) await s.saveOrganisatie(null, { naam: `Organisatie ${i}` });
      const bytes = await s.exportProject();
      if (!bytes.ok) throw new Error(bytes.error.code);
      writeFileSync(a, bytes.value);
    }
    const delen = cli(t.dir, 'team', 'delen', a, '--server', `ws://127.0.0.1:${port}`, '--lid', 'Anna');
    expect(delen.code, delen.err).toBe(0);
    const uitnodiging = /^(ws:\/\/\S+)$/m.exec(delen.out)![1]!;
    const mee = cli(t.dir, 'team', 'deelnemen', b, uitnodiging, '--lid', 'Bram');
    expect(mee.code, mee.err).toBe(0);

    // Anna works offline: 300 edits. Then `team sync` is killed at several moments of its run.
    await bewerkOffline(a, 300, 'ochtend');
    const voor = await leesKaart(a);
    // How long a member takes to start and read its project (`team status`): the kills land after that, in the sync.
    const t0 = Date.now();
    expect(cli(t.dir, 'team', 'status', a).code).toBe(0);
    const start = Date.now() - t0;
    let gedood = 0;
    for (const na of [100, 300, 600, 900]) {
      if ((await syncGedood(t.dir, a, start + na)) === null) gedood++;
      expect(await leesKaart(a)).toEqual(voor); // whole, and nothing of her work gone
    }
    expect(gedood).toBeGreaterThanOrEqual(2); // killed while it ran, not after
    const sync = cli(t.dir, 'team', 'sync', a);
    expect(sync.code, sync.err).toBe(0);
    expect(cli(t.dir, 'team', 'sync', b).code).toBe(0);
    expect(await leesKaart(b)).toEqual(await leesKaart(a));

    // More offline work; the server is SIGKILLed while Anna syncs, and started again from its storage.
    await bewerkOffline(a, 200, 'middag');
    const p = spawn(NODE, [...TSX_ARGS, 'cli/index.ts', 'team', 'sync', a], {
      stdio: 'ignore',
      env: { ...DATA, WIJKWEB_DATA_DIR: join(t.dir, '.data') },
    });
    const klaar = new Promise<number | null>((r) => p.on('exit', (code) => r(code)));
    await wacht(2200);
    server.kill('SIGKILL');
    await wacht(300);
    await startServer(port, opslag); // stopped when the test ends
    await klaar;
    // Anna syncs again (the app does on every reconnect). Her sync may have ended just before the kill, with the
    // server holding her changes in memory only (it writes them within 100 ms, automerge-repo's save throttle):
    // Automerge keeps them on her side, and this sync brings them back — nothing is lost.
    expect(cli(t.dir, 'team', 'sync', a).code).toBe(0);
    expect(cli(t.dir, 'team', 'sync', b).code).toBe(0);
    const kaartA = await leesKaart(a);
    expect(await leesKaart(b)).toEqual(kaartA);
    // The afternoon's 200 edits (notes on the first 200 of the 300 organisations) and the morning's new ones.
    expect(kaartA.organisaties.filter((o) => o.notities?.startsWith('middag'))).toHaveLength(200);
    expect(kaartA.organisaties.some((o) => o.naam === 'ochtend nieuw 299')).toBe(true);
  }, 240_000);
});
