/** The pilotmonitor (issue 18): the pilot's settings, its goals, tallies entered by hand and capacity. */
import type {
  CapaciteitInvoer,
  CapaciteitRegel,
  Changed,
  Doel,
  DoelInvoer,
  PilotInstellingen,
  PilotMonitor,
  TellingInvoer,
} from '../../contract';
import { capaciteitSchema, doelSchema, eersteProbleem, pilotSchema, tellingSchema } from '../../analysis/pilot-schema';
import * as pilot from '../../db/repos/pilot';
import { standaardDoelen } from '../../model/pilot';
import { AppException, fail, type Result } from '../../result';
import { mutate, mutating, reading, requireDb, type ServiceContext } from '../app';

/** The goals with their status, the afhandeling, costs, initiatives, capacity and evaluation questions at a date
 * (default: the newest date of the monitor's data). */
export const getPilotmonitor = reading((ctx, opties: { peildatum?: string; taal?: 'nl' | 'en' } = {}): PilotMonitor => {
  const d = requireDb(ctx);
  const vandaag = ctx.now().slice(0, 10);
  const gevraagd = opties.peildatum && /^\d{4}-\d{2}-\d{2}$/.test(opties.peildatum) ? opties.peildatum : null;
  return pilot.buildPilotMonitor(d, gevraagd ?? pilot.standaardPeildatum(d, vandaag) ?? vandaag, opties.taal ?? 'nl');
});

export const getPilot = reading((ctx): PilotInstellingen => pilot.loadPilot(requireDb(ctx)));

export async function savePilot(
  ctx: ServiceContext,
  instellingen: PilotInstellingen,
): Promise<Result<Changed<PilotInstellingen>>> {
  const parsed = pilotSchema.safeParse(instellingen);
  if (!parsed.success) return fail('invoer.ongeldig', eersteProbleem(parsed.error));
  return mutate(ctx, 'Gegevens van de pilot gewijzigd', (d): PilotInstellingen => {
    pilot.savePilot(d, parsed.data);
    return pilot.loadPilot(d);
  });
}

export const listDoelen = reading((ctx): Doel[] => pilot.listDoelen(requireDb(ctx)));

export async function saveDoel(
  ctx: ServiceContext,
  id: number | null,
  doel: DoelInvoer,
): Promise<Result<Changed<Doel>>> {
  const parsed = doelSchema.safeParse(doel);
  if (!parsed.success) return fail('invoer.ongeldig', eersteProbleem(parsed.error));
  return mutate(ctx, `Doel ‘${parsed.data.naam}’ ${id === null ? 'toegevoegd' : 'gewijzigd'}`, (d, tijd): Doel =>
    pilot.saveDoel(d, id, parsed.data, tijd),
  );
}

export const deleteDoel = mutating('Doel verwijderd', (d, _tijd, id: number): number => pilot.deleteDoel(d, id));

/** Adds the pilot plan's success criteria as goals for the pilot's gebied and start (one undo step). */
export const addStandaardDoelen = mutating('Doelen van het pilotplan toegevoegd', (d, tijd): number => {
  const p = pilot.loadPilot(d);
  if (!p.gebied || !p.start) throw new AppException('pilot.onvolledig', {});
  const doelen = standaardDoelen(p.gebied, p.start);
  for (const doel of doelen) pilot.saveDoel(d, null, doel, tijd);
  return doelen.length;
});

/** A tally entered by hand (afhandeling per category, kosten, tevredenheid, meldingen): one undo step. */
export async function saveTelling(ctx: ServiceContext, telling: TellingInvoer): Promise<Result<Changed<number>>> {
  const parsed = tellingSchema.safeParse(telling);
  if (!parsed.success) return fail('invoer.ongeldig', eersteProbleem(parsed.error));
  return mutate(ctx, 'Telling ingevoerd', (d, tijd): number => pilot.saveTelling(d, parsed.data, tijd));
}

export const listCapaciteit = reading((ctx): CapaciteitRegel[] => pilot.listCapaciteit(requireDb(ctx)));

export async function saveCapaciteit(
  ctx: ServiceContext,
  regels: readonly CapaciteitInvoer[],
): Promise<Result<Changed<number>>> {
  const parsed = capaciteitSchema.safeParse(regels);
  if (!parsed.success) return fail('invoer.ongeldig', eersteProbleem(parsed.error));
  return mutate(ctx, 'Capaciteit ingevoerd', (d): number => pilot.saveCapaciteit(d, parsed.data));
}

export const deleteCapaciteit = mutating('Capaciteit verwijderd', (d, _tijd, id: number): number =>
  pilot.deleteCapaciteit(d, id),
);
