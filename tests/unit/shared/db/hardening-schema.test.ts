import { describe, expect, it } from 'vitest';
import { openProjectDb } from '../../../../shared/db/open';
import { MIGRATIONS, LATEST_SCHEMA_VERSION } from '../../../../shared/db/migrations';
import { expectedSchema, schemaDifferences, schemaOf } from '../../../../shared/db/schema-check';
import { ProjectDb } from '../../../../shared/db/connection';
import { AppException } from '../../../../shared/result';
import { errorMessage } from '../../../../shared/i18n/messages';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, cliDir } from '../../../helpers/cli';
import { projectBytes, sql } from '../../../helpers/db';

/** Issue 15.5 and 15.6: a project file must hold exactly Wijkweb's schema for its version. */

/** A real project file, changed with SQL as someone else's program (or a hostile sender) could. */
async function tampered(sqlText: string): Promise<Uint8Array> {
  const SQL = await sql();
  const db = new SQL.Database(await projectBytes());
  db.run(sqlText);
  const bytes = db.export();
  db.close();
  return bytes;
}

async function refusal(bytes: Uint8Array): Promise<{ code: string; text: string }> {
  try {
    openProjectDb(await sql(), bytes, 'van-iemand.wijkweb').db.close();
  } catch (err) {
    expect(err).toBeInstanceOf(AppException);
    const e = (err as AppException).appError;
    return { code: e.code, text: errorMessage(e) };
  }
  throw new Error('opened');
}

describe('foreign schema objects are refused on open', () => {
  it('a trigger that deletes every relatie on each write', async () => {
    const r = await refusal(
      await tampered('CREATE TRIGGER wis_relaties AFTER INSERT ON organisatie BEGIN DELETE FROM relatie; END'),
    );
    expect(r.code).toBe('bestand.vreemd-schema');
    expect(r.text).toContain('‘van-iemand.wijkweb’');
    expect(r.text).toContain('niet door Wijkweb gemaakt of is beschadigd');
    expect(r.text).toContain('trigger ‘wis_relaties’');
  });

  it('a view, an extra table, an extra index, a missing index, a table with other SQL', async () => {
    const SQL = await sql();
    const own = schemaOf(new ProjectDb(new SQL.Database(await projectBytes())));
    const ownIndex = own.find((o) => o.type === 'index' && o.sql !== null)!;
    const cases = [
      ['CREATE VIEW v AS SELECT 1', 'view ‘v’'],
      ['CREATE TABLE extra (x)', 'table ‘extra’'],
      ['CREATE INDEX extra_idx ON organisatie (naam)', 'index ‘extra_idx’'],
      [`DROP INDEX "${ownIndex.name}"`, `index ‘${ownIndex.name}’`],
    ] as const;
    for (const [statement, named] of cases) {
      const r = await refusal(await tampered(statement));
      expect(r.code, statement).toBe('bestand.vreemd-schema');
      expect(r.text, statement).toContain(named);
    }
    // The same name with other SQL: a table with an extra column.
    const r = await refusal(await tampered('ALTER TABLE organisatie ADD COLUMN geheim TEXT'));
    expect(r.text).toContain('table ‘organisatie’');
  });

  it('a trigger slipped in under an internal sqlite_ name through writable_schema', async () => {
    const r = await refusal(
      await tampered(
        `PRAGMA writable_schema = ON;
         INSERT INTO sqlite_master (type, name, tbl_name, rootpage, sql) VALUES ('trigger', 'sqlite_wis', 'organisatie', 0,
           'CREATE TRIGGER sqlite_wis AFTER INSERT ON organisatie BEGIN DELETE FROM relatie; END');
         PRAGMA writable_schema = OFF;`,
      ),
    );
    expect(['bestand.vreemd-schema', 'bestand.beschadigd']).toContain(r.code);
  });

  it('a file of version 1 with a newer schema, or a negative version: "beschadigd", never "already exists"', async () => {
    for (const v of [1, 3, -1, -2147483648]) {
      const r = await refusal(await tampered(`PRAGMA user_version = ${v}`));
      expect(r.code, String(v)).toBe('bestand.vreemd-schema');
      expect(r.text).not.toMatch(/already exists/);
    }
  });

  it('the CLI says it in Dutch with exit 1, not an internal error (exit 2)', async () => {
    const dir = cliDir();
    const path = join(dir, 'Vreemd.wijkweb');
    writeFileSync(path, await tampered('PRAGMA user_version = 1'));
    const r = await cli(['info', path], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('niet door Wijkweb gemaakt of is beschadigd');
    expect(r.err).not.toContain('Details');
  });

  it('opens its own files, and derives the expected schema of every version from the migrations', async () => {
    const SQL = await sql();
    const { db } = openProjectDb(SQL, await projectBytes(), 'eigen.wijkweb');
    expect(schemaDifferences(SQL, db, LATEST_SCHEMA_VERSION)).toEqual([]);
    db.close();
    // Version 0 is empty; every migration adds or changes something.
    expect(expectedSchema(SQL, 0)).toEqual([]);
    for (const m of MIGRATIONS) {
      expect(JSON.stringify(expectedSchema(SQL, m.version)), m.name).not.toBe(
        JSON.stringify(expectedSchema(SQL, m.version - 1)),
      );
    }
    // A migration added later is part of the expectation without any list to update.
    const extra = [
      ...MIGRATIONS,
      { version: 999, name: 'proef', up: (d: ProjectDb) => d.run('CREATE TABLE proef (x)') },
    ];
    expect(expectedSchema(SQL, 999, extra).some((o) => o.name === 'proef')).toBe(true);
  });
});
