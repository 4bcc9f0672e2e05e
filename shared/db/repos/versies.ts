import type { ProjectDb } from '../connection';

/**
 * Change counters of the open database, in its TEMP schema (never saved; a rolled-back transaction takes its counts
 * back with it). What is derived from the big tables (counts, the index of gebied names) is kept until its counter
 * moves, so that a small edit in a project with millions of figures costs what it costs in a small one.
 *  - `gebied`: every row inserted, changed or deleted in `gebied` (18,000 rows a year of CBS division).
 *  - `cijfers`: every change that can change the rows of `indicator_waarde`. That table has no triggers (millions of
 *    rows: a trigger per row would slow the CBS import down), so its counter moves on what comes with every change
 *    to it instead: the CBS import is its only writer and adds a bron of soort 'cbs' each time; deleting a bron, a
 *    gebied or an indicator deletes their figures (ON DELETE CASCADE). A bron of a kind that never carries figures
 *    (a partner list, a Cognos export, …) does not move it, neither added nor deleted; any other kind does.
 */
export type Teller = 'gebied' | 'cijfers';

/** Kinds of bron that never carry figures (their imports write other tables). */
const ZONDER_CIJFERS = ['cognos', 'partners', 'relaties', 'geo', 'postcodes', 'handmatig'].map((s) => `'${s}'`).join();

const bump = (wat: Teller) => `UPDATE temp.wijkweb_versie SET n = n + 1 WHERE wat = '${wat}';`;

const SCRIPT = `
CREATE TEMP TABLE wijkweb_versie (wat TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO temp.wijkweb_versie VALUES ('gebied', 0), ('cijfers', 0);
CREATE TEMP TRIGGER wijkweb_v_gebied_i AFTER INSERT ON main.gebied BEGIN ${bump('gebied')} END;
CREATE TEMP TRIGGER wijkweb_v_gebied_u AFTER UPDATE ON main.gebied BEGIN ${bump('gebied')} END;
CREATE TEMP TRIGGER wijkweb_v_gebied_d AFTER DELETE ON main.gebied BEGIN ${bump('gebied')} ${bump('cijfers')} END;
CREATE TEMP TRIGGER wijkweb_v_bron_i AFTER INSERT ON main.bron WHEN new.soort NOT IN (${ZONDER_CIJFERS})
  BEGIN ${bump('cijfers')} END;
CREATE TEMP TRIGGER wijkweb_v_bron_d AFTER DELETE ON main.bron WHEN old.soort NOT IN (${ZONDER_CIJFERS})
  BEGIN ${bump('cijfers')} END;
CREATE TEMP TRIGGER wijkweb_v_indicator_d AFTER DELETE ON main.indicator BEGIN ${bump('cijfers')} END;`;

/** The counter's value now; installs the counters on first use (again after a rollback took them away). */
export function versie(db: ProjectDb, wat: Teller): number {
  if (db.value(`SELECT count(*) FROM temp.sqlite_master WHERE name = 'wijkweb_v_indicator_d'`) !== 1) {
    db.execScript(SCRIPT);
  }
  return Number(db.value('SELECT n FROM temp.wijkweb_versie WHERE wat = ?', [wat]));
}

/**
 * A value derived from the database, kept per database while `wat`'s counter stands still. Only values computed
 * outside a transaction are kept: inside one the counter may move and then go back with a rollback, and the same
 * number would stand for another state.
 */
export function bewaard<T>(db: ProjectDb, wat: Teller, sleutel: string, maak: () => T): T {
  const n = versie(db, wat);
  let perDb = cache.get(db);
  const hit = perDb?.get(sleutel);
  if (hit && hit.wat === wat && hit.n === n) return hit.value as T;
  const value = maak();
  if (!db.inTransaction) {
    if (!perDb) cache.set(db, (perDb = new Map()));
    perDb.set(sleutel, { wat, n, value });
  }
  return value;
}

const cache = new WeakMap<ProjectDb, Map<string, { wat: Teller; n: number; value: unknown }>>();
