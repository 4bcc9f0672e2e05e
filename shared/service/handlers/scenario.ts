/** The pilot plan's savings scenario: computed from the counts, saved under a name. */
import type { Changed, Scenario, ScenarioParameters, ScenarioUitkomst } from '../../contract';
import { scenarioSchema } from '../../analysis/hiaten-schema';
import { berekenScenario as bereken } from '../../analysis/scenario';
import { loadHiatenInput, loadHiatenInstellingen } from '../../db/repos/hiaten';
import * as scenarios from '../../db/repos/scenarios';
import type { Result } from '../../result';
import { guard, mutate, mutating, ongeldig, reading, requireDb, type ServiceContext } from '../app';

/** With a peildatum: per measure the newest count on or before it (as the Hiaten view); else the newest. */
export async function berekenScenario(
  ctx: ServiceContext,
  parameters: ScenarioParameters,
  opties: { peildatum?: string } = {},
): Promise<Result<ScenarioUitkomst>> {
  const parsed = scenarioSchema.safeParse(parameters);
  if (!parsed.success) return ongeldig(parsed.error);
  return guard(() => {
    const d = requireDb(ctx);
    const peildatum = opties.peildatum && /^\d{4}-\d{2}-\d{2}$/.test(opties.peildatum) ? opties.peildatum : undefined;
    return bereken(loadHiatenInput(d, loadHiatenInstellingen(d), undefined, peildatum), parsed.data);
  });
}

export const listScenarios = reading((ctx): Scenario[] => scenarios.listScenarios(requireDb(ctx)));

export async function saveScenario(
  ctx: ServiceContext,
  id: number | null,
  naam: string,
  parameters: ScenarioParameters,
): Promise<Result<Changed<Scenario>>> {
  const parsed = scenarioSchema.safeParse(parameters);
  if (!parsed.success) return ongeldig(parsed.error);
  return mutate(ctx, `Scenario ‘${naam.trim()}’ ${id === null ? 'bewaard' : 'gewijzigd'}`, (d, tijd): Scenario =>
    scenarios.saveScenario(d, id, naam, parsed.data, tijd),
  );
}

export const deleteScenario = mutating('Scenario verwijderd', (d, _tijd, id: number): number =>
  scenarios.deleteScenario(d, id),
);
