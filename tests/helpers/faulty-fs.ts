import { nodeFs, type FileSystem } from '../../node/fs';

export type FsStep = keyof FileSystem;

export class SimulatedCrash extends Error {
  constructor(step: string) {
    super(`simulated crash at ${step}`);
  }
}

/**
 * The real file system with a fault injected at the n-th call (counting every operation). `mode`:
 *  - 'crash': the process "dies" at that call: it throws, and every later call throws too (no cleanup can run);
 *    a crash inside writeFileSynced leaves half the bytes in the file, as a real power cut may.
 *  - 'error': that one call fails with the given errno code, later calls work.
 */
export function faultyFs(failAt: number, mode: 'crash' | 'error', code = 'EIO'): FileSystem & { calls: string[] } {
  const calls: string[] = [];
  let dead = false;
  const wrap = <K extends FsStep>(name: K): FileSystem[K] =>
    (async (...args: unknown[]) => {
      if (dead) throw new SimulatedCrash(`${name} (after crash)`);
      const index = calls.length;
      calls.push(name);
      if (index === failAt) {
        if (mode === 'crash') {
          dead = true;
          if (name === 'writeFileSynced') {
            const [path, bytes] = args as [string, Uint8Array];
            await nodeFs.writeFileSynced(path, bytes.subarray(0, Math.floor(bytes.byteLength / 2)));
          }
          throw new SimulatedCrash(name);
        }
        throw Object.assign(new Error(`${code}: injected at ${name}`), { code });
      }
      return (nodeFs[name] as (...a: unknown[]) => unknown)(...args);
    }) as FileSystem[K];
  const fs = Object.fromEntries((Object.keys(nodeFs) as FsStep[]).map((k) => [k, wrap(k)])) as unknown as FileSystem;
  return Object.assign(fs, { calls });
}
