/// <reference lib="webworker" />
/**
 * The Web Worker that owns the sql.js database. The UI thread talks to it only through WorkerApi (comlink).
 */
import * as Comlink from 'comlink';
import initSqlJs from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import type { ProgressListener, WorkerApi } from '../../shared/contract';
import { createProjectService } from '../../shared/service/project-service';
import type { RunPaths } from '../../shared/analysis/analyse';
import { pathMetricsRaw, type PathMetricsRaw } from '../../shared/analysis/metrics';
import { browserPlatform, laadAutomerge } from './team-platform';

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Two helper workers for the network analysis (made when first needed); without them it runs here. */
let helpers: Worker[] | null = null;
let nextRequest = 1;
const runPaths: RunPaths = (g, from, to) => {
  try {
    helpers ??= [0, 1].map(() => new Worker(new URL('./paths.worker.ts', import.meta.url), { type: 'module' }));
  } catch {
    return Promise.resolve(pathMetricsRaw(g, from, to));
  }
  const helper = helpers[from === 0 ? 0 : 1]!;
  const id = nextRequest++;
  return new Promise<PathMetricsRaw>((resolve, reject) => {
    const done = () => {
      helper.removeEventListener('message', onMessage);
      helper.removeEventListener('error', onError);
    };
    const onMessage = (e: MessageEvent<{ id: number; raw: PathMetricsRaw }>) => {
      if (e.data.id !== id) return;
      done();
      resolve(e.data.raw);
    };
    const onError = (err: ErrorEvent) => {
      done();
      reject(new Error(err.message));
    };
    helper.addEventListener('message', onMessage);
    helper.addEventListener('error', onError);
    helper.postMessage({ id, n: g.n, offsets: g.offsets, targets: g.targets, from, to });
  });
};

const ready = initSqlJs({ locateFile: () => wasmUrl }).then((SQL) =>
  createProjectService({ SQL, sha256, runPaths, team: { platform: browserPlatform, laad: laadAutomerge } }),
);

export type ProjectWorker = WorkerApi & { setProgressListener(listener: ProgressListener | undefined): Promise<void> };

/**
 * Every call of the service, forwarded as it is once sql.js is loaded (derived, not listed: a new call of the service
 * needs no line here). Only the project's bytes are special: transferred to the UI thread, not copied.
 */
type Service = Awaited<typeof ready>;
const forward =
  (name: string) =>
  async (...args: unknown[]) => {
    const service = await ready;
    if (name === 'exportProject') {
      const result = await service.exportProject();
      return result.ok ? Comlink.transfer(result, [result.value.buffer]) : result;
    }
    const call = (service as unknown as Record<string, unknown>)[name];
    if (typeof call !== 'function') throw new Error(`Onbekende aanroep van de worker: ${name}`);
    return (call as (...a: unknown[]) => unknown).apply(service, args);
  };
const api = new Proxy({} as ProjectWorker, {
  // Not a thenable, and no symbols: only the service's named calls.
  get: (_, name) => (typeof name === 'string' && name !== 'then' ? forward(name) : undefined),
});
// Every call of the contract is a call of the service (a missing one does not compile).
type Ontbreekt = Exclude<keyof ProjectWorker, keyof Service>;
const _alleAanroepen: [Ontbreekt] extends [never] ? true : Ontbreekt = true;
void _alleAanroepen;

Comlink.expose(api);
