import type { SqlJsStatic } from 'sql.js';
import type {
  ExportTableName,
  GebiedProfiel,
  GebiedRow,
  OpenedProjectInfo,
  ProgressListener,
  ProjectOverview,
  TableData,
  TeamStatus,
  WorkerApi,
} from '../contract';
import { EXPORT_TABLE_NAMES } from '../contract';
import { type ProjectDb } from '../db/connection';
import { taxonomieLabel } from '../model/taxonomies';
import { createProjectDb, openProjectDb, reopenOwnSnapshot } from '../db/open';
import { isSavableProjectFile } from '../db/file-header';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { getProject, renameProject, touchProject } from '../db/repos/project';
import { countAll, listBronnen } from '../db/repos/overview';
import { exportTable } from '../db/repos/export-tables';
import { AppException, fail, ok, toAppError, type Result } from '../result';
import { importCbs, parseCbsFile, previewCbs, type CbsImportOptions } from '../importers/cbs';
import type { ImportFile } from '../importers/types';
import { columnOverrides, importCognos, parseCognosFile, previewCognos } from '../importers/cognos';
import { listMetingen } from '../db/repos/metingen';
import {
  createEigenGebied,
  eigenGebiedProfiel,
  gebiedProfiel,
  listEigenGebieden,
  listGebieden,
  listJaren,
  nameResolver,
} from '../db/repos/gebieden';
import { normaliseName } from '../model/names';
import { kopieerTeam, syncStaat } from '../db/repos/sync';
import type { TeamPlatform } from '../sync/sessie';
import { createTeam } from './team';
import { UndoManager } from '../db/undo';
import * as kaart from '../db/repos/sociale-kaart';
import { deleteTaxonomieItem, listTaxonomieItems, saveTaxonomieItem } from '../db/repos/taxonomies';
import type { Changed, DubbeleOrganisaties, EntiteitSoort } from '../contract';
import { findDuplicateCandidates, orgNameKey } from '../model/org-names';
import {
  importPartners,
  orgPlaces,
  parsePartnersFile,
  previewPartners,
  type PartnersImportOptions,
} from '../importers/partners';
import { importRelaties, parseRelatiesFile, previewRelaties } from '../importers/partners/relaties';
import { parsePostcodesFile } from '../importers/partners/postcodes';
import { writePostcodes } from '../db/repos/postcodes-import';
import { sniffImport } from '../importers/sniff';
import { loadNetwerk, saveKnoopPosities } from '../db/repos/netwerk';
import { analyseNetwerk, analyseNetwerkParallel, type RunPaths } from '../analysis/analyse';
import type { NetwerkData } from '../analysis/types';
import {
  deleteWeergave,
  listKnoopPosities,
  listWeergaven,
  reorderWeergaven,
  replaceKnoopPosities,
  saveWeergave,
} from '../db/repos/weergaven';
import { itemNaam as itemNaamVan, listOrganisatieKenmerken } from '../db/repos/sociale-kaart';
import { parseGeoFile, previewGeo, writeGeo } from '../importers/geo';
import { loadKaart } from '../db/repos/kaart';
import { berekenHiaten } from '../analysis/hiaten';
import { berekenScenario } from '../analysis/scenario';
import { hiatenInstellingenSchema, scenarioSchema } from '../analysis/hiaten-schema';
import {
  listHiatenMomenten,
  loadHiatenInput,
  loadHiatenInstellingen,
  saveHiatenInstellingen,
  setMetingUitgesloten,
} from '../db/repos/hiaten';
import { deleteScenario, listScenarios, saveScenario } from '../db/repos/scenarios';
import { APP_VERSION } from '../version';
import { projectNameSchema } from '../model/project';
import { bouwPresentatie, bouwRapport, huidigeSnapshot } from '../report/build';
import { rapportXlsx } from '../report/xlsx';
import { deleteSnapshot, insertSnapshot, listSnapshots } from '../db/repos/snapshots';
import { loadPrivacy, savePrivacy } from '../db/repos/privacy';
import { privacySchema } from '../report/privacy';
import { capaciteitSchema, doelSchema, eersteProbleem, pilotSchema, tellingSchema } from '../analysis/pilot-schema';
import {
  buildPilotMonitor,
  deleteCapaciteit,
  deleteDoel,
  listCapaciteit,
  listDoelen,
  loadPilot,
  saveCapaciteit,
  saveDoel,
  savePilot,
  saveTelling,
  standaardPeildatum,
} from '../db/repos/pilot';
import { standaardDoelen } from '../model/pilot';

export { projectNameSchema };

/** From this many knopen the network analysis splits its paths over the helper workers (analyseNetwerk below). */
export const PARALLEL_FROM_KNOPEN = 400;

export interface ServiceDeps {
  readonly SQL: SqlJsStatic;
  /** ISO timestamp of "now"; injected so tests can fix the clock. */
  readonly now?: () => string;
  readonly onProgress?: ProgressListener;
  /** Runs a range of the network's path metrics elsewhere (helper workers), so both cores work; optional. */
  readonly runPaths?: RunPaths;
  /** SHA-256 of a file, hex (Web Crypto in the worker, node:crypto in the CLI). */
  readonly sha256: (bytes: Uint8Array) => Promise<string>;
  /** Samenwerken: the platform's WebSocket and how Automerge's WebAssembly is loaded; without, shared projects stay offline. */
  readonly team?: { readonly platform?: TeamPlatform; laad?(): Promise<void> };
}

