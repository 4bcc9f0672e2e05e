/// <reference lib="webworker" />
/**
 * The Web Worker that owns the sql.js database. The UI thread talks to it only through WorkerApi (comlink).
 */
import * as Comlink from 'comlink';
import initSqlJs from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import type { ProgressListener, WorkerApi } from '../../shared/contract';
import { createProjectService } from '../../shared/service/project-service';
import type { RunPaths } from '../../shared/analysis/analyse';
import { pathMetricsRaw, type PathMetricsRaw } from '../../shared/analysis/metrics';

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Two helper workers for the network analysis (made when first needed); without them it runs here. */
let helpers: Worker[] | null = null;
let nextRequest = 1;
const runPaths: RunPaths = (g, from, to) => {
  try {
    helpers ??= [0, 1].map(() => new Worker(new URL('./paths.worker.ts', import.meta.url), { type: 'module' }));
  } catch {
    return Promise.resolve(pathMetricsRaw(g, from, to));
  }
  const helper = helpers[from === 0 ? 0 : 1]!;
  const id = nextRequest++;
  return new Promise<PathMetricsRaw>((resolve, reject) => {
    const done = () => {
      helper.removeEventListener('message', onMessage);
      helper.removeEventListener('error', onError);
    };
    const onMessage = (e: MessageEvent<{ id: number; raw: PathMetricsRaw }>) => {
      if (e.data.id !== id) return;
      done();
      resolve(e.data.raw);
    };
    const onError = (err: ErrorEvent) => {
      done();
      reject(new Error(err.message));
    };
    helper.addEventListener('message', onMessage);
    helper.addEventListener('error', onError);
    helper.postMessage({ id, n: g.n, offsets: g.offsets, targets: g.targets, from, to });
  });
};

const ready = initSqlJs({ locateFile: () => wasmUrl }).then((SQL) => createProjectService({ SQL, sha256, runPaths }));

export type ProjectWorker = WorkerApi & { setProgressListener(listener: ProgressListener | undefined): Promise<void> };

