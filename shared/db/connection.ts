import type { BindParams, Database, SqlValue, Statement } from 'sql.js';
import { AppException } from '../result';

export type Row = Record<string, SqlValue>;

const STATEMENT_CACHE_SIZE = 200;

/**
 * The one way the app talks to an sql.js database. It tracks its own transactions so that
 * `export()` can be refused inside one (sql.js >= 1.15.2 throws there; older versions silently
 * rolled the transaction back). Nested transactions use SAVEPOINTs and always roll back on a throw.
 */
export class ProjectDb {
  readonly raw: Database;
  #depth = 0;
  /**
   * Prepared statements by their SQL, reused: sql.js's own `run`/`prepare` compile the statement on every call, and
   * on a table with undo triggers compiling costs more than running (an import of 5,000 rows made ~60,000 such calls).
   * Always reset after use; at most STATEMENT_CACHE_SIZE kept, the least recently used freed first.
   */
  readonly #statements = new Map<string, Statement>();
  readonly #busy = new Set<Statement>();

  constructor(raw: Database) {
    this.raw = raw;
    // sql.js keeps the database file in memory and this is its only connection. In SQLite's default (normal) locking
    // mode every statement outside a transaction takes and drops a lock and looks for a hot journal, each a call
    // out to sql.js's JavaScript file system: ~10 µs, more than the statement itself (an import makes tens of
    // thousands). Exclusive keeps the lock; a journal in memory saves the file writes of every transaction (it is
    // as durable as the in-memory database it protects: what lasts is the file a save writes). Only for speed: a
    // file that is no database fails on its first real use, where the caller reports it.
    try {
      raw.exec('PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = MEMORY');
    } catch {
      // leave the defaults
    }
  }

  get inTransaction(): boolean {
    return this.#depth > 0;
  }

  /** Runs `fn` with the statement for `sql` (cached; a fresh one when the cached one is in use), reset afterwards. */
  #with<R>(sql: string, params: BindParams, fn: (stmt: Statement) => R): R {
    let stmt = this.#statements.get(sql);
    if (stmt && this.#busy.has(stmt)) {
      const own = this.raw.prepare(sql);
      try {
        if (params) own.bind(params);
        return fn(own);
      } finally {
        own.free();
      }
    }
    if (stmt) {
      // Most recently used last, so eviction takes the oldest.
      this.#statements.delete(sql);
      this.#statements.set(sql, stmt);
    } else {
      stmt = this.raw.prepare(sql);
      this.#statements.set(sql, stmt);
      if (this.#statements.size > STATEMENT_CACHE_SIZE) {
        const [oldSql, old] = this.#statements.entries().next().value!;
        this.#statements.delete(oldSql);
        old.free();
      }
    }
    this.#busy.add(stmt);
    try {
      if (params) stmt.bind(params);
      return fn(stmt);
    } finally {
      this.#busy.delete(stmt);
      stmt.reset();
    }
  }

  all<T extends object = Row>(sql: string, params: BindParams = null): T[] {
    return this.#with(sql, params, (stmt) => {
      const rows: T[] = [];
      while (stmt.step()) rows.push(stmt.getAsObject() as T);
      return rows;
    });
  }

  get<T extends object = Row>(sql: string, params: BindParams = null): T | undefined {
    return this.all<T>(sql, params)[0];
  }

  /** A single scalar value (first column of the first row). */
  value(sql: string, params: BindParams = null): SqlValue | undefined {
    return this.#with(sql, params, (stmt) => (stmt.step() ? stmt.get()[0] : undefined));
  }

  /** One statement with parameters (cached), or without them any SQL text (sql.js runs every statement in it). */
  run(sql: string, params: BindParams = null): void {
    if (params) this.#with(sql, params, (stmt) => stmt.step());
    else this.raw.run(sql);
  }

  /** Several statements at once; for migrations only (no parameters). */
  execScript(sql: string): void {
    this.raw.exec(sql);
  }

  /** Rows changed by the last INSERT/UPDATE/DELETE. */
  changes(): number {
    return this.raw.getRowsModified();
  }

  transaction<T>(fn: () => T): T {
    const depth = this.#depth;
    const savepoint = `wijkweb_sp${depth}`;
    this.raw.run(depth === 0 ? 'BEGIN IMMEDIATE' : `SAVEPOINT ${savepoint}`);
    this.#depth++;
    try {
      const result = fn();
      this.raw.run(depth === 0 ? 'COMMIT' : `RELEASE ${savepoint}`);
      return result;
    } catch (err) {
      if (depth === 0) this.raw.run('ROLLBACK');
      else this.raw.run(`ROLLBACK TO ${savepoint}; RELEASE ${savepoint}`);
      throw err;
    } finally {
      this.#depth--;
    }
  }

  /**
   * A transaction that may await (to report progress and notice a cancel between chunks). Only one may run at a
   * time; the caller (the worker) makes sure nothing else writes meanwhile.
   */
  async transactionAsync<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#depth > 0) throw new Error('transactionAsync cannot be nested');
    this.raw.run('BEGIN IMMEDIATE');
    this.#depth++;
    try {
      const result = await fn();
      this.raw.run('COMMIT');
      return result;
    } catch (err) {
      this.raw.run('ROLLBACK');
      throw err;
    } finally {
      this.#depth--;
    }
  }

  pragmaNumber(name: 'user_version' | 'application_id' | 'foreign_keys' | 'page_count' | 'page_size'): number {
    return Number(this.value(`PRAGMA ${name}`) ?? 0);
  }

  /** SQLite's `PRAGMA quick_check` on this database: true when it answers just "ok". */
  quickCheck(): boolean {
    const rows = this.all<{ quick_check: string }>('PRAGMA quick_check');
    return rows.length === 1 && rows[0]?.quick_check === 'ok';
  }

  /** A consistent snapshot of the whole database file. Refused inside a transaction, before sql.js is called. */
  export(): Uint8Array {
    if (this.#depth > 0) throw new AppException('intern.export-in-transactie');
    return this.raw.export();
  }

  close(): void {
    for (const stmt of this.#statements.values()) stmt.free();
    this.#statements.clear();
    this.raw.close();
  }
}
