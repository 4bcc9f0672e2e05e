import type { ProjectDb } from './connection';
import type { UndoState } from '../model/sociale-kaart';

/**
 * Undo and redo for every edit and import, after SQLite's own recipe (sqlite.org/undoredo.html): temporary triggers
 * on the project's tables write, for every row an action inserts, changes or deletes, the SQL statement that puts it
 * back, into a temporary log. One user action (an edit, a merge, an import) is one step: its statements, replayed in
 * reverse order inside one transaction with foreign keys deferred, undo it, and the triggers record the redo while
 * that happens. Nothing of this is ever saved in the project file (TEMP schema).
 *
 * Tables of millions of rows (CBS figures, the postcode table) have no triggers: actions that write there are
 * recorded as a snapshot of the whole database taken before them (a "heavy" step), within a memory budget.
 */

/**
 * Not logged: the project row (its `gewijzigd` only moves forward), the big WITHOUT ROWID tables, and node positions
 * (a layout moves hundreds of nodes at once; that is the picture, not a change to the data), and the number counters
 * (a number once given is never given again, not even after an undo).
 */
const NOT_LOGGED = new Set(['project', 'indicator_waarde', 'postcode_buurt', 'knoop_positie', 'volgnummer']);

export const UNDO_LIMITS = {
  /** Steps kept (each way). */
  maxSteps: 100,
  /** Snapshot bytes kept over all heavy steps; older heavy steps are dropped first. */
  maxSnapshotBytes: 400 * 1024 * 1024,
  /**
   * An import into a project up to this size is recorded as a snapshot too: taking it costs ~1 ms per MB, while the
   * undo triggers cost the import itself ~0.1 ms per row and undoing 5,000 rows from the log took a second.
   */
  importSnapshotBytes: 16 * 1024 * 1024,
} as const;

/** `meta`: what the host attached to the step when it was made (a shared project: its changes to the team document). */
type Step =
  | { readonly omschrijving: string; readonly soort: 'log'; readonly sql: readonly string[]; readonly meta?: unknown }
  | { readonly omschrijving: string; readonly soort: 'snapshot'; readonly bytes: Uint8Array; readonly meta?: unknown };

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The temporary log table and the triggers on every logged table of `main`. Idempotent. */
export function installUndoTriggers(db: ProjectDb): void {
  if (db.value(`SELECT count(*) FROM temp.sqlite_master WHERE name = 'wijkweb_undo_log'`) === 1) return;
  db.execScript(`
PRAGMA recursive_triggers = ON;
CREATE TEMP TABLE wijkweb_undo_log (seq INTEGER PRIMARY KEY, sql TEXT NOT NULL);
CREATE TEMP TABLE wijkweb_undo_aan (aan INTEGER NOT NULL);
INSERT INTO temp.wijkweb_undo_aan VALUES (0);`);
  const tables = db
    .all<{ name: string; sql: string }>(`SELECT name, sql FROM main.sqlite_master WHERE type = 'table'`)
    .filter((t) => !t.name.startsWith('sqlite_') && !NOT_LOGGED.has(t.name) && !/WITHOUT\s+ROWID/i.test(t.sql));
  const script: string[] = [];
  for (const { name } of tables) {
    const cols = db.all<{ name: string }>(`SELECT name FROM pragma_table_info(?)`, [name]).map((c) => c.name);
    const t = q(name);
    const when = `WHEN (SELECT aan FROM temp.wijkweb_undo_aan)`;
    const log = (expr: string) => `INSERT INTO temp.wijkweb_undo_log (sql) VALUES (${expr});`;
    const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;
    script.push(
      `CREATE TEMP TRIGGER ${q(`wijkweb_u_${name}_i`)} AFTER INSERT ON main.${t} ${when} BEGIN ` +
        log(`${sqlText(`DELETE FROM main.${t} WHERE rowid = `)} || new.rowid`) +
        ' END;',
    );
    const sets = cols.map((c) => `${sqlText(`${q(c)} = `)} || quote(old.${q(c)})`).join(` || ', ' || `);
    script.push(
      `CREATE TEMP TRIGGER ${q(`wijkweb_u_${name}_u`)} AFTER UPDATE ON main.${t} ${when} BEGIN ` +
        log(`${sqlText(`UPDATE main.${t} SET `)} || ${sets} || ' WHERE rowid = ' || old.rowid`) +
        ' END;',
    );
    const names = ['rowid', ...cols.map(q)].join(', ');
    const values = cols.map((c) => `quote(old.${q(c)})`).join(` || ', ' || `);
    script.push(
      `CREATE TEMP TRIGGER ${q(`wijkweb_u_${name}_d`)} BEFORE DELETE ON main.${t} ${when} BEGIN ` +
        log(`${sqlText(`INSERT INTO main.${t} (${names}) VALUES (`)} || old.rowid || ', ' || ${values} || ')'`) +
        ' END;',
    );
  }
  db.execScript(script.join('\n'));
}

/** The tables a log's statements write (each starts `DELETE FROM main."t"`, `UPDATE main."t"` or `INSERT INTO main."t"`). */
function tablesOf(sql: readonly string[]): Set<string> {
  const tables = new Set<string>();
  for (const s of sql) {
    const m = /^(?:DELETE FROM|UPDATE|INSERT INTO) main\."((?:[^"]|"")+)"/.exec(s);
    if (m) tables.add(m[1]!.replace(/""/g, '"'));
  }
  return tables;
}

