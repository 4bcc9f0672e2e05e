import type { BindParams, Database, SqlValue } from 'sql.js';
import { AppException } from '../result';

export type Row = Record<string, SqlValue>;

/**
 * The one way the app talks to an sql.js database. It tracks its own transactions so that
 * `export()` can be refused inside one (sql.js >= 1.15.2 throws there; older versions silently
 * rolled the transaction back). Nested transactions use SAVEPOINTs and always roll back on a throw.
 */
export class ProjectDb {
  readonly raw: Database;
  #depth = 0;

  constructor(raw: Database) {
    this.raw = raw;
  }

  get inTransaction(): boolean {
    return this.#depth > 0;
  }

  all<T extends object = Row>(sql: string, params: BindParams = null): T[] {
    const stmt = this.raw.prepare(sql);
    try {
      if (params) stmt.bind(params);
      const rows: T[] = [];
      while (stmt.step()) rows.push(stmt.getAsObject() as T);
      return rows;
    } finally {
      stmt.free();
    }
  }

  get<T extends object = Row>(sql: string, params: BindParams = null): T | undefined {
    return this.all<T>(sql, params)[0];
  }

  /** A single scalar value (first column of the first row). */
  value(sql: string, params: BindParams = null): SqlValue | undefined {
    const stmt = this.raw.prepare(sql);
    try {
      if (params) stmt.bind(params);
      return stmt.step() ? stmt.get()[0] : undefined;
    } finally {
      stmt.free();
    }
  }

  run(sql: string, params: BindParams = null): void {
    this.raw.run(sql, params ?? undefined);
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

  /** A consistent snapshot of the whole database file. Refused inside a transaction, before sql.js is called. */
  export(): Uint8Array {
    if (this.#depth > 0) throw new AppException('intern.export-in-transactie');
    return this.raw.export();
  }

  close(): void {
    this.raw.close();
  }
}
