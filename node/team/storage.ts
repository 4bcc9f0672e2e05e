import type { Chunk, StorageAdapterInterface, StorageKey } from '@automerge/automerge-repo/slim';
import type { ProjectDb } from '../../shared/db/connection';
import { chunkBewaren, chunkLaden, chunksLaden, chunksVerwijderen, chunkVerwijderen } from '../../shared/db/repos/sync';

/**
 * automerge-repo's storage in the project file (`sync_chunk`), so the atomic save of the file covers the team
 * document and a shared project is still one file that opens offline. The database is in memory (sql.js): every call
 * is synchronous underneath. It never writes inside an open transaction of the app (automerge-repo saves from its
 * own timers, between the app's synchronous transactions).
 */
export class ProjectFileStorage implements StorageAdapterInterface {
  readonly #db: () => ProjectDb;

  constructor(db: () => ProjectDb) {
    this.#db = db;
  }

  async load(key: StorageKey): Promise<Uint8Array | undefined> {
    return chunkLaden(this.#db(), key.join('/'));
  }

  async save(key: StorageKey, data: Uint8Array): Promise<void> {
    chunkBewaren(this.#db(), key.join('/'), data);
  }

  async remove(key: StorageKey): Promise<void> {
    chunkVerwijderen(this.#db(), key.join('/'));
  }

  async loadRange(keyPrefix: StorageKey): Promise<Chunk[]> {
    return chunksLaden(this.#db(), keyPrefix.join('/')).map((c) => ({ key: c.sleutel.split('/'), data: c.data }));
  }

  async removeRange(keyPrefix: StorageKey): Promise<void> {
    chunksVerwijderen(this.#db(), keyPrefix.join('/'));
  }
}
