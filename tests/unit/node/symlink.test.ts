import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { atomicWrite, realTarget } from '../../../node/atomic-write';
import { nodeFs } from '../../../node/fs';
import { acquireLock, releaseLock, type LockDeps } from '../../../node/lock';
import { createFileStore } from '../../../node/project-files';
import { looksLikeProjectFile } from '../../../shared/db/file-header';
import { projectBytes } from '../../helpers/db';
import { tmpDir } from '../../helpers/tmp';

/** Issue 15.4: saving through a symbolic link replaced the link with a regular file (the project split in two). */

function setup() {
  const t = tmpDir();
  onTestFinished(t.cleanup);
  const real = join(t.dir, 'echt');
  const elsewhere = join(t.dir, 'bureaublad');
  mkdirSync(real);
  mkdirSync(elsewhere);
  const file = join(real, 'Enschede West.wijkweb');
  const link = join(elsewhere, 'Snelkoppeling.wijkweb');
  return { dir: t.dir, real, elsewhere, file, link };
}

const lockDeps = (owner: string): LockDeps => ({
  fs: nodeFs,
  pid: process.pid,
  host: 'laptop-1',
  now: () => new Date(),
  isPidAlive: () => true,
  owner,
});

describe('saving through a symbolic link', () => {
  it('writes the real file and keeps the link a link (atomicWrite)', async () => {
    const { file, link } = setup();
    writeFileSync(file, 'oud');
    symlinkSync(file, link);
    await atomicWrite(nodeFs, link, new TextEncoder().encode('nieuw'));
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('nieuw');
    expect(readFileSync(link, 'utf8')).toBe('nieuw');
    expect(existsSync(`${link}.tmp`)).toBe(false);
    expect(existsSync(`${file}.tmp`)).toBe(false);
  });

  it('a new file in a linked folder lands in the real folder; a missing one is named as given', async () => {
    const { dir, real } = setup();
    const linkedDir = join(dir, 'map-link');
    symlinkSync(real, linkedDir);
    expect(await realTarget(nodeFs, join(linkedDir, 'Nieuw.wijkweb'))).toBe(join(real, 'Nieuw.wijkweb'));
    await atomicWrite(nodeFs, join(linkedDir, 'Nieuw.wijkweb'), new TextEncoder().encode('x'));
    expect(lstatSync(join(real, 'Nieuw.wijkweb')).isFile()).toBe(true);
    expect(await realTarget(nodeFs, join(dir, 'bestaat-niet', 'a.wijkweb'))).toBe(
      join(dir, 'bestaat-niet', 'a.wijkweb'),
    );
  });

  it('the project store saves, backs up and lists backups of the real file, whichever path is used', async () => {
    const { dir, file, link } = setup();
    const store = createFileStore({
      fs: nodeFs,
      backupRoot: join(dir, 'backups'),
      now: () => new Date('2026-11-23T10:00:00Z'),
      verify: looksLikeProjectFile,
    });
    const v1 = await projectBytes('Versie 1');
    const v2 = await projectBytes('Versie 2');
    await store.create(file, v1, false);
    symlinkSync(file, link);
    const info = await store.save(link, v2);
    expect(info.backupMade).toBe(true);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(new Uint8Array(readFileSync(file))).toEqual(v2);
    // The backup is the real file's old content, in the real file's backup folder, found through both paths.
    const viaLink = await store.backups(link);
    expect(viaLink).toHaveLength(1);
    expect(await store.backups(file)).toEqual(viaLink);
    expect(await store.readBackup(link, viaLink[0]!.id)).toEqual(v1);
    expect(readdirSync(join(dir, 'backups'))).toHaveLength(1);
  });

  it('the lock belongs to the real file: a second window through the link is refused', async () => {
    const { file, link } = setup();
    writeFileSync(file, 'x');
    symlinkSync(file, link);
    expect(await acquireLock(lockDeps('venster-1'), file)).toEqual({ acquired: true });
    const second = await acquireLock(lockDeps('venster-2'), link);
    expect(second.acquired).toBe(false);
    expect(existsSync(`${link}.lock`)).toBe(false);
    await releaseLock(lockDeps('venster-1'), link);
    expect(existsSync(`${file}.lock`)).toBe(false);
    expect(await acquireLock(lockDeps('venster-2'), link)).toEqual({ acquired: true });
    expect(existsSync(`${file}.lock`)).toBe(true);
  });
});
