import { describe, expect, it } from 'vitest';
import {
  BACKUP_INTERVAL_MS,
  backupFileName,
  backupsToDelete,
  isBackupDue,
  parseBackupFileName,
  type BackupEntry,
} from '../../../shared/backup-policy';

const at = (iso: string, reason: BackupEntry['reason'] = 'periodiek'): BackupEntry => ({
  id: backupFileName(iso, reason),
  createdAt: iso,
  reason,
});

describe('backup policy', () => {
  it('file names round-trip and sort by time', () => {
    const e = at('2026-11-23T13:45:00.123Z');
    expect(e.id).toBe('2026-11-23T13-45-00-123Z_periodiek.wijkweb');
    expect(parseBackupFileName(e.id)).toEqual(e);
    expect(parseBackupFileName('../../etc/passwd')).toBeNull();
  });

  it('is due on the first save of a session, then every 10 minutes', () => {
    const newest = at('2026-11-23T10:00:00.000Z');
    const t = Date.parse(newest.createdAt);
    expect(isBackupDue(undefined, t, false)).toBe(true);
    expect(isBackupDue(newest, t + 1000, true)).toBe(true);
    expect(isBackupDue(newest, t + BACKUP_INTERVAL_MS - 1, false)).toBe(false);
    expect(isBackupDue(newest, t + BACKUP_INTERVAL_MS, false)).toBe(true);
  });

  it('keeps the 5 newest, then one per earlier day, 10 in total; never deletes migration backups', () => {
    const entries: BackupEntry[] = [at('2026-10-01T08:00:00.000Z', 'voor-migratie')];
    for (let day = 1; day <= 20; day++) {
      for (const hour of ['09', '12', '15'])
        entries.push(at(`2026-11-${String(day).padStart(2, '0')}T${hour}:00:00.000Z`));
    }
    const deleted = new Set(backupsToDelete(entries));
    const kept = entries.filter((e) => !deleted.has(e.id));
    expect(kept.some((e) => e.reason === 'voor-migratie')).toBe(true);
    const periodic = kept.filter((e) => e.reason === 'periodiek').map((e) => e.createdAt);
    expect(periodic).toHaveLength(10);
    expect(periodic.slice().sort().reverse().slice(0, 5)).toEqual([
      '2026-11-20T15:00:00.000Z',
      '2026-11-20T12:00:00.000Z',
      '2026-11-20T09:00:00.000Z',
      '2026-11-19T15:00:00.000Z',
      '2026-11-19T12:00:00.000Z',
    ]);
    expect(new Set(periodic.map((p) => p.slice(0, 10))).size).toBe(7);
  });
});
