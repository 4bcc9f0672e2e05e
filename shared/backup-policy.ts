import type { BackupReason } from './contract';

export interface BackupEntry {
  readonly id: string;
  readonly createdAt: string; // ISO
  readonly reason: BackupReason;
}

/** A new periodic backup is made on the first save of a session, then at most every 10 minutes. */
export const BACKUP_INTERVAL_MS = 10 * 60 * 1000;
/** The newest backups kept whatever their age. */
export const KEEP_NEWEST = 5;
/** Beyond those: one per earlier day, up to this many in total. */
export const KEEP_TOTAL = 10;

export function isBackupDue(newest: BackupEntry | undefined, nowMs: number, firstSaveThisSession: boolean): boolean {
  if (firstSaveThisSession || !newest) return true;
  return nowMs - Date.parse(newest.createdAt) >= BACKUP_INTERVAL_MS;
}

/**
 * Which backups to delete: keep the 5 newest, then the newest of each earlier day, 10 in total
 * (after Actual Budget's policy). Backups made before a migration or a restore are never deleted here.
 */
export function backupsToDelete(entries: readonly BackupEntry[]): string[] {
  const periodic = entries
    .filter((e) => e.reason === 'periodiek')
    .slice()
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  const keep = new Set<string>();
  const daysKept = new Set<string>();
  for (const e of periodic) {
    const day = e.createdAt.slice(0, 10);
    if (keep.size < KEEP_NEWEST) {
      keep.add(e.id);
      daysKept.add(day);
    } else if (keep.size < KEEP_TOTAL && !daysKept.has(day)) {
      keep.add(e.id);
      daysKept.add(day);
    }
  }
  return periodic.filter((e) => !keep.has(e.id)).map((e) => e.id);
}

/** File name of a backup: sortable time stamp + reason, e.g. `2026-11-23T13-45-00-000Z_periodiek.wijkweb`. */
export function backupFileName(createdAt: string, reason: BackupReason): string {
  return `${createdAt.replace(/:/g, '-').replace('.', '-')}_${reason}.wijkweb`;
}

export function parseBackupFileName(name: string): BackupEntry | null {
  const m =
    /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z_(periodiek|voor-migratie|voor-herstel)\.wijkweb$/.exec(name);
  if (!m) return null;
  return { id: name, createdAt: `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`, reason: m[6] as BackupReason };
}