/** SQLite's own foreign key check over each table a replay wrote; throws (rolling the replay back) on a dangling row. */
function checkReferences(db: ProjectDb, sql: readonly string[]): void {
  for (const table of tablesOf(sql)) {
    if (db.value('SELECT count(*) FROM pragma_foreign_key_list(?)', [table]) === 0) continue;
    const bad = db.get<{ table: string; parent: string }>(
      'SELECT "table", parent FROM pragma_foreign_key_check(?) LIMIT 1',
      [table],
    );
    if (bad) throw new Error(`FOREIGN KEY constraint failed (${bad.table} → ${bad.parent})`);
  }
}

export interface UndoHost {
  db(): ProjectDb;
  /** A heavy step's undo/redo: replace the whole database by these bytes (and install the triggers on it). */
  restore(bytes: Uint8Array): void;
  /** After a new step is recorded (triggers off again): what to keep with it, handed back by `replayed` on undo/redo. */
  naStap?(): unknown;
}

/** The undo and redo stacks of the open project. */
export class UndoManager {
  readonly #host: UndoHost;
  #undo: Step[] = [];
  #redo: Step[] = [];
  #replayed: unknown = undefined;

  constructor(host: UndoHost) {
    this.#host = host;
  }

  clear(): void {
    this.#undo = [];
    this.#redo = [];
  }

  state(): UndoState {
    return {
      ongedaanMaken: this.#undo[this.#undo.length - 1]?.omschrijving ?? null,
      opnieuw: this.#redo[this.#redo.length - 1]?.omschrijving ?? null,
    };
  }

