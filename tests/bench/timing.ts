/** Timing helpers the bench parts share. */

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median wall and CPU time (all threads: fsync runs in libuv's pool) of `n` runs. */
export async function timed(n: number, fn: () => unknown): Promise<{ wall: number; cpu: number }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < n; i++) {
    const c0 = cpuMs();
    const t0 = performance.now();
    await fn();
    wall.push(performance.now() - t0);
    cpu.push(cpuMs() - c0);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

export const ms = (t: { wall: number; cpu: number }) => `${t.wall.toFixed(1)} ms`;
export const cpuNote = (t: { wall: number; cpu: number }) => `CPU ${t.cpu.toFixed(1)} ms`;
