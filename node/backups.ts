import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import type { BackupInfo, BackupReason } from '../shared/contract';
import { backupFileName, backupsToDelete, parseBackupFileName, type BackupEntry } from '../shared/backup-policy';
import type { FileSystem } from './fs';

/** Backups live outside the project's folder, in the app's data folder: one subfolder per project file. */
export function backupDirFor(backupRoot: string, projectPath: string): string {
  const stem = basename(projectPath)
    .replace(/\.wijkweb$/i, '')
    .replace(/[^\p{L}\p{N} _-]+/gu, '_')
    .slice(0, 60);
  const hash = createHash('sha256').update(projectPath).digest('hex').slice(0, 10);
  return join(backupRoot, `${stem}-${hash}`);
}

export async function listBackupEntries(fs: FileSystem, dir: string): Promise<BackupEntry[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  return names
    .map(parseBackupFileName)
    .filter((e): e is BackupEntry => e !== null)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}

export async function listBackups(fs: FileSystem, dir: string): Promise<BackupInfo[]> {
  const entries = await listBackupEntries(fs, dir);
  const infos: BackupInfo[] = [];
  for (const e of entries) {
    const size = await fs.stat(join(dir, e.id)).then(
      (s) => s.size,
      () => 0,
    );
    infos.push({ id: e.id, createdAt: e.createdAt, reason: e.reason, bytes: size });
  }
  return infos;
}

/** Copies the current project file into its backup folder, then prunes old periodic backups. */
export async function makeBackup(
  fs: FileSystem,
  dir: string,
  projectPath: string,
  reason: BackupReason,
  now: Date,
): Promise<string> {
  await fs.mkdir(dir);
  const name = backupFileName(now.toISOString(), reason);
  const tmp = join(dir, `${name}.tmp`);
  await fs.copyFile(projectPath, tmp);
  await fs.rename(tmp, join(dir, name));
  const entries = await listBackupEntries(fs, dir);
  for (const id of backupsToDelete(entries)) await fs.unlink(join(dir, id)).catch(() => undefined);
  return name;
}
