import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addRecent, createRecentStore, MAX_RECENT, toRecentProjects, type RecentEntry } from '../../../electron/recent';
import { nodeFs } from '../../../node/fs';
import { tmpDir } from '../../helpers/tmp';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 12, minute)).toISOString();

describe('addRecent', () => {
  it('puts the newest first', () => {
    let list: RecentEntry[] = [];
    list = addRecent(list, '/p/a.wijkweb', at(1));
    list = addRecent(list, '/p/b.wijkweb', at(2));
    expect(list).toEqual([
      { path: '/p/b.wijkweb', lastOpened: at(2) },
      { path: '/p/a.wijkweb', lastOpened: at(1) },
    ]);
  });

  it('dedupes: opening a known path again moves it to the front with the new time', () => {
    let list: RecentEntry[] = [];
    for (const [i, p] of ['/p/a.wijkweb', '/p/b.wijkweb', '/p/c.wijkweb'].entries()) list = addRecent(list, p, at(i));
    list = addRecent(list, '/p/a.wijkweb', at(10));
    expect(list.map((e) => e.path)).toEqual(['/p/a.wijkweb', '/p/c.wijkweb', '/p/b.wijkweb']);
    expect(list[0]?.lastOpened).toBe(at(10));
    expect(list.filter((e) => e.path === '/p/a.wijkweb')).toHaveLength(1);
  });

  it(`keeps at most MAX_RECENT (${MAX_RECENT}), dropping the oldest`, () => {
    let list: RecentEntry[] = [];
    for (let i = 0; i < MAX_RECENT + 5; i++) list = addRecent(list, `/p/${i}.wijkweb`, at(i));
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]?.path).toBe(`/p/${MAX_RECENT + 4}.wijkweb`);
    expect(list[MAX_RECENT - 1]?.path).toBe('/p/5.wijkweb');
    expect(list.some((e) => e.path === '/p/4.wijkweb')).toBe(false);
  });

  it('does not change the list it is given', () => {
    const list: RecentEntry[] = [{ path: '/p/a.wijkweb', lastOpened: at(1) }];
    const copy = structuredClone(list);
    addRecent(list, '/p/b.wijkweb', at(2));
    addRecent(list, '/p/a.wijkweb', at(3));
    expect(list).toEqual(copy);
  });
});

describe('toRecentProjects', () => {
  it('gives ref, file name and folder', () => {
    expect(toRecentProjects([{ path: join('/p', 'wijk', 'West.wijkweb'), lastOpened: at(1) }])).toEqual([
      {
        ref: { id: join('/p', 'wijk', 'West.wijkweb'), fileName: 'West.wijkweb' },
        lastOpened: at(1),
        location: join('/p', 'wijk'),
        storage: 'bestand',
      },
    ]);
  });
});

describe('createRecentStore', () => {
  let t: { dir: string; cleanup: () => void };
  let dataDir: string;
  beforeEach(() => {
    t = tmpDir('wijkweb-recent-');
    dataDir = join(t.dir, 'userData');
  });
  afterEach(() => t.cleanup());

  it('is empty when there is no file yet', async () => {
    expect(await createRecentStore(nodeFs, dataDir).load()).toEqual([]);
  });

  it('saves (creating the data folder) and loads the list back', async () => {
    const store = createRecentStore(nodeFs, dataDir);
    const list = addRecent(addRecent([], '/p/a.wijkweb', at(1)), '/p/b.wijkweb', at(2));
    await store.save(list);
    expect(await store.load()).toEqual(list);
    expect(await createRecentStore(nodeFs, dataDir).load()).toEqual(list);
    const parsed: unknown = JSON.parse(readFileSync(join(dataDir, 'recent.json'), 'utf8'));
    expect(parsed).toEqual(list);
  });

  it.each([
    ['truncated JSON', '[{"path": "/p/a.wijkweb", "lastOp'],
    ['not JSON at all', '\u0000\u0001garbage'],
    ['an empty file', ''],
    ['an object instead of a list', '{"path": "/p/a.wijkweb", "lastOpened": "x"}'],
    ['a string', '"hello"'],
    ['null', 'null'],
  ])('survives a damaged recent.json (%s) and returns []', async (_what, text) => {
    const store = createRecentStore(nodeFs, dataDir);
    await nodeFs.mkdir(dataDir);
    writeFileSync(join(dataDir, 'recent.json'), text);
    expect(await store.load()).toEqual([]);
    // and can write a good list over it
    await store.save([{ path: '/p/a.wijkweb', lastOpened: at(1) }]);
    expect(await store.load()).toEqual([{ path: '/p/a.wijkweb', lastOpened: at(1) }]);
  });

  it('drops malformed entries and keeps the good ones', async () => {
    await nodeFs.mkdir(dataDir);
    writeFileSync(
      join(dataDir, 'recent.json'),
      JSON.stringify([
        { path: '/p/a.wijkweb', lastOpened: at(1) },
        { path: 42, lastOpened: at(2) },
        { path: '/p/b.wijkweb' },
        null,
        'x',
        ['/p/c.wijkweb'],
        { path: '/p/d.wijkweb', lastOpened: at(4) },
      ]),
    );
    expect(await createRecentStore(nodeFs, dataDir).load()).toEqual([
      { path: '/p/a.wijkweb', lastOpened: at(1) },
      { path: '/p/d.wijkweb', lastOpened: at(4) },
    ]);
  });

  it('loads at most MAX_RECENT entries from an overlong file', async () => {
    await nodeFs.mkdir(dataDir);
    const long = Array.from({ length: MAX_RECENT + 7 }, (_, i) => ({ path: `/p/${i}.wijkweb`, lastOpened: at(i) }));
    writeFileSync(join(dataDir, 'recent.json'), JSON.stringify(long));
    const loaded = await createRecentStore(nodeFs, dataDir).load();
    expect(loaded).toHaveLength(MAX_RECENT);
    expect(loaded[0]?.path).toBe('/p/0.wijkweb');
  });
});
