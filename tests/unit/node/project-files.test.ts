import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDirFor } from '../../../node/backups';
import { nodeFs } from '../../../node/fs';
import { createFileStore } from '../../../node/project-files';
import { looksLikeProjectFile } from '../../../shared/db/file-header';
import { AppException } from '../../../shared/result';
import { projectBytes } from '../../helpers/db';
import { tmpDir } from '../../helpers/tmp';

let cleanup: (() => void) | null = null;
afterEach(() => cleanup?.());

function setup(clock: { t: number }) {
  const t = tmpDir();
  cleanup = t.cleanup;
  const store = createFileStore({
    fs: nodeFs,
    backupRoot: join(t.dir, 'backups'),
    now: () => new Date(clock.t),
    verify: looksLikeProjectFile,
  });
  return { store, dir: t.dir, path: join(t.dir, 'Enschede West.wijkweb'), backupRoot: join(t.dir, 'backups') };
}

describe('project file store', () => {
  it('creates a file, refuses to overwrite it, and reads it back', async () => {
    const clock = { t: Date.parse('2026-11-23T10:00:00Z') };
    const { store, path } = setup(clock);
    const bytes = await projectBytes();
    await store.create(path, bytes, false);
    expect(new Uint8Array(readFileSync(path))).toEqual(bytes);
    await expect(store.create(path, bytes, false)).rejects.toMatchObject({ appError: { code: 'bestand.bestaat-al' } });
    expect(await store.read(path)).toEqual(bytes);
    await expect(store.read(path + 'x')).rejects.toMatchObject({ appError: { code: 'bestand.niet-gevonden' } });
  });

  it('never writes bytes that are not a project, and leaves the file as it was', async () => {
    const clock = { t: Date.parse('2026-11-23T10:00:00Z') };
    const { store, path } = setup(clock);
    const bytes = await projectBytes();
    await store.create(path, bytes, false);
    const err = await store.save(path, new Uint8Array(8192)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppException);
    expect(new Uint8Array(readFileSync(path))).toEqual(bytes);
  });

  it('keeps rotating backups outside the project folder: on the first save, then every 10 minutes', async () => {
    const clock = { t: Date.parse('2026-11-20T09:00:00Z') };
    const { store, path, backupRoot } = setup(clock);
    await store.create(path, await projectBytes('v0'), false);
    const bdir = backupDirFor(backupRoot, path);
    // First save of the session backs up the previous version.
    clock.t += 1000;
    expect((await store.save(path, await projectBytes('v1'))).backupMade).toBe(true);
    clock.t += 60_000;
    expect((await store.save(path, await projectBytes('v2'))).backupMade).toBe(false);
    clock.t += 10 * 60_000;
    expect((await store.save(path, await projectBytes('v3'))).backupMade).toBe(true);
    // Many saves over several days: at most 10 periodic backups, the 5 newest always kept.
    for (let day = 0; day < 6; day++) {
      for (let i = 0; i < 8; i++) {
        clock.t += 11 * 60_000;
        await store.save(path, await projectBytes(`d${day}-${i}`));
      }
      clock.t += 24 * 3600_000;
    }
    const list = await store.backups(path);
    expect(list.length).toBeLessThanOrEqual(10);
    expect(list.length).toBeGreaterThanOrEqual(5);
    expect(readdirSync(bdir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const days = new Set(list.map((b) => b.createdAt.slice(0, 10)));
    expect(days.size).toBeGreaterThanOrEqual(5);
    // A backup can be read back and is a project.
    const newest = list[0]!;
    expect(looksLikeProjectFile(await store.readBackup(path, newest.id))).toBe(true);
    await expect(store.readBackup(path, 'bestaat-niet.wijkweb')).rejects.toMatchObject({
      appError: { code: 'reservekopie.niet-gevonden' },
    });
  });

  it('always backs up before a migration, and keeps that backup', async () => {
    const clock = { t: Date.parse('2026-11-23T10:00:00Z') };
    const { store, path } = setup(clock);
    writeFileSync(path, readFileSync(new URL('../../fixtures/project-v1.wijkweb', import.meta.url)));
    await store.save(path, await projectBytes(), 'voor-migratie');
    for (let i = 0; i < 30; i++) {
      clock.t += 11 * 60_000;
      await store.save(path, await projectBytes());
    }
    const list = await store.backups(path);
    const migration = list.filter((b) => b.reason === 'voor-migratie');
    expect(migration).toHaveLength(1);
    const old = await store.readBackup(path, migration[0]!.id);
    expect(new DataView(old.buffer, old.byteOffset).getUint32(60)).toBe(1); // user_version 1 in the header
    expect(existsSync(path)).toBe(true);
  });
});