  #capture(on: boolean): void {
    const db = this.#host.db();
    installUndoTriggers(db);
    db.run('UPDATE temp.wijkweb_undo_aan SET aan = ?', [on ? 1 : 0]);
    if (on) db.run('DELETE FROM temp.wijkweb_undo_log');
  }

  #takeLog(): string[] {
    const db = this.#host.db();
    const sql = db.all<{ sql: string }>('SELECT sql FROM temp.wijkweb_undo_log ORDER BY seq').map((r) => r.sql);
    db.run('DELETE FROM temp.wijkweb_undo_log');
    return sql;
  }

  #push(stack: Step[], step: Step): void {
    stack.push(step);
    if (stack.length > UNDO_LIMITS.maxSteps) stack.shift();
    let bytes = 0;
    for (let i = stack.length - 1; i >= 0; i--) {
      const s = stack[i]!;
      if (s.soort !== 'snapshot') continue;
      bytes += s.bytes.byteLength;
      // Over budget: this heavy step and everything older can no longer be undone.
      if (bytes > UNDO_LIMITS.maxSnapshotBytes) {
        stack.splice(0, i + 1);
        break;
      }
    }
  }

  /** Runs `fn` (which opens its own transaction) and records what it changed as one step, if anything. */
  record<T>(omschrijving: string, fn: () => T): T {
    this.#capture(true);
    try {
      const result = fn();
      this.#commitLog(omschrijving);
      return result;
    } finally {
      this.#capture(false);
    }
  }

  /** An import (`fn` may await): like `record`, or as a snapshot step when the project is small (importSnapshotBytes). */
  async recordAsync<T>(omschrijving: string, fn: () => Promise<T>): Promise<T> {
    const db = this.#host.db();
    if (db.pragmaNumber('page_count') * db.pragmaNumber('page_size') <= UNDO_LIMITS.importSnapshotBytes) {
      return this.recordHeavy(omschrijving, fn);
    }
    this.#capture(true);
    try {
      const result = await fn();
      this.#commitLog(omschrijving);
      return result;
    } finally {
      this.#capture(false);
    }
  }

  #commitLog(omschrijving: string): void {
    const sql = this.#takeLog();
    if (sql.length === 0) return;
    this.#capture(false);
    this.#push(this.#undo, { omschrijving, soort: 'log', sql, meta: this.#host.naStap?.() });
    this.#redo = [];
  }

  /** The `meta` of the step the last undo or redo replayed. */
  get replayed(): unknown {
    return this.#replayed;
  }

  /** A heavy step: `fn` runs without triggers; undo puts back the bytes taken before it. */
  async recordHeavy<T>(omschrijving: string, fn: () => Promise<T>): Promise<T> {
    this.#capture(false);
    const before = this.#host.db().export();
    const result = await fn();
    this.#push(this.#undo, { omschrijving, soort: 'snapshot', bytes: before, meta: this.#host.naStap?.() });
    this.#redo = [];
    return result;
  }

  /** Undoes the newest step; returns its description, or null when there is nothing to undo. */
  undo(): string | null {
    return this.#replay(this.#undo, this.#redo);
  }

  redo(): string | null {
    return this.#replay(this.#redo, this.#undo);
  }

  #replay(from: Step[], to: Step[]): string | null {
    const step = from.pop();
    this.#replayed = step?.meta;
    if (!step) return null;
    try {
      if (step.soort === 'snapshot') {
        const current = this.#host.db().export();
        this.#host.restore(step.bytes);
        this.#push(to, { omschrijving: step.omschrijving, soort: 'snapshot', bytes: current, meta: step.meta });
        return step.omschrijving;
      }
      const db = this.#host.db();
      this.#capture(true);
      // Foreign keys off while replaying (set outside the transaction; inside one SQLite ignores the pragma, and the
      // replay then runs with them on, only slower). With them on, deleting a row that the big tables refer to (a
      // bron) scans those tables for children: 1.3 s on every undo of an import in a project with 11 million figures.
      // The log holds every row change of the step, also those done by ON DELETE actions (the triggers fire for
      // them), so a replay with them off ends in the same state. What the check gave, a refusal when the result
      // would break a reference, stays: every table the replay wrote is checked for rows that refer to nothing,
      // before the commit. Rows of other tables cannot come to refer to nothing: what refers to a row this replay
      // removes was made in the same step (and is removed by this replay) or in a later one (undone before it).
      // The big tables are written by heavy steps only, which are undone from snapshots.
      const foreignKeys = db.pragmaNumber('foreign_keys') === 1;
      if (foreignKeys) db.run('PRAGMA foreign_keys = OFF');
      try {
        db.transaction(() => {
          db.run('PRAGMA defer_foreign_keys = ON');
          for (let i = step.sql.length - 1; i >= 0; i--) db.run(step.sql[i]!);
          if (foreignKeys) checkReferences(db, step.sql);
        });
        this.#push(to, { omschrijving: step.omschrijving, soort: 'log', sql: this.#takeLog(), meta: step.meta });
      } finally {
        if (foreignKeys) db.run('PRAGMA foreign_keys = ON');
        this.#capture(false);
      }
      return step.omschrijving;
    } catch (err) {
      // The database is unchanged (the transaction rolled back); the step cannot be replayed: drop the history.
      this.clear();
      throw err;
    }
  }
}
