import { describe, expect, it } from 'vitest';
import { COUNT_KEYS } from '../../../../../shared/contract';
import type { ProjectDb } from '../../../../../shared/db/connection';
import { countAll } from '../../../../../shared/db/repos/overview';
import { gebiedCodes } from '../../../../../shared/db/repos/lijsten-import';
import { nameResolver } from '../../../../../shared/db/repos/gebieden';
import { versie } from '../../../../../shared/db/repos/versies';
import { normaliseName } from '../../../../../shared/model/names';
import { createTestDb } from '../../../../helpers/db';

const NOW = '2026-11-23T12:00:00.000Z';

/** The counts as a fresh query gives them, to compare the kept ones with. */
function fresh(db: ProjectDb) {
  const n = (sql: string) => Number(db.value(sql));
  return {
    gemeenten: n("SELECT count(*) FROM gebied WHERE niveau = 'gemeente'"),
    buurten: n("SELECT count(*) FROM gebied WHERE niveau = 'buurt'"),
    indicatorwaarden: n('SELECT count(*) FROM indicator_waarde'),
  };
}

function expectCountsRight(db: ProjectDb) {
  const c = countAll(db);
  expect(Object.keys(c).sort()).toEqual([...COUNT_KEYS].sort());
  expect({ gemeenten: c.gemeenten, buurten: c.buurten, indicatorwaarden: c.indicatorwaarden }).toEqual(fresh(db));
}

function addCbs(db: ProjectDb, bron: number, gebied: number, code: string) {
  db.transaction(() => {
    db.run("INSERT INTO bron (id, soort, geimporteerd_op) VALUES (?, 'cbs', ?)", [bron, NOW]);
    db.run("INSERT INTO gebied (id, code, naam, niveau, jaar, bron_id) VALUES (?, ?, ?, 'buurt', 2024, ?)", [
      gebied,
      code,
      `Buurt ${code}`,
      bron,
    ]);
    db.run("INSERT OR IGNORE INTO indicator (id, sleutel, label) VALUES (1, 'inwoners', 'Inwoners')");
    db.run('INSERT INTO indicator_waarde (gebied_id, indicator_id, jaar, waarde, bron_id) VALUES (?, 1, 2024, 5, ?)', [
      gebied,
      bron,
    ]);
  });
}

describe('kept counts and gebied lookups (change counters in the TEMP schema)', () => {
  it('follow every change that can change them, also through cascades and rollbacks', async () => {
    const db = await createTestDb();
    db.run('PRAGMA foreign_keys = ON');
    expectCountsRight(db);
    addCbs(db, 1, 1, 'BU00010001');
    expectCountsRight(db);
    expect(gebiedCodes(db).has('BU00010001')).toBe(true);
    expect(nameResolver(db, undefined, normaliseName)('Buurt BU00010001', 'buurt')).toEqual({ code: 'BU00010001' });

    // A bron without figures (a partner list) leaves the figure counter alone; deleting a CBS bron takes its
    // figures along (ON DELETE CASCADE) and moves it.
    const cijfers = versie(db, 'cijfers');
    db.transaction(() => db.run("INSERT INTO bron (id, soort, geimporteerd_op) VALUES (2, 'partners', ?)", [NOW]));
    db.transaction(() => db.run('DELETE FROM bron WHERE id = 2'));
    expect(versie(db, 'cijfers')).toBe(cijfers);
    addCbs(db, 3, 2, 'BU00010002');
    expectCountsRight(db);
    db.transaction(() => db.run('DELETE FROM bron WHERE id = 3'));
    expectCountsRight(db);
    db.transaction(() => db.run('DELETE FROM gebied WHERE id = 1'));
    expectCountsRight(db);
    expect(gebiedCodes(db).has('BU00010001')).toBe(false);
    expect(nameResolver(db, undefined, normaliseName)('Buurt BU00010001', 'buurt')).toBeNull();

    // Counted inside a transaction that then rolls back: never kept, so a later change is not hidden behind the
    // same counter value.
    expect(() =>
      db.transaction(() => {
        addCbs(db, 4, 4, 'BU00010004');
        expectCountsRight(db);
        throw new Error('terug');
      }),
    ).toThrow('terug');
    expectCountsRight(db);
    addCbs(db, 5, 5, 'BU00010005');
    expectCountsRight(db);
    expect(gebiedCodes(db).has('BU00010005')).toBe(true);

    // A rename of a gebied reaches the name index.
    db.transaction(() => db.run("UPDATE gebied SET naam = 'Nieuwe naam' WHERE id = 5"));
    expect(nameResolver(db, undefined, normaliseName)('Nieuwe naam', 'buurt')).toEqual({ code: 'BU00010005' });
    db.close();
  });
});