const api: ProjectWorker = {
  createProject: async (naam) => (await ready).createProject(naam),
  openProject: async (bytes, fileName) => (await ready).openProject(bytes, fileName),
  closeProject: async () => (await ready).closeProject(),
  exportProject: async () => {
    const result = await (await ready).exportProject();
    return result.ok ? Comlink.transfer(result, [result.value.buffer]) : result;
  },
  getOverview: async () => (await ready).getOverview(),
  renameProject: async (naam) => (await ready).renameProject(naam),
  exportTable: async (name) => (await ready).exportTable(name),
  previewCbsImport: async (file, options) => (await ready).previewCbsImport(file, options),
  importCbs: async (file, options) => (await ready).importCbs(file, options),
  cancelImport: async () => (await ready).cancelImport(),
  previewCognosImport: async (file, options) => (await ready).previewCognosImport(file, options),
  importCognos: async (file, options) => (await ready).importCognos(file, options),
  getMetingen: async (filter) => (await ready).getMetingen(filter),
  getGebieden: async (jaar) => (await ready).getGebieden(jaar),
  getGebiedProfiel: async (code, jaar) => (await ready).getGebiedProfiel(code, jaar),
  createEigenGebied: async (naam, leden, jaar) => (await ready).createEigenGebied(naam, leden, jaar),
  listOrganisaties: async () => (await ready).listOrganisaties(),
  listVoorzieningen: async () => (await ready).listVoorzieningen(),
  listRelaties: async () => (await ready).listRelaties(),
  saveOrganisatie: async (id, input) => (await ready).saveOrganisatie(id, input),
  saveVoorziening: async (id, input) => (await ready).saveVoorziening(id, input),
  saveRelatie: async (id, input) => (await ready).saveRelatie(id, input),
  deleteItems: async (soort, ids) => (await ready).deleteItems(soort, ids),
  bulkOrganisaties: async (ids, patch) => (await ready).bulkOrganisaties(ids, patch),
  bulkVoorzieningen: async (ids, patch) => (await ready).bulkVoorzieningen(ids, patch),
  mergeOrganisaties: async (keepId, ids) => (await ready).mergeOrganisaties(keepId, ids),
  findDubbeleOrganisaties: async () => (await ready).findDubbeleOrganisaties(),
  getWijzigingen: async (soort, id) => (await ready).getWijzigingen(soort, id),
  listTaxonomieen: async () => (await ready).listTaxonomieen(),
  saveTaxonomieItem: async (taxonomie, code, input) => (await ready).saveTaxonomieItem(taxonomie, code, input),
  deleteTaxonomieItem: async (taxonomie, code) => (await ready).deleteTaxonomieItem(taxonomie, code),
  undo: async () => (await ready).undo(),
  redo: async () => (await ready).redo(),
  getUndoState: async () => (await ready).getUndoState(),
  previewPartnersImport: async (file, options) => (await ready).previewPartnersImport(file, options),
  importPartners: async (file, options) => (await ready).importPartners(file, options),
  previewRelatiesImport: async (file, options) => (await ready).previewRelatiesImport(file, options),
  importRelaties: async (file, options) => (await ready).importRelaties(file, options),
  sniffImport: async (file) => (await ready).sniffImport(file),
  importPostcodes: async (file) => (await ready).importPostcodes(file),
  getNetwerk: async () => (await ready).getNetwerk(),
  analyseNetwerk: async (filter) => (await ready).analyseNetwerk(filter),
  saveKnoopPosities: async (posities, vervangen) => (await ready).saveKnoopPosities(posities, vervangen),
  listWeergaven: async (soort) => (await ready).listWeergaven(soort),
  saveWeergave: async (id, input) => (await ready).saveWeergave(id, input),
  deleteWeergave: async (id) => (await ready).deleteWeergave(id),
  previewGeoImport: async (file, options) => (await ready).previewGeoImport(file, options),
  importGeo: async (file, options) => (await ready).importGeo(file, options),
  getKaart: async (jaar) => (await ready).getKaart(jaar),
  getHiaten: async (opties) => (await ready).getHiaten(opties),
  setMetingUitgesloten: async (id, uitgesloten) => (await ready).setMetingUitgesloten(id, uitgesloten),
  saveHiatenInstellingen: async (instellingen) => (await ready).saveHiatenInstellingen(instellingen),
  berekenScenario: async (parameters, opties) => (await ready).berekenScenario(parameters, opties),
  listScenarios: async () => (await ready).listScenarios(),
  saveScenario: async (id, naam, parameters) => (await ready).saveScenario(id, naam, parameters),
  deleteScenario: async (id) => (await ready).deleteScenario(id),
  getPilotmonitor: async (opties) => (await ready).getPilotmonitor(opties),
  getPilot: async () => (await ready).getPilot(),
  savePilot: async (pilot) => (await ready).savePilot(pilot),
  listDoelen: async () => (await ready).listDoelen(),
  saveDoel: async (id, doel) => (await ready).saveDoel(id, doel),
  deleteDoel: async (id) => (await ready).deleteDoel(id),
  addStandaardDoelen: async () => (await ready).addStandaardDoelen(),
  saveTelling: async (telling) => (await ready).saveTelling(telling),
  listCapaciteit: async () => (await ready).listCapaciteit(),
  saveCapaciteit: async (regels) => (await ready).saveCapaciteit(regels),
  deleteCapaciteit: async (id) => (await ready).deleteCapaciteit(id),
  getRapport: async (opties) => (await ready).getRapport(opties),
  exportRapportXlsx: async (opties) => (await ready).exportRapportXlsx(opties),
  listSnapshots: async () => (await ready).listSnapshots(),
  createSnapshot: async (naam, peildatum) => (await ready).createSnapshot(naam, peildatum),
  deleteSnapshot: async (id) => (await ready).deleteSnapshot(id),
  getPrivacy: async () => (await ready).getPrivacy(),
  savePrivacy: async (instellingen) => (await ready).savePrivacy(instellingen),
  getPresentatie: async () => (await ready).getPresentatie(),
  getRevision: async () => (await ready).getRevision(),
  ping: async (payload) => (await ready).ping(payload),
  setProgressListener: async (listener) => (await ready).setProgressListener(listener),
};

Comlink.expose(api);
