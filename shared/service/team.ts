import type { ProjectDb } from '../db/connection';
import {
  bronManifest,
  koppelId,
  listMeldingenMetId,
  listSyncIds,
  lokaalId,
  ontkoppelId,
  opruimenIds,
  syncStaat,
  zetSyncStaat,
} from '../db/repos/sync';
import type { EntiteitSoort } from '../model/sociale-kaart';
import { AppException } from '../result';
import {
  collectieVan,
  isVerwijderd,
  itemsVan,
  SOORTEN,
  EENVOUDIGE_SOORTEN,
  TAXONOMIE_VELDEN,
  veldenVan,
  taxonomieSleutel,
  VERWIJDERD,
  waardeVan,
  type DocItem,
  type IdSoort,
  type TeamSoort,
  type Waarde,
} from '../sync/model';
import { EENVOUDIGE_COLLECTIES } from '../sync/collecties';
import { itemWaarden, lokaleRijen, rijWaarden, taxonomieWaarden } from '../sync/projectie';
import { listTaxonomieItems } from '../db/repos/taxonomies';
import {
  deelProject,
  isGesynchroniseerd,
  bronnenNaarDocument,
  kies,
  leesServer,
  leesUitnodiging,
  neemDeel,
  nieuweSleutel,
  openSessie,
  projecteerSessie,
  uitnodigingTekst,
  verbindingsUrl,
  type Sessie,
  type TeamPlatform,
} from '../sync/sessie';

/**
 * Samenwerken in the app (issue 19): the team side of the project service. The app edits the sociale kaart through
 * the same repos as always (checked there, one undo step each); right after each step, what the step changed in the
 * tables goes into the team document, field by field, as the member's change (only the fields the member changed,
 * so a teammate's edit of another field is never overwritten). An undo is a new change in the document: the fields
 * of the step go back to their earlier values (unless a teammate changed them since: then theirs stays), after which
 * the tables are projected from the document again. Remote changes are projected as they arrive.
 */

export type TeamVerbinding = 'niet-gedeeld' | 'verbinden' | 'verbonden' | 'offline' | 'geweigerd';

export interface TeamStatus {
  readonly gedeeld: boolean;
  readonly server: string | null;
  readonly lid: string | null;
  readonly verbinding: TeamVerbinding;
  /** Own changes the server does not have yet. */
  readonly wachtend: number;
  readonly laatstGesynchroniseerd: string | null;
  readonly naTeKijken: number;
  /** Teammates seen online in the last 30 seconds (their names). */
  readonly online: readonly string[];
  /** Raised when a teammate's changes were taken in (the UI reloads what it shows). */
  readonly revisie: number;
  /** The invite to send to teammates (only on the project that has it: every member's file does). */
  readonly uitnodiging: string | null;
}

import type { MeldingMetId } from '../db/repos/sync';
export type TeamMelding = MeldingMetId;

/** One version of an imported file in the team: who has it, and whether this member does. */
export interface TeamBron {
  readonly soort: string;
  readonly bestand: string;
  readonly sha256: string;
  readonly leden: readonly string[];
  readonly bijMij: boolean;
}

/** One field of one item changed by a step: enough to write the change back (undo) or again (redo). */
interface VeldStap {
  readonly soort: TeamSoort;
  readonly sleutel: string;
  readonly id: number;
  readonly veld: string;
  readonly voor: Waarde;
  readonly na: Waarde;
}

interface TeamStap {
  readonly team: readonly VeldStap[];
}

const isTeamStap = (m: unknown): m is TeamStap =>
  typeof m === 'object' && m !== null && Array.isArray((m as TeamStap).team);

const gelijk = (a: Waarde | undefined, b: Waarde | undefined): boolean => (a ?? null) === (b ?? null);

export interface TeamHost {
  db(): ProjectDb | null;
  now(): string;
  /** An import's transaction is open: remote changes wait. */
  bezig(): boolean;
  /** Remote changes were projected into the tables. */
  gewijzigd(): void;
  /** The platform's WebSocket; without one, a shared project works offline only. */
  readonly platform?: TeamPlatform | undefined;
  /** Loads Automerge's WebAssembly (the worker); once. */
  laad?(): Promise<void>;
}

