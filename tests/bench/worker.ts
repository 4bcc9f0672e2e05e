import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { build } from 'esbuild';
import type { WorkerApi } from '../../shared/contract';

/**
 * The project service behind comlink in a worker thread (the app uses a Web Worker with the same contract).
 * Worker threads do not inherit tsx's loader, so the worker script is bundled once with esbuild.
 */
export async function startBenchWorker(): Promise<{ remote: Comlink.Remote<WorkerApi>; stop: () => Promise<number> }> {
  const workerFile = join(process.cwd(), 'node_modules', '.cache', 'wijkweb', 'bench-worker.mjs');
  await build({
    entryPoints: [new URL('./bench-worker.mts', import.meta.url).pathname],
    outfile: workerFile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    external: ['sql.js'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'error',
  });
  const worker = new Worker(workerFile);
  return { remote: Comlink.wrap<WorkerApi>(nodeEndpoint(worker)), stop: () => worker.terminate() };
}
