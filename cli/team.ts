/**
 * Samenwerken on the command line (issue 19): `team delen|deelnemen|sync|status|kies`, `wijzig`, `verwijder` and
 * `export P conflicten`. The Automerge side lives in node/team/; the tables in shared/db/repos/sync.ts.
 */
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import { acquireLock, releaseLock } from '../node/lock';
import { projectNameSchema } from '../shared/service/project-service';
import { naamVan, type CliContext, type Command, type Flags } from './command';
import type { ProjectDb } from '../shared/db/connection';
import type { EntiteitSoort } from '../shared/model/sociale-kaart';
import { AppException, unwrap } from '../shared/result';
import {
  aantalGedeeld,
  chunkBytes,
  listMeldingen,
  listMeldingenMetId,
  lokaalId,
  sleutelVan,
  syncStaat,
  zetSyncStaat,
} from '../shared/db/repos/sync';
import { leesInvoer, VERWIJDERD, type Waarde } from '../shared/sync/model';
import {
  bronnenNaarDocument,
  deelProject,
  kies,
  leesUitnodiging,
  neemDeel,
  openSessie,
  projecteerSessie,
  uitnodigingTekst,
  verwijder,
  wachtOpSync,
  wijzig,
} from '../node/team/client';

export interface TeamCliArgs {
  readonly positional: readonly string[];
  readonly flags: Flags;
  readonly db: () => ProjectDb;
  readonly now: () => string;
  readonly stdout: (text: string) => void;
  /** Opens the project, runs fn, saves when fn returns true. */
  readonly withProject: (fn: () => Promise<boolean>) => Promise<void>;
  /** Makes a new project at the path (for `team deelnemen`), opened, then runs fn and saves. */
  readonly newProject: (fn: () => Promise<void>) => Promise<void>;
  /** Opens the project without saving. */
  readonly readProject: () => Promise<void>;
}

const SYNC_TIMEOUT_MS = 60_000;

function lidNaam(db: ProjectDb, flags: Flags): string {
  const f = flags.get('lid');
  if (typeof f === 'string' && f.trim()) return f.trim();
  const opgeslagen = syncStaat(db, 'lid');
  if (opgeslagen) return opgeslagen;
  try {
    return userInfo().username || 'onbekend';
  } catch {
    return 'onbekend';
  }
}

/** `organisatie:12` → kind and local id. */
export function leesItemRef(tekst: string | undefined): { soort: EntiteitSoort; id: number } {
  const m = /^(organisatie|voorziening|relatie):(\d+)$/.exec(tekst ?? '');
  if (!m) throw new AppException('cli.argument-ontbreekt', { wat: 'het item, bijvoorbeeld organisatie:12' });
  return { soort: m[1] as EntiteitSoort, id: Number(m[2]) };
}

function sleutel(db: ProjectDb, soort: EntiteitSoort, id: number): string {
  const k = sleutelVan(db, soort, id);
  if (!k) throw new AppException('item.niet-gevonden', { soort, id });
  return k;
}

/** The review list with local ids and names, for `export P conflicten` and `team status`. */
export const conflictenLijst = listMeldingenMetId;

