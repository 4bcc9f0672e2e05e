/**
 * The report's sections, in the report's order. A new section: its own file here (`{ id, title, build }`), its entry
 * in this list and in `SECTIES` (model.ts, which the renderer and the CLI read), and its words in
 * `rapport.tekst.*` of shared/i18n/rapport.{nl,en}.json.
 */
import type { SECTIES, SectieSoort } from '../model';
import { bijlagenSectie } from './bijlagen';
import { hiatenSectie } from './hiaten';
import { kerncijfersSectie } from './kerncijfers';
import { metingenSectie } from './metingen';
import { netwerkSectie } from './netwerk';
import { pilotSectie } from './pilot';
import { scenarioSectie } from './scenario';
import type { Sectie } from './types';
import { veranderingenSectie } from './veranderingen';

export type { Sectie, SectieContext, SectieInhoud, Selectie } from './types';

export const SECTIE_REGISTER = [
  pilotSectie,
  kerncijfersSectie,
  metingenSectie,
  netwerkSectie,
  veranderingenSectie,
  hiatenSectie,
  scenarioSectie,
  bijlagenSectie,
] as const;

// SECTIES (model.ts) names the registry's sections in its order: the compiler refuses a section in one but not the
// other, or in another place.
type Ids<T extends readonly Sectie[]> = { readonly [K in keyof T]: T[K] extends Sectie<infer Id> ? Id : never };
type Gelijk<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const zelfdeVolgorde: Gelijk<Ids<typeof SECTIE_REGISTER>, typeof SECTIES> = true;
void zelfdeVolgorde;

const PER_ID = new Map<SectieSoort, Sectie>(SECTIE_REGISTER.map((s) => [s.id, s]));

/** The section with this id. */
export function sectie(id: SectieSoort): Sectie {
  return PER_ID.get(id)!;
}
