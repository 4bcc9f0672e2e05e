/** Samenwerken (issue 19): sharing the sociale kaart with a team, its connection and its review list. */
import type { Changed, TeamBron, TeamMelding, TeamSoort, TeamStatus } from '../../contract';
import { touchProject } from '../../db/repos/project';
import { fail, type Result } from '../../result';
import { busyImport, changedAfter, guard, guardAsync, reading, requireDb, type ServiceContext } from '../app';

/** Shared or not, the connection, waiting changes, who is online, the review count; `revisie` rises with remote changes. */
export const getTeamStatus = reading((ctx): TeamStatus => ctx.team.status());

/** Shares the open project's sociale kaart with a team on the gemeente's server (ws:// or wss://). */
export async function shareTeam(ctx: ServiceContext, server: string, lid: string): Promise<Result<TeamStatus>> {
  const busy = busyImport<TeamStatus>(ctx);
  if (busy) return busy;
  return guardAsync(async () => {
    requireDb(ctx);
    const status = await ctx.team.share(server, lid);
    ctx.revision++;
    return status;
  });
}

/** Reads an invite and asks its server whether it lets it in (before a new project is made for it); no project needed. */
export async function checkTeamUitnodiging(ctx: ServiceContext, uitnodiging: string): Promise<Result<true>> {
  return guardAsync(async () => {
    await ctx.team.check(uitnodiging);
    return true as const;
  });
}

/** The open (new, empty) project joins the team of the invite: the team's sociale kaart is fetched. */
export async function joinTeam(
  ctx: ServiceContext,
  uitnodiging: string,
  lid: string,
): Promise<Result<Changed<TeamStatus>>> {
  const busy = busyImport<Changed<TeamStatus>>(ctx);
  if (busy) return busy;
  return guardAsync(async () => {
    requireDb(ctx);
    const status = await ctx.team.join(uitnodiging, lid);
    ctx.revision++;
    return changedAfter(ctx, status);
  });
}

/** Tries the server again now. */
export async function reconnectTeam(ctx: ServiceContext): Promise<Result<TeamStatus>> {
  return guardAsync(() => ctx.team.reconnect());
}

/** "Wijzigingen om na te kijken": concurrent values of one field, links with a deleted end, items not shown. */
export const listTeamMeldingen = reading((ctx): TeamMelding[] => ctx.team.meldingen());

/** The team's imported files (the figures stay with each member): each version with who has it. */
export const listTeamBronnen = reading((ctx): TeamBron[] => ctx.team.bronnen());

/** Settles a review entry: the value at `keuze` (0 = the one shown) as a change for the whole team. */
export async function chooseTeamWaarde(
  ctx: ServiceContext,
  soort: TeamSoort,
  sleutel: string,
  veld: string,
  keuze: number,
): Promise<Result<Changed<number>>> {
  if (ctx.importing) return fail('import.al-bezig');
  return guard(() => {
    ctx.team.choose(soort, sleutel, veld, keuze);
    touchProject(requireDb(ctx), ctx.now());
    ctx.revision++;
    return changedAfter(ctx, keuze);
  });
}
