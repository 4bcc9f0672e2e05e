import type { ProjectDb } from '../connection';
import { AppException } from '../../result';
import { migration0001 } from './0001-basis';
import { migration0002 } from './0002-werkruimte';
import { migration0003 } from './0003-compacte-cijfers';
import { migration0004 } from './0004-sociale-kaart';
import { migration0005 } from './0005-vaste-nummers';
import { migration0006 } from './0006-meting-uitsluiten';
import { migration0007 } from './0007-pilotmonitor';
import { migration0008 } from './0008-samenwerken';
import { migration0009 } from './0009-team-lijsten';
import type { Migration } from './types';

export type { Migration } from './types';

/** Every migration, in order. Append only. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

export function assertIncreasing(migrations: readonly Migration[]): void {
  let previous = 0;
  for (const m of migrations) {
    if (!Number.isInteger(m.version) || m.version <= previous) {
      throw new Error(`Migrations must have strictly increasing versions: ${m.version} after ${previous}`);
    }
    previous = m.version;
  }
}

export interface MigrationOutcome {
  readonly from: number;
  readonly to: number;
}

/**
 * Brings the database to the latest schema: all pending steps and the new `user_version` in one transaction.
 * A file from a newer app is refused before anything is changed.
 */
export function migrate(db: ProjectDb, migrations: readonly Migration[] = MIGRATIONS): MigrationOutcome {
  assertIncreasing(migrations);
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const from = db.pragmaNumber('user_version');
  if (from > latest) {
    throw new AppException('bestand.nieuwere-versie', { versie: from, max: latest });
  }
  if (from === latest) return { from, to: latest };
  db.transaction(() => {
    for (const m of migrations) {
      if (m.version <= from) continue;
      m.up(db);
    }
    db.run(`PRAGMA user_version = ${latest}`);
  });
  return { from, to: latest };
}
