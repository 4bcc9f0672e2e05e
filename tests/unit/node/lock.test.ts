import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeFs } from '../../../node/fs';
import { acquireLock, lockPathFor, releaseLock, STALE_AFTER_MS, type LockDeps } from '../../../node/lock';
import { tmpDir } from '../../helpers/tmp';

let cleanup: (() => void) | null = null;
afterEach(() => cleanup?.());

function setup() {
  const t = tmpDir();
  cleanup = t.cleanup;
  return join(t.dir, 'p.wijkweb');
}

const deps = (over: Partial<LockDeps> = {}): LockDeps => ({
  fs: nodeFs,
  pid: 1000,
  host: 'laptop-1',
  now: () => new Date(),
  isPidAlive: () => true,
  owner: 'venster-1',
  ...over,
});

describe('lock file next to the project', () => {
  it('gives the first process the file and the second one read-only access', async () => {
    const p = setup();
    expect(await acquireLock(deps(), p)).toEqual({ acquired: true });
    const second = await acquireLock(deps({ pid: 2000, owner: 'venster-2' }), p);
    expect(second.acquired).toBe(false);
    expect(second.acquired === false && second.holder).toMatchObject({ pid: 1000, host: 'laptop-1' });
  });

  it('takes over a stale lock of a crashed process on the same machine', async () => {
    const p = setup();
    await acquireLock(deps({ pid: 4242 }), p);
    const again = await acquireLock(deps({ pid: 5000, isPidAlive: (pid) => pid !== 4242 }), p);
    expect(again).toEqual({ acquired: true });
  });

  it('does not take over a live lock of another machine, but does once its heartbeat is old', async () => {
    const p = setup();
    await acquireLock(deps({ host: 'laptop-2', pid: 1 }), p);
    expect((await acquireLock(deps({ isPidAlive: () => false }), p)).acquired).toBe(false);
    const old = new Date(Date.now() - STALE_AFTER_MS - 60_000);
    utimesSync(lockPathFor(p), old, old);
    expect((await acquireLock(deps(), p)).acquired).toBe(true);
  });

  it('treats an unreadable fresh lock as held, and an unreadable old one as stale', async () => {
    const p = setup();
    writeFileSync(lockPathFor(p), 'kapot');
    expect((await acquireLock(deps(), p)).acquired).toBe(false);
    const old = new Date(Date.now() - STALE_AFTER_MS - 1000);
    utimesSync(lockPathFor(p), old, old);
    expect((await acquireLock(deps(), p)).acquired).toBe(true);
  });

  it('is released only by its owner', async () => {
    const p = setup();
    await acquireLock(deps(), p);
    await releaseLock(deps({ owner: 'venster-2' }), p);
    expect(existsSync(lockPathFor(p))).toBe(true);
    await releaseLock(deps(), p);
    expect(existsSync(lockPathFor(p))).toBe(false);
  });
});
