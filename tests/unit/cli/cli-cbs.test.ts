/**
 * The CLI with the real whole-country StatLine download (85984NED, 2024): all of it, one gemeente, rows with errors
 * skipped with --overslaan, and a progress line only on a terminal.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../cli/main';
import { cli, cliDir } from '../../helpers/cli';
import { nederland2024, nederland2024Zorg } from '../../helpers/cbs-fixtures';

const REAL = 'statline-labelled-2024-nederland.csv';

function withRealFile(): string {
  const dir = cliDir();
  writeFileSync(join(dir, REAL), nederland2024().bytes);
  return dir;
}

async function counts(dir: string, project: string) {
  const info = await cli(['info', project, '--json'], dir);
  expect(info.code).toBe(0);
  return (JSON.parse(info.out) as { counts: Record<string, number> }).counts;
}

describe('CLI: CBS whole-country download', () => {
  it('imports all of the Netherlands (342 gemeenten, 3,393 wijken, 14,574 buurten)', async () => {
    const dir = withRealFile();
    expect((await cli(['new', 'NL.wijkweb'], dir)).code).toBe(0);
    const r = await cli(['import', 'NL.wijkweb', 'cbs', REAL], dir);
    expect(r).toMatchObject({ code: 0 });
    expect(r.out).toContain(
      `CBS 2024 (statline-gelabeld) geïmporteerd uit ${REAL}: 342 gemeenten, 3393 wijken, 14574 buurten, 8 indicatoren`,
    );
    expect(r.err).toContain('dit bestand heeft 342 gemeenten');
    expect(await counts(dir, 'NL.wijkweb')).toMatchObject({ gemeenten: 342, wijken: 3393, buurten: 14_574 });
  });

  it('--gemeente GM0363: Amsterdam only, with its letter codes; the other rows are counted as skipped', async () => {
    const dir = withRealFile();
    await cli(['new', 'A.wijkweb'], dir);
    const r = await cli(['import', 'A.wijkweb', 'cbs', REAL, '--gemeente', 'GM0363'], dir);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/: 1 gemeenten, \d+ wijken, \d+ buurten/);
    expect(r.out).toMatch(/Overgeslagen rijen: \d+ van andere gemeenten\./);
    const g = await cli(['export', 'A.wijkweb', 'gebieden', '--format', 'json'], dir);
    const codes = (JSON.parse(g.out) as { code: string }[]).map((x) => x.code);
    expect(codes).toContain('BU0363AA01');
    expect(codes).toContain('WK0363AA');
    expect(codes.every((c) => c === 'NL00' || c.slice(2, 6) === '0363')).toBe(true);
  });

  it('a row with an error stops the import, with a hint; --overslaan imports the rest and names the row', async () => {
    const dir = cliDir();
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(nederland2024Zorg().bytes);
    const lines = text.split('\r\n');
    const bad = lines.findIndex((l) => l.includes('"BU01530201"'));
    lines[bad] = lines[bad]!.replace(/;(\d+);/, ';veel;');
    writeFileSync(join(dir, 'kwb-2024-kapot.csv'), lines.join('\r\n'));
    await cli(['new', 'E.wijkweb'], dir);
    const refused = await cli(['import', 'E.wijkweb', 'cbs', 'kwb-2024-kapot.csv', '--gemeente', 'GM0153'], dir);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`rij ${bad + 1}, kolom ‘Bevolking/Aantal inwoners (aantal)’`);
    expect(refused.err).toContain('1 rijen hebben een fout. Met --overslaan importeer je de andere rijen.');
    const ok = await cli(
      ['import', 'E.wijkweb', 'cbs', 'kwb-2024-kapot.csv', '--gemeente', 'GM0153', '--overslaan'],
      dir,
    );
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/Overgeslagen rijen: \d+ van andere gemeenten, 1 met een fout\./);
    const bronnen = await cli(['export', 'E.wijkweb', 'bronnen', '--format', 'json'], dir);
    expect(bronnen.out).toContain('kwb-2024-kapot.csv');
    const gebieden = await cli(['export', 'E.wijkweb', 'gebieden', '--format', 'json'], dir);
    expect(gebieden.out).not.toContain('BU01530201');
    expect(gebieden.out).toContain('BU01530202');
  });

  it('shows a progress line only when asked to (a terminal), ending with a line end', async () => {
    const dir = withRealFile();
    await cli(['new', 'P.wijkweb'], dir);
    let out = '';
    let progress = '';
    const code = await runCli(['import', 'P.wijkweb', 'cbs', REAL], {
      stdout: (t) => void (out += t),
      stderr: () => undefined,
      progress: (t) => void (progress += t),
      cwd: dir,
      env: { WIJKWEB_DATA_DIR: join(dir, '.data') },
    });
    expect(code).toBe(0);
    expect(progress).toMatch(/^\rImporteren… \d+%/);
    expect(progress).toContain('\rImporteren… 100% (18.310 van 18.310 gebieden)');
    expect(progress.endsWith('\n')).toBe(true);
    expect(out).not.toContain('\r');
  });

  it('npm run cli (a real process, output to a pipe): no progress characters in what it prints', async () => {
    const dir = withRealFile();
    const run = promisify(execFile);
    const root = new URL('../../../', import.meta.url).pathname;
    // As a user types it, in the folder of the file: npm runs the script in the repository, INIT_CWD is this folder.
    const opts = { cwd: dir, env: { ...process.env, WIJKWEB_DATA_DIR: join(dir, '.data') } };
    const npm = (...args: string[]) => run('npm', ['--prefix', root, 'run', '-s', 'cli', '--', ...args], opts);
    await npm('new', 'R.wijkweb');
    const r = await npm('import', 'R.wijkweb', 'cbs', REAL, '--gemeente', 'GM0153');
    expect(r.stdout).toContain('1 gemeenten');
    expect(r.stdout).not.toContain('\r');
  }, 60_000);
});
