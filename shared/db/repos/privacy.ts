import type { ProjectDb } from '../connection';
import { privacySchema, STANDAARD_PRIVACY, type PrivacyInstellingen } from '../../report/privacy';

/** The small-count rule of this project (on, below 5, unless changed). */
export function loadPrivacy(db: ProjectDb): PrivacyInstellingen {
  const raw = db.value(`SELECT waarde FROM instelling WHERE sleutel = 'privacy'`);
  if (typeof raw !== 'string') return STANDAARD_PRIVACY;
  const parsed = privacySchema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : STANDAARD_PRIVACY;
}

export function savePrivacy(db: ProjectDb, instellingen: PrivacyInstellingen): void {
  db.run(
    `INSERT INTO instelling (sleutel, waarde) VALUES ('privacy', ?) ON CONFLICT (sleutel) DO UPDATE SET waarde = excluded.waarde`,
    [JSON.stringify(instellingen)],
  );
}
