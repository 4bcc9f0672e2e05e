/**
 * The rules of `useWorkerQuery` without React, so they can be tested in Node: one request (after an optional wait),
 * an answer that comes after the request was cancelled is dropped, and what a page shows after each answer.
 */
import type { AppError, Result } from '../../shared/result';

export interface QueryState<T> {
  readonly data: T | null;
  readonly error: AppError | null;
  /** The deps of the request that gave this state; null before the first answer. */
  readonly deps: readonly unknown[] | null;
}

export const LEGE_QUERY: QueryState<never> = { data: null, error: null, deps: null };

/**
 * Starts `call` after `wacht` ms (at once when 0) and hands its answer to `antwoord`, unless the returned function
 * was called first: then the timer is cleared, the signal aborted and a late answer dropped. A call that throws or
 * rejects answers `intern.onverwacht`.
 */
export function startQuery<T>(
  call: (signal: AbortSignal) => Promise<Result<T>>,
  wacht: number,
  antwoord: (r: Result<T>) => void,
): () => void {
  const controller = new AbortController();
  const start = () => {
    let belofte: Promise<Result<T>>;
    try {
      belofte = call(controller.signal);
    } catch (e) {
      belofte = Promise.reject(e);
    }
    void belofte.then(
      (r) => {
        if (!controller.signal.aborted) antwoord(r);
      },
      (e: unknown) => {
        if (!controller.signal.aborted)
          antwoord({ ok: false, error: { code: 'intern.onverwacht', params: { details: String(e) } } });
      },
    );
  };
  const timer = wacht > 0 ? setTimeout(start, wacht) : null;
  if (timer === null) start();
  return () => {
    if (timer !== null) clearTimeout(timer);
    controller.abort();
  };
}

/** The state after an answer: new data replaces the old; an error keeps the data shown until then. */
export function naAntwoord<T>(s: QueryState<T>, r: Result<T>, deps: readonly unknown[]): QueryState<T> {
  return r.ok ? { data: r.value, error: null, deps } : { data: s.data, error: r.error, deps };
}

/** Same deps as React compares them (Object.is, item by item). */
export function zelfdeDeps(a: readonly unknown[] | null, b: readonly unknown[]): boolean {
  return a !== null && a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}
