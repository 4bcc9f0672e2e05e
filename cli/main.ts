import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { basename, resolve } from 'node:path';
import { LIMITS } from '../shared/importers/types';
import { acquireLock, processIsAlive, releaseLock, type LockDeps } from '../node/lock';
import { errorMessage, formatIssue, type Language } from '../shared/i18n/messages';
import { AppException, toAppError, unwrap } from '../shared/result';
import { createProjectService } from '../shared/service/project-service';
import { checkProjectBytes } from '../shared/db/open';
import { nodeFs, type FileSystem } from '../node/fs';
import { createFileStore } from '../node/project-files';
import { backupRootIn, defaultDataDir } from '../node/paths';
import { loadSqlJs } from '../node/sqljs';
import {
  allOptions,
  checkOptions,
  commandKey,
  GROUPS,
  helpText,
  parseCliArgs,
  projectPathArg,
  type CliContext,
  type CliIo,
  type Command,
} from './command';
import {
  dubbelenCommand,
  exportCommand,
  infoCommand,
  newCommand,
  samenvoegenCommand,
  snapshotCommand,
  snapshotsCommand,
  weergaveCommand,
} from './commands/project';
import {
  importCbsCommand,
  importCognosCommand,
  importGeoCommand,
  importPartnersCommand,
  importPostcodesCommand,
  importRelatiesCommand,
  IMPORT_SOORTEN,
} from './commands/import';
import { reportCommand } from './commands/report';
import { scenarioCliCommand } from './scenario';
import { pilotCliCommand } from './pilot';
import { TEAM_COMMANDS } from './team';

export type { CliIo } from './command';

/** Every command, in the order of the help. */
export const COMMANDS: readonly Command[] = [
  newCommand,
  infoCommand,
  importCbsCommand,
  importCognosCommand,
  importPartnersCommand,
  importRelatiesCommand,
  importPostcodesCommand,
  importGeoCommand,
  dubbelenCommand,
  samenvoegenCommand,
  exportCommand,
  reportCommand,
  snapshotCommand,
  snapshotsCommand,
  scenarioCliCommand,
  pilotCliCommand,
  weergaveCommand,
  ...TEAM_COMMANDS,
];

export const HELP = helpText(
  COMMANDS,
  'Wijkweb op de opdrachtregel',
  `  Algemene opties: --taal nl|en (taal van de meldingen en van het rapport), --help.
  Afsluitcode 0 bij succes, 1 bij een fout in de invoer of het bestand, 2 bij een onverwachte fout.
`,
);

const ALL_OPTIONS = allOptions(COMMANDS);
const BY_NAME = new Map(COMMANDS.map((c) => [c.name, c]));

function cliLock(fs: FileSystem, now: () => Date): LockDeps {
  return { fs, pid: process.pid, host: hostname(), now, isPidAlive: processIsAlive, owner: 'cli' };
}

async function readImportFile(fs: FileSystem, path: string): Promise<Uint8Array> {
  const bestand = basename(path);
  let size: number;
  try {
    size = (await fs.stat(path)).size;
  } catch {
    throw new AppException('bestand.niet-gevonden', { bestand });
  }
  if (size > LIMITS.maxFileBytes)
    throw new AppException('import.te-groot', { bestand, mb: Math.round(size / 1048576) });
  return fs.readFile(path);
}

/** A word group (`import`, `team`) with an unknown second word: the project path first, as the commands check it. */
function unknownInGroup(group: string, positional: readonly string[], cwd: string): never {
  if (group === 'import') {
    projectPathArg(positional, cwd, 1);
    throw new AppException('cli.onbekende-importsoort', { soort: positional[2] ?? '', soorten: IMPORT_SOORTEN });
  }
  projectPathArg(positional, cwd, GROUPS[group]! + 1);
  throw new AppException('cli.gebruik');
}

