import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { tmpDir } from '../../helpers/tmp';

const script = fileURLToPath(new URL('../../../scripts/electronegativity.mjs', import.meta.url));

describe('npm run security', () => {
  it('runs on a fresh clone: it makes test-results/ itself instead of failing with ENOENT', () => {
    const t = tmpDir();
    onTestFinished(t.cleanup);
    mkdirSync(join(t.dir, 'electron'));
    writeFileSync(join(t.dir, 'electron', 'leeg.ts'), 'export const x = 1;\n');
    const run = spawnSync(process.execPath, [script], { cwd: t.dir, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).not.toMatch(/ENOENT/);
    expect(run.stdout).toMatch(/electronegativity: \d+ finding\(s\) in electron\//);
    expect(existsSync(join(t.dir, 'test-results', 'electronegativity.sarif'))).toBe(true);
  }, 60_000);
});
