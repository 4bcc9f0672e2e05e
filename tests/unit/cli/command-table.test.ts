import { describe, expect, it } from 'vitest';
import { COMMANDS, HELP } from '../../../cli/main';
import { GLOBAL_OPTIONS } from '../../../cli/command';
import { cli, cliDir } from '../../helpers/cli';

/** The help block of one command in the overall help: its usage line up to the next command's. */
const blok = (help: string) => help.split('\n');

describe('the CLI command table', () => {
  it('shows every command of the table in the help, with its usage and text', () => {
    for (const c of COMMANDS) {
      const [usage = '', ...rest] = blok(c.help);
      expect(HELP).toContain(`  npm run -s cli -- ${usage}\n${rest.map((l) => `      ${l}\n`).join('')}`);
      // The usage starts with the command's words (`import P.wijkweb cbs`, `team delen P.wijkweb`).
      for (const woord of c.name.split(' ')) expect(usage.split(' ')).toContain(woord);
    }
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
  });

  it('documents exactly the options each command takes', () => {
    for (const c of COMMANDS) {
      const inHelp = new Set([...c.help.matchAll(/--([a-z][a-z-]*)/g)].map((m) => m[1]));
      expect(
        [...inHelp].filter((o) => !Object.hasOwn(c.options, o!)),
        c.name,
      ).toEqual([]);
      expect(
        Object.keys(c.options).filter((o) => !inHelp.has(o)),
        c.name,
      ).toEqual([]);
      for (const o of Object.keys(c.options)) expect(Object.hasOwn(GLOBAL_OPTIONS, o), o).toBe(false);
    }
    expect(HELP).toContain('--taal nl|en');
    expect(HELP).toContain('--help');
  });

  it.each([
    [['info', 'P.wijkweb', '--kleur'], 'Fout: Wijkweb kent de optie ‘--kleur’ niet.'],
    [['info', 'P.wijkweb', '--kleur=rood'], 'Fout: Wijkweb kent de optie ‘--kleur=rood’ niet.'],
    [['--kleur'], 'Fout: Wijkweb kent de optie ‘--kleur’ niet.'],
    [['new', 'Q.wijkweb', '--json'], 'Fout: De opdracht ‘new’ kent de optie ‘--json’ niet.'],
    [
      ['team', 'sync', 'P.wijkweb', '--server', 'ws://x'],
      'Fout: De opdracht ‘team sync’ kent de optie ‘--server’ niet.',
    ],
    [['snapshot', 'P.wijkweb', '--naam'], 'Fout: Er ontbreekt iets: de waarde van --naam.'],
  ])('%j is a usage error (exit 1) in Dutch that names the option', async (args, message) => {
    const dir = cliDir();
    const r = await cli(args, dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain(message);
    expect(r.err).toContain('npm run -s cli -- help');
    expect(r.out).toBe('');
  });

  it('answers --help, -h and help with the help (exit 0), nothing with the help and exit 1', async () => {
    const dir = cliDir();
    for (const args of [['--help'], ['-h'], ['help'], ['info', '-h']]) {
      const r = await cli(args, dir);
      expect(r).toMatchObject({ code: 0, out: HELP });
    }
    expect(await cli([], dir)).toMatchObject({ code: 1, out: HELP });
  });

  it('takes a value that starts with a dash, as before', async () => {
    const dir = cliDir();
    const r = await cli(['new', 'P.wijkweb', '--naam', '-Zuid-'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Project ‘-Zuid-’ gemaakt');
  });
});
