import { onTestFinished } from 'vitest';
import type { ProjectDb } from '../../shared/db/connection';
import { listOrganisaties, listRelaties, listVoorzieningen } from '../../shared/db/repos/sociale-kaart';
import { listMeldingen } from '../../shared/db/repos/sync';
import { startTeamServer, type TeamServer } from '../../node/team-server';
import { tmpDir } from './tmp';
import { createTestDb } from './db';
import { openSessie, type Sessie } from '../../node/team/client';

export async function server(
  opslag?: string,
  port = 0,
): Promise<{ server: TeamServer; opslag: string; url: string; log: string[] }> {
  const t = opslag ? null : tmpDir('wijkweb-team-');
  const dir = opslag ?? t!.dir;
  const log: string[] = [];
  const s = await startTeamServer({ port, opslag: dir, log: (r) => log.push(r) });
  // The server first (its storage writes on a timer: a write into a folder already removed was an unhandled
  // rejection), then its folder. Closing a server the test closed already does nothing.
  onTestFinished(async () => {
    await s.close().catch(() => {});
    t?.cleanup();
  });
  return { server: s, opslag: dir, url: `ws://127.0.0.1:${s.port}`, log };
}

export interface Lid {
  readonly naam: string;
  db: ProjectDb;
  sessie: Sessie | null;
}

export async function lid(naam: string): Promise<Lid> {
  return { naam, db: await createTestDb(`Project ${naam}`), sessie: null };
}

export async function verbind(l: Lid): Promise<Sessie> {
  if (l.sessie) await l.sessie.close();
  l.sessie = await openSessie({ db: () => l.db, online: true, retryMs: 200, timeoutMs: 10_000 });
  return l.sessie;
}

export async function offline(l: Lid): Promise<void> {
  if (l.sessie) await l.sessie.close();
  l.sessie = await openSessie({ db: () => l.db, online: false });
}

/** The sociale kaart as a member sees it, without local ids and times: equal on every member after a sync. */
export function dump(db: ProjectDb) {
  const orgs = listOrganisaties(db);
  const orgNaam = new Map(orgs.map((o) => [o.id, o.naam]));
  return {
    organisaties: orgs
      .map(({ id: _i, gewijzigd: _g, aantalVoorzieningen: _v, aantalRelaties: _r, ...o }) => o)
      .sort((a, b) => a.naam.localeCompare(b.naam)),
    voorzieningen: listVoorzieningen(db)
      .map(({ id: _i, gewijzigd: _g, organisatieId, ...v }) => ({
        ...v,
        organisatie: organisatieId === null ? null : orgNaam.get(organisatieId),
      }))
      .sort((a, b) => a.naam.localeCompare(b.naam)),
    relaties: listRelaties(db)
      .map((r) => `${r.soort}:${r.van.naam}->${r.naar.naam}:${r.totaal ?? ''}`)
      .sort(),
    meldingen: listMeldingen(db)
      .map((m) => `${m.soort}:${m.veld}:${m.melding}`)
      .sort(),
  };
}
