import { realTarget } from './atomic-write';
import { errnoCode, type FileSystem } from './fs';

/**
 * A lock file next to the project (`P.wijkweb.lock`) says that a Wijkweb process has it open. A second window or
 * process then opens the file read-only. A lock is stale (and taken over) when its process is gone on this
 * machine, or when its heartbeat (the file's modification time, refreshed every minute) is older than 5 minutes.
 */
export interface LockInfo {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
  readonly app: 'wijkweb';
  readonly owner?: string;
}

export interface LockDeps {
  readonly fs: FileSystem;
  readonly pid: number;
  readonly host: string;
  readonly now: () => Date;
  /** True when a process with this id runs on this machine. */
  readonly isPidAlive: (pid: number) => boolean;
  /** Extra ownership token so two windows of one process do not share a lock. */
  readonly owner?: string;
}

export const HEARTBEAT_MS = 60_000;
export const STALE_AFTER_MS = 5 * 60_000;

export type LockResult = { readonly acquired: true } | { readonly acquired: false; readonly holder: LockInfo | null };

export function lockPathFor(projectPath: string): string {
  return `${projectPath}.lock`;
}

function parseLock(text: string): LockInfo | null {
  try {
    const v = JSON.parse(text) as Partial<LockInfo>;
    if (v.app !== 'wijkweb' || typeof v.pid !== 'number' || typeof v.host !== 'string') return null;
    return {
      app: 'wijkweb',
      pid: v.pid,
      host: v.host,
      since: String(v.since ?? ''),
      ...(typeof v.owner === 'string' ? { owner: v.owner } : {}),
    };
  } catch {
    return null;
  }
}

export async function isStale(deps: LockDeps, path: string, info: LockInfo | null): Promise<boolean> {
  let mtimeMs: number;
  try {
    mtimeMs = (await deps.fs.stat(path)).mtimeMs;
  } catch {
    return true;
  }
  if (deps.now().getTime() - mtimeMs > STALE_AFTER_MS) return true;
  if (info === null) return false; // unreadable but fresh: someone is writing it right now
  return info.host === deps.host && info.pid !== deps.pid && !deps.isPidAlive(info.pid);
}

/** The lock belongs to the real file: two paths to one project (a symbolic link) share one lock. */
async function lockFor(deps: LockDeps, projectPath: string): Promise<string> {
  return lockPathFor(await realTarget(deps.fs, projectPath).catch(() => projectPath));
}

export async function acquireLock(deps: LockDeps, projectPath: string): Promise<LockResult> {
  const path = await lockFor(deps, projectPath);
  const mine: LockInfo = {
    app: 'wijkweb',
    pid: deps.pid,
    host: deps.host,
    since: deps.now().toISOString(),
    ...(deps.owner ? { owner: deps.owner } : {}),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await deps.fs.writeExclusive(path, JSON.stringify(mine));
      return { acquired: true };
    } catch (err) {
      if (errnoCode(err) !== 'EEXIST') return { acquired: false, holder: null };
    }
    const text = await deps.fs.readFile(path).then(
      (b) => new TextDecoder().decode(b),
      () => '',
    );
    const info = parseLock(text);
    if (!(await isStale(deps, path, info))) return { acquired: false, holder: info };
    await deps.fs.unlink(path).catch(() => undefined);
  }
  return { acquired: false, holder: null };
}

/** Refreshes the heartbeat; call every HEARTBEAT_MS while the file is open. */
export async function refreshLock(deps: LockDeps, projectPath: string): Promise<void> {
  await deps.fs.touch(await lockFor(deps, projectPath), deps.now()).catch(() => undefined);
}

export async function releaseLock(deps: LockDeps, projectPath: string): Promise<void> {
  const path = await lockFor(deps, projectPath);
  const text = await deps.fs.readFile(path).then(
    (b) => new TextDecoder().decode(b),
    () => '',
  );
  const info = parseLock(text);
  if (info && info.pid === deps.pid && info.host === deps.host && info.owner === deps.owner) {
    await deps.fs.unlink(path).catch(() => undefined);
  }
}

export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errnoCode(err) === 'EPERM';
  }
}
