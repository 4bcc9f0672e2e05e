import { promises as fsp } from 'node:fs';

/** The file operations the durability code needs; injected so tests can fail any step. */
export interface FileSystem {
  writeFileSynced(path: string, bytes: Uint8Array): Promise<void>;
  readFile(path: string): Promise<Uint8Array>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  mkdir(path: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
  stat(path: string): Promise<{ size: number; mtimeMs: number }>;
  /** Make a rename durable (POSIX: fsync the directory). A no-op where not supported. */
  syncDir(path: string): Promise<void>;
  /** Create a file only if it does not exist (O_EXCL); EEXIST otherwise. */
  writeExclusive(path: string, text: string): Promise<void>;
  touch(path: string, when: Date): Promise<void>;
  exists(path: string): Promise<boolean>;
  /** The path with every symbolic link resolved (ENOENT when it does not exist). Fakes may leave it out. */
  realpath?(path: string): Promise<string>;
}

export const nodeFs: FileSystem = {
  async writeFileSynced(path, bytes) {
    const handle = await fsp.open(path, 'w');
    try {
      let offset = 0;
      while (offset < bytes.byteLength) {
        const { bytesWritten } = await handle.write(bytes, offset, bytes.byteLength - offset);
        offset += bytesWritten;
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  async readFile(path) {
    const buf = await fsp.readFile(path);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  },
  rename: (from, to) => fsp.rename(from, to),
  unlink: (path) => fsp.unlink(path),
  copyFile: (from, to) => fsp.copyFile(from, to),
  mkdir: async (path) => {
    await fsp.mkdir(path, { recursive: true });
  },
  readdir: (path) => fsp.readdir(path),
  stat: async (path) => {
    const s = await fsp.stat(path);
    return { size: s.size, mtimeMs: s.mtimeMs };
  },
  async syncDir(path) {
    if (process.platform === 'win32') return;
    const handle = await fsp.open(path, 'r');
    try {
      await handle.sync();
    } catch {
      // some file systems (network shares) refuse fsync on a directory; the rename itself has happened
    } finally {
      await handle.close();
    }
  },
  async writeExclusive(path, text) {
    const handle = await fsp.open(path, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  touch: (path, when) => fsp.utimes(path, when, when),
  async exists(path) {
    try {
      await fsp.stat(path);
      return true;
    } catch {
      return false;
    }
  },
  realpath: (path) => fsp.realpath(path),
};

export function errnoCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}
