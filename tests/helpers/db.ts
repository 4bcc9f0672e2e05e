import { createHash } from 'node:crypto';
import type { SqlJsStatic } from 'sql.js';
import { loadSqlJs } from '../../node/sqljs';
import { createProjectDb } from '../../shared/db/open';
import type { ProjectDb } from '../../shared/db/connection';

export const FIXED_NOW = '2026-11-23T12:00:00.000Z';

export async function sha256(bytes: Uint8Array): Promise<string> {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function sql(): Promise<SqlJsStatic> {
  return loadSqlJs();
}

/** A real, empty project database at the latest schema. */
export async function createTestDb(naam = 'Testproject'): Promise<ProjectDb> {
  return createProjectDb(await sql(), naam, FIXED_NOW, '0.0.0-test');
}

/** Bytes of a real, empty project file. */
export async function projectBytes(naam = 'Testproject'): Promise<Uint8Array> {
  const db = await createTestDb(naam);
  try {
    return db.export();
  } finally {
    db.close();
  }
}
