import '@automerge/automerge';
import { WebSocketClientAdapter } from '@automerge/automerge-repo-network-websocket';
import WebSocket from 'ws';
import type { ProjectDb } from '../../shared/db/connection';
import * as sessie from '../../shared/sync/sessie';
import type { Sessie, TeamPlatform, Toegang, Uitnodiging } from '../../shared/sync/sessie';

/**
 * Samenwerken in Node (the CLI, the tests, the bench): the platform of `shared/sync/sessie.ts` on the `ws` package.
 * The import of the full `@automerge/automerge` entry loads its WebAssembly for the slim imports of shared/.
 */

export {
  alleWaarden,
  bronnenNaarDocument,
  herstel,
  isGesynchroniseerd,
  kies,
  leesUitnodiging,
  nieuweSleutel,
  nieuwToken,
  projecteerSessie,
  uitnodigingTekst,
  verwijder,
  wachtOpSync,
  wijzig,
  type Sessie,
  type Uitnodiging,
  type Wijziging,
} from '../../shared/sync/sessie';

/** Tries the server once: reachable and the token accepted, refused (401/403), or not reachable. */
export function probeerServer(url: string, timeoutMs = 5000): Promise<Toegang> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    const klaar = (r: Toegang) => {
      clearTimeout(timer);
      ws.removeAllListeners();
      ws.on('error', () => {});
      try {
        ws.terminate();
      } catch {
        // already closed
      }
      resolve(r);
    };
    const timer = setTimeout(() => klaar('onbereikbaar'), timeoutMs);
    ws.on('open', () => klaar('ok'));
    ws.on('unexpected-response', (_req, res) =>
      klaar(res.statusCode === 401 || res.statusCode === 403 ? 'geweigerd' : 'onbereikbaar'),
    );
    ws.on('error', () => klaar('onbereikbaar'));
  });
}

function netwerk(url: string, retryMs: number): WebSocketClientAdapter {
  const adapter = new WebSocketClientAdapter(url, retryMs);
  // The adapter throws from its error listener on anything but ECONNREFUSED (a 401, a reset), which would end the
  // process: a dropped or refused connection is retried instead, and reported by `team sync` / `team status`.
  const a = adapter as unknown as {
    onError: () => void;
    socket?: WebSocket;
    connect: (...args: Parameters<WebSocketClientAdapter['connect']>) => void;
    send: (...args: Parameters<WebSocketClientAdapter['send']>) => void;
  };
  a.onError = () => {};
  // On a retry the adapter makes a new socket and only takes its listeners off the old one: a socket still
  // connecting stays open (the server counts it) and its later error has no listener (which ends a Node process).
  // Each socket keeps an error listener, and the one replaced is closed.
  // A send on a socket that is closing throws inside automerge-repo's sync callback, after Automerge has already
  // moved the document on: the handle keeps the outdated document and every later change fails ("Attempting to
  // change an outdated document"; seen with 20 members under load). Dropped instead: after the reconnect the sync
  // protocol sends what the server is missing again.
  const send = a.send.bind(adapter);
  a.send = (message) => {
    try {
      send(message);
    } catch {
      // dropped (see above)
    }
  };
  const connect = a.connect.bind(adapter);
  a.connect = (...args) => {
    const oud = a.socket;
    connect(...args);
    a.socket?.on('error', () => {});
    if (oud && oud !== a.socket) {
      oud.on('error', () => {});
      try {
        oud.terminate();
      } catch {
        // already closed
      }
    }
  };
  return adapter;
}

export const nodePlatform: TeamPlatform = { netwerk, probeer: probeerServer };

export interface SessieOpties {
  readonly db: () => ProjectDb;
  /** Without one, offline: the document from the project file only. */
  readonly online?: boolean;
  readonly retryMs?: number;
  readonly timeoutMs?: number;
}

export const openSessie = (opts: SessieOpties): Promise<Sessie> =>
  sessie.openSessie({
    db: opts.db,
    ...(opts.online ? { platform: nodePlatform } : {}),
    ...(opts.retryMs ? { retryMs: opts.retryMs } : {}),
    ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
  });

export const deelProject = (opts: {
  db: () => ProjectDb;
  server: string;
  lid: string;
  now: string;
  timeoutMs?: number;
}): Promise<{ uitnodiging: Uitnodiging; sessie: Sessie }> => sessie.deelProject({ ...opts, platform: nodePlatform });

export const neemDeel = (opts: {
  db: () => ProjectDb;
  uitnodiging: Uitnodiging;
  lid: string;
  now: string;
  timeoutMs?: number;
}): Promise<Sessie> => sessie.neemDeel({ ...opts, platform: nodePlatform });
