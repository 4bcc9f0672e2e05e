import { basename, join } from 'node:path';
import type { BackupInfo, BackupReason, SaveInfo } from '../shared/contract';
import { MAX_PROJECT_BYTES } from '../shared/contract';
import { isBackupDue } from '../shared/backup-policy';
import { AppException } from '../shared/result';
import { atomicWrite, realTarget } from './atomic-write';
import { backupDirFor, listBackupEntries, listBackups, makeBackup } from './backups';
import { errnoCode, type FileSystem } from './fs';

export interface FileStoreDeps {
  readonly fs: FileSystem;
  /** The app's own folder for backups (desktop: userData/backups; CLI: the same folder). */
  readonly backupRoot: string;
  readonly now: () => Date;
  /** Checks bytes before they replace a project file (quick_check + application_id). */
  readonly verify: (bytes: Uint8Array) => boolean;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly maxRetryMs?: number;
}

/** Reading, creating and saving project files on disk, with backups. Used by Electron main and the CLI. */
export function createFileStore(deps: FileStoreDeps) {
  const savedThisSession = new Set<string>();
  // The bytes are verified before anything is written (deps.verify); atomicWrite then checks the written file's
  // length, not its content again (see there why). Verifying a read-back cost a second full read of the file, and
  // with the CLI's quick_check a second check of the whole database, per save.
  const writeOptions = {
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
    ...(deps.maxRetryMs !== undefined ? { maxRetryMs: deps.maxRetryMs } : {}),
  };

  async function read(path: string): Promise<Uint8Array> {
    const bestand = basename(path);
    let size: number;
    try {
      size = (await deps.fs.stat(path)).size;
    } catch (err) {
      if (errnoCode(err) === 'ENOENT') throw new AppException('bestand.niet-gevonden', { bestand });
      throw new AppException('bestand.niet-leesbaar', { bestand }, String(err));
    }
    if (size > MAX_PROJECT_BYTES) throw new AppException('bestand.te-groot', { bestand });
    try {
      return await deps.fs.readFile(path);
    } catch (err) {
      throw new AppException('bestand.niet-leesbaar', { bestand }, String(err));
    }
  }

  /** The real file behind a symbolic link: saved, backed up and remembered under that one path. */
  const real = (path: string) => realTarget(deps.fs, path).catch(() => path);

  async function save(given: string, bytes: Uint8Array, reason?: BackupReason): Promise<SaveInfo> {
    if (!deps.verify(bytes)) throw new AppException('opslaan.controle-mislukt', { bestand: basename(given) });
    const path = await real(given);
    const dir = backupDirFor(deps.backupRoot, path);
    const now = deps.now();
    let backupMade = false;
    if (await deps.fs.exists(path)) {
      const entries = await listBackupEntries(deps.fs, dir);
      const due = reason !== undefined || isBackupDue(entries[0], now.getTime(), !savedThisSession.has(path));
      if (due) {
        try {
          await makeBackup(deps.fs, dir, path, reason ?? 'periodiek', now);
          backupMade = true;
        } catch (err) {
          // Without a backup before a migration we do not overwrite the old file.
          if (reason === 'voor-migratie')
            throw new AppException('opslaan.reservekopie-mislukt', { bestand: basename(path) }, String(err));
        }
      }
    }
    await atomicWrite(deps.fs, path, bytes, writeOptions);
    savedThisSession.add(path);
    return { savedAt: now.toISOString(), bytes: bytes.byteLength, backupMade };
  }

  async function create(path: string, bytes: Uint8Array, overwrite: boolean): Promise<void> {
    if (!overwrite && (await deps.fs.exists(path))) {
      throw new AppException('bestand.bestaat-al', { bestand: basename(path) });
    }
    await save(path, bytes);
  }

  /** A copy elsewhere (no backups of the target, no session state); checked like every project write. */
  async function writeCopy(path: string, bytes: Uint8Array): Promise<void> {
    if (!deps.verify(bytes)) throw new AppException('opslaan.controle-mislukt', { bestand: basename(path) });
    await atomicWrite(deps.fs, path, bytes, writeOptions);
  }

  async function backups(given: string): Promise<BackupInfo[]> {
    return listBackups(deps.fs, backupDirFor(deps.backupRoot, await real(given)));
  }

  async function readBackup(given: string, backupId: string): Promise<Uint8Array> {
    const path = await real(given);
    const entries = await listBackupEntries(deps.fs, backupDirFor(deps.backupRoot, path));
    if (!entries.some((e) => e.id === backupId)) throw new AppException('reservekopie.niet-gevonden');
    return read(join(backupDirFor(deps.backupRoot, path), backupId));
  }

  return { read, save, create, writeCopy, backups, readBackup };
}

export type FileStore = ReturnType<typeof createFileStore>;
