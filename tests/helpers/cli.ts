import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { runCli } from '../../cli/main';
import { tmpDir } from './tmp';

/** Runs the CLI in `cwd` (its data folder inside it) and returns the exit code and what it wrote. */
export async function cli(args: string[], cwd: string) {
  let out = '';
  let err = '';
  const code = await runCli(args, {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    cwd,
    env: { WIJKWEB_DATA_DIR: join(cwd, '.data') },
  });
  return { code, out, err };
}

/** A fresh folder for the CLI to work in; removed when the test ends. */
export function cliDir(): string {
  const t = tmpDir();
  onTestFinished(t.cleanup);
  return t.dir;
}
