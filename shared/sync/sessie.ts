import * as A from '@automerge/automerge/slim';
import {
  Repo,
  type DocHandle,
  type DocumentId,
  type NetworkAdapterInterface,
  type PeerId,
} from '@automerge/automerge-repo/slim';
import type { ProjectDb } from '../db/connection';
import type { EntiteitSoort } from '../model/sociale-kaart';
import { AppException } from '../result';
import {
  bronManifest,
  listMeldingen,
  syncStaat,
  vergeetTeam,
  zetSyncStaat,
  type SyncMeldingRij,
} from '../db/repos/sync';
import {
  bronKey,
  COLLECTIE,
  collectieVan,
  itemsVan,
  soortVanCollectie,
  VERWIJDERD,
  type DocItem,
  type TeamDoc,
  type TeamSoort,
  type Veld,
  type Waarde,
} from './model';
import {
  documentVanProject,
  nietsGewijzigd,
  projecteer,
  type AlleWaarden,
  type Gewijzigd,
  type ProjectieUitkomst,
} from './projectie';
import { ProjectFileStorage } from './storage';
import { verbindingsUrl, type Uitnodiging } from './uitnodiging';

export {
  leesServer,
  leesUitnodiging,
  toegangUrl,
  uitnodigingTekst,
  verbindingsUrl,
  type Uitnodiging,
} from './uitnodiging';

/**
 * A member's side of Samenwerken (issue 19): automerge-repo beside the project's sql.js database, the same in the
 * CLI (Node) and in the app's worker (browser). The document chunks live in the project file (ProjectFileStorage);
 * the server is reached over a WebSocket with the project's invite token. What differs per platform (the WebSocket,
 * how a refused token is seen) comes in as a `TeamPlatform`. Automerge's WebAssembly is loaded by the caller (the
 * full entry in Node, `initializeWasm` in the worker) before anything here runs.
 */

export type Toegang = 'ok' | 'geweigerd' | 'onbereikbaar';

export interface TeamPlatform {
  /** automerge-repo's network adapter to the server at this URL. */
  netwerk(url: string, retryMs: number): NetworkAdapterInterface;
  /** Tries the server once: reachable and the token accepted (and registered on a first share), refused, or not reachable. */
  probeer(url: string, timeoutMs: number): Promise<Toegang>;
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const cryptoApi = (globalThis as unknown as { crypto: { getRandomValues<T extends Uint8Array>(a: T): T } }).crypto;

/** Random bytes as base64url (Web Crypto, in Node and in the browser alike; 3-byte groups, so no padding). */
export function willekeurig(groepen: number): string {
  const b = cryptoApi.getRandomValues(new Uint8Array(groepen * 3));
  let s = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i]! << 16) | (b[i + 1]! << 8) | b[i + 2]!;
    s += B64URL[(n >> 18) & 63]! + B64URL[(n >> 12) & 63]! + B64URL[(n >> 6) & 63]! + B64URL[n & 63]!;
  }
  return s;
}

export const nieuwToken = (): string => willekeurig(8);
export const nieuweSleutel = (): string => willekeurig(4);

export interface Sessie {
  readonly repo: Repo;
  readonly handle: DocHandle<TeamDoc>;
  readonly documentId: string;
  readonly storage: ProjectFileStorage;
  /** Connected to the server (automerge-repo reconnects after a drop); false when opened offline. */
  readonly online: boolean;
  close(): Promise<void>;
}

function maakRepo(
  storage: ProjectFileStorage,
  platform: TeamPlatform | null,
  url: string | null,
  retryMs: number,
): Repo {
  return new Repo({
    storage,
    network: url && platform ? [platform.netwerk(url, retryMs)] : [],
    peerId: `wijkweb-${nieuweSleutel()}` as PeerId,
    sharePolicy: async () => true,
    saveDebounceRate: 50,
  });
}

export interface SessieOpties {
  /** null once the project is closed (the session's late writes are dropped). */
  readonly db: () => ProjectDb | null;
  /** Without one, offline: the document from the project file only. */
  readonly platform?: TeamPlatform;
  readonly retryMs?: number;
  readonly timeoutMs?: number;
}

