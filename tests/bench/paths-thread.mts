/** A worker thread for the bench: Brandes for a range of sources, as renderer/worker/paths.worker.ts does in the app. */
import { parentPort } from 'node:worker_threads';
import { pathMetricsRaw } from '../../shared/analysis/metrics';

parentPort!.on(
  'message',
  (m: { id: number; n: number; offsets: Int32Array; targets: Int32Array; from: number; to: number }) => {
    const raw = pathMetricsRaw(
      { n: m.n, offsets: m.offsets, targets: m.targets, weights: new Float64Array(0) },
      m.from,
      m.to,
    );
    parentPort!.postMessage({ id: m.id, raw });
  },
);
