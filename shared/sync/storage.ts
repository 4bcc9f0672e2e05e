import type { Chunk, StorageAdapterInterface, StorageKey } from '@automerge/automerge-repo/slim';
import type { ProjectDb } from '../db/connection';
import { chunkBewaren, chunkLaden, chunksLaden, chunksVerwijderen, chunkVerwijderen } from '../db/repos/sync';

/**
 * automerge-repo's storage in the project file (`sync_chunk`), so the atomic save of the file covers the team
 * document and a shared project is still one file that opens offline. The database is in memory (sql.js): every call
 * is synchronous underneath. automerge-repo saves from its own timers: when that lands inside an open transaction of
 * the app (an import yields between chunks, and may still be stopped and rolled back), the write waits in memory
 * until the transaction has ended, so a rollback never takes a chunk of the document with it.
 */
export class ProjectFileStorage implements StorageAdapterInterface {
  /** null: the project was closed; what comes after is dropped (the file was saved with everything before). */
  readonly #db: () => ProjectDb | null;
  /** Writes waiting for the end of a transaction: key → bytes, or null for a removal. */
  readonly #wachtend = new Map<string, Uint8Array | null>();

  constructor(db: () => ProjectDb | null) {
    this.#db = db;
  }

  /** Writes what waited, when no transaction is open; true when nothing waits any more. */
  schrijfUit(): boolean {
    const db = this.#db();
    if (this.#wachtend.size === 0) return true;
    if (!db) {
      this.#wachtend.clear();
      return true;
    }
    if (db.inTransaction) return false;
    db.transaction(() => {
      for (const [k, data] of this.#wachtend) {
        if (data) chunkBewaren(db, k, data);
        else chunkVerwijderen(db, k);
      }
    });
    this.#wachtend.clear();
    return true;
  }

  #schrijf(k: string, data: Uint8Array | null): void {
    this.#wachtend.set(k, data);
    this.schrijfUit();
  }

  async load(key: StorageKey): Promise<Uint8Array | undefined> {
    const k = key.join('/');
    if (this.#wachtend.has(k)) return this.#wachtend.get(k) ?? undefined;
    const db = this.#db();
    return db ? chunkLaden(db, k) : undefined;
  }

  async save(key: StorageKey, data: Uint8Array): Promise<void> {
    this.#schrijf(key.join('/'), data);
  }

  async remove(key: StorageKey): Promise<void> {
    this.#schrijf(key.join('/'), null);
  }

  async loadRange(keyPrefix: StorageKey): Promise<Chunk[]> {
    const prefix = keyPrefix.join('/');
    const onder = (k: string) => k === prefix || k.startsWith(`${prefix}/`);
    const db = this.#db();
    const uit = new Map((db ? chunksLaden(db, prefix) : []).map((c) => [c.sleutel, c.data]));
    for (const [k, data] of this.#wachtend) {
      if (!onder(k)) continue;
      if (data) uit.set(k, data);
      else uit.delete(k);
    }
    return [...uit].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, data]) => ({ key: k.split('/'), data }));
  }

  async removeRange(keyPrefix: StorageKey): Promise<void> {
    const prefix = keyPrefix.join('/');
    for (const k of [...this.#wachtend.keys()])
      if (k === prefix || k.startsWith(`${prefix}/`)) this.#wachtend.delete(k);
    const db = this.#db();
    if (!db) return;
    if (db.inTransaction) {
      for (const c of chunksLaden(db, prefix)) this.#wachtend.set(c.sleutel, null);
    } else chunksVerwijderen(db, prefix);
  }
}
