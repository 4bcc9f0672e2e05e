import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import {
  createSecondStartHandler,
  hasProjectHeader,
  nodeArgvFs,
  projectArguments,
  projectFromArgv,
  validProjectPath,
} from '../../../electron/argv';
import { projectBytes, sql } from '../../helpers/db';
import { tmpDir } from '../../helpers/tmp';

/** Issue 15.13: a .wijkweb on the command line joins the recent list only when it is a real project. */

async function setup() {
  const t = tmpDir();
  onTestFinished(t.cleanup);
  const dir = realpathSync(t.dir);
  const good = join(dir, 'Wijk West.wijkweb');
  writeFileSync(good, await projectBytes());
  const SQL = await sql();
  const other = new SQL.Database();
  other.run('CREATE TABLE t (x)');
  writeFileSync(join(dir, 'ander-programma.wijkweb'), other.export());
  other.close();
  writeFileSync(join(dir, 'tekst.wijkweb'), 'code;naam\n'.repeat(100));
  mkdirSync(join(dir, 'map.wijkweb'));
  symlinkSync(good, join(dir, 'link.wijkweb'));
  return { dir, good };
}

describe('a project path on the command line', () => {
  it('is a real project: an existing regular file, by its real path, with our header', async () => {
    const { dir, good } = await setup();
    expect(await validProjectPath(nodeArgvFs, good, '/')).toBe(good);
    expect(await validProjectPath(nodeArgvFs, 'Wijk West.wijkweb', dir)).toBe(good);
    expect(await validProjectPath(nodeArgvFs, join(dir, 'link.wijkweb'), '/')).toBe(good);
    for (const name of ['ander-programma.wijkweb', 'tekst.wijkweb', 'map.wijkweb', 'bestaat-niet.wijkweb']) {
      expect(await validProjectPath(nodeArgvFs, join(dir, name), '/'), name).toBeNull();
    }
    expect(await validProjectPath(nodeArgvFs, '/dev/null', '/')).toBeNull();
  });

  it('skips switches and other arguments, and takes the first real project', async () => {
    const { dir, good } = await setup();
    expect(projectArguments(['wijkweb', '--inspect=9229', '-x.wijkweb', 'a.txt', 'b.WIJKWEB'])).toEqual(['b.WIJKWEB']);
    const argv = ['wijkweb', '--allow-file-access', join(dir, 'tekst.wijkweb'), join(dir, 'link.wijkweb')];
    expect(await projectFromArgv(nodeArgvFs, argv, dir)).toBe(good);
    expect(await projectFromArgv(nodeArgvFs, ['wijkweb', join(dir, 'map.wijkweb')], dir)).toBeNull();
  });

  it('knows the header: SQLite and Wijkweb application_id', async () => {
    const bytes = await projectBytes();
    expect(hasProjectHeader(bytes.subarray(0, 100))).toBe(true);
    expect(hasProjectHeader(bytes.subarray(0, 99))).toBe(false);
    const other = bytes.slice(0, 100);
    other[68] = 0;
    expect(hasProjectHeader(other)).toBe(false);
  });
});

describe('a second start of the app', () => {
  it('brings the first window forward and opens a valid project there; nothing else', async () => {
    const { dir, good } = await setup();
    const calls: string[] = [];
    const handle = createSecondStartHandler({
      find: (argv, cwd) => projectFromArgv(nodeArgvFs, argv, cwd),
      remember: async (p) => void calls.push(`recent ${p}`),
      focus: () => void calls.push('focus'),
      open: (p) => void calls.push(`open ${p}`),
    });
    expect(await handle(['wijkweb', 'link.wijkweb'], dir)).toBe(good);
    expect(calls).toEqual(['focus', `recent ${good}`, `open ${good}`]);
    calls.length = 0;
    expect(await handle(['wijkweb', 'tekst.wijkweb'], dir)).toBeNull();
    expect(await handle(['wijkweb'], dir)).toBeNull();
    expect(calls).toEqual(['focus', 'focus']);
  });
});