/** Opens the team document of a shared project (from the file, and the server when a platform is given). */
export async function openSessie(opts: SessieOpties): Promise<Sessie> {
  const db = opts.db();
  if (!db) throw new AppException('project.geen-project-open');
  const documentId = syncStaat(db, 'document');
  const server = syncStaat(db, 'server');
  const token = syncStaat(db, 'token');
  if (!documentId || !server || !token) throw new AppException('team.niet-gedeeld');
  const url = opts.platform ? verbindingsUrl({ server, document: documentId, token }, false) : null;
  if (url && opts.platform) {
    const probe = await opts.platform.probeer(url, opts.timeoutMs ?? 5000);
    if (probe === 'geweigerd') throw new AppException('team.geweigerd', { server });
    if (probe === 'onbereikbaar') throw new AppException('team.onbereikbaar', { server });
  }
  const storage = new ProjectFileStorage(opts.db);
  const repo = maakRepo(storage, opts.platform ?? null, url, opts.retryMs ?? 3000);
  const signal = AbortSignal.timeout(opts.timeoutMs ?? 30_000);
  let handle: DocHandle<TeamDoc>;
  try {
    handle = await repo.find<TeamDoc>(documentId as DocumentId, { signal });
  } catch (e) {
    await repo.shutdown().catch(() => {});
    throw new AppException('team.document-onbekend', { server }, String(e));
  }
  return {
    repo,
    handle,
    documentId,
    storage,
    online: url !== null,
    close: async () => {
      await repo.flush().catch(() => {});
      await repo.shutdown().catch(() => {});
      storage.schrijfUit();
    },
  };
}

/**
 * Share: the project's sociale kaart becomes a new team document (stable keys for every row), stored in the file and
 * handed to the server, which registers the new token on this first presentation.
 */
export async function deelProject(opts: {
  db: () => ProjectDb;
  platform: TeamPlatform;
  server: string;
  lid: string;
  now: string;
  timeoutMs?: number;
}): Promise<{ uitnodiging: Uitnodiging; sessie: Sessie }> {
  const db = opts.db();
  if (syncStaat(db, 'document')) throw new AppException('team.al-gedeeld');
  const token = nieuwToken();
  const storage = new ProjectFileStorage(opts.db);
  const repo = maakRepo(storage, null, null, 1000);
  let doc!: TeamDoc;
  db.transaction(() => {
    doc = documentVanProject(db, opts.lid, opts.now, nieuweSleutel);
  });
  const handle = repo.create<TeamDoc>(doc);
  await handle.whenReady();
  await repo.flush();
  const uitnodiging = { server: opts.server, document: handle.documentId, token };
  const probe = await opts.platform.probeer(verbindingsUrl(uitnodiging, true), opts.timeoutMs ?? 5000);
  await repo.shutdown();
  storage.schrijfUit();
  if (probe !== 'ok') {
    vergeetTeam(db);
    throw new AppException(probe === 'geweigerd' ? 'team.geweigerd' : 'team.onbereikbaar', { server: opts.server });
  }
  db.transaction(() => {
    zetSyncStaat(db, 'document', handle.documentId);
    zetSyncStaat(db, 'server', opts.server);
    zetSyncStaat(db, 'token', token);
    zetSyncStaat(db, 'lid', opts.lid);
    zetSyncStaat(db, 'kop', JSON.stringify(A.getHeads(handle.doc())));
  });
  const sessie = await openSessie({
    db: opts.db,
    platform: opts.platform,
    ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
  });
  // The invite is only useful once the server has the document.
  if (!(await wachtOpSync(sessie, opts.timeoutMs ?? 30_000))) {
    await sessie.close();
    throw new AppException('team.onbereikbaar', { server: opts.server });
  }
  return { uitnodiging, sessie };
}

/** Join: a new (empty) project joins the team: settings stored, document fetched and projected. */
export async function neemDeel(opts: {
  db: () => ProjectDb;
  platform: TeamPlatform;
  uitnodiging: Uitnodiging;
  lid: string;
  now: string;
  timeoutMs?: number;
}): Promise<Sessie> {
  const db = opts.db();
  if (syncStaat(db, 'document')) throw new AppException('team.al-gedeeld');
  db.transaction(() => {
    zetSyncStaat(db, 'document', opts.uitnodiging.document);
    zetSyncStaat(db, 'server', opts.uitnodiging.server);
    zetSyncStaat(db, 'token', opts.uitnodiging.token);
    zetSyncStaat(db, 'lid', opts.lid);
  });
  let sessie: Sessie;
  try {
    sessie = await openSessie({
      db: opts.db,
      platform: opts.platform,
      ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
    });
  } catch (e) {
    vergeetTeam(db);
    throw e;
  }
  projecteerSessie(db, sessie.handle, opts.now);
  return sessie;
}

