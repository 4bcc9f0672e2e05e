/**
 * The long run's cases run here, in a worker thread, so that a case that hangs (a loop in a parser that never ends)
 * can be stopped from the main thread (`worker.terminate()`), written down as a failure, and the run go on with a
 * fresh worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadSqlJs } from '../../node/sqljs';
import { createHarness, type CaseResult, type HarnessOptions } from './harness';
import type { TargetName } from './seeds';

export interface CaseRequest {
  readonly seed: number;
  readonly index: number;
  readonly only: readonly TargetName[];
}

export type WorkerMessage =
  | { readonly type: 'klaar' }
  | {
      readonly type: 'geval';
      readonly index: number;
      readonly target: TargetName;
      readonly name: string;
      readonly mutations: readonly string[];
      readonly bytes: Uint8Array;
    }
  | { readonly type: 'uitkomst'; readonly result: CaseResult };

const port = parentPort!;
// SheetJS talks to the console about odd records, also while the mutations read a workbook: the outcome is what counts.
const quiet = () => undefined;
Object.assign(console, { log: quiet, warn: quiet, error: quiet, info: quiet });
const harness = await createHarness(await loadSqlJs(), workerData as HarnessOptions);

port.on('message', (req: CaseRequest) => {
  void (async () => {
    const result = await harness.runCase(req.seed, req.index, {
      only: req.only,
      onCase: (made) => port.postMessage({ type: 'geval', index: req.index, ...made } satisfies WorkerMessage),
    });
    port.postMessage({ type: 'uitkomst', result } satisfies WorkerMessage);
  })();
});
port.postMessage({ type: 'klaar' } satisfies WorkerMessage);
