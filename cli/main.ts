import { basename, resolve } from 'node:path';
import { EXPORT_TABLE_NAMES, type ExportTableName } from '../shared/contract';
import { toCsv, toJsonRows } from '../shared/export/formats';
import { errorMessage, formatMessage, type Language } from '../shared/i18n/messages';
import { AppException, toAppError, unwrap } from '../shared/result';
import { createProjectService, projectNameSchema } from '../shared/service/project-service';
import { checkProjectBytes } from '../shared/db/open';
import { atomicWrite } from '../node/atomic-write';
import { nodeFs, type FileSystem } from '../node/fs';
import { createFileStore } from '../node/project-files';
import { backupRootIn, defaultDataDir } from '../node/paths';
import { loadSqlJs } from '../node/sqljs';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly fs?: FileSystem;
  readonly now?: () => Date;
}

const HELP = `Wijkweb op de opdrachtregel

  npm run -s cli -- new P.wijkweb [--naam "Enschede West"] [--overschrijven]
      Maakt een nieuw, leeg project.
  npm run -s cli -- info P.wijkweb [--json]
      Toont de naam, de bestandsversie, de aantallen per soort gegevens en de bronnen.
  npm run -s cli -- export P.wijkweb <tabel> [--format csv|json] [--out BESTAND]
      Schrijft een tabel als CSV (standaard) of JSON naar het scherm of naar een bestand.
      Tabellen: ${EXPORT_TABLE_NAMES.join(', ')}.

  Algemene opties: --taal nl|en (taal van de meldingen), --help.
  Afsluitcode 0 bij succes, 1 bij een fout in de invoer of het bestand, 2 bij een onverwachte fout.
`;

interface Parsed {
  readonly positional: string[];
  readonly flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set(['naam', 'format', 'out', 'taal']);
const BOOLEAN_FLAGS = new Set(['json', 'overschrijven', 'help']);

function parseArgs(argv: readonly string[]): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--')) {
      const [name = '', inline] = arg.slice(2).split(/=(.*)/s, 2);
      if (VALUE_FLAGS.has(name)) {
        const value = inline ?? argv[++i];
        if (value === undefined) throw new AppException('cli.argument-ontbreekt', { wat: `de waarde van --${name}` });
        flags.set(name, value);
      } else if (BOOLEAN_FLAGS.has(name)) {
        flags.set(name, true);
      } else {
        throw new AppException('cli.onbekende-optie', { optie: arg });
      }
    } else if (arg === '-h') {
      flags.set('help', true);
    } else {
      positional.push(arg);
    }
  }
  return { positional, flags };
}

function projectPathArg(parsed: Parsed, cwd: string): string {
  const p = parsed.positional[1];
  if (!p) throw new AppException('cli.argument-ontbreekt', { wat: 'het projectbestand (P.wijkweb)' });
  if (!p.toLowerCase().endsWith('.wijkweb')) throw new AppException('cli.geen-wijkweb-extensie');
  return resolve(cwd, p);
}