// ---------------------------------------------------------------- projection and review list

/** Every concurrent value of a field (Automerge's getConflicts), the winner first; the same value twice counts once. */
export function alleWaarden(doc: TeamDoc): AlleWaarden {
  return (soort, sleutel, veld) => {
    const item = itemsVan(doc, soort)[sleutel];
    if (!item) return [];
    const c = A.getConflicts(item, veld);
    if (!c) return [];
    const winnaar = item[veld];
    const lijst = (Object.values(c) as unknown[]).filter(
      (v): v is Veld => typeof v === 'object' && v !== null && 'w' in v,
    );
    const plain = (v: Veld): Veld => ({ w: v.w, door: v.door, op: v.op });
    const w = winnaar ? plain(winnaar) : null;
    const rest = lijst.map(plain);
    if (w) {
      const i = rest.findIndex((v) => JSON.stringify(v) === JSON.stringify(w));
      if (i > 0) rest.unshift(...rest.splice(i, 1));
    }
    const gezien = new Set<string>();
    return rest.filter((v) => {
      const k = JSON.stringify(v.w);
      if (gezien.has(k)) return false;
      gezien.add(k);
      return true;
    });
  };
}

/** The keys the patches between two states touch. */
function gewijzigdeSleutels(patches: readonly A.Patch[]): Gewijzigd {
  const g = nietsGewijzigd();
  for (const p of patches) {
    const [col, key] = p.path;
    if (typeof key !== 'string') continue;
    const soort = soortVanCollectie(col);
    if (soort) g[soort].add(key);
  }
  return g;
}

/**
 * Projects what changed in the document since the heads last projected (kept in `sync_staat.kop`) into the tables,
 * in one transaction: incremental per change; everything on a first open, when the stored heads are unknown, or when
 * `alles` is asked (after an undo that put back whole rows).
 */
export function projecteerSessie(
  db: ProjectDb,
  handle: DocHandle<TeamDoc>,
  now: string,
  alles = false,
): ProjectieUitkomst | null {
  const doc = handle.doc();
  const heads = A.getHeads(doc);
  const kopTekst = syncStaat(db, 'kop');
  const kop = kopTekst ? (JSON.parse(kopTekst) as string[]) : null;
  if (!alles && kop && kop.length === heads.length && kop.every((h) => heads.includes(h))) return null;
  let gewijzigd: Gewijzigd | 'alles' = 'alles';
  if (kop && !alles) {
    try {
      gewijzigd = gewijzigdeSleutels(A.diff(doc, kop, heads));
    } catch {
      gewijzigd = 'alles';
    }
  }
  return db.transaction(() => {
    const uit = projecteer(db, doc, gewijzigd, now, alleWaarden(doc));
    zetSyncStaat(db, 'kop', JSON.stringify(heads));
    return uit;
  });
}

// ---------------------------------------------------------------- edits

export interface Wijziging {
  readonly soort: EntiteitSoort;
  /** null: a new item. */
  readonly sleutel: string | null;
  readonly velden: Readonly<Record<string, Waarde>>;
}

const ROLLBACK = new Error('dry run');

/**
 * One edit of the shared sociale kaart, document first (the CLI's `wijzig`): checked first against the tables (an
 * unknown code or gebied is refused before anything changes), then written into the document (each field a fresh
 * value with who and when), then projected.
 */
export function wijzig(db: ProjectDb, handle: DocHandle<TeamDoc>, w: Wijziging, lid: string, now: string): string {
  const col = COLLECTIE[w.soort];
  const sleutel = w.sleutel ?? nieuweSleutel();
  const doc = handle.doc();
  const bestaand: DocItem | undefined = doc[col][sleutel];
  if (w.sleutel && !bestaand) throw new AppException('item.niet-gevonden', { soort: w.soort, id: w.sleutel });
  const nieuw: DocItem = { ...(bestaand ?? {}) };
  for (const [veld, waarde] of Object.entries(w.velden)) nieuw[veld] = { w: waarde, door: lid, op: now };
  // Dry run of the projection of this one item: its refusal is the edit's refusal.
  let meldingen: SyncMeldingRij[] = [];
  try {
    db.transaction(() => {
      const probeer = { ...doc, [col]: { ...doc[col], [sleutel]: nieuw } } as TeamDoc;
      const g = nietsGewijzigd();
      g[w.soort].add(sleutel);
      projecteer(db, probeer, g, now);
      meldingen = listMeldingen(db).filter((m) => m.sleutel === sleutel && m.melding === 'niet-getoond');
      throw ROLLBACK;
    });
  } catch (e) {
    if (e !== ROLLBACK) throw e;
  }
  const fout = meldingen[0]?.details as { code?: string; params?: Record<string, string | number> } | undefined;
  if (fout?.code) throw new AppException(fout.code, fout.params);
  handle.change((d) => {
    const items = d[col] as Record<string, DocItem>;
    if (!items[sleutel]) items[sleutel] = {};
    const item = items[sleutel]!;
    for (const [veld, waarde] of Object.entries(w.velden)) item[veld] = { w: waarde, door: lid, op: now };
  });
  projecteerSessie(db, handle, now);
  return sleutel;
}

