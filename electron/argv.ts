/**
 * A project file given on the command line (a double-click through the file association, or a second start of the
 * app): it joins the recent list (which lets the renderer open it without a dialog) only when it is really a
 * Wijkweb project: an existing regular file, by its real path (links resolved), with the SQLite header and Wijkweb's
 * application_id. Anything else on the command line (a switch, a folder, a device, a file of another program) is
 * ignored. Plain module with its file access injected; unit-tested with real files in a temporary folder.
 */
import { open, realpath, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { MAX_PROJECT_BYTES } from '../shared/contract';
import { APPLICATION_ID, PROJECT_EXTENSION, SQLITE_HEADER } from '../shared/db/schema-constants';

export interface ArgvFs {
  realpath(path: string): Promise<string>;
  stat(path: string): Promise<{ isFile(): boolean; readonly size: number }>;
  /** The first `length` bytes of a file. */
  readHead(path: string, length: number): Promise<Uint8Array>;
}

export const nodeArgvFs: ArgvFs = {
  realpath: (path) => realpath(path),
  stat: (path) => stat(path),
  async readHead(path, length) {
    const handle = await open(path, 'r');
    try {
      const buf = new Uint8Array(length);
      const { bytesRead } = await handle.read(buf, 0, length, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  },
};

/** Arguments after the program that name a .wijkweb file (switches, such as Chromium's own, are not files). */
export function projectArguments(argv: readonly string[]): string[] {
  return argv
    .slice(1)
    .filter((a) => !a.startsWith('-') && a.toLowerCase().endsWith(PROJECT_EXTENSION) && !a.includes('\u0000'));
}

/** The first 100 bytes of a project: SQLite's header, and Wijkweb's application_id (big-endian at offset 68). */
export function hasProjectHeader(head: Uint8Array): boolean {
  if (head.byteLength < 100) return false;
  for (let i = 0; i < SQLITE_HEADER.length; i++) if (head[i] !== SQLITE_HEADER.charCodeAt(i)) return false;
  return new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(68) === APPLICATION_ID;
}

/** The real path of a project file, or null when the path does not name one. */
export async function validProjectPath(fs: ArgvFs, path: string, cwd: string): Promise<string | null> {
  try {
    const real = await fs.realpath(isAbsolute(path) ? path : resolve(cwd, path));
    if (!real.toLowerCase().endsWith(PROJECT_EXTENSION)) return null;
    const s = await fs.stat(real);
    if (!s.isFile() || s.size < 512 || s.size > MAX_PROJECT_BYTES) return null;
    return hasProjectHeader(await fs.readHead(real, 100)) ? real : null;
  } catch {
    return null;
  }
}

/** The first argument that is a real Wijkweb project, by its real path; null when there is none. */
export async function projectFromArgv(fs: ArgvFs, argv: readonly string[], cwd: string): Promise<string | null> {
  for (const candidate of projectArguments(argv)) {
    const path = await validProjectPath(fs, candidate, cwd);
    if (path) return path;
  }
  return null;
}

export interface SecondStartDeps {
  /** Validates (projectFromArgv or validProjectPath) and returns the real path, or null. */
  readonly find: (argv: readonly string[], cwd: string) => Promise<string | null>;
  /** Adds the path to the recent list, so the renderer may open it. */
  readonly remember: (path: string) => Promise<void>;
  /** Brings the first window to the front (restored when minimised). */
  readonly focus: () => void;
  /** Asks the renderer to open the file. */
  readonly open: (path: string) => void;
}

/**
 * The app runs once (app.requestSingleInstanceLock): a second start hands its command line to the first, which comes
 * to the front and opens the file, if it is a project.
 */
export function createSecondStartHandler(deps: SecondStartDeps) {
  return async (argv: readonly string[], cwd: string): Promise<string | null> => {
    deps.focus();
    const path = await deps.find(argv, cwd);
    if (path === null) return null;
    await deps.remember(path);
    deps.open(path);
    return path;
  };
}
