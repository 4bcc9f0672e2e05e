import { useEffect, useRef, useState } from 'react';
import type { AppError, Result } from '../../shared/result';
import { useApp } from './context';
import { LEGE_QUERY, naAntwoord, startQuery, zelfdeDeps, type QueryState } from './worker-query';

export interface WorkerQueryOpties<T> {
  /** Fetch again after every change to the project's data (`dataRevision`); default true. */
  readonly opnieuwNaWijziging?: boolean;
  /** False: no request now (e.g. while what it needs is not there); the data shown stays. Default true. */
  readonly aan?: boolean;
  /** Milliseconds the deps must stay the same before the request goes out (typing, dragging a filter). */
  readonly wacht?: number;
  /** The very first request goes out at once, without `wacht`. */
  readonly eersteZonderWacht?: boolean;
  /** Called with every answer that is kept (not a late one), e.g. to reset local state that follows the data. */
  readonly bijAntwoord?: (value: T) => void;
}

/**
 * Data from the worker for a view (issue 20, item 2): fetched when `deps` change and again after every change to the
 * project's data (`dataRevision`, unless `opnieuwNaWijziging` is false); an answer that comes after a newer request is
 * dropped (its signal aborted). The data shown stays until the new answer is there, so a page does not flash empty
 * while it refetches; `laden` says the data is not (yet) the answer to the current deps. The rules themselves are in
 * `worker-query.ts`.
 */
export function useWorkerQuery<T>(
  call: (signal: AbortSignal) => Promise<Result<T>>,
  deps: readonly unknown[],
  opties: WorkerQueryOpties<T> = {},
): { data: T | null; error: AppError | null; laden: boolean } {
  const revision = useApp((s) => (opties.opnieuwNaWijziging === false ? 0 : s.dataRevision));
  const [state, setState] = useState<QueryState<T>>(LEGE_QUERY);
  const bijAntwoord = useRef(opties.bijAntwoord);
  useEffect(() => {
    bijAntwoord.current = opties.bijAntwoord;
  });
  const eerste = useRef(true);
  const aan = opties.aan !== false;
  const sleutel = [...deps, revision];
  useEffect(() => {
    if (!aan) return;
    const wacht = opties.eersteZonderWacht && eerste.current ? 0 : (opties.wacht ?? 0);
    eerste.current = false;
    return startQuery(call, wacht, (r) => {
      setState((s) => naAntwoord(s, r, sleutel));
      if (r.ok) bijAntwoord.current?.(r.value);
    });
    // `call` is new on every render; what it depends on is in `deps`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...sleutel, aan]);
  return { data: state.data, error: state.error, laden: !zelfdeDeps(state.deps, sleutel) };
}
