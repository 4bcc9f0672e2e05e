import { describe, expect, it } from 'vitest';
import { ProjectDb } from '../../../../shared/db/connection';
import { UndoManager, UNDO_LIMITS, installUndoTriggers } from '../../../../shared/db/undo';
import { createTestDb, sql } from '../../../helpers/db';

const NOW = '2026-11-23T12:00:00.000Z';

async function host() {
  let db = await createTestDb();
  const SQL = await sql();
  const undo = new UndoManager({
    db: () => db,
    restore(bytes) {
      db.close();
      db = new ProjectDb(new SQL.Database(bytes));
      db.run('PRAGMA foreign_keys = ON');
    },
  });
  const addOrg = (naam: string) =>
    undo.record(`+${naam}`, () =>
      db.transaction(() =>
        db.run('INSERT INTO organisatie (naam, aangemaakt, gewijzigd) VALUES (?, ?, ?)', [naam, NOW, NOW]),
      ),
    );
  const names = () => db.all<{ naam: string }>('SELECT naam FROM organisatie ORDER BY id').map((r) => r.naam);
  return { db: () => db, undo, addOrg, names };
}

describe('undo/redo', () => {
  it('records nothing for a step that changed nothing or failed, and leaves the database as it was', async () => {
    const h = await host();
    h.undo.record('niets', () => h.db().transaction(() => undefined));
    expect(h.undo.state()).toEqual({ ongedaanMaken: null, opnieuw: null });
    expect(() =>
      h.undo.record('fout', () =>
        h.db().transaction(() => {
          h.db().run('INSERT INTO organisatie (naam, aangemaakt, gewijzigd) VALUES (?, ?, ?)', ['A', NOW, NOW]);
          throw new Error('mislukt');
        }),
      ),
    ).toThrow('mislukt');
    expect(h.names()).toEqual([]);
    expect(h.undo.state().ongedaanMaken).toBeNull();
  });

  it('keeps working after the database was exported, and a new step clears redo', async () => {
    const h = await host();
    h.addOrg('A');
    h.db().export();
    h.addOrg('B');
    expect(h.undo.undo()).toBe('+B');
    expect(h.undo.state()).toEqual({ ongedaanMaken: '+A', opnieuw: '+B' });
    h.addOrg('C');
    expect(h.undo.state().opnieuw).toBeNull();
    expect(h.names()).toEqual(['A', 'C']);
    // The triggers live in the TEMP schema: nothing of them is in the saved file.
    const SQL = await sql();
    const copy = new SQL.Database(h.db().export());
    expect(copy.exec("SELECT count(*) FROM sqlite_master WHERE name LIKE 'wijkweb_u%'")[0]!.values[0]![0]).toBe(0);
    copy.close();
  });

  it('undoes a heavy step from its snapshot and drops heavy steps over the memory budget', async () => {
    const h = await host();
    h.addOrg('A');
    await h.undo.recordHeavy('zwaar', async () =>
      h
        .db()
        .transaction(() =>
          h.db().run('INSERT INTO organisatie (naam, aangemaakt, gewijzigd) VALUES (?, ?, ?)', ['Z', NOW, NOW]),
        ),
    );
    h.addOrg('B');
    h.undo.undo();
    h.undo.undo();
    expect(h.names()).toEqual(['A']);
    h.undo.redo();
    expect(h.names()).toEqual(['A', 'Z']);
    h.undo.redo();
    expect(h.names()).toEqual(['A', 'Z', 'B']);

    const old = UNDO_LIMITS.maxSnapshotBytes;
    (UNDO_LIMITS as { maxSnapshotBytes: number }).maxSnapshotBytes = 1;
    try {
      await h.undo.recordHeavy('te groot', async () => undefined);
      // The step over budget and everything before it can no longer be undone.
      expect(h.undo.state().ongedaanMaken).toBeNull();
    } finally {
      (UNDO_LIMITS as { maxSnapshotBytes: number }).maxSnapshotBytes = old;
    }
  });

  it('replays with foreign keys off yet refuses a replay that would leave a reference to nothing', async () => {
    const h = await host();
    h.addOrg('A');
    const org = Number(h.db().value('SELECT id FROM organisatie'));
    h.undo.record('+vz', () =>
      h
        .db()
        .transaction(() =>
          h
            .db()
            .run('INSERT INTO voorziening (naam, organisatie_id, aangemaakt, gewijzigd) VALUES (?, ?, ?, ?)', [
              'V',
              org,
              NOW,
              NOW,
            ]),
        ),
    );
    // Deleting the organisation cascades to its voorziening's reference (SET NULL); undo puts both back.
    h.undo.record('-A', () => h.db().transaction(() => h.db().run('DELETE FROM organisatie WHERE id = ?', [org])));
    expect(h.db().value('SELECT organisatie_id FROM voorziening')).toBeNull();
    expect(h.undo.undo()).toBe('-A');
    expect(h.db().value('SELECT organisatie_id FROM voorziening')).toBe(org);
    expect(h.undo.redo()).toBe('-A');
    expect(h.db().value('SELECT organisatie_id FROM voorziening')).toBeNull();
    expect(h.undo.undo()).toBe('-A');
    expect(h.db().pragmaNumber('foreign_keys')).toBe(1);

    // A change made outside the history (here: the organisation deleted behind its back) makes the next replay point
    // at nothing: refused, the database left as it was, the history dropped.
    h.undo.record('-V', () => h.db().transaction(() => h.db().run('DELETE FROM voorziening')));
    h.db().run('PRAGMA foreign_keys = OFF');
    h.db().run('DELETE FROM organisatie');
    h.db().run('PRAGMA foreign_keys = ON');
    expect(() => h.undo.undo()).toThrow(/FOREIGN KEY/);
    expect(h.db().value('SELECT count(*) FROM voorziening')).toBe(0);
    expect(h.undo.state()).toEqual({ ongedaanMaken: null, opnieuw: null });
    expect(h.db().pragmaNumber('foreign_keys')).toBe(1);
  });

  it('records an import into a small project as a snapshot, into a bigger one as a log, with the same outcome', async () => {
    const outcomes: string[][][] = [];
    for (const limit of [UNDO_LIMITS.importSnapshotBytes, 0]) {
      const old = UNDO_LIMITS.importSnapshotBytes;
      (UNDO_LIMITS as { importSnapshotBytes: number }).importSnapshotBytes = limit;
      try {
        const h = await host();
        h.addOrg('A');
        const before = h.db();
        await h.undo.recordAsync('import', async () =>
          h.db().transaction(() => {
            for (const naam of ['B', 'C']) {
              h.db().run('INSERT INTO organisatie (naam, aangemaakt, gewijzigd) VALUES (?, ?, ?)', [naam, NOW, NOW]);
            }
            h.db().run('UPDATE organisatie SET notities = ? WHERE naam = ?', ['bijgewerkt', 'A']);
          }),
        );
        const seen = [h.names()];
        expect(h.undo.undo()).toBe('import');
        // A snapshot step puts another database in place; a log step replays on the same one.
        expect(h.db() !== before).toBe(limit > 0);
        seen.push(h.names(), [String(h.db().value("SELECT notities FROM organisatie WHERE naam = 'A'"))]);
        expect(h.undo.redo()).toBe('import');
        seen.push(h.names());
        expect(h.undo.undo()).toBe('import');
        expect(h.undo.undo()).toBe('+A');
        seen.push(h.names());
        outcomes.push(seen);
      } finally {
        (UNDO_LIMITS as { importSnapshotBytes: number }).importSnapshotBytes = old;
      }
    }
    expect(outcomes[0]).toEqual([['A', 'B', 'C'], ['A'], ['null'], ['A', 'B', 'C'], []]);
    expect(outcomes[1]).toEqual(outcomes[0]);
  });

  it('installs its triggers idempotently and never on the big tables', async () => {
    const h = await host();
    installUndoTriggers(h.db());
    installUndoTriggers(h.db());
    const triggers = h
      .db()
      .all<{ tbl_name: string }>("SELECT DISTINCT tbl_name FROM temp.sqlite_master WHERE type = 'trigger'")
      .map((r) => r.tbl_name);
    expect(triggers).toContain('organisatie');
    expect(triggers).toContain('relatie_volume');
    expect(triggers).not.toContain('indicator_waarde');
    expect(triggers).not.toContain('postcode_buurt');
    expect(triggers).not.toContain('project');
  });
});
