import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { AppException } from '../../../../shared/result';
import { createTestDb } from '../../../helpers/db';

describe('sql.js and our connection', () => {
  it('uses sql.js >= 1.15.2 (export no longer resets pragmas or rolls back)', () => {
    const pkg = new URL('../../../../node_modules/sql.js/package.json', import.meta.url);
    const { version } = JSON.parse(readFileSync(pkg, 'utf8')) as { version: string };
    const [major = 0, minor = 0, patch = 0] = version.split('.').map(Number);
    expect(major * 1_000_000 + minor * 1000 + patch).toBeGreaterThanOrEqual(1_015_002);
  });

  it('keeps foreign keys on and prepared statements alive after export()', async () => {
    const db = await createTestDb();
    const stmt = db.raw.prepare('SELECT code FROM taxonomie_item WHERE taxonomie = ? ORDER BY volgorde');
    stmt.bind(['leefgebied']);
    expect(stmt.step()).toBe(true);
    db.export();
    expect(db.pragmaNumber('foreign_keys')).toBe(1);
    expect(stmt.step()).toBe(true);
    expect(stmt.get()[0]).toBe('werk_inkomen');
    stmt.free();
    db.close();
  });

  it('refuses export inside a transaction before sql.js is called', async () => {
    const db = await createTestDb();
    const spy = vi.spyOn(db.raw, 'export');
    db.transaction(() => {
      expect(() => db.export()).toThrow(AppException);
    });
    expect(spy).not.toHaveBeenCalled();
    db.export();
    expect(spy).toHaveBeenCalledTimes(1);
    db.close();
  });

  it('rolls a failing transaction back completely, also nested ones', async () => {
    const db = await createTestDb();
    const count = () => db.value('SELECT count(*) FROM bron');
    const insert = () =>
      db.run("INSERT INTO bron (soort, geimporteerd_op) VALUES ('handmatig', '2026-11-23T12:00:00.000Z')");
    expect(() =>
      db.transaction(() => {
        insert();
        db.transaction(insert);
        throw new Error('mis');
      }),
    ).toThrow('mis');
    expect(count()).toBe(0);
    db.transaction(() => {
      insert();
      expect(() =>
        db.transaction(() => {
          insert();
          throw new Error('binnen');
        }),
      ).toThrow('binnen');
    });
    expect(count()).toBe(1);
    expect(db.inTransaction).toBe(false);
    db.close();
  });

  it('enforces foreign keys and CHECK constraints', async () => {
    const db = await createTestDb();
    expect(() =>
      db.run(
        'INSERT INTO indicator_waarde (gebied_id, indicator_id, jaar, waarde, bron_id) VALUES (99, 99, 2024, 1, 99)',
      ),
    ).toThrow(/FOREIGN KEY/);
    expect(() => db.run("INSERT INTO gebied (code, naam, niveau, jaar) VALUES ('BU1', 'x', 'planeet', 2024)")).toThrow(
      /CHECK/,
    );
    db.close();
  });
});

describe('bulk CBS writes', () => {
  it('switch foreign key checks back on after an import, also after a failed one', async () => {
    const { createProjectService } = await import('../../../../shared/service/project-service');
    const { sha256, sql: loadSql, FIXED_NOW } = await import('../../../helpers/db');
    const s = createProjectService({ SQL: await loadSql(), now: () => FIXED_NOW, sha256 });
    await s.createProject('FK');
    const csv = '"ID";"WijkenEnBuurten";"AantalInwoners_5"\n"1";"GM0344";"10"\n"2";"BU03440101";"5"\n';
    const ok = await s.importCbs({ name: 'kwb-2024.csv', bytes: new TextEncoder().encode(csv) }, {});
    expect(ok.ok).toBe(true);
    expect(s.currentDb()!.pragmaNumber('foreign_keys')).toBe(1);
    expect(s.currentDb()!.all('PRAGMA foreign_key_check')).toEqual([]);
    const again = await s.importCbs({ name: 'kwb-2024.csv', bytes: new TextEncoder().encode(csv) }, {});
    expect(again.ok).toBe(false);
    expect(s.currentDb()!.pragmaNumber('foreign_keys')).toBe(1);
  });
});

describe('prepared statements', () => {
  it('are reused: the same answers, a failed statement usable again, the same SQL nested, freed on close', async () => {
    const db = await createTestDb();
    const prepare = vi.spyOn(db.raw, 'prepare');
    const sql = 'SELECT label FROM taxonomie_item WHERE taxonomie = ? AND code = ?';
    for (let i = 0; i < 5; i++) expect(db.value(sql, ['leefgebied', 'werk_inkomen'])).toBeTypeOf('string');
    expect(db.value(sql, ['leefgebied', 'bestaat-niet'])).toBeUndefined();
    expect(prepare).toHaveBeenCalledTimes(1);

    db.run('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL) STRICT');
    const insert = 'INSERT INTO t (id, v) VALUES (?, ?)';
    db.run(insert, [1, 'a']);
    expect(() => db.run(insert, [1, 'b'])).toThrow(/UNIQUE/);
    expect(() => db.run(insert, [2, null])).toThrow(/NOT NULL/);
    db.run(insert, [2, 'b']);
    expect(db.all('SELECT id, v FROM t ORDER BY id')).toEqual([
      { id: 1, v: 'a' },
      { id: 2, v: 'b' },
    ]);
    // A statement still stepping when the same SQL is asked for again gets a statement of its own.
    const stmt = 'SELECT v FROM t WHERE id = ?';
    const nested = db.all<{ v: string }>(stmt, [1]).map((r) => `${r.v}${String(db.value(stmt, [2]))}`);
    expect(nested).toEqual(['ab']);
    // Without parameters, run() still takes several statements at once.
    db.run("INSERT INTO t (id, v) VALUES (3, 'c'); INSERT INTO t (id, v) VALUES (4, 'd')");
    expect(db.value('SELECT count(*) FROM t')).toBe(4);
    // Many different statements: older ones are freed, the answers stay right.
    for (let i = 0; i < 500; i++) expect(db.value(`SELECT ? + ${i}`, [1])).toBe(i + 1);
    db.export();
    expect(db.value(sql, ['leefgebied', 'werk_inkomen'])).toBeTypeOf('string');
    db.close();
  });
});