/** Runs one CLI command; returns the exit code. Never throws: every error becomes a Dutch message on stderr. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let language: Language = 'nl';
  try {
    const parsed = parseCliArgs(argv, ALL_OPTIONS);
    const taal = parsed.flags.get('taal');
    if (taal === 'en' || taal === 'nl') language = taal;
    const first = parsed.positional[0];
    if (!first || first === 'help' || parsed.flags.has('help')) {
      io.stdout(HELP);
      return first || parsed.flags.has('help') ? 0 : 1;
    }
    const command = BY_NAME.get(commandKey(parsed.positional) ?? '');
    if (!command) {
      if (Object.hasOwn(GROUPS, first)) unknownInGroup(first, parsed.positional, io.cwd);
      throw new AppException('cli.gebruik');
    }
    checkOptions(parsed, command);
    const fs = io.fs ?? nodeFs;
    const now = io.now ?? (() => new Date());
    const SQL = await loadSqlJs();
    const store = createFileStore({
      fs,
      backupRoot: backupRootIn(defaultDataDir(io.env ?? process.env)),
      now,
      verify: (bytes) => checkProjectBytes(SQL, bytes),
    });
    // On a terminal, a CBS import shows how far it is (one line, rewritten).
    let voortgang: string | null = null;
    const service = createProjectService({
      SQL,
      now: () => now().toISOString(),
      sha256: async (b) => createHash('sha256').update(b).digest('hex'),
      ...(io.progress
        ? {
            onProgress: (e: { taak: string; gedaan: number; totaal: number }) => {
              if (voortgang === null || e.taak !== 'importeren' || e.totaal <= 0) return;
              voortgang = `Importeren… ${Math.round((100 * e.gedaan) / e.totaal)}% (${e.gedaan.toLocaleString('nl-NL')} van ${e.totaal.toLocaleString('nl-NL')} gebieden)`;
              io.progress?.(`\r${voortgang}`);
            },
          }
        : {}),
    });
    const lock = cliLock(fs, now);
    const context: CliContext = {
      io,
      fs,
      now,
      language,
      positional: parsed.positional,
      flags: parsed.flags,
      service,
      store,
      lock,
      projectPath: (index = 1) => projectPathArg(parsed.positional, io.cwd, index),
      withProject: async (path, fn) => {
        const acquired = await acquireLock(lock, path);
        if (!acquired.acquired) throw new AppException('bestand.in-gebruik', { bestand: basename(path) });
        try {
          const opened = unwrap(await service.openProject(await store.read(path), basename(path)));
          if (await fn()) {
            await store.save(
              path,
              unwrap(await service.exportProject()),
              opened.migratedFrom !== null ? 'voor-migratie' : undefined,
            );
          }
        } finally {
          await releaseLock(lock, path);
        }
      },
      importFile: async () => {
        const bestand = parsed.positional[3];
        if (!bestand) throw new AppException('cli.argument-ontbreekt', { wat: 'het bestand om te importeren' });
        const filePath = resolve(io.cwd, bestand);
        return { name: basename(filePath), bytes: await readImportFile(fs, filePath) };
      },
      printIssues: (problemen) => {
        for (const issue of problemen.slice(0, 25)) {
          io.stderr(`${issue.level === 'fout' ? 'Fout' : 'Let op'}: ${formatIssue(issue, language)}\n`);
        }
        if (problemen.length > 25) io.stderr(`… en nog ${problemen.length - 25} meldingen.\n`);
      },
      voortgang: {
        start: () => {
          voortgang = '';
        },
        stop: () => {
          if (voortgang) io.progress?.('\n');
          voortgang = null;
        },
      },
    };
    return await command.run(context);
  } catch (err) {
    const error = toAppError(err);
    io.stderr(`Fout: ${errorMessage(error, language)}\n`);
    if (error.code === 'intern.onverwacht' && error.detail) io.stderr(`Details: ${error.detail}\n`);
    return error.code === 'intern.onverwacht' ? 2 : 1;
  }
}
