/**
 * The store's netwerk actions, with a fake worker: positions are saved (autosave scheduled) without new data for the
 * pages; saved views are changes like any other (undo, dataRevision); read-only projects refuse both.
 */
import { describe, expect, it } from 'vitest';
import type { BridgeApi, Changed, ProjectOverview, UndoState } from '../../../../shared/contract';
import { createAppStore, type StoreDeps } from '../../../../renderer/state/store';

const overview = (naam: string): ProjectOverview =>
  ({
    naam,
    aangemaakt: '',
    gewijzigd: '',
    schemaVersion: 9,
    counts: { weergaven: 1 },
    bronnen: [],
  }) as unknown as ProjectOverview;

function setup(opts: { readOnly?: boolean } = {}) {
  const calls: string[] = [];
  const saved: number[] = [];
  const undo: UndoState = { ongedaanMaken: 'Weergave ‘Stuurgroep’ bewaard', opnieuw: null };
  const ok = <T>(value: T) => ({ ok: true as const, value });
  const changed = <T>(result: T): Changed<T> => ({ result, overview: overview('P'), undo });
  const worker = {
    createProject: async (n: string) => ok(overview(n)),
    openProject: async () => ok({ overview: overview('P'), migratedFrom: null }),
    closeProject: async () => undefined,
    exportProject: async () => ok(new Uint8Array([1, 2, 3])),
    getUndoState: async () => ({ ongedaanMaken: null, opnieuw: null }),
    getNetwerk: async () => {
      calls.push('getNetwerk');
      return ok({ knopen: [], relaties: [], perioden: [], posities: [], labels: {}, gebieden: {} });
    },
    analyseNetwerk: async (filter: unknown) => {
      calls.push(`analyseNetwerk:${JSON.stringify(filter)}`);
      return ok({});
    },
    saveKnoopPosities: async (posities: readonly unknown[], vervangen: boolean) => {
      calls.push(`saveKnoopPosities:${posities.length}:${vervangen}`);
      return ok(posities.length);
    },
    listWeergaven: async (soort: string) => {
      calls.push(`listWeergaven:${soort}`);
      return ok([]);
    },
    saveWeergave: async (id: number | null, input: { naam: string }) => {
      calls.push(`saveWeergave:${id}:${input.naam}`);
      return ok(changed({ id: 3, naam: input.naam }));
    },
    deleteWeergave: async (id: number) => {
      calls.push(`deleteWeergave:${id}`);
      return ok(changed(1));
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
    openProjectFile: async () => ({
      ok: true,
      value: { ref: { id: 'p2', fileName: 'P.wijkweb' }, bytes: new Uint8Array([1]), readOnly: opts.readOnly ?? false },
    }),
    saveProjectFile: async (_id: string, bytes: Uint8Array) => {
      saved.push(bytes.length);
      return { ok: true, value: { savedAt: new Date().toISOString(), bytes: bytes.length, backupMade: false } };
    },
    closeProjectFile: async () => undefined,
    listBackups: async () => [],
  } as unknown as BridgeApi;
  return { store: createAppStore({ bridge, worker }), calls, saved };
}

describe('netwerk actions in the store', () => {
  it('reads pass straight through to the worker', async () => {
    const { store, calls } = setup();
    const a = store.getState().actions;
    await a.newProject('P');
    expect((await a.getNetwerk()).ok).toBe(true);
    await a.analyseNetwerk({ leefgebieden: ['welzijn'] });
    await a.listWeergaven('netwerk');
    expect(calls).toEqual(['getNetwerk', 'analyseNetwerk:{"leefgebieden":["welzijn"]}', 'listWeergaven:netwerk']);
  });

  it('positions are kept in the project and saved, but other pages get no new data', async () => {
    const { store, calls, saved } = setup();
    const a = store.getState().actions;
    await a.newProject('P');
    const rev = store.getState().dataRevision;
    const r = await a.saveKnoopPosities([{ knoop: 'o1', x: 1, y: 2, vast: true }], false);
    expect(r).toEqual({ ok: true, value: 1 });
    expect(calls).toContain('saveKnoopPosities:1:false');
    expect(store.getState().dataRevision).toBe(rev);
    expect(store.getState().saveStatus).toBe('gewijzigd');
    await a.saveNow();
    expect(store.getState().saveStatus).toBe('opgeslagen');
    expect(saved).toHaveLength(1);
  });

  it('a saved view is a change like any other: undo state, dataRevision, autosave', async () => {
    const { store, calls } = setup();
    const a = store.getState().actions;
    await a.newProject('P');
    const rev = store.getState().dataRevision;
    const r = await a.saveWeergave(null, { naam: 'Stuurgroep', soort: 'netwerk', instellingen: { modus: 'vervagen' } });
    expect(r).toEqual({ ok: true, value: { id: 3, naam: 'Stuurgroep' } });
    expect(store.getState().undo.ongedaanMaken).toBe('Weergave ‘Stuurgroep’ bewaard');
    expect(store.getState().dataRevision).toBe(rev + 1);
    expect(store.getState().saveStatus).toBe('gewijzigd');
    expect((await a.deleteWeergave(3)).ok).toBe(true);
    expect(store.getState().dataRevision).toBe(rev + 2);
    expect(calls).toEqual(['saveWeergave:null:Stuurgroep', 'deleteWeergave:3']);
  });

  it('a read-only project refuses positions and views without asking the worker', async () => {
    const { store, calls } = setup({ readOnly: true });
    const a = store.getState().actions;
    await a.openProject();
    expect((await a.saveKnoopPosities([{ knoop: 'o1', x: 1, y: 2, vast: false }], true)).ok).toBe(false);
    expect((await a.saveWeergave(null, { naam: 'X', soort: 'netwerk', instellingen: {} })).ok).toBe(false);
    expect((await a.deleteWeergave(1)).ok).toBe(false);
    expect(calls).toEqual([]);
  });
});
