/** The project service behind comlink in a worker thread: the same contract the renderer's Web Worker serves. */
import { createHash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createProjectService } from '../../shared/service/project-service';
import { loadSqlJs } from '../../node/sqljs';

const service = createProjectService({
  SQL: await loadSqlJs(),
  sha256: async (b) => createHash('sha256').update(b).digest('hex'),
});
const api = {
  ping: service.ping,
  openProject: service.openProject,
  async exportProject() {
    const r = await service.exportProject();
    return r.ok ? Comlink.transfer(r, [r.value.buffer]) : r;
  },
  getOverview: service.getOverview,
  createProject: service.createProject,
  importCbs: service.importCbs,
  closeProject: service.closeProject,
};
Comlink.expose(api, nodeEndpoint(parentPort!));
