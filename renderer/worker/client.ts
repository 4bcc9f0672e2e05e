import * as Comlink from 'comlink';
import type { ProgressListener } from '../../shared/contract';
import type { ProjectWorker } from './project.worker';

let remote: Comlink.Remote<ProjectWorker> | null = null;

/** The one connection to the database worker. */
export function projectWorker(): Comlink.Remote<ProjectWorker> {
  if (!remote) {
    const worker = new Worker(new URL('./project.worker.ts', import.meta.url), { type: 'module', name: 'wijkweb-db' });
    remote = Comlink.wrap<ProjectWorker>(worker);
  }
  return remote;
}

export async function listenToProgress(listener: ProgressListener): Promise<void> {
  await projectWorker().setProgressListener(Comlink.proxy(listener));
}

/** Sends bytes to the worker without copying them (the caller must not use them afterwards). */
export function transferBytes(bytes: Uint8Array): Uint8Array {
  return Comlink.transfer(bytes, [bytes.buffer]);
}