function guard<T>(fn: () => T): Result<T> {
  try {
    return ok(fn());
  } catch (err) {
    return { ok: false, error: toAppError(err) };
  }
}

/**
 * The project service: owns one sql.js database at a time. Runs in the Web Worker (renderer/worker) and,
 * unchanged, in Node for the CLI and the tests. Every method returns a Result; nothing throws across it.
 */
export function createProjectService(deps: ServiceDeps): WorkerApi & {
  setProgressListener(listener: ProgressListener | undefined): void;
  /** Direct access for the CLI and tests in the same process (never exposed over comlink). */
  currentDb(): ProjectDb | null;
} {
  const now = deps.now ?? (() => new Date().toISOString());
  let onProgress = deps.onProgress;
  let db: ProjectDb | null = null;
  /**
   * An import wrote to the open project with SQLite's own checks off, and the project was not checked since. Stays
   * set across undo and redo of that import (their snapshots hold states not checked either).
   */
  let checkPending = false;
  let revision = 0;
  let cancelRequested = false;
  let importing = false;
  /** Resolves when the running import has finished (committed or rolled back). */
  let importDone: Promise<unknown> = Promise.resolve();
  /**
   * While an import's transaction is open (it yields between chunks), nothing else may write or close the database:
   * a write would become part of the import and be rolled back with it.
   */
  const busyImport = <T>(): Result<T> | null => (importing ? fail('import.al-bezig') : null);

  /** One import at a time, with progress, a cancel between chunks, and the project touched afterwards. */
  const runImport = async <T extends object>(
    fileName: string,
    fn: (
      d: ProjectDb,
      progress: { onProgress: (done: number, total: number) => void; pause: () => Promise<void> },
    ) => Promise<T>,
  ): Promise<Result<T & { overview: ProjectOverview }>> => {
    if (importing) return fail('import.al-bezig');
    importing = true;
    cancelRequested = false;
    const work = (async () => {
      const d = requireDb();
      const result = await fn(d, {
        onProgress: (gedaan, totaal) => onProgress?.({ taak: 'importeren', gedaan, totaal }),
        pause: async () => {
          await new Promise((r) => setTimeout(r, 0));
          if (cancelRequested) throw new AppException('import.geannuleerd', { bestand: fileName });
        },
      });
      touchProject(d, now());
      revision++;
      return { ...result, overview: overview(d) };
    })();
    importDone = work;
    try {
      return ok(await work);
    } catch (err) {
      return { ok: false, error: toAppError(err) };
    } finally {
      importing = false;
    }
  };
  /** The last parsed file, so the import after a preview does not parse it again. */
  let parsedCache: { key: string; sha: string; parsed: ReturnType<typeof parseCbsFile> } | null = null;

  const parseCached = async (file: ImportFile, options: CbsImportOptions) => {
    const sha = await deps.sha256(file.bytes);
    const key = `${sha}|${options.jaar ?? ''}|${(options.gemeenten ?? []).join(',')}`;
    if (parsedCache?.key !== key) {
      onProgress?.({ taak: 'importeren', gedaan: 0, totaal: 0 });
      const resolveName = db ? nameResolver(db, options.jaar, normaliseName) : undefined;
      parsedCache = { key, sha, parsed: parseCbsFile(file, { ...options, ...(resolveName ? { resolveName } : {}) }) };
    }
    return parsedCache;
  };

  /**
   * The last partner list read, so that the import after its preview does not read the file again (a 5,000-row
   * xlsx: ~0.4 s). Reading depends on the bytes, the sheet and the column choices only, never on the project.
   */
  let partnersCache: { key: string; parsed: ReturnType<typeof parsePartnersFile> } | null = null;
  const parsedPartners = (file: ImportFile, sha: string, options: PartnersImportOptions) => {
    const key = JSON.stringify([sha, options.blad ?? null, options.kolommen ?? null]);
    if (partnersCache?.key !== key) partnersCache = { key, parsed: parsePartnersFile(file, options) };
    return partnersCache.parsed;
  };

  const requireDb = (): ProjectDb => {
    if (!db) throw new AppException('project.geen-project-open');
    return db;
  };

  const overview = (d: ProjectDb): ProjectOverview => {
    const p = getProject(d);
    return {
      naam: p.naam,
      aangemaakt: p.aangemaakt,
      gewijzigd: p.gewijzigd,
      schemaVersion: d.pragmaNumber('user_version'),
      counts: countAll(d),
      bronnen: listBronnen(d),
    };
  };

  const replaceDb = (next: ProjectDb | null) => {
    team.sluit();
    db?.close();
    db = next;
    checkPending = false; // a new project, or one integrity_checked on open
    revision = 0;
    parsedCache = null; // names are matched against the open project
    partnersCache = null;
    undo.clear();
    // The team side only where the caller asked for it (the app's worker); the CLI runs its own session.
    if (next && deps.team) team.open();
  };

  const undo = new UndoManager({
    db: requireDb,
    restore(bytes) {
      // Bytes this app exported a moment ago from the open project: no migration, same schema, nothing to check
      // (openProjectDb's integrity_check took 3.7 s on 330 MB). What is not part of the undo history (the project's
      // name, the node positions) stays as it is now.
      const restored = reopenOwnSnapshot(deps.SQL, bytes);
      const current = db;
      if (current) {
        const naam = getProject(current).naam;
        const posities = listKnoopPosities(current);
        restored.transaction(() => {
          renameProject(restored, naam, getProject(restored).gewijzigd);
          replaceKnoopPosities(restored, posities);
        });
      }
      // A shared project: the team document and its settings stay as they are now (the document is the truth).
      if (current && syncStaat(current, 'document')) kopieerTeam(current, restored);
      current?.close();
      db = restored;
      parsedCache = null;
    },
    naStap: () => team.naStap(),
  });

  const team = createTeam({
    db: () => db,
    now,
    bezig: () => importing,
    gewijzigd: () => {
      revision++;
    },
    platform: deps.team?.platform,
    ...(deps.team?.laad ? { laad: deps.team.laad } : {}),
  });

  /** An import that changes the sociale kaart: one transaction, one undo step (the log, or a snapshot when heavy). */
  const runChange = async <T extends object>(
    fileName: string,
    omschrijving: string,
    heavy: boolean,
    fn: Parameters<typeof runImport<T>>[1],
  ): Promise<Result<Changed<T>>> => {
    const result = await runImport<T>(fileName, (d, progress) =>
      heavy
        ? undo.recordHeavy(omschrijving, () => d.transactionAsync(() => fn(d, progress)))
        : undo.recordAsync(omschrijving, () => d.transactionAsync(() => fn(d, progress))),
    );
    if (!result.ok) return result;
    const { overview: ov, ...rest } = result.value;
    return ok({ result: rest as unknown as T, overview: ov, undo: undo.state() });
  };

  /** One user action: one transaction, one undo step, the project touched, the answer the renderer needs. */
  const mutate = <T>(omschrijving: string, fn: (d: ProjectDb, tijd: string) => T): Result<Changed<T>> => {
    if (importing) return fail('import.al-bezig');
    return guard(() => {
      const d = requireDb();
      const tijd = now();
      const result = undo.record(omschrijving, () =>
        d.transaction(() => {
          const r = fn(d, tijd);
          touchProject(d, tijd);
          return r;
        }),
      );
      revision++;
      return { result, overview: overview(requireDb()), undo: undo.state() };
    });
  };

  /** The network read from the project, kept until the project changes (filters change often, data rarely). */
  let netwerkCache: { revision: number; db: ProjectDb; data: NetwerkData } | null = null;
  const netwerk = (): NetwerkData => {
    const d = requireDb();
    if (netwerkCache?.db !== d || netwerkCache.revision !== revision) {
      netwerkCache = { revision, db: d, data: loadNetwerk(d) };
    }
    return netwerkCache.data;
  };

  const changedAfter = <T>(result: T): Changed<T> => ({ result, overview: overview(requireDb()), undo: undo.state() });

  const itemNaam = (d: ProjectDb, soort: EntiteitSoort, id: number | null): string =>
    id === null ? '' : itemNaamVan(d, soort, id);

  return {
    setProgressListener(listener) {
      onProgress = listener;
    },
    currentDb: () => db,

    async createProject(naam) {
      const busy = busyImport<ProjectOverview>();
      if (busy) return busy;
      const parsed = projectNameSchema.safeParse(naam);
      if (!parsed.success) return fail('project.naam-ongeldig');
      return guard(() => {
        const next = createProjectDb(deps.SQL, parsed.data, now(), APP_VERSION);
        replaceDb(next);
        return overview(next);
      });
    },

    async openProject(bytes, fileName): Promise<Result<OpenedProjectInfo>> {
      const busy = busyImport<OpenedProjectInfo>();
      if (busy) return busy;
      const result = guard(() => {
        onProgress?.({ taak: 'controleren', gedaan: 0, totaal: 2 });
        const opened = openProjectDb(deps.SQL, bytes, fileName);
        onProgress?.({ taak: 'controleren', gedaan: 2, totaal: 2 });
        // The overview reads the project row: a file without one is refused before it replaces the open project.
        let info: OpenedProjectInfo;
        try {
          info = { overview: overview(opened.db), migratedFrom: opened.migratedFrom };
        } catch (err) {
          opened.db.close();
          throw err;
        }
        replaceDb(opened.db);
        if (opened.migratedFrom !== null) revision = 1;
        return info;
      });
      // A shared project: its team document is open before the first edit can come.
      if (result.ok) await team.gereed();
      return result;
    },

    async closeProject() {
      // Closing stops a running import first (its transaction rolls back), then closes.
      if (importing) {
        cancelRequested = true;
        await importDone.catch(() => undefined);
      }
      replaceDb(null);
    },

    async exportProject() {
      await team.bewaar();
      return guard(() => {
        const d = requireDb();
        // What a save can break is checked on every save: the snapshot is a whole SQLite file of this app (header,
        // application_id, rollback journal, a known schema version, and exactly page count × page size long, so
        // never cut short); main checks the same, and the atomic write checks the written file's length before the
        // rename (node/atomic-write.ts says why not more). The database itself was integrity_checked on open and has since only been written by SQLite
        // with its constraints on, inside transactions; quick_check on every save (a re-opened copy, ~10 ms per MB,
        // 3.4 s for 400 MB) re-checked SQLite's own work each time. It runs once after an import that wrote with
        // SQLite's checks off (the CBS bulk insert), on the live database, before that state is first saved.
        if (checkPending) {
          if (!d.quickCheck()) throw new AppException('opslaan.controle-mislukt', { bestand: '' });
          checkPending = false;
        }
        const bytes = d.export();
        if (!isSavableProjectFile(bytes, LATEST_SCHEMA_VERSION))
          throw new AppException('opslaan.controle-mislukt', { bestand: '' });
        return bytes;
      });
    },

    async getOverview() {
      return guard(() => overview(requireDb()));
    },

    async renameProject(naam) {
      const busy = busyImport<ProjectOverview>();
      if (busy) return busy;
      const parsed = projectNameSchema.safeParse(naam);
      if (!parsed.success) return fail('project.naam-ongeldig');
      return guard(() => {
        const d = requireDb();
        d.transaction(() => renameProject(d, parsed.data, now()));
        revision++;
        return overview(d);
      });
    },

    async exportTable(name: ExportTableName, opties = {}): Promise<Result<TableData>> {
      if (!(EXPORT_TABLE_NAMES as readonly string[]).includes(name)) {
        return fail('export.onbekende-tabel', { tabel: String(name), tabellen: EXPORT_TABLE_NAMES.join(', ') });
      }
      const peildatum = opties.peildatum ?? undefined;
      if (peildatum !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(peildatum))
        return fail('invoer.ongeldig', { veld: 'peildatum', code: 'ongeldig' });
      return guard(() =>
        exportTable(requireDb(), name, {
          vandaag: now().slice(0, 10),
          ...(peildatum ? { peildatum } : {}),
          ...(opties.exacteAantallen === true ? { exacteAantallen: true } : {}),
        }),
      );
    },

    async previewCbsImport(file, options) {
      try {
        const d = requireDb();
        const { sha, parsed } = await parseCached(file, options);
        return ok(previewCbs(d, file, sha, parsed, options));
      } catch (err) {
        return { ok: false, error: toAppError(err) };
      }
    },

    async importCbs(file, options) {
      return runImport(file.name, async (d, progress) => {
        const { sha, parsed } = await parseCached(file, options);
        // Millions of figures: undone from a snapshot taken before, not from a log.
        const outcome = await undo.recordHeavy(`CBS-bestand ‘${file.name}’ geïmporteerd`, () =>
          importCbs(d, file, sha, parsed, options, { now: now(), ...progress }),
        );
        checkPending = true; // written with CHECK constraints off: quick_check before this state is saved
        parsedCache = null;
        return outcome;
      });
    },

    async previewCognosImport(file, options) {
      try {
        const d = requireDb();
        const sha = await deps.sha256(file.bytes);
        return ok(previewCognos(d, file, sha, parseCognosFile(file, columnOverrides(d, options)), options));
      } catch (err) {
        return { ok: false, error: toAppError(err) };
      }
    },

    async importCognos(file, options) {
      return runImport(file.name, async (d, progress) => {
        const sha = await deps.sha256(file.bytes);
        const parsed = parseCognosFile(file, columnOverrides(d, options));
        return undo.recordAsync(`Cognos-export ‘${file.name}’ geïmporteerd`, () =>
          importCognos(d, file, sha, parsed, options, now(), progress),
        );
      });
    },

    async cancelImport() {
      cancelRequested = true;
    },

    async getGebieden(jaar) {
      return guard(() => {
        const d = requireDb();
        const jaren = listJaren(d);
        const chosen = jaar !== undefined && jaren.includes(jaar) ? jaar : (jaren[0] ?? null);
        return {
          jaren,
          jaar: chosen,
          gebieden: chosen === null ? [] : listGebieden(d, chosen),
          eigen: listEigenGebieden(d),
        };
      });
    },

    async getGebiedProfiel(code, jaar) {
      return guard(() => {
        const d = requireDb();
        return code.startsWith('EG_') ? eigenGebiedProfiel(d, code, jaar) : gebiedProfiel(d, code, jaar);
      });
    },
    async getGebiedProfielen(codes, jaar) {
      return guard(() => {
        const d = requireDb();
        const uit: Record<string, GebiedProfiel> = {};
        for (const code of codes) {
          const p = code.startsWith('EG_') ? eigenGebiedProfiel(d, code, jaar) : gebiedProfiel(d, code, jaar);
          if (p) uit[code] = p;
        }
        return uit;
      });
    },

    async getMetingen(filter) {
      return guard(() => listMetingen(requireDb(), filter));
    },

    async createEigenGebied(naam, leden, jaar) {
      const busy = busyImport<GebiedRow>();
      if (busy) return busy;
      const parsed = projectNameSchema.safeParse(naam);
      if (!parsed.success) return fail('gebied.naam-ongeldig');
      if (leden.length === 0) return fail('gebied.geen-leden');
      return guard(() => {
        const d = requireDb();
        // An undo step like every other change (it writes gebieden and a bron that later steps may follow).
        const g = undo.record(`Eigen gebied ‘${parsed.data}’ gemaakt`, () =>
          createEigenGebied(d, parsed.data, leden, jaar, now()),
        );
        revision++;
        return g;
      });
    },

    async listOrganisaties() {
      return guard(() => kaart.listOrganisaties(requireDb()));
    },
    async listVoorzieningen() {
      return guard(() => kaart.listVoorzieningen(requireDb()));
    },
    async listRelaties() {
      return guard(() => kaart.listRelaties(requireDb()));
    },
    async saveOrganisatie(id, input) {
      const label =
        id === null ? `Organisatie ‘${input.naam.trim()}’ toegevoegd` : `Organisatie ‘${input.naam.trim()}’ gewijzigd`;
      return mutate(label, (d, tijd) => kaart.getOrganisatie(d, kaart.saveOrganisatie(d, id, input, tijd)));
    },
    async saveVoorziening(id, input) {
      const label =
        id === null ? `Voorziening ‘${input.naam.trim()}’ toegevoegd` : `Voorziening ‘${input.naam.trim()}’ gewijzigd`;
      return mutate(label, (d, tijd) => kaart.getVoorziening(d, kaart.saveVoorziening(d, id, input, tijd)));
    },
    async saveRelatie(id, input) {
      const d = db;
      const naam = d
        ? `${itemNaam(d, input.van.soort, input.van.id)} → ${itemNaam(d, input.naar.soort, input.naar.id)}`
        : '';
      const label = id === null ? `Relatie ${naam} toegevoegd` : `Relatie ${naam} gewijzigd`;
      return mutate(label, (d, tijd) => kaart.getRelatie(d, kaart.saveRelatie(d, id, input, tijd)));
    },
    async deleteItems(soort, ids) {
      if (!['organisatie', 'voorziening', 'relatie'].includes(soort)) {
        return fail('invoer.ongeldig', { veld: 'soort', code: 'ongeldig' });
      }
      const d = db;
      const label =
        ids.length === 1 && d
          ? `${soort[0]!.toUpperCase()}${soort.slice(1)} ‘${itemNaam(d, soort, ids[0]!)}’ verwijderd`
          : `${ids.length} items verwijderd`;
      return mutate(label, (d, tijd) => kaart.deleteItems(d, soort, ids, tijd));
    },
    async bulkOrganisaties(ids, patch) {
      return mutate(`${ids.length} organisaties gewijzigd`, (d, tijd) => kaart.bulkOrganisaties(d, ids, patch, tijd));
    },
    async bulkVoorzieningen(ids, patch) {
      return mutate(`${ids.length} voorzieningen gewijzigd`, (d, tijd) => kaart.bulkVoorzieningen(d, ids, patch, tijd));
    },
    async mergeOrganisaties(keepId, ids) {
      const d = db;
      const label = `Samengevoegd tot ‘${d ? itemNaam(d, 'organisatie', keepId) : ''}’`;
      return mutate(label, (d, tijd) => {
        const p = orgPlaces(d);
        kaart.mergeOrganisaties(d, keepId, ids, tijd, (naam) => orgNameKey(naam, p));
        return kaart.getOrganisatie(d, keepId);
      });
    },
    async findDubbeleOrganisaties() {
      return guard(() => {
        const d = requireDb();
        const p = orgPlaces(d);
        const orgs = listOrganisatieKenmerken(d);
        const byId = new Map(orgs.map((o) => [o.id, o]));
        const groups: DubbeleOrganisaties[] = [];
        const byKey = new Map<string, typeof orgs>();
        for (const o of orgs) {
          const k = orgNameKey(o.naam, p);
          byKey.set(k, [...(byKey.get(k) ?? []), o]);
        }
        for (const list of byKey.values()) {
          if (list.length > 1) {
            groups.push({
              organisaties: list.map((o) => ({ id: o.id, naam: o.naam, postcode: o.postcode })),
              zekerheid: 'zeker',
              redenen: ['naam-gelijk'],
            });
          }
        }
        for (const c of findDuplicateCandidates(
          orgs.map((o) => ({ ...o, key: o.id })),
          p,
        )) {
          const a = byId.get(Number(c.a));
          const b = byId.get(Number(c.b));
          if (!a || !b) continue;
          groups.push({
            organisaties: [a, b].map((o) => ({ id: o.id, naam: o.naam, postcode: o.postcode })),
            zekerheid: 'mogelijk',
            redenen: [...c.redenen],
          });
        }
        return groups;
      });
    },
    async getWijzigingen(soort, id) {
      return guard(() => kaart.listWijzigingen(requireDb(), soort, id));
    },
    async listTaxonomieen() {
      return guard(() => listTaxonomieItems(requireDb()));
    },
    async saveTaxonomieItem(taxonomie, code, input) {
      const label = code === null ? `‘${input.label.trim()}’ toegevoegd` : `‘${input.label.trim()}’ gewijzigd`;
      return mutate(label, (d) => {
        const c = saveTaxonomieItem(d, taxonomie, code, input);
        return listTaxonomieItems(d, taxonomie).find((r) => r.code === c)!;
      });
    },
    async deleteTaxonomieItem(taxonomie, code) {
      return mutate(`‘${code}’ verwijderd`, (d) => deleteTaxonomieItem(d, taxonomie, code));
    },
    async undo() {
      if (importing) return fail('import.al-bezig');
      return guard(() => {
        const done = undo.undo();
        if (done !== null) {
          team.naReplay(undo.replayed, 'undo');
          touchProject(requireDb(), now());
          revision++;
        }
        return changedAfter(done);
      });
    },
    async redo() {
      if (importing) return fail('import.al-bezig');
      return guard(() => {
        const done = undo.redo();
        if (done !== null) {
          team.naReplay(undo.replayed, 'redo');
          touchProject(requireDb(), now());
          revision++;
        }
        return changedAfter(done);
      });
    },
    async getUndoState() {
      return undo.state();
    },

    async previewPartnersImport(file, options) {
      try {
        const d = requireDb();
        const sha = await deps.sha256(file.bytes);
        return ok(previewPartners(d, file, sha, parsedPartners(file, sha, options), options));
      } catch (err) {
        return { ok: false, error: toAppError(err) };
      }
    },
    async importPartners(file, options: PartnersImportOptions) {
      return runChange(file.name, `Partnerlijst ‘${file.name}’ geïmporteerd`, false, async (d, progress) => {
        const sha = await deps.sha256(file.bytes);
        return importPartners(d, file, parsedPartners(file, sha, options), options, {
          sha256: sha,
          now: now(),
          ...progress,
        });
      });
    },
    async previewRelatiesImport(file, options) {
      try {
        const d = requireDb();
        const sha = await deps.sha256(file.bytes);
        return ok(previewRelaties(d, file, sha, parseRelatiesFile(file, options), options));
      } catch (err) {
        return { ok: false, error: toAppError(err) };
      }
    },
    async importRelaties(file, options) {
      return runChange(file.name, `Verwijzingen ‘${file.name}’ geïmporteerd`, false, async (d, progress) => {
        const sha = await deps.sha256(file.bytes);
        return importRelaties(d, file, parseRelatiesFile(file, options), options, {
          sha256: sha,
          now: now(),
          ...progress,
        });
      });
    },
    async sniffImport(file) {
      return guard(() => sniffImport(file));
    },
    async importPostcodes(file) {
      return runChange(file.name, `Postcodetabel ‘${file.name}’ geïmporteerd`, true, async (d) => {
        const sha = await deps.sha256(file.bytes);
        const parsed = parsePostcodesFile(file);
        const written = writePostcodes(d, file, sha, parsed, now());
        return { ...written, overgeslagen: parsed.skipped, problemen: parsed.issues };
      });
    },

    async getNetwerk() {
      return guard(() => netwerk());
    },
    async analyseNetwerk(filter) {
      try {
        const data = netwerk();
        // From about 400 knopen the BFS from every node (half of the analysis there) is split over the two helper
        // workers, so both cores work: 500 knopen took ~40 ms instead of ~60 on a busy machine (bench). The helpers
        // are started on first use and then kept; below it one thread is done before the messages would be.
        const parallel = deps.runPaths && data.knopen.length >= PARALLEL_FROM_KNOPEN;
        return ok(parallel ? await analyseNetwerkParallel(data, filter, deps.runPaths!) : analyseNetwerk(data, filter));
      } catch (err) {
        return { ok: false, error: toAppError(err) };
      }
    },
    async saveKnoopPosities(posities, vervangen) {
      if (importing) return fail('import.al-bezig');
      return guard(() => {
        const d = requireDb();
        const n = d.transaction(() => saveKnoopPosities(d, posities, vervangen));
        revision++;
        netwerkCache = null;
        return n;
      });
    },
    async listWeergaven(soort) {
      return guard(() => listWeergaven(requireDb(), soort));
    },
    async saveWeergave(id, input) {
      return mutate(`Weergave ‘${input.naam.trim()}’ ${id === null ? 'bewaard' : 'gewijzigd'}`, (d, tijd) =>
        saveWeergave(d, id, input, tijd),
      );
    },
    async deleteWeergave(id) {
      return mutate('Weergave verwijderd', (d) => deleteWeergave(d, id));
    },
    async reorderWeergaven(ids) {
      if (!Array.isArray(ids) || !ids.every((id) => Number.isInteger(id)))
        return fail('invoer.ongeldig', { veld: 'volgorde', code: 'ongeldig' });
      return mutate('Volgorde van de dia’s gewijzigd', (d) => reorderWeergaven(d, ids));
    },

    async previewGeoImport(file, options) {
      try {
        const d = requireDb();
        const sha = await deps.sha256(file.bytes);
        return ok(previewGeo(d, file, sha, parseGeoFile(deps.SQL, file), options));
      } catch (err) {
        return { ok: false, error: toAppError(err) };
      }
    },
    async importGeo(file, options) {
      return runChange(file.name, `Kaart ‘${file.name}’ geïmporteerd`, false, async (d) => {
        const sha = await deps.sha256(file.bytes);
        return writeGeo(d, file, sha, parseGeoFile(deps.SQL, file), options, now());
      });
    },
    async getKaart(jaar) {
      return guard(() => loadKaart(requireDb(), jaar));
    },

    async getHiaten(opties = {}) {
      return guard(() => {
        const d = requireDb();
        const instellingen = loadHiatenInstellingen(d);
        const input = loadHiatenInput(
          d,
          instellingen,
          opties.jaar,
          opties.peildatum ?? undefined,
          opties.taal === 'en' ? 'en' : 'nl',
        );
        return {
          jaar: input.jaar,
          periode: input.periode,
          peildatum: opties.peildatum ?? null,
          momenten: listHiatenMomenten(d),
          leefgebieden: input.leefgebieden.map((l) => ({
            ...l,
            label: taxonomieLabel('leefgebied', l.code, l.label, opties.taal === 'en' ? 'en' : 'nl'),
          })),
          cellen: berekenHiaten(input, instellingen, {
            doelgroep: opties.doelgroep ?? null,
            taal: opties.taal === 'en' ? 'en' : 'nl',
          }),
          instellingen,
        };
      });
    },
    async setMetingUitgesloten(id, uitgesloten) {
      if (!Number.isInteger(id) || typeof uitgesloten !== 'boolean')
        return fail('invoer.ongeldig', { veld: 'id', code: 'ongeldig' });
      return mutate(uitgesloten ? 'Aantal uitgesloten van de hiaten' : 'Aantal weer meegeteld in de hiaten', (d) => {
        if (!setMetingUitgesloten(d, id, uitgesloten)) throw new AppException('meting.onbekend', { id });
        return id;
      });
    },
    async saveHiatenInstellingen(instellingen) {
      const parsed = hiatenInstellingenSchema.safeParse(instellingen);
      if (!parsed.success)
        return fail('invoer.ongeldig', {
          veld: String(parsed.error.issues[0]?.path.join('.') ?? ''),
          code: 'ongeldig',
        });
      return mutate('Instellingen van de hiaten gewijzigd', (d) => {
        saveHiatenInstellingen(d, parsed.data);
        return loadHiatenInstellingen(d);
      });
    },
    async berekenScenario(parameters, opties = {}) {
      const parsed = scenarioSchema.safeParse(parameters);
      if (!parsed.success)
        return fail('invoer.ongeldig', {
          veld: String(parsed.error.issues[0]?.path.join('.') ?? ''),
          code: 'ongeldig',
        });
      return guard(() => {
        const d = requireDb();
        const peildatum =
          opties.peildatum && /^\d{4}-\d{2}-\d{2}$/.test(opties.peildatum) ? opties.peildatum : undefined;
        return berekenScenario(loadHiatenInput(d, loadHiatenInstellingen(d), undefined, peildatum), parsed.data);
      });
    },
    async listScenarios() {
      return guard(() => listScenarios(requireDb()));
    },
    async saveScenario(id, naam, parameters) {
      const parsed = scenarioSchema.safeParse(parameters);
      if (!parsed.success)
        return fail('invoer.ongeldig', {
          veld: String(parsed.error.issues[0]?.path.join('.') ?? ''),
          code: 'ongeldig',
        });
      return mutate(`Scenario ‘${naam.trim()}’ ${id === null ? 'bewaard' : 'gewijzigd'}`, (d, tijd) =>
        saveScenario(d, id, naam, parsed.data, tijd),
      );
    },
    async deleteScenario(id) {
      return mutate('Scenario verwijderd', (d) => deleteScenario(d, id));
    },

    async getPilotmonitor(opties = {}) {
      return guard(() => {
        const d = requireDb();
        const vandaag = now().slice(0, 10);
        const gevraagd = opties.peildatum && /^\d{4}-\d{2}-\d{2}$/.test(opties.peildatum) ? opties.peildatum : null;
        return buildPilotMonitor(d, gevraagd ?? standaardPeildatum(d, vandaag) ?? vandaag, opties.taal ?? 'nl');
      });
    },
    async getPilot() {
      return guard(() => loadPilot(requireDb()));
    },
    async savePilot(pilot) {
      const parsed = pilotSchema.safeParse(pilot);
      if (!parsed.success) return fail('invoer.ongeldig', eersteProbleem(parsed.error));
      return mutate('Gegevens van de pilot gewijzigd', (d) => {
        savePilot(d, parsed.data);
        return loadPilot(d);
      });
    },
    async listDoelen() {
      return guard(() => listDoelen(requireDb()));
    },
    async saveDoel(id, doel) {
      const parsed = doelSchema.safeParse(doel);
      if (!parsed.success) return fail('invoer.ongeldig', eersteProbleem(parsed.error));
      return mutate(`Doel ‘${parsed.data.naam}’ ${id === null ? 'toegevoegd' : 'gewijzigd'}`, (d, tijd) =>
        saveDoel(d, id, parsed.data, tijd),
      );
    },
    async deleteDoel(id) {
      return mutate('Doel verwijderd', (d) => deleteDoel(d, id));
    },
    async addStandaardDoelen() {
      return mutate('Doelen van het pilotplan toegevoegd', (d, tijd) => {
        const pilot = loadPilot(d);
        if (!pilot.gebied || !pilot.start) throw new AppException('pilot.onvolledig', {});
        const doelen = standaardDoelen(pilot.gebied, pilot.start);
        for (const doel of doelen) saveDoel(d, null, doel, tijd);
        return doelen.length;
      });
    },
    async saveTelling(telling) {
      const parsed = tellingSchema.safeParse(telling);
      if (!parsed.success) return fail('invoer.ongeldig', eersteProbleem(parsed.error));
      return mutate('Telling ingevoerd', (d, tijd) => saveTelling(d, parsed.data, tijd));
    },
    async listCapaciteit() {
      return guard(() => listCapaciteit(requireDb()));
    },
    async saveCapaciteit(regels) {
      const parsed = capaciteitSchema.safeParse(regels);
      if (!parsed.success) return fail('invoer.ongeldig', eersteProbleem(parsed.error));
      return mutate('Capaciteit ingevoerd', (d) => saveCapaciteit(d, parsed.data));
    },
    async deleteCapaciteit(id) {
      return mutate('Capaciteit verwijderd', (d) => deleteCapaciteit(d, id));
    },

    async getRapport(opties) {
      return guard(() => bouwRapport({ db: requireDb(), netwerk: netwerk(), now: now() }, opties));
    },
    async exportRapportXlsx(opties) {
      return guard(() => rapportXlsx(bouwRapport({ db: requireDb(), netwerk: netwerk(), now: now() }, opties)));
    },
    async listSnapshots() {
      return guard(() => listSnapshots(requireDb()));
    },
    async createSnapshot(naam, peildatum) {
      if (importing) return fail('import.al-bezig');
      // Made before the transaction (the analysis only reads), then written as one undo step.
      let inhoud;
      try {
        inhoud = huidigeSnapshot(requireDb(), netwerk());
      } catch (err) {
        return { ok: false, error: toAppError(err) };
      }
      return mutate(`Stuurgroepmoment ‘${naam.trim()}’ vastgelegd`, (d, tijd) =>
        insertSnapshot(d, naam, peildatum, inhoud, tijd),
      );
    },
    async deleteSnapshot(id) {
      return mutate('Stuurgroepmoment verwijderd', (d) => deleteSnapshot(d, id));
    },
    async getPrivacy() {
      return guard(() => loadPrivacy(requireDb()));
    },
    async savePrivacy(instellingen) {
      const parsed = privacySchema.safeParse(instellingen);
      if (!parsed.success)
        return fail('invoer.ongeldig', {
          veld: String(parsed.error.issues[0]?.path.join('.') ?? ''),
          code: 'ongeldig',
        });
      return mutate('Privacy-instelling gewijzigd', (d) => {
        savePrivacy(d, parsed.data);
        return loadPrivacy(d);
      });
    },
    async getTeamStatus() {
      return guard(() => team.status());
    },
    async shareTeam(server, lid) {
      const busy = busyImport<TeamStatus>();
      if (busy) return busy;
      try {
        requireDb();
        const status = await team.share(server, lid);
        revision++;
        return ok(status);
      } catch (err) {
        return { ok: false, error: toAppError(err) };
      }
    },
    async checkTeamUitnodiging(uitnodiging) {
      try {
        await team.check(uitnodiging);
        return ok(true as const);
      } catch (err) {
        return { ok: false, error: toAppError(err) };
      }
    },
    async joinTeam(uitnodiging, lid) {
      const busy = busyImport<Changed<TeamStatus>>();
      if (busy) return busy;
      try {
        requireDb();
        const status = await team.join(uitnodiging, lid);
        revision++;
        return ok(changedAfter(status));
      } catch (err) {
        return { ok: false, error: toAppError(err) };
      }
    },
    async reconnectTeam() {
      try {
        return ok(await team.reconnect());
      } catch (err) {
        return { ok: false, error: toAppError(err) };
      }
    },
    async listTeamMeldingen() {
      return guard(() => team.meldingen());
    },
    async listTeamBronnen() {
      return guard(() => team.bronnen());
    },
    async chooseTeamWaarde(soort, sleutel, veld, keuze) {
      if (importing) return fail('import.al-bezig');
      return guard(() => {
        team.choose(soort, sleutel, veld, keuze);
        touchProject(requireDb(), now());
        revision++;
        return changedAfter(keuze);
      });
    },

    async getPresentatie(opties) {
      if (
        opties &&
        (!Array.isArray(opties.gebieden) ||
          !opties.gebieden.every((g) => typeof g === 'string') ||
          typeof opties.peildatum !== 'string')
      )
        return fail('invoer.ongeldig', { veld: 'gebieden', code: 'ongeldig' });
      // Only what the presentation needs of the report's options.
      const keuze = opties
        ? {
            gebieden: opties.gebieden,
            peildatum: opties.peildatum,
            taal: opties.taal === 'en' ? ('en' as const) : ('nl' as const),
          }
        : null;
      return guard(() => bouwPresentatie({ db: requireDb(), netwerk: netwerk(), now: now() }, keuze));
    },

    async getRevision() {
      return revision;
    },

    async ping(payload) {
      return payload?.byteLength ?? 0;
    },
  };
}
