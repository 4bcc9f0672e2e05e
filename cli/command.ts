/**
 * The CLI's command table: every command is one `Command` (its name, its options, its help, its run), the overall
 * help is made from the table and the arguments are parsed against the same table, so help and parsing cannot drift.
 */
import { parseArgs } from 'node:util';
import { basename, resolve } from 'node:path';
import type { ImportIssue } from '../shared/importers/types';
import type { LockDeps } from '../node/lock';
import type { FileSystem } from '../node/fs';
import type { FileStore } from '../node/project-files';
import type { Language } from '../shared/i18n/messages';
import type { createProjectService } from '../shared/service/project-service';
import { AppException } from '../shared/result';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly fs?: FileSystem;
  readonly now?: () => Date;
  /** Progress lines (with a carriage return): given only when stdout is a terminal. */
  readonly progress?: (text: string) => void;
}

/** One option, as `node:util` `parseArgs` takes it. */
export interface Optie {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly multiple?: boolean;
}

export type Opties = Readonly<Record<string, Optie>>;

export type Flags = ReadonlyMap<string, string | true>;

/** What a command gets to work with. */
export interface CliContext {
  readonly io: CliIo;
  readonly fs: FileSystem;
  readonly now: () => Date;
  readonly language: Language;
  readonly positional: readonly string[];
  /** The options given, by name: a string option's (last) value, `true` for a boolean one. */
  readonly flags: Flags;
  readonly service: ReturnType<typeof createProjectService>;
  readonly store: FileStore;
  readonly lock: LockDeps;
  /** The project file (P.wijkweb) at `positional[index]`, resolved against the working folder. */
  readonly projectPath: (index?: number) => string;
  /** Locks the project, opens it, runs `fn`, saves when `fn` says it changed something, and releases the lock. */
  readonly withProject: (path: string, fn: () => Promise<boolean>) => Promise<void>;
  /** The file to import (`positional[3]`): its name and bytes. */
  readonly importFile: () => Promise<{ name: string; bytes: Uint8Array }>;
  /** The first 25 import messages on stderr. */
  readonly printIssues: (problemen: readonly ImportIssue[]) => void;
  /** On a terminal, a CBS import shows how far it is (one line, rewritten) between `start` and `stop`. */
  readonly voortgang: { readonly start: () => void; readonly stop: () => void };
}

export interface Command {
  /** The words that choose it: `new`, `import cbs`, `team delen`. */
  readonly name: string;
  /**
   * Its help: the first line is the usage (after `npm run -s cli -- `), further lines the rest of the usage and what
   * it does. Every option in `options` appears here as `--naam`, and every `--naam` here is an option.
   */
  readonly help: string;
  readonly options: Opties;
  /** A blank line in the overall help before this command. */
  readonly blankBefore?: boolean;
  readonly run: (ctx: CliContext) => Promise<number>;
}

/** Options every command takes. */
export const GLOBAL_OPTIONS: Opties = {
  taal: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

/** Word groups whose command name has a second word, and where that word is: `team delen P`, `import P cbs`. */
export const GROUPS: Readonly<Record<string, number>> = { team: 1, import: 2 };

/** The command name the positionals ask for (`import cbs`, `team sync`, `info`). */
export function commandKey(positional: readonly string[]): string | undefined {
  const first = positional[0];
  if (first === undefined) return undefined;
  const at = GROUPS[first];
  return at === undefined ? first : `${first} ${positional[at] ?? ''}`;
}

export function helpText(table: readonly Command[], intro: string, outro: string): string {
  const blocks = table.map((c) => {
    const [usage = '', ...rest] = c.help.split('\n');
    const lines = [`  npm run -s cli -- ${usage}`, ...rest.map((l) => `      ${l}`)];
    return (c.blankBefore ? '\n' : '') + lines.join('\n') + '\n';
  });
  return `${intro}\n\n${blocks.join('')}\n${outro}`;
}

export interface ParsedArgs {
  readonly positional: string[];
  readonly flags: Map<string, string | true>;
  /** Each option as typed (`--naam` or `-h`), by name, for the check against one command's options. */
  readonly given: Map<string, string>;
}

/**
 * Parses `argv` with `node:util` `parseArgs` against `options` (every option of the table). Not in parseArgs' strict
 * mode: it throws English errors and refuses a value that starts with a dash (`--naam -x`), which the CLI always took.
 * The same checks are made here, as the Dutch messages: an unknown option, a value missing. `-h` is `--help`; another
 * single-dash word (`-5`) is a positional argument, as it always was.
 */
export function parseCliArgs(argv: readonly string[], options: Opties): ParsedArgs {
  const { tokens } = parseArgs({
    args: [...argv],
    options: { ...options },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  const given = new Map<string, string>();
  const shortAsPositional = new Set<number>();
  for (const token of tokens) {
    if (token.kind === 'positional') positional.push(token.value);
    else if (token.kind === 'option-terminator') throw new AppException('cli.onbekende-optie', { optie: '--' });
    else {
      const optie = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
      const long = token.rawName.startsWith('--');
      if (!long && optie?.short !== token.rawName.slice(1)) {
        // `-5`, `-x`: a positional argument (once, though parseArgs splits `-xy` into two options).
        if (!shortAsPositional.has(token.index)) positional.push(argv[token.index] ?? token.rawName);
        shortAsPositional.add(token.index);
        continue;
      }
      if (!optie) throw new AppException('cli.onbekende-optie', { optie: argv[token.index] ?? token.rawName });
      if (optie.type === 'string') {
        if (token.value === undefined)
          throw new AppException('cli.argument-ontbreekt', { wat: `de waarde van --${token.name}` });
        flags.set(token.name, token.value);
      } else flags.set(token.name, true);
      given.set(token.name, token.rawName);
    }
  }
  return { positional, flags, given };
}

/** Refuses an option the command does not take (it was parsed against the options of every command). */
export function checkOptions(parsed: ParsedArgs, command: Command): void {
  for (const [name, raw] of parsed.given) {
    if (!Object.hasOwn(command.options, name) && !Object.hasOwn(GLOBAL_OPTIONS, name))
      throw new AppException('cli.optie-niet-bij-opdracht', { optie: raw, opdracht: command.name });
  }
}

/** Every option of the table, for the first parse (a value option must take its value whatever the command). */
export function allOptions(table: readonly Command[]): Opties {
  const all: Record<string, Optie> = { ...GLOBAL_OPTIONS };
  for (const c of table) {
    for (const [name, o] of Object.entries(c.options)) {
      const seen = all[name];
      if (seen && seen.type !== o.type) throw new Error(`--${name} is both a string and a boolean option`);
      all[name] = o;
    }
  }
  return all;
}

export function projectPathArg(positional: readonly string[], cwd: string, index = 1): string {
  const p = positional[index];
  if (!p) throw new AppException('cli.argument-ontbreekt', { wat: 'het projectbestand (P.wijkweb)' });
  if (!p.toLowerCase().endsWith('.wijkweb')) throw new AppException('cli.geen-wijkweb-extensie');
  return resolve(cwd, p);
}

/** The project's name from `--naam`, else its file name. */
export function naamVan(flags: Flags, path: string): string {
  const naamFlag = flags.get('naam');
  return typeof naamFlag === 'string' ? naamFlag : basename(path).replace(/\.wijkweb$/i, '');
}
