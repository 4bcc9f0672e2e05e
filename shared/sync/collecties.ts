import type { ProjectDb } from '../db/connection';
import { deleteDoel, listDoelen, saveDoel } from '../db/repos/pilot';
import { deleteScenario, listScenarios, saveScenario } from '../db/repos/scenarios';
import { doelSchema } from '../analysis/pilot-schema';
import { scenarioSchema } from '../analysis/hiaten-schema';
import { AppException } from '../result';
import type { EenvoudigeSoort, Waarde } from './model';

/**
 * The kinds the team shares that refer to no other item (issue 19): the Pilotmonitor's goals and the saved
 * scenarios. Each: its rows as document values, and a value from the document saved through its repo (checked as the
 * app checks a form: a teammate's item that this project cannot hold becomes a review entry, never a crash).
 */
export interface EenvoudigeCollectie {
  readonly soort: EenvoudigeSoort;
  lijst(db: ProjectDb): { id: number; waarden: Record<string, Waarde> }[];
  bewaar(db: ProjectDb, id: number | null, waarden: Record<string, Waarde>, now: string): number;
  verwijder(db: ProjectDb, id: number): void;
}

const DOEL_KOLOMMEN = [
  'naam',
  'criterium',
  'maat',
  'gebied',
  'wet',
  'richting',
  'basisWaarde',
  'basisVan',
  'basisTot',
  'doelWaarde',
  'deadline',
  'marge',
  'toelichting',
  'volgorde',
] as const;

const ongeldig = (veld: string) => new AppException('invoer.ongeldig', { veld, code: 'ongeldig' });

export const EENVOUDIGE_COLLECTIES: Readonly<Record<EenvoudigeSoort, EenvoudigeCollectie>> = {
  doel: {
    soort: 'doel',
    lijst: (db) =>
      listDoelen(db).map((d) => ({
        id: d.id,
        waarden: Object.fromEntries(DOEL_KOLOMMEN.map((k) => [k, d[k] as Waarde])),
      })),
    bewaar(db, id, waarden, now) {
      const parsed = doelSchema.safeParse(waarden);
      if (!parsed.success) throw ongeldig(String(parsed.error.issues[0]?.path[0] ?? 'doel'));
      return saveDoel(db, id, parsed.data, now).id;
    },
    verwijder: (db, id) => void deleteDoel(db, id),
  },
  scenario: {
    soort: 'scenario',
    lijst: (db) =>
      listScenarios(db).map((s) => ({ id: s.id, waarden: { naam: s.naam, parameters: JSON.stringify(s.parameters) } })),
    bewaar(db, id, waarden, now) {
      let parameters: unknown;
      try {
        parameters = JSON.parse(String(waarden.parameters ?? ''));
      } catch {
        throw ongeldig('parameters');
      }
      const parsed = scenarioSchema.safeParse(parameters);
      if (!parsed.success) throw ongeldig('parameters');
      return saveScenario(db, id, String(waarden.naam ?? ''), parsed.data, now).id;
    },
    verwijder: (db, id) => void deleteScenario(db, id),
  },
};
