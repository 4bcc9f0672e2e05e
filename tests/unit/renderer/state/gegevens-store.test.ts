/**
 * The store's actions for the sociale kaart, with a fake worker: every change takes the new overview and undo state,
 * raises dataRevision and schedules the autosave; read-only projects refuse changes; undo/redo say what they did;
 * imports hold `busy` and save afterwards; the undo history belongs to the open project.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BridgeApi, Changed, ProjectOverview, UndoState } from '../../../../shared/contract';
import { createAppStore, type StoreDeps } from '../../../../renderer/state/store';

const overview = (naam: string, organisaties = 0): ProjectOverview =>
  ({
    naam,
    aangemaakt: '',
    gewijzigd: '',
    schemaVersion: 4,
    counts: { organisaties },
    bronnen: [],
  }) as unknown as ProjectOverview;

function changed<T>(result: T, undo: UndoState, organisaties = 1): Changed<T> {
  return { result, overview: overview('P', organisaties), undo };
}

function setup(opts: { readOnly?: boolean } = {}) {
  const calls: string[] = [];
  const saved: number[] = [];
  let undoState: UndoState = { ongedaanMaken: null, opnieuw: null };
  let releaseImport: () => void = () => undefined;
  const ok = <T>(value: T) => ({ ok: true as const, value });
  const worker = {
    createProject: async (n: string) => ok(overview(n)),
    openProject: async () => ok({ overview: overview('P'), migratedFrom: null }),
    closeProject: async () => {
      calls.push('closeProject');
    },
    exportProject: async () => ok(new Uint8Array([1, 2, 3])),
    getUndoState: async () => {
      calls.push('getUndoState');
      return undoState;
    },
    saveOrganisatie: async (id: number | null, input: { naam: string }) => {
      calls.push(`saveOrganisatie:${id}:${input.naam}`);
      if (!input.naam)
        return { ok: false as const, error: { code: 'invoer.ongeldig', params: { veld: 'naam', code: 'verplicht' } } };
      undoState = { ongedaanMaken: `Organisatie ‘${input.naam}’ toegevoegd`, opnieuw: null };
      return ok(changed({ id: 7, naam: input.naam }, undoState));
    },
    deleteItems: async (soort: string, ids: readonly number[]) => {
      calls.push(`deleteItems:${soort}:${ids.join(',')}`);
      return ok(changed(ids.length, undoState, 0));
    },
    undo: async () => {
      calls.push('undo');
      const omschrijving = undoState.ongedaanMaken;
      undoState = { ongedaanMaken: null, opnieuw: omschrijving };
      return ok(changed(omschrijving, undoState, 0));
    },
    redo: async () => {
      calls.push('redo');
      const omschrijving = undoState.opnieuw;
      undoState = { ongedaanMaken: omschrijving, opnieuw: null };
      return ok(changed(omschrijving, undoState, 1));
    },
    importPartners: async () => {
      calls.push('importPartners');
      await new Promise<void>((r) => (releaseImport = r));
      undoState = { ongedaanMaken: 'Import ‘partners.xlsx’', opnieuw: null };
      return ok(
        changed(
          { bronId: 1, organisaties: 12, voorzieningen: 3, bijgewerkt: 0, samengevoegd: 0, overgeslagen: 0 },
          undoState,
          12,
        ),
      );
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
  const store = createAppStore({ bridge, worker });
  return {
    store,
    calls,
    saved,
    releaseImport: () => releaseImport(),
    setUndo: (u: UndoState) => (undoState = u),
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('sociale kaart actions in the store', () => {
  it('a save takes the new overview and undo state, raises dataRevision and schedules the autosave', async () => {
    const { store, saved } = setup();
    const a = store.getState().actions;
    await a.newProject('P');
    const before = store.getState().dataRevision;
    const result = await a.saveOrganisatie(null, { naam: 'Alifa' });
    expect(result).toEqual({ ok: true, value: { id: 7, naam: 'Alifa' } });
    const s = store.getState();
    expect(s.project?.overview.counts.organisaties).toBe(1);
    expect(s.undo.ongedaanMaken).toBe('Organisatie ‘Alifa’ toegevoegd');
    expect(s.dataRevision).toBe(before + 1);
    expect(s.saveStatus).toBe('gewijzigd');
    await a.saveNow();
    expect(store.getState().saveStatus).toBe('opgeslagen');
    expect(saved.length).toBeGreaterThan(0);
  });

  it('an invalid input comes back as the worker says it, and nothing else changes', async () => {
    const { store } = setup();
    const a = store.getState().actions;
    await a.newProject('P');
    const before = store.getState().dataRevision;
    const result = await a.saveOrganisatie(null, { naam: '' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invoer.ongeldig', params: { veld: 'naam', code: 'verplicht' } },
    });
    expect(store.getState().dataRevision).toBe(before);
    expect(store.getState().saveStatus).toBe('opgeslagen');
  });

  it('a read-only project refuses every change without asking the worker', async () => {
    const { store, calls } = setup({ readOnly: true });
    const a = store.getState().actions;
    await a.openProject();
    expect(store.getState().project?.readOnly).toBe(true);
    expect((await a.saveOrganisatie(null, { naam: 'X' })).ok).toBe(false);
    expect((await a.deleteItems('organisatie', [1])).ok).toBe(false);
    expect(calls.filter((c) => c.startsWith('saveOrganisatie') || c.startsWith('deleteItems'))).toEqual([]);
  });

  it('undo and redo say what they did, and do nothing when there is nothing to do', async () => {
    const { store, calls } = setup();
    const a = store.getState().actions;
    await a.newProject('P');
    expect((await a.undo()).ok).toBe(true);
    expect(calls).not.toContain('undo');

    await a.saveOrganisatie(null, { naam: 'Alifa' });
    const rev = store.getState().dataRevision;
    expect(await a.undo()).toEqual({ ok: true, value: 'Organisatie ‘Alifa’ toegevoegd' });
    expect(store.getState().undo).toEqual({ ongedaanMaken: null, opnieuw: 'Organisatie ‘Alifa’ toegevoegd' });
    expect(store.getState().dataRevision).toBe(rev + 1);
    expect(store.getState().project?.overview.counts.organisaties).toBe(0);
    const notice = store.getState().notices.find((n) => n.tag === 'ongedaan');
    expect(notice?.text).toEqual({
      key: 'ongedaan.gedaan',
      params: { omschrijving: 'Organisatie ‘Alifa’ toegevoegd' },
    });

    await a.redo();
    expect(store.getState().undo.ongedaanMaken).toBe('Organisatie ‘Alifa’ toegevoegd');
    // One "Ongedaan gemaakt / Opnieuw gedaan" notice at a time.
    const tagged = store.getState().notices.filter((n) => n.tag === 'ongedaan');
    expect(tagged).toHaveLength(1);
    expect(tagged[0]!.text?.key).toBe('ongedaan.opnieuwGedaan');
  });

  it('the short notice goes away by itself', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { store } = setup();
    const a = store.getState().actions;
    a.notify({ kind: 'ok', text: { key: 'x' }, autoDismissMs: 5000 });
    expect(store.getState().notices).toHaveLength(1);
    vi.advanceTimersByTime(5001);
    expect(store.getState().notices).toHaveLength(0);
  });

  it('the undo history belongs to the project: fetched after opening, cleared after closing', async () => {
    const { store, calls, setUndo } = setup();
    const a = store.getState().actions;
    setUndo({ ongedaanMaken: 'iets', opnieuw: null });
    await a.openProject();
    expect(calls).toContain('getUndoState');
    expect(store.getState().undo.ongedaanMaken).toBe('iets');
    await a.closeProject();
    expect(store.getState().undo).toEqual({ ongedaanMaken: null, opnieuw: null });
  });

  it('an import holds busy while it runs, then takes its changes and is saved', async () => {
    const { store, saved, releaseImport } = setup();
    const a = store.getState().actions;
    await a.newProject('P');
    const running = a.importPartners({ name: 'partners.xlsx', bytes: new Uint8Array() }, {});
    await Promise.resolve();
    expect(store.getState().busy?.taak).toBe('importeren');
    // A save asked for during the import waits until after it.
    const savedBefore = saved.length;
    releaseImport();
    const result = await running;
    expect(result.ok && result.value.organisaties).toBe(12);
    expect(store.getState().busy).toBeNull();
    expect(store.getState().undo.ongedaanMaken).toBe('Import ‘partners.xlsx’');
    expect(store.getState().project?.overview.counts.organisaties).toBe(12);
    expect(store.getState().saveStatus).toBe('gewijzigd');
    await a.saveNow();
    expect(saved.length).toBeGreaterThan(savedBefore);
  });
});
