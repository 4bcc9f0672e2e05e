import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ProjectDb } from '../../../../shared/db/connection';
import { assertIncreasing, LATEST_SCHEMA_VERSION, MIGRATIONS, migrate } from '../../../../shared/db/migrations';
import { migration0001 } from '../../../../shared/db/migrations/0001-basis';
import { openProjectDb } from '../../../../shared/db/open';
import { APPLICATION_ID } from '../../../../shared/db/schema-constants';
import { AppException } from '../../../../shared/result';
import { createTestDb, sql } from '../../../helpers/db';

const V1_FIXTURE = new URL('../../../fixtures/project-v1.wijkweb', import.meta.url);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('migrations', () => {
  it('are numbered strictly increasing, starting at 1', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(() => assertIncreasing([migration0001, migration0001])).toThrow();
  });

  it('build a fresh project at the latest version with our application_id, foreign keys on and STRICT tables', async () => {
    const db = await createTestDb();
    expect(db.pragmaNumber('user_version')).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragmaNumber('application_id')).toBe(APPLICATION_ID);
    expect(db.pragmaNumber('foreign_keys')).toBe(1);
    const tables = db.all<{ name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    );
    expect(tables.length).toBeGreaterThanOrEqual(20);
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT(,\s*WITHOUT ROWID)?\s*$/);
    expect(db.all('PRAGMA foreign_key_check')).toEqual([]);
    db.close();
  });

  it('hold every domain table the product needs', async () => {
    const db = await createTestDb();
    const names = new Set(
      db.all<{ name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table'").map((r) => r.name),
    );
    for (const t of [
      'project',
      'bron',
      'gebied',
      'gebied_lid',
      'gebied_alias',
      'indicator',
      'indicator_waarde',
      'meting',
      'taxonomie_item',
      'organisatie',
      'voorziening',
      'voorziening_leefgebied',
      'voorziening_doelgroep',
      'voorziening_werkgebied',
      'relatie',
      'relatie_volume',
      'mapping_profiel',
      'wijziging',
      'weergave',
      'knoop_positie',
      'geometrie',
      'scenario',
      'snapshot',
    ]) {
      expect(names.has(t), t).toBe(true);
    }
    db.close();
  });

  it('upgrade the checked-in version 1 file, keeping its data', async () => {
    const bytes = new Uint8Array(readFileSync(V1_FIXTURE));
    const before = sha(bytes);
    const { db, migratedFrom } = openProjectDb(await sql(), bytes, 'project-v1.wijkweb');
    expect(migratedFrom).toBe(1);
    expect(db.pragmaNumber('user_version')).toBe(LATEST_SCHEMA_VERSION);
    expect(db.value('SELECT naam FROM project')).toBe('Boswinkel (versie 1)');
    expect(db.value('SELECT naam FROM organisatie WHERE id = 1')).toBe('Alifa');
    expect(db.value('SELECT count(*) FROM weergave')).toBe(0);
    expect(sha(bytes)).toBe(before); // the input bytes are never modified
    db.close();
  });

  it('refuse a file from a newer app, before changing anything', async () => {
    const db = await createTestDb();
    db.run(`PRAGMA user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    const bytes = db.export();
    db.close();
    const before = sha(bytes);
    try {
      openProjectDb(await sql(), bytes, 'nieuw.wijkweb');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppException);
      expect((err as AppException).appError).toMatchObject({
        code: 'bestand.nieuwere-versie',
        params: { versie: LATEST_SCHEMA_VERSION + 5, max: LATEST_SCHEMA_VERSION },
      });
    }
    expect(sha(bytes)).toBe(before);
  });

  it('run all pending steps in one transaction: a failing step leaves the file at its old version', async () => {
    const SQL = await sql();
    const db = new ProjectDb(new SQL.Database());
    migrate(db, [migration0001]);
    const broken = [
      migration0001,
      { version: 2, name: 'ok', up: (d: ProjectDb) => d.execScript('CREATE TABLE tijdelijk (x INTEGER) STRICT;') },
      {
        version: 3,
        name: 'kapot',
        up: () => {
          throw new Error('stap 3 mislukt');
        },
      },
    ];
    expect(() => migrate(db, broken)).toThrow('stap 3 mislukt');
    expect(db.pragmaNumber('user_version')).toBe(1);
    expect(db.value("SELECT count(*) FROM sqlite_schema WHERE name = 'tijdelijk'")).toBe(0);
    db.close();
  });
});
