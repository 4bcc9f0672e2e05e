import { describe, expect, it } from 'vitest';
import { createAutosaver } from '../../../../renderer/state/autosave';

function fakeClock() {
  let now = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  let nextId = 1;
  return {
    now: () => now,
    setTimer: (fn: () => void, ms: number) => {
      const id = nextId++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimer: (id: unknown) => void timers.delete(id as number),
    async advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        now = due[1].at;
        timers.delete(due[0]);
        due[1].fn();
        await Promise.resolve();
        await Promise.resolve();
      }
      now = end;
    },
  };
}

describe('autosave timing', () => {
  it('saves 2 s after the last change', async () => {
    const clock = fakeClock();
    const saves: number[] = [];
    const a = createAutosaver({ ...clock, save: async () => void saves.push(clock.now()) });
    a.changed();
    await clock.advance(1500);
    a.changed();
    await clock.advance(1999);
    expect(saves).toEqual([]);
    await clock.advance(1);
    expect(saves).toEqual([3500]);
  });

  it('saves at most 30 s after the first unsaved change, even while changes keep coming', async () => {
    const clock = fakeClock();
    const saves: number[] = [];
    const a = createAutosaver({ ...clock, save: async () => void saves.push(clock.now()) });
    for (let i = 0; i < 40; i++) {
      a.changed();
      await clock.advance(1000);
    }
    expect(saves[0]).toBe(30_000);
  });

  it('never runs two saves at once; a change during a save leads to one more save', async () => {
    const clock = fakeClock();
    let running = 0;
    let maxRunning = 0;
    let release: () => void = () => undefined;
    let count = 0;
    const a = createAutosaver({
      ...clock,
      save: () => {
        count++;
        running++;
        maxRunning = Math.max(maxRunning, running);
        return new Promise<void>((r) => {
          release = () => {
            running--;
            r();
          };
        });
      },
    });
    a.changed();
    await clock.advance(2000);
    expect(count).toBe(1);
    a.changed();
    await clock.advance(2000);
    expect(count).toBe(1);
    release();
    await Promise.resolve();
    await Promise.resolve();
    await clock.advance(2000);
    expect(count).toBe(2);
    release();
    expect(maxRunning).toBe(1);
  });

  it('flush saves pending work at once, and does nothing when disabled (read-only)', async () => {
    const clock = fakeClock();
    let count = 0;
    const a = createAutosaver({ ...clock, save: async () => void count++ });
    a.changed();
    await a.flush();
    expect(count).toBe(1);
    await a.flush();
    expect(count).toBe(1);
    a.setEnabled(false);
    a.changed();
    await clock.advance(60_000);
    expect(count).toBe(1);
  });
});
