/// <reference lib="webworker" />
/**
 * A helper of the project worker: Brandes' BFS for a range of source nodes (the expensive part of the network
 * analysis), so that both cores work. Receives a CSR graph, answers with the raw sums.
 */
import { pathMetricsRaw } from '../../shared/analysis/metrics';

export interface PathsRequest {
  readonly id: number;
  readonly n: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly from: number;
  readonly to: number;
}

self.onmessage = (e: MessageEvent<PathsRequest>) => {
  const { id, n, offsets, targets, from, to } = e.data;
  const raw = pathMetricsRaw({ n, offsets, targets, weights: new Float64Array(0) }, from, to);
  (self as DedicatedWorkerGlobalScope).postMessage({ id, raw }, [
    raw.between.buffer,
    raw.closenessSum.buffer,
    raw.reached.buffer,
  ]);
};