/** Runs one CLI command; returns the exit code. Never throws: every error becomes a Dutch message on stderr. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let language: Language = 'nl';
  try {
    const parsed = parseArgs(argv);
    const taal = parsed.flags.get('taal');
    if (taal === 'en' || taal === 'nl') language = taal;
    const command = parsed.positional[0];
    if (!command || command === 'help' || parsed.flags.has('help')) {
      io.stdout(HELP);
      return command || parsed.flags.has('help') ? 0 : 1;
    }
    const fs = io.fs ?? nodeFs;
    const now = io.now ?? (() => new Date());
    const SQL = await loadSqlJs();
    const store = createFileStore({
      fs,
      backupRoot: backupRootIn(defaultDataDir(io.env ?? process.env)),
      now,
      verify: (bytes) => checkProjectBytes(SQL, bytes),
    });
    const service = createProjectService({ SQL, now: () => now().toISOString() });

    switch (command) {
      case 'new': {
        const path = projectPathArg(parsed, io.cwd);
        const naamFlag = parsed.flags.get('naam');
        const naam = typeof naamFlag === 'string' ? naamFlag : basename(path).replace(/\.wijkweb$/i, '');
        if (!projectNameSchema.safeParse(naam).success) throw new AppException('project.naam-ongeldig');
        unwrap(await service.createProject(naam));
        const bytes = unwrap(await service.exportProject());
        await store.create(path, bytes, parsed.flags.has('overschrijven'));
        io.stdout(`Project ‘${naam}’ gemaakt: ${path}\n`);
        return 0;
      }
      case 'info': {
        const path = projectPathArg(parsed, io.cwd);
        const opened = unwrap(await service.openProject(await store.read(path), basename(path)));
        const o = opened.overview;
        if (parsed.flags.has('json')) {
          io.stdout(
            JSON.stringify(
              {
                app: 'wijkweb',
                naam: o.naam,
                schemaVersion: o.schemaVersion,
                migratedFrom: opened.migratedFrom,
                aangemaakt: o.aangemaakt,
                gewijzigd: o.gewijzigd,
                counts: o.counts,
                bronnen: o.bronnen,
              },
              null,
              2,
            ) + '\n',
          );
        } else {
          const lines = [
            `Project: ${o.naam}`,
            `Bestandsversie: ${o.schemaVersion}${opened.migratedFrom !== null ? ` (in het bestand: ${opened.migratedFrom}; wordt bijgewerkt bij opslaan in de app)` : ''}`,
            `Gemaakt: ${o.aangemaakt}   Gewijzigd: ${o.gewijzigd}`,
            '',
            'Aantallen:',
            ...Object.entries(o.counts).map(([k, v]) => `  ${formatMessage(language, `telling.${k}`).padEnd(40)} ${v}`),
            '',
            o.bronnen.length === 0 ? 'Bronnen: nog geen.' : 'Bronnen:',
            ...o.bronnen.map(
              (b) =>
                `  ${b.geimporteerdOp}  ${b.soort.padEnd(10)} ${b.bestandsnaam ?? '-'}  (${b.rijenGeimporteerd} rijen)`,
            ),
          ];
          io.stdout(lines.join('\n') + '\n');
        }
        return 0;
      }
      case 'export': {
        const path = projectPathArg(parsed, io.cwd);
        const table = parsed.positional[2];
        if (!table)
          throw new AppException('cli.argument-ontbreekt', { wat: `de tabel (${EXPORT_TABLE_NAMES.join(', ')})` });
        if (!(EXPORT_TABLE_NAMES as readonly string[]).includes(table)) {
          throw new AppException('export.onbekende-tabel', { tabel: table, tabellen: EXPORT_TABLE_NAMES.join(', ') });
        }
        const format = parsed.flags.get('format') ?? 'csv';
        if (format !== 'csv' && format !== 'json')
          throw new AppException('export.onbekend-formaat', { formaat: String(format) });
        unwrap(await service.openProject(await store.read(path), basename(path)));
        const data = unwrap(await service.exportTable(table as ExportTableName));
        const text = format === 'csv' ? toCsv(data) : JSON.stringify(toJsonRows(data), null, 2) + '\n';
        const out = parsed.flags.get('out');
        if (typeof out === 'string') {
          await atomicWrite(fs, resolve(io.cwd, out), new TextEncoder().encode(text));
          io.stderr(`${data.rows.length} rijen geschreven naar ${resolve(io.cwd, out)}\n`);
        } else {
          io.stdout(text);
        }
        return 0;
      }
      default:
        throw new AppException('cli.gebruik');
    }
  } catch (err) {
    const error = toAppError(err);
    io.stderr(`Fout: ${errorMessage(error, language)}\n`);
    if (error.code === 'intern.onverwacht' && error.detail) io.stderr(`Details: ${error.detail}\n`);
    return error.code === 'intern.onverwacht' ? 2 : 1;
  }
}
