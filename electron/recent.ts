import { basename, dirname, join } from 'node:path';
import type { RecentProject } from '../shared/contract';
import type { FileSystem } from '../node/fs';
import { atomicWrite } from '../node/atomic-write';

export interface RecentEntry {
  readonly path: string;
  readonly lastOpened: string;
}

export const MAX_RECENT = 10;

export function addRecent(list: readonly RecentEntry[], path: string, now: string): RecentEntry[] {
  return [{ path, lastOpened: now }, ...list.filter((e) => e.path !== path)].slice(0, MAX_RECENT);
}

export function toRecentProjects(list: readonly RecentEntry[]): RecentProject[] {
  return list.map((e) => ({
    ref: { id: e.path, fileName: basename(e.path) },
    lastOpened: e.lastOpened,
    location: dirname(e.path),
    storage: 'bestand',
  }));
}

/** The recent-files list, kept as JSON in the app's data folder. A damaged list is treated as empty. */
export function createRecentStore(fs: FileSystem, dataDir: string) {
  const file = join(dataDir, 'recent.json');
  async function load(): Promise<RecentEntry[]> {
    try {
      const parsed: unknown = JSON.parse(new TextDecoder().decode(await fs.readFile(file)));
      if (!Array.isArray(parsed)) return [];
      return parsed
        .filter(
          (e): e is RecentEntry =>
            typeof e === 'object' && e !== null && typeof e.path === 'string' && typeof e.lastOpened === 'string',
        )
        .slice(0, MAX_RECENT);
    } catch {
      return [];
    }
  }
  async function save(list: readonly RecentEntry[]): Promise<void> {
    await fs.mkdir(dataDir);
    await atomicWrite(fs, file, new TextEncoder().encode(JSON.stringify(list, null, 2)));
  }
  return { load, save };
}
