/**
 * The store's saving rules with a fake worker and bridge: no change is ever dropped, even around imports and
 * closing, and saves never overlap.
 */
import { describe, expect, it } from 'vitest';
import type { BridgeApi, ProjectOverview } from '../../../../shared/contract';
import { createAppStore, type StoreDeps } from '../../../../renderer/state/store';

const overview = (naam: string): ProjectOverview =>
  ({ naam, aangemaakt: '', gewijzigd: '', schemaVersion: 3, counts: {}, bronnen: [] }) as unknown as ProjectOverview;

function setup(opts: { slowSave?: boolean; importResult?: 'ok' | 'geannuleerd' } = {}) {
  let naam = 'Start';
  const saved: string[] = [];
  let active = 0;
  let maxActive = 0;
  let releaseImport: () => void = () => undefined;
  const worker = {
    createProject: async (n: string) => ({ ok: true as const, value: overview((naam = n)) }),
    openProject: async () => ({ ok: true as const, value: { overview: overview(naam), migratedFrom: null } }),
    closeProject: async () => undefined,
    exportProject: async () => ({ ok: true as const, value: new TextEncoder().encode(naam) }),
    renameProject: async (n: string) => ({ ok: true as const, value: overview((naam = n)) }),
    importCbs: async () => {
      await new Promise<void>((r) => (releaseImport = r));
      return opts.importResult === 'ok'
        ? {
            ok: true as const,
            value: {
              overview: overview(naam),
              bronId: 1,
              jaar: 2024,
              gebiedenNieuw: 0,
              gebiedenBijgewerkt: 0,
              waarden: 0,
              indicatorenNieuw: 0,
            },
          }
        : { ok: false as const, error: { code: 'import.geannuleerd' } };
    },
  } as unknown as StoreDeps['worker'];
  const bridge = {
    platform: async () => ({
      kind: 'browser',
      backupLocation: '',
      appVersion: '',
      newProjectStorage: 'werkkopie',
      canUseFiles: false,
    }),
    listRecentProjects: async () => [],
    createProjectFile: async (name: string) => ({ ok: true, value: { id: 'p1', fileName: name } }),
    saveProjectFile: async (_id: string, bytes: Uint8Array) => {
      active++;
      maxActive = Math.max(maxActive, active);
      if (opts.slowSave) await new Promise((r) => setTimeout(r, 30));
      saved.push(new TextDecoder().decode(bytes));
      active--;
      return { ok: true, value: { savedAt: new Date().toISOString(), bytes: bytes.length, backupMade: false } };
    },
    closeProjectFile: async () => undefined,
  } as unknown as BridgeApi;
  const store = createAppStore({ bridge, worker });
  return { store, saved, release: () => releaseImport(), maxActive: () => maxActive };
}

describe('saving in the store', () => {
  it('a change made before an import that is then stopped is still saved', async () => {
    const { store, saved, release } = setup();
    await store.getState().actions.newProject('A');
    await store.getState().actions.renameProject('Veranderd');
    const importing = store.getState().actions.importCbs({ name: 'x.csv', bytes: new Uint8Array() }, {});
    const saving = store.getState().actions.saveNow();
    release();
    await importing;
    await saving;
    await store.getState().actions.closeProject();
    expect(saved[saved.length - 1]).toBe('Veranderd');
    expect(store.getState().project).toBeNull();
  });

  it('closing after a slow save also saves the change made during it; saves never overlap', async () => {
    const { store, saved, maxActive } = setup({ slowSave: true });
    await store.getState().actions.newProject('A');
    await store.getState().actions.renameProject('Eerste');
    const first = store.getState().actions.saveNow();
    await store.getState().actions.renameProject('Tweede');
    void store.getState().actions.saveNow();
    await first;
    await store.getState().actions.closeProject();
    expect(saved[saved.length - 1]).toBe('Tweede');
    expect(maxActive()).toBe(1);
  });
});
