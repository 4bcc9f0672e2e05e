import type { ProgressListener, WorkerApi } from '../contract';
import type { ProjectDb } from '../db/connection';
import { projectNameSchema } from '../model/project';
import { createContext, type ServiceDeps } from './app';
import { handlers } from './handlers';

export { projectNameSchema };
export { PARALLEL_FROM_KNOPEN, type ServiceDeps } from './app';

/**
 * The project service: owns one sql.js database at a time. Runs in the Web Worker (renderer/worker) and,
 * unchanged, in Node for the CLI and the tests. Every method returns a Result; nothing throws across it.
 * Its calls are the handlers of `handlers/<area>.ts`, bound to one context (`app.ts`).
 */
export function createProjectService(deps: ServiceDeps): WorkerApi & {
  setProgressListener(listener: ProgressListener | undefined): void;
  /** Direct access for the CLI and tests in the same process (never exposed over comlink). */
  currentDb(): ProjectDb | null;
} {
  const ctx = createContext(deps);
  const calls: Record<string, unknown> = {};
  for (const [name, handler] of Object.entries(handlers)) {
    calls[name] = (...args: unknown[]) => (handler as (...a: unknown[]) => unknown)(ctx, ...args);
  }
  return {
    ...(calls as WorkerApi),
    setProgressListener(listener) {
      ctx.onProgress = listener;
    },
    currentDb: () => ctx.db,
  };
}
