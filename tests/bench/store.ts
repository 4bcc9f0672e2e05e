import { join } from 'node:path';
import { isSavableProjectFile } from '../../shared/db/file-header';
import { LATEST_SCHEMA_VERSION } from '../../shared/db/migrations';
import { nodeFs } from '../../node/fs';
import { createFileStore } from '../../node/project-files';

/**
 * Main's project file store on a folder of the bench, holding `<naam>.wijkweb` (made from `bytes`), with a clock the
 * bench moves on: `later(ms)` before each save (a rotating backup is made when ten minutes have passed).
 */
export async function benchStore(dir: string, naam: string, bytes: Uint8Array) {
  let clock = Date.now();
  const store = createFileStore({
    fs: nodeFs,
    backupRoot: join(dir, `backups-${naam}`),
    now: () => new Date(clock),
    verify: (b) => isSavableProjectFile(b, LATEST_SCHEMA_VERSION),
  });
  const path = join(dir, `${naam}.wijkweb`);
  await store.create(path, bytes, false);
  return {
    /** Saves as main does, a second (or `ms`) later than the save before. */
    save: (b: Uint8Array, ms = 1000) => {
      clock += ms;
      return store.save(path, b);
    },
  };
}
