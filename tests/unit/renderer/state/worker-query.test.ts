/**
 * The rules of useWorkerQuery (renderer/state/worker-query.ts): a late answer is dropped, the wait (debounce) holds
 * the request back and a newer one cancels it, a throwing call answers `intern.onverwacht`, and an error keeps the
 * data shown.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ok, type Result } from '../../../../shared/result';
import { LEGE_QUERY, naAntwoord, startQuery, zelfdeDeps } from '../../../../renderer/state/worker-query';

const later = <T>() => {
  let resolve: (r: Result<T>) => void = () => undefined;
  const promise = new Promise<Result<T>>((r) => (resolve = r));
  return { promise, resolve };
};
const flush = () => new Promise<void>((r) => setImmediate(r));

describe('startQuery', () => {
  it('hands over the answer of a request that is still current', async () => {
    const answers: Result<number>[] = [];
    startQuery(
      async () => ok(1),
      0,
      (r) => answers.push(r),
    );
    await flush();
    expect(answers).toEqual([ok(1)]);
  });

  it('drops an answer that comes after the request was cancelled, and aborts its signal', async () => {
    const eerste = later<string>();
    const tweede = later<string>();
    const signals: AbortSignal[] = [];
    const answers: string[] = [];
    const stop1 = startQuery(
      (s) => (signals.push(s), eerste.promise),
      0,
      (r) => r.ok && answers.push(r.value),
    );
    stop1(); // the deps changed
    startQuery(
      (s) => (signals.push(s), tweede.promise),
      0,
      (r) => r.ok && answers.push(r.value),
    );
    tweede.resolve(ok('nieuw'));
    eerste.resolve(ok('oud')); // late
    await flush();
    expect(answers).toEqual(['nieuw']);
    expect(signals.map((s) => s.aborted)).toEqual([true, false]);
  });

  it('turns a rejected or throwing call into intern.onverwacht', async () => {
    const answers: Result<number>[] = [];
    startQuery<number>(
      () => Promise.reject(new Error('stuk')),
      0,
      (r) => answers.push(r),
    );
    startQuery<number>(
      () => {
        throw new Error('meteen stuk');
      },
      0,
      (r) => answers.push(r),
    );
    await flush();
    expect(answers.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['intern.onverwacht', 'intern.onverwacht']);
  });

  describe('with a wait', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    it('sends the request only after the wait, and not at all when cancelled before', async () => {
      const calls: string[] = [];
      const stop = startQuery(
        async () => (calls.push('a'), ok('a')),
        350,
        () => undefined,
      );
      vi.advanceTimersByTime(200);
      stop(); // a new keystroke
      const answers: string[] = [];
      startQuery(
        async () => (calls.push('b'), ok('b')),
        350,
        (r) => r.ok && answers.push(r.value),
      );
      vi.advanceTimersByTime(349);
      expect(calls).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(calls).toEqual(['b']);
      await vi.runAllTimersAsync();
      expect(answers).toEqual(['b']);
    });
  });
});

describe('naAntwoord and zelfdeDeps', () => {
  it('replaces the data with a new answer and keeps it on an error', () => {
    const eerste = naAntwoord(LEGE_QUERY, ok(1), ['a']);
    expect(eerste).toEqual({ data: 1, error: null, deps: ['a'] });
    const fout = naAntwoord(eerste, { ok: false, error: { code: 'x' } }, ['b']);
    expect(fout).toEqual({ data: 1, error: { code: 'x' }, deps: ['b'] });
    expect(naAntwoord(fout, ok(2), ['c'])).toEqual({ data: 2, error: null, deps: ['c'] });
  });

  it('compares deps item by item as React does', () => {
    const o = {};
    expect(zelfdeDeps(null, [])).toBe(false);
    expect(zelfdeDeps([o, 1, NaN], [o, 1, NaN])).toBe(true);
    expect(zelfdeDeps([{}], [{}])).toBe(false);
    expect(zelfdeDeps([1], [1, 2])).toBe(false);
  });
});
