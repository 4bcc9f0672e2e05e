import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../shared/db/migrations';
import { cli, cliDir } from '../../helpers/cli';

describe('CLI', () => {
  it('new → info --json → export, as documented', async () => {
    const dir = cliDir();
    const created = await cli(['new', 'P.wijkweb', '--naam', 'Enschede West'], dir);
    expect(created).toMatchObject({ code: 0, err: '' });
    expect(existsSync(join(dir, 'P.wijkweb'))).toBe(true);

    const info = await cli(['info', 'P.wijkweb', '--json'], dir);
    expect(info.code).toBe(0);
    const json = JSON.parse(info.out) as Record<string, unknown>;
    expect(json).toMatchObject({
      app: 'wijkweb',
      schemaVersion: LATEST_SCHEMA_VERSION,
      naam: 'Enschede West',
      bronnen: [],
    });
    expect(json.counts).toMatchObject({
      organisaties: 0,
      voorzieningen: 0,
      relaties: 0,
      buurten: 0,
      taxonomieItems: 41,
    });

    const csv = await cli(['export', 'P.wijkweb', 'taxonomieen', '--format', 'csv'], dir);
    expect(csv.code).toBe(0);
    expect(csv.out.split('\r\n')[0]).toBe('taxonomie,code,label,omschrijving,volgorde');
    expect(csv.out.trim().split('\r\n')).toHaveLength(42);

    const js = await cli(['export', 'P.wijkweb', 'gebieden', '--format', 'json', '--out', 'g.json'], dir);
    expect(js.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'g.json'), 'utf8'))).toEqual([]);
  });

  it('prints human-readable info by default', async () => {
    const dir = cliDir();
    await cli(['new', 'Boswinkel.wijkweb'], dir);
    const info = await cli(['info', 'Boswinkel.wijkweb'], dir);
    expect(info.out).toContain('Project: Boswinkel');
    expect(info.out).toContain('Organisaties');
  });

  it('reads an older project file without changing it', async () => {
    const dir = cliDir();
    const fixture = readFileSync(new URL('../../fixtures/project-v1.wijkweb', import.meta.url));
    writeFileSync(join(dir, 'oud.wijkweb'), fixture);
    const info = await cli(['info', 'oud.wijkweb', '--json'], dir);
    expect(JSON.parse(info.out)).toMatchObject({
      schemaVersion: LATEST_SCHEMA_VERSION,
      migratedFrom: 1,
      counts: { organisaties: 1, buurten: 1 },
    });
    expect(readFileSync(join(dir, 'oud.wijkweb')).equals(fixture)).toBe(true);
  });

  it.each([
    [['frobnicate'], 1, 'Onbekende opdracht'],
    [['info'], 1, 'Er ontbreekt iets'],
    [['info', 'P.txt'], 1, 'eindigt op .wijkweb'],
    [['info', 'bestaat-niet.wijkweb'], 1, 'kan ‘bestaat-niet.wijkweb’ niet vinden'],
    [['export', 'P.wijkweb', 'kaas'], 1, 'kent de tabel ‘kaas’ niet'],
    [['export', 'P.wijkweb', 'gebieden', '--format', 'xml'], 1, 'kent het formaat ‘xml’ niet'],
    [['info', 'P.wijkweb', '--kleur'], 1, 'kent de optie ‘--kleur’ niet'],
    [['new', 'P.wijkweb'], 1, 'bestaat al'],
    [['new', 'Q.wijkweb', '--naam', '  '], 1, 'Vul een naam in'],
  ])('%j fails with exit %i and a Dutch message', async (args, code, message) => {
    const dir = cliDir();
    await cli(['new', 'P.wijkweb'], dir);
    const r = await cli(args, dir);
    expect(r.code).toBe(code);
    expect(r.err).toContain(message);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it('refuses a foreign file without touching it', async () => {
    const dir = cliDir();
    writeFileSync(join(dir, 'nep.wijkweb'), 'code;naam\nBU1;x\n');
    const r = await cli(['info', 'nep.wijkweb'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('is geen Wijkweb-project');
    expect(readFileSync(join(dir, 'nep.wijkweb'), 'utf8')).toBe('code;naam\nBU1;x\n');
  });

  it('runs as `npm run -s cli` in a real process', async () => {
    const dir = cliDir();
    const run = promisify(execFile);
    const root = new URL('../../../', import.meta.url).pathname;
    const env = { ...process.env, INIT_CWD: dir, WIJKWEB_DATA_DIR: join(dir, '.data') };
    await run('npm', ['run', '-s', 'cli', '--', 'new', join(dir, 'X.wijkweb')], { cwd: root, env });
    const { stdout } = await run('npm', ['run', '-s', 'cli', '--', 'info', join(dir, 'X.wijkweb'), '--json'], {
      cwd: root,
      env,
    });
    expect(JSON.parse(stdout)).toMatchObject({ app: 'wijkweb', schemaVersion: LATEST_SCHEMA_VERSION });
    const failed = await run('npm', ['run', '-s', 'cli', '--', 'info', join(dir, 'nee.wijkweb')], {
      cwd: root,
      env,
    }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain('Fout:');
  });
});
