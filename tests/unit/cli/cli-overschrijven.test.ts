import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFs } from '../../../node/fs';
import { acquireLock, lockPathFor, releaseLock, type LockDeps } from '../../../node/lock';
import { cli, cliDir } from '../../helpers/cli';

/** Issue 15.7: `new P --overschrijven` overwrote a project that another running Wijkweb had open. */

/** The lock as a desktop window in another, living process writes it (here: the test runner's parent). */
const window = (): LockDeps => ({
  fs: nodeFs,
  pid: process.ppid,
  host: hostname(),
  now: () => new Date(),
  isPidAlive: () => true,
  owner: 'venster-1',
});

describe('new --overschrijven', () => {
  it('refuses while another Wijkweb holds the lock, and leaves the project as it was', async () => {
    const dir = cliDir();
    const path = join(dir, 'Enschede West.wijkweb');
    expect((await cli(['new', path, '--naam', 'Enschede West'], dir)).code).toBe(0);
    const before = readFileSync(path);
    expect(await acquireLock(window(), path)).toEqual({ acquired: true });

    const r = await cli(['new', path, '--naam', 'Leeg', '--overschrijven'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('‘Enschede West.wijkweb’ is geopend in Wijkweb');
    expect(r.err).toContain('overschrijft het niet');
    expect(readFileSync(path)).toEqual(before);
    // The window's lock is still there, untouched.
    expect(JSON.parse(readFileSync(lockPathFor(path), 'utf8'))).toMatchObject({ owner: 'venster-1' });

    await releaseLock(window(), path);
    expect((await cli(['new', path, '--naam', 'Leeg', '--overschrijven'], dir)).code).toBe(0);
    expect(readFileSync(path)).not.toEqual(before);
    expect((await cli(['info', path], dir)).out).toContain('Project: Leeg');
  });
});
