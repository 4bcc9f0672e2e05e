import { useEffect, useState } from 'react';
import type { AppError, Result } from '../../shared/result';
import { useApp } from './context';

/**
 * Data from the worker for a view (issue 20, item 2): fetched when `deps` change and again after every change to the
 * project's data (`dataRevision`, unless `opnieuwNaWijziging` is false); an answer that comes after a newer request is
 * dropped. The data shown stays until the new answer is there, so a page does not flash empty while it refetches.
 */
export function useWorkerQuery<T>(
  call: () => Promise<Result<T>>,
  deps: readonly unknown[],
  opties: { opnieuwNaWijziging?: boolean } = {},
): { data: T | null; error: AppError | null } {
  const revision = useApp((s) => (opties.opnieuwNaWijziging === false ? 0 : s.dataRevision));
  const [state, setState] = useState<{ data: T | null; error: AppError | null }>({ data: null, error: null });
  useEffect(() => {
    let live = true;
    void call().then(
      (r) => {
        if (!live) return;
        setState((s) => (r.ok ? { data: r.value, error: null } : { ...s, error: r.error }));
      },
      (e: unknown) => {
        if (live)
          setState((s) => ({
            ...s,
            error: { code: 'intern.onverwacht', params: { details: String(e) } },
            laden: false,
          }));
      },
    );
    return () => {
      live = false;
    };
    // `call` is new on every render; what it depends on is in `deps`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, revision]);
  return state;
}
