import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../../helpers/tmp';

const SIZE = 4 * 1024 * 1024;
const KILLS = 12;

function verdict(path: string): string {
  const b = readFileSync(path);
  const first = b[0];
  const expectedLength = first === 0xaa ? SIZE : first === 0xbb ? SIZE + 4096 : -1;
  if (b.length !== expectedLength) return `half file: ${b.length} bytes, first byte ${first}`;
  for (let i = 0; i < b.length; i += 4093) if (b[i] !== first) return `mixed content at ${i}`;
  if (b[b.length - 1] !== first) return 'mixed content at the end';
  return 'ok';
}

describe('a real process killed in the middle of saving', () => {
  it(`leaves the old or the new file, never half of one (${KILLS} kills)`, async () => {
    const { dir, cleanup } = tmpDir();
    try {
      const target = join(dir, 'project.wijkweb');
      writeFileSync(target, new Uint8Array(SIZE).fill(0xaa));
      const script = new URL('../../helpers/save-loop.mts', import.meta.url).pathname;
      for (let k = 0; k < KILLS; k++) {
        const child = spawn(process.execPath, ['--import', 'tsx', script, target, String(SIZE)], {
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        await new Promise<void>((resolve, reject) => {
          child.stdout.on('data', (d: Buffer) => {
            if (d.toString().includes('saved')) resolve();
          });
          child.on('exit', (code) => reject(new Error(`save loop stopped early (${code})`)));
        });
        // Let it save a few more times, then kill it at a pseudo-random moment.
        await new Promise((r) => setTimeout(r, 5 + ((k * 37) % 60)));
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGKILL');
        await exited;
        expect(verdict(target), `after kill ${k + 1}`).toBe('ok');
      }
    } finally {
      cleanup();
    }
  }, 90_000);
});
