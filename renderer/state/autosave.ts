/**
 * When to save: 2 s after the last change, but never more than 30 s after the first unsaved one, and never two
 * saves at once (a change during a save schedules the next). Pure timing logic with injected timers.
 */
export interface AutosaveDeps {
  readonly save: () => Promise<void>;
  readonly now: () => number;
  readonly setTimer: (fn: () => void, ms: number) => unknown;
  readonly clearTimer: (handle: unknown) => void;
  readonly debounceMs?: number;
  readonly maxDelayMs?: number;
}

export function createAutosaver(deps: AutosaveDeps) {
  const debounceMs = deps.debounceMs ?? 2000;
  const maxDelayMs = deps.maxDelayMs ?? 30_000;
  let firstChangeAt: number | null = null;
  let timer: unknown = null;
  let saving: Promise<void> | null = null;
  let pendingAfterSave = false;
  let enabled = true;

  const run = async (): Promise<void> => {
    if (timer !== null) deps.clearTimer(timer);
    timer = null;
    if (saving) {
      pendingAfterSave = true;
      return saving;
    }
    firstChangeAt = null;
    saving = deps.save().finally(() => {
      saving = null;
      if (pendingAfterSave) {
        pendingAfterSave = false;
        changed();
      }
    });
    return saving;
  };

  function changed(): void {
    if (!enabled) return;
    const t = deps.now();
    firstChangeAt ??= t;
    if (timer !== null) deps.clearTimer(timer);
    const wait = Math.max(0, Math.min(debounceMs, firstChangeAt + maxDelayMs - t));
    timer = deps.setTimer(() => void run(), wait);
  }

  return {
    changed,
    /** Save now if anything is pending (Ctrl+S, closing the window); resolves when done. */
    async flush(): Promise<void> {
      // Until nothing is pending: a change made during a save is saved too before flush returns.
      for (let round = 0; round < 10; round++) {
        if (timer !== null || firstChangeAt !== null || pendingAfterSave) await run();
        else if (saving) await saving;
        else return;
      }
    },
    get pending(): boolean {
      return timer !== null || saving !== null;
    },
    setEnabled(value: boolean) {
      enabled = value;
      if (!value && timer !== null) {
        deps.clearTimer(timer);
        timer = null;
        firstChangeAt = null;
      }
    },
  };
}