export function createTeam(host: TeamHost) {
  let sessie: Sessie | null = null;
  /** Which project the session is of: a session of a closed project never writes. */
  let sessieDb: ProjectDb | null = null;
  let verbinding: TeamVerbinding = 'niet-gedeeld';
  /** The session has its network adapter (connected or retrying). */
  let netwerkAan = false;
  let wachtend = 0;
  let revisie = 0;
  let opening: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let hartslag: ReturnType<typeof setInterval> | null = null;
  const gezien = new Map<string, number>();
  /** Each item's fields as the tables had them at the last exchange with the document: `soort:key` → values. */
  let basis = new Map<string, Record<string, Waarde>>();

  const huidigeDb = (): ProjectDb | null => {
    const d = host.db();
    return d && sessieDb ? d : null;
  };

  const geladen = (() => {
    let p: Promise<void> | null = null;
    return () => (p ??= host.laad ? host.laad() : Promise.resolve());
  })();

  function vernieuwBasis(db: ProjectDb): void {
    const ids = listSyncIds(db);
    const key = (soort: EntiteitSoort, id: number) => ids.get(`${soort}:${id}`) ?? '';
    const rijen = lokaleRijen(db);
    const b = new Map<string, Record<string, Waarde>>();
    for (const soort of SOORTEN)
      for (const r of rijen[soort]) {
        const k = ids.get(`${soort}:${r.id}`);
        if (k) b.set(`${soort}:${k}`, rijWaarden(soort, r, key));
      }
    for (const t of listTaxonomieItems(db))
      b.set(`taxonomie:${taxonomieSleutel(t.taxonomie, t.code)}`, taxonomieWaarden(t));
    for (const soort of EENVOUDIGE_SOORTEN)
      for (const r of EENVOUDIGE_COLLECTIES[soort].lijst(db)) {
        const k = ids.get(`${soort}:${r.id}`);
        if (k) b.set(`${soort}:${k}`, r.waarden);
      }
    basis = b;
  }

  /** Takes in what teammates changed (not during an import; then it waits). */
  function verwerk(): void {
    timer = null;
    const db = huidigeDb();
    if (!db || !sessie) return;
    if (host.bezig() || db.inTransaction) {
      timer = setTimeout(verwerk, 250);
      return;
    }
    sessie.storage.schrijfUit();
    const p = projecteerSessie(db, sessie.handle, host.now());
    if (p) {
      vernieuwBasis(db);
      revisie++;
      host.gewijzigd();
    }
  }

  const plan = () => {
    timer ??= setTimeout(verwerk, 100);
  };

  function volgSync(): void {
    const db = huidigeDb();
    if (!sessie || !db) return;
    if (verbinding === 'geweigerd') return;
    if (!netwerkAan) {
      if (verbinding !== 'verbinden') verbinding = 'offline';
      return;
    }
    verbinding = sessie.repo.peers.length > 0 ? 'verbonden' : 'offline';
    if (verbinding === 'verbonden' && isGesynchroniseerd(sessie)) {
      if (wachtend > 0 || !syncStaat(db, 'gesynchroniseerd')) {
        wachtend = 0;
        if (!db.inTransaction) zetSyncStaat(db, 'gesynchroniseerd', host.now());
      }
    }
    if (netwerkAan) sessie.handle.broadcast({ wijkweb: 'aanwezig', lid: syncStaat(db, 'lid') ?? '' });
  }

  function koppel(s: Sessie, db: ProjectDb, vlag: { open: boolean }): void {
    sessie = s;
    sessieDb = db;
    sessieVlag = vlag;
    s.handle.on('change', plan);
    s.handle.on('ephemeral-message', (e) => {
      const m = e.message as { wijkweb?: string; lid?: string } | null;
      if (m?.wijkweb === 'aanwezig' && typeof m.lid === 'string') gezien.set(m.lid, Date.now());
    });
    hartslag = setInterval(volgSync, 1000);
  }

  /**
   * The database a session writes its chunks into: the open project's (also after an undo replaced it by a snapshot),
   * until the session is stopped; after that its late writes are dropped, never put in the next project.
   */
  const projectDb = (): { db: () => ProjectDb | null; vlag: { open: boolean } } => {
    const vlag = { open: true };
    return { db: () => (vlag.open ? host.db() : null), vlag };
  };
  let sessieVlag: { open: boolean } | null = null;

  async function maakSessie(online: boolean): Promise<{ s: Sessie; vlag: { open: boolean } }> {
    const { db, vlag } = projectDb();
    try {
      const s = await openSessie({
        db,
        ...(online && host.platform ? { platform: host.platform } : {}),
        retryMs: 3000,
        timeoutMs: 10_000,
      });
      return { s, vlag };
    } catch (e) {
      vlag.open = false;
      throw e;
    }
  }

  /**
   * Opens the team side of the open project when it is shared: the document from the file at once (edits made right
   * after opening go into it), then the server in the background (a slow or absent server never holds the app up).
   */
  async function start(): Promise<void> {
    const db = host.db();
    if (!db || !syncStaat(db, 'document')) {
      verbinding = 'niet-gedeeld';
      return;
    }
    await geladen();
    const { s, vlag } = await maakSessie(false);
    if (host.db() !== db) {
      vlag.open = false;
      await s.repo.shutdown().catch(() => {});
      return;
    }
    koppel(s, db, vlag);
    verbinding = host.platform ? 'verbinden' : 'offline';
    projecteerSessie(db, s.handle, host.now());
    vernieuwBasis(db);
    revisie++;
    host.gewijzigd();
    if (host.platform) void verbindOnline(s, db, host.platform);
  }

  /** Asks the server whether it lets this project in; then the network adapter connects (and reconnects) on its own. */
  async function verbindOnline(s: Sessie, db: ProjectDb, platform: TeamPlatform): Promise<void> {
    const server = syncStaat(db, 'server');
    const document = syncStaat(db, 'document');
    const token = syncStaat(db, 'token');
    if (!server || !document || !token) return;
    const url = verbindingsUrl({ server, document, token }, false);
    const toegang = await platform.probeer(url, 10_000);
    if (sessie !== s) return;
    if (toegang === 'geweigerd') {
      verbinding = 'geweigerd';
      return;
    }
    s.repo.networkSubsystem.addNetworkAdapter(platform.netwerk(url, 3000));
    netwerkAan = true;
  }

  function stop(): void {
    if (timer) clearTimeout(timer);
    if (hartslag) clearInterval(hartslag);
    timer = null;
    hartslag = null;
    const s = sessie;
    if (s) {
      s.storage.schrijfUit();
      if (sessieVlag) sessieVlag.open = false;
      void s.repo.shutdown().catch(() => {});
    }
    sessieVlag = null;
    sessie = null;
    sessieDb = null;
    netwerkAan = false;
    basis = new Map();
    wachtend = 0;
    gezien.clear();
    verbinding = 'niet-gedeeld';
  }

  /** The step's changes of the tables written into the document (fields that differ from the last exchange). */
  function naarDocument(db: ProjectDb, s: Sessie): VeldStap[] {
    const lid = syncStaat(db, 'lid') ?? '';
    const nu = host.now();
    const ids = listSyncIds(db);
    const doc = s.handle.doc();
    const rijen = lokaleRijen(db);
    const eenvoudig = EENVOUDIGE_SOORTEN.map((soort) => [soort, EENVOUDIGE_COLLECTIES[soort].lijst(db)] as const);
    const bestaand = new Set([
      ...SOORTEN.flatMap((s) => rijen[s].map((r) => `${s}:${r.id}`)),
      ...eenvoudig.flatMap(([s, lijst]) => lijst.map((r) => `${s}:${r.id}`)),
    ]);
    const stappen: VeldStap[] = [];
    // The last exchange as it will be once the document has this step (kept only when the write succeeded).
    const volgende = new Map(basis);
    // The lists first (an item may use a value made in the same step): values added, changed or deleted here.
    const lijst = new Map(
      listTaxonomieItems(db).map((t) => [taxonomieSleutel(t.taxonomie, t.code), taxonomieWaarden(t)] as const),
    );
    const docLijst = itemsVan(doc, 'taxonomie');
    for (const k of basis.keys()) {
      if (!k.startsWith('taxonomie:')) continue;
      const sleutel = k.slice('taxonomie:'.length);
      if (lijst.has(sleutel)) continue;
      volgende.delete(k);
      if (!isVerwijderd(docLijst[sleutel]))
        stappen.push({ soort: 'taxonomie', sleutel, id: 0, veld: VERWIJDERD, voor: null, na: nu });
    }
    for (const [sleutel, waarden] of lijst) {
      const item = docLijst[sleutel];
      const b =
        volgende.get(`taxonomie:${sleutel}`) ?? (isVerwijderd(item) ? undefined : itemWaarden('taxonomie', item));
      if (!b) stappen.push({ soort: 'taxonomie', sleutel, id: 0, veld: VERWIJDERD, voor: nu, na: null });
      for (const veld of Object.keys(TAXONOMIE_VELDEN)) {
        if (b && gelijk(b[veld], waarden[veld])) continue;
        if (!b && waarden[veld] === null) continue;
        stappen.push({ soort: 'taxonomie', sleutel, id: 0, veld, voor: b?.[veld] ?? null, na: waarden[veld] ?? null });
      }
      volgende.set(`taxonomie:${sleutel}`, waarden);
    }
    // Rows that are gone: their items get a tombstone.
    for (const [ref, sleutel] of ids) {
      const [soort, id] = ref.split(':') as [IdSoort, string];
      if (bestaand.has(ref)) continue;
      ontkoppelId(db, soort, sleutel);
      ids.delete(ref);
      if (isVerwijderd(itemsVan(doc, soort)[sleutel])) continue;
      stappen.push({ soort, sleutel, id: Number(id), veld: VERWIJDERD, voor: null, na: nu });
    }
    const key = (soort: IdSoort, id: number): string => {
      let k = ids.get(`${soort}:${id}`);
      if (!k) {
        k = nieuweSleutel();
        koppelId(db, soort, k, id);
        ids.set(`${soort}:${id}`, k);
      }
      return k;
    };
    const rij = (soort: IdSoort, id: number, waarden: Record<string, Waarde>) => {
      const nieuw = !ids.has(`${soort}:${id}`);
      const sleutel = key(soort, id);
      const item: DocItem | undefined = itemsVan(doc, soort)[sleutel];
      const voor = nieuw ? undefined : (volgende.get(`${soort}:${sleutel}`) ?? itemWaarden(soort, item));
      if (nieuw) stappen.push({ soort, sleutel, id, veld: VERWIJDERD, voor: nu, na: null });
      for (const veld of Object.keys(veldenVan(soort))) {
        if (!nieuw && gelijk(voor?.[veld], waarden[veld])) continue;
        if (nieuw && waarden[veld] === null) continue;
        stappen.push({ soort, sleutel, id, veld, voor: voor?.[veld] ?? null, na: waarden[veld] ?? null });
      }
      volgende.set(`${soort}:${sleutel}`, waarden);
    };
    for (const soort of SOORTEN) for (const r of rijen[soort]) rij(soort, r.id, rijWaarden(soort, r, key));
    for (const [soort, lijst] of eenvoudig) for (const r of lijst) rij(soort, r.id, r.waarden);
    schrijf(s, stappen, 'na', lid, nu);
    basis = volgende;
    bronnenNaarDocument(db, s.handle, lid);
    return stappen;
  }

  function schrijf(s: Sessie, stappen: readonly VeldStap[], kant: 'voor' | 'na', lid: string, nu: string): void {
    if (stappen.length === 0) return;
    s.handle.change((d) => {
      d.taxonomie ??= {};
      for (const st of stappen) {
        const items = d[collectieVan(st.soort)] as Record<string, DocItem>;
        if (!items[st.sleutel]) items[st.sleutel] = {};
        items[st.sleutel]![st.veld] = { w: st[kant], door: lid, op: nu };
      }
    });
    wachtend += stappen.length;
  }

  /** What share and join need: an open project, a platform that can connect, the member's name. */
  function vereist(lid: string): { db: ProjectDb; platform: TeamPlatform; naam: string } {
    const db = host.db();
    if (!db) throw new AppException('project.geen-project-open');
    if (!host.platform) throw new AppException('team.geen-verbinding-mogelijk');
    const naam = lid.trim();
    if (!naam) throw new AppException('team.lid-ontbreekt');
    return { db, platform: host.platform, naam };
  }

  return {
    /** Resolves when the team side of the open project is ready for edits (not waiting for the server). */
    gereed(): Promise<void> {
      return opening ?? Promise.resolve();
    },
    /** After a project was opened or made: starts the team side when the project is shared. */
    open(): void {
      stop();
      opening = start().catch(() => {
        verbinding = 'offline';
      });
    },
    /** Before the open project is closed or replaced. */
    sluit(): void {
      stop();
    },
    /** Before a save: every document change is in the tables of the file. */
    async bewaar(): Promise<void> {
      await opening;
      if (!sessie) return;
      await sessie.repo.flush().catch(() => {});
      sessie.storage.schrijfUit();
    },
    /** The UndoManager's hook after each step: the step's changes into the document; kept with the step. */
    naStap(): TeamStap | undefined {
      const db = huidigeDb();
      if (!db || !sessie) return undefined;
      try {
        sessie.storage.schrijfUit();
        const stappen = naarDocument(db, sessie);
        // Teammates' changes not yet taken in come along (and the item just written, again, unchanged).
        if (projecteerSessie(db, sessie.handle, host.now())) vernieuwBasis(db);
        return stappen.length > 0 ? { team: stappen } : undefined;
      } catch {
        // The edit itself is saved; what did not reach the document goes with the next step (the last exchange is
        // unchanged for it). Not an undo step of the team then: undo rewinds it here and sends the result.
        return undefined;
      }
    },
    /** After an undo or redo: the step's fields back (or again) in the document, then the tables from the document. */
    naReplay(meta: unknown, richting: 'undo' | 'redo'): { overgeslagen: number } {
      const db = huidigeDb();
      if (!db || !sessie) return { overgeslagen: 0 };
      if (!isTeamStap(meta)) {
        // A step from before the project was shared: its result goes in as a new change.
        naarDocument(db, sessie);
        if (projecteerSessie(db, sessie.handle, host.now())) vernieuwBasis(db);
        return { overgeslagen: 0 };
      }
      const lid = syncStaat(db, 'lid') ?? '';
      const nu = host.now();
      const doc = sessie.handle.doc();
      const [van, naar] = richting === 'undo' ? (['na', 'voor'] as const) : (['voor', 'na'] as const);
      const schrijven: VeldStap[] = [];
      let overgeslagen = 0;
      const stappen = richting === 'undo' ? [...meta.team].reverse() : meta.team;
      const rijen = lokaleRijen(db);
      const ids = Object.fromEntries([
        ...SOORTEN.map((s) => [s, new Set(rijen[s].map((r) => r.id))]),
        ...EENVOUDIGE_SOORTEN.map((s) => [s, new Set(EENVOUDIGE_COLLECTIES[s].lijst(db).map((r) => r.id))]),
      ]) as Record<IdSoort, Set<number>>;
      for (const st of stappen) {
        const item = itemsVan(doc, st.soort)[st.sleutel];
        // A teammate changed it since: theirs stays.
        if (!gelijk(waardeVan(item, st.veld), st[van])) overgeslagen++;
        else schrijven.push(st);
        // The replay put the row back under its old id: it is this item again.
        if (st.soort !== 'taxonomie' && lokaalId(db, st.soort, st.sleutel) === null && ids[st.soort].has(st.id))
          koppelId(db, st.soort, st.sleutel, st.id);
      }
      schrijf(sessie, schrijven, naar, lid, nu);
      opruimenIds(db);
      projecteerSessie(db, sessie.handle, nu, true);
      vernieuwBasis(db);
      return { overgeslagen };
    },

    // ------------------------------------------------------------ the calls of the WorkerApi

    status(): TeamStatus {
      const db = host.db();
      const gedeeld = db ? syncStaat(db, 'document') !== null : false;
      const nu = Date.now();
      for (const [naam, t] of gezien) if (nu - t > 30_000) gezien.delete(naam);
      const server = db ? syncStaat(db, 'server') : null;
      const document = db ? syncStaat(db, 'document') : null;
      const token = db ? syncStaat(db, 'token') : null;
      const lid = db ? syncStaat(db, 'lid') : null;
      return {
        gedeeld,
        server,
        lid,
        verbinding: gedeeld ? verbinding : 'niet-gedeeld',
        wachtend,
        laatstGesynchroniseerd: db ? syncStaat(db, 'gesynchroniseerd') : null,
        naTeKijken: db && gedeeld ? listMeldingenMetId(db).length : 0,
        online: [...gezien.keys()].filter((n) => n !== lid).sort(),
        revisie,
        uitnodiging: server && document && token ? uitnodigingTekst({ server, document, token }) : null,
      };
    },

    async share(serverTekst: string, lid: string): Promise<TeamStatus> {
      const { db, platform, naam } = vereist(lid);
      const server = leesServer(serverTekst);
      await geladen();
      stop();
      const { db: dbVan, vlag } = projectDb();
      const { sessie: s } = await deelProject({
        db: () => dbVan()!,
        platform,
        server,
        lid: naam,
        now: host.now(),
        timeoutMs: 10_000,
      });
      zetSyncStaat(db, 'gesynchroniseerd', host.now());
      koppel(s, db, vlag);
      netwerkAan = true;
      verbinding = 'verbonden';
      vernieuwBasis(db);
      return this.status();
    },

    async join(uitnodigingTekst: string, lid: string): Promise<TeamStatus> {
      const { db, platform, naam } = vereist(lid);
      const uitnodiging = leesUitnodiging(uitnodigingTekst);
      const rijen = lokaleRijen(db);
      if (SOORTEN.some((s) => rijen[s].length > 0)) throw new AppException('team.deelnemen-niet-leeg');
      await geladen();
      stop();
      const { db: dbVan, vlag } = projectDb();
      const s = await neemDeel({
        db: () => dbVan()!,
        platform,
        uitnodiging,
        lid: naam,
        now: host.now(),
        timeoutMs: 10_000,
      });
      koppel(s, db, vlag);
      netwerkAan = true;
      verbinding = 'verbonden';
      // The server sends the document in rounds: take in what has come, and the rest as it arrives.
      projecteerSessie(db, s.handle, host.now());
      vernieuwBasis(db);
      bronnenNaarDocument(db, s.handle, naam);
      revisie++;
      return this.status();
    },

    /** Before a join makes a new project: the invite is read and the server asked whether it lets this invite in. */
    async check(uitnodigingTekst: string): Promise<void> {
      if (!host.platform) throw new AppException('team.geen-verbinding-mogelijk');
      const u = leesUitnodiging(uitnodigingTekst);
      const toegang = await host.platform.probeer(verbindingsUrl(u, false), 10_000);
      if (toegang === 'geweigerd') throw new AppException('team.geweigerd', { server: u.server });
      if (toegang === 'onbereikbaar') throw new AppException('team.onbereikbaar', { server: u.server });
    },

    /** Tries the server again now (after "offline" or a refusal). */
    async reconnect(): Promise<TeamStatus> {
      this.open();
      await opening;
      return this.status();
    },

    /** The team's imported files: per file (kind and name), each version (sha256) with who has it and whether I do. */
    bronnen(): TeamBron[] {
      const db = huidigeDb();
      if (!db || !sessie) return [];
      const mijn = new Set(bronManifest(db).map((b) => b.sha256));
      const perVersie = new Map<string, { soort: string; bestand: string; sha256: string; leden: Set<string> }>();
      for (const b of Object.values(sessie.handle.doc().bronnen ?? {})) {
        const v = perVersie.get(b.sha256) ?? { soort: b.soort, bestand: b.bestand, sha256: b.sha256, leden: new Set() };
        v.leden.add(b.door);
        perVersie.set(b.sha256, v);
      }
      return [...perVersie.values()]
        .map((v) => ({ ...v, leden: [...v.leden].sort(), bijMij: mijn.has(v.sha256) }))
        .sort((a, b) => a.soort.localeCompare(b.soort) || a.bestand.localeCompare(b.bestand));
    },

    meldingen(): TeamMelding[] {
      const db = host.db();
      return db ? listMeldingenMetId(db) : [];
    },

    /** Settles a review entry: the chosen value as a new change (not an undo step of its own). */
    choose(soort: TeamSoort, sleutel: string, veld: string, keuze: number): void {
      const db = huidigeDb();
      if (!db || !sessie) throw new AppException('team.niet-gedeeld');
      kies(db, sessie.handle, soort, sleutel, veld, keuze, syncStaat(db, 'lid') ?? '', host.now());
      wachtend++;
      vernieuwBasis(db);
      revisie++;
    },
  };
}

export type Team = ReturnType<typeof createTeam>;