export const verwijder = (
  db: ProjectDb,
  handle: DocHandle<TeamDoc>,
  soort: EntiteitSoort,
  sleutel: string,
  lid: string,
  now: string,
) => wijzig(db, handle, { soort, sleutel, velden: { [VERWIJDERD]: now } }, lid, now);

export const herstel = (
  db: ProjectDb,
  handle: DocHandle<TeamDoc>,
  soort: EntiteitSoort,
  sleutel: string,
  lid: string,
  now: string,
) => wijzig(db, handle, { soort, sleutel, velden: { [VERWIJDERD]: null } }, lid, now);

/** Settles a conflict: the chosen value (its index in the review entry, 0 = the one shown) as a new change. */
export function kies(
  db: ProjectDb,
  handle: DocHandle<TeamDoc>,
  soort: TeamSoort,
  sleutel: string,
  veld: string,
  keuze: number,
  lid: string,
  now: string,
): void {
  const waarden = alleWaarden(handle.doc())(soort, sleutel, veld);
  const gekozen = waarden[keuze];
  if (!gekozen) throw new AppException('team.keuze-onbekend', { veld, keuze });
  if (soort === 'organisatie' || soort === 'voorziening' || soort === 'relatie') {
    wijzig(db, handle, { soort, sleutel, velden: { [veld]: gekozen.w } }, lid, now);
    return;
  }
  // A list value, a goal, a scenario: both values were already checked when they were projected.
  const col = collectieVan(soort);
  handle.change((d) => {
    const items = (d[col] ??= {}) as Record<string, DocItem>;
    const item = (items[sleutel] ??= {});
    item[veld] = { w: gekozen.w, door: lid, op: now };
  });
  projecteerSessie(db, handle, now);
}

/**
 * The files this member imported, for the team's list of who has which version (not part of an undo step: a file
 * once imported stays known; the figures themselves are never shared).
 */
export function bronnenNaarDocument(db: ProjectDb, handle: DocHandle<TeamDoc>, lid: string): void {
  const bronnen = handle.doc().bronnen ?? {};
  const nieuw = bronManifest(db).filter((b) => !bronnen[bronKey(b.sha256, lid)]);
  if (nieuw.length === 0) return;
  handle.change((d) => {
    d.bronnen ??= {};
    for (const b of nieuw)
      d.bronnen[bronKey(b.sha256, lid)] = { soort: b.soort, bestand: b.bestand, sha256: b.sha256, door: lid, op: b.op };
  });
}

// ---------------------------------------------------------------- sync

/** The storage id of the server this repo is connected to (its heads are what "gesynchroniseerd" compares). */
function serverStorageId(repo: Repo) {
  for (const peer of repo.peers) {
    const id = repo.getStorageIdOfPeer(peer);
    if (id) return id;
  }
  return undefined;
}

/** True when the server's heads of the document are ours: both sides have each other's changes. */
export function isGesynchroniseerd(sessie: Sessie): boolean {
  const storageId = serverStorageId(sessie.repo);
  if (!storageId) return false;
  const info = sessie.handle.getSyncInfo(storageId);
  if (!info) return false;
  const ours = sessie.handle.heads();
  return info.lastHeads.length === ours.length && ours.every((h) => info.lastHeads.includes(h));
}

/** Connected to the server now (a peer is there). */
export const isVerbonden = (sessie: Sessie): boolean => sessie.online && sessie.repo.peers.length > 0;

/** Waits until the server and this member have each other's changes; false after the timeout. */
export async function wachtOpSync(sessie: Sessie, timeoutMs = 30_000): Promise<boolean> {
  const tot = Date.now() + timeoutMs;
  while (Date.now() < tot) {
    if (isGesynchroniseerd(sessie)) {
      await sessie.repo.flush();
      sessie.storage.schrijfUit();
      return true;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
}
