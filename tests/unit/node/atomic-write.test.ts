import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { atomicWrite, tmpPathFor } from '../../../node/atomic-write';
import { nodeFs, type FileSystem } from '../../../node/fs';
import { AppException } from '../../../shared/result';
import { faultyFs } from '../../helpers/faulty-fs';
import { tmpDir } from '../../helpers/tmp';

const OLD = new Uint8Array(64 * 1024).fill(0xaa);
const NEW = new Uint8Array(96 * 1024).fill(0xbb);

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

function setup() {
  const t = tmpDir();
  cleanup = t.cleanup;
  const target = join(t.dir, 'project.wijkweb');
  writeFileSync(target, OLD);
  return target;
}

function content(path: string): 'old' | 'new' | 'other' {
  const b = new Uint8Array(readFileSync(path));
  if (b.length === OLD.length && b.every((x) => x === 0xaa)) return 'old';
  if (b.length === NEW.length && b.every((x) => x === 0xbb)) return 'new';
  return 'other';
}

describe('atomicWrite', () => {
  it('replaces the file and leaves no temporary file', async () => {
    const target = setup();
    await atomicWrite(nodeFs, target, NEW);
    expect(content(target)).toBe('new');
    expect(existsSync(tmpPathFor(target))).toBe(false);
  });

  it('leaves the old or the new file intact when the process dies at any step', async () => {
    const probe = faultyFs(Number.MAX_SAFE_INTEGER, 'crash');
    const target0 = setup();
    await atomicWrite(probe, target0, NEW);
    const steps = probe.calls.length;
    expect(steps).toBeGreaterThanOrEqual(4); // write+fsync, check the length, rename, fsync dir
    cleanup?.();
    for (let i = 0; i < steps; i++) {
      const target = setup();
      const fs = faultyFs(i, 'crash');
      await atomicWrite(fs, target, NEW).catch(() => undefined);
      const state = content(target);
      expect(state === 'old' || state === 'new', `crash at step ${i} (${fs.calls[i]}): ${state}`).toBe(true);
      if (i < steps - 2) expect(state).toBe('old'); // before the rename, the target is untouched
      cleanup?.();
      cleanup = null;
    }
  });

  it('keeps the old file when a step fails with an I/O error, and removes the temporary file', async () => {
    for (let i = 0; i < 2; i++) {
      const target = setup();
      await expect(atomicWrite(faultyFs(i, 'error', 'EIO'), target, NEW)).rejects.toBeInstanceOf(AppException);
      expect(content(target)).toBe('old');
      expect(existsSync(tmpPathFor(target))).toBe(false);
      cleanup?.();
      cleanup = null;
    }
  });

  it('says in Dutch terms what went wrong: a full disk', async () => {
    const target = setup();
    const err = await atomicWrite(faultyFs(0, 'error', 'ENOSPC'), target, NEW).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppException);
    expect((err as AppException).appError).toMatchObject({
      code: 'opslaan.schijf-vol',
      params: { bestand: 'project.wijkweb' },
    });
  });

  it('refuses to replace the file when the read-back check fails', async () => {
    const target = setup();
    const err = await atomicWrite(nodeFs, target, NEW, { verify: () => false }).catch((e: unknown) => e);
    expect((err as AppException).appError.code).toBe('opslaan.controle-mislukt');
    expect(content(target)).toBe('old');
  });

  it('refuses to replace the file when the file system silently wrote less than it was given', async () => {
    const target = setup();
    const shortening: FileSystem = {
      ...nodeFs,
      writeFileSynced: (path, bytes) => nodeFs.writeFileSynced(path, bytes.subarray(0, bytes.byteLength - 512)),
    };
    const err = await atomicWrite(shortening, target, NEW).catch((e: unknown) => e);
    expect((err as AppException).appError.code).toBe('opslaan.controle-mislukt');
    expect(content(target)).toBe('old');
    expect(existsSync(tmpPathFor(target))).toBe(false);
  });

  it('retries a rename that Windows briefly blocks (EPERM/EBUSY) and then succeeds', async () => {
    const target = setup();
    let failures = 0;
    const flaky: FileSystem = {
      ...nodeFs,
      rename: async (a, b) => {
        if (failures++ < 3) throw Object.assign(new Error('EBUSY'), { code: failures % 2 ? 'EBUSY' : 'EPERM' });
        return nodeFs.rename(a, b);
      },
    };
    const slept: number[] = [];
    await atomicWrite(flaky, target, NEW, { sleep: async (ms) => void slept.push(ms) });
    expect(content(target)).toBe('new');
    expect(slept.length).toBe(3);
  });

  it('gives up after the retry window with a clear message, keeping the temporary file with the new work', async () => {
    const target = setup();
    const locked: FileSystem = {
      ...nodeFs,
      rename: async () => {
        throw Object.assign(new Error('EPERM'), { code: 'EPERM' });
      },
    };
    let waited = 0;
    const err = await atomicWrite(locked, target, NEW, {
      maxRetryMs: 60_000,
      sleep: async (ms) => void (waited += ms),
    }).catch((e: unknown) => e);
    expect((err as AppException).appError).toMatchObject({
      code: 'opslaan.bestand-vergrendeld',
      params: { bestand: 'project.wijkweb', tijdelijk: 'project.wijkweb.tmp' },
    });
    expect(waited).toBeGreaterThanOrEqual(60_000);
    expect(content(target)).toBe('old');
    expect(new Uint8Array(readFileSync(tmpPathFor(target)))).toEqual(NEW);
  });
});