async function delenTeam(a: TeamCliArgs): Promise<number> {
  const server = a.flags.get('server');
  if (typeof server !== 'string' || !/^wss?:\/\//.test(server))
    throw new AppException('cli.argument-ontbreekt', {
      wat: 'de server, bijvoorbeeld --server wss://wijkweb.gemeente.nl',
    });
  await a.withProject(async () => {
    const db = a.db();
    const { uitnodiging, sessie } = await deelProject({
      db: a.db,
      server,
      lid: lidNaam(db, a.flags),
      now: a.now(),
    });
    zetSyncStaat(db, 'gesynchroniseerd', a.now());
    await sessie.close();
    a.stdout(
      `Gedeeld met het team op ${uitnodiging.server}.\n` +
        `Document: ${uitnodiging.document}\nToken: ${uitnodiging.token}\n` +
        `Uitnodiging (geef die alleen aan je team):\n${uitnodigingTekst(uitnodiging)}\n`,
    );
    return true;
  });
  return 0;
}

async function deelnemenTeam(a: TeamCliArgs): Promise<number> {
  const tekst = a.positional[3];
  if (!tekst) throw new AppException('cli.argument-ontbreekt', { wat: 'de uitnodiging' });
  const uitnodiging = leesUitnodiging(tekst);
  await a.newProject(async () => {
    const db = a.db();
    const sessie = await neemDeel({ db: a.db, uitnodiging, lid: lidNaam(db, a.flags), now: a.now() });
    const klaar = await wachtOpSync(sessie, SYNC_TIMEOUT_MS);
    projecteerSessie(db, sessie.handle, a.now());
    if (klaar) zetSyncStaat(db, 'gesynchroniseerd', a.now());
    await sessie.close();
    a.stdout(`Deelgenomen aan het team op ${uitnodiging.server}: ${tellingen(db)}.\n`);
  });
  return 0;
}

async function syncTeam(a: TeamCliArgs): Promise<number> {
  let uit = '';
  await a.withProject(async () => {
    const db = a.db();
    const sessie = await openSessie({ db: a.db, online: true, timeoutMs: 10_000 });
    try {
      bronnenNaarDocument(db, sessie.handle, lidNaam(db, a.flags));
      const klaar = await wachtOpSync(sessie, SYNC_TIMEOUT_MS);
      const p = projecteerSessie(db, sessie.handle, a.now());
      if (!klaar) throw new AppException('team.niet-gesynchroniseerd', { server: syncStaat(db, 'server') ?? '' });
      zetSyncStaat(db, 'gesynchroniseerd', a.now());
      const n = listMeldingen(db).length;
      uit =
        `Gesynchroniseerd met ${syncStaat(db, 'server')}: ${p ? `${p.bijgewerkt} bijgewerkt, ${p.verwijderd} verwijderd` : 'niets nieuws'}; ` +
        `${tellingen(db)}; ${n} ${n === 1 ? 'wijziging' : 'wijzigingen'} om na te kijken.\n`;
    } finally {
      await sessie.close();
    }
    return true;
  });
  a.stdout(uit);
  return 0;
}

async function statusTeam(a: TeamCliArgs): Promise<number> {
  await a.readProject();
  const db = a.db();
  const document = syncStaat(db, 'document');
  const status = {
    gedeeld: document !== null,
    server: syncStaat(db, 'server'),
    document,
    lid: syncStaat(db, 'lid'),
    laatstGesynchroniseerd: syncStaat(db, 'gesynchroniseerd'),
    omNaTeKijken: listMeldingen(db).length,
    documentBytes: chunkBytes(db),
  };
  if (a.flags.has('json')) a.stdout(JSON.stringify(status, null, 2) + '\n');
  else if (!status.gedeeld) a.stdout('Dit project is niet gedeeld met een team.\n');
  else
    a.stdout(
      `Gedeeld met ${status.server} (document ${status.document}) als ${status.lid}.\n` +
        `Laatst gesynchroniseerd: ${status.laatstGesynchroniseerd ?? 'nog nooit'}.\n` +
        `Wijzigingen om na te kijken: ${status.omNaTeKijken}.\n`,
    );
  return 0;
}

async function kiesTeam(a: TeamCliArgs): Promise<number> {
  const ref = leesItemRef(a.positional[3]);
  const veld = a.positional[4];
  const keuze = Number(a.positional[5]);
  if (!veld || !Number.isInteger(keuze) || keuze < 0)
    throw new AppException('cli.argument-ontbreekt', {
      wat: 'het veld en het nummer van de gekozen waarde (0, 1, …)',
    });
  await a.withProject(async () => {
    const db = a.db();
    const sessie = await openSessie({ db: a.db, online: false });
    try {
      kies(db, sessie.handle, ref.soort, sleutel(db, ref.soort, ref.id), veld, keuze, lidNaam(db, a.flags), a.now());
    } finally {
      await sessie.close();
    }
    a.stdout(`Gekozen: ${ref.soort} ${ref.id}, ${veld}. Synchroniseer om het team het te laten zien.\n`);
    return true;
  });
  return 0;
}

function tellingen(db: ProjectDb): string {
  const n = (soort: EntiteitSoort) => aantalGedeeld(db, soort);
  return `${n('organisatie')} organisaties, ${n('voorziening')} voorzieningen, ${n('relatie')} relaties`;
}

/** `wijzig P organisatie:ID veld=waarde …` (`organisatie:nieuw` makes one) and `verwijder P organisatie:ID`. */
async function wijzigCommand(a: TeamCliArgs, verwijderen: boolean): Promise<number> {
  const tekst = a.positional[2];
  const nieuw = /^(organisatie|voorziening|relatie):nieuw$/.exec(tekst ?? '');
  const ref = nieuw ? { soort: nieuw[1] as EntiteitSoort, id: -1 } : leesItemRef(tekst);
  const paren = a.positional.slice(3);
  if (!verwijderen && paren.length === 0) throw new AppException('cli.argument-ontbreekt', { wat: 'veld=waarde' });
  let uit = '';
  await a.withProject(async () => {
    const db = a.db();
    if (!syncStaat(db, 'document')) throw new AppException('team.niet-gedeeld');
    const sessie = await openSessie({ db: a.db, online: false });
    try {
      const lid = lidNaam(db, a.flags);
      if (verwijderen) {
        verwijder(db, sessie.handle, ref.soort, sleutel(db, ref.soort, ref.id), lid, a.now());
        uit = `Verwijderd: ${ref.soort} ${ref.id}.\n`;
      } else {
        const velden: Record<string, Waarde> = {};
        for (const paar of paren) {
          const i = paar.indexOf('=');
          if (i <= 0) throw new AppException('cli.argument-ontbreekt', { wat: `veld=waarde (niet ‘${paar}’)` });
          const veld = paar.slice(0, i);
          if (veld === VERWIJDERD && paar.slice(i + 1) === '') {
            velden[veld] = null;
            continue;
          }
          const r = leesInvoer(ref.soort, veld, paar.slice(i + 1), (s, id) => sleutelVan(db, s, id));
          if (!r.ok) throw new AppException('team.waarde-ongeldig', { reden: r.reden });
          velden[veld] = r.w;
        }
        const k = wijzig(
          db,
          sessie.handle,
          { soort: ref.soort, sleutel: nieuw ? null : sleutel(db, ref.soort, ref.id), velden },
          lid,
          a.now(),
        );
        uit = `Gewijzigd: ${ref.soort} ${lokaalId(db, ref.soort, k) ?? '?'} (${Object.keys(velden).join(', ')}).\n`;
      }
    } finally {
      await sessie.close();
    }
    return true;
  });
  a.stdout(uit);
  return 0;
}

/** The team commands' arguments from the CLI's context; the project file is `positional[index]`. */
function teamArgs(c: CliContext, index: number): TeamCliArgs {
  const path = c.projectPath(index);
  const { service, store, lock, flags } = c;
  return {
    positional: c.positional,
    flags,
    db: () => {
      const d = service.currentDb();
      if (!d) throw new AppException('project.geen-project-open');
      return d;
    },
    now: () => c.now().toISOString(),
    stdout: c.io.stdout,
    withProject: (fn) => c.withProject(path, fn),
    readProject: async () => {
      unwrap(await service.openProject(await store.read(path), basename(path)));
    },
    newProject: async (fn) => {
      const naam = naamVan(flags, path);
      if (!projectNameSchema.safeParse(naam).success) throw new AppException('project.naam-ongeldig');
      const lockt = await acquireLock(lock, path);
      if (!lockt.acquired) throw new AppException('bestand.in-gebruik-overschrijven', { bestand: basename(path) });
      try {
        unwrap(await service.createProject(naam));
        await fn();
        await store.create(path, unwrap(await service.exportProject()), flags.has('overschrijven'));
      } finally {
        await releaseLock(lock, path);
      }
    },
  };
}

const LID = { lid: { type: 'string' } } as const;

export const TEAM_COMMANDS: readonly Command[] = [
  {
    name: 'team delen',
    help: `team delen P.wijkweb --server wss://HOST[:POORT] [--lid NAAM]
Deelt de sociale kaart van het project met een team via de teamserver van de gemeente. Toont de uitnodiging
(server, document en token): geef die alleen aan je team.`,
    options: { server: { type: 'string' }, ...LID },
    blankBefore: true,
    run: (c) => delenTeam(teamArgs(c, 2)),
  },
  {
    name: 'team deelnemen',
    help: `team deelnemen P.wijkweb UITNODIGING [--lid NAAM] [--naam NAAM] [--overschrijven]
Maakt een nieuw project P dat meedoet met het team van de uitnodiging.`,
    options: { ...LID, naam: { type: 'string' }, overschrijven: { type: 'boolean' } },
    run: (c) => deelnemenTeam(teamArgs(c, 2)),
  },
  {
    name: 'team sync',
    help: `team sync P.wijkweb [--lid NAAM]
Wisselt wijzigingen uit met de teamserver tot beide kanten alles van elkaar hebben, en slaat het project op.`,
    options: LID,
    run: (c) => syncTeam(teamArgs(c, 2)),
  },
  {
    name: 'team status',
    help: `team status P.wijkweb [--json]
Toont met wie het project gedeeld is, wanneer het laatst gesynchroniseerd is en hoeveel er na te kijken is.`,
    options: { json: { type: 'boolean' } },
    run: (c) => statusTeam(teamArgs(c, 2)),
  },
  {
    name: 'team kies',
    help: `team kies P.wijkweb organisatie:ID VELD NUMMER [--lid NAAM]
Kiest bij een conflict de waarde met dit nummer (0 is de getoonde; zie export P conflicten).`,
    options: LID,
    run: (c) => kiesTeam(teamArgs(c, 2)),
  },
  {
    name: 'wijzig',
    help: 'wijzig P.wijkweb organisatie:ID veld=waarde [veld=waarde …] [--lid NAAM]   (ook voorziening:, relatie:, organisatie:nieuw)',
    options: LID,
    run: (c) => wijzigCommand(teamArgs(c, 1), false),
  },
  {
    name: 'verwijder',
    help: `verwijder P.wijkweb organisatie:ID [--lid NAAM]
Wijzigt of verwijdert een item van een gedeeld project (één stap ongedaan maken); het team ziet het na team sync.`,
    options: LID,
    run: (c) => wijzigCommand(teamArgs(c, 1), true),
  },
];
