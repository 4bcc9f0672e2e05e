import { Worker } from 'node:worker_threads';

/**
 * The highest RSS of this process while `fn` runs, sampled every 10 ms in a worker thread (the work under test is
 * synchronous and blocks this thread's timers), as the increase over the RSS before it.
 */
export async function peakRss<T>(fn: () => Promise<T> | T): Promise<{ result: T; peak: number; before: number }> {
  const sampler = new Worker(
    `const { parentPort } = require('node:worker_threads');
     let max = 0;
     const tick = () => { const r = process.memoryUsage.rss(); if (r > max) max = r; };
     const timer = setInterval(tick, 10);
     tick();
     parentPort.on('message', () => { clearInterval(timer); tick(); parentPort.postMessage(max); });
     parentPort.postMessage('ready');`,
    { eval: true },
  );
  try {
    await new Promise((resolve) => sampler.once('message', resolve));
    const before = process.memoryUsage.rss();
    const result = await fn();
    const max = await new Promise<number>((resolve) => {
      sampler.once('message', resolve);
      sampler.postMessage('stop');
    });
    return { result, peak: Math.max(0, max - before), before };
  } finally {
    await sampler.terminate();
  }
}

export const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;
